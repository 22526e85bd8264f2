/**
 * Deferred sheets (XlsxWorkbook.load's `defer`, what a re-run does with the plan sheets it replaces):
 * a sheet renamed and kept is copied into the saved file as its XML (splice.ts), its formats and
 * strings moved into the new file's tables; one that cannot be copied so is read in full by
 * ExcelJS. Either way the saved copy shows what the sheet showed, cell by cell.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Worksheet } from 'exceljs';
import { nodeZipCodec } from '../../cli/zip-codec';
import { PortError } from '../../src/port/memory';
import { useZipCodec } from '../../src/xlsx/zip';
import { indexesOf, prepareSheet } from '../../src/xlsx/splice';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { sampleLayout } from './fixtures';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

/** Values, formats, merges, validations and columns of a sheet, as plain data. */
function shown(ws: Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push({ r, height: row.height ?? null });
    row.eachCell({ includeEmpty: true }, (c) => cells.push({ at: c.address, value: JSON.stringify(c.value) ?? null, style: JSON.stringify(c.style) }));
  });
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  return {
    cells,
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    validations: JSON.stringify(model),
    columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]),
    conditional: JSON.stringify((ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? []),
  };
}

/** A workbook as a commune keeps it: the plan sheet with formats, numbers, shared text; another sheet with other formats. */
async function commune(extra?: (ws: Worksheet) => void): Promise<Uint8Array> {
  const port = XlsxWorkbook.create();
  await port.createSheet(sampleLayout('II.4.B'));
  const wb = port.workbook;
  const ws = wb.getWorksheet('II.4.B');
  if (!ws) throw new Error('no II.4.B');
  ws.getCell('B20').value = 'Bê tông hóa đường nội thôn Nà Lìu';
  ws.getCell('B20').font = { name: 'Times New Roman', italic: true, color: { argb: 'FF0000FF' } };
  ws.getCell('C20').value = 1234567.5;
  ws.getCell('C20').numFmt = '#,##0.00 "đ"';
  ws.getCell('D20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('D20').value = 'Bê tông hóa đường nội thôn Nà Lìu';
  extra?.(ws);
  const other = wb.addWorksheet('Ghi chú');
  other.getCell('A1').value = 'Ghi chú của xã';
  other.getCell('A1').font = { bold: true, size: 14 };
  other.getCell('A2').value = 0.25;
  other.getCell('A2').numFmt = '0.0%';
  return port.save();
}

/** Loads with II.4.B deferred, replaces it (kept as "II.4.B (cũ)"), saves; returns the file before and after. */
async function replaced(bytes: Uint8Array): Promise<{ before: ExcelJS.Workbook; after: ExcelJS.Workbook; saved: Uint8Array }> {
  const port = await XlsxWorkbook.load(bytes, { defer: (names) => names.filter((n) => n === 'II.4.B') });
  const r = await port.createSheet(sampleLayout('II.4.B', { columnWidths: [8, 30, 10, 14] }));
  expect(r.keptCopy).toBe('II.4.B (cũ)');
  const saved = await port.save();
  return { before: await open(bytes), after: await open(saved), saved };
}

describe('a deferred sheet kept as a copy', () => {
  it('is copied into the saved file as its XML, showing what it showed, formats and strings moved', async () => {
    const bytes = await commune();
    const { before, after, saved } = await replaced(bytes);
    const old = before.getWorksheet('II.4.B');
    const copy = after.getWorksheet('II.4.B (cũ)');
    if (!old || !copy) throw new Error('sheets missing');
    expect(shown(copy)).toEqual(shown(old));
    // The other sheet and the new one are as ExcelJS writes them.
    expect(shown(after.getWorksheet('Ghi chú') as Worksheet)).toEqual(shown(before.getWorksheet('Ghi chú') as Worksheet));
    expect(after.getWorksheet('II.4.B')?.getCell('A1').value).not.toBeUndefined();
    // It was spliced, not rewritten: the copy's part keeps the old file's layout of the sheet
    // (its cells' text exactly), with its formats renumbered into the new styles.
    const zip = await JSZip.loadAsync(saved);
    const parts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string')));
    const oldZip = await JSZip.loadAsync(bytes);
    const oldPart = await oldZip.file('xl/worksheets/sheet1.xml')?.async('string');
    const strip = (x: string | undefined) => (x ?? '').replace(/ s="\d+"/g, '').replace(/<v>\d+<\/v>/g, '');
    expect(parts.some((p) => strip(p) === strip(oldPart))).toBe(true);
  });

  it('refers to the strings the new table already holds: no text is in the saved string table twice', async () => {
    const bytes = await commune();
    const { saved, after } = await replaced(bytes);
    const sst = (await (await JSZip.loadAsync(saved)).file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const items = sst.match(/<si>[\s\S]*?<\/si>/g) ?? [];
    // The copy and the new sheet share the form's headers: each is written once.
    expect(items.length).toBeGreaterThan(5);
    expect(new Set(items).size).toBe(items.length);
    expect(sst).toContain(`uniqueCount="${items.length}"`);
    expect(after.getWorksheet('II.4.B (cũ)')?.getCell('B20').value).toBe('Bê tông hóa đường nội thôn Nà Lìu');
  });

  it('a string with a prefixed element is copied only when no copied cell uses it; one a copy uses sends the sheet to ExcelJS', async () => {
    const bytes = await commune();
    const withItem = async (use: boolean): Promise<Uint8Array> => {
      const zip = await JSZip.loadAsync(bytes);
      const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      const item = '<si><t>Chú thích</t><x:note xmlns:x="urn:lkh-test"/></si>';
      const count = (sst.match(/<si>/g) ?? []).length;
      zip.file('xl/sharedStrings.xml', sst.replace('</sst>', `${item}</sst>`).replace(/uniqueCount="\d+"/, `uniqueCount="${count + 1}"`));
      if (use) {
        const part = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
        // B20 (a shared string) now points at the new item.
        zip.file('xl/worksheets/sheet1.xml', part.replace(/(<c r="B20"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, `$1${count}$2`));
      }
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    };
    const oldPart = async (b: Uint8Array) => (await JSZip.loadAsync(b)).file('xl/worksheets/sheet1.xml')?.async('string');
    // Spliced: a part of the saved file is the old sheet's XML, its indexes aside.
    const spliced = async (saved: Uint8Array, old: string | undefined) => {
      const zip = await JSZip.loadAsync(saved);
      const parts = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string')));
      const strip = (x: string | undefined) => (x ?? '').replace(/ s="\d+"/g, '').replace(/<v>\d+<\/v>/g, '');
      return parts.some((p) => strip(p) === strip(old));
    };
    const unused = await withItem(false);
    const a = await replaced(unused);
    expect(await spliced(a.saved, await oldPart(unused))).toBe(true);
    expect(a.after.getWorksheet('II.4.B (cũ)')?.getCell('B20').value).toBe('Bê tông hóa đường nội thôn Nà Lìu');
    const used = await withItem(true);
    expect(await oldPart(used)).toContain('<c r="B20"');
    const b = await replaced(used);
    expect(await spliced(b.saved, await oldPart(used))).toBe(false);
    expect(b.after.getWorksheet('II.4.B (cũ)')?.getCell('B20').value).toBe('Chú thích');
  });

  it('is read in full by ExcelJS when its XML cannot be copied (a conditional format), and shows the same', async () => {
    const bytes = await commune((ws) => {
      ws.addConditionalFormatting({ ref: 'C20:C30', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [1000], priority: 1, style: { font: { bold: true } } }] });
    });
    const { before, after } = await replaced(bytes);
    const old = before.getWorksheet('II.4.B');
    const copy = after.getWorksheet('II.4.B (cũ)');
    if (!old || !copy) throw new Error('sheets missing');
    expect(shown(copy)).toEqual(shown(old));
    expect((copy as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toHaveLength(1);
  });

  it('reads from its XML what ExcelJS reads', async () => {
    const bytes = await commune();
    const whole = await XlsxWorkbook.load(bytes);
    const deferred = await XlsxWorkbook.load(bytes, { defer: (names) => names });
    for (const fonts of [false, true]) {
      expect(await deferred.readSheets(['II.4.B', 'Ghi chú'], { fonts })).toEqual(await whole.readSheets(['II.4.B', 'Ghi chú'], { fonts }));
    }
  });
});

describe('prepareSheet: what is copied as XML', () => {
  const sheet = (body: string, top = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${top}<sheetData>${body}</sheetData></worksheet>`;

  it('finds each format and shared string index', () => {
    const p = prepareSheet(sheet('<row r="1" s="2" customFormat="1"><c r="A1" s="3" t="s"><v>7</v></c><c r="B1" s="4"><v>7</v></c></row>', '<cols><col min="1" max="1" width="9" style="5"/></cols>'));
    if (!p) throw new Error('not prepared');
    // In the order of the text, each at its place.
    expect(indexesOf(p).every((i, k, all) => k === 0 || i.from >= all[k - 1].to)).toBe(true);
    expect(indexesOf(p).map((i) => p.xml.slice(i.from, i.to))).toEqual(['5', '2', '3', '7', '4']);
    expect(indexesOf(p).map((i) => [i.kind, i.index])).toEqual([
      ['style', 5],
      ['style', 2],
      ['style', 3],
      ['string', 7],
      ['style', 4],
    ]);
  });

  it('an index is one to nine digits: anything else is not copied', () => {
    expect(prepareSheet(sheet('<row r="1"><c r="A1" s="123456789"><v>1</v></c></row>'))).toBeDefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" s="1234567890"><v>1</v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" s=""><v>1</v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" s="-1"><v>1</v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" t="s"><v>12a</v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" t="s"><v> 12 </v></c></row>'))).toBeDefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" t="s"><v>٣</v></c></row>'))).toBeUndefined();
  });

  it('refuses what refers outside the part or cannot be read as plain', () => {
    expect(prepareSheet(sheet('<row r="1"><c r="A1" t="s"><v><![CDATA[7]]></v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('', '<sheetPr/>').replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>'))).toBeUndefined();
    expect(prepareSheet(sheet('<row r="1"><c r="A1" vm="1"><v>1</v></c></row>'))).toBeUndefined();
    expect(prepareSheet(sheet('').replace('</worksheet>', '<extLst><ext uri="x"/></extLst></worksheet>'))).toBeUndefined();
    expect(prepareSheet(sheet('').replace('</worksheet>', '<conditionalFormatting sqref="A1"/></worksheet>'))).toBeUndefined();
    expect(prepareSheet('<worksheet xmlns="urn:other"><sheetData/></worksheet>')).toBeUndefined();
  });
});

describe('a plan holding only LKH’s sheets, every plan sheet deferred (a re-run)', () => {
  /** A plan as LKH writes it: II.4.B, the drop-downs' lists, the state; saved once. */
  async function plan(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const port = XlsxWorkbook.create();
    // A sheet made first and deleted: the file's sheet ids no longer follow the tabs' order, as in a plan written twice.
    port.workbook.addWorksheet('Tạm');
    await port.createSheet(sampleLayout('II.4.B'));
    port.workbook.removeWorksheet('Tạm');
    const lists = port.workbook.addWorksheet('_lkh_lists', { state: 'veryHidden' });
    ['Đã có chủ trương đầu tư', 'Chưa có chủ trương đầu tư', 'Chuyển tiếp'].forEach((v, i) => {
      lists.getCell(i + 1, 1).value = v;
    });
    lists.getCell(1, 2).value = 12;
    await port.writeState({ planYear: 2027, unitName: 'Xã Tân Lập', extra: { rows: { 'v:thôn nà lìu|đường|m': 'x|1' } } });
    port.workbook.created = new Date('2026-04-02T08:00:00Z');
    extra?.(port.workbook);
    return port.save();
  }

  /** Opens with every sheet but LKH's own deferred, writes II.4.B anew (the old one kept as "(cũ)"), saves. */
  async function rerun(bytes: Uint8Array): Promise<{ port: XlsxWorkbook; after: ExcelJS.Workbook }> {
    const port = await XlsxWorkbook.load(bytes, { defer: (names) => names });
    expect(await port.readState()).toEqual({ planYear: 2027, unitName: 'Xã Tân Lập', extra: { rows: { 'v:thôn nà lìu|đường|m': 'x|1' } } });
    expect((await port.createSheet(sampleLayout('II.4.B'))).keptCopy).toBe('II.4.B (cũ)');
    return { port, after: await open(await port.save()) };
  }

  it('keeps what ExcelJS would have kept: sheets, states, print areas and title rows, lists, state, creator and dates', async () => {
    const bytes = await plan();
    const before = await open(bytes);
    const { after } = await rerun(bytes);
    expect(after.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['II.4.B (cũ)', 'visible'],
      ['_lkh_lists', 'veryHidden'],
      ['_lkh', 'veryHidden'],
      ['II.4.B', 'visible'],
    ]);
    const old = before.getWorksheet('II.4.B') as Worksheet;
    const copy = after.getWorksheet('II.4.B (cũ)') as Worksheet;
    expect(shown(copy)).toEqual(shown(old));
    expect([copy.pageSetup.printArea, copy.pageSetup.printTitlesRow]).toEqual([old.pageSetup.printArea, old.pageSetup.printTitlesRow]);
    expect(copy.pageSetup.printArea).toBe('A1:D6');
    expect(copy.pageSetup.printTitlesRow).toBe('3:3');
    const lists = after.getWorksheet('_lkh_lists') as Worksheet;
    expect([1, 2, 3].map((r) => lists.getCell(r, 1).value)).toEqual(['Đã có chủ trương đầu tư', 'Chưa có chủ trương đầu tư', 'Chuyển tiếp']);
    expect(lists.getCell(1, 2).value).toBe(12);
    expect(after.creator).toBe('LKH');
    expect(after.created.toISOString()).toBe('2026-04-02T08:00:00.000Z');
    const reopened = await XlsxWorkbook.load(new Uint8Array(await after.xlsx.writeBuffer()));
    expect((await reopened.readState()).unitName).toBe('Xã Tân Lập');
  });

  it('reads a deferred sheet in full, by its name in the file, when it is used after all', async () => {
    const bytes = await plan();
    const port = await XlsxWorkbook.load(bytes, { defer: (names) => names });
    await port.copySheet('II.4.B', 'II.4.B - bản chép');
    const after = await open(await port.save());
    // As the same copy made in a workbook loaded whole.
    const whole = await XlsxWorkbook.load(bytes);
    await whole.copySheet('II.4.B', 'II.4.B - bản chép');
    const expected = await open(await whole.save());
    for (const name of ['II.4.B', 'II.4.B - bản chép']) expect(shown(after.getWorksheet(name) as Worksheet)).toEqual(shown(expected.getWorksheet(name) as Worksheet));
    expect(after.getWorksheet('II.4.B')?.getCell('A1').value).toBe('KẾ HOẠCH THỰC HIỆN');
  });

  it('leaves a file holding anything more (a name of the user’s, a title) to ExcelJS, which keeps it', async () => {
    const named = await plan((wb) => {
      wb.definedNames.add("'II.4.B'!$B$7", 'TongSo');
    });
    const { after } = await rerun(named);
    expect(after.definedNames.model.map((d) => d.name)).toContain('TongSo');
    const titled = await plan((wb) => {
      wb.title = 'Kế hoạch năm 2027';
    });
    expect((await rerun(titled)).after.title).toBe('Kế hoạch năm 2027');
  });

  it('inflates a deferred sheet only when it is read: a damaged one deleted unread costs nothing, one read is refused naming its part', async () => {
    const bytes = await plan();
    // II.4.B's part: the only sheet of the plan with merged cells.
    const zip = await JSZip.loadAsync(bytes);
    let target = '';
    for (const f of zip.file(/xl\/worksheets\/sheet\d+\.xml/)) if ((await f.async('string')).includes('<mergeCell ')) target = f.name;
    expect(target).not.toBe('');
    const damaged = bytes.slice();
    const view = new DataView(damaged.buffer, damaged.byteOffset, damaged.byteLength);
    let central = damaged.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50 || new TextDecoder().decode(damaged.subarray(central + 46, central + 46 + target.length)) !== target) central--;
    view.setUint32(central + 24, view.getUint32(central + 24, true) - 1, true);
    // Deleted unread: the rest of the plan is written as usual.
    const port = await XlsxWorkbook.load(damaged, { defer: (names) => names });
    await port.createSheet(sampleLayout('II.4.A'));
    await port.deleteSheets(['II.4.B']);
    await port.createSheet(sampleLayout('II.4.B'));
    expect((await open(await port.save())).getWorksheet('II.4.B')?.getCell('A1').value).toBe('KẾ HOẠCH THỰC HIỆN');
    // Read: refused as the file it is, naming the damaged part.
    const reader = await XlsxWorkbook.load(damaged, { defer: (names) => names });
    const refused = await reader.readSheets(['II.4.B']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(PortError);
    expect((refused as PortError).message).toContain(target);
  });
});

describe('saved with the platform codec (the lkh command: Node zlib deflates what ExcelJS stores)', () => {
  afterEach(() => useZipCodec(undefined));

  it('a plain save and a re-run with a spliced copy give the files JSZip gives, every part deflated and every CRC right', async () => {
    const bytes = await commune();
    const plain = await replaced(bytes);
    useZipCodec(nodeZipCodec);
    const fast = await replaced(bytes);
    for (const name of ['II.4.B', 'II.4.B (cũ)', 'Ghi chú']) {
      expect(shown(fast.after.getWorksheet(name) as Worksheet)).toEqual(shown(plain.after.getWorksheet(name) as Worksheet));
    }
    const zip = await JSZip.loadAsync(fast.saved, { checkCRC32: true });
    const methods = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => (f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic);
    expect(methods.length).toBeGreaterThan(5);
    expect(methods.every((m) => m === '\x08\x00')).toBe(true);
    // A save without copies takes the same road: stored by ExcelJS, deflated by the codec.
    const port = await XlsxWorkbook.load(bytes);
    const saved = await port.save();
    const again = await JSZip.loadAsync(saved, { checkCRC32: true });
    expect(Object.keys(again.files)).toEqual(Object.keys((await JSZip.loadAsync(bytes)).files));
    expect(shown((await open(saved)).getWorksheet('II.4.B') as Worksheet)).toEqual(shown((await open(bytes)).getWorksheet('II.4.B') as Worksheet));
    expect(saved.length).toBeLessThan(bytes.length * 2);
  });
});
