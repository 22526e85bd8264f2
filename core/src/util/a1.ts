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

/** One end of a range from text[from, to), or undefined when it is not letters then digits ("$" allowed before each). */
function rangeEnd(text: string, from: number, to: number): RangeEnd | undefined {
  let i = from;
  if (text.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const lettersFrom = i;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (letters > 3) return undefined;
  if (text.charCodeAt(i) === 36 && i < to) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  const digits = i - digitsFrom;
  if (letters === 0 && digits === 0) return undefined;
  if (letters === 0) return { row: row - 1 };
  return digits === 0 ? { col: col - 1 } : { row: row - 1, col: col - 1 };
}

/** "I23:J1048576", "B5", "G:I", "3:9" → its two ends (the same twice for one cell); undefined when not a range. */
export function parseRange(ref: string): { readonly from: RangeEnd; readonly to: RangeEnd } | undefined {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const from = rangeEnd(text, 0, colon < 0 ? text.length : colon);
  const to = colon < 0 ? from : rangeEnd(text, colon + 1, text.length);
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
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length || ref.charCodeAt(i) === 48) return undefined;
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57 || k - i >= 7) return undefined;
    row = row * 10 + (c - 48);
  }
  return col - 1 > MAX_COL || row - 1 > MAX_ROW ? undefined : { row: row - 1, col: col - 1 };
}

/** Quotes a sheet name for formulas and print titles: 'Thôn A - I.2'!A1 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
