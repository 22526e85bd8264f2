/**
 * ZipParts.verify({ keep }): a re-run checks the commune's plan once and then reads its deferred
 * sheets and copies them from the texts kept, without inflating the file again (issue 23, the
 * re-run). What must hold: the texts are the file's, byte for byte; nothing past the limit is kept
 * (and the check still runs to the end); the budget counts what was inflated once; a damaged or
 * oversized file is refused as without `keep`; `withTexts` replaces parts without touching the zip.
 */
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { nodeZipCodec } from '../../cli/zip-codec';
import { FileRefused } from '../../src/xlsx/inspect';
import type { ZipCodec } from '../../src/xlsx/zip';
import { ZipParts, useZipCodec } from '../../src/xlsx/zip';

const SHEET = (n: number): string => `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Thôn ${n} – đường bê tông</t></is></c></row></sheetData></worksheet>`;

async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// Every case holds with JSZip's own inflate and deflate (the task panes) and with Node's zlib as the
// codec (the lkh command, cli/zip-codec.ts): the same texts, the same budget, the same refusals.
describe.each<[string, ZipCodec | undefined]>([
  ['JSZip', undefined],
  ['Node zlib', nodeZipCodec],
])('ZipParts.verify with kept texts (%s)', (_name, codec) => {
  beforeEach(() => useZipCodec(codec));
  afterEach(() => useZipCodec(undefined));

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

/** The central-directory record of a part: method, CRC, sizes (what a zip says of it). */
function directory(bytes: Uint8Array): Map<string, { method: number; crc: number; compressed: number; size: number; offset: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, { method: number; crc: number; compressed: number; size: number; offset: number }>();
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.set(name, { method: view.getUint16(at + 10, true), crc: view.getUint32(at + 16, true), compressed: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), offset: view.getUint32(at + 42, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('ZipParts with the platform codec (the lkh command)', () => {
  beforeEach(() => useZipCodec(nodeZipCodec));
  afterEach(() => useZipCodec(undefined));

  test('rewrite writes the zip itself: changed parts deflated, stored ones deflated, the others copied as they were, CRCs right', async () => {
    const zip = new JSZip();
    zip.file('a.xml', SHEET(1).repeat(20));
    zip.file('b.xml', SHEET(2).repeat(20), { compression: 'STORE' });
    zip.file('xl/media/ảnh thôn.png', new Uint8Array([1, 2, 3, 4]));
    zip.folder('docProps');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const before = directory(bytes);
    const parts = await ZipParts.open(bytes);
    const out = await parts.rewrite(new Map([['c.xml', '<new>Thôn Nà Lìu</new>'], ['a.xml', SHEET(9)]]), 1);
    // JSZip checks every CRC and size as it reads (checkCRC32).
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(['a.xml', 'b.xml', 'xl/', 'xl/media/', 'xl/media/ảnh thôn.png', 'docProps/', 'c.xml']);
    expect(await back.file('a.xml')?.async('string')).toBe(SHEET(9));
    expect(await back.file('b.xml')?.async('string')).toBe(SHEET(2).repeat(20));
    expect(await back.file('c.xml')?.async('string')).toBe('<new>Thôn Nà Lìu</new>');
    expect(Array.from((await back.file('xl/media/ảnh thôn.png')?.async('uint8array')) ?? [])).toEqual([1, 2, 3, 4]);
    expect(back.files['docProps/'].dir).toBe(true);
    const after = directory(out);
    // The part stored without compression is deflated now; the untouched deflated one is the same bytes.
    expect(before.get('b.xml')?.method).toBe(0);
    expect(after.get('b.xml')?.method).toBe(8);
    expect(after.get('b.xml')?.compressed).toBeLessThan(after.get('b.xml')?.size ?? 0);
    const png = 'xl/media/ảnh thôn.png';
    expect(after.get(png)).toMatchObject({ method: before.get(png)?.method, crc: before.get(png)?.crc, compressed: before.get(png)?.compressed });
    const raw = (b: Uint8Array, at: number, length: number) => {
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
      return Array.from(b.subarray(start, start + length));
    };
    expect(raw(out, after.get(png)?.offset ?? 0, after.get(png)?.compressed ?? 0)).toEqual(raw(bytes, before.get(png)?.offset ?? 0, before.get(png)?.compressed ?? 0));
    // A name beyond ASCII carries the UTF-8 flag (bit 11) in its local header.
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect(view.getUint16((after.get(png)?.offset ?? 0) + 6, true) & 0x0800).toBe(0x0800);
    // And what the rewrite changed is what text() reads afterwards.
    expect(await parts.text('a.xml')).toBe(SHEET(9));
  });

  test('without a level (a zip only handed to ExcelJS to load) the changed parts are stored', async () => {
    const parts = await ZipParts.open(await zipOf({ 'a.xml': SHEET(1), 'b.xml': SHEET(2) }));
    const out = await parts.rewrite(new Map([['a.xml', SHEET(5).repeat(10)]]));
    expect(directory(out).get('a.xml')).toMatchObject({ method: 0 });
    expect(directory(out).get('b.xml')).toMatchObject({ method: 8 });
    expect(await (await JSZip.loadAsync(out, { checkCRC32: true })).file('a.xml')?.async('string')).toBe(SHEET(5).repeat(10));
  });

  test('a broken deflate stream is refused naming the part; a part that inflates past its declared size stops there', async () => {
    const good = await zipOf({ 'a.xml': SHEET(1), 'xl/worksheets/sheet1.xml': SHEET(4).repeat(200) });
    const entry = directory(good).get('xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no part');
    const broken = good.slice();
    const view = new DataView(broken.buffer);
    const data = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    // The stream's first block made an invalid block type (binary 11).
    broken[data] |= 0x06;
    const refused = await (await ZipParts.open(broken)).verify().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(FileRefused);
    expect((refused as FileRefused).kind).toBe('damaged');
    expect((refused as Error).message).toContain('xl/worksheets/sheet1.xml');
    // A bomb: 20 MB of spaces declared as 1,000 bytes. zlib is told never to give more than the
    // declared size, so nothing larger is ever held, and the part is refused as a lie.
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(20_000_000));
    const lying = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const lv = new DataView(lying.buffer);
    let central = lying.length - 22;
    while (lv.getUint32(central, true) !== 0x02014b50) central--;
    lv.setUint32(central + 24, 1000, true);
    const lie = await (await ZipParts.open(lying)).verify().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(lie).toBeInstanceOf(FileRefused);
    expect((lie as Error).message).toContain('more than the 1000 bytes declared');
    // The codec itself: at most `max` bytes come out, or none.
    const deflated = nodeZipCodec.deflateRaw(new TextEncoder().encode('x'.repeat(5000)), 1);
    expect(nodeZipCodec.inflateRaw(deflated, 4999)).toBeUndefined();
    expect(nodeZipCodec.inflateRaw(deflated, 5000)?.length).toBe(5000);
    expect(inflateRawSync(deflated).length).toBe(5000);
  });
});
