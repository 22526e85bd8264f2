/**
 * The seven-step checklist of the sidebar (SPEC §2): each level's steps with their dates in
 * the planning year, their expected results (forms, ticked from the sheets of the workbook that
 * hold content — content.ts — and, for the commune, only once every village sent its forms;
 * other results ticked by hand), a status relative to today, and which village lacks what.
 *
 * Results cross google.script.run: plain JSON, dates as ISO 'yyyy-mm-dd' strings. Date
 * objects are used only inside, in UTC.
 */
import type { FormId, Level } from '../../forms/types';
import { villageKey } from '../../reader/unit';
import type { SheetContent } from './content';
import type { DateRule, ExpectedFormDef, FormSource, ManualItemDef, StepDef, SubItemDef } from './steps';
import { STEPS } from './steps';

export type { DateRule, ExpectedFormDef, FiveYearDef, FormSource, ManualItemDef, StepDef, SubItemDef } from './steps';
export { STEPS, STEP_NAMES } from './steps';
export type { SheetContent } from './content';
export { sheetContent, sheetContents } from './content';

/** 'annual': the yearly calendar (Part I); 'five-year': Annex 2's calendar for the 5-year plan. */
export type PlanningMode = 'annual' | 'five-year';

export interface CalendarOptions {
  /**
   * 5-year mode: first year of the period planned (e.g. 2026 for 2026-2030). The plan is made in
   * year 4 of the previous period, i.e. periodStart - 2. Default: the plan year.
   */
  readonly periodStart?: number;
  /**
   * What each sheet holds (sheetContents): a form is ticked only by a sheet holding content, so a
   * blank template ticks nothing. Without it no sheet is known to hold anything.
   */
  readonly contents?: Readonly<Record<string, SheetContent>>;
  /** The commune's villages (its settings); the villages named by the village forms' sheets are added. */
  readonly villages?: readonly string[];
}

/** ISO dates 'yyyy-mm-dd', both inclusive. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** A user's dates for a step or sub-item (by id: 'buoc3', 'buoc1.2'); either may be left out. */
export interface DateOverride {
  readonly start?: string;
  readonly end?: string;
}

export type DateOverrides = Readonly<Record<string, DateOverride>>;

export interface ItemDates extends DateRange {
  readonly id: string;
  /** True when the user changed a date of this step or sub-item. */
  readonly overridden: boolean;
  /** The time as the handbook words it (5-year: Annex 2's wording, or described from the rules). */
  readonly when: string;
  readonly whenEn: string;
  /** 'handbook': Part I (annual) or Annex 2 gives it; 'derived': Annex 2 is silent (5-year mode). */
  readonly basis: 'handbook' | 'derived';
}

export interface StepDates extends ItemDates {
  readonly number: number;
  readonly applicable: boolean;
  readonly items: readonly ItemDates[];
}

export type StepStatus = 'done' | 'due-soon' | 'overdue' | 'upcoming' | 'not-applicable';

/** Days before the end date from which an unfinished step is "due soon". */
export const DUE_SOON_DAYS = 7;

