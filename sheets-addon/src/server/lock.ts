/**
 * The document lock around every write to a shared spreadsheet (docs/HOSTS.md: "wrap writes
 * in LockService.getDocumentLock() (tryLock)").
 *
 * - LockService.getDocumentLock(): "prevents any user of the current document from concurrently
 *   running a section of code"; it returns null outside a containing document (a standalone
 *   script), where we fall back to the script lock.
 *   https://developers.google.com/apps-script/reference/lock/lock-service
 * - Lock.tryLock(timeoutInMillis) returns false when the lock could not be had in time (waitLock
 *   would throw an English "Lock timeout" instead): we turn that into one clear Vietnamese message.
 *   https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
 * - Lock.releaseLock(): "if you are using a spreadsheet, you should call SpreadsheetApp.flush()
 *   prior to releasing the lock, to commit all pending changes to the spreadsheet before another
 *   user can see them" — so the one flush of a write happens here, never inside a loop.
 *   https://developers.google.com/apps-script/reference/lock/lock#releaseLock()
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */

/** Shown when another user holds the document lock. */
export const LOCK_BUSY_MESSAGE = 'Có người khác đang cập nhật bảng tính này; vui lòng thử lại sau ít phút.';

/** How long a write waits for the lock. Short: an execution stops at 6 minutes, and a user waits for the sidebar. */
export const LOCK_TIMEOUT_MS = 10_000;

/** The document lock is held by another execution (another user, or the same user in another tab). */
export class DocumentLockError extends Error {
  readonly code = 'DOCUMENT_LOCKED' as const;
  constructor() {
    super(LOCK_BUSY_MESSAGE);
    this.name = 'DocumentLockError';
  }
}

/** The part of GoogleAppsScript.Lock.Lock used here. */
export interface LockSurface {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
  hasLock(): boolean;
}

/** The part of LockService used here. */
export interface LockServiceSurface {
  getDocumentLock(): LockSurface | null;
  getScriptLock(): LockSurface;
}

export interface LockOptions {
  /** Defaults to the global LockService. */
  readonly lockService?: LockServiceSurface;
  /** Commits pending changes before the lock is released. Defaults to SpreadsheetApp.flush. */
  readonly flush?: () => void;
  readonly timeoutMs?: number;
}

/** The real services satisfy the surfaces above (checked by the compiler, erased at run time). */
type Fits<T extends U, U> = T;
export type RealLockFits = Fits<GoogleAppsScript.Lock.Lock, LockSurface>;
export type RealLockServiceFits = Fits<GoogleAppsScript.Lock.LockService, LockServiceSurface>;

/** Depth of withDocumentLock calls in this execution: a nested call runs under the outer lock. */
let depth = 0;

function globalLockService(): LockServiceSurface {
  return LockService;
}

function globalFlush(): void {
  SpreadsheetApp.flush();
}

/**
 * Runs `fn` holding the document lock: tryLock with a timeout, DocumentLockError (nothing done)
 * when another user holds it, one flush after `fn`, and the lock released whatever happens.
 * Calls nested inside `fn` run under the same lock.
 */
export async function withDocumentLock<T>(fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  if (depth > 0) return fn();
  const service = options.lockService ?? globalLockService();
  const lock = service.getDocumentLock() ?? service.getScriptLock();
  if (!lock.tryLock(options.timeoutMs ?? LOCK_TIMEOUT_MS)) throw new DocumentLockError();
  depth++;
  try {
    return await fn();
  } finally {
    depth--;
    try {
      (options.flush ?? globalFlush)();
    } finally {
      lock.releaseLock();
    }
  }
}
