/**
 * Amounts are bounded (issue 23): a number beyond 10^15 đồng (10^12 in the forms' nghìn đồng) is an
 * error naming its cell and the row is never summed, so no sum overflows and no "Infinity" is ever
 * written; and the writers refuse a number that is not finite, whatever computed it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import type { LayoutValue, SheetLayout } from '../../src/layout/types';
import { MemoryWorkbook, PortError } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { MAX_AMOUNT_DONG } from '../../src/text';
import { buildPlan } from '../../src/workflow/plan';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from '../cli/run';

/** A village's I.2 whose activities carry these Dân góp amounts (nghìn đồng), Cần hỗ trợ 0, Tổng số blank. */
function villageLayout(contributions: readonly LayoutValue[]): SheetLayout {
  return layoutForm(getForm('I.2'), {
    planYear: 2027,
    unitName: 'Thôn Nà Hin',
    sheetName: 'Thôn Nà Hin',
    body: {
      strengths: [],
      difficulties: [],
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        ...contributions.map((c, i) => ({
          kind: 'data' as const,
          values: { activity: `Bê tông hóa đường nội thôn đoạn ${i + 1}`, unit: 'm', quantity: 100, time: 'Q.II/2027', place: 'Tại thôn', responsible: 'Trưởng thôn', total: null, contribution: c, support: 0, note: null },
        })),
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
      ],
    },
  });
}

async function read(contributions: readonly LayoutValue[]) {
  const wb = new MemoryWorkbook();
  await wb.createSheet(villageLayout(contributions));
  const { readings, findings } = await readWorkbook(wb);
  return { reading: readings[0], findings };
}

const LIMIT = MAX_AMOUNT_DONG / 1000; // in nghìn đồng, the unit of I.2

describe('amounts beyond any budget', () => {
  it('accepts 10^15 đồng exactly and refuses the next đồng, naming the cell', async () => {
    const { reading, findings } = await read([LIMIT, LIMIT + 1, 2500]);
    const tooLarge = findings.filter((f) => f.code === 'NUMBER_TOO_LARGE');
    expect(tooLarge).toHaveLength(1);
    const cell = reading.activities[1].source.cells.contribution;
    expect(tooLarge[0]).toMatchObject({ severity: 'error', sheet: 'Thôn Nà Hin', cell });
    expect(tooLarge[0].message).toBe(`Ô ${cell} của trang "Thôn Nà Hin" (Dân góp) ghi 1.000.000.000.001, lớn quá mức có thể (1.000.000.000.000 nghìn đồng): hãy kiểm tra số chữ số và đơn vị tính. Dòng này chưa được cộng.`);
    expect(reading.activities.map((a) => a.contribution)).toEqual([LIMIT, undefined, 2500]);
  });

  it('1e308 twice is two errors and the plan sums neither: nothing overflows', async () => {
    const { reading, findings } = await read([1e308, 1e308, 2500]);
    const cells = findings.filter((f) => f.code === 'NUMBER_TOO_LARGE').map((f) => f.cell);
    expect(cells).toEqual([reading.activities[0].source.cells.contribution, reading.activities[1].source.cells.contribution]);
    expect(findings.find((f) => f.code === 'NUMBER_TOO_LARGE')?.message).toContain('ghi 1e+308');
    const plan = buildPlan([reading]);
    expect(Number.isFinite(plan.reconciliation.read.amount)).toBe(true);
    expect(plan.reconciliation.read.amount).toBe(2500);
    expect(plan.reconciliation.balanced).toBe(true);
  });

  it('lkh consolidate on such a village: exit 1, the cells named, no Infinity in the plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-amounts-'));
    const wb = XlsxWorkbook.create();
    await wb.createSheet(villageLayout([1e308, 1e308, 2500]));
    const village = join(dir, 'thon-na-hin.xlsx');
    writeFileSync(village, await wb.save());
    const plan = join(dir, 'ke-hoach.xlsx');
    const r = await run(['consolidate', village, '--out', plan, '--verbose']);
    expect(r.code).toBe(1);
    // The full list (--verbose): each cell once, named with its file, sheet and cell.
    const full = r.out.slice(r.out.indexOf('Danh sách đầy đủ:'));
    expect(full.match(/ghi 1e\+308/g)).toHaveLength(2);
    expect(full).toMatch(/LỖI thon-na-hin\.xlsx › Thôn Nà Hin!H11 Ô H11 của trang "Thôn Nà Hin" \(Dân góp\) ghi 1e\+308/);
    const zip = await JSZip.loadAsync(readFileSync(plan));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      expect([name, /Infinity|NaN/.test((await zip.file(name)?.async('string')) ?? '')]).toEqual([name, false]);
    }
  });
});

describe('the writers never write a number that is not finite', () => {
  const layout = (v: number): SheetLayout => ({ ...villageLayout([2500]), cells: [...villageLayout([2500]).cells, { row: 40, col: 3, value: v, style: 'amount' }] });

  it.each([Infinity, -Infinity, NaN])('createSheet refuses %s naming the sheet and cell, on every port', async (v) => {
    for (const wb of [new MemoryWorkbook(), XlsxWorkbook.create()]) {
      await expect(wb.createSheet(layout(v))).rejects.toThrow(new PortError('BLOCK_INVALID', `Giá trị không ghi được vào ô D41 trên trang tính "Thôn Nà Hin": ${String(v)} không phải một số hữu hạn.`));
      expect(await wb.listSheets()).toEqual([]);
    }
  });

  it('save stops before writing when a cell holds Infinity, and leaves the workbook as it was', async () => {
    const wb = XlsxWorkbook.create();
    await wb.createSheet(villageLayout([2500]));
    const ws = wb.workbook.getWorksheet('Thôn Nà Hin');
    if (!ws) throw new Error('no sheet');
    ws.getCell('A3').value = 'Thôn \ufffe';
    ws.getCell('D50').value = Infinity;
    await expect(wb.save()).rejects.toThrow(/ô D50 trên trang tính "Thôn Nà Hin": Infinity không phải một số hữu hạn\. Tệp chưa được ghi\./);
    expect(ws.getCell('A3').value).toBe('Thôn \ufffe');
  });
});
