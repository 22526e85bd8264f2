/**
 * Reading a file from outside without building ExcelJS's model (issue 13: the accountant waits for
 * the whole command, and ExcelJS spends most of a commune's reading time building styles, cell
 * objects and merges nobody reads). The parts a reader needs — sheet names and states, shared
 * strings, each cell's value, formula and font, merges — are taken from the .xlsx's XML directly,
 * through one XML tokenizer (xml/tokenizer.ts: comments, CDATA, processing instructions, entities
 * and character references as an XML parser sees them; issue 23).
 *
 * Three outcomes, so that what LKH reads is what Excel shows:
 * - read: what it knows to read exactly as XlsxWorkbook does (cell-values.ts) and as Excel does;
 * - give up (`undefined`), and the caller opens the file with ExcelJS as before, for what ExcelJS
 *   reads as Excel does and this reader does not: a shared or array formula, a date, a phonetic
 *   run, an escaped "_x000D_", a chart sheet, a cell over Excel's length, the strict namespace;
 * - refuse the file (FileRefused, a Vietnamese sentence naming the part and the cell) when the
 *   part is not well-formed XML, or when ExcelJS would read another value than Excel: CDATA in a
 *   value, a number that is not one ("10000abc", "0x10"), a boolean other than 0/1, two
 *   <sheetData>, a <t> where SpreadsheetML has none, a prefixed SpreadsheetML element, a DOCTYPE,
 *   a cell written twice, an address outside the sheet or outside its <row>, a row written twice
 *   or numbered 0, more cells than LKH reads.
 * Every .xlsx fixture of the repository is read both ways in core/test/port/fast-read-corpus.test.ts and
 * must give the same; the adversarial corpus is also read by LibreOffice (core/test/xml-differential.test.ts).
 */
import type { Merge, SheetLayout } from '../layout/types';
import type { ReadCell } from '../port/memory';
import { PortError, bareFormula, isInternalSheet, sheetNotFound, toSheetData } from '../port/memory';
import type { CreateSheetOptions, DocumentState, ReadOptions, SheetData, WorkbookPort, WriteBlock } from '../port/types';
import { cellRef, parseRange } from '../util/a1';
import { MAX_CELL_CHARS, MAX_READ_CELLS, STATE_SHEET, stateFromColumn, tooManyCells } from './limits';
import { FileRefused, refusalMessage } from './inspect';
import { MAX_RANGE_CELLS, rangeCells, sqrefCells } from './trim';
import { XmlError, XmlTokenizer } from './xml';
import { type PartSource, ZipParts } from './zip';


/** Thrown inside the reader when the file holds something it does not read itself. */
class Unsupported extends Error {}

interface ParsedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly cells: readonly ReadCell[];
  readonly merges: readonly Merge[];
}

/** A workbook read from its XML: the port's reading half; writing is refused (it is never saved). */
export class FastReadWorkbook implements WorkbookPort {
  private constructor(
    private readonly sheets: readonly ParsedSheet[],
    /** Merges and validations over more than 100,000 cells left out, as trim.ts words them. */
    readonly dropped: readonly string[],
  ) {}

  /**
   * The workbook, or undefined when the file holds something only ExcelJS reads (see the module's
   * note). From the file's bytes, or from its parts already opened (a zip whose texts `verify` kept,
   * some parts replaced: xlsx-workbook.ts reads a re-run's deferred sheets so).
   */
  static async open(from: Uint8Array | PartSource): Promise<FastReadWorkbook | undefined> {
    try {
      const { sheets, dropped } = await parse(from instanceof Uint8Array ? await ZipParts.open(from) : from);
      return new FastReadWorkbook(sheets, dropped);
    } catch (e) {
      // A damaged part, more bytes than the cap (zip.ts), XML that is not, a value Excel and ExcelJS
      // would read apart, too many cells: the file is refused, whoever reads it.
      if (e instanceof FileRefused || e instanceof PortError) throw e;
      // Unsupported: ExcelJS's path reads it or gives the user its own message.
      return undefined;
    }
  }

