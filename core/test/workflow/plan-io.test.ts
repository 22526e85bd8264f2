/**
 * The plan's sheets as the commune works on them (plan-io.ts), on paths no other test takes: which
 * sheets a re-run replaces, a column edited differently in II.4.B and in II.6.A, the report of a
 * plan made without a period.
 */
import { MemoryWorkbook } from '../../src/port/memory';
import { REPORT_SHEET, buildPlan, consolidateCommune, copiesReplacedByPlan, reportLayout, sheetsReplacedByPlan } from '../../src/workflow/plan';
import { readWorkbook } from '../../src/reader/workbook';
import { readRows } from './arbitraries';
import type { Act } from './helpers';
import { addSourceSheet } from './helpers';

const ROAD: Act = { activity: 'Bê tông hóa đường nội thôn', unit: 'km', quantity: 1, contribution: 100_000, support: 400_000, note: 'CT Nông thôn mới' };

describe('the sheets a re-run replaces', () => {
  const names = ['Thôn A - I.2', 'II.4.A', 'ii.4.b', 'II.4.B (cũ)', 'II.4.B (cũ 2)', 'II.6.A (cũ)', 'II.6.C', 'II.6.C (cũ)', REPORT_SHEET, `${REPORT_SHEET} (cũ)`, 'Danh mục'];

  it('the copies of each plan sheet the workbook holds, whatever the case; a copy of a sheet no longer there is left', () => {
    expect(copiesReplacedByPlan(names).sort()).toEqual(['II.4.B (cũ)', 'II.4.B (cũ 2)', 'II.6.C (cũ)', `${REPORT_SHEET} (cũ)`].sort());
  });

  it('the plan sheets themselves, then their copies; a village sheet or the Danh mục never', () => {
    expect(sheetsReplacedByPlan(names)).toEqual(['II.4.A', 'ii.4.b', 'II.6.C', REPORT_SHEET, ...copiesReplacedByPlan(names)]);
    expect(sheetsReplacedByPlan(['Thôn A - I.2', 'Danh mục'])).toEqual([]);
  });
});

describe('a column the commune edited in II.4.B and, otherwise, in II.6.A', () => {
  it("II.6.A's text is kept in both, and the other said with the row, the column and both texts", async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD]);
    await consolidateCommune(wb, undefined, { planYear: 2027 });
    const in4b = (await readRows(wb, 'II.4.B')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    const in6a = (await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    if (!in4b || !in6a) throw new Error('no road in II.4.B or II.6.A');
    await wb.writeValues([
      { sheet: 'II.4.B', row: in4b.row, col: in4b.cols.mechanism, values: [['Dân góp công, xã hỗ trợ vật liệu']] },
      { sheet: 'II.6.A', row: in6a.row, col: in6a.cols.mechanism, values: [['Nhà nước và nhân dân cùng làm']] },
    ]);
    const r = await consolidateCommune(wb);
    const two = r.findings.filter((f) => f.code === 'EDIT_TWO_VALUES');
    expect(two.map((f) => [f.sheet, f.cell, f.message])).toEqual([
      [
        'II.6.A',
        expect.stringMatching(/^[A-Z]+\d+$/u),
        'Hoạt động "Bê tông hóa đường nội thôn (Thôn A)": cột "Cơ chế thực hiện" ở II.6.A ghi "Nhà nước và nhân dân cùng làm" nhưng ở II.4.B ghi "Dân góp công, xã hỗ trợ vật liệu"; đã giữ "Nhà nước và nhân dân cùng làm" cho cả hai biểu. Nếu cần nội dung kia, hãy nhập lại.',
      ],
    ]);
    for (const sheet of ['II.4.B', 'II.6.A'] as const) {
      expect((await readRows(wb, sheet)).find((x) => x.activity.activity.startsWith('Bê tông hóa'))?.activity.mechanism).toBe('Nhà nước và nhân dân cùng làm');
    }
    // Both now agree: nothing said on the next run.
    expect((await consolidateCommune(wb)).findings.filter((f) => f.code === 'EDIT_TWO_VALUES')).toEqual([]);
  });

  it('the same words typed in both, in another case, are no conflict', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD]);
    await consolidateCommune(wb, undefined, { planYear: 2027 });
    const in4b = (await readRows(wb, 'II.4.B')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    const in6a = (await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    if (!in4b || !in6a) throw new Error('no road in II.4.B or II.6.A');
    await wb.writeValues([
      { sheet: 'II.4.B', row: in4b.row, col: in4b.cols.mechanism, values: [['nhà nước và nhân dân cùng làm']] },
      { sheet: 'II.6.A', row: in6a.row, col: in6a.cols.mechanism, values: [['Nhà nước và nhân dân cùng làm']] },
    ]);
    expect((await consolidateCommune(wb)).findings.filter((f) => f.code === 'EDIT_TWO_VALUES')).toEqual([]);
  });
});

describe('the report of a plan made without a period', () => {
  it('has no period line; the reconciliation comes first', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD]);
    const plan = buildPlan((await readWorkbook(wb)).readings);
    const text = (layout: ReturnType<typeof reportLayout>) => layout.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(text(reportLayout(plan)).some((v) => v.startsWith('Giai đoạn chương trình:'))).toBe(false);
    expect(text(reportLayout(plan)).find((v) => v.startsWith('Đọc được'))).toBe('Đọc được 1 hoạt động (500.000 nghìn đồng); đưa vào II.4.B 1 (500.000 nghìn đồng); trả lại 0 (0 nghìn đồng).');
    expect(text(reportLayout(plan, undefined, { period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' })).find((v) => v.startsWith('Giai đoạn chương trình:'))).toMatch(/^Giai đoạn chương trình: 2026-2030 \(.+\); cấp trên của xã: Tỉnh Lào Cai\.$/u);
  });
});
