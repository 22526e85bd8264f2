/**
 * The sheet list and names remembered within a call (server/sheet-cache.ts): SheetsWorkbook over it
 * behaves as over the spreadsheet itself, with a constant number of getSheets/getName calls per
 * sheet instead of one per lookup, and sheets go back to Apps Script unwrapped.
 */
import { CachedSheet, CachedSpreadsheet } from '../src/server/sheet-cache';
import { SheetsWorkbook } from '../src/server/sheets-port';
import { communeVillages } from './data';
import { FakeSheet, FakeSpreadsheet } from './fake-spreadsheet';

function counting(ss: FakeSpreadsheet) {
  const counts = { getSheets: 0, getName: 0 };
  const getSheets = ss.getSheets.bind(ss);
  ss.getSheets = () => {
    counts.getSheets++;
    return getSheets().map((s) => {
      const getName = FakeSheet.prototype.getName;
      s.getName = function (this: FakeSheet) {
        counts.getName++;
        return getName.call(this);
      };
      return s;
    });
  };
  return counts;
}

describe('CachedSpreadsheet', () => {
  it('keeps the list and names right through insert, rename, copy and delete', async () => {
    const ss = FakeSpreadsheet.fromArrays({ A: [['a']], B: [['b']] });
    const cached = new CachedSpreadsheet(ss);
    const port = new SheetsWorkbook(cached, ss.properties, ss.host());
    const [layout] = communeVillages(0, 1);
    await port.createSheet({ ...layout, name: 'A' });
    expect(await port.listSheets()).toEqual(['A (cũ)', 'B', 'A']);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A (cũ)', 'B', 'A']);
    await port.copySheet('B', 'B2');
    expect(await port.listSheets()).toEqual(['A (cũ)', 'B', 'A', 'B2']);
    expect(ss.sheet('B2').getDataRange().getValues()).toEqual([['b']]);
    const b2 = cached.getSheets()[3];
    expect(b2).toBeInstanceOf(CachedSheet);
    cached.deleteSheet(b2);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A (cũ)', 'B', 'A']);
    expect(cached.getSheets().map((s) => s.getName())).toEqual(['A (cũ)', 'B', 'A']);
  });

  it('asks Apps Script for the list once and each name once, however many lookups', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `Trang ${i}`);
    const ss = FakeSpreadsheet.fromArrays(Object.fromEntries(names.map((n) => [n, [[n]]])));
    const counts = counting(ss);
    const port = new SheetsWorkbook(new CachedSpreadsheet(ss), ss.properties, ss.host());
    const data = await port.readSheets(names);
    expect(data.map((d) => d.values[0][0])).toEqual(names);
    expect(counts.getSheets).toBe(1);
    expect(counts.getName).toBe(60);
    // The same reads straight over the spreadsheet: a list and every name per lookup.
    const direct = FakeSpreadsheet.fromArrays(Object.fromEntries(names.map((n) => [n, [[n]]])));
    const directCounts = counting(direct);
    await new SheetsWorkbook(direct, direct.properties, direct.host()).readSheets(names);
    expect(directCounts.getSheets).toBe(60);
    expect(directCounts.getName).toBeGreaterThan(60 * 30);
  });
});
