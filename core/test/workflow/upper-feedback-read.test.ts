/**
 * The upper level's feedback read by the commune (feedback-read.ts), on sheets as a commune
 * receives or retypes them: the printable feedback read table by table (A accepted, B not accepted
 * with the conclusion and the reason, C waiting), each line's cell; the province's feedback table
 * read per commune; the feedback meant for a commune among several; each line matched to the
 * plan's row by key, else by name in the form it names, else by name.
 */
import type { CellValue, SheetData } from '../../src/port/types';
import type { FeedbackLine } from '../../src/workflow/upper-level';
import { FEEDBACK_COLUMNS, feedbackFor, matchFeedback, readFeedbackSheet, readFeedbackTable } from '../../src/workflow/upper-level';

const sheet = (name: string, values: CellValue[][], top = 0, left = 0): SheetData => ({ name, top, left, values, errors: [], merges: [] });

describe('a feedback sheet', () => {
  it('is read table by table: its commune, upper level and year, each line with its answer and cell', () => {
    const d = sheet(
      'Phản hồi - Xã Tân Lập',
      [
        ['PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP NĂM 2027'],
        ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI '],
        [null, 'Kính gửi: Ủy ban nhân dân  Xã Tân Lập '],
        ['Đồng ý: 2 hoạt động; chưa tiếp thu: 1; đang chờ ý kiến: 1.'],
        ['A. Các vấn đề Tỉnh Lào Cai tiếp thu và đưa vào kế hoạch:'],
        ['TT', 'Khó khăn', 'Giải pháp/Hoạt động', 'Biểu', 'Tổng số (1.000 đồng)', 'Phòng/ban thẩm định', 'Ghi chú', 'Mã dòng (LKH)'],
        [1, 'Thiếu nước tưới', 'Cứng hóa kênh mương', 'II.6.A', 150000, 'Sở Nông nghiệp', 'Ưu tiên cấp trên: 2; Trong khả năng vốn', 'r-kenh'],
        [2, null, 'Xây dựng nhà văn hóa thôn', 'II.6.B', '350.000', null, 'Ưu tiên cấp trên: 12; Ngoài khả năng vốn năm nay', null],
        [3, null, null, 'II.6.B', 5],
        [4, null, 'Hỗ trợ phân bón', 'II.4.B', 'chưa rõ', null, 'Trong khả năng vốn'],
        [],
        ['B. Những vấn đề Tỉnh Lào Cai chưa tiếp thu:'],
        ['TT', 'Khó khăn', 'Giải pháp/Hoạt động', 'Biểu', 'Kết luận của Tỉnh Lào Cai', 'Lý do Tỉnh Lào Cai chưa tiếp thu', 'Mã dòng (LKH)'],
        [1, null, 'Hỗ trợ giống lúa lai', 'II.6.B', 'Không đồng ý (Sở Nông nghiệp và Môi trường)', 'Trùng chương trình của tỉnh', 'r-lua'],
        [2, null, 'Làm sân bóng', null, 'Chưa đồng ý', null, null],
        [3, null, 'Mua loa', null, '(Phòng Văn hóa)', null, null],
        ['C. Các hoạt động đang chờ ý kiến thẩm định của Tỉnh Lào Cai:'],
        ['TT', 'Khó khăn', 'Giải pháp/Hoạt động', 'Biểu', 'Tổng số (1.000 đồng)', 'Phòng/ban thẩm định', 'Ghi chú', 'Mã dòng (LKH)'],
        [1, null, 'Bê tông hóa đường liên thôn', 'II.6.B', 90000, null, null, 'r-duong'],
        ['A. Một dòng chữ bắt đầu như tiêu đề, không có bảng'],
        ['Ghi chú cuối trang'],
      ],
      2,
      1,
    );
    const f = readFeedbackSheet(d);
    expect(f).toEqual({
      sheet: 'Phản hồi - Xã Tân Lập',
      commune: 'Xã Tân Lập',
      upperLevel: 'TỈNH LÀO CAI',
      planYear: 2027,
      lines: [
        { verdict: 'accepted', activity: 'Cứng hóa kênh mương', form: 'II.6.A', difficulty: 'Thiếu nước tưới', total: 150000, office: 'Sở Nông nghiệp', upperPriority: 2, withinFunds: true, key: 'r-kenh', where: 'Phản hồi - Xã Tân Lập!D9' },
        { verdict: 'accepted', activity: 'Xây dựng nhà văn hóa thôn', form: 'II.6.B', total: 350000, upperPriority: 12, withinFunds: false, where: 'Phản hồi - Xã Tân Lập!D10' },
        { verdict: 'accepted', activity: 'Hỗ trợ phân bón', withinFunds: true, where: 'Phản hồi - Xã Tân Lập!D12' },
        { verdict: 'rejected', activity: 'Hỗ trợ giống lúa lai', form: 'II.6.B', opinion: 'Không đồng ý', office: 'Sở Nông nghiệp và Môi trường', reason: 'Trùng chương trình của tỉnh', key: 'r-lua', where: 'Phản hồi - Xã Tân Lập!D16' },
        { verdict: 'rejected', activity: 'Làm sân bóng', opinion: 'Chưa đồng ý', where: 'Phản hồi - Xã Tân Lập!D17' },
        { verdict: 'rejected', activity: 'Mua loa', office: 'Phòng Văn hóa', where: 'Phản hồi - Xã Tân Lập!D18' },
        { verdict: 'pending', activity: 'Bê tông hóa đường liên thôn', form: 'II.6.B', total: 90000, key: 'r-duong', where: 'Phản hồi - Xã Tân Lập!D21' },
      ],
    });
  });

  it('reads a remark retyped without its space; a remark silent on the funds gives no answer about them', () => {
    const f = readFeedbackSheet(
      sheet('Phản hồi - Xã Cốc Ly', [
        ['A. Các vấn đề Tỉnh Lào Cai tiếp thu và đưa vào kế hoạch:'],
        ['TT', 'Giải pháp/Hoạt động', 'Ghi chú'],
        [1, 'Sửa đường', 'Ưu tiên cấp trên:3'],
        [2, 'Làm cầu', 'Xã đã đồng ý'],
      ]),
    );
    expect(f?.lines.map((l) => [l.activity, l.upperPriority])).toEqual([
      ['Sửa đường', 3],
      ['Làm cầu', undefined],
    ]);
    for (const l of f?.lines ?? []) expect(l).not.toHaveProperty('withinFunds');
    expect(f?.lines[1]).not.toHaveProperty('upperPriority');
  });

  it('takes the commune from the title when no addressee is written, and is none without a title or a table', () => {
    const titled = readFeedbackSheet(sheet('Phiếu', [['PHẢN HỒI KẾ HOẠCH XÃ NÀ HANG'], ['Không có hoạt động nào.']]));
    expect(titled).toEqual({ sheet: 'Phiếu', commune: 'XÃ NÀ HANG', lines: [] });
    // Captions without a table under them are no feedback.
    expect(readFeedbackSheet(sheet('Ghi chú', [['A. Mục một'], ['B. Mục hai'], ['Nội dung']]))).toBeUndefined();
    expect(readFeedbackSheet(sheet('Ghi chú', [['A. Mục cuối trang']]))).toBeUndefined();
    // A table alone (the title cut off) is read; a caption needs its dot and a space.
    const bare = readFeedbackSheet(sheet('Dán lại', [['A.Không phải tiêu đề'], ['Hoạt động'], ['Làm cầu'], ['a. chữ thường'], ['Hoạt động'], ['Sửa đường'], ['C. Chờ'], ['Hoạt động', 'Tổng số'], ['Sửa trường', '2.500']]));
    expect(bare).toEqual({ sheet: 'Dán lại', lines: [{ verdict: 'pending', activity: 'Sửa trường', total: 2500, where: 'Dán lại!A9' }] });
    // The title's commune gives way to the addressee's, wherever it comes in the first rows.
    const both = readFeedbackSheet(sheet('P', [['Kính gửi: Ủy ban nhân dân Xã Cốc Ly'], ['PHẢN HỒI KẾ HOẠCH XÃ KHÁC NĂM 2026']]));
    expect(both).toMatchObject({ commune: 'Xã Cốc Ly', planYear: 2026 });
    const late = readFeedbackSheet(sheet('P', [...Array.from({ length: 12 }, () => ['…']), ['PHẢN HỒI KẾ HOẠCH XÃ CỐC LY']]));
    expect(late).toBeUndefined();
  });
});

