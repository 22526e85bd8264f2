/**
 * The province's data tables ("Dữ liệu xã II.6.A", "II.6.B", "II.4.A", "III.1, IV.1") column by
 * column, as a district planner filters and pivots them: each table's header row word for word and
 * in its order (the user guide and the pivot tables name these headers), each column shown as what
 * it holds (money as amounts, counts and years as numbers, dates and form codes centred, words as
 * text), and the values of every form's rows written and read back column by column, empty and odd
 * values included.
 */
import type { Validation } from '../../src/layout/types';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, ReadOptions, SheetData } from '../../src/port/types';
import type { CommuneActivity, CommuneInput, LongColumn, LongRow, StoredCommune, UpperState } from '../../src/workflow/upper-level';
import {
  ACTIVITY_COLUMNS,
  DATA_TABLES,
  FIGURES_TABLE,
  FIGURE_COLUMNS,
  II4A_TABLE,
  II6A_TABLE,
  II6B_TABLE,
  SITUATION_COLUMNS,
  communeRows,
  longLayout,
  readLongTable,
  communeKey,
  readUpperTables,
  rebuildSheet,
  upperState,
} from '../../src/workflow/upper-level';
import { iv1Rows, metaOf } from '../../src/workflow/upper-level/tables';

const EMPTY: UpperState = { communes: {}, imported: {} };

/** The headers where a commune's row was read: the same five first columns in every table. */
const WHERE = ['Xã', 'Tệp', 'Trang', 'Dòng', 'Ngày đọc'];

async function headerRow(name: string, columns: readonly LongColumn[], rows: readonly LongRow[] = []): Promise<readonly CellValue[]> {
  const wb = new MemoryWorkbook();
  await wb.createSheet(longLayout(name, columns, rows));
  const [d] = await wb.readSheets([name]);
  return d.values[0];
}

/** Each column's header with the style its body cells are shown in. */
function stylesByHeader(columns: readonly LongColumn[]): Record<string, string | undefined> {
  const l = longLayout('x', columns, [{}]);
  const out: Record<string, string | undefined> = {};
  for (const c of l.cells) if (c.row === 1) out[String(l.cells[c.col].value)] = c.style;
  return out;
}

describe("the province's data tables, headers", () => {
  it('are the four tables, written in this order', () => {
    expect(DATA_TABLES).toEqual(['Dữ liệu xã II.6.A', 'Dữ liệu xã II.6.B', 'Dữ liệu xã II.4.A', 'Dữ liệu xã III.1, IV.1']);
    expect([II6A_TABLE, II6B_TABLE, II4A_TABLE, FIGURES_TABLE]).toEqual(DATA_TABLES);
  });

  it("head II.6.A and II.6.B with where the row was read, then the plan form's columns, money in thousand đồng, and the row key last", async () => {
    const expected = [
      ...WHERE,
      'Biểu',
      'Chỉ có ở II.4.B',
      'Chủ đề',
      'Ngành/Lĩnh vực',
      'Hoạt động',
      'Mục tiêu',
      'ĐVT',
      'Số lượng',
      'Thời gian',
      'Địa điểm',
      'Chịu trách nhiệm',
      'Tổng số (1.000 đồng)',
      'Dân góp (1.000 đồng)',
      'Ngân sách (1.000 đồng)',
      'Đề xuất (1.000 đồng)',
      'Tên nguồn vốn',
      'Nhóm',
      'Ưu tiên của xã',
      'Khó khăn (II.4.A)',
      'Năm kế hoạch',
      'Mã dòng (LKH)',
    ];
    expect(await headerRow(II6A_TABLE, ACTIVITY_COLUMNS)).toEqual(expected);
    expect(await headerRow(II6B_TABLE, ACTIVITY_COLUMNS)).toEqual(expected);
  });

  it('head II.4.A with where the row was read, the sector, the difficulty and its solutions', async () => {
    expect(await headerRow(II4A_TABLE, SITUATION_COLUMNS)).toEqual([...WHERE, 'Ngành/Lĩnh vực', 'Khó khăn', 'Giải pháp']);
  });

  it("head the figures with where they were read, the form, the unit and year written on it, the form's line and column, and the value", async () => {
    expect(await headerRow(FIGURES_TABLE, FIGURE_COLUMNS)).toEqual([...WHERE, 'Biểu', 'Đơn vị ghi trên biểu', 'Năm kế hoạch', 'Mã dòng của biểu', 'Cột', 'Giá trị']);
  });

  it('give every column its own key, so no two columns hold the same field', () => {
    for (const columns of [ACTIVITY_COLUMNS, SITUATION_COLUMNS, FIGURE_COLUMNS]) {
      const keys = columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.every((k) => k.length > 0)).toBe(true);
      const headers = columns.map((c) => c.header);
      expect(new Set(headers).size).toBe(headers.length);
    }
  });
});

