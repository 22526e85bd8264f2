/**
 * Text as LKH writes it into a file's XML (issue 23: "everything LKH writes re-opens"). XML 1.0
 * forbids the C0 controls but tab, line feed and carriage return, U+FFFE, U+FFFF and lone
 * surrogates: a village name holding one made the plan's XML not well-formed, and neither LKH nor
 * Excel could open it again. Two writers, two rules:
 *
 *   - spreadsheets (.xlsx, `xlsxText`): Excel's own escape `_xHHHH_` (ECMA-376 ST_Xstring), which
 *     Excel and ExcelJS read back as the character: every C0 control but tab and line feed (a
 *     carriage return would come back as a line feed), DEL (ExcelJS drops it), U+FFFE and U+FFFF
 *     are kept that way, exactly. A literal `_xHHHH_` already in the text gets its underscore
 *     escaped (`_x005F_`), so it reads back as typed instead of as a character. Lone surrogates
 *     (half of a character, never text) become U+FFFD "�".
 *   - Word documents (.docx, `xmlSafe`): WordprocessingML has no such escape, so each forbidden
 *     character becomes U+FFFD "�"; everything else is kept.
 *
 * Pure TypeScript, no host; loops over char codes (no regular expression of control characters).
 */

/** The replacement character written for what cannot be kept. */
export const REPLACEMENT = '\ufffd';

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether XML 1.0 forbids this UTF-16 unit on its own (surrogates are judged in pairs by the callers). */
function forbiddenUnit(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff;
}

/** Whether the unit at `i` is half of a surrogate pair without its other half. */
function loneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHighSurrogate(c)) return !isLowSurrogate(text.charCodeAt(i + 1));
  if (isLowSurrogate(c)) return !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)));
  return false;
}

/** A fast test: could this text need any change? (Most cells hold none of these.) */
function suspicious(text: string, underscores: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe || (underscores && c === 0x5f)) return true;
  }
  return false;
}

/** Text for a Word document's XML: every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  if (!suspicious(text, false)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += forbiddenUnit(c) || loneSurrogate(text, i) ? REPLACEMENT : text[i];
  }
  return out;
}

/** Whether the unit at `i` is written as an `_xHHHH_` escape by xlsxText. */
function escapedInXlsx(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f || c === 0xfffe || c === 0xffff;
}

const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, '0');

/**
 * Text for a spreadsheet cell (or any ST_Xstring): forbidden characters as `_xHHHH_`, a literal
 * `_xHHHH_` protected by escaping its underscore, lone surrogates as U+FFFD. Excel and ExcelJS
 * read the result back as `text` (but the lone surrogates).
 */
export function xlsxText(text: string): string {
  if (!suspicious(text, true)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (escapedInXlsx(text, i)) {
      out += `_x${hex4(c)}_`;
    } else if (loneSurrogate(text, i)) {
      out += REPLACEMENT;
    } else if (c === 0x5f && startsEscape(text, i)) {
      // "_x0041_" typed as such: its underscore escaped, so a reader sees an underscore, then "x0041_".
      out += '_x005F_';
    } else {
      out += text[i];
    }
  }
  return out;
}

/**
 * Whether the underscore at `i` would begin an escape once written: "_x" (either case), four hex
 * digits, then an underscore — or a character xlsxText itself writes as an escape, which begins
 * with one ("_x1234" before an ESC would read as "_x1234_" then "x001B_").
 */
function startsEscape(text: string, i: number): boolean {
  if (i + 6 >= text.length) return false;
  const x = text.charCodeAt(i + 1);
  if (x !== 0x78 && x !== 0x58) return false;
  for (let k = i + 2; k < i + 6; k++) if (!isHex(text.charCodeAt(k))) return false;
  return text.charCodeAt(i + 6) === 0x5f || escapedInXlsx(text, i + 6);
}

/** What a value written with xlsxText reads back as: the text itself, lone surrogates replaced by U+FFFD. */
export function xlsxReadBack(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += loneSurrogate(text, i) ? REPLACEMENT : text[i];
  return out;
}
