/**
 * The sidebar's PaneClient over google.script.run: each method is one call of a top-level server
 * function (server/entry-points.ts SidebarApi), wrapped in a Promise.
 *
 * - At most MAX_IN_FLIGHT calls run at once; the rest wait in order (google.script.run allows 10 in
 *   flight: docs/HOSTS.md).
 * - Only JSON crosses: Uint8Array files are read here (xlsx-import.ts) and sent as layouts; the
 *   package sent upward is built here from the sheets' data (export-package.ts). Optional
 *   arguments are sent as null (undefined does not cross).
 * - A user signed in to several Google accounts gets PERMISSION_DENIED from google.script.run (the
 *   call runs as the browser's default account, not the one that opened the spreadsheet): the
 *   error says so in Vietnamese, with what to do (docs/HOSTS.md, Google Sheets).
 *   https://developers.google.com/apps-script/guides/html/reference/run
 */
import { listForms } from '../../../core/src/app/actions';
import type { ChecklistClient } from '../../../core/ui/checklist-types';
import type { PaneClient } from '../../../core/ui/client';
import type { FeedbackViewResult, ProtectRequest, ProtectView, RollUpRequest, RollUpView, SidebarApi, SidebarFunction } from '../server/entry-points';
import type { PackagesOutcome, PackagesProgress } from './packages';
import { downloadFeedbackRemote, importPackagesRemote } from './packages';
import type { UploadedFile } from './xlsx-import';
import type { Call } from './call';
import { exportPackageRemote } from './export-package';
import { downloadDocumentRemote } from './documents';

export type { Call } from './call';
import { importFilesRemote } from './xlsx-import';
import { importEach } from '../../../core/ui/files';

/** The part of google.script.run used here. Server functions are looked up by name. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [fn: string]: unknown;
}

export const MAX_IN_FLIGHT = 10;

/** Shown instead of Google's PERMISSION_DENIED (several Google accounts signed in). */
export const MULTI_ACCOUNT_MESSAGE =
  'Google từ chối quyền truy cập (PERMISSION_DENIED). Việc này thường xảy ra khi trình duyệt đang đăng nhập nhiều tài khoản Google cùng lúc: tiện ích chạy bằng tài khoản mặc định chứ không phải tài khoản đang mở bảng tính. Hãy mở bảng tính trong cửa sổ ẩn danh (hoặc một hồ sơ trình duyệt riêng) chỉ đăng nhập tài khoản được chia sẻ bảng tính, rồi mở lại LKH.';

export class MultiAccountError extends Error {
  readonly code = 'PERMISSION_DENIED' as const;
  constructor(readonly original: string) {
    super(MULTI_ACCOUNT_MESSAGE);
    this.name = 'MultiAccountError';
  }
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return '';
}

/** The error as the pane should see it: PERMISSION_DENIED explained, everything else as an Error. */
export function remoteError(e: unknown): Error {
  const message = messageOf(e);
  if (/PERMISSION_DENIED|\bHTTP 403\b/i.test(message)) return new MultiAccountError(message);
  if (e instanceof Error) return e;
  const err = new Error(message);
  if (e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string') err.name = (e as { name: string }).name;
  return err;
}


/** A caller of server functions through `run`, at most `limit` at a time. */
export function createCaller(run: ScriptRun, limit = MAX_IN_FLIGHT): Call & { inFlight(): number; waiting(): number } {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = (): void => {
    while (active < limit && queue.length > 0) {
      const start = queue.shift() as () => void;
      active++;
      start();
    }
  };
  const call = (<K extends SidebarFunction>(name: K, ...args: Parameters<SidebarApi[K]>): Promise<ReturnType<SidebarApi[K]>> =>
    new Promise<ReturnType<SidebarApi[K]>>((resolve, reject) => {
      queue.push(() => {
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          active--;
          next();
        };
        try {
          const runner = run
            .withSuccessHandler((value) => {
              finish();
              resolve(value as ReturnType<SidebarApi[K]>);
            })
            .withFailureHandler((error) => {
              finish();
              reject(remoteError(error));
            });
          const fn = runner[name];
          if (typeof fn !== 'function') throw new Error(`Máy chủ của tiện ích không có hàm "${name}": hãy cập nhật tiện ích (npm run deploy).`);
          (fn as (...a: unknown[]) => void).apply(runner, args);
        } catch (e) {
          finish();
          reject(remoteError(e));
        }
      });
      next();
    })) as Call & { inFlight(): number; waiting(): number };
  call.inFlight = () => active;
  call.waiting = () => queue.length;
  return call;
}

