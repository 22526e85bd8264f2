/**
 * `npm start` answers like a careful host (issue 23): a URL that does not decode gets 400 and the
 * server keeps serving; every answer says X-Content-Type-Options: nosniff; pages carry a
 * Content-Security-Policy allowing scripts from the server itself, Microsoft's Office CDN and the
 * page's own inline scripts (by hash) only. The handler is scripts/start.mjs's own, run in a child
 * Node process (it is an ES module), over the pages as scripts/build-excel.mjs builds them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..', '..');
const START = pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href;
const CDN = 'https://appsforoffice.microsoft.com';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: string;
}

/** Sends raw requests (paths as they are, not re-encoded) to the handler, one after the other, on one server. */
function ask(dir: string, requests: readonly { path: string; method?: string }[]): Answer[] {
  const script = `
    import http from 'node:http';
    const { staticHandler } = await import(${JSON.stringify(START)});
    const server = http.createServer(staticHandler(${JSON.stringify(dir)}));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const port = server.address().port;
    const out = [];
    for (const q of ${JSON.stringify(requests)}) {
      const res = await new Promise((done, fail) => http.request({ host: '127.0.0.1', port, path: q.path, method: q.method ?? 'GET' }, done).on('error', fail).end());
      const chunks = [];
      for await (const c of res) chunks.push(c);
      out.push({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
    }
    server.close();
    process.stdout.write(JSON.stringify(out));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })) as Answer[];
}

/** The directives of a Content-Security-Policy header. */
function directives(csp: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

/** The inline scripts and the src of the other scripts of a page. */
function scriptsOf(html: string): { inline: string[]; sources: string[] } {
  const inline: string[] = [];
  const sources: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const src = /\ssrc\s*=\s*"([^"]*)"/i.exec(m[1] ?? '');
    if (src) sources.push(src[1]);
    else inline.push(m[2]);
  }
  return { inline, sources };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('npm start: malformed URLs, nosniff and the Content-Security-Policy', () => {
  const dist = mkdtempSync(join(tmpdir(), 'lkh-serve-security-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-excel.mjs'), '--out', dist, '--base-url', 'https://localhost:3000'], { cwd: ROOT, stdio: 'pipe' });
  const pages = ['standalone.html', 'taskpane.html'];
  const answers = ask(dist, [
    { path: '/%E0%A4%A' },
    { path: '/standalone.html' },
    { path: '/%' },
    { path: '/taskpane.html' },
    { path: '/assets/icon-32.png' },
    { path: '/khong-co.js' },
    { path: '/%2e%2e/%2e%2e/etc/passwd' },
    { path: '/standalone.html', method: 'POST' },
    { path: '/' },
  ]);
  const [malformed, standalone, percent, taskpane, icon, missing, outside, post, home] = answers;

  it('answers a URL that does not decode with 400 in Vietnamese, and goes on serving', () => {
    expect(malformed.status).toBe(400);
    expect(malformed.body).toBe('Địa chỉ không hợp lệ.\n');
    expect(percent.status).toBe(400);
    // The requests after each malformed one were answered by the same server.
    expect(standalone.status).toBe(200);
    expect(taskpane.status).toBe(200);
    expect(home.status).toBe(200);
    expect(home.body).toBe(standalone.body);
  });

  it('refuses paths outside the folder and methods other than GET and HEAD', () => {
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('says nosniff and sends a policy on every answer', () => {
    for (const a of answers) {
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(directives(a.headers['content-security-policy']).get('object-src')).toEqual(["'none'"]);
    }
    expect(icon.headers['content-type']).toBe('image/png');
  });

  it.each(pages)('%s: scripts from the server, the Office CDN and its own inline scripts by hash, nothing else', (page) => {
    const answer = page === 'standalone.html' ? standalone : taskpane;
    const html = readFileSync(join(dist, page), 'utf8');
    expect(answer.body).toBe(html);
    const csp = directives(answer.headers['content-security-policy']);
    const { inline, sources } = scriptsOf(html);
    expect(inline.length).toBeGreaterThan(0);
    expect(csp.get('script-src')?.sort()).toEqual(["'self'", CDN, ...inline.map(sha256)].sort());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    // What the page loads is allowed: its own bundle (a relative URL), office.js from the CDN.
    for (const src of sources) expect(src.startsWith(`${CDN}/`) || !/^[a-z]+:|^\/\//i.test(src)).toBe(true);
    if (page === 'taskpane.html') expect(sources).toContain(`${CDN}/lib/1/hosted/office.js`);
    // Nothing the policy would block silently: no inline event handler, no javascript: URL.
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
    // Fluent UI inserts <style> elements and the pages set style attributes.
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
