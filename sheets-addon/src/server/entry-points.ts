/**
 * The add-on's entry points: what the server bundle exposes as top-level functions (Apps Script
 * has no modules: scripts/build-sheets.mjs appends `function name(...args){ return LKH.name(...args) }`
 * for each) and the types of the calls the sidebar makes through google.script.run.
 *
 * Imported by the server (main.ts), the sidebar (remote client) and the build; holds no code that
 * touches an Apps Script service, so it loads anywhere.
 *
 * google.script.run facts that shape these calls (docs/HOSTS.md):
 * - "Legal parameters and return values are JavaScript primitives like a Number, Boolean, String,
 *   or null, as well as JavaScript objects and arrays that are composed of primitives, objects and
 *   arrays" — no Date, function, DOM node or Uint8Array: every request and result here is JSON.
 *   https://developers.google.com/apps-script/guides/html/reference/run
 * - Functions whose name ends with "_" are private and cannot be called from the sidebar.
 *   https://developers.google.com/apps-script/guides/html/communication#private_functions
 * - Every call starts the server script afresh: few coarse calls.
 */
import type { ConsolidateOptions, ConsolidationView, FindingView, OverviewView, RankingView, Settings, ValidationView } from '../../../core/src/app/actions';
import type { NameSuggestion } from '../../../core/src/app/settings';
import type { FormId } from '../../../core/src/forms/types';
import type { SheetLayout } from '../../../core/src/layout/types';
import type { DocumentState, SheetData } from '../../../core/src/port/types';
import type { Checklist, DateOverride } from '../../../core/src/workflow/calendar';
import type { UndoResult, YearStatus } from '../../../core/src/year';
import type { CheckResult } from '../../../core/src/workflow/plan';
import type { DistrictReconciliation, SheetRead } from '../../../core/src/workflow/upper-level';

/** Simple triggers: onOpen builds the menu and nothing else; onInstall does what onOpen does. */
export const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall'] as const;

/** Menu items (Tiện ích → LKH), in menu order, with their captions. */
export const MENU_ITEMS = [
  { fn: 'showSidebar', caption: 'Mở bảng điều khiển' },
  { fn: 'menuValidate', caption: 'Kiểm tra biểu mẫu' },
  { fn: 'menuConsolidate', caption: 'Tổng hợp một lần bấm' },
  { fn: 'menuProtectSheet', caption: 'Bảo vệ trang của xã' },
] as const;

export const MENU_FUNCTIONS = MENU_ITEMS.map((m) => m.fn);

export type MenuFunction = (typeof MENU_ITEMS)[number]['fn'];

// ---------------------------------------------------------------------------------------
// Requests and results of the sidebar's calls (all JSON).

/** One sheet of an uploaded .xlsx file, read in the sidebar and laid out as the form it holds. */
export interface ImportSheet {
  readonly layout: SheetLayout;
  readonly formId?: FormId;
  /** The plan year the sheet's form gives: fills the settings when they have none. */
  readonly planYear?: number;
  /** When the file was last saved (its docProps/core.xml dcterms:modified), ISO: the version chooser shows it. */
  readonly modified?: string;
}

export interface ImportRequest {
  /** The file's name, for messages. */
  readonly file: string;
  /** Proposed tab names are the layouts' names; the server makes them unique. */
  readonly sheets: readonly ImportSheet[];
}

export interface ImportResult {
  /** Tabs created, in the order of the request's sheets (the first ones of it). */
  readonly sheets: readonly string[];
  readonly forms: Readonly<Record<string, FormId>>;
  /**
   * The request's sheets left unwritten (their proposed names), the last ones of it, when the
   * call's time budget ran out (api.ts WORK_BUDGET_MS); each sheet is written whole or not at all.
   * Send them again in a new call.
   */
  readonly notCreated?: readonly string[];
  /** Why some sheets were not written and how to continue (Vietnamese), with notCreated. */
  readonly message?: string;
}

