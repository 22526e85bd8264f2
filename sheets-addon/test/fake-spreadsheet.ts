/**
 * A strict fake of the SpreadsheetApp surface the Sheets adapter uses (there is no faithful
 * offline emulator: docs/HOSTS.md). Strict where Apps Script is:
 *
 * - setValues/setFormulas throw Apps Script's message when the array's shape differs from the range;
 * - setValues parses strings as typed: "'x" is the text x, "=…" a formula, "0123" a number,
 *   "TRUE" a boolean, "05/01/2026" a date (the spreadsheet is vi_VN, Asia/Ho_Chi_Minh), "#REF!" an error,
 *   and refuses a text over 50,000 characters;
 * - getValues gives Date objects for date cells (midnight in the spreadsheet's time zone), error
 *   cells as their code, empty cells as '';
 * - getRange outside the grid (1000 × 26 for a new sheet) throws "out of bounds"; merging across a
 *   merge, freezing through a merge, hiding or deleting the last sheet, taking a sheet name already
 *   used (whatever the case) throw; a list validation of more than 500 items throws;
 * - document properties refuse a value over 9 KB and a store over 500 KB (UTF-8 bytes, keys count);
 * - the document lock can be held by "another user".
 *
 * It computes the formulas written through it (numbers, cell references, + - * /, SUM and COUNTA over
 * ranges, and what the ballot writes: "" and =, IF, RANK) as Sheets would; formulas seeded with fromArrays keep the value they were given.
 * Counters (`calls`) record getValues, setValues, flush... to test batching.
 */
import type { Merge } from '../../core/src/layout/types';
import type { CellValue } from '../../core/src/port/types';
import { parseA1 } from '../../core/src/util/a1';
import type { LockServiceSurface, LockSurface } from '../src/server/lock';
import type { ProtectDeps, ProtectableSheet, ProtectionSurface, SheetProtectionType, UserSurface } from '../src/server/protect';
import type {
  AppSurface,
  DataValidationBuilderSurface,
  DeveloperMetadataSurface,
  PropertiesSurface,
  RangeListSurface,
  RangeSurface,
  SheetSurface,
  SheetsHost,
  SpreadsheetSurface,
  ValidationRule,
} from '../src/server/sheets-port';

export const FAKE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ZONE_OFFSET_MS = 7 * 3600 * 1000;
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;
const DEFAULT_FONT = 'Arial';
const DEFAULT_SIZE = 10;
const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!']);

/** Midnight of a day in the fake spreadsheet's time zone, as getValues gives a date cell. */
export function fakeDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - ZONE_OFFSET_MS);
}

