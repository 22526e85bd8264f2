/**
 * What the Checklist screen shows: the seven steps of the level with their dates, status,
 * expected forms (with the sheets that hold them) and manual ticks. A structural subset of
 * `Checklist` from core/src/workflow/calendar.ts — the client can return
 * `checklistOfDocument(state, today)` as it is (checked below at compile time).
 */
import type { Checklist } from '../src/workflow/calendar';

export type ChecklistStatus = 'done' | 'due-soon' | 'overdue' | 'upcoming' | 'not-applicable';

export interface ChecklistFormView {
  /** 'I.2' */
  readonly form: string;
  /** "Biểu I.2 (từ các thôn)" */
  readonly label: string;
  readonly labelEn: string;
  /** Sheets of the workbook holding the form. */
  readonly sheets: readonly string[];
  /** Ticked: a sheet holds content and (the commune's forms from the villages) no village lacks it. */
  readonly present: boolean;
  /** Why it is not ticked although sheets exist (blank sheets, villages missing). */
  readonly note?: string;
  readonly noteEn?: string;
}

export interface VillageCompletenessView {
  readonly unit: string;
  readonly missing: readonly string[];
  /** "Thôn Nà Lìu: chưa có Biểu I.3, I.4" */
  readonly text: string;
  readonly textEn: string;
}

export interface ChecklistManualView {
  /** Passed to setChecklistTick: 'buoc1.1.tct-xa'. */
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly ticked: boolean;
}

interface TrackedView {
  readonly id: string;
  /** ISO dates 'yyyy-mm-dd', inclusive. */
  readonly start: string;
  readonly end: string;
  /** The handbook's wording of the time ("Trước cuối tuần 2 tháng 5"). */
  readonly when: string;
  readonly whenEn: string;
  readonly overridden: boolean;
  readonly status: ChecklistStatus;
  /** Ticked as done by hand (the step or sub-item id). */
  readonly markedDone: boolean;
  readonly forms: readonly ChecklistFormView[];
  readonly manual: readonly ChecklistManualView[];
}

export interface ChecklistSubItemView extends TrackedView {
  readonly title: string;
  readonly titleEn: string;
}

export interface ChecklistStepView extends TrackedView {
  readonly number: number;
  /** False for the village's steps 3, 4, 5, 7 (the commune does them). */
  readonly applicable: boolean;
  /** "Bước 3: Tổng hợp và dự thảo kế hoạch" */
  readonly heading: string;
  readonly headingEn: string;
  readonly note?: string;
  readonly noteEn?: string;
  /** The step's forms and manual items include its sub-items'. */
  readonly items: readonly ChecklistSubItemView[];
}

export interface ChecklistView {
  readonly level: 'thon' | 'xa' | 'huyen' | 'tinh';
  readonly levelLabel: string;
  readonly levelLabelEn: string;
  readonly planYear: number;
  readonly mode: 'annual' | 'five-year';
  readonly today: string;
  readonly steps: readonly ChecklistStepView[];
  /** The first applicable step not done: opened first. */
  readonly nextStep?: string;
  /** "2/7 bước đã xong; Bước 3 còn 5 ngày (hạn 14/06/2026)" */
  readonly summary: string;
  readonly summaryEn: string;
  /** The commune's checklist: each village known and the village forms it has not sent. */
  readonly villages?: readonly VillageCompletenessView[];
}

/**
 * What the pane needs from the client for this screen (to be added to PaneClient).
 * `checklist` gives undefined while the workbook has no level or plan year.
 */
export interface ChecklistClient {
  checklist(today: string): Promise<ChecklistView | undefined>;
  /** Ticks a manual item, a sub-item or a step ('buoc3') as done; returns the new checklist. */
  setChecklistTick(itemId: string, value: boolean): Promise<ChecklistView | undefined | void>;
  /** Optional: the user's dates for a step or sub-item; null restores the handbook's. */
  setChecklistDates?(itemId: string, dates: { start?: string; end?: string } | null): Promise<ChecklistView | undefined | void>;
}

/** Compile-time check that the calendar's result is what this screen shows. */
export const CALENDAR_IS_VIEW: Checklist extends ChecklistView ? true : never = true;
