/**
 * The bad-input corpus (core/test/fixtures/corpus) through consolidation: each file read
 * (readWorkbook) then consolidated (buildPlan, and written by consolidateCommune): nothing
 * crashes, every activity read is accounted for, the bad rows are returned with their reason,
 * legacy encodings give the same plan as the Unicode file, and 3,000 rows give 3,000 rows.
 */
import { readdirSync } from 'node:fs';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { consolidateCommune } from '../../src/workflow/plan';
import { buildPlan } from '../../src/workflow/plan';
import type { CommunePlan, PlanActivity } from '../../src/workflow/types';
import { CORPUS, readCorpus } from '../reader/load';
import { refOf } from './arbitraries';

const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort();

const sourcesOf = (readings: readonly FormReading[]) => readings.filter((r) => r.formId === 'I.2' || r.formId === 'II.3');

function accountedFor(plan: CommunePlan, readings: readonly FormReading[]): void {
  const read = sourcesOf(readings).flatMap((r) => r.activities.map(refOf));
  const placed = [...plan.activities.filter((a) => a.status === 'active').flatMap((a) => a.sources.map((s) => `${s.sheet}!${s.row}`)), ...plan.returned.map((r) => refOf(r.activity))];
  expect([...placed].sort()).toEqual([...read].sort());
  const r = plan.reconciliation;
  expect(r.read.count).toBe(read.length);
  expect(r.read.count).toBe(r.written.count + r.returned.count);
  expect(Math.abs(r.read.amount - r.written.amount - r.returned.amount)).toBeLessThanOrEqual(0.5);
  expect(r.balanced).toBe(true);
}

describe('corpus through consolidation', () => {
  it('holds the files the tests expect', () => {
    expect(FILES).toEqual(['bad-cells.xlsx', 'bang2-i2.xlsx', 'decomposed.xlsx', 'large-3000.xlsx', 'mixed-sheets.xlsx', 'moved-header.xlsx', 'tcvn3.xlsx', 'vni.xlsx']);
  });

  it.each(FILES.filter((f) => f !== 'large-3000.xlsx'))('%s: consolidates and writes without crashing, every activity accounted for', async (file) => {
    const { readings } = await readCorpus(file);
    expect(sourcesOf(readings).length).toBeGreaterThan(0);
    const plan = buildPlan(readings, undefined, { planYear: 2017 });
    accountedFor(plan, readings);
    expect(plan.activities.length).toBeGreaterThan(0);
    // …and the whole workflow writes it into a commune workbook.
    const target = new MemoryWorkbook();
    const result = await consolidateCommune(target, readings, { planYear: 2017, communeName: 'Xã Tân Lập' });
    accountedFor(result.plan, readings);
    expect(await target.listSheets()).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C']));
  });

  it('bad-cells.xlsx: the contradictory, unreadable and unnamed rows are returned with their reason, the rest consolidated', async () => {
    const { readings } = await readCorpus('bad-cells.xlsx');
    const plan = buildPlan(readings);
    accountedFor(plan, readings);
    expect(plan.returned.map((r) => [r.activity.source.row + 1, r.activity.activity, r.reason, r.origin.unit])).toEqual([
      [21, 'Hỗ trợ giống lúa mới', 'contradictory-amounts', 'Thôn F'], // Tổng số =H21 gives 5.000, parts 10.000
      [22, 'Mở lớp tập huấn kỹ thuật', 'unreadable', 'Thôn F'], // "không" in Dân góp
      [23, 'Làm nhà văn hóa thôn', 'unreadable', 'Thôn F'], // #REF! in Dân góp
      [24, '', 'no-name', 'Thôn F'], // figures, no name
    ]);
    expect(plan.returned.every((r) => r.activity.source.file === 'bad-cells.xlsx')).toBe(true);
    expect(plan.findings.filter((f) => f.code === 'ACTIVITY_RETURNED').map((f) => f.cell)).toEqual(['A21', 'A22', 'A23', 'A24']);
    expect(plan.activities.map((a) => a.activity)).toEqual(
      expect.arrayContaining(['Nạo vét mương thủy lợi tại Khu giữa (Thôn F)', 'Phát quang đường liên thôn (Thôn F)', 'Sửa chữa đập tạm tại Khu giữa (Thôn F)']),
    );
    expect(plan.activities).toHaveLength(3);
    expect(plan.reconciliation).toMatchObject({
      read: { count: 7, amount: 379500 },
      written: { count: 3, amount: 22500 },
      returned: { count: 4, amount: 357000 },
      balanced: true,
    });
  });

  /** A plan row without the village: what Bảng 2 typed in any encoding must give. */
  function shape(a: PlanActivity, village: string) {
    const strip = (s: string | undefined) => s?.split(village).join('<thôn>');
    return {
      key: strip(a.key.replace(/^v:[^|]*/, 'v:')),
      activity: strip(a.activity),
      topic: a.topic,
      sector: a.sector,
      group: a.group,
      unit: a.unit,
      quantity: a.quantity,
      quantityText: a.quantityText,
      time: a.time,
      place: a.place,
      responsible: a.responsible,
      total: a.total,
      contribution: a.contribution,
      support: a.support,
      budget: a.budget,
      proposed: a.proposed,
      fundSource: a.fundSource,
      note: a.note,
      flags: a.flags,
      origins: a.origins.map((o) => ({ ...o, unit: strip(o.unit) })),
    };
  }

  it.each([
    ['tcvn3.xlsx', 'Thôn C'],
    ['vni.xlsx', 'Thôn D'],
    ['decomposed.xlsx', 'Thôn E'],
    ['moved-header.xlsx', 'Thôn B'],
  ])('%s gives the same plan rows as bang2-i2.xlsx', async (file, village) => {
    const bang2 = buildPlan((await readCorpus('bang2-i2.xlsx')).readings);
    const other = buildPlan((await readCorpus(file)).readings);
    expect(other.activities).toHaveLength(5);
    expect(other.activities.map((a) => shape(a, village))).toEqual(bang2.activities.map((a) => shape(a, 'Thôn A')));
    expect(other.returned).toEqual([]);
    expect(other.reconciliation).toEqual(bang2.reconciliation);
    expect(other.suggestions).toEqual([]);
  });

  it('large-3000.xlsx gives 3,000 plan rows, reconciled, written to II.4.B', async () => {
    const { readings } = await readCorpus('large-3000.xlsx');
    const plan = buildPlan(readings);
    expect(plan.activities).toHaveLength(3000);
    expect(plan.returned).toEqual([]);
    accountedFor(plan, readings);
    expect(new Set(plan.activities.map((a) => a.key)).size).toBe(3000);
    const expected = Array.from({ length: 3000 }, (_, k) => k + 1).reduce((s, i) => s + 1000 + (i % 50) * 100 + 500, 0);
    expect(plan.reconciliation.written).toEqual({ count: 3000, amount: expected });
    const target = new MemoryWorkbook();
    const result = await consolidateCommune(target, readings);
    expect(result.written.ii6a.length + result.written.ii6b.length).toBe(3000);
    const [ii4b] = await target.readSheets(['II.4.B']);
    const keyed = ii4b.values.filter((row) => row.some((v) => typeof v === 'string' && v.startsWith('v:nhieu thon|')));
    expect(keyed).toHaveLength(3000);
  });
});
