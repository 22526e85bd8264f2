/**
 * Which rows of an activity sheet a ranking sorts (sheet.ts) and how the ranks are written back
 * (apply.ts), on sheets shaped like what communes type: a key column or none, topic headings typed
 * in the activity column, blank and subtotal lines between activities, rows with figures but no
 * name, merged cells, error cells, formulas in STT and Ghi chú, a used range that does not start at A1.
 */
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import type { SheetLayout, TablePlacement } from '../../src/layout/types';
import { MAX_COLS, MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, WriteBlock, WriteValue } from '../../src/port/types';
import { TextGrid } from '../../src/reader/grid';
import { labelSimilarity } from '../../src/text';
import {
  KEY_HEADER,
  applyRanking,
  derivedKeys,
  findKeyColumn,
  NAME_MATCH,
  matchName,
  namesDiffer,
  notePrefixed,
  rankItemsFromSheet,
  rewriteRowRefs,
  sheetActivities,
} from '../../src/workflow/ranking';

function table(l: SheetLayout): TablePlacement {
  const t = l.tables.find((x) => x.key === 'activities');
  if (!t) throw new Error('no activity table');
  return t;
}

function col(t: TablePlacement, key: string): number {
  const c = t.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.col;
}

/** Records each writeValues call's blocks, then writes them like any MemoryWorkbook. */
class RecordingWorkbook extends MemoryWorkbook {
  readonly calls: WriteBlock[][] = [];
  override async writeValues(blocks: readonly WriteBlock[]): Promise<void> {
    this.calls.push([...blocks]);
    return super.writeValues(blocks);
  }
}

async function formSheet(wb: MemoryWorkbook, formId: FormId, name: string, keyColumn = false): Promise<TablePlacement> {
  const layout = layoutForm(getForm(formId), { planYear: 2027, unitName: 'Xã Nà Lìu', sheetName: name, ...(keyColumn ? { keyColumn: true } : {}) });
  await wb.createSheet(layout);
  return table(layout);
}

async function put(wb: MemoryWorkbook, sheet: string, t: TablePlacement, row: number, values: Record<string, WriteValue>): Promise<void> {
  await wb.writeValues(Object.entries(values).map(([k, v]) => ({ sheet, row, col: col(t, k), values: [[v]] })));
}

const at = (wb: MemoryWorkbook, sheet: string, row: number, c: number): CellValue => wb.cell(sheet, row, c)?.value ?? null;

async function data(wb: MemoryWorkbook, sheet: string) {
  const [d] = await wb.readSheets([sheet]);
  return d;
}

describe('the key column "Mã dòng (LKH)"', () => {
  const grid = (rows: CellValue[][]) => new TextGrid({ name: 'S', top: 0, left: 0, values: rows, formulas: rows.map((r) => r.map(() => null)), errors: [], merges: [] });

  it('is looked for above the first activity only', () => {
    const g = grid([['Biểu II.6.B'], [null], ['STT', 'Nội dung', KEY_HEADER], [1, 'Đường bê tông', 'k1'], [2, 'Kênh mương', 'k2']]);
    expect(findKeyColumn(g, 3)).toEqual({ row: 2, col: 2 });
    expect(findKeyColumn(g, 2)).toBeUndefined();
    expect(findKeyColumn(g, 99)).toEqual({ row: 2, col: 2 });
  });

  it('is a header starting "Mã dòng" of at most 20 letters, not any cell naming it', () => {
    const header = (h: string) => findKeyColumn(grid([['STT', 'Nội dung', h], [1, 'Đường', 'x']]), 1);
    expect(header('Mã dòng')).toEqual({ row: 0, col: 2 });
    expect(header('Mã dòng cũ')).toEqual({ row: 0, col: 2 });
    expect(header('Mã dòng cũ của xã 12')).toEqual({ row: 0, col: 2 }); // 20 letters folded
    expect(header('Mã dòng cũ của thôn A')).toBeUndefined(); // 21
    expect(header('Số mã dòng')).toBeUndefined();
  });

  it('a note in an activity row that starts "Mã dòng" is no key column: keys come from the names', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Đường bê tông thôn A', unit: 'm', proposed: 100, other: 'Mã dòng cũ 12' });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Kênh mương nội đồng', unit: 'm', proposed: 200 });
    await put(wb, 'II.6.B', t, t.bodyRow + 2, { activity: 'Sửa cống', unit: 'cái', proposed: 50 });
    const s = sheetActivities(await data(wb, 'II.6.B'), 'II.6.B');
    expect(s.keyCol).toBeUndefined();
    expect(s.rows.map((r) => r.key)).toEqual(['ten:duong be tong thon a', 'ten:kenh muong noi dong', 'ten:sua cong']);
  });

  it('keys typed under "Mã dòng (LKH)" are the keys; a row without one falls back to its name', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B', true);
    const keyCol = Math.max(...t.columns.map((c) => c.col)) + 1;
    expect(at(wb, 'II.6.B', t.headerRow, keyCol)).toBe(KEY_HEADER);
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Đường bê tông thôn A', unit: 'm', proposed: 100 });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Kênh mương nội đồng', unit: 'm', proposed: 200 });
    await wb.writeValues([{ sheet: 'II.6.B', row: t.bodyRow, col: keyCol, values: [['a-7']] }]);
    const s = sheetActivities(await data(wb, 'II.6.B'), 'II.6.B');
    expect(s.keyCol).toBe(keyCol);
    expect(s.rows.map((r) => r.key)).toEqual(['a-7', 'ten:kenh muong noi dong']);
  });
});

