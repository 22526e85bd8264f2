/**
 * The upper level's long tables (tables.ts) field by field: a commune written into "Dữ liệu xã …"
 * and read back is the same commune (every column, III.1's figures, the difficulties); a table a
 * person typed or rearranged by hand is read by its headers whatever their case, order or
 * spelling of numbers; the state's memory of each commune wins over the rows; a table is "compact"
 * only as the roll-up writes it; the state of earlier versions is read; a sheet rebuilt leaves no
 * copy behind.
 */
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue } from '../../src/port/types';
import type { CommuneActivity, CommuneInput, StoredCommune, UpperState } from '../../src/workflow/upper-level';
import {
  ACTIVITY_COLUMNS,
  FIGURES_TABLE,
  FIGURE_COLUMNS,
  II4A_TABLE,
  II6A_TABLE,
  II6B_TABLE,
  SITUATION_COLUMNS,
  communeRows,
  longLayout,
  readLongTable,
  readUpperTables,
  rebuildSheet,
  upperState,
} from '../../src/workflow/upper-level';

const EMPTY: UpperState = { communes: {}, imported: {} };

function activity(a: Partial<CommuneActivity> & Pick<CommuneActivity, 'key' | 'activity' | 'form' | 'total'>): CommuneActivity {
  return {
    keyDerived: false,
    onlyInIi4b: false,
    topic: 'csht',
    sector: 'Giao thông',
    contribution: 0,
    budget: 0,
    proposed: 0,
    source: { file: 'tan-lap.xlsx', sheet: a.form, row: 7, cells: {} },
    ...a,
  };
}

const III1: FormReading = {
  formId: 'III.1',
  sheet: 'III.1 Tân Lập',
  file: 'III.1 các xã.xlsx',
  confidence: 1,
  planYear: 2027,
  unitName: 'Tân Lập',
  strengths: [],
  difficulties: [],
  activities: [],
  fixedValues: { 'chi-thuong-xuyen': { amount: 800 }, 'ntm-dau-tu': { content: 'Giao thông, thủy lợi nội đồng', amount: 100 } },
  findings: [],
};

/** Xã Tân Lập with every field a commune's plan can give. */
const TAN_LAP: CommuneInput = {
  name: 'Xã Tân Lập',
  key: 'tan lap',
  activities: [
    activity({
      key: 'r-kenh',
      form: 'II.6.A',
      topic: 'csht',
      sector: 'Thủy lợi',
      activity: 'Cứng hóa kênh mương (Thôn A)',
      objective: 'Tưới chủ động 20 ha',
      unit: 'm',
      quantity: 300,
      time: 'Quý II/2027',
      place: 'Thôn A',
      responsible: 'UBND xã',
      total: 150000,
      contribution: 20000,
      budget: 130000,
      fundSource: 'CTMTQG NTM',
      group: 'investment-new',
      difficulty: 'Thiếu nước tưới (Thôn A)',
      source: { file: 'tan-lap.xlsx', sheet: 'II.6.A', row: 9, cells: {} },
    }),
    activity({ key: 'r-ve-sinh', form: 'II.6.A', topic: 'vh-xh-mt', sector: 'Môi trường', activity: 'Dọn vệ sinh đường làng', quantity: '2 lần/tháng', total: 3000, contribution: 3000, group: 'no-outside-money' }),
    activity({ key: 'r-bo', form: 'II.6.A', onlyInIi4b: true, topic: 'kinh-te', sector: 'Chăn nuôi', activity: 'Hỗ trợ bò giống', total: 40000, budget: 40000, group: 'recurrent' }),
    activity({ key: 'r-nha-vh', form: 'II.6.B', topic: 'csht', sector: '', activity: 'Xây dựng nhà văn hóa thôn', total: 350000, contribution: 35000, proposed: 315000, priority: 1, group: 'outside-money', source: { sheet: 'II.6.B', row: 8, cells: {} } }),
  ],
  situations: [
    { difficulty: 'Thiếu nước tưới (Thôn A)', solutions: ['Cứng hóa kênh mương', 'Nạo vét mương'], sector: 'Thủy lợi', file: 'tan-lap.xlsx', sheet: 'II.4.A', row: 6 },
    { difficulty: 'Đường lầy lội', solutions: [], sector: '' },
  ],
  // What the round trip gives: II.6.A and II.6.B counted from their rows, II.4.B-only rows left out.
  forms: { 'II.6.A': { count: 2, amount: 153000 }, 'II.6.B': { count: 1, amount: 350000 } },
  iii1: III1,
  period: '2026-2030',
  planYear: 2027,
  // The files its activities were read from.
  where: ['tan-lap.xlsx'],
};