  /** The user's sheets (not LKH's own) by lower-case name, made once: 20,000 sheets are read in one pass, not 20,000. */
  private byName: Map<string, ParsedSheet> | undefined;

  private userSheets(): ParsedSheet[] {
    return this.sheets.filter((s) => !isInternalSheet(s.name));
  }

  async listSheets(): Promise<string[]> {
    return this.userSheets().map((s) => s.name);
  }

  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    if (!this.byName) {
      this.byName = new Map();
      for (const s of this.userSheets()) {
        const lower = s.name.toLowerCase();
        if (!this.byName.has(lower)) this.byName.set(lower, s);
      }
    }
    const byName = this.byName;
    return names.map((n) => {
      const s = isInternalSheet(n) ? undefined : byName.get(n.toLowerCase());
      if (!s) throw sheetNotFound(n);
      return toSheetData(s.name, s.cells, s.merges, s.hidden, options);
    });
  }

  /**
   * The cells of one of LKH's own sheets (the state, the lists of the drop-downs), which
   * readSheets never gives: XlsxWorkbook.load puts them into a re-run's workbook itself instead
   * of having ExcelJS parse them and the file's whole table of strings. Undefined when the
   * workbook has no such sheet.
   */
  internalCells(name: string): readonly ReadCell[] | undefined {
    if (!isInternalSheet(name)) return undefined;
    return this.sheets.find((x) => x.name === name)?.cells;
  }

  async readState(): Promise<DocumentState> {
    const s = this.sheets.find((x) => x.name.toLowerCase() === STATE_SHEET);
    if (!s) return {};
    const at = new Map<number, ReadCell>();
    for (const c of s.cells) if (c.col === 0) at.set(c.row, c);
    return stateFromColumn((row) => at.get(row)?.value);
  }

  // A file from outside is read, never written back.
  async writeValues(_blocks: readonly WriteBlock[]): Promise<void> {
    throw readOnly();
  }

  async createSheet(_layout: SheetLayout, _options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    throw readOnly();
  }

  async copySheet(_from: string, _to: string): Promise<void> {
    throw readOnly();
  }

  async deleteSheets(_names: readonly string[]): Promise<void> {
    throw readOnly();
  }

  async writeState(_state: DocumentState): Promise<void> {
    throw readOnly();
  }
}

function readOnly(): PortError {
  return new PortError('WORKBOOK_INVALID', 'tệp này chỉ được mở để đọc.');
}

// ---------------------------------------------------------------------------------------------
// Parts and their XML

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Excel's own escape of characters ("_x000D_"): left to ExcelJS, which decodes it as Excel does. */
const ESCAPED = /_x[0-9A-Fa-f]{4}_/;
/** A number as XML Schema writes a double (what Excel writes in <v>), without INF and NaN. */
const NUMBER = /^[ \t\r\n]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\r\n]*$/;
const INDEX = /^[ \t\r\n]*\d+[ \t\r\n]*$/;
/** What ExcelJS decodes a second time in a "str" value (utils.xmlDecode). */
const DECODED_TWICE = /&(?:lt|gt|amp|apos|quot);/;
/** Names ExcelJS would read wherever they stand, watched for in what the reader skips (Part.skip). */
const SHEET_NAMES: ReadonlySet<string> = new Set(['sheetData', 'row', 'c', 'v', 'f', 'is', 'mergeCells', 'mergeCell']);
const STRING_NAMES: ReadonlySet<string> = new Set(['si', 't', 'r']);
const WORKBOOK_NAMES: ReadonlySet<string> = new Set(['sheets', 'sheet']);

/** One part read through the tokenizer, which knows what its prefixes mean. */
class Part {
  readonly tok: XmlTokenizer;
  /** Prefixes bound to SpreadsheetML's namespace: an element written with one is refused (ExcelJS reads none). */
  private readonly mainPrefixes = new Set<string>();

