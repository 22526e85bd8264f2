/**
 * The upper level's roll-up in one call (handbook L764-L841 for the huyện, L842-L920 for the
 * tỉnh; since July 2025 the level above the commune is the province — the user names it):
 * read every commune's II.6.A/II.6.B (II.4.B, II.4.A, III.1 when present) from files or from
 * tabs of a shared spreadsheet, read back the appraisals typed into the previous summary,
 * build the roll-up and write its sheets:
 *   "Tổng hợp theo lĩnh vực"      every activity by topic and sector, with the appraisal columns
 *                                  (Phòng/ban thẩm định, Ý kiến as a drop-down, Lý do, Ưu tiên cấp trên)
 *                                  and "Mã dòng (LKH)" so a re-run keeps what the offices typed;
 *   "Tổng hợp theo xã"            counts and sums per commune, III.1 against II.6.A's Ngân sách;
 *   "Xếp ưu tiên trong nguồn vốn" accepted II.6.B activities in funding order, running total
 *                                  against the funds the upper level holds;
 *   "Phản hồi các xã"             every commune's feedback, one row per activity ("Ghi chú của cấp
 *                                  trên" typed there kept by key);
 *   "Phiếu phản hồi"              the printable, II.10-shaped feedback of one chosen commune;
 *   "Báo cáo đọc các xã"          what was read, the reconciliation, what to look at.
 * The communes' data itself is kept as long tables (tables.ts): a commune read again replaces its
 * rows; the summaries are computed from the tables, so the number of sheets does not depend on
 * the number of communes. Tabs of today's tab-per-commune layout are imported once (remembered in
 * the state). Every sheet is rebuilt, none kept as a copy: the appraisals typed in the summary are
 * carried over by key and listed as typed in "Thẩm định lần trước".
 */
import { defaultUpperLevel } from '../../reference';
import type { DocumentState, ProgramPeriod, WorkbookPort } from '../../port/types';
import { copiesOf, readStateOrEmpty } from '../../port/types';
import { foldKey } from '../../text';
import { withRecordedFindings } from '../findings';
import { periodOfYear } from '../../reference';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { buildRollup, fundsFromIv1 } from './build';
import { appraisalsLayout, communesLayout, feedbackLayoutOf, feedbackNotes, feedbackTableLayout, rankingLayout, reportLayout, summaryLayout } from './layout';
import type { DistrictSource, PlansReading } from './read';
import { communeKey, readCommunePlans, readPreviousRollup } from './read';
import type { ImportedCommune } from './import';
import { importedOf, merged } from './import';
import type { CommuneMeta, LongRow } from './tables';
import {
  ACTIVITY_COLUMNS,
  DATA_TABLES,
  FIGURES_TABLE,
  FIGURE_COLUMNS,
  II4A_TABLE,
  II6A_TABLE,
  II6B_TABLE,
  SITUATION_COLUMNS,
  communeRows,
  iv1Rows,
  longLayout,
  metaOf,
  readUpperTables,
  rebuildSheet as rebuild,
  upperState,
} from './tables';
import type { DistrictRollup, FundsOrigin } from './types';
import { DEFAULT_UPPER_LEVEL, FEEDBACK_PREFIX, FEEDBACK_TABLE, FEEDBACK_VIEW, UPPER_REPORT_SHEET } from './types';


export interface RollUpOptions {
  /** The level above the commune, named: "Tỉnh Lào Cai". Default: the workbook's setting, else the level above for the plan year. */
  readonly upperLevel?: string;
  /**
   * Funds the upper level holds for activities of unknown source (II.6.B), triệu đồng. Default:
   * the total of the IV.1 read among the sources (the one naming the upper level when several
   * do), else the last run's.
   */
  readonly funds?: number;
  readonly planYear?: number;
  readonly period?: ProgramPeriod;
  /** The commune whose feedback "Phiếu phản hồi" shows. Default: the last one chosen, else the first. */
  readonly feedbackCommune?: string;
  /** The day the communes are read, YYYY-MM-DD (default today), written in "Ngày đọc". */
  readonly today?: string;
  /** Reports progress (0..1) with a Vietnamese sentence. */
  readonly progress?: (fraction: number, message: string) => void;
}

export interface RollUpResult {
  readonly rollup: DistrictRollup;
  readonly reading: PlansReading;
  /** Sheets written, in order. */
  readonly sheets: readonly string[];
  readonly keptCopies: readonly string[];
  /** Communes read by this run (their rows replaced). */
  readonly imported: readonly ImportedCommune[];
  /** Sheets of the earlier layout deleted ("Phản hồi - <xã>": now the feedback table and view). */
  readonly removed: readonly string[];
  /** The commune "Phiếu phản hồi" shows. */
  readonly feedbackCommune?: string;
}

