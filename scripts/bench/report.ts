/** The markdown report: machine, code measured, each target with its verdict. */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { GrowthRow, ResultB } from './build-plan';
import type { ResultA } from './commune-files';
import { PLAN_COLUMNS } from './commune-files';
import type { HostileRow } from './hostile';
import { hostileSection } from './hostile';
import { fmt, mb, median } from './measure';
import type { ShapeRow } from './hostile-shapes';
import type { ResultS } from './startup';
import { PANE_BUDGET, SIDEBAR_BUDGET, startupRows, startupSection } from './startup';

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

export const LIMIT_RATIO = 1.5;
/** The whole command, process to process: 1.3 × in issue 13, 1.2 × in issue 23 (item 8). */
export const PROCESS_LIMIT_RATIO = 1.2;
/** The same command again over the plan it wrote, against its first run (issue 23, item 8). */
export const RERUN_LIMIT_RATIO = 1.3;
/** Issue 13, target 3: a province (100,000 activities) in under a second, peak memory under 600 MB. */
export const LIMIT_MS = 1000;
export const LIMIT_BYTES = 600 * 1024 ** 2;

/** `date`, as the shell prints it. */
export function dateNow(): string {
  try {
    return execSync('date', { encoding: 'utf8' }).trim();
  } catch {
    return new Date().toString();
  }
}

export const loadNow = (): string => loadavg().map((x) => x.toFixed(2)).join(', ');

