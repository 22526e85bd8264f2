/** SheetsWorkbook over the strict SpreadsheetApp fake: the port contract, and what Sheets adds. */
import type { SheetLayout } from '../../core/src/layout/types';
import type { DocumentState, WorkbookPort } from '../../core/src/port/types';
import { describePortContract, portError } from '../../core/test/port/contract';
import { sampleLayout } from '../../core/test/port/fixtures';
import { LOCK_BUSY_MESSAGE, DocumentLockError } from '../src/server/lock';
import { CachedSpreadsheet } from '../src/server/sheet-cache';
import {
  PRINT_METADATA_KEY,
  PROPERTY_STORE_LIMIT,
  STATE_CELL_CHARS,
  STATE_KEY,
  STATE_PART_PREFIX,
  STATE_SHEET,
  SheetsWorkbook,
  formulaRects,
  heightToPixels,
  mergeRuns,
  printAdvice,
  splitUtf8,
  textForSheets,
  utf8Length,
  widthToPixels,
} from '../src/server/sheets-port';
import type { FakeCellInput, FakeDataValidation } from './fake-spreadsheet';
import { CELL_CHARS, FakeProperties, FakeSpreadsheet, fakeDate, fakeFormatDate } from './fake-spreadsheet';
import { stateToJson } from '../../core/src/port/memory';

type Sheets = Readonly<Record<string, readonly (readonly FakeCellInput[])[]>>;

function open(sheets: Sheets, options: { hidden?: readonly string[] } = {}): { ss: FakeSpreadsheet; port: SheetsWorkbook } {
  const ss = FakeSpreadsheet.fromArrays(sheets, options);
  return { ss, port: new SheetsWorkbook(ss, ss.properties, ss.host()) };
}

/** The same spreadsheet opened again by a later execution (a new adapter, nothing cached). */
const reopen = (ss: FakeSpreadsheet): SheetsWorkbook => new SheetsWorkbook(ss, ss.properties, ss.host());

describePortContract('SheetsWorkbook over the SpreadsheetApp fake', () => {
  const spreadsheets = new WeakMap<WorkbookPort, FakeSpreadsheet>();
  const wrap = (ss: FakeSpreadsheet): SheetsWorkbook => {
    const port = reopen(ss);
    spreadsheets.set(port, ss);
    return port;
  };
  return {
    fromArrays: async (sheets, options) => wrap(FakeSpreadsheet.fromArrays(sheets, options)),
    reopen: async (port) => wrap(spreadsheets.get(port) as FakeSpreadsheet),
    emptySheets: [],
    computesFormulas: true,
    readsMerges: true,
    // Google Sheets allows these characters; '_lkh' stays refused (a large state lives in that hidden sheet).
    allowedNames: ['   ', 'Kế hoạch [2026]', 'Hỏi?'],
  };
});

