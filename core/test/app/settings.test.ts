/** The settings the panes save, checked; and a damaged document state cleaned for its readers. */
import { createActions } from '../../src/app/actions';
import { LEVELS, PROGRAM_PERIODS, checkSettings, sanitizeState, validSettings } from '../../src/app/settings';
import { MemoryWorkbook } from '../../src/port/memory';

const base = { level: 'xa', period: '2021-2025', upperLevelName: 'Huyện Bắc Hà' } as const;

describe('checkSettings', () => {
  it.each<[string, unknown, object]>([
    ['the least a pane sends', base, base],
    ['every field', { ...base, planYear: 2027, unitName: 'Xã Tân Lập' }, { ...base, planYear: 2027, unitName: 'Xã Tân Lập' }],
    ['the first year', { ...base, planYear: 2000 }, { ...base, planYear: 2000 }],
    ['the last year', { ...base, planYear: 2100 }, { ...base, planYear: 2100 }],
    ['names trimmed', { ...base, unitName: '  Xã Tân Lập ', upperLevelName: ' Tỉnh Lào Cai  ' }, { ...base, unitName: 'Xã Tân Lập', upperLevelName: 'Tỉnh Lào Cai' }],
    ['an empty unit left out, an empty upper level "Huyện"', { ...base, unitName: '   ', upperLevelName: '' }, { ...base, upperLevelName: 'Huyện' }],
    ['no upper level under 2026-2030: "Tỉnh" (no district since July 2025)', { level: 'tinh', period: '2026-2030' }, { level: 'tinh', period: '2026-2030', upperLevelName: 'Tỉnh' }],
    ['no upper level with plan year 2018: "Huyện"', { level: 'xa', period: '2016-2020', planYear: 2018 }, { level: 'xa', period: '2016-2020', planYear: 2018, upperLevelName: 'Huyện' }],
    ['null for what google.script.run sends as null', { ...base, planYear: null, unitName: null }, base],
    ['a name of 100 characters', { ...base, unitName: 'x'.repeat(100) }, { ...base, unitName: 'x'.repeat(100) }],
  ])('accepts %s', (_what, input, expected) => {
    expect(checkSettings(input)).toEqual({ ok: true, settings: expected });
  });

  it.each<[string, unknown, readonly string[]]>([
    ['a year before 2000', { ...base, planYear: 1999 }, ['Năm kế hoạch 1999 không hợp lệ: phải là số nguyên từ 2000 đến 2100.']],
    ['a year after 2100', { ...base, planYear: 2101 }, ['Năm kế hoạch 2101 không hợp lệ: phải là số nguyên từ 2000 đến 2100.']],
    ['a fractional year', { ...base, planYear: 2027.5 }, ['Năm kế hoạch 2027.5 không hợp lệ: phải là số nguyên từ 2000 đến 2100.']],
    ['a year as text', { ...base, planYear: '2027' }, ['Năm kế hoạch "2027" không hợp lệ: phải là số nguyên từ 2000 đến 2100.']],
    ['NaN', { ...base, planYear: Number.NaN }, ['Năm kế hoạch NaN không hợp lệ: phải là số nguyên từ 2000 đến 2100.']],
    ['the period "1999"', { ...base, period: '1999' }, ['Giai đoạn chương trình "1999" không hợp lệ: phải là 2016-2020, 2021-2025 hoặc 2026-2030.']],
    ['no period', { level: 'xa', upperLevelName: 'Huyện' }, ['Chưa chọn giai đoạn chương trình: phải là 2016-2020, 2021-2025 hoặc 2026-2030.']],
    ['an unknown level', { ...base, level: 'quan' }, ['Cấp lập kế hoạch "quan" không hợp lệ: phải là thôn (thon), xã (xa), huyện (huyen) hoặc tỉnh (tinh).']],
    ['no level', { period: '2021-2025' }, ['Chưa chọn cấp lập kế hoạch: phải là thôn (thon), xã (xa), huyện (huyen) hoặc tỉnh (tinh).']],
    ['a unit name of 101 characters', { ...base, unitName: `  ${'x'.repeat(101)} ` }, ['Tên xã / đơn vị dài 101 ký tự: tối đa 100 ký tự.']],
    ['an upper level that is not text', { ...base, upperLevelName: 5 }, ['Tên cấp trên 5 không hợp lệ: phải là chữ.']],
    ['a unit name that is an object', { ...base, unitName: { x: 1 } }, ['Tên xã / đơn vị một đối tượng không hợp lệ: phải là chữ.']],
    ['a field that is not a setting', { ...base, sheetForms: {} }, ['Cài đặt không có mục "sheetForms".']],
    ['not an object', 'xa', ['Cài đặt gửi lên không hợp lệ (không phải một bộ cài đặt).']],
    ['an array', [base], ['Cài đặt gửi lên không hợp lệ (không phải một bộ cài đặt).']],
    [
      'several problems, each named',
      { level: 'x', period: '1999', planYear: 3000, extra: 1 },
      [
        'Cài đặt không có mục "extra".',
        'Năm kế hoạch 3000 không hợp lệ: phải là số nguyên từ 2000 đến 2100.',
        'Cấp lập kế hoạch "x" không hợp lệ: phải là thôn (thon), xã (xa), huyện (huyen) hoặc tỉnh (tinh).',
        'Giai đoạn chương trình "1999" không hợp lệ: phải là 2016-2020, 2021-2025 hoặc 2026-2030.',
      ],
    ],
  ])('refuses %s', (_what, input, errors) => {
    expect(checkSettings(input)).toEqual({ ok: false, errors });
  });

  it('accepts each of the four levels and three periods a pane offers, and refuses their neighbours', () => {
    for (const level of ['thon', 'xa', 'huyen', 'tinh']) {
      for (const period of ['2016-2020', '2021-2025', '2026-2030']) {
        expect(checkSettings({ ...base, level, period })).toEqual({ ok: true, settings: { ...base, level, period } });
      }
    }
    // The pane's lists are these, in this order (its drop-downs are built from them).
    expect([LEVELS, PROGRAM_PERIODS].map((xs) => [...xs])).toEqual([
      ['thon', 'xa', 'huyen', 'tinh'],
      ['2016-2020', '2021-2025', '2026-2030'],
    ]);
    for (const [level, period] of [
      ['Xã', '2021-2025'],
      ['xa ', '2021-2025'],
      ['xa', '2021 - 2025'],
      ['xa', '2031-2035'],
    ]) {
      expect(checkSettings({ ...base, level, period }).ok).toBe(false);
    }
  });

  it('validSettings throws one Error listing the problems', () => {
    expect(() => validSettings({ ...base, period: '1999', planYear: 1 })).toThrow(
      'Năm kế hoạch 1 không hợp lệ: phải là số nguyên từ 2000 đến 2100. Giai đoạn chương trình "1999" không hợp lệ: phải là 2016-2020, 2021-2025 hoặc 2026-2030.',
    );
  });
});

