/**
 * OfficeWorkbook against the strict fake of office-js: the port contract (the cases of
 * core/test/port/contract.test.ts, where Excel differs said so), then what the Excel adapter
 * promises beyond it: constant syncs, chunked writes under 5 MB with values before formats and
 * calculation suspended, layouts as Excel formats, state in the very hidden sheet, gating by
 * requirement set.
 */
import ExcelJS from 'exceljs';
import type { SheetLayout } from '../../core/src/layout/types';
import type { MemoryCellInput, SheetData, WorkbookPort } from '../../core/src/port';
import { STATE_SHEET as XLSX_STATE_SHEET, STATE_TAG as XLSX_STATE_TAG, XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { stateFromColumn } from '../../core/src/xlsx/limits';
import { describePortContract, portError } from '../../core/test/port/contract';
import { sampleLayout } from '../../core/test/port/fixtures';
import {
  OfficeWorkbook,
  STATE_SHEET,
  isDateFormat,
  needsQuote,
  parseAreas,
  rectanglesOf,
  serialDateText,
  widthToPoints,
} from '../src/office-port';
import { FakeExcel, FakeOfficeError, PAYLOAD_LIMIT } from './fake-office';

type Rows = readonly (readonly MemoryCellInput[])[];

function setUp(sheets: Readonly<Record<string, Rows>>, options: { hidden?: readonly string[]; apiVersion?: string } = {}): { fake: FakeExcel; port: OfficeWorkbook } {
  const fake = new FakeExcel({ apiVersion: options.apiVersion });
  for (const [name, rows] of Object.entries(sheets)) fake.addSheet(name, rows, { hidden: options.hidden?.includes(name) });
  // Excel always has a visible sheet; a test starting from none gets a hidden-free scratch one only if needed.
  return { fake, port: new OfficeWorkbook(fake.run, { isSupported: fake.isSupported }) };
}

/** An empty workbook as Excel opens one: a single visible sheet the tests ignore, at the end of the tabs. */
function emptyWorkbook(apiVersion?: string): { fake: FakeExcel; port: OfficeWorkbook } {
  return setUp({ Sheet1: [] }, { apiVersion });
}

/** Syncs taken by one call. */
async function syncsOf(fake: FakeExcel, call: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await call();
  return fake.syncs - before;
}

for (const [label, apiVersion] of [
  ['ExcelApi 1.17 (Excel 2024)', '1.17'],
  ['ExcelApi 1.7 (the floor)', '1.7'],
] as const) {
  describePortContract(`OfficeWorkbook on ${label}`, () => {
    const fakes = new WeakMap<WorkbookPort, FakeExcel>();
    const open = (fake: FakeExcel): OfficeWorkbook => {
      const port = new OfficeWorkbook(fake.run, { isSupported: fake.isSupported });
      fakes.set(port, fake);
      return port;
    };
    return {
      // Excel always has a visible sheet: an "empty" workbook is Excel's new one, holding Sheet1.
      fromArrays: async (sheets, options) => {
        const fake = new FakeExcel({ apiVersion });
        const entries = Object.entries(sheets);
        if (entries.length === 0) fake.addSheet('Sheet1', []);
        for (const [name, rows] of entries) fake.addSheet(name, rows, { hidden: options?.hidden?.includes(name) });
        return open(fake);
      },
      reopen: async (port) => open(fakes.get(port) as FakeExcel),
      emptySheets: ['Sheet1'],
      computesFormulas: true,
      readsMerges: apiVersion !== '1.7',
      allowedNames: [],
    };
  });
}

describe('OfficeWorkbook: beyond the contract', () => {
  it('refuses an invalid sheet name before adding any sheet', async () => {
    const { fake, port } = setUp({ S: [[1]] });
    expect((await portError(port.createSheet(sampleLayout('A/B')))).code).toBe('SHEET_NAME_INVALID');
    expect(fake.sheets.map((s) => s.name)).toEqual(['S']);
  });

  it('copies the formats of a sheet with its values', async () => {
    const { fake, port } = emptyWorkbook();
    await port.createSheet(sampleLayout('Mẫu'));
    await port.copySheet('Mẫu', 'Thôn A - II.4.B');
    expect(fake.sheet('Thôn A - II.4.B').at('A3')?.fill).toBe('#F2F2F2');
  });

  it('keeps the state in a very hidden sheet', async () => {
    const { fake, port } = setUp({ S: [[1]] });
    await port.writeState({ planYear: 2027 });
    expect(fake.sheet('_lkh').visibility).toBe('VeryHidden');
  });

  it('deletes sheets in two syncs whatever their number, every delete in one request', async () => {
    const sheets: Record<string, Rows> = { Giữ: [[1]] };
    for (let i = 1; i <= 20; i++) sheets[`II.4.B (cũ ${i + 1})`] = [[i]];
    const { fake, port } = setUp(sheets);
    const doomed = Object.keys(sheets).slice(1);
    const before = fake.requests.length;
    expect(await syncsOf(fake, () => port.deleteSheets(doomed.map((n) => n.toUpperCase())))).toBe(2);
    const deleting = fake.requests.slice(before).map((r) => r.ops.filter((o) => o.kind === 'sheet.delete').map((o) => o.sheet));
    expect(deleting).toEqual([[], doomed]);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Giữ']);
    expect(await syncsOf(fake, () => port.deleteSheets([]))).toBe(0);
  });

  it('refuses a deletion after the sheet list alone, queuing no delete', async () => {
    const { fake, port } = setUp({ A: [[1]], B: [[2]] }, { hidden: ['B'] });
    for (const names of [['A'], ['A', 'B'], ['B', 'Không có'], [STATE_SHEET]]) {
      const before = fake.requests.length;
      await portError(port.deleteSheets(names));
      expect(fake.requests.length - before).toBe(1);
      expect(fake.requests.slice(before).flatMap((r) => r.ops).some((o) => o.kind === 'sheet.delete')).toBe(false);
    }
    expect(fake.sheets.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('makes a very hidden user sheet hidden before deleting it (Excel will not delete a very hidden sheet)', async () => {
    const { fake, port } = setUp({ A: [[1]] });
    fake.addSheet('Riêng', [[2]], { visibility: 'VeryHidden' });
    await port.writeState({ planYear: 2026 });
    const before = fake.requests.length;
    await port.deleteSheets(['riêng']);
    const ops = fake.requests.slice(before).flatMap((r) => r.ops).filter((o) => o.kind.startsWith('sheet.'));
    expect(ops.map((o) => [o.kind, o.sheet])).toEqual([
      ['sheet.visibility', 'Riêng'],
      ['sheet.delete', 'Riêng'],
    ]);
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['A', 'Visible'],
      [STATE_SHEET, 'VeryHidden'],
    ]);
    expect(await port.readState()).toEqual({ planYear: 2026 });
  });

  it('refuses what JSON cannot hold before touching the workbook', async () => {
    const { fake, port } = setUp({ S: [[1]] });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const syncs = fake.syncs;
    expect((await portError(port.writeState({ extra: cyclic }))).code).toBe('STATE_INVALID');
    expect(fake.syncs).toBe(syncs);
  });
});

describe('OfficeWorkbook: round trips', () => {
  it('keeps text that Excel would otherwise parse as a formula, number, date or boolean', async () => {
    const tricky = ['0123', '=A1', '+84 912', '-abc', 'TRUE', 'false', '1/2/2026', '12%', "'trích'", '#N/A', '1,000', ' 5', 'Mar 5', '@x', 'bình thường'];
    const { fake, port } = setUp({ S: [] });
    await port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [tricky] }]);
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual([tricky]);
    expect(s.errors).toEqual([]);
    expect(s.formulas).toEqual([tricky.map(() => null)]);
    // Plain text goes unquoted.
    expect(fake.sheet('S').at('O1')?.quotePrefix).toBeUndefined();
    expect(tricky.filter(needsQuote)).toEqual(tricky.slice(0, -1));
  });

  it('gives dates as dd/mm/yyyy text, keeping numbers under number formats as numbers', async () => {
    const { fake, port } = setUp({ S: [[45658, 1234.5]] });
    fake.sheet('S').ensure(0, 0).numberFormat = 'dd/mm/yyyy';
    fake.sheet('S').ensure(0, 1).numberFormat = '#,##0.0 "đ"';
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual([['01/01/2025', 1234.5]]);
    expect(isDateFormat('[$-42A]dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('#,##0 "ngày"')).toBe(false);
    expect(serialDateText(46023)).toBe('01/01/2026');
  });

  it('parses merged areas whatever the sheet name holds', () => {
    expect(parseAreas("'Thôn A, B'!C3:D4, 'Thôn A, B'!A1:B1,'Thôn A, B'!$E$5")).toEqual([
      { row: 0, col: 0, rows: 1, cols: 2 },
      { row: 2, col: 2, rows: 2, cols: 2 },
      { row: 4, col: 4, rows: 1, cols: 1 },
    ]);
  });

  it('converts layout widths (characters) to points', () => {
    expect(widthToPoints(6)).toBe(31.5);
    expect(widthToPoints(40)).toBe(210);
  });
});

describe('OfficeWorkbook: syncs', () => {
  it.each([1, 5, 50])('reads %i sheets in the same number of syncs', async (n) => {
    const sheets: Record<string, Rows> = {};
    for (let i = 0; i < n; i++) sheets[`Thôn ${i + 1}`] = [['TT', 'Hoạt động', 'Kinh phí'], [1, `Đường thôn ${i + 1}`, { formula: 'C3*2', value: 2 }], [2, 'Nhà văn hoá', 1]];
    const { fake, port } = setUp(sheets);
    const names = Object.keys(sheets);
    let data: SheetData[] = [];
    expect(await syncsOf(fake, async () => (data = await port.readSheets(names)))).toBe(3);
    expect(data).toHaveLength(n);
    expect(data[n - 1].values[1]).toEqual([1, `Đường thôn ${n}`, 2]);
    expect(await syncsOf(fake, () => port.readSheets(names, { fonts: true }))).toBe(3);
    expect(await syncsOf(fake, () => port.listSheets())).toBe(1);
  });

  it('takes a fixed number of syncs for the other calls, whatever the size', async () => {
    const { fake, port } = emptyWorkbook();
    expect(await syncsOf(fake, () => port.createSheet(sampleLayout('A')))).toBe(3);
    expect(await syncsOf(fake, () => port.writeValues([{ sheet: 'A', row: 6, col: 0, values: [[1, 'x']] }]))).toBe(3);
    expect(await syncsOf(fake, () => port.copySheet('A', 'B'))).toBe(2);
    expect(await syncsOf(fake, () => port.writeState({ planYear: 2026 }))).toBe(2);
    expect(await syncsOf(fake, () => port.readState())).toBe(2);
  });
});

/** A layout of rows × 17 columns: a header, then body rows of text, numbers and a row-total formula. */
function bigLayout(name: string, rows: number): SheetLayout {
  const base = sampleLayout(name);
  const cells: SheetLayout['cells'][number][] = [];
  for (let c = 0; c < 17; c++) cells.push({ row: 0, col: c, value: `Cột ${c + 1}`, style: 'header' });
  for (let r = 1; r <= rows; r++) {
    cells.push({ row: r, col: 0, value: r, style: 'center' });
    cells.push({ row: r, col: 1, value: `Hoạt động số ${r} của thôn Đồng Tâm, xã Tân Lập`, style: 'textWrap' });
    for (let c = 2; c < 16; c++) cells.push({ row: r, col: c, value: r * 1000 + c, style: 'amount' });
    cells.push({ row: r, col: 16, value: null, formula: `SUM(C${r + 1}:P${r + 1})`, style: 'amountTotal' });
  }
  return {
    ...base,
    cells,
    merges: [],
    validations: [{ kind: 'decimal', row: 1, col: 2, rows, cols: 14, min: 0 }],
    columnWidths: [6, 40, ...new Array<number>(15).fill(14)],
    rowHeights: { 0: 30 },
    print: { ...base.print, repeatRows: { from: 0, to: 0 }, area: { rows: rows + 1, cols: 17 } },
    freeze: { rows: 1, cols: 2 },
  };
}

describe('OfficeWorkbook: large writes (20,000 rows × 17 columns)', () => {
  const ROWS = 20_000;

  it('writes values in requests under 5 MB, calculation suspended, then recalculates once', async () => {
    const { fake, port } = setUp({ Data: [] });
    const values = Array.from({ length: ROWS }, (_, r) => [
      r + 1,
      `Hoạt động số ${r + 1} của thôn Đồng Tâm, xã Tân Lập, huyện Mỹ Đức`,
      ...Array.from({ length: 14 }, (_, c) => (r + 1) * 1000 + c),
      { formula: `SUM(C${r + 1}:P${r + 1})` },
    ]);
    const start = fake.requests.length;
    await port.writeValues([{ sheet: 'Data', row: 0, col: 0, values }]);
    const requests = fake.requests.slice(start);
    const writes = requests.filter((r) => r.ops.some((o) => o.kind === 'values' || o.kind === 'formulas'));
    expect(writes.length).toBeGreaterThan(1);
    for (const r of requests) expect(r.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    for (const r of writes) {
      for (const o of r.ops.filter((x) => x.kind === 'formulas' || x.kind === 'values')) {
        expect(o.calculationSuspended).toBe(true);
        expect(o.screenUpdatingSuspended).toBe(true);
      }
    }
    // Two syncs to check (sheets, merged areas), the chunks, then one recalculation.
    expect(requests).toHaveLength(2 + writes.length + 1);
    expect(requests[requests.length - 1].ops.map((o) => o.kind)).toEqual(['calculate']);
    expect(fake.sheet('Data').at('Q20000')?.value).toBe(ROWS * 1000 * 14 + 91);

    // It reads back whole, in bands under the response limit.
    const readStart = fake.requests.length;
    const [d] = await port.readSheets(['Data']);
    expect(d.values).toHaveLength(ROWS);
    expect(d.values[ROWS - 1][1]).toBe(`Hoạt động số ${ROWS} của thôn Đồng Tâm, xã Tân Lập, huyện Mỹ Đức`);
    expect(d.formulas?.[ROWS - 1][16]).toBe(`SUM(C${ROWS}:P${ROWS})`);
    for (const r of fake.requests.slice(readStart)) expect(r.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  it('creates a large sheet: values first (calculation suspended), formats after, by rectangles', async () => {
    const { fake, port } = emptyWorkbook();
    const start = fake.requests.length;
    await port.createSheet(bigLayout('Lớn', ROWS));
    const requests = fake.requests.slice(start);
    for (const r of requests) expect(r.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const valueRequests = requests.filter((r) => r.ops.some((o) => o.kind === 'values' || o.kind === 'formulas'));
    const formatRequests = requests.filter((r) => r.ops.some((o) => ['format', 'numberFormat', 'merge', 'validation', 'pageLayout', 'freeze'].includes(o.kind)));
    expect(valueRequests.length).toBeGreaterThan(1);
    expect(Math.max(...valueRequests.map((r) => r.index))).toBeLessThan(Math.min(...formatRequests.map((r) => r.index)));
    for (const r of valueRequests) for (const o of r.ops.filter((x) => x.kind === 'values' || x.kind === 'formulas')) expect(o.calculationSuspended).toBe(true);
    expect(formatRequests[0].ops.filter((o) => !o.kind.startsWith('suspend'))[0].kind).toBe('calculate');
    // A style is one rectangle down the body, not one command per cell.
    const formatOps = requests.flatMap((r) => r.ops).filter((o) => o.kind === 'format');
    expect(formatOps.length).toBeLessThan(200);

    const s = fake.sheet('Lớn');
    expect(s.at('Q2')?.value).toBe(1000 * 14 + 119);
    expect(s.at('C20001')?.numberFormat).toBe('#,##0;-#,##0;""');
    expect(s.at('Q20001')?.font).toEqual({ name: 'Times New Roman', size: 11, bold: true });
    expect(s.at('B777')?.borders).toEqual({ top: 'Thin', bottom: 'Thin', left: 'Thin', right: 'Thin' });
    expect(s.freeze).toEqual({ rows: 1, cols: 2 });
  });

  it('cuts a row too large for one request into column pieces', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    const port = new OfficeWorkbook(fake.run, { isSupported: fake.isSupported, requestBudget: 50_000 });
    const row = Array.from({ length: 30 }, (_, i) => `${'x'.repeat(3000)}${i}`);
    await port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [row] }]);
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual([row]);
  });
});

describe('OfficeWorkbook: layouts as Excel formats', () => {
  it('applies fonts, alignment, borders, fills, number formats, sizes, validations, print setup and frozen panes', async () => {
    const { fake, port } = emptyWorkbook();
    await port.createSheet(sampleLayout());
    const s = fake.sheet('II.4.B');
    expect(s.at('A1')).toMatchObject({ font: { name: 'Times New Roman', size: 14, bold: true }, hAlign: 'Center', vAlign: 'Center', wrap: true });
    // The merged title area carries the top-left cell's style.
    expect(s.at('D1')?.font).toEqual({ name: 'Times New Roman', size: 14, bold: true });
    expect(s.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 4 }]);
    expect(s.at('C3')).toMatchObject({ fill: '#F2F2F2', borders: { top: 'Thin', bottom: 'Thin', left: 'Thin', right: 'Thin' } });
    expect(s.at('D4')?.numberFormat).toBe('#,##0;-#,##0;""');
    expect(s.at('C4')).toMatchObject({ numberFormat: '#,##0', hAlign: 'Right' });
    expect([0, 1, 2, 3].map((c) => s.columnWidths.get(c))).toEqual([31.5, 210, 63, 84]);
    expect(s.rowHeights.get(0)).toBe(30);
    expect(s.rowHeights.get(2)).toBe(24);
    expect(s.validations).toEqual([
      {
        range: { row: 3, col: 1, rows: 2, cols: 1 },
        ignoreBlanks: true,
        rule: { list: { inCellDropDown: true, source: 'Đường giao thông,Nhà văn hoá,Trường học' } },
        errorAlert: { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: 'Chọn một giá trị trong danh sách.' },
      },
      {
        range: { row: 3, col: 2, rows: 2, cols: 1 },
        ignoreBlanks: true,
        rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
        errorAlert: { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: 'Nhập số nguyên từ 0 trở lên.' },
      },
      {
        range: { row: 3, col: 3, rows: 2, cols: 1 },
        ignoreBlanks: true,
        rule: { decimal: { formula1: 0, formula2: 1e12, operator: 'Between' } },
        errorAlert: { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: 'Nhập số từ 0 đến 1.000.000.000.000.' },
      },
    ]);
    expect(s.page).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: 'A1:D6', printTitleRows: '$3:$3', centerFooter: 'Trang &P/&N' });
    expect(s.freeze).toEqual({ rows: 3, cols: 0 });
  });

  it('puts long lists in the very hidden lists sheet, reusing a column holding the same list', async () => {
    const { fake, port } = emptyWorkbook();
    const values = Array.from({ length: 40 }, (_, i) => `Dự án ${i + 1}, giai đoạn 2026-2030`);
    const layout = (name: string): SheetLayout => sampleLayout(name, { validations: [{ kind: 'list', row: 3, col: 1, rows: 2, cols: 1, values }] });
    await port.createSheet(layout('A'));
    await port.createSheet(layout('B'));
    const lists = fake.sheet('_lkh_lists');
    expect(lists.visibility).toBe('VeryHidden');
    expect(lists.at('A40')?.value).toBe(values[39]);
    expect(lists.at('B1')).toBeUndefined();
    expect(fake.sheet('B').validations[0].rule).toEqual({ list: { inCellDropDown: true, source: '=_lkh_lists!$A$1:$A$40' } });
    expect(await port.listSheets()).toEqual(['Sheet1', 'A', 'B']);
  });

  it('leaves out what this Excel lacks instead of failing (ExcelApi 1.7)', async () => {
    const { fake, port } = emptyWorkbook('1.7');
    await port.createSheet(sampleLayout());
    const s = fake.sheet('II.4.B');
    expect(s.validations).toEqual([]);
    expect(s.page.paperSize).toBe('Letter');
    expect(s.merges).toHaveLength(1);
    expect(s.freeze).toEqual({ rows: 3, cols: 0 });
    expect(port.features).toEqual({ validation: false, pageLayout: false, cellProperties: false, screenUpdating: false, mergedAreas: false, insertFromBase64: false });
  });

  it('removes a half-made sheet and gives the old one its name back when Excel fails midway', async () => {
    const { fake, port } = setUp({ 'II.4.B': [['cũ']] });
    fake.failAt = fake.requests.length + 2; // the list, the values, then the formats fail
    await expect(port.createSheet(sampleLayout())).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.sheets.map((s) => s.name)).toEqual(['II.4.B']);
    expect(fake.sheet('II.4.B').at('A1')?.value).toBe('cũ');
  });
});

