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
 * One cache per command (and one for consolidate over an existing plan: cacheName), since each holds the functions its own run compiled. Node 20 has no
 * module.enableCompileCache; this is the same thing for one file. The bundle uses no import()
 * (esbuild turns its own into require), so vm.Script runs it.
 *
 * The cache is keyed by the bundle's content (issue 23): it starts with "LKHC1", then the SHA-256
 * of the bundle it was made from, then V8's data. V8 itself checks only the source's length, so
 * after an edit that kept the length it ran the old code; a cache of another bundle is now never
 * given to V8. A cache path that is not a regular file (a folder, a FIFO, a device) is neither read
 * (a FIFO would wait for a writer) nor written; a write that fails (a read-only install, a full
 * disk, a file-size limit) removes its temporary file, and temporary files of runs killed while
 * writing (`<cache>.<pid>.tmp` of a process no longer running) are removed by the next write.
 */
const COMMANDS = new Set(['template', 'validate', 'consolidate', 'demo', 'rank', 'catalogue', 'district', 'feedback', 'document']);

/**
 * Which cache a run uses: one per command, and for `consolidate` one more when its --out plan
 * already exists (a re-run, after a village's correction): that run opens the old plan with ExcelJS
 * and reads the commune's edits, functions a first run never compiles, so a cache written by a first
 * run would leave them to be compiled on every re-run (issue 23: the re-run as quick as the first).
 */
function cacheName(args) {
  const command = args[0];
  if (!COMMANDS.has(command)) return 'help';
  if (command === 'consolidate') {
    let out;
    for (let i = 1; i < args.length; i++) {
      if (args[i] === '--out') out = args[i + 1];
      else if (args[i].startsWith('--out=')) out = args[i].slice('--out='.length);
    }
    if (out && fs.existsSync(out)) return 'consolidate-rerun';
  }
  return command;
}
const CACHE_MAGIC = Buffer.from('LKHC1');
const HASH_BYTES = 32;

/** The bytes of `file` when it is a regular file; undefined when it is missing or anything else (never waits on a FIFO). */
function readRegular(file) {
  let fd;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0));
    if (!fs.fstatSync(fd).isFile()) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether `file` is absent or a regular file (what a cache may be replaced over). */
function replaceable(file) {
  try {
    return fs.lstatSync(file).isFile();
  } catch (e) {
    return e && e.code === 'ENOENT';
  }
}

/** Removes `<cacheFile>.<pid>.tmp` files whose process is gone (a run killed while writing its cache). */
function removeLeftovers(cacheFile) {
  const dir = path.dirname(cacheFile);
  const prefix = `${path.basename(cacheFile)}.`;
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch (e) {
      alive = !(e && e.code === 'ESRCH');
    }
    if (alive) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
    } catch {
      // removed by another run, or not ours to remove
    }
  }
}

/** Writes the cache through a temporary file renamed over it; on any failure the temporary file is removed. */
function writeCache(cacheFile, bytes) {
  if (!replaceable(cacheFile)) return;
  removeLeftovers(cacheFile);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, cacheFile);
  } catch {
    // No cache this time: the next run compiles again.
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
  }
}

function loadBundle(file, name) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const crypto = require('node:crypto');
  const cacheFile = `${file}.${name}.cache`;
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  const hash = crypto.createHash('sha256').update(bytes).digest();
  const cached = readRegular(cacheFile);
  const header = CACHE_MAGIC.length + HASH_BYTES;
  const cachedData =
    cached && cached.length > header && cached.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC) && cached.subarray(CACHE_MAGIC.length, header).equals(hash)
      ? cached.subarray(header)
      : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    writeCache(cacheFile, Buffer.concat([CACHE_MAGIC, hash, data]));
  };
  return { exports: mod.exports, saveCache };
}

const loaded = loadBundle(bundle, cacheName(process.argv.slice(2)));
loaded.exports.main(process.argv.slice(2)).finally(loaded.saveCache).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`lkh: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 2; },
);
