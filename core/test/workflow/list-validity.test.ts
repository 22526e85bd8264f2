/**
 * The validity block under a ballot (rule 8), read back as a secretary types it — counts beside
 * their labels, after a colon, with a word ("40 người"), in a merged label — and the conclusion
 * LKH writes: which counts it used and where each came from, the shares it computed, at the
 * thresholds (more than half the households, more than half agreeing, at least 30% women).
 */
import type { CellValue, SheetData } from '../../src/port/types';
import type { Merge } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { ValidityFields, VillageCounts } from '../../src/workflow/ranking';
import { VALIDITY_TEXT, ballotLayout, listValidity, readValidityFields, validityKindOf, validityLines, validityWrite } from '../../src/workflow/ranking';

function sheet(name: string, values: readonly (readonly CellValue[])[], merges: readonly Merge[] = [], top = 0, left = 0): SheetData {
  return { name, top, left, values, errors: [], merges };
}

const HEADING = VALIDITY_TEXT.headingVillage;

describe('which meeting a list is ranked at', () => {
  it('II.6.A and II.6.B at the commune conference, a village I.2 (or an unknown list) at the village meeting', () => {
    expect(validityKindOf('II.6.A')).toBe('commune-conference');
    expect(validityKindOf('II.6.B')).toBe('commune-conference');
    expect(validityKindOf('I.2')).toBe('village-meeting');
    expect(validityKindOf(undefined)).toBe('village-meeting');
  });

  it("the block's lines: the village's counts, or the conference's delegates", () => {
    const village = validityLines('village-meeting');
    expect(village.heading).toBe(VALIDITY_TEXT.headingVillage);
    expect(village.fields.map((f) => [f.label, f.field])).toEqual([
      ['Tổng số hộ của thôn (Biểu I.1)', 'households'],
      ['Số hộ có đại diện dự họp', 'householdsPresent'],
      ['Số người dự họp', 'attendees'],
      ['Trong đó nữ', 'women'],
      ['Số người dự họp đồng ý với danh mục ưu tiên', 'agree'],
      ['Nếu không họp được: số hộ đồng ý bằng phiếu lấy ý kiến', 'written'],
      ['Kết luận (LKH ghi khi xếp ưu tiên)', undefined],
    ]);
    const commune = validityLines('commune-conference');
    expect(commune.heading).toBe(VALIDITY_TEXT.headingCommune);
    expect(commune.fields.map((f) => [f.label, f.field])).toEqual([
      ['Số đại biểu dự hội nghị', 'attendees'],
      ['Trong đó nữ', 'women'],
      ['Số đại biểu đồng ý với danh mục ưu tiên', 'agree'],
      ['Kết luận (LKH ghi khi xếp ưu tiên)', undefined],
    ]);
  });
});

