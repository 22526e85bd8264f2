/**
 * rollUpCommunes as one call (rollup.ts): the level above named and remembered (province or
 * district), the day read, what it says while it works, the tabs of a shared spreadsheet imported
 * once, a III.1 sent alone for a commune whose plan the tables hold, the funds and where they come
 * from, the commune whose feedback is shown, the data tables left alone when nothing changed, the
 * sheets of the earlier layout removed with their copies, and the state written back.
 */
import { formEdition } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, DocumentState } from '../../src/port/types';
import { recordedFindings } from '../../src/workflow/findings';
import type { DistrictSource } from '../../src/workflow/upper-level';
import { DATA_TABLES, DISTRICT_REPORT_SHEET, FEEDBACK_VIEW, FIGURES_TABLE, II6B_TABLE, rollUpCommunes } from '../../src/workflow/upper-level';
import { commune } from './fixtures/packages';

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

async function lines(wb: MemoryWorkbook, sheet: string): Promise<string[]> {
  const [d] = await wb.readSheets([sheet]);
  return d.values.map((r) => r.map(text).filter((t) => t !== '').join(' | '));
}

/** A province's III.1 for one commune (triệu đồng), in a file of its own. */
async function iii1Of(communeName: string, amount: number): Promise<DistrictSource> {
  const wb = MemoryWorkbook.fromArrays({});
  await wb.createSheet(layoutForm(getForm('III.1'), { planYear: 2027, unitName: communeName, sheetName: 'III.1', fixedValues: { sources: { 'chi-thuong-xuyen': { amount } } } }));
  return { port: wb, file: `III.1 ${communeName}.xlsx` };
}

/** The upper level's IV.1 with its total (triệu đồng). */
async function iv1Of(unit: string, amount: number): Promise<DistrictSource> {
  const wb = MemoryWorkbook.fromArrays({});
  await wb.createSheet(layoutForm(formEdition(getForm('IV.1'), '2026-2030'), { planYear: 2027, unitName: unit, sheetName: 'IV.1', fixedValues: { sources: { tinh: { amount } } } }));
  return { port: wb, file: 'IV.1.xlsx' };
}

const state = async (wb: MemoryWorkbook): Promise<DocumentState> => wb.readState();
const upper = (s: DocumentState): Record<string, unknown> => (s.extra?.upper ?? {}) as Record<string, unknown>;

describe('the level above, named and remembered', () => {
  it.each([
    ['  Tỉnh Lào Cai  ', 'Tỉnh Lào Cai', 'tinh'],
    ['Thành phố Hà Nội', 'Thành phố Hà Nội', 'tinh'],
    ['tỉnh', 'tỉnh', 'tinh'],
    ['Huyện Bắc Hà', 'Huyện Bắc Hà', 'huyen'],
    // A district whose own name begins like a province's is a district.
    ['Huyện Tĩnh Gia', 'Huyện Tĩnh Gia', 'huyen'],
    ['Thị xã Sa Pa', 'Thị xã Sa Pa', 'huyen'],
  ])('"%s" is written as "%s", a level of kind %s', async (given, name, level) => {
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([await commune(1, 3)], target, { upperLevel: given, today: '2026-11-09' });
    expect(rollup.upperLevel).toBe(name);
    const s = await state(target);
    expect([s.upperLevelName, s.level]).toEqual([name, level]);
  });

  it('keeps the kind of level and the plan year the workbook already has', async () => {
    const target = MemoryWorkbook.fromArrays({}, { state: { level: 'huyen', planYear: 2026 } });
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const s = await state(target);
    expect([s.level, s.planYear]).toEqual(['huyen', 2026]);
    // A workbook without one takes the plan year the communes' forms give.
    const fresh = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], fresh, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect((await state(fresh)).planYear).toBe(2027);
  });

  it('without a name: the one the workbook remembers, else the level above for the plan year asked, else for the workbook\'s', async () => {
    const remembered = MemoryWorkbook.fromArrays({}, { state: { upperLevelName: '  Tỉnh Hà Giang ' } });
    expect((await rollUpCommunes([await commune(1, 3)], remembered, { upperLevel: '   ', today: '2026-11-09' })).rollup.upperLevel).toBe('Tỉnh Hà Giang');
    // Before the province became the level above (2026): the district.
    const before = MemoryWorkbook.fromArrays({}, { state: { planYear: 2027 } });
    expect((await rollUpCommunes([await commune(1, 3)], before, { planYear: 2025, today: '2026-11-09' })).rollup.upperLevel).toBe('Huyện');
    const fromState = MemoryWorkbook.fromArrays({}, { state: { planYear: 2025 } });
    expect((await rollUpCommunes([await commune(1, 3)], fromState, { today: '2026-11-09' })).rollup.upperLevel).toBe('Huyện');
    const later = MemoryWorkbook.fromArrays({});
    const r = await rollUpCommunes([await commune(1, 3)], later, { today: '2026-11-09' });
    expect(r.rollup.upperLevel).toBe('Tỉnh');
    expect((await state(later)).level).toBe('tinh');
  });
});

