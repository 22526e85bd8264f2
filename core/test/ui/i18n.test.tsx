/** @jest-environment jsdom */
import { errorText } from '../../ui/errors';
import { formatDate, todayIso } from '../../ui/format';
import { en } from '../../ui/i18n/en';
import { vi } from '../../ui/i18n/vi';

/** Every key path with the kind of its value. */
function shape(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? shape(v as object, `${prefix}${k}.`) : [`${prefix}${k}:${typeof v}`]));
}

describe('pane texts', () => {
  it('gives English every Vietnamese text, with the same shape', () => {
    expect(shape(en)).toEqual(shape(vi));
    expect(shape(vi).length).toBeGreaterThan(100);
  });

  it('writes the money of the consolidation in one unit, triệu đồng, with Vietnamese grouping', () => {
    const r = { read: 12, readAmount: 1250000, written: 10, writtenAmount: 1100000, returned: 2, returnedAmount: 150500, balanced: true };
    expect(vi.consolidate.headline(r)).toBe('12 hoạt động · 1.250 triệu đồng · khớp');
    expect(vi.consolidate.headlineDetail(r)).toBe('Đưa vào II.4.B 10 hoạt động (1.100 triệu đồng); trả lại 2 (150,5 triệu đồng).');
    expect(en.consolidate.headline({ ...r, balanced: false })).toBe('12 activities · 1,250 million VND · NOT balanced');
    // the versions to choose between, in the same unit (the forms hold nghìn đồng)
    expect(vi.consolidate.candidate('Thôn A - I.2', 5, 35_000)).toBe('Thôn A - I.2: 5 hoạt động, 35 triệu đồng');
    expect(en.consolidate.candidate('Thôn A - I.2', 5, 35_500)).toBe('Thôn A - I.2: 5 activities, 35.5 million VND');
  });

  it('turns errors into one clear sentence, never a stack trace', () => {
    const e = new Error('Trang "II.6.B" không phải danh sách hoạt động để xếp ưu tiên.');
    e.stack = 'Error: …\n    at listForm (actions.ts:250:11)';
    expect(errorText(e, vi)).toBe('Trang "II.6.B" không phải danh sách hoạt động để xếp ưu tiên.');
    expect(errorText('Exception: Không tìm thấy trang "Thôn A - I.2".\n    at selectCell (Code:12)', vi)).toBe('Không tìm thấy trang "Thôn A - I.2".');
    expect(errorText({ name: 'RichApi.Error', message: 'InvalidOperationInCellEditMode' }, vi)).toBe(vi.errors.busy);
    expect(errorText(new TypeError('x is not a function'), vi)).toBe(vi.errors.generic);
    expect(errorText(new Error('Failed to fetch'), en)).toBe(en.errors.network);
    expect(errorText(new Error('Exceeded maximum execution time'), vi)).toBe(vi.errors.timeout);
    expect(errorText(undefined, vi)).toBe(vi.errors.generic);
    expect(errorText(new Error('a'.repeat(1000)), vi)).toHaveLength(401);
  });

  it('formats dates for each language', () => {
    expect(formatDate('2026-05-14', 'vi')).toBe('14/05/2026');
    expect(formatDate('2026-05-14', 'en')).toBe('14 May 2026');
    expect(todayIso(new Date(2026, 4, 7))).toBe('2026-05-07');
  });
});
