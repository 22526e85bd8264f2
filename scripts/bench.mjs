// npm run bench: bundles scripts/bench/main.ts (and the files beside it, one per
// measure) with esbuild into a temp .cjs (exceljs external, resolved
// from this repository through NODE_PATH) and runs it with --expose-gc. The markdown report goes to
// stdout; progress to stderr.
//
//   node scripts/bench.mjs [--only a,b,c,s,h] [--runs N] [--sizes 1,3,10,30,100] [--write] [--profile]
//
//   --write    also writes the report to BENCHMARKS.md
//   --profile  after measuring, runs each workload again under the V8 CPU profiler (the one behind
//              `node --cpu-prof`; profiling only the workload, not the input generation), keeps the
//              .cpuprofile files (open them in Chrome DevTools) and appends where the time goes:
//              self and total time by function and by file, mapped back to the TypeScript sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const profile = args.includes('--profile');

// With --profile the bundle, its source map and the profiles stay in one directory, so the profiles can be opened later.
const dir = profile ? join(tmpdir(), 'lkh-bench-profile') : mkdtempSync(join(tmpdir(), 'lkh-bench-build-'));
if (profile) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
try {
  const bundle = join(dir, 'bench.cjs');
  esbuild.buildSync({
    entryPoints: [join(root, 'scripts', 'bench', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'external',
    external: ['exceljs', 'jszip'],
    logLevel: 'warning',
  });
  const nodePath = [join(root, 'node_modules'), join(root, 'core', 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(':');
  const res = spawnSync(process.execPath, ['--expose-gc', bundle, ...args, ...(profile ? ['--profile-dir', dir] : [])], {
    cwd: root,
    env: { ...process.env, NODE_PATH: nodePath },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    process.stderr.write(`bench failed (exit ${res.status ?? res.signal})\n`);
    process.exit(res.status ?? 1);
  }
  let markdown = res.stdout;
  if (profile) markdown += profileSections(dir, `${bundle}.map`);
  process.stdout.write(markdown);
  if (write) {
    // Keep the sections other benchmarks own (scripts/bench-sheets.ts writes "## Google Sheets add-on…").
    const file = join(root, 'BENCHMARKS.md');
    let kept = '';
    try {
      const old = readFileSync(file, 'utf8');
      const at = old.indexOf('\n## Google Sheets add-on');
      if (at >= 0) kept = old.slice(at);
    } catch {
      kept = '';
    }
    writeFileSync(file, markdown.trimEnd() + '\n' + kept);
    process.stderr.write('wrote BENCHMARKS.md\n');
  }
} finally {
  if (!profile) rmSync(dir, { recursive: true, force: true });
}

/** One section per profile bench/main.ts wrote (listed in profiles.json). */
function profileSections(profileDir, mapFile) {
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  const index = JSON.parse(readFileSync(join(profileDir, 'profiles.json'), 'utf8'));
  const out = [
    '',
    '## Profiles',
    '',
    'Each workload run again under the V8 sampling CPU profiler (the profiler of `node --cpu-prof`, 0.5 ms interval), started',
    'and stopped around the workload only. *Self* is time in the function itself, *total* includes what it calls (synchronous',
    `callers only: async continuations start a new stack). The .cpuprofile files are in \`${profileDir}\` (open in Chrome DevTools).`,
    '',
  ];
  for (const { file, title } of index) out.push(...summarise(JSON.parse(readFileSync(file, 'utf8')), title, map, dirname(mapFile)));
  return out.join('\n');
}

function locate(callFrame, map, mapDir) {
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  let file = url.replace(/^file:\/\//, '');
  let line = lineNumber + 1;
  if (file.endsWith('bench.cjs')) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry && entry.originalSource) {
      file = resolve(mapDir, entry.originalSource.replace(/^file:\/\//, ''));
      line = entry.originalLine + 1;
    }
  }
  if (file.startsWith('/')) file = file.includes('/node_modules/') ? file.replace(/^.*\/node_modules\//, '') : relative(root, file);
  const name = functionName || '(anonymous)';
  const group = file === '' ? (name.startsWith('(') ? name : '(native)') : file.startsWith('exceljs/') ? 'exceljs' : file.startsWith('node:') ? 'node internals' : file;
  return { fn: file ? `${name} — ${file}:${line}` : name, group, ours: file.startsWith('core/') };
}

function summarise(prof, title, map, mapDir) {
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = new Map(prof.nodes.map((n) => [n.id, locate(n.callFrame, map, mapDir)]));
  const selfFn = new Map();
  const selfFile = new Map();
  const totalFn = new Map();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const ms = (prof.timeDeltas[i] ?? 0) / 1000;
    const w = where.get(id);
    if (w.fn === '(idle)') return;
    total += ms;
    selfFn.set(w.fn, (selfFn.get(w.fn) ?? 0) + ms);
    selfFile.set(w.group, (selfFile.get(w.group) ?? 0) + ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const x = where.get(n);
      if (!x.ours || seen.has(x.fn)) continue;
      seen.add(x.fn);
      totalFn.set(x.fn, (totalFn.get(x.fn) ?? 0) + ms);
    }
  });
  const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n);
  const ms = (v) => Math.round(v).toLocaleString('en-US');
  const pct = (v) => `${((v / total) * 100).toFixed(1)} %`;
  const esc = (s) => s.replace(/\|/g, '\\|');
  return [
    `### ${title}`,
    '',
    `${ms(total)} ms sampled (idle excluded).`,
    '',
    '| Self time by file | ms | share |',
    '|---|---:|---:|',
    ...top(selfFile, 10).map(([k, v]) => `| ${esc(k)} | ${ms(v)} | ${pct(v)} |`),
    '',
    '| Self time by function | ms | share |',
    '|---|---:|---:|',
    ...top(selfFn, 15).map(([k, v]) => `| ${esc(k)} | ${ms(v)} | ${pct(v)} |`),
    '',
    ...(totalFn.size === 0
      ? []
      : [
          '| Total time of core functions (incl. callees) | ms | share |',
          '|---|---:|---:|',
          ...top(totalFn, 12).map(([k, v]) => `| ${esc(k)} | ${ms(v)} | ${pct(v)} |`),
          '',
        ]),
  ];
}