describe('one run of the roll-up', () => {
  it('says what it is doing, in order, and ends done', async () => {
    const said: [number, string][] = [];
    await rollUpCommunes([await commune(1, 3)], MemoryWorkbook.fromArrays({}), { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09', progress: (f, m) => said.push([f, m]) });
    expect(said).toEqual([
      [0, 'Đang đọc ý kiến thẩm định đã nhập ở lần tổng hợp trước…'],
      [0.1, 'Đang đọc biểu của các xã…'],
      [0.4, 'Đang đọc bảng dữ liệu các xã…'],
      [0.5, 'Đang tổng hợp…'],
      [0.7, 'Đang ghi bảng dữ liệu, các trang tổng hợp và phản hồi…'],
      [1, 'Đã tổng hợp xong.'],
    ]);
  });

  it('dates what it reads with the day given, else today as YYYY-MM-DD', async () => {
    const given = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], given, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(upper(await state(given)).communes).toEqual({ 'so 001': expect.objectContaining({ name: 'Xã Số 001', read: '2026-11-09' }) });
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai' });
    const read = (upper(await state(target)).communes as Record<string, { read: string }>)['so 001'].read;
    expect(read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [ii6b] = await target.readSheets([II6B_TABLE]);
    const col = ii6b.values[0].indexOf('Ngày đọc');
    expect(ii6b.values.slice(1).map((r) => r[col])).toEqual([read, read]);
  });

  it("imports a shared spreadsheet's tabs once, and still reads another commune's file whose tabs have the same names", async () => {
    // The province's spreadsheet holds Xã Số 001's tabs "II.6.A" and "II.6.B".
    const shared = (await commune(1, 3)).port as MemoryWorkbook;
    const first = await rollUpCommunes([{ port: shared }], shared, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(first.imported.map((i) => [i.name, i.fromTabs])).toEqual([['Xã Số 001', true]]);
    expect(upper(await state(shared)).imported).toEqual({ 'II.6.A': '2026-11-09', 'II.6.B': '2026-11-09' });
    // Then Xã Số 002 sends its file, tabs named "II.6.A" and "II.6.B" too.
    const second = await rollUpCommunes([{ port: shared }, await commune(2, 3)], shared, { today: '2026-11-10' });
    expect(second.imported.map((i) => [i.name, i.fromTabs, i.read.count])).toEqual([['Xã Số 002', false, 3]]);
    expect(second.rollup.communes.map((c) => [c.name, c.count])).toEqual([
      ['Xã Số 001', 3],
      ['Xã Số 002', 3],
    ]);
    // The shared tabs are not read again; only they are remembered as imported, with their first day.
    expect(second.reading.sheets.filter((s) => s.used).map((s) => s.file)).toEqual(['Xã Số 002.xlsx', 'Xã Số 002.xlsx']);
    expect(upper(await state(shared)).imported).toEqual({ 'II.6.A': '2026-11-09', 'II.6.B': '2026-11-09' });
  });

  it('tells a file from tabs: a spreadsheet given without a file name is not the target\'s tabs', async () => {
    const other = (await commune(3, 3)).port;
    const target = MemoryWorkbook.fromArrays({});
    const r = await rollUpCommunes([{ port: other }], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(r.imported.map((i) => [i.name, i.fromTabs])).toEqual([['Xã Số 003', false]]);
    expect(upper(await state(target)).imported).toEqual({});
    expect((await lines(target, DISTRICT_REPORT_SHEET)).some((l) => l.includes('nhập mới hoặc thay 1 xã; giữ nguyên 0 xã đã có.'))).toBe(true);
  });

  it('a III.1 sent alone for a commune whose plan the tables hold is no problem; for one without a plan it is', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const r = await rollUpCommunes([await iii1Of('Xã Số 001', 900), await iii1Of('Xã Số 009', 300)], target, { today: '2026-11-10' });
    const codes = r.rollup.issues.filter((i) => i.code === 'III1_WITHOUT_PLAN' || i.code === 'NO_COMMUNE_PLAN').map((i) => [i.code, i.params.commune]);
    expect(codes).toEqual([['III1_WITHOUT_PLAN', 'Xã Số 009']]);
    // The commune without a plan has nothing to be fed back: the view shows the one with activities.
    expect(r.feedbackCommune).toBe('Xã Số 001');
    expect(r.rollup.communes.find((c) => c.name === 'Xã Số 001')).toMatchObject({ count: 3 });
    // Both read this time (Xã Số 001's new III.1 over its stored plan): none kept as it was.
    expect((await lines(target, DISTRICT_REPORT_SHEET)).some((l) => l.includes('nhập mới hoặc thay 2 xã; giữ nguyên 0 xã đã có.'))).toBe(true);
    // Even when asked for: its feedback would be empty.
    const asked = await rollUpCommunes([], target, { feedbackCommune: 'Xã Số 009', today: '2026-11-10' });
    expect(asked.feedbackCommune).toBe('Xã Số 001');
  });
});

describe('communes read again, and the period', () => {
  it('reads the tabs of the target and the files given beside them, and remembers only the tabs as imported', async () => {
    const shared = (await commune(1, 3)).port as MemoryWorkbook;
    const r = await rollUpCommunes([{ port: shared }, await commune(2, 3)], shared, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(r.imported.map((i) => [i.name, i.fromTabs])).toEqual([
      ['Xã Số 001', true],
      ['Xã Số 002', false],
    ]);
    expect(upper(await state(shared)).imported).toEqual({ 'II.6.A': '2026-11-09', 'II.6.B': '2026-11-09' });
    expect((await lines(shared, DISTRICT_REPORT_SHEET)).some((l) => l.includes('nhập mới hoặc thay 2 xã (1 xã từ các trang theo cách sắp xếp cũ, mỗi xã một trang); giữ nguyên 0 xã đã có.'))).toBe(true);
  });

  it('leaves out a file older than the one the tables hold, and says so', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3, { modified: '2026-10-20T08:00:00Z' })], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const before = await lines(target, II6B_TABLE);
    const r = await rollUpCommunes([await commune(1, 3, { variant: 7, modified: '2026-10-01T08:00:00Z' })], target, { today: '2026-11-10' });
    expect(r.imported).toEqual([]);
    expect(r.rollup.issues.filter((i) => i.code === 'COMMUNE_OLDER_VERSION_LEFT').map((i) => i.params.commune)).toEqual(['Xã Số 001']);
    expect(await lines(target, II6B_TABLE)).toEqual(before);
    expect(upper(await state(target)).communes).toEqual({ 'so 001': expect.objectContaining({ read: '2026-11-09', modified: '2026-10-20T08:00:00Z' }) });
  });

  it('an empty form sent for a commune whose plan the tables hold is no problem; for a new commune it is', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const empty = async (name: string): Promise<DistrictSource> => {
      const wb = MemoryWorkbook.fromArrays({});
      await wb.createSheet(layoutForm(getForm('II.6.B'), { planYear: 2027, unitName: name, sheetName: 'II.6.B', body: { activities: [] } }));
      return { port: wb, file: `${name} trống.xlsx` };
    };
    const r = await rollUpCommunes([await empty('Xã Số 001'), await empty('Xã Số 010')], target, { today: '2026-11-10' });
    expect(r.rollup.issues.filter((i) => i.code === 'NO_COMMUNE_PLAN' || i.code === 'III1_WITHOUT_PLAN').map((i) => [i.code, i.params.commune])).toEqual([['NO_COMMUNE_PLAN', 'Xã Số 010']]);
    // The stored plan is kept.
    expect(r.rollup.communes.find((c) => c.name === 'Xã Số 001')).toMatchObject({ count: 3 });
  });

  it('the period given is the communes\' period; without one, the period of the plan year given, else of the workbook\'s', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', period: '2021-2025', today: '2026-11-09' });
    const periodOf = async () => (upper(await state(target)).communes as Record<string, { period?: string }>)['so 001'].period;
    expect(await periodOf()).toBe('2021-2025');
    // The state's memory of the communes lost (the tables kept): each stored commune takes the run's period.
    const forget = async () => {
      const s = await state(target);
      await target.writeState({ ...s, extra: { ...s.extra, upper: { ...upper(s), communes: {} } } });
    };
    await forget();
    await rollUpCommunes([], target, { period: '2021-2025', today: '2026-11-10' });
    expect(await periodOf()).toBe('2021-2025');
    await forget();
    await rollUpCommunes([], target, { planYear: 2025, today: '2026-11-10' });
    expect(await periodOf()).toBe('2021-2025');
    await forget();
    await rollUpCommunes([], target, { today: '2026-11-10' });
    expect(await periodOf()).toBe('2026-2030');
  });

  it('the plan year given wins over the one the forms carry', async () => {
    const r = await rollUpCommunes([await commune(1, 3)], MemoryWorkbook.fromArrays({}), { upperLevel: 'Tỉnh Lào Cai', planYear: 2026, today: '2026-11-09' });
    expect(r.rollup.planYear).toBe(2026);
    const read = await rollUpCommunes([await commune(1, 3)], MemoryWorkbook.fromArrays({}), { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(read.rollup.planYear).toBe(2027);
  });
});

describe("an activity's own words", () => {
  it('carries its objective into the data table, and none where the commune wrote none', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const row = (activity: string, objective?: string) => ({
      kind: 'data' as const,
      values: { activity, ...(objective ? { objective } : {}), sector: 'Giao thông', unit: 'km', quantity: 1, total: 50000, contribution: 5000, budget: 0, proposed: 45000 },
    });
    await wb.createSheet(layoutForm(getForm('II.6.B'), { planYear: 2027, unitName: 'Xã Cốc Ly', sheetName: 'II.6.B', body: { activities: [row('Làm đường lên bản', 'Đi lại thuận tiện mùa mưa'), row('Sửa cầu tràn')] } }));
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([{ port: wb, file: 'coc-ly.xlsx' }], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const [t] = await target.readSheets([II6B_TABLE]);
    const col = (h: string) => t.values[0].indexOf(h);
    expect(t.values.slice(1).map((r) => [r[col('Hoạt động')], r[col('Mục tiêu')] ?? null])).toEqual([
      ['Làm đường lên bản', 'Đi lại thuận tiện mùa mưa'],
      ['Sửa cầu tràn', null],
    ]);
  });
});

describe('the funds and where they come from', () => {
  it('given, else from IV.1, else the last run’s, else none', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const none = await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect([none.rollup.funds, none.rollup.fundsFrom]).toEqual([undefined, undefined]);
    expect(upper(await state(target))).not.toHaveProperty('funds');
    // Zero given is given.
    const zero = await rollUpCommunes([], target, { funds: 0, today: '2026-11-09' });
    expect([zero.rollup.funds, zero.rollup.fundsFrom]).toEqual([0, { kind: 'option' }]);
    const iv1 = await rollUpCommunes([await iv1Of('Tỉnh Lào Cai', 700)], target, { today: '2026-11-09' });
    expect([iv1.rollup.funds, iv1.rollup.fundsFrom]).toEqual([700, { kind: 'iv1', sheets: ['IV.1.xlsx — IV.1'] }]);
    expect(upper(await state(target)).funds).toBe(700);
    const saved = await rollUpCommunes([], target, { today: '2026-11-10' });
    expect([saved.rollup.funds, saved.rollup.fundsFrom]).toEqual([700, { kind: 'saved' }]);
  });

  it('keeps the IV.1 read in the figures table when a later run reads only a commune', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3), await iv1Of('Tỉnh Lào Cai', 700)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const figures = async () => (await lines(target, FIGURES_TABLE)).filter((l) => l.includes('IV.1'));
    const before = await figures();
    expect(before.length).toBeGreaterThan(0);
    await rollUpCommunes([await commune(2, 3)], target, { today: '2026-11-10' });
    expect(await figures()).toEqual(before);
    // A new IV.1 alone, no commune changed: the figures table takes it.
    const r = await rollUpCommunes([await iv1Of('Tỉnh Lào Cai', 950)], target, { today: '2026-11-11' });
    expect(r.rollup.funds).toBe(950);
    const after = await figures();
    expect(after).toHaveLength(before.length);
    expect(after).not.toEqual(before);
    expect(after.join('\n')).toContain('950');
  });

  it('reads the memory of an earlier version ("district") once and leaves it for "upper"', async () => {
    const target = MemoryWorkbook.fromArrays({}, { state: { extra: { district: { funds: 900 }, other: 'giữ' } } });
    const r = await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect([r.rollup.funds, r.rollup.fundsFrom]).toEqual([900, { kind: 'saved' }]);
    const s = await state(target);
    expect(s.extra).not.toHaveProperty('district');
    expect(s.extra?.other).toBe('giữ');
    expect(upper(s)).toMatchObject({ funds: 900, sheets: r.sheets, feedbackCommune: 'Xã Số 001' });
    // The roll-up's findings are kept with the workbook's own.
    expect(recordedFindings(s).map((x) => x.origin)).toEqual(['rollup']);
    expect(recordedFindings(s)[0].findings.map((f) => f.code)).toEqual(expect.arrayContaining(r.rollup.issues.map((i) => i.code)));
  });
});

