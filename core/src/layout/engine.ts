/**
 * The layout engine: a form definition + plan year + unit name → a host-neutral SheetLayout.
 *
 * The sheet grid is the widest table's columns; narrower tables (Thuận lợi, Khó khăn…) and
 * text lines spread over the same grid with merged cells, as people lay forms out in Excel
 * by hand. Every host applies the same layout (STYLE.md §3: never hand-placed per host).
 */
import type { Block, ColumnDef, FieldsBlock, FormDefinition, LetterheadBlock, SignatureBlock, TableBlock, TableRow, TextBlock } from '../forms/types';
import { SECTORS } from '../forms/topics';
import { foldKey, unitAfterLabel } from '../text';
import { a1 } from '../util/a1';
import type { CellStyle, LayoutCell, LayoutValue, Merge, SheetLayout, StyleName, TablePlacement, Validation } from './types';

export interface LayoutOptions {
  /** Plan year X+1 (the report year X is one less). */
  readonly planYear?: number;
  /** Name of the unit (village, commune, department, district) the form is for. */
  readonly unitName?: string;
  /** Sheet name; default the form id, or "<unit> - <form id>" when a unit is given. */
  readonly sheetName?: string;
  /** Filled bodies, by table key: replace the form's empty rows with these (consolidated sheets). */
  readonly body?: Readonly<Record<string, readonly BodyRow[]>>;
  /** Values of fixed rows, by table key then row key then column key (II.6.C totals, III.1 amounts). */
  readonly fixedValues?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, LayoutValue>>>>>>;
  /**
   * Add a column after the printed ones holding each data row's key ("Mã dòng (LKH)"), so a
   * re-run finds the row again even after the user sorted or moved rows.
   */
  readonly keyColumn?: boolean;
  /**
   * Fixed rows that are the sum of other fixed rows of their table (table key → row key → the
   * rows it adds up): each amount column gets the formula, with its fixedValues as the cached
   * result, so II.6.C's roll-ups stay right when the commune edits a line.
   */
  readonly fixedSums?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /**
   * A choice column after the key column (written with `keyColumn`, outside the print area): its
   * header and choices; data rows give their value in `choice` (II.6.A's project state).
   */
  readonly choiceColumn?: { readonly header: string; readonly choices: readonly string[] };
  /** The plan period's fund sources, offered in Tên nguồn vốn columns (any other text accepted). */
  readonly fundSources?: readonly string[];
}

/** A row of a filled table body. */
export type BodyRow =
  | { readonly kind: 'group'; readonly key?: string; readonly code?: string; readonly label: string; readonly depth: number }
  | {
      readonly kind: 'data';
      readonly key?: string;
      /** How a total row names this row (not printed; a hand-typed row has one though it has no key). */
      readonly ref?: string;
      readonly values: Readonly<Record<string, LayoutValue>>;
      /** The row's value in the choice column (`choiceColumn`), offered as a drop-down. */
      readonly choice?: string;
    }
  /**
   * A subtotal or total: each amount column as SUM of the rows `over` names (data rows by key, or
   * earlier totals by theirs), with `values` as the cached results, so the sheet shows the sums
   * before Excel recalculates and keeps them right after the commune edits a row.
   */
  | { readonly kind: 'total'; readonly key: string; readonly label: string; readonly over: readonly string[]; readonly values: Readonly<Record<string, number>> };

/** Header of the key column written with `keyColumn`. */
export const KEY_COLUMN_HEADER = 'Mã dòng (LKH)';

/** What an indicator row's value is, from its unit and wording: a yes/no answer, a rate that may be negative, or a number ≥ 0. */
export type RowHint = 'number' | 'yesno' | 'signed';

export function rowHint(r: { readonly label: string; readonly cells?: Readonly<Record<string, string>> }): RowHint {
  const unit = foldKey(r.cells?.unit ?? '');
  if (/^co ?\/? ?khong$/.test(unit) || unit === 'co khong') return 'yesno';
  const label = foldKey(r.label);
  if (/(toc do|tang truong|tang giam|bien dong|chenh lech)/.test(label)) return 'signed';
  return 'number';
}

/** Rows after the main table beyond which the sheet is a document, not a table (no repeated header rows). */
const PROSE_AFTER_TABLE = 15;

/** Dotted leader printed where a value is to be written by hand. */
export const DOTS = '……………………';

/** Printable width, in characters, of an A4 page at the forms' margins. */
export const PAGE_CHARS = { portrait: 92, landscape: 140 } as const;

/**
 * What fit-to-width really prints across an A4 page at the body's 11 pt, in column-width units,
 * as LibreOffice lays it out in Liberation Serif (measured on the printed PDFs: a landscape sheet
 * 163 units wide printed at 8.3 pt, a portrait one 99 wide at 9.2 pt). A sheet wider than this
 * is shrunk; `printedSize` says to what.
 */
export const PRINTED_CHARS = { portrait: 83, landscape: 123 } as const;

/** The smallest type a printed form may shrink to (issue 22: wide tables readable once printed). */
export const MIN_PRINTED_PT = 9;

