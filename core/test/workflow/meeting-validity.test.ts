/**
 * Rule 8 from the village's own sheets (issue 12, deliverable 1), on I.1/I.3/I.4 typed by hand as
 * a village types them (fixtures/village-sheets.ts): the meeting against I.1's "Tổng số hộ"
 * (> 50%), women ≥ 30% in I.3 and in I.4, each village measured against its own I.1; the
 * commune told which village has not sent I.1, I.2 or I.3; and the validity of a ranked list
 * decided after every ranking, shown in the result and written on the tally sheet.
 */
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import type { WorkbookPort } from '../../src/port/types';
import { readWorkbook } from '../../src/reader/workbook';
import { foldKey } from '../../src/text';
import { VALIDITY_TEXT, rankingValidity } from '../../src/workflow/ranking';
import { checkAttendance, womenBelowShare } from '../../src/validate/rules';
import { readSheet } from '../../src/reader/read';
import { REPORT_SHEET, consolidateCommune } from '../../src/workflow/plan';
import { addSourceSheet, fillBallot } from './helpers';
import { villageI1, villageI3, villageI4 } from './fixtures/village-sheets';

const RULE8 = ['MEETING_HOUSEHOLDS_LOW', 'MEETING_AGREEMENT_LOW', 'MEETING_WOMEN_LOW', 'GROUP_WOMEN_LOW'];

async function rule8(wb: WorkbookPort, file?: string) {
  const r = await readWorkbook(wb, file ? { file } : {});
  return { r, findings: r.findings.filter((f) => RULE8.includes(f.code)) };
}

describe('rule 8 from the village sheets', () => {
  it('the issue\'s village: I.1 = "100 hộ", I.3 = 40 people of whom 10 women, I.4 = 18 of whom 4', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100 hộ'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '40', '10'),
      'Thôn Nà Lìu - I.4': villageI4('Nà Lìu', '18', '4'),
    });
    const { r, findings } = await rule8(wb);
    // "100 hộ" is a count with its unit, read as 100, not refused as text.
    expect(r.findings.filter((f) => f.code === 'NOT_A_NUMBER')).toEqual([]);
    expect(r.villages).toHaveLength(1);
    expect(r.villages[0].households).toMatchObject({ value: 100, sheet: 'Thôn Nà Lìu - I.1' });
    expect(findings.map((f) => [f.code, f.sheet])).toEqual([
      ['MEETING_HOUSEHOLDS_LOW', 'Thôn Nà Lìu - I.3'],
      ['MEETING_WOMEN_LOW', 'Thôn Nà Lìu - I.3'],
      ['GROUP_WOMEN_LOW', 'Thôn Nà Lìu - I.4'],
    ]);
    const [households, women, group] = findings;
    expect(households.severity).toBe('error');
    expect(households.params).toMatchObject({ present: '40', total: '100', percent: '40%' });
    // The message names the I.3 cell and where the households come from (I.1's sheet and cell).
    expect(households.cell).toBe(r.villages[0].meetings[0].cell);
    expect(households.message).toContain(`ô ${households.cell}, trang "Thôn Nà Lìu - I.3"`);
    expect(households.message).toContain(`Biểu I.1, trang "Thôn Nà Lìu - I.1" ô ${r.villages[0].households?.cell}`);
    expect(women.params.percent).toBe('25%');
    expect(group.params).toMatchObject({ women: 4, attendees: 18, percent: '22,2%' });
    expect(group.message).toContain('Biểu I.4');
  });

  it('a meeting of more than half the households with 30% women, and a group with 30% women, are valid', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', 100),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '51 người', '16 người'),
      'Thôn Nà Lìu - I.4': villageI4('Nà Lìu', '20', '6'),
    });
    expect((await rule8(wb)).findings).toEqual([]);
    // Exactly half is not more than half.
    const half = MemoryWorkbook.fromArrays({ 'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100'), 'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '50', '20') });
    expect((await rule8(half)).findings.map((f) => f.code)).toEqual(['MEETING_HOUSEHOLDS_LOW']);
  });

  it('each village is measured against its own I.1 ("1.200" typed as text), whatever the order of the tabs', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100'),
      'Khe Mạ I.3': villageI3('Khe Mạ', '500', '200'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '60', '20'),
      'Khe Mạ I.1': villageI1('Khe Mạ', '1.200'),
    });
    const { r, findings } = await rule8(wb);
    expect(r.villages.map((v) => [v.unit, v.households?.value, v.meetings.map((m) => m.attendees)])).toEqual([
      ['Thôn Nà Lìu', 100, [60]],
      ['Thôn Khe Mạ', 1200, [500]],
    ]);
    // 500 of Khe Mạ's 1.200 households is too few; against Nà Lìu's 100 it would have passed.
    expect(findings.map((f) => [f.code, f.sheet, f.params.total])).toEqual([['MEETING_HOUSEHOLDS_LOW', 'Khe Mạ I.3', '1.200']]);
  });

  it('a village file read by the CLI names the file', async () => {
    const wb = MemoryWorkbook.fromArrays({ 'I.1': villageI1('Nà Lìu', '100 hộ'), 'I.3': villageI3('Nà Lìu', '40', '15') });
    const { findings } = await rule8(wb, 'thon-na-liu.xlsx');
    expect(findings.map((f) => [f.code, f.file])).toEqual([['MEETING_HOUSEHOLDS_LOW', 'thon-na-liu.xlsx']]);
    expect(findings[0].message).toContain('tệp "thon-na-liu.xlsx"');
  });
});

