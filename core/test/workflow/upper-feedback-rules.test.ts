/**
 * What a commune gets when it reads back the province's answer (feedback-read.ts), rule by rule:
 * cells retyped with stray spaces, captions not in the first column, conclusions whose parenthesis
 * is not the office, which tab of a received file is the feedback, lines that match no plan row,
 * and the answer written beside each row of II.6.A and II.6.B for every verdict.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue, SheetData } from '../../src/port/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { FeedbackLine } from '../../src/workflow/upper-level';
import { tanLap } from './fixtures/communes';
import { FEEDBACK_COLUMNS, FEEDBACK_TABLE, REJECTED_FLAG, UPPER_FEEDBACK_HEADER, UPPER_FEEDBACK_SHEET, applyUpperFeedback, matchFeedback, readFeedbackSheet, readFeedbackTable, readUpperFeedback } from '../../src/workflow/upper-level';

const sheet = (name: string, values: CellValue[][]): SheetData => ({ name, top: 0, left: 0, values, errors: [], merges: [] });

const A_CAPTION = 'A. Các vấn đề Tỉnh Lào Cai tiếp thu và đưa vào kế hoạch:';
const B_CAPTION = 'B. Những vấn đề Tỉnh Lào Cai chưa tiếp thu:';

describe('a feedback sheet retyped by hand', () => {
  it('trims the spaces typed around an activity, an office and a conclusion', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Tân Lập', [
        [B_CAPTION],
        ['TT', 'Giải pháp/Hoạt động', 'Kết luận của Tỉnh Lào Cai', 'Lý do Tỉnh Lào Cai chưa tiếp thu'],
        [1, '  Hỗ trợ giống lúa lai ', 'Không đồng ý ( Sở Nông nghiệp và Môi trường )', ' Trùng chương trình của tỉnh '],
      ]),
    );
    expect(f?.lines).toEqual([
      { verdict: 'rejected', activity: 'Hỗ trợ giống lúa lai', opinion: 'Không đồng ý', office: 'Sở Nông nghiệp và Môi trường', reason: 'Trùng chương trình của tỉnh', where: 'Phản hồi - Xã Tân Lập!B3' },
    ]);
  });

  it('takes as the office only a parenthesis that ends the conclusion', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Tân Lập', [
        [B_CAPTION],
        ['TT', 'Giải pháp/Hoạt động', 'Kết luận của Tỉnh Lào Cai'],
        [1, 'Làm sân bóng', 'Không đồng ý (Sở Văn hóa) và đề nghị xã bố trí vốn khác'],
        [2, 'Mua loa truyền thanh', 'Chưa đồng ý (Sở Văn hóa).'],
      ]),
    );
    expect(f?.lines.map((l) => [l.activity, l.opinion, l.office])).toEqual([
      ['Làm sân bóng', 'Không đồng ý (Sở Văn hóa) và đề nghị xã bố trí vốn khác', undefined],
      ['Mua loa truyền thanh', 'Chưa đồng ý (Sở Văn hóa).', undefined],
    ]);
  });

  it('finds a caption pasted one column to the right, and an office header with words after it', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Cốc Ly', [
        [null, A_CAPTION],
        [null, 'Giải pháp/Hoạt động', 'Phòng/ban thẩm định (cấp tỉnh)'],
        [null, 'Cứng hóa kênh mương', 'Sở Nông nghiệp và Môi trường'],
      ]),
    );
    expect(f?.lines).toEqual([{ verdict: 'accepted', activity: 'Cứng hóa kênh mương', office: 'Sở Nông nghiệp và Môi trường', where: 'Phản hồi - Xã Cốc Ly!B3' }]);
  });

  it('keeps the letterhead as the upper level: a copy sent to the commune lower down does not replace it', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Tân Lập', [
        ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI'],
        ['PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP NĂM 2027'],
        ['Sao gửi: ỦY BAN NHÂN DÂN XÃ TÂN LẬP'],
      ]),
    );
    expect(f).toEqual({ sheet: 'Phản hồi - Xã Tân Lập', commune: 'XÃ TÂN LẬP', upperLevel: 'TỈNH LÀO CAI', planYear: 2027, lines: [] });
  });
});

/** A printable feedback for `commune`, one accepted activity per name. */
const printed = (commune: string, ...activities: string[]): CellValue[][] => [
  ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI'],
  [`PHẢN HỒI KẾ HOẠCH ${commune.toUpperCase()} NĂM 2027`],
  [`Kính gửi: Ủy ban nhân dân ${commune}`],
  [A_CAPTION],
  ['TT', 'Giải pháp/Hoạt động', 'Ghi chú'],
  ...activities.map((a, i): CellValue[] => [i + 1, a, 'Ưu tiên cấp trên: 1; Trong khả năng vốn']),
];

