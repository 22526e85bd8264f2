/**
 * `npm start` serves the pane as a production host would (issue 13): text compressed with brotli
 * or gzip as the client accepts, images and workbooks as they are, hashed bundles cached for a
 * year, pages revalidated. The handler is scripts/start.mjs's own, run in a child Node process
 * (it is an ES module) against a folder of files made here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const START = pathToFileURL(resolve(__dirname, '..', '..', 'scripts', 'start.mjs')).href;

interface Served {
  readonly status: number;
  readonly encoding?: string;
  readonly cache?: string;
  readonly vary?: string;
  readonly same: boolean;
  readonly bytes: number;
}

function fetchAll(dir: string, requests: readonly { path: string; accept?: string }[]): Served[] {
  const script = `
    import http from 'node:http';
    import zlib from 'node:zlib';
    import { readFileSync } from 'node:fs';
    import { join } from 'node:path';
    const { staticHandler } = await import(${JSON.stringify(START)});
    const server = http.createServer(staticHandler(${JSON.stringify(dir)}));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const port = server.address().port;
    const out = [];
    for (const q of ${JSON.stringify(requests)}) {
      const res = await new Promise((done) => http.get({ host: '127.0.0.1', port, path: q.path, headers: q.accept ? { 'accept-encoding': q.accept } : {} }, done));
      const chunks = [];
      for await (const c of res) chunks.push(c);
      const raw = Buffer.concat(chunks);
      const enc = res.headers['content-encoding'];
      const body = enc === 'br' ? zlib.brotliDecompressSync(raw) : enc === 'gzip' ? zlib.gunzipSync(raw) : raw;
      let same = false;
      try { same = body.equals(readFileSync(join(${JSON.stringify(dir)}, q.path))); } catch {}
      out.push({ status: res.statusCode, encoding: enc, cache: res.headers['cache-control'], vary: res.headers['vary'], same, bytes: raw.length });
    }
    server.close();
    process.stdout.write(JSON.stringify(out));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Served[];
}

describe('npm start serves like a production host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-serve-'));
  const js = `export const x = ${JSON.stringify('Lập kế hoạch xã '.repeat(4000))};\n`;
  writeFileSync(join(dir, 'taskpane-ABCD1234.js'), js);
  writeFileSync(join(dir, 'standalone.html'), `<!doctype html><title>LKH</title>${'<p>Thôn Nà Hin</p>'.repeat(500)}`);
  writeFileSync(join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));

  const served = fetchAll(dir, [
    { path: '/taskpane-ABCD1234.js', accept: 'gzip, deflate, br' },
    { path: '/taskpane-ABCD1234.js', accept: 'gzip' },
    { path: '/taskpane-ABCD1234.js' },
    { path: '/standalone.html', accept: 'br;q=0, gzip' },
    { path: '/icon.png', accept: 'br, gzip' },
  ]);

  it('compresses a hashed bundle with brotli when accepted, caches it for a year, and the body is the file', () => {
    expect(served[0]).toMatchObject({ status: 200, encoding: 'br', cache: 'public, max-age=31536000, immutable', vary: 'Accept-Encoding', same: true });
    expect(served[0].bytes).toBeLessThan(js.length / 10);
  });

  it('falls back to gzip, then to the file as it is for a client that accepts neither', () => {
    expect(served[1]).toMatchObject({ encoding: 'gzip', same: true });
    expect(served[2].encoding).toBeUndefined();
    expect(served[2]).toMatchObject({ same: true, bytes: Buffer.byteLength(js) });
  });

  it('honours q=0, revalidates pages, and leaves images uncompressed', () => {
    expect(served[3]).toMatchObject({ encoding: 'gzip', cache: 'no-cache', same: true });
    expect(served[4].encoding).toBeUndefined();
    expect(served[4].same).toBe(true);
  });
});
