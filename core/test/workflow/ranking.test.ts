import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import type { SheetLayout, TablePlacement } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { WriteValue } from '../../src/port/types';
import { readSheet } from '../../src/reader/read';
import { validateReading } from '../../src/validate/rules';
import type { RankItem } from '../../src/workflow/ranking';
import {
  BALLOT_TEXT,
  DEFAULT_CRITERIA,
  KEY_HEADER,
  applyRanking,
  ballotLayout,
  marksPerPerson,
  notePrefixed,
  rank,
  rankItemsFromSheet,
  rankingValidity,
  readTally,
  rewriteRowRefs,
} from '../../src/workflow/ranking';

function table(l: SheetLayout, key: string): TablePlacement {
  const t = l.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
}

function col(t: TablePlacement, key: string): number {
  const c = t.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.col;
}

/** Creates a form sheet and returns its layout and activity table. */
async function formSheet(wb: MemoryWorkbook, formId: FormId, sheetName: string): Promise<{ layout: SheetLayout; t: TablePlacement }> {
  const layout = layoutForm(getForm(formId), { planYear: 2027, unitName: 'Xã Nà Lìu', sheetName });
  await wb.createSheet(layout);
  return { layout, t: table(layout, 'activities') };
}

/** Writes one activity row: values by column key. */
async function writeRow(wb: MemoryWorkbook, sheet: string, t: TablePlacement, row: number, values: Record<string, WriteValue>): Promise<void> {
  await wb.writeValues(Object.entries(values).map(([k, v]) => ({ sheet, row, col: col(t, k), values: [[v]] })));
}

function value(wb: MemoryWorkbook, sheet: string, row: number, c: number): unknown {
  return wb.cell(sheet, row, c)?.value ?? null;
}

function formula(wb: MemoryWorkbook, sheet: string, row: number, c: number): string | undefined {
  return wb.cell(sheet, row, c)?.formula;
}

/** The commune consolidation and ballot examples of the handbook (L4013-L4060), padded to 15 activities. */
const HANDBOOK = [
  'Xây dựng kênh mương nội đồng',
  'Tổ chức tập huấn chăn nuôi lợn lai',
  'Đào tạo kỹ năng kế toán cho cán bộ kế toán xã',
  'Sửa cống qua đường xóm giữa',
  'Hỗ trợ giống lúa lai',
  'Bê tông hóa đường thôn bản',
  'Xây dựng nhà văn hóa',
  'Hỗ trợ giống lúa mới',
  'Cứng hóa kênh mương',
  'Bê tông hóa đường liên thôn',
  'Nạo vét mương thủy lợi tại Khu giữa',
  'Tập huấn kỹ thuật canh tác giống mới',
  'Xây dựng mô hình chuyên canh lúa',
  'Hỗ trợ vay vốn chăn nuôi lợn',
  'Sửa chữa trạm y tế xã',
];

const items = (names: readonly string[], flags: RankItem['flags'][] = []): RankItem[] =>
  names.map((activity, i) => ({ key: `k${i + 1}`, activity, flags: flags[i] ?? {} }));

describe('marks per person', () => {
  it('is about 30% of the activities, at least 1: the handbook gives 5 beans for 15 activities', () => {
    expect(marksPerPerson(15)).toBe(5);
    expect(marksPerPerson(10)).toBe(3);
    expect(marksPerPerson(6)).toBe(2);
    expect(marksPerPerson(3)).toBe(1);
    expect(marksPerPerson(2)).toBe(1);
    expect(marksPerPerson(1)).toBe(1);
    expect(marksPerPerson(0)).toBe(0);
  });
});

