'use strict';
// Bundles the lkh command (core/cli/lkh.ts) into dist/cli/lkh.cjs. Used by scripts/build.mjs and by
// core/bin/lkh.cjs when the bundle is missing (fresh clone).
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

function buildCli() {
  esbuild.buildSync({
    entryPoints: [path.join(root, 'core', 'cli', 'lkh.ts')],
    outfile: path.join(root, 'dist', 'cli', 'lkh.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // `exceljs` is ExcelJS's workbook alone (scripts/exceljs-workbook.cjs). It and JSZip are bundled
    // (issue 23): V8's code cache of the bundle (core/bin/lkh.cjs) then covers them too, where
    // Node compiled them from node_modules on every run; esbuild runs a module only when first required.
    // An alias also maps its subpaths, so the shim names ExcelJS's files through a second alias.
    alias: { exceljs: path.join(root, 'scripts', 'exceljs-workbook.cjs'), 'exceljs-lib': path.join(path.dirname(require.resolve('exceljs/package.json')), 'lib') },
    logLevel: 'warning',
  });
}

module.exports = { buildCli };
