/**
 * Rule 6 (SPEC §4; handbook L662, L677, L877, L3353): the commune's CTMTQG activities in II.6.A
 * within each allocation of III.1; activities proposed by villages ≥ 75% of the resources; each
 * III.1 line at most 10% above the previous year's.
 */
import { FORM_III_1 } from '../../forms/catalogue/iii-1';
import { editionsOf } from '../../forms/editions';
import type { TableBlock } from '../../forms/types';
import type { FormReading } from '../../model/types';
import type { ProgramPeriod } from '../../port/types';
import type { Iii1Row, Program } from '../../reference';
import { findPrograms, isWithin, programCatalogue } from '../../reference';
import { foldKey, formatVnNumber, parseNumber } from '../../text';
import { a1, parseA1 } from '../../util/a1';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { defaultFundingGroup, fundProgram, isInvestment } from './funding';
import type { PlanActivity } from '../types';

export interface CheckResult {
  readonly id: string;
  /** Short Vietnamese label. */
  readonly label: string;
  /** undefined: cannot be checked (no III.1, nothing to compare). */
  readonly passed: boolean | undefined;
  /** Vietnamese sentence with the numbers. */
  readonly detail: string;
  /** The same in English, for the panes (program names stay as the catalogue writes them). */
  readonly labelEn?: string;
  readonly detailEn?: string;
  readonly value?: number;
  readonly limit?: number;
  /** The 75% rule: the villages' share on each base a reader may mean, the rule's marked. */
  readonly shares?: readonly VillageShare[];
}

export interface BudgetCheckInput {
  /** The II.6.A rows. */
  readonly activities: readonly PlanActivity[];
  /** Every activity of the commune (II.4.B), for the 75% rule. */
  readonly allActivities: readonly PlanActivity[];
  /** III.1 for the plan year (or IV.1 read the same way). */
  readonly iii1?: FormReading;
  /** Last year's III.1, for the +10% rule. */
  readonly previousIii1?: FormReading;
  readonly period: ProgramPeriod;
  readonly sheetNames: { readonly ii6a: string };
}

export interface BudgetChecks {
  readonly checks: readonly CheckResult[];
  readonly findings: readonly Finding[];
}

/** "Vốn Chương trình 135", but "Vốn tỉnh" and "Ngân sách xã" as they are. */
function withVon(name: string): string {
  return /^(vốn|ngân sách)\b/iu.test(name) ? name : `Vốn ${name}`;
}

/** "Vốn tỉnh" inside a sentence: "dùng vốn tỉnh" (never "dùng vốn Vốn tỉnh"). */
function lowerFirst(text: string): string {
  return /^(Vốn|Ngân sách)\b/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** Share of resources that must go to activities proposed by villages (L677). */
export const VILLAGE_SHARE_MIN = 0.75;
/** Growth of an allocation over last year's (L3353: "tăng tối đa 10%"). */
export const ALLOCATION_GROWTH_MAX = 0.1;

const EPSILON = 1e-6;

const num = (n: number, digits = 3): string => formatVnNumber(n, digits);
const pct = (ratio: number): string => `${formatVnNumber(ratio * 100, 1)}%`;
const numEn = (n: number, digits = 3): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
const pctEn = (ratio: number): string => `${numEn(ratio * 100, 1)}%`;
/** Nghìn đồng (the activity forms' unit) as triệu đồng: every check says its money in triệu đồng, as III.1 holds it. */
const mil = (thousands: number): string => num(thousands / 1000);
const milEn = (thousands: number): string => numEn(thousands / 1000);

// ---------------------------------------------------------------------------------------------
// III.1 rows.

const sourcesOf = (f: typeof FORM_III_1): TableBlock => f.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === 'sources') as TableBlock;
const SOURCES: TableBlock = sourcesOf(FORM_III_1);

interface Iii1RowDef {
  readonly key: string;
  /** "Chương trình Nông thôn mới - Vốn đầu tư phát triển". */
  readonly label: string;
  /** The source row (key without -dau-tu / -su-nghiep). */
  readonly base: string;
  readonly money?: 'investment' | 'recurrent';
}