/** The code measured: git HEAD, uncommitted changes under core/, and a hash of core/src's files (read-only git). */
export function codeState(): string {
  const git = (cmd: string): string => {
    try {
      return execSync(`git --no-optional-locks ${cmd}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
    } catch {
      return '';
    }
  };
  // Hash what was bundled (the source map carries every source's text), not the tree, which may change during a run.
  const hash = createHash('sha256');
  try {
    const map = JSON.parse(readFileSync(`${process.argv[1]}.map`, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    map.sources
      .map((src, i) => [src, map.sourcesContent?.[i] ?? ''] as const)
      .filter(([src]) => src.includes('core/src/'))
      .sort(([x], [y]) => x.localeCompare(y))
      .forEach(([src, text]) => hash.update(`${src.slice(src.indexOf('core/src/'))}\0${text}\0`));
  } catch {
    hash.update('no source map');
  }
  const head = git('rev-parse --short HEAD').trim() || 'unknown';
  const dirty = git('status --porcelain -- core')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return `commit ${head}${dirty.length ? ` + uncommitted changes in ${dirty.map((f) => `\`${f}\``).join(', ')}` : ''}; sha256 of the bundled core/src sources \`${hash.digest('hex').slice(0, 12)}\``;
}

/** Taken when the run starts (the bundle is built just before: the code measured is the code of that moment). */
export const started = { date: '', load: '', code: '' };

export function machine(): string[] {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return [
    '| | |',
    '|---|---|',
    `| CPU | ${model} (\`/proc/cpuinfo\`) |`,
    `| Cores | ${cpus().length} |`,
    `| RAM | ${fmt(totalmem() / 1024 ** 3, 1)} GiB |`,
    `| Node | ${process.version} |`,
    `| ExcelJS | ${(JSON.parse(readFileSync(require.resolve('exceljs/package.json'), 'utf8')) as { version: string }).version} |`,
    `| Date | ${started.date} (start of the run; \`date\`) |`,
    `| Code | ${started.code} |`,
    `| Load average (1, 5, 15 min) | ${started.load} at the start, ${loadNow()} at the end: other processes share the ${cpus().length} cores, so wall-clock figures are noisy; CPU time (user + system of the bench process) is given beside them |`,
  ];
}

export const verdict = (ok: boolean): string => (ok ? '**PASS**' : '**FAIL**');

/** (h)'s limits (issue 23): the empty sheets read in under 5 s, the others refused, everything under 600 MB. */
const SHAPE_MS = 5000;
const SHAPE_BYTES = 600 * 1024 * 1024;
const shapeOk = (r: ShapeRow): boolean => r.maxRss < SHAPE_BYTES && (r.name.startsWith('20,000') ? r.ms < SHAPE_MS && r.exit === 0 : r.exit === 2);

function shapeRows(h: readonly ShapeRow[]): string[] {
  return h.map((r) => {
    const limit = r.name.startsWith('20,000') ? `read in < ${fmt(SHAPE_MS)} ms, < 600 MB` : 'refused (exit 2, named), < 600 MB';
    return `| (h) \`lkh validate\`, ${r.name} (${mb(r.bytes)}) | ${limit} | ${fmt(r.ms)} ms (CPU ${fmt(r.cpuMs)} ms), peak ${mb(r.maxRss)}, exit ${r.exit} | ${verdict(shapeOk(r))} |`;
  });
}

/**
 * How time grows: the least-squares slope of log(ms) over log(activities) (1 = linear, 2 = quadratic),
 * and the worst cost per activity relative to the smallest size's. Near-linear: slope ≤ 1.1 and
 * no size costs more than twice as much per activity as the smallest (cheaper per activity is fine).
 */
export const MAX_SLOPE = 1.1;
export const MAX_WORST = 2;

export function slope(c: readonly GrowthRow[], pick: (r: GrowthRow) => number): number {
  const xs = c.map((r) => Math.log(r.activities));
  const ys = c.map((r) => Math.log(pick(r)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den === 0 ? 1 : num / den;
}

export function growthOf(c: readonly GrowthRow[]): { slope: number; slopeCpu: number; worst: number; ok: boolean } {
  const base = c[0].ms / c[0].activities;
  const worst = Math.max(...c.map((r) => r.ms / r.activities / base));
  const s = slope(c, (r) => r.ms);
  return { slope: s, slopeCpu: slope(c, (r) => r.cpu), worst, ok: c.length < 2 || (s <= MAX_SLOPE && worst <= MAX_WORST) };
}

export function report(args: string[], runs: number, a: ResultA | undefined, b: ResultB | undefined, c: GrowthRow[] | undefined, s?: ResultS, h?: readonly ShapeRow[], f?: readonly HostileRow[]): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Benchmarks of the consolidation, not timed tests: nothing here fails a build. Regenerate this file with',
    '',
    '```sh',
    'npm run bench -- --write        # = node scripts/bench.mjs --write',
    '```',
    '',
    '`scripts/bench.mjs` bundles `scripts/bench/main.ts` (one file per measure beside it) with esbuild (ExcelJS external) and runs it with `--expose-gc`;',
    '`--only a,b,c,s,h,f` picks targets, `--runs N` sets the measured runs (after one warm-up), `--sizes 1,3,10,30,100` the sizes of (c)',
    'in communes of 1,000 activities, `--profile` profiles each workload afterwards (V8 CPU profiler, as `node --cpu-prof`) and',
    'appends where the time goes. Every figure is the **median** of the measured runs.',
    '',
    `Run: \`node scripts/bench.mjs${args.length ? ` ${args.join(' ')}` : ''}\``,
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Summary',
    '',
    '| Target | Limit | Measured | Result |',
    '|---|---|---|---|',
  ];
  let memOk = false;
  if (a) {
    lines.push(`| (a) 50 files / 1,000 activities: read + consolidate + write vs. ExcelJS read + write, in process | ≤ ${LIMIT_RATIO} × baseline | ${fmt(a.lkh.total)} ms vs. ${fmt(a.baseline.total)} ms = **${fmt(a.ratio, 2)} ×** | ${verdict(a.ratio <= LIMIT_RATIO)} |`);
    lines.push(
      `| (a′) the same, the whole command: \`lkh consolidate\` process vs. a Node process doing the floor's work | ≤ ${PROCESS_LIMIT_RATIO} × | ${fmt(a.process.lkh)} ms vs. ${fmt(a.process.floor)} ms = **${fmt(a.process.ratio, 2)} ×**; peak ${mb(a.process.maxRss.lkh)} vs. ${mb(a.process.maxRss.floor)} | ${verdict(a.process.ratio <= PROCESS_LIMIT_RATIO)} |`,
      `| (a″) the same command again over the plan it wrote (a village's correction) vs. the first run | ≤ ${RERUN_LIMIT_RATIO} × | ${fmt(a.process.rerun)} ms vs. ${fmt(a.process.lkh)} ms = **${fmt(a.process.rerunRatio, 2)} ×**; peak ${mb(a.process.maxRss.rerun)} | ${verdict(a.process.rerunRatio <= RERUN_LIMIT_RATIO)} |`,
      `| (a′), (a″) in CPU time (user + system of each process, medians; steadier than wall time when other processes share the cores) | — | lkh ${fmt(a.process.cpu.lkh)} ms vs. floor ${fmt(a.process.cpu.floor)} ms = ${fmt(a.process.cpu.lkh / a.process.cpu.floor, 2)} ×; re-run ${fmt(a.process.cpu.rerun)} ms = ${fmt(a.process.cpu.rerun / a.process.cpu.lkh, 2)} × the first run | — |`,
    );
  }
  if (b) {
    memOk = b.memory.maxRss < LIMIT_BYTES && b.memory.heapPeak < LIMIT_BYTES && b.memory.rssPeakSampled < LIMIT_BYTES;
    lines.push(`| (b) buildPlan, 100,000 activities, one call: time | < ${fmt(LIMIT_MS)} ms | ${fmt(b.single.ms)} ms | ${verdict(b.single.ms < LIMIT_MS)} |`);
    lines.push(`| (b) buildPlan, 100,000 activities, one call: memory | < 600 MB | peak RSS ${mb(b.memory.maxRss)}, peak heap used ${mb(b.memory.heapPeak)} | ${verdict(memOk)} |`);
  }
  if (c) {
    const g = growthOf(c);
    lines.push(
      `| (c) growth ${fmt(c[0].activities)} → ${fmt(c[c.length - 1].activities)} activities | near-linear: log-log slope ≤ ${MAX_SLOPE}, no size > ${MAX_WORST} × the smallest's ms per 1,000 | slope ${fmt(g.slope, 2)} (CPU ${fmt(g.slopeCpu, 2)}); worst ${fmt(g.worst, 2)} × | ${verdict(g.ok)} |`,
    );
  }
  if (s) lines.push(...startupRows(s, verdict, fmt));
  if (h) lines.push(...shapeRows(h));
  lines.push('');
  const sFails = s !== undefined && (median(s.help) >= median(s.exceljs) || median(s.template) >= median(s.exceljs) || s.weight.taskpane > PANE_BUDGET || s.weight.standalone > PANE_BUDGET || s.weight.sidebar > SIDEBAR_BUDGET);
  if ((a && (a.ratio > LIMIT_RATIO || a.process.ratio > PROCESS_LIMIT_RATIO || a.process.rerunRatio > RERUN_LIMIT_RATIO)) || (h && !h.every(shapeOk)) || (b && (b.single.ms >= LIMIT_MS || !memOk)) || (c && !growthOf(c).ok) || sFails || (f ?? []).some((r) => median(r.ms) > r.maxMs)) {
    lines.push('A failing target is reported as measured, never hidden; run with `--profile` to see where the time goes (section *Profiles* below when present).', '');
  }

  if (a) {
    lines.push(
      '## (a) A commune from its files',
      '',
      `${a.files} .xlsx files (40 villages with 2–4 I.2 sector sheets each, 10 departments with 1–2 II.3 sheets), ${a.sheets} sheets,`,
      `${fmt(a.activities)} activities, ${fmt(a.bytes / 1024)} KiB in all; written once to a temp directory with \`layoutForm\` + \`XlsxWorkbook\``,
      'as `demo.ts` does (strengths, difficulties, group rows, the document state). Files are read from disk in every run.',
      '',
      '- **LKH** — what `lkh consolidate` does: for each file `readFileSync` → `openForReading` (the XML read directly, ExcelJS when the file needs it: `core/src/xlsx/read-input.ts`) → `readWorkbook`; then',
      '  `consolidateCommune` into a new `XlsxWorkbook` (buildPlan + II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and the report sheet,',
      '  styled, with validations) → `save()` → `writeFileSync`.',
      `- **Baseline** — ExcelJS alone: for each file \`readFileSync\` → \`Workbook.xlsx.load\` → every cell's value touched`,
      `  (\`eachSheet\`/\`eachRow\`/\`eachCell\`); then "as many rows": a workbook with as many sheets and rows as LKH writes (${fmt(a.baseRowsWritten)} rows in ${a.plan.sheets.length} sheets), ${PLAN_COLUMNS} plain values each → \`writeBuffer\` → \`writeFileSync\`.`,
      `- ${a.runs} measured runs after a warm-up, LKH and baseline alternating; medians per phase (the phases' medians need not add up to the total's).`,
      '',
      '| | Read 50 files | Consolidate + lay out 6 sheets | Write .xlsx | **Total** |',
      '|---|---:|---:|---:|---:|',
      `| LKH | ${fmt(a.lkh.read)} ms | ${fmt(a.lkh.consolidate)} ms | ${fmt(a.lkh.save)} ms | **${fmt(a.lkh.total)} ms** |`,
      `| Baseline (ExcelJS) | ${fmt(a.baseline.read)} ms | — | ${fmt(a.baseline.write)} ms | **${fmt(a.baseline.total)} ms** |`,
      `| Ratio | ${fmt(a.lkh.read / a.baseline.read, 2)} × | | ${fmt(a.lkh.save / a.baseline.write, 2)} × | **${fmt(a.ratio, 2)} ×** (limit ${LIMIT_RATIO} ×) ${verdict(a.ratio <= LIMIT_RATIO)} |`,
      '',
      `CPU time of the whole run (user + system): LKH ${fmt(a.lkh.cpu)} ms, baseline ${fmt(a.baseline.cpu)} ms, ratio ${fmt(a.lkh.cpu / a.baseline.cpu, 2)} ×.`,
      '',
      `**The whole command, process to process.** What the accountant waits for: \`node core/bin/lkh.cjs consolidate <the 50 files> --out KH.xlsx\` (Node starting, the CLI loading, ExcelJS loaded on use, reading, consolidating, writing atomically) against a Node process that loads ExcelJS, reads the same files touching every cell and writes as many rows in as many sheets. ${a.process.lkhRuns.length} runs each, alternating; medians: **${fmt(a.process.lkh)} ms vs. ${fmt(a.process.floor)} ms = ${fmt(a.process.ratio, 2)} ×** (limit ${PROCESS_LIMIT_RATIO} ×) ${verdict(a.process.ratio <= PROCESS_LIMIT_RATIO)}. Runs: lkh ${a.process.lkhRuns.map((x) => fmt(x)).join(', ')} ms; floor ${a.process.floorRuns.map((x) => fmt(x)).join(', ')} ms.`,
      '',
      `The plan: ${fmt(a.plan.rows)} II.4.B rows, ${fmt(a.plan.suggestions)} merge suggestions, ${a.plan.returned} activities returned (rows left without figures),`,
      `reconciliation ${a.plan.balanced ? 'balanced' : '**not balanced**'}; sheets ${a.plan.sheets.join(', ')}; ${fmt(a.plan.outBytes / 1024)} KiB.`,
      `The in-memory readings used by (b) and (c) consolidate ${a.sameAsMemory ? 'to the same counts and amounts as' : '**differently from**'} the readings of these files.`,
      '',
    );
  }
  if (b) {
    const m = b.memory;
    lines.push(
      '## (b) The in-memory core: buildPlan on 100,000 activities',
      '',
      `100 communes × 50 units × 20 activities: ${fmt(b.readings)} \`FormReading\`s (one per sector sheet) holding ${fmt(b.activities)} activities,`,
      'built directly in the reader’s shape (unit, sector, strengths, difficulties, activities with their group and source cells). No I/O.',
      `${b.runs} measured runs after a warm-up, \`gc()\` before each.`,
      '',
      '| Measurement | Median (wall) | Median (CPU) | Limit | Result |',
      '|---|---:|---:|---:|---|',
      `| One call, 100,000 activities | ${fmt(b.single.ms)} ms | ${fmt(b.single.cpu)} ms | < ${fmt(LIMIT_MS)} ms | ${verdict(b.single.ms < LIMIT_MS)} |`,
      `| 100 calls of 1,000 (one per commune), summed | ${fmt(b.perCommune.ms)} ms | ${fmt(b.perCommune.cpu)} ms | — | — |`,
      '',
      `One call gives ${fmt(b.single.stats.rows)} plan rows, ${fmt(b.single.stats.suggestions)} merge suggestions, ${fmt(b.single.stats.returned)} returned, reconciliation ${b.single.stats.balanced ? 'balanced' : '**not balanced**'};`,
      `the 100 per-commune calls give ${fmt(b.perCommune.suggestions)} suggestions in all (words shared by more than 200 rows of a block are not used to find similar names, so one call over 100 communes finds fewer).`,
      '',
      'Memory, measured in a fresh process (`node --expose-gc --trace-gc`) that generates the 100,000 activities and calls buildPlan once:',
      '',
      '| | |',
      '|---|---:|',
      `| Heap used by the inputs (after \`gc()\`, before the call) | ${mb(m.heapInputs)} |`,
      `| Heap used right after the call (inputs + plan) | ${mb(m.heapAfterCall)} |`,
      `| Peak heap used (largest before-GC size in \`--trace-gc\`, ${m.gcs} GCs, whole process) | ${mb(m.heapPeak)} |`,
      `| RSS before the call | ${mb(m.rssInputs)} |`,
      `| Peak RSS during the call (sampled every 5 ms from a worker thread, ${m.samples} samples) | ${mb(m.rssPeakSampled)} |`,
      `| Peak RSS of the process (kernel high-water mark, \`resourceUsage().maxRSS\`) | ${mb(m.maxRss)} |`,
      `| **Limit** | **< 1,000 MB** ${verdict(memOk)} |`,
      '',
      `(That cold single call took ${fmt(m.ms)} ms. The main thread is busy during buildPlan, so \`process.memoryUsage()\` cannot be sampled there: RSS is sampled from a worker, the heap peak is read from the GC trace.)`,
      '',
    );
  }
  if (c) {
    const base = c[0].ms / c[0].activities;
    lines.push(
      `## (c) Growth from ${fmt(c[0].activities)} to ${fmt(c[c.length - 1].activities)} activities`,
      '',
      `One buildPlan call over the first ${c.map((r) => r.communes).join(', ')} communes of (b) (the same communes at every size); median of ${runs} runs after a warm-up, \`gc()\` before each.`,
      'CPU is user + system time of the process during the call (GC threads included).',
      `Log-log slope of time over activities: ${fmt(growthOf(c).slope, 2)} wall, ${fmt(growthOf(c).slopeCpu, 2)} CPU (1 = linear).`,
      '',
      '| Activities | Communes | ms (wall) | ms per 1,000 activities | vs. first | ms (CPU) | CPU ms per 1,000 | Plan rows | Suggestions |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...c.map(
        (r) =>
          `| ${fmt(r.activities)} | ${r.communes} | ${fmt(r.ms, 1)} | ${fmt((r.ms / r.activities) * 1000, 1)} | ${fmt(r.ms / r.activities / base, 2)} × | ${fmt(r.cpu, 1)} | ${fmt((r.cpu / r.activities) * 1000, 1)} | ${fmt(r.stats.rows)} | ${fmt(r.stats.suggestions)} |`,
      ),
      '',
    );
  }
  if (s) lines.push(...startupSection(s, fmt));
  if (f) lines.push(...hostileSection(f, fmt));
  lines.push(
    '## Inputs',
    '',
    'Deterministic (mulberry32, seed 20270): every run on every machine sees the same communes. A commune has 40 villages',
    '(names from pairs of Tày/Nùng/Kinh syllables, unique across the 100 communes) and 10 departments; each unit proposes',
    '20 activities over its sector sheets, drawn from 47 templates with 1–3 Vietnamese name variants, many naming the',
    'village or a field ("Bê tông hóa đường nội thôn Nà Lìu", "Cứng hóa kênh mương nội đồng xứ Bó Luông"), so several',
    'units of a commune propose the same or similar activities and the merge suggestions have real work to do. Quantities',
    'and amounts are drawn per template; about a quarter of the activities need no outside money, about 1 in 100 has no',
    'figures (returned as unclear).',
    '',
  );
  return lines.join('\n');
}