describe('which village has not sent I.1, I.2, I.3 (the commune)', () => {
  it('every village of the settings or named by the sheets; a blank template counts for nothing', async () => {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '60', '20'),
      'Khe Mạ I.1': villageI1('Khe Mạ', '1.200'),
      'Khe Mạ I.3': villageI3('Khe Mạ', '700', '300'),
    });
    await addSourceSheet(wb, 'I.2', 'Thôn Khe Mạ', 'Giao thông', [{ activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 }]);
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    // Nà Lìu's I.2 is a blank template: inserted, nothing typed.
    await a.insertForm('I.2', 'Thôn Nà Lìu');
    const state = await wb.readState();
    await wb.writeState({ ...state, extra: { ...(state.extra ?? {}), villages: ['Thôn Nà Lìu', 'Thôn Khe Mạ', 'Thôn Pắc Ngòi'] } });
    const v = await a.validate();
    const missing = v.findings.filter((f) => f.code === 'VILLAGE_FORMS_MISSING');
    expect(missing.map((f) => [f.sheet, f.message])).toEqual([
      ['Thôn Nà Lìu - I.1', 'Thôn Nà Lìu chưa gửi Biểu I.2 (chưa có trang nào của biểu này có nội dung); mỗi thôn gửi xã Biểu I.1, I.2 và I.3 để tổng hợp.'],
      ['', 'Thôn Pắc Ngòi chưa gửi Biểu I.1, I.2, I.3 (chưa có trang nào của biểu này có nội dung); mỗi thôn gửi xã Biểu I.1, I.2 và I.3 để tổng hợp.'],
    ]);
    // A village workbook is not asked for the other villages' forms.
    await a.saveSettings({ planYear: 2027, unitName: 'Thôn Nà Lìu', level: 'thon', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    expect((await a.validate()).findings.filter((f) => f.code === 'VILLAGE_FORMS_MISSING')).toEqual([]);
  });
});

/** Types `value` in the cell right of the ballot's validity label `label`. */
async function typeCount(wb: MemoryWorkbook, sheet: string, label: string, value: string | number): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  for (let i = 0; i < d.values.length; i++) {
    const j = d.values[i].findIndex((v) => typeof v === 'string' && foldKey(v) === foldKey(label));
    if (j < 0) continue;
    const merge = d.merges.find((m) => m.row === d.top + i && m.col === d.left + j);
    await wb.writeValues([{ sheet, row: d.top + i, col: merge ? merge.col + merge.cols : d.left + j + 1, values: [[value]] }]);
    return;
  }
  throw new Error(`no "${label}" on ${sheet}`);
}

/** The text right of the conclusion label on the tally sheet. */
async function conclusion(wb: MemoryWorkbook, sheet: string): Promise<string | undefined> {
  const [d] = await wb.readSheets([sheet]);
  for (const row of d.values) {
    const j = row.findIndex((v) => v === VALIDITY_TEXT.conclusion);
    if (j >= 0) return row.slice(j + 1).find((v): v is string => typeof v === 'string');
  }
  return undefined;
}