describe('reading the counts typed under the ballot', () => {
  it('beside the label, after a colon, with a word after the number; the conclusion cell right of its label', () => {
    const f = readValidityFields(
      sheet('Phiếu', [
        ['STT', 'Hoạt động', 'Tổng số gạch'],
        [1, 'Bê tông hóa đường nội thôn', 12],
        [HEADING],
        ['Tổng số hộ của thôn (Biểu I.1)', null, '1.200 hộ'],
        ['Số hộ có đại diện dự họp: 640 hộ'],
        ['Số người dự họp', 'khoảng', 700],
        ['Trong đó nữ', '250'],
        ['Số người dự họp đồng ý với danh mục ưu tiên', -5, 'chưa rõ', '601 người'],
        ['Kết luận (LKH ghi khi xếp ưu tiên)'],
      ]),
    );
    expect(f.values).toEqual({
      households: { value: 1200, cell: 'C4' },
      householdsPresent: { value: 640, cell: 'A5' },
      attendees: { value: 700, cell: 'C6' },
      women: { value: 250, cell: 'B7' },
      agree: { value: 601, cell: 'D8' },
    });
    expect(f.conclusionCell).toEqual({ row: 8, col: 1 });
    expect(f.nextFreeRow).toBe(9);
    expect(f.left).toBe(0);
  });

  it('a count of zero is a count; a number with spaces between thousands is one number; a label with digits of its own', () => {
    const f = readValidityFields(
      sheet('Phiếu', [
        [HEADING],
        ['Tổng số hộ của thôn (Biểu I.1): 1 200 hộ'],
        ['Số người dự họp', '1 150 người'],
        ['Trong đó nữ: 0 người'],
        ['Nếu không họp được: số hộ đồng ý bằng phiếu lấy ý kiến', 0],
      ]),
    );
    expect(f.values).toEqual({
      households: { value: 1200, cell: 'A2' },
      attendees: { value: 1150, cell: 'B3' },
      women: { value: 0, cell: 'A4' },
      written: { value: 0, cell: 'B5' },
    });
  });

  it('a label merged over several columns: the count (and the conclusion) right of the merge', () => {
    const f = readValidityFields(
      sheet(
        'Phiếu',
        [
          [null, HEADING],
          [null, 'Số đại biểu dự hội nghị', null, null, 30],
          [null, 'Số đại biểu đồng ý với danh mục ưu tiên', null, null, 16],
          [null, 'Kết luận (LKH ghi khi xếp ưu tiên)', null, null, null],
        ],
        [
          { row: 11, col: 2, rows: 1, cols: 3 },
          { row: 13, col: 2, rows: 1, cols: 3 },
        ],
        10,
        1,
      ),
    );
    expect(f.values).toEqual({ attendees: { value: 30, cell: 'F12' }, agree: { value: 16, cell: 'F13' } });
    expect(f.conclusionCell).toEqual({ row: 13, col: 5 });
    expect(f.nextFreeRow).toBe(14);
    expect(f.left).toBe(1);
  });

  it('on a ballot with the heading, the same words above it are not the counts; the first count of a field wins', () => {
    const f = readValidityFields(
      sheet('Phiếu', [
        ['Số người dự họp', 99],
        [HEADING],
        ['Số người dự họp', 40],
        ['Số người dự họp', 41],
        ['Trong đó nữ: không có'],
      ]),
    );
    expect(f.values).toEqual({ attendees: { value: 40, cell: 'B3' } });
  });

  it("the ballot LKH makes, filled in: each count in its merged cell, the conclusion right of its merged label", async () => {
    const items = ['Bê tông hóa đường nội thôn', 'Sửa cống qua đường xóm giữa'].map((activity, i) => ({ key: `k${i + 1}`, activity, flags: {} }));
    const layout = ballotLayout(items, { kind: 'marks' }, { participants: 3, sheetName: 'Phiếu', formId: 'I.2' });
    const rowOf = (label: string): number => {
      const c = layout.cells.find((x) => x.value === label);
      if (!c) throw new Error(`no line ${label}`);
      return c.row;
    };
    const wb = new MemoryWorkbook();
    await wb.createSheet(layout);
    // The label spans the five describing columns (A-E); each count is typed in F.
    await wb.writeValues([
      { sheet: 'Phiếu', row: rowOf(VALIDITY_TEXT.attendees), col: 5, values: [[45]] },
      { sheet: 'Phiếu', row: rowOf(VALIDITY_TEXT.agree), col: 5, values: [[30]] },
    ]);
    const [filled] = await wb.readSheets(['Phiếu']);
    const f = readValidityFields(filled);
    expect(f.values).toEqual({ attendees: { value: 45, cell: `F${rowOf(VALIDITY_TEXT.attendees) + 1}` }, agree: { value: 30, cell: `F${rowOf(VALIDITY_TEXT.agree) + 1}` } });
    expect(f.conclusionCell).toEqual({ row: rowOf(VALIDITY_TEXT.conclusion), col: 5 });
  });

  it('the merges in whatever order the file lists them: the count cell merged before its label', () => {
    const f = readValidityFields(
      sheet(
        'Phiếu',
        [[HEADING], ['Số người dự họp', null, 40, null], ['Kết luận (LKH ghi khi xếp ưu tiên)', null, null, null]],
        [
          { row: 2, col: 2, rows: 1, cols: 2 },
          { row: 2, col: 0, rows: 1, cols: 2 },
        ],
      ),
    );
    expect(f.conclusionCell).toEqual({ row: 2, col: 2 });
  });

  it('the count after the colon, even when the label ends in a number of its own', () => {
    const f = readValidityFields(sheet('Phiếu', [[HEADING], ['Số người dự họp lần 2: 40 người']]));
    expect(f.values).toEqual({ attendees: { value: 40, cell: 'A2' } });
  });

  it('without the heading, the labels anywhere count, and no conclusion cell is known', () => {
    const f = readValidityFields(sheet('Phiếu', [['Hoạt động', 'Tổng số gạch'], [], ['Số người dự họp', 40], ['Số người dự họp đồng ý với danh mục ưu tiên', 25]]));
    expect(f.values).toEqual({ attendees: { value: 40, cell: 'B3' }, agree: { value: 25, cell: 'B4' } });
    expect(f.conclusionCell).toBeUndefined();
  });
});