const HOA_BINH: CommuneInput = {
  name: 'Xã Hòa Bình',
  key: 'hoa binh',
  activities: [activity({ key: 'r-duong', form: 'II.6.B', activity: 'Bê tông hóa đường nội thôn', total: 400000, contribution: 60000, proposed: 340000, source: { file: 'hoa-binh.xlsx', sheet: 'II.6.B', row: 8, cells: {} } })],
  situations: [],
  forms: { 'II.6.A': { count: 0, amount: 0 }, 'II.6.B': { count: 1, amount: 400000 } },
  period: '2026-2030',
  where: ['hoa-binh.xlsx'],
};

async function written(communes: readonly StoredCommune[]): Promise<MemoryWorkbook> {
  const rows = communes.map(communeRows);
  const wb = new MemoryWorkbook();
  await wb.createSheet(longLayout(II6A_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6a)));
  await wb.createSheet(longLayout(II6B_TABLE, ACTIVITY_COLUMNS, rows.flatMap((r) => r.ii6b)));
  await wb.createSheet(longLayout(II4A_TABLE, SITUATION_COLUMNS, rows.flatMap((r) => r.ii4a)));
  await wb.createSheet(longLayout(FIGURES_TABLE, FIGURE_COLUMNS, rows.flatMap((r) => r.figures)));
  return wb;
}

