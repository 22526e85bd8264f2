/// <reference types="google-apps-script" />
/**
 * How long the upper level's roll-up of 300 communes takes in Google Sheets (BENCHMARKS.md,
 * section "Google Sheets add-on").
 *
 * 300 communes' plans (II.4.A, II.4.B, II.6.A, II.6.B, each made by the commune's own one-click
 * consolidation of 3 villages' I.2) are added as tabs "<Xã> - II.6.B"… of one shared spreadsheet —
 * the strict fake of sheets-addon/test/fake-spreadsheet.ts — through the server's importSheets, as
 * uploads from the sidebar are. Then the roll-up runs twice (the second time another person
 * re-runs it over the first run's summary, as offices do after typing their appraisals):
 *   (a) the server's rollUp (api.ts: one document lock, then rollUpCommunes over SheetsWorkbook over
 *       the sheet cache) on the fake, every Apps Script call counted;
 *   (b) the same through the built server (Code.js in a vm context, async lowered, SyncPromise):
 *       the `rollUp` function google.script.run calls;
 *   (c) rollUpCommunes over MemoryWorkbook: the core alone.
 * The counts give an estimate of the time in real Apps Script under stated per-call costs.
 *
 *   npx esbuild scripts/bench-sheets.ts --bundle --platform=node --format=cjs --external:exceljs \
 *     --outfile=/tmp/bench-sheets.cjs && node /tmp/bench-sheets.cjs [--communes 300] [--write]
 *
 * --write appends (or replaces) the section in BENCHMARKS.md; other sections are left alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import type { FormId } from '../core/src/forms/types';
import { MemoryWorkbook } from '../core/src/port/memory';
import { rollUpCommunes } from '../core/src/workflow/upper-level';
import { READ_BUDGET_MS, createServerApi } from '../sheets-addon/src/server/api';
import type { RollUpView } from '../sheets-addon/src/server/entry-points';
import { CachedSpreadsheet } from '../sheets-addon/src/server/sheet-cache';
import { SheetsWorkbook } from '../sheets-addon/src/server/sheets-port';
import type { CommunePlan } from '../sheets-addon/test/data';
import { communePlanLayouts, communeVillages } from '../sheets-addon/test/data';
import { FakeSpreadsheet, fakeFormatDate } from '../sheets-addon/test/fake-spreadsheet';

const root = path.resolve(__dirname.includes('scripts') ? path.join(__dirname, '..') : process.cwd());
const args = process.argv.slice(2);
const arg = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const COMMUNES = Number(arg('--communes') ?? 300);
const WRITE = args.includes('--write');
/** Villages of the commune whose one-click consolidation is counted in (d). */
const VILLAGES = Number(arg('--villages') ?? 50);
/** The time an execution should stay under at the high end of the estimate (issue 13: 4 minutes). */
const TARGET_S = 240;
/** The forms each commune has as tabs (default the package a commune sends up). */
const FORMS = (arg('--forms') ?? 'II.4.A,II.4.B,II.6.A,II.6.B').split(',') as FormId[];
const log = (s: string): void => void process.stderr.write(`${s}\n`);

/** Google Sheets: "up to 10 million cells" per spreadsheet (https://support.google.com/drive/answer/37603). */
const CELL_LIMIT = 10_000_000;
/** Apps Script: 6 minutes per execution (https://developers.google.com/apps-script/guides/services/quotas). */
const EXECUTION_LIMIT_S = 360;

// ---------------------------------------------------------------------------------------------
// Counting every call the adapter makes on the Apps Script surface.

const CLASS_NAMES: Record<string, string> = {
  FakeSpreadsheet: 'Spreadsheet',
  FakeSheet: 'Sheet',
  FakeRange: 'Range',
  FakeRangeList: 'RangeList',
  FakeDataValidationBuilder: 'DataValidationBuilder',
  FakeDeveloperMetadata: 'DeveloperMetadata',
  FakeSpreadsheetApp: 'SpreadsheetApp',
  FakeProperties: 'Properties',
  FakeLock: 'Lock',
  FakeLockService: 'LockService',
  FakeProtection: 'Protection',
};

/** The fake's class name (esbuild may name a class with static members "_FakeSpreadsheet"). */
function classOf(x: object): string {
  return x.constructor.name.replace(/^_+/, '').replace(/\d+$/, '');
}

