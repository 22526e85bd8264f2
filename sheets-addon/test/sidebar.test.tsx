/**
 * @jest-environment jsdom
 *
 * The sidebar in jsdom over a fake google.script.run (withSuccessHandler / withFailureHandler,
 * asynchronous, JSON only) whose calls run the built server (Code.js) in a Node `vm` context over
 * the strict fake spreadsheet: the whole round trip without a Google login.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportRequest } from '../src/server/entry-points';
import type { ScriptRun } from '../src/sidebar/remote';
import { MAX_IN_FLIGHT, MULTI_ACCOUNT_MESSAGE, createCaller, createRemoteClient, remoteError } from '../src/sidebar/remote';
import { SheetsSidebar } from '../src/sidebar/SheetsSidebar';
import { start } from '../src/sidebar/main';
import { communePlanLayouts, communeVillages } from './data';
import type { BuiltAddon, FakeScriptRunOptions } from './fake-apps-script';
import { PERMISSION_DENIED_TEXT, appsScriptWorld, buildAddon, fakeScriptRun, loadServer, serverCall } from './fake-apps-script';
import { FakeSpreadsheet } from './fake-spreadsheet';

let built: BuiltAddon;

beforeAll(() => {
  built = buildAddon({ serverOnly: true });
});

function setUp(options: FakeScriptRunOptions = {}) {
  const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
  const world = appsScriptWorld(ss);
  const context = loadServer(built.code, world);
  const call = (name: string, ...args: unknown[]): unknown => serverCall(context, name, ...args);
  const { run, stats } = fakeScriptRun(context, options);
  const client = createRemoteClient(createCaller(run as unknown as ScriptRun));
  return { ss, world, context, call, run, stats, client };
}

function commune(call: (name: string, ...args: unknown[]) => unknown): void {
  call('saveSettings', { level: 'xa', period: '2021-2025', upperLevelName: 'Huyện Bắc Hà', planYear: 2027, unitName: 'Xã Tân Lập' });
  const request: ImportRequest = { file: 'thon.xlsx', sheets: communeVillages(0).map((layout) => ({ layout, formId: 'I.2' })) };
  call('importSheets', request);
}

describe('the sidebar over google.script.run', () => {
  it('loads the settings from the server and shows the pane and the Sheets screens', async () => {
    const { call, client, stats } = setUp();
    commune(call);
    render(<SheetsSidebar client={client} today="2026-05-01" />);
    expect(await screen.findByRole('status', { name: 'Việc tiếp theo' })).toBeTruthy();
    expect(stats.calls[0]).toBe('getSettings');
    // one navigation: the pane's places with the Sheets screens (Cấp trên, Chia sẻ), and the seven steps
    const nav = screen.getByRole('navigation', { name: 'Các bước lập kế hoạch' });
    for (const name of ['Tổng quan', 'Cài đặt', 'Cấp trên', 'Chia sẻ']) expect(within(nav).getByRole('button', { name })).toBeTruthy();
    expect(within(within(nav).getByRole('group', { name: /^Các bước lập kế hoạch/u })).getAllByRole('button')).toHaveLength(7);
    // the year from the server
    await waitFor(() => expect(stats.calls).toContain('yearStatus'));
  });

  it('validation findings select their cell in the spreadsheet when clicked', async () => {
    const { ss, call, client, stats } = setUp();
    commune(call);
    // A wrong total in Thôn 2.
    const sheet = ss.sheet('Thôn 2 - I.2');
    const grid = sheet.getDataRange().getDisplayValues();
    const header = grid.findIndex((r) => r.some((v) => v.startsWith('Tổng')));
    const col = grid[header].findIndex((v) => v.startsWith('Tổng'));
    const row = grid.findIndex((r, i) => i > header && /^\d/.test(r[col] ?? ''));
    sheet.getRange(row + 1, col + 1).setValues([[5]]);
    render(<SheetsSidebar client={client} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Bước 2:/u }, { timeout: 10000 }));
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra biểu' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    const [link] = await screen.findAllByRole('button', { name: /^Đến ô [A-Z]+\d+ trang Thôn 2 - I\.2$/u });
    await userEvent.click(link);
    await waitFor(() => expect(ss.activeRange).toBeDefined());
    expect(ss.activeSheet?.getName()).toBe('Thôn 2 - I.2');
    expect(link.getAttribute('aria-label')).toBe(`Đến ô ${ss.activeRange?.getA1Notation()} trang Thôn 2 - I.2`);
    expect(stats.calls).toEqual(expect.arrayContaining(['getSettings', 'validate', 'selectCell']));
  });

  it('turns PERMISSION_DENIED into the several-accounts message, in Vietnamese', async () => {
    const { client } = setUp({ permissionDenied: true });
    render(<SheetsSidebar client={client} />);
    expect(await screen.findByText('Không mở được LKH.')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('nhiều tài khoản Google cùng lúc');
    expect(text).toContain('cửa sổ ẩn danh');
    expect(text).not.toContain('reading from storage');
    expect(remoteError(new Error(PERMISSION_DENIED_TEXT)).message).toBe(MULTI_ACCOUNT_MESSAGE);
    expect(remoteError({ message: 'ScriptError: PERMISSION_DENIED' }).message).toBe(MULTI_ACCOUNT_MESSAGE);
    expect(remoteError(new Error('Không có trang tính "X".')).message).toBe('Không có trang tính "X".');
  });

  it('keeps at most 10 calls in flight, the rest wait their turn', async () => {
    const { call, run, stats } = setUp({ latencyMs: 5 });
    commune(call);
    const caller = createCaller(run as unknown as ScriptRun);
    const results = await Promise.all(Array.from({ length: 25 }, () => caller('listSheets')));
    expect(results).toHaveLength(25);
    expect(results[24]).toEqual(expect.arrayContaining(['Thôn 1 - I.2']));
    expect(stats.maxInFlight).toBe(MAX_IN_FLIGHT);
    expect(caller.inFlight()).toBe(0);
  });

  it('a function the server lacks is a clear error, not a hang', async () => {
    const { run } = setUp();
    const caller = createCaller(run as unknown as ScriptRun);
    await expect((caller as unknown as (n: string) => Promise<unknown>)('dropDatabase_')).rejects.toThrow('Máy chủ của tiện ích không có hàm "dropDatabase_"');
    expect(caller.inFlight()).toBe(0);
  });

  it('the upper level opens on Cấp trên and rolls the communes up in one click', async () => {
    const { call, client, ss } = setUp();
    call('saveSettings', { level: 'tinh', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027 });
    for (const i of [0, 1]) {
      const plan = await communePlanLayouts(i);
      call('importSheets', { file: `${plan.name}.xlsx`, sheets: plan.sheets });
    }
    render(<SheetsSidebar client={client} />);
    expect(await screen.findByRole('heading', { name: 'Tổng hợp các xã' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cấp trên' }).getAttribute('aria-current')).toBe('page'));
    expect(screen.getByText(/^Tỉnh Lào Cai tổng hợp biểu II\.6\.A/u)).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: /Vốn cấp trên nắm giữ/u }), '1.500');
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp các xã' }));
    expect(await screen.findByText(/^2 xã: đọc 36 hoạt động .* khớp\./u, {}, { timeout: 10000 })).toBeTruthy();
    expect(screen.getByText(/^Xã Số 001: 18 hoạt động/u)).toBeTruthy();
    expect(screen.getByText(/trong 1\.500 triệu đồng/u)).toBeTruthy();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(expect.arrayContaining(['Tổng hợp theo lĩnh vực', 'Dữ liệu xã II.6.B', 'Phản hồi các xã']));
    expect(screen.getByRole('button', { name: 'Tổng hợp lại' })).toBeTruthy();
  });

  it('protects a commune\'s tab from the Chia sẻ screen', async () => {
    const { call, client, ss } = setUp();
    call('saveSettings', { level: 'huyen', period: '2021-2025', upperLevelName: 'Huyện Bắc Hà', planYear: 2027 });
    const plan = await communePlanLayouts(2, { forms: ['II.6.B'] });
    call('importSheets', { file: 'x.xlsx', sheets: plan.sheets });
    render(<SheetsSidebar client={client} initialView="share" />);
    const select = await screen.findByRole('combobox', { name: 'Trang của xã' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toContain('Xã Số 003 - II.6.B'));
    await userEvent.selectOptions(select, 'Xã Số 003 - II.6.B');
    await userEvent.click(screen.getByRole('button', { name: 'Bảo vệ trang của xã' }));
    expect(await screen.findByText('Nhập ít nhất một email, hoặc chọn "Chỉ cảnh báo".')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: /Email được sửa trang/u }), 'xa.so.003@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Bảo vệ trang của xã' }));
    expect(await screen.findByText(/^Đã bảo vệ trang "Xã Số 003 - II\.6\.B"\. Người được sửa: .*xa\.so\.003@example\.com/u)).toBeTruthy();
    expect(ss.sheet('Xã Số 003 - II.6.B').protections[0].editors).toContain('xa.so.003@example.com');
  });

  it('says so outside Google Sheets', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    start();
    expect(document.getElementById('root')?.textContent).toContain('chỉ chạy trong Google Trang tính');
  });
});
