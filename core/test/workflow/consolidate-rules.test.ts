/**
 * buildPlan's rules one at a time (consolidate.ts, rule 4), on readings shaped like the villages'
 * and departments' sheets: each reason an activity is sent back, with its sentence and at its
 * tolerance; one activity typed twice; the commune's split reset when Cần hỗ trợ changed; rows of
 * the previous II.4.B kept as vanished or typed by hand; II.4.A reworded by the commune and
 * difficulties merged on its word; a department's work for the whole commune that may cover a
 * village's; old program names said once per program.
 */
import type { Activity, Difficulty, FormReading } from '../../src/model/types';
import type { CommuneEdits, PreviousRow, RowEdits, SituationTexts } from '../../src/workflow/plan';
import { NO_EDITS, activityKey, buildPlan, joinUnits, listCell, mergedKey } from '../../src/workflow/plan';
import type { PlanActivity } from '../../src/workflow/types';

let rowNo = 8;
function act(activity: string, o: Partial<Activity> = {}, sheet = 'Thôn Nà Lìu - I.2'): Activity {
  const row = rowNo++;
  return {
    activity,
    unit: 'm',
    quantity: 100,
    contribution: 10000,
    support: 40000,
    total: 50000,
    source: { sheet, row, cells: { activity: `B${row + 1}`, support: `J${row + 1}`, note: `M${row + 1}` } },
    unreadable: false,
    ...o,
  };
}

function sheet(unit: string, activities: readonly Activity[], o: Partial<FormReading> = {}): FormReading {
  const formId = o.formId ?? 'I.2';
  return { sheet: `${unit} - ${formId}`, formId, confidence: 1, planYear: 2027, unitName: unit, sector: 'Giao thông', strengths: [], difficulties: [], activities, fixedValues: {}, findings: [], ...o };
}

const edits = (o: Partial<CommuneEdits>): CommuneEdits => ({ ...NO_EDITS, ...o });

