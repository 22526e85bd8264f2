/**
 * Where the unit is in its planning year, from evidence: `yearStatus` takes what the workbook (and,
 * on the command line, the files given beside it) holds and the year's state, and answers each of
 * the handbook's seven steps for the unit's level with its expected results — done or missing, and
 * the evidence (which sheet, which file, which date) — the step the unit is in, the gaps left in
 * earlier steps, deadlines where they mean something, and the one next action. Pure: no port, no
 * clock (today is given); every pane, the Sheets sidebar and `lkh status` show this one answer.
 *
 * How a result is evidenced:
 * - a form the level receives or makes is done when a sheet of it holds content (a blank template
 *   is nothing), in the workbook or a file beside it; a document LKH drafts (II.1, II.2, II.7.A,
 *   II.7.B, II.8, II.10) also when the state records it drafted;
 * - forms from the villages: every village of the commune (its settings, those the sheets name,
 *   and as many as the number of villages set) has sent it; the village keeps its I.4;
 * - a form a later step expects again is evidenced by that step's own act: the planning
 *   conference by a ranking read from a ballot (and drafts made after it), the report upward by
 *   the package exported, the update by the upper level's feedback received;
 * - a result no file can show is ticked by hand; some are also shown by an act LKH records
 *   (the conference held: a ranking; the plan sent: the package exported).
 * A step ticked as done carries its results; a result ticked carries nothing else.
 */
import type { FormId, Level } from '../forms/types';
import type { DocumentState } from '../port/types';
import type { Finding } from '../validate/messages';
import type { ExpectedFormDef, FormSource, ManualItemDef, PlanningMode, StepDef } from '../workflow/calendar';
import { LEVEL_LABELS, SOURCE_LABELS, VILLAGE_FORMS, daysBetween, formatDateVi, isIsoDate, stepDates, stepsOf, villageKey, workYear } from '../workflow/calendar';
import type { BallotRecord, DocumentRecord, YearDocumentKind, YearState } from './state';
import { actMoment, readYearState } from './state';

// ---------------------------------------------------------------------------------------------
// Input.

/** A sheet the status can see: in the workbook itself, or in a file given beside it. */
export interface EvidenceSheet {
  readonly sheet: string;
  readonly form: FormId;
  /** Something was typed into it beyond the blank form (calendar's sheetContent). */
  readonly filled: boolean;
  /** The unit it is for, when it names one ("Thôn Nà Lìu"). */
  readonly unit?: string;
  /** The file it is in; absent: the workbook itself. */
  readonly file?: string;
  /** 'yyyy-mm-dd': when the file was last changed, when known. */
  readonly date?: string;
}

