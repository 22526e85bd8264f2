/**
 * The upper level's sheets as the province reads them (layout.ts), laid out from a roll-up of
 * hand-made communes and read back cell by cell: every sentence above the tables, the columns each
 * row fills, the verdicts in words, the feedback's A/B/C tables and remarks, what the commune is
 * told to do, the drop-downs of the summary and its key column, the report of a run, the names of
 * the feedback files.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { SheetLayout } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue } from '../../src/port/types';
import { finding } from '../../src/validate/messages';
import type { CommuneActivity, CommuneInput, DistrictRollup, PreviousRollup, PreviousRow, SheetRead } from '../../src/workflow/upper-level';
import {
  appraisalsLayout,
  buildRollup,
  communeKey,
  communesLayout,
  feedbackLayoutOf,
  feedbackLayouts,
  feedbackRowsOf,
  feedbackSheetLayout,
  feedbackSheetName,
  feedbackTableLayout,
  rankingLayout,
  reportLayout,
  summaryLayout,
  summaryLines,
  upperHeading,
} from '../../src/workflow/upper-level';
import { feedbackNotes, fundsLine } from '../../src/workflow/upper-level/layout';

type Grid = readonly (readonly CellValue[])[];
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

async function gridOf(layout: SheetLayout): Promise<Grid> {
  const wb = new MemoryWorkbook();
  await wb.createSheet(layout);
  const [d] = await wb.readSheets([layout.name]);
  return d.values;
}

/** The first text of each non-empty row. */
const firstTexts = (g: Grid): string[] => g.map((r) => text(r.find((v) => text(v) !== ''))).filter((t) => t !== '');
/** The row whose first text is `caption`. */
const rowOf = (g: Grid, caption: string): number => g.findIndex((r) => text(r.find((v) => text(v) !== '')) === caption);

/** The table whose header row holds `marker` (from row `from`): its rows, each as header → value, down to the first empty row. */
function table(g: Grid, marker: string, from = 0): Record<string, CellValue>[] {
  const at = g.findIndex((r, i) => i >= from && r.some((v) => text(v) === marker));
  if (at < 0) throw new Error(`no table with "${marker}"`);
  const cols = g[at].flatMap((v, c) => (text(v) !== '' ? [[text(v), c] as const] : []));
  const out: Record<string, CellValue>[] = [];
  for (let i = at + 1; i < g.length && g[i].some((v) => text(v) !== ''); i++) out.push(Object.fromEntries(cols.map(([h, c]) => [h, g[i][c] ?? null])));
  return out;
}

let n = 0;
function act(activity: string, form: 'II.6.A' | 'II.6.B', money: { total: number; contribution?: number; budget?: number; proposed?: number }, extra: Partial<CommuneActivity> = {}): CommuneActivity {
  n++;
  return {
    key: `r-${n}`,
    keyDerived: false,
    form,
    onlyInIi4b: false,
    topic: 'csht',
    sector: 'Giao thông',
    activity,
    total: money.total,
    contribution: money.contribution ?? 0,
    budget: money.budget ?? 0,
    proposed: money.proposed ?? 0,
    source: { file: 'xa.xlsx', sheet: form, row: 8, cells: {} },
    ...extra,
  };
}
const commune = (name: string, activities: CommuneActivity[], extra: Partial<CommuneInput> = {}): CommuneInput => ({ name, key: communeKey(name), activities, situations: [], forms: {}, period: '2026-2030', planYear: 2027, where: [], ...extra });
const prevRow = (key: string, appraisal: PreviousRow['appraisal'], activity = 'Cũ', sheetRow = 9): PreviousRow => ({
  key,
  appraisal,
  row: { communeKey: key.split('|')[0], commune: 'Xã Tân Lập', form: 'II.6.B', topic: 'csht', sector: 'Giao thông', activity, total: 70, contribution: 0, budget: 0, proposed: 70 },
  sheetRow,
});

/** Two communes: Tân Lập with a road, a school (accepted, funded), seeds (refused), a hall (waiting); Hòa Bình with a canal and a well. */
function rollup(funds?: number, fundsFrom?: DistrictRollup['fundsFrom']): DistrictRollup {
  const tl = commune('Xã Tân Lập', [
    act('Bê tông hóa đường thôn A', 'II.6.A', { total: 255000, budget: 255000 }, { fundSource: 'CT 135', unit: 'm', quantity: 300, place: 'Thôn A', time: 'Quý II' }),
    act('Xây phòng học', 'II.6.B', { total: 300000, contribution: 20000, proposed: 280000 }, { priority: 1, difficulty: 'Thiếu phòng học (Thôn A)' }),
    act('Hỗ trợ giống lúa', 'II.6.B', { total: 5000, contribution: 2500, proposed: 2500 }, { topic: 'kinh-te', sector: 'Trồng trọt', priority: 2 }),
    act('Xây nhà văn hóa', 'II.6.B', { total: 350000, contribution: 35000, proposed: 315000 }, { topic: 'vh-xh-mt', sector: '', priority: 3, onlyInIi4b: true }),
  ]);
  const hb = commune('Xã Hòa Bình', [act('Cứng hóa kênh', 'II.6.B', { total: 150000, contribution: 20000, proposed: 130000 }, { sector: 'Thủy lợi' }), act('Khoan giếng', 'II.6.B', { total: 40000, proposed: 40000 }, { sector: 'Nước sạch' })]);
  const key = (c: CommuneInput, i: number) => `${c.key}|${c.activities[i].key}`;
  const prev: PreviousRollup = {
    rows: [
      { ...prevRow(key(tl, 1), { office: 'Sở Giáo dục', opinion: 'Đồng ý', upperPriority: 1 }) },
      { ...prevRow(key(tl, 2), { office: 'Sở Nông nghiệp', opinion: 'Không đồng ý', reason: 'Trùng chương trình của tỉnh' }) },
      { ...prevRow(key(hb, 0), { opinion: 'Đồng ý', upperPriority: 2 }) },
      { ...prevRow(key(hb, 1), { opinion: 'Đồng ý', upperPriorityText: 'sau' }) },
      prevRow('tan lap|r-cu', { opinion: 'Đồng ý', reason: 'Đã làm' }, 'Làm cầu treo', 14),
    ],
  };
  return buildRollup([tl, hb], prev, { upperLevel: 'Tỉnh Lào Cai', ...(funds !== undefined ? { funds } : {}), ...(fundsFrom ? { fundsFrom } : {}) });
}