describe('an activity sent back to who proposed it, with the reason', () => {
  const returned = (a: Activity) => {
    const plan = buildPlan([sheet('Thôn Nà Lìu', [a])], NO_EDITS, { planYear: 2027 });
    return { plan, r: plan.returned[0], f: plan.findings.find((x) => x.code === 'ACTIVITY_RETURNED') };
  };

  it('no name: said with "(không tên)", at its cell', () => {
    const { r, f } = returned(act(''));
    expect(r).toMatchObject({ reason: 'no-name', message: 'không ghi tên hoạt động', messageEn: 'no activity name', origin: { kind: 'village', unit: 'Thôn Nà Lìu' } });
    expect(f?.message).toBe(`Hoạt động "(không tên)" (Thôn Nà Lìu) chưa đưa vào tổng hợp mà trả lại để làm rõ: không ghi tên hoạt động — ô ${r.activity.source.cells.activity}, trang "Thôn Nà Lìu - I.2".`);
    // Spaces only are no name either.
    expect(returned(act('   ')).r?.reason).toBe('no-name');
  });

  it('a cell that cannot be read', () => {
    const { r, f } = returned(act('Bê tông hóa đường nội thôn', { unreadable: true }));
    expect(r.reason).toBe('unreadable');
    expect(f?.params.reason).toBe('có ô không đọc được (lỗi hoặc chữ trong ô số)');
    expect(f?.params.reasonEn).toBe('a cell cannot be read (an error, or text in a number cell)');
  });

  it('Tổng số ≠ Dân góp + Cần hỗ trợ: half a thousand đồng either way is the same, more is sent back', () => {
    expect(returned(act('Bê tông hóa đường', { total: 50000.5 })).r).toBeUndefined();
    expect(returned(act('Bê tông hóa đường', { total: 49999.5 })).r).toBeUndefined();
    const high = returned(act('Bê tông hóa đường', { total: 50000.6 }));
    expect(high.r).toMatchObject({
      reason: 'contradictory-amounts',
      message: 'Tổng số (50.000,6) khác Dân góp + Cần hỗ trợ (50.000)',
      messageEn: 'Total (50,000.6) differs from Dân góp + Cần hỗ trợ (50,000)',
    });
    expect(returned(act('Bê tông hóa đường', { total: 49999.4 })).r?.message).toBe('Tổng số (49.999,4) khác Dân góp + Cần hỗ trợ (50.000)');
    // Only Dân góp typed beside Tổng số: compared with it alone.
    expect(returned(act('Bê tông hóa đường', { support: undefined, total: 12000 })).r?.message).toBe('Tổng số (12.000) khác Dân góp + Cần hỗ trợ (10.000)');
    // Only Tổng số typed: nothing to compare it with, consolidated.
    const alone = returned(act('Bê tông hóa đường', { contribution: undefined, support: undefined, total: 12000 }));
    expect(alone.r).toBeUndefined();
    expect(alone.plan.activities[0]).toMatchObject({ total: 12000, contribution: 0, support: 0 });
  });

  it('no quantity and no money: nothing to verify it by; a quantity typed as text, or any amount, is enough', () => {
    const bare = { quantity: undefined, contribution: undefined, support: undefined, total: undefined };
    const { r, f } = returned(act('Họp dân bàn phương án', bare));
    expect(r).toMatchObject({ reason: 'unclear', message: 'không có số lượng và nguồn lực để xác minh', messageEn: 'no quantity and no resources to verify it by' });
    expect(f?.severity).toBe('warning');
    expect(returned(act('Họp dân bàn phương án', { ...bare, quantityText: '2 buổi' })).r).toBeUndefined();
    expect(returned(act('Họp dân bàn phương án', { ...bare, quantity: 2 })).r).toBeUndefined();
    expect(returned(act('Họp dân bàn phương án', { ...bare, contribution: 500 })).r).toBeUndefined();
    expect(returned(act('Họp dân bàn phương án', { ...bare, support: 500 })).r).toBeUndefined();
    expect(returned(act('Họp dân bàn phương án', { ...bare, total: 500 })).r).toBeUndefined();
  });

  it('a row without an activity cell is named at its first cell read; the file is named', () => {
    const a = act('', { source: { file: 'na-liu.xlsx', sheet: 'Thôn Nà Lìu - I.2', row: 20, cells: { unit: 'C21', total: 'G21' } } });
    const { f } = returned(a);
    expect(f).toMatchObject({ cell: 'C21', file: 'na-liu.xlsx' });
  });

  it('sent back, still counted: the reconciliation balances', () => {
    const plan = buildPlan([sheet('Thôn Nà Lìu', [act('Bê tông hóa đường nội thôn'), act('', { total: 7000, contribution: 7000, support: undefined })])], NO_EDITS, { planYear: 2027 });
    expect(plan.reconciliation).toEqual({ read: { count: 2, amount: 57000 }, written: { count: 1, amount: 50000 }, returned: { count: 1, amount: 7000 }, balanced: true, vanished: 0, manual: 0 });
    expect(plan.findings.filter((f) => f.code === 'RECONCILIATION_MISMATCH')).toEqual([]);
  });
});

describe('keys and names', () => {
  it('one activity typed twice by a village: two rows, the second key numbered', () => {
    const plan = buildPlan([sheet('Thôn Nà Lìu', [act('Nạo vét kênh mương'), act('Nạo vét kênh mương'), act('Nạo vét kênh mương', { unit: 'km' })])], NO_EDITS, { planYear: 2027 });
    const key = activityKey({ kind: 'village', unit: 'Thôn Nà Lìu' }, { activity: 'Nạo vét kênh mương', unit: 'm' });
    expect(key).toBe('v:thon na liu|nao vet kenh muong|m');
    expect(plan.activities.map((a) => a.key)).toEqual([key, `${key}#2`, 'v:thon na liu|nao vet kenh muong|km']);
    expect(activityKey({ kind: 'department', unit: 'Hội Phụ nữ xã' }, { activity: 'Tập huấn' })).toBe('d:hoi phu nu xa|tap huan|');
    expect(mergedKey(['v:b|x|', 'v:a|x|'])).toBe('m:v:a|x|+v:b|x|');
  });

  it('a sheet naming no unit is known by its sheet name', () => {
    const plan = buildPlan([sheet('Thôn Nà Lìu', [act('Nạo vét kênh mương')], { unitName: '  ', sheet: 'Nà Lìu I.2' })], NO_EDITS, { planYear: 2027 });
    expect(plan.activities[0].origins).toEqual([{ kind: 'village', unit: 'Nà Lìu I.2' }]);
  });

  it('village names joined as the handbook writes them', () => {
    expect(joinUnits(['Thôn A'])).toBe('Thôn A');
    expect(joinUnits(['Thôn A', ' Thôn A ', '', 'Thôn B'])).toBe('Thôn A, B');
    expect(joinUnits(['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'])).toBe('Tổ dân phố 1, 2, 3');
    // A name that is all the shared words keeps its own: nothing is cut to nothing.
    expect(joinUnits(['Thôn A', 'Thôn'])).toBe('Thôn A, Thôn');
    expect(joinUnits([])).toBe('');
  });

  it('no I.2 or II.3 at all: said', () => {
    const plan = buildPlan([sheet('Xã Tân Lập', [], { formId: 'III.1' })], NO_EDITS, { planYear: 2027 });
    expect(plan.findings.map((f) => [f.code, f.message])).toEqual([['NOTHING_TO_CONSOLIDATE', 'Không tìm thấy biểu I.2 hay II.3 nào để tổng hợp.']]);
  });
});

