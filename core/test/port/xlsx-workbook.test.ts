/** XlsxWorkbook beyond the shared contract: what the saved file holds, and reading files as Excel writes them. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { DataValidation, Worksheet } from 'exceljs';
import { PortError } from '../../src/port/memory';
import { LISTS_SHEET, numberText } from '../../src/xlsx/layout-writer';
import { STATE_CHUNK, STATE_SHEET, STATE_TAG, XlsxWorkbook, splitText } from '../../src/xlsx/xlsx-workbook';
import { portError } from './contract';
import { sampleLayout } from './fixtures';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function validation(ws: Worksheet, address: string): DataValidation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, DataValidation> } }).dataValidations.model[address];
}

function sheet(wb: ExcelJS.Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('XlsxWorkbook: the saved file', () => {
  let file: ExcelJS.Workbook;
  let ws: Worksheet;

  beforeAll(async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    file = await open(await port.save());
    ws = sheet(file, 'II.4.B');
  });

  it('keeps merges, column widths and row heights', () => {
    expect(ws.model.merges).toEqual(['A1:D1']);
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([6, 40, 12, 16]);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(3).height).toBe(24);
  });

  it('keeps fonts: Times New Roman, the style size or 11, bold and italic', () => {
    expect(ws.getCell('A1').font).toEqual({ name: 'Times New Roman', size: 14, bold: true });
    expect(ws.getCell('B4').font).toEqual({ name: 'Times New Roman', size: 11 });
    expect(ws.getCell('D6').font).toEqual({ name: 'Times New Roman', size: 11, bold: true });
  });

  it('keeps alignment, borders, fills and number formats', () => {
    expect(ws.getCell('A1').alignment).toEqual({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('C3').border).toEqual({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('C3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(ws.getCell('D4').numFmt).toBe('#,##0;-#,##0;""');
    expect(ws.getCell('C4').numFmt).toBe('#,##0');
    // The covered cells of a merge carry the top-left cell's style.
    expect(ws.getCell('D1').font).toEqual({ name: 'Times New Roman', size: 14, bold: true });
  });

  it('keeps formulas with their cached values', () => {
    expect(ws.getCell('D6').value).toEqual({ formula: 'SUM(D4:D5)', result: 4000000 });
  });

  it('keeps data validations: literal lists, whole and decimal numbers with bounds', () => {
    expect(validation(ws, 'B4')).toMatchObject({ type: 'list', formulae: ['"Đường giao thông,Nhà văn hoá,Trường học"'], showErrorMessage: true });
    expect(validation(ws, 'B5')).toEqual(validation(ws, 'B4'));
    expect(validation(ws, 'C5')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: 'Nhập số nguyên từ 0 trở lên.' });
    expect(validation(ws, 'D4')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1e12], error: 'Nhập số từ 0 đến 1.000.000.000.000.' });
    expect(validation(ws, 'B6')).toBeUndefined();
  });

  it('keeps the print setup: A4, orientation, one page wide, print area, repeated rows', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:D6',
      printTitlesRow: '3:3',
    });
  });

  it('freezes the header rows', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
  });

  it('prints portrait at 100 % without fitting when the layout says so', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(
      sampleLayout('Dọc', { print: { paper: 'A4', orientation: 'portrait', fitToWidth: false, area: { rows: 6, cols: 4 } }, freeze: undefined }),
    );
    const s = sheet(await open(await port.save()), 'Dọc');
    expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: false });
    expect(s.pageSetup.printTitlesRow).toBeUndefined();
    expect((s.views ?? []).find((v) => v.state === 'frozen')).toBeUndefined();
  });
});

describe('XlsxWorkbook: print areas survive a second save', () => {
  /** The print areas of a saved file, as its workbook.xml defines them. */
  async function printAreas(bytes: Uint8Array): Promise<string[]> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    return [...xml.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
  }

  it('writes the rows fixed after the file is opened and saved again (ExcelJS alone would write $A1:$D5)', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    const first = await port.save();
    const [area] = await printAreas(first);
    expect(area).toMatch(/!\$A\$1:\$[A-Z]+\$\d+$/);
    const again = await (await XlsxWorkbook.load(first)).save();
    expect(await printAreas(again)).toEqual([area]);
  });
});

