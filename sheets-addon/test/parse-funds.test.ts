/**
 * The funds the upper level types in the sidebar (Cấp trên) are read as the CLI's --funds and every
 * amount of the forms are (core's parseNumber): Vietnamese and English separators and spaces.
 * The same texts run through `lkh district --funds` in core/test/cli/district.test.ts.
 */
import { parseFunds } from '../src/sidebar/UpperLevelScreen';

describe('parseFunds (sidebar, Cấp trên)', () => {
  it.each<[string, number]>([
    ['1.000', 1000],
    ['1,000', 1000],
    ['12,000', 12000],
    ['1 500', 1500],
    ['1\u00a0500', 1500],
    ['1.500,5', 1500.5],
    ['1,500.5', 1500.5],
    ['1500,5', 1500.5],
    ['1500.5', 1500.5],
    ['0,5', 0.5],
    ['  700 ', 700],
    ['0', 0],
  ])('"%s" is %d triệu đồng', (typed, value) => {
    expect(parseFunds(typed)).toBe(value);
  });

  it.each(['', '   '])('"%s" is no funds (the roll-up goes without)', (typed) => {
    expect(parseFunds(typed)).toBeUndefined();
  });

  it.each(['nhiều', '-5', '1.5.0', '12/2027', '50%', '1 5 0 0'])('"%s" is refused (NaN: the field says so and the button waits)', (typed) => {
    expect(parseFunds(typed)).toBeNaN();
  });
});
