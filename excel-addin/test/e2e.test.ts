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
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    /** A screen of a step: the step's button, then the screen's (≤ 2 clicks). */
    const goTo = async (step: number, tool?: string) => {
      await page.locator(`[data-lkh-nav="step-${step}"]`).click();
      if (tool) await page.locator(`[data-lkh-nav="tool-${tool}"]`).click();
    };

    await button('Dùng thử với xã mẫu').waitFor();
    // ExcelJS and the workbook code are not part of the first load
    expect(requests.filter((u) => lazyFiles.some((f) => u.endsWith(f)))).toEqual([]);

    await button('Dùng thử với xã mẫu').click();
    await page.getByText(/Đã nạp xã mẫu Tân Lập \(\d+ trang\)/).waitFor();

    await goTo(3, 'consolidate');
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

    await goTo(4, 'ranking');
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
    await goTo(4, 'ranking');
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

    // The package sent upward, from step 5's screen
    await goTo(5, 'files');
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

    await page.locator('[data-lkh-nav="step-2"]').click();
    await page.locator('[data-lkh-nav="tool-validate"]').click();
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/Đã nhận ra \d+ biểu/).waitFor({ timeout: 60_000 });
    const found = Number(/(\d+)/.exec((await page.getByText(/Đã nhận ra \d+ biểu/).textContent()) ?? '')?.[1]);
    expect(found).toBeGreaterThanOrEqual(files.length);

    await page.locator('[data-lkh-nav="step-3"]').click();
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

/** Where the year is, as the pane shows it: the current step and done count of the steps row, the next line. */
interface YearShown {
  current: number;
  done: number;
  /** Results done, all steps together. */
  results: number;
  action: string;
  text: string;
  button: string;
}

async function yearShown(page: Page): Promise<YearShown> {
  return page.evaluate(() => {
    const row = document.querySelector('[data-lkh-current]');
    const next = document.querySelector('[data-lkh-next]');
    return {
      current: Number(row?.getAttribute('data-lkh-current') ?? 0),
      done: Number(row?.getAttribute('data-lkh-done') ?? 0),
      results: Number(row?.getAttribute('data-lkh-results') ?? 0),
      action: next?.getAttribute('data-lkh-action') ?? '',
      text: next?.querySelector('[data-lkh-next-text]')?.textContent ?? '',
      button: next?.querySelector('[data-lkh-next-button]')?.textContent ?? '',
    };
  });
}

/** Navigation labels cut or partly hidden: wider than their box, or past the window's edge. */
async function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-lkh-nav]')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || el.getBoundingClientRect().left < 0)
      .map((el) => `${el.getAttribute('data-lkh-nav') ?? ''} "${el.textContent ?? ''}" ${el.scrollWidth}>${el.clientWidth}`),
  );
}

/** Every place of the navigation, step and screen of a step: opened, its labels whole, the page not wider than the window. */
async function everyScreen(page: Page, shot: (name: string) => Promise<void>): Promise<{ cut: string[]; wide: string[]; words: string[] }> {
  const cut: string[] = [];
  const wide: string[] = [];
  const words: string[] = [];
  const check = async (name: string) => {
    await page.waitForTimeout(150);
    // What a user reads: no handbook line numbers ("L677"), step sub-numbers ("bước 3.3"), command lines, "X+1".
    const text = await page.evaluate(() => document.body.innerText);
    for (const m of text.match(/\bL\d{3,4}\b|\b[Bb]ước \d\.\d|\blkh [a-z]+\b|\bnăm X\b|X\s*\+\s*1/gu) ?? []) words.push(`${name}: ${m}`);
    cut.push(...(await cutLabels(page)).map((c) => `${name}: ${c}`));
    const w = await widthOf(page);
    if (w.scroll > w.client) wide.push(`${name}: ${w.scroll} > ${w.client}`);
    await shot(name);
  };
  for (const place of await page.locator('[data-lkh-nav]:not([data-lkh-nav^="step-"]):not([data-lkh-nav^="tool-"]):not([data-lkh-nav="lang"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-lkh-nav') ?? ''))) {
    await page.locator(`[data-lkh-nav="${place}"]`).click();
    await check(place);
  }
  for (let n = 1; n <= 7; n++) {
    await page.locator(`[data-lkh-nav="step-${n}"]`).click();
    await page.locator(`[data-lkh-step="${n}"]`).waitFor();
    const tools = await page.locator('[data-lkh-nav^="tool-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lkh-nav') ?? ''));
    for (const tool of tools.length > 0 ? tools : ['']) {
      if (tool) await page.locator(`[data-lkh-nav="${tool}"]`).click();
      await check(`step-${n}${tool ? `-${tool}` : ''}`);
    }
  }
  return { cut, wide, words };
}

