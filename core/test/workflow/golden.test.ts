/**
 * The handbook's own worked examples, end to end into sheets:
 * - the commune consolidation example (L4013-L4040): two villages' I.2 → II.4.B, the same
 *   rice-seed activity merged, once accepted in the report, into "Hỗ trợ giống lúa, kg,
 *   100 + 200, Thôn A, B";
 * - the marking ballot (L4040-L4091): four activities, each person draws a stroke by the ones
 *   they choose, the strokes are counted ("Tổng số gạch lựa chọn của người dân"), the most
 *   marked is ranked 1 ("Xếp mức ưu tiên dựa vào kết quả lựa chọn") and II.6.B is sorted so.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { SheetLayout, TablePlacement } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData } from '../../src/port/types';
import { TextGrid } from '../../src/reader/grid';
import { consolidateCommune } from '../../src/workflow/plan';
import { REPORT_SHEET } from '../../src/workflow/plan';
import type { RankItem } from '../../src/workflow/ranking';
import { BALLOT_TEXT, applyRanking, ballotLayout, marksPerPerson, rank, rankItemsFromSheet, readTally } from '../../src/workflow/ranking';
import { readRows, valueAt } from './arbitraries';
import { addSourceSheet } from './helpers';

/** The villages' I.2 of the example (L4026-L4039), with the places the consolidated table shows and amounts added. */
async function handbookVillages(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp', [
    { activity: 'Cứng hóa kênh mương', unit: 'm', quantity: 200, place: 'Thôn A', contribution: 20000, support: 130000, note: 'CT Nông thôn mới' },
    { activity: 'Xây dựng nhà văn hóa thôn', unit: 'nhà', quantity: 1, place: 'Thôn A', contribution: 50000, support: 350000 },
    { activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, place: 'Thôn A', contribution: 2500, support: 2500 },
  ]);
  await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [
    { activity: 'Bê tông hóa đường liên thôn', unit: 'm', quantity: 300, place: 'Thôn B', contribution: 45000, support: 255000, note: 'CT 135' },
    { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, place: 'Thôn B', contribution: 5000, support: 5000 },
  ]);
  return wb;
}

type Line = [activity: string, unit: string | undefined, quantity: number | string | undefined, place: string | undefined, total: number | undefined, contribution: number | undefined, budget: number | undefined, proposed: number | undefined];

async function lines(wb: MemoryWorkbook, sheet: 'II.4.B' | 'II.6.A' | 'II.6.B'): Promise<Line[]> {
  return (await readRows(wb, sheet)).map(({ activity: a }) => [a.activity, a.unit, a.quantity ?? a.quantityText, a.place, a.total, a.contribution, a.budget, a.proposed]);
}