describe('ranking validity after every ranking', () => {
  async function village(): Promise<{ wb: MemoryWorkbook; a: ReturnType<typeof createActions>; ballot: string }> {
    const wb = MemoryWorkbook.fromArrays({
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100 hộ'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '40', '10'),
    });
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [
      { activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 },
      { activity: 'Nạo vét kênh mương', unit: 'm', quantity: 500, contribution: 5000, support: 20000 },
      { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, contribution: 2000, support: 8000 },
    ]);
    const a = createActions(wb);
    const { sheet } = await a.createBallot({ listSheet: 'Thôn Nà Lìu - I.2', method: 'marks', participants: 5 });
    await fillBallot(wb, sheet);
    return { wb, a, ballot: sheet };
  }

  it('a village list: households from I.1, people from I.3, agreement typed on the ballot; the conclusion written on the tally sheet', async () => {
    const { wb, a, ballot } = await village();
    // The ballot carries the validity block to fill (the village meeting's counts).
    const [blank] = await wb.readSheets([ballot]);
    const texts = blank.values.flat();
    for (const label of [VALIDITY_TEXT.households, VALIDITY_TEXT.householdsPresent, VALIDITY_TEXT.attendees, VALIDITY_TEXT.women, VALIDITY_TEXT.agree, VALIDITY_TEXT.conclusion]) expect(texts).toContain(label);
    await typeCount(wb, ballot, VALIDITY_TEXT.agree, '35 người');
    const r = await a.rankFromBallot({ ballotSheet: ballot });
    // 40 people for 100 households (I.1 "100 hộ", I.3 "40"): not valid, and says why.
    expect(r.validity).toMatchObject({ valid: false, kind: 'village-meeting', sheet: ballot });
    expect(r.validity.text).toContain('chỉ 40/100 hộ (40%) tham dự, cần trên 50%');
    const notValid = r.findings.find((f) => f.code === 'RANKING_NOT_VALID');
    expect(notValid).toMatchObject({ sheet: ballot, cell: r.validity.cell });
    expect(notValid?.message).toContain('Kết quả xếp ưu tiên của Thôn Nà Lìu chưa có giá trị');
    expect(r.findings.map((f) => f.code)).toContain('MEETING_WOMEN_LOW');
    const written = await conclusion(wb, ballot);
    expect(written).toContain(r.validity.text);
    // The counts' sources are named on the sheet: I.1's and I.3's sheets, the ballot's own cell.
    expect(written).toContain('Biểu I.1, trang "Thôn Nà Lìu - I.1"');
    expect(written).toContain('Biểu I.3, trang "Thôn Nà Lìu - I.3"');

    // The meeting's real counts typed on the ballot win over I.3: 60 households, 60 people, 20 women, 40 agree.
    await typeCount(wb, ballot, VALIDITY_TEXT.householdsPresent, 60);
    await typeCount(wb, ballot, VALIDITY_TEXT.attendees, 60);
    await typeCount(wb, ballot, VALIDITY_TEXT.women, 20);
    await typeCount(wb, ballot, VALIDITY_TEXT.agree, 40);
    const again = await a.rankFromBallot({ ballotSheet: ballot });
    expect(again.validity.valid).toBe(true);
    expect(again.validity.text).toBe('Hợp lệ: 60/100 hộ (60%) có đại diện dự họp; 40/60 người (66,7%) đồng ý; nữ 33,3%.');
    expect(again.findings.filter((f) => f.code === 'RANKING_NOT_VALID' || f.code.startsWith('MEETING_'))).toEqual([]);
    expect(await conclusion(wb, ballot)).toContain('Hợp lệ: 60/100 hộ');
    // The block's counts are not marks: the tally is the same.
    expect(again.ranks).toEqual(r.ranks);
    expect(again.participants).toBe(1);
  });

  it('without a meeting: households agreeing in writing decide (L579)', async () => {
    const { wb, a, ballot } = await village();
    await typeCount(wb, ballot, VALIDITY_TEXT.written, 51);
    const r = await a.rankFromBallot({ ballotSheet: ballot });
    expect(r.validity).toMatchObject({ valid: true, kind: 'village-written' });
    expect(r.validity.text).toContain('51/100 hộ (51%) đồng ý bằng phiếu');
  });

  it('the commune conference ranking II.6.B: more than half the delegates agree', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [
      { activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 },
      { activity: 'Xây nhà văn hóa thôn', unit: 'nhà', quantity: 1, contribution: 50000, support: 350000 },
    ]);
    const a = createActions(wb);
    await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    await a.consolidate();
    const { sheet } = await a.createBallot({ listSheet: 'II.6.B', method: 'scores', participants: 3 });
    const [blank] = await wb.readSheets([sheet]);
    expect(blank.values.flat()).toContain(VALIDITY_TEXT.delegates);
    expect(blank.values.flat()).not.toContain(VALIDITY_TEXT.households);
    await fillBallot(wb, sheet, { scores: [8, 7, 9, 6] });
    const first = await a.rankFromBallot({ ballotSheet: sheet });
    // No count typed under the ballot: the agreement to decide is missing, said as such (the delegates are the one who scored).
    expect(first.validity).toMatchObject({ valid: false, kind: 'commune-conference' });
    expect(first.validity.text).toContain('chưa ghi số người đồng ý');
    await typeCount(wb, sheet, VALIDITY_TEXT.delegates, 30);
    await typeCount(wb, sheet, VALIDITY_TEXT.women, 9);
    await typeCount(wb, sheet, VALIDITY_TEXT.agreeDelegates, 16);
    const r = await a.rankFromBallot({ ballotSheet: sheet });
    expect(r.validity.valid).toBe(true);
    expect(r.validity.text).toBe('Hợp lệ: 16/30 đại biểu (53,3%) đồng ý; nữ 30%.');
    expect(await conclusion(wb, sheet)).toContain(r.validity.text);
  });
});

