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
 * Where the first character XML forbids even written literally is (C0 controls but tab, LF, CR;
 * U+FFFE, U+FFFF), or -1. The decoder gives no lone surrogates: it replaces bad UTF-8 with U+FFFD.
 */
function forbiddenAt(src: string): number {
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c >= 0xfffe) return i;
  }
  return -1;
}

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
  private attrNames: string[] = [];
  private attrRaw: string[] = [];
  private attrAt: number[] = [];

  constructor(private readonly src: string) {
    // A byte-order mark, when the decoder left it.
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
    const bad = forbiddenAt(src);
    if (bad >= 0) throw new XmlError(`ký tự U+${src.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')} mà XML không cho phép`, bad);
  }

  /** Depth of the current element (1 for the root's children's parent…), after an 'open' the opened element counts. */
  get depth(): number {
    return this.stack.length;
  }

  /** Offset of the current token in the text. */
  get offset(): number {
    return this.textStart;
  }

  /** The current character data, decoded. */
  get text(): string {
    if (this.decoded !== undefined) return this.decoded;
    const raw = this.src.slice(this.textStart, this.textEnd);
    if (this.cdata) return raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
    return decodeXml(raw, this.textStart);
  }

  /** The current character data is only whitespace (XML's S). */
  get blank(): boolean {
    for (let i = this.textStart; i < this.textEnd; i++) if (!isSpace(this.src.charCodeAt(i))) return false;
    return true;
  }

  /** The current start tag's attribute `name` (qualified, as written), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const i = this.attrNames.indexOf(name);
    return i < 0 ? undefined : decodeXml(this.attrRaw[i], this.attrAt[i], true);
  }

  /** The current start tag's attribute names, as written. */
  attrs(): readonly string[] {
    return this.attrNames;
  }

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
        let i = start + 2;
        while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
        const name = src.slice(start + 2, i);
        while (i < src.length && isSpace(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) !== GT) throw new XmlError(`thẻ đóng </${name}> không hợp lệ`, start);
        const open = this.stack.pop();
        if (open !== name) throw new XmlError(open === undefined ? `thẻ đóng </${name}> không có thẻ mở` : `thẻ <${open}> lại được đóng bằng </${name}>`, start);
        this.pos = i + 1;
        this.name = name;
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
    const names: string[] = [];
    const raws: string[] = [];
    const ats: number[] = [];
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
      const attr = src.slice(nameStart, i);
      if (attr === '') throw new XmlError(`thẻ <${name}> không hợp lệ`, i);
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      if (i >= src.length) throw new XmlError(`phần bị cắt ngang giữa thẻ <${name}>`, start);
      if (src.charCodeAt(i) !== EQ) throw new XmlError(`thuộc tính ${attr} của <${name}> không có giá trị`, i);
      i++;
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      const q = src.charCodeAt(i);
      if (q !== QUOT && q !== APOS) throw new XmlError(`giá trị của ${attr} không nằm trong dấu nháy`, i);
      const end = src.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (end < 0) throw new XmlError(`phần bị cắt ngang giữa thẻ <${name}>`, start);
      const raw = src.slice(i + 1, end);
      if (raw.indexOf('<') >= 0) throw new XmlError(`"<" trong giá trị của ${attr}`, i);
      if (raw.indexOf('&') >= 0) decodeXml(raw, i + 1, true); // a bad reference, even in an attribute nobody reads
      if (names.indexOf(attr) >= 0) throw new XmlError(`thuộc tính ${attr} lặp lại trong <${name}>`, nameStart);
      names.push(attr);
      raws.push(raw);
      ats.push(i + 1);
      i = end + 1;
    }
    this.pos = i;
    this.name = name;
    this.attrNames = names;
    this.attrRaw = raws;
    this.attrAt = ats;
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