describe('SheetsWorkbook: beyond the contract', () => {
  const state: DocumentState = { planYear: 2026, unitName: 'Xã Đồng Tâm', extra: { ghiChu: 'Nguyễn Văn Đồng 😀' } };

  it('reads fonts only when asked', async () => {
    const { port, ss } = open({ S: [[{ value: 'NguyÔn V¨n §ång', font: '.VnTime' }]] });
    await port.readSheets(['S']);
    expect(ss.calls.getFontFamilies).toBe(0);
  });

  it('refuses unknown sheets before reading any', async () => {
    const { port, ss } = open({ 'Thôn A': [[1]] });
    ss.resetCalls();
    expect((await portError(port.readSheets(['Thôn A', 'X']))).code).toBe('SHEET_NOT_FOUND');
    expect(ss.calls.getValues).toBe(0);
  });

  it('checks every block before writing any, and releases the lock', async () => {
    const { port, ss } = open({ S: [['a']] });
    await portError(port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [['b']] }, { sheet: 'S', row: 2, col: 0, values: [[1, 2], [3]] }]));
    expect(ss.calls.setValues).toBe(0);
    expect(ss.locks.documentLock.held).toBe(false);
  });

  it('refuses an invalid sheet name before inserting any sheet', async () => {
    const { port, ss } = open({ S: [[1]] });
    expect((await portError(port.createSheet(sampleLayout('A/B')))).code).toBe('SHEET_NAME_INVALID');
    expect(ss.calls.insertSheet).toBe(0);
  });

  it('leaves the spreadsheet as it was when applying the layout fails', async () => {
    const { port, ss } = open({ 'II.4.B': [['cũ']] });
    const bad: SheetLayout = sampleLayout('II.4.B', { styles: { ...sampleLayout().styles, header: { fill: 'not a colour' } } });
    await expect(port.createSheet(bad)).rejects.toThrow('Invalid color');
    expect(await port.listSheets()).toEqual(['II.4.B']);
    expect(ss.locks.documentLock.held).toBe(false);
  });

  it('deletes sheets with one deleteSheet each and one flush, under the document lock', async () => {
    const { ss, port } = open({ 'II.4.B (cũ)': [[1]], Khác: [[2]], 'II.4.B (cũ 2)': [[3]], 'II.4.B': [[4]] });
    ss.resetCalls();
    await port.deleteSheets(['ii.4.b (CŨ 2)', 'II.4.B (cũ)', 'ii.4.b (cũ)']);
    expect(ss.calls.deleteSheet).toBe(2);
    expect(ss.calls.flush).toBe(1);
    expect(ss.locks.documentLock.tries).toEqual([10_000]);
    expect(ss.locks.documentLock.held).toBe(false);
    expect(ss.sheets.map((s) => s.getName())).toEqual(['Khác', 'II.4.B']);
    // Nothing to delete: no lock, no flush.
    await port.deleteSheets([]);
    expect(ss.locks.documentLock.tries).toEqual([10_000]);
    expect(ss.calls.flush).toBe(1);
  });

  it('refuses a deletion before calling deleteSheet, and releases the lock', async () => {
    const { ss, port } = open({ A: [[1]], B: [[2]] }, { hidden: ['B'] });
    ss.resetCalls();
    for (const names of [['A'], ['A', 'B'], ['B', 'Không có'], ['_lkh']]) await portError(port.deleteSheets(names));
    expect(ss.calls.deleteSheet).toBe(0);
    expect(ss.locks.documentLock.held).toBe(false);
    expect(ss.sheets.map((s) => s.getName())).toEqual(['A', 'B']);
  });

  it('deletes nothing while another user holds the document lock', async () => {
    const { ss, port } = open({ A: [[1]], B: [[2]] });
    ss.locks.holdByAnotherUser();
    await expect(port.deleteSheets(['B'])).rejects.toThrow(DocumentLockError);
    expect(ss.calls.deleteSheet).toBe(0);
    ss.locks.releaseByAnotherUser();
    await port.deleteSheets(['B']);
    expect(await reopen(ss).listSheets()).toEqual(['A']);
  });

  it('copies the print set-up with the sheet', async () => {
    const { ss, port } = open({});
    await port.createSheet(sampleLayout('Mẫu'));
    await port.copySheet('Mẫu', 'Thôn A - II.4.B');
    expect(reopen(ss).printSetup('Thôn A - II.4.B')).toEqual(sampleLayout().print);
  });

  it('shows the copy of a hidden sheet', async () => {
    const { port } = open({ A: [[1]], B: [[2]] }, { hidden: ['B'] });
    await port.copySheet('B', 'C');
    const [c] = await port.readSheets(['C']);
    expect(c.hidden).toBe(false);
  });

  it('keeps the state in the document properties', async () => {
    const { ss, port } = open({ S: [[1]] });
    await port.writeState(state);
    expect(ss.properties.store.get(STATE_KEY)).toBe('lkh-state/1|1');
  });

  it('splits a state over 9 KB across properties under the per-value limit, reads it back, then drops the extra pieces', async () => {
    const notes = Array.from({ length: 1500 }, (_, i) => `Ghi chú số ${i}: đường giao thông nội đồng thôn ${i % 7} 😀`);
    const big: DocumentState = { ...state, extra: { notes } };
    expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
    const { ss, port } = open({ S: [[1]] });
    ss.properties.setProperty('khác', 'giữ nguyên');
    await port.writeState(big);
    const parts = [...ss.properties.store.keys()].filter((k) => k.startsWith(STATE_PART_PREFIX));
    expect(parts.length).toBeGreaterThan(5);
    for (const k of parts) expect(utf8Length(ss.properties.store.get(k) as string)).toBeLessThanOrEqual(FakeProperties.VALUE_LIMIT);
    expect(ss.properties.calls.setProperties).toBe(1);
    expect(await reopen(ss).readState()).toEqual(big);

    await port.writeState({ planYear: 2027 });
    expect([...ss.properties.store.keys()].sort()).toEqual(['khác', STATE_KEY, `${STATE_PART_PREFIX}0`].sort());
    expect(await reopen(ss).readState()).toEqual({ planYear: 2027 });
  });

  /** What a 60-village commune's state holds after a consolidation: the undo record of the written activities dominates (~600 KB). */
  function communeState(raise: number): DocumentState {
    const activities = Array.from({ length: 60 }, (_, v) => `Thôn ${v + 1}`).flatMap((thon) =>
      Array.from({ length: 40 }, (_, i) => ({
        thon,
        noiDung: `Bê tông hóa đường ngõ xóm ${thon}, đoạn ${i + 1} (dài ${120 + i} m)`,
        kinhPhi: 150_000_000 + i * 1_000_000,
        nguon: 'Chương trình MTQG xây dựng nông thôn mới',
      })),
    );
    return {
      planYear: 2026,
      unitName: 'Xã Đồng Tâm',
      extra: { lastChange: { before: activities, after: activities.map((a) => ({ ...a, kinhPhi: a.kinhPhi + raise })) } },
    };
  }

  /** Column A of the state sheet as text, up to its last filled row. */
  function stateCells(ss: FakeSpreadsheet): unknown[] {
    const sheet = ss.sheet(STATE_SHEET);
    return sheet
      .getRange(1, 1, sheet.getMaxRows(), 1)
      .getValues()
      .map((r) => r[0])
      .filter((v) => v !== '');
  }

  it('keeps a state over the 500 KB store in the hidden sheet _lkh, one copy only, back in properties when it shrinks', async () => {
    const { ss, port } = open({ 'Thôn 1': [['Nội dung']] });
    ss.properties.setProperty('khác', 'giữ nguyên');
    const notes = Array.from({ length: 1500 }, (_, i) => `Ghi chú số ${i}: đường giao thông nội đồng thôn ${i % 7}`);
    await port.writeState({ ...state, extra: { notes } });
    expect([...ss.properties.store.keys()].filter((k) => k.startsWith(STATE_PART_PREFIX)).length).toBeGreaterThan(5);

    const big = communeState(5_000_000);
    expect(utf8Length(stateToJson(big))).toBeGreaterThan(PROPERTY_STORE_LIMIT);
    ss.resetCalls();
    await port.writeState(big);
    const head = ss.properties.store.get(STATE_KEY) as string;
    expect(head).toMatch(/^lkh-state-sheet\/1\|\d+$/);
    const count = Number(head.split('|')[1]);
    expect(count).toBe(Math.ceil(stateToJson(big).length / STATE_CELL_CHARS));
    // The pieces left in properties are gone; the other property stays.
    expect([...ss.properties.store.keys()].sort()).toEqual(['khác', STATE_KEY].sort());
    expect(ss.sheet(STATE_SHEET).isSheetHidden()).toBe(true);
    // Shown again by hand, the sheet warns before an edit.
    expect(ss.sheet(STATE_SHEET).protections.map((p) => [p.warningOnly, p.description])).toEqual([
      [true, 'LKH: trạng thái của tiện ích (năm kế hoạch, các lần tổng hợp). Không sửa, không xóa trang này.'],
    ]);
    expect(ss.calls.setValues).toBe(1);
    // The cells are flushed before lkh.state points at them, then once more as every write ends.
    expect(ss.calls.flush).toBe(2);
    const cells = stateCells(ss);
    expect(cells).toHaveLength(count);
    for (const c of cells) expect((c as string).length).toBeLessThanOrEqual(STATE_CELL_CHARS);
    expect(cells.join('')).toBe(stateToJson(big));
    expect(await reopen(ss).readState()).toEqual(big);

    // Never shown as a user's sheet.
    expect(await reopen(ss).listSheets()).toEqual(['Thôn 1']);
    expect((await portError(port.readSheets([STATE_SHEET]))).code).toBe('SHEET_NOT_FOUND');
    expect((await portError(port.writeValues([{ sheet: STATE_SHEET, row: 0, col: 0, values: [['x']] }]))).code).toBe('SHEET_NOT_FOUND');
    expect((await portError(port.deleteSheets([STATE_SHEET]))).code).toBe('SHEET_NOT_FOUND');

    // A smaller state still over the limit: the rows the larger one used below are emptied.
    const { before, after } = (big.extra as { lastChange: { before: unknown[]; after: unknown[] } }).lastChange;
    const smaller: DocumentState = { ...big, extra: { lastChange: { before, after: after.slice(0, 800) } } };
    expect(utf8Length(stateToJson(smaller))).toBeGreaterThan(PROPERTY_STORE_LIMIT);
    await port.writeState(smaller);
    expect(stateCells(ss).length).toBeLessThan(count);
    expect(stateCells(ss).join('')).toBe(stateToJson(smaller));
    expect(await reopen(ss).readState()).toEqual(smaller);

    // Small again: back in the properties, the state sheet removed.
    await port.writeState({ planYear: 2027 });
    expect(ss.properties.store.get(STATE_KEY)).toBe('lkh-state/1|1');
    expect(ss.sheets.map((s) => s.getName())).toEqual(['Thôn 1']);
    expect(await reopen(ss).readState()).toEqual({ planYear: 2027 });
    expect(ss.properties.store.get('khác')).toBe('giữ nguyên');
  });

  it('moves the state to the sheet and back through the sheet cache the add-on runs with', async () => {
    const { ss } = open({ S: [[1]] });
    const cached = (): SheetsWorkbook => new SheetsWorkbook(new CachedSpreadsheet(ss), ss.properties, ss.host());
    const port = cached();
    const big = communeState(1_000_000);
    await port.writeState(big);
    expect(await port.listSheets()).toEqual(['S']);
    expect(await cached().readState()).toEqual(big);
    await port.writeState({ planYear: 2027 });
    expect(ss.sheets.map((s) => s.getName())).toEqual(['S']);
    expect(await cached().readState()).toEqual({ planYear: 2027 });
  });

  it('keeps each piece of the state sheet as text, whatever it begins with', async () => {
    const lead = stateToJson({ extra: { text: '' } }).indexOf('"text":"') + '"text":"'.length;
    // Cells 2, 3, 4 begin with a formula, an apostrophe, and are all digits.
    const whole = (start: string, fill: string): string => start + fill.repeat(STATE_CELL_CHARS - start.length);
    const cellsOf = [whole('=SUM(A1:A2)', 'b'), whole("'nháy", 'c'), whole('0', '1')];
    const text = 'a'.repeat(STATE_CELL_CHARS - lead) + cellsOf.join('') + 'đ'.repeat(300_000);
    const odd: DocumentState = { extra: { text } };
    const { ss, port } = open({ S: [[1]] });
    await port.writeState(odd);
    const cells = stateCells(ss);
    cellsOf.forEach((c, i) => expect(cells[i + 1]).toBe(c));
    expect(await reopen(ss).readState()).toEqual(odd);
  });

  it('does not split a character made of two UTF-16 units across cells', async () => {
    const lead = stateToJson({ extra: { text: '' } }).indexOf('"text":"') + '"text":"'.length;
    const text = `${'a'.repeat(STATE_CELL_CHARS - lead - 1)}😀${'😀'.repeat(150_000)}`;
    const { ss, port } = open({ S: [[1]] });
    await port.writeState({ extra: { text } });
    // No cell starts with the second half or ends with the first half of a pair.
    for (const c of stateCells(ss)) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(c as string)).toBe(false);
    expect(await reopen(ss).readState()).toEqual({ extra: { text } });
  });

  it('refuses a state when the other properties leave no room even for where it is, keeping the old one', async () => {
    const { ss, port } = open({ S: [[1]] });
    const old: DocumentState = { extra: { text: 'đ'.repeat(300_000) } };
    await port.writeState(old);
    const oldHead = ss.properties.store.get(STATE_KEY) as string;
    let room = PROPERTY_STORE_LIMIT - utf8Length(STATE_KEY) - utf8Length(oldHead);
    for (let i = 0; room > 0; i++) {
      const key = `ghi.chu.${String(i).padStart(3, '0')}`;
      const value = 'x'.repeat(Math.min(8_000, room - key.length));
      ss.properties.setProperty(key, value);
      room -= key.length + value.length;
    }
    // Twice as many pieces: one more digit in lkh.state, one byte the store has not.
    const e = await portError(port.writeState({ extra: { text: 'đ'.repeat(600_000) } }));
    expect(e.code).toBe('STATE_INVALID');
    expect(e.message).toContain('500 KB');
    expect(await reopen(ss).readState()).toEqual(old);
  });

  it('refuses a state sheet with a missing piece or a missing sheet, naming the piece', async () => {
    const { ss, port } = open({ S: [[1]] });
    await port.writeState(communeState(0));
    const n = Number((ss.properties.store.get(STATE_KEY) as string).split('|')[1]);
    ss.sheet(STATE_SHEET).getRange(2, 1, 1, 1).setValues([['']]);
    const e = await portError(reopen(ss).readState());
    expect(e.code).toBe('STATE_INVALID');
    expect(e.message).toBe(`Trạng thái tài liệu lưu trong bảng tính bị hỏng (thiếu phần 2/${n}).`);
    ss.sheet(STATE_SHEET).getRange(1, 1, 1, 1).setValues([["'{\"planYear\":2026"]]);
    ss.sheet(STATE_SHEET).getRange(2, 1, 1, 1).setValues([["'}"]]);
    expect((await portError(reopen(ss).readState())).code).toBe('STATE_INVALID');
    ss.deleteSheet(ss.sheet(STATE_SHEET));
    expect((await portError(reopen(ss).readState())).message).toBe(`Trạng thái tài liệu lưu trong bảng tính bị hỏng (thiếu phần 1/${n}).`);
    ss.properties.setProperty(STATE_KEY, 'lkh-state-sheet/1|x');
    expect((await portError(reopen(ss).readState())).code).toBe('STATE_INVALID');
  });

  it('writes nothing of a large state while another user holds the document lock', async () => {
    const { ss, port } = open({ S: [[1]] });
    await port.writeState({ planYear: 2026 });
    ss.resetCalls();
    ss.locks.holdByAnotherUser();
    await expect(port.writeState(communeState(0))).rejects.toThrow(DocumentLockError);
    expect(ss.calls).toMatchObject({ setValues: 0, insertSheet: 0 });
    expect(ss.sheets.map((s) => s.getName())).toEqual(['S']);
    expect(await port.readState()).toEqual({ planYear: 2026 });
  });

  it('refuses what JSON cannot hold, and a damaged or newer state', async () => {
    const { ss, port } = open({ S: [[1]] });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect((await portError(port.writeState({ extra: cyclic }))).code).toBe('STATE_INVALID');
    ss.properties.setProperties({ [STATE_KEY]: 'lkh-state/1|2', [`${STATE_PART_PREFIX}0`]: '{"planYear":' });
    expect((await portError(port.readState())).message).toContain('thiếu phần 2/2');
    ss.properties.setProperty(STATE_KEY, 'lkh-state/9|1');
    expect((await portError(port.readState())).message).toContain('lkh-state/9');
  });
});

