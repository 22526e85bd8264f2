/**
 * Applies a SheetLayout to an ExcelJS worksheet: values and formulas, styles, merges, sizes,
 * data validations, print setup and frozen panes.
 */
import { PAGE_FOOTER } from '../layout/types';
import type { DataValidation, Style, Workbook, Worksheet } from 'exceljs';
import type { CellStyle, SheetLayout, StyleName, Validation } from '../layout/types';
import { LAYOUT_FONT, LAYOUT_FONT_SIZE, bareFormula } from '../port/memory';
import { a1, columnName, quoteSheet, rangeA1 } from '../util/a1';

/** Hidden sheet holding lists too long (or with commas) for a validation's literal list. */
export const LISTS_SHEET = '_lkh_lists';
/** Excel caps a data validation's literal list at 255 characters, separators included. */
export const MAX_LIST_LITERAL = 255;
/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

/** The part of ExcelJS's worksheet API the typings leave out. */
export interface DataValidations {
  add(address: string, validation: DataValidation): void;
  model: Record<string, DataValidation | undefined>;
}

export function dataValidations(ws: Worksheet): DataValidations {
  return (ws as unknown as { dataValidations: DataValidations }).dataValidations;
}

const thin = { style: 'thin' as const };

/** The ExcelJS style of a layout style: Times New Roman, thin borders, solid fill. */
export function excelStyle(s: CellStyle): Partial<Style> {
  const style: Partial<Style> = {
    font: {
      name: LAYOUT_FONT,
      size: s.size ?? LAYOUT_FONT_SIZE,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
    },
  };
  if (s.hAlign !== undefined || s.vAlign !== undefined || s.wrap !== undefined) {
    style.alignment = {
      ...(s.hAlign !== undefined ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign !== undefined ? { vertical: s.vAlign } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
    };
  }
  if (s.border) style.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill.toUpperCase()}` } };
  if (s.numberFormat !== undefined) style.numFmt = s.numberFormat;
  return style;
}

/** A number as Vietnamese readers write it: 1.000.000,5 */
export function numberText(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = /e/i.test(int) ? int : int.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

function rangeMessage(kind: 'decimal' | 'whole', min: number, max: number | undefined): string {
  const what = kind === 'whole' ? 'Nhập số nguyên' : 'Nhập số';
  return max === undefined ? `${what} từ ${numberText(min)} trở lên.` : `${what} từ ${numberText(min)} đến ${numberText(max)}.`;
}

/** The formula of a list validation: a literal list when short and comma-free, else a range of the lists sheet. */
/** The formula of each list already written to a workbook, by its values (a plan asks for the same lists on every row). */
const LIST_FORMULAS = new WeakMap<Workbook, Map<string, string>>();

function listFormula(wb: Workbook, values: readonly string[]): string {
  let known = LIST_FORMULAS.get(wb);
  if (!known) LIST_FORMULAS.set(wb, (known = new Map()));
  const id = values.join('\u0000');
  let formula = known.get(id);
  // A list kept on the lists sheet is reused only while that sheet is still there.
  if (formula !== undefined && !formula.startsWith('"') && !wb.worksheets.some((w) => w.name.toLowerCase() === LISTS_SHEET)) formula = undefined;
  if (formula === undefined) {
    formula = listFormulaUncached(wb, values);
    known.set(id, formula);
  }
  return formula;
}

function listFormulaUncached(wb: Workbook, values: readonly string[]): string {
  const literal = values.join(',');
  if (literal.length <= MAX_LIST_LITERAL && !values.some((v) => v.includes(',') || v.includes('"'))) return `"${literal}"`;
  const sheet = wb.worksheets.find((w) => w.name.toLowerCase() === LISTS_SHEET) ?? wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  // Reuse a column holding the same list; else take the next free column.
  let col = 1;
  for (; ; col++) {
    const first = sheet.findCell(1, col);
    if (first === undefined || first.value === null || first.value === undefined) break;
    const same = values.every((v, i) => sheet.findCell(i + 1, col)?.value === v) && !sheet.findCell(values.length + 1, col)?.value;
    if (same) break;
  }
  values.forEach((v, i) => {
    sheet.getCell(i + 1, col).value = v;
  });
  const column = columnName(col - 1);
  return `${quoteSheet(sheet.name)}!$${column}$1:$${column}$${values.length}`;
}

function excelValidation(wb: Workbook, v: Validation): DataValidation | undefined {
  if (v.kind === 'list') {
    if (v.values.length === 0) return undefined;
    return {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(wb, v.values)],
      // An open list suggests; any other text is accepted without a warning.
      showErrorMessage: !v.open,
      errorStyle: 'stop',
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Chọn một giá trị trong danh sách.',
    };
  }
  return {
    type: v.kind,
    allowBlank: true,
    operator: v.max === undefined ? 'greaterThanOrEqual' : 'between',
    formulae: v.max === undefined ? [v.min] : [v.min, v.max],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: rangeMessage(v.kind, v.min, v.max),
  };
}

/** Writes a layout into an empty worksheet. */
export function applyLayout(wb: Workbook, ws: Worksheet, layout: SheetLayout): void {
  const styles = new Map<StyleName, Partial<Style>>();
  const styleOf = (name: StyleName): Partial<Style> => {
    let s = styles.get(name);
    if (!s) {
      const def = layout.styles[name];
      s = excelStyle(def ?? {});
      styles.set(name, s);
    }
    return s;
  };

  layout.columnWidths.forEach((width, i) => {
    if (width > 0) ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(layout.rowHeights)) {
    if (height > 0) ws.getRow(Number(row) + 1).height = height;
  }

  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      cell.value = c.value === null || c.value === '' ? { formula: bareFormula(c.formula) } : { formula: bareFormula(c.formula), result: c.value };
    } else {
      cell.value = c.value === '' ? null : c.value;
    }
    // One style object per layout style, shared by its cells: ExcelJS then writes each distinct style once
    // (its styles registry caches by object). Nothing here sets a single property of a cell's style
    // afterwards (ExcelJS would mutate the shared object in place); merges share the master's object too.
    cell.style = styleOf(c.style);
  }

  // Merging after the cells gives the covered cells the top-left cell's style (borders of the whole area).
  for (const m of layout.merges) {
    if (m.rows > 1 || m.cols > 1) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }

  for (const v of layout.validations) {
    const validation = excelValidation(wb, v);
    if (validation) dataValidations(ws).add(rangeA1(v.row, v.col, v.rows, v.cols), validation);
  }

  const p = layout.print;
  ws.pageSetup.paperSize = PAPER_A4;
  ws.pageSetup.orientation = p.orientation;
  if (p.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  } else {
    ws.pageSetup.fitToPage = false;
  }
  // ExcelJS prefixes "$" to each side of the range it is given; rows must be absolute too, or
  // LibreOffice and Excel read the area relative to the active cell: so give "A$1:Q$28".
  if (p.area.rows > 0 && p.area.cols > 0) ws.pageSetup.printArea = `A$1:${columnName(p.area.cols - 1)}$${p.area.rows}`;
  if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows.from + 1}:${p.repeatRows.to + 1}`;
  // Page numbers on every page ("Trang 3/18"), in the forms' font.
  ws.headerFooter.oddFooter = `&C&"Times New Roman,Regular"&10${PAGE_FOOTER}`;
  ws.headerFooter.evenFooter = ws.headerFooter.oddFooter;

  const f = layout.freeze;
  if (f && (f.rows > 0 || f.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: f.cols, ySplit: f.rows, topLeftCell: a1(f.rows, f.cols) }];
  }
}
