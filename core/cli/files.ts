/**
 * Files for the `lkh` command, with the care a commune's only copy of its plan deserves:
 *
 *   - inputs are checked before they are read (missing, a folder, a FIFO that would hang);
 *   - an output is never one of the inputs, a folder or anything but a regular file;
 *   - an output is written whole to a temporary file beside it, flushed to disk, then renamed over
 *     the old one: a write that fails midway (disk full, quota, file-size limit) leaves the
 *     previous file byte for byte as it was, and no half-written file behind;
 *   - the new file keeps the old one's permissions (a plan kept 0600 or 0444 stays so); an output
 *     that is a symbolic link is written through to the file it points to (the link stays a link);
 *   - temporary files of runs killed while writing (LKH's own name pattern, of a process no longer
 *     running) are removed at the next write to the same file;
 *   - system errors (ENOENT, EACCES, ENOSPC…) reach the user as a Vietnamese sentence naming the
 *     file, the technical detail on a second line.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { shown } from './terminal';

/** A file problem the user can act on: the message is Vietnamese and names the file. */
export class FileProblem extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileProblem';
  }
}

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'không có tệp hoặc thư mục này',
  EACCES: 'không có quyền truy cập (hãy kiểm tra quyền của tệp hoặc thư mục)',
  EPERM: 'hệ điều hành không cho phép thao tác này',
  EISDIR: 'đây là một thư mục, không phải tệp',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã hết dung lượng được cấp (quota)',
  EFBIG: 'tệp vượt quá giới hạn kích thước cho phép',
  EROFS: 'ổ đĩa chỉ cho đọc, không ghi được',
  EMFILE: 'mở quá nhiều tệp cùng lúc',
  EBUSY: 'tệp đang được chương trình khác dùng (có thể đang mở trong Excel)',
  ETXTBSY: 'tệp đang được chương trình khác dùng',
  EIO: 'lỗi đọc/ghi ổ đĩa',
  ENAMETOOLONG: 'tên tệp quá dài',
};

/** "Không ghi được tệp "x": ổ đĩa đã đầy.\nChi tiết kỹ thuật: ENOSPC: …" */
export function systemMessage(action: 'đọc' | 'ghi', file: string, e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const reason = SYSTEM_REASONS[code] ?? 'lỗi hệ thống';
  const detail = e instanceof Error ? e.message : String(e);
  return `Không ${action} được tệp "${shown(file)}": ${reason}.\nChi tiết kỹ thuật: ${shown(detail)}`;
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw new FileProblem(systemMessage('đọc', file, e), { cause: e });
  }
}

/** The bytes of an input file; a folder, a FIFO or a device is refused before any read (a FIFO would hang). */
export function readInput(file: string): Uint8Array {
  const st = statOrUndefined(file);
  if (!st) throw new FileProblem(`Không có tệp "${shown(file)}".`);
  if (st.isDirectory()) throw new FileProblem(`"${shown(file)}" là một thư mục, không phải tệp .xlsx. Hãy chọn các tệp bên trong (ví dụ "${shown(join(file, '*.xlsx'))}").`);
  if (!st.isFile()) throw new FileProblem(`"${shown(file)}" không phải một tệp thông thường (có thể là thiết bị hoặc ống dẫn): không đọc.`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new FileProblem(systemMessage('đọc', file, e), { cause: e });
  }
}

function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/**
 * Checks an output path before any work: it may not exist yet, or be a regular file; never a
 * folder, a FIFO or a device, never one of the inputs (reading and overwriting the same file would
 * lose the village's sheets).
 */
export function checkOutput(out: string, inputs: readonly string[] = []): void {
  const st = statOrUndefined(out);
  if (st?.isDirectory()) throw new FileProblem(`--out "${shown(out)}" là một thư mục: hãy cho tên tệp, ví dụ "${shown(join(out, 'ke-hoach-xa.xlsx'))}".`);
  if (st && !st.isFile()) throw new FileProblem(`--out "${shown(out)}" không phải một tệp thông thường (có thể là thiết bị hoặc ống dẫn): không ghi vào đó.`);
  const target = realOrResolved(out);
  const same = inputs.find((f) => realOrResolved(f) === target);
  if (same !== undefined) throw new FileProblem(`--out "${shown(out)}" cũng là một tệp đầu vào ("${shown(same)}"): ghi đè lên sẽ mất dữ liệu của tệp đó. Hãy chọn tên tệp kết quả khác.`);
}

/** How the bytes reach the disk; tests replace it to fail midway. */
export interface WriteSystem {
  openSync: typeof openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fsyncSync;
  closeSync: typeof closeSync;
  renameSync: typeof renameSync;
  unlinkSync: typeof unlinkSync;
}

const REAL_FS: WriteSystem = { openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync };

/** The file a path finally names: symbolic links followed (even to a file not yet created), at most 40 of them. */
function linkTarget(out: string): string {
  let path = resolve(out);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(path).isSymbolicLink();
    } catch {
      return path; // not there yet: created by the write
    }
    if (!isLink) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new FileProblem(`Không ghi được tệp "${shown(out)}": đường dẫn có quá nhiều liên kết (symlink) lồng nhau.`);
}

/** The temporary name writeAtomic uses for `name` in its folder: ".<name>.<pid>.<time>.tmp". */
function tempName(name: string, pid: number): string {
  return `.${name}.${pid}.${Date.now().toString(36)}.tmp`;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
}

/**
 * Removes what earlier runs killed midway left beside `file`: only names of writeAtomic's own
 * pattern for this file (".<name>.<pid>.<time>.tmp"), and only when that process is gone (a run
 * still writing keeps its file). Anything else in the folder is left alone.
 */
export function removeLeftovers(file: string): string[] {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || !processGone(pid)) continue;
    try {
      if (!lstatSync(join(dir, name)).isFile()) continue;
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // removed meanwhile by another run
    }
  }
  return removed;
}

/**
 * Writes `bytes` to `out` atomically: a temporary file in the folder of the file `out` names (a
 * symbolic link is followed, so the rename replaces its target and stays on one file system),
 * written whole, given the old file's permissions, flushed, then renamed over it. On any failure
 * the temporary file is removed and the old file is untouched.
 */
export function writeAtomic(out: string, bytes: Uint8Array, fs: WriteSystem = REAL_FS): void {
  const target = linkTarget(out);
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileProblem(systemMessage('ghi', out, e), { cause: e });
  }
  removeLeftovers(target);
  let old: ReturnType<typeof statSync> | undefined;
  try {
    old = statSync(target);
  } catch {
    old = undefined;
  }
  const temp = join(dir, tempName(basename(target), process.pid));
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    if (old?.isFile()) {
      // The old file's permissions (the umask does not apply to fchmod), and its owner when we may.
      fchmodSync(fd, Number(old.mode) & 0o7777);
      if (typeof process.getuid === 'function' && process.getuid() === 0) {
        try {
          fchownSync(fd, Number(old.uid), Number(old.gid));
        } catch {
          // kept by the writing user
        }
      }
    }
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // the temporary file may not exist
    }
    throw new FileProblem(`${systemMessage('ghi', out, e)}\nTệp cũ (nếu có) vẫn giữ nguyên, chưa bị ghi đè.`, { cause: e });
  }
}
