import fc from 'fast-check';
import { containsWords, foldKey, labelSimilarity, nfc, preparedSimilarity, prepareKey, stripDiacritics, unitAfterLabel, unitFromLabel, unitKindOf } from '../../src/text';
import { handbookText } from '../handbook';

describe('nfc', () => {
  it('composes decomposed (NFD) Vietnamese', () => {
    const nfd = 'Nguyễn Văn Đồng, Lĩnh vực'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn Đồng, Lĩnh vực');
    expect(nfc(nfd)).toBe('Nguyễn Văn Đồng, Lĩnh vực');
  });
  it('turns NBSP and other spaces into plain spaces and drops zero-width characters', () => {
    expect(nfc('6\u00a0000\u202fđ')).toBe('6 000 đ');
    expect(nfc('Tổng\u2009số')).toBe('Tổng số');
    expect(nfc('\ufeffThôn\u200b A\u200d')).toBe('Thôn A');
  });
  it('keeps the soft hyphen (TCVN3 ư)', () => {
    expect(nfc('Ng\u00adêi')).toBe('Ng\u00adêi');
  });
  it('normalises the handbook, decomposed parts included', () => {
    const t = handbookText();
    expect(t).toMatch(/[\u0300-\u036f]/);
    expect(nfc(t)).not.toMatch(/[a-zA-Z][\u0300\u0301\u0303\u0309\u0323]/);
    expect(nfc(t.normalize('NFD'))).toBe(nfc(t));
  });
});

describe('foldKey', () => {
  it('matches labels typed differently', () => {
    expect(foldKey('Ngành/Lĩnh vực:')).toBe('nganh linh vuc');
    expect(foldKey('nganh / linh vuc')).toBe('nganh linh vuc');
    expect(foldKey('  NGÀNH - LĨNH VỰC ')).toBe('nganh linh vuc');
    expect(foldKey('Đề xuất (1.000 đồng)')).toBe('de xuat 1 000 dong');
    expect(foldKey('“Thuận lợi”, ‘Khó khăn’… ')).toBe('thuan loi kho khan');
    expect(foldKey('Tỷ lệ (%)')).toBe('ty le %');
    expect(foldKey('Dân\u00a0góp')).toBe('dan gop');
  });
  it('gives decomposed and composed text the same key', () => {
    for (const s of ['Ngành/Lĩnh vực:', 'Đơn vị tính', 'Trách nhiệm thực hiện', 'Hoạt động ưu tiên']) {
      expect(foldKey(s.normalize('NFD'))).toBe(foldKey(s));
      expect(foldKey(s.normalize('NFD'))).toBe(foldKey(stripDiacritics(s)));
    }
  });
  it('is idempotent and ASCII-only on Vietnamese text', () => {
    const lines = handbookText().split('\n').slice(0, 400);
    for (const l of lines) {
      const k = foldKey(l);
      expect(foldKey(k)).toBe(k);
      expect(k).toMatch(/^[a-z0-9% ]*$/);
    }
  });
});