describe('the heading of the upper level', () => {
  it('is its name in capitals, dotted when only the level is named', () => {
    expect(['Tỉnh Lào Cai', 'Huyện', ' tỉnh ', 'Thành phố', 'quận', 'Thị xã', 'Huyện Bắc Hà', 'Xã'].map(upperHeading)).toEqual([
      'TỈNH LÀO CAI',
      'HUYỆN ……',
      'TỈNH ……',
      'THÀNH PHỐ ……',
      'QUẬN ……',
      'THỊ XÃ ……',
      'HUYỆN BẮC HÀ',
      'XÃ',
    ]);
  });
});

describe('"Tổng hợp theo lĩnh vực"', () => {
  it('lists the topics, then the sectors, then the rows numbered on; the vanished rows last; a Tổng cộng of the active rows', async () => {
    const r = rollup(700);
    expect(summaryLines(r.rows).map((l) => (l.kind === 'group' ? l.label : `${l.stt}. ${l.row.activity}`))).toEqual([
      '1. Cơ sở hạ tầng',
      'Ngành/Lĩnh vực: Giao thông',
      '1. Bê tông hóa đường thôn A',
      '2. Xây phòng học',
      'Ngành/Lĩnh vực: Nước sạch',
      '3. Khoan giếng',
      'Ngành/Lĩnh vực: Thủy lợi',
      '4. Cứng hóa kênh',
      '2. Kinh tế và tổ chức sản xuất',
      'Ngành/Lĩnh vực: Trồng trọt',
      '5. Hỗ trợ giống lúa',
      '3. Văn hóa - Xã hội - Môi trường',
      'Ngành/Lĩnh vực: (chưa ghi ngành/lĩnh vực)',
      '6. Xây nhà văn hóa',
      'Hoạt động không còn trong biểu của xã (giữ lại cùng ý kiến thẩm định)',
      '7. Làm cầu treo',
    ]);
    const layout = summaryLayout(r);
    const g = await gridOf(layout);
    expect(firstTexts(g).slice(0, 3)).toEqual([
      'TỔNG HỢP ĐỀ XUẤT CỦA CÁC XÃ THEO NHÓM NGÀNH, LĨNH VỰC — TỈNH LÀO CAI — NĂM KẾ HOẠCH 2027',
      'Từ Biểu II.6.A và II.6.B của 2 xã: 6 hoạt động, Tổng số 1.100.000 nghìn đồng. Đơn vị tiền: 1.000 đồng.',
      `Các phòng/ban của Tỉnh Lào Cai ghi vào bốn cột thẩm định: "Phòng/ban thẩm định", "Ý kiến" (chọn Đồng ý hoặc Không đồng ý), "Lý do" (ghi rõ khi không đồng ý) và "Ưu tiên cấp trên" (1 = cao nhất, cho các hoạt động II.6.B). Khi tổng hợp lại, các ý kiến được giữ theo cột "${KEY_COLUMN_HEADER}": không xóa, không sửa cột này.`,
    ]);
    const rows = table(g, KEY_COLUMN_HEADER).filter((x) => text(x[KEY_COLUMN_HEADER]) !== '' || text(x['Hoạt động']) === 'Tổng cộng');
    expect(rows[0]).toEqual({
      STT: 1,
      'Xã': 'Xã Tân Lập',
      'Hoạt động': 'Bê tông hóa đường thôn A',
      'Ngành/Lĩnh vực': 'Giao thông',
      'Biểu của xã': 'II.6.A',
      'ĐVT': 'm',
      'Số lượng': 300,
      'Địa điểm': 'Thôn A',
      'Thời gian': 'Quý II',
      'Tổng số (1.000 đồng)': 255000,
      'Dân góp (1.000 đồng)': 0,
      'Ngân sách - đã rõ nguồn vốn (1.000 đồng)': 255000,
      'Đề xuất - chưa rõ nguồn vốn (1.000 đồng)': 0,
      'Tên nguồn vốn': 'CT 135',
      'Ưu tiên của xã': null,
      'Phòng/ban thẩm định': null,
      'Ý kiến (Đồng ý / Không đồng ý)': null,
      'Lý do': null,
      'Ưu tiên cấp trên': null,
      'Ghi chú (LKH)': null,
      [KEY_COLUMN_HEADER]: r.rows[0].key,
    });
    expect(rows.map((x) => [x['Hoạt động'], x['Ưu tiên của xã'], x['Ý kiến (Đồng ý / Không đồng ý)'], x['Ưu tiên cấp trên'], x['Ghi chú (LKH)']])).toEqual([
      ['Bê tông hóa đường thôn A', null, null, null, null],
      ['Xây phòng học', 1, 'Đồng ý', 1, null],
      ['Khoan giếng', null, 'Đồng ý', 'sau', null],
      ['Cứng hóa kênh', null, 'Đồng ý', 2, null],
      ['Hỗ trợ giống lúa', 2, 'Không đồng ý', null, null],
      ['Xây nhà văn hóa', 3, null, null, 'Chỉ có trong II.4.B của xã (xếp vào biểu theo quy tắc tách nguồn vốn)'],
      ['Làm cầu treo', null, 'Đồng ý', null, '[Không còn trong biểu của xã]'],
      ['Tổng cộng', null, null, null, null],
    ]);
    expect(rows[7]).toMatchObject({ 'Tổng số (1.000 đồng)': 1100000, 'Dân góp (1.000 đồng)': 77500, 'Ngân sách - đã rõ nguồn vốn (1.000 đồng)': 255000, 'Đề xuất - chưa rõ nguồn vốn (1.000 đồng)': 767500 });
    // The drop-down and the whole-number priority on the data rows only, one validation per run of consecutive rows.
    const body = layout.tables[0].bodyRow;
    const data = summaryLines(r.rows).flatMap((l, i) => (l.kind === 'row' ? [body + i] : []));
    const runs = [
      [data[0], 2],
      [data[2], 1],
      [data[3], 1],
      [data[4], 1],
      [data[5], 1],
      [data[6], 1],
    ];
    expect(layout.validations.filter((v) => v.kind === 'list').map((v) => [v.row, v.rows, v.cols, v.kind === 'list' ? v.values : []])).toEqual(runs.map(([row, rows]) => [row, rows, 1, ['Đồng ý', 'Không đồng ý']]));
    expect(layout.validations.filter((v) => v.kind === 'whole').map((v) => [v.row, v.rows, v.kind === 'whole' ? v.min : 0])).toEqual(runs.map(([row, rows]) => [row, rows, 1]));
    // The key column small and grey, outside the print area; the header frozen.
    const keyCol = g[layout.tables[0].headerRow].findIndex((v) => v === KEY_COLUMN_HEADER);
    expect(layout.cells.filter((c) => c.col === keyCol && c.row >= layout.tables[0].headerRow).map((c) => c.style)).toEqual(['keyHeader', ...rows.map(() => 'key')]);
    expect(layout.print.area.cols).toBe(keyCol);
    expect(layout.freeze).toEqual({ rows: body, cols: 0 });
  });
});

