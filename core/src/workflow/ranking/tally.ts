/**
 * Reading a filled ballot back (the sheet made by ballotLayout, or one typed by hand like it):
 * marks or points per activity, with a finding for every cell that could not be counted and
 * every row that names no listed activity — no row is dropped silently.
 */
import type { SheetData } from '../../port/types';
import type { GridCell } from '../../reader/grid';
import { TextGrid } from '../../reader/grid';
import { foldKey, formatVnNumber, parseNumber } from '../../text';
import { a1, columnName } from '../../util/a1';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import type { RankItem, RankMethod } from './core';
import { BENEFICIARIES_CRITERION, criteriaOf, markLimit, scoreRange } from './core';
import { BALLOT_TEXT } from './ballot';
import { matchName } from './sheet';
import { VALIDITY_HEADING_KEY } from './validity';

export interface TallyResult {
  /** Marks or points by item key, for every item found on the sheet. */
  readonly totals: Map<string, number>;
  /** People who marked or scored at least once. */
  readonly participants: number;
  readonly findings: Finding[];
  /** Keys of listed items with no row on the sheet. */
  readonly missing: string[];
  /** Scores: points on the criterion "Số lượng người hưởng lợi" by item key (the tie-break after the handbook's flags). */
  readonly beneficiaries: Map<string, number>;
}

/**
 * Lines of the ballot that are not activities: the count row, notes, date and signatures
 * (the date line: "ngày … tháng … năm", not an activity such as "Tổ chức ngày hội đại đoàn kết tháng 11").
 */
const FOOTER = /^(so hoat dong da chon|xep muc uu tien|cach lam|moi nguoi|cac tieu chi|nguoi tong hop|chu tri|ky ghi ro|tong cong|cong$|tong$)|\bngay( \d{1,2})? thang( \d{1,2})? nam\b/;
const SUMMARY = /^tong hop diem/;

interface Header {
  readonly headerRow: number;
  readonly bodyRow: number;
  readonly col: Partial<Record<'stt' | 'activity' | 'unit' | 'quantity' | 'place' | 'participant' | 'total' | 'rank' | 'key', number>>;
  /** Band texts per column: [top, bottom]. */
  readonly texts: ReadonlyMap<number, readonly [string, string]>;
}

const GROUP_KEYS = [foldKey(BALLOT_TEXT.participantsGroup), foldKey(BALLOT_TEXT.scoresGroup), 'tong diem theo tieu chi'];

type Role = keyof Header['col'];

/**
 * The headings of each role, exactly (folded): a heading is a role only when it says that and
 * nothing more, so a criterion that starts like a role ("Số lượng người hưởng lợi") stays a
 * criterion and is counted.
 */
const ROLES: readonly (readonly [Role, readonly string[], RankMethod['kind'] | undefined])[] = [
  ['stt', ['stt', 'tt', 'so tt', 'so thu tu'], undefined],
  ['key', ['ma dong lkh', 'ma dong'], undefined],
  ['activity', ['hoat dong', 'ten hoat dong', 'hoat dong de xuat', 'cac hoat dong', 'noi dung hoat dong'], undefined],
  ['unit', ['dvt', 'd v t', 'don vi tinh', 'don vi'], undefined],
  ['quantity', ['so luong', 'khoi luong', 'so luong khoi luong', 'quy mo'], undefined],
  ['place', ['dia diem', 'dia diem thuc hien'], undefined],
  ['rank', ['xep muc uu tien dua vao ket qua lua chon', 'xep muc uu tien dua vao ket qua cham diem', 'xep muc uu tien', 'xep uu tien', 'thu tu uu tien', 'muc uu tien', 'uu tien', 'xep hang', 'xep thu tu'], undefined],
  ['total', ['tong so gach lua chon cua nguoi dan', 'tong so gach', 'so gach', 'tong so hat', 'so hat', 'tong so', 'cong'], 'marks'],
  ['total', ['cong diem', 'tong diem', 'tong so diem', 'tong cong diem', 'cong'], 'scores'],
  ['participant', ['dai bieu', 'nguoi cham', 'nguoi cham diem', 'ho ten', 'ho va ten', 'ten dai bieu', 'ho ten dai bieu'], 'scores'],
];

