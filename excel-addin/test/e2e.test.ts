/**
 * End to end, in a real browser: the built standalone page (dist/excel-addin, built here into a
 * temporary folder by scripts/build-excel.mjs) served over http and driven in Debian's headless
 * Chromium (/usr/bin/chromium, installed by scripts/setup.sh) with playwright-core.
 *
 * A commune accountant's session: load the demo commune, consolidate (the reconciliation
 * sentence), create a ballot for II.6.B, download the workbook, fill the ballot as the meeting
 * would (here with XlsxWorkbook), open the filled file again, rank from the ballot, download, and
 * check the file: II.4.B and II.6.B present, Ưu tiên filled, the most marked activity first.
 * Also: the village files written by `lkh demo` merged by "Mở tệp", the package sent upward, and
 * the task pane's "too old" messages (IE11, old ExcelApi, office.js unreachable) instead of a blank pane.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { SheetData } from '../../core/src/port/types';
import { readSheet } from '../../core/src/reader/read';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { serve } from './static-server';

const root = path.resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

jest.setTimeout(240_000);

let work: string;
let dist: string;
let server: http.Server;
let base: string;
let browser: Browser;
let lazyFiles: string[] = [];


beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/setup.sh" (it installs Debian's chromium package).`);
  work = mkdtempSync(path.join(os.tmpdir(), 'lkh-e2e-'));
  dist = path.join(work, 'dist');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-excel.mjs'), '--out', dist, '--base-url', 'https://localhost:3000'], { cwd: root, stdio: 'pipe' });
  const report = JSON.parse(readFileSync(path.join(dist, 'build-report.json'), 'utf8')) as { lazy: { file: string }[] };
  lazyFiles = report.lazy.map((l) => l.file);
  server = await serve(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(file: string): Promise<Session> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}/${file}`);
  return { context, page, errors, requests };
}

/** Clicks, waits for the download, returns its name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(work, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
}

const cellAt = (d: SheetData, row: number, col: number) => d.values[row - d.top]?.[col - d.left] ?? null;

/** The ballot's activity rows (STT 1, 2, …) and its participant columns (after Địa điểm, before the total). */
function ballotRows(d: SheetData): { rows: number[]; people: number[] } {
  const rows: number[] = [];
  for (let r = d.top; r < d.top + d.values.length; r++) {
    if (cellAt(d, r, 0) === rows.length + 1 && typeof cellAt(d, r, 1) === 'string') rows.push(r);
    else if (rows.length > 0) break;
  }
  const header = rows[0] - 1; // the participants' names row
  const people: number[] = [];
  for (let c = 5; c < d.left + (d.values[0]?.length ?? 0); c++) if (/^Người \d+$/.test(String(cellAt(d, header, c) ?? ''))) people.push(c);
  return { rows, people };
}

