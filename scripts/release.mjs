// npm run release -- --base-url https://HOST/PATH [--out DIR]
//
// One archive a province's IT office (or anyone) puts on a static host — IIS, nginx, a CDN,
// GitHub Pages — as it is: DIR/lkh-<version>.zip and DIR/lkh-<version>.zip.sha256 (default DIR:
// release/). Inside, under lkh-<version>/:
//   site/          the standalone page (standalone.html: works offline after the first visit, can
//                  be installed as an app), the Excel task pane (taskpane.html) and manifest.xml
//                  whose every URL starts with the base URL; every asset referenced relatively,
//                  so the folder is served from that URL's path as it is. No source maps.
//   sheets-addon/  the built Google Sheets add-on (appsscript.json, Code.js, Sidebar.html,
//                  XlsxLib.html) for `clasp push` or pasting into an Apps Script project;
//   mau-bieu/      the blank forms of the current edition (lkh template all), one .xlsx a form;
//   DOC-TRUOC.txt  what each part is and how to put it in service (Vietnamese).
// The manifest's version follows package.json (and LKH_BUILD); the pages show the version and
// the build date (LKH_BUILD_DATE, default today) in "Giới thiệu".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInfo } from './build-info.mjs';
import { buildExcel } from './build-excel.mjs';
import { buildSheets } from './build-sheets.mjs';
import { siteFiles } from './offline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'core', 'package.json'));

/** The base URL as the manifest needs it: absolute https (http only for localhost tests), no trailing slash. */
export function checkBaseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" không phải là một địa chỉ web đầy đủ (ví dụ https://so-khdt.tinh.gov.vn/lkh).`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`Địa chỉ "${text}" phải bắt đầu bằng https://: Excel chỉ nạp phần bổ trợ qua https.`);
  }
  if (url.search || url.hash) throw new Error(`Địa chỉ "${text}" không được có "?" hay "#".`);
  return url.href.replace(/\/+$/, '');
}

function readme({ version, date, baseUrl }) {
  return [
    `LKH ${version} — bản phát hành dựng ngày ${date.split('-').reverse().join('/')}`,
    '',
    `Bản này được dựng cho địa chỉ: ${baseUrl}`,
    '',
    'Trong thư mục:',
    `  site/           Đặt toàn bộ nội dung thư mục này lên máy chủ web tĩnh sao cho ${baseUrl}/standalone.html mở được`,
    '                  (IIS, nginx, Apache, GitHub Pages… không cần chương trình chạy phía máy chủ).',
    `                  - ${baseUrl}/standalone.html: trang LKH dùng trong trình duyệt, cho máy không chạy được phần bổ trợ Excel;`,
    '                    sau lần mở đầu tiên trang vẫn dùng được khi mất mạng, và có thể cài như một ứng dụng.',
    '                  - manifest.xml: tệp khai báo phần bổ trợ Excel. Quản trị Microsoft 365 triển khai tệp này cho người dùng',
    '                    (Trung tâm quản trị → Thiết lập → Ứng dụng tích hợp → Tải lên ứng dụng tùy chỉnh), hoặc một người dùng',
    '                    tự nạp (Excel → Trang đầu → Phần bổ trợ → Phần bổ trợ của tôi → Tải lên phần bổ trợ của tôi).',
    '  sheets-addon/   Phần bổ trợ Google Sheets đã dựng: đưa vào một dự án Apps Script (clasp push, hoặc chép từng tệp).',
    '  mau-bieu/       Các biểu mẫu trống của kỳ hiện hành, mỗi biểu một tệp .xlsx.',
    '',
    'Máy chủ phải phục vụ qua https. Khi có bản mới: thay toàn bộ thư mục site/ và tải lại manifest.xml mới lên trang quản trị;',
    'trang LKH tự nhận bản mới ở lần mở sau. Tệp của người dùng không bao giờ được gửi lên máy chủ: mọi việc làm trong trình duyệt',
    'hoặc trong Excel/Google Sheets của họ.',
    '',
  ].join('\r\n');
}

/** Adds every file under dir to the zip, under prefix, dated `date` (a release is the same bytes for the same inputs). */
function addFolder(zip, dir, prefix, date) {
  for (const f of siteFiles(dir)) zip.file(`${prefix}/${f}`, readFileSync(path.join(dir, f)), { date, createFolders: false });
}

export async function release({ baseUrl, outDir = path.join(root, 'release'), quiet = false }) {
  const log = quiet ? () => undefined : (s) => console.log(s);
  const base = checkBaseUrl(baseUrl);
  const { version, date } = buildInfo();
  const name = `lkh-${version}`;
  const work = mkdtempSync(path.join(os.tmpdir(), 'lkh-release-'));
  try {
    const top = path.join(work, name);
    const site = path.join(top, 'site');
    const report = await buildExcel({ outDir: site, baseUrl: base, quiet: true });
    // The host needs neither the build's report nor the source maps.
    rmSync(path.join(site, 'build-report.json'));
    for (const f of siteFiles(site)) if (f.endsWith('.map')) rmSync(path.join(site, f));
    await buildSheets({ outDir: path.join(top, 'sheets-addon'), quiet: true, baseUrl: base });
    rmSync(path.join(top, 'sheets-addon', '.claspignore'), { force: true });
    execFileSync(process.execPath, [path.join(root, 'core', 'bin', 'lkh.cjs'), 'template', 'all', '--out', path.join(top, 'mau-bieu')], { cwd: root, stdio: 'pipe' });
    writeFileSync(path.join(top, 'DOC-TRUOC.txt'), readme({ version, date, baseUrl: base }));

    const JSZip = require('jszip');
    const zip = new JSZip();
    const when = new Date(`${date}T00:00:00Z`);
    addFolder(zip, top, name, when);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
    mkdirSync(outDir, { recursive: true });
    const archive = path.join(outDir, `${name}.zip`);
    // Written beside, then renamed: a failed release leaves the previous archive as it was.
    writeFileSync(`${archive}.tmp`, bytes);
    renameSync(`${archive}.tmp`, archive);
    const sha = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(`${archive}.sha256`, `${sha}  ${path.basename(archive)}\n`);
    log(`Đã ghi ${path.relative(process.cwd(), archive)} (${(bytes.length / 1024 / 1024).toFixed(1)} MB), SHA-256 ${sha}`);
    log(`  trang: ${base}/standalone.html · phần bổ trợ Excel: manifest.xml cho ${base} · ${report.offline.files.length} tệp dùng khi mất mạng`);
    return { archive, sha256: sha, version, date, baseUrl: base };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const baseUrl = value('--base-url');
  if (!baseUrl) {
    console.error('Cách dùng: npm run release -- --base-url https://may-chu/duong-dan [--out thu-muc]');
    process.exit(2);
  }
  release({ baseUrl, outDir: value('--out') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
