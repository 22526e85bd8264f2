/**
 * Opening a file from outside to read it (a village's form, a commune's plan for the roll-up):
 * from its XML when it holds only what fast-read.ts reads exactly as ExcelJS does, else with
 * ExcelJS (XlsxWorkbook.loadForReading, loaded on use). Either way the port reads the same
 * sheets, cells and state, and `dropped` names the oversized merges and validations left out.
 */
import { PortError } from '../port/memory';
import type { WorkbookPort } from '../port/types';
import { FileRefused, assertXlsx } from './inspect';

export type InputWorkbook = WorkbookPort & { readonly dropped: readonly string[] };

/**
 * The file opened for reading. Every failure is a PortError whose Vietnamese message says what is
 * wrong with this file (the caller names it and goes on with the other files): a refusal from its
 * bytes, a damaged or oversized part (zip.ts), or anything else the libraries throw.
 */
export async function openForReading(data: Uint8Array): Promise<InputWorkbook> {
  try {
    // What the file is, from its bytes, before anything opens it (inspect.ts): as loadForReading does.
    assertXlsx(data);
    // Loaded on first use, like ExcelJS: `lkh --help` needs neither (nor JSZip).
    const { FastReadWorkbook } = await import('./fast-read');
    const fast = await FastReadWorkbook.open(data);
    if (fast) return fast;
    const { XlsxWorkbook } = await import('./xlsx-workbook');
    return await XlsxWorkbook.loadForReading(data);
  } catch (e) {
    if (e instanceof PortError) throw e;
    if (e instanceof FileRefused) throw new PortError('WORKBOOK_INVALID', e.message);
    throw new PortError('WORKBOOK_INVALID', `tệp bị hỏng, không đọc được như một sổ làm việc .xlsx. Hãy mở thử bằng Excel; nếu Excel sửa được, lưu lại rồi chọn lại.\nChi tiết kỹ thuật: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * When the file was last saved, as its docProps/core.xml says (`dcterms:modified`), ISO; undefined
 * when it does not say or cannot be read (the date is shown, never relied on).
 */
export async function fileModified(data: Uint8Array): Promise<string | undefined> {
  try {
    const { ZipParts } = await import('./zip');
    const xml = await (await ZipParts.open(data)).text('docProps/core.xml');
    const m = xml ? /<dcterms:modified\b[^>]*>\s*([^<\s]+)\s*<\/dcterms:modified>/u.exec(xml) : null;
    if (!m) return undefined;
    const d = new Date(m[1]);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  } catch {
    return undefined;
  }
}
