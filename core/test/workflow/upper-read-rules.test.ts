/**
 * What the province reads of the communes' packages (read.ts, readCommunePlans and
 * readPreviousSummary), rule by rule, on hand-made packages shaped like the ones communes send:
 * every column of an activity kept, the commune's own topic sections, II.4.B's own rows placed by
 * the funding rule, II.4.A's solutions cleaned of their bullets, the commune's name from the form,
 * the workbook, the file or nowhere, the sheets left out and why, a form sent twice, two versions
 * of one plan, the plan year and the period, and the previous summary an office edited.
 */
import { formEdition } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import type { BodyRow } from '../../src/layout/engine';
import { KEY_COLUMN_HEADER, layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, DocumentState, ReadOptions, SheetData } from '../../src/port/types';
import type { CommuneActivity, DistrictSource } from '../../src/workflow/upper-level';
import { SUMMARY_COLUMNS, VANISHED_GROUP, matchDifficulty, readCommunePlans, readPreviousRollup, readPreviousSummary, tabPrefix } from '../../src/workflow/upper-level';
import { commune as packageOf } from './fixtures/packages';

const YEAR = 2027;
const GROUP_A: BodyRow = { kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 };
const GROUP_B: BodyRow = { kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 };
const heading = (label: string): BodyRow => ({ kind: 'group', label, depth: 1 });
const line = (values: Record<string, string | number | null>, key?: string): BodyRow => ({ kind: 'data', values, ...(key ? { key } : {}) });

interface SheetSpec {
  readonly form: FormId;
  readonly name: string;
  /** "Xã:" of the form; none leaves the dots. */
  readonly unit?: string;
  /** Plan year in the title; null leaves it out. */
  readonly year?: number | null;
  readonly rows?: readonly BodyRow[];
  readonly keyColumn?: boolean;
}

/** A workbook holding the given forms, laid out as LKH writes them. */
async function workbook(specs: readonly SheetSpec[], state?: DocumentState): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromArrays({}, state ? { state } : {});
  for (const s of specs) {
    const table = s.form === 'II.4.A' ? 'difficulties' : 'activities';
    const year = s.year === null ? undefined : (s.year ?? YEAR);
    await wb.createSheet(
      layoutForm(getForm(s.form), {
        ...(year !== undefined ? { planYear: year } : {}),
        ...(s.unit !== undefined ? { unitName: s.unit } : {}),
        sheetName: s.name,
        ...(s.rows ? { body: { [table]: s.rows } } : {}),
        ...(s.keyColumn ? { keyColumn: true } : {}),
      }),
    );
  }
  return wb;
}

/** A III.1 of a commune (triệu đồng), in a file of its own. */
async function iii1Of(unit: string, file: string, modified?: string): Promise<DistrictSource> {
  const wb = MemoryWorkbook.fromArrays({});
  await wb.createSheet(layoutForm(getForm('III.1'), { planYear: YEAR, unitName: unit, sheetName: 'III.1', fixedValues: { sources: { 'chi-thuong-xuyen': { amount: 150 } } } }));
  return { port: wb, file, ...(modified ? { modified } : {}) };
}

/** One II.6.B row with its money (1.000 đồng). */
const planRow = (stt: number, activity: string, total: number, extra: Record<string, string | number> = {}): BodyRow =>
  line({ stt, priority: stt, activity, unit: 'công trình', quantity: 1, time: 'Quý II/2027', place: 'Thôn 1', responsible: 'UBND xã', total, contribution: total / 10, proposed: total - total / 10, sector: 'Giao thông', ...extra });