describe('the women rule at its value (L577: "ít nhất 30%")', () => {
  const women = (w: number, n: number) => checkAttendance({ sheet: 'Thôn A - I.3', attendees: n, women: w }).map((f) => f.code);
  it('30% exactly is enough — 3 of 10 too, which 10 × 0,3 in floating point would have refused', () => {
    expect(womenBelowShare(3, 10)).toBe(false);
    expect(women(3, 10)).toEqual([]);
    expect(women(30, 100)).toEqual([]);
    expect(women(31, 100)).toEqual([]);
    expect(women(29, 100)).toEqual(['MEETING_WOMEN_LOW']);
    expect(women(2, 10)).toEqual(['MEETING_WOMEN_LOW']);
  });

  it('is a requirement of the meeting said as a warning; only households and agreement decide the list (L595)', () => {
    const [f] = checkAttendance({ sheet: 'Thôn A - I.3', attendees: 100, women: 29 });
    expect(f.severity).toBe('warning');
    expect(rankingValidity({ unit: 'Thôn A', households: 100, householdsPresent: 60, attendees: 60, agree: 40, women: 10, sheet: 'Thôn A - I.3' }).valid).toBe(true);
  });

  it('households: 50 of 100 is not more than half, 51 is', () => {
    const households = (present: number) => checkAttendance({ sheet: 'Thôn A - I.3', households: 100, householdsPresent: present }).map((f) => f.code);
    expect(households(50)).toEqual(['MEETING_HOUSEHOLDS_LOW']);
    expect(households(49)).toEqual(['MEETING_HOUSEHOLDS_LOW']);
    expect(households(51)).toEqual([]);
  });
});

