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
 *   "Phản hồi - <xã>"             one II.10-shaped feedback per commune;
 *   "Báo cáo đọc các xã"          what was read, the reconciliation, what to look at.
 * Replaced sheets are kept as copies by the port; nothing typed is ever lost.
 */
import { replaceKeepingOneCopy } from '../../port/replace';
import { defaultUpperLevel } from '../../reference';
import type { DocumentState, ProgramPeriod, WorkbookPort } from '../../port/types';
import { readStateOrEmpty } from '../../port/types';
import { foldKey } from '../../text';
import { withRecordedFindings } from '../findings';
import { buildRollup, fundsFromIv1 } from './build';
import { communesLayout, feedbackLayouts, rankingLayout, reportLayout, summaryLayout } from './layout';
import type { DistrictSource, PlansReading } from './read';
import { readCommunePlans, readPreviousRollup } from './read';
import type { DistrictRollup, FundsOrigin } from './types';
import { DEFAULT_UPPER_LEVEL, DISTRICT_REPORT_SHEET } from './types';


export interface RollUpOptions {
  /** The level above the commune, named: "Huyện Bắc Hà", "Tỉnh Lào Cai". Default: the workbook's setting, else "Huyện". */
  readonly upperLevel?: string;
  /**
   * Funds the upper level holds for activities of unknown source (II.6.B), triệu đồng. Default:
   * the total of the IV.1 read among the sources (the one naming the upper level when several
   * do), else the last run's.
   */
  readonly funds?: number;
  readonly planYear?: number;
  readonly period?: ProgramPeriod;
  /** Reports progress (0..1) with a Vietnamese sentence. */
  readonly progress?: (fraction: number, message: string) => void;
}

export interface RollUpResult {
  readonly rollup: DistrictRollup;
  readonly reading: PlansReading;
  /** Sheets written, in order. */
  readonly sheets: readonly string[];
  readonly keptCopies: readonly string[];
}

/** Settings of the roll-up remembered in the target workbook's state. */
interface RollupState {
  readonly funds?: number;
}

function rollupState(state: DocumentState): RollupState {
  const v = state.extra?.district;
  if (v === null || typeof v !== 'object') return {};
  const funds = (v as Record<string, unknown>).funds;
  return typeof funds === 'number' && Number.isFinite(funds) && funds >= 0 ? { funds } : {};
}

function levelOf(upper: string): 'huyen' | 'tinh' {
  return /^(tinh|thanh pho)( |$)/.test(foldKey(upper)) ? 'tinh' : 'huyen';
}

/**
 * Rolls the communes of `sources` up into `target` (which may be one of the sources: a shared
 * spreadsheet holding the communes' tabs; the roll-up's own sheets are never read as input).
 */
export async function rollUpCommunes(sources: readonly DistrictSource[], target: WorkbookPort, options: RollUpOptions = {}): Promise<RollUpResult> {
  const progress = options.progress ?? (() => undefined);
  const state = await readStateOrEmpty(target);
  // Without a name: the level above for the plan year (the province since 2026; the district before).
  const upperLevel = options.upperLevel?.trim() || state.upperLevelName?.trim() || defaultUpperLevel(options.planYear ?? state.planYear) || DEFAULT_UPPER_LEVEL;
  progress(0, 'Đang đọc ý kiến thẩm định đã nhập ở lần tổng hợp trước…');
  const previous = await readPreviousRollup(target);
  progress(0.1, 'Đang đọc biểu của các xã…');
  const reading = await readCommunePlans(sources, { ...(options.period ? { period: options.period } : {}) });
  progress(0.5, 'Đang tổng hợp…');
  // The funds: as given; else what the IV.1 read gives the upper level; else the last run's.
  const fromIv1 = options.funds === undefined ? fundsFromIv1(reading.iv1, upperLevel) : undefined;
  const saved = rollupState(state).funds;
  const funds = options.funds ?? fromIv1?.amount ?? saved;
  const fundsFrom: FundsOrigin | undefined =
    options.funds !== undefined ? { kind: 'option' } : fromIv1 ? { kind: 'iv1', sheets: fromIv1.sheets } : saved !== undefined ? { kind: 'saved' } : undefined;
  const planYear = options.planYear ?? reading.planYear ?? state.planYear;
  const rollup = buildRollup(reading.communes, previous, {
    upperLevel,
    ...(funds !== undefined ? { funds } : {}),
    ...(fundsFrom ? { fundsFrom } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    findings: reading.findings,
    issues: reading.issues,
  });
  progress(0.7, 'Đang ghi các trang tổng hợp và phiếu phản hồi…');
  const layouts = [summaryLayout(rollup), communesLayout(rollup), rankingLayout(rollup), ...feedbackLayouts(rollup)];
  const names = [...layouts.map((l) => l.name), DISTRICT_REPORT_SHEET];
  layouts.push(reportLayout(rollup, reading.sheets, names));
  const keptCopies: string[] = [];
  for (const l of layouts) {
    // One previous copy per sheet: the offices' appraisals of the last run stay one tab away, older copies go.
    const r = await replaceKeepingOneCopy(target, l);
    if (r.keptCopy) keptCopies.push(r.keptCopy);
  }
  let after: DocumentState;
  try {
    after = await target.readState();
  } catch {
    after = state;
  }
  await target.writeState({
    ...after,
    upperLevelName: upperLevel,
    ...(after.level === undefined ? { level: levelOf(upperLevel) } : {}),
    ...(after.planYear === undefined && planYear !== undefined ? { planYear } : {}),
    extra: {
      // One list per workbook: the roll-up's findings are shown with the workbook's own (workflow/findings.ts).
      ...(withRecordedFindings(after, 'rollup', [...rollup.issues, ...rollup.findings]).extra ?? {}),
      district: { ...(funds !== undefined ? { funds } : {}), communes: rollup.communes.map((c) => c.name), sheets: names },
    },
  });
  progress(1, 'Đã tổng hợp xong.');
  return { rollup, reading, sheets: names, keptCopies };
}
