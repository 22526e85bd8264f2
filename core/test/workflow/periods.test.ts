/**
 * Plans under the programs of their plan year (issue 10): 2016-2020 (the handbook), 2021-2025,
 * 2026-2030 (the merged program); the province above the commune from 2026; legacy names ("CT
 * 135", "CT Nông thôn mới") mapped forward with a finding; III.1 overruns reported in every period.
 */
import { getForm } from '../../src/forms/registry';
import { formEdition } from '../../src/forms/editions';
import { layoutForm } from '../../src/layout/engine';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { readWorkbook } from '../../src/reader/workbook';
import { defaultUpperLevel, findProgramMatch, periodOfYear } from '../../src/reference';
import { DEMO_YEAR, demoFiles } from '../../src/workflow/demo';
import { consolidateCommune, fundingNeeds } from '../../src/workflow/plan';
import { demoReadings } from './helpers';
import { createActions } from '../../src/app/actions';
import { importXlsx } from '../../src/app/transfer';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** The demo's villages and departments (not its III.1), read as the CLI reads files. */
const demoSources = (): Promise<FormReading[]> => demoReadings(false);

/** A III.1 on the handbook's form, as the district sent it before 2026 (the demo's old figures). */
async function handbookIii1(): Promise<FormReading> {
  const wb = new MemoryWorkbook();
  await wb.createSheet(
    layoutForm(getForm('III.1'), {
      planYear: 2018,
      unitName: 'Xã Tân Lập',
      sheetName: 'III.1',
      fixedValues: {
        sources: {
          'chi-thuong-xuyen': { content: 'Chi thường xuyên của xã', amount: 1200 },
          'gnbv-dau-tu': { content: 'Chương trình 135: công trình hạ tầng', amount: 1500 },
          'gnbv-su-nghiep': { content: 'Hỗ trợ phát triển sản xuất', amount: 250 },
          'ntm-dau-tu': { content: 'Giao thông, thủy lợi nội đồng', amount: 1800 },
          'ntm-su-nghiep': { content: 'Phát triển sản xuất, tổ hợp tác', amount: 300 },
          tinh: { content: 'Kiên cố hóa trường học', amount: 600 },
          huyen: { content: 'Vốn lồng ghép', amount: 400 },
          'oda-ngo': { content: 'Dự án NGO tiết kiệm vay vốn', amount: 100 },
        },
      },
    }),
  );
  const [data] = await wb.readSheets(['III.1']);
  return readSheet(data, { file: 'III.1-Huyen-Bac-Ha.xlsx' }).reading as FormReading;
}

async function demoIii1(): Promise<FormReading> {
  const file = demoFiles().find((f) => f.sheets.some((s) => s.formId === 'III.1'));
  const wb = new MemoryWorkbook();
  for (const s of file?.sheets ?? []) await wb.createSheet(s.layout);
  return (await readWorkbook(wb, { file: file?.name })).readings[0];
}

describe('the period and the level above follow the plan year', () => {
  it.each([
    [2018, '2016-2020', 'Huyện'],
    [2020, '2016-2020', 'Huyện'],
    [2021, '2021-2025', 'Huyện'],
    [2025, '2021-2025', 'Huyện'],
    [2026, '2026-2030', 'Tỉnh'],
    [2027, '2026-2030', 'Tỉnh'],
    [2030, '2026-2030', 'Tỉnh'],
  ] as const)('%i → %s, %s above the commune', (year, period, upper) => {
    expect(periodOfYear(year)).toEqual({ period, beyond: false });
    expect(defaultUpperLevel(year)).toBe(upper);
  });

  it('takes the latest period for a later year, and says so when consolidating', async () => {
    expect(periodOfYear(2033)).toEqual({ period: '2026-2030', beyond: true });
    const r = await consolidateCommune(new MemoryWorkbook(), await demoSources(), { planYear: 2033 });
    expect(r.findings.map((f) => f.code)).toContain('PERIOD_BEYOND_KNOWN');
  });

  it('warns when the chosen period is not the plan year’s', async () => {
    const r = await consolidateCommune(new MemoryWorkbook(), await demoSources(), { planYear: 2027, period: '2016-2020' });
    expect(r.findings.find((f) => f.code === 'PERIOD_OF_YEAR_MISMATCH')?.message).toContain('2026-2030');
  });
});

