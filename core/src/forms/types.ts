/**
 * The official forms of the handbook's Part II as typed data (STYLE.md §3).
 *
 * A form is an ordered list of blocks: lines of text (titles, fields such as
 * "Năm kế hoạch (X+1):", paragraphs of minutes and letters), tables (header rows
 * with merged cells, typed columns, group rows, fixed indicator rows, empty rows to
 * fill in) and signature blocks. Layouts for every host are generated from this
 * data (core/src/layout), and the tolerant reader recognises forms from it.
 *
 * Wording is the handbook's, word for word, with diacritics: the fidelity test
 * (core/test/forms-fidelity.test.ts) finds every text of every form in the
 * handbook, except the few strings a form lists in `ownText` (with the reason).
 */

export const FORM_IDS = [
  'I.1',
  'I.2',
  'I.3',
  'I.4',
  'II.1',
  'II.2',
  'II.3',
  'II.4.A',
  'II.4.B',
  'II.6.A',
  'II.6.B',
  'II.6.C',
  'II.7.A',
  'II.7.B',
  'II.8',
  'II.9',
  'II.10',
  'III.1',
  'IV.1',
] as const;

export type FormId = (typeof FORM_IDS)[number];

/** Who fills the form in: thôn (village), xã (commune), huyện (district), tỉnh (province). */
export type Level = 'thon' | 'xa' | 'huyen' | 'tinh';

/** The unit a form is made for, named in its "Thôn: …" / "Xã: …" field. */
export type UnitKind = 'thon' | 'xa' | 'ban-nganh' | 'huyen' | 'tinh';

/** Activity forms count money in 1.000 đồng; II.6.C, III.1 and IV.1 in triệu đồng. */
export type MoneyUnit = 'nghin-dong' | 'trieu-dong';

/**
 * What a column holds.
 * - `stt`: running number (STT/TT) or group code (A, B, I, 1.1).
 * - `text` / `longtext`: short text (ĐVT, Thời gian) / wrapped paragraph text.
 * - `number`: quantity (Số lượng) or indicator value; `amount`: money in the form's unit.
 * - `percent`, `date`, `rank` (Ưu tiên: 1 = highest), `yesno` (Có/Không), `choice` (drop-down of `choices`).
 */
export type ColumnKind = 'stt' | 'text' | 'longtext' | 'number' | 'amount' | 'percent' | 'date' | 'rank' | 'yesno' | 'choice';

/**
 * Stable semantic keys of the columns the workflow reads and writes. Forms may use
 * other keys for columns nothing reads (e.g. a criterion's threshold).
 */
export type ActivityColumnKey =
  | 'stt'
  | 'priority' // Ưu tiên
  | 'activity' // Hoạt động
  | 'objective' // Mục tiêu
  | 'unit' // ĐVT
  | 'quantity' // Số lượng
  | 'time' // Thời gian
  | 'place' // Địa điểm
  | 'responsible' // Trách nhiệm / Người chịu trách nhiệm
  | 'total' // Tổng số
  | 'contribution' // Dân góp
  | 'support' // Cần hỗ trợ (I.2, II.3)
  | 'budget' // Ngân sách (đã rõ nguồn vốn)
  | 'proposed' // Đề xuất (chưa rõ nguồn vốn)
  | 'sector' // Ngành/Lĩnh vực
  | 'fundSource' // Tên nguồn vốn
  | 'mechanism' // Cơ chế thực hiện
  | 'other' // Nội dung khác
  | 'note'; // Ghi chú

export interface ColumnDef {
  /** Stable key, unique within its table. Use an ActivityColumnKey where one fits. */
  readonly key: string;
  readonly kind: ColumnKind;
  /** Column width in characters (Excel's unit). */
  readonly width: number;
  /** Drop-down values for `choice` columns (and `yesno`, default Có/Không). */
  readonly choices?: readonly string[];
  /**
   * A drop-down of the usual values that still accepts any other text: the sectors of the
   * handbook (L547), or the plan period's fund sources (given to the layout by its caller).
   */
  readonly suggest?: 'sector' | 'fundSource';
  /** Row-total formula: this cell = the sum of these columns of the same row. */
  readonly sumOf?: readonly string[];
  /** An activity row is incomplete without this cell (SPEC §4 rule 3: what/where/when/who/how much). */
  readonly required?: boolean;
}

/** One cell of a table's header. Rows and columns are 0-based within the table's header. */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/**
 * The rows printed in a table's body, in order.
 * - `group`: a bold section row ("A | Các hoạt động không cần nguồn vốn bên ngoài").
 * - `fixed`: a pre-printed row — an indicator of I.1/II.8, a criterion of II.1, a line
 *   of II.6.C or III.1 — whose other cells are filled in (or pre-printed in `cells`).
 * - `entry`: `count` empty rows to type in.
 * `code` goes in the table's `codeColumn`, `label` in its `labelColumn`.
 */
