/**
 * The version chooser names each version's file and date (issue 20, item 8): two files of one
 * village's I.2 imported into the workbook, each tab remembering its file, the file's modified
 * date (docProps/core.xml dcterms:modified) and when it was imported.
 */
import { createActions } from '../../src/app/actions';
import { importXlsx } from '../../src/app/transfer';
import { MemoryWorkbook } from '../../src/port/memory';
import { demoFiles } from '../../src/workflow/demo';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import type { SheetLayout } from '../../src/layout/types';

/** One village's I.2 saved as a file on `modified`, its first activity's name changed by `edit`. */
async function villageFile(modified: Date | undefined, edit: (name: string) => string): Promise<Uint8Array> {
  const file = demoFiles().find((f) => f.unit === 'Thôn Nà Lìu');
  if (!file) throw new Error('no Thôn Nà Lìu in the demo');
  const sheet = file.sheets.find((s) => s.formId === 'I.2');
  if (!sheet) throw new Error('no I.2');
  const first = sheet.layout.cells.find((c) => typeof c.value === 'string' && /^Nạo vét|^Hỗ trợ|^Cứng hóa/u.test(c.value));
  if (!first) throw new Error('no activity');
  const layout: SheetLayout = { ...sheet.layout, cells: sheet.layout.cells.map((c) => (c === first ? { ...c, value: edit(String(c.value)) } : c)) };
  const wb = XlsxWorkbook.create();
  await wb.createSheet(layout);
  if (modified) wb.workbook.modified = modified;
  return wb.save();
}

describe('the version chooser', () => {
  it('reads dcterms:modified from a file', async () => {
    const bytes = await villageFile(new Date('2026-04-02T09:30:00Z'), (n) => n);
    expect((await XlsxWorkbook.loadForReading(bytes)).modifiedAt).toBe('2026-04-02T09:30:00.000Z');
  });

  it('names each version’s file, its modified date and when it was imported', async () => {
    const wb = new MemoryWorkbook();
    await wb.writeState({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai', planYear: 2027, unitName: 'Xã Tân Lập' });
    const before = new Date().toISOString();
    await importXlsx(wb, 'Thon-Na-Liu.xlsx', await villageFile(new Date('2026-04-02T09:30:00Z'), (n) => n));
    await importXlsx(wb, 'Thon-Na-Liu (sửa).xlsx', await villageFile(new Date('2026-04-20T02:00:00Z'), (n) => `${n} (bổ sung)`));
    const view = await createActions(wb).consolidate();
    expect(view.conflicts).toHaveLength(1);
    const [c] = view.conflicts ?? [];
    expect(c.unitName).toBe('Thôn Nà Lìu');
    expect(c.candidates.map((x) => [x.file, x.modified])).toEqual([
      ['Thon-Na-Liu.xlsx', '2026-04-02T09:30:00.000Z'],
      ['Thon-Na-Liu (sửa).xlsx', '2026-04-20T02:00:00.000Z'],
    ]);
    for (const x of c.candidates) expect(x.imported !== undefined && x.imported >= before).toBe(true);
    // the tabs are different: the chooser shows both tab and file
    expect(new Set(c.candidates.map((x) => x.sheet)).size).toBe(2);
  });
});