describe('SheetsWorkbook: what Google Sheets adds', () => {
  it('sets the alignments and wrapping most styles share once for the area, and every styled cell still has its own', async () => {
    const layout = sampleLayout('Căn');
    const { ss, port } = open({});
    await port.createSheet(layout);
    const sheet = ss.getSheetByName('Căn');
    for (const c of layout.cells) {
      const style = layout.styles[c.style];
      const format = sheet?.formatCell(c.row, c.col);
      const h = format?.hAlign ?? 'normal';
      expect([c.row, c.col, format?.vAlign ?? 'bottom', format?.wrap ?? false, h]).toEqual([c.row, c.col, style?.vAlign ?? 'bottom', style?.wrap ?? false, style?.hAlign ?? 'normal']);
    }
  });

  it('merges runs of one-row (or one-column) merges with one call each, and the sheet holds the same merges', async () => {
    // Prose lines A:H on rows 1-4, a two-row header B:C, column merges D1:D2 and E1:E2 side by side.
    const merges = [
      ...[0, 1, 2, 3].map((row) => ({ row, col: 0, rows: 1, cols: 8 })),
      { row: 6, col: 1, rows: 2, cols: 2 },
      { row: 10, col: 3, rows: 2, cols: 1 },
      { row: 10, col: 4, rows: 2, cols: 1 },
      { row: 20, col: 0, rows: 1, cols: 3 },
    ];
    expect(mergeRuns(merges).map((r) => `${r.how} ${r.row},${r.col} ${r.rows}x${r.cols}`).sort()).toEqual(['across 0,0 4x8', 'merge 20,0 1x3', 'merge 6,1 2x2', 'vertically 10,3 2x2']);
    const { ss, port } = open({});
    const cells = merges.map((m) => ({ row: m.row, col: m.col, value: `ô ${m.row},${m.col}`, style: 'text' as const }));
    await port.createSheet({ ...sampleLayout('Gộp'), cells, merges });
    expect(ss.calls.merge + ss.calls.mergeAcross + ss.calls.mergeVertically).toBe(4);
    const held = ss.getSheetByName('Gộp')?.merges.map((m) => `${m.row},${m.col} ${m.rows}x${m.cols}`).sort();
    expect(held).toEqual(merges.map((m) => `${m.row},${m.col} ${m.rows}x${m.cols}`).sort());
  });

  it('reads each sheet with one getValues and one getFormulas, and never flushes on a read', async () => {
    const { ss, port } = open({ A: [[1, 2], [3, 4]], B: [['x']], C: [] });
    await port.readSheets(['A', 'B', 'C']);
    expect(ss.calls.getValues).toBe(3);
    expect(ss.calls.getFormulas).toBe(3);
    expect(ss.calls.getFontFamilies).toBe(0);
    expect(ss.calls.getMergedRanges).toBe(3);
    await port.readSheets(['A', 'B'], { fonts: true });
    expect(ss.calls.getValues).toBe(5);
    expect(ss.calls.getFontFamilies).toBe(2);
    expect(ss.calls.flush).toBe(0);
    expect(ss.locks.documentLock.tries).toEqual([]);
  });

  it('writes each block with one setValues, a formula block with one setFormulas, and flushes once under the lock', async () => {
    const { ss, port } = open({ S: [[1]], T: [[1]] });
    const rows = Array.from({ length: 300 }, (_, i) => [`Hoạt động ${i}`, i, i * 1000]);
    await port.writeValues([
      { sheet: 'S', row: 1, col: 0, values: rows },
      { sheet: 'T', row: 0, col: 1, values: [['x', 'y']] },
      { sheet: 'T', row: 5, col: 0, values: [[{ formula: 'SUM(A1:A2)' }, { formula: 'A1*2' }]] },
      { sheet: 'T', row: 9, col: 0, values: [] },
    ]);
    expect(ss.calls.setValues).toBe(2);
    expect(ss.calls.setFormulas).toBe(1);
    expect(ss.calls.flush).toBe(1);
    expect(ss.locks.documentLock.tries).toEqual([10_000]);
    expect(ss.locks.documentLock.held).toBe(false);
    const [s, t] = await port.readSheets(['S', 'T']);
    expect(s.values[300]).toEqual(['Hoạt động 299', 299, 299000]);
    expect(t.values[5]).toEqual([1, 2, null]);
  });

  it('writes formulas mixed with values as rectangles of setFormulas', () => {
    const f = { formula: 'A1' };
    expect(
      formulaRects([
        [1, f, f, 2],
        [1, f, f, 2],
        [f, 2, null, f],
        [f, f, f, f],
      ]),
    ).toEqual([
      { row: 0, col: 1, rows: 2, cols: 2 },
      { row: 2, col: 0, rows: 1, cols: 1 },
      { row: 2, col: 3, rows: 1, cols: 1 },
      { row: 3, col: 0, rows: 1, cols: 4 },
    ]);
  });

  it('grows the grid beyond 1000 rows and 26 columns before writing', async () => {
    const { ss, port } = open({ S: [[1]] });
    await port.writeValues([{ sheet: 'S', row: 1200, col: 30, values: [['xa']] }]);
    expect(ss.sheet('S').getMaxRows()).toBe(1201);
    expect(ss.sheet('S').getMaxColumns()).toBe(31);
    const [s] = await port.readSheets(['S']);
    expect(s.values[1200][30]).toBe('xa');
  });

  // Text equal to an error code ('#REF!') still reads back as that error: getValues cannot tell them apart.
  it('keeps text that Sheets would parse as a number, date, boolean or formula', async () => {
    const { ss, port } = open({ S: [] });
    const texts = ['0123', 'TRUE', '=A1', '05/01/2026', '10%', '1.000.000', "'trích'", ' 5', 'Thôn 5', 'Xã Đồng Tâm'];
    await port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [texts] }]);
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual([texts]);
    expect(s.errors).toEqual([]);
    expect(s.formulas).toEqual([texts.map(() => null)]);
    // Without the apostrophe the fake parses them, as Sheets does.
    ss.sheet('S').getRange(2, 1, 1, 3).setValues([['0123', 'TRUE', '05/01/2026']]);
    expect(ss.sheet('S').getRange(2, 1, 1, 3).getValues()).toEqual([[123, true, fakeDate(2026, 1, 5)]]);
    expect(textForSheets('Xã Đồng Tâm')).toBe('Xã Đồng Tâm');
    expect(textForSheets('Thôn 5')).toBe("'Thôn 5");
  });

  it("gives date cells as 'dd/mm/yyyy' in the spreadsheet's time zone", async () => {
    const d = fakeDate(2026, 1, 5);
    expect(d.toISOString()).toBe('2026-01-04T17:00:00.000Z');
    const { port } = open({ S: [['Ngày lập', d], ['Hạn', { formula: 'B1+30', value: fakeDate(2026, 2, 4) }]] });
    const [s] = await port.readSheets(['S']);
    expect(s.values).toEqual([
      ['Ngày lập', '05/01/2026'],
      ['Hạn', '04/02/2026'],
    ]);
    expect(fakeFormatDate(new Date('2026-12-31T17:30:00Z'), 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy')).toBe('01/01/2027');
  });

  it('applies the layout: formats per style, widths in pixels, heights, frozen rows, validations; print set-up recorded', async () => {
    const { ss, port } = open({});
    await port.createSheet(sampleLayout());
    const sheet = ss.sheet('II.4.B');
    const fmt = (a1: string): ReturnType<typeof sheet.formatAt> => {
      const r = sheet.getRangeA1(a1);
      return sheet.formatAt(r.row, r.col);
    };
    expect(fmt('A1')).toMatchObject({ font: 'Times New Roman', size: 14, bold: true, hAlign: 'center', vAlign: 'middle', wrap: true });
    // The title's merge A1:D1 carries its format across.
    expect(fmt('D1')).toMatchObject({ size: 14, bold: true });
    expect(fmt('B3')).toMatchObject({ bold: true, border: true, background: '#f2f2f2', hAlign: 'center' });
    expect(fmt('D4')).toMatchObject({ border: true, hAlign: 'right', numberFormat: '#,##0;-#,##0;""' });
    expect(fmt('D6')).toMatchObject({ bold: true, numberFormat: '#,##0' });
    expect(fmt('B4')).toMatchObject({ size: 11, bold: false, border: true, vAlign: 'top' });
    expect(fmt('E10')).toMatchObject({ font: 'Arial', size: 10 });
    expect([...sheet.columnWidths.entries()]).toEqual([
      [0, widthToPixels(6)],
      [1, widthToPixels(40)],
      [2, widthToPixels(12)],
      [3, widthToPixels(16)],
    ]);
    expect(widthToPixels(40)).toBe(285);
    expect(sheet.rowHeights.get(0)).toBe(heightToPixels(30));
    expect(sheet.rowHeights.get(2)).toBe(32);
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.frozenCols).toBe(0);

    const list = sheet.validationAt(3, 1) as FakeDataValidation;
    expect(list.criteria).toBe('VALUE_IN_LIST');
    expect(list.args).toEqual([['Đường giao thông', 'Nhà văn hoá', 'Trường học'], true]);
    expect(list.allowInvalid).toBe(false);
    const whole = sheet.validationAt(4, 2) as FakeDataValidation;
    expect(whole.criteria).toBe('CUSTOM_FORMULA');
    expect(whole.args).toEqual(['=AND(ISNUMBER(C4),C4=INT(C4),C4>=0)']);
    expect(whole.helpText).toBe('Nhập số nguyên từ 0 trở lên.');
    const decimal = sheet.validationAt(3, 3) as FakeDataValidation;
    expect(decimal.criteria).toBe('NUMBER_BETWEEN');
    expect(decimal.args).toEqual([0, 1e12]);
    expect(decimal.helpText).toBe('Nhập số từ 0 đến 1.000.000.000.000.');

    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual([PRINT_METADATA_KEY]);
    expect(port.printSetup('II.4.B')).toEqual(sampleLayout().print);
    expect(printAdvice(sampleLayout().print)).toBe(
      'Google Trang tính không cho tiện ích đặt trang in. Khi in (Tệp > In), hãy chọn: khổ giấy A4, hướng ngang, tỷ lệ "Vừa với chiều rộng", ' +
        'cố định hàng 3 và bật "Lặp lại hàng đã cố định" để in lại tiêu đề bảng trên mỗi trang, vùng in A1:D6.',
    );
  });

  it('creates a sheet with one setValues, one setFormulas, a few format calls and one flush', async () => {
    const { ss, port } = open({});
    await port.createSheet(sampleLayout());
    expect(ss.calls).toMatchObject({ setValues: 1, setFormulas: 1, merge: 1, setDataValidation: 3, flush: 1, insertSheet: 1, getValues: 0 });
    // One RangeList per style with a format: title, header, center, text, number, amount, fixedBold, amountTotal.
    expect(ss.calls.getRangeList).toBe(8);
  });

  it('applies a layout wider than 26 columns and a list longer than 500 items through a hidden lists sheet', async () => {
    const { ss, port } = open({ Khác: [[1]] });
    const values = Array.from({ length: 620 }, (_, i) => `Xã số ${i + 1}`);
    const layout = sampleLayout('Rộng', {
      columnWidths: Array.from({ length: 30 }, () => 10),
      cells: [...sampleLayout().cells, { row: 2, col: 29, value: 'Cột 30', style: 'header' }],
      validations: [{ kind: 'list', row: 3, col: 1, rows: 2, cols: 1, values }],
    });
    await port.createSheet(layout);
    await port.createSheet({ ...layout, name: 'Rộng 2' });
    expect(await port.listSheets()).toEqual(['Khác', 'Rộng', 'Rộng 2']);
    const lists = ss.sheet('_lkh_lists');
    expect(lists.isSheetHidden()).toBe(true);
    expect(lists.getMaxRows()).toBe(1000);
    const rule = ss.sheet('Rộng').validationAt(3, 1) as FakeDataValidation;
    expect(rule.criteria).toBe('VALUE_IN_RANGE');
    // The second sheet reuses the same column of the lists sheet.
    expect(lists.getLastColumn()).toBe(1);
    expect(lists.getRange(1, 1, 620, 1).getValues().map((r) => r[0])).toEqual(values);
    const [wide] = await port.readSheets(['Rộng']);
    expect(wide.values[2][29]).toBe('Cột 30');
    expect(ss.sheet('Rộng').getMaxColumns()).toBe(30);
  });

  describe('the document lock', () => {
    it('refuses every write with a clear Vietnamese message when another user holds it, writing nothing', async () => {
      const { ss, port } = open({ S: [['a']] });
      await port.writeState({ planYear: 2026 });
      ss.resetCalls();
      const before = new Map(ss.properties.store);
      ss.locks.holdByAnotherUser();
      const attempts: Promise<unknown>[] = [
        port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [['b']] }]),
        port.createSheet(sampleLayout()),
        port.copySheet('S', 'T'),
        port.writeState({ planYear: 2027 }),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toThrow(DocumentLockError);
        await expect(attempt).rejects.toThrow(LOCK_BUSY_MESSAGE);
      }
      expect(LOCK_BUSY_MESSAGE).toBe('Có người khác đang cập nhật bảng tính này; vui lòng thử lại sau ít phút.');
      expect(ss.calls).toMatchObject({ setValues: 0, setFormulas: 0, insertSheet: 0, flush: 0 });
      expect(new Map(ss.properties.store)).toEqual(before);
      expect(await port.listSheets()).toEqual(['S']);
      const [s] = await port.readSheets(['S']);
      expect(s.values).toEqual([['a']]);
      expect(await port.readState()).toEqual({ planYear: 2026 });

      ss.locks.releaseByAnotherUser();
      await port.writeValues([{ sheet: 'S', row: 0, col: 0, values: [['b']] }]);
      expect((await port.readSheets(['S']))[0].values).toEqual([['b']]);
    });
  });
});

