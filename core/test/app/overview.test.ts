/**
 * The home screen's figures (issue 14, deliverable 1): nothing before a plan exists; after
 * consolidating the demo commune, the totals by topic, by funding group and by source all add up
 * to the plan's rows, and the villages' share is the consolidation's own 75% check.
 */
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import { demoPlan } from '../documents/plans';

describe('overview()', () => {
  it('is empty before the workbook holds II.6.A or II.6.B', async () => {
    expect(await createActions(MemoryWorkbook.fromArrays({ 'Thôn A - I.2': [['Biểu I.2']] })).overview()).toEqual({});
  });

  it('sums the consolidated plan by topic, funding group and source, and gives the 75% check its figures', async () => {
    const { wb, result } = await demoPlan();
    const { plan } = await createActions(wb).overview();
    if (!plan) throw new Error('no plan read');
    expect(plan.activities).toBe(result.written.ii6a.length + result.written.ii6b.length);
    expect(plan.sheets).toEqual(['II.6.A', 'II.6.B']);
    expect(plan.total).toBe(6775000);
    const add = (xs: readonly { total: number }[]) => xs.reduce((s, x) => s + x.total, 0);
    const count = (xs: readonly { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(plan.topics.map((t) => t.topic)).toEqual(['csht', 'kinh-te', 'vh-xh-mt']);
    expect(count(plan.topics)).toBe(plan.activities);
    expect(add(plan.topics)).toBeCloseTo(plan.total, 6);
    // II.6.A's sections then II.6.B, every activity in one of them
    expect(count(plan.groups)).toBe(plan.activities);
    expect(add(plan.groups)).toBeCloseTo(plan.total, 6);
    expect(plan.groups.at(-1)).toMatchObject({ group: 'proposals', count: result.written.ii6b.length });
    expect(plan.groups.map((g) => g.group)).toContain('no-outside-money');
    // Dân góp first, Ngân sách by named fund, Đề xuất last; together the whole plan
    expect(plan.sources[0].kind).toBe('contribution');
    expect(plan.sources.at(-1)?.kind).toBe('proposed');
    expect(plan.sources.filter((s) => s.kind === 'budget' && s.fund).length).toBeGreaterThan(1);
    expect(plan.sources.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(plan.total, 6);
    // The villages' share, computed by hand from the demo's rows: the department-proposed activities are the
    // cầu tràn (Ngân sách 950.000, Tổng 1.000.000), the tổ hợp tác chè (20.000 / 25.000), the tổ tiết kiệm (9.000 / 12.000),
    // the phòng học (Đề xuất 870.000 / 900.000), the giống lúa mới (12.500 / 25.000), the tư vấn dinh dưỡng (6.000 / 6.000)
    // and the truyền thông (0); everything else comes from a village.
    expect(plan.villageShare).toEqual([
      { base: 'budget', village: 2737500 - 979000, total: 2737500, share: 1758500 / 2737500, rule: true },
      { base: 'outside', village: 5953000 - (979000 + 870000 + 12500 + 6000), total: 5953000, share: 4085500 / 5953000, rule: false },
      { base: 'all', village: 6775000 - (1000000 + 25000 + 12000 + 900000 + 25000 + 6000), total: 6775000, share: 4807000 / 6775000, rule: false },
    ]);
    // The budget share (64,2%) is under 75%: the consolidation's own check says so.
    expect(result.checks.checks.find((c) => c.id === 'village-share')).toMatchObject({ passed: false, value: 1758500 / 2737500, limit: 0.75 });
    expect(plan.villageShareMin).toBe(0.75);
    // plain JSON: crosses google.script.run as it is
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
