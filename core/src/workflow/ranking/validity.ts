/**
 * Rule 8 on the ballot (handbook L577-L579, L595, L705): the counts that decide whether a
 * priority list is valid, typed by the secretary under the ballot (households of the village,
 * households represented, people present, women, people who agreed — or, at the commune
 * conference, delegates present and agreeing), read back; the counts the village's own sheets
 * give (I.1's households, I.3's attendance) fill what was not typed; and the conclusion, written
 * on the tally sheet itself after every ranking.
 */
import type { SheetData, WriteBlock } from '../../port/types';
import { TextGrid } from '../../reader/grid';
import { foldKey, formatVnNumber, parseNumber } from '../../text';
import { a1 } from '../../util/a1';
import type { Validity, ValidityInput, ValidityKind } from './core';
import { rankingValidity } from './core';
import { womenBelowShare } from '../../validate/rules';
import type { RankableFormId } from './sheet';

/** The labels of the ballot's validity block; the reader finds them by their words. */
export const VALIDITY_TEXT = {
  headingVillage: 'TÍNH HỢP LỆ CỦA DANH MỤC ƯU TIÊN: trên 50% số hộ có đại diện tham gia và trên 50% người dự họp đồng ý (Sổ tay, bước 2)',
  headingCommune: 'TÍNH HỢP LỆ CỦA DANH MỤC ƯU TIÊN: trên 50% đại biểu dự hội nghị đồng ý (Sổ tay, bước 4)',
  households: 'Tổng số hộ của thôn (Biểu I.1)',
  householdsPresent: 'Số hộ có đại diện dự họp',
  attendees: 'Số người dự họp',
  delegates: 'Số đại biểu dự hội nghị',
  women: 'Trong đó nữ',
  agree: 'Số người dự họp đồng ý với danh mục ưu tiên',
  agreeDelegates: 'Số đại biểu đồng ý với danh mục ưu tiên',
  written: 'Nếu không họp được: số hộ đồng ý bằng phiếu lấy ý kiến',
  conclusion: 'Kết luận (LKH ghi khi xếp ưu tiên)',
} as const;

export type ValidityField = 'households' | 'householdsPresent' | 'attendees' | 'women' | 'agree' | 'written';

/** The kind of meeting a list is ranked at: a village's I.2 at the village meeting, II.6.A/II.6.B at the commune conference. */
export function validityKindOf(formId: RankableFormId | undefined): ValidityKind {
  return formId === 'II.6.A' || formId === 'II.6.B' ? 'commune-conference' : 'village-meeting';
}

/** The block's lines for a kind: its heading, then label and field of each count. */
export function validityLines(kind: ValidityKind): { heading: string; fields: { label: string; field?: ValidityField }[] } {
  if (kind === 'commune-conference') {
    return {
      heading: VALIDITY_TEXT.headingCommune,
      fields: [
        { label: VALIDITY_TEXT.delegates, field: 'attendees' },
        { label: VALIDITY_TEXT.women, field: 'women' },
        { label: VALIDITY_TEXT.agreeDelegates, field: 'agree' },
        { label: VALIDITY_TEXT.conclusion },
      ],
    };
  }
  return {
    heading: VALIDITY_TEXT.headingVillage,
    fields: [
      { label: VALIDITY_TEXT.households, field: 'households' },
      { label: VALIDITY_TEXT.householdsPresent, field: 'householdsPresent' },
      { label: VALIDITY_TEXT.attendees, field: 'attendees' },
      { label: VALIDITY_TEXT.women, field: 'women' },
      { label: VALIDITY_TEXT.agree, field: 'agree' },
      { label: VALIDITY_TEXT.written, field: 'written' },
      { label: VALIDITY_TEXT.conclusion },
    ],
  };
}

/** Folded labels, longest first ("số người dự họp đồng ý…" before "số người dự họp"). */
const LABELS: readonly { key: string; field?: ValidityField }[] = [
  { key: foldKey(VALIDITY_TEXT.households), field: 'households' as const },
  { key: foldKey(VALIDITY_TEXT.householdsPresent), field: 'householdsPresent' as const },
  { key: foldKey(VALIDITY_TEXT.attendees), field: 'attendees' as const },
  { key: foldKey(VALIDITY_TEXT.delegates), field: 'attendees' as const },
  { key: foldKey(VALIDITY_TEXT.women), field: 'women' as const },
  { key: foldKey(VALIDITY_TEXT.agree), field: 'agree' as const },
  { key: foldKey(VALIDITY_TEXT.agreeDelegates), field: 'agree' as const },
  { key: foldKey(VALIDITY_TEXT.written), field: 'written' as const },
  { key: foldKey(VALIDITY_TEXT.conclusion) },
].sort((a, b) => b.key.length - a.key.length);

/** Where the block starts on a ballot: its heading's words. */
export const VALIDITY_HEADING_KEY = 'tinh hop le cua danh muc uu tien';

