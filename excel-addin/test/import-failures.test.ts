/**
 * Friendly errors per file that never block the other files (issue 14, deliverable 7): a
 * truncated .xlsx picked beside a good one is named in Vietnamese and the good one is opened.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as xlsxModule from '../../core/src/xlsx/xlsx-workbook';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { badFileMessage, fileFailureText, importEach } from '../../core/ui/files';
import { importFilesInto } from '../src/client-local';
import { OfficeHost } from '../src/office-host';
import { openFiles } from '../src/standalone-workbook';
import { FakeExcel } from './fake-office';

const good = { name: 'Thôn A - I.2.xlsx', bytes: new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'core', 'test', 'fixtures', 'corpus', 'decomposed.xlsx'))) };
// what a file still downloading from Zalo looks like: the first half of a real workbook
const truncated = { name: 'Thôn B - I.2.xlsx', bytes: good.bytes.slice(0, Math.floor(good.bytes.length / 2)) };

async function goodSheets(): Promise<string[]> {
  const wb = XlsxWorkbook.create();
  return (await importFilesInto(wb, [good])).sheets;
}

describe('a damaged file among several', () => {
  it('adds the good file to an open workbook and names the damaged one (the Tệp screen of the standalone page)', async () => {
    const expected = await goodSheets();
    expect(expected.length).toBeGreaterThan(0);
    const wb = XlsxWorkbook.create();
    const r = await importFilesInto(wb, [truncated, good]);
    expect(r.sheets).toEqual(expected);
    expect(await wb.listSheets()).toEqual(expect.arrayContaining(expected));
    expect(r.failed).toEqual([{ name: 'Thôn B - I.2.xlsx', message: expect.stringMatching(/^Không mở được tệp "Thôn B - I\.2\.xlsx": tệp bị hỏng/u) }]);
    expect(r.failed[0].message).not.toMatch(/central directory|Error:/u);
  });

  it('opens the good files as the standalone page\'s workbook and lists the damaged one', async () => {
    const opened = await openFiles([good, truncated]);
    expect(opened.sheets).toEqual(await goodSheets());
    expect(await opened.workbook.listSheets()).toEqual(expect.arrayContaining([...opened.sheets]));
    expect(opened.failed?.map((f) => f.name)).toEqual(['Thôn B - I.2.xlsx']);
    expect(opened.failed?.[0].message).toMatch(/^Không mở được tệp "Thôn B - I\.2\.xlsx": tệp bị hỏng hoặc chưa tải về hết/u);
  });

  it('says so in one sentence per file when no file can be opened, alone or together', async () => {
    await expect(openFiles([truncated])).rejects.toThrow(/^Không mở được tệp "Thôn B - I\.2\.xlsx": tệp bị hỏng/u);
    const other = { name: 'Ban Văn hóa - II.3.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) };
    await expect(openFiles([truncated, other])).rejects.toThrow(/"Thôn B - I\.2\.xlsx".*"Ban Văn hóa - II\.3\.xlsx"/su);
  });
});

describe('in Excel (the task pane\'s import: importEach over OfficeHost.importXlsx)', () => {
  it.each(['1.17', '1.7'])('inserts the good file and names the truncated one at ExcelApi %s', async (apiVersion) => {
    const fake = new FakeExcel({ apiVersion });
    fake.addSheet('Sheet1');
    const host = new OfficeHost(fake.run, { isSupported: fake.isSupported, loadXlsx: async () => xlsxModule });
    const r = await importEach([truncated, good], (f) => host.importXlsx(f.name, f.bytes));
    expect(r.sheets.length).toBeGreaterThan(0);
    expect(await host.port.listSheets()).toEqual(expect.arrayContaining(r.sheets));
    expect(r.failed).toEqual([{ name: 'Thôn B - I.2.xlsx', message: expect.stringMatching(/^Không mở được tệp "Thôn B - I\.2\.xlsx": tệp bị hỏng/u) }]);
  });
});

describe('fileFailureText', () => {
  it('turns a library\'s English into the plain sentence, keeps the core\'s Vietnamese and names the file once', () => {
    expect(fileFailureText('Thôn C.xlsx', new Error("Can't find end of central directory : is this a zip file ?"))).toBe(
      'Không mở được tệp "Thôn C.xlsx": tệp bị hỏng hoặc không phải tệp Excel (.xlsx).',
    );
    expect(fileFailureText('Thôn C.xlsx', new Error('Không mở được tệp "Thôn C.xlsx": tệp rỗng (0 byte).'))).toBe('Không mở được tệp "Thôn C.xlsx": tệp rỗng (0 byte).');
    expect(fileFailureText('Thôn C.xlsx', new Error('Tệp rỗng (0 byte).'))).toBe('Không mở được tệp "Thôn C.xlsx": tệp rỗng (0 byte).');
    expect(fileFailureText('Thôn C.xlsx', undefined)).toBe(badFileMessage('Thôn C.xlsx'));
  });

  it('importEach goes on after a failure, in order', async () => {
    const seen: string[] = [];
    const r = await importEach([{ name: 'a.xlsx' }, { name: 'b.xlsx' }, { name: 'c.xlsx' }], async (f) => {
      seen.push(f.name);
      if (f.name === 'b.xlsx') throw new Error('Invalid or unsupported zip format. No END header found');
      return { sheets: [f.name.replace('.xlsx', '')] };
    });
    expect(seen).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(r).toEqual({ sheets: ['a', 'c'], failed: [{ name: 'b.xlsx', message: badFileMessage('b.xlsx') }] });
  });

  it('importEach tells the progress before each file, the failed one included', async () => {
    const told: string[] = [];
    await importEach(
      [{ name: 'a.xlsx' }, { name: 'b.xlsx' }, { name: 'c.xlsx' }],
      async (f) => {
        if (f.name === 'b.xlsx') throw new Error('bad');
        return { sheets: [] };
      },
      (done, total, name) => told.push(`${done}/${total} ${name}`),
    );
    expect(told).toEqual(['1/3 a.xlsx', '2/3 b.xlsx', '3/3 c.xlsx']);
  });
});