function kindOf(key: string, method: RankMethod): Role | undefined {
  for (const [role, keys, only] of ROLES) if ((only === undefined || only === method.kind) && keys.includes(key)) return role;
  return undefined;
}

function locate(grid: TextGrid, data: SheetData, method: RankMethod): Header | undefined {
  for (let r = grid.top; r < grid.bottom; r++) {
    const kinds = new Map(grid.rowCells(r).map(({ col, cell }) => [kindOf(cell.key, method), col]));
    if (!kinds.has('activity') || !kinds.has('total')) continue;
    // The header band: as deep as the merges that start on its first row (two rows in the ballot).
    let depth = 1;
    for (const m of data.merges) if (m.row === r && m.rows > depth && m.rows <= 3) depth = m.rows;
    const activityCol = kinds.get('activity') as number;
    const totalCol = kinds.get('total') as number;
    if (depth === 1 && r + 1 < grid.bottom && grid.at(r + 1, activityCol).text === '') {
      // A flattened two-row header: names or criteria under the group label, nothing in Hoạt động.
      const below = grid.rowCells(r + 1).filter(({ col }) => col > activityCol && col < totalCol);
      if (below.length > 0 && below.every(({ cell }) => typeof cell.raw === 'string' && parseNumber(cell.raw).ok === false)) depth = 2;
    }
    const col: Header['col'] = {};
    const texts = new Map<number, readonly [string, string]>();
    for (let c = grid.left; c < grid.right; c++) {
      let top = '';
      let bottom = '';
      for (let rr = r; rr < r + depth; rr++) {
        const t = grid.shown(rr, c).text;
        if (t === '') continue;
        if (top === '') top = t;
        bottom = t;
      }
      texts.set(c, [top, bottom]);
      // A column under the participants' or criteria's group heading holds marks or points, whatever its own heading says.
      if (top !== bottom && GROUP_KEYS.some((g) => foldKey(top).startsWith(g))) continue;
      for (const t of [top, bottom]) {
        const k = kindOf(foldKey(t), method);
        if (k && col[k] === undefined) col[k] = c;
      }
    }
    col.activity = activityCol;
    col.total = totalCol;
    return { headerRow: r, bodyRow: r + depth, col, texts };
  }
  return undefined;
}

