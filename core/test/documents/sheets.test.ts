/**
 * II.2 dated from the seven-step checklist, and II.8 rolled up from the villages' I.1: the sheets
 * as they are written, read back with LKH's own reader. Expected dates follow the handbook's times
 * for the commune (SPEC §2: week n of a month is days 7n-6..7n, the work done in year X = 2026).
 */
import { readSheet } from '../../src/reader/read';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { SOURCES_HEADER, basicDataLayout, ii8FromI1, rollUpBasicData, scheduleLayout, scheduleLines } from '../../src/documents';
import { formatVnNumber } from '../../src/text';
import { EMPTY_CHECKLIST_STATE, readChecklistState, setOverride, writeChecklistState } from '../../src/year';
import type { FormReading } from '../../src/model/types';
import { demoVillages, villageFigures, villageI1File } from './plans';

async function sheetValues(layout: Parameters<MemoryWorkbook['createSheet']>[0]) {
  const wb = new MemoryWorkbook();
  await wb.createSheet(layout);
  const [data] = await wb.readSheets([layout.name]);
  return data;
}

const text = (values: readonly (readonly unknown[])[]) => values.flat().filter((v): v is string => typeof v === 'string');

describe('II.2: the directive and its calendar for the plan year', () => {
  it('dates the 15 activities from the commune steps of the handbook for 2027 (work in 2026)', () => {
    const lines = new Map(scheduleLines(2027).map((l) => [l.key, l]));
    expect(lines.size).toBe(15);
    // Step 1.1: "Chậm nhất vào tuần thứ 3 tháng 4" (L474).
    expect(lines.get('s1')).toMatchObject({ start: '2026-04-01', end: '2026-04-21', time: '01/04 – 21/04/2026' });
    // Activity 3 keeps the form's "Tháng 4".
    expect(lines.get('s3')).toMatchObject({ start: '2026-04-01', end: '2026-04-30' });
    // Step 1.3: the kick-off meeting in the first week of May.
    expect(lines.get('s5')).toMatchObject({ start: '2026-05-01', end: '2026-05-07' });
    // Step 2.1: the villages' forms by the end of week 3 of May.
    expect(lines.get('s6')).toMatchObject({ end: '2026-05-21' });
    // Step 4.1: the conference "chậm nhất vào cuối tuần thứ 2 tháng 6".
    expect(lines.get('s10')).toMatchObject({ start: '2026-06-08', end: '2026-06-14' });
    // Step 6.2: feedback to the community in November-December; step 7 before 31/12.
    expect(lines.get('s13')).toMatchObject({ start: '2026-11-01', end: '2026-12-31' });
    expect(lines.get('s15')).toMatchObject({ end: '2026-12-31' });
  });

  it('takes the dates the commune changed in the checklist', () => {
    const state = writeChecklistState({ planYear: 2027, unitName: 'Xã Tân Lập' }, setOverride(EMPTY_CHECKLIST_STATE, 'buoc4.1', { start: '2026-06-12', end: '2026-06-12' }));
    const lines = new Map(scheduleLines(2027, readChecklistState(state).overrides).map((l) => [l.key, l]));
    expect(lines.get('s10')).toMatchObject({ start: '2026-06-12', end: '2026-06-12', time: '12/06/2026', overridden: true });
    const layout = scheduleLayout(state, 2027);
    expect(layout.cells.some((c) => c.value === '12/06/2026')).toBe(true);
  });

  it('is the II.2 sheet with its blanks filled, read back as II.2', async () => {
    const data = await sheetValues(scheduleLayout({ planYear: 2027, unitName: 'Xã Tân Lập' }, 2027));
    expect(readSheet(data).reading?.formId).toBe('II.2');
    const all = text(data.values);
    expect(all).toContain('XÃ TÂN LẬP');
    expect(all).toContain('lập kế hoạch năm 2027');
    expect(all.some((t) => t.includes('trước ngày 21/05/2026 để tổng hợp'))).toBe(true);
    expect(all.some((t) => t.startsWith('Tân Lập, ngày ...... tháng ...... năm 2026'))).toBe(true);
    for (const l of scheduleLines(2027)) expect(all).toContain(l.time);
    // The result of activity 6 names what the villages send (step 2.1's forms).
    expect(all).toContain('Biểu I.1, I.2, I.3, I.4');
    // The handbook's own results for activities 1-5 are kept.
    expect(all).toContain('Hoàn thành phiếu đánh giá quá trình LKH năm trước');
  });
});

