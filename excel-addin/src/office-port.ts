/**
 * OfficeWorkbook: the workbook port over office-js, for the Excel task pane. The rules every
 * adapter shares (names, blocks, internal sheets, errors) come from core/src/port/memory.ts;
 * how a layout becomes a formatted sheet mirrors core/src/xlsx/layout-writer.ts (the ExcelJS port).
 *
 * Shaped by Excel's costs (docs/HOSTS.md, and "Performance optimization using the Excel JavaScript
 * API", https://learn.microsoft.com/office/dev/add-ins/excel/performance):
 * - every method loads what a step needs in one sync; the number of syncs never depends on the
 *   number of sheets, blocks or cells (readSheets: 3 whatever the sheets), only on the payload:
 * - Excel on the web rejects a request or a response over 5 MB
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization):
 *   writes are cut into row chunks under REQUEST_BUDGET bytes (one sync per chunk, never per
 *   cell or per block), reads into bands of READ_CELL_BUDGET cells, then sized by the bytes per
 *   cell the first response showed, and halved if Excel still answers
 *   ResponsePayloadSizeLimitExceeded;
 * - values first, formats after; calculation (ExcelApi 1.6) and screen updating (1.9) suspended
 *   while a multi-request write runs, then one recalculation
 *   (https://learn.microsoft.com/javascript/api/excel/excel.application: "Once set, it is the
 *   developer's responsibility to re-calc the workbook").
 *
 * Requirement sets: ExcelApi 1.7 is the floor (worksheet.copy, freezePanes, tabColor; settings 1.4,
 * suspended calculation 1.6 come with it). Newer calls are gated with `isSupported`: data
 * validation (1.8) and the print setup (1.9) are left out of created sheets on older Excel, cell
 * fonts (getCellProperties, 1.9) are read per band and, where a band mixes fonts, per cell, and
 * merged areas (getMergedAreasOrNullObject, 1.13) read as none.
 *
 * Document state: the very hidden sheet '_lkh', in exactly the format XlsxWorkbook writes (A1 the
 * tag 'lkh-state/1', A2… the JSON in pieces of 32,000 characters), not workbook.settings:
 * settings are "limited to per file and add-in combination"
 * (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection), so a workbook made by
 * the CLI or the standalone page, or opened by another build of the add-in (another manifest id),
 * would not see them, and ExcelJS neither reads nor keeps them. A cell holds 32,767 characters:
 * large states are split across cells, and the write is chunked like any other.
 */
import { PAGE_FOOTER } from '../../core/src/layout/types';
import type { CellStyle, Merge, SheetLayout, Validation } from '../../core/src/layout/types';
import type { CellValue, CreateSheetOptions, DocumentState, ReadCell, ReadOptions, SheetData, WorkbookPort, WriteBlock, WriteValue } from '../../core/src/port';
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
  copyName,
  isInternalSheet,
  sheetExists,
  sheetNotFound,
  stateFromJson,
  stateToJson,
  toSheetData,
} from '../../core/src/port';
import { columnName, parseA1, quoteSheet, rangeA1 } from '../../core/src/util/a1';
import { LISTS_SHEET, MAX_LIST_LITERAL, numberText } from '../../core/src/xlsx/layout-writer';

// ---------------------------------------------------------------------------------------
// The office-js surface this adapter uses, and nothing more. The real Excel types satisfy it
// (office-host.ts passes Excel.run to OfficeWorkbook, so tsc checks that); test/fake-office.ts
// implements it strictly.

/** A cell as office-js carries it: '' for empty. */
export type XlValue = string | number | boolean;

export interface XlLoadable {
  /** True when a *OrNullObject call found nothing. Readable after load() and sync(). */
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
}

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlFont extends XlLoadable {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
}

export interface XlFill extends XlLoadable {
  /** '#RRGGBB'. */
  color: string;
  clear(): void;
}

export interface XlBorder {
  style: string;
  weight: string;
}

export type XlBorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XlRangeFormat {
  /** Points, not characters (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat). */
  columnWidth: number;
  rowHeight: number;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  readonly font: XlFont;
  readonly fill: XlFill;
  readonly borders: { getItem(index: XlBorderIndex): XlBorder };
}

export interface XlBasicValidation {
  formula1: string | number | object;
  formula2?: string | number | object;
  operator: string;
}

export interface XlValidationRule {
  list?: { inCellDropDown: boolean; source: string | object };
  wholeNumber?: XlBasicValidation;
  decimal?: XlBasicValidation;
}

export interface XlDataValidation {
  rule: XlValidationRule;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

export interface XlCellProperties {
  format?: { font?: { name?: string } };
}

export interface XlRangeAreas extends XlLoadable {
  readonly address: string;
}

export interface XlRange extends XlLoadable {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: XlValue[][];
  formulas: XlValue[][];
  readonly valueTypes: string[][];
  numberFormat: string[][];
  readonly format: XlRangeFormat;
  /** ExcelApi 1.8 (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationrule). */
  readonly dataValidation: XlDataValidation;
  merge(across?: boolean): void;
  clear(applyTo: 'Contents'): void;
  select(): void;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /**
   * ExcelApi 1.13. Only areas whose top-left cell lies in the range, so the adapter asks the
   * whole sheet; "if the merged areas count in this range is more than 512, then this method will
   * fail" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
   */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.9: one font name per cell in one call (https://learn.microsoft.com/javascript/api/excel/excel.cellpropertiesloadoptions). */
  getCellProperties(options: { format: { font: { name: boolean } } }): XlClientResult<XlCellProperties[][]>;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
  /** ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-headersfooters-member). */
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
}

export interface XlWorksheet extends XlLoadable {
  name: string;
  /** 'Visible' | 'Hidden' | 'VeryHidden'. */
  visibility: string;
  /** '#RRGGBB', or '' for none. ExcelApi 1.7. */
  tabColor: string;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.7: values, formats, merges, validations and page layout (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1)). */
  copy(positionType: 'End'): XlWorksheet;
  delete(): void;
  activate(): void;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count: number): void; freezeColumns(count: number): void; freezeAt(frozenRange: string): void };
  /** ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). */
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection). */
  readonly charts: XlChartCollection;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.chart (ExcelApi 1.1). */
export interface XlChart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  /** Covers startCell to endCell (A1 addresses). */
  setPosition(startCell: string, endCell?: string): void;
}

