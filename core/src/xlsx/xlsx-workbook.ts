/**
 * XlsxWorkbook: the workbook port over an .xlsx file held in memory (ExcelJS), for the CLI and
 * the browser. Bytes in and out as Uint8Array/ArrayBuffer: no Node Buffer, no file system.
 *
 * - Document state lives in a very hidden sheet '_lkh': cell A1 holds a format tag, A2, A3...
 *   hold the JSON in pieces of at most 32,000 characters (Excel's cell limit is 32,767).
 * - Lists too long for a validation's literal list go to the very hidden sheet '_lkh_lists'.
 * - Sheets named '_lkh…' are the add-in's own: listSheets leaves them out, readSheets and
 *   writeValues refuse them (see port/memory.ts for the rules all adapters share).
 * - Saved files ask Excel to recalculate on open (formulas written without cached values).
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet, WorksheetModel } from 'exceljs';
import type { Merge, SheetLayout } from '../layout/types';
import type { ReadCell } from '../port/memory';
import {
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
} from '../port/memory';
import type { CreateSheetOptions, DocumentState, ReadOptions, SheetData, WorkbookPort, WriteBlock } from '../port/types';
import { copyName } from '../port/types';
import type { RangeEnd } from '../util/a1';
import { parseRange } from '../util/a1';
import { plainValue, readCell } from './cell-values';
import { FileRefused, assertXlsx } from './inspect';
import { trimHugeRanges } from './trim';
import { ZipParts, verifyZip, zipCodecInUse } from './zip';
import { XmlError, XmlTokenizer } from './xml';
import { FastReadWorkbook } from './fast-read';
import type { PreparedSheet } from './splice';
import { NotSpliceable, prepareSheet, spliceSheets } from './splice';
import { MAX_CELL_CHARS, MAX_READ_CELLS, STATE_CHUNK, STATE_SHEET, STATE_TAG, stateJsonFromColumn, tooManyCells } from './limits';

export { MAX_CELL_CHARS, MAX_READ_CELLS, STATE_CHUNK, STATE_SHEET, STATE_TAG } from './limits';
import { applyLayout } from './layout-writer';
import { xlsxText, xmlSafe } from '../text';

/** Deflate level of saved files (1 fastest … 9 smallest; ExcelJS's default is 6). */
const SAVE_COMPRESSION = 1;


interface RangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Merges of a sheet, 0-based, sorted by position. */
function mergesOf(ws: Worksheet): Merge[] {
  // ExcelJS keeps merges in the private map _merges (master address → Range); its public
  // model.merges builds the whole sheet model, far slower on big sheets.
  const own = (ws as unknown as { _merges?: Record<string, RangeLike | undefined> })._merges;
  const ranges: RangeLike[] = own
    ? Object.values(own).filter((r): r is RangeLike => r !== undefined)
    : ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => rangeOf(m));
  return ranges
    .map((r) => ({ row: r.top - 1, col: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

function rangeOf(address: string): RangeLike {
  const r = parseRange(address);
  // 1-based, as ExcelJS's ranges are; an address that is not one reads as A1.
  const at = (end: RangeEnd | undefined): { row: number; col: number } => ({ row: (end?.row ?? 0) + 1, col: (end?.col ?? 0) + 1 });
  const a = at(r?.from);
  const b = at(r?.to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** Splits text into pieces of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
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

/** A deep copy of plain model data (objects, arrays, dates). */
function cloneModel<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cloneModel(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = cloneModel(v);
  return out as T;
}

function toArrayBuffer(data: Uint8Array | ArrayBuffer): ArrayBuffer {
  // ArrayBuffer.isView rather than instanceof: Node Buffers and arrays from other realms (jest) pass too.
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer;
  return data;
}

/** Runs a check of the file's bytes; a refusal (inspect.ts, zip.ts) becomes the port's PortError. */
async function refuseAsPortError<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof FileRefused) throw new PortError('WORKBOOK_INVALID', e.message);
    throw e;
  }
}

type CellLike = { type: number; value: unknown };

/** A cell value as written: its text through xlsxText (strings, rich text runs, a link's text, a formula's cached text), formulas through xmlSafe; undefined when unchanged. */
function encodedValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const t = xlsxText(value);
    return t === value ? undefined : t;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  const v = value as { richText?: { text: string }[]; text?: unknown; hyperlink?: unknown; formula?: unknown; result?: unknown };
  if (Array.isArray(v.richText)) {
    const runs = v.richText.map((r) => ({ ...r, text: xlsxText(r.text) }));
    return runs.some((r, i) => r.text !== v.richText?.[i].text) ? { ...v, richText: runs } : undefined;
  }
  if (typeof v.hyperlink === 'string' && typeof v.text === 'string') {
    const text = xlsxText(v.text);
    return text === v.text ? undefined : { ...v, text };
  }
  if (typeof v.formula === 'string') {
    const formula = xmlSafe(v.formula);
    const result = typeof v.result === 'string' ? xlsxText(v.result) : v.result;
    return formula === v.formula && result === v.result ? undefined : { ...v, formula, result };
  }
  return undefined;
}

/**
 * Readies the workbook's text for the file (text/xml-chars.ts): every cell's text escaped as Excel
 * escapes it, sheet names and validation lists and messages without the characters XML forbids.
 * Returns what puts the workbook back as it was, so the escaping never shows in memory.
 */
function escapeForSave(workbook: Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    const name = xmlSafe(ws.name);
    if (name !== ws.name) {
      const old = ws.name;
      // Past ExcelJS's setter (which checks only its own forbidden characters); put back after.
      (ws as unknown as { _name: string })._name = name;
      undo.push(() => {
        (ws as unknown as { _name: string })._name = old;
      });
    }
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const c = cell as unknown as CellLike;
        if (c.type === ExcelJS.ValueType.Merge) return;
        const value = c.value;
        // Never "Infinity" or "NaN" in a file: whatever put it there, the save stops before writing.
        if (typeof value === 'number' && !Number.isFinite(value)) {
          for (let i = undo.length - 1; i >= 0; i--) undo[i]();
          throw new PortError('BLOCK_INVALID', `Giá trị không ghi được vào ô ${cell.address} trên trang tính "${ws.name}": ${String(value)} không phải một số hữu hạn. Tệp chưa được ghi.`);
        }
        const encoded = encodedValue(value);
        if (encoded === undefined) return;
        cell.value = encoded as ExcelJS.CellValue;
        undo.push(() => {
          cell.value = value as ExcelJS.CellValue;
        });
      }),
    );
    const model = (ws as unknown as { dataValidations?: { model?: Record<string, Record<string, unknown> | undefined> } }).dataValidations?.model;
    for (const [address, rule] of Object.entries(model ?? {})) {
      if (!rule || !model) continue;
      const clean: Record<string, unknown> = { ...rule };
      let changed = false;
      for (const key of ['prompt', 'promptTitle', 'error', 'errorTitle']) {
        const v = rule[key];
        if (typeof v === 'string' && xmlSafe(v) !== v) {
          clean[key] = xmlSafe(v);
          changed = true;
        }
      }
      if (Array.isArray(rule.formulae)) {
        const formulae = rule.formulae.map((f: unknown) => (typeof f === 'string' ? xmlSafe(f) : f));
        if (formulae.some((f, i) => f !== (rule.formulae as unknown[])[i])) {
          clean.formulae = formulae;
          changed = true;
        }
      }
      if (changed) {
        model[address] = clean;
        undo.push(() => {
          model[address] = rule;
        });
      }
    }
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}