describe("the province's data tables, cells", () => {
  it('show money as amounts, counts, rows, ranks and years as numbers, dates and form codes centred, words as text', () => {
    expect(stylesByHeader(ACTIVITY_COLUMNS)).toEqual({
      Xã: 'text',
      Tệp: 'text',
      Trang: 'text',
      Dòng: 'number',
      'Ngày đọc': 'center',
      Biểu: 'center',
      'Chỉ có ở II.4.B': 'center',
      'Chủ đề': 'text',
      'Ngành/Lĩnh vực': 'text',
      'Hoạt động': 'text',
      'Mục tiêu': 'text',
      ĐVT: 'text',
      'Số lượng': 'number',
      'Thời gian': 'text',
      'Địa điểm': 'text',
      'Chịu trách nhiệm': 'text',
      'Tổng số (1.000 đồng)': 'amount',
      'Dân góp (1.000 đồng)': 'amount',
      'Ngân sách (1.000 đồng)': 'amount',
      'Đề xuất (1.000 đồng)': 'amount',
      'Tên nguồn vốn': 'text',
      Nhóm: 'text',
      'Ưu tiên của xã': 'number',
      'Khó khăn (II.4.A)': 'text',
      'Năm kế hoạch': 'number',
      'Mã dòng (LKH)': 'text',
    });
    expect(stylesByHeader(SITUATION_COLUMNS)).toEqual({ Xã: 'text', Tệp: 'text', Trang: 'text', Dòng: 'number', 'Ngày đọc': 'center', 'Ngành/Lĩnh vực': 'text', 'Khó khăn': 'text', 'Giải pháp': 'text' });
    expect(stylesByHeader(FIGURE_COLUMNS)).toEqual({
      Xã: 'text',
      Tệp: 'text',
      Trang: 'text',
      Dòng: 'number',
      'Ngày đọc': 'center',
      Biểu: 'center',
      'Đơn vị ghi trên biểu': 'text',
      'Năm kế hoạch': 'number',
      'Mã dòng của biểu': 'text',
      Cột: 'text',
      'Giá trị': 'text',
    });
  });

  it('show a date column centred and a long text as text', () => {
    const l = longLayout('x', [{ key: 'd', header: 'Ngày', width: 10, kind: 'date' }, { key: 't', header: 'Ghi chú', width: 30, kind: 'longtext' }, { key: 'p', header: 'Loại', width: 8, kind: 'text' }], [{ d: '2026-11-02', t: 'dài', p: 'a' }]);
    expect(l.cells.filter((c) => c.row === 1).map((c) => c.style)).toEqual(['center', 'text', 'text']);
  });

  it("lay out the table as a filterable block: one key per column in order, every width, the header repeated when printed and the styles it names", () => {
    const l = longLayout(II4A_TABLE, SITUATION_COLUMNS, [{ commune: 'Xã A', difficulty: 'Thiếu nước' }]);
    expect(l.name).toBe(II4A_TABLE);
    expect(l.tables).toEqual([{ key: 'data', headerRow: 0, headerRows: 1, bodyRow: 1, bodyRows: 1, columns: SITUATION_COLUMNS.map((c, col) => ({ key: c.key, col, span: 1 })), rowKeys: {} }]);
    expect(l.columnWidths).toEqual(SITUATION_COLUMNS.map((c) => c.width));
    expect(l.rowHeights).toEqual({});
    expect(l.validations).toEqual([]);
    expect(l.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { from: 0, to: 0 }, area: { rows: 2, cols: SITUATION_COLUMNS.length } });
    for (const s of ['header', 'text', 'number', 'amount', 'center'] as const) expect(l.styles[s]).toBeDefined();
    // A drop-down the caller gives (the sector's list) is kept as given.
    const v: Validation[] = [{ kind: 'list', row: 1, col: 5, rows: 1, cols: 1, values: ['Giao thông', 'Thủy lợi'], open: true }];
    expect(longLayout('y', SITUATION_COLUMNS, [], v).validations).toEqual(v);
  });
});

