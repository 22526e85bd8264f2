/**
 * II.1 pre-scored from the files (issue 15, deliverable 2): the demo commune's plan and forms,
 * then the same commune with its villages' I.1 and I.3 (meetings of enough or too few households
 * and women), and last year's plan for criterion 14. Each answer is checked against what the
 * files hold, and the sheet is read back as II.1.
 */
import { assessCriteria, assessmentLayout, readPlanData } from '../../src/documents';
import type { AssessedCriterion, PlanData } from '../../src/documents';
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { readWorkbook } from '../../src/reader/workbook';
import type { VillageSheets } from '../../src/reader/workbook';
import { demoReadings } from '../workflow/helpers';
import { villageI1, villageI3 } from '../workflow/fixtures/village-sheets';
import { demoPlan, demoVillages } from './plans';

const by = (cs: readonly AssessedCriterion[], code: string): AssessedCriterion => {
  const c = cs.find((x) => x.code === code);
  if (!c) throw new Error(`no criterion ${code}`);
  return c;
};

describe('II.1 pre-scored from the files', () => {
  let plan: PlanData;
  beforeAll(async () => {
    plan = await readPlanData((await demoPlan()).wb);
  });

  it('answers from the demo what its files show, and leaves the rest to the commune', async () => {
    const readings = await demoReadings();
    const cs = assessCriteria({ plan, readings, villages: [] });
    expect(cs.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    // 3: the province's III.1 is among the files.
    expect(by(cs, '3')).toMatchObject({ answer: 'Có', fromFiles: true });
    expect(by(cs, '3').evidence).toContain('III.1-Tinh-Lao-Cai.xlsx');
    // 4: the departments that sent II.3 are named, the share is the commune's to judge.
    const departments = new Set(readings.filter((r) => r.formId === 'II.3').map((r) => r.unitName));
    expect(by(cs, '4').answer).toBeUndefined();
    expect(by(cs, '4').evidence).toContain(`${departments.size} ban ngành, đơn vị đã gửi Biểu II.3`);
    // 5: the villages sent I.2 but no minutes of their meeting (the demo has no I.3).
    const villages = demoVillages();
    expect(by(cs, '5').answer).toBe('Không');
    expect(by(cs, '5').evidence).toContain(`Biểu I.2: ${villages.length}/${villages.length} thôn`);
    expect(by(cs, '5').evidence).toContain(`(Biểu I.3): 0/${villages.length} thôn`);
    // 8: every activity needing money carries its estimate, and the report reconciles.
    expect(plan.reconciliation?.balanced).toBe(true);
    expect(by(cs, '8')).toMatchObject({ answer: 'Có', fromFiles: true });
    expect(by(cs, '8').evidence).toContain(`Biểu II.6.A: ${plan.ii6a.length} hoạt động`);
    expect(by(cs, '8').evidence).toContain('Đối chiếu: khớp');
    // 9: II.6.A's group A holds the activities without outside money.
    const own = plan.ii6a.filter((a) => a.group === 'no-outside-money').length;
    expect(own).toBeGreaterThan(0);
    expect(by(cs, '9')).toMatchObject({ answer: 'Có' });
    expect(by(cs, '9').evidence).toContain(`${own} hoạt động`);
    // 14 without last year's plan, and the interview criteria: the commune's.
    for (const code of ['1', '2', '4', '6', '7', '10', '11', '12', '13', '14']) {
      expect(by(cs, code).fromFiles).toBe(false);
      expect(by(cs, code).answer).toBeUndefined();
    }
    expect(by(cs, '14').evidence).toContain('Chưa có kế hoạch năm trước');
  });

  it('criterion 5 with every village’s I.1 and I.3: Có, each meeting’s households and women named, the short ones flagged', async () => {
    const villages = demoVillages();
    const sheets: Record<string, ReturnType<typeof villageI1>> = {};
    villages.forEach((v, i) => {
      const name = v.replace(/^Thôn /u, '');
      sheets[`${name} I.1`] = villageI1(name, 100);
      // The first village's meeting has too few women (10 of 60), the second too few households (40 of 100).
      sheets[`${name} I.3`] = villageI3(name, i === 1 ? '40' : '60', i === 0 ? '10' : '25');
    });
    const own = await readWorkbook(MemoryWorkbook.fromArrays(sheets));
    const readings = [...(await demoReadings()), ...own.readings];
    const c5 = by(assessCriteria({ plan, readings, villages: own.villages }), '5');
    expect(c5.answer).toBe('Có');
    expect(c5.evidence).toContain(`(Biểu I.3): ${villages.length}/${villages.length} thôn`);
    expect(c5.evidence).toContain(`${villages[0]}: 60 người dự/100 hộ (60%), nữ 10 (16,7%, dưới 30%)`);
    expect(c5.evidence).toContain(`${villages[1]}: 40 người dự/100 hộ (40%, chưa quá 50% số hộ), nữ 25 (62,5%)`);
    // "Bản Chang" of I.1 and "Thôn Bản Chang" of I.3 are one village.
    for (const v of villages.slice(2)) expect(c5.evidence).toContain(`${v}: 60 người dự/100 hộ (60%), nữ 25 (41,7%)`);
    expect(c5.evidence).toContain(`Lưu ý: cuộc họp của ${villages[0]}, ${villages[1]} chưa đủ`);
    // A village of the settings' list that sent nothing makes it Không.
    const listed = [...villages, 'Thôn Khe Mạ'];
    const missing = by(assessCriteria({ plan, readings, villages: own.villages, villageList: listed }), '5');
    expect(missing.answer).toBe('Không');
    expect(missing.evidence).toContain(`Biểu I.2: ${villages.length}/${listed.length} thôn (chưa có: Thôn Khe Mạ)`);
  });

  it('criterion 14 from last year’s plan: Không when what was not proposed again is 60% or less, else the commune decides', () => {
    const villagesOf: VillageSheets[] = [];
    const again = plan.ii6a.slice(0, 3);
    const other = (n: number) => Array.from({ length: n }, (_, i) => ({ ...again[0], activity: `Hoạt động năm trước số ${i + 1}`, key: `old-${i}` }));
    // 3 of 5 proposed again: at most 2/5 = 40% carried out.
    const lastA: PlanData = { ...plan, planYear: 2026, ii6a: [...again, ...other(2)] };
    const a = by(assessCriteria({ plan, lastYear: lastA, readings: [], villages: villagesOf }), '14');
    expect(a).toMatchObject({ answer: 'Không', fromFiles: true });
    expect(a.evidence).toContain('Biểu II.6.A của kế hoạch năm 2026: 5 hoạt động.');
    expect(a.evidence).toContain('3 hoạt động được đề xuất lại');
    expect(a.evidence).toContain('Nhiều nhất 2/5 hoạt động (40%)');
    // 3 of 10 proposed again: 70% may have been carried out — the commune ticks what was.
    const lastB: PlanData = { ...plan, planYear: 2026, ii6a: [...again, ...other(7)] };
    const b = by(assessCriteria({ plan, lastYear: lastB, readings: [], villages: villagesOf }), '14');
    expect([b.answer, b.fromFiles]).toEqual([undefined, false]);
    expect(b.evidence).toContain('từ 7/10 trở lên (trên 60%) thì đánh dấu Có');
  });

  it('criterion 8 is Không when an activity needing money has no estimate, and left when the report does not reconcile', () => {
    const [first, ...rest] = plan.ii6b;
    const unpriced: PlanData = { ...plan, ii6b: [{ ...first, total: 0, budget: 0, proposed: 0, contribution: 0 }, ...rest] };
    const c8 = by(assessCriteria({ plan: unpriced, readings: [], villages: [] }), '8');
    expect(c8.answer).toBe('Không');
    expect(c8.evidence).toContain(`Chưa ghi kinh phí (Tổng số): "${first.activity}" (${first.where})`);
    const off: PlanData = { ...plan, reconciliation: { verdict: 'Đối chiếu: KHÔNG KHỚP — xem các lỗi bên dưới.', balanced: false } };
    const left = by(assessCriteria({ plan: off, readings: [], villages: [] }), '8');
    expect([left.answer, left.fromFiles]).toEqual([undefined, false]);
    const noSheets: PlanData = { ...plan, sheets: {}, missing: ['II.6.A', 'II.6.B'] };
    expect(by(assessCriteria({ plan: noSheets, readings: [], villages: [] }), '8').answer).toBe('Không');
  });

  it('writes the answers and the evidence into the sheet, which reads back as II.1', async () => {
    const cs = assessCriteria({ plan, readings: await demoReadings(), villages: [] });
    const layout = assessmentLayout(cs, { planYear: 2027, communeName: 'Xã Tân Lập' });
    const wb = new MemoryWorkbook();
    await wb.createSheet(layout);
    const [data] = await wb.readSheets([layout.name]);
    expect(readSheet(data).reading?.formId).toBe('II.1');
    const flat = data.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
    for (const c of cs) {
      const row = flat.find((r) => r.includes(c.evidence));
      expect(row).toBeDefined();
      if (c.answer) expect(row).toContain(c.answer);
      else expect(row?.some((v) => v === 'Có' || v === 'Không')).toBe(false);
    }
  });
});
