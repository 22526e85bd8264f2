/**
 * Reference data the user can update (issue 10 item 5): the "Danh mục" sheet written from the
 * built-in data, edited by a province, used when consolidating; a broken one reported by cell and
 * set aside for the built-in data.
 */
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData } from '../../src/port/types';
import { CATALOGUE_SHEET, PROGRAM_TABLES, readCatalogueSheet } from '../../src/reference';
import { consolidateCommune } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'I.2', 'Thôn A', 'Trồng trọt', [
    { activity: 'Hỗ trợ giống ngô lai', unit: 'kg', quantity: 200, contribution: 2000, support: 8000, note: 'CT giống tỉnh' },
    { activity: 'Bê tông hóa đường nội thôn', unit: 'km', quantity: 1, contribution: 100000, support: 400000, note: 'CTMTQG' },
  ]);
  await wb.writeState({ planYear: 2027 });
  return wb;
}

/** Row and column (0-based) of the first cell holding `text`. */
function find(sheet: SheetData, text: string): { row: number; col: number } {
  for (let i = 0; i < sheet.values.length; i++) {
    const j = sheet.values[i].findIndex((v) => v === text);
    if (j >= 0) return { row: sheet.top + i, col: sheet.left + j };
  }
  throw new Error(`no "${text}"`);
}

describe('the "Danh mục" sheet', () => {
  it('is written from the period’s data with each entry’s legal basis and how it was checked, and reads back to the same catalogue', async () => {
    const wb = await workbook();
    const r = await createActions(wb).writeCatalogue();
    expect(r).toMatchObject({ sheet: CATALOGUE_SHEET, period: '2026-2030', entries: PROGRAM_TABLES['2026-2030'].length });
    const [sheet] = await wb.readSheets([CATALOGUE_SHEET]);
    // The merged program cites three texts, one of them read: its mark is the weakest, and says which was read.
    expect(sheet.values.flat()).toContain(
      'Đối chiếu qua tin chính thức/báo chí, chưa đọc văn bản gốc (đã đọc văn bản: Nghị quyết 424/NQ-CP; chỉ qua trích dẫn, tin chính thức: Nghị quyết 257/2025/QH15, Quyết định 417/QĐ-BNNMT)',
    );
    const back = readCatalogueSheet(sheet);
    expect(back.findings).toEqual([]);
    expect(back.catalogue?.programs.map((p) => p.id)).toEqual(PROGRAM_TABLES['2026-2030'].map((e) => e.id));
    const merged = back.catalogue?.byId.get('ctmtqg');
    expect(merged?.legalBasis).toContain('Nghị quyết số 257/2025/QH15');
    expect(merged?.legacyAliases).toContain('CT 135');
  });

  it('is used in place of the built-in data once a province adds a program of its own', async () => {
    const wb = await workbook();
    const before = await consolidateCommune(wb);
    const seeds = before.plan.activities.find((a) => a.activity.startsWith('Hỗ trợ giống ngô'));
    expect(seeds?.proposed).toBe(8000); // "CT giống tỉnh" names nothing the built-in data knows
    await createActions(wb).writeCatalogue();
    const [sheet] = await wb.readSheets([CATALOGUE_SHEET]);
    const last = sheet.top + sheet.values.length;
    const id = find(sheet, 'Mã');
    const col = (header: string) => find(sheet, header).col;
    await wb.writeValues([
      { sheet: CATALOGUE_SHEET, row: last, col: id.col, values: [['giong-tinh']] },
      { sheet: CATALOGUE_SHEET, row: last, col: col('Tên chương trình, dự án, nguồn vốn'), values: [['Chương trình hỗ trợ giống cây trồng của tỉnh']] },
      { sheet: CATALOGUE_SHEET, row: last, col: col('Loại'), values: [['Tỉnh']] },
      { sheet: CATALOGUE_SHEET, row: last, col: col('Cách ghi khác (cách nhau bằng ;)'), values: [['CT giống tỉnh; giống tỉnh']] },
      { sheet: CATALOGUE_SHEET, row: last, col: col('Dòng III.1 (;)'), values: [['tinh']] },
    ]);
    const after = await consolidateCommune(wb);
    expect(after.findings.map((f) => f.code)).toContain('CATALOGUE_USED');
    const now = after.plan.activities.find((a) => a.activity.startsWith('Hỗ trợ giống ngô'));
    expect(now).toMatchObject({ budget: 8000, proposed: 0, fundSource: 'Chương trình hỗ trợ giống cây trồng của tỉnh' });
    expect(after.written.ii6a.map((a) => a.key)).toContain(now?.key);
  });

  it('when broken, is reported at the cell and set aside: the built-in data is used', async () => {
    const wb = await workbook();
    await createActions(wb).writeCatalogue();
    const [sheet] = await wb.readSheets([CATALOGUE_SHEET]);
    const ocop = find(sheet, 'ocop');
    const parentCol = find(sheet, 'Thuộc (mã)').col;
    const kindCol = find(sheet, 'Loại').col;
    // A province makes OCOP a component of a program that does not exist.
    await wb.writeValues([
      { sheet: CATALOGUE_SHEET, row: ocop.row, col: kindCol, values: [['Dự án thành phần']] },
      { sheet: CATALOGUE_SHEET, row: ocop.row, col: parentCol, values: [['khong-co']] },
    ]);
    const r = await consolidateCommune(wb);
    const bad = r.findings.find((f) => f.code === 'CATALOGUE_INVALID');
    expect(bad?.severity).toBe('error');
    expect(bad?.cell).toMatch(/^A\d+$/);
    expect(bad?.message).toContain('"ocop" thuộc mã "khong-co", nhưng không có mã đó');
    // Built-in data: the road's "CTMTQG" still names the merged program.
    const road = r.plan.activities.find((a) => a.activity.startsWith('Bê tông hóa'));
    expect(road?.budget).toBe(400000);
    // And an unknown kind is named at its own cell.
    await wb.writeValues([
      { sheet: CATALOGUE_SHEET, row: ocop.row, col: parentCol, values: [['']] },
      { sheet: CATALOGUE_SHEET, row: ocop.row, col: kindCol, values: [['Chương trình lạ']] },
    ]);
    const [edited] = await wb.readSheets([CATALOGUE_SHEET]);
    const reading = readCatalogueSheet(edited);
    expect(reading.catalogue).toBeUndefined();
    expect(reading.findings[0].message).toContain('loại "Chương trình lạ" không có');
  });
});
