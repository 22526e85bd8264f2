/**
 * ZipParts.verify({ keep }): a re-run checks the commune's plan once and then reads its deferred
 * sheets and copies them from the texts kept, without inflating the file again (issue 23, the
 * re-run). What must hold: the texts are the file's, byte for byte; nothing past the limit is kept
 * (and the check still runs to the end); the budget counts what was inflated once; a damaged or
 * oversized file is refused as without `keep`; `withTexts` replaces parts without touching the zip.
 */
import JSZip from 'jszip';
import { FileRefused } from '../../src/xlsx/inspect';
import { ZipParts } from '../../src/xlsx/zip';

const SHEET = (n: number): string => `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Thôn ${n} – đường bê tông</t></is></c></row></sheetData></worksheet>`;

async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('ZipParts.verify with kept texts', () => {
  test('keeps every XML and .rels part as the file holds it, and binary parts only counted', async () => {
    const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]);
    const bytes = await zipOf({ 'xl/worksheets/sheet1.xml': SHEET(1), 'xl/_rels/workbook.xml.rels': '<Relationships/>', 'xl/media/image1.png': picture });
    const parts = await ZipParts.open(bytes);
    await parts.verify({ keep: 1_000_000 });
    expect(parts.keepsTexts).toBe(true);
    expect(await parts.text('xl/worksheets/sheet1.xml')).toBe(SHEET(1));
    expect(await parts.text('xl/_rels/workbook.xml.rels')).toBe('<Relationships/>');
    expect(await parts.text('xl/nothing.xml')).toBeUndefined();
  });

  test('a kept text is not inflated again: reading it twice more costs nothing against the budget', async () => {
    const sheet = SHEET(7).repeat(40);
    const bytes = await zipOf({ 'xl/worksheets/sheet1.xml': sheet });
    const size = new TextEncoder().encode(sheet).length;
    // A budget the part fits once but not twice: without the kept text the second read is refused.
    const kept = await ZipParts.open(bytes, size + 10);
    await kept.verify({ keep: 1_000_000 });
    expect(await kept.text('xl/worksheets/sheet1.xml')).toBe(sheet);
    expect(await kept.text('xl/worksheets/sheet1.xml')).toBe(sheet);
    const counted = await ZipParts.open(bytes, size + 10);
    await counted.verify();
    expect(counted.keepsTexts).toBe(false);
    await expect(counted.text('xl/worksheets/sheet1.xml')).rejects.toMatchObject({ kind: 'too-large' });
  });

  test('past the limit nothing is kept, and the whole file is still checked', async () => {
    const bytes = await zipOf({ 'a.xml': SHEET(1), 'b.xml': SHEET(2), 'c.xml': SHEET(3) });
    const parts = await ZipParts.open(bytes);
    await parts.verify({ keep: SHEET(1).length + 5 });
    expect(parts.keepsTexts).toBe(false);
    // Read again from the zip, equal all the same.
    expect(await parts.text('c.xml')).toBe(SHEET(3));
    // Exactly at the limit all are kept.
    const exact = await ZipParts.open(bytes);
    await exact.verify({ keep: SHEET(1).length + SHEET(2).length + SHEET(3).length });
    expect(exact.keepsTexts).toBe(true);
  });

  test('a file past the budget or with a damaged part is refused with keep as without it', async () => {
    const big = await zipOf({ 'xl/worksheets/sheet1.xml': 'x'.repeat(200_000) });
    await expect((await ZipParts.open(big, 100_000)).verify({ keep: 64_000_000 })).rejects.toMatchObject({ kind: 'too-large' });
    const good = await zipOf({ 'xl/worksheets/sheet1.xml': SHEET(1).repeat(50) });
    // The part's size in the central directory one byte short of what it inflates to.
    const damaged = good.slice();
    const view = new DataView(damaged.buffer, damaged.byteOffset, damaged.byteLength);
    let central = damaged.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, view.getUint32(central + 24, true) - 1, true);
    await expect((await ZipParts.open(damaged)).verify()).rejects.toBeInstanceOf(FileRefused);
    const refused = await (await ZipParts.open(damaged)).verify({ keep: 64_000_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(FileRefused);
  });

  test('withTexts replaces the named parts in a view and leaves the zip and its texts as they were', async () => {
    const bytes = await zipOf({ 'a.xml': SHEET(1), 'b.xml': SHEET(2) });
    const parts = await ZipParts.open(bytes);
    await parts.verify({ keep: 1_000_000 });
    const view = parts.withTexts(new Map([['a.xml', '<stub/>']]));
    expect(await view.text('a.xml')).toBe('<stub/>');
    expect(await view.text('b.xml')).toBe(SHEET(2));
    expect(view.names()).toEqual(['a.xml', 'b.xml']);
    expect(await parts.text('a.xml')).toBe(SHEET(1));
  });

  test('rewrite changes what text() reads afterwards, the kept text of a rewritten part is dropped', async () => {
    const bytes = await zipOf({ 'a.xml': SHEET(1), 'b.xml': SHEET(2) });
    const parts = await ZipParts.open(bytes);
    await parts.verify({ keep: 1_000_000 });
    const out = await parts.rewrite(new Map([['a.xml', '<new/>']]));
    expect(await parts.text('a.xml')).toBe('<new/>');
    const again = await ZipParts.open(out);
    expect(await again.text('a.xml')).toBe('<new/>');
    expect(await again.text('b.xml')).toBe(SHEET(2));
  });

  test('parts left for later are inflated when first read and counted then; never read, never inflated; verifyRest checks the rest', async () => {
    const sheet = SHEET(3).repeat(40);
    const size = new TextEncoder().encode(sheet).length;
    const bytes = await zipOf({ 'a.xml': SHEET(1), 'old.xml': sheet, 'kept.xml': sheet });
    // A budget that holds a.xml and one of the two big parts, not both.
    const parts = await ZipParts.open(bytes, SHEET(1).length + size + 10);
    await parts.verify({ keep: 1_000_000, later: new Set(['old.xml', 'kept.xml']) });
    expect(parts.keepsTexts).toBe(true);
    expect(await parts.text('kept.xml')).toBe(sheet);
    expect(await parts.text('kept.xml')).toBe(sheet);
    await expect(parts.verifyRest()).rejects.toMatchObject({ kind: 'too-large' });
  });

  test('a damaged part left for later is refused when read, and again by verifyRest', async () => {
    const good = await zipOf({ 'a.xml': SHEET(1), 'later.xml': SHEET(2).repeat(50) });
    const damaged = good.slice();
    const view = new DataView(damaged.buffer, damaged.byteOffset, damaged.byteLength);
    let central = damaged.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50 || new TextDecoder().decode(damaged.subarray(central + 46, central + 46 + 9)) !== 'later.xml') central--;
    view.setUint32(central + 24, view.getUint32(central + 24, true) - 1, true);
    const parts = await ZipParts.open(damaged);
    await parts.verify({ keep: 1_000_000, later: new Set(['later.xml']) });
    await expect(parts.text('later.xml')).rejects.toBeInstanceOf(FileRefused);
    await expect(parts.verifyRest()).rejects.toBeInstanceOf(FileRefused);
    // Without keep nothing is left for later: the file is refused at once.
    await expect((await ZipParts.open(damaged)).verify({ later: new Set(['later.xml']) })).rejects.toBeInstanceOf(FileRefused);
  });
});
