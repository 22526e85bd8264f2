/**
 * Layouts of the add-in's own sheets (reports, feedback, summaries) that are not forms of the
 * handbook: a title, a few lines of text, then one or more plain tables. Same styles and print
 * set-up as the forms.
 *
 * Each table is spread over the width of the page (A4 at the forms' margins), so a sheet of
 * several tables prints at a readable size: the sheet's grid is the union of the tables' column
 * edges, and a table column spanning several grid columns is one merged cell (as the forms'
 * engine does). Columns of kind `key` (row keys the add-in reads back) go after the printed
 * columns, outside the print area.
 */
import { PAGE_CHARS, STYLES, textHeight } from './engine';
import type { CellStyle, LayoutCell, LayoutValue, Merge, SheetLayout, StyleName, TablePlacement } from './types';

export interface SimpleColumn {
  readonly key: string;
  readonly header: string;
  /** Relative width in characters; the table is scaled to the page width. */
  readonly width: number;
  /** `key`: an internal key, written after the printed columns (not printed). */
  readonly kind?: 'text' | 'longtext' | 'number' | 'amount' | 'center' | 'key';
}

export interface SimpleTable {
  readonly key: string;
  readonly caption?: string;
  readonly columns: readonly SimpleColumn[];
  readonly rows: readonly (Readonly<Record<string, LayoutValue>> & { readonly _group?: string })[];
}

export interface SimpleSheet {
  readonly name: string;
  readonly title: string;
  readonly lines?: readonly string[];
  readonly tables: readonly SimpleTable[];
  readonly orientation?: 'portrait' | 'landscape';
}

const STYLE_OF: Readonly<Record<NonNullable<SimpleColumn['kind']>, StyleName>> = {
  text: 'text',
  longtext: 'textWrap',
  number: 'number',
  amount: 'amount',
  center: 'center',
  key: 'key',
};

/** Width of a key column (not printed). */
const KEY_WIDTH = 24;

const printed = (t: SimpleTable) => t.columns.filter((c) => c.kind !== 'key');

/** A number as the amount style shows it: digits, thousands' dots, a sign. */
function shownWidth(v: number, kind: SimpleColumn['kind']): number {
  if (kind !== 'amount') return Math.min(String(v).length, 11);
  const digits = String(Math.abs(Math.round(v))).length;
  return digits + Math.floor((digits - 1) / 3) + (v < 0 ? 1 : 0);
}

/**
 * The fewest characters a printed column of numbers may have: its widest number as shown
 * (6.775.000 is 9) and 2 for the cell's margins — narrower, a spreadsheet prints "###" in its
 * place. Other columns wrap their text and have no minimum (1).
 */
function minimumOf(c: SimpleColumn, rows: SimpleTable['rows']): number {
  if (c.kind !== 'amount' && c.kind !== 'number') return 1;
  let need = 1;
  for (const r of rows) {
    const v = r._group === undefined ? r[c.key] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) need = Math.max(need, shownWidth(v, c.kind) + 2);
  }
  return need;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Each printed column's minimum (minimumOf). */
function minimumsOf(t: SimpleTable): number[] {
  return printed(t).map((c) => minimumOf(c, t.rows));
}

/**
 * Each printed column's [start, end) on the page, in characters: the columns' relative widths
 * scaled to `page`, except that a column of numbers never gets less than its widest number needs
 * (minimumOf) — those are held at it and the rest share what is left; when even the numbers do
 * not fit, they are what is scaled. The province's summary by sector, 20 printed columns scaled to
 * one A4 page, gave each money column 6–7 characters and printed "###" for every sum above 999.999.
 */
function edgesOf(t: SimpleTable, mins: readonly number[], page: number): [number, number][] {
  const wants = printed(t).map((c) => Math.max(1, c.width));
  let widths: readonly number[] = mins;
  if (sum(mins) < page) {
    const held = new Set<number>();
    for (;;) {
      const left = page - sum([...held].map((i) => mins[i]!));
      const free = sum(wants.filter((_, i) => !held.has(i)));
      const scale = left / free;
      const short = wants.map((_, i) => i).filter((i) => !held.has(i) && wants[i]! * scale < mins[i]!);
      if (short.length === 0) {
        widths = wants.map((w, i) => (held.has(i) ? mins[i]! : w * scale));
        break;
      }
      for (const i of short) held.add(i);
    }
  }
  const total = sum(widths);
  const out: [number, number][] = [];
  let at = 0;
  for (const w of widths) {
    const start = Math.round((at / total) * page);
    at += w;
    out.push([start, Math.round((at / total) * page)]);
  }
  return out;
}

/**
 * The tables' edges moved onto the main table's — the one of most printed columns, then of most
 * rows — so that every other table fits on it: the main table's cells are one grid column each,
 * and a table of fewer columns spans whole columns of it, one or two merged cells a row instead of
 * one per column (Google Sheets pays a call per merge: 300 feedback sheets made 57,000 of them).
 */
