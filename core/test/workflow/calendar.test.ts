import type { FormId, Level } from '../../src/forms/types';
import { FORM_IDS } from '../../src/forms/types';
import type { DocumentState } from '../../src/port/types';
import type { ChecklistStep, SheetContent } from '../../src/workflow/calendar';
import {
  STEPS,
  STEP_NAMES,
  checklist,
  daysBetween,
  describeWindow,
  stepDates,
  weekRange,
  workYear,
} from '../../src/workflow/calendar';
import { checklistOfDocument, readChecklistState, setOverride, setTick, writeChecklistState } from '../../src/year';
import { handbookText, normaliseForFidelity } from '../handbook';

const LEVELS: readonly Level[] = ['thon', 'xa', 'huyen', 'tinh'];

function ends(level: Level, planYear = 2027): string[] {
  return stepDates(level, planYear).map((s) => s.end);
}

/** What the sheets hold as the checklist learns it (sheetContents): each filled, for the village its name ends with. */
function filled(sheets: Readonly<Record<string, FormId>>): { contents: Record<string, SheetContent> } {
  const contents: Record<string, SheetContent> = {};
  for (const [sheet, form] of Object.entries(sheets)) {
    const unit = /(Thôn .+)$/u.exec(sheet)?.[1];
    contents[sheet] = { form, filled: true, ...(unit ? { unit } : {}) };
  }
  return { contents };
}

