/**
 * What the task panes do, host-neutral: settings, insert a form, validate, consolidate, funding
 * checks, ranking, import and export — each one coarse call over a WorkbookPort, with plain
 * JSON results (they cross google.script.run in Google Sheets, where every call starts the
 * server afresh). The Excel pane, the standalone page and the Sheets server all use this.
 */
import { formEdition } from '../forms/editions';
import { forms, getForm, isFormId } from '../forms/registry';
import type { FormId, Level } from '../forms/types';
import { defaultSheetName, layoutForm } from '../layout/engine';
import type { DocumentState, ProgramPeriod, SheetData, WorkbookPort } from '../port/types';
import { allCopies, isCopyName } from '../port/types';
import { isInternalSheet } from '../port/memory';
import { copyKeepingOne, replaceKeepingOneCopy } from '../port/replace';
import { readSheet } from '../reader/read';
import { readWorkbook, savedForm } from '../reader/workbook';
import type { Finding } from '../validate/messages';
import { finding } from '../validate/messages';
import type { FormReading } from '../model/types';
import type { VillageSheets } from '../reader/workbook';
import { sheetUnit } from '../reader/unit';
import { a1 } from '../util/a1';
import { workbookFindings } from '../workflow/findings';
import type { CheckResult } from '../workflow/plan';
import type { Checklist } from '../workflow/calendar';
import { VILLAGE_FORMS, sheetContents, villageCompleteness, villageKey } from '../workflow/calendar';
import type { UndoResult, YearDocumentKind, YearStatus } from '../year';
import {
  checklistOfDocument,
  readBallots,
  readExpectedVillages,
  readChecklistState,
  readVillages,
  recordBallot,
  recordDocument,
  recordRanking,
  setOverride,
  sheetFormsOfWorkbook,
  todayIso,
  undoLastChange,
  undoableChange,
  workbookEvidence,
  writeChecklistState,
  writeLastChange,
  writeVillages,
  yearStatus,
  yearTick,
} from '../year';
import type { ConsolidationStep, SourceConflict } from '../workflow/plan';
import { SourceConflictError, consolidateCommune } from '../workflow/plan';
import { readFlags } from '../workflow/classify';
import type { RankItem, RankMethod, ValidityKind, VillageCounts } from '../workflow/ranking';
import { RankingRefused, TIE_BREAK_LABELS, applyRanking, ballotLayout, ballotRefusal, listValidity, rank, rankItemsFromSheet, readTally, readValidityFields, validityKindOf, validityWrite } from '../workflow/ranking';
import type { RankableFormId } from '../workflow/ranking';
import type { MergeSuggestion, Reconciliation } from '../workflow/types';
import { LATEST_PERIOD, catalogueLayout, defaultUpperLevel, fundSourceChoices, periodOfYear, programCatalogue } from '../reference';
import type { NameSuggestion } from './settings';
import { sanitizeState, suggestNames, validSettings } from './settings';
import type { OverviewView } from './overview';

export type { FundingGroupId, OverviewPlan, OverviewView } from './overview';
export type { ConsolidationStep } from '../workflow/plan';

export interface Settings {
  readonly planYear?: number;
  readonly unitName?: string;
  readonly level: Level;
  readonly period: ProgramPeriod;
  /** The level above the commune: "Huyện …" per the handbook, "Tỉnh …" since July 2025. */
  readonly upperLevelName: string;
}

/** Settings of a workbook nobody has set up: a commune, planning now (the latest period, the province above). */
export const DEFAULT_SETTINGS: Settings = { level: 'xa', period: LATEST_PERIOD, upperLevelName: defaultUpperLevel(undefined) };