describe('keys from names', () => {
  it('folds the name and numbers repeats #2, #3 whatever their case or spacing', () => {
    expect(derivedKeys(['Đường bê tông', 'Kênh mương', 'Đường  bê tông', 'ĐƯỜNG BÊ TÔNG'])).toEqual([
      'ten:duong be tong',
      'ten:kenh muong',
      'ten:duong be tong#2',
      'ten:duong be tong#3',
    ]);
  });
});

describe('segments: rows are sorted only among their neighbours', () => {
  it('blank lines and a line holding only a key do not split; a topic heading and a subtotal line do', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B', true);
    const keyCol = Math.max(...t.columns.map((c) => c.col)) + 1;
    const r0 = t.bodyRow;
    const act = (r: number, activity: string, proposed: number) => put(wb, 'II.6.B', t, r, { activity, unit: 'm', proposed });
    await act(r0, 'Đường bê tông thôn A', 100);
    await act(r0 + 1, 'Kênh mương nội đồng', 200);
    // r0 + 2 left blank
    await act(r0 + 3, 'Sửa cống qua đường', 50);
    await wb.writeValues([{ sheet: 'II.6.B', row: r0 + 4, col: keyCol, values: [['k-cu']] }]); // a key left by a deleted row
    await act(r0 + 5, 'Nạo vét mương', 30);
    await put(wb, 'II.6.B', t, r0 + 6, { activity: 'II. Kinh tế và tổ chức sản xuất' });
    await act(r0 + 7, 'Hỗ trợ giống lúa', 40);
    await act(r0 + 8, 'Tập huấn chăn nuôi', 20);
    await put(wb, 'II.6.B', t, r0 + 9, { activity: 'Cộng', proposed: 60 });
    await act(r0 + 10, 'Sửa chữa trạm y tế', 80);
    await put(wb, 'II.6.B', t, r0 + 11, { activity: 'B) Văn hóa - Xã hội - Môi trường' });
    await act(r0 + 12, 'Mua sắm loa truyền thanh', 10);
    await put(wb, 'II.6.B', t, r0 + 13, { activity: 'II.Kinh tế và tổ chức sản xuất' });
    await act(r0 + 14, 'Làm chuồng trại', 15);
    const s = sheetActivities(await data(wb, 'II.6.B'), 'II.6.B');
    expect(s.rows.map((r) => [r.row - r0, r.activity.activity, r.segment])).toEqual([
      [0, 'Đường bê tông thôn A', 'none@0'],
      [1, 'Kênh mương nội đồng', 'none@0'],
      [3, 'Sửa cống qua đường', 'none@0'],
      [5, 'Nạo vét mương', 'none@0'],
      [7, 'Hỗ trợ giống lúa', 'none@1'],
      [8, 'Tập huấn chăn nuôi', 'none@1'],
      [10, 'Sửa chữa trạm y tế', 'none@2'],
      [12, 'Mua sắm loa truyền thanh', 'none@3'],
      [14, 'Làm chuồng trại', 'none@4'],
    ]);
    // The headings are no activities: never ranked.
    const { items } = rankItemsFromSheet(await data(wb, 'II.6.B'), 'II.6.B');
    expect(items.map((i) => i.activity)).not.toContain('II. Kinh tế và tổ chức sản xuất');
    expect(items).toHaveLength(9);
  });

  it('II.6.A: a group line typed again inside a group ("B. Vốn sự nghiệp") is no activity and splits the group', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.A', 'II.6.A');
    const r0 = t.rowKeys.recurrent + 1;
    await put(wb, 'II.6.A', t, r0, { activity: 'Tập huấn', unit: 'lớp', budget: 10 });
    await put(wb, 'II.6.A', t, r0 + 1, { activity: 'B. Vốn sự nghiệp' });
    await put(wb, 'II.6.A', t, r0 + 2, { activity: 'Hội thi', unit: 'lần', budget: 20 });
    const s = sheetActivities(await data(wb, 'II.6.A'), 'II.6.A');
    expect(s.rows.map((r) => [r.activity.activity, r.segment])).toEqual([
      ['Tập huấn', 'recurrent@0'],
      ['Hội thi', 'recurrent@1'],
    ]);
  });

  it('a line named like a topic but carrying an amount is an activity for the reader, so it is ranked, never dropped', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Đường bê tông', unit: 'm', proposed: 100 });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'III. Văn hóa - Xã hội - Môi trường', proposed: 60 });
    const d = await data(wb, 'II.6.B');
    const s = sheetActivities(d, 'II.6.B');
    expect(s.reading?.activities.map((a) => a.activity)).toEqual(['Đường bê tông', 'III. Văn hóa - Xã hội - Môi trường']);
    expect(s.rows.map((r) => [r.activity.activity, r.segment, r.rankable])).toEqual([
      ['Đường bê tông', 'none@0', true],
      ['III. Văn hóa - Xã hội - Môi trường', 'none@0', true],
    ]);
  });

  it('a row with figures but no name is reported, never listed, never moved', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    const r0 = t.bodyRow;
    await put(wb, 'II.6.B', t, r0, { activity: 'Đường bê tông', unit: 'm', proposed: 100 });
    await put(wb, 'II.6.B', t, r0 + 1, { unit: 'm', proposed: 70 });
    await put(wb, 'II.6.B', t, r0 + 2, { activity: 'Kênh mương', unit: 'm', proposed: 200 });
    const s = sheetActivities(await data(wb, 'II.6.B'), 'II.6.B');
    expect(s.rows.map((r) => r.activity.activity)).toEqual(['Đường bê tông', 'Kênh mương']);
    expect(s.findings.map((f) => f.code)).toContain('ACTIVITY_WITHOUT_NAME');
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:kenh muong', rank: 1 },
        { key: 'ten:duong be tong', rank: 2 },
      ],
      { formId: 'II.6.B' },
    );
    // The reader's finding comes back with the result.
    expect(result.findings.map((f) => f.code)).toContain('ACTIVITY_WITHOUT_NAME');
    expect(result.segments).toEqual([{ group: 'none', rows: 2, sorted: true }]);
    expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, col(t, 'activity')))).toEqual(['Kênh mương', null, 'Đường bê tông']);
    expect(at(wb, 'II.6.B', r0 + 1, col(t, 'proposed'))).toBe(70);
  });

  it('a sheet that does not read as the form lists nothing and says why', () => {
    const s = sheetActivities({ name: 'Trống', top: 0, left: 0, values: [], formulas: [], errors: [], merges: [] }, 'II.6.B');
    expect(s.rows).toEqual([]);
    expect(s.reading?.activities ?? []).toEqual([]);
  });
});

