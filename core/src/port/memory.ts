/**
 * MemoryWorkbook: the reference implementation of the workbook port, for tests and for
 * core code that works on data already in memory. It also holds the rules every adapter
 * shares (sheet names, write blocks, internal sheets, errors with stable codes), so the
 * ExcelJS, office-js and Apps Script adapters behave alike.
 *
 * Behaviour common to all adapters (the contract tests in core/test/port check it):
 * - an empty string reads as null (office-js reads empty cells as '');
 * - the used range is the bounding box of cells holding a value, a formula or an error;
 * - strings are never parsed as formulas: write `{ formula }`;
 * - sheets whose name starts with '_lkh' hold the add-in's own data: they are not listed,
 *   cannot be read, written or created through the port.
 */
import type { CellStyle, LayoutCell, Merge, PrintSetup, SheetLayout, StyleName, Validation } from '../layout/types';
import { a1, rangeA1 } from '../util/a1';
import type {
  CellError,
  CellValue,
  CreateSheetOptions,
  DocumentState,
  ReadOptions,
  SheetData,
  WorkbookPort,
  WriteBlock,
  WriteValue,
} from './types';
import { copyName } from './types';
import { parseState } from './state';

// ---------------------------------------------------------------------------------------
// Rules shared by every adapter

/** Prefix of the sheets holding the add-in's own data (document state, validation lists). */
export const INTERNAL_SHEET_PREFIX = '_lkh';
/** Font of every cell written from a layout (official forms are typed in Times New Roman). */
export const LAYOUT_FONT = 'Times New Roman';
/** Font size of a layout style without one (CellStyle.size: "default 11"). */
export const LAYOUT_FONT_SIZE = 11;
/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_SHEET_NAME = 31;

export type PortErrorCode =
  | 'SHEET_NOT_FOUND'
  | 'SHEET_EXISTS'
  | 'SHEET_NAME_INVALID'
  | 'SHEET_NAME_RESERVED'
  | 'SHEET_LAST_VISIBLE'
  | 'BLOCK_INVALID'
  | 'STATE_INVALID'
  | 'WORKBOOK_INVALID'
  | 'WORKBOOK_TOO_LARGE'
  | 'CELL_TOO_LONG';

/** An error of the workbook port: a stable code for programs, a Vietnamese message for people. */
export class PortError extends Error {
  readonly code: PortErrorCode;
  constructor(code: PortErrorCode, message: string) {
    super(message);
    this.name = 'PortError';
    this.code = code;
  }
}

/** The add-in's own sheets, by exact name: the state, the drop-down lists, and Excel's copies of them on insert ("_lkh (2)"). */
const INTERNAL_SHEET = /^_lkh(_lists)?( \(\d+\))?$/i;

/**
 * True for the add-in's own sheets, which are never listed, read or written as user sheets. By
 * exact name (issue 9): a village's sheet that merely starts with "_lkh" ("_lkh thôn A") is read
 * like any other; new sheets may still not take names starting with "_lkh" (checkNewSheetName).
 */
export function isInternalSheet(name: string): boolean {
  return INTERNAL_SHEET.test(name.trim());
}

/** Names reserved for the add-in: new sheets may not start with "_lkh". */
export function isReservedSheetName(name: string): boolean {
  return name.toLowerCase().startsWith(INTERNAL_SHEET_PREFIX);
}

export function sheetNotFound(name: string): PortError {
  return new PortError('SHEET_NOT_FOUND', `Không có trang tính "${name}".`);
}

export function sheetExists(name: string): PortError {
  return new PortError('SHEET_EXISTS', `Đã có trang tính "${name}".`);
}

/** Refusal of a deletion that would leave the workbook with no visible sheet (Excel and Google Sheets keep one). */
export function sheetLastVisible(names: readonly string[]): PortError {
  const list = names.map((n) => `"${n}"`).join(', ');
  return new PortError('SHEET_LAST_VISIBLE', `Không xóa được ${list}: sổ làm việc phải còn ít nhất một trang tính không ẩn.`);
}

