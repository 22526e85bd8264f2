/** Layouts and workbooks shared by the port tests. */
import ExcelJS from 'exceljs';
import type { CellStyle, LayoutCell, SheetLayout, StyleName } from '../../src/layout/types';
import type { MemoryCellInput } from '../../src/port/memory';
import type { DocumentState } from '../../src/port/types';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const plain: CellStyle = { size: 11 };

export const TEST_STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, size: 14, hAlign: 'center', vAlign: 'middle', wrap: true },
  subtitle: { bold: true, size: 12, hAlign: 'center' },
  recipientsHeading: { bold: true, italic: true },
  recipient: plain,
  heading: { bold: true },
  paragraph: plain,
  note: { italic: true, size: 10 },
  italic: { italic: true },
  field: plain,
  header: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: 'f2f2f2' },
  columnNumber: { italic: true, size: 10, hAlign: 'center', border: true },
  group: { bold: true, border: true },
  fixed: { border: true },
  fixedBold: { bold: true, border: true },
  text: { border: true, vAlign: 'top' },
  textWrap: { border: true, wrap: true },
  number: { border: true, hAlign: 'right', numberFormat: '#,##0' },
  amount: { border: true, hAlign: 'right', numberFormat: '#,##0;-#,##0;""' },
  amountTotal: { bold: true, border: true, numberFormat: '#,##0' },
  percent: { border: true, numberFormat: '0%' },
  date: { border: true, numberFormat: 'dd/mm/yyyy' },
  center: { hAlign: 'center' },
  signature: { bold: true, hAlign: 'center' },
  signatureNote: { italic: true, hAlign: 'center' },
  letterhead: { hAlign: 'center' },
  letterheadBold: { bold: true, hAlign: 'center' },
  letterheadDate: { italic: true, hAlign: 'center' },
  rule: { fill: '000000' },
  dotted: { vAlign: 'bottom' },
  key: { size: 8 },
  keyHeader: { italic: true, size: 8 },
};

/**
 * A small form: title merged over A1:D1, a two-row header, two body rows with a total formula,
 * a list validation, a number validation, landscape A4 with repeated header rows, frozen header.
 */
export function sampleLayout(name = 'II.4.B', overrides: Partial<SheetLayout> = {}): SheetLayout {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: 'KẾ HOẠCH THỰC HIỆN', style: 'title' },
    { row: 2, col: 0, value: 'TT', style: 'header' },
    { row: 2, col: 1, value: 'Nội dung', style: 'header' },
    { row: 2, col: 2, value: 'Số lượng', style: 'header' },
    { row: 2, col: 3, value: 'Thành tiền', style: 'header' },
    { row: 3, col: 0, value: 1, style: 'center' },
    { row: 3, col: 1, value: 'Đường giao thông', style: 'text' },
    { row: 3, col: 2, value: 2, style: 'number' },
    { row: 3, col: 3, value: 1500000, style: 'amount' },
    { row: 4, col: 0, value: 2, style: 'center' },
    { row: 4, col: 1, value: 'Nhà văn hoá', style: 'text' },
    { row: 4, col: 2, value: 1, style: 'number' },
    { row: 4, col: 3, value: 2500000, style: 'amount' },
    { row: 5, col: 1, value: 'Tổng cộng', style: 'fixedBold' },
    { row: 5, col: 3, value: 4000000, formula: 'SUM(D4:D5)', style: 'amountTotal' },
  ];
  return {
    name,
    columnWidths: [6, 40, 12, 16],
    rowHeights: { 0: 30, 2: 24 },
    cells,
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    validations: [
      { kind: 'list', row: 3, col: 1, rows: 2, cols: 1, values: ['Đường giao thông', 'Nhà văn hoá', 'Trường học'] },
      { kind: 'whole', row: 3, col: 2, rows: 2, cols: 1, min: 0 },
      { kind: 'decimal', row: 3, col: 3, rows: 2, cols: 1, min: 0, max: 1e12 },
    ],
    styles: TEST_STYLES,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { from: 2, to: 2 }, area: { rows: 6, cols: 4 } },
    freeze: { rows: 3, cols: 0 },
    tables: [],
    ...overrides,
  };
}

export type ArraySheets = Readonly<Record<string, readonly (readonly MemoryCellInput[])[]>>;
export interface ArrayOptions {
  readonly state?: DocumentState;
  readonly hidden?: readonly string[];
}

/** The same workbook as MemoryWorkbook.fromArrays, built with ExcelJS as a real file would hold it. */
export async function excelFromArrays(sheets: ArraySheets, options: ArrayOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name, { state: options.hidden?.includes(name) ? 'hidden' : 'visible' });
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof input !== 'object') {
          cell.value = input;
          return;
        }
        const result = input.error !== undefined ? { error: input.error as '#REF!' } : (input.value ?? undefined);
        if (input.formula !== undefined) cell.value = { formula: input.formula, result };
        else cell.value = result ?? null;
        if (input.font !== undefined) cell.font = { name: input.font };
      }),
    );
  }
  if (options.state) {
    const port = await XlsxWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
    await port.writeState(options.state);
    return port.save();
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
