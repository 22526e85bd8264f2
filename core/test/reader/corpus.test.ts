/**
 * The bad-input corpus (core/test/fixtures/corpus, made by make-corpus.mjs): each case yields its
 * expected findings at the right cells, none crashes, and no activity row is lost.
 */
import type { Finding } from '../../src/validate/messages';
import { readCorpus } from './load';

const codesAt = (fs: readonly Finding[]) => fs.map((f) => `${f.code}@${f.cell ?? ''}`).sort();

const BANG2_NAMES = [
  'Nạo vét mương thủy lợi tại Khu giữa',
  'Tổ chức họp bàn về chế độ khai thác và chia sẻ nguồn nước giữa 2 xã',
  'Sửa chữa đập tạm tại Khu giữa',
  'Hỗ trợ giống lúa mới có năng suất cao, chịu hạn, chịu sâu bệnh tốt',
  'Mở lớp tập huấn kỹ thuật trồng lúa giống mới',
];

describe('bad-input corpus', () => {
  it.each([
    ['moved-header.xlsx', 'Thôn B', []],
    ['decomposed.xlsx', 'Thôn E', []],
    ['tcvn3.xlsx', 'Thôn C', ['LEGACY_FONT@A1']],
    ['vni.xlsx', 'Thôn D', ['LEGACY_FONT@A1']],
  ])('%s reads as the same I.2 as Bảng 2', async (file, village, codes) => {
    const r = await readCorpus(file);
    expect(r.readings.map((x) => x.formId)).toEqual(['I.2']);
    const [i2] = r.readings;
    expect(i2.unitName).toBe(village);
    expect(i2.sector).toBe('Nông nghiệp (Trồng trọt & Thủy lợi)');
    expect(i2.activities.map((a) => a.activity)).toEqual(BANG2_NAMES);
    expect(i2.activities.map((a) => [a.total, a.contribution, a.support])).toEqual([
      [6000, 6000, 0],
      [0, 0, 0],
      [15000, 2000, 13000],
      [10000, 5000, 5000],
      [2000, 0, 2000],
    ]);
    expect(i2.difficulties).toHaveLength(2);
    expect(i2.activities.every((a) => a.activity.normalize('NFC') === a.activity)).toBe(true);
    expect(codesAt(r.findings)).toEqual(codes);
  });

  it('the moved header is found at row 6, column C, across blank rows', async () => {
    const [i2] = (await readCorpus('moved-header.xlsx')).readings;
    expect(i2.activities[0].source.cells.activity).toMatch(/^C\d+$/);
    expect(i2.activities[0].source.row).toBeGreaterThan(15);
  });

  it('TCVN3 keeps the soft hyphen as "ư" and decodes the upper-case letters', async () => {
    const [i2] = (await readCorpus('tcvn3.xlsx')).readings;
    expect(i2.activities[0].activity).toBe('Nạo vét mương thủy lợi tại Khu giữa');
    expect(i2.activities[2].responsible).toBe('Lãnh đạo xã\nTrưởng thôn\nCB thủy lợi');
    expect(i2.strengths[1].text).toBe('Người dân tích cực hưởng ứng các biện pháp kiểm soát dịch bệnh trên cây ngô vụ Đông');
  });

  it('bad cells: each problem found at its cell, every row accounted for', async () => {
    const r = await readCorpus('bad-cells.xlsx');
    const [i2] = r.readings;
    expect(codesAt(r.findings)).toEqual(
      [
        'NOT_A_NUMBER@H22', // "không" in Dân góp
        'CELL_ERROR@H23', // #REF! formula result
        'CELL_ERROR@J23', // #VALUE! in Ghi chú
        'ACTIVITY_WITHOUT_NAME@A24',
        'TOTAL_ROW_SKIPPED@A25',
        'NO_OUTSIDE_MONEY_HAS_SUPPORT@I18', // group A asking for 1.000
        'AMOUNT_SUM_MISMATCH@G21', // formula =H21 gives 5.000, parts 10.000
        'ACTIVITY_INCOMPLETE@B22', // no ĐVT
      ].sort(),
    );
    // 2 in group A, 5 in group B (one without a name); the total row is not an activity.
    expect(i2.activities).toHaveLength(7);
    expect(i2.activities.filter((a) => a.unreadable).map((a) => a.source.row + 1)).toEqual([22, 23, 24]);
    // Both thousand separators and the formula's cached value.
    expect(i2.activities[0]).toMatchObject({ total: 6000, contribution: 6000, support: 0 });
    expect(i2.activities[2]).toMatchObject({ total: 15000, contribution: 2000, support: 13000 });
    const messages = r.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('Ô H22 của trang "Thôn F" (Dân góp) ghi "không", không phải là số.');
    expect(messages).toContain('#REF!');
  });

  it('a 3,000-row sheet reads every row', async () => {
    const r = await readCorpus('large-3000.xlsx');
    const [i2] = r.readings;
    expect(i2.activities).toHaveLength(3000);
    expect(i2.activities[2999].activity).toBe('Hoạt động số 3000: bê tông hóa đường nội đồng đoạn 3000');
    expect(i2.activities[2999].support).toBe(1000 + (3000 % 50) * 100);
    // Only rule 3's limit on ranked activities is broken; nothing is unreadable.
    expect(codesAt(r.findings)).toEqual(['TOO_MANY_RANKED_ACTIVITIES@A23']);
  });

  it('sheets that are not forms are reported, not read', async () => {
    const r = await readCorpus('mixed-sheets.xlsx');
    expect(r.readings.map((x) => [x.sheet, x.formId])).toEqual([['I.2 chăn nuôi', 'I.2']]);
    expect(r.unrecognised).toEqual(['Ghi chú', 'Sheet3']);
    expect(codesAt(r.findings)).toEqual(['FORM_NOT_RECOGNISED@']);
  });
});