describe("the communes' long tables", () => {
  it('give back every field of every commune written into them', async () => {
    const wb = await written([
      { input: TAN_LAP, read: '2026-11-02' },
      { input: HOA_BINH, read: '2026-11-03' },
    ]);
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    // III.1's figures come back as the form's reading, its text cells kept too.
    expect(back.communes).toEqual([
      { input: TAN_LAP, read: '2026-11-02' },
      { input: HOA_BINH, read: '2026-11-03' },
    ]);
    expect(back.iv1).toEqual([]);
    expect([...back.compact].sort()).toEqual([FIGURES_TABLE, II4A_TABLE, II6A_TABLE, II6B_TABLE].sort());
  });

  it('write each activity as a person reads it: the topic and group in words, the sheet row from 1, empty cells for what was not given', () => {
    const rows = communeRows({ input: TAN_LAP, read: '2026-11-02' });
    expect(rows.ii6a[0]).toEqual({
      commune: 'Xã Tân Lập',
      file: 'tan-lap.xlsx',
      sheet: 'II.6.A',
      row: 10,
      read: '2026-11-02',
      form: 'II.6.A',
      onlyInIi4b: null,
      topic: 'Cơ sở hạ tầng',
      sector: 'Thủy lợi',
      activity: 'Cứng hóa kênh mương (Thôn A)',
      objective: 'Tưới chủ động 20 ha',
      unit: 'm',
      quantity: 300,
      time: 'Quý II/2027',
      place: 'Thôn A',
      responsible: 'UBND xã',
      total: 150000,
      contribution: 20000,
      budget: 130000,
      proposed: 0,
      fundSource: 'CTMTQG NTM',
      group: 'Đầu tư - khởi công mới',
      priority: null,
      difficulty: 'Thiếu nước tưới (Thôn A)',
      planYear: 2027,
      key: 'r-kenh',
    });
    expect([rows.ii6a[1].group, rows.ii6a[2].group, rows.ii6a[2].onlyInIi4b, rows.ii6a[2].topic, rows.ii6b[0].group, rows.ii6b[0].sector, rows.ii6b[0].file, rows.ii6b[0].priority]).toEqual([
      'Không cần vốn bên ngoài',
      'Sự nghiệp',
      'Có',
      'Kinh tế và tổ chức sản xuất',
      'Cần vốn bên ngoài',
      null,
      null,
      1,
    ]);
    expect(rows.ii4a).toEqual([
      { commune: 'Xã Tân Lập', file: 'tan-lap.xlsx', sheet: 'II.4.A', row: 7, read: '2026-11-02', sector: 'Thủy lợi', difficulty: 'Thiếu nước tưới (Thôn A)', solutions: 'Cứng hóa kênh mương\nNạo vét mương' },
      { commune: 'Xã Tân Lập', file: null, sheet: '', row: null, read: '2026-11-02', sector: null, difficulty: 'Đường lầy lội', solutions: null },
    ]);
    expect(rows.figures).toEqual([
      { commune: 'Xã Tân Lập', file: 'III.1 các xã.xlsx', sheet: 'III.1 Tân Lập', row: null, read: '2026-11-02', form: 'III.1', unitName: 'Tân Lập', planYear: 2027, line: 'chi-thuong-xuyen', column: 'amount', value: 800 },
      { commune: 'Xã Tân Lập', file: 'III.1 các xã.xlsx', sheet: 'III.1 Tân Lập', row: null, read: '2026-11-02', form: 'III.1', unitName: 'Tân Lập', planYear: 2027, line: 'ntm-dau-tu', column: 'content', value: 'Giao thông, thủy lợi nội đồng' },
      { commune: 'Xã Tân Lập', file: 'III.1 các xã.xlsx', sheet: 'III.1 Tân Lập', row: null, read: '2026-11-02', form: 'III.1', unitName: 'Tân Lập', planYear: 2027, line: 'ntm-dau-tu', column: 'amount', value: 100 },
    ]);
    // A III.1 line with an empty cell writes no row.
    const blank = communeRows({ input: { ...HOA_BINH, iii1: { ...III1, fixedValues: { tinh: { amount: null, content: '' } } } }, read: 'x' });
    expect(blank.figures).toEqual([]);
  });

  it('read a table typed by hand: headers in any case and order, numbers as text, rows without commune or activity left out, each row keyed by where it stands', async () => {
    const wb = MemoryWorkbook.fromArrays({
      [II6B_TABLE]: [
        ['HOẠT ĐỘNG', 'xã', 'Ghi chú riêng', 'tổng số (1.000 đồng)', 'Đề xuất (1.000 đồng)', 'Dân góp (1.000 đồng)', 'Ngân sách (1.000 đồng)', 'Biểu', 'Chủ đề', 'Số lượng', 'Ưu tiên của xã', 'Dòng', 'Nhóm', 'Trang', 'Năm kế hoạch'],
        ['Làm cầu treo', 'Xã Cốc Ly', 'gọi lại', '1.500.000', 1350000, '150.000', 'không rõ', null, 'kinh te va to chuc san xuat', '2', '2', '12', 'đầu tư - chuyển tiếp', null, '2027'],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        ['Sửa trường', 'cốc ly', null, 90000, 90000, null, null, 'II.6.A', 'Chủ đề lạ', 3, 'cao', null, 'nhóm lạ', 'Biểu của xã', null],
        ['Không tên xã', null, null, 5000, 5000],
        [null, 'Xã Cốc Ly', null, 7000, 7000],
      ],
      [FIGURES_TABLE]: [
        ['Xã', 'Biểu', 'Mã dòng của biểu', 'Cột', 'Giá trị', 'Đơn vị ghi trên biểu', 'Năm kế hoạch', 'Tệp', 'Trang'],
        ['Xã Cốc Ly', 'III.1', 'tinh', 'amount', 600, 'Cốc Ly', 2027, 'III.1.xlsx', 'III.1 CL'],
        ['Xã Cốc Ly', 'III.1', 'tinh', 'content', true, null, null, null, null],
        ['Xã Cốc Ly', 'III.1', null, 'amount', 5],
        ['Xã Cốc Ly', 'III.1', 'ntm', null, 5],
        ['Xã Cốc Ly', 'II.6.A', 'ntm', 'amount', 9],
        [null, 'III.1', 'ntm', 'amount', 9],
        ['Tỉnh Lào Cai', 'IV.1', 'tinh', 'amount', 4000, 'Tỉnh Lào Cai', 2027],
        [null, 'IV.1', 'tinh', 'content', false],
      ],
      [II4A_TABLE]: [
        ['Xã', 'Khó khăn', 'Giải pháp', 'Dòng', 'Trang', 'Tệp', 'Ngành/Lĩnh vực', 'Ngày đọc'],
        ['Xã Cốc Ly', 'Thiếu cầu qua suối', 'Làm cầu treo\n\n  \nKè suối', 8, 'II.4.A', 'coc-ly.xlsx', 'Giao thông', '2026-11-05'],
        ['Xã Cốc Ly', null, 'Không có khó khăn thì bỏ qua'],
        ['Xã Lùng Phình', 'Thiếu nước', null],
      ],
    });
    const back = await readUpperTables(wb, EMPTY, '2021-2025');
    expect(back.communes.map((c) => [c.input.name, c.input.key, c.read])).toEqual([
      ['Xã Cốc Ly', 'coc ly', ''],
      ['Xã Lùng Phình', 'lung phinh', ''],
    ]);
    const cl = back.communes[0].input;
    expect(cl.activities).toEqual([
      {
        key: `dong:${'du lieu xa ii 6 b'}!2`,
        keyDerived: true,
        form: 'II.6.B',
        onlyInIi4b: false,
        topic: 'kinh-te',
        sector: '',
        activity: 'Làm cầu treo',
        quantity: '2',
        total: 1500000,
        contribution: 150000,
        budget: 0,
        proposed: 1350000,
        group: 'investment-ongoing',
        priority: 2,
        source: { sheet: II6B_TABLE, row: 11, cells: {} },
      },
      {
        key: `dong:${'du lieu xa ii 6 b'}!4`,
        keyDerived: true,
        form: 'II.6.A',
        onlyInIi4b: false,
        topic: 'csht',
        sector: '',
        activity: 'Sửa trường',
        quantity: 3,
        total: 90000,
        contribution: 0,
        budget: 0,
        proposed: 90000,
        source: { sheet: 'Biểu của xã', row: 3, cells: {} },
      },
    ]);
    expect(cl.forms).toEqual({ 'II.6.A': { count: 1, amount: 90000 }, 'II.6.B': { count: 1, amount: 1500000 } });
    expect([cl.planYear, cl.period, cl.where]).toEqual([2027, '2021-2025', []]);
    expect(cl.situations).toEqual([{ difficulty: 'Thiếu cầu qua suối', solutions: ['Làm cầu treo', 'Kè suối'], sector: 'Giao thông', file: 'coc-ly.xlsx', sheet: 'II.4.A', row: 7 }]);
    expect(cl.iii1).toEqual({
      formId: 'III.1',
      sheet: 'III.1 CL',
      file: 'III.1.xlsx',
      confidence: 1,
      planYear: 2027,
      unitName: 'Cốc Ly',
      strengths: [],
      difficulties: [],
      activities: [],
      fixedValues: { tinh: { amount: 600, content: 'true' } },
      findings: [],
    });
    const lp = back.communes[1];
    expect(lp).toEqual({
      input: { name: 'Xã Lùng Phình', key: 'lung phinh', activities: [], situations: [{ difficulty: 'Thiếu nước', solutions: [], sector: '' }], forms: { 'II.6.A': { count: 0, amount: 0 }, 'II.6.B': { count: 0, amount: 0 } }, period: '2021-2025', where: [] },
      read: '',
    });
    // The province's IV.1 rows are kept apart, as typed (a tick box as text).
    expect(back.iv1.map((r) => [r.commune, r.line, r.column, r.value])).toEqual([
      ['Tỉnh Lào Cai', 'tinh', 'amount', 4000],
      [null, 'tinh', 'content', 'false'],
    ]);
    // Typed by hand: none of the tables is as the roll-up writes it.
    expect([...back.compact]).toEqual([]);
  });

  it("take the commune's name, period, year, tallies and version from the state when it remembers them", async () => {
    const wb = await written([{ input: HOA_BINH, read: '2026-11-03', modified: '2026-10-30T08:00:00Z' }]);
    const state: UpperState = {
      communes: { 'hoa binh': { name: 'Xã Hoà Bình', read: '2026-11-01', modified: '2026-10-31T09:00:00Z', period: '2021-2025', planYear: 2025, forms: { 'II.4.B': { count: 1, amount: 400000 } } } },
      imported: {},
    };
    const [c] = (await readUpperTables(wb, state, '2026-2030')).communes;
    expect(c).toEqual({
      input: { ...HOA_BINH, name: 'Xã Hoà Bình', forms: { 'II.4.B': { count: 1, amount: 400000 } }, period: '2021-2025', planYear: 2025 },
      read: '2026-11-01',
      modified: '2026-10-31T09:00:00Z',
    });
  });

  it('are compact only as the roll-up writes them: its header in its order, from A1, no empty row', async () => {
    const wb = await written([{ input: TAN_LAP, read: '2026-11-02' }]);
    // A person clears a row of II.6.A, moves II.6.B's header, and adds a column to II.4.A.
    const [a] = await wb.readSheets([II6A_TABLE]);
    await wb.writeValues([{ sheet: II6A_TABLE, row: 1, col: 0, values: [a.values[1].map(() => null)] }]);
    await wb.writeValues([{ sheet: II6B_TABLE, row: 0, col: 0, values: [['Tệp', 'Xã']] }]);
    await wb.writeValues([{ sheet: II4A_TABLE, row: 0, col: SITUATION_COLUMNS.length, values: [['Ghi chú']] }]);
    const back = await readUpperTables(wb, EMPTY, '2026-2030');
    expect([...back.compact]).toEqual([FIGURES_TABLE]);
    // A table that starts below its first row is not either.
    const moved = MemoryWorkbook.fromArrays({ [FIGURES_TABLE]: [[], FIGURE_COLUMNS.map((c) => c.header), ['Xã A', null, null, null, null, 'III.1', null, null, 'tinh', 'amount', 5]] });
    const m = await readUpperTables(moved, EMPTY, '2026-2030');
    expect([...m.compact]).toEqual([]);
    expect(m.communes.map((c) => c.input.iii1?.fixedValues)).toEqual([{ tinh: { amount: 5 } }]);
    // No table at all: nothing read.
    expect(await readUpperTables(new MemoryWorkbook(), EMPTY, '2026-2030')).toEqual({ communes: [], iv1: [], compact: new Set() });
  });

  it('match headers by their folded text and skip empty rows, giving each row its sheet row', () => {
    const data = { name: 'x', top: 3, left: 0, values: [['  HOẠT ĐỘNG ', 'Xa', 'Tổng số'], ['Làm cầu', 'Xã A', 5], [null, '', '  '], ['Sửa đường', null, null]] as CellValue[][], errors: [], merges: [] };
    const cols = [
      { key: 'activity', header: 'Hoạt động', width: 10 },
      { key: 'commune', header: 'Xã', width: 10 },
      { key: 'total', header: 'Tổng số (1.000 đồng)', width: 10 },
    ];
    expect(readLongTable(data, cols)).toEqual({
      rows: [
        { activity: 'Làm cầu', commune: 'Xã A' },
        { activity: 'Sửa đường', commune: null },
      ],
      sheetRows: [4, 6],
    });
    expect(readLongTable(undefined, cols)).toEqual({ rows: [], sheetRows: [] });
    expect(readLongTable({ ...data, values: [] }, cols)).toEqual({ rows: [], sheetRows: [] });
  });
});