/** A finding as the panes show it. */
export interface FindingView {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly sheet: string;
  readonly cell?: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface ValidationView {
  readonly forms: readonly { readonly sheet: string; readonly formId: FormId }[];
  readonly unrecognised: readonly string[];
  readonly findings: readonly FindingView[];
  readonly errors: number;
  readonly warnings: number;
}

export interface ConsolidationView {
  readonly reconciliation: Reconciliation;
  /** Activities returned with the reason, in Vietnamese and (reasonEn) English. */
  readonly returned: readonly { readonly activity: string; readonly origin: string; readonly reason: string; readonly reasonEn?: string; readonly sheet: string; readonly cell?: string }[];
  readonly suggestions: readonly MergeSuggestion[];
  readonly checks: readonly CheckResult[];
  readonly sheets: readonly string[];
  readonly keptCopies: readonly string[];
  readonly counts: { readonly activities: number; readonly ii6a: number; readonly ii6b: number };
  readonly findings: readonly FindingView[];
  /**
   * Two or more different versions of one unit's sheet (a corrected v2 beside the first): nothing
   * was written; the user chooses which to keep (sourceChoices) and consolidates again.
   */
  readonly conflicts?: readonly SourceConflict[];
}

/** What the user answers before consolidating. */
export interface ConsolidateOptions {
  readonly acceptMerges?: readonly string[] | 'all';
  /** By conflict id: the key of the version to keep, or 'all' (different units sharing a name). */
  readonly sourceChoices?: Readonly<Record<string, string>>;
}

export interface RankingView {
  readonly sheet: string;
  /** The list as it was before ranking, kept under this name. */
  readonly keptCopy?: string;
  /** Each activity's own rank; `tieBreak` says why it is ahead of the next one with the same total. */
  readonly ranks: readonly { readonly activity: string; readonly total: number; readonly rank: number; readonly tieBreak?: string }[];
  readonly participants: number;
  readonly findings: readonly FindingView[];
  /** Rule 8: whether the ranked list is valid, as written on the tally sheet. */
  readonly validity: ValidityView;
}

/** The validity of a ranked list (rule 8), as the pane shows it and the tally sheet records it. */
export interface ValidityView {
  readonly valid: boolean;
  readonly kind: ValidityKind;
  /** "Hợp lệ: …" / "Chưa hợp lệ: …". */
  readonly text: string;
  readonly textEn: string;
  /** Where the conclusion was written. */
  readonly sheet: string;
  readonly cell: string;
}

/** What only a host can do (select a cell, colour cells); optional: the standalone page has no selection. */
export interface HostExtras {
  selectCell?(sheet: string, cell: string): Promise<void>;
  markFindings?(findings: readonly FindingView[]): Promise<void>;
}

export function findingView(f: Finding): FindingView {
  return { code: f.code, severity: f.severity, sheet: f.sheet, ...(f.cell ? { cell: f.cell } : {}), message: f.message, messageEn: f.messageEn };
}

/** The document state, with what a damaged state holds that no reader can use left out (settings.ts). */
async function readStateSafe(port: WorkbookPort): Promise<DocumentState> {
  try {
    return sanitizeState(await port.readState()).state;
  } catch {
    return {};
  }
}

export function settingsOf(state: DocumentState): Settings {
  return {
    ...(state.planYear !== undefined ? { planYear: state.planYear } : {}),
    ...(state.unitName ? { unitName: state.unitName } : {}),
    level: state.level ?? DEFAULT_SETTINGS.level,
    // Unset: what the plan year falls under (HOSTS.md: 2016-2020 / 2021-2025 / 2026-2030; the province above from 2026).
    period: state.period ?? periodOfYear(state.planYear).period,
    upperLevelName: state.upperLevelName ?? defaultUpperLevel(state.planYear),
  };
}

export interface FormSummary {
  readonly id: FormId;
  readonly code: string;
  readonly title: string;
  readonly level: Level;
}

export function listForms(): FormSummary[] {
  return [...forms().values()].map((f) => ({ id: f.id, code: f.code, title: f.title, level: f.level }));
}

export function createActions(port: WorkbookPort, host: HostExtras = {}) {
  return {
    async getSettings(): Promise<Settings> {
      return settingsOf(await readStateSafe(port));
    },

    /**
     * The unit's and the level above's names the received sheets give, for the ones the settings
     * leave blank (the level above at its default "Tỉnh"/"Huyện" counts as blank). Read only: the
     * pane shows them for the user to accept.
     */
    async suggestNames(): Promise<NameSuggestion> {
      const state = await readStateSafe(port);
      const want = { unit: !state.unitName?.trim(), upper: !state.upperLevelName?.trim() || /^(tỉnh|huyện)$/iu.test(state.upperLevelName.trim()) };
      if (!want.unit && !want.upper) return {};
      const names = (await port.listSheets()).filter((n) => !isCopyName(n) && !isInternalSheet(n));
      return suggestNames(await port.readSheets(names, { fonts: false }), want);
    },

    async saveSettings(input: Settings): Promise<Settings> {
      // Checked before anything is read or written (settings.ts): a bad value throws, nothing is written.
      const s = validSettings(input);
      // Fields a damaged state holds that no reader can use are dropped, not written back.
      const { state } = sanitizeState(await readStateSafe(port));
      const next: DocumentState = {
        ...state,
        level: s.level,
        period: s.period,
        upperLevelName: s.upperLevelName,
        ...(s.planYear !== undefined ? { planYear: s.planYear } : {}),
        ...(s.unitName ? { unitName: s.unitName } : {}),
      };
      await port.writeState(next);
      return settingsOf(next);
    },

    /** Inserts a form as a new sheet named for its unit ("Thôn A - I.2"), recorded in the state. */
    async insertForm(formId: string, unitName?: string): Promise<{ sheet: string; keptCopy?: string }> {
      if (!isFormId(formId)) throw new Error(`Không có biểu mẫu ${formId}.`);
      const state = await readStateSafe(port);
      const unit = unitName?.trim() || undefined;
      // The edition of the workbook's period (III.1, IV.1 and II.6.C changed after 2020).
      const period = state.period ?? periodOfYear(state.planYear).period;
      const layout = layoutForm(formEdition(getForm(formId), period), {
        ...(state.planYear !== undefined ? { planYear: state.planYear } : {}),
        ...(unit ? { unitName: unit } : state.unitName ? { unitName: state.unitName } : {}),
        sheetName: defaultSheetName(formId, unit),
        fundSources: fundSourceChoices(period),
      });
      const r = await replaceKeepingOneCopy(port, layout);
      const after = await readStateSafe(port);
      const sheetForms: Record<string, FormId> = { ...(after.sheetForms ?? {}), [layout.name]: formId };
      for (const gone of [...(r.keptCopy ? [r.keptCopy] : []), ...r.removed]) delete sheetForms[gone];
      await port.writeState({ ...after, sheetForms });
      return { sheet: layout.name, ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}) };
    },

