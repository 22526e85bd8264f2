// The release and build date every page shows in "Giới thiệu" (core/ui/components/About.tsx):
// package.json's version and today (or LKH_BUILD_DATE, YYYY-MM-DD, for a reproducible release).
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildInfo() {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const date = process.env.LKH_BUILD_DATE ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`LKH_BUILD_DATE "${date}" phải có dạng YYYY-MM-DD.`);
  return { version, date };
}

/**
 * esbuild `define` entries for a page bundle. `guidesUrl`: where the pane links the user guides
 * (docs/huong-dan/): relative "huong-dan/" for the pages served with them, the release's absolute
 * address for the Sheets sidebar (LKH_GUIDES_URL, else LKH_BASE_URL + "/huong-dan/").
 */
export function buildDefines(dev, guidesUrl = 'huong-dan/') {
  const { version, date } = buildInfo();
  return {
    'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
    'globalThis.LKH_VERSION': JSON.stringify(version),
    'globalThis.LKH_BUILD_DATE': JSON.stringify(date),
    'globalThis.LKH_GUIDES_URL': JSON.stringify(guidesUrl),
  };
}

/** The guides' absolute address for a host that does not serve them itself (the Sheets sidebar). */
export function guidesUrlFor(baseUrl) {
  return process.env.LKH_GUIDES_URL ?? `${(baseUrl ?? process.env.LKH_BASE_URL ?? 'https://localhost:3000').replace(/\/+$/, '')}/huong-dan/`;
}

/** Copies the guides and their pictures (docs/huong-dan) into a built site's huong-dan/ folder. */
export function copyGuides(outDir) {
  const from = path.join(root, 'docs', 'huong-dan');
  const to = path.join(outDir, 'huong-dan');
  cpSync(from, to, { recursive: true });
}
