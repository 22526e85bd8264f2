/**
 * Uploaded .xlsx files, in the sidebar: read with the core's reader (XlsxWorkbook.load →
 * readSheets, ExcelJS runs in the browser, never on the server), each sheet recognised and laid
 * out as its form (core/src/app/transfer.ts sheetAsLayout: values, merges and the form's
 * formatting), then sent to the server's importSheets, which writes them as new tabs.
 *
 * Tab names: "<file> - <sheet>" as core importXlsx names them; when the file was made by LKH for a
 * commune (its state names the unit, e.g. the package a commune sends up), "<unit> - <sheet>"
 * instead — "Xã Tân Lập - II.6.B", the name the upper level's roll-up reads the commune from.
 * A file's sheets go in calls of at most CALL_CELLS cells (a call has 6 minutes).
 */
import { sheetAsLayout } from '../../../core/src/app/transfer';
import type { DocumentState } from '../../../core/src/port/types';
import { readSheet } from '../../../core/src/reader/read';
import { XlsxWorkbook } from '../../../core/src/xlsx/xlsx-workbook';
import type { ImportRequest, ImportSheet } from '../server/entry-points';
import type { Call } from './remote';

/** Cells sent in one importSheets call. */
export const CALL_CELLS = 100_000;

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function baseName(file: string): string {
  return file
    .replace(/^.*[/\\]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim();
}

/** The sheets of one file as import requests (one or more, by size). */
export async function importRequests(file: UploadedFile): Promise<ImportRequest[]> {
  let source: XlsxWorkbook;
  try {
    source = await XlsxWorkbook.load(file.bytes);
  } catch (e) {
    throw new Error(`Không mở được tệp "${file.name}": ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  let state: DocumentState;
  try {
    state = await source.readState();
  } catch {
    state = {};
  }
  const names = await source.listSheets();
  const data = await source.readSheets(names, { fonts: false });
  const unit = state.unitName?.trim() && (state.level === undefined || state.level === 'xa') ? state.unitName.trim() : undefined;
  const prefix = unit ?? baseName(file.name);
  const sheets: ImportSheet[] = [];
  for (const d of data) {
    if (d.values.length === 0) continue;
    const formId = state.sheetForms?.[d.name] ?? readSheet(d).reading?.formId;
    const proposed = names.length === 1 && !unit ? prefix : `${prefix} - ${d.name}`;
    sheets.push({ layout: sheetAsLayout(d, proposed.slice(0, 31), formId), ...(formId ? { formId } : {}) });
  }
  const requests: ImportRequest[] = [];
  let batch: ImportSheet[] = [];
  let cells = 0;
  for (const s of sheets) {
    if (batch.length > 0 && cells + s.layout.cells.length > CALL_CELLS) {
      requests.push({ file: file.name, sheets: batch });
      batch = [];
      cells = 0;
    }
    batch.push(s);
    cells += s.layout.cells.length;
  }
  if (batch.length > 0) requests.push({ file: file.name, sheets: batch });
  return requests;
}

/** Reads each file here and has the server add its sheets as tabs, one file after the other. */
export async function importFilesRemote(call: Call, files: readonly UploadedFile[]): Promise<{ sheets: string[] }> {
  const created: string[] = [];
  for (const f of files) {
    for (const request of await importRequests(f)) created.push(...(await call('importSheets', request)).sheets);
  }
  return { sheets: created };
}