describe('the feedback found in a workbook', () => {
  const table = (rows: [string, string, string][]): CellValue[][] => [
    FEEDBACK_COLUMNS.map((c) => c.header),
    ...rows.map(([commune, activity, verdict]) => FEEDBACK_COLUMNS.map((c): CellValue => (c.key === 'commune' ? commune : c.key === 'activity' ? activity : c.key === 'verdict' ? verdict : null))),
  ];

  it('is the tab sent to the commune; its older copies, the commune\'s own sheet and any other titled sheet are left aside', async () => {
    const wb = MemoryWorkbook.fromArrays({
      [UPPER_FEEDBACK_SHEET]: printed('Xã Tân Lập', 'Sửa đường cũ'),
      'Phản hồi - Xã Tân Lập (cũ)': printed('Xã Tân Lập', 'Làm cầu cũ'),
      'Phản hồi - Xã Tân Lập (cũ 12)': printed('Xã Tân Lập', 'Làm cầu rất cũ'),
      'Phản hồi - Xã Tân Lập': printed('Xã Tân Lập', 'Cứng hóa kênh mương'),
      'Phiếu phản hồi': printed('Xã Tân Lập', 'Nhà văn hóa'),
      [FEEDBACK_TABLE]: table([['Xã Tân Lập', 'Chợ', 'Đồng ý']]),
    });
    const all = await readUpperFeedback(wb);
    expect(all.map((f) => [f.sheet, f.commune, f.upperLevel, f.planYear, f.lines.map((l) => [l.activity, l.upperPriority, l.withinFunds])])).toEqual([
      ['Phản hồi - Xã Tân Lập', 'Xã Tân Lập', 'TỈNH LÀO CAI', 2027, [['Cứng hóa kênh mương', 1, true]]],
    ]);
  });

  it('is a tab sent to the commune even when the province listed no activity in it', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'Phản hồi - Xã Cốc Ly': printed('Xã Cốc Ly'), 'Phiếu phản hồi': printed('Xã Cốc Ly', 'Làm cầu') });
    expect((await readUpperFeedback(wb)).map((f) => [f.sheet, f.lines.length])).toEqual([['Phản hồi - Xã Cốc Ly', 0]]);
  });

  it('is the province\'s table, one per commune, when no tab was sent; an empty table gives way to a titled sheet', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Phiếu phản hồi': printed('Xã Tân Lập', 'Nhà văn hóa'),
      [FEEDBACK_TABLE]: table([
        ['Xã Tân Lập', 'Cứng hóa kênh mương', 'Đồng ý'],
        ['Xã Hòa Bình', 'Làm cầu', 'Chưa tiếp thu'],
      ]),
    });
    expect((await readUpperFeedback(wb)).map((f) => [f.sheet, f.commune, f.lines.map((l) => [l.activity, l.verdict])])).toEqual([
      [FEEDBACK_TABLE, 'Xã Tân Lập', [['Cứng hóa kênh mương', 'accepted']]],
      [FEEDBACK_TABLE, 'Xã Hòa Bình', [['Làm cầu', 'rejected']]],
    ]);
    const empty = MemoryWorkbook.fromArrays({ [FEEDBACK_TABLE]: table([]), 'Bản sao': [['Ghi chú']], 'Phiếu phản hồi': printed('Xã Tân Lập', 'Nhà văn hóa'), 'Phiếu trống': printed('Xã Tân Lập') });
    expect((await readUpperFeedback(empty)).map((f) => [f.sheet, f.lines.map((l) => l.activity)])).toEqual([['Phiếu phản hồi', ['Nhà văn hóa']]]);
    expect(await readUpperFeedback(MemoryWorkbook.fromArrays({ 'Ghi chú': [['Biên bản họp']] }))).toEqual([]);
  });
});

