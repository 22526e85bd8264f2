import type { FormReading } from '../../src/model/types';
import type { ProgramPeriod } from '../../src/port/types';
import type { Finding } from '../../src/validate/messages';
import { finding } from '../../src/validate/messages';
import type { BudgetCheckInput, CheckResult } from '../../src/workflow/plan';
import { REPORT_SHEET, checkBudgets, consolidateCommune } from '../../src/workflow/plan';
import { addSourceSheet, handbookCommune } from './helpers';
import { splitPlan } from '../../src/workflow/plan';
import type { Origin, PlanActivity } from '../../src/workflow/types';

// ---------------------------------------------------------------------------------------------
// Factories: II.4.B rows (1.000 đồng) and a III.1 as the reader returns it (triệu đồng).

let seq = 0;
type Over = Partial<Omit<PlanActivity, 'activity'>> & { activity: string };
function act(o: Over): PlanActivity {
  const contribution = o.contribution ?? 0;
  const budget = o.budget ?? 0;
  const proposed = o.proposed ?? 0;
  const support = o.support ?? budget + proposed;
  return {
    key: `k${++seq}`,
    topic: 'csht',
    sector: 'Giao thông',
    group: support > 0 ? 'outside-money' : 'no-outside-money',
    total: contribution + support,
    contribution,
    support,
    budget,
    proposed,
    origins: [VILLAGE],
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  };
}

const VILLAGE: Origin = { kind: 'village', unit: 'Thôn A' };
const DEPARTMENT: Origin = { kind: 'department', unit: 'Hội Phụ nữ xã' };

/** III.1 rows in the form's order, label cells in column A from row 10 (amounts in column C). */
const ROW_ORDER = ['chi-thuong-xuyen', 'gnbv', 'gnbv-dau-tu', 'gnbv-su-nghiep', 'ntm', 'ntm-dau-tu', 'ntm-su-nghiep', 'tinh', 'huyen', 'oda-ngo', 'khac'];
type Row = { amount?: number | string | null; content?: string; source?: string };
function iii1(rows: Readonly<Record<string, Row>>, sheet = 'III.1', planYear = 2018): FormReading {
  const fixedValues: Record<string, Record<string, string | number | null>> = {};
  for (const [k, r] of Object.entries(rows)) {
    fixedValues[k] = { content: r.content ?? null, amount: r.amount ?? null, cell: `A${10 + ROW_ORDER.indexOf(k)}`, ...(r.source ? { source: r.source } : {}) };
  }
  return { sheet, formId: 'III.1', confidence: 1, planYear, unitName: 'Xã D', strengths: [], difficulties: [], activities: [], fixedValues, findings: [] };
}

function run(activities: readonly PlanActivity[], extra: Partial<BudgetCheckInput> = {}, period: ProgramPeriod = '2016-2020') {
  const { ii6a } = splitPlan(activities);
  return checkBudgets({ activities: ii6a, allActivities: activities, period, sheetNames: { ii6a: 'II.6.A' }, ...extra });
}

const check = (checks: readonly CheckResult[], id: string): CheckResult | undefined => checks.find((c) => c.id === id);
const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);

// A commune plan after the split, in the spirit of the handbook's example (L3620-L3662, L4013).
const PLAN = [
  act({ activity: 'Nạo vét mương thủy lợi tại Khu giữa (Thôn A)', contribution: 6000 }),
  act({ activity: 'Sửa chữa đập tạm tại Khu giữa (Thôn A)', contribution: 2000, budget: 13000, fundSource: 'CT Nông thôn mới' }),
  act({ activity: 'Mở lớp tập huấn kỹ thuật trồng lúa giống mới (Thôn A)', budget: 2000, fundSource: 'CT Giảm nghèo' }),
  act({ activity: 'Bê tông hóa đường trục thôn (Thôn B)', contribution: 100000, budget: 400000, fundSource: 'Chương trình 135', origins: [{ kind: 'village', unit: 'Thôn B' }] }),
  act({ activity: 'Hỗ trợ bò giống cho hộ nghèo (Thôn C)', budget: 300000, fundSource: 'CT 135', origins: [{ kind: 'village', unit: 'Thôn C' }] }),
  act({ activity: 'Tập huấn bình đẳng giới', budget: 5000, fundSource: 'Ngân sách xã', origins: [DEPARTMENT] }),
  act({ activity: 'Hỗ trợ giống lúa mới (Thôn A)', contribution: 5000, proposed: 5000, note: 'Nhà nước trợ giá 50%' }),
];

// ---------------------------------------------------------------------------------------------