/**
 * ExcelJS reads a print area "$A$1:$F$16" back as "A1:F16" and writes that as "$A1:$F16", whose
 * rows LibreOffice does not take for a print area: a plan opened and saved again (a re-run, a
 * document recorded in its state) printed the row-key column beside every form. Every print area
 * is written with its rows fixed, as the layout writer sets it ("A$1:F$16").
 */
function keepPrintAreas(sheets: readonly Worksheet[]): void {
  for (const ws of sheets) {
    const area = ws.pageSetup?.printArea;
    if (typeof area !== 'string') continue;
    const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(area);
    if (m) ws.pageSetup.printArea = `${m[1]}$${m[2]}:${m[3]}$${m[4]}`;
  }
}

export interface LoadOptions {
  /**
   * Sheets the caller is about to delete, chosen from the names of the workbook's sheets (a
   * re-run's consolidation deletes the "(cũ)" copies of the sheets it replaces): they are listed
   * like the others, but their cells are not parsed. A deferred sheet that is used after all
   * (read, written, copied, renamed by a new sheet of its name, or still there when the workbook
   * is saved) is read then from the file's bytes, in full, as an ordinary load reads it; deleted,
   * it costs nothing. Sheets with parts of their own (pictures, comments, tables, links) and the
   * add-in's own sheets are never deferred.
   */
  readonly defer?: (names: readonly string[]) => readonly string[];
}

/**
 * Characters of XML a re-run keeps in memory from the plan it opens (ZipParts.verify): a commune's
 * plan of 1,000 activities with its "(cũ)" copies holds about 4 million; past this the file is read
 * from its bytes each time, as before.
 */
const KEEP_TEXT_CHARS = 64_000_000;

/** The value with every object and list in it frozen (iteratively: a state may nest deep). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const x of Object.values(v)) stack.push(x);
  }
  return value;
}

/** An element's name without its namespace prefix ("x:sheet" → "sheet"). */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A worksheet's part as ExcelJS and LKH write it: the only parts a sheet may be stubbed or made anew from. */
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A table of shared strings with none: what ExcelJS is given when no sheet it parses uses one. */
const EMPTY_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * LKH's own sheets (the state, the drop-downs' lists) read from the file's XML for a workbook
 * opened with deferred sheets, their parts stubbed in `changes` — and, when every other sheet is
 * stubbed too, the table of shared strings: ExcelJS then parses none of the plan's text (a
 * commune's plan of 1,000 activities holds 4,700 strings, the state 800,000 characters of them),
 * and the sheets get their values from here (load). Plain values only: a sheet holding a formula or
 * an error, or a file the XML reader does not take, is left to ExcelJS as before.
 */