describe('which activities are ranked', () => {
  it('II.6.B: every named activity, even one with no amount yet', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Đường bê tông thôn A', unit: 'm', quantity: 300, place: 'Thôn A', total: 150, proposed: 100 });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Kênh mương nội đồng', unit: 'm', quantity: 'chưa đo' });
    await put(wb, 'II.6.B', t, t.bodyRow + 2, { activity: 'Lắp đèn đường', sector: 'Điện' });
    const { items } = rankItemsFromSheet(await data(wb, 'II.6.B'), 'II.6.B', new Map([['ten:lap den duong', { women: true }]]));
    expect(items).toStrictEqual([
      { key: 'ten:duong be tong thon a', activity: 'Đường bê tông thôn A', unit: 'm', quantity: 300, place: 'Thôn A', total: 150, flags: {} },
      { key: 'ten:kenh muong noi dong', activity: 'Kênh mương nội đồng', unit: 'm', quantity: 'chưa đo', flags: {} },
      { key: 'ten:lap den duong', activity: 'Lắp đèn đường', flags: { women: true } },
    ]);
  });

  it('I.2: an activity under "cần nguồn vốn bên ngoài" is ranked before its support is estimated', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'I.2', 'I.2');
    const b = t.rowKeys['outside-money'];
    await put(wb, 'I.2', t, b + 1, { activity: 'Xây dựng mương bê tông', unit: 'm', contribution: 1000, support: 20000 });
    await put(wb, 'I.2', t, b + 2, { activity: 'Làm cầu treo', unit: 'cái', contribution: 500 });
    const { items } = rankItemsFromSheet(await data(wb, 'I.2'), 'I.2');
    expect(items.map((i) => i.activity)).toEqual(['Xây dựng mương bê tông', 'Làm cầu treo']);
  });

  it('I.2 typed without its group rows: only activities asking for outside money', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'I.2', 'I.2');
    // The village deleted the two group lines and typed its activities under the header.
    const groupRows = [t.rowKeys['no-outside-money'], t.rowKeys['outside-money']];
    const sheet = wb.sheet('I.2');
    sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.filter((m) => !groupRows.includes(m.row)));
    for (const r of groupRows) {
      await wb.writeValues([{ sheet: 'I.2', row: r, col: 0, values: [t.columns.map(() => null)] }]);
    }
    const r0 = t.rowKeys['no-outside-money'];
    await put(wb, 'I.2', t, r0, { activity: 'Vệ sinh đường làng', unit: 'lần', contribution: 500, support: 0 });
    await put(wb, 'I.2', t, r0 + 1, { activity: 'Xây dựng mương bê tông', unit: 'm', contribution: 1000, support: 20000 });
    const s = sheetActivities(await data(wb, 'I.2'), 'I.2');
    expect(s.rows.map((r) => [r.activity.activity, r.group, r.rankable])).toEqual([
      ['Vệ sinh đường làng', 'none', false],
      ['Xây dựng mương bê tông', 'none', true],
    ]);
  });
});

