/**
 * The province's workbook as long tables (issue 24): communes' packages imported in batches that
 * stop and resume, a commune sent again replacing its rows, two versions of one commune, and the
 * roll-up of 300 synthetic communes (about 60 activities each) counted in tabs and cells — at most
 * 20 tabs and 1.5 million cells whatever the number of communes, every activity reconciled.
 */
import { getForm } from '../../src/forms/registry';
import type { BodyRow } from '../../src/layout/engine';
import { KEY_COLUMN_HEADER, layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, WorkbookPort } from '../../src/port/types';
import type { DistrictSource } from '../../src/workflow/upper-level';
import { II6A_TABLE, II6B_TABLE, SUMMARY_SHEET, importCommunePackages, rollUpCommunes } from '../../src/workflow/upper-level';

const YEAR = 2027;
const SECTORS = ['Giao thông', 'Thủy lợi', 'Trường học', 'Văn hóa', 'Trồng trọt', 'Chăn nuôi', 'Y tế', 'Môi trường'];

/** A commune's package as its accountant exports it: II.6.A (part A, then part B with its funds) and II.6.B, "Xã:" filled in. */
async function commune(i: number, activities: number, options: { readonly variant?: number; readonly modified?: string } = {}): Promise<DistrictSource> {
  const name = `Xã Số ${String(i).padStart(3, '0')}`;
  const v = options.variant ?? 0;
  const row = (k: number, extra: Record<string, string | number>): BodyRow => ({
    kind: 'data',
    values: { activity: `${k % 2 === 0 ? 'Bê tông hóa đường' : 'Hỗ trợ giống'} thôn ${k + 1} (${name})`, sector: SECTORS[k % SECTORS.length], unit: 'công trình', quantity: 1 + (k % 3), time: 'Quý II/2027', place: `Thôn ${k + 1}`, responsible: 'UBND xã', ...extra },
  });
  const inA = Math.round(activities / 3);
  const a: BodyRow[] = [{ kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 }];
  for (let k = 0; k < inA; k++) a.push(row(k, { total: 1000 * (k + 1) + v, contribution: 1000 * (k + 1) + v, budget: 0, proposed: 0 }));
  const b: BodyRow[] = [];
  for (let k = inA; k < activities; k++) b.push(row(k, { total: 50000 + k * 100 + v, contribution: 5000, budget: 0, proposed: 45000 + k * 100 + v, priority: k - inA + 1 }));
  const wb = MemoryWorkbook.fromArrays({});
  await wb.createSheet(layoutForm(getForm('II.6.A'), { planYear: YEAR, unitName: name, sheetName: 'II.6.A', body: { activities: a } }));
  await wb.createSheet(layoutForm(getForm('II.6.B'), { planYear: YEAR, unitName: name, sheetName: 'II.6.B', body: { activities: b } }));
  return { port: wb, file: `${name}${v ? ` (sửa ${v})` : ''}.xlsx`, ...(options.modified ? { modified: options.modified } : {}) };
}

/** Tabs and cells (each sheet's used range, rows × columns) of a workbook. */
async function size(wb: WorkbookPort): Promise<{ tabs: number; cells: number }> {
  const names = await wb.listSheets();
  const data = await wb.readSheets(names, { formulas: false });
  if (process.env.LKH_SIZES) for (const d of data) process.stderr.write(`${d.name}: ${d.values.length} × ${Math.max(0, ...d.values.map((r) => r.length))}\n`);
  return { tabs: names.length, cells: data.reduce((n, d) => n + d.values.length * Math.max(0, ...d.values.map((r) => r.length)), 0) };
}

async function column(wb: WorkbookPort, sheet: string, header: string): Promise<CellValue[]> {
  const [d] = await wb.readSheets([sheet]);
  const c = d.values[0].indexOf(header);
  return d.values.slice(1).map((r) => r[c] ?? null);
}