describe('checkBudgets without III.1', () => {
  it('gives one III1_MISSING finding and checks that cannot say', () => {
    const { checks, findings } = run(PLAN);
    expect(codes(findings)).toEqual(['III1_MISSING']);
    expect(findings[0].sheet).toBe('II.6.A');
    expect(check(checks, 'allocation')?.passed).toBeUndefined();
    expect(check(checks, 'growth')?.passed).toBeUndefined();
    // The 75% rule needs no III.1.
    expect(check(checks, 'village-share')?.passed).toBe(true);
  });
});

describe('(a) II.6.A within the III.1 allocations (L662)', () => {
  it('passes when each program needs no more than it is given', () => {
    const { checks, findings } = run(PLAN, { iii1: iii1({ gnbv: { amount: 800 }, ntm: { amount: 20 }, 'chi-thuong-xuyen': { amount: 1500 } }) });
    expect(findings).toEqual([]);
    const gnbv = check(checks, 'allocation:gnbv');
    expect(gnbv).toMatchObject({ passed: true, value: 702, limit: 800 });
    expect(gnbv?.detail).toBe('3 hoạt động dùng vốn CTMTQG Giảm nghèo bền vững trong II.6.A cần 702 triệu đồng; Biểu III.1 dự kiến 800 triệu đồng (ô C11).');
    expect(check(checks, 'allocation:ntm')).toMatchObject({ passed: true, value: 13, limit: 20 });
    expect(check(checks, 'allocation:chi-thuong-xuyen')).toMatchObject({ passed: true, value: 5 });
    // "dùng vốn Vốn …" never: a line named "Vốn …" reads "dùng vốn …"
    for (const c of checks) expect(c.detail ?? '').not.toMatch(/(^|\s)vốn\s+vốn(\s|$)/iu);
  });

  it('fails with BUDGET_OVER_ALLOCATION at the III.1 amount cell', () => {
    const { checks, findings } = run(PLAN, { iii1: iii1({ gnbv: { amount: 800 }, ntm: { amount: '12' } }) });
    expect(check(checks, 'allocation:ntm')).toMatchObject({ passed: false, value: 13, limit: 12 });
    expect(codes(findings)).toEqual(['BUDGET_OVER_ALLOCATION']);
    expect(findings[0]).toMatchObject({ sheet: 'III.1', cell: 'C14', severity: 'error', params: { program: 'CTMTQG xây dựng Nông thôn mới', need: '13', allocation: '12' } });
    expect(findings[0].message).toContain('cần 13 triệu đồng, vượt mức 12 triệu đồng');
  });

  it('checks a project named on a row (Chương trình 135, L662) against its own rows only', () => {
    const reading = iii1({ 'gnbv-dau-tu': { amount: 450, content: 'Vốn đầu tư phát triển: Chương trình 135' }, 'gnbv-su-nghiep': { amount: '250', content: 'Vốn sự nghiệp: CT 135' } });
    const { checks, findings } = run(PLAN, { iii1: reading });
    // Investment: the road (400 tr.đ) of 135; recurrent: 135's production support (300 tr.đ) > 250.
    expect(check(checks, 'allocation:gnbv-dau-tu')).toMatchObject({ passed: true, value: 400, limit: 450 });
    expect(check(checks, 'allocation:gnbv-su-nghiep')).toMatchObject({ passed: false, value: 300, limit: 250 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'BUDGET_OVER_ALLOCATION', cell: 'C13' });
    expect(findings[0].params.program).toBe('Chương trình 135 (vốn sự nghiệp)');
    // NTM is used in II.6.A but III.1 says nothing about it.
    expect(check(checks, 'allocation-missing:ntm')?.passed).toBeUndefined();
  });

  it('narrows to a sub-project when the row names one', () => {
    const plan = [
      act({ activity: 'Hỗ trợ bò giống', budget: 300000, fundSource: 'CT 135 - hỗ trợ phát triển sản xuất' }),
      act({ activity: 'Hỗ trợ lợn giống', budget: 100000, fundSource: 'CT 135' }),
    ];
    const { checks } = run(plan, { iii1: iii1({ 'gnbv-su-nghiep': { amount: 280, content: '135 HTPTSX' } }) });
    const c = checks.find((x) => x.id === 'allocation:gnbv-su-nghiep');
    expect(c).toMatchObject({ passed: false, value: 300, limit: 280 });
    expect(c?.label).toContain('Hỗ trợ phát triển sản xuất');
  });

  it('uses the activity’s funding group on the Vốn đầu tư / Vốn sự nghiệp rows', () => {
    const plan = [act({ activity: 'Bê tông đường', budget: 100000, fundSource: 'NTM', fundingGroup: 'recurrent' })];
    const { checks } = run(plan, { iii1: iii1({ 'ntm-dau-tu': { amount: 10 }, 'ntm-su-nghiep': { amount: 50 } }) });
    expect(check(checks, 'allocation:ntm-dau-tu')).toMatchObject({ passed: true, value: 0 });
    expect(check(checks, 'allocation:ntm-su-nghiep')).toMatchObject({ passed: false, value: 100 });
  });

  it('adds up the NTM and GNBV rows for the merged program of 2026-2030', () => {
    const plan = [act({ activity: 'Đường nội đồng', budget: 900000, fundSource: 'CTMTQG' }), act({ activity: 'Nhà văn hóa', budget: 200000, fundSource: 'Nông thôn mới' })];
    const ok = run(plan, { iii1: iii1({ ntm: { amount: 600 }, gnbv: { amount: 500 } }) }, '2026-2030');
    expect(check(ok.checks, 'allocation:gnbv+ntm')).toMatchObject({ passed: true, value: 1100, limit: 1100 });
    const over = run(plan, { iii1: iii1({ ntm: { amount: 600 }, gnbv: { amount: 400 } }) }, '2026-2030');
    expect(codes(over.findings)).toEqual(['BUDGET_OVER_ALLOCATION']);
  });

  it('checks province, district and ODA rows, and says when III.1 gives nothing', () => {
    const plan = [
      act({ activity: 'Đường liên thôn', budget: 500000, fundSource: 'vốn tỉnh' }),
      act({ activity: 'Sân thể thao', budget: 60000, fundSource: 'ngân sách huyện' }),
      act({ activity: 'Tập huấn sinh kế', budget: 30000, fundSource: 'Dự án ODA' }),
    ];
    const { checks, findings } = run(plan, { iii1: iii1({ tinh: { amount: 500 }, huyen: { amount: 50 }, 'oda-ngo': { amount: 30 } }) });
    expect(check(checks, 'allocation:tinh')?.passed).toBe(true);
    expect(check(checks, 'allocation:huyen')?.passed).toBe(false);
    expect(check(checks, 'allocation:oda-ngo')?.passed).toBe(true);
    expect(codes(findings)).toEqual(['BUDGET_OVER_ALLOCATION']);
    const empty = run(plan, { iii1: iii1({ gnbv: { amount: null } }) });
    expect(check(empty.checks, 'allocation')?.passed).toBeUndefined();
    expect(codes(empty.findings)).toEqual([]);
  });

  it('ignores rows left in II.6.B and activities needing no outside money', () => {
    // 135's road asks 100 tr.đ more in Đề xuất: it is in II.6.B, not counted against III.1.
    const plan = [act({ activity: 'Bê tông đường', budget: 400000, proposed: 100000, fundSource: 'CT 135' }), act({ activity: 'Dọn vệ sinh', contribution: 9000, fundSource: 'CT 135' })];
    const { checks } = run(plan, { iii1: iii1({ gnbv: { amount: 1 } }) });
    expect(check(checks, 'allocation:gnbv')).toMatchObject({ passed: true, value: 0 });
  });
});

