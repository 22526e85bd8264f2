/**
 * consolidateCommune around the plan it builds (commune.ts): what the pane is told while it runs,
 * where the commune's name, the plan year and the level above come from, a damaged state said and
 * rebuilt from the plan's own sheets, the run's findings kept in the workbook, and the "Danh mục"
 * of another period set aside — on villages' sheets typed as villages type them.
 */
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { DocumentState } from '../../src/port/types';
import { readWorkbook } from '../../src/reader/workbook';
import { CATALOGUE_SHEET } from '../../src/reference';
import { createActions } from '../../src/app/actions';
import { recordedFindings } from '../../src/workflow/findings';
import type { ConsolidationStep } from '../../src/workflow/plan';
import { REPORT_SHEET, SHEET_ORIGINS_KEY, SourceConflictError, consolidateCommune } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';
import { villageI1, villageI3 } from './fixtures/village-sheets';

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

describe('which sheets of the workbook are consolidated', () => {
  it("a department's II.3 is consolidated with the villages' I.2 and its findings said; a village's I.1 is neither", async () => {
    const wb = await villages();
    await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Trồng trọt', [
      { activity: 'Tập huấn kỹ thuật canh tác lúa', unit: 'lớp', support: 10000 },
      { activity: 'Tham quan mô hình lúa', unit: 'chuyến', support: 10000, total: 12000 },
    ]);
    const r = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(r.plan.activities.filter((a) => a.status === 'active').map((a) => a.activity)).toEqual(
      expect.arrayContaining(['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 'Hỗ trợ giống lúa lai (Thôn Khe Mạ)', 'Tập huấn kỹ thuật canh tác lúa']),
    );
    // The department's second Tổng số typed 2.000 too high: said at its sheet.
    const ii3 = r.findings.filter((f) => f.sheet === 'Hội Nông dân xã - II.3');
    expect(ii3.map((f) => f.code)).toContain('AMOUNT_SUM_MISMATCH');
    // What reading the plan's own sheets finds (the previous run's II.4.B, kept as "II.4.B (cũ)"…) is not the sources'.
    const again = await consolidateCommune(wb);
    const others = (await readWorkbook(wb)).findings.filter((f) => !/ - (I\.2|II\.3)$/u.test(f.sheet));
    expect(others.map((f) => f.sheet)).toContain('II.4.B (cũ)');
    const said = again.findings.map((f) => f.message);
    for (const f of others) expect(said).not.toContain(f.message);
  });

  it('readings of other files: only their I.2 and II.3 are consolidated, a III.1 is used for the checks', async () => {
    const { readings } = await readWorkbook(await villages(), { file: 'xa.xlsx' });
    const iii1 = { ...readings[0], sheet: 'III.1', formId: 'III.1' as const, unitName: 'Xã Tân Lập', activities: [{ ...readings[0].activities[0], activity: 'Dòng phân bổ của tỉnh' }] };
    const r = await consolidateCommune(new MemoryWorkbook(), [...readings, iii1], { planYear: 2027 });
    expect(r.plan.activities.map((a) => a.activity).sort()).toEqual(['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 'Hỗ trợ giống lúa lai (Thôn Khe Mạ)']);
    // With a III.1 the allocation is checked: no "III.1 missing" finding.
    expect(r.findings.map((f) => f.message)).not.toContain('Chưa có Biểu III.1 (thông tin định hướng từ cấp trên) nên chưa kiểm tra được mức vốn phân bổ.');
    const without = await consolidateCommune(new MemoryWorkbook(), readings, { planYear: 2027 });
    expect(without.findings.map((f) => f.message)).toContain('Chưa có Biểu III.1 (thông tin định hướng từ cấp trên) nên chưa kiểm tra được mức vốn phân bổ.');
  });

  it("a III.1 without the commune's name: no name taken, the plan still written", async () => {
    const { readings } = await readWorkbook(await villages(), { file: 'xa.xlsx' });
    const iii1: FormReading = { ...readings[0], sheet: 'III.1', formId: 'III.1', activities: [] };
    delete (iii1 as { unitName?: string }).unitName;
    const target = new MemoryWorkbook();
    const r = await consolidateCommune(target, [...readings, iii1]);
    expect(r.written.sheets).toContain('II.4.B');
    expect(await target.readState()).not.toHaveProperty('unitName');
    // A name of spaces only is no name either.
    await consolidateCommune(target, [...readings, { ...iii1, unitName: '   ' }]);
    expect(await target.readState()).not.toHaveProperty('unitName');
  });
});

describe('two versions of one village sheet in the workbook', () => {
  async function twoVersions(): Promise<MemoryWorkbook> {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [ROAD]);
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [{ ...ROAD, quantity: 350, support: 140000 }], [], 'Thôn Nà Lìu - I.2 (2)');
    await wb.writeState({
      planYear: 2027,
      extra: { [SHEET_ORIGINS_KEY]: { 'Thôn Nà Lìu - I.2': { file: 'na-liu-thang-10.xlsx' }, 'Thôn Nà Lìu - I.2 (2)': { file: 'na-liu-thang-11.xlsx' } } },
    });
    return wb;
  }

  it('stop the run before anything is written, naming the files the tabs came from; the version chosen is consolidated alone', async () => {
    const wb = await twoVersions();
    const err = await consolidateCommune(wb).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SourceConflictError);
    const conflict = err as SourceConflictError;
    expect(conflict.message).toBe(
      'Có hai bản khác nhau của biểu I.2 của Thôn Nà Lìu (lĩnh vực Giao thông): trang "Thôn Nà Lìu - I.2"; trang "Thôn Nà Lìu - I.2 (2)". Chưa ghi gì: hãy chọn giữ bản nào (hoặc xác nhận đây là các đơn vị khác nhau trùng tên), rồi tổng hợp lại.',
    );
    expect(await wb.listSheets()).not.toContain('II.4.B');
    // The version chooser shows the file each tab was imported from.
    const [c] = conflict.conflicts;
    expect(c.candidates.map((k) => [k.sheet, k.file])).toEqual([
      ['Thôn Nà Lìu - I.2', 'na-liu-thang-10.xlsx'],
      ['Thôn Nà Lìu - I.2 (2)', 'na-liu-thang-11.xlsx'],
    ]);
    const later = c.candidates.find((k) => k.file === 'na-liu-thang-11.xlsx');
    const r = await consolidateCommune(wb, undefined, { sourceChoices: { [c.id]: later?.key ?? '' } });
    expect(r.plan.activities.map((a) => [a.activity, a.quantity, a.total])).toEqual([['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 350, 170000]]);
    expect(r.findings.filter((f) => f.code === 'SOURCE_VERSION_LEFT_OUT').map((f) => f.sheet)).toEqual(['Thôn Nà Lìu - I.2']);
  });
});

/** Sets the text of the cell of `sheet` whose text starts with `prefix` (the commune retyping a heading). */
function retype(wb: MemoryWorkbook, sheet: string, prefix: string, text: string): void {
  const cell = [...wb.sheet(sheet).cells.values()].find((c) => typeof c.value === 'string' && c.value.startsWith(prefix));
  if (!cell) throw new Error(`${sheet}: no cell starting with ${prefix}`);
  cell.value = text;
}

describe('what a damaged state is rebuilt from', () => {
  const PLAN_SHEETS = ['II.4.B', 'II.6.A', 'II.6.B', 'II.4.A'];

  async function planned(): Promise<MemoryWorkbook> {
    const wb = await villages();
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    return wb;
  }

  it.each(PLAN_SHEETS)('%s alone left of the plan sheets: the name and year are taken from it', async (kept) => {
    const wb = await planned();
    await wb.deleteSheets(PLAN_SHEETS.filter((n) => n !== kept));
    damageState(wb, '[]');
    const r = await consolidateCommune(wb);
    expect(r.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/; đã dựng lại từ các trang tính \(tên xã "Xã Tân Lập", năm 2027\)\.$/u);
  });

  it('a damaged state is a finding of the workbook, at no sheet', async () => {
    const wb = await planned();
    damageState(wb, '[]');
    const r = await consolidateCommune(wb);
    expect(r.findings.filter((f) => f.code === 'STATE_DAMAGED').map((f) => [f.sheet, f.severity])).toEqual([['', 'warning']]);
  });

  it('II.4.B cleared by hand: the next plan sheet is read', async () => {
    const wb = await planned();
    wb.sheet('II.4.B').cells.clear();
    damageState(wb, '[]');
    const r = await consolidateCommune(wb);
    expect(r.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/\(tên xã "Xã Tân Lập", năm 2027\)\.$/u);
  });

  it("the commune's name only, or the year only, is taken from the one sheet showing it", async () => {
    const wb = await planned();
    await wb.deleteSheets(['II.6.A', 'II.6.B', 'II.4.A']);
    retype(wb, 'II.4.B', 'Năm kế hoạch', 'Năm kế hoạch (X+1):');
    damageState(wb, '[]');
    const name = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(name.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/\(tên xã "Xã Tân Lập"\)\.$/u);

    const other = await planned();
    await other.deleteSheets(['II.6.A', 'II.6.B', 'II.4.A']);
    retype(other, 'II.4.B', 'Xã:', 'Xã:');
    damageState(other, '[]');
    const year = await consolidateCommune(other);
    expect(year.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/\(năm 2027\)\.$/u);
  });

  it('two fields mistyped: both named, one after the other', async () => {
    const wb = await planned();
    const state = JSON.parse((wb as unknown as { stateJson: string }).stateJson) as Record<string, unknown>;
    damageState(wb, JSON.stringify({ ...state, unitName: 12345, planYear: 'hai nghìn' }));
    const r = await consolidateCommune(wb);
    expect(r.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toMatch(/đã bỏ: [^;)]+; [^;)]+\); đã dựng lại từ các trang tính \(tên xã "Xã Tân Lập", năm 2027\)\.$/u);
  });

  it('a state the host cannot read at all: the plan is still written and the damage said', async () => {
    class Unreadable extends MemoryWorkbook {
      override async readState(): Promise<DocumentState> {
        throw new Error('Không đọc được phần lưu trạng thái của tệp');
      }
    }
    const wb = new Unreadable();
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [ROAD]);
    const r = await consolidateCommune(wb);
    expect(r.written.sheets).toContain('II.4.B');
    expect(r.findings.find((f) => f.code === 'STATE_DAMAGED')?.message).toBe(
      'Trạng thái LKH lưu trong tệp bị hỏng (Không đọc được phần lưu trạng thái của tệp); đã dựng lại từ các trang tính.',
    );
  });
});

