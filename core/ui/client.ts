/**
 * What the shared pane needs from its host: the core's actions (core/src/app/actions.ts), run
 * in-process (Excel, standalone page) or through google.script.run (Google Sheets sidebar), plus
 * the few things only a host does (files in and out). Every call is coarse and JSON-safe.
 */
import type { ConsolidateOptions, ConsolidationView, FormSummary, RankingView, Settings, ValidationView } from '../src/app/actions';
import type { Checklist } from '../src/workflow/calendar';

export type HostKind = 'excel' | 'sheets' | 'standalone';

export interface PaneClient {
  readonly host: HostKind;
  getSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<Settings>;
  listForms(): Promise<readonly FormSummary[]>;
  insertForm(formId: string, unitName?: string): Promise<{ sheet: string; keptCopy?: string }>;
  validate(): Promise<ValidationView>;
  selectCell(sheet: string, cell: string): Promise<void>;
  consolidate(opts?: ConsolidateOptions): Promise<ConsolidationView>;
  /** Deletes every kept copy ("… (cũ)") of the workbook. */
  removeCopies(): Promise<{ removed: readonly string[] }>;
  /** Writes the period's reference data as a "Danh mục" sheet the user can update. */
  writeCatalogue(): Promise<{ sheet: string; entries: number; period: string; keptCopy?: string }>;
  createBallot(opts: { listSheet: string; method: 'marks' | 'scores'; participants?: number; criteria?: readonly string[] }): Promise<{ sheet: string; items: number }>;
  rankFromBallot(opts: { ballotSheet: string; listSheet?: string }): Promise<RankingView>;
  /** The seven steps of the level in the settings; undefined until the plan year is set. `today` is 'yyyy-mm-dd'. */
  checklist(today: string): Promise<Checklist | undefined>;
  setChecklistTick(itemId: string, ticked: boolean): Promise<void>;
  /** Sheet names, for choosing lists and ballots. */
  listSheets(): Promise<readonly string[]>;
  /** Adds .xlsx files received by e-mail as new tabs. */
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<{ sheets: readonly string[] }>;
  /** Builds the package sent upward (II.4.A, II.4.B, II.6.A, II.6.B) and hands it to the user (download). */
  exportPackage(): Promise<{ fileName: string }>;
}
