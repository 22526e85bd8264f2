/**
 * The ranking's rules on their own (workflow/ranking/core.ts): marks per person, criteria, which plan
 * rows are ranked, and why a list is not valid yet when a count is missing — each reason as the
 * tally sheet and the pane say it.
 */
import type { ValidityInput } from '../../src/workflow/ranking';
import { DEFAULT_CRITERIA, criteriaOf, markLimit, marksPerPerson, rankItemsFromPlan, rankingValidity } from '../../src/workflow/ranking';
import type { PlanActivity } from '../../src/workflow/types';

describe('marks per person (about 30%, at least 1, at most all)', () => {
  it.each<[number, number]>([
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [1, 1],
    [2, 1],
    [3, 1],
    [5, 2],
    [10, 3],
    [15, 5],
    [15.9, 5],
  ])('%d activities → %d', (n, marks) => {
    expect(marksPerPerson(n)).toBe(marks);
  });

  it('a limit set for the meeting wins when it is positive (whole marks)', () => {
    expect(markLimit({ kind: 'marks', perPerson: 2 }, 15)).toBe(2);
    expect(markLimit({ kind: 'marks', perPerson: 2.7 }, 15)).toBe(2);
    expect(markLimit({ kind: 'marks', perPerson: 0 }, 15)).toBe(5);
    expect(markLimit({ kind: 'marks', perPerson: -1 }, 15)).toBe(5);
    expect(markLimit({ kind: 'marks' }, 15)).toBe(5);
  });

  it("the handbook's four criteria unless the meeting names its own", () => {
    expect(criteriaOf({ kind: 'scores' })).toEqual(DEFAULT_CRITERIA);
    expect(criteriaOf({ kind: 'scores', criteria: [] })).toEqual(DEFAULT_CRITERIA);
    expect(criteriaOf({ kind: 'scores', criteria: ['Tính phù hợp'] })).toEqual(['Tính phù hợp']);
  });
});

describe('rankItemsFromPlan', () => {
  const row = (o: Partial<PlanActivity> & { activity: string; key: string }): PlanActivity => ({
    topic: 'csht',
    sector: 'Giao thông',
    group: 'outside-money',
    total: 100,
    contribution: 0,
    support: 100,
    budget: 0,
    proposed: 100,
    origins: [],
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  });
  it('ranks only what needs outside money, with what the ballot shows of each', () => {
    const items = rankItemsFromPlan([
      row({ key: 'a', activity: 'Bê tông hóa đường', unit: 'm', quantity: 300, place: 'Thôn A', flags: { women: true } }),
      row({ key: 'b', activity: 'Họp bàn', group: 'no-outside-money', total: 0, support: 0, proposed: 0 }),
      row({ key: 'c', activity: 'Tập huấn', quantityText: '2 lớp' }),
      row({ key: 'd', activity: 'Sửa cống' }),
    ]);
    expect(items).toEqual([
      { key: 'a', activity: 'Bê tông hóa đường', unit: 'm', quantity: 300, place: 'Thôn A', total: 100, flags: { women: true } },
      { key: 'c', activity: 'Tập huấn', quantity: '2 lớp', total: 100, flags: {} },
      { key: 'd', activity: 'Sửa cống', total: 100, flags: {} },
    ]);
  });
});

describe('rankingValidity: what is missing is said', () => {
  const base = { unit: 'Thôn Nà Lìu', sheet: 'Phiếu', cell: 'F20' } as const;
  const reason = (input: Omit<ValidityInput, 'unit' | 'sheet'>) => {
    const v = rankingValidity({ ...base, ...input });
    const f = v.findings.find((x) => x.code === 'RANKING_NOT_VALID');
    return [v.valid, f ? String(f.params.reason) : null];
  };
  it.each<[string, Omit<ValidityInput, 'unit' | 'sheet'>, boolean, string | null]>([
    ['a valid village meeting', { households: 60, householdsPresent: 40, attendees: 40, agree: 30 }, true, null],
    ['households present = attendees when not typed', { households: 60, attendees: 40, agree: 30 }, true, null],
    ['no households', { attendees: 40, agree: 30 }, false, 'chưa có tổng số hộ của thôn'],
    ['households 0', { households: 0, attendees: 40, agree: 30 }, false, 'chưa có tổng số hộ của thôn'],
    ['households not a number', { households: Number.NaN, attendees: 40, agree: 30 }, false, 'chưa có tổng số hộ của thôn'],
    ['nobody counted', { households: 60, agree: 30 }, false, 'chưa ghi số hộ tham dự; chưa ghi số người dự họp'],
    ['attendees 0', { households: 60, householdsPresent: 40, attendees: 0, agree: 0 }, false, 'chưa ghi số người dự họp'],
    ['no agreement', { households: 60, householdsPresent: 40, attendees: 40 }, false, 'chưa ghi số người đồng ý'],
    ['the conference: no delegates', { kind: 'commune-conference', agree: 10 }, false, 'chưa ghi số đại biểu dự hội nghị'],
    ['the conference: households do not apply', { kind: 'commune-conference', households: 100, householdsPresent: 1, attendees: 40, agree: 21 }, true, null],
    ['in writing: no households', { kind: 'village-written', agree: 30 }, false, 'chưa có tổng số hộ của thôn'],
    ['in writing: households 0', { kind: 'village-written', households: 0, agree: 0 }, false, 'chưa có tổng số hộ của thôn'],
    ['in writing: no answer counted', { kind: 'village-written', households: 60 }, false, 'chưa ghi số hộ đồng ý bằng phiếu'],
    ['in writing: more than half', { kind: 'village-written', households: 60, agree: 31, attendees: 0 }, true, null],
  ])('%s', (_what, input, valid, why) => {
    expect(reason(input)).toEqual([valid, why]);
  });

  it('the finding names the unit, the reasons and where, with the file when there is one', () => {
    const v = rankingValidity({ ...base, file: 'thon-na-liu.xlsx', households: 60 });
    expect(v.findings.find((x) => x.code === 'RANKING_NOT_VALID')).toMatchObject({
      file: 'thon-na-liu.xlsx',
      sheet: 'Phiếu',
      cell: 'F20',
      message: 'Kết quả xếp ưu tiên của Thôn Nà Lìu chưa có giá trị: chưa ghi số hộ tham dự; chưa ghi số người dự họp; chưa ghi số người đồng ý.',
    });
  });
});
