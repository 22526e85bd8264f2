/**
 * Properties of the commune consolidation (SPEC §4 rules 4-5) on random communes: 1-6 villages
 * and 0-3 departments with 0-8 activities each, some unreadable, unnamed, contradictory or
 * unclear, some repeated or nearly repeated across units.
 * (i) nothing is lost: read = written + returned, and every activity read is in exactly one
 *     plan row or returned, with the right reason;
 * (ii) re-running gives the same II.4.B / II.6.A / II.6.B;
 * (iii) what the commune typed in its own columns survives a re-run;
 * (iv) accepting merge suggestions keeps everything reconciled.
 */
import fc from 'fast-check';
import { MemoryWorkbook } from '../../src/port/memory';
import type { WriteBlock } from '../../src/port/types';
import { readWorkbook } from '../../src/reader/workbook';
import { consolidateCommune } from '../../src/workflow/plan';
import { buildPlan } from '../../src/workflow/plan';
import type { CommunePlan, ReturnReason } from '../../src/workflow/types';
import type { GenAct, GenCommune } from './arbitraries';
import { communeArb, communeArbitrary, communeWorkbook, planSnapshot, readRows, refOf, sheetNameOf } from './arbitraries';
import { addSourceSheet } from './helpers';

const RUNS = { numRuns: 10, seed: 20270501, endOnFailure: true } as const;

/** The reason the workflow must give for returning a generated row, or undefined when it is consolidated. */
function expectedReason(a: GenAct): ReturnReason | undefined {
  if (a.activity.trim() === '') return 'no-name';
  if (a.contribution === 'không') return 'unreadable';
  const parts = (typeof a.contribution === 'number' ? a.contribution : 0) + (a.support ?? 0);
  if (a.total !== null && (a.contribution !== null || a.support !== null) && Math.abs(a.total - parts) > 0.5) return 'contradictory-amounts';
  if (a.quantity === null && a.total === null && a.contribution === null && a.support === null) return 'unclear';
  return undefined;
}

/** Generated rows in sheet order: group A then group B, as addUnitSheet lays them out. */
function sheetOrder(acts: readonly GenAct[]): GenAct[] {
  return [...acts.filter((a) => !a.groupB), ...acts.filter((a) => a.groupB)];
}

/** Every activity read appears exactly once among the active rows' sources and the returned. */
function accountedOnce(plan: CommunePlan, readRefs: readonly string[]): void {
  const placed = [
    ...plan.activities.filter((a) => a.status === 'active').flatMap((a) => a.sources.map((s) => `${s.sheet}!${s.row}`)),
    ...plan.returned.map((r) => refOf(r.activity)),
  ];
  expect([...placed].sort()).toEqual([...readRefs].sort());
}

function reconciled(plan: CommunePlan): void {
  const r = plan.reconciliation;
  expect(r.read.count).toBe(r.written.count + r.returned.count);
  expect(Math.abs(r.read.amount - (r.written.amount + r.returned.amount))).toBeLessThanOrEqual(0.5);
  expect(r.balanced).toBe(true);
  expect(plan.findings.map((f) => f.code)).not.toContain('RECONCILIATION_MISMATCH');
  const active = plan.activities.filter((a) => a.status === 'active');
  expect(active.reduce((n, a) => n + a.sources.length, 0)).toBe(r.written.count);
  expect(Math.abs(active.reduce((s, a) => s + a.total, 0) - r.written.amount)).toBeLessThanOrEqual(0.5);
  expect(plan.returned.length).toBe(r.returned.count);
}

const generated = (c: GenCommune) => c.units.reduce((n, u) => n + u.activities.length, 0);