describe('marking ballot', () => {
  it('the handbook example: 15 activities, 5 marks each, the handbook headers, A4 with the header repeated and the key off the page', async () => {
    const list = items(HANDBOOK).map((it, i) => (i === 0 ? { ...it, unit: 'm', quantity: 200, place: 'Thôn A' } : it));
    const l = ballotLayout(list, { kind: 'marks' }, { planYear: 2027, unitName: 'Thôn A', formId: 'II.6.B' });
    const texts = l.cells.map((c) => c.value);
    for (const h of [BALLOT_TEXT.stt, BALLOT_TEXT.activity, BALLOT_TEXT.unit, BALLOT_TEXT.participantsGroup, BALLOT_TEXT.marksTotal, BALLOT_TEXT.marksRank]) {
      expect(texts).toContain(h);
    }
    expect(texts.some((v) => typeof v === 'string' && v.includes('tối đa 5 trong 15 hoạt động'))).toBe(true);
    expect(texts.some((v) => typeof v === 'string' && v.includes(BALLOT_TEXT.marksHint))).toBe(true);
    expect(l.print.paper).toBe('A4');
    expect(l.print.orientation).toBe('landscape');
    const t = table(l, 'tally');
    expect(l.print.repeatRows).toEqual({ from: t.headerRow, to: t.headerRow + 1 });
    // ten participant columns by default, then the total and the rank
    expect(t.columns.filter((c) => /^p\d+$/.test(c.key))).toHaveLength(10);
    const keyCol = col(t, 'key');
    expect(keyCol).toBeGreaterThanOrEqual(l.print.area.cols);
    const at = (r: number, c: number) => l.cells.find((x) => x.row === r && x.col === c);
    const first = t.bodyRow;
    expect(at(first, col(t, 'activity'))?.value).toBe(HANDBOOK[0]);
    expect(at(first, col(t, 'unit'))?.value).toBe('m');
    expect(at(first, col(t, 'quantity'))?.value).toBe(200);
    expect(at(first, keyCol)?.value).toBe('k1');
    expect(at(t.headerRow, keyCol)?.value).toBe(KEY_HEADER);
    expect(at(first, col(t, 'total'))?.formula).toBe('COUNTA(F9:O9)');
    expect(at(first, col(t, 'rank'))?.formula).toBe('IF(SUM($P$9:$P$23)=0,"",RANK(P9,$P$9:$P$23))');
    // only the key column lies outside the print area
    expect(l.cells.filter((c) => c.col >= l.print.area.cols).every((c) => c.col === keyCol)).toBe(true);
    const wb = new MemoryWorkbook();
    await wb.createSheet(l);
    expect(wb.sheet(l.name).print?.repeatRows).toEqual(l.print.repeatRows);
  });

  it('names participants when given', () => {
    const l = ballotLayout(items(['A', 'B', 'C']), { kind: 'marks' }, { participants: ['Nguyễn Văn Đồng', 'Lò Thị Mai'] });
    const t = table(l, 'tally');
    expect(l.cells.find((c) => c.row === t.headerRow + 1 && c.col === col(t, 'p1'))?.value).toBe('Nguyễn Văn Đồng');
    expect(t.columns.filter((c) => /^p\d+$/.test(c.key))).toHaveLength(2);
  });
});

