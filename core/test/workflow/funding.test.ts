import fc from 'fast-check';
import type { ProgramEntry } from '../../src/reference';
import { PROGRAM_PERIODS, findProgram, findPrograms, getProgram, loadPrograms, programCatalogue, PROGRAM_TABLES, withCatalogue } from '../../src/reference';
import { defaultFundingGroup, defaultSplit, destination, fundingNeeds, isConstruction, isNamedFundSource, needLineOf, noteParts, programLineOf, splitPlan } from '../../src/workflow/plan';
import type { PlanActivity } from '../../src/workflow/types';

// ---------------------------------------------------------------------------------------------
// A small factory: a II.4.B row as the workflow builds it. Money in 1.000 đồng.

let seq = 0;
type Over = Partial<Omit<PlanActivity, 'activity'>> & { activity: string };
function act(o: Over): PlanActivity {
  const contribution = o.contribution ?? 0;
  const budget = o.budget ?? 0;
  const proposed = o.proposed ?? 0;
  const support = o.support ?? budget + proposed;
  return {
    key: `k${++seq}`,
    topic: 'csht',
    sector: 'Giao thông',
    group: support > 0 ? 'outside-money' : 'no-outside-money',
    total: contribution + support,
    contribution,
    support,
    budget,
    proposed,
    origins: [{ kind: 'village', unit: 'Thôn A' }],
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  };
}

const P16 = '2016-2020';
const id16 = (text: string): string | undefined => findProgram(text, P16)?.id;

// ---------------------------------------------------------------------------------------------

