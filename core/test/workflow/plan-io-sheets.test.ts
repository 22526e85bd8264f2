/**
 * The plan's sheets as writePlan lays them out (plan-io.ts), rule by rule, on small plans made by
 * hand: LKH's marks in Nội dung khác, hand-typed rows numbered and counted, totals per topic, per
 * group and in all that leave out rows no source proposes any more, II.6.A's project states in
 * the form's order, II.6.B by rank, II.4.A by topic, the report's lines and tables, II.6.C's other
 * programs, and what the document state records so the next run tells the commune's edits apart.
 */
import type { BodyRow } from '../../src/layout/engine';
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, SheetData } from '../../src/port/types';
import type { BudgetChecks, FundingNeeds } from '../../src/workflow/plan';
import { fundSourceChoices } from '../../src/reference';
import {
  II6C_PROGRAMMES_NOTE,
  PROJECT_STATES,
  REPORT_SHEET,
  VANISHED_MARK,
  classDigest,
  communeColumnsDigest,
  ii4aBody,
  ii4bBody,
  ii6aBody,
  ii6bBody,
  ii6cForm,
  fundingNeeds,
  ii6cSums,
  meetingMark,
  notesLine,
  reportLayout,
  situationDigest,
  writePlan,
} from '../../src/workflow/plan';
import type { CommunePlan, PlanActivity, PlanSituation, VillageMeeting } from '../../src/workflow/types';

function act(key: string, over: Partial<PlanActivity> = {}): PlanActivity {
  return {
    key,
    topic: 'csht',
    sector: 'Giao thông',
    group: 'outside-money',
    activity: `Hoạt động ${key}`,
    total: 100,
    contribution: 10,
    support: 90,
    budget: 60,
    proposed: 30,
    origins: [{ kind: 'village', unit: 'Thôn A' }],
    sources: [{ sheet: 'Thôn A - I.2', row: 10, cells: { activity: 'B11' } }],
    flags: {},
    status: 'active',
    ...over,
  };
}

const data = (rows: readonly BodyRow[]) => rows.filter((r): r is Extract<BodyRow, { kind: 'data' }> => r.kind === 'data');
const totals = (rows: readonly BodyRow[]) => rows.filter((r): r is Extract<BodyRow, { kind: 'total' }> => r.kind === 'total');
const labels = (rows: readonly BodyRow[]) => rows.map((r) => (r.kind === 'data' ? `${String(r.values.stt)} ${String(r.values.activity)}` : `${r.kind}:${r.label}`));

describe("a row's cells as written", () => {
  it("every column from the plan's row; quantity as typed when it was text; no sector, no text", () => {
    const [row] = data(
      ii6bBody([
        act('a', {
          priority: 2,
          objective: 'Đi lại thuận tiện',
          unit: 'km',
          quantity: 1,
          quantityText: '1 + 0,5',
          time: 'Quý II',
          place: 'Thôn A',
          responsible: 'Trưởng thôn',
          sector: '',
          fundSource: 'Ngân sách tỉnh',
          mechanism: 'Dân góp công',
          other: 'Làm trước mùa mưa',
        }),
      ]),
    );
    expect(row.values).toEqual({
      stt: 1,
      priority: 2,
      activity: 'Hoạt động a',
      objective: 'Đi lại thuận tiện',
      unit: 'km',
      quantity: '1 + 0,5',
      time: 'Quý II',
      place: 'Thôn A',
      responsible: 'Trưởng thôn',
      total: 100,
      contribution: 10,
      budget: 60,
      proposed: 30,
      sector: null,
      fundSource: 'Ngân sách tỉnh',
      mechanism: 'Dân góp công',
      other: 'Làm trước mùa mưa',
    });
    const [bare] = data(ii6bBody([act('b', { quantity: 3 })]));
    expect(bare.values).toMatchObject({ priority: null, objective: null, unit: null, quantity: 3, time: null, place: null, responsible: null, sector: 'Giao thông', fundSource: null, mechanism: null, other: null });
    expect(data(ii6bBody([act('c')]))[0].values.quantity).toBeNull();
  });

  it("LKH's marks go before the commune's text in Nội dung khác, a space between", () => {
    const other = (over: Partial<PlanActivity>) => data(ii6bBody([act('a', over)]))[0].values.other;
    const meeting = meetingMark(['Thôn A', 'Thôn B']);
    expect(other({ status: 'vanished', other: 'Làm trước mùa mưa' })).toBe(`${VANISHED_MARK} Làm trước mùa mưa`);
    expect(other({ status: 'vanished' })).toBe(VANISHED_MARK);
    expect(other({ meetingNotValid: ['Thôn A', 'Thôn B'] })).toBe(meeting);
    expect(other({ status: 'vanished', meetingNotValid: ['Thôn A', 'Thôn B'], other: 'Làm trước mùa mưa' })).toBe(`${VANISHED_MARK} ${meeting} Làm trước mùa mưa`);
    expect(other({ meetingNotValid: [], other: 'Làm trước mùa mưa' })).toBe('Làm trước mùa mưa');
    expect(other({ status: 'manual' })).toBeNull();
  });
});

