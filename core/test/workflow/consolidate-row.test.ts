/**
 * One plan row from one activity (consolidate.ts planRow), written for the survivors of the
 * mutation run of its first 350 lines (docs/testing/mutation-plan.md): a row holds what the
 * activity holds and nothing more; Cần hỗ trợ from Ngân sách + Đề xuất when only those are
 * typed, Tổng số from the parts when not typed; the group follows the money; the commune's own
 * split kept when either half is typed and still adds up.
 */
import type { Activity, FormReading } from '../../src/model/types';
import type { CommuneEdits, RowEdits } from '../../src/workflow/plan';
import { NO_EDITS, activityKey, buildPlan } from '../../src/workflow/plan';

function act(activity: string, o: Partial<Activity> = {}): Activity {
  return { activity, source: { sheet: 'Thôn Nà Lìu - I.2', row: 8, cells: { activity: 'B9', support: 'J9' } }, unreadable: false, ...o };
}

function sheet(activities: readonly Activity[]): FormReading {
  return { sheet: 'Thôn Nà Lìu - I.2', formId: 'I.2', confidence: 1, planYear: 2027, unitName: 'Thôn Nà Lìu', sector: 'Giao thông', strengths: [], difficulties: [], activities, fixedValues: {}, findings: [] };
}

const rowOf = (a: Activity, edits: CommuneEdits = NO_EDITS) => {
  const plan = buildPlan([sheet([a])], edits, { planYear: 2027 });
  expect(plan.activities).toHaveLength(1);
  return plan.activities[0];
};

describe('a plan row holds what the activity holds, and nothing more', () => {
  it('an activity with a name and money only: no empty ĐVT, quantity, time, place, who, objective, source, method or other', () => {
    const row = rowOf(act('Nạo vét kênh mương nội đồng', { contribution: 2_000, total: 2_000 }));
    for (const k of ['unit', 'quantity', 'quantityText', 'time', 'place', 'responsible', 'objective', 'fundSource', 'mechanism', 'other']) expect(Object.keys(row)).not.toContain(k);
    expect(row).toMatchObject({ activity: 'Nạo vét kênh mương nội đồng (Thôn Nà Lìu)', contribution: 2_000, total: 2_000, support: 0, group: 'no-outside-money' });
  });

  it('each field typed is carried over as typed', () => {
    const row = rowOf(
      act('Bê tông hóa đường nội thôn', { unit: 'km', quantity: 1.5, time: 'Quý II/2027', place: 'Xóm Trên', responsible: 'Trưởng thôn', objective: 'Đi lại thuận tiện', contribution: 100_000, support: 400_000, total: 500_000 }),
    );
    expect(row).toMatchObject({ unit: 'km', quantity: 1.5, time: 'Quý II/2027', place: 'Xóm Trên', responsible: 'Trưởng thôn', objective: 'Đi lại thuận tiện' });
    // A quantity typed as words is kept as its words.
    expect(rowOf(act('Tập huấn kỹ thuật', { unit: 'lớp', quantityText: '2-3 lớp', contribution: 0, support: 5_000, total: 5_000 })).quantityText).toBe('2-3 lớp');
  });
});

describe('the money of a row', () => {
  it('Cần hỗ trợ is Ngân sách + Đề xuất when only those are typed, and Tổng số the parts when it is not typed', () => {
    const row = rowOf(act('Xây dựng nhà văn hóa thôn', { contribution: 1_000, budget: 3_000, proposed: 2_000 }));
    expect(row).toMatchObject({ support: 5_000, total: 6_000, contribution: 1_000, group: 'outside-money' });
  });

  it('the group follows the money: no outside money asked is the no-outside-money group, unless the row was typed under outside money', () => {
    expect(rowOf(act('Họp dân bàn kế hoạch', { contribution: 500, support: 0, total: 500 })).group).toBe('no-outside-money');
    expect(rowOf(act('Họp dân bàn kế hoạch', { contribution: 500, support: 0, total: 500, group: 'outside-money' })).group).toBe('outside-money');
    expect(rowOf(act('Họp dân bàn kế hoạch', { contribution: 500, support: 700, total: 1_200, group: 'no-outside-money' })).group).toBe('outside-money');
  });

  it("the commune's split is kept when either half alone is typed and still adds up to Cần hỗ trợ", () => {
    const a = act('Hỗ trợ giống lúa lai', { unit: 'kg', quantity: 100, contribution: 0, support: 8_000, total: 8_000 });
    const key = activityKey({ kind: 'village', unit: 'Thôn Nà Lìu' }, a);
    const withEdits = (e: RowEdits) => rowOf(a, { ...NO_EDITS, rows: new Map([[key, e]]) });
    expect(withEdits({ proposed: 8_000 })).toMatchObject({ budget: 0, proposed: 8_000 });
    expect(withEdits({ budget: 8_000 })).toMatchObject({ budget: 8_000, proposed: 0 });
    // Typed halves that no longer add up are reset to LKH's split (and said: SPLIT_RESET).
    const plan = buildPlan([sheet([a])], { ...NO_EDITS, rows: new Map([[key, { budget: 1_000 }]]) }, { planYear: 2027 });
    expect(plan.activities[0].budget + plan.activities[0].proposed).toBe(8_000);
    expect(plan.findings.map((f) => f.code)).toContain('SPLIT_RESET');
  });
});