export interface YearStatusInput {
  /** The workbook's document state (settings and the year's state in `extra`). */
  readonly state: DocumentState;
  /** What the workbook's sheets and the files beside it hold. */
  readonly sheets: readonly EvidenceSheet[];
  /** 'yyyy-mm-dd' (the user's local date). */
  readonly today: string;
  /** The workbook's sheet names (to see the upper level's feedback and the plan's report). */
  readonly sheetNames?: readonly string[];
  /** The demo commune (also when the state says so, or a file beside it is the demo's): no deadline is shown. */
  readonly demo?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Output.

/** One piece of evidence: where a result was seen. */
export interface Evidence {
  readonly sheet?: string;
  readonly file?: string;
  /** 'yyyy-mm-dd' */
  readonly date?: string;
  /** Said in Vietnamese: 'trang "II.6.A"', '"Thon-Na-Liu.xlsx" › trang "I.2"', 'soạn ngày 07/12/2026: II.7.A.docx'. */
  readonly text: string;
  readonly say: EvidenceSay;
}

export interface StatusItem {
  /** Stable within the level: the manual result's id, or 'buoc2.1:I.2:thon'. */
  readonly id: string;
  /** "Biểu I.2 (từ các thôn)", or the manual result's words. */
  readonly what: string;
  /** The same in English (the calendar's own English). */
  readonly whatEn: string;
  readonly kind: 'form' | 'manual';
  readonly form?: FormId;
  readonly done: boolean;
  /** Ticked by hand (the result itself, its sub-item or its step). */
  readonly ticked: boolean;
  /** Whether a tick can change it (manual results; and any result not evidenced by a file). */
  readonly tickable: boolean;
  readonly evidence: readonly Evidence[];
  /** Who has not sent it yet (villages), or what is still wanting. */
  readonly missing: readonly string[];
}

export interface Deadline {
  readonly start: string;
  readonly end: string;
  /** Days from today to the end (negative: late by that many days). */
  readonly daysLeft: number;
  readonly overdue: boolean;
  /** "Hạn 13/06/2026 (còn 5 ngày)" / "Quá hạn 3 ngày (hạn 13/06/2026)". */
  readonly text: string;
}

export interface StepStatusView {
  readonly n: number;
  readonly id: string;
  /** The handbook's title of the step for this level. */
  readonly title: string;
  readonly titleEn: string;
  /** "Bước 3: Tổng hợp và dự thảo kế hoạch" */
  readonly heading: string;
  readonly applicable: boolean;
  /** Every result done, or the step ticked. */
  readonly done: boolean;
  readonly ticked: boolean;
  /** Some result of the step is done. */
  readonly started: boolean;
  readonly items: readonly StatusItem[];
  readonly counts: { readonly done: number; readonly total: number };
  /** Only for the current and the next step, and only in the plan's own year (not a demo, not a past year). */
  readonly deadline?: Deadline;
}

/** Where a finding or a result is, as data (the pane says it in its language). */
export interface YearPlace {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

/**
 * The next action as a key and its parameters: the pane says it in its language (i18n `year`),
 * `text` is its Vietnamese (what `lkh status` prints).
 */
export type NextSay =
  | { readonly key: 'settings'; readonly level: Level }
  | { readonly key: 'receive' }
  | { readonly key: 'consolidate'; readonly short: number; readonly expected: number }
  | { readonly key: 'fix'; readonly errors: number; readonly at: YearPlace; readonly message: string; readonly messageEn: string }
  | { readonly key: 'draftII7'; readonly forms: readonly string[] }
  | { readonly key: 'ballot' | 'rank'; readonly sheet?: string; readonly over?: { readonly kind: 'over' | 'short'; readonly at: YearPlace } }
  | { readonly key: 'redraft'; readonly forms: readonly string[]; readonly date: string }
  | { readonly key: 'export' }
  | { readonly key: 'tick'; readonly n: number; readonly title: string; readonly titleEn: string; readonly what: string; readonly whatEn: string }
  | { readonly key: 'feedback'; readonly file: string }
  | { readonly key: 'draftII10' }
  | { readonly key: 'allDone' }
  | { readonly key: 'rollup'; readonly level: Level }
  | { readonly key: 'upperFix'; readonly at: YearPlace; readonly message: string; readonly messageEn: string }
  | { readonly key: 'upperDone'; readonly communes: number }
  | { readonly key: 'villageFill'; readonly forms: readonly string[] }
  | { readonly key: 'villageSend' };

/** What a piece of evidence is, as a key (the pane says it in its language). */
export type EvidenceSay =
  | { readonly key: 'sheet' }
  | { readonly key: 'document'; readonly action: 'drafted' | 'exported' }
  | { readonly key: 'ranked'; readonly participants: number }
  | { readonly key: 'rolledUp'; readonly communes: number }
  | { readonly key: 'more'; readonly count: number };

/** What to do next: one sentence and what the button does. */
export type NextActionKind =
  | 'settings'
  | 'villages'
  | 'receive'
  | 'consolidate'
  | 'fix'
  | 'draft'
  | 'ballot'
  | 'rank'
  | 'export'
  | 'feedback'
  | 'rollup'
  | 'tick'
  | 'done';

export interface NextAction {
  /** "Tiếp theo: …" without the prefix. */
  readonly text: string;
  readonly say: NextSay;
  readonly action: NextActionKind;
  /** The step it belongs to. */
  readonly step: number;
  /** The cell to open (a finding to fix). */
  readonly sheet?: string;
  readonly cell?: string;
  readonly file?: string;
  /** The document to draft ('II.7.A'…), the list to rank ('II.6.B'), the result to tick (its id). */
  readonly target?: string;
}

export interface VillagesReceived {
  /** How many the commune has: the number set, else the villages known. */
  readonly expected: number;
  /** Whether the number was set by the commune (else counted from names). */
  readonly expectedSet: boolean;
  /** Villages that sent every form the commune receives (I.1, I.2, I.3). */
  readonly complete: number;
  /** Each village known and the forms it lacks. */
  readonly villages: readonly { readonly unit: string; readonly missing: readonly FormId[] }[];
  /** "6/6 thôn đã gửi đủ Biểu I.1, I.2, I.3", "2/6 thôn đã gửi đủ …; chưa rõ tên 3 thôn". */
  readonly text: string;
}

export interface YearStatus {
  readonly level: Level;
  /** "Xã", "Tỉnh" */
  readonly levelLabel: string;
  readonly planYear?: number;
  readonly unitName?: string;
  /** The step the unit is in: the latest with work in it (the one after, when that one is done). */
  readonly current: number;
  readonly steps: readonly StepStatusView[];
  /** Results still open in steps before the current one. */
  readonly gaps: readonly { readonly step: number; readonly id: string; readonly what: string }[];
  readonly counts: { readonly steps: number; readonly stepsDone: number; readonly results: number; readonly resultsDone: number };
  /** The commune's villages (undefined at other levels). */
  readonly villages?: VillagesReceived;
  readonly next: NextAction;
  /** One line: "Bước 3: Tổng hợp và dự thảo kế hoạch · 14/40 kết quả · còn 6 việc ở bước trước". */
  readonly summary: string;
}

// ---------------------------------------------------------------------------------------------
// Evidence lookups.

/** Documents LKH drafts: a record of one counts for its form. */
const DRAFTED_FORMS: ReadonlySet<string> = new Set(['II.1', 'II.2', 'II.7.A', 'II.7.B', 'II.8', 'II.10']);

/** Plan checks the planning conference settles (the ranking decides what the funds cover): not "fix first". */
const SETTLED_AT_CONFERENCE: ReadonlySet<string> = new Set(['BUDGET_OVER_ALLOCATION', 'VILLAGE_SHARE_LOW', 'ALLOCATION_GROWTH_HIGH']);

const UPPER_FEEDBACK_SHEET = 'Phản hồi cấp trên';

function sheetEvidence(s: EvidenceSheet): Evidence {
  const where = s.file ? `"${s.file}" › trang "${s.sheet}"` : `trang "${s.sheet}"`;
  return { sheet: s.sheet, ...(s.file ? { file: s.file } : {}), ...(s.date ? { date: s.date } : {}), text: s.date ? `${where} (${formatDateVi(s.date)})` : where, say: { key: 'sheet' } };
}

function documentEvidence(d: DocumentRecord): Evidence {
  const verb = d.action === 'exported' ? 'xuất' : 'soạn';
  return { file: d.fileName, date: d.at, text: `${verb} ngày ${formatDateVi(d.at)}: ${d.fileName}`, say: { key: 'document', action: d.action } };
}

interface Facts {
  readonly level: Level;
  /** The year the plan is made for (the handbook's "X+1"). */
  readonly planYear?: number;
  readonly year: YearState;
  readonly sheets: readonly EvidenceSheet[];
  readonly filledByForm: ReadonlyMap<FormId, EvidenceSheet[]>;
  /** The newest ranking read from a ballot, with its ballot. */
  readonly ranking?: { readonly ballot: string; readonly record: BallotRecord & { readonly ranked: NonNullable<BallotRecord['ranked']> } };
  readonly ballot?: { readonly sheet: string; readonly record: BallotRecord };
  readonly exported?: DocumentRecord;
  readonly feedback: boolean;
  /** Villages known (commune): key → name. */
  readonly villages: ReadonlyMap<string, string>;
  readonly expectedVillages: number;
  readonly upperCommunes: readonly string[];
}

/** The newest record of a document, drafted or exported. */
function latestDocument(year: YearState, kind: YearDocumentKind, action?: DocumentRecord['action']): DocumentRecord | undefined {
  let best: DocumentRecord | undefined;
  for (const d of year.documents) if (d.kind === kind && (action === undefined || d.action === action) && (!best || actMoment(d) >= actMoment(best))) best = d;
  return best;
}

function gather(input: YearStatusInput, level: Level): Facts {
  const year = readYearState(input.state);
  const filledByForm = new Map<FormId, EvidenceSheet[]>();
  for (const s of input.sheets) {
    if (!s.filled) continue;
    const list = filledByForm.get(s.form) ?? [];
    list.push(s);
    filledByForm.set(s.form, list);
  }
  let ranking: Facts['ranking'];
  let ballot: Facts['ballot'];
  for (const [sheet, b] of Object.entries(year.ballots)) {
    if (!ballot) ballot = { sheet, record: b };
    if (b.ranked && (!ranking || actMoment(b.ranked) >= actMoment(ranking.record.ranked))) ranking = { ballot: sheet, record: { ...b, ranked: b.ranked } };
  }
  if (ranking) ballot = { sheet: ranking.ballot, record: ranking.record };
  const villages = new Map<string, string>();
  if (level === 'xa') {
    const add = (name: string | undefined) => {
      const n = name?.trim();
      if (n && !villages.has(villageKey(n))) villages.set(villageKey(n), n);
    };
    for (const v of year.villages) add(v);
    for (const s of input.sheets) if (VILLAGE_FORMS.includes(s.form)) add(s.unit);
  }
  const exported = latestDocument(year, 'package', 'exported');
  const names = input.sheetNames ?? [];
  const upperCommunes = year.upper?.communes ?? [];
  return {
    level,
    ...(input.state.planYear !== undefined ? { planYear: input.state.planYear } : {}),
    year,
    sheets: input.sheets,
    filledByForm,
    ...(ranking ? { ranking } : {}),
    ...(ballot ? { ballot } : {}),
    ...(exported ? { exported } : {}),
    feedback: names.some((n) => n === UPPER_FEEDBACK_SHEET),
    villages,
    expectedVillages: Math.max(year.expectedVillages ?? 0, villages.size),
    upperCommunes,
  };
}

// ---------------------------------------------------------------------------------------------
// Results of a step.

/**
 * The handbook's "năm X+1" said as the plan's year ("năm 2027"); without a plan year, "năm kế
 * hoạch". The report year "năm X" as the year before it.
 */
export function withPlanYear(text: string, planYear: number | undefined): string {
  return text
    .replace(/\b(năm|year) X\s*\+\s*1\b/gu, (_, w: string) => (planYear !== undefined ? `${w} ${planYear}` : w === 'năm' ? 'năm kế hoạch' : 'the plan year'))
    .replace(/\b(năm|year) X\b(?!\s*\+)/gu, (_, w: string) => (planYear !== undefined ? `${w} ${planYear - 1}` : w === 'năm' ? 'năm báo cáo' : 'the report year'));
}

function formWhat(def: ExpectedFormDef, level: Level, upperLevelName: string | undefined): string {
  const from = def.from;
  if (!from) return `Biểu ${def.form}`;
  // The commune's level above by its own name (a province since July 2025, a district before).
  if (level === 'xa' && from === 'huyen' && upperLevelName) {
    const name = upperLevelName.trim();
    // A name ("Tỉnh Lào Cai") as written; the level's word alone ("Tỉnh") in lower case.
    return `Biểu ${def.form} (từ ${/\s/u.test(name) ? name : name.toLowerCase()})`;
  }
  // Since July 2025 communes report to the province: the province receives from the communes.
  const source: FormSource = from;
  return level === 'tinh' && source === 'xa' ? `Biểu ${def.form} (từ các xã)` : `Biểu ${def.form} (${SOURCE_LABELS[source].vi})`;
}

/** The result's words in English (the pane's English). */
function formWhatEn(def: ExpectedFormDef, level: Level, upperLevelName: string | undefined): string {
  const from = def.from;
  if (!from) return `Form ${def.form}`;
  if (level === 'xa' && from === 'huyen' && upperLevelName?.trim()) return `Form ${def.form} (from ${upperLevelName.trim()})`;
  return level === 'tinh' && from === 'xa' ? `Form ${def.form} (from the communes)` : `Form ${def.form} (${SOURCE_LABELS[from].en})`;
}

/** What a village form's result is: each village known, and those that have not sent it. */
function villageForm(form: FormId, facts: Facts): { evidence: Evidence[]; missing: string[]; done: boolean } {
  const filled = facts.filledByForm.get(form) ?? [];
  const have = new Set<string>();
  let unnamed = 0;
  for (const s of filled) {
    if (s.unit) have.add(villageKey(s.unit));
    else unnamed++;
  }
  const missing: string[] = [];
  for (const [k, name] of facts.villages) {
    if (have.has(k)) continue;
    // A filled sheet naming no village counts for one village: it cannot tell which.
    if (unnamed > 0) unnamed--;
    else missing.push(name);
  }
  const unknown = facts.expectedVillages - facts.villages.size;
  if (unknown > 0) {
    const left = Math.max(0, unknown - unnamed);
    if (left > 0) missing.push(`${left} thôn chưa có tên`);
  }
  const evidence = collapse(filled.map(sheetEvidence));
  return { evidence, missing, done: filled.length > 0 && missing.length === 0 };
}

/** More than four pieces of evidence: the first three and a count. */
function collapse(ev: readonly Evidence[]): Evidence[] {
  if (ev.length <= 4) return [...ev];
  return [...ev.slice(0, 3), { text: `và ${ev.length - 3} trang khác`, say: { key: 'more', count: ev.length - 3 } }];
}

/** A form seen by its content (a filled sheet) or a document record of it. */
function contentOf(form: FormId, facts: Facts, from: FormSource | undefined): { evidence: Evidence[]; missing: string[]; done: boolean } {
  if (facts.level === 'xa' && from === 'thon') return villageForm(form, facts);
  const filled = (facts.filledByForm.get(form) ?? []).filter((s) => (from === 'xa' ? s.file !== undefined : true));
  const evidence = collapse(filled.map(sheetEvidence));
  if (DRAFTED_FORMS.has(form)) {
    const doc = latestDocument(facts.year, form as YearDocumentKind);
    if (doc) evidence.unshift(documentEvidence(doc));
  }
  // The upper level: the communes whose plans it rolled up.
  if (from === 'xa' && facts.upperCommunes.length > 0) evidence.unshift({ text: `đã tổng hợp kế hoạch của ${facts.upperCommunes.length} xã`, say: { key: 'rolledUp', communes: facts.upperCommunes.length } });
  return { evidence, missing: [], done: evidence.length > 0 };
}

/** Which act of its own a step shows a form it expects again by (commune; other levels: content). */
function repeatAct(step: number, form: FormId, facts: Facts): { evidence: Evidence[]; missing: string[]; done: boolean } | undefined {
  if (facts.level !== 'xa') return undefined;
  if (step === 4) {
    if (form === 'II.7.A' || form === 'II.7.B') {
      const doc = latestDocument(facts.year, form);
      const after = facts.ranking ? doc !== undefined && actMoment(doc) >= actMoment(facts.ranking.record.ranked) : false;
      return { evidence: after && doc ? [documentEvidence(doc)] : [], missing: facts.ranking ? [] : ['chưa xếp ưu tiên tại hội nghị'], done: after };
    }
    return { ...rankedEvidence(facts), missing: ['xếp ưu tiên tại hội nghị kế hoạch xã'] };
  }
  if (step === 5) return { ...exportedEvidence(facts), missing: ['xuất tệp gửi cấp trên'] };
  if (step === 6) return { evidence: facts.feedback ? [{ sheet: UPPER_FEEDBACK_SHEET, text: `trang "${UPPER_FEEDBACK_SHEET}"`, say: { key: 'sheet' } }] : [], missing: ['cập nhật theo phản hồi của cấp trên'], done: facts.feedback };
  return undefined;
}

function rankedEvidence(facts: Facts): { evidence: Evidence[]; missing: string[]; done: boolean } {
  const r = facts.ranking;
  if (!r) return { evidence: [], missing: [], done: false };
  const ev: Evidence = { sheet: r.ballot, date: r.record.ranked.at, text: `xếp ưu tiên ngày ${formatDateVi(r.record.ranked.at)} theo phiếu của ${r.record.ranked.participants} đại biểu (trang "${r.ballot}")`, say: { key: 'ranked', participants: r.record.ranked.participants } };
  return { evidence: [ev], missing: [], done: true };
}

function exportedEvidence(facts: Facts): { evidence: Evidence[]; missing: string[]; done: boolean } {
  return facts.exported ? { evidence: [documentEvidence(facts.exported)], missing: [], done: true } : { evidence: [], missing: [], done: false };
}

/** Manual results an act LKH records also shows. */
function manualAct(id: string, facts: Facts): { evidence: Evidence[]; missing: string[]; done: boolean } | undefined {
  switch (id) {
    case 'buoc4.1.hoi-nghi':
    case 'buoc4.1.xep-uu-tien':
      return facts.level === 'xa' ? rankedEvidence(facts) : undefined;
    case 'buoc5.2.gui-huyen':
      return facts.level === 'xa' ? exportedEvidence(facts) : undefined;
    case 'buoc6.1.phan-hoi-huyen':
      return facts.level === 'xa' && facts.feedback ? { evidence: [{ sheet: UPPER_FEEDBACK_SHEET, text: `trang "${UPPER_FEEDBACK_SHEET}"`, say: { key: 'sheet' } }], missing: [], done: true } : undefined;
    case 'buoc3.nhan-du-thao':
      if (facts.level !== 'tinh') return undefined;
      return facts.upperCommunes.length > 0 ? { evidence: [{ text: `đã tổng hợp kế hoạch của ${facts.upperCommunes.length} xã`, say: { key: 'rolledUp', communes: facts.upperCommunes.length } }], missing: [], done: true } : undefined;
    default:
      return undefined;
  }
}

interface RawItem {
  readonly id: string;
  readonly owner: string;
  readonly form?: ExpectedFormDef;
  readonly manual?: ManualItemDef;
}

/** The results of a step: its sub-items' and its own, each form once (the village keeps its I.4). */
function rawItems(def: StepDef, level: Level): RawItem[] {
  const out: RawItem[] = [];
  const seen = new Set<string>();
  const add = (owner: string, forms: readonly ExpectedFormDef[] = [], manual: readonly ManualItemDef[] = []) => {
    for (const f of forms) {
      if (level === 'xa' && f.from === 'thon' && !VILLAGE_FORMS.includes(f.form)) continue;
      const key = `${f.form}:${f.from ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: `${owner}:${f.form}${f.from ? `:${f.from}` : ''}`, owner, form: f });
    }
    for (const m of manual) out.push({ id: m.id, owner, manual: m });
  };
  for (const it of def.items) add(it.id, it.forms, it.manual);
  add(def.id, def.forms, def.manual);
  return out;
}

function buildSteps(level: Level, facts: Facts): { defs: readonly StepDef[]; steps: Omit<StepStatusView, 'deadline'>[] } {
  const defs = stepsOf(level);
  const ticks = facts.year.checklist.manual;
  const firstStep = new Map<string, number>();
  const steps = defs.map((def) => {
    const stepTicked = ticks[def.id] === true;
    const items = rawItems(def, level).map((raw): StatusItem => {
      const ticked = stepTicked || ticks[raw.owner] === true || ticks[raw.id] === true;
      if (raw.manual) {
        const act = manualAct(raw.manual.id, facts);
        return {
          id: raw.id,
          what: withPlanYear(raw.manual.label, facts.planYear),
          whatEn: withPlanYear(raw.manual.labelEn, facts.planYear),
          kind: 'manual',
          done: ticked || act?.done === true,
          ticked,
          tickable: act?.done !== true,
          evidence: act?.evidence ?? [],
          missing: [],
        };
      }
      const f = raw.form as ExpectedFormDef;
      const key = `${f.form}:${f.from ?? ''}`;
      const first = firstStep.get(key);
      if (first === undefined) firstStep.set(key, def.number);
      const seen = (first === undefined || first === def.number ? undefined : repeatAct(def.number, f.form, facts)) ?? contentOf(f.form, facts, f.from);
      return {
        id: raw.id,
        what: formWhat(f, level, facts.year.settings.upperLevelName),
        whatEn: formWhatEn(f, level, facts.year.settings.upperLevelName),
        kind: 'form',
        form: f.form,
        done: seen.done || ticked,
        ticked,
        tickable: !seen.done,
        evidence: seen.evidence,
        missing: seen.done || ticked ? [] : seen.missing,
      };
    });
    const done = def.applicable && (stepTicked || (items.length > 0 && items.every((i) => i.done)));
    return {
      n: def.number,
      id: def.id,
      title: withPlanYear(def.title, facts.planYear),
      titleEn: withPlanYear(def.titleEn, facts.planYear),
      heading: `Bước ${def.number}: ${withPlanYear(def.title, facts.planYear)}`,
      applicable: def.applicable,
      done,
      ticked: stepTicked,
      started: items.some((i) => i.done),
      items,
      counts: { done: items.filter((i) => i.done).length, total: items.length },
    };
  });
  return { defs, steps };
}

// ---------------------------------------------------------------------------------------------
// The current step, deadlines, the villages.

function currentStep(steps: readonly Omit<StepStatusView, 'deadline'>[]): number {
  const applicable = steps.filter((s) => s.applicable);
  const worked = applicable.filter((s) => s.started || s.done);
  if (worked.length === 0) return applicable[0]?.n ?? 1;
  const latest = worked[worked.length - 1];
  if (!latest.done) return latest.n;
  // The latest step with work is done: the unit is in the next one not done.
  return applicable.find((s) => s.n > latest.n && !s.done)?.n ?? latest.n;
}

function deadlineText(end: string, daysLeft: number): string {
  if (daysLeft < 0) return `Quá hạn ${-daysLeft} ngày (hạn ${formatDateVi(end)})`;
  if (daysLeft === 0) return `Đến hạn hôm nay (${formatDateVi(end)})`;
  return `Hạn ${formatDateVi(end)} (còn ${daysLeft} ngày)`;
}

/**
 * Deadlines of the current and the next step, only in the year the plan is made (a past year's
 * plan, a demo or a plan not dated shows none): a wall of "Quá hạn" helps nobody.
 */
function deadlines(level: Level, planYear: number | undefined, mode: PlanningMode, facts: Facts, today: string, current: number, demo: boolean): Map<number, Deadline> {
  const out = new Map<number, Deadline>();
  if (demo || planYear === undefined || !isIsoDate(today)) return out;
  const cs = facts.year.checklist;
  const options = cs.periodStart !== undefined ? { periodStart: cs.periodStart } : {};
  if (Number(today.slice(0, 4)) !== workYear(planYear, mode, options)) return out;
  const dates = stepDates(level, planYear, mode, cs.overrides, options);
  const applicable = dates.filter((d) => d.applicable);
  const at = applicable.findIndex((d) => d.number === current);
  for (const d of applicable.slice(Math.max(0, at), Math.max(0, at) + 2)) {
    const daysLeft = daysBetween(today, d.end);
    out.set(d.number, { start: d.start, end: d.end, daysLeft, overdue: daysLeft < 0, text: deadlineText(d.end, daysLeft) });
  }
  return out;
}

function villagesReceived(facts: Facts): VillagesReceived {
  const forms = [...VILLAGE_FORMS];
  const have = new Map<string, Set<FormId>>();
  for (const s of facts.sheets) {
    if (!s.filled || !s.unit || !forms.includes(s.form)) continue;
    const k = villageKey(s.unit);
    const set = have.get(k) ?? new Set<FormId>();
    set.add(s.form);
    have.set(k, set);
  }
  const villages = [...facts.villages].map(([k, unit]) => ({ unit, missing: forms.filter((f) => !have.get(k)?.has(f)) }));
  const complete = villages.filter((v) => v.missing.length === 0).length;
  const expectedSet = facts.year.expectedVillages !== undefined;
  const expected = facts.expectedVillages;
  const unknown = expected - villages.length;
  const text =
    expected === 0
      ? 'Chưa có thôn nào gửi biểu'
      : `${complete}/${expected} thôn đã gửi đủ Biểu ${forms.join(', ')}${unknown > 0 ? `; ${unknown} thôn chưa gửi gì` : ''}${expectedSet ? '' : ' (chưa nhập số thôn của xã)'}`;
  return { expected, expectedSet, complete, villages, text };
}

// ---------------------------------------------------------------------------------------------
// The next action.

function firstError(facts: Facts, settled: boolean): Finding | undefined {
  for (const run of facts.year.findings) {
    for (const f of run.findings) if (f.severity === 'error' && SETTLED_AT_CONFERENCE.has(f.code) === settled) return f;
  }
  return undefined;
}

function countErrors(facts: Facts): number {
  return facts.year.findings.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error' && !SETTLED_AT_CONFERENCE.has(f.code)).length, 0);
}

const at = (f: Finding): string => `${f.file ? `"${f.file}" › ` : ''}${f.sheet ? `trang "${f.sheet}"` : ''}${f.cell ? ` ô ${f.cell}` : ''}`.trim();

function cellOf(f: Finding): Pick<NextAction, 'sheet' | 'cell' | 'file'> {
  return { ...(f.sheet ? { sheet: f.sheet } : {}), ...(f.cell ? { cell: f.cell } : {}), ...(f.file ? { file: f.file } : {}) };
}

/** The first open result of a step that a tick can close, as the next action. */
function tickNext(step: Omit<StepStatusView, 'deadline'> | undefined): NextAction | undefined {
  if (!step) return undefined;
  const open = step.items.find((i) => !i.done && i.kind === 'manual');
  if (!open) return undefined;
  return { text: `${step.heading} — khi đã xong, đánh dấu: ${open.what}.`, say: { key: 'tick', n: step.n, title: step.title, titleEn: step.titleEn, what: open.what, whatEn: open.whatEn }, action: 'tick', step: step.n, target: open.id };
}

function communeNext(facts: Facts, steps: readonly Omit<StepStatusView, 'deadline'>[], current: number, villages: VillagesReceived): NextAction {
  const has = (form: FormId) => (facts.filledByForm.get(form) ?? []).length > 0;
  const plan = has('II.6.A') || has('II.6.B') || has('II.4.B');
  const received = VILLAGE_FORMS.some(has) || has('II.3');
  if (!plan) {
    if (!received) return { text: 'Nhận biểu của các thôn (I.1, I.2, I.3) và của các ban ngành (II.3): thêm tệp hoặc trang của họ vào sổ tính.', say: { key: 'receive' }, action: 'receive', step: 2 };
    const short = villages.expected - villages.complete;
    const wait = short > 0 ? ` (còn ${short}/${villages.expected} thôn chưa gửi đủ: có thể tổng hợp trước và tổng hợp lại khi nhận thêm)` : '';
    return { text: `Tổng hợp các biểu đã nhận thành kế hoạch xã (II.4.A, II.4.B, II.6.A, II.6.B, II.6.C)${wait}.`, say: { key: 'consolidate', short: Math.max(0, short), expected: villages.expected }, action: 'consolidate', step: 3 };
  }
  const errors = countErrors(facts);
  const error = firstError(facts, false);
  if (error) {
    return {
      text: `Sửa ${errors} lỗi của lần tổng hợp trước rồi tổng hợp lại; lỗi đầu tiên ở ${at(error)}: ${error.message}`,
      say: { key: 'fix', errors, at: cellOf(error), message: error.message, messageEn: error.messageEn },
      action: 'fix',
      step: 3,
      ...cellOf(error),
    };
  }
  const draftedII7 = (['II.7.A', 'II.7.B'] as const).filter((k) => latestDocument(facts.year, k) !== undefined);
  if (!facts.ranking) {
    if (draftedII7.length < 2) {
      const left = (['II.7.A', 'II.7.B'] as const).filter((k) => !draftedII7.includes(k));
      return { text: `Soạn dự thảo kế hoạch ${left.map((k) => `Biểu ${k}`).join(' và ')} từ kế hoạch đã tổng hợp, để đưa ra hội nghị kế hoạch xã.`, say: { key: 'draftII7', forms: left }, action: 'draft', step: 3, target: left[0] };
    }
    const over = firstError(facts, true);
    const overText = over ? ` Kế hoạch còn ${over.code === 'BUDGET_OVER_ALLOCATION' ? 'vượt mức vốn dự kiến' : 'chưa đạt yêu cầu'} (${at(over)}): hội nghị xếp ưu tiên để quyết định hoạt động nào được làm.` : '';
    const overSay = over ? { over: { kind: over.code === 'BUDGET_OVER_ALLOCATION' ? ('over' as const) : ('short' as const), at: cellOf(over) } } : {};
    if (!facts.ballot) return { text: `Chuẩn bị hội nghị kế hoạch xã: tạo phiếu xếp ưu tiên cho danh sách II.6.B (và II.6.A nếu cần).${overText}`, say: { key: 'ballot', ...overSay }, action: 'ballot', step: 4, target: 'II.6.B', ...(over ? cellOf(over) : {}) };
    return { text: `Sau hội nghị kế hoạch xã: nhập phiếu đã điền vào trang "${facts.ballot.sheet}" rồi xếp ưu tiên.${overText}`, say: { key: 'rank', sheet: facts.ballot.sheet, ...overSay }, action: 'rank', step: 4, target: facts.ballot.sheet };
  }
  const rankedAt = facts.ranking.record.ranked.at;
  const rankedMoment = actMoment(facts.ranking.record.ranked);
  // A draft made before the ranking (the same day too, when both moments are known) is stale.
  const stale = (['II.7.A', 'II.7.B'] as const).filter((k) => {
    const doc = latestDocument(facts.year, k);
    return doc === undefined || actMoment(doc) < rankedMoment;
  });
  if (stale.length > 0) return { text: `Cập nhật dự thảo ${stale.map((k) => `Biểu ${k}`).join(' và ')} theo kết quả hội nghị (xếp ưu tiên ngày ${formatDateVi(rankedAt)}).`, say: { key: 'redraft', forms: stale, date: rankedAt }, action: 'draft', step: 4, target: stale[0] };
  if (!facts.exported) return { text: 'Xuất tệp kế hoạch (II.4.A, II.4.B, II.6.A, II.6.B) để gửi cấp trên cùng dự thảo kế hoạch.', say: { key: 'export' }, action: 'export', step: 5 };
  if (!facts.feedback) {
    const open = tickNext(steps.find((s) => s.n === 5));
    if (open) return open;
    return { text: `Đã xuất tệp gửi cấp trên (${facts.exported.fileName}). Khi nhận phản hồi của cấp trên, đưa phản hồi vào kế hoạch xã.`, say: { key: 'feedback', file: facts.exported.fileName }, action: 'feedback', step: 6 };
  }
  if (!latestDocument(facts.year, 'II.10')) return { text: 'Soạn phản hồi kế hoạch cho các thôn (Biểu II.10) để họp dân thông báo.', say: { key: 'draftII10' }, action: 'draft', step: 6, target: 'II.10' };
  return tickNext(steps.find((s) => s.n === current && !s.done)) ?? tickNext(steps.find((s) => s.applicable && !s.done)) ?? { text: 'Đã xong cả bảy bước của năm kế hoạch.', say: { key: 'allDone' }, action: 'done', step: 7 };
}

function upperNext(facts: Facts, steps: readonly Omit<StepStatusView, 'deadline'>[], current: number): NextAction {
  if (facts.upperCommunes.length === 0) {
    const whole = facts.level === 'huyen' ? 'toàn huyện' : 'toàn tỉnh';
    return { text: `Nhận kế hoạch của các xã (tệp có II.6.A, II.6.B của từng xã) và tổng hợp ${whole}.`, say: { key: 'rollup', level: facts.level }, action: 'rollup', step: current };
  }
  const error = firstError(facts, false) ?? firstError(facts, true);
  if (error) return { text: `Xem lại kế hoạch của các xã: ${at(error)}: ${error.message}`, say: { key: 'upperFix', at: cellOf(error), message: error.message, messageEn: error.messageEn }, action: 'fix', step: current, ...cellOf(error) };
  return (
    tickNext(steps.find((s) => s.n === current && !s.done)) ??
    tickNext(steps.find((s) => s.applicable && !s.done)) ?? { text: `Đã tổng hợp kế hoạch của ${facts.upperCommunes.length} xã; đã xong cả bảy bước.`, say: { key: 'upperDone', communes: facts.upperCommunes.length }, action: 'done', step: 7 }
  );
}

function villageNext(facts: Facts, steps: readonly Omit<StepStatusView, 'deadline'>[]): NextAction {
  const missing = VILLAGE_FORMS.filter((f) => (facts.filledByForm.get(f) ?? []).length === 0);
  if (missing.length > 0) return { text: `Điền Biểu ${missing.join(', ')} của thôn (thông tin cơ bản, hoạt động đề xuất, biên bản họp thôn).`, say: { key: 'villageFill', forms: missing }, action: 'receive', step: 2 };
  return tickNext(steps.find((s) => s.applicable && !s.done)) ?? { text: 'Gửi Biểu I.1, I.2, I.3 cho Tổ công tác lập kế hoạch xã.', say: { key: 'villageSend' }, action: 'done', step: 2 };
}

// ---------------------------------------------------------------------------------------------

/**
 * The year's status of a workbook: its level's seven steps with their results and evidence, the
 * current step, the gaps before it, deadlines where meaningful, the villages received and the
 * next action. See the file's comment for what evidences what.
 */
export function yearStatus(input: YearStatusInput): YearStatus {
  const state = input.state;
  const level: Level = state.level ?? 'xa';
  const facts = gather(input, level);
  const { steps } = buildSteps(level, facts);
  const current = currentStep(steps);
  const mode = facts.year.checklist.mode ?? 'annual';
  const dl = deadlines(level, state.planYear, mode, facts, input.today, current, input.demo === true || facts.year.demo);
  const views: StepStatusView[] = steps.map((s) => {
    const d = dl.get(s.n);
    return d && !s.done ? { ...s, deadline: d } : s;
  });
  const gaps = steps.filter((s) => s.applicable && s.n < current && !s.done).flatMap((s) => s.items.filter((i) => !i.done).map((i) => ({ step: s.n, id: i.id, what: i.what })));
  const villages = level === 'xa' ? villagesReceived(facts) : undefined;
  const next: NextAction =
    state.planYear === undefined
      ? {
          text: level === 'xa' ? 'Nhập năm kế hoạch và tên xã ở Cài đặt.' : level === 'thon' ? 'Nhập năm kế hoạch và tên thôn ở Cài đặt.' : `Nhập năm kế hoạch và tên ${level === 'tinh' ? 'tỉnh' : 'huyện'} ở Cài đặt.`,
          say: { key: 'settings', level },
          action: 'settings',
          step: 1,
        }
      : level === 'xa'
        ? communeNext(facts, steps, current, villages as VillagesReceived)
        : level === 'thon'
          ? villageNext(facts, steps)
          : upperNext(facts, steps, current);
  const applicable = views.filter((s) => s.applicable);
  const results = applicable.reduce((n, s) => n + s.counts.total, 0);
  const resultsDone = applicable.reduce((n, s) => n + s.counts.done, 0);
  const head = views.find((s) => s.n === current);
  const summary = [
    head ? head.heading : `Bước ${current}`,
    `${resultsDone}/${results} kết quả`,
    ...(gaps.length > 0 ? [`còn ${gaps.length} việc ở bước trước`] : []),
  ].join(' · ');
  return {
    level,
    levelLabel: LEVEL_LABELS[level].vi,
    ...(state.planYear !== undefined ? { planYear: state.planYear } : {}),
    ...(state.unitName ? { unitName: state.unitName } : {}),
    current,
    steps: views,
    gaps,
    counts: { steps: applicable.length, stepsDone: applicable.filter((s) => s.done).length, results, resultsDone },
    ...(villages ? { villages } : {}),
    next,
    summary,
  };
}