describe('labelSimilarity', () => {
  it('is 1 for the same key, 0 against nothing', () => {
    expect(labelSimilarity('Ngành/Lĩnh vực:', 'nganh / linh vuc')).toBe(1);
    expect(labelSimilarity('ĐVT', 'Đvt.')).toBe(1);
    expect(labelSimilarity('', 'Tổng số')).toBe(0);
  });
  it('recognises headers typed a little differently', () => {
    expect(labelSimilarity('Tổng số', 'Tổng số (1.000 đồng)')).toBeGreaterThan(0.7);
    expect(labelSimilarity('Ngành/Lĩnh vực', 'NgànhLĩnh vực')).toBeGreaterThan(0.9);
    expect(labelSimilarity('Thời gian thực hiện', 'Thời gian  thực hiện (tháng/năm)')).toBeGreaterThan(0.7);
    expect(labelSimilarity('Trách nhiệm thực hiện', 'Trach nhiem thuc hien')).toBe(1);
    expect(labelSimilarity('Địa điểm', 'Địa điễm')).toBeGreaterThan(0.6);
  });
  it('keeps unrelated headers apart', () => {
    expect(labelSimilarity('Dân góp', 'Ngân sách')).toBeLessThan(0.4);
    expect(labelSimilarity('Thuận lợi', 'Khó khăn')).toBeLessThan(0.3);
    expect(labelSimilarity('Số lượng', 'Địa điểm')).toBeLessThan(0.3);
  });
  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = labelSimilarity(a, b);
        expect(x).toBe(labelSimilarity(b, a));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(labelSimilarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('labelSimilarity: the scores themselves', () => {
  it.each<[string, string, number]>([
    // The same letters without spaces: 0.97.
    ['Ngành/Lĩnh vực', 'NgànhLĩnh vực', 0.97],
    // "ab" is a word of "ab cd": 0.5 + 0.45 × word Dice (2·1/3).
    ['AB CD', 'ab', 0.5 + 0.45 * (2 / 3)],
    // No word in common; bigrams {ab, bc} and {ab, bd}: 0.95 × 2·1/4.
    ['abc', 'abd', 0.95 * 0.5],
    // Words {tong, so} and {tong, tien}: Dice 0.5, bigrams to,on,ng,gs,so / to,on,ng,gt,ti,ie,en: 0.95 × 2·3/12.
    ['Tổng số', 'Tổng tiền', 0.5],
    ['ab', 'ba', 0],
    ['a', 'b', 0],
    ['a', 'ab', 0],
    // Bigrams compared as sorted lists: {cb, ba} against {ba, ac, cb} share two, 0.95 × 2·2/5.
    ['cba', 'ba cb', 0.95 * 0.8],
    // "Tổng số" word for word in "Tổng số tiền": 0.5 + 0.45 × 2·2/5, above the bigrams' 0.95 × 2·5/14.
    ['Tổng số', 'Tổng số tiền', 0.5 + 0.45 * 0.8],
    // No bigram, no word in common.
    ['xy', 'ab', 0],
  ])('%s ~ %s = %d', (a, b, score) => {
    expect(labelSimilarity(a, b)).toBeCloseTo(score, 12);
    expect(labelSimilarity(b, a)).toBeCloseTo(score, 12);
  });
});

describe('preparedSimilarity', () => {
  it('is 1 for the same key and 0 against an empty one, called directly as the reader does', () => {
    expect(preparedSimilarity(prepareKey('tong so'), prepareKey('tong so'))).toBe(1);
    expect(preparedSimilarity(prepareKey(''), prepareKey('tong so'))).toBe(0);
    expect(preparedSimilarity(prepareKey('tong so'), prepareKey(''))).toBe(0);
    expect(preparedSimilarity(prepareKey('nganh linh vuc'), prepareKey('nganhlinh vuc'))).toBe(0.97);
  });
});

describe('containsWords', () => {
  it.each<[string, string, boolean]>([
    ['tong so tien', 'so', true],
    ['tong so', 'tong so', true],
    ['so tong', 'so', true],
    ['tong so', 'ong', false],
    ['tong sox', 'so', false],
    ['xso so', 'so', true],
    ['sox xso', 'so', false],
    // No words: contained nowhere, and the search ends (it once never returned on "tong so").
    ['tong so', '', false],
    ['', '', false],
  ])('%s ⊇ %s: %s', (long, short, yes) => {
    expect(containsWords(long, short)).toBe(yes);
  });
});

describe('stripDiacritics and foldKey', () => {
  it('strips Vietnamese marks, keeps case, other scripts and plain ASCII as they are', () => {
    expect(stripDiacritics('Đồng Tâm')).toBe('Dong Tam');
    expect(stripDiacritics('Ê-đê\u00a0x\u200b')).toBe('E-de x');
    expect(stripDiacritics('日本')).toBe('日本');
    // Recomposed after the marks are gone: a Hangul syllable stays one character.
    expect(stripDiacritics('한')).toBe('한');
    expect(stripDiacritics('ASCII only')).toBe('ASCII only');
  });
  it('keeps letters, digits and %; everything else separates words', () => {
    expect(foldKey('50% Vốn')).toBe('50% von');
    expect(foldKey('  A--B  ')).toBe('a b');
    expect(foldKey('Tổng số (1.000 đồng)')).toBe('tong so 1 000 dong');
  });
});

describe('units named after their kind', () => {
  it.each<[string, string | undefined]>([
    ['Thôn Nà Hin', 'thon'],
    ['Tổ dân phố 3', 'to dan pho'],
    ['Thị trấn Mường Khương', 'thi tran'],
    ['Bản Pác Ngòi', 'ban'],
    ['BẢN Chang', 'ban'],
    ['Ban Văn hóa', undefined],
    ['Ban quản lý bản', undefined],
    ['Xã', 'xa'],
    ['Xay dựng', undefined],
    ['Phường 5', 'phuong'],
    ['Nà Hin', undefined],
    // Spaces before it, decomposed (NFD) letters: still a bản.
    ['  Bản Pác Ngòi', 'ban'],
    ['Bản Pác Ngòi'.normalize('NFD'), 'ban'],
    ['Thonglen', undefined],
  ])('unitKindOf(%s) = %s', (name, kind) => {
    expect(unitKindOf(name)).toBe(kind);
  });

  it.each<[string, string, string]>([
    ['Tổ dân phố:', 'Tổ dân phố 3', '3'],
    ['Xã:', 'Xã', 'Xã'],
    ['Ghi chú:', 'Xã A', 'Xã A'],
    ['Xã:', 'Phường A', 'Phường A'],
    ['Thôn:', '  Thôn   Nà Hin ', 'Nà Hin'],
    // "Thôn: Bản Chang" would read back as a bản: the kind stays; "Ban Mai" is no bản.
    ['Thôn:', 'Thôn Bản Chang', 'Thôn Bản Chang'],
    ['Thôn:', 'Thôn Ban Mai', 'Ban Mai'],
  ])('unitAfterLabel(%s, %s) = %s', (label, name, shown) => {
    expect(unitAfterLabel(label, name)).toBe(shown);
  });

  it.each<[string, string, string]>([
    ['Thôn:', 'Nhiều thôn', 'Nhiều thôn'],
    ['Tổ dân phố:', '3', 'Tổ dân phố 3'],
    ['Ghi chú', 'x', 'x'],
    ['Thôn', '  Nà Hin ', 'Thôn Nà Hin'],
    ['Thôn:', 'Xã Tân Lập', 'Xã Tân Lập'],
    ['Thôn:', 'Các thôn', 'Các thôn'],
    ['  Thôn :', 'Nà Hin', 'Thôn Nà Hin'],
    ['Thôn:', 'Thonglen', 'Thôn Thonglen'],
    ['Thôn:', 'Nà Thôn', 'Nà Thôn'],
  ])('unitFromLabel(%s, %s) = %s', (label, value, name) => {
    expect(unitFromLabel(label, value)).toBe(name);
  });
});
