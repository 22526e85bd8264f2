/**
 * @jest-environment jsdom
 *
 * The sidebar fetches its ExcelJS part once, on first use: the script the server returns runs on
 * the page (a <script> element), registers the library, and later uploads reuse it; a failed load
 * is said in Vietnamese and retried by the next use.
 */
import type { Call } from '../src/sidebar/call';
import { XLSX_LIB_GLOBAL, loadXlsxLib, scriptOf } from '../src/sidebar/xlsx-loader';

const LIB_SCRIPT = `<script>\nglobalThis.${XLSX_LIB_GLOBAL} = { xlsxAsLayouts: function () { return 'read'; }, exportPackage: function () { return 'written'; }, marker: '<\\/script>' };\n</script>\n`;

function caller(results: readonly (string | Error)[]): { call: Call; names: string[] } {
  const names: string[] = [];
  let i = 0;
  const call = (async (name: string) => {
    names.push(name);
    const r = results[Math.min(i++, results.length - 1)];
    if (r instanceof Error) throw r;
    return r;
  }) as unknown as Call;
  return { call, names };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[XLSX_LIB_GLOBAL];
});

describe('loadXlsxLib', () => {
  it('runs the script the server returns, once, and hands out what it registered', async () => {
    const { call, names } = caller([LIB_SCRIPT]);
    const lib = await loadXlsxLib(call);
    expect((lib.xlsxAsLayouts as unknown as () => string)()).toBe('read');
    expect(document.head.querySelectorAll('script')).toHaveLength(1);
    await loadXlsxLib(call);
    expect(names).toEqual(['sidebarLibrary']);
  });

  it('keeps escaped "<\\/script" as it is (the same JavaScript) and strips only the wrapper', () => {
    expect(scriptOf(LIB_SCRIPT)).toBe(`globalThis.${XLSX_LIB_GLOBAL} = { xlsxAsLayouts: function () { return 'read'; }, exportPackage: function () { return 'written'; }, marker: '<\\/script>' };`);
  });

  it('says in Vietnamese when the library did not load, and tries again on the next use', async () => {
    const { call, names } = caller([new Error('Exception: No HTML file named XlsxLib was found.'), '<script>\n/* nothing registered */\n</script>', LIB_SCRIPT]);
    await expect(loadXlsxLib(call)).rejects.toThrow('No HTML file named XlsxLib');
    await expect(loadXlsxLib(call)).rejects.toThrow('Không tải được phần đọc và ghi tệp Excel của LKH');
    await expect(loadXlsxLib(call)).resolves.toHaveProperty('exportPackage');
    expect(names).toEqual(['sidebarLibrary', 'sidebarLibrary', 'sidebarLibrary']);
  });

  it('without a server to ask and nothing registered, refuses with the same message', async () => {
    await expect(loadXlsxLib()).rejects.toThrow('Không tải được phần đọc và ghi tệp Excel của LKH');
  });
});