describe('matching a rank to an activity by name', () => {
  const NAMES = ['Bê tông hóa đường thôn Nà Hinh', 'Tập huấn kỹ thuật canh tác'];

  it('the same name folded first, the nearest above 0.85 next, a blank name never', () => {
    expect(matchName('TẬP HUẤN KỸ THUẬT CANH TÁC', NAMES)).toBe(1);
    expect(matchName('Bê tông hóa đường thôn Nà Hin', NAMES)).toBe(0);
    expect(matchName('Sửa chữa trạm y tế', NAMES)).toBe(-1);
    expect(matchName('  ', ['', 'Đường'])).toBe(-1);
  });

  it('two rows of one name: the first free one, the second once the first is taken', () => {
    expect(matchName('Đường bê tông', ['Đường bê tông', 'Đường bê tông'])).toBe(0);
    expect(matchName('Đường bê tông', ['Kênh', 'Đường bê tông', 'Đường bê tông'], new Set([1]))).toBe(2);
    expect(matchName('Bê tông hóa đường thôn Nà Hin', NAMES, new Set([0]))).toBe(-1);
  });

  it('two names equally near: no match rather than a guess; a nearer one after a tie wins', () => {
    expect(matchName('Sửa chữa trạm y tế xã', ['Sửa chữa trạm y tế xã A', 'Sửa chữa trạm y tế xã B'])).toBe(-1);
    expect(matchName('Sửa chữa trạm y tế xã', ['Tập huấn', 'Sửa chữa trạm y tế xã A', 'Sửa chữa trạm y tế xã B'])).toBe(-1);
    expect(matchName('Sửa chữa trạm y tế xã', ['Sửa chữa trạm y tế xã A', 'Sửa chữa trạm y tế xã B', 'Sửa chữa trạm y tế xã.'])).toBe(2);
    expect(matchName('Sửa chữa trạm y tế xã', ['Sửa chữa trạm y tế', 'Sửa chữa trạm y tế xã A'])).toBe(1);
    expect(matchName('Sửa chữa trạm y tế xã', ['Sửa chữa trạm y tế xã A', 'Sửa chữa trạm y tế'])).toBe(0);
  });
});

describe('a name close in letters but naming another village or place is no match', () => {
  it('another village of the same road is refused, a typo of the same village is taken', () => {
    const names = ['Bê tông hóa đường thôn Nà Hin', 'Tập huấn kỹ thuật canh tác'];
    // 86% of letter pairs shared, but Lìu is not Hin: the rank must not move to Nà Hin's road.
    expect(labelSimilarity('Bê tông hóa đường thôn Nà Lìu', names[0]!)).toBeGreaterThan(NAME_MATCH);
    expect(matchName('Bê tông hóa đường thôn Nà Lìu', names)).toBe(-1);
    expect(matchName('Bê tông hóa đường thôn Nà Hinh', names)).toBe(0);
    expect(matchName('Bê tông hoá đường thôn Na Hin', names)).toBe(0);
    expect(matchName('Bêtông hóa đường thôn Nà Hin', names)).toBe(0);
  });

  it('numbers and one-letter names must be the same; extra words are no replacement', () => {
    expect(matchName('Sửa chữa đường tổ dân phố 2', ['Sửa chữa đường tổ dân phố 3'])).toBe(-1);
    expect(matchName('Sửa chữa đường tổ dân phố 12', ['Sửa chữa đường tổ dân phố 21'])).toBe(-1);
    expect(matchName('Sửa chữa trạm y tế xã A', ['Sửa chữa trạm y tế xã B'])).toBe(-1);
    expect(matchName('Sửa chữa trạm y tế xã', ['Tập huấn', 'Sửa chữa trạm y tế xã A'])).toBe(1);
  });

  it('namesDiffer at its limits: one letter in a short word, two in a long one', () => {
    expect(namesDiffer('Kênh thôn Pác Ngòi', 'Kênh thôn Pác Ngòii')).toBe(false);
    expect(namesDiffer('Kênh thôn Pác Ngòi', 'Kênh thôn Pác Ngo')).toBe(false);
    expect(namesDiffer('Kênh thôn Pác Ngòi', 'Kênh thôn Pác Ng')).toBe(true);
    // 8 letters left on each side: two typos allowed, three not.
    expect(namesDiffer('Nhà văn hóa Khuổi Hẩu', 'Nhà văn hóa Khuôi Hâuu')).toBe(false);
    expect(namesDiffer('Nhà văn hóa thôn Khuoihau', 'Nhà văn hóa thôn Khuaihao')).toBe(false);
    expect(namesDiffer('Nhà văn hóa thôn Khuoihau', 'Nhà văn hóa thôn Khuaihoo')).toBe(true);
    // 7 letters: one typo, not two.
    expect(namesDiffer('Mương Bản Chan', 'Mương Bản Chanh')).toBe(false);
    expect(namesDiffer('Mương Bản Chan', 'Mương Bun Chanh')).toBe(true);
    expect(namesDiffer('Đường bê tông', 'Đường bê tông')).toBe(false);
    expect(namesDiffer('Đường bê tông', 'bê tông Đường')).toBe(false);
  });
});