describe('reference data by program period', () => {
  it.each(PROGRAM_PERIODS)('%s loads: unique ids, parents that exist, projects under programs', (period) => {
    const c = programCatalogue(period);
    expect(new Set(c.programs.map((p) => p.id)).size).toBe(c.programs.length);
    for (const p of c.programs) {
      if (p.kind === 'ctmtqg-project') {
        expect(p.parent && c.byId.get(p.parent)).toBeTruthy();
        expect(p.path[p.path.length - 1]).toBe(p.id);
        expect(c.byId.get(p.path[0])?.kind).toBe('ctmtqg');
      } else {
        expect(p.parent).toBeUndefined();
      }
      expect(p.aliases).toContain(p.name);
    }
  });

  it.each(PROGRAM_PERIODS)('%s: every entry is found again from its own name and from what is written for it', (period) => {
    for (const p of programCatalogue(period).programs) {
      expect(findProgram(p.sourceName, period)?.id).toBe(p.id);
      expect(findProgram(p.name, period)?.id).toBe(p.id);
      for (const a of p.aliases) expect(findProgram(a, period)?.id).toBe(p.id);
    }
  });

  it('has the programs of each period', () => {
    const gnbv16 = programCatalogue(P16).programs.filter((p) => p.parent === 'gnbv').map((p) => p.name);
    expect(gnbv16).toEqual([
      'Chương trình 30a',
      'Chương trình 135',
      'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo trên địa bàn các xã ngoài Chương trình 30a và Chương trình 135',
      'Truyền thông và giảm nghèo về thông tin',
      'Nâng cao năng lực và giám sát, đánh giá thực hiện Chương trình',
    ]);
    expect(getProgram('ntm', P16)?.legalBasis).toMatch(/1600\/QĐ-TTg/);
    expect(getProgram('gnbv', P16)?.legalBasis).toMatch(/1722\/QĐ-TTg/);
    expect(getProgram('ntm', '2021-2025')?.legalBasis).toMatch(/263\/QĐ-TTg/);
    expect(getProgram('gnbv', '2021-2025')?.legalBasis).toMatch(/90\/QĐ-TTg/);
    expect(programCatalogue('2021-2025').programs.filter((p) => p.parent === 'gnbv')).toHaveLength(7);
    expect(getProgram('dtts', '2021-2025')?.legalBasis).toMatch(/1719\/QĐ-TTg/);
    expect(programCatalogue('2021-2025').programs.filter((p) => p.parent === 'dtts')).toHaveLength(10);
    expect(getProgram('ctmtqg', '2026-2030')?.legalBasis).toMatch(/257\/2025\/QH15/);
    expect(programCatalogue('2026-2030').programs.filter((p) => p.kind === 'ctmtqg')).toHaveLength(1);
    // No district since July 2025; Chương trình 167 belongs to the handbook's period.
    expect(getProgram('huyen', '2026-2030')).toBeUndefined();
    expect(getProgram('ct167', '2021-2025')).toBeUndefined();
  });

  it('maps sources to II.6.C lines and III.1 rows, projects inheriting from their program', () => {
    const p135 = getProgram('gnbv-135', P16);
    expect(p135?.ii6c).toBe('programme-gnbv');
    expect(p135?.iii1).toEqual(['gnbv']);
    expect(p135?.sourceName).toBe('CTMTQG Giảm nghèo bền vững - Chương trình 135');
    expect(getProgram('ntm', P16)?.ii6c).toBe('programme-ntm');
    expect(getProgram('ct167', P16)?.ii6c).toBe('programme-167');
    expect(getProgram('nuoc-sach', P16)?.ii6c).toBe('programme-rural-water');
    expect(getProgram('oda-ngo', P16)?.iii1).toEqual(['oda-ngo']);
    expect(getProgram('tinh', P16)?.iii1).toEqual(['tinh']);
    expect(getProgram('huyen', P16)?.iii1).toEqual(['huyen']);
    expect(getProgram('xa', P16)?.ii6c).toBeUndefined();
    expect(getProgram('xa', P16)?.iii1).toEqual(['chi-thuong-xuyen']);
  });

  it('rejects bad tables when loading', () => {
    const base: ProgramEntry = { id: 'a', name: 'Chương trình A', kind: 'ctmtqg' };
    expect(() => loadPrograms(P16, [base, { ...base, name: 'Khác' }])).toThrow(/duplicate id "a"/);
    expect(() => loadPrograms(P16, [base, { id: 'b', name: 'Dự án B', kind: 'ctmtqg-project', parent: 'zz' }])).toThrow(/parent "zz"/);
    expect(() => loadPrograms(P16, [base, { id: 'b', name: 'Dự án B', kind: 'ctmtqg-project' }])).toThrow(/no parent/);
    expect(() => loadPrograms(P16, [base, { id: 'b', name: 'Vốn B', kind: 'province', parent: 'a' }])).toThrow(/cannot have a parent/);
    expect(() => loadPrograms(P16, [base, { id: 'b', name: 'Chương trình B', kind: 'other', aliases: ['chuong trinh A'] }])).toThrow(/names both/);
    expect(() => loadPrograms(P16, [{ ...base, ii6c: 'programme-xyz' as never }])).toThrow(/II\.6\.C/);
    expect(() => loadPrograms(P16, [{ ...base, iii1: ['xyz' as never] }])).toThrow(/III\.1/);
    expect(() => loadPrograms(P16, [base, { id: 'b', name: 'B', kind: 'ctmtqg-project', parent: 'c' }, { id: 'c', name: 'C', kind: 'ctmtqg-project', parent: 'b' }])).toThrow(/cycle/);
    expect(loadPrograms(P16, PROGRAM_TABLES[P16]).programs.length).toBeGreaterThan(10);
  });
});

