/**
 * What the upper level reads (read.ts), piece by piece: which sheets are its own, a commune's name
 * from a tab, a row's amount, the II.4.A difficulty an activity answers, and the previous summary
 * read back — the appraisals by key, by commune and activity when the key column was cleared, the
 * rows' money and topic for the rows that may vanish — as an office leaves the sheet.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue, SheetData } from '../../src/port/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { SUMMARY_COLUMNS, VANISHED_GROUP, isRollupSheet, matchDifficulty, nameKey, readCommunePlans, readPreviousRollup, readPreviousSummary, tabPrefix } from '../../src/workflow/upper-level';
import { commune } from './fixtures/packages';
import { rowAmount } from '../../src/workflow/upper-level/read';

const sheet = (values: CellValue[][], top = 0): SheetData => ({ name: 'Tổng hợp theo lĩnh vực', top, left: 0, values, errors: [], merges: [] });
const HEADER: string[] = SUMMARY_COLUMNS.map((c) => c.header);
/** A summary row by column key, in the sheet's order. */
const row = (v: Partial<Record<(typeof SUMMARY_COLUMNS)[number]['key'], CellValue>>): CellValue[] => SUMMARY_COLUMNS.map((c) => v[c.key] ?? null);

describe("the roll-up's own sheets", () => {
  it('are never read as a commune: every sheet it writes, its kept copies and the feedback of the earlier layout, whatever the case', () => {
    const own = [
      'Tổng hợp theo lĩnh vực',
      'TỔNG HỢP THEO XÃ',
      'Xếp ưu tiên trong nguồn vốn',
      'Báo cáo đọc các xã',
      'Phản hồi các xã',
      'Phiếu phản hồi',
      'Thẩm định lần trước',
      'Dữ liệu xã II.6.A',
      'dữ liệu xã ii.6.b',
      'Dữ liệu xã II.4.A',
      'Dữ liệu xã III.1, IV.1',
      '  Tổng hợp theo xã  ',
      'Phản hồi - Xã Tân Lập',
      'phản hồi - xã nà hang',
      'II.6.B (cũ)',
      'Xã Tân Lập - II.6.A (cũ 2)',
    ];
    expect(own.filter((n) => !isRollupSheet(n))).toEqual([]);
    const communes = ['Xã Tân Lập - II.6.B', 'II.6.A', 'Tổng hợp', 'Phản hồi', 'Phản hồi của xã', 'II.6.B (cũ) sửa', 'Tổng hợp theo lĩnh vực 2'];
    expect(communes.filter((n) => isRollupSheet(n))).toEqual([]);
  });

  it("take a commune's name from a tab only when a form follows the last dash", () => {
    expect(['Xã Tân Lập - II.6.B', 'Xã Tân Lập – II.6.A (sửa)', 'Xã Tân Lập — III.1', '  Nà Hang - ii.4.b ', 'Xã Bản Lầu - Biểu II.6.B', 'Xã Cốc Ly - Bieu_II,6', 'Xã Mường Khương - Kế hoạch - IV.1', 'Xã A - I.2'].map(tabPrefix)).toEqual([
      'Xã Tân Lập',
      'Xã Tân Lập',
      'Xã Tân Lập',
      'Nà Hang',
      'Xã Bản Lầu',
      'Xã Cốc Ly',
      'Xã Mường Khương - Kế hoạch',
      'Xã A',
    ]);
    expect(['Kế hoạch - bản nháp', 'Xã Tân Lập-II.6.B', 'II.6.B', 'Xã Tân Lập - VII.6', 'Xã Tân Lập - IIx.6', 'Xã Tân Lập - 2027', ' - II.6.B'].map(tabPrefix)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("a row's amount", () => {
  it('is its Tổng số, else its parts; a Cần hỗ trợ counts only when Ngân sách and Đề xuất are both empty', () => {
    expect(rowAmount({ total: 1000, contribution: 200, budget: 300, proposed: 400 })).toBe(1000);
    expect(rowAmount({ total: 0, contribution: 200 })).toBe(0);
    expect(rowAmount({ contribution: 200, budget: 300, proposed: 400, support: 9 })).toBe(900);
    expect(rowAmount({ contribution: 200, support: 700 })).toBe(900);
    expect(rowAmount({ contribution: 200, budget: 0, support: 700 })).toBe(200);
    expect(rowAmount({ proposed: 50, support: 700 })).toBe(50);
    expect(rowAmount({ support: 700 })).toBe(700);
    expect(rowAmount({})).toBe(0);
  });
});

describe('the difficulty an activity answers', () => {
  const situations = [
    { difficulty: 'Đường lầy lội mùa mưa (Thôn Nà Lìu)', solutions: ['Bê tông hóa đường nội thôn'], sector: 'Giao thông' },
    { difficulty: 'Đường lầy lội (Thôn Pác Ngòi)', solutions: ['Bê tông hóa đường nội thôn'], sector: 'Giao thông' },
    { difficulty: 'Thiếu nước tưới', solutions: ['Nạo vét kênh mương', 'Cứng hóa kênh mương nội đồng'], sector: 'Thủy lợi' },
    { difficulty: '', solutions: ['Mua máy tuốt lúa'], sector: '' },
  ];

  it("is the one whose solution names it, the same village's first", () => {
    expect(matchDifficulty('Bê tông hóa đường nội thôn (Thôn Pác Ngòi)', situations)).toBe('Đường lầy lội (Thôn Pác Ngòi)');
    expect(matchDifficulty('Bê tông hóa đường nội thôn (Thôn Nà Lìu)', situations)).toBe('Đường lầy lội mùa mưa (Thôn Nà Lìu)');
    // No village on the activity: the first that names it.
    expect(matchDifficulty('Bê tông hóa đường nội thôn', situations)).toBe('Đường lầy lội mùa mưa (Thôn Nà Lìu)');
    expect(matchDifficulty('Cứng hóa kênh mương nội đồng (Thôn B)', situations)).toBe('Thiếu nước tưới');
  });

  it('is none when no solution is close enough, and never a difficulty without words', () => {
    expect(matchDifficulty('Tập huấn kỹ thuật trồng lúa', situations)).toBeUndefined();
    expect(matchDifficulty('Mua máy tuốt lúa', situations)).toBeUndefined();
    // "Làm đường nội thôn" is close enough to "Bê tông hóa đường nội thôn" alone, not for another
    // village's difficulty; for its own village's it is.
    expect(matchDifficulty('Làm đường nội thôn', situations)).toBe('Đường lầy lội mùa mưa (Thôn Nà Lìu)');
    expect(matchDifficulty('Làm đường nội thôn (Thôn Khác)', situations)).toBeUndefined();
    expect(matchDifficulty('Làm đường nội thôn (Thôn Pác Ngòi)', situations)).toBe('Đường lầy lội (Thôn Pác Ngòi)');
    // An exact solution of another village still matches.
    expect(matchDifficulty('Bê tông hóa đường nội thôn (Thôn Khác)', situations)).toBe('Đường lầy lội mùa mưa (Thôn Nà Lìu)');
    expect(matchDifficulty('Bê tông hóa đường', [])).toBeUndefined();
  });
});

describe('the previous summary, read back', () => {
  it("keeps each row's appraisal by its key, with the row as shown (for a row that may vanish)", () => {
    const data = sheet(
      [
        ['TỔNG HỢP ĐỀ XUẤT CỦA CÁC XÃ'],
        HEADER,
        ['1. Cơ sở hạ tầng'],
        ['Ngành/Lĩnh vực: Giao thông'],
        row({
          stt: 1,
          commune: 'Xã Hòa Bình',
          activity: 'Bê tông hóa đường nội thôn',
          sector: 'Giao thông',
          form: 'II.6.B',
          unit: 'm',
          quantity: 400,
          place: 'Thôn Nà Lìu',
          time: 'Quý II',
          total: 400000,
          contribution: '60.000',
          budget: null,
          proposed: 340000,
          fundSource: 'Ngân sách tỉnh',
          communePriority: 1,
          office: '  Sở Xây dựng ',
          opinion: 'Đồng ý',
          reason: null,
          upperPriority: '2',
          key: 'hoa binh|ten:be tong hoa duong noi thon',
        }),
        ['2. Kinh tế và tổ chức sản xuất'],
        row({ commune: 'Xã Tân Lập', activity: 'Hỗ trợ giống lúa', sector: 'Trồng trọt', form: 'II.4.B', quantity: '300 kg', total: 5000, opinion: 'Không đồng ý', reason: 'Trùng', upperPriority: 'cao', communePriority: 'một', key: 'tan lap|r-7' }),
        row({ commune: 'Xã Tân Lập', activity: 'Dọn vệ sinh', total: 'x', key: 'khong-co-xa' }),
        [],
        [VANISHED_GROUP],
        row({ commune: 'Xã Nà Hang', activity: 'Xây phòng học', sector: 'Giáo dục', total: 280000, opinion: 'Đồng ý', key: 'na hang|r-1' }),
        row({ stt: 9, note: 'ghi chú' }),
      ],
      4,
    );
    const back = readPreviousSummary(data);
    expect(back.sheet).toBe('Tổng hợp theo lĩnh vực');
    expect(back.rows).toEqual([
      {
        key: 'hoa binh|ten:be tong hoa duong noi thon',
        appraisal: { office: 'Sở Xây dựng', opinion: 'Đồng ý', upperPriority: 2 },
        sheetRow: 8,
        row: {
          communeKey: 'hoa binh',
          commune: 'Xã Hòa Bình',
          form: 'II.6.B',
          topic: 'csht',
          sector: 'Giao thông',
          activity: 'Bê tông hóa đường nội thôn',
          unit: 'm',
          quantity: 400,
          time: 'Quý II',
          place: 'Thôn Nà Lìu',
          total: 400000,
          contribution: 60000,
          budget: 0,
          proposed: 340000,
          fundSource: 'Ngân sách tỉnh',
          communePriority: 1,
        },
      },
      {
        key: 'tan lap|r-7',
        appraisal: { opinion: 'Không đồng ý', reason: 'Trùng', upperPriorityText: 'cao' },
        sheetRow: 10,
        row: { communeKey: 'tan lap', commune: 'Xã Tân Lập', form: '', topic: 'kinh-te', sector: 'Trồng trọt', activity: 'Hỗ trợ giống lúa', quantity: '300 kg', total: 5000, contribution: 0, budget: 0, proposed: 0 },
      },
      {
        // A key without its commune part: the commune's key from its name.
        key: 'khong-co-xa',
        appraisal: {},
        sheetRow: 11,
        row: { communeKey: 'tan lap', commune: 'Xã Tân Lập', form: '', topic: 'kinh-te', sector: '', activity: 'Dọn vệ sinh', total: 0, contribution: 0, budget: 0, proposed: 0 },
      },
      {
        // Under the vanished group no topic heading holds: the topic from its own words.
        key: 'na hang|r-1',
        appraisal: { opinion: 'Đồng ý' },
        sheetRow: 14,
        row: { communeKey: 'na hang', commune: 'Xã Nà Hang', form: '', topic: 'csht', sector: 'Giáo dục', activity: 'Xây phòng học', total: 280000, contribution: 0, budget: 0, proposed: 0 },
      },
    ]);
  });

  it('finds the rows by commune and activity when the key column was cleared, header included, and its headers when they were edited a little', () => {
    const header = HEADER.map((h) => (h === KEY_COLUMN_HEADER ? null : h === 'Ý kiến (Đồng ý / Không đồng ý)' ? 'Ý kiến (Đồng ý/Không đồng ý)' : h === 'Tổng số (1.000 đồng)' ? 'TỔNG SỐ (1.000 ĐỒNG)' : h));
    const data = sheet([['Tiêu đề'], ['Dòng ghi chú có chữ Xã và Hoạt động'], header, ['1. Cơ sở hạ tầng'], row({ commune: 'Xã Hòa Bình', activity: 'Làm cầu treo', total: 500000, opinion: 'Đồng ý', upperPriority: 1 }), row({ commune: 'Xã Hòa Bình', total: 9 })]);
    expect(readPreviousSummary(data).rows).toEqual([
      {
        key: nameKey('Hòa Bình', 'làm cầu treo'),
        appraisal: { opinion: 'Đồng ý', upperPriority: 1 },
        sheetRow: 4,
        row: { communeKey: 'hoa binh', commune: 'Xã Hòa Bình', form: '', topic: 'csht', sector: '', activity: 'Làm cầu treo', total: 500000, contribution: 0, budget: 0, proposed: 0 },
      },
    ]);
    expect(nameKey('Xã Hòa Bình', 'Làm cầu treo')).toBe('name:hoa binh|lam cau treo');
  });

  it('reads nothing from a sheet without its header', async () => {
    expect(readPreviousSummary(sheet([['Xã'], ['Tân Lập', 'Làm cầu']]))).toEqual({ sheet: 'Tổng hợp theo lĩnh vực', rows: [] });
    // The header is looked for in the first 40 rows only when the key column is gone.
    const late = sheet([...Array.from({ length: 40 }, () => ['…']), ['Xã', 'Hoạt động'], ['Xã A', 'Làm cầu']]);
    expect(readPreviousSummary(late).rows).toEqual([]);
    const within = sheet([...Array.from({ length: 39 }, () => ['…']), ['Xã', 'Hoạt động'], ['Xã A', 'Làm cầu']]);
    expect(readPreviousSummary(within).rows.map((r) => r.key)).toEqual(['name:a|lam cau']);
    // A workbook without the summary: no previous rows; with it, found whatever its case.
    expect(await readPreviousRollup(new MemoryWorkbook())).toEqual({ rows: [] });
    const wb = MemoryWorkbook.fromArrays({ 'TỔNG HỢP THEO LĨNH VỰC': [HEADER, row({ commune: 'Xã A', activity: 'Làm cầu', key: 'a|1', opinion: 'Đồng ý' })] });
    expect((await readPreviousRollup(wb)).rows.map((r) => [r.key, r.appraisal])).toEqual([['a|1', { opinion: 'Đồng ý' }]]);
  });
});

describe("the sheets of a commune's package that are not read", () => {
  it("says why each is left out: the commune's own report, a sheet that is no form", async () => {
    const src = await commune(1, 3);
    const wb = src.port as MemoryWorkbook;
    wb.addSheet('báo cáo tổng hợp');
    await wb.writeValues([{ sheet: 'báo cáo tổng hợp', row: 0, col: 0, values: [['Báo cáo của xã']] }]);
    wb.addSheet('Ghi chú');
    await wb.writeValues([{ sheet: 'Ghi chú', row: 0, col: 0, values: [['Danh sách người dự họp']] }]);
    const r = await readCommunePlans([src]);
    expect(r.sheets.filter((x) => !x.used).map((x) => [x.file, x.sheet, x.note])).toEqual([
      ['Xã Số 001.xlsx', 'báo cáo tổng hợp', 'Báo cáo tổng hợp của xã: bỏ qua.'],
      ['Xã Số 001.xlsx', 'Ghi chú', 'Không nhận ra biểu mẫu: bỏ qua.'],
    ]);
    expect(r.communes.map((c) => [c.name, c.activities.length])).toEqual([['Xã Số 001', 3]]);
  });
});
