/**
 * SyncPromise and runSync: the core's async code, built with async/await lowered to generators
 * and `Promise` bound to SyncPromise (as scripts/build-sheets.mjs builds the server), settles
 * within the call, in the order native promises would, without growing the stack.
 */
import { buildSync } from 'esbuild';
import vm from 'node:vm';
import path from 'node:path';
import { NOT_SETTLED, SyncPromise, drainJobs, runSync } from '../src/server/sync-promise';

/** Runs TypeScript source as the server bundle runs: async lowered, Promise = SyncPromise. */
function asServer<T>(source: string): T {
  const entry = `${source}\nexport { SyncPromise, runSync } from ${JSON.stringify(path.resolve(__dirname, '../src/server/sync-promise'))};`;
  const out = buildSync({
    stdin: { contents: entry, loader: 'ts', resolveDir: __dirname },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__t',
    target: 'es2020',
    supported: { 'async-await': false },
  }).outputFiles[0].text;
  const code = `var Promise; ${out}; Promise = __t.SyncPromise; __t`;
  return vm.runInNewContext(code) as T;
}

describe('SyncPromise', () => {
  it('runs reactions later, from the queue, never inside then', () => {
    const order: string[] = [];
    const p = SyncPromise.resolve(1);
    p.then((v) => order.push(`then ${v}`));
    order.push('after then');
    drainJobs();
    expect(order).toEqual(['after then', 'then 1']);
  });

  it('orders reactions as native promises do', async () => {
    const record = async (P: PromiseConstructorLike & { resolve<T>(v: T): PromiseLike<T> }, drain: () => void | Promise<void>) => {
      const order: string[] = [];
      const a = P.resolve('a');
      const b = new P<string>((resolve) => resolve(P.resolve('b')));
      b.then((v) => order.push(v));
      a.then((v) => order.push(v)).then(() => order.push('a2'));
      P.resolve('c').then((v) => order.push(v));
      await drain();
      return order;
    };
    const native = await record(Promise, () => new Promise((r) => setTimeout(r, 0)));
    const sync = await record(SyncPromise as unknown as PromiseConstructorLike & { resolve<T>(v: T): PromiseLike<T> }, drainJobs);
    expect(sync).toEqual(native);
  });

  it('rejects, catches, finally, all', () => {
    expect(runSync(() => SyncPromise.reject(new Error('x')).catch((e) => `caught ${(e as Error).message}`))).toBe('caught x');
    expect(runSync(() => SyncPromise.all([1, SyncPromise.resolve(2), new SyncPromise<number>((r) => r(3))]))).toEqual([1, 2, 3]);
    const seen: string[] = [];
    expect(() => runSync(() => SyncPromise.reject(new Error('boom')).finally(() => seen.push('finally')))).toThrow('boom');
    expect(seen).toEqual(['finally']);
    expect(runSync(() => SyncPromise.allSettled([SyncPromise.reject(1), 2]))).toEqual([
      { status: 'rejected', reason: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(runSync(() => SyncPromise.race([SyncPromise.resolve('first'), 'second']))).toBe('first');
  });

  it('runSync returns plain values and throws synchronous errors', () => {
    expect(runSync(() => 5)).toBe(5);
    expect(() =>
      runSync(() => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
  });

  it('refuses a native promise, which cannot settle within the call', () => {
    expect(() => runSync(() => Promise.resolve(1))).toThrow(NOT_SETTLED);
  });

  it('runs lowered async code to completion within the call, in order, with a flat stack', () => {
    const t = asServer<{ runSync<T>(f: () => T | PromiseLike<T>): T; run(n: number): Promise<number>; order(): Promise<string[]>; fail(): Promise<void> }>(`
      async function step(i: number): Promise<number> { return i; }
      export async function run(n: number): Promise<number> {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += await step(i);
        return sum;
      }
      export async function order(): Promise<string[]> {
        const out: string[] = [];
        const a = (async () => { out.push('a1'); await null; out.push('a2'); })();
        out.push('main');
        await a;
        try { await (async () => { throw new Error('inner'); })(); } catch (e) { out.push((e as Error).message); }
        return out;
      }
      export async function fail(): Promise<void> { await null; throw new Error('Không đọc được'); }
    `);
    // 200,000 awaits: a recursive implementation would overflow the stack.
    expect(t.runSync(() => t.run(200_000))).toBe((200_000 * 199_999) / 2);
    expect(t.runSync(() => t.order())).toEqual(['a1', 'main', 'a2', 'inner']);
    expect(() => t.runSync(() => t.fail())).toThrow('Không đọc được');
  });
});
