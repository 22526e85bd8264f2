// Builds the Google Sheets editor add-on into dist/sheets-addon, ready for `clasp push`:
//   - appsscript.json  from manifests/appsscript.json, checked: V8, exactly the two scopes, no addOns
//                      block, time zone Asia/Ho_Chi_Minh;
//   - Code.js          the server: one IIFE (global LKH) built by esbuild from
//                      sheets-addon/src/server/main.ts, async/await lowered to generators and
//                      `Promise` bound to the bundle's SyncPromise (server/sync-promise.ts), then a
//                      top-level `function name(...args) { return LKH.name(...args); }` for every
//                      name of server/entry-points.ts ENTRY_POINTS (Apps Script sees only those);
//   - Sidebar.html     the sidebar: React pane and Fluent UI bundled (one IIFE) and inlined into
//                      sheets-addon/src/sidebar/Sidebar.html — no outside script, no CDN; its
//                      first load is held to SIDEBAR_BUDGET gzipped (the build fails above it);
//   - XlsxLib.html     the sidebar's ExcelJS part (sheets-addon/src/sidebar/xlsx-lib.ts, one IIFE),
//                      fetched by the sidebar through sidebarLibrary() on the first upload or
//                      download (xlsx-loader.ts), so the sidebar opens without it;
//   - .claspignore     so that clasp pushes these four files only.
// Checks: the server bundle loads in an empty vm context (nothing runs at load, no Apps Script
// service touched) and defines every entry point; no sidebar call ends with "_" (private in Apps
// Script); ExcelJS is not in the server; the sidebar's script cannot close its <script> tag.
//
//   node scripts/build-sheets.mjs [--out DIR] [--dev] [--server-only]   (--server-only: tests that need no sidebar)
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { buildDefines, guidesUrlFor } from './build-info.mjs';
import { loadTs } from './load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const SERVER_FILE = 'Code.js';
export const SIDEBAR_FILE = 'Sidebar.html';
/** The sidebar's ExcelJS part (HtmlService name 'XlsxLib', entry-points.ts XLSX_LIB_FILE). */
export const XLSX_LIB_HTML = 'XlsxLib.html';
/** What every user downloads each time the sidebar opens, gzipped (issue 13). */
export const SIDEBAR_BUDGET = 350 * 1024;
/** The global the server IIFE defines. */
export const GLOBAL = 'LKH';
/** Parsed by Apps Script on every call (each google.script.run call starts the script afresh). */
export const SERVER_BUDGET = 1024 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rel = (p) => path.relative(root, p).split(path.sep).join('/');

/** The manifest, checked against docs/HOSTS.md (Google Sheets). */
export function checkManifest(manifest) {
  const problems = [];
  if (manifest.runtimeVersion !== 'V8') problems.push('runtimeVersion must be "V8"');
  const scopes = manifest.oauthScopes ?? [];
  if (scopes.length !== SCOPES.length || SCOPES.some((s) => !scopes.includes(s))) problems.push(`oauthScopes must be exactly ${SCOPES.join(', ')}`);
  if ('addOns' in manifest) problems.push('no addOns block: an editor add-on, not a Workspace add-on');
  if (manifest.timeZone !== TIME_ZONE) problems.push(`timeZone must be ${TIME_ZONE}`);
  if (problems.length > 0) throw new Error(`manifests/appsscript.json: ${problems.join('; ')}`);
  return manifest;
}

/** The top-level functions Apps Script calls. */
export function entryFunctions(names) {
  return names.map((n) => `function ${n}(...args) {\n  return ${GLOBAL}.${n}(...args);\n}`).join('\n');
}

async function buildServer({ dev }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'sheets-addon', 'src', 'server', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__lkhServer',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Apps Script V8. async/await lowered: every call must finish before the function returns.
    target: 'es2020',
    supported: { 'async-await': false, 'async-generator': false, 'for-await': false },
    minify: !dev,
    keepNames: false,
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const banned = inputs.filter((i) => /node_modules\/(exceljs|react|react-dom|@fluentui)\//.test(i));
  if (banned.length > 0) throw new Error(`The server bundle must not hold ExcelJS, React or Fluent UI: ${banned.slice(0, 3).join(', ')}`);
  return { code: result.outputFiles[0].text, inputs };
}

function wrapServer(inner, entryNames, stamp) {
  return [
    `// LKH — Google Sheets add-on, server. Built ${stamp} by scripts/build-sheets.mjs from sheets-addon/src/server; do not edit.`,
    `var ${GLOBAL} = (function () {`,
    '  // Bound to the bundle\'s SyncPromise once it has loaded: the core\'s async code settles within each call.',
    '  var Promise;',
    inner,
    '  Promise = __lkhServer.SyncPromise;',
    '  return __lkhServer;',
    '})();',
    '',
    entryFunctions(entryNames),
    '',
  ].join('\n');
}

async function buildSidebar({ dev, entry = 'main.tsx', guidesUrl }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'sheets-addon', 'src', 'sidebar', entry)],
    metafile: true,
    bundle: true,
    write: false,
    // Not written (write: false): the output is inlined into Sidebar.html.
    outdir: path.join(root, 'dist', 'sheets-addon-sidebar'),
    format: 'iife',
    platform: 'browser',
    // The browsers Google Sheets supports.
    target: ['es2020', 'chrome90', 'edge90', 'firefox90', 'safari15'],
    jsx: 'automatic',
    minify: !dev,
    legalComments: 'none',
    charset: 'utf8',
    define: buildDefines(dev, guidesUrl),
    logLevel: 'warning',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  return { js, css, inputs: Object.keys(result.metafile.inputs) };
}

