/**
 * The fast reader's rules one at a time (core/src/xlsx/fast-read.ts): small workbooks written here
 * part by part, the way other spreadsheet programs and hand-edited files write them, each one read
 * by the fast reader with ExcelJS's values (everything a reader can ask, compared), left to ExcelJS
 * (`undefined`: the caller opens it with ExcelJS), or refused with the Vietnamese sentence that
 * names the part and the cell. fast-read-adversarial.test.ts runs the adversarial corpus; this file
 * covers what it does not, fast enough for a mutation run.
 */
import JSZip from 'jszip';
import type { SheetData } from '../../src/port/types';
import { FastReadWorkbook } from '../../src/xlsx/fast-read';
import { FileRefused } from '../../src/xlsx/inspect';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { everything } from './fast-read-helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WORKSHEET_TYPE = `${OFFICE_RELS}/worksheet`;
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface SheetSpec {
  readonly name: string;
  /** The whole worksheet part, or undefined for none (a sheet listed whose part is missing). */
  readonly xml: string | undefined;
  readonly state?: string;
  /** The relationship's Target (default worksheets/sheetN.xml) and Type. */
  readonly target?: string;
  readonly type?: string;
}

interface Book {
  readonly sheets: readonly SheetSpec[];
  readonly sst?: string;
  readonly styles?: string;
  /** The whole workbook part instead of the one made from `sheets`. */
  readonly workbook?: string | null;
  readonly rels?: string | null;
}

/** A worksheet part: `body` inside <worksheet> (use sheetData() for the cells). */
const worksheet = (body: string, root = `<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}">`): string => `${DECL}${root}${body}</worksheet>`;
const sheetData = (...rows: string[]): string => `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r}</row>`).join('')}</sheetData>`;
/** A worksheet of one row of cells. */
const cells = (...c: string[]): string => worksheet(sheetData(c.join('')));
const sst = (...items: string[]): string => `${DECL}<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
const styles = (body: string): string => `${DECL}<styleSheet xmlns="${MAIN}">${body}</styleSheet>`;

function partPath(s: SheetSpec, i: number): string {
  const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

function workbookXml(sheets: readonly SheetSpec[]): string {
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  return `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

async function xlsx(book: Book): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides = book.sheets.map((s, i) => `<Override PartName="/${partPath(s, i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  if (book.workbook !== null) zip.file('xl/workbook.xml', book.workbook ?? workbookXml(book.sheets));
  const rels = book.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${s.type ?? WORKSHEET_TYPE}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`);
  if (book.sst !== undefined) rels.push(`<Relationship Id="rIdS" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (book.styles !== undefined) rels.push(`<Relationship Id="rIdY" Type="${OFFICE_RELS}/styles" Target="styles.xml"/>`);
  if (book.rels !== null) zip.file('xl/_rels/workbook.xml.rels', book.rels ?? `${DECL}<Relationships xmlns="${RELS}">${rels.join('')}</Relationships>`);
  book.sheets.forEach((s, i) => {
    if (s.xml !== undefined) zip.file(partPath(s, i), s.xml);
  });
  if (book.sst !== undefined) zip.file('xl/sharedStrings.xml', book.sst);
  if (book.styles !== undefined) zip.file('xl/styles.xml', book.styles);
  return zip.generateAsync({ type: 'uint8array' });
}

/** One sheet "Thôn A" holding `xml`, with the shared strings and styles given. */
const book = (xml: string, extra: Omit<Book, 'sheets'> = {}): Promise<Uint8Array> => xlsx({ sheets: [{ name: 'Thôn A', xml }], ...extra });

/** Read by the fast reader itself, with everything ExcelJS reads. */
async function fastRead(bytes: Uint8Array): Promise<FastReadWorkbook> {
  const fast = await FastReadWorkbook.open(bytes);
  if (!fast) throw new Error('left to ExcelJS');
  expect(await everything(fast)).toEqual(await everything(await XlsxWorkbook.loadForReading(bytes)));
  return fast;
}

/** The sheet as the fast reader reads it (fonts included), after the comparison with ExcelJS. */
async function sheetOf(bytes: Uint8Array, name = 'Thôn A'): Promise<SheetData> {
  const [s] = await (await fastRead(bytes)).readSheets([name], { fonts: true });
  return s;
}

/** The first line of the refusal, up to the words common to every refusal of its kind. */
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await FastReadWorkbook.open(bytes);
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    const first = e.message.split('\n')[0];
    return e.kind === 'ambiguous' ? first.replace(/: một cách ghi mà Excel .*$/u, '') : first.replace(/\. Hãy mở thử bằng Excel.*$/u, '');
  }
  throw new Error('not refused');
}

const SHEET1 = '(phần xl/worksheets/sheet1.xml)';
const SST_PART = '(phần xl/sharedStrings.xml)';
const WORKBOOK = '(phần xl/workbook.xml)';

describe('a file from outside is only read', () => {
  it('refuses every way of writing to it', async () => {
    const fast = await fastRead(await book(cells('<c r="A1"><v>1</v></c>')));
    const said = 'tệp này chỉ được mở để đọc.';
    await expect(fast.writeValues([{ sheet: 'Thôn A', row: 0, col: 0, values: [[2]] }])).rejects.toThrow(said);
    await expect(fast.createSheet({ name: 'Mới' } as never)).rejects.toThrow(said);
    await expect(fast.copySheet('Thôn A', 'Thôn B')).rejects.toThrow(said);
    await expect(fast.deleteSheets(['Thôn A'])).rejects.toThrow(said);
    await expect(fast.writeState({ planYear: 2027 })).rejects.toThrow(said);
    await expect(fast.writeState({ planYear: 2027 })).rejects.toMatchObject({ code: 'WORKBOOK_INVALID' });
  });
});

