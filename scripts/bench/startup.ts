/**
 * (s) Start-up and weight (issue 13): how long `lkh --help` and `lkh template` take against
 * `require('exceljs')` alone, process against process; and what each page downloads on first
 * load, gzipped, against its budget (the build fails above it; these figures are the build's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { log, median } from './measure';

export interface ResultS {
  readonly runs: number;
  readonly help: readonly number[];
  readonly template: readonly number[];
  readonly exceljs: readonly number[];
  /** First load, gzipped bytes: the Excel task pane, the standalone page, the Sheets sidebar. */
  readonly weight: { readonly taskpane: number; readonly standalone: number; readonly sidebar: number; readonly taskpaneRaw: number };
}

/** The budgets the build enforces (scripts/build-excel.mjs, scripts/build-sheets.mjs). */
export const PANE_BUDGET = 300 * 1024;
export const SIDEBAR_BUDGET = 350 * 1024;

function timed(args: readonly string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  return ms;
}

export function benchStartup(runs: number): ResultS {
  const root = process.cwd();
  const report = join(root, 'dist', 'excel-addin', 'build-report.json');
  const sidebarFile = join(root, 'dist', 'sheets-addon', 'Sidebar.html');
  if (!existsSync(report) || !existsSync(sidebarFile) || !existsSync(join(root, 'dist', 'cli', 'lkh.cjs'))) {
    log('(s) building first (npm run build)…');
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr.slice(0, 400)}`);
  }
  const out = mkdtempSync(join(tmpdir(), 'lkh-bench-template-'));
  const lkh = join(root, 'core', 'bin', 'lkh.cjs');
  const help: number[] = [];
  const template: number[] = [];
  const exceljs: number[] = [];
  try {
    log('(s) start-up: lkh --help, lkh template II.4.B, require(exceljs), alternating…');
    // One warm-up of each (the file cache), then the measured runs.
    for (let i = 0; i <= runs; i++) {
      const h = timed([lkh, '--help'], root);
      const t = timed([lkh, 'template', 'II.4.B', '--out', out], root);
      const e = timed(['-e', "require('exceljs')"], root);
      if (i === 0) continue;
      help.push(h);
      template.push(t);
      exceljs.push(e);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const pages = (JSON.parse(readFileSync(report, 'utf8')) as { pages: Record<string, { firstLoad: { bytes: number; gzip: number }[] }> }).pages;
  const sum = (page: string, k: 'bytes' | 'gzip') => (pages[page]?.firstLoad ?? []).reduce((n, f) => n + f[k], 0);
  const weight = {
    taskpane: sum('taskpane', 'gzip'),
    taskpaneRaw: sum('taskpane', 'bytes'),
    standalone: sum('standalone', 'gzip'),
    // As scripts/build-sheets.mjs measures it.
    sidebar: gzipSync(readFileSync(sidebarFile), { level: 9 }).length,
  };
  return { runs, help, template, exceljs, weight };
}

export function startupRows(s: ResultS, verdict: (ok: boolean) => string, fmt: (n: number, d?: number) => string): string[] {
  const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
  const e = median(s.exceljs);
  return [
    `| (s) \`lkh --help\`, whole process | faster than \`node -e "require('exceljs')"\` | ${fmt(median(s.help))} ms vs. ${fmt(e)} ms | ${verdict(median(s.help) < e)} |`,
    `| (s) \`lkh template II.4.B\`, whole process (writes one .xlsx) | faster than \`require('exceljs')\` alone | ${fmt(median(s.template))} ms vs. ${fmt(e)} ms | ${verdict(median(s.template) < e)} |`,
    `| (s) Excel task pane, first load gzipped | ≤ ${kb(PANE_BUDGET)} | ${kb(s.weight.taskpane)} (${kb(s.weight.taskpaneRaw)} raw) | ${verdict(s.weight.taskpane <= PANE_BUDGET)} |`,
    `| (s) standalone page, first load gzipped | ≤ ${kb(PANE_BUDGET)} | ${kb(s.weight.standalone)} | ${verdict(s.weight.standalone <= PANE_BUDGET)} |`,
    `| (s) Google Sheets sidebar, first load gzipped | ≤ ${kb(SIDEBAR_BUDGET)} | ${kb(s.weight.sidebar)} | ${verdict(s.weight.sidebar <= SIDEBAR_BUDGET)} |`,
  ];
}

export function startupSection(s: ResultS, fmt: (n: number, d?: number) => string): string[] {
  const runs = (xs: readonly number[]) => xs.map((x) => fmt(x)).join(', ');
  return [
    '## (s) Start-up and weight',
    '',
    `Each command as its own process (\`node core/bin/lkh.cjs …\`, Node's start included), ${s.runs} runs each after one warm-up, alternating; medians in the summary.`,
    `The CLI loads ExcelJS's workbook alone (scripts/exceljs-workbook.cjs) and only in the commands that read or write a workbook; \`--help\` loads neither ExcelJS nor JSZip.`,
    '',
    `- \`lkh --help\`: ${runs(s.help)} ms`,
    `- \`lkh template II.4.B --out DIR\`: ${runs(s.template)} ms`,
    `- \`node -e "require('exceljs')"\`: ${runs(s.exceljs)} ms`,
    '',
    'First load: the entry script, its static imports and CSS (`dist/excel-addin/build-report.json`, written by `npm run build`); the sidebar: `dist/sheets-addon/Sidebar.html`, gzip level 9, as the build measures it. ' +
      '`npm start` serves them brotli- or gzip-compressed with `Vary: Accept-Encoding`, hashed bundles with a year\'s `immutable` cache and the pages with `no-cache` (checked by `excel-addin/test/serve-compressed.test.ts`); README, "Excel", says what a production host must do the same.',
    '',
  ];
}
