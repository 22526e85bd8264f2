// npm start: builds dist/excel-addin, then serves it on localhost (node's http/https module only).
//
//   PORT=3000 (default)          the port
//   LKH_HTTPS_CERT, LKH_HTTPS_KEY  PEM files: serve https (Excel opens task panes over https only)
//   LKH_BASE_URL                 the URL written into manifest.xml when the pane is reached through
//                                a reverse proxy or tunnel (default: this server's own URL)
//
// The standalone page (standalone.html) works over plain http; the Excel pane needs https.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { buildExcel } from './build-excel.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Text files worth compressing (images and .xlsx are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.xml', '.txt']);

/**
 * The encoding to send: brotli when the client accepts it, else gzip, else none (as a production
 * host or CDN negotiates it; Excel's WebView2 and every current browser accept both).
 */
export function pickEncoding(acceptEncoding) {
  const accepted = String(acceptEncoding ?? '')
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

/** Compressed bodies, by file, encoding and modification time: each file is compressed once. */
const compressed = new Map();

function compressedBody(file, encoding) {
  const { mtimeMs } = statSync(file);
  const key = `${file}|${encoding}`;
  const hit = compressed.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const raw = readFileSync(file);
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : zlib.gzipSync(raw, { level: 9 });
  compressed.set(key, { mtimeMs, body });
  return body;
}

/** The SHA-256 sources of a page's inline scripts (`<script>` without src), by file and modification time. */
const inlineHashes = new Map();

function inlineScriptHashes(file) {
  const { mtimeMs } = statSync(file);
  const hit = inlineHashes.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.hashes;
  const html = readFileSync(file, 'utf8');
  const hashes = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc\s*=/i.test(m[1] ?? ''))
    .map((m) => `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  inlineHashes.set(file, { mtimeMs, hashes });
  return hashes;
}

/**
 * The Content-Security-Policy of a page: scripts only from this server, Microsoft's Office CDN
 * (office.js and what it loads) and the page's own inline scripts, by hash (the ES5 "browser too
 * old" message runs before the bundle); no plugins, no <base>, forms posting nowhere else. Styles
 * may be inline (Fluent UI's Griffel inserts <style> elements, the pages set style attributes);
 * images and fonts from here or data:/blob: URLs (icons, the charts of the downloads). Connections
 * and frames go to https only: office.js talks to Microsoft's services from the pane.
 */
export function contentSecurityPolicy(inlineScripts = []) {
  return [
    "default-src 'self'",
    `script-src 'self' https://appsforoffice.microsoft.com${inlineScripts.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' https:",
    "frame-src 'self' https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function plain(res, status, text, method) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': contentSecurityPolicy() });
  res.end(method === 'HEAD' ? undefined : text);
}

/**
 * A request handler serving a folder: pages revalidated on every load, hashed files cached for a
 * year, text compressed; every answer with X-Content-Type-Options: nosniff and a
 * Content-Security-Policy; a URL that does not decode (`/%E0%A4%A`) answered 400, never a crash.
 */
export function staticHandler(dir) {
  const base = path.resolve(dir);
  return (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      plain(res, 400, 'Địa chỉ không hợp lệ.\n', req.method);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      plain(res, 405, 'Chỉ đọc được tệp (GET, HEAD).\n', req.method);
      return;
    }
    const file = path.resolve(base, `.${pathname === '/' ? '/standalone.html' : pathname}`);
    if (pathname.includes('\0') || (file !== base && !file.startsWith(base + path.sep)) || !existsSync(file) || !statSync(file).isFile()) {
      plain(res, 404, 'Không có tệp này.\n', req.method);
      return;
    }
    const ext = path.extname(file);
    const hashed = /-[A-Z0-9]{8}\.(js|css)(\.map)?$/.test(file);
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : undefined;
    const body = encoding ? compressedBody(file, encoding) : undefined;
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      // WebView2 and browsers keep old pages; the pages are small, the hashed bundles never change.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': contentSecurityPolicy(ext === '.html' ? inlineScriptHashes(file) : []),
      ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding && body ? { 'Content-Encoding': encoding, 'Content-Length': String(body.length) } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else if (body) res.end(body);
    else createReadStream(file).pipe(res);
  };
}

function instructions(origin, baseUrl, secure) {
  const manifest = path.join(root, 'dist', 'excel-addin', 'manifest.xml');
  return `
LKH is served at ${origin}/
  Standalone page (any modern browser, http is fine):  ${origin}/standalone.html
  Excel task pane page:                               ${origin}/taskpane.html
  Manifest (pane at ${baseUrl}):  ${manifest}
${
  secure
    ? ''
    : process.env.LKH_BASE_URL
      ? `
  The manifest points at LKH_BASE_URL (${baseUrl}): your https proxy or tunnel must forward it to ${origin}/.
`
      : `
  ! Excel opens task panes over https only; this server speaks plain http. Either
    - set LKH_HTTPS_CERT and LKH_HTTPS_KEY to a certificate for localhost that this computer trusts
      (for example one made by "npx office-addin-dev-certs install", or mkcert), then npm start again; or
    - put an https reverse proxy or tunnel in front of this port and build for its address:
      LKH_BASE_URL=https://your-host/path npm start   (the manifest then points there).
`
}
Try it in Excel:
  Excel on the web: open a workbook, Home → Add-ins (or Insert → Add-ins) → More Add-ins →
    Upload My Add-in, choose manifest.xml. The "LKH" button appears on the Home tab.
  Excel on Windows: put manifest.xml in a shared folder (right-click the folder → Properties → Sharing),
    add the folder's \\\\computer\\share path in File → Options → Trust Center → Trust Center Settings →
    Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel, then Home → Add-ins → More Add-ins →
    SHARED FOLDER → LKH. Alternatively "npx office-addin-dev-settings sideload dist/excel-addin/manifest.xml"
    registers the manifest for the current user without a share (Windows only; needs network to install).
  Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    (create the folder), restart Excel, then Home → Add-ins → My Add-ins → LKH.
  After a new build, bump "version" in package.json (or set LKH_BUILD) so Excel reloads the pane.
  Manual checklist: docs/TESTING.md.  Stop with Ctrl+C.
`;
}

export async function start() {
  const port = Number(process.env.PORT ?? 3000);
  const certFile = process.env.LKH_HTTPS_CERT;
  const keyFile = process.env.LKH_HTTPS_KEY;
  const secure = Boolean(certFile && keyFile);
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error('Set both LKH_HTTPS_CERT and LKH_HTTPS_KEY (PEM files), or neither.');
  const origin = `${secure ? 'https' : 'http'}://localhost:${port}`;
  const baseUrl = process.env.LKH_BASE_URL ?? `https://localhost:${port}`;
  const dir = path.join(root, 'dist', 'excel-addin');
  await buildExcel({ outDir: dir, baseUrl });
  const handler = staticHandler(dir);
  const server = secure ? https.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, handler) : http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  console.log(instructions(origin, baseUrl, secure));
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
