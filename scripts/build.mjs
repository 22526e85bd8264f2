// npm run build: every bundle the project ships. Hosts add their bundles here as they land.
import { createRequire } from 'node:module';
import { buildExcel } from './build-excel.mjs';
import { buildSheets } from './build-sheets.mjs';

const require = createRequire(import.meta.url);
const { buildCli } = require('./build-cli.cjs');

buildCli();
console.log('built dist/cli/lkh.cjs');

// The Excel task pane and the standalone page (dist/excel-addin), manifest for LKH_BASE_URL.
try {
  await buildExcel();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

// The Google Sheets editor add-on (dist/sheets-addon: appsscript.json, Code.js, Sidebar.html).
try {
  await buildSheets();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
