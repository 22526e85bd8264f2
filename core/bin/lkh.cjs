#!/usr/bin/env node
'use strict';
// Entry point installed as `lkh` (package.json "bin"). Runs the bundled CLI from dist/;
// when the bundle is missing or older than the sources (a fresh clone after `npm ci`),
// it is built first with esbuild, so `npx lkh` works without a separate build step.
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'cli', 'lkh.cjs');
const srcDirs = [path.join(root, 'core', 'src'), path.join(root, 'core', 'cli')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return srcDirs.some((dir) => fs.existsSync(dir) && newestMtime(dir) > built);
}

if (stale()) {
  const { buildCli } = require(path.join(root, 'scripts', 'build-cli.cjs'));
  buildCli();
}
require(bundle).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`lkh: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 2; },
);
