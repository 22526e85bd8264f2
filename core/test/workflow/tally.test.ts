/**
 * Reading a filled ballot back (readTally) and refusing to rank from one nobody filled
 * (ballotRefusal), on ballots typed by hand the way a secretary types them: the headings people
 * write, the lines under the table (count row, date, signatures, the validity block), error cells,
 * negative and out-of-scale counts, rows that name no listed activity. Each finding is checked
 * with the cell and the Vietnamese message the user reads.
 */
import type { CellValue, SheetData } from '../../src/port/types';
import type { RankItem } from '../../src/workflow/ranking';
import { RankingRefused, ballotRefusal, readTally } from '../../src/workflow/ranking';

const ACTS = ['Xây dựng kênh mương nội đồng', 'Hỗ trợ giống lúa lai', 'Sửa cống qua đường xóm giữa'];
const LIST: RankItem[] = ACTS.map((activity, i) => ({ key: `k${i + 1}`, activity, flags: {} }));

function sheet(name: string, values: readonly (readonly CellValue[])[], extra: Partial<Pick<SheetData, 'merges' | 'errors' | 'formulas'>> = {}): SheetData {
  return { name, top: 0, left: 0, values, errors: extra.errors ?? [], merges: extra.merges ?? [], ...(extra.formulas ? { formulas: extra.formulas } : {}) };
}

const totalsOf = (t: ReturnType<typeof readTally>) => LIST.map((i) => t.totals.get(i.key));

describe('a ballot whose table cannot be found', () => {
  it('says which table is missing, counts nobody and lists every activity as missing', () => {
    const blank = sheet('Phiếu Thôn A', [['Danh sách hoạt động'], ['Xây dựng kênh mương nội đồng', 3]]);
    const marks = readTally(blank, LIST, { kind: 'marks' });
    expect(marks.participants).toBe(0);
    expect(marks.totals.size).toBe(0);
    expect(marks.missing).toEqual(['k1', 'k2', 'k3']);
    expect(marks.findings.map((f) => f.message)).toEqual([
      'Trang "Phiếu Thôn A" là biểu phiếu xếp ưu tiên nhưng không tìm thấy dòng tiêu đề của bảng "Tổng số gạch lựa chọn của người dân".',
    ]);
    const scores = readTally(blank, LIST, { kind: 'scores' });
    expect(scores.findings[0].message).toContain('không tìm thấy dòng tiêu đề của bảng "Cộng điểm"');
  });

  it('a "Hoạt động" column without a total column is no ballot', () => {
    const t = readTally(sheet('P', [['STT', 'Hoạt động', 'Đại biểu 1'], [1, ACTS[0], 'x']]), LIST, { kind: 'marks' });
    expect(t.findings.map((f) => f.code)).toEqual(['TABLE_NOT_FOUND']);
  });
});

