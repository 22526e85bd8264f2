/**
 * II.6.C adds up (issue 11, deliverable 4): for any commune, its lines equal what II.6.A and
 * II.6.B hold once written — I = II.6.A's Vốn sự nghiệp rows, II = its investment rows (by project
 * state), IV = II.6.B, V = II.6.A's A, the grand total I + II + IV + V; III, a "trong đó" of I and
 * II, never counted twice — and its roll-up lines are formulas that give the same figures. The
 * project state of each II.6.A investment row is chosen from a drop-down and kept on re-run.
 */
import fc from 'fast-check';
import { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData } from '../../src/port/types';
import { parseA1 } from '../../src/util/a1';
import { II6C_PROGRAMMES_NOTE, PROJECT_STATE_HEADER, PROJECT_STATES, consolidateCommune } from '../../src/workflow/plan';
import { communeArb, communeWorkbook, readRows } from './arbitraries';
import { demoReadings } from './helpers';

const RUNS = { numRuns: 15, seed: 20261204 };

/** Value of a cell by 0-based sheet row and column. */
const at = (s: SheetData, row: number, col: number): unknown => s.values[row - s.top]?.[col - s.left] ?? null;

/** A tiny evaluator for the formulas LKH writes in II.6.C: SUM(A1:A3,B4) and A1+B2. */
function evaluate(s: SheetData, formula: string): number {
  const cell = (ref: string): number => {
    const { row, col } = parseA1(ref);
    const v = at(s, row, col);
    return typeof v === 'number' ? v : 0;
  };
  const sum = /^SUM\((.*)\)$/.exec(formula);
  const parts = sum ? sum[1].split(',') : formula.split('+');
  let n = 0;
  for (const p of parts) {
    const [from, to] = p.split(':');
    if (!to) {
      n += cell(from);
      continue;
    }
    const a = parseA1(from);
    const b = parseA1(to);
    for (let r = a.row; r <= b.row; r++) n += cell(`${String.fromCharCode(65 + a.col)}${r + 1}`);
  }
  return n;
}

interface Line {
  readonly row: number;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly formula?: string;
  readonly note: unknown;
}

/** II.6.C's lines by their code and label as printed ("I", "II", "1"… then the label). */
function ii6cLines(s: SheetData): Map<string, Line> {
  const header = s.values.findIndex((r) => r.includes('Tổng số'));
  const totalCol = s.values[header].indexOf('Tổng số') + s.left;
  const labelCol = s.values[header - 1].indexOf('Hạng mục') + s.left;
  const noteCol = s.values[header - 1].indexOf('Ghi chú') + s.left;
  const out = new Map<string, Line>();
  let roman = '';
  for (let i = header + 2; i < s.values.length; i++) {
    const row = s.top + i;
    const code = at(s, row, labelCol - 1);
    const label = at(s, row, labelCol);
    if (typeof label !== 'string' || label === '') continue;
    if (typeof code === 'string' && /^[IVX]+$/.test(code)) roman = code;
    const name = typeof code === 'string' && code !== '' ? (/^[IVX]+$/.test(code) ? code : `${roman}.${code}`) : 'total';
    const num = (c: number) => {
      const v = at(s, row, c);
      return typeof v === 'number' ? v : 0;
    };
    const formula = s.formulas?.[i]?.[totalCol - s.left];
    out.set(name, { row, total: num(totalCol), contribution: num(totalCol + 1), budget: num(totalCol + 2), proposed: num(totalCol + 3), ...(formula ? { formula } : {}), note: at(s, row, noteCol) });
  }
  return out;
}

const millions = (n: number) => Math.round(n * 1e3) / 1e6;

