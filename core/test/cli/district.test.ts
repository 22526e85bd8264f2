/**
 * `lkh district` on real .xlsx files: two demo-like communes consolidated with
 * consolidateCommune on ExcelJS workbooks and the upper level's III.1, saved to a temp
 * directory, rolled up; an appraisal typed into the result file survives the re-run.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { districtCommand } from '../../cli/district';
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue } from '../../src/port/types';
import { consolidateCommune } from '../../src/workflow/plan';
import { DEMO_YEAR, demoFiles } from '../../src/workflow/demo';
import type { DemoFile } from '../../src/workflow/demo';
import { COMMUNES_SHEET, SUMMARY_SHEET } from '../../src/workflow/upper-level';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await districtCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A commune's plan file: the demo's village and department sheets in one workbook, consolidated. */
async function communeFile(dir: string, name: string, files: readonly DemoFile[]): Promise<{ path: string; count: number; amount: number }> {
  const wb = XlsxWorkbook.create();
  let n = 0;
  for (const f of files) for (const s of f.sheets) await wb.createSheet({ ...s.layout, name: `${++n} ${s.formId}` });
  const r = await consolidateCommune(wb, undefined, { communeName: name, planYear: DEMO_YEAR });
  const path = join(dir, `${name.replace(/\s+/g, '-')}.xlsx`);
  writeFileSync(path, await wb.save());
  return { path, count: r.plan.activities.length, amount: r.plan.activities.reduce((s, a) => s + a.total, 0) };
}

interface JsonDoc {
  upperLevel: string;
  funds: number | null;
  sheets: string[];
  keptCopies: string[];
  reconciliation: { read: { count: number; amount: number }; written: { count: number; amount: number }; balanced: boolean; keptAppraisals: number };
  communes: { name: string; count: number; total: number; iii1: { total: number } | null; reconciliation: { balanced: boolean } }[];
  ranking: { activity: string; withinFunds: boolean | null }[];
  findings: { severity: string; code: string }[];
}