    /**
     * Recognises and checks every sheet; marks the findings' cells where the host can. One list
     * per workbook: what the last consolidation and roll-up found is shown too, and, for a
     * commune, which village has not sent its I.1, I.2 or I.3.
     */
    async validate(): Promise<ValidationView> {
      const r = await readWorkbook(port);
      const state = await readStateSafe(port);
      const completeness = (state.level ?? DEFAULT_SETTINGS.level) === 'xa' ? await villageFindings(port, r.readings, state) : [];
      const findings = workbookFindings(state, [...r.findings, ...completeness], r.readings).map(findingView);
      if (host.markFindings) await host.markFindings(findings);
      return {
        forms: r.readings.map((x) => ({ sheet: x.sheet, formId: x.formId })),
        unrecognised: r.unrecognised,
        findings,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      };
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      if (host.selectCell) await host.selectCell(sheet, cell);
    },

    /**
     * One-click consolidation of the workbook's village and department tabs. `onProgress` is told
     * each sheet read (with counts), then the building and the writing of the plan.
     */
    async consolidate(opts: ConsolidateOptions = {}, onProgress?: (step: ConsolidationStep) => void | Promise<void>): Promise<ConsolidationView> {
      const state = await readStateSafe(port);
      let result: Awaited<ReturnType<typeof consolidateCommune>>;
      try {
        result = await consolidateCommune(port, undefined, {
          ...(state.period ? { period: state.period } : {}),
          ...(state.planYear !== undefined ? { planYear: state.planYear } : {}),
          ...(state.unitName ? { communeName: state.unitName } : {}),
          ...(opts.acceptMerges ? { acceptMerges: opts.acceptMerges } : {}),
          ...(opts.sourceChoices ? { sourceChoices: opts.sourceChoices } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
      } catch (e) {
        if (!(e instanceof SourceConflictError)) throw e;
        // Nothing was written: say what to choose.
        const none = { count: 0, amount: 0 };
        return {
          reconciliation: { read: none, written: none, returned: none, balanced: false, vanished: 0, manual: 0 },
          returned: [],
          suggestions: [],
          checks: [],
          sheets: [],
          keptCopies: [],
          counts: { activities: 0, ii6a: 0, ii6b: 0 },
          findings: e.findings.map(findingView),
          conflicts: e.conflicts,
        };
      }
      return {
        reconciliation: result.plan.reconciliation,
        returned: result.plan.returned.map((x) => ({
          activity: x.activity.activity || '(không tên)',
          origin: x.origin.unit,
          reason: x.message,
          reasonEn: x.messageEn,
          sheet: x.activity.source.sheet,
          ...(x.activity.source.cells.activity ? { cell: x.activity.source.cells.activity } : {}),
        })),
        suggestions: result.plan.suggestions,
        checks: result.checks.checks,
        sheets: result.written.sheets,
        keptCopies: result.written.keptCopies,
        counts: { activities: result.plan.activities.length, ii6a: result.written.ii6a.length, ii6b: result.written.ii6b.length },
        findings: result.findings.map(findingView),
      };
    },

    /**
     * Writes the reference data of the workbook's period (programs, projects, fund sources, with
     * their legal basis and how each was checked) as a visible "Danh mục" sheet the province or the
     * commune can update; consolidation then reads it instead of the built-in data. A "Danh mục"
     * already there (maybe edited) is kept as a copy.
     */
    async writeCatalogue(): Promise<{ sheet: string; entries: number; period: string; keptCopy?: string }> {
      const state = await readStateSafe(port);
      const period = state.period ?? periodOfYear(state.planYear).period;
      const layout = catalogueLayout(period);
      const r = await replaceKeepingOneCopy(port, layout);
      return { sheet: layout.name, entries: programCatalogue(period).programs.length, period, ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}) };
    },

    /**
     * The home screen's figures of the consolidated plan (II.6.A, II.6.B read back; overview.ts); no
     * plan yet: {}. Loaded on first use: the plan reader and the handout's sums stay out of the panes' first load.
     */
    async overview(): Promise<OverviewView> {
      const { planOverview } = await import('./overview');
      return planOverview(port);
    },

    /**
     * Removes every kept copy ("… (cũ)", "… (cũ 2)") of the workbook, after the user confirmed in
     * the pane: consolidation keeps one previous copy per sheet, this clears even those.
     */
    async removeCopies(): Promise<{ removed: string[] }> {
      const copies = allCopies(await port.listSheets());
      if (copies.length === 0) return { removed: [] };
      await port.deleteSheets(copies);
      const state = await readStateSafe(port);
      if (state.sheetForms) {
        const sheetForms = Object.fromEntries(Object.entries(state.sheetForms).filter(([sheet]) => !copies.includes(sheet)));
        await port.writeState({ ...state, sheetForms });
      }
      return { removed: copies };
    },

    /** Creates the ballot and tally sheet for an activity list (II.6.B, II.6.A or a village's I.2). */
    async createBallot(opts: { listSheet: string; method: 'marks' | 'scores'; participants?: number; criteria?: readonly string[] }): Promise<{ sheet: string; items: number }> {
      const formId = await listForm(port, opts.listSheet);
      const [data] = await port.readSheets([opts.listSheet]);
      const items = itemsOf(data, formId);
      if (items.length === 0) throw new Error(`Trang "${opts.listSheet}" không có hoạt động nào cần nguồn vốn bên ngoài để xếp ưu tiên.`);
      const state = await readStateSafe(port);
      const method: RankMethod = opts.method === 'marks' ? { kind: 'marks' } : { kind: 'scores', ...(opts.criteria ? { criteria: opts.criteria } : {}) };
      const sheet = `Phiếu ưu tiên - ${opts.listSheet}`.slice(0, 31);
      const layout = ballotLayout(items, method, {
        participants: opts.participants ?? 10,
        sheetName: sheet,
        formId,
        ...(state.unitName ? { unitName: state.unitName } : {}),
        ...(state.planYear !== undefined ? { planYear: state.planYear } : {}),
      });
      await replaceKeepingOneCopy(port, layout);
      await port.writeState(recordBallot(await readStateSafe(port), layout.name, opts.listSheet, opts.method));
      return { sheet: layout.name, items: items.length };
    },

    /**
     * The seven steps for the level in the settings, with dates for the plan year, expected forms
     * ticked from the sheets of the workbook that hold content (a blank template ticks nothing;
     * which village lacks which form is said), and the manual ticks. `today` is 'yyyy-mm-dd'
     * (the pane's local date). Undefined until the plan year is set.
     */
    async checklist(today: string): Promise<Checklist | undefined> {
      const state = await readStateSafe(port);
      const names = new Set(await port.listSheets());
      const sheetForms: Record<string, FormId> = {};
      for (const [sheet, id] of Object.entries(state.sheetForms ?? {})) if (names.has(sheet)) sheetForms[sheet] = id;
      if (state.planYear === undefined) return undefined;
      // A form ticks only when a sheet of it holds content: a blank template ticks nothing.
      const contents = await sheetContents(port, sheetForms, state.planYear);
      return checklistOfDocument({ ...state, level: state.level ?? DEFAULT_SETTINGS.level, sheetForms }, today, contents);
    },

    /**
     * Ticks (or unticks) a step, sub-item or result of the checklist ("a meeting held"); a step and
     * its results stay in agreement (ticking a step ticks its results; unticking a result unticks its step).
     */
    async setChecklistTick(itemId: string, ticked: boolean): Promise<void> {
      const state = await readStateSafe(port);
      await port.writeState(yearTick(state, itemId, ticked, state.level ?? DEFAULT_SETTINGS.level));
    },

    /** Sets (or, with null, removes) the user's dates of a step or sub-item of the checklist. */
    async setChecklistDates(itemId: string, dates: { start?: string; end?: string } | null): Promise<void> {
      const state = await readStateSafe(port);
      await port.writeState(writeChecklistState(state, setOverride(readChecklistState(state), itemId, dates)));
    },

    /**
     * Where the unit is in its year (year/status.ts): the seven steps of its level with each result
     * done or missing and its evidence, the current step, gaps, deadlines where meaningful, the
     * villages received and the next action. `today` is 'yyyy-mm-dd' (the pane's local date).
     */
    async yearStatus(today: string): Promise<YearStatus> {
      const state = await readStateSafe(port);
      const names = await port.listSheets();
      const sheets = await workbookEvidence(port, state, { sheetNames: names, sheetForms: await sheetFormsOfWorkbook(port, state, names) });
      return yearStatus({ state, sheets, today, sheetNames: names });
    },

    /** The commune's villages by name and how many it has (set once; "đã gửi đủ" is judged on it). */
    async setVillages(input: { names?: readonly string[]; expected?: number | null }): Promise<{ villages: string[]; expected?: number }> {
      const next = writeVillages(await readStateSafe(port), input.names, input.expected);
      await port.writeState(next);
      const expected = readExpectedVillages(next);
      return { villages: readVillages(next), ...(expected !== undefined ? { expected } : {}) };
    },

    /**
     * Records a document drafted or exported from the plan (what, the file name, today unless
     * `at` is given) so the year's status counts it: the hosts call it when they hand a file over.
     */
    async recordDocument(kind: YearDocumentKind, fileName: string, action: 'drafted' | 'exported' = 'drafted', at?: string): Promise<void> {
      const now = new Date();
      await port.writeState(recordDocument(await readStateSafe(port), { kind, action, fileName, ...(at === undefined ? { at: todayIso(now), time: now.toISOString() } : { at }) }));
    },

    /** What the last consolidation (a merge accepted is one) or ranking can undo: its action and sheets, if any. */
    async lastChange(): Promise<{ action: 'consolidate' | 'rank'; at: string; sheets: string[] } | undefined> {
      const c = await undoableChange(port);
      return c ? { action: c.action, at: c.at, sheets: c.sheets.map((x) => x.sheet) } : undefined;
    },

    /**
     * Undoes the last consolidation or ranking from the "(cũ)" copies it kept: each sheet changes
     * places with its copy (undoing again brings the change back). Undefined when nothing can be undone.
     */
    async undoLastChange(): Promise<UndoResult | undefined> {
      return undoLastChange(port);
    },

    /** Reads the filled ballot, ranks (ties by the handbook's rule), writes Ưu tiên and sorts the list. */
    async rankFromBallot(opts: { ballotSheet: string; listSheet?: string }): Promise<RankingView> {
      const state = await readStateSafe(port);
      const info = readBallots(state)[opts.ballotSheet];
      const listSheet = opts.listSheet ?? info?.listSheet;
      if (!listSheet) throw new Error(`Không biết phiếu "${opts.ballotSheet}" dùng cho danh sách nào; hãy chọn trang danh sách.`);
      const formId = await listForm(port, listSheet);
      const [list, ballot] = await port.readSheets([listSheet, opts.ballotSheet]);
      const items = itemsOf(list, formId);
      const method: RankMethod = info?.method === 'scores' ? { kind: 'scores' } : { kind: 'marks' };
      const tally = readTally(ballot, items, method);
      // An empty or unreadable ballot ranks nothing: no copy, no rank written (issue 20).
      const refused = ballotRefusal(tally, method, items.length, opts.ballotSheet, listSheet);
      if (refused !== undefined) throw new RankingRefused(refused);
      const ranks = rank(items, tally.totals, tally.beneficiaries);
      // The list is re-sorted in place: keep the list as it was first, one copy only (no user sheet is lost).
      const { copy: keptCopy } = await copyKeepingOne(port, listSheet);
      const applied = await applyRanking(port, listSheet, ranks, { formId });
      // Rule 8 after every ranking: the counts under the ballot, else the village's own I.1 and I.3; written on the tally sheet.
      const fields = readValidityFields(ballot);
      const kind = validityKindOf(formId);
      const unit = kind === 'commune-conference' ? state.unitName?.trim() || 'Hội nghị kế hoạch xã' : (sheetUnit(readSheet(list, { formId }).reading, list) ?? listSheet);
      const village = kind === 'village-meeting' ? villageCounts((await readWorkbook(port)).villages, unit) : undefined;
      const validity = listValidity({ unit, kind, ballot, fields, participants: tally.participants, ...(village ? { village } : {}) });
      const write = validityWrite(opts.ballotSheet, fields, validity);
      await port.writeValues([write]);
      // The ranking counts in the year's status; it can be undone from the copy.
      const before = await readStateSafe(port);
      const now = new Date();
      const ranked = recordRanking(before, opts.ballotSheet, listSheet, { at: todayIso(now), time: now.toISOString(), participants: tally.participants, valid: validity.valid }, method.kind);
      await port.writeState(writeLastChange(ranked, { action: 'rank', at: todayIso(), sheets: [{ sheet: listSheet, copy: keptCopy }], extra: { ballots: before.extra?.ballots ?? null } }));
      const cell = a1(write.row, write.col + write.values[0].length - 1);
      return {
        sheet: listSheet,
        keptCopy,
        ranks: ranks.map((r) => ({ activity: r.activity, total: r.total, rank: r.rank, ...(r.tieBreak ? { tieBreak: TIE_BREAK_LABELS[r.tieBreak] } : {}) })),
        participants: tally.participants,
        findings: [...tally.findings, ...applied.findings, ...validity.findings].map(findingView),
        validity: { valid: validity.valid, kind: validity.kind, text: validity.text, textEn: validity.textEn, sheet: opts.ballotSheet, cell },
      };
    },
  };
}