describe('the plan year and its period', () => {
  it('the year from the first village sheet that shows one', async () => {
    const wb = await villages();
    retype(wb, 'Thôn Nà Lìu - I.2', 'Năm kế hoạch', 'Năm kế hoạch (X+1):');
    const r = await consolidateCommune(wb);
    expect((await wb.readState()).planYear).toBe(2027);
    expect(r.plan.planYear).toBe(2027);
  });

  it('no year anywhere: no year kept, no period finding', async () => {
    const wb = await villages();
    for (const s of ['Thôn Nà Lìu - I.2', 'Thôn Khe Mạ - I.2']) retype(wb, s, 'Năm kế hoạch', 'Năm kế hoạch (X+1):');
    const r = await consolidateCommune(wb);
    expect(await wb.readState()).not.toHaveProperty('planYear');
    expect(r.plan).not.toHaveProperty('planYear');
    expect(r.findings.filter((f) => f.code.startsWith('PERIOD_'))).toEqual([]);
    // A year of a known period chosen with its own period: nothing said either.
    const fine = await consolidateCommune(await villages(), undefined, { planYear: 2027, period: '2026-2030' });
    expect(fine.findings.filter((f) => f.code.startsWith('PERIOD_'))).toEqual([]);
  });

  it('a year after the known periods, or outside the chosen period, is said for the whole workbook', async () => {
    const beyond = await consolidateCommune(await villages(), undefined, { planYear: 2033 });
    expect(beyond.findings.filter((f) => f.code.startsWith('PERIOD_')).map((f) => [f.code, f.sheet, f.message])).toEqual([
      [
        'PERIOD_BEYOND_KNOWN',
        '',
        'Năm kế hoạch 2033 nằm sau giai đoạn mới nhất LKH biết (2026-2030): đang dùng danh mục chương trình của giai đoạn 2026-2030. Nếu đã có quyết định mới, hãy cập nhật trang "Danh mục".',
      ],
    ]);
    const mismatch = await consolidateCommune(await villages(), undefined, { planYear: 2027, period: '2021-2025' });
    const said = mismatch.findings.filter((f) => f.code.startsWith('PERIOD_'));
    expect(said.map((f) => [f.code, f.sheet])).toEqual([['PERIOD_OF_YEAR_MISMATCH', '']]);
    expect(said[0].message).toMatch(/^Năm kế hoạch 2027 thuộc giai đoạn 2026-2030 nhưng sổ tính đang chọn giai đoạn 2021-2025:/u);
  });

  it("the year reaches the plan and the report's title", async () => {
    const wb = await villages();
    const r = await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập' });
    expect(r.plan.planYear).toBe(2027);
    const [report] = await wb.readSheets([REPORT_SHEET]);
    expect(report.values.flat()).toContain('BÁO CÁO TỔNG HỢP — XÃ TÂN LẬP — NĂM KẾ HOẠCH 2027');
  });
});

