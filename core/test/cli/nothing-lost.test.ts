/**
 * The `lkh` command never costs the commune its files (issue 9): atomic writes (a write that fails
 * midway leaves the previous plan byte for byte), outputs that are inputs, folders or FIFOs
 * refused, system errors in Vietnamese, one kept copy per sheet, duplicates and versions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeAtomic } from '../../cli/files';
import type { WriteSystem } from '../../cli/files';
import { run } from './run';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

function demoDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-nothing-lost-'));
  return dir;
}

describe('atomic writes', () => {
  it('leaves the previous plan byte for byte when the write fails midway (file-size limit), and no temporary file', async () => {
    const dir = demoDir();
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'ke-hoach.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', plan])).code).toBeLessThanOrEqual(1);
    const before = readFileSync(plan);
    expect(before.length).toBeGreaterThan(40 * 512);
    // The real command, in a shell whose file-size limit (ulimit -f, 512-byte blocks) is below the
    // plan's size: the kernel cuts the write (EFBIG) as a full disk or a quota would.
    const cli = join(ROOT, 'core', 'bin', 'lkh.cjs');
    execFileSync(process.execPath, [cli, '--help']); // builds the bundle first, outside the limit
    const r = spawnSync('bash', ['-c', `ulimit -f 40; exec "${process.execPath}" "${cli}" consolidate ${inputs.map((f) => `"${f}"`).join(' ')} --out "${plan}" --commune "Xã Mới"`], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`Không ghi được tệp "${plan}"`);
    expect(r.stderr).toContain('Tệp cũ (nếu có) vẫn giữ nguyên');
    expect(readFileSync(plan).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temporary file and keeps the target when a write fails (injected ENOSPC)', () => {
    const dir = demoDir();
    const target = join(dir, 'ke-hoach.xlsx');
    writeFileSync(target, 'kế hoạch năm trước');
    let calls = 0;
    const full: WriteSystem = {
      openSync,
      fsyncSync,
      closeSync,
      renameSync,
      unlinkSync,
      writeSync: (fd, buffer, offset, length) => {
        if (++calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return writeSync(fd, buffer, offset, Math.min(length, 10));
      },
    };
    expect(() => writeAtomic(target, new Uint8Array(1000).fill(65), full)).toThrow(/ổ đĩa đã đầy[\s\S]*Chi tiết kỹ thuật: ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('kế hoạch năm trước');
    expect(readdirSync(dir)).toEqual(['ke-hoach.xlsx']);
  });
});

describe('outputs and inputs checked before any work', () => {
  it('refuses an --out that is one of the inputs, leaving the input as it was', async () => {
    const dir = demoDir();
    const input = join(dir, 'thon-a.xlsx');
    copyFileSync(join(CORPUS, 'bang2-i2.xlsx'), input);
    const before = readFileSync(input);
    const r = await run(['consolidate', input, '--out', join(dir, '.', 'thon-a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cũng là một tệp đầu vào');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an --out that is a folder or a FIFO (which would hang), at once', async () => {
    const dir = demoDir();
    const input = join(CORPUS, 'bang2-i2.xlsx');
    mkdirSync(join(dir, 'thu-muc'));
    const folder = await run(['consolidate', input, '--out', join(dir, 'thu-muc')]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('là một thư mục');
    const fifo = join(dir, 'ong-dan.xlsx');
    execFileSync('mkfifo', [fifo]);
    // Refused at once: opening the FIFO to write would block until a reader comes (the test's timeout would end it).
    const pipe = await run(['consolidate', input, '--out', fifo]);
    expect(pipe.code).toBe(2);
    expect(pipe.err).toContain('không phải một tệp thông thường');
    // A FIFO given as an input is refused too, not read.
    const asInput = await run(['validate', '--json', fifo]);
    expect(asInput.code).toBe(2);
  });

  it('says in Vietnamese when an input does not exist, and still reads the others', async () => {
    const dir = demoDir();
    const r = await run(['consolidate', join(dir, 'khong-co.xlsx'), join(CORPUS, 'bang2-i2.xlsx'), '--out', join(dir, 'kh.xlsx'), '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { reconciliation: { read: { count: number } }; findings: { code: string; message: string }[] };
    expect(doc.reconciliation.read.count).toBe(5);
    const missing = doc.findings.find((f) => f.code === 'FILE_UNREADABLE');
    expect(missing?.message).toContain('Không có tệp');
    expect(missing?.message).not.toMatch(/ENOENT/);
  });
});

describe('re-runs keep one previous copy per sheet', () => {
  it('leaves one "(cũ)" per plan sheet after three runs, and --remove-copies removes them', async () => {
    const dir = demoDir();
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'kh.xlsx');
    for (let i = 0; i < 3; i++) await run(['consolidate', ...inputs, '--out', plan]);
    const sheets = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)))).listSheets();
    const copies = sheets.filter((s) => s.includes('(cũ'));
    expect(copies.sort()).toEqual(['II.4.A (cũ)', 'II.4.B (cũ)', 'II.6.A (cũ)', 'II.6.B (cũ)', 'II.6.C (cũ)', 'Báo cáo tổng hợp (cũ)'].sort());
    const r = await run(['consolidate', ...inputs, '--out', plan, '--remove-copies']);
    expect(r.out).toContain('Đã xóa 6 trang bản sao cũ');
    const after = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)))).listSheets();
    expect(after.filter((s) => s.includes('(cũ'))).toEqual([]);
  });
});

describe('each village counted once', () => {
  it('reads the same file given twice, or a renamed copy, once — exit 0', async () => {
    const dir = demoDir();
    const a = join(CORPUS, 'bang2-i2.xlsx');
    const copy = join(dir, 'thon-a (1).xlsx');
    copyFileSync(a, copy);
    const once = JSON.parse((await run(['consolidate', a, '--out', join(dir, '1.xlsx'), '--json'])).out) as { reconciliation: { read: { count: number; amount: number } } };
    const r = await run(['consolidate', a, a, copy, '--out', join(dir, '2.xlsx'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { reconciliation: { read: { count: number; amount: number } }; findings: { code: string; message: string }[] };
    expect(doc.reconciliation.read).toEqual(once.reconciliation.read);
    expect(doc.findings.find((f) => f.code === 'SOURCE_DUPLICATE')?.message).toContain('thon-a (1).xlsx');
  });

  it('stops before writing on two versions of one village sheet; --keep newer takes the newer file', async () => {
    const dir = demoDir();
    const v1 = join(dir, 'thon-a.xlsx');
    const v2 = join(dir, 'thon-a-sua.xlsx');
    copyFileSync(join(CORPUS, 'bang2-i2.xlsx'), v1);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(v1)));
    const ws = wb.workbook.worksheets[0];
    ws.getCell('G21').value = '12.000';
    ws.getCell('I21').value = '7.000';
    wb.workbook.modified = new Date('2026-04-20T02:00:00Z');
    writeFileSync(v2, await wb.save());
    utimesSync(v1, new Date('2026-10-01'), new Date('2026-10-01'));
    utimesSync(v2, new Date('2026-10-05'), new Date('2026-10-05'));
    const out = join(dir, 'kh.xlsx');
    const stop = await run(['consolidate', v1, v2, '--out', out]);
    expect(stop.code).toBe(2);
    expect(stop.err).toContain('thon-a.xlsx');
    expect(stop.err).toContain('thon-a-sua.xlsx');
    // each version with the date the file itself says it was saved (docProps/core.xml)
    expect(stop.err).toMatch(/- thon-a-sua\.xlsx \(sửa ngày 20\/04\/2026\) trang "/u);
    expect(stop.err).toContain('--keep newer');
    expect(existsSync(out)).toBe(false);
    const newer = await run(['consolidate', v1, v2, '--out', out, '--keep', 'newer', '--json']);
    expect(newer.code).toBeLessThanOrEqual(1);
    const doc = JSON.parse(newer.out) as { reconciliation: { read: { amount: number } }; findings: { code: string; message: string }[] };
    expect(doc.reconciliation.read.amount).toBe(6_000 + 0 + 15_000 + 12_000 + 2_000);
    expect(doc.findings.find((f) => f.code === 'SOURCE_VERSION_LEFT_OUT')?.message).toContain('thon-a.xlsx');
  });
});
