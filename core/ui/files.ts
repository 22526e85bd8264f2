/**
 * Files in the browser, shared by every pane (Excel task pane, standalone page, Sheets sidebar):
 * reading what the user picked, keeping only .xlsx, and offering built bytes as a download.
 * No React here, only the DOM, so host code may import it too.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file read into memory, as the clients' importFiles take it. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const isXlsx = (name: string): boolean => /\.xlsx$/iu.test(name);

/** A file's bytes (Blob.arrayBuffer where there is one, FileReader otherwise). */
export function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('Không đọc được tệp.'));
    r.readAsArrayBuffer(file);
  });
}

/** The picked files split into .xlsx files read into memory and the names of the others (skipped). */
export async function readPicked(files: readonly File[]): Promise<{ files: PickedFile[]; skipped: string[] }> {
  const ok = files.filter((f) => isXlsx(f.name));
  const skipped = files.filter((f) => !isXlsx(f.name)).map((f) => f.name);
  return { files: await Promise.all(ok.map(async (f) => ({ name: f.name, bytes: await readBytes(f) }))), skipped };
}

/** Offers bytes as a download through a temporary Blob link (works in browsers, Office's WebView2 and the Sheets sidebar's iframe). */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime = XLSX_MIME): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A picked file that could not be added, with why, in a sentence that names it. */
export interface FileFailure {
  readonly name: string;
  readonly message: string;
}

/** What adding several files gave: the tabs made from the good ones, and each file that failed. */
export interface ImportOutcome {
  readonly sheets: string[];
  readonly failed: FileFailure[];
}

/** Said when a file fails for a reason nobody put in words (ExcelJS's or Office's own English). */
export const badFileMessage = (name: string): string => `Không mở được tệp "${name}": tệp bị hỏng hoặc không phải tệp Excel (.xlsx).`;

/** Vietnamese letters beyond ASCII: a message with none of them is a library's English. */
const VIETNAMESE = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/iu;

/**
 * The sentence shown for a file that failed: the core's own reason when it gave one ("Không mở
 * được tệp "X": tệp bị hỏng hoặc chưa tải về hết…"), named with the file when it was not; a
 * library's English ("Can't find end of central directory") becomes the plain sentence.
 */
export function fileFailureText(name: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : typeof error === 'string' ? error : '').trim();
  if (!message || !VIETNAMESE.test(message)) return badFileMessage(name);
  if (message.includes(`"${name}"`)) return message;
  return `Không mở được tệp "${name}": ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

/**
 * Adds files one after the other with `add`; a file that fails is reported and the next one is
 * still added, so one damaged file among thirty never costs the other twenty-nine.
 */
export async function importEach<F extends { readonly name: string }>(
  files: readonly F[],
  add: (file: F) => Promise<{ readonly sheets: readonly string[] }>,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<ImportOutcome> {
  const sheets: string[] = [];
  const failed: FileFailure[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i + 1, files.length, f.name);
    try {
      sheets.push(...(await add(f)).sheets);
    } catch (e) {
      failed.push({ name: f.name, message: fileFailureText(f.name, e) });
    }
  }
  return { sheets, failed };
}