/** Utilities.formatDate, for the one pattern the adapter uses. */
export function fakeFormatDate(date: Date, timeZone: string, format: string): string {
  if (format !== 'dd/MM/yyyy') throw new Error(`fake-spreadsheet: formatDate pattern "${format}" is not supported`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(date);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

export type CallName =
  | 'getValues'
  | 'getFormulas'
  | 'getFontFamilies'
  | 'getMergedRanges'
  | 'getDataRange'
  | 'setValues'
  | 'setFormulas'
  | 'flush'
  | 'insertSheet'
  | 'deleteSheet'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'getRangeList'
  | 'rangeListSetter'
  | 'setDataValidation'
  | 'setColumnWidths'
  | 'setRowHeightsForced'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'deleteColumns';

export type FakeValue = string | number | boolean | Date;

/** A cell given to fromArrays: as MemoryWorkbook.fromArrays takes it, with dates too. */
export type FakeCellInput =
  | CellValue
  | Date
  | { readonly value?: CellValue | Date; readonly formula?: string; readonly error?: string; readonly font?: string };

export interface FakeFormat {
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  hAlign: string | null;
  vAlign: string | null;
  wrap: boolean | null;
  border: boolean;
  background: string | null;
  numberFormat: string | null;
}

export interface FakeCell {
  /** A constant ('' when empty), or a seeded formula's value. */
  value: FakeValue | '';
  /** With its '='. */
  formula?: string;
  error?: string;
  /** A seeded formula keeps `value`; a written one is computed. */
  cached: boolean;
  format: FakeFormat;
}

const defaultFormat = (): FakeFormat => ({
  font: DEFAULT_FONT,
  size: DEFAULT_SIZE,
  bold: false,
  italic: false,
  hAlign: null,
  vAlign: null,
  wrap: null,
  border: false,
  background: null,
  numberFormat: null,
});

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Characters Sheets holds in one cell. */
export const CELL_CHARS = 50_000;

/** What Sheets makes of a value given to setValues (USER_ENTERED). */
function entered(v: unknown, where: string): Pick<FakeCell, 'value' | 'formula' | 'error'> {
  if (v === undefined || (typeof v === 'object' && v !== null && !(v instanceof Date)) || typeof v === 'function') {
    throw new Error(`Exception: Invalid argument ${String(v)} at ${where}`);
  }
  if (v === null || v === '') return { value: '' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Exception: Invalid argument ${v} at ${where}`);
    return { value: v };
  }
  if (typeof v === 'boolean' || v instanceof Date) return { value: v };
  const s = String(v);
  if (s.length > CELL_CHARS) throw new Error(`Exception: Your input contains more than the maximum of ${CELL_CHARS} characters in a single cell.`);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { value: '', formula: s };
  if (ERROR_CODES.has(s)) return { value: '', error: s };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return { value: Number(t.replace(/\./g, '').replace(',', '.')) };
  if (/^[+-]?\d+,\d+$/.test(t)) return { value: Number(t.replace(',', '.')) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (date) return { value: fakeDate(Number(date[3]), Number(date[2]), Number(date[1])) };
  return { value: s };
}

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

// ---------------------------------------------------------------------------------------

export class FakeRange implements RangeSurface {
  constructor(
    readonly sheet: FakeSheet,
    /** 0-based. */
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  getRow(): number {
    return this.row + 1;
  }
  getColumn(): number {
    return this.col + 1;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getA1Notation(): string {
    const a = (r: number, c: number): string => {
      let n = c + 1;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `${s}${r + 1}`;
    };
    const start = a(this.row, this.col);
    return this.rows === 1 && this.cols === 1 ? start : `${start}:${a(this.row + this.rows - 1, this.col + this.cols - 1)}`;
  }

  private grid<T>(f: (row: number, col: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.row + i, this.col + j)));
  }

  private each(f: (row: number, col: number) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) f(this.row + i, this.col + j);
  }

  getValues(): unknown[][] {
    this.sheet.ss.count('getValues');
    return this.grid((r, c) => this.sheet.valueAt(r, c));
  }

  getDisplayValues(): string[][] {
    return this.grid((r, c) => {
      const v = this.sheet.valueAt(r, c);
      return v instanceof Date ? fakeFormatDate(v, FAKE_TIME_ZONE, 'dd/MM/yyyy') : String(v);
    });
  }

  getFormulas(): string[][] {
    this.sheet.ss.count('getFormulas');
    return this.grid((r, c) => (this.sheet.covered(r, c) ? '' : (this.sheet.cellAt(r, c)?.formula ?? '')));
  }

  getFontFamilies(): string[][] {
    this.sheet.ss.count('getFontFamilies');
    return this.grid((r, c) => this.sheet.formatAt(r, c).font);
  }

  getMergedRanges(): FakeRange[] {
    this.sheet.ss.count('getMergedRanges');
    return this.sheet.merges
      .filter((m) => m.row < this.row + this.rows && m.row + m.rows > this.row && m.col < this.col + this.cols && m.col + m.cols > this.col)
      .map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }

  /** Apps Script's own messages (the same for setValues and setFormulas). */
  private checkShape(values: unknown): unknown[][] {
    const what = 'data';
    if (!Array.isArray(values)) throw new Error('Exception: The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    if (values.length !== this.rows) {
      throw new Error(`Exception: The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${values.length} but the range has ${this.rows}.`);
    }
    for (const row of values) {
      const n = Array.isArray(row) ? row.length : 0;
      if (n !== this.cols) {
        throw new Error(`Exception: The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${n} but the range has ${this.cols}.`);
      }
    }
    return values as unknown[][];
  }

  setValues(values: unknown[][]): FakeRange {
    this.sheet.ss.count('setValues');
    const rows = this.checkShape(values);
    // Convert everything first: a failing call writes nothing.
    const converted = rows.map((row, i) => row.map((v, j) => entered(v, `${this.sheet.name}!R${this.row + i + 1}C${this.col + j + 1}`)));
    converted.forEach((row, i) => row.forEach((v, j) => this.sheet.put(this.row + i, this.col + j, v)));
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.sheet.ss.count('setFormulas');
    const rows = this.checkShape(formulas);
    rows.forEach((row, i) =>
      row.forEach((f, j) => {
        if (typeof f !== 'string') throw new Error(`Exception: Invalid formula ${String(f)}`);
        this.sheet.put(this.row + i, this.col + j, f === '' ? { value: '' } : f.startsWith('=') ? { value: '', formula: f } : entered(f, 'setFormulas'));
      }),
    );
    return this;
  }

  setFontFamily(fontFamily: string | null): FakeRange {
    this.each((r, c) => (this.sheet.formatCell(r, c).font = fontFamily ?? DEFAULT_FONT));
    return this;
  }

  setFontSize(size: number): FakeRange {
    this.each((r, c) => (this.sheet.formatCell(r, c).size = size));
    return this;
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRange {
    this.each((r, c) => (this.sheet.formatCell(r, c).vAlign = alignment));
    return this;
  }

  setWrap(isWrapEnabled: boolean): FakeRange {
    this.each((r, c) => (this.sheet.formatCell(r, c).wrap = isWrapEnabled));
    return this;
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRange {
    this.each((r, c) => (this.sheet.formatCell(r, c).hAlign = alignment));
    return this;
  }

  /** Applies a format setter (for RangeList). */
  apply(f: (format: FakeFormat) => void): void {
    this.each((r, c) => f(this.sheet.formatCell(r, c)));
  }

  merge(): FakeRange {
    this.sheet.ss.count('merge');
    this.sheet.merge(this);
    return this;
  }

  /** Each row of the range merged on its own, as Sheets does. */
  mergeAcross(): FakeRange {
    this.sheet.ss.count('mergeAcross');
    for (let r = 0; r < this.rows; r++) this.sheet.merge(new FakeRange(this.sheet, this.row + r, this.col, 1, this.cols));
    return this;
  }

  /** Each column of the range merged on its own, as Sheets does. */
  mergeVertically(): FakeRange {
    this.sheet.ss.count('mergeVertically');
    for (let c = 0; c < this.cols; c++) this.sheet.merge(new FakeRange(this.sheet, this.row, this.col + c, this.rows, 1));
    return this;
  }

  setDataValidation(rule: ValidationRule | null): FakeRange {
    this.sheet.ss.count('setDataValidation');
    if (rule !== null && !(rule instanceof FakeDataValidation)) throw new Error('Exception: Invalid argument: rule');
    this.sheet.validations.push({ row: this.row, col: this.col, rows: this.rows, cols: this.cols, rule });
    return this;
  }

  /** Range.activate(): the range's sheet becomes the active one, the range the selection. */
  activate(): FakeRange {
    this.sheet.ss.activeSheet = this.sheet;
    this.sheet.ss.activeRange = this;
    return this;
  }

  protect(): FakeProtection {
    throw new Error('fake-spreadsheet: range protection is not part of the fake');
  }
}

export class FakeRangeList implements RangeListSurface {
  constructor(
    readonly ss: FakeSpreadsheet,
    readonly ranges: readonly FakeRange[],
  ) {}

  private set(f: (format: FakeFormat) => void): FakeRangeList {
    this.ss.count('rangeListSetter');
    for (const r of this.ranges) r.apply(f);
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  setFontSize(size: number): FakeRangeList {
    return this.set((f) => (f.size = size));
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): FakeRangeList {
    return this.set((f) => (f.bold = fontWeight === 'bold'));
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): FakeRangeList {
    return this.set((f) => (f.italic = fontStyle === 'italic'));
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRangeList {
    return this.set((f) => (f.hAlign = alignment));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRangeList {
    return this.set((f) => (f.vAlign = alignment));
  }
  setWrap(isWrapEnabled: boolean): FakeRangeList {
    return this.set((f) => (f.wrap = isWrapEnabled));
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): FakeRangeList {
    const all = top === true && left === true && bottom === true && right === true && vertical === true && horizontal === true;
    return this.set((f) => (f.border = all));
  }
  setBackground(color: string | null): FakeRangeList {
    if (color !== null && !/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`Exception: Invalid color ${color}`);
    return this.set((f) => (f.background = color));
  }
  setNumberFormat(numberFormat: string): FakeRangeList {
    return this.set((f) => (f.numberFormat = numberFormat));
  }
}

export class FakeDeveloperMetadata implements DeveloperMetadataSurface {
  constructor(
    private key: string,
    private value: string | null,
  ) {}
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.value = value;
    return this;
  }
}

export interface FakeValidationEntry {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly rule: FakeDataValidation | null;
}

export class FakeSheet implements SheetSurface, ProtectableSheet {
  maxRows = NEW_SHEET_ROWS;
  maxCols = NEW_SHEET_COLS;
  hidden = false;
  readonly cells = new Map<number, FakeCell>();
  merges: Merge[] = [];
  validations: FakeValidationEntry[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  frozenCols = 0;
  metadata: FakeDeveloperMetadata[] = [];
  protections: FakeProtection[] = [];

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}

  private key(row: number, col: number): number {
    return row * 100_000 + col;
  }

  cellAt(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }

  formatAt(row: number, col: number): FakeFormat {
    return this.cellAt(row, col)?.format ?? defaultFormat();
  }

  formatCell(row: number, col: number): FakeFormat {
    return this.cell(row, col).format;
  }

  private cell(row: number, col: number): FakeCell {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', cached: false, format: defaultFormat() };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Inside a merge but not its top-left cell. */
  covered(row: number, col: number): boolean {
    return this.merges.some((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols && (row !== m.row || col !== m.col));
  }

  hasContent(row: number, col: number): boolean {
    const c = this.cellAt(row, col);
    return c !== undefined && (c.value !== '' || c.formula !== undefined || c.error !== undefined);
  }

  /** Writes content, keeping the cell's format. Covered cells of a merge keep nothing. */
  put(row: number, col: number, v: Pick<FakeCell, 'value' | 'formula' | 'error'>): void {
    if (this.covered(row, col)) return;
    const c = this.cell(row, col);
    c.value = v.value;
    c.cached = false;
    delete c.formula;
    delete c.error;
    if (v.formula !== undefined) c.formula = v.formula;
    if (v.error !== undefined) c.error = v.error;
  }

  /** Test set-up: a cell as a real sheet would hold it after Sheets computed it. */
  seed(row: number, col: number, input: FakeCellInput): void {
    const c = this.cell(row, col);
    if (input === null || typeof input !== 'object' || input instanceof Date) {
      c.value = input === null ? '' : input;
      return;
    }
    c.value = input.value ?? '';
    c.cached = true;
    if (input.formula !== undefined) c.formula = input.formula.startsWith('=') ? input.formula : `=${input.formula}`;
    if (input.error !== undefined) {
      c.error = input.error;
      c.value = '';
    }
    if (input.font !== undefined) c.format.font = input.font;
  }

  /** What getValues gives for a cell. */
  valueAt(row: number, col: number, visiting: Set<number> = new Set()): FakeValue {
    if (this.covered(row, col)) return '';
    const c = this.cellAt(row, col);
    if (!c) return '';
    if (c.error !== undefined) return c.error;
    if (c.formula !== undefined && !c.cached) {
      const k = this.key(row, col);
      if (visiting.has(k)) return '#REF!';
      visiting.add(k);
      try {
        return new Evaluator(this, c.formula.slice(1), visiting).run();
      } catch (e) {
        if (e instanceof FormulaError) return e.code;
        throw e;
      } finally {
        visiting.delete(k);
      }
    }
    return c.value instanceof Date ? new Date(c.value.getTime()) : c.value;
  }

  // --- the Sheet surface

  getName(): string {
    return this.name;
  }

  setName(name: string): FakeSheet {
    if (name.trim() === '') throw new Error('Exception: Invalid argument: name');
    this.ss.checkFreeName(name, this);
    this.name = name;
    return this;
  }

  getParent(): FakeSpreadsheet {
    return this.ss;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  hideSheet(): FakeSheet {
    if (!this.hidden && this.ss.sheets.filter((s) => !s.hidden).length <= 1) throw new Error("Exception: You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.hidden = false;
    return this;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxCols;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ss.count('insertRowsAfter');
    if (afterPosition !== this.maxRows) throw new Error('fake-spreadsheet: only rows appended after the last one are supported');
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Exception: Invalid argument: howMany');
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ss.count('insertColumnsAfter');
    if (afterPosition !== this.maxCols) throw new Error('fake-spreadsheet: only columns appended after the last one are supported');
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Exception: Invalid argument: howMany');
    this.maxCols += howMany;
    return this;
  }

  /** Sheet.deleteRows: only rows at the end holding nothing (what the adapter removes) are supported. */
  deleteRows(rowPosition: number, howMany: number): void {
    this.ss.count('deleteRows');
    if (!Number.isInteger(rowPosition) || !Number.isInteger(howMany) || rowPosition < 1 || howMany < 1) throw new Error('Exception: Invalid argument');
    if (rowPosition - 1 + howMany > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new Error("Exception: You can't delete all the rows on the sheet.");
    if (rowPosition - 1 + howMany !== this.maxRows) throw new Error('fake-spreadsheet: only rows at the end can be deleted');
    if ([...this.cells.keys()].some((k) => Math.floor(k / 100_000) >= rowPosition - 1 && this.hasContent(Math.floor(k / 100_000), k % 100_000))) {
      throw new Error('fake-spreadsheet: deleting rows that hold content is not supported');
    }
    for (const k of [...this.cells.keys()]) if (Math.floor(k / 100_000) >= rowPosition - 1) this.cells.delete(k);
    this.maxRows -= howMany;
  }

  /** Sheet.deleteColumns: only empty columns at the end are supported. */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.ss.count('deleteColumns');
    if (!Number.isInteger(columnPosition) || !Number.isInteger(howMany) || columnPosition < 1 || howMany < 1) throw new Error('Exception: Invalid argument');
    if (columnPosition - 1 + howMany > this.maxCols) throw new Error('Exception: Those columns are out of bounds.');
    if (howMany >= this.maxCols) throw new Error("Exception: You can't delete all the columns on the sheet.");
    if (columnPosition - 1 + howMany !== this.maxCols) throw new Error('fake-spreadsheet: only columns at the end can be deleted');
    if ([...this.cells.keys()].some((k) => k % 100_000 >= columnPosition - 1 && this.hasContent(Math.floor(k / 100_000), k % 100_000))) {
      throw new Error('fake-spreadsheet: deleting columns that hold content is not supported');
    }
    for (const k of [...this.cells.keys()]) if (k % 100_000 >= columnPosition - 1) this.cells.delete(k);
    this.maxCols -= howMany;
  }

  getLastRow(): number {
    let last = 0;
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / 100_000);
      if (this.hasContent(r, k % 100_000)) last = Math.max(last, r + 1);
    }
    return last;
  }

  getLastColumn(): number {
    let last = 0;
    for (const k of this.cells.keys()) {
      const c = k % 100_000;
      if (this.hasContent(Math.floor(k / 100_000), c)) last = Math.max(last, c + 1);
    }
    return last;
  }

  /** From A1 to the last row and column holding content; A1 alone on an empty sheet. */
  getDataRange(): FakeRange {
    this.ss.count('getDataRange');
    return new FakeRange(this, 0, 0, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  /** By position (1-based), or by A1 notation ("B4", "B4:D6") as Sheet.getRange(a1Notation). */
  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(rowOrA1)) throw new Error('Exception: Range not found');
      return this.getRangeA1(rowOrA1.replace(/\$/g, '').toUpperCase());
    }
    const row = rowOrA1;
    if (column === undefined) throw new Error('Exception: The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    for (const [what, v] of [
      ['row', row],
      ['column', column],
      ['numRows', numRows],
      ['numColumns', numColumns],
    ] as const) {
      if (!Number.isInteger(v)) throw new Error(`Exception: Invalid argument: ${what}`);
    }
    if (row < 1) throw new Error('Exception: The starting row of the range is too small.');
    if (column < 1) throw new Error('Exception: The starting column of the range is too small.');
    if (numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    if (row - 1 + numRows > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (column - 1 + numColumns > this.maxCols) throw new Error('Exception: Those columns are out of bounds.');
    return new FakeRange(this, row - 1, column - 1, numRows, numColumns);
  }

  /** A range by A1 notation ("B4" or "B4:D6"). */
  getRangeA1(a1Notation: string): FakeRange {
    const [from, to = from] = a1Notation.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    return this.getRange(a.row + 1, a.col + 1, b.row - a.row + 1, b.col - a.col + 1);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.ss.count('getRangeList');
    if (a1Notations.length === 0) throw new Error('Exception: Invalid argument: a1Notations');
    return new FakeRangeList(
      this.ss,
      a1Notations.map((n) => this.getRangeA1(n)),
    );
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.ss.count('setColumnWidths');
    if (startColumn < 1 || startColumn - 1 + numColumns > this.maxCols) throw new Error('Exception: Those columns are out of bounds.');
    if (!Number.isInteger(width) || width < 0) throw new Error('Exception: Invalid argument: width');
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  setRowHeightsForced(startRow: number, numRows: number, height: number): FakeSheet {
    this.ss.count('setRowHeightsForced');
    if (startRow < 1 || startRow - 1 + numRows > this.maxRows) throw new Error('Exception: Those rows are out of bounds.');
    if (!Number.isInteger(height) || height < 0) throw new Error('Exception: Invalid argument: height');
    for (let r = startRow - 1; r < startRow - 1 + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (this.merges.some((m) => m.row < rows && m.row + m.rows > rows)) {
      throw new Error('Exception: Sorry, it is not possible to freeze rows that contain only part of a merged cell.');
    }
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (this.merges.some((m) => m.col < columns && m.col + m.cols > columns)) {
      throw new Error('Exception: Sorry, it is not possible to freeze columns that contain only part of a merged cell.');
    }
    this.frozenCols = columns;
  }

  addDeveloperMetadata(key: string, value: string): FakeSheet {
    this.metadata.push(new FakeDeveloperMetadata(key, value));
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return [...this.metadata];
  }

  protect(): FakeProtection {
    // "If the sheet is already protected, this method returns an object representing the existing protection settings."
    const existing = this.protections[0];
    if (existing) return existing;
    const p = new FakeProtection(this);
    this.protections.push(p);
    return p;
  }

  getProtections(type: SheetProtectionType): FakeProtection[] {
    return type === this.ss.app.ProtectionType.SHEET ? [...this.protections] : [];
  }

  // --- used by ranges

  merge(range: FakeRange): void {
    const area: Merge = { row: range.row, col: range.col, rows: range.rows, cols: range.cols };
    if (area.rows === 1 && area.cols === 1) return;
    const overlaps = this.merges.filter((m) => m.row < area.row + area.rows && m.row + m.rows > area.row && m.col < area.col + area.cols && m.col + m.cols > area.col);
    if (overlaps.some((m) => m.row < area.row || m.col < area.col || m.row + m.rows > area.row + area.rows || m.col + m.cols > area.col + area.cols)) {
      throw new Error('Exception: You must select all cells in a merged range to merge or unmerge them.');
    }
    this.merges = this.merges.filter((m) => !overlaps.includes(m));
    // Merging keeps the top-left value only.
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.col; c < area.col + area.cols; c++) {
        if (r === area.row && c === area.col) continue;
        const cell = this.cellAt(r, c);
        if (cell) {
          cell.value = '';
          delete cell.formula;
          delete cell.error;
        }
      }
    }
    this.merges.push(area);
  }

  /** The validation rule that applies to a cell (the last one set over it). */
  validationAt(row: number, col: number): FakeDataValidation | null {
    let rule: FakeDataValidation | null = null;
    for (const v of this.validations) {
      if (row >= v.row && row < v.row + v.rows && col >= v.col && col < v.col + v.cols) rule = v.rule;
    }
    return rule;
  }

  /** A copy for insertSheet's template: everything but protections; visible. */
  copyAs(name: string): FakeSheet {
    const s = new FakeSheet(this.ss, name);
    s.maxRows = this.maxRows;
    s.maxCols = this.maxCols;
    for (const [k, c] of this.cells) s.cells.set(k, { ...c, value: c.value instanceof Date ? new Date(c.value.getTime()) : c.value, format: { ...c.format } });
    s.merges = this.merges.map((m) => ({ ...m }));
    s.validations = [...this.validations];
    for (const [k, v] of this.columnWidths) s.columnWidths.set(k, v);
    for (const [k, v] of this.rowHeights) s.rowHeights.set(k, v);
    s.frozenRows = this.frozenRows;
    s.frozenCols = this.frozenCols;
    s.metadata = this.metadata.map((m) => new FakeDeveloperMetadata(m.getKey(), m.getValue()));
    return s;
  }
}

/** Computes the formulas the adapter writes: numbers, references, + - * /, SUM(range, …) and COUNTA(range, …); the ballot's "" and =, IF(c, a, b), RANK(x, range). */
class Evaluator {
  private readonly tokens: string[];
  private pos = 0;

  constructor(
    private readonly sheet: FakeSheet,
    formula: string,
    private readonly visiting: Set<number>,
  ) {
    const tokens = formula.match(/"(?:[^"]|"")*"|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*(?=\()|\d+(?:\.\d+)?|[-+*/(),=]|\s+|./g) ?? [];
    this.tokens = tokens.filter((t) => !/^\s+$/.test(t));
    for (const t of this.tokens) {
      if (!/^("(?:[^"]|"")*"|\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*|\d+(\.\d+)?|[-+*/(),=])$/.test(t)) {
        throw new Error(`fake-spreadsheet: cannot compute the formula "=${formula}" (token "${t}")`);
      }
    }
  }

  run(): number | string {
    const v = this.compare();
    if (this.pos !== this.tokens.length) throw new Error(`fake-spreadsheet: cannot compute the formula (at "${this.tokens[this.pos]}")`);
    return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  /** a = b (Sheets compares a number with a number, a text with a text, case-insensitively). */
  private compare(): number | string | boolean {
    const v = this.value();
    if (this.peek() !== '=') return v;
    this.pos++;
    const w = this.value();
    return typeof v === 'string' && typeof w === 'string' ? v.toLowerCase() === w.toLowerCase() : v === w;
  }

  /** A text literal, an IF (which may give a text), or an arithmetic expression. */
  private value(): number | string {
    const t = this.peek();
    if (t !== undefined && t.startsWith('"')) {
      this.pos++;
      return t.slice(1, -1).replace(/""/g, '"');
    }
    if (t?.toUpperCase() === 'IF' && this.tokens[this.pos + 1] === '(') {
      this.pos += 2;
      return this.ifCall();
    }
    return this.expr();
  }

  private expr(): number {
    let v = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.tokens[this.pos++];
      const w = this.term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  }

  private term(): number {
    let v = this.factor();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.tokens[this.pos++];
      const w = this.factor();
      if (op === '/' && w === 0) throw new FormulaError('#DIV/0!');
      v = op === '*' ? v * w : v / w;
    }
    return v;
  }

  private cells(ref: string): FakeValue[] {
    const [from, to = from] = ref.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    const out: FakeValue[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const v = this.sheet.valueAt(r, c, this.visiting);
        if (typeof v === 'string' && ERROR_CODES.has(v)) throw new FormulaError(v);
        out.push(v);
      }
    }
    return out;
  }

  private expect(token: string): void {
    if (this.tokens[this.pos++] !== token) throw new FormulaError('#ERROR!');
  }

  private isRange(t: string | undefined): t is string {
    return t !== undefined && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(t);
  }

  /** IF(condition, then, else): a number, or the text "" as the ballot writes it (read back as an empty cell). */
  private ifCall(): number | string {
    const cond = this.compare();
    this.expect(',');
    const yes = this.compare();
    this.expect(',');
    const no = this.compare();
    this.expect(')');
    const truth = typeof cond === 'boolean' ? cond : typeof cond === 'number' ? cond !== 0 : cond !== '';
    const out = truth ? yes : no;
    return typeof out === 'boolean' ? (out ? 1 : 0) : out;
  }

  /** RANK(value, range): 1 + how many numbers of the range are greater (descending, as Sheets' default). */
  private rankCall(): number {
    const x = this.expr();
    this.expect(',');
    const ref = this.tokens[this.pos++];
    if (!this.isRange(ref)) throw new FormulaError('#ERROR!');
    this.expect(')');
    const numbers = this.cells(ref).filter((v): v is number => typeof v === 'number');
    if (!numbers.includes(x)) throw new FormulaError('#N/A');
    return 1 + numbers.filter((v) => v > x).length;
  }

  private factor(): number {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new FormulaError('#ERROR!');
    if (t === '-') return -this.factor();
    if (t === '+') return this.factor();
    if (t === '(') {
      const v = this.expr();
      if (this.tokens[this.pos++] !== ')') throw new FormulaError('#ERROR!');
      return v;
    }
    if (/^\d/.test(t)) return Number(t);
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(t) && this.peek() !== '(') {
      const [v] = this.cells(t);
      if (v === '') return 0;
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      throw new FormulaError('#VALUE!');
    }
    if (this.peek() === '(') {
      this.pos++;
      const fn = t.toUpperCase();
      if (fn === 'IF') {
        const v = this.ifCall();
        if (typeof v === 'string') throw new FormulaError('#VALUE!');
        return v;
      }
      if (fn === 'RANK') return this.rankCall();
      // SUM adds the numbers; COUNTA counts the cells that are not empty (the ballot's tally of marks).
      if (fn !== 'SUM' && fn !== 'COUNTA') throw new Error(`fake-spreadsheet: cannot compute the function ${t}`);
      let sum = 0;
      for (;;) {
        const arg = this.peek();
        if (this.isRange(arg) && (this.tokens[this.pos + 1] === ',' || this.tokens[this.pos + 1] === ')')) {
          this.pos++;
          for (const v of this.cells(arg)) {
            if (fn === 'SUM' && typeof v === 'number') sum += v;
            if (fn === 'COUNTA' && v !== '' && v !== null && v !== undefined) sum += 1;
          }
        } else {
          const v = this.expr();
          sum += fn === 'SUM' ? v : 1;
        }
        const sep = this.tokens[this.pos++];
        if (sep === ')') break;
        if (sep !== ',') throw new FormulaError('#ERROR!');
      }
      return sum;
    }
    throw new FormulaError('#NAME?');
  }
}

// ---------------------------------------------------------------------------------------
// Data validation

export type FakeCriteria = 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO' | 'NUMBER_BETWEEN' | 'CUSTOM_FORMULA';

export class FakeDataValidation {
  constructor(
    readonly criteria: FakeCriteria,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}
}

export class FakeDataValidationBuilder implements DataValidationBuilderSurface {
  private criteria: FakeCriteria | undefined;
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  private set(criteria: FakeCriteria, args: unknown[]): FakeDataValidationBuilder {
    this.criteria = criteria;
    this.args = args;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: RangeSurface, showDropdown = true): FakeDataValidationBuilder {
    if (!(range instanceof FakeRange)) throw new Error('Exception: Invalid argument: range');
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): FakeDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    if (!formula.startsWith('=')) throw new Error('Exception: Invalid argument: formula');
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    if (this.criteria === undefined) throw new Error('Exception: You must set a criteria for the data validation rule.');
    if (this.criteria === 'VALUE_IN_LIST' && (this.args[0] as string[]).length > 500) {
      throw new Error('Exception: The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.');
    }
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

// ---------------------------------------------------------------------------------------
// Protection

export class FakeUser implements UserSurface {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class FakeProtection implements ProtectionSurface {
  description = '';
  warningOnly = false;
  domainEdit: boolean;
  editors: string[];

  constructor(readonly sheet: FakeSheet) {
    // A new protection starts with everyone who may edit the spreadsheet.
    this.editors = [sheet.ss.owner, ...sheet.ss.editors];
    this.domainEdit = sheet.ss.domainEdit;
  }

  setDescription(description: string): FakeProtection {
    this.description = description;
    return this;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  private has(email: string): boolean {
    return this.editors.some((e) => e.toLowerCase() === email.toLowerCase());
  }
  addEditor(emailAddress: string): FakeProtection {
    return this.addEditors([emailAddress]);
  }
  addEditors(emailAddresses: string[]): FakeProtection {
    for (const e of emailAddresses) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new Error(`Exception: Invalid email: ${e}`);
      if (!this.has(e)) this.editors.push(e);
    }
    return this;
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  removeEditors(emailAddresses: string[]): FakeProtection {
    const keep = new Set([this.sheet.ss.owner, this.sheet.ss.effectiveUser].map((e) => e.toLowerCase()));
    const remove = new Set(emailAddresses.map((e) => e.toLowerCase()).filter((e) => !keep.has(e)));
    this.editors = this.editors.filter((e) => !remove.has(e.toLowerCase()));
    return this;
  }
  getEditors(): FakeUser[] {
    return this.editors.map((e) => new FakeUser(e));
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    this.domainEdit = editable;
    return this;
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
}

// ---------------------------------------------------------------------------------------
// SpreadsheetApp, PropertiesService, LockService

export class FakeSpreadsheetApp implements AppSurface {
  /** Stand-ins for the ProtectionType enum's values. */
  readonly ProtectionType = { RANGE: 0 as unknown as SheetProtectionType, SHEET: 1 as unknown as SheetProtectionType };

  constructor(readonly ss: FakeSpreadsheet) {}

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  flush(): void {
    this.ss.count('flush');
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.ss;
  }
}

export class FakeSpreadsheet implements SpreadsheetSurface {
  sheets: FakeSheet[] = [];
  readonly calls: Record<CallName, number> = {
    getValues: 0,
    getFormulas: 0,
    getFontFamilies: 0,
    getMergedRanges: 0,
    getDataRange: 0,
    setValues: 0,
    setFormulas: 0,
    flush: 0,
    insertSheet: 0,
    deleteSheet: 0,
    merge: 0,
    mergeAcross: 0,
    mergeVertically: 0,
    getRangeList: 0,
    rangeListSetter: 0,
    setDataValidation: 0,
    setColumnWidths: 0,
    setRowHeightsForced: 0,
    insertRowsAfter: 0,
    insertColumnsAfter: 0,
    deleteRows: 0,
    deleteColumns: 0,
  };
  readonly app = new FakeSpreadsheetApp(this);
  readonly properties = new FakeProperties();
  readonly locks = new FakeLockService();
  /** Sharing, for protections. */
  owner = 'chu.so@example.com';
  editors: string[] = ['can.bo.huyen@example.com', 'xa.dong.tam@example.com', 'xa.tan.lap@example.com'];
  domainEdit = true;
  /** Session.getEffectiveUser(). */
  effectiveUser = 'can.bo.huyen@example.com';
  /** The selection (Range.activate), for the add-on's "go to the cell". */
  activeSheet: FakeSheet | undefined;
  activeRange: FakeRange | undefined;

  /**
   * A spreadsheet from arrays, as MemoryWorkbook.fromArrays: rows start at A1; a cell is a value,
   * a Date, or { value?, formula?, error?, font? } (a formula with the value Sheets computed).
   * Unlike a real spreadsheet it may start with no sheet (the contract tests create them).
   */
  static fromArrays(
    sheets: Readonly<Record<string, readonly (readonly FakeCellInput[])[]>>,
    options: { readonly hidden?: readonly string[] } = {},
  ): FakeSpreadsheet {
    const ss = new FakeSpreadsheet();
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = new FakeSheet(ss, name);
      ss.checkFreeName(name, undefined);
      ss.sheets.push(sheet);
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          if (input !== null && input !== '') sheet.seed(r, c, input);
        }),
      );
    }
    for (const name of options.hidden ?? []) ss.sheet(name).hidden = true;
    return ss;
  }

  count(name: CallName): void {
    this.calls[name]++;
  }

  resetCalls(): void {
    for (const k of Object.keys(this.calls) as CallName[]) this.calls[k] = 0;
  }

  /** The sheet of exactly that name (test inspection). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake-spreadsheet: no sheet "${name}"`);
    return s;
  }

  checkFreeName(name: string, self: FakeSheet | undefined): void {
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /** The active sheet: the last one activated, else the first (as a newly opened spreadsheet). */
  getActiveSheet(): FakeSheet {
    const active = this.activeSheet && this.sheets.includes(this.activeSheet) ? this.activeSheet : this.sheets[0];
    if (!active) throw new Error('fake-spreadsheet: no sheet');
    return active;
  }

  getActiveRange(): FakeRange | null {
    return this.activeRange ?? null;
  }

  insertSheet(sheetName: string, sheetIndex: number, options?: { template?: SheetSurface }): FakeSheet {
    this.count('insertSheet');
    if (!Number.isInteger(sheetIndex) || sheetIndex < 0 || sheetIndex > this.sheets.length) throw new Error('Exception: Invalid argument: sheetIndex');
    if (sheetName.trim() === '') throw new Error('Exception: Invalid argument: sheetName');
    this.checkFreeName(sheetName, undefined);
    const template = options?.template;
    if (template !== undefined && !(template instanceof FakeSheet && this.sheets.includes(template))) {
      throw new Error('Exception: The sheet template must be one of the sheets of this spreadsheet.');
    }
    const sheet = template ? template.copyAs(sheetName) : new FakeSheet(this, sheetName);
    this.sheets.splice(sheetIndex, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetSurface): void {
    this.count('deleteSheet');
    if (!(sheet instanceof FakeSheet) || !this.sheets.includes(sheet)) throw new Error('Exception: Invalid argument: sheet');
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  getSpreadsheetTimeZone(): string {
    return FAKE_TIME_ZONE;
  }

  /** The services an adapter takes: SpreadsheetApp, LockService, Utilities.formatDate. */
  host(lockTimeoutMs?: number): SheetsHost {
    return { app: this.app, lockService: this.locks, formatDate: fakeFormatDate, ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}) };
  }

  /** What protect.ts takes. */
  protectDeps(): ProtectDeps {
    return {
      sheetProtectionType: this.app.ProtectionType.SHEET,
      effectiveUserEmail: () => this.effectiveUser,
      lock: { lockService: this.locks, flush: () => this.app.flush() },
    };
  }
}

export type PropertyCall = 'getProperties' | 'getProperty' | 'setProperty' | 'setProperties' | 'deleteProperty';

/** Document properties with Apps Script's limits: 9 KB per value, 500 KB per store (UTF-8 bytes; keys count). */
export class FakeProperties implements PropertiesSurface {
  static readonly VALUE_LIMIT = 9 * 1024;
  static readonly STORE_LIMIT = 500 * 1024;
  readonly store = new Map<string, string>();
  readonly calls: Record<PropertyCall, number> = { getProperties: 0, getProperty: 0, setProperty: 0, setProperties: 0, deleteProperty: 0 };

  bytes(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8(k) + utf8(v);
    return n;
  }

  private check(next: Map<string, string>): void {
    for (const v of next.values()) if (utf8(v) > FakeProperties.VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
    let n = 0;
    for (const [k, v] of next) n += utf8(k) + utf8(v);
    if (n > FakeProperties.STORE_LIMIT) throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  getProperties(): { [key: string]: string } {
    this.calls.getProperties++;
    return Object.fromEntries(this.store);
  }
  getProperty(key: string): string | null {
    this.calls.getProperty++;
    return this.store.get(key) ?? null;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): FakeProperties {
    this.calls.setProperty++;
    const next = new Map(this.store);
    next.set(key, String(value));
    this.check(next);
    this.store.set(key, String(value));
    return this;
  }
  setProperties(properties: { [key: string]: string }): FakeProperties {
    this.calls.setProperties++;
    const next = new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    for (const [k, v] of Object.entries(properties)) this.store.set(k, String(v));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.calls.deleteProperty++;
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.store.clear();
    return this;
  }
}

export class FakeLock implements LockSurface {
  held = false;
  /** Timeouts given to tryLock, in order. */
  readonly tries: number[] = [];
  releases = 0;

  constructor(private readonly service: FakeLockService) {}

  tryLock(timeoutInMillis: number): boolean {
    this.tries.push(timeoutInMillis);
    if (this.service.heldByAnotherUser) return false;
    this.held = true;
    return true;
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.releases++;
    this.held = false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
  }
}

/** LockService; the document lock can be held by another user. */
export class FakeLockService implements LockServiceSurface {
  heldByAnotherUser = false;
  /** False: getDocumentLock() returns null, as outside a containing document. */
  inDocument = true;
  readonly documentLock = new FakeLock(this);
  readonly scriptLock = new FakeLock(this);

  holdByAnotherUser(): void {
    this.heldByAnotherUser = true;
  }
  releaseByAnotherUser(): void {
    this.heldByAnotherUser = false;
  }
  getDocumentLock(): FakeLock | null {
    return this.inDocument ? this.documentLock : null;
  }
  getScriptLock(): FakeLock {
    return this.scriptLock;
  }
}
