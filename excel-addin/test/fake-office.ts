/**
 * A strict fake of exactly the office-js surface OfficeWorkbook and OfficeHost use (the Xl*
 * interfaces of src/office-port.ts), over an in-memory workbook. Strict where office-js is:
 * - commands queue and run only at context.sync(); a property read before load() + sync() throws
 *   PropertyNotLoaded; objects outlive neither their Excel.run nor a deleted sheet;
 * - every object is a Proxy: touching anything outside the faked surface throws, and so does an
 *   API newer than the fake's ExcelApi version (ApiNotFound), to prove the adapter's gating;
 * - each sync is one request: its size is measured (JSON of the commands) and a request or a
 *   response over 5 MB throws RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - written strings are parsed as Excel parses typed input ("=…" a formula, "0123" a number,
 *   "TRUE" a boolean, "'…" text); writing into the covered cell of a merged area throws;
 * - formulas are computed (numbers, references, + - * /, SUM) after a request that wrote, unless
 *   calculation was suspended for it; suspension flags are logged with every command.
 * The model: sheets with values, formulas, errors, formats (font, fill, alignment, borders,
 * number formats), merged areas, data validations, page layout, frozen panes, sizes, tab colours.
 */
import ExcelJS from 'exceljs';
import type { Merge } from '../../core/src/layout/types';
import type { MemoryCellInput } from '../../core/src/port';
import { MAX_COLS, MAX_ROWS } from '../../core/src/port';
import { columnName, quoteSheet, rangeA1 } from '../../core/src/util/a1';
import { readCell } from '../../core/src/xlsx/cell-values';
import type {
  ExcelRun,
  XlApplication,
  XlBorder,
  XlBorderIndex,
  XlCellProperties,
  XlChart,
  XlChartCollection,
  XlClientResult,
  XlContext,
  XlDataValidation,
  XlFill,
  XlFont,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlValidationRule,
  XlValue,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../src/office-port';
import { versionAtLeast } from '../src/office-port';

/** Excel on the web's limit for a request and for a response. */
export const PAYLOAD_LIMIT = 5_000_000;

/** An error as office-js reports it (OfficeExtension.Error has a code). */
export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'OfficeExtension.Error';
    this.code = code;
  }
}

const notLoaded = (what: string): FakeOfficeError =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---------------------------------------------------------------------------------------
// The model

export interface FakeBorders {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface FakeCell {
  /** What Range.values gives: '' for empty; for an error, its code. */
  value: XlValue;
  /** '=…' */
  formula?: string;
  error?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean };
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: FakeBorders;
}

export interface FakeValidation {
  readonly range: Merge;
  rule?: XlValidationRule;
  errorAlert?: XlDataValidation['errorAlert'];
  ignoreBlanks?: boolean;
}

export interface FakePage {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  centerFooter?: string;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

const keyOf = (row: number, col: number): number => row * MAX_COLS + col;
const rowOf = (key: number): number => Math.floor(key / MAX_COLS);
const colOf = (key: number): number => key % MAX_COLS;
const inRect = (r: Rect, row: number, col: number): boolean => row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols;
const DEFAULT_FONT = 'Calibri';

export class FakeSheet {
  name: string;
  visibility = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, FakeCell>();
  merges: Merge[] = [];
  validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  page: FakePage = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 } };
  freeze: { rows: number; cols: number } | undefined;
  /** Charts added (ExcelApi 1.1), with their source range and position as A1 addresses. */
  charts: FakeChartModel[] = [];
  deleted = false;

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(keyOf(row, col));
  }

  /** The cell at an A1 address ("B7"), for tests. */
  at(address: string): FakeCell | undefined {
    const r = parseAddress(address);
    return this.cell(r.top, r.left);
  }

  ensure(row: number, col: number): FakeCell {
    const k = keyOf(row, col);
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { value: '' }));
    return c;
  }

  hasContent(c: FakeCell): boolean {
    return c.value !== '' || c.formula !== undefined || c.error !== undefined;
  }

  /** Bounding box of cells holding something (a value, or with formats too unless valuesOnly) within a rectangle. */
  usedRect(within: Rect, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly && !this.hasContent(c)) continue;
      const r = rowOf(k);
      const col = colOf(k);
      if (!inRect(within, r, col)) continue;
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clone(name: string): FakeSheet {
    const s = new FakeSheet(name);
    for (const [k, c] of this.cells) s.cells.set(k, structuredClone(c));
    s.merges = this.merges.map((m) => ({ ...m }));
    s.validations = this.validations.map((v) => structuredClone(v));
    for (const [k, v] of this.columnWidths) s.columnWidths.set(k, v);
    for (const [k, v] of this.rowHeights) s.rowHeights.set(k, v);
    s.page = structuredClone(this.page);
    s.freeze = this.freeze ? { ...this.freeze } : undefined;
    s.tabColor = this.tabColor;
    return s;
  }
}

/** "A1", "A1:D6", "$A$1", "A:C", "3:5". */
export function parseAddress(address: string): Rect {
  const clean = address.replace(/\$/g, '').trim().toUpperCase();
  const [from, to = from] = clean.split(':');
  const part = (s: string): { row?: number; col?: number } => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(s);
    if (!m || (m[1] === '' && m[2] === '')) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}".`);
    let col: number | undefined;
    if (m[1] !== '') {
      col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
    }
    return { col, row: m[2] !== '' ? Number(m[2]) - 1 : undefined };
  };
  const a = part(from);
  const b = part(to);
  const top = a.row ?? 0;
  const bottom = b.row ?? MAX_ROWS - 1;
  const left = a.col ?? 0;
  const right = b.col ?? MAX_COLS - 1;
  if (top < 0 || left < 0 || bottom < top || right < left || bottom >= MAX_ROWS || right >= MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}".`);
  }
  return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/** Excel's reading of a written value, as if typed. null: leave the cell as it is. */
function parseInput(v: unknown): { value: XlValue; formula?: string; error?: string; quotePrefix?: boolean; numberFormat?: string } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', `Invalid number ${v}.`);
    return { value: v };
  }
  if (typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', `Invalid cell value ${JSON.stringify(v)}.`);
  if (v === '') return { value: '' };
  if (v.startsWith("'")) return { value: v.slice(1), quotePrefix: true };
  if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
  const t = v.trim();
  if (ERROR_CODES.has(t.toUpperCase())) return { value: t.toUpperCase(), error: t.toUpperCase() };
  const n = t.replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(n)) return { value: n.endsWith('%') ? Number(n.slice(0, -1)) / 100 : Number(n) };
  if (t.startsWith('+') || t.startsWith('-') || t.startsWith('@')) return { value: '#NAME?', formula: `=${t.replace(/^[+@]/, '')}`, error: '#NAME?' };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  const d = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/.exec(t);
  if (d) {
    const serial = Date.UTC(Number(d[3]) < 100 ? 2000 + Number(d[3]) : Number(d[3]), Number(d[1]) - 1, Number(d[2])) / 86_400_000 + 25569;
    return { value: serial, numberFormat: 'm/d/yyyy' };
  }
  return { value: v };
}

