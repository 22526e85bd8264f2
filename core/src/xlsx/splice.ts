/**
 * Worksheets copied from one .xlsx into another as they are (their XML), instead of being parsed by
 * ExcelJS and written again. A re-run over a commune's plan keeps each sheet it replaces as its
 * "(cũ)" copy: those sheets are neither read by ExcelJS nor written by it any more, only renamed
 * (the name lives in xl/workbook.xml, which ExcelJS writes) and spliced into the saved file here.
 *
 * A worksheet part refers to two workbook-wide tables: cell formats (`s` of a cell or a row,
 * `style` of a column: indexes into styles.xml's cellXfs) and shared strings (the value of a cell
 * of type "s": an index into sharedStrings.xml). The old file's formats (their fonts, fills,
 * borders and number formats) are appended to the new file's, and the strings the copied sheets
 * use to its string table, and the indexes in the copied XML moved accordingly. Anything else a
 * worksheet may refer to (a part of its own: pictures, comments, tables, links; conditional
 * formats' dxfs; cell metadata; extensions) makes the sheet not copyable: `copyableSheet` says so
 * before anything is written, and the caller has ExcelJS read the sheet instead.
 */
import { XmlError, XmlTokenizer } from './xml';
import type { ZipParts } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The elements a copyable worksheet holds (what ExcelJS and LKH write, nothing that refers outside the part but formats and strings). */
const PLAIN = new Set(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetProtection', 'mergeCells', 'dataValidations', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks']);

/** A prefixed element or attribute (other than xmlns declarations) in a piece of XML. */
const PREFIXED = /<\/?[A-Za-z_][\w.-]*:|\s(?!xmlns:|xml:)[A-Za-z_][\w.-]*:[\w.-]+\s*=/;

/** A sheet, a format or a string table that cannot be copied as it is. */
export class NotSpliceable extends Error {}

