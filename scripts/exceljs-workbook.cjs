'use strict';
// What the CLI bundle gets for `import ExcelJS from 'exceljs'` (scripts/build-cli.cjs): ExcelJS's
// workbook and enums only. The package's entry point also loads its streaming reader and writer,
// which the CLI never uses: two thirds of `require('exceljs')` (about 160 of 240 ms on the
// benchmark machine; issue 13). The core uses ExcelJS.Workbook and ExcelJS.ValueType only.
// The path is built at run time so the bundler leaves these requires to Node (node_modules).
const lib = (file) => require(['exceljs', 'lib', 'doc', file].join('/'));
module.exports = Object.assign({ Workbook: lib('workbook.js') }, lib('enums.js'));