describe('lkh district', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-district-'));
  const files = demoFiles();
  const villages = files.filter((f) => f.sheets.every((s) => s.formId === 'I.2'));
  const departments = files.filter((f) => f.sheets.every((s) => s.formId === 'II.3'));
  const iii1 = files.find((f) => f.sheets.some((s) => s.formId === 'III.1')) as DemoFile;
  const out = join(dir, 'tong-hop', 'Tinh-Lao-Cai.xlsx');

  it('rolls communes\' plan files up into one workbook, reconciled, with III.1 and the funds', async () => {
    const a = await communeFile(dir, 'Xã Tân Lập', [...villages.slice(0, 3), ...departments.slice(0, 2)]);
    const b = await communeFile(dir, 'Xã Bản Chang', [...villages.slice(3), ...departments.slice(2)]);
    const iii1Path = join(dir, iii1.name);
    const wb = XlsxWorkbook.create();
    for (const s of iii1.sheets) await wb.createSheet(s.layout);
    writeFileSync(iii1Path, await wb.save());

    const r = await run([a.path, b.path, iii1Path, '--out', out, '--json', '--upper', 'Tỉnh Lào Cai', '--funds', '1.500']);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as JsonDoc;
    expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(doc.upperLevel).toBe('Tỉnh Lào Cai');
    expect(doc.funds).toBe(1500);
    expect(doc.sheets).toContain('Phản hồi - Xã Tân Lập');
    expect(doc.sheets).toContain('Phản hồi - Xã Bản Chang');
    expect(doc.reconciliation).toMatchObject({
      read: { count: a.count + b.count, amount: a.amount + b.amount },
      written: { count: a.count + b.count, amount: a.amount + b.amount },
      balanced: true,
    });
    expect(doc.communes.map((c) => [c.name, c.count, c.total, c.reconciliation.balanced])).toEqual([
      ['Xã Bản Chang', b.count, b.amount, true],
      ['Xã Tân Lập', a.count, a.amount, true],
    ]);
    // The demo III.1 (the province's, 2026-2030 edition) is for Xã Tân Lập: 4.950 triệu đồng in all.
    expect(doc.communes.find((c) => c.name === 'Xã Tân Lập')?.iii1?.total).toBe(4950);
    expect(doc.ranking).toEqual([]); // nothing appraised yet

    const result = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const names = await result.listSheets();
    expect(names).toEqual(expect.arrayContaining([SUMMARY_SHEET, COMMUNES_SHEET]));
  });

  it('keeps what the offices typed into the result file, and reports it in plain text', async () => {
    // An office opens the result in Excel and accepts the school with top priority.
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const [d] = await wb.readSheets([SUMMARY_SHEET]);
    const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const col = (h: string) => d.values[header].indexOf(h);
    const row = d.values.findIndex((r) => text(r[col('Hoạt động')]).startsWith('Xây dựng 2 phòng học'));
    expect(row).toBeGreaterThan(header);
    await wb.writeValues([
      { sheet: SUMMARY_SHEET, row: d.top + row, col: d.left + col('Phòng/ban thẩm định'), values: [['Sở Giáo dục và Đào tạo', 'Đồng ý', null, 1]] },
    ]);
    writeFileSync(out, await wb.save());

    const r = await run([join(dir, 'Xã-Tân-Lập.xlsx'), join(dir, 'Xã-Bản-Chang.xlsx'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã ghi ${out}`);
    expect(r.out).toContain(': khớp.');
    expect(r.out).toContain('giữ lại từ lần trước 1');
    // Upper level and funds remembered from the first run.
    expect(r.out).toContain('Vốn Tỉnh Lào Cai: 1.500 triệu đồng (số của lần tổng hợp trước); II.6.B được đồng ý: 1 hoạt động, trong khả năng vốn 1.');
    const after = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const names = await after.listSheets();
    expect(names).toContain(`${SUMMARY_SHEET} (cũ)`);
    const [fb] = await after.readSheets(['Phản hồi - Xã Bản Chang']);
    const cells = fb.values.flat().map(text);
    expect(cells).toContain('Xây dựng 2 phòng học điểm trường Khuổi Mạ');
    expect(cells).toContain('Ưu tiên cấp trên: 1; Trong khả năng vốn');
  });

  it('exit 2 for bad usage, and when no file holds a commune plan (the result is left untouched)', async () => {
    expect((await run([join(dir, 'Xã-Tân-Lập.xlsx')])).code).toBe(2);
    const bad = await run([join(dir, 'Xã-Tân-Lập.xlsx'), '--out', out, '--funds', 'nhiều']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Số vốn "nhiều" không hợp lệ');
    const before = readFileSync(out);
    const none = await run([join(dir, iii1.name), '--out', out]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Không tìm thấy hoạt động nào');
    expect(readFileSync(out).equals(before)).toBe(true);
    const fresh = join(dir, 'khong-co.xlsx');
    expect((await run([join(dir, iii1.name), '--out', fresh])).code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  // The sidebar reads the same texts the same way (sheets-addon/test/parse-funds.test.ts).
  it.each<[string, number]>([
    ['1.000', 1000],
    ['1,000', 1000],
    ['12,000', 12000],
    ['1 500', 1500],
    ['1.500,5', 1500.5],
    ['1,500.5', 1500.5],
    ['1500,5', 1500.5],
    ['0,5', 0.5],
  ])('reads --funds "%s" as %d triệu đồng', async (typed, funds) => {
    const r = await run([join(dir, 'Xã-Tân-Lập.xlsx'), '--out', join(dir, 'funds', `${funds}.xlsx`), '--json', '--funds', typed]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonDoc).funds).toBe(funds);
  });

  it.each(['nhiều', '-5', '1.5.0', '12/2027', '50%'])('refuses --funds "%s" before reading anything', async (typed) => {
    const r = await run([join(dir, 'Xã-Tân-Lập.xlsx'), '--out', join(dir, 'funds', 'bad.xlsx'), '--funds', typed]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Số vốn "${typed}" không hợp lệ: ghi số triệu đồng, ví dụ 1.500 hoặc 1500,5.`);
    expect(existsSync(join(dir, 'funds', 'bad.xlsx'))).toBe(false);
  });
});
