/**
 * The upper level's feedback read back by the commune (handbook step 6): the roll-up's feedback
 * table "Phản hồi các xã" (core/test/workflow/district.test.ts's communes, appraised as the
 * offices would) read from the roll-up's workbook, or the "Phản hồi - <Xã>" file the commune receives, and
 * brought into the commune's plan: the "Phản hồi cấp trên" sheet and the answer beside each row of
 * II.6.A and II.6.B, rejected rows flagged, accepted-and-funded II.6.B rows marked for II.6.A.
 */
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue, WorkbookPort } from '../../src/port/types';
import { MemoryWorkbook } from '../../src/port/memory';
import {
  FEEDBACK_TABLE,
  FEEDBACK_VIEW,
  feedbackFileLayouts,
  writeFeedbackView,
  REJECTED_FLAG,
  SUMMARY_SHEET,
  feedbackLayouts,
  UPPER_FEEDBACK_HEADER,
  UPPER_FEEDBACK_SHEET,
  applyUpperFeedback,
  feedbackFor,
  readFeedbackSheet,
  readUpperFeedback,
  rollUpCommunes,
} from '../../src/workflow/upper-level';
import type { RollUpResult } from '../../src/workflow/upper-level';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import type { Commune } from './fixtures/communes';
import { hoaBinh as hoaBinhWith, tanLap } from './fixtures/communes';

/** Xã Hòa Bình without its health station: only the village's rows come back in the feedback. */
const hoaBinh = () => hoaBinhWith({ healthStation: false });

type Grid = readonly (readonly CellValue[])[];

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

async function grid(wb: MemoryWorkbook | XlsxWorkbook, sheet: string): Promise<Grid> {
  const [d] = await wb.readSheets([sheet]);
  return d.values;
}

/** Types the offices' appraisal into the summary, as district.test.ts does. */
async function appraise(wb: WorkbookPort, starts: string, a: { office?: string; opinion?: string; reason?: string; priority?: number }): Promise<void> {
  const [d] = await wb.readSheets([SUMMARY_SHEET]);
  const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
  const col = (h: string) => d.values[header].findIndex((v) => v === h);
  const row = d.values.findIndex((r, i) => i > header && text(r[col(KEY_COLUMN_HEADER)]) !== '' && text(r[col('Hoạt động')]).startsWith(starts));
  expect(row).toBeGreaterThan(header);
  const put = async (h: string, v: CellValue | undefined) => {
    if (v !== undefined) await wb.writeValues([{ sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + col(h), values: [[v]] }]);
  };
  await put('Phòng/ban thẩm định', a.office);
  await put('Ý kiến (Đồng ý / Không đồng ý)', a.opinion);
  await put('Lý do', a.reason);
  await put('Ưu tiên cấp trên', a.priority);
}

/** The province's roll-up of Tân Lập and Hòa Bình, appraised; 700 triệu of funds for II.6.B. */
async function appraised<T extends WorkbookPort = MemoryWorkbook>(target: T = MemoryWorkbook.fromArrays({}) as unknown as T): Promise<{ a: Commune; b: Commune; target: T; result: RollUpResult }> {
  const [a, b] = [await tanLap(), await hoaBinh()];
  await rollUpCommunes([{ port: a.wb, file: a.file }, { port: b.wb, file: b.file }], target, { upperLevel: 'Tỉnh Lào Cai' });
  await appraise(target, 'Cứng hóa kênh mương', { office: 'Sở Nông nghiệp và Môi trường', opinion: 'Đồng ý' });
  await appraise(target, 'Xây dựng nhà văn hóa', { office: 'Sở Văn hóa', opinion: 'Đồng ý', priority: 1 });
  await appraise(target, 'Hỗ trợ giống lúa lai', { office: 'Sở Nông nghiệp và Môi trường', opinion: 'Không đồng ý', reason: 'Trùng với chương trình hỗ trợ giống của tỉnh' });
  const result = await rollUpCommunes([{ port: a.wb, file: a.file }, { port: b.wb, file: b.file }], target, { funds: 700 });
  return { a, b, target, result };
}

/** The file sent to one commune: its feedback sheet alone, as `lkh district --feedback-dir` writes it. */
async function sentTo(result: RollUpResult, commune: string): Promise<XlsxWorkbook> {
  const layout = feedbackLayouts(result.rollup).find((l) => l.name === `Phản hồi - ${commune}`);
  expect(layout).toBeDefined();
  const wb = XlsxWorkbook.create();
  if (layout) await wb.createSheet(layout);
  return wb;
}

