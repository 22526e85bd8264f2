/**
 * Layouts of the add-in's own sheets (reports, feedback, summaries) that are not forms of the
 * handbook: a title, a few lines of text, then one or more plain tables. Same styles and print
 * set-up as the forms.
 */
import { STYLES } from './engine';
import type { CellStyle, LayoutCell, LayoutValue, Merge, SheetLayout, StyleName, TablePlacement } from './types';

export interface SimpleColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly kind?: 'text' | 'longtext' | 'number' | 'amount' | 'center';
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
};

/** Lays out a sheet of plain tables; a row with `_group` prints as a bold section row. */
export function simpleLayout(sheet: SimpleSheet): SheetLayout {
  const n = Math.max(1, ...sheet.tables.map((t) => t.columns.length));
  const widths: number[] = Array.from({ length: n }, (_, i) => Math.max(6, ...sheet.tables.map((t) => t.columns[i]?.width ?? 6)));
  const cells: LayoutCell[] = [];
  const merges: Merge[] = [];
  const tables: TablePlacement[] = [];
  const heights: Record<number, number> = {};
  let row = 0;
  const line = (text: string, style: StyleName) => {
    cells.push({ row, col: 0, value: text, style });
    for (let c = 1; c < n; c++) cells.push({ row, col: c, value: null, style });
    if (n > 1) merges.push({ row, col: 0, rows: 1, cols: n });
    row++;
  };
  line(sheet.title, 'title');
  for (const l of sheet.lines ?? []) line(l, 'paragraph');
  let repeat: { from: number; to: number } | undefined;
  for (const t of sheet.tables) {
    row++;
    if (t.caption) line(t.caption, 'heading');
    const headerRow = row;
    t.columns.forEach((c, i) => cells.push({ row, col: i, value: c.header, style: 'header' }));
    heights[row] = Math.max(30, ...t.columns.map((c) => Math.ceil(c.header.length / Math.max(4, c.width)) * 15));
    repeat ??= { from: row, to: row };
    row++;
    const bodyRow = row;
    for (const r of t.rows) {
      if (r._group !== undefined) {
        cells.push({ row, col: 0, value: r._group, style: 'group' });
        for (let c = 1; c < t.columns.length; c++) cells.push({ row, col: c, value: null, style: 'group' });
        if (t.columns.length > 1) merges.push({ row, col: 0, rows: 1, cols: t.columns.length });
      } else {
        t.columns.forEach((c, i) => cells.push({ row, col: i, value: r[c.key] ?? null, style: STYLE_OF[c.kind ?? 'text'] }));
        // Wrapped text needs its lines: about one character per unit of column width at the body's
        // font, 15 points a line (the same estimate the forms' engine makes).
        const lines = Math.max(
          1,
          ...t.columns.map((c) => {
            const v = r[c.key];
            if (typeof v !== 'string' || (c.kind ?? 'text') !== 'longtext') return 1;
            return v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / Math.max(4, c.width * 1.05))), 0);
          }),
        );
        if (lines > 1) heights[row] = Math.min(409, lines * 15);
      }
      row++;
    }
    tables.push({ key: t.key, headerRow, headerRows: 1, bodyRow, bodyRows: row - bodyRow, columns: t.columns.map((c, i) => ({ key: c.key, col: i, span: 1 })), rowKeys: {} });
  }
  const styles: Record<StyleName, CellStyle> = { ...STYLES };
  return {
    name: sheet.name,
    columnWidths: widths,
    rowHeights: heights,
    cells,
    merges,
    validations: [],
    styles,
    print: { paper: 'A4', orientation: sheet.orientation ?? 'landscape', fitToWidth: true, ...(repeat ? { repeatRows: repeat } : {}), area: { rows: row, cols: n } },
    tables,
  };
}
