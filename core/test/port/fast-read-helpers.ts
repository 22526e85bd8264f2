/**
 * Helpers of the fast reader's tests (fast-read.test.ts, fast-read-corpus.test.ts): every .xlsx
 * under a folder, and everything a reader can ask of a port read through both readers.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { WorkbookPort } from '../../src/port/types';
import { FastReadWorkbook } from '../../src/xlsx/fast-read';
import { FileRefused } from '../../src/xlsx/inspect';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

export const root = join(__dirname, '..', '..', '..');

export function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? xlsxFiles(p) : p.endsWith('.xlsx') ? [p] : [];
  });
}

/** Everything a reader can ask of a port, errors included, as one value. */
export async function everything(port: WorkbookPort & { readonly dropped: readonly string[] }): Promise<unknown> {
  const attempt = async <T>(f: () => Promise<T>): Promise<T | { error: string }> => {
    try {
      return await f();
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const names = await port.listSheets();
  return {
    names,
    withFonts: await attempt(() => port.readSheets(names, { fonts: true })),
    plain: await attempt(() => port.readSheets(names)),
    noMerges: await attempt(() => port.readSheets(names, { merges: false })),
    state: await attempt(() => port.readState()),
    dropped: port.dropped,
  };
}

export async function bothWays(bytes: Uint8Array): Promise<{ fast: unknown; exceljs: unknown } | 'refused' | undefined> {
  let fast: FastReadWorkbook | undefined;
  try {
    fast = await FastReadWorkbook.open(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(FileRefused);
    const kind = (e as FileRefused).kind;
    // A damaged or oversized part (zip.ts) refuses the file on both paths, with the same words;
    // XML that is not well-formed too, ExcelJS in its own words.
    if (kind === 'damaged' || kind === 'too-large') await expect(XlsxWorkbook.loadForReading(bytes)).rejects.toThrow((e as Error).message.split('\n')[0]);
    else if (kind === 'malformed') await expect(XlsxWorkbook.loadForReading(bytes)).rejects.toThrow('bị hỏng');
    // 'ambiguous': ExcelJS would read another value than Excel (core/test/xml-differential.test.ts).
    return 'refused';
  }
  if (!fast) return undefined;
  return { fast: await everything(fast), exceljs: await everything(await XlsxWorkbook.loadForReading(bytes)) };
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