describe("the commune's split of Cần hỗ trợ", () => {
  const road = () => act('Bê tông hóa đường nội thôn', { contribution: 30000, support: 120000, total: 150000 });
  const key = 'v:thon na liu|be tong hoa duong noi thon|m';
  const run = (e: RowEdits, a = road()) => buildPlan([sheet('Thôn Nà Lìu', [a])], edits({ rows: new Map([[key, e]]) }), { planYear: 2027 });

  it('kept while it adds up to Cần hỗ trợ, within half a thousand đồng', () => {
    expect(run({ budget: 100000, proposed: 20000 }).activities[0]).toMatchObject({ budget: 100000, proposed: 20000 });
    expect(run({ budget: 100000, proposed: 20000.5 }).activities[0]).toMatchObject({ budget: 100000, proposed: 20000.5 });
    expect(run({ budget: 120000 }).activities[0]).toMatchObject({ budget: 120000, proposed: 0 });
    expect(run({ proposed: 120000 }).activities[0]).toMatchObject({ budget: 0, proposed: 120000 });
    expect(run({ budget: 100000, proposed: 20000 }).findings.filter((f) => f.code === 'SPLIT_RESET')).toEqual([]);
  });

  it('reset when the village changed Cần hỗ trợ, and said with both amounts at its cell', () => {
    const a = road();
    const plan = run({ budget: 100000, proposed: 10000 }, a);
    expect(plan.activities[0]).toMatchObject({ budget: 0, proposed: 120000 });
    const [f] = plan.findings.filter((x) => x.code === 'SPLIT_RESET');
    expect(f.message).toBe(
      `Hoạt động "Bê tông hóa đường nội thôn (Thôn Nà Lìu)": số cần hỗ trợ đổi từ 110.000 thành 120.000 nên phần chia Ngân sách/Đề xuất được đặt lại — ô ${a.source.cells.support}, trang "Thôn Nà Lìu - I.2".`,
    );
    // 0,6 off is a change too.
    expect(run({ budget: 100000, proposed: 20000.6 }).activities[0]).toMatchObject({ budget: 0, proposed: 120000 });
    // No Cần hỗ trợ cell: said at the activity's.
    const noCell = act('Bê tông hóa đường nội thôn', { contribution: 30000, support: 120000, total: 150000, source: { file: 'na-liu.xlsx', sheet: 'Thôn Nà Lìu - I.2', row: 30, cells: { activity: 'B31' } } });
    expect(run({ budget: 1 }, noCell).findings.find((x) => x.code === 'SPLIT_RESET')).toMatchObject({ cell: 'B31', file: 'na-liu.xlsx' });
  });
});

function previousRow(activity: string, key: string | undefined, o: Partial<PlanActivity> = {}): PreviousRow {
  return {
    ...(key !== undefined ? { key } : {}),
    activity: {
      key: key ?? '',
      topic: 'csht',
      sector: 'Giao thông',
      group: 'outside-money',
      activity,
      total: 80000,
      contribution: 10000,
      support: 70000,
      budget: 0,
      proposed: 70000,
      origins: [{ kind: 'village', unit: 'Thôn Nà Lìu' }],
      sources: [{ sheet: 'II.4.B', row: 14, cells: { activity: 'B15' } }],
      flags: {},
      status: 'active',
      ...o,
    },
  };
}

