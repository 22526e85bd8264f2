import { spawnSync } from 'node:child_process';
import {
  TCVN3_TABLE,
  decodeTcvn3,
  decodeVni,
  detectLegacy,
  isUpperCaseTcvn3Font,
  isVietnameseSyllable,
  legacyFromFont,
  nfc,
  toUnicode,
} from '../../src/text';
import { handbookText } from '../handbook';
import { itWhen } from '../tools';

// ---------------------------------------------------------------------------------------------
// Encoders (test side only): the inverse tables, written independently of the decoders.

const T3_LOWER = 'àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ';
const T3_CODES =
  '\xb5\xb6\xb7\xb8\xb9\xa8\xbb\xbc\xbd\xbe\xc6\xa9\xc7\xc8\xc9\xca\xcb\xcc\xce\xcf\xd0\xd1\xaa\xd2\xd3\xd4\xd5\xd6' +
  '\xd7\xd8\xdc\xdd\xde\xdf\xe1\xe2\xe3\xe4\xab\xe5\xe6\xe7\xe8\xe9\xac\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3\xf4' +
  '\xad\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xae';
const T3_CAPITALS: Record<string, string> = { Ă: '\xa1', Â: '\xa2', Ê: '\xa3', Ô: '\xa4', Ơ: '\xa5', Ư: '\xa6', Đ: '\xa7' };
const T3 = new Map<string, string>([...T3_LOWER].map((c, i) => [c, T3_CODES[i]]));

/** Unicode → TCVN3 as typed with .VnTime: toned capitals have no byte and use the lower-case one. */
function encodeTcvn3(s: string): string {
  let out = '';
  for (const c of s.normalize('NFC')) out += T3_CAPITALS[c] ?? T3.get(c) ?? T3.get(c.toLowerCase()) ?? c;
  return out;
}

