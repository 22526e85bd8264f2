/**
 * The contract of the workbook port, written once and run against every adapter: MemoryWorkbook
 * and XlsxWorkbook (core/test/port/contract.test.ts), OfficeWorkbook over the strict office-js
 * fake (excel-addin/test/office-port.test.ts) and SheetsWorkbook over the strict SpreadsheetApp
 * fake (sheets-addon/test/sheets-port.test.ts). What a host adds (syncs, request sizes, locks,
 * where the state is kept) is tested beside its adapter; here only what every adapter promises.
 */
import { PortError } from '../../src/port/memory';
import type { DocumentState, SheetData, WorkbookPort } from '../../src/port/types';
import { copiesOf } from '../../src/port/types';
import type { ArraySheets } from './fixtures';
import { sampleLayout } from './fixtures';
import type { LongColumn, LongRow } from '../../src/workflow/upper-level';
import { longLayout, readLongTable } from '../../src/workflow/upper-level';

/** One adapter under the contract, and the few ways its host legitimately differs. */
export interface PortHarness {
  /** A workbook holding these sheets, in this order (rows of cells as MemoryWorkbook takes them). */
  fromArrays(sheets: ArraySheets, options?: { readonly hidden?: readonly string[] }): Promise<WorkbookPort>;
  /** The workbook as found again later: the same object in memory, a file saved and loaded, a new adapter over the same host document. */
  reopen(port: WorkbookPort): Promise<WorkbookPort>;
  /** Sheets an otherwise empty workbook holds (Excel keeps one visible sheet; files and Sheets none). */
  readonly emptySheets: readonly string[];
  /** Whether the host computes written formulas (Excel, Google Sheets) or a file keeps them uncomputed until opened. */
  readonly computesFormulas: boolean;
  /** Whether merged areas can be read back (not before ExcelApi 1.13). */
  readonly readsMerges: boolean;
  /** Sheet names Excel refuses that this host accepts (Google Sheets allows [ ] ?). */
  readonly allowedNames: readonly string[];
}

/** The PortError a call rejects with (fails the test when it resolves or throws something else). */
export async function portError(p: Promise<unknown>): Promise<PortError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PortError);
    return e as PortError;
  }
  throw new Error('expected a PortError');
}

