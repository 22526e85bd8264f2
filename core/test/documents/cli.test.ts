/**
 * `lkh document` end to end on files: the demo commune written by `lkh demo`, consolidated by
 * `lkh consolidate`, drafted by `lkh document` (in process, and once through the built bundle,
 * where the command is loaded lazily).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../cli/run';
import { docxContent } from './docx-text';
import { demoOnDisk, demoVillages, villageFigures, villageI1File } from './plans';
import { readSheet } from '../../src/reader/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const ROOT = join(__dirname, '..', '..', '..');

describe('lkh document', () => {
  let dir: string;
  let plan: string;
  beforeAll(async () => {
    ({ dir, plan } = await demoOnDisk());
  });

  it('writes II.7.A to the file named, and says how many places are left to the commune', async () => {
    const out = join(dir, 'du-thao-gnbv.docx');
    const r = await run(['document', 'II.7.A', plan, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^Đã ghi .*du-thao-gnbv\.docx \(Biểu II\.7\.A\): còn \d+ chỗ "………" để xã tự viết\.$/m);
    const content = await docxContent(new Uint8Array(readFileSync(out)));
    expect(content.text).toContain('TÌNH HÌNH THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG NĂM 2026 VÀ KẾ HOẠCH THỰC HIỆN NĂM 2027');
  });

  it('writes every document into a folder with all, and --json says what was written', async () => {
    const out = join(dir, 'van-ban');
    const r = await run(['document', 'all', plan, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { commune: string; planYear: number; period: string; documents: { id: string; file: string; blanks?: number }[]; skipped: { id: string; reason: string }[] };
    expect(doc).toMatchObject({ commune: 'Xã Tân Lập', planYear: 2027, period: '2026-2030' });
    expect(doc.documents.map((d) => d.id)).toEqual(['II.7.A', 'II.7.B', 'II.1', 'II.2', 'II.10', 'handout']);
    expect(existsSync(join(out, 'Tom-tat-hoi-nghi.docx'))).toBe(true);
    for (const d of doc.documents.filter((x) => x.id.startsWith('II.7'))) {
      expect(d.file).toBe(join(out, `${d.id}.docx`));
      expect(statSync(d.file).size).toBeGreaterThan(10_000);
      expect(d.blanks).toBeGreaterThan(0);
    }
    expect(existsSync(join(out, 'II.2.xlsx'))).toBe(true);
    // The demo villages send no I.1: II.8 is not drafted, and the reason is given.
    expect(doc.skipped).toEqual([{ id: 'II.8', reason: expect.stringContaining('cần Biểu I.1 của các thôn') }]);
    // A folder as --out for one document names the file by the form.
    expect((await run(['document', 'ii.7.b', plan, '--out', `${out}/`])).code).toBe(0);
    expect(existsSync(join(out, 'II.7.B.docx'))).toBe(true);
  });

  it('refuses bad usage and files without a plan with exit 2 and a Vietnamese message', async () => {
    const a = await run(['document', 'II.7.C', plan, '--out', join(dir, 'x.docx')]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('Không có văn bản "II.7.C"');
    const b = await run(['document', 'II.7.A', plan]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('Cần --out TỆP.docx.');
    const village = join(dir, 'xa-mau', 'Thon-Na-Liu.xlsx');
    const c = await run(['document', 'II.7.A', village, '--out', join(dir, 'khong.docx')]);
    expect(c.code).toBe(2);
    expect(c.err).toContain('Biểu II.7.A cần tệp kế hoạch đã tổng hợp');
    expect((await run(['document', 'all', village, '--out', join(dir, 'khong')])).code).toBe(2);
    const e = await run(['document', 'II.2', plan, '--out', join(dir, 'II.2.docx')]);
    expect(e.code).toBe(2);
    expect(e.err).toContain('--out TỆP.xlsx');
    const text = join(dir, 'ke-hoach.txt');
    writeFileSync(text, 'không phải tệp Excel');
    expect((await run(['document', 'all', text, '--out', join(dir, 'khong')])).code).toBe(2);
    // The plan itself is never the output.
    const d = await run(['document', 'II.7.A', plan, '--out', plan]);
    expect(d.code).toBe(2);
    const help = await run(['document', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('lkh document <II.7.A|II.7.B|II.1|II.2|II.8|II.10|handout|all>');
  });

  it('rolls II.8 up from the villages’ I.1 given beside the plan, and writes II.2 for a year', async () => {
    const villages = demoVillages();
    const files = [];
    for (const [i, v] of villages.entries()) {
      const f = join(dir, `I.1-${i}.xlsx`);
      writeFileSync(f, await villageI1File(v, villageFigures(i)));
      files.push(f);
    }
    const out = join(dir, 'II.8.xlsx');
    const r = await run(['document', 'II.8', plan, ...files, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`cộng từ Biểu I.1 của ${villages.length} thôn`);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const [data] = await wb.readSheets(['II.8']);
    const read = readSheet(data).reading;
    expect(read?.unitName).toBe('Xã Tân Lập');
    expect(read?.fixedValues.households?.value).toBe(villages.reduce((s, _v, i) => s + villageFigures(i)['I.6'], 0));
    // Without a plan, II.2 needs the year.
    expect((await run(['document', 'II.2', files[0], '--out', join(dir, 'II.2-x.xlsx')])).code).toBe(2);
    expect((await run(['document', 'II.2', files[0], '--year', '2028', '--commune', 'Xã Mới', '--out', join(dir, 'II.2-x.xlsx')])).code).toBe(0);
  });

  it('pre-scores II.1 from the plan and the villages’ files, and with last year’s plan criterion 14', async () => {
    const inputs = readdirSync(join(dir, 'xa-mau')).map((f) => join(dir, 'xa-mau', f));
    const out = join(dir, 'II.1.xlsx');
    const r = await run(['document', 'II.1', plan, ...inputs, '--out', out]);
    expect(r.code).toBe(0);
    // Every demo village sent its I.2 and the minutes of its meeting (I.3): criterion 5 is met.
    expect(r.out).toMatch(/\(Biểu II\.1\): \d+\/14 tiêu chí chấm từ các tệp \(3: Có, 5: Có, 8: Có, 9: Có\)/u);
    expect(r.out).toContain('tiêu chí 14 cần thêm tệp kế hoạch năm trước');
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const [data] = await wb.readSheets(['II.1']);
    expect(readSheet(data).reading?.formId).toBe('II.1');
    const cells = data.values.flat().filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v.startsWith('Có Phiếu III.1 (tệp "III.1-Tinh-Lao-Cai.xlsx"'))).toBe(true);
    // The evidence names the meeting with too few women (Thôn Khuổi Mạ, rule 8).
    expect(cells.some((v) => v.includes('Thôn Khuổi Mạ') && /nữ/u.test(v))).toBe(true);
    // Last year's plan: the same commune consolidated for 2026, given beside this year's.
    const last = join(dir, 'ke-hoach-2026.xlsx');
    expect((await run(['consolidate', ...inputs, '--year', '2026', '--out', last])).code).toBeLessThanOrEqual(1);
    const withLast = await run(['document', 'II.1', plan, last, ...inputs, '--out', join(dir, 'II.1-b.xlsx')]);
    expect(withLast.code).toBe(0);
    // Every activity of 2026 is proposed again in 2027: none can count as carried out.
    expect(withLast.out).toContain('14: Không');
    expect(withLast.out).not.toContain('tiêu chí 14 cần thêm');
    // Two plans of the same year are still refused.
    const copy = join(dir, 'ke-hoach-ban-sao.xlsx');
    copyFileSync(plan, copy);
    const same = await run(['document', 'II.1', plan, copy, '--out', join(dir, 'x.xlsx')]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('Hai tệp có kế hoạch xã');
  });

  it('writes the conference handout with `document handout`', async () => {
    const out = join(dir, 'tom-tat.docx');
    const r = await run(['document', 'handout', plan, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('(tài liệu phát tại hội nghị kế hoạch xã (handout))');
    const content = await docxContent(new Uint8Array(readFileSync(out)));
    expect(content.text).toContain('TÓM TẮT DỰ THẢO KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    const village = join(dir, 'xa-mau', 'Thon-Na-Liu.xlsx');
    const refused = await run(['document', 'handout', village, '--out', join(dir, 'khong.docx')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('cần tệp kế hoạch đã tổng hợp');
  });

  it('runs from the built command too (the document module loaded on use)', () => {
    const cli = join(ROOT, 'core', 'bin', 'lkh.cjs');
    const out = join(dir, 'bundle');
    const stdout = execFileSync(process.execPath, [cli, 'document', 'all', plan, '--out', out], { encoding: 'utf8' });
    expect(stdout).toContain('II.7.B.docx');
    expect(readdirSync(out).sort()).toEqual(['II.1.xlsx', 'II.10.docx', 'II.2.xlsx', 'II.7.A.docx', 'II.7.B.docx', 'Tom-tat-hoi-nghi.docx']);
  });
});
