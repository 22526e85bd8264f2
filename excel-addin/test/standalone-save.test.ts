/**
 * @jest-environment jsdom
 */
/**
 * The standalone page's "Tải xuống": the name the workbook is saved under (the file opened, else the
 * commune and year from the settings, ASCII), the bytes (everything LKH added, state included, read
 * back by the same reader), and the browser download itself (a Blob with the .xlsx type, an anchor
 * with the download name, clicked once and removed).
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { getForm } from '../../core/src/forms/registry';
import { layoutForm } from '../../core/src/layout/engine';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { XLSX_MIME, downloadBytes } from '../../core/ui/files';
import { fileSafe, loadDemo, newWorkbook, openFiles, saveName, saveWorkbook } from '../src/standalone-workbook';

// ExcelJS in jsdom needs the encoders Node has.
Object.assign(globalThis, { TextEncoder, TextDecoder });

describe('saveName', () => {
  it.each<[string | undefined, Record<string, unknown>, string]>([
    ['Thon-Na-Liu.xlsx', { unitName: 'Xã Tân Lập', planYear: 2027 }, 'Thon-Na-Liu.xlsx'],
    ['ke hoach.XLSX', {}, 'ke hoach.XLSX'],
    ['thon-a.xls', {}, 'thon-a.xlsx'],
    ['Thôn A: bản 2.xlsm', {}, 'Thôn A  bản 2.xlsx'],
    [undefined, { unitName: 'Xã Tân Lập', planYear: 2027 }, 'Xa-Tan-Lap-LKH-2027.xlsx'],
    [undefined, { unitName: 'Xã Đồng Tâm' }, 'Xa-Dong-Tam-LKH.xlsx'],
    [undefined, { planYear: 2028 }, 'LKH-2028.xlsx'],
    [undefined, {}, 'LKH.xlsx'],
  ])('opened %s, settings %j → %s', async (opened, state, name) => {
    const wb = newWorkbook();
    if (Object.keys(state).length > 0) await wb.writeState(state);
    expect(await saveName(wb, opened)).toBe(name);
  });

  it('a workbook whose saved state cannot be read still gets a name', async () => {
    const wb = newWorkbook();
    const ws = wb.workbook.addWorksheet('_lkh', { state: 'veryHidden' });
    ws.getCell('A1').value = 'lkh-state/999';
    await expect(wb.readState()).rejects.toThrow();
    expect(await saveName(wb)).toBe('LKH.xlsx');
  });

  it('fileSafe: ASCII, dashes, never empty', () => {
    expect(fileSafe('Xã Tân Lập')).toBe('Xa-Tan-Lap');
    expect(fileSafe('  Phường Đông Kinh / 2027 ')).toBe('Phuong-Dong-Kinh-2027');
    expect(fileSafe('—')).toBe('LKH');
  });
});

describe('saveWorkbook', () => {
  it('saves what was opened and what LKH added: tabs, values and settings, read back the same', async () => {
    const source = XlsxWorkbook.create();
    await source.createSheet(layoutForm(getForm('I.2'), { planYear: 2027, unitName: 'Thôn Nà Lìu', sheetName: 'Thôn Nà Lìu - I.2' }));
    const opened = await openFiles([{ name: 'Thon-Na-Liu.xlsx', bytes: await source.save() }]);
    await opened.workbook.writeValues([{ sheet: 'Thôn Nà Lìu - I.2', row: 20, col: 0, values: [['Bê tông hóa đường nội thôn']] }]);
    await opened.workbook.writeState({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    const bytes = await saveWorkbook(opened.workbook);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as every .xlsx
    const back = await XlsxWorkbook.load(bytes);
    expect(await back.listSheets()).toEqual(['Thôn Nà Lìu - I.2']);
    const [sheet] = await back.readSheets(['Thôn Nà Lìu - I.2']);
    expect(sheet.values[20][0]).toBe('Bê tông hóa đường nội thôn');
    expect(await back.readState()).toEqual({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    expect(await saveName(back, opened.fileName)).toBe('Thon-Na-Liu.xlsx');
  });

  it('the demo commune saves under its name and year, every tab kept', async () => {
    const demo = await loadDemo();
    const back = await XlsxWorkbook.load(await saveWorkbook(demo.workbook));
    expect(await back.listSheets()).toEqual(demo.sheets);
    expect(await saveName(back)).toMatch(/^Xa-[A-Za-z-]+-LKH-\d{4}\.xlsx$/);
    expect(await saveName(back)).toBe(await saveName(demo.workbook));
  });
});

describe('downloadBytes', () => {
  it('hands the browser one Blob of the .xlsx type under the name, through an anchor clicked once and removed', async () => {
    const blobs: Blob[] = [];
    const created = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:lkh/1';
    });
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicks: { download: string; href: string; inDocument: boolean }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
    });
    jest.useFakeTimers();
    try {
      downloadBytes('Xa-Tan-Lap-LKH-2027.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]));
      expect(clicks).toEqual([{ download: 'Xa-Tan-Lap-LKH-2027.xlsx', href: 'blob:lkh/1', inDocument: true }]);
      expect(document.querySelectorAll('a')).toHaveLength(0);
      expect(blobs).toHaveLength(1);
      expect(blobs[0].type).toBe(XLSX_MIME);
      expect(blobs[0].size).toBe(4);
      // The URL lives long enough for the download to start, then is released.
      expect(revoked).not.toHaveBeenCalled();
      jest.advanceTimersByTime(60_000);
      expect(revoked).toHaveBeenCalledWith('blob:lkh/1');
    } finally {
      jest.useRealTimers();
      click.mockRestore();
    }
  });
});
