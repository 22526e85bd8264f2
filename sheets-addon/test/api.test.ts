/**
 * The server's API before bundling (native promises), over SheetsWorkbook on the strict fake:
 * what the browser sends is checked, uploaded sheets never replace a tab, names stay legal.
 */
import { SheetsWorkbook } from '../src/server/sheets-port';
import { IMPORT_CELL_LIMIT, checkLayout, cleanSheetName, createServerApi, uniqueSheetName } from '../src/server/api';
import { communePlanLayouts } from './data';
import { buildMenu, errorLine, splitEmails } from '../src/server/menu';
import { MENU_ITEMS } from '../src/server/entry-points';
import { protectCommuneSheet } from '../src/server/protect';
import { communeVillages } from './data';
import { FakeUi } from './fake-apps-script';
import { FakeSpreadsheet } from './fake-spreadsheet';
import type { UiSurface } from '../src/server/menu';

function api(ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] })) {
  const port = new SheetsWorkbook(ss, ss.properties, ss.host());
  return {
    ss,
    api: createServerApi({
      port,
      selectCell: (sheet, cell) => void ss.sheet(sheet).getRange(cell).activate(),
      protect: (sheet, options) => protectCommuneSheet(ss, sheet, options, ss.protectDeps()),
      now: () => 0,
      lock: { lockService: ss.locks, flush: () => ss.app.flush() },
    }),
  };
}