async function ownSheetsFromXml(zip: ZipParts, sheets: readonly { name: string; path: string; related: boolean }[], changes: Map<string, string>): Promise<{ name: string; cells: readonly ReadCell[] }[]> {
  const own = sheets.filter((s) => isInternalSheet(s.name) && !s.related && SHEET_PART.test(s.path));
  if (own.length === 0) return [];
  let fast: FastReadWorkbook | undefined;
  try {
    fast = await FastReadWorkbook.open(zip.withTexts(changes));
  } catch {
    fast = undefined;
  }
  if (!fast) return [];
  const read: { name: string; cells: readonly ReadCell[] }[] = [];
  for (const s of own) {
    const cells = fast.internalCells(s.name);
    if (!cells || cells.some((c) => c.formula !== null || c.error !== null)) continue;
    read.push({ name: s.name, cells });
    changes.set(s.path, STUB_SHEET);
  }
  if (sheets.every((s) => changes.has(s.path))) changes.set('xl/sharedStrings.xml', EMPTY_STRINGS);
  return read;
}

/** The parts a workbook made by LKH (and saved again by Excel or LibreOffice) may hold for `freshWorkbook`. */
const PLAIN_PARTS = [/^\[Content_Types\]\.xml$/, /^_rels\/\.rels$/, /^docProps\/(app|core)\.xml$/, /^xl\/workbook\.xml$/, /^xl\/_rels\/workbook\.xml\.rels$/, /^xl\/styles\.xml$/, /^xl\/sharedStrings\.xml$/, /^xl\/theme\/theme\d+\.xml$/, SHEET_PART];
/** What <workbook> may hold for `freshWorkbook`: all that ExcelJS reads back from a file LKH wrote. */
const PLAIN_WORKBOOK = new Set(['fileVersion', 'workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr']);

/**
 * The ExcelJS workbook a file would load as when none of its sheets needs parsing (every sheet
 * deferred, or one of LKH's own read from the XML): its sheets made empty in their order with their
 * names and states, print areas and title rows, tab view and core properties (creator, dates) —
 * exactly what ExcelJS keeps of such a file, without ExcelJS reading it (about a tenth of a second
 * of a re-run, issue 23). Undefined when the file holds anything else (another part, a defined
 * name, a workbook setting, a print range of several areas, a title, a subject…): ExcelJS then
 * loads it as before.
 */
async function freshWorkbook(zip: ZipParts, sheets: readonly { name: string; path: string }[]): Promise<Workbook | undefined> {
  if (!zip.names().every((n) => PLAIN_PARTS.some((re) => re.test(n)))) return undefined;
  const [workbookXml, coreXml] = [await zip.text('xl/workbook.xml'), await zip.text('docProps/core.xml')];
  if (workbookXml === undefined) return undefined;
  const listed: { name: string; state: string }[] = [];
  const areas = new Map<number, string>();
  const titles = new Map<number, string>();
  let view: { x: number; y: number; width: number; height: number; firstSheet: number; activeTab: number } | undefined;
  try {
    const t = new XmlTokenizer(workbookXml);
    let defined: { name: string; sheet: number } | undefined;
    for (let kind = t.next(); kind !== 'end'; kind = t.next()) {
      if (kind === 'text') {
        if (defined && !t.blank) {
          const range = t.text.slice(t.text.lastIndexOf('!') + 1);
          const area = /^\$([A-Z]{1,3})\$(\d+):\$([A-Z]{1,3})\$(\d+)$/.exec(range);
          const rows = /^\$(\d+):\$(\d+)$/.exec(range);
          if (defined.name === '_xlnm.Print_Area' && area && !areas.has(defined.sheet)) areas.set(defined.sheet, `${area[1]}${area[2]}:${area[3]}${area[4]}`);
          else if (defined.name === '_xlnm.Print_Titles' && rows && !titles.has(defined.sheet)) titles.set(defined.sheet, `${rows[1]}:${rows[2]}`);
          else return undefined;
        }
        continue;
      }
      if (kind !== 'open') {
        defined = undefined;
        continue;
      }
      const name = localName(t.name);
      if (t.depth === 2 && !PLAIN_WORKBOOK.has(name)) return undefined;
      if (name === 'sheet') listed.push({ name: t.attr('name') ?? '', state: t.attr('state') ?? 'visible' });
      else if (name === 'workbookView') {
        const n = (a: string, d: number): number => (t.attr(a) === undefined ? d : Number(t.attr(a)));
        view = { x: n('xWindow', 0), y: n('yWindow', 0), width: n('windowWidth', 12000), height: n('windowHeight', 24000), firstSheet: n('firstSheet', 0), activeTab: n('activeTab', 0) };
      } else if (name === 'definedName') {
        const sheet = Number(t.attr('localSheetId'));
        if (!Number.isInteger(sheet) || sheet < 0 || sheet >= sheets.length) return undefined;
        defined = { name: t.attr('name') ?? '', sheet };
      }
    }
  } catch (e) {
    if (e instanceof XmlError) return undefined;
    throw e;
  }
  if (listed.length !== sheets.length || listed.some((l, i) => l.name !== sheets[i].name)) return undefined;
  // Core properties: the creator and the dates kept; any other text there leaves the file to ExcelJS.
  const props = new Map<string, string>();
  if (coreXml !== undefined) {
    try {
      const t = new XmlTokenizer(coreXml);
      let element = '';
      for (let kind = t.next(); kind !== 'end'; kind = t.next()) {
        if (kind === 'open') element = localName(t.name);
        else if (kind === 'text' && !t.blank) props.set(element, t.text);
      }
    } catch (e) {
      if (e instanceof XmlError) return undefined;
      throw e;
    }
  }
  if ([...props.keys()].some((k) => !['creator', 'lastModifiedBy', 'created', 'modified'].includes(k))) return undefined;
  const date = (k: string): Date | undefined => {
    const v = props.get(k);
    const d = v === undefined ? undefined : new Date(v);
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
  };
  const wb = new ExcelJS.Workbook();
  const creator = props.get('creator');
  const lastModifiedBy = props.get('lastModifiedBy');
  const created = date('created');
  const modified = date('modified');
  if (creator !== undefined) wb.creator = creator;
  if (lastModifiedBy !== undefined) wb.lastModifiedBy = lastModifiedBy;
  if (created) wb.created = created;
  if (modified) wb.modified = modified;
  if (view) wb.views = [{ ...view, visibility: 'visible' }];
  listed.forEach((l, i) => {
    const ws = wb.addWorksheet(l.name, { state: l.state === 'hidden' || l.state === 'veryHidden' ? l.state : 'visible' });
    const area = areas.get(i);
    const rows = titles.get(i);
    if (area !== undefined) ws.pageSetup.printArea = area;
    if (rows !== undefined) ws.pageSetup.printTitlesRow = rows;
  });
  return wb;
}