function levelOf(upper: string): 'huyen' | 'tinh' {
  return /^(tinh|thanh pho)( |$)/.test(foldKey(upper)) ? 'tinh' : 'huyen';
}

/**
 * Rolls the communes of `sources` up into `target` (which may be one of the sources: a shared
 * spreadsheet holding the communes' tabs; the roll-up's own sheets are never read as input).
 * Communes already in the target's long tables and not among the sources are kept as they are.
 */
export async function rollUpCommunes(sources: readonly DistrictSource[], target: WorkbookPort, options: RollUpOptions = {}): Promise<RollUpResult> {
  const progress = options.progress ?? (() => undefined);
  const state = await readStateOrEmpty(target);
  const saved = upperState(state);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // Without a name: the level above for the plan year (the province since 2026; the district before).
  const upperLevel = options.upperLevel?.trim() || state.upperLevelName?.trim() || defaultUpperLevel(options.planYear ?? state.planYear) || DEFAULT_UPPER_LEVEL;
  progress(0, 'Đang đọc ý kiến thẩm định đã nhập ở lần tổng hợp trước…');
  const previous = await readPreviousRollup(target);
  progress(0.1, 'Đang đọc biểu của các xã…');
  // Tabs of the target imported by an earlier run are not read again.
  const imported = Object.keys(saved.imported);
  const inputs = sources.map((s) => (s.port === target && imported.length > 0 ? { ...s, skip: [...(s.skip ?? []), ...imported] } : s));
  const reading = await readCommunePlans(inputs, { ...(options.period ? { period: options.period } : {}) });
  const period = options.period ?? periodOfYear(options.planYear ?? reading.planYear ?? state.planYear).period;
  progress(0.4, 'Đang đọc bảng dữ liệu các xã…');
  const tables = await readUpperTables(target, saved, period);
  progress(0.5, 'Đang tổng hợp…');

  // The tables' communes, each read again replacing its rows.
  const issues: Finding[] = [];
  const byKey = new Map(tables.communes.map((s) => [s.input.key, s]));
  const fromTabs = new Set(reading.sheets.filter((x) => x.used && x.file === undefined && sources.some((s) => s.port === target && s.file === undefined)).map((x) => x.sheet));
  const replaced: ImportedCommune[] = [];
  for (const c of reading.communes) {
    const next = merged(byKey.get(c.key), c, today, issues);
    if (!next) continue;
    byKey.set(c.key, next);
    replaced.push(importedOf(c, next, c.where.some((w) => fromTabs.has(w))));
  }
  const all = [...byKey.values()];
  const withPlan = new Set(all.filter((s) => s.input.activities.length > 0).map((s) => s.input.key));
  // "No plan" said of a commune whose plan the tables hold (a III.1 sent on its own) is not a problem.
  const readingIssues = reading.issues.filter((f) => !((f.code === 'NO_COMMUNE_PLAN' || f.code === 'III1_WITHOUT_PLAN') && withPlan.has(communeKey(String(f.params.commune ?? '')))));

  // The funds: as given; else what the IV.1 read gives the upper level; else the last run's.
  const fromIv1 = options.funds === undefined ? fundsFromIv1(reading.iv1, upperLevel) : undefined;
  const funds = options.funds ?? fromIv1?.amount ?? saved.funds;
  const fundsFrom: FundsOrigin | undefined =
    options.funds !== undefined ? { kind: 'option' } : fromIv1 ? { kind: 'iv1', sheets: fromIv1.sheets } : saved.funds !== undefined ? { kind: 'saved' } : undefined;
  const planYear = options.planYear ?? reading.planYear ?? state.planYear;
  // The feedback view's commune: as asked, else the last one chosen, else the first.
  if (options.feedbackCommune && !byKey.has(communeKey(options.feedbackCommune))) {
    issues.push(finding('FEEDBACK_COMMUNE_UNKNOWN', { sheet: FEEDBACK_VIEW }, { commune: options.feedbackCommune }));
  }
  const rollup = buildRollup(
    all.map((s) => s.input),
    previous,
    {
      upperLevel,
      ...(funds !== undefined ? { funds } : {}),
      ...(fundsFrom ? { fundsFrom } : {}),
      ...(planYear !== undefined ? { planYear } : {}),
      findings: reading.findings,
      issues: [...readingIssues, ...issues],
    },
  );

  const asked = [options.feedbackCommune, saved.feedbackCommune].map((n) => (n ? rollup.communes.find((c) => c.key === communeKey(n) && c.count > 0) : undefined));
  const view = asked[0] ?? asked[1] ?? rollup.communes.find((c) => c.count > 0);

  progress(0.7, 'Đang ghi bảng dữ liệu, các trang tổng hợp và phản hồi…');
  const names = await target.listSheets();
  const notes = names.includes(FEEDBACK_TABLE) ? feedbackNotes((await target.readSheets([FEEDBACK_TABLE], { formulas: false, fonts: false, merges: false }))[0]) : new Map<string, string>();
  // A table is rewritten when a commune changed or it is not as the roll-up writes it (rows
  // cleared by an import, columns moved): otherwise it already holds exactly these rows.
  const unchanged = replaced.length === 0 && reading.iv1.length === 0;
  const stale = [II6A_TABLE, II6B_TABLE, II4A_TABLE, FIGURES_TABLE].filter((t) => !(unchanged && tables.compact.has(t)));
  const rows = stale.length > 0 ? all.map(communeRows) : [];
  const figures = (): LongRow[] => [...rows.flatMap((r) => r.figures), ...(reading.iv1.length > 0 ? iv1Rows(reading.iv1, today) : tables.iv1)];
  const dataLayouts = [
    stale.includes(II6A_TABLE) ? longLayout(II6A_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6a)) : undefined,
    stale.includes(II6B_TABLE) ? longLayout(II6B_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6b)) : undefined,
    stale.includes(II4A_TABLE) ? longLayout(II4A_TABLE, SITUATION_COLUMNS, rows.flatMap((r) => r.ii4a)) : undefined,
    stale.includes(FIGURES_TABLE) ? longLayout(FIGURES_TABLE, FIGURE_COLUMNS, figures()) : undefined,
  ].filter((l): l is NonNullable<typeof l> => l !== undefined);
  const viewLayout = (view && feedbackLayoutOf(rollup, view.key, FEEDBACK_VIEW)) ?? longLayout(FEEDBACK_VIEW, [{ key: 'note', header: 'Chưa có xã nào có hoạt động để phản hồi.', width: 60 }], []);
  const rebuilt = [...dataLayouts, summaryLayout(rollup), appraisalsLayout(previous), communesLayout(rollup), rankingLayout(rollup), feedbackTableLayout(rollup, notes), viewLayout];
  const written = [...DATA_TABLES, ...rebuilt.slice(dataLayouts.length).map((l) => l.name), UPPER_REPORT_SHEET];
  // Sheets of the earlier layout: one "Phản hồi - <xã>" per commune, now the feedback table and view.
  const removed = names.filter((n) => n.startsWith(FEEDBACK_PREFIX));
  const importedNow = reading.sheets.filter((x) => x.used && x.file === undefined && x.form !== undefined && sources.some((s) => s.port === target));
  const report = reportLayout(rollup, reading.sheets, written, { imported: replaced, removed, stored: all.length - replaced.length });
  // Every sheet rebuilt, none kept as a copy: the appraisals typed before are carried by key and
  // listed as typed in "Thẩm định lần trước" (a copy of the summary would be 18,000 rows more).
  const keptCopies: string[] = [];
  for (const l of [...rebuilt, report]) await rebuild(target, l, names);
  if (removed.length > 0) await target.deleteSheets([...removed, ...names.filter((n) => removed.some((x) => copiesOf(x, names).includes(n)))]);
  let after: DocumentState;
  try {
    after = await target.readState();
  } catch {
    after = state;
  }
  const communes: Record<string, CommuneMeta> = {};
  for (const s of all) communes[s.input.key] = metaOf(s);
  const extra: Record<string, unknown> = { ...(withRecordedFindings(after, 'rollup', [...rollup.issues, ...rollup.findings]).extra ?? {}) };
  delete extra.district;
  await target.writeState({
    ...after,
    upperLevelName: upperLevel,
    ...(after.level === undefined ? { level: levelOf(upperLevel) } : {}),
    ...(after.planYear === undefined && planYear !== undefined ? { planYear } : {}),
    extra: {
      // One list per workbook: the roll-up's findings are shown with the workbook's own (workflow/findings.ts).
      ...extra,
      upper: {
        ...(funds !== undefined ? { funds } : {}),
        communes,
        imported: { ...saved.imported, ...Object.fromEntries(importedNow.map((x) => [x.sheet, today])) },
        ...(view ? { feedbackCommune: view.name } : {}),
        sheets: written,
      },
    },
  });
  progress(1, 'Đã tổng hợp xong.');
  return { rollup, reading, sheets: written, keptCopies, imported: replaced, removed, ...(view ? { feedbackCommune: view.name } : {}) };
}