describe('sanitizeState', () => {
  it('keeps a sound state whole, with fields it does not know', () => {
    const state = { planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', sheetForms: { 'Thôn 1 - I.2': 'I.2' }, extra: { checklist: {} }, later: 1 };
    expect(sanitizeState(state)).toEqual({ state, dropped: [] });
    expect(sanitizeState(undefined)).toEqual({ state: {}, dropped: [] });
  });

  it.each<[string, unknown, object, readonly string[]]>([
    ['the period "1999"', { period: '1999', planYear: 2027 }, { planYear: 2027 }, ['Đã bỏ giai đoạn chương trình "1999" ghi trong bảng tính: phải là 2016-2020, 2021-2025 hoặc 2026-2030.']],
    ['the plan year "abc"', { planYear: 'abc', period: '2021-2025' }, { period: '2021-2025' }, ['Đã bỏ năm kế hoạch "abc" ghi trong bảng tính: phải là số nguyên từ 2000 đến 2100.']],
    ['an unknown level', { level: 'quan' }, {}, ['Đã bỏ cấp lập kế hoạch "quan" ghi trong bảng tính: phải là thôn (thon), xã (xa), huyện (huyen) hoặc tỉnh (tinh).']],
    ['names that are not text', { unitName: 1, upperLevelName: ['Huyện'] }, {}, ['Đã bỏ tên xã / đơn vị 1 ghi trong bảng tính: phải là chữ.', 'Đã bỏ tên cấp trên một danh sách ghi trong bảng tính: phải là chữ.']],
    [
      'sheetForms entries naming no form',
      { sheetForms: { 'Thôn 1 - I.2': 'I.2', 'Trang A': 'Z.9', 'Trang B': 7 } },
      { sheetForms: { 'Thôn 1 - I.2': 'I.2' } },
      ['Đã bỏ biểu mẫu "Z.9" ghi cho trang "Trang A": không phải mã biểu mẫu nào.', 'Đã bỏ biểu mẫu 7 ghi cho trang "Trang B": không phải mã biểu mẫu nào.'],
    ],
    ['sheetForms that is not an object', { sheetForms: 'I.2', unitName: 'Xã A' }, { unitName: 'Xã A' }, ['Đã bỏ danh sách trang và biểu mẫu ghi trong bảng tính: là "I.2", không phải một bộ trang → biểu.']],
    ['sheetForms that is a list', { sheetForms: ['I.2'] }, {}, ['Đã bỏ danh sách trang và biểu mẫu ghi trong bảng tính: là một danh sách, không phải một bộ trang → biểu.']],
    ['extra that is not an object', { extra: 'hỏng', level: 'xa' }, { level: 'xa' }, ['Đã bỏ dữ liệu khác của quy trình ghi trong bảng tính: là "hỏng", không phải một đối tượng.']],
    ['a state that is not an object', 'hỏng', {}, ['Trạng thái tài liệu là "hỏng", không phải một bộ trạng thái: đã bỏ qua.']],
  ])('drops %s', (_what, input, state, dropped) => {
    expect(sanitizeState(input)).toEqual({ state, dropped });
  });
});

describe('saveSettings checks before writing', () => {
  it('throws the Vietnamese message and writes nothing for an invalid value', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'Trang tính1': [] });
    const a = createActions(wb);
    await a.saveSettings({ ...base, planYear: 2027 });
    const before = await wb.readState();
    const write = jest.spyOn(wb, 'writeState');
    await expect(a.saveSettings({ ...base, period: '1999' } as never)).rejects.toThrow('Giai đoạn chương trình "1999" không hợp lệ');
    await expect(a.saveSettings({ ...base, unitName: 'x'.repeat(101) })).rejects.toThrow('Tên xã / đơn vị dài 101 ký tự: tối đa 100 ký tự.');
    expect(write).not.toHaveBeenCalled();
    expect(await wb.readState()).toEqual(before);
  });

  it('drops what a damaged state holds that no reader can use when it writes the settings', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'Trang tính1': [] });
    await wb.writeState({ period: '1999', sheetForms: { 'Trang tính1': 'Z.9' }, extra: { keep: 1 } } as never);
    const saved = await createActions(wb).saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: ' Tỉnh Lào Cai ' });
    expect(saved).toEqual({ level: 'xa', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai' });
    expect(await wb.readState()).toEqual({ level: 'xa', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai', sheetForms: {}, extra: { keep: 1 } });
  });
});