  constructor(
    readonly path: string,
    private readonly xml: string,
  ) {
    try {
      this.tok = new XmlTokenizer(xml);
    } catch (e) {
      throw this.xmlError(e);
    }
  }

  /** How many times `needle` occurs in the part's text. */
  count(needle: string): number {
    let n = 0;
    for (let at = this.xml.indexOf(needle); at >= 0; at = this.xml.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  /** Where the reading is, for a message: set as it goes, a sentence only when one is needed. */
  cell: string | undefined;
  sheet = '';
  item = 0;

  place(): string {
    return this.cell !== undefined ? `(ô ${this.cell} của trang "${this.sheet}")` : `(chuỗi dùng chung thứ ${this.item})`;
  }

  /** The refusal of a value or construct ExcelJS would read otherwise than Excel. */
  ambiguous(detail: string): FileRefused {
    // A part that is not well-formed further on is said to be damaged, the graver finding.
    try {
      while (this.tok.next() !== 'end') {
        /* to the end of the part */
      }
    } catch (e) {
      if (e instanceof XmlError) return this.xmlError(e) as FileRefused;
    }
    return new FileRefused('ambiguous', refusalMessage('ambiguous', { part: this.path, detail }));
  }

  xmlError(e: unknown): unknown {
    if (!(e instanceof XmlError)) return e;
    if (e.doctype) return new FileRefused('ambiguous', refusalMessage('ambiguous', { part: this.path, detail: 'khai báo DOCTYPE' }));
    return new FileRefused('malformed', refusalMessage('malformed', { part: this.path, detail: `${e.message}, ở ký tự thứ ${(e.at + 1).toLocaleString('vi-VN')}` }));
  }

  /** The next token; a start tag's namespace declarations are checked (see mainPrefixes). */
  next(): string {
    let kind: string;
    try {
      kind = this.tok.next();
    } catch (e) {
      throw this.xmlError(e);
    }
    if (kind === 'open') {
      const name = this.tok.name;
      const colon = this.mainPrefixes.size > 0 ? name.indexOf(':') : -1;
      if (colon > 0 && this.mainPrefixes.has(name.slice(0, colon))) throw this.ambiguous(`phần tử <${name}> viết với tiền tố`);
      if (this.tok.declaresNamespace) {
        for (const a of this.tok.attrs()) {
          if (!a.startsWith('xmlns')) continue;
          const value = this.tok.attr(a);
          if (a === 'xmlns') {
            if (this.tok.depth > 1) throw this.ambiguous(`phần tử <${name}> đổi không gian tên mặc định`);
          } else if (value === MAIN || value === STRICT) {
            if (this.tok.depth > 1) throw this.ambiguous(`phần tử <${name}> khai báo lại không gian tên`);
            this.mainPrefixes.add(a.slice(6));
          }
        }
      }
    }
    return kind;
  }

  /** Opens the root: it must be `name`, unprefixed, in namespace `ns` (the strict namespace is left to ExcelJS). */
  root(name: string, ns: string): void {
    while (this.next() !== 'open') {
      /* nothing but the prolog comes first: text outside the root is refused by the tokenizer */
    }
    if (this.tok.attr('xmlns') === STRICT) throw new Unsupported();
    if (this.tok.name !== name) throw this.ambiguous(`phần tử gốc <${this.tok.name}> thay vì <${name}>`);
    if (this.tok.attr('xmlns') !== ns) throw this.ambiguous(`phần tử gốc <${name}> ngoài không gian tên của Excel`);
  }

  /**
   * Walks the children of the element just opened: `open(name)` for each child element, which must
   * read it to its end (children(), text() or skip()); text between them is ignored.
   */
  children(open: (name: string) => void): void {
    const tok = this.tok;
    if (tok.selfClosing) {
      this.next();
      return;
    }
    const depth = tok.depth;
    for (;;) {
      const kind = this.next();
      if (kind === 'open') open(tok.name);
      else if (kind === 'close') {
        if (tok.depth < depth) return;
      } else if (kind === 'end') return;
    }
  }

  /** The text of the element just opened (a leaf: <t>, <v>, <f>), its pieces around comments joined. */
  text(): string {
    const tok = this.tok;
    if (tok.selfClosing) {
      this.next();
      return '';
    }
    const name = tok.name;
    let out = '';
    for (;;) {
      const kind = this.next();
      if (kind === 'text') {
        // ExcelJS never sees a CDATA section's text (saxes reports it apart); Excel does.
        if (tok.cdata) throw this.ambiguous(`một đoạn CDATA trong <${name}> ${this.place()}`);
        try {
          out += tok.text;
        } catch (e) {
          throw this.xmlError(e);
        }
      } else if (kind === 'open') {
        throw this.ambiguous(`phần tử <${tok.name}> nằm trong <${name}> ${this.place()}`);
      } else {
        return out;
      }
    }
  }

  /**
   * Skips the element just opened. ExcelJS finds its elements by their written name at any depth
   * (a <sheetData> inside an unknown element is read as the sheet's): an element named in
   * `watched` inside what is skipped refuses the file rather than let the two readers differ.
   */
  skip(watched?: ReadonlySet<string>): void {
    const tok = this.tok;
    try {
      if (!watched || tok.selfClosing) {
        tok.skipElement();
        return;
      }
      const outer = tok.name;
      const depth = tok.depth;
      while (tok.depth >= depth) {
        const kind = tok.next();
        if (kind === 'end') return;
        if (kind === 'open' && watched.has(tok.name)) throw this.ambiguous(`phần tử <${tok.name}> nằm trong <${outer}>`);
      }
    } catch (e) {
      throw this.xmlError(e);
    }
  }

  /** Reads the rest of the part after the root closed: nothing but comments and instructions may follow. */
  finish(): void {
    while (this.next() !== 'end') {
      /* the tokenizer refuses anything else */
    }
  }
}

async function part(zip: PartSource, path: string): Promise<Part | undefined> {
  const xml = await zip.text(path);
  return xml === undefined ? undefined : new Part(path, xml);
}

/** The text of a string item (<si>, <is>): its <t>, or its runs' <t> joined, as ExcelJS and Excel read it. */
function itemText(p: Part): string {
  let plain: string | undefined;
  let runs: string | undefined;
  p.children((name) => {
    if (name === 't') {
      if (plain !== undefined || runs !== undefined) throw p.ambiguous(`một chuỗi có nhiều phần <t> ${p.place()}`);
      plain = p.text();
    } else if (name === 'r') {
      if (plain !== undefined) throw p.ambiguous(`một chuỗi có cả <t> lẫn <r> ${p.place()}`);
      let run: string | undefined;
      p.children((inner) => {
        if (inner === 'rPr') p.skip(STRING_NAMES);
        else if (inner === 't' && run === undefined) run = p.text();
        else throw p.ambiguous(`phần tử <${inner}> trong <r> ${p.place()}`);
      });
      runs = (runs ?? '') + (run ?? '');
    } else if (name === 'rPh') {
      throw new Unsupported(); // a phonetic run: ExcelJS's path
    } else if (name === 'phoneticPr') {
      p.skip(STRING_NAMES);
    } else {
      throw p.ambiguous(`phần tử <${name}> trong một chuỗi ${p.place()}`);
    }
  });
  const text = plain ?? runs ?? '';
  if (text.includes('_x') && ESCAPED.test(text)) throw new Unsupported();
  return text;
}

// ---------------------------------------------------------------------------------------------
// Styles: each cell style's font name and whether its number format is a date (ExcelJS turns those into dates).

/** Built-in number formats that show a number as a number (or text); the others are dates and times. */
const PLAIN_BUILTIN = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48, 49]);

