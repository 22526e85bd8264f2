/**
 * What the shared pane needs from its host: the core's actions (core/src/app/actions.ts), run
 * in-process (Excel, standalone page) or through google.script.run (Google Sheets sidebar), plus
 * the few things only a host does (files in and out). Every call is coarse and JSON-safe.
 */
import type { ConsolidateOptions, ConsolidationStep, ConsolidationView, FormSummary, OverviewView, RankingView, Settings, ValidationView } from '../src/app/actions';
import type { Checklist } from '../src/workflow/calendar';
import type { NameSuggestion } from '../src/app/settings';
import type { UndoResult, YearDocumentKind, YearStatus } from '../src/year';
import type { DocumentKind } from '../src/documents/draft';
import type { SheetData } from '../src/port/types';

export type HostKind = 'excel' | 'sheets' | 'standalone';

/** Told before each file of an import is read: its place, how many there are, its name. */
export type ImportProgress = (done: number, total: number, name: string) => void;

/**
 * Told at each step of a consolidation: each sheet read (with counts), then building and writing
 * the plan. A promise it returns is awaited (the pane yields there to paint its progress line).
 */
export type ConsolidateProgress = (step: ConsolidationStep) => void | Promise<void>;

export interface PaneClient {
  readonly host: HostKind;
  getSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<Settings>;
  listForms(): Promise<readonly FormSummary[]>;
  insertForm(formId: string, unitName?: string): Promise<{ sheet: string; keptCopy?: string }>;
  validate(): Promise<ValidationView>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * `onProgress` is told each step ("Đang đọc biểu 12/50: …", "Đang lập II.4.B…", "Đang ghi biểu…")
   * by hosts that consolidate in the page (Excel, standalone); the Sheets sidebar's one
   * google.script.run call cannot report until it returns, so it never calls it.
   */
  consolidate(opts?: ConsolidateOptions, onProgress?: ConsolidateProgress): Promise<ConsolidationView>;
  /** The home screen's figures of the consolidated plan (II.6.A, II.6.B); optional: without it the home screen shows no totals. */
  overview?(): Promise<OverviewView>;
  /** Deletes every kept copy ("… (cũ)") of the workbook. */
  removeCopies(): Promise<{ removed: readonly string[] }>;
  /** Writes the period's reference data as a "Danh mục" sheet the user can update. */
  writeCatalogue(): Promise<{ sheet: string; entries: number; period: string; keptCopy?: string }>;
  createBallot(opts: { listSheet: string; method: 'marks' | 'scores'; participants?: number; criteria?: readonly string[] }): Promise<{ sheet: string; items: number }>;
  rankFromBallot(opts: { ballotSheet: string; listSheet?: string }): Promise<RankingView>;
  /** The seven steps of the level in the settings; undefined until the plan year is set. `today` is 'yyyy-mm-dd'. */
  checklist(today: string): Promise<Checklist | undefined>;
  setChecklistTick(itemId: string, ticked: boolean): Promise<void>;
  /**
   * Where the unit is in its year (core/src/year yearStatus): the seven steps with their results and
   * evidence, the current step, the gaps, the next action. `today` is 'yyyy-mm-dd'. Optional while a
   * host lacks it: the pane then says the next step from what was just done.
   */
  yearStatus?(today: string): Promise<YearStatus>;
  /** Records a document drafted or the package exported, so the year's status counts it (the hosts call it after a download). */
  recordDocument?(kind: YearDocumentKind, fileName: string, action?: 'drafted' | 'exported'): Promise<void>;
  /** The unit's and the level above's names the received sheets give, for the blank settings (read only; the pane offers them). */
  suggestNames?(): Promise<NameSuggestion>;
  /** The commune's villages by name and how many it has (set once). */
  setVillages?(input: { names?: readonly string[]; expected?: number | null }): Promise<{ villages: string[]; expected?: number }>;
  /** What the last consolidation or ranking can undo (its sheets), if anything. */
  lastChange?(): Promise<{ action: 'consolidate' | 'rank'; at: string; sheets: string[] } | undefined>;
  /** Undoes the last consolidation (a merge) or ranking from its "(cũ)" copies. */
  undoLastChange?(): Promise<UndoResult | undefined>;
  /** Sheet names, for choosing lists and ballots. */
  listSheets(): Promise<readonly string[]>;
  /**
   * One sheet's displayed values, for the pane's own read-only view of the workbook (the standalone
   * page, which has no spreadsheet to show it in). Optional: hosts that show the workbook themselves
   * (Excel, Google Sheets) leave it out and select the cell instead (selectCell).
   */
  readSheet?(name: string): Promise<SheetData>;
  /**
   * Adds .xlsx files received by e-mail or Zalo as new tabs, one file after the other: a file that
   * cannot be read is listed in `failed` with a sentence naming it, and the other files are still added.
   */
  /** `onProgress(done, total, name)` is told before each file is read ("Đang đọc tệp 3/12"). */
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], onProgress?: ImportProgress): Promise<{ sheets: readonly string[]; failed?: readonly { readonly name: string; readonly message: string }[] }>;
  /** Builds the package sent upward (II.4.A, II.4.B, II.6.A, II.6.B) and hands it to the user (download). */
  exportPackage(): Promise<{ fileName: string }>;
  /**
   * Drafts a document of the plan (II.7.A, II.7.B, II.10, II.1, II.2, II.8, the handout) from the
   * workbook and hands it to the user (download): what the Văn bản screen does. Optional: a host
   * without it shows the list without buttons.
   */
  downloadDocument?(kind: DocumentKind): Promise<DocumentDownload>;
  /** Writes the conference handout as a sheet of the workbook with native charts (Excel only). */
  insertHandoutSheet?(): Promise<{ sheet: string; charts: number; keptCopy?: string }>;
}

/** What the user was given by downloadDocument. */
export interface DocumentDownload {
  readonly fileName: string;
  /** Word documents: places left "………" for the commune to write. */
  readonly blanks?: number;
  /** Sheet documents: what was filled from the workbook and what is left, in Vietnamese. */
  readonly note?: string;
  /** Plan sheets the workbook lacks (their parts of the document are left blank). */
  readonly missing: readonly string[];
}
