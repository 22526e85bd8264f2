import { CATALOGUE } from '../src/forms/catalogue';
import { buildRegistry, formTexts, forms } from '../src/forms/registry';
import { FORM_IDS } from '../src/forms/types';
import { handbookText, normaliseForFidelity } from './handbook';

const handbook = normaliseForFidelity(handbookText());

describe('form catalogue', () => {
  it('holds every form of Part II and checks clean', () => {
    expect([...forms().keys()].sort()).toEqual([...FORM_IDS].sort());
  });

  it.each(CATALOGUE.map((f) => [f.id, f] as const))('%s: every text is the handbook wording', (_id, form) => {
    const own = new Set((form.ownText ?? []).map((o) => o.text));
    const missing = formTexts(form)
      .filter((t) => !own.has(t))
      .filter((t) => !handbook.includes(normaliseForFidelity(t)));
    expect(missing).toEqual([]);
  });

  it.each(CATALOGUE.map((f) => [f.id, f] as const))('%s: ownText entries are really not in the handbook and are used', (_id, form) => {
    const texts = new Set(formTexts(form));
    for (const o of form.ownText ?? []) {
      expect(texts.has(o.text)).toBe(true);
      expect(o.reason.length).toBeGreaterThan(10);
    }
  });

  it('rejects a broken catalogue with every problem listed', () => {
    const first = CATALOGUE.find((f) => f.id === 'I.2');
    if (!first) throw new Error('I.2 missing');
    const broken = {
      ...first,
      blocks: first.blocks.map((b) =>
        b.kind === 'table' ? { ...b, labelColumn: 'nope', columns: [...b.columns, b.columns[0]] } : b,
      ),
    };
    expect(() => buildRegistry([first, broken])).toThrow(/trùng mã/);
    expect(() => buildRegistry([first, broken])).toThrow(/labelColumn "nope"/);
    expect(() => buildRegistry([broken])).toThrow(/cột "[a-z]+" trùng khóa/);
  });
});
