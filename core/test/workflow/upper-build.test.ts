/**
 * The upper level's roll-up in memory (build.ts), on hand-made communes as the reader gives them:
 * the offices' opinions word by word, the summary's order, the appraisals found again by key or by
 * name, every sum of "Tổng hợp theo xã" and of the reconciliation, III.1 against II.6.A at its
 * limit, II.4.B against II.6.A + II.6.B, the funds from IV.1, the ranking within the funds, and
 * each problem's sentence. Fast (no workbook): what the province sees, computed by hand.
 */
import type { FormReading } from '../../src/model/types';
import type { CommuneActivity, CommuneInput, PreviousRollup, PreviousRow } from '../../src/workflow/upper-level';
import { buildRollup, communeKey, fundsFromIv1, iii1Total, rankWithinFunds, verdictOf } from '../../src/workflow/upper-level';
import type { Topic } from '../../src/workflow/types';
import { finding } from '../../src/validate/messages';

let n = 0;
/** One activity as the reader gives it (money in 1.000 đồng); its key derived from the name unless given. */
function act(activity: string, money: { total: number; contribution?: number; budget?: number; proposed?: number }, extra: Partial<CommuneActivity> = {}): CommuneActivity {
  n++;
  return {
    key: `ten:${activity.toLowerCase()}`,
    keyDerived: true,
    form: (money.budget ?? 0) > 0 || (money.proposed ?? 0) === 0 ? 'II.6.A' : 'II.6.B',
    onlyInIi4b: false,
    topic: 'csht',
    sector: 'Giao thông',
    activity,
    total: money.total,
    contribution: money.contribution ?? 0,
    budget: money.budget ?? 0,
    proposed: money.proposed ?? 0,
    source: { file: 'xa.xlsx', sheet: 'II.6.B', row: 8 + n, cells: {} },
    ...extra,
  };
}

function commune(name: string, activities: readonly CommuneActivity[], extra: Partial<CommuneInput> = {}): CommuneInput {
  return {
    name,
    key: communeKey(name),
    activities,
    situations: [],
    forms: {},
    period: '2026-2030',
    where: [`${name}.xlsx — II.6.B`],
    ...extra,
  };
}

const NONE: PreviousRollup = { rows: [] };

function previousRow(key: string, commune: string, activity: string, appraisal: PreviousRow['appraisal'], money = 1000, sheetRow = 7): PreviousRow {
  return {
    key,
    appraisal,
    row: { communeKey: key.split('|')[0], commune, form: 'II.6.B', topic: 'csht', sector: 'Giao thông', activity, total: money, contribution: 0, budget: 0, proposed: money },
    sheetRow,
  };
}

function iii1(fixed: Record<string, number>, extra: Partial<FormReading> = {}): FormReading {
  return {
    sheet: 'III.1',
    formId: 'III.1',
    confidence: 1,
    strengths: [],
    difficulties: [],
    activities: [],
    fixedValues: Object.fromEntries(Object.entries(fixed).map(([k, amount]) => [k, { amount }])),
    findings: [],
    ...extra,
  };
}

describe("the offices' opinion, word by word", () => {
  it('reads every way of agreeing', () => {
    const agree = ['Đồng ý', 'đồng ý', 'ĐỒNG Ý', 'Đồng ý, ưu tiên', 'Chấp thuận', 'Nhất trí', 'Thống nhất', 'x', 'X', 'Có', 'ok', 'Yes', 'Đạt'];
    expect(agree.map((o) => [o, verdictOf(o)])).toEqual(agree.map((o) => [o, 'accepted']));
  });

  it('reads every way of refusing, before agreeing ("không đồng ý" is no "đồng ý")', () => {
    const refuse = ['Không đồng ý', 'không', 'KHÔNG', 'Chưa đồng ý', 'Chưa chấp thuận', 'Từ chối', 'Loại', 'Bác', 'k', 'K', 'No', 'Không đồng ý vì trùng'];
    expect(refuse.map((o) => [o, verdictOf(o)])).toEqual(refuse.map((o) => [o, 'rejected']));
  });

  it('leaves an empty cell pending and anything else unknown, whole words only', () => {
    expect([undefined, '', '   '].map(verdictOf)).toEqual(['pending', 'pending', 'pending']);
    const other = ['Xem lại', 'Đồng ýý', 'Khôngg', 'Cân nhắc không đồng ý', 'có thể', 'xx', 'kk', 'okay', 'Đạt yêu cầu một phần?'];
    expect(other.map((o) => [o, verdictOf(o)])).toEqual(other.map((o) => [o, 'unknown']));
  });
});

