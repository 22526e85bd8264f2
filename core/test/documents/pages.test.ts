/**
 * The drafted documents of the demo's 2027 plan, printed through LibreOffice, page by page, as a
 * chairman would sign them (issue 22, item 5): the signature block shares its page with the end
 * of the text; each II.10 letter is numbered from 1; no annex page holds only the header and a
 * total; the handout lists every II.6.B activity on its two pages; Liberation Serif only. Skipped,
 * and said, without LibreOffice (scripts/setup.sh installs it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanData } from '../../src/documents';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from '../cli/run';
import { fallbackFonts, pageSizes, pageText, which } from './pdf-check';
import { demoOnDisk, demoVillages } from './plans';

const soffice = which('soffice');
const maybe = soffice && which('pdftotext') ? describe : describe.skip;
const SKIP = soffice ? '' : ' — BỎ QUA: chưa cài LibreOffice (soffice); chạy scripts/setup.sh';

/** The lines of a page holding text. */
const lines = (pdf: string, n: number) => pageText(pdf, n).split('\n').filter((l) => l.trim() !== '');

maybe(`the 2027 documents printed page by page${SKIP}`, () => {
  let pdf: (id: string) => string;
  let pages: (id: string) => number;
  let ii6b: string[];
  let villages: number;

  beforeAll(async () => {
    const { dir, plan } = await demoOnDisk();
    const out = join(dir, 'van-ban');
    expect((await run(['document', 'all', plan, ...readdirSync(join(dir, 'xa-mau')).map((f) => join(dir, 'xa-mau', f)), '--out', out])).code).toBe(0);
    const files = ['II.7.A', 'II.7.B', 'II.10', 'Tom-tat-hoi-nghi'].map((f) => join(out, `${f}.docx`));
    execFileSync(soffice as string, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], { stdio: 'ignore', timeout: 240_000 });
    pdf = (id) => join(dir, 'pdf', `${id}.pdf`);
    pages = (id) => pageSizes(pdf(id)).length;
    const data = await readPlanData(await XlsxWorkbook.load(new Uint8Array(readFileSync(plan))));
    ii6b = data.ii6b.map((a) => a.activity);
    villages = demoVillages().length;
  }, 300_000);

  it.each(['II.7.A', 'II.7.B'])('%s: "Nơi nhận" and the chairman share their page with the end of the text', (id) => {
    const n = pages(id);
    const at = Array.from({ length: n }, (_, i) => i + 1).filter((p) => lines(pdf(id), p).some((l) => l.includes('Nơi nhận:')));
    expect(at).toHaveLength(1);
    const page = lines(pdf(id), at[0]);
    const before = page.findIndex((l) => l.includes('Nơi nhận:'));
    // The page number, then at least three lines of the text before the signature block.
    expect(before).toBeGreaterThan(3);
    expect(fallbackFonts(pdf(id))).toEqual([]);
  });

  it.each(['II.7.A', 'II.7.B'])('%s: every annex page holds activities, none only the header and a total', (id) => {
    const sizes = pageSizes(pdf(id));
    const annexPages = sizes.map(([w, h], i) => (w > h ? i + 1 : 0)).filter((p) => p > 0);
    expect(annexPages.length).toBeGreaterThan(2);
    for (const p of annexPages) {
      // An activity's row starts with its number in the STT column.
      const rows = lines(pdf(id), p).filter((l) => /^\s{0,12}\d{1,3}\s{2,}\S/u.test(l));
      expect({ page: p, activities: rows.length > 0 }).toEqual({ page: p, activities: true });
    }
  });

  it('II.10: each village\'s letter is numbered from 1 (its first page unnumbered, the next "2")', () => {
    const n = pages('II.10');
    const firsts = Array.from({ length: n }, (_, i) => i + 1).filter((p) => pageText(pdf('II.10'), p).includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    // One letter to each village.
    expect(firsts).toHaveLength(villages);
    firsts.forEach((first, k) => {
      const end = (firsts[k + 1] ?? n + 1) - 1;
      for (let p = first + 1; p <= end; p++) expect({ page: p, number: lines(pdf('II.10'), p)[0].trim() }).toEqual({ page: p, number: String(p - first + 1) });
    });
    expect(fallbackFonts(pdf('II.10'))).toEqual([]);
  });

  it('the handout lists every II.6.B activity on at most two pages', () => {
    expect(pages('Tom-tat-hoi-nghi')).toBeLessThanOrEqual(2);
    const text = pageText(pdf('Tom-tat-hoi-nghi')).replace(/\s+/gu, ' ');
    expect(ii6b.length).toBeGreaterThan(20);
    // Each activity's first words (a long name wraps inside its cell).
    for (const a of ii6b) expect({ a, listed: text.includes(a.split(' ').slice(0, 4).join(' ')) }).toEqual({ a, listed: true });
    expect(fallbackFonts(pdf('Tom-tat-hoi-nghi'))).toEqual([]);
  });
});
