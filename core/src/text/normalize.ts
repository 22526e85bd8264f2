/**
 * Unicode normalisation and tolerant label matching for Vietnamese text.
 * Pure ES2022: no host, no Node.
 */
import { memo } from '../util/memo';

/** Space-like characters that spreadsheets and Word leave in cells: NBSP, en/em/thin/figure spaces, narrow NBSP, ideographic space. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters removed outright (zero-width space/joiners, word joiner, BOM). U+00AD (soft hyphen) is kept: it is "ư" in TCVN3. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, with NBSP and other space characters turned into plain spaces and zero-width characters removed. */
export function nfc(s: string): string {
  return s.normalize('NFC').replace(SPACES, ' ').replace(ZERO_WIDTH, '');
}

/** Removes Vietnamese (and other Latin) diacritics: "Đồng" → "Dong". Case is kept. */
export function stripDiacritics(s: string): string {
  const stripped = s
    .replace(SPACES, ' ')
    .replace(ZERO_WIDTH, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  // Plain ASCII needs no recomposition.
  return /[\u0080-\uffff]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** foldKey is called for the same labels and names again and again: remember recent results. */
const folded = memo((s: string): string =>
  stripDiacritics(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim(),
);

/**
 * Key for tolerant label matching: NFC, lower case, diacritics removed (đ→d), punctuation → space,
 * whitespace collapsed, trimmed. "Ngành/Lĩnh vực:" and "nganh / linh vuc" give the same key.
 * Letters, digits and "%" survive; everything else separates words.
 */
export function foldKey(s: string): string {
  return folded(s);
}

function words(key: string): Set<string> {
  return new Set(key.split(' ').filter((w) => w.length > 0));
}

/**
 * The character bigrams of a key with its spaces removed, as a sorted list of codes (two UTF-16
 * units in one number; a bigram that occurs twice is listed twice). Comparing two such lists is a
 * merge with no allocation: the readers compare every header cell with every label of a form.
 */
function bigrams(key: string): Uint32Array {
  const k = key.replace(/ /g, '');
  const out = new Uint32Array(Math.max(0, k.length - 1));
  for (let i = 0; i + 1 < k.length; i++) out[i] = k.charCodeAt(i) * 65536 + k.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two bigram multisets (see bigrams). */
function bigramDice(ga: Uint32Array, gb: Uint32Array): number {
  if (ga.length + gb.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < ga.length && j < gb.length; ) {
    if (ga[i] === gb[j]) {
      common++;
      i++;
      j++;
    } else if (ga[i] < gb[j]) i++;
    else j++;
  }
  return (2 * common) / (ga.length + gb.length);
}

/** A folded key with its word set and bigrams, computed once when one label is compared with many. */
export interface PreparedKey {
  readonly key: string;
  readonly compact: string;
  readonly words: ReadonlySet<string>;
  /** Sorted bigram codes of `compact` (see bigrams). */
  readonly bigrams: Uint32Array;
}

export function prepareKey(key: string): PreparedKey {
  let grams: Uint32Array | undefined;
  return {
    key,
    compact: key.replace(/ /g, ''),
    words: words(key),
    // Most prepared keys are never compared by bigrams: build them on first use.
    get bigrams() {
      grams ??= bigrams(key);
      return grams;
    },
  };
}

/** Prepared keys of labels and cell texts: the same ones are compared again and again while a workbook is read. */
const preparedOf = memo(prepareKey, 20_000);

/** labelSimilarity on keys already folded and prepared (see labelSimilarity). */
export function preparedSimilarity(a: PreparedKey, b: PreparedKey): number {
  const ka = a.key;
  const kb = b.key;
  if (ka === kb) return 1;
  if (ka === '' || kb === '') return 0;
  if (a.compact === b.compact) return 0.97;
  let common = 0;
  for (const w of a.words) if (b.words.has(w)) common++;
  const wordDice = (2 * common) / (a.words.size + b.words.size);
  let score = Math.max(wordDice, 0.95 * bigramDice(a.bigrams, b.bigrams));
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (containsWords(long, short)) score = Math.max(score, 0.5 + 0.45 * wordDice);
  return Math.min(1, Math.max(0, score));
}

/** ` ${long} `.includes(` ${short} `) on folded keys (words one space apart), without building either string. */
export function containsWords(long: string, short: string): boolean {
  // No words are in no text (and indexOf('') past the end would never stop the loop below).
  if (short === '') return false;
  for (let at = long.indexOf(short); at >= 0; at = long.indexOf(short, at + 1)) {
    const end = at + short.length;
    if ((at === 0 || long[at - 1] === ' ') && (end === long.length || long[end] === ' ')) return true;
  }
  return false;
}

/**
 * Similarity 0..1 of two labels, on their foldKey forms. 1 for the same key; otherwise the best of
 * the Dice coefficient on word sets and (slightly discounted) on character bigrams with spaces
 * removed ("Ngành/Lĩnh vực" ~ "NgànhLĩnh vực"), with a bonus when one label is contained, word for
 * word, in the other ("Tổng số" in "Tổng số (1.000 đồng)"). Symmetric.
 */
export function labelSimilarity(a: string, b: string): number {
  const ka = foldKey(a);
  const kb = foldKey(b);
  if (ka === kb) return 1;
  if (ka === '' || kb === '') return 0;
  return preparedSimilarity(preparedOf(ka), preparedOf(kb));
}

/** Words that name the kind of a unit ("Thôn Nà Hin", "Xã Tân Lập", "Tổ dân phố 3"), folded. */
const UNIT_KINDS = ['to dan pho', 'thi tran', 'dac khu', 'thon', 'ban', 'xom', 'lang', 'ap', 'khu', 'buon', 'plei', 'soc', 'xa', 'phuong'];

/** The kind word a unit's name begins with, folded ('thon' for "Thôn Nà Hin"), if any. */
export function unitKindOf(name: string): string | undefined {
  const k = foldKey(name);
  const kind = UNIT_KINDS.find((w) => k === w || k.startsWith(`${w} `));
  // "Ban" (a department: "Ban Văn hóa", a "Ban:" label) is not "Bản" (a village).
  if (kind === 'ban' && !/^bả|^bản/u.test(name.trim().normalize('NFC').toLowerCase())) return undefined;
  return kind;
}

/**
 * A unit's name after a field label that already says its kind: "Xã:" + "Xã Tân Lập" prints
 * "Tân Lập" (not "Xã: Xã Tân Lập"); "Thôn:" + "Bản Pác Ngòi" keeps "Bản Pác Ngòi".
 */
export function unitAfterLabel(label: string, name: string): string {
  const kind = unitKindOf(label);
  if (kind === undefined || unitKindOf(name) !== kind) return name;
  const words = kind.split(' ').length;
  const rest = name.trim().split(/\s+/u).slice(words).join(' ');
  // "Thôn Bản Chang" keeps its kind: "Thôn: Bản Chang" would read back as a bản.
  return rest === '' || unitKindOf(rest) !== undefined ? name : rest;
}

/** The inverse of unitAfterLabel: "Thôn:" + "Nà Hin" is "Thôn Nà Hin"; a name with its own kind stays. */
export function unitFromLabel(label: string, value: string): string {
  const kind = unitKindOf(label);
  // "Nhiều thôn", "Các thôn" name their kind themselves.
  if (kind === undefined || unitKindOf(value) !== undefined || ` ${foldKey(value)} `.includes(` ${kind} `)) return value;
  const word = label.trim().split(/\s+/u).slice(0, kind.split(' ').length).join(' ').replace(/:$/u, '');
  return `${word} ${value.trim()}`;
}