// ---------------------------------------------------------------------------------------
// Formulas: a small evaluator (numbers, references, + - * /, parentheses, SUM)

type Evaluated = { value: number } | { error: string } | undefined;

function evaluate(sheet: FakeSheet, formula: string): Evaluated {
  const src = formula.slice(1).replace(/\s+/g, '');
  let pos = 0;
  class Unsupported extends Error {}
  const cellNumber = (row: number, col: number): number | { error: string } => {
    const c = sheet.cell(row, col);
    if (!c) return 0;
    if (c.error !== undefined) return { error: c.error };
    if (typeof c.value === 'number') return c.value;
    if (typeof c.value === 'boolean') return c.value ? 1 : 0;
    if (c.value === '') return 0;
    return { error: '#VALUE!' };
  };
  const ref = (): Rect | undefined => {
    const m = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/i.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return parseAddress(m[0]);
  };
  const isError = (x: unknown): x is { error: string } => typeof x === 'object' && x !== null;
  const expr = (): number | { error: string } => {
    let left = term();
    while (src[pos] === '+' || src[pos] === '-') {
      const op = src[pos++];
      const right = term();
      if (isError(left)) continue;
      if (isError(right)) left = right;
      else left = op === '+' ? left + right : left - right;
    }
    return left;
  };
  const term = (): number | { error: string } => {
    let left = factor();
    while (src[pos] === '*' || src[pos] === '/') {
      const op = src[pos++];
      const right = factor();
      if (isError(left)) continue;
      if (isError(right)) left = right;
      else if (op === '/' && right === 0) left = { error: '#DIV/0!' };
      else left = op === '*' ? left * right : left / right;
    }
    return left;
  };
  const factor = (): number | { error: string } => {
    const ch = src[pos];
    if (ch === '-' || ch === '+') {
      pos++;
      const v = factor();
      return isError(v) || ch === '+' ? v : -v;
    }
    if (ch === '(') {
      pos++;
      const v = expr();
      if (src[pos++] !== ')') throw new Unsupported();
      return v;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    if (/^SUM\(/i.test(src.slice(pos))) {
      pos += 4;
      let total = 0;
      let err: { error: string } | undefined;
      for (;;) {
        const r = ref();
        if (r) {
          for (let i = 0; i < r.rows; i++) {
            for (let j = 0; j < r.cols; j++) {
              const c = sheet.cell(r.top + i, r.left + j);
              if (c?.error !== undefined) err ??= { error: c.error };
              else if (typeof c?.value === 'number') total += c.value;
            }
          }
        } else {
          const v = expr();
          if (isError(v)) err ??= v;
          else total += v;
        }
        if (src[pos] === ',') {
          pos++;
          continue;
        }
        if (src[pos++] !== ')') throw new Unsupported();
        break;
      }
      return err ?? total;
    }
    const r = ref();
    if (r && r.rows === 1 && r.cols === 1) return cellNumber(r.top, r.left);
    throw new Unsupported();
  };
  try {
    const v = expr();
    if (pos !== src.length) return undefined;
    return isError(v) ? v : { value: v };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Requests

/** One command as the fake ran it. */
export interface FakeOpLog {
  readonly kind: string;
  readonly sheet?: string;
  readonly address?: string;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
}

/** One sync: its size both ways and its commands. */
export interface FakeRequest {
  readonly index: number;
  readonly requestBytes: number;
  responseBytes: number;
  readonly ops: FakeOpLog[];
}

interface Exec {
  readonly excel: FakeExcel;
  readonly log: FakeRequest;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  wrote: boolean;
  readonly commits: (() => void)[];
  record(kind: string, sheet?: FakeSheet, address?: string): void;
  respond(value: unknown): void;
}

interface Queued {
  readonly bytes: number;
  readonly run: (x: Exec) => void | Promise<void>;
}

function utf8(s: string): number {
  return new TextEncoder().encode(s).length;
}

function jsonBytes(v: unknown): number {
  return utf8(JSON.stringify(v) ?? 'null');
}

class FakeContext implements XlContext {
  readonly excel: FakeExcel;
  readonly workbook: XlWorkbook;
  queue: Queued[] = [];
  closed = false;

  constructor(excel: FakeExcel) {
    this.excel = excel;
    this.workbook = strict(new FakeWorkbookObject(this));
  }

  enqueue(path: string, name: string, args: unknown[], run: (x: Exec) => void | Promise<void>): void {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts (its Excel.run has ended).');
    this.queue.push({ bytes: jsonBytes([path, name, args]), run });
  }

  async sync(): Promise<unknown> {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'The request context has ended.');
    const ops = this.queue;
    this.queue = [];
    const excel = this.excel;
    excel.syncs++;
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const log: FakeRequest = { index: excel.requests.length, requestBytes, responseBytes: 0, ops: [] };
    excel.requests.push(log);
    if (excel.failAt !== undefined && log.index === excel.failAt) {
      throw new FakeOfficeError('GeneralException', `fake-office: request ${log.index} fails (injected).`);
    }
    if (requestBytes > excel.requestLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }
    const x: Exec = {
      excel,
      log,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
      wrote: false,
      commits: [],
      record(kind, sheet, address) {
        log.ops.push({ kind, sheet: sheet?.name, address, calculationSuspended: this.calculationSuspended, screenUpdatingSuspended: this.screenUpdatingSuspended });
      },
      respond(value) {
        log.responseBytes += jsonBytes(value);
      },
    };
    for (const op of ops) await op.run(x);
    if (x.wrote && !x.calculationSuspended) excel.recalculate();
    if (log.responseBytes > excel.responseLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${log.responseBytes} bytes) has exceeded the limit.`);
    }
    for (const c of x.commits) c();
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Client objects

const PASS = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

/** Wraps a client object: anything outside the faked surface throws. */
function strict<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'symbol' || p in t) return Reflect.get(t, p, r);
      if (PASS.has(p)) return undefined;
      throw new FakeOfficeError('FakeSurface', `fake-office: ${t.constructor.name}.${p} is not part of the faked office-js surface`);
    },
    set(t, p, v, r) {
      if (typeof p === 'symbol' || p in t) return Reflect.set(t, p, v, r);
      throw new FakeOfficeError('FakeSurface', `fake-office: ${t.constructor.name}.${String(p)} is not part of the faked office-js surface`);
    },
  });
}

abstract class ClientObject {
  readonly _ctx: FakeContext;
  readonly _path: string;
  _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined = undefined;

  constructor(ctx: FakeContext, path: string) {
    this._ctx = ctx;
    this._path = path;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    if (this._isNull) throw new FakeOfficeError('InvalidObjectPath', `fake-office: '${prop}' read on a null object; check isNullObject first.`);
    return this._loaded.get(prop) as T;
  }

  _requires(version: string, what: string): void {
    if (!versionAtLeast(this._ctx.excel.apiVersion, version)) {
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ${this._ctx.excel.apiVersion}.`);
    }
  }

  _enqueue(name: string, args: unknown[], run: (x: Exec) => void | Promise<void>): void {
    this._ctx.enqueue(this._path, name, args, run);
  }

  /** Whether the object is a null object, at run time. */
  _null(): boolean {
    return false;
  }

  /** A property's value at run time; unknown names throw. */
  abstract _snapshot(prop: string): unknown;

  load(propertyNames: string): this {
    const names = propertyNames
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    this._enqueue('load', [names], (x) => {
      const isNull = this._null();
      const values = new Map<string, unknown>();
      if (!isNull) {
        for (const n of names) {
          const v = this._snapshot(n);
          x.respond(v);
          values.set(n, v);
        }
      }
      x.record('load');
      x.commits.push(() => {
        this._isNull = isNull;
        for (const [k, v] of values) this._loaded.set(k, v);
      });
    });
    return this;
  }
}

class FakeWorkbookObject extends ClientObject implements XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;

  constructor(ctx: FakeContext) {
    super(ctx, 'workbook');
    this.worksheets = strict(new FakeWorksheetCollection(ctx));
    this.application = strict(new FakeApplication(ctx));
  }

  _snapshot(prop: string): unknown {
    throw new FakeOfficeError('FakeSurface', `fake-office: Workbook.${prop} is not faked`);
  }

  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' }): XlClientResult<string[]> {
    this._requires('1.13', 'Workbook.insertWorksheetsFromBase64');
    const result = new FakeClientResult<string[]>();
    this._enqueue('insertWorksheetsFromBase64', [base64File, options ?? {}], async (x) => {
      const names = await x.excel.insertFromXlsx(Buffer.from(base64File, 'base64'));
      x.record('insert');
      x.respond(names);
      x.commits.push(() => result.set(names));
    });
    return strict(result);
  }
}