describe('XlsxWorkbook: list validations too long for a literal', () => {
  const communes = Array.from({ length: 40 }, (_, i) => `Thôn Đồng Tâm số ${i + 1}`);
  const withComma = ['Giao thông, thuỷ lợi', 'Văn hoá'];

  it('refer to a very hidden sheet of lists, reused for the same list', async () => {
    expect(communes.join(',').length).toBeGreaterThan(255);
    const validations = [
      { kind: 'list' as const, row: 3, col: 1, rows: 2, cols: 1, values: communes },
      { kind: 'list' as const, row: 3, col: 2, rows: 2, cols: 1, values: withComma },
    ];
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout('A', { validations }));
    await port.createSheet(sampleLayout('B', { validations: [validations[0]] }));
    expect(await port.listSheets()).toEqual(['A', 'B']);
    const wb = await open(await port.save());
    const lists = sheet(wb, LISTS_SHEET);
    expect(lists.state).toBe('veryHidden');
    expect(validation(sheet(wb, 'A'), 'B4')?.formulae).toEqual(['_lkh_lists!$A$1:$A$40']);
    expect(validation(sheet(wb, 'A'), 'C5')?.formulae).toEqual(['_lkh_lists!$B$1:$B$2']);
    expect(validation(sheet(wb, 'B'), 'B4')?.formulae).toEqual(['_lkh_lists!$A$1:$A$40']);
    expect(lists.getColumn(1).values.slice(1)).toEqual(communes);
    expect(lists.getColumn(2).values.slice(1)).toEqual(withComma);
    expect(lists.getColumn(3).values.slice(1)).toEqual([]);
  });
});

describe('XlsxWorkbook: reading files as Excel writes them', () => {
  let port: XlsxWorkbook;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('II.4.B');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = 3;
    // A shared formula as Excel saves one (the typings of ExcelJS leave shareType and ref out).
    ws.getCell('B1').value = { formula: 'A1*1000', result: 1000, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 2000 };
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 3000 };
    ws.getCell('C1').value = { error: '#REF!' };
    ws.getCell('C2').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C3').value = { formula: 'TODAY()' };
    ws.getCell('D1').value = { richText: [{ text: 'Kế hoạch ' }, { font: { bold: true }, text: 'năm 2026' }] };
    ws.getCell('D2').value = new Date(Date.UTC(2025, 6, 1));
    ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    ws.getCell('D3').value = { text: 'Cổng thông tin', hyperlink: 'https://example.vn' };
    ws.getCell('E1').value = 'NguyÔn V¨n §ång';
    ws.getCell('E1').font = { name: '.VnTime', size: 12 };
    ws.getCell('E2').value = false;
    ws.getCell('E3').value = { formula: 'D2+1', result: new Date(Date.UTC(2025, 6, 2)) };
    ws.getCell('F1').value = 'Gộp';
    ws.mergeCells('F1:G3');
    ws.getCell('H5').value = '';
    wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'x';
    port = await XlsxWorkbook.load(await bytesOf(wb));
  });

  it('gives shared formulas translated to each cell, with cached results', async () => {
    const [s] = await port.readSheets(['II.4.B']);
    expect(s.values.map((r) => r[1])).toEqual([1000, 2000, 3000]);
    expect(s.formulas?.map((r) => r[1])).toEqual(['A1*1000', 'A2*1000', 'A3*1000']);
  });

  it('gives errors as codes, with null values, formula errors included', async () => {
    const [s] = await port.readSheets(['II.4.B']);
    expect(s.errors).toEqual([
      { row: 0, col: 2, code: '#REF!' },
      { row: 1, col: 2, code: '#DIV/0!' },
    ]);
    expect(s.values.map((r) => r[2])).toEqual([null, null, null]);
    expect(s.formulas?.map((r) => r[2])).toEqual([null, 'A1/0', 'TODAY()']);
  });

  it('gives rich text and hyperlinks as text, dates as dd/mm/yyyy, booleans', async () => {
    const [s] = await port.readSheets(['II.4.B']);
    expect(s.values.map((r) => r[3])).toEqual(['Kế hoạch năm 2026', '01/07/2025', 'Cổng thông tin']);
    expect(s.values.map((r) => r[4])).toEqual(['NguyÔn V¨n §ång', false, '02/07/2025']);
  });

  it('gives a merge once, its value in the top-left cell only', async () => {
    const [s] = await port.readSheets(['II.4.B']);
    expect(s.merges).toEqual([{ row: 0, col: 5, rows: 3, cols: 2 }]);
    // Column G holds nothing of its own: the used range ends at F.
    expect(s.values.map((r) => r.slice(5))).toEqual([['Gộp'], [null], [null]]);
  });

  it('bounds the used range by cells with a value (an empty string, a merge or a format is none)', async () => {
    const [s] = await port.readSheets(['II.4.B']);
    expect([s.top, s.left, s.values.length, s.values[0].length]).toEqual([0, 0, 3, 6]);
  });

  it('gives the TCVN3 font name when asked', async () => {
    const [s] = await port.readSheets(['II.4.B'], { fonts: true });
    expect(s.fonts?.[0][4]).toBe('.VnTime');
  });

  it('knows hidden sheets', async () => {
    expect(await port.listSheets()).toEqual(['II.4.B', 'Ẩn']);
    const [h] = await port.readSheets(['Ẩn']);
    expect(h.hidden).toBe(true);
  });
});

