/**
 * SheetsWorkbook: the workbook port over SpreadsheetApp (Google Sheets, Apps Script V8).
 *
 * Built from a spreadsheet and a properties store (and the few global services it needs), so
 * tests pass the strict fake of test/fake-spreadsheet.ts. Shared rules (sheet names, write
 * blocks, internal '_lkh' sheets, errors) come from core/src/port/memory.ts; MemoryWorkbook is
 * the reference behaviour. Where Sheets differs:
 *
 * - Reads: per sheet one getDataRange() and on it one getValues(), one getFormulas(), one
 *   getFontFamilies() when fonts are asked for, and one getMergedRanges() over the whole grid
 *   unless the caller needs no merges (ReadOptions.merges false: the upper level's roll-up).
 *   getValues() gives Date objects for date cells: they become "dd/mm/yyyy" in the
 *   spreadsheet's time zone; error cells read as their code ('#REF!'…).
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
 * - Writes: one setValues() per block (and per layout) for the constants, then one setFormulas()
 *   per rectangle of formula cells. setValues() parses strings as if typed ("0123" becomes a
 *   number, "TRUE" a boolean, "05/01/2026" a date, "=…" a formula), so text that could be read
 *   as something else is written with Sheets' leading apostrophe. setValues() throws when the
 *   array's shape differs from the range's.
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 *   A formula written here is computed by Sheets, so it reads back with its value (MemoryWorkbook
 *   and XlsxWorkbook read null until a spreadsheet program computes it).
 * - Every write holds the document lock (lock.ts) and ends with one SpreadsheetApp.flush().
 * - Document state lives in the document properties, split into pieces under the 9 KB per value
 *   limit, while the whole (with the other properties) fits the 500 KB per store limit. A larger
 *   state (a commune of 60 villages after a consolidation: ~600 KB) goes to the hidden sheet
 *   '_lkh' instead, in cells of column A of at most 45,000 characters (Sheets holds 50,000 per
 *   cell), and the property lkh.state then only says so ("lkh-state-sheet/1|<pieces>"); the cells
 *   are flushed before lkh.state is set, so it never points at unsent cells. One copy only:
 *   switching either way removes the other (the sheet, or the pieces in properties).
 *   https://developers.google.com/apps-script/guides/services/quotas
 *   https://developers.google.com/apps-script/guides/properties
 *   https://support.google.com/drive/answer/37603 (50,000 characters per cell)
 * - Print set-up (paper, orientation, fit to width, repeated rows, print area) cannot be set from
 *   Apps Script: it is recorded on the sheet as developer metadata (printSetup) and the pane tells
 *   the user how to set it in File > Print (printAdvice).
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */
import type { CellStyle, Merge, PrintSetup, SheetLayout, StyleName, Validation } from '../../../core/src/layout/types';
import type { ReadCell } from '../../../core/src/port/memory';
import {
  LAYOUT_FONT,
  LAYOUT_FONT_SIZE,
  PortError,
  bareFormula,
  checkBlocks,
  checkDeletion,
  checkNewSheetName,
  checkLayoutValues,
  checkSheetName,
  isInternalSheet,
  sheetExists,
  sheetNotFound,
  stateFromJson,
  stateToJson,
  toSheetData,
} from '../../../core/src/port/memory';
import type { CellValue, CreateSheetOptions, DocumentState, ReadOptions, SheetData, WorkbookPort, WriteBlock, WriteValue } from '../../../core/src/port/types';
import { STATE_MAX_CHARS } from '../../../core/src/port/state';
import { copyName } from '../../../core/src/port/types';
import { a1, rangeA1 } from '../../../core/src/util/a1';
import { LISTS_SHEET, numberText } from '../../../core/src/xlsx/layout-writer';
import type { LockOptions, LockServiceSurface } from './lock';
import { withDocumentLock } from './lock';
import type { ProtectionSurface } from './protect';

// ---------------------------------------------------------------------------------------
// The SpreadsheetApp surface the adapter uses. The real classes satisfy it (checked below by
// the compiler); the fake implements exactly this.

/** A built data validation rule (opaque). */
export type ValidationRule = object;

export interface RangeSurface {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getValues(): unknown[][];
  getFormulas(): string[][];
  getFontFamilies(): string[][];
  getMergedRanges(): RangeSurface[];
  setValues(values: unknown[][]): RangeSurface;
  setFormulas(formulas: string[][]): RangeSurface;
  setFontFamily(fontFamily: string | null): RangeSurface;
  setFontSize(size: number): RangeSurface;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeSurface;
  setWrap(isWrapEnabled: boolean): RangeSurface;
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeSurface;
  merge(): RangeSurface;
  /** Merges each row of the range on its own (one call for a column of one-row merges). */
  mergeAcross(): RangeSurface;
  /** Merges each column of the range on its own. */
  mergeVertically(): RangeSurface;
  setDataValidation(rule: ValidationRule | null): RangeSurface;
}

export interface RangeListSurface {
  setFontSize(size: number): RangeListSurface;
  setFontWeight(fontWeight: 'normal' | 'bold' | null): RangeListSurface;
  setFontStyle(fontStyle: 'normal' | 'italic' | null): RangeListSurface;
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeListSurface;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeListSurface;
  setWrap(isWrapEnabled: boolean): RangeListSurface;
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): RangeListSurface;
  setBackground(color: string | null): RangeListSurface;
  setNumberFormat(numberFormat: string): RangeListSurface;
}

