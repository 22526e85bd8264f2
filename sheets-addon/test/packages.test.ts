/**
 * Cấp trên's packages (issue 24): communes' .xlsx packages go into the long tables through the
 * server's importPackages — never a tab per commune — in calls that stop when the time budget runs
 * out and are resumed by the next call; the sidebar tells "Đang nhập 37/170 xã…" after each call
 * and, when a call fails, how many were imported so the next import resumes there. Then the
 * roll-up, one commune's printable feedback, and every commune's feedback file in one .zip.
 */
import JSZip from 'jszip';
import { SheetsWorkbook } from '../src/server/sheets-port';
import type { ServerEnv } from '../src/server/api';
import { createServerApi } from '../src/server/api';
import type { ImportRequest, SidebarFunction } from '../src/server/entry-points';
import type { Call } from '../src/sidebar/call';
import { downloadFeedbackRemote, importPackagesRemote } from '../src/sidebar/packages';
import { DATA_TABLES, FEEDBACK_VIEW, feedbackFor, readUpperFeedback } from '../../core/src/workflow/upper-level';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import '../src/sidebar/xlsx-lib';
import { communePlanLayouts } from './data';
import { FakeSpreadsheet } from './fake-spreadsheet';

function setUp(env: Partial<ServerEnv> = {}) {
  const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
  const api = createServerApi({
    port: new SheetsWorkbook(ss, ss.properties, ss.host()),
    selectCell: () => undefined,
    protect: () => Promise.reject(new Error('not used')),
    now: () => 0,
    lock: { lockService: ss.locks, flush: () => ss.app.flush() },
    ...env,
  });
  return { ss, api };
}

/** A commune's package as the sidebar sends it (the sheets of its exported .xlsx, read here). */
async function pkg(i: number): Promise<ImportRequest> {
  const plan = await communePlanLayouts(i, { villages: 2, perVillage: 3 });
  return { file: `${plan.name}.xlsx`, sheets: plan.sheets.map((s) => ({ ...s, layout: { ...s.layout, name: s.formId } })) };
}

/** The package as the .xlsx file a commune sends. */
async function file(i: number): Promise<{ name: string; bytes: Uint8Array }> {
  const p = await pkg(i);
  const wb = XlsxWorkbook.create();
  for (const s of p.sheets) await wb.createSheet(s.layout);
  return { name: p.file, bytes: await wb.save() };
}

describe('importPackages', () => {
  it('reads packages until its time budget runs out, says how many, and adds no tab', async () => {
    let clock = 0;
    let step = 80_000;
    // The clock moves 80 s each time the server looks at it (once per package): with 270 s of
    // budget a call reads two packages, then the next would pass it; the next call reads the rest.
    const { ss, api } = setUp({ now: () => (clock += step) });
    const packages = await Promise.all([0, 1, 2, 3].map(pkg));
    const first = await api.importPackages({ packages });
    expect(first.done).toBe(2);
    expect(first.communes.map((c) => [c.name, c.balanced])).toEqual([
      ['Xã Số 001', true],
      ['Xã Số 002', true],
    ]);
    clock = 0;
    const second = await api.importPackages({ packages: packages.slice(first.done) });
    expect(second.done).toBe(2);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Trang tính1', ...DATA_TABLES]);
    step = 0;
    const rolled = await api.rollUp({ upperLevel: 'Tỉnh Lào Cai' });
    expect(rolled.communes.map((c) => c.name)).toEqual(['Xã Số 001', 'Xã Số 002', 'Xã Số 003', 'Xã Số 004']);
    expect(rolled.reconciliation).toMatchObject({ read: { count: 4 * 6 }, balanced: true });
    // A commune sends a corrected file: its rows are replaced, the count stays.
    await api.importPackages({ packages: [await pkg(1)] });
    expect((await api.rollUp(null)).reconciliation).toMatchObject({ read: { count: 24 }, balanced: true });
  });

  it('refuses what is not a package', async () => {
    const { api } = setUp();
    await expect(api.importPackages({ packages: [{ file: 'x', sheets: [{ layout: { name: 'A' } }] }] } as never)).rejects.toThrow();
    await expect(api.importPackages({} as never)).rejects.toThrow();
  });
});

