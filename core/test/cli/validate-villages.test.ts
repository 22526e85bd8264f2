/**
 * `lkh validate` of a commune's folder says which village has not sent I.1, I.2 or I.3 (rule 8,
 * L597), across the files given together — the same lines as the pane's checklist and Check.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { MemoryCellInput } from '../../src/port/memory';
import { villageI1, villageI3 } from '../workflow/fixtures/village-sheets';
import { run } from './run';

async function handTyped(file: string, sheets: Record<string, (readonly MemoryCellInput[])[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => (v === null || typeof v === 'string' || typeof v === 'number' ? v : null)));
  }
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('lkh validate: the villages of the files given together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-validate-villages-'));
  const naHin = join(dir, 'thon-na-hin.xlsx');
  const cocPhay = join(dir, 'thon-coc-phay.xlsx');

  beforeAll(async () => {
    await handTyped(naHin, { 'I.1': villageI1('Nà Hin', '100 hộ'), 'Biên bản': villageI3('Nà Hin', '60', '25 người') });
    await handTyped(cocPhay, { 'Số liệu': villageI1('Cốc Phấy', 80) });
  });

  it('names each village and the forms it has not sent', async () => {
    const r = await run(['validate', naHin, cocPhay]);
    expect(r.out).toContain('Các thôn chưa gửi đủ biểu:');
    // Nà Hin sent I.1 and its meeting's minutes (I.3): only I.2 is missing.
    expect(r.out).toContain('thon-na-hin.xlsx: Cảnh báo I.1! [VILLAGE_FORMS_MISSING] Thôn Nà Hin chưa gửi Biểu I.2 (');
    expect(r.out).toContain('thon-coc-phay.xlsx: Cảnh báo Số liệu! [VILLAGE_FORMS_MISSING] Thôn Cốc Phấy chưa gửi Biểu I.2, I.3 (');
    expect(r.code).toBe(0);
  });

  it('gives the same in --json, beside the files', async () => {
    const r = await run(['validate', '--json', naHin, cocPhay]);
    const doc = JSON.parse(r.out) as { villages: { file: string | null; code: string; message: string }[] };
    expect(doc.villages.map((v) => v.code)).toEqual(['VILLAGE_FORMS_MISSING', 'VILLAGE_FORMS_MISSING']);
    expect(doc.villages.find((v) => v.message.includes('Cốc Phấy'))?.file).toBe('thon-coc-phay.xlsx');
  });
});