describe('findProgram', () => {
  it("reads the handbook's Bảng 2 notes (L3636-L3662)", () => {
    expect(id16('CT Nông thôn mới\nDân góp công và tự thi công, xã hỗ trợ kỹ thuật')).toBe('ntm');
    expect(id16('CT Giảm nghèo\nTrạm KN hỗ trợ g/viên')).toBe('gnbv');
    // A generic "Nhà nước" names no program.
    expect(id16('Nhà nước trợ giá 50% giá giống lúa mới')).toBeUndefined();
    expect(id16('Dân góp công, tự làm')).toBeUndefined();
    expect(id16('Không sử dụng kinh phí')).toBeUndefined();
  });

  it.each([
    ['CT 135', 'gnbv-135'],
    ['Chương trình 135', 'gnbv-135'],
    ['CT135', 'gnbv-135'],
    ['CT-135', 'gnbv-135'],
    ['135', 'gnbv-135'],
    ['Vốn 135 năm 2017', 'gnbv-135'],
    ['CHƯƠNG TRÌNH 135', 'gnbv-135'],
    ['30a', 'gnbv-30a'],
    ['NQ 30a', 'gnbv-30a'],
    ['NTM', 'ntm'],
    ['Nông thôn mới', 'ntm'],
    ['CT Nông thôn mới', 'ntm'],
    ['CTMTQG NTM', 'ntm'],
    ['Nông thôn mới'.normalize('NFD'), 'ntm'],
    ['nong thon moi', 'ntm'],
    ['Giảm nghèo', 'gnbv'],
    ['CT Giảm nghèo', 'gnbv'],
    ['GNBV', 'gnbv'],
    ['vốn tỉnh', 'tinh'],
    ['Chương trình đầu tư của tỉnh', 'tinh'],
    ['ngân sách huyện', 'huyen'],
    ['Ngân sách xã', 'xa'],
    ['ODA', 'oda-ngo'],
    ['NGO', 'oda-ngo'],
    ['Dự án ODA (JICA)', 'oda-ngo'],
    ['nước sạch', 'nuoc-sach'],
    ['Nước sạch VSMT nông thôn', 'nuoc-sach'],
    ['167', 'ct167'],
    ['Chương trình 167', 'ct167'],
    ['OCOP', 'ntm-ocop'],
  ])('"%s" → %s', (text, id) => {
    expect(id16(text)).toBe(id);
  });

  it('does not match inside numbers, quantities or other words', () => {
    expect(id16('Bê tông 1350 m đường trục thôn')).toBeUndefined();
    expect(id16('Làm 135 m rãnh thoát nước')).toBeUndefined();
    expect(id16('Hỗ trợ 167 hộ nghèo')).toBeUndefined();
    expect(id16('Mua 30 con lợn giống')).toBeUndefined();
    expect(id16('Tổng 2135 nghìn')).toBeUndefined();
    expect(id16('Ngân sách nhà nước')).toBeUndefined();
    expect(id16('Nhà nước hỗ trợ')).toBeUndefined();
    expect(id16('Đề nghị cấp trên hỗ trợ')).toBeUndefined();
    expect(id16('Vốn xã hội hóa')).toBe('xa-hoi-hoa');
    expect(id16('Vay Ngân hàng Chính sách xã hội')).toBe('nhcsxh');
    expect(id16('NTMX')).toBeUndefined();
    expect(id16('')).toBeUndefined();
    expect(id16(undefined as unknown as string)).toBeUndefined();
  });

  it('prefers a project over its program, and the longest name where names overlap', () => {
    expect(id16('CTMTQG GNBV - Chương trình 135')).toBe('gnbv-135');
    expect(id16('CT Giảm nghèo (135)')).toBe('gnbv-135');
    expect(id16('CT 135 hỗ trợ phát triển sản xuất')).toBe('gnbv-135-sinh-ke');
    expect(id16('Vốn 135 (CSHT)')).toBe('gnbv-135-csht');
    expect(id16('Vốn 135 - duy tu bảo dưỡng')).toBe('gnbv-135-csht');
    expect(id16('Dự án 3: xã ngoài 30a và 135')).toBe('gnbv-ngoai-30a-135');
    expect(id16('Giảm nghèo về thông tin')).toBe('gnbv-truyen-thong');
    expect(id16('NTM - OCOP')).toBe('ntm-ocop');
  });

  it('lists every source named, national programs first', () => {
    const all = findPrograms('Ngân sách xã và CT 135; ODA', P16).map((m) => m.program.id);
    expect(all).toEqual(['gnbv-135', 'oda-ngo', 'xa']);
    expect(id16('Ngân sách xã + NTM')).toBe('ntm');
  });

  it('knows the later periods', () => {
    expect(findProgram('CT 135', '2021-2025')?.id).toBe('dtts');
    expect(findProgram('QĐ 1719', '2021-2025')?.id).toBe('dtts');
    expect(findProgram('Chương trình 1719 - Dự án 4', '2021-2025')?.id).toBe('dtts');
    expect(findProgram('Hỗ trợ nhà ở cho hộ nghèo (GNBV)', '2021-2025')?.id).toBe('gnbv-da5');
    expect(findProgram('Dự án 5 GNBV', '2021-2025')?.id).toBe('gnbv-da5');
    expect(findProgram('30a', '2021-2025')?.id).toBe('gnbv-da1');
    expect(findProgram('167', '2021-2025')).toBeUndefined();
    expect(findProgram('vốn huyện', '2021-2025')?.id).toBe('huyen');
    for (const t of ['NTM', 'CT Giảm nghèo', 'CTMTQG', 'CTMTQG 1719', 'Nghị quyết 257']) expect(findProgram(t, '2026-2030')?.id).toBe('ctmtqg');
    expect(findProgram('vốn huyện', '2026-2030')).toBeUndefined();
    expect(findProgram('vốn tỉnh', '2026-2030')?.id).toBe('tinh');
  });
});

