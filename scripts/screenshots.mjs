// Screenshots of the panes at task-pane width (issue 14), for a closing note or a review; not part
// of the tests. Builds the Excel pages and the Sheets add-on into a temporary folder, then drives
// Debian's headless Chromium (scripts/screenshots.ts):
//   steps-320.png         the standalone page's step view after "Dùng thử với xã mẫu" (issue 20)
//   home-320.png          its home screen (Tổng quan)
//   grid-finding-320.png  its sheet viewer opened at a finding's cell
//   consolidated-320.png  the consolidation summary
//   sheets-home-320.png   the Google Sheets sidebar's home screen
//
//   node scripts/screenshots.mjs [--out DIR (default: /tmp/lkh-shots)] [--width 320]
// With --guide, the pictures of the user guides instead (issue 25), at 420 px into docs/huong-dan/anh/
// unless --out/--width say otherwise: buoc-1.png … buoc-7.png (each step of the standalone page after
// the demo), cai-dat.png (Cài đặt), sheets-cap-tren.png and sheets-chia-se.png (the Sheets sidebar, at its 300 px).
//   node scripts/screenshots.mjs --guide
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExcel } from './build-excel.mjs';
import { buildSheets } from './build-sheets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

const work = mkdtempSync(path.join(os.tmpdir(), 'lkh-shots-'));
let bundle;
try {
  const excelDir = path.join(work, 'excel-addin');
  const sheetsDir = path.join(work, 'sheets-addon');
  await buildExcel({ outDir: excelDir, quiet: true });
  await buildSheets({ outDir: sheetsDir, quiet: true });
  // Beside the project's node_modules, where the bundle finds playwright-core; removed after.
  bundle = path.join(root, 'dist', 'screenshots.cjs');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'scripts', 'screenshots.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    external: ['playwright-core', 'exceljs', 'jszip'],
    logLevel: 'warning',
  });
  const { takeScreenshots } = createRequire(import.meta.url)(bundle);
  const guide = args.includes('--guide');
  const outDir = path.resolve(value('--out') ?? (guide ? path.join(root, 'docs', 'huong-dan', 'anh') : path.join(os.tmpdir(), 'lkh-shots')));
  const written = await takeScreenshots({ excelDir, sheetsDir, outDir, width: Number(value('--width') ?? (guide ? 420 : 320)), guide });
  for (const f of written) console.log(f);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
  if (bundle) rmSync(bundle, { force: true });
}
