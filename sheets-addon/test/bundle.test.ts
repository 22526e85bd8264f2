/**
 * The built add-on (scripts/build-sheets.mjs into a temporary folder), loaded as Apps Script loads
 * it: Code.js in a Node `vm` context whose globals are the strict fake (SpreadsheetApp,
 * HtmlService, PropertiesService, LockService, Session, Utilities). Proves the entry points exist
 * at top level, onOpen builds the menu and touches nothing else, every menu item and every
 * sidebar call names a top-level function, and the commune's consolidation, the upper level's
 * roll-up, uploads and protection run through the bundled functions. Plus the manifest and the
 * self-contained Sidebar.html. No Google login anywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KEY_COLUMN_HEADER } from '../../core/src/layout/engine';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { APPRAISALS_SHEET, COMMUNES_SHEET, DATA_TABLES, FEEDBACK_TABLE, FEEDBACK_VIEW, RANKING_SHEET, SUMMARY_SHEET, UPPER_REPORT_SHEET } from '../../core/src/workflow/upper-level';
import { LOCK_BUSY_MESSAGE } from '../src/server/lock';
import type { ImportRequest, RollUpView } from '../src/server/entry-points';
import { ENTRY_POINTS, MENU_ITEMS, SIDEBAR_FUNCTIONS } from '../src/server/entry-points';
import { createCaller, createRemoteClient } from '../src/sidebar/remote';
import type { Call } from '../src/sidebar/remote';
import { importRequests } from '../src/sidebar/xlsx-import';
import { XLSX_LIB_GLOBAL, scriptOf } from '../src/sidebar/xlsx-loader';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { communePlanLayouts, communeVillages } from './data';
import type { BuiltAddon, ServerContext } from './fake-apps-script';
import { ROOT, appsScriptWorld, buildAddon, fakeScriptRun, loadServer, serverCall, topLevelFunctions } from './fake-apps-script';
import { FakeSpreadsheet } from './fake-spreadsheet';

let built: BuiltAddon;

beforeAll(() => {
  built = buildAddon();
});

/** A spreadsheet as Google makes it (one empty sheet), with the add-on loaded. */
function open(ss: FakeSpreadsheet = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] })) {
  const world = appsScriptWorld(ss, { Sidebar: built.sidebarHtml as string, XlsxLib: built.xlsxLibHtml as string });
  const context = loadServer(built.code, world);
  const call = <T>(name: string, ...args: unknown[]): T => serverCall(context, name, ...args) as T;
  return { ss, world, context, call };
}

/** Values of a sheet of the fake, as displayed text. */
function texts(ss: FakeSpreadsheet, sheet: string): string[][] {
  return ss.sheet(sheet).getDataRange().getDisplayValues();
}

async function importCommuneVillages(call: <T>(name: string, ...args: unknown[]) => T, i = 0): Promise<string[]> {
  const request: ImportRequest = { file: 'thon.xlsx', sheets: communeVillages(i).map((layout) => ({ layout, formId: 'I.2' })) };
  return call<{ sheets: string[] }>('importSheets', request).sheets;
}

describe('appsscript.json', () => {
  it('is V8 with exactly the two scopes, no addOns block, Vietnam time', () => {
    for (const manifest of [built.manifest, JSON.parse(readFileSync(path.join(ROOT, 'manifests', 'appsscript.json'), 'utf8')) as Record<string, unknown>]) {
      expect(manifest.runtimeVersion).toBe('V8');
      expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
      expect(manifest).not.toHaveProperty('addOns');
    }
  });
});

