/**
 * A read-only view of one sheet (the standalone page has no spreadsheet of its own to show the
 * workbook in): row numbers and column letters as Excel shows them, the cells' displayed values,
 * findings marked on their cells, and a target cell scrolled to and outlined.
 *
 * Virtualised by hand with a fixed row height: only the rows in view (and a few either side) are
 * in the DOM, absolutely placed inside a spacer as tall as the whole sheet, so a 3,000-row sheet
 * scrolls as smoothly as a 30-row one. Columns are few (forms have at most a few dozen) and all
 * rendered. The grid scrolls inside its own box: the page itself never scrolls sideways.
 *
 * Merged ranges show as one cell, as the spreadsheet shows them: the top-left cell is drawn with
 * the range's width and height over the rows below it (its row is rendered whenever any row of the
 * range is), and the cells it covers keep their place in their rows but draw nothing. A finding
 * or a target on a covered cell is shown on the merged cell.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, UIEvent } from 'react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Merge } from '../../src/layout/types';
import type { CellValue, SheetData } from '../../src/port/types';
import { columnName, parseA1 } from '../../src/util/a1';

/** Every row is this tall (px): what makes the window a simple division. */
export const ROW_HEIGHT = 24;
export const COL_WIDTH = 96;
export const HEADER_WIDTH = 44;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blanks. */
export const OVERSCAN = 8;

