/**
 * The ranking ballot as printed and typed into: every line of the marking ballot and of the scoring
 * table, the cells a secretary types into, the formulas that count, the validity block and the
 * signatures, and rows tall enough for what they hold.
 */
import { DOTS } from '../../src/layout/engine';
import type { LayoutCell, SheetLayout, TablePlacement } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { RankItem } from '../../src/workflow/ranking';
import { BALLOT_TEXT, KEY_HEADER, TIE_BREAK_LABELS, TIE_RULE_TEXT, VALIDITY_TEXT, ballotLayout } from '../../src/workflow/ranking';

const ITEMS: RankItem[] = [
  { key: 'k1', activity: 'Xây dựng kênh mương nội đồng', unit: 'm', quantity: 200, place: 'Thôn Nà Hin', flags: {} },
  { key: 'k2', activity: 'Tập huấn chăn nuôi lợn', unit: 'lớp', quantity: '2 lớp', flags: {} },
  { key: 'k3', activity: 'Sửa chữa nhà văn hóa thôn', flags: {} },
];

function cell(l: SheetLayout, row: number, col: number): LayoutCell | undefined {
  return l.cells.find((c) => c.row === row && c.col === col);
}
const value = (l: SheetLayout, row: number, col: number) => cell(l, row, col)?.value;
const formula = (l: SheetLayout, row: number, col: number) => cell(l, row, col)?.formula;
const merge = (l: SheetLayout, row: number, col: number) => l.merges.find((m) => m.row === row && m.col === col);
function table(l: SheetLayout, key: string): TablePlacement {
  const t = l.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
}
/** The row of the first cell holding `text` in column 0. */
function rowOf(l: SheetLayout, text: string): number {
  const c = l.cells.find((x) => x.col === 0 && x.value === text);
  if (!c) throw new Error(`no "${text}"`);
  return c.row;
}

