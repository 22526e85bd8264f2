/** withDocumentLock over the LockService fake. */
import { DocumentLockError, LOCK_BUSY_MESSAGE, LOCK_TIMEOUT_MS, withDocumentLock } from '../src/server/lock';
import { FakeLockService } from './fake-spreadsheet';

function setup(): { locks: FakeLockService; flushes: string[]; options: { lockService: FakeLockService; flush: () => void } } {
  const locks = new FakeLockService();
  const flushes: string[] = [];
  return { locks, flushes, options: { lockService: locks, flush: () => flushes.push(locks.documentLock.held ? 'flush while held' : 'flush after release') } };
}

describe('withDocumentLock', () => {
  it('runs the function holding the document lock, flushes before releasing, and returns its result', async () => {
    const { locks, flushes, options } = setup();
    const result = await withDocumentLock(() => {
      expect(locks.documentLock.hasLock()).toBe(true);
      return 42;
    }, options);
    expect(result).toBe(42);
    expect(locks.documentLock.tries).toEqual([LOCK_TIMEOUT_MS]);
    expect(flushes).toEqual(['flush while held']);
    expect(locks.documentLock.hasLock()).toBe(false);
    expect(locks.documentLock.releases).toBe(1);
  });

  it('waits for async work before releasing', async () => {
    const { locks, options } = setup();
    const seen: boolean[] = [];
    await withDocumentLock(async () => {
      await Promise.resolve();
      seen.push(locks.documentLock.hasLock());
    }, options);
    expect(seen).toEqual([true]);
    expect(locks.documentLock.hasLock()).toBe(false);
  });

  it('refuses with the Vietnamese message, running nothing, when another user holds the lock', async () => {
    const { locks, flushes, options } = setup();
    locks.holdByAnotherUser();
    const fn = jest.fn();
    const attempt = withDocumentLock(fn, { ...options, timeoutMs: 2_000 });
    await expect(attempt).rejects.toBeInstanceOf(DocumentLockError);
    await expect(attempt).rejects.toThrow('Có người khác đang cập nhật bảng tính này; vui lòng thử lại sau ít phút.');
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOCUMENT_LOCKED', message: LOCK_BUSY_MESSAGE });
    expect(fn).not.toHaveBeenCalled();
    expect(flushes).toEqual([]);
    expect(locks.documentLock.tries).toEqual([2_000]);
    expect(locks.documentLock.releases).toBe(0);
  });

  it('releases the lock when the function throws', async () => {
    const { locks, flushes, options } = setup();
    await expect(
      withDocumentLock(() => {
        throw new Error('hỏng');
      }, options),
    ).rejects.toThrow('hỏng');
    expect(locks.documentLock.hasLock()).toBe(false);
    expect(flushes).toEqual(['flush while held']);
    // The next write gets the lock again.
    await expect(withDocumentLock(() => 'ok', options)).resolves.toBe('ok');
  });

  it('runs nested calls under the outer lock (one tryLock, one flush)', async () => {
    const { locks, flushes, options } = setup();
    const inner = await withDocumentLock(() => withDocumentLock(() => 'trong', options), options);
    expect(inner).toBe('trong');
    expect(locks.documentLock.tries).toHaveLength(1);
    expect(flushes).toHaveLength(1);
    expect(locks.documentLock.hasLock()).toBe(false);
  });

  it('falls back to the script lock outside a containing document', async () => {
    const { locks, options } = setup();
    locks.inDocument = false;
    await withDocumentLock(() => {
      expect(locks.scriptLock.hasLock()).toBe(true);
    }, options);
    expect(locks.scriptLock.hasLock()).toBe(false);
    expect(locks.documentLock.tries).toEqual([]);
  });
});
