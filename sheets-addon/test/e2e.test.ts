/**
 * The built Google Sheets sidebar (Sidebar.html, built here into a temporary folder by
 * scripts/build-sheets.mjs) at task-pane width in Debian's headless Chromium (/usr/bin/chromium,
 * installed by scripts/setup.sh) with playwright-core, over a fake google.script.run whose calls
 * run the built server (Code.js) in Node over the fake spreadsheet (sidebar-browser.ts).
 *
 * Every view (Kế hoạch, Cấp trên, Chia sẻ) and every tab of the shared pane, before and after
 * consolidating the demo commune: no sideways scroll, no page error.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { BuiltAddon } from './fake-apps-script';
import { buildAddon } from './fake-apps-script';
import type { BuiltSidebar, SidebarSession } from './sidebar-browser';
import { openSidebar, widthOf } from './sidebar-browser';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

jest.setTimeout(240_000);

let built: BuiltSidebar;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/setup.sh" (it installs Debian's chromium package).`);
  const addon: BuiltAddon = buildAddon();
  built = { code: addon.code, sidebarHtml: addon.sidebarHtml ?? '', xlsxLibHtml: addon.xlsxLibHtml ?? '' };
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

/** The shared pane's tabs, by value, in order. */
async function paneTabs(s: SidebarSession): Promise<string[]> {
  return s.page.locator('[role=tab][id^="lkh-tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('value') ?? ''));
}

/** Goes over the three views and every tab of the pane; the width of each, by name. */
async function everyScreen(s: SidebarSession, label: string): Promise<Record<string, { scroll: number; client: number }>> {
  const { page } = s;
  const widths: Record<string, { scroll: number; client: number }> = {};
  await page.locator('#lkh-view-pane').click();
  const ids = await paneTabs(s);
  expect(ids).toEqual(expect.arrayContaining(['home', 'settings', 'forms', 'validate', 'consolidate', 'ranking', 'checklist', 'files', 'documents']));
  for (const id of ids) {
    await page.locator(`[role=tab][value="${id}"]`).click();
    await page.locator(`#lkh-panel-${id}`).waitFor();
    await page.waitForTimeout(300);
    widths[`${label} pane/${id}`] = await widthOf(page);
  }
  for (const view of ['upper', 'share']) {
    await page.locator(`#lkh-view-${view}`).click();
    await page.waitForTimeout(300);
    widths[`${label} ${view}`] = await widthOf(page);
  }
  await page.locator('#lkh-view-pane').click();
  return widths;
}

describe('the Sheets sidebar at 320 px (issue 14: fits a narrow pane)', () => {
  it('shows every view and tab, before and after consolidating the demo commune, without sideways scroll or page error', async () => {
    const s = await openSidebar(browser, built, { width: 320, demo: true });
    const { page } = s;
    await page.getByText('Xã Tân Lập · kế hoạch năm 2027').waitFor();
    // one row of views, one row of pane tabs
    for (const prefix of ['lkh-view-', 'lkh-tab-']) {
      const tops = await page.locator(`[role=tab][id^="${prefix}"]`).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
    }
    const widths = await everyScreen(s, 'start');

    // Kiểm tra with its findings, then Tổng hợp with its summary
    await page.locator('[role=tab][value="validate"]').click();
    await page.locator('#lkh-panel-validate').getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/Đã nhận ra \d+ biểu/).waitFor({ timeout: 60_000 });
    widths['validated'] = await widthOf(page);
    await page.locator('[role=tab][value="consolidate"]').click();
    await page.locator('#lkh-panel-consolidate').getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · khớp$/).waitFor({ timeout: 120_000 });
    // every section of the summary open
    for (const header of await page.locator('#lkh-panel-consolidate .fui-AccordionHeader__button').all()) {
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    }
    await page.waitForTimeout(300);
    widths['consolidated'] = await widthOf(page);
    expect(s.calls).toEqual(expect.arrayContaining(['getSettings', 'validate', 'consolidate']));
    Object.assign(widths, await everyScreen(s, 'after'));

    for (const [name, w] of Object.entries(widths)) expect({ name, ...w, fits: w.scroll <= w.client }).toEqual({ name, ...w, fits: true });
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
});
