/**
 * What an .xlsx read holds at most, and the document state's sheet: shared by XlsxWorkbook
 * (ExcelJS) and the read-only XML reader (fast-read.ts), which must read files alike.
 */
import { PortError, stateFromJson } from '../port/memory';
import type { DocumentState } from '../port/types';
import { STATE_MAX_CHARS } from '../port/state';

/** Excel's limit of characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Cells with content one read may return (a commune's real files hold tens of thousands). */
export const MAX_READ_CELLS = 2_000_000;

/** The refusal of a file with more than MAX_READ_CELLS cells holding something (either reader, naming the sheet it reached). */
export function tooManyCells(sheet: string): PortError {
  return new PortError('WORKBOOK_TOO_LARGE', `tệp có hơn ${MAX_READ_CELLS.toLocaleString('vi-VN')} ô có dữ liệu (trang "${sheet}"), vượt xa một biểu mẫu của xã; LKH không đọc để tránh treo máy. Hãy xóa các hàng, cột thừa rồi lưu lại.`);
}

/** The very hidden sheet holding the document state. */
export const STATE_SHEET = '_lkh';
/** Written in A1 of the state sheet; a newer format gets a new tag. */
export const STATE_TAG = 'lkh-state/1';
/** Characters of JSON per cell (Excel allows 32,767). */
export const STATE_CHUNK = 32_000;

/**
 * The state's JSON from the state sheet's column A (`valueAt(row)`, 0-based): the tag, then the JSON
 * in pieces, joined; undefined when the sheet holds no state.
 */
export function stateJsonFromColumn(valueAt: (row: number) => unknown): string | undefined {
  const tag = valueAt(0) ?? null;
  if (tag === null) return undefined;
  if (tag !== STATE_TAG) {
    throw new PortError('STATE_INVALID', `Trạng thái tài liệu có định dạng "${String(tag)}" mà phiên bản LKH này không đọc được.`);
  }
  const pieces: string[] = [];
  let length = 0;
  for (let r = 1; ; r++) {
    const piece = valueAt(r);
    if (typeof piece !== 'string') break;
    // Bounded before the pieces are joined (port/state.ts): a state sheet of a million rows is not read whole.
    length += piece.length;
    if (length > STATE_MAX_CHARS) throw new PortError('STATE_INVALID', `Trạng thái tài liệu lưu trong sổ làm việc bị hỏng: dài hơn ${STATE_MAX_CHARS.toLocaleString('vi-VN')} ký tự.`);
    pieces.push(piece);
  }
  return pieces.length === 0 ? undefined : pieces.join('');
}

/** The document state from the state sheet's column A (see stateJsonFromColumn), checked (stateFromJson). */
export function stateFromColumn(valueAt: (row: number) => unknown): DocumentState {
  const json = stateJsonFromColumn(valueAt);
  return json === undefined ? {} : stateFromJson(json);
}
