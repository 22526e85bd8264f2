/**
 * A read-only view of one sheet (the standalone page has no spreadsheet of its own to show the
 * workbook in): row numbers and column letters as Excel shows them, the cells' displayed values,
 * findings marked on their cells, and a target cell scrolled to and outlined.
 *
 * Virtualised by hand with a fixed row height: only the rows in view (and a few either side) are
 * in the DOM, absolutely placed inside a spacer as tall as the whole sheet, so a 3,000-row sheet
 * scrolls as smoothly as a 30-row one. Columns are few (forms have at most a few dozen) and all
 * rendered. The grid scrolls inside its own box: the page itself never scrolls sideways.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, UIEvent } from 'react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
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

  const marked = useMemo(() => {
    const map = new Map<string, GridMark[]>();
    for (const m of marks) {
      const c = cellOf(m.cell);
      if (!c) continue;
      const key = `${c.row}:${c.col}`;
      map.set(key, [...(map.get(key) ?? []), m]);
    }
    return map;
  }, [marks]);
  const errors = useMemo(() => new Map(sheet.errors.map((e) => [`${e.row}:${e.col}`, e.code])), [sheet.errors]);
  const goal = target ? cellOf(target.cell) : undefined;

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
  const rows: ReactElement[] = [];
  for (let r = first; r <= last; r++) {
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: `${(r + 1) * ROW_HEIGHT}px` }} data-row={r + 1}>
        <div role="rowheader" className={mergeClasses(styles.cell, styles.rowHead)}>
          {r + 1}
        </div>
        {cols.map((c) => {
          const { text, numeric } = value(r, c);
          const m = marked.get(`${r}:${c}`);
          const severity = m ? (m.some((x) => x.severity === 'error') ? 'error' : 'warning') : undefined;
          const isTarget = goal !== undefined && goal.row === r && goal.col === c;
          const address = `${columnName(c)}${r + 1}`;
          return (
            <div
              key={c}
              role="gridcell"
              aria-colindex={c + 2}
              data-cell={address}
              {...(severity ? { 'data-finding': severity } : {})}
              {...(isTarget ? { 'data-target': 'true', 'aria-selected': true } : {})}
              title={m ? `${address}: ${m.map((x) => x.message).join(' — ')}${text ? `\n${text}` : ''}` : text || undefined}
              className={mergeClasses(styles.cell, numeric && styles.number, severity === 'error' && styles.error, severity === 'warning' && styles.warning, isTarget && styles.target)}
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
