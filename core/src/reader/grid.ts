/**
 * A sheet as text: every cell decoded to NFC Unicode (TCVN3/VNI converted), merged cells
 * known, error cells kept apart. The reader works on this, never on raw host values.
 */
import type { CellValue, SheetData } from '../port/types';
import { foldKey, toUnicode } from '../text';
import type { LegacyEncoding } from '../text';
import { a1 } from '../util/a1';

export interface GridCell {
  /** The value as read (a formula's cached value). */
  readonly raw: CellValue;
  /** Text form: NFC, decoded from legacy fonts, trimmed. '' for empty cells. */
  readonly text: string;
  /** foldKey(text), folded once when first asked. */
  readonly key: string;
  readonly error?: string;
  readonly formula?: string;
}

const EMPTY: GridCell = { raw: null, text: '', key: '' };

/**
 * A cell holding something. Its key is folded when first asked: most cells of a long sheet (a
 * plan's 1,000 activity rows) are read for their text or value and never compared by key.
 */
class FilledCell implements GridCell {
  private folded: string | undefined;
  error?: string;
  formula?: string;

  constructor(
    readonly raw: CellValue,
    readonly text: string,
  ) {}

  get key(): string {
    if (this.folded === undefined) this.folded = foldKey(this.text);
    return this.folded;
  }
}
/** Merged areas larger than this are not spread over their cells. */
const MAX_MERGE_CELLS = 100_000;
/** The one row of a sparse sheet's empty rows (SheetData may hold rows shorter than the sheet, even empty ones). */
const NO_CELLS: GridCell[] = [];

export class TextGrid {
  readonly name: string;
  /** Sheet rows [top, bottom) and columns [left, right) that hold values. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly legacy: { encoding?: LegacyEncoding; count: number; firstCell?: string };
  private readonly cells: GridCell[][];
  /** For each merged area's non-master cell, the master's position. */
  private readonly mergeMaster = new Map<string, { row: number; col: number }>();

  constructor(data: SheetData) {
    this.name = data.name;
    this.top = data.top;
    this.left = data.left;
    this.bottom = data.top + data.values.length;
    // A loop, not Math.max(...rows): a sheet reaching row 1,048,576 (one stray cell) has a million rows.
    let width = 0;
    for (const r of data.values) if (r.length > width) width = r.length;
    this.right = data.left + width;
    const errors = new Map(data.errors.map((e) => [`${e.row}:${e.col}`, e.code]));
    let legacyCount = 0;
    let encoding: LegacyEncoding | undefined;
    let firstCell: string | undefined;
    this.cells = data.values.map((rowValues, i) =>
      rowValues.length === 0 ? NO_CELLS : rowValues.map((raw, j) => {
        const row = data.top + i;
        const col = data.left + j;
        const error = errors.size > 0 ? errors.get(`${row}:${col}`) : undefined;
        const formula = data.formulas?.[i]?.[j] ?? undefined;
        if (raw === null && error === undefined) return formula ? { ...EMPTY, formula } : EMPTY;
        let text = '';
        if (typeof raw === 'string') {
          const decoded = toUnicode(raw, data.fonts?.[i]?.[j] ?? undefined);
          text = decoded.text.trim();
          if (decoded.encoding) {
            legacyCount++;
            encoding ??= decoded.encoding;
            firstCell ??= a1(row, col);
          }
        } else if (typeof raw === 'number') {
          text = String(raw);
        } else if (typeof raw === 'boolean') {
          text = raw ? 'TRUE' : 'FALSE';
        }
        // toUnicode's text is NFC already, numbers and booleans are ASCII: no second nfc() per cell.
        const cell = new FilledCell(raw, text);
        if (error) cell.error = error;
        if (formula) cell.formula = formula;
        return cell;
      }),
    );
    for (const e of data.errors) {
      // errors outside the value grid still count
      const i = e.row - data.top;
      const j = e.col - data.left;
      if (i >= 0 && j >= 0 && this.cells[i] && this.cells[i][j] === EMPTY) this.cells[i][j] = { ...EMPTY, error: e.code };
    }
    for (const m of data.merges) {
      // A merge over a whole sheet (a careless select-all → Merge) would take billions of entries:
      // only its master shows a value then, which is what the reader needs of it anyway.
      if (m.rows * m.cols > MAX_MERGE_CELLS) continue;
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          if (r !== m.row || c !== m.col) this.mergeMaster.set(`${r}:${c}`, { row: m.row, col: m.col });
        }
      }
    }
    this.legacy = { ...(encoding ? { encoding } : {}), count: legacyCount, ...(firstCell ? { firstCell } : {}) };
  }

  /** The cell itself (empty for cells inside a merge other than its master). */
  at(row: number, col: number): GridCell {
    const r = this.cells[row - this.top];
    return (r && r[col - this.left]) || EMPTY;
  }

  /** The cell's visible content: a merged area shows its master's value in every covered cell. */
  shown(row: number, col: number): GridCell {
    const m = this.mergeMaster.get(`${row}:${col}`);
    return m ? this.at(m.row, m.col) : this.at(row, col);
  }

  /** True when the cell is covered by a merge but is not its master. */
  isMergedChild(row: number, col: number): boolean {
    return this.mergeMaster.has(`${row}:${col}`);
  }

  /** Master cell position of the merge covering (row, col), or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    return this.mergeMaster.get(`${row}:${col}`) ?? { row, col };
  }

  /** The cells of a row as held: a sparse sheet's rows are only as long as their last cell. */
  private rowOf(row: number): readonly GridCell[] {
    return this.cells[row - this.top] ?? NO_CELLS;
  }

  rowIsEmpty(row: number): boolean {
    for (const cell of this.rowOf(row)) if (cell.text !== '' || cell.error) return false;
    return true;
  }

  /** Non-empty cells of a row, left to right. */
  rowCells(row: number): { col: number; cell: GridCell }[] {
    const out: { col: number; cell: GridCell }[] = [];
    this.rowOf(row).forEach((cell, j) => {
      if (cell.text !== '' || cell.error) out.push({ col: this.left + j, cell });
    });
    return out;
  }
}
