/**
 * The province's (or district's) totals, column by column: every total row of every sheet the
 * roll-up writes is recomputed here from the rows it sums, as an officer checking the sheet with a
 * calculator would — the summary by sector ("Tổng hợp theo lĩnh vực"), by commune, the ranking
 * within the funds (running total, Có/Không), the feedback table and printable view and the reading report — for
 * every money column, after a first run and after a re-run in which one commune's rows vanished.
 */
import { getForm } from '../../src/forms/registry';
import { KEY_COLUMN_HEADER, layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue } from '../../src/port/types';
import { formatVnNumber } from '../../src/text';
import { COMMUNES_SHEET, DATA_TABLES, DISTRICT_REPORT_SHEET, FEEDBACK_TABLE, FEEDBACK_VIEW, RANKING_SHEET, SUMMARY_SHEET, VANISHED_GROUP, rollUpCommunes } from '../../src/workflow/upper-level';
import type { Commune } from './fixtures/communes';
import { hoaBinh, naHang, tanLap } from './fixtures/communes';

type Grid = readonly (readonly CellValue[])[];

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const n = (v: CellValue | undefined): number => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? 0 : NaN);
const add = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

async function grid(wb: MemoryWorkbook, sheet: string): Promise<Grid> {
  const [d] = await wb.readSheets([sheet]);
  return d.values;
}

/** The table whose header row holds `marker`: its header texts and its rows down to the first empty one. */
function table(g: Grid, marker: string, from = 0): { header: string[]; rows: (readonly CellValue[])[]; at: number } {
  const at = g.findIndex((r, i) => i >= from && r.some((v) => text(v) === marker));
  if (at < 0) throw new Error(`no table with "${marker}"`);
  const rows: (readonly CellValue[])[] = [];
  // Two-row headers leave the second row without data; data rows start where a number or key appears.
  for (let i = at + 1; i < g.length && g[i].some((v) => text(v) !== ''); i++) rows.push(g[i]);
  return { header: g[at].map(text), rows, at };
}

function col(t: { header: string[] }, name: string): number {
  const c = t.header.indexOf(name);
  if (c < 0) throw new Error(`no column "${name}" in ${t.header.filter(Boolean).join(' | ')}`);
  return c;
}

/** Rows written by LKH (a key) in the summary, with their commune, form and money, split active / vanished. */
interface SummaryRow {
  readonly key: string;
  readonly commune: string;
  readonly activity: string;
  readonly form: string;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly opinion: string;
}

const MONEY = [
  ['total', 'Tổng số (1.000 đồng)'],
  ['contribution', 'Dân góp (1.000 đồng)'],
  ['budget', 'Ngân sách - đã rõ nguồn vốn (1.000 đồng)'],
  ['proposed', 'Đề xuất - chưa rõ nguồn vốn (1.000 đồng)'],
] as const;

async function checkSummary(wb: MemoryWorkbook): Promise<{ active: SummaryRow[]; vanished: SummaryRow[] }> {
  const g = await grid(wb, SUMMARY_SHEET);
  const t = table(g, KEY_COLUMN_HEADER);
  const key = col(t, KEY_COLUMN_HEADER);
  const activity = col(t, 'Hoạt động');
  const active: SummaryRow[] = [];
  const vanished: SummaryRow[] = [];
  let inVanished = false;
  let totalRow: readonly CellValue[] | undefined;
  for (const r of t.rows) {
    if (r.some((v) => text(v) === VANISHED_GROUP)) inVanished = true;
    if (text(r[activity]) === 'Tổng cộng') {
      totalRow = r;
      continue;
    }
    if (text(r[key]) === '') {
      // A topic or sector heading: no figure in any money column (no subtotal to check).
      for (const [, h] of MONEY) expect(text(r[col(t, h)])).toBe('');
      continue;
    }
    const row: SummaryRow = {
      key: text(r[key]),
      commune: text(r[col(t, 'Xã')]),
      activity: text(r[activity]),
      form: text(r[col(t, 'Biểu của xã')]),
      total: n(r[col(t, MONEY[0][1])]),
      contribution: n(r[col(t, MONEY[1][1])]),
      budget: n(r[col(t, MONEY[2][1])]),
      proposed: n(r[col(t, MONEY[3][1])]),
      opinion: text(r[col(t, 'Ý kiến (Đồng ý / Không đồng ý)')]),
    };
    // Each row: Tổng số = Dân góp + Ngân sách + Đề xuất.
    expect(Math.abs(row.total - row.contribution - row.budget - row.proposed)).toBeLessThanOrEqual(0.5);
    (inVanished ? vanished : active).push(row);
  }
  if (!totalRow) throw new Error('no Tổng cộng row in the summary');
  // The total row: every money column summed over the active rows above it, never the vanished ones.
  for (const [k, h] of MONEY) expect([h, n(totalRow[col(t, h)])]).toEqual([h, add(active.map((r) => r[k]))]);
  // The sheet's own line says the same count and Tổng số.
  const line = g.map((r) => text(r[0])).find((s) => s.startsWith('Từ Biểu II.6.A và II.6.B'));
  expect(line).toContain(`: ${active.length} hoạt động, Tổng số ${formatVnNumber(add(active.map((r) => r.total)), 3)} nghìn đồng.`);
  return { active, vanished };
}