class FakeClientResult<T> implements XlClientResult<T> {
  _value: T | undefined = undefined;
  _ready = false;

  get value(): T {
    if (!this._ready) throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this._value as T;
  }

  set(v: T): void {
    this._value = v;
    this._ready = true;
  }
}

class FakeApplication extends ClientObject implements XlApplication {
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook.application');
  }

  _snapshot(prop: string): unknown {
    throw new FakeOfficeError('FakeSurface', `fake-office: Application.${prop} is not faked`);
  }

  suspendApiCalculationUntilNextSync(): void {
    this._requires('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this._enqueue('suspendApiCalculationUntilNextSync', [], (x) => {
      x.calculationSuspended = true;
      x.record('suspendCalculation');
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._requires('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this._enqueue('suspendScreenUpdatingUntilNextSync', [], (x) => {
      x.screenUpdatingSuspended = true;
      x.record('suspendScreenUpdating');
    });
  }

  calculate(calculationType: 'Recalculate'): void {
    this._enqueue('calculate', [calculationType], (x) => {
      x.excel.recalculate();
      x.record('calculate');
    });
  }
}

class FakeWorksheetCollection extends ClientObject implements XlWorksheetCollection {
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook.worksheets');
  }

  get items(): XlWorksheet[] {
    return this._get<XlWorksheet[]>('items');
  }

  _snapshot(prop: string): unknown {
    throw new FakeOfficeError('FakeSurface', `fake-office: WorksheetCollection.${prop} is not faked`);
  }

  load(propertyNames: string): this {
    const names = propertyNames
      .split(',')
      .map((s) => s.trim().replace(/^items\//, ''))
      .filter((s) => s !== '');
    this._enqueue('load', [names], (x) => {
      const sheets = x.excel.sheets.map((s, i) => {
        const ws = new FakeWorksheet(this._ctx, `${this._path}.items[${i}]`, () => s);
        ws._model = s;
        ws._isNull = false;
        for (const n of names) {
          const v = ws._snapshot(n);
          x.respond(v);
          ws._loaded.set(n, v);
        }
        return strict(ws);
      });
      x.record('load');
      x.commits.push(() => {
        this._isNull = false;
        this._loaded.set('items', sheets);
      });
    });
    return this;
  }

  add(name: string): XlWorksheet {
    const ws = new FakeWorksheet(this._ctx, `${this._path}.add(${JSON.stringify(name)})`, () => {
      throw new FakeOfficeError('InvalidObjectPath', 'fake-office: the added sheet is used before it was added');
    });
    this._enqueue('add', [name], (x) => {
      x.excel.checkNewName(name);
      const s = new FakeSheet(name);
      x.excel.sheets.push(s);
      ws._model = s;
      x.record('sheet.add', s);
    });
    return strict(ws);
  }

  getItem(key: string): XlWorksheet {
    return strict(
      new FakeWorksheet(this._ctx, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
        const s = this._ctx.excel.findSheet(key);
        if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet "${key}".`);
        return s;
      }),
    );
  }
}

class FakeWorksheet extends ClientObject implements XlWorksheet {
  _model: FakeSheet | undefined = undefined;
  readonly _resolve: () => FakeSheet;

  constructor(ctx: FakeContext, path: string, resolve: () => FakeSheet) {
    super(ctx, path);
    this._resolve = resolve;
  }

  /** The sheet, bound at first use while a request runs. */
  _sheet(): FakeSheet {
    if (!this._model) this._model = this._resolve();
    if (this._model.deleted) throw new FakeOfficeError('ItemNotFound', `The worksheet "${this._model.name}" was deleted.`);
    return this._model;
  }

  _snapshot(prop: string): unknown {
    const s = this._sheet();
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        this._requires('1.7', 'Worksheet.tabColor');
        return s.tabColor;
      default:
        throw new FakeOfficeError('FakeSurface', `fake-office: Worksheet.${prop} is not faked`);
    }
  }

  get name(): string {
    return this._get<string>('name');
  }

  set name(value: string) {
    this._enqueue('set name', [value], (x) => {
      const s = this._sheet();
      x.excel.checkNewName(value, s);
      s.name = value;
      x.record('sheet.rename', s);
    });
  }

  get visibility(): string {
    return this._get<string>('visibility');
  }

  set visibility(value: string) {
    this._enqueue('set visibility', [value], (x) => {
      const s = this._sheet();
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw new FakeOfficeError('InvalidArgument', `Invalid visibility ${value}.`);
      if (value !== 'Visible' && s.visibility === 'Visible' && x.excel.sheets.filter((o) => o.visibility === 'Visible' && !o.deleted).length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = value;
      x.record('sheet.visibility', s);
    });
  }

  get tabColor(): string {
    this._requires('1.7', 'Worksheet.tabColor');
    return this._get<string>('tabColor');
  }

  set tabColor(value: string) {
    this._requires('1.7', 'Worksheet.tabColor');
    this._enqueue('set tabColor', [value], (x) => {
      const s = this._sheet();
      s.tabColor = value === '' ? '' : value.toUpperCase();
      x.record('sheet.tabColor', s);
    });
  }

  get freezePanes(): XlWorksheet['freezePanes'] {
    this._requires('1.7', 'Worksheet.freezePanes');
    return strict(new FakeFreezePanes(this));
  }

  get pageLayout(): XlPageLayout {
    this._requires('1.9', 'Worksheet.pageLayout');
    return strict(new FakePageLayout(this));
  }

  get charts(): XlChartCollection {
    this._requires('1.1', 'Worksheet.charts');
    return strict(new FakeChartCollection(this));
  }

  getRange(address?: string): XlRange {
    const rect = address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address);
    return strict(new FakeRange(this._ctx, `${this._path}.getRange(${JSON.stringify(address ?? '')})`, this, () => rect));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return strict(
      new FakeRange(this._ctx, `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`, this, () =>
        this._sheet().usedRect({ top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS }, valuesOnly === true),
      ),
    );
  }

  copy(positionType: 'End'): XlWorksheet {
    this._requires('1.7', 'Worksheet.copy');
    const ws = new FakeWorksheet(this._ctx, `${this._path}.copy(${positionType})`, () => {
      throw new FakeOfficeError('InvalidObjectPath', 'fake-office: the copy is used before it was made');
    });
    this._enqueue('copy', [positionType], (x) => {
      const s = this._sheet();
      const name = x.excel.autoName(s.name);
      const copy = s.clone(name);
      copy.visibility = s.visibility;
      x.excel.sheets.push(copy);
      ws._model = copy;
      x.record('sheet.copy', copy);
    });
    return strict(ws);
  }

  /** ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)). */
  delete(): void {
    this._requires('1.1', 'Worksheet.delete');
    this._enqueue('delete', [], (x) => {
      const s = this._sheet();
      if (s.visibility === 'Visible' && x.excel.sheets.filter((o) => o.visibility === 'Visible').length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.deleted = true;
      x.excel.sheets.splice(x.excel.sheets.indexOf(s), 1);
      x.record('sheet.delete', s);
    });
  }

  activate(): void {
    this._enqueue('activate', [], (x) => {
      const s = this._sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden worksheet.');
      x.excel.activeSheet = s.name;
      x.record('sheet.activate', s);
    });
  }
}

export interface FakeChartModel {
  name: string;
  type: string;
  seriesBy: string;
  /** "F2:G5". */
  source: string;
  title: string;
  legend: boolean;
  /** "A30:J45", once setPosition ran. */
  position?: string;
}

/** "F2:G5" of a rectangle. */
const rectAddress = (r: Rect): string => rangeA1(r.top, r.left, r.rows, r.cols);

/** Excel.ChartType values the fake accepts (a subset; https://learn.microsoft.com/javascript/api/excel/excel.charttype). */
const CHART_TYPES = new Set(['BarClustered', 'ColumnClustered', 'Pie', 'Line', 'Doughnut']);

class FakeChartCollection {
  readonly _ws: FakeWorksheet;

  constructor(ws: FakeWorksheet) {
    this._ws = ws;
  }

  add(type: string, sourceData: XlRange, seriesBy = 'Auto'): XlChart {
    if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `fake-office: chart type ${type} is not faked.`);
    if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new FakeOfficeError('InvalidArgument', `Invalid seriesBy ${seriesBy}.`);
    const chart = new FakeChart(this._ws);
    this._ws._enqueue('charts.add', [type, seriesBy], (x) => {
      const s = this._ws._sheet();
      const { sheet, rect } = (sourceData as unknown as FakeRange)._area();
      if (sheet !== s) throw new FakeOfficeError('InvalidArgument', 'A chart takes its data from its own worksheet here.');
      const model: FakeChartModel = { name: `Chart ${s.charts.length + 1}`, type, seriesBy, source: rectAddress(rect), title: '', legend: true };
      s.charts.push(model);
      chart._model = model;
      x.record('chart.add', s, model.source);
    });
    return strict(chart);
  }
}

class FakeChart implements XlChart {
  readonly _ws: FakeWorksheet;
  _model: FakeChartModel | undefined;

  constructor(ws: FakeWorksheet) {
    this._ws = ws;
  }

  _chart(): FakeChartModel {
    if (!this._model) throw new FakeOfficeError('InvalidObjectPath', 'fake-office: the chart is used before it was added');
    return this._model;
  }

  get name(): string {
    throw new FakeOfficeError('PropertyNotLoaded', 'fake-office: Chart.name is not loaded (load it first).');
  }

  set name(value: string) {
    this._ws._enqueue('chart.name', [value], () => void (this._chart().name = value));
  }

  get title(): { text: string } {
    const set = (text: string) => this._ws._enqueue('chart.title.text', [text], () => void (this._chart().title = text));
    return strict({
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'fake-office: ChartTitle.text is not loaded.');
      },
      set text(v: string) {
        set(v);
      },
    });
  }

  get legend(): { visible: boolean } {
    const set = (visible: boolean) => this._ws._enqueue('chart.legend.visible', [visible], () => void (this._chart().legend = visible));
    return strict({
      get visible(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'fake-office: ChartLegend.visible is not loaded.');
      },
      set visible(v: boolean) {
        set(v);
      },
    });
  }

  setPosition(startCell: string, endCell?: string): void {
    const start = parseAddress(startCell);
    const end = parseAddress(endCell ?? startCell);
    this._ws._enqueue('chart.setPosition', [startCell, endCell], (x) => {
      const c = this._chart();
      c.position = rectAddress({ top: start.top, left: start.left, rows: end.top - start.top + 1, cols: end.left - start.left + 1 });
      x.record('chart.position', this._ws._sheet(), c.position);
    });
  }
}

class FakeFreezePanes {
  readonly _ws: FakeWorksheet;

  constructor(ws: FakeWorksheet) {
    this._ws = ws;
  }

  _set(name: string, arg: unknown, freeze: { rows: number; cols: number }): void {
    this._ws._enqueue(`freezePanes.${name}`, [arg], (x) => {
      const s = this._ws._sheet();
      s.freeze = freeze;
      x.record('freeze', s);
    });
  }

  freezeRows(count: number): void {
    this._set('freezeRows', count, { rows: count, cols: 0 });
  }

  freezeColumns(count: number): void {
    this._set('freezeColumns', count, { rows: 0, cols: count });
  }

  freezeAt(frozenRange: string): void {
    const r = parseAddress(frozenRange);
    if (r.top !== 0 || r.left !== 0) throw new FakeOfficeError('InvalidArgument', 'freezeAt takes the top-left frozen cells.');
    this._set('freezeAt', frozenRange, { rows: r.rows, cols: r.cols });
  }
}

class FakePageLayout implements XlPageLayout {
  readonly _ws: FakeWorksheet;

  constructor(ws: FakeWorksheet) {
    this._ws = ws;
  }

  _set(name: string, value: unknown, apply: (p: FakePage) => void): void {
    this._ws._enqueue(`pageLayout.${name}`, [value], (x) => {
      const s = this._ws._sheet();
      apply(s.page);
      x.record('pageLayout', s);
    });
  }

  get orientation(): string {
    throw notLoaded('orientation');
  }

  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `Invalid orientation ${v}.`);
    this._set('orientation', v, (p) => (p.orientation = v));
  }

  get paperSize(): string {
    throw notLoaded('paperSize');
  }

  set paperSize(v: string) {
    this._set('paperSize', v, (p) => (p.paperSize = v));
  }

  get zoom(): FakePage['zoom'] {
    throw notLoaded('zoom');
  }

  set zoom(v: FakePage['zoom']) {
    this._set('zoom', v, (p) => (p.zoom = { ...v }));
  }

  get headersFooters(): XlPageLayout['headersFooters'] {
    const set = (v: string) => this._set('centerFooter', v, (p) => (p.centerFooter = v));
    const page = {
      get centerFooter(): string {
        throw notLoaded('centerFooter');
      },
      set centerFooter(v: string) {
        set(v);
      },
    };
    return strict({ defaultForAllPages: strict(page) });
  }

  setPrintArea(printArea: string): void {
    parseAddress(printArea);
    this._set('setPrintArea', printArea, (p) => (p.printArea = printArea));
  }

  setPrintTitleRows(printTitleRows: string): void {
    const r = parseAddress(printTitleRows);
    if (r.cols !== MAX_COLS) throw new FakeOfficeError('InvalidArgument', `Print title rows must be whole rows: ${printTitleRows}.`);
    this._set('setPrintTitleRows', printTitleRows, (p) => (p.printTitleRows = printTitleRows));
  }
}

class FakeRange extends ClientObject implements XlRange {
  readonly _ws: FakeWorksheet;
  readonly _resolveRect: () => Rect | null;
  _rect: Rect | null | undefined = undefined;

  constructor(ctx: FakeContext, path: string, ws: FakeWorksheet, resolveRect: () => Rect | null) {
    super(ctx, path);
    this._ws = ws;
    this._resolveRect = resolveRect;
  }

  /** The rectangle, bound at first use while a request runs; null for a null object. */
  _bound(): Rect | null {
    if (this._rect === undefined) this._rect = this._resolveRect();
    return this._rect;
  }

  _null(): boolean {
    return this._bound() === null;
  }

  _area(): { sheet: FakeSheet; rect: Rect } {
    const rect = this._bound();
    if (!rect) throw new FakeOfficeError('InvalidObjectPath', 'fake-office: command on a null range');
    return { sheet: this._ws._sheet(), rect };
  }

  _grid<T>(f: (c: FakeCell | undefined, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this._area();
    if (rect.rows * rect.cols > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'A range read is limited to 5,000,000 cells.');
    return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => f(sheet.cell(rect.top + i, rect.left + j), rect.top + i, rect.left + j)));
  }

  _snapshot(prop: string): unknown {
    const { sheet, rect } = this._area();
    switch (prop) {
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'address':
        return `${quoteSheet(sheet.name)}!${rangeA1(rect.top, rect.left, rect.rows, rect.cols)}`;
      case 'values':
        return this._grid((c) => (c ? c.value : ''));
      case 'formulas':
        return this._grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'valueTypes':
        return this._grid((c) => {
          if (!c || (!sheet.hasContent(c) && c.formula === undefined)) return 'Empty';
          if (c.error !== undefined) return 'Error';
          if (typeof c.value === 'number') return 'Double';
          if (typeof c.value === 'boolean') return 'Boolean';
          return 'String';
        });
      case 'numberFormat':
        return this._grid((c) => c?.numberFormat ?? 'General');
      default:
        throw new FakeOfficeError('FakeSurface', `fake-office: Range.${prop} is not faked`);
    }
  }

  get rowIndex(): number {
    return this._get<number>('rowIndex');
  }

  get columnIndex(): number {
    return this._get<number>('columnIndex');
  }

  get rowCount(): number {
    return this._get<number>('rowCount');
  }

  get columnCount(): number {
    return this._get<number>('columnCount');
  }

  get values(): XlValue[][] {
    return this._get<XlValue[][]>('values');
  }

  set values(v: XlValue[][]) {
    this._write('values', v);
  }

  get formulas(): XlValue[][] {
    return this._get<XlValue[][]>('formulas');
  }

  set formulas(v: XlValue[][]) {
    this._write('formulas', v);
  }

  get valueTypes(): string[][] {
    return this._get<string[][]>('valueTypes');
  }

  get numberFormat(): string[][] {
    return this._get<string[][]>('numberFormat');
  }

  set numberFormat(v: string[][]) {
    this._enqueue('set numberFormat', [v], (x) => {
      const { sheet, rect } = this._area();
      checkShape(v, rect);
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f !== null && f !== undefined) sheet.ensure(rect.top + i, rect.left + j).numberFormat = String(f);
        }),
      );
      x.record('numberFormat', sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    });
  }

  _write(kind: 'values' | 'formulas', v: XlValue[][]): void {
    this._enqueue(`set ${kind}`, [v], (x) => {
      const { sheet, rect } = this._area();
      checkShape(v, rect);
      const parsed = v.map((row) => row.map(parseInput));
      // Excel refuses to put anything into the covered cell of a merged area.
      for (const m of sheet.merges) {
        for (let i = 0; i < rect.rows; i++) {
          for (let j = 0; j < rect.cols; j++) {
            const r = rect.top + i;
            const c = rect.left + j;
            const p = parsed[i][j];
            if (p && !(p.value === '' && p.formula === undefined) && inRect({ top: m.row, left: m.col, rows: m.rows, cols: m.cols }, r, c) && !(r === m.row && c === m.col)) {
              throw new FakeOfficeError('InvalidOperation', `MergedRangeConflict: cannot change part of a merged cell (${rangeA1(r, c, 1, 1)}).`);
            }
          }
        }
      }
      parsed.forEach((row, i) =>
        row.forEach((p, j) => {
          if (!p) return;
          const r = rect.top + i;
          const c = rect.left + j;
          const cell = sheet.ensure(r, c);
          cell.value = p.value;
          if (p.formula !== undefined) cell.formula = p.formula;
          else delete cell.formula;
          if (p.error !== undefined) cell.error = p.error;
          else delete cell.error;
          if (p.quotePrefix) cell.quotePrefix = true;
          else delete cell.quotePrefix;
          if (p.numberFormat !== undefined && (cell.numberFormat === undefined || cell.numberFormat === 'General')) cell.numberFormat = p.numberFormat;
          if (p.formula !== undefined && p.error === undefined) x.excel.dirty.add(sheet);
        }),
      );
      x.excel.dirty.add(sheet);
      x.wrote = true;
      x.record(kind, sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    });
  }

  get format(): XlRangeFormat {
    return strict(new FakeRangeFormat(this));
  }

  get dataValidation(): XlDataValidation {
    this._requires('1.8', 'Range.dataValidation');
    return strict(new FakeDataValidation(this));
  }

  merge(across?: boolean): void {
    this._enqueue('merge', [across ?? false], (x) => {
      const { sheet, rect } = this._area();
      if (across) throw new FakeOfficeError('FakeSurface', 'fake-office: merge(across) is not faked');
      if (rect.rows * rect.cols < 2) return;
      for (const m of sheet.merges) {
        const overlap = m.row < rect.top + rect.rows && rect.top < m.row + m.rows && m.col < rect.left + rect.cols && rect.left < m.col + m.cols;
        if (overlap) throw new FakeOfficeError('InvalidOperation', 'MergedRangeConflict: the range overlaps a merged area.');
      }
      // Excel keeps the top-left value and gives the whole area the top-left cell's format.
      const first = sheet.cell(rect.top, rect.left);
      for (let i = 0; i < rect.rows; i++) {
        for (let j = 0; j < rect.cols; j++) {
          if (i === 0 && j === 0) continue;
          const k = keyOf(rect.top + i, rect.left + j);
          if (first) {
            const format: FakeCell = structuredClone(first);
            format.value = '';
            delete format.formula;
            delete format.error;
            delete format.quotePrefix;
            const borders = sheet.cells.get(k)?.borders;
            if (borders) format.borders = borders;
            else delete format.borders;
            sheet.cells.set(k, format);
          } else sheet.cells.delete(k);
        }
      }
      sheet.merges.push({ row: rect.top, col: rect.left, rows: rect.rows, cols: rect.cols });
      x.record('merge', sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    });
  }

  clear(applyTo: 'Contents'): void {
    this._enqueue('clear', [applyTo], (x) => {
      const { sheet, rect } = this._area();
      if (applyTo !== 'Contents') throw new FakeOfficeError('FakeSurface', `fake-office: clear(${String(applyTo)}) is not faked`);
      for (const [k, c] of [...sheet.cells]) {
        if (!inRect(rect, rowOf(k), colOf(k))) continue;
        c.value = '';
        delete c.formula;
        delete c.error;
        delete c.quotePrefix;
      }
      x.wrote = true;
      x.record('clear', sheet, rangeA1(rect.top, rect.left, Math.min(rect.rows, MAX_ROWS), rect.cols));
    });
  }

  select(): void {
    this._enqueue('select', [], (x) => {
      const { sheet, rect } = this._area();
      x.excel.selection = { sheet: sheet.name, address: rangeA1(rect.top, rect.left, rect.rows, rect.cols) };
      x.record('select', sheet);
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return strict(
      new FakeRange(this._ctx, `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`, this._ws, () => {
        const { sheet, rect } = this._area();
        return sheet.usedRect(rect, valuesOnly === true);
      }),
    );
  }

  getMergedAreasOrNullObject(): XlRangeAreas {
    this._requires('1.13', 'Range.getMergedAreasOrNullObject');
    return strict(new FakeRangeAreas(this));
  }

  getCellProperties(options: { format: { font: { name: boolean } } }): XlClientResult<XlCellProperties[][]> {
    this._requires('1.9', 'Range.getCellProperties');
    const result = new FakeClientResult<XlCellProperties[][]>();
    this._enqueue('getCellProperties', [options], (x) => {
      const props = this._grid((c): XlCellProperties => ({ format: { font: { name: c?.font?.name ?? DEFAULT_FONT } } }));
      x.respond(props);
      x.record('cellProperties', this._ws._sheet());
      x.commits.push(() => result.set(props));
    });
    return strict(result);
  }

  /** Applies a format change to every cell of the range. */
  _format(name: string, value: unknown, apply: (c: FakeCell, row: number, col: number, rect: Rect) => void): void {
    this._enqueue(`format.${name}`, [value], (x) => {
      const { sheet, rect } = this._area();
      if (rect.rows * rect.cols > 2_000_000) throw new FakeOfficeError('FakeSurface', 'fake-office: formats on more than 2,000,000 cells are not faked');
      for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) apply(sheet.ensure(rect.top + i, rect.left + j), rect.top + i, rect.left + j, rect);
      x.record('format', sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    });
  }
}

function checkShape(v: unknown, rect: Rect): void {
  if (!Array.isArray(v) || v.length !== rect.rows || v.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols}).`);
  }
}

class FakeRangeAreas extends ClientObject implements XlRangeAreas {
  readonly _range: FakeRange;

  constructor(range: FakeRange) {
    super(range._ctx, `${range._path}.getMergedAreasOrNullObject()`);
    this._range = range;
  }

  _areas(): Merge[] {
    const { sheet, rect } = this._range._area();
    const areas = sheet.merges.filter((m) => inRect(rect, m.row, m.col)).sort((a, b) => a.row - b.row || a.col - b.col);
    if (areas.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas.');
    return areas;
  }

  _null(): boolean {
    return this._areas().length === 0;
  }

  _snapshot(prop: string): unknown {
    if (prop !== 'address') throw new FakeOfficeError('FakeSurface', `fake-office: RangeAreas.${prop} is not faked`);
    const sheet = this._range._ws._sheet();
    return this._areas()
      .map((m) => `${quoteSheet(sheet.name)}!${rangeA1(m.row, m.col, m.rows, m.cols)}`)
      .join(', ');
  }

  get address(): string {
    return this._get<string>('address');
  }
}

class FakeRangeFormat implements XlRangeFormat {
  readonly _range: FakeRange;

  constructor(range: FakeRange) {
    this._range = range;
  }

  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }

  set columnWidth(points: number) {
    this._range._enqueue('format.columnWidth', [points], (x) => {
      const { sheet, rect } = this._range._area();
      for (let c = rect.left; c < rect.left + rect.cols; c++) sheet.columnWidths.set(c, points);
      x.record('format', sheet, `${columnName(rect.left)}:${columnName(rect.left + rect.cols - 1)}`);
    });
  }

  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }

  set rowHeight(points: number) {
    this._range._enqueue('format.rowHeight', [points], (x) => {
      const { sheet, rect } = this._range._area();
      for (let r = rect.top; r < rect.top + rect.rows; r++) sheet.rowHeights.set(r, points);
      x.record('format', sheet, `${rect.top + 1}:${rect.top + rect.rows}`);
    });
  }

  get horizontalAlignment(): string {
    throw notLoaded('horizontalAlignment');
  }

  set horizontalAlignment(v: string) {
    if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid horizontal alignment ${v}.`);
    this._range._format('horizontalAlignment', v, (c) => (c.hAlign = v));
  }

  get verticalAlignment(): string {
    throw notLoaded('verticalAlignment');
  }

  set verticalAlignment(v: string) {
    if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid vertical alignment ${v}.`);
    this._range._format('verticalAlignment', v, (c) => (c.vAlign = v));
  }

  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }

  set wrapText(v: boolean) {
    this._range._format('wrapText', v, (c) => (c.wrap = v));
  }

  get font(): XlFont {
    return strict(new FakeFont(this._range));
  }

  get fill(): XlFill {
    return strict(new FakeFill(this._range));
  }

  get borders(): { getItem(index: XlBorderIndex): XlBorder } {
    const range = this._range;
    return strict({ getItem: (index: XlBorderIndex): XlBorder => strict(new FakeBorder(range, index)) });
  }
}