/**
 * Checks a deletion before anything is deleted and gives the sheets to delete, each once, under
 * their own names, in the order asked: every name must be a user sheet (unknown and internal
 * '_lkh' names throw SHEET_NOT_FOUND), and at least one visible user sheet must remain
 * (SHEET_LAST_VISIBLE). `sheets` are the workbook's sheets, internal ones included or not.
 */
export function checkDeletion(names: readonly string[], sheets: readonly { readonly name: string; readonly hidden: boolean }[]): string[] {
  const user = sheets.filter((s) => !isInternalSheet(s.name));
  const userNames = user.map((s) => s.name);
  const doomed: string[] = [];
  for (const n of names) {
    const found = isInternalSheet(n) ? undefined : findName(userNames, n);
    if (found === undefined) throw sheetNotFound(n);
    if (!doomed.includes(found)) doomed.push(found);
  }
  if (doomed.length > 0 && !user.some((s) => !s.hidden && !doomed.includes(s.name))) throw sheetLastVisible(doomed);
  return doomed;
}

/** Finds a name among others, ignoring case as Excel and Google Sheets do. */
export function findName(names: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

/**
 * Throws unless `name` is a valid name for a new user sheet: 1 to 31 characters, none of
 * : \ / ? * [ ], no apostrophe at either end, not "History" (Excel reserves it), not an
 * internal '_lkh' name.
 */
export function checkSheetName(name: string): void {
  if (name.trim() === '') throw new PortError('SHEET_NAME_INVALID', 'Tên trang tính không được để trống.');
  if (name.length > MAX_SHEET_NAME) {
    throw new PortError('SHEET_NAME_INVALID', `Tên trang tính "${name}" dài ${name.length} ký tự, quá ${MAX_SHEET_NAME} ký tự cho phép.`);
  }
  if (/[:\\/?*[\]]/.test(name)) {
    throw new PortError('SHEET_NAME_INVALID', `Tên trang tính "${name}" chứa ký tự không được phép (: \\ / ? * [ ]).`);
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    throw new PortError('SHEET_NAME_INVALID', `Tên trang tính "${name}" không được bắt đầu hay kết thúc bằng dấu nháy đơn (').`);
  }
  if (name.toLowerCase() === 'history') {
    throw new PortError('SHEET_NAME_RESERVED', `Excel dành riêng tên trang tính "${name}".`);
  }
  if (isReservedSheetName(name)) {
    throw new PortError('SHEET_NAME_RESERVED', `Tên trang tính bắt đầu bằng "${INTERNAL_SHEET_PREFIX}" được dành cho dữ liệu nội bộ của LKH.`);
  }
}

/** Throws unless `name` is valid and not taken (case-insensitively) by any of `taken`. */
export function checkNewSheetName(name: string, taken: readonly string[]): void {
  checkSheetName(name);
  const other = findName(taken, name);
  if (other !== undefined) {
    throw new PortError('SHEET_EXISTS', `Đã có trang tính "${other}" (tên trang tính không phân biệt chữ hoa, chữ thường).`);
  }
}

function isWriteValue(v: unknown): v is WriteValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'object' && typeof (v as { formula?: unknown }).formula === 'string';
}

/**
 * Checks write blocks before anything is written: known sheets (through `exists`), whole
 * non-negative coordinates inside the grid, rectangular values of finite numbers, text,
 * booleans, null or formulas, and nothing but null (or '') on a cell covered by a merge
 * other than its top-left cell (hosts forward such writes to the top-left cell or refuse them).
 */