export interface DeveloperMetadataSurface {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): DeveloperMetadataSurface;
}

export interface SheetSurface {
  getName(): string;
  setName(name: string): SheetSurface;
  isSheetHidden(): boolean;
  hideSheet(): SheetSurface;
  /** Sheet.protect(): the state sheet is protected with a warning only (writeStateSheet). */
  protect(): Pick<ProtectionSurface, 'setDescription' | 'setWarningOnly'>;
  showSheet(): SheetSurface;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetSurface;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetSurface;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  getDataRange(): RangeSurface;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeSurface;
  getRangeList(a1Notations: string[]): RangeListSurface;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetSurface;
  setRowHeightsForced(startRow: number, numRows: number, height: number): SheetSurface;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  addDeveloperMetadata(key: string, value: string): SheetSurface;
  getDeveloperMetadata(): DeveloperMetadataSurface[];
}

export interface SpreadsheetSurface {
  getSheets(): SheetSurface[];
  insertSheet(sheetName: string, sheetIndex: number, options?: { template?: SheetSurface }): SheetSurface;
  deleteSheet(sheet: SheetSurface): void;
  getSpreadsheetTimeZone(): string;
}

export interface DataValidationBuilderSurface {
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderSurface;
  requireValueInRange(range: RangeSurface, showDropdown: boolean): DataValidationBuilderSurface;
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderSurface;
  requireNumberBetween(start: number, end: number): DataValidationBuilderSurface;
  requireFormulaSatisfied(formula: string): DataValidationBuilderSurface;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderSurface;
  setHelpText(helpText: string): DataValidationBuilderSurface;
  build(): ValidationRule;
}

/** The part of SpreadsheetApp used here. */
export interface AppSurface {
  newDataValidation(): DataValidationBuilderSurface;
  flush(): void;
}

/** The part of a Properties store (PropertiesService.getDocumentProperties()) used here. */
export interface PropertiesSurface {
  getProperties(): { [key: string]: string };
  setProperties(properties: { [key: string]: string }): PropertiesSurface;
  deleteProperty(key: string): PropertiesSurface;
}

/** The global services next to the spreadsheet. */
export interface SheetsHost {
  readonly app: AppSurface;
  readonly lockService: LockServiceSurface;
  /** Utilities.formatDate. */
  formatDate(date: Date, timeZone: string, format: string): string;
  /** How long a write waits for the document lock (default lock.ts LOCK_TIMEOUT_MS). */
  readonly lockTimeoutMs?: number;
}

type Fits<T extends U, U> = T;
export type RealRangeFits = Fits<GoogleAppsScript.Spreadsheet.Range, RangeSurface>;
export type RealRangeListFits = Fits<GoogleAppsScript.Spreadsheet.RangeList, RangeListSurface>;
export type RealSheetFits = Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetSurface>;
export type RealSpreadsheetFits = Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetSurface>;
export type RealAppFits = Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppSurface>;
export type RealPropertiesFits = Fits<GoogleAppsScript.Properties.Properties, PropertiesSurface>;

/** The host of the running add-on: SpreadsheetApp, LockService, Utilities. */
export function appsScriptHost(): SheetsHost {
  return {
    app: SpreadsheetApp,
    lockService: LockService,
    formatDate: (date, timeZone, format) => Utilities.formatDate(date, timeZone, format),
  };
}

// ---------------------------------------------------------------------------------------
// Constants and small rules

/** Document property holding the state's format tag and number of pieces: "lkh-state/1|3". */
export const STATE_KEY = 'lkh.state';
/** Document properties holding the pieces of the state's JSON: lkh.state.0, lkh.state.1… */
export const STATE_PART_PREFIX = 'lkh.state.';
export const STATE_TAG = 'lkh-state/1';
/** "Properties value size: 9 KB / val" — a piece stays well under it (UTF-8 bytes). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const STATE_PART_BYTES = 8_000;
/** "Properties total storage: 500 KB / property store" (keys count too). */
export const PROPERTY_STORE_LIMIT = 500 * 1024;
/** Tag of lkh.state when the state is in the hidden sheet: "lkh-state-sheet/1|14" (an older reader refuses it, never reads it as empty). */
export const STATE_SHEET_TAG = 'lkh-state-sheet/1';
/** The hidden sheet holding a state too large for the properties (the name XlsxWorkbook uses; isInternalSheet hides it). */
export const STATE_SHEET = '_lkh';
/** Characters of JSON per cell of the state sheet (Sheets refuses a cell over 50,000). */
export const STATE_CELL_CHARS = 45_000;
/** Blank rows and columns a sheet created from a layout keeps beyond it, for typing (the rest of the default grid is removed). */
export const SPARE_ROWS = 100;
export const SPARE_COLS = 5;
/** Developer metadata key recording a sheet's print set-up (Apps Script cannot apply it). */
export const PRINT_METADATA_KEY = 'lkh.print';
/** requireValueInList refuses more items: "The data validation rule has more items than the limit of 500". */
export const MAX_LIST_ITEMS = 500;
/** Error values as getValues() gives them (Sheets adds #ERROR! for parse errors). */
export const ERROR_CODES: ReadonlySet<string> = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!']);