class FakeFont extends ClientObject implements XlFont {
  readonly _range: FakeRange;

  constructor(range: FakeRange) {
    super(range._ctx, `${range._path}.format.font`);
    this._range = range;
  }

  _snapshot(prop: string): unknown {
    if (prop !== 'name') throw new FakeOfficeError('FakeSurface', `fake-office: RangeFont.${prop} is not faked`);
    const names = new Set(this._range._grid((c) => c?.font?.name ?? DEFAULT_FONT).flat());
    return names.size === 1 ? [...names][0] : null;
  }

  get name(): string {
    return this._get<string>('name');
  }

  set name(v: string) {
    this._range._format('font.name', v, (c) => {
      (c.font ??= {}).name = v;
    });
  }

  get size(): number {
    return this._get<number>('size');
  }

  set size(v: number) {
    this._range._format('font.size', v, (c) => {
      (c.font ??= {}).size = v;
    });
  }

  get bold(): boolean {
    return this._get<boolean>('bold');
  }

  set bold(v: boolean) {
    this._range._format('font.bold', v, (c) => {
      (c.font ??= {}).bold = v;
    });
  }

  get italic(): boolean {
    return this._get<boolean>('italic');
  }

  set italic(v: boolean) {
    this._range._format('font.italic', v, (c) => {
      (c.font ??= {}).italic = v;
    });
  }
}

