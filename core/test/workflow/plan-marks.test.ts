/**
 * The marks consolidation puts on a commune's plan, each function on its own with rows shaped like
 * what villages send: a village meeting that makes its list not valid (meetings.ts: the reason said
 * word for word, the rows marked and counted, the commune's confirmation), a sheet's label the
 * activities' words overrule and a merged row whose parts name different sectors (placement.ts),
 * and district money named in a plan from 2026 (district-money.ts).
 */
import type { Activity, FormReading } from '../../src/model/types';
import type { VillageSheets } from '../../src/reader/workbook';
import { MEETING_MARK_RE, markMeetings, meetingKey, meetingMark, villageMeetings } from '../../src/workflow/plan';
import { districtMoneyFindings, districtMoneyText } from '../../src/workflow/plan/district-money';
import { mergedSector, mergedSectorFinding, sheetLabelFindings } from '../../src/workflow/plan/placement';
import type { Origin, PlanActivity, VillageMeeting } from '../../src/workflow/types';

function planRow(activity: string, origins: readonly Origin[], o: Partial<PlanActivity> = {}): PlanActivity {
  return {
    key: `k:${activity}`,
    topic: 'csht',
    sector: 'Giao thông',
    group: 'outside-money',
    activity,
    total: 150000,
    contribution: 30000,
    support: 120000,
    budget: 0,
    proposed: 120000,
    origins,
    sources: [],
    flags: {},
    status: 'active',
    ...o,
  };
}

const village = (unit: string): Origin => ({ kind: 'village', unit });