describe('III.1 and IV.1 totals', () => {
  it("adds every line, a program's own line left out when its investment or recurrent sub-line holds an amount", () => {
    expect(iii1Total(iii1({ 'chi-thuong-xuyen': 800, ntm: 300, 'ntm-dau-tu': 100, 'ntm-su-nghiep': 200 }))).toBe(1100);
    expect(iii1Total(iii1({ ntm: 300, 'ntm-su-nghiep': 120 }))).toBe(120);
    expect(iii1Total(iii1({ ntm: 300, 'ntm-dau-tu': 90 }))).toBe(90);
    // A program line alone counts; a line without an amount adds nothing.
    expect(iii1Total(iii1({ ntm: 300, gnbv: 50 }))).toBe(350);
    expect(iii1Total({ ...iii1({ ntm: 300 }), fixedValues: { ntm: { amount: 300 }, 'ntm-dau-tu': { amount: null, content: 'Giao thông' }, tinh: { amount: '12' } } })).toBe(300);
  });

  it("takes the funds from the IV.1 naming the upper level, else from every IV.1, and none without an amount", () => {
    const bacHa = iii1({ 'chi-thuong-xuyen': 900, tinh: 700 }, { formId: 'IV.1', sheet: 'IV.1', file: 'IV.1-Bac-Ha.xlsx', unitName: 'Huyện Bắc Hà' });
    const siMaCai = iii1({ tinh: 500 }, { formId: 'IV.1', sheet: 'IV.1 Si Ma Cai', unitName: 'Si Ma Cai' });
    const empty = { ...iii1({}, { formId: 'IV.1', sheet: 'IV.1 trống', unitName: 'Bắc Hà' }), fixedValues: { tinh: { amount: null } } };
    // "Bắc Hà", "huyện bắc hà" and "Huyện Bắc Hà" name one unit.
    expect(fundsFromIv1([bacHa, siMaCai, empty], 'Bắc Hà')).toEqual({ amount: 1600, sheets: ['IV.1-Bac-Ha.xlsx — IV.1'] });
    expect(fundsFromIv1([siMaCai, bacHa], 'huyện bắc hà')).toEqual({ amount: 1600, sheets: ['IV.1-Bac-Ha.xlsx — IV.1'] });
    expect(fundsFromIv1([siMaCai, bacHa], 'Thị xã Si Ma Cai')?.amount).toBe(500);
    // No IV.1 names the province rolling up: every IV.1 with an amount is summed.
    expect(fundsFromIv1([bacHa, siMaCai, empty], 'Tỉnh Lào Cai')).toEqual({ amount: 2100, sheets: ['IV.1-Bac-Ha.xlsx — IV.1', 'IV.1 Si Ma Cai'] });
    expect(fundsFromIv1([empty], 'Bắc Hà')).toBeUndefined();
    expect(fundsFromIv1([], 'Bắc Hà')).toBeUndefined();
  });
});