function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare);
}

interface Styles {
  readonly font: readonly (string | null)[];
  readonly date: readonly boolean[];
}

function parseStyles(p: Part | undefined): Styles {
  if (!p) return { font: [], date: [] };
  const codes = new Map<number, string>();
  const fonts: (string | null)[] = [];
  const font: (string | null)[] = [];
  const date: boolean[] = [];
  const xfs: { fontId: number; numFmtId: number }[] = [];
  p.root('styleSheet', MAIN);
  p.children((name) => {
    if (name === 'numFmts') {
      p.children((n) => {
        if (n === 'numFmt') codes.set(Number(p.tok.attr('numFmtId')), p.tok.attr('formatCode') ?? '');
        p.skip();
      });
    } else if (name === 'fonts') {
      p.children((n) => {
        if (n !== 'font') return p.skip();
        let fontName: string | null = null;
        p.children((f) => {
          // The last <name> with a value, as ExcelJS reads a font (the schema allows several).
          if (f === 'name') fontName = p.tok.attr('val') ?? fontName;
          p.skip();
        });
        fonts.push(fontName);
      });
    } else if (name === 'cellXfs') {
      p.children((n) => {
        // An <xf> without fontId has no font for ExcelJS (not font 0).
        if (n === 'xf') xfs.push({ fontId: Number(p.tok.attr('fontId') ?? -1), numFmtId: Number(p.tok.attr('numFmtId') ?? 0) });
        p.skip();
      });
    } else {
      p.skip();
    }
  });
  p.finish();
  for (const xf of xfs) {
    font.push(fonts[xf.fontId] ?? null);
    const code = codes.get(xf.numFmtId);
    date.push(code !== undefined ? isDateCode(code) : !PLAIN_BUILTIN.has(xf.numFmtId));
  }
  return { font, date };
}