/** Column B (Hoạt động) of II.4.B from the group row A down: groups, topic headings and activities in order. */
function activityColumn(sheet: SheetData, col: number): string[] {
  const out: string[] = [];
  for (let r = sheet.top; r < sheet.top + sheet.values.length; r++) {
    const v = valueAt(sheet, r, col);
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return out.slice(out.indexOf('Các hoạt động không cần nguồn vốn bên ngoài'));
}

describe('golden: the handbook commune consolidation example (L4013-L4040)', () => {
  it('II.4.B lists every village activity with its village; accepting the merge in the report gives "Hỗ trợ giống lúa, kg, 100 + 200, Thôn A, B"', async () => {
    const wb = await handbookVillages();
    const first = await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    expect(first.plan.reconciliation).toMatchObject({ read: { count: 5, amount: 865000 }, written: { count: 5, amount: 865000 }, returned: { count: 0 }, balanced: true });
    expect(await lines(wb, 'II.4.B')).toEqual([
      ['Cứng hóa kênh mương (Thôn A)', 'm', 200, 'Thôn A', 150000, 20000, 130000, 0],
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'nhà', 1, 'Thôn A', 400000, 50000, 0, 350000],
      ['Bê tông hóa đường liên thôn (Thôn B)', 'm', 300, 'Thôn B', 300000, 45000, 255000, 0],
      ['Hỗ trợ giống lúa (Thôn A)', 'kg', 100, 'Thôn A', 5000, 2500, 0, 2500],
      ['Hỗ trợ giống lúa lai (Thôn B)', 'kg', 200, 'Thôn B', 10000, 5000, 0, 5000],
    ]);

    // The report offers the merge as the handbook writes it; the user marks it with "x".
    const [report] = await wb.readSheets([REPORT_SHEET]);
    const grid = new TextGrid(report);
    let headerRow = -1;
    let acceptCol = -1;
    for (let r = grid.top; r < grid.bottom; r++) {
      for (const { col, cell } of grid.rowCells(r)) {
        if (cell.text === 'Đồng ý gộp (ghi x)') {
          headerRow = r;
          acceptCol = col;
        }
      }
    }
    expect(headerRow).toBeGreaterThan(0);
    const suggestion = grid.rowCells(headerRow + 1).map(({ cell }) => cell.raw);
    expect(suggestion).toEqual([1, 'Hỗ trợ giống lúa', 'kg', '100 + 200', 'Thôn A, B', 15000, first.plan.suggestions[0].id]);
    await wb.writeValues([{ sheet: REPORT_SHEET, row: headerRow + 1, col: acceptCol, values: [['x']] }]);

    const second = await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    expect(second.plan.suggestions).toEqual([expect.objectContaining({ accepted: true, place: 'Thôn A, B', quantityText: '100 + 200' })]);
    expect(second.plan.reconciliation).toMatchObject({ read: { count: 5, amount: 865000 }, written: { count: 5, amount: 865000 }, balanced: true });
    expect(await lines(wb, 'II.4.B')).toEqual([
      ['Cứng hóa kênh mương (Thôn A)', 'm', 200, 'Thôn A', 150000, 20000, 130000, 0],
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'nhà', 1, 'Thôn A', 400000, 50000, 0, 350000],
      ['Bê tông hóa đường liên thôn (Thôn B)', 'm', 300, 'Thôn B', 300000, 45000, 255000, 0],
      ['Hỗ trợ giống lúa', 'kg', '100 + 200', 'Thôn A, B', 15000, 7500, 0, 7500],
    ]);
    // Group A (empty) and B, the topics in the handbook's order, numbered 1-4.
    const [ii4b] = await wb.readSheets(['II.4.B']);
    expect(activityColumn(ii4b, 1)).toEqual([
      'Các hoạt động không cần nguồn vốn bên ngoài',
      'Các hoạt động cần nguồn vốn bên ngoài',
      '1. Cơ sở hạ tầng',
      'Cứng hóa kênh mương (Thôn A)',
      'Xây dựng nhà văn hóa thôn (Thôn A)',
      'Bê tông hóa đường liên thôn (Thôn B)',
      'Cộng',
      '2. Kinh tế và tổ chức sản xuất',
      'Hỗ trợ giống lúa',
      'Cộng',
      'Cộng B',
      'Tổng cộng (A+B)',
    ]);
    const rows = await readRows(wb, 'II.4.B');
    expect(rows.map((r) => valueAt(ii4b, r.row, 0))).toEqual([1, 2, 3, 4]);
    // "Xã: …" on the fields row (where it lands depends on the column widths).
    expect(ii4b.values[1 - ii4b.top].some((v) => String(v).includes('Tân Lập'))).toBe(true);
    // Rule 5: named programs with Đề xuất = 0 go to II.6.A, the rest to II.6.B.
    expect((await lines(wb, 'II.6.A')).map((l) => l[0])).toEqual(['Cứng hóa kênh mương (Thôn A)', 'Bê tông hóa đường liên thôn (Thôn B)']);
    expect((await lines(wb, 'II.6.B')).map((l) => l.slice(0, 4))).toEqual([
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'nhà', 1, 'Thôn A'],
      ['Hỗ trợ giống lúa', 'kg', '100 + 200', 'Thôn A, B'],
    ]);

    // A third run changes nothing: the merge is remembered.
    const before = await wb.readSheets(['II.4.B', 'II.6.A', 'II.6.B']);
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    expect((await wb.readSheets(['II.4.B', 'II.6.A', 'II.6.B'])).map((s) => s.values)).toEqual(before.map((s) => s.values));
  });
});