describe('the ranking within the funds', () => {
  const a = (name: string, proposed: number, extra: Partial<CommuneActivity> = {}) => act(name, { total: proposed + 1000, contribution: 1000, proposed }, { form: 'II.6.B', ...extra });

  it('is within while the running total is at most the funds, and out from the first activity over them', async () => {
    const c = commune('Xã Tân Lập', [a('Đường 1', 300000), a('Đường 2', 200000), a('Đường 3', 1), a('Cầu 4', 50)]);
    const prev: PreviousRollup = {
      rows: ['Đường 1', 'Đường 2', 'Đường 3', 'Cầu 4'].map((x, i) => previousRow(`tan lap|ten:${x.toLowerCase()}`, 'Xã Tân Lập', x, { opinion: 'Đồng ý', upperPriority: i + 1 })),
    };
    // 500 triệu: the first two fill it exactly; the third (1 nghìn đồng) goes over, and so does the fourth after it.
    const r = buildRollup([c], prev, { upperLevel: 'Tỉnh Lào Cai', funds: 500 });
    expect(r.ranking.map((x) => [x.row.activity, x.order, x.cumulative, x.withinFunds])).toEqual([
      ['Đường 1', 1, 300000, true],
      ['Đường 2', 2, 500000, true],
      ['Đường 3', 3, 500001, false],
      ['Cầu 4', 4, 500051, false],
    ]);
    // Funds a thousand đồng larger: the third fits, the fourth not.
    expect(buildRollup([c], prev, { upperLevel: 'Tỉnh Lào Cai', funds: 500.001 }).ranking.map((x) => x.withinFunds)).toEqual([true, true, true, false]);
    expect(r.issues.map((f) => f.code)).not.toContain('FUNDS_MISSING');
  });

  it('ranks only accepted, active II.6.B rows: upper priority, then the commune priority, then commune order, then as read', () => {
    const tl = commune('Xã Tân Lập', [
      a('Kênh', 30, { priority: 2 }),
      a('Cầu', 20, { priority: 1 }),
      a('Trạm', 10),
      a('Nhà', 5),
      act('Đường A', { total: 9, budget: 9 }, { form: 'II.6.A' }),
    ]);
    const hb = commune('Xã Hòa Bình', [a('Giếng', 7), a('Lớp', 3)]);
    const key = (c: CommuneInput, x: string) => `${c.key}|ten:${x.toLowerCase()}`;
    const prev: PreviousRollup = {
      rows: [
        previousRow(key(tl, 'Kênh'), tl.name, 'Kênh', { opinion: 'Đồng ý' }),
        previousRow(key(tl, 'Cầu'), tl.name, 'Cầu', { opinion: 'Đồng ý' }),
        previousRow(key(tl, 'Trạm'), tl.name, 'Trạm', { opinion: 'Đồng ý' }),
        previousRow(key(tl, 'Nhà'), tl.name, 'Nhà', { opinion: 'Không đồng ý', reason: 'Trùng' }),
        previousRow(key(tl, 'Đường A'), tl.name, 'Đường A', { opinion: 'Đồng ý', upperPriority: 1 }),
        previousRow(key(hb, 'Giếng'), hb.name, 'Giếng', { opinion: 'Đồng ý', upperPriority: 5 }),
        previousRow(key(hb, 'Lớp'), hb.name, 'Lớp', { opinion: 'Đồng ý' }),
        // A row no commune proposes any more, accepted: never ranked.
        previousRow('tan lap|ten:cũ', tl.name, 'Cũ', { opinion: 'Đồng ý', upperPriority: 1 }),
      ],
    };
    const r = buildRollup([tl, hb], prev, { upperLevel: 'Tỉnh Lào Cai' });
    // Hòa Bình sorts before Tân Lập; among Tân Lập's rows without upper priority, its own priority first, then as read.
    expect(r.ranking.map((x) => [x.row.activity, x.cumulative, x.withinFunds])).toEqual([
      ['Giếng', 7, undefined],
      ['Cầu', 27, undefined],
      ['Kênh', 57, undefined],
      ['Lớp', 60, undefined],
      ['Trạm', 70, undefined],
    ]);
    expect(r.issues.filter((f) => f.code === 'FUNDS_MISSING').map((f) => f.message)).toEqual([
      'Chưa nhập số vốn Tỉnh Lào Cai nắm giữ (triệu đồng) nên chưa xác định được hoạt động II.6.B nào trong khả năng vốn.',
    ]);
    expect(r.funds).toBeUndefined();
  });

  it('orders rows of equal priorities by the commune order given, then as they come', () => {
    const row = (key: string, communeKey: string) => ({
      key,
      communeKey,
      commune: communeKey,
      form: 'II.6.B' as const,
      topic: 'csht' as Topic,
      sector: '',
      activity: key,
      total: 10,
      contribution: 0,
      budget: 0,
      proposed: 10,
      appraisal: { opinion: 'Đồng ý' },
      verdict: 'accepted' as const,
      status: 'active' as const,
    });
    const order = new Map([
      ['b', 0],
      ['a', 1],
    ]);
    const ranked = rankWithinFunds([row('a1', 'a'), row('b1', 'b'), row('a2', 'a'), row('b2', 'b'), row('z', 'z')], 0.03, order);
    // A commune missing from the order counts as the first.
    expect(ranked.map((r) => [r.row.key, r.order, r.withinFunds])).toEqual([
      ['b1', 1, true],
      ['b2', 2, true],
      ['z', 3, true],
      ['a1', 4, false],
      ['a2', 5, false],
    ]);
    expect(rankWithinFunds([], 10, order)).toEqual([]);
  });
});