describe('the seven steps at 320 px (issue 20)', () => {
  it('walks the demo commune through the year by the next step alone, the ballot filled as the conference would: the current step and the done count never go back, every step ends done or with its manual results named, every screen in ≤ 2 clicks, no label cut', async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync('/work/pages', { recursive: true });
    const context = await browser.newContext({ viewport: { width: 320, height: 520 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${base}/standalone.html`);
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).click();
    await page.locator('[data-lkh-next-text]').waitFor({ timeout: 60_000 });
    await page.locator('[data-lkh-step]').waitFor();
    const first = await yearShown(page);
    expect(first).toMatchObject({ current: 3, action: 'consolidate', button: 'Tổng hợp ngay' });
    expect(first.text).toMatch(/^Tiếp theo: Tổng hợp/u);
    // the work area (the step's own view, from its heading) starts in the top third of a 320×520 window
    const top = await page.locator('[data-lkh-step] h2').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThanOrEqual(520 / 3);
    await page.screenshot({ path: '/work/pages/steps-320-before.png' });

    // each next step's button, pressed as the accountant would; what the pane says after each
    const seen: YearShown[] = [first];
    /** The pane says no less than before: the current step and the done count never go back. */
    const noWorse = (after: YearShown, before: YearShown) => {
      expect(after.done).toBeGreaterThanOrEqual(before.done);
      expect(after.results).toBeGreaterThanOrEqual(before.results);
      expect(after.current).toBeGreaterThanOrEqual(before.current);
      expect(after.text).toMatch(/^Tiếp theo: /u);
    };
    let filledBallot = false;
    for (let i = 0; i < 16; i++) {
      const now = seen[seen.length - 1];
      if (!now.button || now.action === 'tick' || now.action === 'done' || now.action === 'receive' || now.action === 'feedback') break;
      if (now.action === 'rank' && !filledBallot) {
        // The conference fills the printed ballot: the workbook downloaded, three delegates' marks
        // typed into it as a commune would (here with ExcelJS), the file opened again in the page.
        const saved = await download(page, () => page.getByRole('button', { name: 'Tải xuống', exact: true }).click());
        const wb = await XlsxWorkbook.load(saved.bytes);
        const [ballot] = await wb.readSheets(['Phiếu ưu tiên - II.6.B']);
        const { rows, people } = ballotRows(ballot);
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(people.length).toBeGreaterThanOrEqual(3);
        await wb.writeValues([...people.slice(0, 3).map((c) => ({ sheet: ballot.name, row: rows[1], col: c, values: [['x']] })), { sheet: ballot.name, row: rows[0], col: people[0], values: [['x']] }]);
        const filled = path.join(work, 'Xa-Tan-Lap-phieu-320.xlsx');
        writeFileSync(filled, await wb.save());
        await page.getByTestId('lkh-open-input').setInputFiles(filled);
        await page.getByText(/Đã mở \d+ trang từ 1 tệp/).waitFor({ timeout: 60_000 });
        await page.locator('[data-lkh-next-button]').waitFor({ timeout: 60_000 });
        // the year is the file's: still at the conference, nothing lost by the round trip
        const reopened = await yearShown(page);
        expect(reopened.action).toBe('rank');
        noWorse(reopened, now);
        seen.push(reopened);
        filledBallot = true;
        continue;
      }
      const downloads = now.action === 'draft' || now.action === 'export' ? page.waitForEvent('download', { timeout: 60_000 }) : undefined;
      await page.locator('[data-lkh-next-button]').click();
      if (downloads) await downloads;
      if (now.action === 'rank') await page.getByText(/^Đã xếp ưu tiên trang "II\.6\.B" theo phiếu của \d+ người\.$/u).waitFor({ timeout: 60_000 });
      // the year is read again: the next line changes
      await page.waitForFunction((before) => {
        const next = document.querySelector('[data-lkh-next]');
        return next !== null && `${next.getAttribute('data-lkh-action') ?? ''}|${next.querySelector('[data-lkh-next-text]')?.textContent ?? ''}` !== before;
      }, `${now.action}|${now.text}`, { timeout: 120_000 });
      // the focus is on the action's result, not the page body
      expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
      const after = await yearShown(page);
      noWorse(after, now);
      seen.push(after);
      if (now.action === 'consolidate') {
        // the steps view after consolidating, from the top of the page (the focus scrolled to the result)
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: '/work/pages/steps-320-after.png' });
      }
    }
    const actions = seen.map((x) => x.action);
    // after consolidating: the drafts and the conference (ballot, ranking from the filled ballot, the drafts updated) before the export
    expect(actions[0]).toBe('consolidate');
    expect(filledBallot).toBe(true);
    const at = (a: string) => actions.indexOf(a);
    expect(at('draft')).toBeGreaterThan(at('consolidate'));
    expect(at('ballot')).toBeGreaterThan(at('draft'));
    expect(at('rank')).toBeGreaterThan(at('ballot'));
    expect(actions.lastIndexOf('draft')).toBeGreaterThan(actions.lastIndexOf('rank'));
    expect(at('export')).toBeGreaterThan(actions.lastIndexOf('draft'));
    // what each next step says, and the step the commune is in along the way
    const NEXT_TEXT: Readonly<Record<string, RegExp>> = {
      consolidate: /^Tiếp theo: Tổng hợp các biểu đã nhận thành kế hoạch xã/u,
      draft: /^Tiếp theo: (Soạn dự thảo kế hoạch|Cập nhật dự thảo) Biểu II\.7\.[AB]/u,
      ballot: /^Tiếp theo: Chuẩn bị hội nghị kế hoạch xã: tạo phiếu xếp ưu tiên cho danh sách II\.6\.B/u,
      rank: /^Tiếp theo: Sau hội nghị kế hoạch xã: nhập phiếu đã điền vào trang "Phiếu ưu tiên - II\.6\.B" rồi xếp ưu tiên\./u,
      export: /^Tiếp theo: Xuất tệp kế hoạch \(II\.4\.A, II\.4\.B, II\.6\.A, II\.6\.B\)/u,
      tick: /^Tiếp theo: Bước 5: .+ — khi đã xong, đánh dấu: .+\.$/u,
    };
    for (const x of seen) expect(x.text).toMatch(NEXT_TEXT[x.action] ?? /^Tiếp theo: /u);
    // before the conference the drafts are made; after it they are updated
    expect(seen.slice(actions.lastIndexOf('rank') + 1).filter((x) => x.action === 'draft').every((x) => x.text.includes('Cập nhật dự thảo'))).toBe(true);
    // at step 3 until the ranking is read from the ballot, then at the conference's step
    expect(seen.slice(0, actions.lastIndexOf('rank') + 1).map((x) => x.current)).toEqual(seen.slice(0, actions.lastIndexOf('rank') + 1).map(() => 3));
    expect(seen[at('export')].current).toBe(4);
    // the walk ends past the export, with what no file can show asked by name (or the plan's feedback awaited)
    const last = seen[seen.length - 1];
    expect(['tick', 'feedback', 'done']).toContain(last.action);
    expect(last.current).toBeGreaterThanOrEqual(5);
    expect(last.results).toBeGreaterThan(first.results);
    if (last.action === 'tick') expect(last.text).toMatch(/đánh dấu: \S/u);

    // The commune's own papers the page drafts, each from its step's Văn bản: the calendar (step 1),
    // its departments' II.8 (step 3), the report of the year (step 7); the count of results only grows.
    for (const [n, kind] of [[1, 'II.2'], [3, 'II.8'], [7, 'II.1']] as const) {
      const before = await yearShown(page);
      await page.locator(`[data-lkh-nav="step-${n}"]`).click();
      await page.locator('[data-lkh-nav="tool-documents"]').click();
      const doc = await download(page, () => page.locator('#lkh-panel-documents').getByRole('button', { name: `Tải ${kind}`, exact: true }).click());
      expect(doc.bytes.length).toBeGreaterThan(0);
      await page.waitForFunction((r) => Number(document.querySelector('[data-lkh-current]')?.getAttribute('data-lkh-results') ?? 0) > r, before.results, { timeout: 60_000 });
      noWorse(await yearShown(page), before);
    }

    // Every step is done, or each result it still lacks is named on screen: what no file can show
    // (ticked by hand), the conference's own minutes (II.9, written by the commune) and what waits
    // for the upper level's feedback (step 6).
    const open: string[] = [];
    for (let n = 1; n <= 7; n++) {
      await page.locator(`[data-lkh-nav="step-${n}"]`).click();
      const head = page.locator(`[data-lkh-step="${n}"]`);
      await head.waitFor();
      if ((await head.getAttribute('data-lkh-step-done')) === 'true') continue;
      await head.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
      for (const li of await head.locator('[data-lkh-item][data-lkh-done="false"]').all()) {
        expect(await li.isVisible()).toBe(true);
        const text = ((await li.textContent()) ?? '').replace(/^○/u, '').trim();
        expect(text.length).toBeGreaterThan(3);
        if ((await li.getAttribute('data-lkh-kind')) !== 'manual') open.push(`bước ${n}: ${text}`);
      }
    }
    // Các bước at the end of the walk, whole (for a reviewer's eye; the same state as the steps' heads)
    await page.locator('[data-lkh-nav="step-7"]').click();
    await page.locator('[data-lkh-nav="tool-checklist"]').click();
    await page.locator('#lkh-panel-checklist [data-lkh-checklist-step="7"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'steps-320-checklist-end.png'), fullPage: true });
    expect(open).toEqual([
      'bước 4: Biểu II.9',
      ...['II.7.A', 'II.7.B', 'II.6.A', 'II.6.B', 'II.6.C', 'II.8'].map((f) => `bước 6: Biểu ${f} — còn thiếu: cập nhật theo phản hồi của cấp trên`),
      'bước 6: Biểu II.10',
    ]);

    // every step and screen, each in ≤ 2 clicks from anywhere; no label cut; never wider than the window
    const { cut, wide, words } = await everyScreen(page, async (name) => void (await page.screenshot({ path: path.join(SHOTS, `steps-320-${name}.png`) })));
    expect(cut).toEqual([]);
    expect(wide).toEqual([]);
    expect(words).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits at 300 and 1280 px: no navigation label cut, the content uses the window', async () => {
    for (const width of [300, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${base}/standalone.html`);
      await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).click();
      await page.locator('[data-lkh-step]').waitFor({ timeout: 60_000 });
      const { cut, wide, words } = await everyScreen(page, async (name) => void (await page.screenshot({ path: path.join(SHOTS, `steps-${width}-${name}.png`) })));
      expect({ width, cut, wide, words }).toEqual({ width, cut: [], wide: [], words: [] });
      if (width === 1280) {
        // not capped near 760 px
        const pane = await page.locator('[data-host="standalone"]').evaluate((el) => el.getBoundingClientRect().width);
        expect(pane).toBeGreaterThan(1000);
      }
      await context.close();
    }
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
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).waitFor();
    expect(await page.locator('[data-lkh-nav="sheet"]').count()).toBe(0);
    const w = await widthOf(page);
    expect(w.scroll).toBeLessThanOrEqual(w.client);
    expect(await cutLabels(page)).toEqual([]);
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
    await ok.page.getByRole('button', { name: 'Cài đặt', exact: true }).waitFor();
    expect(await ok.page.locator('#lkh-fallback').isVisible()).toBe(false);
    await ok.context.close();

    const offline = await pane({ office: 'abort' });
    await offline.page.getByRole('alert').getByText('Không tải được thư viện Office (office.js)').waitFor();
    await offline.context.close();
  });
});
