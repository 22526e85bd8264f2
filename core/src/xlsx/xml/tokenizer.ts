/**
 * One XML tokenizer for the parts of an .xlsx LKH reads itself (issue 23: the reader matched XML
 * with regular expressions, so a row inside an XML comment was counted). It walks a part's text
 * once, from start to end, and gives what an XML parser gives, no more:
 *
 * - start tags (qualified name, attributes with their values decoded, self-closing or not) and
 *   end tags, checked to nest;
 * - character data, with entities (the five XML predefines) and character references decoded,
 *   line ends normalised (CR LF and CR become LF), and CDATA sections marked as such;
 * - comments and processing instructions (the XML declaration among them) skipped, as Excel and
 *   every XML reader skip them;
 * - a DOCTYPE refused: Excel does not open a part that declares one, and its entities are how
 *   "billion laughs" and external-entity attacks work.
 *
 * Anything that is not well-formed XML (an unknown entity, a reference to a character XML
 * forbids, a tag that does not close, text after the root) is an XmlError at its position.
 * No Node, no DOM: strings in, tokens out; names keep their prefixes ("x14ac:dyDescent") and the
 * caller resolves what a prefix means (xml/namespaces in the reader).
 */

/** A part that is not well-formed XML, or holds what LKH refuses (a DOCTYPE). */
export class XmlError extends Error {
  constructor(
    message: string,
    /** Offset in the part's text. */
    readonly at: number,
    /** The refusal is about a DOCTYPE (a construct refused, not a damaged part). */
    readonly doctype = false,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

export type TokenKind = 'open' | 'close' | 'text' | 'end';

const LT = 60; // <
const GT = 62; // >
const AMP = 38; // &
const SLASH = 47; // /
const EQ = 61; // =
const QUOT = 34; // "
const APOS = 39; // '

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Characters XML 1.0 allows (production [2]). */
export function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * A character XML forbids even written literally: anything but tab, LF, CR and U+0020-U+FFFD (the
 * code units of surrogate pairs fall in that range; the decoder gives no lone surrogates, it
 * replaces bad UTF-8 with U+FFFD).
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uFFFD]/;

/** A name character (XML's NameChar, loosely: everything but what ends or separates a name). */
function isNameChar(c: number): boolean {
  return !(isSpace(c) || c === GT || c === SLASH || c === EQ || c === LT || c === QUOT || c === APOS || c === AMP);
}

/**
 * Decodes entities and character references of `raw` (text or an attribute's value) and
 * normalises line ends; `attribute` also turns tabs and line ends into spaces, as XML requires.
 */
export function decodeXml(raw: string, at = 0, attribute = false): string {
  let text = raw;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (attribute && /[\t\n]/.test(text)) text = text.replace(/[\t\n]/g, ' ');
  if (text.indexOf('&') < 0) return text;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', from)) {
    const end = text.indexOf(';', i);
    if (end < 0 || end - i > 12) throw new XmlError('"&" không mở một thực thể', at + i);
    out += text.slice(from, i);
    const ref = text.slice(i + 1, end);
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError(`tham chiếu ký tự "&${ref};" không hợp lệ`, at + i);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) throw new XmlError(`tham chiếu "&${ref};" tới một ký tự XML không cho phép`, at + i);
      out += String.fromCodePoint(code);
    } else {
      const named = NAMED[ref];
      if (named === undefined || !Object.prototype.hasOwnProperty.call(NAMED, ref)) throw new XmlError(`thực thể "&${ref};" không được khai báo`, at + i);
      out += named;
    }
    from = end + 1;
  }
  return out + text.slice(from);
}

/**
 * A pull tokenizer: `next()` moves to the next start tag, end tag or run of character data and
 * says which; the current token's fields (`name`, `selfClosing`, `attr()`, `text`) describe it.
 * A self-closing tag gives 'open' (selfClosing true) and then its 'close'.
 */
export class XmlTokenizer {
  private pos = 0;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private pendingClose: string | undefined;
  /** Where the next "]]>" is (-1: none left), searched once forward, not per run of text. */
  private bracketAt = 0;
  /** Where the next "&" is (-1: none left): text holding one is decoded at once, so a bad reference is found even in text nobody reads. */
  private ampAt = 0;
  private decoded: string | undefined;

  kind: TokenKind = 'end';
  /** The current tag's qualified name. */
  name = '';
  selfClosing = false;
  /** The current character data is a CDATA section. */
  cdata = false;
  private textStart = 0;
  private textEnd = 0;
  /** The current start tag's attributes: offsets of each name and value in the text (reused, no string until asked). */
  private attrCount = 0;
  private readonly nameFrom: number[] = [];
  private readonly nameTo: number[] = [];
  private readonly valueFrom: number[] = [];
  private readonly valueTo: number[] = [];