/** The sidebar's call over the api in this process (JSON both ways, as google.script.run). */
function caller(api: ReturnType<typeof createServerApi>, fail?: (name: SidebarFunction, n: number) => boolean): Call {
  let n = 0;
  return (async (name: SidebarFunction, ...args: unknown[]) => {
    n++;
    if (fail?.(name, n)) throw new Error('Mất kết nối.');
    const f = (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
    return JSON.parse(JSON.stringify(await f(...JSON.parse(JSON.stringify(args)))));
  }) as Call;
}

describe('the sidebar\'s import of packages', () => {
  it('tells the progress after each call and, when a call fails, where to resume', async () => {
    const { api } = setUp();
    const files = await Promise.all([0, 1, 2].map(file));
    const seen: string[] = [];
    // The second importPackages call fails (the connection drops): the first file stays imported.
    let imports = 0;
    const flaky = caller(api, (name) => name === 'importPackages' && ++imports === 2);
    // One package a call (as 170 real ones go, a few at a time).
    const first = await importPackagesRemote(flaky, files, (done, total) => seen.push(`${done}/${total}`), 1);
    expect(first).toMatchObject({ done: 1, total: 3, error: 'Mất kết nối.' });
    expect(first.communes.map((c) => c.name)).toEqual(['Xã Số 001']);
    expect(seen).toEqual(['0/3', '1/3']);
    // "Nhập tiếp": the files left, from where it stopped.
    const rest = await importPackagesRemote(flaky, files.slice(first.done), (done, total) => seen.push(`${first.done + done}/${first.done + total}`), 1);
    expect(rest).toMatchObject({ done: 2, total: 2 });
    expect(rest.error).toBeUndefined();
    expect(seen).toEqual(['0/3', '1/3', '1/3', '2/3', '3/3']);
    const rolled = await api.rollUp({ upperLevel: 'Tỉnh Lào Cai' });
    expect(rolled.communes).toHaveLength(3);
  });

  it('shows one commune\'s feedback and downloads every commune\'s file in one .zip, each read back as the commune reads it', async () => {
    const { ss, api } = setUp();
    const call = caller(api);
    await importPackagesRemote(call, await Promise.all([0, 1].map(file)));
    const rolled = await api.rollUp({ upperLevel: 'Tỉnh Lào Cai', feedbackCommune: 'Xã Số 002' });
    expect(rolled.feedbackCommune).toBe('Xã Số 002');
    const v = await api.feedbackView('xã số 001');
    expect(v).toEqual({ sheet: FEEDBACK_VIEW, commune: 'Xã Số 001', activities: 6 });
    expect(ss.sheet(FEEDBACK_VIEW).getDataRange().getValues().map((r) => r[0])).toContain('Kính gửi: Ủy ban nhân dân Xã Số 001');
    await expect(api.feedbackView('Xã Không Có')).rejects.toThrow('Không có "Xã Không Có" trong bảng "Phản hồi các xã"');
    let zipped: { name: string; bytes: Uint8Array } | undefined;
    const progress: string[] = [];
    const r = await downloadFeedbackRemote(call, (d, t) => progress.push(`${d}/${t}`), (name, bytes) => (zipped = { name, bytes }));
    expect(r).toEqual({ fileName: 'Phan-hoi-cac-xa.zip', files: 2 });
    expect(progress).toEqual(['2/2']);
    const zip = await JSZip.loadAsync(zipped?.bytes ?? new Uint8Array());
    expect(Object.keys(zip.files).sort()).toEqual(['Phản hồi - Xã Số 001.xlsx', 'Phản hồi - Xã Số 002.xlsx']);
    const one = await XlsxWorkbook.loadForReading(await zip.file('Phản hồi - Xã Số 002.xlsx')?.async('uint8array') ?? new Uint8Array());
    const fb = feedbackFor(await readUpperFeedback(one), 'Xã Số 002');
    expect(fb.lines).toHaveLength(6);
    expect(fb.lines.every((l) => l.verdict === 'pending' && l.key !== undefined)).toBe(true);
  });
});