describe("the province's feedback table", () => {
  const header = FEEDBACK_COLUMNS.map((c) => c.header);
  const line = (v: Partial<Record<(typeof FEEDBACK_COLUMNS)[number]['key'], CellValue>>): CellValue[] => FEEDBACK_COLUMNS.map((c) => v[c.key] ?? null);

  it('gives one feedback per commune, in the order met, each line with its answer, money, priority and place within the funds', () => {
    const d = sheet(
      'Phản hồi các xã',
      [
        header,
        line({ commune: 'Xã Tân Lập', form: 'II.6.B', activity: 'Nhà văn hóa', difficulty: 'Thiếu chỗ họp', total: 350000, verdict: 'Đồng ý', office: 'Sở Văn hóa', opinion: 'Đồng ý', upperPriority: 3, within: 'Không', key: 'tan lap|r-nvh' }),
        line({ commune: 'Xã Hòa Bình', form: 'II.6.A', activity: 'Đường', total: '400.000', verdict: 'Chưa tiếp thu', opinion: 'Không đồng ý', reason: 'Trùng', within: 'Có', key: 'r-duong' }),
        line({ commune: 'tân lập', activity: 'Giống lúa', total: 'nhiều', verdict: 'Chờ ý kiến', upperPriority: 'cao', within: 'chưa', key: 'hoa binh|r-x' }),
        line({ commune: 'Xã Tân Lập', activity: 'Kênh', verdict: 'ĐỒNG Ý', within: 'CÓ' }),
        line({ commune: 'Xã Tân Lập', activity: 'Cầu', verdict: 'Khác' }),
        line({ commune: 'Xã Tân Lập', activity: null, verdict: 'Đồng ý' }),
        line({ commune: null, activity: 'Không xã', verdict: 'Đồng ý' }),
      ],
      0,
      2,
    );
    const all = readFeedbackTable(d, 'Tỉnh Lào Cai', 2027);
    expect(all).toEqual([
      {
        sheet: 'Phản hồi các xã',
        commune: 'Xã Tân Lập',
        upperLevel: 'TỈNH LÀO CAI',
        planYear: 2027,
        lines: [
          { verdict: 'accepted', activity: 'Nhà văn hóa', form: 'II.6.B', difficulty: 'Thiếu chỗ họp', total: 350000, office: 'Sở Văn hóa', opinion: 'Đồng ý', upperPriority: 3, withinFunds: false, key: 'r-nvh', where: 'Phản hồi các xã!F2' },
          { verdict: 'pending', activity: 'Giống lúa', key: 'hoa binh|r-x', where: 'Phản hồi các xã!F4' },
          { verdict: 'accepted', activity: 'Kênh', withinFunds: true, where: 'Phản hồi các xã!F5' },
          { verdict: 'pending', activity: 'Cầu', where: 'Phản hồi các xã!F6' },
        ],
      },
      {
        sheet: 'Phản hồi các xã',
        commune: 'Xã Hòa Bình',
        upperLevel: 'TỈNH LÀO CAI',
        planYear: 2027,
        lines: [{ verdict: 'rejected', activity: 'Đường', form: 'II.6.A', total: 400000, opinion: 'Không đồng ý', reason: 'Trùng', withinFunds: true, key: 'r-duong', where: 'Phản hồi các xã!F3' }],
      },
    ]);
    // Without the workbook's upper level and year, none is said; without an "Hoạt động" header the cell is the table's first column.
    expect(readFeedbackTable(d).map((f) => [f.upperLevel, f.planYear])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    const noActivityHeader = sheet('T', [['Xã', 'Giải pháp'], ['Xã A', 'Làm cầu']]);
    expect(readFeedbackTable(noActivityHeader)).toEqual([]);
  });
});

describe('the feedback meant for a commune', () => {
  const tl = { sheet: 'Phản hồi - Xã Tân Lập', commune: 'Xã Tân Lập', lines: [] };
  const hb = { sheet: 'Phản hồi - Xã Hòa Bình', commune: 'Xã Hòa Bình', lines: [] };
  const anonymous = { sheet: 'Phiếu phản hồi', lines: [] };

  it("is the one addressed to it, or the only one when the workbook names no commune or the feedback no addressee", () => {
    expect(feedbackFor([hb, tl], 'tân lập')).toBe(tl);
    expect(feedbackFor([tl], undefined)).toBe(tl);
    expect(feedbackFor([anonymous], 'Xã Tân Lập')).toBe(anonymous);
    expect(feedbackFor([tl, { ...tl, sheet: 'Phiếu phản hồi' }], 'Xã Tân Lập')).toBe(tl);
  });

  it('says in Vietnamese which communes the file answers when none is this one', () => {
    expect(() => feedbackFor([hb], 'Xã Tân Lập')).toThrow('Không có trang phản hồi nào gửi Xã Tân Lập: tệp có phản hồi cho Xã Hòa Bình.');
    expect(() => feedbackFor([hb, anonymous], 'Xã Tân Lập')).toThrow('Không có trang phản hồi nào gửi Xã Tân Lập: tệp có phản hồi cho Xã Hòa Bình, Phiếu phản hồi.');
    expect(() => feedbackFor([hb, tl], undefined)).toThrow('Tệp có phản hồi cho nhiều xã (Xã Hòa Bình, Xã Tân Lập) mà sổ tính chưa ghi tên xã: nhập tên xã (Cài đặt, hoặc --commune).');
    expect(() => feedbackFor([hb, tl], '')).toThrow('Tệp có phản hồi cho nhiều xã');
    expect(() => feedbackFor([], undefined)).toThrow('Không tìm thấy phản hồi của cấp trên (trang "Phản hồi - <tên xã>", bảng "Phản hồi các xã" hoặc trang có tiêu đề "PHẢN HỒI KẾ HOẠCH …").');
  });
});

describe("each feedback line and the plan's row it answers", () => {
  const row = (form: 'II.6.A' | 'II.6.B', r: number, activity: string, key?: string) => ({ form, sheet: form, row: r, activity, ...(key ? { key } : {}) });
  const fl = (activity: string, extra: Partial<FeedbackLine> = {}): FeedbackLine => ({ verdict: 'accepted', activity, where: 'x!A1', ...extra });

  it('is found by key first, then by name in the form the line names, then by name anywhere, each row once', () => {
    const rows = [row('II.6.A', 8, 'Làm cầu', 'k1'), row('II.6.B', 8, 'Làm cầu', 'k2'), row('II.6.B', 9, 'Sửa đường'), row('II.6.A', 9, 'Sửa đường'), row('II.6.B', 10, 'Mua loa', 'k5')];
    const lines = [
      fl('Tên đã đổi', { key: 'k2' }),
      fl('Làm cầu'),
      fl('Sửa đường', { form: 'II.6.A' }),
      fl('SỬA ĐƯỜNG'),
      fl('Sửa đường'),
      fl('Mua loa', { key: 'k-khac' }),
      fl('Mua loa', { key: 'k5' }),
    ];
    const m = matchFeedback(lines, rows);
    expect(m.map((r) => (r ? `${r.form}:${r.row}` : '—'))).toEqual(['II.6.B:8', 'II.6.A:8', 'II.6.A:9', 'II.6.B:9', '—', '—', 'II.6.B:10']);
  });
});
