/**
 * What a PDF made by LibreOffice is printed with, read back with poppler-utils: the fonts it
 * embeds (pdffonts), its pages' sizes (pdfinfo) and text (pdftotext). The forms and documents ask
 * for Times New Roman; on Debian that is Liberation Serif (fonts-liberation2, Liberation 2.x,
 * which has Vietnamese letters). Any other font in the PDF is a fallback: a page laid out with
 * other metrics than the ones it will be printed with (scripts/setup.sh).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export function which(cmd: string): string | undefined {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The font families a PDF embeds, subset prefix dropped ("BAAAAA+LiberationSerif-Bold" → "LiberationSerif-Bold"). */
export function pdfFonts(pdf: string): string[] {
  const tool = which('pdffonts');
  if (!tool) throw new Error('pdffonts missing: install poppler-utils (scripts/setup.sh)');
  const out = execFileSync(tool, [pdf], { encoding: 'utf8' });
  return [
    ...new Set(
      out
        .split('\n')
        .slice(2)
        .map((l) => l.trim().split(/\s+/)[0])
        .filter((n) => n !== undefined && n !== '')
        .map((n) => n.replace(/^[A-Z]{6}\+/, '')),
    ),
  ].sort();
}

/** The fonts of a PDF that are not Liberation Serif (Times New Roman's metric twin): fallbacks. */
export function fallbackFonts(pdf: string): string[] {
  return pdfFonts(pdf).filter((f) => !/^LiberationSerif(-(Bold|Italic|BoldItalic))?$/.test(f));
}

/** Each page's size in points, [width, height]. */
export function pageSizes(pdf: string): [number, number][] {
  const tool = which('pdfinfo');
  if (!tool) throw new Error('pdfinfo missing: install poppler-utils (scripts/setup.sh)');
  const info = execFileSync(tool, ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The text of page `n` (1-based), or of every page. */
export function pageText(pdf: string, n?: number): string {
  const tool = which('pdftotext');
  if (!tool) throw new Error('pdftotext missing: install poppler-utils (scripts/setup.sh)');
  return execFileSync(tool, [...(n !== undefined ? ['-f', String(n), '-l', String(n)] : []), '-layout', pdf, '-'], { encoding: 'utf8' });
}

/**
 * The size in points of every run of text a PDF draws (its font size times the scale of the
 * transformation in force), read from its content streams: what fit-to-width shrank a sheet to.
 */
export function textSizes(pdf: string): number[] {
  const data = readFileSync(pdf).toString('latin1');
  const out: number[] = [];
  for (const m of data.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let text: string;
    try {
      text = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (an image, a font)
    }
    let scale = 1;
    for (const t of text.matchAll(/([-\d.]+) [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ cm|\/F\d+ ([\d.]+) Tf/g)) {
      if (t[1] !== undefined) scale = Math.abs(Number(t[2]));
      else out.push(Math.round(Number(t[3]) * scale * 10) / 10);
    }
  }
  return out;
}

/** The size under which only `share` of a PDF's runs of text are printed (0.05: the 5th percentile). */
export function sizeAt(pdf: string, share: number): number {
  const sizes = textSizes(pdf).sort((a, b) => a - b);
  return sizes[Math.floor(share * sizes.length)] ?? 0;
}