/** Reads a filled ballot: totals by item key, number of people, findings. */
export function readTally(sheet: SheetData, items: readonly RankItem[], method: RankMethod): TallyResult {
  const grid = new TextGrid(sheet);
  const findings: Finding[] = [];
  const totals = new Map<string, number>();
  const at = (row: number, col: number) => ({ sheet: sheet.name, cell: a1(row, col) });
  const header = locate(grid, sheet, method);
  if (!header) {
    findings.push(
      finding('TABLE_NOT_FOUND', { sheet: sheet.name }, { form: 'phiếu xếp ưu tiên', table: method.kind === 'marks' ? BALLOT_TEXT.marksTotal : BALLOT_TEXT.scoreTotal }),
    );
    return { totals, participants: 0, findings, missing: items.map((i) => i.key), beneficiaries: new Map() };
  }
  const { col } = header;
  const activityCol = col.activity as number;
  const totalCol = col.total as number;
  const descriptive = [col.stt, col.activity, col.unit, col.quantity, col.place, col.participant].filter((c): c is number => c !== undefined && c < totalCol);
  const firstData = method.kind === 'marks' ? Math.max(...descriptive) + 1 : activityCol + 1;
  const dataCols: number[] = [];
  for (let c = firstData; c < totalCol; c++) if (!descriptive.includes(c) && c !== col.rank && c !== col.key) dataCols.push(c);
  const labelOf = (c: number): string => {
    const [top, bottom] = header.texts.get(c) ?? ['', ''];
    const group = method.kind === 'marks' ? BALLOT_TEXT.participantsGroup : BALLOT_TEXT.scoresGroup;
    const t = bottom !== '' && !foldKey(bottom).startsWith(foldKey(group)) ? bottom : top !== '' && !foldKey(top).startsWith(foldKey(group)) ? top : '';
    return t !== '' ? t : `cột ${columnName(c)}`;
  };
  const keyIndex = new Map(items.map((item, i) => [item.key, i]));
  const names = items.map((i) => i.activity);
  const found = new Set<number>();
  const perColumn = new Map<number, number>();
  const people = new Set<string>();
  const limit = method.kind === 'marks' ? markLimit(method, items.length) : 0;
  const range = method.kind === 'scores' ? scoreRange(method) : { min: 0, max: 0 };
  const criteria = method.kind === 'scores' ? dataCols.map(labelOf) : [];
  const criterionCount = method.kind === 'scores' ? Math.max(1, dataCols.length || criteriaOf(method).length) : 1;
  const benefitAt = criteria.findIndex((c) => foldKey(c) === foldKey(BENEFICIARIES_CRITERION));
  const beneficiaries = new Map<string, number>();
  const cellError = (r: number, c: number, cell: GridCell): boolean => {
    if (!cell.error) return false;
    findings.push(finding('CELL_ERROR', at(r, c), { error: cell.error }));
    return true;
  };

  for (let r = header.bodyRow; r < grid.bottom; r++) {
    if (grid.rowIsEmpty(r)) continue;
    const cells = grid.rowCells(r);
    if (method.kind === 'scores' && cells.some(({ cell }) => SUMMARY.test(cell.key))) break;
    // The validity block under the ballot (validity.ts) holds counts, not marks.
    if (cells.some(({ cell }) => cell.key.startsWith(VALIDITY_HEADING_KEY))) break;
    const key = col.key !== undefined ? grid.at(r, col.key).text : '';
    const name = grid.at(r, activityCol).text;
    const totalCell = grid.at(r, totalCol);
    const typedTotal = totalCell.formula === undefined && totalCell.text !== '' ? totalCell : undefined;
    const filled = dataCols.filter((c) => grid.at(r, c).text !== '' || grid.at(r, c).error);
    // Which item the row is: its key, else its name.
    let index = key !== '' ? (keyIndex.get(key) ?? -1) : -1;
    if (index < 0 && name !== '') index = matchName(name, names);
    if (index < 0 && key === '') {
      // The lines under the table, typed in any column (in Hoạt động too): not activities, and their numbers are not marks.
      if (cells.some(({ cell }) => FOOTER.test(cell.key))) continue;
      if (name === '' && filled.length === 0 && !typedTotal) continue; // an STT or a stray formula only
    }
    // Marks count towards each person's limit wherever they are, even on a row reported below.
    if (method.kind === 'marks') for (const c of filled) if (!grid.at(r, c).error) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
    if (index < 0) {
      const shown = name !== '' ? name : key !== '' ? key : '(không ghi tên)';
      findings.push(finding('TALLY_ACTIVITY_UNKNOWN', at(r, name !== '' || key === '' ? activityCol : (col.key as number)), { row: r + 1, activity: shortName(shown) }));
      continue;
    }
    const item = items[index];
    found.add(index);
    let sum = 0;
    let counted = 0;
    if (method.kind === 'marks') {
      for (const c of filled) {
        if (cellError(r, c, grid.at(r, c))) continue;
        sum++;
      }
    } else {
      const person = col.participant !== undefined ? grid.at(r, col.participant).text : '';
      dataCols.forEach((c, i) => {
        const cell = grid.at(r, c);
        if (cell.text === '' && !cell.error) return;
        if (cellError(r, c, cell)) return;
        const p = parseNumber(cell.raw);
        if (!p.ok) {
          if (p.reason === 'not-a-number') findings.push(finding('NOT_A_NUMBER', at(r, c), { column: criteria[i], text: shortName(cell.text, 40) }));
          return;
        }
        if (p.value < range.min || p.value > range.max) {
          findings.push(finding('SCORE_OUT_OF_RANGE', at(r, c), { value: formatVnNumber(p.value), min: range.min, max: range.max }));
          return;
        }
        sum += p.value;
        counted++;
        if (i === benefitAt) beneficiaries.set(item.key, (beneficiaries.get(item.key) ?? 0) + p.value);
      });
      if (counted > 0) people.add(person);
    }
    // A count typed in the total column stands when no mark or score is in the row.
    if (filled.length === 0 && typedTotal) {
      const p = parseNumber(typedTotal.raw);
      const lo = method.kind === 'marks' ? 0 : range.min * criterionCount;
      const hi = method.kind === 'marks' ? Infinity : range.max * criterionCount;
      if (!p.ok) {
        if (p.reason === 'not-a-number') findings.push(finding('NOT_A_NUMBER', at(r, totalCol), { column: method.kind === 'marks' ? BALLOT_TEXT.marksTotal : BALLOT_TEXT.scoreTotal, text: shortName(typedTotal.text, 40) }));
      } else if (p.value < 0 && method.kind === 'marks') {
        findings.push(finding('NEGATIVE_NUMBER', at(r, totalCol), { column: BALLOT_TEXT.marksTotal, value: formatVnNumber(p.value) }));
      } else if (p.value < lo || p.value > hi) {
        findings.push(finding('SCORE_OUT_OF_RANGE', at(r, totalCol), { value: formatVnNumber(p.value), min: lo, max: hi }));
      } else {
        sum = p.value;
      }
    }
    totals.set(item.key, (totals.get(item.key) ?? 0) + sum);
  }

  const participants = method.kind === 'marks' ? perColumn.size : people.size;
  if (method.kind === 'marks') {
    const nameRow = header.bodyRow - 1;
    for (const [c, count] of perColumn) {
      if (count > limit) findings.push(finding('TALLY_OVER_LIMIT', at(nameRow, c), { participant: labelOf(c), count, limit }));
    }
  }
  const missing = items.filter((_, i) => !found.has(i)).map((i) => i.key);
  return { totals, participants, findings, missing, beneficiaries };
}