export function checkBlocks(
  blocks: readonly WriteBlock[],
  exists: (sheet: string) => boolean,
  mergesOf: (sheet: string) => readonly Merge[],
): void {
  for (const b of blocks) {
    if (isInternalSheet(b.sheet) || !exists(b.sheet)) throw sheetNotFound(b.sheet);
    const where = `trang tính "${b.sheet}"`;
    if (!Number.isInteger(b.row) || !Number.isInteger(b.col) || b.row < 0 || b.col < 0) {
      throw new PortError('BLOCK_INVALID', `Vị trí ghi không hợp lệ trên ${where}: dòng ${b.row}, cột ${b.col}.`);
    }
    const width = b.values.length > 0 ? b.values[0].length : 0;
    if (b.row + b.values.length > MAX_ROWS || b.col + width > MAX_COLS) {
      throw new PortError('BLOCK_INVALID', `Khối ghi tại ${a1(b.row, b.col)} trên ${where} vượt quá kích thước trang tính.`);
    }
    b.values.forEach((row, i) => {
      if (row.length !== width) {
        throw new PortError(
          'BLOCK_INVALID',
          `Khối ghi tại ${a1(b.row, b.col)} trên ${where} không phải hình chữ nhật: dòng 1 có ${width} ô, dòng ${i + 1} có ${row.length} ô.`,
        );
      }
      row.forEach((v, j) => {
        if (!isWriteValue(v)) {
          throw new PortError('BLOCK_INVALID', `Giá trị không ghi được vào ô ${a1(b.row + i, b.col + j)} trên ${where}: ${String(v)}.`);
        }
      });
    });
    const height = b.values.length;
    for (const m of mergesOf(b.sheet)) {
      if (m.row >= b.row + height || m.row + m.rows <= b.row || m.col >= b.col + width || m.col + m.cols <= b.col) continue;
      for (let r = Math.max(m.row, b.row); r < Math.min(m.row + m.rows, b.row + height); r++) {
        for (let c = Math.max(m.col, b.col); c < Math.min(m.col + m.cols, b.col + width); c++) {
          const v = b.values[r - b.row][c - b.col];
          if ((r !== m.row || c !== m.col) && v !== null && v !== '') {
            throw new PortError(
              'BLOCK_INVALID',
              `Ô ${a1(r, c)} trên ${where} nằm trong vùng gộp ${rangeA1(m.row, m.col, m.rows, m.cols)}: chỉ ghi được vào ô ${a1(m.row, m.col)}.`,
            );
          }
        }
      }
    }
  }
}

/**
 * Checks a layout's values before a sheet is created from it: a number that is not finite
 * (Infinity, NaN — an overflowing sum) is never written; it would land in the file as
 * "Infinity", which no spreadsheet reads. Refused naming the sheet and cell.
 */
export function checkLayoutValues(layout: SheetLayout): void {
  for (const c of layout.cells) {
    if (typeof c.value === 'number' && !Number.isFinite(c.value)) {
      throw new PortError('BLOCK_INVALID', `Giá trị không ghi được vào ô ${a1(c.row, c.col)} trên trang tính "${layout.name}": ${String(c.value)} không phải một số hữu hạn.`);
    }
  }
}

/** Removes a leading '=' from a formula. */
export function bareFormula(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

/** Serialises document state, refusing what JSON cannot hold faithfully. */
export function stateToJson(state: DocumentState): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(state);
  } catch (e) {
    throw new PortError('STATE_INVALID', `Không lưu được trạng thái tài liệu: ${(e as Error).message}`);
  }
  if (json === undefined || !json.startsWith('{')) throw new PortError('STATE_INVALID', 'Trạng thái tài liệu phải là một đối tượng JSON.');
  return json;
}

/**
 * The document state from its JSON, checked against its schema (state.ts: types, depth, size). A
 * state that fails is refused with a PortError (STATE_INVALID) whose message says which field and
 * why, in Vietnamese; callers report it and rebuild, or read the sheets without it.
 */
export function stateFromJson(json: string): DocumentState {
  const r = parseState(json);
  if (!r.ok) throw new PortError('STATE_INVALID', `Trạng thái tài liệu lưu trong sổ làm việc bị hỏng: ${r.reason}`);
  return r.state;
}

/** A read cell before it is placed in a SheetData. */
export interface ReadCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly formula: string | null;
  readonly error: string | null;
  readonly font: string | null;
}

