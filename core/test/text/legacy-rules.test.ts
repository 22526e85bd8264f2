/**
 * The rules of the legacy decoders (core/src/text/legacy.ts), one case at a time and without the
 * handbook: the capitals of TCVN3 cells typed with a lower-case font, VNI's marks after the letters
 * they belong to, the Vietnamese spelling rules that decide whether a word makes sense, the fonts,
 * and the evidence that picks an encoding. legacy.test.ts checks the same code on every sentence of
 * the handbook (round trips, no false positives); these are fast enough for a mutation run
 * (`npm run mutate -- core/src/text ...`, docs/TESTING.md).
 */
import { decodeTcvn3, decodeVni, detectLegacy, isUpperCaseTcvn3Font, isVietnameseSyllable, legacyEvidence, legacyFromFont, toUnicode } from '../../src/text';

describe('TCVN3 cells', () => {
  it('decodes the bytes of the lower-case letters, keeps the rest', () => {
    expect(decodeTcvn3('NguyÔn V¨n §ång')).toBe('Nguyễn Văn Đồng');
    expect(decodeTcvn3('Ng\u00adêi d©n tham gia')).toBe('Người dân tham gia');
    expect(decodeTcvn3('Tæng sè: 6.000 ®')).toBe('Tổng số: 6.000 đ');
    expect(decodeTcvn3('ABC 123 “x” – …')).toBe('ABC 123 “x” – …');
    expect(decodeTcvn3('')).toBe('');
  });

  it('returns composed (NFC) text, even from a decomposed cell', () => {
    expect(decodeTcvn3('Tha\u0301ng 5')).toBe('Tháng 5');
  });

  it('an upper-case font (.VnTimeH) draws every letter as a capital', () => {
    expect(decodeTcvn3('nguyÔn v¨n §ång', { upperFont: true })).toBe('NGUYỄN VĂN ĐỒNG');
    expect(decodeTcvn3('ñy ban', { upperFont: true })).toBe('ỦY BAN');
    // A character whose capital is two letters (the ligature "ﬁ" → "FI") is kept as it is.
    expect(decodeTcvn3('ﬁ x', { upperFont: true })).toBe('ﬁ X');
    expect(decodeTcvn3('ﬁ x')).toBe('ﬁ x');
  });

  it('a cell typed in capitals with a lower-case font is upper-cased whole', () => {
    expect(decodeTcvn3('KÕ HO¹CH')).toBe('KẾ HOẠCH');
    expect(decodeTcvn3('NGUYÔN V¡N §åNG')).toBe('NGUYỄN VĂN ĐỒNG');
    // Two capitals in one word are enough; the other words, even without a capital, follow.
    expect(decodeTcvn3('L£ \xfd')).toBe('LÊ Ý');
    expect(decodeTcvn3('X· B¶N')).toBe('XÃ BẢN');
  });

  it('a cell with capitalised words only keeps them capitalised ("X· D" is "Xã D")', () => {
    expect(decodeTcvn3('X· D')).toBe('Xã D');
    expect(decodeTcvn3('§Ò')).toBe('Đề');
    expect(decodeTcvn3('Hµ Néi')).toBe('Hà Nội');
  });

  it('with lower-case ASCII letters in the cell, only the words typed in capitals are upper-cased', () => {
    expect(decodeTcvn3('B¶n KÕ HO¹CH n¨m')).toBe('Bản Kế HOẠCH năm');
    expect(decodeTcvn3('BÕN tµu')).toBe('BẾN tàu');
    // A word starting with a toned lower-case byte, then a capital: typed in capitals.
    expect(decodeTcvn3('\xad\xedC TÝnh')).toBe('ƯỚC Tính');
    expect(decodeTcvn3('B¶n (KÕ) tµu')).toBe('Bản (Kế) tàu');
    // Words apart by two spaces are the same words.
    expect(decodeTcvn3('B¶n  KÕ  HO¹CH')).toBe('Bản  Kế  HOẠCH');
    // A capital inside a word with lower-case letters was typed so: the word is kept.
    expect(decodeTcvn3('TØnh §akLak')).toBe('Tỉnh ĐakLak');
  });
});

