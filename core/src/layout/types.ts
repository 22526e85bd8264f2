/**
 * A host-neutral sheet layout: what a form looks like on a sheet. Produced by the layout
 * engine from a FormDefinition (layout/engine.ts); applied by each workbook port
 * (in memory, ExcelJS, office-js, Apps Script). Rows and columns are 0-based.
 */
import type { FormId } from '../forms/types';

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (default 11). */
  readonly size?: number;
  readonly hAlign?: HAlign;
  readonly vAlign?: VAlign;
  readonly wrap?: boolean;
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Background as RRGGBB. */
  readonly fill?: string;
  /** Invariant Excel number format, e.g. '#,##0'. */
  readonly numberFormat?: string;
}

export type StyleName =
  | 'title'
  | 'recipientsHeading'
  | 'recipient'
  | 'subtitle'
  | 'heading'
  | 'paragraph'
  | 'note'
  | 'italic'
  | 'field'
  | 'header'
  | 'columnNumber'
  | 'group'
  | 'fixed'
  | 'fixedBold'
  | 'text'
  | 'textWrap'
  | 'number'
  | 'amount'
  | 'amountTotal'
  | 'percent'
  | 'date'
  | 'center'
  | 'signature'
  | 'signatureNote'
  | 'letterhead'
  | 'letterheadBold'
  | 'letterheadDate'
  | 'rule'
  | 'dotted'
  | 'key'
  | 'keyHeader';

export type LayoutValue = string | number | null;

export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  readonly value: LayoutValue;
  /** Formula without the leading '=', in A1 notation, e.g. 'H12+I12'. */
  readonly formula?: string;
  readonly style: StyleName;
}

export interface Merge {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export type Validation =
  /** A drop-down; `open`: the values are suggestions and any other text is accepted (Ngành/Lĩnh vực, Tên nguồn vốn). */
  | { readonly kind: 'list'; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly values: readonly string[]; readonly open?: boolean }
  | { readonly kind: 'decimal'; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly min: number; readonly max?: number }
  | { readonly kind: 'whole'; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly min: number; readonly max?: number };

export interface PrintSetup {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page width. */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  readonly repeatRows?: { readonly from: number; readonly to: number };
  readonly area: { readonly rows: number; readonly cols: number };
}

/**
 * The footer every printed sheet carries: the page and the page count ("Trang 3/18"), in Excel's
 * header/footer codes (&P page, &N pages), centred. Plans of 18 pages are signed page by page.
 */
export const PAGE_FOOTER = 'Trang &P/&N';

/** Where a table landed on the sheet, so readers and writers can find it again. */
export interface TablePlacement {
  readonly key: string;
  /** First header row and number of header rows. */
  readonly headerRow: number;
  readonly headerRows: number;
  /** First body row and number of body rows (groups, fixed rows and entry rows). */
  readonly bodyRow: number;
  readonly bodyRows: number;
  /** Sheet column where each table column starts, and how many sheet columns it spans. */
  readonly columns: readonly { readonly key: string; readonly col: number; readonly span: number }[];
  /** Body rows of group/fixed rows by their key (0-based sheet rows). */
  readonly rowKeys: Readonly<Record<string, number>>;
}

export interface SheetLayout {
  readonly name: string;
  readonly formId?: FormId;
  readonly columnWidths: readonly number[];
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly cells: readonly LayoutCell[];
  readonly merges: readonly Merge[];
  readonly validations: readonly Validation[];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly print: PrintSetup;
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly tables: readonly TablePlacement[];
}
