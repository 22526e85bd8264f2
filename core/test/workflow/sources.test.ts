/**
 * Which sources a consolidation takes (selectSources): the messages the accountant reads when a
 * copy is left out, when two versions of one village's sheet are held back, when one version is
 * chosen or both are kept as different villages; where each candidate came from (the file a tab
 * was imported from, its dates); what makes two sheets the same content and what does not.
 */
import type { Activity, FormReading } from '../../src/model/types';
import { SHEET_ORIGINS_KEY, SourceConflictError, contentHash, describeSource, readSheetOrigins, selectSources } from '../../src/workflow/plan';

const row = (activity: string, total: number, r: number, extra: Partial<Activity> = {}): Activity => ({
  activity,
  total,
  contribution: total / 5,
  support: (total * 4) / 5,
  unit: 'm',
  quantity: 100,
  source: { sheet: 'I.2', row: r, cells: { activity: `B${r + 1}` } },
  unreadable: false,
  ...extra,
});

function reading(o: Partial<FormReading> & { sheet: string }): FormReading {
  return {
    formId: 'I.2',
    confidence: 1,
    planYear: 2027,
    unitName: 'Thôn Nà Lìu',
    sector: 'Giao thông',
    strengths: [],
    difficulties: [],
    activities: [row('Bê tông hóa đường nội thôn', 500000, 10), row('Nạo vét kênh mương', 25000, 11)],
    fixedValues: {},
    findings: [],
    ...o,
  };
}

describe('describing a source', () => {
  it('a file and its sheet, or a tab of the workbook', () => {
    expect(describeSource({ file: 'thon-na-liu.xlsx', sheet: 'I.2' })).toBe('tệp "thon-na-liu.xlsx", trang "I.2"');
    expect(describeSource({ sheet: 'Thôn Nà Lìu - I.2' })).toBe('trang "Thôn Nà Lìu - I.2"');
  });
});

describe('the tabs\' origins kept in the state', () => {
  it('keeps well-formed entries with their ISO dates, drops the rest', () => {
    const extra = {
      [SHEET_ORIGINS_KEY]: {
        'Thôn A - I.2': { file: 'thon-a.xlsx', modified: '2026-11-02T08:15:00Z', imported: '2026-11-03' },
        'Thôn B - I.2': { file: 'thon-b.xlsx', modified: 'hôm qua', imported: 20261103 },
        'Thôn C - I.2': { file: '' },
        'Thôn D - I.2': { modified: '2026-11-02' },
        'Thôn E - I.2': 'thon-e.xlsx',
        'Thôn F - I.2': null,
      },
    };
    expect(readSheetOrigins(extra)).toEqual({
      'Thôn A - I.2': { file: 'thon-a.xlsx', modified: '2026-11-02T08:15:00Z', imported: '2026-11-03' },
      'Thôn B - I.2': { file: 'thon-b.xlsx' },
    });
  });

  it('nothing kept, or something else under the key: no origins', () => {
    expect(readSheetOrigins(undefined)).toEqual({});
    expect(readSheetOrigins({})).toEqual({});
    expect(readSheetOrigins({ [SHEET_ORIGINS_KEY]: null })).toEqual({});
    expect(readSheetOrigins({ [SHEET_ORIGINS_KEY]: [{ file: 'a.xlsx' }] })).toEqual({});
    expect(readSheetOrigins({ [SHEET_ORIGINS_KEY]: 'a.xlsx' })).toEqual({});
  });
});

