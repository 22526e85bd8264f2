/**
 * One source of findings (issue 12, deliverable 5): after a consolidation found an error — a
 * III.1 allocation overrun at III.1!C14 — the Check action shows that same error, not "no
 * errors"; it says when the sheets changed since; a new consolidation replaces the list; the
 * CLI's consolidation and the upper level's roll-up record theirs in the workbook too.
 */
import { createActions } from '../../src/app/actions';
import type { FindingView } from '../../src/app/actions';
import { formEdition } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { readWorkbook } from '../../src/reader/workbook';
import { parseA1 } from '../../src/util/a1';
import { consolidateCommune } from '../../src/workflow/plan';
import { rollUpCommunes } from '../../src/workflow/upper-level';
import { finding } from '../../src/validate/messages';
import { recordedFindings, withRecordedFindings, workbookFindings } from '../../src/workflow/findings';
import { handbookCommune } from '../workflow/helpers';

/** The handbook's commune (Thôn A's canal on CT Nông thôn mới: 130 triệu) with a III.1 giving NTM only `ntm` triệu. */
async function communeWithIii1(ntm: number): Promise<MemoryWorkbook> {
  const wb = await handbookCommune();
  await wb.createSheet(
    layoutForm(formEdition(getForm('III.1'), '2016-2020'), { sheetName: 'III.1', planYear: 2018, unitName: 'Xã Tân Lập', fixedValues: { sources: { ntm: { amount: ntm }, gnbv: { amount: 1000 } } } }),
  );
  return wb;
}

const same = (f: FindingView) => ({ code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message });