describe('full marks round trip on II.6.B', () => {
  const ACTS = [
    { activity: 'Xây dựng kênh mương nội đồng', unit: 'm', quantity: 200, place: 'Thôn A', contribution: 10000, proposed: 90000 },
    { activity: 'Tổ chức tập huấn chăn nuôi lợn lai', unit: 'lớp', quantity: 2, place: 'Xã', contribution: 0, proposed: 8000 },
    { activity: 'Đào tạo kỹ năng kế toán cho cán bộ kế toán xã', unit: 'người', quantity: 3, place: 'Huyện', contribution: 0, proposed: 6000 },
    { activity: 'Sửa cống qua đường xóm giữa', unit: 'cái', quantity: 1, place: 'Thôn B', contribution: 2000, proposed: 15000 },
    { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, place: 'Thôn A, B', contribution: 0, proposed: 12000 },
    { activity: 'Bê tông hóa đường thôn bản', unit: 'm', quantity: 300, place: 'Thôn B', contribution: 30000, proposed: 120000 },
  ].map((a) => ({ ...a, time: 'Q.II/2027', responsible: 'UBND xã' }));

  it('ballot → marks → tally → rank → apply: rows sorted, Ưu tiên written, formulas on their own row, ballot untouched', async () => {
    const wb = new MemoryWorkbook();
    const { t } = await formSheet(wb, 'II.6.B', 'II.6.B');
    const first = t.bodyRow;
    for (let i = 0; i < ACTS.length; i++) {
      const r = first + i;
      await writeRow(wb, 'II.6.B', t, r, { stt: i + 1, ...ACTS[i], other: { formula: `M${r + 1}*2` } });
    }
    const [sheet] = await wb.readSheets(['II.6.B']);
    const { items: list, findings: readFindings } = rankItemsFromSheet(sheet, 'II.6.B');
    expect(readFindings).toEqual([]);
    expect(list.map((i) => i.activity)).toEqual(ACTS.map((a) => a.activity));
    expect(list[0]).toMatchObject({ unit: 'm', quantity: 200, place: 'Thôn A' });

    const ballot = ballotLayout(list, { kind: 'marks' }, { participants: 5, formId: 'II.6.B' });
    await wb.createSheet(ballot);
    const bt = table(ballot, 'tally');
    const mark = async (item: number, person: number) =>
      wb.writeValues([{ sheet: ballot.name, row: bt.bodyRow + item, col: col(bt, `p${person}`), values: [['x']] }]);
    // 6 activities → 2 marks each. Totals: 1:1, 2:4, 3:0, 4:3, 5:2; 6: counted by beans, typed in the total.
    for (const [person, chosen] of [
      [1, [1, 3]],
      [2, [1, 3]],
      [3, [1, 3]],
      [4, [1, 4]],
      [5, [4, 0]],
    ] as const) {
      for (const i of chosen) await mark(i, person);
    }
    await wb.writeValues([{ sheet: ballot.name, row: bt.bodyRow + 5, col: col(bt, 'total'), values: [[3]] }]);
    const [tallySheet] = await wb.readSheets([ballot.name]);
    const tally = readTally(tallySheet, list, { kind: 'marks' });
    expect(tally.findings).toEqual([]);
    expect(tally.participants).toBe(5);
    expect(tally.missing).toEqual([]);
    expect(list.map((i) => tally.totals.get(i.key))).toEqual([1, 4, 0, 3, 2, 3]);

    const ranks = rank(list, tally.totals);
    expect(ranks.map((r) => [r.activity, r.total, r.rank])).toEqual([
      [ACTS[1].activity, 4, 1],
      [ACTS[3].activity, 3, 2],
      [ACTS[5].activity, 3, 3],
      [ACTS[4].activity, 2, 4],
      [ACTS[0].activity, 1, 5],
      [ACTS[2].activity, 0, 6],
    ]);

    const before = (await wb.readSheets([ballot.name]))[0];
    const writes = wb.stats.writeValues;
    const result = await applyRanking(wb, 'II.6.B', ranks, { formId: 'II.6.B' });
    expect(wb.stats.writeValues).toBe(writes + 1);
    expect(result.unmatched).toEqual([]);
    expect(result.uncovered).toEqual([]);
    expect(result.segments).toEqual([{ group: 'none', rows: 6, sorted: true }]);
    expect((await wb.readSheets([ballot.name]))[0]).toEqual(before);

    const order = [1, 3, 5, 4, 0, 2];
    order.forEach((src, i) => {
      const r = first + i;
      expect(value(wb, 'II.6.B', r, col(t, 'activity'))).toBe(ACTS[src].activity);
      expect(value(wb, 'II.6.B', r, col(t, 'proposed'))).toBe(ACTS[src].proposed);
      expect(value(wb, 'II.6.B', r, col(t, 'priority'))).toBe(i + 1);
      expect(value(wb, 'II.6.B', r, col(t, 'stt'))).toBe(i + 1);
      expect(formula(wb, 'II.6.B', r, col(t, 'total'))).toBe(`K${r + 1}+L${r + 1}+M${r + 1}`);
      expect(formula(wb, 'II.6.B', r, col(t, 'other'))).toBe(`M${r + 1}*2`);
    });
    expect(result.placed.map((p) => [p.row - first, p.rank])).toEqual(order.map((_, i) => [i, i + 1]));

    // The sheet still reads as II.6.B, ranked; equal totals were decided by the list's order, so the
    // upper level's check finds no two activities at one priority (no DUPLICATE_PRIORITY about LKH's own ranking).
    const reading = readSheet((await wb.readSheets(['II.6.B']))[0], { formId: 'II.6.B' }).reading;
    expect(reading?.activities.map((a) => a.priority)).toEqual([1, 2, 3, 4, 5, 6]);
    // (MemoryWorkbook computes no formula, so Tổng số reads empty: ACTIVITY_INCOMPLETE is left aside.)
    expect(validateReading(reading!).map((f) => f.code).filter((c) => c !== 'ACTIVITY_INCOMPLETE')).toEqual([]);

    // Applying again changes nothing.
    const again = await applyRanking(wb, 'II.6.B', ranks, { formId: 'II.6.B' });
    expect(again.placed).toEqual(result.placed);
    expect(value(wb, 'II.6.B', first, col(t, 'activity'))).toBe(ACTS[1].activity);
  });

  it('flags a person over the limit, text in a count and rows naming no listed activity', async () => {
    const list = items(['Xây dựng kênh mương nội đồng', 'Sửa cống qua đường xóm giữa', 'Hỗ trợ giống lúa lai']);
    const l = ballotLayout(list, { kind: 'marks', perPerson: 1 }, { participants: ['Nguyễn Văn Đồng', 'Lò Thị Mai'] });
    const wb = new MemoryWorkbook();
    await wb.createSheet(l);
    const t = table(l, 'tally');
    const put = (r: number, c: number, v: string | number | null) => ({ sheet: l.name, row: r, col: c, values: [[v]] });
    await wb.writeValues([
      put(t.bodyRow, col(t, 'p1'), 'x'),
      put(t.bodyRow + 1, col(t, 'p1'), '/'),
      put(t.bodyRow + 1, col(t, 'p2'), 'x'),
      put(t.bodyRow + 2, col(t, 'total'), 'năm'),
      // a row typed over: an activity not in the list, and marks without a name
      put(t.bodyRow + 2, col(t, 'key'), null),
    ]);
    // Rows moved by hand keep their key: swap the names of the first two rows (keys stay with the marks).
    await wb.writeValues([put(t.bodyRow, col(t, 'activity'), 'Nạo vét mương'), put(t.bodyRow, col(t, 'key'), null)]);
    const [sheet] = await wb.readSheets([l.name]);
    const tally = readTally(sheet, list, { kind: 'marks', perPerson: 1 });
    const codes = tally.findings.map((f) => f.code);
    expect(codes).toEqual(['TALLY_ACTIVITY_UNKNOWN', 'NOT_A_NUMBER', 'TALLY_OVER_LIMIT']);
    const over = tally.findings[2];
    expect(over.params).toMatchObject({ participant: 'Nguyễn Văn Đồng', count: 2, limit: 1 });
    expect(over.severity).toBe('warning');
    expect(tally.findings[0].params).toMatchObject({ activity: 'Nạo vét mương', row: t.bodyRow + 1 });
    expect(tally.totals.get('k2')).toBe(2);
    expect(tally.totals.get('k3')).toBe(0);
    expect(tally.missing).toEqual(['k1']);
  });
});