/** The body's size once a sheet `chars` units wide is fitted to the width of its page. */
export function printedSize(chars: number, orientation: 'portrait' | 'landscape'): number {
  return BODY_SIZE * Math.min(1, PRINTED_CHARS[orientation] / chars);
}

const BODY_SIZE = 11;

export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, size: 13, hAlign: 'center', vAlign: 'middle', wrap: true },
  subtitle: { bold: true, size: 12, hAlign: 'center', vAlign: 'middle', wrap: true },
  heading: { bold: true, size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true },
  paragraph: { size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true },
  note: { italic: true, size: 10, hAlign: 'left', vAlign: 'top', wrap: true },
  italic: { italic: true, size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true },
  field: { size: BODY_SIZE, hAlign: 'left', vAlign: 'middle' },
  header: { bold: true, size: BODY_SIZE, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: 'F2F2F2' },
  columnNumber: { italic: true, size: 10, hAlign: 'center', vAlign: 'middle', border: true },
  group: { bold: true, size: BODY_SIZE, hAlign: 'left', vAlign: 'middle', wrap: true, border: true, fill: 'FAFAFA' },
  fixed: { size: BODY_SIZE, hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  fixedBold: { bold: true, size: BODY_SIZE, hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  text: { size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true, border: true },
  textWrap: { size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true, border: true },
  number: { size: BODY_SIZE, hAlign: 'right', vAlign: 'top', border: true, numberFormat: 'General' },
  amount: { size: BODY_SIZE, hAlign: 'right', vAlign: 'top', border: true, numberFormat: '#,##0;-#,##0;""' },
  amountTotal: { size: BODY_SIZE, hAlign: 'right', vAlign: 'top', border: true, numberFormat: '#,##0;-#,##0;""' },
  percent: { size: BODY_SIZE, hAlign: 'right', vAlign: 'top', border: true, numberFormat: '0%' },
  date: { size: BODY_SIZE, hAlign: 'center', vAlign: 'top', border: true, numberFormat: 'dd/mm/yyyy' },
  // Wraps: a short verdict ("Chưa kiểm tra được") in a narrow column prints whole, never cut.
  center: { size: BODY_SIZE, hAlign: 'center', vAlign: 'top', wrap: true, border: true },
  // Nghị định 30/2020/NĐ-CP: "Nơi nhận" bold italic 12, its lines 11 (here one point under the body's).
  recipientsHeading: { bold: true, italic: true, size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true },
  recipient: { size: BODY_SIZE - 1, hAlign: 'left', vAlign: 'top', wrap: true },
  signature: { bold: true, size: BODY_SIZE, hAlign: 'center', vAlign: 'top', wrap: true },
  signatureNote: { italic: true, size: BODY_SIZE, hAlign: 'center', vAlign: 'top', wrap: true },
  // Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuing body and the motto bold 13 pt, "Số:" 13 pt,
  // the place and date italic; a short rule under the body's name and under the motto.
  letterhead: { size: 13, hAlign: 'center', vAlign: 'middle', wrap: true },
  letterheadBold: { bold: true, size: 13, hAlign: 'center', vAlign: 'middle', wrap: true },
  letterheadDate: { italic: true, size: 13, hAlign: 'center', vAlign: 'middle', wrap: true },
  /** A thin black bar: the rule under a letterhead's lines (a row about 1 pt high). */
  rule: { size: 1, fill: '000000' },
  dotted: { size: BODY_SIZE, hAlign: 'left', vAlign: 'bottom' },
  key: { size: 8, hAlign: 'left', vAlign: 'top', fill: 'F2F2F2' },
  keyHeader: { italic: true, size: 8, hAlign: 'left', vAlign: 'middle', fill: 'F2F2F2' },
};

/** At most this many rows frozen above an activity list (more would fill a laptop's screen). */
const FREEZE_MAX_ROWS = 14;

/** Amounts in triệu đồng (II.6.C, III.1, IV.1) keep one decimal. */
const TRIEU_FORMAT = '#,##0.0;-#,##0.0;""';

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** The default sheet name: "II.6.A", or "Thôn A - I.2" when the unit is known (at most 31 characters). */
export function defaultSheetName(formId: string, unitName?: string): string {
  const unit = (unitName ?? '').replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (!unit) return formId;
  const suffix = ` - ${formId}`;
  return unit.slice(0, 31 - suffix.length).trim() + suffix;
}

interface Placed {
  readonly col: number;
  readonly span: number;
}


/** A formula that only adds cells ("J17+K17+L17"): the one kind the forms write, and the one kind an import keeps. */
export function isPlainSum(formula: string): boolean {
  return /^=?\$?[A-Z]{1,3}\$?\d{1,7}(\+\$?[A-Z]{1,3}\$?\d{1,7})*$/.test(formula.trim());
}

/** True when a total may be written as the sum of its parts: it is blank, or the parts (numbers or blanks, not all blank) add up to it. */
export function partsAddUp(total: LayoutValue, parts: readonly LayoutValue[]): boolean {
  if (total === null || total === '') return true;
  if (typeof total !== 'number') return false;
  if (!parts.every((v) => v === null || v === '' || typeof v === 'number')) return false;
  if (parts.every((v) => v === null || v === '')) return false;
  const sum = parts.reduce<number>((acc, v) => acc + (typeof v === 'number' ? v : 0), 0);
  return Math.abs(sum - total) < 1e-6;
}

/** Spreads `widths` over `grid` sheet columns, proportionally, each at least one column. */
export function spreadColumns(widths: readonly number[], grid: readonly number[]): Placed[] {
  const k = widths.length;
  const n = grid.length;
  if (k === n) return widths.map((_, i) => ({ col: i, span: 1 }));
  if (k > n) throw new RangeError(`a table of ${k} columns cannot spread over ${n}`);
  const totalW = widths.reduce((s, w) => s + w, 0);
  const gridTotal = grid.reduce((s, w) => s + w, 0);
  const gridEdges: number[] = [];
  let acc = 0;
  for (const w of grid) gridEdges.push((acc += w) / gridTotal);
  const bounds: number[] = [0];
  let cum = 0;
  for (let i = 0; i < k - 1; i++) {
    cum += widths[i] / totalW;
    // the grid edge closest to the cumulative fraction, keeping room for the remaining columns
    let best = bounds[i] + 1;
    let bestDist = Infinity;
    for (let e = bounds[i] + 1; e <= n - (k - 1 - i); e++) {
      const d = Math.abs(gridEdges[e - 1] - cum);
      if (d < bestDist) {
        bestDist = d;
        best = e;
      }
    }
    bounds.push(best);
  }
  bounds.push(n);
  return widths.map((_, i) => ({ col: bounds[i], span: bounds[i + 1] - bounds[i] }));
}

function gridOf(form: FormDefinition): number[] {
  const tables = form.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const page = PAGE_CHARS[form.orientation];
  if (tables.length === 0) {
    const n = form.orientation === 'landscape' ? 12 : 8;
    return Array.from({ length: n }, () => Math.floor(page / n));
  }
  const widest = tables.reduce((a, b) => (b.columns.length > a.columns.length ? b : a));
  return widest.columns.map((c) => c.width);
}

function styleForColumn(c: ColumnDef): StyleName {
  switch (c.kind) {
    case 'amount':
      return c.sumOf ? 'amountTotal' : 'amount';
    case 'number':
      return 'number';
    case 'percent':
      return 'percent';
    case 'date':
      return 'date';
    case 'stt':
    case 'rank':
    case 'yesno':
      return 'center';
    case 'longtext':
    case 'choice':
      return 'textWrap';
    case 'text':
      return 'text';
  }
}

/**
 * The whole columns of a block (col, span) a rule covers: the run of columns whose width is
 * closest to `share` of the block's and whose centre is closest to the block's.
 */
export function ruleSpan(grid: readonly number[], col: number, span: number, share: number): { col: number; span: number } {
  const width = (a: number, n: number) => grid.slice(a, a + n).reduce((s, w) => s + w, 0);
  const total = width(col, span);
  const centre = width(0, col) + total / 2;
  let best = { col, span, cost: Infinity };
  for (let a = col; a < col + span; a++) {
    for (let n = 1; a + n <= col + span; n++) {
      const w = width(a, n);
      const cost = Math.abs(w - share * total) + Math.abs(width(0, a) + w / 2 - centre);
      if (cost < best.cost) best = { col: a, span: n, cost };
    }
  }
  return { col: best.col, span: best.span };
}

/** How wide a word prints, in average characters: a word in capitals (a title) and bold take more room. */
function wordWidth(word: string, bold: boolean): number {
  const caps = word.length > 1 && word === word.toLocaleUpperCase('vi') && word !== word.toLocaleLowerCase('vi');
  return [...word].length * (caps ? 1.3 : 1) * (bold ? 1.08 : 1);
}

/**
 * Estimated number of printed lines of `text` in a cell `chars` characters wide (at the body's
 * font), wrapped word by word as the spreadsheet wraps it: a word that does not fit the line
 * starts the next one, a word longer than a line is broken (a title in capitals, a bold header
 * in a narrow column: never fewer lines than it prints on, so no row clips its text).
 */
export function linesFor(text: string, chars: number, bold = false): number {
  // A column holds about 1.15 of the body's average characters per unit, less the cell's padding.
  const usable = Math.max(4, (chars - 0.5) * 1.15);
  let lines = 0;
  for (const part of text.split('\n')) {
    let line = 0;
    let n = 1;
    for (const word of part.split(/\s+/u).filter((w) => w !== '')) {
      const w = wordWidth(word, bold);
      const need = line === 0 ? w : line + 1 + w;
      if (need <= usable) line = need;
      else if (w <= usable) {
        n++;
        line = w;
      } else {
        // A word longer than the line: broken across lines.
        const extra = Math.ceil((line === 0 ? w : line + 1 + w) / usable) - 1;
        n += extra;
        line = (line === 0 ? w : line + 1 + w) - extra * usable;
      }
    }
    lines += n;
  }
  return lines;
}

/**
 * The height in points a wrapped `text` needs in a cell `chars` characters wide, in `style`'s font:
 * its lines at 1.35 × the font size, plus the cell's padding. The writer sizes rows with it and
 * the render test checks printed pages against it.
 */
export function textHeight(text: string, chars: number, style: StyleName): number {
  return textHeightAt(text, chars, STYLES[style].size ?? BODY_SIZE, STYLES[style].bold === true);
}

/** textHeight for a font size in points (what a written file says of a cell). */
export function textHeightAt(text: string, chars: number, size: number, bold = false): number {
  const lines = linesFor(text, chars * (BODY_SIZE / size), bold);
  // One line fits the default row (15 points, as Excel and Sheets give 11-point text).
  return lines === 1 ? Math.max(15, size * 1.35) : lines * size * 1.35 + 3;
}

/** SUM of the cells of `rows` in column `col`, contiguous rows as ranges: "SUM(H12:H15,H20)". */
function sumFormula(rows: readonly number[], col: number): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    ranges.push(end > k ? `${a1(sorted[k], col)}:${a1(sorted[end], col)}` : a1(sorted[k], col));
    k = end + 1;
  }
  return `SUM(${ranges.join(',')})`;
}

class LayoutBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: Merge[] = [];
  readonly validations: Validation[] = [];
  readonly tables: TablePlacement[] = [];
  readonly heights = new Map<number, number>();
  row = 0;

  constructor(
    readonly grid: readonly number[],
    readonly options: LayoutOptions,
    readonly trieu: boolean,
  ) {}

  get n(): number {
    return this.grid.length;
  }

  widthOf(col: number, span: number): number {
    let w = 0;
    for (let i = col; i < col + span; i++) w += this.grid[i];
    return w;
  }

  put(row: number, col: number, value: LayoutValue, style: StyleName, formula?: string): void {
    this.cells.push(formula === undefined ? { row, col, value, style } : { row, col, value, style, formula });
  }

  /** Puts a value in a block of cells, merging it and styling every covered cell (borders print on all of them). */
  block(row: number, col: number, rows: number, cols: number, value: LayoutValue, style: StyleName): void {
    for (let r = row; r < row + rows; r++) {
      for (let c = col; c < col + cols; c++) this.put(r, c, r === row && c === col ? value : null, style);
    }
    if (rows > 1 || cols > 1) this.merges.push({ row, col, rows, cols });
    if (typeof value === 'string' && value !== '') this.fitHeight(row, rows, value, this.widthOf(col, cols), style);
  }

  fitHeight(row: number, rows: number, text: string, chars: number, style: StyleName): void {
    if (!STYLES[style].wrap) return; // a cell that does not wrap keeps one line
    const perRow = textHeight(text, chars, style) / rows;
    for (let r = row; r < row + rows; r++) {
      if (perRow > (this.heights.get(r) ?? 15)) this.heights.set(r, Math.ceil(perRow));
    }
  }

  fieldValue(value: FieldsBlock['fields'][number]['value']): string {
    const { planYear, unitName } = this.options;
    switch (value) {
      case 'planYear':
        return planYear !== undefined ? String(planYear) : DOTS;
      case 'reportYear':
        return planYear !== undefined ? String(planYear - 1) : DOTS;
      case 'unit':
        return unitName?.trim() ? unitName.trim() : DOTS;
      case 'blank':
        return DOTS;
    }
  }

  text(b: TextBlock): void {
    const style: StyleName = b.style;
    this.block(this.row, 0, 1, this.n, b.text, style);
    this.row++;
  }

  fields(b: FieldsBlock): void {
    const parts = spreadColumns(
      b.fields.map(() => 1),
      this.grid,
    );
    b.fields.forEach((f, i) => {
      const value = this.fieldValue(f.value);
      const text = `${f.label} ${f.value === 'unit' ? unitAfterLabel(f.label, value) : value}`;
      this.block(this.row, parts[i].col, 1, parts[i].span, text, 'field');
    });
    this.row++;
  }

  /**
   * The issuing body beside the national motto, as Nghị định 30/2020/NĐ-CP sets them: their first
   * two lines, then a thin rule under each (under the body's name about half its width, under
   * the motto about its length, centred, in whole columns of the grid), then the rest: "Số",
   * the subject of a letter on the left, the place and date in italics on the right.
   */
  letterhead(b: LetterheadBlock): void {
    const [left, right] = spreadColumns([2, 3], this.grid);
    const head = 2;
    for (let i = 0; i < head; i++) {
      if (i < b.left.length) this.block(this.row + i, left.col, 1, left.span, b.left[i], 'letterheadBold');
      if (i < b.right.length) this.block(this.row + i, right.col, 1, right.span, b.right[i], 'letterheadBold');
    }
    this.row += head;
    // The rules' row, about a point high.
    const ruleRow = this.row++;
    this.heights.set(ruleRow, 2);
    for (const [side, share] of [[left, 0.45], [right, 0.75]] as const) {
      const r = ruleSpan(this.grid, side.col, side.span, share);
      this.block(ruleRow, r.col, 1, r.span, null, 'rule');
    }
    const rest = Math.max(b.left.length, b.right.length) - head;
    for (let i = 0; i < rest; i++) {
      const l = b.left[head + i];
      const r = b.right[head + i];
      if (l !== undefined) this.block(this.row + i, left.col, 1, left.span, l, 'letterhead');
      if (r !== undefined) this.block(this.row + i, right.col, 1, right.span, r, /ngày/iu.test(r) ? 'letterheadDate' : 'letterhead');
    }
    this.row += Math.max(0, rest) + 1;
  }

  lines(count: number): void {
    for (let i = 0; i < count; i++) {
      this.block(this.row, 0, 1, this.n, '…'.repeat(Math.round(this.widthOf(0, this.n) * 0.9)), 'dotted');
      this.row++;
    }
  }

  signatures(b: SignatureBlock): void {
    this.row++;
    if (b.recipients && b.recipients.length > 0) {
      this.signaturesBesideRecipients(b, b.recipients);
      return;
    }
    const parts = spreadColumns(
      b.signers.map(() => 1),
      this.grid,
    );
    if (b.dateLine) {
      const last = parts[parts.length - 1];
      const col = parts.length === 1 ? Math.floor(this.n / 2) : last.col;
      const span = parts.length === 1 ? this.n - col : last.span;
      this.block(this.row, col, 1, span, b.dateLine, 'signatureNote');
      this.row++;
    }
    const single = parts.length === 1;
    b.signers.forEach((s, i) => {
      const col = single ? Math.floor(this.n / 2) : parts[i].col;
      const span = single ? this.n - col : parts[i].span;
      this.block(this.row, col, 1, span, s.title, 'signature');
      if (s.note) this.block(this.row + 1, col, 1, span, s.note, 'signatureNote');
    });
    this.row += 6;
  }

  /** "Nơi nhận:" and its lines in the left half, the date line and the signer(s) in the right half. */
  private signaturesBesideRecipients(b: SignatureBlock, recipients: readonly string[]): void {
    const half = Math.max(1, Math.floor(this.n / 2));
    const top = this.row;
    let right = top;
    if (b.dateLine) {
      this.block(right, half, 1, this.n - half, b.dateLine, 'signatureNote');
      right++;
    }
    for (const s of b.signers) {
      this.block(right, half, 1, this.n - half, s.title, 'signature');
      right++;
      if (s.note) {
        this.block(right, half, 1, this.n - half, s.note, 'signatureNote');
        right++;
      }
    }
    // The signer signs in the space under the title: five lines, as the stacked block leaves.
    right += 5;
    let left = top + (b.dateLine ? 1 : 0);
    this.block(left, 0, 1, half, 'Nơi nhận:', 'recipientsHeading');
    left++;
    for (const r of recipients) {
      this.block(left, 0, 1, half, r, 'recipient');
      left++;
    }
    this.row = Math.max(left, right) + 1;
  }

  table(t: TableBlock): TablePlacement {
    if (t.caption) {
      this.block(this.row, 0, 1, this.n, t.caption, 'heading');
      this.row++;
    }
    const placed = spreadColumns(
      t.columns.map((c) => c.width),
      this.grid,
    );
    const colIndex = new Map(t.columns.map((c, i) => [c.key, i]));
    const headerRow = this.row;
    const headerRows = t.header.length === 0 ? 0 : Math.max(...t.header.map((h) => h.row + (h.rowSpan ?? 1)));
    for (const h of t.header) {
      const first = placed[h.col];
      const last = placed[h.col + (h.colSpan ?? 1) - 1];
      this.block(headerRow + h.row, first.col, h.rowSpan ?? 1, last.col + last.span - first.col, h.text, 'header');
    }
    this.row += headerRows;
    if (t.columnNumbers) {
      placed.forEach((p, i) => this.block(this.row, p.col, 1, p.span, i + 1, 'columnNumber'));
      this.row++;
    }
    const bodyRow = this.row;
    const rowKeys: Record<string, number> = {};
    const codeCol = t.codeColumn !== undefined ? colIndex.get(t.codeColumn) : undefined;
    const labelCol = colIndex.get(t.labelColumn) ?? 0;
    const keyCol = this.options.keyColumn ? this.n : undefined;
    if (keyCol !== undefined && headerRows > 0) this.put(headerRow, keyCol, KEY_COLUMN_HEADER, 'keyHeader');
    const choice = keyCol !== undefined && t.role === 'activities' ? this.options.choiceColumn : undefined;
    if (choice && headerRows > 0) this.put(headerRow, this.n + 1, choice.header, 'keyHeader');
    const sums = this.options.fixedSums?.[t.key];
    const pendingSums: { row: number; parts: readonly string[]; from: number }[] = [];
    const filled = this.options.body?.[t.key];
    const fixedValues = this.options.fixedValues?.[t.key];
    const rows: readonly (TableRow | BodyRow)[] = filled ?? t.rows;
    const totalRows: Record<string, number> = {};
    for (const r of rows) {
      if (r.kind === 'total') {
        totalRows[r.key] = this.row;
        this.totalRow(t, placed, r, (k) => rowKeys[k] ?? totalRows[k]);
        continue;
      }
      if (r.kind === 'data') {
        if (r.key) rowKeys[r.key] = this.row;
        if (r.ref) totalRows[r.ref] = this.row;
        this.dataRow(t, placed, colIndex, r.values);
        if (keyCol !== undefined && r.key) this.put(this.row - 1, keyCol, r.key, 'key');
        if (choice && r.choice !== undefined) {
          this.put(this.row - 1, this.n + 1, r.choice, 'key');
          this.validations.push({ kind: 'list', row: this.row - 1, col: this.n + 1, rows: 1, cols: 1, values: choice.choices });
        }
        continue;
      }
      if (r.kind === 'entry') {
        for (let i = 0; i < r.count; i++) this.entryRow(t, placed, colIndex);
        continue;
      }
      if (r.key) rowKeys[r.key] = this.row;
      const style: StyleName = r.kind === 'group' ? 'group' : r.depth === 0 ? 'fixedBold' : 'fixed';
      const given = r.kind === 'fixed' && r.key ? fixedValues?.[r.key] : undefined;
      if (r.kind === 'fixed' && sums?.[r.key]) pendingSums.push({ row: this.row, parts: sums[r.key], from: this.cells.length });
      // A group's label spreads over the text columns after it, so it does not wrap in a narrow cell;
      // in a table of text only with no code column (II.4.A), a heading spans the whole table.
      let labelEnd = labelCol;
      let labelStart = labelCol;
      if (r.kind === 'group') {
        while (labelEnd + 1 < t.columns.length && ['text', 'longtext'].includes(t.columns[labelEnd + 1].kind)) labelEnd++;
        if (codeCol === undefined) while (labelStart > 0 && ['text', 'longtext'].includes(t.columns[labelStart - 1].kind)) labelStart--;
      }
      t.columns.forEach((c, i) => {
        if (i >= labelStart && i <= labelEnd && i !== labelCol) return;
        if (i === labelCol && labelEnd > labelStart) {
          const first = placed[labelStart];
          const last = placed[labelEnd];
          const label = codeCol === undefined && r.code ? `${r.code}. ${r.label}` : r.label;
          this.block(this.row, first.col, 1, last.col + last.span - first.col, label, style);
          return;
        }
        let value: LayoutValue = null;
        const labelHere = r.kind === 'fixed' && r.labelIn !== undefined ? c.key === r.labelIn : i === labelCol;
        if (i === codeCol) value = r.code ?? null;
        else if (labelHere && r.kind === 'fixed' && r.labelIn !== undefined) {
          // The label begins the cell; what is given for the column follows it ("Vốn sự nghiệp: CT 135").
          const more = given?.[c.key];
          value = more !== undefined && more !== null && more !== '' ? `${r.label} ${String(more)}` : r.label;
        } else if (i === labelCol && r.kind === 'fixed' && r.labelIn !== undefined) value = null;
        else if (labelHere) value = codeCol === undefined && r.code && r.kind === 'group' ? `${r.code}. ${r.label}` : r.label;
        else if (r.kind === 'fixed' && r.cells && r.cells[c.key] !== undefined) value = r.cells[c.key];
        else if (given && given[c.key] !== undefined) value = given[c.key];
        const cellStyle: StyleName = labelHere || i === labelCol || i === codeCol || typeof value === 'string' ? style : styleForColumn(c);
        this.block(this.row, placed[i].col, 1, placed[i].span, value, i === codeCol ? (r.kind === 'group' ? 'group' : 'center') : cellStyle);
      });
      if (r.kind === 'fixed') {
        const cells = r.cells;
        const labelIn = r.labelIn;
        this.validate(t, placed, this.row, 1, (c) => c.key !== t.labelColumn && c.key !== t.codeColumn && c.key !== labelIn && !(cells && c.key in cells), rowHint(r));
      }
      this.row++;
    }
    // Roll-up rows as formulas over the rows they add up (placed by now, before or after them).
    for (const p of pendingSums) {
      const rows = p.parts.map((k) => rowKeys[k]).filter((x): x is number => x !== undefined);
      if (rows.length === 0) continue;
      t.columns.forEach((c, i) => {
        if (c.kind !== 'amount') return;
        const col = placed[i].col;
        const at = this.cells.findIndex((cell, j) => j >= p.from && cell.row === p.row && cell.col === col);
        if (at < 0) return;
        const cell = this.cells[at];
        this.cells[at] = { ...cell, value: typeof cell.value === 'number' ? cell.value : 0, formula: sumFormula(rows, col) };
      });
    }
    const placement: TablePlacement = {
      key: t.key,
      headerRow,
      headerRows,
      bodyRow,
      bodyRows: this.row - bodyRow,
      columns: t.columns.map((c, i) => ({ key: c.key, col: placed[i].col, span: placed[i].span })),
      rowKeys,
    };
    this.tables.push(placement);
    this.row++;
    return placement;
  }

  /** A total row: its label in the label column, each amount column SUM(...) of the rows it totals (contiguous rows as ranges). */
  totalRow(t: TableBlock, placed: readonly Placed[], r: Extract<BodyRow, { kind: 'total' }>, rowOf: (key: string) => number | undefined): void {
    const labelCol = t.columns.findIndex((c) => c.key === t.labelColumn);
    const rows = [...new Set(r.over.map(rowOf).filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
    t.columns.forEach((c, i) => {
      const p = placed[i];
      let value: LayoutValue = null;
      let formula: string | undefined;
      let style: StyleName = 'fixedBold';
      if (i === labelCol) value = r.label;
      else if (c.kind === 'amount') {
        value = r.values[c.key] ?? 0;
        style = 'amountTotal';
        formula = rows.length > 0 ? sumFormula(rows, p.col) : undefined;
      }
      for (let col = p.col; col < p.col + p.span; col++) this.put(this.row, col, col === p.col ? value : null, style, col === p.col ? formula : undefined);
      if (p.span > 1) this.merges.push({ row: this.row, col: p.col, rows: 1, cols: p.span });
    });
    this.row++;
  }

  entryRow(t: TableBlock, placed: readonly Placed[], colIndex: ReadonlyMap<string, number>): void {
    t.columns.forEach((c, i) => {
      let formula: string | undefined;
      if (c.sumOf && c.sumOf.length > 0) {
        formula = c.sumOf.map((k) => a1(this.row, placed[colIndex.get(k) ?? 0].col)).join('+');
      }
      const style = this.trieu && c.kind === 'amount' ? 'amount' : styleForColumn(c);
      const p = placed[i];
      for (let col = p.col; col < p.col + p.span; col++) {
        this.put(this.row, col, null, style, col === p.col ? formula : undefined);
      }
      if (p.span > 1) this.merges.push({ row: this.row, col: p.col, rows: 1, cols: p.span });
    });
    this.validate(t, placed, this.row, 1, (c) => !c.sumOf);
    this.row++;
  }

  /** A filled row: values by column key; row-total columns get their formula with the value as its cached result. */
  dataRow(t: TableBlock, placed: readonly Placed[], colIndex: ReadonlyMap<string, number>, values: Readonly<Record<string, LayoutValue>>): void {
    t.columns.forEach((c, i) => {
      const p = placed[i];
      const value = values[c.key] ?? null;
      let formula: string | undefined;
      // The total as a formula only when its parts add up to it: a row given only a Tổng số (or
      // parts that do not add up) keeps the number, so Excel recalculating shows what was read.
      if (c.sumOf && c.sumOf.length > 0 && c.sumOf.every((k) => colIndex.has(k)) && partsAddUp(value, c.sumOf.map((k) => values[k] ?? null))) {
        formula = c.sumOf.map((k) => a1(this.row, placed[colIndex.get(k) ?? 0].col)).join('+');
      }
      const style = styleForColumn(c);
      for (let col = p.col; col < p.col + p.span; col++) {
        this.put(this.row, col, col === p.col ? value : null, style, col === p.col ? formula : undefined);
      }
      if (p.span > 1) this.merges.push({ row: this.row, col: p.col, rows: 1, cols: p.span });
      if (typeof value === 'string' && value.length > 0) this.fitHeight(this.row, 1, value, this.widthOf(p.col, p.span), style);
    });
    this.validate(t, placed, this.row, 1, (c) => !c.sumOf);
    this.row++;
  }

  validate(t: TableBlock, placed: readonly Placed[], row: number, rows: number, include: (c: ColumnDef) => boolean, hint: RowHint = 'number'): void {
    t.columns.forEach((c, i) => {
      if (!include(c)) return;
      const at = { row, col: placed[i].col, rows, cols: 1 };
      const suggested = c.suggest === 'sector' ? SECTORS.map((x) => x.name) : c.suggest === 'fundSource' ? this.options.fundSources : undefined;
      if (suggested && suggested.length > 0) {
        this.validations.push({ kind: 'list', ...at, values: suggested, open: true });
        return;
      }
      switch (c.kind) {
        case 'amount':
        case 'number':
        case 'percent':
          // An indicator row says what its value is: "Có/không" a choice; a rate that may fall
          // (growth, change) any number; the rest a number ≥ 0.
          if (c.kind === 'number' && hint === 'yesno') this.validations.push({ kind: 'list', ...at, values: ['Có', 'Không'] });
          else if (c.kind !== 'amount' && hint === 'signed') this.validations.push({ kind: 'decimal', ...at, min: -1e12 });
          else this.validations.push({ kind: 'decimal', ...at, min: 0 });
          break;
        case 'rank':
          this.validations.push({ kind: 'whole', ...at, min: 1 });
          break;
        case 'yesno':
          this.validations.push({ kind: 'list', ...at, values: c.choices ?? ['Có', 'Không'] });
          break;
        case 'choice':
          this.validations.push({ kind: 'list', ...at, values: c.choices ?? [] });
          break;
        default:
          break;
      }
    });
  }
}

/**
 * Merges validations of the same rule into ranges (fewer rules in the file, and none for the writer
 * to merge cell by cell: ExcelJS compares every single-row rule with its neighbours on save). A
 * table lays its rules out row by row, column after column, so a column's rules are merged down
 * whatever other columns' rules come between; then ranges of the same rows and rule side by side
 * become one ("J7:L70"). Each cell keeps exactly the rule it had.
 */
function compactValidations(vs: readonly Validation[]): Validation[] {
  return mergeAlong(mergeAlong(vs, 'row', 'rows'), 'col', 'cols');
}

/**
 * Joins each validation to the last one of the same rule (every field but `at`/`span` alike) when
 * it starts where that one ends along `at`; rules in between of other kinds do not separate them.
 */
function mergeAlong(vs: readonly Validation[], at: 'row' | 'col', span: 'rows' | 'cols'): Validation[] {
  const out: Validation[] = [];
  const lastOfRule = new Map<string, number>();
  for (const v of vs) {
    const rule = JSON.stringify({ ...v, [at]: 0, [span]: 0 });
    const i = lastOfRule.get(rule);
    const prev = i !== undefined ? out[i] : undefined;
    if (i !== undefined && prev && prev[at] + prev[span] === v[at]) {
      out[i] = { ...prev, [span]: prev[span] + v[span] };
    } else {
      lastOfRule.set(rule, out.length);
      out.push(v);
    }
  }
  return out;
}

/** Lays a form out on a sheet. */
export function layoutForm(form: FormDefinition, options: LayoutOptions = {}): SheetLayout {
  const grid = gridOf(form);
  const totalChars = grid.reduce((s, w) => s + w, 0);
  const b = new LayoutBuilder(grid, options, form.moneyUnit === 'trieu-dong');
  // The table whose header repeats on every printed page: the activity table, else the largest.
  let mainTable: TablePlacement | undefined;
  let mainRank = -1;
  for (const block of form.blocks as readonly Block[]) {
    switch (block.kind) {
      case 'text':
        b.text(block);
        break;
      case 'fields':
        b.fields(block);
        break;
      case 'letterhead':
        b.letterhead(block);
        break;
      case 'lines':
        b.lines(block.count);
        break;
      case 'signatures':
        b.signatures(block);
        break;
      case 'table': {
        const p = b.table(block);
        const rank = (block.role === 'activities' ? 1e9 : 0) + block.columns.length * 1000 + p.bodyRows;
        if (rank > mainRank) {
          mainTable = p;
          mainRank = rank;
        }
        break;
      }
    }
  }
  const styles: Record<StyleName, CellStyle> = { ...STYLES };
  if (form.moneyUnit === 'trieu-dong') {
    styles.amount = { ...STYLES.amount, numberFormat: TRIEU_FORMAT };
    styles.amountTotal = { ...STYLES.amountTotal, numberFormat: TRIEU_FORMAT };
  }
  const rowHeights: Record<number, number> = {};
  for (const [r, h] of b.heights) rowHeights[r] = h;
  // The main table's header repeats on every printed page — unless pages of prose follow the
  // table (II.7.A, II.7.B: a header over a page of text is wrong), more than a signature block.
  const proseAfter = mainTable ? b.row - (mainTable.bodyRow + mainTable.bodyRows) : 0;
  const repeat =
    mainTable && mainTable.headerRows > 0 && proseAfter <= PROSE_AFTER_TABLE
      ? { from: mainTable.headerRow, to: mainTable.bodyRow - 1 }
      : undefined;
  // Panes frozen under the header of the sheet's table, so its column names stay in view while
  // scrolling hundreds of rows: when it is the first table (no other table would be frozen with
  // it) and the title and header are short enough to leave room.
  const freeze =
    mainTable && mainTable.headerRows > 0 && b.tables[0] === mainTable && mainTable.bodyRow <= FREEZE_MAX_ROWS ? { rows: mainTable.bodyRow, cols: 0 } : undefined;
  // Column widths: scale the grid so the whole table prints across the page (fit to width does the rest).
  const scale = Math.max(1, PAGE_CHARS[form.orientation] / totalChars);
  return {
    name: options.sheetName ?? defaultSheetName(form.id, options.unitName),
    formId: form.id,
    columnWidths: [...grid.map((w) => Math.round(w * scale * 10) / 10), ...(options.keyColumn ? [14] : []), ...(options.keyColumn && options.choiceColumn ? [30] : [])],
    rowHeights,
    cells: b.cells,
    merges: b.merges,
    validations: compactValidations(b.validations),
    styles,
    print: {
      paper: 'A4',
      orientation: form.orientation,
      fitToWidth: true,
      ...(repeat ? { repeatRows: repeat } : {}),
      area: { rows: b.row, cols: grid.length },
    },
    tables: b.tables,
    ...(freeze ? { freeze } : {}),
  };
}
