/**
 * validateReading and checkAttendance, rule by rule, on readings shaped like what the reader returns
 * for a village's I.2 and a commune's II.6.x: each finding's code, cell and exact message, and the
 * cases that must give none. (The thresholds at their boundaries: ../boundaries.test.ts.)
 */
import type { Activity, FormReading } from '../../src/model/types';
import type { FormId } from '../../src/forms/types';
import { LIMITS, checkAttendance, outsideMoney, validateReading } from '../../src/validate/rules';
import { finding, shortName } from '../../src/validate/messages';

const SHEET = 'Thôn Khuổi Mạ - I.2';
const CELLS = { activity: 'A12', unit: 'B12', quantity: 'C12', time: 'D12', place: 'E12', responsible: 'F12', total: 'G12', contribution: 'H12', support: 'I12', priority: 'K12' };

function act(o: Partial<Activity> & { activity: string }, cells: Readonly<Record<string, string>> = CELLS, file?: string): Activity {
  return {
    unit: 'm',
    quantity: 50,
    time: 'Q.III/2027',
    place: 'Khuổi Mạ',
    responsible: 'Trưởng thôn',
    unreadable: false,
    source: { sheet: SHEET, row: 11, cells, ...(file ? { file } : {}) },
    ...o,
  };
}

function reading(formId: FormId, activities: readonly Activity[], file?: string): FormReading {
  return { sheet: SHEET, ...(file ? { file } : {}), formId, confidence: 1, strengths: [], difficulties: [], activities, fixedValues: {}, findings: [] };
}

const found = (r: FormReading) => validateReading(r).map((f) => [f.code, f.cell, f.message]);

describe('rule 2: activities needing no outside money', () => {
  it.each<[string, FormId, Partial<Activity>, string, string]>([
    ['Cần hỗ trợ', 'I.2', { support: 2000 }, 'I12', 'Cần hỗ trợ = 2.000'],
    ['Ngân sách', 'II.6.A', { budget: 1500 }, 'J12', 'Ngân sách = 1.500'],
    ['Đề xuất', 'II.6.A', { proposed: 700 }, 'L12', 'Đề xuất = 700'],
  ])('ask for none: %s filled is reported at its cell', (_what, form, money, cell, said) => {
    const cells = { ...CELLS, budget: 'J12', proposed: 'L12' };
    const r = reading(form, [act({ activity: 'Phát quang đường thôn', group: 'no-outside-money', total: (money.support ?? 0) + (money.budget ?? 0) + (money.proposed ?? 0) + 100, contribution: 100, ...money }, cells)]);
    expect(found(r)).toEqual([
      ['NO_OUTSIDE_MONEY_HAS_SUPPORT', cell, `Hoạt động "Phát quang đường thôn" thuộc nhóm không cần nguồn vốn bên ngoài nhưng ghi ${said} — ô ${cell}, trang "${SHEET}".`],
    ]);
  });

  it('are not ranked', () => {
    const r = reading('I.2', [act({ activity: 'Họp bàn lịch lấy nước', group: 'no-outside-money', total: 0, contribution: 0, priority: 1 })]);
    expect(found(r)).toEqual([['NO_OUTSIDE_MONEY_RANKED', 'K12', `Hoạt động "Họp bàn lịch lấy nước" không cần nguồn vốn bên ngoài nên không xếp ưu tiên — ô K12, trang "${SHEET}".`]]);
  });

  it('an activity under "cần nguồn vốn bên ngoài" in I.2 that asks for nothing is reported; in II.6.x, or unreadable, it is not', () => {
    const asksNothing = { activity: 'Làm cầu tạm', group: 'outside-money' as const, total: 500, contribution: 500 };
    expect(found(reading('I.2', [act(asksNothing)]))).toEqual([
      ['OUTSIDE_MONEY_WITHOUT_SUPPORT', 'I12', `Hoạt động "Làm cầu tạm" thuộc nhóm cần nguồn vốn bên ngoài nhưng không ghi số tiền cần hỗ trợ — ô I12, trang "${SHEET}".`],
    ]);
    expect(found(reading('II.3', [act(asksNothing)])).map((f) => f[0])).toEqual(['OUTSIDE_MONEY_WITHOUT_SUPPORT']);
    expect(found(reading('II.6.B', [act(asksNothing)]))).toEqual([]);
    expect(found(reading('I.2', [act({ ...asksNothing, unreadable: true })]))).toEqual([]);
    expect(found(reading('I.2', [act({ ...asksNothing, support: 1, total: 501 })]))).toEqual([]);
  });
});

