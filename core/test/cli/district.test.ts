/**
 * `lkh district` on real .xlsx files: two demo-like communes consolidated with
 * consolidateCommune on ExcelJS workbooks and the upper level's III.1, saved to a temp
 * directory, rolled up; an appraisal typed into the result file survives the re-run. Two and ten
 * communes give the same sheets (the communes are rows of long tables); a result file in the
 * earlier tab-per-commune layout is imported once, reconciled.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { districtCommand } from '../../cli/district';
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue } from '../../src/port/types';
import { consolidateCommune } from '../../src/workflow/plan';
import { DEMO_YEAR, demoFiles } from '../../src/workflow/demo';
import type { DemoFile } from '../../src/workflow/demo';
import { getForm } from '../../src/forms/registry';
import type { BodyRow } from '../../src/layout/engine';
import { layoutForm } from '../../src/layout/engine';
import { COMMUNES_SHEET, FEEDBACK_TABLE, FEEDBACK_VIEW, II6A_TABLE, II6B_TABLE, SUMMARY_SHEET, feedbackLayouts, summaryLayout } from '../../src/workflow/upper-level';
import { rollUpCommunes } from '../../src/workflow/upper-level';
import { MemoryWorkbook } from '../../src/port/memory';
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
    expect(doc.sheets).toContain(FEEDBACK_TABLE);
    expect(doc.sheets).not.toContain('Phản hồi - Xã Tân Lập');
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

    const r = await run([join(dir, 'Xã-Tân-Lập.xlsx'), join(dir, 'Xã-Bản-Chang.xlsx'), '--out', out, '--feedback-commune', 'Bản Chang']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã ghi ${out}`);
    expect(r.out).toContain(': khớp.');
    expect(r.out).toContain('giữ lại từ lần trước 1');
    // Upper level and funds remembered from the first run.
    expect(r.out).toContain('Vốn Tỉnh Lào Cai: 1.500 triệu đồng (số của lần tổng hợp trước); II.6.B được đồng ý: 1 hoạt động, trong khả năng vốn 1.');
    const after = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const names = await after.listSheets();
    expect(names).toContain('Thẩm định lần trước');
    expect(names.filter((n) => n.endsWith('(cũ)'))).toEqual([]);
    const [fb] = await after.readSheets([FEEDBACK_VIEW]);
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

  /** A commune's plan as a commune types it: II.6.A (part A) and II.6.B, the commune named in "Xã:". */
  async function typedPlan(name: string, n: number): Promise<{ path: string; count: number; amount: number }> {
    const row = (activity: string, total: number, extra: Record<string, string | number> = {}): BodyRow => ({
      kind: 'data',
      values: { activity, unit: 'công trình', quantity: 1, time: 'Quý III/2027', place: 'Thôn 1', responsible: 'UBND xã', total, contribution: total / 10, budget: 0, proposed: 0, ...extra },
    });
    const wb = XlsxWorkbook.create();
    await wb.createSheet(
      layoutForm(getForm('II.6.A'), {
        planYear: DEMO_YEAR,
        unitName: name,
        sheetName: 'II.6.A',
        body: { activities: [{ kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 }, row(`Vệ sinh đường làng ${name}`, 1000 * n, { contribution: 1000 * n })] },
      }),
    );
    await wb.createSheet(
      layoutForm(getForm('II.6.B'), {
        planYear: DEMO_YEAR,
        unitName: name,
        sheetName: 'II.6.B',
        body: { activities: [row(`Bê tông hóa đường thôn ${n}`, 300000 + n, { proposed: 270000, priority: 1 }), row(`Nhà văn hóa thôn ${n}`, 200000, { proposed: 180000, priority: 2 })] },
      }),
    );
    const path = join(dir, 'typed', `${name}.xlsx`);
    mkdirSync(join(dir, 'typed'), { recursive: true });
    writeFileSync(path, await wb.save());
    return { path, count: 3, amount: 1000 * n + 300000 + n + 200000 };
  }

  it('writes the same sheets for two communes as for ten, every activity reconciled (the communes are rows, not tabs)', async () => {
    const plans = await Promise.all(Array.from({ length: 10 }, (_, i) => typedPlan(`Xã Số ${i + 1}`, i + 1)));
    const runOver = async (some: typeof plans, file: string) => {
      const r = await run([...some.map((p) => p.path), '--out', join(dir, file), '--json', '--upper', 'Tỉnh Lào Cai']);
      expect(r.err).toBe('');
      return JSON.parse(r.out) as JsonDoc;
    };
    const two = await runOver(plans.slice(0, 2), 'hai-xa.xlsx');
    const ten = await runOver(plans, 'muoi-xa.xlsx');
    const tabs = async (file: string) => (await XlsxWorkbook.load(new Uint8Array(readFileSync(join(dir, file))))).listSheets();
    expect(await tabs('muoi-xa.xlsx')).toEqual(await tabs('hai-xa.xlsx'));
    expect((await tabs('muoi-xa.xlsx')).length).toBeLessThanOrEqual(20);
    expect(ten.sheets).toEqual(two.sheets);
    for (const [doc, some] of [
      [two, plans.slice(0, 2)],
      [ten, plans],
    ] as const) {
      const count = some.reduce((n, p) => n + p.count, 0);
      const amount = some.reduce((n, p) => n + p.amount, 0);
      expect(doc.reconciliation).toMatchObject({ read: { count, amount }, written: { count, amount }, balanced: true });
      expect(doc.communes.every((c) => c.reconciliation.balanced)).toBe(true);
    }
    // The long tables hold every activity, one row each, amounts as numbers.
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(join(dir, 'muoi-xa.xlsx'))));
    const [a, b] = await wb.readSheets([II6A_TABLE, II6B_TABLE]);
    expect(a.values.length - 1 + b.values.length - 1).toBe(30);
    const total = b.values[0].indexOf('Tổng số (1.000 đồng)');
    expect(b.values.slice(1).every((r) => typeof r[total] === 'number')).toBe(true);
  });

  it('imports a result file in the earlier tab-per-commune layout once: nothing lost, counts and amounts reconciled', async () => {
    // The earlier layout: each commune's forms as tabs "<Xã> - II.6.A", an appraised summary, one "Phản hồi - <xã>" per commune.
    const plans = await Promise.all([typedPlan('Xã Nậm Lư', 3), typedPlan('Xã Cốc Ly', 4)]);
    const old = XlsxWorkbook.create();
    const before = MemoryWorkbook.fromArrays({});
    const r0 = await rollUpCommunes(
      await Promise.all(plans.map(async (p) => ({ port: await XlsxWorkbook.load(new Uint8Array(readFileSync(p.path))), file: p.path }))),
      before,
      { upperLevel: 'Tỉnh Lào Cai' },
    );
    for (const p of plans) {
      const src = await XlsxWorkbook.load(new Uint8Array(readFileSync(p.path)));
      const name = p.path.replace(/^.*\//, '').replace(/\.xlsx$/, '');
      for (const form of ['II.6.A', 'II.6.B']) {
        const [d] = await src.readSheets([form]);
        await old.createSheet({ ...layoutForm(getForm(form as 'II.6.A'), { planYear: DEMO_YEAR, sheetName: `${name} - ${form}` }), cells: [] });
        await old.writeValues([{ sheet: `${name} - ${form}`, row: d.top, col: d.left, values: d.values }]);
      }
    }
    const summary = summaryLayout(r0.rollup);
    await old.createSheet(summary);
    for (const l of feedbackLayouts(r0.rollup)) await old.createSheet(l);
    // An office's appraisal in the old summary.
    const [s] = await old.readSheets([SUMMARY_SHEET]);
    const header = s.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
    const col = (h: string) => s.values[header].indexOf(h);
    const row = s.values.findIndex((r) => text(r[col('Hoạt động')]) === 'Bê tông hóa đường thôn 4');
    await old.writeValues([{ sheet: SUMMARY_SHEET, row: s.top + row, col: s.left + col('Ý kiến (Đồng ý / Không đồng ý)'), values: [['Đồng ý']] }]);
    const file = join(dir, 'cu', 'Tinh-Lao-Cai-cu.xlsx');
    mkdirSync(join(dir, 'cu'), { recursive: true });
    writeFileSync(file, await old.save());

    const fresh = await typedPlan('Xã Bát Xát', 5);
    const r = await run([fresh.path, '--out', file, '--json']);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as JsonDoc & { imported: { name: string; fromTabs: boolean; read: { count: number; amount: number }; stored: { count: number; amount: number }; balanced: boolean }[]; removed: string[] };
    expect(doc.imported.map((i) => [i.name, i.fromTabs, i.read, i.stored, i.balanced]).sort()).toEqual(
      [
        ['Xã Bát Xát', false, { count: 3, amount: fresh.amount }, { count: 3, amount: fresh.amount }, true],
        ['Xã Cốc Ly', true, { count: 3, amount: plans[1].amount }, { count: 3, amount: plans[1].amount }, true],
        ['Xã Nậm Lư', true, { count: 3, amount: plans[0].amount }, { count: 3, amount: plans[0].amount }, true],
      ].sort(),
    );
    expect(doc.removed.sort()).toEqual(['Phản hồi - Xã Cốc Ly', 'Phản hồi - Xã Nậm Lư']);
    expect(doc.reconciliation).toMatchObject({ read: { count: 9 }, balanced: true, keptAppraisals: 1 });
    // Run again: the old tabs are not read a second time, nothing changes.
    const again = JSON.parse((await run([fresh.path, '--out', file, '--json'])).out) as JsonDoc & { imported: { name: string }[] };
    expect(again.imported.map((i) => i.name)).toEqual(['Xã Bát Xát']);
    expect(again.reconciliation).toMatchObject({ read: { count: 9 }, balanced: true, keptAppraisals: 1 });
  });
});