describe('noteParts', () => {
  // Found while reviewing issue 13's caches: the note's split is remembered, and must follow the
  // catalogue in force — a commune's own Danh mục (withCatalogue) can make a line name a fund.
  it('splits a note by the catalogue in force, also after the same note was split under another', async () => {
    const note = 'Quỹ Khuyến nông Tân Lập\nDân góp công';
    // Unknown to the national catalogue, the fund is neither a source nor a way of working: Nội dung khác keeps it.
    expect(noteParts(note, '2026-2030')).toEqual({ other: 'Quỹ Khuyến nông Tân Lập', how: 'Dân góp công', separators: ['line'] });
    const own = loadPrograms('2026-2030', [...PROGRAM_TABLES['2026-2030'], { id: 'quy-kn', name: 'Quỹ Khuyến nông Tân Lập', kind: 'commune' }]);
    expect(await withCatalogue(own, async () => noteParts(note, '2026-2030'))).toEqual({ source: 'Quỹ Khuyến nông Tân Lập', how: 'Dân góp công', separators: ['line'] });
    expect(noteParts(note, '2026-2030')).toEqual({ other: 'Quỹ Khuyến nông Tân Lập', how: 'Dân góp công', separators: ['line'] });
  });
});

describe('defaultSplit', () => {
  // Bảng 2's activities needing outside money (L3620-L3662), as consolidation calls it.
  it('puts support into Ngân sách when the note names a program, with the canonical name', () => {
    const dam = defaultSplit({ support: 13000, note: 'CT Nông thôn mới\nDân góp công và tự thi công, xã hỗ trợ kỹ thuật', fundSource: undefined, activity: 'Sửa chữa đập tạm tại Khu giữa' }, P16);
    expect(dam).toEqual({ budget: 13000, proposed: 0, fundSource: 'CTMTQG xây dựng Nông thôn mới', programId: 'ntm' });
    const course = defaultSplit({ support: 2000, note: 'CT Giảm nghèo\nTrạm KN hỗ trợ g/viên', activity: 'Mở lớp tập huấn kỹ thuật trồng lúa giống mới' }, P16);
    expect(course).toMatchObject({ budget: 2000, proposed: 0, programId: 'gnbv' });
  });

  it('leaves support in Đề xuất when no program is named', () => {
    const seed = defaultSplit({ support: 5000, note: 'Nhà nước trợ giá 50% giá giống lúa mới', activity: 'Hỗ trợ giống lúa mới' }, P16);
    expect(seed).toEqual({ budget: 0, proposed: 5000 });
    const dept = defaultSplit({ support: 4000, fundSource: 'Phòng NN huyện' }, P16);
    expect(dept).toEqual({ budget: 0, proposed: 4000, fundSource: 'Phòng NN huyện' });
  });

  it('reads Tên nguồn vốn before Ghi chú, and gives 0/0 to activities without outside money', () => {
    expect(defaultSplit({ support: 100, fundSource: 'CT135', note: 'NTM' }, P16)).toMatchObject({ budget: 100, programId: 'gnbv-135', fundSource: 'CTMTQG Giảm nghèo bền vững - Chương trình 135' });
    expect(defaultSplit(act({ activity: 'Nạo vét mương', contribution: 6000, note: 'CT NTM' }), P16)).toEqual({ budget: 0, proposed: 0 });
  });
});