describe('ballotRefusal: why nothing is ranked, in the words the commune reads', () => {
  const empty = { totals: new Map<string, number>(), participants: 0, findings: [], missing: [], beneficiaries: new Map<string, number>() };

  it('a ballot with nobody counted: how many marks each person gives out of how many activities', () => {
    expect(ballotRefusal(empty, { kind: 'marks' }, 15, 'Phiếu II.6.B', 'II.6.B')).toBe(
      'Trang "Phiếu II.6.B" chưa có phiếu nào được điền: 0 người đánh dấu hợp lệ, nên chưa xếp ưu tiên và không ghi mức ưu tiên nào vào trang "II.6.B". ' +
        'Theo Sổ tay, mỗi người dự họp đánh dấu (hoặc bỏ hạt) vào tối đa 5 trong 15 hoạt động (khoảng 30%); Tổ công tác đếm số gạch của từng hoạt động. ' +
        'Hãy nhập phiếu của từng người rồi xếp ưu tiên lại.',
    );
    expect(ballotRefusal(empty, { kind: 'marks', perPerson: 2 }, 6, 'P', 'L')).toContain('tối đa 2 trong 6 hoạt động');
  });

  it('a scoring ballot: the scale of each criterion', () => {
    expect(ballotRefusal(empty, { kind: 'scores' }, 4, 'Chấm điểm', 'Thôn A - I.2')).toBe(
      'Trang "Chấm điểm" chưa có phiếu nào được điền: 0 người chấm điểm hợp lệ, nên chưa xếp ưu tiên và không ghi mức ưu tiên nào vào trang "Thôn A - I.2". ' +
        'Theo Sổ tay, mỗi người chấm từ 1 đến 10 điểm cho từng tiêu chí đối với mỗi hoạt động; Tổ công tác cộng điểm của mọi người. ' +
        'Hãy nhập phiếu của từng người rồi xếp ưu tiên lại.',
    );
    expect(ballotRefusal(empty, { kind: 'scores', min: 0, max: 5 }, 4, 'P', 'L')).toContain('mỗi người chấm từ 0 đến 5 điểm');
  });

  it('a sheet without the ballot table names the two columns it looks for', () => {
    const marks = readTally(sheet('Ghi chép', [['Nội dung']]), LIST, { kind: 'marks' });
    expect(ballotRefusal(marks, { kind: 'marks' }, 3, 'Ghi chép', 'II.6.B')).toMatch(
      /^Không tìm thấy bảng phiếu trên trang "Ghi chép" \(cần cột "Hoạt động" và cột "Tổng số gạch lựa chọn của người dân"\), nên chưa xếp ưu tiên/u,
    );
    const scores = readTally(sheet('Ghi chép', [['Nội dung']]), LIST, { kind: 'scores' });
    expect(ballotRefusal(scores, { kind: 'scores' }, 3, 'Ghi chép', 'II.6.B')).toContain('cần cột "Hoạt động" và cột "Cộng điểm"');
  });

  it('one person counted is enough to rank', () => {
    expect(ballotRefusal({ ...empty, participants: 1 }, { kind: 'marks' }, 3, 'P', 'L')).toBeUndefined();
  });

  it('RankingRefused carries the message and its own name', () => {
    const e = new RankingRefused('Trang "P" chưa có phiếu nào được điền');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RankingRefused');
    expect(e.message).toBe('Trang "P" chưa có phiếu nào được điền');
  });
});