describe('rows of the previous II.4.B', () => {
  it('one no source proposes any more is kept, marked and said; one typed by hand is kept; one still proposed is not doubled', () => {
    const road = act('Bê tông hóa đường nội thôn');
    const roadKey = 'v:thon na liu|be tong hoa duong noi thon|m';
    const previous = [
      previousRow('Bê tông hóa đường nội thôn (Thôn Nà Lìu)', roadKey),
      previousRow('Làm cầu tràn qua suối (Thôn Nà Lìu)', 'v:thon na liu|lam cau tran qua suoi|cai'),
      previousRow('Lắp đèn chiếu sáng đường thôn', undefined),
      // A merged row of the last run one of whose parts is still proposed: not vanished.
      previousRow('Hỗ trợ giống lúa', `m:${roadKey}+v:thon khe ma|ho tro giong lua|kg`),
    ];
    const plan = buildPlan([sheet('Thôn Nà Lìu', [road])], edits({ previous }), { planYear: 2027 });
    expect(plan.activities.map((a) => [a.activity, a.status])).toEqual([
      ['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 'active'],
      ['Làm cầu tràn qua suối (Thôn Nà Lìu)', 'vanished'],
      ['Lắp đèn chiếu sáng đường thôn', 'manual'],
    ]);
    expect(plan.reconciliation).toMatchObject({ vanished: 1, manual: 1, balanced: true });
    expect(plan.findings.filter((f) => f.code === 'ROW_VANISHED').map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ['II.4.B', 'B15', 'Dòng "Làm cầu tràn qua suối (Thôn Nà Lìu)" của biểu II.4.B không còn trong biểu nguồn nào; vẫn giữ lại và đánh dấu "không còn nguồn" (ô B15).'],
    ]);
  });

  it('a vanished row without its source said on II.4.B, without a cell', () => {
    const plan = buildPlan([sheet('Thôn Nà Lìu', [act('Nạo vét kênh mương')])], edits({ previous: [previousRow('Làm cầu tràn', 'v:x|lam cau tran|', { sources: [] })] }), { planYear: 2027 });
    const [f] = plan.findings.filter((x) => x.code === 'ROW_VANISHED');
    expect(f.sheet).toBe('II.4.B');
    expect(f).not.toHaveProperty('cell');
  });
});

function difficulty(text: string, causes: string[], solutions: string[], sheetName: string, sector?: string): Difficulty {
  return { difficulty: text, causes, solutions, ...(sector ? { sector } : {}), source: { sheet: sheetName, row: 5, cells: { difficulty: 'B6' } } };
}