describe('the commune whose feedback is shown', () => {
  it('as asked, else the one chosen last, else the first; an unknown name said and another shown', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const all = [await commune(1, 3), await commune(2, 3)];
    const first = await rollUpCommunes(all, target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(first.feedbackCommune).toBe('Xã Số 001');
    expect(first.rollup.issues.map((i) => i.code)).not.toContain('FEEDBACK_COMMUNE_UNKNOWN');
    const asked = await rollUpCommunes([], target, { feedbackCommune: 'xã số 002', today: '2026-11-09' });
    expect(asked.feedbackCommune).toBe('Xã Số 002');
    expect(asked.rollup.issues.map((i) => i.code)).not.toContain('FEEDBACK_COMMUNE_UNKNOWN');
    expect(upper(await state(target)).feedbackCommune).toBe('Xã Số 002');
    expect((await lines(target, FEEDBACK_VIEW)).join('\n')).toContain('Xã Số 002');
    const again = await rollUpCommunes([], target, { today: '2026-11-09' });
    expect(again.feedbackCommune).toBe('Xã Số 002');
    const unknown = await rollUpCommunes([], target, { feedbackCommune: 'Xã Không Có', today: '2026-11-09' });
    expect(unknown.rollup.issues.filter((i) => i.code === 'FEEDBACK_COMMUNE_UNKNOWN').map((i) => [i.params.commune, i.sheet])).toEqual([['Xã Không Có', FEEDBACK_VIEW]]);
    expect(unknown.feedbackCommune).toBe('Xã Số 002');
    // Recorded with the workbook's findings.
    const recorded = recordedFindings(await state(target)).find((x) => x.origin === 'rollup');
    expect(recorded?.findings.map((f) => f.code)).toContain('FEEDBACK_COMMUNE_UNKNOWN');
  });

  it('none yet: the view says so, and no commune is remembered', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const r = await rollUpCommunes([await iii1Of('Xã Số 009', 300)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(r.feedbackCommune).toBeUndefined();
    expect(r).not.toHaveProperty('feedbackCommune');
    expect(await lines(target, FEEDBACK_VIEW)).toEqual(['Chưa có xã nào có hoạt động để phản hồi.']);
    expect(upper(await state(target))).not.toHaveProperty('feedbackCommune');
  });
});

describe('what a run rewrites', () => {
  it('leaves the data tables alone when no commune changed, and rewrites them all when one did', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const created = () => target.stats.createSheet;
    const before = created();
    const quiet = await rollUpCommunes([], target, { today: '2026-11-10' });
    // The summaries and the report only (six and one): the tables already hold exactly these rows.
    expect(created() - before).toBe(7);
    expect(quiet.sheets.slice(0, DATA_TABLES.length)).toEqual([...DATA_TABLES]);
    const mid = created();
    await rollUpCommunes([await commune(2, 3)], target, { today: '2026-11-10' });
    expect(created() - mid).toBe(7 + DATA_TABLES.length);
  });

  it("removes the earlier layout's feedback sheets and their copies, and nothing else", async () => {
    const target = MemoryWorkbook.fromArrays({ 'Phản hồi - Xã Số 001': [['cũ']], 'Phản hồi - Xã Số 001 (cũ)': [['cũ hơn']], 'Ghi chú': [['của tỉnh']] });
    const r = await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(r.removed).toEqual(['Phản hồi - Xã Số 001', 'Phản hồi - Xã Số 001 (cũ)']);
    const names = await target.listSheets();
    expect(names.filter((n) => n.startsWith('Phản hồi - '))).toEqual([]);
    expect(names).toContain('Ghi chú');
    // A workbook without them: nothing deleted.
    const clean = MemoryWorkbook.fromArrays({ 'Ghi chú': [['của tỉnh']] });
    const again = await rollUpCommunes([await commune(1, 3)], clean, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    expect(again.removed).toEqual([]);
    expect(clean.stats.deleteSheets).toBe(0);
  });

  it('writes its state even when the workbook\'s earlier state cannot be read', async () => {
    class Damaged extends MemoryWorkbook {
      written = false;
      override async readState(): Promise<DocumentState> {
        if (!this.written) throw new Error('trạng thái hỏng');
        return super.readState();
      }
      override async writeState(s: DocumentState): Promise<void> {
        this.written = true;
        return super.writeState(s);
      }
    }
    const target = new Damaged();
    const r = await rollUpCommunes([await commune(1, 3)], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
    const s = await target.readState();
    expect([s.upperLevelName, s.level, s.planYear]).toEqual(['Tỉnh Lào Cai', 'tinh', 2027]);
    expect(upper(s).sheets).toEqual(r.sheets);
  });
});