describe('(b) activities proposed by villages ≥ 75% of the Ngân sách the commune allocates (L677)', () => {
  // Villages: a road on NTM money (budget 60.000, people 20.000), rice seed half paid by the
  // people and half asked for without a source (Thôn A with Hội Nông dân: 15.000 + 15.000).
  // The women's union: a training on the commune budget (25.000).
  const plan = [
    act({ activity: 'Đường thôn A', contribution: 20000, budget: 60000, fundSource: 'NTM' }),
    act({ activity: 'Giống lúa (Thôn A, Hội Nông dân)', contribution: 15000, proposed: 15000, origins: [VILLAGE, DEPARTMENT] }),
    act({ activity: 'Tập huấn', budget: 25000, fundSource: 'Ngân sách xã', origins: [DEPARTMENT] }),
  ];

  it('gives the share on every base a reader may mean and checks the rule on the Ngân sách allocated', () => {
    const c = check(run(plan).checks, 'village-share');
    // Ngân sách: 60.000 / 85.000; outside money: 75.000 / 100.000; everything: 110.000 / 135.000.
    expect(c?.shares?.map((x) => [x.base, x.village, x.total, x.rule])).toEqual([
      ['budget', 60000, 85000, true],
      ['outside', 75000, 100000, false],
      ['all', 110000, 135000, false],
    ]);
    expect(c?.shares?.[0].share).toBeCloseTo(60 / 85, 9);
    expect(c?.shares?.[1].share).toBeCloseTo(0.75, 9);
    expect(c?.shares?.[2].share).toBeCloseTo(110 / 135, 9);
    // 70,6% of the Ngân sách: below 75%, though the villages have 75% of the outside money and 81,5% of everything.
    expect(c).toMatchObject({ passed: false, limit: 0.75 });
    expect(c?.value).toBeCloseTo(60 / 85, 9);
    expect(c?.detail).toContain('chiếm 70,6%');
    expect(c?.detail).toContain('vốn Ngân sách (đã rõ nguồn) xã phân bổ');
    expect(c?.detail).toContain('cơ sở Sổ tay dùng (nguồn lực xã "dành" cho các hoạt động');
    // No handbook line number or step sub-number in what the user reads.
    expect(c?.detail).not.toMatch(/L\d{3}|bước \d\.\d/u);
    expect(c?.detail).toContain('vốn cần từ bên ngoài (Ngân sách + Đề xuất): 75/100 triệu đồng, 75%');
    expect(c?.detail).toContain('toàn bộ nguồn lực (Dân góp + Ngân sách + Đề xuất): 110/135 triệu đồng, 81,5%');
  });

  it('fails with VILLAGE_SHARE_LOW naming the base and the other two', () => {
    const { findings } = run(plan, { iii1: iii1({}) });
    const low = findings.filter((f) => f.code === 'VILLAGE_SHARE_LOW');
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ sheet: 'II.6.A', params: { percent: '70,6%', outsidePercent: '75%', allPercent: '81,5%' } });
    expect(low[0].message).toBe(
      'Các hoạt động do thôn đề xuất chỉ được 70,6% vốn Ngân sách (đã rõ nguồn) xã phân bổ cho các hoạt động của xã; Sổ tay yêu cầu ít nhất 75% nguồn lực xã dành cho các hoạt động. Để so sánh: 75% vốn cần từ bên ngoài (Ngân sách + Đề xuất), 81,5% toàn bộ nguồn lực kể cả dân góp.',
    );
  });

  it('passes at 75% of the Ngân sách and more, counting merged rows that include a village', () => {
    const even = [
      act({ activity: 'Đường thôn A', budget: 45000, fundSource: 'NTM' }),
      act({ activity: 'Giống lúa (Thôn A, Hội Nông dân)', budget: 30000, fundSource: 'CT Giảm nghèo', origins: [VILLAGE, DEPARTMENT] }),
      act({ activity: 'Tập huấn', budget: 25000, fundSource: 'Ngân sách xã', origins: [DEPARTMENT] }),
    ];
    const { checks, findings } = run(even);
    expect(check(checks, 'village-share')).toMatchObject({ passed: true, value: 0.75 });
    expect(findings.map((f) => f.code)).not.toContain('VILLAGE_SHARE_LOW');
  });

  it('the report of a consolidation prints the rule on its base, with the other two beside it', async () => {
    const wb = await handbookCommune();
    // A department's training on the commune budget beside the villages' canal, hall and road.
    await addSourceSheet(wb, 'II.3', 'Hội Phụ nữ xã', 'Bình đẳng giới', [{ activity: 'Tập huấn bình đẳng giới', unit: 'lớp', quantity: 2, support: 600000, note: 'Ngân sách xã' }]);
    const r = await consolidateCommune(wb, undefined, { planYear: 2018, period: '2016-2020' });
    const c = r.checks.checks.find((x) => x.id === 'village-share');
    const [rule, outside, all] = c?.shares ?? [];
    expect(rule.base).toBe('budget');
    // Every II.4.B row is counted on the bases it has money on.
    const active = r.plan.activities.filter((a) => a.status === 'active');
    expect(rule.total).toBe(active.reduce((n, a) => n + a.budget, 0));
    expect(outside.total).toBe(active.reduce((n, a) => n + a.budget + a.proposed, 0));
    expect(all.total).toBe(active.reduce((n, a) => n + a.total, 0));
    const [report] = await wb.readSheets([REPORT_SHEET]);
    const text = report.values.flat().filter((v): v is string => typeof v === 'string');
    const line = text.find((t) => t.startsWith('Các hoạt động do thôn đề xuất được'));
    expect(line).toBeDefined();
    expect(line).toContain('vốn Ngân sách (đã rõ nguồn) xã phân bổ');
    expect(line).toContain('vốn cần từ bên ngoài (Ngân sách + Đề xuất)');
    expect(line).toContain('toàn bộ nguồn lực (Dân góp + Ngân sách + Đề xuất)');
    expect(text).toContain('Hoạt động do thôn đề xuất ≥ 75% vốn Ngân sách xã phân bổ');
    // The villages' canal (NTM) and road (CT 135) have 385.000 of the 985.000 Ngân sách: 39,1%.
    expect(rule).toMatchObject({ village: 385000, total: 985000 });
    expect(c?.passed).toBe(false);
    expect(line).toContain('chiếm 39,1%');
    expect(r.findings.find((f) => f.code === 'VILLAGE_SHARE_LOW')?.params.percent).toBe('39,1%');
  });

  it('cannot say without any Ngân sách allocated, and still shows the other bases', () => {
    expect(check(run([act({ activity: 'Họp thôn' })]).checks, 'village-share')?.passed).toBeUndefined();
    const unfunded = check(run([act({ activity: 'Giống lúa (Thôn A)', contribution: 5000, proposed: 5000 })]).checks, 'village-share');
    expect(unfunded?.passed).toBeUndefined();
    expect(unfunded?.detail).toContain('Chưa có hoạt động nào được phân bổ vốn Ngân sách');
    expect(unfunded?.detail).toContain('vốn cần từ bên ngoài (Ngân sách + Đề xuất): 5/5 triệu đồng, 100%');
  });
});

