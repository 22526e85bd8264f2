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
/**
 * Loads the bundle with V8's code cache (dist/cli/lkh.cjs.<command>.cache, written after a run of
 * that command): the next run skips compiling the 1.5 MB bundle and the functions the command
 * needed (issue 13: `lkh --help` and `lkh template` start faster than `require('exceljs')` alone).
 * One cache per command, since each holds the functions its own run compiled. Node 20 has no
 * module.enableCompileCache; this is the same thing for one file. A cache V8 rejects (another Node,
 * a rebuilt bundle) is rewritten; a cache that cannot be written (a read-only install) is not
 * needed. The bundle uses no import() (esbuild turns its own into require), so vm.Script runs it.
 */
const COMMANDS = new Set(['template', 'validate', 'consolidate', 'demo', 'rank', 'catalogue', 'district', 'feedback', 'document']);

function loadBundle(file, command) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const cacheFile = `${file}.${COMMANDS.has(command) ? command : 'help'}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // No cache this time: the next run compiles again.
    }
  };
  return { exports: mod.exports, saveCache };
}

const loaded = loadBundle(bundle, process.argv[2]);
loaded.exports.main(process.argv.slice(2)).finally(loaded.saveCache).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`lkh: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 2; },
);
