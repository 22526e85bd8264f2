/**
 * The province's workbook as long tables (issue 24): communes' packages imported in batches that
 * stop and resume, a commune sent again replacing its rows, two versions of one commune. The roll-up
 * of 300 communes counted in tabs and cells is upper-scale.test.ts (half a minute: left out of
 * the mutation runs).
 */
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, WorkbookPort } from '../../src/port/types';
import { II6A_TABLE, II6B_TABLE, importCommunePackages, rollUpCommunes } from '../../src/workflow/upper-level';
import { commune } from './fixtures/packages';

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
});
