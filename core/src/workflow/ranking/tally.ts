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
import { criteriaOf, markLimit, scoreRange } from './core';
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
}

/** Lines of the ballot that are not activities: the count row, notes, date and signatures. */
const FOOTER = /^(so hoat dong da chon|xep muc uu tien|cach lam|moi nguoi|cac tieu chi|nguoi tong hop|chu tri|ky ghi ro|tong cong|cong$|tong$)|\bngay\b.*\bthang\b/;
const SUMMARY = /^tong hop diem/;

interface Header {
  readonly headerRow: number;
  readonly bodyRow: number;
  readonly col: Partial<Record<'stt' | 'activity' | 'unit' | 'quantity' | 'place' | 'participant' | 'total' | 'rank' | 'key', number>>;
  /** Band texts per column: [top, bottom]. */
  readonly texts: ReadonlyMap<number, readonly [string, string]>;
}

function kindOf(key: string, method: RankMethod): keyof Header['col'] | undefined {
  if (key === 'stt' || key === 'tt') return 'stt';
  if (key.startsWith('ma dong')) return 'key';
  if (key.startsWith('hoat dong')) return 'activity';
  if (key === 'dvt' || key.startsWith('don vi tinh')) return 'unit';
  // "Số lượng người hưởng lợi" is the fourth default criterion, not the Số lượng column.
  if (key.startsWith('so luong') && !key.includes('huong loi')) return 'quantity';
  if (key.startsWith('dia diem')) return 'place';
  if (key.startsWith('xep')) return 'rank';
  if (method.kind === 'marks') {
    if (key.startsWith('tong so gach') || key.startsWith('so gach') || key === 'tong so' || key === 'cong') return 'total';
  } else {
    if (key.startsWith('cong diem') || key.startsWith('tong diem') || key.startsWith('tong so diem') || key === 'cong') return 'total';
    if (key.startsWith('dai bieu') || key.startsWith('nguoi cham') || key.startsWith('ho ten') || key.startsWith('ho va ten')) return 'participant';
  }
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
      for (const t of [top, bottom]) {
        const k = kindOf(foldKey(t), method);
        if (k && col[k] === undefined && (k !== 'total' || c === totalCol)) col[k] = c;
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
    return { totals, participants: 0, findings, missing: items.map((i) => i.key) };
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
    if (key === '' && name === '') {
      if (cells.some(({ cell }) => FOOTER.test(cell.key))) continue;
      if (filled.length === 0 && !typedTotal) continue; // an STT or a stray formula only
    }
    // Marks count towards each person's limit wherever they are, even on a row reported below.
    if (method.kind === 'marks') for (const c of filled) if (!grid.at(r, c).error) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
    // Which item the row is: its key, else its name.
    let index = key !== '' ? (keyIndex.get(key) ?? -1) : -1;
    if (index < 0 && name !== '') index = matchName(name, names);
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
  return { totals, participants, findings, missing };
}