describe('II.4.B: A then B, each by topic, with its totals', () => {
  const rows = [
    act('a1', { group: 'no-outside-money', total: 100, contribution: 100, budget: 0, proposed: 0 }),
    act('a2', { group: 'no-outside-money', topic: 'kinh-te', status: 'vanished', total: 7, contribution: 7, budget: 0, proposed: 0 }),
    act('', { group: 'no-outside-money', activity: 'Dọn vệ sinh đường làng', status: 'manual', total: 20, contribution: 5, budget: 10, proposed: 5 }),
    act('b1', { topic: 'vh-xh-mt', total: 300, contribution: 30, budget: 200, proposed: 70 }),
  ];

  it('numbered through both groups; a row typed by hand is named by its STT; each topic and group totalled, rows no longer proposed left out', () => {
    const body = ii4bBody(rows);
    expect(labels(body)).toEqual([
      'group:Các hoạt động không cần nguồn vốn bên ngoài',
      'group:1. Cơ sở hạ tầng',
      '1 Hoạt động a1',
      '2 Dọn vệ sinh đường làng',
      'total:Cộng',
      'group:2. Kinh tế và tổ chức sản xuất',
      '3 Hoạt động a2',
      'total:Cộng',
      'total:Cộng A',
      'group:Các hoạt động cần nguồn vốn bên ngoài',
      'group:3. Văn hóa - Xã hội - Môi trường',
      '4 Hoạt động b1',
      'total:Cộng',
      'total:Cộng B',
      'total:Tổng cộng (A+B)',
    ]);
    expect(body[0]).toEqual({ kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 });
    expect(body[9]).toEqual({ kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 });
    expect(body[1]).toEqual({ kind: 'group', label: '1. Cơ sở hạ tầng', depth: 1 });
    expect(data(body).map((r) => [r.key, r.ref])).toEqual([
      ['a1', 'a1'],
      ['', '#2'],
      ['a2', 'a2'],
      ['b1', 'b1'],
    ]);
    expect(totals(body).map((t) => [t.key, t.over, t.values])).toEqual([
      ['t:A:csht', ['a1', '#2'], { total: 120, contribution: 105, budget: 10, proposed: 5 }],
      ['t:A:kinh-te', [], { total: 0, contribution: 0, budget: 0, proposed: 0 }],
      ['t:A', ['t:A:csht', 't:A:kinh-te'], { total: 120, contribution: 105, budget: 10, proposed: 5 }],
      ['t:B:vh-xh-mt', ['b1'], { total: 300, contribution: 30, budget: 200, proposed: 70 }],
      ['t:B', ['t:B:vh-xh-mt'], { total: 300, contribution: 30, budget: 200, proposed: 70 }],
      ['t:all', ['t:A', 't:B'], { total: 420, contribution: 135, budget: 210, proposed: 75 }],
    ]);
  });

  it('a group without rows has its heading and no total of its own', () => {
    const body = ii4bBody(rows.slice(3));
    expect(labels(body)).toEqual([
      'group:Các hoạt động không cần nguồn vốn bên ngoài',
      'group:Các hoạt động cần nguồn vốn bên ngoài',
      'group:3. Văn hóa - Xã hội - Môi trường',
      '1 Hoạt động b1',
      'total:Cộng',
      'total:Cộng B',
      'total:Tổng cộng (A+B)',
    ]);
    expect(totals(body).at(-1)?.over).toEqual(['t:B']);
    expect(labels(ii4bBody(rows.slice(0, 1)))).toEqual([
      'group:Các hoạt động không cần nguồn vốn bên ngoài',
      'group:1. Cơ sở hạ tầng',
      '1 Hoạt động a1',
      'total:Cộng',
      'total:Cộng A',
      'group:Các hoạt động cần nguồn vốn bên ngoài',
      'total:Tổng cộng (A+B)',
    ]);
    expect(totals(ii4bBody(rows.slice(0, 1))).map((t) => [t.key, t.over])).toEqual([
      ['t:A:csht', ['a1']],
      ['t:A', ['t:A:csht']],
      ['t:all', ['t:A']],
    ]);
  });
});

describe("II.6.A: A by topic; B by project state in the form's order, each state by rank", () => {
  it('each state under its heading with its total and its drop-down choice; a row without a state is Vốn sự nghiệp', () => {
    const body = ii6aBody([
      act('a1', { group: 'no-outside-money', total: 5, contribution: 5, budget: 0, proposed: 0 }),
      act('n1', { fundingGroup: 'investment-new' }),
      act('o2', { fundingGroup: 'investment-ongoing', priority: 2 }),
      act('o0', { fundingGroup: 'investment-ongoing' }),
      act('o1', { fundingGroup: 'investment-ongoing', priority: 1 }),
      act('r1', {}),
      act('c1', { fundingGroup: 'investment-completed' }),
    ]);
    expect(labels(body)).toEqual([
      'group:Các hoạt động không cần nguồn vốn bên ngoài',
      'group:1. Cơ sở hạ tầng',
      '1 Hoạt động a1',
      'total:Cộng',
      'total:Cộng A',
      'group:Các hoạt động cần nguồn vốn bên ngoài',
      'group:Vốn đầu tư phát triển',
      'group:Dự án đã hoàn thành và bàn giao đưa vào sử dụng nhưng chưa bố trí đủ vốn',
      '2 Hoạt động c1',
      'total:Cộng',
      'group:Dự án dự kiến hoàn thành trong kỳ kế hoạch',
      'group:Dự án chuyển tiếp',
      '3 Hoạt động o1',
      '4 Hoạt động o2',
      '5 Hoạt động o0',
      'total:Cộng',
      'group:Dự án khởi công mới',
      '6 Hoạt động n1',
      'total:Cộng',
      'group:Vốn sự nghiệp',
      '7 Hoạt động r1',
      'total:Cộng',
      'total:Cộng B',
      'total:Tổng cộng (A+B)',
    ]);
    expect(data(body).map((r) => [r.key, r.choice])).toEqual([
      ['a1', undefined],
      ['c1', PROJECT_STATES['investment-completed']],
      ['o1', PROJECT_STATES['investment-ongoing']],
      ['o2', PROJECT_STATES['investment-ongoing']],
      ['o0', PROJECT_STATES['investment-ongoing']],
      ['n1', PROJECT_STATES['investment-new']],
      ['r1', PROJECT_STATES.recurrent],
    ]);
    expect(totals(body).map((t) => [t.key, t.over, t.values.total])).toEqual([
      ['t:A:csht', ['a1'], 5],
      ['t:A', ['t:A:csht'], 5],
      ['t:B:investment-completed', ['c1'], 100],
      ['t:B:investment-ongoing', ['o1', 'o2', 'o0'], 300],
      ['t:B:investment-new', ['n1'], 100],
      ['t:B:recurrent', ['r1'], 100],
      ['t:B', ['t:B:investment-completed', 't:B:investment-ongoing', 't:B:investment-new', 't:B:recurrent'], 600],
      ['t:all', ['t:A', 't:B'], 605],
    ]);
    // The form's own group rows, with their codes.
    expect(body.filter((r) => r.kind === 'group' && r.key !== undefined)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'group', key: 'outside-money', code: 'B', depth: 0 })]));
  });

  it('without rows of B: its headings, no total of B; the grand total adds A only', () => {
    const body = ii6aBody([act('a1', { group: 'no-outside-money' })]);
    expect(totals(body).map((t) => [t.key, t.over])).toEqual([
      ['t:A:csht', ['a1']],
      ['t:A', ['t:A:csht']],
      ['t:all', ['t:A']],
    ]);
    expect(labels(ii6aBody([act('r1')])).slice(0, 3)).toEqual(['group:Các hoạt động không cần nguồn vốn bên ngoài', 'group:Các hoạt động cần nguồn vốn bên ngoài', 'group:Vốn đầu tư phát triển']);
    expect(totals(ii6aBody([act('r1')])).map((t) => [t.key, t.over])).toEqual([
      ['t:B:recurrent', ['r1']],
      ['t:B', ['t:B:recurrent']],
      ['t:all', ['t:B']],
    ]);
  });
});

