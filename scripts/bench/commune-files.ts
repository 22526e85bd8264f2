/** (a) A commune of 50 .xlsx files / 1,000 activities: read + consolidate + write, against ExcelJS alone reading the same files and writing as many rows. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { FormReading } from '../../core/src/model/types';
import { readWorkbook } from '../../core/src/reader/workbook';
import { NO_EDITS, buildPlan, consolidateCommune } from '../../core/src/workflow/plan';
import type { CommunePlan } from '../../core/src/workflow/types';
import { openForReading } from '../../core/src/xlsx/read-input';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { ACTIVITIES_PER_COMMUNE, PLAN_YEAR, generateCommunes, readingsOf, writeCommuneFiles } from './inputs';
import { cpuSince, fmt, gc, log, median, profiled } from './measure';

// (a) -----------------------------------------------------------------------------------------

export const PLAN_COLUMNS = 17;

export interface ResultA {
  readonly files: number;
  readonly sheets: number;
  readonly activities: number;
  readonly bytes: number;
  readonly lkh: Record<string, number>;
  readonly baseline: Record<string, number>;
  readonly ratio: number;
  readonly runs: number;
  readonly plan: { rows: number; suggestions: number; returned: number; balanced: boolean; sheets: readonly string[]; outBytes: number };
  readonly sameAsMemory: boolean;
  readonly baseRowsWritten: number;
  /** The whole command, process against process: `lkh consolidate` and a Node process doing the floor's work. */
  readonly process: {
    readonly lkh: number;
    readonly floor: number;
    readonly ratio: number;
    readonly lkhRuns: readonly number[];
    readonly floorRuns: readonly number[];
    /** The same command again over the plan the first run wrote (issue 23, item 8). */
    readonly rerun: number;
    readonly rerunRatio: number;
    readonly rerunRuns: readonly number[];
    /** Peak resident memory of each process, the largest over the runs (bytes). */
    readonly maxRss: { readonly lkh: number; readonly rerun: number; readonly floor: number };
    /** CPU time (user + system) of each process, median over the runs (ms): steadier than wall time on a shared machine. */
    readonly cpu: { readonly lkh: number; readonly rerun: number; readonly floor: number };
  };
}

/**
 * The floor as a process of its own: Node starts, loads ExcelJS, reads the same files touching every
 * cell, writes as many rows (17 plain values each) as LKH writes, in as many sheets, and exits.
 */
const FLOOR_SCRIPT = `'use strict';
const fs = require('node:fs');
const ExcelJS = require(process.env.LKH_EXCELJS);
(async () => {
  const [shapeFile, rowsFile, out, ...files] = process.argv.slice(2);
  const shape = JSON.parse(fs.readFileSync(shapeFile, 'utf8'));
  const rows = JSON.parse(fs.readFileSync(rowsFile, 'utf8'));
  let touched = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    const data = fs.readFileSync(f);
    await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => { if (cell.value !== null && cell.value !== undefined) touched++; })));
  }
  if (touched === 0) throw new Error('read nothing');
  const wb = new ExcelJS.Workbook();
  let k = 0;
  for (const [name, n] of shape) {
    const ws = wb.addWorksheet(name);
    for (let i = 0; i < n; i++) ws.addRow(rows[k++ % rows.length]);
  }
  fs.writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
})().catch((e) => { console.error(e); process.exitCode = 1; });
`;

/** Wall-clock milliseconds of a child process, which must succeed. */
/**
 * A Node process's wall time and peak resident memory: a preloaded handler prints, on exit, the
 * process's VmHWM from /proc/self/status (its own address space's high-water mark; getrusage's
 * maxRSS would carry over the forking parent's, the bench's own). Exit codes in `okCodes` are results.
 */
export function measuredProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env, okCodes: readonly number[] = [0, 1]): { ms: number; maxRss: number; cpuMs: number; status: number } {
  const preload = join(tmpdir(), 'lkh-bench-maxrss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const fs = require('fs'); let kb = process.resourceUsage().maxRSS; try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} const u = process.cpuUsage(); fs.writeSync(2, `\\nLKH_MAXRSS=${kb}\\nLKH_CPU=${(u.user + u.system) / 1000}\\n`); });\n",
  );
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const status = r.status ?? -1;
  if (!okCodes.includes(status)) throw new Error(`${args.slice(0, 2).join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.slice(0, 400)}`);
  const kb = Number(/LKH_MAXRSS=(\d+)/.exec(r.stderr)?.[1] ?? 'NaN');
  const cpuMs = Number(/LKH_CPU=([\d.]+)/.exec(r.stderr)?.[1] ?? 'NaN');
  return { ms, maxRss: kb * 1024, cpuMs, status };
}

