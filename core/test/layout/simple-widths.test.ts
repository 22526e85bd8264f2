/**
 * The widths of the add-in's own sheets (simpleLayout): every number shows whole ("###" is what a
 * spreadsheet prints for a number wider than its column, on a page officials sign), and what is
 * left is shared by the columns' relative widths. Found on the province's
 * summary by sector: 20 printed columns scaled to one A4 page gave each sum 6 or 7 characters, and
 * every Tổng số above 999.999 printed as "###".
 */
import { PAGE_CHARS } from '../../src/layout/engine';
import { simpleLayout, type SimpleColumn, type SimpleSheet } from '../../src/layout/simple';
import type { SheetLayout } from '../../src/layout/types';
import { formatVnNumber } from '../../src/text';
import { MemoryWorkbook } from '../../src/port/memory';
import { consolidateCommune } from '../../src/workflow/plan';
import { rollUpCommunes, summaryLayout } from '../../src/workflow/upper-level';
import { handbookCommune } from '../workflow/helpers';

/** Characters a table column spans on the sheet (its grid columns added up). */
function spanChars(layout: SheetLayout, tableIndex: number, key: string): number {
  const col = layout.tables[tableIndex]!.columns.find((c) => c.key === key);
  if (!col) throw new Error(`no column ${key}`);
  return layout.columnWidths.slice(col.col, col.col + col.span).reduce((a, b) => a + b, 0);
}

const wide = (amounts: number[]): SimpleSheet => {
  const columns: SimpleColumn[] = [
    { key: 'stt', header: 'STT', width: 5, kind: 'center' },
    { key: 'name', header: 'Hoạt động', width: 40, kind: 'longtext' },
    { key: 'form', header: 'Biểu', width: 3, kind: 'center' },
  ];
  for (let i = 0; i < 10; i++) columns.push({ key: `a${i}`, header: `Cột ${i + 1}`, width: 12, kind: 'amount' });
  const row = (stt: number, name: string) => Object.fromEntries([['stt', stt], ['name', name], ['form', 'II.6.A'], ...amounts.map((v, i) => [`a${i}`, v])]);
  return { name: 'Rộng', title: 'BẢNG RỘNG', tables: [{ key: 't', columns, rows: [row(1, 'Bê tông hóa đường nội thôn Nà Hin'), row(2, 'Kênh mương Pác Ngòi')] }] };
};

describe('simpleLayout gives every column what it needs to print', () => {
  it('an amount column is at least as wide as its widest number shown, plus its margins', () => {
    const amounts = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 6_775_000 : -12_500));
    const layout = simpleLayout(wide(amounts));
    for (let i = 0; i < 10; i++) {
      const shown = formatVnNumber(amounts[i]!, 0).length;
      expect(spanChars(layout, 0, `a${i}`)).toBeGreaterThanOrEqual(shown + 2);
    }
    // The texts share what is left by their widths (the name's 40 to the code's 3);
    // the page is filled exactly, no wider.
    expect(spanChars(layout, 0, 'name')).toBeGreaterThan(spanChars(layout, 0, 'form') * 8);
    expect(layout.columnWidths.slice(0, layout.print.area.cols).reduce((a, b) => a + b, 0)).toBe(PAGE_CHARS.landscape);
  });

  it('one more digit is one more character: 999.999 needs 9, 1.000.000 needs 11', () => {
    const at = (v: number) => spanChars(simpleLayout(wide(Array.from({ length: 10 }, () => v))), 0, 'a0');
    expect(at(999_999)).toBeGreaterThanOrEqual(9);
    expect(at(1_000_000)).toBeGreaterThanOrEqual(11);
    expect(at(1_000_000)).toBeGreaterThan(at(999_999));
  });

  it('a table that fits keeps its relative widths (texts share the page 1 : 3)', () => {
    const sheet: SimpleSheet = {
      name: 'Hẹp',
      title: 'BẢNG',
      tables: [{ key: 't', columns: [{ key: 'a', header: 'Xã', width: 10 }, { key: 'b', header: 'Ghi chú', width: 30, kind: 'longtext' }], rows: [{ a: 'Xã Tân Lập', b: 'Đủ điều kiện' }] }],
    };
    const layout = simpleLayout(sheet);
    expect(spanChars(layout, 0, 'a')).toBe(PAGE_CHARS.landscape / 4);
    expect(spanChars(layout, 0, 'b')).toBe((PAGE_CHARS.landscape * 3) / 4);
  });

  it('a second table does not squeeze its numbers into the first table\'s narrow columns', () => {
    const main: SimpleSheet['tables'][number] = {
      key: 'main',
      columns: [
        { key: 'stt', header: 'STT', width: 6, kind: 'center' },
        { key: 'x', header: 'Xã', width: 30 },
        { key: 'n', header: 'Số', width: 4, kind: 'number' },
        { key: 'm', header: 'Ghi', width: 4 },
        { key: 'r', header: 'Kết quả', width: 40 },
      ],
      rows: [{ stt: 1, x: 'Xã Tân Lập', n: 61, m: '', r: 'Khớp' }, { stt: 2, x: 'Xã Bản Lầu', n: 12, m: '', r: 'Khớp' }],
    };
    const second: SimpleSheet['tables'][number] = {
      key: 'second',
      columns: [
        { key: 'stt', header: 'STT', width: 6, kind: 'center' },
        { key: 'x', header: 'Xã', width: 30 },
        { key: 'n', header: 'Số', width: 4, kind: 'number' },
        { key: 'total', header: 'Tổng số', width: 4, kind: 'amount' },
        { key: 'r', header: 'Kết quả', width: 40 },
      ],
      rows: [{ stt: 1, x: 'Xã Tân Lập', n: 61, total: 6_775_000, r: 'Khớp' }],
    };
    const layout = simpleLayout({ name: 'Báo cáo', title: 'BÁO CÁO', tables: [main, second] });
    expect(spanChars(layout, 1, 'total')).toBeGreaterThanOrEqual('6.775.000'.length + 2);
    expect(spanChars(layout, 0, 'n')).toBeGreaterThanOrEqual(4);
  });

  it("the province's summary by sector prints every sum whole", async () => {
    const commune = await handbookCommune();
    await consolidateCommune(commune, undefined, { planYear: 2027, communeName: 'Xã Tân Lập' });
    const { rollup } = await rollUpCommunes([{ port: commune }], new MemoryWorkbook(), { upperLevel: 'Tỉnh Lào Cai', funds: 3000 });
    const layout = summaryLayout(rollup);
    const table = layout.tables[0]!;
    for (const key of ['total', 'contribution', 'budget', 'proposed']) {
      const col = table.columns.find((c) => c.key === key)!;
      const widest = Math.max(
        0,
        ...layout.cells.filter((c) => c.col === col.col && typeof c.value === 'number').map((c) => formatVnNumber(c.value as number, 0).length),
      );
      expect(widest).toBeGreaterThan(0);
      expect(spanChars(layout, 0, key)).toBeGreaterThanOrEqual(widest + 2);
    }
  });
});