describe('II.4.A', () => {
  const readings = () => [
    sheet('Thôn A', [], {
      strengths: [{ text: 'Đất đai màu mỡ', source: { sheet: 'Thôn A - I.2', row: 3, cells: {} } }],
      difficulties: [difficulty('Đường nội thôn lầy lội', ['Đường đất'], ['Bê tông hóa'], 'Thôn A - I.2')],
    }),
    sheet('Thôn B', [], {
      strengths: [{ text: 'Đất đai màu mỡ (Thôn B)', source: { sheet: 'Thôn B - I.2', row: 3, cells: {} } }],
      difficulties: [difficulty('Đường nội thôn bị lầy lội', ['Đường đất', 'Mưa nhiều'], ['Bê tông hóa', 'Rải cấp phối'], 'Thôn B - I.2')],
    }),
    sheet('Hội Nông dân xã', [], { formId: 'II.3', difficulties: [difficulty('Đường nội thôn bị lầy lội', ['Thiếu vốn'], ['Vận động dân góp'], 'Hội Nông dân xã - II.3')] }),
  ];

  it('the same difficulty said by a department and a village once, the department first; near-identical ones offered to merge', () => {
    const plan = buildPlan(readings(), NO_EDITS, { planYear: 2027 });
    expect(plan.situations.map((s) => s.difficulty)).toEqual(['Đường nội thôn bị lầy lội (Hội Nông dân xã, Thôn B)', 'Đường nội thôn lầy lội (Thôn A)']);
    const [both] = plan.situations;
    expect(both.causes).toEqual(['Thiếu vốn', 'Đường đất (Thôn B)', 'Mưa nhiều (Thôn B)']);
    expect(both.strengths).toEqual(['Đất đai màu mỡ (Thôn B)']);
    expect(plan.situationSuggestions).toEqual([
      {
        id: 's:d:hoi nong dan xa|duong noi thon bi lay loi+s:v:thon a|duong noi thon lay loi+s:v:thon b|duong noi thon bi lay loi',
        keys: ['s:d:hoi nong dan xa|duong noi thon bi lay loi', 's:v:thon a|duong noi thon lay loi', 's:v:thon b|duong noi thon bi lay loi'],
        difficulties: ['Đường nội thôn bị lầy lội (Hội Nông dân xã, Thôn B)', 'Đường nội thôn lầy lội (Thôn A)'],
        topic: 'csht',
        accepted: false,
      },
    ]);
  });

  it('merged on the commune\'s word: one row, every unit named, what each adds kept with its unit', () => {
    const first = buildPlan(readings(), NO_EDITS, { planYear: 2027 });
    const keys = first.situationSuggestions?.[0].keys ?? [];
    const plan = buildPlan(readings(), edits({ acceptedMerges: [keys] }), { planYear: 2027 });
    expect(plan.situations.map((s) => [s.difficulty, s.causes, s.solutions])).toEqual([
      [
        'Đường nội thôn bị lầy lội (Hội Nông dân xã, Thôn B, A)',
        ['Thiếu vốn', 'Đường đất (Thôn B)', 'Mưa nhiều (Thôn B)'],
        ['Vận động dân góp', 'Bê tông hóa (Thôn B)', 'Rải cấp phối (Thôn B)'],
      ],
    ]);
    expect(plan.situations[0].strengths).toEqual(['Đất đai màu mỡ (Thôn B, A)']);
    expect(plan.situationSuggestions).toEqual([
      {
        id: [...keys].sort().join('+'),
        keys: [...keys].sort(),
        difficulties: ['Đường nội thôn bị lầy lội (Hội Nông dân xã, Thôn B)', 'Đường nội thôn lầy lội (Thôn A)'],
        topic: 'csht',
        accepted: true,
      },
    ]);
    // A merge of activity rows, or of one group only, changes nothing here.
    const rowsOnly = buildPlan(readings(), edits({ acceptedMerges: [['v:a|x|', 'v:b|x|'], [keys[0], 's:v:nowhere|x']] }), { planYear: 2027 });
    expect(rowsOnly.situations).toHaveLength(2);
  });

  it("the commune's rewording of a row replaces the sources' text, its lists read back line by line", () => {
    const first = buildPlan(readings(), NO_EDITS, { planYear: 2027 });
    const key = first.situations[1].key;
    const texts: SituationTexts = { difficulty: 'Đường nội thôn Thôn A lầy lội mùa mưa', cause: '- Đường đất\n• Chưa có rãnh thoát nước\n\n+ Xe tải đi nhiều', solution: '- Bê tông hóa 300 m', strength: '', sector: 'Giao thông' };
    const plan = buildPlan(readings(), edits({ situationTexts: new Map([[key, texts]]) }), { planYear: 2027 });
    const row = plan.situations[1];
    expect(row).toMatchObject({ difficulty: 'Đường nội thôn Thôn A lầy lội mùa mưa', causes: ['Đường đất', 'Chưa có rãnh thoát nước', 'Xe tải đi nhiều'], solutions: ['Bê tông hóa 300 m'], strengths: [], sector: 'Giao thông' });
    // What the sources gave is remembered, so the next run tells the rewording from it.
    expect(row.sourceDigest).toMatch(/^\w+\|\w+\|\w+\|\w+\|\w+$/u);
    expect(first.situations[1]).not.toHaveProperty('sourceDigest');
    expect(listCell(['Đường đất', 'Mưa nhiều'])).toBe('- Đường đất\n- Mưa nhiều');
  });

  it('a row reworded in one cell only keeps the sources\' text in the others', () => {
    const first = buildPlan(readings(), NO_EDITS, { planYear: 2027 });
    const before = first.situations[1];
    const plan = buildPlan(readings(), edits({ situationTexts: new Map([[before.key, { difficulty: 'Đường nội thôn Thôn A lầy lội mùa mưa' }]]) }), { planYear: 2027 });
    const row = plan.situations[1];
    expect(row).toMatchObject({ difficulty: 'Đường nội thôn Thôn A lầy lội mùa mưa', sector: before.sector, strengths: before.strengths, causes: before.causes, solutions: before.solutions });
    // Only the cause: the difficulty is the sources' again.
    const cause = buildPlan(readings(), edits({ situationTexts: new Map([[before.key, { cause: '- Đường đất\n- Không có rãnh' }]]) }), { planYear: 2027 }).situations[1];
    expect(cause).toMatchObject({ difficulty: before.difficulty, causes: ['Đường đất', 'Không có rãnh'], solutions: before.solutions });
  });
});

