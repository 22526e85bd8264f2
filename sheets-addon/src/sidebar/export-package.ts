/**
 * The package a commune sends up (II.4.A, II.4.B, II.6.A, II.6.B as an .xlsx), built in the
 * sidebar: the server sends the sheets' data (exportData), the core's exportPackage builds the
 * file with ExcelJS here, and the browser downloads it.
 */
import { loadXlsxLib } from './xlsx-loader';
import type { DocumentState, SheetData, WorkbookPort } from '../../../core/src/port/types';
import type { ExportData } from '../server/entry-points';
import { downloadBytes } from '../../../core/ui/files';
import type { Call } from './call';

/** A read-only port over the data the server sent. */
export class SnapshotPort implements WorkbookPort {
  constructor(private readonly data: ExportData) {}

  async listSheets(): Promise<string[]> {
    return [...this.data.names];
  }

  async readSheets(names: readonly string[]): Promise<SheetData[]> {
    return names.map((n) => {
      const d = this.data.sheets.find((s) => s.name === n);
      if (!d) throw new Error(`Không có dữ liệu của trang "${n}".`);
      return d;
    });
  }

  async readState(): Promise<DocumentState> {
    return this.data.state;
  }

  private readOnly(): never {
    throw new Error('Bản sao dữ liệu để xuất tệp chỉ để đọc.');
  }
  async writeValues(): Promise<void> {
    this.readOnly();
  }
  async createSheet(): Promise<{ keptCopy?: string }> {
    this.readOnly();
  }
  async copySheet(): Promise<void> {
    this.readOnly();
  }
  async deleteSheets(): Promise<void> {
    this.readOnly();
  }
  async writeState(): Promise<void> {
    this.readOnly();
  }
}

export async function buildPackage(data: ExportData, call?: Call): Promise<{ fileName: string; bytes: Uint8Array; sheets: string[] }> {
  // ExcelJS is fetched from the server on the first download (xlsx-loader.ts).
  const { exportPackage } = await loadXlsxLib(call);
  return exportPackage(new SnapshotPort(data));
}

export async function exportPackageRemote(call: Call, download: (fileName: string, bytes: Uint8Array) => void = downloadBytes): Promise<{ fileName: string }> {
  const pkg = await buildPackage(await call('exportData'), call);
  download(pkg.fileName, pkg.bytes);
  return { fileName: pkg.fileName };
}
