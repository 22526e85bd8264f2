/**
 * Errors from the client as one clear sentence. The core throws Vietnamese sentences ("Năm kế
 * hoạch 27 không hợp lệ."): those are shown as they are, first line only. Programming errors,
 * lost connections and host limits get a plain sentence instead; never a stack trace.
 */
import type { Strings } from './i18n/vi';

const PROGRAM_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError', 'EvalError', 'URIError', 'InternalError']);

function rawMessage(e: unknown): { name: string; message: string } {
  if (e instanceof Error) return { name: e.name, message: e.message };
  if (typeof e === 'string') return { name: '', message: e };
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown };
    return { name: typeof o.name === 'string' ? o.name : '', message: typeof o.message === 'string' ? o.message : '' };
  }
  return { name: '', message: '' };
}

/** Letters only Vietnamese writes: a message without any is a host's or a library's, in English. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/**
 * The error as the user reads it: one sentence in the pane's words (`text`), and, for an
 * unexpected error from the host or a library (not a sentence of LKH's), its technical detail
 * for a second line (`detail`) — what to quote when asking for help.
 */
export function errorParts(e: unknown, t: Strings): { text: string; detail?: string } {
  const text = errorText(e, t);
  const { name, message } = rawMessage(e);
  // A programming error in the page: the plain sentence only, never its inner words.
  if (PROGRAM_ERRORS.has(name)) return { text };
  const first = (message.split(/\r?\n/)[0] ?? '').trim();
  if (!first) return { text };
  if (text === t.errors.generic || !VIETNAMESE.test(text)) {
    const detail = `${name && !first.startsWith(name) ? `${name}: ` : ''}${first}`.slice(0, 300);
    return { text: text === first ? t.errors.generic : text, detail };
  }
  return { text };
}

export function errorText(e: unknown, t: Strings): string {
  const { name, message } = rawMessage(e);
  if (PROGRAM_ERRORS.has(name)) return t.errors.generic;
  // First line, without "Error: " / "Exception: " prefixes Apps Script and office-js add.
  let text = (message.split(/\r?\n/)[0] ?? '').trim();
  text = text.replace(/^(?:[A-Za-z]*(?:Error|Exception)\s*:\s*)+/u, '').trim();
  if (/^\s*at\s/u.test(text)) text = '';
  if (/network|failed to fetch|connection failure|http 0\b/iu.test(text) || name === 'NetworkError') return t.errors.network;
  if (/exceeded maximum execution time|timed? ?out|thời gian chạy/iu.test(text)) return t.errors.timeout;
  if (/InvalidOperationInCellEditMode|cell edit mode/iu.test(`${name} ${message}`)) return t.errors.busy;
  // Technical words the user cannot act on.
  if (!text || /\b(?:undefined|null|is not a function|cannot read propert|unexpected token)\b/iu.test(text)) return t.errors.generic;
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
