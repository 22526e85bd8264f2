/**
 * What a file is, before the workbook library opens it. Villages send what they have: an .xls
 * from Excel 2003, an .ods from LibreOffice, a .docx renamed, a file still downloading from Zalo,
 * a workbook with a password, a 472 KB zip that inflates to 450 MB. ExcelJS reads some of these as
 * an empty workbook (the village then silently missing from the plan) and chokes on others with
 * English messages or gigabytes of memory. So every file is looked at here first, from its bytes
 * alone (no file system: this runs in browsers too): the zip's central directory gives the names
 * and the uncompressed sizes of its parts without inflating anything.
 *
 * Each refusal says in Vietnamese what the file is and what to do; the caller names the file.
 */

/** Uncompressed size at which a workbook is refused (a commune's largest real plan is a few MB). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** What a file turned out to be when it is not an .xlsx workbook that can be read. */
export type FileKind =
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'ods'
  | 'docx'
  | 'pptx'
  | 'xlsb'
  | 'zip'
  | 'zip-encrypted'
  | 'truncated'
  | 'html'
  | 'text'
  | 'too-large'
  | 'damaged'
  | 'malformed'
  | 'ambiguous'
  | 'unknown';

export class FileRefused extends Error {
  constructor(
    readonly kind: FileKind,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel), rồi chọn lại.';

const MESSAGES: Readonly<Record<FileKind, string>> = {
  empty: 'tệp rỗng (0 byte): có thể tệp chưa tải về xong. Hãy tải lại tệp.',
  xls: `đây là tệp Excel 97-2003 (.xls), LKH chỉ đọc .xlsx. ${SAVE_AS_XLSX}`,
  encrypted: 'sổ làm việc được đặt mật khẩu mở tệp, LKH không đọc được. Hãy mở trong Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chọn lại.',
  ods: `đây là bảng tính OpenDocument (.ods, của LibreOffice), không phải .xlsx. ${SAVE_AS_XLSX}`,
  docx: 'đây là văn bản Word (.docx), không phải bảng tính. Hãy xin thôn gửi lại biểu mẫu dạng .xlsx.',
  pptx: 'đây là tệp trình chiếu PowerPoint (.pptx), không phải bảng tính. Hãy xin gửi lại biểu mẫu dạng .xlsx.',
  xlsb: `đây là sổ làm việc nhị phân Excel (.xlsb). ${SAVE_AS_XLSX}`,
  zip: 'đây là một tệp nén .zip, không phải sổ làm việc Excel. Hãy giải nén và chọn các tệp .xlsx bên trong.',
  'zip-encrypted': 'đây là tệp nén có mật khẩu, LKH không mở được. Hãy giải nén bằng mật khẩu và chọn các tệp .xlsx bên trong.',
  truncated: 'tệp bị hỏng hoặc chưa tải về hết (thiếu phần cuối của tệp). Hãy tải lại hoặc xin gửi lại tệp.',
  html: `đây là trang web hoặc tệp XML được đặt tên .xls/.xlsx, không phải sổ làm việc Excel thật. ${SAVE_AS_XLSX}`,
  text: `đây là tệp văn bản (có thể là .csv), không phải sổ làm việc Excel. ${SAVE_AS_XLSX}`,
  'too-large': `tệp khi giải nén quá lớn (trên ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB), vượt xa một biểu mẫu của xã; LKH không mở để tránh treo máy. Hãy kiểm tra lại tệp (có thể có hàng triệu ô thừa): xóa các hàng, cột thừa rồi lưu lại.`,
  damaged: 'tệp bị hỏng: phần {part} bên trong tệp không giải nén được (tệp chưa tải về hết, hoặc bị một phần mềm khác làm sai). Hãy mở thử bằng Excel; nếu Excel sửa được, lưu lại rồi chọn lại, nếu không hãy xin gửi lại tệp.',
  malformed: 'tệp bị hỏng: phần {part} bên trong tệp không phải XML đúng quy cách ({detail}). Hãy mở thử bằng Excel; nếu Excel sửa được, lưu lại rồi chọn lại, nếu không hãy xin gửi lại tệp.',
  ambiguous: 'tệp có {detail} (phần {part}): một cách ghi mà Excel và các phần mềm khác có thể đọc ra giá trị khác nhau, nên LKH không đọc để khỏi đoán sai. Hãy mở tệp bằng Excel, lưu lại (Tệp → Lưu) rồi chọn lại.',
  unknown: `không phải sổ làm việc Excel (.xlsx). ${SAVE_AS_XLSX}`,
};

/** The Vietnamese sentence for a kind of file (without the file's name), its {part} and {detail} filled in when given. */
export function refusalMessage(kind: FileKind, fill: Readonly<{ part?: string; detail?: string }> = {}): string {
  return MESSAGES[kind].replace('{part}', () => fill.part ?? '').replace('{detail}', () => fill.detail ?? '');
}

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((v, i) => bytes[i] === v);
}

/** True when `text` occurs in `bytes` as UTF-16LE (the names of streams in a compound file). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k * 2] !== text.charCodeAt(k) || bytes[i + k * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Bytes as text, ASCII only (the names compared here are ASCII; other bytes become '?'). No TextDecoder: core runs where there is none. */
function ascii(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : '?';
  return out;
}

/** One part of a zip, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly encrypted: boolean;
}

/** The entries of a zip from its central directory, or undefined when there is none (not a zip, or cut short). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  // End of central directory: 22 bytes plus a comment of at most 65,535, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  // ZIP64 (only for parts over 4 GB): report it as one huge entry rather than parse it.
  if (count === 0xffff || at === 0xffffffff) return [{ name: '(zip64)', compressed: 0, uncompressed: Number.MAX_SAFE_INTEGER, encrypted: false }];
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    entries.push({
      name: ascii(bytes.subarray(at + 46, at + 46 + nameLength)),
      compressed: u32(bytes, at + 20),
      uncompressed: u32(bytes, at + 24),
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What the bytes are: 'xlsx' for a workbook to open, otherwise the kind of file refused. */
export function fileKind(bytes: Uint8Array): 'xlsx' | FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_SIGNATURE)) return hasUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'xls';
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    const entries = zipEntries(bytes);
    if (!entries) return 'truncated';
    const names = new Set(entries.map((e) => e.name.toLowerCase()));
    const total = entries.reduce((s, e) => s + e.uncompressed, 0);
    if (total > MAX_UNCOMPRESSED_BYTES) return 'too-large';
    if (names.has('xl/workbook.xml')) return entries.some((e) => e.encrypted) ? 'zip-encrypted' : 'xlsx';
    if (names.has('xl/workbook.bin')) return 'xlsb';
    if (names.has('mimetype') && names.has('content.xml')) return 'ods';
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
    return entries.some((e) => e.encrypted) ? 'zip-encrypted' : 'zip';
  }
  const head = ascii(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<')) return 'html';
  // Mostly printable text (CSV, TSV): no NUL byte in the first 512 bytes.
  if (!bytes.subarray(0, 512).includes(0)) return 'text';
  return 'unknown';
}

/** Throws FileRefused (Vietnamese, without the file name) unless the bytes are an .xlsx workbook to open. */
export function assertXlsx(bytes: Uint8Array): void {
  const kind = fileKind(bytes);
  if (kind !== 'xlsx') throw new FileRefused(kind, refusalMessage(kind));
}