describe('a village whose list is not valid has its rows marked in the plan (L595)', () => {
  async function commune(): Promise<MemoryWorkbook> {
    const wb = MemoryWorkbook.fromArrays({
      // Nà Lìu: 40 people for 100 households — its list is not valid.
      'Thôn Nà Lìu - I.1': villageI1('Nà Lìu', '100 hộ'),
      'Thôn Nà Lìu - I.3': villageI3('Nà Lìu', '40', '15'),
      // Khe Mạ: 60 of 100, 20 women — valid.
      'Thôn Khe Mạ - I.1': villageI1('Khe Mạ', '100'),
      'Thôn Khe Mạ - I.3': villageI3('Khe Mạ', '60', '20'),
    });
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [
      { activity: 'Bê tông hóa đường nội thôn', unit: 'm', quantity: 300, contribution: 30000, support: 120000 },
      { activity: 'Phát quang đường làng', unit: 'km', quantity: 2, contribution: 2000 },
    ]);
    await addSourceSheet(wb, 'I.2', 'Thôn Khe Mạ', 'Giao thông', [{ activity: 'Làm cầu tràn qua suối', unit: 'cái', quantity: 1, contribution: 20000, support: 180000 }]);
    return wb;
  }

  const otherOf = async (wb: MemoryWorkbook, sheet: string) => {
    const [d] = await wb.readSheets([sheet]);
    return (readSheet(d, { formId: sheet as 'II.4.B' }).reading?.activities ?? []).map((a) => [a.activity, a.other ?? '']);
  };

  it('marks the village rows in II.4.B and II.6.x, counts them in the report, and unmarks them once the commune confirms', async () => {
    const wb = await commune();
    const r = await consolidateCommune(wb);
    const mark = '[Danh mục của Thôn Nà Lìu chưa hợp lệ (họp thôn) — xem Báo cáo tổng hợp]';
    expect(await otherOf(wb, 'II.4.B')).toEqual([
      ['Phát quang đường làng (Thôn Nà Lìu)', mark],
      ['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', mark],
      ['Làm cầu tràn qua suối (Thôn Khe Mạ)', ''],
    ]);
    expect(await otherOf(wb, 'II.6.B')).toContainEqual(['Bê tông hóa đường nội thôn (Thôn Nà Lìu)', mark]);
    expect(await otherOf(wb, 'II.6.A')).toContainEqual(['Phát quang đường làng (Thôn Nà Lìu)', mark]);
    const marked = r.findings.filter((f) => f.code === 'MEETING_ROWS_MARKED');
    expect(marked.map((f) => [f.sheet, f.params.unit, f.params.rows])).toEqual([['Thôn Nà Lìu - I.3', 'Thôn Nà Lìu', 2]]);
    expect(marked[0].message).toContain('chỉ 40/100 hộ (40%) dự họp, Sổ tay cần trên 50% số hộ');
    expect(r.plan.meetings).toEqual([expect.objectContaining({ key: 'hop:na liu', unit: 'Thôn Nà Lìu', valid: false, rows: 2, confirmed: false })]);
    const [report] = await wb.readSheets([REPORT_SHEET]);
    const texts = report.values.flat();
    expect(texts).toContain('Danh mục của 1 thôn chưa hợp lệ vì họp thôn chưa có trên 50% số hộ tham dự: Thôn Nà Lìu. 2 dòng của 1 thôn được đánh dấu ở cột Nội dung khác của II.4.B, II.6.A, II.6.B cho đến khi xã xác nhận.');
    expect(texts).toContain('Chưa hợp lệ');

    // The commune held the meeting again and confirms: "x" in the report; the next run unmarks the rows.
    const i = report.values.findIndex((row) => row.includes('hop:na liu'));
    const confirmCol = report.values.findIndex((row) => row.includes('Xã đã xác nhận (ghi x)'));
    const col = report.values[confirmCol].indexOf('Xã đã xác nhận (ghi x)');
    await wb.writeValues([{ sheet: REPORT_SHEET, row: report.top + i, col: report.left + col, values: [['x']] }]);
    // The commune's own text in Nội dung khác stays its own, without LKH's mark.
    const again = await consolidateCommune(wb);
    expect((await otherOf(wb, 'II.4.B')).map(([, o]) => o)).toEqual(['', '', '']);
    expect(again.findings.filter((f) => f.code === 'MEETING_ROWS_MARKED')).toEqual([]);
    expect(again.plan.meetings).toEqual([expect.objectContaining({ valid: false, confirmed: true })]);
    // The confirmation is remembered.
    const third = await consolidateCommune(wb);
    expect(third.plan.meetings?.[0].confirmed).toBe(true);
  });

  it('the command line marks them too, from the village files given beside the plan', async () => {
    const wb = await commune();
    const { readings, villages } = await readWorkbook(wb, { file: 'xa.xlsx' });
    const target = MemoryWorkbook.fromArrays({});
    const r = await consolidateCommune(target, readings, { villages });
    expect(r.findings.filter((f) => f.code === 'MEETING_ROWS_MARKED').map((f) => [f.file, f.params.rows])).toEqual([['xa.xlsx', 2]]);
  });
});