/** A worksheet part that reads as an empty sheet: what a deferred sheet holds until it is needed. */
const STUB_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/**
 * The workbook's sheets with the part holding each (xl/workbook.xml and its relationships, read
 * with the XML tokenizer), those with relationships of their own marked; [] when the parts cannot
 * be read so (ExcelJS then reads the file as it can, nothing is deferred).
 */
async function sheetParts(zip: ZipParts): Promise<{ name: string; path: string; related: boolean }[]> {
  const [workbook, rels] = [await zip.text('xl/workbook.xml'), await zip.text('xl/_rels/workbook.xml.rels')];
  if (workbook === undefined || rels === undefined) return [];
  try {
    const listed: { name: string; id: string }[] = [];
    const wb = new XmlTokenizer(workbook);
    for (let kind = wb.next(); kind !== 'end'; kind = wb.next()) {
      if (kind !== 'open' || localName(wb.name) !== 'sheet') continue;
      const name = wb.attr('name');
      const id = wb.attr('r:id');
      if (name !== undefined && id !== undefined) listed.push({ name, id });
    }
    const targets = new Map<string, string>();
    const rt = new XmlTokenizer(rels);
    for (let kind = rt.next(); kind !== 'end'; kind = rt.next()) {
      if (kind !== 'open' || localName(rt.name) !== 'Relationship') continue;
      const id = rt.attr('Id');
      const target = rt.attr('Target');
      if (id !== undefined && target !== undefined && (rt.attr('Type') ?? '').endsWith('/worksheet')) targets.set(id, target);
    }
    return listed.flatMap((s) => {
      const target = targets.get(s.id);
      if (target === undefined) return [];
      // As ExcelJS resolves it (xlsx.js reconcile): relative to xl/, a leading "/xl/" dropped.
      const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      const slash = path.lastIndexOf('/');
      return [{ name: s.name, path, related: zip.has(`${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`) }];
    });
  } catch (e) {
    if (e instanceof XmlError) return [];
    throw e;
  }
}

export class XlsxWorkbook implements WorkbookPort {
  /** The ExcelJS workbook, for the CLI and tests that need more than the port. */
  readonly workbook: Workbook;
  /** Sheets loaded empty (LoadOptions.defer), with their part in `original`, until they are read in full. */
  private readonly deferred = new Map<Worksheet, string>();
  private original: ArrayBuffer | undefined;
  /** The state last parsed, with the JSON it was parsed from (readState). */
  private stateRead: { readonly json: string; readonly state: DocumentState } | undefined;
  /** `original`'s parts, checked, their texts kept when they were small enough (ZipParts.verify). */
  private parts: ZipParts | undefined;
  /** The deferred sheets' cells, read from `original` by the XML reader (fast-read.ts), for the names it was opened for. */
  private fastRead: { names: Set<string>; port: FastReadWorkbook } | undefined;
  /** The sheets' names in `original`, by part. */
  private namesInFile: Map<string, string> | undefined;

  private constructor(workbook: Workbook) {
    this.workbook = workbook;
  }

