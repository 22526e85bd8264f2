/**
 * Rule 5's small decisions, each at its edge, on wordings communes type: what names a fund source
 * and what does not, the split of "Cần hỗ trợ" under a later period's program, the project state
 * of works read from the name or the notes, old tone placement ("hoá", "thuỷ"), the line of II.6.C
 * an activity is counted in, and a note cut at each separator.
 */
import { defaultFundingGroup, defaultSplit, destination, fundMatch, fundProgram, fundingNeeds, isConstruction, isNamedFundSource, needLineOf, noteParts, ownName, programLineOf } from '../../src/workflow/plan';
import type { PlanActivity } from '../../src/workflow/types';

function act(o: Partial<PlanActivity> & { activity: string }): PlanActivity {
  const budget = o.budget ?? 0;
  const proposed = o.proposed ?? 0;
  const contribution = o.contribution ?? 0;
  return {
    key: 'k1',
    topic: 'csht',
    sector: 'Giao thông',
    group: budget + proposed > 0 ? 'outside-money' : 'no-outside-money',
    total: contribution + budget + proposed,
    contribution,
    support: budget + proposed,
    budget,
    proposed,
    origins: [{ kind: 'village', unit: 'Thôn A' }],
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  };
}

describe('what names a fund source', () => {
  it.each(['Chưa biết', 'Không rõ', 'không rõ nguồn', 'chưa rõ ràng', 'Chưa có nguồn vốn', 'x', 'X', 'khác', 'Đề xuất', 'xin hỗ trợ', 'Vốn ngoài'])('"%s" names none', (s) => {
    expect(isNamedFundSource(s)).toBe(false);
  });
  it.each(['Quỹ khuyến học', 'Doanh nghiệp Chưa Rõ', 'Khác biệt xanh (doanh nghiệp)', 'Hội Chữ thập đỏ'])('"%s" names one', (s) => {
    expect(isNamedFundSource(s)).toBe(true);
  });
  it('nothing typed names nothing', () => {
    expect(isNamedFundSource(undefined)).toBe(false);
    expect(isNamedFundSource('')).toBe(false);
  });
});

describe('the default split of "Cần hỗ trợ"', () => {
  it('"CT 135" under 2026-2030: Ngân sách of the merged program, and the old name said', () => {
    const s = defaultSplit({ support: 100, fundSource: 'CT 135' }, '2026-2030');
    expect(s).toMatchObject({ budget: 100, proposed: 0, programId: 'ctmtqg', fundSource: 'CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi' });
    expect(s.legacy?.alias).toBe('CT 135');
    expect(s.legacy?.program.id).toBe('ctmtqg');
    // 135 ended in 2020: under 2021-2025 it is the 1719 program, said as an old name too; under its own period, no old name.
    expect(defaultSplit({ support: 100, fundSource: 'CT 135' }, '2021-2025').legacy?.program.id).toBe('dtts');
    expect(defaultSplit({ support: 100, fundSource: 'CT 135' }, '2016-2020').legacy).toBeUndefined();
  });

  it('no outside money: 0 / 0, the source as written kept; a blank source is not kept', () => {
    expect(defaultSplit({ support: 100, group: 'no-outside-money', fundSource: 'CT 135' }, '2026-2030')).toEqual({ budget: 0, proposed: 0, fundSource: 'CT 135' });
    expect(defaultSplit({ support: 100, group: 'no-outside-money', fundSource: '  ' }, '2026-2030')).toEqual({ budget: 0, proposed: 0 });
    expect(defaultSplit({ support: 100, fundSource: '  ' }, '2026-2030')).toEqual({ budget: 0, proposed: 100 });
  });
});