export interface XlChartCollection {
  /** type: an Excel.ChartType ('BarClustered', 'Pie'…); seriesBy: 'Auto' | 'Columns' | 'Rows'. */
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  add(name: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.application */
export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. Once per request: called repeatedly it makes the window flicker (performance page). */
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: 'Recalculate'): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;
  /** ExcelApi 1.13. Returns the names of the inserted sheets. */
  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' }): XlClientResult<string[]>;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Excel.run, or a fake of it. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** An office-js error: OfficeExtension.Error has a string code. */
export function officeErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// ---------------------------------------------------------------------------------------
// Constants

/** The lowest ExcelApi set OfficeWorkbook runs on (see the header). */
export const MIN_EXCEL_API = '1.7';
/** Bytes of cell data per request: 5 MB is Excel on the web's limit; the rest is room for each command's own overhead. */
export const REQUEST_BUDGET = 4_000_000;
/**
 * Cells per read request: values, formulas (a constant comes back twice), value types and number
 * formats come back for each, 40 to 150 bytes a cell; a response still too large is read again
 * in halves.
 */
export const READ_CELL_BUDGET = 25_000;
/** Bytes of cell data per read response; after the first response, requests are sized by what it weighed per cell. */
export const RESPONSE_BUDGET = 4_000_000;
const MAX_READ_CELLS = 500_000;
/** Estimated bytes of one command besides its data (object path, property name). */
const OP_BYTES = 160;

/** The document state sheet and its format: the same as XlsxWorkbook's (core/src/xlsx/xlsx-workbook.ts). */
export const STATE_SHEET = '_lkh';
export const STATE_TAG = 'lkh-state/1';
export const STATE_CHUNK = 32_000;
/** Columns of the state sheet: A the document state, B what office-host marked. */
export const STATE_COLUMN = 'A';
export const MARKS_COLUMN = 'B';

/** Excel's maximum digit width of the default font (Calibri/Aptos 11) in pixels: converts layout widths (characters) to points. */
const DIGIT_PX = 7;

// ---------------------------------------------------------------------------------------
// Small helpers

/** Compares ExcelApi versions "1.7" < "1.13". */
export function versionAtLeast(version: string, min: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a !== c ? a > c : b >= d;
}

/** Asks Office whether ExcelApi `version` is supported; outside Office (tests, Node) assumes yes. */
export function officeSupports(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** A layout width in characters as Excel's column width in points (ECMA-376 §18.3.1.13: pixels = trunc(width × digit width + 0.5); 1 px = 0.75 pt). */
export function widthToPoints(width: number): number {
  return Math.trunc(width * DIGIT_PX + 0.5) * 0.75;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON bytes of one cell in a request, separator included. */
function cellBytes(v: XlValue): number {
  if (typeof v === 'string') return utf8Length(v) + 3;
  if (typeof v === 'number') return String(v).length + 1;
  return v ? 5 : 6;
}

/**
 * Whether Excel would read this text as something else: office-js parses a written string as if
 * typed ("If the returned value starts with a plus, minus, or equal sign, Excel interprets this
 * value as a formula", https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member;
 * numbers, dates, TRUE/FALSE and error codes are converted too). Such texts get a leading
 * apostrophe, which Excel keeps as the cell's prefix, not as part of the value. Quoting a plain
 * text is harmless, so the test is generous.
 */
export function needsQuote(s: string): boolean {
  const t = s.trimStart();
  if (t === '') return s !== '';
  if (/^[=+\-@'#0-9.,$€£¥₫%(:/]/.test(t)) return true;
  if (/^(true|false)\s*$/i.test(t)) return true;
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s.\-/]*\d/i.test(t);
}

/**
 * A value to write: a port value, an error code written bare (Excel keeps it as an error value),
 * or text always written quoted (record pieces, whatever they begin with).
 */
export type CellInput = WriteValue | { readonly error: string } | { readonly text: string };

function encode(v: CellInput): XlValue {
  if (v === null || v === '') return '';
  if (typeof v === 'object') {
    if ('formula' in v) return `=${bareFormula(v.formula)}`;
    if ('text' in v) return v.text === '' ? '' : `'${v.text}`;
    return v.error;
  }
  if (typeof v === 'string') return needsQuote(v) ? `'${v}` : v;
  return v;
}

const isFormulaInput = (v: CellInput): boolean => v !== null && typeof v === 'object' && 'formula' in v;

/** A number format that shows a date (after dropping quoted text, escapes and [..] sections). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === 'General' || format === '@') return false;
  const s = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(s);
}

/** An Excel serial date (1900 system) as "dd/mm/yyyy", as the port gives dates. */
export function serialDateText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCFullYear(), 4)}`;
}

/** Merged areas from a RangeAreas address: "'Thôn A, B'!A1:D1, 'Thôn A, B'!B3:C4" (commas inside quotes are part of a name). */
export function parseAreas(address: string): Merge[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const ref = p.slice(p.lastIndexOf('!') + 1);
      const [from, to = from] = ref.split(':');
      const s = parseA1(from);
      const e = parseA1(to);
      return { row: s.row, col: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
    })
    .sort((x, y) => x.row - y.row || x.col - y.col);
}

/** Pieces of text of at most `size` UTF-16 units, never splitting a surrogate pair (as XlsxWorkbook's splitText). */
function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** A tagged record as a column of cells: the tag, then the JSON in pieces of STATE_CHUNK characters (written quoted, so Excel parses nothing). */
export function recordColumn(tag: string, json: string): CellInput[][] {
  return [[{ text: tag }], ...splitText(json, STATE_CHUNK).map((p) => [{ text: p }])];
}

/**
 * A tagged record read back from a column's values (first row = row 1). Undefined when the column
 * holds none; throws STATE_INVALID when it holds another format.
 */
export function readRecordColumn(values: readonly (readonly unknown[])[] | undefined, tag: string): string | undefined {
  const first = values?.[0]?.[0];
  if (first === undefined || first === null || first === '') return undefined;
  if (first !== tag) {
    throw new PortError('STATE_INVALID', `Trạng thái tài liệu có định dạng "${String(first)}" mà phiên bản LKH này không đọc được.`);
  }
  const pieces: string[] = [];
  for (let r = 1; r < (values?.length ?? 0); r++) {
    const piece = values?.[r]?.[0];
    if (typeof piece !== 'string' || piece === '') break;
    pieces.push(piece);
  }
  return pieces.length === 0 ? undefined : pieces.join('');
}

// ---------------------------------------------------------------------------------------
// Requests: commands with their estimated size, packed into requests under the budget

/** One command (or a few on one range) to queue, with the bytes it adds to a request. */
export interface PlannedOp {
  readonly bytes: number;
  readonly apply: () => void;
}

export interface FlushOptions {
  /** Suspend calculation for each request (ExcelApi 1.6). */
  readonly suspendCalculation?: boolean;
  /** Suspend screen updating for each request (ExcelApi 1.9; pass false when unsupported). */
  readonly suspendScreen?: boolean;
}

/**
 * Queues the commands in requests of at most `budget` bytes and syncs once per request: the only
 * loop around sync() in the adapter, bounded by the payload, not by the number of items.
 * Returns the number of requests.
 */
export async function flushOps(ctx: XlContext, ops: readonly PlannedOp[], budget: number, options: FlushOptions = {}): Promise<number> {
  let requests = 0;
  let i = 0;
  while (i < ops.length) {
    let size = 0;
    const start = i;
    while (i < ops.length && (i === start || size + ops[i].bytes <= budget)) {
      size += ops[i].bytes;
      i++;
    }
    if (options.suspendCalculation) ctx.workbook.application.suspendApiCalculationUntilNextSync();
    if (options.suspendScreen) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (let k = start; k < i; k++) ops[k].apply();
    await ctx.sync();
    requests++;
  }
  return requests;
}

/** A rectangle of cells to write, row by row. */
interface Grid {
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly CellInput[])[];
}

/**
 * Commands writing a grid: bands of whole rows under the budget (a row too large alone is cut
 * into column pieces); `formulas` for a band holding a formula, else `values`.
 */
export function writeOps(ws: () => XlWorksheet, grid: Grid, budget: number): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const width = grid.rows[0]?.length ?? 0;
  if (width === 0) return ops;
  const encoded = grid.rows.map((row) => row.map(encode));
  const rowBytes = encoded.map((row) => row.reduce<number>((n, v) => n + cellBytes(v), 2));
  const formulaRow = grid.rows.map((row) => row.some(isFormulaInput));
  const push = (top: number, left: number, rows: XlValue[][], formulas: boolean, bytes: number): void => {
    const address = rangeA1(top, left, rows.length, rows[0].length);
    ops.push({
      bytes: bytes + OP_BYTES,
      apply: () => {
        const range = ws().getRange(address);
        if (formulas) range.formulas = rows;
        else range.values = rows;
      },
    });
  };
  let start = 0;
  while (start < encoded.length) {
    if (rowBytes[start] > budget) {
      // One row over the budget: cut it into column pieces.
      let c = 0;
      while (c < width) {
        let bytes = 2;
        const from = c;
        while (c < width && (c === from || bytes + cellBytes(encoded[start][c]) <= budget)) bytes += cellBytes(encoded[start][c++]);
        push(grid.top + start, grid.left + from, [encoded[start].slice(from, c)], formulaRow[start], bytes);
      }
      start++;
      continue;
    }
    let end = start;
    let bytes = 0;
    while (end < encoded.length && rowBytes[end] <= budget && (end === start || bytes + rowBytes[end] <= budget)) bytes += rowBytes[end++];
    push(grid.top + start, grid.left, encoded.slice(start, end), formulaRow.slice(start, end).some(Boolean), bytes);
    start = end;
  }
  return ops;
}

/**
 * Rectangles of equal keys: runs along each row, stacked when the run below has the same columns
 * and key. A table body (each column one style down many rows) becomes one rectangle per column.
 */
export function rectanglesOf<K extends string>(cells: Iterable<{ readonly row: number; readonly col: number; readonly key: K }>): { row: number; col: number; rows: number; cols: number; key: K }[] {
  const byRow = new Map<number, { col: number; key: K }[]>();
  for (const c of cells) {
    let list = byRow.get(c.row);
    if (!list) byRow.set(c.row, (list = []));
    list.push({ col: c.col, key: c.key });
  }
  const done: { row: number; col: number; rows: number; cols: number; key: K }[] = [];
  let open = new Map<string, { row: number; col: number; rows: number; cols: number; key: K }>();
  let lastRow = -2;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = (byRow.get(row) ?? []).sort((a, b) => a.col - b.col);
    const next = new Map<string, { row: number; col: number; rows: number; cols: number; key: K }>();
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      while (j < list.length && list[j].key === list[i].key && list[j].col === list[j - 1].col + 1) j++;
      const id = `${list[i].col}:${list[j - 1].col}:${list[i].key}`;
      const above = row === lastRow + 1 ? open.get(id) : undefined;
      if (above) {
        above.rows++;
        open.delete(id);
        next.set(id, above);
      } else next.set(id, { row, col: list[i].col, rows: 1, cols: list[j - 1].col - list[i].col + 1, key: list[i].key });
      i = j;
    }
    done.push(...open.values());
    open = next;
    lastRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

// ---------------------------------------------------------------------------------------
// The port

export interface OfficeWorkbookOptions {
  /** Whether this Excel supports ExcelApi `version`; default Office.context.requirements.isSetSupported. */
  readonly isSupported?: (version: string) => boolean;
  /** Bytes of data per write request (tests lower it). */
  readonly requestBudget?: number;
  /** Cells per read request. */
  readonly readCellBudget?: number;
}

/** A sheet as listed by the first sync of every method. */
export interface SheetRef {
  readonly name: string;
  readonly hidden: boolean;
  readonly ws: XlWorksheet;
}

type MutableReadCell = { -readonly [K in keyof ReadCell]: ReadCell[K] };

/** Cells whose font is asked one by one (before ExcelApi 1.9, when a band mixes fonts) per request. */
const FONT_CELLS_PER_REQUEST = 10_000;

interface ReadBand {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

const BORDER_EDGES: readonly XlBorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
const H_ALIGN: Readonly<Record<string, string>> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Readonly<Record<string, string>> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

function rangeMessage(kind: 'decimal' | 'whole', min: number, max: number | undefined): string {
  const what = kind === 'whole' ? 'Nhập số nguyên' : 'Nhập số';
  return max === undefined ? `${what} từ ${numberText(min)} trở lên.` : `${what} từ ${numberText(min)} đến ${numberText(max)}.`;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supports: (version: string) => boolean;
  private readonly requestBudget: number;
  private readonly readCellBudget: number;

  /** `run` is Excel.run (or a fake with its behaviour). */
  constructor(run: ExcelRun, options: OfficeWorkbookOptions = {}) {
    this.run = run;
    this.supports = options.isSupported ?? officeSupports;
    this.requestBudget = options.requestBudget ?? REQUEST_BUDGET;
    this.readCellBudget = options.readCellBudget ?? READ_CELL_BUDGET;
  }

  /** ExcelApi features this Excel has beyond the 1.7 floor. */
  get features(): { validation: boolean; pageLayout: boolean; cellProperties: boolean; screenUpdating: boolean; mergedAreas: boolean; insertFromBase64: boolean } {
    const v19 = this.supports('1.9');
    const v113 = this.supports('1.13');
    return { validation: this.supports('1.8'), pageLayout: v19, cellProperties: v19, screenUpdating: v19, mergedAreas: v113, insertFromBase64: v113 };
  }

  private sheets(ctx: XlContext): Promise<SheetRef[]> {
    return listSheetRefs(ctx);
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (ctx) => (await this.sheets(ctx)).filter((s) => !isInternalSheet(s.name)).map((s) => s.name));
  }

  /**
   * Three syncs whatever the number of sheets: the sheet list; the used ranges' sizes (and merged
   * areas, 1.13); the cells (values, formulas, value types, number formats, and fonts through
   * getCellProperties, 1.9) in bands packed under the cell budget — more requests only when the
   * sheets hold more cells than one response carries.
   */
  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    const fonts = options?.fonts === true;
    const { mergedAreas, cellProperties } = this.features;
    return this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const wanted = names.map((n) => {
        const s = findUserSheet(all, n);
        if (!s) throw sheetNotFound(n);
        return s;
      });
      const unique = [...new Set(wanted)];

      const used = unique.map((s) => {
        const r = s.ws.getUsedRangeOrNullObject(true);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return r;
      });
      const areas = mergedAreas
        ? unique.map((s) => {
            const m = s.ws.getRange().getMergedAreasOrNullObject();
            m.load('address');
            return m;
          })
        : undefined;
      await ctx.sync();

      const budget = Math.max(1, fonts ? Math.floor(this.readCellBudget / 2) : this.readCellBudget);
      const bands: ReadBand[] = [];
      used.forEach((r, sheet) => {
        if (r.isNullObject) return;
        bands.push(...splitBand({ sheet, top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount }, budget));
      });
      const cells = unique.map((): ReadCell[] => []);
      await this.readBands(ctx, unique, bands, budget, fonts, cellProperties, cells);

      const data = unique.map((s, i) => toSheetData(s.name, cells[i], areas && !areas[i].isNullObject ? parseAreas(areas[i].address) : [], s.hidden, options));
      return wanted.map((s) => data[unique.indexOf(s)]);
    });
  }

  private async readBands(
    ctx: XlContext,
    sheets: readonly SheetRef[],
    bands: ReadBand[],
    initialBudget: number,
    fonts: boolean,
    cellProperties: boolean,
    out: ReadCell[][],
  ): Promise<void> {
    let budget = initialBudget;
    const queue = [...bands];
    const mixed: { sheet: number; cell: MutableReadCell }[] = [];
    while (queue.length > 0) {
      const batch: ReadBand[] = [];
      let size = 0;
      while (queue.length > 0 && (batch.length === 0 || size + queue[0].rows * queue[0].cols <= budget)) {
        const b = queue.shift() as ReadBand;
        batch.push(b);
        size += b.rows * b.cols;
      }
      const loads = batch.map((b) => {
        const range = sheets[b.sheet].ws.getRange(rangeA1(b.top, b.left, b.rows, b.cols));
        range.load('values,formulas,valueTypes,numberFormat');
        let props: XlClientResult<XlCellProperties[][]> | undefined;
        let font: XlFont | undefined;
        if (fonts && cellProperties) props = range.getCellProperties({ format: { font: { name: true } } });
        else if (fonts) {
          font = range.format.font;
          font.load('name');
        }
        return { b, range, props, font };
      });
      try {
        await ctx.sync();
      } catch (e) {
        // Excel on the web refuses responses over 5 MB: read smaller bands.
        if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded' || (batch.length === 1 && batch[0].rows === 1)) throw e;
        budget = Math.max(1, Math.floor(size / 2));
        queue.unshift(...batch.flatMap((b) => splitBand(b, budget)));
        continue;
      }
      let bytes = 0;
      for (const { b, range, props, font } of loads) {
        const values = range.values;
        const formulas = range.formulas;
        const types = range.valueTypes;
        const formats = range.numberFormat;
        const cellFonts = props?.value;
        const oneFont = font ? font.name : undefined;
        for (let i = 0; i < b.rows; i++) {
          for (let j = 0; j < b.cols; j++) {
            bytes += cellBytes(values[i][j]) + cellBytes(formulas[i][j]) + cellBytes(types[i][j]) + cellBytes(formats[i][j]) + (cellFonts ? 40 : 0);
            const c = readCellOf(values[i][j], formulas[i][j], types[i][j], formats[i][j]);
            if (!c) continue;
            const name = fonts ? (cellFonts ? (cellFonts[i]?.[j]?.format?.font?.name ?? null) : (oneFont ?? null)) : null;
            const cell: MutableReadCell = { row: b.top + i, col: b.left + j, ...c, font: typeof name === 'string' ? name : null };
            out[b.sheet].push(cell);
            // Before ExcelApi 1.9 a band with several fonts gives none: ask each cell (below).
            if (font && oneFont === null) mixed.push({ sheet: b.sheet, cell });
          }
        }
      }
      // Size the next requests by what this response weighed.
      if (size > 0 && bytes > 0) budget = Math.max(1_000, Math.min(MAX_READ_CELLS, Math.floor((RESPONSE_BUDGET * size) / bytes)));
    }
    for (let start = 0; start < mixed.length; start += FONT_CELLS_PER_REQUEST) {
      const part = mixed.slice(start, start + FONT_CELLS_PER_REQUEST).map((m) => {
        const font = sheets[m.sheet].ws.getRange(rangeA1(m.cell.row, m.cell.col, 1, 1)).format.font;
        font.load('name');
        return { cell: m.cell, font };
      });
      await ctx.sync();
      for (const { cell, font } of part) cell.font = typeof font.name === 'string' ? font.name : null;
    }
  }

  /** Merged areas of the named sheets (ExcelApi 1.13; none before), in one sync. */
  private async mergesOf(ctx: XlContext, sheets: readonly SheetRef[]): Promise<Map<SheetRef, Merge[]>> {
    const out = new Map<SheetRef, Merge[]>();
    if (!this.features.mergedAreas || sheets.length === 0) {
      for (const s of sheets) out.set(s, []);
      return out;
    }
    const areas = sheets.map((s) => {
      const m = s.ws.getRange().getMergedAreasOrNullObject();
      m.load('address');
      return m;
    });
    await ctx.sync();
    sheets.forEach((s, i) => out.set(s, areas[i].isNullObject ? [] : parseAreas(areas[i].address)));
    return out;
  }

  /**
   * Checks every block first (sheet list, then merged areas: two syncs), then writes in requests
   * under the budget. A write needing several requests runs with calculation and screen updating
   * suspended, then recalculates once.
   */
  async writeValues(blocks: readonly WriteBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    await this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const targets = [...new Set(blocks.map((b) => findUserSheet(all, b.sheet)).filter((s): s is SheetRef => s !== undefined))];
      const merges = await this.mergesOf(ctx, targets);
      const mergesByName = (name: string): Merge[] => {
        const s = findUserSheet(all, name);
        return s ? (merges.get(s) ?? []) : [];
      };
      checkBlocks(blocks, (name) => findUserSheet(all, name) !== undefined, mergesByName);
      const ops: PlannedOp[] = [];
      for (const b of blocks) {
        const sheet = findUserSheet(all, b.sheet) as SheetRef;
        ops.push(...blockOps(sheet.ws, b, mergesByName(b.sheet), this.requestBudget));
      }
      if (ops.length === 0) return;
      const total = ops.reduce((n, o) => n + o.bytes, 0);
      if (total <= this.requestBudget) {
        await flushOps(ctx, ops, this.requestBudget);
        return;
      }
      await flushOps(ctx, ops, this.requestBudget, { suspendCalculation: true, suspendScreen: this.features.screenUpdating });
      ctx.workbook.application.calculate('Recalculate');
      await ctx.sync();
    });
  }

  /**
   * Creates a sheet from a layout, as layout-writer.ts does with ExcelJS: values and formulas
   * first (calculation suspended), then in later requests the recalculation, sizes, styles,
   * merges (after the styles, so a merged area carries its top-left cell's style), data
   * validations (1.8), print setup (1.9) and frozen panes. A sheet of that name is kept under a new
   * name first ('copy') or refused ('fail'). On failure the new sheet is removed and the old one
   * gets its name back.
   */
  async createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    checkSheetName(layout.name);
    checkLayoutValues(layout);
    const features = this.features;
    return this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const old = findUserSheet(all, layout.name);
      let keptCopy: string | undefined;
      if (old) {
        if ((options?.existing ?? 'copy') === 'fail') throw sheetExists(old.name);
        keptCopy = copyName(
          old.name,
          all.map((s) => s.name),
        );
      }
      checkNewSheetName(
        layout.name,
        all.filter((s) => s !== old).map((s) => s.name),
      );

      // Long lists for drop-downs go to the very hidden lists sheet (as layout-writer.ts does).
      const lists = features.validation ? await this.listPlan(ctx, all, layout.validations) : undefined;

      let ws: XlWorksheet | undefined;
      const sheet = (): XlWorksheet => ws as XlWorksheet;
      const valueOps: PlannedOp[] = [
        {
          bytes: OP_BYTES * 2,
          apply: () => {
            if (old && keptCopy !== undefined) old.ws.name = keptCopy;
            ws = ctx.workbook.worksheets.add(layout.name);
          },
        },
      ];
      if (lists) valueOps.push(...lists.ops);
      valueOps.push(...layoutValueOps(sheet, layout, this.requestBudget));
      const formatOps: PlannedOp[] = [{ bytes: OP_BYTES, apply: () => ctx.workbook.application.calculate('Recalculate') }];
      formatOps.push(...layoutFormatOps(sheet, layout, features, lists?.sources ?? new Map(), this.requestBudget));

      try {
        await flushOps(ctx, valueOps, this.requestBudget, { suspendCalculation: true, suspendScreen: features.screenUpdating });
        await flushOps(ctx, formatOps, this.requestBudget, { suspendScreen: features.screenUpdating });
      } catch (e) {
        await this.undoCreate(ctx, ws, old, keptCopy);
        throw e;
      }
      return keptCopy === undefined ? {} : { keptCopy };
    });
  }

  /** Best effort: remove a half-made sheet and give the old sheet its name back. */
  private async undoCreate(ctx: XlContext, ws: XlWorksheet | undefined, old: SheetRef | undefined, keptCopy: string | undefined): Promise<void> {
    try {
      if (ws) ws.delete();
      if (old && keptCopy !== undefined) old.ws.name = old.name;
      await ctx.sync();
    } catch {
      // The original error matters more.
    }
  }

  /** Where each long list goes in the lists sheet (reusing a column holding the same list), and the commands writing them. */
  private async listPlan(ctx: XlContext, all: readonly SheetRef[], validations: readonly Validation[]): Promise<{ ops: PlannedOp[]; sources: Map<Validation, string> }> {
    const sources = new Map<Validation, string>();
    const ops: PlannedOp[] = [];
    const long = validations.filter(
      (v): v is Extract<Validation, { kind: 'list' }> =>
        v.kind === 'list' &&
        v.values.length > 0 &&
        (v.values.join(',').length > MAX_LIST_LITERAL || v.values.some((x) => x.includes(',') || x.includes('"') || x.startsWith('='))),
    );
    if (long.length === 0) return { ops, sources };
    const existing = all.find((s) => s.name.toLowerCase() === LISTS_SHEET);
    let columns: unknown[][] = [];
    if (existing) {
      const used = existing.ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,values');
      await ctx.sync();
      if (!used.isNullObject) {
        // Columns from A, rows from 1, whatever the used range's corner.
        const grid = used.values;
        const width = used.columnIndex + (grid[0]?.length ?? 0);
        columns = Array.from({ length: width }, (_, c) =>
          c < used.columnIndex ? [] : Array.from({ length: used.rowIndex + grid.length }, (_, r) => (r < used.rowIndex ? '' : grid[r - used.rowIndex][c - used.columnIndex])),
        );
      }
    }
    let lists: XlWorksheet | undefined = existing?.ws;
    if (!existing) {
      ops.push({
        bytes: OP_BYTES * 2,
        apply: () => {
          lists = ctx.workbook.worksheets.add(LISTS_SHEET);
          lists.visibility = 'VeryHidden';
        },
      });
    }
    const colOf = (values: readonly string[]): number => {
      for (let c = 0; ; c++) {
        const column = columns[c] ?? [];
        const first = column[0];
        if (first === undefined || first === null || first === '') {
          columns[c] = [...values];
          return c;
        }
        const same = values.every((v, i) => column[i] === v) && (column[values.length] === undefined || column[values.length] === '');
        if (same) return c;
      }
    };
    for (const v of long) {
      const c = colOf(v.values);
      const column = columnName(c);
      sources.set(v, `=${quoteSheet(LISTS_SHEET)}!$${column}$1:$${column}$${v.values.length}`);
      ops.push(...writeOps(() => lists as XlWorksheet, { top: 0, left: c, rows: v.values.map((x) => [x]) }, this.requestBudget));
    }
    return { ops, sources };
  }

  /** Copies a sheet with worksheet.copy (values, formats, merges, validations, print setup) and names the copy: two syncs. */
  async copySheet(from: string, to: string): Promise<void> {
    await this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const source = findUserSheet(all, from);
      if (!source) throw sheetNotFound(from);
      checkNewSheetName(
        to,
        all.map((s) => s.name),
      );
      const copy = source.ws.copy('End');
      copy.name = to;
      copy.visibility = 'Visible';
      await ctx.sync();
    });
  }

  /**
   * Deletes sheets with worksheet.delete (ExcelApi 1.1), all or none: the sheet list, then every
   * delete in one request — two syncs whatever the number of sheets. checkDeletion refuses first
   * what Excel would refuse midway (the last visible sheet) and the internal sheets. Excel will not
   * delete a very hidden sheet ("by design", https://github.com/OfficeDev/office-js/issues/365):
   * such a user sheet is made hidden first, in the same request.
   */
  async deleteSheets(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const doomed = checkDeletion(names, all);
      for (const name of doomed) {
        const sheet = findUserSheet(all, name) as SheetRef;
        if (sheet.ws.visibility === 'VeryHidden') sheet.ws.visibility = 'Hidden';
        sheet.ws.delete();
      }
      await ctx.sync();
    });
  }

  /** A tagged record of the state sheet (column A: document state; B: office-host's marks): two syncs. */
  async readRecord(column: string, tag: string): Promise<string | undefined> {
    return this.run(async (ctx) => readRecordIn(ctx, await this.sheets(ctx), column, tag));
  }

  /** Writes (or with undefined, clears) a tagged record of the state sheet, creating the very hidden sheet when needed: two syncs. */
  async writeRecord(column: string, tag: string, json: string | undefined): Promise<void> {
    await this.run(async (ctx) => {
      const ops = writeRecordOps(ctx, await this.sheets(ctx), column, tag, json, this.requestBudget);
      await flushOps(ctx, ops, this.requestBudget);
    });
  }

  async readState(): Promise<DocumentState> {
    const json = await this.readRecord(STATE_COLUMN, STATE_TAG);
    return json === undefined ? {} : stateFromJson(json);
  }

  async writeState(state: DocumentState): Promise<void> {
    await this.writeRecord(STATE_COLUMN, STATE_TAG, stateToJson(state));
  }

  /**
   * New tabs from sheets read elsewhere (an .xlsx read by XlsxWorkbook): values, formulas, error
   * values, font names and merged areas, no other formatting. Names taken get " (2)", " (3)"…
   * as Excel does. Returns the names given.
   */
  async insertSheetData(sheets: readonly SheetData[]): Promise<string[]> {
    const screen = this.features.screenUpdating;
    return this.run(async (ctx) => {
      const all = await this.sheets(ctx);
      const taken = all.map((s) => s.name);
      const names: string[] = [];
      const valueOps: PlannedOp[] = [];
      const formatOps: PlannedOp[] = [{ bytes: OP_BYTES, apply: () => ctx.workbook.application.calculate('Recalculate') }];
      for (const data of sheets) {
        const name = uniqueSheetName(data.name, [...taken, ...names]);
        names.push(name);
        let ws: XlWorksheet | undefined;
        const sheet = (): XlWorksheet => ws as XlWorksheet;
        valueOps.push({ bytes: OP_BYTES, apply: () => (ws = ctx.workbook.worksheets.add(name)) });
        if (data.values.length === 0) continue;
        const errors = new Map(data.errors.map((e) => [`${e.row}:${e.col}`, e.code]));
        const rows = data.values.map((row, i) =>
          row.map((v, j): CellInput => {
            const formula = data.formulas?.[i]?.[j];
            if (formula) return { formula };
            const error = errors.get(`${data.top + i}:${data.left + j}`);
            if (error !== undefined) return { error };
            return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
          }),
        );
        valueOps.push(...writeOps(sheet, { top: data.top, left: data.left, rows }, this.requestBudget));
        if (data.fonts) {
          const fontCells: { row: number; col: number; key: string }[] = [];
          data.fonts.forEach((row, i) =>
            row.forEach((f, j) => {
              if (f) fontCells.push({ row: data.top + i, col: data.left + j, key: f });
            }),
          );
          for (const r of rectanglesOf(fontCells)) {
            const address = rangeA1(r.row, r.col, r.rows, r.cols);
            formatOps.push({ bytes: OP_BYTES + utf8Length(r.key), apply: () => (sheet().getRange(address).format.font.name = r.key) });
          }
        }
        for (const m of data.merges) {
          if (m.rows < 2 && m.cols < 2) continue;
          const address = rangeA1(m.row, m.col, m.rows, m.cols);
          formatOps.push({ bytes: OP_BYTES, apply: () => sheet().getRange(address).merge(false) });
        }
      }
      await flushOps(ctx, valueOps, this.requestBudget, { suspendCalculation: true, suspendScreen: screen });
      await flushOps(ctx, formatOps, this.requestBudget, { suspendScreen: screen });
      return names;
    });
  }
}

/** A name not yet taken (case-insensitively): "Biểu 1", "Biểu 1 (2)"… within 31 characters. */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = name.slice(0, 31);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Every sheet (internal ones included) in tab order: one sync. */
export async function listSheetRefs(ctx: XlContext): Promise<SheetRef[]> {
  const collection = ctx.workbook.worksheets;
  collection.load('items/name,items/visibility');
  await ctx.sync();
  return collection.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== 'Visible', ws }));
}

/** A user sheet by name, whatever the case; internal sheets are never found. */
export function findUserSheet(all: readonly SheetRef[], name: string): SheetRef | undefined {
  if (isInternalSheet(name)) return undefined;
  const lower = name.toLowerCase();
  return all.find((s) => !isInternalSheet(s.name) && s.name.toLowerCase() === lower);
}

function findStateSheet(all: readonly SheetRef[]): SheetRef | undefined {
  return all.find((s) => s.name.toLowerCase() === STATE_SHEET);
}

/** Reads a tagged record from the state sheet: one sync (after the sheet list). */
export async function readRecordIn(ctx: XlContext, all: readonly SheetRef[], column: string, tag: string): Promise<string | undefined> {
  const sheet = findStateSheet(all);
  if (!sheet) return undefined;
  const used = sheet.ws.getRange(`${column}:${column}`).getUsedRangeOrNullObject(true);
  used.load('rowIndex,values');
  await ctx.sync();
  if (used.isNullObject || used.rowIndex !== 0) return undefined;
  return readRecordColumn(used.values, tag);
}

/** Commands replacing a tagged record of the state sheet (creating the sheet, very hidden, when missing). */
export function writeRecordOps(ctx: XlContext, all: readonly SheetRef[], column: string, tag: string, json: string | undefined, budget: number): PlannedOp[] {
  const existing = findStateSheet(all);
  if (!existing && json === undefined) return [];
  let ws: XlWorksheet | undefined = existing?.ws;
  const ops: PlannedOp[] = [
    {
      bytes: OP_BYTES * 3,
      apply: () => {
        if (!ws) ws = ctx.workbook.worksheets.add(STATE_SHEET);
        ws.visibility = 'VeryHidden';
        ws.getRange(`${column}:${column}`).clear('Contents');
      },
    },
  ];
  if (json !== undefined) {
    const col = parseA1(`${column}1`).col;
    ops.push(...writeOps(() => ws as XlWorksheet, { top: 0, left: col, rows: recordColumn(tag, json) }, budget));
  }
  return ops;
}

/** A read cell from office-js's parallel arrays, or undefined for an empty cell. */
function readCellOf(raw: XlValue, formulaRaw: XlValue, type: string, format: string): Omit<ReadCell, 'row' | 'col' | 'font'> | undefined {
  const isFormula = typeof formulaRaw === 'string' && formulaRaw.startsWith('=') && formulaRaw.length > 1 && !(type === 'String' && formulaRaw === raw);
  const formula = isFormula ? bareFormula(formulaRaw) : null;
  if (type === 'Error') return { value: null, formula, error: String(raw) };
  let value: CellValue = null;
  if (typeof raw === 'number') value = isDateFormat(format) ? serialDateText(raw) : raw;
  else if (typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'string' && raw !== '') value = raw;
  if (value === null && formula === null) return undefined;
  return { value, formula, error: null };
}

function splitBand(b: ReadBand, budget: number): ReadBand[] {
  const step = Math.max(1, Math.floor(budget / Math.max(1, b.cols)));
  if (b.rows <= step) return [b];
  const out: ReadBand[] = [];
  for (let r = 0; r < b.rows; r += step) out.push({ ...b, top: b.top + r, rows: Math.min(step, b.rows - r) });
  return out;
}

/**
 * Commands writing one block, leaving out the covered cells of merged areas (checkBlocks made
 * sure they hold nothing): rows free of them go as one rectangle, the others as runs.
 */
function blockOps(ws: XlWorksheet, b: WriteBlock, merges: readonly Merge[], budget: number): PlannedOp[] {
  const height = b.values.length;
  const width = height > 0 ? b.values[0].length : 0;
  if (height === 0 || width === 0) return [];
  const covered = new Map<number, Set<number>>();
  for (const m of merges) {
    for (let r = Math.max(m.row, b.row); r < Math.min(m.row + m.rows, b.row + height); r++) {
      for (let c = Math.max(m.col, b.col); c < Math.min(m.col + m.cols, b.col + width); c++) {
        if (r === m.row && c === m.col) continue;
        let set = covered.get(r);
        if (!set) covered.set(r, (set = new Set()));
        set.add(c);
      }
    }
  }
  const sheet = (): XlWorksheet => ws;
  if (covered.size === 0) return writeOps(sheet, { top: b.row, left: b.col, rows: b.values }, budget);
  const ops: PlannedOp[] = [];
  let start = 0;
  const flushFree = (end: number): void => {
    if (end > start) ops.push(...writeOps(sheet, { top: b.row + start, left: b.col, rows: b.values.slice(start, end) }, budget));
  };
  for (let i = 0; i < height; i++) {
    const set = covered.get(b.row + i);
    if (!set) continue;
    flushFree(i);
    start = i + 1;
    for (let j = 0; j < width; ) {
      while (j < width && set.has(b.col + j)) j++;
      const from = j;
      while (j < width && !set.has(b.col + j)) j++;
      if (j > from) ops.push(...writeOps(sheet, { top: b.row + i, left: b.col + from, rows: [b.values[i].slice(from, j)] }, budget));
    }
  }
  flushFree(height);
  return ops;
}

/** The layout's cells as one dense grid over their bounding box (empty cells written as ''). */
function layoutValueOps(ws: () => XlWorksheet, layout: SheetLayout, budget: number): PlannedOp[] {
  if (layout.cells.length === 0) return [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of layout.cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const rows: CellInput[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellInput>(right - left + 1).fill(null));
  for (const c of layout.cells) {
    rows[c.row - top][c.col - left] = c.formula !== undefined ? { formula: c.formula } : c.value;
  }
  return writeOps(ws, { top, left, rows }, budget);
}

/** Commands giving a layout its look; each carries its own size estimate. */
function layoutFormatOps(
  ws: () => XlWorksheet,
  layout: SheetLayout,
  features: { validation: boolean; pageLayout: boolean },
  listSources: ReadonlyMap<Validation, string>,
  budget: number,
): PlannedOp[] {
  const ops: PlannedOp[] = [];

  // Column widths (characters → points), consecutive equal widths together; row heights (points).
  for (let i = 0; i < layout.columnWidths.length; ) {
    const w = layout.columnWidths[i];
    let j = i + 1;
    while (j < layout.columnWidths.length && layout.columnWidths[j] === w) j++;
    if (w > 0) {
      const address = `${columnName(i)}:${columnName(j - 1)}`;
      const points = widthToPoints(w);
      ops.push({ bytes: OP_BYTES, apply: () => (ws().getRange(address).format.columnWidth = points) });
    }
    i = j;
  }
  for (const [row, height] of Object.entries(layout.rowHeights)) {
    if (!(height > 0)) continue;
    const r = Number(row) + 1;
    ops.push({ bytes: OP_BYTES, apply: () => (ws().getRange(`${r}:${r}`).format.rowHeight = height) });
  }

  // Styles: one set of commands per rectangle of cells sharing a style.
  for (const rect of rectanglesOf(layout.cells.map((c) => ({ row: c.row, col: c.col, key: c.style })))) {
    ops.push(...styleOps(ws, rect, layout.styles[rect.key] ?? {}, budget));
  }

  for (const m of layout.merges) {
    if (m.rows < 2 && m.cols < 2) continue;
    const address = rangeA1(m.row, m.col, m.rows, m.cols);
    ops.push({ bytes: OP_BYTES, apply: () => ws().getRange(address).merge(false) });
  }

  if (features.validation) {
    for (const v of layout.validations) {
      const op = validationOp(ws, v, listSources.get(v));
      if (op) ops.push(op);
    }
  }

  if (features.pageLayout) {
    const p = layout.print;
    ops.push({
      bytes: OP_BYTES * 5,
      apply: () => {
        const page = ws().pageLayout;
        page.paperSize = 'A4';
        page.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        // One page wide, as many tall as needed (verticalFitToPages 0 = automatic, as fitToHeight 0 in the file):
        // https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
        if (p.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (p.area.rows > 0 && p.area.cols > 0) page.setPrintArea(rangeA1(0, 0, p.area.rows, p.area.cols));
        if (p.repeatRows) page.setPrintTitleRows(`$${p.repeatRows.from + 1}:$${p.repeatRows.to + 1}`);
        // Page numbers on every page ("Trang 3/18").
        page.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER;
      },
    });
  }

  const f = layout.freeze;
  if (f && (f.rows > 0 || f.cols > 0)) {
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        const panes = ws().freezePanes;
        if (f.cols === 0) panes.freezeRows(f.rows);
        else if (f.rows === 0) panes.freezeColumns(f.cols);
        else panes.freezeAt(rangeA1(0, 0, f.rows, f.cols));
      },
    });
  }
  return ops;
}

/** Commands giving a rectangle a style: font, alignment, borders, fill in one; number formats in row bands under the budget. */
function styleOps(ws: () => XlWorksheet, rect: { row: number; col: number; rows: number; cols: number }, s: CellStyle, budget: number): PlannedOp[] {
  const address = rangeA1(rect.row, rect.col, rect.rows, rect.cols);
  const ops: PlannedOp[] = [
    {
      bytes: OP_BYTES * 6,
      apply: () => {
        const format = ws().getRange(address).format;
        format.font.name = LAYOUT_FONT;
        format.font.size = s.size ?? LAYOUT_FONT_SIZE;
        if (s.bold) format.font.bold = true;
        if (s.italic) format.font.italic = true;
        if (s.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[s.hAlign];
        if (s.vAlign !== undefined) format.verticalAlignment = V_ALIGN[s.vAlign];
        if (s.wrap !== undefined) format.wrapText = s.wrap;
        if (s.border) {
          const edges: XlBorderIndex[] = [...BORDER_EDGES];
          if (rect.rows > 1) edges.push('InsideHorizontal');
          if (rect.cols > 1) edges.push('InsideVertical');
          for (const e of edges) {
            const border = format.borders.getItem(e);
            border.style = 'Continuous';
            border.weight = 'Thin';
          }
        }
        if (s.fill !== undefined) format.fill.color = `#${s.fill.toUpperCase()}`;
      },
    },
  ];
  const numberFormat = s.numberFormat;
  if (numberFormat !== undefined) {
    // range.numberFormat takes one format per cell: a band of rows per request.
    const cell = utf8Length(numberFormat) + 3;
    const step = Math.max(1, Math.floor((budget - OP_BYTES) / (cell * rect.cols)));
    for (let r = 0; r < rect.rows; r += step) {
      const rows = Math.min(step, rect.rows - r);
      const band = rangeA1(rect.row + r, rect.col, rows, rect.cols);
      ops.push({
        bytes: OP_BYTES + rows * rect.cols * cell,
        apply: () => (ws().getRange(band).numberFormat = Array.from({ length: rows }, () => new Array<string>(rect.cols).fill(numberFormat))),
      });
    }
  }
  return ops;
}

