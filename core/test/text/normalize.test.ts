import fc from 'fast-check';
import { foldKey, labelSimilarity, nfc, stripDiacritics } from '../../src/text';
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
