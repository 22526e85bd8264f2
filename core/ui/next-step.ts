/**
 * What to do next, after each thing the user did: one sentence ("Tiếp theo: …"), the tab where the
 * next action is, and the one primary button that does it. Pure: the pane keeps the last moment
 * (loaded, demo, files opened or added, consolidated, package downloaded) and shows what this says;
 * the tests check it screen state by screen state.
 */
import type { NextAction } from '../src/year';
import type { Strings } from './i18n/vi';
import type { TabId } from './LkhPane';

/** What just happened in the pane (or the page around it). */
export type PaneMoment =
  | { readonly kind: 'loaded'; readonly planYear?: number }
  /** The demo commune loaded (standalone page). */
  | { readonly kind: 'demo' }
  /** Files opened as a new workbook (standalone page's "Mở tệp"). */
  | { readonly kind: 'opened' }
  /** Files added to the open workbook (the "Tệp" screen). */
  | { readonly kind: 'imported'; readonly sheets: number }
  | { readonly kind: 'consolidated'; readonly conflicts: number }
  /** The package sent upward built and handed to the user. */
  | { readonly kind: 'exported'; readonly fileName: string }
  /** The year's status read after an action (core/src/year yearStatus): its next action. */
  | { readonly kind: 'status'; readonly next: NextAction };

export interface NextStep {
  /** The tab where the next action is. */
  readonly tab: TabId;
  /** "Tiếp theo: …". */
  readonly text: string;
  /** The primary button's label; none when the action is on the screen already shown. */
  readonly button?: string;
  /** What the button does: open `tab`, or build and download the package sent upward. */
  readonly action: 'open' | 'export';
  /** The pane moves to `tab` at once (after the demo and after opening files). */
  readonly move: boolean;
}

export function nextStep(moment: PaneMoment, t: Strings): NextStep | undefined {
  switch (moment.kind) {
    case 'loaded':
      return moment.planYear === undefined ? { tab: 'settings', text: t.next.settings, action: 'open', move: true } : undefined;
    case 'demo':
    case 'opened':
      return { tab: 'consolidate', text: t.next.consolidate, button: t.tabs.consolidate, action: 'open', move: true };
    case 'imported':
      return moment.sheets > 0 ? { tab: 'consolidate', text: t.next.consolidate, button: t.tabs.consolidate, action: 'open', move: false } : undefined;
    case 'consolidated':
      if (moment.conflicts > 0) return { tab: 'consolidate', text: t.next.conflicts, action: 'open', move: false };
      // The drafts and the planning conference come before the export (the year's status says which first).
      return { tab: 'documents', text: t.next.drafts, button: t.next.draftsButton, action: 'open', move: false };
    case 'exported':
      return { tab: 'files', text: t.next.send(moment.fileName), action: 'open', move: false };
    case 'status':
      return statusStep(moment.next, t);
  }
}

/** Where each next action of the year's status is done. */
const ACTION_TAB: Readonly<Record<NextAction['action'], TabId>> = {
  settings: 'settings',
  villages: 'settings',
  receive: 'files',
  consolidate: 'consolidate',
  fix: 'validate',
  draft: 'documents',
  ballot: 'ranking',
  rank: 'ranking',
  export: 'files',
  feedback: 'files',
  rollup: 'consolidate',
  tick: 'checklist',
  done: 'checklist',
};

/** The year's next action in the pane's words: its tab, its sentence, the button that does it (export builds the package). */
export function statusStep(next: NextAction, t: Strings): NextStep {
  const button = t.next.statusButtons[next.action];
  return { tab: ACTION_TAB[next.action], text: t.next.status(next.text, next.action), ...(button ? { button } : {}), action: next.action === 'export' ? 'export' : 'open', move: false };
}

/** What the home screen knows of the workbook: the plan year, what was received, whether a plan is there. */
export interface WorkbookProgress {
  readonly planYear?: number;
  /** Sheets holding the villages' I.2 and the departments' II.3; undefined when the host cannot say. */
  readonly received?: number;
  /** II.6.A or II.6.B in the workbook. */
  readonly plan: boolean;
}

/**
 * The home screen's one primary button: the year's status when the host can ask it (`next`); else
 * settings, then forms received, then consolidate, then the drafts and the conference.
 */
export function homeStep(p: WorkbookProgress, t: Strings, next?: NextAction): NextStep & { readonly button: string } {
  if (next) {
    const s = statusStep(next, t);
    return { ...s, button: s.button ?? t.tabs.checklist };
  }
  if (p.planYear === undefined) return { tab: 'settings', text: t.next.settings, button: t.next.settingsButton, action: 'open', move: false };
  if (!p.plan && p.received === 0) return { tab: 'files', text: t.next.receive, button: t.next.receiveButton, action: 'open', move: false };
  if (!p.plan) return { tab: 'consolidate', text: t.next.consolidate, button: t.tabs.consolidate, action: 'open', move: false };
  return { tab: 'documents', text: t.next.drafts, button: t.next.draftsButton, action: 'open', move: false };
}
