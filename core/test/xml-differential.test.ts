/**
 * The adversarial corpus read three ways (issue 23): LKH's reading (openForReading: the XML reader,
 * ExcelJS when the file needs it), ExcelJS's path (XlsxWorkbook.loadForReading, what the panes'
 * import uses) and LibreOffice Calc (`soffice --convert-to csv`, every file in one call). For every
 * file LKH reads, the three agree on every cell's value; every other file is refused with a
 * Vietnamese message, by LKH and by the panes' import alike. scripts/setup.sh installs LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { SheetData, WorkbookPort } from '../src/port/types';
import { columnName } from '../src/util/a1';
import { openForReading } from '../src/xlsx/read-input';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';

const HERE = join(__dirname, 'fixtures', 'adversarial');
const FILES = join(HERE, 'files');

interface Case {
  readonly file: string;
  readonly outcome: 'refused' | 'read';
}

const EXPECTED = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as { files: Case[] };

function which(cmd: string): string {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${cmd} is not installed: run scripts/setup.sh (it installs LibreOffice).`);
  }
}

/** RFC 4180 CSV (LibreOffice's: quotes doubled, line breaks inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Each non-empty cell of a sheet as "A1" → value, leaving out the cells a merge covers (LibreOffice keeps their hidden text). */
function cellsOf(sheet: SheetData): { covered: Set<string>; cells: Map<string, unknown> } {
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${columnName(c)}${r + 1}`);
    }
  }
  const out = new Map<string, unknown>();
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const at = `${columnName(c + sheet.left)}${r + sheet.top + 1}`;
      if (v !== null && v !== '' && !covered.has(at)) out.set(at, v);
    }),
  );
  return { covered, cells: out };
}

async function sheetsOf(port: WorkbookPort): Promise<SheetData[]> {
  return port.readSheets(await port.listSheets());
}

/**
 * A LibreOffice cell's text against the value a reader gave: the same text, number or truth value.
 * LibreOffice holds no CR in a cell: a CR written as "&#13;" (which XML keeps) becomes its line end.
 */
function sameValue(lo: string, value: unknown): boolean {
  if (typeof value === 'number') return lo.trim() !== '' && Math.abs(Number(lo) - value) <= Math.abs(value) * 1e-12;
  if (typeof value === 'boolean') return lo === (value ? 'TRUE' : 'FALSE');
  return lo === String(value).replace(/\r\n?/g, '\n');
}

describe('the adversarial corpus, read by LKH, ExcelJS and LibreOffice', () => {
  let csvDir = '';
  beforeAll(() => {
    const soffice = which('soffice');
    const dir = mkdtempSync(join(tmpdir(), 'lkh-differential-'));
    csvDir = join(dir, 'csv');
    const files = EXPECTED.files.map((c) => join(FILES, c.file));
    // All sheets of every file, raw values (not as shown), UTF-8: one LibreOffice start for the corpus.
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, ...files], {
      stdio: 'ignore',
      timeout: 600_000,
    });
  }, 620_000);

  it('has at least 40 files at the XML level', () => {
    expect(EXPECTED.files.filter((c) => !('level' in c)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(EXPECTED.files.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const bytes = new Uint8Array(readFileSync(join(FILES, file)));
    let lkh: SheetData[] | undefined;
    let refusal: unknown;
    try {
      lkh = await sheetsOf(await openForReading(bytes));
    } catch (e) {
      refusal = e;
    }
    if (c.outcome === 'refused') {
      expect(refusal).toBeInstanceOf(Error);
      // The panes' import refuses it too, rather than read what Excel does not show.
      await expect(XlsxWorkbook.loadForReading(bytes).then(sheetsOf)).rejects.toThrow();
      return;
    }
    if (refusal !== undefined) throw refusal;
    if (!lkh) throw new Error('not read');
    // ExcelJS's path reads the same values.
    const exceljs = await sheetsOf(await XlsxWorkbook.loadForReading(bytes));
    expect(exceljs.map((s) => [s.name, s.values])).toEqual(lkh.map((s) => [s.name, s.values]));
    // LibreOffice shows the same thing in every cell, and nothing where LKH reads nothing.
    const stem = basename(file, '.xlsx');
    for (const sheet of lkh) {
      const csvName = readdirSync(csvDir).find((f) => f === `${stem}-${sheet.name}.csv` || (lkh.length === 1 && f === `${stem}.csv`));
      if (!csvName) throw new Error(`LibreOffice wrote no CSV for "${sheet.name}" of ${file}`);
      const grid = parseCsv(readFileSync(join(csvDir, csvName), 'utf8'));
      const { covered, cells } = cellsOf(sheet);
      const differences: string[] = [];
      grid.forEach((row, r) =>
        row.forEach((text, col) => {
          const at = `${columnName(col)}${r + 1}`;
          if (covered.has(at)) return;
          const value = cells.get(at);
          if (value === undefined ? text !== '' : !sameValue(text, value)) differences.push(`${at}: LibreOffice ${JSON.stringify(text)}, LKH ${JSON.stringify(value ?? null)}`);
          cells.delete(at);
        }),
      );
      for (const [at, value] of cells) differences.push(`${at}: LibreOffice nothing, LKH ${JSON.stringify(value)}`);
      expect({ file, sheet: sheet.name, differences }).toEqual({ file, sheet: sheet.name, differences: [] });
    }
  });
});