  /** Opens an .xlsx file. Throws a PortError (WORKBOOK_INVALID) when the bytes are not one. */
  static async load(data: Uint8Array | ArrayBuffer, options: LoadOptions = {}): Promise<XlsxWorkbook> {
    const buffer = toArrayBuffer(data);
    // What the file is, from its bytes, before ExcelJS sees it: an .ods or a .docx renamed would
    // otherwise open as an empty workbook, a zip bomb would take gigabytes (inspect.ts), a zip
    // whose directory lies about its sizes too (zip.ts: every part inflated once, counted).
    const zip = await refuseAsPortError(async () => {
      const bytes = new Uint8Array(buffer);
      assertXlsx(bytes);
      return ZipParts.open(bytes);
    });
    const verified = async (): Promise<XlsxWorkbook> => {
      await refuseAsPortError(() => zip.verify());
      return XlsxWorkbook.open(buffer);
    };
    if (!options.defer) return verified();
    // Deferred sheets: their parts replaced by an empty sheet before ExcelJS parses the file, so the
    // sheet keeps its name, place, id, state and print area, and deleting it is what it was.
    const sheets = await refuseAsPortError(() => sheetParts(zip));
    const wanted = new Set(options.defer(sheets.map((s) => s.name)));
    const stubs = sheets.filter((s) => wanted.has(s.name) && !s.related && !isInternalSheet(s.name) && SHEET_PART.test(s.path));
    if (stubs.length === 0) return verified();
    // The other parts checked now and their texts kept; a deferred sheet's part is inflated (and
    // counted) when it is first read: the old copies a re-run deletes are never inflated at all.
    await refuseAsPortError(() => zip.verify({ keep: KEEP_TEXT_CHARS, later: new Set(stubs.map((s) => s.path)) }));
    const changes = new Map(stubs.map((s) => [s.path, STUB_SHEET]));
    const own = zip.keepsTexts ? await ownSheetsFromXml(zip, sheets, changes) : [];
    // Nothing left for ExcelJS to parse: the workbook is made as ExcelJS would load it.
    const fresh = sheets.every((s) => changes.has(s.path)) ? await freshWorkbook(zip, sheets) : undefined;
    // Else stubbed in a second reading of the zip's directory: `zip` keeps the original parts' texts.
    const wb = fresh ? new XlsxWorkbook(fresh) : await XlsxWorkbook.open(toArrayBuffer(await refuseAsPortError(async () => (await ZipParts.open(new Uint8Array(buffer))).rewrite(changes))));
    for (const { name, cells } of own) {
      const ws = wb.workbook.getWorksheet(name);
      if (!ws) continue;
      for (const c of cells) ws.getCell(c.row + 1, c.col + 1).value = c.value as ExcelJS.CellValue;
    }
    const paths = new Map(stubs.map((s) => [s.name, s.path]));
    for (const ws of wb.workbook.worksheets) {
      const path = paths.get(ws.name);
      if (path !== undefined) wb.deferred.set(ws, path);
    }
    wb.original = buffer;
    // Only when its texts were kept: reading it again would count against the same budget.
    if (zip.keepsTexts) wb.parts = zip;
    wb.namesInFile = new Map(sheets.map((s) => [s.path, s.name]));
    return wb;
  }

  /** Lets go of the file's bytes and texts once no sheet is deferred. */
  private forgetOriginal(): void {
    this.original = undefined;
    this.parts = undefined;
  }

  /**
   * Reads deferred sheets in full before they are used: the file's bytes loaded again by ExcelJS
   * (as an ordinary load reads them) and each sheet put in place of its empty stand-in, with the
   * same id, place, name and state.
   */
  private async materialize(sheets: readonly Worksheet[]): Promise<void> {
    const stubs = sheets.filter((ws) => this.deferred.has(ws));
    if (stubs.length === 0 || this.original === undefined) return;
    this.fastRead = undefined;
    // ExcelJS trusts the zip's directory: the parts left unread at load are checked first.
    const parts = this.parts;
    if (parts) await refuseAsPortError(() => parts.verifyRest());
    const full = new ExcelJS.Workbook();
    await full.xlsx.load(this.original);
    const slots = (this.workbook as unknown as { _worksheets: (Worksheet | undefined)[] })._worksheets;
    for (const stub of stubs) {
      // Found by the name its part has in the file (a workbook made by freshWorkbook numbers its sheets anew).
      const inFile = this.namesInFile?.get(this.deferred.get(stub) ?? '');
      this.deferred.delete(stub);
      const real = (inFile !== undefined ? full.getWorksheet(inFile) : undefined) ?? full.getWorksheet(stub.id);
      if (!real) continue;
      const inner = real as unknown as { _workbook: Workbook; orderNo: number; _name: string; id: number };
      inner.id = stub.id;
      inner._workbook = this.workbook;
      inner.orderNo = (stub as unknown as { orderNo: number }).orderNo;
      inner._name = stub.name;
      real.state = stub.state;
      slots[stub.id] = real;
    }
    if (this.deferred.size === 0) this.forgetOriginal();
  }

