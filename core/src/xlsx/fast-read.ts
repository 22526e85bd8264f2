/**
 * Reading a file from outside without building ExcelJS's model (issue 13: the accountant waits for
 * the whole command, and ExcelJS spends most of a commune's reading time building styles, cell
 * objects and merges nobody reads). The parts a reader needs — sheet names and states, shared
 * strings, each cell's value, formula and font, merges — are taken from the .xlsx's XML directly.
 *
 * It reads only what it knows to read exactly as XlsxWorkbook does (cell-values.ts): anything
 * else — a shared or array formula, a date, an XML prefix, a phonetic run, an escaped "_x000D_",
 * a chart sheet, a cell over Excel's length, more cells than XlsxWorkbook reads — makes it give
 * up (`undefined`), and the caller opens the file with ExcelJS as before. Every .xlsx fixture of
 * the repository is read both ways in core/test/port/fast-read.test.ts and must give the same.
 */
import type { Merge, SheetLayout } from '../layout/types';
import type { ReadCell } from '../port/memory';
import { PortError, bareFormula, isInternalSheet, sheetNotFound, toSheetData } from '../port/memory';
import type { CreateSheetOptions, DocumentState, ReadOptions, SheetData, WorkbookPort, WriteBlock } from '../port/types';
import { MAX_CELL_CHARS, MAX_READ_CELLS, STATE_SHEET, stateFromColumn } from './limits';
import { FileRefused } from './inspect';
import { MAX_RANGE_CELLS, rangeCells, sqrefCells } from './trim';
import { ZipParts } from './zip';


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

  /** The workbook, or undefined when the file holds something only ExcelJS reads (see the module's note). */
  static async open(bytes: Uint8Array): Promise<FastReadWorkbook | undefined> {
    try {
      const { sheets, dropped } = await parse(bytes);
      return new FastReadWorkbook(sheets, dropped);
    } catch (e) {
      // A damaged part or more bytes than the cap (zip.ts): the file is refused, whoever reads it.
      if (e instanceof FileRefused) throw e;
      // Unsupported: ExcelJS's path reads it or gives the user its own message.
      return undefined;
    }
  }

  private userSheets(): ParsedSheet[] {
    return this.sheets.filter((s) => !isInternalSheet(s.name));
  }

  async listSheets(): Promise<string[]> {
    return this.userSheets().map((s) => s.name);
  }

  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
    return names.map((n) => {
      const lower = n.toLowerCase();
      const s = isInternalSheet(n) ? undefined : this.userSheets().find((x) => x.name.toLowerCase() === lower);
      if (!s) throw sheetNotFound(n);
      return toSheetData(s.name, s.cells, s.merges, s.hidden, options);
    });
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
// XML

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text content as an XML parser gives it: line ends normalised, entities and character references decoded. */
function xmlText(raw: string): string {
  // Excel's own escape of control characters ("_x000D_"): left to ExcelJS.
  if (raw.includes('_x') && /_x[0-9A-Fa-f]{4}_/.test(raw)) throw new Unsupported();
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The attributes of a start tag's text ("r=\"A1\" t=\"s\""), prefixes kept ("r:id"). */
function attrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], xmlText(m[3] ?? m[4] ?? ''));
  return out;
}

/** The text of a string item (<si>, <is>): its <t>, or its runs' <t> joined. */
function itemText(inner: string): string {
  if (inner.includes('<rPh')) throw new Unsupported();
  let out = '';
  for (const m of inner.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += xmlText(m[1] ?? '');
  return out;
}

/** A part's text; a part cut short (no closing root tag) is left to ExcelJS, which says the file is damaged. */
async function text(zip: ZipParts, path: string, root: string): Promise<string | undefined> {
  const xml = await zip.text(path);
  if (xml === undefined) return undefined;
  if (!new RegExp(`</${root}>\\s*$`).test(xml) && !new RegExp(`<${root}\\b[^>]*/>\\s*$`).test(xml)) throw new Unsupported();
  return xml;
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

function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { font: [], date: [] };
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    codes.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const fontsXml = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? '';
  const fonts = [...fontsXml.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) => {
    const name = /<name\b([^>]*)\/?>/.exec(m[1] ?? '');
    return name ? (attrs(name[1]).get('val') ?? null) : null;
  });
  const xfsXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const font: (string | null)[] = [];
  const date: boolean[] = [];
  for (const m of xfsXml.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const a = attrs(m[1]);
    const fontId = Number(a.get('fontId') ?? 0);
    font.push(fonts[fontId] ?? null);
    const id = Number(a.get('numFmtId') ?? 0);
    const code = codes.get(id);
    date.push(code !== undefined ? isDateCode(code) : !PLAIN_BUILTIN.has(id));
  }
  return { font, date };
}