describe('one list of findings per workbook', () => {
  it('the Check action shows the error the consolidation found, at the same cell, with the same words', async () => {
    const wb = await communeWithIii1(100);
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2018, unitName: 'Xã Tân Lập', level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    const before = await a.validate();
    expect(before.findings.map((f) => f.code)).not.toContain('BUDGET_OVER_ALLOCATION');

    const c = await a.consolidate();
    const over = c.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'error', sheet: 'III.1' });
    expect(over[0].cell).toMatch(/^C\d+$/u);

    const v = await a.validate();
    // Every error of the consolidation is on the Check screen, once.
    for (const e of c.findings.filter((f) => f.severity === 'error')) expect(v.findings.filter((f) => f.code === e.code && f.cell === e.cell).map(same)).toEqual([same(e)]);
    expect(v.errors).toBeGreaterThanOrEqual(1);
    expect(v.findings.map((f) => f.code)).not.toContain('FINDINGS_OUTDATED');
    // The source warnings both found are listed once.
    const incomplete = (fs: readonly FindingView[]) => fs.filter((f) => f.code === 'ACTIVITY_INCOMPLETE' && f.sheet === 'Thôn A - I.2').map((f) => f.cell);
    expect(incomplete(v.findings)).toEqual(incomplete(c.findings));
  });

  it('says the recorded findings may be out of date once III.1 changed; a new consolidation replaces them', async () => {
    const wb = await communeWithIii1(100);
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2018, unitName: 'Xã Tân Lập', level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    await a.consolidate();
    // The district raises NTM to 200 triệu in III.1.
    const [d] = await wb.readSheets(['III.1']);
    const at = readSheet(d, { formId: 'III.1' }).reading?.fixedValues.ntm?.amountCell ?? readSheet(d, { formId: 'III.1' }).reading?.fixedValues.ntm?.cell;
    const { row } = parseA1(String(at));
    const col = d.values[row - d.top].findIndex((x) => x === 100) + d.left;
    expect(col).toBeGreaterThanOrEqual(d.left);
    await wb.writeValues([{ sheet: 'III.1', row, col, values: [[200]] }]);

    const stale = await a.validate();
    const outdated = stale.findings.find((f) => f.code === 'FINDINGS_OUTDATED');
    expect(outdated?.message).toContain('lần tổng hợp gần nhất');
    expect(outdated?.message).toContain('Hãy tổng hợp lại');
    expect(stale.findings.map((f) => f.code)).toContain('BUDGET_OVER_ALLOCATION');

    const again = await a.consolidate();
    expect(again.findings.map((f) => f.code)).not.toContain('BUDGET_OVER_ALLOCATION');
    const fresh = await a.validate();
    expect(fresh.findings.map((f) => f.code)).not.toContain('BUDGET_OVER_ALLOCATION');
    expect(fresh.findings.map((f) => f.code)).not.toContain('FINDINGS_OUTDATED');
    expect(fresh.errors).toBe(0);
  });

  it('a consolidation of other files (the CLI) records its findings in the plan it writes', async () => {
    const sources = await communeWithIii1(100);
    const target = MemoryWorkbook.fromArrays({});
    const { readings } = await readWorkbook(sources, { file: 'xa-tan-lap-nguon.xlsx' });
    const r = await consolidateCommune(target, readings, { planYear: 2018, period: '2016-2020' });
    const over = r.findings.find((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over?.file).toBe('xa-tan-lap-nguon.xlsx');
    const v = await createActions(target).validate();
    expect(v.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION').map((f) => f.message)).toEqual([over?.message]);
    expect(v.findings.map((f) => f.code)).not.toContain('FINDINGS_OUTDATED');
  });

  it('the upper level: what the roll-up found is on the Check screen of its workbook', async () => {
    const commune = await handbookCommune();
    await consolidateCommune(commune, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    const iii1 = MemoryWorkbook.fromArrays({});
    await iii1.createSheet(
      layoutForm(getForm('III.1'), { planYear: 2027, unitName: 'Tân Lập', sheetName: 'III.1 Tân Lập', fixedValues: { sources: { 'ntm-dau-tu': { amount: 100 }, 'gnbv-dau-tu': { amount: 200 } } } }),
    );
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([{ port: commune, file: 'tan-lap.xlsx' }, { port: iii1, file: 'III.1.xlsx' }], target);
    const over = rollup.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION');
    expect(over.length).toBeGreaterThan(0);
    const v = await createActions(target).validate();
    expect(v.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION').map((f) => f.message)).toEqual(over.map((f) => f.message));
  });

  it('keeps the state small: errors first, a count of what was left out; damaged entries are dropped', () => {
    const warnings = Array.from({ length: 2000 }, (_, i) => finding('ACTIVITY_INCOMPLETE', { sheet: 'II.4.B', cell: `G${i + 8}` }, { activity: `Hoạt động số ${i + 1}`, column: 'Địa điểm' }));
    const error = finding('BUDGET_OVER_ALLOCATION', { sheet: 'III.1', cell: 'C12' }, { program: 'Chương trình 135', need: '1.825', allocation: '1.500' });
    const state = withRecordedFindings({ planYear: 2027 }, 'consolidation', [...warnings, error]);
    expect(JSON.stringify(state).length).toBeLessThan(45_000);
    const [run] = recordedFindings(state);
    expect(run.findings[0]).toEqual(error);
    expect(run.omitted).toBe(2001 - run.findings.length);
    expect(run.omitted).toBeGreaterThan(0);
    const all = workbookFindings(state, [], []);
    expect(all.find((f) => f.code === 'FINDINGS_NOT_KEPT')?.params.count).toBe(run.omitted);
    // A rerun replaces its own entry; an entry someone damaged is ignored, never thrown on.
    const damaged = { ...state, extra: { ...state.extra, findings: [{ origin: 'consolidation', findings: [{ c: 'NO_SUCH_CODE', s: 'X' }, 42, { c: 'III1_MISSING', s: 'II.6.A' }] }, 'rác'] } };
    expect(recordedFindings(damaged).map((r) => r.findings.map((f) => f.code))).toEqual([['III1_MISSING']]);
    expect(recordedFindings(withRecordedFindings(damaged, 'consolidation', [error])).map((r) => r.findings.map((f) => f.cell))).toEqual([['C12']]);
  });
});