describe('the same content', () => {
  const base = reading({ file: 'thon-na-liu.xlsx', sheet: 'I.2' });

  it('whatever the file, the sheet, the rows\' places, the case and accents of unit and sector', () => {
    const moved = reading({
      file: 'thon-na-liu (1).xlsx',
      sheet: 'Sheet1',
      unitName: 'THÔN NÀ LÌU',
      sector: 'giao thong',
      activities: base.activities.map((a) => ({ ...a, source: { sheet: 'Sheet1', row: a.source.row + 5, cells: {} } })),
    });
    expect(contentHash(moved)).toBe(contentHash(base));
  });

  it.each<[string, Partial<FormReading>]>([
    ['another form', { formId: 'II.3' }],
    ['another plan year', { planYear: 2026 }],
    ['a strength more', { strengths: [{ text: 'Đường đã có nền', source: { sheet: 'I.2', row: 3, cells: {} } }] }],
    ['a difficulty', { difficulties: [{ difficulty: 'Đường lầy lội', causes: ['Chưa bê tông'], solutions: ['Bê tông hóa'], source: { sheet: 'I.2', row: 4, cells: {} } }] }],
    ['another cause of the same difficulty', { difficulties: [{ difficulty: 'Đường lầy lội', causes: ['Mưa nhiều'], solutions: ['Bê tông hóa'], source: { sheet: 'I.2', row: 4, cells: {} } }] }],
    ['an amount', { activities: [row('Bê tông hóa đường nội thôn', 500001, 10), row('Nạo vét kênh mương', 25000, 11)] }],
    ['a note', { activities: [row('Bê tông hóa đường nội thôn', 500000, 10, { note: 'CT Nông thôn mới' }), row('Nạo vét kênh mương', 25000, 11)] }],
    ['the rows in another order', { activities: [row('Nạo vét kênh mương', 25000, 10), row('Bê tông hóa đường nội thôn', 500000, 11)] }],
    ['a III.1 amount', { fixedValues: { tinh: { amount: 400 } } }],
    ['the meeting\'s attendance', { meeting: { attendees: 40, women: 12 } }],
  ])('differs with %s', (_what, change) => {
    expect(contentHash({ ...base, ...change })).not.toBe(contentHash(base));
  });
});

