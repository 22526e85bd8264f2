/**
 * The ranking ballot: one printable sheet (A4 landscape, header repeated) that people mark at
 * the meeting and the secretary types the result into — the handbook's marking ballot
 * (L4040-L4091) for method (a), a long scoring table with a summary per activity for (b).
 * Each body row carries the item's key in a column outside the print area ("Mã dòng (LKH)")
 * so reading back is exact even when rows are moved; names are matched when keys are missing.
 */
import { DOTS, STYLES, defaultSheetName } from '../../layout/engine';
import type { LayoutCell, LayoutValue, Merge, SheetLayout, StyleName, TablePlacement, Validation } from '../../layout/types';
import { a1 } from '../../util/a1';
import type { MarksMethod, RankItem, RankMethod, ScoresMethod, ValidityKind } from './core';
import { DEFAULT_CRITERIA, TIE_BREAK_LABELS, TIE_BREAKS, TIE_RULE_TEXT, criteriaOf, markLimit, scoreRange } from './core';
import type { RankableFormId } from './sheet';
import { KEY_HEADER } from './sheet';
import { validityKindOf, validityLines } from './validity';

export interface BallotOptions {
  /** Number of participant columns/blocks (default 10), or their names. */
  readonly participants?: number | readonly string[];
  readonly sheetName?: string;
  /** Village, commune or conference whose activities are ranked. */
  readonly unitName?: string;
  readonly planYear?: number;
  /** The sheet the activities come from, named in the subtitle. */
  readonly formId?: RankableFormId;
  /** The meeting the list is ranked at, for the validity block (default: the commune conference for II.6.A/II.6.B, the village meeting otherwise). */
  readonly validity?: ValidityKind;
}

/** Texts of the ballot, shared with the tally reader. */
export const BALLOT_TEXT = {
  titleMarks: 'PHIẾU XẾP ƯU TIÊN CÁC HOẠT ĐỘNG BẰNG CÁCH ĐÁNH DẤU',
  titleScores: 'PHIẾU CHẤM ĐIỂM XẾP ƯU TIÊN CÁC HOẠT ĐỘNG THEO TIÊU CHÍ',
  stt: 'STT',
  activity: 'Hoạt động',
  unit: 'ĐVT',
  quantity: 'Số lượng',
  place: 'Địa điểm',
  // The handbook's ballot (L4060-L4080), word for word.
  participantsGroup: 'Phiếu đánh giá của từng đại biểu',
  marksTotal: 'Tổng số gạch lựa chọn của người dân',
  marksRank: 'Xếp mức ưu tiên dựa vào kết quả lựa chọn',
  marksHint: 'Mỗi người dân vẽ một gạch ứng với mỗi hoạt động lựa chọn',
  nameHint: 'Ghi tên đại biểu vào phiếu để nhận lại sau khi Ban tổ chức tổng hợp xong',
  countRow: 'Số hoạt động đã chọn của từng người',
  participant: 'Đại biểu',
  scoresGroup: 'Điểm theo tiêu chí',
  scoreTotal: 'Cộng điểm',
  summaryTitle: 'TỔNG HỢP ĐIỂM THEO HOẠT ĐỘNG',
  summaryTotal: 'Tổng số điểm',
  scoresRank: 'Xếp mức ưu tiên dựa vào kết quả chấm điểm',
  dateLine: '.........., ngày ..... tháng ..... năm ..........',
  counter: 'Người tổng hợp',
  chair: 'Chủ trì cuộc họp',
  signNote: '(Ký, ghi rõ họ tên)',
} as const;

