/**
 * `lkh status` (issue 20): after `lkh demo` and `lkh consolidate`, the status of the plan with the
 * demo's files beside it says every village's and department's form of step 2 is in, the commune
 * at step 3 or later, and next the drafts or the conference; `--json` has the documented shape.
 * `lkh consolidate` prints a short summary first, no line over 200 characters, and says why it exits 1.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run';

interface StatusJson {
  current: number;
  steps: { n: number; title: string; done: boolean; items: { what: string; done: boolean; evidence: { text: string; file?: string; sheet?: string }[] }[] }[];
  next: { text: string; action: string };
}

describe('lkh status after the demo and a consolidation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-status-'));
  const demo = join(dir, 'D');
  const plan = join(dir, 'P.xlsx');
  let inputs: string[] = [];
  let consolidated: { code: number; out: string; err: string };

  beforeAll(async () => {
    expect((await run(['demo', '--out', demo])).code).toBe(0);
    inputs = readdirSync(demo).map((f) => join(demo, f));
    consolidated = await run(['consolidate', ...inputs, '--out', plan]);
  });

  it('lkh consolidate: summary first, by kind, no line over 200 characters, the exit explained', () => {
    const lines = consolidated.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`Đã ghi kế hoạch vào ${plan}: II.4.A, II.4.B, II.6.A, II.6.B, II.6.C, Báo cáo tổng hợp.`);
    expect(lines.slice(0, 6).join('\n')).toMatch(/Có 1 lỗi và \d+ cảnh báo; xem đủ danh sách: thêm --verbose\./u);
    expect(lines.filter((l) => l.length > 200)).toEqual([]);
    expect(lines).toContain('Theo loại:');
    // Grouped: the six villages' "maybe covered" warnings are one line.
    expect(lines.filter((l) => l.includes('có thể đã nằm trong'))).toHaveLength(1);
    // One line per problem: the III.1 overrun and the 75% rule, failed checks, are said once each, with their place.
    expect(lines.filter((l) => /III\.1!C12/u.test(l))).toEqual([expect.stringMatching(/^ {2}LỖI · .*\(III\.1-Tinh-Lao-Cai\.xlsx › III\.1!C12\): /u)]);
    expect(lines.filter((l) => /75%/u.test(l))).toHaveLength(1);
    // The merged program's old names: one line, one finding.
    expect(lines.filter((l) => l.includes('tên của giai đoạn trước'))).toEqual([expect.stringMatching(/: 1 \(/u)]);
    expect(consolidated.code).toBe(1);
    expect(lines.at(-1)).toBe(`Mã thoát 1: còn 1 lỗi cần xem lại; kế hoạch vẫn đã được ghi vào ${plan}.`);
  });

  it('lkh consolidate --verbose lists every finding, wrapped', async () => {
    const r = await run(['consolidate', ...inputs, '--out', join(dir, 'V.xlsx'), '--verbose']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toContain('Danh sách đầy đủ:');
    expect(lines.filter((l) => l.length > 200)).toEqual([]);
    expect(lines.filter((l) => /^ {2}(LỖI|Cảnh báo) /u.test(l)).length).toBeGreaterThan(lines.filter((l) => /^ {2}(LỖI|Cảnh báo) · /u.test(l)).length);
  });

  it('--json: every village and department form of step 2 in, step 3 or later, next the drafts or the conference', async () => {
    const r = await run(['status', plan, ...inputs, '--json', '--today', '2026-12-07']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as StatusJson;
    expect(s.steps.map((x) => x.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const x of s.steps) expect(typeof x.title).toBe('string');
    const s2 = s.steps[1];
    const from = s2.items.filter((i) => /\(từ các thôn\)|Biểu II\.3 \(từ các ban ngành/u.test(i.what));
    expect(from.map((i) => i.what)).toEqual(['Biểu I.1 (từ các thôn)', 'Biểu I.2 (từ các thôn)', 'Biểu I.3 (từ các thôn)', 'Biểu II.3 (từ các ban ngành, đơn vị)']);
    for (const i of from) expect(i.done).toBe(true);
    // Evidence names the files the forms came in.
    expect(from[1].evidence[0]).toMatchObject({ file: expect.stringMatching(/^Thon-.*\.xlsx$/u), sheet: expect.stringMatching(/I\.2/u) });
    // A long list collapsed with a count: three sheets named, the rest counted.
    expect(from[1].evidence).toHaveLength(4);
    expect(from[1].evidence[3].text).toMatch(/^và \d+ trang khác$/u);
    expect(s.current).toBeGreaterThanOrEqual(3);
    expect(['draft', 'ballot', 'rank']).toContain(s.next.action);
    expect(s.next.text).toMatch(/II\.7\.A|hội nghị/u);
    // The demo: no deadline of the real calendar.
    expect(JSON.stringify(s.steps)).not.toContain('"deadline"');
    // The plan made from the demo's files is the demo's too, even without them beside it.
    const alone = await run(['status', plan, '--json', '--today', '2026-12-07']);
    expect(JSON.stringify((JSON.parse(alone.out) as StatusJson).steps)).not.toContain('"deadline"');
    expect((await run(['status', plan, '--today', '2026-12-07'])).out).not.toMatch(/Quá hạn|Hạn \d/u);
  });

  it('a document drafted from the plan counts: the next action moves on', async () => {
    expect((await run(['document', 'II.7.A', plan, '--out', join(dir, 'II.7.A.docx')])).code).toBe(0);
    expect((await run(['document', 'II.7.B', plan, '--out', join(dir, 'II.7.B.docx')])).code).toBe(0);
    const s = JSON.parse((await run(['status', plan, ...inputs, '--json'])).out) as StatusJson;
    const ii7a = s.steps[2].items.find((i) => i.what === 'Biểu II.7.A');
    expect(ii7a?.done).toBe(true);
    expect(ii7a?.evidence[0].text).toMatch(/^soạn ngày \d\d\/\d\d\/\d{4}: II\.7\.A\.docx$/u);
    expect(s.next.action).toBe('ballot');
  });

  it('prints the same in Vietnamese, one line each, no line over 200 characters', async () => {
    const r = await run(['status', plan, ...inputs]);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('Xã Tân Lập — kế hoạch năm 2027 (cấp xã)');
    expect(lines[1]).toMatch(/^Đang ở Bước [3-7]: /u);
    expect(lines[2]).toMatch(/^6\/6 thôn đã gửi đủ Biểu I\.1, I\.2, I\.3/u);
    expect(lines.at(-1)).toMatch(/^Tiếp theo: /u);
    expect(lines.filter((l) => l.length > 200)).toEqual([]);
  });

  it('refuses what it cannot read, in Vietnamese', async () => {
    const r = await run(['status', join(dir, 'khong-co.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/khong-co\.xlsx/u);
    expect((await run(['status'])).code).toBe(2);
  });
});