describe('consolidation properties', () => {
  it('(i) reconciliation: every activity read is in exactly one plan row or returned, with the right reason', async () => {
    await fc.assert(
      fc.asyncProperty(communeArb, async (c) => {
        // Sheets not recorded in the document state: recognised from their content.
        const wb = await communeWorkbook(c, false);
        const { readings } = await readWorkbook(wb);
        const sources = readings.filter((r) => r.formId === 'I.2' || r.formId === 'II.3');
        expect(sources.map((r) => r.sheet).sort()).toEqual(c.units.map(sheetNameOf).sort());
        const plan = buildPlan(readings);
        const readRefs = sources.flatMap((r) => r.activities.map(refOf));
        // Nothing typed is lost on the way in…
        expect(plan.reconciliation.read.count).toBe(generated(c));
        expect(readRefs).toHaveLength(generated(c));
        reconciled(plan);
        // …nor on the way out.
        accountedOnce(plan, readRefs);
        // Returned rows carry the reason of L3721 (unclear, unverifiable).
        const reasonAt = new Map(plan.returned.map((r) => [refOf(r.activity), r.reason]));
        for (const u of c.units) {
          const reading = sources.find((r) => r.sheet === sheetNameOf(u));
          const rows = [...(reading?.activities ?? [])].sort((a, b) => a.source.row - b.source.row);
          const gen = sheetOrder(u.activities);
          expect(rows).toHaveLength(gen.length);
          rows.forEach((a, i) => expect([u.name, gen[i].activity, reasonAt.get(refOf(a))]).toEqual([u.name, gen[i].activity, expectedReason(gen[i])]));
        }
        // Plan keys are unique.
        const keys = plan.activities.map((a) => a.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { ...RUNS, numRuns: 12 },
    );
  });

  it('(ii) re-run stability: consolidating twice writes the same II.4.B, II.6.A, II.6.B as once, with unique keys', async () => {
    await fc.assert(
      fc.asyncProperty(communeArb, async (c) => {
        const wb = await communeWorkbook(c);
        const first = await consolidateCommune(wb);
        const once = await planSnapshot(wb);
        const second = await consolidateCommune(wb);
        const twice = await planSnapshot(wb);
        expect(twice).toEqual(once);
        expect(second.plan.reconciliation).toEqual(first.plan.reconciliation);
        expect(second.plan.activities).toHaveLength(first.plan.activities.length);
        expect(second.plan.activities.filter((a) => a.status !== 'active')).toEqual([]);
        const ii4b = await readRows(wb, 'II.4.B');
        const keys = ii4b.map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual(second.plan.activities.map((a) => a.key).sort());
        // II.6.A and II.6.B split II.4.B: every key in exactly one of them.
        const split = [...(await readRows(wb, 'II.6.A')), ...(await readRows(wb, 'II.6.B'))].map((r) => r.key);
        expect(split.sort()).toEqual(keys.sort());
        // The sheet adds up to what the reconciliation says was written.
        const sheetTotal = ii4b.reduce((s, r) => s + (r.activity.total ?? 0), 0);
        expect(Math.abs(sheetTotal - second.plan.reconciliation.written.amount)).toBeLessThanOrEqual(0.5);
      }),
      RUNS,
    );
  });

  type Edit =
    | { readonly kind: 'objective' | 'mechanism' | 'fundSource' | 'other'; readonly index: number; readonly text: string }
    | { readonly kind: 'split'; readonly index: number; readonly share: number };

  const TEXTS = {
    objective: ['Tăng năng suất lúa', 'Giảm tỷ lệ hộ nghèo', 'Người dân có nước sạch', 'Đường đi lại thuận tiện'],
    mechanism: ['Nhà nước hỗ trợ, dân đối ứng', 'Cộng đồng tự thực hiện', 'Giao cho thôn làm chủ đầu tư'],
    fundSource: ['Chương trình 135', 'Vốn tỉnh', 'Ngân sách xã', 'CT Nông thôn mới', 'Dự án ODA', 'Chưa rõ'],
    other: ['Lồng ghép với dự án tỉnh', 'Ưu tiên hộ nghèo', 'Cần khảo sát thêm'],
  } as const;

  const editArb: fc.Arbitrary<Edit> = fc.oneof(
    ...(['objective', 'mechanism', 'fundSource', 'other'] as const).map((kind) =>
      fc.record({ kind: fc.constant(kind), index: fc.nat(50), text: fc.tuple(fc.constantFrom(...TEXTS[kind]), fc.nat(99)).map(([t, n]) => `${t} ${n}`) }),
    ),
    fc.record({ kind: fc.constant('split' as const), index: fc.nat(50), share: fc.integer({ min: 0, max: 10 }) }),
  );

  it('(iii) edits in the commune-owned columns survive a re-run', async () => {
    await fc.assert(
      fc.asyncProperty(
        communeArb,
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ index: fc.nat(50), rank: fc.integer({ min: 1, max: 20 }) }), { maxLength: 4 }),
        async (c, edits, ranks) => {
          const wb = await communeWorkbook(c);
          const { readings } = await readWorkbook(wb);
          await consolidateCommune(wb, readings);
          const rows = await readRows(wb, 'II.4.B');
          if (rows.length === 0) return;
          const want = new Map<string, Record<string, string | number>>();
          const blocks: WriteBlock[] = [];
          const put = (sheet: string, row: number, col: number, v: string | number) => blocks.push({ sheet, row, col, values: [[v]] });
          for (const e of edits) {
            const r = rows[e.index % rows.length];
            const w = want.get(r.key) ?? {};
            if (e.kind === 'split') {
              const outside = (r.activity.budget ?? 0) + (r.activity.proposed ?? 0);
              if (outside <= 0) continue;
              const budget = Math.round((outside * e.share) / 10);
              put('II.4.B', r.row, r.cols.budget, budget);
              put('II.4.B', r.row, r.cols.proposed, outside - budget);
              Object.assign(w, { budget, proposed: outside - budget });
            } else {
              put('II.4.B', r.row, r.cols[e.kind], e.text);
              w[e.kind] = e.text;
            }
            want.set(r.key, w);
          }
          const ii6b = await readRows(wb, 'II.6.B');
          const wantRank = new Map<string, number>();
          for (const x of ranks) {
            if (ii6b.length === 0) break;
            const r = ii6b[x.index % ii6b.length];
            put('II.6.B', r.row, r.cols.priority, x.rank);
            wantRank.set(r.key, x.rank);
          }
          if (blocks.length > 0) await wb.writeValues(blocks);

          const rerun = await consolidateCommune(wb, readings);
          reconciled(rerun.plan);
          const after = new Map((await readRows(wb, 'II.4.B')).map((r) => [r.key, r.activity]));
          for (const [key, w] of want) {
            const a = after.get(key);
            expect({ key, present: a !== undefined }).toEqual({ key, present: true });
            const got: Record<string, unknown> = {};
            for (const k of Object.keys(w)) got[k] = a?.[k as keyof typeof a];
            expect({ key, ...got }).toEqual({ key, ...w });
          }
          const placed = new Map([...(await readRows(wb, 'II.6.A')), ...(await readRows(wb, 'II.6.B'))].map((r) => [r.key, r.activity.priority]));
          for (const [key, rank] of wantRank) expect({ key, priority: placed.get(key) }).toEqual({ key, priority: rank });
        },
      ),
      { ...RUNS, numRuns: 15 },
    );
  });

  /** Few names and units: many similar activities across units, so many merge suggestions. */
  const mergeRich = communeArbitrary({ names: ['Hỗ trợ giống lúa mới', 'Hỗ trợ giống lúa lai', 'Cứng hóa kênh mương nội đồng', 'Xây dựng nhà văn hóa thôn'], units: ['kg', 'm'] });

  it('(iv) accepting merge suggestions keeps counts and amounts reconciled, on that run and the next', async () => {
    await fc.assert(
      fc.asyncProperty(mergeRich, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), async (c, pick) => {
        const wb = await communeWorkbook(c);
        // The sources as read once (as the CLI passes other files' readings): re-runs read only the plan sheets.
        const { readings } = await readWorkbook(wb);
        const refs = readings.flatMap((r) => r.activities.map(refOf));
        const first = await consolidateCommune(wb, readings);
        const ids = first.plan.suggestions.filter((_, i) => pick[i % pick.length]).map((s) => s.id);
        const merged = await consolidateCommune(wb, readings, { acceptMerges: ids });
        reconciled(merged.plan);
        accountedOnce(merged.plan, refs);
        expect(merged.plan.reconciliation.read).toEqual(first.plan.reconciliation.read);
        expect(merged.plan.reconciliation.returned).toEqual(first.plan.reconciliation.returned);
        expect(merged.plan.reconciliation.written).toEqual(first.plan.reconciliation.written);
        const accepted = merged.plan.suggestions.filter((s) => s.accepted).map((s) => s.id);
        expect(accepted.sort()).toEqual([...ids].sort());
        // Each accepted merge is one row; the others are as before.
        const sizes = merged.plan.suggestions.filter((s) => s.accepted).reduce((n, s) => n + s.keys.length - 1, 0);
        expect(merged.plan.activities).toHaveLength(first.plan.activities.length - sizes);
        // The merges are remembered: the next run (nothing accepted) gives the same tallies and sheets.
        const once = await planSnapshot(wb);
        const again = await consolidateCommune(wb, readings);
        reconciled(again.plan);
        accountedOnce(again.plan, refs);
        expect(again.plan.activities.filter((a) => a.status !== 'active')).toEqual([]);
        expect(again.plan.suggestions.filter((s) => s.accepted).map((s) => s.id).sort()).toEqual([...ids].sort());
        const ii4b = await readRows(wb, 'II.4.B');
        expect(ii4b).toHaveLength(again.plan.activities.length);
        const sheetTotal = ii4b.reduce((s, r) => s + (r.activity.total ?? 0), 0);
        expect(Math.abs(sheetTotal - again.plan.reconciliation.written.amount)).toBeLessThanOrEqual(0.5);
        expect(await planSnapshot(wb)).toEqual(once);
      }),
      { ...RUNS, numRuns: 10 },
    );
  });

  it('(iv) example: a merge accepted when the villages are not in alphabetical order stays as accepted on the next run', async () => {
    // Thôn B's sheet comes first, so the suggestion (and the accepting run) puts Thôn B first.
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [{ activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, contribution: 5000, support: 5000 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Trồng trọt', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 }]);
    const first = await consolidateCommune(wb);
    expect(first.plan.suggestions).toHaveLength(1);
    const accepting = await consolidateCommune(wb, undefined, { acceptMerges: 'all' });
    const shown = (p: CommunePlan) => p.activities.filter((a) => a.mergedKeys).map((a) => [a.activity, a.quantityText, a.place, a.sector]);
    // Both rows are crops by their words (whatever their sheets say), so the merged row is too.
    expect(shown(accepting.plan)).toEqual([['Hỗ trợ giống lúa lai', '200 + 100', 'Thôn B, A', 'Trồng trọt']]);
    const once = await planSnapshot(wb);
    const next = await consolidateCommune(wb);
    expect(shown(next.plan)).toEqual(shown(accepting.plan));
    expect(await planSnapshot(wb)).toEqual(once);
  });
});