class FakeFill extends ClientObject implements XlFill {
  readonly _range: FakeRange;

  constructor(range: FakeRange) {
    super(range._ctx, `${range._path}.format.fill`);
    this._range = range;
  }

  _snapshot(prop: string): unknown {
    if (prop !== 'color') throw new FakeOfficeError('FakeSurface', `fake-office: RangeFill.${prop} is not faked`);
    const colors = new Set(this._range._grid((c) => c?.fill ?? '#FFFFFF').flat());
    return colors.size === 1 ? [...colors][0] : null;
  }

  get color(): string {
    return this._get<string>('color');
  }

  set color(v: string) {
    if (!/^#[0-9A-F]{6}$/i.test(v)) throw new FakeOfficeError('InvalidArgument', `Invalid color ${v}.`);
    this._range._format('fill.color', v, (c) => (c.fill = v.toUpperCase()));
  }

  clear(): void {
    this._range._format('fill.clear', null, (c) => delete c.fill);
  }
}

class FakeBorder implements XlBorder {
  readonly _range: FakeRange;
  readonly _index: XlBorderIndex;

  constructor(range: FakeRange, index: XlBorderIndex) {
    this._range = range;
    this._index = index;
  }

  /** Gives the cells along this border index the border's weight (only the cells concerned are visited). */
  _apply(weight: string): void {
    const index = this._index;
    this._range._enqueue(`format.borders.${index}`, [weight], (x) => {
      const { sheet, rect } = this._range._area();
      const lastRow = rect.top + rect.rows - 1;
      const lastCol = rect.left + rect.cols - 1;
      const each = (rows: [number, number], cols: [number, number], f: (b: FakeBorders, row: number, col: number) => void): void => {
        for (let r = rows[0]; r <= rows[1]; r++) {
          for (let c = cols[0]; c <= cols[1]; c++) {
            const cell = sheet.ensure(r, c);
            f((cell.borders ??= {}), r, c);
          }
        }
      };
      const all: [number, number] = [rect.left, lastCol];
      const down: [number, number] = [rect.top, lastRow];
      switch (index) {
        case 'EdgeTop':
          each([rect.top, rect.top], all, (b) => (b.top = weight));
          break;
        case 'EdgeBottom':
          each([lastRow, lastRow], all, (b) => (b.bottom = weight));
          break;
        case 'EdgeLeft':
          each(down, [rect.left, rect.left], (b) => (b.left = weight));
          break;
        case 'EdgeRight':
          each(down, [lastCol, lastCol], (b) => (b.right = weight));
          break;
        case 'InsideHorizontal':
          each(down, all, (b, r) => {
            if (r > rect.top) b.top = weight;
            if (r < lastRow) b.bottom = weight;
          });
          break;
        case 'InsideVertical':
          each(down, all, (b, _r, c) => {
            if (c > rect.left) b.left = weight;
            if (c < lastCol) b.right = weight;
          });
          break;
      }
      x.record('format', sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    });
  }

  get style(): string {
    throw notLoaded('style');
  }

  set style(v: string) {
    if (v !== 'Continuous') throw new FakeOfficeError('FakeSurface', `fake-office: border style ${v} is not faked`);
    this._apply('Thin');
  }

  get weight(): string {
    throw notLoaded('weight');
  }

  set weight(v: string) {
    this._apply(v);
  }
}

class FakeDataValidation implements XlDataValidation {
  readonly _range: FakeRange;

