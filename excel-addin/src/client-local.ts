/**
 * A PaneClient for a workbook port in the same page: the Excel task pane (OfficeWorkbook) and the
 * standalone page (XlsxWorkbook) both run the core's actions in-process. Only the Google Sheets
 * sidebar needs a remote client (google.script.run).
 *
 * Import and export use ExcelJS (core/src/app/transfer.ts); it is loaded with import() on first
 * use, so esbuild puts it in a lazy chunk and the pane's first load stays small.
 */
import type { HostExtras } from '../../core/src/app/actions';
import { createActions, listForms } from '../../core/src/app/actions';
import type { DocumentState, WorkbookPort } from '../../core/src/port/types';
import { readChecklistState, setOverride, writeChecklistState } from '../../core/src/workflow/calendar';
import type { ChecklistClient } from '../../core/ui/checklist-types';
import type { HostKind, PaneClient } from '../../core/ui/client';
import { downloadBytes } from '../../core/ui/files';

export { XLSX_MIME, downloadBytes } from '../../core/ui/files';

/** The ExcelJS-heavy module (import .xlsx as tabs, build the package sent upward): a lazy chunk. */
export function loadTransfer() {
  return import('../../core/src/app/transfer');
}

export type ImportFiles = PaneClient['importFiles'];
export type Download = (fileName: string, bytes: Uint8Array) => void | Promise<void>;

export interface LocalClientOptions {
  readonly host: HostKind;
  readonly port: WorkbookPort;
  /** Select a cell, mark findings: what only a spreadsheet host can do. */
  readonly extras?: HostExtras;
  /** Replaces the default import (ExcelJS → port.createSheet), e.g. Excel's insertWorksheetsFromBase64. */
  readonly importFiles?: ImportFiles;
  /** Hands a built file to the user; default: a Blob link download. */
  readonly download?: Download;
}

/** Imports each .xlsx file as new tabs of the port's workbook, one after the other. */
export async function importFilesInto(port: WorkbookPort, files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): Promise<{ sheets: string[] }> {
  const { importXlsx } = await loadTransfer();
  const sheets: string[] = [];
  for (const f of files) sheets.push(...(await importXlsx(port, f.name, f.bytes)).sheets);
  return { sheets };
}

/** The pane's client, with the checklist's optional date override. */
export type LocalClient = PaneClient & Pick<ChecklistClient, 'setChecklistDates'>;

export function createLocalClient(opts: LocalClientOptions): LocalClient {
  const { port, host } = opts;
  const actions = createActions(port, opts.extras ?? {});
  const download = opts.download ?? ((name: string, bytes: Uint8Array) => downloadBytes(name, bytes));
  const readState = async (): Promise<DocumentState> => {
    try {
      return await port.readState();
    } catch {
      return {};
    }
  };
  return {
    host,
    getSettings: () => actions.getSettings(),
    saveSettings: (s) => actions.saveSettings(s),
    listForms: async () => listForms(),
    insertForm: (formId, unitName) => actions.insertForm(formId, unitName),
    validate: () => actions.validate(),
    selectCell: (sheet, cell) => actions.selectCell(sheet, cell),
    consolidate: (o) => actions.consolidate(o ?? {}),
    removeCopies: () => actions.removeCopies(),
    writeCatalogue: () => actions.writeCatalogue(),
    createBallot: (o) => actions.createBallot(o),
    rankFromBallot: (o) => actions.rankFromBallot(o),
    listSheets: () => port.listSheets(),
    importFiles: opts.importFiles ?? ((files) => importFilesInto(port, files)),
    async exportPackage() {
      const { exportPackage } = await loadTransfer();
      const pkg = await exportPackage(port);
      await download(pkg.fileName, pkg.bytes);
      return { fileName: pkg.fileName };
    },
    // The checklist (steps, dates, ticks) lives in the document state, like the settings.
    checklist: (today) => actions.checklist(today),
    setChecklistTick: (itemId, ticked) => actions.setChecklistTick(itemId, ticked),
    async setChecklistDates(itemId, dates) {
      const state = await readState();
      await port.writeState(writeChecklistState(state, setOverride(readChecklistState(state), itemId, dates)));
    },
  };
}