describe('OfficeWorkbook: document state in the very hidden sheet', () => {
  it('writes the format of XlsxWorkbook: a state over several chunks is read back by the .xlsx side', async () => {
    const { fake, port } = setUp({ S: [[1]] });
    const notes = Array.from({ length: 2000 }, (_, i) => `Ghi chú ${i}: "trích dẫn", xuống\ndòng, 😀 ${'ư'.repeat(i % 40)}`);
    await port.writeState({ planYear: 2027, extra: { notes } });
    const sheet = fake.sheet(XLSX_STATE_SHEET);
    const column = (row: number) => sheet.cells.get(row * 16384)?.value;
    expect(column(0)).toBe(XLSX_STATE_TAG);
    expect(column(2)).toBeDefined(); // more than one chunk of 32,000 characters
    expect(stateFromColumn(column)).toEqual({ planYear: 2027, extra: { notes } });
  });

  it('splits a large state across cells of at most 32,000 characters, written as text', async () => {
    const { fake, port } = setUp({ S: [[1]] });
    const notes = Array.from({ length: 3000 }, (_, i) => `-${i}: =SUM(A1) 1/2/2026 TRUE 😀 ${'đ'.repeat(i % 50)}`);
    await port.writeState({ extra: { notes } });
    const sheet = fake.sheet('_lkh');
    const pieces = [...sheet.cells.entries()].filter(([k]) => k % 16384 === 0).map(([, c]) => c);
    expect(pieces.length).toBeGreaterThan(3);
    for (const c of pieces) {
      expect(typeof c.value).toBe('string');
      expect((c.value as string).length).toBeLessThanOrEqual(32_000);
      expect(c.formula).toBeUndefined();
    }
    expect(await port.readState()).toEqual({ extra: { notes } });
  });

  it('reads the state a file made by XlsxWorkbook carries, and XlsxWorkbook reads the state written here', async () => {
    // xlsx → Excel: the CLI or the standalone page wrote it; Excel opened the file.
    const made = XlsxWorkbook.create();
    await made.createSheet(sampleLayout());
    await made.writeState({ planYear: 2026, unitName: 'Xã Đồng Tâm' });
    const fake = new FakeExcel();
    await fake.insertFromXlsx(await made.save());
    const port = new OfficeWorkbook(fake.run, { isSupported: fake.isSupported });
    expect(await port.readState()).toEqual({ planYear: 2026, unitName: 'Xã Đồng Tâm' });
    expect(await port.listSheets()).toEqual(['II.4.B']);

    // Excel → xlsx: what the add-in writes, saved by Excel, read by XlsxWorkbook.
    await port.writeState({ planYear: 2027, extra: { ghiChu: '=không phải công thức' } });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const ws = wb.addWorksheet('_lkh', { state: 'veryHidden' });
    for (const [k, c] of fake.sheet('_lkh').cells) ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1).value = c.value === '' ? null : c.value;
    const back = await XlsxWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await back.readState()).toEqual({ planYear: 2027, extra: { ghiChu: '=không phải công thức' } });
  });

  it('refuses a state written by a newer format', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S', [[1]]);
    fake.addSheet('_lkh', [['lkh-state/9'], ['{}']], { visibility: 'VeryHidden' });
    const port = new OfficeWorkbook(fake.run, { isSupported: fake.isSupported });
    expect((await portError(port.readState())).code).toBe('STATE_INVALID');
  });
});

