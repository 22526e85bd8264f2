/** (b) buildPlan over 100,000 activities (time; memory in a child process) and (c) its growth from 1,000 to 100,000 activities. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FormReading } from '../../core/src/model/types';
import { NO_EDITS, buildPlan } from '../../core/src/workflow/plan';
import type { CommunePlan } from '../../core/src/workflow/types';
import { ACTIVITIES_PER_COMMUNE, PLAN_YEAR, generateCommunes, readingsOf } from './inputs';
import { cpuSince, fmt, gc, log, measure, profiled } from './measure';

// (b) and (c) ---------------------------------------------------------------------------------

export interface PlanStats {
  readonly rows: number;
  readonly suggestions: number;
  readonly returned: number;
  readonly balanced: boolean;
}

export const statsOf = (p: CommunePlan): PlanStats => ({ rows: p.activities.length, suggestions: p.suggestions.length, returned: p.returned.length, balanced: p.reconciliation.balanced });


export function timeBuild(readings: readonly FormReading[]): { ms: number; cpu: number; stats: PlanStats } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = buildPlan(readings, NO_EDITS, { planYear: PLAN_YEAR, communeName: 'Benchmark' });
  const ms = performance.now() - t0;
  return { ms, cpu: cpuSince(c0), stats: statsOf(plan) };
}

export interface MemoryProbe {
  readonly activities: number;
  readonly ms: number;
  readonly heapInputs: number;
  readonly rssInputs: number;
  readonly heapAfterCall: number;
  readonly rssPeakSampled: number;
  readonly samples: number;
  readonly maxRss: number;
  /** Largest heap in use before a GC, from --trace-gc, over the whole probe process. */
  readonly heapPeak: number;
  readonly gcs: number;
}

/** Child process mode: generate 100 communes, one buildPlan call, report memory as a PROBE line. */
export async function probeMemory(): Promise<void> {
  const communes = generateCommunes(100);
  const readings = readingsOf(communes.flatMap((c) => c.units));
  const activities = readings.reduce((n, r) => n + r.activities.length, 0);
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0, samples = 0;
     const t = setInterval(() => { const r = process.memoryUsage.rss(); samples++; if (r > peak) peak = r; }, 5);
     parentPort.on('message', () => { clearInterval(t); parentPort.postMessage({ peak, samples }); });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  await new Promise<void>((resolve) => sampler.once('message', () => resolve()));
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const plan = buildPlan(readings, NO_EDITS, { planYear: PLAN_YEAR, communeName: 'Benchmark' });
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  const sampled = await new Promise<{ peak: number; samples: number }>((resolve) => {
    sampler.once('message', (m: { peak: number; samples: number }) => resolve(m));
    sampler.postMessage('stop');
  });
  await sampler.terminate();
  if (plan.activities.length === 0) throw new Error('empty plan');
  const out = {
    activities,
    ms,
    heapInputs: before.heapUsed,
    rssInputs: before.rss,
    heapAfterCall: after.heapUsed,
    rssPeakSampled: Math.max(sampled.peak, after.rss),
    samples: sampled.samples,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`PROBE ${JSON.stringify(out)}\n`);
}

export function runProbe(): MemoryProbe {
  const script = process.argv[1];
  const res = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', script, '--probe-memory'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: process.env });
  if (res.status !== 0) throw new Error(`memory probe failed (${res.status}): ${res.stderr}`);
  const line = res.stdout.split('\n').find((l) => l.startsWith('PROBE '));
  if (!line) throw new Error(`memory probe printed no result: ${res.stdout.slice(-2000)}`);
  let heapPeak = 0;
  let gcs = 0;
  for (const m of res.stdout.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep|Mark-Compact \(reduce\)|Minor Mark-Compact|Minor Mark-Sweep)[^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
    gcs++;
    heapPeak = Math.max(heapPeak, Number(m[1]) * 1024 * 1024);
  }
  const p = JSON.parse(line.slice('PROBE '.length)) as Omit<MemoryProbe, 'heapPeak' | 'gcs'>;
  return { ...p, heapPeak: Math.max(heapPeak, p.heapAfterCall), gcs };
}

export interface ResultB {
  readonly activities: number;
  readonly readings: number;
  readonly single: { ms: number; cpu: number; stats: PlanStats };
  readonly perCommune: { ms: number; cpu: number; communes: number; suggestions: number };
  readonly memory: MemoryProbe;
  readonly runs: number;
}

export interface GrowthRow {
  readonly activities: number;
  readonly communes: number;
  readonly ms: number;
  readonly cpu: number;
  readonly stats: PlanStats;
}

export const GROWTH = [1, 3, 10, 30, 100];

export async function benchBC(runs: number, doB: boolean, doC: boolean, sizes: readonly number[]): Promise<{ b?: ResultB; c?: GrowthRow[] }> {
  const count = doB ? 100 : Math.max(...sizes);
  log(`(b/c) generating ${count} communes of readings…`);
  const communes = generateCommunes(count);
  const perCommune = communes.map((c) => readingsOf(c.units));
  const all = perCommune.flat();
  const activities = all.reduce((n, r) => n + r.activities.length, 0);
  let b: ResultB | undefined;
  let c: GrowthRow[] | undefined;
  if (doB) {
    log('(b) one buildPlan call with 100,000 activities…');
    let stats: PlanStats | undefined;
    const single = await measure('single call', runs, () => {
      const r = timeBuild(all);
      stats = r.stats;
      return { ms: r.ms, cpu: r.cpu };
    });
    log('(b) 100 per-commune calls…');
    let suggestions = 0;
    const split = await measure('per commune', runs, () => {
      let ms = 0;
      let cpu = 0;
      suggestions = 0;
      for (const readings of perCommune) {
        const r = timeBuild(readings);
        ms += r.ms;
        cpu += r.cpu;
        suggestions += r.stats.suggestions;
      }
      return { ms, cpu };
    });
    await profiled('b-single', '(b) buildPlan, one call with 100,000 activities', () => timeBuild(all));
    await profiled('b-per-commune', '(b) buildPlan, 100 calls of 1,000 activities', () => perCommune.forEach((r) => timeBuild(r)));
    log('(b) memory, in a fresh process…');
    const memory = runProbe();
    if (!stats) throw new Error('no run');
    b = {
      activities,
      readings: all.length,
      single: { ms: single.median.ms, cpu: single.median.cpu, stats },
      perCommune: { ms: split.median.ms, cpu: split.median.cpu, communes: communes.length, suggestions },
      memory,
      runs,
    };
  }
  if (doC) {
    c = [];
    for (const n of sizes) {
      const readings = perCommune.slice(0, n).flat();
      log(`(c) ${fmt(n * ACTIVITIES_PER_COMMUNE)} activities…`);
      if (b && n === 100) {
        c.push({ activities: b.activities, communes: n, ms: b.single.ms, cpu: b.single.cpu, stats: b.single.stats });
        continue;
      }
      let stats: PlanStats | undefined;
      const m = await measure(`${n}k`, runs, () => {
        const r = timeBuild(readings);
        stats = r.stats;
        return { ms: r.ms, cpu: r.cpu };
      });
      if (!stats) throw new Error('no run');
      c.push({ activities: readings.reduce((k, r) => k + r.activities.length, 0), communes: n, ms: m.median.ms, cpu: m.median.cpu, stats });
    }
  }
  return { ...(b ? { b } : {}), ...(c ? { c } : {}) };
}
