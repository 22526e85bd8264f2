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
    // `exceljs` is ExcelJS's workbook alone (scripts/exceljs-workbook.cjs), loaded from node_modules at run time.
    alias: { exceljs: path.join(root, 'scripts', 'exceljs-workbook.cjs') },
    external: ['exceljs/*', 'jszip'],
    logLevel: 'warning',
  });
}

module.exports = { buildCli };