describe('"Tổng hợp theo xã"', () => {
  it('sums each commune and says how its II.6.A stands against III.1', async () => {
    const reading = (fixed: Record<string, number>) => ({ sheet: 'III.1', formId: 'III.1' as const, confidence: 1, strengths: [], difficulties: [], activities: [], fixedValues: Object.fromEntries(Object.entries(fixed).map(([k, amount]) => [k, { amount }])), findings: [] });
    const road = (budget: number) => act('Đường', 'II.6.A', { total: budget, budget }, { group: 'investment-new', fundSource: 'CTMTQG' });
    const r = buildRollup(
      [
        commune('Xã A', [road(100500)], { iii1: reading({ 'chi-thuong-xuyen': 100 }) }),
        commune('Xã B', [road(50000)], { iii1: reading({ 'chi-thuong-xuyen': 80 }) }),
        commune('Xã C', [road(1234)]),
        commune('Xã D', [road(60000)], { iii1: reading({ 'ntm-dau-tu': 10, 'chi-thuong-xuyen': 200 }) }),
      ],
      { rows: [] },
      { upperLevel: 'Huyện Bắc Hà' },
    );
    const g = await gridOf(communesLayout(r));
    expect(firstTexts(g).slice(0, 3)).toEqual([
      'TỔNG HỢP THEO XÃ — HUYỆN BẮC HÀ — NĂM KẾ HOẠCH 2027',
      'Số tiền hoạt động: 1.000 đồng; Biểu III.1: triệu đồng. "So với III.1": Ngân sách của các hoạt động II.6.A so với tổng kinh phí Huyện Bắc Hà dự kiến phân bổ cho xã.',
      'Đối chiếu: số hoạt động và số tiền đọc được của mỗi xã bằng số đưa vào "Tổng hợp theo lĩnh vực".',
    ]);
    const rows = table(g, 'Số hoạt động');
    expect(rows.map((x) => [x.STT, x['Xã'], x['III.1: kinh phí dự kiến (triệu đồng)'], x['II.6.A: Ngân sách (triệu đồng)'], x['So với III.1'], x['Đối chiếu']])).toEqual([
      [1, 'Xã A', 100, 100.5, 'Vượt 0,5 triệu đồng', 'Khớp'],
      [2, 'Xã B', 80, 50, 'Trong mức', 'Khớp'],
      [3, 'Xã C', null, 1.234, 'Chưa có III.1', 'Khớp'],
      // Within its total, over its NTM investment line (10 triệu for 60 triệu of CTMTQG investment).
      [4, 'Xã D', 210, 60, 'Vượt mức 1 nguồn vốn', 'Khớp'],
      [null, 'Tổng cộng', 390, 211.734, null, 'Khớp'],
    ]);
    // The per-source checks, one row each.
    const checks = table(g, 'Kiểm tra');
    // Two allocation checks a commune with III.1: the one without program lines cannot be told.
    expect(checks.map((x) => [x.STT, x['Xã'], x['Kết quả']])).toEqual([
      [1, 'Xã A', 'Đạt'],
      [2, 'Xã A', 'Chưa kiểm tra được'],
      [3, 'Xã B', 'Đạt'],
      [4, 'Xã B', 'Chưa kiểm tra được'],
      [5, 'Xã D', 'Đạt'],
      [6, 'Xã D', 'Vượt'],
    ]);
    expect(firstTexts(g)).toContain('Kiểm tra vốn CTMTQG của II.6.A trong mức Biểu III.1, theo từng nguồn vốn');
    // Without III.1 anywhere: no check table, the III.1 total empty.
    const none = await gridOf(communesLayout(buildRollup([commune('Xã C', [road(1234)])], { rows: [] }, { upperLevel: 'Huyện' })));
    expect(firstTexts(none)).not.toContain('Kiểm tra vốn CTMTQG của II.6.A trong mức Biểu III.1, theo từng nguồn vốn');
    expect(table(none, 'Số hoạt động').map((x) => x['III.1: kinh phí dự kiến (triệu đồng)'])).toEqual([null, null]);
  });
});

