/**
 * English for what the pane shows of a consolidation (issue 14, fault 7): the reason an activity
 * was returned, in the returned list and in its finding, and the funding checks.
 */
import { createActions } from '../../src/app/actions';
import { finding } from '../../src/validate/messages';
import { addSourceSheet, handbookCommune } from '../workflow/helpers';

describe('a consolidation in English', () => {
  it('gives each returned activity and each funding check an English text', async () => {
    const wb = await handbookCommune();
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [{ activity: 'Làm đường', unit: 'm', quantity: 100, contribution: 10000, support: 50000, total: 70000 }]);
    const v = await createActions(wb).consolidate();
    const r = v.returned.find((x) => x.activity === 'Làm đường');
    expect(r?.reason).toBe('Tổng số (70.000) khác Dân góp + Cần hỗ trợ (60.000)');
    expect(r?.reasonEn).toBe('Total (70,000) differs from Dân góp + Cần hỗ trợ (60,000)');
    const f = v.findings.find((x) => x.code === 'ACTIVITY_RETURNED' && x.sheet === 'Thôn C - I.2');
    expect(f?.messageEn).toContain('returned for clarification: Total (70,000) differs');
    expect(f?.messageEn).not.toMatch(/Tổng số/u);
    expect(v.checks.length).toBeGreaterThan(0);
    for (const c of v.checks) {
      expect(c.labelEn).toBeTruthy();
      expect(c.detailEn).toBeTruthy();
      // English sentences: no Vietnamese prose beyond names (programs, columns)
      expect(c.detailEn).not.toMatch(/\b(chưa|được|hoạt động|năm trước)\b/u);
    }
  });

  it('shows a finding kept before the English reason existed with the reason it has', () => {
    // params of a finding stored by an older version: {reason} only
    const f = finding('ACTIVITY_RETURNED', { sheet: 'Thôn C - I.2', cell: 'B13' }, { activity: 'Làm đường', origin: 'Thôn C', reason: 'không ghi tên hoạt động' });
    expect(f.messageEn).toContain('returned for clarification: không ghi tên hoạt động');
    expect(f.messageEn).not.toContain('{reasonEn}');
  });
});