describe('standalone page in Chromium', () => {
  it('loads the demo commune, consolidates, ranks from a filled ballot and downloads the result', async () => {
    const { context, page, errors, requests } = await open('standalone.html');
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    await button('Dùng thử với xã mẫu').waitFor();
    // ExcelJS and the workbook code are not part of the first load
    expect(requests.filter((u) => lazyFiles.some((f) => u.endsWith(f)))).toEqual([]);

    await button('Dùng thử với xã mẫu').click();
    await page.getByText(/Đã nạp xã mẫu Tân Lập \(\d+ trang\)/).waitFor();
    await page.getByText('Xã Tân Lập · kế hoạch năm 2027').waitFor();

    await tab('Tổng hợp').click();
    // Every line the progress shows while it runs, as the page renders it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { lkhSeen: string[] }).lkhSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role=status]')) if (el.textContent && seen.at(-1) !== el.textContent) seen.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await button('Tổng hợp').click();
    const sentence = page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · khớp$/);
    await sentence.waitFor({ timeout: 120_000 });
    // progress with counts, sheet by sheet, then the plan built and written (the pane yields to render them)
    const seen = await page.evaluate(() => (window as unknown as { lkhSeen: string[] }).lkhSeen);
    expect(seen.filter((s) => /^Đang đọc biểu \d+\/\d+: .+…$/u.test(s)).length).toBeGreaterThan(0);
    expect(seen).toEqual(expect.arrayContaining(['Đang lập II.4.A, II.4.B và tách nguồn vốn…', 'Đang ghi các biểu II.4.A, II.4.B, II.6.A, II.6.B, II.6.C…']));
    expect(await sentence.textContent()).not.toContain('KHÔNG khớp');
    await page.getByText(/II\.6\.B: \d+ hoạt động chưa rõ nguồn vốn/).waitFor();

    await tab('Xếp ưu tiên').click();
    await expect(page.getByLabel('Danh sách cần xếp').inputValue()).resolves.toBe('II.6.B');
    await page.getByLabel('Số người tham gia').fill('3');
    await button('Tạo phiếu').click();
    await page.getByText(/Đã tạo phiếu "Phiếu ưu tiên - II\.6\.B" với \d+ hoạt động/).waitFor();

    // The workbook with the empty ballot, as the meeting would print it
    const first = await download(page, () => button('Tải xuống').click());
    expect(first.name).toBe('Xa-Tan-Lap-LKH-2027.xlsx');
    const wb = await XlsxWorkbook.load(first.bytes);
    const sheets = await wb.listSheets();
    expect(sheets).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'Phiếu ưu tiên - II.6.B']));

    // Three people mark: all three the third activity, the last one also the first
    const [ballot] = await wb.readSheets(['Phiếu ưu tiên - II.6.B']);
    const { rows, people } = ballotRows(ballot);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(people).toHaveLength(3);
    const favourite = String(cellAt(ballot, rows[2], 1));
    const second = String(cellAt(ballot, rows[0], 1));
    await wb.writeValues([
      ...people.map((c) => ({ sheet: ballot.name, row: rows[2], col: c, values: [['x']] })),
      { sheet: ballot.name, row: rows[0], col: people[2], values: [['x']] },
    ]);
    const filled = path.join(work, 'Xa-Tan-Lap-da-bo-phieu.xlsx');
    writeFileSync(filled, await wb.save());

    // Open the filled file: it becomes the workbook
    await page.getByTestId('lkh-open-input').setInputFiles(filled);
    await page.getByText(/Đã mở \d+ trang từ 1 tệp/).waitFor();
    await tab('Xếp ưu tiên').click();
    await expect(page.getByLabel('Phiếu đã điền').inputValue()).resolves.toBe('Phiếu ưu tiên - II.6.B');
    await button('Xếp ưu tiên từ phiếu').click();
    await page.getByText('Đã xếp ưu tiên trang "II.6.B" theo phiếu của 3 người.').waitFor();

    const result = await download(page, () => button('Tải xuống').click());
    expect(result.name).toBe('Xa-Tan-Lap-da-bo-phieu.xlsx');
    const out = await XlsxWorkbook.load(result.bytes);
    expect(await out.listSheets()).toEqual(expect.arrayContaining(['II.4.B', 'II.6.B']));
    const [ii4b, ii6b] = await out.readSheets(['II.4.B', 'II.6.B']);
    expect(readSheet(ii4b).reading?.formId).toBe('II.4.B');
    expect(readSheet(ii4b).reading?.activities.length).toBeGreaterThan(0);
    const list = readSheet(ii6b).reading;
    expect(list?.formId).toBe('II.6.B');
    const ranked = list?.activities ?? [];
    expect(ranked.length).toBe(rows.length);
    // Ưu tiên filled on every row; the list sorted by it; the most marked first, then the one marked once
    expect(ranked.every((a) => typeof a.priority === 'number' && a.priority >= 1)).toBe(true);
    expect(ranked.map((a) => a.priority)).toEqual([...ranked.map((a) => a.priority as number)].sort((a, b) => a - b));
    expect(ranked[0]).toMatchObject({ activity: favourite, priority: 1 });
    expect(ranked[1]).toMatchObject({ activity: second, priority: 2 });

    // The package sent upward, from the pane's Tệp screen
    await tab('Tệp').click();
    const pkg = await download(page, () => button('Xuất tệp gửi cấp trên').click());
    expect(pkg.name).toBe('Xa-Tan-Lap-ke-hoach-2027.xlsx');
    expect(await (await XlsxWorkbook.load(pkg.bytes)).listSheets()).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('merges the village files written by `lkh demo` into one workbook and checks them', async () => {
    const demoDir = path.join(work, 'demo');
    execFileSync(process.execPath, [path.join(root, 'core', 'bin', 'lkh.cjs'), 'demo', '--out', demoDir], { cwd: root, stdio: 'pipe' });
    const files = readdirSync(demoDir)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(demoDir, f));
    expect(files.length).toBeGreaterThanOrEqual(10);

    const { context, page, errors } = await open('standalone.html');
    await page.getByTestId('lkh-open-input').setInputFiles(files);
    await page.getByText(new RegExp(`Đã mở \\d+ trang từ ${files.length} tệp`)).waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: 'Kiểm tra', exact: true }).click();
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/Đã nhận ra \d+ biểu/).waitFor({ timeout: 60_000 });
    const found = Number(/(\d+)/.exec((await page.getByText(/Đã nhận ra \d+ biểu/).textContent()) ?? '')?.[1]);
    expect(found).toBeGreaterThanOrEqual(files.length);

    await page.getByRole('tab', { name: 'Tổng hợp', exact: true }).click();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · khớp$/).waitFor({ timeout: 120_000 });

    expect(errors).toEqual([]);
    await context.close();
  });
});