describe('II.6.B: ranked rows first, by rank, then the rest as they came', () => {
  it('numbered in that order, one total', () => {
    const body = ii6bBody([act('x'), act('p3', { priority: 3 }), act('y'), act('p1', { priority: 1 })]);
    expect(labels(body)).toEqual(['1 Hoạt động p1', '2 Hoạt động p3', '3 Hoạt động x', '4 Hoạt động y', 'total:Tổng cộng']);
    expect(totals(body)).toEqual([{ kind: 'total', key: 't:all', label: 'Tổng cộng', over: ['p1', 'p3', 'x', 'y'], values: { total: 400, contribution: 40, budget: 240, proposed: 120 } }]);
  });
});

describe('II.4.A: by topic, each situation with its lists as the form prints them', () => {
  const situation = (key: string, over: Partial<PlanSituation> = {}): PlanSituation => ({
    key,
    topic: 'csht',
    sector: 'Giao thông',
    strengths: ['Có đường liên thôn'],
    difficulty: 'Đường lầy lội',
    causes: ['Đường đất', 'Không có rãnh'],
    solutions: ['Bê tông hóa'],
    origins: [{ kind: 'village', unit: 'Thôn A' }],
    sources: [],
    ...over,
  });

  it('a heading per topic that has situations; empty cells left empty', () => {
    const body = ii4aBody([situation('s1', { topic: 'vh-xh-mt', objective: 'Đi lại quanh năm' }), situation('s2', { sector: '', strengths: [], difficulty: '', causes: [], solutions: [] })]);
    expect(body).toEqual([
      { kind: 'group', label: '1. Cơ sở hạ tầng', depth: 0 },
      { kind: 'data', key: 's2', values: { sector: null, strength: null, difficulty: null, cause: null, objective: null, solution: null } },
      { kind: 'group', label: '3. Văn hóa - Xã hội - Môi trường', depth: 0 },
      { kind: 'data', key: 's1', values: { sector: 'Giao thông', strength: '- Có đường liên thôn', difficulty: 'Đường lầy lội', cause: '- Đường đất\n- Không có rãnh', objective: 'Đi lại quanh năm', solution: '- Bê tông hóa' } },
    ]);
  });
});

function plan(over: Partial<CommunePlan> = {}): CommunePlan {
  return {
    situations: [],
    activities: [],
    returned: [],
    suggestions: [],
    reconciliation: { read: { count: 3, amount: 1_500 }, written: { count: 2, amount: 1_000 }, returned: { count: 1, amount: 500 }, balanced: true, vanished: 1, manual: 2 },
    findings: [],
    ...over,
  };
}

/** The report as the sheet shows it. */
async function shown(layout: ReturnType<typeof reportLayout>): Promise<SheetData> {
  const wb = new MemoryWorkbook();
  await wb.createSheet(layout);
  return (await wb.readSheets([layout.name]))[0];
}

/** The text lines above the tables (title first), down to the first table's caption. */
const linesOf = (d: SheetData): string[] => {
  const out: string[] = [];
  for (const r of d.values) {
    const texts = r.filter((v): v is string => typeof v === 'string');
    if (texts.some((t) => t.startsWith('Hoạt động trả lại'))) break;
    out.push(...texts);
  }
  return out;
};

/** The rows of the table whose caption starts with `caption`, each by its headers. */
function tableOf(d: SheetData, caption: string): Record<string, CellValue>[] | undefined {
  const at = d.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(caption));
  if (at < 0) return undefined;
  const header = d.values[at + 1];
  const out: Record<string, CellValue>[] = [];
  for (let i = at + 2; i < d.values.length && typeof d.values[i][0] === 'number'; i++) {
    const row: Record<string, CellValue> = {};
    header.forEach((h, j) => {
      if (typeof h === 'string') row[h] = d.values[i][j] ?? null;
    });
    out.push(row);
  }
  return out;
}

/** The style of each cell of the first row of the table whose caption starts with `caption`, by header. */
async function stylesOf(layout: ReturnType<typeof reportLayout>, caption: string): Promise<Record<string, string | undefined>> {
  const wb = new MemoryWorkbook();
  await wb.createSheet(layout);
  const [d] = await wb.readSheets([layout.name]);
  const at = d.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(caption));
  const out: Record<string, string | undefined> = {};
  d.values[at + 1].forEach((h, j) => {
    if (typeof h === 'string') out[h] = wb.styleAt(layout.name, d.top + at + 2, d.left + j)?.name;
  });
  return out;
}