describe('II.8: the commune basic data from the villages’ I.1', () => {
  let readings: FormReading[];
  const villages = demoVillages();
  beforeAll(async () => {
    readings = [];
    for (const [i, v] of villages.entries()) {
      const wb = await XlsxWorkbook.loadForReading(await villageI1File(v, villageFigures(i)));
      readings.push(...(await readWorkbook(wb, { file: `${v}.xlsx` })).readings);
    }
  });

  it('pairs the indicators that add up, and only those', () => {
    const pairs = ii8FromI1();
    expect(pairs.get('households')).toBe('I.6');
    expect(pairs.get('poor-households')).toBe('I.7');
    expect(pairs.get('population')).toBe('I.5');
    expect(pairs.get('agricultural-land')).toBe('I.1');
    expect(pairs.get('working-age-male')).toBe('I.9-nam');
    // "- …" (each village its own group) and "Chăn nuôi" (a heading) are not summed; nor is Part II.
    expect(pairs.has('population-other')).toBe(false);
    expect(pairs.has('livestock')).toBe(false);
    expect(pairs.has('paved-roads')).toBe(false);
  });

  it('sums each indicator over the villages, says which villages, and leaves the rest blank', async () => {
    expect(villages.length).toBe(6);
    const rollup = rollUpBasicData(readings);
    expect(rollup.villages).toEqual(villages);
    expect(rollup.issues).toEqual([]);
    const line = (k: string) => rollup.lines.find((l) => l.key === k);
    const expected = (k: string) => villages.reduce((s, _v, i) => s + villageFigures(i)[k], 0);
    expect(line('households')?.value).toBe(expected('I.6'));
    expect(line('poor-households')?.value).toBe(expected('I.7'));
    expect(line('population')?.value).toBe(expected('I.5'));
    expect(line('forestry-land')?.value).toBeCloseTo(expected('I.2'), 6);
    expect(line('households')?.figures.map((f) => f.village)).toEqual(villages);
    expect(line('households')?.figures[0].where).toMatch(/^Thôn .*\.xlsx — I\.1!D\d+$/);
    expect(line('population-other')?.value).toBeUndefined();
    expect(line('cattle')?.value).toBeUndefined();

    const data = await sheetValues(basicDataLayout(rollup, { planYear: 2027, communeName: 'Xã Tân Lập' }));
    const read = readSheet(data).reading;
    expect(read?.formId).toBe('II.8');
    expect(read?.fixedValues.households?.value).toBe(expected('I.6'));
    expect(read?.fixedValues['poor-households']?.value).toBe(expected('I.7'));
    // Part II is the commune's: blank.
    expect(read?.fixedValues['paved-roads']?.value ?? null).toBeNull();
    // Beside the printed area, every value names its villages and their figures.
    const all = text(data.values);
    expect(all).toContain(SOURCES_HEADER);
    const households = all.find((t) => t.startsWith(`${villages[0]} ${formatVnNumber(villageFigures(0)['I.6'])} + `));
    expect(households).toBeDefined();
    for (const [i, v] of villages.entries()) expect(households).toContain(`${v} ${formatVnNumber(villageFigures(i)['I.6'])}`);
  });

  it('counts a village once: a copy once, two different versions not at all (named)', async () => {
    const copy = rollUpBasicData([...readings, readings[0]]);
    expect(copy.lines.find((l) => l.key === 'households')?.value).toBe(rollUpBasicData(readings).lines.find((l) => l.key === 'households')?.value);
    const other = await XlsxWorkbook.loadForReading(await villageI1File(villages[0], { ...villageFigures(0), 'I.6': 999 }));
    const twice = rollUpBasicData([...readings, ...(await readWorkbook(other, { file: 'ban-sua.xlsx' })).readings]);
    expect(twice.villages).not.toContain(villages[0]);
    expect(twice.issues.join(' ')).toContain(`${villages[0]} có 2 Biểu I.1 khác nhau`);
    const sum = villages.slice(1).reduce((s, _v, i) => s + villageFigures(i + 1)['I.6'], 0);
    expect(twice.lines.find((l) => l.key === 'households')?.value).toBe(sum);
  });
});