describe('Code.js in Apps Script', () => {
  it('is one IIFE defining LKH, then a top-level function for every entry point, and nothing runs at load', () => {
    const { world, context } = open();
    expect(world.log).toEqual([]);
    expect(typeof context.LKH).toBe('object');
    const top = topLevelFunctions(context);
    expect([...top].sort()).toEqual([...ENTRY_POINTS].sort());
    for (const name of ENTRY_POINTS) expect(built.code).toContain(`function ${name}(...args) {\n  return LKH.${name}(...args);\n}`);
    // ExcelJS stays in the sidebar: the server is small and parsed on every call.
    expect(built.code).not.toMatch(/exceljs|ExcelJS/);
    expect(built.code.length).toBeLessThan(1024 * 1024);
  });

  it('onOpen builds the menu and does nothing else', () => {
    const { ss, world, call, context } = open();
    call('onOpen', { authMode: 'NONE' });
    expect(world.log).toEqual(['SpreadsheetApp.getUi']);
    expect(world.ui.calls.every((c) => c === 'Ui.createAddonMenu' || c.startsWith('Menu.'))).toBe(true);
    expect(Object.values(ss.calls).every((n) => n === 0)).toBe(true);
    expect(Object.values(ss.properties.calls).every((n) => n === 0)).toBe(true);
    expect(ss.locks.documentLock.tries).toEqual([]);
    // Tiện ích → LKH: the items, each naming a top-level function of the bundle.
    const [menu] = world.ui.menus;
    const items = menu.items.filter((i) => i !== 'separator') as { caption: string; fn: string }[];
    expect(items.map((i) => i.caption)).toEqual(['Mở bảng điều khiển', 'Kiểm tra biểu mẫu', 'Tổng hợp một lần bấm', 'Bảo vệ trang của xã']);
    expect(items.map((i) => i.fn)).toEqual(MENU_ITEMS.map((m) => m.fn));
    const top = topLevelFunctions(context);
    for (const i of items) expect(top).toContain(i.fn);
    // onInstall does the same.
    const again = open();
    again.call('onInstall', {});
    expect(again.world.ui.menus[0].items).toEqual(menu.items);
  });

  it('every call the sidebar makes names a top-level function, none private', async () => {
    const { context } = open();
    const top = topLevelFunctions(context);
    expect(SIDEBAR_FUNCTIONS.length).toBeGreaterThan(10);
    for (const name of SIDEBAR_FUNCTIONS) {
      expect(top).toContain(name);
      expect(name.endsWith('_')).toBe(false);
    }
    // The remote client's methods, each called once with a recording caller: the names it uses.
    const used = new Set<string>();
    const recording = (async (name: string) => {
      used.add(name);
      if (name === 'sidebarLibrary') return built.xlsxLibHtml;
      return name === 'exportData' || name === 'documentData' ? { state: {}, names: [], sheets: [] } : null;
    }) as unknown as Call;
    const client = createRemoteClient(recording, { importFiles: async () => ({ sheets: [] }) });
    await client.getSettings();
    await client.saveSettings({ level: 'xa', period: '2021-2025', upperLevelName: 'Huyện' });
    await client.insertForm('I.2');
    await client.validate();
    await client.selectCell('A', 'B2');
    await client.consolidate();
    await client.removeCopies();
    await client.overview?.();
    await client.writeCatalogue();
    await client.createBallot({ listSheet: 'II.6.B', method: 'marks' });
    await client.rankFromBallot({ ballotSheet: 'x' });
    await client.checklist('2026-05-01');
    await client.setChecklistTick('buoc1', true);
    await client.setChecklistDates?.('buoc1', null);
    await client.yearStatus?.('2026-05-01');
    await client.recordDocument?.('II.7.A', 'II.7.A.docx');
    await client.setVillages?.({ expected: 6 });
    await client.suggestNames?.();
    await client.lastChange?.();
    await client.undoLastChange?.();
    await client.listSheets();
    await client.rollUp({});
    await client.protectSheet({ sheet: 'x', editors: [] });
    const tiny = XlsxWorkbook.create();
    await tiny.createSheet({ ...(await communePlanLayouts(0, { forms: ['II.6.B'] })).sheets[0].layout, name: 'II.6.B' });
    // The recording caller answers null: the import stops with the reason, it does not throw.
    expect((await client.importPackages([{ name: 'xa.xlsx', bytes: await tiny.save() }])).done).toBe(0);
    await client.feedbackView('Xã Tân Lập');
    await expect(client.downloadFeedback()).rejects.toThrow();
    await expect(client.exportPackage()).rejects.toThrow(/II\.4\.A/);
    await expect(client.downloadDocument?.('II.7.A')).rejects.toThrow(/bấm "Tổng hợp" trước/);
    expect([...used].sort()).toEqual([...SIDEBAR_FUNCTIONS].filter((n) => n !== 'importSheets').sort());
    // …and the built sidebar names every one of them.
    for (const name of SIDEBAR_FUNCTIONS) expect(built.sidebarHtml).toContain(`"${name}"`);
  });

  it('shows the 300 px sidebar from Sidebar.html', () => {
    const { world, call } = open();
    call('showSidebar');
    expect(world.ui.sidebars).toHaveLength(1);
    expect(world.ui.sidebars[0].title).toBe('LKH');
    expect(world.ui.sidebars[0].getContent()).toBe(built.sidebarHtml);
  });
});