const NO_FIELDS: ValidityFields = { values: {}, nextFreeRow: 20, left: 0 };
const BALLOT = sheet('Phiếu Thôn A', [['Hoạt động']]);
const fields = (values: ValidityFields['values']): ValidityFields => ({ ...NO_FIELDS, values });
const typed = (value: number, cell: string) => ({ value, cell });

describe('the conclusion of a village meeting', () => {
  const village: VillageCounts = { households: { value: 100, sheet: 'Thôn A - I.1', cell: 'D18' }, meeting: { sheet: 'Thôn A - I.3', cell: 'C12', attendees: 60, women: 18 } };

  it('more than half the households and more than half agreeing: valid, each count with its source', () => {
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ agree: typed(31, 'C30') }), village, participants: 12 });
    expect(v.valid).toBe(true);
    expect(v.kind).toBe('village-meeting');
    expect(v.text).toBe('Hợp lệ: 60/100 hộ (60%) có đại diện dự họp; 31/60 người (51,7%) đồng ý; nữ 30%.');
    expect(v.textEn).toBe('Valid: more than half the households represented and more than half agreeing.');
    expect(v.basis).toEqual([
      'tổng số hộ: 100 (Biểu I.1, trang "Thôn A - I.1" ô D18)',
      'số người dự họp: 60 (Biểu I.3, trang "Thôn A - I.3" ô C12)',
      'trong đó nữ: 18 (Biểu I.3, trang "Thôn A - I.3")',
      'số người đồng ý: 31 (trang "Phiếu Thôn A" ô C30)',
    ]);
    // The conclusion goes below the ballot when it has no line for it.
    expect(validityWrite('Phiếu Thôn A', NO_FIELDS, v)).toEqual({
      sheet: 'Phiếu Thôn A',
      row: 21,
      col: 0,
      values: [[VALIDITY_TEXT.conclusion, `${v.text} Số liệu: ${v.basis.join('; ')}.`]],
    });
  });

  it('half the people agreeing is not more than half; the women below 30% are said', () => {
    const v = listValidity({
      unit: 'Thôn A',
      kind: 'village-meeting',
      ballot: BALLOT,
      fields: fields({ households: typed(80, 'C25'), householdsPresent: typed(41, 'C26'), attendees: typed(50, 'C27'), women: typed(14, 'C28'), agree: typed(25, 'C29') }),
      village,
      participants: 12,
    });
    expect(v.valid).toBe(false);
    expect(v.text).toBe('Chưa hợp lệ: chỉ 25/50 người (50%) đồng ý, cần trên 50%. (41/80 hộ (51,3%) có đại diện dự họp; 25/50 người (50%) đồng ý; nữ 28% (dưới 30%))');
    expect(v.textEn).toBe('Not valid: The priority list of Thôn A is not valid: chỉ 25/50 người (50%) đồng ý, cần trên 50%.');
    // Typed counts win: I.1 and I.3 are not named.
    expect(v.basis).toEqual([
      'tổng số hộ: 80 (trang "Phiếu Thôn A" ô C25)',
      'số hộ có đại diện dự họp: 41 (trang "Phiếu Thôn A" ô C26)',
      'số người dự họp: 50 (trang "Phiếu Thôn A" ô C27)',
      'trong đó nữ: 14 (trang "Phiếu Thôn A" ô C28)',
      'số người đồng ý: 25 (trang "Phiếu Thôn A" ô C29)',
    ]);
  });

  it("women typed on the ballot win over the minutes' women, beside the minutes' people", () => {
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ women: typed(25, 'C28'), agree: typed(31, 'C29') }), village, participants: 12 });
    expect(v.text).toBe('Hợp lệ: 60/100 hộ (60%) có đại diện dự họp; 31/60 người (51,7%) đồng ý; nữ 41,7%.');
    expect(v.basis).toContain('trong đó nữ: 25 (trang "Phiếu Thôn A" ô C28)');
  });

  it('minutes without a cell or without women: their people are named by sheet only, and no share of women is given', () => {
    const v = listValidity({
      unit: 'Thôn A',
      kind: 'village-meeting',
      ballot: BALLOT,
      fields: fields({ agree: typed(31, 'C29') }),
      village: { households: { value: 100, sheet: 'Thôn A - I.1' }, meeting: { sheet: 'Thôn A - I.3', attendees: 60 } },
      participants: 12,
    });
    expect(v.basis).toEqual([
      'tổng số hộ: 100 (Biểu I.1, trang "Thôn A - I.1")',
      'số người dự họp: 60 (Biểu I.3, trang "Thôn A - I.3")',
      'số người đồng ý: 31 (trang "Phiếu Thôn A" ô C29)',
    ]);
    expect(v.text).toBe('Hợp lệ: 60/100 hộ (60%) có đại diện dự họp; 31/60 người (51,7%) đồng ý.');
  });

  it('the households known and the agreement typed, but nobody counted as present: no share is computed', () => {
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ agree: typed(31, 'C29') }), village: { households: { value: 100, sheet: 'Thôn A - I.1' } }, participants: 0 });
    expect(v.valid).toBe(false);
    expect(v.text).toBe('Chưa hợp lệ: chưa ghi số hộ tham dự; chưa ghi số người dự họp.');
  });

  it('the households represented decide, not the people present: 45 of 100 households is too few though 60 people came', () => {
    const v = listValidity({
      unit: 'Thôn A',
      kind: 'village-meeting',
      ballot: BALLOT,
      fields: fields({ households: typed(100, 'C25'), householdsPresent: typed(45, 'C26'), attendees: typed(60, 'C27'), agree: typed(40, 'C29') }),
      participants: 0,
    });
    expect(v.valid).toBe(false);
    expect(v.text).toBe('Chưa hợp lệ: chỉ 45/100 hộ (45%) tham dự, cần trên 50%. (45/100 hộ (45%) có đại diện dự họp; 40/60 người (66,7%) đồng ý)');
  });

  it('the people who marked stand for the people present when nothing else gives them; the minutes\' women count only with the minutes\' people', () => {
    const v = listValidity({
      unit: 'Thôn A',
      kind: 'village-meeting',
      ballot: BALLOT,
      fields: fields({ agree: typed(30, 'C30') }),
      village: { households: { value: 100, sheet: 'Thôn A - I.1' }, meeting: { sheet: 'Thôn A - I.3', women: 5 } },
      participants: 55,
    });
    expect(v.basis).toEqual([
      'tổng số hộ: 100 (Biểu I.1, trang "Thôn A - I.1")',
      'số người dự họp: 55 (số người đã đánh dấu hoặc chấm điểm trên phiếu)',
      'số người đồng ý: 30 (trang "Phiếu Thôn A" ô C30)',
    ]);
    expect(v.text).toBe('Hợp lệ: 55/100 hộ (55%) có đại diện dự họp; 30/55 người (54,5%) đồng ý.');
  });

  it('nothing typed and nobody counted: every missing count is said', () => {
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: NO_FIELDS, participants: 0 });
    expect(v.valid).toBe(false);
    expect(v.text).toBe('Chưa hợp lệ: chưa có tổng số hộ của thôn; chưa ghi số hộ tham dự; chưa ghi số người dự họp; chưa ghi số người đồng ý.');
    expect(v.basis).toEqual([]);
    // The finding points at where the conclusion goes: below the ballot, in its first column but one.
    expect(v.findings.find((x) => x.code === 'RANKING_NOT_VALID')?.cell).toBe('B22');
    expect(validityWrite('P', NO_FIELDS, v).values).toEqual([[VALIDITY_TEXT.conclusion, v.text]]);
  });

  it('the conclusion beside its label when the ballot has the line', () => {
    const withLine: ValidityFields = { values: { attendees: typed(10, 'C3'), agree: typed(5, 'C4') }, conclusionCell: { row: 5, col: 2 }, nextFreeRow: 9, left: 0 };
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: withLine, village: { households: { value: 12, sheet: 'I.1' } }, participants: 0 });
    expect(v.findings.find((x) => x.code === 'RANKING_NOT_VALID')?.cell).toBe('C6');
    expect(validityWrite('P', withLine, v)).toEqual({ sheet: 'P', row: 5, col: 2, values: [[`${v.text} Số liệu: ${v.basis.join('; ')}.`]] });
  });
});