// ---------------------------------------------------------------------------------------------

/** The four activities of the handbook's marking ballot, in its order (L4041-L4052). */
const BALLOT = [
  'Xây dựng kênh mương nội đồng',
  'Tổ chức tập huấn chăn nuôi lợn lai',
  'Đào tạo kỹ năng kế toán cho cán bộ kế toán xã',
  'Sửa cống qua đường xóm giữa',
] as const;

/** "Nguyễn Văn Đồng" as a .VnTime (TCVN3) sheet shows it (L4072). */
const DONG_TCVN3 = 'NguyÔn V¨n §ång';
const PARTICIPANTS = 20;

function table(l: SheetLayout): TablePlacement {
  const t = l.tables.find((x) => x.key === 'tally');
  if (!t) throw new Error('no tally table');
  return t;
}

function col(t: TablePlacement, key: string): number {
  const c = t.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.col;
}

/**
 * The commune's II.6.B holding the four activities (proposed by departments, no known source),
 * the ballot listing them in the handbook's order, and the name of the first participant
 * typed in TCVN3 as on the handbook's ballot.
 */
async function ballotSetup(): Promise<{ wb: MemoryWorkbook; items: RankItem[]; layout: SheetLayout; t: TablePlacement }> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Nông nghiệp', [
    { activity: BALLOT[0], unit: 'm', quantity: 500, contribution: 20000, support: 180000 },
    { activity: BALLOT[1], unit: 'lớp', quantity: 2, contribution: 0, support: 8000 },
  ]);
  await addSourceSheet(wb, 'II.3', 'Văn phòng UBND xã', 'Quản lý nhà nước', [
    { activity: BALLOT[2], unit: 'người', quantity: 3, contribution: 0, support: 6000 },
    { activity: BALLOT[3], unit: 'cái', quantity: 1, contribution: 2000, support: 15000 },
  ]);
  await consolidateCommune(wb, undefined, { planYear: 2027 });
  const [ii6b] = await wb.readSheets(['II.6.B']);
  const { items: fromSheet, findings } = rankItemsFromSheet(ii6b, 'II.6.B');
  expect(findings).toEqual([]);
  expect(fromSheet.map((i) => i.activity).sort()).toEqual([...BALLOT].sort());
  const items = BALLOT.map((name) => fromSheet.find((i) => i.activity === name) as RankItem);
  const layout = ballotLayout(items, { kind: 'marks' }, { participants: PARTICIPANTS, unitName: 'Xã Tân Lập', planYear: 2027, formId: 'II.6.B' });
  await wb.createSheet(layout);
  const t = table(layout);
  await wb.writeValues([{ sheet: layout.name, row: t.headerRow + 1, col: col(t, 'p1'), values: [[DONG_TCVN3]] }]);
  const cell = wb.cell(layout.name, t.headerRow + 1, col(t, 'p1'));
  if (cell) cell.font = '.VnTime';
  return { wb, items, layout, t };
}

/** Each participant draws one stroke by the activity they choose. */
async function mark(wb: MemoryWorkbook, layout: SheetLayout, t: TablePlacement, choices: readonly (readonly [item: number, person: number])[]): Promise<void> {
  await wb.writeValues(choices.map(([item, person]) => ({ sheet: layout.name, row: t.bodyRow + item, col: col(t, `p${person}`), values: [['/']] })));
}

/** 12 strokes for the canal (as the handbook's figure shows for activity 1), 5 for the culvert, 3 for the pig-raising course. */
const STROKES: readonly (readonly [number, number])[] = [
  ...Array.from({ length: 12 }, (_, i) => [0, i + 1] as const),
  ...Array.from({ length: 5 }, (_, i) => [3, 13 + i] as const),
  ...Array.from({ length: 3 }, (_, i) => [1, 18 + i] as const),
];

