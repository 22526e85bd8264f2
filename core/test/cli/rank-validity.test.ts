/**
 * `lkh rank` decides rule 8 after ranking (issue 12): a village's I.2 ranked from its ballot is
 * judged against the village's own I.1 and I.3 in the same file; the conclusion is printed and
 * written on the tally sheet of the saved file.
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { VALIDITY_TEXT } from '../../src/workflow/ranking';
import { excelFromArrays } from '../port/fixtures';
import { addSourceSheet, fillBallot } from '../workflow/helpers';
import { villageI1, villageI3 } from '../workflow/fixtures/village-sheets';
import { run } from './run';

describe('lkh rank: validity of the list', () => {
  it('prints and writes on the tally sheet that 40 people for 100 households is not enough', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-rank-'));
    const file = join(dir, 'thon-na-liu.xlsx');
    const wb = await XlsxWorkbook.load(await excelFromArrays({ 'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100 hộ'), 'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '40', '10') }));
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [
      { activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 },
      { activity: 'Nạo vét kênh mương', unit: 'm', quantity: 500, contribution: 5000, support: 20000 },
    ]);
    writeFileSync(file, await wb.save());

    const made = await run(['rank', file, '--list', 'Thôn Nà Lìu - I.2', '--participants', '4']);
    expect(made.code).toBe(0);
    const ballot = /Đã tạo trang "([^"]+)"/u.exec(made.out)?.[1] as string;
    expect(ballot).toBeTruthy();

    // Nothing marked yet: refused, exit 1, the file left as it was.
    const untouched = readFileSync(file);
    const empty = await run(['rank', file, '--ballot', ballot]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain(`Trang "${ballot}" chưa có phiếu nào được điền: 0 người đánh dấu hợp lệ`);
    expect(empty.err).toContain('không ghi mức ưu tiên nào vào trang "Thôn Nà Lìu - I.2"');
    expect(empty.out).not.toContain('Đã xếp ưu tiên');
    expect(readFileSync(file).equals(untouched)).toBe(true);

    // One ballot typed: ranked, then judged.
    const typed = await XlsxWorkbook.load(readFileSync(file));
    await fillBallot(typed, ballot);
    writeFileSync(file, await typed.save());
    const ranked = await run(['rank', file, '--ballot', ballot]);
    expect(ranked.out).toContain('Đã xếp ưu tiên 2 hoạt động của trang "Thôn Nà Lìu - I.2" (1 đại biểu)');
    // RANKING_NOT_VALID is an error: exit 1.
    expect(ranked.code).toBe(1);
    expect(ranked.out).toContain('Tính hợp lệ: Chưa hợp lệ: chỉ 40/100 hộ (40%) tham dự, cần trên 50%');
    expect(ranked.out).toContain('[RANKING_NOT_VALID]');

    const saved = await XlsxWorkbook.load(readFileSync(file));
    const [tally] = await saved.readSheets([ballot]);
    const row = tally.values.find((r) => r.includes(VALIDITY_TEXT.conclusion));
    expect(row?.find((v) => typeof v === 'string' && v.startsWith('Chưa hợp lệ'))).toContain('Biểu I.1, trang "Thôn Nà Lìu - I.1"');
  });
});
