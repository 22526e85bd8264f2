/**
 * Loads the sidebar's ExcelJS part (xlsx-lib.ts, built as XlsxLib.html) when an upload or a
 * download first needs it: the server's sidebarLibrary() returns the file, its script runs on
 * the page and registers the library under XLSX_LIB_GLOBAL. Once loaded (or when the page or a
 * test registered it already), no call is made. Only types come from the core's transfer here,
 * so the sidebar's own bundle holds no ExcelJS.
 */
import type { draftFile } from '../../../core/src/app/documents';
import type { exportPackage, layoutsAsZip, xlsxAsLayouts } from '../../../core/src/app/transfer';
import type { Call } from './call';

export interface XlsxLib {
  readonly xlsxAsLayouts: typeof xlsxAsLayouts;
  readonly exportPackage: typeof exportPackage;
  /** The Văn bản screen's documents (Word writer and ExcelJS), drafted from a snapshot of the workbook (documents.ts). */
  readonly draftFile: typeof draftFile;
  /** The communes' feedback sheets as one .xlsx each, in one .zip (Cấp trên's download of all feedback files). */
  readonly layoutsAsZip: typeof layoutsAsZip;
}

/** The global the library registers itself under. */
export const XLSX_LIB_GLOBAL = '__lkhXlsxLib';

const NOT_LOADED = 'Không tải được phần đọc và ghi tệp Excel của LKH. Hãy đóng bảng điều khiển, mở lại rồi thử lần nữa.';

function registered(): XlsxLib | undefined {
  const lib = (globalThis as Record<string, unknown>)[XLSX_LIB_GLOBAL] as XlsxLib | undefined;
  return lib && typeof lib.xlsxAsLayouts === 'function' ? lib : undefined;
}

/**
 * The script of XlsxLib.html ("<script>…</script>", as the build writes it). Its "<\/script" stay
 * escaped: the same JavaScript, wherever they stand.
 */
export function scriptOf(html: string): string {
  const m = /^<script>\n?([\s\S]*?)\n?<\/script>$/u.exec(html.trim());
  return m ? m[1] : html;
}

let loading: Promise<XlsxLib> | undefined;

/** The library, fetched from the server and run once (calls while it loads share the load); a failed load is retried on the next call. */
export function loadXlsxLib(call?: Call): Promise<XlsxLib> {
  const ready = registered();
  if (ready) return Promise.resolve(ready);
  if (!call) return Promise.reject(new Error(NOT_LOADED));
  loading ??= (async () => {
    const code = scriptOf(await call('sidebarLibrary'));
    if (typeof document !== 'undefined') {
      const script = document.createElement('script');
      script.textContent = code;
      document.head.appendChild(script);
    } else {
      // No page (the add-on's tests in Node): the same script, run as a function.
      new Function(code)();
    }
    const lib = registered();
    if (!lib) throw new Error(NOT_LOADED);
    return lib;
  })().finally(() => {
    // Loaded: registered() answers from now on. Failed: the next use asks again.
    loading = undefined;
  });
  return loading;
}
