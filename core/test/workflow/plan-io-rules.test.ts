/**
 * What a re-run reads back of the commune's work in the plan sheets (plan-io.ts, readEdits), rule
 * by rule, on a small commune consolidated once and then edited as a commune edits it: II.4.B's
 * own columns and its split, LKH's marks taken off the commune's text, rows typed by hand kept
 * whole, which of II.4.B and II.6.x wins and when the report says so, II.6.A's project state from
 * its drop-down or its section, II.4.A's rewordings and Mục tiêu, the report's "x" columns, the
 * sheets recorded under other names, and a state or sheet damaged by hand.
 */
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, DocumentState, SheetData, WriteValue } from '../../src/port/types';
import { a1 } from '../../src/util/a1';
import type { CommuneEdits } from '../../src/workflow/plan';
import { PROJECT_STATES, PROJECT_STATE_HEADER, REPORT_SHEET, VANISHED_MARK, consolidateCommune, groupOfProjectState, meetingMark, planSheetNames, readEdits } from '../../src/workflow/plan';
import { readRows } from './arbitraries';
import type { Act } from './helpers';
import { addSourceSheet } from './helpers';

/** Needs outside money, its note names a program (Ngân sách) and a way of working (Cơ chế). */
const ROAD: Act = { activity: 'Bê tông hóa đường nội thôn', unit: 'km', quantity: 1, contribution: 100_000, support: 400_000, note: 'CT Nông thôn mới. Dân góp công' };
/** Needs no outside money. */
const MEETING: Act = { activity: 'Họp bàn chia sẻ nguồn nước', unit: 'buổi', quantity: 1, contribution: 0 };
/** Needs outside money of no known source (Đề xuất, II.6.B). */
const SEEDS: Act = { activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 0, support: 5_000 };
const DIFFICULTY = { difficulty: 'Đường lầy lội mùa mưa', cause: 'Đường đất', solution: 'Bê tông hóa đường' };

const ROAD_KEY = 'v:thon a|be tong hoa duong noi thon|km';
const MEETING_KEY = 'v:thon a|hop ban chia se nguon nuoc|buoi';
const SEEDS_KEY = 'v:thon a|ho tro giong lua|kg';

/** Thôn A's three activities and one difficulty, consolidated once for 2027. */
async function planned(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD, MEETING, SEEDS], [DIFFICULTY]);
  await consolidateCommune(wb, undefined, { planYear: 2027 });
  return wb;
}

type PlanSheet = 'II.4.B' | 'II.6.A' | 'II.6.B';

async function sheetOf(wb: MemoryWorkbook, name: string): Promise<SheetData> {
  return (await wb.readSheets([name]))[0];
}

