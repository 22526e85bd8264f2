/**
 * `lkh feedback` on real files: two demo-like communes consolidated and rolled up by `lkh district`,
 * the province's offices appraise in the roll-up file, `lkh district --feedback-dir` writes one
 * feedback file per commune, and each commune reads its own back into its plan file (written over
 * it, atomically) — or reads it from the province's workbook itself (the "Phản hồi các xã" table).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_COLUMN_HEADER } from '../../src/layout/engine';
import type { CellValue } from '../../src/port/types';
import { consolidateCommune } from '../../src/workflow/plan';
import { DEMO_YEAR, demoFiles } from '../../src/workflow/demo';
import type { DemoFile } from '../../src/workflow/demo';
import { SUMMARY_SHEET, UPPER_FEEDBACK_HEADER, UPPER_FEEDBACK_SHEET } from '../../src/workflow/upper-level';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from './run';

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

async function communeFile(dir: string, name: string, files: readonly DemoFile[]): Promise<string> {
  const wb = XlsxWorkbook.create();
  let n = 0;
  for (const f of files) for (const s of f.sheets) await wb.createSheet({ ...s.layout, name: `${++n} ${s.formId}` });
  await consolidateCommune(wb, undefined, { communeName: name, planYear: DEMO_YEAR });
  const path = join(dir, `${name.replace(/\s+/g, '-')}.xlsx`);
  writeFileSync(path, await wb.save());
  return path;
}

/** The offices' opinion on the first two II.6.B rows of `commune` in the roll-up file: one accepted, one not. */
async function appraise(file: string, commune: string): Promise<{ accepted: string; rejected: string }> {
  const wb = await XlsxWorkbook.load(readFileSync(file));
  const [d] = await wb.readSheets([SUMMARY_SHEET]);
  const header = d.values.findIndex((r) => r.includes(KEY_COLUMN_HEADER));
  const col = (h: string) => d.values[header].findIndex((v) => v === h);
  const rows = d.values.map((r, i) => ({ r, i })).filter(({ r, i }) => i > header && text(r[col('Xã')]) === commune && text(r[col('Biểu của xã')]) === 'II.6.B');
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const put = (i: number, h: string, v: CellValue) => ({ sheet: SUMMARY_SHEET, row: d.top + i, col: d.left + col(h), values: [[v]] });
  await wb.writeValues([
    put(rows[0].i, 'Phòng/ban thẩm định', 'Sở Tài chính'),
    put(rows[0].i, 'Ý kiến (Đồng ý / Không đồng ý)', 'Đồng ý'),
    put(rows[0].i, 'Ưu tiên cấp trên', 1),
    put(rows[1].i, 'Ý kiến (Đồng ý / Không đồng ý)', 'Không đồng ý'),
    put(rows[1].i, 'Lý do', 'Ngoài định hướng của tỉnh'),
  ]);
  writeFileSync(file, await wb.save());
  return { accepted: text(rows[0].r[col('Hoạt động')]), rejected: text(rows[1].r[col('Hoạt động')]) };
}

