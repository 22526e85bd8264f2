/**
 * The release a province's IT office puts on its server (`npm run release -- --base-url URL`,
 * scripts/release.mjs), checked as that office would use it:
 *   - the archive and its SHA-256 agree; it holds the site, the Sheets add-on, the blank forms and
 *     the instructions; every file a page, a bundle, the service worker or the manifest refers to
 *     is in it; the manifest's URLs all start with the base URL;
 *   - served from the base URL's path (/lkh/) by a plain static server, the standalone page opens in
 *     Chromium, keeps itself (service worker), and after the network is cut — the browser offline
 *     and the server stopped — opens again, loads the demo commune, consolidates and downloads
 *     the workbook.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';

const root = path.resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BASE_URL = 'https://example.org/lkh';
const VERSION = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const NAME = `lkh-${VERSION}`;

jest.setTimeout(300_000);

let work: string;
let files: Map<string, Buffer>;

const site = (f: string) => `${NAME}/site/${f}`;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lkh-release-test-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'release.mjs'), '--base-url', BASE_URL, '--out', path.join(work, 'out')], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, LKH_BUILD_DATE: '2026-12-07' },
  });
  const zip = await JSZip.loadAsync(readFileSync(path.join(work, 'out', `${NAME}.zip`)));
  files = new Map();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the release archive', () => {
  it('comes with its SHA-256 in sha256sum format', () => {
    const bytes = readFileSync(path.join(work, 'out', `${NAME}.zip`));
    const line = readFileSync(path.join(work, 'out', `${NAME}.zip.sha256`), 'utf8');
    expect(line).toBe(`${createHash('sha256').update(bytes).digest('hex')}  ${NAME}.zip\n`);
  });

  it('holds the site, the Sheets add-on, the blank forms and the instructions, and no source map', () => {
    for (const f of ['site/huong-dan/ke-toan-xa.md', 'site/huong-dan/cntt.md', 'site/huong-dan/tinh-google-sheets.md', 'site/standalone.html', 'site/taskpane.html', 'site/manifest.xml', 'site/sw.js', 'site/lkh.webmanifest', 'sheets-addon/Code.js', 'sheets-addon/Sidebar.html', 'sheets-addon/XlsxLib.html', 'sheets-addon/appsscript.json', 'mau-bieu/II.6.B.xlsx', 'mau-bieu/I.2.xlsx', 'DOC-TRUOC.txt']) {
      expect(files.has(`${NAME}/${f}`)).toBe(true);
    }
    expect([...files.keys()].filter((f) => f.endsWith('.map'))).toEqual([]);
    // The blank forms of the edition in use: the same set as the committed templates/ folder.
    const forms = (dir: string[]) => dir.filter((f) => f.endsWith('.xlsx')).sort();
    expect(forms([...files.keys()].filter((f) => f.startsWith(`${NAME}/mau-bieu/`)).map((f) => path.basename(f)))).toEqual(forms(readdirSync(path.join(root, 'templates'))));
    expect(files.get(`${NAME}/DOC-TRUOC.txt`)?.toString('utf8')).toContain(`${BASE_URL}/standalone.html`);
  });

  it('holds every file the pages, their bundles and the service worker refer to, all relative', () => {
    const missing: string[] = [];
    const need = (from: string, ref: string) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), ref.replace(/[?#].*$/, '')));
      if (!files.has(site(target))) missing.push(`${from} → ${ref}`);
    };
    for (const page of ['standalone.html', 'taskpane.html']) {
      const html = files.get(site(page))?.toString('utf8') ?? '';
      // Attributes of the markup (not the strings an inline script builds), office.js from Microsoft's CDN aside.
      const refs = [...html.matchAll(/(?:src|href)="([^"'+]+)"/g)].map((m) => m[1]).filter((r) => !/^https:\/\/appsforoffice\.microsoft\.com\//.test(r));
      expect(refs.length).toBeGreaterThan(2);
      // Relative, so the site works under any path.
      expect(refs.filter((r) => r.startsWith('/') || /^[a-z]+:/i.test(r))).toEqual([]);
      for (const r of refs) need(page, r);
    }
    for (const [name, bytes] of files) {
      if (!name.startsWith(site('')) || !name.endsWith('.js') || name.endsWith('sw.js')) continue;
      const rel = name.slice(site('').length);
      for (const m of bytes.toString('utf8').matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)) need(rel, m[1]);
    }
    const sw = files.get(site('sw.js'))?.toString('utf8') ?? '';
    const kept = JSON.parse(/const FILES = (\[.*\]);/.exec(sw)?.[1] ?? '[]') as string[];
    expect(kept).toEqual(expect.arrayContaining(['standalone.html', 'lkh.webmanifest', 'assets/icon-192.png']));
    for (const f of kept) need('sw.js', f);
    // Every script the standalone page may load is kept for offline use.
    const scripts = [...files.keys()].filter((f) => f.startsWith(site('')) && f.endsWith('.js') && !/\/(?:sw|taskpane-[^/]*)\.js$/.test(f)).map((f) => f.slice(site('').length));
    expect(scripts.filter((s) => !kept.includes(s))).toEqual([]);
    expect(missing).toEqual([]);
  });

  it("has a manifest whose every URL starts with the base URL, at the release's version", () => {
    const xml = files.get(site('manifest.xml'))?.toString('utf8') ?? '';
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !/^http:\/\/(?:schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((u) => !u.startsWith(`${BASE_URL}/`))).toEqual([]);
    expect(xml).toContain(`<Version>${VERSION}.0</Version>`);
  });
});

describe('the standalone page from the release, offline', () => {
  let browser: Browser;
  let server: http.Server;
  let dir: string;

  /** Serves the site under /lkh/ (the base URL's path), as a static host would. */
  function serveAt(dir: string): Promise<http.Server> {
    const s = http.createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.resolve(dir, `.${pathname.replace(/^\/lkh\//, '/')}`);
      if (!pathname.startsWith('/lkh/') || !file.startsWith(dir + path.sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.css': 'text/css' }[path.extname(file)];
      res.writeHead(200, { 'Content-Type': type ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/setup.sh" (it installs Debian's chromium package).`);
    dir = path.join(work, 'www');
    for (const [name, bytes] of files) {
      if (!name.startsWith(site(''))) continue;
      const out = path.join(dir, name.slice(site('').length));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, bytes);
    }
    server = await serveAt(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it('says "Đã có phiên bản mới" when a new release replaces the kept one, and not on the first visit', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lkh/standalone.html`;
    await page.goto(url);
    await controlled(page);
    expect(await page.getByTestId('lkh-updated').count()).toBe(0);
    // The next release: another service worker (another list of files) on the server.
    const sw = path.join(dir, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    writeFileSync(sw, before.replace(/const CACHE = "([^"]+)";/, 'const CACHE = "$1-next";'));
    try {
      await page.reload();
      await page.getByTestId('lkh-updated').waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('lkh-updated').textContent()).resolves.toContain('Đã có phiên bản mới của LKH');
    } finally {
      writeFileSync(sw, before);
      await context.close();
    }
  });

  it('opens with no network after one visit, loads the demo, consolidates and downloads the plan', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lkh/standalone.html`;

    await page.goto(url);
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).waitFor();
    await controlled(page);

    // The network goes: the browser offline and the server gone.
    await context.setOffline(true);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await page.reload();
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true }).click();
    await page.getByText(/Đã nạp xã mẫu Tân Lập \(\d+ trang\)/).waitFor();
    await consolidate(page);
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống', exact: true }).click()]);
    const file = path.join(work, d.suggestedFilename());
    await d.saveAs(file);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
    expect(await wb.listSheets()).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']));
    // "Giới thiệu" names the release and the day it was built.
    await page.locator('[data-lkh-nav="settings"]').click();
    await expect(page.getByTestId('lkh-version').textContent()).resolves.toBe(`LKH phiên bản ${VERSION}, dựng ngày 07/12/2026.`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Waits until the service worker has kept every file and controls the page (at most 60 s). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const wait = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    })();
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker never took control of the page')), 60_000));
    await Promise.race([wait, late]);
  });
}

/** Consolidates the open workbook from the pane and waits for its reconciliation sentence. */
async function consolidate(page: Page): Promise<void> {
  await page.locator('[data-lkh-nav="step-3"]').click();
  await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
  await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · khớp$/).waitFor({ timeout: 120_000 });
}