describe("the upper level's state", () => {
  it('reads its funds, communes, imported tabs and feedback commune, and the funds kept by earlier versions under "district"', () => {
    expect(
      upperState({
        extra: {
          upper: {
            funds: 700,
            communes: { 'tan lap': { name: 'Xã Tân Lập', read: '2026-11-02' }, x: { name: 'Xã X' }, y: 'Xã Y', z: { name: 3, read: '2026-11-02' } },
            imported: { 'Xã Tân Lập - II.6.B': '2026-11-02', 'Xã B - II.6.A': 3 },
            feedbackCommune: 'Xã Tân Lập',
          },
          district: { funds: 5 },
        },
      }),
    ).toEqual({ funds: 700, communes: { 'tan lap': { name: 'Xã Tân Lập', read: '2026-11-02' } }, imported: { 'Xã Tân Lập - II.6.B': '2026-11-02' }, feedbackCommune: 'Xã Tân Lập' });
    expect(upperState({ extra: { district: { funds: 5 } } })).toEqual({ funds: 5, communes: {}, imported: {} });
    expect(upperState({ extra: { upper: [], district: { funds: 0 } } })).toEqual({ funds: 0, communes: {}, imported: {} });
    // Funds that are no amount are not funds.
    for (const funds of [-1, Number.NaN, Number.POSITIVE_INFINITY, '700', null]) expect(upperState({ extra: { upper: { funds } } })).toEqual({ communes: {}, imported: {} });
    expect(upperState({})).toEqual({ communes: {}, imported: {} });
    expect(upperState({ extra: { upper: { communes: [], imported: ['x'], feedbackCommune: 3 } } })).toEqual({ communes: {}, imported: {} });
  });
});