  constructor(range: FakeRange) {
    this._range = range;
  }

  _entry(x: Exec): FakeValidation {
    const { sheet, rect } = this._range._area();
    let v = sheet.validations.find((o) => o.range.row === rect.top && o.range.col === rect.left && o.range.rows === rect.rows && o.range.cols === rect.cols);
    if (!v) sheet.validations.push((v = { range: { row: rect.top, col: rect.left, rows: rect.rows, cols: rect.cols } }));
    x.record('validation', sheet, rangeA1(rect.top, rect.left, rect.rows, rect.cols));
    return v;
  }

  get rule(): XlValidationRule {
    throw notLoaded('rule');
  }

  set rule(r: XlValidationRule) {
    const kinds = Object.keys(r);
    if (kinds.length !== 1) throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one kind.');
    const copy = structuredClone(r);
    this._range._enqueue('dataValidation.rule', [r], (x) => {
      this._entry(x).rule = copy;
    });
  }

  get errorAlert(): XlDataValidation['errorAlert'] {
    throw notLoaded('errorAlert');
  }

  set errorAlert(a: XlDataValidation['errorAlert']) {
    const copy = { ...a };
    this._range._enqueue('dataValidation.errorAlert', [a], (x) => {
      this._entry(x).errorAlert = copy;
    });
  }

