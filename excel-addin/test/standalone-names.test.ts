/**
 * The standalone page's "Mở tệp" and "Dùng thử với xã mẫu" name tabs as every pane does
 * (core/src/app/tab-names.ts): the source tab's own name with its diacritics, the unit added only
 * when the tab does not name it, 31 characters at most, never a word cut in the middle.
 */
import { getForm } from '../../core/src/forms/registry';
import { layoutForm } from '../../core/src/layout/engine';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { loadDemo, openFiles } from '../src/standalone-workbook';

async function villageFile(unitName: string, tabs: readonly string[]): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  for (const sheetName of tabs) await wb.createSheet(layoutForm(getForm('I.2'), { planYear: 2027, unitName, sheetName }));
  return wb.save();
}

const fits = (name: string) => {
  expect([...name].length).toBeLessThanOrEqual(31);
  if (name.includes('…')) expect(name).toMatch(/[^\s…]…/u);
};

describe('standalone page: names of the tabs opened', () => {
  it('opens several village files keeping their tab names', async () => {
    const opened = await openFiles([
      { name: 'thon-b.xlsx', bytes: await villageFile('Thôn B', ['Thôn B']) },
      { name: 'Thon-Pac-Ngoi.xlsx', bytes: await villageFile('Thôn Pác Ngòi', ['I.2 - Trồng trọt', 'I.2 - Giao thông']) },
    ]);
    expect(opened.sheets).toEqual(['Thôn B', 'Thôn Pác Ngòi - I.2 Trồng trọt', 'Thôn Pác Ngòi - I.2 Giao thông']);
  });

  it('names the demo commune the same way: units with diacritics, 31 characters, no word cut', async () => {
    const demo = await loadDemo();
    expect(demo.sheets).toContain('Thôn Nà Lìu - I.2 - Giao thông');
    expect(demo.sheets).toContain('Tỉnh Lào Cai - III.1');
    expect(demo.sheets.some((s) => /^thon|^Thon-/u.test(s))).toBe(false);
    for (const s of demo.sheets) fits(s);
    expect(new Set(demo.sheets).size).toBe(demo.sheets.length);
  });
});
