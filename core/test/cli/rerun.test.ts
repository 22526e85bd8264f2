/**
 * A re-run over the commune's plan (issue 23): a village sends a correction and the same command
 * runs again over the plan. The CLI loads the plan without parsing the "(cũ)" copies it is about to
 * delete (XlsxWorkbook's LoadOptions.defer); what it writes must be what a whole load writes:
 * nothing lost, nothing doubled. Checked cell by cell (value, style, merges, validations, print
 * area): the plan's sheets are those a first run over the corrected files writes, and each "(cũ)"
 * copy is the sheet the previous run wrote.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Worksheet } from 'exceljs';
import { run } from './run';
import { readWorkbook } from '../../src/reader/workbook';
import { parseA1 } from '../../src/util/a1';
import { PLAN_SHEETS, copiesReplacedByPlan } from '../../src/workflow/plan';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** Everything a sheet shows and keeps, cell by cell, as plain data to compare. */
function contentOf(ws: Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push({ row: r, height: row.height ?? null, hidden: row.hidden });
    row.eachCell({ includeEmpty: true }, (c) => cells.push({ at: c.address, type: c.type, value: JSON.stringify(c.value) ?? null, style: JSON.stringify(c.style) }));
  });
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const validations = Object.fromEntries(Object.entries(model).map(([a, v]) => [a, JSON.stringify(v)]));
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  return { state: ws.state, cells, validations, merges, printArea: ws.pageSetup.printArea ?? null, columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]), views: JSON.stringify(ws.views) };
}

async function sheets(file: string): Promise<Map<string, unknown>> {
  const wb = await XlsxWorkbook.load(readFileSync(file));
  return new Map(wb.workbook.worksheets.map((ws) => [ws.name, contentOf(ws)]));
}

describe('a re-run over the plan, its copies not parsed', () => {
  it('writes the plan a first run over the corrected files writes, and keeps the previous plan as the copies, cell by cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-rerun-'));
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).sort().map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'ke-hoach.xlsx');
    const args = ['--year', '2027', '--commune', 'Xã Tân Lập'];
    // Two runs: the plan holds its sheets and a "(cũ)" copy of each.
    expect((await run(['consolidate', ...inputs, '--out', plan, ...args])).code).toBeLessThanOrEqual(1);
    expect((await run(['consolidate', ...inputs, '--out', plan, ...args])).code).toBeLessThanOrEqual(1);
    const before = await XlsxWorkbook.load(readFileSync(plan));
    const names = await before.listSheets();
    const copies = copiesReplacedByPlan(names);
    expect(copies).toHaveLength(PLAN_SHEETS.length);
    const previous = await sheets(plan);

    // A village corrects the quantity of an activity.
    const village = inputs.find((f) => /thon/i.test(basename(f))) ?? inputs[0];
    const wb = await XlsxWorkbook.load(readFileSync(village));
    const reading = (await readWorkbook(wb, { file: basename(village) })).readings.find((r) => r.formId === 'I.2' && r.activities.some((a) => a.quantity !== undefined && a.source.cells.quantity));
    const activity = reading?.activities.find((a) => a.quantity !== undefined && a.source.cells.quantity);
    const at = activity?.source.cells.quantity;
    if (!reading || !activity || activity.quantity === undefined || at === undefined) throw new Error('no I.2 activity with a quantity in the demo village');
    const { row, col } = parseA1(at);
    const corrected = activity.quantity + 7;
    await wb.writeValues([{ sheet: reading.sheet, row, col, values: [[corrected]] }]);
    writeFileSync(village, await wb.save());

    // The re-run, and a first run over the corrected files into a new plan.
    expect((await run(['consolidate', ...inputs, '--out', plan, ...args])).code).toBeLessThanOrEqual(1);
    const fresh = join(dir, 'lan-dau.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', fresh, ...args])).code).toBeLessThanOrEqual(1);
    const after = await sheets(plan);
    const first = await sheets(fresh);
    // Sheets: the plan's, each with one copy (the previous run's), in the previous order.
    const visible = (m: Map<string, unknown>) => [...m.keys()].filter((n) => !n.startsWith('_lkh'));
    expect(visible(after)).toEqual(visible(previous));
    expect([...after.keys()].sort()).toEqual([...previous.keys()].sort());
    for (const sheet of PLAN_SHEETS) {
      expect(after.get(sheet)).toEqual(first.get(sheet));
      expect(after.get(`${sheet} (cũ)`)).toEqual(previous.get(sheet));
    }
    // The correction is in, once: a cell of II.4.B holds the new quantity, none of its copy.
    const holding = (sheet: string): number => (after.get(sheet) as { cells: { value?: string }[] }).cells.filter((c) => c.value === String(corrected)).length;
    expect(holding('II.4.B')).toBe(1);
    expect(holding('II.4.B (cũ)')).toBe(0);
  });
});
