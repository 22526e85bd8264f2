/**
 * III.1 as the handbook prints it (L3294-L3344): "Vốn đầu tư phát triển:" and "Vốn sự nghiệp:"
 * begin the Nội dung/hạng mục cell, the items follow in the same cell. The template sets them
 * there, and a sheet typed by hand that way (no row keys) reads each amount on its own row.
 */
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';

describe('III.1 as printed in the handbook', () => {
  it('prints the money kinds in the Nội dung/hạng mục column, under the program named in the Nguồn vốn column', async () => {
    const layout = layoutForm(getForm('III.1'), { sheetName: 'III.1' });
    const table = layout.tables.find((t) => t.key === 'sources');
    expect(table).toBeDefined();
    const col = (key: string) => table?.columns.find((c) => c.key === key)?.col ?? -1;
    const at = (row: number, c: number) => layout.cells.find((x) => x.row === row && x.col === c)?.value ?? null;
    const dauTu = table?.rowKeys['gnbv-dau-tu'] ?? -1;
    expect(at(dauTu, col('content'))).toBe('Vốn đầu tư phát triển:');
    expect(at(dauTu, col('source'))).toBeNull();
    expect(at(table?.rowKeys['gnbv'] ?? -1, col('source'))).toBe('- Chương trình Giảm nghèo bền vững');
    expect(at(table?.rowKeys['ntm-su-nghiep'] ?? -1, col('content'))).toBe('Vốn sự nghiệp:');
  });

  it('writes given content after the printed money kind, and reads it back without it', async () => {
    const wb = new MemoryWorkbook();
    await wb.createSheet(
      layoutForm(getForm('III.1'), { sheetName: 'III.1', fixedValues: { sources: { 'gnbv-dau-tu': { content: 'Chương trình 135', amount: 450 } } } }),
    );
    const [d] = await wb.readSheets(['III.1']);
    expect(d.values.flat()).toContain('Vốn đầu tư phát triển: Chương trình 135');
    const [r] = (await readWorkbook(wb)).readings;
    expect(r.fixedValues['gnbv-dau-tu']).toMatchObject({ content: 'Chương trình 135', amount: 450 });
  });

  it('reads a sheet typed by hand as the handbook prints it, without row keys', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Phieu III.1': [
        ['BIỂU III.1: Phiếu thông tin định hướng LKH từ cấp huyện'],
        [null, null, 'Xã: Tân Lập'],
        ['2. Các Chương trình, dự án, nguồn vốn tài chính dự kiến để phát triển KT-XH và thực hiện CTMTQG trên địa bàn xã (gồm chi thường xuyên và chi đầu tư) trong năm X+1:'],
        ['Nguồn vốn', 'Nội dung/hạng mục', 'Kinh phí dự kiến phân bổ cho xã năm X+1 (tr.đồng)'],
        [1, 2, 3],
        [' - Chi thường xuyên', 'Chi hoạt động bộ máy', '1.200'],
        [' - Chương trình Giảm nghèo bền vững', null, null],
        [null, 'Vốn đầu tư phát triển: Chương trình 135, đường liên thôn', 450],
        [null, 'Vốn sự nghiệp:CT 135 hỗ trợ sản xuất', '250'],
        [' - Chương trình Nông thôn mới', null, null],
        [null, 'Vốn đầu tư phát triển', 1800],
        [null, 'Vốn sự nghiệp: ', 300],
      ],
    });
    const reading = await readWorkbook(wb);
    const r = reading.readings.find((x) => x.formId === 'III.1');
    expect(r).toBeDefined();
    expect(r?.fixedValues['gnbv-dau-tu']).toMatchObject({ content: 'Chương trình 135, đường liên thôn', amount: 450 });
    expect(r?.fixedValues['gnbv-su-nghiep']).toMatchObject({ content: 'CT 135 hỗ trợ sản xuất', amount: 250 });
    expect(r?.fixedValues['ntm-dau-tu']).toMatchObject({ content: null, amount: 1800 });
    expect(r?.fixedValues['ntm-su-nghiep']).toMatchObject({ content: null, amount: 300 });
    expect(r?.fixedValues['chi-thuong-xuyen']).toMatchObject({ amount: 1200 });
  });
});
