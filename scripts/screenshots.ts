/**
 * The screenshots of issues 14 and 20 at 320 px, in Debian's headless Chromium (playwright-core), from
 * the built pages: the standalone page's step view (the year's current step), its home screen after "Dùng thử với xã mẫu", its sheet viewer
 * opened at a finding's cell, the consolidation summary, and the Google Sheets sidebar's home
 * screen (over the fake google.script.run of sheets-addon/test/sidebar-browser.ts). Run through
 * scripts/screenshots.mjs (it builds the pages first); not part of the tests.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { openSidebar, widthOf } from '../sheets-addon/test/sidebar-browser';
import { serve } from '../excel-addin/test/static-server';

export interface ShotOptions {
  /** dist/excel-addin as scripts/build-excel.mjs writes it. */
  readonly excelDir: string;
  /** dist/sheets-addon as scripts/build-sheets.mjs writes it. */
  readonly sheetsDir: string;
  readonly outDir: string;
  readonly width?: number;
  readonly chromium?: string;
  /** The guides' pictures instead (issue 25): buoc-1.png … buoc-7.png, one per step of the standalone page after the demo, and the Sheets sidebar's Cấp trên and Chia sẻ (at its 300 px), each the window's height at most. */
  readonly guide?: boolean;
}

/** The window as it is, no taller (the guides' pictures stay small). */
async function view(page: Page, file: string): Promise<string> {
  await page.waitForTimeout(400);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file });
  return file;
}


/** The page at the window's width from its top, down to the end of `until` (else the whole page), and whether it scrolls sideways. */
async function shot(page: Page, file: string, until?: Locator): Promise<string> {
  await page.waitForTimeout(400);
  const w = await widthOf(page);
  const box = until ? await until.boundingBox() : null;
  const scrollY = Number(await page.evaluate('window.scrollY'));
  await page.screenshot({ path: file, fullPage: true, ...(box ? { clip: { x: 0, y: 0, width: w.client, height: Math.ceil(scrollY + box.y + box.height + 12) } } : {}) });
  return `${file}${w.scroll > w.client ? `  (scrolls sideways: ${w.scroll} > ${w.client} px)` : ''}`;
}

export async function takeScreenshots(o: ShotOptions): Promise<string[]> {
  const width = o.width ?? 320;
  mkdirSync(o.outDir, { recursive: true });
  const out = (name: string) => path.join(o.outDir, name);
  const server = await serve(path.resolve(o.excelDir));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: o.chromium ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const written: string[] = [];
  const errors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width, height: 720 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`standalone: ${e.message}`));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${base}/standalone.html`);
    const demo = page.getByRole('button', { name: 'Dùng thử với xã mẫu', exact: true });
    await demo.click();
    await page.getByText(/Đã nạp xã mẫu Tân Lập/).waitFor();
    // The pane opens on the step the year is in (3); the first screenshot is the step view itself.
    await page.locator('[data-lkh-step]').waitFor({ timeout: 60_000 });
    if (o.guide) {
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        await page.locator(`[data-lkh-nav="step-${n}"]`).click();
        await page.locator(`[data-lkh-step="${n}"]`).first().waitFor({ timeout: 60_000 });
        if (n === 3) {
          // The step as the accountant sees it after pressing Tổng hợp: the summary, and steps 4-7 with a plan.
          await page.locator('#lkh-panel-consolidate').getByRole('button', { name: 'Tổng hợp', exact: true }).click();
          await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · (khớp|KHÔNG khớp)$/).waitFor({ timeout: 120_000 });
        }
        written.push(await view(page, out(`buoc-${n}.png`)));
      }
      await page.locator('[data-lkh-nav="settings"]').click();
      await page.locator('#lkh-panel-settings').waitFor();
      written.push(await view(page, out('cai-dat.png')));
      await context.close();
      const readG = (f: string) => readFileSync(path.join(o.sheetsDir, f), 'utf8');
      const g = await openSidebar(browser, { code: readG('Code.js'), sidebarHtml: readG('Sidebar.html'), xlsxLibHtml: readG('XlsxLib.html') }, { width: 300, height: 720, demo: true }); // the Sheets sidebar's own width
      for (const [id, name] of [['upper', 'sheets-cap-tren.png'], ['share', 'sheets-chia-se.png']] as const) {
        await g.page.locator(`[data-lkh-nav="${id}"]`).click();
        written.push(await view(g.page, out(name)));
      }
      errors.push(...g.errors.map((e) => `sheets: ${e}`));
      await g.context.close();
      if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
      return written;
    }
    written.push(await shot(page, out(`steps-${width}.png`)));
    await page.locator('[data-lkh-nav="home"]').click();
    await page.locator('#lkh-panel-home').getByText('Đã nhận').first().waitFor();
    written.push(await shot(page, out(`home-${width}.png`)));

    // Kiểm tra, then a finding opens the sheet viewer at its cell, marked.
    await page.locator('[data-lkh-nav="step-2"]').click();
    await page.locator('[data-lkh-nav="tool-validate"]').click();
    await page.locator('#lkh-panel-validate').getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/Đã nhận ra \d+ biểu/).waitFor({ timeout: 60_000 });
    await page.locator('#lkh-panel-validate').getByRole('button', { name: /^Đến ô / }).first().click();
    const target = page.locator('[role=grid] [data-target="true"]');
    await target.waitFor();
    // down to the first finding listed under the grid
    written.push(await shot(page, out(`grid-finding-${width}.png`), page.locator('#lkh-panel-sheet li').first()));

    // Tổng hợp: the summary first.
    await page.locator('[data-lkh-nav="step-3"]').click();
    await page.locator('[data-lkh-nav="tool-consolidate"]').click();
    await page.locator('#lkh-panel-consolidate').getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.getByText(/^\d+ hoạt động · [\d.,]+ triệu đồng · (khớp|KHÔNG khớp)$/).waitFor({ timeout: 120_000 });
    // down to the headers of the collapsible sections (an open one shows its first lines)
    const panel = page.locator('#lkh-panel-consolidate');
    written.push(await shot(page, out(`consolidated-${width}.png`), panel.locator('.fui-Accordion').first().locator(':scope > .fui-AccordionItem > .fui-AccordionHeader').last()));
    await context.close();

    // The Google Sheets sidebar over the fake google.script.run, the demo commune's tabs in it.
    const read = (f: string) => readFileSync(path.join(o.sheetsDir, f), 'utf8');
    const s = await openSidebar(browser, { code: read('Code.js'), sidebarHtml: read('Sidebar.html'), xlsxLibHtml: read('XlsxLib.html') }, { width, demo: true });
    await s.page.locator('[data-lkh-nav="home"]').click();
    await s.page.locator('#lkh-panel-home').getByText('Đã nhận').first().waitFor();
    written.push(await shot(s.page, out(`sheets-home-${width}.png`)));
    errors.push(...s.errors.map((e) => `sheets: ${e}`));
    await s.context.close();
  } finally {
    await browser.close();
    server.close();
  }
  if (errors.length > 0) throw new Error(`page errors:\n${errors.join('\n')}`);
  return written;
}