describe("a department's work for the whole commune", () => {
  it("may already cover a village's like it: said, never merged or summed", () => {
    const dept = sheet('Hội Phụ nữ xã', [act('Tập huấn kỹ thuật trồng lúa', { unit: 'lớp', quantity: 2, place: 'Toàn xã', source: { file: 'hpn.xlsx', sheet: 'Hội Phụ nữ xã - II.3', row: 8, cells: { activity: 'B9' } } })], { formId: 'II.3' });
    const village = sheet('Thôn Nà Lìu', [act('Tập huấn kỹ thuật trồng lúa cho hộ nghèo', { unit: 'lớp', quantity: 1, source: { file: 'na-liu.xlsx', sheet: 'Thôn Nà Lìu - I.2', row: 10, cells: { activity: 'B11' } } })]);
    const plan = buildPlan([village, dept], NO_EDITS, { planYear: 2027 });
    expect(plan.activities).toHaveLength(2);
    expect(plan.suggestions).toEqual([]);
    const covered = plan.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED');
    expect(covered.map((f) => [f.sheet, f.cell, f.file, f.message])).toEqual([
      [
        'Thôn Nà Lìu - I.2',
        'B11',
        'na-liu.xlsx',
        'Hoạt động "Tập huấn kỹ thuật trồng lúa cho hộ nghèo (Thôn Nà Lìu)" có thể đã nằm trong "Tập huấn kỹ thuật trồng lúa" của Hội Phụ nữ xã (thực hiện toàn xã): chưa gộp, chưa cộng. Nếu trùng, hãy bỏ dòng của thôn hoặc ghi rõ phần riêng của thôn.',
      ],
    ]);
  });
});

describe('old program names in the notes', () => {
  const use = (unit: string, note: string, cells: Record<string, string> = { activity: 'B9', note: 'M9' }, file = `${unit}.xlsx`) =>
    sheet(unit, [act(`Hỗ trợ giống lúa ${unit}`, { unit: 'kg', note, source: { ...(file ? { file } : {}), sheet: `${unit} - I.2`, row: 8, cells } })]);

  it('said once per program, its old names together, counted, at the first use, with up to two other places and how many more', () => {
    const plan = buildPlan([use('Thôn A', 'CT 135'), use('Thôn B', 'CT 135'), use('Thôn C', 'CT Nông thôn mới'), use('Thôn D', 'Chương trình 30a'), use('Thôn E', 'CT giảm nghèo bền vững'), use('Thôn F', 'Chương trình 135')], NO_EDITS, { planYear: 2027 });
    const mapped = plan.findings.filter((f) => f.code === 'LEGACY_PROGRAM_MAPPED');
    expect(mapped).toHaveLength(1);
    expect(mapped[0]).toMatchObject({ sheet: 'Thôn A - I.2', cell: 'M9', file: 'Thôn A.xlsx' });
    expect(mapped[0].params).toMatchObject({ period: '2026-2030', count: 6 });
    expect(mapped[0].params.alias).toBe('CT 135", "CT nông thôn mới", "30a", "giảm nghèo bền vững", "chương trình 135');
    expect(mapped[0].params.also).toBe(' Cũng gặp ở: "Thôn C.xlsx" › Thôn C - I.2!M9; "Thôn D.xlsx" › Thôn D - I.2!M9 và 2 chỗ khác.');
    expect(mapped[0].params.alsoEn).toBe(' Also at: "Thôn C.xlsx" › Thôn C - I.2!M9; "Thôn D.xlsx" › Thôn D - I.2!M9 and 2 more.');
  });

  it('two old names: the other place said, none more; a place without file or note cell is its sheet; one name alone says no other place', () => {
    const two = buildPlan([use('Thôn A', 'CT 135'), use('Thôn E', 'CT Nông thôn mới', {}, '')], NO_EDITS, { planYear: 2027 });
    expect(two.findings.find((f) => f.code === 'LEGACY_PROGRAM_MAPPED')?.params).toMatchObject({ also: ' Cũng gặp ở: Thôn E - I.2.', alsoEn: ' Also at: Thôn E - I.2.' });
    const alone = buildPlan([use('Thôn A', 'CT 135'), use('Thôn B', 'CT 135')], NO_EDITS, { planYear: 2027 });
    expect(alone.findings.find((f) => f.code === 'LEGACY_PROGRAM_MAPPED')?.params).toMatchObject({ also: '', alsoEn: '', count: 2 });
    // Its own period's names are no old names.
    expect(buildPlan([use('Thôn A', 'CT 135')], NO_EDITS, { planYear: 2018 }).findings.filter((f) => f.code === 'LEGACY_PROGRAM_MAPPED')).toEqual([]);
  });
});
