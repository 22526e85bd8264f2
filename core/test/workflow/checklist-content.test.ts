/**
 * The checklist ticks a form only when a sheet of it holds content (issue 12): the blank
 * templates `lkh template` writes (templates/*.xlsx, and the layout functions for every edition,
 * plan year and unit) tick nothing; filled sheets — the demo's, and values typed into blank
 * templates as a village or a department would — tick; the commune's checklist says which
 * village lacks which village form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formEdition, notInPeriod } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { FORM_IDS } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, ProgramPeriod } from '../../src/port/types';
import { readSheet } from '../../src/reader/read';
import { parseA1 } from '../../src/util/a1';
import type { ChecklistForm, SheetContent } from '../../src/workflow/calendar';
import { checklist, sheetContent, sheetContents } from '../../src/workflow/calendar';
import { demoFiles } from '../../src/workflow/demo';
import { currentPlanYear, periodOfYear } from '../../src/reference';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
const PERIODS: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];

/** A blank template of `form` as `lkh template` makes it, in a workbook of its own. */
async function template(form: FormId, sheet: string, opts: { planYear?: number; unitName?: string; period?: ProgramPeriod } = {}): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const def = opts.period ? formEdition(getForm(form), opts.period) : getForm(form);
  await wb.createSheet(layoutForm(def, { ...(opts.planYear ? { planYear: opts.planYear } : {}), ...(opts.unitName ? { unitName: opts.unitName } : {}), sheetName: sheet }));
  return wb;
}

async function contentOf(wb: MemoryWorkbook, sheet: string, form: FormId): Promise<SheetContent> {
  const [d] = await wb.readSheets([sheet]);
  return sheetContent(d, form, 2027);
}

/** Types `text` into the cell right of the first cell whose text starts with `label` (as a person fills a field). */
async function fillField(wb: MemoryWorkbook, sheet: string, label: string, value: CellValue): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  for (let i = 0; i < d.values.length; i++) {
    const j = d.values[i].findIndex((v) => typeof v === 'string' && v.startsWith(label));
    if (j >= 0) {
      await wb.writeValues([{ sheet, row: d.top + i, col: d.left + j, values: [[`${String(d.values[i][j])} ${String(value)}`]] }]);
      return;
    }
  }
  throw new Error(`no "${label}" on ${sheet}`);
}

/** Types a value into a fixed row's cell, found by the reader (I.1's indicator, II.1's answer…). */
async function fillFixed(wb: MemoryWorkbook, sheet: string, form: FormId, row: string, cellKey: string, value: CellValue): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  const at = readSheet(d, { formId: form }).reading?.fixedValues[row]?.[cellKey];
  if (typeof at !== 'string') throw new Error(`no ${row}.${cellKey} on ${sheet}`);
  const { row: r, col } = parseA1(at);
  await wb.writeValues([{ sheet, row: r, col, values: [[value]] }]);
}