describe('VNI cells', () => {
  it('decodes a base letter followed by its mark', () => {
    expect(decodeVni('Toâi ñi hoïc')).toBe('Tôi đi học');
    expect(decodeVni('Nguyeãn Vaên Ñoàng')).toBe('Nguyễn Văn Đồng');
    expect(decodeVni('ñöôøng')).toBe('đường');
    expect(decodeVni('thuûy lôïi')).toBe('thủy lợi');
    expect(decodeVni('Kinh teá')).toBe('Kinh tế');
    expect(decodeVni('naêm, ñaët, traïm')).toBe('năm, đặt, trạm');
  });

  it('capitals: the same characters minus 0x20, À (0xC0) included', () => {
    expect(decodeVni('NGUYEÃN VAÊN ÑOÀNG')).toBe('NGUYỄN VĂN ĐỒNG');
    expect(decodeVni('ÑÖÔØNG')).toBe('ĐƯỜNG');
    expect(decodeVni('Ñ')).toBe('Đ');
    expect(decodeVni('ñ')).toBe('đ');
    expect(decodeVni('TÆNH')).toBe('TỈNH');
  });

  it('the letters that stand alone', () => {
    expect(decodeVni('í ì æ ó ò î ô ö ñ')).toBe('í ì ỉ ĩ ị ỵ ơ ư đ');
  });

  it('a mark only after the letters that take it', () => {
    // Tones after a, e, o, u, y, ơ, ư — not after i (VNI has its own toned i) or a consonant.
    expect(decodeVni('yù')).toBe('ý');
    expect(decodeVni('iø')).toBe('iø');
    expect(decodeVni('nø')).toBe('nø');
    // The circumflex after a, e, o only; the breve after a only.
    expect(decodeVni('oâ')).toBe('ô');
    expect(decodeVni('yâ')).toBe('yâ');
    expect(decodeVni('uá')).toBe('uá');
    expect(decodeVni('aê')).toBe('ă');
    expect(decodeVni('eê')).toBe('eê');
    expect(decodeVni('oè')).toBe('oè');
    // A mark after a mark is no mark: each letter takes one.
    expect(decodeVni('aùø')).toBe('áø');
  });

  it('keeps what is not VNI, a mark at the end of the text included', () => {
    expect(decodeVni('ABC 123 “x” – …')).toBe('ABC 123 “x” – …');
    expect(decodeVni('a')).toBe('a');
    expect(decodeVni('ù')).toBe('ù');
    expect(decodeVni('x😀ù')).toBe('x😀ù');
    expect(decodeVni('')).toBe('');
  });
});

describe('isVietnameseSyllable: spelling', () => {
  it.each<[string, boolean]>([
    ['', false],
    ['a', true],
    ['ca', true],
    ['ka', false],
    ['ke', true],
    ['ki', true],
    ['ky', true],
    ['kê', true],
    ['ko', false],
    ['gha', false],
    ['ghi', true],
    ['ghê', true],
    ['nghe', true],
    ['ngha', false],
    ['ci', false],
    ['ce', false],
    ['ge', false],
    ['nge', false],
    ['nga', true],
    ['iêu', false],
    ['yêu', true],
    ['ích', true],
    ['ia', true],
    ['coa', false],
    ['coe', false],
    ['cuy', false],
    ['cuê', false],
    ['cua', true],
    ['cuộc', true],
    ['coi', true],
    ['qua', true],
    ['quyết', true],
    ['quỳnh', true],
    ['qu', false],
    ['gì', true],
    ['gìn', true],
    ['gix', false],
    ['giếng', true],
    ['già', true],
    ['xyz', false],
    ['c1', false],
    ['đi', true],
  ])('%s: %s', (w, yes) => {
    expect(isVietnameseSyllable(w)).toBe(yes);
  });
});

