/**
 * A village's Ghi chú reaches the plan whole (issue 21, item 2): the fund source to Tên nguồn vốn,
 * how the work is done to Cơ chế thực hiện, the rest to Nội dung khác — whatever mark separates
 * them, with the report counting what was split and how. Notes typed the way villages type them.
 */
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { REPORT_SHEET, consolidateCommune, noteParts, notesLine } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';

const HOW = 'Dân góp công và tự thi công, xã hỗ trợ kỹ thuật';

describe('a note split whatever the separator', () => {
  const cases: readonly [string, string][] = [
    ['period', `CT Nông thôn mới. ${HOW}`],
    ['comma', `CT Nông thôn mới, ${HOW}`],
    ['semicolon', `CT Nông thôn mới; ${HOW}`],
    ['dash', `CT Nông thôn mới - ${HOW}`],
    ['line', `CT Nông thôn mới\n${HOW}`],
  ];
  it.each(cases)('%s: the program to the source, the rest whole to how', (sep, note) => {
    for (const period of ['2016-2020', '2026-2030'] as const) {
      expect(noteParts(note, period)).toEqual({ source: 'CT Nông thôn mới', how: HOW, separators: [sep] });
    }
  });

  it('a fund source the catalogue does not name by this wording is still a source, never a way of working', () => {
    expect(noteParts('Vốn lồng ghép của huyện', '2016-2020')).toEqual({ source: 'Vốn lồng ghép của huyện' });
    expect(noteParts('Vốn lồng ghép của huyện, dân góp 20% ngày công', '2026-2030')).toEqual({ source: 'Vốn lồng ghép của huyện', how: 'dân góp 20% ngày công', separators: ['comma'] });
  });

  it('keeps dashes and commas inside a name or a figure: "CT Giảm nghèo - 135", "KT-XH", "7,5 triệu"', () => {
    expect(noteParts('CT Giảm nghèo - 135', '2016-2020')).toEqual({ source: 'CT Giảm nghèo - 135' });
    expect(noteParts('Dân góp 7,5 triệu', '2016-2020')).toEqual({ how: 'Dân góp 7,5 triệu' });
    expect(noteParts('Vốn phát triển KT-XH của tỉnh', '2026-2030')).toEqual({ source: 'Vốn phát triển KT-XH của tỉnh' });
  });

  it('after a source and a dash, the source\'s own part stays with it ("CT 135 - Dự án hỗ trợ phát triển sản xuất")', () => {
    expect(noteParts('CT 135 - Dự án hỗ trợ phát triển sản xuất\nLuân chuyển lợn giống trong cộng đồng', '2026-2030')).toEqual({
      source: 'CT 135 - Dự án hỗ trợ phát triển sản xuất',
      sourceDetail: 'CT 135 - Dự án hỗ trợ phát triển sản xuất',
      how: 'Luân chuyển lợn giống trong cộng đồng',
      separators: ['line'],
    });
  });

  it('what is neither a source nor how the work is done goes to the other part', () => {
    expect(noteParts('CT 135. Cấp bách trước mùa mưa', '2016-2020')).toEqual({ source: 'CT 135', other: 'Cấp bách trước mùa mưa', separators: ['period'] });
  });
});

describe('the note reaches II.4.B whole', () => {
  async function plan(notes: readonly string[]) {
    const wb = new MemoryWorkbook();
    await addSourceSheet(
      wb,
      'I.2',
      'Thôn Nà Lìu',
      'Thủy lợi',
      notes.map((note, i) => ({ activity: `Sửa chữa đập tạm số ${i + 1}`, unit: 'cái', quantity: 1, contribution: 3000, support: 13000, note })),
    );
    const r = await consolidateCommune(wb);
    const [ii4b] = await wb.readSheets(['II.4.B']);
    const rows = readSheet(ii4b, { formId: 'II.4.B' }).reading?.activities ?? [];
    return { wb, r, rows };
  }

  it('"CT Nông thôn mới. Dân góp công và tự thi công, xã hỗ trợ kỹ thuật": source = the program, method = the rest', async () => {
    const { r, rows } = await plan([`CT Nông thôn mới. ${HOW}`]);
    const row = rows.find((a) => a.activity.startsWith('Sửa chữa đập tạm số 1'));
    expect(row?.fundSource).toMatch(/Nông thôn mới|NTM/);
    expect(row?.mechanism).toBe(HOW);
    expect(row?.other).toBeUndefined();
    expect(r.plan.activities[0].budget).toBe(13000);
  });

  it('"Vốn lồng ghép của huyện" lands in Tên nguồn vốn; the words of the rest in Cơ chế thực hiện and Nội dung khác', async () => {
    const { wb, r, rows } = await plan(['Vốn lồng ghép của huyện', `Vốn NTM hỗ trợ xi măng - dân góp cát sỏi. Làm trước mùa mưa`]);
    const first = rows.find((a) => a.activity.startsWith('Sửa chữa đập tạm số 1'));
    expect(first?.fundSource).toBe('Vốn lồng ghép của huyện');
    expect(first?.mechanism).toBeUndefined();
    const second = rows.find((a) => a.activity.startsWith('Sửa chữa đập tạm số 2'));
    expect(second?.fundSource).toMatch(/Nông thôn mới|NTM/);
    expect(second?.mechanism).toBe('dân góp cát sỏi');
    // What the canonical name does not say ("hỗ trợ xi măng"), and the rest, kept word for word.
    expect(second?.other).toBe('Làm trước mùa mưa; Vốn NTM hỗ trợ xi măng');
    // The report counts what was split and how.
    expect(r.plan.notes).toEqual({ notes: 2, split: 1, source: 2, mechanism: 1, other: 1, separators: { dash: 1, period: 1 } });
    expect(notesLine(r.plan.notes!)).toBe(
      'Ghi chú của 2 hoạt động được đọc hết, không bỏ chữ nào: 1 ghi chú được tách (tại gạch ngang 1, dấu chấm 1); 2 có tên nguồn vốn (vào cột Tên nguồn vốn), 1 có cách thực hiện (vào cột Cơ chế thực hiện), 1 có nội dung khác (vào cột Nội dung khác).',
    );
    const [report] = await wb.readSheets([REPORT_SHEET]);
    expect(report.values.flat()).toContain(notesLine(r.plan.notes!));
  });
});