describe("a commune's package read into its activities", () => {
  const FILE = 'Xã Bản Lầu.xlsx';
  async function banLau(): Promise<DistrictSource> {
    const wb = await workbook([
      {
        form: 'II.4.A',
        name: 'II.4.A',
        unit: 'Xã Bản Lầu',
        rows: [
          line({ sector: 'Giao thông', difficulty: 'Đường vào Thôn Khuổi Phầy lầy lội, mùa mưa không đi được', solution: '- Xây cầu treo Khuổi Phầy \n\n+Rải đá cấp phối đường vào thôn\n   • Làm rãnh thoát nước' }),
          line({ difficulty: 'Thiếu nước tưới vụ đông', solution: 'Nạo vét mương Nà Lìu - Pác Ngòi' }),
        ],
      },
      {
        form: 'II.4.B',
        name: 'II.4.B',
        unit: 'Xã Bản Lầu',
        rows: [
          line({ stt: 1, activity: 'Phát quang đường liên thôn', total: 15000, contribution: 15000, sector: 'Giao thông' }),
          line({ stt: 2, activity: 'Trồng cây xanh khuôn viên nhà văn hóa', total: 8000, contribution: 8000, sector: 'Môi trường' }),
          line({ stt: 3, activity: 'Sửa nhà văn hóa thôn Nà Lìu', total: 30000, budget: 30000, sector: 'Văn hóa' }),
          line({ stt: 4, activity: 'Mua loa truyền thanh', total: 20000, proposed: 20000, sector: 'Văn hóa', fundSource: 'Ngân sách huyện' }),
        ],
      },
      {
        form: 'II.6.A',
        name: 'II.6.A',
        unit: 'Xã Bản Lầu',
        rows: [
          GROUP_A,
          heading('1. Cơ sở hạ tầng'),
          line({ stt: 1, activity: 'Phát quang đường liên thôn', objective: 'Đường thông thoáng', unit: 'km', quantity: 3, time: 'Quý I/2027', place: 'Thôn Nà Lìu', responsible: 'Trưởng thôn', total: 15000, contribution: 15000, sector: 'Giao thông' }),
          heading('2. Kinh tế và tổ chức sản xuất'),
          line({ stt: 2, activity: 'Làm đường nội đồng ra khu sản xuất', total: 20000, contribution: 20000, sector: 'Cơ sở hạ tầng' }),
          line({ stt: 3, activity: 'Hỗ trợ giống lúa', total: 12000, contribution: 12000, sector: 'Trồng trọt' }),
        ],
      },
      {
        form: 'II.6.B',
        name: 'II.6.B',
        unit: 'Xã Bản Lầu',
        keyColumn: true,
        rows: [
          line(
            { stt: 1, priority: 1, activity: 'Xây cầu treo Khuổi Phầy', objective: 'Đi lại an toàn mùa mưa', unit: 'cái', quantity: 1, time: 'Quý III/2027', place: 'Thôn Khuổi Phầy', responsible: 'UBND xã', total: 900000, contribution: 50000, proposed: 850000, sector: 'Giao thông', fundSource: 'Chương trình MTQG' },
            'r-1',
          ),
          line({ stt: 2, priority: 2, activity: null, unit: 'm', quantity: '200 m dài', total: 40000, contribution: 4000, proposed: 36000, sector: 'Thủy lợi' }),
        ],
      },
    ]);
    return { port: wb, file: FILE };
  }

  it('keeps every column the commune typed, its key, the II.4.A difficulty it answers, and says where it was read', async () => {
    const r = await readCommunePlans([await banLau()]);
    expect(r.sheets).toEqual(
      (['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'] as const).map((s, i) => ({ file: FILE, sheet: s, form: s, commune: 'Xã Bản Lầu', activities: [0, 4, 3, 2][i], used: true, note: 'Đã đọc.' })),
    );
    expect(r.held).toEqual([]);
    const [c] = r.communes;
    expect(c.name).toBe('Xã Bản Lầu');
    expect(c.key).toBe('ban lau');
    expect(c.where).toEqual(['Xã Bản Lầu.xlsx — II.4.A', 'Xã Bản Lầu.xlsx — II.4.B', 'Xã Bản Lầu.xlsx — II.6.A', 'Xã Bản Lầu.xlsx — II.6.B']);
    expect(c.planYear).toBe(2027);
    // What each form holds: II.4.B's four rows, II.6.A's three, II.6.B's two.
    expect(c.forms).toEqual({ 'II.4.B': { count: 4, amount: 73000 }, 'II.6.A': { count: 3, amount: 47000 }, 'II.6.B': { count: 2, amount: 940000 } });

    const bridge = c.activities.find((a) => a.activity === 'Xây cầu treo Khuổi Phầy') as CommuneActivity;
    expect(bridge).toStrictEqual({
      key: 'r-1',
      keyDerived: false,
      form: 'II.6.B',
      onlyInIi4b: false,
      topic: 'csht',
      sector: 'Giao thông',
      activity: 'Xây cầu treo Khuổi Phầy',
      objective: 'Đi lại an toàn mùa mưa',
      unit: 'cái',
      quantity: 1,
      time: 'Quý III/2027',
      place: 'Thôn Khuổi Phầy',
      responsible: 'UBND xã',
      total: 900000,
      contribution: 50000,
      budget: 0,
      proposed: 850000,
      fundSource: 'Chương trình MTQG',
      priority: 1,
      difficulty: 'Đường vào Thôn Khuổi Phầy lầy lội, mùa mưa không đi được',
      source: expect.objectContaining({ file: FILE, sheet: 'II.6.B' }),
    });
    const trail = c.activities.find((a) => a.activity === 'Phát quang đường liên thôn') as CommuneActivity;
    expect(trail).toMatchObject({ key: 'ten:phat quang duong lien thon', keyDerived: true, form: 'II.6.A', group: 'no-outside-money', objective: 'Đường thông thoáng', unit: 'km', quantity: 3, time: 'Quý I/2027', place: 'Thôn Nà Lìu', responsible: 'Trưởng thôn' });
    expect('priority' in trail).toBe(false);
  });

  it('names a row without a name by its cell, keeps a quantity as typed, and keys it by its sheet row', async () => {
    const r = await readCommunePlans([await banLau()]);
    const unnamed = r.communes[0].activities.filter((a) => a.form === 'II.6.B' && !a.onlyInIi4b && a.key !== 'r-1');
    expect(unnamed).toHaveLength(1);
    // Row 6 of the sheet, its Hoạt động in column C.
    expect(unnamed[0].source.row).toBe(5);
    expect(unnamed[0]).toMatchObject({ activity: '(không ghi tên — II.6.B!C6)', key: 'dong:ii 6 b!6', keyDerived: true, quantity: '200 m dài', unit: 'm', total: 40000 });
    // Without a Số lượng nothing is said of it.
    const grown = r.communes[0].activities.find((a) => a.activity === 'Trồng cây xanh khuôn viên nhà văn hóa') as CommuneActivity;
    expect('quantity' in grown).toBe(false);
  });

  it("files each row under the commune's own topic section, whatever its words or its Ngành say", async () => {
    const r = await readCommunePlans([await banLau()]);
    const ii6a = r.communes[0].activities.filter((a) => a.form === 'II.6.A' && !a.onlyInIi4b);
    expect(ii6a.map((a) => [a.activity, a.topic])).toEqual([
      ['Phát quang đường liên thôn', 'csht'],
      // A road to the fields under "2. Kinh tế…": where the commune put it, though its words and its Ngành say infrastructure.
      ['Làm đường nội đồng ra khu sản xuất', 'kinh-te'],
      ['Hỗ trợ giống lúa', 'kinh-te'],
    ]);
  });

  it("places II.4.B's own rows in II.6.A or II.6.B by the funding rule and says how many", async () => {
    const r = await readCommunePlans([await banLau()]);
    const own = r.communes[0].activities.filter((a) => a.onlyInIi4b);
    expect(own.map((a) => [a.activity, a.form])).toEqual([
      // Only the people's contribution: no outside money.
      ['Trồng cây xanh khuôn viên nhà văn hóa', 'II.6.A'],
      // Ngân sách without a named source, and an Đề xuất even with one: II.6.B.
      ['Sửa nhà văn hóa thôn Nà Lìu', 'II.6.B'],
      ['Mua loa truyền thanh', 'II.6.B'],
    ]);
    expect(r.communes[0].activities.filter((a) => !a.onlyInIi4b).map((a) => a.form)).toEqual(['II.6.A', 'II.6.A', 'II.6.A', 'II.6.B', 'II.6.B']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: 'ONLY_IN_II4B',
      file: FILE,
      sheet: 'II.4.B',
      message: 'Xã Bản Lầu: 3 hoạt động có trong II.4.B nhưng không có trong II.6.A hay II.6.B của xã; đã tách vào II.6.A/II.6.B theo quy tắc tách nguồn vốn, đưa vào tổng hợp và ghi chú.',
    });
  });

  it("keeps II.4.A's difficulties with their solutions one by one, bullets (indented too), spaces and blank lines gone", async () => {
    const r = await readCommunePlans([await banLau()]);
    expect(r.communes[0].situations).toMatchObject([
      { difficulty: 'Đường vào Thôn Khuổi Phầy lầy lội, mùa mưa không đi được', solutions: ['Xây cầu treo Khuổi Phầy', 'Rải đá cấp phối đường vào thôn', 'Làm rãnh thoát nước'], sector: 'Giao thông', file: FILE, sheet: 'II.4.A' },
      { difficulty: 'Thiếu nước tưới vụ đông', solutions: ['Nạo vét mương Nà Lìu - Pác Ngòi'], sector: '', file: FILE, sheet: 'II.4.A' },
    ]);
  });

  it("files a II.6.B row, laid out by rank, under the topic its II.4.B row has, and a row moved in II.6.A where II.6.A now puts it", async () => {
    const wb = await workbook([
      {
        form: 'II.4.B',
        name: 'II.4.B',
        unit: 'Xã Mồ Sì San',
        rows: [
          GROUP_A,
          heading('1. Cơ sở hạ tầng'),
          line({ stt: 1, activity: 'Đắp đường ra khu chăn nuôi tập trung', total: 20000, contribution: 20000, sector: 'Chăn nuôi' }),
          GROUP_B,
          heading('2. Kinh tế và tổ chức sản xuất'),
          line({ stt: 2, activity: 'Làm đường nội đồng ra khu sản xuất', total: 300000, proposed: 300000, sector: 'Giao thông' }),
        ],
      },
      // The commune moved a row to another topic in II.6.A: its II.6.A says where it is now.
      {
        form: 'II.6.A',
        name: 'II.6.A',
        unit: 'Xã Mồ Sì San',
        rows: [GROUP_A, heading('2. Kinh tế và tổ chức sản xuất'), line({ stt: 1, activity: 'Đắp đường ra khu chăn nuôi tập trung', total: 20000, contribution: 20000, sector: 'Chăn nuôi' })],
      },
      { form: 'II.6.B', name: 'II.6.B', unit: 'Xã Mồ Sì San', rows: [planRow(1, 'Làm đường nội đồng ra khu sản xuất', 300000)] },
    ]);
    const r = await readCommunePlans([{ port: wb, file: 'Mồ Sì San.xlsx' }]);
    expect(r.communes[0].activities.map((a) => [a.activity, a.form, a.topic, a.onlyInIi4b])).toEqual([
      ['Đắp đường ra khu chăn nuôi tập trung', 'II.6.A', 'kinh-te', false],
      ['Làm đường nội đồng ra khu sản xuất', 'II.6.B', 'kinh-te', false],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reads a workbook whose host keeps no document state', async () => {
    const src = await packageOf(10, 3);
    const wb = src.port as MemoryWorkbook;
    wb.readState = async () => {
      throw new Error('không đọc được trạng thái');
    };
    const r = await readCommunePlans([src]);
    expect(r.communes.map((c) => [c.name, c.activities.length])).toEqual([['Xã Số 010', 3]]);
  });

  it('sends to II.6.B a II.4.B row typed without groups whose Ngân sách and Đề xuất are equal', async () => {
    const wb = await workbook([
      { form: 'II.4.B', name: 'II.4.B', unit: 'Xã Nậm Chày', rows: [line({ stt: 1, activity: 'Kiên cố hóa kênh mương Nậm Chày', total: 40000, budget: 20000, proposed: 20000, sector: 'Thủy lợi' })] },
    ]);
    const r = await readCommunePlans([{ port: wb, file: 'Nậm Chày.xlsx' }]);
    expect(r.communes[0].activities.map((a) => [a.form, a.budget, a.proposed])).toEqual([['II.6.B', 20000, 20000]]);
  });

  it('puts a grouped II.4.B row where its group says: A to II.6.A, B to II.6.B even with only the people’s money typed', async () => {
    const wb = await workbook([
      {
        form: 'II.4.B',
        name: 'II.4.B',
        unit: 'Xã Y Tý',
        rows: [
          GROUP_A,
          line({ stt: 1, activity: 'Tổng vệ sinh đường thôn', sector: 'Môi trường' }),
          GROUP_B,
          line({ stt: 2, activity: 'Làm nhà văn hóa thôn Lao Chải', total: 50000, contribution: 50000, sector: 'Văn hóa' }),
        ],
      },
    ]);
    const r = await readCommunePlans([{ port: wb }]);
    expect(r.communes[0].activities.map((a) => [a.activity, a.form, a.onlyInIi4b])).toEqual([
      ['Tổng vệ sinh đường thôn', 'II.6.A', true],
      ['Làm nhà văn hóa thôn Lao Chải', 'II.6.B', true],
    ]);
    // No file: the place is the sheet alone.
    expect(r.issues.map((f) => [f.code, f.sheet, 'file' in f])).toEqual([['ONLY_IN_II4B', 'II.4.B', false]]);
    expect(r.communes[0].forms).toEqual({ 'II.4.B': { count: 2, amount: 50000 } });
  });
});

describe("a commune's name", () => {
  it("is the form's Xã, else the tab's prefix, else the commune workbook's, else the file's name, else unknown", async () => {
    const rows = [planRow(1, 'Xây kè suối', 300000)];
    const named = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Pa Cheo', rows }]), file: 'a.xlsx' };
    const tab = { port: await workbook([{ form: 'II.6.B', name: 'Xã Trịnh Tường - II.6.B', rows }]), file: 'b.xlsx' };
    const stem = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', rows }]), file: 'D:\\Kế hoạch\\Zalo/Xã Cốc Ly.bản sửa.xlsx' };
    const communeBook = { port: await workbook([{ form: 'II.6.B', name: 'Trang tính1', rows }], { level: 'xa', unitName: ' Xã Mường Hum ' }), file: 'mh.xlsx' };
    // The province's or the district's own spreadsheet: its unit is no commune.
    const province = { port: await workbook([{ form: 'II.6.B', name: 'Kế hoạch', rows }], { level: 'tinh', unitName: 'Tỉnh Lào Cai' }) };
    const district = { port: await workbook([{ form: 'II.6.B', name: 'KH', rows }], { level: 'huyen', unitName: 'Huyện Bát Xát' }), file: 'Bản Vược.xlsx' };
    const r = await readCommunePlans([named, tab, stem, communeBook, province, district]);
    expect(r.communes.map((c) => c.name)).toEqual(['Xã Pa Cheo', 'Xã Trịnh Tường', 'Xã Cốc Ly.bản sửa', 'Xã Mường Hum', 'Xã chưa rõ tên', 'Bản Vược']);
    expect(r.sheets.map((s) => [s.file, s.sheet, s.commune])).toEqual([
      ['a.xlsx', 'II.6.B', 'Xã Pa Cheo'],
      ['b.xlsx', 'Xã Trịnh Tường - II.6.B', 'Xã Trịnh Tường'],
      ['D:\\Kế hoạch\\Zalo/Xã Cốc Ly.bản sửa.xlsx', 'II.6.B', 'Xã Cốc Ly.bản sửa'],
      ['mh.xlsx', 'Trang tính1', 'Xã Mường Hum'],
      [undefined, 'Kế hoạch', undefined],
      ['Bản Vược.xlsx', 'KH', 'Bản Vược'],
    ]);
  });

  it("prefers a plan form's name over the III.1's, and keeps the first plan form's", async () => {
    const iii1 = await iii1Of('Xã TÂN LẬP', 'III.1 Tân Lập.xlsx');
    const plan = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Tân Lập', rows: [planRow(1, 'Làm cầu tràn', 120000)] }]), file: 'Xã Tân Lập.xlsx' };
    const naHang = {
      port: await workbook([
        { form: 'II.6.A', name: 'II.6.A', unit: 'Xã Nà Hang', rows: [GROUP_A, line({ stt: 1, activity: 'Dọn mương', total: 5000, contribution: 5000, sector: 'Thủy lợi' })] },
        { form: 'II.6.B', name: 'II.6.B', unit: 'Xã NÀ HANG', rows: [planRow(1, 'Làm đường bê tông', 200000)] },
      ]),
      file: 'Xã Nà Hang.xlsx',
    };
    const naHangIii1 = await iii1Of('Xã nà hang', 'III.1 Nà Hang.xlsx');
    const r = await readCommunePlans([iii1, plan, naHang, naHangIii1]);
    expect(r.communes.map((c) => [c.name, c.key, c.activities.length, c.iii1 !== undefined])).toEqual([
      ['Xã Tân Lập', 'tan lap', 1, true],
      ['Xã Nà Hang', 'na hang', 2, true],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('keeps the first III.1’s name when no plan form names the commune', async () => {
    const r = await readCommunePlans([await iii1Of('Xã BẢN MẾ', 'III.1 Bản Mế.xlsx'), await iii1Of('Xã Bản Mế', 'III.1 Bản Mế (2).xlsx')]);
    expect(r.communes.map((c) => c.name)).toEqual(['Xã BẢN MẾ']);
    expect(r.issues.map((f) => f.code)).toEqual(['FORM_SENT_TWICE', 'III1_WITHOUT_PLAN']);
  });

  it('says when a commune sent only its III.1, or a plan without any activity', async () => {
    const iii1 = await iii1Of('Xã Bản Mế', 'III.1 Bản Mế.xlsx');
    const empty = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Pha Long', rows: [] }]), file: 'Xã Pha Long.xlsx' };
    const r = await readCommunePlans([iii1, empty]);
    expect(r.issues.map((f) => [f.code, f.sheet, f.message])).toEqual([
      ['III1_WITHOUT_PLAN', '', 'Có Biểu III.1 của Xã Bản Mế nhưng chưa có II.6.A/II.6.B (hay II.4.B) của xã.'],
      ['NO_COMMUNE_PLAN', '', 'Xã Pha Long: không tìm thấy hoạt động nào trong II.6.A, II.6.B hay II.4.B.'],
    ]);
  });
});

describe('a form a commune sent twice', () => {
  it('is read in full, said once with its places, and its rows keep keys of their own', async () => {
    const mamNon = line({ stt: 1, activity: 'Sửa chữa trường mầm non', total: 60000, contribution: 60000, sector: 'Giáo dục' });
    const wb = await workbook([
      { form: 'II.6.A', name: 'II.6.A', unit: 'Xã Tả Phìn', rows: [GROUP_A, mamNon] },
      { form: 'II.6.B', name: 'II.6.B', unit: 'Xã Tả Phìn', rows: [planRow(1, 'Sửa chữa trường mầm non', 80000)] },
      { form: 'II.6.B', name: 'II.6.B bổ sung', unit: 'Xã Tả Phìn', rows: [planRow(1, 'Sửa chữa trường mầm non', 90000)] },
    ]);
    const r = await readCommunePlans([{ port: wb, file: 'Tả Phìn.xlsx' }]);
    expect(r.communes[0].activities.map((a) => [a.key, a.form, a.total])).toEqual([
      ['ten:sua chua truong mam non', 'II.6.A', 60000],
      ['ten:sua chua truong mam non@2', 'II.6.B', 80000],
      ['ten:sua chua truong mam non@3', 'II.6.B', 90000],
    ]);
    expect(r.communes[0].forms).toEqual({ 'II.6.A': { count: 1, amount: 60000 }, 'II.6.B': { count: 2, amount: 170000 } });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: 'FORM_SENT_TWICE',
      sheet: '',
      message: 'Xã Tả Phìn có biểu II.6.B ở 2 nơi (Tả Phìn.xlsx — II.6.B; Tả Phìn.xlsx — II.6.B bổ sung); đã đọc tất cả — xem lại để không tính trùng.',
    });
  });
});

describe('the sheets of a package that are not read', () => {
  it('says why each is left out, in tab order, and reads the others in one call of values only', async () => {
    const wb = await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Sàng Ma Sáo', rows: [planRow(1, 'Xây trạm y tế', 700000)] }], { sheetForms: { 'Xã Sàng Ma Sáo - I.2': 'I.2' } });
    // LKH's own sheets and tabs of the earlier import, a village form saved by LKH, a village form typed by hand.
    const before = ['Xã Sàng Ma Sáo - I.2', 'Tổng hợp theo xã', 'II.6.A', 'Biểu I.2 thôn', 'Ghi chú', 'Mẫu trống'];
    for (const n of before) wb.addSheet(n);
    // A department's II.3 whose title line was retyped without its form number: known by its tables.
    await wb.createSheet(layoutForm(getForm('II.3'), { planYear: YEAR, unitName: 'Hội Phụ nữ', sheetName: 'Hội Phụ nữ' }));
    await wb.writeValues([{ sheet: 'Hội Phụ nữ', row: 0, col: 0, values: [['Thuận lợi, khó khăn của Hội Phụ nữ xã']] }]);
    await wb.writeValues([
      { sheet: 'Xã Sàng Ma Sáo - I.2', row: 0, col: 0, values: [['Ý kiến của thôn']] },
      { sheet: 'II.6.A', row: 0, col: 0, values: [['Mẫu biểu II.6.A']] },
      { sheet: 'Biểu I.2 thôn', row: 0, col: 0, values: [['Mẫu biểu I.2'], ['Tổng hợp ý kiến của thôn Sàng Ma Sáo']] },
      // A note that names a form far below its title rows is no form.
      { sheet: 'Ghi chú', row: 0, col: 0, values: [...Array.from({ length: 14 }, (_, i) => [`Ghi chú ${i + 1}`]), ['Số liệu lấy theo Biểu I.2 của các thôn']] },
      // A blank template: a title, no table.
      { sheet: 'Mẫu trống', row: 0, col: 0, values: [['Mẫu biểu II.6.B'], ['Biểu tổng hợp các hoạt động cần nguồn vốn bên ngoài']] },
    ]);
    // A title naming the village forms it was made from is still the commune's II.6.B.
    await wb.writeValues([{ sheet: 'II.6.B', row: 1, col: 20, values: [['Tổng hợp từ Biểu I.2 của các thôn']] }]);
    const calls: (ReadOptions | undefined)[] = [];
    const read = wb.readSheets.bind(wb);
    wb.readSheets = async (names, options) => {
      calls.push(options);
      return read(names, options);
    };
    const r = await readCommunePlans([{ port: wb, file: 'Sàng Ma Sáo.xlsx', skip: ['II.6.A'] }]);
    const f = 'Sàng Ma Sáo.xlsx';
    expect(r.sheets).toEqual([
      { file: f, sheet: 'Xã Sàng Ma Sáo - I.2', form: 'I.2', activities: 0, used: false, note: 'Biểu I.2: không dùng khi tổng hợp cấp trên.' },
      { file: f, sheet: 'Tổng hợp theo xã', activities: 0, used: false, note: 'Trang kết quả của LKH hoặc bản sao cũ: bỏ qua.' },
      { file: f, sheet: 'II.6.A', activities: 0, used: false, note: 'Đã nhập vào bảng dữ liệu các xã ở lần trước: bỏ qua (nhập lại tệp của xã nếu xã gửi bản mới).' },
      { file: f, sheet: 'II.6.B', form: 'II.6.B', commune: 'Xã Sàng Ma Sáo', activities: 1, used: true, note: 'Đã đọc.' },
      { file: f, sheet: 'Biểu I.2 thôn', form: 'I.2', activities: 0, used: false, note: 'Biểu I.2: không dùng khi tổng hợp cấp trên.' },
      { file: f, sheet: 'Ghi chú', activities: 0, used: false, note: 'Không nhận ra biểu mẫu: bỏ qua.' },
      { file: f, sheet: 'Mẫu trống', activities: 0, used: false, note: 'Không nhận ra biểu mẫu: bỏ qua.' },
      { file: f, sheet: 'Hội Phụ nữ', form: 'II.3', activities: 0, used: false, note: 'Biểu II.3: không dùng khi tổng hợp cấp trên.' },
    ]);
    expect(r.communes.map((c) => c.name)).toEqual(['Xã Sàng Ma Sáo']);
    expect(r.issues).toEqual([]);
    // One round trip for the file, values only (no formulas, fonts or merges).
    expect(calls).toEqual([{ fonts: false, formulas: false, merges: false }]);
  });

  it("does not open a file holding only the roll-up's sheets", async () => {
    const old = MemoryWorkbook.fromArrays({ 'Tổng hợp theo lĩnh vực': [['TỔNG HỢP']], 'Phản hồi - Xã A': [['Phản hồi']] });
    const r = await readCommunePlans([{ port: old, file: 'Tổng hợp cũ.xlsx' }]);
    expect(old.stats.readSheets).toBe(0);
    expect(r.sheets.map((s) => [s.sheet, s.used])).toEqual([
      ['Tổng hợp theo lĩnh vực', false],
      ['Phản hồi - Xã A', false],
    ]);
    expect(r).toMatchObject({ communes: [], held: [], issues: [] });
    expect('planYear' in r).toBe(false);
  });

  it("reads the province's IV.1 as the funds, not as a commune, with or without its unit", async () => {
    const wb = MemoryWorkbook.fromArrays({});
    await wb.createSheet(layoutForm(formEdition(getForm('IV.1'), '2026-2030'), { planYear: YEAR, unitName: 'Tỉnh Lào Cai', sheetName: 'IV.1', fixedValues: { sources: { tinh: { amount: 5000 } } } }));
    await wb.createSheet(layoutForm(formEdition(getForm('IV.1'), '2026-2030'), { planYear: YEAR, sheetName: 'IV.1 nháp', fixedValues: { sources: { tinh: { amount: 100 } } } }));
    const r = await readCommunePlans([{ port: wb, file: 'IV.1.xlsx' }]);
    expect(r.sheets).toEqual([
      { file: 'IV.1.xlsx', sheet: 'IV.1', form: 'IV.1', activities: 0, used: true, note: 'Biểu IV.1 của Tỉnh Lào Cai.' },
      { file: 'IV.1.xlsx', sheet: 'IV.1 nháp', form: 'IV.1', activities: 0, used: true, note: 'Biểu IV.1.' },
    ]);
    expect(r.iv1).toHaveLength(2);
    expect(r.communes).toEqual([]);
  });
});

describe('what the province is told of the money typed', () => {
  it('keeps a Tổng số that is not the sum of its parts, and not the commune’s own small slips', async () => {
    const wb = await workbook([
      // A rank given to a row that needs no outside money: the commune's own business.
      { form: 'II.6.A', name: 'II.6.A', unit: 'Xã Lùng Phình', rows: [GROUP_A, line({ stt: 1, priority: 1, activity: 'Dọn vệ sinh đường làng', unit: 'lần', quantity: 4, time: 'Hằng quý', place: 'Các thôn', responsible: 'Đoàn thanh niên', total: 3000, contribution: 3000, sector: 'Môi trường' })] },
      { form: 'II.6.B', name: 'II.6.B', unit: 'Xã Lùng Phình', rows: [planRow(1, 'Xây nhà văn hóa thôn', 500000, { contribution: 50000, proposed: 400000 })] },
    ]);
    const r = await readCommunePlans([{ port: wb, file: 'Lùng Phình.xlsx' }]);
    expect(r.findings.map((f) => f.code)).toEqual(['AMOUNT_SUM_MISMATCH']);
    expect(r.findings.filter((f) => f.code === 'AMOUNT_SUM_MISMATCH').map((f) => [f.file, f.sheet])).toEqual([['Lùng Phình.xlsx', 'II.6.B']]);
  });
});

describe('two versions of one commune’s plan', () => {
  it('are one when only the order of their rows differs', async () => {
    const rows = [planRow(1, 'Làm đường vào bản', 300000), planRow(2, 'Xây lớp học cắm bản', 250000)];
    const first = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Dền Sáng', rows }]), file: 'Dền Sáng (email).xlsx' };
    const again = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Dền Sáng', rows: [...rows].reverse() }]), file: 'Dền Sáng (Zalo).xlsx' };
    const r = await readCommunePlans([first, again]);
    expect(r.issues).toEqual([]);
    expect(r.held).toEqual([]);
    expect(r.communes[0].activities.map((a) => a.activity)).toEqual(['Làm đường vào bản', 'Xây lớp học cắm bản']);
    expect(r.communes[0].where).toEqual(['Dền Sáng (email).xlsx — II.6.B']);
  });

  it('keep the newest when every file has its date, and say which were left, in the order they came', async () => {
    const v0 = await packageOf(2, 3, { modified: '2026-11-10T08:00:00Z' });
    const v1 = await packageOf(2, 3, { variant: 1, modified: '2026-11-20T08:00:00Z' });
    const v2 = await packageOf(2, 3, { variant: 2, modified: '2026-11-15T08:00:00Z' });
    const r = await readCommunePlans([v0, v1, v2]);
    expect(r.communes.map((c) => [c.name, c.modified, c.where])).toEqual([['Xã Số 002', '2026-11-20T08:00:00Z', ['Xã Số 002 (sửa 1).xlsx — II.6.A', 'Xã Số 002 (sửa 1).xlsx — II.6.B']]]);
    expect(r.issues.map((f) => [f.code, f.sheet, f.message])).toEqual([
      ['COMMUNE_OLDER_VERSION_LEFT', '', 'Xã Số 002 có hai bản kế hoạch khác nhau: đã dùng bản mới hơn (Xã Số 002 (sửa 1).xlsx), bỏ qua bản cũ (Xã Số 002.xlsx).'],
      ['COMMUNE_OLDER_VERSION_LEFT', '', 'Xã Số 002 có hai bản kế hoạch khác nhau: đã dùng bản mới hơn (Xã Số 002 (sửa 1).xlsx), bỏ qua bản cũ (Xã Số 002 (sửa 2).xlsx).'],
    ]);
  });

  it('are held, neither read, when a date is missing or both dates are the same', async () => {
    const conflict = (name: string, files: string) =>
      `${name} có hai bản kế hoạch khác nhau (${files}) mà không biết bản nào mới hơn: chưa nhập bản nào, số liệu cũ của xã được giữ nguyên. Chỉ để lại một tệp của xã rồi tổng hợp lại.`;
    const undated = await readCommunePlans([await packageOf(3, 3, { modified: '2026-11-10T08:00:00Z' }), await packageOf(3, 3, { variant: 1 })]);
    expect(undated.communes).toEqual([]);
    expect(undated.held).toEqual([{ name: 'Xã Số 003', key: 'so 003' }]);
    expect(undated.issues.map((f) => [f.code, f.sheet, f.message])).toEqual([['COMMUNE_VERSIONS_CONFLICT', '', conflict('Xã Số 003', 'Xã Số 003.xlsx; Xã Số 003 (sửa 1).xlsx')]]);
    const sameDay = await readCommunePlans([await packageOf(4, 3, { modified: '2026-11-10T08:00:00Z' }), await packageOf(4, 3, { variant: 1, modified: '2026-11-10T08:00:00Z' })]);
    expect(sameDay.held).toEqual([{ name: 'Xã Số 004', key: 'so 004' }]);
    expect(sameDay.issues.map((f) => f.code)).toEqual(['COMMUNE_VERSIONS_CONFLICT']);
  });

  it('differ by any plan form: a difficulty of II.4.A, or II.6.A while II.6.B is the same', async () => {
    const ii6b = { form: 'II.6.B' as const, name: 'II.6.B', unit: 'Xã Bản Khoang', rows: [planRow(1, 'Làm đường lên bản', 400000)] };
    const ii4a = (difficulty: string): SheetSpec => ({ form: 'II.4.A', name: 'II.4.A', unit: 'Xã Bản Khoang', rows: [line({ sector: 'Giao thông', difficulty, solution: 'Làm đường lên bản' })] });
    const a = { port: await workbook([ii4a('Đường lên bản lầy lội'), ii6b]), file: 'Bản Khoang 1.xlsx' };
    const b = { port: await workbook([ii4a('Đường lên bản sạt lở mùa mưa'), ii6b]), file: 'Bản Khoang 2.xlsx' };
    expect((await readCommunePlans([a, b])).held.map((h) => h.name)).toEqual(['Xã Bản Khoang']);
    const ii6a = (total: number): SheetSpec => ({ form: 'II.6.A', name: 'II.6.A', unit: 'Xã Bản Khoang', rows: [GROUP_A, line({ stt: 1, activity: 'Phát dọn đường', total, contribution: total, sector: 'Giao thông' })] });
    const c = { port: await workbook([ii6a(10000), ii6b]), file: 'Bản Khoang 3.xlsx' };
    const d = { port: await workbook([ii6a(12000), ii6b]), file: 'Bản Khoang 4.xlsx' };
    expect((await readCommunePlans([c, d])).held.map((h) => h.name)).toEqual(['Xã Bản Khoang']);
  });
});

describe('a form sent again alone', () => {
  it('replaces that form only: the II.6.A of the package before it is still read', async () => {
    const ii6a = { form: 'II.6.A' as const, name: 'II.6.A', unit: 'Xã Nậm Xé', rows: [GROUP_A, line({ stt: 1, activity: 'Phát dọn đường vào bản', total: 10000, contribution: 10000, sector: 'Giao thông' })] };
    const ii6b = (total: number) => ({ form: 'II.6.B' as const, name: 'II.6.B', unit: 'Xã Nậm Xé', rows: [planRow(1, 'Làm đường lên bản', total)] });
    const pkg = { port: await workbook([ii6a, ii6b(400000)]), file: 'Nậm Xé.xlsx', modified: '2026-11-10T08:00:00Z' };
    const fix = { port: await workbook([ii6b(450000)]), file: 'Nậm Xé (sửa II.6.B).xlsx', modified: '2026-11-20T08:00:00Z' };
    const r = await readCommunePlans([pkg, fix]);
    expect(r.held).toEqual([]);
    expect(r.communes[0].activities.map((a) => [a.activity, a.total])).toEqual([
      ['Phát dọn đường vào bản', 10000],
      ['Làm đường lên bản', 450000],
    ]);
    expect(r.communes[0].where).toEqual(['Nậm Xé.xlsx — II.6.A', 'Nậm Xé (sửa II.6.B).xlsx — II.6.B']);
    expect(r.issues.map((f) => [f.code, f.message])).toEqual([
      ['COMMUNE_OLDER_VERSION_LEFT', 'Xã Nậm Xé có hai bản kế hoạch khác nhau: đã dùng bản mới hơn (Nậm Xé (sửa II.6.B).xlsx), bỏ qua bản cũ (Nậm Xé.xlsx: II.6.B).'],
    ]);
    // The older sent last changes nothing: the newer II.6.B is kept whatever the order.
    const again = await readCommunePlans([fix, pkg]);
    expect(again.communes[0].activities.map((a) => a.total)).toEqual([10000, 450000]);
  });
});

describe("a commune's dates, plan year and period", () => {
  it('is dated by its newest file, its III.1 included, and never by a file without a date', async () => {
    const r = await readCommunePlans([
      await iii1Of('Xã Số 005', 'III.1 Số 005.xlsx', '2026-11-25T08:00:00Z'),
      await packageOf(5, 3, { modified: '2026-11-12T08:00:00Z' }),
      await iii1Of('Xã Số 006', 'III.1 Số 006.xlsx'),
      await packageOf(6, 3, { modified: '2026-11-14T08:00:00Z' }),
    ]);
    expect(r.communes.map((c) => [c.name, c.modified])).toEqual([
      ['Xã Số 005', '2026-11-25T08:00:00Z'],
      ['Xã Số 006', '2026-11-14T08:00:00Z'],
    ]);
  });

  it('takes the year most sheets name, a sheet without a year not counting', async () => {
    const wb = await workbook([
      { form: 'II.4.B', name: 'II.4.B', unit: 'Xã Thải Giàng Phố', year: null, rows: [line({ stt: 1, activity: 'Làm sân thể thao', total: 90000, proposed: 90000, sector: 'Thể thao' })] },
      { form: 'II.6.B', name: 'II.6.B', unit: 'Xã Thải Giàng Phố', year: null, rows: [planRow(1, 'Làm sân thể thao', 90000)] },
      { form: 'II.6.A', name: 'II.6.A', unit: 'Xã Thải Giàng Phố', year: 2028, rows: [GROUP_A, line({ stt: 1, activity: 'Quét dọn nhà văn hóa', total: 1000, contribution: 1000, sector: 'Văn hóa' })] },
    ]);
    const r = await readCommunePlans([{ port: wb, file: 'Thải Giàng Phố.xlsx' }, await packageOf(7, 3)]);
    expect(r.communes.map((c) => [c.name, c.planYear])).toEqual([
      ['Xã Thải Giàng Phố', 2028],
      ['Xã Số 007', 2027],
    ]);
    // Of the three sheets that name a year, two say 2027 (two sheets name none), whichever is read first.
    expect(r.planYear).toBe(2027);
    expect((await readCommunePlans([await packageOf(7, 3), { port: wb, file: 'Thải Giàng Phố.xlsx' }])).planYear).toBe(2027);
    const none = await readCommunePlans([{ port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Bản Phố', year: null, rows: [planRow(1, 'Làm cầu', 1000)] }]) }]);
    expect('planYear' in none.communes[0]).toBe(false);
    expect('planYear' in none).toBe(false);
  });

  it("takes the period given, else the one the commune's workbook names, else the plan year's", async () => {
    const old = { port: await workbook([{ form: 'II.6.B', name: 'II.6.B', unit: 'Xã Cốc San', rows: [planRow(1, 'Làm đường', 1000)] }], { period: '2021-2025' }), file: 'Cốc San.xlsx' };
    const plain = await packageOf(9, 3);
    const r = await readCommunePlans([old, plain]);
    expect(r.communes.map((c) => [c.name, c.period])).toEqual([
      ['Xã Cốc San', '2021-2025'],
      ['Xã Số 009', '2026-2030'],
    ]);
    const given = await readCommunePlans([await packageOf(9, 3)], { period: '2021-2025' });
    expect(given.communes[0].period).toBe('2021-2025');
    // The province's choice wins over a workbook's own (made from an older template).
    const chosen = await readCommunePlans([old, plain], { period: '2026-2030' });
    expect(chosen.communes.map((c) => c.period)).toEqual(['2026-2030', '2026-2030']);
  });
});

describe('the difficulty an activity answers, by its name without the village', () => {
  const situations = [
    { difficulty: 'Đi lại khó khăn (Thôn Khuổi Phầy Trên)', solutions: ['Làm cầu treo'], sector: 'Giao thông' },
    { difficulty: 'Đường đất (chưa cứng hóa) lầy lội (Thôn Nà Lìu)', solutions: ['Bê tông hóa đường nội thôn'], sector: 'Giao thông' },
    { difficulty: 'Đường lầy lội', solutions: ['Bê tông hóa đường nội thôn'], sector: 'Giao thông' },
  ];

  it('reads the village from the last brackets, with or without a space before them', () => {
    expect(matchDifficulty('Làm cầu treo (Thôn Khuổi Phầy Trên)', situations)).toBe('Đi lại khó khăn (Thôn Khuổi Phầy Trên)');
    expect(matchDifficulty('Làm cầu treo(Thôn Khuổi Phầy Trên)', situations)).toBe('Đi lại khó khăn (Thôn Khuổi Phầy Trên)');
    // Brackets inside a difficulty are words, the village is the last.
    expect(matchDifficulty('Bê tông hóa đường nội thôn (Thôn Nà Lìu)', situations)).toBe('Đường đất (chưa cứng hóa) lầy lội (Thôn Nà Lìu)');
  });
});

describe("a commune's name from a tab", () => {
  it('takes the prefix whatever the spaces around the dash', () => {
    expect(tabPrefix('Xã Tân Lập  - II.6.B')).toBe('Xã Tân Lập');
    expect(tabPrefix('Xã Tân Lập -  II.6.B')).toBe('Xã Tân Lập');
  });
});

// ---------------------------------------------------------------------------------------------
// The previous summary, as an office leaves it.

const sheet = (values: CellValue[][], top = 0): SheetData => ({ name: 'Tổng hợp theo lĩnh vực', top, left: 0, values, errors: [], merges: [] });
const HEADER: string[] = SUMMARY_COLUMNS.map((c) => c.header);
const row = (v: Partial<Record<(typeof SUMMARY_COLUMNS)[number]['key'], CellValue>>): CellValue[] => SUMMARY_COLUMNS.map((c) => v[c.key] ?? null);

describe('the previous summary an office edited', () => {
  it('reads blank-looking cells as empty, a heading in any column, and the first of two columns with one header', () => {
    const summary = sheet([
      ['TỔNG HỢP ĐỀ XUẤT CỦA CÁC XÃ'],
      [...HEADER, 'Lý do'],
      ['1. Cơ sở hạ tầng'],
      [...row({ commune: 'Xã Hòa Bình', activity: 'Làm cầu treo', sector: 'Giao thông', form: 'II.6.A', total: 30000, budget: 30000, office: ' ', upperPriority: '  ', reason: 'Trùng dự án của tỉnh', key: 'hoa binh|r-2' }), 'bản sao'],
      // The key cleared with a space: found again by commune and activity.
      row({ commune: 'Xã Hòa Bình', activity: 'Sửa trạm y tế', opinion: 'Đồng ý', key: ' ' }),
      [null, '2. Kinh tế và tổ chức sản xuất'],
      ['Ngành/Lĩnh vực: Thủy lợi'],
      row({ commune: 'Xã Hòa Bình', activity: 'Kiên cố hóa kênh mương nội đồng', sector: 'Thủy lợi', opinion: 'Đồng ý', key: 'hoa binh|r-3' }),
      // A row whose commune and activity were cleared keeps its key.
      row({ opinion: 'Không đồng ý', key: 'hoa binh|r-4' }),
    ]);
    const rows = readPreviousSummary(summary).rows;
    expect(rows.map((r) => r.key)).toEqual(['hoa binh|r-2', 'name:hoa binh|sua tram y te', 'hoa binh|r-3', 'hoa binh|r-4']);
    expect(rows[0].appraisal).toStrictEqual({ reason: 'Trùng dự án của tỉnh' });
    expect(rows[0].row).toMatchObject({ form: 'II.6.A', topic: 'csht', total: 30000, budget: 30000 });
    expect(rows[1].appraisal).toStrictEqual({ opinion: 'Đồng ý' });
    // Under "2. Kinh tế…", its sector line changing nothing: where the province put it.
    expect(rows[2].row.topic).toBe('kinh-te');
    expect(rows[3].row).toMatchObject({ commune: '', activity: '', communeKey: 'hoa binh' });
  });

  it('finds its header by the key column when Xã and Hoạt động were renamed, the key column first', () => {
    const summary = sheet([['Thẩm định'], [KEY_COLUMN_HEADER, 'Đơn vị', 'Nội dung', 'Ý kiến (Đồng ý / Không đồng ý)'], ['tan lap|r-1', 'Xã Tân Lập', 'Làm đường', 'Đồng ý']]);
    expect(readPreviousSummary(summary).rows.map((r) => [r.key, r.appraisal])).toEqual([['tan lap|r-1', { opinion: 'Đồng ý' }]]);
  });

  it('reads the keys under a key header retyped in capitals', () => {
    const header = HEADER.map((h) => (h === KEY_COLUMN_HEADER ? 'MÃ DÒNG (LKH)' : h));
    const summary = sheet([header, row({ commune: 'Xã A', activity: 'Làm cầu', opinion: 'Đồng ý', key: 'a|r-1' })]);
    expect(readPreviousSummary(summary).rows.map((r) => r.key)).toEqual(['a|r-1']);
  });

  it('is not fooled by a line above the header naming only Xã, and matches headers typed with a slip', () => {
    const header = HEADER.map((h) => (h === KEY_COLUMN_HEADER ? null : h === 'Phòng/ban thẩm định' ? 'Phòng/ban thẩmđịnh' : h === 'Ưu tiên cấp trên' ? 'Ưu tiêncấp trên' : h));
    const summary = sheet([['Xã', 'Tân Lập'], header, row({ commune: 'Xã Tân Lập', activity: 'Làm cầu', office: 'Sở Nông nghiệp', opinion: 'Đồng ý', upperPriority: 3 })]);
    expect(readPreviousSummary(summary).rows.map((r) => [r.key, r.appraisal])).toEqual([['name:tan lap|lam cau', { office: 'Sở Nông nghiệp', opinion: 'Đồng ý', upperPriority: 3 }]]);
  });

  it('keeps a vanished row under the vanished group, and is read with values only', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'Tổng hợp theo lĩnh vực': [HEADER, [VANISHED_GROUP], row({ commune: 'Xã A', activity: 'Làm cầu', key: 'a|1', opinion: 'Đồng ý' })] });
    const calls: (ReadOptions | undefined)[] = [];
    const read = wb.readSheets.bind(wb);
    wb.readSheets = async (names, options) => {
      calls.push(options);
      return read(names, options);
    };
    expect((await readPreviousRollup(wb)).rows.map((r) => r.key)).toEqual(['a|1']);
    expect(calls).toEqual([{ formulas: false, fonts: false, merges: false }]);
  });
});