describe('a feedback line no plan row answers', () => {
  const row = (form: 'II.6.A' | 'II.6.B', r: number, activity: string, key?: string) => ({ form, sheet: form, row: r, activity, ...(key ? { key } : {}) });
  const fl = (activity: string, extra: Partial<FeedbackLine> = {}): FeedbackLine => ({ verdict: 'accepted', activity, where: 'Phản hồi - Xã Tân Lập!C7', ...extra });

  it('is matched to nothing, even with rows left over, when neither its key nor its name is in the plan', () => {
    const rows = [row('II.6.A', 8, 'Cứng hóa kênh mương', 'r-kenh'), row('II.6.B', 9, 'Xây dựng nhà văn hóa thôn', 'r-nvh')];
    const m = matchFeedback([fl('Làm sân bóng'), fl('Mua loa', { key: 'r-loa' }), fl('Cứng hóa kênh mương', { key: 'r-kenh' })], rows);
    expect(m).toEqual([undefined, undefined, rows[0]]);
  });
});

describe("the province's answer on each row of Tân Lập's plan", () => {
  /** The answer written beside each row key of a plan sheet. */
  async function beside(wb: MemoryWorkbook, form: string): Promise<Map<string, string>> {
    const [d] = await wb.readSheets([form]);
    const h = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const k = d.values[h].indexOf(KEY_COLUMN_HEADER);
    expect(d.values[h][k + 1]).toBe(UPPER_FEEDBACK_HEADER);
    const out = new Map<string, string>();
    for (const r of d.values.slice(h + 1)) if (typeof r[k] === 'string' && r[k] !== '') out.set(String(r[k]), r[k + 1] === null || r[k + 1] === undefined ? '' : String(r[k + 1]));
    return out;
  }

  it('says for every verdict and every place within the funds what the commune does, and flags what it cannot find', async () => {
    const a = await tanLap();
    const key = (starts: string) => a.result.plan.activities.find((x) => x.activity.startsWith(starts))?.key as string;
    const where = 'Phản hồi - Xã Tân Lập!C9';
    const lines: FeedbackLine[] = [
      { verdict: 'accepted', activity: 'Cứng hóa kênh mương (Thôn A)', office: 'Sở Nông nghiệp và Môi trường', reason: 'Đúng định mức', withinFunds: false, key: key('Cứng hóa kênh mương'), where },
      { verdict: 'rejected', activity: 'Bê tông hóa đường liên thôn (Thôn B)', opinion: 'Không đồng ý', reason: 'Đã có trong kế hoạch của huyện', key: key('Bê tông hóa'), where },
      { verdict: 'accepted', activity: 'Xây dựng nhà văn hóa thôn (Thôn A)', upperPriority: 2, withinFunds: true, key: key('Xây dựng nhà văn hóa'), where },
      { verdict: 'accepted', activity: 'Hỗ trợ giống lúa (Thôn A)', upperPriority: 7, withinFunds: false, key: key('Hỗ trợ giống lúa (Thôn A)'), where },
      { verdict: 'accepted', activity: 'Hỗ trợ giống lúa lai (Thôn B)', key: key('Hỗ trợ giống lúa lai'), where },
      { verdict: 'rejected', activity: 'Làm sân bóng (Thôn C)', reason: 'Không có trong kế hoạch xã', where },
    ];
    const r = await applyUpperFeedback(a.wb, { sheet: 'Phản hồi - Xã Tân Lập', commune: 'Xã Tân Lập', upperLevel: 'TỈNH LÀO CAI', planYear: 2027, lines });
    expect(r).toMatchObject({ sheet: UPPER_FEEDBACK_SHEET, feedbackSheet: 'Phản hồi - Xã Tân Lập', commune: 'Xã Tân Lập', upperLevel: 'TỈNH LÀO CAI', accepted: 4, rejected: 2, pending: 0, unmatched: 1, noted: 5 });
    expect(r.matches.map((m) => [m.line.activity, m.row?.form, m.action, m.move])).toEqual([
      ['Cứng hóa kênh mương (Thôn A)', 'II.6.A', 'Cấp trên đồng ý: giữ trong II.6.A.', false],
      ['Bê tông hóa đường liên thôn (Thôn B)', 'II.6.A', `Cấp trên chưa tiếp thu: xã xem lại (bỏ, sửa, hoặc tìm nguồn vốn khác) trước khi hoàn thiện kế hoạch; dòng được đánh dấu "${REJECTED_FLAG}" ở II.6.A.`, false],
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'II.6.B', 'Cấp trên đồng ý và trong khả năng vốn: chuyển sang II.6.A (ghi Ngân sách và Tên nguồn vốn ở II.4.B, rồi tổng hợp lại).', true],
      ['Hỗ trợ giống lúa (Thôn A)', 'II.6.B', 'Cấp trên đồng ý nhưng ngoài khả năng vốn năm nay: giữ trong II.6.B.', false],
      ['Hỗ trợ giống lúa lai (Thôn B)', 'II.6.B', 'Cấp trên đồng ý: giữ trong II.6.B cho đến khi có nguồn vốn.', false],
      ['Làm sân bóng (Thôn C)', undefined, 'Không tìm thấy trong II.6.A, II.6.B của xã (đã đổi tên hoặc đã bỏ?): xã đối chiếu lại.', false],
    ]);
    const ii6a = await beside(a.wb, 'II.6.A');
    expect(ii6a.get(key('Cứng hóa kênh mương'))).toBe('Đồng ý; Sở Nông nghiệp và Môi trường; ngoài khả năng vốn năm nay');
    expect(ii6a.get(key('Bê tông hóa'))).toBe(`${REJECTED_FLAG}; lý do: Đã có trong kế hoạch của huyện`);
    const ii6b = await beside(a.wb, 'II.6.B');
    expect(ii6b.get(key('Xây dựng nhà văn hóa'))).toBe('Đồng ý; ưu tiên cấp trên 2; trong khả năng vốn; → chuyển sang II.6.A');
    expect(ii6b.get(key('Hỗ trợ giống lúa (Thôn A)'))).toBe('Đồng ý; ưu tiên cấp trên 7; ngoài khả năng vốn năm nay');
    expect(ii6b.get(key('Hỗ trợ giống lúa lai'))).toBe('Đồng ý');
  }, 30_000);
});