  get ignoreBlanks(): boolean {
    throw notLoaded('ignoreBlanks');
  }

  set ignoreBlanks(v: boolean) {
    this._range._enqueue('dataValidation.ignoreBlanks', [v], (x) => {
      this._entry(x).ignoreBlanks = v;
    });
  }
}

// ---------------------------------------------------------------------------------------
// The fake Excel

export interface FakeExcelOptions {
  /** The newest ExcelApi set this Excel supports (default 1.17, Excel 2024). */
  readonly apiVersion?: string;
  readonly requestLimit?: number;
  readonly responseLimit?: number;
}

const INVALID_NAME = /[:\\/?*[\]]/;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  apiVersion: string;
  requestLimit: number;
  responseLimit: number;
  /** Syncs over all runs. */
  syncs = 0;
  runs = 0;
  readonly requests: FakeRequest[] = [];
  recalculations = 0;
  activeSheet: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Sheets written since the last calculation. */
  readonly dirty = new Set<FakeSheet>();
  /** Index of a request (in `requests`) to fail with GeneralException before it runs, for tests of recovery. */
  failAt: number | undefined;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.requestLimit = options.requestLimit ?? PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimit ?? PAYLOAD_LIMIT;
  }

  /** Office.context.requirements.isSetSupported('ExcelApi', version). */
  readonly isSupported = (version: string): boolean => versionAtLeast(this.apiVersion, version);

