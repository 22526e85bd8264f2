/**
 * Text as LKH writes it into a file's XML (core/src/text/xml-chars.ts), character by character at
 * the edges of each range: what a village name holding a control character, half of an emoji or a
 * typed "_x0041_" becomes in a spreadsheet cell (xlsxText) and in a Word document (xmlSafe). The
 * whole-file round trips are core/test/port/xml-text.test.ts; these are the exact strings, fast
 * enough for a mutation run.
 */
import { REPLACEMENT, xlsxReadBack, xlsxText, xmlSafe } from '../../src/text';

const R = REPLACEMENT;

describe('xlsxText: the characters Excel writes as _xHHHH_', () => {
  it.each<[string, string]>([
    ['\u0000', '_x0000_'],
    ['\u0008', '_x0008_'],
    ['\u000b', '_x000B_'],
    ['\u001f', '_x001F_'],
    // A carriage return would come back as a line feed: escaped. Tab and line feed are kept.
    ['\r', '_x000D_'],
    ['\t', '\t'],
    ['\n', '\n'],
    ['\u007f', '_x007F_'],
    ['\ufffe', '_xFFFE_'],
    ['\uffff', '_xFFFF_'],
  ])('Thôn %j', (c, written) => {
    expect(xlsxText(`Thôn ${c}A`)).toBe(`Thôn ${written}A`);
    expect(xlsxText(c)).toBe(written);
  });

  it('keeps the characters just outside those ranges', () => {
    expect(xlsxText(' ~\u0080\u00a0\ufffd\ufeff')).toBe(' ~\u0080\u00a0\ufffd\ufeff');
    // Beside a character that is escaped, so that the quick test does not return the text as it was.
    expect(xlsxText('\u0001 ~\u0080\ufffd\ufffc')).toBe('_x0001_ ~\u0080\ufffd\ufffc');
    expect(xlsxText('\ue000\u0001\ud7ff')).toBe('\ue000_x0001_\ud7ff');
  });
});

describe('xlsxText: a literal escape typed in a cell', () => {
  it.each<[string, string]>([
    ['_x0041_', '_x005F_x0041_'],
    ['_X0041_', '_x005F_X0041_'],
    ['_x09af_', '_x005F_x09af_'],
    ['_xAF90_', '_x005F_xAF90_'],
    ['_xaBcD_', '_x005F_xaBcD_'],
    ['Thôn_xFFFE_Nà', 'Thôn_x005F_xFFFE_Nà'],
    ['_x005F_', '_x005F_x005F_'],
    // Not an escape: a character that is no hex digit (just past 9, before A, past F, before a, past f),
    // one digit short, no closing underscore, no x.
    ['_x/041_', '_x/041_'],
    ['_x:041_', '_x:041_'],
    ['_x@041_', '_x@041_'],
    ['_xG041_', '_xG041_'],
    ['_x`041_', '_x`041_'],
    ['_xg041_', '_xg041_'],
    ['_x004G_', '_x004G_'],
    ['_x041_', '_x041_'],
    ['_x0041', '_x0041'],
    ['_x0041 ', '_x0041 '],
    ['_y0041_', '_y0041_'],
    // Only an underscore begins an escape: a letter before "x0041_" is kept.
    ['Thônx0041_', 'Thônx0041_'],
    ['__x0041_', '__x005F_x0041_'],
    ['Thôn_Bản_2', 'Thôn_Bản_2'],
  ])('%j → %j', (typed, written) => {
    expect(xlsxText(typed)).toBe(written);
  });

  it('escapes the underscore of "_x1234" before a character written as an escape, which would close it', () => {
    expect(xlsxText('_x1234\u001b')).toBe('_x005F_x1234_x001B_');
    expect(xlsxText('_x1234\r')).toBe('_x005F_x1234_x000D_');
    expect(xlsxText('_x1234\u007f')).toBe('_x005F_x1234_x007F_');
    expect(xlsxText('_x1234\uffff')).toBe('_x005F_x1234_xFFFF_');
    // A tab or a line feed is written as itself: nothing closes the escape.
    expect(xlsxText('_x1234\t')).toBe('_x1234\t');
    expect(xlsxText('_x1234\n')).toBe('_x1234\n');
  });

  it('looks at each underscore in turn: an escape later in the text, two in a row', () => {
    expect(xlsxText('a_b_x00FF_')).toBe('a_b_x005F_x00FF_');
    expect(xlsxText('_x0041__x0042_')).toBe('_x005F_x0041__x005F_x0042_');
  });
});

describe('lone surrogates (half of a character)', () => {
  it.each<[string, string]>([
    ['\ud800', R],
    ['\udbff', R],
    ['\udc00', R],
    ['\udfff', R],
    ['\ud800\udc00', '\ud800\udc00'],
    ['\udbff\udfff', '\udbff\udfff'],
    ['😀', '😀'],
    // A high half followed by a character that is no low half, and a low half with no high half before it.
    ['\udbff\ue000', `${R}\ue000`],
    ['\ud800\ud7ff', `${R}\ud7ff`],
    ['a\udc00', `a${R}`],
    ['\ue000\udfff', `\ue000${R}`],
    ['\udc00\ud800', `${R}${R}`],
    ['\ud800\ud800\udc00', `${R}\ud800\udc00`],
    ['\ud800\udc00\udc00', `\ud800\udc00${R}`],
  ])('%j', (text, out) => {
    expect(xlsxText(text)).toBe(out);
    expect(xmlSafe(text)).toBe(out);
    expect(xlsxReadBack(text)).toBe(out);
  });

  it('xlsxReadBack keeps everything else, forbidden characters included (they read back as written)', () => {
    expect(xlsxReadBack('Thôn\u0001 _x0041_ \ufffe\r')).toBe('Thôn\u0001 _x0041_ \ufffe\r');
    expect(xlsxReadBack('')).toBe('');
  });
});

describe('xmlSafe: Word documents have no escape', () => {
  it.each<[string, string]>([
    ['\u0000', R],
    ['\u0001', R],
    ['\u001f', R],
    ['\u000b', R],
    ['\ufffe', R],
    ['\uffff', R],
    ['\t', '\t'],
    ['\n', '\n'],
    ['\r', '\r'],
    [' ', ' '],
    ['\u007f', '\u007f'],
    ['\ufffd', '\ufffd'],
    ['_x0041_', '_x0041_'],
  ])('%j', (c, out) => {
    expect(xmlSafe(`Thôn ${c}\u0001`)).toBe(`Thôn ${out}${R}`);
    expect(xmlSafe(c)).toBe(out);
  });

  it('returns ordinary text as it is', () => {
    expect(xmlSafe('Nhà văn hóa thôn Nà Hin, 5 000 m²')).toBe('Nhà văn hóa thôn Nà Hin, 5 000 m²');
    expect(xmlSafe('')).toBe('');
  });
});