describe('what became of the notes', () => {
  it('the counts, each separator named with its count, those never used left out', () => {
    expect(notesLine({ notes: 5, split: 3, source: 4, mechanism: 2, other: 1, separators: { line: 1, semicolon: 0, period: 2, comma: 0, dash: 1, tab: 1 } })).toBe(
      'Ghi chú của 5 hoạt động được đọc hết, không bỏ chữ nào: 3 ghi chú được tách (tại xuống dòng 1, dấu chấm 2, gạch ngang 1, tab 1); 4 có tên nguồn vốn (vào cột Tên nguồn vốn), 2 có cách thực hiện (vào cột Cơ chế thực hiện), 1 có nội dung khác (vào cột Nội dung khác).',
    );
    expect(notesLine({ notes: 2, split: 0, source: 1, mechanism: 0, other: 1, separators: { comma: 0, semicolon: 0 } })).toBe(
      'Ghi chú của 2 hoạt động được đọc hết, không bỏ chữ nào: 0 ghi chú được tách; 1 có tên nguồn vốn (vào cột Tên nguồn vốn), 0 có cách thực hiện (vào cột Cơ chế thực hiện), 1 có nội dung khác (vào cột Nội dung khác).',
    );
    expect(notesLine({ notes: 1, split: 1, source: 1, mechanism: 1, other: 0, separators: { semicolon: 1, comma: 2 } })).toContain('(tại dấu chấm phẩy 1, dấu phẩy 2)');
  });
});

describe("the report's lines", () => {
  const meeting = (unit: string, over: Partial<VillageMeeting> = {}): VillageMeeting => ({ key: `hop:${unit}`, unit, valid: false, reason: 'Chưa đủ số hộ', sheet: `${unit} - I.3`, rows: 2, confirmed: false, ...over });

  it('the title with the commune and the year; the period, its programs and the level above; the reconciliation; the rows kept', async () => {
    const d = await shown(reportLayout(plan({ communeName: 'Xã Tân Lập', planYear: 2027 }), undefined, { period: '2021-2025', upperLevelName: 'Huyện Bảo Yên' }));
    expect(linesOf(d)).toEqual([
      'BÁO CÁO TỔNG HỢP — XÃ TÂN LẬP — NĂM KẾ HOẠCH 2027',
      'Giai đoạn chương trình: 2021-2025 (CTMTQG xây dựng nông thôn mới, giảm nghèo bền vững, phát triển KT-XH vùng đồng bào DTTS và miền núi); cấp trên của xã: Huyện Bảo Yên.',
      'Đọc được 3 hoạt động (1.500 nghìn đồng); đưa vào II.4.B 2 (1.000 nghìn đồng); trả lại 1 (500 nghìn đồng).',
      'Đối chiếu: khớp — không hoạt động nào bị bỏ sót.',
      'Dòng không còn trong biểu nguồn (giữ lại, đã đánh dấu): 1. Dòng xã tự thêm (giữ lại): 2.',
    ]);
    expect(d.name).toBe(REPORT_SHEET);
  });

  it('no name, no year: the bare title; a period without the level above; a reconciliation that does not balance said', async () => {
    const p = plan({ reconciliation: { ...plan().reconciliation, balanced: false } });
    const d = await shown(reportLayout(p, undefined, { period: '2016-2020' }));
    expect(linesOf(d).slice(0, 4)).toEqual([
      'BÁO CÁO TỔNG HỢP',
      'Giai đoạn chương trình: 2016-2020 (CTMTQG xây dựng Nông thôn mới và CTMTQG Giảm nghèo bền vững theo Sổ tay).',
      'Đọc được 3 hoạt động (1.500 nghìn đồng); đưa vào II.4.B 2 (1.000 nghìn đồng); trả lại 1 (500 nghìn đồng).',
      'Đối chiếu: KHÔNG KHỚP — xem các lỗi bên dưới.',
    ]);
  });

  it("the notes' line only when some activity had a note", async () => {
    const notes = { notes: 1, split: 0, source: 1, mechanism: 0, other: 0, separators: {} };
    expect(linesOf(await shown(reportLayout(plan({ notes }))))).toContain(notesLine(notes));
    expect(linesOf(await shown(reportLayout(plan({ notes: { ...notes, notes: 0 } })))).some((l) => l.startsWith('Ghi chú của'))).toBe(false);
  });

  it("villages' meetings: lists not valid counted with the rows marked until the commune confirms; meetings short of women only named", async () => {
    const line = async (meetings: VillageMeeting[]) => linesOf(await shown(reportLayout(plan({ meetings })))).slice(4);
    expect(await line([])).toEqual([]);
    expect(await line([meeting('Thôn A', { valid: true }), meeting('Thôn B', { valid: true })])).toEqual(['Họp thôn có dưới 30% phụ nữ tham dự: Thôn A, Thôn B (Sổ tay yêu cầu ít nhất 30%; danh mục vẫn hợp lệ).']);
    expect(await line([meeting('Thôn A', { valid: true }), meeting('Thôn C', { rows: 3 }), meeting('Thôn D', { rows: 4, confirmed: true }), meeting('Thôn E', { rows: 5 })])).toEqual([
      'Danh mục của 3 thôn chưa hợp lệ vì họp thôn chưa có trên 50% số hộ tham dự: Thôn C, Thôn D, Thôn E. 8 dòng của 2 thôn được đánh dấu ở cột Nội dung khác của II.4.B, II.6.A, II.6.B cho đến khi xã xác nhận.',
    ]);
    expect(await line([meeting('Thôn C', { confirmed: true })])).toEqual(['Danh mục của 1 thôn chưa hợp lệ vì họp thôn chưa có trên 50% số hộ tham dự: Thôn C. Xã đã xác nhận cả.']);
  });
});

