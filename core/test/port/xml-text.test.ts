/**
 * Everything LKH writes re-opens (issue 23): text holding characters XML forbids (C0 controls,
 * U+FFFE, U+FFFF, lone surrogates) or Excel's own escape written literally ("_xFFFE_") is written
 * so that every part of the .xlsx is well-formed XML and reads back as it was — up to the one
 * documented replacement: a lone surrogate becomes U+FFFD (text/xml-chars.ts).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { REPLACEMENT, xlsxReadBack, xlsxText, xmlSafe } from '../../src/text';
import { simpleLayout } from '../../src/layout/simple';
import { openForReading } from '../../src/xlsx/read-input';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import type { CellValue, WorkbookPort } from '../../src/port/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { consolidateCommune } from '../../src/workflow/plan';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** Pieces that make hostile text: forbidden characters, escapes and near-escapes, Vietnamese. */
const PIECES = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\r', '\r\n', '\t', '\n', '\u007f', '\u0085', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '_x', '_X', '_xFFFE_', '_x005F_', '_x0041_x0042_', '_x000d_', '_x12', '_xABCD', '_', 'x', 'F', '0', 'Thôn ', 'Nà Lìu', 'ệ', '"', '<', '&', ']]>', ' '];
const hostile = fc.string({ unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 24 });

/** ExcelJS's reading of an escaped text (lib/xlsx/xform/strings/text-xform.js), as the file gives it. */
const excelDecode = (text: string): string => text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** Whether XML 1.0 allows every character of `text`. */
function xmlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c === 0xfffe || c === 0xffff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Every XML part of the file, parsed by a strict parser: the names of the parts that are not well-formed. */
async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)?.async('string');
    const parser = new SaxesParser({ xmlns: false });
    let failed = false;
    parser.on('error', () => {
      failed = true;
    });
    parser.write(xml ?? '').close();
    if (failed) bad.push(name);
  }
  return bad;
}

