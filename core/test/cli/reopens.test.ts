/**
 * A plan LKH wrote re-opens whatever the villages typed (issue 23): a village named with Excel's
 * escape written literally ("Nà _xFFFE_ Hin", stored by Excel as "_x005F_xFFFE_") and one whose
 * file holds the escape itself (the character U+FFFE, which XML forbids) are consolidated; the
 * plan is well-formed XML, re-opens with the names as they were read, the next `consolidate --out`
 * on it works, and so do the Word documents `lkh document` drafts from it.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from './run';

/** The XML parts of a zip (.xlsx, .docx) that a strict parser refuses. */
async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    let failed = false;
    parser.on('error', () => {
      failed = true;
    });
    parser.write((await zip.file(name)?.async('string')) ?? '').close();
    if (failed) bad.push(name);
  }
  return bad;
}

/** The village file with its name's text replaced, in the shared strings as Excel stores them. */
async function renameVillage(file: string, from: string, toXml: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  expect(xml).toContain(from);
  zip.file('xl/sharedStrings.xml', xml.split(from).join(toXml));
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

describe('a village named with "_xFFFE_"', () => {
  it('is consolidated into a plan that re-opens, is consolidated again and drafts its documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-reopens-'));
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    // Typed as text in Excel: stored escaped, read as "_xFFFE_".
    await renameVillage(join(dir, 'xa', 'Thon-Na-Hin.xlsx'), 'Nà Hin', 'Nà _x005F_xFFFE_ Hin');
    // The escape itself: read as the character U+FFFE.
    await renameVillage(join(dir, 'xa', 'Thon-Na-Liu.xlsx'), 'Nà Lìu', 'Nà _xFFFE_ Lìu');
    const inputs = readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'ke-hoach.xlsx');

    const first = await run(['consolidate', ...inputs, '--out', plan, '--json']);
    expect(first.code).toBeLessThanOrEqual(1);
    expect(await malformedParts(new Uint8Array(readFileSync(plan)))).toEqual([]);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)));
    const [ii4b] = await wb.readSheets(['II.4.B']);
    const texts = ii4b.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('Nà _xFFFE_ Hin'))).toBe(true);
    expect(texts.some((t) => t.includes('Nà \ufffe Lìu'))).toBe(true);

    // The commune's usual next step: a correction comes, consolidate again over the plan.
    const again = await run(['consolidate', ...inputs, '--out', plan, '--json']);
    expect(again.err).toBe('');
    expect(again.code).toBe(first.code);
    const a = JSON.parse(first.out) as { reconciliation: unknown };
    const b = JSON.parse(again.out) as { reconciliation: unknown };
    expect(b.reconciliation).toEqual(a.reconciliation);
    expect(await malformedParts(new Uint8Array(readFileSync(plan)))).toEqual([]);

    const docs = join(dir, 'van-ban');
    const documents = await run(['document', 'all', plan, ...inputs, '--out', docs]);
    expect(documents.code).toBe(0);
    const written = readdirSync(docs);
    expect(written).toEqual(expect.arrayContaining(['II.7.A.docx', 'II.10.docx']));
    for (const f of written) expect([f, await malformedParts(new Uint8Array(readFileSync(join(docs, f))))]).toEqual([f, []]);
    // II.10 answers each village, named as read (U+FFFE, which Word cannot hold, shown as "�").
    const ii10 = await (await JSZip.loadAsync(readFileSync(join(docs, 'II.10.docx')))).file('word/document.xml')?.async('string');
    expect(ii10).toContain('Nà _xFFFE_ Hin');
    expect(ii10).toContain('Nà \ufffd Lìu');
  });
});
