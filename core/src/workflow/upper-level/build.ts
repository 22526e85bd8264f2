/**
 * The roll-up itself, pure and in memory: communes' activities into the summary rows (keeping
 * the appraisals typed in the previous run, by key; rows no commune proposes any more kept and
 * flagged), per-commune sums, III.1 against II.6.A, the funding order of the accepted II.6.B
 * activities, and the reconciliation read = written per commune and in total.
 */
import type { FormReading } from '../../model/types';
import { a1 } from '../../util/a1';
import { foldKey, formatVnNumber } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import { checkBudgets } from '../plan';
import { summaryLines } from './layout';
import { nameKey } from './read';
import type {
  Appraisal,
  CommuneActivity,
  CommuneInput,
  CommuneSummary,
  DistrictRollup,
  DistrictRow,
  FundsOrigin,
  PreviousRollup,
  RankedRow,
  TopicReconciliation,
  Verdict,
} from './types';
import { SUMMARY_SHEET } from './types';
import type { FundingGroup, PlanActivity, Tally, Topic } from '../types';
import { TOPICS, topicHeading } from '../types';
import { communeKey } from './read';

/** Amounts equal within half a thousand đồng. */
const TOLERANCE = 0.5;
const EPSILON = 1e-6;

export interface BuildOptions {
  readonly upperLevel: string;
  /** Funds the upper level holds for II.6.B activities, triệu đồng. */
  readonly funds?: number;
  /** Where `funds` come from (said in the report). */
  readonly fundsFrom?: FundsOrigin;
  readonly planYear?: number;
  /** Findings and issues of reading, carried into the roll-up. */
  readonly findings?: readonly Finding[];
  readonly issues?: readonly Finding[];
}

/**
 * What an office's opinion says: "Đồng ý" (also "x", "có", "chấp thuận", "nhất trí"),
 * "Không đồng ý" (also "không", "chưa đồng ý", "từ chối"), nothing yet, or something else.
 */
export function verdictOf(opinion: string | undefined): Verdict | 'unknown' {
  const k = foldKey(opinion ?? '');
  if (k === '') return 'pending';
  if (/^(khong|chua dong y|chua chap thuan|tu choi|loai|bac)( |$)/.test(k) || k === 'k' || k === 'no') return 'rejected';
  if (/^(dong y|chap thuan|nhat tri|thong nhat)( |$)/.test(k) || ['x', 'co', 'ok', 'yes', 'dat'].includes(k)) return 'accepted';
  return 'unknown';
}

function hasAppraisal(a: Appraisal): boolean {
  return a.office !== undefined || a.opinion !== undefined || a.reason !== undefined || a.upperPriority !== undefined || a.upperPriorityText !== undefined;
}

const FUNDING_GROUPS: readonly string[] = ['investment-completed', 'investment-finishing', 'investment-ongoing', 'investment-new', 'recurrent'];

/** A commune's II.6.A row as the budget checks see it. */
function planActivity(a: CommuneActivity): PlanActivity {
  const group = a.group === 'no-outside-money' || (a.group === undefined && a.budget + a.proposed === 0) ? 'no-outside-money' : 'outside-money';
  return {
    key: a.key,
    topic: a.topic,
    sector: a.sector,
    group,
    activity: a.activity,
    total: a.total,
    contribution: a.contribution,
    support: a.budget + a.proposed,
    budget: a.budget,
    proposed: a.proposed,
    ...(a.fundSource ? { fundSource: a.fundSource } : {}),
    ...(a.group && FUNDING_GROUPS.includes(a.group) ? { fundingGroup: a.group as FundingGroup } : {}),
    origins: [],
    sources: [a.source],
    flags: {},
    status: 'active',
  };
}

/** Total of a III.1 (triệu đồng): every line's amount, a program's own line left out when its sub-lines hold amounts. */
export function iii1Total(iii1: FormReading): number {
  const amount = (k: string): number | undefined => {
    const v = iii1.fixedValues[k]?.amount;
    return typeof v === 'number' ? v : undefined;
  };
  let total = 0;
  for (const k of Object.keys(iii1.fixedValues)) {
    const v = amount(k);
    if (v === undefined) continue;
    if ((amount(`${k}-dau-tu`) ?? amount(`${k}-su-nghiep`)) !== undefined) continue;
    total += v;
  }
  return total;
}

/** "Huyện Bắc Hà", "huyen bac ha" and "Bắc Hà" name the same unit. */
function unitKey(name: string): string {
  return communeKey(name).replace(/^(huyen|tinh|thanh pho|quan|thi xa)\s+/, '');
}