describe('marking ballot, line by line', () => {
  // Built in each test (not at describe time) so that mutation runs attribute the layout to the tests.
  let l: SheetLayout;
  let t: TablePlacement;
  beforeEach(() => {
    l = ballotLayout(ITEMS, { kind: 'marks' }, { participants: [' Lò Thị Mai ', '  '], formId: 'I.2', unitName: ' Thôn Nà Hin ', planYear: 2027 });
    t = table(l, 'tally');
  });
  // 5 describing columns, 2 people, the total, the rank; the key right of the page.
  const [P, TOTAL, RANK, KEY] = [5, 7, 8, 9];

  it('title, source, year and unit on halves of the page, the limit and how to mark', () => {
    expect(value(l, 0, 0)).toBe(BALLOT_TEXT.titleMarks);
    expect(merge(l, 0, 0)).toEqual({ row: 0, col: 0, rows: 1, cols: 9 });
    expect(value(l, 1, 0)).toBe('(Các hoạt động cần nguồn vốn bên ngoài — Biểu I.2)');
    expect(value(l, 2, 0)).toBe('Năm kế hoạch (X+1): 2027');
    expect(merge(l, 2, 0)).toEqual({ row: 2, col: 0, rows: 1, cols: 4 });
    expect(value(l, 2, 4)).toBe('Đơn vị: Thôn Nà Hin');
    expect(merge(l, 2, 4)).toEqual({ row: 2, col: 4, rows: 1, cols: 5 });
    expect(value(l, 3, 0)).toBe('Mỗi người chọn tối đa 1 trong 3 hoạt động (khoảng 30% số hoạt động), mỗi hoạt động đánh dấu một lần.');
    expect(value(l, 4, 0)).toBe(
      `Cách làm: ${BALLOT_TEXT.nameHint}: mỗi người ghi tên mình ở đầu một cột "${BALLOT_TEXT.participantsGroup}". ${BALLOT_TEXT.marksHint} (tối đa 1 gạch). ` +
        `Có thể bỏ hạt ngô, hạt đậu, hạt lạc thay cho gạch: mỗi người 1 hạt. Tổ công tác đếm số gạch hoặc số hạt và ghi vào cột "${BALLOT_TEXT.marksTotal}" (tự cộng khi đánh dấu trên máy).`,
    );
    expect(l.name).toBe('Thôn Nà Hi - Phiếu đánh dấu I.2');
  });

  it('the header over two rows, a column per person named or numbered, the key header off the page', () => {
    expect(t.columns.map((c) => [c.key, c.col, c.span])).toEqual([
      ['stt', 0, 1],
      ['activity', 1, 1],
      ['unit', 2, 1],
      ['quantity', 3, 1],
      ['place', 4, 1],
      ['p1', 5, 1],
      ['p2', 6, 1],
      ['total', 7, 1],
      ['rank', 8, 1],
      ['key', 9, 1],
    ]);
    expect([t.headerRows, t.bodyRows]).toEqual([2, 3]);
    expect(t.headerRow).toBe(6);
    expect(t.bodyRow).toBe(8);
    for (const [c, text] of [
      [0, BALLOT_TEXT.stt],
      [1, BALLOT_TEXT.activity],
      [2, BALLOT_TEXT.unit],
      [3, BALLOT_TEXT.quantity],
      [4, BALLOT_TEXT.place],
      [TOTAL, BALLOT_TEXT.marksTotal],
      [RANK, BALLOT_TEXT.marksRank],
    ] as const) {
      expect(value(l, 6, c)).toBe(text);
      expect(merge(l, 6, c)).toEqual({ row: 6, col: c, rows: 2, cols: 1 });
    }
    expect(value(l, 6, P)).toBe(BALLOT_TEXT.participantsGroup);
    expect(merge(l, 6, P)).toEqual({ row: 6, col: P, rows: 1, cols: 2 });
    expect([value(l, 7, P), value(l, 7, P + 1)]).toEqual(['Lò Thị Mai', 'Người 2']);
    expect(cell(l, 6, KEY)).toMatchObject({ value: KEY_HEADER, style: 'keyHeader' });
    expect(l.print.area).toEqual({ rows: 31, cols: 9 });
    expect(l.print.fitToWidth).toBe(true);
    expect(l.print.repeatRows).toEqual({ from: 6, to: 7 });
    expect(l.freeze).toBeUndefined();
    expect(l.columnWidths).toEqual([5, 34, 7, 8, 12, 6, 6, 12, 12, 16]);
  });

  it('one row per activity: what it is, empty cells to mark, the count, the rank, the key', () => {
    expect([8, 9, 10].map((r) => [0, 1, 2, 3, 4].map((c) => value(l, r, c)))).toEqual([
      [1, 'Xây dựng kênh mương nội đồng', 'm', 200, 'Thôn Nà Hin'],
      [2, 'Tập huấn chăn nuôi lợn', 'lớp', '2 lớp', null],
      [3, 'Sửa chữa nhà văn hóa thôn', null, null, null],
    ]);
    // Numbers right-aligned in their format, names wrapped, marks centred.
    expect([0, 1, 2, 3, 4, TOTAL, RANK].map((c) => cell(l, 9, c)?.style)).toEqual(['center', 'textWrap', 'center', 'number', 'textWrap', 'number', 'center']);
    expect(cell(l, 8, P)).toMatchObject({ value: null, style: 'center' });
    expect(cell(l, 8, P + 1)).toMatchObject({ value: null, style: 'center' });
    expect([8, 9, 10].map((r) => formula(l, r, TOTAL))).toEqual(['COUNTA(F9:G9)', 'COUNTA(F10:G10)', 'COUNTA(F11:G11)']);
    expect(formula(l, 10, RANK)).toBe('IF(SUM($H$9:$H$11)=0,"",RANK(H11,$H$9:$H$11))');
    expect([8, 9, 10].map((r) => cell(l, r, KEY))).toStrictEqual([8, 9, 10].map((r, i) => ({ row: r, col: KEY, value: `k${i + 1}`, style: 'key' })));
  });

  it('under the activities: marks per person against the limit, and their sum', () => {
    expect(t.rowKeys.count).toBe(11);
    expect(value(l, 11, 0)).toBe(`${BALLOT_TEXT.countRow} (tối đa 1)`);
    expect(merge(l, 11, 0)).toEqual({ row: 11, col: 0, rows: 1, cols: 5 });
    expect([formula(l, 11, P), formula(l, 11, P + 1), formula(l, 11, TOTAL)]).toEqual(['COUNTA(F9:F11)', 'COUNTA(G9:G11)', 'SUM(H9:H11)']);
    expect(cell(l, 11, RANK)).toMatchObject({ value: null, style: 'center' });
  });

  it('the rule for ties, the village meeting’s counts to type, and the signatures', () => {
    expect(value(l, 13, 0)).toBe(
      `Xếp mức ưu tiên: hoạt động có nhiều gạch nhất xếp thứ 1, rồi lần lượt theo số gạch giảm dần. Các hoạt động có số gạch bằng nhau: ưu tiên hơn hoạt động ${[TIE_BREAK_LABELS.women, TIE_BREAK_LABELS.poorWomen, TIE_BREAK_LABELS.publicJobs].join(', ')} (Sổ tay, bước 4); ${TIE_RULE_TEXT}. LKH phân định khi ghi kết quả vào biểu, cột trên phiếu chỉ xếp theo số gạch.`,
    );
    expect(value(l, 15, 0)).toBe(VALIDITY_TEXT.headingVillage);
    const labels = [VALIDITY_TEXT.households, VALIDITY_TEXT.householdsPresent, VALIDITY_TEXT.attendees, VALIDITY_TEXT.women, VALIDITY_TEXT.agree, VALIDITY_TEXT.written];
    labels.forEach((label, i) => {
      const r = 16 + i;
      expect(cell(l, r, 0)).toMatchObject({ value: label, style: 'fixed' });
      expect(merge(l, r, 0)).toEqual({ row: r, col: 0, rows: 1, cols: 5 });
      expect(cell(l, r, P)).toMatchObject({ value: null, style: 'number' });
      expect(merge(l, r, P)).toEqual({ row: r, col: P, rows: 1, cols: 2 });
    });
    expect(value(l, 22, 0)).toBe(VALIDITY_TEXT.conclusion);
    expect(cell(l, 22, P)).toMatchObject({ value: null, style: 'textWrap' });
    expect(merge(l, 22, P)).toEqual({ row: 22, col: P, rows: 1, cols: 4 });
    expect(value(l, 24, 4)).toBe(BALLOT_TEXT.dateLine);
    expect([value(l, 25, 0), value(l, 25, 4), value(l, 26, 0), value(l, 26, 4)]).toEqual([BALLOT_TEXT.counter, BALLOT_TEXT.chair, BALLOT_TEXT.signNote, BALLOT_TEXT.signNote]);
    expect(merge(l, 25, 4)).toEqual({ row: 25, col: 4, rows: 1, cols: 5 });
    expect(merge(l, 26, 0)).toEqual({ row: 26, col: 0, rows: 1, cols: 4 });
  });

  it('rows are tall enough for their wrapped text; a two-row header shares the height', () => {
    const long = `Xây dựng ${'đường bê tông liên thôn '.repeat(8)}`.trim(); // about 200 letters in a 34-wide column
    const b = ballotLayout([{ key: 'a', activity: long, flags: {} }, { key: 'b', activity: 'Đường', flags: {} }, { key: 'c', activity: 'Một\nHai\nBa\nBốn', flags: {} }], { kind: 'marks' }, {});
    const h = (r: number) => b.rowHeights?.[r] ?? 15;
    const body = table(b, 'tally').bodyRow;
    const lines = (n: number) => n * 11 * 1.35;
    expect(h(body)).toBeGreaterThanOrEqual(lines(5));
    expect(h(body)).toBeLessThan(lines(7));
    expect(h(body + 1)).toBeLessThan(lines(2));
    expect(h(body + 2)).toBeGreaterThanOrEqual(lines(4));
    expect(h(body + 2)).toBeLessThan(lines(5));
    // "Tổng số gạch lựa chọn của người dân" wraps to 3 lines in a 12-wide column, over the header's 2 rows.
    const hr = table(b, 'tally').headerRow;
    expect(h(hr) + h(hr + 1)).toBeGreaterThanOrEqual(lines(3));
    expect(h(hr)).toBeLessThan(lines(2));
    // Over two people's narrow columns "Phiếu đánh giá của từng đại biểu" wraps to 3 lines in one row:
    // the row keeps that height though the headers after it need less.
    expect(l.rowHeights?.[6] ?? 15).toBeGreaterThanOrEqual(lines(3));
    // The title in 13 pt fits one line.
    expect(h(0)).toBeGreaterThanOrEqual(13 * 1.35);
    expect(h(0)).toBeLessThan(2 * 13 * 1.35);
  });

  it('each line in its style: title, source, fields, limit, instructions, headers, count row, rule, validity, signatures', () => {
    const style = (r: number, c: number) => cell(l, r, c)?.style;
    expect([style(0, 0), style(1, 0), style(2, 0), style(2, 4), style(3, 0), style(4, 0)]).toEqual(['title', 'signatureNote', 'field', 'field', 'heading', 'note']);
    expect([style(6, 0), style(6, P), style(7, P), style(6, TOTAL), style(6, RANK)]).toEqual(['header', 'header', 'header', 'header', 'header']);
    expect([style(11, 0), style(11, P), style(11, TOTAL), style(11, RANK)]).toEqual(['fixedBold', 'center', 'number', 'center']);
    expect([style(13, 0), style(15, 0)]).toEqual(['note', 'heading']);
    expect([style(24, 4), style(25, 0), style(25, 4), style(26, 0), style(26, 4)]).toEqual(['signatureNote', 'signature', 'signature', 'signatureNote', 'signatureNote']);
    const sc = ballotLayout(ITEMS.slice(0, 2), { kind: 'scores' }, { participants: 2 });
    const ss = (r: number, c: number) => cell(sc, r, c)?.style;
    expect([0, 1, 2, 3, 6, 7, 9].map((c) => ss(8, c))).toEqual(['center', 'text', 'textWrap', 'number', 'number', 'number', 'key']);
    expect([ss(13, 0), ss(14, 0), ss(14, 1), ss(14, 3), ss(15, 3), ss(14, 7), ss(14, 8)]).toEqual(['heading', 'header', 'header', 'header', 'header', 'header', 'header']);
    expect([0, 1, 3, 7, 8, 9].map((c) => ss(16, c))).toEqual(['center', 'textWrap', 'number', 'number', 'center', 'key']);
    expect([ss(19, 0), ss(21, 0), ss(22, 0), ss(22, 3)]).toEqual(['note', 'heading', 'fixed', 'number']);
  });

  it('well formed: one cell per position, text only in the first cell of a merge, no merge of a single cell', () => {
    for (const b of [l, ballotLayout(ITEMS, { kind: 'scores' }, { participants: 2 })]) {
      const seen = new Set<string>();
      for (const c of b.cells) {
        expect(Number.isInteger(c.row) && Number.isInteger(c.col)).toBe(true);
        expect(seen.has(`${c.row}:${c.col}`)).toBe(false);
        seen.add(`${c.row}:${c.col}`);
      }
      for (const m of b.merges) {
        expect(m.rows > 1 || m.cols > 1).toBe(true);
        const covered = b.cells.filter((c) => c.row >= m.row && c.row < m.row + m.rows && c.col >= m.col && c.col < m.col + m.cols && (c.row !== m.row || c.col !== m.col));
        expect(covered.length).toBe(m.rows * m.cols - 1);
        expect(covered.every((c) => c.value === null && c.formula === undefined)).toBe(true);
      }
    }
  });

  it('created as a sheet, it is the same layout', async () => {
    const wb = new MemoryWorkbook();
    await wb.createSheet(l);
    const [d] = await wb.readSheets([l.name]);
    expect(d.values[8].slice(0, 5)).toEqual([1, 'Xây dựng kênh mương nội đồng', 'm', 200, 'Thôn Nà Hin']);
    expect(d.formulas?.[8][TOTAL]).toBe('COUNTA(F9:G9)');
  });
});