describe('without a meeting: households agreeing in writing', () => {
  const village: VillageCounts = { households: { value: 100, sheet: 'Thôn A - I.1' } };

  it('51 of 100 households is more than half; 50 is not', () => {
    const v = (n: number) => listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ written: typed(n, 'C31') }), village, participants: 0 });
    expect(v(51)).toMatchObject({ valid: true, kind: 'village-written', text: 'Hợp lệ: 51/100 hộ (51%) đồng ý bằng phiếu.' });
    expect(v(51).basis).toEqual(['tổng số hộ: 100 (Biểu I.1, trang "Thôn A - I.1")', 'số hộ đồng ý bằng phiếu: 51 (trang "Phiếu Thôn A" ô C31)']);
    expect(v(50)).toMatchObject({
      valid: false,
      kind: 'village-written',
      text: 'Chưa hợp lệ: chỉ 50/100 hộ (50%) đồng ý bằng phiếu, cần trên 50% tổng số hộ. (50/100 hộ (50%) đồng ý bằng phiếu)',
    });
  });

  it('people who marked the ballot do not turn written answers into a meeting: no share of households present', () => {
    const v = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ written: typed(51, 'C31') }), village, participants: 12 });
    expect(v.kind).toBe('village-written');
    expect(v.text).toBe('Hợp lệ: 51/100 hộ (51%) đồng ý bằng phiếu.');
  });

  it('a meeting held (people or agreement typed) is judged as a meeting even with written answers', () => {
    const held = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ written: typed(70, 'C31'), attendees: typed(60, 'C27') }), village, participants: 0 });
    expect(held.kind).toBe('village-meeting');
    expect(held.text).toBe('Chưa hợp lệ: chưa ghi số người đồng ý. (60/100 hộ (60%) có đại diện dự họp)');
    const agreed = listValidity({ unit: 'Thôn A', kind: 'village-meeting', ballot: BALLOT, fields: fields({ written: typed(70, 'C31'), agree: typed(40, 'C29') }), village, participants: 60 });
    expect(agreed.kind).toBe('village-meeting');
  });

  it('at the commune conference the village lines are not read', () => {
    const v = listValidity({
      unit: 'Xã Tân Lập',
      kind: 'commune-conference',
      ballot: BALLOT,
      fields: fields({ households: typed(500, 'C20'), householdsPresent: typed(10, 'C21'), written: typed(400, 'C22'), attendees: typed(30, 'C23'), agree: typed(15, 'C24') }),
      village,
      participants: 3,
    });
    expect(v.kind).toBe('commune-conference');
    expect(v.text).toBe('Chưa hợp lệ: chỉ 15/30 người (50%) đồng ý, cần trên 50%. (15/30 đại biểu (50%) đồng ý)');
    expect(v.basis).toEqual(['số đại biểu dự hội nghị: 30 (trang "Phiếu Thôn A" ô C23)', 'số người đồng ý: 15 (trang "Phiếu Thôn A" ô C24)']);
  });
});
