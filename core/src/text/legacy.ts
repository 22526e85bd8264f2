/**
 * Legacy Vietnamese encodings as they appear in Unicode spreadsheet cells (HOSTS.md "Vietnamese text
 * and numbers"; SPEC.md §5): the cell holds one Latin-1/Windows-1252 character per byte and a legacy
 * font draws it as a Vietnamese letter.
 *
 * - TCVN3 (ABC; fonts .VnTime, .VnArial…; .VnTimeH… are the upper-case fonts): one byte per
 *   precomposed letter. Upper-case toned letters have no byte of their own; the "H" fonts draw the
 *   lower-case bytes as capitals.
 * - VNI (VNI-Times, VNI-Helve…): a base letter followed by a mark character.
 *
 * Pure ES2022: no host, no Node.
 */
import { memo, memo2 } from '../util/memo';
import { nfc } from './normalize';

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------------
// TCVN3

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // none, huyền, hỏi, ngã, sắc, nặng

/**
 * TCVN3 byte of each lower-case vowel, by tone: none, huyền (grave), hỏi (hook), ngã (tilde),
 * sắc (acute), nặng (dot). 0 = plain ASCII letter. Checked against glibc's TCVN5712-1 decoder,
 * whose 0xA1-0xFF range is TCVN3 (ABC) plus VN1-only capitals (0xAF, 0xBA, 0xBF, 0xC0-0xC5…) and
 * combining tones (0xB0-0xB4) that ABC fonts do not have; those bytes are left as they are.
 */
const TCVN3_VOWELS: ReadonlyArray<readonly [string, readonly [number, number, number, number, number, number]]> = [
  ['a', [0, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** The seven capitals TCVN3 has a byte for, and đ. */
const TCVN3_OTHERS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xae, 'đ'],
];

/** TCVN3 cell character (U+00A1-U+00FE) → Unicode letter. */
const TCVN3_DECODE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [base, bytes] of TCVN3_VOWELS) {
    bytes.forEach((b, tone) => {
      if (b !== 0) m.set(String.fromCharCode(b), (base + TONES[tone]).normalize('NFC'));
    });
  }
  for (const [b, ch] of TCVN3_OTHERS) m.set(String.fromCharCode(b), ch);
  return m;
})();

/**
 * All 134 non-ASCII Vietnamese letters (67 lower case, 67 upper case) → their TCVN3 cell text.
 * Ă Â Ê Ô Ơ Ư Đ have bytes of their own (0xA1-0xA7); the other capitals map to the lower-case byte,
 * which the .VnTimeH-style fonts draw as a capital.
 */
export const TCVN3_TABLE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [ch, letter] of TCVN3_DECODE) {
    if (!m.has(letter)) m.set(letter, ch);
  }
  for (const [letter, ch] of [...m]) {
    const upper = letter.toUpperCase();
    if (!m.has(upper)) m.set(upper, ch);
  }
  return m;
})();

const ASCII_LOWER = /[a-z]/;
const UPPER_TCVN3 = /[A-Z\u00a1-\u00a7]/;

