/**
 * Reading outside files from their XML (core/src/xlsx/fast-read.ts) must give exactly what
 * ExcelJS's path gives (XlsxWorkbook.loadForReading), or give up so that path is taken: workbooks
 * built here with what the fast reader handles and what it leaves (every .xlsx fixture of the
 * repository: fast-read-corpus.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FastReadWorkbook } from '../../src/xlsx/fast-read';
import { openForReading } from '../../src/xlsx/read-input';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { bothWays, bytesOf, everything, root } from './fast-read-helpers';

describe('reading outside files from their XML', () => {
  it('reads rich text, inline text, entities, line breaks, booleans, errors, formulas with their results, fonts, merges, hidden sheets and the state', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thôn Nà Hin - I.2');
    ws.getCell('A1').value = { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'năm 2027' }] };
    ws.getCell('A2').value = 'Dân góp & "Nhà nước" <cùng làm>\nđợt 2';
    ws.getCell('B2').value = true;
    ws.getCell('C2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('D2').value = 12.5;
    ws.getCell('E2').value = { formula: 'D2*2', result: 25 };
    ws.getCell('F2').value = { formula: 'IF(D2>0,"có","không")', result: 'có' };
    ws.getCell('G2').value = { formula: 'D2>0', result: true };
    ws.getCell('H2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('I2').value = { formula: 'SUM(D2:D2)', result: 0 };
    ws.getCell('A3').value = { text: 'Sổ tay', hyperlink: 'https://example.org' };
    ws.getCell('A4').value = 'Töng sè';
    ws.getCell('A4').font = { name: '.VnTime' };
    ws.getCell('B4').value = 'Times';
    ws.getCell('B4').font = { name: 'Times New Roman' };
    ws.getCell('A5').value = 'gộp';
    ws.getCell('B5').value = 'dưới ô gộp';
    ws.mergeCells('A5:C6');
    ws.getCell('A7').value = '';
    wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'ẩn';
    const state = wb.addWorksheet('_lkh', { state: 'veryHidden' });
    state.getCell('A1').value = 'lkh-state/1';
    state.getCell('A2').value = '{"planYear":2027,';
    state.getCell('A3').value = '"unitName":"Xã Tân Lập"}';
    const bytes = await bytesOf(wb);
    const r = await bothWays(bytes);
    if (r === undefined || r === 'refused') throw new Error('not read');
    expect(r.fast).toEqual(r.exceljs);
    const fast = await FastReadWorkbook.open(bytes);
    expect(await fast?.readState()).toEqual({ planYear: 2027, unitName: 'Xã Tân Lập' });
    const [sheet] = (await fast?.readSheets(['thôn nà hin - i.2'], { fonts: true })) ?? [];
    expect(sheet.values[0][0]).toBe('Kế hoạch năm 2027');
    expect(sheet.values[1].slice(0, 4)).toEqual(['Dân góp & "Nhà nước" <cùng làm>\nđợt 2', true, null, 12.5]);
    expect(sheet.fonts?.[3][0]).toBe('.VnTime');
    expect(await fast?.listSheets()).toEqual(['Thôn Nà Hin - I.2', 'Ẩn']);
  });

  it('leaves to ExcelJS what it does not read itself: shared formulas, dates, cells over Excel’s length; refuses a part cut short', async () => {
    const shared = new ExcelJS.Workbook();
    const s = shared.addWorksheet('S');
    s.getCell('A1').value = 1;
    s.getCell('A2').value = 2;
    s.getCell('B1').value = { formula: 'A1*1000', result: 1000, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    s.getCell('B2').value = { sharedFormula: 'B1', result: 2000 };
    const dated = new ExcelJS.Workbook();
    dated.addWorksheet('D').getCell('A1').value = new Date(Date.UTC(2027, 4, 15));
    for (const wb of [shared, dated]) {
      const bytes = await bytesOf(wb);
      expect(await FastReadWorkbook.open(bytes)).toBeUndefined();
      // The caller's path then reads it as before.
      expect(await everything(await openForReading(bytes))).toEqual(await everything(await XlsxWorkbook.loadForReading(bytes)));
    }
    const [first] = (await (await openForReading(await bytesOf(dated))).readSheets(['D'])) ?? [];
    expect(first.values[0][0]).toBe('15/05/2027');
    // A cell over Excel's 32,767 characters: ExcelJS's path names the cell (the hostile fixture).
    const long = new Uint8Array(readFileSync(join(root, 'core', 'test', 'fixtures', 'hostile', 'files', 'o-40000-ky-tu.xlsx')));
    expect(await FastReadWorkbook.open(long)).toBeUndefined();
    await expect((async () => (await openForReading(long)).readSheets(await (await openForReading(long)).listSheets()))()).rejects.toThrow('32.767');
    // A worksheet cut short: the file is damaged…
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('P').getCell('A1').value = 'Thôn Nà Hin';
    expect(await FastReadWorkbook.open(await bytesOf(plain))).toBeDefined();
    const zip = await JSZip.loadAsync(await bytesOf(plain));
    const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    zip.file('xl/worksheets/sheet1.xml', (xml ?? '').slice(0, Math.floor((xml ?? '').length / 2)));
    const cut = await zip.generateAsync({ type: 'uint8array' });
    // …the XML reader says so itself, naming the part.
    await expect(FastReadWorkbook.open(cut)).rejects.toThrow('phần xl/worksheets/sheet1.xml bên trong tệp không phải XML đúng quy cách (phần bị cắt ngang');
  });

  it('refuses to write: a file from outside is only read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'x';
    const fast = await FastReadWorkbook.open(await bytesOf(wb));
    await expect(fast?.writeState({ planYear: 2027 })).rejects.toThrow('chỉ được mở để đọc');
  });
});