describe('where rule 5 sends a row', () => {
  it('Đề xuất of a rounding (below a millionth of 1.000 đồng) is none; a hundredth of a đồng is some', () => {
    expect(destination(act({ activity: 'Xây cống', budget: 100, proposed: 1e-7, fundSource: 'NTM' }))).toBe('ii6a');
    expect(destination(act({ activity: 'Xây cống', budget: 100, proposed: 1e-5, fundSource: 'NTM' }))).toBe('ii6b');
    expect(destination(act({ activity: 'Xây cống', budget: 100, proposed: -1e-5, fundSource: 'NTM' }))).toBe('ii6b');
  });
});

describe('the project state of works', () => {
  it.each<[string, Partial<PlanActivity>, string]>([
    ['Bê tông hóa đường trục thôn (chuyển tiếp)', {}, 'investment-ongoing'],
    ['Làm cầu đang thi công', {}, 'investment-ongoing'],
    ['Xây nhà văn hóa thôn, đã hoàn thành năm 2026 còn nợ', {}, 'investment-completed'],
    ['Xây cống, dự kiến hoàn thành năm 2027', {}, 'investment-finishing'],
    ['Xây cống', { note: 'Công trình chuyển tiếp' }, 'investment-ongoing'],
    ['Xây cống', { mechanism: 'Nhà thầu đang thi công' }, 'investment-ongoing'],
    ['Xây cống', { other: 'Chưa bố trí đủ vốn' }, 'investment-completed'],
    ['Xây cống', {}, 'investment-new'],
    ['Tập huấn kỹ thuật', { note: 'chuyển tiếp từ năm trước' }, 'recurrent'],
  ])('"%s" %j: %s', (activity, extra, group) => {
    expect(defaultFundingGroup({ activity, ...extra })).toBe(group);
  });

  it('works by their words, old tone placement included; not the words that only look like works', () => {
    for (const s of ['Làm nhà vệ sinh trường học', 'Khoan giếng nước sinh hoạt', 'Kênh mương thuỷ lợi', 'Nhà văn hoá thôn']) expect([s, isConstruction(s)]).toEqual([s, true]);
    for (const s of ['Sửa chữa nhỏ kênh mương', 'Giám sát công trình', 'Cầu lông cho thanh niên', 'Xây dựng kế hoạch', 'Xây dựng làng văn hoá', 'Xây dựng thôn văn hoá']) expect([s, isConstruction(s)]).toEqual([s, false]);
  });
});

describe('the line of II.6.C', () => {
  it('by what the money is for, read from the name as the unit wrote it', () => {
    // A village named "Cầu Đá": its seed grant is no bridge.
    const seed = act({ activity: 'Hỗ trợ giống (Cầu Đá)', budget: 100, fundSource: 'NTM', origins: [{ kind: 'village', unit: 'Cầu Đá' }] });
    expect(ownName(seed)).toBe('Hỗ trợ giống');
    expect(needLineOf(seed)).toBe('recurrent');
    // A department's row keeps its whole name; a village row without the suffix too.
    expect(ownName({ activity: 'Hỗ trợ giống (Cầu Đá)', origins: [{ kind: 'department', unit: 'Cầu Đá' }] })).toBe('Hỗ trợ giống (Cầu Đá)');
    expect(ownName({ activity: 'Hỗ trợ giống', origins: [{ kind: 'village', unit: 'Cầu Đá' }] })).toBe('Hỗ trợ giống');
    expect(ownName({ activity: 'Hỗ trợ giống' })).toBe('Hỗ trợ giống');
    expect(needLineOf(act({ activity: 'Mua máy bơm', budget: 100, fundSource: 'NTM', fundingGroup: 'investment-new' }))).toBe('investment-other');
    expect(needLineOf(act({ activity: 'Xây cống', budget: 100, fundSource: 'NTM' }))).toBe('investment-construction');
    expect(needLineOf(act({ activity: 'Xây cống', budget: 100, proposed: 1, fundSource: 'NTM' }))).toBe('unknown-source');
    expect(needLineOf(act({ activity: 'Xây cống', contribution: 100 }))).toBe('community-funded');
  });

  it('the program line of III: the program\'s, one of its own for a province, none for the commune\'s budget, II.6.B or no outside money', () => {
    const line = (o: Partial<PlanActivity>) => programLineOf(act({ activity: 'Xây cống', budget: 1, ...o }), '2021-2025');
    expect(line({ fundSource: 'CT 135' })).toBe('programme-dtts');
    expect(line({ fundSource: 'QĐ 1719' })).toBe('programme-dtts');
    expect(line({ fundSource: 'NTM' })).toBe('programme-ntm');
    expect(line({ fundSource: 'vốn tỉnh' })).toBe('programme-other:tinh');
    expect(line({ fundSource: 'Ngân sách xã' })).toBeUndefined();
    expect(line({ fundSource: 'NTM', proposed: 1 })).toBeUndefined();
    expect(programLineOf(act({ activity: 'Xây cống', contribution: 1, fundSource: 'NTM' }), '2021-2025')).toBeUndefined();
  });
});