function validationOp(ws: () => XlWorksheet, v: Validation, listSource: string | undefined): PlannedOp | undefined {
  const address = rangeA1(v.row, v.col, v.rows, v.cols);
  let rule: XlValidationRule;
  let message: string;
  if (v.kind === 'list') {
    if (v.values.length === 0) return undefined;
    rule = { list: { inCellDropDown: true, source: listSource ?? v.values.join(',') } };
    message = 'Chọn một giá trị trong danh sách.';
    // An open list suggests: any other text is accepted, so no alert.
    if (v.open) {
      return {
        bytes: OP_BYTES * 3 + utf8Length(JSON.stringify(rule)),
        apply: () => {
          const dv = ws().getRange(address).dataValidation;
          dv.ignoreBlanks = true;
          dv.rule = rule;
          dv.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
        },
      };
    }
  } else {
    const criteria: XlBasicValidation =
      v.max === undefined ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' } : { formula1: v.min, formula2: v.max, operator: 'Between' };
    rule = v.kind === 'whole' ? { wholeNumber: criteria } : { decimal: criteria };
    message = rangeMessage(v.kind, v.min, v.max);
  }
  return {
    bytes: OP_BYTES * 3 + utf8Length(JSON.stringify(rule)),
    apply: () => {
      const dv = ws().getRange(address).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = rule;
      dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message };
    },
  };
}