describe('"Xếp ưu tiên trong nguồn vốn"', () => {
  it('says the funds and where they come from, what fits, and lists the accepted II.6.B rows with the running total', async () => {
    const g = await gridOf(rankingLayout(rollup(300, { kind: 'iv1', sheets: ['IV.1'] })));
    expect(firstTexts(g).slice(0, 4)).toEqual([
      'XẾP ƯU TIÊN CÁC HOẠT ĐỘNG CHƯA RÕ NGUỒN VỐN TRONG NGUỒN VỐN CỦA TỈNH LÀO CAI — NĂM KẾ HOẠCH 2027',
      'Nguồn vốn Tỉnh Lào Cai nắm giữ để hỗ trợ các hoạt động chưa rõ nguồn vốn: 300 triệu đồng (= 300.000 nghìn đồng), theo tổng kinh phí dự kiến phân bổ của Biểu IV.1.',
      'Hoạt động II.6.B được đồng ý: 3, Đề xuất cộng 450.000 nghìn đồng; trong khả năng vốn: 1 hoạt động (280.000 nghìn đồng). Không đồng ý: 1; chưa có ý kiến: 1.',
      'Thứ tự: Ưu tiên cấp trên (ô trống xếp sau), rồi Ưu tiên của xã, rồi theo xã. Cộng dồn theo thứ tự này; hoạt động đầu tiên làm cộng dồn vượt số vốn và mọi hoạt động sau nó là "Không".',
    ]);
    expect(table(g, 'Thứ tự').map((x) => [x['Thứ tự'], x['Ưu tiên cấp trên'], x['Ưu tiên của xã'], x['Xã'], x['Hoạt động'], x['Ngành/Lĩnh vực'], x['Phòng/ban thẩm định'], x['Tổng số (1.000 đồng)'], x['Đề xuất (1.000 đồng)'], x['Cộng dồn Đề xuất (1.000 đồng)'], x['Trong khả năng vốn']])).toEqual([
      [1, 1, 1, 'Xã Tân Lập', 'Xây phòng học', 'Giao thông', 'Sở Giáo dục', 300000, 280000, 280000, 'Có'],
      [2, 2, null, 'Xã Hòa Bình', 'Cứng hóa kênh', 'Thủy lợi', null, 150000, 130000, 410000, 'Không'],
      [3, null, null, 'Xã Hòa Bình', 'Khoan giếng', 'Nước sạch', null, 40000, 40000, 450000, 'Không'],
    ]);
    const typed = await gridOf(rankingLayout(rollup(1000, { kind: 'option' })));
    expect(firstTexts(typed)[1]).toBe('Nguồn vốn Tỉnh Lào Cai nắm giữ để hỗ trợ các hoạt động chưa rõ nguồn vốn: 1.000 triệu đồng (= 1.000.000 nghìn đồng).');
    const without = await gridOf(rankingLayout(rollup()));
    expect(firstTexts(without).slice(1, 3)).toEqual([
      'Chưa nhập số vốn Tỉnh Lào Cai nắm giữ nên chưa xác định được hoạt động nào trong khả năng vốn.',
      'Hoạt động II.6.B được đồng ý: 3, Đề xuất cộng 450.000 nghìn đồng. Không đồng ý: 1; chưa có ý kiến: 1.',
    ]);
    expect(table(without, 'Thứ tự').map((x) => x['Trong khả năng vốn'])).toEqual([null, null, null]);
  });
});