describe('beans counted on paper', () => {
  it('reads a tally typed by hand with "Tổng số hạt", beside "Số lượng" and a participant named like a heading', async () => {
    const list = items(['Xây dựng kênh mương nội đồng', 'Hỗ trợ giống lúa lai', 'Sửa cống qua đường xóm giữa']);
    const wb = MemoryWorkbook.fromArrays({
      'Bỏ hạt': [
        ['STT', 'Hoạt động', 'ĐVT', 'Số lượng', 'Địa điểm', 'Tổng số hạt'],
        [1, 'Xây dựng kênh mương nội đồng', 'm', 200, 'Thôn A', 12],
        [2, 'Hỗ trợ giống lúa lai', 'kg', 300, 'Thôn A, B', 7],
        [3, 'Sửa cống qua đường xóm giữa', 'cái', 1, 'Thôn B', 0],
      ],
      'Đánh dấu': [
        ['STT', 'Hoạt động', 'Số lượng', 'Phiếu đánh giá của từng đại biểu', null, 'Tổng số gạch'],
        [null, null, null, 'Lò Văn Sáng', 'Số lượng', null],
        [1, 'Xây dựng kênh mương nội đồng', 200, 'x', 'x', null],
        [2, 'Hỗ trợ giống lúa lai', 300, null, 'x', null],
      ],
    });
    const beans = readTally((await wb.readSheets(['Bỏ hạt']))[0], list, { kind: 'marks' });
    expect(beans.findings).toEqual([]);
    expect(list.map((i) => beans.totals.get(i.key))).toEqual([12, 7, 0]);
    // A person whose name reads like a heading ("Số lượng") under the participants' heading is a person.
    const marks = readTally((await wb.readSheets(['Đánh dấu']))[0], list, { kind: 'marks', perPerson: 2 });
    expect(list.map((i) => marks.totals.get(i.key))).toEqual([2, 1, undefined]);
    expect(marks.participants).toBe(2);
  });
});