  /** Excel.run: a request context per batch; commands left unsynced at the end are an error. */
  readonly run: ExcelRun = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    this.runs++;
    try {
      const result = await batch(ctx);
      if (ctx.queue.length > 0) throw new Error(`fake-office: ${ctx.queue.length} command(s) queued after the last context.sync() would be lost`);
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A sheet by name, for tests. */
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake-office: no sheet "${name}"`);
    return s;
  }

  /** Excel's own checks on a sheet name. */
  checkNewName(name: string, self?: FakeSheet): void {
    if (name.trim() === '' || name.length > 31 || INVALID_NAME.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
      throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is invalid.`);
    }
    const other = this.findSheet(name);
    if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }

  /** The name Excel gives a copy: "Name (2)", "Name (3)"…, within 31 characters. */
  autoName(name: string): string {
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      const candidate = name.slice(0, 31 - suffix.length) + suffix;
      if (!this.findSheet(candidate)) return candidate;
    }
  }

  /** Adds a sheet at the end, from rows of values as MemoryWorkbook.fromArrays takes them (test set-up, no sync). */
  addSheet(name: string, rows: readonly (readonly MemoryCellInput[])[] = [], options: { readonly hidden?: boolean; readonly visibility?: string } = {}): FakeSheet {
    this.checkNewName(name);
    const s = new FakeSheet(name);
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input === null || input === undefined || input === '') return;
        if (typeof input !== 'object') {
          s.cells.set(keyOf(r, c), { value: input });
          return;
        }
        const cell: FakeCell = { value: input.error ?? (input.value === null || input.value === undefined ? '' : input.value) };
        if (input.formula !== undefined) cell.formula = input.formula.startsWith('=') ? input.formula : `=${input.formula}`;
        if (input.error !== undefined) cell.error = input.error;
        if (input.font !== undefined) cell.font = { name: input.font };
        s.cells.set(keyOf(r, c), cell);
      }),
    );
    s.visibility = options.visibility ?? (options.hidden ? 'Hidden' : 'Visible');
    this.sheets.push(s);
    return s;
  }

  /** Computes the formulas of the sheets written since the last calculation (automatic calculation, or calculate()). */
  recalculate(): void {
    if (this.dirty.size === 0) return;
    this.recalculations++;
    for (const sheet of this.dirty) {
      const keys = [...sheet.cells.keys()].filter((k) => sheet.cells.get(k)?.formula !== undefined).sort((a, b) => a - b);
      for (const k of keys) {
        const c = sheet.cells.get(k) as FakeCell;
        const r = evaluate(sheet, c.formula as string);
        if (!r) continue;
        if ('error' in r) {
          c.error = r.error;
          c.value = r.error;
        } else {
          delete c.error;
          c.value = r.value;
        }
      }
    }
    this.dirty.clear();
  }

  /** insertWorksheetsFromBase64: every sheet of the file (hidden ones too) at the end, renamed "Name (2)" when taken. */
  async insertFromXlsx(bytes: Uint8Array): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes.slice().buffer);
    } catch {
      throw new FakeOfficeError('InvalidArgument', 'The file is not a valid workbook.');
    }
    const names: string[] = [];
    for (const ws of wb.worksheets) {
      const name = this.findSheet(ws.name) ? this.autoName(ws.name) : ws.name;
      const s = new FakeSheet(name);
      s.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const c = readCell(cell, true);
          if (!c) return;
          const fc: FakeCell = { value: c.error ?? c.value ?? '' };
          if (c.formula !== null) fc.formula = `=${c.formula}`;
          if (c.error !== null) fc.error = c.error;
          if (c.font !== null) fc.font = { name: c.font };
          if (cell.numFmt) fc.numberFormat = cell.numFmt;
          s.cells.set(keyOf(c.row, c.col), fc);
        }),
      );
      for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
        const r = parseAddress(m);
        s.merges.push({ row: r.top, col: r.left, rows: r.rows, cols: r.cols });
      }
      this.sheets.push(s);
      names.push(name);
    }
    return names;
  }

  /** Bytes of the largest request so far. */
  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }
}
