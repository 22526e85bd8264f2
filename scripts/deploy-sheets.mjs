// npm run deploy: builds the Google Sheets add-on, then pushes dist/sheets-addon to the Apps Script
// project named in sheets-addon/.clasp.json (copy sheets-addon/.clasp.json.example, paste the
// project's script id). Needs a Google login on this computer (`npx clasp login`, stored in
// ~/.clasprc.json); no test or CI ever runs this.
//
// clasp 3 pushes the files of its rootDir, which must lie inside the folder holding .clasp.json, and
// `clasp push` REPLACES THE WHOLE REMOTE PROJECT with them. So this script writes
// dist/sheets-addon/.clasp.json (same script id, rootDir ".") and runs
// `clasp push --force` there, with the clasp pinned in package.json's devDependencies
// (node_modules/.bin/clasp: the same version on every computer, never whatever npm has newest); dist/sheets-addon/.claspignore limits the push to
// appsscript.json, Code.js, Sidebar.html and XlsxLib.html. --force: the manifest is ours, overwrite it without asking.
//
//   npm run deploy                 build + push
//   npm run deploy -- --dry-run    build, write dist/sheets-addon/.clasp.json, print the command only
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSheets } from './build-sheets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run');
const configFile = path.join(root, 'sheets-addon', '.clasp.json');

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(configFile)) {
  fail(
    [
      'Chưa có sheets-addon/.clasp.json (no sheets-addon/.clasp.json).',
      '  1. Create an Apps Script project bound to a test spreadsheet (Extensions → Apps Script) or a standalone one,',
      '     and copy its script id (Project Settings → IDs → Script ID).',
      '  2. cp sheets-addon/.clasp.json.example sheets-addon/.clasp.json and paste the id.',
      '  3. npx clasp login   (once per computer, the pinned clasp; enable the Apps Script API at https://script.google.com/home/usersettings)',
      '  4. npm run deploy',
    ].join('\n'),
  );
}
const config = JSON.parse(readFileSync(configFile, 'utf8'));
if (typeof config.scriptId !== 'string' || !/^[A-Za-z0-9_-]{20,}$/.test(config.scriptId)) fail('sheets-addon/.clasp.json: "scriptId" is missing or not a script id.');

const { outDir } = await buildSheets();
writeFileSync(path.join(outDir, '.clasp.json'), `${JSON.stringify({ scriptId: config.scriptId, rootDir: '.' }, null, 2)}\n`);

// The pinned clasp (devDependencies), never `npx --yes @google/clasp`, which takes whatever is newest.
const clasp = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');
if (!existsSync(clasp)) fail('Không thấy clasp trong node_modules (clasp is not installed): run `npm ci` first.');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies['@google/clasp'];
const args = ['push', '--force'];
console.log(`${dryRun ? '[dry run] would run' : 'running'}: clasp ${version} ${args.join(' ')}  (in ${path.relative(root, outDir)})`);
console.log('clasp push replaces every file of the Apps Script project with appsscript.json, Code.js, Sidebar.html and XlsxLib.html.');
if (dryRun) process.exit(0);
const r = spawnSync(clasp, args, { cwd: outDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0) fail(`clasp push failed (exit ${r.status ?? r.signal}). If it says the Apps Script API is off, enable it at https://script.google.com/home/usersettings.`);
console.log('Pushed. Open the spreadsheet, reload it, then Tiện ích → LKH (docs/TESTING.md, Google Sheets).');