/** A count typed in a cell: 40, "40", "40 người", "1.200 hộ". */
function countIn(raw: unknown): number | undefined {
  const direct = parseNumber(raw);
  if (direct.ok) return direct.value >= 0 ? direct.value : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = /\d[\d.,\s]*/u.exec(raw);
  const p = m ? parseNumber(m[0].trim()) : undefined;
  return p?.ok && p.value >= 0 ? p.value : undefined;
}

export interface ValidityFields {
  /** The counts typed, by field, with their cells. */
  readonly values: Partial<Record<ValidityField, { readonly value: number; readonly cell: string }>>;
  /** Where LKH writes its conclusion (the cell right of the label), if the ballot has the line. */
  readonly conclusionCell?: { readonly row: number; readonly col: number };
  /** The first row below everything on the sheet, to add the conclusion to a ballot without the block. */
  readonly nextFreeRow: number;
  readonly left: number;
}

/** Reads the validity block of a filled ballot: each count in the cells right of its label (or after its colon). */
export function readValidityFields(sheet: SheetData): ValidityFields {
  const grid = new TextGrid(sheet);
  const values: Partial<Record<ValidityField, { value: number; cell: string }>> = {};
  let conclusionCell: { row: number; col: number } | undefined;
  // The labels are the block's own: on a ballot that has its heading, only the lines below it count.
  const hasHeading = hasValidityHeading(grid);
  let inBlock = false;
  for (let r = grid.top; r < grid.bottom; r++) {
    const cells = grid.rowCells(r);
    if (cells.length === 0) continue;
    const first = cells[0];
    if (first.cell.key.startsWith(VALIDITY_HEADING_KEY)) {
      inBlock = true;
      continue;
    }
    const label = LABELS.find((l) => first.cell.key.startsWith(l.key));
    if (!label || (hasHeading && !inBlock)) continue;
    const master = grid.masterOf(r, first.col);
    const span = sheet.merges.find((m) => m.row === master.row && m.col === master.col);
    const valueCol = span ? span.col + span.cols : first.col + 1;
    if (!label.field) {
      conclusionCell = { row: r, col: valueCol };
      continue;
    }
    if (values[label.field] !== undefined) continue;
    const colon = first.cell.text.indexOf(':');
    const inline = colon >= 0 ? countIn(first.cell.text.slice(colon + 1)) : undefined;
    if (inline !== undefined) {
      values[label.field] = { value: inline, cell: a1(r, first.col) };
      continue;
    }
    for (const { col, cell } of cells.slice(1)) {
      const n = countIn(cell.raw);
      if (n !== undefined) {
        values[label.field] = { value: n, cell: a1(r, col) };
        break;
      }
    }
  }
  return { values, ...(conclusionCell ? { conclusionCell } : {}), nextFreeRow: grid.bottom, left: grid.left };
}

function hasValidityHeading(grid: TextGrid): boolean {
  for (let r = grid.top; r < grid.bottom; r++) for (const { cell } of grid.rowCells(r)) if (cell.key.startsWith(VALIDITY_HEADING_KEY)) return true;
  return false;
}

/** What the village's own sheets give when the ballot leaves a count blank. */
export interface VillageCounts {
  readonly households?: { readonly value: number; readonly sheet: string; readonly cell?: string };
  readonly meeting?: { readonly sheet: string; readonly cell?: string; readonly attendees?: number; readonly women?: number };
}

export interface ListValidity extends Validity {
  readonly kind: ValidityKind;
  /** One sentence for the pane and the tally sheet: "Hợp lệ: …" or "Chưa hợp lệ: …". */
  readonly text: string;
  readonly textEn: string;
  /** Where each count came from ("trang "Phiếu…" ô F30", "Biểu I.1, trang "Thôn A - I.1" ô D18"). */
  readonly basis: readonly string[];
}

const pct = (a: number, b: number): string => `${formatVnNumber(Math.round((a / b) * 1000) / 10)}%`;

/**
 * The validity of the list just ranked: counts typed on the ballot first, then the village's
 * I.1 (households) and I.3 (people present, women), then the number of people who marked or
 * scored (people present). Without a meeting, households agreeing in writing decide (L579).
 */
