/** Measuring: medians of runs after a warm-up, CPU time, and the optional V8 CPU profiles (--profile). */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

export const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const mb = (bytes: number): string => `${fmt(bytes / 1e6)} MB`;

/** One warm-up run, then `runs` measured ones; each run returns named phase times (ms) and the median of each is kept. */
export async function measure(label: string, runs: number, once: () => Promise<Record<string, number>> | Record<string, number>): Promise<{ median: Record<string, number>; all: Record<string, number[]> }> {
  gc();
  await once();
  const all: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    gc();
    const phases = await once();
    for (const [k, v] of Object.entries(phases)) (all[k] ??= []).push(v);
    log(`  ${label} run ${i + 1}/${runs}: ${Object.entries(phases).map(([k, v]) => `${k} ${fmt(v)} ms`).join(', ')}`);
  }
  const med: Record<string, number> = {};
  for (const [k, v] of Object.entries(all)) med[k] = median(v);
  return { median: med, all };
}

/** Where --profile writes its .cpuprofile files (set by scripts/bench.mjs), with a title for each. */
export let profileDir: string | undefined;

/** Set by main from --profile-dir. */
export function setProfileDir(dir: string): void {
  profileDir = dir;
}
export const profiles: { file: string; title: string }[] = [];

/**
 * Runs `fn` under the V8 sampling CPU profiler (the one `node --cpu-prof` uses, same .cpuprofile
 * format), started and stopped around the workload only, so generating inputs stays out of it.
 */
export async function profiled(name: string, title: string, fn: () => Promise<unknown> | unknown): Promise<void> {
  if (!profileDir) return;
  const session = new Session();
  session.connect();
  const raw = session as unknown as { post(method: string, params: object, cb: (err: Error | null, result: unknown) => void): void };
  const post = (method: string, params: object = {}) => new Promise<unknown>((resolve, reject) => raw.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  gc();
  await post('Profiler.start');
  await fn();
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  session.disconnect();
  const file = join(profileDir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  profiles.push({ file, title });
  log(`  profile written: ${file}`);
}

/** Milliseconds of CPU (user + system, all threads of the process) since `from`. */
export function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}
