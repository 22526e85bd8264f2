/**
 * The built Google Sheets sidebar (Sidebar.html, built here into a temporary folder by
 * scripts/build-sheets.mjs) at task-pane width in Debian's headless Chromium (/usr/bin/chromium,
 * installed by scripts/setup.sh) with playwright-core, over a fake google.script.run whose calls
 * run the built server (Code.js) in Node over the fake spreadsheet (sidebar-browser.ts).
 *
 * Every view (Kế hoạch, Cấp trên, Chia sẻ) and every tab of the shared pane, before and after
 * consolidating the demo commune: no sideways scroll, no page error; the demo walked by the next step
 * through the drafts, the ballot (filled in the fake spreadsheet) and the ranking to the export.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { BuiltAddon } from './fake-apps-script';
import { buildAddon } from './fake-apps-script';
import type { BuiltSidebar, SidebarSession } from './sidebar-browser';
import { openSidebar, widthOf } from './sidebar-browser';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { BALLOT_TEXT } from '../../core/src/workflow/ranking/ballot';

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

/** Navigation labels cut or partly hidden: wider than their box, or past the window's edge. */
async function cutLabels(s: SidebarSession): Promise<string[]> {
  return s.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-lkh-nav]')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || el.getBoundingClientRect().left < 0)
      .map((el) => `${el.getAttribute('data-lkh-nav') ?? ''} "${el.textContent ?? ''}" ${el.scrollWidth}>${el.clientWidth}`),
  );
}

/** Every place of the navigation (the pane's, Cấp trên, Chia sẻ), every step and screen of a step: its width, its cut labels. */
async function everyScreen(s: SidebarSession, label: string): Promise<{ widths: Record<string, { scroll: number; client: number }>; cut: string[] }> {
  const { page } = s;
  const widths: Record<string, { scroll: number; client: number }> = {};
  const cut: string[] = [];
  const check = async (name: string) => {
    await page.waitForTimeout(200);
    widths[`${label} ${name}`] = await widthOf(page);
    cut.push(...(await cutLabels(s)).map((c) => `${label} ${name}: ${c}`));
  };
  const places = await page.locator('[data-lkh-nav]:not([data-lkh-nav^="step-"]):not([data-lkh-nav^="tool-"]):not([data-lkh-nav="lang"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-lkh-nav') ?? ''));
  expect(places).toEqual(['home', 'settings', 'upper', 'share']);
  for (const place of places) {
    await page.locator(`[data-lkh-nav="${place}"]`).click();
    await check(place);
  }
  for (let n = 1; n <= 7; n++) {
    await page.locator(`[data-lkh-nav="step-${n}"]`).click();
    await page.locator(`[data-lkh-step="${n}"]`).waitFor();
    for (const tool of await page.locator('[data-lkh-nav^="tool-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lkh-nav') ?? ''))) {
      await page.locator(`[data-lkh-nav="${tool}"]`).click();
      await check(`step-${n}-${tool}`);
    }
  }
  return { widths, cut };
}

/**
 * Fills a marks ballot as the conference would: each participant's column gets three marks ("x"), person i
 * on rows i, i+1, i+2, so the totals differ from row to row.
 */