describe('a sheet holds content only when something was typed into it', () => {
  it.each([...FORM_IDS])('%s: the blank template holds nothing, whatever the edition, plan year and unit', async (form) => {
    for (const period of PERIODS) {
      for (const opts of [{}, { planYear: 2027, unitName: 'Thôn Nà Lìu' }, { planYear: 2021, unitName: 'Xã Tân Lập' }]) {
        const wb = await template(form, 'S', { ...opts, period });
        expect([form, period, opts, (await contentOf(wb, 'S', form)).filled]).toEqual([form, period, opts, false]);
      }
    }
  });

  it('the templates `lkh template all` wrote (templates/*.xlsx) hold nothing', async () => {
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.xlsx'));
    // Every form of the period in use (IV.1, province to district, is not used from 2026).
    expect(files.length).toBe(FORM_IDS.filter((id) => notInPeriod(id, periodOfYear(currentPlanYear()).period) === undefined).length);
    for (const f of files) {
      const form = f.replace(/\.xlsx$/, '') as FormId;
      const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(join(TEMPLATES, f))));
      const [d] = await wb.readSheets([(await wb.listSheets())[0]]);
      expect([f, (await sheetContent(d, form, 2027)).filled]).toEqual([f, false]);
    }
  });

  it('the demo\'s village, department and province sheets hold content, with their unit', async () => {
    for (const file of demoFiles()) {
      for (const s of file.sheets) {
        const wb = new MemoryWorkbook();
        await wb.createSheet(s.layout);
        const c = await contentOf(wb, s.layout.name, s.formId);
        expect([file.name, s.layout.name, c.filled]).toEqual([file.name, s.layout.name, true]);
        if (s.formId === 'I.2') expect(c.unit).toMatch(/^Thôn /u);
      }
    }
  });

  it('one value typed into a blank template is content: an I.1 indicator, a II.1 answer, a II.2 partner, a III.1 amount', async () => {
    const i1 = await template('I.1', 'I.1', { planYear: 2027, unitName: 'Thôn Nà Lìu' });
    await fillFixed(i1, 'I.1', 'I.1', 'I.1', 'valueCell', 120);
    expect(await contentOf(i1, 'I.1', 'I.1')).toEqual({ form: 'I.1', filled: true, unit: 'Thôn Nà Lìu' });
    const ii1 = await template('II.1', 'II.1');
    await fillFixed(ii1, 'II.1', 'II.1', 'c1', 'answerCell', 'Có');
    expect((await contentOf(ii1, 'II.1', 'II.1')).filled).toBe(true);
    const ii2 = await template('II.2', 'II.2');
    await fillFixed(ii2, 'II.2', 'II.2', 's1', 'partnerCell', 'Các đoàn thể');
    expect((await contentOf(ii2, 'II.2', 'II.2')).filled).toBe(true);
    const iii1 = await template('III.1', 'III.1', { period: '2026-2030', planYear: 2027, unitName: 'Xã Tân Lập' });
    await fillFixed(iii1, 'III.1', 'III.1', 'chi-thuong-xuyen', 'amountCell', 1200);
    expect((await contentOf(iii1, 'III.1', 'III.1')).filled).toBe(true);
  });

  it('the minutes hold content once attendance or a line of the meeting is written, and name their village', async () => {
    const i3 = await template('I.3', 'Thôn Nà Lìu - I.3');
    expect(await contentOf(i3, 'Thôn Nà Lìu - I.3', 'I.3')).toEqual({ form: 'I.3', filled: false, unit: 'Thôn Nà Lìu' });
    await fillField(i3, 'Thôn Nà Lìu - I.3', '(2.3) Người dân tham gia họp:', '45 người, trong đó nữ 20');
    expect(await contentOf(i3, 'Thôn Nà Lìu - I.3', 'I.3')).toEqual({ form: 'I.3', filled: true, unit: 'Thôn Nà Lìu' });
    const i4 = await template('I.4', 'I.4');
    await fillField(i4, 'I.4', '(1.) Nội dung:', 'Thảo luận với nhóm hộ nghèo về sinh kế');
    expect((await contentOf(i4, 'I.4', 'I.4')).filled).toBe(true);
  });
});

