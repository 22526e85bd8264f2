/**
 * (h) The hostile files that must be read fast (core/test/fixtures/hostile/expected.json, "maxMs"): a
 * data validation over whole columns, a merge down to the last row. The unit tests check what these
 * files give, never how long it takes (a loaded machine is not a bug); their time budget is measured
 * here: `lkh validate --json FILE` as a process, median of the runs, against the file's maxMs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { log, median } from './measure';

export interface HostileRow {
  readonly file: string;
  readonly maxMs: number;
  readonly ms: readonly number[];
}

export function benchHostile(runs: number): HostileRow[] {
  const root = process.cwd();
  const dir = join(root, 'core', 'test', 'fixtures', 'hostile');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { files: { file: string; maxMs?: number }[] };
  const lkh = join(root, 'core', 'bin', 'lkh.cjs');
  const rows: HostileRow[] = [];
  for (const c of expected.files) {
    if (c.maxMs === undefined) continue;
    log(`(h) lkh validate ${c.file}…`);
    const ms: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [lkh, 'validate', '--json', join(dir, 'files', c.file)], { cwd: root, encoding: 'utf8' });
      const took = performance.now() - t;
      if (r.status === null) throw new Error(`lkh validate ${c.file}: ${r.signal ?? 'no exit'}`);
      if (i > 0) ms.push(took); // the first run warms the code cache
    }
    rows.push({ file: c.file, maxMs: c.maxMs, ms });
  }
  return rows;
}

export function hostileSection(rows: readonly HostileRow[], fmt: (n: number, digits?: number) => string): string[] {
  return [
    '## (h) Hostile files read against their budget',
    '',
    'Each file of the hostile corpus with a `maxMs` in `core/test/fixtures/hostile/expected.json`: `lkh validate --json FILE` as',
    'a process (start-up included), median of the measured runs after one warm-up. The unit tests check only what these files',
    'give; their time budget is this table.',
    '',
    '| File | Median ms | Budget ms | Within |',
    '|---|---:|---:|---|',
    ...rows.map((r) => `| ${r.file} | ${fmt(median(r.ms))} | ${fmt(r.maxMs)} | ${median(r.ms) <= r.maxMs ? 'yes' : '**no**'} |`),
    '',
  ];
}
