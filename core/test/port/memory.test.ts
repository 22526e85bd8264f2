/** MemoryWorkbook beyond the shared contract: test helpers, applied layouts, call counts. */
import { MemoryWorkbook, PortError, checkBlocks, toSheetData } from '../../src/port/memory';
import { copyName } from '../../src/port';
import { TEST_STYLES, sampleLayout } from './fixtures';

describe('MemoryWorkbook', () => {
  it('builds from arrays: plain values, formulas with cached values, errors, fonts', () => {
    const wb = MemoryWorkbook.fromArrays({
      S: [
        [1, '', { formula: '=A1+1', value: 2 }],
        [{ error: '#N/A' }, { value: 'NguyÔn', font: '.VnTime' }, null],
      ],
    });
    expect(wb.cell('S', 0, 0)).toEqual({ value: 1 });
    expect(wb.cell('S', 0, 1)).toBeUndefined();
    expect(wb.cell('S', 0, 2)).toEqual({ value: 2, formula: 'A1+1' });
    expect(wb.cell('S', 1, 0)).toEqual({ value: null, error: '#N/A' });
    expect(wb.cell('S', 1, 1)).toEqual({ value: 'NguyÔn', font: '.VnTime' });
    expect(() => wb.cell('T', 0, 0)).toThrow('Không có trang tính "T".');
  });

  it('refuses duplicate names in arrays, whatever the case', () => {
    const wb = MemoryWorkbook.fromArrays({ A: [] });
    expect(() => wb.addSheet('a')).toThrow(PortError);
  });

  it('starts with a given state and hidden sheets', async () => {
    const wb = MemoryWorkbook.fromArrays({ A: [[1]], B: [[2]] }, { state: { planYear: 2026 }, hidden: ['B'] });
    expect(await wb.readState()).toEqual({ planYear: 2026 });
    expect(wb.sheet('B').hidden).toBe(true);
    wb.setHidden('B', false);
    const [b] = await wb.readSheets(['B']);
    expect(b.hidden).toBe(false);
  });

  it('keeps the applied layout: styles per cell, validations, print setup, sizes, freeze', async () => {
    const wb = new MemoryWorkbook();
    const layout = sampleLayout();
    await wb.createSheet(layout);
    expect(wb.styleAt('II.4.B', 0, 0)).toEqual({ name: 'title', style: TEST_STYLES.title });
    expect(wb.styleAt('II.4.B', 3, 3)).toEqual({ name: 'amount', style: TEST_STYLES.amount });
    expect(wb.styleAt('II.4.B', 1, 0)).toBeUndefined();
    expect(wb.cell('II.4.B', 5, 3)).toEqual({ value: 4000000, formula: 'SUM(D4:D5)', font: 'Times New Roman', style: 'amountTotal' });
    const sheet = wb.sheet('II.4.B');
    expect(sheet.validations).toEqual(layout.validations);
    expect(sheet.print).toEqual(layout.print);
    expect(sheet.columnWidths).toEqual([6, 40, 12, 16]);
    expect(sheet.rowHeights).toEqual({ 0: 30, 2: 24 });
    expect(sheet.freeze).toEqual({ rows: 3, cols: 0 });
  });

  it('keeps styles and fonts when values are written, and gives a written formula no value', async () => {
    const wb = new MemoryWorkbook();
    await wb.createSheet(sampleLayout());
    await wb.writeValues([{ sheet: 'II.4.B', row: 3, col: 3, values: [[{ formula: 'C4*750000' }]] }]);
    expect(wb.cell('II.4.B', 3, 3)).toEqual({ value: null, formula: 'C4*750000', font: 'Times New Roman', style: 'amount' });
    await wb.writeValues([{ sheet: 'II.4.B', row: 3, col: 3, values: [[null]] }]);
    expect(wb.cell('II.4.B', 3, 3)).toEqual({ value: null, font: 'Times New Roman', style: 'amount' });
    const [s] = await wb.readSheets(['II.4.B']);
    expect(s.values[3][3]).toBeNull();
  });

  it('copies a sheet with its styles, validations and print setup, as a visible sheet', async () => {
    const wb = new MemoryWorkbook();
    await wb.createSheet(sampleLayout('Mẫu'));
    wb.setHidden('Mẫu', true);
    await wb.copySheet('Mẫu', 'Bản sao');
    expect(wb.styleAt('Bản sao', 2, 1)).toEqual({ name: 'header', style: TEST_STYLES.header });
    expect(wb.sheet('Bản sao').validations).toEqual(wb.sheet('Mẫu').validations);
    expect(wb.sheet('Bản sao').hidden).toBe(false);
    // The copy is independent of its source.
    await wb.writeValues([{ sheet: 'Bản sao', row: 3, col: 1, values: [['Trường học']] }]);
    expect(wb.cell('Mẫu', 3, 1)?.value).toBe('Đường giao thông');
  });

  it('counts calls, so tests can check that callers batch', async () => {
    const wb = MemoryWorkbook.fromArrays({ A: [[1]], B: [[2]], C: [[3]] });
    await wb.readSheets(['A', 'B', 'C']);
    await wb.writeValues([
      { sheet: 'A', row: 0, col: 0, values: [[1, 2]] },
      { sheet: 'B', row: 0, col: 0, values: [[3], [4]] },
    ]);
    await wb.createSheet(sampleLayout());
    await wb.writeState({});
    await wb.readState();
    await wb.deleteSheets(['A', 'B']);
    expect(wb.stats).toEqual({
      listSheets: 0,
      readSheets: 1,
      sheetsRead: 3,
      writeValues: 1,
      cellsWritten: 4,
      createSheet: 1,
      copySheet: 0,
      deleteSheets: 1,
      readState: 1,
      writeState: 1,
    });
  });

  it('gives a copy of the state, never the state itself', async () => {
    const wb = new MemoryWorkbook();
    const extra = { n: 1 };
    await wb.writeState({ extra });
    extra.n = 2;
    expect(await wb.readState()).toEqual({ extra: { n: 1 } });
  });
});

describe('port rules', () => {
  it('names copies within 31 characters, case-insensitively unique', () => {
    expect(copyName('II.4.B', [])).toBe('II.4.B (cũ)');
    expect(copyName('II.4.B', ['ii.4.b (CŨ)'])).toBe('II.4.B (cũ 2)');
  });

  it('builds SheetData as the bounding box of the cells given', () => {
    const data = toSheetData(
      'S',
      [
        { row: 5, col: 3, value: 'a', formula: null, error: null, font: 'Arial' },
        { row: 2, col: 4, value: null, formula: 'X1', error: '#NAME?', font: null },
      ],
      [],
      false,
      { fonts: true },
    );
    expect(data).toEqual({
      name: 'S',
      top: 2,
      left: 3,
      values: [[null, null], [null, null], [null, null], ['a', null]],
      formulas: [[null, 'X1'], [null, null], [null, null], [null, null]],
      errors: [{ row: 2, col: 4, code: '#NAME?' }],
      fonts: [[null, null], [null, null], [null, null], ['Arial', null]],
      merges: [],
      hidden: false,
    });
  });

  it('refuses blocks beyond the grid', () => {
    expect(() => checkBlocks([{ sheet: 'S', row: 1_048_575, col: 0, values: [[1], [2]] }], () => true, () => [])).toThrow(/vượt quá/);
  });
});