describe("the commune's own plan forms", () => {
  it('are never taken for the feedback, even with a caption and a table typed under them', async () => {
    const a = await tanLap();
    const [d] = await a.wb.readSheets(['II.6.B']);
    const below = d.top + d.values.length + 2;
    await a.wb.writeValues([{ sheet: 'II.6.B', row: below, col: d.left, values: [[A_CAPTION, null], ['Giải pháp/Hoạt động', 'Ghi chú'], ['Xây dựng nhà văn hóa thôn', 'Ưu tiên cấp trên: 1']] }]);
    expect(await readUpperFeedback(a.wb)).toEqual([]);
  }, 30_000);
});

describe('a feedback table and what ends it', () => {
  it('stops at the blank row before the signatures; keeps a money cell as typed; says nothing of a year or total it was not given', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Tân Lập', [
        [A_CAPTION],
        ['TT', 'Giải pháp/Hoạt động', 'Tổng số (1.000 đồng)'],
        [1, 'Cứng hóa kênh mương', 1234.5],
        [2, 'Hỗ trợ phân bón', null],
        [null, null, ' '],
        [null, 'Người lập biểu', 'Thủ trưởng đơn vị'],
      ]),
    );
    expect(f?.lines.map((l) => [l.activity, l.total])).toEqual([
      ['Cứng hóa kênh mương', 1234.5],
      ['Hỗ trợ phân bón', undefined],
    ]);
    expect(f?.lines[1]).not.toHaveProperty('total');
    expect(f).not.toHaveProperty('planYear');
    expect(f).not.toHaveProperty('commune');
    expect(f).not.toHaveProperty('upperLevel');
  });
});

