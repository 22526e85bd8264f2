/**
 * Forms printed as they will be signed (issue 22, item 5): no form so wide that fitting it to its
 * A4 page shrinks its text under 9 pt; a row's height counted from its text wrapped word by word,
 * capitals wider (a title in capitals never clipped); the letterhead's rules centred under its lines.
 */
import { getForm } from '../../src/forms/registry';
import { FORM_IDS } from '../../src/forms/types';
import { MIN_PRINTED_PT, layoutForm, linesFor, printedSize, ruleSpan } from '../../src/layout/engine';

describe('printed size', () => {
  it.each([...FORM_IDS])('%s prints at 9 pt or more across A4', (id) => {
    const form = getForm(id);
    const l = layoutForm(form);
    const chars = l.columnWidths.slice(0, l.print.area.cols).reduce((s, w) => s + w, 0);
    expect(printedSize(chars, form.orientation)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
  });
});

describe('lines of wrapped text', () => {
  it('a title in capitals takes more lines than the same words in small letters', () => {
    const title = 'TÌNH HÌNH THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG NĂM X VÀ KẾ HOẠCH THỰC HIỆN NĂM X+1';
    expect(linesFor(title, 80)).toBe(2);
    expect(linesFor(title.toLocaleLowerCase('vi'), 80)).toBe(1);
  });

  it('wraps word by word: a word that does not fit starts the next line', () => {
    // 9 + 1 + 9 characters in a column of 16 usable: two lines, where a count of letters gives one.
    expect(linesFor('abcdefghi abcdefghi', 14.5)).toBe(2);
    expect(linesFor('Ngân sách (đã rõ nguồn vốn)', 9, true)).toBeGreaterThanOrEqual(3);
  });
});

describe('letterhead rules', () => {
  it('cover whole columns near the share asked, centred under their block', () => {
    const grid = [4, 26, 11, 15, 13, 21];
    expect(ruleSpan(grid, 2, 4, 0.5)).toEqual({ col: 3, span: 2 });
    const r = ruleSpan(grid, 0, 2, 0.45);
    expect(r.span).toBe(1);
  });

  it('II.2 prints a rule row under the body and the motto, the date in italics', () => {
    const l = layoutForm(getForm('II.2'));
    const rules = l.cells.filter((c) => c.style === 'rule');
    expect(new Set(rules.map((c) => c.row)).size).toBe(1);
    expect(l.rowHeights[rules[0].row]).toBeLessThanOrEqual(3);
    const date = l.cells.find((c) => typeof c.value === 'string' && /ngày/u.test(c.value) && c.style === 'letterheadDate');
    expect(date).toBeDefined();
    expect(l.styles.letterheadDate.italic).toBe(true);
    expect(l.styles.letterheadBold.size).toBe(13);
  });
});
