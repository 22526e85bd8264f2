/**
 * Every threshold the handbook or the product sets, at its value, just below and just above: the
 * verdict and the message a commune officer reads. One table per rule; the figures are chosen by
 * hand so that "at the value" is exact in floating point.
 *
 *   Tổng số = Dân góp + Cần hỗ trợ (± 0,5)       validate/rules.ts checkSums (AMOUNT_SUM_MISMATCH)
 *   an activity returned when its sums disagree   workflow/plan/consolidate.ts screen (ACTIVITY_RETURNED)
 *   > 50% of households at the meeting           validate/rules.ts checkAttendance (MEETING_HOUSEHOLDS_LOW)
 *   > 50% of those present agree                 checkAttendance (MEETING_AGREEMENT_LOW), rankingValidity
 *   ≥ 30% women                                  checkAttendance (MEETING_WOMEN_LOW), listValidity's "(dưới 30%)"
 *   ≥ 75% of the Ngân sách to villages' activities  workflow/plan/checks.ts (VILLAGE_SHARE_LOW)
 *   Ngân sách of a program ≤ its III.1 line      checks.ts (BUDGET_OVER_ALLOCATION)
 *   III.1 line ≤ last year's + 10%               checks.ts (ALLOCATION_GROWTH_HIGH)
 *   within the upper level's funds (≤)           workflow/upper-level/build.ts rankWithinFunds, rankingLayout
 *   size caps: 3 Thuận lợi, 3 Khó khăn, 5 ranked activities per sector sheet; marks per person on a ballot
 */
import type { Activity, Difficulty, FormReading, Strength } from '../src/model/types';
import type { SheetData } from '../src/port/types';
import { checkAttendance, validateReading } from '../src/validate/rules';
import type { Finding } from '../src/validate/messages';
import type { BudgetCheckInput } from '../src/workflow/plan';
import { buildPlan, checkBudgets, splitPlan } from '../src/workflow/plan';
import type { RankItem } from '../src/workflow/ranking';
import { ballotLayout, listValidity, rankingValidity, readTally } from '../src/workflow/ranking';
import type { PlanActivity } from '../src/workflow/types';
import type { DistrictRollup, DistrictRow } from '../src/workflow/upper-level';
import { rankWithinFunds, rankingLayout } from '../src/workflow/upper-level';
import { MemoryWorkbook } from '../src/port/memory';

const SHEET = 'Thôn Nà Lìu - I.2';

function activity(o: Partial<Activity> & { activity: string }, row = 9): Activity {
  return {
    unit: 'm',
    quantity: 100,
    time: 'Q.II/2027',
    place: 'Thôn Nà Lìu',
    responsible: 'Trưởng thôn',
    group: 'outside-money',
    unreadable: false,
    source: { sheet: SHEET, row, cells: { activity: `A${row + 1}`, total: `G${row + 1}`, contribution: `H${row + 1}`, support: `I${row + 1}` } },
    ...o,
  };
}

function i2(activities: readonly Activity[], strengths: readonly Strength[] = [], difficulties: readonly Difficulty[] = []): FormReading {
  return { sheet: SHEET, formId: 'I.2', confidence: 1, planYear: 2027, unitName: 'Thôn Nà Lìu', sector: 'Giao thông', strengths, difficulties, activities, fixedValues: {}, findings: [] };
}

const messages = (fs: readonly Finding[], code: string): string[] => fs.filter((f) => f.code === code).map((f) => f.message);