describe('selecting the sources', () => {
  const v1 = reading({ file: 'thon-na-liu.xlsx', sheet: 'I.2' });
  const v2 = reading({ file: 'thon-na-liu-v2.xlsx', sheet: 'I.2', activities: [row('Bê tông hóa đường nội thôn', 450000, 10)] });
  const id = 'I.2|thon na liu|giao thong';

  it('a copy is read once and the message says which copy was left out, of how many activities', () => {
    const copy = { ...v1, file: 'thon-na-liu (1).xlsx' };
    const s = selectSources([v1, copy]);
    expect(s.readings).toEqual([v1]);
    expect(s.findings.map((f) => [f.code, f.file, f.sheet, f.message])).toEqual([
      [
        'SOURCE_DUPLICATE',
        'thon-na-liu (1).xlsx',
        'I.2',
        'tệp "thon-na-liu (1).xlsx", trang "I.2" có nội dung giống hệt tệp "thon-na-liu.xlsx", trang "I.2": chỉ đọc một lần (2 hoạt động không tính hai lần).',
      ],
    ]);
    // A tab of the workbook copied: no file named.
    const tabs = selectSources([{ ...v1, file: undefined }, { ...v1, file: undefined, sheet: 'Thôn Nà Lìu (2)' }]);
    expect(tabs.findings[0].file).toBeUndefined();
    expect(tabs.findings[0].message).toMatch(/^trang "Thôn Nà Lìu \(2\)" có nội dung giống hệt trang "I\.2"/u);
  });

  it('two versions: held back with every candidate, the message naming both files and the sector', () => {
    const s = selectSources([v1, v2]);
    expect(s.readings).toEqual([]);
    expect(s.conflicts).toEqual([
      {
        id,
        formId: 'I.2',
        unitName: 'Thôn Nà Lìu',
        sector: 'Giao thông',
        candidates: [
          { key: 'thon-na-liu.xlsx|I.2', file: 'thon-na-liu.xlsx', sheet: 'I.2', activities: 2, amount: 525000 },
          { key: 'thon-na-liu-v2.xlsx|I.2', file: 'thon-na-liu-v2.xlsx', sheet: 'I.2', activities: 1, amount: 450000 },
        ],
      },
    ]);
    expect(s.findings.map((f) => [f.code, f.severity, f.file, f.message])).toEqual([
      [
        'SOURCE_CONFLICT',
        'error',
        'thon-na-liu.xlsx',
        'Có hai bản khác nhau của biểu I.2 của Thôn Nà Lìu (lĩnh vực Giao thông): tệp "thon-na-liu.xlsx", trang "I.2"; tệp "thon-na-liu-v2.xlsx", trang "I.2". Chưa ghi gì: hãy chọn giữ bản nào (hoặc xác nhận đây là các đơn vị khác nhau trùng tên), rồi tổng hợp lại.',
      ],
    ]);
    // The error thrown before writing carries that message.
    const e = new SourceConflictError(s.conflicts, s.findings);
    expect(e.name).toBe('SourceConflictError');
    expect(e.message).toBe(s.findings[0].message);
    expect(e.conflicts).toBe(s.conflicts);
    // Without its finding, a general sentence still asks to choose.
    expect(new SourceConflictError(s.conflicts, []).message).toBe('Có các bản khác nhau của cùng một biểu: hãy chọn bản giữ lại.');
  });

  it('tabs imported from files: each candidate names its file and dates from the state; a department\'s II.3 without sector says none', () => {
    const t1 = reading({ sheet: 'Hội ND - II.3', formId: 'II.3', unitName: 'Hội Nông dân', sector: undefined });
    const t2 = reading({ sheet: 'Hội ND - II.3 (2)', formId: 'II.3', unitName: 'Hội Nông dân', sector: undefined, activities: [row('Tập huấn', 9000, 10)], fileModified: '2026-11-04' });
    const s = selectSources([t1, t2], {}, {
      'Hội ND - II.3': { file: 'hoi-nd.xlsx', modified: '2026-11-01', imported: '2026-11-02T09:00:00Z' },
      'Hội ND - II.3 (2)': { file: 'hoi-nd-sua.xlsx', imported: '2026-11-05' },
    });
    expect(s.conflicts[0].id).toBe('II.3|hoi nong dan|');
    expect(s.conflicts[0].sector).toBeUndefined();
    expect(s.conflicts[0].candidates).toEqual([
      { key: '|Hội ND - II.3', file: 'hoi-nd.xlsx', modified: '2026-11-01', imported: '2026-11-02T09:00:00Z', sheet: 'Hội ND - II.3', activities: 2, amount: 525000 },
      { key: '|Hội ND - II.3 (2)', file: 'hoi-nd-sua.xlsx', modified: '2026-11-04', imported: '2026-11-05', sheet: 'Hội ND - II.3 (2)', activities: 1, amount: 9000 },
    ]);
    expect(s.findings[0].message).toContain('Có hai bản khác nhau của biểu II.3 của Hội Nông dân: trang "Hội ND - II.3"; trang "Hội ND - II.3 (2)".');
    // Without a record of the tabs: no file, no dates.
    expect(selectSources([t1, { ...t2, fileModified: undefined }]).conflicts[0].candidates.map((c) => Object.keys(c).sort())).toEqual([
      ['activities', 'amount', 'key', 'sheet'],
      ['activities', 'amount', 'key', 'sheet'],
    ]);
  });

  it('one version chosen: the other left out, said by name', () => {
    const s = selectSources([v1, v2], { [id]: 'thon-na-liu-v2.xlsx|I.2' });
    expect(s.readings).toEqual([v2]);
    expect(s.conflicts).toEqual([]);
    expect(s.findings.map((f) => [f.code, f.file, f.message])).toEqual([
      ['SOURCE_VERSION_LEFT_OUT', 'thon-na-liu.xlsx', 'Không tính tệp "thon-na-liu.xlsx", trang "I.2": đã chọn giữ tệp "thon-na-liu-v2.xlsx", trang "I.2" cho biểu I.2 của Thôn Nà Lìu.'],
    ]);
  });

  it('a choice naming no candidate answers nothing: the conflict stays', () => {
    const s = selectSources([v1, v2], { [id]: 'thon-na-liu-v3.xlsx|I.2' });
    expect(s.conflicts.map((c) => c.id)).toEqual([id]);
    expect(s.readings).toEqual([]);
  });

  it('both kept as different villages sharing a name: each named by its file, the message listing them', () => {
    const s = selectSources([v1, { ...v2, unitName: ' Thôn Nà Lìu ' }], { [id]: 'all' });
    expect(s.readings.map((r) => r.unitName)).toEqual(['Thôn Nà Lìu (thon-na-liu)', 'Thôn Nà Lìu (thon-na-liu-v2)']);
    expect(s.findings.map((f) => [f.code, f.file, f.message])).toEqual([
      [
        'SOURCE_SAME_UNIT_KEPT',
        'thon-na-liu.xlsx',
        'Đã tính cả hai (hoặc nhiều) biểu I.2 cùng tên đơn vị "Thôn Nà Lìu" theo lựa chọn: tệp "thon-na-liu.xlsx", trang "I.2"; tệp "thon-na-liu-v2.xlsx", trang "I.2". Hãy chắc đây là các đơn vị khác nhau.',
      ],
    ]);
    // Tabs of the workbook are named by their sheet.
    const tabs = selectSources([{ ...v1, file: undefined, sheet: 'Thôn Nà Lìu - I.2' }, { ...v2, file: undefined, sheet: 'Thôn Nà Lìu (xã cũ) - I.2' }], { [id]: 'all' });
    expect(tabs.readings.map((r) => r.unitName)).toEqual(['Thôn Nà Lìu (Thôn Nà Lìu - I.2)', 'Thôn Nà Lìu (Thôn Nà Lìu (xã cũ) - I.2)']);
    expect(tabs.findings[0].file).toBeUndefined();
  });

  it('only a village\'s I.2 and a department\'s II.3 can conflict; other forms and sheets without a unit pass through', () => {
    const i3a = reading({ file: 'a.xlsx', sheet: 'I.3', formId: 'I.3', meeting: { attendees: 40 } });
    const i3b = reading({ file: 'b.xlsx', sheet: 'I.3', formId: 'I.3', meeting: { attendees: 41 } });
    const noUnit1 = reading({ file: 'c.xlsx', sheet: 'I.2', unitName: '' });
    const noUnit2 = reading({ file: 'd.xlsx', sheet: 'I.2', unitName: undefined, activities: [row('Tập huấn', 9000, 10)] });
    const s = selectSources([i3a, i3b, noUnit1, noUnit2]);
    expect(s.conflicts).toEqual([]);
    expect(s.findings).toEqual([]);
    expect(s.readings).toEqual([i3a, i3b, noUnit1, noUnit2]);
  });

  it('the same village in two sectors, or two villages, is no conflict; three versions are one conflict of three', () => {
    const agri = reading({ file: 'thon-na-liu.xlsx', sheet: 'I.2 NN', sector: 'Nông nghiệp' });
    const other = reading({ file: 'thon-pac-ta.xlsx', sheet: 'I.2', unitName: 'Thôn Pắc Tà' });
    expect(selectSources([v1, agri, other]).readings).toEqual([v1, agri, other]);
    const v3 = reading({ file: 'thon-na-liu-v3.xlsx', sheet: 'I.2', activities: [row('Nạo vét kênh mương', 25000, 10)] });
    const s = selectSources([v1, v2, v3, other]);
    expect(s.conflicts.map((c) => c.candidates.length)).toEqual([3]);
    expect(s.readings).toEqual([other]);
    expect(s.findings[0].message).toContain('; tệp "thon-na-liu-v3.xlsx", trang "I.2". Chưa ghi gì');
  });
});