describe("the report's tables", () => {
  const returned = (name: string, file?: string, cell?: string) => ({
    activity: { activity: name, source: { ...(file ? { file } : {}), sheet: 'Thôn A - I.2', row: 12, cells: (cell ? { activity: cell } : {}) as Record<string, string> }, unreadable: false },
    origin: { kind: 'village' as const, unit: 'Thôn A' },
    reason: 'no-name' as const,
    message: 'Hoạt động không có tên.',
    messageEn: 'No name.',
  });

  it('activities returned: who, what (or that it had no name), where, why', async () => {
    const d = await shown(reportLayout(plan({ returned: [returned('Sửa cầu', 'thon-a.xlsx', 'B13'), returned('', undefined, 'B14'), returned('Đào ao')] })));
    expect(tableOf(d, 'Hoạt động trả lại')).toEqual([
      { STT: 1, 'Thôn / ban ngành': 'Thôn A', 'Hoạt động': 'Sửa cầu', 'Ở đâu': 'thon-a.xlsx — Thôn A - I.2!B13', 'Lý do': 'Hoạt động không có tên.' },
      { STT: 2, 'Thôn / ban ngành': 'Thôn A', 'Hoạt động': '(không tên)', 'Ở đâu': 'Thôn A - I.2!B14', 'Lý do': 'Hoạt động không có tên.' },
      { STT: 3, 'Thôn / ban ngành': 'Thôn A', 'Hoạt động': 'Đào ao', 'Ở đâu': 'Thôn A - I.2!', 'Lý do': 'Hoạt động không có tên.' },
    ]);
  });

  it('merges offered: the merged row, "x" where accepted, the key the next run reads', async () => {
    const d = await shown(
      reportLayout(
        plan({
          suggestions: [
            { id: 'a+b', keys: ['a', 'b'], activity: 'Hỗ trợ giống lúa, kg, 100 + 200, Thôn A, B', unit: 'kg', quantityText: '100 + 200', place: 'Thôn A, B', total: 7_500, accepted: true },
            { id: 'c+d', keys: ['c', 'd'], activity: 'Sửa cống', quantityText: '2', place: 'Thôn C, D', total: 600, accepted: false },
          ],
        }),
      ),
    );
    expect(tableOf(d, 'Đề xuất gộp các hoạt động')).toEqual([
      { STT: 1, 'Hoạt động (sau khi gộp)': 'Hỗ trợ giống lúa, kg, 100 + 200, Thôn A, B', ĐVT: 'kg', 'Số lượng': '100 + 200', 'Địa điểm': 'Thôn A, B', 'Tổng số (1.000 đồng)': 7_500, 'Đồng ý gộp (ghi x)': 'x', [KEY_COLUMN_HEADER]: 'a+b' },
      { STT: 2, 'Hoạt động (sau khi gộp)': 'Sửa cống', ĐVT: null, 'Số lượng': '2', 'Địa điểm': 'Thôn C, D', 'Tổng số (1.000 đồng)': 600, 'Đồng ý gộp (ghi x)': null, [KEY_COLUMN_HEADER]: 'c+d' },
    ]);
    expect(tableOf(d, 'Đề xuất gộp các khó khăn')).toBeUndefined();
    expect(tableOf(d, 'Họp thôn chưa đạt')).toBeUndefined();
  });

  it("II.4.A's difficulties offered to merge, only when there are some: the topic, each difficulty on its line", async () => {
    const d = await shown(
      reportLayout(
        plan({
          situationSuggestions: [
            { id: 's1+s2', keys: ['s1', 's2'], difficulties: ['Đường lầy lội (Thôn A)', 'Đường lầy (Thôn B)'], topic: 'csht', accepted: false },
            { id: 's3+s4', keys: ['s3', 's4'], difficulties: ['Thiếu nước (Thôn A)', 'Thiếu nước tưới (Thôn C)'], topic: 'kinh-te', accepted: true },
          ],
        }),
      ),
    );
    expect(tableOf(d, 'Đề xuất gộp các khó khăn')).toEqual([
      { STT: 1, 'Chủ đề': '1. Cơ sở hạ tầng', 'Các khó khăn (dòng đầu được giữ làm lời văn chung)': '- Đường lầy lội (Thôn A)\n- Đường lầy (Thôn B)', 'Đồng ý gộp (ghi x)': null, [KEY_COLUMN_HEADER]: 's1+s2' },
      { STT: 2, 'Chủ đề': '2. Kinh tế và tổ chức sản xuất', 'Các khó khăn (dòng đầu được giữ làm lời văn chung)': '- Thiếu nước (Thôn A)\n- Thiếu nước tưới (Thôn C)', 'Đồng ý gộp (ghi x)': 'x', [KEY_COLUMN_HEADER]: 's3+s4' },
    ]);
  });

  it("villages' meetings: each list's state, why, its rows, where the minutes are, the commune's confirmation", async () => {
    const meetings: VillageMeeting[] = [
      { key: 'hop:thon a', unit: 'Thôn A', valid: true, reason: 'Ít phụ nữ', sheet: 'Thôn A - I.3', file: 'thon-a.xlsx', cell: 'C9', rows: 2, confirmed: false },
      { key: 'hop:thon b', unit: 'Thôn B', valid: false, reason: 'Chưa đủ số hộ', sheet: 'Thôn B - I.3', rows: 3, confirmed: true },
      { key: 'hop:thon c', unit: 'Thôn C', valid: false, reason: 'Chưa đủ số hộ', sheet: 'Thôn C - I.3', cell: 'D10', rows: 1, confirmed: false },
    ];
    const d = await shown(reportLayout(plan({ meetings })));
    const caption = d.values.flat().find((v) => typeof v === 'string' && v.startsWith('Họp thôn chưa đạt'));
    expect(caption).toContain('ghi x vào cột "Xã đã xác nhận (ghi x)" khi đã họp lại');
    expect(tableOf(d, 'Họp thôn chưa đạt')).toEqual([
      { STT: 1, Thôn: 'Thôn A', 'Danh mục': 'Hợp lệ', 'Lý do': 'Ít phụ nữ', 'Số dòng trong kế hoạch': 2, 'Biên bản': 'thon-a.xlsx — Thôn A - I.3!C9', 'Xã đã xác nhận (ghi x)': null, [KEY_COLUMN_HEADER]: 'hop:thon a' },
      { STT: 2, Thôn: 'Thôn B', 'Danh mục': 'Xã đã xác nhận', 'Lý do': 'Chưa đủ số hộ', 'Số dòng trong kế hoạch': 3, 'Biên bản': 'Thôn B - I.3', 'Xã đã xác nhận (ghi x)': 'x', [KEY_COLUMN_HEADER]: 'hop:thon b' },
      { STT: 3, Thôn: 'Thôn C', 'Danh mục': 'Chưa hợp lệ', 'Lý do': 'Chưa đủ số hộ', 'Số dòng trong kế hoạch': 1, 'Biên bản': 'Thôn C - I.3!D10', 'Xã đã xác nhận (ghi x)': null, [KEY_COLUMN_HEADER]: 'hop:thon c' },
    ]);
  });

  it('each column printed as what it holds: STT and marks centred, long texts wrapped, amounts as amounts, keys kept for LKH after the printed columns', async () => {
    const p = plan({
      returned: [returned('Sửa cầu', undefined, 'B13')],
      suggestions: [{ id: 'a+b', keys: ['a', 'b'], activity: 'Hỗ trợ giống lúa', unit: 'kg', quantityText: '300', place: 'Thôn A, B', total: 7_500, accepted: true }],
      situationSuggestions: [{ id: 's1+s2', keys: ['s1', 's2'], difficulties: ['Đường lầy lội'], topic: 'csht', accepted: true }],
      meetings: [{ key: 'hop:thon b', unit: 'Thôn B', valid: false, reason: 'Chưa đủ số hộ', sheet: 'Thôn B - I.3', rows: 3, confirmed: true }],
    });
    const checks: BudgetChecks = { checks: [{ id: 'a', label: 'Tỷ lệ 75%', passed: true, detail: '80%' }], findings: [] };
    const layout = reportLayout(p, checks);
    expect(await stylesOf(layout, 'Hoạt động trả lại')).toEqual({ STT: 'center', 'Thôn / ban ngành': 'text', 'Hoạt động': 'textWrap', 'Ở đâu': 'textWrap', 'Lý do': 'textWrap' });
    expect(await stylesOf(layout, 'Đề xuất gộp các hoạt động')).toEqual({ STT: 'center', 'Hoạt động (sau khi gộp)': 'textWrap', ĐVT: 'text', 'Số lượng': 'text', 'Địa điểm': 'textWrap', 'Tổng số (1.000 đồng)': 'amount', 'Đồng ý gộp (ghi x)': 'center', [KEY_COLUMN_HEADER]: 'key' });
    expect(await stylesOf(layout, 'Đề xuất gộp các khó khăn')).toEqual({ STT: 'center', 'Chủ đề': 'text', 'Các khó khăn (dòng đầu được giữ làm lời văn chung)': 'textWrap', 'Đồng ý gộp (ghi x)': 'center', [KEY_COLUMN_HEADER]: 'key' });
    expect(await stylesOf(layout, 'Họp thôn chưa đạt')).toEqual({ STT: 'center', Thôn: 'text', 'Danh mục': 'center', 'Lý do': 'textWrap', 'Số dòng trong kế hoạch': 'center', 'Biên bản': 'textWrap', 'Xã đã xác nhận (ghi x)': 'center', [KEY_COLUMN_HEADER]: 'key' });
    expect(await stylesOf(layout, 'Kiểm tra nguồn vốn')).toEqual({ STT: 'center', 'Nội dung kiểm tra': 'textWrap', 'Kết quả': 'center', 'Chi tiết': 'textWrap' });
  });

  it('the funding checks: passed, failed, or not checkable for want of figures', async () => {
    const checks: BudgetChecks = {
      checks: [
        { id: 'a', label: 'Tỷ lệ 75%', passed: true, detail: '80%' },
        { id: 'b', label: 'Mức tăng 10%', passed: false, detail: 'tăng 15%' },
        { id: 'c', label: 'Biểu III.1', passed: undefined, detail: 'Chưa có III.1' },
      ],
      findings: [],
    };
    expect(tableOf(await shown(reportLayout(plan(), checks)), 'Kiểm tra nguồn vốn')).toEqual([
      { STT: 1, 'Nội dung kiểm tra': 'Tỷ lệ 75%', 'Kết quả': 'Đạt', 'Chi tiết': '80%' },
      { STT: 2, 'Nội dung kiểm tra': 'Mức tăng 10%', 'Kết quả': 'Không đạt', 'Chi tiết': 'tăng 15%' },
      { STT: 3, 'Nội dung kiểm tra': 'Biểu III.1', 'Kết quả': 'Chưa kiểm tra được', 'Chi tiết': 'Chưa có III.1' },
    ]);
    expect(tableOf(await shown(reportLayout(plan())), 'Kiểm tra nguồn vốn')).toEqual([]);
  });
});