/** One to nine ASCII digits (an index a part may hold), by its characters: a plan's copies hold tens of thousands. */
function isIndex(s: string | undefined): s is string {
  if (s === undefined || s.length === 0 || s.length > 9) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An index in a worksheet part to move when it is copied: a format or a shared string, at [from, to) of the text. */
export interface IndexAt {
  readonly kind: 'style' | 'string';
  readonly from: number;
  readonly to: number;
  readonly index: number;
}

/**
 * A worksheet part ready to be copied: its text and the indexes in it, in the order of the text, as
 * four parallel lists of numbers (a plan sheet holds tens of thousands: no object for each).
 */
export interface PreparedSheet {
  readonly xml: string;
  /** 0: a format, 1: a shared string. */
  readonly kinds: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly index: readonly number[];
}

/** The indexes of a prepared sheet, one object each (for tests and messages). */
export function indexesOf(p: PreparedSheet): IndexAt[] {
  return p.kinds.map((k, i) => ({ kind: k === 0 ? 'style' : 'string', from: p.from[i], to: p.to[i], index: p.index[i] }));
}

/**
 * A worksheet part read for copying into another file, or undefined when it cannot be copied as
 * it is: unprefixed SpreadsheetML with only the elements of PLAIN at its top, no relationship id,
 * no cell metadata, no CDATA in a value.
 */
export function prepareSheet(xml: string): PreparedSheet | undefined {
  // Attributes that refer outside the part (a relationship id of any prefix, cell metadata): not
  // looked for tag by tag, the text is refused when it holds them anywhere.
  if (/:id\s*=|\s[cv]m\s*=/.test(xml)) return undefined;
  const kinds: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const index: number[] = [];
  try {
    walkSheet(xml, (kind, a, b, n) => {
      kinds.push(kind === 'style' ? 0 : 1);
      from.push(a);
      to.push(b);
      index.push(n);
    });
    return { xml, kinds, from, to, index };
  } catch (e) {
    if (e instanceof NotSpliceable || e instanceof XmlError) return undefined;
    throw e;
  }
}

/**
 * Walks a worksheet part, calling `edit` with each index to move: a format ('style', the value's
 * [from, to) in the text) or a shared string ('string'). Throws NotSpliceable for what cannot be copied.
 */
function walkSheet(xml: string, edit: (kind: 'style' | 'string', from: number, to: number, index: number) => void): void {
  const tok = new XmlTokenizer(xml);
  let stringCell = false;
  let inValue = false;
  for (let kind = tok.next(); kind !== 'end'; kind = tok.next()) {
    if (kind === 'text') {
      if (!inValue) continue;
      if (tok.cdata) throw new NotSpliceable('CDATA');
      const t = tok.text.trim();
      if (!isIndex(t)) throw new NotSpliceable('shared string index');
      edit('string', tok.offset, tok.end, Number(t));
      continue;
    }
    if (kind === 'close') {
      if (tok.name === 'v') inValue = false;
      else if (tok.name === 'c') stringCell = false;
      continue;
    }
    const name = tok.name;
    if (name.includes(':')) throw new NotSpliceable(`<${name}>`);
    if (tok.depth === 1) {
      if (name !== 'worksheet' || tok.attr('xmlns') !== MAIN) throw new NotSpliceable('root');
      continue;
    }
    if (tok.depth === 2 && !PLAIN.has(name)) throw new NotSpliceable(`<${name}>`);
    const styleAttr = name === 'c' || name === 'row' ? 's' : name === 'col' ? 'style' : undefined;
    if (styleAttr) {
      const range = tok.attrRange(styleAttr);
      if (range) {
        const v = xml.slice(range[0], range[1]);
        if (!isIndex(v)) throw new NotSpliceable('style index');
        edit('style', range[0], range[1], Number(v));
      }
    }
    if (name === 'c') stringCell = tok.attr('t') === 's';
    else if (name === 'v') inValue = stringCell && !tok.selfClosing;
  }
}

/** The child elements (raw XML) of each top-level section of a styles.xml or sharedStrings.xml, with where each section's count and end are. */
interface Section {
  readonly items: string[];
  /** [from, to) of the section's count attribute value, if it has one. */
  count?: readonly [number, number];
  /** Offset of the section's end tag (where items are added); undefined for a self-closing section. */
  close?: number;
  /** Offset and end of the whole section (a self-closing one is replaced whole). */
  from: number;
  to: number;
}

function sections(xml: string, root: string): { sections: Map<string, Section>; rootOpenEnd: number } {
  const tok = new XmlTokenizer(xml);
  const out = new Map<string, Section>();
  let current: Section | undefined;
  let rootOpenEnd = -1;
  for (let kind = tok.next(); kind !== 'end'; kind = tok.next()) {
    if (kind === 'open') {
      if (tok.name.includes(':') && tok.depth <= 3) throw new NotSpliceable(`<${tok.name}>`);
      if (tok.depth === 1) {
        if (tok.name !== root || tok.attr('xmlns') !== MAIN) throw new NotSpliceable('root');
        rootOpenEnd = tok.end;
        continue;
      }
      if (tok.depth === 2) {
        const section: Section = { items: [], from: tok.offset, to: tok.end, ...(tok.attrRange('count') ? { count: tok.attrRange('count') } : {}) };
        out.set(tok.name, section);
        current = tok.selfClosing ? undefined : section;
        if (tok.selfClosing) tok.next(); // its 'close'
        continue;
      }
      if (tok.depth === 3 && current) {
        const from = tok.offset;
        tok.skipElement();
        current.items.push(xml.slice(from, tok.end));
      }
      continue;
    }
    if (kind === 'close') {
      if (tok.depth === 1 && current) {
        current.close = tok.offset;
        current.to = tok.end;
        current = undefined;
      }
    }
  }
  return { sections: out, rootOpenEnd };
}

/** Text with [from, to) ranges replaced (ranges sorted, not overlapping). */
function applyEdits(text: string, edits: readonly { from: number; to: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + text.slice(at);
}

const attrOf = (item: string, name: string): string | undefined => {
  const open = item.slice(0, item.indexOf('>'));
  return new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1];
};

/** An element's start tag with some numeric attributes set (the rest of the element as it was). */
function withAttrs(item: string, values: Readonly<Record<string, string>>): string {
  const end = item.indexOf('>');
  let open = item.slice(0, end);
  for (const [name, value] of Object.entries(values)) {
    const re = new RegExp(`(\\s${name}=")[^"]*(")`);
    open = re.test(open) ? open.replace(re, `$1${value}$2`) : open;
  }
  return open + item.slice(end);
}

/**
 * The old file's formats appended to the new styles.xml: returns the new text and the offset of
 * the old cell formats in it (old index i is new index base + i).
 */
function mergeStyles(oldXml: string, newXml: string): { xml: string; base: number; count: number } {
  const old = sections(oldXml, 'styleSheet').sections;
  const cur = sections(newXml, 'styleSheet');
  const need = (m: Map<string, Section>, name: string): Section => {
    const s = m.get(name);
    if (!s) throw new NotSpliceable(`styles without <${name}>`);
    return s;
  };
  // What is copied into the new file holds nothing that needs a namespace declared on the old file's root.
  for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
    if ((old.get(name)?.items ?? []).some((item) => PREFIXED.test(item))) throw new NotSpliceable(`prefixed <${name}>`);
  }
  const oldXfs = need(old, 'cellXfs').items;
  const offsets: Record<string, number> = {};
  for (const name of ['fonts', 'fills', 'borders']) offsets[name] = need(cur.sections, name).items.length;
  const base = need(cur.sections, 'cellXfs').items.length;
  // Custom number formats renumbered past the new file's own.
  const newFmts = cur.sections.get('numFmts')?.items ?? [];
  let next = Math.max(163, ...newFmts.map((f) => Number(attrOf(f, 'numFmtId') ?? 0))) + 1;
  const fmtIds = new Map<string, string>();
  const addedFmts: string[] = [];
  for (const f of old.get('numFmts')?.items ?? []) {
    const id = attrOf(f, 'numFmtId');
    if (!isIndex(id)) throw new NotSpliceable('number format id');
    fmtIds.set(id, String(next));
    addedFmts.push(withAttrs(f, { numFmtId: String(next) }));
    next++;
  }
  const shift = (item: string, name: string, by: number): string => {
    const v = attrOf(item, name);
    if (v === undefined) return '0';
    if (!isIndex(v)) throw new NotSpliceable(`${name}`);
    return String(Number(v) + by);
  };
  const xfs = oldXfs.map((xf) => {
    const fmt = attrOf(xf, 'numFmtId') ?? '0';
    if (!isIndex(fmt)) throw new NotSpliceable('numFmtId');
    return withAttrs(xf, { numFmtId: fmtIds.get(fmt) ?? fmt, fontId: shift(xf, 'fontId', offsets.fonts), fillId: shift(xf, 'fillId', offsets.fills), borderId: shift(xf, 'borderId', offsets.borders), xfId: '0' });
  });
  const edits: { from: number; to: number; text: string }[] = [];
  const append = (name: string, items: readonly string[]) => {
    const s = need(cur.sections, name);
    if (items.length === 0) return;
    const total = String(s.items.length + items.length);
    if (s.close === undefined) {
      // Self-closing: written whole.
      edits.push({ from: s.from, to: s.to, text: `<${name} count="${total}">${items.join('')}</${name}>` });
      return;
    }
    edits.push({ from: s.close, to: s.close, text: items.join('') });
    if (s.count) edits.push({ from: s.count[0], to: s.count[1], text: total });
  };
  for (const name of ['fonts', 'fills', 'borders']) {
    const items = need(old, name).items;
    append(name, items);
  }
  append('cellXfs', xfs);
  if (addedFmts.length > 0) {
    const fmts = cur.sections.get('numFmts');
    if (fmts) append('numFmts', addedFmts);
    else edits.push({ from: cur.rootOpenEnd, to: cur.rootOpenEnd, text: `<numFmts count="${addedFmts.length}">${addedFmts.join('')}</numFmts>` });
  }
  return { xml: applyEdits(newXml, edits), base, count: oldXfs.length };
}

