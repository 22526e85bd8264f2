/**
 * Promises that settle within the current call, for the Apps Script server.
 *
 * The core's actions are async (the Excel port really waits for Excel), but every Apps Script
 * service is synchronous, and a function called by google.script.run or from a menu must return
 * its result, not a Promise. So the server bundle is built with async/await lowered to generators
 * (esbuild `supported: { 'async-await': false }`) and with `Promise` bound to SyncPromise in the
 * bundle's scope (scripts/build-sheets.mjs); `runSync` then runs the reactions queued by the
 * call until none is left, and returns the result or throws the error.
 *
 * SyncPromise follows the Promises/A+ rules (reactions run later, from the queue, never within
 * `then`; thenables are adopted through a queued job), so the core's code behaves as under a
 * native Promise; only the queue is drained by `runSync` instead of the engine's microtask
 * checkpoint. The queue is a flat loop: long chains of awaits do not grow the stack.
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */

type Job = () => void;

const queue: Job[] = [];
let head = 0;

function enqueue(job: Job): void {
  queue.push(job);
}

/** Runs queued reactions until none is left (reactions may queue more). */
export function drainJobs(): void {
  while (head < queue.length) {
    const job = queue[head];
    head++;
    job();
  }
  queue.length = 0;
  head = 0;
}

type Settled<T> = { readonly state: 'fulfilled'; readonly value: T } | { readonly state: 'rejected'; readonly reason: unknown };

function isObjectLike(x: unknown): x is object {
  return x !== null && (typeof x === 'object' || typeof x === 'function');
}

export class SyncPromise<T> implements PromiseLike<T> {
  private result: Settled<T> | undefined;
  private reactions: Job[] = [];

  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
    let done = false;
    const resolve = (value: T | PromiseLike<T>): void => {
      if (done) return;
      done = true;
      this.resolveWith(value);
    };
    const reject = (reason?: unknown): void => {
      if (done) return;
      done = true;
      this.settle({ state: 'rejected', reason });
    };
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }

  private resolveWith(value: T | PromiseLike<T>): void {
    if (value === this) {
      this.settle({ state: 'rejected', reason: new TypeError('A promise cannot be resolved with itself.') });
      return;
    }
    if (isObjectLike(value)) {
      let then: unknown;
      try {
        then = (value as { then?: unknown }).then;
      } catch (e) {
        this.settle({ state: 'rejected', reason: e });
        return;
      }
      if (typeof then === 'function') {
        // Adopt the thenable's state, in a later job (as the spec's PromiseResolveThenableJob).
        enqueue(() => {
          let called = false;
          try {
            then.call(
              value,
              (v: T | PromiseLike<T>) => {
                if (called) return;
                called = true;
                this.resolveWith(v);
              },
              (r: unknown) => {
                if (called) return;
                called = true;
                this.settle({ state: 'rejected', reason: r });
              },
            );
          } catch (e) {
            if (!called) {
              called = true;
              this.settle({ state: 'rejected', reason: e });
            }
          }
        });
        return;
      }
    }
    this.settle({ state: 'fulfilled', value: value as T });
  }

  private settle(result: Settled<T>): void {
    if (this.result) return;
    this.result = result;
    const reactions = this.reactions;
    this.reactions = [];
    for (const r of reactions) enqueue(r);
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): SyncPromise<A | B> {
    return new SyncPromise<A | B>((resolve, reject) => {
      const react = (): void => {
        const r = this.result as Settled<T>;
        try {
          if (r.state === 'fulfilled') {
            if (typeof onFulfilled === 'function') resolve(onFulfilled(r.value));
            else resolve(r.value as unknown as A);
          } else if (typeof onRejected === 'function') resolve(onRejected(r.reason));
          else reject(r.reason);
        } catch (e) {
          reject(e);
        }
      };
      if (this.result) enqueue(react);
      else this.reactions.push(react);
    });
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): SyncPromise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (v) => SyncPromise.resolve(onFinally?.()).then(() => v),
      (e) =>
        SyncPromise.resolve(onFinally?.()).then(() => {
          throw e;
        }),
    );
  }

  static resolve<U>(value: U | PromiseLike<U>): SyncPromise<U> {
    if (value instanceof SyncPromise) return value as SyncPromise<U>;
    return new SyncPromise<U>((resolve) => resolve(value));
  }

  static reject<U = never>(reason?: unknown): SyncPromise<U> {
    return new SyncPromise<U>((_, reject) => reject(reason));
  }

  static all<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<U[]> {
    const items = [...values];
    return new SyncPromise<U[]>((resolve, reject) => {
      const out: U[] = new Array<U>(items.length);
      let left = items.length;
      if (left === 0) resolve(out);
      items.forEach((item, i) => {
        SyncPromise.resolve(item).then((v) => {
          out[i] = v;
          left--;
          if (left === 0) resolve(out);
        }, reject);
      });
    });
  }

  static allSettled<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<PromiseSettledResult<U>[]> {
    return SyncPromise.all(
      [...values].map((v) =>
        SyncPromise.resolve(v).then(
          (value): PromiseSettledResult<U> => ({ status: 'fulfilled', value }),
          (reason): PromiseSettledResult<U> => ({ status: 'rejected', reason }),
        ),
      ),
    );
  }

  static race<U>(values: Iterable<U | PromiseLike<U>>): SyncPromise<U> {
    return new SyncPromise<U>((resolve, reject) => {
      for (const v of values) SyncPromise.resolve(v).then(resolve, reject);
    });
  }
}

/** Thrown when a call's result depends on something that never settles within the call. */
export const NOT_SETTLED = 'LKH: thao tác không hoàn tất trong lần gọi (lỗi lập trình: một Promise không thuộc SyncPromise).';

/**
 * Runs `fn` and the reactions it queues; returns its result or throws its error. The result may be
 * a plain value, a SyncPromise or any thenable built on SyncPromise.
 */
export function runSync<T>(fn: () => T | PromiseLike<T>): T {
  let outcome: Settled<T> | undefined;
  try {
    SyncPromise.resolve(fn()).then(
      (value) => {
        outcome = { state: 'fulfilled', value };
      },
      (reason) => {
        outcome = { state: 'rejected', reason };
      },
    );
    drainJobs();
  } catch (e) {
    // A synchronous throw of fn itself: drop whatever it queued.
    queue.length = 0;
    head = 0;
    throw e;
  }
  const result = outcome as Settled<T> | undefined;
  if (!result) throw new Error(NOT_SETTLED);
  if (result.state === 'rejected') throw result.reason;
  return result.value;
}