describe('isVietnameseSyllable: marks and tones', () => {
  it.each<[string, boolean]>([
    // One tone, on a vowel; a combining mark only after the letter it belongs to.
    ['hóà', false],
    ['\u0301a', false],
    ['n\u0301', false],
    ['\u0302a', false],
    ['tû', false],
    ['ĕm', false],
    ['ăn', true],
    ['ơn', true],
    ['ưa', true],
    ['a\u031bn', false],
    ['ña', false],
    // A checked rhyme (-c, -ch, -p, -t) takes sắc or nặng only.
    ['tốt', true],
    ['tộc', true],
    ['tồt', false],
    ['tôt', false],
    ['sạch', true],
    ['sàch', false],
    ['đẹp', true],
    ['đèp', false],
    // The tone on the vowel with a hat, breve or horn (the last one of "ươ").
    ['người', true],
    ['ngừơi', false],
    ['tiếng', true],
    ['tìêng', false],
    ['thuở', true],
    ['thủơ', false],
    // Else on the last vowel before a final consonant.
    ['hoàn', true],
    ['hòan', false],
    ['toán', true],
    ['tóan', false],
    // Else the middle one of three vowels.
    ['ngoáy', true],
    ['ngóay', false],
    ['ngoaý', false],
    // Else either of oa, oe, uy (old and new style); the first of other pairs.
    ['hoà', true],
    ['hòa', true],
    ['khoẻ', true],
    ['khỏe', true],
    ['thuý', true],
    ['thúy', true],
    ['mái', true],
    ['maí', false],
    ['mùa', true],
    ['muà', false],
    ['gìn', true],
  ])('%s: %s', (w, yes) => {
    expect(isVietnameseSyllable(w)).toBe(yes);
  });

  it('letter case: lower, upper or capitalised; any with strictCase off', () => {
    for (const w of ['tôi', 'TÔI', 'Tôi', 'Đi', 'ĐI']) expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
    for (const w of ['tÔi', 'TôI', 'NguyÔn', 'tÔI']) expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
    expect(isVietnameseSyllable('tÔi', false)).toBe(true);
    expect(isVietnameseSyllable('TôI', false)).toBe(true);
  });
});