function activity(a: Partial<CommuneActivity> & Pick<CommuneActivity, 'key' | 'activity' | 'form' | 'total'>): CommuneActivity {
  return { keyDerived: false, onlyInIi4b: false, topic: 'csht', sector: 'Giao thông', contribution: 0, budget: 0, proposed: 0, source: { file: 'ban-lau.xlsx', sheet: a.form, row: 7, cells: {} }, ...a };
}

/** Xã Bản Lầu: a II.6.A row, a II.6.B row, a II.4.B row placed in II.6.B, two difficulties, its III.1. */
const BAN_LAU: CommuneInput = {
  name: 'Xã Bản Lầu',
  key: 'ban lau',
  activities: [
    activity({ key: 'bl-1', form: 'II.6.A', topic: 'vh-xh-mt', sector: 'Văn hóa', activity: 'Tu sửa nhà văn hóa thôn Na Lốc', objective: 'Nhà văn hóa đạt chuẩn', unit: 'nhà', quantity: 1, time: '2027', place: 'Thôn Na Lốc', responsible: 'Trưởng thôn', total: 120000, contribution: 20000, budget: 100000, fundSource: 'Ngân sách xã', group: 'investment-finishing', difficulty: 'Nhà văn hóa xuống cấp', source: { file: 'ban-lau.xlsx', sheet: 'II.6.A', row: 11, cells: {} } }),
    activity({ key: 'bl-2', form: 'II.6.B', topic: 'kinh-te', sector: 'Nông nghiệp', activity: 'Hỗ trợ giống ngô lai', quantity: '15 ha', total: 90000, contribution: 9000, budget: 0, proposed: 81000, priority: 2, group: 'investment-completed', source: { file: 'ban-lau.xlsx', sheet: 'II.6.B', row: 8, cells: {} } }),
    activity({ key: 'bl-3', form: 'II.6.B', onlyInIi4b: true, topic: 'csht', sector: 'Giao thông', activity: 'Làm ngầm tràn suối Nậm Chảy', total: 300000, proposed: 300000, group: 'investment-ongoing', source: { file: 'ban-lau.xlsx', sheet: 'II.4.B', row: 14, cells: {} } }),
  ],
  situations: [
    { difficulty: 'Nhà văn hóa xuống cấp', solutions: ['Tu sửa mái', 'Làm lại sân'], sector: 'Văn hóa', file: 'ban-lau.xlsx', sheet: 'II.4.A', row: 9 },
    { difficulty: 'Thiếu giống', solutions: ['Hỗ trợ giống'], sector: 'Nông nghiệp', file: 'ban-lau.xlsx', sheet: 'II.4.A', row: 10 },
  ],
  forms: { 'II.6.A': { count: 1, amount: 120000 }, 'II.6.B': { count: 1, amount: 90000 } },
  iii1: {
    formId: 'III.1',
    sheet: 'III.1',
    file: 'ban-lau.xlsx',
    confidence: 1,
    planYear: 2027,
    unitName: 'Bản Lầu',
    strengths: [],
    difficulties: [],
    activities: [],
    fixedValues: { 'tong-von': { amount: 510000, content: 'Tổng vốn' }, 'dan-gop': { amount: 29000 } },
    findings: [],
  } satisfies FormReading,
  period: '2026-2030',
  planYear: 2027,
  where: ['ban-lau.xlsx'],
};

/** The four tables as written for the given communes (as the roll-up writes them). */
async function written(communes: readonly StoredCommune[]): Promise<MemoryWorkbook> {
  const rows = communes.map(communeRows);
  const wb = new MemoryWorkbook();
  await wb.createSheet(longLayout(II6A_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6a)));
  await wb.createSheet(longLayout(II6B_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6b)));
  await wb.createSheet(longLayout(II4A_TABLE, SITUATION_COLUMNS, rows.flatMap((r) => r.ii4a)));
  await wb.createSheet(longLayout(FIGURES_TABLE, FIGURE_COLUMNS, rows.flatMap((r) => r.figures)));
  return wb;
}

