/**
 * A blank template, opened and saved by Excel (every row-total formula then caches 0), reads as
 * no activity and no finding; group headings such as II.6.A's "Vốn đầu tư phát triển" are
 * never taken for activities.
 */
import ExcelJS from 'exceljs';
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import { readSheet } from '../../src/reader/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** What Excel does on save: every formula gets a cached result (0 for empty rows). */
async function savedByExcel(id: FormId): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await wb.createSheet(layoutForm(getForm(id), { sheetName: id }));
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
  raw.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === 'object' && 'formula' in v && v.formula) cell.value = { formula: v.formula, result: 0 };
      }),
    ),
  );
  return XlsxWorkbook.load(new Uint8Array(await raw.xlsx.writeBuffer()));
}

describe('blank templates saved by Excel', () => {
  it.each(['I.2', 'II.3', 'II.4.B', 'II.6.A', 'II.6.B'] as const)('%s reads as an empty form', async (id) => {
    const wb = await savedByExcel(id);
    const [data] = await wb.readSheets([id]);
    const r = readSheet(data);
    expect(r.reading?.formId).toBe(id);
    expect(r.reading?.activities).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});