/** Excel column width (characters of the default font) to pixels: 7 px per character plus 5 px of padding. */
export function widthToPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** Excel row height (points) to pixels at 96 dpi. */
export function heightToPixels(points: number): number {
  return Math.round((points * 4) / 3);
}

/** Bytes of a string in UTF-8 (Apps Script has no TextEncoder). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits text into pieces of at most `maxChars` UTF-16 units, never between the two halves of a character. */
export function splitChars(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + maxChars, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Length(ch);
    if (bytes + b > maxBytes) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * A string as setValues must receive it to stay the same text. Sheets parses written strings as
 * if typed; a leading apostrophe keeps the rest as text (and is not part of the value read back).
 * Text starting with a letter and holding no digit is left alone; TRUE/FALSE, numbers, dates,
 * percentages, formulas, error codes and text with digits get the apostrophe.
 */
export function textForSheets(text: string): string {
  if (text === '') return '';
  return /^\p{L}\D*$/u.test(text) && !/^(true|false)$/i.test(text) ? text : `'${text}`;
}

/** A constant as setValues must receive it ('' clears the cell; formulas are written by setFormulas). */
function sheetsValue(v: WriteValue): string | number | boolean {
  if (v === null || typeof v === 'object') return '';
  if (typeof v === 'string') return textForSheets(v);
  return v;
}

const isFormula = (v: WriteValue): v is { readonly formula: string } => v !== null && typeof v === 'object';

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The formula cells of a grid as few rectangles: runs in a row, stacked when the next row has the same run. */
export function formulaRects(grid: readonly (readonly WriteValue[])[]): Rect[] {
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  grid.forEach((row, i) => {
    const next = new Map<string, Rect>();
    for (let j = 0; j < row.length; j++) {
      if (!isFormula(row[j])) continue;
      let k = j;
      while (k + 1 < row.length && isFormula(row[k + 1])) k++;
      const key = `${j}:${k - j + 1}`;
      let rect = open.get(key);
      if (rect && rect.row + rect.rows === i) rect.rows++;
      else {
        rect = { row: i, col: j, rows: 1, cols: k - j + 1 };
        rects.push(rect);
      }
      next.set(key, rect);
      j = k;
    }
    open = next;
  });
  return rects;
}

/**
 * Writes a rectangular grid at (top, left), 0-based: one setValues for the constants (skipped
 * when every cell is a formula), then one setFormulas per rectangle of formulas. setFormulas
 * takes formulas in English syntax whatever the spreadsheet's locale (setValues would parse a
 * "=…" string as typed in the locale, where "," may be the decimal mark).
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setFormulas(String)
 */
function writeGrid(sheet: SheetSurface, top: number, left: number, grid: readonly (readonly WriteValue[])[]): void {
  const rects = formulaRects(grid);
  const allFormulas = grid.every((row) => row.every(isFormula));
  if (!allFormulas) sheet.getRange(top + 1, left + 1, grid.length, grid[0].length).setValues(grid.map((r) => r.map(sheetsValue)));
  for (const r of rects) {
    const formulas = grid.slice(r.row, r.row + r.rows).map((row) => row.slice(r.col, r.col + r.cols).map((v) => `=${bareFormula((v as { formula: string }).formula)}`));
    sheet.getRange(top + r.row + 1, left + r.col + 1, r.rows, r.cols).setFormulas(formulas);
  }
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const lower = (s: string): string => s.toLowerCase();

function rangeMessage(kind: 'decimal' | 'whole', min: number, max: number | undefined): string {
  const what = kind === 'whole' ? 'Nhập số nguyên' : 'Nhập số';
  return max === undefined ? `${what} từ ${numberText(min)} trở lên.` : `${what} từ ${numberText(min)} đến ${numberText(max)}.`;
}

/** What the user must set in File > Print, since Apps Script cannot. */
export function printAdvice(print: PrintSetup): string {
  const parts = [
    'Google Trang tính không cho tiện ích đặt trang in. Khi in (Tệp > In), hãy chọn:',
    `khổ giấy ${print.paper}`,
    `hướng ${print.orientation === 'landscape' ? 'ngang' : 'dọc'}`,
  ];
  if (print.fitToWidth) parts.push('tỷ lệ "Vừa với chiều rộng"');
  if (print.repeatRows) {
    const { from, to } = print.repeatRows;
    parts.push(`cố định hàng ${from === to ? from + 1 : `${from + 1}–${to + 1}`} và bật "Lặp lại hàng đã cố định" để in lại tiêu đề bảng trên mỗi trang`);
  }
  if (print.area.rows > 0 && print.area.cols > 0) parts.push(`vùng in ${rangeA1(0, 0, print.area.rows, print.area.cols)}`);
  return `${parts[0]} ${parts.slice(1).join(', ')}.`;
}

/**
 * Merges with as few calls as the areas allow: one-row merges of the same columns in rows one
 * under the other are one mergeAcross (each row merged on its own, as separate merges would be),
 * one-column merges side by side one mergeVertically; the rest one merge each. A report's prose
 * lines and a summary's heading rows are such runs: the 300 answers of a province's roll-up
 * take a few hundred calls instead of thousands (issue 13, BENCHMARKS.md).
 */
export function mergeRuns(merges: readonly Merge[]): { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly how: 'merge' | 'across' | 'vertically' }[] {
  const out: { row: number; col: number; rows: number; cols: number; how: 'merge' | 'across' | 'vertically' }[] = [];
  const across = merges.filter((m) => m.rows === 1 && m.cols > 1).sort((a, b) => a.col - b.col || a.cols - b.cols || a.row - b.row);
  const vertical = merges.filter((m) => m.cols === 1 && m.rows > 1).sort((a, b) => a.row - b.row || a.rows - b.rows || a.col - b.col);
  for (const m of across) {
    const last = out[out.length - 1];
    if (last && last.how === 'across' && last.col === m.col && last.cols === m.cols && last.row + last.rows === m.row) last.rows++;
    else out.push({ row: m.row, col: m.col, rows: 1, cols: m.cols, how: 'across' });
  }
  for (const m of vertical) {
    const last = out[out.length - 1];
    if (last && last.how === 'vertically' && last.row === m.row && last.rows === m.rows && last.col + last.cols === m.col) last.cols++;
    else out.push({ row: m.row, col: m.col, rows: m.rows, cols: 1, how: 'vertically' });
  }
  for (const m of merges) if (m.rows > 1 && m.cols > 1) out.push({ ...m, how: 'merge' });
  // A run of one is a plain merge (the same call, said plainly).
  return out.map((r) => (r.how === 'across' && r.rows === 1) || (r.how === 'vertically' && r.cols === 1) ? { ...r, how: 'merge' } : r);
}

function applyMerges(sheet: SheetSurface, merges: readonly Merge[]): void {
  for (const r of mergeRuns(merges)) {
    const range = sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols);
    if (r.how === 'across') range.mergeAcross();
    else if (r.how === 'vertically') range.mergeVertically();
    else range.merge();
  }
}

/** The value most of the styles have (`of`); Sheets' own `fallback` when it is among the most used. */
function mostUsed<T>(names: Iterable<StyleName>, of: (name: StyleName) => T, fallback: T): T {
  const count = new Map<T, number>();
  for (const n of names) count.set(of(n), (count.get(of(n)) ?? 0) + 1);
  let best = fallback;
  let most = count.get(fallback) ?? 0;
  for (const [value, n] of count) {
    if (n > most) {
      best = value;
      most = n;
    }
  }
  return best;
}

/** Cells of one style as A1 ranges: runs of neighbouring cells in a row, a merge's whole area for its top-left cell. */
function styleRanges(cells: readonly { row: number; col: number }[], mergeAt: ReadonlyMap<number, Merge>, cols: number): string[] {
  const sorted = [...cells].sort((x, y) => x.row - y.row || x.col - y.col);
  const out: string[] = [];
  let run: { row: number; col: number; cols: number } | undefined;
  const flush = (): void => {
    if (run) out.push(rangeA1(run.row, run.col, 1, run.cols));
    run = undefined;
  };
  for (const c of sorted) {
    const m = mergeAt.get(c.row * cols + c.col);
    if (m) {
      flush();
      out.push(rangeA1(m.row, m.col, m.rows, m.cols));
      continue;
    }
    if (run && run.row === c.row && run.col + run.cols === c.col) run.cols++;
    else {
      flush();
      run = { row: c.row, col: c.col, cols: 1 };
    }
  }
  flush();
  return out;
}

/** Consecutive indices with the same positive size: [start, count, size]. */
function runs(sizes: readonly (number | undefined)[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  sizes.forEach((s, i) => {
    if (s === undefined || !(s > 0)) return;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] === s) last[1]++;
    else out.push([i, 1, s]);
  });
  return out;
}