describe('marking ballot options', () => {
  const people = (participants: number | readonly string[] | undefined) => {
    const t = table(ballotLayout(ITEMS, { kind: 'marks' }, participants === undefined ? {} : { participants }), 'tally');
    return t.columns.filter((c) => /^p\d+$/.test(c.key)).length;
  };

  it('ten people by default or for a count below one; a fraction counts whole people; an empty list one person', () => {
    expect([people(undefined), people(0), people(-3), people(2.7), people(1), people([])]).toEqual([10, 10, 10, 2, 1, 1]);
    const l = ballotLayout(ITEMS, { kind: 'marks' }, { participants: [] });
    expect(value(l, table(l, 'tally').headerRow + 1, 5)).toBe('Người 1');
  });

  it('without year, unit or form: dotted fields, the bare source line and name; a name given is kept; the commune conference for II.6.A', () => {
    const l = ballotLayout(ITEMS, { kind: 'marks' }, { unitName: '   ' });
    expect(value(l, 1, 0)).toBe('(Các hoạt động cần nguồn vốn bên ngoài)');
    expect(value(l, 2, 0)).toBe(`Năm kế hoạch (X+1): ${DOTS}`);
    expect(l.cells.find((c) => c.row === 2 && c.col > 0 && c.value !== null)?.value).toBe(`Đơn vị: ${DOTS}`);
    expect(l.name).toBe('Phiếu đánh dấu');
    expect(ballotLayout(ITEMS, { kind: 'marks' }, { sheetName: 'Phiếu thôn A', formId: 'I.2' }).name).toBe('Phiếu thôn A');
    const a = ballotLayout(ITEMS, { kind: 'marks' }, { formId: 'II.6.A' });
    expect(a.cells.some((c) => c.value === VALIDITY_TEXT.headingCommune)).toBe(true);
    expect(a.cells.some((c) => c.value === VALIDITY_TEXT.delegates)).toBe(true);
    const v = ballotLayout(ITEMS, { kind: 'marks' }, { formId: 'II.6.A', validity: 'village-meeting' });
    expect(v.cells.some((c) => c.value === VALIDITY_TEXT.headingVillage)).toBe(true);
  });

  it('thirty people: the count and rank columns past Z keep their absolute references', () => {
    const l = ballotLayout(ITEMS, { kind: 'marks' }, { participants: 30 });
    const t = table(l, 'tally');
    const total = t.columns.find((c) => c.key === 'total')?.col;
    expect(total).toBe(35); // AJ
    expect(formula(l, t.bodyRow, 36)).toBe('IF(SUM($AJ$9:$AJ$11)=0,"",RANK(AJ9,$AJ$9:$AJ$11))');
    expect(formula(l, t.bodyRow, 35)).toBe('COUNTA(F9:AI9)');
  });

  it('a limit set by the meeting is the one printed', () => {
    const l = ballotLayout(ITEMS, { kind: 'marks', perPerson: 2 }, {});
    expect(value(l, 3, 0)).toBe('Mỗi người chọn tối đa 2 trong 3 hoạt động (khoảng 30% số hoạt động), mỗi hoạt động đánh dấu một lần.');
  });

  it('no activity: a ballot still, with nothing to count', () => {
    const l = ballotLayout([], { kind: 'marks' }, { participants: 2 });
    const t = table(l, 'tally');
    expect(t.bodyRows).toBe(0);
    const count = t.rowKeys.count;
    expect(count).toBe(t.bodyRow);
    expect([5, 6, 7].map((c) => formula(l, count, c))).toEqual([undefined, undefined, undefined]);
  });
});