describe('Tổng số = Dân góp + Cần hỗ trợ, within 0,5 either way', () => {
  // Tổng số 1.000 = Dân góp 500 + Cần hỗ trợ x.
  it.each<[string, number, string | null]>([
    ['0,5 short: equal', 499.5, null],
    ['0,5 over: equal', 500.5, null],
    ['0,6 short: differs', 499.4, 'Hoạt động "Bê tông hóa đường nội thôn": Tổng số (1.000) khác Dân góp + Cần hỗ trợ (999,4) — ô G10, trang "Thôn Nà Lìu - I.2".'],
    ['0,6 over: differs', 500.6, 'Hoạt động "Bê tông hóa đường nội thôn": Tổng số (1.000) khác Dân góp + Cần hỗ trợ (1.000,6) — ô G10, trang "Thôn Nà Lìu - I.2".'],
    ['exact', 500, null],
  ])('%s', (_what, support, message) => {
    const found = messages(validateReading(i2([activity({ activity: 'Bê tông hóa đường nội thôn', total: 1000, contribution: 500, support })])), 'AMOUNT_SUM_MISMATCH');
    expect(found).toEqual(message === null ? [] : [message]);
  });

  it('II.6.x: Dân góp + Ngân sách + Đề xuất, the same tolerance', () => {
    const reading = (proposed: number): FormReading => ({
      ...i2([activity({ activity: 'Cứng hóa kênh mương', total: 1000, contribution: 100, budget: 400, proposed })]),
      sheet: 'II.6.A',
      formId: 'II.6.A',
    });
    expect(messages(validateReading(reading(499.5)), 'AMOUNT_SUM_MISMATCH')).toEqual([]);
    expect(messages(validateReading(reading(500.5)), 'AMOUNT_SUM_MISMATCH')).toEqual([]);
    expect(messages(validateReading(reading(499.4)), 'AMOUNT_SUM_MISMATCH')).toEqual([
      'Hoạt động "Cứng hóa kênh mương": Tổng số (1.000) khác Dân góp + Ngân sách + Đề xuất (999,4) — ô G10, trang "Thôn Nà Lìu - I.2".',
    ]);
  });
});

describe('an activity whose sums disagree by more than 0,5 is returned, not consolidated', () => {
  it.each<[string, number, string | null]>([
    ['0,5 short: kept', 299.5, null],
    ['0,5 over: kept', 300.5, null],
    ['0,6 short: returned', 299.4, 'Tổng số (400) khác Dân góp + Cần hỗ trợ (399,4)'],
    ['0,6 over: returned', 300.6, 'Tổng số (400) khác Dân góp + Cần hỗ trợ (400,6)'],
  ])('%s', (_what, support, reason) => {
    const plan = buildPlan([i2([activity({ activity: 'Làm rãnh thoát nước', total: 400, contribution: 100, support })])]);
    expect(plan.returned.map((r) => r.message)).toEqual(reason === null ? [] : [reason]);
    expect(plan.activities).toHaveLength(reason === null ? 1 : 0);
    expect(messages(plan.findings, 'ACTIVITY_RETURNED')).toEqual(
      reason === null ? [] : [`Hoạt động "Làm rãnh thoát nước" (Thôn Nà Lìu) chưa đưa vào tổng hợp mà trả lại để làm rõ: ${reason} — ô A10, trang "Thôn Nà Lìu - I.2".`],
    );
    // Read = written + returned either way.
    expect(plan.reconciliation.balanced).toBe(true);
  });
});