export type TableRow =
  | { readonly kind: 'group'; readonly key: string; readonly code?: string; readonly label: string; readonly depth: number }
  | {
      readonly kind: 'fixed';
      readonly key: string;
      readonly code?: string;
      readonly label: string;
      readonly depth: number;
      /**
       * The column the label prints in when it is not the table's label column: III.1/IV.1 print
       * "Vốn đầu tư phát triển:" in the Nội dung/hạng mục cell, where the items are written after
       * it (L3294-L3344). The reader finds the row by the cell's beginning.
       */
      readonly labelIn?: string;
      /** Other pre-printed cells of the row, by column key (e.g. { unit: 'ha' }). */
      readonly cells?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'entry'; readonly count: number };

/** What a table is for; the reader and the workflow look tables up by role. */
export type TableRole =
  | 'strengths' // Thuận lợi
  | 'difficulties' // Khó khăn / Nguyên nhân / Giải pháp (/ Mục tiêu)
  | 'activities' // proposed activities
  | 'indicators' // fixed indicator list (I.1, II.8, tables of II.7.A)
  | 'criteria' // II.1
  | 'schedule' // II.2 calendar
  | 'sources' // II.6.C, III.1, IV.1: money by source
  | 'attendance' // participants, tallies
  | 'feedback' // II.10
  | 'other';

export interface TableBlock {
  readonly kind: 'table';
  /** Unique within the form, e.g. 'activities'. */
  readonly key: string;
  readonly role: TableRole;
  /** Optional caption printed above the table (handbook wording). */
  readonly caption?: string;
  readonly columns: readonly ColumnDef[];
  readonly header: readonly HeaderCell[];
  /** Print a row of column numbers (1, 2, 3 …) under the header, as III.1 does. */
  readonly columnNumbers?: boolean;
  /** Column key that receives group/fixed row codes (STT, TT). */
  readonly codeColumn?: string;
  /** Column key that receives group/fixed row labels. */
  readonly labelColumn: string;
  readonly rows: readonly TableRow[];
}

/** A line of text. `{…}` is never used: values are filled by `fields` blocks. */
export interface TextBlock {
  readonly kind: 'text';
  readonly style: 'title' | 'subtitle' | 'heading' | 'paragraph' | 'note' | 'italic';
  readonly text: string;
  readonly align?: 'left' | 'center' | 'right';
}

/** Empty lines to write on (minutes, letters): printed as dotted lines. */
export interface LinesBlock {
  readonly kind: 'lines';
  readonly count: number;
}

/**
 * A line of labelled fields, e.g. "Năm kế hoạch (X+1): ……" on the left and "Thôn: ……"
 * on the right. `value` says what the layout engine writes after the label.
 */
export interface FieldsBlock {
  readonly kind: 'fields';
  readonly fields: readonly Field[];
}

export interface Field {
  readonly label: string;
  readonly value: 'planYear' | 'reportYear' | 'unit' | 'blank';
  readonly align?: 'left' | 'right';
}

/** The national header of letters and minutes (Quốc hiệu) beside the issuing body. */
export interface LetterheadBlock {
  readonly kind: 'letterhead';
  readonly left: readonly string[];
  readonly right: readonly string[];
}

export interface SignatureBlock {
  readonly kind: 'signatures';
  /** The place-and-date line, handbook wording (".........., ngày..... tháng ......  năm ……"). */
  readonly dateLine?: string;
  readonly signers: readonly Signer[];
  /**
   * "Nơi nhận:" and its lines, set on the left beside the (last) signer, as letters are laid
   * out (Nghị định 30/2020/NĐ-CP, Phụ lục I; the handbook's L1720-L1727, L3278-L3283).
   */
  readonly recipients?: readonly string[];
}

export interface Signer {
  readonly title: string;
  /** e.g. "(Ký, ghi rõ họ tên)" */
  readonly note?: string;
}

export type Block = TextBlock | LinesBlock | FieldsBlock | LetterheadBlock | TableBlock | SignatureBlock;

export interface FormDefinition {
  readonly id: FormId;
  /** "Mẫu biểu I.2" (or "Biểu III.1"), as the handbook's heading writes it. */
  readonly code: string;
  /** The heading's title, word for word. */
  readonly title: string;
  /** The short title from the list of forms (L921-L1000). */
  readonly shortTitle: string;
  readonly level: Level;
  readonly unitKind: UnitKind;
  /** Where the form is in the handbook (line of its heading), or what it was designed from. */
  readonly source: { readonly line: number } | { readonly derivedFrom: FormId; readonly reason: string };
  readonly orientation: 'portrait' | 'landscape';
  readonly moneyUnit?: MoneyUnit;
  readonly blocks: readonly Block[];
  /**
   * Texts of this form that are not in the handbook, each with why. The fidelity test
   * skips exactly these. Keep it short: II.7.B (not in the handbook) is the main user.
   */
  readonly ownText?: readonly { readonly text: string; readonly reason: string }[];
}
