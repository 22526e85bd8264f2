/**
 * The templates open in LibreOffice Calc and print on A4 in the form's orientation.
 * scripts/setup.sh installs LibreOffice (libreoffice-calc-nogui) and poppler-utils from Debian.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/lkh';
import { forms } from '../../src/forms/registry';
import { FORM_IDS } from '../../src/forms/types';
import { fallbackFonts, sizeAt } from '../documents/pdf-check';

function which(cmd: string): string {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${cmd} is not installed: run scripts/setup.sh (it installs LibreOffice and poppler-utils).`);
  }
}

describe('templates in LibreOffice', () => {
  it('all 19 convert to PDF on A4 pages in the form orientation, in Liberation Serif only', async () => {
    const soffice = which('soffice');
    const pdfinfo = which('pdfinfo');
    const dir = mkdtempSync(join(tmpdir(), 'lkh-lo-'));
    const quiet = { out: () => undefined, err: () => undefined };
    // The 18 forms of a 2027 plan, and IV.1 (province to district, not used from 2026) in the handbook's edition.
    expect(await main(['template', 'all', '--out', dir, '--year', '2027', '--unit', 'Xã Tân Lập'], quiet)).toBe(0);
    expect(await main(['template', 'IV.1', '--out', dir, '--period', '2016-2020'], quiet)).toBe(0);
    const files = FORM_IDS.map((id) => join(dir, `${id}.xlsx`));
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    for (const id of FORM_IDS) {
      const pdf = join(dir, 'pdf', `${id}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
      const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      if (!m) throw new Error(`no page size for ${id}`);
      const [w, h] = [Number(m[1]), Number(m[2])];
      // A4 is 595 x 842 points
      expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
      const landscape = w > h;
      expect({ id, landscape }).toEqual({ id, landscape: forms().get(id)?.orientation === 'landscape' });
      // Every page is numbered "Trang n/N" in its footer (an 18-page plan is signed page by page).
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0');
      const first = execFileSync(which('pdftotext'), ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect({ id, footer: first.includes(`Trang 1/${pages}`) }).toEqual({ id, footer: true });
      // Times New Roman is printed as Liberation Serif, Vietnamese letters included: no fallback font.
      expect({ id, fallback: fallbackFonts(pdf) }).toEqual({ id, fallback: [] });
    }
  }, 300_000);

  it('a consolidated demo plan prints on A4 pages, numbered, II.4.A landscape first, in a bounded number of pages', async () => {
    const soffice = which('soffice');
    const pdfinfo = which('pdfinfo');
    const dir = mkdtempSync(join(tmpdir(), 'lkh-lo-plan-'));
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['demo', '--out', join(dir, 'xa')], quiet)).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).filter((f) => f.endsWith('.xlsx')).map((f) => join(dir, 'xa', f));
    expect(await main(['consolidate', ...inputs, '--out', join(dir, 'plan.xlsx')], quiet)).toBeLessThanOrEqual(1);
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.xlsx')], { stdio: 'ignore', timeout: 240_000 });
    const pdf = join(dir, 'plan.pdf');
    const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0');
    // Six sheets of a 60-activity commune: 29 pages today, at 9 pt or more (15 when the wide sheets
    // shrank to under 8 pt and wrapped rows were sized from an optimistic count of lines).
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(34);
    // The wide sheets (II.4.B, II.6.A, II.6.B) readable once fitted to the page: 95% of the text at 9 pt or more
    // (what prints smaller is the page footer).
    expect(sizeAt(pdf, 0.05)).toBeGreaterThanOrEqual(9);
    const sizes = execFileSync(pdfinfo, ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
    const each = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(each).toHaveLength(pages);
    for (const [w, h] of each) expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    expect(each[0][0]).toBeGreaterThan(each[0][1]);
    const first = execFileSync(which('pdftotext'), ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(first).toContain('Mẫu biểu II.4.A');
    expect(first).toContain(`Trang 1/${pages}`);
    expect(first).toContain('Xã: Tân Lập');
    expect(fallbackFonts(pdf)).toEqual([]);
  }, 300_000);
});