describe('legacy names map forward', () => {
  it.each([
    ['CT 135', '2016-2020', 'gnbv-135', undefined],
    ['CT 135', '2021-2025', 'dtts', 'CT 135'],
    ['Chương trình 30a', '2021-2025', 'gnbv-da1', 'chương trình 30a'],
    ['CT Nông thôn mới', '2021-2025', 'ntm', undefined],
    ['CT Nông thôn mới', '2026-2030', 'ctmtqg', 'CT nông thôn mới'],
    ['CT Giảm nghèo', '2026-2030', 'ctmtqg', 'CT giảm nghèo'],
    ['CT 135 - vốn đầu tư phát triển', '2026-2030', 'ctmtqg', 'CT 135'],
    ['Nghị quyết 257', '2026-2030', 'ctmtqg', undefined],
  ] as const)('"%s" under %s → %s', (text, period, id, legacy) => {
    const m = findProgramMatch(text, period);
    expect(m?.program.id).toBe(id);
    expect(m?.legacy).toBe(legacy);
  });
});

describe('the demo commune planning for 2027 under 2026-2030', () => {
  it('keeps every activity of a named program in II.6.A, reports the III.1 overrun and the mapping of old names', async () => {
    expect(DEMO_YEAR).toBe(2027);
    const r = await consolidateCommune(new MemoryWorkbook(), [...(await demoSources()), await demoIii1()]);
    expect(r.written.ii6a).toHaveLength(39);
    expect(r.written.ii6b).toHaveLength(22);
    // Every activity whose note named a program — by its old name or its new — is the merged
    // program's, in II.6.A, its money in Ngân sách (19 of them: 10 "CT 135", 3 "CT Nông thôn mới", 6 "CT Giảm nghèo").
    const merged = r.plan.activities.filter((x) => x.status === 'active' && x.fundSource?.startsWith('CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi'));
    expect(merged.length).toBeGreaterThanOrEqual(19);
    const inA = new Set(r.written.ii6a.map((x) => x.key));
    for (const a of merged) {
      expect(inA.has(a.key)).toBe(true);
      expect(a.proposed).toBe(0);
    }
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('LEGACY_PROGRAM_MAPPED');
    // One finding for the merged program's old names, its explanation (Nghị quyết 257) said once, the other places named.
    const legacy = r.findings.filter((f) => f.code === 'LEGACY_PROGRAM_MAPPED');
    expect(legacy).toHaveLength(1);
    expect(legacy[0].message.match(/Nghị quyết 257/gu)).toHaveLength(1);
    expect(legacy[0].message).toMatch(/^19 hoạt động ghi nguồn vốn "CT nông thôn mới", "CT 135", "CT giảm nghèo" \(tên của giai đoạn trước\)/u);
    expect(legacy[0].message).toMatch(/ Cũng gặp ở: "[^"]+\.xlsx" › [^!]+![A-Z]+\d+; "[^"]+\.xlsx" › [^!]+![A-Z]+\d+\.$/u);
    const over = r.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over).toHaveLength(1);
    expect(over[0].message).toContain('2.548');
    expect(over[0].message).toContain('2.500');
  });

  it('sums the merged program on its own II.6.C line, with no NTM or GNBV line left at 0', async () => {
    const r = await consolidateCommune(new MemoryWorkbook(), await demoSources());
    const needs = fundingNeeds(r.plan.activities, '2026-2030');
    // Triệu đồng, summed by hand from the demo's notes: "CT 135…" cầu tràn 950 + kênh mương 350 + 280 + 245 + lợn giống
    // 15 + 30 + 22,5 + 15 + 30 + 30 = 1.967,5 (10 rows); "CT Nông thôn mới…" đường 340 + 383 + tổ hợp tác chè 20 = 743 (3);
    // "CT Giảm nghèo" six tập huấn of 3 = 18 (6). The merged program of 2026-2030 holds all three.
    expect(needs['programme-ctmtqg']).toMatchObject({ budget: 1967.5 + 743 + 18, count: 10 + 3 + 6, proposed: 0 });
    expect(needs['programme-oda-ngo']).toMatchObject({ budget: 9, count: 1 });
    expect(needs['programme-ntm']).toBeUndefined();
    expect(needs['programme-gnbv']).toBeUndefined();
    const edition = formEdition(getForm('II.6.C'), '2026-2030');
    expect(JSON.stringify(edition.blocks)).toContain('giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi');
  });
});