describe('the Ưu tiên prefix of Ghi chú and formulas of moved rows', () => {
  it('reads a prefix typed in decomposed Unicode (NFD)', () => {
    expect(notePrefixed('U\u031Bu tie\u0302n 3; Chương trình 135'.normalize('NFD'), 1)).toBe('Ưu tiên 1; Chương trình 135');
  });

  it('drops the spaces typed around the rest of the note', () => {
    expect(notePrefixed('Ưu tiên 2;   Chương trình 135  ', 1)).toBe('Ưu tiên 1; Chương trình 135');
    expect(notePrefixed('  Vốn lồng ghép ', undefined)).toBe('Vốn lồng ghép');
    expect(notePrefixed(' Ưu tiên 4 ', undefined)).toBe('');
  });

  it('leaves text in quotes alone, keeps $ on both ends of a range, and leaves ranges over several rows', () => {
    const moved = new Map([[11, 8]]);
    expect(rewriteRowRefs('"Xem H12"&H12', moved)).toBe('"Xem H12"&H9');
    expect(rewriteRowRefs('"Dòng ""H12"" cũ"&H12', moved)).toBe('"Dòng ""H12"" cũ"&H9');
    expect(rewriteRowRefs('SUM($D$12:$G$12)', moved)).toBe('SUM($D$9:$G$9)');
    expect(rewriteRowRefs('SUM(D$12:$G12)', moved)).toBe('SUM(D$9:$G9)');
    expect(rewriteRowRefs('SUM(H12:H14)', moved)).toBe('SUM(H12:H14)');
    expect(rewriteRowRefs('SUM(D13:G13)+H12', moved)).toBe('SUM(D13:G13)+H9');
  });
});