describe('rule 8 at the meeting: more than 50% of households, more than 50% agreeing, at least 30% women', () => {
  const where = { sheet: 'Thôn Nà Lìu - I.3', cell: 'D12' };
  it.each<[string, number, string | null]>([
    ['exactly half: too few', 50, 'Cuộc họp chỉ có 50/100 hộ tham dự (50%); danh mục ưu tiên chỉ có giá trị khi trên 50% số hộ tham gia — ô D12, trang "Thôn Nà Lìu - I.3".'],
    ['one under half: too few', 49, 'Cuộc họp chỉ có 49/100 hộ tham dự (49%); danh mục ưu tiên chỉ có giá trị khi trên 50% số hộ tham gia — ô D12, trang "Thôn Nà Lìu - I.3".'],
    ['one over half: enough', 51, null],
  ])('households: %s', (_what, present, message) => {
    expect(messages(checkAttendance({ ...where, households: 100, householdsPresent: present }), 'MEETING_HOUSEHOLDS_LOW')).toEqual(message === null ? [] : [message]);
  });

  it.each<[string, number, string | null]>([
    ['exactly half: too few', 20, 'Chỉ 20/40 người dự họp nhất trí (50%); cần trên 50% — ô D12, trang "Thôn Nà Lìu - I.3".'],
    ['one under half: too few', 19, 'Chỉ 19/40 người dự họp nhất trí (47,5%); cần trên 50% — ô D12, trang "Thôn Nà Lìu - I.3".'],
    ['one over half: enough', 21, null],
  ])('agreement: %s', (_what, agree, message) => {
    expect(messages(checkAttendance({ ...where, attendees: 40, agree }), 'MEETING_AGREEMENT_LOW')).toEqual(message === null ? [] : [message]);
  });

  it.each<[string, number, string | null]>([
    ['exactly 30%: enough', 12, null],
    ['one more: enough', 13, null],
    ['one fewer (27,5%): too few', 11, 'Phụ nữ chiếm 27,5% người dự họp; Sổ tay yêu cầu ít nhất 30% — ô D12, trang "Thôn Nà Lìu - I.3".'],
  ])('women of 40: %s', (_what, women, message) => {
    expect(messages(checkAttendance({ ...where, attendees: 40, women }), 'MEETING_WOMEN_LOW')).toEqual(message === null ? [] : [message]);
  });

  it.each<[string, number, boolean, string]>([
    ['exactly half agree: not valid', 20, false, 'Kết quả xếp ưu tiên của Thôn Nà Lìu chưa có giá trị: chỉ 20/40 người (50%) đồng ý, cần trên 50%.'],
    ['one over half: valid', 21, true, ''],
  ])('the list of the village: %s', (_what, agree, valid, message) => {
    const v = rankingValidity({ unit: 'Thôn Nà Lìu', kind: 'village-meeting', households: 60, householdsPresent: 40, attendees: 40, agree, women: 12, sheet: 'Phiếu', cell: 'F20' });
    expect(v.valid).toBe(valid);
    expect(messages(v.findings, 'RANKING_NOT_VALID')).toEqual(valid ? [] : [message]);
  });

  it.each<[string, number, boolean, string]>([
    ['exactly half of the households in writing: not valid', 30, false, 'Kết quả xếp ưu tiên của Thôn Nà Lìu chưa có giá trị: chỉ 30/60 hộ (50%) đồng ý bằng phiếu, cần trên 50% tổng số hộ.'],
    ['one over half: valid', 31, true, ''],
  ])('households agreeing in writing: %s', (_what, agree, valid, message) => {
    const v = rankingValidity({ unit: 'Thôn Nà Lìu', kind: 'village-written', households: 60, agree, sheet: 'Phiếu' });
    expect(v.valid).toBe(valid);
    expect(messages(v.findings, 'RANKING_NOT_VALID')).toEqual(valid ? [] : [message]);
  });

  it.each<[number, string]>([
    [12, 'Hợp lệ: 30/40 đại biểu (75%) đồng ý; nữ 30%.'],
    [11, 'Hợp lệ: 30/40 đại biểu (75%) đồng ý; nữ 27,5% (dưới 30%).'],
  ])('the conference sheet says "(dưới 30%)" below 30%% women only (%i women of 40), and stays valid', (women, text) => {
    const ballot: SheetData = { name: 'Phiếu', top: 0, left: 0, values: [], errors: [], merges: [] };
    const v = listValidity({
      unit: 'Xã Nà Lìu',
      kind: 'commune-conference',
      ballot,
      fields: { values: { attendees: { value: 40, cell: 'F18' }, women: { value: women, cell: 'F19' }, agree: { value: 30, cell: 'F20' } }, nextFreeRow: 25, left: 0 },
      participants: 0,
    });
    expect(v.valid).toBe(true);
    expect(v.text).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
// Money checks of the commune's plan (1.000 đồng in the activities, triệu đồng in III.1).

let seq = 0;
function planRow(o: Partial<PlanActivity> & { activity: string }): PlanActivity {
  const contribution = o.contribution ?? 0;
  const budget = o.budget ?? 0;
  const proposed = o.proposed ?? 0;
  return {
    key: `k${++seq}`,
    topic: 'csht',
    sector: 'Giao thông',
    group: budget + proposed > 0 ? 'outside-money' : 'no-outside-money',
    total: contribution + budget + proposed,
    contribution,
    support: budget + proposed,
    budget,
    proposed,
    origins: [{ kind: 'village', unit: 'Thôn A' }],
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  };
}

const ROW_ORDER = ['chi-thuong-xuyen', 'gnbv', 'gnbv-dau-tu', 'gnbv-su-nghiep', 'ntm', 'ntm-dau-tu', 'ntm-su-nghiep', 'tinh', 'huyen', 'oda-ngo', 'khac'];
function iii1(amounts: Readonly<Record<string, number>>, planYear = 2018): FormReading {
  const fixedValues: Record<string, Record<string, string | number | null>> = {};
  for (const [k, amount] of Object.entries(amounts)) fixedValues[k] = { content: null, amount, cell: `A${10 + ROW_ORDER.indexOf(k)}` };
  return { sheet: 'III.1', formId: 'III.1', confidence: 1, planYear, unitName: 'Xã Nà Lìu', strengths: [], difficulties: [], activities: [], fixedValues, findings: [] };
}

function budgets(activities: readonly PlanActivity[], extra: Partial<BudgetCheckInput> = {}) {
  const { ii6a } = splitPlan(activities);
  return checkBudgets({ activities: ii6a, allActivities: activities, period: '2016-2020', sheetNames: { ii6a: 'II.6.A' }, ...extra });
}

describe("the villages' activities get at least 75% of the Ngân sách", () => {
  const department = { kind: 'department', unit: 'Hội Phụ nữ xã' } as const;
  it.each<[string, number, boolean, string | null]>([
    // Ngân sách of the villages' activity against 100.000 in all.
    ['exactly 75%', 75000, true, null],
    ['74,9%', 74900, false, 'Các hoạt động do thôn đề xuất chỉ được 74,9% vốn Ngân sách (đã rõ nguồn) xã phân bổ cho các hoạt động của xã; Sổ tay yêu cầu ít nhất 75% nguồn lực xã dành cho các hoạt động. Để so sánh: 74,9% vốn cần từ bên ngoài (Ngân sách + Đề xuất), 74,9% toàn bộ nguồn lực kể cả dân góp.'],
    ['75,1%', 75100, true, null],
  ])('%s', (_what, village, passed, message) => {
    const { checks, findings } = budgets([
      planRow({ activity: 'Bê tông hóa đường thôn (Thôn A)', budget: village, fundSource: 'Ngân sách xã' }),
      planRow({ activity: 'Tập huấn bình đẳng giới', budget: 100000 - village, fundSource: 'Ngân sách xã', origins: [department] }),
    ]);
    expect(checks.find((c) => c.id === 'village-share')).toMatchObject({ passed, value: village / 100000, limit: 0.75 });
    expect(messages(findings, 'VILLAGE_SHARE_LOW')).toEqual(message === null ? [] : [message]);
  });
});

describe("a program's Ngân sách in II.6.A stays within its III.1 line (≤)", () => {
  // III.1's NTM line: 500 triệu đồng; the II.6.A rows funded by CT Nông thôn mới: 500.000 ± 1 nghìn đồng.
  it.each<[string, number, boolean]>([
    ['equal to the line', 500000, true],
    ['1.000 đồng under', 499999, true],
    ['1.000 đồng over', 500001, false],
  ])('%s', (_what, need, passed) => {
    const { checks, findings } = budgets([planRow({ activity: 'Bê tông hóa đường thôn (Thôn A)', budget: need, fundSource: 'CT Nông thôn mới' })], { iii1: iii1({ ntm: 500 }) });
    const check = checks.find((c) => c.id.startsWith('allocation:ntm'));
    expect(check).toMatchObject({ passed, value: need / 1000, limit: 500 });
    expect(messages(findings, 'BUDGET_OVER_ALLOCATION')).toEqual(
      passed ? [] : ['Các hoạt động dùng vốn CTMTQG xây dựng Nông thôn mới trong II.6.A cần 500,001 triệu đồng, vượt mức 500 triệu đồng dự kiến phân bổ ở Biểu III.1 (ô C14, trang "III.1").'],
    );
  });
});

describe("a III.1 line grows at most 10% over last year's", () => {
  // Last year 200 triệu đồng: at most 220.
  it.each<[string, number, boolean, string | null]>([
    ['+10% exactly', 220, true, null],
    ['just under', 219.9, true, null],
    ['just over (+10,05%)', 220.1, false, 'Chương trình Nông thôn mới: năm kế hoạch 220,1 triệu đồng, tăng 10,1% so với năm trước (200 triệu đồng); Sổ tay dự kiến tăng tối đa 10% (ô C14, trang "III.1").'],
  ])('%s', (_what, next, passed, message) => {
    const { checks, findings } = budgets([], { iii1: iii1({ ntm: next }), previousIii1: iii1({ ntm: 200 }, 2017) });
    const check = checks.find((c) => c.id === 'growth:ntm');
    expect(check).toMatchObject({ passed, value: next });
    expect(check?.limit).toBeCloseTo(220, 9);
    expect(messages(findings, 'ALLOCATION_GROWTH_HIGH')).toEqual(message === null ? [] : [message]);
  });
});

describe("the upper level's funds: an activity is within them while the running total is ≤ the funds", () => {
  const row = (key: string, proposed: number, upperPriority: number): DistrictRow => ({
    key,
    communeKey: 'na liu',
    commune: 'Xã Nà Lìu',
    form: 'II.6.B',
    topic: 'csht',
    sector: 'Giao thông',
    activity: `Hoạt động ${key}`,
    total: proposed,
    contribution: 0,
    budget: 0,
    proposed,
    appraisal: { opinion: 'Đồng ý', upperPriority },
    verdict: 'accepted',
    status: 'active',
  });
  const rows = [row('a', 100000, 1), row('b', 50000, 2)];
  // Funds in triệu đồng against a running total of 100.000 then 150.000 nghìn đồng.
  it.each<[string, number, boolean[], string[]]>([
    ['funds equal to the running total', 150, [true, true], ['Có', 'Có']],
    ['1.000 đồng short', 149.999, [true, false], ['Có', 'Không']],
    ['1.000 đồng more', 150.001, [true, true], ['Có', 'Có']],
    ['the first activity alone over', 99.999, [false, false], ['Không', 'Không']],
  ])('%s', (_what, funds, within, shown) => {
    const ranking = rankWithinFunds(rows, funds, new Map());
    expect(ranking.map((r) => [r.row.key, r.cumulative, r.withinFunds])).toEqual([
      ['a', 100000, within[0]],
      ['b', 150000, within[1]],
    ]);
    const rollup: DistrictRollup = {
      upperLevel: 'Huyện Mường Tè',
      funds,
      communes: [],
      rows,
      ranking,
      reconciliation: { read: { count: 2, amount: 150000 }, written: { count: 2, amount: 150000 }, balanced: true, topics: [], keptAppraisals: 0, vanished: 0 },
      issues: [],
      findings: [],
    };
    const layout = rankingLayout(rollup);
    const withinCol = layout.tables[0].columns.find((c) => c.key === 'within')?.col;
    const body = layout.tables[0].bodyRow;
    const shownNow = [0, 1].map((i) => layout.cells.find((c) => c.row === body + i && c.col === withinCol)?.value);
    expect(shownNow).toEqual(shown);
    const count = within.filter(Boolean).length;
    const sum = within[1] ? '150.000' : within[0] ? '100.000' : '0';
    expect(layout.cells.map((c) => c.value)).toContain(`Hoạt động II.6.B được đồng ý: 2, Đề xuất cộng 150.000 nghìn đồng; trong khả năng vốn: ${count} hoạt động (${sum} nghìn đồng). Không đồng ý: 0; chưa có ý kiến: 0.`);
  });
});

describe('size caps of a sector sheet (I.2): 3 Thuận lợi, 3 Khó khăn, 5 activities needing outside money', () => {
  const strengths = (n: number): Strength[] => Array.from({ length: n }, (_, i) => ({ text: `Thuận lợi ${i + 1}`, source: { sheet: SHEET, row: 4 + i, cells: { strength: `A${5 + i}` } } }));
  const difficulties = (n: number): Difficulty[] =>
    Array.from({ length: n }, (_, i) => ({ difficulty: `Khó khăn ${i + 1}`, causes: [], solutions: [], source: { sheet: SHEET, row: 4 + i, cells: { difficulty: `B${5 + i}` } } }));
  const outside = (n: number): Activity[] => Array.from({ length: n }, (_, i) => activity({ activity: `Hoạt động ${i + 1}`, total: 1000, contribution: 200, support: 800 }, 20 + i));
  const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

  it.each<[number, string | null]>([
    [2, null],
    [3, null],
    [4, 'Trang "Thôn Nà Lìu - I.2" ghi 4 Thuận lợi; Sổ tay chỉ nêu tối đa 3 (từ ô A8).'],
  ])('%i Thuận lợi', (n, message) => {
    expect(messages(validateReading(i2([], strengths(n))), 'TOO_MANY_STRENGTHS')).toEqual(message === null ? [] : [message]);
  });

  it.each<[number, string | null]>([
    [2, null],
    [3, null],
    [4, 'Trang "Thôn Nà Lìu - I.2" ghi 4 Khó khăn; Sổ tay chỉ nêu tối đa 3 (từ ô B8).'],
  ])('%i Khó khăn', (n, message) => {
    expect(messages(validateReading(i2([], [], difficulties(n))), 'TOO_MANY_DIFFICULTIES')).toEqual(message === null ? [] : [message]);
  });

  it.each<[number, string | null]>([
    [4, null],
    [5, null],
    [6, 'Trang "Thôn Nà Lìu - I.2" đề xuất 6 hoạt động cần nguồn vốn bên ngoài; mỗi lĩnh vực tối đa 5 (từ ô A26).'],
  ])('%i activities needing outside money', (n, message) => {
    const found = validateReading(i2(outside(n)));
    expect(messages(found, 'TOO_MANY_RANKED_ACTIVITIES')).toEqual(message === null ? [] : [message]);
    expect(codes(found).filter((c) => c !== 'TOO_MANY_RANKED_ACTIVITIES')).toEqual([]);
  });

  it('activities needing no outside money are not counted against the 5', () => {
    const free = Array.from({ length: 4 }, (_, i) => activity({ activity: `Dân tự làm ${i + 1}`, group: 'no-outside-money', total: 100, contribution: 100 }, 40 + i));
    expect(codes(validateReading(i2([...outside(5), ...free])))).toEqual([]);
  });
});

describe('marks per person on a ballot: about 30% of the activities', () => {
  const items = (n: number): RankItem[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, activity: `Hoạt động ${i + 1}`, flags: {} }));
  async function tally(marks: number) {
    const list = items(10); // 10 activities → 3 marks each
    const layout = ballotLayout(list, { kind: 'marks' }, { participants: 2, sheetName: 'Phiếu' });
    const wb = new MemoryWorkbook();
    await wb.createSheet(layout);
    const t = layout.tables.find((x) => x.key === 'tally');
    const col = t?.columns.find((c) => c.key === 'p1')?.col;
    if (!t || col === undefined) throw new Error('no tally table');
    await wb.writeValues(Array.from({ length: marks }, (_, i) => ({ sheet: 'Phiếu', row: t.bodyRow + i, col, values: [['x']] })));
    const [sheet] = await wb.readSheets(['Phiếu']);
    return readTally(sheet, list, { kind: 'marks' });
  }
  it.each<[number, string | null]>([
    [2, null],
    [3, null],
    [4, 'Đại biểu "Người 1" đánh dấu 4 hoạt động, quá 3 hoạt động được chọn (ô F8, trang "Phiếu").'],
  ])('%i marks of one person', async (marks, message) => {
    const t = await tally(marks);
    expect(messages(t.findings, 'TALLY_OVER_LIMIT')).toEqual(message === null ? [] : [message]);
  });
});
