/**
 * What the Excel task pane needs besides the workbook port (core/src/app/actions.ts HostExtras,
 * and the pane's start-up check): select a cell, colour the cells of findings and undo exactly
 * those colours on the next run, import an .xlsx as new tabs, and tell a too-old Excel so in
 * plain Vietnamese.
 *
 * Requirement sets (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * the pane runs from ExcelApi 1.7 (MIN_EXCEL_API). Below it Excel lacks worksheet.copy (copySheet,
 * keeping old sheets), freeze panes and tab colours; the Excel versions stuck there (2016/2019
 * volume licence) show task panes in Internet Explorer 11, where the React pane cannot run anyway.
 * From 1.7 to 1.12 the pane works with less (reducedFeatures lists what); the target — Excel 2021
 * (1.14), 2024, Microsoft 365, the web and Mac — has everything. The check uses
 * Office.context.requirements.isSetSupported
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport).
 */
import { PortError, isInternalSheet, sheetNotFound } from '../../core/src/port';
import type * as XlsxWorkbookModule from '../../core/src/xlsx/xlsx-workbook';
import { parseA1, rangeA1 } from '../../core/src/util/a1';
import type { HandoutChart } from '../../core/src/documents/handout-sheet';
import type { ExcelRun, PlannedOp, SheetRef, XlFill, XlWorksheet } from './office-port';
import { stripFormulas } from '../../core/src/xlsx/sanitize';
import {
  MARKS_COLUMN,
  MIN_EXCEL_API,
  OfficeWorkbook,
  REQUEST_BUDGET,
  STATE_SHEET,
  findUserSheet,
  flushOps,
  listSheetRefs,
  officeErrorCode,
  officeSupports,
  readRecordIn,
  writeRecordOps,
} from './office-port';

export { MIN_EXCEL_API };

/** Tag of office-host's record of marked cells, in column B of the state sheet '_lkh'. */
export const MARKS_TAG = 'lkh-marks/1';
/** Cell fills: Excel's own "Bad" (light red) and "Neutral" (amber) cell-style colours. */
export const MARK_FILL: Readonly<Record<'error' | 'warning', string>> = { error: '#FFC7CE', warning: '#FFEB9C' };
/** Tab colours for findings about a whole sheet (no cell). */
export const MARK_TAB: Readonly<Record<'error' | 'warning', string>> = { error: '#C00000', warning: '#FFC000' };

export type Severity = 'error' | 'warning';

/** A finding as the host marks it (core's FindingView fits). */
export interface MarkFinding {
  readonly sheet: string;
  /** "B7", "$B$7" or a range "B7:D7"; none for the whole sheet (its tab is coloured). */
  readonly cell?: string;
  readonly severity: Severity;
}

export interface ExcelSupport {
  /** False below ExcelApi 1.7: show `message` instead of the pane. */
  readonly ok: boolean;
  readonly message?: string;
  /** What this Excel cannot do, in Vietnamese (empty from ExcelApi 1.13). */
  readonly reduced: readonly string[];
}

/** Shown instead of the pane when Excel is older than ExcelApi 1.7. */
export const TOO_OLD_MESSAGE =
  'Phiên bản Excel này quá cũ nên LKH không chạy được. Hãy dùng Excel 2021 trở lên, Microsoft 365, Excel trên web hoặc Excel cho Mac; ' +
  'hoặc mở tệp bằng trang LKH trên trình duyệt.';

const REDUCED: readonly { readonly version: string; readonly text: string }[] = [
  { version: '1.8', text: 'Trang biểu mẫu mới không có danh sách chọn và kiểm tra số khi nhập.' },
  { version: '1.9', text: 'Trang biểu mẫu mới chưa được đặt sẵn khổ A4 và dòng tiêu đề lặp lại khi in.' },
  { version: '1.13', text: 'Không đọc được các ô gộp; tệp nhập vào chỉ giữ giá trị, công thức và phông chữ.' },
];

/** Whether this Excel can run the pane, and what it lacks. */
export function checkExcelSupport(isSupported: (version: string) => boolean = officeSupports): ExcelSupport {
  if (!isSupported(MIN_EXCEL_API)) return { ok: false, message: TOO_OLD_MESSAGE, reduced: [] };
  return { ok: true, reduced: REDUCED.filter((r) => !isSupported(r.version)).map((r) => r.text) };
}

