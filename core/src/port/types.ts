/**
 * The workbook port: the one small interface through which core reads and writes a
 * workbook (STYLE.md §2). Shaped for slow hosts (office-js, Apps Script):
 * - `readSheets` reads many sheets in one batch (one round trip in office-js);
 * - `writeValues` takes whole blocks; adapters chunk them under the host's limits;
 * - `createSheet` applies a complete SheetLayout (values, then formats);
 * - document state (plan year, commune, which sheet holds which form) lives in the workbook.
 * Implementations: MemoryWorkbook (tests), XlsxWorkbook (ExcelJS: CLI and browser),
 * the office-js adapter (excel-addin/) and the SpreadsheetApp adapter (sheets-addon/).
 */
import type { FormId, Level } from '../forms/types';
import type { Merge, SheetLayout } from '../layout/types';

/** A cell value as core sees it. Dates arrive as text "dd/mm/yyyy" (adapters convert). */
export type CellValue = string | number | boolean | null;

/** A value to write: a plain value or a formula (without the leading '='). */
export type WriteValue = CellValue | { readonly formula: string };

export interface CellError {
  readonly row: number;
  readonly col: number;
  /** The error as the spreadsheet shows it: '#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#NULL!'. */
  readonly code: string;
}

/** One sheet's used range as read. Rows/cols are 0-based sheet coordinates. */
export interface SheetData {
  readonly name: string;
  /** Sheet row and column of values[0][0]. */
  readonly top: number;
  readonly left: number;
  /** Displayed (cached) values; a formula's cell holds its last computed value; an error cell holds null. */
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas (without '='), same shape as values, null where the cell holds a constant. Absent when the host gave none. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Cells holding an error value. */
  readonly errors: readonly CellError[];
  /** Font name of each cell, same shape as values (only when requested with `fonts: true`). */
  readonly fonts?: readonly (readonly (string | null)[])[];
  readonly merges: readonly Merge[];
  /** True when the sheet is hidden (the add-in's own state sheets are). */
  readonly hidden?: boolean;
}

export interface WriteBlock {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** Rectangular: every row has the same length. */
  readonly values: readonly (readonly WriteValue[])[];
}

/** The program period whose reference data (programs, projects, criteria) applies. */
export type ProgramPeriod = '2016-2020' | '2021-2025' | '2026-2030';

export interface DocumentState {
  readonly planYear?: number;
  /** Name of the unit the workbook belongs to (commune, village, district). */
  readonly unitName?: string;
  readonly level?: Level;
  readonly period?: ProgramPeriod;
  /** The level above the commune: "huyện" per the handbook, "tỉnh" since July 2025; free text name. */
  readonly upperLevelName?: string;
  /** Which sheet holds which form, as recorded when the add-in created or recognised it. */
  readonly sheetForms?: Readonly<Record<string, FormId>>;
  /** Other state of the workflow (ticks of the checklist, accepted merges…), JSON-serialisable. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface ReadOptions {
  /** Also read each cell's font name (to recognise TCVN3/VNI text). Slower on some hosts. */
  readonly fonts?: boolean;
  /**
   * Read formulas too (default true). False saves a round trip per sheet in Apps Script when only
   * values matter (the upper-level roll-up); the cached values are read either way.
   */
  readonly formulas?: boolean;
  /**
   * Read merged ranges too (default true). False saves another round trip per sheet in Apps Script
   * when the reader needs no merges (the upper level reads each row's own cells).
   */
  readonly merges?: boolean;
}

export interface CreateSheetOptions {
  /**
   * What to do when a sheet of that name exists: 'copy' keeps the old sheet under a new
   * name ("II.4.B (cũ)") and creates the new one; 'fail' throws. Default 'copy': no user
   * sheet is ever destroyed.
   */
  readonly existing?: 'copy' | 'fail';
}

export interface WorkbookPort {
  /** Sheet names in tab order (hidden sheets included). */
  listSheets(): Promise<string[]>;
  /** Reads the used range of each named sheet, in one batch. Unknown names throw. */
  readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]>;
  /** Writes blocks of values and formulas. Sheets must exist. */
  writeValues(blocks: readonly WriteBlock[]): Promise<void>;
  /** Creates a formatted sheet from a layout. Returns the name of the copy kept of a replaced sheet, if any. */
  createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }>;
  /** Copies a sheet (values and formats) under a new name. */
  copySheet(from: string, to: string): Promise<void>;
  /** Deletes these sheets (names matched case-insensitively), all or none: unknown names, the add-in's own state sheet, and a deletion that would leave no visible sheet are refused with a PortError before anything is deleted. */
  deleteSheets(names: readonly string[]): Promise<void>;
  readState(): Promise<DocumentState>;
  writeState(state: DocumentState): Promise<void>;
}

/** Name for the copy of a sheet about to be replaced: "II.4.B (cũ)", then "(cũ 2)"... (max 31 characters). */
export function copyName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? ' (cũ)' : ` (cũ ${i})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Folds a sheet name for comparison as the hosts compare names: case-insensitively (and NFC, so a decomposed "ũ" matches). */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** " (cũ)", " (cũ 2)", " (cũ 3)"…: the suffixes copyName gives, nothing else (no "(cũ 1)", no "(cũ 02)"). */
const COPY_SUFFIX = / \(cũ(?: ([2-9]|[1-9]\d+))?\)$/u;

/**
 * Whether a sheet name has the shape copyName gives a kept copy: some name, then " (cũ)" or
 * " (cũ N)" with N from 2 (case-insensitive).
 */
export function isCopyName(sheetName: string): boolean {
  const m = COPY_SUFFIX.exec(foldName(sheetName));
  return m !== null && m.index > 0;
}

/**
 * The document state, or an empty one when it cannot be read (damaged or missing): every caller
 * then recognises the sheets from their content, as it would in a workbook never set up.
 */
export async function readStateOrEmpty(port: Pick<WorkbookPort, 'readState'>): Promise<DocumentState> {
  try {
    return await port.readState();
  } catch {
    return {};
  }
}

/** Every kept copy ("… (cũ)", "… (cũ N)") among these names, in their order. */
export function allCopies(sheetNames: readonly string[]): string[] {
  return sheetNames.filter(isCopyName);
}

/**
 * The kept copies of sheet `name` among `sheetNames`, in their order: the names copyName gives for
 * it ("<name> (cũ)", "<name> (cũ 2)"…, `name` cut to fit 31 characters), case-insensitively.
 * Two long names sharing their first 24 to 26 characters share their copies' names: a copy of
 * either is counted for both. Neither the number nor the tab order tells which copy is newest:
 * copyName reuses the lowest free number once a copy is deleted, and a kept copy stays where the
 * replaced sheet was.
 */
export function copiesOf(name: string, sheetNames: readonly string[]): string[] {
  const self = foldName(name);
  return sheetNames.filter((sheetName) => {
    const folded = foldName(sheetName);
    if (folded === self) return false;
    const m = COPY_SUFFIX.exec(folded);
    if (m === null || m.index === 0) return false;
    const suffix = m[0];
    const expected = foldName(name.slice(0, 31 - suffix.length) + suffix);
    return folded === expected;
  });
}