/**
 * Copies worksheets of the file a workbook was loaded from (`from`: its styles.xml and
 * sharedStrings.xml) into `to` (the file ExcelJS wrote, where each stands as an empty sheet of its
 * name, at `target`). Returns the changed parts of `to`; throws NotSpliceable when it cannot.
 */
export async function spliceSheets(from: { readonly styles?: string; readonly strings?: string }, to: ZipParts, sheets: readonly { readonly sheet: PreparedSheet; readonly target: string }[]): Promise<Map<string, string>> {
  const changes = new Map<string, string>();
  if (sheets.length === 0) return changes;
  const newStyles = await to.text('xl/styles.xml');
  if (from.styles === undefined || newStyles === undefined) throw new NotSpliceable('styles');
  const styles = mergeStyles(from.styles, newStyles);
  changes.set('xl/styles.xml', styles.xml);
  // The old strings the sheets use: one the new table already holds (the same <si>, as a re-run
  // over unchanged rows writes most of them) is referred to there; the others are added once, in
  // the order first used. A re-run's string table then grows by what changed, not doubles.
  const allOld = from.strings !== undefined ? stringItems(from.strings).items : [];
  const newSst = await to.text('xl/sharedStrings.xml');
  const newTable = newSst !== undefined ? stringItems(newSst) : undefined;
  const newItems = newTable?.items ?? [];
  const newCount = newItems.length;
  const existing = new Map<string, number>();
  newItems.forEach((item, i) => {
    if (!existing.has(item)) existing.set(item, i);
  });
  const added: string[] = [];
  const moved = new Map<number, number>();
  let references = 0;
  // Each sheet's text rebuilt in one pass: its indexes come in the order of the text.
  const moveString = (index: number): number => {
    if (index >= allOld.length) throw new NotSpliceable('string index beyond the table');
    let n = moved.get(index);
    if (n === undefined) {
      const item = allOld[index];
      n = existing.get(item);
      if (n === undefined) {
        // Only what is copied must be free of prefixes (no namespace of the old root is declared here).
        if (PREFIXED.test(item)) throw new NotSpliceable('prefixed string');
        n = newCount + added.length;
        added.push(item);
      }
      moved.set(index, n);
    }
    return n;
  };
  for (const { sheet, target } of sheets) {
    const { xml } = sheet;
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < sheet.kinds.length; i++) {
      const a = sheet.from[i];
      const index = sheet.index[i];
      if (a < at) throw new NotSpliceable('indexes out of order');
      let n: number;
      if (sheet.kinds[i] === 0) {
        if (index >= styles.count) throw new NotSpliceable('style index beyond the formats');
        n = styles.base + index;
      } else {
        n = moveString(index);
        references++;
      }
      parts.push(xml.slice(at, a), String(n));
      at = sheet.to[i];
    }
    parts.push(xml.slice(at));
    changes.set(target, parts.join(''));
  }
  if (references > 0) {
    if (newSst === undefined || newTable === undefined) throw new NotSpliceable('no string table');
    const { root } = newTable;
    if (root.close === undefined) throw new NotSpliceable('empty string table');
    const edits = [
      ...(root.count && root.countValue !== undefined ? [{ from: root.count[0], to: root.count[1], text: String(root.countValue + references) }] : []),
      ...(root.unique ? [{ from: root.unique[0], to: root.unique[1], text: String(newCount + added.length) }] : []),
      ...(added.length > 0 ? [{ from: root.close, to: root.close, text: added.join('') }] : []),
    ];
    changes.set('xl/sharedStrings.xml', applyEdits(newSst, edits));
  }
  return changes;
}