describe('the strict fake itself', () => {
  it("throws Apps Script's message when setValues gets the wrong shape", () => {
    const ss = FakeSpreadsheet.fromArrays({ S: [] });
    const range = ss.sheet('S').getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => ss.sheet('S').getRange(1, 27, 1, 1)).toThrow('Those columns are out of bounds.');
    expect(ss.sheet('S').hasContent(0, 0)).toBe(false);
  });

  it('deletes a sheet of this spreadsheet, never the only one', () => {
    const ss = FakeSpreadsheet.fromArrays({ A: [], B: [] });
    const other = FakeSpreadsheet.fromArrays({ A: [] });
    expect(() => ss.deleteSheet(other.sheet('A'))).toThrow('Invalid argument: sheet');
    ss.deleteSheet(ss.sheet('A'));
    expect(() => ss.deleteSheet(ss.sheet('B'))).toThrow("You can't remove all the sheets in a document.");
    expect(ss.sheets.map((s) => s.getName())).toEqual(['B']);
  });

  it('refuses a cell over 50,000 characters, as Sheets does', () => {
    const ss = FakeSpreadsheet.fromArrays({ S: [] });
    expect(() => ss.sheet('S').getRange(1, 1, 1, 1).setValues([['x'.repeat(CELL_CHARS + 1)]])).toThrow('more than the maximum of 50000 characters in a single cell');
    expect(ss.sheet('S').hasContent(0, 0)).toBe(false);
  });

  it('enforces 9 KB per property value and 500 KB per store', () => {
    const props = new FakeProperties();
    expect(() => props.setProperty('a', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('a', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = 'đ'.repeat(4500);
    expect(() => props.setProperties(many)).toThrow('exceeded the property storage quota');
    expect(props.getKeys()).toEqual(['a']);
  });

  it('refuses merging across a merge, freezing through one, and more than 500 list items', () => {
    const ss = FakeSpreadsheet.fromArrays({ S: [] });
    const sheet = ss.sheet('S');
    sheet.getRange(1, 1, 2, 2).merge();
    expect(() => sheet.getRange(2, 2, 2, 2).merge()).toThrow('You must select all cells in a merged range');
    expect(() => sheet.setFrozenRows(1)).toThrow('not possible to freeze rows');
    const items = Array.from({ length: 501 }, (_, i) => String(i));
    expect(() => ss.app.newDataValidation().requireValueInList(items, true).build()).toThrow('more items than the limit of 500');
  });

  it('splits text by UTF-8 bytes without cutting a character', () => {
    const text = 'aĐồ😀'.repeat(100);
    const pieces = splitUtf8(text, 10);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(utf8Length(p)).toBeLessThanOrEqual(10);
    expect(utf8Length('aĐồ😀')).toBe(1 + 2 + 3 + 4);
  });
});