/** A table's body rows as header → cell, as a person reads them with a filter on. */
async function byHeader(wb: MemoryWorkbook, sheet: string): Promise<Record<string, CellValue>[]> {
  const [d] = await wb.readSheets([sheet]);
  const [head, ...body] = d.values;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i] ?? null])));
}

describe("a commune's rows in the province's tables, column by column", () => {
  it('put II.6.A rows in II.6.A and II.6.B rows (a II.4.B row among them, marked) in II.6.B, each money column in its own column', async () => {
    const wb = await written([{ input: BAN_LAU, read: '2026-11-20' }]);
    const a = await byHeader(wb, II6A_TABLE);
    expect(a).toEqual([
      {
        Xã: 'Xã Bản Lầu',
        Tệp: 'ban-lau.xlsx',
        Trang: 'II.6.A',
        Dòng: 12,
        'Ngày đọc': '2026-11-20',
        Biểu: 'II.6.A',
        'Chỉ có ở II.4.B': null,
        'Chủ đề': 'Văn hóa - Xã hội - Môi trường',
        'Ngành/Lĩnh vực': 'Văn hóa',
        'Hoạt động': 'Tu sửa nhà văn hóa thôn Na Lốc',
        'Mục tiêu': 'Nhà văn hóa đạt chuẩn',
        ĐVT: 'nhà',
        'Số lượng': 1,
        'Thời gian': '2027',
        'Địa điểm': 'Thôn Na Lốc',
        'Chịu trách nhiệm': 'Trưởng thôn',
        'Tổng số (1.000 đồng)': 120000,
        'Dân góp (1.000 đồng)': 20000,
        'Ngân sách (1.000 đồng)': 100000,
        'Đề xuất (1.000 đồng)': 0,
        'Tên nguồn vốn': 'Ngân sách xã',
        Nhóm: 'Đầu tư - chuyển tiếp hoàn thành',
        'Ưu tiên của xã': null,
        'Khó khăn (II.4.A)': 'Nhà văn hóa xuống cấp',
        'Năm kế hoạch': 2027,
        'Mã dòng (LKH)': 'bl-1',
      },
    ]);
    const b = await byHeader(wb, II6B_TABLE);
    expect(b.map((r) => [r.Biểu, r['Chỉ có ở II.4.B'], r.Trang, r.Dòng, r['Chủ đề'], r['Số lượng'], r['Tổng số (1.000 đồng)'], r['Dân góp (1.000 đồng)'], r['Ngân sách (1.000 đồng)'], r['Đề xuất (1.000 đồng)'], r.Nhóm, r['Ưu tiên của xã'], r['Mã dòng (LKH)']])).toEqual([
      ['II.6.B', null, 'II.6.B', 9, 'Kinh tế và tổ chức sản xuất', '15 ha', 90000, 9000, 0, 81000, 'Đầu tư - đã hoàn thành', 2, 'bl-2'],
      ['II.6.B', 'Có', 'II.4.B', 15, 'Cơ sở hạ tầng', null, 300000, 0, 0, 300000, 'Đầu tư - chuyển tiếp', null, 'bl-3'],
    ]);
    const d = await byHeader(wb, II4A_TABLE);
    expect(d).toEqual([
      { Xã: 'Xã Bản Lầu', Tệp: 'ban-lau.xlsx', Trang: 'II.4.A', Dòng: 10, 'Ngày đọc': '2026-11-20', 'Ngành/Lĩnh vực': 'Văn hóa', 'Khó khăn': 'Nhà văn hóa xuống cấp', 'Giải pháp': 'Tu sửa mái\nLàm lại sân' },
      { Xã: 'Xã Bản Lầu', Tệp: 'ban-lau.xlsx', Trang: 'II.4.A', Dòng: 11, 'Ngày đọc': '2026-11-20', 'Ngành/Lĩnh vực': 'Nông nghiệp', 'Khó khăn': 'Thiếu giống', 'Giải pháp': 'Hỗ trợ giống' },
    ]);
    const f = await byHeader(wb, FIGURES_TABLE);
    expect(f.map((r) => [r.Xã, r.Tệp, r.Trang, r.Dòng, r['Ngày đọc'], r.Biểu, r['Đơn vị ghi trên biểu'], r['Năm kế hoạch'], r['Mã dòng của biểu'], r.Cột, r['Giá trị']])).toEqual([
      ['Xã Bản Lầu', 'ban-lau.xlsx', 'III.1', null, '2026-11-20', 'III.1', 'Bản Lầu', 2027, 'tong-von', 'amount', 510000],
      ['Xã Bản Lầu', 'ban-lau.xlsx', 'III.1', null, '2026-11-20', 'III.1', 'Bản Lầu', 2027, 'tong-von', 'content', 'Tổng vốn'],
      ['Xã Bản Lầu', 'ban-lau.xlsx', 'III.1', null, '2026-11-20', 'III.1', 'Bản Lầu', 2027, 'dan-gop', 'amount', 29000],
    ]);
  });

  it('read every column of every form back into the same commune', async () => {
    const wb = await written([{ input: BAN_LAU, read: '2026-11-20' }]);
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    expect(back.communes).toStrictEqual([{ input: BAN_LAU, read: '2026-11-20' }]);
    expect([...back.compact].sort()).toEqual([...DATA_TABLES].sort());
  });

  it('write a commune with nothing but its name and activity as empty cells, and read it back without the fields it lacks', async () => {
    const bare: CommuneInput = {
      name: 'Xã Nậm Xé',
      key: 'nam xe',
      activities: [activity({ key: 'nx-1', form: 'II.6.A', sector: '', activity: 'Phát quang đường', total: 0, source: { sheet: 'II.6.A', row: 0, cells: {} } })],
      situations: [{ difficulty: 'Đường hẹp', solutions: [], sector: '' }],
      forms: { 'II.6.A': { count: 1, amount: 0 }, 'II.6.B': { count: 0, amount: 0 } },
      period: '2026-2030',
      where: [],
    };
    const wb = await written([{ input: bare, read: '2026-11-21' }]);
    const [row] = await byHeader(wb, II6A_TABLE);
    const empty = Object.entries(row).filter(([, v]) => v === null).map(([h]) => h);
    expect(empty).toEqual(['Tệp', 'Chỉ có ở II.4.B', 'Ngành/Lĩnh vực', 'Mục tiêu', 'ĐVT', 'Số lượng', 'Thời gian', 'Địa điểm', 'Chịu trách nhiệm', 'Tên nguồn vốn', 'Nhóm', 'Ưu tiên của xã', 'Khó khăn (II.4.A)', 'Năm kế hoạch']);
    // Zero money is written as 0, not left empty: the planner sums these columns.
    expect([row['Tổng số (1.000 đồng)'], row['Dân góp (1.000 đồng)'], row['Ngân sách (1.000 đồng)'], row['Đề xuất (1.000 đồng)'], row.Dòng]).toEqual([0, 0, 0, 0, 1]);
    const [s] = await byHeader(wb, II4A_TABLE);
    expect([s.Tệp, s.Trang, s.Dòng, s['Ngành/Lĩnh vực'], s['Giải pháp']]).toEqual([null, null, null, null, null]);
    expect(await byHeader(wb, FIGURES_TABLE)).toEqual([]);
    // Read back, a field not given is absent, not there as undefined (a spread over defaults would erase them).
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    expect(back.communes).toStrictEqual([{ input: bare, read: '2026-11-21' }]);
  });
});