/** Where a string table's root has its counts and its end tag (for appending to it). */
interface TableRoot {
  readonly count?: readonly [number, number];
  /** The count attribute's value, when it is a number. */
  readonly countValue?: number;
  readonly unique?: readonly [number, number];
  /** Offset of the root's end tag; undefined for a self-closing root. */
  readonly close?: number;
}

/** The <si> elements of a string table, raw, in order, and where its root keeps its counts and ends. */
function stringItems(xml: string): { items: string[]; root: TableRoot } {
  const tok = new XmlTokenizer(xml);
  const items: string[] = [];
  let root: TableRoot = {};
  for (let kind = tok.next(); kind !== 'end'; kind = tok.next()) {
    if (kind === 'close') {
      if (tok.depth === 0) root = { ...root, close: tok.offset };
      continue;
    }
    if (kind !== 'open') continue;
    if (tok.depth === 1) {
      if (tok.name !== 'sst' || tok.attr('xmlns') !== MAIN) throw new NotSpliceable('string table root');
      const countValue = tok.attr('count');
      const count = tok.attrRange('count');
      const unique = tok.attrRange('uniqueCount');
      root = { ...(count ? { count } : {}), ...(isIndex(countValue) ? { countValue: Number(countValue) } : {}), ...(unique ? { unique } : {}) };
      // A self-closing root's 'close' comes next: no place to add to.
      if (tok.selfClosing) {
        tok.next();
        return { items, root };
      }
      continue;
    }
    if (tok.depth !== 2) continue;
    if (tok.name !== 'si') throw new NotSpliceable(`<${tok.name}> in the string table`);
    const from = tok.offset;
    tok.skipElement();
    items.push(xml.slice(from, tok.end));
  }
  return { items, root };
}
