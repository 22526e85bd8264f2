/**
 * The Văn bản screen's downloads in the Google Sheets sidebar: the server sends every sheet's
 * values and the state (documentData), the documents are drafted here by the core's draftFile —
 * the Word writer and ExcelJS are in the sidebar's lazily fetched XlsxLib, never in the server —
 * and the browser downloads the file.
 */
import type { DocumentKind } from '../../../core/src/documents/draft';
import type { DocumentDownload } from '../../../core/ui/client';
import { downloadBytes } from '../../../core/ui/files';
import type { Call } from './call';
import { SnapshotPort } from './export-package';
import { loadXlsxLib } from './xlsx-loader';

export async function downloadDocumentRemote(call: Call, kind: DocumentKind, download: (fileName: string, bytes: Uint8Array, mime: string) => void = downloadBytes): Promise<DocumentDownload> {
  const lib = await loadXlsxLib(call);
  const d = await lib.draftFile(new SnapshotPort(await call('documentData')), kind);
  download(d.fileName, d.bytes, d.mime);
  return { fileName: d.fileName, missing: d.missing, ...(d.blanks !== undefined ? { blanks: d.blanks } : {}), ...(d.note ? { note: d.note } : {}) };
}
