/**
 * The Apps Script server: the entry of the bundle scripts/build-sheets.mjs makes (one IIFE, global
 * `LKH`, then `function name(...args) { return LKH.name(...args) }` for every name of
 * entry-points.ts ENTRY_POINTS — Apps Script only sees top-level functions).
 *
 * Each function builds what it needs from the Apps Script services when called (every
 * google.script.run call and menu click starts the script afresh), runs the async core to
 * completion with runSync (sync-promise.ts: `Promise` is SyncPromise in this bundle) and returns
 * plain JSON. Nothing runs when the bundle loads.
 */
import type { Settings } from '../../../core/src/app/actions';
import { findName, isInternalSheet } from '../../../core/src/port/memory';
import type { DateOverride } from '../../../core/src/workflow/calendar';
import type { ServerApi } from './api';
import { createServerApi } from './api';
import type { ImportRequest, PackagesRequest, ProtectRequest, RollUpRequest, SidebarApi } from './entry-points';
import { XLSX_LIB_FILE } from './entry-points';
import * as menu from './menu';
import { protectCommuneSheet } from './protect';
import { CachedSpreadsheet } from './sheet-cache';
import { SheetsWorkbook, appsScriptHost } from './sheets-port';
import { runSync } from './sync-promise';

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(:\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?$/i;

/** Activates a cell of a user sheet (name matched as Sheets does, ignoring case). */
export function selectRange(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string, cell: string): void {
  if (!CELL.test(cell)) throw new Error(`Địa chỉ ô "${cell}" không hợp lệ.`);
  const sheets = spreadsheet.getSheets().filter((s) => !isInternalSheet(s.getName()));
  const name = findName(
    sheets.map((s) => s.getName()),
    sheet,
  );
  const target = sheets.find((s) => s.getName() === name);
  if (!target) throw new Error(`Không có trang tính "${sheet}" (có thể đã bị đổi tên hoặc xoá).`);
  // Range.activate() makes its sheet the active one and selects the range.
  // https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
  target.getRange(cell).activate();
}

function api(): ServerApi {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return createServerApi({
    port: new SheetsWorkbook(new CachedSpreadsheet(ss), PropertiesService.getDocumentProperties(), appsScriptHost()),
    selectCell: (sheet, cell) => selectRange(ss, sheet, cell),
    protect: (sheet, options) => protectCommuneSheet(ss, sheet, options),
  });
}

/** JSON only crosses google.script.run: no Date, no undefined (null instead). */
function plain<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

function call<T>(fn: (a: ServerApi) => Promise<T>): T {
  return plain(runSync(() => fn(api())));
}

// ---------------------------------------------------------------------------------------
// Triggers and menu items.

/** Builds the menu, nothing else: in an add-on onOpen may run before the user authorised it. */
export function onOpen(_e?: unknown): void {
  menu.buildMenu(SpreadsheetApp.getUi());
}

/** Installing the add-on from the Marketplace opens no document event: build the menu now. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  menu.showSidebar(SpreadsheetApp.getUi(), HtmlService);
}

export function menuValidate(): void {
  runSync(() => menu.menuValidate(api(), SpreadsheetApp.getUi()));
}

export function menuConsolidate(): void {
  runSync(() => menu.menuConsolidate(api(), SpreadsheetApp.getUi()));
}

export function menuProtectSheet(): void {
  runSync(() => menu.menuProtectSheet(api(), SpreadsheetApp.getUi(), () => SpreadsheetApp.getActiveSheet().getName()));
}

// ---------------------------------------------------------------------------------------
// The sidebar's calls (google.script.run.<name>).

const sidebar: SidebarApi = {
  getSettings: () => call((a) => a.getSettings()),
  saveSettings: (s: Settings) => call((a) => a.saveSettings(s)),
  insertForm: (formId: string, unitName?: string | null) => call((a) => a.insertForm(formId, unitName)),
  validate: () => call((a) => a.validate()),
  selectCell: (sheet: string, cell: string) => call((a) => a.selectCell(sheet, cell)),
  consolidate: (opts) => call((a) => a.consolidate(opts)),
  removeCopies: () => call((a) => a.removeCopies()),
  overview: () => call((a) => a.overview()),
  writeCatalogue: () => call((a) => a.writeCatalogue()),
  createBallot: (opts) => call((a) => a.createBallot(opts)),
  rankFromBallot: (opts) => call((a) => a.rankFromBallot(opts)),
  checklist: (today: string) => call((a) => a.checklist(today)),
  setChecklistTick: (itemId: string, ticked: boolean) => call((a) => a.setChecklistTick(itemId, ticked)),
  setChecklistDates: (itemId: string, dates: DateOverride | null) => call((a) => a.setChecklistDates(itemId, dates)),
  yearStatus: (today: string) => call((a) => a.yearStatus(today)),
  recordDocument: (kind: string, fileName: string, action?: string | null) => call((a) => a.recordDocument(kind, fileName, action)),
  setVillages: (input: { names?: readonly string[]; expected?: number | null }) => call((a) => a.setVillages(input)),
  suggestNames: () => call((a) => a.suggestNames()),
  lastChange: () => call((a) => a.lastChange()),
  undoLastChange: () => call((a) => a.undoLastChange()),
  listSheets: () => call((a) => a.listSheets()),
  importSheets: (request: ImportRequest) => call((a) => a.importSheets(request)),
  rollUp: (request?: RollUpRequest | null) => call((a) => a.rollUp(request)),
  importPackages: (request: PackagesRequest) => call((a) => a.importPackages(request)),
  feedbackView: (commune: string) => call((a) => a.feedbackView(commune)),
  feedbackFiles: (offset: number, count: number) => call((a) => a.feedbackFiles(offset, count)),
  protectSheet: (request: ProtectRequest) => call((a) => a.protectSheet(request)),
  exportData: () => call((a) => a.exportData()),
  documentData: () => call((a) => a.documentData()),
  // A file of the project, not the document: no lock, no state.
  sidebarLibrary: () => HtmlService.createHtmlOutputFromFile(XLSX_LIB_FILE).getContent(),
};

export const {
  getSettings,
  saveSettings,
  insertForm,
  validate,
  selectCell,
  consolidate,
  removeCopies,
  overview,
  writeCatalogue,
  createBallot,
  rankFromBallot,
  checklist,
  setChecklistTick,
  setChecklistDates,
  yearStatus,
  recordDocument,
  setVillages,
  suggestNames,
  lastChange,
  undoLastChange,
  listSheets,
  importSheets,
  rollUp,
  importPackages,
  feedbackView,
  feedbackFiles,
  protectSheet,
  exportData,
  documentData,
  sidebarLibrary,
} = sidebar;

/** Bound to `Promise` in the bundle's scope by scripts/build-sheets.mjs (not an entry point). */
export { SyncPromise } from './sync-promise';
