/**
 * The province's workbook at 300 synthetic communes of about 60 activities each (issue 24): at most
 * 20 tabs and 1.5 million cells whatever the number of communes, every activity reconciled, an
 * appraisal kept on a re-run.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { WorkbookPort } from '../../src/port/types';
import { SUMMARY_SHEET, importCommunePackages, rollUpCommunes } from '../../src/workflow/upper-level';
import { commune } from './fixtures/packages';

/** Tabs and cells (each sheet's used range, rows × columns) of a workbook. */
async function size(wb: WorkbookPort): Promise<{ tabs: number; cells: number }> {
  const names = await wb.listSheets();
  const data = await wb.readSheets(names, { formulas: false });
  if (process.env.LKH_SIZES) for (const d of data) process.stderr.write(`${d.name}: ${d.values.length} × ${Math.max(0, ...d.values.map((r) => r.length))}\n`);
  return { tabs: names.length, cells: data.reduce((n, d) => n + d.values.length * Math.max(0, ...d.values.map((r) => r.length)), 0) };
}

describe('the communes as long tables, at scale', () => {
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