describe('XlsxWorkbook: document state in the file', () => {
  it('lives in a very hidden sheet, tagged, in pieces within Excel’s cell limit', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    const notes = 'ư'.repeat(70_000);
    await port.writeState({ extra: { notes } });
    const wb = await open(await port.save());
    const ws = sheet(wb, STATE_SHEET);
    expect(ws.state).toBe('veryHidden');
    expect(ws.getCell('A1').value).toBe(STATE_TAG);
    const pieces = (ws.getColumn(1).values as unknown[]).slice(2) as string[];
    expect(pieces.length).toBe(3);
    expect(pieces.every((p) => p.length <= STATE_CHUNK && p.length <= 32_767)).toBe(true);
    expect(JSON.parse(pieces.join(''))).toEqual({ extra: { notes } });
  });

  it('refuses a state of an unknown format or damaged JSON', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S');
    const state = wb.addWorksheet('_lkh', { state: 'veryHidden' });
    state.getCell('A1').value = 'lkh-state/9';
    const newer = await XlsxWorkbook.load(await bytesOf(wb));
    await expect(newer.readState()).rejects.toMatchObject({ code: 'STATE_INVALID' });
    state.getCell('A1').value = STATE_TAG;
    state.getCell('A2').value = '{"planYear":';
    const damaged = await XlsxWorkbook.load(await bytesOf(wb));
    await expect(damaged.readState()).rejects.toMatchObject({ code: 'STATE_INVALID' });
  });

  it('is parsed once while the sheet holds the same text, frozen, and read afresh after a write or an edit of the sheet', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    await port.writeState({ planYear: 2027, extra: { rows: { a: 'x|1' } } });
    const first = await port.readState();
    expect(await port.readState()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen((first.extra as { rows: object }).rows)).toBe(true);
    // A reader cannot change what the next one gets.
    expect(Reflect.set(first, 'planYear', 2030)).toBe(false);
    expect((await port.readState()).planYear).toBe(2027);
    await port.writeState({ ...first, planYear: 2028 });
    const second = await port.readState();
    expect(second).not.toBe(first);
    expect(second.planYear).toBe(2028);
    // A change made to the sheet's cells by other means is seen too: the cache is keyed by the text.
    const ws = port.workbook.getWorksheet(STATE_SHEET) as Worksheet;
    ws.getCell('A2').value = JSON.stringify({ planYear: 2029 });
    expect((await port.readState()).planYear).toBe(2029);
  });

  it('splits text without separating surrogate pairs', () => {
    const text = `${'a'.repeat(4)}😀${'b'.repeat(4)}`;
    const pieces = splitText(text, 5);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('aaaa');
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
  });
});