describe('a commune working through the bundled functions', () => {
  it('consolidates its villages\' tabs into II.4.A, II.4.B, II.6.A, II.6.B in one click, and a re-run keeps what was typed', async () => {
    const { ss, call } = open();
    expect(call('saveSettings', { level: 'xa', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027, unitName: 'Xã Tân Lập' })).toMatchObject({ level: 'xa', planYear: 2027 });
    expect(await importCommuneVillages(call)).toEqual(['Thôn 1 - I.2', 'Thôn 2 - I.2', 'Thôn 3 - I.2']);
    const view = call<{ reconciliation: { balanced: boolean; read: { count: number } }; sheets: string[]; checks: unknown[] }>('consolidate', null);
    expect(view.reconciliation.balanced).toBe(true);
    expect(view.reconciliation.read.count).toBe(18);
    for (const s of ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']) expect(ss.getSheets().map((x) => x.getName())).toContain(s);
    expect(view.sheets).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']));
    // Plain JSON crossed back: no Date, no undefined, no functions.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // Every write held the document lock and flushed once per write, never in a loop.
    expect(ss.locks.documentLock.tries.length).toBeGreaterThan(0);
    expect(ss.locks.documentLock.held).toBe(false);

    // Another officer types a priority into II.6.B, then re-runs: the typed value is kept.
    const grid = texts(ss, 'II.6.B');
    const header = grid.findIndex((r) => r.includes('Ưu tiên'));
    const col = grid[header].indexOf('Ưu tiên');
    const keyCol = grid.findIndex((r) => r.includes(KEY_COLUMN_HEADER)) >= 0 ? grid[grid.findIndex((r) => r.includes(KEY_COLUMN_HEADER))].indexOf(KEY_COLUMN_HEADER) : -1;
    const row = grid.findIndex((r, i) => i > header && keyCol >= 0 && r[keyCol] !== '');
    expect(row).toBeGreaterThan(header);
    const activity = grid[row][grid[header].indexOf('Hoạt động') >= 0 ? grid[header].indexOf('Hoạt động') : 1];
    ss.sheet('II.6.B').getRange(row + 1, col + 1).setValues([[7]]);
    ss.effectiveUser = 'xa.tan.lap@example.com';
    call('consolidate', null);
    const again = texts(ss, 'II.6.B');
    const same = again.findIndex((r) => r.includes(activity));
    expect(again[same][col]).toBe('7');
    expect(ss.getSheets().map((x) => x.getName())).toContain('II.6.B (cũ)');
  });

  it('says clearly when another user holds the document lock, and writes nothing', async () => {
    const { ss, call } = open();
    await importCommuneVillages(call);
    ss.locks.holdByAnotherUser();
    const before = ss.getSheets().map((s) => s.getName());
    expect(() => call('consolidate', null)).toThrow(LOCK_BUSY_MESSAGE);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(before);
  });

  it('validates, and selecting a finding activates its cell', async () => {
    const { ss, call, world } = open();
    await importCommuneVillages(call);
    // A wrong total in Thôn 1's first activity.
    const grid = texts(ss, 'Thôn 1 - I.2');
    const header = grid.findIndex((r) => r.some((v) => v.startsWith('Tổng')));
    const col = grid[header].findIndex((v) => v.startsWith('Tổng'));
    const row = grid.findIndex((r, i) => i > header && /^\d/.test(r[col] ?? ''));
    ss.sheet('Thôn 1 - I.2').getRange(row + 1, col + 1).setValues([[1]]);
    const v = call<{ errors: number; findings: { sheet: string; cell?: string; severity: string }[] }>('validate');
    expect(v.errors).toBeGreaterThan(0);
    const f = v.findings.find((x) => x.severity === 'error' && x.cell);
    expect(f).toBeDefined();
    expect(call('selectCell', f?.sheet, f?.cell)).toBeNull();
    expect(ss.activeSheet?.getName()).toBe(f?.sheet);
    expect(ss.activeRange?.getA1Notation()).toBe(f?.cell);
    expect(() => call('selectCell', 'Không có', 'A1')).toThrow(/Không có trang tính "Không có"/);
    // The menu item does the same and tells the counts.
    ss.activeRange = undefined;
    call('menuValidate');
    expect(world.ui.alerts.at(-1)?.prompt).toMatch(/\d+ lỗi, \d+ cảnh báo/);
    expect(ss.activeRange).toBeDefined();
  });

  it('menu: Tổng hợp một lần bấm tells the reconciliation', async () => {
    const { call, world } = open();
    call('saveSettings', { level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', planYear: 2027, unitName: 'Xã Tân Lập' });
    await importCommuneVillages(call);
    call('menuConsolidate');
    const lines = (world.ui.alerts.at(-1)?.prompt ?? '').split('\n');
    // Three villages of six activities each; every one goes to II.4.B, none is returned.
    expect(lines[0]).toBe('Đọc 18 hoạt động (2.216.300 nghìn đồng) = đưa vào II.4.B 18 (2.216.300) + trả lại 0 (0): khớp.');
    expect(lines[1]).toBe('II.6.A: 6 hoạt động đã rõ nguồn vốn; II.6.B: 12 hoạt động chưa rõ nguồn vốn.');
    expect(lines).toContain('Đã ghi: II.4.A, II.4.B, II.6.A, II.6.B, II.6.C, Báo cáo tổng hợp.');
  });

  it('the checklist and its ticks go through as JSON', () => {
    const { call } = open();
    expect(call('checklist', '2026-05-01')).toBeNull();
    call('saveSettings', { level: 'xa', period: '2021-2025', upperLevelName: 'Huyện', planYear: 2027 });
    const c = call<{ level: string; steps: { id: string }[] }>('checklist', '2026-05-01');
    expect(c.level).toBe('xa');
    expect(c.steps).toHaveLength(7);
    expect(call('setChecklistTick', c.steps[0].id, true)).toBeNull();
  });
});

describe('the upper level working through the bundled functions', () => {
  async function district(communes: number) {
    const o = open();
    o.call('saveSettings', { level: 'tinh', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027, unitName: 'Tỉnh Lào Cai' });
    for (let i = 0; i < communes; i++) {
      const plan = await communePlanLayouts(i);
      o.call('importSheets', { file: `${plan.name}.xlsx`, sheets: plan.sheets });
    }
    return o;
  }

  it('rolls the communes\' tabs up into long tables, with appraisal columns and one feedback table; a re-run keeps the appraisals', async () => {
    const { ss, call, world } = await district(3);
    const v = call<RollUpView>('rollUp', { funds: 500 });
    expect(v.communes.map((c) => c.name)).toEqual(['Xã Số 001', 'Xã Số 002', 'Xã Số 003']);
    expect(v.reconciliation.balanced).toBe(true);
    expect(v.reconciliation.read.count).toBe(54);
    expect(v.sheets).toEqual([...DATA_TABLES, SUMMARY_SHEET, APPRAISALS_SHEET, COMMUNES_SHEET, RANKING_SHEET, FEEDBACK_TABLE, FEEDBACK_VIEW, UPPER_REPORT_SHEET]);
    const names = ss.getSheets().map((s) => s.getName());
    for (const s of v.sheets) expect(names).toContain(s);
    // An office types its opinion; another person re-runs: kept.
    const grid = texts(ss, SUMMARY_SHEET);
    const header = grid.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const opinion = grid[header].findIndex((h) => h.startsWith('Ý kiến'));
    const keyCol = grid[header].indexOf(KEY_COLUMN_HEADER);
    const row = grid.findIndex((r, i) => i > header && r[keyCol] !== '');
    ss.sheet(SUMMARY_SHEET).getRange(row + 1, opinion + 1).setValues([['Không đồng ý']]);
    ss.effectiveUser = 'phong.tai.chinh@example.com';
    const again = call<RollUpView>('rollUp', null);
    expect(again.reconciliation.keptAppraisals).toBe(1);
    expect(again.funds).toBe(500);
    // No copies: every sheet is rebuilt from the tables, the appraisals carried by key.
    expect(again.keptCopies).toEqual([]);
    // The communes' tabs were imported into the tables on the first run and are not read again.
    expect(again.reconciliation.read.count).toBe(54);
    // The menu item rolls up when the level is huyện/tỉnh, and the commune's consolidation is refused.
    call('menuConsolidate');
    expect(world.ui.alerts.at(-1)?.prompt).toMatch(/^Tỉnh Lào Cai: đã tổng hợp 3 xã, 54 hoạt động/);
    expect(() => call('consolidate', null)).toThrow(/cấp tỉnh: hãy dùng "Tổng hợp các xã"/);
  });

  it('protects a commune\'s tab for its officers (sidebar call and menu item)', async () => {
    const { ss, call, world } = await district(1);
    const r = call<{ sheet: string; editors: string[]; warningOnly: boolean }>('protectSheet', { sheet: 'xã số 001 - ii.6.b', editors: ['xa.so.001@example.com'] });
    expect(r.sheet).toBe('Xã Số 001 - II.6.B');
    expect(r.warningOnly).toBe(false);
    expect(r.editors).toEqual(expect.arrayContaining(['xa.so.001@example.com', ss.effectiveUser, ss.owner]));
    expect(r.editors).not.toContain('xa.tan.lap@example.com');
    expect(() => call('protectSheet', { sheet: SUMMARY_SHEET, editors: ['a@b.vn'] })).toThrow(/không phải trang của một xã/);
    // Menu: the active tab, the addresses typed in the prompt.
    ss.sheet('Xã Số 001 - II.6.A').getRange('A1').activate();
    world.ui.answers.push({ text: 'xa.so.001@example.com; ke.toan.001@example.com', button: 'OK' });
    call('menuProtectSheet');
    expect(world.ui.alerts.at(-1)?.prompt).toBe('Đã bảo vệ trang "Xã Số 001 - II.6.A". Người được sửa: chu.so@example.com, can.bo.huyen@example.com, xa.so.001@example.com, ke.toan.001@example.com.');
    expect(ss.sheet('Xã Số 001 - II.6.A').protections).toHaveLength(1);
    // Cancel does nothing.
    world.ui.answers.push({ text: '', button: 'CANCEL' });
    ss.sheet('Xã Số 001 - II.4.B').getRange('A1').activate();
    call('menuProtectSheet');
    expect(ss.sheet('Xã Số 001 - II.4.B').protections).toHaveLength(0);
  });

  it('adds an uploaded commune file as tabs (read in the sidebar with the core reader, written by the server) and rolls it up', async () => {
    const { ss, context, call } = open();
    call('saveSettings', { level: 'huyen', period: '2021-2025', upperLevelName: 'Huyện Bắc Hà', planYear: 2027 });
    // The package a commune sends up, as LKH exports it.
    const plan = await communePlanLayouts(7);
    const xlsx = XlsxWorkbook.create();
    for (const s of plan.sheets) await xlsx.createSheet({ ...s.layout, name: s.formId });
    await xlsx.writeState({ planYear: 2027, unitName: plan.name, level: 'xa', sheetForms: Object.fromEntries(plan.sheets.map((s) => [s.formId, s.formId])) });
    const bytes = await xlsx.save();
    // Through a fake google.script.run: only JSON crosses; the ExcelJS part comes from the server's XlsxLib.html.
    const { run } = fakeScriptRun(context as ServerContext);
    const requests = await importRequests({ name: 'Xa-So-008-ke-hoach-2027.xlsx', bytes }, createCaller(run as never));
    expect(requests.flatMap((r) => r.sheets.map((s) => s.layout.name))).toEqual(['Xã Số 008 - II.4.A', 'Xã Số 008 - II.4.B', 'Xã Số 008 - II.6.A', 'Xã Số 008 - II.6.B']);
    const client = createRemoteClient(createCaller(run as never));
    const imported = await client.importFiles([{ name: 'Xa-So-008-ke-hoach-2027.xlsx', bytes }]);
    expect(imported.sheets).toEqual(['Xã Số 008 - II.4.A', 'Xã Số 008 - II.4.B', 'Xã Số 008 - II.6.A', 'Xã Số 008 - II.6.B']);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(expect.arrayContaining(imported.sheets));
    const v = await client.rollUp({});
    expect(v.communes.map((c) => c.name)).toEqual(['Xã Số 008']);
    expect(v.reconciliation.read.count).toBe(plan.activities);
    expect(v.reconciliation.balanced).toBe(true);
    // Uploading it again adds new tabs, never over the old ones.
    const twice = await client.importFiles([{ name: 'Xa-So-008-ke-hoach-2027.xlsx', bytes }]);
    expect(twice.sheets[0]).toBe('Xã Số 008 - II.4.A (2)');
  });
});

describe('the sidebar loads ExcelJS on use (issue 13)', () => {
  it('opens without ExcelJS, within 350 KB gzipped; the server hands XlsxLib.html to the first upload or download', () => {
    const html = built.sidebarHtml as string;
    expect(gzipSync(Buffer.from(html), { level: 9 }).length).toBeLessThanOrEqual(350 * 1024);
    // ExcelJS's own identifiers are in the library, not in the page.
    expect(html).not.toMatch(/ExcelJS|sharedStrings\.xml/);
    expect(built.xlsxLibHtml).toMatch(/sharedStrings\.xml/);
    const { call } = open();
    expect(call<string>('sidebarLibrary')).toBe(built.xlsxLibHtml);
    // The library's script runs alone and registers what uploads and downloads use.
    const sandbox = vm.createContext({ console, setTimeout, clearTimeout, TextEncoder, TextDecoder });
    vm.runInContext(scriptOf(built.xlsxLibHtml as string), sandbox);
    const lib = (sandbox as Record<string, unknown>)[XLSX_LIB_GLOBAL] as Record<string, unknown> | undefined;
    expect(typeof lib?.xlsxAsLayouts).toBe('function');
    expect(typeof lib?.exportPackage).toBe('function');
  });
});

describe('Sidebar.html', () => {
  it('is one self-contained page: the pane inlined, no outside script or style, no CDN', () => {
    const html = built.sidebarHtml as string;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<base target="_top" />');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import\s+(?:url\()?["']?https?:|https?:\/\/(?:cdn\.|unpkg\.com|ajax\.googleapis|cdnjs\.|cdn\.jsdelivr|fonts\.googleapis)/i);
    // One inline script: nothing inside it can end the tag early or open an HTML comment state.
    const start = html.indexOf('<script>');
    const end = html.lastIndexOf('</script>');
    expect(start).toBeGreaterThan(html.indexOf('<div id="root">'));
    const body = html.slice(start + '<script>'.length, end);
    expect(body).not.toMatch(/<\/script/i);
    expect(/<!--/.test(body) && /<script/i.test(body)).toBe(false);
    expect(html.slice(0, start)).not.toMatch(/<script/i);
    expect(html.slice(end + '</script>'.length)).not.toMatch(/<script/i);
    expect(body.length).toBeGreaterThan(100_000);
  });
});