/** Excel.run as the port's ExcelRun (tsc checks here that the real office-js types fit the surface OfficeWorkbook uses). */
export function excelRun(): ExcelRun {
  return Excel.run;
}

interface MarkRecordCell {
  readonly sheet: string;
  readonly address: string;
  /** The fill before marking: '#RRGGBB', or '' for none. */
  readonly original: string;
  readonly mark: string;
}

interface MarkRecordTab {
  readonly sheet: string;
  readonly original: string;
  readonly mark: string;
}

interface MarkRecord {
  readonly cells: readonly MarkRecordCell[];
  readonly tabs: readonly MarkRecordTab[];
}

function parseRecord(json: string | undefined): MarkRecord {
  if (json === undefined) return { cells: [], tabs: [] };
  try {
    const r = JSON.parse(json) as Partial<MarkRecord>;
    return { cells: Array.isArray(r.cells) ? r.cells : [], tabs: Array.isArray(r.tabs) ? r.tabs : [] };
  } catch {
    return { cells: [], tabs: [] };
  }
}

const sameColor = (a: string | null | undefined, b: string): boolean => typeof a === 'string' && a.toUpperCase() === b.toUpperCase();

/** "$b$7" → "B7", "b7:$d$7" → "B7:D7"; undefined when not an address. */
function normaliseAddress(cell: string): string | undefined {
  const parts = cell.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2) return undefined;
  try {
    parts.forEach((p) => parseA1(p));
  } catch {
    return undefined;
  }
  return parts.length === 2 && parts[0] === parts[1] ? parts[0] : parts.join(':');
}

/** Bytes as base64 without Node's Buffer (browsers, Office's webviews). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The module holding XlsxWorkbook (ExcelJS): a lazy chunk, loaded only for an import on older Excel. */
export type XlsxModule = Pick<typeof XlsxWorkbookModule, 'XlsxWorkbook'>;

export interface OfficeHostOptions {
  readonly isSupported?: (version: string) => boolean;
  readonly requestBudget?: number;
  /** Loads XlsxWorkbook; default import() of core/src/xlsx/xlsx-workbook.ts (tests pass it statically). */
  readonly loadXlsx?: () => Promise<XlsxModule>;
}

const OP_BYTES = 200;

/** The state sheet of an inserted file, as Excel names it: '_lkh', or '_lkh (2)' when taken. */
const STATE_SHEET_COPY = new RegExp(`^${STATE_SHEET}( \\(\\d+\\))?$`, 'i');

export class OfficeHost {
  /** The workbook port over the same Excel. */
  readonly port: OfficeWorkbook;
  private readonly run: ExcelRun;
  private readonly supports: (version: string) => boolean;
  private readonly requestBudget: number;
  private readonly loadXlsx: () => Promise<XlsxModule>;

  constructor(run: ExcelRun, options: OfficeHostOptions = {}) {
    this.run = run;
    this.supports = options.isSupported ?? officeSupports;
    this.requestBudget = options.requestBudget ?? REQUEST_BUDGET;
    this.loadXlsx = options.loadXlsx ?? (() => import('../../core/src/xlsx/xlsx-workbook'));
    this.port = new OfficeWorkbook(run, { isSupported: this.supports, requestBudget: this.requestBudget });
  }