describe('completeness: what, where, when, who', () => {
  it('names every required column left empty in one finding, at the first empty cell, listing each cell (issue 20: one finding per problem)', () => {
    const r = reading('I.2', [act({ activity: 'Nạo vét mương', unit: undefined, time: '', place: undefined, total: 100, contribution: 100 })]);
    expect(found(r)).toEqual([['ACTIVITY_INCOMPLETE', 'B12', `Hoạt động "Nạo vét mương" chưa ghi ĐVT, Thời gian, Địa điểm — ô B12, D12, E12, trang "${SHEET}".`]]);
  });

  it('a quantity typed as text counts; a column missing from the sheet is not reported per row; a row without a name is not checked', () => {
    expect(found(reading('I.2', [act({ activity: 'Tập huấn', quantity: undefined, quantityText: '2 lớp', total: 10, contribution: 10 })]))).toEqual([]);
    expect(found(reading('I.2', [act({ activity: 'Tập huấn', quantity: undefined, total: 10, contribution: 10 })])).map((f) => f[1])).toEqual(['C12']);
    const noPlace = Object.fromEntries(Object.entries(CELLS).filter(([k]) => k !== 'place'));
    expect(found(reading('I.2', [act({ activity: 'Tập huấn', place: undefined, total: 10, contribution: 10 }, noPlace)]))).toEqual([]);
    expect(found(reading('I.2', [act({ activity: '', unit: undefined, total: 10, contribution: 10 })]))).toEqual([]);
  });
});

describe('rule 1 without figures to compare', () => {
  it.each<[string, Partial<Activity>]>([
    ['no Tổng số', { contribution: 100, support: 50 }],
    ['no part', { total: 100 }],
    ['an unreadable cell', { total: 100, contribution: 1, support: 1, unreadable: true }],
  ])('%s: nothing to say', (_what, money) => {
    expect(validateReading(reading('I.2', [act({ activity: 'Sửa cống', ...money })])).filter((f) => f.code === 'AMOUNT_SUM_MISMATCH')).toEqual([]);
  });
});

describe('priorities and forms', () => {
  it('a priority given twice is reported at the second row', () => {
    const second = { ...CELLS, priority: 'K13' };
    const r = reading('II.6.B', [act({ activity: 'A', total: 1, contribution: 1, priority: 1 }), act({ activity: 'B', total: 1, contribution: 1, priority: 1 }, second), act({ activity: 'C', total: 1, contribution: 1, priority: 2 })]);
    expect(found(r)).toEqual([['DUPLICATE_PRIORITY', 'K13', `Mức ưu tiên 1 ghi cho nhiều hoạt động (ô K13, trang "${SHEET}").`]]);
  });

  it('forms without activities are not checked; the file is named when there is one', () => {
    const bad = act({ activity: 'Sửa cống', total: 100, contribution: 1, support: 1 });
    expect(validateReading(reading('III.1', [bad]))).toEqual([]);
    const [f] = validateReading(reading('I.2', [act({ activity: 'Sửa cống', total: 100, contribution: 1, support: 1 }, CELLS, 'khuoi-ma.xlsx')], 'khuoi-ma.xlsx'));
    expect(f).toMatchObject({ code: 'AMOUNT_SUM_MISMATCH', file: 'khuoi-ma.xlsx', sheet: SHEET, cell: 'G12' });
  });

  it('the count of ranked activities leaves out unnamed rows and those needing nothing from outside; a group not given counts by its money', () => {
    const many = Array.from({ length: LIMITS.rankedActivities }, (_, i) => act({ activity: `Hoạt động ${i + 1}`, total: 10, contribution: 5, support: 5 }, { ...CELLS, activity: `A${20 + i}` }));
    const extra = [act({ activity: '', total: 10, contribution: 5, support: 5 }), act({ activity: 'Dân tự làm', total: 10, contribution: 10 })];
    expect(validateReading(reading('I.2', [...many, ...extra])).map((f) => f.code)).toEqual([]);
    const sixth = act({ activity: 'Hoạt động 6', total: 10, contribution: 5, support: 5 }, { ...CELLS, activity: 'A30' });
    expect(validateReading(reading('I.2', [...many, sixth])).map((f) => [f.code, f.cell])).toEqual([['TOO_MANY_RANKED_ACTIVITIES', 'A30']]);
  });
});

