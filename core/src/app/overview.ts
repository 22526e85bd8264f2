/**
 * What the panes' home screen shows of the consolidated plan, as plain JSON: the activities and
 * money of II.6.A and II.6.B (1.000 đồng, as the sheets count), by topic, by funding group and by
 * source, and the villages' share on the three bases of the consolidation's 75% check. Read back
 * from the sheets as they are now (the commune's edits included) with the handout's own sums
 * (documents/handout.ts), so the home screen, the handout and the check show the same figures.
 */
import { readPlanData } from '../documents/read';
import type { ActivityRow } from '../documents/read';
import { byTopic, villageShareLines } from '../documents/handout';
import { shortSource } from '../documents/plan-document';
import type { WorkbookPort } from '../port/types';
import { VILLAGE_SHARE_MIN } from '../workflow/plan';
import type { Topic } from '../workflow/types';

/** II.6.A's sections (group A; B's Vốn đầu tư phát triển and Vốn sự nghiệp) and II.6.B. */
export type FundingGroupId = 'no-outside-money' | 'investment' | 'recurrent' | 'other' | 'proposals';

export interface OverviewLine {
  readonly count: number;
  /** 1.000 đồng. */
  readonly total: number;
}

export interface OverviewPlan {
  readonly activities: number;
  readonly total: number;
  /** Which plan sheets were read (II.6.A, II.6.B). */
  readonly sheets: readonly string[];
  readonly topics: readonly (OverviewLine & { readonly topic: Topic })[];
  readonly groups: readonly (OverviewLine & { readonly group: FundingGroupId })[];
  /** Dân góp, Ngân sách by fund source (the catalogue's short name; none when the row names none), Đề xuất. */
  readonly sources: readonly { readonly kind: 'contribution' | 'budget' | 'proposed'; readonly fund?: string; readonly amount: number }[];
  /** The villages' share: the rule's base (Ngân sách) first, then outside money and all resources. */
  readonly villageShare: readonly { readonly base: 'budget' | 'outside' | 'all'; readonly village: number; readonly total: number; readonly share?: number; readonly rule: boolean }[];
  /** 0.75 (L677). */
  readonly villageShareMin: number;
  /** Activities the last consolidation returned (from its report), when the report is there. */
  readonly returned?: number;
}

export interface OverviewView {
  /** Undefined until the workbook holds II.6.A or II.6.B. */
  readonly plan?: OverviewPlan;
}

function groupOf(a: ActivityRow, form: 'II.6.A' | 'II.6.B'): FundingGroupId {
  if (form === 'II.6.B') return 'proposals';
  if (a.group === 'no-outside-money') return 'no-outside-money';
  if (a.group === 'recurrent') return 'recurrent';
  if (a.group?.startsWith('investment')) return 'investment';
  return 'other';
}

const GROUP_ORDER: readonly FundingGroupId[] = ['no-outside-money', 'investment', 'recurrent', 'other', 'proposals'];

export async function planOverview(port: WorkbookPort): Promise<OverviewView> {
  const plan = await readPlanData(port);
  const read = (['II.6.A', 'II.6.B'] as const).filter((f) => plan.sheets[f] !== undefined);
  if (read.length === 0) return {};
  const rows = [...plan.ii6a, ...plan.ii6b];
  const sum = (xs: readonly ActivityRow[], f: (a: ActivityRow) => number) => xs.reduce((s, a) => s + f(a), 0);

  const grouped = new Map<FundingGroupId, ActivityRow[]>();
  for (const a of plan.ii6a) grouped.set(groupOf(a, 'II.6.A'), [...(grouped.get(groupOf(a, 'II.6.A')) ?? []), a]);
  if (plan.ii6b.length > 0) grouped.set('proposals', [...plan.ii6b]);

  const funds = new Map<string, number>();
  let unnamed = 0;
  for (const a of rows) {
    if (!(a.budget > 0)) continue;
    if (a.fundSource) {
      const name = shortSource(a.fundSource, plan.period);
      funds.set(name, (funds.get(name) ?? 0) + a.budget);
    } else unnamed += a.budget;
  }
  const sources: OverviewPlan['sources'][number][] = [
    { kind: 'contribution', amount: sum(rows, (a) => a.contribution) },
    ...[...funds.entries()].sort((x, y) => y[1] - x[1]).map(([fund, amount]) => ({ kind: 'budget' as const, fund, amount })),
    { kind: 'budget', amount: unnamed },
    { kind: 'proposed', amount: sum(rows, (a) => a.proposed) },
  ];

  return {
    plan: {
      activities: rows.length,
      total: sum(rows, (a) => a.total),
      sheets: read.map((f) => plan.sheets[f] as string),
      topics: byTopic(plan).map((t) => ({ topic: t.topic, count: t.count, total: t.total })),
      groups: GROUP_ORDER.flatMap((group) => {
        const xs = grouped.get(group) ?? [];
        return xs.length > 0 ? [{ group, count: xs.length, total: sum(xs, (a) => a.total) }] : [];
      }),
      sources: sources.filter((s) => s.amount > 0),
      villageShare: villageShareLines(plan).map((l) => ({ base: l.base, village: l.village, total: l.total, ...(l.share !== undefined ? { share: l.share } : {}), rule: l.rule })),
      villageShareMin: VILLAGE_SHARE_MIN,
      ...(plan.returned ? { returned: plan.returned.length } : {}),
    },
  };
}