class CallCounter {
  readonly counts = new Map<string, number>();
  private readonly targets = new WeakMap<object, object>();
  private readonly proxies = new WeakMap<object, object>();

  reset(): void {
    this.counts.clear();
  }

  private unwrap(x: unknown): unknown {
    if (x === null || typeof x !== 'object') return x;
    const t = this.targets.get(x);
    if (t) return t;
    if (Array.isArray(x)) return x.map((v) => this.unwrap(v));
    if (Object.getPrototypeOf(x) === Object.prototype) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, this.unwrap(v)]));
    return x;
  }

  wrap<T>(x: T): T {
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return (x.some((v) => this.wrappable(v)) ? x.map((v) => this.wrap(v)) : x) as T;
    if (!this.wrappable(x)) return x;
    const known = this.proxies.get(x);
    if (known) return known as T;
    const name = CLASS_NAMES[classOf(x as object)];
    const proxy = new Proxy(x as object, {
      get: (target, prop, receiver) => {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function' || typeof prop !== 'string') return v;
        return (...a: unknown[]) => {
          const key = `${name}.${prop}`;
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          return this.wrap((v as (...b: unknown[]) => unknown).apply(target, a.map((y) => this.unwrap(y))));
        };
      },
    });
    this.proxies.set(x as object, proxy);
    this.targets.set(proxy, x as object);
    return proxy as T;
  }

  private wrappable(x: unknown): boolean {
    return x !== null && typeof x === 'object' && CLASS_NAMES[classOf(x as object)] !== undefined;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

/**
 * How a call is priced in the estimate. Apps Script keeps a write cache: writes and formats are
 * queued and sent in batches; a read (or flush) first commits what is queued, then makes a round
 * trip (https://developers.google.com/apps-script/guides/support/best-practices).
 */
type Kind = 'roundTrip' | 'queued' | 'flush' | 'light';

const ROUND_TRIPS = new Set([
  'Range.getValues',
  'Range.getFormulas',
  'Range.getFontFamilies',
  'Range.getMergedRanges',
  'Range.getDisplayValues',
  'Sheet.getDeveloperMetadata',
  'Spreadsheet.getSheets',
  'Spreadsheet.insertSheet',
  'Spreadsheet.deleteSheet',
  'Properties.getProperties',
  'Properties.setProperties',
  'Properties.deleteProperty',
  'Lock.tryLock',
  'Lock.releaseLock',
]);

function kindOf(call: string): Kind {
  if (call === 'SpreadsheetApp.flush') return 'flush';
  if (ROUND_TRIPS.has(call)) return 'roundTrip';
  const method = call.split('.')[1] ?? '';
  // Accessors of objects the script already holds, and builders that only build locally.
  if (/^(get(Name|Row|Column|NumRows|NumColumns|MaxRows|MaxColumns|SpreadsheetTimeZone|DataRange|Range|RangeList|Key|Value|DocumentLock|ScriptLock|Editors|Email)|isSheetHidden|hasLock|isWarningOnly|canDomainEdit|newDataValidation|require.*|setAllowInvalid|setHelpText|build)$/.test(method)) return 'light';
  return 'queued';
}

/** Per-call costs assumed for real Apps Script, in ms, and the factor on our own JavaScript time. */
const COSTS: Record<'low' | 'high', Record<Kind, number> & { js: number }> = {
  low: { roundTrip: 20, queued: 1, flush: 200, light: 0, js: 2 },
  high: { roundTrip: 80, queued: 5, flush: 1000, light: 0.02, js: 4 },
};

function estimate(counts: Map<string, number>, jsMs: number, scenario: 'low' | 'high'): number {
  let ms = jsMs * COSTS[scenario].js;
  for (const [call, n] of counts) ms += n * COSTS[scenario][kindOf(call)];
  return ms;
}

function byKind(counts: Map<string, number>): Record<Kind, number> {
  const out: Record<Kind, number> = { roundTrip: 0, queued: 0, flush: 0, light: 0 };
  for (const [call, n] of counts) out[kindOf(call)] += n;
  return out;
}

// ---------------------------------------------------------------------------------------------

function gridCells(ss: FakeSpreadsheet): number {
  return ss.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sec = (ms: number): string => fmt(ms / 1000, 1);

interface RunResult {
  readonly label: string;
  readonly ms: number;
  readonly counts: Map<string, number>;
  readonly view: RollUpView | undefined;
  readonly sheetsAfter: number;
  readonly cellsAfter: number;
}

async function main(): Promise<void> {
  const started = new Date();
  log(`bench-sheets: ${COMMUNES} communes`);
  let t = performance.now();
  const plans: CommunePlan[] = [];
  for (let i = 0; i < COMMUNES; i++) {
    plans.push(await communePlanLayouts(i, { forms: FORMS }));
    if ((i + 1) % 50 === 0) log(`  ${i + 1} communes' plans made`);
  }
  const planMs = performance.now() - t;
  const activities = plans.reduce((n, p) => n + p.activities, 0);

  // The shared spreadsheet: settings of the province, then every commune's tabs, uploaded.
  const seed = async (): Promise<FakeSpreadsheet> => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const port = new SheetsWorkbook(ss, ss.properties, ss.host());
    const api = createServerApi({ port, selectCell: () => undefined, protect: () => Promise.reject(new Error('not used')), lock: { lockService: ss.locks, flush: () => ss.app.flush() } });
    await api.saveSettings({ level: 'tinh', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027 });
    for (const p of plans) await api.importSheets({ file: `${p.name}.xlsx`, sheets: p.sheets });
    return ss;
  };

  // (a) The server's rollUp over SheetsWorkbook on the fake, counted.
  t = performance.now();
  const a = { ss: await seed() };
  const seedMs = performance.now() - t;
  const tabs = a.ss.sheets.length;
  const cellsBefore = gridCells(a.ss);
  log(`  ${tabs} tabs seeded in ${sec(seedMs)} s; rolling up…`);
  const counter = new CallCounter();
  const countedApi = (ss: FakeSpreadsheet) => {
    const locks = counter.wrap(ss.locks);
    const app = counter.wrap(ss.app);
    const port = new SheetsWorkbook(new CachedSpreadsheet(counter.wrap(ss)), counter.wrap(ss.properties), { app, lockService: locks, formatDate: fakeFormatDate });
    return createServerApi({ port, selectCell: () => undefined, protect: () => Promise.reject(new Error('not used')), lock: { lockService: locks, flush: () => app.flush() } });
  };
  const direct: RunResult[] = [];
  for (const label of ['first run', 're-run by another person']) {
    counter.reset();
    const api = countedApi(a.ss);
    const start = performance.now();
    const view = await api.rollUp(label === 'first run' ? { funds: 50_000 } : {});
    const ms = performance.now() - start;
    direct.push({ label, ms, counts: new Map(counter.counts), view, sheetsAfter: a.ss.sheets.length, cellsAfter: gridCells(a.ss) });
    log(`  (a) ${label}: ${sec(ms)} s, ${fmt(counter.total())} calls, ${view.communes.length} communes, balanced ${view.reconciliation.balanced}`);
  }

  // (b) The built server's rollUp in a vm context (what google.script.run runs).
  const out = mkdtempSync(path.join(tmpdir(), 'lkh-bench-sheets-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-sheets.mjs'), '--out', out, '--server-only'], { cwd: root, stdio: 'pipe' });
  const code = readFileSync(path.join(out, 'Code.js'), 'utf8');
  const ss = await seed();
  const globals = {
    SpreadsheetApp: { getActiveSpreadsheet: () => ss, flush: () => ss.app.flush(), newDataValidation: () => ss.app.newDataValidation(), ProtectionType: ss.app.ProtectionType },
    PropertiesService: { getDocumentProperties: () => ss.properties },
    LockService: ss.locks,
    Utilities: { formatDate: fakeFormatDate },
    Session: { getEffectiveUser: () => ({ getEmail: () => ss.effectiveUser }) },
  };
  const loadStart = performance.now();
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const loadMs = performance.now() - loadStart;
  const bundled: RunResult[] = [];
  for (const label of ['first run', 're-run by another person']) {
    const start = performance.now();
    const view = (context.rollUp as (r: unknown) => RollUpView)(label === 'first run' ? { funds: 50_000 } : null);
    const ms = performance.now() - start;
    bundled.push({ label, ms, counts: new Map(), view, sheetsAfter: ss.sheets.length, cellsAfter: gridCells(ss) });
    log(`  (b) ${label}: ${sec(ms)} s (server reports ${sec(view.elapsedMs)} s)`);
  }

  // (c) The core alone, over MemoryWorkbook.
  const mem = MemoryWorkbook.fromArrays({});
  await mem.writeState({ level: 'tinh', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027, period: '2021-2025' });
  for (const p of plans) for (const s of p.sheets) await mem.createSheet(s.layout);
  const memory: number[] = [];
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await rollUpCommunes([{ port: mem }], mem, i === 0 ? { funds: 50_000 } : {});
    memory.push(performance.now() - start);
  }
  log(`  (c) memory: ${memory.map(sec).join(' s, ')} s`);

  // (d) A commune's one-click consolidation of 50 villages' I.2 in its own spreadsheet, counted.
  const villages = communeVillages(0, VILLAGES, 20);
  const commune = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
  {
    const port = new SheetsWorkbook(commune, commune.properties, commune.host());
    const api = createServerApi({ port, selectCell: () => undefined, protect: () => Promise.reject(new Error('not used')), lock: { lockService: commune.locks, flush: () => commune.app.flush() } });
    await api.saveSettings({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027, unitName: 'Xã Tân Lập' });
    await api.importSheets({ file: 'thon.xlsx', sheets: villages.map((layout) => ({ layout, formId: 'I.2' })) });
  }
  const consolidation: RunResult[] = [];
  for (const label of ['first run', 're-run']) {
    counter.reset();
    const api = countedApi(commune);
    const start = performance.now();
    const view = await api.consolidate({});
    const ms = performance.now() - start;
    consolidation.push({ label, ms, counts: new Map(counter.counts), view: undefined, sheetsAfter: commune.sheets.length, cellsAfter: gridCells(commune) });
    log(`  (d) consolidation of ${VILLAGES} villages, ${label}: ${sec(ms)} s, ${fmt(counter.total())} calls, ${view.counts.activities} rows, balanced ${view.reconciliation.balanced}`);
  }

  const report = section({ started, planMs, seedMs, activities, tabs, cellsBefore, direct, bundled, loadMs, memory, codeBytes: Buffer.byteLength(code), view: bundled[0].view as RollUpView, consolidation });
  process.stdout.write(report);
  if (WRITE) {
    const file = path.join(root, 'BENCHMARKS.md');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, replaceSection(before, report));
    log('wrote the Google Sheets section of BENCHMARKS.md');
  }
}

