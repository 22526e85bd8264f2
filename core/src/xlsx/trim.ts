/**
 * Files from outside are opened to be read, never saved back; a few of them carry ranges that cost
 * far more than what they hold: a data validation on G1:I1048576 (a whole column selected before
 * Data → Validation), a merge I23:J1048576 (select to the end, Merge). ExcelJS spreads such ranges
 * over every cell they cover — seconds and gigabytes for a 9 KB file — before LKH sees a cell. So,
 * before ExcelJS opens an input file, its worksheets' XML is read (JSZip, the library ExcelJS
 * itself uses, and the XML tokenizer of xml/) and any merge or validation covering more than
 * MAX_RANGE_CELLS cells is dropped:
 * the merge's value stays in its first cell, the validation only restricted typing. The file on
 * disk is untouched; what was dropped is returned for the report. The parts are inflated through
 * zip.ts: a damaged or oversized part refuses the file (FileRefused), it never escapes as JSZip's error.
 */
import { MAX_COL, MAX_ROW, parseRange } from '../util/a1';
import { XmlError, XmlTokenizer } from './xml';
import { ZipParts } from './zip';

/** Cells a merge or a validation of an input file may cover before it is dropped for reading. */
export const MAX_RANGE_CELLS = 100_000;

/** Cells of one A1 range ("I23:J1048576", "G1:I1048576", "B5"); whole columns/rows ("G:I", "3:9") as far as the sheet goes. */
export function rangeCells(ref: string): number {
  const r = parseRange(ref);
  if (!r) return 0;
  const { from, to } = r;
  const span = (a: number | undefined, b: number | undefined, whole: number): number => (a !== undefined && b !== undefined ? Math.abs(b - a) + 1 : whole);
  return span(from.col, to.col, MAX_COL + 1) * span(from.row, to.row, MAX_ROW + 1);
}

/** A sqref may list several ranges ("A1:A10 C1:C1048576"). */
export const sqrefCells = (sqref: string): number => sqref.split(/\s+/).reduce((n, r) => n + rangeCells(r), 0);

export interface Trimmed {
  readonly bytes: Uint8Array;
  /** "trang xl/worksheets/sheet1.xml: ô gộp I23:J1048576" … (empty when nothing was dropped). */
  readonly dropped: readonly string[];
}

/** The local name of a qualified one ("x:mergeCell" → "mergeCell"). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * A worksheet's XML with its oversized merges and validations cut out (read with the XML
 * tokenizer: one inside a comment is no merge), their containers' counts corrected and emptied
 * containers removed, as Excel writes them; undefined when nothing was dropped or the part is not
 * well-formed XML (ExcelJS then says the file is damaged).
 */
function trimSheet(xml: string, dropped: string[]): string | undefined {
  const edits: { from: number; to: number; text: string }[] = [];
  try {
    const tok = new XmlTokenizer(xml);
    let box: { start: number; depth: number; kept: number; removed: number; count?: readonly [number, number]; cuts: { from: number; to: number; text: string }[] } | undefined;
    for (let kind = tok.next(); kind !== 'end'; kind = tok.next()) {
      if (kind === 'close' && box && tok.depth < box.depth) {
        // The container closes: gone when emptied, its count corrected otherwise.
        if (box.removed > 0 && box.kept === 0) edits.push({ from: box.start, to: tok.end, text: '' });
        else if (box.removed > 0) edits.push(...(box.count ? [{ from: box.count[0], to: box.count[1], text: String(box.kept) }] : []), ...box.cuts);
        box = undefined;
        continue;
      }
      if (kind !== 'open') continue;
      const name = local(tok.name);
      if (name === 'mergeCells' || name === 'dataValidations') {
        box = { start: tok.offset, depth: tok.depth, kept: 0, removed: 0, ...(tok.attrRange('count') ? { count: tok.attrRange('count') } : {}), cuts: [] };
        if (tok.selfClosing) box = undefined;
        continue;
      }
      if (name !== 'mergeCell' && name !== 'dataValidation') continue;
      const ref = tok.attr(name === 'mergeCell' ? 'ref' : 'sqref');
      const from = tok.offset;
      tok.skipElement();
      const huge = ref !== undefined && (name === 'mergeCell' ? rangeCells(ref) : sqrefCells(ref)) > MAX_RANGE_CELLS;
      if (!box) continue;
      if (!huge) {
        box.kept++;
        continue;
      }
      box.removed++;
      box.cuts.push({ from, to: tok.end, text: '' });
      dropped.push(`${name === 'mergeCell' ? 'ô gộp' : 'kiểm tra dữ liệu'} ${ref}`);
    }
  } catch (e) {
    if (e instanceof XmlError) return undefined;
    throw e;
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += xml.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + xml.slice(at);
}

/** The file with every oversized merge and validation dropped from its worksheets (the same bytes when none). */
export async function trimHugeRanges(bytes: Uint8Array): Promise<Trimmed> {
  const zip = await ZipParts.open(bytes);
  const dropped: string[] = [];
  const changes = new Map<string, string>();
  for (const name of zip.names()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const xml = await zip.text(name);
    if (xml === undefined || (!xml.includes('mergeCell') && !xml.includes('dataValidation'))) continue;
    const out = trimSheet(xml, dropped);
    if (out !== undefined) changes.set(name, out);
  }
  if (changes.size === 0) return { bytes, dropped };
  return { bytes: await zip.rewrite(changes), dropped };
}
