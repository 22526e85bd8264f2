/**
 * One-click consolidation for a commune: read the sources (the workbook's own I.2/II.3 tabs, or
 * readings of other files), read back what the commune typed in the previous run, build the plan
 * and write II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and the report. Used by the CLI and the panes.
 */
import type { FormReading } from '../../model/types';
import type { DocumentState, ProgramPeriod, WorkbookPort } from '../../port/types';
import { stateProblems } from '../../port';
import { readSheet } from '../../reader/read';
import type { ProgramCatalogue } from '../../reference';
import { CATALOGUE_SHEET, defaultUpperLevel, periodOfYear, readCatalogueSheet, withCatalogue, yearInPeriod } from '../../reference';
import type { VillageSheets } from '../../reader/workbook';
import { readWorkbook } from '../../reader/workbook';
import { villageMeetings } from './meetings';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import type { BudgetChecks } from './checks';
import { checkBudgets } from './checks';
import { buildPlan } from './consolidate';
import type { WrittenPlan } from './plan-io';
import { readEdits, writePlan } from './plan-io';
import type { CommunePlan } from '../types';
import { inputsDigest, withRecordedFindings } from '../findings';
import type { ConflictChoice } from './sources';
import { SourceConflictError, readSheetOrigins, selectSources } from './sources';

export interface CommuneOptions {
  readonly period?: ProgramPeriod;
  readonly planYear?: number;
  readonly communeName?: string;
  /** Merge suggestions to accept on this run (ids from the report), in addition to those accepted before. */
  readonly acceptMerges?: readonly string[] | 'all';
  /**
   * Answers to source conflicts (two versions of one unit's sheet), by conflict id: the key of the
   * candidate to keep, or 'all'. Unanswered conflicts stop the run before anything is written
   * (SourceConflictError).
   */
  readonly sourceChoices?: Readonly<Record<string, ConflictChoice>>;
  /**
   * The villages' own sheets (I.1, I.3) when `readings` come from other files (readWorkbook's
   * `villages` of each): a village whose meeting makes its list not valid has its rows marked.
   */
  readonly villages?: readonly VillageSheets[];
  /** Reports progress (0..1) with a Vietnamese sentence. */
  readonly progress?: (fraction: number, message: string) => void;
  /**
   * Told at each step with its counts, for a pane's progress line in its own language ("Đang đọc
   * biểu 12/50: Thôn Nà Hin - I.2…", "Đang lập II.4.B…", "Đang ghi biểu…"). A promise it returns
   * is awaited, so a pane running in the same page can paint the line between sheets.
   */
  readonly onProgress?: (step: ConsolidationStep) => void | Promise<void>;
}

/** What consolidation is doing: reading the workbook's sheets (each told, with counts), building the plan, writing its sheets. */
export type ConsolidationStep =
  | { readonly stage: 'reading'; readonly done: number; readonly total: number; readonly sheet: string }
  | { readonly stage: 'building' }
  | { readonly stage: 'writing' };

export interface CommuneResult {
  readonly plan: CommunePlan;
  readonly written: WrittenPlan;
  /** Rule 6: allocations of III.1, villages' 75% share, +10% (when last year's III.1 is given). */
  readonly checks: BudgetChecks;
  /** Findings of reading the sources and of consolidating. */
  readonly findings: readonly Finding[];
}

/**
 * Consolidates into `target`. Sources are `readings` when given (other files: their I.2 and II.3
 * are consolidated, a III.1 is used for the checks), otherwise the target workbook's own sheets.
 */