describe('a note in its parts', () => {
  it.each<[string, object]>([
    ['- Dân góp công.', { how: 'Dân góp công' }],
    ['Vốn đối ứng của dân', { how: 'Vốn đối ứng của dân' }],
    ['Nguồn vốn sự nghiệp', { source: 'Nguồn vốn sự nghiệp' }],
    ['Vốn NTM hỗ trợ xi măng', { source: 'Vốn NTM hỗ trợ xi măng', sourceDetail: 'Vốn NTM hỗ trợ xi măng' }],
    ['Vốn CT NTM', { source: 'Vốn CT NTM' }],
    ['Dân góp công; Thôn tự thi công', { how: 'Dân góp công; Thôn tự thi công' }],
    ['Dân góp công - tự thi công', { how: 'Dân góp công - tự thi công' }],
    ['Dân góp công\nThôn tự thi công', { how: 'Dân góp công; Thôn tự thi công' }],
    ['Cấp bách. Dân góp công, CT 135', { source: 'CT 135', how: 'Dân góp công', other: 'Cấp bách', separators: ['period', 'comma'] }],
    ['Dân góp công\r\nCT 135', { source: 'CT 135', how: 'Dân góp công', separators: ['line'] }],
    ['Dân góp - CT 135', { source: 'CT 135', how: 'Dân góp', separators: ['dash'] }],
    ['Trồng rừng – dân tự làm', { how: 'dân tự làm', other: 'Trồng rừng', separators: ['dash'] }],
    ['Dân góp công; CT 135', { source: 'CT 135', how: 'Dân góp công', separators: ['semicolon'] }],
    ['   ', {}],
  ])('%j', (note, parts) => {
    expect(noteParts(note, '2021-2025')).toEqual(parts);
  });

  it('no note, no parts', () => {
    expect(noteParts(undefined, '2021-2025')).toEqual({});
    expect(noteParts('', '2021-2025')).toEqual({});
  });
});

