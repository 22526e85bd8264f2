/**
 * The year as the pane shows it: the seven steps of the user's level, each with its results done
 * or missing and the evidence, the step the unit is in, and the next action. A structural subset of
 * the core's `YearStatus` (core/src/year): the client's `yearStatus(today)` returns it as it is.
 *
 * `yearOfChecklist` is the adapter for a client without `yearStatus` (an older server in Sheets):
 * the same shape from the calendar's checklist, so the pane is built on one shape either way.
 */
import type { EvidenceSay, NextActionKind, NextSay, YearStatus } from '../src/year';
import type { ChecklistView } from './checklist-types';

/** The next action's kinds, the core's own (the pane's view is otherwise a structural subset). */
export type { EvidenceSay, NextActionKind, NextSay };

export interface YearEvidenceView {
  readonly sheet?: string;
  readonly file?: string;
  readonly date?: string;
  readonly text: string;
  /** What it is, for the pane's language; absent: said as `text`. */
  readonly say?: EvidenceSay;
}

export interface YearItemView {
  readonly id: string;
  readonly what: string;
  readonly whatEn?: string;
  readonly kind: 'form' | 'manual';
  readonly done: boolean;
  readonly ticked: boolean;
  readonly tickable: boolean;
  readonly evidence: readonly YearEvidenceView[];
  readonly missing: readonly string[];
}

export interface YearStepView {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly titleEn?: string;
  /** "Bước 3: Tổng hợp và dự thảo kế hoạch" */
  readonly heading: string;
  readonly applicable: boolean;
  readonly done: boolean;
  readonly ticked: boolean;
  readonly started: boolean;
  readonly items: readonly YearItemView[];
  readonly counts: { readonly done: number; readonly total: number };
  readonly deadline?: { readonly text: string; readonly overdue: boolean; readonly end?: string; readonly daysLeft?: number };
}

export interface YearNextView {
  readonly text: string;
  /** The sentence as a key and its parameters, for the pane's language; absent: said as `text`. */
  readonly say?: NextSay;
  readonly action: NextActionKind;
  readonly step: number;
  readonly sheet?: string;
  readonly cell?: string;
  readonly file?: string;
  readonly target?: string;
}

export interface YearView {
  readonly level: 'thon' | 'xa' | 'huyen' | 'tinh';
  readonly planYear?: number;
  readonly unitName?: string;
  readonly current: number;
  readonly steps: readonly YearStepView[];
  readonly gaps: readonly { readonly step: number; readonly id: string; readonly what: string }[];
  readonly counts: { readonly steps: number; readonly stepsDone: number; readonly results: number; readonly resultsDone: number };
  readonly villages?: { readonly expected: number; readonly expectedSet?: boolean; readonly complete: number; readonly text: string };
  readonly next: YearNextView;
  readonly summary: string;
}

/** What the pane needs from a client to show the year; optional on PaneClient. */
export interface YearClient {
  yearStatus(today: string): Promise<YearView | undefined>;
}

/** What the adapter knows beside the checklist: whether a plan is there, its errors. */
export interface YearFacts {
  readonly plan: boolean;
  /** The first error of the last consolidation, with its cell. */
  readonly error?: { readonly sheet: string; readonly cell?: string; readonly text: string };
}

/**
 * The year from the calendar's checklist (a client without `yearStatus`): the steps and their
 * results as the checklist has them; the current step the latest with a result done; the next
 * action from the same facts the home screen used (settings, forms received, the plan).
 */
export function yearOfChecklist(c: ChecklistView, facts: YearFacts): YearView {
  const steps: YearStepView[] = c.steps.map((s) => {
    const forms: YearItemView[] = s.forms.map((f) => ({
      id: `${s.id}:${f.form}:${f.label}`,
      what: f.label,
      whatEn: f.labelEn,
      kind: 'form',
      done: f.present || s.markedDone,
      ticked: s.markedDone,
      tickable: false,
      evidence: f.sheets.map((sheet) => ({ sheet, text: `trang "${sheet}"` })),
      missing: f.present ? [] : f.note ? [f.note] : [],
    }));
    const manual: YearItemView[] = s.manual.map((m) => ({ id: m.id, what: m.label, whatEn: m.labelEn, kind: 'manual', done: m.ticked || s.markedDone, ticked: m.ticked, tickable: true, evidence: [], missing: [] }));
    const items = [...forms, ...manual];
    const done = items.filter((i) => i.done).length;
    return {
      n: s.number,
      id: s.id,
      title: s.heading.replace(/^Bước \d+:\s*/u, ''),
      titleEn: s.headingEn.replace(/^Step \d+:\s*/u, ''),
      heading: s.heading,
      applicable: s.applicable,
      done: s.markedDone || (items.length > 0 && done === items.length),
      ticked: s.markedDone,
      started: done > 0,
      items,
      counts: { done, total: items.length },
    };
  });
  // After a consolidation, the plan is evidence of step 3 even where the checklist does not tick it.
  const latest = Math.max(1, ...steps.filter((s) => s.started).map((s) => s.n), facts.plan ? 3 : 1);
  const current = steps.find((s) => s.n === latest)?.done ? Math.min(7, latest + 1) : latest;
  const gaps = steps.filter((s) => s.n < current && s.applicable).flatMap((s) => s.items.filter((i) => !i.done).map((i) => ({ step: s.n, id: i.id, what: i.what })));
  const received = steps.find((s) => s.n === 2)?.items.some((i) => i.kind === 'form' && i.evidence.length > 0) ?? false;
  const next: YearNextView = facts.error
    ? { text: `Sửa lỗi trước: ${facts.error.text} (ô ${facts.error.cell ?? ''} trang "${facts.error.sheet}").`, action: 'fix', step: 3, sheet: facts.error.sheet, ...(facts.error.cell ? { cell: facts.error.cell } : {}) }
    : !facts.plan && !received && c.level === 'xa'
      ? { text: 'Nhận biểu của các thôn (I.1, I.2, I.3) và của các ban ngành (II.3).', action: 'receive', step: 2 }
      : !facts.plan
        ? { text: 'Tổng hợp các biểu đã nhận thành kế hoạch (II.4.A, II.4.B, II.6.A, II.6.B, II.6.C).', action: 'consolidate', step: 3 }
        : { text: 'Chuẩn bị hội nghị kế hoạch: tạo phiếu xếp ưu tiên cho danh sách II.6.B.', action: 'ballot', step: 4, target: 'II.6.B' };
  const stepsDone = steps.filter((s) => s.done).length;
  return {
    level: c.level,
    planYear: c.planYear,
    current,
    steps,
    gaps,
    counts: { steps: steps.length, stepsDone, results: steps.reduce((a, s) => a + s.counts.total, 0), resultsDone: steps.reduce((a, s) => a + s.counts.done, 0) },
    next,
    summary: c.summary,
  };
}

/** Compile-time check that the core's answer is what the pane shows. */
export const YEAR_IS_VIEW: YearStatus extends YearView ? true : never = true;