describe('XlsxWorkbook: files', () => {
  it('loads from an ArrayBuffer, a Uint8Array view with an offset, or a Node Buffer', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    const bytes = await port.save();
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 8);
    for (const data of [bytes.slice().buffer, padded.subarray(8), Buffer.from(bytes)]) {
      const again = await XlsxWorkbook.load(data);
      expect(await again.listSheets()).toEqual(['II.4.B']);
    }
  });

  it('refuses bytes that are no .xlsx file, saying what they are', async () => {
    await expect(XlsxWorkbook.load(new TextEncoder().encode('không phải tệp Excel'))).rejects.toMatchObject({
      code: 'WORKBOOK_INVALID',
      message: expect.stringContaining('tệp văn bản'),
    });
  });

  it('saves with a visible active tab even when the state sheet comes first', async () => {
    const port = XlsxWorkbook.create();
    await port.writeState({ planYear: 2026 });
    await port.createSheet(sampleLayout());
    const wb = await open(await port.save());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['_lkh', 'II.4.B']);
    expect(wb.views[0]).toMatchObject({ activeTab: 1, firstSheet: 1 });
  });

  it('leaves the workbook as it was when a layout cannot be applied', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout());
    const overlapping = sampleLayout('II.4.B', { merges: [{ row: 0, col: 0, rows: 1, cols: 4 }, { row: 0, col: 1, rows: 2, cols: 1 }] });
    await expect(port.createSheet(overlapping)).rejects.toThrow();
    expect(await port.listSheets()).toEqual(['II.4.B']);
    const [s] = await port.readSheets(['II.4.B']);
    expect(s.values[0][0]).toBe('KẾ HOẠCH THỰC HIỆN');
  });

  it('refuses to save a workbook without a visible sheet', async () => {
    const port = XlsxWorkbook.create();
    await port.writeState({ planYear: 2026 });
    await expect(port.save()).rejects.toBeInstanceOf(PortError);
  });

  it('copies a sheet with its formats, sizes, validations and print setup', async () => {
    const port = XlsxWorkbook.create();
    await port.createSheet(sampleLayout('Mẫu'));
    await port.copySheet('Mẫu', 'Thôn A');
    const wb = await open(await port.save());
    const a = sheet(wb, 'Mẫu');
    const b = sheet(wb, 'Thôn A');
    for (const address of ['A1', 'C3', 'D4', 'D6']) {
      expect(b.getCell(address).style).toEqual(a.getCell(address).style);
      expect(b.getCell(address).value).toEqual(a.getCell(address).value);
    }
    expect(b.model.merges).toEqual(['A1:D1']);
    expect(b.getColumn(2).width).toBe(40);
    expect(b.getRow(1).height).toBe(30);
    expect(validation(b, 'B4')).toEqual(validation(a, 'B4'));
    expect(b.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printArea: 'A1:D6', printTitlesRow: '3:3' });
  });

  it('deletes sheets from the saved file, keeping the other sheets’ print setup, defined names and the state', async () => {
    const port = XlsxWorkbook.create();
    await port.writeState({ planYear: 2026 });
    const area = (rows: number, cols: number): Parameters<typeof sampleLayout>[1] => ({ print: { ...sampleLayout().print, area: { rows, cols } } });
    await port.createSheet(sampleLayout('Mẫu', area(6, 4)));
    await port.createSheet(sampleLayout('II.4.B', area(5, 3)));
    await port.createSheet(sampleLayout('Khác', area(3, 2)));
    await port.createSheet(sampleLayout('II.4.B', area(4, 3)));
    expect(await port.listSheets()).toEqual(['Mẫu', 'II.4.B (cũ)', 'Khác', 'II.4.B']);
    port.workbook.definedNames.add("'II.4.B (cũ)'!$D$6", 'TongCu');
    port.workbook.definedNames.add("'II.4.B (cũ)'!$A$1", 'Chung');
    port.workbook.definedNames.add("'Khác'!$B$2", 'Chung');
    port.workbook.definedNames.add("'II.4.B'!$D$6", 'Tong');

    await port.deleteSheets(['ii.4.b (CŨ)']);
    const bytes = await port.save();
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['_lkh', 'Mẫu', 'Khác', 'II.4.B']);
    expect(sheet(wb, '_lkh').state).toBe('veryHidden');
    expect(sheet(wb, 'Mẫu').pageSetup).toMatchObject({ printArea: 'A1:D6', printTitlesRow: '3:3' });
    expect(sheet(wb, 'Khác').pageSetup).toMatchObject({ printArea: 'A1:B3', printTitlesRow: '3:3' });
    expect(sheet(wb, 'II.4.B').pageSetup).toMatchObject({ printArea: 'A1:C4', printTitlesRow: '3:3' });
    const names = Object.fromEntries(wb.definedNames.model.map((d) => [d.name, d.ranges]));
    expect(names).toEqual({ Chung: ["'Khác'!$B$2"], Tong: ["'II.4.B'!$D$6"] });

    const again = await XlsxWorkbook.load(bytes);
    expect(await again.listSheets()).toEqual(['Mẫu', 'Khác', 'II.4.B']);
    expect(await again.readState()).toEqual({ planYear: 2026 });
    expect((await portError(again.readSheets(['II.4.B (cũ)']))).code).toBe('SHEET_NOT_FOUND');
    const [b] = await again.readSheets(['II.4.B']);
    expect(b.values[0][0]).toBe('KẾ HOẠCH THỰC HIỆN');
  });

  it('never deletes its own very hidden sheets, the state and the lists', async () => {
    const port = XlsxWorkbook.create();
    const long = sampleLayout('II.4.B', { validations: [{ kind: 'list', row: 3, col: 1, rows: 2, cols: 1, values: ['a,b', 'c'] }] });
    await port.createSheet(long);
    await port.createSheet(sampleLayout('Khác'));
    await port.writeState({ planYear: 2026 });
    expect(port.workbook.worksheets.map((w) => w.name)).toEqual(['II.4.B', LISTS_SHEET, 'Khác', STATE_SHEET]);
    for (const name of [STATE_SHEET, LISTS_SHEET, STATE_SHEET.toUpperCase()]) {
      expect((await portError(port.deleteSheets(['Khác', name]))).code).toBe('SHEET_NOT_FOUND');
    }
    await port.deleteSheets(['II.4.B']);
    expect(port.workbook.worksheets.map((w) => w.name)).toEqual([LISTS_SHEET, 'Khác', STATE_SHEET]);
    const again = await XlsxWorkbook.load(await port.save());
    expect(await again.listSheets()).toEqual(['Khác']);
    expect(await again.readState()).toEqual({ planYear: 2026 });
  });

  it('writes numbers in messages as Vietnamese readers do', () => {
    expect(numberText(1234567.5)).toBe('1.234.567,5');
    expect(numberText(-1000)).toBe('-1.000');
    expect(numberText(0)).toBe('0');
  });
});

describe('formula results', () => {
  it('keeps a cached 0 (ExcelJS drops falsy results from cell.value)', async () => {
    const raw = new ExcelJS.Workbook();
    const ws = raw.addWorksheet('S');
    ws.getCell('A1').value = 0;
    ws.getCell('B1').value = { formula: 'A1*2', result: 0 };
    ws.getCell('C1').value = { formula: 'A1>1', result: false };
    const wb = await XlsxWorkbook.load(new Uint8Array(await raw.xlsx.writeBuffer()));
    const [s] = await wb.readSheets(['S']);
    expect(s.values[0]).toEqual([0, 0, false]);
    expect(s.formulas?.[0]).toEqual([null, 'A1*2', 'A1>1']);
  });
});
