/**
 * Uploaded .xlsx files, in the sidebar: read here with the core's import (core/src/app/transfer.ts
 * xlsxAsLayouts — ExcelJS runs in the browser, never on the server, loaded on the first upload by
 * xlsx-loader.ts), each sheet recognised and
 * laid out as its form, then sent to the server's importSheets, which writes them as new tabs.
 *
 * Tab names: "<file> - <sheet>" as core importXlsx names them; when the file was made by LKH for a
 * commune (its state names the unit, e.g. the package a commune sends up), "<unit> - <sheet>"
 * instead — "Xã Tân Lập - II.6.B", the name the upper level's roll-up reads the commune from.
 * A file's sheets go in calls of at most CALL_CELLS cells (a call has 6 minutes); a call the
 * server's time budget cuts short is continued by a new call for the sheets it did not write.
 */
import { loadXlsxLib } from './xlsx-loader';
import type { ImportRequest, ImportSheet } from '../server/entry-points';
import type { PickedFile } from '../../../core/ui/files';
import type { Call } from './call';
import { CALL_CELLS } from './call-size';

export { CALL_CELLS };

export type UploadedFile = PickedFile;

/** The sheets of one file as import requests (one or more, by size). */
export async function importRequests(file: UploadedFile, call?: Call): Promise<ImportRequest[]> {
  // ExcelJS is fetched from the server on the first upload (xlsx-loader.ts).
  const { xlsxAsLayouts } = await loadXlsxLib(call);
  const sheets: ImportSheet[] = await xlsxAsLayouts(file.name, file.bytes, { unitPrefix: true });
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

/**
 * Has the server write one request's sheets, in as many calls as its time budget needs: a call
 * cut short returns the sheets it wrote (the first ones) and those it did not (notCreated), and
 * the rest goes in a new call. A call that wrote none gives up with the server's message, saying
 * which tabs were created before (`before`, this file's earlier tabs included).
 */
export async function importRequestRemote(call: Call, request: ImportRequest, before: readonly string[] = []): Promise<string[]> {
  const created: string[] = [];
  let rest = request.sheets;
  while (rest.length > 0) {
    const r = await call('importSheets', { ...request, sheets: rest });
    created.push(...r.sheets);
    const left = r.notCreated?.length ?? 0;
    if (left === 0) break;
    if (r.sheets.length === 0 || left !== rest.length - r.sheets.length) {
      const done = [...before, ...created];
      const message = r.message ?? `Tệp "${request.file}": ${left} trang chưa ghi.`;
      throw new Error(done.length > 0 ? `${message} Các trang đã tạo: ${done.join(', ')}.` : message);
    }
    rest = rest.slice(r.sheets.length);
  }
  return created;
}

/** Reads each file here and has the server add its sheets as tabs, one file after the other. */
export async function importFilesRemote(call: Call, files: readonly UploadedFile[]): Promise<{ sheets: string[] }> {
  const created: string[] = [];
  for (const f of files) {
    for (const request of await importRequests(f, call)) created.push(...(await importRequestRemote(call, request, created)));
  }
  return { sheets: created };
}