/** Runs every case of the port contract against the adapter `harness()` gives. */
export function describePortContract(name: string, harness: () => PortHarness): void {
  describe(`${name}: the WorkbookPort contract`, () => {
    const h = harness();
    const empty = h.emptySheets;
  describe('reading', () => {
    it('lists sheets in tab order, hidden ones included', async () => {
      const port = await h.fromArrays({ 'Thôn A': [[1]], 'Ẩn': [[2]], 'Thôn B': [[3]] }, { hidden: ['Ẩn'] });
      expect(await port.listSheets()).toEqual(['Thôn A', 'Ẩn', 'Thôn B']);
      const [a, hidden] = await port.readSheets(['Thôn A', 'Ẩn']);
      expect(a.hidden).toBe(false);
      expect(hidden.hidden).toBe(true);
    });

    it('reads several sheets in one batch, each as its used range', async () => {
      const port = await h.fromArrays({
        A: [
          [null, null, null],
          [null, null, null],
          [null, null, 'x', null, 5],
          [null, null, null, true],
        ],
        B: [['một', 2.5]],
        C: [],
      });
      const [c, a, b] = await port.readSheets(['C', 'A', 'B']);
      expect(a).toMatchObject({ name: 'A', top: 2, left: 2, errors: [], merges: [] });
      expect(a.values).toEqual([
        ['x', null, 5],
        [null, true, null],
      ]);
      expect(a.formulas).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
      expect(a.fonts).toBeUndefined();
      expect(b).toMatchObject({ name: 'B', top: 0, left: 0, values: [['một', 2.5]] });
      expect(c).toMatchObject({ name: 'C', values: [], errors: [], merges: [] });
    });

    it('gives formulas with their cached values, and errors as codes with null values', async () => {
      const port = await h.fromArrays({
        S: [
          [1, 2, { formula: 'A1+B1', value: 3 }],
          [{ error: '#REF!' }, { formula: '1/0', error: '#DIV/0!' }, { formula: 'A1*5' }],
        ],
      });
      const [s] = await port.readSheets(['S']);
      expect(s.values).toEqual([
        [1, 2, 3],
        [null, null, null],
      ]);
      expect(s.formulas).toEqual([
        [null, null, 'A1+B1'],
        [null, '1/0', 'A1*5'],
      ]);
      expect(s.errors).toEqual([
        { row: 1, col: 0, code: '#REF!' },
        { row: 1, col: 1, code: '#DIV/0!' },
      ]);
    });

    it('gives font names only when asked', async () => {
      const port = await h.fromArrays({ S: [[{ value: 'NguyÔn V¨n §ång', font: '.VnTime' }, { value: 'Toâi', font: 'VNI-Times' }]] });
      const [without] = await port.readSheets(['S']);
      expect(without.fonts).toBeUndefined();
      const [s] = await port.readSheets(['S'], { fonts: true });
      expect(s.values).toEqual([['NguyÔn V¨n §ång', 'Toâi']]);
      expect(s.fonts).toEqual([['.VnTime', 'VNI-Times']]);
    });

    it('finds sheets whatever the case, and refuses unknown ones in Vietnamese', async () => {
      const port = await h.fromArrays({ 'Thôn A': [[1]] });
      const [s] = await port.readSheets(['thôn a']);
      expect(s.name).toBe('Thôn A');
      const e = await portError(port.readSheets(['Thôn A', 'X']));
      expect(e.code).toBe('SHEET_NOT_FOUND');
      expect(e.message).toBe('Không có trang tính "X".');
    });
  });

  describe('writing values', () => {
    it('writes blocks of values and formulas that read back', async () => {
      let port = await h.fromArrays({ S: [['Tên', 'Số']], T: [] });
      await port.writeValues([
        { sheet: 'S', row: 1, col: 0, values: [['a', 1], ['b', 2]] },
        { sheet: 'S', row: 3, col: 1, values: [[{ formula: 'SUM(B2:B3)' }]] },
        { sheet: 'T', row: 4, col: 2, values: [[true, '', null, 0]] },
      ]);
      port = await h.reopen(port);
      const [s, t] = await port.readSheets(['S', 'T']);
      expect(s.values).toEqual([
        ['Tên', 'Số'],
        ['a', 1],
        ['b', 2],
        [null, h.computesFormulas ? 3 : null],
      ]);
      expect(s.formulas?.[3]).toEqual([null, 'SUM(B2:B3)']);
      expect(t).toMatchObject({ top: 4, left: 2, values: [[true, null, null, 0]] });
    });

    it('clears cells with null or an empty string and keeps their font', async () => {
      const port = await h.fromArrays({ S: [[{ value: 'x', font: '.VnTime' }, 'y', 'z']] });
      await port.writeValues([{ sheet: 'S', row: 0, col: 1, values: [[null, '']] }]);
      await port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [['NguyÔn']] }]);
      const [s] = await port.readSheets(['S'], { fonts: true });
      expect(s.values).toEqual([['NguyÔn']]);
      expect(s.fonts).toEqual([['.VnTime']]);
    });

    it('checks every block before writing any', async () => {
      const port = await h.fromArrays({ S: [['a']] });
      const ragged = await portError(
        port.writeValues([
          { sheet: 'S', row: 0, col: 0, values: [['b']] },
          { sheet: 'S', row: 2, col: 0, values: [[1, 2], [3]] },
        ]),
      );
      expect(ragged.code).toBe('BLOCK_INVALID');
      expect(ragged.message).toContain('không phải hình chữ nhật');
      const unknown = await portError(port.writeValues([{ sheet: 'Không có', row: 0, col: 0, values: [[1]] }]));
      expect(unknown.message).toBe('Không có trang tính "Không có".');
      expect((await portError(port.writeValues([{ sheet: 'S', row: -1, col: 0, values: [[1]] }]))).code).toBe('BLOCK_INVALID');
      expect((await portError(port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [[Number.NaN]] }]))).code).toBe('BLOCK_INVALID');
      const [s] = await port.readSheets(['S']);
      expect(s.values).toEqual([['a']]);
    });

    it('writes a merged area through its top-left cell only', async () => {
      const port = await h.fromArrays({});
      await port.createSheet(sampleLayout('F'));
      await port.writeValues([{ sheet: 'F', row: 0, col: 0, values: [['TIÊU ĐỀ MỚI', null, '', null]] }]);
      const [f] = await port.readSheets(['F']);
      expect(f.values[0]).toEqual(['TIÊU ĐỀ MỚI', null, null, null]);
      if (h.readsMerges) {
        const e = await portError(port.writeValues([{ sheet: 'F', row: 0, col: 0, values: [['a', 'b']] }]));
        expect(e.message).toContain('vùng gộp A1:D1');
      } else {
        // The host cannot tell the adapter where merges are (ExcelApi < 1.13): the host itself refuses.
        await expect(port.writeValues([{ sheet: 'F', row: 0, col: 0, values: [['a', 'b']] }])).rejects.toBeDefined();
      }
    });
  });

  describe('creating sheets from layouts', () => {
    it('writes values, formulas, merges and the layout font', async () => {
      let port = await h.fromArrays({});
      expect(await port.createSheet(sampleLayout())).toEqual({});
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual([...empty, 'II.4.B']);
      const [s] = await port.readSheets(['II.4.B'], { fonts: true });
      expect(s.top).toBe(0);
      expect(s.left).toBe(0);
      expect(s.values).toEqual([
        ['KẾ HOẠCH THỰC HIỆN', null, null, null],
        [null, null, null, null],
        ['TT', 'Nội dung', 'Số lượng', 'Thành tiền'],
        [1, 'Đường giao thông', 2, 1500000],
        [2, 'Nhà văn hoá', 1, 2500000],
        [null, 'Tổng cộng', null, 4000000],
      ]);
      expect(s.formulas?.[5][3]).toBe('SUM(D4:D5)');
      expect(s.merges).toEqual(h.readsMerges ? [{ row: 0, col: 0, rows: 1, cols: 4 }] : []);
      expect(s.fonts?.[2]).toEqual(['Times New Roman', 'Times New Roman', 'Times New Roman', 'Times New Roman']);
      // Values only (the upper level's roll-up): the same values, no merges, no formulas.
      const [bare] = await port.readSheets(['II.4.B'], { formulas: false, merges: false });
      expect(bare.values).toEqual(s.values);
      expect(bare.merges).toEqual([]);
    });

    it('keeps a replaced sheet as a copy, never destroying it', async () => {
      const port = await h.fromArrays({ 'II.4.B': [['dữ liệu cũ']], Khác: [[1]] });
      expect(await port.createSheet(sampleLayout('ii.4.b'))).toEqual({ keptCopy: 'II.4.B (cũ)' });
      expect(await port.createSheet(sampleLayout('II.4.B'), { existing: 'copy' })).toEqual({ keptCopy: 'ii.4.b (cũ 2)' });
      expect(await port.listSheets()).toEqual(['II.4.B (cũ)', 'Khác', 'ii.4.b (cũ 2)', 'II.4.B']);
      const [old] = await port.readSheets(['II.4.B (cũ)']);
      expect(old.values).toEqual([['dữ liệu cũ']]);
      const [now] = await port.readSheets(['II.4.B']);
      expect(now.values[0][0]).toBe('KẾ HOẠCH THỰC HIỆN');
    });

    it('numbers further copies and keeps names within 31 characters', async () => {
      const long = 'Thôn Đồng Tâm - II.4.B (bản 2)';
      expect(long.length).toBe(30);
      const port = await h.fromArrays({ [long]: [[1]], [`${long.slice(0, 26)} (cũ)`]: [[2]] });
      const { keptCopy } = await port.createSheet(sampleLayout(long));
      expect(keptCopy).toBe(`${long.slice(0, 24)} (cũ 2)`);
      expect(keptCopy?.length).toBeLessThanOrEqual(31);
    });

    it("refuses to replace a sheet with existing: 'fail'", async () => {
      const port = await h.fromArrays({ 'II.4.B': [['cũ']] });
      const e = await portError(port.createSheet(sampleLayout('II.4.B'), { existing: 'fail' }));
      expect(e.code).toBe('SHEET_EXISTS');
      expect(await port.listSheets()).toEqual(['II.4.B']);
    });

    it.each(
      [
      ['', 'SHEET_NAME_INVALID'],
      ['   ', 'SHEET_NAME_INVALID'],
      ['Tên rất dài của một trang tính quá 31', 'SHEET_NAME_INVALID'],
      ['A/B', 'SHEET_NAME_INVALID'],
      ['Kế hoạch [2026]', 'SHEET_NAME_INVALID'],
      ['Hỏi?', 'SHEET_NAME_INVALID'],
      ["'Trích'", 'SHEET_NAME_INVALID'],
      ['history', 'SHEET_NAME_RESERVED'],
      ['_lkh', 'SHEET_NAME_RESERVED'],
      ['_LKH_riêng', 'SHEET_NAME_RESERVED'],
      ].filter(([name]) => !h.allowedNames.includes(name)),
    )('refuses the sheet name %j', async (name, code) => {
      const port = await h.fromArrays({ S: [[1]] });
      const e = await portError(port.createSheet(sampleLayout(name)));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(/[Tt]ên trang tính|Excel dành riêng/);
      expect(await port.listSheets()).toEqual(['S']);
    });
  });

  describe('copying sheets', () => {
    it('copies values, formulas and merges under a new name', async () => {
      let port = await h.fromArrays({});
      await port.createSheet(sampleLayout('Mẫu'));
      await port.copySheet('mẫu', 'Thôn A - II.4.B');
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual([...empty, 'Mẫu', 'Thôn A - II.4.B']);
      const [a, b] = await port.readSheets(['Mẫu', 'Thôn A - II.4.B'], { fonts: true });
      expect(b.name).toBe('Thôn A - II.4.B');
      expect({ ...b, name: a.name }).toEqual(a);
    });

    it('refuses a taken or invalid name and an unknown source', async () => {
      const port = await h.fromArrays({ A: [[1]], B: [[2]] });
      expect((await portError(port.copySheet('A', 'b'))).code).toBe('SHEET_EXISTS');
      expect((await portError(port.copySheet('A', 'x:y'))).code).toBe('SHEET_NAME_INVALID');
      expect((await portError(port.copySheet('Z', 'C'))).message).toBe('Không có trang tính "Z".');
    });
  });

  describe('deleting sheets', () => {
    it('deletes the named sheets whatever the case, hidden ones too, and they stay gone', async () => {
      let port = await h.fromArrays({ 'II.4.B': [['mới']], 'II.4.B (cũ)': [['cũ']], Khác: [[1]], 'II.4.B (cũ 2)': [['cũ hơn']], Ẩn: [[2]] }, { hidden: ['Ẩn'] });
      await port.deleteSheets(['ii.4.b (CŨ)', 'II.4.B (cũ 2)', 'II.4.B (Cũ)', 'ẩn']);
      expect(await port.listSheets()).toEqual(['II.4.B', 'Khác']);
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual(['II.4.B', 'Khác']);
      expect((await portError(port.readSheets(['II.4.B (cũ)']))).code).toBe('SHEET_NOT_FOUND');
      const [kept, other] = await port.readSheets(['II.4.B', 'Khác']);
      expect(kept.values).toEqual([['mới']]);
      expect(other.values).toEqual([[1]]);
    });

    it('removes the kept copies of a sheet, and the next copy takes the first name again', async () => {
      const port = await h.fromArrays({ 'II.4.B': [['lần 1']], Khác: [[1]] });
      await port.createSheet(sampleLayout('II.4.B'));
      await port.createSheet(sampleLayout('II.4.B'));
      const copies = copiesOf('II.4.B', await port.listSheets());
      expect(copies).toEqual(['II.4.B (cũ)', 'II.4.B (cũ 2)']);
      await port.deleteSheets(copies);
      expect(await port.listSheets()).toEqual(['Khác', 'II.4.B']);
      expect(await port.createSheet(sampleLayout('II.4.B'))).toEqual({ keptCopy: 'II.4.B (cũ)' });
    });

    it('refuses an unknown name in Vietnamese and deletes nothing', async () => {
      let port = await h.fromArrays({ A: [[1]], B: [[2]] });
      const e = await portError(port.deleteSheets(['A', 'X']));
      expect(e.code).toBe('SHEET_NOT_FOUND');
      expect(e.message).toBe('Không có trang tính "X".');
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual(['A', 'B']);
    });

    it("refuses the add-in's own state sheet and deletes nothing", async () => {
      // Where the host keeps the state elsewhere (Google Sheets: document properties), "_lkh" is simply no sheet.
      let port = await h.fromArrays({ S: [[1]], T: [[2]] });
      await port.writeState({ planYear: 2026 });
      for (const names of [['_lkh'], ['_LKH'], ['T', '_lkh'], ['_lkh_lists']]) {
        expect((await portError(port.deleteSheets(names))).code).toBe('SHEET_NOT_FOUND');
      }
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual(['S', 'T']);
      expect(await port.readState()).toEqual({ planYear: 2026 });
    });

    it('refuses to leave no visible sheet, and deletes nothing', async () => {
      let port = await h.fromArrays({ A: [[1]], B: [[2]], C: [[3]] }, { hidden: ['C'] });
      const e = await portError(port.deleteSheets(['A', 'b']));
      expect(e.code).toBe('SHEET_LAST_VISIBLE');
      expect(e.message).toBe('Không xóa được "A", "B": sổ làm việc phải còn ít nhất một trang tính không ẩn.');
      port = await h.reopen(port);
      expect(await port.listSheets()).toEqual(['A', 'B', 'C']);
      await port.deleteSheets(['A', 'C']);
      expect((await portError(port.deleteSheets(['B']))).code).toBe('SHEET_LAST_VISIBLE');
      expect(await port.listSheets()).toEqual(['B']);
    });

    it("counts the sheets an empty workbook holds (Excel's Sheet1) among the visible ones", async () => {
      const port = await h.fromArrays({});
      await port.createSheet(sampleLayout('F'));
      if (empty.length > 0) {
        await port.deleteSheets(['F']);
        expect(await port.listSheets()).toEqual(empty);
        expect((await portError(port.deleteSheets(empty))).code).toBe('SHEET_LAST_VISIBLE');
      } else {
        expect((await portError(port.deleteSheets(['F']))).code).toBe('SHEET_LAST_VISIBLE');
        expect(await port.listSheets()).toEqual(['F']);
      }
    });

    it('does nothing when asked to delete no sheet', async () => {
      const port = await h.fromArrays({ A: [[1]] });
      await port.deleteSheets([]);
      expect(await port.listSheets()).toEqual(['A']);
      const none = await h.fromArrays({});
      await none.deleteSheets([]);
      expect(await none.listSheets()).toEqual(empty);
    });
  });

  describe('document state', () => {
    const state: DocumentState = {
      planYear: 2026,
      unitName: 'Xã Đồng Tâm',
      level: 'xa',
      period: '2026-2030',
      upperLevelName: 'tỉnh',
      sheetForms: { 'Thôn A - II.4.B': 'II.4.B' as never },
      extra: { checklist: { buoc1: true }, ghiChu: 'Nguyễn Văn Đồng 😀' },
    };

    it('is empty when never written', async () => {
      const port = await h.fromArrays({ S: [[1]] });
      expect(await port.readState()).toEqual({});
    });

    it('round-trips, and is no sheet to list or read', async () => {
      let port = await h.fromArrays({ S: [[1]] });
      await port.writeState(state);
      port = await h.reopen(port);
      expect(await port.readState()).toEqual(state);
      expect(await port.listSheets()).toEqual(['S']);
      expect((await portError(port.readSheets(['_lkh']))).code).toBe('SHEET_NOT_FOUND');
      expect((await portError(port.writeValues([{ sheet: '_lkh', row: 0, col: 0, values: [[1]] }]))).code).toBe('SHEET_NOT_FOUND');
    });

    it('holds a large state (over 40 KB), then a smaller one', async () => {
      const notes = Array.from({ length: 1500 }, (_, i) => `Ghi chú số ${i}: đường giao thông nội đồng thôn ${i % 7} 😀`);
      const big: DocumentState = { ...state, extra: { notes } };
      expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
      let port = await h.fromArrays({ S: [[1]] });
      await port.writeState(big);
      port = await h.reopen(port);
      expect(await port.readState()).toEqual(big);
      await port.writeState({ planYear: 2027 });
      port = await h.reopen(port);
      expect(await port.readState()).toEqual({ planYear: 2027 });
    });

    it('refuses what JSON cannot hold', async () => {
      const port = await h.fromArrays({ S: [[1]] });
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect((await portError(port.writeState({ extra: cyclic }))).code).toBe('STATE_INVALID');
    });
  });

  describe('the upper level\'s long tables (one header row, a row per record, numbers as numbers)', () => {
    const columns: readonly LongColumn[] = [
      { key: 'commune', header: 'Xã', width: 16 },
      { key: 'activity', header: 'Hoạt động', width: 30 },
      { key: 'total', header: 'Tổng số (1.000 đồng)', width: 12, kind: 'amount' },
      { key: 'priority', header: 'Ưu tiên của xã', width: 6, kind: 'number' },
      { key: 'key', header: 'Mã dòng (LKH)', width: 20 },
    ];
    const rows: LongRow[] = [
      { commune: 'Xã Tân Lập', activity: 'Bê tông hóa đường thôn Nà Lìu', total: 350000, priority: 1, key: 'ten:be tong hoa duong' },
      { commune: 'Xã Tân Lập', activity: 'Hỗ trợ giống lúa lai', total: 2500.5, priority: null, key: 'ten:ho tro giong' },
      { commune: 'Xã Hòa Bình', activity: 'Nhà văn hóa "Bản Mới" – 2027', total: 0, priority: 2, key: 'ten:nha van hoa' },
    ];

    it('writes the header in row 1 and one row per record, no merged cell; reads them back by header', async () => {
      let port = await h.fromArrays({});
      await port.createSheet(longLayout('Dữ liệu xã II.6.B', columns, rows));
      port = await h.reopen(port);
      const [d] = await port.readSheets(['Dữ liệu xã II.6.B'], { merges: true });
      expect(d).toMatchObject({ top: 0, left: 0, merges: [] });
      expect(d.values[0]).toEqual(columns.map((c) => c.header));
      const back = readLongTable(d, columns);
      expect(back.rows).toEqual(rows.map((r) => ({ ...r })));
      expect(back.sheetRows).toEqual([1, 2, 3]);
      expect(back.rows.map((r) => typeof r.total)).toEqual(['number', 'number', 'number']);
    });

    it('takes rows appended below the last one and rows cleared in place (a commune imported again)', async () => {
      let port = await h.fromArrays({});
      await port.createSheet(longLayout('Dữ liệu xã II.6.B', columns, rows));
      // Xã Tân Lập sent again: its two rows cleared where they stand, its new row appended (beyond the sheet's grid).
      await port.writeValues([
        { sheet: 'Dữ liệu xã II.6.B', row: 1, col: 0, values: [[null, null, null, null, null], [null, null, null, null, null]] },
        { sheet: 'Dữ liệu xã II.6.B', row: 4, col: 0, values: [['Xã Tân Lập', 'Kênh mương nội đồng', 120000, 1, 'ten:kenh muong']] },
      ]);
      port = await h.reopen(port);
      const [d] = await port.readSheets(['Dữ liệu xã II.6.B']);
      const back = readLongTable(d, columns);
      expect(back.rows.map((r) => [r.commune, r.activity, r.total])).toEqual([
        ['Xã Hòa Bình', 'Nhà văn hóa "Bản Mới" – 2027', 0],
        ['Xã Tân Lập', 'Kênh mương nội đồng', 120000],
      ]);
      expect(back.sheetRows).toEqual([3, 4]);
    });

    it('finds each column by its header wherever a person moved it', async () => {
      const port = await h.fromArrays({ T: [['Hoạt động', 'Ghi chú riêng', 'Tổng số (1.000 đồng)', 'Xã'], ['Làm cầu', 'x', 1000, 'Xã Cốc Ly']] });
      const [d] = await port.readSheets(['T']);
      expect(readLongTable(d, columns).rows).toEqual([{ activity: 'Làm cầu', total: 1000, commune: 'Xã Cốc Ly' }]);
    });
  });

  it('reads back what it wrote, sheet for sheet (a read is a pure function of the workbook)', async () => {
    const port = await h.fromArrays({ S: [['a', { formula: 'A1', value: 'a' }]] });
    const first: SheetData[] = await port.readSheets(['S'], { fonts: true });
    const second: SheetData[] = await port.readSheets(['S'], { fonts: true });
    expect(second).toEqual(first);
  });
  });
}
