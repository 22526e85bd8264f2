/**
 * One "(cũ)" copy per sheet whatever the action (issue 20, deliverable 6), and the undo of the
 * last merge or ranking from that copy: what the action wrote becomes the copy, so undoing again
 * brings it back — nothing is lost either way.
 */
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import { allCopies } from '../../src/port/types';
import { ballotLayout, rankItemsFromSheet } from '../../src/workflow/ranking';
import { readYearState } from '../../src/year';
import { addSourceSheet } from '../workflow/helpers';

/** Two villages asking for the same seed support in other words: one merge offered. */
async function commune(): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromArrays({});
  await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp', [
    { activity: 'Cứng hóa kênh mương', unit: 'm', quantity: 200, contribution: 20000, support: 130000 },
    { activity: 'Hỗ trợ giống lúa mới năng suất cao', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 },
  ]);
  await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [
    { activity: 'Bê tông hóa đường liên thôn', unit: 'm', quantity: 300, contribution: 45000, support: 255000 },
    { activity: 'Hỗ trợ giống lúa mới năng suất cao', unit: 'kg', quantity: 200, contribution: 5000, support: 5000 },
  ]);
  return wb;
}

async function values(wb: MemoryWorkbook, sheet: string): Promise<unknown[][]> {
  const [d] = await wb.readSheets([sheet]);
  return d.values.map((r) => [...r]);
}

/** Every delegate marks the ballot's last activity: the ranking reorders the list. */
async function markLast(wb: MemoryWorkbook, ballot: string, participants: number): Promise<void> {
  const [ii6b] = await wb.readSheets(['II.6.B']);
  const items = rankItemsFromSheet(ii6b, 'II.6.B').items;
  const layout = ballotLayout(items, { kind: 'marks' }, { participants, sheetName: ballot, formId: 'II.6.B' });
  const t = layout.tables.find((x) => x.key === 'tally')!;
  const col = (key: string) => t.columns.find((c) => c.key === key)!.col;
  await wb.writeValues(Array.from({ length: participants }, (_, i) => ({ sheet: ballot, row: t.bodyRow + items.length - 1, col: col(`p${i + 1}`), values: [['/']] })));
}

describe('one "(cũ)" copy per sheet, whatever the action', () => {
  it('consolidating, merging and ranking twice leave one copy of each sheet, never "(cũ 2)"', async () => {
    const wb = await commune();
    const a = createActions(wb);
    await a.consolidate();
    const merged = await a.consolidate({ acceptMerges: 'all' });
    expect(merged.suggestions.length).toBeGreaterThan(0);
    const ballot = await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 2 });
    await markLast(wb, ballot.sheet, 2);
    await a.rankFromBallot({ ballotSheet: ballot.sheet });
    await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 2 });
    await markLast(wb, ballot.sheet, 2);
    const again = await a.rankFromBallot({ ballotSheet: ballot.sheet });
    expect(again.keptCopy).toBe('II.6.B (cũ)');
    await a.insertForm('II.9');
    await a.insertForm('II.9');
    const copies = allCopies(await wb.listSheets());
    expect(copies.filter((c) => / \(cũ \d+\)$/u.test(c))).toEqual([]);
    expect(new Set(copies).size).toBe(copies.length);
    expect(copies).toEqual(expect.arrayContaining(['II.6.B (cũ)', 'II.6.A (cũ)', 'II.9 (cũ)', `${ballot.sheet} (cũ)`.slice(0, 31)]));
  });
});

describe('undo of the last change', () => {
  it('a ranking: the list as before comes back, the ranked one becomes the copy, and undoing again redoes', async () => {
    const wb = await commune();
    const a = createActions(wb);
    await a.consolidate();
    expect((await a.lastChange())).toBeUndefined();
    const before = await values(wb, 'II.6.B');
    const ballot = await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 3 });
    await markLast(wb, ballot.sheet, 3);
    await a.rankFromBallot({ ballotSheet: ballot.sheet });
    const ranked = await values(wb, 'II.6.B');
    expect(ranked).not.toEqual(before);
    expect(readYearState(await wb.readState()).ballots[ballot.sheet].ranked?.participants).toBe(3);
    expect(await a.lastChange()).toMatchObject({ action: 'rank', sheets: ['II.6.B'] });

    expect(await a.undoLastChange()).toEqual({ action: 'rank', restored: ['II.6.B'] });
    expect(await values(wb, 'II.6.B')).toEqual(before);
    expect(await values(wb, 'II.6.B (cũ)')).toEqual(ranked);
    // The ranking is no longer counted in the year's state either.
    expect(readYearState(await wb.readState()).ballots[ballot.sheet].ranked).toBeUndefined();

    await a.undoLastChange();
    expect(await values(wb, 'II.6.B')).toEqual(ranked);
    expect(readYearState(await wb.readState()).ballots[ballot.sheet].ranked?.participants).toBe(3);
  });

  it('a merge: every plan sheet and the accepted merges as before', async () => {
    const wb = await commune();
    const a = createActions(wb);
    await a.consolidate();
    const before = await values(wb, 'II.4.B');
    const acceptedBefore = (await wb.readState()).extra?.acceptedMerges;
    await a.consolidate({ acceptMerges: 'all' });
    const mergedRows = await values(wb, 'II.4.B');
    expect(mergedRows).not.toEqual(before);
    expect((await wb.readState()).extra?.acceptedMerges).not.toEqual(acceptedBefore);
    const r = await a.undoLastChange();
    expect(r?.action).toBe('consolidate');
    expect(r?.restored).toEqual(expect.arrayContaining(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C']));
    expect(await values(wb, 'II.4.B')).toEqual(before);
    expect((await wb.readState()).extra?.acceptedMerges).toEqual(acceptedBefore);
    // A copy deleted since: nothing to undo, nothing touched.
    await wb.deleteSheets(['II.4.B (cũ)']);
    expect(await a.undoLastChange()).toBeUndefined();
    expect(await values(wb, 'II.4.B')).toEqual(before);
  });
});
