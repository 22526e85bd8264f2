// Builds the Excel add-in and the standalone page into dist/excel-addin:
//   - taskpane-[hash].js, standalone-[hash].js and shared chunks (esbuild, ESM, code splitting);
//     ExcelJS (import/export, the standalone page's workbook) sits in lazy chunks loaded by import();
//   - taskpane.html, standalone.html with the hashed names injected (WebView2 caches pages: a new
//     build has new names, and the manifest's pane URL carries the version);
//   - assets/icon-*.png drawn by scripts/icons.mjs;
//   - manifest.xml for LKH_BASE_URL (default https://localhost:3000), see manifests/excel-manifest.ts.
// Reports the gzipped size of what each page loads first (entry + static imports + CSS; office.js
// comes from Microsoft's CDN and is not counted) and fails above 300 KB.
//
//   node scripts/build-excel.mjs [--out DIR] [--base-url URL] [--dev]
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDefines, buildInfo, copyGuides } from './build-info.mjs';
import { writeIcons } from './icons.mjs';
import { manifestFor } from './manifest.mjs';
import { writeOffline } from './offline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** First-load budget per page, gzipped JS + CSS (issue 13: the task pane and the standalone page ≤ 300 KB). */
export const FIRST_LOAD_BUDGET = 300 * 1024;

const PAGES = ['taskpane', 'standalone'];

const rel = (p) => path.relative(root, p).split(path.sep).join('/');

/** The outputs a page loads before any import(): its entry and the chunks it imports statically, and their CSS. */
function firstLoad(metafile, entryOut) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = metafile.outputs[file];
    if (out.cssBundle) seen.add(out.cssBundle);
    for (const imp of out.imports ?? []) if (imp.kind === 'import-statement' && !imp.external && metafile.outputs[imp.path]) visit(imp.path);
  };
  visit(entryOut);
  return [...seen];
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Builds everything; returns the pages' first-load files and sizes. Throws when a page's first
 * load exceeds the budget.
 */
export async function buildExcel(options = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist', 'excel-addin'));
  const baseUrl = options.baseUrl ?? process.env.LKH_BASE_URL ?? 'https://localhost:3000';
  const dev = options.dev ?? false;
  const log = options.quiet ? () => undefined : (s) => console.log(s);
  // Shown in the pane's "Giới thiệu": the release (package.json) and the day it was built.
  const { version, date: buildDate } = buildInfo();

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(PAGES.map((p) => [p, path.join(root, 'excel-addin', 'src', `${p}.tsx`)])),
    outdir: outDir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Excel 2021+/Microsoft 365 (WebView2, Chromium), Excel on the web, Mac (WKWebView; Office for Mac needs macOS 12+, Safari 15+).
    target: ['es2020', 'chrome90', 'edge90', 'firefox90', 'safari15'],
    jsx: 'automatic',
    minify: !dev,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    define: buildDefines(dev),
    logLevel: 'warning',
  });
  const { metafile } = result;

  const pages = {};
  const pageEntries = new Set();
  for (const page of PAGES) {
    const entryOut = Object.keys(metafile.outputs).find((o) => metafile.outputs[o].entryPoint && path.basename(metafile.outputs[o].entryPoint) === `${page}.tsx`);
    if (!entryOut) throw new Error(`esbuild produced no output for ${page}.tsx`);
    pageEntries.add(entryOut);
    const files = firstLoad(metafile, entryOut);
    const abs = (f) => path.resolve(root, f);
    const url = (f) => path.relative(outDir, abs(f)).split(path.sep).join('/');
    const gz = files.map((f) => ({ file: url(f), bytes: readFileSync(abs(f)).length, gzip: gzipSync(readFileSync(abs(f)), { level: 9 }).length }));
    const css = files.filter((f) => f.endsWith('.css')).map(url);
    const preload = files.filter((f) => f.endsWith('.js') && f !== entryOut).map(url);
    const tags = [
      ...css.map((h) => `<link rel="stylesheet" href="${h}">`),
      ...preload.map((h) => `<link rel="modulepreload" href="${h}">`),
      `<script type="module" src="${url(entryOut)}"></script>`,
    ].join('\n  ');
    const template = readFileSync(path.join(root, 'excel-addin', 'public', `${page}.html`), 'utf8');
    if (!template.includes('<!--lkh:assets-->')) throw new Error(`excel-addin/public/${page}.html has no <!--lkh:assets--> placeholder`);
    writeFileSync(path.join(outDir, `${page}.html`), template.replace('<!--lkh:assets-->', tags));
    pages[page] = {
      script: url(entryOut),
      firstLoad: gz,
      gzip: gz.reduce((s, f) => s + f.gzip, 0),
      bytes: gz.reduce((s, f) => s + f.bytes, 0),
    };
  }

  writeIcons(outDir);
  // The user guides beside the pages: "Giới thiệu" links them relatively, and they work offline.
  copyGuides(outDir);
  writeFileSync(path.join(outDir, 'manifest.xml'), await manifestFor(baseUrl));
  // The standalone page's service worker and web app manifest, last: the worker lists every file above.
  const offline = writeOffline(outDir, version);

  // Everything else is loaded by import() when needed (ExcelJS, the standalone workbook, the package export).
  const initial = new Set(Object.values(pages).flatMap((p) => p.firstLoad.map((f) => f.file)));
  log(`built ${rel(outDir)} (manifest for ${baseUrl})`);
  for (const [page, info] of Object.entries(pages)) {
    log(`  ${page}.html first load: ${kb(info.gzip)} gzipped (${kb(info.bytes)} raw) in ${info.firstLoad.length} file(s); budget ${kb(FIRST_LOAD_BUDGET)}`);
  }
  const lazySizes = Object.keys(metafile.outputs)
    .filter((o) => o.endsWith('.js') && !pageEntries.has(o))
    .map((o) => ({ file: path.relative(outDir, path.resolve(root, o)).split(path.sep).join('/'), gzip: gzipSync(readFileSync(path.resolve(root, o)), { level: 9 }).length }))
    .filter((x) => !initial.has(x.file));
  for (const l of lazySizes) log(`  lazy ${l.file}: ${kb(l.gzip)} gzipped`);

  const over = Object.entries(pages).filter(([, info]) => info.gzip > FIRST_LOAD_BUDGET);
  if (over.length > 0) {
    throw new Error(`First load over budget (${kb(FIRST_LOAD_BUDGET)} gzipped): ${over.map(([p, i]) => `${p} ${kb(i.gzip)}`).join(', ')}. Move heavy code behind import().`);
  }
  log(`  sw.js keeps ${offline.files.length} files for the standalone page offline (${offline.cacheName})`);
  const report = { outDir, baseUrl, version, buildDate, pages, lazy: lazySizes, offline };
  writeFileSync(path.join(outDir, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  buildExcel({ outDir: value('--out'), baseUrl: value('--base-url'), dev: args.includes('--dev') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