const SHOTS = '/tmp/lkh-shots';

/** The page's width against the window's: a page wider than the window scrolls sideways. */
async function widthOf(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

/** Every tab of the pane, by its value, in order (some are scrolled out of the one-row strip). */
async function tabIds(page: Page): Promise<string[]> {
  return page.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('value') ?? ''));
}

describe('at 320 px (deliverable 4: fits a narrow pane)', () => {
  it('shows every tab and state of the standalone page without sideways scroll, the grid with a marked finding', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 320, height: 720 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    const widths: Record<string, { scroll: number; client: number }> = {};
    const check = async (name: string) => {
      widths[name] = await widthOf(page);
      await page.screenshot({ path: path.join(SHOTS, `standalone-320-${name}.png`) });
    };
    await page.goto(`${base}/standalone.html`);
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).waitFor();
    await check('start');
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).click();
    await page.getByText(/Đã nạp xã mẫu Tân Lập/).waitFor();
    await check('demo');

    // one row of tabs: every tab's top within a few pixels of the first's
    const tops = await page.getByRole('tab').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
    const ids = await tabIds(page);
    expect(ids).toEqual(expect.arrayContaining(['settings', 'forms', 'validate', 'consolidate', 'ranking', 'checklist', 'files', 'sheet']));
    for (const id of ids) {
      await page.locator(`[role=tab][value="${id}"]`).click();
      await page.locator(`#lkh-panel-${id}`).waitFor();
      await page.waitForTimeout(300);
      await check(`tab-${id}`);
    }

    // the list at the end of the row names every screen and opens one
    const menu = page.getByLabel('Tất cả các chức năng');
    expect(await menu.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Cài đặt', 'Biểu mẫu', 'Kiểm tra', 'Tổng hợp', 'Tệp', 'Xem sổ']));
    await menu.selectOption({ label: 'Biểu mẫu' });
    await expect(page.locator('[role=tab][value="forms"]').getAttribute('aria-selected')).resolves.toBe('true');

    // Kiểm tra, then a finding opens Xem sổ at its cell, marked
    await page.locator('[role=tab][value="validate"]').click();
    await page.locator('#lkh-panel-validate').getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/Đã nhận ra \d+ biểu/).waitFor({ timeout: 60_000 });
    await page.getByText(/Để sửa lỗi: Tải về, sửa trong Excel rồi mở lại/).first().waitFor();
    await check('validated');
    const link = page.locator('#lkh-panel-validate').getByRole('button', { name: /^Đến ô / }).first();
    const [, cell, sheet] = /^Đến ô (\S+) trang (.+)$/.exec((await link.getAttribute('aria-label')) ?? '') ?? [];
    expect(cell).toBeTruthy();
    await link.click();
    const grid = page.getByRole('grid', { name: `Trang ${sheet} (chỉ xem)` });
    await grid.waitFor();
    const target = grid.locator(`[data-cell="${cell.split(':')[0]}"]`);
    await target.waitFor();
    expect(await target.getAttribute('data-target')).toBe('true');
    expect(await target.getAttribute('data-finding')).toMatch(/^(error|warning)$/);
    await target.scrollIntoViewIfNeeded();
    await check('grid-finding');

    // Tổng hợp: the summary first
    await page.locator('[role=tab][value="consolidate"]').click();
    await page.locator('#lkh-panel-consolidate').getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · khớp$/).waitFor({ timeout: 120_000 });
    await check('consolidated');
    // the plan it wrote, in the grid
    await page.locator('[role=tab][value="sheet"]').click();
    await page.getByLabel('Trang', { exact: true }).selectOption('II.4.B');
    await page.getByRole('grid', { name: 'Trang II.4.B (chỉ xem)' }).waitFor();
    await check('grid-ii4b');

    for (const [name, w] of Object.entries(widths)) expect({ name, ...w, fits: w.scroll <= w.client }).toEqual({ name, ...w, fits: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Excel task pane fits too', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.Office = { HostType: { Excel: 'Excel' }, context: { requirements: { isSetSupported: function () { return true; } } }, onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); } };
               window.Excel = { run: function () { return Promise.reject(new Error('no workbook in this test')); } };`,
      }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('tab', { name: 'Cài đặt', exact: true }).waitFor();
    const ids = await tabIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(ids).not.toContain('sheet');
    for (const id of ids) {
      await page.locator(`[role=tab][value="${id}"]`).click();
      await page.waitForTimeout(300);
      const w = await widthOf(page);
      await page.screenshot({ path: path.join(SHOTS, `taskpane-320-${id}.png`) });
      expect({ id, fits: w.scroll <= w.client, ...w }).toEqual({ id, fits: true, ...w });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('task pane page outside a modern Excel', () => {
  const FAKE_OFFICE = (supported: string) => `
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: function (name, v) { return name === 'ExcelApi' && Number(v.split('.')[1]) <= ${supported.split('.')[1]}; } } },
      onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); }
    };
    window.Excel = { run: function () { return Promise.reject(new Error('no workbook in this test')); } };`;

  async function pane(opts: { userAgent?: string; office: 'abort' | string }): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext(opts.userAgent ? { userAgent: opts.userAgent } : {});
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      opts.office === 'abort' ? route.abort() : route.fulfill({ contentType: 'text/javascript', body: opts.office }),
    );
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html`);
    return { page, context };
  }

  it('says plainly that Excel 2016/2019 (Internet Explorer 11) is too old', async () => {
    const { page, context } = await pane({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko', office: FAKE_OFFICE('1.1') });
    const alert = page.getByRole('alert');
    await alert.getByText('Phiên bản Excel này quá cũ để chạy LKH').waitFor();
    await alert.getByText(/Excel 2021/).first().waitFor();
    expect(await alert.getByRole('link').first().getAttribute('href')).toBe(`${base}/standalone.html`);
    expect(await page.locator('#root').isVisible()).toBe(false);
    await context.close();
  });

  it('says so when Excel lacks ExcelApi 1.7, and when office.js cannot be loaded', async () => {
    const old = await pane({ office: FAKE_OFFICE('1.4') });
    await old.page.getByRole('alert').getByText('Phiên bản Excel này quá cũ để chạy LKH').waitFor();
    await old.context.close();

    const ok = await pane({ office: FAKE_OFFICE('1.17') });
    // a modern Excel gets past the check and the pane renders (the fake Excel.run fails: settings fall back to defaults)
    await ok.page.getByRole('tab', { name: 'Cài đặt', exact: true }).waitFor();
    expect(await ok.page.locator('#lkh-fallback').isVisible()).toBe(false);
    await ok.context.close();

    const offline = await pane({ office: 'abort' });
    await offline.page.getByRole('alert').getByText('Không tải được thư viện Office (office.js)').waitFor();
    await offline.context.close();
  });
});
