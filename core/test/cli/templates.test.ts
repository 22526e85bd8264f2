/**
 * The committed templates/ are what the catalogue generates today for the plan being made now
 * (regenerate with `npm run templates`): the edition of its period, without the forms that period
 * does not use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formEdition, notInPeriod } from '../../src/forms/editions';
import { forms } from '../../src/forms/registry';
import { currentPlanYear, periodOfYear } from '../../src/reference';
import { layoutForm } from '../../src/layout/engine';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const DIR = join(__dirname, '..', '..', '..', 'templates');

const PERIOD = periodOfYear(currentPlanYear()).period;

describe(`committed templates (giai đoạn ${PERIOD})`, () => {
  it.each([...forms().keys()])('%s.xlsx matches the catalogue', async (id) => {
    const handbook = forms().get(id);
    if (!handbook) throw new Error(id);
    if (notInPeriod(id, PERIOD)) {
      expect(existsSync(join(DIR, `${id}.xlsx`))).toBe(false);
      return;
    }
    const form = formEdition(handbook, PERIOD);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(join(DIR, `${id}.xlsx`))));
    const [sheet] = await wb.readSheets([id]);
    const layout = layoutForm(form, { sheetName: id });
    const expected = layout.cells.filter((c) => c.value !== null && c.value !== '').map((c) => [c.row, c.col, c.value]);
    const actual: [number, number, unknown][] = [];
    sheet.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '') actual.push([sheet.top + i, sheet.left + j, v]);
      }),
    );
    const sort = (xs: unknown[][]) => [...xs].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
    expect(sort(actual)).toEqual(sort(expected));
    expect(sheet.merges.length).toBe(layout.merges.length);
  });
});