  /**
   * The cells of deferred sheets, read from the file's bytes by the XML reader (fast-read.ts: the
   * values, merges and fonts ExcelJS would read) with every other deferred sheet left out; undefined
   * when that reader does not take the file (ExcelJS then reads the sheets in full).
   */
  private async readDeferred(sheets: readonly Worksheet[], options?: ReadOptions): Promise<SheetData[] | undefined> {
    const original = this.original;
    if (original === undefined) return undefined;
    // Each read by the name its part has in the file (a deferred sheet may have been renamed since).
    const inFile = sheets.map((ws) => this.namesInFile?.get(this.deferred.get(ws) ?? '') ?? ws.name);
    try {
      let fast = this.fastRead;
      if (!fast || inFile.some((n) => !fast?.names.has(n))) {
        const wanted = new Set(sheets);
        const others = [...this.deferred].filter(([ws]) => !wanted.has(ws)).map(([, path]) => [path, STUB_SHEET] as const);
        const zip = this.parts ?? (await ZipParts.open(new Uint8Array(original)));
        const port = await FastReadWorkbook.open(others.length > 0 ? zip.withTexts(new Map(others)) : zip);
        if (!port) return undefined;
        fast = { names: new Set(inFile), port };
        this.fastRead = fast;
      }
      return (await fast.port.readSheets(inFile, options)).map((d, i) => ({ ...d, name: sheets[i].name }));
    } catch {
      // Whatever the XML reader refuses, ExcelJS reads as an ordinary load would.
      this.fastRead = undefined;
      return undefined;
    }
  }

