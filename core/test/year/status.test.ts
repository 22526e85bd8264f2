/**
 * The year's status (issue 20): where a unit is in its planning year, from what its workbook holds
 * and its state — on hand-made workbooks as communes fill them: a commune that starts at the
 * consolidation with no step-1 paper (it never stays "Bước 1, 0/7"), its next action through the
 * drafts, the conference and the export; ticks of a step and its results in agreement; deadlines
 * only where they mean something; a province speaking of communes; the state read tolerantly.
 */
import { createActions } from '../../src/app/actions';
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, DocumentState } from '../../src/port/types';
import { readSheet } from '../../src/reader/read';
import { parseA1 } from '../../src/util/a1';
import { stepsOf } from '../../src/workflow/calendar';
import { ballotLayout, rankItemsFromSheet } from '../../src/workflow/ranking';
import type { EvidenceSheet, YearStatus } from '../../src/year';
import { readChecklistState, readYearState, recordBallot, recordDocument, recordRanking, writeUpperLevel, writeVillages, yearStatus, yearTick } from '../../src/year';
import { addSourceSheet } from '../workflow/helpers';

const SETTINGS = { planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa' as const, period: '2026-2030' as const, upperLevelName: 'Tỉnh Lào Cai' };

/** Types a value into a fixed row's cell, found by the reader (I.1's indicator). */
async function fillFixed(wb: MemoryWorkbook, sheet: string, form: FormId, row: string, cellKey: string, value: CellValue): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  const at = readSheet(d, { formId: form }).reading?.fixedValues[row]?.[cellKey];
  if (typeof at !== 'string') throw new Error(`no ${row}.${cellKey} on ${sheet}`);
  const { row: r, col } = parseA1(at);
  await wb.writeValues([{ sheet, row: r, col, values: [[value]] }]);
}

/** Types after a field's label, as a village secretary fills the minutes. */
async function fillField(wb: MemoryWorkbook, sheet: string, label: string, value: string): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  for (let i = 0; i < d.values.length; i++) {
    const j = d.values[i].findIndex((v) => typeof v === 'string' && v.startsWith(label));
    if (j >= 0) {
      await wb.writeValues([{ sheet, row: d.top + i, col: d.left + j, values: [[`${String(d.values[i][j])} ${value}`]] }]);
      return;
    }
  }
  throw new Error(`no "${label}" on ${sheet}`);
}

/**
 * A commune that starts at the consolidation: no directive, no calendar, no meeting ticked — two
 * villages' I.1, I.2, I.3 typed into tabs of the workbook, one department's II.3, nothing else.
 */
async function communeFromConsolidation(): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromArrays({});
  for (const v of ['Thôn Nà Lìu', 'Thôn Pác Ngòi']) {
    await addSourceSheet(wb, 'I.2', v, 'Nông nghiệp', [
      { activity: `Cứng hóa kênh mương ${v}`, unit: 'm', quantity: 200, contribution: 20000, support: 130000 },
      { activity: `Vệ sinh đường làng ${v}`, unit: 'lần', quantity: 4, contribution: 4000 },
    ]);
    await wb.createSheet(layoutForm(getForm('I.1'), { planYear: 2027, unitName: v, sheetName: `${v} - I.1` }));
    await fillFixed(wb, `${v} - I.1`, 'I.1', 'I.1', 'valueCell', 95);
    await wb.createSheet(layoutForm(getForm('I.3'), { planYear: 2027, unitName: v, sheetName: `${v} - I.3` }));
    await fillField(wb, `${v} - I.3`, '(2.3) Người dân tham gia họp:', '52 người, trong đó nữ 18');
  }
  await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Nông nghiệp', [{ activity: 'Tập huấn kỹ thuật trồng lúa', unit: 'lớp', quantity: 2, contribution: 0, support: 8000 }]);
  return wb;
}

const step = (s: YearStatus, n: number) => s.steps.find((x) => x.n === n)!;
const item = (s: YearStatus, n: number, what: string) => step(s, n).items.find((i) => i.what === what)!;