describe('the strict fake', () => {
  it('throws when a property is read before load() and sync()', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S', [[1]]);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => range.values).toThrow(FakeOfficeError);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values).toEqual([[1]]);
      expect(() => range.formulas).toThrow(/'formulas' is not available/);
    });
  });

  it('throws on anything outside the faked surface, and on APIs newer than its ExcelApi', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      // charts are faked now (the handout's); shapes are not.
      expect(() => (ws as unknown as { shapes: unknown }).shapes).toThrow(/not part of the faked office-js surface/);
      expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.getRange().getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      await ctx.sync();
    });
  });

  it('deletes a sheet as Excel does: ExcelApi 1.1, never the last visible sheet', async () => {
    const old = new FakeExcel({ apiVersion: '1.0' });
    old.addSheet('S');
    await old.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem('S').delete()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      await ctx.sync();
    });
    const fake = new FakeExcel({ apiVersion: '1.1' });
    fake.addSheet('A');
    fake.addSheet('B');
    fake.addSheet('C', [], { hidden: true });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').delete();
      ctx.workbook.worksheets.getItem('B').delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation', message: 'A workbook must contain at least one visible worksheet.' });
    });
    // office-js runs a request's commands in order, not as a transaction: A went before B was refused.
    expect(fake.sheets.map((s) => s.name)).toEqual(['B', 'C']);
  });

  it('refuses requests over 5 MB', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['x'.repeat(60_000)]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
  });

  it('makes OfficeWorkbook read smaller bands when a response is too large', async () => {
    const fake = new FakeExcel({ responseLimit: 200_000 });
    const rows = Array.from({ length: 300 }, (_, i) => [i, 'x'.repeat(1000)]);
    fake.addSheet('S', rows);
    const port = new OfficeWorkbook(fake.run, { isSupported: fake.isSupported });
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual(rows);
  });

  it('packs equal neighbours into rectangles', () => {
    const cells = [
      { row: 0, col: 0, key: 'a' },
      { row: 0, col: 1, key: 'a' },
      { row: 1, col: 0, key: 'a' },
      { row: 1, col: 1, key: 'a' },
      { row: 1, col: 2, key: 'b' },
      { row: 3, col: 0, key: 'a' },
    ];
    expect(rectanglesOf(cells)).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2, key: 'a' },
      { row: 1, col: 2, rows: 1, cols: 1, key: 'b' },
      { row: 3, col: 0, rows: 1, cols: 1, key: 'a' },
    ]);
  });
});
