/**
 * The drafted documents open in LibreOffice Writer and print on A4: the body portrait, the annexes
 * landscape, the text as written; the conference handout on one or two portrait pages; II.1's sheet. scripts/setup.sh installs LibreOffice Writer and poppler-utils;
 * without them the test fails in CI and is skipped elsewhere with the reason printed (../tools.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../cli/run';
import { fallbackFonts } from './pdf-check';
import { which, itWhen } from '../tools';
import { demoOnDisk } from './plans';

const soffice = which('soffice');
const maybe = itWhen(['soffice', 'pdfinfo', 'pdftotext'].filter((c) => which(c) === undefined));

describe('drafted documents in LibreOffice', () => {
  maybe(`II.7.A, II.7.B and II.10 convert to PDF on A4, portrait body and landscape annexes`, async () => {
    const pdfinfo = which('pdfinfo');
    const pdftotext = which('pdftotext');
    if (!soffice || !pdfinfo || !pdftotext) throw new Error('poppler-utils (pdfinfo, pdftotext) missing: run scripts/setup.sh');
    const { dir, plan } = await demoOnDisk();
    const out = join(dir, 'van-ban');
    expect((await run(['document', 'all', plan, '--out', out])).code).toBe(0);
    const files = ['II.7.A', 'II.7.B', 'II.10'].map((id) => join(out, `${id}.docx`));
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], { stdio: 'ignore', timeout: 240_000 });
    for (const id of ['II.7.A', 'II.7.B', 'II.10']) {
      const pdf = join(dir, 'pdf', `${id}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${id}.pdf: is LibreOffice Writer installed (libreoffice-writer-nogui)? Run scripts/setup.sh.`);
      const info = execFileSync(pdfinfo, ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(sizes.length).toBeGreaterThan(4);
      // Times New Roman printed as Liberation Serif, every Vietnamese letter included: no fallback font.
      expect({ id, fallback: fallbackFonts(pdf) }).toEqual({ id, fallback: [] });
      for (const [w, h] of sizes) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
      // Portrait first, then the landscape annexes (II.7.x), never back; II.10 is portrait throughout.
      const landscape = sizes.map(([w, h]) => w > h);
      expect(landscape[0]).toBe(false);
      const first = execFileSync(pdftotext, ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(first).toContain('XÃ TÂN LẬP');
      if (id === 'II.10') {
        expect(landscape.every((x) => !x)).toBe(true);
        expect(first).toContain('PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP');
        continue;
      }
      const firstLandscape = landscape.indexOf(true);
      expect(firstLandscape).toBeGreaterThan(1);
      expect(landscape.slice(firstLandscape).every((x) => x)).toBe(true);
      const annex = execFileSync(pdftotext, ['-f', String(firstLandscape + 1), '-l', String(firstLandscape + 1), pdf, '-'], { encoding: 'utf8' });
      expect(annex).toContain('Phụ lục 1');
    }
  }, 300_000);

  maybe(`the conference handout converts to one or two portrait A4 pages, and II.1's sheet prints`, async () => {
    const pdfinfo = which('pdfinfo');
    const pdftotext = which('pdftotext');
    if (!soffice || !pdfinfo || !pdftotext) throw new Error('poppler-utils (pdfinfo, pdftotext) missing: run scripts/setup.sh');
    const { dir, plan } = await demoOnDisk();
    const inputs = readdirSync(join(dir, 'xa-mau')).map((f) => join(dir, 'xa-mau', f));
    const handout = join(dir, 'tom-tat.docx');
    const ii1 = join(dir, 'II.1.xlsx');
    expect((await run(['document', 'handout', plan, '--out', handout])).code).toBe(0);
    expect((await run(['document', 'II.1', plan, ...inputs, '--out', ii1])).code).toBe(0);
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), handout, ii1], { stdio: 'ignore', timeout: 240_000 });
    const pdf = join(dir, 'pdf', 'tom-tat.pdf');
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no tom-tat.pdf: is LibreOffice Writer installed? Run scripts/setup.sh.');
    const info = execFileSync(pdfinfo, ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(2);
    for (const size of sizes) expect(size).toEqual([595, 842]);
    const text = execFileSync(pdftotext, [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('TÓM TẮT DỰ THẢO KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    expect(text).toContain('Tỷ lệ nguồn lực cho các hoạt động do thôn đề xuất');
    expect(text).toContain('█');
    const sheet = join(dir, 'pdf', 'II.1.pdf');
    if (!existsSync(sheet)) throw new Error('LibreOffice wrote no II.1.pdf: is LibreOffice Calc installed? Run scripts/setup.sh.');
    const ii1Text = execFileSync(pdftotext, [sheet, '-'], { encoding: 'utf8' });
    expect(ii1Text).toContain('Phiếu đánh giá công tác LKH cấp xã hàng năm');
    expect(ii1Text).toContain('Có Phiếu III.1');
    expect(fallbackFonts(pdf)).toEqual([]);
    expect(fallbackFonts(sheet)).toEqual([]);
  }, 300_000);
});