/**
 * The last table of shared strings read, by its text: a re-run reads the plan's table twice (its
 * own sheets at load, its deferred sheets after), the same string each time (ZipParts keeps it),
 * and 4,700 strings are parsed once. Compared by identity first, so the check costs nothing.
 */
let lastStrings: { readonly xml: string; readonly items: readonly string[] } | undefined;

function sharedStrings(xml: string): readonly string[] {
  if (lastStrings?.xml === xml) return lastStrings.items;
  const shared: string[] = [];
  const sst = new Part('xl/sharedStrings.xml', xml);
  sst.root('sst', MAIN);
  sst.children((name) => {
    if (name === 'si') {
      sst.item = shared.length + 1;
      shared.push(itemText(sst));
    } else if (name === 'extLst') sst.skip(STRING_NAMES);
    else throw sst.ambiguous(`phần tử <${name}> trong bảng chuỗi`);
  });
  sst.finish();
  lastStrings = { xml, items: shared };
  return shared;
}

// ---------------------------------------------------------------------------------------------
// The workbook

async function parse(zip: PartSource): Promise<{ sheets: ParsedSheet[]; dropped: string[] }> {
  const workbook = await part(zip, 'xl/workbook.xml');
  const rels = await part(zip, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Unsupported();
  const listed: { name: string; state: string | undefined; id: string }[] = [];
  workbook.root('workbook', MAIN);
  // ExcelJS finds a sheet's part by the attribute written "r:id": another prefix is read by Excel, not by ExcelJS.
  if (workbook.tok.attr('xmlns:r') !== OFFICE_RELS) throw workbook.ambiguous('các trang tính ghi theo một cách lạ (tiền tố r)');
  let sheetLists = 0;
  workbook.children((name) => {
    if (name !== 'sheets') return workbook.skip(WORKBOOK_NAMES);
    if (++sheetLists > 1) throw workbook.ambiguous('hai danh sách trang tính');
    workbook.children((n) => {
      if (n === 'sheet') {
        const id = workbook.tok.attr('r:id');
        if (id === undefined) throw new Unsupported();
        listed.push({ name: workbook.tok.attr('name') ?? '', state: workbook.tok.attr('state'), id });
      }
      workbook.skip();
    });
  });
  workbook.finish();
  const targets = new Map<string, { target: string; type: string }>();
  rels.root('Relationships', RELS);
  rels.children((name) => {
    if (name === 'Relationship') targets.set(rels.tok.attr('Id') ?? '', { target: rels.tok.attr('Target') ?? '', type: rels.tok.attr('Type') ?? '' });
    rels.skip();
  });
  rels.finish();
  // The worksheets' text first, their cells counted (each cell holding something ends with "</c>"):
  // a file with more than LKH reads is refused before one cell is made (2.1 million cells took
  // 1 GB before the refusal), and before anything sends it to ExcelJS's path.
  const pending: { name: string; hidden: boolean; path: string; part: Part | undefined }[] = [];
  let written = 0;
  for (const s of listed) {
    const rel = targets.get(s.id);
    if (!rel || !rel.type.endsWith('/worksheet')) throw new Unsupported();
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
    const xml = await part(zip, path);
    if (xml === undefined) throw new Unsupported();
    written += xml.count('</c>');
    if (written > MAX_READ_CELLS) throw tooManyCells(s.name);
    pending.push({ name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden', path, part: xml });
  }
  const sstXml = await zip.text('xl/sharedStrings.xml');
  const shared = sstXml === undefined ? [] : sharedStrings(sstXml);
  const styles = parseStyles(await part(zip, 'xl/styles.xml'));
  const sheets: ParsedSheet[] = [];
  const dropByPath = new Map<string, string[]>();
  let total = 0;
  for (const p of pending) {
    const xml = p.part;
    if (!xml) continue;
    p.part = undefined; // each worksheet's text let go once read
    const dropped: string[] = [];
    dropByPath.set(p.path, dropped);
    const parsed = parseSheet(p.name, p.hidden, xml, shared, styles, dropped, MAX_READ_CELLS - total);
    total += parsed.cells.length;
    sheets.push(parsed);
  }
  // What was dropped, in the order trim.ts reports it (the zip's order of worksheet parts).
  const dropped = zip.names().flatMap((name) => dropByPath.get(name) ?? []);
  return { sheets, dropped };
}

/** A merge's range, or undefined when its ref is not "A1:B2" (or one cell). */
function mergeOf(ref: string): Merge | undefined {
  const r = parseRange(ref);
  if (!r || r.from.row === undefined || r.from.col === undefined || r.to.row === undefined || r.to.col === undefined) return undefined;
  if (r.from.col < 0 || r.to.col < 0) return undefined;
  const { from, to } = r as { from: Required<typeof r.from>; to: Required<typeof r.to> };
  return { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col), rows: Math.abs(to.row - from.row) + 1, cols: Math.abs(to.col - from.col) + 1 };
}

function parseSheet(name: string, hidden: boolean, p: Part, shared: readonly string[], styles: Styles, dropped: string[], room: number): ParsedSheet {
  const tok = p.tok;
  const merges: Merge[] = [];
  const raw: ReadCell[] = [];
  let sheetData = 0;
  /** Cells in the order written, to find one written twice (Excel writes them in order; a lazy set when not). */
  let lastKey = -1;
  let seen: Set<number> | undefined;
  const key = (r: number, c: number): number => r * 16_384 + c;
  /** Row numbers met (<row r>), 1-based. */
  const rows = new Set<number>();
  p.root('worksheet', MAIN);
  p.children((section) => {
    if (section === 'sheetData') {
      if (++sheetData > 1) throw p.ambiguous(`hai phần <sheetData> trong trang "${name}"`);
      p.children((rowName) => {
        if (rowName !== 'row') throw p.ambiguous(`phần tử <${rowName}> trong <sheetData> của trang "${name}"`);
        // ExcelJS puts a row's cells in the row its r names, whatever their own addresses say (Excel
        // reads the addresses), drops a row numbered 0 and keeps only the last of two rows with the
        // same number: such rows refuse the file. A row without its number (ExcelJS's path cannot
        // open the file) is read by its cells' addresses, as Excel reads it.
        const rowText = tok.attr('r');
        const rowNumber = rowText === undefined ? undefined : INDEX.test(rowText) ? Number(rowText) : 0;
        if (rowNumber !== undefined) {
          if (rowNumber < 1) throw p.ambiguous(`hàng có số "${rowText}" trong trang "${name}"`);
          if (rows.has(rowNumber)) throw p.ambiguous(`hàng ${rowNumber} ghi hai lần trong trang "${name}"`);
          rows.add(rowNumber);
        }
        p.children((cellName) => {
          if (cellName !== 'c') throw p.ambiguous(`phần tử <${cellName}> trong một hàng của trang "${name}"`);
          // <c r="B3" s="4"/>: a cell with a format and nothing in it (most of a form's grid).
          if (tok.selfClosing) return p.skip();
          const ref = tok.attr('r');
          if (ref === undefined) throw new Unsupported(); // cells placed by their order: ExcelJS's path
          const at = cellRef(ref);
          if (!at) throw p.ambiguous(`ô có địa chỉ "${ref}" trong trang "${name}"`);
          if (rowNumber !== undefined && at.row !== rowNumber - 1) throw p.ambiguous(`ô ${ref} nằm trong hàng ${rowNumber} của trang "${name}"`);
          const k = key(at.row, at.col);
          if (k <= lastKey) {
            seen ??= new Set(raw.map((c) => key(c.row, c.col)));
            if (seen.has(k)) throw p.ambiguous(`ô ${ref} ghi hai lần trong trang "${name}"`);
          }
          if (seen) seen.add(k);
          lastKey = Math.max(lastKey, k);
          const cell = parseCell(p, ref, at.row, at.col, name, shared, styles);
          if (!cell) return;
          if (raw.length >= room) throw tooManyCells(name);
          raw.push(cell);
        });
      });
    } else if (section === 'mergeCells') {
      p.children((n) => {
        const ref = n === 'mergeCell' ? tok.attr('ref') : undefined;
        p.skip();
        if (ref === undefined) return;
        if (rangeCells(ref) > MAX_RANGE_CELLS) {
          dropped.push(`ô gộp ${ref}`);
          return;
        }
        const merge = mergeOf(ref);
        if (!merge) throw new Unsupported();
        merges.push(merge);
      });
    } else if (section === 'dataValidations') {
      p.children((n) => {
        const sqref = n === 'dataValidation' ? tok.attr('sqref') : undefined;
        p.skip();
        if (sqref !== undefined && sqrefCells(sqref) > MAX_RANGE_CELLS) dropped.push(`kiểm tra dữ liệu ${sqref}`);
      });
    } else {
      p.skip(SHEET_NAMES);
    }
  });
  p.finish();
  // Cells a merge covers (all but its top-left) hold nothing, whatever the XML says (ExcelJS's Merge cells).
  if (merges.length === 0) return { name, hidden, cells: raw, merges };
  const covered = new Set<number>();
  for (const g of merges) {
    for (let r = g.row; r < g.row + g.rows; r++) for (let c = g.col; c < g.col + g.cols; c++) if (r !== g.row || c !== g.col) covered.add(key(r, c));
  }
  return { name, hidden, cells: raw.filter((c) => !covered.has(key(c.row, c.col))), merges };
}

/** One <c> (just opened) as the port reads it, or undefined when it holds nothing. */
function parseCell(p: Part, ref: string, row: number, col: number, sheet: string, shared: readonly string[], styles: Styles): ReadCell | undefined {
  const tok = p.tok;
  const type = tok.attr('t') ?? 'n';
  const styleText = tok.attr('s');
  let styleIx = 0;
  if (styleText !== undefined) {
    if (!INDEX.test(styleText)) throw p.ambiguous(`kiểu "${styleText}" của ô ${ref} trong trang "${sheet}"`);
    styleIx = Number(styleText);
  }
  p.cell = ref;
  p.sheet = sheet;
  let formulaText: string | undefined;
  let vText: string | undefined;
  let inline: string | undefined;
  // The cell's children, without a closure per cell (a commune reads tens of thousands).
  if (tok.selfClosing) p.next();
  else {
    const depth = tok.depth;
    for (;;) {
      const kind = p.next();
      if (kind === 'close') {
        if (tok.depth < depth) break;
        continue;
      }
      if (kind === 'end') break;
      if (kind !== 'open') continue;
      const n = tok.name;
      if (n === 'v') {
        if (vText !== undefined) throw p.ambiguous(`hai giá trị ${p.place()}`);
        vText = p.text();
      } else if (n === 'f') {
        if (formulaText !== undefined) throw p.ambiguous(`hai công thức ${p.place()}`);
        if (tok.attr('t') !== undefined) throw new Unsupported(); // shared, array or data-table formulas: ExcelJS's path
        formulaText = p.text();
      } else if (n === 'is') {
        if (inline !== undefined) throw p.ambiguous(`hai chuỗi ${p.place()}`);
        inline = itemText(p);
      } else {
        // An <extLst> too: ExcelJS would take a <t> inside it for the cell's text.
        throw p.ambiguous(`phần tử <${n}> ${p.place()}`);
      }
    }
  }
  let formula: string | null = null;
  if (formulaText !== undefined) {
    if (formulaText === '') throw new Unsupported();
    formula = bareFormula(formulaText);
  }
  if (inline !== undefined && type !== 'inlineStr') throw p.ambiguous(`chuỗi <is> trong một ô kiểu "${type}" ${p.place()}`);
  let value: string | number | boolean | null = null;
  let error: string | null = null;
  if (type === 's') {
    if (formula !== null) throw p.ambiguous(`công thức trong một ô chuỗi dùng chung ${p.place()}`);
    if (vText !== undefined) {
      if (!INDEX.test(vText)) throw p.ambiguous(`số thứ tự chuỗi "${vText}" ${p.place()}`);
      const s = shared[Number(vText)];
      if (s === undefined) throw new Unsupported();
      value = s;
    }
  } else if (type === 'inlineStr') {
    if (formula !== null || vText !== undefined) throw p.ambiguous(`ô chuỗi trực tiếp có công thức hoặc <v> ${p.place()}`);
    value = inline ?? null;
  } else if (type === 'str') {
    if (vText !== undefined && DECODED_TWICE.test(vText)) throw p.ambiguous(`chuỗi có "&...;" ${p.place()}`);
    value = vText ?? null;
  } else if (type === 'b') {
    if (vText !== undefined) {
      const t = vText.trim();
      if (t !== '0' && t !== '1') throw p.ambiguous(`giá trị đúng/sai "${vText}" ${p.place()}`);
      value = t === '1';
    }
  } else if (type === 'e') {
    if (vText !== undefined && vText !== '') error = vText;
  } else if (type === 'n') {
    if (vText !== undefined) {
      if (vText.trim() === '') throw new Unsupported();
      if (!NUMBER.test(vText)) throw p.ambiguous(`giá trị "${vText}" không phải một số ${p.place()}`);
      if (styles.date[styleIx]) throw new Unsupported();
      value = Number(vText);
    }
  } else {
    throw new Unsupported(); // 'd' (ISO dates) and anything unknown
  }
  if (typeof value === 'string') {
    if (value === '') value = null;
    else if (value.length > MAX_CELL_CHARS || (value.includes('_x') && ESCAPED.test(value))) throw new Unsupported();
  }
  if (formula === null && value === null && error === null) return undefined;
  // Style 0, written s="0" or not at all, gives no font: ExcelJS applies no style for it.
  return { row, col, value, formula, error, font: styleIx !== 0 ? (styles.font[styleIx] ?? null) : null };
}