export async function consolidateCommune(target: WorkbookPort, readings?: readonly FormReading[], options: CommuneOptions = {}): Promise<CommuneResult> {
  const progress = options.progress ?? (() => undefined);
  progress(0, 'Đang đọc các biểu của thôn và ban ngành…');
  let sourceFindings: Finding[] = [];
  let all = readings;
  let villages = options.villages ?? [];
  // What the workbook's own inputs held, kept with the findings: the Check screen tells when they changed since.
  let ownInputs: string | undefined;
  // What validating the workbook's own sheets finds: the Check screen finds it again, it is not kept.
  let ownValidation = new Set<Finding>();
  if (!all) {
    const onProgress = options.onProgress;
    const own = await readWorkbook(target, onProgress ? { onSheet: (done, total, sheet) => onProgress({ stage: 'reading', done, total, sheet }) } : {});
    all = own.readings;
    villages = own.villages;
    ownInputs = inputsDigest(own.readings);
    const names = new Set(own.readings.filter((r) => r.formId === 'I.2' || r.formId === 'II.3').map((r) => r.sheet));
    sourceFindings = own.findings.filter((f) => names.has(f.sheet));
    ownValidation = new Set(sourceFindings);
  }
  // Each input counted once: identical copies read once, two versions of one sheet only as chosen.
  // The workbook's tabs name the files they were imported from (the state's record), for the version chooser.
  const origins = readings ? {} : readSheetOrigins(await target.readState().then((s) => s.extra, () => undefined));
  const selection = selectSources(all, options.sourceChoices ?? {}, origins);
  if (selection.conflicts.length > 0) throw new SourceConflictError(selection.conflicts, selection.findings);
  all = selection.readings;
  sourceFindings = [...sourceFindings, ...selection.findings];
  const sources = all.filter((r) => r.formId === 'I.2' || r.formId === 'II.3');
  const iii1 = all.find((r) => r.formId === 'III.1');
  progress(0.3, 'Đang đọc phần xã đã nhập ở lần tổng hợp trước…');
  await options.onProgress?.({ stage: 'building' });
  let edits = await readEdits(target);
  let state: DocumentState;
  // A damaged state is said, and what it held that the sheets also show is rebuilt from them
  // (the commune's name and the plan year printed on II.4.B…), never silently reset: the whole state
  // when it cannot be read, the fields its schema dropped (port/state.ts) when it can.
  const damaged = (reason: string, rebuiltState: DocumentState) => {
    const rebuilt = [rebuiltState.unitName ? `tên xã "${rebuiltState.unitName}"` : '', rebuiltState.planYear !== undefined ? `năm ${rebuiltState.planYear}` : ''].filter(Boolean).join(', ');
    sourceFindings = [...sourceFindings, finding('STATE_DAMAGED', { sheet: '' }, { reason, rebuilt: rebuilt ? ` (${rebuilt})` : '' })];
  };
  try {
    state = await target.readState();
    const dropped = stateProblems(state);
    if (dropped.length > 0) {
      const sheets = await rebuildState(target);
      const rebuilt: DocumentState = {
        ...(state.unitName === undefined && sheets.unitName !== undefined ? { unitName: sheets.unitName } : {}),
        ...(state.planYear === undefined && sheets.planYear !== undefined ? { planYear: sheets.planYear } : {}),
      };
      state = { ...state, ...rebuilt };
      damaged(`Trạng thái tài liệu lưu trong sổ làm việc có chỗ sai, đã bỏ: ${dropped.join('; ')}`, rebuilt);
    }
  } catch (e) {
    state = await rebuildState(target);
    damaged(e instanceof Error ? e.message : String(e), state);
  }
  // A re-run without a name keeps the one the workbook already has.
  // The commune's name: given, saved, or printed on the III.1 the upper level sent it ("Xã: Xã Tân Lập").
  const communeName = options.communeName ?? state.unitName ?? iii1?.unitName?.trim();
  if (communeName) options = { ...options, communeName };
  const planYear = options.planYear ?? state.planYear ?? sources.find((r) => r.planYear !== undefined)?.planYear;
  // The programs of the plan year (2016-2020, 2021-2025, 2026-2030), unless the user chose a period.
  const ofYear = periodOfYear(planYear);
  const period = options.period ?? ofYear.period;
  options = { ...options, period };
  if (planYear !== undefined && ofYear.beyond) sourceFindings = [...sourceFindings, finding('PERIOD_BEYOND_KNOWN', { sheet: '' }, { year: planYear, period })];
  else if (planYear !== undefined && !yearInPeriod(planYear, period)) sourceFindings = [...sourceFindings, finding('PERIOD_OF_YEAR_MISMATCH', { sheet: '' }, { year: planYear, period, expected: ofYear.period })];
  // The workbook's own "Danh mục" (a province's or commune's update of the reference data), when sound.
  const catalogue = await ownCatalogue(target, period);
  sourceFindings = [...sourceFindings, ...catalogue.findings];
  const meetings = villageMeetings(villages);
  return withCatalogue(catalogue.use, async () => {
    let plan = buildPlan(sources, edits, { ...options, ...(planYear !== undefined ? { planYear } : {}), ...(meetings.length > 0 ? { meetings } : {}) });
    if (options.acceptMerges) {
      const wanted = options.acceptMerges === 'all' ? plan.suggestions.filter((s) => !s.accepted) : plan.suggestions.filter((s) => options.acceptMerges?.includes(s.id));
      if (wanted.length > 0) {
        edits = { ...edits, acceptedMerges: [...edits.acceptedMerges, ...wanted.map((s) => s.keys)] };
        plan = buildPlan(sources, edits, { ...options, ...(planYear !== undefined ? { planYear } : {}), ...(meetings.length > 0 ? { meetings } : {}) });
      }
    }
    progress(0.6, 'Đang ghi các biểu II.4.A, II.4.B, II.6.A, II.6.B, II.6.C…');
    await options.onProgress?.({ stage: 'writing' });
    const checksFor = (ii6a: WrittenPlan['ii6a']) =>
      checkBudgets({ activities: ii6a, allActivities: plan.activities.filter((a) => a.status === 'active'), ...(iii1 ? { iii1 } : {}), period, sheetNames: { ii6a: 'II.6.A' } });
    const upperLevelName = state.upperLevelName?.trim() || defaultUpperLevel(planYear);
    const written = await writePlan(target, plan, { ...options, ...(planYear !== undefined ? { planYear } : {}), upperLevelName, checks: checksFor });
    const findings = [...sourceFindings, ...plan.findings, ...written.checks.findings];
    // One list per workbook: the Check screen shows what this run found beside what validation finds.
    await recordFindings(target, findings.filter((f) => !ownValidation.has(f)), ownInputs);
    progress(1, 'Đã tổng hợp xong.');
    return { plan, written, checks: written.checks, findings };
  });
}

