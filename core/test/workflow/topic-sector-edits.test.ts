/**
 * The commune's corrections to topic and sector are its own columns (issue 12, deliverable 2):
 * a row the commune moves under another topic heading of II.4.B, a Ngành/Lĩnh vực it retypes in
 * II.4.B or II.6.A, stay as the commune left them on the next consolidation and the ones after
 * (rows matched by "Mã dòng (LKH)"); rows it did not touch follow their sources.
 */
import type { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData, WriteValue } from '../../src/port/types';
import { consolidateCommune } from '../../src/workflow/plan';
import { TOPIC_LABELS } from '../../src/workflow/types';
import { handbookCommune } from './helpers';

const HALL = 'v:thon a|xay dung nha van hoa thon|nha';
const ROAD = 'v:thon b|be tong hoa duong lien thon|m';
const CANAL = 'v:thon a|cung hoa kenh muong|m';

async function sheet(wb: MemoryWorkbook, name: string): Promise<SheetData> {
  return (await wb.readSheets([name]))[0];
}

const colOf = (d: SheetData, header: string): number => {
  for (const row of d.values) {
    const j = row.findIndex((v) => v === header);
    if (j >= 0) return d.left + j;
  }
  throw new Error(`no column "${header}" on ${d.name}`);
};

/** The sheet row holding `key` in its "Mã dòng (LKH)" column. */
function rowOf(d: SheetData, key: string): number {
  const kc = colOf(d, 'Mã dòng (LKH)') - d.left;
  const i = d.values.findIndex((r) => r[kc] === key);
  if (i < 0) throw new Error(`no row ${key} on ${d.name}`);
  return d.top + i;
}

/** A cell as it is, to write back (formulas kept as formulas). */
function cellOf(d: SheetData, i: number, j: number): WriteValue {
  const f = d.formulas?.[i]?.[j];
  return f ? { formula: f } : (d.values[i][j] ?? null);
}

/**
 * Cuts the row of `key` and inserts it, under a new heading row `heading`, after the row whose
 * activity column reads `after` — as a person moves a row in Excel (the key column goes with it).
 */
async function moveRow(wb: MemoryWorkbook, name: string, key: string, heading: string, after: string): Promise<void> {
  const d = await sheet(wb, name);
  const from = rowOf(d, key) - d.top;
  const activityCol = colOf(d, 'Hoạt động') - d.left;
  const width = d.values[0].length;
  const rows = d.values.map((r, i) => r.map((_, j) => cellOf(d, i, j)));
  const moved = rows[from];
  const rest = rows.filter((_, i) => i !== from);
  const at = rest.findIndex((r) => r[activityCol] === after) + 1;
  const head: WriteValue[] = Array.from({ length: width }, (_, j) => (j === activityCol ? heading : null));
  const next = [...rest.slice(0, at), head, moved, ...rest.slice(at)];
  // Excel moves the merged cells with their rows; here the rows below are simply left unmerged.
  wb.sheet(name).merges = wb.sheet(name).merges.filter((m) => m.row < d.top + Math.min(from, at));
  await wb.writeValues([{ sheet: name, row: d.top, col: d.left, values: next.map((r) => r.slice(0, width)) }]);
}

async function typeIn(wb: MemoryWorkbook, name: string, key: string, header: string, value: string): Promise<void> {
  const d = await sheet(wb, name);
  await wb.writeValues([{ sheet: name, row: rowOf(d, key), col: colOf(d, header), values: [[value]] }]);
}

/** The topic heading each keyed row of II.4.B sits under. */
async function headings(wb: MemoryWorkbook): Promise<Record<string, string>> {
  const d = await sheet(wb, 'II.4.B');
  const kc = colOf(d, 'Mã dòng (LKH)') - d.left;
  const ac = colOf(d, 'Hoạt động') - d.left;
  const out: Record<string, string> = {};
  let current = '';
  for (const r of d.values) {
    const text = typeof r[ac] === 'string' ? (r[ac] as string) : '';
    if (/^\d\. /u.test(text)) current = text;
    if (typeof r[kc] === 'string' && r[kc] !== 'Mã dòng (LKH)') out[r[kc] as string] = current;
  }
  return out;
}

