/** The kept copies of replaced sheets ("II.4.B (cũ)", "(cũ 2)"…) found by name, and the rule every adapter applies before deleting sheets. */
import { PortError, checkDeletion } from '../../src/port/memory';
import { allCopies, copiesOf, copyName, isCopyName } from '../../src/port';

/** The names copyName gives sheet `name` over `n` re-runs, each run keeping the sheet replaced. */
function afterRuns(name: string, n: number, others: readonly string[] = []): string[] {
  const names = [...others, name];
  for (let i = 0; i < n; i++) names.splice(names.indexOf(name), 1, copyName(name, names), name);
  return names;
}

describe('kept copies', () => {
  it('finds every copy copyName made of a sheet, in tab order', () => {
    const names = afterRuns('II.4.B', 3, ['Thôn A', 'II.4.A']);
    expect(names).toEqual(['Thôn A', 'II.4.A', 'II.4.B (cũ)', 'II.4.B (cũ 2)', 'II.4.B (cũ 3)', 'II.4.B']);
    expect(copiesOf('II.4.B', names)).toEqual(['II.4.B (cũ)', 'II.4.B (cũ 2)', 'II.4.B (cũ 3)']);
    expect(copiesOf('II.4.A', names)).toEqual([]);
    expect(copiesOf('Không có', names)).toEqual([]);
  });

  it('ignores case, as the hosts compare sheet names, and a decomposed "ũ"', () => {
    const names = ['ii.4.b (CŨ)', 'II.4.B (Cũ 2)', 'II.4.B (cu\u0303 3)', 'II.4.B'];
    expect(copiesOf('II.4.b', names)).toEqual(['ii.4.b (CŨ)', 'II.4.B (Cũ 2)', 'II.4.B (cu\u0303 3)']);
    expect(allCopies(names)).toEqual(['ii.4.b (CŨ)', 'II.4.B (Cũ 2)', 'II.4.B (cu\u0303 3)']);
  });

  it('finds the copies of a long name, cut to 31 characters as copyName cuts it', () => {
    const long = 'Thôn Đồng Tâm - II.4.B (bản 2)';
    const names = afterRuns(long, 11);
    expect(names.slice(0, 3)).toEqual([`${long.slice(0, 26)} (cũ)`, `${long.slice(0, 24)} (cũ 2)`, `${long.slice(0, 24)} (cũ 3)`]);
    expect(names[9]).toBe(`${long.slice(0, 23)} (cũ 10)`);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(copiesOf(long, names)).toEqual(names.slice(0, 11));
    // A sheet whose name begins like the long one, not cut as copyName would cut it, is no copy of it.
    expect(copiesOf(long, [`${long.slice(0, 20)} (cũ)`, `${long} (cũ)`])).toEqual([]);
  });

  it('takes no other sheet for a copy: a sheet of the same stem, a copy of a copy, a near miss', () => {
    const names = ['II.4.B', 'II.4.B (cũ) (cũ)', 'II.4.B (cũ 1)', 'II.4.B (cũ 02)', 'II.4.B(cũ)', 'II.4.B (cũ 2) ', 'II.4.B (mới)', 'II.4.BB (cũ)', 'XII.4.B (cũ)'];
    expect(copiesOf('II.4.B', names)).toEqual([]);
    expect(copiesOf('II.4.B (cũ)', names)).toEqual(['II.4.B (cũ) (cũ)']);
    expect(allCopies(names)).toEqual(['II.4.B (cũ) (cũ)', 'II.4.BB (cũ)', 'XII.4.B (cũ)']);
  });

  it('never counts the sheet itself, even when its own name has the shape of its copy', () => {
    // 26 characters then " (cũ)": copyName(name) would give the name itself, which is taken, so it gives "(cũ 2)".
    const name = `${'Kế hoạch thôn Đồng Tâm năm'.padEnd(26, '.')} (cũ)`;
    expect(name.length).toBe(31);
    expect(copyName(name, [name])).toBe(`${name.slice(0, 24)} (cũ 2)`);
    expect(copiesOf(name, [name, `${name.slice(0, 24)} (cũ 2)`])).toEqual([`${name.slice(0, 24)} (cũ 2)`]);
  });

  it('tells a copy by its name', () => {
    expect(isCopyName('II.4.B (cũ)')).toBe(true);
    expect(isCopyName('II.4.B (cũ 2)')).toBe(true);
    expect(isCopyName('II.4.B (CŨ 12)')).toBe(true);
    expect(isCopyName('II.4.B')).toBe(false);
    expect(isCopyName(' (cũ)')).toBe(false);
    expect(isCopyName('II.4.B (cũ 1)')).toBe(false);
    expect(isCopyName('II.4.B (cũ 0)')).toBe(false);
    expect(isCopyName('II.4.B (cũ)x')).toBe(false);
    expect(isCopyName('II.4.B (cu)')).toBe(false);
    expect(allCopies([])).toEqual([]);
  });
});

describe('checkDeletion', () => {
  const sheets = [
    { name: 'A', hidden: false },
    { name: 'B (cũ)', hidden: false },
    { name: 'Ẩn', hidden: true },
    { name: '_lkh', hidden: true },
  ];

  it('gives each sheet once, under its own name, in the order asked', () => {
    expect(checkDeletion(['ẩn', 'b (CŨ)', 'B (cũ)'], sheets)).toEqual(['Ẩn', 'B (cũ)']);
    expect(checkDeletion([], [])).toEqual([]);
  });

  it('refuses unknown and internal names', () => {
    expect(() => checkDeletion(['A', 'Z'], sheets)).toThrow(new PortError('SHEET_NOT_FOUND', 'Không có trang tính "Z".'));
    expect(() => checkDeletion(['_LKH'], sheets)).toThrow('Không có trang tính "_LKH".');
  });

  it('refuses to leave no visible user sheet (a visible internal sheet does not count)', () => {
    let error: unknown;
    try {
      checkDeletion(['A', 'B (cũ)'], [...sheets, { name: '_lkh_lists', hidden: false }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code: 'SHEET_LAST_VISIBLE', message: 'Không xóa được "A", "B (cũ)": sổ làm việc phải còn ít nhất một trang tính không ẩn.' });
    expect(checkDeletion(['A'], sheets)).toEqual(['A']);
  });
});