describe('sheets and the state', () => {
  const state = worksheet(sheetData('<c r="A1" t="inlineStr"><is><t>lkh-state/1</t></is></c><c r="B1" t="inlineStr"><is><t>ghi chú</t></is></c>', '<c r="A2" t="inlineStr"><is><t>{"planYear":2027}</t></is></c><c r="B2"><v>5</v></c>'));

  it('names the user’s sheets, finds them whatever their case, never LKH’s own', async () => {
    const bytes = await xlsx({
      sheets: [
        { name: 'Thôn A', xml: cells('<c r="A1"><v>1</v></c>') },
        { name: 'Ẩn', xml: cells('<c r="A1"><v>2</v></c>'), state: 'hidden' },
        { name: 'Rất ẩn', xml: cells('<c r="A1"><v>3</v></c>'), state: 'veryHidden' },
        { name: 'Hiện', xml: cells('<c r="A1"><v>4</v></c>'), state: 'visible' },
        { name: '_lkh', xml: state, state: 'veryHidden' },
      ],
    });
    const fast = await fastRead(bytes);
    expect(await fast.listSheets()).toEqual(['Thôn A', 'Ẩn', 'Rất ẩn', 'Hiện']);
    const read = await fast.readSheets(['THÔN A', 'ẩn', 'rất ẩn', 'Hiện']);
    expect(read.map((s) => [s.name, s.hidden, s.values])).toEqual([
      ['Thôn A', false, [[1]]],
      ['Ẩn', true, [[2]]],
      ['Rất ẩn', true, [[3]]],
      ['Hiện', false, [[4]]],
    ]);
    await expect(fast.readSheets(['_lkh'])).rejects.toThrow('Không có trang tính "_lkh".');
    await expect(fast.readSheets(['_LKH'])).rejects.toThrow('Không có trang tính "_LKH".');
    await expect(fast.readSheets(['Thôn B'])).rejects.toThrow('Không có trang tính "Thôn B".');
    // The state is column A of the state sheet; what stands beside it is not read.
    expect(await fast.readState()).toEqual({ planYear: 2027 });
  });

  it('two sheets whose names differ only in case: the first is found', async () => {
    const fast = await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: cells('<c r="A1"><v>1</v></c>') }, { name: 'THÔN A', xml: cells('<c r="A1"><v>2</v></c>') }] }));
    const [s] = (await fast?.readSheets(['thôn a'])) ?? [];
    expect([s.name, s.values]).toEqual(['Thôn A', [[1]]]);
  });

  it('no state sheet: no state', async () => {
    expect(await (await fastRead(await book(cells('<c r="A1"><v>1</v></c>')))).readState()).toEqual({});
  });

  it('reads the state sheet whatever the case of its name', async () => {
    const fast = await fastRead(await xlsx({ sheets: [{ name: 'Thôn A', xml: cells('<c r="A1"><v>1</v></c>') }, { name: '_LKH', xml: state, state: 'veryHidden' }] }));
    expect(await fast.readState()).toEqual({ planYear: 2027 });
  });
});

describe('the workbook part', () => {
  const sheet = cells('<c r="A1"><v>1</v></c>');

  it('without a workbook part or its relationships, or in the strict namespace: left to ExcelJS', async () => {
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: null }))).toBeUndefined();
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], rels: null }))).toBeUndefined();
    const strict = `${DECL}<workbook xmlns="${STRICT}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Thôn A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: strict }))).toBeUndefined();
  });

  it.each<[string, string]>([
    [`<book xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"/>`, `tệp có phần tử gốc <book> thay vì <workbook> ${WORKBOOK}`],
    [`<workbook xmlns="urn:lkh" xmlns:r="${OFFICE_RELS}"/>`, `tệp có phần tử gốc <workbook> ngoài không gian tên của Excel ${WORKBOOK}`],
    [`<workbook xmlns:r="${OFFICE_RELS}"/>`, `tệp có phần tử gốc <workbook> ngoài không gian tên của Excel ${WORKBOOK}`],
    [`<workbook xmlns="${MAIN}"><sheets/></workbook>`, `tệp có các trang tính ghi theo một cách lạ (tiền tố r) ${WORKBOOK}`],
    [`<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Thôn A" sheetId="1" r:id="rId1"/></sheets><sheets/></workbook>`, `tệp có hai danh sách trang tính ${WORKBOOK}`],
    [`<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><bookViews><sheet name="Thôn A" sheetId="1" r:id="rId1"/></bookViews><sheets/></workbook>`, `tệp có phần tử <sheet> nằm trong <bookViews> ${WORKBOOK}`],
    [`<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><x><sheets/></x><sheets/></workbook>`, `tệp có phần tử <sheets> nằm trong <x> ${WORKBOOK}`],
  ])('%s: refused', async (root, said) => {
    expect(await refusal(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: `${DECL}${root}` }))).toBe(said);
  });

  it('a refusal after which the part is not even XML: said to be damaged', async () => {
    const broken = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets/><sheets/><a></b></workbook>`;
    expect(await refusal(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: broken }))).toBe(
      'tệp bị hỏng: phần xl/workbook.xml bên trong tệp không phải XML đúng quy cách (thẻ <a> lại được đóng bằng </b>, ở ký tự thứ 232)',
    );
  });

  it('reads a sheet listed with other elements and text around it, and what comes after the list', async () => {
    const wb = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><fileVersion appName="xl"/><sheets> <sheet name="Thôn A" sheetId="1" r:id="rId1"/><extLst/></sheets><calcPr calcId="191029"/></workbook><!-- lưu bởi LibreOffice -->`;
    expect((await sheetOf(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: wb }))).values).toEqual([[1]]);
  });

  it('a sheet without r:id, a chart sheet, a sheet whose part is missing or not a relationship of the workbook: left to ExcelJS', async () => {
    const noId = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Thôn A" sheetId="1"/></sheets></workbook>`;
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: noId }))).toBeUndefined();
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Biểu đồ', xml: sheet, type: `${OFFICE_RELS}/chartsheet` }] }))).toBeUndefined();
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: undefined }] }))).toBeUndefined();
    const otherId = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Thôn A" sheetId="1" r:id="rId9"/></sheets></workbook>`;
    expect(await FastReadWorkbook.open(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], workbook: otherId }))).toBeUndefined();
  });

  it('finds a sheet by an absolute target or one starting with "./"', async () => {
    expect((await sheetOf(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet, target: '/xl/worksheets/sheet1.xml' }] }))).values).toEqual([[1]]);
    const dotted = await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet, target: './worksheets/sheet1.xml' }] });
    const fast = await FastReadWorkbook.open(dotted);
    const [s] = (await fast?.readSheets(['Thôn A'])) ?? [];
    expect(s.values).toEqual([[1]]);
  });

  it('relationships written in another order, after a comment', async () => {
    const rels = `${DECL}<!-- x --><Relationships xmlns="${RELS}"><Relationship Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml" Id="rId1"></Relationship></Relationships>`;
    expect((await sheetOf(await xlsx({ sheets: [{ name: 'Thôn A', xml: sheet }], rels }))).values).toEqual([[1]]);
  });
});