describe('lkh feedback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-feedback-'));
  const files = demoFiles();
  const villages = files.filter((f) => f.sheets.some((s) => s.formId === 'I.2'));
  const departments = files.filter((f) => f.sheets.every((s) => s.formId === 'II.3'));

  it('reads the province’s feedback into the commune’s plan file, and says what to do', async () => {
    const a = await communeFile(dir, 'Xã Tân Lập', [...villages.slice(0, 3), ...departments.slice(0, 2)]);
    const b = await communeFile(dir, 'Xã Bản Chang', [...villages.slice(3), ...departments.slice(2)]);
    const rollup = join(dir, 'tong-hop.xlsx');
    expect((await run(['district', a, b, '--out', rollup, '--upper', 'Tỉnh Lào Cai', '--funds', '100000'])).code).toBeLessThanOrEqual(1);
    const named = await appraise(rollup, 'Xã Tân Lập');
    const sent = join(dir, 'gui-xa');
    const again = await run(['district', a, b, '--out', rollup, '--feedback-dir', sent, '--json']);
    expect(again.code).toBeLessThanOrEqual(1);
    // One file per commune, each holding that commune's feedback alone.
    const written = (JSON.parse(again.out) as { feedbackFiles: string[] }).feedbackFiles;
    expect(written.map((f) => f.slice(sent.length + 1)).sort()).toEqual(['Phản hồi - Xã Bản Chang.xlsx', 'Phản hồi - Xã Tân Lập.xlsx']);
    expect(await (await XlsxWorkbook.load(readFileSync(join(sent, 'Phản hồi - Xã Tân Lập.xlsx')))).listSheets()).toEqual(['Phản hồi - Xã Tân Lập']);

    const r = await run(['feedback', a, join(sent, 'Phản hồi - Xã Tân Lập.xlsx'), '--out', a]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Đã ghi .*Xã-Tân-Lập\.xlsx: trang "Phản hồi cấp trên" từ "Phản hồi - Xã Tân Lập" \(Phản hồi - Xã Tân Lập\.xlsx\) — \d+ hoạt động: đồng ý 1, chưa tiếp thu 1, đang chờ ý kiến \d+;/u);
    expect(r.out).toContain(`Chuyển sang II.6.A (cấp trên đồng ý, trong khả năng vốn): ${named.accepted}.`);
    expect(r.out).toContain(`Chưa tiếp thu, xã cần xem lại: ${named.rejected} (Ngoài định hướng của tỉnh).`);

    const plan = await XlsxWorkbook.load(readFileSync(a));
    expect(await plan.listSheets()).toContain(UPPER_FEEDBACK_SHEET);
    const [ii6b] = await plan.readSheets(['II.6.B']);
    const header = ii6b.values.findIndex((row) => row.includes(KEY_COLUMN_HEADER));
    const noteCol = ii6b.values[header].indexOf(UPPER_FEEDBACK_HEADER);
    expect(noteCol).toBe(ii6b.values[header].indexOf(KEY_COLUMN_HEADER) + 1);
    const notes = ii6b.values.slice(header + 1).map((row) => text(row[noteCol])).filter((t) => t !== '');
    expect(notes.some((t) => t.startsWith('CHƯA TIẾP THU; lý do: Ngoài định hướng của tỉnh'))).toBe(true);
    expect(notes.some((t) => t.startsWith('Đồng ý; Sở Tài chính; ưu tiên cấp trên 1; trong khả năng vốn; → chuyển sang II.6.A'))).toBe(true);
    // The consolidation still reads the plan it wrote: a re-run on the same file works.
    expect((await run(['consolidate', a, '--out', join(dir, 'again.xlsx')])).code).toBeLessThanOrEqual(1);

    // --json, for Bản Chang, whose feedback waits for every opinion: read from the province's workbook itself.
    const j = await run(['feedback', b, rollup, '--out', join(dir, 'ban-chang-2.xlsx'), '--json']);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.out) as { commune: string; feedbackSheet: string; accepted: number; rejected: number; pending: number; unmatched: number; activities: { verdict: string; key: string | null }[] };
    expect(doc).toMatchObject({ commune: 'Xã Bản Chang', accepted: 0, rejected: 0, unmatched: 0, feedbackSheet: 'Phản hồi các xã' });
    expect(doc.pending).toBe(doc.activities.length);
    expect(doc.activities.every((x) => x.verdict === 'pending' && x.key !== null)).toBe(true);
  }, 120_000);

  it('refuses what it cannot do, with the reason', async () => {
    const a = await communeFile(dir, 'Xã Hòa Bình', villages.slice(0, 1));
    // No feedback sheet in the plan itself.
    const none = await run(['feedback', a, '--out', a]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Không tìm thấy phản hồi của cấp trên');
    // The feedback file as --out would lose it.
    const same = await run(['feedback', a, a, '--out', a]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('cũng là một tệp đầu vào');
    const usage = await run(['feedback', a]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Cần --out TỆP.xlsx');
    expect((await run(['feedback', '--help'])).out).toContain('lkh feedback KẾ_HOẠCH.xlsx [PHẢN_HỒI.xlsx] --out KẾ_HOẠCH.xlsx');
    expect((await run(['--help'])).out).toContain('lkh feedback KẾ_HOẠCH.xlsx [PHẢN_HỒI.xlsx] --out KẾ_HOẠCH.xlsx');
  }, 60_000);
});