/** The ExcelJS part as XlsxLib.html: one script, `</script` escaped as in the sidebar. */
export function xlsxLibHtml(js) {
  return `<script>\n${js.replace(/<\/(script)/gi, '<\\/$1')}\n</script>\n`;
}

/** Inlines the script (and CSS, if any) into the page. `</script` would end the tag early: escaped. */
export function inlineSidebar(template, js, css = '') {
  if (!template.includes('<!--lkh:script-->')) throw new Error('sheets-addon/src/sidebar/Sidebar.html has no <!--lkh:script--> placeholder');
  const safeJs = js.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(safeJs) && /<script/i.test(safeJs)) throw new Error('The sidebar script holds "<!--" and "<script": it would break the inline <script> tag.');
  const style = css.trim() ? `<style>\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>\n` : '';
  return template.replace('<!--lkh:script-->', () => `${style}<script>\n${safeJs}\n</script>`);
}

/** Loads the server in an empty context: it must define every entry point and run nothing. */
function checkServer(code, entryNames, sidebarNames) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: SERVER_FILE });
  const missing = entryNames.filter((n) => typeof context[n] !== 'function' || typeof context[GLOBAL][n] !== 'function');
  if (missing.length > 0) throw new Error(`${SERVER_FILE} lacks entry points: ${missing.join(', ')}`);
  const privateNames = sidebarNames.filter((n) => n.endsWith('_'));
  if (privateNames.length > 0) throw new Error(`Sidebar calls cannot end with "_" (private in Apps Script): ${privateNames.join(', ')}`);
  if (typeof context[GLOBAL].SyncPromise !== 'function') throw new Error(`${SERVER_FILE}: the bundle must export SyncPromise (bound to Promise).`);
}

export async function buildSheets(options = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist', 'sheets-addon'));
  const dev = options.dev ?? false;
  const log = options.quiet ? () => undefined : (s) => console.log(s);
  const stamp = new Date().toISOString().slice(0, 10);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const manifest = checkManifest(JSON.parse(readFileSync(path.join(root, 'manifests', 'appsscript.json'), 'utf8')));
  writeFileSync(path.join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const { ENTRY_POINTS, SIDEBAR_FUNCTIONS } = await loadTs(path.join(root, 'sheets-addon', 'src', 'server', 'entry-points.ts'));
  const server = await buildServer({ dev });
  const code = wrapServer(server.code, ENTRY_POINTS, stamp);
  checkServer(code, ENTRY_POINTS, SIDEBAR_FUNCTIONS);
  writeFileSync(path.join(outDir, SERVER_FILE), code);

  if (!options.serverOnly) {
    const sidebar = await buildSidebar({ dev, guidesUrl: guidesUrlFor(options.baseUrl) });
    const heavy = sidebar.inputs.filter((i) => /node_modules\/(exceljs|jszip)\//.test(i));
    if (heavy.length > 0) throw new Error(`Sidebar.html must not hold ExcelJS (it is XlsxLib.html, loaded on use): ${heavy.slice(0, 3).join(', ')}`);
    const template = readFileSync(path.join(root, 'sheets-addon', 'src', 'sidebar', 'Sidebar.html'), 'utf8');
    writeFileSync(path.join(outDir, SIDEBAR_FILE), inlineSidebar(template, sidebar.js, sidebar.css));
    const lib = await buildSidebar({ dev, entry: 'xlsx-lib.ts' });
    writeFileSync(path.join(outDir, XLSX_LIB_HTML), xlsxLibHtml(lib.js));
  }

  // clasp pushes every .js/.gs/.html/.json under its root: only these four.
  writeFileSync(path.join(outDir, '.claspignore'), ['**/**', '!appsscript.json', `!${SERVER_FILE}`, `!${SIDEBAR_FILE}`, `!${XLSX_LIB_HTML}`, ''].join('\n'));

  const sizes = Object.fromEntries(
    [SERVER_FILE, ...(options.serverOnly ? [] : [SIDEBAR_FILE, XLSX_LIB_HTML]), 'appsscript.json'].map((f) => {
      const bytes = readFileSync(path.join(outDir, f));
      return [f, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }];
    }),
  );
  log(`built ${rel(outDir)} (Google Sheets add-on)`);
  for (const [f, s] of Object.entries(sizes)) log(`  ${f}: ${kb(s.bytes)} (${kb(s.gzip)} gzipped)`);
  log(`  entry points: ${ENTRY_POINTS.join(', ')}`);
  if (sizes[SERVER_FILE].bytes > SERVER_BUDGET) throw new Error(`${SERVER_FILE} is ${kb(sizes[SERVER_FILE].bytes)}, over ${kb(SERVER_BUDGET)}: every call parses it.`);
  if (sizes[SIDEBAR_FILE]) {
    log(`  sidebar first load: ${kb(sizes[SIDEBAR_FILE].gzip)} gzipped; budget ${kb(SIDEBAR_BUDGET)} (${XLSX_LIB_HTML} on the first upload or download)`);
    if (sizes[SIDEBAR_FILE].gzip > SIDEBAR_BUDGET) throw new Error(`${SIDEBAR_FILE} is ${kb(sizes[SIDEBAR_FILE].gzip)} gzipped, over the ${kb(SIDEBAR_BUDGET)} budget of its first load.`);
  }
  return { outDir, sizes, entryPoints: ENTRY_POINTS, sidebarFunctions: SIDEBAR_FUNCTIONS };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  buildSheets({ outDir: value('--out'), dev: args.includes('--dev'), serverOnly: args.includes('--server-only') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