function fillBallot(ss: FakeSpreadsheet, name: string): void {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no ballot sheet "${name}"`);
  const values = sheet.getDataRange().getValues();
  const headerRow = values.findIndex((row) => row.includes(BALLOT_TEXT.participantsGroup));
  if (headerRow < 0) throw new Error(`no "${BALLOT_TEXT.participantsGroup}" on "${name}"`);
  const pCol = values[headerRow].indexOf(BALLOT_TEXT.participantsGroup);
  const totalCol = values[headerRow].indexOf(BALLOT_TEXT.marksTotal);
  const body = headerRow + 2;
  let items = 0;
  while (typeof values[body + items]?.[0] === 'number') items++;
  expect(items).toBeGreaterThan(3);
  for (let p = 0; p < totalCol - pCol; p++) for (let k = 0; k < 3; k++) sheet.getRange(body + ((p + k) % items) + 1, pCol + p + 1).setValues([['x']]);
}

/** Where the year is, as the pane shows it. */
async function yearShown(s: SidebarSession): Promise<{ current: number; done: number; action: string; text: string; button: string }> {
  return s.page.evaluate(() => {
    const row = document.querySelector('[data-lkh-current]');
    const next = document.querySelector('[data-lkh-next]');
    return {
      current: Number(row?.getAttribute('data-lkh-current') ?? 0),
      done: Number(row?.getAttribute('data-lkh-done') ?? 0),
      action: next?.getAttribute('data-lkh-action') ?? '',
      text: next?.querySelector('[data-lkh-next-text]')?.textContent ?? '',
      button: next?.querySelector('[data-lkh-next-button]')?.textContent ?? '',
    };
  });
}

describe('the Sheets sidebar at 320 px (issue 14: fits a narrow pane; issue 20: the steps)', () => {
  it('walks the demo commune through the year by the next step alone, every screen with no label cut or sideways scroll', async () => {
    const s = await openSidebar(browser, built, { width: 320, height: 520, demo: true });
    const { page } = s;
    await page.locator('[data-lkh-next-text]').waitFor({ timeout: 60_000 });
    await page.locator('[data-lkh-step]').waitFor();
    const first = await yearShown(s);
    expect(first).toMatchObject({ current: 3, action: 'consolidate', button: 'Tổng hợp ngay' });
    // the work area (the step's heading) in the top third of a 320×520 sidebar
    expect(await page.locator('[data-lkh-step] h2').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThanOrEqual(520 / 3);
    const before = await everyScreen(s, 'start');

    const seen = [first];
    for (let i = 0; i < 14; i++) {
      const now = seen[seen.length - 1];
      // Through the conference (the ballot filled as its participants would, then ranked) to the export.
      if (!now.button || ['tick', 'done', 'receive', 'feedback', 'export'].includes(now.action)) break;
      if (now.action === 'rank') fillBallot(s.ss, /"([^"]+)"/u.exec(now.text)?.[1] ?? '');
      await page.locator('[data-lkh-next-button]').click();
      await page.waitForFunction((was) => {
        const next = document.querySelector('[data-lkh-next]');
        return next !== null && `${next.getAttribute('data-lkh-action') ?? ''}|${next.querySelector('[data-lkh-next-text]')?.textContent ?? ''}` !== was;
      }, `${now.action}|${now.text}`, { timeout: 30_000 }).catch(async (e: unknown) => {
        // what the pane said instead (an error bar), for the failure message
        throw new Error(`${now.action}: the next step did not change. ${s.errors.join(' ')} ${(await page.locator('[role=group][class*=MessageBar], .fui-MessageBar').allTextContents()).join(' | ')} ${String(e)}`);
      });
      const after = await yearShown(s);
      expect(after.done).toBeGreaterThanOrEqual(now.done);
      expect(after.current).toBeGreaterThanOrEqual(now.current);
      expect(after.text).toMatch(/^Tiếp theo: /u);
      seen.push(after);
    }
    const actions = seen.map((x) => x.action);
    expect(actions[0]).toBe('consolidate');
    // the conference in its order: the ballot, then ranking from it, then the export (after the drafts)
    const at = (a: string) => actions.indexOf(a);
    expect(actions).toEqual(expect.arrayContaining(['draft', 'ballot', 'rank', 'export']));
    expect(at('ballot')).toBeLessThan(at('rank'));
    expect(at('rank')).toBeLessThan(at('export'));
    expect(seen[at('ballot')].text).toMatch(/^Tiếp theo: Chuẩn bị hội nghị kế hoạch xã: tạo phiếu/u);
    expect(seen[at('rank')].text).toMatch(/nhập phiếu đã điền vào trang "Phiếu ưu tiên - II\.6\.B" rồi xếp ưu tiên/u);
    expect(seen[at('export')].current).toBeGreaterThanOrEqual(4);
    expect(seen[at('export')].current).toBeGreaterThan(seen[at('ballot')].current);
    expect(s.calls).toEqual(expect.arrayContaining(['getSettings', 'yearStatus', 'consolidate', 'recordDocument', 'createBallot', 'rankFromBallot']));
    // the year is read again after every action
    expect(s.calls.filter((c) => c === 'yearStatus').length).toBeGreaterThanOrEqual(seen.length);

    const after = await everyScreen(s, 'after');
    for (const [name, w] of Object.entries({ ...before.widths, ...after.widths })) expect({ name, ...w, fits: w.scroll <= w.client }).toEqual({ name, ...w, fits: true });
    expect([...before.cut, ...after.cut]).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('at 300 px, Google Sheets’ own width: no navigation label cut', async () => {
    const s = await openSidebar(browser, built, { width: 300, demo: true });
    await s.page.locator('[data-lkh-step]').waitFor({ timeout: 60_000 });
    const { widths, cut } = await everyScreen(s, '300');
    for (const [name, w] of Object.entries(widths)) expect({ name, ...w, fits: w.scroll <= w.client }).toEqual({ name, ...w, fits: true });
    expect(cut).toEqual([]);
    await s.context.close();
  });
});
