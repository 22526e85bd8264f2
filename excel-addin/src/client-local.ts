/**
 * A PaneClient for a workbook port in the same page: the Excel task pane (OfficeWorkbook) and the
 * standalone page (XlsxWorkbook) both run the core's actions in-process. Only the Google Sheets
 * sidebar needs a remote client (google.script.run).
 *
 * Import and export use ExcelJS (core/src/app/transfer.ts); it is loaded with import() on first
 * use, so esbuild puts it in a lazy chunk and the pane's first load stays small.
 */
import type { HostExtras } from '../../core/src/app/actions';
import type { HandoutChart } from '../../core/src/documents/handout-sheet';
import type { WorkbookPort } from '../../core/src/port/types';
import type { ChecklistClient } from '../../core/ui/checklist-types';
import type { HostKind, PaneClient } from '../../core/ui/client';
import type { ImportOutcome } from '../../core/ui/files';
import { downloadBytes, importEach } from '../../core/ui/files';

export { XLSX_MIME, downloadBytes } from '../../core/ui/files';

/**
 * The core's actions (reading, consolidation, ranking, checklist): a chunk of their own, asked for
 * as soon as the client is made, so the pane's shell paints while they arrive (issue 13: first
 * load ≤ 300 KB). Every method waits for the same promise; nothing is loaded twice.
 */
function loadEngine() {
  return import('./engine');
}

/** The ExcelJS-heavy module (import .xlsx as tabs, build the package sent upward): a lazy chunk. */
export function loadTransfer() {
  return import('../../core/src/app/transfer');
}

export type ImportFiles = PaneClient['importFiles'];
/** `mime` defaults to .xlsx's; the documents give theirs (.docx). */
export type Download = (fileName: string, bytes: Uint8Array, mime?: string) => void | Promise<void>;

export interface LocalClientOptions {
  readonly host: HostKind;
  readonly port: WorkbookPort;
  /** Select a cell, mark findings: what only a spreadsheet host can do. */
  readonly extras?: HostExtras;
  /** Replaces the default import (ExcelJS → port.createSheet), e.g. Excel's insertWorksheetsFromBase64. */
  readonly importFiles?: ImportFiles;
  /** Hands a built file to the user; default: a Blob link download. */
  readonly download?: Download;
  /** Draws native charts over a sheet (Excel); with it the pane offers the handout as a sheet with charts. */
  readonly addCharts?: (sheet: string, charts: readonly HandoutChart[]) => Promise<number>;
}

/** Imports each .xlsx file as new tabs of the port's workbook, one after the other; a file that fails is reported and the others are still imported. */
export async function importFilesInto(
  port: WorkbookPort,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<ImportOutcome> {
  const { importXlsx } = await loadTransfer();
  return importEach(files, (f) => importXlsx(port, f.name, f.bytes), onProgress);
}

/** The pane's client, with the checklist's optional date override. */
export type LocalClient = PaneClient & Pick<ChecklistClient, 'setChecklistDates'>;

export function createLocalClient(opts: LocalClientOptions): LocalClient {
  const { port, host } = opts;
  const engine = loadEngine();
  const made = engine.then((e) => e.createActions(port, opts.extras ?? {}));
  // A failed chunk load (network) is reported by the call that needed it, not as an unhandled rejection.
  made.catch(() => undefined);
  const download = opts.download ?? ((name: string, bytes: Uint8Array, mime?: string) => downloadBytes(name, bytes, mime));
  return {
    host,
    getSettings: async () => (await made).getSettings(),
    saveSettings: async (s) => (await made).saveSettings(s),
    listForms: async () => (await engine).listForms(),
    insertForm: async (formId, unitName) => (await made).insertForm(formId, unitName),
    validate: async () => (await made).validate(),
    selectCell: async (sheet, cell) => (await made).selectCell(sheet, cell),
    consolidate: async (o, onProgress) => (await made).consolidate(o ?? {}, onProgress),
    removeCopies: async () => (await made).removeCopies(),
    overview: async () => (await made).overview(),
    writeCatalogue: async () => (await made).writeCatalogue(),
    createBallot: async (o) => (await made).createBallot(o),
    rankFromBallot: async (o) => (await made).rankFromBallot(o),
    listSheets: () => port.listSheets(),
    // The standalone page shows the workbook in the pane itself (Xem sổ); Excel shows it in its own grid.
    ...(host === 'standalone' ? { readSheet: async (name: string) => (await port.readSheets([name]))[0] } : {}),
    importFiles: opts.importFiles ?? ((files, onProgress) => importFilesInto(port, files, onProgress)),
    async exportPackage() {
      const { exportPackage } = await loadTransfer();
      const pkg = await exportPackage(port);
      await download(pkg.fileName, pkg.bytes);
      // The year's status counts the package sent upward.
      await (await made).recordDocument('package', pkg.fileName, 'exported');
      return { fileName: pkg.fileName };
    },
    // The documents write Word files (docx) and sheets (ExcelJS): a lazy chunk too.
    async downloadDocument(kind) {
      const { draftFile } = await import('../../core/src/app/documents');
      const d = await draftFile(port, kind);
      await download(d.fileName, d.bytes, d.mime);
      await (await made).recordDocument(kind, d.fileName, 'drafted');
      return { fileName: d.fileName, missing: d.missing, ...(d.blanks !== undefined ? { blanks: d.blanks } : {}), ...(d.note ? { note: d.note } : {}) };
    },
    ...(opts.addCharts
      ? {
          insertHandoutSheet: async () => (await import('../../core/src/app/documents')).insertHandoutSheet(port, opts.addCharts),
        }
      : {}),
    // The checklist (steps, dates, ticks) lives in the document state, like the settings.
    checklist: async (today) => (await made).checklist(today),
    setChecklistTick: async (itemId, ticked) => (await made).setChecklistTick(itemId, ticked),
    yearStatus: async (today) => (await made).yearStatus(today),
    recordDocument: async (kind, fileName, action) => (await made).recordDocument(kind, fileName, action),
    setVillages: async (input) => (await made).setVillages(input),
    suggestNames: async () => (await made).suggestNames(),
    lastChange: async () => (await made).lastChange(),
    undoLastChange: async () => (await made).undoLastChange(),
    setChecklistDates: async (itemId, dates) => (await made).setChecklistDates(itemId, dates),
  };
}