describe('the same inputs under the earlier periods', () => {
  it('plan year 2018 gives the handbook period’s results: Chương trình 135 1.825 > 1.500 triệu', async () => {
    const r = await consolidateCommune(new MemoryWorkbook(), [...(await demoSources()), await handbookIii1()], { planYear: 2018 });
    expect(r.written.ii6a).toHaveLength(39);
    expect(r.written.ii6b).toHaveLength(22);
    const codes = r.findings.map((f) => f.code);
    expect(codes).not.toContain('LEGACY_PROGRAM_MAPPED');
    const over = r.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over.map((f) => f.params.program)).toEqual(['Chương trình 135 (vốn đầu tư phát triển)']);
    expect(over[0].message).toContain('1.825');
    expect(over[0].message).toContain('1.500');
  });

  it('plan year 2023 maps "CT 135" to the ethnic-minority program and still reports the overrun of the III.1 line naming it', async () => {
    const r = await consolidateCommune(new MemoryWorkbook(), [...(await demoSources()), await handbookIii1()], { planYear: 2023 });
    expect(r.written.ii6a).toHaveLength(39);
    const legacy = r.findings.filter((f) => f.code === 'LEGACY_PROGRAM_MAPPED');
    expect(legacy.some((f) => f.params.alias === 'CT 135' && String(f.params.program).includes('dân tộc thiểu số'))).toBe(true);
    const over = r.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over.some((f) => String(f.params.program).includes('DTTS') && f.message.includes('1.825') && f.message.includes('1.500'))).toBe(true);
    const needs = fundingNeeds(r.plan.activities, '2021-2025');
    // 2021-2025 keeps the three programs apart (sums as in the 2026-2030 test above).
    expect([needs['programme-dtts'], needs['programme-ntm'], needs['programme-gnbv']].map((n) => [n.budget, n.count])).toEqual([
      [1967.5, 10],
      [743, 3],
      [18, 6],
    ]);
  });

  it('reads a III.1 on any edition: the handbook’s, 2021-2025’s, 2026-2030’s', async () => {
    for (const period of ['2016-2020', '2021-2025', '2026-2030'] as const) {
      const wb = new MemoryWorkbook();
      const key = period === '2026-2030' ? 'ctmtqg-dau-tu' : period === '2021-2025' ? 'dtts-dau-tu' : 'gnbv-dau-tu';
      await wb.createSheet(layoutForm(formEdition(getForm('III.1'), period), { planYear: 2027, sheetName: 'III.1', fixedValues: { sources: { [key]: { amount: 700 } } } }));
      const [data] = await wb.readSheets(['III.1']);
      const reading = readSheet(data).reading;
      expect(reading?.formId).toBe('III.1');
      expect(reading?.fixedValues[key]?.amount).toBe(700);
    }
  });
});

describe('II.7.B reports on the criteria of its period', () => {
  const rowsOf = (period: '2016-2020' | '2021-2025' | '2026-2030') => {
    const f = formEdition(getForm('II.7.B'), period);
    const t = f.blocks.find((b) => b.kind === 'table' && b.key === 'criteria');
    return { form: f, rows: t && t.kind === 'table' ? t.rows.filter((r) => r.kind === 'fixed') : [] };
  };

  it('19 criteria of QĐ 1980 (handbook period), 19 of QĐ 318, 10 of QĐ 51/2025 with the caveat printed', () => {
    expect(rowsOf('2016-2020').rows).toHaveLength(19);
    const r21 = rowsOf('2021-2025');
    expect(r21.rows).toHaveLength(19);
    expect(r21.rows.map((r) => (r.kind === 'fixed' ? r.label : ''))).toContain('Nghèo đa chiều');
    const r26 = rowsOf('2026-2030');
    expect(r26.rows).toHaveLength(10);
    const texts = JSON.stringify(r26.form.blocks);
    expect(texts).toContain('Quyết định 51/2025/QĐ-TTg');
    expect(texts).toContain('chưa đối chiếu Phụ lục I');
    // Every text of a later edition that is not the handbook's is listed with its reason.
    expect(r26.form.ownText?.some((o) => o.text === 'Khoa học công nghệ và chuyển đổi số' && o.reason.includes('51/2025/QĐ-TTg'))).toBe(true);
  });
});

describe('settings left empty', () => {
  it('take the plan year of imported village files, and the report names the period and the level above', async () => {
    const village = XlsxWorkbook.create();
    await village.createSheet(layoutForm(getForm('I.2'), { planYear: 2018, unitName: 'Thôn A', sheetName: 'I.2' }));
    const bytes = await village.save();
    const target = XlsxWorkbook.create();
    await importXlsx(target, 'thon-a.xlsx', bytes);
    expect((await target.readState()).planYear).toBe(2018);
    expect(await createActions(target).getSettings()).toMatchObject({ planYear: 2018, period: '2016-2020', upperLevelName: 'Huyện' });
    const r = await consolidateCommune(new MemoryWorkbook(), await demoSources());
    expect(r.plan.planYear).toBe(2027);
    const wb = new MemoryWorkbook();
    await consolidateCommune(wb, await demoSources());
    const [report] = await wb.readSheets(['Báo cáo tổng hợp']);
    expect(report.values.flat().some((v) => typeof v === 'string' && v.includes('Giai đoạn chương trình: 2026-2030') && v.includes('cấp trên của xã: Tỉnh'))).toBe(true);
    expect((await wb.readState()).upperLevelName).toBe('Tỉnh');
  });
});
