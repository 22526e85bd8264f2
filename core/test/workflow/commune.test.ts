/**
 * consolidateCommune around the plan it builds (commune.ts): what the pane is told while it runs,
 * where the commune's name, the plan year and the level above come from, a damaged state said and
 * rebuilt from the plan's own sheets, the run's findings kept in the workbook, and the "Danh mục"
 * of another period set aside — on villages' sheets typed as villages type them.
 */
import { MemoryWorkbook } from '../../src/port/memory';
import type { DocumentState } from '../../src/port/types';
import { readWorkbook } from '../../src/reader/workbook';
import { CATALOGUE_SHEET } from '../../src/reference';
import { createActions } from '../../src/app/actions';
import { recordedFindings } from '../../src/workflow/findings';
import type { ConsolidationStep } from '../../src/workflow/plan';
import { REPORT_SHEET, consolidateCommune } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';

const ROAD = { activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 };
const SEEDS = { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, contribution: 2000, support: 8000, note: 'CT Nông thôn mới' };

async function villages(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [ROAD]);
  await addSourceSheet(wb, 'I.2', 'Thôn Khe Mạ', 'Trồng trọt', [SEEDS]);
  return wb;
}

/** The report's line naming the period and the level above. */
async function periodLine(wb: MemoryWorkbook): Promise<string | undefined> {
  const [report] = await wb.readSheets([REPORT_SHEET]);
  return report.values.flat().find((v): v is string => typeof v === 'string' && v.startsWith('Giai đoạn chương trình:'));
}

/** Sets the state's JSON as a hand edit or a cut sync would leave it. */
function damageState(wb: MemoryWorkbook, json: string): void {
  (wb as unknown as { stateJson: string }).stateJson = json;
}

describe('what the pane is told while consolidating', () => {
  it('each sheet read with its place and the count, then building, then writing; the sentences in order', async () => {
    const wb = await villages();
    const said: [number, string][] = [];
    const steps: ConsolidationStep[] = [];
    let painted = 0;
    await consolidateCommune(wb, undefined, {
      progress: (f, m) => said.push([f, m]),
      // A pane paints between steps: the run waits for it.
      onProgress: async (s) => {
        await Promise.resolve();
        painted++;
        steps.push(s);
      },
    });
    expect(said).toEqual([
      [0, 'Đang đọc các biểu của thôn và ban ngành…'],
      [0.3, 'Đang đọc phần xã đã nhập ở lần tổng hợp trước…'],
      [0.6, 'Đang ghi các biểu II.4.A, II.4.B, II.6.A, II.6.B, II.6.C…'],
      [1, 'Đã tổng hợp xong.'],
    ]);
    expect(steps).toEqual([
      { stage: 'reading', done: 1, total: 2, sheet: 'Thôn Nà Lìu - I.2' },
      { stage: 'reading', done: 2, total: 2, sheet: 'Thôn Khe Mạ - I.2' },
      { stage: 'building' },
      { stage: 'writing' },
    ]);
    expect(painted).toBe(4);
  });

  it('readings from other files: no sheet of the workbook is read, building and writing still told', async () => {
    const { readings } = await readWorkbook(await villages(), { file: 'xa.xlsx' });
    const steps: ConsolidationStep[] = [];
    await consolidateCommune(new MemoryWorkbook(), readings, { onProgress: (s) => void steps.push(s) });
    expect(steps).toEqual([{ stage: 'building' }, { stage: 'writing' }]);
  });
});

describe("the commune's name, the plan year and the level above", () => {
  it('the name and year given are kept in the state; a re-run without them keeps them', async () => {
    const wb = await villages();
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    expect(await wb.readState()).toMatchObject({ unitName: 'Xã Tân Lập', planYear: 2027, period: '2026-2030' });
    await consolidateCommune(wb);
    expect(await wb.readState()).toMatchObject({ unitName: 'Xã Tân Lập', planYear: 2027 });
    const [ii4b] = await wb.readSheets(['II.4.B']);
    expect(ii4b.values.flat()).toContain('Xã: Tân Lập');
    // The province above a commune from 2026, the state's own level above otherwise.
    expect(await periodLine(wb)).toContain('; cấp trên của xã: Tỉnh.');
    await wb.writeState({ ...(await wb.readState()), upperLevelName: '  Tỉnh Lào Cai ' });
    await consolidateCommune(wb);
    expect(await periodLine(wb)).toContain('; cấp trên của xã: Tỉnh Lào Cai.');
  });

  it('a plan for 2023 reports to the district; the year read from the villages\' sheets when no one gave it', async () => {
    const wb = await villages();
    await consolidateCommune(wb, undefined, { planYear: 2023 });
    expect(await periodLine(wb)).toMatch(/^Giai đoạn chương trình: 2021-2025 \(.*\); cấp trên của xã: Huyện\.$/u);
    const fresh = await villages();
    const r = await consolidateCommune(fresh);
    // addSourceSheet types 2027 on the villages' sheets.
    expect((await fresh.readState()).planYear).toBe(2027);
    expect(r.findings.filter((f) => f.code.startsWith('PERIOD_'))).toEqual([]);
  });

  it("the name printed on the III.1 the province sent, when the commune gave none", async () => {
    const { readings } = await readWorkbook(await villages(), { file: 'xa.xlsx' });
    const target = new MemoryWorkbook();
    const iii1 = { ...readings[0], sheet: 'III.1', formId: 'III.1' as const, unitName: '  Xã Tân Lập ', activities: [], strengths: [], difficulties: [] };
    await consolidateCommune(target, [...readings, iii1]);
    expect((await target.readState()).unitName).toBe('Xã Tân Lập');
    // A name the state already holds wins over III.1's.
    await target.writeState({ ...(await target.readState()), unitName: 'Xã Tân Lập Mới' });
    await consolidateCommune(target, [...readings, iii1]);
    expect((await target.readState()).unitName).toBe('Xã Tân Lập Mới');
  });
});