describe('xlsxText and xmlSafe', () => {
  it('escape as Excel does, and protect a literal escape', () => {
    expect(xlsxText('Thôn _xFFFE_ Nà')).toBe('Thôn _x005F_xFFFE_ Nà');
    expect(xlsxText('Thôn \ufffe\u001b')).toBe('Thôn _xFFFE__x001B_');
    expect(xlsxText('dòng 1\r\ndòng 2\tcột')).toBe('dòng 1_x000D_\ndòng 2\tcột');
    expect(xlsxText('lẻ \ud800 đôi 😀')).toBe(`lẻ ${REPLACEMENT} đôi 😀`);
    expect(xlsxText('Xây dựng nhà văn hóa thôn_Bản_2')).toBe('Xây dựng nhà văn hóa thôn_Bản_2');
    // "_x1234" before a character written as an escape would read as "_x1234_": its underscore is escaped.
    expect(excelDecode(xlsxText('_x1234\u001b'))).toBe('_x1234\u001b');
    expect(xmlSafe('Thôn\u0000 \ufffe\ud800 _xFFFE_ \t\n')).toBe(`Thôn${REPLACEMENT} ${REPLACEMENT}${REPLACEMENT} _xFFFE_ \t\n`);
  });

  it('read back as written, up to the replacement of lone surrogates (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const written = xlsxText(s);
        expect(xmlChars(written)).toBe(true);
        expect(excelDecode(written)).toBe(xlsxReadBack(s));
        expect(xmlChars(xmlSafe(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('an .xlsx LKH writes holds well-formed XML and reads back what was written', () => {
  it('sheet values, a sheet name and the saved state, through ExcelJS and the fast reader (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 6 }), hostile, async (values, name) => {
        const wb = XlsxWorkbook.create();
        await wb.createSheet(simpleLayout({ name: 'Tên thôn', title: 'Danh sách thôn', tables: [] }));
        await wb.writeValues([{ sheet: 'Tên thôn', row: 5, col: 0, values: values.map((v) => [v, `Hoạt động ${v}`]) }]);
        await wb.writeState({ unitName: name, extra: { villages: values } });
        const bytes = await wb.save();
        expect(await malformedParts(bytes)).toEqual([]);
        // In memory, nothing changed by the saving.
        expect((await wb.readState()).unitName).toBe(name);
        const expected = values.map((v) => [xlsxReadBack(v), xlsxReadBack(`Hoạt động ${v}`)]);
        for (const reopened of [await XlsxWorkbook.load(bytes), await openForReading(bytes)]) {
          const [sheet] = await reopened.readSheets(['Tên thôn']);
          const rows = values.map((_, i) => [0, 1].map((c) => sheet.values[5 + i - sheet.top]?.[c - sheet.left] ?? null));
          // A value of only spaces or nothing left reads as a blank cell.
          expect(rows).toEqual(expected.map((r) => r.map((v) => (v === '' ? null : v))));
          const state = await reopened.readState();
          expect(state.unitName).toBe(JSON.parse(JSON.stringify(name)));
          expect(state.extra?.villages).toEqual(JSON.parse(JSON.stringify(values)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a sheet named with a forbidden character is written with U+FFFD and the workbook keeps its name in memory', async () => {
    const wb = XlsxWorkbook.create();
    await wb.createSheet(simpleLayout({ name: 'Thôn A', title: 'Thôn A', tables: [] }));
    const ws = wb.workbook.getWorksheet('Thôn A');
    if (!ws) throw new Error('no sheet');
    (ws as unknown as { _name: string })._name = 'Thôn \ufffeA';
    const bytes = await wb.save();
    expect(await malformedParts(bytes)).toEqual([]);
    expect(await wb.listSheets()).toEqual(['Thôn \ufffeA']);
    expect(await (await XlsxWorkbook.load(bytes)).listSheets()).toEqual([`Thôn ${REPLACEMENT}A`]);
  });
});

/** A village's I.2 sheet named "Thôn N - I.2", for a village and activities of any name. */
async function villageSheet(wb: MemoryWorkbook, n: number, village: string, activities: readonly string[]): Promise<void> {
  const sheetName = `Thôn ${n} - I.2`;
  const layout = layoutForm(getForm('I.2'), {
    planYear: 2027,
    unitName: village,
    sheetName,
    body: {
      strengths: [],
      difficulties: [],
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ...activities.map((a, i) => ({
          kind: 'data' as const,
          values: { activity: a, unit: 'm', quantity: 100 + i, time: 'Q.II/2027', place: 'Tại thôn', responsible: 'Trưởng thôn', total: 3000 + i, contribution: 1000, support: 2000 + i, note: null },
        })),
      ],
    },
  });
  await wb.createSheet(layout);
}

/** Every sheet's values and the state, as a port reads them. */
async function contents(port: WorkbookPort): Promise<{ sheets: Record<string, readonly (readonly CellValue[])[]>; state: unknown }> {
  const names = await port.listSheets();
  const data = await port.readSheets(names);
  return { sheets: Object.fromEntries(data.map((d) => [d.name, d.values])), state: await port.readState() };
}

const readBack = (v: CellValue): CellValue => (typeof v === 'string' ? xlsxReadBack(v) : v);

describe('a plan consolidated from villages of any name re-opens with their names', () => {
  it('village and activity names through consolidation, the saved plan and its re-opening (property)', async () => {
    const prefix = fc.constantFrom('Thôn ', 'Bản ', 'Hoạt động ');
    const name = fc.tuple(prefix, hostile).map(([a, b]) => a + b);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.tuple(prefix, hostile), fc.array(name, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }), async (villages) => {
        const sources = new MemoryWorkbook();
        // Each village's name carries its number right after its first words: two different sheets
        // of one village are a conflict the accountant must answer (selectSources), not a
        // consolidation this property checks. Not at the end: the reader cuts "Thôn: …" at a tab
        // (forms put two labels in one cell), and "Hoạt động \t 1", "Hoạt động \t 2" were one village.
        const names = villages.map(([[p, rest]], i) => `${p}${i + 1} ${rest}`);
        for (const [i, [, acts]] of villages.entries()) await villageSheet(sources, i + 1, names[i]!, acts);
        const { readings } = await readWorkbook(sources);
        const plan = XlsxWorkbook.create();
        await consolidateCommune(plan, readings, { planYear: 2027, communeName: names[0]! });
        const before = await contents(plan);
        const bytes = await plan.save();
        expect(await malformedParts(bytes)).toEqual([]);
        const after = await contents(await XlsxWorkbook.load(bytes));
        expect(after.state).toEqual(JSON.parse(JSON.stringify(before.state)));
        expect(Object.keys(after.sheets)).toEqual(Object.keys(before.sheets).map(xlsxReadBack));
        for (const [sheet, rows] of Object.entries(before.sheets)) expect(after.sheets[xlsxReadBack(sheet)]).toEqual(rows.map((r) => r.map(readBack)));
      }),
      { numRuns: 12 },
    );
  });
});