describe('a sheet rebuilt', () => {
  it('replaces the sheet and leaves none of its copies', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'Tổng hợp theo xã': [['cũ']], 'Tổng hợp theo xã (cũ)': [['cũ hơn']], 'Tổng hợp theo xã (cũ 2)': [['cũ nhất']], 'Khác (cũ)': [['giữ']] });
    await rebuildSheet(wb, longLayout('Tổng hợp theo xã', [{ key: 'a', header: 'Mới', width: 5 }], [{ a: 1 }]), await wb.listSheets());
    expect(await wb.listSheets()).toEqual(['Khác (cũ)', 'Tổng hợp theo xã']);
    const [d] = await wb.readSheets(['Tổng hợp theo xã']);
    expect(d.values).toEqual([['Mới'], [1]]);
    // A new sheet: created, nothing deleted.
    await rebuildSheet(wb, longLayout('Mới', [{ key: 'a', header: 'A', width: 5 }], []), await wb.listSheets());
    expect(await wb.listSheets()).toEqual(['Khác (cũ)', 'Tổng hợp theo xã', 'Mới']);
  });

  it('is laid out as a plain table: header row frozen, no title, no merge, print area the rows written', () => {
    const l = longLayout('Bảng', [{ key: 'a', header: 'A', width: 5 }, { key: 'b', header: 'B', width: 7, kind: 'amount' }], [{ a: 'x', b: 2 }, { a: 'y' }]);
    expect(l.cells).toEqual([
      { row: 0, col: 0, value: 'A', style: 'header' },
      { row: 0, col: 1, value: 'B', style: 'header' },
      { row: 1, col: 0, value: 'x', style: 'text' },
      { row: 1, col: 1, value: 2, style: 'amount' },
      { row: 2, col: 0, value: 'y', style: 'text' },
      { row: 2, col: 1, value: null, style: 'amount' },
    ]);
    expect([l.columnWidths, l.freeze, l.merges, l.print.area, l.print.orientation, l.tables[0].bodyRows, l.tables[0].bodyRow, l.tables[0].headerRow]).toEqual([[5, 7], { rows: 1, cols: 0 }, [], { rows: 3, cols: 2 }, 'landscape', 2, 1, 0]);
  });
});
