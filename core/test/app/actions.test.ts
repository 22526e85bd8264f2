/** The panes' actions over the in-memory port: what a commune accountant does in one session. */
import type { ConsolidationStep } from '../../src/app/actions';
import { createActions } from '../../src/app/actions';
import { exportPackage, importXlsx } from '../../src/app/transfer';
import { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData } from '../../src/port/types';
import { readSheet } from '../../src/reader/read';
import { parseA1 } from '../../src/util/a1';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { addSourceSheet, handbookCommune } from '../workflow/helpers';
import { RankingRefused, marksPerPerson } from '../../src/workflow/ranking';

/** II.6.B's activities top to bottom with their Ưu tiên, as the officer reads the sheet. */
async function listOrder(wb: MemoryWorkbook): Promise<[unknown, unknown][]> {
  const [d] = await wb.readSheets(['II.6.B']);
  const head = d.values.findIndex((r) => r.includes('Ưu tiên'));
  const priority = d.values[head].indexOf('Ưu tiên');
  const activity = d.values[head].indexOf('Hoạt động');
  return d.values
    .slice(head + 1)
    .filter((r) => typeof r[0] === 'number')
    .map((r) => [r[activity], r[priority]]);
}

/** The conference's counts under the ballot (rule 8): attendees, women among them, those who agreed. */
async function fillValidity(wb: MemoryWorkbook, data: SheetData, attendees: number, women: number, agreed: number): Promise<void> {
  const sheet = data.name;
  const row = (label: string) => data.values.findIndex((r) => r[0] === label);
  // The value goes in the first cell right of the label's merged area.
  const label = data.merges.find((m) => m.row === row('Số đại biểu dự hội nghị') && m.col === 0);
  const col = label ? label.cols : 1;
  await wb.writeValues(
    [
      ['Số đại biểu dự hội nghị', attendees],
      ['Trong đó nữ', women],
      ['Số đại biểu đồng ý với danh mục ưu tiên', agreed],
    ].map(([label, n]) => ({ sheet, row: row(label as string), col, values: [[n]] })),
  );
}