/** The column headed `header` in the row holding "Mã dòng (LKH)", and each activity's value in it. */
function besideKeys(g: Grid, header: string): Map<string, string> {
  const h = g.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
  const col = g[h].indexOf(header);
  expect(col).toBe(g[h].indexOf(KEY_COLUMN_HEADER) + 1);
  const activityCol = g[h].findIndex((v) => text(v).startsWith('Tên hoạt động') || text(v).startsWith('Hoạt động'));
  const out = new Map<string, string>();
  for (const r of g.slice(h + 1)) if (text(r[col]) !== '') out.set(text(r[activityCol >= 0 ? activityCol : 1]), text(r[col]));
  return out;
}

describe('the upper level’s feedback read back by the commune', () => {
  it('reads the roll-up’s feedback sheet: accepted, not accepted with the reason, waiting; priorities, funds and the commune’s row keys', async () => {
    const { a, target } = await appraised();
    const all = await readUpperFeedback(target);
    // One table for every commune in the province's workbook: one feedback per commune read from it.
    expect(all.map((f) => [f.sheet, f.commune]).sort()).toEqual([
      [FEEDBACK_TABLE, 'Xã Hòa Bình'],
      [FEEDBACK_TABLE, 'Xã Tân Lập'],
    ]);
    const fb = feedbackFor(all, 'xã tân lập');
    expect(fb).toMatchObject({ sheet: FEEDBACK_TABLE, commune: 'Xã Tân Lập', upperLevel: 'TỈNH LÀO CAI', planYear: 2027 });
    const by = (s: string) => fb.lines.find((l) => l.activity.startsWith(s));
    expect(by('Cứng hóa kênh mương')).toMatchObject({ verdict: 'accepted', form: 'II.6.A', office: 'Sở Nông nghiệp và Môi trường' });
    expect(by('Xây dựng nhà văn hóa')).toMatchObject({ verdict: 'accepted', form: 'II.6.B', office: 'Sở Văn hóa', upperPriority: 1, withinFunds: true });
    expect(by('Hỗ trợ giống lúa lai')).toMatchObject({ verdict: 'rejected', form: 'II.6.B', opinion: 'Không đồng ý', office: 'Sở Nông nghiệp và Môi trường', reason: 'Trùng với chương trình hỗ trợ giống của tỉnh' });
    expect(fb.lines.filter((l) => l.verdict === 'pending').map((l) => l.activity)).toEqual(['Bê tông hóa đường liên thôn (Thôn B)', 'Hỗ trợ giống lúa (Thôn A)']);
    // Every line carries the commune's own key: the key its II.6.A/II.6.B hold.
    const planKeys = new Set(a.result.plan.activities.map((x) => x.key));
    expect(fb.lines).toHaveLength(a.result.plan.activities.length);
    expect(fb.lines.every((l) => l.key !== undefined && planKeys.has(l.key))).toBe(true);
    // The feedback addressed to another commune is refused by name.
    expect(() => feedbackFor(all, 'Xã Nà Hang')).toThrow('Không có trang phản hồi nào gửi Xã Nà Hang: tệp có phản hồi cho');
  }, 30_000);

  it('writes "Phản hồi cấp trên" and the answer beside each row of II.6.A and II.6.B; the plan’s own cells are unchanged', async () => {
    const { a, result } = await appraised();
    const before = { ii6a: await grid(a.wb, 'II.6.A'), ii6b: await grid(a.wb, 'II.6.B') };
    const fb = feedbackFor(await readUpperFeedback(await sentTo(result, 'Xã Tân Lập')), 'Xã Tân Lập');
    const r = await applyUpperFeedback(a.wb, fb, { communeName: 'Xã Tân Lập' });
    expect(r).toMatchObject({ sheet: UPPER_FEEDBACK_SHEET, accepted: 2, rejected: 1, pending: 2, unmatched: 0, noted: 5 });
    expect(r.matches.filter((m) => m.move).map((m) => m.line.activity)).toEqual(['Xây dựng nhà văn hóa thôn (Thôn A)']);
    // The sheet: one row per activity, where it is in the plan, the answer, what to do.
    const g = await grid(a.wb, UPPER_FEEDBACK_SHEET);
    expect(text(g[0][0])).toBe('PHẢN HỒI CỦA CẤP TRÊN VỀ KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    expect(text(g[1][0])).toBe('Đọc từ trang "Phản hồi - Xã Tân Lập" (Tỉnh Lào Cai): 5 hoạt động — đồng ý 2, chưa tiếp thu 1, đang chờ ý kiến 2.');
    const h = g.findIndex((row) => row.includes('Việc của xã'));
    const col = (name: string) => g[h].indexOf(name);
    const rows = g.slice(h + 1).filter((row) => text(row[col('Hoạt động')]) !== '');
    expect(rows).toHaveLength(5);
    const line = (s: string) => rows.find((row) => text(row[col('Hoạt động')]).startsWith(s)) as readonly CellValue[];
    expect(text(line('Xây dựng nhà văn hóa')[col('Việc của xã')])).toMatch(/^Cấp trên đồng ý và trong khả năng vốn: chuyển sang II\.6\.A/u);
    expect(text(line('Xây dựng nhà văn hóa')[col('Trong kế hoạch xã')])).toMatch(/^II\.6\.B \(dòng \d+\)$/u);
    expect(line('Xây dựng nhà văn hóa')[col('Ưu tiên cấp trên')]).toBe(1);
    expect(text(line('Hỗ trợ giống lúa lai')[col('Kết luận của cấp trên')])).toBe('Chưa tiếp thu');
    expect(text(line('Hỗ trợ giống lúa lai')[col('Ý kiến, lý do')])).toBe('Không đồng ý: Trùng với chương trình hỗ trợ giống của tỉnh');
    expect(text(line('Cứng hóa kênh mương')[col('Việc của xã')])).toBe('Cấp trên đồng ý: giữ trong II.6.A.');
    expect(text(line('Bê tông hóa đường liên thôn')[col('Việc của xã')])).toBe('Đang chờ ý kiến thẩm định của cấp trên: giữ nguyên.');
    // Beside the plan rows: the answer, rejected ones flagged.
    const ii6b = besideKeys(await grid(a.wb, 'II.6.B'), UPPER_FEEDBACK_HEADER);
    expect(ii6b.get('Hỗ trợ giống lúa lai (Thôn B)')).toBe(`${REJECTED_FLAG}; Sở Nông nghiệp và Môi trường; lý do: Trùng với chương trình hỗ trợ giống của tỉnh`);
    expect(ii6b.get('Xây dựng nhà văn hóa thôn (Thôn A)')).toBe('Đồng ý; Sở Văn hóa; ưu tiên cấp trên 1; trong khả năng vốn; → chuyển sang II.6.A');
    const ii6a = besideKeys(await grid(a.wb, 'II.6.A'), UPPER_FEEDBACK_HEADER);
    expect(ii6a.get('Cứng hóa kênh mương (Thôn A)')).toBe('Đồng ý; Sở Nông nghiệp và Môi trường');
    // Nothing of the plan itself moved: every cell left of the new column is as it was.
    for (const [sheet, was] of [['II.6.A', before.ii6a], ['II.6.B', before.ii6b]] as const) {
      const now = await grid(a.wb, sheet);
      const keyCol = now[now.findIndex((row) => row.includes(UPPER_FEEDBACK_HEADER))].indexOf(UPPER_FEEDBACK_HEADER);
      expect(now.map((row) => row.slice(0, keyCol))).toEqual(was.map((row) => [...row.slice(0, keyCol), ...Array(Math.max(0, keyCol - row.length)).fill(null)].slice(0, keyCol)));
    }
  }, 30_000);

  it('reads the feedback from the file the commune receives, and matches by name when the keys are gone; a second feedback replaces the first', async () => {
    // The province rolls up in an .xlsx file and sends it; someone there cleared the grey key column of Tân Lập's sheet.
    const { a, target, result } = await appraised(XlsxWorkbook.create());
    const file = await sentTo(result, 'Xã Tân Lập');
    const [sheet] = await file.readSheets(['Phản hồi - Xã Tân Lập']);
    const keyCol = sheet.values.find((row) => row.includes(KEY_COLUMN_HEADER))?.indexOf(KEY_COLUMN_HEADER) ?? -1;
    expect(keyCol).toBeGreaterThan(0);
    await file.writeValues([{ sheet: sheet.name, row: sheet.top, col: sheet.left + keyCol, values: sheet.values.map(() => [null]) }]);
    const received = await XlsxWorkbook.loadForReading(await file.save());
    const all = await readUpperFeedback(received);
    expect(all.map((f) => f.commune)).toEqual(['Xã Tân Lập']);
    const fb = feedbackFor(all, 'Xã Tân Lập');
    expect(fb.lines.every((l) => l.key === undefined)).toBe(true);
    const r = await applyUpperFeedback(a.wb, fb);
    expect(r).toMatchObject({ accepted: 2, rejected: 1, pending: 2, unmatched: 0, noted: 5 });
    // The upper level changes its mind: the hall is rejected now. Applied again: the sheet kept as a copy, the notes replaced.
    await appraise(target, 'Xây dựng nhà văn hóa', { opinion: 'Không đồng ý', reason: 'Đã có trong kế hoạch năm sau' });
    await rollUpCommunes([{ port: a.wb, file: a.file }], target);
    const again = await applyUpperFeedback(a.wb, feedbackFor(await readUpperFeedback(target), 'Xã Tân Lập'));
    expect(again).toMatchObject({ accepted: 1, rejected: 2, keptCopy: `${UPPER_FEEDBACK_SHEET} (cũ)` });
    const ii6b = besideKeys(await grid(a.wb, 'II.6.B'), UPPER_FEEDBACK_HEADER);
    expect(ii6b.get('Xây dựng nhà văn hóa thôn (Thôn A)')).toMatch(new RegExp(`^${REJECTED_FLAG}; Sở Văn hóa; lý do: Đã có trong kế hoạch năm sau`, 'u'));
    // The commune's own "Phản hồi cấp trên" is never taken for the upper level's feedback.
    expect((await readUpperFeedback(a.wb)).map((f) => f.sheet)).toEqual([]);
  }, 30_000);

  it('makes each commune\'s feedback from the feedback table alone: the printable view of a chosen commune, and the files to send', async () => {
    const { target, result } = await appraised();
    const v = await writeFeedbackView(target, 'hòa bình');
    expect(v.commune).toBe('Xã Hòa Bình');
    const view = await grid(target, FEEDBACK_VIEW);
    expect(view.map((r) => text(r[0]))).toContain('Kính gửi: Ủy ban nhân dân Xã Hòa Bình');
    // Remembered: the next roll-up prints the same commune.
    const again = await rollUpCommunes([], target);
    expect(again.feedbackCommune).toBe('Xã Hòa Bình');
    await expect(writeFeedbackView(target, 'Xã Nà Hang')).rejects.toThrow('Không có "Xã Nà Hang" trong bảng "Phản hồi các xã" (có 2 xã');
    // The files made from the table say what the roll-up's own say, line for line.
    const files = await feedbackFileLayouts(target);
    expect(files.map((l) => l.name)).toEqual(['Phản hồi - Xã Hòa Bình', 'Phản hồi - Xã Tân Lập']);
    const fromTable = XlsxWorkbook.create();
    await fromTable.createSheet(files[1]);
    const a = feedbackFor(await readUpperFeedback(fromTable), 'Xã Tân Lập');
    const b = feedbackFor(await readUpperFeedback(await sentTo(result, 'Xã Tân Lập')), 'Xã Tân Lập');
    const strip = (f: typeof a) => f.lines.map(({ where: _where, ...rest }) => rest);
    expect(strip(a)).toEqual(strip(b));
    expect(a.lines.length).toBe(5);
  }, 30_000);

  it('says what is missing: no feedback sheet, no plan to apply it to', async () => {
    expect(() => feedbackFor([], 'Xã Tân Lập')).toThrow('Không tìm thấy phản hồi của cấp trên');
    const { target } = await appraised();
    const fb = feedbackFor(await readUpperFeedback(target), 'Xã Hòa Bình');
    await expect(applyUpperFeedback(MemoryWorkbook.fromArrays({}), fb)).rejects.toThrow('Sổ tính chưa có II.6.A, II.6.B của xã');
    expect(readFeedbackSheet({ name: 'Ghi chú', top: 0, left: 0, values: [['Biên bản họp']], errors: [], merges: [] })).toBeUndefined();
  }, 30_000);
});
