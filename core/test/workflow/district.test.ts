/**
 * The upper level's roll-up (handbook L764-L920): three communes consolidated with
 * consolidateCommune, rolled up; the offices type their appraisals into the summary; a re-run
 * keeps them, flags what vanished, feeds back to each commune (II.10 shape) and ranks the
 * accepted II.6.B activities within the funds the upper level holds. Nothing read is lost.
 */
import { formEdition } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import type { BodyRow } from '../../src/layout/engine';
import { KEY_COLUMN_HEADER, layoutForm } from '../../src/layout/engine';
import type { LayoutValue } from '../../src/layout/types';
import type { CellValue } from '../../src/port/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { consolidateCommune } from '../../src/workflow/plan';
import type { CommuneResult } from '../../src/workflow/plan';
import type { DistrictRow } from '../../src/workflow/upper-level';
import {
  APPRAISALS_SHEET,
  COMMUNES_SHEET,
  DATA_TABLES,
  DISTRICT_REPORT_SHEET,
  FEEDBACK_TABLE,
  FEEDBACK_VIEW,
  II6A_TABLE,
  II6B_TABLE,
  RANKING_SHEET,
  SUMMARY_SHEET,
  VANISHED_NOTE,
  communeKey,
  feedbackSheetName,
  rankWithinFunds,
  rollUpCommunes,
  tabPrefix,
  verdictOf,
} from '../../src/workflow/upper-level';
import { demoReadings } from './helpers';
import type { Commune } from './fixtures/communes';
import { hoaBinh, naHang, tanLap } from './fixtures/communes';

type Grid = readonly (readonly CellValue[])[];