const COMMUNE_SUMS: readonly [string, (rows: readonly SummaryRow[]) => number][] = [
  ['Số hoạt động', (rs) => rs.length],
  ['Tổng số (1.000 đồng)', (rs) => add(rs.map((r) => r.total))],
  ['Dân góp (1.000 đồng)', (rs) => add(rs.map((r) => r.contribution))],
  ['Ngân sách (1.000 đồng)', (rs) => add(rs.map((r) => r.budget))],
  ['Đề xuất (1.000 đồng)', (rs) => add(rs.map((r) => r.proposed))],
  ['II.6.A: số hoạt động', (rs) => rs.filter((r) => r.form === 'II.6.A').length],
  ['II.6.B: số hoạt động', (rs) => rs.filter((r) => r.form === 'II.6.B').length],
  ['II.6.B: Tổng số (1.000 đồng)', (rs) => add(rs.filter((r) => r.form === 'II.6.B').map((r) => r.total))],
  ['II.6.B: Đề xuất (1.000 đồng)', (rs) => add(rs.filter((r) => r.form === 'II.6.B').map((r) => r.proposed))],
  ['Đồng ý', (rs) => rs.filter((r) => r.opinion === 'Đồng ý').length],
  ['Không đồng ý', (rs) => rs.filter((r) => r.opinion === 'Không đồng ý').length],
  ['Chưa có ý kiến', (rs) => rs.filter((r) => r.opinion === '').length],
];

async function checkCommunes(wb: MemoryWorkbook, active: readonly SummaryRow[], iii1: ReadonlyMap<string, number>): Promise<Map<string, number[]>> {
  const t = table(await grid(wb, COMMUNES_SHEET), 'Số hoạt động');
  const name = col(t, 'Xã');
  const data = t.rows.filter((r) => typeof r[col(t, 'Số hoạt động')] === 'number');
  const communes = data.filter((r) => text(r[name]) !== 'Tổng cộng');
  const total = data.find((r) => text(r[name]) === 'Tổng cộng');
  if (!total) throw new Error('no Tổng cộng row by commune');
  expect(communes.map((r) => text(r[name])).sort()).toEqual([...new Set(active.map((r) => r.commune))].sort());
  const byCommune = new Map<string, number[]>();
  for (const r of communes) {
    const mine = active.filter((a) => a.commune === text(r[name]));
    // Each commune's row: recomputed from its rows in the summary.
    const figures = COMMUNE_SUMS.map(([h]) => n(r[col(t, h)]));
    expect(COMMUNE_SUMS.map(([h, f]) => [h, f(mine)])).toEqual(COMMUNE_SUMS.map(([h], i) => [h, figures[i]]));
    // II.6.A's Ngân sách in triệu đồng, with or without III.1; III.1's total only where it was read.
    expect(n(r[col(t, 'II.6.A: Ngân sách (triệu đồng)')])).toBeCloseTo(add(mine.filter((a) => a.form === 'II.6.A').map((a) => a.budget)) / 1000, 6);
    expect([text(r[name]), r[col(t, 'III.1: kinh phí dự kiến (triệu đồng)')]]).toEqual([text(r[name]), iii1.get(text(r[name])) ?? null]);
    byCommune.set(text(r[name]), figures);
  }
  // The Tổng cộng row: every column summed over the communes above it.
  for (const [h] of COMMUNE_SUMS) expect([h, n(total[col(t, h)])]).toEqual([h, add(communes.map((r) => n(r[col(t, h)])))]);
  expect(n(total[col(t, 'II.6.A: Ngân sách (triệu đồng)')])).toBeCloseTo(add(communes.map((r) => n(r[col(t, 'II.6.A: Ngân sách (triệu đồng)')]))), 6);
  expect(n(total[col(t, 'II.6.A: Ngân sách (triệu đồng)')])).toBeCloseTo(add(active.filter((a) => a.form === 'II.6.A').map((a) => a.budget)) / 1000, 6);
  // III.1: the communes that sent one (an empty cell is no zero: none sent, none summed).
  expect(total[col(t, 'III.1: kinh phí dự kiến (triệu đồng)')]).toBe(iii1.size > 0 ? add(communes.map((r) => n(r[col(t, 'III.1: kinh phí dự kiến (triệu đồng)')]))) : null);
  expect(text(total[col(t, 'Đối chiếu')])).toBe('Khớp');
  return byCommune;
}