describe("the province's own rows and memory", () => {
  it("write the province's IV.1 as figure rows under the unit written on the form, one per filled cell", () => {
    const iv1: FormReading = {
      formId: 'IV.1',
      sheet: 'IV.1',
      file: 'tinh-lao-cai.xlsx',
      confidence: 1,
      planYear: 2027,
      unitName: 'Tỉnh Lào Cai',
      strengths: [],
      difficulties: [],
      activities: [],
      fixedValues: { 'ntm-dau-tu': { amount: 4000, content: '' }, 'giam-ngheo': { amount: null, content: 'Hỗ trợ sinh kế' } },
      findings: [],
    };
    expect(iv1Rows([iv1], '2026-11-25')).toEqual([
      { commune: 'Tỉnh Lào Cai', file: 'tinh-lao-cai.xlsx', sheet: 'IV.1', row: null, read: '2026-11-25', form: 'IV.1', unitName: 'Tỉnh Lào Cai', planYear: 2027, line: 'ntm-dau-tu', column: 'amount', value: 4000 },
      { commune: 'Tỉnh Lào Cai', file: 'tinh-lao-cai.xlsx', sheet: 'IV.1', row: null, read: '2026-11-25', form: 'IV.1', unitName: 'Tỉnh Lào Cai', planYear: 2027, line: 'giam-ngheo', column: 'content', value: 'Hỗ trợ sinh kế' },
    ]);
    // A IV.1 without its unit, file or year: those cells left empty, its name cell blank.
    const bare: FormReading = { ...iv1, file: undefined, unitName: undefined, planYear: undefined, fixedValues: { tong: { amount: 0 } } };
    expect(iv1Rows([bare], '2026-11-25')).toEqual([{ commune: '', file: null, sheet: 'IV.1', row: null, read: '2026-11-25', form: 'IV.1', unitName: null, planYear: null, line: 'tong', column: 'amount', value: 0 }]);
    expect(iv1Rows([], '2026-11-25')).toEqual([]);
  });

  it("remember of each commune its name as spelled, the day read, its file's date when known, its period, plan year and tallies", () => {
    expect(metaOf({ input: BAN_LAU, read: '2026-11-20', modified: '2026-11-18T07:30:00Z' })).toEqual({
      name: 'Xã Bản Lầu',
      read: '2026-11-20',
      modified: '2026-11-18T07:30:00Z',
      period: '2026-2030',
      planYear: 2027,
      forms: { 'II.6.A': { count: 1, amount: 120000 }, 'II.6.B': { count: 1, amount: 90000 } },
    });
    const noYear: CommuneInput = { ...BAN_LAU, planYear: undefined };
    expect(metaOf({ input: noYear, read: '2026-11-20' })).toStrictEqual({ name: 'Xã Bản Lầu', read: '2026-11-20', period: '2026-2030', forms: BAN_LAU.forms });
  });

  it('group rows of one commune however its name is written, as the reader of the plans groups them', async () => {
    const names = ['Xã Tân Lập', 'tân lập', 'Phường Kim Tân', 'Kim Tân', 'Thị trấn Sa Pa', 'THỊ TRẤN  SA PA', 'Cán Xa Hồ', 'Xã Cán Xa Hồ'];
    const wb = MemoryWorkbook.fromArrays({ [II6A_TABLE]: [['Xã', 'Hoạt động', 'Tổng số (1.000 đồng)'], ...names.map((n, i) => [n, `Việc ${i + 1}`, 1000 * (i + 1)])] });
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    expect(back.communes.map((c) => [c.input.name, c.input.key, c.input.activities.map((a) => a.total)])).toEqual([
      ['Xã Tân Lập', communeKey('Xã Tân Lập'), [1000, 2000]],
      ['Phường Kim Tân', communeKey('Phường Kim Tân'), [3000, 4000]],
      ['Thị trấn Sa Pa', communeKey('Thị trấn Sa Pa'), [5000, 6000]],
      ['Cán Xa Hồ', communeKey('Cán Xa Hồ'), [7000, 8000]],
    ]);
    expect(back.communes.map((c) => c.input.key)).toEqual(['tan lap', 'kim tan', 'sa pa', 'can xa ho']);
  });
});