describe('golden: the handbook marking ballot (L4040-L4091)', () => {
  it('the ballot lists the four activities with the handbook headers; one stroke each for 4 activities', async () => {
    const { layout, t } = await ballotSetup();
    expect(marksPerPerson(4)).toBe(1);
    const at = (r: number, c: number) => layout.cells.find((x) => x.row === r && x.col === c)?.value;
    expect(BALLOT.map((_, i) => [at(t.bodyRow + i, col(t, 'stt')), at(t.bodyRow + i, col(t, 'activity'))])).toEqual(BALLOT.map((name, i) => [i + 1, name]));
    const texts = layout.cells.map((c) => c.value);
    for (const h of [BALLOT_TEXT.stt, BALLOT_TEXT.activity, BALLOT_TEXT.unit, BALLOT_TEXT.participantsGroup, BALLOT_TEXT.marksTotal, BALLOT_TEXT.marksRank]) expect(texts).toContain(h);
    expect(texts.some((v) => typeof v === 'string' && v.includes(BALLOT_TEXT.marksHint))).toBe(true);
    expect(texts.some((v) => typeof v === 'string' && v.includes(BALLOT_TEXT.nameHint))).toBe(true);
    expect(t.columns.filter((c) => /^p\d+$/.test(c.key))).toHaveLength(PARTICIPANTS);
    expect(at(t.headerRow, col(t, 'key'))).toBe(KEY_COLUMN_HEADER);
  });

  it('strokes → readTally → rank 1 = most strokes → applyRanking sorts II.6.B; a re-run keeps the ranks', async () => {
    const { wb, items, layout, t } = await ballotSetup();
    await mark(wb, layout, t, STROKES);
    const [sheet] = await wb.readSheets([layout.name]);
    const tally = readTally(sheet, items, { kind: 'marks' });
    expect(tally.findings).toEqual([]);
    expect(tally.missing).toEqual([]);
    expect(tally.participants).toBe(PARTICIPANTS);
    expect(items.map((i) => tally.totals.get(i.key))).toEqual([12, 3, 0, 5]);

    const ranks = rank(items, tally.totals);
    expect(ranks.map((r) => [r.rank, r.activity, r.total])).toEqual([
      [1, BALLOT[0], 12],
      [2, BALLOT[3], 5],
      [3, BALLOT[1], 3],
      [4, BALLOT[2], 0],
    ]);

    const ballotBefore = (await wb.readSheets([layout.name]))[0];
    const applied = await applyRanking(wb, 'II.6.B', ranks, { formId: 'II.6.B' });
    expect(applied.unmatched).toEqual([]);
    expect(applied.uncovered).toEqual([]);
    expect((await wb.readSheets([layout.name]))[0]).toEqual(ballotBefore);
    const sorted = [
      [1, BALLOT[0]],
      [2, BALLOT[3]],
      [3, BALLOT[1]],
      [4, BALLOT[2]],
    ];
    const ii6b = async () => (await readRows(wb, 'II.6.B')).map((r) => [r.activity.priority, r.activity.activity]);
    expect(await ii6b()).toEqual(sorted);
    const [after] = await wb.readSheets(['II.6.B']);
    expect((await readRows(wb, 'II.6.B')).map((r) => valueAt(after, r.row, 0))).toEqual([1, 2, 3, 4]);
    // Ưu tiên is the commune's own column: consolidating again keeps the ranks and the order.
    await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(await ii6b()).toEqual(sorted);
  });

  it('the TCVN3 name on the ballot is read as "Nguyễn Văn Đồng" when he draws more strokes than allowed', async () => {
    const { wb, items, layout, t } = await ballotSetup();
    await mark(wb, layout, t, [...STROKES, [2, 1]]);
    const [sheet] = await wb.readSheets([layout.name], { fonts: true });
    const tally = readTally(sheet, items, { kind: 'marks' });
    expect(tally.findings.map((f) => [f.code, f.params.participant, f.params.count, f.params.limit])).toEqual([['TALLY_OVER_LIMIT', 'Nguyễn Văn Đồng', 2, 1]]);
    expect(items.map((i) => tally.totals.get(i.key))).toEqual([12, 3, 1, 5]);
    expect(rank(items, tally.totals).map((r) => r.activity)).toEqual([BALLOT[0], BALLOT[3], BALLOT[1], BALLOT[2]]);
  });
});
