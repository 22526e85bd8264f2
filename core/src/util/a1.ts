/**
 * A1 addresses, the one codec of core (util, the readers, trim.ts, XlsxWorkbook): rows and columns
 * are 0-based everywhere in core; addresses are Excel's 1-based A1 form.
 */

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16_383;
export const MAX_ROW = 1_048_575;

/** The 0-based column of letters ("A" → 0, "XFD" → 16,383), either case; -1 when they are not 1-3 letters. */
export function columnIndex(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return n - 1;
}

/** One end of a range: "$B$7" → { row: 6, col: 1 }; a whole column or row leaves the other undefined ("B", "7"). */
export interface RangeEnd {
  readonly row?: number;
  readonly col?: number;
}

const END = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function rangeEnd(text: string): RangeEnd | undefined {
  const m = END.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const col = m[1] === undefined ? undefined : columnIndex(m[1]);
  const row = m[2] === undefined ? undefined : Number(m[2]) - 1;
  return { ...(row !== undefined ? { row } : {}), ...(col !== undefined ? { col } : {}) };
}

/** "I23:J1048576", "B5", "G:I", "3:9" → its two ends (the same twice for one cell); undefined when not a range. */
export function parseRange(ref: string): { readonly from: RangeEnd; readonly to: RangeEnd } | undefined {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const from = rangeEnd(colon < 0 ? text : text.slice(0, colon));
  const to = colon < 0 ? from : rangeEnd(text.slice(colon + 1));
  if (!from || !to) return undefined;
  return { from, to };
}

export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`invalid column ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`invalid row ${row}`);
  return `${columnName(col)}${row + 1}`;
}

export function rangeA1(row: number, col: number, rows: number, cols: number): string {
  const start = a1(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** Parses "B7" (or "$B$7") into 0-based row/col. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`invalid A1 address "${address}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * A cell's own address as a file writes it (the r of a <c>): upper-case letters, no "$", within
 * Excel's sheet ("XFD1048576" at most); undefined otherwise.
 */
export function cellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col > MAX_COL || row > MAX_ROW ? undefined : { row, col };
}

/** Quotes a sheet name for formulas and print titles: 'Thôn A - I.2'!A1 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