describe('scoring table', () => {
  const [S, R, KEY] = [7, 8, 9];
  let l: SheetLayout;
  let scores: TablePlacement;
  let summary: TablePlacement;
  beforeEach(() => {
    l = ballotLayout(ITEMS.slice(0, 2), { kind: 'scores' }, { participants: 2 });
    scores = table(l, 'scores');
    summary = table(l, 'summary');
  });

  it('the range and the criteria explained, the header, one row per person and activity', () => {
    expect(value(l, 0, 0)).toBe(BALLOT_TEXT.titleScores);
    expect(value(l, 3, 0)).toBe('Mỗi người chấm từ 1 đến 10 điểm cho từng tiêu chí đối với mỗi hoạt động (tối đa 40 điểm một hoạt động).');
    expect(value(l, 4, 0)).toBe(
      'Các tiêu chí: Tính phù hợp (phù hợp với qui hoạch, đề án tái cơ cấu, tiềm năng thị trường, điều kiện địa phương, phù hợp với người nghèo); Hiệu quả chi phí (chi phí thấp nhất, hiệu quả cao nhất); ' +
        'Phát huy nội lực cộng đồng (dựa trên sáng kiến cộng đồng, người dân tham gia, đóng góp, thực hiện, giám sát); Số lượng người hưởng lợi (trong đó có số người nghèo, phụ nữ hưởng lợi; số việc làm công được tạo ra trong công trình, dự án). ' +
        `Thư ký nhập phiếu của từng người: mỗi dòng là điểm một người chấm cho một hoạt động; ghi tên người chấm ở cột "${BALLOT_TEXT.participant}". Bảng "${BALLOT_TEXT.summaryTitle}" bên dưới tự cộng điểm của mọi người cho từng hoạt động.`,
    );
    expect(l.name).toBe('Phiếu chấm điểm');
    expect([scores.headerRow, scores.headerRows, scores.bodyRow, scores.bodyRows]).toEqual([6, 2, 8, 4]);
    const criteria = [['c1', 3, 1], ['c2', 4, 1], ['c3', 5, 1], ['c4', 6, 1]];
    expect(scores.columns.map((c) => [c.key, c.col, c.span])).toEqual([['stt', 0, 1], ['participant', 1, 1], ['activity', 2, 1], ...criteria, ['total', 7, 1], ['key', 9, 1]]);
    expect(summary.columns.map((c) => [c.key, c.col, c.span])).toEqual([['stt', 0, 1], ['activity', 1, 2], ...criteria, ['total', 7, 1], ['rank', 8, 1], ['key', 9, 1]]);
    expect([summary.headerRows, scores.rowKeys, summary.rowKeys]).toEqual([2, {}, {}]);
    expect(value(l, 6, 3)).toBe('Điểm theo tiêu chí (1-10 điểm)');
    expect(merge(l, 6, 3)).toEqual({ row: 6, col: 3, rows: 1, cols: 4 });
    expect([3, 4, 5, 6].map((c) => value(l, 7, c))).toEqual(['Tính phù hợp', 'Hiệu quả chi phí', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi']);
    for (const [c, text] of [
      [0, BALLOT_TEXT.stt],
      [1, BALLOT_TEXT.participant],
      [2, BALLOT_TEXT.activity],
      [S, BALLOT_TEXT.scoreTotal],
    ] as const) {
      expect(value(l, 6, c)).toBe(text);
      expect(merge(l, 6, c)).toEqual({ row: 6, col: c, rows: 2, cols: 1 });
    }
    expect(cell(l, 6, KEY)).toMatchObject({ value: KEY_HEADER, style: 'keyHeader' });
    expect([8, 9, 10, 11].map((r) => [value(l, r, 0), value(l, r, 1), value(l, r, 2), formula(l, r, S), value(l, r, KEY)])).toEqual([
      [1, 'Đại biểu 1', ITEMS[0].activity, 'SUM(D9:G9)', 'k1'],
      [2, 'Đại biểu 1', ITEMS[1].activity, 'SUM(D10:G10)', 'k2'],
      [3, 'Đại biểu 2', ITEMS[0].activity, 'SUM(D11:G11)', 'k1'],
      [4, 'Đại biểu 2', ITEMS[1].activity, 'SUM(D12:G12)', 'k2'],
    ]);
    expect(cell(l, 9, 6)).toMatchObject({ value: null, style: 'number' });
    expect(l.validations).toEqual([{ kind: 'decimal', row: 8, col: 3, rows: 4, cols: 4, min: 1, max: 10 }]);
    expect(l.freeze).toEqual({ rows: 8, cols: 0 });
    expect(l.print.repeatRows).toEqual({ from: 6, to: 7 });
    expect(l.columnWidths).toEqual([5, 16, 34, 12, 12, 12, 12, 10, 12, 16]);
  });

  it('the summary adds every person’s points per activity by key, totals and ranks them', () => {
    expect(value(l, 13, 0)).toBe(BALLOT_TEXT.summaryTitle);
    expect([summary.headerRow, summary.bodyRow, summary.bodyRows]).toEqual([14, 16, 2]);
    expect(merge(l, 14, 0)).toEqual({ row: 14, col: 0, rows: 2, cols: 1 });
    expect(merge(l, 14, 1)).toEqual({ row: 14, col: 1, rows: 2, cols: 2 });
    expect(value(l, 14, 1)).toBe(BALLOT_TEXT.activity);
    expect(value(l, 14, 3)).toBe('Tổng điểm theo tiêu chí');
    expect(merge(l, 14, 3)).toEqual({ row: 14, col: 3, rows: 1, cols: 4 });
    expect(value(l, 15, 6)).toBe('Số lượng người hưởng lợi');
    expect([value(l, 14, S), value(l, 14, R)]).toEqual([BALLOT_TEXT.summaryTotal, BALLOT_TEXT.scoresRank]);
    expect(merge(l, 14, R)).toEqual({ row: 14, col: R, rows: 2, cols: 1 });
    expect([value(l, 16, 0), value(l, 16, 1), value(l, 17, 0), value(l, 17, 1)]).toEqual([1, ITEMS[0].activity, 2, ITEMS[1].activity]);
    expect(merge(l, 17, 1)).toEqual({ row: 17, col: 1, rows: 1, cols: 2 });
    expect([3, 6].map((c) => formula(l, 16, c))).toEqual(['SUMIF($J$9:$J$12,J17,D$9:D$12)', 'SUMIF($J$9:$J$12,J17,G$9:G$12)']);
    expect(formula(l, 17, 4)).toBe('SUMIF($J$9:$J$12,J18,E$9:E$12)');
    expect(formula(l, 17, S)).toBe('SUM(D18:G18)');
    expect(formula(l, 16, R)).toBe('IF(SUM($H$17:$H$18)=0,"",RANK(H17,$H$17:$H$18))');
    expect([value(l, 16, KEY), value(l, 17, KEY)]).toEqual(['k1', 'k2']);
    expect(String(value(l, 19, 0))).toMatch(/^Xếp mức ưu tiên: hoạt động có tổng số điểm cao nhất xếp thứ 1\. Các hoạt động có tổng số điểm bằng nhau: /);
    expect(rowOf(l, VALIDITY_TEXT.headingVillage)).toBe(21);
    expect(merge(l, 22, 0)).toEqual({ row: 22, col: 0, rows: 1, cols: 3 });
    expect(merge(l, 22, 3)).toEqual({ row: 22, col: 3, rows: 1, cols: 2 });
    expect(l.print.area).toEqual({ rows: 37, cols: 9 });
  });

  it('criteria of the meeting’s own: printed bare, with the range given', () => {
    const own = ballotLayout(ITEMS.slice(0, 1), { kind: 'scores', criteria: ['Mức độ cấp thiết', 'Hiệu quả chi phí'], min: 0, max: 5 }, { participants: ['Lò Văn Páo'] });
    expect(value(own, 3, 0)).toBe('Mỗi người chấm từ 0 đến 5 điểm cho từng tiêu chí đối với mỗi hoạt động (tối đa 10 điểm một hoạt động).');
    expect(String(value(own, 4, 0))).toMatch(/^Các tiêu chí: Mức độ cấp thiết; Hiệu quả chi phí \(chi phí thấp nhất, hiệu quả cao nhất\)\. /);
    expect(value(own, 8, 1)).toBe('Lò Văn Páo');
    expect(own.validations).toEqual([{ kind: 'decimal', row: 8, col: 3, rows: 1, cols: 2, min: 0, max: 5 }]);
  });

  it('no activity: no validation, no summary rows', () => {
    const none = ballotLayout([], { kind: 'scores' }, {});
    expect(none.validations).toEqual([]);
    expect(table(none, 'summary').bodyRows).toBe(0);
    expect(table(none, 'scores').bodyRows).toBe(0);
  });
});