// ---------------------------------------------------------------------------------------

export class SheetsWorkbook implements WorkbookPort {
  private readonly ss: SpreadsheetSurface;
  private readonly properties: PropertiesSurface;
  private readonly host: SheetsHost;
  private timeZone: string | undefined;

  constructor(spreadsheet: SpreadsheetSurface, properties: PropertiesSurface, host: SheetsHost = appsScriptHost()) {
    this.ss = spreadsheet;
    this.properties = properties;
    this.host = host;
  }

  /** The workbook of the running add-on: the active spreadsheet and its document properties. */
  static active(): SheetsWorkbook {
    return new SheetsWorkbook(SpreadsheetApp.getActiveSpreadsheet(), PropertiesService.getDocumentProperties(), appsScriptHost());
  }

  private get lockOptions(): LockOptions {
    return { lockService: this.host.lockService, flush: () => this.host.app.flush(), timeoutMs: this.host.lockTimeoutMs };
  }

  private userSheets(): SheetSurface[] {
    return this.ss.getSheets().filter((s) => !isInternalSheet(s.getName()));
  }

  private userSheet(name: string): SheetSurface | undefined {
    if (isInternalSheet(name)) return undefined;
    return this.userSheets().find((s) => lower(s.getName()) === lower(name));
  }

  private sheet(name: string): SheetSurface {
    const s = this.userSheet(name);
    if (!s) throw sheetNotFound(name);
    return s;
  }

  private allNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  private zone(): string {
    this.timeZone ??= this.ss.getSpreadsheetTimeZone();
    return this.timeZone;
  }

  /** Merges of a whole sheet (getMergedRanges over the full grid: merges outside the data range count too). */
  private mergesOf(sheet: SheetSurface): Merge[] {
    return sheet
      .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
      .getMergedRanges()
      .map((r) => ({ row: r.getRow() - 1, col: r.getColumn() - 1, rows: r.getNumRows(), cols: r.getNumColumns() }));
  }

