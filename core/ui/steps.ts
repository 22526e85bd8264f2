/**
 * The seven steps as the way through the pane: which screens each step opens (step 2 → files
 * received, the check, the forms to hand out; step 3 → consolidation and the II.7 drafts; step 4 →
 * ballot and ranking, the handout; steps 5-7 → export, feedback, documents), and what the next
 * action's button does (year.ts NextActionKind → a screen, and a command that screen runs).
 * Step 1 opens Văn bản for its II.2 (the directive's calendar).
 * Pure: LkhPane shows what this says; the tests check it.
 */
import type { DocumentKind } from '../src/documents/draft';
import type { Strings } from './i18n/vi';
import type { NextActionKind, YearNextView } from './year';

/** The pane's screens. 'home' is Tổng quan, 'sheet' the standalone page's Xem sổ. */
export const SCREENS = ['home', 'settings', 'forms', 'validate', 'consolidate', 'ranking', 'checklist', 'files', 'documents', 'sheet'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** Where the pane is: a screen, opened from a step (its tools shown) or from the top row. */
export interface PaneView {
  readonly screen: ScreenId;
  readonly step?: number;
}

/** The screens each step opens, the first one shown when the step is chosen. */
export const STEP_SCREENS: Readonly<Record<number, readonly ScreenId[]>> = {
  1: ['checklist', 'forms', 'documents'],
  2: ['files', 'validate', 'forms'],
  3: ['consolidate', 'documents', 'validate'],
  4: ['ranking', 'documents'],
  5: ['files', 'documents'],
  6: ['documents', 'files'],
  7: ['documents', 'checklist'],
};

/** The documents the Văn bản screen lists in each step (all of them outside a step). */
export const STEP_DOCUMENTS: Readonly<Record<number, readonly DocumentKind[]>> = {
  1: ['II.2'],
  3: ['II.7.A', 'II.7.B', 'II.8'],
  4: ['handout', 'II.7.A', 'II.7.B'],
  5: ['II.7.A', 'II.7.B'],
  6: ['II.10', 'II.7.A', 'II.7.B'],
  7: ['II.10', 'II.1'],
};

/** The label of a screen inside a step ("Nhận tệp" in step 2, "Gửi cấp trên" in step 5). */
export function toolLabel(screen: ScreenId, step: number | undefined, t: Strings): string {
  if (screen === 'files') return step !== undefined && step >= 5 ? t.steps.tools.send : t.steps.tools.receive;
  if (screen === 'documents') return step === 3 ? t.steps.tools.drafts : step === 4 ? t.steps.tools.handout : t.tabs.documents;
  if (screen === 'checklist') return t.steps.tools.checklist;
  // Never the label of the screen's own action button ("Kiểm tra", "Tổng hợp"): a tool opens, the button does.
  if (screen === 'validate') return t.steps.tools.validate;
  if (screen === 'consolidate') return t.steps.tools.consolidate;
  return t.tabs[screen];
}

/** What a screen is asked to do by the next-step button (a new `seq` each press). */
export type CommandRequest =
  | { readonly kind: 'consolidate' }
  | { readonly kind: 'receive' }
  | { readonly kind: 'draft'; readonly target: DocumentKind }
  | { readonly kind: 'ballot'; readonly target?: string }
  | { readonly kind: 'rank'; readonly target?: string };
export type PaneCommand = CommandRequest & { readonly seq: number };

/** What the next-step button does: where it goes, what it runs there, its label. */
export interface NextMove {
  readonly view: PaneView;
  /** Run by the screen shown (consolidate, choose files, draft, create a ballot, rank). */
  readonly command?: CommandRequest;
  /** Run by the pane itself. */
  readonly run?: 'export' | 'select';
  readonly button?: string;
}

const DOCUMENT_KINDS: ReadonlySet<string> = new Set(['II.1', 'II.2', 'II.7.A', 'II.7.B', 'II.8', 'II.10', 'handout']);

export function nextMove(next: YearNextView, t: Strings): NextMove {
  const step = next.step;
  const b = t.steps.buttons;
  switch (next.action as NextActionKind) {
    case 'settings':
    case 'villages':
      return { view: { screen: 'settings' }, button: b.settings };
    case 'receive':
      return { view: { screen: 'files', step: 2 }, command: { kind: 'receive' }, button: b.receive };
    case 'consolidate':
      return { view: { screen: 'consolidate', step: 3 }, command: { kind: 'consolidate' }, button: b.consolidate };
    case 'fix':
      return next.sheet && next.cell ? { view: { screen: 'consolidate', step }, run: 'select', button: b.fix(next.cell) } : { view: { screen: 'validate', step }, button: b.open };
    case 'draft':
    case 'feedback': {
      const target = next.target && DOCUMENT_KINDS.has(next.target) ? (next.target as DocumentKind) : next.action === 'feedback' ? 'II.10' : undefined;
      return target ? { view: { screen: 'documents', step }, command: { kind: 'draft', target }, button: b.draft(target === 'handout' ? t.steps.tools.handout : target) } : { view: { screen: 'documents', step }, button: b.open };
    }
    case 'ballot':
      return { view: { screen: 'ranking', step: 4 }, command: { kind: 'ballot', ...(next.target ? { target: next.target } : {}) }, button: b.ballot };
    case 'rank':
      return { view: { screen: 'ranking', step: 4 }, command: { kind: 'rank', ...(next.target ? { target: next.target } : {}) }, button: b.rank };
    case 'export':
      return { view: { screen: 'files', step: 5 }, run: 'export', button: b.export };
    case 'rollup':
      return { view: { screen: 'files', step: 2 }, command: { kind: 'receive' }, button: b.receive };
    case 'tick':
      return { view: { screen: STEP_SCREENS[step]?.[0] ?? 'checklist', step }, button: b.open };
    case 'done':
      return { view: { screen: 'home' } };
  }
}
