/**
 * Benchmarks of the consolidation (docs: BENCHMARKS.md). Run through scripts/bench.mjs, which bundles
 * this file (scripts/bench/main.ts) and the files beside it, one per measure, with esbuild (exceljs kept external) and runs it with --expose-gc; the markdown report
 * goes to stdout, progress to stderr.
 *
 *   (a) a commune of 50 .xlsx files / 1,000 activities: read + consolidate + write the plan workbook,
 *       against a baseline of reading the same files and writing as many rows (17 cells each) with ExcelJS alone;
 *   (b) buildPlan on 100,000 activities in memory: time and memory (memory in a child process);
 *   (c) growth of buildPlan from 1,000 to 100,000 activities;
 *   (s) start-up (`lkh --help`, `lkh template` against `require('exceljs')`) and each page's first-load weight;
 *   (h) hostile shapes: 20,000 empty sheets, 2,100,000 cells, a zip whose sizes lie (`lkh validate`, time and peak memory).
 *   (f) the hostile files that must be read fast, against their budget (maxMs).
 *
 * Inputs are generated deterministically (seeded PRNG): villages and departments of communes
 * proposing activities drawn from a pool of Vietnamese phrases, many naming their village or field,
 * so that the merge suggestions have real work to do.
 *
 * Options: --only a,b,c,s,h,f  --runs N (measured runs after one warm-up; default 5)  --sizes 1,3,10 (communes of
 * 1,000 activities for (c); default 1,3,10,30,100)  --keep-files DIR (copies (a)'s 50 files there)  --probe-memory (internal)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROWTH, benchBC, probeMemory } from './build-plan';
import { benchA } from './commune-files';
import { benchShapes } from './hostile-shapes';
import { benchHostile } from './hostile';
import { benchStartup } from './startup';
import { log, profileDir, profiles, setProfileDir } from './measure';
import { codeState, dateNow, loadNow, report, started } from './report';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--probe-memory')) {
    await probeMemory();
    return;
  }
  started.date = dateNow();
  started.load = loadNow();
  started.code = codeState();
  const only = (() => {
    const i = argv.indexOf('--only');
    return new Set((i >= 0 ? (argv[i + 1] ?? '') : 'a,b,c,s,h,f').split(',').map((s) => s.trim().toLowerCase()));
  })();
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 5) : 5;
  const profileAt = argv.indexOf('--profile-dir');
  if (profileAt >= 0 && argv[profileAt + 1]) {
    const dir = argv[profileAt + 1];
    setProfileDir(dir);
    mkdirSync(dir, { recursive: true });
  }
  if (!(globalThis as { gc?: unknown }).gc) log('note: run with --expose-gc (scripts/bench.mjs does) for steadier figures');
  const keepAt = argv.indexOf('--keep-files');
  const a = only.has('a') ? await benchA(runs, keepAt >= 0 ? argv[keepAt + 1] : undefined) : undefined;
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? (argv[sizesAt + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 100) : GROWTH;
  const bc = only.has('b') || only.has('c') ? await benchBC(runs, only.has('b'), only.has('c'), sizes.length > 0 ? sizes : GROWTH) : {};
  const s = only.has('s') ? benchStartup(Math.max(5, runs)) : undefined;
  const h = only.has('h') ? await benchShapes(Math.min(runs, 3)) : undefined;
  const f = only.has('f') ? benchHostile(runs) : undefined;
  if (profileDir) writeFileSync(join(profileDir, 'profiles.json'), JSON.stringify(profiles, null, 2));
  process.stdout.write(report(argv.filter((x, i) => !['--profile-dir', '--keep-files'].includes(x) && !['--profile-dir', '--keep-files'].includes(argv[i - 1])), runs, a, bc.b, bc.c, s, h, f));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