/** The written row of `key` in a plan sheet: its sheet row and the column of each form column. */
async function rowOf(wb: MemoryWorkbook, sheet: PlanSheet, key: string): Promise<{ row: number; cols: Readonly<Record<string, number>> }> {
  const r = (await readRows(wb, sheet)).find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${sheet}`);
  return r;
}

/** Types `value` in the `column` (a form column key) of the row of `key`, as the commune does. */
async function type(wb: MemoryWorkbook, sheet: PlanSheet, key: string, column: string, value: WriteValue): Promise<void> {
  const r = await rowOf(wb, sheet, key);
  await wb.writeValues([{ sheet, row: r.row, col: r.cols[column], values: [[value]] }]);
}

/** Sheet column of the header cell reading `header`. */
function colOf(d: SheetData, header: string): number {
  for (const row of d.values) {
    const j = row.findIndex((v) => v === header);
    if (j >= 0) return d.left + j;
  }
  throw new Error(`no column "${header}" on ${d.name}`);
}

/** Sheet row whose cell in `col` reads `value`. */
function rowWith(d: SheetData, col: number, value: CellValue): number {
  const i = d.values.findIndex((r) => r[col - d.left] === value);
  if (i < 0) throw new Error(`no "${String(value)}" on ${d.name}`);
  return d.top + i;
}

const edited = (e: CommuneEdits, key: string) => e.rows.get(key) ?? {};

describe('II.6.A project state named in its drop-down', () => {
  it('each state by its full wording, whatever its case and spacing, or by its first words', () => {
    for (const [group, label] of Object.entries(PROJECT_STATES)) {
      expect(groupOfProjectState(label)).toBe(group);
      expect(groupOfProjectState(`  ${label.toUpperCase()} `)).toBe(group);
    }
    expect(groupOfProjectState('Dự án chuyển')).toBe('investment-ongoing');
    expect(groupOfProjectState('dự án khởi công')).toBe('investment-new');
    expect(groupOfProjectState('Vốn sự nghiệp')).toBe('recurrent');
  });

  it('nothing, a blank, a number, the last words only or another text name no state', () => {
    expect(groupOfProjectState(undefined)).toBeUndefined();
    expect(groupOfProjectState(null)).toBeUndefined();
    expect(groupOfProjectState('')).toBeUndefined();
    expect(groupOfProjectState('   ')).toBeUndefined();
    expect(groupOfProjectState(3)).toBeUndefined();
    expect(groupOfProjectState('chuyển tiếp')).toBeUndefined();
    expect(groupOfProjectState('Dự án treo')).toBeUndefined();
  });
});

describe('the sheet holding each plan form', () => {
  it('the sheet the state records for the form when the workbook has it, else the form id', () => {
    const state: DocumentState = { sheetForms: { 'Kế hoạch xã': 'II.4.B', 'Biểu 6A cũ': 'II.6.A', 'Thôn A - I.2': 'I.2' } };
    expect(planSheetNames(state, ['Kế hoạch xã', 'Thôn A - I.2'])).toEqual({ 'II.4.A': 'II.4.A', 'II.4.B': 'Kế hoạch xã', 'II.6.A': 'II.6.A', 'II.6.B': 'II.6.B', 'II.6.C': 'II.6.C' });
    expect(planSheetNames({}, [])).toEqual({ 'II.4.A': 'II.4.A', 'II.4.B': 'II.4.B', 'II.6.A': 'II.6.A', 'II.6.B': 'II.6.B', 'II.6.C': 'II.6.C' });
  });
});

/** Rewrites the sheet with one row inserted after sheet row `after`, as Excel's "Insert row" does (formulas kept). */
async function insertRow(wb: MemoryWorkbook, name: string, after: number, cells: Readonly<Record<number, WriteValue>>): Promise<number> {
  const d = await sheetOf(wb, name);
  const width = Math.max(...d.values.map((r) => r.length), ...Object.keys(cells).map((c) => Number(c) - d.left + 1));
  const rows: WriteValue[][] = d.values.map((r, i) => Array.from({ length: width }, (_, j): WriteValue => {
    const f = d.formulas?.[i]?.[j];
    return f ? { formula: f } : (r[j] ?? null);
  }));
  const line: WriteValue[] = Array.from({ length: width }, (_, j) => cells[d.left + j] ?? null);
  const at = after - d.top + 1;
  wb.sheet(name).merges = wb.sheet(name).merges.filter((m) => m.row < after);
  await wb.writeValues([{ sheet: name, row: d.top, col: d.left, values: [...rows.slice(0, at), line, ...rows.slice(at)] }]);
  return after + 1;
}

/** Moves sheet row `from` to just below sheet row `below` (cut and insert). */
async function moveRow(wb: MemoryWorkbook, name: string, from: number, below: number): Promise<void> {
  const d = await sheetOf(wb, name);
  const width = Math.max(...d.values.map((r) => r.length));
  const rows: WriteValue[][] = d.values.map((r, i) => Array.from({ length: width }, (_, j): WriteValue => {
    const f = d.formulas?.[i]?.[j];
    return f ? { formula: f } : (r[j] ?? null);
  }));
  const moved = rows[from - d.top];
  const rest = rows.filter((_, i) => i !== from - d.top);
  const at = rest.indexOf(rows[below - d.top]) + 1;
  wb.sheet(name).merges = wb.sheet(name).merges.filter((m) => m.row < Math.min(from, below));
  await wb.writeValues([{ sheet: name, row: d.top, col: d.left, values: [...rest.slice(0, at), moved, ...rest.slice(at)] }]);
}

describe("II.4.B's columns typed by the commune", () => {
  it('the split LKH wrote is its own, not an edit; a split the commune changed is kept, an emptied cell as 0', async () => {
    const wb = await planned();
    const before = await readEdits(wb);
    for (const key of [ROAD_KEY, MEETING_KEY, SEEDS_KEY]) {
      expect(edited(before, key)).not.toHaveProperty('budget');
      expect(edited(before, key)).not.toHaveProperty('proposed');
    }
    await type(wb, 'II.4.B', ROAD_KEY, 'budget', 450_000);
    await type(wb, 'II.4.B', ROAD_KEY, 'proposed', null);
    await type(wb, 'II.4.B', SEEDS_KEY, 'budget', null);
    await type(wb, 'II.4.B', SEEDS_KEY, 'proposed', 4_000);
    await type(wb, 'II.4.B', MEETING_KEY, 'budget', null);
    await type(wb, 'II.4.B', MEETING_KEY, 'proposed', null);
    const after = await readEdits(wb);
    expect(edited(after, ROAD_KEY)).toMatchObject({ budget: 450_000, proposed: 0 });
    expect(edited(after, SEEDS_KEY)).toMatchObject({ budget: 0, proposed: 4_000 });
    // Both cells emptied: nothing typed, LKH's split is computed again.
    expect(edited(after, MEETING_KEY)).not.toHaveProperty('budget');
  });

  it('both cells changed: the two amounts as typed; both emptied: LKH splits the row again', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'budget', 300_000);
    await type(wb, 'II.4.B', ROAD_KEY, 'proposed', 100_000);
    await type(wb, 'II.4.B', SEEDS_KEY, 'budget', null);
    await type(wb, 'II.4.B', SEEDS_KEY, 'proposed', null);
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY)).toMatchObject({ budget: 300_000, proposed: 100_000 });
    expect(edited(e, SEEDS_KEY)).not.toHaveProperty('budget');
    expect(edited(e, SEEDS_KEY)).not.toHaveProperty('proposed');
  });

  it('a row moved under another topic heading, its sector untouched: the topic is the commune\'s', async () => {
    const wb = await planned();
    await moveRow(wb, 'II.4.B', (await rowOf(wb, 'II.4.B', ROAD_KEY)).row, (await rowOf(wb, 'II.4.B', SEEDS_KEY)).row);
    expect(edited(await readEdits(wb), ROAD_KEY)).toMatchObject({ topic: 'kinh-te' });
    expect(edited(await readEdits(wb), ROAD_KEY)).not.toHaveProperty('sector');
  });

  it('Mục tiêu, Tên nguồn vốn, Cơ chế thực hiện and Nội dung khác as typed', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', MEETING_KEY, 'objective', 'Đủ nước tưới vụ đông');
    await type(wb, 'II.4.B', MEETING_KEY, 'fundSource', 'Ngân sách xã');
    await type(wb, 'II.4.B', MEETING_KEY, 'mechanism', 'Thôn tự tổ chức');
    await type(wb, 'II.4.B', MEETING_KEY, 'other', 'Họp trước mùa khô');
    expect(edited(await readEdits(wb), MEETING_KEY)).toEqual({ objective: 'Đủ nước tưới vụ đông', fundSource: 'Ngân sách xã', mechanism: 'Thôn tự tổ chức', other: 'Họp trước mùa khô' });
  });

  it("LKH's marks are taken off Nội dung khác: the commune's words stay, a mark alone is no text", async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', MEETING_KEY, 'other', `${VANISHED_MARK} Họp trước mùa khô`);
    await type(wb, 'II.4.B', SEEDS_KEY, 'other', `${meetingMark(['Thôn A'])} Giống lúa chịu hạn`);
    await type(wb, 'II.4.B', ROAD_KEY, 'other', `${VANISHED_MARK} ${meetingMark(['Thôn A', 'Thôn B'])}`);
    const e = await readEdits(wb);
    expect(edited(e, MEETING_KEY).other).toBe('Họp trước mùa khô');
    expect(edited(e, SEEDS_KEY).other).toBe('Giống lúa chịu hạn');
    expect(edited(e, ROAD_KEY)).not.toHaveProperty('other');
    expect(e.previous.find((p) => p.key === MEETING_KEY)?.activity.other).toBe('Họp trước mùa khô');
    expect(e.previous.find((p) => p.key === ROAD_KEY)?.activity).not.toHaveProperty('other');
  });
});

describe('rows the commune typed by hand in II.4.B', () => {
  it('each is kept whole, in its group, with the sheet and row it was typed at', async () => {
    const wb = await planned();
    const d = await sheetOf(wb, 'II.4.B');
    const { cols } = await rowOf(wb, 'II.4.B', ROAD_KEY);
    const inA = await insertRow(wb, 'II.4.B', (await rowOf(wb, 'II.4.B', MEETING_KEY)).row, {
      [cols.activity]: 'Dọn vệ sinh đường làng',
      [cols.unit]: 'lần',
      [cols.quantity]: 4,
      [cols.time]: 'Hằng tháng',
      [cols.responsible]: 'Chi hội Phụ nữ',
      [cols.contribution]: 1_000,
      [cols.budget]: 2_000,
      [cols.proposed]: 3_000,
    });
    const inB = await insertRow(wb, 'II.4.B', (await rowOf(wb, 'II.4.B', SEEDS_KEY)).row, {
      [cols.activity]: 'Lắp đèn đường',
      [cols.objective]: 'Đường sáng ban đêm',
      [cols.unit]: 'bộ',
      [cols.quantity]: '2 đợt',
      [cols.place]: 'Đường trục thôn',
      [cols.total]: 30_000,
      [cols.contribution]: 5_000,
      [cols.budget]: 25_000,
      [cols.sector]: 'Điện',
      [cols.fundSource]: 'Ngân sách tỉnh',
      [cols.mechanism]: 'Nhà nước đầu tư',
      [cols.other]: `${VANISHED_MARK} Làm trước Tết`,
    });
    const e = await readEdits(wb);
    const hand = e.previous.filter((p) => p.key === undefined).map((p) => p.activity);
    expect(hand).toHaveLength(2);
    const [a, b] = hand;
    expect(a).toMatchObject({ key: '', sector: '', group: 'no-outside-money', activity: 'Dọn vệ sinh đường làng', unit: 'lần', quantity: 4, time: 'Hằng tháng', responsible: 'Chi hội Phụ nữ', total: 6_000, contribution: 1_000, support: 5_000, budget: 2_000, proposed: 3_000, status: 'manual' });
    expect(a.origins).toEqual([{ kind: 'village', unit: `${d.name} (lần trước)` }]);
    expect(a.sources.map((s) => [s.sheet, s.row])).toEqual([['II.4.B', inA]]);
    expect(b).toMatchObject({ group: 'outside-money', activity: 'Lắp đèn đường', objective: 'Đường sáng ban đêm', unit: 'bộ', quantityText: '2 đợt', place: 'Đường trục thôn', total: 30_000, contribution: 5_000, support: 25_000, budget: 25_000, proposed: 0, sector: 'Điện', fundSource: 'Ngân sách tỉnh', mechanism: 'Nhà nước đầu tư', other: 'Làm trước Tết', status: 'manual' });
    expect(b.sources.map((s) => [s.sheet, s.row])).toEqual([['II.4.B', inB]]);
    // Its topic: the section it was typed in.
    expect([a.topic, b.topic]).toEqual(['csht', 'kinh-te']);
  });
});

describe("II.6.A's project state", () => {
  it('a state chosen in the drop-down wins; an untouched row keeps its section; a row of A has none', async () => {
    const wb = await planned();
    expect(edited(await readEdits(wb), ROAD_KEY).fundingGroup).toBe('investment-new');
    expect(edited(await readEdits(wb), MEETING_KEY)).not.toHaveProperty('fundingGroup');
    const d = await sheetOf(wb, 'II.6.A');
    const { row } = await rowOf(wb, 'II.6.A', ROAD_KEY);
    await wb.writeValues([{ sheet: 'II.6.A', row, col: colOf(d, PROJECT_STATE_HEADER), values: [[PROJECT_STATES['investment-ongoing']]] }]);
    expect(edited(await readEdits(wb), ROAD_KEY).fundingGroup).toBe('investment-ongoing');
  });

  it('a row moved by hand under another state, its drop-down left as it was: the section it sits in', async () => {
    const wb = await planned();
    const d = await sheetOf(wb, 'II.6.A');
    const { row, cols } = await rowOf(wb, 'II.6.A', ROAD_KEY);
    await moveRow(wb, 'II.6.A', row, rowWith(d, cols.activity, 'Dự án chuyển tiếp'));
    expect(edited(await readEdits(wb), ROAD_KEY).fundingGroup).toBe('investment-ongoing');
  });

  it('a row typed by hand under a state: kept with it, or with the state chosen in its drop-down', async () => {
    const wb = await planned();
    const d = await sheetOf(wb, 'II.6.A');
    const { cols } = await rowOf(wb, 'II.6.A', ROAD_KEY);
    const stateCol = colOf(d, PROJECT_STATE_HEADER);
    const under = (heading: string) => rowWith(d, cols.activity, heading);
    // Inserted from the bottom up, so each heading's row is still where it was read.
    await insertRow(wb, 'II.6.A', under('Dự án chuyển tiếp'), { [cols.activity]: 'Nâng cấp cầu treo', [cols.unit]: 'cầu', [cols.total]: 80_000, [cols.budget]: 80_000, [stateCol]: PROJECT_STATES['investment-finishing'] });
    await insertRow(wb, 'II.6.A', under('Dự án dự kiến hoàn thành trong kỳ kế hoạch'), { [cols.activity]: 'Kè suối đầu bản', [cols.unit]: 'm', [cols.total]: 60_000, [cols.budget]: 60_000 });
    const e = await readEdits(wb);
    const hand = e.previous.filter((p) => p.key === undefined).map((p) => p.activity);
    expect(hand.map((a) => [a.activity, a.fundingGroup, a.origins[0].unit])).toEqual([
      ['Kè suối đầu bản', 'investment-finishing', 'II.6.A (lần trước)'],
      ['Nâng cấp cầu treo', 'investment-finishing', 'II.6.A (lần trước)'],
    ]);
  });
});

describe('rows typed by hand in both II.4.B and II.6.x', () => {
  it('a row copied from II.4.B into II.6.A is kept once; one of another unit is another row', async () => {
    const wb = await planned();
    const b = await rowOf(wb, 'II.4.B', SEEDS_KEY);
    const a = await rowOf(wb, 'II.6.A', ROAD_KEY);
    const lamp = { activity: 'Lắp đèn đường', total: 30_000, budget: 30_000 };
    await insertRow(wb, 'II.4.B', b.row, { [b.cols.activity]: lamp.activity, [b.cols.unit]: 'bộ', [b.cols.total]: lamp.total, [b.cols.budget]: lamp.budget });
    await insertRow(wb, 'II.6.A', a.row, { [a.cols.activity]: lamp.activity.toUpperCase(), [a.cols.unit]: 'bộ', [a.cols.total]: lamp.total, [a.cols.budget]: lamp.budget });
    await insertRow(wb, 'II.6.A', a.row, { [a.cols.activity]: lamp.activity, [a.cols.unit]: 'cột', [a.cols.total]: lamp.total, [a.cols.budget]: lamp.budget });
    const hand = (await readEdits(wb)).previous.filter((p) => p.key === undefined).map((p) => [p.activity.activity, p.activity.unit, p.activity.sources[0].sheet]);
    expect(hand).toEqual([
      ['Lắp đèn đường', 'bộ', 'II.4.B'],
      ['Lắp đèn đường', 'cột', 'II.6.A'],
    ]);
  });
});

describe('a column edited in II.4.B, in II.6.x, or in both', () => {
  it('edited in II.6.A only: taken, and nothing said', async () => {
    const wb = await planned();
    await type(wb, 'II.6.A', ROAD_KEY, 'mechanism', 'Nhà nước và nhân dân cùng làm');
    await type(wb, 'II.6.A', ROAD_KEY, 'objective', 'Đi lại thuận tiện quanh năm');
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY)).toMatchObject({ mechanism: 'Nhà nước và nhân dân cùng làm', objective: 'Đi lại thuận tiện quanh năm' });
    expect(e.findings).toEqual([]);
  });

  it('edited in II.4.B only: II.4.B kept although II.6.A still shows the old text, and nothing said', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'mechanism', 'Dân góp công, xã hỗ trợ vật liệu');
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY).mechanism).toBe('Dân góp công, xã hỗ trợ vật liệu');
    expect(e.findings).toEqual([]);
  });

  it('the same words typed in both, in another case: no conflict, II.6.A does not override; the text as II.4.B has it', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'mechanism', 'nhà nước và nhân dân cùng làm');
    await type(wb, 'II.6.A', ROAD_KEY, 'mechanism', 'Nhà nước và nhân dân cùng làm');
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY).mechanism).toBe('nhà nước và nhân dân cùng làm');
    expect(e.findings).toEqual([]);
  });

  it('a column emptied in II.4.B while II.6.A still shows it: the text is kept', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'mechanism', null);
    expect(edited(await readEdits(wb), ROAD_KEY).mechanism).toBe('Dân góp công');
  });

  it('edited in both, then emptied in II.6.A: the empty cell wins and is said at its cell; the split typed in II.4.B stays', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'mechanism', 'Dân góp công, xã hỗ trợ vật liệu');
    await type(wb, 'II.4.B', ROAD_KEY, 'budget', 450_000);
    await type(wb, 'II.6.A', ROAD_KEY, 'mechanism', null);
    const { row, cols } = await rowOf(wb, 'II.6.A', ROAD_KEY);
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY)).not.toHaveProperty('mechanism');
    expect(edited(e, ROAD_KEY)).toMatchObject({ budget: 450_000, proposed: 0 });
    expect(e.findings?.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        'EDIT_TWO_VALUES',
        'II.6.A',
        a1(row, cols.mechanism),
        'Hoạt động "Bê tông hóa đường nội thôn (Thôn A)": cột "Cơ chế thực hiện" ở II.6.A ghi "" nhưng ở II.4.B ghi "Dân góp công, xã hỗ trợ vật liệu"; đã giữ "" cho cả hai biểu. Nếu cần nội dung kia, hãy nhập lại.',
      ],
    ]);
  });

  it('without the record of what LKH wrote, the two cannot be told apart: II.6.A is taken, no conflict claimed', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'mechanism', 'Dân góp công, xã hỗ trợ vật liệu');
    await type(wb, 'II.6.A', ROAD_KEY, 'mechanism', 'Nhà nước và nhân dân cùng làm');
    const state = await wb.readState();
    const extra: Record<string, unknown> = { ...state.extra };
    delete extra.communeColumns;
    await wb.writeState({ ...state, extra });
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY).mechanism).toBe('Nhà nước và nhân dân cùng làm');
    expect(e.findings).toEqual([]);
  });

  it("II.6.B's Ưu tiên is the commune's; none typed, none read", async () => {
    const wb = await planned();
    expect(edited(await readEdits(wb), SEEDS_KEY)).not.toHaveProperty('priority');
    await type(wb, 'II.6.B', SEEDS_KEY, 'priority', 1);
    expect(edited(await readEdits(wb), SEEDS_KEY).priority).toBe(1);
  });
});

describe("II.4.A's cells", () => {
  const SITUATION_KEY = 's:v:thon a|duong lay loi mua mua';

  async function situationRow(wb: MemoryWorkbook): Promise<{ d: SheetData; row: number }> {
    const d = await sheetOf(wb, 'II.4.A');
    return { d, row: rowWith(d, colOf(d, 'Mã dòng (LKH)'), SITUATION_KEY) };
  }

  it("Mục tiêu typed there is the commune's, by the row's key", async () => {
    const wb = await planned();
    expect((await readEdits(wb)).objectives.size).toBe(0);
    const { d, row } = await situationRow(wb);
    await wb.writeValues([{ sheet: 'II.4.A', row, col: colOf(d, 'Mục tiêu'), values: [['Đường đi lại được cả mùa mưa']] }]);
    expect([...(await readEdits(wb)).objectives]).toEqual([[SITUATION_KEY, 'Đường đi lại được cả mùa mưa']]);
  });

  it('a cell reworded is kept as typed (spaces around aside); untouched or emptied cells are not', async () => {
    const wb = await planned();
    expect((await readEdits(wb)).situationTexts?.size).toBe(0);
    const { d, row } = await situationRow(wb);
    await wb.writeValues([
      { sheet: 'II.4.A', row, col: colOf(d, 'Ngành/Lĩnh vực'), values: [['Giao thông nông thôn']] },
      { sheet: 'II.4.A', row, col: colOf(d, 'Khó khăn'), values: [['  Đường lầy lội, xe không vào được  ']] },
      { sheet: 'II.4.A', row, col: colOf(d, 'Nguyên nhân'), values: [[null]] },
    ]);
    expect([...((await readEdits(wb)).situationTexts ?? [])]).toEqual([[SITUATION_KEY, { sector: 'Giao thông nông thôn', difficulty: 'Đường lầy lội, xe không vào được' }]]);
  });

  it('a figure typed alone (Excel keeps it as a number) is a text of the commune too', async () => {
    const wb = await planned();
    const { d, row } = await situationRow(wb);
    await wb.writeValues([{ sheet: 'II.4.A', row, col: colOf(d, 'Giải pháp'), values: [[2028]] }]);
    expect((await readEdits(wb)).situationTexts?.get(SITUATION_KEY)).toEqual({ solution: '2028' });
  });
});

const ACCEPT = 'Đồng ý gộp (ghi x)';
const CONFIRM = 'Xã đã xác nhận (ghi x)';
const KEY = 'Mã dòng (LKH)';

/** A report as the commune leaves it: its merge tables and its meetings' table, marks typed in. */
function reportBook(rows: readonly (readonly CellValue[])[], state?: DocumentState): MemoryWorkbook {
  return MemoryWorkbook.fromArrays({ [REPORT_SHEET]: rows }, state ? { state } : {});
}

const sorted = (merges: readonly (readonly string[])[]) => merges.map((m) => [...m].sort().join('+')).sort();

describe("the report's columns of marks", () => {
  const REPORT: CellValue[][] = [
    ['BÁO CÁO TỔNG HỢP — NĂM KẾ HOẠCH 2027'],
    ['Đề xuất gộp các hoạt động giống nhau của nhiều thôn/ban ngành'],
    ['STT', 'Hoạt động (sau khi gộp)', 'Tổng số (1.000 đồng)', ACCEPT, KEY],
    [1, 'Hỗ trợ giống lúa', 7_500, 'x', 'v:thon a|ho tro giong lua|kg+v:thon b|ho tro giong lua lai|kg'],
    [2, 'Cứng hóa kênh mương', 300_000, 'X', 'v:thon a|cung hoa kenh muong|m+v:thon b|cung hoa kenh|m'],
    [3, 'Xây dựng nhà văn hóa', 400_000, 'không', 'v:thon a|nha van hoa|nha+v:thon b|nha van hoa thon|nha'],
    [4, 'Tập huấn chăn nuôi', 2_000, 'Không', 'v:thon a|tap huan|lop+v:thon b|tap huan chan nuoi|lop'],
    [5, 'Trồng rừng', 9_000, null, 'v:thon a|trong rung|ha+v:thon b|trong rung phong ho|ha'],
    [6, 'Nạo vét mương', 4_000, false, 'v:thon a|nao vet muong|m+v:thon b|nao vet kenh|m'],
    [7, 'Sửa cống', 6_000, true, 'v:thon a|sua cong|cai+v:thon b|sua cong qua duong|cai'],
    [],
    ['Ghi chú: ghi x để gộp', null, null, 'x', 'x'],
    ['Đề xuất gộp các khó khăn gần giống nhau trong Biểu II.4.A'],
    ['STT', 'Chủ đề', 'Các khó khăn', ACCEPT, KEY],
    [1, 'Cơ sở hạ tầng', '- Đường lầy lội\n- Đường lầy', 'x', 's:v:thon a|duong lay loi+s:v:thon b|duong lay'],
    ['Họp thôn chưa đạt yêu cầu của Sổ tay'],
    ['STT', 'Thôn', 'Danh mục', 'Lý do', CONFIRM, KEY],
    [1, 'Thôn A', 'Chưa hợp lệ', '40 hộ', 'x', 'a'],
    [2, 'Thôn B', 'Chưa hợp lệ', '30 hộ', null, 'b'],
    [3, 'Bản C', 'Chưa hợp lệ', '20 hộ', 'không', 'c'],
    [4, 'Bản D', 'Xã đã xác nhận', '45 hộ', 'x', 'd'],
    [5, 'Bản E', 'Chưa hợp lệ', '10 hộ', false, 'e'],
    [6, 'Bản F', 'Xã đã xác nhận', '48 hộ', true, 'f'],
    ['Kiểm tra nguồn vốn'],
    ['STT', 'Nội dung kiểm tra', 'Kết quả', 'Chi tiết'],
    [1, 'Tỷ lệ vốn cho hoạt động của thôn', 'Đạt', '80%'],
  ];

  it('a merge marked with anything but nothing, "không" or an unticked box is accepted, in every table that offers merges', async () => {
    const e = await readEdits(reportBook(REPORT));
    expect(sorted(e.acceptedMerges)).toEqual(
      sorted([
        ['v:thon a|ho tro giong lua|kg', 'v:thon b|ho tro giong lua lai|kg'],
        ['v:thon a|cung hoa kenh muong|m', 'v:thon b|cung hoa kenh|m'],
        ['v:thon a|sua cong|cai', 'v:thon b|sua cong qua duong|cai'],
        ['s:v:thon a|duong lay loi', 's:v:thon b|duong lay'],
      ]),
    );
    expect(e.acceptedMerges.every((m) => m.length === 2)).toBe(true);
  });

  it('the villages whose list the commune confirmed: marked as merges are', async () => {
    expect((await readEdits(reportBook(REPORT))).confirmedMeetings).toStrictEqual(['a', 'd', 'f']);
  });

  it('the columns found wherever the commune moved them, each table read to its last row', async () => {
    const merge = 'v:thon a|trong rung|ha+v:thon b|trong rung phong ho|ha';
    const first = await readEdits(reportBook([[ACCEPT, KEY, 'Hoạt động (sau khi gộp)'], ['x', merge, 'Trồng rừng'], [], [CONFIRM, 'Thôn', KEY], ['x', 'Thôn A', 'a']]));
    const last = await readEdits(reportBook([[KEY, CONFIRM, 'Thôn'], ['a', 'x', 'Thôn A'], [], [KEY, ACCEPT, 'Hoạt động (sau khi gộp)'], [merge, 'x', 'Trồng rừng']]));
    for (const e of [first, last]) {
      expect(e.acceptedMerges).toStrictEqual([merge.split('+')]);
      expect(e.confirmedMeetings).toStrictEqual(['a']);
    }
  });

  it("merges accepted on earlier runs (the state) are kept with the report's, each once whatever its order", async () => {
    const state: DocumentState = { extra: { acceptedMerges: [['v:thon b|ho tro giong lua lai|kg', 'v:thon a|ho tro giong lua|kg'], ['v:thon a|x|m', 'v:thon c|x|m']], confirmedMeetings: ['z'] } };
    const e = await readEdits(reportBook(REPORT.slice(0, 4), state));
    expect(sorted(e.acceptedMerges)).toEqual(sorted([['v:thon a|ho tro giong lua|kg', 'v:thon b|ho tro giong lua lai|kg'], ['v:thon a|x|m', 'v:thon c|x|m']]));
    // The report holds no meetings' table: none confirmed there, the state's record is not used.
    expect(e.confirmedMeetings).toStrictEqual([]);
  });

  it('the report deleted: the merges and confirmations of the state, its damaged entries left out', async () => {
    const wb = await planned();
    await wb.deleteSheets([REPORT_SHEET]);
    const state = await wb.readState();
    await wb.writeState({ ...state, extra: { ...state.extra, acceptedMerges: [['v:thon a|x|m', 'v:thon c|x|m'], ['v:thon a|y|m', 3], 'v:thon a|z|m', 7], confirmedMeetings: ['thon a', 5, null, 'ban c'] } });
    const e = await readEdits(wb);
    expect(e.acceptedMerges).toStrictEqual([['v:thon a|x|m', 'v:thon c|x|m']]);
    expect(e.confirmedMeetings).toStrictEqual(['thon a', 'ban c']);
    const none = await readEdits(MemoryWorkbook.fromArrays({ 'Thôn A - I.2': [['x']] }, { state: { extra: { acceptedMerges: [['p', 'q']], confirmedMeetings: ['thon a'] } } }));
    expect([none.acceptedMerges, none.confirmedMeetings]).toStrictEqual([[['p', 'q']], ['thon a']]);
    const nothing = await readEdits(MemoryWorkbook.fromArrays({ 'Thôn A - I.2': [['x']] }, { state: { extra: { confirmedMeetings: 'thon a' } } }));
    expect([nothing.acceptedMerges, nothing.confirmedMeetings]).toStrictEqual([[], []]);
    const unwritten = await planned();
    await unwritten.deleteSheets([REPORT_SHEET]);
    const kept = await unwritten.readState();
    await unwritten.writeState({ ...kept, extra: { ...kept.extra, confirmedMeetings: 'thon a' } });
    expect((await readEdits(unwritten)).confirmedMeetings).toStrictEqual([]);
  });
});

describe('a state or a sheet damaged by hand', () => {
  it("the state's records of what LKH wrote, when not records, are read as none", async () => {
    const wb = await planned();
    const { d, row } = await (async () => {
      const s = await sheetOf(wb, 'II.4.A');
      return { d: s, row: rowWith(s, colOf(s, KEY), 's:v:thon a|duong lay loi mua mua') };
    })();
    await wb.writeValues([{ sheet: 'II.4.A', row, col: colOf(d, 'Khó khăn'), values: [['Đường lầy lội, xe không vào được']] }]);
    const state = await wb.readState();
    await wb.writeState({ ...state, extra: { ...state.extra, communeColumns: null, writtenSplits: ['400000|0'], writtenGroups: 'investment-new', writtenSituations: { 's:v:thon a|duong lay loi mua mua': 5 } } });
    const e = await readEdits(wb);
    // No record of the split: what the sheet shows is taken as typed.
    expect(edited(e, ROAD_KEY)).toMatchObject({ budget: 400_000, proposed: 0, fundingGroup: 'investment-new' });
    // No record of II.4.A's cell: nothing told apart, nothing taken.
    expect(e.situationTexts?.size).toBe(0);
  });

  it("a plan sheet emptied by hand: the others' edits are still read", async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'objective', 'Đi lại thuận tiện quanh năm');
    await type(wb, 'II.6.B', SEEDS_KEY, 'priority', 2);
    const d = await sheetOf(wb, 'II.6.A');
    await wb.writeValues([{ sheet: 'II.6.A', row: d.top, col: d.left, values: d.values.map((r) => r.map(() => null)) }]);
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY).objective).toBe('Đi lại thuận tiện quanh năm');
    expect(edited(e, SEEDS_KEY).priority).toBe(2);
  });

  it('sheets whose first rows and first column were cleared: each cell still read where it is', async () => {
    const wb = await planned();
    await type(wb, 'II.4.B', ROAD_KEY, 'objective', 'Đi lại thuận tiện quanh năm');
    const ii6a = await sheetOf(wb, 'II.6.A');
    const { row } = await rowOf(wb, 'II.6.A', ROAD_KEY);
    await wb.writeValues([{ sheet: 'II.6.A', row, col: colOf(ii6a, PROJECT_STATE_HEADER), values: [[PROJECT_STATES['investment-ongoing']]] }]);
    for (const name of ['II.4.B', 'II.6.A']) {
      const d = await sheetOf(wb, name);
      await wb.writeValues([
        { sheet: name, row: d.top, col: d.left, values: [d.values[0].map(() => null), d.values[1].map(() => null)] },
        { sheet: name, row: d.top, col: d.left, values: d.values.map(() => [null]) },
      ]);
      const after = await sheetOf(wb, name);
      expect([after.top, after.left]).toEqual([d.top + 2, d.left + 1]);
    }
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY)).toMatchObject({ objective: 'Đi lại thuận tiện quanh năm', fundingGroup: 'investment-ongoing' });
  });
});

describe('what is a row of the plan and whose', () => {
  it('edits are by row key only; a row typed by hand is in the previous rows, under no key', async () => {
    const wb = await planned();
    const { row, cols } = await rowOf(wb, 'II.4.B', SEEDS_KEY);
    await insertRow(wb, 'II.4.B', row, { [cols.activity]: 'Lắp đèn đường', [cols.unit]: 'bộ', [cols.total]: 30_000, [cols.budget]: 30_000, [cols.fundSource]: 'Ngân sách tỉnh' });
    const e = await readEdits(wb);
    expect([...e.rows.keys()].sort()).toStrictEqual([ROAD_KEY, MEETING_KEY, SEEDS_KEY].sort());
    expect(e.previous.map((p) => p.key ?? p.activity.activity).sort()).toEqual([ROAD_KEY, MEETING_KEY, SEEDS_KEY, 'Lắp đèn đường'].sort());
  });

  it("a keyed row whose name the commune erased is no row: nothing typed in it is read, it is not kept", async () => {
    const wb = await planned();
    for (const sheet of ['II.4.B', 'II.6.A'] as const) {
      await type(wb, sheet, ROAD_KEY, 'objective', 'Đi lại thuận tiện quanh năm');
      await type(wb, sheet, ROAD_KEY, 'sector', 'Điện');
    }
    for (const sheet of ['II.4.B', 'II.6.A'] as const) await type(wb, sheet, ROAD_KEY, 'activity', null);
    const e = await readEdits(wb);
    expect(e.rows.get(ROAD_KEY)).toBeUndefined();
    expect(e.previous.map((p) => p.key)).toStrictEqual([MEETING_KEY, SEEDS_KEY]);
  });

  it('the key read from its cell without the spaces around it; a number there is no key', async () => {
    const wb = await planned();
    const d = await sheetOf(wb, 'II.4.B');
    const kc = colOf(d, KEY);
    const road = await rowOf(wb, 'II.4.B', ROAD_KEY);
    const seeds = await rowOf(wb, 'II.4.B', SEEDS_KEY);
    await type(wb, 'II.4.B', ROAD_KEY, 'objective', 'Đi lại thuận tiện quanh năm');
    await wb.writeValues([
      { sheet: 'II.4.B', row: road.row, col: kc, values: [[` ${ROAD_KEY} `]] },
      { sheet: 'II.4.B', row: seeds.row, col: kc, values: [[3]] },
    ]);
    const e = await readEdits(wb);
    expect(edited(e, ROAD_KEY).objective).toBe('Đi lại thuận tiện quanh năm');
    expect(e.previous.find((p) => p.activity.activity.startsWith('Hỗ trợ giống lúa'))?.key).toBeUndefined();
  });
});