/** The rows of every edition of III.1 (a province may send the handbook's form for 2027): keys are unique across editions. */
const ROW_DEFS: readonly Iii1RowDef[] = (() => {
  const defs: Iii1RowDef[] = [];
  let parent = '';
  const clean = (s: string): string => s.replace(/^\s*-\s*/, '').replace(/:\s*$/, '').trim();
  const seen = new Set<string>();
  for (const r of editionsOf(FORM_III_1).flatMap((f) => sourcesOf(f).rows)) {
    if (r.kind !== 'fixed') continue;
    if (seen.has(r.key)) {
      if (!/-(dau-tu|su-nghiep)$/.test(r.key)) parent = clean(r.label);
      continue;
    }
    seen.add(r.key);
    const m = /^(.*)-(dau-tu|su-nghiep)$/.exec(r.key);
    if (!m) {
      parent = clean(r.label);
      defs.push({ key: r.key, label: r.key === 'khac' ? 'Nguồn vốn khác' : parent, base: r.key });
    } else {
      defs.push({ key: r.key, label: `${parent} - ${clean(r.label)}`, base: m[1], money: m[2] === 'dau-tu' ? 'investment' : 'recurrent' });
    }
  }
  return defs;
})();

/** Columns between the label (Nguồn vốn) and the amount in III.1's table. */
const AMOUNT_OFFSET = SOURCES.columns.findIndex((c) => c.key === 'amount') - SOURCES.columns.findIndex((c) => c.key === SOURCES.labelColumn);

type FixedRow = Readonly<Record<string, string | number | null>>;

function amountOf(row: FixedRow | undefined): number | undefined {
  if (!row) return undefined;
  const p = parseNumber(row.amount);
  return p.ok ? p.value : undefined;
}

/**
 * The amount cell of a III.1 row: `amountCell` when the reader gives it; otherwise the row's
 * label cell moved across to the amount column, as the form lays it out.
 */
function amountCell(row: FixedRow): string | undefined {
  if (typeof row.amountCell === 'string') return row.amountCell;
  if (typeof row.cell !== 'string') return undefined;
  try {
    const { row: r, col } = parseA1(row.cell);
    return a1(r, col + AMOUNT_OFFSET);
  } catch {
    return row.cell;
  }
}

function rowText(row: FixedRow): string {
  return [row.source, row.content].filter((v): v is string => typeof v === 'string').join(' ');
}

interface Allocation {
  readonly rowKeys: string[];
  readonly label: string;
  readonly scope: readonly Program[];
  readonly money?: 'investment' | 'recurrent';
  amount: number;
  readonly cell?: string;
}

/** What an allocation row covers: its programs, narrowed to a project when the row names one ("Vốn sự nghiệp: Chương trình 135"). */
function scopeOf(def: Iii1RowDef, row: FixedRow, period: ProgramPeriod): readonly Program[] {
  const catalogue = programCatalogue(period);
  const byRow = catalogue.programs.filter((p) => p.parent === undefined && p.iii1.includes(def.base as Iii1Row));
  const named = findPrograms(rowText(row), period).map((m) => m.program);
  if (byRow.length === 0) return named.slice(0, 1);
  const narrowed = named.filter((n) => byRow.some((p) => isWithin(n, p.id)));
  if (narrowed.length > 0) return narrowed;
  // A national program named on another program's line (the handbook's form has only the GNBV and
  // NTM lines: "Chương trình 135" written on the GNBV line of a 2021-2025 III.1): the name wins.
  const national = named.filter((n) => n.kind === 'ctmtqg' || n.kind === 'ctmtqg-project');
  return national.length > 0 ? national : byRow;
}