/**
 * The funds IV.1 gives the upper level (triệu đồng): the total of every IV.1 naming it ("Huyện:"
 * field), else of every IV.1 read (a province rolling up its districts' orientations); undefined
 * when no IV.1 holds an amount.
 */
export function fundsFromIv1(iv1: readonly FormReading[], upperLevel: string): { amount: number; sheets: string[] } | undefined {
  const withAmounts = iv1.filter((r) => Object.values(r.fixedValues).some((v) => typeof v.amount === 'number'));
  if (withAmounts.length === 0) return undefined;
  const mine = withAmounts.filter((r) => r.unitName !== undefined && unitKey(r.unitName) === unitKey(upperLevel));
  const used = mine.length > 0 ? mine : withAmounts;
  return { amount: used.reduce((s, r) => s + iii1Total(r), 0), sheets: used.map((r) => (r.file ? `${r.file} — ${r.sheet}` : r.sheet)) };
}

function tally(rows: readonly { total: number }[]): Tally {
  return { count: rows.length, amount: rows.reduce((s, r) => s + r.total, 0) };
}

const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((s, x) => s + f(x), 0);

/** The accepted II.6.B rows in funding order: Ưu tiên cấp trên, then the commune's Ưu tiên, then commune order. */
export function rankWithinFunds(rows: readonly DistrictRow[], funds: number | undefined, communeOrder: ReadonlyMap<string, number>): RankedRow[] {
  const candidates = rows.filter((r) => r.status === 'active' && r.form === 'II.6.B' && r.verdict === 'accepted');
  const index = new Map(candidates.map((r, i) => [r, i]));
  const sorted = [...candidates].sort(
    (a, b) =>
      (a.appraisal.upperPriority ?? Infinity) - (b.appraisal.upperPriority ?? Infinity) ||
      (a.communePriority ?? Infinity) - (b.communePriority ?? Infinity) ||
      (communeOrder.get(a.communeKey) ?? 0) - (communeOrder.get(b.communeKey) ?? 0) ||
      (index.get(a) ?? 0) - (index.get(b) ?? 0),
  );
  const limit = funds === undefined ? undefined : funds * 1000;
  let cumulative = 0;
  let over = false;
  return sorted.map((row, i) => {
    cumulative += row.proposed;
    let withinFunds: boolean | undefined;
    if (limit !== undefined) {
      withinFunds = !over && cumulative <= limit + EPSILON;
      if (!withinFunds) over = true;
    }
    return { row, order: i + 1, cumulative, ...(withinFunds !== undefined ? { withinFunds } : {}) };
  });
}

