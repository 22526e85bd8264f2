/**
 * The built Google Sheets sidebar (Sidebar.html, as scripts/build-sheets.mjs writes it) in a real
 * browser: the page is served at a made-up https address by the browser context's router, and
 * `google.script.run` is a fake injected before the page's own script. Each of its calls crosses to
 * Node (a binding) and runs the built server (Code.js) in a `vm` context over the strict fake
 * spreadsheet, with what google.script.run lets cross (JSON only): the whole round trip without a
 * Google login. Used by the Chromium check at 320 px (e2e.test.ts) and by scripts/screenshots.mjs.
 * Not a test itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importedTabName, uniqueTabName } from '../../core/src/app/tab-names';
import { DEMO_COMMUNE, DEMO_PERIOD, DEMO_PROVINCE, DEMO_YEAR, demoFiles } from '../../core/src/workflow/demo';
import type { ImportRequest } from '../src/server/entry-points';
import type { ServerContext } from './fake-apps-script';
import { appsScriptWorld, crossing, loadServer, messageOf, serverCall, topLevelFunctions } from './fake-apps-script';
import { FakeSpreadsheet } from './fake-spreadsheet';

/** Where the page is served (never fetched from the network: the context's router answers). */
export const SIDEBAR_URL = 'https://lkh-sidebar.test/Sidebar.html';

export interface BuiltSidebar {
  /** Code.js */
  readonly code: string;
  /** Sidebar.html */
  readonly sidebarHtml: string;
  /** XlsxLib.html (fetched by the sidebar through sidebarLibrary() on the first upload or download) */
  readonly xlsxLibHtml: string;
}

export interface SidebarSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly ss: FakeSpreadsheet;
  /** Page errors and console errors, in order. */
  readonly errors: string[];
  /** The server functions called, in order. */
  readonly calls: string[];
}

/**
 * google.script.run as the sidebar uses it (withSuccessHandler / withFailureHandler, then the
 * server function by name; asynchronous), over the binding `__lkhServerCall`.
 */
const FAKE_SCRIPT_RUN = `(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
      if (prop === 'withFailureHandler') return (f) => runner(success, f);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        window.__lkhServerCall(prop, JSON.stringify(args.map((a) => (a === undefined ? null : a)))).then(
          (json) => { if (success) success(json === null ? null : JSON.parse(json)); },
          (e) => { if (failure) failure(new Error(String((e && e.message) || e).replace(/^Error: /, ''))); },
        );
      };
    },
  });
  window.google = { script: { run: runner() } };
})();`;

/** Seeds the spreadsheet as a commune accountant's after receiving the demo commune's files: the settings, then each file's sheets as tabs. */
export function seedDemo(context: ServerContext): void {
  serverCall(context, 'saveSettings', { level: 'xa', period: DEMO_PERIOD, upperLevelName: DEMO_PROVINCE, planYear: DEMO_YEAR, unitName: DEMO_COMMUNE });
  const taken: string[] = [];
  for (const file of demoFiles()) {
    const sheets = file.sheets.map((s) => {
      const name = uniqueTabName(importedTabName(s.layout.name, { unit: file.unit, formId: s.formId, file: file.name }), taken);
      taken.push(name);
      return { layout: { ...s.layout, name }, formId: s.formId };
    });
    const request: ImportRequest = { file: file.name, sheets };
    serverCall(context, 'importSheets', crossing(request, 'importSheets'));
  }
}

/** Opens the built sidebar at `width` (the Sheets sidebar is 300 px; 320 here by default) over a fresh fake spreadsheet, the demo commune's tabs in it when `demo`. */
export async function openSidebar(browser: Browser, built: BuiltSidebar, options: { width?: number; height?: number; demo?: boolean } = {}): Promise<SidebarSession> {
  const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
  const world = appsScriptWorld(ss, { Sidebar: built.sidebarHtml, XlsxLib: built.xlsxLibHtml });
  const server = loadServer(built.code, world);
  if (options.demo) seedDemo(server);
  const callable = new Set(topLevelFunctions(server).filter((n) => !n.endsWith('_')));
  const calls: string[] = [];
  const errors: string[] = [];
  const context = await browser.newContext({ viewport: { width: options.width ?? 320, height: options.height ?? 720 }, locale: 'vi-VN' });
  await context.exposeBinding('__lkhServerCall', (_source, name: string, argsJson: string) => {
    calls.push(name);
    if (!callable.has(name)) throw new Error(`Script function not found: ${name}`);
    const args = JSON.parse(argsJson) as unknown[];
    let result: unknown;
    try {
      result = crossing(serverCall(server, name, ...args), `${name} result`);
    } catch (e) {
      // The server's message as google.script.run gives it (the vm's Error is another realm's).
      throw new Error(messageOf(e), { cause: e });
    }
    return result === undefined ? null : JSON.stringify(result);
  });
  await context.addInitScript(FAKE_SCRIPT_RUN);
  await context.route('https://lkh-sidebar.test/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: built.sidebarHtml }));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(SIDEBAR_URL);
  return { context, page, ss, errors, calls };
}

/** The page's width against the window's: a page wider than the window scrolls sideways. */
export async function widthOf(page: Page): Promise<{ scroll: number; client: number }> {
  // (A string: this file is also compiled without the DOM's types, for scripts/screenshots.ts.)
  return page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
}