function upperVi(s: string): string {
  let out = '';
  for (const c of s) {
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out;
}

/**
 * Decodes TCVN3 (ABC) text as it appears in a Unicode cell ('NguyÔn V¨n §ång' → 'Nguyễn Văn Đồng').
 * Characters outside the TCVN3 range are kept. Without `upperFont`, a cell with no lower-case ASCII
 * letter and at least two capitals (typed in caps with a .VnTime font: 'NGUYÔN') is upper-cased, and
 * so is any word with a capital after its first letter and no lower-case ASCII letter; with
 * `upperFont` (.VnTimeH, .VnArialH…) the whole text is upper case, as that font draws it.
 */
export function decodeTcvn3(s: string, options: { upperFont?: boolean } = {}): string {
  let out = '';
  for (const c of s) out += TCVN3_DECODE.get(c) ?? c;
  out = out.normalize('NFC');
  if (options.upperFont) return upperVi(out);
  // Capitals typed with a lower-case-only font: restore them where the intent is plain.
  let upper = 0;
  let lowerAscii = 0;
  for (const c of s) {
    if (UPPER_TCVN3.test(c)) upper++;
    else if (ASCII_LOWER.test(c)) lowerAscii++;
  }
  const srcWords = s.split(/(\s+)/);
  // "X· D" is "Xã D": capitals typed in caps show as a word with two capitals or more ("KÕ HO¹CH");
  // single capitals followed by toned lower-case bytes are capitalised words, not caps.
  const capsWord = srcWords.some((w) => [...w].filter((c) => UPPER_TCVN3.test(c)).length >= 2);
  if (upper >= 2 && lowerAscii === 0 && capsWord) return upperVi(out);
  if (upper < 2) return out;
  const outWords = out.split(/(\s+)/);
  if (srcWords.length !== outWords.length) return out;
  return outWords
    .map((w, i) => {
      const src = [...srcWords[i]];
      if (src.some((c) => ASCII_LOWER.test(c))) return w;
      const letters = src.filter((c) => UPPER_TCVN3.test(c) || TCVN3_DECODE.has(c) || /[a-z]/i.test(c));
      return letters.slice(1).some((c) => UPPER_TCVN3.test(c)) ? upperVi(w) : w;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// VNI

/** VNI letters that stand alone (lower case; capitals are the same code minus 0x20). */
const VNI_LETTERS: Readonly<Record<string, string>> = {
  'í': 'í',
  'ì': 'ì',
  'æ': 'ỉ',
  'ó': 'ĩ',
  'ò': 'ị',
  'î': 'ỵ',
  'ô': 'ơ',
  'ö': 'ư',
  'ñ': 'đ',
};
/** Tone marks, after a, e, o, u, y, ơ, ư. */
const VNI_TONE: Readonly<Record<string, string>> = { 'ø': '\u0300', 'û': '\u0309', 'õ': '\u0303', 'ù': '\u0301', 'ï': '\u0323' };
/** Circumflex with or without tone, after a, e, o. */
const VNI_CIRCUMFLEX: Readonly<Record<string, string>> = {
  'â': '\u0302',
  'à': '\u0302\u0300',
  'å': '\u0302\u0309',
  'ã': '\u0302\u0303',
  'á': '\u0302\u0301',
  'ä': '\u0302\u0323',
};
/** Breve with or without tone, after a. */
const VNI_BREVE: Readonly<Record<string, string>> = {
  'ê': '\u0306',
  'è': '\u0306\u0300',
  'ú': '\u0306\u0309',
  'ü': '\u0306\u0303',
  'é': '\u0306\u0301',
  'ë': '\u0306\u0323',
};

/** True when `c` is one character of `set` (and not the empty string). */
function isOneOf(c: string, set: string): boolean {
  return c.length === 1 && set.includes(c);
}

function isLatin1(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0xc0 && code <= 0xff;
}

/** Decodes VNI text as it appears in a Unicode cell ('Toâi ñi hoïc' → 'Tôi đi học'; 'NGUYEÃN' → 'NGUYỄN'). */
export function decodeVni(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lc = c.toLowerCase();
    const isUpper = c !== lc;
    let base = c;
    if (isLatin1(c) && lc in VNI_LETTERS) base = isUpper ? VNI_LETTERS[lc].toUpperCase() : VNI_LETTERS[lc];
    const lb = base.toLowerCase();
    const next = chars[i + 1];
    let marks = '';
    if (next !== undefined && isLatin1(next)) {
      const ln = next.toLowerCase();
      if (isOneOf(lb, 'aeouyơư') && ln in VNI_TONE) marks = VNI_TONE[ln];
      else if (isOneOf(lb, 'aeo') && ln in VNI_CIRCUMFLEX) marks = VNI_CIRCUMFLEX[ln];
      else if (lb === 'a' && ln in VNI_BREVE) marks = VNI_BREVE[ln];
    }
    if (marks !== '') i++;
    out += base + marks;
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables (used to score which reading of a cell makes sense)

const INITIALS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Toneless rhymes (a superset: medial-u spellings after qu are accepted after any initial). */
const RHYMES: ReadonlySet<string> = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu ' +
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
    'o oc oi om on ong op ot ooc oong oa oac oach oai oam oan oang oanh oao oap oat oay ' +
    'oăc oăm oăn oăng oăt oe oem oen oeo oet ' +
    'ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt ' +
    'uac uach uai uan uang uanh uao uat uay uăc uăm uăn uăng uăt uâc uân uâng uât uây ' +
    'ue uen ueo uet uê uêch uên uênh uêt uêu uit uơ uơn uy uya uych uyn uynh uyt uyu uyên uyêt ' +
    'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu ' +
    'y yêm yên yêt yêu'
  ).split(' '),
);

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const CHECKED_TONES = '\u0301\u0323'; // the only tones allowed before -c, -ch, -p, -t

function rhymeOk(initial: string, rhyme: string): boolean {
  if (!RHYMES.has(rhyme)) return false;
  const front = /^[ieêy]/.test(rhyme);
  if ((initial === 'k' || initial === 'gh' || initial === 'ngh') && !front) return false;
  if ((initial === 'c' || initial === 'g' || initial === 'ng') && front) return false;
  if (initial === '' && rhyme.startsWith('i') && rhyme.length > 2 && rhyme[1] === 'ê') return false; // "yêu", not "iêu"
  // /kw/ is spelt qu: c takes no medial o/u ("coa", "cuy" are not Vietnamese).
  if (initial === 'c' && /^(o[aăe]|u[aăâeêơy].)/.test(rhyme + ' ') && rhyme !== 'ua') return false;
  return true;
}

const VOWELS = 'aăâeêioôơuưy';
const MODIFIED_VOWELS = 'ăâêôơư';

/**
 * Whether the tone sits on a vowel where Vietnamese spelling puts it, old style ("hoà", "thuý") or
 * new style ("hòa", "thúy"): on the vowel with a hat/breve/horn (the last one: "ươ" → ơ); else on the
 * last vowel before a final consonant; else the middle of three vowels, either of oa/oe/uy, the first
 * of other pairs.
 */
function tonePlacementOk(base: string, start: number, toneAt: number): boolean {
  let end = start;
  while (end < base.length && VOWELS.includes(base[end])) end++;
  const cluster = base.slice(start, end);
  if (cluster === '') return false;
  const i = toneAt - start;
  let modified = -1;
  for (let k = 0; k < cluster.length; k++) if (MODIFIED_VOWELS.includes(cluster[k])) modified = k;
  if (modified >= 0) return i === modified;
  if (end < base.length) return i === cluster.length - 1;
  if (cluster.length === 3) return i === 1;
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return i === 0 || i === 1;
  return i === 0;
}

/**
 * True when `word` is one well-formed Vietnamese syllable: initial + rhyme, at most one tone, placed
 * on the right vowel (old or new style), a sắc/nặng tone before -c/-ch/-p/-t, the spelling rules of
 * k/gh/ngh. With `strictCase`, the word must be lower case, upper case or capitalised ("NguyÔn" fails).
 */
export function isVietnameseSyllable(word: string, strictCase = true): boolean {
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (strictCase && word !== lower && word !== word.toUpperCase()) {
    const first = [...word][0];
    if (word.slice(first.length) !== lower.slice(first.length)) return false;
  }
  let base = '';
  let tone = '';
  let toneAt = -1;
  let letters = 0;
  let last = '';
  for (const c of lower.normalize('NFD')) {
    if (TONE_MARKS.includes(c)) {
      if (tone !== '' || !isOneOf(last, 'aeiouy')) return false;
      tone = c;
      toneAt = letters - 1;
    } else if (c === '\u0302') {
      if (!isOneOf(last, 'aeo')) return false;
      base += c;
    } else if (c === '\u0306') {
      if (last !== 'a') return false;
      base += c;
    } else if (c === '\u031b') {
      if (last !== 'o' && last !== 'u') return false;
      base += c;
    } else if (/[a-zđ]/.test(c)) {
      base += c;
      last = c;
      letters++;
    } else return false;
  }
  base = base.normalize('NFC');
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    const rest = base.slice(initial.length);
    let start = initial.length;
    let ok = rhymeOk(initial, rest);
    if (!ok && initial === 'gi') {
      ok = rest === '' || RHYMES.has('i' + rest);
      if (ok && !isOneOf(rest.charAt(0), VOWELS)) start = 1; // gì, gìn: the i of gi is the vowel
    }
    if (!ok && initial === 'qu') ok = rest !== '' && rhymeOk('', 'u' + rest);
    if (!ok) continue;
    const checked = /(c|ch|p|t)$/.test(rest);
    if (checked && !CHECKED_TONES.includes(tone === '' ? '-' : tone)) return false;
    return tone === '' || tonePlacementOk(base, start, toneAt);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** The font decides when it is a legacy font: '.Vn…' → TCVN3, 'VNI-…' → VNI. */
export function legacyFromFont(fontName: string | undefined): LegacyEncoding | undefined {
  const f = (fontName ?? '').trim().toLowerCase();
  if (f.startsWith('.vn')) return 'tcvn3';
  if (f.startsWith('vni-') || f.startsWith('vni ')) return 'vni';
  return undefined;
}

/** .VnTimeH, .VnArialH…: TCVN3 fonts that draw every letter as a capital. */
export function isUpperCaseTcvn3Font(fontName: string | undefined): boolean {
  const f = (fontName ?? '').trim();
  return legacyFromFont(f) === 'tcvn3' && /H$/.test(f.replace(/\s+(bold|italic|regular)$/i, ''));
}

/**
 * Characters a legacy cell cannot hold: letters and marks above U+00FF (ư, ạ, ă, đ, combining
 * marks…), except the Windows-1252 letters of 0x80-0x9F (Œ œ Š š Ž ž Ÿ ƒ).
 */
function hasUnicodeOnlyLetters(s: string): boolean {
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (code <= 0xff) continue;
    if ('ŒœŠšŽžŸƒ'.includes(c)) continue;
    if (/[\p{L}\p{M}]/u.test(c)) return true;
  }
  return false;
}

/** Word characters for scoring: ASCII letters and U+00A1-U+00FF except symbols no legacy letter uses. */
const TOKEN = /[A-Za-z\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c0-\u00ff]+/g;

type Evidence = { plus: number; minus: number };

function evidence(s: string, decode: (w: string) => string): Evidence {
  const e: Evidence = { plus: 0, minus: 0 };
  // A micro sign after a number is a unit (5 µm), not TCVN3 "à".
  const text = s.replace(/(\d\s?)\u00b5/g, '$1u');
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    if (!/[^A-Za-z]/.test(w)) continue; // plain ASCII: same in every reading
    if (w.length < 2) continue; // a lone symbol (×, ª, ë) proves nothing
    const asUnicode = isVietnameseSyllable(w, true);
    const asLegacy = isVietnameseSyllable(decode(w), false);
    if (asLegacy && !asUnicode) e.plus++;
    else if (asUnicode && !asLegacy) e.minus++;
  }
  return e;
}

/**
 * How each reading of `s` scores: for every word with a non-ASCII character, +1 when the legacy
 * reading is a Vietnamese syllable and the Unicode reading is not, -1 the other way round.
 * Exposed for diagnostics and tests.
 */
export function legacyEvidence(s: string): Record<LegacyEncoding, Evidence> {
  return {
    tcvn3: evidence(s, (w) => decodeTcvn3(w)),
    vni: evidence(s, decodeVni),
  };
}

/**
 * Guesses the legacy encoding of a cell's text. From the font name first (.VnTime, .VnTimeH,
 * .VnArial… → tcvn3; VNI-… → vni), unless the text holds letters a legacy cell cannot hold (then it
 * is Unicode whatever the font). Otherwise from the words: each word with a non-ASCII character is
 * read as Unicode, as TCVN3 and as VNI and checked to be a well-formed Vietnamese syllable (see
 * isVietnameseSyllable; the Unicode reading must also have a sane letter case, which 'NguyÔn' has
 * not). An encoding is chosen when more words make sense in it and not as Unicode than the other way
 * round; TCVN3 wins ties. Ordinary Unicode Vietnamese, ASCII and numbers are never flagged: any
 * ư/ạ/đ… rules legacy out, and words valid as Unicode count against the legacy reading.
 */
export function detectLegacy(s: string, fontName?: string): LegacyEncoding | undefined {
  const text = nfc(s);
  if (hasUnicodeOnlyLetters(text)) return undefined;
  const byFont = legacyFromFont(fontName);
  if (byFont !== undefined) {
    if (/[\u0080-\u00ff]/.test(text)) return byFont;
    if (byFont === 'tcvn3' && isUpperCaseTcvn3Font(fontName) && /[a-z]/.test(text)) return byFont;
    return undefined;
  }
  if (!/[\u00a1-\u00ff]/.test(text)) return undefined;
  const ev = legacyEvidence(text);
  const net = (e: Evidence) => (e.plus > e.minus ? e.plus - e.minus : 0);
  const t = net(ev.tcvn3);
  const v = net(ev.vni);
  if (t === 0 && v === 0) return undefined;
  return t >= v ? 'tcvn3' : 'vni';
}

/** Decodes `s` when it is legacy text (detectLegacy); returns NFC text (see nfc) and the encoding found. */
export function toUnicode(s: string, fontName?: string): { readonly text: string; readonly encoding?: LegacyEncoding } {
  return decoded(fontName ? decodingFont(fontName) : '', s);
}

// Every string cell of every sheet is decoded, and labels, names and units recur: each (font, text)
// once. No font and '' decode alike.
const decoded = memo2((font: string, s: string) => Object.freeze(toUnicodeUncached(s, font || undefined)));

/**
 * The font as far as decoding goes: a legacy font's name, or '' for any other, which decodes
 * exactly as no font (detectLegacy and the capitals of .VnTimeH look at legacy fonts only). So a
 * text met in Times New Roman in a village's file and again without a font in the commune's plan
 * (a re-run reads the plan's values only) is decoded once (issue 23: the re-run).
 */
const decodingFont = memo((font: string): string => (legacyFromFont(font) === undefined ? '' : font), 1_000);

function toUnicodeUncached(s: string, fontName?: string): { text: string; encoding?: LegacyEncoding } {
  const text = nfc(s);
  const encoding = detectLegacy(text, fontName);
  if (encoding === 'tcvn3') return { text: nfc(decodeTcvn3(text, { upperFont: isUpperCaseTcvn3Font(fontName) })), encoding };
  if (encoding === 'vni') return { text: nfc(decodeVni(text)), encoding };
  return { text };
}