/** Builds the roll-up from the communes read and the previous summary's appraisals. */
export function buildRollup(communesIn: readonly CommuneInput[], previous: PreviousRollup, options: BuildOptions): DistrictRollup {
  const findings: Finding[] = [...(options.findings ?? [])];
  const issues: Finding[] = [...(options.issues ?? [])];
  const communes = [...communesIn].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const communeOrder = new Map(communes.map((c, i) => [c.key, i]));
  // The previous rows by key; those whose key was deleted by their name key (first one wins).
  const prev = new Map<string, PreviousRollup['rows'][number]>();
  for (const p of previous.rows) if (!prev.has(p.key)) prev.set(p.key, p);
  const consumed = new Set<string>();
  const previousOf = (key: string, c: CommuneInput, a: CommuneActivity) => {
    for (const k of [key, nameKey(c.name, a.activity)]) {
      const p = prev.get(k);
      if (p && !consumed.has(p.key)) {
        consumed.add(p.key);
        return p;
      }
    }
    return undefined;
  };

  // Active rows, with the appraisals typed last time.
  let kept = 0;
  const active: DistrictRow[] = [];
  for (const c of communes) {
    for (const a of c.activities) {
      const key = `${c.key}|${a.key}`;
      const appraisal = previousOf(key, c, a)?.appraisal ?? {};
      if (hasAppraisal(appraisal)) kept++;
      const v = verdictOf(appraisal.opinion);
      active.push({
        key,
        communeKey: c.key,
        commune: c.name,
        form: a.form,
        topic: a.topic,
        sector: a.sector,
        activity: a.activity,
        ...(a.unit ? { unit: a.unit } : {}),
        ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
        ...(a.time ? { time: a.time } : {}),
        ...(a.place ? { place: a.place } : {}),
        total: a.total,
        contribution: a.contribution,
        budget: a.budget,
        proposed: a.proposed,
        ...(a.fundSource ? { fundSource: a.fundSource } : {}),
        ...(a.priority !== undefined ? { communePriority: a.priority } : {}),
        ...(a.difficulty ? { difficulty: a.difficulty } : {}),
        appraisal,
        verdict: v === 'unknown' ? 'pending' : v,
        status: 'active',
        ...(a.onlyInIi4b ? { onlyInIi4b: true } : {}),
        source: a.source,
      });
      if (v === 'unknown') {
        issues.push(finding('OPINION_UNKNOWN', { sheet: SUMMARY_SHEET }, { opinion: appraisal.opinion ?? '', activity: shortName(a.activity), commune: c.name }));
      }
      if (v === 'rejected' && !appraisal.reason) {
        issues.push(finding('REJECTED_WITHOUT_REASON', { sheet: SUMMARY_SHEET }, { activity: shortName(a.activity), commune: c.name }));
      }
      if (appraisal.upperPriorityText !== undefined) {
        issues.push(finding('UPPER_PRIORITY_NOT_A_NUMBER', { sheet: SUMMARY_SHEET }, { activity: shortName(a.activity), commune: c.name, text: appraisal.upperPriorityText }));
      }
    }
  }
  const topicIndex = (r: DistrictRow) => {
    const i = TOPICS.indexOf(r.topic);
    return i < 0 ? TOPICS.length : i;
  };
  const order = new Map(active.map((r, i) => [r, i]));
  active.sort(
    (a, b) =>
      topicIndex(a) - topicIndex(b) ||
      foldKey(a.sector).localeCompare(foldKey(b.sector)) ||
      (communeOrder.get(a.communeKey) ?? 0) - (communeOrder.get(b.communeKey) ?? 0) ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );

  // Rows of the previous summary no commune proposes any more: kept with their appraisal, flagged.
  const vanished: DistrictRow[] = [];
  for (const p of prev.values()) {
    if (consumed.has(p.key)) continue;
    const v = verdictOf(p.appraisal.opinion);
    vanished.push({ ...p.row, key: p.key, appraisal: p.appraisal, verdict: v === 'unknown' ? 'pending' : v, status: 'vanished' });
    findings.push(finding('ROLLUP_ROW_VANISHED', { sheet: previous.sheet ?? SUMMARY_SHEET, cell: a1(p.sheetRow, 2) }, { activity: shortName(p.row.activity), commune: p.row.commune }));
  }
  const rows = [...active, ...vanished];

  // Written: the summary's data rows, counted per commune from the lines the sheet is laid out from.
  const written = new Map<string, DistrictRow[]>();
  for (const l of summaryLines(rows)) {
    if (l.kind !== 'row' || l.row.status !== 'active') continue;
    const list = written.get(l.row.communeKey);
    if (list) list.push(l.row);
    else written.set(l.row.communeKey, [l.row]);
  }

  // By topic: the topic each commune's sheets give a row against the heading the summary prints it under.
  const push = <T>(m: Map<Topic, T[]>, t: Topic, x: T) => {
    const list = m.get(t);
    if (list) list.push(x);
    else m.set(t, [x]);
  };
  const topicRead = new Map<Topic, { total: number }[]>();
  for (const c of communes) for (const a of c.activities) push(topicRead, a.topic, a);
  const topicWritten = new Map<Topic, DistrictRow[]>();
  let heading: Topic | undefined;
  for (const l of summaryLines(rows)) {
    if (l.kind === 'group') {
      const t = TOPICS.find((x) => topicHeading(x) === l.label);
      if (t || !l.label.startsWith('Ngành/Lĩnh vực:')) heading = t;
    } else if (l.row.status === 'active' && heading) push(topicWritten, heading, l.row);
  }
  const topics: TopicReconciliation[] = TOPICS.filter((t) => topicRead.has(t) || topicWritten.has(t)).map((t) => {
    const read = tally(topicRead.get(t) ?? []);
    const w = tally(topicWritten.get(t) ?? []);
    return { topic: t, read, written: w, balanced: read.count === w.count && Math.abs(read.amount - w.amount) <= TOLERANCE };
  });

  const summaries: CommuneSummary[] = communes.map((c) => {
    const acts = c.activities;
    const ii6a = acts.filter((a) => a.form === 'II.6.A');
    const ii6b = acts.filter((a) => a.form === 'II.6.B');
    const mine = active.filter((r) => r.communeKey === c.key);
    const read = tally(acts);
    const w = tally(written.get(c.key) ?? []);
    const balanced = read.count === w.count && Math.abs(read.amount - w.amount) <= TOLERANCE;
    if (!balanced) {
      findings.push(
        finding('COMMUNE_RECONCILIATION_MISMATCH', { sheet: SUMMARY_SHEET }, {
          commune: c.name,
          readCount: read.count,
          readAmount: formatVnNumber(read.amount),
          writtenCount: w.count,
          writtenAmount: formatVnNumber(w.amount),
        }),
      );
    }
    let iii1: CommuneSummary['iii1'];
    if (c.iii1) {
      const total = iii1Total(c.iii1);
      const ii6aBudget = sum(ii6a, (a) => a.budget) / 1000;
      const planned = ii6a.map(planActivity);
      const checked = checkBudgets({ activities: planned, allActivities: planned, iii1: c.iii1, period: c.period, sheetNames: { ii6a: ii6a[0]?.source.sheet ?? 'II.6.A' } });
      findings.push(...checked.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION'));
      iii1 = { total, ii6aBudget, within: ii6aBudget <= total + EPSILON, checks: checked.checks.filter((k) => k.id.startsWith('allocation')) };
    }
    const f = c.forms;
    const ii4bMatches =
      f['II.4.B'] && f['II.6.A'] && f['II.6.B']
        ? f['II.4.B'].count === f['II.6.A'].count + f['II.6.B'].count && Math.abs(f['II.4.B'].amount - f['II.6.A'].amount - f['II.6.B'].amount) <= TOLERANCE
        : undefined;
    if (ii4bMatches === false && f['II.4.B'] && f['II.6.A'] && f['II.6.B']) {
      issues.push(
        finding('II4B_II6_MISMATCH', { sheet: '' }, {
          commune: c.name,
          ii4bCount: f['II.4.B'].count,
          ii4bAmount: formatVnNumber(f['II.4.B'].amount),
          ii6Count: f['II.6.A'].count + f['II.6.B'].count,
          ii6Amount: formatVnNumber(f['II.6.A'].amount + f['II.6.B'].amount),
        }),
      );
    }
    return {
      name: c.name,
      key: c.key,
      count: acts.length,
      total: read.amount,
      contribution: sum(acts, (a) => a.contribution),
      budget: sum(acts, (a) => a.budget),
      proposed: sum(acts, (a) => a.proposed),
      ii6a: { count: ii6a.length, total: sum(ii6a, (a) => a.total), budget: sum(ii6a, (a) => a.budget) },
      ii6b: { count: ii6b.length, total: sum(ii6b, (a) => a.total), proposed: sum(ii6b, (a) => a.proposed) },
      ...(iii1 ? { iii1 } : {}),
      verdicts: {
        accepted: mine.filter((r) => r.verdict === 'accepted').length,
        rejected: mine.filter((r) => r.verdict === 'rejected').length,
        pending: mine.filter((r) => r.verdict === 'pending').length,
      },
      reconciliation: { read, written: w, balanced },
      ...(ii4bMatches !== undefined ? { ii4bMatches } : {}),
    };
  });

  const ranking = rankWithinFunds(rows, options.funds, communeOrder);
  if (options.funds === undefined && ranking.length > 0) {
    issues.push(finding('FUNDS_MISSING', { sheet: SUMMARY_SHEET }, { upperLevel: options.upperLevel }));
  }

  const readAll: Tally = { count: sum(summaries, (s) => s.reconciliation.read.count), amount: sum(summaries, (s) => s.reconciliation.read.amount) };
  const writtenRows = [...written.values()].flat();
  const writtenAll = tally(writtenRows);
  const years = communes.map((c) => c.planYear).filter((y): y is number => y !== undefined);
  const planYear = options.planYear ?? (years.length > 0 ? years.sort((a, b) => years.filter((y) => y === b).length - years.filter((y) => y === a).length)[0] : undefined);
  return {
    upperLevel: options.upperLevel,
    ...(planYear !== undefined ? { planYear } : {}),
    ...(options.funds !== undefined ? { funds: options.funds } : {}),
    ...(options.funds !== undefined && options.fundsFrom ? { fundsFrom: options.fundsFrom } : {}),
    communes: summaries,
    rows,
    ranking,
    reconciliation: {
      read: readAll,
      written: writtenAll,
      balanced:
        summaries.every((s) => s.reconciliation.balanced) &&
        topics.every((t) => t.balanced) &&
        readAll.count === writtenAll.count &&
        Math.abs(readAll.amount - writtenAll.amount) <= TOLERANCE,
      topics,
      keptAppraisals: kept,
      vanished: vanished.length,
    },
    issues,
    findings,
  };
}