describe("the commune's topic and sector are kept across runs", () => {
  it('a row moved to another topic and sectors retyped in II.4.B and II.6.A survive two re-runs', async () => {
    const wb = await handbookCommune();
    const first = await consolidateCommune(wb, undefined, { planYear: 2027 });
    const row = (r: typeof first, key: string) => r.plan.activities.find((a) => a.key === key);
    // What the sources give: the villages' I.2 say "Nông nghiệp", but each activity is filed by what it is
    // (the hall and the road are works of culture and transport; the canal is irrigation, which "Nông nghiệp" holds).
    expect([row(first, HALL)?.topic, row(first, HALL)?.sector]).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(row(first, ROAD)?.sector).toBe('Giao thông');
    expect(row(first, CANAL)?.sector).toBe('Thủy lợi');

    // The commune moves the village hall under "3. Văn hóa - Xã hội - Môi trường" and names its
    // sector in II.4.B; it retypes the road's sector in II.6.A.
    await moveRow(wb, 'II.4.B', HALL, `3. ${TOPIC_LABELS['vh-xh-mt']}`, 'Cộng B');
    await typeIn(wb, 'II.4.B', HALL, 'Ngành/Lĩnh vực', 'Văn hóa - Thông tin');
    await typeIn(wb, 'II.6.A', ROAD, 'Ngành/Lĩnh vực', 'Giao thông nông thôn');

    const second = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(second.plan.reconciliation.balanced).toBe(true);
    expect([row(second, HALL)?.topic, row(second, HALL)?.sector]).toEqual(['vh-xh-mt', 'Văn hóa - Thông tin']);
    expect([row(second, ROAD)?.topic, row(second, ROAD)?.sector]).toEqual(['csht', 'Giao thông nông thôn']);
    // Untouched rows follow their sources.
    expect([row(second, CANAL)?.topic, row(second, CANAL)?.sector]).toEqual(['csht', 'Thủy lợi']);
    // Written where the commune put them: the hall under its new heading, the road's sector in every plan sheet.
    expect((await headings(wb))[HALL]).toBe(`3. ${TOPIC_LABELS['vh-xh-mt']}`);
    expect((await headings(wb))[CANAL]).toBe(`1. ${TOPIC_LABELS.csht}`);
    for (const name of ['II.4.B', 'II.6.A']) {
      const d = await sheet(wb, name);
      expect(d.values[rowOf(d, ROAD) - d.top][colOf(d, 'Ngành/Lĩnh vực') - d.left]).toBe('Giao thông nông thôn');
    }

    // A third run with nothing changed keeps them still.
    const third = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect([row(third, HALL)?.topic, row(third, HALL)?.sector]).toEqual(['vh-xh-mt', 'Văn hóa - Thông tin']);
    expect(row(third, ROAD)?.sector).toBe('Giao thông nông thôn');
    expect((await headings(wb))[HALL]).toBe(`3. ${TOPIC_LABELS['vh-xh-mt']}`);
  });

  it('an emptied sector gets the sources\' back; a row nobody touched follows a source that changed', async () => {
    const wb = await handbookCommune();
    await consolidateCommune(wb, undefined, { planYear: 2027 });
    await typeIn(wb, 'II.4.B', ROAD, 'Ngành/Lĩnh vực', 'Thủy lợi');
    const typed = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(typed.plan.activities.find((a) => a.key === ROAD)?.sector).toBe('Thủy lợi');
    await typeIn(wb, 'II.4.B', ROAD, 'Ngành/Lĩnh vực', '');
    await typeIn(wb, 'II.6.A', ROAD, 'Ngành/Lĩnh vực', '');
    const r = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(r.plan.activities.find((a) => a.key === ROAD)?.sector).toBe('Giao thông');
    expect(r.plan.findings.filter((f) => f.code === 'SHEET_LABEL_OVERRULED').map((f) => f.sheet)).toEqual(['Thôn A - I.2', 'Thôn B - I.2']);

    // Thôn A's sheet now names its sector "Giao thông": the canal, never corrected, is still irrigation
    // by its own words, and the sheet's rows filed elsewhere are named once for the sheet.
    const d = await sheet(wb, 'Thôn A - I.2');
    const i = d.values.findIndex((row) => row.some((v) => typeof v === 'string' && v.startsWith('Ngành/Lĩnh vực:')));
    const j = d.values[i].findIndex((v) => typeof v === 'string' && v.startsWith('Ngành/Lĩnh vực:'));
    await wb.writeValues([{ sheet: 'Thôn A - I.2', row: d.top + i, col: d.left + j, values: [['Ngành/Lĩnh vực: Giao thông']] }]);
    const after = await consolidateCommune(wb, undefined, { planYear: 2027 });
    expect(after.plan.activities.find((a) => a.key === CANAL)?.sector).toBe('Thủy lợi');
    const overruled = after.plan.findings.filter((f) => f.code === 'SHEET_LABEL_OVERRULED' && f.sheet === 'Thôn A - I.2');
    expect(overruled).toHaveLength(1);
    expect(overruled[0].params.count).toBe(3);
    expect(overruled[0].message).toContain('"Giao thông"');
  });

  it('a row typed by hand under a topic heading keeps that topic', async () => {
    const wb = await handbookCommune();
    await consolidateCommune(wb, undefined, { planYear: 2027 });
    // The commune types a row under "3. Văn hóa - Xã hội - Môi trường" (no key: it is its own).
    const d = await sheet(wb, 'II.4.B');
    const ac = colOf(d, 'Hoạt động') - d.left;
    const width = d.values[0].length;
    const blank = (): WriteValue[] => Array.from({ length: width }, () => null);
    const head = blank();
    head[ac] = `3. ${TOPIC_LABELS['vh-xh-mt']}`;
    const typed = blank();
    const put = (header: string, v: WriteValue) => (typed[colOf(d, header) - d.left] = v);
    put('Hoạt động', 'Tổ chức ngày hội đại đoàn kết');
    put('ĐVT', 'buổi');
    put('Số lượng', 1);
    put('Tổng số', 10000);
    put('Dân góp', 4000);
    put('Ngân sách\n(đã rõ nguồn vốn)', 0);
    put('Đề xuất (chưa rõ nguồn vốn)', 6000);
    const at = d.values.findIndex((r) => r[ac] === 'Cộng B');
    const rows = d.values.map((r, i) => r.map((_, j) => cellOf(d, i, j)));
    const next = [...rows.slice(0, at), head, typed, ...rows.slice(at)];
    wb.sheet('II.4.B').merges = wb.sheet('II.4.B').merges.filter((m) => m.row < d.top + at);
    await wb.writeValues([{ sheet: 'II.4.B', row: d.top, col: d.left, values: next }]);
    const r = await consolidateCommune(wb, undefined, { planYear: 2027 });
    const manual = r.plan.activities.find((a) => a.status === 'manual');
    expect(manual).toMatchObject({ activity: 'Tổ chức ngày hội đại đoàn kết', topic: 'vh-xh-mt' });
  });
});