/** What the handbook says each default criterion means (L700-L703, L3745-L3748). */
const CRITERION_NOTES: Readonly<Record<string, string>> = {
  'Tính phù hợp': 'phù hợp với qui hoạch, đề án tái cơ cấu, tiềm năng thị trường, điều kiện địa phương, phù hợp với người nghèo',
  'Hiệu quả chi phí': 'chi phí thấp nhất, hiệu quả cao nhất',
  'Phát huy nội lực cộng đồng': 'dựa trên sáng kiến cộng đồng, người dân tham gia, đóng góp, thực hiện, giám sát',
  'Số lượng người hưởng lợi': 'trong đó có số người nghèo, phụ nữ hưởng lợi; số việc làm công được tạo ra trong công trình, dự án',
};

const DEFAULT_PARTICIPANTS = 10;
const BODY_SIZE = 11;
const KEY_WIDTH = 16;

function participantNames(p: BallotOptions['participants'], fallback: (i: number) => string): string[] {
  if (Array.isArray(p)) return p.length > 0 ? p.map((n, i) => (n.trim() === '' ? fallback(i + 1) : n.trim())) : [fallback(1)];
  const n = typeof p === 'number' && p >= 1 ? Math.floor(p) : DEFAULT_PARTICIPANTS;
  return Array.from({ length: n }, (_, i) => fallback(i + 1));
}

function tieBreakSentence(by: string): string {
  return `Các hoạt động có ${by} bằng nhau: ưu tiên hơn hoạt động ${TIE_BREAKS.map((t) => TIE_BREAK_LABELS[t]).join(', ')} (Sổ tay, bước 4); ${TIE_RULE_TEXT}. LKH phân định khi ghi kết quả vào biểu, cột trên phiếu chỉ xếp theo ${by}.`;
}

/** A small layout builder: cells, merges, heights (the engine's own builder is private). */
class Builder {
  readonly cells: LayoutCell[] = [];
  readonly merges: Merge[] = [];
  readonly validations: Validation[] = [];
  readonly heights = new Map<number, number>();

  constructor(readonly widths: readonly number[]) {}

  put(row: number, col: number, value: LayoutValue, style: StyleName, formula?: string): void {
    this.cells.push(formula === undefined ? { row, col, value, style } : { row, col, value, style, formula });
  }

  block(row: number, col: number, rows: number, cols: number, value: LayoutValue, style: StyleName): void {
    for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) this.put(r, c, r === row && c === col ? value : null, style);
    if (rows > 1 || cols > 1) this.merges.push({ row, col, rows, cols });
    if (typeof value === 'string' && value !== '') {
      let chars = 0;
      for (let c = col; c < col + cols; c++) chars += this.widths[c];
      this.fit(row, rows, value, chars, style);
    }
  }

  fit(row: number, rows: number, text: string, chars: number, style: StyleName): void {
    const size = STYLES[style].size ?? BODY_SIZE;
    const usable = Math.max(4, chars * 1.15 * (BODY_SIZE / size));
    const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / usable)), 0);
    const perRow = (lines * size * 1.35 + 3) / rows;
    for (let r = row; r < row + rows; r++) if (perRow > (this.heights.get(r) ?? 15)) this.heights.set(r, Math.ceil(perRow));
  }

  /** A line of text over the printed width. */
  line(row: number, printed: number, text: string, style: StyleName): void {
    this.block(row, 0, 1, printed, text, style);
  }

  /** Plan year and unit on one line, halves of the printed width. */
  fields(row: number, printed: number, opts: BallotOptions): void {
    const half = Math.max(1, Math.floor(printed / 2));
    this.block(row, 0, 1, half, `Năm kế hoạch (X+1): ${opts.planYear ?? DOTS}`, 'field');
    this.block(row, half, 1, printed - half, `Đơn vị: ${opts.unitName?.trim() || DOTS}`, 'field');
  }

  /**
   * Rule 8's counts under the ballot (L595, L705): a heading, then a label over `labelCols`
   * columns and a cell to type each count into; the conclusion's cell, which LKH fills after
   * ranking, runs to the edge of the page.
   */
  validity(row: number, printed: number, labelCols: number, kind: ValidityKind): number {
    const { heading, fields } = validityLines(kind);
    this.line(row++, printed, heading, 'heading');
    for (const f of fields) {
      this.block(row, 0, 1, labelCols, f.label, 'fixed');
      const span = f.field ? Math.min(2, printed - labelCols) : printed - labelCols;
      this.block(row, labelCols, 1, span, null, f.field ? 'number' : 'textWrap');
      row++;
    }
    return row;
  }

  signatures(row: number, printed: number): number {
    const half = Math.max(1, Math.floor(printed / 2));
    this.block(row, half, 1, printed - half, BALLOT_TEXT.dateLine, 'signatureNote');
    this.block(row + 1, 0, 1, half, BALLOT_TEXT.counter, 'signature');
    this.block(row + 1, half, 1, printed - half, BALLOT_TEXT.chair, 'signature');
    this.block(row + 2, 0, 1, half, BALLOT_TEXT.signNote, 'signatureNote');
    this.block(row + 2, half, 1, printed - half, BALLOT_TEXT.signNote, 'signatureNote');
    return row + 7;
  }

  layout(name: string, printed: number, rows: number, header: { from: number; to: number }, tables: TablePlacement[], freeze?: number): SheetLayout {
    const rowHeights: Record<number, number> = {};
    for (const [r, h] of this.heights) rowHeights[r] = h;
    return {
      name,
      columnWidths: [...this.widths],
      rowHeights,
      cells: this.cells,
      merges: this.merges,
      validations: this.validations,
      styles: STYLES,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: header, area: { rows, cols: printed } },
      ...(freeze !== undefined ? { freeze: { rows: freeze, cols: 0 } } : {}),
      tables,
    };
  }
}