/** `keep`: a directory the 50 files are copied to, to profile the command on them afterwards (`--keep-files DIR`). */
export async function benchA(runs: number, keep?: string): Promise<ResultA> {
  log('(a) writing the commune’s 50 files…');
  const [commune] = generateCommunes(1);
  const dir = mkdtempSync(join(tmpdir(), 'lkh-bench-'));
  try {
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const files = await writeCommuneFiles(commune, inDir);
    if (keep) cpSync(inDir, keep, { recursive: true });
    const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
    const outLkh = join(dir, 'KH-xa.xlsx');
    const outBase = join(dir, 'baseline.xlsx');

    let last: { plan: CommunePlan; sheets: readonly string[]; readings: FormReading[] } | undefined;
    const lkh = async (): Promise<Record<string, number>> => {
      rmSync(outLkh, { force: true });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const readings: FormReading[] = [];
      for (const f of files) {
        const wb = await openForReading(new Uint8Array(readFileSync(f)));
        const r = await readWorkbook(wb, { file: basename(f) });
        readings.push(...r.readings);
      }
      const sources = readings.filter((r) => r.formId === 'I.2' || r.formId === 'II.3');
      const t1 = performance.now();
      const target = XlsxWorkbook.create();
      const result = await consolidateCommune(target, sources, { planYear: PLAN_YEAR, communeName: commune.name });
      const t2 = performance.now();
      writeFileSync(outLkh, await target.save());
      const t3 = performance.now();
      last = { plan: result.plan, sheets: result.written.sheets, readings: sources };
      return { total: t3 - t0, read: t1 - t0, consolidate: t2 - t1, save: t3 - t2, cpu: cpuSince(c0) };
    };

    // The rows the baseline writes: as many as the plan has activities, 17 cells each, values of the same kind.
    const baseRows: (string | number | null)[][] = commune.units.flatMap((u) =>
      u.sheets.flatMap((s) =>
        s.activities.map((a, i) => [
          i + 1,
          `${a.activity} (${u.unit})`,
          a.objective ?? null,
          a.unit ?? null,
          a.quantity ?? null,
          a.time,
          a.place,
          a.responsible,
          (a.contribution ?? 0) + (a.support ?? 0),
          a.contribution ?? null,
          a.support ?? null,
          0,
          s.sector.name,
          a.note ?? null,
          'Nhà nước và nhân dân cùng làm',
          null,
          `v:${u.unit}|${a.activity}`,
        ]),
      ),
    );
    const outShape: [string, number][] = [];
    const baseline = async (): Promise<Record<string, number>> => {
      rmSync(outBase, { force: true });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let touched = 0;
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        const data = readFileSync(f);
        await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
        wb.eachSheet((ws) =>
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              if (cell.value !== null && cell.value !== undefined) touched++;
            }),
          ),
        );
      }
      const t1 = performance.now();
      // "Writing as many rows with ExcelJS": as many sheets and rows as LKH writes (outShape, measured
      // from LKH's output once), 17 plain cells each, cycling through the activities' values.
      const wb = new ExcelJS.Workbook();
      let k = 0;
      for (const [name, rows] of outShape) {
        const ws = wb.addWorksheet(name);
        for (let i = 0; i < rows; i++) ws.addRow(baseRows[k++ % baseRows.length]);
      }
      writeFileSync(outBase, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      const t2 = performance.now();
      if (touched === 0) throw new Error('baseline read nothing');
      return { total: t2 - t0, read: t1 - t0, write: t2 - t1, cpu: cpuSince(c0) };
    };

    log('(a) measuring (LKH and baseline alternate)…');
    await lkh();
    {
      const out = new ExcelJS.Workbook();
      const data = readFileSync(outLkh);
      await out.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
      out.eachSheet((ws) => {
        if (ws.state === 'visible') outShape.push([ws.name, ws.rowCount]);
      });
    }
    await baseline();
    const l: Record<string, number[]> = {};
    const b: Record<string, number[]> = {};
    for (let i = 0; i < runs; i++) {
      for (const [k, v] of Object.entries(await (gc(), baseline()))) (b[k] ??= []).push(v);
      for (const [k, v] of Object.entries(await (gc(), lkh()))) (l[k] ??= []).push(v);
      log(`  run ${i + 1}/${runs}: LKH ${fmt(l.total[i])} ms, baseline ${fmt(b.total[i])} ms`);
    }
    await profiled('a-lkh', '(a) LKH: read 50 files + consolidate + write, 3 runs', async () => {
      for (let i = 0; i < 3; i++) await lkh();
    });
    await profiled('a-baseline', '(a) Baseline: ExcelJS read 50 files + write as many rows as LKH, 3 runs', async () => {
      for (let i = 0; i < 3; i++) await baseline();
    });
    // The whole command as the accountant waits for it: process against process, alternating.
    log('(a) measuring the whole command, process against process…');
    const root = process.cwd();
    const lkhBin = join(root, 'core', 'bin', 'lkh.cjs');
    const floorJs = join(dir, 'floor.cjs');
    const shapeFile = join(dir, 'shape.json');
    const rowsFile = join(dir, 'rows.json');
    writeFileSync(floorJs, FLOOR_SCRIPT);
    writeFileSync(shapeFile, JSON.stringify(outShape));
    writeFileSync(rowsFile, JSON.stringify(baseRows));
    const floorEnv = { ...process.env, LKH_EXCELJS: require.resolve('exceljs', { paths: [root] }) };
    const outProc = join(dir, 'KH-xa-process.xlsx');
    const outFloor = join(dir, 'floor.xlsx');
    const consolidate = [lkhBin, 'consolidate', ...files, '--out', outProc, '--year', String(PLAN_YEAR), '--commune', commune.name];
    const runLkh = () => {
      rmSync(outProc, { force: true });
      return measuredProcess(consolidate);
    };
    // The usual case after the first run: a village sends a correction, the same command runs again over the commune's plan.
    const rerunLkh = () => measuredProcess(consolidate);
    const runFloor = () => measuredProcess([floorJs, shapeFile, rowsFile, outFloor, ...files], floorEnv);
    runLkh();
    rerunLkh();
    runFloor();
    const procLkh: number[] = [];
    const procRerun: number[] = [];
    const procFloor: number[] = [];
    const rss = { lkh: 0, rerun: 0, floor: 0 };
    const cpu: { lkh: number[]; rerun: number[]; floor: number[] } = { lkh: [], rerun: [], floor: [] };
    for (let i = 0; i < Math.max(5, runs); i++) {
      const f = runFloor();
      const first = runLkh();
      const again = rerunLkh();
      procFloor.push(f.ms);
      procLkh.push(first.ms);
      procRerun.push(again.ms);
      rss.floor = Math.max(rss.floor, f.maxRss);
      rss.lkh = Math.max(rss.lkh, first.maxRss);
      rss.rerun = Math.max(rss.rerun, again.maxRss);
      cpu.floor.push(f.cpuMs);
      cpu.lkh.push(first.cpuMs);
      cpu.rerun.push(again.cpuMs);
      log(`  process run ${i + 1}: lkh consolidate ${fmt(first.ms)} ms (CPU ${fmt(first.cpuMs)}), again over its plan ${fmt(again.ms)} ms (CPU ${fmt(again.cpuMs)}), floor ${fmt(f.ms)} ms (CPU ${fmt(f.cpuMs)})`);
    }
    const med = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
    const lm = med(l);
    const bm = med(b);
    if (!last) throw new Error('no run');
    const { plan, sheets, readings } = last;
    const activities = readings.reduce((n, r) => n + r.activities.length, 0);
    if (activities !== ACTIVITIES_PER_COMMUNE) throw new Error(`read ${activities} activities from the files, expected ${ACTIVITIES_PER_COMMUNE}`);
    if (baseRows.length !== activities) throw new Error('baseline rows differ from activities');
    // The in-memory readings of (b)/(c) should consolidate like the files do.
    const mem = buildPlan(readingsOf(commune.units), NO_EDITS, { planYear: PLAN_YEAR, communeName: commune.name });
    const sameAsMemory =
      mem.activities.length === plan.activities.length &&
      mem.suggestions.length === plan.suggestions.length &&
      mem.returned.length === plan.returned.length &&
      mem.reconciliation.read.amount === plan.reconciliation.read.amount;
    return {
      files: files.length,
      sheets: readings.length,
      activities,
      bytes,
      lkh: lm,
      baseline: bm,
      ratio: lm.total / bm.total,
      runs,
      plan: {
        rows: plan.activities.length,
        suggestions: plan.suggestions.length,
        returned: plan.returned.length,
        balanced: plan.reconciliation.balanced,
        sheets,
        outBytes: readFileSync(outLkh).length,
      },
      sameAsMemory,
      baseRowsWritten: outShape.reduce((n, [, rows]) => n + rows, 0),
      process: {
        lkh: median(procLkh),
        floor: median(procFloor),
        ratio: median(procLkh) / median(procFloor),
        lkhRuns: procLkh,
        floorRuns: procFloor,
        rerun: median(procRerun),
        rerunRatio: median(procRerun) / median(procLkh),
        rerunRuns: procRerun,
        maxRss: rss,
        cpu: { lkh: median(cpu.lkh), rerun: median(cpu.rerun), floor: median(cpu.floor) },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