/** Raised when a ballot cannot be ranked from: nothing is written. The message says why, in Vietnamese. */
export class RankingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RankingRefused';
  }
}

/**
 * Why a read ballot must not be ranked from, or undefined when it may: no ballot filled (no
 * person marked or scored anything valid), or the ballot's table not found. Says how many
 * ballots are filled and what the handbook asks of each person.
 */
export function ballotRefusal(tally: TallyResult, method: RankMethod, items: number, ballotSheet: string, listSheet: string): string | undefined {
  if (tally.participants > 0) return undefined;
  const notFound = tally.findings.some((f) => f.code === 'TABLE_NOT_FOUND');
  const rule =
    method.kind === 'marks'
      ? `Theo Sổ tay, mỗi người dự họp đánh dấu (hoặc bỏ hạt) vào tối đa ${markLimit(method, items)} trong ${items} hoạt động (khoảng 30%); Tổ công tác đếm số gạch của từng hoạt động.`
      : `Theo Sổ tay, mỗi người chấm từ ${scoreRange(method).min} đến ${scoreRange(method).max} điểm cho từng tiêu chí đối với mỗi hoạt động; Tổ công tác cộng điểm của mọi người.`;
  const what = notFound
    ? `Không tìm thấy bảng phiếu trên trang "${ballotSheet}" (cần cột "${BALLOT_TEXT.activity}" và cột "${method.kind === 'marks' ? BALLOT_TEXT.marksTotal : BALLOT_TEXT.scoreTotal}")`
    : `Trang "${ballotSheet}" chưa có phiếu nào được điền: 0 người ${method.kind === 'marks' ? 'đánh dấu' : 'chấm điểm'} hợp lệ`;
  return `${what}, nên chưa xếp ưu tiên và không ghi mức ưu tiên nào vào trang "${listSheet}". ${rule} Hãy nhập phiếu của từng người rồi xếp ưu tiên lại.`;
}