describe('tab names', () => {
  it('cleans what Sheets refuses and keeps 31 characters', () => {
    expect(cleanSheetName('Xã Tân Lập: II.6/B [bản 2]')).toBe('Xã Tân Lập II.6 B bản 2');
    expect(cleanSheetName("'Thôn A'")).toBe('Thôn A');
    expect(cleanSheetName('_lkh')).toBe('Trang _lkh');
    expect(cleanSheetName('')).toBe('Trang');
    expect(cleanSheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('never takes a name in use, whatever the case', () => {
    expect(uniqueSheetName('II.6.B', ['ii.6.b'])).toBe('II.6.B (2)');
    expect(uniqueSheetName('II.6.B', ['II.6.B', 'II.6.B (2)'])).toBe('II.6.B (3)');
    expect(uniqueSheetName('y'.repeat(31), ['y'.repeat(31)])).toBe(`${'y'.repeat(27)} (2)`);
  });
});

describe('importSheets', () => {
  it('adds the sheets as new tabs with their forms recorded, beside a tab of the same name', async () => {
    const { ss, api: a } = api(FakeSpreadsheet.fromArrays({ 'Thôn 1 - I.2': [['typed by hand']] }));
    const [layout] = communeVillages(0, 1);
    const r = await a.importSheets({ file: 'thon.xlsx', sheets: [{ layout, formId: 'I.2' }] });
    expect(r).toEqual({ sheets: ['Thôn 1 - I.2 (2)'], forms: { 'Thôn 1 - I.2 (2)': 'I.2' } });
    expect(ss.sheet('Thôn 1 - I.2').getDataRange().getValues()).toEqual([['typed by hand']]);
    expect((await a.validate()).forms).toEqual(expect.arrayContaining([{ sheet: 'Thôn 1 - I.2 (2)', formId: 'I.2' }]));
  });

  it('refuses what is not a layout, or too much for one call', async () => {
    const { api: a } = api();
    await expect(a.importSheets({ file: 'x', sheets: [{ layout: { name: 'A' } }] } as never)).rejects.toThrow(/Dữ liệu gửi từ bảng điều khiển không hợp lệ/);
    const [layout] = communeVillages(0, 1);
    const bad = { ...layout, cells: [{ row: -1, col: 0, value: 'x', style: 'text' }] };
    expect(() => checkLayout(bad)).toThrow(/ô của trang/);
    expect(() => checkLayout({ ...layout, cells: [{ row: 0, col: 0, value: { evil: true }, style: 'text' }] })).toThrow(/giá trị ô/);
    const huge = { ...layout, cells: Array.from({ length: IMPORT_CELL_LIMIT + 1 }, (_, i) => ({ row: i, col: 0, value: 1, style: 'number' })) };
    await expect(a.importSheets({ file: 'to.xlsx', sheets: [{ layout: huge }] } as never)).rejects.toThrow(/quá nhiều để ghi trong một lần/);
  });
});

describe('requests from the browser', () => {
  it('rollUp refuses negative funds; protectSheet refuses roll-up sheets and malformed requests', async () => {
    const { api: a } = api();
    await expect(a.rollUp({ funds: -5 })).rejects.toThrow('Số vốn cấp trên nắm giữ phải là một số không âm');
    await expect(a.protectSheet({ sheet: 'Tổng hợp theo lĩnh vực', editors: ['a@b.vn'] })).rejects.toThrow(/không phải trang của một xã/);
    await expect(a.protectSheet({ sheet: 'Trang tính1', editors: 'a@b.vn' } as never)).rejects.toThrow(/bảo vệ trang/);
  });

  it('exportData sends the package sheets recorded in the state', async () => {
    const { api: a } = api();
    const [layout] = communeVillages(0, 1);
    await a.importSheets({ file: 'x', sheets: [{ layout: { ...layout, name: 'Bản II.6.B' }, formId: 'II.6.B' }] });
    const d = await a.exportData();
    expect(d.sheets.map((s) => s.name)).toEqual(['Bản II.6.B']);
    expect(d.state.sheetForms).toEqual({ 'Bản II.6.B': 'II.6.B' });
  });
});

describe('menu', () => {
  it('lists the items in order, the protection apart', () => {
    const ui = new FakeUi();
    buildMenu(ui as unknown as UiSurface);
    expect(ui.menus[0].items).toEqual([...MENU_ITEMS.slice(0, 3).map((m) => ({ caption: m.caption, fn: m.fn })), 'separator', { caption: MENU_ITEMS[3].caption, fn: MENU_ITEMS[3].fn }]);
  });

  it('errors become one line, addresses are split', () => {
    expect(errorLine(new Error('Exception: Có người khác đang cập nhật.\n    at x (Code:1)'))).toBe('Có người khác đang cập nhật.');
    expect(errorLine(undefined)).toMatch(/lỗi không mong muốn/);
    expect(splitEmails(' a@b.vn, c@d.vn;e@f.vn  g@h.vn ')).toEqual(['a@b.vn', 'c@d.vn', 'e@f.vn', 'g@h.vn']);
  });
});

describe('the grid of a tab made from a layout', () => {
  it('keeps the layout plus spare rows and columns, not the default 1000 × 26', async () => {
    const { ss, api: a } = api();
    const [layout] = communeVillages(0, 1);
    await a.importSheets({ file: 'thon.xlsx', sheets: [{ layout, formId: 'I.2' }] });
    const sheet = ss.sheet('Thôn 1 - I.2');
    const used = sheet.getDataRange();
    expect(sheet.getMaxRows()).toBeLessThanOrEqual(Math.max(layout.print.area.rows, used.getNumRows()) + 100);
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(used.getNumRows() + 100);
    expect(sheet.getMaxColumns() * sheet.getMaxRows()).toBeLessThan(26_000 / 2);
    expect(ss.calls.flush).toBe(1);
  });
});

describe('the roll-up and the 6-minute limit', () => {
  it('stops before writing anything when reading took too long', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    let clock = 0;
    const port = new SheetsWorkbook(ss, ss.properties, ss.host());
    const a = createServerApi({
      port,
      selectCell: () => undefined,
      protect: () => Promise.reject(new Error('not used')),
      lock: { lockService: ss.locks, flush: () => ss.app.flush() },
      now: () => (clock += 100_000),
      readBudgetMs: 150_000,
    });
    const plan = await communePlanLayouts(0, { forms: ['II.6.B'] });
    await a.importSheets({ file: 'x', sheets: plan.sheets });
    const before = ss.getSheets().map((s) => s.getName());
    await expect(a.rollUp({})).rejects.toThrow(/chưa ghi gì\. Hãy để mỗi xã chỉ các trang II\.6\.A, II\.6\.B/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(before);
    expect(ss.locks.documentLock.held).toBe(false);
  });
});