const VNI_TONE: Record<string, string> = { '': '', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0301': 'ù', '\u0323': 'ï' };
const VNI_HAT: Record<string, string> = { '': 'â', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0301': 'á', '\u0323': 'ä' };
const VNI_BREVE: Record<string, string> = { '': 'ê', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0301': 'é', '\u0323': 'ë' };
const VNI_I: Record<string, string> = { '': 'i', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0301': 'í', '\u0323': 'ò' };

/** Unicode → VNI: decompose each letter into base, hat/breve/horn and tone, and spell it the VNI way. */
function encodeVni(s: string): string {
  let out = '';
  for (const c of s.normalize('NFC')) {
    if (c === 'đ' || c === 'Đ') {
      out += c === 'đ' ? 'ñ' : 'Ñ';
      continue;
    }
    const d = c.normalize('NFD');
    const base = d[0];
    const lb = base.toLowerCase();
    if (d.length === 1 || lb.length !== 1 || !'aeiouy'.includes(lb)) {
      out += c;
      continue;
    }
    const mods = d.slice(1);
    const tone = [...mods].find((m) => '\u0300\u0309\u0303\u0301\u0323'.includes(m)) ?? '';
    const up = (x: string) => (base !== lb ? x.toUpperCase() : x);
    if (lb === 'i') out += up(VNI_I[tone]);
    else if (lb === 'y' && tone === '\u0323') out += up('î');
    else if (mods.includes('\u031b')) out += up(lb === 'o' ? 'ô' : 'ö') + up(VNI_TONE[tone]);
    else if (mods.includes('\u0302')) out += base + up(VNI_HAT[tone]);
    else if (mods.includes('\u0306')) out += base + up(VNI_BREVE[tone]);
    else out += base + up(VNI_TONE[tone]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Corpus: the handbook.

const HANDBOOK = nfc(handbookText());
/** Vietnamese letters that Unicode and Latin-1 share; any other Latin-1 character would collide with the encodings. */
const VI_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const VI_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/i;
const SENTENCES = [
  ...new Set(
    HANDBOOK.split(/\n|(?<=[.;!?])\s+/)
      .map((x) => x.replace(/\s+/g, ' ').trim())
      .filter((x) => x.length >= 15 && VI_LETTER.test(x))
      .filter((x) => ![...x].some((c) => /[\u0080-\u00ff]/.test(c) && !VI_LATIN1.includes(c))),
  ),
];
const WORDS = [...new Set([...HANDBOOK.matchAll(/\p{L}+/gu)].map((m) => m[0]))].filter((w) => !/[\u00a7\u00a8\u00e5]/.test(w) && w !== 'NguyÔn');
const VI_WORDS = WORDS.filter((w) => VI_LETTER.test(w));
const ALL_LETTERS = [...T3_LOWER, ...[...T3_LOWER].map((c) => c.toUpperCase())];

/** Letters the TCVN3 round trip can give back exactly: no toned capitals, or a cell in capitals. */
function tcvn3Exact(s: string): boolean {
  const capsCell = !/[a-z]/.test(encodeTcvn3(s)) && (s.match(/[A-ZĂÂÊÔƠƯĐ]/g) ?? []).length >= 2;
  return capsCell || ![...s].some((c) => c !== c.toLowerCase() && !/[A-ZĂÂÊÔƠƯĐ]/.test(c));
}

describe('samples', () => {
  it('decodes the TCVN3 sample of the handbook (L4072)', () => {
    expect(decodeTcvn3('NguyÔn V¨n §ång')).toBe('Nguyễn Văn Đồng');
    expect(toUnicode('NguyÔn V¨n §ång')).toEqual({ text: 'Nguyễn Văn Đồng', encoding: 'tcvn3' });
    expect(HANDBOOK).toContain('NguyÔn V¨n §ång');
  });
  it('keeps the soft hyphen U+00AD as ư', () => {
    expect(decodeTcvn3('Ng\u00adêi d©n')).toBe('Người dân');
    expect(decodeTcvn3('n\u00adíc')).toBe('nước');
    expect(toUnicode('Ng\u00adêi d©n tham gia').text).toBe('Người dân tham gia');
  });
  it('decodes VNI samples', () => {
    expect(decodeVni('Toâi ñi hoïc')).toBe('Tôi đi học');
    expect(decodeVni('Nguyeãn Vaên Ñoàng')).toBe('Nguyễn Văn Đồng');
    expect(decodeVni('NGUYEÃN VAÊN ÑOÀNG')).toBe('NGUYỄN VĂN ĐỒNG');
    expect(decodeVni('ñöôøng')).toBe('đường');
    expect(toUnicode('Toâi ñi hoïc')).toEqual({ text: 'Tôi đi học', encoding: 'vni' });
    expect(toUnicode('Nguyeãn Vaên Ñoàng')).toEqual({ text: 'Nguyễn Văn Đồng', encoding: 'vni' });
  });
  it('decodes upper-case TCVN3 fonts', () => {
    expect(decodeTcvn3('nguyÔn v¨n §ång', { upperFont: true })).toBe('NGUYỄN VĂN ĐỒNG');
    expect(toUnicode('ñy ban nh©n d©n', '.VnTimeH')).toEqual({ text: 'ỦY BAN NHÂN DÂN', encoding: 'tcvn3' });
    expect(toUnicode('KÕ HO¹CH', '.VnArialH').text).toBe('KẾ HOẠCH');
  });
  it('restores capitals typed in caps with a lower-case TCVN3 font', () => {
    expect(decodeTcvn3('NGUYÔN V¡N §åNG')).toBe('NGUYỄN VĂN ĐỒNG');
    expect(decodeTcvn3('KÕ HO¹CH')).toBe('KẾ HOẠCH');
    expect(decodeTcvn3('B¶n KÕ HO¹CH n¨m')).toBe('Bản Kế HOẠCH năm');
    expect(decodeTcvn3('§Ò')).toBe('Đề');
  });
  it('leaves non-TCVN3 characters alone', () => {
    expect(decodeTcvn3('ABC 123 “x” – …')).toBe('ABC 123 “x” – …');
    expect(decodeVni('ABC 123 “x” – …')).toBe('ABC 123 “x” – …');
  });
});

describe('tables', () => {
  it('TCVN3_TABLE covers the 134 non-ASCII Vietnamese letters and agrees with the test encoder', () => {
    expect(ALL_LETTERS).toHaveLength(134);
    expect(TCVN3_TABLE.size).toBe(134);
    for (const l of ALL_LETTERS) expect([l, TCVN3_TABLE.get(l)]).toEqual([l, encodeTcvn3(l)]);
  });
  it('every letter decodes back (lower case from .VnTime, capitals from .VnTimeH)', () => {
    for (const l of ALL_LETTERS) {
      const lower = l.toLowerCase();
      const capital = T3_CAPITALS[l] !== undefined || l === lower;
      expect(decodeTcvn3(encodeTcvn3(l))).toBe(capital ? l : lower);
      expect(decodeTcvn3(encodeTcvn3(l), { upperFont: true })).toBe(l.toUpperCase());
      expect(decodeVni(encodeVni(l))).toBe(l);
    }
  });
  const iconv = spawnSync('iconv', ['--version']);
  const hasIconv = iconv.status === 0 && spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: 'a' }).status === 0;
  // In CI a missing glibc iconv (or its TCVN5712-1 module) fails the test; elsewhere it is skipped with the reason printed.
  itWhen(hasIconv ? [] : ['glibc iconv TCVN5712-1'])('agrees with glibc iconv TCVN5712-1 on every byte TCVN3 uses', () => {
    const bytes: number[] = [];
    for (let b = 0xa1; b <= 0xfe; b++) {
      const ch = String.fromCharCode(b);
      if (decodeTcvn3(ch) !== ch || b === 0xfd) bytes.push(b); // skip bytes ABC does not use (glibc's VN1-only capitals, combining tones)
    }
    // One iconv call: each byte after a space, so that none combines with a previous letter.
    const out = spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from(bytes.flatMap((b) => [0x20, b])) });
    const glibc = out.stdout.toString('utf8').normalize('NFC').split(' ').slice(1);
    const mine = bytes.map((b) => decodeTcvn3(String.fromCharCode(b)));
    expect(mine).toEqual(glibc);
    const checked = bytes.length;
    expect(checked).toBe(74);
  });
});

describe('round trips over the handbook', () => {
  it('has hundreds of sentences to work with', () => {
    expect(SENTENCES.length).toBeGreaterThan(500);
  });
  it('VNI: decodeVni(encodeVni(s)) === s', () => {
    for (const s of SENTENCES) expect(decodeVni(encodeVni(s))).toBe(s);
  });
  it('TCVN3: exact where TCVN3 can hold the letters, else up to the case of toned capitals', () => {
    let exact = 0;
    for (const s of SENTENCES) {
      const back = decodeTcvn3(encodeTcvn3(s));
      expect(back.toLowerCase()).toBe(s.toLowerCase());
      if (tcvn3Exact(s)) {
        expect(back).toBe(s);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(SENTENCES.length * 0.8);
  });
  it('TCVN3 with an upper-case font (.VnTimeH)', () => {
    for (const s of SENTENCES) expect(decodeTcvn3(encodeTcvn3(s.toLowerCase()), { upperFont: true })).toBe(s.toUpperCase());
  });
  it('toUnicode detects and decodes every encoded sentence', () => {
    for (const s of SENTENCES) {
      const t = toUnicode(encodeTcvn3(s));
      expect([s, t.encoding, t.text.toLowerCase()]).toEqual([s, 'tcvn3', s.toLowerCase()]);
      expect(toUnicode(encodeVni(s))).toEqual({ text: s, encoding: 'vni' });
    }
  });
  it('single encoded words are mostly recognised, and never taken for Unicode', () => {
    let t = 0;
    let v = 0;
    for (const w of VI_WORDS) {
      if (detectLegacy(encodeTcvn3(w)) === 'tcvn3') t++;
      if (detectLegacy(encodeVni(w)) === 'vni') v++;
    }
    expect(t / VI_WORDS.length).toBeGreaterThan(0.85);
    expect(v / VI_WORDS.length).toBeGreaterThan(0.8);
  });
});

describe('no false positives', () => {
  it('Unicode handbook sentences and words (lower, upper, capitalised)', () => {
    for (const s of SENTENCES) expect([s, detectLegacy(s)]).toEqual([s, undefined]);
    for (const w of WORDS) {
      for (const f of [w, w.toLowerCase(), w.toUpperCase(), w[0].toUpperCase() + w.slice(1).toLowerCase()]) {
        expect([f, detectLegacy(f)]).toEqual([f, undefined]);
      }
    }
  });
  it('decomposed (NFD) Unicode', () => {
    for (const s of SENTENCES.slice(0, 200)) {
      expect(detectLegacy(s.normalize('NFD'))).toBeUndefined();
      expect(toUnicode(s.normalize('NFD'))).toEqual({ text: s });
    }
  });
  it('ASCII, numbers, and Latin-1 text that is not Vietnamese', () => {
    const samples = [
      '',
      'PRA',
      'UBND xa Tan Lap',
      'Total budget 2017',
      '1.234.567',
      '1,5',
      '12/2017',
      '(1.000)',
      '6 000 đ',
      'café',
      'naïve',
      'résumé',
      'São Paulo',
      'Zürich',
      'Müller',
      'crème brûlée',
      'Señor',
      'España',
      'Noël',
      'Ångström',
      'Pâté',
      'déjà vu',
      'façade',
      'Øresund',
      'piñata',
      'Curaçao',
      'Bogotá',
      'Québec',
      'José María',
      "Côte d'Ivoire",
      '10 × 20 m',
      '5 µm',
      '25°C',
      '±5%',
      '§ 3',
      '© 2020',
      '½ kg',
      'Tôi có cá',
      'Cà Mau',
      'Tôi là ai',
      'KHÓ KHĂN',
      'hoà bình',
      'Thuý',
      'Thúy',
      'Quý I',
    ];
    for (const s of samples) expect([s, detectLegacy(s)]).toEqual([s, undefined]);
  });
});

describe('fonts', () => {
  it('recognises legacy fonts by name', () => {
    for (const f of ['.VnTime', '.VnTimeH', '.VnArial', '.VnArialH', '.VnCentury Schoolbook', '.vntime']) expect(legacyFromFont(f)).toBe('tcvn3');
    for (const f of ['VNI-Times', 'VNI-Helve', 'vni-times']) expect(legacyFromFont(f)).toBe('vni');
    for (const f of ['Times New Roman', 'Arial', '', undefined]) expect(legacyFromFont(f)).toBeUndefined();
    expect(isUpperCaseTcvn3Font('.VnTimeH')).toBe(true);
    expect(isUpperCaseTcvn3Font('.VnArialH')).toBe(true);
    expect(isUpperCaseTcvn3Font('.VnTime')).toBe(false);
    expect(isUpperCaseTcvn3Font('Times New Roman')).toBe(false);
  });
  it('trusts the font, unless the text holds letters a legacy cell cannot', () => {
    expect(detectLegacy('cã', '.VnTime')).toBe('tcvn3'); // "có": ambiguous without the font
    expect(detectLegacy('Tôi', 'VNI-Times')).toBe('vni');
    expect(detectLegacy('Nguyễn Văn Đồng', '.VnTime')).toBeUndefined();
    expect(detectLegacy('PRA 2017', '.VnTime')).toBeUndefined();
    expect(detectLegacy('ubnd', '.VnTimeH')).toBe('tcvn3');
    expect(toUnicode('ubnd', '.VnTimeH')).toEqual({ text: 'UBND', encoding: 'tcvn3' });
    expect(detectLegacy('NguyÔn V¨n §ång', 'Times New Roman')).toBe('tcvn3');
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts the Vietnamese words of the handbook', () => {
    const bad = VI_WORDS.filter((w) => !isVietnameseSyllable(w.toLowerCase()));
    // Only acronyms (HĐND, BCĐ…) and fragments of words split by the Word export.
    expect(bad.filter((w) => !/[A-ZĐ]{2}/.test(w) && w !== 'đ' && !/^t?uầ$/.test(w))).toEqual([]);
  });
  it('checks spelling, tones and case', () => {
    for (const w of ['giếng', 'gì', 'quyết', 'nghiêng', 'tốt', 'hoà', 'hòa', 'thuý', 'thúy', 'khuya', 'người', 'yêu', 'Tôi', 'TÔI']) {
      expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
    }
    for (const w of ['tèt', 'tôt', 'iêu', 'ka', 'ghô', 'ngê', 'coa', 'NguyÔn', 'tÔi', 'hóà', 'café', 'ña']) {
      expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
    }
  });
});

describe('TCVN3 case in cells with no lower-case ASCII letter', () => {
  it('keeps a capitalised word capitalised ("X· D" is "Xã D") and restores caps typed in caps', () => {
    expect(decodeTcvn3('X· D')).toBe('Xã D');
    expect(decodeTcvn3('NGUYÔN V¡N §åNG')).toBe('NGUYỄN VĂN ĐỒNG');
  });
});