describe('applying: what is written where', () => {
  it('ranks nothing and writes nothing when no activity is on the sheet or no rank matches', async () => {
    const wb = new RecordingWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    const ranks = [{ key: 'k1', rank: 1, activity: 'Đường bê tông' }];
    const none = await applyRanking(wb, 'II.6.B', ranks, { formId: 'II.6.B' });
    expect(none).toEqual({ sheet: 'II.6.B', placed: [], unmatched: ranks, uncovered: [], segments: [], cellsWritten: 0, findings: [] });
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Kênh mương', unit: 'm', proposed: 5 });
    const calls = wb.calls.length;
    const ranks2 = [{ key: 'k1', rank: 1 }, { key: 'k2', rank: 2, activity: 'Đường bê tông' }];
    const unmatched = await applyRanking(wb, 'II.6.B', ranks2, { formId: 'II.6.B' });
    expect(unmatched).toEqual({ sheet: 'II.6.B', placed: [], unmatched: ranks2, uncovered: [], segments: [], cellsWritten: 0, findings: [] });
    expect(wb.calls.length).toBe(calls);
  });

  it('a rank given to an activity needing no outside money is refused with its cell and name', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.A', 'II.6.A');
    const rk = t.rowKeys;
    await put(wb, 'II.6.A', t, rk['no-outside-money'] + 1, { activity: 'Vệ sinh đường làng', unit: 'lần', contribution: 5 });
    await put(wb, 'II.6.A', t, rk.recurrent + 1, { activity: 'Tập huấn', unit: 'lớp', budget: 10 });
    await put(wb, 'II.6.A', t, rk.recurrent + 2, { activity: 'Hội thi', unit: 'lần', budget: 20 });
    const result = await applyRanking(
      wb,
      'II.6.A',
      [
        { key: 'ten:ve sinh duong lang', rank: 1 },
        { key: 'ten:hoi thi', rank: 2 },
        { key: 'ten:tap huan', rank: 3 },
      ],
      { formId: 'II.6.A' },
    );
    const f = result.findings.find((x) => x.code === 'NO_OUTSIDE_MONEY_RANKED');
    expect(f?.sheet).toBe('II.6.A');
    expect(f?.cell).toBe(`B${rk['no-outside-money'] + 2}`);
    expect(f?.message).toContain('Vệ sinh đường làng');
    expect(at(wb, 'II.6.A', rk['no-outside-money'] + 1, col(t, 'priority'))).toBeNull();
    expect(result.placed.map((p) => [p.activity, p.rank, p.row - rk.recurrent])).toEqual([
      ['Hội thi', 2, 1],
      ['Tập huấn', 3, 2],
    ]);
  });

  it('activities given one rank keep their order on the sheet', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    const names = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm'];
    for (const [i, n] of names.entries()) await put(wb, 'II.6.B', t, t.bodyRow + i, { activity: n, unit: 'm', proposed: i + 1 });
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:nam', rank: 1 },
        { key: 'ten:bon', rank: 2 },
        { key: 'ten:ba', rank: 2 },
        { key: 'ten:hai', rank: 2 },
        { key: 'ten:mot', rank: 2 },
      ],
      { formId: 'II.6.B' },
    );
    expect(result.placed.map((p) => [p.activity, p.rank])).toEqual([
      ['Năm', 1],
      ['Một', 2],
      ['Hai', 2],
      ['Ba', 2],
      ['Bốn', 2],
    ]);
  });

  it('sort: false writes the ranks and leaves the rows where they are', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Một', unit: 'm', proposed: 1 });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Hai', unit: 'm', proposed: 2 });
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:hai', rank: 1 },
        { key: 'ten:mot', rank: 2 },
      ],
      { formId: 'II.6.B', sort: false },
    );
    expect(result.segments).toEqual([{ group: 'none', rows: 2, sorted: false, reason: 'chỉ ghi mức ưu tiên, không sắp xếp' }]);
    expect([0, 1].map((i) => [at(wb, 'II.6.B', t.bodyRow + i, col(t, 'activity')), at(wb, 'II.6.B', t.bodyRow + i, col(t, 'priority'))])).toEqual([
      ['Một', 2],
      ['Hai', 1],
    ]);
  });

  describe('merged cells', () => {
    /** Three activities, `merges` (rows from the first activity), and `hidden` left in the sector cell the last merge covers below its first row. */
    async function merged(merges: { row: number; col: number; rows: number; cols: number }[], hidden?: string) {
      const wb = new MemoryWorkbook();
      const t = await formSheet(wb, 'II.6.B', 'II.6.B');
      const r0 = t.bodyRow;
      await put(wb, 'II.6.B', t, r0, { activity: 'Một', unit: 'm', proposed: 1 });
      await put(wb, 'II.6.B', t, r0 + 1, { activity: 'Hai', unit: 'm', proposed: 2, ...(hidden ? { sector: 'Nông nghiệp' } : {}) });
      await put(wb, 'II.6.B', t, r0 + 2, { activity: 'Ba', unit: 'm', proposed: 3, ...(hidden ? { sector: hidden } : {}) });
      wb.sheet('II.6.B').merges.push(...merges.map((m) => ({ ...m, row: r0 + m.row })));
      const result = await applyRanking(
        wb,
        'II.6.B',
        [
          { key: 'ten:ba', rank: 1 },
          { key: 'ten:hai', rank: 2 },
          { key: 'ten:mot', rank: 3 },
        ],
        { formId: 'II.6.B' },
      );
      const names = [0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, col(t, 'activity')));
      return { result, names, t, wb, r0 };
    }

    it('the same merge on every row: sorted, the cells a merge hides written empty', async () => {
      const wb = new MemoryWorkbook();
      const t = await formSheet(wb, 'II.6.B', 'II.6.B');
      const c = col(t, 'activity');
      const m = [0, 1, 2].map((row) => ({ row, col: c, rows: 1, cols: 2 }));
      const r0 = t.bodyRow;
      await put(wb, 'II.6.B', t, r0, { activity: 'Một', unit: 'm', proposed: 1 });
      await put(wb, 'II.6.B', t, r0 + 1, { activity: 'Hai', unit: 'cái', proposed: 2, objective: 'giữ lại từ trước' });
      await put(wb, 'II.6.B', t, r0 + 2, { activity: 'Ba', unit: 'lớp', proposed: 3 });
      wb.sheet('II.6.B').merges.push(...m.map((x) => ({ ...x, row: r0 + x.row })));
      const result = await applyRanking(
        wb,
        'II.6.B',
        [
          { key: 'ten:ba', rank: 1 },
          { key: 'ten:hai', rank: 2 },
          { key: 'ten:mot', rank: 3 },
        ],
        { formId: 'II.6.B' },
      );
      expect(result.segments).toEqual([{ group: 'none', rows: 3, sorted: true }]);
      expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, c))).toEqual(['Ba', 'Hai', 'Một']);
      expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, c + 1))).toEqual([null, null, null]);
      // The column right of the merge moves with its row.
      expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, c + 2))).toEqual(['lớp', 'cái', 'm']);
    });

    it('rows merged differently are not moved', async () => {
      const { result, names } = await merged([{ row: 1, col: 2, rows: 1, cols: 2 }]);
      expect(result.segments).toEqual([{ group: 'none', rows: 3, sorted: false, reason: 'các dòng gộp ô khác nhau' }]);
      expect(names).toEqual(['Một', 'Hai', 'Ba']);
    });

    it('a merge over two rows names the first of them; the ranks are written around it', async () => {
      const { result, names, r0, wb, t } = await merged([{ row: 1, col: 13, rows: 2, cols: 1 }], 'Nông nghiệp');
      expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, col(t, 'priority')))).toEqual([3, 2, 1]);
      expect(result.segments).toEqual([{ group: 'none', rows: 3, sorted: false, reason: `ô gộp 2 dòng tại dòng ${r0 + 2}` }]);
      expect(names).toEqual(['Một', 'Hai', 'Ba']);
    });

    it('a merge over several rows below the table (the signatures) does not stop the sort', async () => {
      const { result, names } = await merged([{ row: 5, col: 9, rows: 3, cols: 4 }]);
      expect(result.segments).toEqual([{ group: 'none', rows: 3, sorted: true }]);
      expect(names).toEqual(['Ba', 'Hai', 'Một']);
    });
  });

  it('error cells move as errors; STT numbering and its formulas stay; contiguous rows go in one block', async () => {
    const wb = new RecordingWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    const r0 = t.bodyRow;
    const stt = col(t, 'stt');
    await put(wb, 'II.6.B', t, r0, { stt: 1, activity: 'Một', unit: 'm', proposed: 1 });
    await put(wb, 'II.6.B', t, r0 + 1, { stt: { formula: `A${r0 + 1}+1` }, activity: 'Hai', unit: 'm', proposed: 2 });
    await put(wb, 'II.6.B', t, r0 + 2, { stt: { formula: `A${r0 + 2}+1` }, activity: 'Ba', unit: 'm', proposed: 3 });
    wb.sheet('II.6.B').cells.set(r0 * MAX_COLS + col(t, 'other'), { value: null, error: '#DIV/0!' });
    const before = (await data(wb, 'II.6.B')).values[0].length;
    const calls = wb.calls.length;
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:ba', rank: 1 },
        { key: 'ten:mot', rank: 2 },
        { key: 'ten:hai', rank: 3 },
      ],
      { formId: 'II.6.B' },
    );
    expect(wb.calls.length).toBe(calls + 1);
    const blocks = wb.calls[calls];
    expect(blocks.map((b) => [b.row, b.col, b.values.length])).toEqual([[r0, 0, 3]]);
    expect(blocks[0].values.map((v) => v.length)).toEqual([before, before, before]);
    expect(result.cellsWritten).toBe(3 * before);
    expect((await data(wb, 'II.6.B')).values[0].length).toBe(before);
    expect([0, 1, 2].map((i) => at(wb, 'II.6.B', r0 + i, col(t, 'activity')))).toEqual(['Ba', 'Một', 'Hai']);
    // The error is written back as the code the spreadsheet shows.
    expect(at(wb, 'II.6.B', r0 + 1, col(t, 'other'))).toBe('#DIV/0!');
    expect(at(wb, 'II.6.B', r0, col(t, 'other'))).toBeNull();
    expect(at(wb, 'II.6.B', r0, stt)).toBe(1);
    expect([1, 2].map((i) => wb.cell('II.6.B', r0 + i, stt)?.formula)).toEqual([`A${r0 + 1}+1`, `A${r0 + 2}+1`]);
    expect(result.placed.map((p) => [p.activity, p.rank, p.row - r0])).toEqual([
      ['Ba', 1, 0],
      ['Một', 2, 1],
      ['Hai', 3, 2],
    ]);
  });

  it('rows apart make one block each, all in one call; an unranked row is placed after the ranked ones and not in placed', async () => {
    const wb = new RecordingWorkbook();
    const t = await formSheet(wb, 'II.6.A', 'II.6.A');
    const rk = t.rowKeys;
    await put(wb, 'II.6.A', t, rk['investment-new'] + 1, { activity: 'Đường A', unit: 'm', budget: 100 });
    await put(wb, 'II.6.A', t, rk['investment-new'] + 2, { activity: 'Đường B', unit: 'm', budget: 200 });
    await put(wb, 'II.6.A', t, rk.recurrent + 1, { activity: 'Tập huấn', unit: 'lớp', budget: 10 });
    await put(wb, 'II.6.A', t, rk.recurrent + 2, { activity: 'Hội thi', unit: 'lần', budget: 20 });
    await put(wb, 'II.6.A', t, rk.recurrent + 3, { activity: 'Tuyên truyền', unit: 'lần', budget: 30 });
    const calls = wb.calls.length;
    const result = await applyRanking(
      wb,
      'II.6.A',
      [
        { key: 'ten:duong b', rank: 1 },
        { key: 'ten:duong a', rank: 2 },
        { key: 'ten:tuyen truyen', rank: 3 },
        { key: 'ten:tap huan', rank: 4 },
      ],
      { formId: 'II.6.A' },
    );
    expect(wb.calls.length).toBe(calls + 1);
    expect(wb.calls[calls].map((b) => [b.row, b.values.length])).toEqual([
      [rk['investment-new'] + 1, 2],
      [rk.recurrent + 1, 3],
    ]);
    expect(result.uncovered).toEqual([{ activity: 'Hội thi', row: rk.recurrent + 3 }]);
    expect(result.placed.map((p) => [p.activity, p.rank, p.row])).toEqual([
      ['Đường B', 1, rk['investment-new'] + 1],
      ['Đường A', 2, rk['investment-new'] + 2],
      ['Tuyên truyền', 3, rk.recurrent + 1],
      ['Tập huấn', 4, rk.recurrent + 2],
    ]);
    expect(at(wb, 'II.6.A', rk.recurrent + 3, col(t, 'priority'))).toBeNull();
  });

  it('I.2: a Ghi chú that is a number keeps it after the rank; a Ghi chú formula moves with its row', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'I.2', 'I.2');
    const b = t.rowKeys['outside-money'];
    const note = col(t, 'note');
    await put(wb, 'I.2', t, b + 1, { activity: 'Hỗ trợ giống lúa', unit: 'kg', contribution: 100, support: 5000, note: 135 });
    await put(wb, 'I.2', t, b + 2, { activity: 'Xây dựng mương', unit: 'm', contribution: 1000, support: 20000, note: { formula: `"Ước "&G${b + 3}` } });
    await applyRanking(
      wb,
      'I.2',
      [
        { key: 'ten:xay dung muong', rank: 1 },
        { key: 'ten:ho tro giong lua', rank: 2 },
      ],
      { formId: 'I.2' },
    );
    expect(at(wb, 'I.2', b + 1, col(t, 'activity'))).toBe('Xây dựng mương');
    expect(wb.cell('I.2', b + 1, note)?.formula).toBe(`"Ước "&G${b + 2}`);
    expect(at(wb, 'I.2', b + 2, note)).toBe('Ưu tiên 2; 135');
  });

  it('stray cells typed far right and far down (a sheet read as sparse rows) do not cut the moved rows short', async () => {
    const wb = new MemoryWorkbook();
    const t = await formSheet(wb, 'II.6.B', 'II.6.B');
    await put(wb, 'II.6.B', t, t.bodyRow, { activity: 'Một', unit: 'm', proposed: 1, other: 'ghi chú một' });
    await put(wb, 'II.6.B', t, t.bodyRow + 1, { activity: 'Hai', unit: 'cái', proposed: 2 });
    await wb.writeValues([
      { sheet: 'II.6.B', row: 0, col: 2600, values: [['x']] },
      { sheet: 'II.6.B', row: 800, col: 0, values: [['x']] },
    ]);
    const d = await data(wb, 'II.6.B');
    expect(d.values[800]).toHaveLength(1); // rows as long as their last cell
    await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:hai', rank: 1 },
        { key: 'ten:mot', rank: 2 },
      ],
      { formId: 'II.6.B' },
    );
    const row = (r: number) => ['activity', 'unit', 'proposed', 'other', 'priority'].map((k) => at(wb, 'II.6.B', r, col(t, k)));
    expect([row(t.bodyRow), row(t.bodyRow + 1)]).toEqual([
      ['Hai', 'cái', 2, null, 1],
      ['Một', 'm', 1, 'ghi chú một', 2],
    ]);
  });

  it('a sheet whose used range starts below row 1 and right of column A', async () => {
    const src = new MemoryWorkbook();
    const t = await formSheet(src, 'II.6.B', 'II.6.B');
    await put(src, 'II.6.B', t, t.bodyRow, { stt: 1, activity: 'Một', unit: 'm', proposed: 1 });
    await put(src, 'II.6.B', t, t.bodyRow + 1, { stt: 2, activity: 'Hai', unit: 'm', proposed: 2 });
    const d = await data(src, 'II.6.B');
    // The same sheet typed one row down and one column right (column A left as a margin).
    const wb = MemoryWorkbook.fromArrays({ 'II.6.B': [[], ...d.values.map((r) => [null, ...r])] });
    const shifted = await data(wb, 'II.6.B');
    expect([shifted.top, shifted.left]).toEqual([1, 1]);
    const result = await applyRanking(
      wb,
      'II.6.B',
      [
        { key: 'ten:hai', rank: 1 },
        { key: 'ten:mot', rank: 2 },
      ],
      { formId: 'II.6.B' },
    );
    const r = t.bodyRow + 1;
    const c = (k: string) => col(t, k) + 1;
    expect(result.segments).toEqual([{ group: 'none', rows: 2, sorted: true }]);
    expect([0, 1].map((i) => [at(wb, 'II.6.B', r + i, c('stt')), at(wb, 'II.6.B', r + i, c('activity')), at(wb, 'II.6.B', r + i, c('proposed')), at(wb, 'II.6.B', r + i, c('priority'))])).toEqual([
      [1, 'Hai', 2, 1],
      [2, 'Một', 1, 2],
    ]);
  });
});