async function checkRanking(wb: MemoryWorkbook, active: readonly SummaryRow[], funds: number): Promise<Map<string, string>> {
  const g = await grid(wb, RANKING_SHEET);
  const t = table(g, 'Trong khả năng vốn');
  const rows = t.rows.filter((r) => typeof r[col(t, 'Thứ tự')] === 'number');
  const byKey = new Map(active.map((a) => [a.key, a]));
  let running = 0;
  let out = false;
  const within: number[] = [];
  const verdicts = new Map<string, string>();
  for (const r of rows) {
    const a = byKey.get(text(r[col(t, KEY_COLUMN_HEADER)]));
    // Only accepted II.6.B rows, with the summary's figures.
    expect(a).toMatchObject({ form: 'II.6.B', opinion: 'Đồng ý' });
    expect([n(r[col(t, 'Tổng số (1.000 đồng)')]), n(r[col(t, 'Đề xuất (1.000 đồng)')])]).toEqual([a?.total, a?.proposed]);
    running += a?.proposed ?? NaN;
    expect(n(r[col(t, 'Cộng dồn Đề xuất (1.000 đồng)')])).toBe(running);
    const fits = !out && running <= funds * 1000;
    if (!fits) out = true;
    expect(text(r[col(t, 'Trong khả năng vốn')])).toBe(fits ? 'Có' : 'Không');
    verdicts.set(a?.key ?? '', fits ? 'Có' : 'Không');
    if (fits) within.push(a?.proposed ?? NaN);
  }
  const accepted = active.filter((a) => a.form === 'II.6.B' && a.opinion === 'Đồng ý');
  expect(rows).toHaveLength(accepted.length);
  const f = (x: number) => formatVnNumber(x, 3);
  expect(g.map((r) => text(r[0]))).toContain(
    `Hoạt động II.6.B được đồng ý: ${accepted.length}, Đề xuất cộng ${f(add(accepted.map((a) => a.proposed)))} nghìn đồng; trong khả năng vốn: ${within.length} hoạt động (${f(add(within))} nghìn đồng). Không đồng ý: ${
      active.filter((a) => a.form === 'II.6.B' && a.opinion === 'Không đồng ý').length
    }; chưa có ý kiến: ${active.filter((a) => a.form === 'II.6.B' && a.opinion === '').length}.`,
  );
  return verdicts;
}

async function checkFeedback(wb: MemoryWorkbook, active: readonly SummaryRow[], within: ReadonlyMap<string, string>): Promise<void> {
  // The feedback table: per commune, each activity's answer, Tổng số, Đề xuất and place within the funds, the summary's row by row.
  const fb = table(await grid(wb, FEEDBACK_TABLE), 'Kết luận');
  const verdictText: Readonly<Record<string, string>> = { 'Đồng ý': 'Đồng ý', 'Không đồng ý': 'Chưa tiếp thu', '': 'Chờ ý kiến' };
  for (const commune of new Set(active.map((a) => a.commune))) {
    const mine = active.filter((a) => a.commune === commune);
    const rows = fb.rows.filter((r) => text(r[col(fb, 'Xã')]) === commune);
    expect(
      rows
        .map((r) => [
          text(r[col(fb, KEY_COLUMN_HEADER)]),
          text(r[col(fb, 'Hoạt động')]),
          n(r[col(fb, 'Tổng số (1.000 đồng)')]),
          n(r[col(fb, 'Đề xuất (1.000 đồng)')]),
          text(r[col(fb, 'Kết luận')]),
          text(r[col(fb, 'Trong khả năng vốn')]),
        ])
        .sort(),
    ).toEqual(mine.map((a) => [a.key, a.activity, a.total, a.proposed, verdictText[a.opinion], within.get(a.key) ?? '']).sort());
  }
  expect(fb.rows).toHaveLength(active.length);
  // The printable view of the commune it shows: A (accepted) and C (pending) give each activity's Tổng số.
  const g = await grid(wb, FEEDBACK_VIEW);
  const commune = g.map((r) => text(r[0])).find((t) => t.startsWith('Kính gửi: Ủy ban nhân dân '))?.replace('Kính gửi: Ủy ban nhân dân ', '');
  const mine = active.filter((a) => a.commune === commune);
  expect(mine.length).toBeGreaterThan(0);
  const accepted = mine.filter((a) => a.opinion === 'Đồng ý');
  const rejected = mine.filter((a) => a.opinion === 'Không đồng ý');
  const pending = mine.filter((a) => a.opinion === '');
  expect(g.map((r) => text(r[0]))).toContain(`Đồng ý: ${accepted.length} hoạt động; chưa tiếp thu: ${rejected.length}; đang chờ ý kiến: ${pending.length}.`);
  for (const [caption, rows] of [
    ['A.', accepted],
    ['C.', pending],
  ] as const) {
    const at = g.findIndex((r) => text(r[0]).startsWith(caption));
    if (rows.length === 0) continue;
    const t = table(g, 'Tổng số (1.000 đồng)', at);
    const listed = t.rows.map((r) => [text(r[col(t, 'Giải pháp/Hoạt động')]), n(r[col(t, 'Tổng số (1.000 đồng)')])]);
    expect(listed).toEqual(rows.map((a) => [a.activity, a.total]));
  }
  if (rejected.length > 0) {
    const at = g.findIndex((r) => text(r[0]).startsWith('B.'));
    const t = table(g, 'Giải pháp/Hoạt động', at);
    expect(t.rows.map((r) => text(r[col(t, 'Giải pháp/Hoạt động')]))).toEqual(rejected.map((a) => a.activity));
  }
}