  /** Shows a cell: activates its sheet and selects it (one sync). Unknown sheets throw SHEET_NOT_FOUND. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    const address = normaliseAddress(cell);
    if (address === undefined) throw new PortError('BLOCK_INVALID', `Địa chỉ ô "${cell}" không hợp lệ.`);
    if (isInternalSheet(sheet)) throw sheetNotFound(sheet);
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      try {
        await ctx.sync();
      } catch (e) {
        if (officeErrorCode(e) === 'ItemNotFound') throw sheetNotFound(sheet);
        throw e;
      }
    });
  }

  /**
   * Colours the findings' cells (errors light red, warnings amber; a finding without a cell
   * colours its sheet's tab), first undoing the colours of the previous run — only where the
   * cell still has the colour LKH gave it, so a colour the user chose since stays. Remembers each
   * cell's previous fill in the state sheet ('_lkh', column B). Four syncs whatever the number
   * of findings (three while there is no state sheet yet; more only for tens of thousands of
   * cells, by payload).
   */
  async markFindings(findings: readonly MarkFinding[]): Promise<{ cells: number; tabs: number }> {
    return this.run(async (ctx) => {
      const all = await listSheetRefs(ctx);
      const previous = parseRecord(await readRecordIn(ctx, all, MARKS_COLUMN, MARKS_TAG));

      // What to mark now: one severity per cell or tab, errors before warnings.
      const cells = new Map<string, { sheet: SheetRef; address: string; severity: Severity }>();
      const tabs = new Map<SheetRef, Severity>();
      for (const f of findings) {
        const sheet = findUserSheet(all, f.sheet);
        if (!sheet) continue;
        if (f.cell === undefined || f.cell === '') {
          if (tabs.get(sheet) !== 'error') tabs.set(sheet, f.severity);
          continue;
        }
        const address = normaliseAddress(f.cell);
        if (address === undefined) continue;
        const key = `${sheet.name}!${address}`;
        const had = cells.get(key);
        if (!had || (had.severity === 'warning' && f.severity === 'error')) cells.set(key, { sheet, address, severity: f.severity });
      }
      const oldCells = previous.cells.map((c) => ({ c, sheet: findUserSheet(all, c.sheet) })).filter((x) => x.sheet !== undefined);
      const oldTabs = previous.tabs.map((t) => ({ t, sheet: findUserSheet(all, t.sheet) })).filter((x) => x.sheet !== undefined);
      if (cells.size === 0 && tabs.size === 0 && previous.cells.length === 0 && previous.tabs.length === 0) return { cells: 0, tabs: 0 };

      // Current fills of every cell involved, and tab colours: one sync.
      const fills = new Map<string, XlFill>();
      const fillOf = (sheet: SheetRef, address: string): XlFill => {
        const key = `${sheet.name}!${address}`;
        let fill = fills.get(key);
        if (!fill) {
          fill = sheet.ws.getRange(address).format.fill;
          fill.load('color');
          fills.set(key, fill);
        }
        return fill;
      };
      for (const { c, sheet } of oldCells) fillOf(sheet as SheetRef, c.address);
      for (const c of cells.values()) fillOf(c.sheet, c.address);
      const tabSheets = new Set<SheetRef>([...tabs.keys(), ...oldTabs.map((x) => x.sheet as SheetRef)]);
      for (const s of tabSheets) s.ws.load('tabColor');
      await ctx.sync();

      const currentFill = (sheet: SheetRef, address: string): string => fills.get(`${sheet.name}!${address}`)?.color ?? '';
      const ops: PlannedOp[] = [];
      const restore = (fill: XlFill, original: string): void => {
        if (original === '' || sameColor(original, '#FFFFFF')) fill.clear();
        else fill.color = original;
      };

      // Cells: undo the previous marks still showing, then mark.
      const oldByKey = new Map(oldCells.map(({ c, sheet }) => [`${(sheet as SheetRef).name}!${c.address}`, { c, sheet: sheet as SheetRef }]));
      for (const [key, { c, sheet }] of oldByKey) {
        if (cells.has(key) || !sameColor(currentFill(sheet, c.address), c.mark)) continue;
        const address = c.address;
        ops.push({ bytes: OP_BYTES, apply: () => restore(sheet.ws.getRange(address).format.fill, c.original) });
      }
      const newCells: MarkRecordCell[] = [];
      for (const [key, { sheet, address, severity }] of cells) {
        const mark = MARK_FILL[severity];
        const old = oldByKey.get(key);
        const current = currentFill(sheet, address);
        const original = old && sameColor(current, old.c.mark) ? old.c.original : current;
        newCells.push({ sheet: sheet.name, address, original, mark });
        ops.push({ bytes: OP_BYTES, apply: () => (sheet.ws.getRange(address).format.fill.color = mark) });
      }

      // Tabs, likewise.
      const tabColor = (ws: XlWorksheet): string => ws.tabColor ?? '';
      const oldTabBySheet = new Map(oldTabs.map(({ t, sheet }) => [sheet as SheetRef, t]));
      for (const [sheet, t] of oldTabBySheet) {
        if (tabs.has(sheet) || !sameColor(tabColor(sheet.ws), t.mark)) continue;
        ops.push({ bytes: OP_BYTES, apply: () => (sheet.ws.tabColor = t.original) });
      }
      const newTabs: MarkRecordTab[] = [];
      for (const [sheet, severity] of tabs) {
        const mark = MARK_TAB[severity];
        const old = oldTabBySheet.get(sheet);
        const current = tabColor(sheet.ws);
        newTabs.push({ sheet: sheet.name, original: old && sameColor(current, old.mark) ? old.original : current, mark });
        ops.push({ bytes: OP_BYTES, apply: () => (sheet.ws.tabColor = mark) });
      }

      const record = newCells.length > 0 || newTabs.length > 0 ? JSON.stringify({ cells: newCells, tabs: newTabs }) : undefined;
      ops.push(...writeRecordOps(ctx, all, MARKS_COLUMN, MARKS_TAG, record, this.requestBudget));
      await flushOps(ctx, ops, this.requestBudget, { suspendScreen: this.supports('1.9') });
      return { cells: newCells.length, tabs: newTabs.length };
    });
  }