describe('defaultFundingGroup', () => {
  it.each([
    'Bê tông hóa đường trục thôn',
    'Cứng hóa kênh mương nội đồng',
    'Xây dựng nhà văn hóa thôn',
    'Nhà văn hoá thôn Đông',
    'Sửa chữa đập tạm tại Khu giữa',
    'Làm cầu tràn qua suối',
    'Xây cống thoát nước',
    'Nâng cấp trạm y tế xã',
    'Sửa chữa lớn trường mầm non',
    'Làm đường vào khu sản xuất',
    'Công trình nước sinh hoạt tập trung',
    'Kè chống sạt lở bờ suối',
  ])('"%s" is investment', (activity) => {
    expect(isConstruction(activity)).toBe(true);
    expect(defaultFundingGroup({ activity })).toBe('investment-new');
  });

  it.each([
    'Mở lớp tập huấn kỹ thuật trồng lúa giống mới',
    'Hỗ trợ giống lúa mới có năng suất cao',
    'Khảo sát nhu cầu vay vốn của hộ nghèo',
    'Thành lập câu lạc bộ nông dân',
    'Xây dựng mô hình trồng nấm',
    'Xây dựng hương ước, quy ước thôn',
    'Duy tu bảo dưỡng đường giao thông nông thôn',
    'Nạo vét mương thủy lợi tại Khu giữa',
    'Cải tạo vườn tạp',
    'Tuyên truyền bảo vệ môi trường',
    'Tìm kênh tiêu thụ sản phẩm',
    'Hỗ trợ tiếp cận thị trường',
    'Tổ chức họp bàn về chế độ khai thác và chia sẻ nguồn nước giữa 2 xã',
  ])('"%s" is recurrent (Vốn sự nghiệp)', (activity) => {
    expect(defaultFundingGroup({ activity })).toBe('recurrent');
  });
});

describe('splitPlan (rule 5, L3722-L3728)', () => {
  const a1 = act({ activity: 'Nạo vét mương thủy lợi', contribution: 6000 });
  const b1 = act({ activity: 'Sửa chữa đập tạm', contribution: 2000, budget: 13000, fundSource: 'CT Nông thôn mới' });
  const b2 = act({ activity: 'Hỗ trợ giống lúa mới', contribution: 5000, proposed: 5000, note: 'Nhà nước trợ giá 50%' });
  const b3 = act({ activity: 'Mở lớp tập huấn', budget: 2000, fundSource: 'CT Giảm nghèo', fundingGroup: 'recurrent' });
  const b4 = act({ activity: 'Bê tông đường thôn', budget: 100000, proposed: 50000, fundSource: 'CT 135' });
  const b5 = act({ activity: 'Xây nhà văn hóa', budget: 300000 });
  const b6 = act({ activity: 'Hỗ trợ làm chuồng trại', budget: 20000, fundSource: 'Nhà nước' });
  const b7 = act({ activity: 'Sửa trường mầm non', budget: 80000, fundSource: 'Phòng GD huyện', fundingGroup: 'investment-ongoing' });
  const rows = [a1, b1, b2, b3, b4, b5, b6, b7];

  it('sends A and named B with Đề xuất = 0 to II.6.A, the rest to II.6.B, keeping order', () => {
    const { ii6a, ii6b } = splitPlan(rows);
    expect(ii6a.map((a) => a.key)).toEqual([a1, b1, b3, b7].map((a) => a.key));
    expect(ii6b.map((a) => a.key)).toEqual([b2, b4, b5, b6].map((a) => a.key));
  });

  it("gives II.6.A's outside-money rows a funding group: their own, else the default", () => {
    const { ii6a } = splitPlan(rows);
    const byKey = new Map(ii6a.map((a) => [a.key, a]));
    expect(byKey.get(a1.key)?.fundingGroup).toBeUndefined();
    expect(byKey.get(b1.key)?.fundingGroup).toBe('investment-new');
    expect(byKey.get(b3.key)?.fundingGroup).toBe('recurrent');
    expect(byKey.get(b7.key)?.fundingGroup).toBe('investment-ongoing');
  });

  it('treats placeholders as no source name', () => {
    for (const s of ['', ' ', '-', '…', 'Chưa rõ', 'chưa xác định nguồn', 'Nhà nước', 'NSNN', 'Ngân sách nhà nước']) expect(isNamedFundSource(s)).toBe(false);
    for (const s of ['CT 135', 'Phòng NN huyện', 'Doanh nghiệp Hoàng Long']) expect(isNamedFundSource(s)).toBe(true);
    expect(destination(act({ activity: 'x', budget: 10, fundSource: 'Chưa rõ' }))).toBe('ii6b');
  });
});