describe('legacy fonts', () => {
  it.each<[string | undefined, 'tcvn3' | 'vni' | undefined]>([
    ['.VnTime', 'tcvn3'],
    ['.vntime', 'tcvn3'],
    ['  .VnArial  ', 'tcvn3'],
    ['.VnCentury Schoolbook', 'tcvn3'],
    ['VNI-Times', 'vni'],
    ['vni-helve', 'vni'],
    ['VNI Times', 'vni'],
    ['  VNI-Times', 'vni'],
    ['VNITimes', undefined],
    ['Vn Time', undefined],
    ['Times New Roman', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j: %s', (font, encoding) => {
    expect(legacyFromFont(font)).toBe(encoding);
  });

  it.each<[string | undefined, boolean]>([
    ['.VnTimeH', true],
    ['.VnArialH', true],
    [' .VnTimeH ', true],
    ['.VnTimeH Bold', true],
    ['.VnTimeH  italic', true],
    ['.VnTimeH Regular', true],
    ['.VnTime', false],
    ['.VnTime Bold', false],
    ['.VnTimeh', false],
    ['.VnTimeHBold', false],
    ['VNI-TimesH', false],
    ['ArialH', false],
    [undefined, false],
  ])('%j draws capitals only: %s', (font, upper) => {
    expect(isUpperCaseTcvn3Font(font)).toBe(upper);
  });
});

describe('the evidence for each reading', () => {
  it('+1 for a word that makes sense only in the legacy reading, −1 the other way round', () => {
    // "®i" is "đi" in TCVN3; as Unicode it is no word. VNI has no ®.
    expect(legacyEvidence('®i')).toEqual({ tcvn3: { plus: 1, minus: 0 }, vni: { plus: 0, minus: 0 } });
    // "ké" is a Unicode word; in TCVN3 it reads "kộ", which is not (k before o).
    expect(legacyEvidence('ké')).toEqual({ tcvn3: { plus: 0, minus: 1 }, vni: { plus: 0, minus: 0 } });
    // "xoáy" reads "xoỏy" in TCVN3 and "xốy" in VNI: no word in either.
    expect(legacyEvidence('xoáy')).toEqual({ tcvn3: { plus: 0, minus: 1 }, vni: { plus: 0, minus: 1 } });
    // "ñi": "ủi" in TCVN3, "đi" in VNI.
    expect(legacyEvidence('ñi')).toEqual({ tcvn3: { plus: 1, minus: 0 }, vni: { plus: 1, minus: 0 } });
    expect(legacyEvidence('Toâi ñi hoïc').vni).toEqual({ plus: 3, minus: 0 });
  });

  it('the Unicode reading must have a sane letter case, the legacy one need not', () => {
    // "TÔi" would be "tôi" in lower case, but no one types it so; in TCVN3 it is no word either.
    expect(legacyEvidence('TÔi').tcvn3).toEqual({ plus: 0, minus: 0 });
    // "TØnH" is "TỉnH" in TCVN3, a word typed with a stray capital.
    expect(legacyEvidence('TØnH').tcvn3).toEqual({ plus: 1, minus: 0 });
  });

  it('plain ASCII words, lone symbols and a micro sign after a number prove nothing', () => {
    const none = { tcvn3: { plus: 0, minus: 0 }, vni: { plus: 0, minus: 0 } };
    expect(legacyEvidence('Tong so 2017')).toEqual(none);
    // Whatever their case: "BaN" is no Unicode word but reads "ban" in any encoding.
    expect(legacyEvidence('BaN')).toEqual(none);
    expect(legacyEvidence('10 × 20')).toEqual(none);
    expect(legacyEvidence('dày 5µm')).toEqual({ tcvn3: { plus: 0, minus: 0 }, vni: { plus: 0, minus: 0 } });
    expect(legacyEvidence('5 µm')).toEqual(none);
    // Without a number before it, "µm" is TCVN3 "àm".
    expect(legacyEvidence('µm').tcvn3).toEqual({ plus: 1, minus: 0 });
  });
});

describe('detectLegacy', () => {
  it('from the words when no font says', () => {
    expect(detectLegacy('NguyÔn V¨n §ång')).toBe('tcvn3');
    expect(detectLegacy('Toâi ñi hoïc')).toBe('vni');
    expect(detectLegacy('®i')).toBe('tcvn3');
    // Nothing for TCVN3, two words for VNI.
    expect(detectLegacy('Toâi hoïc')).toBe('vni');
    // A word of legacy bytes only.
    expect(detectLegacy('§Ò')).toBe('tcvn3');
    // As many words for TCVN3 as for VNI: TCVN3.
    expect(detectLegacy('ñi')).toBe('tcvn3');
    expect(detectLegacy('ké')).toBeUndefined();
    expect(detectLegacy('xoáy')).toBeUndefined();
    expect(detectLegacy('Tong so')).toBeUndefined();
    expect(detectLegacy('')).toBeUndefined();
  });

  it('more words for VNI than against it, against more words for TCVN3 than against it', () => {
    // TCVN3: "ñi" +1, "®i" +1, "ké" −1 → 1; VNI: "ñi", "Toâi", "hoïc" +1 each → 3.
    expect(legacyEvidence('ñi ®i ké Toâi hoïc')).toEqual({ tcvn3: { plus: 2, minus: 1 }, vni: { plus: 3, minus: 0 } });
    expect(detectLegacy('ñi ®i ké Toâi hoïc')).toBe('vni');
    // TCVN3: "®i" twice, "ñi" → 3; VNI: "ñi", "Toâi" → 2.
    expect(detectLegacy('®i ®i ñi Toâi')).toBe('tcvn3');
  });

  it('trusts the font when the text has a byte of the legacy range', () => {
    expect(detectLegacy('cã', '.VnTime')).toBe('tcvn3');
    expect(detectLegacy('Tôi', 'VNI-Times')).toBe('vni');
    expect(detectLegacy('ÿ', '.VnTime')).toBe('tcvn3');
    expect(detectLegacy('PRA 2017', '.VnTime')).toBeUndefined();
    expect(detectLegacy('Toi di hoc', 'VNI-Times')).toBeUndefined();
    // Lower-case ASCII under an upper-case font is drawn in capitals: decoded.
    expect(detectLegacy('ubnd', '.VnTimeH')).toBe('tcvn3');
    expect(detectLegacy('UBND', '.VnTimeH')).toBeUndefined();
    expect(detectLegacy('ubnd', '.VnTime')).toBeUndefined();
  });

  it('not when the text holds letters a legacy cell cannot hold, but for the Windows-1252 letters', () => {
    expect(detectLegacy('Nguyễn Văn Đồng', '.VnTime')).toBeUndefined();
    expect(detectLegacy('Thôn ư', '.VnTime')).toBeUndefined();
    expect(detectLegacy('x\u0301 ¸', '.VnTime')).toBeUndefined();
    expect(detectLegacy('Š¸ Œ œ š Ž ž Ÿ ƒ', '.VnTime')).toBe('tcvn3');
    expect(detectLegacy('®i ƒ')).toBe('tcvn3');
    // Symbols above U+00FF are no letters: "–" and "“" do not rule TCVN3 out.
    expect(detectLegacy('“NguyÔn” – 5', '.VnTime')).toBe('tcvn3');
  });
});

describe('toUnicode', () => {
  it('decodes with what it detects, the upper-case font included', () => {
    expect(toUnicode('NguyÔn V¨n §ång')).toEqual({ text: 'Nguyễn Văn Đồng', encoding: 'tcvn3' });
    expect(toUnicode('Toâi ñi hoïc')).toEqual({ text: 'Tôi đi học', encoding: 'vni' });
    expect(toUnicode('ñy ban nh©n d©n', '.VnTimeH')).toEqual({ text: 'ỦY BAN NHÂN DÂN', encoding: 'tcvn3' });
    expect(toUnicode('ñy ban nh©n d©n', '.VnTime')).toEqual({ text: 'ủy ban nhân dân', encoding: 'tcvn3' });
    expect(toUnicode('Thôn\u00a0Nà Hin')).toEqual({ text: 'Thôn Nà Hin' });
    expect(toUnicode('Tha\u0301ng')).toEqual({ text: 'Tháng' });
    expect(toUnicode('ubnd', '.VnTimeH')).toEqual({ text: 'UBND', encoding: 'tcvn3' });
    expect(toUnicode('ubnd', '')).toEqual({ text: 'ubnd' });
    expect(toUnicode('ubnd')).toEqual({ text: 'ubnd' });
  });
});

describe('toUnicode and the font', () => {
  it('any font but a legacy one decodes as no font, in either order of first use; a legacy font still decides', () => {
    // Met first with a Unicode font, then without one (a village's file, then the commune's plan), and the other way round.
    const tcvn = 'Ch\u00ac\u00adng tr\u00d7nh';
    expect(toUnicode(tcvn, 'Times New Roman')).toEqual(toUnicode(tcvn));
    expect(toUnicode('nguy\u00d4n v\u00a8n', undefined)).toEqual(toUnicode('nguy\u00d4n v\u00a8n', 'Arial'));
    // A lower-case ASCII text: Unicode in Arial or without a font, capitals in .VnTimeH, as TCVN3 in .VnTime.
    expect(toUnicode('ke hoach', 'Arial')).toEqual({ text: 'ke hoach' });
    expect(toUnicode('ke hoach', '.VnTimeH')).toEqual({ text: 'KE HOACH', encoding: 'tcvn3' });
    expect(toUnicode('ke hoach', 'Arial')).toEqual({ text: 'ke hoach' });
    expect(toUnicode('K\u00d5 ho\u00b9ch', '.VnTime')).toEqual({ text: 'Kế hoạch', encoding: 'tcvn3' });
    expect(toUnicode('K\u00d5 ho\u00b9ch', 'VNI-Times').encoding).toBe('vni');
  });
});