describe('a village meeting that makes its list not valid (meetings.ts)', () => {
  it('the key of its line: the village without its "Thôn"/"Bản", folded', () => {
    expect(meetingKey('Thôn Nà Lìu')).toBe('hop:na liu');
    expect(meetingKey('Bản Nà Lìu')).toBe('hop:na liu');
    expect(meetingKey('Khe Mạ')).toBe('hop:khe ma');
  });

  it('the mark in Nội dung khác names the villages, and is found again to be taken off the commune\'s own text', () => {
    const mark = meetingMark(['Thôn Nà Lìu', 'Thôn Khe Mạ']);
    expect(mark).toBe('[Danh mục của Thôn Nà Lìu, Thôn Khe Mạ chưa hợp lệ (họp thôn) — xem Báo cáo tổng hợp]');
    const typed = `${meetingMark(['Thôn A'])} Dân tự làm ${mark}`;
    expect(typed.replace(MEETING_MARK_RE, '').trim()).toBe('Dân tự làm');
    // A bracket the commune typed itself is its own.
    expect('[Danh mục cũ] Dân tự làm'.replace(MEETING_MARK_RE, '')).toBe('[Danh mục cũ] Dân tự làm');
  });

  const households = (value: number, o: Partial<NonNullable<VillageSheets['households']>> = {}) => ({ value, sheet: 'Thôn Nà Lìu - I.1', cell: 'D12', ...o });

  it('40 of 100 households, 10 women: not valid, both reasons said word for word, where the minutes are', () => {
    const v: VillageSheets = {
      unit: 'Thôn Nà Lìu',
      households: households(100),
      meetings: [{ sheet: 'Thôn Nà Lìu - I.3', file: 'na-liu.xlsx', cell: 'C9', attendees: 40, women: 10 }],
      groups: [],
    };
    expect(villageMeetings([v])).toEqual([
      {
        key: 'hop:na liu',
        unit: 'Thôn Nà Lìu',
        valid: false,
        reason:
          'chỉ 40/100 hộ (40%) dự họp, Sổ tay cần trên 50% số hộ; phụ nữ chiếm 25% người dự họp, Sổ tay yêu cầu ít nhất 30% (không làm danh mục mất giá trị)',
        sheet: 'Thôn Nà Lìu - I.3',
        file: 'na-liu.xlsx',
        cell: 'C9',
        rows: 0,
        confirmed: false,
      },
    ]);
  });

  it('enough households but too few women: the list stays valid, the women said; thousands written the Vietnamese way', () => {
    const v: VillageSheets = { unit: 'Thôn Khe Mạ', households: households(1200), meetings: [{ sheet: 'Khe Mạ I.3', attendees: 700, women: 200 }], groups: [] };
    expect(villageMeetings([v])).toEqual([
      {
        key: 'hop:khe ma',
        unit: 'Thôn Khe Mạ',
        valid: true,
        reason: 'phụ nữ chiếm 28,6% người dự họp, Sổ tay yêu cầu ít nhất 30% (không làm danh mục mất giá trị)',
        sheet: 'Khe Mạ I.3',
        rows: 0,
        confirmed: false,
      },
    ]);
    const low: VillageSheets = { unit: 'Thôn Khe Mạ', households: households(1200), meetings: [{ sheet: 'Khe Mạ I.3', attendees: 500, women: 200 }], groups: [] };
    expect(villageMeetings([low])[0].reason).toBe('chỉ 500/1.200 hộ (41,7%) dự họp, Sổ tay cần trên 50% số hộ');
  });

  it('a meeting of more than half the households with 30% women, a village naming none, and a village without I.1 are left out', () => {
    const fine: VillageSheets = { unit: 'Thôn A', households: households(100), meetings: [{ sheet: 'Thôn A - I.3', attendees: 51, women: 16 }], groups: [] };
    const unnamed: VillageSheets = { households: households(100), meetings: [{ sheet: 'I.3', attendees: 10, women: 1 }], groups: [] };
    // Without I.1 the households cannot be judged; 40 people of whom 12 women is 30%.
    const noI1: VillageSheets = { unit: 'Thôn B', meetings: [{ sheet: 'Thôn B - I.3', attendees: 40, women: 12 }], groups: [] };
    expect(villageMeetings([fine, unnamed, noI1])).toEqual([]);
    // Without I.1, too few women is still said; the list stays valid.
    const noI1Women: VillageSheets = { unit: 'Thôn B', meetings: [{ sheet: 'Thôn B - I.3', attendees: 40, women: 8 }], groups: [] };
    expect(villageMeetings([noI1Women]).map((m) => [m.valid, m.reason])).toEqual([[true, 'phụ nữ chiếm 20% người dự họp, Sổ tay yêu cầu ít nhất 30% (không làm danh mục mất giá trị)']]);
    // Minutes with no count typed say nothing; women not counted leave only the households.
    const blank: VillageSheets = { unit: 'Thôn C', households: households(100), meetings: [{ sheet: 'Thôn C - I.3' }], groups: [] };
    expect(villageMeetings([blank])).toEqual([]);
    const noWomen: VillageSheets = { unit: 'Thôn C', households: households(100), meetings: [{ sheet: 'Thôn C - I.3', attendees: 30 }], groups: [] };
    expect(villageMeetings([noWomen]).map((m) => [m.valid, m.reason])).toEqual([[false, 'chỉ 30/100 hộ (30%) dự họp, Sổ tay cần trên 50% số hộ']]);
  });

  it('one line per village: the first of its meetings that says something', () => {
    const v: VillageSheets = {
      unit: 'Thôn Nà Lìu',
      households: households(100),
      meetings: [
        { sheet: 'Thôn Nà Lìu - I.3', attendees: 60, women: 20 },
        { sheet: 'Thôn Nà Lìu - I.3 (2)', attendees: 45, women: 20 },
        { sheet: 'Thôn Nà Lìu - I.3 (3)', attendees: 30, women: 10 },
      ],
      groups: [],
    };
    expect(villageMeetings([v]).map((m) => [m.sheet, m.reason])).toEqual([['Thôn Nà Lìu - I.3 (2)', 'chỉ 45/100 hộ (45%) dự họp, Sổ tay cần trên 50% số hộ']]);
  });

  const notValid = (unit: string, o: Partial<VillageMeeting> = {}): VillageMeeting => ({
    key: meetingKey(unit),
    unit,
    valid: false,
    reason: 'chỉ 40/100 hộ (40%) dự họp, Sổ tay cần trên 50% số hộ',
    sheet: `${unit} - I.3`,
    cell: 'C9',
    rows: 0,
    confirmed: false,
    ...o,
  });

  it("marks the active rows of a village whose list is not valid, counts each village's rows, one finding per village marked", () => {
    const rows = [
      planRow('Bê tông hóa đường nội thôn (Thôn Nà Lìu)', [village('Thôn Nà Lìu')]),
      // A merged row of two of the village's rows and one of Khe Mạ: the village named once in its mark, each part counted.
      planRow('Hỗ trợ phân bón NPK', [village('Thôn Nà Lìu'), village('Thôn Nà Lìu'), village('Thôn Khe Mạ'), { kind: 'department', unit: 'Hội Nông dân xã' }]),
      planRow('Làm cầu tràn qua suối (Thôn Khe Mạ)', [village('Thôn Khe Mạ')]),
      // A row kept from the previous run that no source proposes any more is not counted.
      planRow('Nạo vét kênh mương (Thôn Nà Lìu)', [village('Thôn Nà Lìu')], { status: 'vanished' }),
      // The village as another sheet names it, without "Thôn".
      planRow('Kéo điện sinh hoạt (Nà Lìu)', [village('Nà Lìu')]),
    ];
    const meetings = [notValid('Thôn Nà Lìu'), { ...notValid('Thôn Khe Mạ'), valid: true, reason: 'phụ nữ chiếm 25% người dự họp' }];
    const r = markMeetings(rows, meetings, new Set());
    expect(r.rows.map((x) => x.meetingNotValid)).toEqual([['Thôn Nà Lìu'], ['Thôn Nà Lìu'], undefined, undefined, ['Nà Lìu']]);
    // Unmarked rows are the rows given, untouched.
    expect(r.rows[2]).toBe(rows[2]);
    expect(r.rows[3]).toBe(rows[3]);
    expect(r.meetings.map((m) => [m.unit, m.rows, m.confirmed])).toEqual([
      ['Thôn Nà Lìu', 4, false],
      ['Thôn Khe Mạ', 2, false],
    ]);
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        'MEETING_ROWS_MARKED',
        'Thôn Nà Lìu - I.3',
        'C9',
        'Danh mục hoạt động của Thôn Nà Lìu chưa hợp lệ (chỉ 40/100 hộ (40%) dự họp, Sổ tay cần trên 50% số hộ): 4 dòng của thôn được đánh dấu trong II.4.B, II.6.A, II.6.B cho đến khi xã xác nhận ở trang "Báo cáo tổng hợp" — biên bản ô C9, trang "Thôn Nà Lìu - I.3".',
      ],
    ]);
  });

  it('a list the commune confirmed marks nothing; a village with no row in the plan raises nothing; the file is named', () => {
    const rows = [planRow('Bê tông hóa đường nội thôn (Thôn Nà Lìu)', [village('Thôn Nà Lìu')]), planRow('Kéo điện (Thôn Pắc Ngòi)', [village('Thôn Pắc Ngòi')])];
    const meetings = [notValid('Thôn Nà Lìu'), notValid('Thôn Khe Mạ'), notValid('Thôn Pắc Ngòi', { file: 'pac-ngoi.xlsx' })];
    const r = markMeetings(rows, meetings, new Set(['hop:na liu']));
    expect(r.rows.map((x) => x.meetingNotValid)).toEqual([undefined, ['Thôn Pắc Ngòi']]);
    expect(r.meetings.map((m) => [m.unit, m.rows, m.confirmed])).toEqual([
      ['Thôn Nà Lìu', 1, true],
      ['Thôn Khe Mạ', 0, false],
      ['Thôn Pắc Ngòi', 1, false],
    ]);
    expect(r.findings.map((f) => [f.params.unit, f.file, f.params.rows])).toEqual([['Thôn Pắc Ngòi', 'pac-ngoi.xlsx', 1]]);
    // Without a cell, the finding has none.
    const noCell = markMeetings(rows, [notValid('Thôn Pắc Ngòi', { cell: undefined })], new Set());
    expect(noCell.findings[0]).not.toHaveProperty('cell');
    expect(noCell.findings[0]).not.toHaveProperty('file');
    // The rows counted before are not carried over: each run counts afresh.
    expect(markMeetings(rows, [notValid('Thôn Nà Lìu', { rows: 7, confirmed: true })], new Set()).meetings.map((m) => [m.rows, m.confirmed])).toEqual([[1, false]]);
  });
});