export const STATUS_LABELS: Readonly<Record<StepStatus, { readonly vi: string; readonly en: string }>> = {
  done: { vi: 'Đã xong', en: 'Done' },
  'due-soon': { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  upcoming: { vi: 'Chưa đến hạn', en: 'Upcoming' },
  'not-applicable': { vi: 'Không áp dụng', en: 'Not applicable' },
};

export const LEVEL_LABELS: Readonly<Record<Level, { readonly vi: string; readonly en: string }>> = {
  thon: { vi: 'Thôn', en: 'Village' },
  xa: { vi: 'Xã', en: 'Commune' },
  huyen: { vi: 'Huyện', en: 'District' },
  tinh: { vi: 'Tỉnh', en: 'Province' },
};

export const SOURCE_LABELS: Readonly<Record<FormSource, { readonly vi: string; readonly en: string }>> = {
  thon: { vi: 'từ các thôn', en: 'from the villages' },
  'ban-nganh': { vi: 'từ các ban ngành, đơn vị', en: 'from the departments and units' },
  xa: { vi: 'từ các xã', en: 'from the communes' },
  huyen: { vi: 'từ huyện', en: 'from the district' },
  tinh: { vi: 'từ tỉnh', en: 'from the province' },
};

// ---------------------------------------------------------------------------------------------
// Dates.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written 'yyyy-mm-dd'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const mt = ISO.exec(s);
  if (!mt) return false;
  const y = Number(mt[1]);
  const mo = Number(mt[2]);
  const d = Number(mt[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function toDays(isoDate: string): number {
  const mt = ISO.exec(isoDate);
  if (!mt) throw new RangeError(`Ngày không hợp lệ: "${isoDate}" (cần dạng yyyy-mm-dd)`);
  return Date.UTC(Number(mt[1]), Number(mt[2]) - 1, Number(mt[3])) / DAY_MS;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', as Vietnamese documents write dates. */
export function formatDateVi(isoDate: string): string {
  const mt = ISO.exec(isoDate);
  return mt ? `${mt[3]}/${mt[2]}/${mt[1]}` : isoDate;
}

/** Week `week` (1-4) of a month: days 7n-6..7n, week 4 running to the month's end. */
export function weekRange(year: number, month: number, week: number): DateRange {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Tháng không hợp lệ: ${month}/${year}`);
  if (!Number.isInteger(week) || week < 1 || week > 4) throw new RangeError(`Tuần không hợp lệ: ${week} (1-4)`);
  const start = 7 * week - 6;
  const end = week === 4 ? daysInMonth(year, month) : 7 * week;
  return { start: iso(year, month, start), end: iso(year, month, end) };
}

/** The date a rule names in `year`. */
export function resolveRule(year: number, rule: DateRule): string {
  if (rule.day !== undefined) return iso(year, rule.month, Math.min(rule.day, daysInMonth(year, rule.month)));
  if (rule.week !== undefined) {
    const w = weekRange(year, rule.month, rule.week);
    return rule.edge === 'start' ? w.start : w.end;
  }
  return iso(year, rule.month, rule.edge === 'start' ? 1 : daysInMonth(year, rule.month));
}

/** The year the plan is made in: X = planYear - 1; 5-year mode: year 4 of the previous period. */
export function workYear(planYear: number, mode: PlanningMode = 'annual', options: CalendarOptions = {}): number {
  if (mode === 'five-year') return (options.periodStart ?? planYear) - 2;
  return planYear - 1;
}

// ---------------------------------------------------------------------------------------------
// Describing rules in words (for windows the handbook does not word: 5-year derived dates).

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ruleText(rule: DateRule, lang: 'vi' | 'en'): string {
  const month = lang === 'vi' ? `tháng ${rule.month}` : MONTHS_EN[rule.month - 1];
  if (rule.day !== undefined) return lang === 'vi' ? `ngày ${rule.day}/${rule.month}` : `${rule.day} ${month}`;
  if (rule.week !== undefined) return lang === 'vi' ? `tuần ${rule.week} ${month}` : `week ${rule.week} of ${month}`;
  return month;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Tuần 4 tháng 5 – tuần 2 tháng 6" / "Week 4 of May – week 2 of June"; "Trước ngày 20/7" / "By 20 July". */
export function describeWindow(start: DateRule, due: DateRule, lang: 'vi' | 'en'): string {
  if (due.day !== undefined) return lang === 'vi' ? `Trước ${ruleText(due, 'vi')}` : `By ${ruleText(due, 'en')}`;
  const a = ruleText(start, lang);
  const b = ruleText(due, lang);
  if (a === b) return capitalise(a);
  const sameMonth = start.month === due.month;
  const startIsMonth = start.week === undefined && start.day === undefined;
  const dueIsMonth = due.week === undefined;
  // From the 1st to a week of the same month: "Trước cuối tuần 3 tháng 4" / "By the end of week 3 of April".
  if (sameMonth && startIsMonth) return lang === 'vi' ? `Trước cuối ${b}` : `By the end of ${b}`;
  // From a week to the month's end: "Tuần 2 tháng 6 – cuối tháng 6" / "Week 2 of June – end of June".
  if (sameMonth && dueIsMonth) return capitalise(lang === 'vi' ? `${a} – cuối ${b}` : `${a} – end of ${b}`);
  return capitalise(`${a} – ${b}`);
}

// ---------------------------------------------------------------------------------------------
// Step dates.

/** The step table of a level (SPEC §2). */
export function stepsOf(level: Level): readonly StepDef[] {
  const steps = STEPS[level];
  if (!steps) throw new RangeError(`Cấp không hợp lệ: ${String(level)}`);
  return steps;
}

function applyOverride(id: string, range: DateRange, overrides: DateOverrides): { range: DateRange; overridden: boolean } {
  const o = Object.prototype.hasOwnProperty.call(overrides, id) ? overrides[id] : undefined;
  if (!o) return { range, overridden: false };
  const start = isIsoDate(o.start) ? o.start : undefined;
  const end = isIsoDate(o.end) ? o.end : undefined;
  if (start === undefined && end === undefined) return { range, overridden: false };
  let s = start ?? range.start;
  let e = end ?? range.end;
  // Keep start <= end: a lone new start past the end moves the end with it; otherwise the start gives way.
  if (s > e) {
    if (end === undefined) e = s;
    else s = e;
  }
  return { range: { start: s, end: e }, overridden: true };
}

function subItemDates(item: SubItemDef, step: StepDef, year: number, mode: PlanningMode, stepRange: DateRange, overrides: DateOverrides): ItemDates {
  let range: DateRange;
  let when: string;
  let whenEn: string;
  let basis: ItemDates['basis'] = 'handbook';
  if (mode === 'annual') {
    range = { start: resolveRule(year, item.start), end: resolveRule(year, item.due) };
    when = item.when;
    whenEn = describeWindow(item.start, item.due, 'en');
  } else if (item.fiveYear) {
    range = { start: resolveRule(year, item.fiveYear.start), end: resolveRule(year, item.fiveYear.due) };
    when = item.fiveYear.when ?? describeWindow(item.fiveYear.start, item.fiveYear.due, 'vi');
    whenEn = describeWindow(item.fiveYear.start, item.fiveYear.due, 'en');
    if ((item.fiveYear.basis ?? step.fiveYear.basis) === 'derived') basis = 'derived';
  } else {
    // Annex 2 times whole steps: a sub-item takes its step's window.
    range = stepRange;
    when = step.fiveYear.when ?? describeWindow(step.fiveYear.start, step.fiveYear.due, 'vi');
    whenEn = describeWindow(step.fiveYear.start, step.fiveYear.due, 'en');
    basis = step.fiveYear.basis === 'derived' ? 'derived' : 'handbook';
  }
  const o = applyOverride(item.id, range, overrides);
  return { id: item.id, ...o.range, overridden: o.overridden, when, whenEn, basis };
}

/**
 * The dates of each step (and sub-item) of a level for the plan of `planYear`: the plan is
 * made in year X = planYear - 1 (April-December); 5-year mode follows Annex 2 in year 4 of the
 * previous period. User overrides (by step or sub-item id) replace either date.
 */
export function stepDates(
  level: Level,
  planYear: number,
  mode: PlanningMode = 'annual',
  overrides: DateOverrides = {},
  options: CalendarOptions = {},
): StepDates[] {
  if (!Number.isInteger(planYear)) throw new RangeError(`Năm kế hoạch không hợp lệ: ${planYear}`);
  const year = workYear(planYear, mode, options);
  return stepsOf(level).map((step) => {
    const rules = mode === 'annual' ? { start: step.start, due: step.due } : step.fiveYear;
    const base: DateRange = { start: resolveRule(year, rules.start), end: resolveRule(year, rules.due) };
    const when = mode === 'annual' ? step.when : (step.fiveYear.when ?? describeWindow(step.fiveYear.start, step.fiveYear.due, 'vi'));
    const whenEn = describeWindow(rules.start, rules.due, 'en');
    const basis: ItemDates['basis'] = mode === 'five-year' && step.fiveYear.basis === 'derived' ? 'derived' : 'handbook';
    const o = applyOverride(step.id, base, overrides);
    return {
      id: step.id,
      number: step.number,
      applicable: step.applicable,
      ...o.range,
      overridden: o.overridden,
      when,
      whenEn,
      basis,
      items: step.items.map((it) => subItemDates(it, step, year, mode, base, overrides)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The checklist.

export interface ChecklistForm {
  readonly form: FormId;
  readonly from?: FormSource;
  /** "Biểu I.2 (từ các thôn)" */
  readonly label: string;
  readonly labelEn: string;
  /** Sheets of the workbook holding this form, in the order of sheetForms. */
  readonly sheets: readonly string[];
  /** Those of them holding content (an activity or a filled value); the others are blank templates. */
  readonly filled: readonly string[];
  /** The commune's checklist, forms from the villages: the villages with no filled sheet of the form. */
  readonly missing: readonly string[];
  /** Ticked: at least one sheet holds content, and no village lacks the form. */
  readonly present: boolean;
  /** Why it is not ticked although sheets exist: "Trang "I.3" chưa có nội dung; còn thiếu: Thôn Nà Lìu." */
  readonly note?: string;
  readonly noteEn?: string;
  readonly line: number;
}

/** A village of the commune and the village forms it has not sent with content. */
export interface VillageCompleteness {
  readonly unit: string;
  readonly missing: readonly FormId[];
  /** "Thôn Nà Lìu: chưa có Biểu I.3, I.4" / "Thôn Nà Lìu: đủ Biểu I.1, I.2, I.3, I.4". */
  readonly text: string;
  readonly textEn: string;
}

export interface ChecklistManual {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly ticked: boolean;
  readonly line: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface ChecklistCounts {
  readonly forms: Progress;
  readonly manual: Progress;
  /** forms + manual */
  readonly results: Progress;
}

interface Tracked {
  readonly start: string;
  readonly end: string;
  readonly overridden: boolean;
  readonly when: string;
  readonly whenEn: string;
  readonly basis: ItemDates['basis'];
  /** "22/04/2026 – 30/04/2026" */
  readonly dateText: string;
  readonly status: StepStatus;
  readonly statusLabel: string;
  readonly statusLabelEn: string;
  /** Days from today to the end date (negative: overdue by that many days). */
  readonly daysLeft: number;
  /** Today is on or after the start date. */
  readonly started: boolean;
  /** Ticked as done by hand (manual[id]), whatever its results. */
  readonly markedDone: boolean;
  readonly forms: readonly ChecklistForm[];
  readonly manual: readonly ChecklistManual[];
  readonly counts: ChecklistCounts;
}

export interface ChecklistSubItem extends Tracked {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  readonly line: number;
}

export interface ChecklistStep extends Tracked {
  readonly id: string;
  readonly number: number;
  readonly applicable: boolean;
  readonly name: string;
  readonly nameEn: string;
  /** "Bước 3: Tổng hợp và dự thảo kế hoạch" */
  readonly heading: string;
  readonly headingEn: string;
  readonly title: string;
  readonly titleEn: string;
  readonly line: number;
  readonly calendarLine?: number;
  readonly note?: string;
  readonly noteEn?: string;
  readonly items: readonly ChecklistSubItem[];
}

export interface Checklist {
  readonly level: Level;
  readonly levelLabel: string;
  readonly levelLabelEn: string;
  readonly planYear: number;
  readonly mode: PlanningMode;
  /** The year the steps run in. */
  readonly year: number;
  readonly today: string;
  readonly steps: readonly ChecklistStep[];
  readonly counts: {
    readonly steps: Readonly<Record<StepStatus, number>> & { readonly total: number };
    /** Summed over the applicable steps: a form expected by two steps counts twice. */
    readonly forms: Progress;
    readonly manual: Progress;
  };
  /** The first applicable step not done, by end date (what the sidebar points at). */
  readonly nextStep?: string;
  /** "Bước 2 quá hạn 3 ngày" — one line for the sidebar's header. */
  readonly summary: string;
  readonly summaryEn: string;
  /** The commune's checklist: each village known and what it has not sent (the forms from the villages). */
  readonly villages: readonly VillageCompleteness[];
}

function formLabel(def: ExpectedFormDef, lang: 'vi' | 'en'): string {
  const base = lang === 'vi' ? `Biểu ${def.form}` : `Form ${def.form}`;
  return def.from ? `${base} (${SOURCE_LABELS[def.from][lang]})` : base;
}

/** What the forms are checked against: the sheets of each form, what they hold, the villages. */
interface FormContext {
  readonly sheetsByForm: ReadonlyMap<FormId, string[]>;
  readonly contents: Readonly<Record<string, SheetContent>>;
  /** The commune's checklist: villages by key, and the village forms. */
  readonly villages?: ReadonlyMap<string, string>;
  readonly villageForms: ReadonlySet<FormId>;
}

/** "Thôn Nà Lìu", "thon na liu" and "Nà Lìu" are the same village (reader/unit.ts: the reader matches a village's sheets by it too). */
export { villageKey };

const quoteList = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

function checkForms(defs: readonly ExpectedFormDef[], ctx: FormContext): ChecklistForm[] {
  const seen = new Set<string>();
  const out: ChecklistForm[] = [];
  for (const d of defs) {
    const key = `${d.form}|${d.from ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sheets = ctx.sheetsByForm.get(d.form) ?? [];
    const filled = sheets.filter((s) => ctx.contents[s]?.filled === true);
    const blank = sheets.filter((s) => !filled.includes(s));
    const missing: string[] = [];
    if (ctx.villages && d.from === 'thon' && ctx.villageForms.has(d.form)) {
      const have = new Set(filled.map((s) => ctx.contents[s]?.unit).filter((u): u is string => u !== undefined).map(villageKey));
      // A filled sheet naming no village counts for one village: it cannot tell which.
      let unnamed = filled.filter((s) => ctx.contents[s]?.unit === undefined).length;
      for (const [k, name] of ctx.villages) {
        if (have.has(k)) continue;
        if (unnamed > 0) unnamed--;
        else missing.push(name);
      }
    }
    const present = filled.length > 0 && missing.length === 0;
    const notes: string[] = [];
    const notesEn: string[] = [];
    if (blank.length > 0) {
      notes.push(`${blank.length === 1 ? 'Trang' : 'Các trang'} ${quoteList(blank)} chưa có nội dung (chưa có hoạt động hay số liệu nào)`);
      notesEn.push(`${blank.length === 1 ? 'Sheet' : 'Sheets'} ${quoteList(blank)} ${blank.length === 1 ? 'holds' : 'hold'} nothing yet (no activity or value)`);
    }
    if (missing.length > 0) {
      notes.push(`còn thiếu: ${missing.join(', ')}`);
      notesEn.push(`missing from: ${missing.join(', ')}`);
    }
    const base = {
      form: d.form,
      label: formLabel(d, 'vi'),
      labelEn: formLabel(d, 'en'),
      sheets: [...sheets],
      filled,
      missing,
      present,
      ...(notes.length > 0 ? { note: `${capitalise(notes.join('; '))}.`, noteEn: `${capitalise(notesEn.join('; '))}.` } : {}),
      line: d.line,
    };
    out.push(d.from === undefined ? base : { ...base, from: d.from });
  }
  return out;
}

/**
 * The sheets of each form, what they hold, and — for a commune (`settingsVillages` given) — the
 * villages known: those of its settings and those the sheets of the village forms name.
 */
function formContext(
  sheetForms: Readonly<Record<string, FormId>>,
  contents: Readonly<Record<string, SheetContent>>,
  villageForms: ReadonlySet<FormId>,
  settingsVillages: readonly string[] | undefined,
): FormContext {
  const sheetsByForm = new Map<FormId, string[]>();
  for (const [sheet, form] of Object.entries(sheetForms)) {
    const list = sheetsByForm.get(form) ?? [];
    list.push(sheet);
    sheetsByForm.set(form, list);
  }
  if (settingsVillages === undefined) return { sheetsByForm, contents, villageForms };
  const villages = new Map<string, string>();
  const add = (name: string | undefined) => {
    const n = name?.trim();
    if (n && !villages.has(villageKey(n))) villages.set(villageKey(n), n);
  };
  for (const v of settingsVillages) add(v);
  for (const [sheet, c] of Object.entries(contents)) if (villageForms.has(c.form) && sheetForms[sheet] === c.form) add(c.unit);
  return { sheetsByForm, contents, villageForms, villages };
}

/** The village forms the commune receives from every village (L597; II.1 criterion 5, L1633-L1636). */
export const VILLAGE_FORMS: readonly FormId[] = ['I.1', 'I.2', 'I.3'];

/**
 * Which village lacks which of `forms` (the commune's view: I.1, I.2 and I.3 received from every
 * village, L597, L1633-L1636): the villages of `villages` (the settings) and those the sheets of these
 * forms name, each with the forms no sheet of it holding content has — the checklist's own lines.
 * `sheetForms` maps sheets to their forms, `contents` says what each holds (sheetContents).
 */
export function villageCompleteness(
  sheetForms: Readonly<Record<string, FormId>>,
  contents: Readonly<Record<string, SheetContent>>,
  forms: readonly FormId[],
  villages: readonly string[] = [],
): VillageCompleteness[] {
  return villageLines(formContext(sheetForms, contents, new Set(forms), villages));
}

/** The villages known and the village forms each lacks (forms from the villages only). */
function villageLines(ctx: FormContext): VillageCompleteness[] {
  if (!ctx.villages) return [];
  const forms = [...ctx.villageForms].sort();
  const have = new Map<string, Set<FormId>>();
  for (const [sheet, c] of Object.entries(ctx.contents)) {
    if (!c.filled || !c.unit || !ctx.villageForms.has(c.form) || !(ctx.sheetsByForm.get(c.form) ?? []).includes(sheet)) continue;
    const k = villageKey(c.unit);
    const set = have.get(k) ?? new Set<FormId>();
    set.add(c.form);
    have.set(k, set);
  }
  return [...ctx.villages].map(([k, unit]) => {
    const missing = forms.filter((f) => !have.get(k)?.has(f));
    const list = (fs: readonly FormId[]) => fs.join(', ');
    return {
      unit,
      missing,
      text: missing.length > 0 ? `${unit}: chưa có Biểu ${list(missing)}` : `${unit}: đủ Biểu ${list(forms)}`,
      textEn: missing.length > 0 ? `${unit}: no form ${list(missing)} yet` : `${unit}: forms ${list(forms)} all in`,
    };
  });
}

function checkManual(defs: readonly ManualItemDef[], manual: Readonly<Record<string, boolean>>): ChecklistManual[] {
  return defs.map((d) => ({ id: d.id, label: d.label, labelEn: d.labelEn, ticked: manual[d.id] === true, line: d.line }));
}

function countsOf(forms: readonly ChecklistForm[], manual: readonly ChecklistManual[]): ChecklistCounts {
  const f = { done: forms.filter((x) => x.present).length, total: forms.length };
  const m = { done: manual.filter((x) => x.ticked).length, total: manual.length };
  return { forms: f, manual: m, results: { done: f.done + m.done, total: f.total + m.total } };
}

function statusOf(done: boolean, applicable: boolean, today: string, end: string): StepStatus {
  if (!applicable) return 'not-applicable';
  if (done) return 'done';
  const left = daysBetween(today, end);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS) return 'due-soon';
  return 'upcoming';
}

function tracked(
  dates: ItemDates,
  done: boolean,
  markedDone: boolean,
  applicable: boolean,
  today: string,
  forms: ChecklistForm[],
  manual: ChecklistManual[],
): Tracked {
  const status = statusOf(done, applicable, today, dates.end);
  return {
    start: dates.start,
    end: dates.end,
    overridden: dates.overridden,
    when: dates.when,
    whenEn: dates.whenEn,
    basis: dates.basis,
    dateText: dates.start === dates.end ? formatDateVi(dates.end) : `${formatDateVi(dates.start)} – ${formatDateVi(dates.end)}`,
    status,
    statusLabel: STATUS_LABELS[status].vi,
    statusLabelEn: STATUS_LABELS[status].en,
    daysLeft: daysBetween(today, dates.end),
    started: daysBetween(dates.start, today) >= 0,
    markedDone,
    forms,
    manual,
    counts: countsOf(forms, manual),
  };
}

/**
 * The checklist of a level: steps with their dates and status on `today`, each expected form
 * with the sheets that hold it (ticked when one holds content — `options.contents` — and, for
 * the commune, when every village sent it), the manual results with their ticks, and for the
 * commune which village lacks which village form.
 *
 * A sub-item is done when ticked as such (`manual['buoc1.2']`) or when all its results are; a
 * step when ticked (`manual['buoc3']`) or when all its sub-items and own results are.
 * `sheetForms` maps sheet names to the form they hold (DocumentState.sheetForms).
 */
export function checklist(
  level: Level,
  planYear: number,
  sheetForms: Readonly<Record<string, FormId>>,
  manual: Readonly<Record<string, boolean>>,
  today: string,
  overrides: DateOverrides = {},
  mode: PlanningMode = 'annual',
  options: CalendarOptions = {},
): Checklist {
  if (!isIsoDate(today)) throw new RangeError(`Ngày hôm nay không hợp lệ: "${today}" (cần dạng yyyy-mm-dd)`);
  // The commune expects I.1-I.4 from every village: those of its settings and those its sheets name.
  const villageForms = new Set<FormId>(stepsOf(level).flatMap((st) => [...(st.forms ?? []), ...st.items.flatMap((it) => it.forms ?? [])]).filter((f) => f.from === 'thon').map((f) => f.form));
  const ctx = formContext(sheetForms, options.contents ?? {}, villageForms, level === 'xa' && villageForms.size > 0 ? (options.villages ?? []) : undefined);
  const dates = stepDates(level, planYear, mode, overrides, options);
  const steps = stepsOf(level).map((def, i): ChecklistStep => {
    const d = dates[i];
    const stepMarked = manual[def.id] === true;
    const items = def.items.map((it, j): ChecklistSubItem => {
      const forms = checkForms(it.forms ?? [], ctx);
      const man = checkManual(it.manual ?? [], manual);
      const c = countsOf(forms, man);
      const marked = manual[it.id] === true;
      // A step ticked as done carries its sub-items with it.
      const done = marked || stepMarked || (c.results.total > 0 && c.results.done === c.results.total);
      return { id: it.id, title: it.title, titleEn: it.titleEn, line: it.line, ...tracked(d.items[j], done, marked, def.applicable, today, forms, man) };
    });
    const allFormDefs = [...def.items.flatMap((it) => it.forms ?? []), ...(def.forms ?? [])];
    const allManualDefs = [...def.items.flatMap((it) => it.manual ?? []), ...(def.manual ?? [])];
    const forms = checkForms(allFormDefs, ctx);
    const man = checkManual(allManualDefs, manual);
    const ownForms = checkForms(def.forms ?? [], ctx);
    const ownManual = checkManual(def.manual ?? [], manual);
    const marked = stepMarked;
    const hasResults = items.length > 0 || ownForms.length + ownManual.length > 0;
    const done =
      marked ||
      (hasResults && items.every((it) => it.status === 'done') && ownForms.every((x) => x.present) && ownManual.every((x) => x.ticked));
    const step: ChecklistStep = {
      id: def.id,
      number: def.number,
      applicable: def.applicable,
      name: def.name,
      nameEn: def.nameEn,
      heading: `Bước ${def.number}: ${def.title}`,
      headingEn: `Step ${def.number}: ${def.titleEn}`,
      title: def.title,
      titleEn: def.titleEn,
      line: def.line,
      ...tracked(d, done, marked, def.applicable, today, forms, man),
      items,
    };
    return {
      ...step,
      ...(def.calendarLine !== undefined ? { calendarLine: def.calendarLine } : {}),
      ...(def.note !== undefined ? { note: def.note, noteEn: def.noteEn } : {}),
    };
  });

  const byStatus: Record<StepStatus, number> = { done: 0, 'due-soon': 0, overdue: 0, upcoming: 0, 'not-applicable': 0 };
  for (const s of steps) byStatus[s.status]++;
  const sum = (pick: (c: ChecklistCounts) => Progress): Progress =>
    steps.filter((s) => s.applicable).reduce((acc, s) => ({ done: acc.done + pick(s.counts).done, total: acc.total + pick(s.counts).total }), { done: 0, total: 0 });
  const pending = steps.filter((s) => s.applicable && s.status !== 'done').sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.number - b.number));
  const next = pending[0];
  const { summary, summaryEn } = summarise(next, byStatus, steps.filter((s) => s.applicable).length, Number(today.slice(0, 4)) > planYear ? planYear : undefined);
  return {
    level,
    levelLabel: LEVEL_LABELS[level].vi,
    levelLabelEn: LEVEL_LABELS[level].en,
    planYear,
    mode,
    year: workYear(planYear, mode, options),
    today,
    steps,
    counts: { steps: { ...byStatus, total: steps.length }, forms: sum((c) => c.forms), manual: sum((c) => c.manual) },
    ...(next ? { nextStep: next.id } : {}),
    summary,
    summaryEn,
    // What each village has sent is judged on what it sends the commune (I.1, I.2, I.3: L597),
    // the same list Kiểm tra uses; I.4 stays a village task of step 2 in the steps themselves.
    villages: villageLines({ ...ctx, villageForms: new Set([...ctx.villageForms].filter((f) => VILLAGE_FORMS.includes(f))) }),
  };
}

/** `pastYear`: the plan year when it is over (a 2018 file opened in 2026): said so, not as thousands of days overdue. */
function summarise(next: ChecklistStep | undefined, byStatus: Readonly<Record<StepStatus, number>>, applicable: number, pastYear?: number): { summary: string; summaryEn: string } {
  const tally = `${byStatus.done}/${applicable} bước đã xong`;
  const tallyEn = `${byStatus.done}/${applicable} steps done`;
  if (!next) return { summary: `Đã xong cả ${applicable} bước`, summaryEn: `All ${applicable} steps done` };
  const n = next.number;
  if (next.status === 'overdue' && pastYear !== undefined) {
    return { summary: `${tally}; kế hoạch năm ${pastYear} đã qua`, summaryEn: `${tallyEn}; the ${pastYear} plan year is over` };
  }
  if (next.status === 'overdue') {
    return { summary: `${tally}; Bước ${n} quá hạn ${-next.daysLeft} ngày`, summaryEn: `${tallyEn}; step ${n} overdue by ${-next.daysLeft} days` };
  }
  if (next.daysLeft === 0) return { summary: `${tally}; Bước ${n} đến hạn hôm nay`, summaryEn: `${tallyEn}; step ${n} due today` };
  return {
    summary: `${tally}; Bước ${n} còn ${next.daysLeft} ngày (hạn ${formatDateVi(next.end)})`,
    summaryEn: `${tallyEn}; step ${n} due in ${next.daysLeft} days (${next.end})`,
  };
}