// ---------------------------------------------------------------------------------------------
// The workbook

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function mergeOf(ref: string): Merge | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const r1 = Number(m[2]) - 1;
  const c1 = colOf(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colOf(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}


async function parse(bytes: Uint8Array): Promise<{ sheets: ParsedSheet[]; dropped: string[] }> {
  const zip = await ZipParts.open(bytes);
  const workbook = await text(zip, 'xl/workbook.xml', 'workbook');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels', 'Relationships');
  if (!workbook || !rels) throw new Unsupported();
  // A prefixed or strict-namespace workbook is left to ExcelJS.
  if (!workbook.includes('<sheets') || /<\w+:sheet\b/.test(workbook) || workbook.includes('purl.oclc.org')) throw new Unsupported();
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    targets.set(a.get('Id') ?? '', { target: a.get('Target') ?? '', type: a.get('Type') ?? '' });
  }
  const shared: string[] = [];
  const sst = await text(zip, 'xl/sharedStrings.xml', 'sst');
  if (sst) {
    if (/<\w+:si\b/.test(sst)) throw new Unsupported();
    for (const m of sst.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) shared.push(itemText(m[1] ?? ''));
  }
  const styles = parseStyles(await text(zip, 'xl/styles.xml', 'styleSheet'));
  const sheetsXml = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbook)?.[1] ?? '';
  const sheets: ParsedSheet[] = [];
  const dropByPath = new Map<string, string[]>();
  let total = 0;
  for (const m of sheetsXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const rel = targets.get(a.get('r:id') ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) throw new Unsupported();
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
    const xml = await text(zip, path, 'worksheet');
    if (xml === undefined) throw new Unsupported();
    const dropped: string[] = [];
    dropByPath.set(path, dropped);
    const state = a.get('state');
    const parsed = parseSheet(a.get('name') ?? '', state === 'hidden' || state === 'veryHidden', xml, shared, styles, dropped);
    total += parsed.cells.length;
    if (total > MAX_READ_CELLS) throw new Unsupported();
    sheets.push(parsed);
  }
  // What was dropped, in the order trim.ts reports it (the zip's order of worksheet parts).
  const dropped = zip.names().flatMap((name) => dropByPath.get(name) ?? []);
  return { sheets, dropped };
}

function parseSheet(name: string, hidden: boolean, xml: string, shared: readonly string[], styles: Styles, dropped: string[]): ParsedSheet {
  if (/<\w+:sheetData\b/.test(xml) || /<\w+:c\b/.test(xml)) throw new Unsupported();
  const merges: Merge[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"[^>]*\/>/g)) {
    if (rangeCells(m[1]) > MAX_RANGE_CELLS) {
      dropped.push(`ô gộp ${m[1]}`);
      continue;
    }
    const merge = mergeOf(m[1]);
    if (!merge) throw new Unsupported();
    merges.push(merge);
  }
  for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) if (sqrefCells(m[1]) > MAX_RANGE_CELLS) dropped.push(`kiểm tra dữ liệu ${m[1]}`);
  // Cells a merge covers (all but its top-left) hold nothing, whatever the XML says (ExcelJS's Merge cells).
  const covered = new Set<number>();
  const key = (r: number, c: number): number => r * 16_384 + c;
  for (const g of merges) {
    for (let r = g.row; r < g.row + g.rows; r++) for (let c = g.col; c < g.col + g.cols; c++) if (r !== g.row || c !== g.col) covered.add(key(r, c));
  }
  const cells: ReadCell[] = [];
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml)?.[1] ?? '';
  for (const m of data.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const inner = m[2];
    if (!inner) continue;
    // The three attributes a cell's reading needs, without a map per cell (a commune has thousands).
    const at = m[1];
    const ref = /\br="([A-Z]{1,3})(\d+)"/.exec(at);
    if (!ref) throw new Unsupported();
    const row = Number(ref[2]) - 1;
    const col = colOf(ref[1]);
    if (covered.has(key(row, col))) continue;
    const type = /\bt="([^"]*)"/.exec(at)?.[1] ?? 'n';
    const styled = /\bs="(\d+)"/.exec(at);
    const styleIx = styled ? Number(styled[1]) : 0;
    let formula: string | null = null;
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    if (f) {
      const fa = attrs(f[1]);
      if (fa.has('t') || f[2] === undefined || f[2] === '') throw new Unsupported();
      formula = bareFormula(xmlText(f[2]));
    }
    const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
    const vText = v ? xmlText(v[1] ?? '') : undefined;
    let value: string | number | boolean | null = null;
    let error: string | null = null;
    if (type === 's') {
      if (vText !== undefined) {
        const s = shared[Number(vText)];
        if (s === undefined) throw new Unsupported();
        value = s;
      }
    } else if (type === 'inlineStr') {
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner);
      value = is ? itemText(is[1]) : null;
    } else if (type === 'str') {
      value = vText ?? null;
    } else if (type === 'b') {
      if (vText !== undefined) value = vText === '1' || vText.toLowerCase() === 'true';
    } else if (type === 'e') {
      if (vText !== undefined && vText !== '') error = vText;
    } else if (type === 'n') {
      if (vText !== undefined) {
        if (vText.trim() === '') throw new Unsupported();
        if (styles.date[styleIx]) throw new Unsupported();
        const n = Number(vText);
        value = Number.isFinite(n) ? n : null;
      }
    } else {
      throw new Unsupported(); // 'd' (ISO dates) and anything unknown
    }
    if (value === '') value = null;
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new Unsupported();
    if (formula === null && value === null && error === null) continue;
    cells.push({ row, col, value, formula, error, font: styled ? (styles.font[styleIx] ?? null) : null });
  }
  return { name, hidden, cells, merges };
}