describe('outsideMoney, shortName and finding', () => {
  it('outside money is Cần hỗ trợ + Ngân sách + Đề xuất', () => {
    expect(outsideMoney(act({ activity: 'x', support: 1, budget: 20, proposed: 300 }))).toBe(321);
    expect(outsideMoney(act({ activity: 'x' }))).toBe(0);
  });
  it('shortName collapses spaces and cuts long names with an ellipsis', () => {
    expect(shortName('  Bê   tông\nhóa  ')).toBe('Bê tông hóa');
    expect(shortName('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shortName('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(shortName('abcdef', 4)).toBe('abc…');
  });
  it('a finding fills both languages, keeps an unknown placeholder, and falls back from {reasonEn} to {reason}', () => {
    const f = finding('ACTIVITY_RETURNED', { sheet: 'S', cell: 'A1', file: 'f.xlsx' }, { activity: 'Làm đường', origin: 'Thôn A', reason: 'lý do' });
    expect(f).toMatchObject({ code: 'ACTIVITY_RETURNED', severity: 'warning', file: 'f.xlsx', sheet: 'S', cell: 'A1' });
    expect(f.message).toBe('Hoạt động "Làm đường" (Thôn A) chưa đưa vào tổng hợp mà trả lại để làm rõ: lý do — ô A1, trang "S".');
    expect(f.messageEn).toContain('lý do');
    const noCell = finding('TOO_MANY_STRENGTHS', { sheet: 'S' }, { count: 4 });
    expect(noCell).not.toHaveProperty('cell');
    expect(noCell).not.toHaveProperty('file');
    expect(noCell.message).toBe('Trang "S" ghi 4 Thuận lợi; Sổ tay chỉ nêu tối đa 3 (từ ô ).');
    expect(finding('TOO_MANY_STRENGTHS', { sheet: 'S', cell: 'A5' }, {}).message).toBe('Trang "S" ghi {count} Thuận lợi; Sổ tay chỉ nêu tối đa 3 (từ ô A5).');
  });
});

describe('checkAttendance without the counts it needs', () => {
  it('says nothing without households, attendees or the count compared', () => {
    const at = { sheet: 'Thôn A - I.3' };
    expect(checkAttendance({ ...at, households: 0, householdsPresent: 0 })).toEqual([]);
    expect(checkAttendance({ ...at, households: 100 })).toEqual([]);
    expect(checkAttendance({ ...at, attendees: 0, agree: 0, women: 0 })).toEqual([]);
    expect(checkAttendance({ ...at, attendees: 40 })).toEqual([]);
  });
  it('names where the counts come from after the percentage, and the file', () => {
    const [f] = checkAttendance({ sheet: 'Thôn A - I.3', file: 'thon-a.xlsx', cell: 'C9', households: 120, householdsPresent: 30, householdsBasis: ': 30 người dự họp ở Biểu I.3' });
    expect(f).toMatchObject({ code: 'MEETING_HOUSEHOLDS_LOW', file: 'thon-a.xlsx', cell: 'C9' });
    expect(f.message).toBe('Cuộc họp chỉ có 30/120 hộ tham dự (25%): 30 người dự họp ở Biểu I.3; danh mục ưu tiên chỉ có giá trị khi trên 50% số hộ tham gia — ô C9, trang "Thôn A - I.3".');
  });
});
