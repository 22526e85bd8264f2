/**
 * How the `lkh` command writes and prints (issue 23, item 7): a plan keeps its permissions, an
 * output that is a symbolic link is written through to its target, leftovers of killed runs are
 * removed at the next write (LKH's own names only), and a reader that closes the pipe early ends
 * the printing quietly with the command's own exit code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeLeftovers, writeAtomic } from '../../cli/files';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from './run';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'core', 'bin', 'lkh.cjs');

const mode = (file: string): number => statSync(file).mode & 0o777;

/** A commune's demo folder and its inputs. */
async function commune(): Promise<{ dir: string; inputs: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-writes-'));
  expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
  return { dir, inputs: readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f)) };
}

describe('permissions and symbolic links', () => {
  it('a plan of mode 0444 (read-only) keeps it when consolidated again', async () => {
    const { dir, inputs } = await commune();
    const plan = join(dir, 'ke-hoach.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', plan])).code).toBeLessThanOrEqual(1);
    chmodSync(plan, 0o444);
    const before = readFileSync(plan);
    expect((await run(['consolidate', ...inputs, '--out', plan, '--commune', 'Xã Mới'])).code).toBeLessThanOrEqual(1);
    expect(mode(plan)).toBe(0o444);
    expect(readFileSync(plan).equals(before)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['ke-hoach.xlsx', 'xa']);
  });

  it.each(['600', '640', '755'])('a file of mode %s keeps it when rewritten', (m) => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-writes-'));
    const file = join(dir, 'kh.xlsx');
    writeFileSync(file, 'cũ');
    chmodSync(file, parseInt(m, 8));
    writeAtomic(file, new Uint8Array([1, 2]));
    expect(mode(file)).toBe(parseInt(m, 8));
    expect([...readFileSync(file)]).toEqual([1, 2]);
  });

  it('a new file is written 0644 whatever the old temporary names held', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-writes-'));
    writeAtomic(join(dir, 'moi.xlsx'), new Uint8Array([1, 2, 3]));
    expect(mode(join(dir, 'moi.xlsx'))).toBe(0o644);
  });

  it('an --out that is a symbolic link is written through to its target, and stays a link', async () => {
    const { dir, inputs } = await commune();
    mkdirSync(join(dir, 'luu-tru'));
    const real = join(dir, 'luu-tru', 'ke-hoach-2027.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', real])).code).toBeLessThanOrEqual(1);
    chmodSync(real, 0o600);
    const link = join(dir, 'ke-hoach.xlsx');
    symlinkSync(join('luu-tru', 'ke-hoach-2027.xlsx'), link);
    expect((await run(['consolidate', ...inputs, '--out', link, '--commune', 'Xã Qua Liên Kết'])).code).toBeLessThanOrEqual(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('luu-tru', 'ke-hoach-2027.xlsx'));
    const state = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(real)))).readState();
    expect(state.unitName).toBe('Xã Qua Liên Kết');
    expect(mode(real)).toBe(0o600);
    expect(readdirSync(join(dir, 'luu-tru'))).toEqual(['ke-hoach-2027.xlsx']);
    expect(readdirSync(dir).sort()).toEqual(['ke-hoach.xlsx', 'luu-tru', 'xa']);
  });

  it('a link to a file not yet there creates the target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-writes-'));
    symlinkSync('dich.xlsx', join(dir, 'lien-ket.xlsx'));
    writeAtomic(join(dir, 'lien-ket.xlsx'), new Uint8Array([7, 8]));
    expect(lstatSync(join(dir, 'lien-ket.xlsx')).isSymbolicLink()).toBe(true);
    expect([...readFileSync(join(dir, 'dich.xlsx'))]).toEqual([7, 8]);
  });
});

describe('leftovers of killed runs', () => {
  it('removes only LKH temporary files of this output whose process is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-writes-'));
    const plan = join(dir, 'kh.xlsx');
    writeFileSync(plan, 'kế hoạch');
    // 4194305 is above Linux's largest pid: no process has it. Pid 1 is always running.
    const dead = ['.kh.xlsx.4194305.m1abc.tmp', '.kh.xlsx.4194306.zz9.tmp'];
    const kept = ['.kh.xlsx.1.m1abc.tmp', '.kh.xlsx.backup.tmp', 'kh.xlsx.4194305.m1abc.tmp', '.khac.xlsx.4194305.m1abc.tmp', '.kh.xlsx.4194305.m1abc.tmp.bak', 'ghi-chu.tmp'];
    for (const f of [...dead, ...kept]) writeFileSync(join(dir, f), 'x');
    writeAtomic(plan, new Uint8Array([1]));
    expect(readdirSync(dir).sort()).toEqual(['kh.xlsx', ...kept].sort());
    expect(removeLeftovers(plan)).toEqual([]);
  });

  it('the next consolidate removes what a killed run left beside the plan', async () => {
    const { dir, inputs } = await commune();
    const plan = join(dir, 'kh.xlsx');
    // What kill -9 during the write leaves: the temporary file, named by a process now gone.
    writeFileSync(join(dir, '.kh.xlsx.4194305.kill9.tmp'), 'nửa tệp');
    expect((await run(['consolidate', ...inputs, '--out', plan])).code).toBeLessThanOrEqual(1);
    expect(readdirSync(dir).sort()).toEqual(['kh.xlsx', 'xa']);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends quietly, with the command\'s own exit code and its file written', async () => {
    const { dir, inputs } = await commune();
    const plan = join(dir, 'kh.xlsx');
    execFileSync(process.execPath, [CLI, '--help']);
    const args = `consolidate ${inputs.map((f) => `"${f}"`).join(' ')} --out "${plan}"`;
    const whole = spawnSync(process.execPath, [CLI, ...['consolidate', ...inputs, '--out', join(dir, 'kh-0.xlsx')]], { encoding: 'utf8', timeout: 60_000 });
    // `true` exits without reading: every line lkh prints meets a closed pipe (EPIPE).
    for (const reader of ['true', 'head -1']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${args} | ${reader}; exit \${PIPESTATUS[0]}`], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(whole.status);
    }
    expect(statSync(plan).size).toBeGreaterThan(10_000);
  });
});
