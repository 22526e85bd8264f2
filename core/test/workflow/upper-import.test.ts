/**
 * Communes' packages into the province's long tables (import.ts): a package read again over what
 * the tables hold (a plan replaces the plan, a III.1 alone only the figures, an older file is left
 * out and said), what was read against what is stored, and the import into tables a person has
 * rearranged — old rows cleared where they stand, new rows below, in the columns as they now are,
 * the state's other memories kept.
 */
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue } from '../../src/port/types';
import type { Finding } from '../../src/validate/messages';
import type { CommuneInput, StoredCommune } from '../../src/workflow/upper-level';
import { FIGURES_TABLE, II6A_TABLE, II6B_TABLE, importCommunePackages } from '../../src/workflow/upper-level';
import { importedOf, merged } from '../../src/workflow/upper-level/import';
import { commune as communePackage } from './fixtures/packages';

const III1: FormReading = { sheet: 'III.1', formId: 'III.1', confidence: 1, strengths: [], difficulties: [], activities: [], fixedValues: { tinh: { amount: 600 } }, findings: [] };

function input(name: string, totals: readonly number[], extra: Partial<CommuneInput> = {}): CommuneInput {
  return {
    name,
    key: 'tan lap',
    activities: totals.map((total, i) => ({ key: `r-${i}`, keyDerived: false, form: 'II.6.B', onlyInIi4b: false, topic: 'csht', sector: 'Giao thông', activity: `Hoạt động ${i + 1}`, total, contribution: 0, budget: 0, proposed: total, source: { sheet: 'II.6.B', row: 8 + i, cells: {} } })),
    situations: [],
    forms: {},
    period: '2026-2030',
    where: [`${name}.xlsx — II.6.B`],
    ...extra,
  };
}