describe('a note in its parts, as villages type it', () => {
  it.each<[string, object]>([
    // A bullet with spaces before it, or none after it.
    ['CT 135\n   • Dân góp công', { source: 'CT 135', how: 'Dân góp công', separators: ['line'] }],
    ['CT 135\n-Dân góp công', { source: 'CT 135', how: 'Dân góp công', separators: ['line'] }],
    // A full stop inside a number or at the end of one is the number's: only a final "." is dropped.
    ['CT 135\nDân góp 1.000 ngày công', { source: 'CT 135', how: 'Dân góp 1.000 ngày công', separators: ['line'] }],
    ['CT 135\nDân góp 2.5', { source: 'CT 135', how: 'Dân góp 2.5', separators: ['line'] }],
    // Two marks in a row ("…;" then a line break) cut once, named by the first; an empty piece is no part.
    ['CT 135;\nDân góp công', { source: 'CT 135', how: 'Dân góp công', separators: ['semicolon'] }],
    ['CT 135;;Dân góp công', { source: 'CT 135', how: 'Dân góp công', separators: ['semicolon'] }],
    // A program's own part follows its name after a dash, not after a comma, and never follows how the work is done.
    ['CT 135, Nội dung tập huấn', { source: 'CT 135', other: 'Nội dung tập huấn', separators: ['comma'] }],
    ['Dân góp công - Nội dung tập huấn', { how: 'Dân góp công', other: 'Nội dung tập huấn', separators: ['dash'] }],
    // Pieces of one kind apart are joined with "; ", each kind on its own.
    ['CT 135, dân góp công, vốn lồng ghép của huyện', { source: 'CT 135; vốn lồng ghép của huyện', how: 'dân góp công', separators: ['comma'] }],
    ['Cấp bách, dân góp công, trước mùa mưa', { how: 'dân góp công', other: 'Cấp bách; trước mùa mưa', separators: ['comma'] }],
  ])('%j', (note, parts) => {
    expect(noteParts(note, '2021-2025')).toEqual(parts);
  });
});

describe('what a row is, whatever its spacing', () => {
  it('a double space does not turn "xây dựng mô hình" into works', () => {
    expect(isConstruction('Xây dựng  mô hình trồng cam')).toBe(false);
    expect(isConstruction('Xây dựng mô hình trồng cam')).toBe(false);
    expect(isConstruction('Xây dựng  nhà văn hóa thôn')).toBe(true);
  });
});

describe('where rule 5 sends a row, at its edges', () => {
  it('no outside money goes to II.6.A whatever its Đề xuất and source', () => {
    expect(destination({ group: 'no-outside-money', proposed: 5000 })).toBe('ii6a');
  });

  it('Đề xuất of exactly a millionth of 1.000 đồng is still a rounding', () => {
    expect(destination(act({ activity: 'Xây cống', budget: 100, proposed: 1e-6, fundSource: 'NTM' }))).toBe('ii6a');
  });
});

describe("the program line of a source LKH does not know", () => {
  // A fund the commune named ("Quỹ Khuyến nông Tân Lập") is a named source (II.6.A) with no program line.
  const fund = act({ activity: 'Tập huấn khuyến nông', budget: 5000, fundSource: 'Quỹ Khuyến nông Tân Lập', note: 'CT 135' });

  it('has no line of III, and the note does not give it one', () => {
    expect(destination(fund)).toBe('ii6a');
    expect(programLineOf(fund, '2021-2025')).toBeUndefined();
    expect(fundProgram(fund, '2021-2025')).toBeUndefined();
    expect(fundMatch(fund, '2021-2025')).toBeUndefined();
    // Asked with the note, the note's program is found.
    expect(fundProgram(fund, '2021-2025', true)?.id).toBe('dtts');
    expect(fundMatch(fund, '2021-2025', true)?.program.id).toBe('dtts');
  });
});

describe('the other programs of II.6.C', () => {
  it('one line per program, in the order met, numbered on from Dự án ODA/NGO, each row counted once', () => {
    const n = fundingNeeds(
      [
        act({ activity: 'Đường liên thôn', budget: 500000, fundSource: 'vốn tỉnh' }),
        act({ activity: 'Sân thể thao', budget: 1500, fundSource: 'vốn huyện' }),
        act({ activity: 'Nhà văn hóa thôn', budget: 200000, fundSource: 'Vốn tỉnh' }),
      ],
      '2016-2020',
    );
    const lines = Object.values(n).filter((l) => l.key.startsWith('programme-other:') || l.key === 'programme-oda-ngo');
    expect(lines.map((l) => [l.key, l.code, l.count, l.budget])).toEqual([
      ['programme-oda-ngo', '5', 0, 0],
      ['programme-other:tinh', '6', 2, 700],
      ['programme-other:huyen', '7', 1, 1.5],
    ]);
  });
});