describe('a data table read back by its headers', () => {
  it("finds each column under its header wherever it stands, leaves out a column that is not there, and a row of blanks, numbering rows as the sheet does", () => {
    const data = {
      name: II4A_TABLE,
      top: 2,
      left: 1,
      values: [
        [2027, null, ' khó   KHĂN ', 'Xã', true, 'Giải pháp', 'Khó khăn'],
        [1, 'x', 'Thiếu nước', 'Xã A', false, 'Làm giếng'],
        [null, '', '   ', null, null, '  '],
        [null, null, 'Đường hẹp', 'Xã B'],
      ] as CellValue[][],
      errors: [],
      merges: [],
    };
    expect(readLongTable(data, SITUATION_COLUMNS)).toEqual({
      rows: [
        { commune: 'Xã A', difficulty: 'Thiếu nước', solutions: 'Làm giếng' },
        { commune: 'Xã B', difficulty: 'Đường hẹp', solutions: null },
      ],
      sheetRows: [3, 5],
    });
  });
});

describe("the province's tables read in one go", () => {
  /** A workbook that remembers what each read asked for. */
  class Watched extends MemoryWorkbook {
    readonly asked: { names: readonly string[]; options?: ReadOptions }[] = [];
    override async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetData[]> {
      this.asked.push({ names, ...(options ? { options } : {}) });
      return super.readSheets(names, options);
    }
  }

  it('read only the data tables present, in one read of values alone (no formulas, fonts or merges: 18,000 rows on Sheets)', async () => {
    const wb = new Watched();
    await wb.createSheet(longLayout(II6B_TABLE, ACTIVITY_COLUMNS, communeRows({ input: BAN_LAU, read: '2026-11-20' }).ii6b));
    await wb.createSheet(longLayout('Tổng hợp theo xã', [{ key: 'a', header: 'Xã', width: 10 }], [{ a: 'Xã Bản Lầu' }]));
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    expect(wb.asked).toEqual([{ names: [II6B_TABLE], options: { formulas: false, fonts: false, merges: false } }]);
    expect(back.communes.map((c) => [c.input.name, c.input.activities.length])).toEqual([['Xã Bản Lầu', 2]]);
    // No data table at all: nothing read.
    const none = new Watched();
    await none.createSheet(longLayout('Tổng hợp theo xã', [{ key: 'a', header: 'Xã', width: 10 }], []));
    expect(await readUpperTables(none, EMPTY, '2026-2030')).toEqual({ communes: [], iv1: [], compact: new Set() });
    expect(none.asked).toEqual([]);
  });

  it('count a table as the roll-up wrote it only from cell A1: one moved right by a column is rewritten', async () => {
    const header = SITUATION_COLUMNS.map((c) => c.header);
    const row = ['Xã A', null, null, null, null, null, 'Thiếu nước', null];
    const atA1 = await readUpperTables(MemoryWorkbook.fromArrays({ [II4A_TABLE]: [header, row] }), EMPTY, '2026-2030');
    expect([...atA1.compact]).toEqual([II4A_TABLE]);
    const moved = await readUpperTables(MemoryWorkbook.fromArrays({ [II4A_TABLE]: [[null, ...header], [null, ...row]] }), EMPTY, '2026-2030');
    expect([...moved.compact]).toEqual([]);
    expect(moved.communes.map((c) => c.input.situations)).toEqual([[{ difficulty: 'Thiếu nước', solutions: [], sector: '' }]]);
    // Its headers in another wording, or one column fewer: rewritten too.
    const renamed = await readUpperTables(MemoryWorkbook.fromArrays({ [II4A_TABLE]: [header.map((h) => (h === 'Giải pháp' ? 'Giải pháp đề xuất' : h)), row] }), EMPTY, '2026-2030');
    expect([...renamed.compact]).toEqual([]);
    const fewer = await readUpperTables(MemoryWorkbook.fromArrays({ [II4A_TABLE]: [header.slice(0, -1), row.slice(0, -1)] }), EMPTY, '2026-2030');
    expect([...fewer.compact]).toEqual([]);
  });
});

