'use strict';
// What the CLI bundle gets for `import ExcelJS from 'exceljs'` (scripts/build-cli.cjs): ExcelJS's
// workbook and enums only. The package's entry point also loads its streaming reader and writer,
// which the CLI never uses: two thirds of `require('exceljs')` (about 160 of 240 ms on the
// benchmark machine; issue 13). The core uses ExcelJS.Workbook and ExcelJS.ValueType only.
// Bundled into dist/cli/lkh.cjs with JSZip (issue 23; `exceljs-lib` is build-cli.cjs's alias of
// ExcelJS's lib folder): compiled from the bundle's code cache like the rest of the CLI, and run
// only when a command first opens a workbook.
module.exports = Object.assign({ Workbook: require('exceljs-lib/doc/workbook.js') }, require('exceljs-lib/doc/enums.js'));
