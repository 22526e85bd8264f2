// node scripts/mutants-by-hand.mjs SOURCE.ts TEST[,TEST…] [--only REPORT.json [--status S,…] | --only-log LOG] [--skip-lines A-B,…]
//
// Applies StrykerJS's mutants of one core source file one at a time and runs the given jest test
// files against each, without Stryker's runner: for checking survivors by hand when the shared
// Stryker lock is busy, or Stryker's perTest attribution is in doubt (docs/TESTING.md). The
// mutants are those Stryker's own instrumenter makes (the same mutators and replacements);
// `--only` takes a Stryker JSON report and runs only its Survived and NoCoverage mutants (or those of
// the statuses `--status` lists, e.g. `--status Timeout`: timeouts under load checked by hand) of the
// file (locations must still match the source); `--only-log LOG` runs only the mutants an earlier run
// of this script printed as survived ("S …" lines: a second pass with more tests over a first
// pass's survivors); `--skip-lines` leaves out mutants starting on
// those 1-based lines (module constants, which `npm run mutate` ignores as static).
//
// Works in a copy of the repository under the system's temp folder (core/, scripts/, the jest and
// TypeScript configs, node_modules linked), so an interrupted run never leaves a mutant in the
// working tree. Prints one line per mutant ("K" killed, "S" survived) and the tally.
//   node scripts/mutants-by-hand.mjs core/src/workflow/ranking/ballot.ts core/test/workflow/ranking-ballot.test.ts,core/test/workflow/ranking.test.ts --skip-lines 1-69
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setImmediate } from 'node:timers';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const [source, testList] = args;
if (!source || !testList) {
  process.stderr.write('usage: node scripts/mutants-by-hand.mjs SOURCE.ts TEST[,TEST…] [--only REPORT.json [--status S,…] | --only-log LOG] [--skip-lines A-B,…]\n');
  process.exit(2);
}
const tests = testList.split(',').filter(Boolean);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const skip = (opt('--skip-lines') ?? '')
  .split(',')
  .filter(Boolean)
  .map((r) => r.split('-').map(Number));
const skipped = (line) => skip.some(([a, b]) => line >= a && line <= (b ?? a));

const { Instrumenter } = await import(join(root, 'node_modules/@stryker-mutator/instrumenter/dist/src/index.js'));
const quiet = () => false;
const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, fatal() {}, isDebugEnabled: quiet, isTraceEnabled: quiet, isInfoEnabled: quiet, isWarnEnabled: quiet, isErrorEnabled: quiet, isFatalEnabled: quiet };
const original = readFileSync(join(root, source), 'utf8');
const { mutants } = await new Instrumenter(logger).instrument([{ name: source, mutate: true, content: original }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false });

// Stryker's report: 1-based lines and columns; the instrumenter: 0-based.
let wanted;
const only = opt('--only');
const statuses = new Set((opt('--status') ?? 'Survived,NoCoverage').split(',').filter(Boolean));
if (only) {
  const report = JSON.parse(readFileSync(only, 'utf8'));
  const file = report.files[source];
  if (!file) throw new Error(`${only}: no ${source}`);
  wanted = new Set(
    file.mutants.filter((m) => statuses.has(m.status)).map((m) => `${m.location.start.line - 1}:${m.location.start.column - 1}:${m.mutatorName}:${m.replacement}`),
  );
}

/** A mutant as this script prints it (1-based, the replacement cut at 80 characters, quoted). */
const printedKey = (start, m) => `${start.line + 1}:${start.column + 1} ${m.mutatorName} ${JSON.stringify(m.replacement.slice(0, 80))}`;
const onlyLog = opt('--only-log');
const wantedPrinted = onlyLog
  ? new Set(
      readFileSync(onlyLog, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith(`S ${source}:`))
        .map((l) => l.slice(`S ${source}:`.length)),
    )
  : undefined;

const work = mkdtempSync(join(tmpdir(), 'lkh-mutants-'));
for (const f of ['core', 'scripts', 'jest.config.cjs', 'package.json', 'tsconfig.json', 'tsconfig.base.json']) cpSync(join(root, f), join(work, f), { recursive: true });
for (const d of ['excel-addin/test', 'sheets-addon/test']) mkdirSync(join(work, d), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

const lines = original.split('\n');
const offset = (l, c) => lines.slice(0, l).reduce((n, x) => n + x.length + 1, 0) + c;
let killed = 0;
let survived = 0;
try {
  for (const m of mutants) {
    // Let the event loop turn between mutants, so a SIGTERM or Ctrl-C stops the run and cleans up
    // (a loop of synchronous jest runs never gave its handler a turn: kill -TERM did nothing).
    await new Promise((resolve) => setImmediate(resolve));
    const { start, end } = m.location;
    if (skipped(start.line + 1)) continue;
    if (wanted && !wanted.has(`${start.line}:${start.column}:${m.mutatorName}:${m.replacement}`)) continue;
    if (wantedPrinted && !wantedPrinted.has(printedKey(start, m))) continue;
    const a = offset(start.line, start.column);
    const b = offset(end.line, end.column);
    writeFileSync(join(work, source), original.slice(0, a) + m.replacement + original.slice(b));
    let dead = false;
    try {
      execFileSync(process.execPath, [join(work, 'node_modules/.bin/jest'), '--silent', ...tests], { cwd: work, stdio: 'pipe', timeout: 120000 });
    } catch {
      dead = true;
    }
    if (dead) killed++;
    else survived++;
    process.stdout.write(`${dead ? 'K' : 'S'} ${source}:${printedKey(start, m)}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`${killed} killed, ${survived} survived of ${killed + survived}: ${((100 * killed) / Math.max(1, killed + survived)).toFixed(2)}%\n`);
