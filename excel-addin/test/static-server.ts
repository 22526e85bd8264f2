/** A static file server on a free local port, for the built pages in Chromium (e2e tests, scripts/screenshots.ts). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain',
};

/** Serves `dir` (nothing outside it) at 127.0.0.1 on a port the system picks. */
export function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const file = path.resolve(dir, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}
