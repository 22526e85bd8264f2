/**
 * An upper level's roll-up never reports LKH's own total rows (issue 20, words): a commune's
 * package, exported by LKH and added to the province's workbook as tabs, is read without formulas,
 * so its "Cộng", "Tổng cộng (A+B)" rows look typed; on sheets whose state names their form (LKH
 * wrote them) they are LKH's own and say nothing. Before, the demo's roll-up gave dozens of notes.
 */
import { exportPackage, importXlsx } from '../../src/app/transfer';
import { MemoryWorkbook } from '../../src/port/memory';
import { consolidateCommune } from '../../src/workflow/plan';
import { rollUpCommunes } from '../../src/workflow/upper-level';
import { handbookCommune } from './helpers';

describe("the roll-up and LKH's own total rows", () => {
  it("reports none for a commune's package added as tabs", async () => {
    const commune = await handbookCommune();
    await consolidateCommune(commune, undefined, { planYear: 2027, communeName: 'Xã Tân Lập' });
    const pkg = await exportPackage(commune);
    const province = new MemoryWorkbook();
    const added = await importXlsx(province, 'Xa-Tan-Lap.xlsx', pkg.bytes);
    // The package's sheets hold LKH's total rows.
    const [ii6a] = await province.readSheets([added.sheets[2]]);
    expect(ii6a.values.some((r) => r.some((v) => v === 'Tổng cộng (A+B)'))).toBe(true);
    const { rollup } = await rollUpCommunes([{ port: province }], province, { upperLevel: 'Tỉnh Lào Cai' });
    expect(rollup.communes.map((c) => c.name)).toEqual(['Xã Tân Lập']);
    expect([...rollup.findings, ...rollup.issues].filter((f) => f.code === 'TOTAL_ROW_SKIPPED')).toEqual([]);
  });
});