describe('a commune read again over the tables', () => {
  const stored: StoredCommune = { input: input('Xã Tân Lập', [100, 200], { iii1: III1, where: ['cu.xlsx — II.6.B', 'cu.xlsx — III.1'] }), read: '2026-11-01', modified: '2026-10-20T08:00:00Z' };

  it('is new: stored as read, with its date and version', () => {
    const c = input('Xã Tân Lập', [5], { modified: '2026-10-01T00:00:00Z' });
    expect(merged(undefined, c, '2026-11-09', [])).toEqual({ input: c, read: '2026-11-09', modified: '2026-10-01T00:00:00Z' });
    expect(merged(undefined, input('Xã Tân Lập', [5]), '2026-11-09', [])).toEqual({ input: input('Xã Tân Lập', [5]), read: '2026-11-09' });
  });

  it("with a plan: its plan replaces the stored one, the stored III.1 kept when it sent none, the newest version remembered", () => {
    const issues: Finding[] = [];
    const c = input('xã tân lập', [7, 8, 9], { where: ['moi.xlsx — II.6.B'] });
    const next = merged(stored, c, '2026-11-09', issues);
    expect(next).toEqual({ input: { ...c, iii1: III1, where: ['moi.xlsx — II.6.B'] }, read: '2026-11-09', modified: '2026-10-20T08:00:00Z' });
    expect(issues).toEqual([]);
    // A newer file, dated: its date.
    const newer = merged(stored, { ...c, modified: '2026-10-25T08:00:00Z' }, '2026-11-09', []);
    expect(newer?.modified).toBe('2026-10-25T08:00:00Z');
    // The same date: read (not older).
    expect(merged(stored, { ...c, modified: '2026-10-20T08:00:00Z' }, '2026-11-09', [])?.input.activities).toHaveLength(3);
  });

  it('with only its difficulties: they count as a plan (the activities replaced by none)', () => {
    const c = input('Xã Tân Lập', [], { situations: [{ difficulty: 'Thiếu nước', solutions: [], sector: '' }] });
    expect(merged(stored, c, '2026-11-09', [])?.input.activities).toEqual([]);
  });

  it('with a III.1 alone: the stored plan and name kept, the new III.1 taken, both places listed', () => {
    const iii1 = { ...III1, fixedValues: { tinh: { amount: 700 } } };
    const c = input('Tân Lập', [], { iii1, where: ['III.1.xlsx — III.1 Tân Lập', 'cu.xlsx — III.1'] });
    const next = merged(stored, c, '2026-11-09', []);
    expect(next).toEqual({
      input: { ...stored.input, iii1, where: ['cu.xlsx — II.6.B', 'cu.xlsx — III.1', 'III.1.xlsx — III.1 Tân Lập'] },
      read: '2026-11-09',
      modified: '2026-10-20T08:00:00Z',
    });
    // Neither holding a III.1: none.
    const bare = merged({ ...stored, input: input('Xã Tân Lập', [100, 200]) }, input('Tân Lập', [], { where: [] }), '2026-11-09', []);
    expect(bare?.input).not.toHaveProperty('iii1');
    // Without any version date, the stored one has none either.
    expect(merged({ input: stored.input, read: 'x' }, input('Tân Lập', []), '2026-11-09', [])).not.toHaveProperty('modified');
  });

  it('from an older file than the one stored: left out, and said', () => {
    const issues: Finding[] = [];
    const old = input('Xã Tân Lập', [1], { modified: '2026-10-19T08:00:00Z', where: ['ban-cu.xlsx — II.6.B', 'ban-cu.xlsx — II.6.A'] });
    expect(merged(stored, old, '2026-11-09', issues)).toBeUndefined();
    // About the commune as a whole: no sheet named.
    expect(issues.map((f) => [f.code, f.sheet, f.params.commune, f.message])).toEqual([
      ['COMMUNE_OLDER_VERSION_LEFT', '', 'Xã Tân Lập', 'Xã Tân Lập có hai bản kế hoạch khác nhau: đã dùng bản mới hơn (bảng dữ liệu các xã (đọc ngày 2026-11-01)), bỏ qua bản cũ (ban-cu.xlsx — II.6.B; ban-cu.xlsx — II.6.A).'],
    ]);
  });

  it('is compared with the rows the tables now hold for it', () => {
    const c = input('Xã Tân Lập', [100, 250.5]);
    const next = merged(undefined, c, 'x', []) as StoredCommune;
    expect(importedOf(c, next, true)).toEqual({ name: 'Xã Tân Lập', key: 'tan lap', fromTabs: true, read: { count: 2, amount: 350.5 }, stored: { count: 2, amount: 350.5 }, balanced: true });
    // A III.1 alone: nothing to compare, what the tables hold is what was read (none).
    const only = input('Xã Tân Lập', [], { iii1: III1 });
    expect(importedOf(only, { input: { ...only, activities: input('x', [1, 2, 3]).activities }, read: 'x' }, false)).toEqual({ name: 'Xã Tân Lập', key: 'tan lap', fromTabs: false, read: { count: 0, amount: 0 }, stored: { count: 0, amount: 0 }, balanced: true });
    // The stored rows differ from those read: not balanced, by count or by half a thousand đồng.
    expect(importedOf(c, { input: input('Xã Tân Lập', [100]), read: 'x' }, false)).toMatchObject({ stored: { count: 1, amount: 100 }, balanced: false });
    expect(importedOf(c, { input: input('Xã Tân Lập', [100, 250]), read: 'x' }, false).balanced).toBe(false);
    expect(importedOf(c, { input: input('Xã Tân Lập', [100, 250.1]), read: 'x' }, false).balanced).toBe(true);
  });
});

