/**
 * Opening files keeps their tab names: real .xlsx bytes (ExcelJS), opened as the standalone page
 * and the panes open them (xlsxAsLayouts, importXlsx, openFiles), keep each tab's own name with
 * its diacritics, add the unit only when the tab does not name it, and stay within 31
 * characters without cutting a word.
 */
import ExcelJS from 'exceljs';
import { MAX_TAB, cutAtWord, importedTabName, uniqueTabName } from '../../src/app/tab-names';
import { importXlsx, xlsxAsLayouts } from '../../src/app/transfer';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** A village's file as LKH's template writes it: one I.2 per tab. */
async function villageFile(unitName: string, tabs: readonly string[]): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  for (const sheetName of tabs) await wb.createSheet(layoutForm(getForm('I.2'), { planYear: 2027, unitName, sheetName }));
  return wb.save();
}

/** A file typed by hand in Excel: tabs named by the village, no form LKH knows. */
async function handTyped(tabs: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of tabs) {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = 'Danh sách hộ tham gia họp thôn';
    ws.getCell('A2').value = 'Nguyễn Văn An';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function threeFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  return [
    { name: 'thon-b.xlsx', bytes: await villageFile('Thôn B', ['I.2']) },
    { name: 'thon-c.xlsx', bytes: await villageFile('Thôn C', ['I.2']) },
    { name: 'thon-c-ban-sua.xlsx', bytes: await villageFile('Thôn C', ['I.2']) },
  ];
}

const noMidWordCut = (name: string) => {
  expect([...name].length).toBeLessThanOrEqual(MAX_TAB);
  // "…" only after a whole word
  if (name.includes('…')) expect(name).toMatch(/[^\s…]…/u);
};

describe('importedTabName', () => {
  it('keeps a tab that names its unit, adds the unit to one that does not, and shortens at words', () => {
    expect(importedTabName('Thôn B', { unit: 'Thôn B', formId: 'I.2', file: 'thon-b.xlsx' })).toBe('Thôn B');
    expect(importedTabName('I.2', { unit: 'Thôn B', formId: 'I.2', file: 'thon-b.xlsx' })).toBe('Thôn B - I.2');
    expect(importedTabName('I.2 - Giao thông', { unit: 'Thôn Nà Lìu' })).toBe('Thôn Nà Lìu - I.2 - Giao thông');
    // 32 characters in full: the second separator goes, not the end of "thông"
    expect(importedTabName('I.2 - Giao thông', { unit: 'Thôn Pác Ngòi' })).toBe('Thôn Pác Ngòi - I.2 Giao thông');
    expect(importedTabName('II.3 - Phát triển sản xuất', { unit: 'Hội Liên hiệp Phụ nữ xã' })).toBe('Phụ nữ xã - II.3 PTSX');
    expect(importedTabName('Sheet1', { unit: 'Thôn Cốc Phấy', formId: 'I.2' })).toBe('Thôn Cốc Phấy - I.2');
    // Nothing tells the unit: the tab's own name, else the file's
    expect(importedTabName('Kế hoạch thôn năm 2027')).toBe('Kế hoạch thôn năm 2027');
    expect(importedTabName('Sheet1', { file: 'thon-c.xlsx' })).toBe('thon-c - Sheet1');
    // LKH's own prefix is never given to a tab from outside
    expect(importedTabName('_lkh', { file: 'thon-c.xlsx' })).toBe('thon-c - _lkh');
    for (const n of [
      importedTabName('I.2 - Giao thông nông thôn và thủy lợi', { unit: 'Thôn Nà Lìu Thượng Ngòi' }),
      importedTabName('I.2 - Giao thông', { unit: 'Ban Quản lý dự án đầu tư xây dựng công trình xã' }),
    ])
      noMidWordCut(n);
  });

  it('cuts only between words and keeps names unique within 31 characters', () => {
    expect(cutAtWord('Thôn Pác Ngòi - I.2 - Giao thông', 31)).toBe('Thôn Pác Ngòi - I.2 - Giao…');
    expect(uniqueTabName('Thôn B - I.2', ['thôn b - i.2'])).toBe('Thôn B - I.2 (2)');
    const long = 'Thôn Pác Ngòi - I.2 Giao thông';
    const second = uniqueTabName(long, [long]);
    expect(second).toBe('Thôn Pác Ngòi - I.2 Giao… (2)');
    noMidWordCut(second);
  });
});

describe('opening files keeps their tab names', () => {
  it('names imported tabs by the source tab and unit, with diacritics, never by the file name', async () => {
    const b = await xlsxAsLayouts('thon-b.xlsx', await villageFile('Thôn B', ['Thôn B']));
    expect(b.map((s) => s.layout.name)).toEqual(['Thôn B']);
    const a = await xlsxAsLayouts('thon-a.xlsx', await villageFile('Thôn A', ['I.2']));
    expect(a.map((s) => s.layout.name)).toEqual(['Thôn A - I.2']);
    const pac = await xlsxAsLayouts('Thon-Pac-Ngoi.xlsx', await villageFile('Thôn Pác Ngòi', ['I.2 - Trồng trọt', 'I.2 - Giao thông']));
    expect(pac.map((s) => s.layout.name)).toEqual(['Thôn Pác Ngòi - I.2 Trồng trọt', 'Thôn Pác Ngòi - I.2 Giao thông']);
    const typed = await xlsxAsLayouts('thon-d.xlsx', await handTyped(['Thôn Đông', 'Danh sách']));
    expect(typed.map((s) => s.layout.name)).toEqual(['Thôn Đông', 'Danh sách']);
  });

  it('imports several files into a workbook: same tab in two files told apart by " (2)"', async () => {
    const target = MemoryWorkbook.fromArrays({});
    const created: string[] = [];
    for (const f of await threeFiles()) created.push(...(await importXlsx(target, f.name, f.bytes)).sheets);
    expect(created).toEqual(['Thôn B - I.2', 'Thôn C - I.2', 'Thôn C - I.2 (2)']);
  });
});