function activity(name: string, row: number, o: Partial<Activity> = {}, file?: string): Activity {
  return { activity: name, source: { sheet: 'Thôn Nà Hin - I.2', row, cells: { activity: `B${row + 1}` }, ...(file ? { file } : {}) }, unreadable: false, ...o };
}

function reading(sheet: string, sector: string, activities: readonly Activity[], file?: string): FormReading {
  return { sheet, formId: 'I.2', confidence: 1, sector, unitName: 'Thôn Nà Hin', strengths: [], difficulties: [], activities, fixedValues: {}, findings: [], ...(file ? { file } : {}) };
}

describe("a sheet's label overruled by its activities' words (placement.ts)", () => {
  it("one finding per sheet: each row by its cell, its name and where it went; rows the commune placed are not listed", () => {
    const seeds = activity('Hỗ trợ giống ngô lai cho hộ nghèo', 9, {}, 'na-hin.xlsx');
    const insurance = activity('Hỗ trợ mua thẻ BHYT cho hộ cận nghèo', 10, {}, 'na-hin.xlsx');
    const road = activity('Bê tông hóa đường ngõ xóm', 8, {}, 'na-hin.xlsx');
    const hin = reading('Thôn Nà Hin - I.2', 'Cơ sở hạ tầng', [road, seeds, insurance], 'na-hin.xlsx');
    const candidates = [road, seeds, insurance].map((a) => ({ a, reading: hin }));
    const [f] = sheetLabelFindings(candidates, () => false);
    expect(f).toMatchObject({ code: 'SHEET_LABEL_OVERRULED', sheet: 'Thôn Nà Hin - I.2', cell: 'B10', file: 'na-hin.xlsx' });
    expect(f.params).toMatchObject({ label: 'Cơ sở hạ tầng', count: 2 });
    expect(f.params.rows).toBe('B10 "Hỗ trợ giống ngô lai cho hộ nghèo" → Kinh tế và tổ chức sản xuất, Trồng trọt; B11 "Hỗ trợ mua thẻ BHYT cho hộ cận nghèo" → Văn hóa - Xã hội - Môi trường, Y tế');
    expect(f.params.rowsEn).toBe(f.params.rows);
    // The commune placed the seeds itself (index 1): only the insurance is listed.
    const [g] = sheetLabelFindings(candidates, (i) => i === 1);
    expect(g.params).toMatchObject({ count: 1, rows: 'B11 "Hỗ trợ mua thẻ BHYT cho hộ cận nghèo" → Văn hóa - Xã hội - Môi trường, Y tế' });
    expect(sheetLabelFindings(candidates, (i) => i > 0)).toEqual([]);
    // A second sheet: a finding of its own, after the first.
    const cow = activity('Hỗ trợ bò sinh sản cho hộ nghèo', 12, { source: { sheet: 'Bản Co Muông - I.2', row: 12, cells: { activity: 'B13' } } });
    const co = reading('Bản Co Muông - I.2', 'Giao thông', [cow]);
    expect(sheetLabelFindings([...candidates, { a: cow, reading: co }], () => false).map((x) => [x.sheet, x.params.label, x.params.count, x.params.rows])).toEqual([
      ['Thôn Nà Hin - I.2', 'Cơ sở hạ tầng', 2, f.params.rows],
      ['Bản Co Muông - I.2', 'Giao thông', 1, 'B13 "Hỗ trợ bò sinh sản cho hộ nghèo" → Kinh tế và tổ chức sản xuất, Chăn nuôi'],
    ]);
  });

  it('a row without its cell is named by its row; a long name is shortened; the finding takes the first row\'s place', () => {
    const long = 'Hỗ trợ mua thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo và hộ nông nghiệp có mức sống trung bình';
    const a = activity(long, 14, { source: { sheet: 'Cơ sở hạ tầng', row: 14, cells: {} } });
    const [f] = sheetLabelFindings([{ a, reading: reading('Cơ sở hạ tầng', 'Cơ sở hạ tầng', [a]) }], () => false);
    expect(f.sheet).toBe('Cơ sở hạ tầng');
    expect(f).not.toHaveProperty('cell');
    expect(f).not.toHaveProperty('file');
    expect(f.params.rows).toBe(`hàng 15 "${long.slice(0, 49)}…" → Văn hóa - Xã hội - Môi trường, Y tế`);
  });

  it('thirty rows are listed by name, the rest counted', () => {
    const rows = Array.from({ length: 32 }, (_, i) => activity(`Hỗ trợ giống ngô lai đợt ${i + 1}`, 8 + i));
    const r = reading('Thôn Nà Hin - I.2', 'Cơ sở hạ tầng', rows);
    const [f] = sheetLabelFindings(
      rows.map((a) => ({ a, reading: r })),
      () => false,
    );
    expect(f.params.count).toBe(32);
    const listed = String(f.params.rows).split('; ');
    expect(listed).toHaveLength(30);
    expect(listed[29]).toBe('B38 "Hỗ trợ giống ngô lai đợt 30" → Kinh tế và tổ chức sản xuất, Trồng trọt và 2 hoạt động khác');
    expect(String(f.params.rowsEn).endsWith('Trồng trọt and 2 more')).toBe(true);
    // Exactly thirty: all listed, nothing counted.
    const thirty = sheetLabelFindings(
      rows.slice(0, 30).map((a) => ({ a, reading: r })),
      () => false,
    )[0];
    expect(String(thirty.params.rows).endsWith('đợt 30" → Kinh tế và tổ chức sản xuất, Trồng trọt')).toBe(true);
    expect(thirty.params.rowsEn).toBe(thirty.params.rows);
  });

  const part = (sector: string, file?: string): PlanActivity =>
    planRow('Hỗ trợ phân bón NPK', [village('Thôn A')], { sector, sources: [{ sheet: 'Thôn A - I.2', row: 8, cells: {}, ...(file ? { file } : {}) }] });

  it("a merged row's sector: the one its parts name; a broad group gives way to the sector it holds; parts naming none have no say", () => {
    expect(mergedSector([part('Trồng trọt'), part('trồng trọt'), part('')])).toBe('Trồng trọt');
    expect(mergedSector([part('Nông nghiệp'), part('Trồng trọt')])).toBe('Trồng trọt');
    expect(mergedSector([part('Trồng trọt'), part('Nông nghiệp')])).toBe('Trồng trọt');
    expect(mergedSector([part('Trồng trọt'), part('Chăn nuôi')])).toBe('');
    expect(mergedSector([part(''), part('')])).toBe('');
    // "Giáo dục" holds "Trường học", not "Trồng trọt".
    expect(mergedSector([part('Giáo dục'), part('Trồng trọt')])).toBe('');
  });

  it('parts naming different sectors: the commune is asked, naming them and the file', () => {
    const merged = planRow('Hỗ trợ phân bón NPK', [village('Thôn A'), village('Thôn B')]);
    expect(mergedSectorFinding([part('Trồng trọt'), part('Nông nghiệp')], merged)).toBeUndefined();
    const f = mergedSectorFinding([part('Trồng trọt', 'thon-a.xlsx'), part('Chăn nuôi'), part('Trồng trọt')], merged);
    expect(f).toMatchObject({ code: 'MERGED_SECTORS_DIFFER', sheet: 'II.4.B', file: 'thon-a.xlsx' });
    expect(f?.message).toBe(
      'Hoạt động gộp "Hỗ trợ phân bón NPK" gồm các dòng thuộc các ngành/lĩnh vực khác nhau (Trồng trọt, Chăn nuôi): chưa ghi Ngành/Lĩnh vực cho dòng gộp. Hãy ghi ngành/lĩnh vực đúng vào dòng này ở II.4.B, hoặc bỏ gộp nếu đây không phải cùng một hoạt động.',
    );
    const noFile = mergedSectorFinding([part('Trồng trọt'), part('Chăn nuôi')], merged);
    expect(noFile).not.toHaveProperty('file');
    // A first part with no source at all (a row the commune typed into II.4.B): still asked, at II.4.B.
    const typed = mergedSectorFinding([planRow('Hỗ trợ phân bón NPK', [], { sector: 'Trồng trọt' }), part('Chăn nuôi', 'thon-a.xlsx')], merged);
    expect(typed).toMatchObject({ code: 'MERGED_SECTORS_DIFFER', sheet: 'II.4.B' });
    expect(typed).not.toHaveProperty('file');
  });
});

