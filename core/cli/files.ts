/**
 * Files for the `lkh` command, with the care a commune's only copy of its plan deserves:
 *
 *   - inputs are checked before they are read (missing, a folder, a FIFO that would hang);
 *   - an output is never one of the inputs, a folder or anything but a regular file;
 *   - an output is written whole to a temporary file beside it, flushed to disk, then renamed over
 *     the old one: a write that fails midway (disk full, quota, file-size limit) leaves the
 *     previous file byte for byte as it was, and no half-written file behind;
 *   - system errors (ENOENT, EACCES, ENOSPC…) reach the user as a Vietnamese sentence naming the
 *     file, the technical detail on a second line.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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
  return `Không ${action} được tệp "${file}": ${reason}.\nChi tiết kỹ thuật: ${detail}`;
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
  if (!st) throw new FileProblem(`Không có tệp "${file}".`);
  if (st.isDirectory()) throw new FileProblem(`"${file}" là một thư mục, không phải tệp .xlsx. Hãy chọn các tệp bên trong (ví dụ "${join(file, '*.xlsx')}").`);
  if (!st.isFile()) throw new FileProblem(`"${file}" không phải một tệp thông thường (có thể là thiết bị hoặc ống dẫn): không đọc.`);
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
  if (st?.isDirectory()) throw new FileProblem(`--out "${out}" là một thư mục: hãy cho tên tệp, ví dụ "${join(out, 'ke-hoach-xa.xlsx')}".`);
  if (st && !st.isFile()) throw new FileProblem(`--out "${out}" không phải một tệp thông thường (có thể là thiết bị hoặc ống dẫn): không ghi vào đó.`);
  const target = realOrResolved(out);
  const same = inputs.find((f) => realOrResolved(f) === target);
  if (same !== undefined) throw new FileProblem(`--out "${out}" cũng là một tệp đầu vào ("${same}"): ghi đè lên sẽ mất dữ liệu của tệp đó. Hãy chọn tên tệp kết quả khác.`);
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

/**
 * Writes `bytes` to `out` atomically: a temporary file in the same folder (so the rename stays on
 * one file system), written whole, flushed, then renamed over `out`. On any failure the temporary
 * file is removed and `out` is untouched.
 */
export function writeAtomic(out: string, bytes: Uint8Array, fs: WriteSystem = REAL_FS): void {
  const dir = dirname(out);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileProblem(systemMessage('ghi', out, e), { cause: e });
  }
  const temp = join(dir, `.${basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, out);
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
