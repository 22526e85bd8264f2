/** The panes' actions over the in-memory port: what a commune accountant does in one session. */
import type { ConsolidationStep } from '../../src/app/actions';
import { createActions } from '../../src/app/actions';
import { exportPackage, importXlsx } from '../../src/app/transfer';
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { parseA1 } from '../../src/util/a1';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { addSourceSheet, fillBallot, handbookCommune } from '../workflow/helpers';
import { RankingRefused, marksPerPerson } from '../../src/workflow/ranking';

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

  it('consolidates in one click, then ranks II.6.B from a filled ballot', async () => {
    const wb = await handbookCommune();
    const a = createActions(wb);
    const c = await a.consolidate();
    expect(c.reconciliation.balanced).toBe(true);
    expect(c.sheets).toContain('II.6.B');
    expect(c.counts.ii6b).toBeGreaterThan(0);
    const ballot = await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 3 });
    expect(ballot.items).toBe(c.counts.ii6b);
    // Nobody has marked anything yet: refused with the reason, no rank written, no copy kept.
    const sheetsBefore = await wb.listSheets();
    const [listBefore] = await wb.readSheets(['II.6.B']);
    const refused = a.rankFromBallot({ ballotSheet: ballot.sheet });
    await expect(refused).rejects.toThrow(RankingRefused);
    await expect(refused).rejects.toThrow(`Trang "${ballot.sheet}" chưa có phiếu nào được điền: 0 người đánh dấu hợp lệ, nên chưa xếp ưu tiên và không ghi mức ưu tiên nào vào trang "II.6.B".`);
    await expect(refused).rejects.toThrow(`mỗi người dự họp đánh dấu (hoặc bỏ hạt) vào tối đa ${marksPerPerson(c.counts.ii6b)} trong ${c.counts.ii6b} hoạt động`);
    expect(await wb.listSheets()).toEqual(sheetsBefore);
    expect((await wb.readSheets(['II.6.B']))[0]).toEqual(listBefore);
    // One person marks two activities: every activity gets its own rank, the two marked first.
    await fillBallot(wb, ballot.sheet, { marks: 2 });
    const r = await a.rankFromBallot({ ballotSheet: ballot.sheet });
    expect(r.sheet).toBe('II.6.B');
    expect(r.participants).toBe(1);
    expect(r.ranks).toHaveLength(c.counts.ii6b);
    expect([...r.ranks].map((x) => x.rank).sort((x, y) => x - y)).toEqual(r.ranks.map((_, i) => i + 1));
    expect(r.ranks.filter((x) => x.total === 1).map((x) => x.rank).sort()).toEqual([1, 2]);
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