  constructor(private readonly src: string) {
    // A byte-order mark, when the decoder left it.
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
    const bad = FORBIDDEN.exec(src);
    if (bad) throw new XmlError(`ký tự U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} mà XML không cho phép`, bad.index);
  }

  /** Depth of the current element (1 for the root's children's parent…), after an 'open' the opened element counts. */
  get depth(): number {
    return this.stack.length;
  }

  /** Offset of the current token in the text (a tag's "<"). */
  get offset(): number {
    return this.textStart;
  }

  /** Offset just after the current token (after skipElement: after the element's end tag). */
  get end(): number {
    return this.pos;
  }

  /** Where the current start tag's attribute `name` has its value in the text ([from, to)), or undefined. */
  attrRange(name: string): readonly [number, number] | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : [this.valueFrom[i], this.valueTo[i]];
  }

  /** The current character data, decoded. */
  get text(): string {
    if (this.decoded !== undefined) return this.decoded;
    // No "&" in it (next() decoded those already): only line ends to normalise, in CDATA too.
    const raw = this.src.slice(this.textStart, this.textEnd);
    return raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  }

  /** The current character data is only whitespace (XML's S). */
  get blank(): boolean {
    for (let i = this.textStart; i < this.textEnd; i++) if (!isSpace(this.src.charCodeAt(i))) return false;
    return true;
  }

  /** The current start tag's attribute `name` (qualified, as written), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    if (i < 0) return undefined;
    const from = this.valueFrom[i];
    const to = this.valueTo[i];
    const src = this.src;
    for (let k = from; k < to; k++) {
      const c = src.charCodeAt(k);
      if (c === AMP || c === 0x0d || c === 0x0a || c === 0x09) return decodeXml(src.slice(from, to), from, true);
    }
    return src.slice(from, to);
  }

  /** Index of the current start tag's attribute named `name` among its first `upTo`, or -1. */
  private attrIndex(name: string, upTo = this.attrCount): number {
    for (let i = 0; i < upTo; i++) if (this.nameTo[i] - this.nameFrom[i] === name.length && this.src.startsWith(name, this.nameFrom[i])) return i;
    return -1;
  }

  /** The current start tag's attribute names, as written. */
  attrs(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.attrCount; i++) out.push(this.src.slice(this.nameFrom[i], this.nameTo[i]));
    return out;
  }

  /** The current start tag declares a namespace (an attribute named xmlns or xmlns:…). */
  declaresNamespace = false;

  next(): TokenKind {
    if (this.pendingClose !== undefined) {
      this.name = this.pendingClose;
      this.pendingClose = undefined;
      this.selfClosing = false;
      this.stack.pop();
      return (this.kind = 'close');
    }
    const src = this.src;
    for (;;) {
      const start = this.pos;
      if (start >= src.length) {
        if (this.stack.length > 0) throw new XmlError(`phần bị cắt ngang: thẻ <${this.stack[this.stack.length - 1]}> không được đóng`, start);
        if (!this.rootSeen) throw new XmlError('phần không có phần tử nào', start);
        return (this.kind = 'end');
      }
      if (src.charCodeAt(start) !== LT) {
        let end = src.indexOf('<', start);
        if (end < 0) end = src.length;
        this.pos = end;
        this.textStart = start;
        this.textEnd = end;
        this.cdata = false;
        this.decoded = undefined;
        if (this.stack.length === 0) {
          if (!this.blank) throw new XmlError('có chữ nằm ngoài phần tử gốc', start);
          continue;
        }
        if (this.bracketAt >= 0 && this.bracketAt < start) this.bracketAt = src.indexOf(']]>', start);
        if (this.bracketAt >= 0 && this.bracketAt < end) throw new XmlError('"]]>" trong nội dung', this.bracketAt);
        if (this.ampAt >= 0 && this.ampAt < start) this.ampAt = src.indexOf('&', start);
        this.decoded = this.ampAt >= 0 && this.ampAt < end ? decodeXml(src.slice(start, end), start) : undefined;
        return (this.kind = 'text');
      }
      const c1 = src.charCodeAt(start + 1);
      if (c1 === 33 /* ! */) {
        if (src.startsWith('<!--', start)) {
          const end = src.indexOf('-->', start + 4);
          if (end < 0) throw new XmlError('chú thích không được đóng', start);
          if (src.slice(start + 4, end).includes('--') || src.charCodeAt(end - 1) === 45) throw new XmlError('"--" trong chú thích', start);
          this.pos = end + 3;
          continue;
        }
        if (src.startsWith('<![CDATA[', start)) {
          if (this.stack.length === 0) throw new XmlError('CDATA nằm ngoài phần tử gốc', start);
          const end = src.indexOf(']]>', start + 9);
          if (end < 0) throw new XmlError('CDATA không được đóng', start);
          this.textStart = start + 9;
          this.textEnd = end;
          this.cdata = true;
          this.decoded = undefined;
          this.pos = end + 3;
          return (this.kind = 'text');
        }
        if (src.startsWith('<!DOCTYPE', start)) throw new XmlError('khai báo DOCTYPE', start, true);
        throw new XmlError('khai báo "<!" không hợp lệ', start);
      }
      if (c1 === 63 /* ? */) {
        const end = src.indexOf('?>', start + 2);
        if (end < 0) throw new XmlError('chỉ thị xử lý không được đóng', start);
        this.pos = end + 2;
        continue;
      }
      this.textStart = start;
      if (c1 === SLASH) {
        // Compared with the open element's name in place: no string per end tag.
        const open = this.stack.pop();
        let i = start + 2;
        if (open !== undefined && src.startsWith(open, i) && !isNameChar(src.charCodeAt(i + open.length))) i += open.length;
        else {
          while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
          const name = src.slice(start + 2, i);
          throw new XmlError(open === undefined ? `thẻ đóng </${name}> không có thẻ mở` : i >= src.length ? 'phần bị cắt ngang' : `thẻ <${open}> lại được đóng bằng </${name}>`, start);
        }
        while (i < src.length && isSpace(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) !== GT) throw new XmlError(i >= src.length ? 'phần bị cắt ngang' : `thẻ đóng </${open}> không hợp lệ`, start);
        this.pos = i + 1;
        this.name = open;
        this.selfClosing = false;
        return (this.kind = 'close');
      }
      return this.startTag(start);
    }
  }

  private startTag(start: number): TokenKind {
    const src = this.src;
    let i = start + 1;
    while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
    const name = src.slice(start + 1, i);
    if (name === '') throw new XmlError('thẻ không có tên', start);
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new XmlError('có hơn một phần tử gốc', start);
      this.rootSeen = true;
    }
    let count = 0;
    this.declaresNamespace = false;
    for (;;) {
      const before = i;
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      const c = src.charCodeAt(i);
      if (c === GT) {
        i++;
        this.selfClosing = false;
        break;
      }
      if (c === SLASH && src.charCodeAt(i + 1) === GT) {
        i += 2;
        this.selfClosing = true;
        break;
      }
      if (i >= src.length) throw new XmlError(`phần bị cắt ngang giữa thẻ <${name}>`, start);
      if (i === before) throw new XmlError(`thuộc tính của <${name}> không cách nhau`, i);
      const nameStart = i;
      while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
      const nameEnd = i;
      if (nameEnd === nameStart) throw new XmlError(`thẻ <${name}> không hợp lệ`, i);
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      if (i >= src.length) throw new XmlError(`phần bị cắt ngang giữa thẻ <${name}>`, start);
      if (src.charCodeAt(i) !== EQ) throw new XmlError(`thuộc tính ${src.slice(nameStart, nameEnd)} của <${name}> không có giá trị`, i);
      i++;
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      const q = src.charCodeAt(i);
      if (q !== QUOT && q !== APOS) throw new XmlError(`giá trị của ${src.slice(nameStart, nameEnd)} không nằm trong dấu nháy`, i);
      let end = i + 1;
      let amp = false;
      for (; end < src.length; end++) {
        const v = src.charCodeAt(end);
        if (v === q) break;
        if (v === LT) throw new XmlError(`"<" trong giá trị của ${src.slice(nameStart, nameEnd)}`, end);
        if (v === AMP) amp = true;
      }
      if (end >= src.length) throw new XmlError(`phần bị cắt ngang giữa thẻ <${name}>`, start);
      if (amp) decodeXml(src.slice(i + 1, end), i + 1, true); // a bad reference, even in an attribute nobody reads
      if (count > 0 && this.attrIndex(src.slice(nameStart, nameEnd), count) >= 0) throw new XmlError(`thuộc tính ${src.slice(nameStart, nameEnd)} lặp lại trong <${name}>`, nameStart);
      if (src.charCodeAt(nameStart) === 120 /* x */ && nameEnd - nameStart >= 5 && src.startsWith('xmlns', nameStart)) this.declaresNamespace = true;
      this.nameFrom[count] = nameStart;
      this.nameTo[count] = nameEnd;
      this.valueFrom[count] = i + 1;
      this.valueTo[count] = end;
      count++;
      i = end + 1;
    }
    this.attrCount = count;
    this.pos = i;
    this.name = name;
    this.stack.push(name);
    if (this.selfClosing) this.pendingClose = name;
    return (this.kind = 'open');
  }

  /** Skips the rest of the element just opened (its content and its end tag). */
  skipElement(): void {
    if (this.kind !== 'open') return;
    const depth = this.stack.length;
    while (this.stack.length >= depth) {
      if (this.next() === 'end') return;
    }
  }
}