/** What the Sheets sidebar adds to the pane's client. */
export interface SheetsExtras {
  /** The upper level's roll-up of the communes' tabs. */
  rollUp(request: RollUpRequest): Promise<RollUpView>;
  /** Protects a commune's tab so that only its officers edit it. */
  protectSheet(request: ProtectRequest): Promise<ProtectView>;
  /** Communes' packages into the long tables, in as many calls as needed, with progress (never throws: `error`). */
  importPackages(files: readonly UploadedFile[], onProgress?: PackagesProgress): Promise<PackagesOutcome>;
  /** "Phiếu phản hồi" rebuilt for one commune. */
  feedbackView(commune: string): Promise<FeedbackViewResult>;
  /** Every commune's feedback file, downloaded as one .zip. */
  downloadFeedback(onProgress?: PackagesProgress): Promise<{ fileName: string; files: number }>;
}

export type SheetsClient = PaneClient & Pick<ChecklistClient, 'setChecklistDates'> & SheetsExtras;

export interface RemoteClientOptions {
  /** Reads .xlsx files here and has the server write them as tabs (default: xlsx-import.ts). */
  readonly importFiles?: PaneClient['importFiles'];
  /** Builds the package sent upward here and offers it as a download (default: export-package.ts). */
  readonly exportPackage?: PaneClient['exportPackage'];
}

export function createRemoteClient(call: Call, options: RemoteClientOptions = {}): SheetsClient {
  // ExcelJS is part of the one inlined sidebar script (Apps Script serves no separate chunks).
  // One file after the other (importEach): a damaged file is reported and the others are still added.
  const importFiles: PaneClient['importFiles'] = options.importFiles ?? ((files, onProgress) => importEach(files, (f) => importFilesRemote(call, [f]), onProgress));
  // The year's status counts the package and the documents handed over (the sidebar builds them from a snapshot; the server records them).
  const exportPackage: PaneClient['exportPackage'] = async () => {
    const r = await (options.exportPackage ?? (() => exportPackageRemote(call)))();
    await call('recordDocument', 'package', r.fileName, 'exported');
    return r;
  };
  return {
    host: 'sheets',
    getSettings: () => call('getSettings'),
    saveSettings: (s) => call('saveSettings', s),
    // The forms' list is part of the sidebar's bundle: no call.
    listForms: async () => listForms(),
    insertForm: (formId, unitName) => call('insertForm', formId, unitName ?? null),
    validate: () => call('validate'),
    selectCell: async (sheet, cell) => {
      await call('selectCell', sheet, cell);
    },
    // One google.script.run call: the server reads, builds and writes before it answers, and
    // nothing comes back meanwhile, so there is no progress with counts here, only before/after
    // (the pane's spinner with "Đang tổng hợp…"). onProgress is never called.
    consolidate: (opts) => call('consolidate', opts ?? null),
    removeCopies: () => call('removeCopies'),
    overview: () => call('overview'),
    writeCatalogue: () => call('writeCatalogue'),
    createBallot: (opts) => call('createBallot', opts),
    rankFromBallot: (opts) => call('rankFromBallot', opts),
    checklist: async (today) => (await call('checklist', today)) ?? undefined,
    setChecklistTick: async (itemId, ticked) => {
      await call('setChecklistTick', itemId, ticked);
    },
    setChecklistDates: async (itemId, dates) => {
      await call('setChecklistDates', itemId, dates ?? null);
    },
    yearStatus: (today) => call('yearStatus', today),
    recordDocument: async (kind, fileName, action) => {
      await call('recordDocument', kind, fileName, action ?? null);
    },
    setVillages: (input) => call('setVillages', input),
    suggestNames: () => call('suggestNames'),
    lastChange: async () => (await call('lastChange')) ?? undefined,
    undoLastChange: async () => (await call('undoLastChange')) ?? undefined,
    listSheets: () => call('listSheets'),
    importFiles,
    exportPackage,
    downloadDocument: async (kind) => {
      const d = await downloadDocumentRemote(call, kind);
      await call('recordDocument', kind, d.fileName, 'drafted');
      return d;
    },
    rollUp: (request) => call('rollUp', request),
    protectSheet: (request) => call('protectSheet', request),
    importPackages: (files, onProgress) => importPackagesRemote(call, files, onProgress),
    feedbackView: (commune) => call('feedbackView', commune),
    downloadFeedback: (onProgress) => downloadFeedbackRemote(call, onProgress),
  };
}
