/**
 * Consolidated plans to draft documents from: the demo commune (as `lkh demo` + `lkh consolidate`
 * make it) and the handbook's own examples (Bảng 2, L3522, typed as a village I.2; the commune
 * consolidation example, L4013-L4040) — in memory, or on disk through the command.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { demoFiles } from '../../src/workflow/demo';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { readWorkbook } from '../../src/reader/workbook';
import type { CommuneResult } from '../../src/workflow/plan';
import { consolidateCommune } from '../../src/workflow/plan';
import { run } from '../cli/run';
import { readCorpus } from '../reader/load';
import { addSourceSheet, demoReadings } from '../workflow/helpers';

export interface Consolidated {
  readonly wb: MemoryWorkbook;
  readonly result: CommuneResult;
}

/** The demo commune (six villages, five departments, the province's III.1), plan year 2027. */
export async function demoPlan(): Promise<Consolidated> {
  const wb = new MemoryWorkbook();
  const result = await consolidateCommune(wb, await demoReadings(), {});
  return { wb, result };
}

/** Bảng 2 (Thôn A's I.2 for 2017) and the villages of the consolidation example, consolidated for 2017. */
export async function handbookPlan(): Promise<Consolidated> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [
    { activity: 'Bê tông hóa đường liên thôn', unit: 'm', quantity: 300, place: 'Thôn B', contribution: 45000, support: 255000, note: 'CT 135' },
    { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, place: 'Thôn B', contribution: 5000, support: 5000 },
  ]);
  const own = await readWorkbook(wb);
  const bang2 = await readCorpus('bang2-i2.xlsx');
  const result = await consolidateCommune(wb, [...own.readings, ...bang2.readings], { planYear: 2017, communeName: 'Xã Tân Lập' });
  return { wb, result };
}

/** A folder holding the demo commune's files and its consolidated plan. */
export async function demoOnDisk(): Promise<{ dir: string; plan: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-doc-'));
  expect((await run(['demo', '--out', join(dir, 'xa-mau')])).code).toBe(0);
  const inputs = readdirSync(join(dir, 'xa-mau')).map((f) => join(dir, 'xa-mau', f));
  const plan = join(dir, 'ke-hoach-xa.xlsx');
  // 1: the demo's III.1 check finds the province's allocation exceeded, as it is meant to.
  expect((await run(['consolidate', ...inputs, '--out', plan])).code).toBeLessThanOrEqual(1);
  return { dir, plan };
}

/** The demo commune's villages, as its files name them. */
export function demoVillages(): string[] {
  return [...new Set(demoFiles().flatMap((f) => f.sheets.filter((s) => s.formId === 'I.2').map((s) => s.layout.cells.find((c) => typeof c.value === 'string' && /^Thôn:/u.test(c.value))?.value as string)))]
    .filter((v) => typeof v === 'string')
    .map((v) => `Thôn ${v.replace(/^Thôn:\s*/u, '').replace(/^Thôn\s+/u, '').trim()}`);
}

/** Figures of a village's I.1 (made up, different for each village), by I.1 row key. */
export function villageFigures(i: number): Record<string, number> {
  return {
    'I.1': 80 + 7 * i,
    'I.1.1': 50 + 3 * i,
    'I.2': 120.5 + i,
    'I.5': 400 + 31 * i,
    'I.5.2': 300 + 20 * i,
    'I.6': 95 + 6 * i,
    'I.7': 20 + i,
    'I.8': 11 + (i % 3),
    'I.9': 230 + 10 * i,
    'I.9-nam': 120 + 5 * i,
    'I.9-nu': 110 + 5 * i,
    'I.5.4': 3,
    'II.1': 40 + i,
  };
}

/** A village's I.1 as a file of its own (.xlsx bytes), as the village would send it. */
export async function villageI1File(village: string, figures: Record<string, number>): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  const values = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { value: v }]));
  await wb.createSheet(layoutForm(getForm('I.1'), { planYear: 2027, unitName: village, sheetName: 'I.1', fixedValues: { indicators: values } }));
  return wb.save();
}