export interface GridMark {
  /** "H25" (a range "C3:D4" marks its first cell). */
  readonly cell: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface GridTarget {
  readonly cell: string;
  /** Changes on every request, so asking twice for the same cell scrolls back to it. */
  readonly seq: number;
}

export interface SheetGridProps {
  readonly sheet: SheetData;
  readonly marks?: readonly GridMark[];
  readonly target?: GridTarget;
  /** Height of the scrolling box (px). */
  readonly height?: number;
  readonly label: string;
  /** Number format (vi-VN: 1.250.000). */
  readonly locale?: string;
}

const useStyles = makeStyles({
  box: {
    position: 'relative',
    overflow: 'auto',
    width: '100%',
    maxWidth: '100%',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    outlineStyle: 'none',
  },
  spacer: { position: 'relative' },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  header: { position: 'sticky', top: 0, zIndex: 2, display: 'flex', height: `${ROW_HEIGHT}px` },
  cell: {
    flexShrink: 0,
    boxSizing: 'border-box',
    width: `${COL_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    paddingLeft: '4px',
    paddingRight: '4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  number: { textAlign: 'right' },
  colHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: `${HEADER_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'right',
  },
  corner: { zIndex: 3 },
  // The top-left cell of a merged range, as wide and tall as the range (by style): it reaches over the rows below.
  merged: { backgroundColor: tokens.colorNeutralBackground1 },
  mergedTall: { whiteSpace: 'normal', lineHeight: tokens.lineHeightBase200, paddingTop: '3px' },
  // A cell under a merged range: keeps its place in the row, draws nothing.
  covered: { flexShrink: 0, width: `${COL_WIDTH}px`, height: `${ROW_HEIGHT}px` },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  target: {
    outlineWidth: '2px',
    outlineStyle: 'solid',
    outlineColor: tokens.colorBrandStroke1,
    outlineOffset: '-2px',
  },
});

interface Cell {
  readonly row: number;
  readonly col: number;
}

function cellOf(address: string): Cell | undefined {
  try {
    return parseA1(address.split(':')[0] ?? address);
  } catch {
    return undefined;
  }
}

/** The merged ranges of more than one cell, each by the address of its top-left cell ("row:col"). */
export function mergeAnchors(merges: readonly Merge[]): Map<string, Merge> {
  const out = new Map<string, Merge>();
  for (const m of merges) if (m.rows > 1 || m.cols > 1) out.set(`${m.row}:${m.col}`, m);
  return out;
}

/** The merged ranges that reach rows first..last, and which of their cells in those rows are covered (every cell but the top-left). */
export function mergesInRows(anchors: ReadonlyMap<string, Merge>, first: number, last: number): { readonly spans: Merge[]; readonly covered: Map<string, Merge> } {
  const spans: Merge[] = [];
  const covered = new Map<string, Merge>();
  for (const m of anchors.values()) {
    if (m.row > last || m.row + m.rows - 1 < first) continue;
    spans.push(m);
    for (let r = Math.max(m.row, first); r <= Math.min(m.row + m.rows - 1, last); r++) {
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.set(`${r}:${c}`, m);
    }
  }
  return { spans, covered };
}

/** The first row in view and how many rows fill the box, from the scroll offset (header row excluded). */
export function visibleRows(scrollTop: number, height: number, rowCount: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return { first, last };
}

export function SheetGrid({ sheet, marks = [], target, height = 360, label, locale = 'vi-VN' }: SheetGridProps) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(0);
  const format = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }), [locale]);

  const anchors = useMemo(() => mergeAnchors(sheet.merges), [sheet.merges]);
  // A cell under a merged range is shown by the range's top-left cell.
  const shownAt = useMemo(() => {
    const list = [...anchors.values()];
    return (c: Cell): Cell => {
      const m = list.find((x) => c.row >= x.row && c.row < x.row + x.rows && c.col >= x.col && c.col < x.col + x.cols);
      return m ? { row: m.row, col: m.col } : c;
    };
  }, [anchors]);
  const marked = useMemo(() => {
    const map = new Map<string, GridMark[]>();
    for (const m of marks) {
      const found = cellOf(m.cell);
      if (!found) continue;
      const c = shownAt(found);
      const key = `${c.row}:${c.col}`;
      map.set(key, [...(map.get(key) ?? []), m]);
    }
    return map;
  }, [marks, shownAt]);
  const errors = useMemo(() => new Map(sheet.errors.map((e) => [`${e.row}:${e.col}`, e.code])), [sheet.errors]);
  const goal = target ? cellOf(target.cell) : undefined;
  const goalShown = goal ? shownAt(goal) : undefined;

  // Rows from 1 and columns from A, as the sheet shows them, up to the last filled cell (or a marked or target cell beyond it).
  const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  let rowCount = sheet.top + sheet.values.length;
  let colCount = sheet.left + width;
  for (const key of marked.keys()) {
    const [r, c] = key.split(':').map(Number);
    rowCount = Math.max(rowCount, r + 1);
    colCount = Math.max(colCount, c + 1);
  }
  if (goal) {
    rowCount = Math.max(rowCount, goal.row + 1);
    colCount = Math.max(colCount, goal.col + 1);
  }
  for (const m of anchors.values()) {
    rowCount = Math.max(rowCount, m.row + m.rows);
    colCount = Math.max(colCount, m.col + m.cols);
  }
  colCount = Math.max(colCount, 1);

  // Scroll the target into the middle of the box; the window follows the new offset at once.
  // Only a new request (seq) or another sheet moves the view, never a re-render.
  const goalRow = goal?.row;
  const goalCol = goal?.col;
  const seq = target?.seq;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (goalRow === undefined || goalCol === undefined) {
      // A new sheet without a target starts at its top.
      el.scrollTop = 0;
      el.scrollLeft = 0;
      setScroll(0);
      return;
    }
    const top = Math.max(0, goalRow * ROW_HEIGHT - Math.floor(height / 2));
    el.scrollTop = top;
    el.scrollLeft = Math.max(0, HEADER_WIDTH + goalCol * COL_WIDTH - Math.floor(el.clientWidth / 2));
    setScroll(top);
    // The page too: the box (and the cell in it) brought into the window, the cell focused (once the rows are rendered).
    const frame = requestAnimationFrame(() => {
      const cell = el.querySelector<HTMLElement>('[data-target="true"]');
      (cell ?? el).scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      cell?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [seq, sheet.name, goalRow, goalCol, height]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => setScroll(e.currentTarget.scrollTop);
  const { first, last } = visibleRows(scroll, height, rowCount);

  const value = (row: number, col: number): { text: string; numeric: boolean } => {
    const err = errors.get(`${row}:${col}`);
    if (err) return { text: err, numeric: false };
    const v: CellValue | undefined = sheet.values[row - sheet.top]?.[col - sheet.left];
    if (v === null || v === undefined) return { text: '', numeric: false };
    if (typeof v === 'number') return { text: format.format(v), numeric: true };
    if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', numeric: false };
    return { text: v, numeric: false };
  };

  const cols = Array.from({ length: colCount }, (_, c) => c);
  // The rows in view, and above them the top rows of merged ranges reaching into view (drawn over the rows below).
  const inView = mergesInRows(anchors, first, last);
  const above = [...new Set(inView.spans.filter((m) => m.row < first).map((m) => m.row))].sort((a, b) => a - b);
  const coveredIn = new Map(above.map((r) => [r, mergesInRows(anchors, r, r).covered]));
  const rows: ReactElement[] = [];
  for (const r of [...above, ...Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)]) {
    const covered = coveredIn.get(r) ?? inView.covered;
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: `${(r + 1) * ROW_HEIGHT}px` }} data-row={r + 1}>
        <div role="rowheader" className={mergeClasses(styles.cell, styles.rowHead)}>
          {r + 1}
        </div>
        {cols.map((c) => {
          const under = covered.get(`${r}:${c}`);
          // In the merged range's own row its top-left cell is as wide as the range; below it, the place is kept empty.
          if (under) return under.row === r ? null : <div key={c} className={styles.covered} aria-hidden="true" />;
          const span = anchors.get(`${r}:${c}`);
          const { text, numeric } = value(r, c);
          const m = marked.get(`${r}:${c}`);
          const severity = m ? (m.some((x) => x.severity === 'error') ? 'error' : 'warning') : undefined;
          const isTarget = goalShown !== undefined && goalShown.row === r && goalShown.col === c;
          const address = `${columnName(c)}${r + 1}`;
          return (
            <div
              key={c}
              role="gridcell"
              aria-colindex={c + 2}
              data-cell={address}
              {...(span ? { 'aria-rowspan': span.rows, 'aria-colspan': span.cols, 'data-range': `${address}:${columnName(c + span.cols - 1)}${r + span.rows}`, style: { width: `${span.cols * COL_WIDTH}px`, height: `${span.rows * ROW_HEIGHT}px` } } : {})}
              {...(severity ? { 'data-finding': severity } : {})}
              {...(isTarget ? { 'data-target': 'true', 'aria-selected': true, tabIndex: -1 } : {})}
              title={m ? `${address}: ${m.map((x) => x.message).join(' — ')}${text ? `\n${text}` : ''}` : text || undefined}
              className={mergeClasses(
                styles.cell,
                span && styles.merged,
                span && span.rows > 1 && styles.mergedTall,
                numeric && styles.number,
                severity === 'error' && styles.error,
                severity === 'warning' && styles.warning,
                isTarget && styles.target,
              )}
            >
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  const fullWidth = HEADER_WIDTH + colCount * COL_WIDTH;
  return (
    <div
      ref={box}
      className={styles.box}
      style={{ height: `${height}px` }}
      role="grid"
      aria-label={label}
      aria-readonly
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      tabIndex={0}
      onScroll={onScroll}
      data-testid="lkh-sheet-grid"
    >
      <div className={styles.spacer} style={{ height: `${(rowCount + 1) * ROW_HEIGHT}px`, width: `${fullWidth}px` }}>
        <div role="row" aria-rowindex={1} className={styles.header} style={{ width: `${fullWidth}px` }}>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.colHead, styles.rowHead, styles.corner)} />
          {cols.map((c) => (
            <div key={c} role="columnheader" className={mergeClasses(styles.cell, styles.colHead)}>
              {columnName(c)}
            </div>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}