function sourceLine(opts: BallotOptions): string {
  const from = opts.formId ? ` — Biểu ${opts.formId}` : '';
  return `(Các hoạt động cần nguồn vốn bên ngoài${from})`;
}

function ballotName(opts: BallotOptions, method: RankMethod): string {
  if (opts.sheetName) return opts.sheetName;
  const base = method.kind === 'marks' ? 'Phiếu đánh dấu' : 'Phiếu chấm điểm';
  return defaultSheetName(opts.formId ? `${base} ${opts.formId}` : base, opts.unitName);
}

function quantityValue(q: RankItem['quantity']): LayoutValue {
  return q === undefined ? null : q;
}

function marksBallot(items: readonly RankItem[], method: MarksMethod, opts: BallotOptions): SheetLayout {
  const people = participantNames(opts.participants, (i) => `Người ${i}`);
  const limit = markLimit(method, items.length);
  const P = people.length;
  const fixed = [5, 34, 7, 8, 12];
  const pCol = fixed.length;
  const totalCol = pCol + P;
  const rankCol = totalCol + 1;
  const keyCol = rankCol + 1;
  const printed = keyCol;
  const widths = [...fixed, ...people.map(() => 6), 12, 12, KEY_WIDTH];
  const b = new Builder(widths);
  let row = 0;
  b.line(row++, printed, BALLOT_TEXT.titleMarks, 'title');
  b.line(row++, printed, sourceLine(opts), 'signatureNote');
  b.fields(row++, printed, opts);
  b.line(
    row++,
    printed,
    `Mỗi người chọn tối đa ${limit} trong ${items.length} hoạt động (khoảng 30% số hoạt động), mỗi hoạt động đánh dấu một lần.`,
    'heading',
  );
  b.line(
    row++,
    printed,
    `Cách làm: ${BALLOT_TEXT.nameHint}: mỗi người ghi tên mình ở đầu một cột "${BALLOT_TEXT.participantsGroup}". ${BALLOT_TEXT.marksHint} (tối đa ${limit} gạch). ` +
      `Có thể bỏ hạt ngô, hạt đậu, hạt lạc thay cho gạch: mỗi người ${limit} hạt. Tổ công tác đếm số gạch hoặc số hạt và ghi vào cột "${BALLOT_TEXT.marksTotal}" (tự cộng khi đánh dấu trên máy).`,
    'note',
  );
  row++;
  const headerRow = row;
  const stack = (col: number, text: string) => b.block(headerRow, col, 2, 1, text, 'header');
  stack(0, BALLOT_TEXT.stt);
  stack(1, BALLOT_TEXT.activity);
  stack(2, BALLOT_TEXT.unit);
  stack(3, BALLOT_TEXT.quantity);
  stack(4, BALLOT_TEXT.place);
  b.block(headerRow, pCol, 1, P, BALLOT_TEXT.participantsGroup, 'header');
  people.forEach((name, i) => b.block(headerRow + 1, pCol + i, 1, 1, name, 'header'));
  stack(totalCol, BALLOT_TEXT.marksTotal);
  stack(rankCol, BALLOT_TEXT.marksRank);
  b.put(headerRow, keyCol, KEY_HEADER, 'keyHeader');
  const bodyRow = headerRow + 2;
  const last = bodyRow + items.length - 1;
  items.forEach((item, i) => {
    const r = bodyRow + i;
    b.put(r, 0, i + 1, 'center');
    b.block(r, 1, 1, 1, item.activity, 'textWrap');
    b.put(r, 2, item.unit ?? null, 'center');
    b.put(r, 3, quantityValue(item.quantity), 'number');
    b.put(r, 4, item.place ?? null, 'textWrap');
    for (let p = 0; p < P; p++) b.put(r, pCol + p, null, 'center');
    b.put(r, totalCol, null, 'number', `COUNTA(${a1(r, pCol)}:${a1(r, pCol + P - 1)})`);
    const totals = `${absolute(bodyRow, totalCol)}:${absolute(last, totalCol)}`;
    b.put(r, rankCol, null, 'center', `IF(SUM(${totals})=0,"",RANK(${a1(r, totalCol)},${totals}))`);
    b.put(r, keyCol, item.key, 'key');
  });
  row = bodyRow + items.length;
  // Marks of each person, to see who went over the limit.
  b.block(row, 0, 1, pCol, `${BALLOT_TEXT.countRow} (tối đa ${limit})`, 'fixedBold');
  for (let p = 0; p < P; p++) {
    const c = pCol + p;
    b.put(row, c, null, 'center', items.length > 0 ? `COUNTA(${a1(bodyRow, c)}:${a1(last, c)})` : undefined);
  }
  b.put(row, totalCol, null, 'number', items.length > 0 ? `SUM(${a1(bodyRow, totalCol)}:${a1(last, totalCol)})` : undefined);
  b.put(row, rankCol, null, 'center');
  const countRow = row;
  row += 2;
  b.line(row++, printed, `Xếp mức ưu tiên: hoạt động có nhiều gạch nhất xếp thứ 1, rồi lần lượt theo số gạch giảm dần. ${tieBreakSentence('số gạch')}`, 'note');
  row = b.validity(row + 1, printed, pCol, opts.validity ?? validityKindOf(opts.formId));
  row = b.signatures(row + 1, printed);
  const table: TablePlacement = {
    key: 'tally',
    headerRow,
    headerRows: 2,
    bodyRow,
    bodyRows: items.length,
    columns: [
      { key: 'stt', col: 0, span: 1 },
      { key: 'activity', col: 1, span: 1 },
      { key: 'unit', col: 2, span: 1 },
      { key: 'quantity', col: 3, span: 1 },
      { key: 'place', col: 4, span: 1 },
      ...people.map((_, i) => ({ key: `p${i + 1}`, col: pCol + i, span: 1 })),
      { key: 'total', col: totalCol, span: 1 },
      { key: 'rank', col: rankCol, span: 1 },
      { key: 'key', col: keyCol, span: 1 },
    ],
    rowKeys: { count: countRow },
  };
  return b.layout(ballotName(opts, method), printed, row, { from: headerRow, to: headerRow + 1 }, [table]);
}

