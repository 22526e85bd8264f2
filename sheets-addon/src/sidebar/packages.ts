/**
 * Cấp trên's import of communes' packages into the long tables (no tab per commune), and the
 * download of every commune's feedback as one .zip. A province receives 100-170 files: each is
 * read here (ExcelJS, loaded on use), and they go to the server's importPackages a few at a time
 * (at most CALL_CELLS cells a call); a call whose time budget runs out reads the first packages
 * and says how many, the rest goes in the next call. Progress is told after each call ("Đang
 * nhập 37/170 xã…"); when a call fails, what was imported stays imported and `done` says where
 * to resume.
 */
import type { FindingView } from '../../../core/src/app/actions';
import type { SheetLayout } from '../../../core/src/layout/types';
import { downloadBytes } from '../../../core/ui/files';
import type { ImportRequest } from '../server/entry-points';
import type { Call } from './call';
import { CALL_CELLS, importRequests } from './xlsx-import';
import type { UploadedFile } from './xlsx-import';
import { loadXlsxLib } from './xlsx-loader';

export interface PackagesOutcome {
  /** Files imported, from the first; when it is less than the files given, `error` says why it stopped. */
  readonly done: number;
  readonly total: number;
  readonly communes: readonly { readonly name: string; readonly activities: number; readonly balanced: boolean }[];
  readonly issues: readonly FindingView[];
  /** Why the import stopped before the end (a file unreadable, the server's error); the next import resumes at `done`. */
  readonly error?: string;
}

export type PackagesProgress = (done: number, total: number) => void;

const cellsOf = (p: ImportRequest): number => p.sheets.reduce((n, s) => n + s.layout.cells.length, 0);

/** One package per file: every sheet of it, whatever the number of calls importRequests would split it into. */
async function packageOf(file: UploadedFile, call: Call): Promise<ImportRequest> {
  const requests = await importRequests(file, call);
  return { file: file.name, sheets: requests.flatMap((r) => r.sheets) };
}

/** Imports `files` in order, as many calls as needed (at most `callCells` cells each); never throws: a failure ends the outcome with `error`. */
export async function importPackagesRemote(call: Call, files: readonly UploadedFile[], onProgress: PackagesProgress = () => undefined, callCells = CALL_CELLS): Promise<PackagesOutcome> {
  const total = files.length;
  const communes: PackagesOutcome['communes'][number][] = [];
  const issues: FindingView[] = [];
  let done = 0;
  let queue: ImportRequest[] = [];
  const send = async (): Promise<void> => {
    while (queue.length > 0) {
      const r = await call('importPackages', { packages: queue });
      if (r.done === 0) throw new Error(`Tệp "${queue[0].file}" quá lớn để nhập trong một lần chạy.`);
      communes.push(...r.communes);
      issues.push(...r.issues);
      done += r.done;
      queue = queue.slice(r.done);
      onProgress(done, total);
    }
  };
  onProgress(0, total);
  try {
    for (const f of files) {
      const p = await packageOf(f, call);
      if (queue.length > 0 && queue.reduce((n, q) => n + cellsOf(q), 0) + cellsOf(p) > callCells) await send();
      queue.push(p);
    }
    await send();
  } catch (e) {
    return { done, total, communes, issues, error: e instanceof Error ? e.message : String(e) };
  }
  return { done, total, communes, issues };
}

/** Page size of the feedback sheets fetched from the server. */
export const FEEDBACK_PAGE = 20;

/** Every commune's feedback as one .xlsx each, downloaded together as one .zip. */
export async function downloadFeedbackRemote(
  call: Call,
  onProgress: PackagesProgress = () => undefined,
  download: (fileName: string, bytes: Uint8Array) => void = (name, bytes) => downloadBytes(name, bytes, 'application/zip'),
): Promise<{ fileName: string; files: number }> {
  const files: { fileName: string; layout: SheetLayout }[] = [];
  let total = Infinity;
  while (files.length < total) {
    const page = await call('feedbackFiles', files.length, FEEDBACK_PAGE);
    total = page.total;
    if (page.files.length === 0) break;
    files.push(...page.files);
    onProgress(files.length, total);
  }
  if (files.length === 0) throw new Error('Chưa có bảng "Phản hồi các xã": hãy tổng hợp các xã trước.');
  const { layoutsAsZip } = await loadXlsxLib(call);
  const fileName = 'Phan-hoi-cac-xa.zip';
  download(fileName, await layoutsAsZip(files));
  return { fileName, files: files.length };
}