/** Used ranges up to this many cells are read as full rectangles; larger ones as sparse rows. */
export const MAX_DENSE_CELLS = 2_000_000;
/** Shared by every empty row of a sparse sheet; never written to. */
const EMPTY_ROW: readonly never[] = Object.freeze([]);

/** Builds a SheetData from the content cells of a sheet (any order), as the bounding box of them; merges sorted by position. */
export function toSheetData(
  name: string,
  cells: readonly ReadCell[],
  sheetMerges: readonly Merge[],
  hidden: boolean,
  options: ReadOptions | undefined,
): SheetData {
  const fonts = options?.fonts === true;
  const merges = options?.merges === false ? [] : sheetMerges.map((m) => ({ row: m.row, col: m.col, rows: m.rows, cols: m.cols })).sort((a, b) => a.row - b.row || a.col - b.col);
  if (cells.length === 0) {
    return { name, top: 0, left: 0, values: [], formulas: [], errors: [], ...(fonts ? { fonts: [] } : {}), merges, hidden };
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  // Dense rows for sheets of a normal size (every row as wide as the used range). A sheet whose
  // used range is huge but sparse — one "x" typed at A1048576 or XFD1048576 after Ctrl+↓ — gets
  // rows only as long as their last cell, and empty rows share one empty array: memory follows
  // what is filled, not the used range (TextGrid and every reader accept such rows).
  const height = bottom - top + 1;
  const width = right - left + 1;
  const sparse = height * width > MAX_DENSE_CELLS;
  const rowLength = new Map<number, number>();
  if (sparse) for (const c of cells) rowLength.set(c.row, Math.max(rowLength.get(c.row) ?? 0, c.col - left + 1));
  const grid = <T>(): T[][] =>
    Array.from({ length: height }, (_, i) => {
      const n = sparse ? (rowLength.get(top + i) ?? 0) : width;
      return n === 0 ? (EMPTY_ROW as unknown as T[]) : new Array<T>(n).fill(null as T);
    });
  const values = grid<CellValue>();
  const formulas = grid<string | null>();
  const fontGrid = fonts ? grid<string | null>() : undefined;
  const errors: CellError[] = [];
  for (const c of cells) {
    const i = c.row - top;
    const j = c.col - left;
    values[i][j] = c.value;
    formulas[i][j] = c.formula;
    if (fontGrid) fontGrid[i][j] = c.font;
    if (c.error !== null) errors.push({ row: c.row, col: c.col, code: c.error });
  }
  errors.sort((x, y) => x.row - y.row || x.col - y.col);
  return { name, top, left, values, formulas, errors, ...(fontGrid ? { fonts: fontGrid } : {}), merges, hidden };
}

// ---------------------------------------------------------------------------------------
// MemoryWorkbook

/** A cell as MemoryWorkbook holds it. */
export interface MemoryCell {
  /** The displayed value: the cached value of a formula; null for an error. */
  value: CellValue;
  formula?: string;
  /** Error code ('#REF!'...) when the cell shows an error. */
  error?: string;
  font?: string;
  /** The layout style applied by createSheet. */
  style?: StyleName;
}

/** A cell given to MemoryWorkbook.fromArrays. */
export type MemoryCellInput =
  | CellValue
  | { readonly value?: CellValue; readonly formula?: string; readonly error?: string; readonly font?: string };

export interface MemorySheet {
  name: string;
  hidden: boolean;
  /** Cells by key row * MAX_COLS + col. */
  readonly cells: Map<number, MemoryCell>;
  merges: Merge[];
  validations: Validation[];
  print?: PrintSetup;
  columnWidths: number[];
  rowHeights: Record<number, number>;
  freeze?: { readonly rows: number; readonly cols: number };
  /** The style table of the layout the sheet was created from. */
  styles?: Readonly<Record<StyleName, CellStyle>>;
}

export interface MemoryStats {
  listSheets: number;
  readSheets: number;
  /** Sheets read over all readSheets calls. */
  sheetsRead: number;
  writeValues: number;
  /** Cells written over all writeValues calls. */
  cellsWritten: number;
  createSheet: number;
  copySheet: number;
  deleteSheets: number;
  readState: number;
  writeState: number;
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

function normalise(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}

function inputCell(input: MemoryCellInput): MemoryCell | undefined {
  if (input === null || typeof input !== 'object') {
    const value = normalise(input);
    return value === null ? undefined : { value };
  }
  const cell: MemoryCell = { value: input.error !== undefined ? null : normalise(input.value) };
  if (input.formula !== undefined) cell.formula = bareFormula(input.formula);
  if (input.error !== undefined) cell.error = input.error;
  if (input.font !== undefined) cell.font = input.font;
  return cell;
}

const hasContent = (c: MemoryCell): boolean => c.value !== null || c.formula !== undefined || c.error !== undefined;

function cloneSheet(s: MemorySheet, name: string): MemorySheet {
  const cells = new Map<number, MemoryCell>();
  for (const [k, c] of s.cells) cells.set(k, { ...c });
  return {
    ...s,
    name,
    hidden: false,
    cells,
    merges: s.merges.map((m) => ({ ...m })),
    validations: s.validations.map((v) => ({ ...v })),
    columnWidths: [...s.columnWidths],
    rowHeights: { ...s.rowHeights },
  };
}

export class MemoryWorkbook implements WorkbookPort {
  /** Number of calls of each port method (and cells/sheets moved), to test batching. */
  readonly stats: MemoryStats = {
    listSheets: 0,
    readSheets: 0,
    sheetsRead: 0,
    writeValues: 0,
    cellsWritten: 0,
    createSheet: 0,
    copySheet: 0,
    deleteSheets: 0,
    readState: 0,
    writeState: 0,
  };
  /** Sheets in tab order. */
  private readonly sheets: MemorySheet[] = [];
  private stateJson: string | undefined;

  /**
   * A workbook from plain arrays: `{ 'Sheet': [[1, 'a'], [{ formula: 'A1*2', value: 2 }, { error: '#REF!' }]] }`.
   * Rows start at A1. A cell is a value, or { value?, formula?, error?, font? }.
   */
  static fromArrays(
    sheets: Readonly<Record<string, readonly (readonly MemoryCellInput[])[]>>,
    options: { readonly state?: DocumentState; readonly hidden?: readonly string[] } = {},
  ): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = wb.addSheet(name);
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          const cell = inputCell(input);
          if (cell) sheet.cells.set(key(r, c), cell);
        }),
      );
    }
    for (const name of options.hidden ?? []) wb.setHidden(name, true);
    if (options.state) wb.stateJson = stateToJson(options.state);
    return wb;
  }

  /** Adds an empty visible sheet at the end (test set-up; the port itself creates sheets from layouts). */
  addSheet(name: string): MemorySheet {
    checkNewSheetName(
      name,
      this.sheets.map((s) => s.name),
    );
    const sheet: MemorySheet = { name, hidden: false, cells: new Map(), merges: [], validations: [], columnWidths: [], rowHeights: {} };
    this.sheets.push(sheet);
    return sheet;
  }

  /** The sheet itself, for tests to inspect. Unknown names throw. */
  sheet(name: string): MemorySheet {
    const lower = name.toLowerCase();
    const sheet = isInternalSheet(name) ? undefined : this.sheets.find((s) => s.name.toLowerCase() === lower);
    if (!sheet) throw sheetNotFound(name);
    return sheet;
  }

  cell(sheet: string, row: number, col: number): MemoryCell | undefined {
    return this.sheet(sheet).cells.get(key(row, col));
  }

  /** The layout style applied to a cell by createSheet, with its definition. */
  styleAt(sheet: string, row: number, col: number): { name: StyleName; style: CellStyle } | undefined {
    const s = this.sheet(sheet);
    const name = s.cells.get(key(row, col))?.style;
    return name !== undefined && s.styles ? { name, style: s.styles[name] } : undefined;
  }

  setHidden(sheet: string, hidden: boolean): void {
    this.sheet(sheet).hidden = hidden;
  }

  async listSheets(): Promise<string[]> {
    this.stats.listSheets++;
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    this.stats.readSheets++;
    const sheets = names.map((n) => this.sheet(n));
    this.stats.sheetsRead += sheets.length;
    return sheets.map((s) => {
      const cells: ReadCell[] = [];
      for (const [k, c] of s.cells) {
        if (!hasContent(c)) continue;
        cells.push({
          row: Math.floor(k / MAX_COLS),
          col: k % MAX_COLS,
          value: c.error !== undefined ? null : c.value,
          formula: c.formula ?? null,
          error: c.error ?? null,
          font: c.font ?? null,
        });
      }
      return toSheetData(s.name, cells, s.merges, s.hidden, options);
    });
  }

  /** Writes values and formulas; a formula's value stays null (nothing computes it in memory). Fonts and styles stay. */
  async writeValues(blocks: readonly WriteBlock[]): Promise<void> {
    this.stats.writeValues++;
    checkBlocks(
      blocks,
      (name) => this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()),
      (name) => this.sheet(name).merges,
    );
    for (const b of blocks) {
      const sheet = this.sheet(b.sheet);
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(b.row + i, b.col + j);
          const old = sheet.cells.get(k);
          const cell: MemoryCell =
            v !== null && typeof v === 'object' ? { value: null, formula: bareFormula(v.formula) } : { value: normalise(v) };
          if (old?.font !== undefined) cell.font = old.font;
          if (old?.style !== undefined) cell.style = old.style;
          if (hasContent(cell) || cell.font !== undefined || cell.style !== undefined) sheet.cells.set(k, cell);
          else sheet.cells.delete(k);
          this.stats.cellsWritten++;
        }),
      );
    }
  }

  async createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    this.stats.createSheet++;
    checkSheetName(layout.name);
    checkLayoutValues(layout);
    const taken = this.sheets.map((s) => s.name);
    const old = findName(taken, layout.name);
    let keptCopy: string | undefined;
    if (old !== undefined) {
      if ((options?.existing ?? 'copy') === 'fail') throw sheetExists(old);
      keptCopy = copyName(old, taken);
      this.sheet(old).name = keptCopy;
    }
    const sheet = this.addSheet(layout.name);
    for (const c of layout.cells) sheet.cells.set(key(c.row, c.col), layoutCell(c));
    sheet.merges = layout.merges.map((m) => ({ ...m }));
    sheet.validations = layout.validations.map((v) => ({ ...v }));
    sheet.print = { ...layout.print };
    sheet.columnWidths = [...layout.columnWidths];
    sheet.rowHeights = { ...layout.rowHeights };
    if (layout.freeze) sheet.freeze = { ...layout.freeze };
    sheet.styles = layout.styles;
    return keptCopy === undefined ? {} : { keptCopy };
  }

  /** Copies a sheet (cells, styles, merges, validations, print setup, sizes) to a new visible sheet at the end. */
  async copySheet(from: string, to: string): Promise<void> {
    this.stats.copySheet++;
    const source = this.sheet(from);
    checkNewSheetName(
      to,
      this.sheets.map((s) => s.name),
    );
    this.sheets.push(cloneSheet(source, to));
  }

  /** Deletes sheets, all or none (checkDeletion). */
  async deleteSheets(names: readonly string[]): Promise<void> {
    this.stats.deleteSheets++;
    const doomed = new Set(checkDeletion(names, this.sheets));
    for (let i = this.sheets.length - 1; i >= 0; i--) if (doomed.has(this.sheets[i].name)) this.sheets.splice(i, 1);
  }

  async readState(): Promise<DocumentState> {
    this.stats.readState++;
    return this.stateJson === undefined ? {} : stateFromJson(this.stateJson);
  }

  async writeState(state: DocumentState): Promise<void> {
    this.stats.writeState++;
    this.stateJson = stateToJson(state);
  }
}

function layoutCell(c: LayoutCell): MemoryCell {
  const cell: MemoryCell = { value: normalise(c.value), font: LAYOUT_FONT, style: c.style };
  if (c.formula !== undefined) cell.formula = bareFormula(c.formula);
  return cell;
}