describe('district money in a plan from 2026 (district-money.ts)', () => {
  it.each([
    ['Vốn lồng ghép của huyện', 'Vốn lồng ghép của huyện'],
    ['vốn huyện', 'vốn huyện'],
    ['Ngân sách cấp huyện', 'Ngân sách cấp huyện'],
    ['NS huyện', 'NS huyện'],
    ['Vốn sự nghiệp y tế của huyện', 'Vốn sự nghiệp y tế của huyện'],
    ['CT huyện', 'CT huyện'],
    ['Kinh phí huyện cấp', 'Kinh phí huyện cấp'],
    ['Đề nghị huyện hỗ trợ', 'Đề nghị huyện hỗ trợ'],
    ['HUYỆN ĐẦU TƯ', 'HUYỆN ĐẦU TƯ'],
    ['huyện cấp kinh phí', 'huyện cấp kinh phí'],
    // The line naming it, trimmed, out of a note of several lines.
    ['Dân góp công\n  Vốn huyện 50%  \r\nxã giám sát', 'Vốn huyện 50%'],
  ])('"%s" names district money: %s', (text, line) => {
    expect(districtMoneyText(text)).toBe(line);
  });

  it('typed with combining accents (NFD), still found', () => {
    expect(districtMoneyText('Vốn huyện'.normalize('NFD'))).toBe('Vốn huyện');
  });

  it.each(['Đường huyện lộ 12', 'Làm đường ra trung tâm huyện', 'Vốn tỉnh', 'Dân góp; huyện giám sát', ''])('"%s" names none', (text) => {
    expect(districtMoneyText(text)).toBeUndefined();
  });

  it('nothing typed names nothing', () => {
    expect(districtMoneyText(undefined)).toBeUndefined();
  });

  const row = (o: Partial<Activity>, cells: Record<string, string> = { activity: 'B9', fundSource: 'M9', note: 'P9' }, file?: string): { a: Activity; unit: string } => ({
    a: { activity: 'Bê tông hóa đường nội thôn', source: { sheet: 'Thôn Nà Lìu - I.2', row: 8, cells, ...(file ? { file } : {}) }, unreadable: false, ...o },
    unit: 'Thôn Nà Lìu',
  });

  it('2027: one warning per activity, at the cell that names it — Tên nguồn vốn first, then Ghi chú, then Cơ chế', () => {
    const rows = [
      row({ fundSource: 'Vốn lồng ghép của huyện', note: 'vốn huyện' }),
      row({ note: 'Đề nghị huyện hỗ trợ' }),
      row({ mechanism: 'Huyện đầu tư, dân góp công' }),
      row({ fundSource: 'Vốn tỉnh', note: 'Dân góp công' }),
    ];
    const found = districtMoneyFindings(rows, 2027, false);
    expect(found.map((f) => [f.cell, f.params.text])).toEqual([
      ['M9', 'Vốn lồng ghép của huyện'],
      ['P9', 'Đề nghị huyện hỗ trợ'],
      ['P9', 'Huyện đầu tư, dân góp công'],
    ]);
    expect(found[0].message).toBe(
      'Hoạt động "Bê tông hóa đường nội thôn" của Thôn Nà Lìu ghi nguồn vốn "Vốn lồng ghép của huyện": từ 1/7/2025 không còn cấp huyện nên kế hoạch năm 2027 không còn nguồn vốn này. Hãy hỏi lại xã (và Thôn Nà Lìu) nguồn vốn đó nay là gì (ngân sách tỉnh, ngân sách xã hay một chương trình cụ thể) rồi sửa Tên nguồn vốn.',
    );
    expect(found[0]).toMatchObject({ sheet: 'Thôn Nà Lìu - I.2', severity: 'warning' });
    expect(found[0]).not.toHaveProperty('file');
  });

  it('the cell falls back: the note cell for a source without its own, then the activity cell; none at all is left out; the file is named', () => {
    expect(districtMoneyFindings([row({ fundSource: 'vốn huyện' }, { activity: 'B9', note: 'P9' })], 2027, false)[0].cell).toBe('P9');
    expect(districtMoneyFindings([row({ note: 'vốn huyện' }, { activity: 'B9', fundSource: 'M9' })], 2027, false)[0].cell).toBe('B9');
    const bare = districtMoneyFindings([row({ note: 'vốn huyện' }, {}, 'na-liu.xlsx')], 2027, false)[0];
    expect(bare).not.toHaveProperty('cell');
    expect(bare.file).toBe('na-liu.xlsx');
  });

  it('an activity without a name is said as such', () => {
    expect(districtMoneyFindings([row({ activity: '', note: 'vốn huyện' })], 2026, false)[0].params.activity).toBe('(không tên)');
  });

  it('2026 is the first year without districts; 2025 and earlier have them; with no plan year the period decides', () => {
    const rows = [row({ fundSource: 'vốn huyện' })];
    expect(districtMoneyFindings(rows, 2026, false)).toHaveLength(1);
    expect(districtMoneyFindings(rows, 2025, true)).toEqual([]);
    expect(districtMoneyFindings(rows, 2018, true)).toEqual([]);
    const [f] = districtMoneyFindings(rows, undefined, true);
    expect(f.params.year).toBe('2026-2030');
    expect(f.message).toContain('kế hoạch năm 2026-2030 không còn nguồn vốn này');
    expect(districtMoneyFindings(rows, undefined, false)).toEqual([]);
  });
});