describe('criteria scoring', () => {
  it('counts all four of the handbook criteria: one person scoring 1, 2, 4, 8 totals 15, and 40 is the most a person gives', async () => {
    const list = items(['Bê tông hóa đường nội thôn', 'Hỗ trợ giống lúa lai']);
    const l = ballotLayout(list, { kind: 'scores' }, { participants: 1 });
    const wb = new MemoryWorkbook();
    await wb.createSheet(l);
    const t = table(l, 'scores');
    // Criterion 4 is "Số lượng người hưởng lợi": it starts like the "Số lượng" column but is a criterion.
    expect(DEFAULT_CRITERIA[3]).toBe('Số lượng người hưởng lợi');
    await wb.writeValues([{ sheet: l.name, row: t.bodyRow, col: col(t, 'c1'), values: [[1, 2, 4, 8]] }]);
    // The second activity's points counted on paper and typed in the total: up to 4 × 10 = 40.
    await wb.writeValues([{ sheet: l.name, row: t.bodyRow + 1, col: col(t, 'total'), values: [[40]] }]);
    const tally = readTally((await wb.readSheets([l.name]))[0], list, { kind: 'scores' });
    expect(tally.findings).toEqual([]);
    expect(tally.totals.get('k1')).toBe(15);
    expect(tally.totals.get('k2')).toBe(40);
    expect(tally.beneficiaries.get('k1')).toBe(8);
    await wb.writeValues([{ sheet: l.name, row: t.bodyRow + 1, col: col(t, 'total'), values: [[41]] }]);
    const over = readTally((await wb.readSheets([l.name]))[0], list, { kind: 'scores' });
    expect(over.findings.map((f) => [f.code, f.params.max])).toEqual([['SCORE_OUT_OF_RANGE', 40]]);
  });

  it('reads a ballot typed by hand whose headers carry "Số lượng" and "Số lượng người hưởng lợi" apart', async () => {
    const list = items(['Xây dựng kênh mương nội đồng', 'Hỗ trợ giống lúa lai']);
    const wb = MemoryWorkbook.fromArrays({
      'Chấm điểm': [
        ['TT', 'Người chấm', 'Hoạt động', 'Số lượng', 'Tính phù hợp', 'Hiệu quả chi phí', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi', 'Cộng điểm'],
        [1, 'Lò Văn Sáng', 'Xây dựng kênh mương nội đồng', 200, 1, 2, 4, 8, null],
        [2, 'Lò Văn Sáng', 'Hỗ trợ giống lúa lai', 300, 5, 5, 5, 5, null],
      ],
    });
    const tally = readTally((await wb.readSheets(['Chấm điểm']))[0], list, { kind: 'scores' });
    expect(tally.findings).toEqual([]);
    expect(list.map((i) => tally.totals.get(i.key))).toEqual([15, 20]);
  });

  it('a long table of participant × activity rows with a row total and a summary per activity', () => {
    const list = items(['A', 'B', 'C']);
    const l = ballotLayout(list, { kind: 'scores' }, { participants: 2 });
    const t = table(l, 'scores');
    expect(t.bodyRows).toBe(6);
    expect(t.columns.filter((c) => /^c\d$/.test(c.key))).toHaveLength(4);
    const at = (r: number, c: number) => l.cells.find((x) => x.row === r && x.col === c);
    for (let i = 0; i < 4; i++) expect(at(t.headerRow + 1, col(t, `c${i + 1}`))?.value).toBe(DEFAULT_CRITERIA[i]);
    expect(at(t.bodyRow, col(t, 'total'))?.formula).toBe(`SUM(D${t.bodyRow + 1}:G${t.bodyRow + 1})`);
    expect(at(t.bodyRow + 3, col(t, 'participant'))?.value).toBe('Đại biểu 2');
    expect(l.validations).toContainEqual({ kind: 'decimal', row: t.bodyRow, col: col(t, 'c1'), rows: 6, cols: 4, min: 1, max: 10 });
    const s = table(l, 'summary');
    expect(s.bodyRows).toBe(3);
    const key = col(s, 'key');
    expect(at(s.bodyRow, col(s, 'c1'))?.formula).toBe(`SUMIF($J$${t.bodyRow + 1}:$J$${t.bodyRow + 6},J${s.bodyRow + 1},D$${t.bodyRow + 1}:D$${t.bodyRow + 6})`);
    expect(key).toBe(9);
    expect(l.print.repeatRows).toEqual({ from: t.headerRow, to: t.headerRow + 1 });
  });

  it('sums valid scores, reports scores outside 1-10, text and unknown activities, and never counts the summary', async () => {
    const list = items(['Xây dựng kênh mương nội đồng', 'Sửa cống qua đường xóm giữa', 'Hỗ trợ giống lúa lai'], [{}, { women: true }, {}]);
    const l = ballotLayout(list, { kind: 'scores', criteria: ['Tính phù hợp', 'Hiệu quả chi phí'] }, { participants: 2 });
    const wb = new MemoryWorkbook();
    await wb.createSheet(l);
    const t = table(l, 'scores');
    const c1 = col(t, 'c1');
    const row = (p: number, i: number) => t.bodyRow + p * 3 + i;
    const scores: [number, number, (string | number)[]][] = [
      [0, 0, [8, 7]],
      [0, 1, [9, 9]],
      [0, 2, [5, 11]], // 11: out of range
      [1, 0, [7, '7,5']],
      [1, 1, [0, 'bảy']], // 0 out of range, text not a number
      [1, 2, [10, 3]],
    ];
    await wb.writeValues(scores.map(([p, i, v]) => ({ sheet: l.name, row: row(p, i), col: c1, values: [v] })));
    await wb.writeValues([{ sheet: l.name, row: row(1, 0), col: col(t, 'participant'), values: [['Lò Thị Mai']] }]);
    const [sheet] = await wb.readSheets([l.name]);
    const tally = readTally(sheet, list, { kind: 'scores' });
    expect(tally.findings.map((f) => [f.code, f.cell])).toEqual([
      ['SCORE_OUT_OF_RANGE', `E${row(0, 2) + 1}`],
      ['SCORE_OUT_OF_RANGE', `D${row(1, 1) + 1}`],
      ['NOT_A_NUMBER', `E${row(1, 1) + 1}`],
    ]);
    expect(tally.findings[0].severity).toBe('error');
    expect(tally.findings[2].params.column).toBe('Hiệu quả chi phí');
    expect(list.map((i) => tally.totals.get(i.key))).toEqual([8 + 7 + 7 + 7.5, 9 + 9, 5 + 10 + 3]);
    expect(tally.participants).toBe(3); // "Đại biểu 1", "Lò Thị Mai", "Đại biểu 2"
    // 18 for B and for C → B goes first (it serves women).
    expect(rank(list, tally.totals).map((r) => [r.key, r.rank, r.tieBreak])).toEqual([
      ['k1', 1, undefined],
      ['k2', 2, 'women'],
      ['k3', 3, undefined],
    ]);

    // A row typed over with another activity and no key: reported, not counted.
    await wb.writeValues([
      { sheet: l.name, row: row(1, 2), col: col(t, 'activity'), values: [['Nạo vét mương']] },
      { sheet: l.name, row: row(1, 2), col: col(t, 'key'), values: [[null]] },
    ]);
    const again = readTally((await wb.readSheets([l.name]))[0], list, { kind: 'scores' });
    expect(again.findings.map((f) => f.code)).toContain('TALLY_ACTIVITY_UNKNOWN');
    expect(again.totals.get('k3')).toBe(5);
  });
});

describe('rank', () => {
  it('gives every activity its own rank: equal rows left by the flags keep the list order (1, 2, 3, 4)', () => {
    const list = items(['A', 'B', 'C', 'D']);
    const totals = new Map([
      ['k1', 5],
      ['k2', 8],
      ['k3', 10],
      ['k4', 8],
    ]);
    expect(rank(list, totals).map((r) => [r.key, r.rank, r.tieBreak])).toEqual([
      ['k3', 1, undefined],
      ['k2', 2, 'order'],
      ['k4', 3, undefined],
      ['k1', 4, undefined],
    ]);
  });

  it('activities nobody voted for still get distinct ranks, in the list order', () => {
    const list = items(['A', 'B', 'C']);
    expect(rank(list, new Map()).map((r) => [r.key, r.rank])).toEqual([
      ['k1', 1],
      ['k2', 2],
      ['k3', 3],
    ]);
  });

  it('after the handbook flags, more points on "Số lượng người hưởng lợi" go first, then the list order', () => {
    const list = items(['A', 'B', 'C'], [{}, {}, { women: true }]);
    const totals = new Map([
      ['k1', 30],
      ['k2', 30],
      ['k3', 30],
    ]);
    const benefit = new Map([
      ['k1', 6],
      ['k2', 9],
      ['k3', 1],
    ]);
    expect(rank(list, totals, benefit).map((r) => [r.key, r.rank, r.tieBreak])).toEqual([
      ['k3', 1, 'women'],
      ['k2', 2, 'beneficiaries'],
      ['k1', 3, undefined],
    ]);
  });

  it('breaks ties by women, then poor women, then public jobs', () => {
    const list = items(['A', 'B', 'C', 'D', 'E'], [{}, { publicJobs: true }, { women: true }, { poorWomen: true, publicJobs: true }, { women: true }]);
    const totals = new Map(list.map((i) => [i.key, i.key === 'k5' ? 3 : 5]));
    expect(rank(list, totals).map((r) => [r.key, r.rank, r.tieBreak])).toEqual([
      ['k3', 1, 'women'],
      ['k4', 2, 'poorWomen'],
      ['k2', 3, 'publicJobs'],
      ['k1', 4, undefined],
      ['k5', 5, undefined],
    ]);
  });

  it('counts an activity the tally does not mention as 0', () => {
    expect(rank(items(['A', 'B']), new Map([['k2', 1]])).map((r) => [r.key, r.total, r.rank])).toEqual([
      ['k2', 1, 1],
      ['k1', 0, 2],
    ]);
  });
});

describe('validity (rule 8)', () => {
  it('fails with too few households, says why, and warns about women', () => {
    const v = rankingValidity({ unit: 'Thôn A', households: 100, householdsPresent: 40, attendees: 40, agree: 30, women: 10, sheet: 'Thôn A - I.3', cell: 'B12' });
    expect(v.valid).toBe(false);
    expect(v.findings.map((f) => f.code)).toEqual(['MEETING_HOUSEHOLDS_LOW', 'MEETING_WOMEN_LOW', 'RANKING_NOT_VALID']);
    expect(v.findings[2].message).toBe('Kết quả xếp ưu tiên của Thôn A chưa có giá trị: chỉ 40/100 hộ (40%) tham dự, cần trên 50%.');
    expect(v.findings[2].cell).toBe('B12');
  });

  it('fails when half or fewer agree, or when a count is missing', () => {
    const v = rankingValidity({ unit: 'Thôn A', households: 100, attendees: 60, agree: 30, women: 20, sheet: 'I.3' });
    expect(v.valid).toBe(false);
    expect(v.findings.map((f) => f.code)).toEqual(['MEETING_AGREEMENT_LOW', 'RANKING_NOT_VALID']);
    const missing = rankingValidity({ unit: 'Thôn B', attendees: 60, agree: 40, sheet: 'I.3' });
    expect(missing.valid).toBe(false);
    expect(missing.findings.at(-1)?.params.reason).toBe('chưa có tổng số hộ của thôn');
  });

  it('passes with more than half the households present and more than half agreeing', () => {
    const v = rankingValidity({ unit: 'Thôn A', households: 100, householdsPresent: 55, attendees: 60, agree: 31, women: 25, sheet: 'I.3' });
    expect(v).toEqual({ valid: true, findings: [] });
  });

  it('written consultation and the commune conference', () => {
    expect(rankingValidity({ unit: 'Thôn A', kind: 'village-written', households: 100, agree: 51, sheet: 'I.3' }).valid).toBe(true);
    const written = rankingValidity({ unit: 'Thôn A', kind: 'village-written', households: 100, agree: 50, sheet: 'I.3' });
    expect(written.valid).toBe(false);
    expect(written.findings.map((f) => f.code)).toEqual(['RANKING_NOT_VALID']);
    expect(rankingValidity({ unit: 'xã Nà Lìu', kind: 'commune-conference', attendees: 30, agree: 16, women: 10, sheet: 'II.9' })).toEqual({ valid: true, findings: [] });
    expect(rankingValidity({ unit: 'xã Nà Lìu', kind: 'commune-conference', attendees: 30, agree: 15, women: 10, sheet: 'II.9' }).valid).toBe(false);
  });
});

describe('applying to I.2 and II.6.A', () => {
  it('I.2: sorts the outside-money group, writes "Ưu tiên n" at the start of Ghi chú, never ranks group A', async () => {
    const wb = new MemoryWorkbook();
    const { t } = await formSheet(wb, 'I.2', 'Thôn A - I.2');
    const a = t.rowKeys['no-outside-money'];
    const b = t.rowKeys['outside-money'];
    const keyCol = col(t, 'note') + 1;
    await wb.writeValues([{ sheet: 'Thôn A - I.2', row: t.headerRow, col: keyCol, values: [[KEY_HEADER]] }]);
    const put = async (r: number, key: string, activity: string, support: number, note?: string) => {
      await writeRow(wb, 'Thôn A - I.2', t, r, { activity, unit: 'm', quantity: 10, place: 'Khu giữa', contribution: 1000, support, ...(note ? { note } : {}) });
      await wb.writeValues([{ sheet: 'Thôn A - I.2', row: r, col: keyCol, values: [[key]] }]);
    };
    await put(a + 1, 'a1', 'Nạo vét mương thủy lợi tại Khu giữa', 0);
    await put(b + 1, 'b1', 'Hỗ trợ giống lúa mới', 5000, 'Ưu tiên 3; Chương trình 135');
    await put(b + 2, 'b2', 'Xây dựng mương bê tông', 20000);
    await put(b + 3, 'b3', 'Tập huấn kỹ thuật canh tác', 3000, 'Khuyến nông xã');
    await put(b + 4, 'b4', 'Sửa cống qua đường', 8000);
    const ranks = [
      { key: 'b3', rank: 1 },
      { key: 'zz', rank: 2, activity: 'Xây dựng mương bê tông' }, // found by name
      { key: 'b4', rank: 3 },
      { key: 'a1', rank: 4 }, // needs no outside money: never ranked
      { key: 'nope', rank: 5, activity: 'Hoạt động không có' },
    ];
    const result = await applyRanking(wb, 'Thôn A - I.2', ranks, { formId: 'I.2' });
    expect(result.findings.map((f) => f.code)).toEqual(['NO_OUTSIDE_MONEY_RANKED']);
    expect(result.unmatched.map((r) => r.key)).toEqual(['nope']);
    expect(result.uncovered).toEqual([{ activity: 'Hỗ trợ giống lúa mới', row: b + 4 }]);
    const name = (r: number) => value(wb, 'Thôn A - I.2', r, col(t, 'activity'));
    const note = (r: number) => value(wb, 'Thôn A - I.2', r, col(t, 'note'));
    expect([1, 2, 3, 4].map((i) => name(b + i))).toEqual(['Tập huấn kỹ thuật canh tác', 'Xây dựng mương bê tông', 'Sửa cống qua đường', 'Hỗ trợ giống lúa mới']);
    expect([1, 2, 3, 4].map((i) => note(b + i))).toEqual(['Ưu tiên 1; Khuyến nông xã', 'Ưu tiên 2', 'Ưu tiên 3', 'Chương trình 135']);
    expect([1, 2, 3, 4].map((i) => value(wb, 'Thôn A - I.2', b + i, keyCol))).toEqual(['b3', 'b2', 'b4', 'b1']);
    expect(formula(wb, 'Thôn A - I.2', b + 1, col(t, 'total'))).toBe(`H${b + 2}+I${b + 2}`);
    expect(name(a + 1)).toBe('Nạo vét mương thủy lợi tại Khu giữa');
    expect(note(a + 1)).toBeNull();
  });

  it('II.6.A: each outside-money group sorted on its own; group A and the group rows stay', async () => {
    const wb = new MemoryWorkbook();
    const { t } = await formSheet(wb, 'II.6.A', 'II.6.A');
    const rk = t.rowKeys;
    const put = (r: number, activity: string, budget: number) => writeRow(wb, 'II.6.A', t, r, { activity, unit: 'm', quantity: 1, place: 'Thôn A', budget, fundSource: 'NTM' });
    await put(rk['no-outside-money'] + 1, 'Vệ sinh đường làng', 0);
    await put(rk['investment-new'] + 1, 'Đường bê tông thôn A', 100);
    await put(rk['investment-new'] + 2, 'Đường bê tông thôn B', 200);
    await put(rk.recurrent + 1, 'Tập huấn', 10);
    await put(rk.recurrent + 2, 'Hội thi', 20);
    await put(rk.recurrent + 3, 'Tuyên truyền', 30);
    const [sheet] = await wb.readSheets(['II.6.A']);
    const { items: list } = rankItemsFromSheet(sheet, 'II.6.A');
    expect(list.map((i) => i.activity)).toEqual(['Đường bê tông thôn A', 'Đường bê tông thôn B', 'Tập huấn', 'Hội thi', 'Tuyên truyền']);
    const totals = new Map(list.map((i, n) => [i.key, n]));
    const result = await applyRanking(wb, 'II.6.A', rank(list, totals), { formId: 'II.6.A' });
    expect(result.segments.map((s) => [s.group, s.rows, s.sorted])).toEqual([
      ['investment-new', 2, true],
      ['recurrent', 3, true],
    ]);
    const name = (r: number) => value(wb, 'II.6.A', r, col(t, 'activity'));
    expect([name(rk['investment-new'] + 1), name(rk['investment-new'] + 2)]).toEqual(['Đường bê tông thôn B', 'Đường bê tông thôn A']);
    expect([1, 2, 3].map((i) => name(rk.recurrent + i))).toEqual(['Tuyên truyền', 'Hội thi', 'Tập huấn']);
    expect([1, 2, 3].map((i) => value(wb, 'II.6.A', rk.recurrent + i, col(t, 'priority')))).toEqual([1, 2, 3]);
    expect(name(rk['no-outside-money'] + 1)).toBe('Vệ sinh đường làng');
    expect(value(wb, 'II.6.A', rk['no-outside-money'] + 1, col(t, 'priority'))).toBeNull();
    expect(name(rk.investment)).toBe('Vốn đầu tư phát triển');
  });

  it('II.6.B with topic headings: ranks are written as given, rows sorted within their topic only', async () => {
    const wb = new MemoryWorkbook();
    const { t } = await formSheet(wb, 'II.6.B', 'II.6.B');
    const r0 = t.bodyRow;
    await writeRow(wb, 'II.6.B', t, r0, { stt: '1', activity: 'Cơ sở hạ tầng' });
    await writeRow(wb, 'II.6.B', t, r0 + 1, { activity: 'Đường bê tông', unit: 'm', proposed: 100 });
    await writeRow(wb, 'II.6.B', t, r0 + 2, { activity: 'Kênh mương', unit: 'm', proposed: 200 });
    await writeRow(wb, 'II.6.B', t, r0 + 3, { stt: '2', activity: 'Kinh tế và tổ chức sản xuất' });
    await writeRow(wb, 'II.6.B', t, r0 + 4, { activity: 'Giống lúa', unit: 'kg', proposed: 10 });
    await writeRow(wb, 'II.6.B', t, r0 + 5, { activity: 'Tập huấn', unit: 'lớp', proposed: 20 });
    const [sheet] = await wb.readSheets(['II.6.B']);
    const { items: list } = rankItemsFromSheet(sheet, 'II.6.B');
    expect(list.map((i) => i.activity)).toEqual(['Đường bê tông', 'Kênh mương', 'Giống lúa', 'Tập huấn']);
    const totals = new Map(list.map((i, n) => [i.key, n]));
    const result = await applyRanking(wb, 'II.6.B', rank(list, totals), { formId: 'II.6.B' });
    expect(result.segments.map((s) => s.rows)).toEqual([2, 2]);
    const name = (r: number) => value(wb, 'II.6.B', r, col(t, 'activity'));
    expect([0, 1, 2, 3, 4, 5].map((i) => name(r0 + i))).toEqual(['Cơ sở hạ tầng', 'Kênh mương', 'Đường bê tông', 'Kinh tế và tổ chức sản xuất', 'Tập huấn', 'Giống lúa']);
    expect([1, 2, 4, 5].map((i) => value(wb, 'II.6.B', r0 + i, col(t, 'priority')))).toEqual([3, 4, 1, 2]);
  });

  it('writes the ranks without moving rows when a merge spans them', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const { t } = await formSheet(wb, 'II.6.B', 'II.6.B');
    await writeRow(wb, 'II.6.B', t, t.bodyRow, { activity: 'Một', proposed: 1, sector: 'Nông nghiệp' });
    await writeRow(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Hai', proposed: 2 });
    wb.sheet('II.6.B').merges.push({ row: t.bodyRow, col: col(t, 'sector'), rows: 2, cols: 1 });
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'x', rank: 1, activity: 'Hai' },
        { key: 'y', rank: 2, activity: 'Một' },
      ],
      { formId: 'II.6.B' },
    );
    expect(result.segments[0].sorted).toBe(false);
    expect(result.segments[0].reason).toMatch(/ô gộp 2 dòng/);
    expect(value(wb, 'II.6.B', t.bodyRow, col(t, 'activity'))).toBe('Một');
    expect(value(wb, 'II.6.B', t.bodyRow, col(t, 'priority'))).toBe(2);
    expect(value(wb, 'II.6.B', t.bodyRow + 1, col(t, 'priority'))).toBe(1);
  });
});

