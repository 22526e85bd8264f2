// node scripts/manifest.mjs https://host/path [--out FILE] [--version a.b.c.d]
// Writes the Excel add-in manifest for a base URL (default: stdout). The build writes
// dist/excel-addin/manifest.xml the same way for LKH_BASE_URL (STYLE.md §10).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The manifest XML for a base URL; version from package.json and LKH_BUILD unless given. */
export async function manifestFor(baseUrl, version) {
  const m = await loadTs(path.join(root, 'manifests', 'excel-manifest.ts'));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const v = version ?? m.manifestVersion(pkg.version, Number(process.env.LKH_BUILD ?? 0));
  return m.excelManifest({ baseUrl: baseUrl || m.DEFAULT_BASE_URL, version: v });
}

async function main(argv) {
  const args = [...argv];
  const take = (flag) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const out = take('--out');
  const version = take('--version');
  const [baseUrl] = args;
  if (!baseUrl) {
    console.error('Cách dùng: node scripts/manifest.mjs https://may-chu/duong-dan [--out manifest.xml] [--version 1.0.0.0]');
    return 2;
  }
  const xml = await manifestFor(baseUrl, version);
  if (out) {
    writeFileSync(out, xml);
    console.error(`Đã ghi ${out} cho ${baseUrl}`);
  } else process.stdout.write(xml);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