describe('(c) each III.1 line at most 10% above last year (L877, L3353)', () => {
  const previous = iii1({ 'chi-thuong-xuyen': { amount: 1000 }, gnbv: { amount: 500 }, ntm: { amount: 200 }, tinh: { amount: 0 } }, 'III.1 (2017)', 2017);

  it('passes at +10% or less', () => {
    const { checks, findings } = run(PLAN, { iii1: iii1({ 'chi-thuong-xuyen': { amount: 1100 }, gnbv: { amount: 480 }, ntm: { amount: 220 }, tinh: { amount: 300 } }), previousIii1: previous });
    expect(codes(findings).filter((c) => c === 'ALLOCATION_GROWTH_HIGH')).toEqual([]);
    expect(check(checks, 'growth:chi-thuong-xuyen')).toMatchObject({ passed: true, value: 1100 });
    expect(check(checks, 'growth:chi-thuong-xuyen')?.limit).toBeCloseTo(1100, 6);
    expect(check(checks, 'growth:gnbv')?.detail).toContain('giảm 4%');
    // Nothing last year: no growth to measure.
    expect(check(checks, 'growth:tinh')).toBeUndefined();
  });

  it('fails with ALLOCATION_GROWTH_HIGH at the new amount cell', () => {
    const { checks, findings } = run(PLAN, { iii1: iii1({ gnbv: { amount: 800 }, ntm: { amount: 250 } }), previousIii1: previous });
    expect(check(checks, 'growth:gnbv')).toMatchObject({ passed: false, value: 800 });
    expect(check(checks, 'growth:ntm')).toMatchObject({ passed: false, value: 250 });
    const growth = findings.filter((f) => f.code === 'ALLOCATION_GROWTH_HIGH');
    expect(growth.map((f) => f.cell)).toEqual(['C11', 'C14']);
    expect(growth[0]).toMatchObject({ sheet: 'III.1', params: { line: 'Chương trình Giảm nghèo bền vững', next: '800', previous: '500', percent: '60%' } });
  });

  it('says when there is no previous III.1 or nothing to compare', () => {
    expect(check(run(PLAN, { iii1: iii1({ gnbv: { amount: 800 } }) }).checks, 'growth')?.passed).toBeUndefined();
    expect(check(run(PLAN, { iii1: iii1({ ntm: { amount: 1 } }), previousIii1: iii1({ gnbv: { amount: 1 } }) }).checks, 'growth')?.passed).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// What the panes and the report say, word for word (both languages: the panes show either).

describe('the checks as the commune reads them', () => {
  it('without III.1: why nothing can be compared', () => {
    const { checks } = run(PLAN);
    expect(check(checks, 'allocation')).toEqual({
      id: 'allocation',
      label: 'Vốn CTMTQG trong mức III.1',
      passed: undefined,
      detail: 'Chưa có Biểu III.1 nên chưa kiểm tra được mức vốn phân bổ cho từng chương trình, dự án.',
      labelEn: 'National target program money within III.1',
      detailEn: 'No form III.1 yet, so the money for each program and project cannot be checked.',
    });
    expect(check(checks, 'growth')).toEqual({
      id: 'growth',
      label: 'Kinh phí tăng tối đa 10% so với năm trước',
      passed: undefined,
      detail: 'Chưa có Biểu III.1 nên chưa so sánh được với năm trước.',
      labelEn: 'At most 10% more money than last year',
      detailEn: 'No form III.1 yet, so nothing to compare with last year.',
    });
    expect(checks.map((c) => c.id)).toEqual(['allocation', 'village-share', 'growth']);
  });

  it('a province line over its III.1 amount: "vốn tỉnh", never "vốn Vốn tỉnh", in the check and in the finding', () => {
    const plan = [act({ activity: 'Đường liên thôn', budget: 500000, fundSource: 'vốn tỉnh' })];
    const reading = { ...iii1({ tinh: { amount: 400 } }), file: 'xa-d.xlsx' };
    const { checks, findings } = run(plan, { iii1: reading });
    expect(check(checks, 'allocation:tinh')).toMatchObject({
      label: 'Vốn tỉnh trong mức III.1',
      passed: false,
      detail: '1 hoạt động dùng vốn tỉnh trong II.6.A cần 500 triệu đồng; Biểu III.1 dự kiến 400 triệu đồng (ô C17).',
      labelEn: 'Vốn tỉnh within III.1',
      detailEn: '1 activity of II.6.A using Vốn tỉnh needs 500 million VND; form III.1 plans 400 million VND (cell C17).',
      value: 500,
      limit: 400,
    });
    expect(findings.map((f) => [f.file, f.sheet, f.cell, f.message])).toEqual([
      ['xa-d.xlsx', 'III.1', 'C17', 'Các hoạt động dùng vốn tỉnh trong II.6.A cần 500 triệu đồng, vượt mức 400 triệu đồng dự kiến phân bổ ở Biểu III.1 (ô C17, trang "III.1").'],
    ]);
    // Two activities: the plural in English.
    const two = run([...plan, act({ activity: 'Cầu treo', budget: 1000, fundSource: 'vốn tỉnh' })], { iii1: reading });
    expect(check(two.checks, 'allocation:tinh')?.detailEn).toBe('2 activities of II.6.A using Vốn tỉnh need 501 million VND; form III.1 plans 400 million VND (cell C17).');
  });

  it('a finding kept in a workbook before "vốn tỉnh" was said right still reads', () => {
    const old = finding('BUDGET_OVER_ALLOCATION', { sheet: 'III.1', cell: 'C12' }, { program: 'Chương trình 135', need: '1.825', allocation: '1.500' });
    expect(old.message).toBe('Các hoạt động dùng vốn Chương trình 135 trong II.6.A cần 1.825 triệu đồng, vượt mức 1.500 triệu đồng dự kiến phân bổ ở Biểu III.1 (ô C12, trang "III.1").');
  });

  it('a line without a cell says no cell; a line whose amount cell is given uses it', () => {
    const noCell: FormReading = { ...iii1({}), fixedValues: { huyen: { content: null, amount: 50 } } };
    const { checks, findings } = run([act({ activity: 'Sân thể thao', budget: 60000, fundSource: 'ngân sách huyện' })], { iii1: noCell });
    expect(check(checks, 'allocation:huyen')?.detail).toBe('1 hoạt động dùng vốn huyện trong II.6.A cần 60 triệu đồng; Biểu III.1 dự kiến 50 triệu đồng.');
    expect(check(checks, 'allocation:huyen')?.detailEn).toBe('1 activity of II.6.A using Vốn huyện needs 60 million VND; form III.1 plans 50 million VND.');
    expect(findings[0].cell).toBeUndefined();
    expect(findings[0].file).toBeUndefined();
    const given: FormReading = { ...iii1({}), fixedValues: { huyen: { content: null, amount: 50, cell: 'A16', amountCell: 'F16' } } };
    expect(run([act({ activity: 'Sân thể thao', budget: 60000, fundSource: 'ngân sách huyện' })], { iii1: given }).findings[0].cell).toBe('F16');
  });

  it('a national program III.1 gives nothing for is named; one without Ngân sách in II.6.A is not', () => {
    const plan = [act({ activity: 'Bò giống', budget: 30000, fundSource: 'CT 135' }), act({ activity: 'Đường', budget: 500000, fundSource: 'vốn tỉnh' })];
    const { checks } = run(plan, { iii1: iii1({ tinh: { amount: 500 } }) });
    expect(check(checks, 'allocation-missing:gnbv')).toEqual({
      id: 'allocation-missing:gnbv',
      label: 'Vốn CTMTQG Giảm nghèo bền vững trong mức III.1',
      passed: undefined,
      detail: 'Biểu III.1 chưa ghi kinh phí dự kiến cho CTMTQG Giảm nghèo bền vững nên chưa kiểm tra được các hoạt động dùng nguồn vốn này.',
      labelEn: 'CTMTQG Giảm nghèo bền vững within III.1',
      detailEn: 'Form III.1 plans no money for CTMTQG Giảm nghèo bền vững, so the activities using it cannot be checked.',
    });
    // The province's money is no national program: nothing "missing" about it when III.1 has no line for it.
    const noLine = run([plan[1]], { iii1: iii1({ ntm: { amount: 5 } }) });
    expect(noLine.checks.filter((c) => c.id.startsWith('allocation-missing'))).toEqual([]);
    // A 135 activity asking only Đề xuất is in II.6.B: nothing to check against III.1.
    const proposedOnly = run([act({ activity: 'Bò giống', proposed: 30000, fundSource: 'CT 135' })], { iii1: iii1({ tinh: { amount: 5 } }) });
    expect(proposedOnly.checks.filter((c) => c.id.startsWith('allocation-missing'))).toEqual([]);
  });

  it('III.1 with no amount at all, and nothing used: one line saying so', () => {
    const { checks } = run([act({ activity: 'Họp thôn', contribution: 1000 })], { iii1: iii1({ gnbv: { amount: null } }) });
    expect(check(checks, 'allocation')).toEqual({
      id: 'allocation',
      label: 'Vốn CTMTQG trong mức III.1',
      passed: undefined,
      detail: 'Biểu III.1 chưa ghi kinh phí dự kiến cho nguồn vốn nào.',
      labelEn: 'National target program money within III.1',
      detailEn: 'Form III.1 plans money for no fund source.',
    });
  });

  it('the 75% rule in English, and when no activity has money', () => {
    const passed = check(run(PLAN).checks, 'village-share');
    expect(passed?.labelEn).toBe('Activities proposed by villages ≥ 75% of the budget money the commune allocates');
    expect(passed?.detailEn).toBe(
      "Activities proposed by villages get 715 of 720 million VND of the budget money (source known) the commune allocates, 99.3% — the handbook's base; the handbook asks for at least 75%. " +
        "For comparison — the money needed from outside (budget + proposed): 720/725 million VND, 99.3%; all resources (people's contribution + budget + proposed): 833/838 million VND, 99.4%.",
    );
    const none = check(run([act({ activity: 'Họp thôn' })]).checks, 'village-share');
    expect(none).toMatchObject({
      passed: undefined,
      detail: 'Chưa có hoạt động nào có kinh phí nên chưa tính được tỷ lệ.',
      detailEn: 'No activity has money yet, so the share cannot be computed.',
    });
    const unfunded = check(run([act({ activity: 'Giống lúa (Thôn A)', contribution: 5000, proposed: 5000 })]).checks, 'village-share');
    expect(unfunded?.detailEn).toBe(
      "No activity has budget money (source known) allocated yet, so the share on the handbook's base cannot be computed. For comparison — the money needed from outside (budget + proposed): 5/5 million VND, 100%; all resources (people's contribution + budget + proposed): 10/10 million VND, 100%.",
    );
  });

  it('a line that grew, and one that shrank, in both languages', () => {
    const previous = iii1({ tinh: { amount: 500 }, huyen: { amount: 100 } }, 'III.1 (2017)', 2017);
    const { checks, findings } = run(PLAN, { iii1: iii1({ tinh: { amount: 400 }, huyen: { amount: 125 } }), previousIii1: previous });
    expect(check(checks, 'growth:tinh')).toMatchObject({
      label: 'Chương trình đầu tư của tỉnh: tăng tối đa 10%',
      passed: true,
      detail: 'Chương trình đầu tư của tỉnh: năm kế hoạch 400 triệu đồng, năm trước 500 triệu đồng (giảm 20%); mức tối đa 550 triệu đồng.',
      labelEn: 'Chương trình đầu tư của tỉnh: at most 10% more',
      detailEn: 'Chương trình đầu tư của tỉnh: 400 million VND in the plan year, 500 million VND last year (down 20%); at most 550 million VND.',
    });
    expect(check(checks, 'growth:huyen')?.detailEn).toContain('(up 25%); at most 110 million VND.');
    expect(check(checks, 'growth:huyen')?.detail).toContain('(tăng 25%); mức tối đa 110 triệu đồng.');
    expect(findings.filter((f) => f.code === 'ALLOCATION_GROWTH_HIGH').map((f) => [f.cell, f.message])).toEqual([
      ['C18', expect.stringMatching(/năm kế hoạch 125 triệu đồng, tăng 25% so với năm trước \(100 triệu đồng\); Sổ tay dự kiến tăng tối đa 10% \(ô C18, trang "III\.1"\)\.$/u)],
    ]);
  });

  it('without last year\'s III.1, or no line in both years: said in both languages', () => {
    const { checks } = run(PLAN, { iii1: iii1({ gnbv: { amount: 800 } }) });
    expect(check(checks, 'growth')).toMatchObject({ detail: 'Chưa có Biểu III.1 của năm trước nên chưa so sánh được.', detailEn: 'No form III.1 of last year, so nothing to compare with.' });
    const nothing = run(PLAN, { iii1: iii1({ ntm: { amount: 1 } }), previousIii1: iii1({ gnbv: { amount: 1 } }) });
    expect(check(nothing.checks, 'growth')).toEqual({
      id: 'growth',
      label: 'Kinh phí tăng tối đa 10% so với năm trước',
      passed: undefined,
      detail: 'Không có dòng nào của Biểu III.1 ghi kinh phí cả năm nay và năm trước để so sánh.',
      labelEn: 'At most 10% more money than last year',
      detailEn: 'No line of form III.1 gives money for both this year and last year to compare.',
    });
  });

  it('"Nguồn vốn khác" is compared only when both years name the same source', () => {
    const growth = (next: string, prev: string) => check(run(PLAN, { iii1: iii1({ khac: { amount: 12, content: next } }), previousIii1: iii1({ khac: { amount: 10, content: prev } }) }).checks, 'growth:khac');
    // The same words, differently typed.
    expect(growth('Quỹ hỗ trợ nông dân', 'QUỸ HỖ TRỢ NÔNG DÂN')).toMatchObject({ passed: false, label: 'Nguồn vốn khác: tăng tối đa 10%' });
    // Other words naming the same program.
    expect(growth('Vốn ODA Nhật Bản', 'Dự án ODA')?.passed).toBe(false);
    // Another source this year: nothing to compare.
    expect(growth('Quỹ hỗ trợ nông dân', 'Dự án ODA')).toBeUndefined();
    expect(growth('Quỹ hỗ trợ nông dân', 'Quỹ khuyến học')).toBeUndefined();
  });
});

describe('the checks in the cases a second look found unsaid', () => {
  it('each line checked once: a program covered by one line is not "missing" because another line does not cover it, and no "nothing planned" line beside real ones', () => {
    const plan = [act({ activity: 'Đường thôn', budget: 10000, fundSource: 'NTM' }), act({ activity: 'Đường liên thôn', budget: 20000, fundSource: 'vốn tỉnh' })];
    const { checks } = run(plan, { iii1: iii1({ ntm: { amount: 50 }, tinh: { amount: 50 } }) });
    expect(checks.map((c) => c.id)).toEqual(['allocation:ntm', 'allocation:tinh', 'village-share', 'growth']);
  });

  it('an activity needing no outside money is not counted against its program\'s line', () => {
    const plan = [act({ activity: 'Đường thôn', budget: 10000, fundSource: 'NTM' }), act({ activity: 'Dọn đường', contribution: 3000, fundSource: 'NTM' })];
    expect(check(run(plan, { iii1: iii1({ ntm: { amount: 50 } }) }).checks, 'allocation:ntm')?.detail).toBe('1 hoạt động dùng vốn CTMTQG xây dựng Nông thôn mới trong II.6.A cần 10 triệu đồng; Biểu III.1 dự kiến 50 triệu đồng (ô C14).');
  });

  it('"Nguồn vốn khác" naming a fund the catalogue does not know gives no line to check; naming ODA checks ODA', () => {
    const unknown = run(PLAN, { iii1: iii1({ khac: { amount: 12, content: 'Quỹ hỗ trợ nông dân' } }) });
    expect(unknown.checks.filter((c) => c.id.startsWith('allocation:'))).toEqual([]);
    const oda = run([act({ activity: 'Tập huấn sinh kế', budget: 30000, fundSource: 'Dự án ODA' })], { iii1: iii1({ khac: { amount: 20, content: 'Dự án ODA' } }) });
    expect(check(oda.checks, 'allocation:khac')).toMatchObject({ passed: false, value: 30, limit: 20 });
  });

  it('an investment line says so in its label', () => {
    const reading = iii1({ 'gnbv-dau-tu': { amount: 450, content: 'Vốn đầu tư phát triển: Chương trình 135' } });
    expect(check(run(PLAN, { iii1: reading }).checks, 'allocation:gnbv-dau-tu')?.label).toBe('Vốn Chương trình 135 (vốn đầu tư phát triển) trong mức III.1');
  });

  it('a line the same as last year: "tăng 0%"; a line whose words changed is still compared (only "Nguồn vốn khác" is matched by its words)', () => {
    const { checks } = run(PLAN, { iii1: iii1({ tinh: { amount: 300, content: 'Vốn ngân sách tỉnh' } }), previousIii1: iii1({ tinh: { amount: 300 } }, 'III.1 (2017)', 2017) });
    expect(check(checks, 'growth:tinh')?.detail).toContain('(tăng 0%)');
    expect(check(checks, 'growth:tinh')?.detailEn).toContain('(up 0%)');
    expect(checks.map((c) => c.id).filter((id) => id.startsWith('growth'))).toEqual(['growth:tinh']);
  });
});