export type Actions = ReturnType<typeof createActions>;

/** What a village's own sheets give for rule 8 (I.1's households, I.3's attendance), found by the village's name. */
function villageCounts(villages: readonly VillageSheets[], unit: string): VillageCounts | undefined {
  const key = villageKey(unit);
  const v = villages.find((x) => x.unit !== undefined && villageKey(x.unit) === key) ?? (villages.length === 1 && villages[0].unit === undefined ? villages[0] : undefined);
  if (!v) return undefined;
  const meeting = v.meetings[0];
  return { ...(v.households ? { households: v.households } : {}), ...(meeting ? { meeting } : {}) };
}


/**
 * For a commune: each village of the settings (extra.villages) or named by the village sheets
 * that has no sheet holding content for I.1, I.2 or I.3 (the checklist's own villageCompleteness).
 * The finding sits on one of the village's sheets when it has one.
 */
async function villageFindings(port: WorkbookPort, readings: readonly FormReading[], state: DocumentState): Promise<Finding[]> {
  const sheetForms: Record<string, FormId> = {};
  for (const r of readings) if (VILLAGE_FORMS.includes(r.formId)) sheetForms[r.sheet] = r.formId;
  const villages = readVillages(state);
  if (Object.keys(sheetForms).length === 0 && villages.length === 0 && readExpectedVillages(state) === undefined) return [];
  const contents = await sheetContents(port, sheetForms, state.planYear);
  const out: Finding[] = [];
  const lines = villageCompleteness(sheetForms, contents, VILLAGE_FORMS, villages);
  for (const line of lines) {
    if (line.missing.length === 0) continue;
    const key = villageKey(line.unit);
    const sheet = Object.entries(contents).find(([, c]) => c.unit !== undefined && villageKey(c.unit) === key)?.[0] ?? '';
    out.push(finding('VILLAGE_FORMS_MISSING', { sheet }, { unit: line.unit, missing: `Biểu ${line.missing.join(', ')}` }));
  }
  // The number of villages set once in the state: those not heard from at all are said too.
  const unheard = (readExpectedVillages(state) ?? 0) - lines.length;
  if (unheard > 0) out.push(finding('VILLAGE_FORMS_MISSING', { sheet: '' }, { unit: `${unheard} thôn nữa của xã`, missing: `Biểu ${VILLAGE_FORMS.join(', ')}` }));
  return out;
}

/** The list's items, with the tie-break flags read from their names (women, poor women, public jobs). */
function itemsOf(data: SheetData, formId: RankableFormId): RankItem[] {
  return rankItemsFromSheet(data, formId).items.map((i) => ({ ...i, flags: { ...readFlags(i.activity), ...i.flags } }));
}

/** The form of an activity list sheet, from the state or by recognition; only rankable forms. */
async function listForm(port: WorkbookPort, sheet: string): Promise<RankableFormId> {
  const state = await readStateSafe(port);
  let id: FormId | undefined = savedForm(state, sheet).formId;
  if (!id) {
    const [data] = await port.readSheets([sheet]);
    id = readSheet(data).reading?.formId;
  }
  if (id === 'II.6.A' || id === 'II.6.B' || id === 'I.2') return id;
  throw new Error(`Trang "${sheet}" không phải danh sách hoạt động để xếp ưu tiên (cần Biểu II.6.B, II.6.A hoặc I.2).`);
}
