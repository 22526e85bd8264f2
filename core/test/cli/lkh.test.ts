import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run';
import { FORM_IDS } from '../../src/forms/types';
import { readSheet } from '../../src/reader/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

describe('lkh template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-templates-'));

  it('writes the 18 forms of a 2027 plan named by form id (IV.1, province to district, is not used from 2026), each recognised as its own form when read back', async () => {
    const r = await run(['template', 'all', '--out', dir, '--year', '2027', '--unit', 'Xã Tân Lập']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Không ghi IV.1');
    for (const id of FORM_IDS) {
      const file = join(dir, `${id}.xlsx`);
      expect(existsSync(file)).toBe(id !== 'IV.1');
      if (id === 'IV.1') continue;
      const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
      expect(await wb.listSheets()).toEqual([id]);
      const [data] = await wb.readSheets([id]);
      // Recognised from the sheet alone (title and headers), not from the stored state.
      const read = readSheet(data);
      expect(read.reading?.formId).toBe(id);
    }
  });

  it('rejects unknown forms and bad years with exit code 2 and a Vietnamese message', async () => {
    const a = await run(['template', 'II.5', '--out', dir]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('Không có biểu mẫu "II.5"');
    const b = await run(['template', 'I.2', '--out', dir, '--year', 'năm sau']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('Năm kế hoạch "năm sau" không hợp lệ');
  });
});

describe('lkh validate', () => {
  it('exit 0 and no findings for the handbook example', async () => {
    const r = await run(['validate', join(CORPUS, 'bang2-i2.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('trang "Trồng trọt": biểu I.2');
    expect(r.out).toContain('Tổng cộng: 0 lỗi, 0 cảnh báo.');
  });

  it('--json lists forms and findings per file; exit 1 when errors were found', async () => {
    const r = await run(['validate', '--json', join(CORPUS, 'bad-cells.xlsx'), join(CORPUS, 'moved-header.xlsx')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as {
      files: { file: string; forms: { sheet: string; form: string }[]; findings: { sheet: string; cell: string; severity: string; code: string; message: string }[] }[];
    };
    expect(doc.files).toHaveLength(2);
    expect(doc.files[0].forms).toEqual([{ sheet: 'Thôn F', form: 'I.2', confidence: expect.any(Number) }]);
    expect(doc.files[0].findings).toContainEqual({
      sheet: 'Thôn F',
      cell: 'H23',
      severity: 'error',
      code: 'CELL_ERROR',
      message: 'Ô H23 của trang "Thôn F" chứa lỗi #REF!; không đọc được giá trị.',
      messageEn: expect.stringContaining('#REF!'),
    });
    expect(doc.files[1].findings).toEqual([]);
  });

  it('exit 2 when a file cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-bad-'));
    const bad = join(dir, 'hong.xlsx');
    writeFileSync(bad, 'không phải tệp Excel');
    const r = await run(['validate', '--json', bad]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { files: { readable: boolean; findings: { code: string }[] }[] };
    expect(doc.files[0].readable).toBe(false);
    expect(doc.files[0].findings[0].code).toBe('FILE_UNREADABLE');
  });
});
