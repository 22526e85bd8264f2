/**
 * The Văn bản action (core/src/app/documents.ts) over the demo workbook as the panes hold it: the
 * demo commune's files as tabs (as the standalone page's "Dùng thử với xã mẫu" loads them), then
 * consolidated from the pane. Every document comes back as a file that opens: the Word files
 * unzipped and their text checked, the sheets read back with LKH's reader.
 */
import { importedTabName, uniqueTabName } from '../../src/app/tab-names';
import { createActions } from '../../src/app/actions';
import { DOCUMENT_KINDS, documentFormat, draftFile } from '../../src/app/documents';
import { getForm } from '../../src/forms/registry';
import type { FormId } from '../../src/forms/types';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { DEMO_COMMUNE, DEMO_PERIOD, DEMO_PROVINCE, DEMO_YEAR, demoFiles } from '../../src/workflow/demo';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { docxContent } from '../documents/docx-text';
import { villageFigures } from '../documents/plans';

/** The demo commune's files as tabs of one workbook, with its settings (excel-addin/src/standalone-workbook.ts loadDemo). */
async function demoWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const sheets: string[] = [];
  const sheetForms: Record<string, FormId> = {};
  for (const file of demoFiles()) {
    for (const s of file.sheets) {
      const name = uniqueTabName(importedTabName(s.layout.name, { unit: file.unit, formId: s.formId, file: file.name }), sheets);
      await wb.createSheet({ ...s.layout, name }, { existing: 'fail' });
      sheets.push(name);
      sheetForms[name] = s.formId;
    }
  }
  await wb.writeState({ planYear: DEMO_YEAR, unitName: DEMO_COMMUNE, level: 'xa', period: DEMO_PERIOD, upperLevelName: DEMO_PROVINCE, sheetForms });
  return wb;
}

const NAMES: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  'II.7.A': 'II.7.A.docx',
  'II.7.B': 'II.7.B.docx',
  'II.10': 'II.10.docx',
  'II.1': 'II.1.xlsx',
  'II.2': 'II.2.xlsx',
  'II.8': 'II.8.xlsx',
  handout: 'Tom-tat-hoi-nghi.docx',
};