async function checkReport(wb: MemoryWorkbook, byCommune: ReadonlyMap<string, number[]>, active: readonly SummaryRow[]): Promise<void> {
  const g = await grid(wb, DISTRICT_REPORT_SHEET);
  const t = table(g, 'Đưa vào tổng hợp: Tổng số');
  const name = col(t, 'Xã');
  const rows = t.rows.filter((r) => text(r[name]) !== '' && text(r[name]) !== 'Tổng cộng' && typeof r[col(t, 'Đọc được: số hoạt động')] === 'number');
  const total = t.rows.find((r) => text(r[name]) === 'Tổng cộng');
  if (!total) throw new Error('no Tổng cộng row in the report');
  for (const r of rows) {
    const figures = byCommune.get(text(r[name]));
    // Written = what the commune sheet shows (count, Tổng số); a balanced commune read as much.
    expect([n(r[col(t, 'Đưa vào tổng hợp: số hoạt động')]), n(r[col(t, 'Đưa vào tổng hợp: Tổng số')])]).toEqual([figures?.[0], figures?.[1]]);
    expect([n(r[col(t, 'Đọc được: số hoạt động')]), n(r[col(t, 'Đọc được: Tổng số')])]).toEqual([figures?.[0], figures?.[1]]);
  }
  for (const h of ['Đọc được: số hoạt động', 'Đọc được: Tổng số', 'Đưa vào tổng hợp: số hoạt động', 'Đưa vào tổng hợp: Tổng số']) {
    expect([h, n(total[col(t, h)])]).toEqual([h, add(rows.map((r) => n(r[col(t, h)])))]);
  }
  expect(n(total[col(t, 'Đưa vào tổng hợp: Tổng số')])).toBe(add(active.map((a) => a.total)));
  // By topic: the topics add up to the same total.
  const topics = table(g, 'Chủ đề');
  const topicRows = topics.rows.filter((r) => typeof r[col(topics, 'Đọc được: số hoạt động')] === 'number');
  expect(add(topicRows.map((r) => n(r[col(topics, 'Đưa vào tổng hợp: Tổng số')])))).toBe(add(active.map((a) => a.total)));
  expect(add(topicRows.map((r) => n(r[col(topics, 'Đọc được: số hoạt động')])))).toBe(active.length);
}

/** Types an appraisal into the summary's row whose activity starts with `activity`, as an office would. */
async function appraise(wb: MemoryWorkbook, activity: string, opinion: string, priority?: number): Promise<void> {
  const [d] = await wb.readSheets([SUMMARY_SHEET]);
  const t = table(d.values, KEY_COLUMN_HEADER);
  const row = d.values.findIndex((r, i) => i > t.at && text(r[col(t, KEY_COLUMN_HEADER)]) !== '' && text(r[col(t, 'Hoạt động')]).startsWith(activity));
  expect(row).toBeGreaterThan(t.at);
  const writes = [{ sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + col(t, 'Ý kiến (Đồng ý / Không đồng ý)'), values: [[opinion]] }];
  if (priority !== undefined) writes.push({ sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + col(t, 'Ưu tiên cấp trên'), values: [[String(priority)]] });
  await wb.writeValues(writes);
}

