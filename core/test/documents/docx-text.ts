/**
 * Opens a .docx the way a reader would check it: unzips it (jszip) and reads word/document.xml —
 * the text of every paragraph in order, the rows of every table (cells joined by " | "), and the
 * page set-up of every section. Nothing here knows how LKH wrote the file.
 */
import JSZip from 'jszip';

export interface DocxSection {
  readonly width: number;
  readonly height: number;
  readonly orientation: string;
  readonly margins: Readonly<Record<'top' | 'bottom' | 'left' | 'right', number>>;
}

export interface DocxContent {
  /** Every paragraph's text, tables' included, in document order. */
  readonly paragraphs: readonly string[];
  /** Every table row: its cells' text joined by " | ". */
  readonly rows: readonly string[];
  /** All the text, one paragraph a line. */
  readonly text: string;
  readonly sections: readonly DocxSection[];
  /** Fonts and sizes (half-points) named in run properties. */
  readonly fonts: ReadonlySet<string>;
  readonly sizes: ReadonlySet<number>;
  readonly xml: string;
  readonly headers: readonly string[];
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) out += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:br/>' ? '\n' : '\t';
  return out;
}

const attr = (tag: string, name: string): number => Number(new RegExp(`w:${name}="(-?\\d+)"`).exec(tag)?.[1] ?? NaN);

export async function docxContent(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  const xml = await file.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n')).join(' | '),
  );
  const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => {
    const size = /<w:pgSz[^>]*>/.exec(m[0])?.[0] ?? '';
    const mar = /<w:pgMar[^>]*>/.exec(m[0])?.[0] ?? '';
    return {
      width: attr(size, 'w'),
      height: attr(size, 'h'),
      orientation: /w:orient="(\w+)"/.exec(size)?.[1] ?? 'portrait',
      margins: { top: attr(mar, 'top'), bottom: attr(mar, 'bottom'), left: attr(mar, 'left'), right: attr(mar, 'right') },
    };
  });
  const fonts = new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]));
  const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1])));
  const headers: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).sort()) headers.push((await zip.file(name)?.async('string')) ?? '');
  return { paragraphs, rows, text: paragraphs.join('\n'), sections, fonts, sizes, xml, headers };
}