describe('a damaged state is said and rebuilt from the plan sheets, never silently reset', () => {
  it("the commune's name mistyped (a number): dropped, said, and taken again from II.4.B", async () => {
    const wb = await villages();
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    const state = JSON.parse((wb as unknown as { stateJson: string }).stateJson) as Record<string, unknown>;
    damageState(wb, JSON.stringify({ ...state, unitName: 12345 }));
    const r = await consolidateCommune(wb);
    expect(r.findings.filter((f) => f.code === 'STATE_DAMAGED').map((f) => f.message)).toEqual([
      'Trạng thái LKH lưu trong tệp bị hỏng (Trạng thái tài liệu lưu trong sổ làm việc có chỗ sai, đã bỏ: tên xã / đơn vị là 12345, không phải chữ); đã dựng lại từ các trang tính (tên xã "Xã Tân Lập").',
    ]);
    expect(await wb.readState()).toMatchObject({ unitName: 'Xã Tân Lập', planYear: 2027 });
    // Its plan year mistyped: only the year is taken again.
    damageState(wb, JSON.stringify({ ...state, planYear: 'hai nghìn' }));
    const y = await consolidateCommune(wb);
    expect(y.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/đã dựng lại từ các trang tính \(năm 2027\)\.$/u);
    expect(await wb.readState()).toMatchObject({ unitName: 'Xã Tân Lập', planYear: 2027 });
  });

  it('a state that is not a state at all: both taken again from the sheets; before any plan sheet, nothing to take', async () => {
    const wb = await villages();
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    damageState(wb, '[]');
    const r = await consolidateCommune(wb);
    expect(r.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toBe(
      'Trạng thái LKH lưu trong tệp bị hỏng (Trạng thái tài liệu lưu trong sổ làm việc bị hỏng: là một danh sách, không phải một bộ trạng thái); đã dựng lại từ các trang tính (tên xã "Xã Tân Lập", năm 2027).',
    );
    expect(await wb.readState()).toMatchObject({ unitName: 'Xã Tân Lập', planYear: 2027 });

    const fresh = await villages();
    damageState(fresh, '[]');
    const first = await consolidateCommune(fresh);
    expect(first.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/; đã dựng lại từ các trang tính\.$/u);
    // The run still writes the plan, and the state is sound again.
    expect(first.written.sheets).toContain('II.4.B');
    expect((await fresh.readState()).planYear).toBe(2027);
  });

  it('a sound state raises nothing', async () => {
    const wb = await villages();
    await wb.writeState({ planYear: 2027, unitName: 'Xã Tân Lập' } as DocumentState);
    expect((await consolidateCommune(wb)).findings.filter((f) => f.code === 'STATE_DAMAGED')).toEqual([]);
  });
});

describe("the run's findings kept in the workbook", () => {
  it("what consolidating found is kept with the inputs' digest; what validating the sheets finds is not (the Check screen finds it again)", async () => {
    const wb = new MemoryWorkbook();
    // Tổng số typed 10.000 too high: the reader's validation finds it on the village's sheet.
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [{ ...ROAD, total: 160000 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Khe Mạ', 'Trồng trọt', [SEEDS]);
    await wb.writeState({ planYear: 2027 });
    const r = await consolidateCommune(wb);
    const validation = (await readWorkbook(wb)).findings.filter((f) => f.sheet.endsWith(' - I.2'));
    expect(validation.map((f) => f.code)).toContain('AMOUNT_SUM_MISMATCH');
    for (const f of validation) expect(r.findings.map((x) => x.message)).toContain(f.message);
    const [kept] = recordedFindings(await wb.readState());
    expect(kept.origin).toBe('consolidation');
    expect(kept.inputs).toMatch(/^\w+$/u);
    const keptMessages = kept.findings.map((f) => f.message);
    for (const f of validation) expect(keptMessages).not.toContain(f.message);
    // The consolidation's own findings are kept: the Ngân sách of III.1 missing, the note split…
    const own = r.findings.filter((f) => !validation.some((v) => v.message === f.message));
    expect(keptMessages.sort()).toEqual(own.map((f) => f.message).sort());
  });

  it('readings from other files: kept without a digest of the workbook\'s own inputs', async () => {
    const { readings } = await readWorkbook(await villages(), { file: 'xa.xlsx' });
    const target = new MemoryWorkbook();
    await consolidateCommune(target, readings, { planYear: 2027 });
    const [kept] = recordedFindings(await target.readState());
    expect(kept.origin).toBe('consolidation');
    expect(kept).not.toHaveProperty('inputs');
  });
});

describe("the workbook's own Danh mục", () => {
  it('a catalogue of another period is set aside and said', async () => {
    const wb = await villages();
    await wb.writeState({ planYear: 2027, period: '2026-2030' });
    await createActions(wb).writeCatalogue();
    // The plan is then made for 2023 (period 2021-2025): the 2026-2030 catalogue does not apply.
    const r = await consolidateCommune(wb, undefined, { planYear: 2023, period: '2021-2025' });
    const bad = r.findings.filter((f) => f.code === 'CATALOGUE_INVALID');
    expect(bad.map((f) => [f.sheet, f.params.problem])).toEqual([[CATALOGUE_SHEET, 'trang là danh mục giai đoạn 2026-2030, kế hoạch này thuộc giai đoạn 2021-2025']]);
    expect(r.findings.filter((f) => f.code === 'CATALOGUE_USED')).toEqual([]);
  });
});