  /** Grows the grid to at least rows × cols (getRange beyond it throws "out of bounds"). */
  private ensureSize(sheet: SheetSurface, rows: number, cols: number): void {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxCols = sheet.getMaxColumns();
    if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  }

  private plain(raw: unknown): { value: CellValue; error: string | null } {
    if (raw === null || raw === undefined || raw === '') return { value: null, error: null };
    if (typeof raw === 'string') return ERROR_CODES.has(raw) ? { value: null, error: raw } : { value: raw, error: null };
    if (typeof raw === 'number') return { value: Number.isFinite(raw) ? raw : null, error: null };
    if (typeof raw === 'boolean') return { value: raw, error: null };
    if (isDate(raw)) {
      return { value: Number.isNaN(raw.getTime()) ? null : this.host.formatDate(raw, this.zone(), 'dd/MM/yyyy'), error: null };
    }
    return { value: String(raw), error: null };
  }

  private readOne(sheet: SheetSurface, options: ReadOptions | undefined): SheetData {
    const range = sheet.getDataRange();
    const top = range.getRow() - 1;
    const left = range.getColumn() - 1;
    const values = range.getValues();
    // Each call is a round trip in Apps Script: skip the formulas when the caller does not need them.
    const formulas = options?.formulas === false ? [] : range.getFormulas();
    const fonts = options?.fonts === true ? range.getFontFamilies() : undefined;
    const cells: ReadCell[] = [];
    values.forEach((row, i) =>
      row.forEach((raw, j) => {
        const f = formulas[i]?.[j];
        const formula = typeof f === 'string' && f !== '' ? bareFormula(f) : null;
        const { value, error } = this.plain(raw);
        if (formula === null && value === null && error === null) return;
        cells.push({ row: top + i, col: left + j, value, formula, error, font: fonts?.[i]?.[j] ?? null });
      }),
    );
    return toSheetData(sheet.getName(), cells, options?.merges === false ? [] : this.mergesOf(sheet), sheet.isSheetHidden(), options);
  }