function absolute(row: number, col: number): string {
  return a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

function scoresBallot(items: readonly RankItem[], method: ScoresMethod, opts: BallotOptions): SheetLayout {
  const people = participantNames(opts.participants, (i) => `${BALLOT_TEXT.participant} ${i}`);
  const criteria = criteriaOf(method);
  const { min, max } = scoreRange(method);
  const C = criteria.length;
  const cCol = 3;
  const sumCol = cCol + C;
  const rankCol = sumCol + 1;
  const keyCol = rankCol + 1;
  const printed = keyCol;
  const widths = [5, 16, 34, ...criteria.map(() => 12), 10, 12, KEY_WIDTH];
  const b = new Builder(widths);
  let row = 0;
  b.line(row++, printed, BALLOT_TEXT.titleScores, 'title');
  b.line(row++, printed, sourceLine(opts), 'signatureNote');
  b.fields(row++, printed, opts);
  b.line(
    row++,
    printed,
    `Mỗi người chấm từ ${min} đến ${max} điểm cho từng tiêu chí đối với mỗi hoạt động (tối đa ${max * C} điểm một hoạt động).`,
    'heading',
  );
  const explained = criteria.map((c) => (CRITERION_NOTES[c] && DEFAULT_CRITERIA.includes(c) ? `${c} (${CRITERION_NOTES[c]})` : c)).join('; ');
  b.line(
    row++,
    printed,
    `Các tiêu chí: ${explained}. Thư ký nhập phiếu của từng người: mỗi dòng là điểm một người chấm cho một hoạt động; ghi tên người chấm ở cột "${BALLOT_TEXT.participant}". ` +
      `Bảng "${BALLOT_TEXT.summaryTitle}" bên dưới tự cộng điểm của mọi người cho từng hoạt động.`,
    'note',
  );
  row++;
  const headerRow = row;
  const stack = (col: number, text: string) => b.block(headerRow, col, 2, 1, text, 'header');
  stack(0, BALLOT_TEXT.stt);
  stack(1, BALLOT_TEXT.participant);
  stack(2, BALLOT_TEXT.activity);
  b.block(headerRow, cCol, 1, C, `${BALLOT_TEXT.scoresGroup} (${min}-${max} điểm)`, 'header');
  criteria.forEach((c, i) => b.block(headerRow + 1, cCol + i, 1, 1, c, 'header'));
  stack(sumCol, BALLOT_TEXT.scoreTotal);
  b.put(headerRow, keyCol, KEY_HEADER, 'keyHeader');
  const bodyRow = headerRow + 2;
  let r = bodyRow;
  people.forEach((person) => {
    items.forEach((item) => {
      b.put(r, 0, r - bodyRow + 1, 'center');
      b.put(r, 1, person, 'text');
      b.block(r, 2, 1, 1, item.activity, 'textWrap');
      for (let c = 0; c < C; c++) b.put(r, cCol + c, null, 'number');
      b.put(r, sumCol, null, 'number', `SUM(${a1(r, cCol)}:${a1(r, cCol + C - 1)})`);
      b.put(r, keyCol, item.key, 'key');
      r++;
    });
  });
  const bodyRows = r - bodyRow;
  if (bodyRows > 0) b.validations.push({ kind: 'decimal', row: bodyRow, col: cCol, rows: bodyRows, cols: C, min, max });
  const lastBody = r - 1;
  row = r + 1;
  // The summary: one row per activity, points summed over every person by key.
  b.line(row++, printed, BALLOT_TEXT.summaryTitle, 'heading');
  const sHeader = row;
  b.block(sHeader, 0, 2, 1, BALLOT_TEXT.stt, 'header');
  b.block(sHeader, 1, 2, 2, BALLOT_TEXT.activity, 'header');
  b.block(sHeader, cCol, 1, C, `Tổng điểm theo tiêu chí`, 'header');
  criteria.forEach((c, i) => b.block(sHeader + 1, cCol + i, 1, 1, c, 'header'));
  b.block(sHeader, sumCol, 2, 1, BALLOT_TEXT.summaryTotal, 'header');
  b.block(sHeader, rankCol, 2, 1, BALLOT_TEXT.scoresRank, 'header');
  const sBody = sHeader + 2;
  const sLast = sBody + items.length - 1;
  const keys = `${absolute(bodyRow, keyCol)}:${absolute(Math.max(bodyRow, lastBody), keyCol)}`;
  items.forEach((item, i) => {
    const sr = sBody + i;
    b.put(sr, 0, i + 1, 'center');
    b.block(sr, 1, 1, 2, item.activity, 'textWrap');
    for (let c = 0; c < C; c++) {
      const col = cCol + c;
      const range = `${a1(bodyRow, col).replace(/(\d+)$/, '$$$1')}:${a1(Math.max(bodyRow, lastBody), col).replace(/(\d+)$/, '$$$1')}`;
      b.put(sr, col, null, 'number', bodyRows > 0 ? `SUMIF(${keys},${a1(sr, keyCol)},${range})` : undefined);
    }
    b.put(sr, sumCol, null, 'number', `SUM(${a1(sr, cCol)}:${a1(sr, cCol + C - 1)})`);
    const totals = `${absolute(sBody, sumCol)}:${absolute(sLast, sumCol)}`;
    b.put(sr, rankCol, null, 'center', `IF(SUM(${totals})=0,"",RANK(${a1(sr, sumCol)},${totals}))`);
    b.put(sr, keyCol, item.key, 'key');
  });
  row = sBody + items.length + 1;
  b.line(row++, printed, `Xếp mức ưu tiên: hoạt động có tổng số điểm cao nhất xếp thứ 1. ${tieBreakSentence('tổng số điểm')}`, 'note');
  row = b.validity(row + 1, printed, cCol, opts.validity ?? validityKindOf(opts.formId));
  row = b.signatures(row + 1, printed);
  const scoreColumns = criteria.map((_, i) => ({ key: `c${i + 1}`, col: cCol + i, span: 1 }));
  const tables: TablePlacement[] = [
    {
      key: 'scores',
      headerRow,
      headerRows: 2,
      bodyRow,
      bodyRows,
      columns: [
        { key: 'stt', col: 0, span: 1 },
        { key: 'participant', col: 1, span: 1 },
        { key: 'activity', col: 2, span: 1 },
        ...scoreColumns,
        { key: 'total', col: sumCol, span: 1 },
        { key: 'key', col: keyCol, span: 1 },
      ],
      rowKeys: {},
    },
    {
      key: 'summary',
      headerRow: sHeader,
      headerRows: 2,
      bodyRow: sBody,
      bodyRows: items.length,
      columns: [
        { key: 'stt', col: 0, span: 1 },
        { key: 'activity', col: 1, span: 2 },
        ...scoreColumns,
        { key: 'total', col: sumCol, span: 1 },
        { key: 'rank', col: rankCol, span: 1 },
        { key: 'key', col: keyCol, span: 1 },
      ],
      rowKeys: {},
    },
  ];
  return b.layout(ballotName(opts, method), printed, row, { from: headerRow, to: headerRow + 1 }, tables, bodyRow);
}

/**
 * The ballot and tally sheet for `items`. Marks: one row per activity (STT, Hoạt động, ĐVT,
 * Số lượng, Địa điểm), one column per participant, "Tổng số gạch" = COUNTA of the row's
 * participant cells, "Xếp ưu tiên" = RANK of it. Scores: one row per participant × activity,
 * a column per criterion (1-10, validated), a row total, and a summary per activity
 * (SUMIF by key, total, RANK). The key column sits right of the print area.
 */
export function ballotLayout(items: readonly RankItem[], method: RankMethod, opts: BallotOptions = {}): SheetLayout {
  return method.kind === 'marks' ? marksBallot(items, method, opts) : scoresBallot(items, method, opts);
}