async function values(wb: MemoryWorkbook, sheet: string): Promise<Grid> {
  const [d] = await wb.readSheets([sheet]);
  return d.values;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Types the offices' appraisal of one row (found by its key) into the summary, as a person would. */
async function appraise(wb: MemoryWorkbook, match: (activity: string, commune: string) => boolean, a: { office?: string; opinion?: string; reason?: string; priority?: number }): Promise<string> {
  const [d] = await wb.readSheets([SUMMARY_SHEET]);
  const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
  const col = (h: string) => d.values[header].findIndex((v) => v === h);
  const row = d.values.findIndex((r, i) => i > header && text(r[col(KEY_COLUMN_HEADER)]) !== '' && match(text(r[col('Hoạt động')]), text(r[col('Xã')])));
  expect(row).toBeGreaterThan(header);
  const put = async (h: string, v: CellValue | undefined) => {
    if (v !== undefined) await wb.writeValues([{ sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + col(h), values: [[v]] }]);
  };
  await put('Phòng/ban thẩm định', a.office);
  await put('Ý kiến (Đồng ý / Không đồng ý)', a.opinion);
  await put('Lý do', a.reason);
  await put('Ưu tiên cấp trên', a.priority);
  return text(d.values[row][col(KEY_COLUMN_HEADER)]);
}

/** The rows of the table under a caption, up to the first empty row. */
function tableAfter(grid: Grid, caption: string): string[][] {
  const at = grid.findIndex((r) => text(r[0]).startsWith(caption));
  if (at < 0) return [];
  // A table's columns may span several grid columns (merged cells): read each at its header's cell.
  const cols = grid[at + 1].flatMap((v, c) => (text(v) !== '' ? [c] : []));
  const out: string[][] = [];
  for (let i = at + 2; i < grid.length && grid[i].some((v) => text(v) !== ''); i++) out.push(cols.map((c) => text(grid[i][c])));
  return out;
}

const sources = (cs: readonly Commune[]) => cs.map((c) => ({ port: c.wb, file: c.file }));

/** The records of a long table as objects by header (row 1 is the header). */
async function records(wb: MemoryWorkbook, sheet: string): Promise<Record<string, CellValue>[]> {
  const grid = await values(wb, sheet);
  const header = grid[0].map(text);
  return grid.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

/** A person deletes a commune's rows from the data tables (the commune withdrawn from the roll-up). */
async function dropCommune(wb: MemoryWorkbook, commune: string): Promise<void> {
  for (const sheet of DATA_TABLES) {
    const [d] = await wb.readSheets([sheet]);
    const col = d.values[0].indexOf('Xã');
    const blocks = d.values.flatMap((r, i) => (i > 0 && r[col] === commune ? [{ sheet, row: d.top + i, col: d.left, values: [r.map(() => null)] }] : []));
    if (blocks.length > 0) await wb.writeValues(blocks);
  }
}

describe('upper-level roll-up', () => {
  it('rolls every activity of every commune up by topic and sector, reconciled per commune and in total', async () => {
    const cs = [await tanLap(), await hoaBinh(), await naHang()];
    // Tân Lập consolidated twice: its old plan sheets are kept as "II.6.B (cũ)"…, never counted twice.
    await consolidateCommune(cs[0].wb);
    expect(await cs[0].wb.listSheets()).toContain('II.6.B (cũ)');
    const target = MemoryWorkbook.fromArrays({});
    const { rollup, sheets, reading } = await rollUpCommunes(sources(cs), target, { upperLevel: 'Tỉnh Lào Cai' });
    expect(reading.sheets.find((s) => s.sheet === 'II.6.B (cũ)')).toMatchObject({ used: false });
    expect(rollup.issues.map((i) => i.code)).not.toContain('FORM_SENT_TWICE');
    // As many sheets for three communes as for three hundred: the communes are rows, not tabs.
    expect(sheets).toEqual([...DATA_TABLES, SUMMARY_SHEET, APPRAISALS_SHEET, COMMUNES_SHEET, RANKING_SHEET, FEEDBACK_TABLE, FEEDBACK_VIEW, DISTRICT_REPORT_SHEET]);
    expect(new Set(await target.listSheets())).toEqual(new Set(sheets));
    // The long tables: one header row, frozen; one row per activity, with its commune; numbers as numbers.
    const ii6b = await records(target, II6B_TABLE);
    const ii6a = await records(target, II6A_TABLE);
    expect(target.sheet(II6B_TABLE).freeze).toEqual({ rows: 1, cols: 0 });
    expect(target.sheet(II6B_TABLE).merges).toEqual([]);
    for (const c of cs) {
      const name = c.result.plan.communeName;
      expect(ii6a.filter((r) => r['Xã'] === name)).toHaveLength(c.result.written.ii6a.length);
      expect(ii6b.filter((r) => r['Xã'] === name)).toHaveLength(c.result.written.ii6b.length);
    }
    expect([...ii6a, ...ii6b].every((r) => typeof r['Tổng số (1.000 đồng)'] === 'number' && typeof r['Đề xuất (1.000 đồng)'] === 'number')).toBe(true);
    expect([...ii6a, ...ii6b].reduce((n, r) => n + (r['Tổng số (1.000 đồng)'] as number), 0)).toBe(cs.flatMap((c) => c.result.plan.activities).reduce((n, a) => n + a.total, 0));
    expect(new Set(ii6b.map((r) => r['Tệp']))).toEqual(new Set(cs.map((c) => c.file)));
    // Every activity of every commune's plan is there, counts and amounts per commune.
    for (const c of cs) {
      const plan = c.result.plan.activities;
      const s = rollup.communes.find((x) => x.name === c.result.plan.communeName);
      expect(s).toBeDefined();
      expect(s?.count).toBe(plan.length);
      expect(s?.total).toBe(plan.reduce((n, a) => n + a.total, 0));
      expect(s?.ii6a.count).toBe(c.result.written.ii6a.length);
      expect(s?.ii6b.count).toBe(c.result.written.ii6b.length);
      expect(s?.reconciliation.balanced).toBe(true);
      expect(s?.ii4bMatches).toBe(true);
      expect(new Set(rollup.rows.filter((r) => r.communeKey === s?.key).map((r) => r.activity))).toEqual(new Set(plan.map((a) => a.activity)));
    }
    const all = cs.flatMap((c) => c.result.plan.activities);
    expect(rollup.reconciliation).toMatchObject({
      read: { count: all.length, amount: all.reduce((n, a) => n + a.total, 0) },
      written: { count: all.length, amount: all.reduce((n, a) => n + a.total, 0) },
      balanced: true,
      vanished: 0,
    });
    // The summary sheet: topics, then sectors, every activity with its commune and key.
    const grid = await values(target, SUMMARY_SHEET);
    expect(text(grid[0][0])).toBe('TỔNG HỢP ĐỀ XUẤT CỦA CÁC XÃ THEO NHÓM NGÀNH, LĨNH VỰC — TỈNH LÀO CAI — NĂM KẾ HOẠCH 2027');
    const firstCol = grid.map((r) => text(r[0]));
    expect(firstCol.indexOf('1. Cơ sở hạ tầng')).toBeLessThan(firstCol.indexOf('2. Kinh tế và tổ chức sản xuất'));
    // Sectors by what the activities are: Bản Chang's sheet says "Giáo dục", its classroom is a school building.
    expect(firstCol).toContain('Ngành/Lĩnh vực: Trường học');
    expect(firstCol).toContain('Ngành/Lĩnh vực: Giao thông');
    const header = grid.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const keyCol = grid[header].indexOf(KEY_COLUMN_HEADER);
    const keyed = grid.filter((r, i) => i > header && text(r[keyCol]) !== '');
    expect(keyed).toHaveLength(all.length);
    expect(new Set(keyed.map((r) => text(r[keyCol]))).size).toBe(all.length);
    // The appraisal drop-down and the whole-number priority on every data row.
    const sheet = target.sheet(SUMMARY_SHEET);
    const lists = sheet.validations.filter((v) => v.kind === 'list');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((v) => v.kind === 'list' && v.values.join('|') === 'Đồng ý|Không đồng ý')).toBe(true);
    expect(lists.reduce((n, v) => n + v.rows, 0)).toBe(all.length);
    // Per commune sheet, with the totals row.
    const communes = await values(target, COMMUNES_SHEET);
    const total = communes.find((r) => text(r[1]) === 'Tổng cộng');
    expect(total?.[2]).toBe(all.length);
    expect(total?.[3]).toBe(all.reduce((n, a) => n + a.total, 0));
    // The report says it reconciles.
    const report = (await values(target, DISTRICT_REPORT_SHEET)).map((r) => text(r[0])).join('\n');
    expect(report).toContain('Đối chiếu: khớp');
  });

  it('keeps the appraisals typed into the summary on a re-run, whatever moved, and feeds them back to each commune', async () => {
    const [a, b] = [await tanLap(), await hoaBinh()];
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes(sources([a, b]), target, { upperLevel: 'Tỉnh Lào Cai' });
    await appraise(target, (x) => x.startsWith('Cứng hóa kênh mương'), { office: 'Sở Nông nghiệp và Môi trường', opinion: 'Đồng ý' });
    await appraise(target, (x) => x.startsWith('Xây dựng nhà văn hóa'), { office: 'Sở Văn hóa', opinion: 'Đồng ý', priority: 2 });
    await appraise(target, (x) => x.startsWith('Hỗ trợ giống lúa lai'), { office: 'Sở Nông nghiệp và Môi trường', opinion: 'Không đồng ý', reason: 'Trùng với chương trình hỗ trợ giống của tỉnh' });
    const roadKey = await appraise(target, (x) => x.startsWith('Bê tông hóa đường nội thôn'), { office: 'Sở Xây dựng', opinion: 'đồng ý', priority: 1 });
    // A third commune joins: every row moves; the appraisals follow their keys.
    const c = await naHang();
    const second = await rollUpCommunes(sources([c, a, b]), target, { upperLevel: 'Tỉnh Lào Cai' });
    // No copy of the summary: the appraisals typed before are listed as typed in "Thẩm định lần trước".
    expect(second.keptCopies).toEqual([]);
    const before = await records(target, APPRAISALS_SHEET);
    expect(before.map((r) => [r['Hoạt động'], r['Ý kiến (Đồng ý / Không đồng ý)'], r['Ưu tiên cấp trên']]).sort()).toEqual([
      ['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 'đồng ý', 1],
      ['Cứng hóa kênh mương (Thôn A)', 'Đồng ý', null],
      ['Hỗ trợ giống lúa lai (Thôn B)', 'Không đồng ý', null],
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'Đồng ý', 2],
    ]);
    expect(second.rollup.reconciliation).toMatchObject({ keptAppraisals: 4, vanished: 0, balanced: true });
    const byName = (s: string) => second.rollup.rows.find((r) => r.activity.startsWith(s)) as DistrictRow;
    expect(byName('Cứng hóa kênh mương').appraisal).toEqual({ office: 'Sở Nông nghiệp và Môi trường', opinion: 'Đồng ý' });
    expect(byName('Hỗ trợ giống lúa lai')).toMatchObject({ verdict: 'rejected', appraisal: { reason: 'Trùng với chương trình hỗ trợ giống của tỉnh' } });
    expect(byName('Bê tông hóa đường nội thôn')).toMatchObject({ key: roadKey, verdict: 'accepted', appraisal: { upperPriority: 1 } });
    expect(byName('Xây phòng học').verdict).toBe('pending');
    // Still in the sheet after the re-run (a third run keeps them again).
    const third = await rollUpCommunes(sources([c, a, b]), target, { feedbackCommune: 'Tân Lập' });
    expect(third.rollup.reconciliation.keptAppraisals).toBe(4);
    expect(third.rollup.upperLevel).toBe('Tỉnh Lào Cai'); // remembered in the workbook
    expect(third.feedbackCommune).toBe('Xã Tân Lập');
    // The printable feedback to Xã Tân Lập, shaped on II.10: A accepted, B not accepted with the reason, C waiting.
    const fb = await values(target, FEEDBACK_VIEW);
    expect(text(fb[0][0])).toBe('PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    expect(fb.map((r) => text(r[0]))).toContain('Kính gửi: Ủy ban nhân dân Xã Tân Lập');
    const accepted = tableAfter(fb, 'A.');
    // By topic, then sector: the cultural house (Cơ sở vật chất văn hóa - thông tin) before the canal (Thủy lợi).
    expect(accepted.map((r) => r[2])).toEqual(['Xây dựng nhà văn hóa thôn (Thôn A)', 'Cứng hóa kênh mương (Thôn A)']);
    expect(accepted[1][5]).toBe('Sở Nông nghiệp và Môi trường');
    const rejected = tableAfter(fb, 'B.');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].slice(2, 6)).toEqual(['Hỗ trợ giống lúa lai (Thôn B)', 'II.6.B', 'Không đồng ý (Sở Nông nghiệp và Môi trường)', 'Trùng với chương trình hỗ trợ giống của tỉnh']);
    expect(fb.map((r) => text(r[0]))).toContain('B. Những vấn đề Tỉnh Lào Cai chưa tiếp thu:');
    expect(tableAfter(fb, 'C.').map((r) => r[2])).toEqual(['Bê tông hóa đường liên thôn (Thôn B)', 'Hỗ trợ giống lúa (Thôn A)']);
    // Hòa Bình in the feedback table: its accepted road, with the II.4.A difficulty it answers and what to do.
    const table = await records(target, FEEDBACK_TABLE);
    const hb = table.filter((r) => r['Xã'] === 'Xã Hòa Bình' && r['Kết luận'] === 'Đồng ý');
    expect(hb.map((r) => [r['Khó khăn'], r['Hoạt động'], r['Phòng/ban thẩm định'], r['Ưu tiên cấp trên']])).toEqual([
      ['Đường lầy lội mùa mưa (Thôn Nà Lìu)', 'Bê tông hóa đường nội thôn (Thôn Nà Lìu)', 'Sở Xây dựng', 1],
    ]);
    expect(table).toHaveLength(third.rollup.reconciliation.read.count);
    // A note the upper level types in the feedback table stays with its row on the next run.
    const [d] = await target.readSheets([FEEDBACK_TABLE]);
    const noteCol = d.values[0].indexOf('Ghi chú của cấp trên');
    const at = table.findIndex((r) => r['Hoạt động'] === 'Bê tông hóa đường nội thôn (Thôn Nà Lìu)');
    await target.writeValues([{ sheet: FEEDBACK_TABLE, row: at + 1, col: noteCol, values: [['Gửi kèm bản vẽ']] }]);
    await rollUpCommunes(sources([c]), target);
    expect((await records(target, FEEDBACK_TABLE)).find((r) => r['Hoạt động'] === 'Bê tông hóa đường nội thôn (Thôn Nà Lìu)')?.['Ghi chú của cấp trên']).toBe('Gửi kèm bản vẽ');
    // Per commune: the verdicts.
    const tl = third.rollup.communes.find((x) => x.name === 'Xã Tân Lập');
    expect(tl?.verdicts).toEqual({ accepted: 2, rejected: 1, pending: 2 });
  });

  it('flags activities no commune proposes any more, keeping them and their appraisal; they come back when the commune does', async () => {
    const [a, b] = [await tanLap(), await hoaBinh()];
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes(sources([a, b]), target);
    await appraise(target, (x) => x.startsWith('Bê tông hóa đường nội thôn'), { opinion: 'Không đồng ý', reason: 'Chưa có trong quy hoạch' });
    // A commune left out of a run keeps its rows in the tables…
    const kept = await rollUpCommunes(sources([a]), target);
    expect(kept.rollup.reconciliation.vanished).toBe(0);
    expect(kept.rollup.communes.map((c) => c.name)).toContain('Xã Hòa Bình');
    // …until someone deletes them there: then they vanish from the summary, kept with their appraisal.
    await dropCommune(target, 'Xã Hòa Bình');
    const without = await rollUpCommunes(sources([a]), target);
    const gone = without.rollup.rows.filter((r) => r.status === 'vanished');
    expect(gone.map((r) => r.activity).sort()).toEqual(b.result.plan.activities.map((x) => x.activity).sort());
    expect(gone.find((r) => r.activity.startsWith('Bê tông'))?.appraisal).toEqual({ opinion: 'Không đồng ý', reason: 'Chưa có trong quy hoạch' });
    expect(without.rollup.reconciliation).toMatchObject({ vanished: gone.length, balanced: true });
    const vanishedFindings = without.rollup.findings.filter((f) => f.code === 'ROLLUP_ROW_VANISHED');
    expect(vanishedFindings).toHaveLength(gone.length);
    expect(vanishedFindings.map((f) => f.params.commune)).toEqual(gone.map(() => 'Xã Hòa Bình'));
    const grid = await values(target, SUMMARY_SHEET);
    expect(grid.some((r) => r.some((v) => text(v) === VANISHED_NOTE))).toBe(true);
    // Back again: active, appraisal intact.
    const back = await rollUpCommunes(sources([a, b]), target);
    expect(back.rollup.reconciliation.vanished).toBe(0);
    expect(back.rollup.rows.find((r) => r.activity.startsWith('Bê tông hóa đường nội thôn'))).toMatchObject({ status: 'active', verdict: 'rejected', appraisal: { reason: 'Chưa có trong quy hoạch' } });
  });

  it('finds the appraisals again by commune and activity when the key column was cleared', async () => {
    const a = await tanLap();
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes(sources([a]), target);
    await appraise(target, (x) => x.startsWith('Xây dựng nhà văn hóa'), { opinion: 'Đồng ý', priority: 1 });
    // Someone clears the grey "Mã dòng (LKH)" column, header included.
    const [d] = await target.readSheets([SUMMARY_SHEET]);
    const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const keyCol = d.values[header].indexOf(KEY_COLUMN_HEADER);
    await target.writeValues([{ sheet: SUMMARY_SHEET, row: d.top + header, col: d.left + keyCol, values: d.values.slice(header).map(() => [null]) }]);
    const again = await rollUpCommunes(sources([a]), target);
    expect(again.rollup.reconciliation).toMatchObject({ keptAppraisals: 1, vanished: 0 });
    expect(again.rollup.rows.find((r) => r.activity.startsWith('Xây dựng nhà văn hóa'))).toMatchObject({ verdict: 'accepted', appraisal: { upperPriority: 1 } });
  });

  it('ranks the accepted II.6.B activities by upper-level priority then commune priority, against the funds held', async () => {
    const cs = [await tanLap(), await hoaBinh(), await naHang()];
    const target = MemoryWorkbook.fromArrays({});
    await rollUpCommunes(sources(cs), target, { upperLevel: 'Huyện' });
    // II.6.B: Tân Lập hall 350.000, seeds 2.500 / 5.000; Hòa Bình road 340.000, nutrition 6.000; Nà Hang school 280.000, maize 9.000.
    await appraise(target, (x) => x.startsWith('Xây phòng học'), { opinion: 'Đồng ý', priority: 1 });
    await appraise(target, (x) => x.startsWith('Bê tông hóa đường nội thôn'), { opinion: 'Đồng ý', priority: 2 });
    await appraise(target, (x) => x.startsWith('Tư vấn dinh dưỡng'), { opinion: 'Đồng ý' });
    await appraise(target, (x) => x.startsWith('Xây dựng nhà văn hóa'), { opinion: 'Đồng ý', priority: 3 });
    await appraise(target, (x) => x.startsWith('Hỗ trợ giống ngô'), { opinion: 'Không đồng ý', reason: 'Ngoài định hướng' });
    // 700 triệu: the school (280.000) and the road (+340.000 = 620.000) fit; the hall (+350.000) does not, nor anything after it.
    const { rollup } = await rollUpCommunes(sources(cs), target, { funds: 700 });
    expect(rollup.ranking.map((r) => [r.row.activity.replace(/ \(.*\)$/, ''), r.cumulative, r.withinFunds])).toEqual([
      ['Xây phòng học điểm trường Bản Chang', 280000, true],
      ['Bê tông hóa đường nội thôn', 620000, true],
      ['Xây dựng nhà văn hóa thôn', 970000, false],
      ['Tư vấn dinh dưỡng cho bà mẹ', 976000, false],
    ]);
    const grid = await values(target, RANKING_SHEET);
    expect(grid.map((r) => text(r[0]))).toContain('Nguồn vốn Huyện nắm giữ để hỗ trợ các hoạt động chưa rõ nguồn vốn: 700 triệu đồng (= 700.000 nghìn đồng).');
    const header = grid.findIndex((r) => r.includes('Trong khả năng vốn'));
    const within = grid[header].indexOf('Trong khả năng vốn');
    expect(grid.slice(header + 1, header + 5).map((r) => text(r[within]))).toEqual(['Có', 'Có', 'Không', 'Không']);
    expect(text(grid[0][0])).toContain('CỦA HUYỆN ……');
    // The funds are remembered for the next run.
    const again = await rollUpCommunes(sources(cs), target, { feedbackCommune: 'Xã Nà Hang' });
    expect(again.rollup.funds).toBe(700);
    // Feedback remarks tell the commune where it stands.
    const fb = tableAfter(await values(target, FEEDBACK_VIEW), 'A.');
    expect(fb[0][6]).toBe('Ưu tiên cấp trên: 1; Trong khả năng vốn');
  });

  it('orders ties by the commune priority and cuts the running total at the first activity out of funds', () => {
    const row = (key: string, proposed: number, upperPriority?: number, communePriority?: number): DistrictRow => ({
      key,
      communeKey: 'x',
      commune: 'Xã X',
      form: 'II.6.B',
      topic: 'csht',
      sector: '',
      activity: key,
      total: proposed,
      contribution: 0,
      budget: 0,
      proposed,
      ...(communePriority !== undefined ? { communePriority } : {}),
      appraisal: { opinion: 'Đồng ý', ...(upperPriority !== undefined ? { upperPriority } : {}) },
      verdict: 'accepted',
      status: 'active',
    });
    const ranked = rankWithinFunds([row('d', 10), row('c', 50, 1, 3), row('b', 100, 1, 1), row('a', 5, 2)], 0.16, new Map());
    expect(ranked.map((r) => [r.row.key, r.cumulative, r.withinFunds])).toEqual([
      ['b', 100, true],
      ['c', 150, true],
      ['a', 155, true],
      ['d', 165, false],
    ]);
    expect(rankWithinFunds([row('a', 5)], undefined, new Map())[0].withinFunds).toBeUndefined();
  });

  it('reads communes from tabs of one shared spreadsheet, hand-made sheets without key columns included, and writes there too', async () => {
    const shared = MemoryWorkbook.fromArrays({});
    const activityRow = (activity: string, total: number, contribution: number, budget: number, proposed: number, extra: Record<string, LayoutValue> = {}): BodyRow => ({
      kind: 'data',
      values: { activity, unit: 'cái', quantity: 1, time: 'Q.III/2027', place: 'Thôn 1', responsible: 'UBND xã', total, contribution, budget, proposed, ...extra },
    });
    // Xã Tân Lập's II.6.B: no "Xã:" filled in, no key column: the commune is the tab's prefix.
    await shared.createSheet(
      layoutForm(getForm('II.6.B'), {
        planYear: 2027,
        sheetName: 'Xã Tân Lập - II.6.B',
        body: { activities: [activityRow('Làm cầu treo qua suối', 500000, 50000, 0, 450000, { priority: 1, sector: 'Giao thông' }), activityRow('Nhà văn hóa thôn 2', 300000, 30000, 0, 270000, { priority: 2, sector: 'Văn hóa' })] },
      }),
    );
    // A row with figures but no name is not lost either.
    await shared.writeValues([{ sheet: 'Xã Tân Lập - II.6.B', row: 9, col: 10, values: [[1000]] }]);
    // Xã Hòa Bình's II.6.A, "Xã:" filled in; the tab name says nothing.
    await shared.createSheet(
      layoutForm(getForm('II.6.A'), {
        planYear: 2027,
        unitName: 'Hòa Bình',
        sheetName: 'Biểu A của HB',
        body: { activities: [{ kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 }, activityRow('Dọn vệ sinh đường làng', 3000, 3000, 0, 0)] },
      }),
    );
    // Xã Nà Hang sent only its II.4.B: split by rule 5.
    await shared.createSheet(
      layoutForm(getForm('II.4.B'), {
        planYear: 2027,
        sheetName: 'Xã Nà Hang - II.4.B',
        body: {
          activities: [
            { kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 },
            activityRow('Kiên cố hóa kênh mương', 200000, 20000, 180000, 0, { fundSource: 'Chương trình 135' }),
            activityRow('Mua máy tuốt lúa', 40000, 10000, 0, 30000),
          ],
        },
      }),
    );
    const first = await rollUpCommunes([{ port: shared }], shared, { upperLevel: 'Tỉnh Lào Cai' });
    const names = first.rollup.communes.map((c) => c.name);
    expect(names).toEqual(['Xã Hòa Bình', 'Xã Nà Hang', 'Xã Tân Lập']);
    const tl = first.rollup.rows.filter((r) => r.commune === 'Xã Tân Lập');
    expect(tl.map((r) => [r.activity, r.form, r.communePriority])).toEqual([
      ['Làm cầu treo qua suối', 'II.6.B', 1],
      ['Nhà văn hóa thôn 2', 'II.6.B', 2],
      [expect.stringMatching(/^\(không ghi tên — Xã Tân Lập - II\.6\.B!/), 'II.6.B', undefined],
    ]);
    expect(tl[0].key).toBe('tan lap|ten:lam cau treo qua suoi');
    const nh = first.rollup.rows.filter((r) => r.commune === 'Xã Nà Hang');
    expect(nh.map((r) => [r.activity, r.form, r.onlyInIi4b])).toEqual([
      ['Kiên cố hóa kênh mương', 'II.6.A', true],
      ['Mua máy tuốt lúa', 'II.6.B', true],
    ]);
    expect(first.rollup.issues.map((i) => i.code)).toContain('ONLY_IN_II4B');
    expect(first.rollup.reconciliation).toMatchObject({ read: { count: 6, amount: 1044000 }, written: { count: 6, amount: 1044000 }, balanced: true });
    // Typed appraisals survive a re-run in the same spreadsheet; the roll-up's own tabs are not read as communes.
    await appraise(shared, (x) => x === 'Làm cầu treo qua suối', { opinion: 'Không đồng ý', reason: 'Đã có trong kế hoạch của tỉnh' });
    // The tabs were imported into the long tables once: every activity reconciled, and not read again.
    expect(first.imported.map((i) => [i.name, i.fromTabs, i.read.count, i.stored.count, i.balanced])).toEqual([
      ['Xã Tân Lập', true, 3, 3, true],
      ['Xã Hòa Bình', true, 1, 1, true],
      ['Xã Nà Hang', true, 2, 2, true],
    ]);
    const second = await rollUpCommunes([{ port: shared }], shared, { feedbackCommune: 'Xã Tân Lập' });
    expect(second.rollup.reconciliation).toMatchObject({ read: { count: 6 }, keptAppraisals: 1, vanished: 0, balanced: true });
    expect(second.reading.sheets.filter((s) => s.used).map((s) => s.sheet)).toEqual([]);
    expect(second.imported).toEqual([]);
    expect(tableAfter(await values(shared, FEEDBACK_VIEW), 'B.')[0].slice(2, 6)).toEqual([
      'Làm cầu treo qua suối',
      'II.6.B',
      'Không đồng ý',
      'Đã có trong kế hoạch của tỉnh',
    ]);
  });

  it('groups one sector once in the summary, whatever spelling each commune used (issue 21)', async () => {
    const shared = MemoryWorkbook.fromArrays({});
    const activityRow = (activity: string, sector: string, proposed: number): BodyRow => ({
      kind: 'data',
      values: { activity, sector, unit: 'kg', quantity: 100, time: 'Q.II/2027', place: 'Thôn 1', responsible: 'UBND xã', total: proposed + 1000, contribution: 1000, budget: 0, proposed },
    });
    const plan = async (commune: string, rows: BodyRow[]) =>
      shared.createSheet(layoutForm(getForm('II.6.B'), { planYear: 2027, sheetName: `${commune} - II.6.B`, body: { activities: rows } }));
    await plan('Xã Tân Lập', [activityRow('Hỗ trợ phân bón NPK', 'Nông nghiệp', 4000), activityRow('Bê tông hóa đường nội đồng', 'GTNT', 90000)]);
    await plan('Xã Hòa Bình', [activityRow('Hỗ trợ vôi bột cải tạo đất', 'Nông nghiệp (Trồng trọt & Thủy lợi)', 3000), activityRow('Làm đường ngõ xóm', 'Giao thông', 50000)]);
    await plan('Xã Nà Hang', [activityRow('Hỗ trợ giống lúa lai', 'nông nghiệp', 5000), activityRow('Sửa nhà văn hóa thôn', 'Văn hóa - Thông tin (riêng của xã)', 20000)]);
    const { rollup } = await rollUpCommunes([{ port: shared }], shared, { upperLevel: 'Tỉnh Lào Cai' });
    expect(rollup.rows.map((r) => [r.commune, r.sector])).toEqual(
      expect.arrayContaining([
        ['Xã Tân Lập', 'Nông nghiệp'],
        ['Xã Hòa Bình', 'Nông nghiệp'],
        ['Xã Nà Hang', 'Nông nghiệp'],
        ['Xã Tân Lập', 'Giao thông'],
        ['Xã Hòa Bình', 'Giao thông'],
        // A commune's own wording, no sector LKH knows, is kept as typed.
        ['Xã Nà Hang', 'Văn hóa - Thông tin (riêng của xã)'],
      ]),
    );
    const groups = (await values(shared, SUMMARY_SHEET)).map((r) => text(r[0])).filter((t) => t.startsWith('Ngành/Lĩnh vực: '));
    expect(groups.filter((g) => g === 'Ngành/Lĩnh vực: Nông nghiệp')).toHaveLength(1);
    expect(groups.filter((g) => g === 'Ngành/Lĩnh vực: Giao thông')).toHaveLength(1);
    expect(groups.filter((g) => /Trồng trọt & Thủy lợi|GTNT|nông nghiệp$/u.test(g))).toEqual([]);
  });

  it('compares III.1 with II.6.A: the total and each program allocation', async () => {
    const a = await tanLap();
    // The upper level's own file of III.1 sheets, one per commune ("Tân Lập" without "Xã" is the same commune).
    const iii1 = MemoryWorkbook.fromArrays({});
    await iii1.createSheet(
      layoutForm(getForm('III.1'), {
        planYear: 2027,
        unitName: 'Tân Lập',
        sheetName: 'III.1 Tân Lập',
        fixedValues: { sources: { 'chi-thuong-xuyen': { amount: 800 }, 'ntm-dau-tu': { content: 'Giao thông, thủy lợi nội đồng', amount: 100 }, 'gnbv-dau-tu': { amount: 200 } } },
      }),
    );
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([...sources([a]), { port: iii1, file: 'III.1.xlsx' }], target);
    expect(rollup.communes).toHaveLength(1);
    const c = rollup.communes[0];
    // II.6.A: the canal (NTM, 130.000) and the road (CT 135, 255.000) = 385 triệu, within 1.100 in all.
    expect(c.iii1).toMatchObject({ total: 1100, ii6aBudget: 385, within: true });
    // A 2027 plan falls under the merged program of 2026-2030: the handbook form's NTM and GNBV
    // lines (100 + 200) both count against it, and its 385 triệu of investment money exceed them.
    expect(c.iii1?.checks.some((k) => k.passed === false)).toBe(true);
    expect(rollup.findings.map((f) => f.code)).toContain('BUDGET_OVER_ALLOCATION');
    const grid = await values(target, COMMUNES_SHEET);
    const head = grid.findIndex((r) => r.includes('So với III.1'));
    const row = grid.find((r) => r[1] === 'Xã Tân Lập');
    expect(row?.[grid[head].indexOf('So với III.1')]).toBe('Vượt mức 1 nguồn vốn');
    expect(row?.[grid[head].indexOf('III.1: kinh phí dự kiến (triệu đồng)')]).toBe(1100);
  });
});

describe('roll-up helpers', () => {
  it('reads the offices\' opinions', () => {
    expect(['Đồng ý', 'đồng ý', 'x', 'Có', 'Chấp thuận'].map(verdictOf)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(['Không đồng ý', 'không', 'Chưa đồng ý', 'Từ chối'].map(verdictOf)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect([undefined, '', '  '].map(verdictOf)).toEqual(['pending', 'pending', 'pending']);
    expect(verdictOf('xem lại')).toBe('unknown');
  });

  it('names communes from tabs and keeps feedback sheet names within 31 characters', () => {
    expect(tabPrefix('Xã Tân Lập - II.6.B')).toBe('Xã Tân Lập');
    expect(tabPrefix('Xã Tân Lập – II.6.A (sửa)')).toBe('Xã Tân Lập');
    expect(tabPrefix('Kế hoạch - bản nháp')).toBeUndefined();
    expect(communeKey('Xã Tân Lập')).toBe(communeKey('tân lập'));
    const long = feedbackSheetName('Xã Phong Thổ Sìn Hồ Mường Tè', []);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(feedbackSheetName('Xã Phong Thổ Sìn Hồ Mường Tè', [long])).not.toBe(long);
  });
});

describe('the upper level reads each row\'s topic from its own section (issue 12)', () => {
  /** The demo commune consolidated into one workbook (II.4.A, II.4.B, II.6.A, II.6.B, II.6.C, report). */
  async function demoCommune(): Promise<{ wb: MemoryWorkbook; result: CommuneResult }> {
    const wb = MemoryWorkbook.fromArrays({});
    const result = await consolidateCommune(wb, await demoReadings(false), { communeName: 'Xã Tân Lập', planYear: 2027 });
    return { wb, result };
  }

  it('files every activity under its commune\'s topic, II.6.A\'s outside-money rows included (no inherited heading)', async () => {
    const { wb, result } = await demoCommune();
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([{ port: wb, file: 'xa-tan-lap.xlsx' }], target, { upperLevel: 'Tỉnh Lào Cai' });
    const topicOf = new Map(result.plan.activities.map((a) => [`tan lap|${a.key}`, a.topic]));
    const active = rollup.rows.filter((r) => r.status === 'active');
    expect(active).toHaveLength(result.plan.activities.length);
    for (const r of active) expect([r.activity, r.topic]).toEqual([r.activity, topicOf.get(r.key)]);
    // The rows of II.6.A's part B (by funding group, under no topic heading) are not all VH-XH-MT.
    const outside = active.filter((r) => r.form === 'II.6.A' && r.budget > 0);
    expect(outside.length).toBeGreaterThan(5);
    expect(outside.find((r) => r.activity.startsWith('Xây dựng cầu tràn'))?.topic).toBe('csht');
    expect(outside.filter((r) => r.activity.startsWith('Cứng hóa kênh mương')).every((r) => r.topic === 'csht')).toBe(true);
    expect(outside.filter((r) => r.activity.startsWith('Hỗ trợ lợn giống')).every((r) => r.topic === 'kinh-te')).toBe(true);
  });

  it('without II.4.B, part B\'s rows take their topic from their own words, part A\'s from their section; "Cộng" rows are no activity', async () => {
    const { wb, result } = await demoCommune();
    await wb.deleteSheets(['II.4.B']);
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([{ port: wb, file: 'xa-tan-lap.xlsx' }], target, { upperLevel: 'Tỉnh Lào Cai' });
    const active = rollup.rows.filter((r) => r.status === 'active');
    expect(active).toHaveLength(result.plan.activities.length);
    expect(active.some((r) => /^(tổng )?cộng/iu.test(r.activity))).toBe(false);
    const topicOf = new Map(result.plan.activities.map((a) => [`tan lap|${a.key}`, a.topic]));
    for (const r of active) expect([r.activity, r.topic]).toEqual([r.activity, topicOf.get(r.key)]);
  });

  it('reconciles by topic as well as by commune: a line per topic, in the report too', async () => {
    const { wb, result } = await demoCommune();
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes([{ port: wb, file: 'xa-tan-lap.xlsx' }], target, { upperLevel: 'Tỉnh Lào Cai' });
    const topics = rollup.reconciliation.topics;
    expect(topics.map((t) => t.topic)).toEqual(['csht', 'kinh-te', 'vh-xh-mt']);
    for (const t of topics) {
      const mine = result.plan.activities.filter((a) => a.topic === t.topic);
      expect(t.read).toEqual({ count: mine.length, amount: mine.reduce((s, a) => s + a.total, 0) });
      expect(t.written).toEqual(t.read);
      expect(t.balanced).toBe(true);
    }
    expect(topics.reduce((s, t) => s + t.read.count, 0)).toBe(rollup.reconciliation.read.count);
    const grid = await values(target, DISTRICT_REPORT_SHEET);
    const rows = tableAfter(grid, 'Đối chiếu theo chủ đề');
    expect(rows.map((r) => [r[1], r[6]])).toEqual([
      ['1. Cơ sở hạ tầng', 'Khớp'],
      ['2. Kinh tế và tổ chức sản xuất', 'Khớp'],
      ['3. Văn hóa - Xã hội - Môi trường', 'Khớp'],
    ]);
  });

  it('takes its funds from IV.1 when no funds are given, and says so; given funds win', async () => {
    const { wb } = await demoCommune();
    const iv1 = MemoryWorkbook.fromArrays({});
    await iv1.createSheet(
      layoutForm(formEdition(getForm('IV.1'), '2026-2030'), {
        planYear: 2027,
        unitName: 'Huyện Bắc Hà',
        sheetName: 'IV.1',
        fixedValues: { sources: { 'chi-thuong-xuyen': { amount: 900 }, 'ctmtqg-dau-tu': { amount: 2000 }, 'ctmtqg-su-nghiep': { amount: 400 }, tinh: { amount: 700 } } },
      }),
    );
    const srcs = [{ port: wb, file: 'xa-tan-lap.xlsx' }, { port: iv1, file: 'IV.1-Bac-Ha.xlsx' }];
    const target = MemoryWorkbook.fromArrays({});
    const { rollup } = await rollUpCommunes(srcs, target, { upperLevel: 'Huyện Bắc Hà' });
    expect(rollup.funds).toBe(4000);
    expect(rollup.fundsFrom).toEqual({ kind: 'iv1', sheets: ['IV.1-Bac-Ha.xlsx — IV.1'] });
    expect(rollup.issues.map((i) => i.code)).not.toContain('FUNDS_MISSING');
    const report = (await values(target, DISTRICT_REPORT_SHEET)).map((r) => r.map(text).join(' '));
    expect(report.some((l) => l.includes('Vốn Huyện Bắc Hà nắm giữ để xếp ưu tiên: 4.000 triệu đồng — theo Biểu IV.1'))).toBe(true);
    const ranking = (await values(target, RANKING_SHEET)).map((r) => r.map(text).join(' '));
    expect(ranking.some((l) => l.includes('theo tổng kinh phí dự kiến phân bổ của Biểu IV.1'))).toBe(true);
    // Funds typed win over IV.1.
    const again = await rollUpCommunes(srcs, MemoryWorkbook.fromArrays({}), { upperLevel: 'Huyện Bắc Hà', funds: 1500 });
    expect([again.rollup.funds, again.rollup.fundsFrom]).toEqual([1500, { kind: 'option' }]);
  });
});