describe('a plan whose key column was deleted', () => {
  it('is matched by name, and gets no answer beside its rows', async () => {
    const a = await tanLap();
    const [d] = await a.wb.readSheets(['II.6.A']);
    const h = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const k = d.values[h].indexOf(KEY_COLUMN_HEADER);
    await a.wb.writeValues([{ sheet: 'II.6.A', row: d.top, col: d.left + k, values: d.values.map(() => [null]) }]);
    const where = 'Phản hồi - Xã Tân Lập!C9';
    const r = await applyUpperFeedback(a.wb, {
      sheet: 'Phản hồi - Xã Tân Lập',
      commune: 'Xã Tân Lập',
      lines: [
        { verdict: 'accepted', activity: 'Cứng hóa kênh mương (Thôn A)', key: 'v:thon a|cung hoa kenh muong|m', where },
        { verdict: 'pending', activity: 'Hỗ trợ giống lúa lai (Thôn B)', where },
      ],
    });
    expect(r.matches.map((m) => [m.row?.form, m.row?.key, m.action])).toEqual([
      ['II.6.A', undefined, 'Cấp trên đồng ý: giữ trong II.6.A.'],
      ['II.6.B', 'v:thon b|ho tro giong lua lai|kg', 'Đang chờ ý kiến thẩm định của cấp trên: giữ nguyên.'],
    ]);
    expect(r).toMatchObject({ accepted: 1, pending: 1, unmatched: 0, noted: 1 });
    const [after] = await a.wb.readSheets(['II.6.A']);
    expect(after.values.some((row) => row.includes(UPPER_FEEDBACK_HEADER))).toBe(false);
  }, 30_000);
});

describe("the province's table read without the workbook's year", () => {
  it('names the commune and no year or province it was not given', () => {
    const d = sheet(FEEDBACK_TABLE, [
      FEEDBACK_COLUMNS.map((c) => c.header),
      FEEDBACK_COLUMNS.map((c): CellValue => (c.key === 'commune' ? 'Xã Cốc Ly' : c.key === 'activity' ? 'Sửa chữa trạm y tế' : c.key === 'verdict' ? 'Đồng ý' : null)),
    ]);
    const [f, ...others] = readFeedbackTable(d);
    expect(others).toEqual([]);
    expect(f).toMatchObject({ sheet: FEEDBACK_TABLE, commune: 'Xã Cốc Ly', lines: [{ verdict: 'accepted', activity: 'Sửa chữa trạm y tế' }] });
    expect(f).not.toHaveProperty('planYear');
    expect(f).not.toHaveProperty('upperLevel');
    expect(readFeedbackTable(d, '', 2027)[0]).toMatchObject({ planYear: 2027 });
    expect(readFeedbackTable(d, '', 2027)[0]).not.toHaveProperty('upperLevel');
  });
});