describe('marks typed by hand', () => {
  const HEAD = ['STT', 'Hoạt động', 'ĐVT', 'Đại biểu 1', 'Đại biểu 2', 'Tổng số gạch'];

  it('the lines under the table are not activities: count row, date, signatures, totals', () => {
    const t = readTally(
      sheet('Phiếu', [
        HEAD,
        [1, ACTS[0], 'm', 'x', 'x', null],
        [2, ACTS[1], 'kg', null, 'x', null],
        [3, ACTS[2], 'cái', 'x', null, null],
        [null, 'Số hoạt động đã chọn của từng người', null, 2, 2, null],
        [null, 'Tổng cộng', null, null, null, 4],
        [null, 'Cộng', null, 'x', null, null],
        [null, null, null, 'Nà Lìu, ngày 5 tháng 3 năm 2027', null, null],
        [null, 'Người tổng hợp', null, 'Chủ trì cuộc họp', null, null],
        [null, '(Ký, ghi rõ họ tên)', null, null, null, null],
        [4, null, null, null, null, null],
      ]),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([2, 1, 1]);
    expect(t.participants).toBe(2);
    expect(t.missing).toEqual([]);
  });

  it('an activity that speaks of a day and a month is an activity: counted when listed, reported when not', () => {
    const festival = 'Tổ chức ngày hội đại đoàn kết tháng 11';
    const list: RankItem[] = [...LIST, { key: 'k4', activity: festival, flags: {} }];
    const t = readTally(
      sheet('Phiếu', [HEAD, [1, festival, 'lần', 'x', 'x', null], [2, 'Tổ chức ngày hội văn hóa các dân tộc tháng 9', 'lần', 'x', null, null], [null, 'Nà Lìu, ngày 5 tháng 3 năm 2027', null, null, null, null]]),
      list,
      { kind: 'marks', perPerson: 3 },
    );
    expect(t.totals.get('k4')).toBe(2);
    expect(t.findings.map((f) => f.params.activity)).toEqual(['Tổ chức ngày hội văn hóa các dân tộc tháng 9']);
  });

  it('stops at the validity block: its counts are not marks', () => {
    const t = readTally(
      sheet('Phiếu', [
        HEAD,
        [1, ACTS[0], 'm', 'x', 'x', null],
        ['III', 'TÍNH HỢP LỆ CỦA DANH MỤC ƯU TIÊN: trên 50% số hộ có đại diện tham gia', null, null, null, null],
        [null, ACTS[1], null, 60, 40, 100],
      ]),
      LIST,
      { kind: 'marks' },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([2, undefined, undefined]);
    expect(t.missing).toEqual(['k2', 'k3']);
  });

  it('an error cell is reported at its cell and not counted; the person still counts', () => {
    const t = readTally(sheet('Phiếu', [HEAD, [1, ACTS[0], 'm', null, 'x', null], [2, ACTS[1], 'kg', 'x', 'x', null]], { errors: [{ row: 1, col: 4, code: '#REF!' }] }), LIST, {
      kind: 'marks',
    });
    expect(t.findings.map((f) => f.message)).toEqual(['Ô E2 của trang "Phiếu" chứa lỗi #REF!; không đọc được giá trị.']);
    expect(totalsOf(t)).toEqual([0, 2, undefined]);
    expect(t.participants).toBe(2);
  });

  it('a count of beans typed in the total: a negative one is refused, a large one stands', () => {
    const t = readTally(sheet('Bỏ hạt', [['STT', 'Hoạt động', 'Tổng số hạt'], [1, ACTS[0], -3], [2, ACTS[1], 250], [3, ACTS[2], '12 hạt']]), LIST, { kind: 'marks' });
    expect(t.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NEGATIVE_NUMBER', 'C2', 'Ô C2 của trang "Bỏ hạt" (Tổng số gạch lựa chọn của người dân) là số âm (-3).'],
      ['NOT_A_NUMBER', 'C4', 'Ô C4 của trang "Bỏ hạt" (Tổng số gạch lựa chọn của người dân) ghi "12 hạt", không phải là số.'],
    ]);
    expect(totalsOf(t)).toEqual([0, 250, 0]);
  });

  it('a total computed by a formula is not a typed count: the marks decide', () => {
    const values: CellValue[][] = [HEAD, [1, ACTS[0], 'm', 'x', null, 7]];
    const formulas = [[null, null, null, null, null, null], [null, null, null, null, null, 'COUNTA(D2:E2)']];
    const t = readTally(sheet('Phiếu', values, { formulas }), LIST, { kind: 'marks' });
    expect(t.totals.get('k1')).toBe(1);
    // Without marks, a cached formula value is no count either.
    const noMarks = readTally(sheet('Phiếu', [HEAD, [1, ACTS[0], 'm', null, null, 7]], { formulas }), LIST, { kind: 'marks' });
    expect(noMarks.totals.get('k1')).toBe(0);
  });

  it('a row naming no listed activity is reported by its name, its key, or as unnamed', () => {
    const head = ['STT', 'Hoạt động', 'Mã dòng', 'Đại biểu 1', 'Tổng số gạch'];
    const t = readTally(
      sheet('Phiếu', [head, [1, 'Trồng cây ven đường', null, 'x', null], [2, null, 'k9', 'x', null], [3, null, null, 'x', null], [4, null, 'k2', 'x', null]]),
      LIST,
      { kind: 'marks', perPerson: 5 },
    );
    expect(t.findings.map((f) => [f.cell, f.message])).toEqual([
      ['B2', 'Dòng 2 của phiếu kiểm đếm "Phiếu" ghi hoạt động "Trồng cây ven đường" không có trong danh sách xếp ưu tiên (ô B2).'],
      ['C3', 'Dòng 3 của phiếu kiểm đếm "Phiếu" ghi hoạt động "k9" không có trong danh sách xếp ưu tiên (ô C3).'],
      ['B4', 'Dòng 4 của phiếu kiểm đếm "Phiếu" ghi hoạt động "(không ghi tên)" không có trong danh sách xếp ưu tiên (ô B4).'],
    ]);
    // The row found by its key alone counts; its marks and the unknown rows' count towards the person's limit.
    expect(totalsOf(t)).toEqual([undefined, 1, undefined]);
    expect(t.participants).toBe(1);
  });

  it('a person over the limit is named at the heading cell, even with marks on unknown rows', () => {
    const t = readTally(sheet('Phiếu', [HEAD, [1, ACTS[0], 'm', 'x', 'x', null], [2, ACTS[1], 'kg', 'x', null, null], [3, 'Trồng cây', null, 'x', null, null]]), LIST, {
      kind: 'marks',
      perPerson: 2,
    });
    const over = t.findings.filter((f) => f.code === 'TALLY_OVER_LIMIT');
    expect(over.map((f) => f.message)).toEqual(['Đại biểu "Đại biểu 1" đánh dấu 3 hoạt động, quá 2 hoạt động được chọn (ô D1, trang "Phiếu").']);
    // Exactly at the limit: no warning.
    const at = readTally(sheet('Phiếu', [HEAD, [1, ACTS[0], 'm', 'x', 'x', null], [2, ACTS[1], 'kg', 'x', null, null]]), LIST, { kind: 'marks', perPerson: 2 });
    expect(at.findings).toEqual([]);
  });

  it('columns that describe the activity are not people, wherever they stand; marks typed beside a total win over it', () => {
    const t = readTally(
      sheet('Phiếu', [
        ['STT', 'Hoạt động', 'Mục tiêu', 'ĐVT', 'Số lượng', 'Đại biểu 1', 'Đại biểu 2', 'Tổng số gạch', 'Địa điểm'],
        [1, ACTS[0], 'Đi lại thuận tiện', 'm', 200, 'x', 'x', 5, 'Thôn A'],
        [2, ACTS[1], 'Tăng năng suất', 'kg', 300, null, 'x', null, 'Thôn A, B'],
        [3, ACTS[2], 'Thoát nước', 'cái', 1, null, null, null, 'Thôn B'],
      ]),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([2, 1, 0]);
    expect(t.participants).toBe(2);
  });

  it('a participant column with no heading of its own is named by its letter', () => {
    const t = readTally(
      sheet('Phiếu', [
        ['STT', 'Hoạt động', 'Phiếu đánh giá của từng đại biểu', null, 'Tổng số gạch'],
        [null, null, 'Lò Văn Sáng', null, null],
        [1, ACTS[0], 'x', 'x', null],
        [2, ACTS[1], 'x', 'x', null],
      ], { merges: [{ row: 0, col: 2, rows: 1, cols: 2 }] }),
      LIST,
      { kind: 'marks', perPerson: 1 },
    );
    expect(t.findings.map((f) => f.params.participant)).toEqual(['Lò Văn Sáng', 'cột D']);
    expect(t.findings.map((f) => f.cell)).toEqual(['C2', 'D2']);
  });
});

describe('the header band', () => {
  it('three rows deep when its merges say so: group, sub-group, then each person\'s name', () => {
    const t = readTally(
      sheet(
        'Phiếu',
        [
          ['STT', 'Hoạt động', 'Phiếu đánh giá của từng đại biểu', null, null, 'Tổng số gạch'],
          [null, null, 'Nhóm nữ', null, 'Nhóm nam', null],
          [null, null, 'Lò Thị Mai', 'Lù Thị Dung', 'Lò Văn Sáng', null],
          [1, ACTS[0], 'x', 'x', 'x', null],
          [2, ACTS[1], 'x', null, 'x', null],
          [3, ACTS[2], 'x', null, null, null],
        ],
        {
          merges: [
            { row: 0, col: 0, rows: 3, cols: 1 },
            { row: 0, col: 1, rows: 3, cols: 1 },
            { row: 0, col: 5, rows: 3, cols: 1 },
            { row: 1, col: 2, rows: 1, cols: 2 },
            // The group label's merge, one row deep, listed last: the band stays as deep as the deepest.
            { row: 0, col: 2, rows: 1, cols: 3 },
          ],
        },
      ),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(totalsOf(t)).toEqual([3, 2, 1]);
    expect(t.participants).toBe(3);
    expect(t.findings.map((f) => [f.code, f.cell, f.params.participant])).toEqual([['TALLY_OVER_LIMIT', 'C3', 'Lò Thị Mai']]);
  });

  it('one row deep when the only merges below it are the body\'s (a place merged over two activities)', () => {
    const t = readTally(
      sheet('Phiếu', [['STT', 'Hoạt động', 'Địa điểm', 'Đại biểu 1', 'Tổng số gạch'], [1, ACTS[0], 'Thôn A', 'x', null], [2, ACTS[1], null, 'x', null], [3, ACTS[2], 'Thôn B', null, null]], {
        merges: [{ row: 1, col: 2, rows: 2, cols: 1 }],
      }),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([1, 1, 0]);
  });

  it('a title merged over four rows above nothing is not a header band', () => {
    const t = readTally(
      sheet('Phiếu', [['STT', 'Hoạt động', 'Đại biểu 1', 'Tổng số gạch'], [1, ACTS[0], 'x', null], [2, ACTS[1], 'x', null], [3, ACTS[2], null, null]], {
        merges: [{ row: 0, col: 0, rows: 4, cols: 1 }],
      }),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(totalsOf(t)).toEqual([1, 1, 0]);
  });

  it('a flattened two-row header: the names under the group label, the counts of a first row are marks', () => {
    const head = ['STT', 'Hoạt động', 'Phiếu đánh giá của từng đại biểu', null, 'Tổng số gạch'];
    const named = readTally(sheet('Phiếu', [head, [null, null, 'Lò Văn Sáng', 'Lò Thị Mai', null], [1, ACTS[0], 'x', 'x', null], [2, ACTS[1], null, 'x', null]]), LIST, { kind: 'marks', perPerson: 1 });
    expect(named.findings.map((f) => [f.cell, f.params.participant])).toEqual([['D2', 'Lò Thị Mai']]);
    expect(totalsOf(named)).toEqual([2, 1, undefined]);
    // Numbers under the group label are no names: a row of counts with no activity, reported.
    const numbered = readTally(sheet('Phiếu', [head, [null, null, 1, 2, null], [1, ACTS[0], 'x', 'x', null]]), LIST, { kind: 'marks', perPerson: 2 });
    expect(numbered.findings.map((f) => f.code)).toEqual(['TALLY_ACTIVITY_UNKNOWN']);
    expect(numbered.findings[0].cell).toBe('B2');
    // Numbers typed as text are numbers too.
    const asText = readTally(sheet('Phiếu', [head, [null, null, '1', '2', null], [1, ACTS[0], 'x', 'x', null]]), LIST, { kind: 'marks', perPerson: 2 });
    expect(asText.findings.map((f) => [f.code, f.cell])).toEqual([['TALLY_ACTIVITY_UNKNOWN', 'B2']]);
  });

  it('a person column without any heading is named by its letter; a group voting as "Đơn vị" under the participants\' label is a person', () => {
    const bare = readTally(sheet('Phiếu', [['STT', 'Hoạt động', 'Đại biểu 1', null, 'Tổng số gạch'], [1, ACTS[0], 'x', 'x', null], [2, ACTS[1], null, 'x', null]]), LIST, { kind: 'marks', perPerson: 1 });
    expect(bare.findings.map((f) => [f.cell, f.params.participant])).toEqual([['D1', 'cột D']]);
    const units = readTally(
      sheet('Phiếu', [['STT', 'Hoạt động', 'Phiếu đánh giá của từng đại biểu', null, 'Tổng số gạch'], [null, null, 'Đơn vị', 'Thôn A', null], [1, ACTS[0], 'x', 'x', null], [2, ACTS[1], 'x', null, null]]),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(units.findings).toEqual([]);
    expect(totalsOf(units)).toEqual([2, 1, undefined]);
    expect(units.participants).toBe(2);
  });
});

describe('scores typed by hand', () => {
  const HEAD = ['TT', 'Đại biểu', 'Hoạt động', 'Tính phù hợp', 'Số lượng người hưởng lợi', 'Cộng điểm'];
  const method = { kind: 'scores' as const, criteria: ['Tính phù hợp', 'Số lượng người hưởng lợi'] };

  it('stops at the summary per activity, which repeats the totals', () => {
    const t = readTally(
      sheet('Chấm điểm', [
        HEAD,
        [1, 'Lò Văn Sáng', ACTS[0], 8, 6, null],
        [2, 'Lò Thị Mai', ACTS[0], 7, 9, null],
        [3, 'Lò Thị Mai', ACTS[1], 5, 5, null],
        ['II', 'TỔNG HỢP ĐIỂM THEO HOẠT ĐỘNG', null, null, null, null],
        [null, null, ACTS[0], 15, 15, 30],
      ]),
      LIST,
      method,
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([30, 10, undefined]);
    expect(t.participants).toBe(2);
    // The points on "Số lượng người hưởng lợi" are kept apart for the tie-break.
    expect(t.beneficiaries.get('k1')).toBe(15);
    expect(t.beneficiaries.get('k2')).toBe(5);
  });

  it('scores at the ends of the scale count; one step outside is refused with the scale', () => {
    const t = readTally(sheet('Chấm điểm', [HEAD, [1, 'A', ACTS[0], 1, 10, null], [2, 'B', ACTS[1], 0.5, 10.5, null]]), LIST, method);
    expect(t.findings.map((f) => f.message)).toEqual([
      'Điểm 0,5 ở ô D3 (trang "Chấm điểm") nằm ngoài thang 1-10.',
      'Điểm 10,5 ở ô E3 (trang "Chấm điểm") nằm ngoài thang 1-10.',
    ]);
    expect(totalsOf(t)).toEqual([11, 0, undefined]);
    // B gave no valid score: B is not counted.
    expect(t.participants).toBe(1);
  });

  it('a total typed for a row without scores: within criteria × scale, at both ends', () => {
    const rows = (k1: CellValue, k2: CellValue, k3: CellValue) => sheet('Chấm điểm', [HEAD, [1, 'A', ACTS[0], null, null, k1], [2, 'A', ACTS[1], null, null, k2], [3, 'A', ACTS[2], null, null, k3]]);
    // Two criteria, 1-10: from 2 to 20.
    const ok = readTally(rows(2, 20, 11), LIST, method);
    expect(ok.findings).toEqual([]);
    expect(totalsOf(ok)).toEqual([2, 20, 11]);
    const out = readTally(rows(1, 21, 'mười'), LIST, method);
    expect(out.findings.map((f) => f.message)).toEqual([
      'Điểm 1 ở ô F2 (trang "Chấm điểm") nằm ngoài thang 2-20.',
      'Điểm 21 ở ô F3 (trang "Chấm điểm") nằm ngoài thang 2-20.',
      'Ô F4 của trang "Chấm điểm" (Cộng điểm) ghi "mười", không phải là số.',
    ]);
    expect(totalsOf(out)).toEqual([0, 0, 0]);
  });

  it('the scale of a typed total follows the criteria on the sheet, not the meeting\'s default four', () => {
    const rows = sheet('Chấm điểm', [HEAD, [1, 'A', ACTS[0], null, null, 20], [2, 'A', ACTS[1], null, null, 21]]);
    const t = readTally(rows, LIST, { kind: 'scores' });
    expect(t.findings.map((f) => f.message)).toEqual(['Điểm 21 ở ô F3 (trang "Chấm điểm") nằm ngoài thang 2-20.']);
  });

  it('an error in a score cell is reported and the other criteria still count', () => {
    const t = readTally(sheet('Chấm điểm', [HEAD, [1, 'A', ACTS[0], null, 7, null]], { errors: [{ row: 1, col: 3, code: '#VALUE!' }] }), LIST, method);
    expect(t.findings.map((f) => [f.code, f.cell])).toEqual([['CELL_ERROR', 'D2']]);
    expect(t.totals.get('k1')).toBe(7);
  });
});

describe('rows and columns typed unusually', () => {
  const HEAD = ['STT', 'Hoạt động', 'Mã dòng', 'Đại biểu 1', 'Tổng số gạch'];

  it('the key decides over the name: a row keyed k1 whose name was typed as another activity counts for k1', () => {
    const t = readTally(sheet('Phiếu', [HEAD, [1, ACTS[2], 'k1', 'x', null]]), LIST, { kind: 'marks' });
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([1, undefined, undefined]);
    expect(t.missing).toEqual(['k2', 'k3']);
  });

  it('an activity named with a date is counted; an unlisted one is reported at its name, even with a key; an unlisted row without marks is reported too', () => {
    const anniversary = 'Tổ chức mít tinh kỷ niệm ngày 2 tháng 9 năm 2027';
    const list: RankItem[] = [{ key: 'k1', activity: anniversary, flags: {} }, ...LIST.slice(1)];
    const t = readTally(
      sheet('Phiếu', [
        HEAD,
        [1, anniversary, null, 'x', null],
        [2, 'Văn nghệ mừng ngày 2 tháng 9 năm 2027', 'k9', 'x', null],
        [3, 'Trồng cây ven đường', null, null, null],
      ]),
      list,
      { kind: 'marks', perPerson: 3 },
    );
    expect(t.totals.get('k1')).toBe(1);
    expect(t.findings.map((f) => [f.code, f.cell, f.params.activity])).toEqual([
      ['TALLY_ACTIVITY_UNKNOWN', 'B3', 'Văn nghệ mừng ngày 2 tháng 9 năm 2027'],
      ['TALLY_ACTIVITY_UNKNOWN', 'B4', 'Trồng cây ven đường'],
    ]);
  });

  it('a rank typed left of the total is not a person', () => {
    const t = readTally(
      sheet('Phiếu', [
        ['STT', 'Hoạt động', 'Đại biểu 1', 'Đại biểu 2', 'Xếp hạng', 'Tổng số gạch'],
        [1, ACTS[0], 'x', 'x', 1, null],
        [2, ACTS[1], null, 'x', 2, null],
        [3, ACTS[2], null, null, 3, null],
      ]),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([2, 1, 0]);
    expect(t.participants).toBe(2);
  });

  it('a group label with words of its own: a person named like a role is still a person, an unnamed one goes by its letter', () => {
    const t = readTally(
      sheet(
        'Phiếu',
        [
          ['STT', 'Hoạt động', 'Phiếu đánh giá của từng đại biểu (mỗi người một cột)', null, null, 'Tổng số gạch'],
          [null, null, 'Đơn vị', 'Lò Văn Sáng', null, null],
          [1, ACTS[0], 'x', 'x', 'x', null],
          [2, ACTS[1], 'x', null, 'x', null],
        ],
        {
          merges: [
            { row: 0, col: 0, rows: 2, cols: 1 },
            { row: 0, col: 1, rows: 2, cols: 1 },
            { row: 0, col: 2, rows: 1, cols: 3 },
            { row: 0, col: 5, rows: 2, cols: 1 },
          ],
        },
      ),
      LIST,
      { kind: 'marks', perPerson: 1 },
    );
    expect(totalsOf(t)).toEqual([3, 2, undefined]);
    expect(t.participants).toBe(3);
    expect(t.findings.map((f) => [f.cell, f.params.participant])).toEqual([
      ['C2', 'Đơn vị'],
      ['E2', 'cột E'],
    ]);
  });

  it('a describing column with a second heading line is still no person', () => {
    const t = readTally(
      sheet(
        'Phiếu',
        [
          ['STT', 'Hoạt động', 'Địa điểm', 'Phiếu đánh giá của từng đại biểu', null, 'Tổng số gạch'],
          [null, null, '(thôn, bản)', 'Lò Văn Sáng', 'Lò Thị Mai', null],
          [1, ACTS[0], 'Thôn A', 'x', 'x', null],
          [2, ACTS[1], 'Thôn B', null, 'x', null],
        ],
        {
          merges: [
            { row: 0, col: 0, rows: 2, cols: 1 },
            { row: 0, col: 1, rows: 2, cols: 1 },
            { row: 0, col: 3, rows: 1, cols: 2 },
            { row: 0, col: 5, rows: 2, cols: 1 },
          ],
        },
      ),
      LIST,
      { kind: 'marks', perPerson: 2 },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([2, 1, undefined]);
    expect(t.participants).toBe(2);
  });

  it('a first row of marks without its activity, marked "x" and 1, is a row of marks, reported; not a row of names', () => {
    const t = readTally(sheet('Phiếu', [['STT', 'Hoạt động', 'Đại biểu 1', 'Đại biểu 2', 'Tổng số gạch'], [null, null, 'x', 1, null], [1, ACTS[0], 'x', 'x', null]]), LIST, {
      kind: 'marks',
      perPerson: 2,
    });
    expect(t.findings.map((f) => [f.code, f.cell])).toEqual([['TALLY_ACTIVITY_UNKNOWN', 'B2']]);
    expect(totalsOf(t)).toEqual([2, undefined, undefined]);
  });

  it('a count typed on the row right under the heading, with no activity, is reported', () => {
    const t = readTally(sheet('Phiếu', [['STT', 'Hoạt động', 'Đại biểu 1', 'Tổng số gạch'], [null, null, null, 5], [1, ACTS[0], 'x', null]]), LIST, { kind: 'marks' });
    expect(t.findings.map((f) => [f.code, f.cell, f.params.activity])).toEqual([['TALLY_ACTIVITY_UNKNOWN', 'B2', '(không ghi tên)']]);
    expect(totalsOf(t)).toEqual([1, undefined, undefined]);
  });

  it('a ballot whose only row names no listed activity: nobody counted, and the refusal says no ballot is filled, not that the table is missing', () => {
    const t = readTally(sheet('Phiếu', [HEAD, [1, 'Trồng cây ven đường', null, null, 5]]), LIST, { kind: 'marks' });
    expect(t.participants).toBe(0);
    expect(t.findings.map((f) => f.code)).toEqual(['TALLY_ACTIVITY_UNKNOWN']);
    expect(ballotRefusal(t, { kind: 'marks' }, 3, 'Phiếu', 'II.6.B')).toMatch(/^Trang "Phiếu" chưa có phiếu nào được điền: 0 người đánh dấu hợp lệ, nên chưa xếp ưu tiên/u);
  });
});

describe('scores typed unusually', () => {
  it('columns describing the person or the activity are no criteria, wherever they stand', () => {
    const t = readTally(
      sheet('Chấm điểm', [
        ['TT', 'Đại biểu', 'Giới tính', 'Hoạt động', 'Tính phù hợp', 'Số lượng người hưởng lợi', 'Địa điểm', 'Cộng điểm'],
        [1, 'Lò Thị Mai', 'Nữ', ACTS[0], 8, 6, 'Thôn A', null],
        [2, 'Lò Văn Sáng', 'Nam', ACTS[0], 7, 9, 'Thôn A', null],
      ]),
      LIST,
      { kind: 'scores', criteria: ['Tính phù hợp', 'Số lượng người hưởng lợi'] },
    );
    expect(t.findings).toEqual([]);
    expect(totalsOf(t)).toEqual([30, undefined, undefined]);
    expect(t.beneficiaries.get('k1')).toBe(15);
    expect(t.participants).toBe(2);
  });

  it('a dash means no score, in a criterion or in the total; a negative total is outside the scale', () => {
    const t = readTally(
      sheet('Chấm điểm', [
        ['TT', 'Đại biểu', 'Hoạt động', 'Tính phù hợp', 'Số lượng người hưởng lợi', 'Cộng điểm'],
        [1, 'A', ACTS[0], '-', 7, null],
        [2, 'A', ACTS[1], null, null, -5],
        [3, 'A', ACTS[2], null, null, '-'],
      ]),
      LIST,
      { kind: 'scores', criteria: ['Tính phù hợp', 'Số lượng người hưởng lợi'] },
    );
    expect(t.findings.map((f) => f.message)).toEqual(['Điểm -5 ở ô F3 (trang "Chấm điểm") nằm ngoài thang 2-20.']);
    expect(totalsOf(t)).toEqual([7, 0, 0]);
  });
});