describe('pane actions', () => {
  it('keeps settings in the workbook', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const a = createActions(wb);
    // A workbook nobody set up is planned now: the latest period, the province above.
    expect(await a.getSettings()).toEqual({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh' });
    await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai' });
    // a second pane opening the same workbook finds them
    expect(await createActions(wb).getSettings()).toEqual({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2021-2025', upperLevelName: 'Tỉnh Lào Cai' });
    await expect(a.saveSettings({ planYear: 27, level: 'xa', period: '2016-2020', upperLevelName: '' })).rejects.toThrow('Năm kế hoạch 27 không hợp lệ');
  });

  it('inserts a form named for its unit, formatted, and recognised later', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2027, level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    const r = await a.insertForm('I.2', 'Thôn A');
    expect(r.sheet).toBe('Thôn A - I.2');
    const [data] = await wb.readSheets(['Thôn A - I.2']);
    expect(readSheet(data).reading).toMatchObject({ formId: 'I.2', unitName: 'Thôn A', planYear: 2027 });
    expect((await wb.readState()).sheetForms).toEqual({ 'Thôn A - I.2': 'I.2' });
    // inserting again keeps the first as a copy
    expect((await a.insertForm('I.2', 'Thôn A')).keptCopy).toBe('Thôn A - I.2 (cũ)');
    await expect(a.insertForm('II.5')).rejects.toThrow('Không có biểu mẫu II.5');
  });

  it('validates, marks cells through the host, selects a finding', async () => {
    const wb = await handbookCommune();
    const marked: string[] = [];
    const selected: string[] = [];
    const a = createActions(wb, {
      markFindings: async (fs) => void marked.push(...fs.map((f) => `${f.sheet}!${f.cell}`)),
      selectCell: async (s, c) => void selected.push(`${s}!${c}`),
    });
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [{ activity: 'Làm đường', unit: 'm', quantity: 100, contribution: 10000, support: 50000, total: 70000 }]);
    const v = await a.validate();
    expect(v.forms.map((f) => f.formId)).toEqual(['I.2', 'I.2', 'I.2']);
    expect(v.errors).toBe(1);
    const error = v.findings.find((f) => f.severity === 'error');
    expect(error).toMatchObject({ code: 'AMOUNT_SUM_MISMATCH', sheet: 'Thôn C - I.2' });
    // every finding is marked (the helper's rows leave Địa điểm empty: warnings)
    expect(marked).toEqual(v.findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(marked).toContain(`Thôn C - I.2!${error?.cell}`);
    await a.selectCell('Thôn C - I.2', 'G13');
    expect(selected).toEqual(['Thôn C - I.2!G13']);
  });

  it('tells each sheet it reads, with counts, then that it builds and writes the plan', async () => {
    const wb = await handbookCommune();
    const visible = (await wb.readSheets(await wb.listSheets())).filter((d) => !d.hidden).map((d) => d.name);
    expect(visible.length).toBeGreaterThan(1);
    const steps: ConsolidationStep[] = [];
    const v = await createActions(wb).consolidate({}, async (s) => void steps.push(s));
    expect(v.counts.activities).toBeGreaterThan(0);
    expect(steps).toEqual([...visible.map((sheet, i) => ({ stage: 'reading', done: i + 1, total: visible.length, sheet })), { stage: 'building' }, { stage: 'writing' }]);
    // again: the plan's own sheets are read too, and counted
    const again = (await wb.readSheets(await wb.listSheets())).filter((d) => !d.hidden).length;
    steps.length = 0;
    await createActions(wb).consolidate({}, (s) => void steps.push(s));
    expect(steps.filter((s) => s.stage === 'reading')).toHaveLength(again);
    expect(steps.at(-3)).toMatchObject({ stage: 'reading', done: again, total: again });
  });

  it('consolidates in one click, then ranks II.6.B from a filled ballot: marks, beans, then scores', async () => {
    const wb = await handbookCommune();
    const a = createActions(wb);
    const c = await a.consolidate();
    expect(c.reconciliation.balanced).toBe(true);
    expect(c.counts.ii6b).toBe(3);
    const NVH = 'Xây dựng nhà văn hóa thôn (Thôn A)';
    const LUA_A = 'Hỗ trợ giống lúa (Thôn A)';
    const LUA_B = 'Hỗ trợ giống lúa lai (Thôn B)';
    expect(await listOrder(wb)).toEqual([[NVH, null], [LUA_A, null], [LUA_B, null]]);

    // Marks: three people, one mark each (30% of three activities); Nhà văn hóa counted by beans (5), typed in the total.
    const ballot = await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 3 });
    expect(ballot).toEqual({ sheet: 'Phiếu ưu tiên - II.6.B', items: 3 });
    // Nobody has marked anything yet: refused with the reason, no rank written, no copy kept.
    const sheetsBefore = await wb.listSheets();
    const [listBefore] = await wb.readSheets(['II.6.B']);
    const refused = a.rankFromBallot({ ballotSheet: ballot.sheet });
    await expect(refused).rejects.toThrow(RankingRefused);
    await expect(refused).rejects.toThrow(`Trang "${ballot.sheet}" chưa có phiếu nào được điền: 0 người đánh dấu hợp lệ, nên chưa xếp ưu tiên và không ghi mức ưu tiên nào vào trang "II.6.B".`);
    await expect(refused).rejects.toThrow(`mỗi người dự họp đánh dấu (hoặc bỏ hạt) vào tối đa ${marksPerPerson(c.counts.ii6b)} trong ${c.counts.ii6b} hoạt động`);
    expect(await wb.listSheets()).toEqual(sheetsBefore);
    expect((await wb.readSheets(['II.6.B']))[0]).toEqual(listBefore);
    const [sheet] = await wb.readSheets([ballot.sheet]);
    const at = (activity: string, header: string) => {
      const row = sheet.values.findIndex((r) => r[1] === activity);
      const head = sheet.values.findIndex((r) => r.includes(header));
      return { row, col: sheet.values[head].indexOf(header) };
    };
    const put = async (activity: string, header: string, value: string | number) => {
      const { row, col } = at(activity, header);
      await wb.writeValues([{ sheet: ballot.sheet, row, col, values: [[value]] }]);
    };
    await put(LUA_B, 'Người 1', 'x');
    await put(LUA_B, 'Người 2', 'x');
    await put(LUA_A, 'Người 3', 'x');
    await put(NVH, 'Tổng số gạch lựa chọn của người dân', 5);
    await fillValidity(wb, sheet, 40, 16, 21);
    const marks = await a.rankFromBallot({ ballotSheet: ballot.sheet });
    expect(marks.sheet).toBe('II.6.B');
    expect(marks.findings).toEqual([]);
    expect(marks.ranks).toEqual([
      { activity: NVH, total: 5, rank: 1 },
      { activity: LUA_B, total: 2, rank: 2 },
      { activity: LUA_A, total: 1, rank: 3 },
    ]);
    expect(await listOrder(wb)).toEqual([[NVH, 1], [LUA_B, 2], [LUA_A, 3]]);
    // The list as it was before ranking is kept.
    expect(marks.keptCopy).toBeDefined();

    // Scores: two people, four criteria each (1-10); totals Lúa A 9+8+7+6 + 10+10+9+9 = 68, Lúa lai B 5+5+5+5 + 6+6+6+6 = 44, Nhà văn hóa 8·4 + 7·4 = 60.
    const scored = await a.createBallot({ listSheet: 'II.6.B', method: 'scores', participants: 2 });
    const [scoreSheet] = await wb.readSheets([scored.sheet]);
    const first = scoreSheet.values.findIndex((r) => r.includes('Tính phù hợp'));
    const c1 = scoreSheet.values[first].indexOf('Tính phù hợp');
    const scores: Record<string, [number[], number[]]> = {
      [LUA_A]: [[9, 8, 7, 6], [10, 10, 9, 9]],
      [LUA_B]: [[5, 5, 5, 5], [6, 6, 6, 6]],
      [NVH]: [[8, 8, 8, 8], [7, 7, 7, 7]],
    };
    const writes = scoreSheet.values.flatMap((r, row) => {
      if (row <= first || typeof r[1] !== 'string' || !/^Đại biểu [12]$/.test(r[1]) || typeof r[2] !== 'string') return [];
      const person = Number(r[1].slice(-1)) - 1;
      return [{ sheet: scored.sheet, row, col: c1, values: [scores[r[2]][person]] }];
    });
    expect(writes).toHaveLength(6);
    await wb.writeValues(writes);
    await fillValidity(wb, scoreSheet, 40, 16, 21);
    const byScore = await a.rankFromBallot({ ballotSheet: scored.sheet });
    expect(byScore.findings).toEqual([]);
    expect(byScore.ranks).toEqual([
      { activity: LUA_A, total: 68, rank: 1 },
      { activity: NVH, total: 60, rank: 2 },
      { activity: LUA_B, total: 44, rank: 3 },
    ]);
    expect(await listOrder(wb)).toEqual([[LUA_A, 1], [NVH, 2], [LUA_B, 3]]);
  });

  it('exports the package sent upward and imports a village file as tabs', async () => {
    const wb = await handbookCommune();
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    await expect(exportPackage(wb)).rejects.toThrow('Chưa có Biểu II.4.A');
    await a.consolidate();
    const pkg = await exportPackage(wb);
    expect(pkg.fileName).toBe('Xa-Tan-Lap-ke-hoach-2027.xlsx');
    const out = await XlsxWorkbook.load(pkg.bytes);
    expect(await out.listSheets()).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']);
    const [ii4b] = await out.readSheets(['II.4.B']);
    expect(readSheet(ii4b).reading?.activities).toHaveLength(5);

    const target = MemoryWorkbook.fromArrays({});
    const imported = await importXlsx(target, 'Xa-Tan-Lap.xlsx', pkg.bytes);
    expect(imported.sheets).toEqual(['Xã Tân Lập - II.4.A', 'Xã Tân Lập - II.4.B', 'Xã Tân Lập - II.6.A', 'Xã Tân Lập - II.6.B']);
    expect(Object.values(imported.forms)).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']);
    await expect(importXlsx(target, 'hong.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow('Không mở được tệp "hong.xlsx"');
  });
});

describe('checklist action', () => {
  it('shows the seven steps with dates, ticks forms from the sheets and keeps manual ticks', async () => {
    const wb = await handbookCommune();
    const a = createActions(wb);
    expect(await a.checklist('2026-05-20')).toBeUndefined(); // no plan year yet
    await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    const inserted = await a.insertForm('II.8');
    const ii8 = async () => (await a.checklist('2026-05-20'))?.steps.flatMap((s) => [...s.forms, ...s.items.flatMap((i) => i.forms)]).find((f) => f.form === 'II.8');
    const c = await a.checklist('2026-05-20');
    expect(c?.steps).toHaveLength(7);
    // A blank II.8 ticks nothing and says so; one indicator typed in, and it does.
    const blank = await ii8();
    expect(blank).toMatchObject({ present: false, filled: [] });
    expect(blank?.note).toContain('chưa có nội dung');
    const { sheet } = inserted;
    const [d] = await wb.readSheets([sheet]);
    const at = readSheet(d, { formId: 'II.8' }).reading?.fixedValues['agricultural-land']?.valueCell;
    const { row, col } = parseA1(String(at));
    await wb.writeValues([{ sheet, row, col, values: [[350]] }]);
    expect(await ii8()).toMatchObject({ present: true, filled: [sheet] });
    await a.setChecklistTick('buoc1', true);
    const after = await a.checklist('2026-05-20');
    expect(after?.steps[0].status).toBe('done');
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });
});