describe("a commune's feedback", () => {
  it('answers in three tables, A accepted, B not accepted with the conclusion and reason, C waiting, each with its remark', async () => {
    const r = rollup(300);
    const tl = r.communes.find((c) => c.name === 'Xã Tân Lập');
    const layout = feedbackLayoutOf(r, tl?.key ?? '', 'Phiếu phản hồi');
    if (!layout) throw new Error('no feedback');
    const g = await gridOf(layout);
    expect(firstTexts(g).slice(0, 6)).toEqual([
      'PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP NĂM 2027',
      'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
      'Kính gửi: Ủy ban nhân dân Xã Tân Lập',
      'Sau khi tổng hợp và thẩm định các hoạt động xã đề xuất trong Biểu II.6.A và II.6.B năm 2027, Tỉnh Lào Cai phản hồi như sau (số tiền: 1.000 đồng):',
      'Đồng ý: 1 hoạt động; chưa tiếp thu: 1; đang chờ ý kiến: 2.',
      'A. Các vấn đề Tỉnh Lào Cai tiếp thu và đưa vào kế hoạch:',
    ]);
    const a = table(g, 'Tổng số (1.000 đồng)');
    expect(a).toEqual([{ TT: 1, 'Khó khăn': 'Thiếu phòng học (Thôn A)', 'Giải pháp/Hoạt động': 'Xây phòng học', 'Biểu': 'II.6.B', 'Tổng số (1.000 đồng)': 300000, 'Phòng/ban thẩm định': 'Sở Giáo dục', 'Ghi chú': 'Ưu tiên cấp trên: 1; Trong khả năng vốn', [KEY_COLUMN_HEADER]: tl ? r.rows.find((x) => x.activity === 'Xây phòng học')?.key.slice(tl.key.length + 1) ?? '' : '' }]);
    const bAt = rowOf(g, 'B. Những vấn đề Tỉnh Lào Cai chưa tiếp thu:');
    expect(table(g, 'Giải pháp/Hoạt động', bAt).map((x) => [x.TT, x['Giải pháp/Hoạt động'], x['Biểu'], x['Kết luận của Tỉnh Lào Cai'], x['Lý do Tỉnh Lào Cai chưa tiếp thu']])).toEqual([
      [1, 'Hỗ trợ giống lúa', 'II.6.B', 'Không đồng ý (Sở Nông nghiệp)', 'Trùng chương trình của tỉnh'],
    ]);
    const cAt = rowOf(g, 'C. Các hoạt động đang chờ ý kiến thẩm định của Tỉnh Lào Cai:');
    expect(table(g, 'Giải pháp/Hoạt động', cAt).map((x) => [x.TT, x['Giải pháp/Hoạt động'], x['Tổng số (1.000 đồng)'], x['Ghi chú']])).toEqual([
      [1, 'Bê tông hóa đường thôn A', 255000, null],
      [2, 'Xây nhà văn hóa', 350000, null],
    ]);
    expect(layout.print.orientation).toBe('portrait');
    // Hòa Bình: both accepted, out of the funds; one with a priority, the other without.
    const hb = feedbackRowsOf(r, 'hoa binh');
    expect(hb.map((x) => [x.activity, x.verdict, x.upperPriority, x.withinFunds, x.key])).toEqual([
      ['Khoan giếng', 'accepted', undefined, false, r.rows.find((x) => x.activity === 'Khoan giếng')?.key.replace('hoa binh|', '')],
      ['Cứng hóa kênh', 'accepted', 2, false, r.rows.find((x) => x.activity === 'Cứng hóa kênh')?.key.replace('hoa binh|', '')],
    ]);
    const hbGrid = await gridOf(feedbackLayoutOf(r, 'hoa binh', 'x') as SheetLayout);
    expect(table(hbGrid, 'Tổng số (1.000 đồng)').map((x) => x['Ghi chú'])).toEqual(['Ngoài khả năng vốn năm nay', 'Ưu tiên cấp trên: 2; Ngoài khả năng vốn năm nay']);
    // A commune unknown, or without activities: no feedback.
    expect(feedbackLayoutOf(r, 'na hang', 'x')).toBeUndefined();
    const empty = buildRollup([commune('Xã Trống', [])], { rows: [] }, { upperLevel: 'Tỉnh' });
    expect(feedbackLayoutOf(empty, 'trong', 'x')).toBeUndefined();
    expect(feedbackLayouts(r).map((l) => l.name)).toEqual(['Phản hồi - Xã Hòa Bình', 'Phản hồi - Xã Tân Lập']);
    expect(feedbackLayouts(empty)).toEqual([]);
  });

  it('says the III.1 allocation when read, leaves out the year when unknown, and shows no table C when nothing waits', async () => {
    const g = await gridOf(
      feedbackSheetLayout({
        name: 'Phản hồi - Xã Cốc Ly',
        upperLevel: 'Huyện',
        commune: 'Xã Cốc Ly',
        iii1Total: 1250.5,
        rows: [
          { verdict: 'accepted', activity: 'Làm cầu' },
          { verdict: 'rejected', activity: 'Mua loa', office: 'Phòng Văn hóa' },
          { verdict: 'rejected', activity: 'Sửa chợ', opinion: 'Chưa đồng ý' },
        ],
      }),
    );
    expect(firstTexts(g).slice(0, 6)).toEqual([
      'PHẢN HỒI KẾ HOẠCH XÃ CỐC LY',
      'ỦY BAN NHÂN DÂN HUYỆN ……',
      'Kính gửi: Ủy ban nhân dân Xã Cốc Ly',
      'Sau khi tổng hợp và thẩm định các hoạt động xã đề xuất trong Biểu II.6.A và II.6.B, Huyện phản hồi như sau (số tiền: 1.000 đồng):',
      'Kinh phí dự kiến phân bổ cho xã (Biểu III.1): 1.250,5 triệu đồng.',
      'Đồng ý: 1 hoạt động; chưa tiếp thu: 2; đang chờ ý kiến: 0.',
    ]);
    const bAt = rowOf(g, 'B. Những vấn đề Huyện chưa tiếp thu:');
    expect(table(g, 'Giải pháp/Hoạt động', bAt).map((x) => [x['Giải pháp/Hoạt động'], x['Biểu'], x['Kết luận của Huyện'], x['Lý do Huyện chưa tiếp thu']])).toEqual([
      ['Mua loa', null, 'Không đồng ý (Phòng Văn hóa)', null],
      ['Sửa chợ', null, 'Chưa đồng ý', null],
    ]);
    expect(firstTexts(g).some((t) => t.startsWith('C. '))).toBe(false);
    expect(table(g, 'Tổng số (1.000 đồng)')).toEqual([{ TT: 1, 'Khó khăn': null, 'Giải pháp/Hoạt động': 'Làm cầu', 'Biểu': null, 'Tổng số (1.000 đồng)': null, 'Phòng/ban thẩm định': null, 'Ghi chú': null, [KEY_COLUMN_HEADER]: null }]);
  });

  it('is named "Phản hồi - <xã>" within 31 characters, without the characters a sheet name refuses, once whatever the case', () => {
    expect(feedbackSheetName('Xã Tân Lập', [])).toBe('Phản hồi - Xã Tân Lập');
    expect(feedbackSheetName('Xã Tân Lập', ['phản hồi - xã tân lập'])).toBe('Phản hồi - Xã Tân Lập 2');
    expect(feedbackSheetName('Xã Tân Lập', ['Phản hồi - Xã Tân Lập', 'Phản hồi - Xã Tân Lập 2'])).toBe('Phản hồi - Xã Tân Lập 3');
    expect(feedbackSheetName('Xã [Tân]: Lập/Mới?*\\', [])).toBe('Phản hồi - Xã Tân Lập Mới');
    expect(feedbackSheetName(' :/ ', [])).toBe('Phản hồi - Xã');
    const long = feedbackSheetName('Xã Phong Thổ Sìn Hồ Mường Tè Lai Châu', []);
    expect(long).toBe('Phản hồi - Xã Phong Thổ Sìn Hồ');
    expect(long.length).toBeLessThanOrEqual(31);
    const second = feedbackSheetName('Xã Phong Thổ Sìn Hồ Mường Tè Lai Châu', [long]);
    expect([second, second.length]).toEqual(['Phản hồi - Xã Phong Thổ Sìn H 2', 31]);
  });
});