describe('the roll-up of hand-made communes', () => {
  it('sorts by topic, sector (whatever its case or accents) and commune; sums each commune; counts the verdicts', () => {
    const tl = commune('Xã Tân Lập', [
      act('Hỗ trợ giống lúa', { total: 5000, contribution: 2500, proposed: 2500 }, { topic: 'kinh-te', sector: 'Trồng trọt', form: 'II.6.B' }),
      act('Cứng hóa kênh', { total: 150000, contribution: 20000, budget: 130000 }, { topic: 'csht', sector: 'Thủy lợi', form: 'II.6.A', fundSource: 'NTM' }),
      act('Dọn vệ sinh', { total: 3000, contribution: 3000 }, { topic: 'vh-xh-mt', sector: 'Môi trường', form: 'II.6.A' }),
      act('Đường thôn A', { total: 255000, contribution: 0, budget: 255000 }, { topic: 'csht', sector: 'Giao thông', form: 'II.6.A' }),
    ], { planYear: 2027 });
    const hb = commune('Xã Hòa Bình', [
      act('Đường nội thôn', { total: 400000, contribution: 60000, proposed: 340000 }, { topic: 'csht', sector: 'giao thông', form: 'II.6.B', priority: 1, difficulty: 'Đường lầy lội' }),
      act('Tư vấn dinh dưỡng', { total: 6000, proposed: 6000 }, { topic: 'vh-xh-mt', sector: 'Y tế', form: 'II.6.B', quantity: 12, unit: 'buổi', time: 'Quý II', place: 'Trạm y tế' }),
    ]);
    const prev: PreviousRollup = {
      rows: [
        previousRow('hoa binh|ten:đường nội thôn', hb.name, 'Đường nội thôn', { office: 'Sở Xây dựng', opinion: 'Đồng ý', upperPriority: 1 }),
        previousRow('tan lap|ten:hỗ trợ giống lúa', tl.name, 'Hỗ trợ giống lúa', { opinion: 'Không đồng ý', reason: 'Trùng' }),
        previousRow('tan lap|ten:dọn vệ sinh', tl.name, 'Dọn vệ sinh', { office: 'Phòng Văn hóa' }),
      ],
    };
    const r = buildRollup([tl, hb], prev, { upperLevel: 'Tỉnh Lào Cai', funds: 1000 });
    expect(r.rows.map((x) => [x.commune, x.sector, x.activity])).toEqual([
      ['Xã Hòa Bình', 'giao thông', 'Đường nội thôn'],
      ['Xã Tân Lập', 'Giao thông', 'Đường thôn A'],
      ['Xã Tân Lập', 'Thủy lợi', 'Cứng hóa kênh'],
      ['Xã Tân Lập', 'Trồng trọt', 'Hỗ trợ giống lúa'],
      ['Xã Tân Lập', 'Môi trường', 'Dọn vệ sinh'],
      ['Xã Hòa Bình', 'Y tế', 'Tư vấn dinh dưỡng'],
    ]);
    // Each row keeps what the commune wrote; optional fields only when written.
    expect(r.rows[0]).toEqual({
      key: 'hoa binh|ten:đường nội thôn',
      communeKey: 'hoa binh',
      commune: 'Xã Hòa Bình',
      form: 'II.6.B',
      topic: 'csht',
      sector: 'giao thông',
      activity: 'Đường nội thôn',
      total: 400000,
      contribution: 60000,
      budget: 0,
      proposed: 340000,
      communePriority: 1,
      difficulty: 'Đường lầy lội',
      appraisal: { office: 'Sở Xây dựng', opinion: 'Đồng ý', upperPriority: 1 },
      verdict: 'accepted',
      status: 'active',
      source: hb.activities[0].source,
    });
    expect(r.rows[5]).toMatchObject({ quantity: 12, unit: 'buổi', time: 'Quý II', place: 'Trạm y tế', verdict: 'pending', appraisal: {} });
    expect(r.rows[2]).toMatchObject({ fundSource: 'NTM' });
    expect(['unit', 'quantity', 'time', 'place', 'fundSource', 'communePriority', 'difficulty', 'onlyInIi4b'].filter((k) => k in r.rows[1])).toEqual([]);
    // Per commune, sorted by name: every sum recomputed from its activities.
    expect(r.communes.map((c) => c.name)).toEqual(['Xã Hòa Bình', 'Xã Tân Lập']);
    expect(r.communes[1]).toMatchObject({
      key: 'tan lap',
      count: 4,
      total: 5000 + 150000 + 3000 + 255000,
      contribution: 2500 + 20000 + 3000,
      budget: 130000 + 255000,
      proposed: 2500,
      ii6a: { count: 3, total: 150000 + 3000 + 255000, budget: 385000 },
      ii6b: { count: 1, total: 5000, proposed: 2500 },
      verdicts: { accepted: 0, rejected: 1, pending: 3 },
      reconciliation: { read: { count: 4, amount: 413000 }, written: { count: 4, amount: 413000 }, balanced: true },
    });
    expect(r.communes[0]).toMatchObject({ count: 2, total: 406000, contribution: 60000, budget: 0, proposed: 346000, ii6a: { count: 0, total: 0, budget: 0 }, ii6b: { count: 2, total: 406000, proposed: 346000 }, verdicts: { accepted: 1, rejected: 0, pending: 1 } });
    expect('iii1' in r.communes[0] || 'ii4bMatches' in r.communes[0]).toBe(false);
    // In total and by topic.
    expect(r.reconciliation).toEqual({
      read: { count: 6, amount: 819000 },
      written: { count: 6, amount: 819000 },
      balanced: true,
      topics: [
        { topic: 'csht', read: { count: 3, amount: 805000 }, written: { count: 3, amount: 805000 }, balanced: true },
        { topic: 'kinh-te', read: { count: 1, amount: 5000 }, written: { count: 1, amount: 5000 }, balanced: true },
        { topic: 'vh-xh-mt', read: { count: 2, amount: 9000 }, written: { count: 2, amount: 9000 }, balanced: true },
      ],
      keptAppraisals: 3,
      vanished: 0,
    });
    // The rejection has its reason: no problem; the funds were given.
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ upperLevel: 'Tỉnh Lào Cai', planYear: 2027, funds: 1000 });
    expect('fundsFrom' in r).toBe(false);
  });

  it('names each problem of the appraisals in a sentence: an unknown opinion, a refusal without reason, a priority that is no number', () => {
    const long = `Bê tông hóa đường liên thôn từ trung tâm xã đến thôn Nà Lìu, dài ${'rất '.repeat(10)}xa`;
    const c = commune('Xã Hòa Bình', [act(long, { total: 10, proposed: 10 }), act('Giếng', { total: 5, proposed: 5 }), act('Lớp', { total: 3, proposed: 3 })]);
    const prev: PreviousRollup = {
      rows: [
        previousRow(`hoa binh|ten:${long.toLowerCase()}`, c.name, long, { opinion: 'Xem lại' }),
        previousRow('hoa binh|ten:giếng', c.name, 'Giếng', { opinion: 'Không đồng ý' }),
        previousRow('hoa binh|ten:lớp', c.name, 'Lớp', { opinion: 'Đồng ý', upperPriorityText: 'cao' }),
      ],
    };
    const r = buildRollup([c], prev, { upperLevel: 'Tỉnh Lào Cai', funds: 1 });
    const short = `${long.slice(0, 59)}…`;
    expect(r.issues.map((f) => [f.code, f.sheet, f.params.commune, f.message])).toEqual([
      ['OPINION_UNKNOWN', 'Tổng hợp theo lĩnh vực', 'Xã Hòa Bình', `Ý kiến "Xem lại" của hoạt động "${short}" (Xã Hòa Bình) không phải "Đồng ý" hay "Không đồng ý"; coi như chưa có ý kiến.`],
      ['REJECTED_WITHOUT_REASON', 'Tổng hợp theo lĩnh vực', 'Xã Hòa Bình', 'Hoạt động "Giếng" (Xã Hòa Bình) không được đồng ý nhưng chưa ghi lý do; phiếu phản hồi cho xã cần nêu lý do.'],
      ['UPPER_PRIORITY_NOT_A_NUMBER', 'Tổng hợp theo lĩnh vực', 'Xã Hòa Bình', '"Ưu tiên cấp trên" của hoạt động "Lớp" (Xã Hòa Bình) ghi "cao", không phải số; xếp sau các hoạt động có số.'],
    ]);
    // The unknown opinion counts as pending, the refusal as rejected.
    expect(r.rows.map((x) => [x.activity, x.verdict])).toEqual([
      [long, 'pending'],
      ['Giếng', 'rejected'],
      ['Lớp', 'accepted'],
    ]);
    expect(r.communes[0].verdicts).toEqual({ accepted: 1, rejected: 1, pending: 1 });
    expect(r.reconciliation.keptAppraisals).toBe(3);
  });

  it('finds an appraisal by commune and activity when its key changed, once only; the rest vanish, flagged at their cell', () => {
    const c = commune('Xã Hòa Bình', [act('Giếng nước', { total: 5, proposed: 5 }, { key: 'r-1', keyDerived: false }), act('Giếng nước', { total: 7, proposed: 7 }, { key: 'r-2', keyDerived: false })]);
    const prev: PreviousRollup = {
      sheet: 'Tổng hợp theo lĩnh vực (cũ)',
      rows: [
        // The key column cleared: the name key; two rows of one name, the first appraisal goes to the first.
        previousRow('name:hoa binh|gieng nuoc', c.name, 'Giếng nước', { opinion: 'Đồng ý' }),
        previousRow('hoa binh|r-2', c.name, 'Giếng nước', { opinion: 'Không đồng ý', reason: 'Đã có' }),
        // The same key twice: the first one wins, the second is not read.
        previousRow('hoa binh|r-2', c.name, 'Giếng nước', { opinion: 'Đồng ý' }),
        previousRow('hoa binh|r-9', c.name, 'Cầu treo', { opinion: 'Đồng ý', upperPriority: 1 }, 30000, 11),
        previousRow('hoa binh|r-8', c.name, 'Kè suối', { opinion: 'Ý kiến khác' }, 20000, 12),
      ],
    };
    const r = buildRollup([c], prev, { upperLevel: 'Tỉnh Lào Cai', funds: 100 });
    expect(r.rows.map((x) => [x.key, x.status, x.verdict, x.appraisal.opinion])).toEqual([
      ['hoa binh|r-1', 'active', 'accepted', 'Đồng ý'],
      ['hoa binh|r-2', 'active', 'rejected', 'Không đồng ý'],
      ['hoa binh|r-9', 'vanished', 'accepted', 'Đồng ý'],
      ['hoa binh|r-8', 'vanished', 'pending', 'Ý kiến khác'],
    ]);
    expect(r.rows[2]).toMatchObject({ activity: 'Cầu treo', total: 30000, commune: 'Xã Hòa Bình' });
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        'ROLLUP_ROW_VANISHED',
        'Tổng hợp theo lĩnh vực (cũ)',
        'C12',
        'Hoạt động "Cầu treo" của Xã Hòa Bình không còn trong biểu của xã; vẫn giữ lại dòng này cùng ý kiến thẩm định và ghi chú "Không còn trong biểu của xã" — ô C12, trang "Tổng hợp theo lĩnh vực (cũ)".',
      ],
      ['ROLLUP_ROW_VANISHED', 'Tổng hợp theo lĩnh vực (cũ)', 'C13', expect.stringContaining('"Kè suối" của Xã Hòa Bình')],
    ]);
    // Vanished rows are in no total, no commune's verdicts and no ranking.
    expect(r.reconciliation).toMatchObject({ read: { count: 2, amount: 12 }, written: { count: 2, amount: 12 }, balanced: true, keptAppraisals: 2, vanished: 2 });
    expect(r.communes[0].verdicts).toEqual({ accepted: 1, rejected: 1, pending: 0 });
    expect(r.ranking.map((x) => x.row.key)).toEqual(['hoa binh|r-1']);
    // Without a sheet name the summary's is said.
    const again = buildRollup([], { rows: [prev.rows[3]] }, { upperLevel: 'Tỉnh Lào Cai' });
    expect(again.findings.map((f) => [f.sheet, f.cell])).toEqual([['Tổng hợp theo lĩnh vực', 'C12']]);
    expect(again.issues).toEqual([]);
    expect(again.reconciliation).toMatchObject({ read: { count: 0, amount: 0 }, written: { count: 0, amount: 0 }, balanced: true, topics: [], vanished: 1 });
  });

  it('compares II.4.B with II.6.A + II.6.B within half a thousand đồng, and says by how much they differ', () => {
    const a1 = act('Đường', { total: 1000, budget: 1000 });
    const within = commune('Xã Tân Lập', [a1], { forms: { 'II.4.B': { count: 3, amount: 1500.5 }, 'II.6.A': { count: 1, amount: 1000 }, 'II.6.B': { count: 2, amount: 500 } } });
    const over = commune('Xã Hòa Bình', [a1], { forms: { 'II.4.B': { count: 3, amount: 1500.6 }, 'II.6.A': { count: 1, amount: 1000 }, 'II.6.B': { count: 2, amount: 500 } } });
    const under = commune('Xã Nà Hang', [a1], { forms: { 'II.4.B': { count: 3, amount: 1499.4 }, 'II.6.A': { count: 1, amount: 1000 }, 'II.6.B': { count: 2, amount: 500 } } });
    const counted = commune('Xã Bản Lầu', [a1], { forms: { 'II.4.B': { count: 4, amount: 1500 }, 'II.6.A': { count: 1, amount: 1000 }, 'II.6.B': { count: 2, amount: 500 } } });
    const noB = commune('Xã Cốc Ly', [a1], { forms: { 'II.4.B': { count: 3, amount: 1500 }, 'II.6.A': { count: 1, amount: 1000 } } });
    const noA = commune('Xã Lùng Phình', [a1], { forms: { 'II.4.B': { count: 3, amount: 1500 }, 'II.6.B': { count: 1, amount: 1000 } } });
    const no4b = commune('Xã Mường Khương', [a1], { forms: { 'II.6.A': { count: 1, amount: 1000 }, 'II.6.B': { count: 2, amount: 500 } } });
    const r = buildRollup([within, over, under, counted, noB, noA, no4b], NONE, { upperLevel: 'Tỉnh Lào Cai' });
    const by = (name: string) => r.communes.find((c) => c.name === name);
    expect(['Xã Tân Lập', 'Xã Hòa Bình', 'Xã Nà Hang', 'Xã Bản Lầu', 'Xã Cốc Ly', 'Xã Lùng Phình', 'Xã Mường Khương'].map((x) => by(x)?.ii4bMatches)).toEqual([true, false, false, false, undefined, undefined, undefined]);
    expect(r.issues.map((f) => [f.code, f.message])).toEqual([
      ['II4B_II6_MISMATCH', 'Xã Bản Lầu: II.4.B có 4 hoạt động (1.500 nghìn đồng) nhưng II.6.A + II.6.B có 3 (1.500 nghìn đồng).'],
      ['II4B_II6_MISMATCH', 'Xã Hòa Bình: II.4.B có 3 hoạt động (1.500,6 nghìn đồng) nhưng II.6.A + II.6.B có 3 (1.500 nghìn đồng).'],
      ['II4B_II6_MISMATCH', 'Xã Nà Hang: II.4.B có 3 hoạt động (1.499,4 nghìn đồng) nhưng II.6.A + II.6.B có 3 (1.500 nghìn đồng).'],
    ]);
    expect(r.issues.every((f) => f.severity === 'warning' && f.sheet === '')).toBe(true);
  });

  it('checks II.6.A against III.1 up to its exact total, in triệu đồng', () => {
    const plan = (budget: number) => [act('Cứng hóa kênh', { total: budget + 20000, contribution: 20000, budget }, { group: 'investment-new', fundSource: 'Ngân sách tỉnh' }), act('Dọn vệ sinh', { total: 3000, contribution: 3000 }, { group: 'no-outside-money' })];
    const reading = iii1({ 'chi-thuong-xuyen': 800, 'ntm-dau-tu': 100, 'gnbv-dau-tu': 200 });
    const at = buildRollup([commune('Xã Tân Lập', plan(1100000), { iii1: reading })], NONE, { upperLevel: 'Tỉnh Lào Cai' });
    expect(at.communes[0].iii1).toMatchObject({ total: 1100, ii6aBudget: 1100, within: true });
    const over = buildRollup([commune('Xã Tân Lập', plan(1100001), { iii1: reading })], NONE, { upperLevel: 'Tỉnh Lào Cai' });
    expect(over.communes[0].iii1).toMatchObject({ total: 1100, ii6aBudget: 1100.001, within: false });
    // The checks kept are the allocation ones, each with a verdict.
    expect(at.communes[0].iii1?.checks.length).toBeGreaterThan(0);
    expect(at.communes[0].iii1?.checks.every((k) => k.id.startsWith('allocation'))).toBe(true);
    expect(buildRollup([commune('Xã Tân Lập', plan(1000))], NONE, { upperLevel: 'Tỉnh Lào Cai' }).communes[0].iii1).toBeUndefined();
  });

  it("takes the plan year given, else the one most communes' plans carry", () => {
    const one = (name: string, planYear?: number): CommuneInput => commune(name, [act('Đường', { total: 1, budget: 1 })], planYear === undefined ? {} : { planYear });
    expect(buildRollup([one('Xã A', 2026), one('Xã B', 2027), one('Xã C', 2027), one('Xã D')], NONE, { upperLevel: 'Tỉnh' }).planYear).toBe(2027);
    expect(buildRollup([one('Xã A', 2027), one('Xã B', 2026), one('Xã C', 2026)], NONE, { upperLevel: 'Tỉnh' }).planYear).toBe(2026);
    expect(buildRollup([one('Xã A', 2027)], NONE, { upperLevel: 'Tỉnh', planYear: 2028 }).planYear).toBe(2028);
    expect('planYear' in buildRollup([one('Xã A')], NONE, { upperLevel: 'Tỉnh' })).toBe(false);
  });

  it('carries the funds and where they come from, and the findings and issues of reading', () => {
    const c = commune('Xã A', [act('Đường', { total: 1, budget: 1 })]);
    const read = finding('NO_COMMUNE_PLAN', { sheet: 'II.6.A' }, { commune: 'Xã B' });
    const r = buildRollup([c], NONE, { upperLevel: 'Tỉnh', funds: 0, fundsFrom: { kind: 'saved' }, findings: [read], issues: [read] });
    expect([r.funds, r.fundsFrom, r.findings, r.issues]).toEqual([0, { kind: 'saved' }, [read], [read]]);
    expect('fundsFrom' in buildRollup([c], NONE, { upperLevel: 'Tỉnh', fundsFrom: { kind: 'saved' } })).toBe(false);
  });
});