describe('II.6.C equals the sums of II.6.A and II.6.B', () => {
  it('for any commune: I, II, IV, V from the sheets as written, the total I + II + IV + V, formulas that agree (property)', async () => {
    await fc.assert(
      fc.asyncProperty(communeArb, async (c) => {
        const wb = await communeWorkbook(c);
        await consolidateCommune(wb);
        const ii6a = await readRows(wb, 'II.6.A');
        const ii6b = await readRows(wb, 'II.6.B');
        const [sheet] = await wb.readSheets(['II.6.C']);
        const lines = ii6cLines(sheet);
        const sum = (rows: typeof ii6a, f: (g: string) => boolean) => millions(rows.filter((r) => f(r.activity.group ?? '')).reduce((n, r) => n + (r.activity.total ?? 0), 0));
        const I = lines.get('I');
        const II = lines.get('II');
        const IV = lines.get('IV');
        const V = lines.get('V');
        const total = lines.get('total');
        expect(I?.total).toBeCloseTo(sum(ii6a, (g) => g === 'recurrent'), 6);
        expect(II?.total).toBeCloseTo(sum(ii6a, (g) => g.startsWith('investment')), 6);
        expect(IV?.total).toBeCloseTo(sum(ii6b, () => true), 6);
        expect(V?.total).toBeCloseTo(sum(ii6a, (g) => g === 'no-outside-money'), 6);
        expect(total?.total).toBeCloseTo((I?.total ?? 0) + (II?.total ?? 0) + (IV?.total ?? 0) + (V?.total ?? 0), 6);
        expect(total?.total).toBeCloseTo(sum(ii6a, () => true) + sum(ii6b, () => true), 6);
        // III is a part of I + II, and says so.
        const III = lines.get('III');
        expect(III?.total ?? 0).toBeLessThanOrEqual((I?.total ?? 0) + (II?.total ?? 0) + 1e-6);
        expect(III?.note).toBe(II6C_PROGRAMMES_NOTE);
        // Roll-ups are formulas whose results are the cached values.
        for (const k of ['II', 'III', 'total']) {
          const l = lines.get(k);
          expect(l?.formula).toMatch(/^SUM\(/);
          expect(evaluate(sheet, l?.formula ?? '')).toBeCloseTo(l?.total ?? NaN, 6);
        }
      }),
      RUNS,
    );
  });

  it('fills rows I and II from the demo’s II.6.A (six investment projects under II, none left blank) and every program line of III is on the sheet', async () => {
    const target = new MemoryWorkbook();
    const r = await consolidateCommune(target, await demoReadings());
    const [sheet] = await target.readSheets(['II.6.C']);
    const lines = ii6cLines(sheet);
    const investment = r.written.ii6a.filter((a) => a.group === 'outside-money' && a.fundingGroup !== 'recurrent');
    expect(investment.length).toBeGreaterThanOrEqual(6);
    expect(lines.get('II')?.total).toBeCloseTo(millions(investment.reduce((n, a) => n + a.total, 0)), 6);
    expect(lines.get('I')?.total).toBeGreaterThan(0);
    // III's items add up to III on the sheet (no program's money off the sheet).
    const items = [...lines.entries()].filter(([k]) => k.startsWith('III.'));
    expect(items.reduce((n, [, l]) => n + l.total, 0)).toBeCloseTo(lines.get('III')?.total ?? NaN, 6);
  });
});

describe('the project state of II.6.A investment rows', () => {
  it('is offered as a drop-down beside each outside-money row, outside the print area, and a changed choice is kept on re-run', async () => {
    const readings = await demoReadings();
    const wb = new MemoryWorkbook();
    const first = await consolidateCommune(wb, readings);
    const [sheet] = await wb.readSheets(['II.6.A']);
    const headerRow = sheet.values.findIndex((r) => r.includes(PROJECT_STATE_HEADER));
    const col = sheet.values[headerRow].indexOf(PROJECT_STATE_HEADER) + sheet.left;
    const mem = wb.sheet('II.6.A');
    expect(col).toBeGreaterThanOrEqual(mem.print?.area.cols ?? Infinity);
    const rows = await readRows(wb, 'II.6.A');
    const project = rows.find((x) => x.activity.group === 'investment-new');
    expect(project).toBeDefined();
    if (!project) return;
    expect(at(sheet, project.row, col)).toBe(PROJECT_STATES['investment-new']);
    const dropDown = mem.validations.find((v) => v.kind === 'list' && v.col === col && v.row <= project.row && project.row < v.row + v.rows);
    expect(dropDown && dropDown.kind === 'list' ? dropDown.values : []).toEqual(expect.arrayContaining(Object.values(PROJECT_STATES)));
    // The commune picks "Dự án chuyển tiếp" in the drop-down.
    await wb.writeValues([{ sheet: 'II.6.A', row: project.row, col, values: [[PROJECT_STATES['investment-ongoing']]] }]);
    const again = await consolidateCommune(wb, readings);
    const moved = again.written.ii6a.find((a) => a.key === project.key);
    expect(moved?.fundingGroup).toBe('investment-ongoing');
    // …and it stays there on the next run, now written under "Dự án chuyển tiếp".
    const third = await consolidateCommune(wb, readings);
    expect(third.written.ii6a.find((a) => a.key === project.key)?.fundingGroup).toBe('investment-ongoing');
    const rows3 = await readRows(wb, 'II.6.A');
    expect(rows3.find((x) => x.key === project.key)?.activity.group).toBe('investment-ongoing');
    expect(first.written.ii6a.length).toBe(third.written.ii6a.length);
  });
});