async function checkAll(wb: MemoryWorkbook, funds: number, iii1: ReadonlyMap<string, number>): Promise<{ active: SummaryRow[]; vanished: SummaryRow[] }> {
  const summary = await checkSummary(wb);
  const byCommune = await checkCommunes(wb, summary.active, iii1);
  const within = await checkRanking(wb, summary.active, funds);
  await checkFeedback(wb, summary.active, within);
  await checkReport(wb, byCommune, summary.active);
  return summary;
}

/** The province's own file of III.1, one sheet per commune it allocates to (triệu đồng): Tân Lập 1.100, Nà Hang 250. */
async function iii1File(): Promise<{ port: MemoryWorkbook; file: string }> {
  const wb = MemoryWorkbook.fromArrays({});
  const sheet = (commune: string, sources: Record<string, { amount: number }>) => layoutForm(getForm('III.1'), { planYear: 2027, unitName: commune, sheetName: `III.1 ${commune}`, fixedValues: { sources } });
  await wb.createSheet(sheet('Tân Lập', { 'chi-thuong-xuyen': { amount: 800 }, 'ntm-dau-tu': { amount: 100 }, 'gnbv-dau-tu': { amount: 200 } }));
  await wb.createSheet(sheet('Xã Nà Hang', { 'chi-thuong-xuyen': { amount: 250 } }));
  return { port: wb, file: 'III.1 các xã.xlsx' };
}
const III1 = new Map([
  ['Xã Tân Lập', 1100],
  ['Xã Nà Hang', 250],
]);

const sources = (cs: readonly Commune[]) => cs.map((c) => ({ port: c.wb, file: c.file }));

describe("the roll-up's totals, recomputed column by column", () => {
  it('first run, appraised and re-run, then one commune’s rows deleted from the data tables (they vanish and leave every total)', async () => {
    const [a, b, c] = [await tanLap(), await hoaBinh(), await naHang()];
    const target = MemoryWorkbook.fromArrays({});
    const iii1 = await iii1File();
    await rollUpCommunes([...sources([a, b, c]), iii1], target, { upperLevel: 'Tỉnh Lào Cai', funds: 700 });
    const first = await checkAll(target, 700, III1);
    expect(first.vanished).toEqual([]);
    // Every activity of every commune's plan, with its money.
    const plans = [a, b, c].flatMap((x) => x.result.plan.activities);
    expect(first.active).toHaveLength(plans.length);
    expect(add(first.active.map((r) => r.contribution))).toBe(add(plans.map((p) => p.contribution)));
    expect(add(first.active.map((r) => r.budget))).toBe(add(plans.map((p) => p.budget)));
    expect(add(first.active.map((r) => r.proposed))).toBe(add(plans.map((p) => p.proposed)));

    await appraise(target, 'Xây phòng học', 'Đồng ý', 1);
    await appraise(target, 'Bê tông hóa đường nội thôn', 'Đồng ý', 2);
    await appraise(target, 'Tư vấn dinh dưỡng', 'Đồng ý');
    await appraise(target, 'Xây dựng nhà văn hóa', 'Đồng ý', 3);
    await appraise(target, 'Hỗ trợ giống ngô', 'Không đồng ý');
    await rollUpCommunes([...sources([a, b, c]), iii1], target, { funds: 700 });
    const second = await checkAll(target, 700, III1);
    expect(second.active.filter((r) => r.opinion === 'Đồng ý')).toHaveLength(4);

    // Hòa Bình's rows deleted from the data tables: they stay in the summary (vanished) but in no total.
    for (const sheet of DATA_TABLES) {
      const [d] = await target.readSheets([sheet]);
      const x = d.values[0].indexOf('Xã');
      const blocks = d.values.flatMap((r, i) => (i > 0 && r[x] === 'Xã Hòa Bình' ? [{ sheet, row: d.top + i, col: d.left, values: [r.map(() => null)] }] : []));
      if (blocks.length > 0) await target.writeValues(blocks);
    }
    await rollUpCommunes([...sources([a, c]), iii1], target, { funds: 700, feedbackCommune: 'Xã Nà Hang' });
    const third = await checkAll(target, 700, III1);
    expect(third.vanished.map((r) => r.commune)).toEqual(b.result.plan.activities.map(() => 'Xã Hòa Bình'));
    expect(third.active.map((r) => r.commune)).not.toContain('Xã Hòa Bình');
    expect(add(third.vanished.map((r) => r.total))).toBeGreaterThan(0);
  });
});