describe('merges accepted on the run', () => {
  /** Two villages asking for the same seed (a merge is suggested), Nà Lìu's meeting of 40 of its 100 households. */
  async function seedVillages(): Promise<MemoryWorkbook> {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100 hộ'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '40', '20'),
    });
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Trồng trọt', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Khe Mạ', 'Trồng trọt', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 200, contribution: 5000, support: 5000 }]);
    return wb;
  }
  const merged = (r: { plan: { activities: readonly { activity: string; quantity?: number; mergedKeys?: readonly string[] }[] } }) =>
    r.plan.activities.filter((a) => a.mergedKeys).map((a) => [a.activity, a.quantity]);

  it("'all' accepts every suggestion; the merged plan keeps its year, name and the meeting's marks", async () => {
    const wb = await seedVillages();
    const r = await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027, acceptMerges: 'all' });
    expect(r.plan.suggestions.map((s) => s.accepted)).toEqual([true]);
    expect(merged(r)).toEqual([['Hỗ trợ giống lúa', 300]]);
    expect(r.plan).toMatchObject({ planYear: 2027, communeName: 'Xã Tân Lập' });
    expect(r.plan.meetings?.map((m) => [m.unit, m.valid])).toEqual([['Thôn Nà Lìu', false]]);
    // A re-run accepting 'all' again merges nothing twice.
    const again = await consolidateCommune(wb, undefined, { acceptMerges: 'all' });
    expect(merged(again)).toEqual([['Hỗ trợ giống lúa', 300]]);
    expect(again.plan.activities).toHaveLength(r.plan.activities.length);
  });

  it('a list accepts only the suggestions it names', async () => {
    const wb = await seedVillages();
    const first = await consolidateCommune(wb, undefined, { planYear: 2027, acceptMerges: ['khong-co-goi-y-nay'] });
    expect(merged(first)).toEqual([]);
    expect(first.plan.suggestions.map((s) => s.accepted)).toEqual([false]);
    const second = await consolidateCommune(wb, undefined, { acceptMerges: [first.plan.suggestions[0].id] });
    expect(merged(second)).toEqual([['Hỗ trợ giống lúa', 300]]);
    expect(second.plan.planYear).toBe(2027);
  });

  it('without acceptMerges nothing is merged', async () => {
    const r = await consolidateCommune(await seedVillages(), undefined, { planYear: 2027 });
    expect(merged(r)).toEqual([]);
    expect(r.plan.suggestions).toHaveLength(1);
  });
});

