/** A1 addresses. Rows and columns are 0-based everywhere in core; addresses are Excel's 1-based A1 form. */

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
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Quotes a sheet name for formulas and print titles: 'Thôn A - I.2'!A1 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