  /** Undoes the marks of the last markFindings (where they still show). */
  async clearMarks(): Promise<void> {
    await this.markFindings([]);
  }

  /**
   * Draws native charts over a sheet LKH wrote (the conference handout: core/src/documents/handout-sheet.ts),
   * each from its source range to the cells it covers, titled, a legend only on pies; one sync.
   * ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)).
   */
  async addCharts(sheet: string, charts: readonly HandoutChart[]): Promise<number> {
    if (isInternalSheet(sheet)) throw sheetNotFound(sheet);
    if (charts.length === 0) return 0;
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const c of charts) {
        const chart = ws.charts.add(c.type === 'pie' ? 'Pie' : 'BarClustered', ws.getRange(rangeA1(c.data.row, c.data.col, c.data.rows, c.data.cols)), 'Columns');
        chart.title.text = c.title;
        chart.legend.visible = c.type === 'pie';
        chart.setPosition(rangeA1(c.at.row, c.at.col, 1, 1), rangeA1(c.at.row + c.at.rows - 1, c.at.col + c.at.cols - 1, 1, 1));
      }
      try {
        await ctx.sync();
      } catch (e) {
        if (officeErrorCode(e) === 'ItemNotFound') throw sheetNotFound(sheet);
        throw e;
      }
      return charts.length;
    });
  }

  /**
   * Adds the sheets of an .xlsx file as new tabs, as values only: the file is first opened with
   * the core's XlsxWorkbook (loaded on demand: ExcelJS stays out of the pane's first load), its
   * formulas replaced by their cached results and its conditional formats and custom validations
   * dropped (sanitize.ts: a village's WEBSERVICE or IMPORTXML must never run in the commune's
   * workbook), its LKH state sheet removed. With ExcelApi 1.13 Excel then inserts the cleaned file
   * itself (insertWorksheetsFromBase64, formatting kept;
   * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-insertworksheetsfrombase64-member(1)),
   * unless its base64 would pass the request budget (5 MB on the web); otherwise its values, fonts
   * and merges are written as new tabs. Names taken get " (2)"….
   */
  async importXlsx(name: string, bytes: Uint8Array): Promise<{ sheets: string[]; native: boolean }> {
    const failed = (e: unknown): Error => new Error(`Không mở được tệp "${name}": ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    const { XlsxWorkbook } = await this.loadXlsx();
    let source;
    try {
      source = await XlsxWorkbook.loadForReading(bytes);
    } catch (e) {
      throw failed(e);
    }
    stripFormulas(source.workbook);
    // The file's document state is not this workbook's (Excel cannot delete a very hidden sheet once inserted).
    for (const ws of [...source.workbook.worksheets]) if (STATE_SHEET_COPY.test(ws.name)) source.workbook.removeWorksheet(ws.id);
    if (this.supports('1.13')) {
      const base64 = toBase64(await source.save());
      if (base64.length + OP_BYTES <= this.requestBudget) {
        return this.run(async (ctx) => {
          const result = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
          try {
            await ctx.sync();
          } catch (e) {
            throw failed(e);
          }
          // Its lists sheet stays: its drop-downs point there.
          return { sheets: result.value.filter((n) => !isInternalSheet(n)), native: true };
        });
      }
    }
    let data;
    try {
      data = await source.readSheets(await source.listSheets(), { fonts: true });
    } catch (e) {
      throw failed(e);
    }
    // Values only: no formula of the file is written (stripFormulas left none; this says so twice).
    const sheets = await this.port.insertSheetData(data.map(({ formulas: _formulas, ...d }) => d));
    return { sheets, native: false };
  }
}

/** The pane's host over the real Excel: Excel.run and Office's requirement sets. */
export function createOfficeHost(): OfficeHost {
  return new OfficeHost(excelRun());
}
