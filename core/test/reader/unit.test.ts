/** One key for a village however its sheets write it (rule 8, the checklist, II.1's evidence). */
import { villageKey } from '../../src/reader/unit';

describe('villageKey', () => {
  it('is the same for the names a village is written with', () => {
    expect(villageKey('Thôn Nà Lìu')).toBe(villageKey('thon na liu'));
    expect(villageKey('Nà Lìu')).toBe(villageKey('THÔN NÀ LÌU'));
    // A minutes' letterhead "Thôn Bản Chang" and the I.1 field "Bản Chang" are one village.
    expect(villageKey('Thôn Bản Chang')).toBe(villageKey('Bản Chang'));
    expect(villageKey('Xóm 3')).toBe(villageKey('3'));
  });

  it('tells different villages apart and keeps a name that is only a kind word', () => {
    expect(villageKey('Thôn Nà Hin')).not.toBe(villageKey('Thôn Nà Lìu'));
    expect(villageKey('Thôn')).toBe('thon');
  });
});