/** Communes' packages (one .xlsx each, read in the sidebar) to put into the upper level's long tables. */
export interface PackagesRequest {
  readonly packages: readonly ImportRequest[];
}

export interface PackagesResult {
  /** Packages read, the first ones of the request; the rest is for the next call (the time budget ran out). */
  readonly done: number;
  /** The communes whose rows were replaced, with what was read against what the tables hold now. */
  readonly communes: readonly { readonly name: string; readonly activities: number; readonly balanced: boolean }[];
  readonly issues: readonly FindingView[];
}

export interface FeedbackViewResult {
  readonly sheet: string;
  readonly commune: string;
  readonly activities: number;
}

/** Feedback sheets for the files sent to the communes, a page at a time. */
export interface FeedbackFilesPage {
  readonly files: readonly { readonly fileName: string; readonly layout: SheetLayout }[];
  /** Communes in the feedback table. */
  readonly total: number;
}

export interface RollUpRequest {
  /** Funds the upper level holds for II.6.B activities, triệu đồng; default: the last run's. */
  readonly funds?: number;
  /** "Huyện Bắc Hà", "Tỉnh Lào Cai"; default: the settings' upper level name. */
  readonly upperLevel?: string;
  /** The commune whose feedback "Phiếu phản hồi" shows; default: the last one chosen. */
  readonly feedbackCommune?: string;
}

export interface RollUpCommuneView {
  readonly name: string;
  readonly activities: number;
  readonly total: number;
  readonly ii6a: number;
  readonly ii6b: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly pending: number;
  readonly balanced: boolean;
  /** III.1's total against II.6.A's Ngân sách, when the commune's III.1 was read. */
  readonly iii1?: { readonly total: number; readonly ii6aBudget: number; readonly within: boolean; readonly checks: readonly CheckResult[] };
}

export interface RollUpView {
  readonly upperLevel: string;
  readonly planYear?: number;
  readonly funds?: number;
  readonly communes: readonly RollUpCommuneView[];
  readonly reconciliation: DistrictReconciliation;
  readonly ranking: { readonly accepted: number; readonly withinFunds: number };
  /** Problems of the roll-up itself (a commune's plan, the appraisals, the funds). */
  readonly issues: readonly FindingView[];
  /** What reading and checking the communes' sheets found. */
  readonly findings: readonly FindingView[];
  /** Findings and issues left out of the lists above (the sheets hold them all). */
  readonly omitted: number;
  /** Sheets read and what was done with them (roll-up sheets and old copies are skipped). */
  readonly read: readonly SheetRead[];
  readonly sheets: readonly string[];
  readonly keptCopies: readonly string[];
  /** The commune "Phiếu phản hồi" shows. */
  readonly feedbackCommune?: string;
  /** Communes read into the tables by this run (from tabs of the earlier layout), all reconciled or not. */
  readonly imported: { readonly communes: number; readonly balanced: boolean };
  /** Milliseconds the server spent. */
  readonly elapsedMs: number;
}

export interface ProtectRequest {
  readonly sheet: string;
  /** E-mail addresses of the commune's officers who may edit the tab. */
  readonly editors: readonly string[];
  readonly warningOnly?: boolean;
}

export interface ProtectView {
  readonly sheet: string;
  readonly warningOnly: boolean;
  readonly editors: readonly string[];
  readonly reused: boolean;
}

/** What the sidebar needs to build the package sent upward with ExcelJS (which stays out of the server). */
export interface ExportData {
  readonly state: DocumentState;
  readonly names: readonly string[];
  readonly sheets: readonly SheetData[];
}

/**
 * The calls the sidebar makes, as the server runs them (synchronously: see sync-promise.ts).
 * Optional arguments arrive as null when the sidebar passes undefined.
 */