describe('helpers', () => {
  it('rewrites references to moved rows only', () => {
    const moved = new Map([[11, 8]]);
    expect(rewriteRowRefs('H12+I12', moved)).toBe('H9+I9');
    expect(rewriteRowRefs('SUM(D12:G12)', moved)).toBe('SUM(D9:G9)');
    expect(rewriteRowRefs('$H$12*H$12', moved)).toBe('$H$9*H$9');
    expect(rewriteRowRefs('SUM(H8:H20)+H13', moved)).toBe('SUM(H8:H20)+H13');
    expect(rewriteRowRefs("'II.6.C'!H12+Sheet1!H12", moved)).toBe("'II.6.C'!H12+Sheet1!H12");
    expect(rewriteRowRefs('"H12"&H12', moved)).toBe('"H12"&H9');
    expect(rewriteRowRefs('LOG10(H12)', moved)).toBe('LOG10(H9)');
  });

  it('sets, replaces and removes the Ưu tiên prefix of Ghi chú', () => {
    expect(notePrefixed('', 1)).toBe('Ưu tiên 1');
    expect(notePrefixed('Chương trình 135', 2)).toBe('Ưu tiên 2; Chương trình 135');
    expect(notePrefixed('Ưu tiên 2; Chương trình 135', 4)).toBe('Ưu tiên 4; Chương trình 135');
    expect(notePrefixed('ưu tiên 2. Chương trình 135', undefined)).toBe('Chương trình 135');
  });
});
