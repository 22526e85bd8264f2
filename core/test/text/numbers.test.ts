import fc from 'fast-check';
import { formatVnNumber, maxAmountIn, parseNumber, shownNumber } from '../../src/text';

const ok = (value: number) => ({ ok: true, value });
const empty = { ok: false, reason: 'empty' };
const nan = { ok: false, reason: 'not-a-number' };

describe('parseNumber', () => {
  it.each<[unknown, unknown]>([
    [6000, ok(6000)],
    [1.5, ok(1.5)],
    [-3, ok(-3)],
    ['6.000', ok(6000)],
    ['6,000', ok(6000)],
    ['6 000', ok(6000)],
    ['6\u00a0000', ok(6000)],
    ['6\u202f000', ok(6000)],
    ['6000', ok(6000)],
    ['  6000 ', ok(6000)],
    ['1.234.567', ok(1234567)],
    ['1,234,567', ok(1234567)],
    ['1 234 567', ok(1234567)],
    ['1,5', ok(1.5)],
    ['1.5', ok(1.5)],
    ['12,50', ok(12.5)],
    ['1.234,5', ok(1234.5)],
    ['1,234.5', ok(1234.5)],
    ['1.234.567,89', ok(1234567.89)],
    ['1 234,5', ok(1234.5)],
    ['0,500', ok(0.5)],
    ['0.25', ok(0.25)],
    [',5', ok(0.5)],
    ['1234,567', ok(1234.567)],
    ['6.000 đ', ok(6000)],
    ['6.000đ', ok(6000)],
    ['6.000 đồng', ok(6000)],
    ['6.000 Đồng', ok(6000)],
    ['6.000 đồng'.normalize('NFD'), ok(6000)],
    ['6.000 VNĐ', ok(6000)],
    ['6.000 vnđ', ok(6000)],
    ['6.000 VND', ok(6000)],
    ['6.000 vnd', ok(6000)],
    ['+5', ok(5)],
    ['-5', ok(-5)],
    ['- 1.000', ok(-1000)],
    ['−2,5', ok(-2.5)],
    ['(1.000)', ok(-1000)],
    ['(1.000 đ)', ok(-1000)],
    ['-0', ok(0)],
    ['', empty],
    ['   ', empty],
    ['-', empty],
    ['–', empty],
    ['—', empty],
    [null, empty],
    [undefined, empty],
    ['hai nghìn', nan],
    ['6.000 kg', nan],
    ['12/2017', nan],
    ['6 tr', nan],
    ['6 triệu', nan],
    ['50%', nan],
    ['1.2.3', nan],
    ['1,23,456', nan],
    ['1.234,5.6', nan],
    ['12 34', nan],
    ['5.', nan],
    ['+', nan],
    ['--5', nan],
    ['-(5)', nan],
    ['1e3', nan],
    [NaN, nan],
    [Infinity, nan],
    [true, nan],
    [{}, nan],
  ])('%p', (input, expected) => {
    expect(parseNumber(input)).toEqual(expected);
  });

  it('reads back any integer written with ".", ",", " ", NBSP or narrow NBSP thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('.', ',', ' ', '\u00a0', '\u202f', ''), (n, sep) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseNumber(text)).toEqual(ok(n));
        expect(parseNumber(`-${text}`)).toEqual(ok(n === 0 ? 0 : -n));
        expect(parseNumber(`(${text})`)).toEqual(ok(n === 0 ? 0 : -n));
        expect(parseNumber(`${text} đ`)).toEqual(ok(n));
      }),
    );
  });

  it('reads back numbers with one or two decimals, in both conventions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 99 }), (int, frac) => {
        const f = String(frac).padStart(2, '0');
        const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const groupedEn = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const value = Number(`${int}.${f}`);
        expect(parseNumber(`${grouped},${f}`)).toEqual(ok(value));
        expect(parseNumber(`${groupedEn}.${f}`)).toEqual(ok(value));
      }),
    );
  });
});

describe('formatVnNumber', () => {
  it('formats the Vietnamese way', () => {
    expect(formatVnNumber(6000)).toBe('6.000');
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
    expect(formatVnNumber(1234567)).toBe('1.234.567');
    expect(formatVnNumber(0)).toBe('0');
    expect(formatVnNumber(-0)).toBe('0');
    expect(formatVnNumber(-1234.25)).toBe('-1.234,25');
    expect(formatVnNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatVnNumber(999)).toBe('999');
    expect(formatVnNumber(2 / 3, 2)).toBe('0,67');
    expect(formatVnNumber(NaN)).toBe('NaN');
  });
  it('round-trips integers through parseNumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseNumber(formatVnNumber(n))).toEqual(ok(n === 0 ? 0 : n));
      }),
    );
  });
});

describe('parseNumber: the cases mutation testing found untested', () => {
  it.each<[string, number | 'NaN']>([
    // Thousands groups: the first of one to three digits, every other of exactly three.
    ['1.2345.678', 'NaN'],
    ['1.234.5678', 'NaN'],
    ['12345.678.901', 'NaN'],
    ['1234.567.890', 'NaN'],
    ['12,34.5', 'NaN'],
    // Three digits after one separator group thousands only after one to three digits.
    ['123.456', 123456],
    ['1234.567', 1234.567],
    // Spaces group thousands only, in full: no digits left over on either side.
    ['1 500 5', 'NaN'],
    ['12 1 500', 'NaN'],
    ['1 500,25', 1500.25],
    ['1  500', 1500],
    ['12\u00a03', 'NaN'],
    ['1\u200b000', 1000],
    // Both separators: the integer part must be grouped, the decimals present.
    ['1,000.', 'NaN'],
    // Brackets and signs only around the whole number.
    ['(1.000)5', 'NaN'],
    ['(1.000 đ)', -1000],
    ['( 1.000 )', -1000],
    ['1-5', 'NaN'],
    // Digits beyond what a double holds.
    ['9'.repeat(400), 'NaN'],
  ])('"%s"', (text, value) => {
    expect(parseNumber(text)).toEqual(value === 'NaN' ? { ok: false, reason: 'not-a-number' } : { ok: true, value });
  });

  it('formats large numbers as JavaScript does, and keeps zeros inside the decimals', () => {
    expect(formatVnNumber(1.5e21)).toBe('1.5e+21');
    expect(formatVnNumber(1.05)).toBe('1,05');
    expect(formatVnNumber(10.502, 3)).toBe('10,502');
  });

  it('without decimals: rounded, no comma', () => {
    expect(formatVnNumber(1234.6, 0)).toBe('1.235');
    expect(formatVnNumber(-2.5, 0)).toBe('-3');
  });
});

describe('the largest amount and how a message shows a number', () => {
  it('10^15 đồng is 10^12 in nghìn đồng (the default unit) and 10^9 in triệu đồng', () => {
    expect(maxAmountIn('nghin-dong')).toBe(1e12);
    expect(maxAmountIn(undefined)).toBe(1e12);
    expect(maxAmountIn('trieu-dong')).toBe(1e9);
  });

  it('a number is shown grouped the Vietnamese way; one too long to group as JavaScript writes it', () => {
    expect(shownNumber(6000)).toBe('6.000');
    expect(shownNumber(-1234.5)).toBe('-1.234,5');
    expect(shownNumber(1e308)).toBe('1e+308');
    expect(shownNumber(-1e21)).toBe('-1e+21');
  });
});