export interface SidebarApi {
  getSettings(): Settings;
  saveSettings(settings: Settings): Settings;
  insertForm(formId: string, unitName?: string | null): { sheet: string; keptCopy?: string };
  validate(): ValidationView;
  selectCell(sheet: string, cell: string): null;
  consolidate(opts?: ConsolidateOptions | null): ConsolidationView;
  removeCopies(): { removed: string[] };
  /** The home screen's figures of the consolidated plan (read only, no lock). */
  overview(): OverviewView;
  writeCatalogue(): { sheet: string; entries: number; period: string; keptCopy?: string };
  createBallot(opts: { listSheet: string; method: 'marks' | 'scores'; participants?: number; criteria?: readonly string[] }): { sheet: string; items: number };
  rankFromBallot(opts: { ballotSheet: string; listSheet?: string }): RankingView;
  checklist(today: string): Checklist | null;
  setChecklistTick(itemId: string, ticked: boolean): null;
  setChecklistDates(itemId: string, dates: DateOverride | null): null;
  /** Where the unit is in its year (core/src/year yearStatus). */
  yearStatus(today: string): YearStatus;
  /** Records a document drafted or the package exported by the sidebar, so the year's status counts it. */
  recordDocument(kind: string, fileName: string, action?: string | null): null;
  setVillages(input: { names?: readonly string[]; expected?: number | null }): { villages: string[]; expected?: number };
  /** The unit's and the level above's names the sheets give, for the blank settings (reads only). */
  suggestNames(): NameSuggestion;
  lastChange(): { action: 'consolidate' | 'rank'; at: string; sheets: string[] } | null;
  undoLastChange(): UndoResult | null;
  listSheets(): string[];
  importSheets(request: ImportRequest): ImportResult;
  rollUp(request?: RollUpRequest | null): RollUpView;
  /** Communes' packages into the long tables, as many as the time budget allows (no tab added). */
  importPackages(request: PackagesRequest): PackagesResult;
  /** Rebuilds "Phiếu phản hồi" for one commune from the feedback table. */
  feedbackView(commune: string): FeedbackViewResult;
  /** The feedback sheets of the communes offset … offset + count - 1, for the files sent back. */
  feedbackFiles(offset: number, count: number): FeedbackFilesPage;
  protectSheet(request: ProtectRequest): ProtectView;
  exportData(): ExportData;
  /** Every sheet's values and the state, for the documents the sidebar drafts (Văn bản) with the Word and .xlsx writers that stay out of the server. */
  documentData(): ExportData;
  /**
   * The sidebar's ExcelJS part (XlsxLib.html: the script reading and writing .xlsx), fetched on the
   * first upload or download so that the sidebar opens without it (issue 13).
   */
  sidebarLibrary(): string;
}

/** The project file holding the sidebar's ExcelJS part (scripts/build-sheets.mjs writes it). */
export const XLSX_LIB_FILE = 'XlsxLib';

export type SidebarFunction = keyof SidebarApi;

/** Every call of SidebarApi, checked complete by the compiler (a missing or extra key is an error). */
const SIDEBAR: { readonly [K in SidebarFunction]: true } = {
  getSettings: true,
  saveSettings: true,
  insertForm: true,
  validate: true,
  selectCell: true,
  consolidate: true,
  removeCopies: true,
  overview: true,
  writeCatalogue: true,
  createBallot: true,
  rankFromBallot: true,
  checklist: true,
  setChecklistTick: true,
  setChecklistDates: true,
  yearStatus: true,
  recordDocument: true,
  setVillages: true,
  suggestNames: true,
  lastChange: true,
  undoLastChange: true,
  listSheets: true,
  importSheets: true,
  rollUp: true,
  importPackages: true,
  feedbackView: true,
  feedbackFiles: true,
  protectSheet: true,
  exportData: true,
  documentData: true,
  sidebarLibrary: true,
};

export const SIDEBAR_FUNCTIONS = Object.keys(SIDEBAR) as SidebarFunction[];

/** Every top-level function of the bundle. */
export const ENTRY_POINTS: readonly string[] = [...TRIGGER_FUNCTIONS, ...MENU_FUNCTIONS, ...SIDEBAR_FUNCTIONS];