function alignEdges(edges: readonly [number, number][][], tables: readonly SimpleTable[], minimums: readonly (readonly number[])[]): [number, number][][] {
  if (tables.length < 2) return edges.map((e) => [...e]);
  let main = 0;
  tables.forEach((t, i) => {
    const [a, b] = [printed(t).length, printed(tables[main]).length];
    if (a > b || (a === b && t.rows.length > tables[main].rows.length)) main = i;
  });
  const cuts = [0, ...edges[main].map(([, b]) => b)];
  return edges.map((e, i) => {
    if (i === main || e.length === 0) return [...e];
    const mins = minimums[i]!;
    // Each inner boundary to the nearest cut after the previous one, leaving room for the rest.
    const bounds = [0];
    for (let k = 1; k < e.length; k++) {
      const want = e[k][0];
      const prev = bounds[bounds.length - 1];
      const room = e.length - k; // columns still to place after this boundary
      // Only cuts that leave the column before them its minimum ("###" otherwise); with none, the
      // table keeps its own edges (more grid columns and merges, but every number shown).
      const options = cuts.filter((c) => c - prev >= mins[k - 1]! && cuts.indexOf(c) <= cuts.length - 1 - room);
      if (options.length === 0) return [...e];
      bounds.push(options.reduce((best, c) => (Math.abs(c - want) < Math.abs(best - want) ? c : best), options[0]));
    }
    if (cuts[cuts.length - 1]! - bounds[bounds.length - 1]! < mins[e.length - 1]!) return [...e];
    bounds.push(cuts[cuts.length - 1]);
    return bounds.slice(1).map((b, k): [number, number] => [bounds[k], b]);
  });
}

/** Lays out a sheet of plain tables; a row with `_group` prints as a bold section row. */
export function simpleLayout(sheet: SimpleSheet): SheetLayout {
  const orientation = sheet.orientation ?? 'landscape';
  const page = PAGE_CHARS[orientation];
  // Each printed column's minimum (minimumOf), found once: the edges and their alignment both use it.
  const minimums = sheet.tables.map(minimumsOf);
  const tableEdges = alignEdges(sheet.tables.map((t, i) => edgesOf(t, minimums[i]!, page)), sheet.tables, minimums);
  // The grid: every table's column edges; a grid column is the space between two edges.
  const cuts = [...new Set([0, page, ...tableEdges.flat(2)])].sort((a, b) => a - b);
  const grid = cuts.slice(1).map((c, i) => c - cuts[i]);
  const gridIndex = new Map(cuts.map((c, i) => [c, i]));
  const n = grid.length;
  const keyCount = Math.max(0, ...sheet.tables.map((t) => t.columns.length - printed(t).length));
  const cells: LayoutCell[] = [];
  const merges: Merge[] = [];
  const tables: TablePlacement[] = [];
  const heights: Record<number, number> = {};
  let row = 0;
  const fit = (text: string, chars: number, style: StyleName) => {
    const h = Math.min(409, Math.ceil(textHeight(text, chars, style)));
    if (h > (heights[row] ?? 15)) heights[row] = h;
  };
  const span = (col: number, cols: number, value: LayoutValue, style: StyleName) => {
    for (let c = col; c < col + cols; c++) cells.push({ row, col: c, value: c === col ? value : null, style });
    if (cols > 1) merges.push({ row, col, rows: 1, cols });
  };
  const line = (text: string, style: StyleName) => {
    span(0, n, text, style);
    fit(text, page, style);
    row++;
  };
  line(sheet.title, 'title');
  for (const l of sheet.lines ?? []) line(l, 'paragraph');
  let repeat: { from: number; to: number } | undefined;
  sheet.tables.forEach((t, ti) => {
    row++;
    if (t.caption) line(t.caption, 'heading');
    // Where each column goes: printed ones over their grid columns, keys after the grid.
    let k = 0;
    let p = 0;
    const placed = t.columns.map((c) => {
      if (c.kind === 'key') return { col: n + k++, span: 1, chars: KEY_WIDTH };
      const [a, b] = tableEdges[ti][p++];
      const col = gridIndex.get(a) ?? 0;
      return { col, span: (gridIndex.get(b) ?? n) - col, chars: b - a };
    });
    const headerRow = row;
    t.columns.forEach((c, i) => {
      span(placed[i].col, placed[i].span, c.header, c.kind === 'key' ? 'keyHeader' : 'header');
      if (c.kind !== 'key') fit(c.header, placed[i].chars, 'header');
    });
    if ((heights[row] ?? 15) < 30) heights[row] = 30;
    // The header repeats on every page only on a sheet of one table (over another table it misleads).
    if (sheet.tables.length === 1) repeat ??= { from: row, to: row };
    row++;
    const bodyRow = row;
    const printedCols = printed(t).length;
    for (const r of t.rows) {
      if (r._group !== undefined) {
        const last = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'key');
        const end = last.length > 0 ? placed[last[last.length - 1].i].col + placed[last[last.length - 1].i].span : n;
        span(0, printedCols > 0 ? end : n, r._group, 'group');
        fit(r._group, page, 'group');
      } else {
        t.columns.forEach((c, i) => {
          const style = STYLE_OF[c.kind ?? 'text'];
          const v = r[c.key] ?? null;
          span(placed[i].col, placed[i].span, v, style);
          if (typeof v === 'string' && c.kind !== 'key') fit(v, placed[i].chars, style);
        });
      }
      row++;
    }
    tables.push({ key: t.key, headerRow, headerRows: 1, bodyRow, bodyRows: row - bodyRow, columns: t.columns.map((c, i) => ({ key: c.key, col: placed[i].col, span: placed[i].span })), rowKeys: {} });
  });
  const styles: Record<StyleName, CellStyle> = { ...STYLES };
  return {
    name: sheet.name,
    columnWidths: [...grid, ...Array.from({ length: keyCount }, () => KEY_WIDTH)],
    rowHeights: heights,
    cells,
    merges,
    validations: [],
    styles,
    print: { paper: 'A4', orientation, fitToWidth: true, ...(repeat ? { repeatRows: repeat } : {}), area: { rows: row, cols: n } },
    tables,
  };
}