  /** ExcelJS's reading of bytes already checked. */
  private static async open(buffer: ArrayBuffer): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buffer);
    } catch (e) {
      throw new PortError('WORKBOOK_INVALID', `tệp bị hỏng, không mở được như một sổ làm việc .xlsx. Hãy mở thử bằng Excel; nếu Excel sửa được, lưu lại rồi chọn lại.\nChi tiết kỹ thuật: ${(e as Error).message}`);
    }
    return new XlsxWorkbook(wb);
  }

  /**
   * Opens a file from outside to read it (a village's form, a commune's plan for the roll-up),
   * never to save it back: merges and validations covering more than 100,000 cells are dropped
   * first (trim.ts), so a 9 KB file with a validation on a whole column costs milliseconds, not
   * gigabytes. `dropped` says what was left out. Every failure is a PortError naming what is wrong
   * with this file (the caller names the file and goes on with the others). The file is first read
   * by the XML reader (fast-read.ts), whose refusals stand here too: XML that is not well-formed, or
   * that ExcelJS would read otherwise than Excel (CDATA in a value, "10000abc" in a number cell, two
   * <sheetData>…), is refused the same way whether the CLI or a pane's import opens it.
   */
  static async loadForReading(data: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook & { readonly dropped: readonly string[] }> {
    const bytes = new Uint8Array(toArrayBuffer(data));
    const trimmed = await refuseAsPortError(async () => {
      assertXlsx(bytes);
      await FastReadWorkbook.open(bytes);
      await verifyZip(bytes);
      return trimHugeRanges(bytes);
    });
    const wb = await XlsxWorkbook.open(toArrayBuffer(trimmed.bytes));
    return Object.assign(wb, { dropped: trimmed.dropped });
  }

  /** When the file was last saved, as its docProps/core.xml dcterms:modified says (ISO), if it says. */
  get modifiedAt(): string | undefined {
    const d: unknown = this.workbook.modified;
    return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
  }

  /** A new workbook without sheets. */
  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'LKH';
    wb.created = new Date();
    return new XlsxWorkbook(wb);
  }

  /** The .xlsx file. Needs at least one visible sheet (Excel opens no workbook without one). */
  async save(): Promise<Uint8Array> {
    // Deferred sheets still here (a re-run's replaced sheets, kept as "(cũ)" copies): their XML is
    // copied into the file as it is (splice.ts) when it can be, else they are read in full first.
    const spliced: { ws: Worksheet; sheet: PreparedSheet }[] = [];
    let from: { styles?: string; strings?: string } = {};
    const original = this.original;
    if (this.deferred.size > 0 && original !== undefined) {
      try {
        const zip = this.parts ?? (await ZipParts.open(new Uint8Array(original)));
        for (const [ws, source] of this.deferred) {
          const xml = await zip.text(source);
          const sheet = xml !== undefined ? prepareSheet(xml) : undefined;
          if (sheet) spliced.push({ ws, sheet });
        }
        const [styles, strings] = [await zip.text('xl/styles.xml'), await zip.text('xl/sharedStrings.xml')];
        from = { ...(styles !== undefined ? { styles } : {}), ...(strings !== undefined ? { strings } : {}) };
      } catch {
        spliced.length = 0;
      }
    }
    await this.materialize([...this.deferred.keys()].filter((ws) => !spliced.some((s) => s.ws === ws)));
    if (spliced.length === 0) return this.write();
    // Written first without compression when the platform deflates (zip.ts ZipCodec): the parts are
    // deflated once, by the rewrite that splices the copies in.
    const written = await this.write({ stored: zipCodecInUse() !== undefined });
    try {
      const to = await ZipParts.open(written);
      const targets = new Map((await sheetParts(to)).map((p) => [p.name, p.path]));
      const sheets = spliced.map(({ ws, sheet }) => {
        const target = targets.get(xmlSafe(ws.name));
        if (target === undefined) throw new NotSpliceable(`no part for ${ws.name}`);
        return { sheet, target };
      });
      const changes = await spliceSheets(from, to, sheets);
      return await to.rewrite(changes, SAVE_COMPRESSION);
    } catch {
      // Not copyable after all: read in full and written by ExcelJS, as an ordinary load would be.
      await this.materialize(spliced.map((s) => s.ws));
      return this.write();
    }
  }

  /**
   * The .xlsx file as ExcelJS writes it. With the platform's codec (zip.ts), ExcelJS stores the parts
   * and the codec deflates them (several times quicker than the JavaScript deflate ExcelJS uses);
   * `stored` gives the parts stored, for a caller that rewrites the zip anyway.
   */
  private async write(options: { readonly stored?: boolean } = {}): Promise<Uint8Array> {
    const sheets = this.workbook.worksheets;
    const firstVisible = sheets.findIndex((ws) => ws.state === 'visible' || ws.state === undefined);
    if (firstVisible < 0) {
      throw new PortError('WORKBOOK_INVALID', 'Sổ làm việc cần ít nhất một trang tính không ẩn để lưu.');
    }
    // The active tab must be a visible sheet, or Excel reports the file as damaged.
    const views = this.workbook.views ?? [];
    const view = views[0] ?? { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 0, visibility: 'visible' };
    const visible = (i: number | undefined): boolean => i !== undefined && sheets[i] !== undefined && sheets[i].state === 'visible';
    this.workbook.views = [
      {
        ...view,
        activeTab: visible(view.activeTab) ? view.activeTab : firstVisible,
        firstSheet: visible(view.firstSheet) ? view.firstSheet : firstVisible,
      },
      ...views.slice(1),
    ];
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    keepPrintAreas(sheets);
    // Fast compression (deflate level 1): a commune's plan of 1,000 activities saves about 0.2 s
    // sooner and weighs 330 KB instead of 255 KB (issue 13; the accountant waits, Zalo does not mind).
    // Everything written re-opens: the characters XML forbids escaped or replaced (text/xml-chars.ts).
    const restore = escapeForSave(this.workbook);
    try {
      if (zipCodecInUse() !== undefined) {
        const stored = new Uint8Array((await this.workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);
        return options.stored ? stored : await (await ZipParts.open(stored)).rewrite(new Map(), SAVE_COMPRESSION);
      }
      const out = await this.workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: SAVE_COMPRESSION } } });
      return new Uint8Array(out as ArrayBuffer);
    } finally {
      restore();
    }
  }

  private userSheets(): Worksheet[] {
    return this.workbook.worksheets.filter((ws) => !isInternalSheet(ws.name));
  }

  private userSheet(name: string): Worksheet | undefined {
    if (isInternalSheet(name)) return undefined;
    const lower = name.toLowerCase();
    return this.userSheets().find((ws) => ws.name.toLowerCase() === lower);
  }

  private sheet(name: string): Worksheet {
    const ws = this.userSheet(name);
    if (!ws) throw sheetNotFound(name);
    return ws;
  }

  async listSheets(): Promise<string[]> {
    return this.userSheets().map((ws) => ws.name);
  }

  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    const asked = names.map((n) => this.sheet(n));
    // Deferred sheets read from the file's XML (as fast as the village files are), else in full.
    const deferred = asked.filter((ws) => this.deferred.has(ws));
    const fromXml = deferred.length > 0 ? await this.readDeferred(deferred, options) : undefined;
    if (deferred.length > 0 && !fromXml) await this.materialize(deferred);
    const sheets = names.map((n) => this.sheet(n));
    const fonts = options?.fonts === true;
    // What one read may cost is bounded by what is filled, never by the used range (toSheetData),
    // and capped: a file cannot make a browser tab hold more than MAX_READ_CELLS cells.
    let total = 0;
    return sheets.map((ws) => {
      const read = fromXml?.[deferred.indexOf(ws)];
      if (read && this.deferred.has(ws)) return read;
      const cells: ReadCell[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const c = readCell(cell, fonts);
          if (!c) return;
          if (typeof c.value === 'string' && c.value.length > MAX_CELL_CHARS) {
            throw new PortError('CELL_TOO_LONG', `ô ${cell.address} của trang "${ws.name}" có ${c.value.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự một ô của Excel. Tệp có thể bị hỏng hoặc không phải do Excel tạo; hãy mở, sửa ô đó rồi lưu lại.`);
          }
          if (++total > MAX_READ_CELLS) {
            throw tooManyCells(ws.name);
          }
          cells.push(c);
        }),
      );
      return toSheetData(ws.name, cells, mergesOf(ws), ws.state === 'hidden' || ws.state === 'veryHidden', options);
    });
  }

  /** Writes values and formulas, keeping each cell's format. Formulas get no cached value (Excel computes them on open). */
  async writeValues(blocks: readonly WriteBlock[]): Promise<void> {
    checkBlocks(
      blocks,
      (name) => this.userSheet(name) !== undefined,
      (name) => mergesOf(this.sheet(name)),
    );
    await this.materialize(blocks.map((b) => this.sheet(b.sheet)));
    for (const b of blocks) {
      const ws = this.sheet(b.sheet);
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = b.row + i + 1;
          const c = b.col + j + 1;
          if (v === null || v === '') {
            const cell = ws.findCell(r, c);
            // A covered cell of a merge forwards writes to its top-left cell: leave it alone.
            if (cell && cell.type !== ExcelJS.ValueType.Merge) cell.value = null;
            return;
          }
          ws.getCell(r, c).value = typeof v === 'object' ? { formula: bareFormula(v.formula) } : v;
        }),
      );
    }
  }

  async createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    checkSheetName(layout.name);
    checkLayoutValues(layout);
    // A deferred sheet replaced here is renamed as it is (copied into the file when saved, or read then).
    const old = this.userSheet(layout.name);
    const oldName = old?.name;
    let keptCopy: string | undefined;
    if (old) {
      if ((options?.existing ?? 'copy') === 'fail') throw sheetExists(old.name);
      keptCopy = copyName(
        old.name,
        this.workbook.worksheets.map((ws) => ws.name),
      );
      old.name = keptCopy;
    }
    checkNewSheetName(
      layout.name,
      this.workbook.worksheets.map((ws) => ws.name),
    );
    const ws = this.workbook.addWorksheet(layout.name);
    try {
      applyLayout(this.workbook, ws, layout);
    } catch (e) {
      // Leave the workbook as it was: no half-written sheet, the old sheet under its own name.
      this.workbook.removeWorksheet(ws.id);
      if (old && oldName !== undefined) old.name = oldName;
      throw e;
    }
    return keptCopy === undefined ? {} : { keptCopy };
  }

  /** Copies a sheet through its ExcelJS model (values, formulas, styles, merges, sizes, validations, print setup, views) to a new visible sheet at the end. Tables are not copied (their names are workbook-wide). */
  async copySheet(from: string, to: string): Promise<void> {
    await this.materialize([this.sheet(from)]);
    const source = this.sheet(from);
    checkNewSheetName(
      to,
      this.workbook.worksheets.map((ws) => ws.name),
    );
    const model = cloneModel(source.model) as WorksheetModel & { merges?: string[] };
    const copy = this.workbook.addWorksheet(to);
    copy.model = { ...model, id: copy.id, name: to, tables: [], mergeCells: model.merges ?? [] } as unknown as WorksheetModel;
    copy.name = to;
    copy.state = 'visible';
  }

  /**
   * Deletes sheets, all or none (checkDeletion: the very hidden state and lists sheets are never
   * found). Workbook-level defined names lose their ranges on the deleted sheets (a name left with
   * none is dropped, as ExcelJS drops it on save); print areas and titles live on each sheet's page
   * setup and go with it.
   */
  async deleteSheets(names: readonly string[]): Promise<void> {
    const sheets = this.workbook.worksheets;
    const doomed = checkDeletion(
      names,
      sheets.map((ws) => ({ name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden' })),
    );
    if (doomed.length === 0) return;
    const gone = new Set(doomed.map((n) => n.toLowerCase()));
    const onGoneSheet = (range: string): boolean => {
      const bang = range.lastIndexOf('!');
      if (bang < 0) return false;
      const sheet = range.slice(0, bang);
      const name = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
      return gone.has(name.toLowerCase());
    };
    const definedNames = this.workbook.definedNames.model;
    if (definedNames.some((d) => d.ranges.some(onGoneSheet))) {
      this.workbook.definedNames.model = definedNames.map((d) => ({ ...d, ranges: d.ranges.filter((r) => !onGoneSheet(r)) }));
    }
    for (const ws of sheets) {
      if (!gone.has(ws.name.toLowerCase())) continue;
      this.workbook.removeWorksheet(ws.id);
      this.deferred.delete(ws);
      this.fastRead = undefined;
    }
    if (this.deferred.size === 0) this.forgetOriginal();
  }

  private stateSheet(): Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === STATE_SHEET);
  }

  async readState(): Promise<DocumentState> {
    const ws = this.stateSheet();
    if (!ws) return {};
    const json = stateJsonFromColumn((row) => plainValue(ws.findCell(row + 1, 1)?.value).value);
    if (json === undefined) return {};
    // A consolidation reads the state four times (its edits, its name and year, the plan's sheets,
    // the findings), a commune's of 1,000 activities holding some 800,000 characters: parsed and
    // checked once while the sheet holds the same text. Frozen, so no reader can change what the
    // next one gets.
    if (this.stateRead?.json === json) return this.stateRead.state;
    const state = deepFreeze(stateFromJson(json));
    this.stateRead = { json, state };
    return state;
  }

  async writeState(state: DocumentState): Promise<void> {
    const json = stateToJson(state);
    const ws = this.stateSheet() ?? this.workbook.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    ws.state = 'veryHidden';
    const pieces = splitText(json, STATE_CHUNK);
    const previous = ws.rowCount;
    ws.getCell(1, 1).value = STATE_TAG;
    pieces.forEach((p, i) => {
      ws.getCell(i + 2, 1).value = p;
    });
    for (let r = pieces.length + 2; r <= previous; r++) {
      const cell = ws.findCell(r, 1);
      if (cell) cell.value = null;
    }
  }
}