  async listSheets(): Promise<string[]> {
    return this.userSheets().map((s) => s.getName());
  }

  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    const sheets = names.map((n) => this.sheet(n));
    return sheets.map((s) => this.readOne(s, options));
  }

  /** Writes each block with one setValues, under the document lock. Formats stay; formulas are computed by Sheets. */
  async writeValues(blocks: readonly WriteBlock[]): Promise<void> {
    await withDocumentLock(() => {
      const merges = new Map<string, Merge[]>();
      checkBlocks(
        blocks,
        (name) => this.userSheet(name) !== undefined,
        (name) => {
          const s = this.sheet(name);
          const key = lower(s.getName());
          let m = merges.get(key);
          if (!m) {
            m = this.mergesOf(s);
            merges.set(key, m);
          }
          return m;
        },
      );
      for (const b of blocks) {
        const rows = b.values.length;
        const cols = rows > 0 ? b.values[0].length : 0;
        if (rows === 0 || cols === 0) continue;
        const sheet = this.sheet(b.sheet);
        this.ensureSize(sheet, b.row + rows, b.col + cols);
        writeGrid(sheet, b.row, b.col, b.values);
      }
    }, this.lockOptions);
  }

  async createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    checkSheetName(layout.name);
    checkLayoutValues(layout);
    return withDocumentLock(() => {
      const old = this.userSheet(layout.name);
      const oldName = old?.getName();
      let keptCopy: string | undefined;
      if (old && oldName !== undefined) {
        if ((options?.existing ?? 'copy') === 'fail') throw sheetExists(oldName);
        keptCopy = copyName(oldName, this.allNames());
        old.setName(keptCopy);
      }
      const names = this.allNames();
      checkNewSheetName(layout.name, names);
      // insertSheet(name, index): index 0-based, so the number of sheets puts it last.
      // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
      const sheet = this.ss.insertSheet(layout.name, names.length);
      try {
        this.applyLayout(sheet, layout);
      } catch (e) {
        // Leave the spreadsheet as it was: no half-made sheet, the old one under its own name.
        this.ss.deleteSheet(sheet);
        if (old && oldName !== undefined) old.setName(oldName);
        throw e;
      }
      return keptCopy === undefined ? {} : { keptCopy };
    }, this.lockOptions);
  }

  /**
   * Applies a layout to a new sheet, mirroring core/src/xlsx/layout-writer.ts: values and formulas
   * in one setValues, then merges (runs of like merges in one mergeAcross/mergeVertically), the
   * alignments and wrapping most styles share over the whole area, each style's other formats
   * through one RangeList, validations, sizes in pixels, frozen panes; the print set-up is
   * recorded, not applied. Every call counts in a province's roll-up (BENCHMARKS.md).
   */
  private applyLayout(sheet: SheetSurface, layout: SheetLayout): void {
    let rows = layout.print.area.rows;
    let cols = Math.max(layout.print.area.cols, layout.columnWidths.length);
    const grow = (r: number, c: number): void => {
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    };
    for (const c of layout.cells) grow(c.row + 1, c.col + 1);
    for (const m of layout.merges) grow(m.row + m.rows, m.col + m.cols);
    for (const v of layout.validations) grow(v.row + v.rows, v.col + v.cols);
    for (const r of Object.keys(layout.rowHeights)) grow(Number(r) + 1, 0);
    if (layout.freeze) grow(layout.freeze.rows + 1, layout.freeze.cols + 1);
    rows = Math.max(rows, 1);
    cols = Math.max(cols, 1);
    this.ensureSize(sheet, rows, cols);

    // Values and formulas: one block over the cells' bounding box.
    if (layout.cells.length > 0) {
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const c of layout.cells) {
        top = Math.min(top, c.row);
        left = Math.min(left, c.col);
        bottom = Math.max(bottom, c.row);
        right = Math.max(right, c.col);
      }
      const grid: WriteValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<WriteValue>(right - left + 1).fill(null));
      for (const c of layout.cells) grid[c.row - top][c.col - left] = c.formula !== undefined ? { formula: c.formula } : c.value;
      writeGrid(sheet, top, left, grid);
    }

    // Merges before formats, so a merge's formats (borders) cover its whole area.
    const mergeAt = new Map<number, Merge>();
    for (const m of layout.merges) {
      if (m.rows < 2 && m.cols < 2) continue;
      mergeAt.set(m.row * cols + m.col, m);
    }
    applyMerges(sheet, [...mergeAt.values()]);

    // The form's font over its whole area (cells typed in later too), then each style's formats.
    const area = sheet.getRange(1, 1, rows, cols);
    area.setFontFamily(LAYOUT_FONT);
    area.setFontSize(LAYOUT_FONT_SIZE);
    const byStyle = new Map<StyleName, { row: number; col: number }[]>();
    for (const c of layout.cells) {
      const list = byStyle.get(c.style) ?? [];
      list.push(c);
      byStyle.set(c.style, list);
    }
    // The alignments and wrapping most of the sheet's styles use are set once over the whole area,
    // and only the styles that differ get their own call (a style without one gets Sheets' own:
    // bottom, 'normal', not wrapped): a province's 300 answers save thousands of calls (issue 13).
    // Cells typed later take the area's.
    const vOf = (name: StyleName): 'top' | 'middle' | 'bottom' => (layout.styles[name] ?? {}).vAlign ?? 'bottom';
    const hOf = (name: StyleName): 'left' | 'center' | 'normal' | 'right' => (layout.styles[name] ?? {}).hAlign ?? 'normal';
    const wrapOf = (name: StyleName): boolean => (layout.styles[name] ?? {}).wrap ?? false;
    const areaV = mostUsed(byStyle.keys(), vOf, 'bottom');
    const areaH = mostUsed(byStyle.keys(), hOf, 'normal');
    const areaWrap = mostUsed(byStyle.keys(), wrapOf, false);
    if (areaV !== 'bottom') area.setVerticalAlignment(areaV);
    if (areaWrap) area.setWrap(true);
    if (areaH !== 'normal') area.setHorizontalAlignment(areaH);
    for (const [name, cells] of byStyle) {
      const style: CellStyle = layout.styles[name] ?? {};
      const ownV = vOf(name) !== areaV;
      const ownWrap = wrapOf(name) !== areaWrap;
      const ownH = hOf(name) !== areaH;
      if (!hasFormat(style) && !ownV && !ownWrap && !ownH) continue;
      const list = sheet.getRangeList(styleRanges(cells, mergeAt, cols));
      if (style.size !== undefined && style.size !== LAYOUT_FONT_SIZE) list.setFontSize(style.size);
      if (style.bold) list.setFontWeight('bold');
      if (style.italic) list.setFontStyle('italic');
      if (ownH) list.setHorizontalAlignment(hOf(name));
      if (ownV) list.setVerticalAlignment(vOf(name));
      if (ownWrap) list.setWrap(wrapOf(name));
      if (style.border) list.setBorder(true, true, true, true, true, true);
      if (style.fill !== undefined) list.setBackground(`#${style.fill}`);
      if (style.numberFormat !== undefined) list.setNumberFormat(style.numberFormat);
    }

    for (const v of layout.validations) {
      const rule = this.validationRule(v);
      if (rule) sheet.getRange(v.row + 1, v.col + 1, v.rows, v.cols).setDataValidation(rule);
    }

    for (const [start, count, width] of runs(layout.columnWidths)) sheet.setColumnWidths(start + 1, count, widthToPixels(width));
    const heights: (number | undefined)[] = [];
    for (const [r, h] of Object.entries(layout.rowHeights)) heights[Number(r)] = h;
    // Forced: a height given by the form stays, as Excel's custom heights do, even over wrapped text.
    for (const [start, count, height] of runs(heights)) sheet.setRowHeightsForced(start + 1, count, heightToPixels(height));

    const f = layout.freeze;
    if (f && f.rows > 0) sheet.setFrozenRows(f.rows);
    if (f && f.cols > 0) sheet.setFrozenColumns(f.cols);

    sheet.addDeveloperMetadata(PRINT_METADATA_KEY, JSON.stringify(layout.print));
    this.fitGrid(sheet, rows, cols);
  }

  /**
   * Shrinks a new sheet's grid (1000 × 26 by default) to its layout plus spare rows and columns:
   * every cell of the grid counts toward the 10 million cells a spreadsheet may hold, and an
   * upper level's shared spreadsheet holds hundreds of tabs (a feedback sheet per commune).
   * https://support.google.com/drive/answer/37603
   */
  private fitGrid(sheet: SheetSurface, rows: number, cols: number): void {
    const keepRows = rows + SPARE_ROWS;
    const maxRows = sheet.getMaxRows();
    if (maxRows > keepRows) sheet.deleteRows(keepRows + 1, maxRows - keepRows);
    const keepCols = cols + SPARE_COLS;
    const maxCols = sheet.getMaxColumns();
    if (maxCols > keepCols) sheet.deleteColumns(keepCols + 1, maxCols - keepCols);
  }

  private validationRule(v: Validation): object | undefined {
    // An open list (Ngành/Lĩnh vực, Tên nguồn vốn) suggests; any other text is accepted.
    const builder = this.host.app.newDataValidation().setAllowInvalid(v.kind === 'list' && v.open === true);
    if (v.kind === 'list') {
      if (v.values.length === 0) return undefined;
      const values = [...v.values];
      const criteria =
        values.length <= MAX_LIST_ITEMS ? builder.requireValueInList(values, true) : builder.requireValueInRange(this.listRange(values), true);
      return criteria.setHelpText(v.open ? 'Chọn trong danh sách hoặc gõ nội dung khác.' : 'Chọn một giá trị trong danh sách.').build();
    }
    const help = rangeMessage(v.kind, v.min, v.max);
    if (v.kind === 'whole') {
      // The builder has no whole-number criterion: a custom formula, relative to the range's top-left cell.
      const x = a1(v.row, v.col);
      const bounds = v.max === undefined ? `${x}>=${v.min}` : `${x}>=${v.min},${x}<=${v.max}`;
      return builder.requireFormulaSatisfied(`=AND(ISNUMBER(${x}),${x}=INT(${x}),${bounds})`).setHelpText(help).build();
    }
    const criteria = v.max === undefined ? builder.requireNumberGreaterThanOrEqualTo(v.min) : builder.requireNumberBetween(v.min, v.max);
    return criteria.setHelpText(help).build();
  }

  /** A column of the hidden lists sheet holding `values` (reused when one already does). */
  private listRange(values: readonly string[]): RangeSurface {
    let lists = this.ss.getSheets().find((s) => lower(s.getName()) === LISTS_SHEET);
    if (!lists) {
      lists = this.ss.insertSheet(LISTS_SHEET, this.ss.getSheets().length);
      lists.hideSheet();
    }
    const data = lists.getDataRange().getValues();
    const width = data.some((row) => row.some((v) => v !== '')) ? (data[0]?.length ?? 0) : 0;
    let col = width;
    for (let c = 0; c < width; c++) {
      const column = data.map((row) => row[c]);
      const used = column.filter((v) => v !== '').length;
      if (used === values.length && values.every((v, i) => column[i] === v)) {
        col = c;
        break;
      }
    }
    this.ensureSize(lists, values.length, col + 1);
    const range = lists.getRange(1, col + 1, values.length, 1);
    if (col === width) range.setValues(values.map((v) => [textForSheets(v)]));
    return range;
  }

  /** Copies a sheet (values, formats, merges, validations) to a new visible sheet at the end. */
  async copySheet(from: string, to: string): Promise<void> {
    const source = this.sheet(from);
    checkNewSheetName(to, this.allNames());
    await withDocumentLock(() => {
      // insertSheet with a template copies the whole sheet, named and placed in one call.
      // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer,Object)
      const copy = this.ss.insertSheet(to, this.ss.getSheets().length, { template: source });
      if (copy.isSheetHidden()) copy.showSheet();
    }, this.lockOptions);
  }

  /**
   * Deletes sheets with deleteSheet, all or none, under the document lock: checkDeletion refuses
   * first what Sheets would refuse midway (removing every sheet) and the internal sheets; the
   * sheets are listed under the lock, so what another user changed just before is seen.
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
   */
  async deleteSheets(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await withDocumentLock(() => {
      const sheets = this.ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName(), hidden: sheet.isSheetHidden() }));
      const doomed = new Set(checkDeletion(names, sheets));
      for (const s of sheets) if (doomed.has(s.name)) this.ss.deleteSheet(s.sheet);
    }, this.lockOptions);
  }

  /** The print set-up recorded when the sheet was created from a layout. */
  printSetup(sheetName: string): PrintSetup | undefined {
    const meta = this.sheet(sheetName)
      .getDeveloperMetadata()
      .find((m) => m.getKey() === PRINT_METADATA_KEY);
    const value = meta?.getValue();
    if (typeof value !== 'string') return undefined;
    try {
      return JSON.parse(value) as PrintSetup;
    } catch {
      return undefined;
    }
  }

  /** The hidden state sheet, when there is one. */
  private stateSheet(): SheetSurface | undefined {
    return this.ss.getSheets().find((s) => lower(s.getName()) === STATE_SHEET);
  }

  async readState(): Promise<DocumentState> {
    const props = this.properties.getProperties();
    const head = props[STATE_KEY];
    if (head === undefined) return {};
    const [tag, count] = head.split('|');
    if (tag !== STATE_TAG && tag !== STATE_SHEET_TAG) {
      throw new PortError('STATE_INVALID', `Trạng thái tài liệu có định dạng "${tag}" mà phiên bản LKH này không đọc được.`);
    }
    const n = Number(count);
    const missing = (i: number): PortError => new PortError('STATE_INVALID', `Trạng thái tài liệu lưu trong bảng tính bị hỏng (thiếu phần ${i + 1}/${n}).`);
    const pieces: string[] = [];
    if (tag === STATE_SHEET_TAG) {
      if (!Number.isInteger(n) || n < 1 || n > Math.ceil(STATE_MAX_CHARS / STATE_CELL_CHARS)) {
        throw new PortError('STATE_INVALID', `Trạng thái tài liệu lưu trong bảng tính bị hỏng (số phần "${String(count)}" không hợp lệ).`);
      }
      const sheet = this.stateSheet();
      if (!sheet) throw missing(0);
      const rows = Math.min(n, sheet.getMaxRows());
      const column = sheet.getRange(1, 1, rows, 1).getValues();
      for (let i = 0; i < n; i++) {
        const piece = column[i]?.[0];
        if (typeof piece !== 'string' || piece === '') throw missing(i);
        pieces.push(piece);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const piece = props[STATE_PART_PREFIX + i];
        if (piece === undefined) throw missing(i);
        pieces.push(piece);
      }
    }
    return pieces.length === 0 ? {} : stateFromJson(pieces.join(''));
  }

  /**
   * Stores the state in the document properties as pieces of at most 8,000 bytes (one
   * setProperties call) when it fits the store beside the other properties; else in column A of
   * the hidden sheet '_lkh' (one setValues), lkh.state then saying so. The old copy goes after the
   * new one is written: pieces left in properties, or the state sheet.
   */
  async writeState(state: DocumentState): Promise<void> {
    const json = stateToJson(state);
    const pieces = splitUtf8(json, STATE_PART_BYTES);
    const inProps: Record<string, string> = { [STATE_KEY]: `${STATE_TAG}|${pieces.length}` };
    pieces.forEach((p, i) => {
      inProps[STATE_PART_PREFIX + i] = p;
    });
    await withDocumentLock(() => {
      const props = this.properties.getProperties();
      const isState = (k: string): boolean => k === STATE_KEY || (k.startsWith(STATE_PART_PREFIX) && /^\d+$/.test(k.slice(STATE_PART_PREFIX.length)));
      const size = (entries: Record<string, string>): number => Object.entries(entries).reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0);
      let others = 0;
      for (const [k, v] of Object.entries(props)) if (!isState(k)) others += utf8Length(k) + utf8Length(v);
      const wasInSheet = (props[STATE_KEY] ?? '').split('|')[0] === STATE_SHEET_TAG;
      let next = inProps;
      if (others + size(inProps) > PROPERTY_STORE_LIMIT) {
        const cells = splitChars(json, STATE_CELL_CHARS);
        next = { [STATE_KEY]: `${STATE_SHEET_TAG}|${cells.length}` };
        if (others + size(next) > PROPERTY_STORE_LIMIT) {
          const kb = (n: number): string => numberText(Math.ceil(n / 1024));
          throw new PortError(
            'STATE_INVALID',
            `Không lưu được trạng thái tài liệu: các thuộc tính khác của bảng tính đã dùng ${kb(others)} KB, hết chỗ trong ${kb(PROPERTY_STORE_LIMIT)} KB Google Trang tính cho mỗi tài liệu.`,
          );
        }
        this.writeStateSheet(cells);
        // Sheets buffers cell writes, properties are written at once: the cells are sent before lkh.state points at them.
        this.host.app.flush();
      }
      this.properties.setProperties(next);
      for (const k of Object.keys(props)) if (isState(k) && !(k in next)) this.properties.deleteProperty(k);
      if (next === inProps && wasInSheet) {
        const sheet = this.stateSheet();
        if (sheet) this.ss.deleteSheet(sheet);
      }
    }, this.lockOptions);
  }

  /** Writes the pieces to A1, A2… of the hidden state sheet (made when missing) with one setValues, emptying the rows an older state used below them. */
  private writeStateSheet(cells: readonly string[]): void {
    let sheet = this.stateSheet();
    if (!sheet) {
      sheet = this.ss.insertSheet(STATE_SHEET, this.ss.getSheets().length);
      // Sheets has no "very hidden": anyone may show the sheet again. Editing it then asks first
      // (a warning-only protection: it never stops the add-in, which runs as the user).
      const protection = sheet.protect();
      protection.setDescription('LKH: trạng thái của tiện ích (năm kế hoạch, các lần tổng hợp). Không sửa, không xóa trang này.');
      protection.setWarningOnly(true);
    }
    if (!sheet.isSheetHidden()) sheet.hideSheet();
    const used = sheet.getDataRange();
    const rows = Math.max(cells.length, used.getRow() + used.getNumRows() - 1);
    this.ensureSize(sheet, rows, 1);
    // The leading apostrophe keeps each piece text: Sheets would parse "=…", "123", "05/01/2026".
    const values = Array.from({ length: rows }, (_, i) => [i < cells.length ? `'${cells[i]}` : '']);
    sheet.getRange(1, 1, rows, 1).setValues(values);
  }
}

function hasFormat(s: CellStyle): boolean {
  return (
    (s.size !== undefined && s.size !== LAYOUT_FONT_SIZE) ||
    s.bold === true ||
    s.italic === true ||
    s.hAlign !== undefined ||
    s.vAlign !== undefined ||
    s.wrap !== undefined ||
    s.border === true ||
    s.fill !== undefined ||
    s.numberFormat !== undefined
  );
}