// ---------------------------------------------------------------------------------------------

const arbActivity = fc
  .record({
    outside: fc.boolean(),
    contribution: fc.integer({ min: 0, max: 500000 }),
    budget: fc.integer({ min: 0, max: 900000 }),
    proposed: fc.integer({ min: 0, max: 900000 }),
    fundSource: fc.constantFrom(undefined, '', 'CT 135', 'NTM', 'GNBV', 'Chương trình 167', 'nước sạch', 'ODA', 'vốn tỉnh', 'ngân sách huyện', 'Ngân sách xã', 'Phòng NN huyện', 'Nhà nước', 'QĐ 1719'),
    activity: fc.constantFrom('Bê tông đường thôn', 'Mở lớp tập huấn', 'Mua máy phát điện cho nhà văn hóa', 'Hỗ trợ giống lúa', 'Xây cống'),
    fundingGroup: fc.constantFrom(undefined, 'recurrent', 'investment-new', 'investment-completed'),
    village: fc.boolean(),
  })
  .map((r) =>
    act({
      activity: r.activity,
      group: r.outside ? 'outside-money' : 'no-outside-money',
      contribution: r.contribution,
      budget: r.outside ? r.budget : 0,
      proposed: r.outside ? r.proposed : 0,
      ...(r.fundSource !== undefined ? { fundSource: r.fundSource } : {}),
      ...(r.fundingGroup ? { fundingGroup: r.fundingGroup as PlanActivity['fundingGroup'] } : {}),
      origins: [r.village ? { kind: 'village', unit: 'Thôn B' } : { kind: 'department', unit: 'Hội Nông dân' }],
    }),
  );