describe('II.6.C with the other programs the plan uses', () => {
  const province = act('p1', { fundSource: 'Ngân sách tỉnh', fundingGroup: 'recurrent', total: 50_000, contribution: 0, budget: 50_000, proposed: 0 });

  it("the handbook's \"…\" line replaced by one line per other program, numbered on; none when the plan uses none", () => {
    const needs = fundingNeeds([province, act('n1', { fundSource: 'CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi' })], '2026-2030');
    const others = Object.values(needs).filter((l) => l.key.startsWith('programme-other:'));
    expect(others).toHaveLength(1);
    const rowsOf = (n: FundingNeeds) => {
      const table = ii6cForm(n, '2026-2030').blocks.find((b) => b.kind === 'table' && b.key === 'sources');
      return table && table.kind === 'table' ? table.rows : [];
    };
    const rows = rowsOf(needs);
    expect(rows.some((r) => r.kind === 'entry')).toBe(false);
    const line = rows.find((r) => r.kind === 'fixed' && r.key === others[0].key);
    expect(line).toEqual({ kind: 'fixed', key: others[0].key, ...(others[0].code ? { code: others[0].code } : {}), label: others[0].label, depth: others[0].depth });
    // The line sits right after Dự án ODA/NGO, as in the handbook.
    const keys = rows.map((r) => (r.kind === 'fixed' ? r.key : r.kind));
    expect(keys[keys.indexOf('programme-oda-ngo') + 1]).toBe(others[0].key);
    const none = rowsOf(fundingNeeds([act('n1')], '2026-2030'));
    expect(none.some((r) => r.kind === 'entry' || (r.kind === 'fixed' && r.key.startsWith('programme-other:')))).toBe(false);
    expect(none.length).toBe(rows.length - 1);
  });

  it("the sums: III adds every program line, others included; II and the grand total as the form's roll-ups", () => {
    const needs = fundingNeeds([province], '2026-2030');
    const sums = ii6cSums(needs);
    expect(sums.programmes).toEqual(Object.keys(needs).filter((k) => k.startsWith('programme-')));
    expect(sums.programmes.some((k) => k.startsWith('programme-other:'))).toBe(true);
    expect(sums.programmes).not.toContain('programmes');
    expect(sums.investment).toEqual(['investment-construction', 'investment-other']);
    expect(sums['grand-total']).toEqual(['recurrent', 'investment', 'unknown-source', 'community-funded']);
  });
});