describe('Văn bản: every document from the demo workbook', () => {
  let wb: MemoryWorkbook;
  beforeAll(async () => {
    wb = await demoWorkbook();
    const v = await createActions(wb).consolidate();
    expect(v.counts.ii6a).toBeGreaterThan(0);
  }, 60_000);

  it.each(DOCUMENT_KINDS.filter((k) => documentFormat(k) === 'docx'))('%s is a Word file with the plan in it', async (kind) => {
    const before = await wb.listSheets();
    const d = await draftFile(wb, kind);
    expect(d.fileName).toBe(NAMES[kind]);
    expect(d.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(d.bytes.length).toBeGreaterThan(5000);
    expect(d.missing).toEqual([]);
    const text = (await docxContent(d.bytes)).text;
    expect(text).toContain('TÂN LẬP');
    if (kind === 'II.10') expect(text).toContain('Thôn Nà Lìu');
    if (kind === 'handout') expect(text).toContain('75%');
    // Drafting writes nothing into the workbook.
    expect(await wb.listSheets()).toEqual(before);
  });

  it.each(['II.1', 'II.2'] as const)('%s is a sheet that LKH reads back as its form', async (kind) => {
    const d = await draftFile(wb, kind);
    expect(d.fileName).toBe(NAMES[kind]);
    expect(d.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(d.note).toBeTruthy();
    const back = await XlsxWorkbook.load(d.bytes);
    expect(await back.listSheets()).toEqual([kind]);
    expect((await back.readState()).sheetForms).toEqual({ [kind]: kind });
    const [sheet] = await back.readSheets([kind]);
    const text = sheet.values.flat().filter((v): v is string => typeof v === 'string').join('\n');
    if (kind === 'II.1') expect(text).toContain('Có Phiếu III.1 (trang "Tỉnh Lào Cai - III.1")');
    if (kind === 'II.2') expect(text).toContain('2026');
  });

  it('II.8 sums the demo villages\' own I.1, each figure traced to its villages', async () => {
    const readings = (await readWorkbook(wb)).readings.filter((r) => r.formId === 'I.1');
    expect(readings).toHaveLength(6);
    const households = readings.reduce((n, r) => n + Number(r.fixedValues['I.6']?.value ?? 0), 0);
    expect(households).toBeGreaterThan(0);
    const d = await draftFile(wb, 'II.8');
    expect(d.fileName).toBe('II.8.xlsx');
    expect(d.note).toContain('Biểu I.1 của 6 thôn');
    const back = await XlsxWorkbook.load(d.bytes);
    const [sheet] = await back.readSheets(['II.8']);
    const rows = sheet.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join(' | '));
    expect(rows.some((r) => r.includes(String(households)) && r.includes('Thôn Nà Lìu') && r.includes('Thôn Nà Hin'))).toBe(true);
  });

  it('II.8 says what is missing when no village sent its I.1', async () => {
    const bare = await demoWorkbook();
    const state = await bare.readState();
    const i1 = Object.entries(state.sheetForms ?? {}).filter(([, f]) => f === 'I.1').map(([sheet]) => sheet);
    await bare.deleteSheets(i1);
    await bare.writeState({ ...state, sheetForms: Object.fromEntries(Object.entries(state.sheetForms ?? {}).filter(([sheet]) => !i1.includes(sheet))) });
    await expect(draftFile(bare, 'II.8')).rejects.toThrow('thêm tệp của thôn ở "Tệp"');
    // Added as tabs (as Tệp would), two villages' figures are summed.
    for (const [i, village] of ['Thôn Nà Lìu', 'Thôn Khe Mạ'].entries()) {
      await bare.createSheet(layoutForm(getForm('I.1'), { planYear: 2027, unitName: village, sheetName: `${village} - I.1`, fixedValues: { indicators: Object.fromEntries(Object.entries(villageFigures(i)).map(([k, v]) => [k, { value: v }])) } }));
    }
    const d = await draftFile(bare, 'II.8');
    expect(d.note).toContain('Biểu I.1 của 2 thôn (Thôn Nà Lìu, Thôn Khe Mạ)');
    const [sheet] = await (await XlsxWorkbook.load(d.bytes)).readSheets(['II.8']);
    // Households: 80 + 87, each village named in the sources column.
    const rows = sheet.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))).join(' | '));
    expect(rows.some((r) => r.includes('167') && r.includes('Thôn Nà Lìu') && r.includes('Thôn Khe Mạ'))).toBe(true);
  });

  it('every kind the core knows has a file name here (a new one needs its test)', () => {
    expect(Object.keys(NAMES).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});

describe('Văn bản: what a workbook does not allow yet, said in the pane\'s words', () => {
  it('asks for the consolidation first, for the plan year, for the villages\' I.1', async () => {
    const empty = new MemoryWorkbook();
    await expect(draftFile(empty, 'II.7.A')).rejects.toThrow('Biểu II.7.A cần kế hoạch xã đã tổng hợp: bấm "Tổng hợp" trước');
    await expect(draftFile(empty, 'handout')).rejects.toThrow(/^Tài liệu phát tại hội nghị kế hoạch xã \(handout\) cần kế hoạch xã đã tổng hợp/u);
    await expect(draftFile(empty, 'II.2')).rejects.toThrow('Biểu II.2 cần năm kế hoạch: nhập ở "Cài đặt".');
    await empty.writeState({ planYear: 2027 });
    expect((await draftFile(empty, 'II.2')).fileName).toBe('II.2.xlsx');
    await expect(draftFile(empty, 'II.8')).rejects.toThrow('Biểu II.8 cần Biểu I.1 của các thôn: thêm tệp của thôn ở "Tệp"');
    await expect(draftFile(empty, 'II.9')).rejects.toThrow('Không có văn bản "II.9".');
  });
});