describe('fundingNeeds (II.6.C, triệu đồng)', () => {
  it('sums a commune plan into the lines of II.6.C', () => {
    const plan = [
      act({ activity: 'Nạo vét mương thủy lợi', contribution: 6000 }), // V
      act({ activity: 'Sửa chữa đập tạm', contribution: 2000, budget: 13000, fundSource: 'CT Nông thôn mới' }), // III.2
      act({ activity: 'Mở lớp tập huấn', budget: 2000, fundSource: 'CT Giảm nghèo' }), // III.1
      act({ activity: 'Bê tông đường thôn', contribution: 50000, budget: 150000, fundSource: 'Chương trình 135' }), // III.1
      act({ activity: 'Hỗ trợ làm nhà', budget: 40000, fundSource: 'CT 167' }), // III.3
      act({ activity: 'Xây bể nước', budget: 10000, fundSource: 'Nước sạch VSMT' }), // III.4
      act({ activity: 'Tập huấn sinh kế', budget: 30000, fundSource: 'Dự án NGO' }), // III.5
      act({ activity: 'Đường liên thôn', budget: 500000, fundSource: 'vốn tỉnh' }), // III "…" tỉnh
      act({ activity: 'Văn nghệ mừng Đảng', budget: 3000, fundSource: 'Ngân sách xã' }), // I
      act({ activity: 'Xây tường rào trụ sở', budget: 90000, fundSource: 'Ngân sách xã' }), // II.1
      act({ activity: 'Mua máy vi tính', budget: 20000, fundSource: 'Ngân sách xã', fundingGroup: 'investment-new' }), // II.2
      act({ activity: 'Hỗ trợ giống lúa mới', contribution: 5000, proposed: 5000, note: 'Nhà nước trợ giá 50%' }), // IV
      act({ activity: 'Kênh mương nội đồng', contribution: 20000, budget: 100000, proposed: 80000, fundSource: 'NTM' }), // IV
    ];
    const n = fundingNeeds(plan, P16);
    const line = (k: string) => ({ total: n[k].total, contribution: n[k].contribution, budget: n[k].budget, proposed: n[k].proposed });
    expect(line('community-funded')).toEqual({ total: 6, contribution: 6, budget: 0, proposed: 0 });
    expect(line('programme-ntm')).toEqual({ total: 15, contribution: 2, budget: 13, proposed: 0 });
    expect(line('programme-gnbv')).toEqual({ total: 202, contribution: 50, budget: 152, proposed: 0 });
    expect(n['programme-gnbv'].count).toBe(2);
    expect(line('programme-167').budget).toBe(40);
    expect(line('programme-rural-water').budget).toBe(10);
    expect(line('programme-oda-ngo').budget).toBe(30);
    expect(n['programme-other:tinh']).toMatchObject({ label: 'Chương trình đầu tư của tỉnh', depth: 1, budget: 500, programId: 'tinh' });
    expect(line('programmes').budget).toBe(13 + 152 + 40 + 10 + 30 + 500);
    // I and II hold every II.6.A outside-money row by what its money is for, whichever program
    // pays (III is "trong đó"): I = tập huấn (GNBV), hỗ trợ làm nhà (167), tập huấn sinh kế (NGO),
    // văn nghệ (xã); II.1 = đập, bê tông, bể nước, đường liên thôn, tường rào; II.2 = máy vi tính.
    expect(line('recurrent')).toEqual({ total: 2 + 40 + 30 + 3, contribution: 0, budget: 2 + 40 + 30 + 3, proposed: 0 });
    expect(line('investment-construction')).toEqual({ total: 15 + 200 + 10 + 500 + 90, contribution: 2 + 50, budget: 13 + 150 + 10 + 500 + 90, proposed: 0 });
    expect(line('investment-other').budget).toBe(20);
    expect(line('investment').budget).toBe(13 + 150 + 10 + 500 + 90 + 20);
    expect(line('unknown-source')).toEqual({ total: 210, contribution: 25, budget: 100, proposed: 85 });
    expect(line('grand-total').total).toBe(6 + 15 + 2 + 200 + 40 + 10 + 30 + 500 + 3 + 90 + 20 + 10 + 200);
    expect(line('grand-total').total).toBeCloseTo(n.recurrent.total + n.investment.total + n['unknown-source'].total + n['community-funded'].total, 6);
    expect(n['grand-total'].count).toBe(plan.length);
    // In the form's order, the "…" program lines after Dự án ODA/NGO.
    expect(Object.keys(n)).toEqual([
      'recurrent',
      'investment',
      'investment-construction',
      'investment-other',
      'programmes',
      'programme-gnbv',
      'programme-ntm',
      'programme-167',
      'programme-rural-water',
      'programme-oda-ngo',
      'programme-other:tinh',
      'unknown-source',
      'community-funded',
      'grand-total',
    ]);
    expect(n['programme-gnbv']).toMatchObject({ code: '1', label: 'Chương trình mục tiêu quốc gia Giảm nghèo bền vững', depth: 1 });
  });

  it('puts 1719 on its own line of the 2021-2025 edition, district programs on lines of their own', () => {
    const n = fundingNeeds(
      [
        act({ activity: 'Hỗ trợ nước sinh hoạt phân tán', budget: 12000, fundSource: 'CT 1719 - Dự án 1' }),
        act({ activity: 'Đường nội đồng', budget: 8000, fundSource: 'CTMTQG DTTS' }),
        act({ activity: 'Sân thể thao', budget: 1500, fundSource: 'vốn huyện' }),
      ],
      '2021-2025',
    );
    expect(n['programme-dtts']).toMatchObject({ budget: 20, count: 2 });
    expect(n['programme-other:huyen']).toMatchObject({ budget: 1.5, count: 1 });
    expect(n.programmes.budget).toBe(21.5);
  });

  it('has only zero fixed lines for an empty plan', () => {
    const n = fundingNeeds([], P16);
    expect(Object.keys(n)).toHaveLength(13);
    expect(Object.values(n).every((l) => l.total === 0 && l.count === 0)).toBe(true);
  });

  it('counts every activity exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(arbActivity, { maxLength: 40 }), fc.constantFrom(...PROGRAM_PERIODS), (acts, period) => {
        const n = fundingNeeds(acts, period);
        const sum = (f: (a: PlanActivity) => number) => acts.reduce((s, a) => s + f(a), 0);
        expect(n['grand-total'].count).toBe(acts.length);
        expect(n['grand-total'].total * 1000).toBeCloseTo(sum((a) => a.total), 3);
        expect(n['grand-total'].contribution * 1000).toBeCloseTo(sum((a) => a.contribution), 3);
        expect(n['grand-total'].budget * 1000).toBeCloseTo(sum((a) => a.budget), 3);
        expect(n['grand-total'].proposed * 1000).toBeCloseTo(sum((a) => a.proposed), 3);
        // I, II.1, II.2, IV and V partition the activities; roll-ups add up; III is a part of I + II.
        const leaves = ['recurrent', 'investment-construction', 'investment-other', 'unknown-source', 'community-funded'];
        expect(leaves.reduce((s, k) => s + n[k].count, 0)).toBe(acts.length);
        for (const a of acts) expect(leaves).toContain(needLineOf(a));
        expect(n.investment.total).toBeCloseTo(n['investment-construction'].total + n['investment-other'].total, 6);
        const items = Object.keys(n).filter((k) => k.startsWith('programme-'));
        expect(n.programmes.total).toBeCloseTo(items.reduce((s, k) => s + n[k].total, 0), 6);
        expect(n.programmes.total).toBeLessThanOrEqual(n.recurrent.total + n.investment.total + 1e-6);
        for (const a of acts) {
          const p = programLineOf(a, period);
          if (p !== undefined) expect(['recurrent', 'investment-construction', 'investment-other']).toContain(needLineOf(a));
        }
        // II.6.B rows are exactly IV; A rows exactly V.
        const { ii6b } = splitPlan(acts);
        expect(n['unknown-source'].count).toBe(ii6b.length);
        expect(n['community-funded'].count).toBe(acts.filter((a) => a.group === 'no-outside-money').length);
      }),
    );
  });

  it('splitPlan partitions the activities in order (property)', () => {
    fc.assert(
      fc.property(fc.array(arbActivity, { maxLength: 30 }), (acts) => {
        const { ii6a, ii6b } = splitPlan(acts);
        expect(ii6a.length + ii6b.length).toBe(acts.length);
        const order = new Map(acts.map((a, i) => [a.key, i]));
        for (const part of [ii6a, ii6b]) for (let i = 1; i < part.length; i++) expect(order.get(part[i].key)!).toBeGreaterThan(order.get(part[i - 1].key)!);
        for (const a of ii6a) if (a.group === 'outside-money') expect(a.fundingGroup).toBeDefined();
      }),
    );
  });
});