describe("the allocation checks", () => {
  it("the villages' share counts the plan's activities, not a row no source proposes any more", async () => {
    const wb = await villages();
    await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Trồng trọt', [{ activity: 'Tập huấn kỹ thuật canh tác lúa', unit: 'lớp', support: 8000, note: 'CT Nông thôn mới' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Pác Bó', 'Thủy lợi', [{ activity: 'Kiên cố hóa kênh mương', unit: 'm', support: 100000, note: 'CT Nông thôn mới' }]);
    const share = (r: Awaited<ReturnType<typeof consolidateCommune>>) => r.checks.checks.find((c) => c.id === 'village-share')?.shares?.[0];
    // Ngân sách: Khe Mạ's seeds 8.000 and Pác Bó's canal 100.000 of the villages', the department's training 8.000.
    expect(share(await consolidateCommune(wb, undefined, { planYear: 2027 }))).toMatchObject({ base: 'budget', village: 108000, total: 116000 });
    // Pác Bó's sheet removed: its row stays on II.4.B marked as gone, and no longer counts.
    await wb.deleteSheets(['Thôn Pác Bó - I.2']);
    const r = await consolidateCommune(wb);
    expect(r.plan.activities.filter((a) => a.status === 'vanished').map((a) => a.activity)).toEqual(['Kiên cố hóa kênh mương (Thôn Pác Bó)']);
    expect(share(r)).toMatchObject({ base: 'budget', village: 8000, total: 16000, share: 0.5 });
    expect(r.checks.checks.find((c) => c.id === 'village-share')?.passed).toBe(false);
  });

  it('without a III.1 the missing allocation is said on II.6.A', async () => {
    const r = await consolidateCommune(await villages(), undefined, { planYear: 2027 });
    expect(r.findings.filter((f) => f.code === 'III1_MISSING').map((f) => f.sheet)).toEqual(['II.6.A']);
  });
});

describe("the workbook's own Danh mục of the plan's period", () => {
  it('is used, and said with its count and period', async () => {
    const wb = await villages();
    await wb.writeState({ planYear: 2027, period: '2026-2030' });
    await createActions(wb).writeCatalogue();
    const r = await consolidateCommune(wb);
    const used = r.findings.filter((f) => f.code === 'CATALOGUE_USED');
    expect(used.map((f) => f.sheet)).toEqual([CATALOGUE_SHEET]);
    expect(used[0].message).toMatch(/^Đang dùng danh mục chương trình, dự án, nguồn vốn trong trang "Danh mục" của sổ tính \(\d+ mục, giai đoạn 2026-2030\) thay cho danh mục có sẵn\.$/u);
  });
});
