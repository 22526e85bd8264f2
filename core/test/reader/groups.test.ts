/** An activity typed above the "Không cần / Cần nguồn vốn bên ngoài" rows is read, grouped by its money, and reported. */
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';

it('reports an activity outside the group rows, keeps it and groups it by its money', async () => {
  const wb = MemoryWorkbook.fromArrays({});
  const row = (activity: string, support: number) => ({
    kind: 'data' as const,
    values: { activity, unit: 'm', quantity: 10, time: 'Q.II/2027', place: 'Thôn A', responsible: 'Trưởng thôn', total: 1000 + support, contribution: 1000, support, note: null },
  });
  await wb.createSheet(
    layoutForm(getForm('I.2'), {
      unitName: 'Thôn A',
      sheetName: 'I.2',
      body: {
        activities: [
          row('Làm rãnh thoát nước', 4000),
          { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
          row('Nạo vét mương', 0),
          { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ],
      },
    }),
  );
  const r = await readWorkbook(wb);
  const [i2] = r.readings;
  expect(i2.activities.map((a) => [a.activity, a.group])).toEqual([
    ['Làm rãnh thoát nước', undefined],
    ['Nạo vét mương', 'no-outside-money'],
  ]);
  const f = r.findings.find((x) => x.code === 'ACTIVITY_OUTSIDE_GROUP');
  expect(f).toMatchObject({ sheet: 'I.2', cell: `A${i2.activities[0].source.row + 1}`, severity: 'warning' });
  expect(f?.message).toContain('Làm rãnh thoát nước');
});