describe('"Phản hồi các xã"', () => {
  it('gives every active row by commune, its answer in words, what the commune does, and the notes typed before', async () => {
    const r = rollup(300);
    const keyOf = (a: string) => r.rows.find((x) => x.activity === a)?.key ?? '';
    const notes = new Map([[keyOf('Khoan giếng'), 'Gửi kèm bản vẽ']]);
    const g = await gridOf(feedbackTableLayout(r, notes));
    expect(table(g, 'Kết luận').map((x) => [x['Xã'], x['Biểu của xã'], x['Ngành/Lĩnh vực'], x['Hoạt động'], x['Khó khăn'], x['Tổng số (1.000 đồng)'], x['Đề xuất (1.000 đồng)'], x['Kết luận'], x['Phòng/ban thẩm định'], x['Ý kiến'], x['Lý do'], x['Ưu tiên cấp trên'], x['Trong khả năng vốn'], x['Việc xã cần làm'], x['Ghi chú của cấp trên'], x[KEY_COLUMN_HEADER]])).toEqual([
      ['Xã Hòa Bình', 'II.6.B', 'Nước sạch', 'Khoan giếng', null, 40000, 40000, 'Đồng ý', null, 'Đồng ý', null, null, 'Không', 'Giữ trong II.6.B (ngoài khả năng vốn năm nay)', 'Gửi kèm bản vẽ', keyOf('Khoan giếng')],
      ['Xã Hòa Bình', 'II.6.B', 'Thủy lợi', 'Cứng hóa kênh', null, 150000, 130000, 'Đồng ý', null, 'Đồng ý', null, 2, 'Không', 'Giữ trong II.6.B (ngoài khả năng vốn năm nay)', null, keyOf('Cứng hóa kênh')],
      ['Xã Tân Lập', 'II.6.A', 'Giao thông', 'Bê tông hóa đường thôn A', null, 255000, 0, 'Chờ ý kiến', null, null, null, null, null, 'Chờ ý kiến thẩm định', null, keyOf('Bê tông hóa đường thôn A')],
      ['Xã Tân Lập', 'II.6.B', 'Giao thông', 'Xây phòng học', 'Thiếu phòng học (Thôn A)', 300000, 280000, 'Đồng ý', 'Sở Giáo dục', 'Đồng ý', null, 1, 'Có', 'Chuyển sang II.6.A (trong khả năng vốn)', null, keyOf('Xây phòng học')],
      ['Xã Tân Lập', 'II.6.B', 'Trồng trọt', 'Hỗ trợ giống lúa', null, 5000, 2500, 'Chưa tiếp thu', 'Sở Nông nghiệp', 'Không đồng ý', 'Trùng chương trình của tỉnh', null, null, 'Xem lại: bỏ, sửa hoặc tìm nguồn vốn khác', null, keyOf('Hỗ trợ giống lúa')],
      ['Xã Tân Lập', 'II.6.B', null, 'Xây nhà văn hóa', null, 350000, 315000, 'Chờ ý kiến', null, null, null, null, null, 'Chờ ý kiến thẩm định', null, keyOf('Xây nhà văn hóa')],
    ]);
    // Accepted without funds given; an accepted II.6.A row.
    const both = [act('Đường', 'II.6.A', { total: 5, budget: 5 }), act('Cầu', 'II.6.B', { total: 5, proposed: 5 })];
    const accepted = buildRollup([commune('Xã A', both)], { rows: both.map((a) => prevRow(`a|${a.key}`, { opinion: 'Đồng ý' })) }, { upperLevel: 'Tỉnh' });
    expect(table(await gridOf(feedbackTableLayout(accepted)), 'Kết luận').map((x) => x['Việc xã cần làm'])).toEqual(['Giữ trong II.6.A', 'Giữ trong II.6.B đến khi có nguồn vốn']);
  });

  it('keeps the notes typed before by their key, the blank ones left out', () => {
    const data = { name: 'Phản hồi các xã', top: 0, left: 0, errors: [], merges: [], values: [['Xã', 'Ghi chú của cấp trên', KEY_COLUMN_HEADER], ['Xã A', ' Gửi bản vẽ ', ' a|1 '], ['Xã A', '  ', 'a|2'], ['Xã A', 'Không khóa', null], ['Xã A', 'Số', 7]] };
    expect([...feedbackNotes(data)]).toEqual([
      ['a|1', 'Gửi bản vẽ'],
      ['7', 'Số'],
    ]);
    expect(feedbackNotes(undefined).size).toBe(0);
  });
});

describe('"Thẩm định lần trước"', () => {
  it('lists every appraisal typed before, as typed, and no row without one', async () => {
    const g = await gridOf(
      appraisalsLayout({
        rows: [
          prevRow('a|1', { office: 'Sở Xây dựng', opinion: 'đồng ý', upperPriority: 2 }, 'Làm cầu'),
          prevRow('a|2', {}, 'Sửa đường'),
          prevRow('a|3', { upperPriorityText: 'cao' }, 'Mua loa'),
          prevRow('a|4', { reason: 'Đã có' }, 'Sửa chợ'),
          { ...prevRow('a|5', { opinion: 'Không đồng ý' }, 'Kè'), row: { ...prevRow('a|5', {}).row, form: '', activity: 'Kè' } },
        ],
      }),
    );
    expect(g).toEqual([
      ['Xã', 'Biểu của xã', 'Hoạt động', 'Phòng/ban thẩm định', 'Ý kiến (Đồng ý / Không đồng ý)', 'Lý do', 'Ưu tiên cấp trên', KEY_COLUMN_HEADER],
      ['Xã Tân Lập', 'II.6.B', 'Làm cầu', 'Sở Xây dựng', 'đồng ý', null, 2, 'a|1'],
      ['Xã Tân Lập', 'II.6.B', 'Mua loa', null, null, null, 'cao', 'a|3'],
      ['Xã Tân Lập', 'II.6.B', 'Sửa chợ', null, null, 'Đã có', null, 'a|4'],
      ['Xã Tân Lập', null, 'Kè', null, 'Không đồng ý', null, null, 'a|5'],
    ]);
  });
});