describe('packages into tables a person rearranged', () => {
  it('clears the old rows where they stand, writes the new below in the columns as they are now, and keeps the state', async () => {
    const target = MemoryWorkbook.fromArrays({}, { state: { upperLevelName: 'Tỉnh Lào Cai', extra: { upper: { funds: 700, feedbackCommune: 'Xã Số 001', imported: { 'Xã Cũ - II.6.B': '2026-10-01' } }, khac: 1 } } });
    const first = await importCommunePackages([await communePackage(1, 3), await communePackage(2, 3)], target, { today: '2026-11-02' });
    expect(first.imported.map((c) => [c.name, c.read.count, c.stored.count, c.balanced])).toEqual([
      ['Xã Số 001', 3, 3, true],
      ['Xã Số 002', 3, 3, true],
    ]);
    // Someone moves "Xã" to the end of II.6.B and adds a column of their own before it.
    const [d] = await target.readSheets([II6B_TABLE]);
    const header = d.values[0].map((v) => String(v ?? ''));
    const xa = header.indexOf('Xã');
    const moved = d.values.map((r, i) => [...r.slice(0, xa), ...r.slice(xa + 1), i === 0 ? 'Ghi chú riêng' : 'x', r[xa]]);
    await target.writeValues([{ sheet: II6B_TABLE, row: 0, col: 0, values: moved }]);
    // Xã Số 002 sends a corrected package.
    const again = await importCommunePackages([await communePackage(2, 3, { variant: 5 })], target, { today: '2026-11-09' });
    expect(again).toMatchObject({ done: 1, issues: [], imported: [{ name: 'Xã Số 002', read: { count: 3 }, stored: { count: 3 }, balanced: true }] });
    const [after] = await target.readSheets([II6B_TABLE]);
    const h = after.values[0].map((v) => String(v ?? ''));
    expect(h.slice(-2)).toEqual(['Ghi chú riêng', 'Xã']);
    const col = (name: string) => h.indexOf(name);
    const rows = after.values.slice(1).map((r) => [r[col('Xã')] ?? null, r[col('Ngày đọc')] ?? null, r[col('Tổng số (1.000 đồng)')] ?? null, r[col('Ghi chú riêng')] ?? null] as CellValue[]);
    // Xã Số 001's rows untouched; Xã Số 002's old rows cleared where they stood; its new ones at the end, in the moved column.
    expect(rows).toEqual([
      ['Xã Số 001', '2026-11-02', 50100, 'x'],
      ['Xã Số 001', '2026-11-02', 50200, 'x'],
      [null, null, null, null],
      [null, null, null, null],
      ['Xã Số 002', '2026-11-09', 50105, null],
      ['Xã Số 002', '2026-11-09', 50205, null],
    ]);
    // II.6.A as written: the commune's row replaced in the same way.
    const [a] = await target.readSheets([II6A_TABLE]);
    expect(a.values.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['Xã Số 001', '2026-11-02'],
      [null, null],
      ['Xã Số 002', '2026-11-09'],
    ]);
    // The state: the communes remembered, the rest as it was.
    const state = await target.readState();
    expect(state.upperLevelName).toBe('Tỉnh Lào Cai');
    expect(state.extra?.khac).toBe(1);
    expect(state.extra?.upper).toMatchObject({ funds: 700, feedbackCommune: 'Xã Số 001', imported: { 'Xã Cũ - II.6.B': '2026-10-01' }, communes: { 'so 001': { name: 'Xã Số 001', read: '2026-11-02' }, 'so 002': { name: 'Xã Số 002', read: '2026-11-09' } } });
  });

  it("sends a III.1 alone into the figures, leaving the commune's plan as stored; reads nothing new from an older file", async () => {
    const target = MemoryWorkbook.fromArrays({});
    await importCommunePackages([await communePackage(1, 3, { modified: '2026-10-05T08:00:00Z' })], target, { today: '2026-11-02' });
    const iii1 = MemoryWorkbook.fromArrays({});
    await iii1.createSheet(layoutForm(getForm('III.1'), { planYear: 2027, unitName: 'Xã Số 001', sheetName: 'III.1', fixedValues: { sources: { 'chi-thuong-xuyen': { amount: 800 } } } }));
    const r = await importCommunePackages([{ port: iii1, file: 'III.1.xlsx' }], target, { today: '2026-11-03' });
    // No plan in it: what was read is none, and nothing is said to be missing since the tables hold the plan.
    expect(r.imported.map((c) => [c.name, c.read.count, c.stored.count, c.balanced])).toEqual([['Xã Số 001', 0, 0, true]]);
    expect(r.issues).toEqual([]);
    const [fig] = await target.readSheets([FIGURES_TABLE]);
    // Every figure read is kept (its cells' addresses too); the one amount typed among them.
    expect(fig.values.slice(1).filter((x) => x[9] === 'amount').map((x) => [x[0], x[5], x[8], x[9], x[10]])).toEqual([['Xã Số 001', 'III.1', 'chi-thuong-xuyen', 'amount', 800]]);
    const [b] = await target.readSheets([II6B_TABLE]);
    expect(b.values.slice(1).filter((x) => x[0] === 'Xã Số 001')).toHaveLength(2);
    // An older version of the commune's plan: left out, said, the tables untouched.
    const older = await importCommunePackages([await communePackage(1, 3, { variant: 9, modified: '2026-10-01T08:00:00Z' })], target, { today: '2026-11-04' });
    expect(older.imported).toEqual([]);
    expect(older.issues.map((f) => f.code)).toEqual(['COMMUNE_OLDER_VERSION_LEFT']);
    const [b2] = await target.readSheets([II6B_TABLE]);
    expect(b2.values).toEqual(b.values);
    // A package without any plan for a commune the tables do not hold: said.
    const stray = MemoryWorkbook.fromArrays({});
    await stray.createSheet(layoutForm(getForm('III.1'), { planYear: 2027, unitName: 'Xã Mới', sheetName: 'III.1', fixedValues: { sources: { 'chi-thuong-xuyen': { amount: 5 } } } }));
    const s = await importCommunePackages([{ port: stray, file: 'moi.xlsx' }], target, { today: '2026-11-05' });
    expect(s.issues.map((f) => [f.code, f.params.commune])).toEqual([['III1_WITHOUT_PLAN', 'Xã Mới']]);
  });

  it('stops only between packages, after the first', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const r = await importCommunePackages([await communePackage(1, 3), await communePackage(2, 3)], target, { stop: () => true });
    expect(r.done).toBe(1);
    expect(r.imported.map((c) => c.name)).toEqual(['Xã Số 001']);
  });
});