describe('what writePlan records for the next run', () => {
  const situation: PlanSituation = { key: 's1', topic: 'csht', sector: 'Giao thông', strengths: [], difficulty: 'Đường lầy lội', causes: ['Đường đất'], solutions: [], origins: [], sources: [] };
  const rows = [
    act('k1', { fundingGroup: 'investment-ongoing', budget: 90, proposed: 0, fundSource: 'Ngân sách tỉnh', mechanism: 'Dân góp công' }),
    // A state typed beside a row of A (no drop-down there): not one of II.6.A's project states.
    act('k2', { group: 'no-outside-money', topic: 'kinh-te', sector: 'Trồng trọt', total: 10, contribution: 10, support: 0, budget: 0, proposed: 0, sourceClass: 'csht|giao thong', fundingGroup: 'recurrent' }),
    act('k3', { budget: 0, proposed: 90 }),
    act('', { activity: 'Lắp đèn đường', status: 'manual', fundingGroup: 'recurrent', budget: 90, proposed: 0, fundSource: 'Ngân sách xã' }),
    act('v1', { status: 'vanished', fundingGroup: 'investment-new', budget: 90, proposed: 0, fundSource: 'Ngân sách xã' }),
  ];
  const thePlan = plan({
    planYear: 2027,
    activities: rows,
    situations: [situation, { ...situation, key: 's2', difficulty: 'Thiếu nước', sourceDigest: 'd|i|g|e|st' }],
    suggestions: [
      { id: 'a+b', keys: ['a', 'b'], activity: 'x', quantityText: '', place: '', total: 0, accepted: true },
      { id: 'c+d', keys: ['c', 'd'], activity: 'y', quantityText: '', place: '', total: 0, accepted: false },
    ],
    situationSuggestions: [{ id: 's3+s4', keys: ['s3', 's4'], difficulties: [], topic: 'csht', accepted: true }],
    meetings: [
      { key: 'hop:thon a', unit: 'Thôn A', valid: false, reason: '', sheet: 'Thôn A - I.3', rows: 1, confirmed: true },
      { key: 'hop:thon b', unit: 'Thôn B', valid: false, reason: '', sheet: 'Thôn B - I.3', rows: 1, confirmed: false },
    ],
  });

  it("each keyed row's commune columns, split, topic and sector, II.6.A's states; II.4.A's cells; merges accepted; lists confirmed", async () => {
    const wb = new MemoryWorkbook();
    const written = await writePlan(wb, thePlan, { planYear: 2027, communeName: 'Xã Tân Lập', upperLevelName: 'Tỉnh Lào Cai' });
    const state = await wb.readState();
    expect(state).toMatchObject({ planYear: 2027, unitName: 'Xã Tân Lập', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai', sheetForms: { 'II.4.A': 'II.4.A', 'II.4.B': 'II.4.B', 'II.6.A': 'II.6.A', 'II.6.B': 'II.6.B', 'II.6.C': 'II.6.C' } });
    const extra = state.extra ?? {};
    const keyed = rows.filter((a) => a.key !== '');
    expect(extra.acceptedMerges).toEqual([['a', 'b'], ['s3', 's4']]);
    expect(extra.confirmedMeetings).toEqual(['hop:thon a']);
    expect(extra.communeColumns).toEqual(Object.fromEntries(keyed.map((a) => [a.key, communeColumnsDigest(a)])));
    expect(extra.writtenSplits).toEqual({ k1: '90|0', k2: '0|0', k3: '0|90', v1: '90|0' });
    expect(extra.writtenClasses).toEqual({ k1: classDigest(rows[0]), k2: 'csht|giao thong', k3: classDigest(rows[2]), v1: classDigest(rows[4]) });
    expect(extra.writtenSituations).toEqual({ s1: situationDigest(situation), s2: 'd|i|g|e|st' });
    expect(extra.writtenGroups).toEqual({ k1: 'investment-ongoing' });
    // Rows no source proposes any more stay in II.4.B only; the hand-typed one goes on to II.6.A.
    expect(written.ii6a.map((a) => a.key)).toEqual(['k1', 'k2', '']);
    expect(written.ii6b.map((a) => a.key)).toEqual(['k3']);
    expect(written.sheets).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C', REPORT_SHEET]);
    expect(written.keptCopies).toEqual([]);
    expect(written.checks).toEqual({ checks: [], findings: [] });
    // A first run replaces nothing: there is nothing to undo.
    expect(extra.lastChange).toBeUndefined();
    // II.4.A holds the situations.
    const [ii4a] = await wb.readSheets(['II.4.A']);
    expect(ii4a.values.flat()).toEqual(expect.arrayContaining(['Đường lầy lội', 'Thiếu nước', 's1', 's2']));
  });

  it('a re-run keeps each replaced sheet as its copy and records how to undo it: the sheets and the records as they were', async () => {
    const wb = new MemoryWorkbook();
    await writePlan(wb, thePlan, { planYear: 2027 });
    const first = (await wb.readState()).extra ?? {};
    // A copy recorded as a plan form (as when the add-in once recognised it) would be read as the plan next time.
    const recorded = await wb.readState();
    await wb.writeState({ ...recorded, sheetForms: { ...recorded.sheetForms, 'II.4.B (cũ)': 'II.4.B' } });
    const again = await writePlan(wb, { ...thePlan, suggestions: [] }, { planYear: 2027, checks: (ii6a) => ({ checks: [{ id: 'n', label: 'Số dòng II.6.A', passed: true, detail: String(ii6a.length) }], findings: [] }) });
    expect(again.keptCopies).toEqual(['II.4.A (cũ)', 'II.4.B (cũ)', 'II.6.A (cũ)', 'II.6.B (cũ)', 'II.6.C (cũ)', `${REPORT_SHEET} (cũ)`]);
    expect(again.checks.checks.map((c) => c.detail)).toEqual(['3']);
    const state = await wb.readState();
    expect(Object.keys(state.sheetForms ?? {}).some((n) => n.includes('(cũ)'))).toBe(false);
    const change = state.extra?.lastChange as { action: string; at: string; sheets: unknown; extra: Record<string, unknown> };
    expect(change.action).toBe('consolidate');
    expect(change.at).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(change.sheets).toEqual(again.sheets.map((sheet) => ({ sheet, copy: `${sheet} (cũ)` })));
    expect(change.extra).toEqual({
      acceptedMerges: first.acceptedMerges,
      communeColumns: first.communeColumns,
      writtenSplits: first.writtenSplits,
      writtenSituations: first.writtenSituations,
      writtenClasses: first.writtenClasses,
      writtenGroups: first.writtenGroups,
      findings: null,
    });
    expect(state.extra?.acceptedMerges).toEqual([['s3', 's4']]);
  });

  it('the period given wins over the year; the level above is not replaced once the workbook has one; no name, no year: none recorded', async () => {
    const wb = MemoryWorkbook.fromArrays({}, { state: { upperLevelName: 'Huyện Bảo Yên', sheetForms: { 'Thôn A - I.2': 'I.2' }, extra: { checklist: { ranked: true } } } });
    await writePlan(wb, plan(), { planYear: 2027, period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai' });
    // What the state knew of the other sheets and of the workflow is kept.
    expect(await wb.readState()).toMatchObject({ period: '2021-2025', upperLevelName: 'Huyện Bảo Yên', planYear: 2027, sheetForms: { 'Thôn A - I.2': 'I.2', 'II.4.B': 'II.4.B' }, extra: { checklist: { ranked: true } } });
    // The report names the period and the level above it was given.
    expect(linesOf((await wb.readSheets([REPORT_SHEET]))[0])[1]).toBe(
      'Giai đoạn chương trình: 2021-2025 (CTMTQG xây dựng nông thôn mới, giảm nghèo bền vững, phát triển KT-XH vùng đồng bào DTTS và miền núi); cấp trên của xã: Tỉnh Lào Cai.',
    );
    // A re-run given no year keeps the year the workbook has.
    await writePlan(wb, plan(), { period: '2021-2025' });
    expect((await wb.readState()).planYear).toBe(2027);
    const bare = new MemoryWorkbook();
    await writePlan(bare, plan());
    expect(linesOf((await bare.readSheets([REPORT_SHEET]))[0])[1]).toBe('Giai đoạn chương trình: 2026-2030 (CTMTQG hợp nhất theo Nghị quyết 257/2025/QH15).');
    const state = await bare.readState();
    expect(state).not.toHaveProperty('planYear');
    expect(state).not.toHaveProperty('unitName');
    expect(state).not.toHaveProperty('upperLevelName');
  });
});

describe('the sheets writePlan writes', () => {
  const rows = [
    act('k1', { fundingGroup: 'recurrent', budget: 90, proposed: 0, fundSource: 'Ngân sách tỉnh' }),
    act('v1', { status: 'vanished', fundingGroup: 'recurrent', total: 7_000, budget: 90, proposed: 0, fundSource: 'Ngân sách tỉnh' }),
  ];

  it("II.6.C in triệu đồng from the rows II.6.A and II.6.B hold (not those no longer proposed), III said to be inside I and II; the commune and year on every sheet", async () => {
    const wb = new MemoryWorkbook();
    await writePlan(wb, plan({ activities: rows }), { planYear: 2027, communeName: 'Xã Tân Lập' });
    const [c] = await wb.readSheets(['II.6.C']);
    const line = (code: string) => c.values.find((r) => r[0] === code);
    expect(line('I')?.slice(2)).toEqual([0.1, 0.01, 0.09, 0, null]);
    expect(line('III')?.slice(2)).toEqual([0.1, 0.01, 0.09, 0, II6C_PROGRAMMES_NOTE]);
    expect(c.values.some((r) => r[1] === 'Chương trình đầu tư của tỉnh')).toBe(true);
    // II, III and the grand total are sums of their lines, so they stay right when the commune edits a line.
    const formulasOf = (code: string | null, label?: string) => {
      const i = c.values.findIndex((r) => r[0] === code && (label === undefined || r[1] === label));
      return c.formulas?.[i]?.slice(2, 6);
    };
    for (const [code, label] of [['II'], ['III'], [null, 'Tổng nhu cầu tài chính năm kế hoạch (X+1)']] as const) {
      expect(formulasOf(code, label)?.every((f) => typeof f === 'string' && f.startsWith('SUM('))).toBe(true);
    }
    for (const name of ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C']) {
      const [d] = await wb.readSheets([name]);
      expect(d.values.flat()).toContain('Xã: Tân Lập');
      expect(d.values.flat()).toContain('Năm kế hoạch (X+1): 2027');
      expect(d.values.flat().includes(KEY_COLUMN_HEADER)).toBe(name !== 'II.6.C');
    }
  });

  it("Tên nguồn vốn offers the period's sources; II.6.A's project state offers the five states in the form's order", async () => {
    const wb = new MemoryWorkbook();
    await writePlan(wb, plan({ activities: rows }), { planYear: 2027 });
    const lists = (name: string) => wb.sheet(name).validations.flatMap((v) => (v.kind === 'list' ? [v.values] : []));
    for (const name of ['II.4.B', 'II.6.A']) expect(lists(name)).toContainEqual(fundSourceChoices('2026-2030'));
    expect(lists('II.6.A')).toContainEqual(['Đã hoàn thành, bàn giao nhưng chưa đủ vốn', 'Dự kiến hoàn thành trong năm kế hoạch', 'Dự án chuyển tiếp', 'Dự án khởi công mới', 'Vốn sự nghiệp (không phải dự án đầu tư)']);
  });
});