describe('a commune that starts at the consolidation', () => {
  it('is at step 3 after consolidating, with step 2 in from every village and department and step 1 listed as gaps', async () => {
    const wb = await communeFromConsolidation();
    const a = createActions(wb);
    await a.saveSettings(SETTINGS);
    const before = await a.yearStatus('2026-05-20');
    // Before consolidating: the forms are in (step 2), the next action is to consolidate.
    expect(before.current).toBe(2);
    expect(before.next.action).toBe('consolidate');

    await a.consolidate();
    const s = await a.yearStatus('2026-05-20');
    expect(s.current).toBe(3);
    expect(s.steps.map((x) => x.title)).toEqual(stepsOf('xa').map((x) => x.title));
    for (const f of ['I.1', 'I.2', 'I.3']) expect(item(s, 2, `Biểu ${f} (từ các thôn)`)).toMatchObject({ done: true, missing: [] });
    expect(item(s, 2, 'Biểu II.3 (từ các ban ngành, đơn vị)').done).toBe(true);
    expect(item(s, 2, 'Biểu II.3 (từ các ban ngành, đơn vị)').evidence.map((e) => e.sheet)).toEqual(['Hội Nông dân xã - II.3']);
    // The commune's own drafts (II.8) may still be open; the village keeps its I.4 (not asked of the commune).
    expect(step(s, 2).items.some((i) => i.form === 'I.4')).toBe(false);
    expect(item(s, 3, 'Biểu II.6.A')).toMatchObject({ done: true, evidence: [{ sheet: 'II.6.A', text: 'trang "II.6.A"' }] });
    expect(item(s, 3, 'Biểu II.7.A').done).toBe(false);
    // The handbook's "năm X+1" said as the plan's year
    expect(item(s, 3, 'Bản dự thảo KH PT KT-XH cấp xã năm 2027 (theo mẫu biểu do địa phương qui định)').done).toBe(false);
    expect(s.steps.flatMap((x) => [x.heading, ...x.items.map((i) => i.what)]).filter((w) => /\bX\b/u.test(w))).toEqual([]);
    // Step 1 was never done on paper: its results are listed as gaps, not the step the commune is in.
    expect(s.gaps.filter((g) => g.step === 1).map((g) => g.what)).toContain('Biểu II.2');
    expect(s.villages).toMatchObject({ expected: 2, complete: 2, expectedSet: false });
    // A later step expecting II.6.A again is shown by its own act (the conference's ranking), not by the sheet.
    expect(item(s, 4, 'Biểu II.6.A').done).toBe(false);
    expect(item(s, 5, 'Biểu II.6.A').done).toBe(false);
    expect(s.next).toMatchObject({ action: 'draft', target: 'II.7.A', step: 3 });
    expect(s.next.text).toMatch(/^Soạn dự thảo kế hoạch Biểu II\.7\.A và Biểu II\.7\.B/u);
  });

  it('goes drafts → ballot → ranking → updated drafts → export, each recorded act moving it on and never back', async () => {
    const wb = await communeFromConsolidation();
    const a = createActions(wb);
    await a.saveSettings(SETTINGS);
    await a.consolidate();
    await a.recordDocument('II.7.A', 'Du-thao-II.7.A.docx', 'drafted', '2026-06-08');
    await a.recordDocument('II.7.B', 'Du-thao-II.7.B.docx', 'drafted', '2026-06-08');
    let s = await a.yearStatus('2026-06-09');
    expect(item(s, 3, 'Biểu II.7.A')).toMatchObject({ done: true, evidence: [{ file: 'Du-thao-II.7.A.docx', date: '2026-06-08', text: 'soạn ngày 08/06/2026: Du-thao-II.7.A.docx' }] });
    expect(s.next).toMatchObject({ action: 'ballot', target: 'II.6.B', step: 4 });
    const done3 = step(s, 3).counts.done;

    const ballot = await a.createBallot({ listSheet: 'II.6.B', method: 'marks', participants: 3 });
    s = await a.yearStatus('2026-06-09');
    expect(s.next).toMatchObject({ action: 'rank', target: ballot.sheet });

    // Three delegates mark the first activity of the ballot.
    const [ii6b] = await wb.readSheets(['II.6.B']);
    const layout = ballotLayout(rankItemsFromSheet(ii6b, 'II.6.B').items, { kind: 'marks' }, { participants: 3, sheetName: ballot.sheet, formId: 'II.6.B', unitName: SETTINGS.unitName, planYear: 2027 });
    const t = layout.tables.find((x) => x.key === 'tally')!;
    const col = (key: string) => t.columns.find((c) => c.key === key)!.col;
    await wb.writeValues([1, 2, 3].map((p) => ({ sheet: ballot.sheet, row: t.bodyRow, col: col(`p${p}`), values: [['/']] })));
    await a.rankFromBallot({ ballotSheet: ballot.sheet });
    s = await a.yearStatus('2026-06-12');
    expect(s.current).toBeGreaterThanOrEqual(4);
    expect(item(s, 4, 'Biểu II.6.B').done).toBe(true);
    expect(item(s, 4, 'Đã tổ chức hội nghị kế hoạch xã').done).toBe(true);
    expect(step(s, 3).counts.done).toBe(done3);
    // The drafts were made before the conference: update them.
    expect(s.next).toMatchObject({ action: 'draft', step: 4 });
    await a.recordDocument('II.7.A', 'II.7.A-sau-hoi-nghi.docx', 'drafted');
    await a.recordDocument('II.7.B', 'II.7.B-sau-hoi-nghi.docx', 'drafted');
    s = await a.yearStatus('2026-06-20');
    expect(s.next.action).toBe('export');
    await a.recordDocument('package', 'Xa-Tan-Lap-ke-hoach-2027.xlsx', 'exported');
    s = await a.yearStatus('2026-06-25');
    expect(item(s, 5, 'Biểu II.6.A').evidence[0].file).toBe('Xa-Tan-Lap-ke-hoach-2027.xlsx');
    expect(s.current).toBe(5);
    // Still open in step 5: the meeting with the Party committee, ticked by hand.
    expect(s.next).toMatchObject({ action: 'tick', target: 'buoc5.1.trinh' });
  });

  it('a draft made before the ranking of the same day is stale; one made after it is not', () => {
    const base: DocumentState = { ...SETTINGS };
    const sheets: EvidenceSheet[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'].map((f) => ({ sheet: f, form: f as FormId, filled: true }));
    let state = recordDocument(base, { kind: 'II.7.A', action: 'drafted', at: '2026-12-07', time: '2026-12-07T08:00:00.000Z', fileName: 'II.7.A-sang.docx' });
    state = recordDocument(state, { kind: 'II.7.B', action: 'drafted', at: '2026-12-07', time: '2026-12-07T08:01:00.000Z', fileName: 'II.7.B-sang.docx' });
    state = recordBallot(state, 'Phiếu ưu tiên - II.6.B', 'II.6.B', 'marks');
    state = recordRanking(state, 'Phiếu ưu tiên - II.6.B', 'II.6.B', { at: '2026-12-07', time: '2026-12-07T10:00:00.000Z', participants: 3, valid: true });
    let s = yearStatus({ state, sheets, today: '2026-12-07' });
    expect(s.next).toMatchObject({ action: 'draft', target: 'II.7.A', step: 4 });
    expect(item(s, 4, 'Biểu II.7.A').done).toBe(false);
    state = recordDocument(state, { kind: 'II.7.A', action: 'drafted', at: '2026-12-07', time: '2026-12-07T10:05:00.000Z', fileName: 'II.7.A-chieu.docx' });
    state = recordDocument(state, { kind: 'II.7.B', action: 'drafted', at: '2026-12-07', time: '2026-12-07T10:06:00.000Z', fileName: 'II.7.B-chieu.docx' });
    s = yearStatus({ state, sheets, today: '2026-12-07' });
    expect(item(s, 4, 'Biểu II.7.A')).toMatchObject({ done: true, evidence: [{ file: 'II.7.A-chieu.docx' }] });
    expect(s.next.action).toBe('export');
    // read back as written, the moment kept
    expect(readYearState(state).documents.at(-1)).toMatchObject({ at: '2026-12-07', time: '2026-12-07T10:06:00.000Z' });
  });

  it('after a consolidation with an error in the sources: fix it first, with its cell', () => {
    const state: DocumentState = {
      ...SETTINGS,
      sheetForms: { 'II.6.A': 'II.6.A', 'II.6.B': 'II.6.B' },
      extra: {
        findings: [{ origin: 'consolidation', findings: [{ c: 'NOT_A_NUMBER', s: 'Thôn A - I.2', l: 'H22', p: { value: 'không', column: 'Dân góp' } }], omitted: 0 }],
      },
    };
    const sheets: EvidenceSheet[] = [
      { sheet: 'II.6.A', form: 'II.6.A', filled: true },
      { sheet: 'II.6.B', form: 'II.6.B', filled: true },
    ];
    const s = yearStatus({ state, sheets, today: '2026-06-01' });
    expect(s.next).toMatchObject({ action: 'fix', sheet: 'Thôn A - I.2', cell: 'H22', step: 3 });
    expect(s.next.text).toMatch(/^Sửa 1 lỗi của lần tổng hợp trước rồi tổng hợp lại; lỗi đầu tiên ở trang "Thôn A - I\.2" ô H22/u);
    // An overrun of III.1 is settled at the conference (the ranking decides), not "fixed first".
    const over = yearStatus({
      state: { ...state, extra: { findings: [{ origin: 'consolidation', findings: [{ c: 'BUDGET_OVER_ALLOCATION', s: 'III.1', l: 'C12', p: {} }], omitted: 0 }] } },
      sheets,
      today: '2026-06-01',
    });
    expect(over.next.action).toBe('draft');
  });
});

describe('deadlines only where they mean something', () => {
  const sheets: EvidenceSheet[] = [{ sheet: 'Thôn A - I.2', form: 'I.2', filled: true, unit: 'Thôn A' }];
  it('in the plan year\'s own calendar: the current and the next step only', () => {
    const s = yearStatus({ state: { ...SETTINGS }, sheets, today: '2026-05-20' });
    expect(s.current).toBe(2);
    expect(s.steps.filter((x) => x.deadline).map((x) => x.n)).toEqual([2, 3]);
    expect(step(s, 2).deadline).toMatchObject({ end: '2026-05-21', daysLeft: 1, overdue: false, text: 'Hạn 21/05/2026 (còn 1 ngày)' });
  });
  it('none for a past year, a demo or a year not started', () => {
    expect(yearStatus({ state: { ...SETTINGS, planYear: 2019 }, sheets, today: '2026-05-20' }).steps.some((x) => x.deadline)).toBe(false);
    expect(yearStatus({ state: { ...SETTINGS }, sheets, today: '2026-05-20', demo: true }).steps.some((x) => x.deadline)).toBe(false);
    expect(yearStatus({ state: { ...SETTINGS, extra: { demo: true } }, sheets, today: '2026-05-20' }).steps.some((x) => x.deadline)).toBe(false);
  });
});

describe('ticks agree', () => {
  it('a step ticked carries its results; a result unticked unticks its step; the status shows the same', () => {
    let state: DocumentState = { ...SETTINGS };
    state = yearTick(state, 'buoc1', true);
    const ticks = readChecklistState(state).manual;
    for (const it of stepsOf('xa')[0].items) expect(ticks[it.id]).toBe(true);
    expect(ticks['buoc1.1.tct-xa']).toBe(true);
    let s = yearStatus({ state, sheets: [], today: '2026-05-01' });
    expect(step(s, 1).done).toBe(true);
    expect(step(s, 1).items.every((i) => i.done && i.ticked)).toBe(true);

    state = yearTick(state, 'buoc1.3.hop', false);
    const after = readChecklistState(state).manual;
    expect(after.buoc1).toBeUndefined();
    expect(after['buoc1.3']).toBeUndefined();
    expect(after['buoc1.1.tct-xa']).toBe(true);
    s = yearStatus({ state, sheets: [], today: '2026-05-01' });
    expect(step(s, 1).done).toBe(false);
    expect(step(s, 1).items.filter((i) => !i.done).map((i) => i.id)).toEqual(['buoc1.3.hop']);
  });
});

describe('the number of villages, set once', () => {
  it('judges "đã gửi đủ": one village of three in is not all', () => {
    const state = writeVillages({ ...SETTINGS }, undefined, 3);
    const sheets: EvidenceSheet[] = (['I.1', 'I.2', 'I.3'] as const).map((form) => ({ sheet: `Thôn A - ${form}`, form, filled: true, unit: 'Thôn A' }));
    const s = yearStatus({ state, sheets, today: '2026-05-01' });
    expect(s.villages).toMatchObject({ expected: 3, complete: 1, expectedSet: true, text: '1/3 thôn đã gửi đủ Biểu I.1, I.2, I.3; 2 thôn chưa gửi gì' });
    expect(item(s, 2, 'Biểu I.2 (từ các thôn)')).toMatchObject({ done: false, missing: ['2 thôn chưa có tên'] });
  });
});

describe('a province', () => {
  it('has its own titles, speaks of communes, and counts the communes rolled up', () => {
    const state: DocumentState = { planYear: 2027, unitName: 'Tỉnh Lào Cai', level: 'tinh' };
    const before = yearStatus({ state, sheets: [], today: '2026-12-01' });
    expect(before.steps.map((x) => x.title)).toEqual(stepsOf('tinh').map((x) => x.title));
    expect(before.next).toMatchObject({ action: 'rollup' });
    expect(before.next.text).toContain('các xã');
    expect(before.next.text).not.toMatch(/tên xã/u);
    const rolled = yearStatus({ state: writeUpperLevel(state, { communes: ['Xã A', 'Xã B', 'Xã C'], sheets: ['Tổng hợp theo xã'] }), sheets: [], today: '2026-12-01' });
    expect(item(rolled, 3, 'Đã nhận bản dự thảo KH CTMTQG (lần 1) do các huyện gửi lên')).toMatchObject({ done: true, evidence: [{ text: 'đã tổng hợp kế hoạch của 3 xã' }] });
    expect(rolled.current).toBe(3);
    expect(rolled.villages).toBeUndefined();
    expect(item(rolled, 3, 'Dự thảo KH cấp tỉnh thực hiện CTMTQG năm 2027').done).toBe(false);
    expect(yearStatus({ state: { level: 'tinh' }, sheets: [], today: '2026-12-01' }).steps.flatMap((x) => x.items.map((i) => i.what))).toContain('Dự thảo KH cấp tỉnh thực hiện CTMTQG năm kế hoạch');
    const unset = yearStatus({ state: { level: 'tinh' }, sheets: [], today: '2026-12-01' });
    expect(unset.next).toEqual({ text: 'Nhập năm kế hoạch và tên tỉnh ở Cài đặt.', say: { key: 'settings', level: 'tinh' }, action: 'settings', step: 1 });
  });
});

describe('the year\'s state, read in one place', () => {
  it('reads what was written and leaves damaged entries out', () => {
    let state: DocumentState = { ...SETTINGS };
    state = recordBallot(state, 'Phiếu ưu tiên - II.6.B', 'II.6.B', 'marks');
    state = recordRanking(state, 'Phiếu ưu tiên - II.6.B', 'II.6.B', { at: '2026-06-12', participants: 30, valid: true });
    state = recordDocument(state, { kind: 'II.7.A', action: 'drafted', at: '2026-06-08', fileName: 'II.7.A.docx' });
    state = writeVillages(state, [' Thôn A ', 'thôn a', 'Thôn B'], 4);
    const y = readYearState(state);
    expect(y.ballots).toEqual({ 'Phiếu ưu tiên - II.6.B': { listSheet: 'II.6.B', method: 'marks', ranked: { at: '2026-06-12', participants: 30, valid: true } } });
    expect(y.documents).toEqual([{ kind: 'II.7.A', action: 'drafted', at: '2026-06-08', fileName: 'II.7.A.docx' }]);
    expect(y.villages).toEqual(['Thôn A', 'Thôn B']);
    expect(y.expectedVillages).toBe(4);
    const damaged = readYearState({ extra: { ballots: { x: 3, y: { listSheet: 'II.6.A', ranked: { at: 'hôm qua' } } }, documents: [{ kind: 'II.99' }, 'x'], villages: 'Thôn A', expectedVillages: 0, lastChange: { action: 'x' } } });
    expect(damaged).toMatchObject({ ballots: { y: { listSheet: 'II.6.A', method: 'marks' } }, documents: [], villages: [], findings: [], demo: false });
    expect(damaged.expectedVillages).toBeUndefined();
    expect(damaged.lastChange).toBeUndefined();
    expect(() => recordDocument({}, { kind: 'II.7.A', action: 'drafted', at: '8/6/2026', fileName: 'x' })).toThrow('Ngày không hợp lệ');
    expect(() => writeVillages({}, undefined, 0)).toThrow('Số thôn phải là số nguyên từ 1 đến 200');
  });
});