describe('an import on its own', () => {
  it("dates the rows with the day given, else today's (YYYY-MM-DD); reads in the workbook's period, else its plan year's", async () => {
    const target = MemoryWorkbook.fromArrays({}, { state: { period: '2021-2025', planYear: 2027 } });
    const r = await importCommunePackages([await communePackage(1, 3)], target);
    // A clean package: nothing found, nothing said.
    expect([r.done, r.issues, r.findings]).toEqual([1, [], []]);
    const meta = ((await target.readState()).extra?.upper as { communes: Record<string, { read: string; period: string }> }).communes['so 001'];
    expect(meta.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.period).toBe('2021-2025');
    const [b] = await target.readSheets([II6B_TABLE]);
    const col = b.values[0].indexOf('Ngày đọc');
    expect(b.values.slice(1).map((x) => x[col])).toEqual([meta.read, meta.read]);
    // Without a period, the plan year's.
    const older = MemoryWorkbook.fromArrays({}, { state: { planYear: 2025 } });
    await importCommunePackages([await communePackage(1, 3)], older, { today: '2026-11-09' });
    expect(((await older.readState()).extra?.upper as { communes: Record<string, { period: string }> }).communes['so 001'].period).toBe('2021-2025');
  });

  it('an empty form sent for a commune the tables hold is no problem (its plan kept); for a commune they do not hold it is', async () => {
    const target = MemoryWorkbook.fromArrays({});
    await importCommunePackages([await communePackage(1, 3)], target, { today: '2026-11-02' });
    const empty = async (name: string) => {
      const wb = MemoryWorkbook.fromArrays({});
      await wb.createSheet(layoutForm(getForm('II.6.B'), { planYear: 2027, unitName: name, sheetName: 'II.6.B', body: { activities: [] } }));
      return { port: wb, file: `${name} trống.xlsx` };
    };
    const r = await importCommunePackages([await empty('Xã Số 001'), await empty('Xã Số 010')], target, { today: '2026-11-03' });
    expect(r.issues.map((f) => [f.code, f.params.commune])).toEqual([['NO_COMMUNE_PLAN', 'Xã Số 010']]);
    // Packages are files, never the target's own tabs.
    expect(r.imported.map((c) => [c.name, c.fromTabs])).toEqual([
      ['Xã Số 001', false],
      ['Xã Số 010', false],
    ]);
    const [b] = await target.readSheets([II6B_TABLE]);
    expect(b.values.slice(1).filter((x) => x[0] === 'Xã Số 001')).toHaveLength(2);
  });

  it('with nothing new to take leaves the workbook as it was: no table made, no state written', async () => {
    const target = MemoryWorkbook.fromArrays({ 'Ghi chú': [['của tỉnh']] });
    expect(await importCommunePackages([], target, { today: '2026-11-02' })).toEqual({ done: 0, imported: [], issues: [], findings: [] });
    expect(await target.listSheets()).toEqual(['Ghi chú']);
    expect([target.stats.createSheet, target.stats.writeValues, target.stats.writeState]).toEqual([0, 0, 0]);
  });

  it("into tables whose headers a person retyped, cleared or emptied: every figure of the new rows kept (a column the sheet lacks added after its last)", async () => {
    const target = MemoryWorkbook.fromArrays({});
    await importCommunePackages([await communePackage(1, 3)], target, { today: '2026-11-02' });
    const [b] = await target.readSheets([II6B_TABLE]);
    const h = b.values[0].map((v) => String(v ?? ''));
    // II.6.B: "Tổng số" retyped in lower case, the "Đề xuất" header cleared; II.6.A emptied altogether.
    await target.writeValues([
      { sheet: II6B_TABLE, row: 0, col: h.indexOf('Tổng số (1.000 đồng)'), values: [['tổng số (1.000 đồng)']] },
      { sheet: II6B_TABLE, row: 0, col: h.indexOf('Đề xuất (1.000 đồng)'), values: [[null]] },
    ]);
    const [a] = await target.readSheets([II6A_TABLE]);
    await target.writeValues([{ sheet: II6A_TABLE, row: a.top, col: a.left, values: a.values.map((r) => r.map(() => null)) }]);
    const r = await importCommunePackages([await communePackage(2, 3)], target, { today: '2026-11-03' });
    expect(r.imported.map((c) => [c.name, c.read, c.stored, c.balanced])).toEqual([['Xã Số 002', { count: 3, amount: 101300 }, { count: 3, amount: 101300 }, true]]);
    const [b2] = await target.readSheets([II6B_TABLE]);
    const h2 = b2.values[0].map((v) => String(v ?? ''));
    // The retyped header is the same column; the cleared one is written again after the last column.
    expect(h2.filter((x) => /tổng số/i.test(x))).toEqual(['tổng số (1.000 đồng)']);
    expect(h2.slice(h.length)).toEqual(['Đề xuất (1.000 đồng)']);
    const mine = b2.values.filter((x) => x[h.indexOf('Xã')] === 'Xã Số 002');
    expect(mine.map((x) => [x[h.indexOf('Tổng số (1.000 đồng)')], x[h.length]])).toEqual([
      [50100, 45100],
      [50200, 45200],
    ]);
    // The emptied II.6.A: its header written again above the new row.
    const [a2] = await target.readSheets([II6A_TABLE]);
    expect([a2.top, a2.left]).toEqual([0, 0]);
    expect(a2.values[0].map((v) => String(v ?? ''))).toEqual(h);
    expect(a2.values.slice(1).filter((x) => x[0] === 'Xã Số 002').map((x) => x[h.indexOf('Tổng số (1.000 đồng)')])).toEqual([1000]);
  });

  it("says the other problems of a package for a commune the tables hold: a form sent twice", async () => {
    const target = MemoryWorkbook.fromArrays({});
    await importCommunePackages([await communePackage(1, 3)], target, { today: '2026-11-02' });
    const twice = await communePackage(1, 3);
    await (twice.port as MemoryWorkbook).copySheet('II.6.B', 'II.6.B sửa');
    const r = await importCommunePackages([twice], target, { today: '2026-11-03' });
    expect(r.issues.map((f) => [f.code, f.params.commune, f.params.form, f.params.count])).toEqual([['FORM_SENT_TWICE', 'Xã Số 001', 'II.6.B', 2]]);
  });

  it("keeps the funds an earlier version remembered, and writes over a damaged memory of the roll-up", async () => {
    const older = MemoryWorkbook.fromArrays({}, { state: { extra: { district: { funds: 900 } } } });
    await importCommunePackages([await communePackage(1, 3)], older, { today: '2026-11-02' });
    expect((await older.readState()).extra?.upper).toEqual({ funds: 900, communes: { 'so 001': expect.objectContaining({ name: 'Xã Số 001' }) }, imported: {} });
    for (const damaged of [['Xã Số 001'], 'Xã Số 001', null]) {
      const target = MemoryWorkbook.fromArrays({}, { state: { extra: { upper: damaged } } });
      await importCommunePackages([await communePackage(1, 3)], target, { today: '2026-11-02' });
      expect((await target.readState()).extra?.upper).toEqual({ communes: { 'so 001': expect.objectContaining({ name: 'Xã Số 001' }) }, imported: {} });
    }
  });
});
