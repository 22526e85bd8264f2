/**
 * The compiled-code cache of the `lkh` command (core/bin/lkh.cjs), run as a real process over a
 * small bundle of its own in a temporary install: the cache is keyed by the bundle's content, a
 * cache path that is not a regular file is skipped, and no temporary file is ever left behind.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'lkh.cjs');

/** A bundle whose main prints `word` (same length for words of the same length). */
const bundle = (word: string): string => `'use strict';\nexports.main = async (argv) => { process.stdout.write(${JSON.stringify(word)} + ':' + argv.join(',') + '\\n'); return 3; };\n`;

/** A temporary install: core/bin/lkh.cjs and dist/cli/lkh.cjs (no sources, so nothing is rebuilt). */
function install(word: string): { root: string; bin: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'lkh-cache-'));
  mkdirSync(join(root, 'core', 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  const bin = join(root, 'core', 'bin', 'lkh.cjs');
  copyFileSync(BIN, bin);
  writeFileSync(join(root, 'dist', 'cli', 'lkh.cjs'), bundle(word));
  return { root, bin, dist: join(root, 'dist', 'cli') };
}

/** Runs the installed command; the timeout only guards against a hang (the assertions are on what it printed). */
function lkh(bin: string, args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('the compiled-code cache', () => {
  it('writes a cache on the first run and uses it on the next', () => {
    const { bin, dist } = install('ALPHA');
    expect(lkh(bin, ['validate', 'x']).stdout).toBe('ALPHA:validate,x\n');
    const cache = join(dist, 'lkh.cjs.validate.cache');
    expect(statSync(cache).isFile()).toBe(true);
    const first = readFileSync(cache);
    const again = lkh(bin, ['validate', 'y']);
    expect(again.stdout).toBe('ALPHA:validate,y\n');
    expect(again.status).toBe(3);
    // Accepted, so not rewritten.
    expect(readFileSync(cache).equals(first)).toBe(true);
  });

  it('keeps a cache of its own for consolidate over an existing plan (a re-run compiles other functions)', () => {
    const { root, bin, dist } = install('BRAVO');
    const plan = join(root, 'KH.xlsx');
    const names = () => readdirSync(dist).filter((f) => f.endsWith('.cache')).sort();
    expect(lkh(bin, ['consolidate', 'a.xlsx', '--out', plan]).stdout).toBe(`BRAVO:consolidate,a.xlsx,--out,${plan}\n`);
    expect(names()).toEqual(['lkh.cjs.consolidate.cache']);
    writeFileSync(plan, 'the plan of the first run');
    expect(lkh(bin, ['consolidate', 'a.xlsx', `--out=${plan}`]).status).toBe(3);
    expect(names()).toEqual(['lkh.cjs.consolidate-rerun.cache', 'lkh.cjs.consolidate.cache']);
    // Another command never takes it, whatever its --out.
    expect(lkh(bin, ['validate', 'a.xlsx', '--out', plan]).status).toBe(3);
    expect(names()).toEqual(['lkh.cjs.consolidate-rerun.cache', 'lkh.cjs.consolidate.cache', 'lkh.cjs.validate.cache']);
  });

  it('runs the new code after the bundle changed but kept its length (stale cache)', () => {
    const { bin, dist } = install('ALPHA');
    expect(lkh(bin, ['--help']).stdout).toBe('ALPHA:--help\n');
    expect(existsSync(join(dist, 'lkh.cjs.help.cache'))).toBe(true);
    const before = statSync(join(dist, 'lkh.cjs')).size;
    writeFileSync(join(dist, 'lkh.cjs'), bundle('OMEGA'));
    expect(statSync(join(dist, 'lkh.cjs')).size).toBe(before);
    expect(lkh(bin, ['--help']).stdout).toBe('OMEGA:--help\n');
    // The cache was rewritten for the new bundle, and is used from then on.
    expect(lkh(bin, ['--help']).stdout).toBe('OMEGA:--help\n');
    expect(leftovers(dist)).toEqual([]);
  });

  it('skips a cache path that is a folder: the command runs, no temporary file is left', () => {
    const { bin, dist } = install('ALPHA');
    mkdirSync(join(dist, 'lkh.cjs.demo.cache'));
    for (let i = 0; i < 2; i++) {
      const r = lkh(bin, ['demo']);
      expect(r.stdout).toBe('ALPHA:demo\n');
      expect(r.status).toBe(3);
    }
    expect(statSync(join(dist, 'lkh.cjs.demo.cache')).isDirectory()).toBe(true);
    expect(leftovers(dist)).toEqual([]);
  });

  it('skips a cache path that is a FIFO without waiting on it', () => {
    const { bin, dist } = install('ALPHA');
    const fifo = join(dist, 'lkh.cjs.rank.cache');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    const r = lkh(bin, ['rank']);
    expect(r.error).toBeUndefined(); // not killed by the guard's timeout
    expect(r.stdout).toBe('ALPHA:rank\n');
    expect(r.status).toBe(3);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dist)).toEqual([]);
  });

  it('removes its temporary file when the cache cannot be written, and the leftovers of killed runs', () => {
    const { bin, dist } = install('ALPHA');
    // A leftover of a run killed while writing (a pid no process has: above the kernel's maximum), and one not of this pattern.
    const dead = join(dist, 'lkh.cjs.template.cache.4194305.tmp');
    writeFileSync(dead, 'half a cache');
    writeFileSync(join(dist, 'notes.tmp'), 'not ours');
    // A file-size limit below the cache's size: the write fails (EFBIG), as a full disk would.
    const r = spawnSync('bash', ['-c', `ulimit -f 1; exec "${process.execPath}" "${bin}" template`], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toBe('ALPHA:template\n');
    expect(existsSync(join(dist, 'lkh.cjs.template.cache'))).toBe(false);
    expect(leftovers(dist)).toEqual(['notes.tmp']);
    expect(existsSync(dead)).toBe(false);
  });
});