describe("a commune known only by its III.1 figures", () => {
  it('is read with the day its figures were read, its III.1 without the year or unit it lacks, an empty value cell as no value', async () => {
    const header = FIGURE_COLUMNS.map((c) => c.header);
    // Xã, Tệp, Trang, Dòng, Ngày đọc, Biểu, Đơn vị ghi trên biểu, Năm kế hoạch, Mã dòng của biểu, Cột, Giá trị
    const wb = MemoryWorkbook.fromArrays({
      [FIGURES_TABLE]: [
        header,
        ['Xã Sín Chéng', null, null, null, '2026-11-22', 'III.1', null, null, 'tong-von', 'amount', 250000],
        ['Xã Sín Chéng', null, null, null, null, 'III.1', null, null, 'tong-von', 'content', null],
        ['Xã Nàn Sán', null, 'III.1 NS', null, null, 'III.1', null, null, 'dan-gop', 'amount', '1.200'],
      ],
    });
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    const iii1 = (fixedValues: FormReading['fixedValues'], sheet: string): FormReading => ({ formId: 'III.1', sheet, confidence: 1, strengths: [], difficulties: [], activities: [], fixedValues, findings: [] });
    expect(back.communes).toStrictEqual([
      {
        input: { name: 'Xã Sín Chéng', key: 'sin cheng', activities: [], situations: [], forms: { 'II.6.A': { count: 0, amount: 0 }, 'II.6.B': { count: 0, amount: 0 } }, iii1: iii1({ 'tong-von': { amount: 250000, content: null } }, FIGURES_TABLE), period: '2026-2030', where: [] },
        read: '2026-11-22',
      },
      {
        input: { name: 'Xã Nàn Sán', key: 'nan san', activities: [], situations: [], forms: { 'II.6.A': { count: 0, amount: 0 }, 'II.6.B': { count: 0, amount: 0 } }, iii1: iii1({ 'dan-gop': { amount: '1.200' } }, 'III.1 NS'), period: '2026-2030', where: [] },
        read: '',
      },
    ]);
  });
});