export const HEADING = '## Google Sheets add-on: upper-level roll-up of 300 communes';

/** The file with this section replaced (or appended at the end); other sections untouched. */
export function replaceSection(file: string, section: string): string {
  const at = file.indexOf(HEADING);
  if (at < 0) return `${file.replace(/\s*$/, '')}${file.trim() ? '\n\n' : ''}${section}`;
  const next = file.indexOf('\n## ', at + HEADING.length);
  return `${file.slice(0, at)}${section.replace(/\s*$/, '\n')}${next < 0 ? '' : file.slice(next + 1)}`;
}

function section(r: {
  started: Date;
  planMs: number;
  seedMs: number;
  activities: number;
  tabs: number;
  cellsBefore: number;
  direct: RunResult[];
  bundled: RunResult[];
  loadMs: number;
  memory: number[];
  codeBytes: number;
  view: RollUpView;
  consolidation: RunResult[];
}): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const rows = r.direct.map((d, i) => ({ d, b: r.bundled[i], m: r.memory[i], kinds: byKind(d.counts), low: estimate(d.counts, d.ms, 'low'), high: estimate(d.counts, d.ms, 'high') }));
  const total = (m: Map<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
  const top = [...rows[0].d.counts].filter(([k]) => kindOf(k) !== 'light').sort((x, y) => y[1] - x[1]).slice(0, 12);
  const v = r.view;
  const worst = Math.max(rows[0].high, rows[1].high) / 1000;
  const perCommuneHigh = worst / COMMUNES;
  const fits = Math.floor(EXECUTION_LIMIT_S / perCommuneHigh);
  const c = COSTS;
  const lines = [
    HEADING,
    '',
    `Machine: ${cpu}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}. Date: ${r.started.toISOString().slice(0, 10)}.`,
    `Run: \`npx esbuild scripts/bench-sheets.ts --bundle --platform=node --format=cjs --external:exceljs --outfile=/tmp/bench-sheets.cjs && node /tmp/bench-sheets.cjs --communes ${COMMUNES}${FORMS.length !== 4 ? ` --forms ${FORMS.join(',')}` : ''} --write\`.`,
    '',
    `Input: ${fmt(COMMUNES)} communes, each with the plan its own one-click consolidation wrote from 3 villages' I.2 — ${FORMS.join(', ')}, ${fmt(r.activities)} activities in all — added as ${fmt(r.tabs - 1)} tabs "<Xã> - II.6.B"… of one shared spreadsheet through the server's \`importSheets\`, as sidebar uploads are (setup, not timed: plans made in ${sec(r.planMs)} s, tabs written in ${sec(r.seedMs)} s). The spreadsheet is the strict fake (sheets-addon/test/fake-spreadsheet.ts); settings: level Tỉnh; funds 50,000 triệu đồng.`,
    '',
    `The roll-up reads every tab and writes "Tổng hợp theo lĩnh vực" (${fmt(v.reconciliation.written.count)} rows with the appraisal columns), "Tổng hợp theo xã", "Xếp ưu tiên trong nguồn vốn", ${fmt(v.communes.length)} feedback sheets "Phản hồi - <xã>" and "Báo cáo đọc các xã": ${fmt(v.sheets.length)} sheets, reconciled: ${v.reconciliation.balanced ? 'yes' : 'NO'}. The re-run (another person, after the offices typed appraisals) reads the first summary back and keeps the replaced sheets as "(cũ)" copies.`,
    '',
    '| | first run | re-run |',
    '|---|---:|---:|',
    `| (a) server \`rollUp\` (api.ts → rollUpCommunes → SheetsWorkbook) on the fake, measured, s | ${sec(rows[0].d.ms)} | ${sec(rows[1].d.ms)} |`,
    `| (b) the built Code.js \`rollUp\` in a vm context (async lowered, SyncPromise), measured, s | ${sec(rows[0].b.ms)} | ${sec(rows[1].b.ms)} |`,
    `| (c) rollUpCommunes over MemoryWorkbook (no Sheets adapter), measured, s | ${sec(rows[0].m)} | ${sec(rows[1].m)} |`,
    `| Apps Script calls in (a) | ${fmt(total(rows[0].d.counts))} | ${fmt(total(rows[1].d.counts))} |`,
    `| — round trips: getValues, getFormulas, getFontFamilies, getMergedRanges, insertSheet, getSheets, properties, lock | ${fmt(rows[0].kinds.roundTrip)} | ${fmt(rows[1].kinds.roundTrip)} |`,
    `| — queued writes: setValues, setFormulas, merges, RangeList formats, validations, sizes, grid trims | ${fmt(rows[0].kinds.queued)} | ${fmt(rows[1].kinds.queued)} |`,
    `| — SpreadsheetApp.flush | ${fmt(rows[0].kinds.flush)} | ${fmt(rows[1].kinds.flush)} |`,
    `| — accessors of objects already held (getName, getRow, getMaxRows…) and local builders | ${fmt(rows[0].kinds.light)} | ${fmt(rows[1].kinds.light)} |`,
    `| **Estimated time in real Apps Script, low – high, s** | **${sec(rows[0].low)} – ${sec(rows[0].high)}** | **${sec(rows[1].low)} – ${sec(rows[1].high)}** |`,
    `| Tabs afterwards | ${fmt(rows[0].d.sheetsAfter)} | ${fmt(rows[1].d.sheetsAfter)} |`,
    `| Grid cells afterwards (Sheets' limit: ${fmt(CELL_LIMIT)}) | ${fmt(rows[0].d.cellsAfter)} | ${fmt(rows[1].d.cellsAfter)} |`,
    '',
    `Most frequent non-trivial calls (first run): ${top.map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}.`,
    '',
    `**The Apps Script times are estimates, not measurements** (no Google account is used here). Google publishes no per-call latency for the Spreadsheet service; its guide says calls are far slower than JavaScript, that Apps Script caches writes and reads ahead, and that every read first commits the queued writes (https://developers.google.com/apps-script/guides/support/best-practices). Assumed per call, low – high: round trip ${c.low.roundTrip} – ${c.high.roundTrip} ms; queued write ${c.low.queued} – ${c.high.queued} ms; flush ${c.low.flush} – ${c.high.flush} ms (a third-party measurement found one flush turned a 50 ms write of 4,000 cells into 610 ms); accessors ${c.low.light} – ${c.high.light} ms; our own JavaScript ${c.low.js}× – ${c.high.js}× the time measured in (a), for Apps Script's slower, shared V8.`,
    '',
    worst < EXECUTION_LIMIT_S
      ? `Verdict: under the 6-minute limit (${EXECUTION_LIMIT_S} s) even at the high end: ${fmt((worst / EXECUTION_LIMIT_S) * 100)} % of it for the slower run. At the high end a run costs ≈ ${fmt(perCommuneHigh, 2)} s per commune, so about ${fmt(fits)} communes fit in one execution.`
      : `Verdict: **at the high end this exceeds the 6-minute limit** (${sec(worst * 1000)} s > ${EXECUTION_LIMIT_S} s); at the low end it takes ${fmt((Math.max(rows[0].low, rows[1].low) / 1000 / EXECUTION_LIMIT_S) * 100)} % of it. At the high end a run costs ≈ ${fmt(perCommuneHigh, 2)} s per commune, so about ${fmt(fits)} communes fit in one execution. The server guards against the worst case: when reading the tabs has taken more than ${READ_BUDGET_MS / 1000} s it stops before writing anything and says so (api.ts READ_BUDGET_MS), rather than being cut off at 6 minutes with half the sheets written; an upper level with more communes than fit should keep only II.6.A and II.6.B (and III.1) per commune in the shared spreadsheet, or roll up groups of communes in separate spreadsheets.`,
    '',
    `Target (issue 13): each execution under ${TARGET_S} s (4 minutes) at the high end of the estimate: ${worst <= TARGET_S ? '**met**' : `**not met** (${sec(worst * 1000)} s)`} for the roll-up of ${fmt(COMMUNES)} communes.`,
    '',
    `**(d) A commune's one-click consolidation of ${fmt(VILLAGES)} villages' I.2** (20 activities each, ${fmt(VILLAGES * 20)} in all), in the commune's own spreadsheet on the same fake: the server's \`consolidate\` writes II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and the report.`,
    '',
    '| | first run | re-run |',
    '|---|---:|---:|',
    `| measured on the fake, s | ${sec(r.consolidation[0].ms)} | ${sec(r.consolidation[1].ms)} |`,
    `| Apps Script calls | ${fmt(total(r.consolidation[0].counts))} | ${fmt(total(r.consolidation[1].counts))} |`,
    `| — round trips / queued writes / flushes | ${[0, 1].map((i) => { const k = byKind(r.consolidation[i].counts); return `${fmt(k.roundTrip)} / ${fmt(k.queued)} / ${fmt(k.flush)}`; }).join(' | ')} |`,
    `| **Estimated time in real Apps Script, low – high, s** | ${[0, 1].map((i) => `**${sec(estimate(r.consolidation[i].counts, r.consolidation[i].ms, 'low'))} – ${sec(estimate(r.consolidation[i].counts, r.consolidation[i].ms, 'high'))}**`).join(' | ')} |`,
    '',
    `Target: under ${TARGET_S} s at the high end: ${Math.max(...r.consolidation.map((x) => estimate(x.counts, x.ms, 'high'))) / 1000 <= TARGET_S ? '**met**' : '**not met**'}.`,
    '',
    `Notes. The reads dominate: ${fmt(Math.round(rows[0].kinds.roundTrip / Math.max(1, r.tabs - 1)))} round trips per commune tab (values, formulas, fonts for TCVN3/VNI text, merges). The whole roll-up holds the document lock once and flushes once (api.ts), instead of once per sheet written; other users' writes wait or get "Có người khác đang cập nhật…". Sheet lookups by name are answered from memory within a call (server/sheet-cache.ts): without that, SheetsWorkbook asks every tab its name for every lookup, millions of Sheet.getName calls at this size. Sheets made from a layout keep the layout plus 100 rows and 5 columns instead of Sheets' default 1000 × 26 grid (sheets-port.ts fitGrid): without that, ${fmt(rows[1].d.sheetsAfter)} tabs would hold about ${fmt(rows[1].d.sheetsAfter * 26_000)} cells, over the limit. Each re-run keeps the ${fmt(v.sheets.length)} replaced sheets as "(cũ)" copies: delete old copies from time to time. Google's published limit is on cells; whether Sheets takes ${fmt(rows[1].d.sheetsAfter)} tabs in one file is not verified here (some third-party pages cite 200 tabs): check it in the manual test before relying on one spreadsheet for hundreds of communes. The server bundle is ${fmt(r.codeBytes / 1024, 1)} KB and loads in ${fmt(r.loadMs)} ms here; every google.script.run call loads it afresh.`,
    '',
  ];
  return lines.join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