describe('the commune\'s checklist from what its sheets hold', () => {
  const VILLAGE_FORMS = ['I.1', 'I.2', 'I.3', 'I.4'] as const;
  const form = (forms: readonly ChecklistForm[], id: FormId) => forms.find((f) => f.form === id) as ChecklistForm;

  /** Three villages' blank templates (I.1-I.4, made with --unit), as the commune hands them out. */
  async function blankVillages(): Promise<{ wb: MemoryWorkbook; sheetForms: Record<string, FormId> }> {
    const wb = new MemoryWorkbook();
    const sheetForms: Record<string, FormId> = {};
    for (const v of ['Thôn Nà Lìu', 'Thôn Pác Ngòi', 'Thôn Bản Chang']) {
      for (const f of VILLAGE_FORMS) {
        const name = `${v} - ${f}`;
        await wb.createSheet(layoutForm(getForm(f), { planYear: 2027, unitName: v, sheetName: name }));
        sheetForms[name] = f;
      }
    }
    return { wb, sheetForms };
  }

  it('blank templates tick nothing, and every village is said to lack every form', async () => {
    const { wb, sheetForms } = await blankVillages();
    const contents = await sheetContents(wb, sheetForms, 2027);
    const c = checklist('xa', 2027, sheetForms, {}, '2026-05-10', {}, 'annual', { contents });
    const s2 = c.steps.find((s) => s.id === 'buoc2')!;
    for (const f of VILLAGE_FORMS) expect(form(s2.forms, f)).toMatchObject({ present: false, filled: [], missing: ['Thôn Nà Lìu', 'Thôn Pác Ngòi', 'Thôn Bản Chang'] });
    expect(form(s2.forms, 'I.2').sheets).toHaveLength(3);
    expect(form(s2.forms, 'I.2').note).toBe('Các trang "Thôn Nà Lìu - I.2", "Thôn Pác Ngòi - I.2", "Thôn Bản Chang - I.2" chưa có nội dung (chưa có hoạt động hay số liệu nào); còn thiếu: Thôn Nà Lìu, Thôn Pác Ngòi, Thôn Bản Chang.');
    expect(s2.counts.forms.done).toBe(0);
    expect(c.counts.forms.done).toBe(0);
    expect(c.villages.map((v) => v.text)).toEqual(['Thôn Nà Lìu: chưa có Biểu I.1, I.2, I.3', 'Thôn Pác Ngòi: chưa có Biểu I.1, I.2, I.3', 'Thôn Bản Chang: chưa có Biểu I.1, I.2, I.3']);
    // Without knowing what the sheets hold, no sheet ticks a form either.
    expect(checklist('xa', 2027, sheetForms, {}, '2026-05-10').counts.forms.done).toBe(0);
  });

  it('filled sheets tick a village form once every village sent it; the villages of the settings count too', async () => {
    const { wb, sheetForms } = await blankVillages();
    // Each village fills its minutes; only Nà Lìu and Pác Ngòi fill I.1.
    for (const v of ['Thôn Nà Lìu', 'Thôn Pác Ngòi', 'Thôn Bản Chang']) await fillField(wb, `${v} - I.3`, '(2.3) Người dân tham gia họp:', '52 người, trong đó nữ 18');
    for (const v of ['Thôn Nà Lìu', 'Thôn Pác Ngòi']) await fillFixed(wb, `${v} - I.1`, 'I.1', 'I.1', 'valueCell', 95);
    const contents = await sheetContents(wb, sheetForms, 2027);
    let c = checklist('xa', 2027, sheetForms, {}, '2026-05-10', {}, 'annual', { contents });
    let s2 = c.steps.find((s) => s.id === 'buoc2')!;
    expect(form(s2.forms, 'I.3')).toMatchObject({ present: true, missing: [] });
    expect(form(s2.forms, 'I.1')).toMatchObject({ present: false, filled: ['Thôn Nà Lìu - I.1', 'Thôn Pác Ngòi - I.1'], missing: ['Thôn Bản Chang'] });
    expect(form(s2.forms, 'I.1').note).toBe('Trang "Thôn Bản Chang - I.1" chưa có nội dung (chưa có hoạt động hay số liệu nào); còn thiếu: Thôn Bản Chang.');
    expect(c.villages.map((v) => v.text)).toEqual(['Thôn Nà Lìu: chưa có Biểu I.2', 'Thôn Pác Ngòi: chưa có Biểu I.2', 'Thôn Bản Chang: chưa có Biểu I.1, I.2']);
    // A fourth village of the settings, with no sheet at all, lacks everything and keeps I.3 unticked.
    c = checklist('xa', 2027, sheetForms, {}, '2026-05-10', {}, 'annual', { contents, villages: ['Thôn Khuổi Mạ', 'Nà Lìu'] });
    s2 = c.steps.find((s) => s.id === 'buoc2')!;
    expect(form(s2.forms, 'I.3')).toMatchObject({ present: false, missing: ['Thôn Khuổi Mạ'] });
    expect(c.villages.map((v) => v.unit)).toEqual(['Thôn Khuổi Mạ', 'Nà Lìu', 'Thôn Pác Ngòi', 'Thôn Bản Chang']);
    expect(c.villages[0].text).toBe('Thôn Khuổi Mạ: chưa có Biểu I.1, I.2, I.3');
  });

  it('the demo commune\'s filled I.2s tick I.2 (and only I.2 of the village forms)', async () => {
    const wb = new MemoryWorkbook();
    const sheetForms: Record<string, FormId> = {};
    for (const f of demoFiles()) {
      for (const s of f.sheets) {
        if (s.formId !== 'I.2') continue;
        const name = `${s.layout.name} ${Object.keys(sheetForms).length}`.slice(0, 31);
        await wb.createSheet({ ...s.layout, name });
        sheetForms[name] = 'I.2';
      }
    }
    const contents = await sheetContents(wb, sheetForms, 2027);
    const c = checklist('xa', 2027, sheetForms, {}, '2026-05-10', {}, 'annual', { contents });
    const s2 = c.steps.find((s) => s.id === 'buoc2')!;
    expect(form(s2.forms, 'I.2')).toMatchObject({ present: true, missing: [] });
    expect(form(s2.forms, 'I.2').filled).toHaveLength(Object.keys(sheetForms).length);
    expect(c.villages).toHaveLength(6);
    expect(c.villages.every((v) => v.missing.join() === 'I.1,I.3')).toBe(true);
  });
});
