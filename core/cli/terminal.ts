/**
 * What the `lkh` command prints is safe for the terminal (issue 23): names read from the files
 * (sheet, activity, village and file names) can hold control characters — ESC sequences that clear
 * the screen or move the cursor, a carriage return or line feed that forges a line such as
 * "Tổng cộng: 0 lỗi", bidirectional overrides that reorder what is shown. They are shown escaped,
 * visibly: C0 controls and the line feed as `\x1b`, `\n`…; DEL, C1 controls, the line and paragraph
 * separators and the bidirectional controls as `\u009b`, `\u202e`…
 *
 *   - `shown(text)`: a piece of data, or one line of a message (a finding): every control escaped,
 *     line feeds included;
 *   - `terminalIo(io)`: the net under every printer of core/cli: whatever is written has every
 *     control escaped but the line feeds LKH's own messages are made of. Its `\uXXXX` escapes are
 *     JSON's own, so `--json` output stays valid and parses back to the same strings (JSON.stringify
 *     already escapes C0 controls; DEL, C1 and the bidirectional controls it leaves raw).
 */

/** Whether a terminal acts on or reorders by this UTF-16 unit: C0, DEL, C1, U+2028/2029, the bidi embeddings, overrides, isolates and marks. */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

function escaped(text: string, keepLineFeeds: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code) || (keepLineFeeds && code === 0x0a)) continue;
    const escape = NAMED[code] ?? (code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    out += text.slice(from, i) + escape;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Data, or one line of a message, with every control character shown escaped ("Thôn\x1b[2J" → "Thôn\\x1b[2J"). */
export function shown(text: string): string {
  return escaped(text, false);
}

/** How LKH's own messages put the library's detail on a line of its own (issue 9). */
const DETAIL = '\nChi tiết kỹ thuật: ';

/**
 * One of LKH's messages (a finding) for the terminal: on one line, every control character of it
 * escaped, but its technical detail, if any, on the line of its own LKH gives it (issue 9:
 * "Chi tiết kỹ thuật: …" for whoever helps the commune).
 */
export function shownMessage(text: string): string {
  const at = text.indexOf(DETAIL);
  return at < 0 ? shown(text) : `${shown(text.slice(0, at))}${DETAIL}${shown(text.slice(at + DETAIL.length))}`;
}

/** Text for the terminal: every control character escaped except the line feeds that separate LKH's own lines. */
export function terminalSafe(text: string): string {
  return escaped(text, true);
}

export interface Printer {
  out(s: string): void;
  err(s: string): void;
}

/** The printer every command writes through: nothing it is given reaches the terminal unescaped. */
export function terminalIo(io: Printer): Printer {
  return { out: (s) => io.out(terminalSafe(s)), err: (s) => io.err(terminalSafe(s)) };
}
