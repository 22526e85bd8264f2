/**
 * Finding a form's tables on a sheet by their header text, wherever they are: header rows
 * moved down or right, merged or flattened headers, extra columns, labels typed a little
 * differently.
 */
import type { HeaderCell, TableBlock } from '../forms/types';
import { foldKey, labelSimilarity } from '../text';
import { memo } from '../util/memo';
import type { TextGrid } from './grid';

/** The part of a label before its explanation: "Hoạt động\n(Xếp ưu tiên…)" → "Hoạt động". */
function mainPart(text: string): string {
  return text.split(/[(\n:]/)[0];
}

interface Label {
  readonly text: string;
  readonly full: string;
  readonly main: string;
}

function label(text: string): Label {
  return { text, full: foldKey(text), main: foldKey(mainPart(text)) };
}

/** Scores by label, then by cell text (two levels: no key strings to build on every call). */
const scoreCache = new Map<string, Map<string, number>>();
let cachedScores = 0;

/** How well a cell's text matches a form label, 0..1. */
export function matchLabel(cellText: string, l: Label): number {
  if (cellText === '') return 0;
  // Header cells are short: a cell much longer than the label (an activity's description) cannot be it.
  if (cellText.length > 2.5 * Math.max(l.text.length, 16)) return 0;
  let byCell = scoreCache.get(l.text);
  if (!byCell) {
    byCell = new Map();
    scoreCache.set(l.text, byCell);
  }
  const cached = byCell.get(cellText);
  if (cached !== undefined) return cached;
  const full = foldKey(cellText);
  const main = foldKey(mainPart(cellText));
  let s: number;
  if (full === l.full) s = 1;
  else if (l.main !== '' && (main === l.main || full === l.main)) s = 0.95;
  else if (main !== '' && main === l.full) s = 0.9;
  else {
    s = Math.max(labelSimilarity(cellText, l.text), 0.9 * labelSimilarity(mainPart(cellText), mainPart(l.text)));
  }
  if (++cachedScores > 200_000) {
    scoreCache.clear();
    cachedScores = 0;
    byCell = new Map();
    scoreCache.set(l.text, byCell);
  }
  byCell.set(cellText, s);
  return s;
}

export function makeLabel(text: string): Label {
  return label(text);
}

interface ColumnLabels {
  readonly key: string;
  readonly leaf: Label;
  /** The spanning parent header, when the column sits under one ("Nguồn lực (1.000 đồng)"). */
  readonly parent?: Label;
}

function columnLabels(table: TableBlock): ColumnLabels[] {
  const rows = Math.max(1, ...table.header.map((h) => h.row + (h.rowSpan ?? 1)));
  const covering = (row: number, col: number): HeaderCell | undefined =>
    table.header.find((h) => row >= h.row && row < h.row + (h.rowSpan ?? 1) && col >= h.col && col < h.col + (h.colSpan ?? 1));
  return table.columns.map((c, i) => {
    const leaf = covering(rows - 1, i);
    const top = covering(0, i);
    return {
      key: c.key,
      leaf: label(leaf?.text ?? c.key),
      ...(top && leaf && top !== leaf ? { parent: label(top.text) } : {}),
    };
  });
}

export interface LocatedTable {
  readonly headerRow: number;
  readonly headerRows: number;
  /** First row after the header (and after a row of column numbers, if any). */
  readonly bodyRow: number;
  /** Sheet column of each form column found, by key. */
  readonly columns: ReadonlyMap<string, number>;
  /** Form columns not found on the sheet. */
  readonly missing: readonly string[];
  /** Average match of the form's columns, 0..1. */
  readonly score: number;
}

/** The words of a cell's folded text, split once: each table of each form tried on a sheet asks again. */
const wordsOf = memo((key: string): readonly string[] => key.split(' '));

const MIN_CELL_SCORE = 0.55;
const MAX_HEADER_TEXT = 120;

/** What locateTable needs of a table, worked out once per table (each sheet of each file asks again). */
interface TableLabels {
  readonly cols: readonly ColumnLabels[];
  readonly formRows: number;
  readonly allLabels: readonly Label[];
  readonly words: ReadonlySet<string>;
  /** Whether a cell's text looks like one of the table's labels, by text (headers recur from sheet to sheet). */
  readonly headerLike: (text: string) => boolean;
}

const tableLabels = new WeakMap<TableBlock, TableLabels>();

function labelsOf(table: TableBlock): TableLabels {
  const known = tableLabels.get(table);
  if (known) return known;
  const cols = columnLabels(table);
  const allLabels = [...cols.map((c) => c.leaf), ...cols.flatMap((c) => (c.parent ? [c.parent] : []))];
  const out: TableLabels = {
    cols,
    formRows: Math.max(1, ...table.header.map((h) => h.row + (h.rowSpan ?? 1))),
    allLabels,
    // A header cell shares at least one word with a label (after folding): a cheap filter before matching.
    words: new Set(allLabels.flatMap((l) => l.full.split(' ')).filter((w) => w.length >= 2)),
    headerLike: memo((text: string) => allLabels.some((l) => matchLabel(text, l) >= MIN_CELL_SCORE), 20_000),
  };
  tableLabels.set(table, out);
  return out;
}

/**
 * Finds the best header band for `table` at or below `fromRow`. Returns undefined when no
 * band matches enough of the table's columns.
 */
export function locateTable(grid: TextGrid, table: TableBlock, fromRow = grid.top, toRow = grid.bottom): LocatedTable | undefined {
  if (table.header.length === 0) return undefined;
  const { cols, formRows, words, headerLike } = labelsOf(table);
  // Candidates: rows holding cells that look like the table's labels. A header row holds several
  // header-like cells (one for a one-column table): a data row with a single cell resembling a
  // label ("Hỗ trợ giống lúa" ~ "Cần hỗ trợ") is not tried as a header.
  const hitsNeeded = Math.min(2, cols.length);
  const isCandidate = (r: number): boolean => {
    let hits = 0;
    for (const { cell } of grid.rowCells(r)) {
      if (cell.text.length > MAX_HEADER_TEXT || cell.text === '' || typeof cell.raw === 'number') continue;
      if (!wordsOf(cell.key).some((w) => words.has(w))) continue;
      if (headerLike(cell.text) && ++hits >= hitsNeeded) return true;
    }
    return false;
  };
  // Each candidate row in order, each band height in turn; only a strictly better score replaces the
  // best. A band matching every column fully (score 1) cannot be beaten, so the search stops there:
  // the rows below the header (a sheet's activities) are not tried as headers.
  let best: LocatedTable | undefined;
  const last = Math.min(toRow, grid.bottom);
  for (let r = Math.max(fromRow, grid.top); r < last && !(best && best.score + 1e-9 >= 1); r++) {
    if (!isCandidate(r)) continue;
    for (let h = 1; h <= formRows + 1; h++) {
      const found = matchBand(grid, cols, r, h);
      if (!found) continue;
      if (!best || found.score > best.score + 1e-9) best = found;
      if (best.score + 1e-9 >= 1) break;
    }
  }
  const needed = cols.length === 1 ? 0.6 : 0.45;
  if (!best || best.score < needed || (cols.length > 1 && best.columns.size < 2)) return undefined;
  // A row of column numbers (1, 2, 3 …) under the header is part of it.
  let bodyRow = best.bodyRow;
  const numbers = grid.rowCells(bodyRow);
  if (numbers.length >= 2 && numbers.every(({ cell }, i) => cell.text === String(i + 1) || /^\(?\d+\)?$/.test(cell.text))) bodyRow++;
  return { ...best, bodyRow };
}

function matchBand(grid: TextGrid, cols: readonly ColumnLabels[], row: number, h: number): LocatedTable | undefined {
  if (row + h > grid.bottom) return undefined;
  // For each sheet column: the top-most and bottom-most text of the band (merged cells spread).
  const top = new Map<number, string>();
  const bottom = new Map<number, string>();
  for (let c = grid.left; c < grid.right; c++) {
    for (let r = row; r < row + h; r++) {
      const t = grid.shown(r, c).text;
      if (t === '' || t.length > MAX_HEADER_TEXT) continue;
      if (!top.has(c)) top.set(c, t);
      bottom.set(c, t);
    }
  }
  if (bottom.size === 0) return undefined;
  // The band must start at `row`: its first row holds header text.
  if (!grid.rowCells(row).some(({ cell }) => cell.text !== '')) return undefined;
  const pairs: { key: string; col: number; s: number }[] = [];
  for (const c of cols) {
    for (const [col, text] of bottom) {
      let s = matchLabel(text, c.leaf);
      if (c.parent) {
        const parentText = top.get(col) ?? '';
        const p = parentText === text ? 0 : matchLabel(parentText, c.parent);
        s = s * (0.75 + 0.25 * p);
      }
      if (s >= MIN_CELL_SCORE) pairs.push({ key: c.key, col, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s || a.col - b.col);
  const columns = new Map<string, number>();
  const usedCols = new Set<number>();
  let total = 0;
  for (const p of pairs) {
    if (columns.has(p.key) || usedCols.has(p.col)) continue;
    columns.set(p.key, p.col);
    usedCols.add(p.col);
    total += p.s;
  }
  if (columns.size === 0) return undefined;
  return {
    headerRow: row,
    headerRows: h,
    bodyRow: row + h,
    columns,
    missing: cols.filter((c) => !columns.has(c.key)).map((c) => c.key),
    score: total / cols.length,
  };
}
