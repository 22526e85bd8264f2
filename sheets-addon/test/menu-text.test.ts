/**
 * The menu's alerts after Tổng hợp: the reconciliation line says "khớp" only when the counts and
 * amounts balance, "KHÔNG khớp" otherwise — the two words a commune officer acts on.
 */
import type { ConsolidationView } from '../../core/src/app/actions';
import type { Reconciliation } from '../../core/src/workflow/types';
import type { DistrictReconciliation } from '../../core/src/workflow/upper-level';
import type { RollUpView } from '../src/server/entry-points';
import { consolidationText, rollUpText } from '../src/server/menu';

function commune(reconciliation: Reconciliation): ConsolidationView {
  return {
    reconciliation,
    returned: [],
    suggestions: [],
    checks: [],
    sheets: ['II.4.A', 'II.4.B'],
    keptCopies: [],
    counts: { activities: reconciliation.written.count, ii6a: 2, ii6b: 1 },
    findings: [],
  };
}

function district(reconciliation: DistrictReconciliation): RollUpView {
  return {
    upperLevel: 'Huyện Mường Tè',
    communes: [],
    reconciliation,
    ranking: { accepted: 0, withinFunds: 0 },
    issues: [],
    findings: [],
    omitted: 0,
    read: [],
    sheets: ['Tổng hợp'],
    keptCopies: [],
    imported: { communes: 0, balanced: true },
    elapsedMs: 1500,
  };
}

describe('consolidationText', () => {
  it('says khớp when read = written + returned', () => {
    const text = consolidationText(
      commune({ read: { count: 4, amount: 1500000 }, written: { count: 3, amount: 1200000 }, returned: { count: 1, amount: 300000 }, balanced: true, vanished: 0, manual: 0 }),
      1.2,
    );
    expect(text.split('\n')).toEqual([
      'Đọc 4 hoạt động (1.500.000 nghìn đồng) = đưa vào II.4.B 3 (1.200.000) + trả lại 1 (300.000): khớp.',
      'II.6.A: 2 hoạt động đã rõ nguồn vốn; II.6.B: 1 hoạt động chưa rõ nguồn vốn.',
      'Đã ghi: II.4.A, II.4.B.',
      'Thời gian: 1.2 giây.',
    ]);
  });

  it('says KHÔNG khớp when the reconciliation does not balance', () => {
    const text = consolidationText(
      commune({ read: { count: 4, amount: 1500000 }, written: { count: 3, amount: 1200000 }, returned: { count: 0, amount: 0 }, balanced: false, vanished: 0, manual: 0 }),
      1,
    );
    expect(text.split('\n')[0]).toBe('Đọc 4 hoạt động (1.500.000 nghìn đồng) = đưa vào II.4.B 3 (1.200.000) + trả lại 0 (0): KHÔNG khớp.');
  });
});

describe('rollUpText', () => {
  const rec = { read: { count: 10, amount: 2500 }, written: { count: 10, amount: 2500 }, topics: [], keptAppraisals: 0, vanished: 0 };
  it('says khớp for a balanced roll-up', () => {
    expect(rollUpText(district({ ...rec, balanced: true })).split('\n')).toEqual([
      'Huyện Mường Tè: đã tổng hợp 0 xã, 10 hoạt động (2.500 nghìn đồng) → 10 dòng (2.500): khớp.',
      'Đã ghi: Tổng hợp.',
      'Thời gian: 1.5 giây.',
    ]);
  });
  it('says KHÔNG khớp otherwise, and counts kept appraisals and vanished rows', () => {
    expect(rollUpText(district({ ...rec, written: { count: 9, amount: 2000 }, balanced: false, keptAppraisals: 2, vanished: 1 })).split('\n')).toEqual([
      'Huyện Mường Tè: đã tổng hợp 0 xã, 10 hoạt động (2.500 nghìn đồng) → 9 dòng (2.000): KHÔNG khớp.',
      'Giữ nguyên 2 ý kiến thẩm định đã nhập.',
      '1 dòng cũ không còn xã nào đề xuất (vẫn giữ, có ghi chú).',
      'Đã ghi: Tổng hợp.',
      'Thời gian: 1.5 giây.',
    ]);
  });
});