function step(steps: readonly ChecklistStep[], id: string): ChecklistStep {
  const s = steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

describe('weekRange', () => {
  it('takes week n as days 7n-6..7n', () => {
    expect(weekRange(2026, 5, 1)).toEqual({ start: '2026-05-01', end: '2026-05-07' });
    expect(weekRange(2026, 5, 2)).toEqual({ start: '2026-05-08', end: '2026-05-14' });
    expect(weekRange(2026, 5, 3)).toEqual({ start: '2026-05-15', end: '2026-05-21' });
  });

  it('runs week 4 to the end of the month', () => {
    expect(weekRange(2026, 4, 4)).toEqual({ start: '2026-04-22', end: '2026-04-30' });
    expect(weekRange(2026, 5, 4)).toEqual({ start: '2026-05-22', end: '2026-05-31' });
    expect(weekRange(2027, 2, 4)).toEqual({ start: '2027-02-22', end: '2027-02-28' });
    expect(weekRange(2028, 2, 4)).toEqual({ start: '2028-02-22', end: '2028-02-29' });
  });

  it('refuses weeks and months that do not exist', () => {
    expect(() => weekRange(2026, 5, 5)).toThrow(RangeError);
    expect(() => weekRange(2026, 5, 0)).toThrow(RangeError);
    expect(() => weekRange(2026, 13, 1)).toThrow(RangeError);
  });
});

describe('step tables', () => {
  const lines = handbookText().split('\n');
  const squeeze = (s: string): string => normaliseForFidelity(s).replace(/\s+/g, '').toLowerCase();
  const whole = squeeze(handbookText());

  it.each(LEVELS)('%s has the seven steps, buoc1..buoc7, with the common names of L34-L40', (level) => {
    const steps = STEPS[level];
    expect(steps.map((s) => s.id)).toEqual(['buoc1', 'buoc2', 'buoc3', 'buoc4', 'buoc5', 'buoc6', 'buoc7']);
    steps.forEach((s, i) => expect(s.name).toBe(STEP_NAMES[i].name));
  });

  it.each(LEVELS)('%s: ids are unique, forms exist, every applicable step expects something', (level) => {
    const ids = new Set<string>();
    const add = (id: string): void => {
      expect(ids.has(id)).toBe(false);
      ids.add(id);
    };
    for (const s of STEPS[level]) {
      add(s.id);
      const forms = [...(s.forms ?? []), ...s.items.flatMap((i) => i.forms ?? [])];
      const manual = [...(s.manual ?? []), ...s.items.flatMap((i) => i.manual ?? [])];
      for (const it of s.items) {
        add(it.id);
        expect(it.id.startsWith(`${s.id}.`)).toBe(true);
      }
      for (const mi of manual) {
        add(mi.id);
        expect(mi.id.startsWith(`${s.id}.`)).toBe(true);
        expect(mi.label).not.toBe('');
        expect(mi.labelEn).not.toBe('');
      }
      for (const f of forms) expect(FORM_IDS).toContain(f.form);
      if (s.applicable) expect(forms.length + manual.length).toBeGreaterThan(0);
      else expect(forms.length + manual.length).toBe(0);
    }
  });

  it('words the district and province steps with their own headings (L764-L920)', () => {
    for (const level of ['huyen', 'tinh'] as const) {
      for (const s of STEPS[level]) {
        const line = lines[s.line - 1].toUpperCase();
        expect(line).toContain(`BƯỚC ${s.number}: ${s.title.toUpperCase()}`);
      }
    }
    expect(STEPS.huyen[5].title).toBe('Hội nghị LKH cấp huyện và phản hồi cho các xã');
    expect(STEPS.tinh[1].title).toBe('Sở KH-ĐT chủ trì cung cấp thông tin định hướng lập kế hoạch CTMTQG');
  });

  it('takes the commune and village titles from their lines, or the common name where the heading was lost', () => {
    for (const level of ['xa', 'thon'] as const) {
      for (const s of STEPS[level]) {
        const line = lines[s.line - 1].toUpperCase();
        if (!line.includes(s.title.toUpperCase())) expect(s.title).toBe(s.name);
        for (const it of s.items) expect(lines[it.line - 1].toUpperCase()).toContain(it.title.toUpperCase());
      }
    }
    expect(STEPS.xa.map((s) => s.title)).toEqual([
      'Công tác chuẩn bị',
      'Thu thập thông tin',
      'Tổng hợp và dự thảo kế hoạch',
      'Hội nghị lập kế hoạch',
      'Trình và thảo luận dự thảo kế hoạch cấp xã',
      'Cập nhật, phản hồi kế hoạch cấp xã',
      'Hoàn thiện, phê duyệt và ban hành kế hoạch cấp xã',
    ]);
  });

  it("quotes the handbook's times word for word (the calendar's across its broken lines)", () => {
    const missing: string[] = [];
    const check = (when: string | undefined): void => {
      if (when !== undefined && !whole.includes(squeeze(when))) missing.push(when);
    };
    for (const level of LEVELS) {
      for (const s of STEPS[level]) {
        check(s.when);
        check(s.fiveYear.when);
        for (const it of s.items) {
          check(it.when);
          check(it.fiveYear?.when);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('expects of the commune what the steps list (L484-L754)', () => {
    const forms = (id: string): FormId[] =>
      STEPS.xa
        .flatMap((s) => s.items)
        .find((i) => i.id === id)!
        .forms!.map((f) => f.form);
    expect(forms('buoc1.2')).toEqual(['II.1', 'II.2']);
    expect(forms('buoc2.1')).toEqual(['I.1', 'I.2', 'I.3', 'I.4']);
    expect(forms('buoc2.2')).toEqual(['II.8', 'II.3']);
    expect(forms('buoc5.2')).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B']);
    expect(forms('buoc6.2')).toEqual(['II.10']);
    expect(STEPS.huyen[2].forms!.map((f) => f.form)).toEqual(['III.1']);
    expect(STEPS.tinh[1].forms!.map((f) => f.form)).toEqual(['IV.1']);
  });
});

describe('stepDates (annual)', () => {
  it('runs the plan of year X+1 in year X', () => {
    expect(workYear(2027)).toBe(2026);
    expect(stepDates('xa', 2027)[0].start).toBe('2026-04-01');
  });

  it('gives the province the deadlines of SPEC §2', () => {
    expect(ends('tinh')).toEqual(['2026-05-07', '2026-05-21', '2026-06-30', '2026-07-07', '2026-07-14', '2026-07-20', '2026-12-31']);
    expect(stepDates('tinh', 2027)[6].start).toBe('2026-08-01');
  });

  it('gives the district the deadlines of SPEC §2', () => {
    expect(ends('huyen')).toEqual(['2026-05-07', '2026-05-21', '2026-06-07', '2026-06-30', '2026-07-07', '2026-07-14', '2026-12-31']);
    const d = stepDates('huyen', 2027);
    expect(d[2].start).toBe('2026-05-22'); // end of May - early June
    expect(d[6].start).toBe('2026-08-01');
  });

  it('gives the commune the deadlines of SPEC §2', () => {
    expect(ends('xa')).toEqual(['2026-05-14', '2026-05-21', '2026-06-14', '2026-06-21', '2026-06-30', '2026-12-31', '2026-12-31']);
    const d = stepDates('xa', 2027);
    expect(d[5].start).toBe('2026-11-01');
    const items = Object.fromEntries(d.flatMap((s) => s.items).map((i) => [i.id, i]));
    expect(items['buoc1.1'].end).toBe('2026-04-21'); // team, week 3 of April
    expect(items['buoc1.2'].end).toBe('2026-04-30'); // directive, week 4 of April
    expect(items['buoc1.3']).toMatchObject({ start: '2026-05-01', end: '2026-05-07' }); // kick-off, week 1 of May
    expect(items['buoc4.1'].end).toBe('2026-06-14'); // the conference itself, L686
    expect(items['buoc5.2']).toMatchObject({ start: '2026-06-22', end: '2026-06-30' });
  });

  it('gives the village steps 1, 2, 6 and marks the others not applicable', () => {
    const d = stepDates('thon', 2027);
    expect(d.map((s) => s.applicable)).toEqual([true, true, false, false, false, true, false]);
    expect(d[0].end).toBe('2026-04-21');
    expect(d[1].end).toBe('2026-05-21');
    expect(d[5]).toMatchObject({ start: '2026-11-01', end: '2026-12-31' });
  });

  it('describes the windows in English', () => {
    const d = stepDates('xa', 2027);
    expect(d[2].whenEn).toBe('Week 4 of May – week 2 of June');
    expect(d[6].whenEn).toBe('By 31 December');
    expect(d[0].items[0].whenEn).toBe('By the end of week 3 of April');
    expect(describeWindow({ month: 6, week: 2, edge: 'start' }, { month: 6, edge: 'end' }, 'vi')).toBe('Tuần 2 tháng 6 – cuối tháng 6');
  });
});

describe('overrides', () => {
  it('replaces a step end, a step start, a sub-item', () => {
    const d = stepDates('xa', 2027, 'annual', {
      buoc3: { end: '2026-06-20' },
      buoc2: { start: '2026-05-04' },
      'buoc1.2': { start: '2026-04-20', end: '2026-04-24' },
    });
    expect(d[2]).toMatchObject({ start: '2026-05-22', end: '2026-06-20', overridden: true });
    expect(d[1]).toMatchObject({ start: '2026-05-04', end: '2026-05-21', overridden: true });
    expect(d[0].overridden).toBe(false);
    expect(d[0].items[1]).toMatchObject({ start: '2026-04-20', end: '2026-04-24', overridden: true });
  });

  it('ignores invalid dates and keeps start <= end', () => {
    const d = stepDates('xa', 2027, 'annual', {
      buoc1: { end: '2026-02-30' },
      buoc2: { end: '2026-05-01' },
      buoc3: { start: '2026-07-01' },
    });
    expect(d[0]).toMatchObject({ end: '2026-05-14', overridden: false });
    expect(d[1]).toMatchObject({ start: '2026-05-01', end: '2026-05-01' });
    expect(d[2]).toMatchObject({ start: '2026-07-01', end: '2026-07-01' });
  });

  it('moves the status with the date', () => {
    const today = '2026-06-16';
    expect(step(checklist('xa', 2027, {}, {}, today).steps, 'buoc3').status).toBe('overdue');
    expect(step(checklist('xa', 2027, {}, {}, today, { buoc3: { end: '2026-06-20' } }).steps, 'buoc3').status).toBe('due-soon');
  });
});

describe('5-year mode (Annex 2)', () => {
  it('issues the directive in the first week of June of year 4 of the previous period', () => {
    // Plan 2026-2030: year 4 of 2021-2025 is 2024.
    const d = stepDates('xa', 2026, 'five-year');
    expect(workYear(2026, 'five-year')).toBe(2024);
    expect(d[0].items[1]).toMatchObject({ start: '2024-06-01', end: '2024-06-07' });
    expect(d[0].end).toBe('2024-06-07');
    expect(d[1]).toMatchObject({ start: '2024-06-08', end: '2024-06-30' });
    expect(d[2]).toMatchObject({ start: '2024-07-01', end: '2024-08-31' });
    expect(d[3]).toMatchObject({ start: '2024-09-01', end: '2024-09-30' });
    expect(d[5]).toMatchObject({ start: '2024-10-01', end: '2024-10-31' });
    expect(d[6]).toMatchObject({ start: '2024-12-01', end: '2024-12-31' });
    expect(d[0].when).toBe('Tuần đầu tháng 6 (năm thứ 4, kỳ KH 5 năm giai đoạn trước)');
  });

  it("takes the period's start year as an option", () => {
    const d = stepDates('xa', 2027, 'five-year', {}, { periodStart: 2031 });
    expect(d[0].items[1].end).toBe('2029-06-07');
  });

  it('gives sub-items without their own 5-year time their step window', () => {
    const d = stepDates('xa', 2026, 'five-year');
    expect(d[2].items[3]).toMatchObject({ start: '2024-07-01', end: '2024-08-31' });
  });

  it("flags the district's and province's dates Annex 2 does not give as derived", () => {
    const h = stepDates('huyen', 2026, 'five-year');
    expect(h[2]).toMatchObject({ start: '2024-06-08', end: '2024-06-30', basis: 'handbook' });
    expect(h[3].basis).toBe('derived');
    // The district consolidates the communes' plans after they report (September).
    expect(h[3].start >= stepDates('xa', 2026, 'five-year')[4].start).toBe(true);
    expect(stepDates('tinh', 2026, 'five-year').every((s) => s.basis === 'derived')).toBe(true);
  });

  it('keeps every step in order of its deadline in both modes', () => {
    for (const level of LEVELS) {
      for (const mode of ['annual', 'five-year'] as const) {
        const d = stepDates(level, 2027, mode).filter((s) => s.applicable);
        for (const s of d) expect(s.start <= s.end).toBe(true);
        for (let i = 1; i < d.length; i++) expect(d[i - 1].end <= d[i].end).toBe(true);
      }
    }
  });
});

describe('checklist', () => {
  it('computes statuses relative to today', () => {
    const at = (today: string): string[] => checklist('xa', 2027, {}, {}, today).steps.map((s) => s.status);
    // Step 1 ends 2026-05-14, step 2 on 2026-05-21.
    expect(at('2026-05-06').slice(0, 2)).toEqual(['upcoming', 'upcoming']); // 8 days left
    expect(at('2026-05-07').slice(0, 2)).toEqual(['due-soon', 'upcoming']); // 7 days left
    expect(at('2026-05-14').slice(0, 2)).toEqual(['due-soon', 'due-soon']); // due today
    expect(at('2026-05-15').slice(0, 2)).toEqual(['overdue', 'due-soon']);
    expect(at('2027-01-05').every((s) => s === 'overdue')).toBe(true);
    const c = checklist('xa', 2027, {}, {}, '2026-05-15');
    expect(step(c.steps, 'buoc1')).toMatchObject({ daysLeft: -1, statusLabel: 'Quá hạn', statusLabelEn: 'Overdue', started: true });
    expect(step(c.steps, 'buoc2')).toMatchObject({ daysLeft: 6, statusLabel: 'Sắp đến hạn', statusLabelEn: 'Due soon' });
    expect(step(c.steps, 'buoc3')).toMatchObject({ statusLabel: 'Chưa đến hạn', statusLabelEn: 'Upcoming', started: false });
    expect(c.nextStep).toBe('buoc1');
    expect(c.summary).toBe('0/7 bước đã xong; Bước 1 quá hạn 1 ngày');
    // A plan year long past (a 2018 file opened in 2026): said so, not "quá hạn 2950 ngày"
    const old = checklist('xa', 2018, {}, {}, '2026-06-01');
    expect(old.summary).toBe('0/7 bước đã xong; kế hoạch năm 2018 đã qua');
    expect(old.summaryEn).toBe('0/7 steps done; the 2018 plan year is over');
    expect(c.counts.steps).toMatchObject({ overdue: 1, 'due-soon': 1, upcoming: 5, done: 0, total: 7 });
  });

  it('ticks the expected forms from the sheets that hold them', () => {
    const sheets: Record<string, FormId> = { 'I.2 Thôn A': 'I.2', 'I.2 Thôn B': 'I.2', 'I.1 Thôn A': 'I.1', 'Hội Phụ nữ': 'II.3' };
    const c = checklist('xa', 2027, sheets, {}, '2026-05-10', {}, 'annual', filled(sheets));
    const s2 = step(c.steps, 'buoc2');
    const i2 = s2.forms.find((f) => f.form === 'I.2')!;
    expect(i2).toMatchObject({ present: true, sheets: ['I.2 Thôn A', 'I.2 Thôn B'], label: 'Biểu I.2 (từ các thôn)', labelEn: 'Form I.2 (from the villages)' });
    expect(s2.forms.find((f) => f.form === 'I.3')).toMatchObject({ present: false, sheets: [] });
    // Thôn B sent its I.2 but no I.1: I.1 is not ticked, and the checklist says who lacks it.
    expect(s2.forms.find((f) => f.form === 'I.1')).toMatchObject({ present: false, sheets: ['I.1 Thôn A'], missing: ['Thôn B'], note: 'Còn thiếu: Thôn B.' });
    expect(s2.counts.forms).toEqual({ done: 2, total: 6 });
    expect(s2.status).toBe('upcoming');
    expect(s2.items[0].status).toBe('upcoming');
  });

  it('marks a step done when all its results are there, even past its deadline', () => {
    const sheets: Record<string, FormId> = { a: 'I.1', b: 'I.2', c: 'I.3', d: 'I.4', e: 'II.3', f: 'II.8' };
    const c = checklist('xa', 2027, sheets, {}, '2026-06-01', {}, 'annual', filled(sheets));
    const s2 = step(c.steps, 'buoc2');
    expect(s2).toMatchObject({ status: 'done', statusLabel: 'Đã xong', markedDone: false });
    expect(s2.items.map((i) => i.status)).toEqual(['done', 'done']);
    // Without II.8 the second sub-item, and so the step, is not done and overdue.
    const noII8 = Object.fromEntries(Object.entries(sheets).filter(([, form]) => form !== 'II.8'));
    const c2 = checklist('xa', 2027, noII8, {}, '2026-06-01', {}, 'annual', filled(noII8));
    expect(step(c2.steps, 'buoc2').items.map((i) => i.status)).toEqual(['done', 'overdue']);
    expect(step(c2.steps, 'buoc2').status).toBe('overdue');
  });

  it('takes manual ticks by item, by sub-item and by step', () => {
    const today = '2026-12-26';
    let c = checklist('xa', 2027, {}, { 'buoc7.to-trinh': true }, today);
    expect(step(c.steps, 'buoc7')).toMatchObject({ status: 'due-soon', counts: { manual: { done: 1, total: 2 } } });
    expect(step(c.steps, 'buoc7').manual.map((m) => m.ticked)).toEqual([true, false]);
    c = checklist('xa', 2027, {}, { 'buoc7.to-trinh': true, 'buoc7.quyet-dinh': true }, today);
    expect(step(c.steps, 'buoc7').status).toBe('done');
    c = checklist('xa', 2027, {}, { buoc5: true, 'buoc1.3': true }, today);
    expect(step(c.steps, 'buoc5')).toMatchObject({ status: 'done', markedDone: true });
    expect(step(c.steps, 'buoc5').items.map((i) => [i.status, i.markedDone])).toEqual([
      ['done', false],
      ['done', false],
    ]);
    expect(step(c.steps, 'buoc1').items[2]).toMatchObject({ status: 'done', markedDone: true });
    expect(step(c.steps, 'buoc1').status).toBe('overdue');
    // A step is done when all its sub-items are.
    c = checklist('xa', 2027, {}, { 'buoc5.1': true, 'buoc5.2': true }, today);
    expect(step(c.steps, 'buoc5').status).toBe('done');
  });

  it('shows the village steps it does not run as not applicable', () => {
    const c = checklist('thon', 2027, { 'Biên bản': 'I.4' }, {}, '2026-05-20', {}, 'annual', filled({ 'Biên bản': 'I.4' }));
    expect(c.steps.map((s) => s.status)).toEqual(['overdue', 'due-soon', 'not-applicable', 'not-applicable', 'not-applicable', 'upcoming', 'not-applicable']);
    expect(step(c.steps, 'buoc4')).toMatchObject({ statusLabel: 'Không áp dụng', statusLabelEn: 'Not applicable' });
    expect(step(c.steps, 'buoc4').note).toContain('Hội nghị kế hoạch xã');
    expect(step(c.steps, 'buoc2').items[0].status).toBe('done');
    expect(c.counts.steps['not-applicable']).toBe(4);
    expect(c.summary).toBe('0/3 bước đã xong; Bước 1 quá hạn 29 ngày');
  });

  it('labels in Vietnamese with English beside', () => {
    const c = checklist('huyen', 2027, { 'III.1 Xã A': 'III.1' }, {}, '2026-06-01', {}, 'annual', filled({ 'III.1 Xã A': 'III.1' }));
    const s3 = step(c.steps, 'buoc3');
    expect(s3.heading).toBe('Bước 3: UBND huyện cung cấp thông tin định hướng LKH hàng năm cho ban ngành cấp huyện và cho các xã');
    expect(s3.headingEn).toBe('Step 3: The district provides planning orientation to its departments and the communes');
    expect(s3.dateText).toBe('22/05/2026 – 07/06/2026');
    expect(s3.forms[0]).toMatchObject({ form: 'III.1', present: true, label: 'Biểu III.1' });
    expect(c).toMatchObject({ levelLabel: 'Huyện', levelLabelEn: 'District', year: 2026 });
  });

  it('is plain JSON (no Date objects): survives a round trip', () => {
    const c = checklist('xa', 2027, { x: 'II.1' }, { buoc1: true }, '2026-05-01', { buoc2: { end: '2026-05-25' } }, 'five-year', { periodStart: 2026 });
    expect(JSON.parse(JSON.stringify(c))).toStrictEqual(c);
  });

  it('refuses a today that is not yyyy-mm-dd', () => {
    expect(() => checklist('xa', 2027, {}, {}, '15/05/2026')).toThrow(RangeError);
  });
});

describe('checklist state in DocumentState.extra', () => {
  const base: DocumentState = { planYear: 2027, level: 'xa', sheetForms: { 'II.1': 'II.1' }, extra: { other: { keep: 1 } } };

  it('writes and reads ticks, overrides and mode, keeping other keys', () => {
    let cs = readChecklistState(base);
    expect(cs).toEqual({ manual: {}, overrides: {} });
    cs = setTick(cs, 'buoc1.1.tct-xa', true);
    cs = setTick(cs, 'buoc2', true);
    cs = setTick(cs, 'buoc2', false);
    cs = setOverride(cs, 'buoc3', { end: '2026-06-20' });
    cs = setOverride(cs, 'buoc4', { end: 'not a date' });
    cs = { ...cs, mode: 'annual' };
    const written = writeChecklistState(base, cs);
    expect(written.extra?.other).toEqual({ keep: 1 });
    expect(JSON.parse(JSON.stringify(written))).toStrictEqual(written);
    expect(written.extra?.checklist).toEqual({ manual: { 'buoc1.1.tct-xa': true }, overrides: { buoc3: { end: '2026-06-20' } }, mode: 'annual' });
    expect(readChecklistState(written)).toEqual({ manual: { 'buoc1.1.tct-xa': true }, overrides: { buoc3: { end: '2026-06-20' } }, mode: 'annual' });
    expect(readChecklistState(writeChecklistState(written, setOverride(cs, 'buoc3', null))).overrides).toEqual({});
  });

  it('reads anything without failing', () => {
    expect(readChecklistState({})).toEqual({ manual: {}, overrides: {} });
    expect(readChecklistState({ extra: { checklist: 'x' } })).toEqual({ manual: {}, overrides: {} });
    expect(readChecklistState({ extra: { checklist: { buoc1: true, n: 3 } } }).manual).toEqual({ buoc1: true });
    const odd = { manual: { a: true, b: 'yes' }, overrides: { s: { start: '2026-13-01', end: '2026-06-01' }, t: 4 }, mode: 'x', periodStart: 2026.5 };
    expect(readChecklistState({ extra: { checklist: odd } })).toEqual({ manual: { a: true }, overrides: { s: { end: '2026-06-01' } } });
  });

  it("builds a document's checklist from its state", () => {
    expect(checklistOfDocument({ level: 'xa' }, '2026-05-01')).toBeUndefined();
    const cs = setTick(setOverride({ manual: {}, overrides: {}, mode: 'five-year', periodStart: 2026 }, 'buoc2', { end: '2024-07-05' }), 'buoc1', true);
    const c = checklistOfDocument(writeChecklistState(base, cs), '2024-06-10')!;
    expect(c.mode).toBe('five-year');
    expect(c.year).toBe(2024);
    expect(step(c.steps, 'buoc1').status).toBe('done');
    expect(step(c.steps, 'buoc2')).toMatchObject({ end: '2024-07-05', overridden: true, status: 'upcoming' });
    expect(step(c.steps, 'buoc1').forms.find((f) => f.form === 'II.1')?.sheets).toEqual(['II.1']);
  });
});

describe('daysBetween', () => {
  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-05-15', '2026-05-14')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
