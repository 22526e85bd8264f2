/**
 * `import ExcelJS from 'exceljs'` must work in every bundle core ships in: esbuild for the
 * browser (ExcelJS's own browser build, no Node globals) and for Node (CommonJS interop).
 */
import { buildSync } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(__dirname, '..', '..', '..');
const entry = `
import { XlsxWorkbook } from ${JSON.stringify(path.join(root, 'core', 'src', 'xlsx', 'xlsx-workbook.ts'))};
export async function roundTrip() {
  const wb = XlsxWorkbook.create();
  await wb.writeState({ planYear: 2026 });
  await wb.createSheet({
    name: 'Thôn A', columnWidths: [20], rowHeights: {}, merges: [], validations: [], tables: [],
    cells: [{ row: 0, col: 0, value: 'Xin chào', style: 'text' }],
    styles: { text: { bold: true } },
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, area: { rows: 1, cols: 1 } },
  });
  const bytes = await wb.save();
  const again = await XlsxWorkbook.load(bytes);
  const [sheet] = await again.readSheets(['Thôn A'], { fonts: true });
  return { bytes: bytes.constructor.name, state: await again.readState(), values: sheet.values, fonts: sheet.fonts };
}
`;

const expected = { bytes: 'Uint8Array', state: { planYear: 2026 }, values: [['Xin chào']], fonts: [['Times New Roman']] };

function bundle(platform: 'browser' | 'node'): string {
  const result = buildSync({
    stdin: { contents: entry, loader: 'ts', resolveDir: root },
    bundle: true,
    platform,
    format: platform === 'browser' ? 'iife' : 'cjs',
    globalName: 'LkhBundle',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    ...(platform === 'node' ? { external: ['exceljs'] } : {}),
  });
  expect(result.errors).toEqual([]);
  return result.outputFiles[0].text;
}

describe('XlsxWorkbook in bundles', () => {
  it('runs from a browser bundle, without Node globals', async () => {
    const code = bundle('browser');
    const context: Record<string, unknown> = { console, setTimeout, clearTimeout, TextEncoder, TextDecoder, Uint8Array, ArrayBuffer };
    context.self = context;
    context.window = context;
    vm.createContext(context);
    vm.runInContext(code, context);
    const api = context.LkhBundle as { roundTrip(): Promise<unknown> };
    expect(JSON.parse(JSON.stringify(await api.roundTrip()))).toEqual(expected);
  });

  it('runs from a Node bundle that leaves exceljs external', async () => {
    const code = bundle('node');
    const mod = { exports: {} as { roundTrip(): Promise<unknown> } };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
    expect(JSON.parse(JSON.stringify(await mod.exports.roundTrip()))).toEqual(expected);
  });
});