describe("the upper level's state, odd values", () => {
  it('reads a blank part of the state as none, and keeps no funds or feedback commune it does not have', () => {
    expect(upperState({ extra: { upper: null, district: { funds: 5 } } })).toStrictEqual({ funds: 5, communes: {}, imported: {} });
    expect(upperState({ extra: { upper: { communes: null, imported: null, funds: 12 } } })).toStrictEqual({ funds: 12, communes: {}, imported: {} });
    expect(upperState({ extra: { upper: { communes: { a: null, b: { name: 'Xã B', read: '2026-11-02' } } } } })).toStrictEqual({ communes: { b: { name: 'Xã B', read: '2026-11-02' } }, imported: {} });
    expect(upperState({})).toStrictEqual({ communes: {}, imported: {} });
  });
});

describe('rows read where a person moved or cleared them', () => {
  it("keep the form their Biểu column names, whichever table they sit in", async () => {
    const header = ACTIVITY_COLUMNS.map((c) => c.header);
    const at = (h: string) => header.indexOf(h);
    const row = (form: string | null, activity: string): CellValue[] => {
      const r: CellValue[] = header.map(() => null);
      r[at('Xã')] = 'Xã Y Tý';
      r[at('Biểu')] = form;
      r[at('Hoạt động')] = activity;
      r[at('Tổng số (1.000 đồng)')] = 5000;
      return r;
    };
    const wb = MemoryWorkbook.fromArrays({ [II6A_TABLE]: [header, row('II.6.B', 'Làm cầu tạm'), row(null, 'Dọn đường'), row('II.4.B', 'Trồng rừng')], [II6B_TABLE]: [header, row('II.6.A', 'Sửa lớp học')] });
    const [c] = (await readUpperTables(wb, EMPTY, '2026-2030')).communes;
    expect(c.input.activities.map((a) => [a.activity, a.form])).toEqual([
      ['Làm cầu tạm', 'II.6.B'],
      ['Dọn đường', 'II.6.A'],
      ['Trồng rừng', 'II.6.A'],
      ['Sửa lớp học', 'II.6.A'],
    ]);
  });

  it('read nothing from tables a person emptied, and count none of them as written by the roll-up', async () => {
    const wb = new MemoryWorkbook();
    for (const t of DATA_TABLES) await wb.createSheet(longLayout(t, [], []));
    expect(await readUpperTables(wb, EMPTY, '2026-2030')).toStrictEqual({ communes: [], iv1: [], compact: new Set() });
  });

  it('rebuild a sheet with no copies to remove without asking the workbook to delete any', async () => {
    const wb = MemoryWorkbook.fromArrays({ Khác: [['x']] });
    await rebuildSheet(wb, longLayout(II4A_TABLE, SITUATION_COLUMNS, []), await wb.listSheets());
    expect([await wb.listSheets(), wb.stats.deleteSheets, wb.stats.createSheet]).toEqual([['Khác', II4A_TABLE], 0, 1]);
  });
});
