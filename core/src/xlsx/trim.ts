/**
 * Files from outside are opened to be read, never saved back; a few of them carry ranges that cost
 * far more than what they hold: a data validation on G1:I1048576 (a whole column selected before
 * Data → Validation), a merge I23:J1048576 (select to the end, Merge). ExcelJS spreads such ranges
 * over every cell they cover — seconds and gigabytes for a 9 KB file — before LKH sees a cell. So,
 * before ExcelJS opens an input file, its worksheets' XML is scanned (JSZip, the library ExcelJS
 * itself uses) and any merge or validation covering more than MAX_RANGE_CELLS cells is dropped:
 * the merge's value stays in its first cell, the validation only restricted typing. The file on
 * disk is untouched; what was dropped is returned for the report. The parts are inflated through
 * zip.ts: a damaged or oversized part refuses the file (FileRefused), it never escapes as JSZip's error.
 */
import { MAX_COL, MAX_ROW, parseRange } from '../util/a1';
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

/** The file with every oversized merge and validation dropped from its worksheets (the same bytes when none). */
export async function trimHugeRanges(bytes: Uint8Array): Promise<Trimmed> {
  const zip = await ZipParts.open(bytes);
  const dropped: string[] = [];
  const changes = new Map<string, string>();
  for (const name of zip.names()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const xml = await zip.text(name);
    if (xml === undefined || (!xml.includes('<mergeCell') && !xml.includes('<dataValidation'))) continue;
    let out = xml.replace(/<mergeCell\b[^>]*\bref="([^"]+)"[^>]*\/>/g, (whole, ref: string) => {
      if (rangeCells(ref) <= MAX_RANGE_CELLS) return whole;
      dropped.push(`ô gộp ${ref}`);
      return '';
    });
    out = out.replace(/<dataValidation\b[^>]*\bsqref="([^"]+)"[^>]*?(\/>|>[\s\S]*?<\/dataValidation>)/g, (whole, sqref: string) => {
      if (sqrefCells(sqref) <= MAX_RANGE_CELLS) return whole;
      dropped.push(`kiểm tra dữ liệu ${sqref}`);
      return '';
    });
    if (out === xml) continue;
    // Counts and emptied containers, as Excel writes them.
    out = out
      .replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>/g, '')
      .replace(/<mergeCells\b([^>]*)\bcount="\d+"([^>]*)>([\s\S]*?)<\/mergeCells>/g, (_w, a: string, b: string, inner: string) => `<mergeCells${a}count="${(inner.match(/<mergeCell\b/g) ?? []).length}"${b}>${inner}</mergeCells>`)
      .replace(/<dataValidations\b[^>]*>\s*<\/dataValidations>/g, '')
      .replace(/<dataValidations\b([^>]*)\bcount="\d+"([^>]*)>([\s\S]*?)<\/dataValidations>/g, (_w, a: string, b: string, inner: string) => `<dataValidations${a}count="${(inner.match(/<dataValidation\b/g) ?? []).length}"${b}>${inner}</dataValidations>`);
    changes.set(name, out);
  }
  if (changes.size === 0) return { bytes, dropped };
  return { bytes: await zip.rewrite(changes), dropped };
}