describe('the communes as long tables', () => {
  it('imports packages in batches that stop and resume; a commune sent again replaces its rows, never adds any', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const packages = await Promise.all([1, 2, 3, 4, 5].map((i) => commune(i, 6)));
    // Each batch stops after two packages (as the sidebar's does when its time is up), the next resumes.
    let from = 0;
    const batches: number[] = [];
    while (from < packages.length) {
      let n = 0;
      const r = await importCommunePackages(packages.slice(from), target, { today: '2026-11-02', stop: () => ++n >= 2 });
      expect(r.imported.every((c) => c.balanced)).toBe(true);
      batches.push(r.done);
      from += r.done;
    }
    expect(batches).toEqual([2, 2, 1]);
    expect(await target.listSheets()).toHaveLength(4); // the four tables, no tab per commune
    const communes = [...(await column(target, II6A_TABLE, 'Xã')), ...(await column(target, II6B_TABLE, 'Xã'))];
    expect(communes.filter((c) => c !== null)).toHaveLength(30);
    // Xã Số 002 sends a corrected package: its six rows replaced (old ones cleared), the others untouched.
    const fixed = await importCommunePackages([await commune(2, 6, { variant: 7 })], target, { today: '2026-11-09' });
    expect(fixed.imported.map((c) => [c.name, c.read.count, c.stored.count, c.balanced])).toEqual([['Xã Số 002', 6, 6, true]]);
    const totals = (await column(target, II6B_TABLE, 'Tổng số (1.000 đồng)')).filter((v) => v !== null);
    const names = (await column(target, II6B_TABLE, 'Xã')).filter((v) => v !== null);
    expect(names.filter((n) => n === 'Xã Số 002')).toHaveLength(4);
    expect(totals).toHaveLength(20);
    expect(totals.every((t) => typeof t === 'number')).toBe(true);
    // The roll-up over the tables alone: every activity once, reconciled; the correction's amounts.
    const { rollup } = await rollUpCommunes([], target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-10' });
    expect(rollup.communes).toHaveLength(5);
    expect(rollup.reconciliation).toMatchObject({ read: { count: 30 }, written: { count: 30 }, balanced: true });
    const two = rollup.communes.find((c) => c.name === 'Xã Số 002');
    expect(two?.total).toBe((1000 + 7) + (2000 + 7) + (50000 + 200 + 7) + (50000 + 300 + 7) + (50000 + 400 + 7) + (50000 + 500 + 7));
    // Compacted by the roll-up: no empty rows left between the communes.
    expect((await column(target, II6B_TABLE, 'Xã')).every((v) => v !== null)).toBe(true);
  });

  it('of two different versions of one commune keeps the newer file, and asks when neither is known to be newer', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const older = await commune(9, 6, { modified: '2026-10-01T08:00:00Z' });
    const newer = await commune(9, 6, { variant: 3, modified: '2026-10-05T08:00:00Z' });
    const r = await rollUpCommunes([newer, older], target, { upperLevel: 'Tỉnh Lào Cai' });
    expect(r.rollup.communes.map((c) => [c.name, c.count])).toEqual([['Xã Số 009', 6]]);
    expect(r.rollup.issues.find((f) => f.code === 'COMMUNE_OLDER_VERSION_LEFT')?.message).toContain('đã dùng bản mới hơn (Xã Số 009 (sửa 3).xlsx)');
    // The older file sent again later is left out: the tables keep the newer one.
    const again = await rollUpCommunes([older], target);
    expect(again.imported).toEqual([]);
    expect(again.rollup.communes[0].total).toBe(r.rollup.communes[0].total);
    // Two undated versions: nothing of the commune is read, its rows are kept, the user is asked.
    const ask = await rollUpCommunes([await commune(9, 6, { variant: 4 }), await commune(9, 6, { variant: 5 })], target);
    expect(ask.rollup.issues.find((f) => f.code === 'COMMUNE_VERSIONS_CONFLICT')?.message).toMatch(/^Xã Số 009 có hai bản kế hoạch khác nhau .*Chỉ để lại một tệp của xã rồi tổng hợp lại\.$/u);
    expect(ask.rollup.communes[0].total).toBe(r.rollup.communes[0].total);
    // The same content twice is one package.
    const same = await rollUpCommunes([await commune(9, 6, { variant: 4 }), await commune(9, 6, { variant: 4 })], target);
    expect(same.rollup.issues.map((f) => f.code)).not.toContain('COMMUNE_VERSIONS_CONFLICT');
    expect(same.imported.map((c) => c.read.count)).toEqual([6]);
  });

  it('rolls 300 communes of 60 activities up into at most 20 tabs and 1.5 million cells, reconciled, appraisals kept', async () => {
    const target = MemoryWorkbook.fromArrays({});
    for (let i = 0; i < 300; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, k) => commune(i + k + 1, 60)));
      const r = await importCommunePackages(batch, target, { today: '2026-11-02' });
      expect(r.done).toBe(50);
    }
    const first = await rollUpCommunes([], target, { upperLevel: 'Tỉnh Lào Cai', funds: 50000 });
    expect(first.rollup.communes).toHaveLength(300);
    expect(first.rollup.reconciliation).toMatchObject({ read: { count: 18000 }, written: { count: 18000 }, balanced: true });
    const once = await size(target);
    expect(once.tabs).toBeLessThanOrEqual(20);
    expect(once.cells).toBeLessThanOrEqual(1_500_000);
    // An office appraises; the re-run keeps it and one copy of the summary: still within both limits.
    const [d] = await target.readSheets([SUMMARY_SHEET]);
    const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const row = d.values.findIndex((r, i) => i > header && r[d.values[header].indexOf(KEY_COLUMN_HEADER)] !== null);
    await target.writeValues([{ sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + d.values[header].indexOf('Ý kiến (Đồng ý / Không đồng ý)'), values: [['Đồng ý']] }]);
    const second = await rollUpCommunes([], target);
    expect(second.rollup.reconciliation).toMatchObject({ read: { count: 18000 }, keptAppraisals: 1, balanced: true });
    const twice = await size(target);
    expect(twice.tabs).toBeLessThanOrEqual(20);
    expect(twice.cells).toBeLessThanOrEqual(1_500_000);
    expect(second.sheets).toEqual(first.sheets);
  }, 300_000);
});