export function listValidity(opts: {
  readonly unit: string;
  readonly kind: ValidityKind;
  readonly ballot: SheetData;
  readonly fields: ValidityFields;
  readonly village?: VillageCounts;
  /** People who marked or scored on the ballot. */
  readonly participants: number;
}): ListValidity {
  const { fields, village, ballot } = opts;
  const basis: string[] = [];
  const onBallot = (f: ValidityField, what: string): number | undefined => {
    const v = fields.values[f];
    if (v) basis.push(`${what}: ${formatVnNumber(v.value)} (trang "${ballot.name}" ô ${v.cell})`);
    return v?.value;
  };
  const village_ = opts.kind === 'village-meeting';
  let households = village_ ? onBallot('households', 'tổng số hộ') : undefined;
  if (village_ && households === undefined && village?.households) {
    households = village.households.value;
    basis.push(`tổng số hộ: ${formatVnNumber(households)} (Biểu I.1, trang "${village.households.sheet}"${village.households.cell ? ` ô ${village.households.cell}` : ''})`);
  }
  const householdsPresent = village_ ? onBallot('householdsPresent', 'số hộ có đại diện dự họp') : undefined;
  let attendees = onBallot('attendees', opts.kind === 'commune-conference' ? 'số đại biểu dự hội nghị' : 'số người dự họp');
  let fromMinutes = false;
  if (attendees === undefined && village_ && village?.meeting?.attendees !== undefined) {
    attendees = village.meeting.attendees;
    fromMinutes = true;
    basis.push(`số người dự họp: ${formatVnNumber(attendees)} (Biểu I.3, trang "${village.meeting.sheet}"${village.meeting.cell ? ` ô ${village.meeting.cell}` : ''})`);
  }
  if (attendees === undefined && opts.participants > 0) {
    attendees = opts.participants;
    basis.push(`số người dự họp: ${formatVnNumber(attendees)} (số người đã đánh dấu hoặc chấm điểm trên phiếu)`);
  }
  let women = onBallot('women', 'trong đó nữ');
  // The women of the minutes count only against the minutes' own attendance.
  if (women === undefined && fromMinutes && village?.meeting?.women !== undefined) {
    women = village.meeting.women;
    basis.push(`trong đó nữ: ${formatVnNumber(women)} (Biểu I.3, trang "${village.meeting.sheet}")`);
  }
  const agree = onBallot('agree', 'số người đồng ý');
  const written = village_ ? onBallot('written', 'số hộ đồng ý bằng phiếu') : undefined;
  // Without a meeting (nobody present, nobody agreeing), the households' written answers decide (L579).
  const kind: ValidityKind = village_ && written !== undefined && agree === undefined && fields.values.attendees === undefined ? 'village-written' : opts.kind;
  const at = fields.conclusionCell ? a1(fields.conclusionCell.row, fields.conclusionCell.col) : a1(fields.nextFreeRow + 1, fields.left + 1);
  const input: ValidityInput = {
    unit: opts.unit,
    kind,
    sheet: ballot.name,
    cell: at,
    ...(households !== undefined ? { households } : {}),
    ...(householdsPresent !== undefined ? { householdsPresent } : {}),
    ...(kind === 'village-written' ? { agree: written } : agree !== undefined ? { agree } : {}),
    ...(kind !== 'village-written' && attendees !== undefined ? { attendees } : {}),
    ...(women !== undefined ? { women } : {}),
  };
  const v = rankingValidity(input);
  const why = v.findings.find((f) => f.code === 'RANKING_NOT_VALID');
  const numbers: string[] = [];
  const present = householdsPresent ?? attendees;
  if (kind === 'village-meeting' && households && present !== undefined) numbers.push(`${formatVnNumber(present)}/${formatVnNumber(households)} hộ (${pct(present, households)}) có đại diện dự họp`);
  if (kind === 'village-written' && households && written !== undefined) numbers.push(`${formatVnNumber(written)}/${formatVnNumber(households)} hộ (${pct(written, households)}) đồng ý bằng phiếu`);
  if (kind !== 'village-written' && attendees && agree !== undefined) numbers.push(`${formatVnNumber(agree)}/${formatVnNumber(attendees)} ${kind === 'commune-conference' ? 'đại biểu' : 'người'} (${pct(agree, attendees)}) đồng ý`);
  if (attendees && women !== undefined) numbers.push(`nữ ${pct(women, attendees)}${womenBelowShare(women, attendees) ? ' (dưới 30%)' : ''}`);
  const text = v.valid
    ? `Hợp lệ: ${numbers.join('; ')}.`
    : `Chưa hợp lệ: ${String(why?.params.reason ?? '')}.${numbers.length > 0 ? ` (${numbers.join('; ')})` : ''}`;
  const textEn = v.valid ? 'Valid: more than half the households represented and more than half agreeing.' : `Not valid: ${why?.messageEn ?? ''}`;
  return { ...v, kind, text, textEn, basis };
}

/** The write that puts the conclusion on the tally sheet: beside its label, or in a line of its own below the ballot. */
export function validityWrite(sheet: string, fields: ValidityFields, validity: ListValidity): WriteBlock {
  const source = validity.basis.length > 0 ? ` Số liệu: ${validity.basis.join('; ')}.` : '';
  if (fields.conclusionCell) return { sheet, row: fields.conclusionCell.row, col: fields.conclusionCell.col, values: [[`${validity.text}${source}`]] };
  return { sheet, row: fields.nextFreeRow + 1, col: fields.left, values: [[VALIDITY_TEXT.conclusion, `${validity.text}${source}`]] };
}