/** The run's findings recorded in the target's state (workflow/findings.ts), replacing the previous run's. */
async function recordFindings(target: WorkbookPort, findings: readonly Finding[], inputs: string | undefined): Promise<void> {
  let state: DocumentState;
  try {
    state = await target.readState();
  } catch {
    return; // a state that cannot be read now was reported when the run began
  }
  await target.writeState(withRecordedFindings(state, 'consolidation', findings, inputs));
}

/** The "Danh mục" sheet of the target, read and checked; `use` is set when it is sound and of the plan's period. */
async function ownCatalogue(target: WorkbookPort, period: ProgramPeriod): Promise<{ use?: ProgramCatalogue; findings: Finding[] }> {
  const names = await target.listSheets();
  const name = names.find((n) => n.toLowerCase() === CATALOGUE_SHEET.toLowerCase());
  if (!name) return { findings: [] };
  const [data] = await target.readSheets([name]);
  const r = readCatalogueSheet(data);
  if (!r.catalogue) return { findings: [...r.findings] };
  if (r.period !== period) return { findings: [finding('CATALOGUE_INVALID', { sheet: name }, { problem: `trang là danh mục giai đoạn ${r.period}, kế hoạch này thuộc giai đoạn ${period}` })] };
  return { use: r.catalogue, findings: [finding('CATALOGUE_USED', { sheet: name }, { count: r.catalogue.programs.length, period })] };
}

/** What a damaged state held that the plan's own sheets show again: the commune and the plan year. */
async function rebuildState(target: WorkbookPort): Promise<DocumentState> {
  const names = await target.listSheets();
  const plan = ['II.4.B', 'II.6.A', 'II.6.B', 'II.4.A'].filter((n) => names.includes(n));
  if (plan.length === 0) return {};
  for (const d of await target.readSheets(plan)) {
    const r = readSheet(d).reading;
    const unitName = r?.unitName?.trim();
    if (unitName || r?.planYear !== undefined) return { ...(unitName ? { unitName } : {}), ...(r?.planYear !== undefined ? { planYear: r.planYear } : {}) };
  }
  return {};
}
