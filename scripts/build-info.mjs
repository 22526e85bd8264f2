// The release and build date every page shows in "Giới thiệu" (core/ui/components/About.tsx):
// package.json's version and today (or LKH_BUILD_DATE, YYYY-MM-DD, for a reproducible release).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildInfo() {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const date = process.env.LKH_BUILD_DATE ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`LKH_BUILD_DATE "${date}" phải có dạng YYYY-MM-DD.`);
  return { version, date };
}

/** esbuild `define` entries for a page bundle. */
export function buildDefines(dev) {
  const { version, date } = buildInfo();
  return {
    'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
    'globalThis.LKH_VERSION': JSON.stringify(version),
    'globalThis.LKH_BUILD_DATE': JSON.stringify(date),
  };
}