describe('"Báo cáo đọc các xã"', () => {
  const sheets: SheetRead[] = [
    { file: 'tan-lap.xlsx', sheet: 'II.6.B', form: 'II.6.B', commune: 'Xã Tân Lập', activities: 4, used: true, note: 'Đã đọc.' },
    { sheet: 'Ghi chú', activities: 0, used: false, note: 'Không nhận ra biểu mẫu: bỏ qua.' },
    { file: 'hoa-binh.xlsx', sheet: 'II.6.B', form: 'II.6.B', commune: 'Xã Hòa Bình', activities: 2, used: true, note: 'Đã đọc.' },
  ];

  it('says what was read and written, reconciled per commune, by topic and in total, where the funds come from, and every problem', async () => {
    const r = rollup(700, { kind: 'saved' });
    const withProblem: DistrictRollup = {
      ...r,
      communes: r.communes.map((c, i) => (i === 0 ? { ...c, ii4bMatches: false } : { ...c, ii4bMatches: true })),
      issues: [...r.issues, finding('FORM_SENT_TWICE', { sheet: '' }, { commune: 'Xã Tân Lập', form: 'II.6.B', count: 2, places: 'a; b' })],
      findings: [...r.findings, finding('AMOUNT_SUM_MISMATCH', { file: 'tan-lap.xlsx', sheet: 'II.6.B', cell: 'K9' }, { total: 1, sum: 2, parts: 'Dân góp + Ngân sách + Đề xuất', activity: 'x' })],
    };
    const g = await gridOf(
      reportLayout(withProblem, sheets, ['Tổng hợp theo lĩnh vực', 'Tổng hợp theo xã'], {
        imported: [
          { name: 'Xã Tân Lập', fromTabs: true, read: { count: 4, amount: 910000 }, stored: { count: 4, amount: 910000 }, balanced: true },
          { name: 'Xã Hòa Bình', fromTabs: false, read: { count: 2, amount: 190000 }, stored: { count: 1, amount: 150000 }, balanced: false },
        ],
        stored: 3,
        removed: ['Phản hồi - Xã A', 'Phản hồi - Xã B'],
      }),
    );
    expect(firstTexts(g).slice(0, 9)).toEqual([
      'BÁO CÁO ĐỌC BIỂU CỦA CÁC XÃ — TỈNH LÀO CAI — NĂM KẾ HOẠCH 2027',
      'Bảng dữ liệu các xã: nhập mới hoặc thay 2 xã (1 xã từ các trang theo cách sắp xếp cũ, mỗi xã một trang); giữ nguyên 3 xã đã có. CÓ XÃ KHÔNG KHỚP giữa số đọc được và số ghi vào bảng dữ liệu — xem bảng bên dưới.',
      'Đã xóa 2 trang "Phản hồi - …" của cách sắp xếp cũ: phản hồi nay ở "Phản hồi các xã" và trang in "Phiếu phản hồi".',
      'Cấp tổng hợp: Tỉnh Lào Cai. Năm kế hoạch: 2027. Đã đọc 2 trang của 2 xã.',
      'Đọc được 6 hoạt động (1.100.000 nghìn đồng); đưa vào "Tổng hợp theo lĩnh vực" 6 hoạt động (1.100.000 nghìn đồng). Đối chiếu: khớp — không hoạt động nào bị bỏ sót.',
      'Ý kiến thẩm định giữ lại từ lần tổng hợp trước: 4. Hoạt động không còn trong biểu của xã (giữ lại, đã đánh dấu): 1.',
      'Vốn Tỉnh Lào Cai nắm giữ để xếp ưu tiên: 700 triệu đồng — số đã dùng ở lần tổng hợp trước.',
      'Đã ghi: Tổng hợp theo lĩnh vực, Tổng hợp theo xã.',
      'Các xã nhập vào bảng dữ liệu lần này (số hoạt động / Tổng số, nghìn đồng)',
    ]);
    expect(table(g, 'Ghi vào bảng dữ liệu: số hoạt động')).toEqual([
      { STT: 1, 'Xã': 'Xã Tân Lập', 'Từ': 'Trang của xã', 'Đọc được: số hoạt động': 4, 'Đọc được: Tổng số': 910000, 'Ghi vào bảng dữ liệu: số hoạt động': 4, 'Ghi vào bảng dữ liệu: Tổng số': 910000, 'Kết quả': 'Khớp' },
      { STT: 2, 'Xã': 'Xã Hòa Bình', 'Từ': 'Tệp của xã', 'Đọc được: số hoạt động': 2, 'Đọc được: Tổng số': 190000, 'Ghi vào bảng dữ liệu: số hoạt động': 1, 'Ghi vào bảng dữ liệu: Tổng số': 150000, 'Kết quả': 'KHÔNG KHỚP' },
    ]);
    expect(table(g, 'II.4.B = II.6.A + II.6.B')).toEqual([
      { STT: 1, 'Xã': 'Xã Hòa Bình', 'Đọc được: số hoạt động': 2, 'Đọc được: Tổng số': 190000, 'Đưa vào tổng hợp: số hoạt động': 2, 'Đưa vào tổng hợp: Tổng số': 190000, 'II.4.B = II.6.A + II.6.B': 'Không khớp', 'Kết quả': 'Khớp' },
      { STT: 2, 'Xã': 'Xã Tân Lập', 'Đọc được: số hoạt động': 4, 'Đọc được: Tổng số': 910000, 'Đưa vào tổng hợp: số hoạt động': 4, 'Đưa vào tổng hợp: Tổng số': 910000, 'II.4.B = II.6.A + II.6.B': 'Khớp', 'Kết quả': 'Khớp' },
      { STT: null, 'Xã': 'Tổng cộng', 'Đọc được: số hoạt động': 6, 'Đọc được: Tổng số': 1100000, 'Đưa vào tổng hợp: số hoạt động': 6, 'Đưa vào tổng hợp: Tổng số': 1100000, 'II.4.B = II.6.A + II.6.B': null, 'Kết quả': 'Khớp' },
    ]);
    expect(table(g, 'Chủ đề').map((x) => [x.STT, x['Chủ đề'], x['Đọc được: số hoạt động'], x['Đưa vào tổng hợp: Tổng số'], x['Kết quả']])).toEqual([
      [1, '1. Cơ sở hạ tầng', 4, 745000, 'Khớp'],
      [2, '2. Kinh tế và tổ chức sản xuất', 1, 5000, 'Khớp'],
      [3, '3. Văn hóa - Xã hội - Môi trường', 1, 350000, 'Khớp'],
    ]);
    expect(table(g, 'Trang').map((x) => [x.STT, x['Tệp'], x.Trang, x['Biểu'], x['Xã'], x['Số hoạt động'], x['Ghi chú']])).toEqual([
      [1, 'tan-lap.xlsx', 'II.6.B', 'II.6.B', 'Xã Tân Lập', 4, 'Đã đọc.'],
      [2, null, 'Ghi chú', null, null, null, 'Không nhận ra biểu mẫu: bỏ qua.'],
      [3, 'hoa-binh.xlsx', 'II.6.B', 'II.6.B', 'Xã Hòa Bình', 2, 'Đã đọc.'],
    ]);
    const problems = table(g, 'Nội dung');
    expect(problems.map((x) => [x.STT, x['Mức'], x['Mã'], x['Ở đâu']])).toEqual([
      [1, 'Cảnh báo', 'ROLLUP_ROW_VANISHED', 'Xã Tân Lập — Tổng hợp theo lĩnh vực!C15'],
      [2, 'Lỗi', 'AMOUNT_SUM_MISMATCH', 'tan-lap.xlsx — II.6.B!K9'],
      [3, 'Cảnh báo', 'UPPER_PRIORITY_NOT_A_NUMBER', 'Xã Hòa Bình — Tổng hợp theo lĩnh vực'],
      [4, 'Cảnh báo', 'FORM_SENT_TWICE', 'Xã Tân Lập'],
    ]);
    expect(problems.map((x) => x['Nội dung'])).toEqual([...withProblem.findings, ...withProblem.issues].map((f) => f.message));
  });

  it('says when every commune imported balances, when nothing was removed, when the reconciliation fails, and the funds as typed or missing', async () => {
    const r = rollup();
    const unbalanced: DistrictRollup = { ...r, planYear: undefined, reconciliation: { ...r.reconciliation, balanced: false } };
    const g = await gridOf(reportLayout(unbalanced, [], []));
    expect(firstTexts(g).slice(0, 7)).toEqual([
      'BÁO CÁO ĐỌC BIỂU CỦA CÁC XÃ — TỈNH LÀO CAI',
      'Bảng dữ liệu các xã: nhập mới hoặc thay 0 xã; giữ nguyên 0 xã đã có. Số hoạt động và số tiền đọc được = số ghi vào bảng dữ liệu.',
      'Cấp tổng hợp: Tỉnh Lào Cai. Đã đọc 0 trang của 2 xã.',
      'Đọc được 6 hoạt động (1.100.000 nghìn đồng); đưa vào "Tổng hợp theo lĩnh vực" 6 hoạt động (1.100.000 nghìn đồng). Đối chiếu: KHÔNG KHỚP — xem bảng đối chiếu bên dưới.',
      'Ý kiến thẩm định giữ lại từ lần tổng hợp trước: 4. Hoạt động không còn trong biểu của xã (giữ lại, đã đánh dấu): 1.',
      'Chưa có số vốn Tỉnh Lào Cai nắm giữ (không có Biểu IV.1 ghi kinh phí, chưa nhập --funds): chưa xếp được trong khả năng vốn.',
      'Đã ghi: .',
    ]);
    expect(table(g, 'II.4.B = II.6.A + II.6.B').map((x) => [x['Xã'], x['II.4.B = II.6.A + II.6.B'], x['Kết quả']])).toEqual([
      ['Xã Hòa Bình', '—', 'Khớp'],
      ['Xã Tân Lập', '—', 'Khớp'],
      ['Tổng cộng', null, 'KHÔNG KHỚP'],
    ]);
    expect(fundsLine(rollup(1500, { kind: 'option' }))).toBe('Vốn Tỉnh Lào Cai nắm giữ để xếp ưu tiên: 1.500 triệu đồng — số đã nhập.');
    expect(fundsLine(rollup(1500))).toBe('Vốn Tỉnh Lào Cai nắm giữ để xếp ưu tiên: 1.500 triệu đồng — số đã nhập.');
    expect(fundsLine(rollup(4000, { kind: 'iv1', sheets: ['IV.1-Bac-Ha.xlsx — IV.1', 'IV.1 Si Ma Cai'] }))).toBe(
      'Vốn Tỉnh Lào Cai nắm giữ để xếp ưu tiên: 4.000 triệu đồng — theo Biểu IV.1 (tổng kinh phí dự kiến phân bổ: IV.1-Bac-Ha.xlsx — IV.1; IV.1 Si Ma Cai); muốn dùng số khác, hãy nhập số vốn (--funds).',
    );
    expect(fundsLine(rollup(4000, { kind: 'iv1' }))).toBe('Vốn Tỉnh Lào Cai nắm giữ để xếp ưu tiên: 4.000 triệu đồng — theo Biểu IV.1 (tổng kinh phí dự kiến phân bổ: ); muốn dùng số khác, hãy nhập số vốn (--funds).');
  });
});