describe('shared strings', () => {
  const s = (i: number, ref = 'A1'): string => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const read = async (items: string[], n = items.length): Promise<readonly unknown[]> => {
    const sheet = await sheetOf(await book(cells(...Array.from({ length: n }, (_, i) => s(i, `${String.fromCharCode(65 + i)}1`))), { sst: sst(...items) }));
    return sheet.values[0] ?? [];
  };

  it('reads plain items, rich text runs joined, empty items and an extension list', async () => {
    expect(
      await read([
        '<si><t>Thôn Nà Hin</t></si>',
        '<si><r><rPr><b/><sz val="11"/></rPr><t>Kế hoạch </t></r><r><t xml:space="preserve">năm 2027</t></r></si>',
        '<si><t>Dân góp</t><phoneticPr fontId="1"/></si>',
        '<si><t>thôn_xa</t></si>',
      ]),
    ).toEqual(['Thôn Nà Hin', 'Kế hoạch năm 2027', 'Dân góp', 'thôn_xa']);
    // An extension list after the items (ExcelJS refuses the file; Excel reads it): its items are read.
    const withExt = sst('<si><t>Ngân sách</t></si>').replace('</sst>', '<extLst><ext uri="x"><y/></ext></extLst></sst>');
    const [ext] = (await (await FastReadWorkbook.open(await book(cells(s(0)), { sst: withExt })))?.readSheets(['Thôn A'])) ?? [];
    expect(ext.values).toEqual([['Ngân sách']]);
    // An empty item, a <t/>, a run without text: blank cells, not "".
    const blank = await sheetOf(await book(cells(s(0), s(1, 'B1'), s(2, 'C1'), s(3, 'D1')), { sst: sst('<si/>', '<si><t/></si>', '<si><r><rPr/></r></si>', '<si><t>x</t></si>') }));
    expect([blank.left, blank.values]).toEqual([3, [['x']]]);
  });

  it('an escape "_x000D_": left to ExcelJS; a phonetic run too', async () => {
    expect(await FastReadWorkbook.open(await book(cells(s(0)), { sst: sst('<si><t>dòng 1_x000D_</t></si>') }))).toBeUndefined();
    expect(await FastReadWorkbook.open(await book(cells(s(0)), { sst: sst('<si><r><t>Thôn_x0041_</t></r></si>') }))).toBeUndefined();
    expect(await FastReadWorkbook.open(await book(cells(s(0)), { sst: sst('<si><t>Thôn</t><rPh sb="0" eb="1"><t>x</t></rPh></si>') }))).toBeUndefined();
  });

  it.each<[string, string]>([
    ['<si><t>a</t><t>b</t></si>', `tệp có một chuỗi có nhiều phần <t> (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<si><r><t>a</t></r><t>b</t></si>', `tệp có một chuỗi có nhiều phần <t> (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<si><t>a</t><r><t>b</t></r></si>', `tệp có một chuỗi có cả <t> lẫn <r> (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<si><r><t>a</t><t>b</t></r></si>', `tệp có phần tử <t> trong <r> (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<si><r><u/><t>a</t></r></si>', `tệp có phần tử <u> trong <r> (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<si><r><rPr><t>a</t></rPr><t>b</t></r></si>', `tệp có phần tử <t> nằm trong <rPr> ${SST_PART}`],
    ['<si><t>a</t><phoneticPr><r/></phoneticPr></si>', `tệp có phần tử <r> nằm trong <phoneticPr> ${SST_PART}`],
    ['<si><b>a</b></si>', `tệp có phần tử <b> trong một chuỗi (chuỗi dùng chung thứ 2) ${SST_PART}`],
    ['<x/>', `tệp có phần tử <x> trong bảng chuỗi ${SST_PART}`],
  ])('the second item %s: refused', async (item, said) => {
    expect(await refusal(await book(cells(s(0)), { sst: sst('<si><t>Thôn A</t></si>', item) }))).toBe(said);
  });

  it('an extension list holding an item: refused', async () => {
    const sneaky = sst('<si><t>Thôn A</t></si>').replace('</sst>', '<extLst><si><t>x</t></si></extLst></sst>');
    expect(await refusal(await book(cells(s(0)), { sst: sneaky }))).toBe(`tệp có phần tử <si> nằm trong <extLst> ${SST_PART}`);
  });

  it('a string exactly as long as Excel allows is read; one character more is left to ExcelJS', async () => {
    const at = 'Thôn Nà Hin '.repeat(2731).slice(0, 32_767);
    expect((await sheetOf(await book(cells(s(0)), { sst: sst(`<si><t>${at}</t></si>`) }))).values[0][0]).toBe(at);
    expect(await FastReadWorkbook.open(await book(cells(s(0)), { sst: sst(`<si><t>${at}x</t></si>`) }))).toBeUndefined();
  });

  it('an index with spaces around it is read; one past the table is left to ExcelJS; one not a number is refused', async () => {
    const table = { sst: sst('<si><t>Thôn A</t></si>', '<si><t>Thôn B</t></si>') };
    expect((await sheetOf(await book(cells('<c r="A1" t="s"><v> 1 </v></c>'), table))).values).toEqual([['Thôn B']]);
    expect(await FastReadWorkbook.open(await book(cells('<c r="A1" t="s"><v>2</v></c>'), table))).toBeUndefined();
    expect(await refusal(await book(cells('<c r="A1" t="s"><v>-1</v></c>'), table))).toBe(`tệp có số thứ tự chuỗi "-1" (ô A1 của trang "Thôn A") ${SHEET1}`);
    expect(await refusal(await book(cells('<c r="A1" t="s"><f>A2</f><v>1</v></c>'), table))).toBe(`tệp có công thức trong một ô chuỗi dùng chung (ô A1 của trang "Thôn A") ${SHEET1}`);
    // A shared-string cell without <v>: nothing.
    expect((await sheetOf(await book(cells('<c r="A1" t="s"></c><c r="B1" t="s"><v>0</v></c>'), table))).values).toEqual([['Thôn A']]);
  });
});

describe('styles: fonts and dates', () => {
  const fonts = '<fonts count="4"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><name val="Arial"/></font><font><name val=".VnTime"/></font><font><b/><sz val="12"/></font></fonts>';
  const xfs = (...x: string[]): string => `<cellXfs count="${x.length}">${x.join('')}</cellXfs>`;

  it('each cell’s font by its style; style 0, a style without fontId and a font without name give none, as ExcelJS reads them', async () => {
    const st = styles(`${fonts}<fills/>${xfs('<xf numFmtId="0" fontId="0"/>', '<xf numFmtId="0" fontId="1"/>', '<xf numFmtId="0" fontId="2"/>', '<xf numFmtId="0"/>', '<xf numFmtId="0" fontId="7"/>', '<xf numFmtId="0" fontId="0"/>', '<xf numFmtId="0" fontId="3"/>')}`);
    const row = ['<c r="A1" s="2"><v>1</v></c>', '<c r="B1" s="1"><v>2</v></c>', '<c r="C1" s="0"><v>3</v></c>', '<c r="D1"><v>4</v></c>', '<c r="E1" s="3"><v>5</v></c>', '<c r="F1" s="4"><v>6</v></c>', '<c r="G1" s=" 2 "><v>7</v></c>', '<c r="H1" s="5"><v>8</v></c>', '<c r="I1" s="9"><v>9</v></c>', '<c r="J1" s="6"><v>10</v></c>'];
    const sheet = await sheetOf(await book(cells(...row), { styles: st }));
    expect(sheet.fonts).toEqual([['.VnTime', 'Arial', null, null, null, null, '.VnTime', 'Times New Roman', null, null]]);
  });

  it('a font with two names has the last one written with a value, as ExcelJS reads it', async () => {
    const st = styles(`<fonts count="3"><font><name val="Times New Roman"/></font><font><name val=".VnTime"/><sz val="12"/><name val="Arial"/></font><font><name val="Arial"/><name/></font></fonts>${xfs('<xf fontId="0"/>', '<xf fontId="1"/>', '<xf fontId="2"/>')}`);
    const sheet = await sheetOf(await book(cells('<c r="A1" s="1"><v>1</v></c>', '<c r="B1" s="2"><v>2</v></c>'), { styles: st }));
    expect(sheet.fonts).toEqual([['Arial', 'Arial']]);
  });

  it('a number format without its code is no date (ExcelJS’s path cannot open the file)', async () => {
    const st = styles(`<numFmts count="1"><numFmt numFmtId="164"/></numFmts>${fonts}${xfs('<xf numFmtId="0"/>', '<xf numFmtId="164"/>')}`);
    const bytes = await book(cells('<c r="A1" s="1"><v>45000</v></c>'), { styles: st });
    const [s] = (await (await FastReadWorkbook.open(bytes))?.readSheets(['Thôn A'])) ?? [];
    expect(s.values).toEqual([[45000]]);
    await expect(XlsxWorkbook.loadForReading(bytes)).rejects.toThrow('tệp bị hỏng');
  });

  it.each<[string, string, boolean]>([
    ['a built-in date', '<xf numFmtId="14"/>', true],
    ['a built-in time', '<xf numFmtId="20"/>', true],
    ['built-in #,##0', '<xf numFmtId="3"/>', false],
    ['built-in text @', '<xf numFmtId="49"/>', false],
    ['built-in 0%', '<xf numFmtId="9"/>', false],
    ['built-in 0.00E+00', '<xf numFmtId="11"/>', false],
    ['built-in # ?/?', '<xf numFmtId="12"/>', false],
    ['built-in accounting', '<xf numFmtId="44"/>', false],
    ['built-in ##0.0E+0', '<xf numFmtId="48"/>', false],
    ['built-in 37', '<xf numFmtId="37"/>', false],
    ['a custom date', '<xf numFmtId="164"/>', true],
    ['a number with words in quotes', '<xf numFmtId="165"/>', false],
    ['a number with a colour', '<xf numFmtId="166"/>', false],
    ['hours', '<xf numFmtId="168"/>', true],
    ['no format', '<xf/>', false],
  ])('%s: a date (left to ExcelJS) %s', async (_what, xf, date) => {
    const numFmts = '<numFmts count="5"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0 &quot;ngày đêm&quot;"/><numFmt numFmtId="166" formatCode="[Red]#,##0;[Blue]-#,##0"/><numFmt numFmtId="167" formatCode="#,##0\\d"/><numFmt numFmtId="168" formatCode="[h]:mm"/><other/></numFmts>';
    const bytes = await book(cells('<c r="A1" s="1"><v>45000</v></c>'), { styles: styles(`${numFmts}${fonts}${xfs('<xf numFmtId="0"/>', xf)}`) });
    if (date) expect(await FastReadWorkbook.open(bytes)).toBeUndefined();
    else expect((await sheetOf(bytes)).values).toEqual([[45000]]);
  });

  it('a number format with an escaped letter ("#,##0\\d") is a number, as Excel shows it', async () => {
    // ExcelJS's path takes the "d" for a day and reads a date there (utils.isDateFmt does not know
    // the backslash): the two readers differ on this file, and the fast reader is the one Excel agrees with.
    const st = styles(`<numFmts count="1"><numFmt numFmtId="167" formatCode="#,##0\\d"/></numFmts>${fonts}${xfs('<xf numFmtId="0"/>', '<xf numFmtId="167"/>')}`);
    const fast = await FastReadWorkbook.open(await book(cells('<c r="A1" s="1"><v>45000</v></c>'), { styles: st }));
    const [sheet] = (await fast?.readSheets(['Thôn A'])) ?? [];
    expect(sheet.values).toEqual([[45000]]);
  });

  it('a style that is no number: refused', async () => {
    expect(await refusal(await book(cells('<c r="A1" s="1a"><v>1</v></c>')))).toBe(`tệp có kiểu "1a" của ô A1 trong trang "Thôn A" ${SHEET1}`);
  });
});

describe('the worksheet', () => {
  it('reads cells out of order, self-closing cells, text between elements, sections it does not need', async () => {
    const ws = worksheet(`<sheetPr/><dimension ref="A1:C2"/><sheetViews><sheetView/></sheetViews>${sheetData('<c r="C1"><v>3</v></c> <c r="A1"><v>1</v></c><c r="B2" s="0"/><c r="B1"/>', '<c r="A2"><v>4</v></c>')}<pageMargins left="0.7"/>`);
    expect((await sheetOf(await book(ws))).values).toEqual([
      [1, null, 3],
      [4, null, null],
    ]);
  });

  it('reads an empty sheet and an empty <sheetData/>', async () => {
    expect((await sheetOf(await book(worksheet('<sheetData/>')))).values).toEqual([]);
    expect((await sheetOf(await book(worksheet('')))).values).toEqual([]);
  });

  it.each<[string, string]>([
    [sheetData('<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c>'), `tệp có ô A1 ghi hai lần trong trang "Thôn A" ${SHEET1}`],
    [sheetData('<c r="A1"><v>1</v></c><c r="C1"><v>2</v></c><c r="B1"><v>3</v></c><c r="C1"><v>4</v></c>'), `tệp có ô C1 ghi hai lần trong trang "Thôn A" ${SHEET1}`],
    [sheetData('<c r="B1"><v>1</v></c><c r="A1"><v>3</v></c><c r="A1"><v>4</v></c>'), `tệp có ô A1 ghi hai lần trong trang "Thôn A" ${SHEET1}`],
    [`${sheetData('<c r="A1"><v>1</v></c>')}<sheetData/>`, `tệp có hai phần <sheetData> trong trang "Thôn A" ${SHEET1}`],
    ['<sheetData><col/></sheetData>', `tệp có phần tử <col> trong <sheetData> của trang "Thôn A" ${SHEET1}`],
    [sheetData('<v>1</v>'), `tệp có phần tử <v> trong một hàng của trang "Thôn A" ${SHEET1}`],
    [sheetData('<c r="A0"><v>1</v></c>'), `tệp có ô có địa chỉ "A0" trong trang "Thôn A" ${SHEET1}`],
    // ExcelJS puts a row's cells in the row its r names; Excel reads each cell's address.
    [sheetData('<c r="A1"><v>1</v></c>', '<c r="A3"><v>2</v></c>'), `tệp có ô A3 nằm trong hàng 2 của trang "Thôn A" ${SHEET1}`],
    // ExcelJS keeps only the last of two rows with the same number, and drops a row numbered 0.
    ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row></sheetData>', `tệp có hàng 1 ghi hai lần trong trang "Thôn A" ${SHEET1}`],
    ['<sheetData><row r="2"/><row r="1"/><row r="2"><c r="B2"><v>2</v></c></row></sheetData>', `tệp có hàng 2 ghi hai lần trong trang "Thôn A" ${SHEET1}`],
    ['<sheetData><row r="0"><c r="A1"><v>1</v></c></row></sheetData>', `tệp có hàng có số "0" trong trang "Thôn A" ${SHEET1}`],
    ['<sheetData><row r="1x"><c r="A1"><v>1</v></c></row></sheetData>', `tệp có hàng có số "1x" trong trang "Thôn A" ${SHEET1}`],
    [`<cols><c r="A1"><v>1</v></c></cols>${sheetData()}`, `tệp có phần tử <c> nằm trong <cols> ${SHEET1}`],
    [`<headerFooter><oddHeader/><mergeCells/></headerFooter>${sheetData()}`, `tệp có phần tử <mergeCells> nằm trong <headerFooter> ${SHEET1}`],
  ])('%s: refused', async (body, said) => {
    expect(await refusal(await book(worksheet(body)))).toBe(said);
  });

  it('a cell without its address: left to ExcelJS', async () => {
    expect(await FastReadWorkbook.open(await book(worksheet('<sheetData><row r="1"><c><v>1</v></c></row></sheetData>')))).toBeUndefined();
  });

  it('rows without their number are read by their cells’ addresses, as Excel reads them (ExcelJS’s path cannot open the file)', async () => {
    const bytes = await book(worksheet('<sheetData><row><c r="A1"><v>1</v></c></row><row><c r="B3"><v>2</v></c><c r="A3"><v>3</v></c></row><row r="4"><c r="C4"><v>4</v></c></row></sheetData>'));
    const [s] = (await (await FastReadWorkbook.open(bytes))?.readSheets(['Thôn A'])) ?? [];
    expect(s.values).toEqual([[1, null, null], [null, null, null], [3, 2, null], [null, null, 4]]);
    await expect(XlsxWorkbook.loadForReading(bytes)).rejects.toThrow('Invalid row number in model');
    // A cell written twice across two such rows is still refused.
    const twice = await book(worksheet('<sheetData><row><c r="A1"><v>1</v></c></row><row><c r="A1"><v>2</v></c></row></sheetData>'));
    expect(await refusal(twice)).toBe(`tệp có ô A1 ghi hai lần trong trang "Thôn A" ${SHEET1}`);
  });

  it('rows out of order, numbered with spaces around, empty ones, are read', async () => {
    const ws = worksheet('<sheetData><row r="3"><c r="A3"><v>3</v></c></row><row r=" 1 "><c r="A1"><v>1</v></c></row><row r="2" spans="1:2"/></sheetData>');
    expect((await sheetOf(await book(ws))).values).toEqual([[1], [null], [3]]);
  });

  it('namespaces: a prefix bound to SpreadsheetML, a default or a prefix redeclared inside, are refused', async () => {
    const prefixed = `${DECL}<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:r="${OFFICE_RELS}"><x:sheetData/></worksheet>`;
    expect(await refusal(await book(prefixed))).toBe(`tệp có phần tử <x:sheetData> viết với tiền tố ${SHEET1}`);
    const redeclared = worksheet(`<sheetData xmlns:s="${MAIN}"/>`);
    expect(await refusal(await book(redeclared))).toBe(`tệp có phần tử <sheetData> khai báo lại không gian tên ${SHEET1}`);
    const strictInside = worksheet(`<sheetData xmlns:s="${STRICT}"/>`);
    expect(await refusal(await book(strictInside))).toBe(`tệp có phần tử <sheetData> khai báo lại không gian tên ${SHEET1}`);
    const defaultInside = worksheet(`<sheetData xmlns="${MAIN}"/>`);
    expect(await refusal(await book(defaultInside))).toBe(`tệp có phần tử <sheetData> đổi không gian tên mặc định ${SHEET1}`);
  });

  it('namespaces that are not SpreadsheetML’s, at the root or inside, are read', async () => {
    const ws = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row></sheetData><extLst xmlns:lkh="urn:lkh"><lkh:note/></extLst></worksheet>`;
    expect((await sheetOf(await book(ws))).values).toEqual([[1]]);
  });

  it('an attribute whose value is SpreadsheetML’s namespace, beside a declaration, declares nothing', async () => {
    const ws = worksheet(`<sheetData><row r="1" xmlns:lkh="urn:lkh" lkh:source="${MAIN}"><c r="A1"><v>1</v></c></row></sheetData>`);
    expect((await sheetOf(await book(ws))).values).toEqual([[1]]);
  });

  it('a worksheet in the strict namespace: left to ExcelJS', async () => {
    expect(await FastReadWorkbook.open(await book(`${DECL}<worksheet xmlns="${STRICT}"><sheetData/></worksheet>`))).toBeUndefined();
  });
});

describe('merges and what is too large to keep', () => {
  it('reads merges written either way round, one cell, and empties the cells they cover', async () => {
    const ws = worksheet(`${sheetData('<c r="A1" t="inlineStr"><is><t>Thôn A</t></is></c><c r="B1"><v>9</v></c><c r="D1"><v>4</v></c>', '<c r="A2"><v>7</v></c><c r="C2"><v>8</v></c>')}<mergeCells count="3"><mergeCell ref="B2:A1"/><mergeCell ref="C2"/></mergeCells>`);
    const sheet = await sheetOf(await book(ws));
    expect(sheet.values).toEqual([
      ['Thôn A', null, null, 4],
      [null, null, 8, null],
    ]);
    expect(sheet.merges).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2 },
      { row: 1, col: 2, rows: 1, cols: 1 },
    ]);
  });

  it('a merge the reader cannot place (whole rows, under the size cap; no range): left to ExcelJS', async () => {
    expect(await FastReadWorkbook.open(await book(worksheet(`${sheetData('<c r="A1"><v>1</v></c>')}<mergeCells><mergeCell ref="1:2"/></mergeCells>`)))).toBeUndefined();
    expect(await FastReadWorkbook.open(await book(worksheet(`${sheetData('<c r="A1"><v>1</v></c>')}<mergeCells><mergeCell ref="Thôn"/></mergeCells>`)))).toBeUndefined();
    // A cell at one end, a whole row at the other.
    expect(await FastReadWorkbook.open(await book(worksheet(`${sheetData('<c r="A1"><v>1</v></c>')}<mergeCells><mergeCell ref="A1:3"/></mergeCells>`)))).toBeUndefined();
    expect(await FastReadWorkbook.open(await book(worksheet(`${sheetData('<c r="A1"><v>1</v></c>')}<mergeCells><mergeCell ref="3:A1"/></mergeCells>`)))).toBeUndefined();
  });

  it('merges and validations over 100,000 cells are dropped and said, in the order of the parts', async () => {
    const ws = (n: number): string =>
      worksheet(
        `${sheetData(`<c r="A1"><v>${n}</v></c>`)}<mergeCells><mergeCell ref="A3:J10003"/><mergeCell ref="L3:U10002"/><mergeCell ref="W1:X2"/></mergeCells><dataValidations count="3"><dataValidation sqref="A1:A100000"/><dataValidation sqref="A1:A50000 C1:C50001" type="list"/></dataValidations>`,
      );
    const bytes = await xlsx({ sheets: [{ name: 'Thôn B', xml: ws(2), target: 'worksheets/sheet2.xml' }, { name: 'Thôn A', xml: ws(1), target: 'worksheets/sheet1.xml' }] });
    const fast = await fastRead(bytes);
    expect(fast.dropped).toEqual(['ô gộp A3:J10003', 'kiểm tra dữ liệu A1:A50000 C1:C50001', 'ô gộp A3:J10003', 'kiểm tra dữ liệu A1:A50000 C1:C50001']);
    const [a] = await fast.readSheets(['Thôn A']);
    // Exactly 100,000 cells are kept (L3:U10002, and the validation of A1:A100000).
    expect(a.merges).toEqual([
      { row: 0, col: 22, rows: 2, cols: 2 },
      { row: 2, col: 11, rows: 10_000, cols: 10 },
    ]);
  });
});

describe('cells', () => {
  const one = async (c: string): Promise<SheetData> => sheetOf(await book(cells(c)));

  it('numbers, booleans, errors, text results, inline text, formulas', async () => {
    const sheet = await sheetOf(
      await book(
        cells(
          '<c r="A1"><v> 6000 </v></c>',
          '<c r="B1" t="b"><v> 1 </v></c>',
          '<c r="C1" t="b"><v>0</v></c>',
          '<c r="D1" t="e"><v>#N/A</v></c>',
          '<c r="E1" t="str"><f>"Thôn "&amp;"A"</f><v>Thôn A</v></c>',
          '<c r="F1" t="inlineStr"><is><t>Nà Hin</t></is></c>',
          '<c r="G1"><f>=A1*2</f><v>12000</v></c>',
          '<c r="H1"><f>A1/0</f></c>',
          '<c r="I1" t="str"><v></v></c>',
          '<c r="J1" t="e"><v></v></c>',
          '<c r="K1" t="n"><v>-1.5e3</v></c>',
        ),
      ),
    );
    expect(sheet.values).toEqual([[6000, true, false, null, 'Thôn A', 'Nà Hin', 12000, null, null, null, -1500]]);
    expect(sheet.formulas).toEqual([[null, null, null, null, '"Thôn "&"A"', null, 'A1*2', 'A1/0', null, null, null]]);
    expect(sheet.errors).toEqual([{ row: 0, col: 3, code: '#N/A' }]);
  });

  it.each<[string, string]>([
    ['<c r="A1"><v>1</v><v>2</v></c>', 'hai giá trị (ô A1 của trang "Thôn A")'],
    ['<c r="A1"><f>B1</f><f>C1</f></c>', 'hai công thức (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="inlineStr"><is><t>a</t></is><is><t>b</t></is></c>', 'hai chuỗi (ô A1 của trang "Thôn A")'],
    ['<c r="A1"><x/></c>', 'phần tử <x> (ô A1 của trang "Thôn A")'],
    ['<c r="A1"><v>1<b/></v></c>', 'phần tử <b> nằm trong <v> (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="inlineStr"><f>B1</f><is><t>a</t></is></c>', 'ô chuỗi trực tiếp có công thức hoặc <v> (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="inlineStr"><is><t>a</t></is><v>b</v></c>', 'ô chuỗi trực tiếp có công thức hoặc <v> (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="str"><v>Dân góp &amp;amp; Nhà nước</v></c>', 'chuỗi có "&...;" (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="b"><v>2</v></c>', 'giá trị đúng/sai "2" (ô A1 của trang "Thôn A")'],
    ['<c r="A1"><v>6 000</v></c>', 'giá trị "6 000" không phải một số (ô A1 của trang "Thôn A")'],
    ['<c r="A1"><v>1e</v></c>', 'giá trị "1e" không phải một số (ô A1 của trang "Thôn A")'],
    ['<c r="A1" t="inlineStr"><is><t>a</t><t>b</t></is></c>', 'một chuỗi có nhiều phần <t> (ô A1 của trang "Thôn A")'],
  ])('%s: refused', async (c, detail) => {
    expect(await refusal(await book(cells(c)))).toBe(`tệp có ${detail} ${SHEET1}`);
  });

  it.each<[string, string]>([
    ['a shared formula', '<c r="A1"><f t="shared" si="0" ref="A1:A2">B1</f><v>1</v></c>'],
    ['an empty formula', '<c r="A1"><f></f><v>1</v></c>'],
    ['a number with no digit', '<c r="A1"><v> </v></c>'],
    ['an empty number', '<c r="A1"><v></v></c>'],
    ['an ISO date', '<c r="A1" t="d"><v>2027-05-15</v></c>'],
    ['an unknown type', '<c r="A1" t="x"><v>1</v></c>'],
    ['an escape in a text result', '<c r="A1" t="str"><v>a_x000D_b</v></c>'],
    ['an escape in inline text', '<c r="A1" t="inlineStr"><is><t>a_x000A_b</t></is></c>'],
  ])('%s: left to ExcelJS', async (_what, c) => {
    expect(await FastReadWorkbook.open(await book(cells(c)))).toBeUndefined();
  });

  it('a text result exactly as long as Excel allows is read; one more is left to ExcelJS', async () => {
    const at = 'Nà Hin '.repeat(4681);
    expect(at.length).toBe(32_767);
    expect((await one(`<c r="A1" t="str"><v>${at}</v></c>`)).values).toEqual([[at]]);
    expect(await FastReadWorkbook.open(await book(cells(`<c r="A1" t="str"><v>${at}x</v></c>`)))).toBeUndefined();
  });

  it('a cell holding nothing is no cell; text with "_x" that is no escape is kept', async () => {
    const s = await one('<c r="A1" t="inlineStr"><is><t></t></is></c><c r="B1" t="str"><v>thôn_xa</v></c><c r="C1" t="n"></c><c r="D1" t="b"></c>');
    expect([s.left, s.values]).toEqual([1, [['thôn_xa']]]);
    const t = await one('<c r="A1" t="inlineStr"/><c r="B1"><v>2</v></c>');
    expect([t.left, t.values]).toEqual([1, [[2]]]);
  });

  it('a refused cell in a part that is not well-formed further on: said to be damaged', async () => {
    const ws = worksheet(`${sheetData('<c r="A1"><v>1</v><v>2</v></c>')}<a></b>`);
    expect(await refusal(await book(ws))).toMatch(/^tệp bị hỏng: phần xl\/worksheets\/sheet1\.xml bên trong tệp không phải XML đúng quy cách \(thẻ <a> lại được đóng bằng <\/b>, ở ký tự thứ \d+\)$/u);
  });

  it('an entity XML does not declare, in a value: the part is damaged', async () => {
    expect(await refusal(await book(cells('<c r="A1" t="str"><v>Thôn &nbsp;A</v></c>')))).toMatch(
      /^tệp bị hỏng: phần xl\/worksheets\/sheet1\.xml bên trong tệp không phải XML đúng quy cách \(thực thể "&nbsp;" không được khai báo, ở ký tự thứ \d+\)$/u,
    );
  });

  it('a DOCTYPE in the worksheet or in the workbook: refused', async () => {
    expect(await refusal(await book(`${DECL}<!DOCTYPE worksheet><worksheet xmlns="${MAIN}"/>`))).toBe(`tệp có khai báo DOCTYPE ${SHEET1}`);
  });
});

describe('more cells than LKH reads', () => {
  // The worksheets' text is counted before any cell is made: each cell holding something ends with
  // "</c>". Written here inside a comment, so that the count is exact and the parts cheap to read.
  const counted = (n: number, inside = ''): string => worksheet(`<!--${'</c>'.repeat(n)}-->${sheetData(inside)}`);
  const tooMany = (sheet: string): string => `tệp có hơn 2.000.000 ô có dữ liệu (trang "${sheet}")`;
  const opened = async (bytes: Uint8Array): Promise<string> => {
    try {
      const fast = await FastReadWorkbook.open(bytes);
      return fast ? 'read' : 'left to ExcelJS';
    } catch (e) {
      return e instanceof Error ? `${e.constructor.name}: ${e.message.split(',')[0]}` : String(e);
    }
  };

  it('2,000,000 "</c>" in the sheets are read; one more refuses the file naming the sheet it reached, before anything is left to ExcelJS', async () => {
    expect(await opened(await book(counted(1_999_999, '<c r="A1"><v>1</v></c>')))).toBe('read');
    expect(await opened(await book(counted(2_000_000, '<c r="A1"><v>1</v></c>')))).toBe(`PortError: ${tooMany('Thôn A')}`);
    const two = await xlsx({ sheets: [{ name: 'Thôn A', xml: counted(1_000_000) }, { name: 'Thôn B', xml: counted(1_000_000) }] });
    expect(await opened(two)).toBe('read');
    const twoAndOne = await xlsx({ sheets: [{ name: 'Thôn A', xml: counted(1_000_000) }, { name: 'Thôn B', xml: counted(1_000_001) }, { name: 'Thôn C', xml: counted(0) }] });
    expect(await opened(twoAndOne)).toBe(`PortError: ${tooMany('Thôn B')}`);
    // The text is counted before it is read as XML, from its first character.
    expect(await opened(await book('</c>'.repeat(2_000_001)))).toBe(`PortError: ${tooMany('Thôn A')}`);
    // A shared formula would send the file to ExcelJS's path: the count comes first.
    expect(await opened(await book(counted(2_000_001, '<c r="A1"><f t="shared" si="0" ref="A1">B1</f></c>')))).toBe(`PortError: ${tooMany('Thôn A')}`);
  });
});
