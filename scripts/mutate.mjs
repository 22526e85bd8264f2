// npm run mutate -- [--tests GLOB[,GLOB…]] [--coverage perTest|all] [--checkers typescript] [--concurrency N] [--incremental] [--timeout-ms N] FILE_OR_FOLDER…
//
// Mutation testing with StrykerJS (not part of npm test: it takes minutes per module). Mutates the
// given core source files or folders (every .ts under a folder, index.ts barrels left out) and runs, for
// each mutant, only the core tests that cover it (coverageAnalysis perTest, jest's findRelatedTests),
// transformed by the same esbuild transform as npm test (jest.mutate.config.cjs). --tests narrows the
// test files to the module's own (globs from the repository root); without it every related core test
// runs. Static mutants (constants evaluated once at load) are left out: each would rerun every test.
// The TypeScript checker is off by default (slow); --checkers typescript turns it on. --coverage all
// runs every test of the set on each covered mutant: slower, but without perTest's attribution, which
// has reported as survived some mutants the tests kill when the mutant is applied by hand
// (docs/TESTING.md); use it with a narrow --tests.
//
// --incremental keeps the results in reports/mutation/<name>.incremental.json and, on the next run of the
// same files, tests again only the mutants whose code or covering tests changed (Stryker's incremental
// mode): the re-run after tests are written for the survivors takes minutes, not the whole run again.
// A run without it measures every mutant afresh (what docs/TESTING.md records as the score).
//
// --timeout-ms sets the time a mutant's tests get beyond their unmutated time (default 10,000 ms, twice
// that time added): on a shared 2-core machine under load a mutant's tests can take several times
// their quiet time, and Stryker then reports a timeout (counted as detected) where the tests would
// have passed — seen as 112 timeouts in 291 mutants at load 8 with 5,000 ms.
//
// A file may carry a line range, `core/src/…/consolidate.ts:1-400` (Stryker's own syntax): a long file is
// then measured in parts, each of which finishes (and keeps its report) within a shared machine's quiet
// window; the file's score is the sum of its parts' counts.
//
// Reports: reports/mutation/<name>.html and .json, and the clear-text table on stdout.
//   npm run mutate -- core/src/text/numbers.ts --tests 'core/test/text/**/*.test.ts'
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const files = [];
let tests = '';
let checkers = [];
let concurrency = 2;
let coverage = 'perTest';
let incremental = false;
let timeoutMS = 10_000;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--tests') tests = args[++i] ?? '';
  else if (a === '--checkers') checkers = (args[++i] ?? '').split(',').filter(Boolean);
  else if (a === '--coverage') coverage = args[++i] === 'all' ? 'all' : 'perTest';
  else if (a === '--concurrency') concurrency = Math.max(1, Number(args[++i]) || 1);
  else if (a === '--incremental') incremental = true;
  else if (a === '--timeout-ms') timeoutMS = Math.max(1000, Number(args[++i]) || 10_000);
  else files.push(a);
}
if (files.length === 0) {
  process.stderr.write('usage: npm run mutate -- [--tests GLOB,…] [--coverage perTest|all] [--checkers typescript] [--concurrency N] [--incremental] FILE_OR_FOLDER…\n');
  process.exit(2);
}

function sources(arg) {
  const range = /:(\d+-\d+)$/.exec(arg);
  const p = range ? arg.slice(0, range.index) : arg;
  const abs = resolve(root, p);
  if (range && existsSync(abs) && statSync(abs).isFile()) return [`${relative(root, abs)}:${range[1]}`];
  if (!existsSync(abs)) throw new Error(`${p}: no such file or folder`);
  if (statSync(abs).isFile()) return [relative(root, abs)];
  return readdirSync(abs, { recursive: true })
    .map((f) => join(abs, String(f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('/index.ts') && statSync(f).isFile())
    .map((f) => relative(root, f));
}
const mutate = files.flatMap(sources).sort();
const name = files.map((f) => f.replace(/^core\/src\//, '').replace(/[/.:]/g, '-')).join('+').slice(0, 80);

if (tests) process.env.LKH_MUTATE_TESTS = tests;
const { Stryker } = await import('@stryker-mutator/core');
const stryker = new Stryker({
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner', ...(checkers.includes('typescript') ? ['@stryker-mutator/typescript-checker'] : [])],
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.cjs', enableFindRelatedTests: true },
  checkers,
  ...(checkers.includes('typescript') ? { tsconfigFile: 'core/tsconfig.json', typescriptChecker: { prioritizePerformanceOverAccuracy: true } } : {}),
  mutate,
  coverageAnalysis: coverage,
  incremental,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  ignoreStatic: true,
  concurrency,
  timeoutMS,
  timeoutFactor: 2,
  disableTypeChecks: 'core/**/*.{ts,tsx}',
  ignorePatterns: ['dist', 'reports', 'coverage', 'excel-addin', 'sheets-addon', 'x', 'tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'html', 'json', 'progress-append-only'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 85, low: 70, break: null },
  logLevel: 'info',
});
const results = await stryker.runMutationTest();
const counts = {};
for (const m of results) counts[m.status] = (counts[m.status] ?? 0) + 1;
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
process.stdout.write(`\nMutation score of ${mutate.join(', ')}: ${valid ? ((detected / valid) * 100).toFixed(2) : '–'}% (${JSON.stringify(counts)})\n`);