function allocations(iii1: FormReading, period: ProgramPeriod): Allocation[] {
  const out = new Map<string, Allocation>();
  for (const def of ROW_DEFS) {
    const row = iii1.fixedValues[def.key];
    const amount = amountOf(row);
    if (!row || amount === undefined) continue;
    const scope = scopeOf(def, row, period);
    if (scope.length === 0) continue;
    // Rows covering the same programs and money (the 2026 program on both the NTM and GNBV rows) add up.
    const id = `${scope.map((p) => p.id).sort().join('+')}|${def.money ?? ''}`;
    const seen = out.get(id);
    if (seen) {
      seen.amount += amount;
      seen.rowKeys.push(def.key);
      continue;
    }
    const names = scope.map((p) => p.shortName).join(', ');
    const money = def.money === 'investment' ? ' (vốn đầu tư phát triển)' : def.money === 'recurrent' ? ' (vốn sự nghiệp)' : '';
    const cell = amountCell(row);
    out.set(id, { rowKeys: [def.key], label: `${names}${money}`, scope, ...(def.money ? { money: def.money } : {}), amount, ...(cell ? { cell } : {}) });
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// The checks.

function allocationChecks(input: BudgetCheckInput, iii1: FormReading, checks: CheckResult[], findings: Finding[]): void {
  const { period } = input;
  const rows = input.activities
    .filter((a) => a.group === 'outside-money')
    .map((a) => ({ a, program: fundProgram(a, period), investment: isInvestment(a.fundingGroup ?? defaultFundingGroup(a)) }));
  const allocs = allocations(iii1, period);
  for (const al of allocs) {
    let need = 0;
    let count = 0;
    for (const r of rows) {
      if (!r.program || !al.scope.some((p) => isWithin(r.program as Program, p.id))) continue;
      if (al.money && r.investment !== (al.money === 'investment')) continue;
      need += r.a.budget;
      count++;
    }
    const needM = need / 1000;
    const passed = needM <= al.amount + EPSILON;
    const where = al.cell ? ` (ô ${al.cell})` : '';
    checks.push({
      id: `allocation:${al.rowKeys.join('+')}`,
      label: `${withVon(al.label)} trong mức III.1`,
      passed,
      detail: `${count} hoạt động dùng ${lowerFirst(withVon(al.label))} trong II.6.A cần ${num(needM)} triệu đồng; Biểu III.1 dự kiến ${num(al.amount)} triệu đồng${where}.`,
      labelEn: `${al.label} within III.1`,
      detailEn: `${count} activit${count === 1 ? 'y' : 'ies'} of II.6.A using ${al.label} need${count === 1 ? 's' : ''} ${numEn(needM)} million VND; form III.1 plans ${numEn(al.amount)} million VND${al.cell ? ` (cell ${al.cell})` : ''}.`,
      value: needM,
      limit: al.amount,
    });
    if (!passed) {
      findings.push(
        finding('BUDGET_OVER_ALLOCATION', { sheet: iii1.sheet, ...(al.cell ? { cell: al.cell } : {}), ...(iii1.file ? { file: iii1.file } : {}) }, {
          program: al.label,
          money: lowerFirst(withVon(al.label)),
          need: num(needM),
          allocation: num(al.amount),
        }),
      );
    }
  }
  // National programs used in II.6.A that III.1 gives no money for cannot be checked.
  const unchecked = new Map<string, Program>();
  for (const r of rows) {
    const p = r.program;
    if (!p || (p.kind !== 'ctmtqg' && p.kind !== 'ctmtqg-project') || r.a.budget <= 0) continue;
    if (allocs.some((al) => al.scope.some((s) => isWithin(p, s.id)))) continue;
    const root = programCatalogue(period).byId.get(p.path[0]) as Program;
    unchecked.set(root.id, root);
  }
  for (const p of unchecked.values()) {
    checks.push({
      id: `allocation-missing:${p.id}`,
      label: `${withVon(p.shortName)} trong mức III.1`,
      passed: undefined,
      detail: `Biểu III.1 chưa ghi kinh phí dự kiến cho ${p.shortName} nên chưa kiểm tra được các hoạt động dùng nguồn vốn này.`,
      labelEn: `${p.shortName} within III.1`,
      detailEn: `Form III.1 plans no money for ${p.shortName}, so the activities using it cannot be checked.`,
    });
  }
  if (allocs.length === 0 && unchecked.size === 0) {
    checks.push({
      id: 'allocation',
      label: 'Vốn CTMTQG trong mức III.1',
      passed: undefined,
      detail: 'Biểu III.1 chưa ghi kinh phí dự kiến cho nguồn vốn nào.',
      labelEn: 'National target program money within III.1',
      detailEn: 'Form III.1 plans money for no fund source.',
    });
  }
}

/**
 * The bases a reader may mean by "the resources of the commune's activities" (L677). The rule is
 * checked on `budget`: the note closes step 3.4, right after step 3.3 allocated the investment and
 * recurrent money known or expected (L657) and split each "Cần hỗ trợ" into Ngân sách (source
 * known) and Đề xuất (L658); what the commune can "dành" (set aside) for the villages' activities
 * is that money. Dân góp is the people's own contribution to their own activities — counting it
 * would count a village's labour as the commune's allocation — and Đề xuất has no source yet.
 */
export type ShareBase = 'budget' | 'outside' | 'all';

export interface VillageShare {
  readonly base: ShareBase;
  /** "vốn Ngân sách (đã rõ nguồn) xã phân bổ". */
  readonly label: string;
  /** 1.000 đồng. */
  readonly village: number;
  readonly total: number;
  /** undefined when nothing is counted on this base. */
  readonly share?: number;
  /** The base the handbook's rule uses. */
  readonly rule: boolean;
}

const SHARE_BASES: readonly { base: ShareBase; label: string; amount: (a: PlanActivity) => number }[] = [
  { base: 'budget', label: 'vốn Ngân sách (đã rõ nguồn) xã phân bổ', amount: (a) => a.budget },
  { base: 'outside', label: 'vốn cần từ bên ngoài (Ngân sách + Đề xuất)', amount: (a) => a.budget + a.proposed },
  { base: 'all', label: 'toàn bộ nguồn lực (Dân góp + Ngân sách + Đề xuất)', amount: (a) => a.total },
];
const SHARE_BASES_EN: Readonly<Record<ShareBase, string>> = {
  budget: 'the budget money (source known) the commune allocates',
  outside: 'the money needed from outside (budget + proposed)',
  all: "all resources (people's contribution + budget + proposed)",
};

/** The share of the villages' activities on each base, the rule's first. */
export function villageShares(activities: readonly PlanActivity[]): VillageShare[] {
  return SHARE_BASES.map(({ base, label, amount }) => {
    let total = 0;
    let village = 0;
    for (const a of activities) {
      const x = amount(a);
      total += x;
      if (a.origins.some((o) => o.kind === 'village')) village += x;
    }
    return { base, label, village, total, ...(total > 0 ? { share: village / total } : {}), rule: base === 'budget' };
  });
}

const RULE_BASIS =
  'cơ sở Sổ tay dùng (nguồn lực xã "dành" cho các hoạt động, sau khi đã phân bổ vốn đã biết và tách Ngân sách/Đề xuất; dân góp là đóng góp của chính người dân, phần Đề xuất chưa có nguồn)';

function villageShareCheck(input: BudgetCheckInput, checks: CheckResult[], findings: Finding[]): void {
  const shares = villageShares(input.allActivities);
  const [rule, ...others] = shares;
  const label = 'Hoạt động do thôn đề xuất ≥ 75% vốn Ngân sách xã phân bổ';
  const line = (v: VillageShare) => (v.share === undefined ? `${v.label}: chưa có` : `${v.label}: ${mil(v.village)}/${mil(v.total)} triệu đồng, ${pct(v.share)}`);
  const compare = `Để so sánh — ${others.map(line).join('; ')}.`;
  const labelEn = 'Activities proposed by villages ≥ 75% of the budget money the commune allocates';
  const lineEn = (v: VillageShare) => (v.share === undefined ? `${SHARE_BASES_EN[v.base]}: none yet` : `${SHARE_BASES_EN[v.base]}: ${milEn(v.village)}/${milEn(v.total)} million VND, ${pctEn(v.share)}`);
  const compareEn = `For comparison — ${others.map(lineEn).join('; ')}.`;
  if (rule.share === undefined) {
    const detail =
      shares.every((v) => v.share === undefined)
        ? 'Chưa có hoạt động nào có kinh phí nên chưa tính được tỷ lệ.'
        : `Chưa có hoạt động nào được phân bổ vốn Ngân sách (đã rõ nguồn) nên chưa tính được tỷ lệ theo ${RULE_BASIS}. ${compare}`;
    const detailEn = shares.every((v) => v.share === undefined)
      ? 'No activity has money yet, so the share cannot be computed.'
      : `No activity has budget money (source known) allocated yet, so the share on the handbook's base cannot be computed. ${compareEn}`;
    checks.push({ id: 'village-share', label, passed: undefined, detail, labelEn, detailEn, shares });
    return;
  }
  const share = rule.share;
  const passed = share + EPSILON >= VILLAGE_SHARE_MIN;
  checks.push({
    id: 'village-share',
    label,
    passed,
    detail: `Các hoạt động do thôn đề xuất được ${mil(rule.village)} triệu đồng trên tổng ${mil(rule.total)} triệu đồng ${rule.label}, chiếm ${pct(share)} — ${RULE_BASIS}; Sổ tay yêu cầu ít nhất 75%. ${compare}`,
    labelEn,
    detailEn: `Activities proposed by villages get ${milEn(rule.village)} of ${milEn(rule.total)} million VND of ${SHARE_BASES_EN.budget}, ${pctEn(share)} — the handbook's base; the handbook asks for at least 75%. ${compareEn}`,
    value: share,
    limit: VILLAGE_SHARE_MIN,
    shares,
  });
  if (!passed) {
    const [outside, all] = others;
    findings.push(
      finding('VILLAGE_SHARE_LOW', { sheet: input.sheetNames.ii6a }, {
        percent: pct(share),
        base: rule.label,
        outsidePercent: outside.share === undefined ? 'chưa có' : pct(outside.share),
        allPercent: all.share === undefined ? 'chưa có' : pct(all.share),
      }),
    );
  }
}

function sameSource(key: string, next: FixedRow, prev: FixedRow, period: ProgramPeriod): boolean {
  if (key !== 'khac') return true;
  const a = foldKey(rowText(next));
  const b = foldKey(rowText(prev));
  if (a === b) return true;
  const pa = findPrograms(a, period)[0]?.program.id;
  return pa !== undefined && pa === findPrograms(b, period)[0]?.program.id;
}

function growthChecks(iii1: FormReading, previous: FormReading, period: ProgramPeriod, checks: CheckResult[], findings: Finding[]): void {
  let compared = 0;
  for (const def of ROW_DEFS) {
    const row = iii1.fixedValues[def.key];
    const prevRow = previous.fixedValues[def.key];
    const next = amountOf(row);
    const prev = amountOf(prevRow);
    if (!row || !prevRow || next === undefined || prev === undefined || prev <= 0) continue;
    if (!sameSource(def.key, row, prevRow, period)) continue;
    compared++;
    const limit = prev * (1 + ALLOCATION_GROWTH_MAX);
    const passed = next <= limit + EPSILON;
    const growth = next / prev - 1;
    const cell = amountCell(row);
    checks.push({
      id: `growth:${def.key}`,
      label: `${def.label}: tăng tối đa 10%`,
      passed,
      detail: `${def.label}: năm kế hoạch ${num(next)} triệu đồng, năm trước ${num(prev)} triệu đồng (${growth >= 0 ? 'tăng' : 'giảm'} ${pct(Math.abs(growth))}); mức tối đa ${num(limit)} triệu đồng.`,
      labelEn: `${def.label}: at most 10% more`,
      detailEn: `${def.label}: ${numEn(next)} million VND in the plan year, ${numEn(prev)} million VND last year (${growth >= 0 ? 'up' : 'down'} ${pctEn(Math.abs(growth))}); at most ${numEn(limit)} million VND.`,
      value: next,
      limit,
    });
    if (!passed) {
      findings.push(
        finding('ALLOCATION_GROWTH_HIGH', { sheet: iii1.sheet, ...(cell ? { cell } : {}), ...(iii1.file ? { file: iii1.file } : {}) }, {
          line: def.label,
          next: num(next),
          previous: num(prev),
          percent: pct(growth),
        }),
      );
    }
  }
  if (compared === 0) {
    checks.push({
      id: 'growth',
      label: 'Kinh phí tăng tối đa 10% so với năm trước',
      passed: undefined,
      detail: 'Không có dòng nào của Biểu III.1 ghi kinh phí cả năm nay và năm trước để so sánh.',
      labelEn: 'At most 10% more money than last year',
      detailEn: 'No line of form III.1 gives money for both this year and last year to compare.',
    });
  }
}

/**
 * Rule 6: (a) per allocation line of III.1, Σ Ngân sách of the II.6.A rows funded by that
 * program or project (and that kind of money, on the Vốn đầu tư / Vốn sự nghiệp rows) ≤ the
 * allocation (III.1 is in triệu đồng, activities in 1.000 đồng); (b) activities proposed by a
 * village ≥ 75% of the Ngân sách the commune allocates to its activities (villageShares: the
 * share on every base is shown, the rule's named); (c) each III.1 line ≤ 110% of last year's.
 * Without III.1: one III1_MISSING finding and checks that cannot say (passed undefined).
 */
export function checkBudgets(input: BudgetCheckInput): BudgetChecks {
  const checks: CheckResult[] = [];
  const findings: Finding[] = [];
  const { iii1, previousIii1, period } = input;
  if (!iii1) {
    findings.push(finding('III1_MISSING', { sheet: input.sheetNames.ii6a }));
    checks.push({
      id: 'allocation',
      label: 'Vốn CTMTQG trong mức III.1',
      passed: undefined,
      detail: 'Chưa có Biểu III.1 nên chưa kiểm tra được mức vốn phân bổ cho từng chương trình, dự án.',
      labelEn: 'National target program money within III.1',
      detailEn: 'No form III.1 yet, so the money for each program and project cannot be checked.',
    });
  } else {
    allocationChecks(input, iii1, checks, findings);
  }
  villageShareCheck(input, checks, findings);
  if (iii1 && previousIii1) growthChecks(iii1, previousIii1, period, checks, findings);
  else {
    checks.push({
      id: 'growth',
      label: 'Kinh phí tăng tối đa 10% so với năm trước',
      passed: undefined,
      detail: iii1 ? 'Chưa có Biểu III.1 của năm trước nên chưa so sánh được.' : 'Chưa có Biểu III.1 nên chưa so sánh được với năm trước.',
      labelEn: 'At most 10% more money than last year',
      detailEn: iii1 ? "No form III.1 of last year, so nothing to compare with." : 'No form III.1 yet, so nothing to compare with last year.',
    });
  }
  return { checks, findings };
}