describe('what the conflict error says', () => {
  it('only the conflicts, not the copies left out beside them', () => {
    const v1 = reading({ file: 'thon-na-liu.xlsx', sheet: 'I.2' });
    const v2 = reading({ file: 'thon-na-liu-v2.xlsx', sheet: 'I.2', activities: [row('Bê tông hóa đường nội thôn', 450000, 10)] });
    const s = selectSources([v1, { ...v1, file: 'thon-na-liu (1).xlsx' }, v2]);
    expect(s.findings.map((f) => f.code)).toEqual(['SOURCE_DUPLICATE', 'SOURCE_CONFLICT']);
    expect(new SourceConflictError(s.conflicts, s.findings).message).toBe(s.findings[1].message);
  });

  it('a file name with dots keeps them: only its extension is left out', () => {
    const a = reading({ file: 'thon-na-liu.ban.1.xlsx', sheet: 'I.2' });
    const b = reading({ file: 'thon-na-liu.ban.2.xlsx', sheet: 'I.2', activities: [row('Nạo vét kênh mương', 25000, 10)] });
    expect(selectSources([a, b], { 'I.2|thon na liu|giao thong': 'all' }).readings.map((r) => r.unitName)).toEqual(['Thôn Nà Lìu (thon-na-liu.ban.1)', 'Thôn Nà Lìu (thon-na-liu.ban.2)']);
  });
});
