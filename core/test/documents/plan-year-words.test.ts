/**
 * The plan year decides every word (issue 22): a plan for 2027 — made as a commune makes it (`lkh
 * demo`, `lkh consolidate`), every document drafted from it (`lkh document all`) and the blank
 * forms (`lkh template all`, no year: the plan being made now) — never names the district as a
 * level, since there is none after 1 July 2025. The same files consolidated as a 2018 plan keep
 * the handbook's words. A 2027 village that still names district money is told the source is gone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { consolidateCommune } from '../../src/workflow/plan';
import { run } from '../cli/run';
import { checklist } from '../../src/workflow/calendar';
import { addSourceSheet } from '../workflow/helpers';
import { demoOnDisk } from './plans';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every text a reader of the file sees (cells, comments, drop-down lists, Word paragraphs, headers). */
async function fileText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.keys(zip.files).filter((n) => /^(xl|word)\/.*\.xml$/u.test(n) && !/styles|theme|settings|fontTable|webSettings/u.test(n));
  const texts = await Promise.all(parts.map(async (n) => decode((await zip.file(n)?.async('string')) ?? '').replace(/<[^>]*>/g, ' ')));
  return texts.join('\n').normalize('NFC');
}

/** Each file of a folder with its text. */
async function folderTexts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir)) out.set(f, await fileText(join(dir, f)));
  return out;
}

/** Where a text names the district: "…context huyện context…" for each occurrence. */
function districtMentions(texts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of texts) for (const m of text.matchAll(/.{0,40}huyện.{0,30}/giu)) out.push(`${file}: ${m[0].replace(/\s+/g, ' ')}`);
  return out;
}

describe('the plan year decides every word', () => {
  let dir: string;
  let plan: string;
  let inputs: string[];

  beforeAll(async () => {
    ({ dir, plan } = await demoOnDisk());
    inputs = readdirSync(join(dir, 'xa-mau')).map((f) => join(dir, 'xa-mau', f));
  }, 120_000);

  it('a 2027 plan, its documents, the demo files and the blank forms name no district', async () => {
    const docs = join(dir, 'van-ban-2027');
    expect((await run(['document', 'all', plan, ...inputs, '--out', docs])).code).toBe(0);
    const templates = await run(['template', 'all', '--out', join(dir, 'mau-bieu')]);
    expect(templates.code).toBe(0);
    expect(templates.out).toContain('giai đoạn 2026-2030');
    const texts = new Map<string, string>([['ke-hoach-xa.xlsx', await fileText(plan)]]);
    for (const [f, t] of await folderTexts(docs)) texts.set(`van-ban/${f}`, t);
    for (const [f, t] of await folderTexts(join(dir, 'xa-mau'))) texts.set(`xa-mau/${f}`, t);
    for (const [f, t] of await folderTexts(join(dir, 'mau-bieu'))) texts.set(`mau-bieu/${f}`, t);
    // Every document was drafted and every form but IV.1 (province to district) written.
    expect([...texts.keys()].filter((f) => f.startsWith('van-ban/'))).toHaveLength(7);
    expect(texts.has('mau-bieu/IV.1.xlsx')).toBe(false);
    expect(texts.has('mau-bieu/III.1.xlsx')).toBe(true);
    expect(districtMentions(texts)).toEqual([]);
    // The province in the district's place, where the handbook names it.
    expect(texts.get('van-ban/II.2.xlsx')).toContain('Thu thập thông tin định hướng từ tỉnh');
    expect(texts.get('van-ban/II.1.xlsx')).toContain('Cấp tỉnh có gửi thông tin định hướng cho xã để phục vụ LKH?');
    expect(texts.get('van-ban/II.7.B.docx')).toContain('Ngân sách địa phương (tỉnh, xã)');
    expect(texts.get('mau-bieu/III.1.xlsx')).toContain('thông tin cấp tỉnh có thể dự báo');
    // The command's help says nothing of a district as a level either.
    for (const cmd of [[], ['district'], ['document'], ['feedback'], ['rank'], ['catalogue']]) {
      const help = await run([...cmd, '--help']);
      expect(`${help.out}${help.err}`).not.toMatch(/huyện/iu);
    }
  }, 240_000);

  it('IV.1 alone for a 2027 plan is refused with the reason; the handbook edition still has it', async () => {
    const refused = await run(['template', 'IV.1', '--out', join(dir, 'iv1')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('tỉnh gửi thẳng Biểu III.1 cho xã');
    expect((await run(['template', 'IV.1', '--period', '2016-2020', '--out', join(dir, 'iv1')])).code).toBe(0);
    expect(await fileText(join(dir, 'iv1', 'IV.1.xlsx'))).toContain('Huyện:');
  });

  it('the same files as a 2018 plan keep the handbook words', async () => {
    const plan2018 = join(dir, 'ke-hoach-2018.xlsx');
    expect((await run(['consolidate', ...inputs, '--year', '2018', '--out', plan2018])).code).toBeLessThanOrEqual(1);
    const docs = join(dir, 'van-ban-2018');
    expect((await run(['document', 'all', plan2018, ...inputs, '--out', docs])).code).toBe(0);
    expect((await run(['template', 'all', '--year', '2018', '--out', join(dir, 'mau-2018')])).code).toBe(0);
    const texts = await folderTexts(docs);
    const forms = await folderTexts(join(dir, 'mau-2018'));
    expect(texts.get('II.2.xlsx')).toContain('Thu thập thông tin định hướng từ huyện');
    expect(texts.get('II.2.xlsx')).toContain('Báo cáo BCĐ CTMTQG huyện, UBND cấp huyện');
    expect(texts.get('II.1.xlsx')).toContain('Cấp Huyện có gửi thông tin định hướng cho xã để phục vụ LKH?');
    expect(texts.get('II.1.xlsx')).toContain('Các ban ngành cấp huyện có phản hồi cho xã về các hoạt động đề xuất?');
    expect(texts.get('II.7.B.docx')).toContain('Ngân sách địa phương (tỉnh, huyện, xã)');
    expect(texts.get('II.8.xlsx')).toContain('do phòng TC-KH cấp huyện cung cấp');
    expect(forms.get('III.1.xlsx')).toContain('Phiếu thông tin định hướng LKH từ cấp huyện');
    expect(forms.get('IV.1.xlsx')).toContain('Huyện:');
  }, 240_000);
});

describe('district money in a plan from 2026', () => {
  async function consolidated(planYear: number) {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Giao thông', [
      { activity: 'Bê tông hóa đường nội thôn Nà Lìu', unit: 'm', quantity: 300, place: 'Thôn Nà Lìu', contribution: 45000, support: 255000, note: 'Vốn lồng ghép của huyện' },
      { activity: 'Sửa cầu tràn Khuổi Mạ', unit: 'cái', quantity: 1, place: 'Thôn Nà Lìu', contribution: 5000, support: 95000, note: 'Đề nghị huyện hỗ trợ' },
      { activity: 'Làm rãnh thoát nước đường huyện qua thôn', unit: 'm', quantity: 100, place: 'Thôn Nà Lìu', contribution: 10000, support: 40000, note: 'Ngân sách tỉnh' },
    ]);
    const { readings } = await readWorkbook(wb);
    return consolidateCommune(wb, readings, { planYear, communeName: 'Xã Tân Lập' });
  }

  it('2027: each activity naming district money is reported at its note, the road along a district road is not', async () => {
    const r = await consolidated(2027);
    const gone = r.findings.filter((f) => f.code === 'DISTRICT_SOURCE_GONE');
    expect(gone.map((f) => f.params.text)).toEqual(['Vốn lồng ghép của huyện', 'Đề nghị huyện hỗ trợ']);
    for (const f of gone) {
      expect(f.sheet).toBe('Thôn Nà Lìu - I.2');
      expect(f.cell).toMatch(/^[A-Z]+\d+$/u);
      expect(f.message).toContain('không còn cấp huyện');
      expect(f.message).toContain('Hãy hỏi lại xã');
    }
    // The activities are consolidated as read.
    expect(r.plan.activities.filter((a) => a.status === 'active')).toHaveLength(3);
  });

  it('2018: district money is a source like any other', async () => {
    const r = await consolidated(2018);
    expect(r.findings.filter((f) => f.code === 'DISTRICT_SOURCE_GONE')).toEqual([]);
  });
});

describe("the commune's checklist", () => {
  const titles = (planYear: number) => checklist('xa', planYear, {}, {}, `${planYear - 1}-05-01`).steps.flatMap((s) => [s.title, ...s.items.map((i) => i.title)]);

  it('2027: the draft is reported to the province, and nothing names the district', () => {
    expect(titles(2027)).toContain('Báo cáo cấp tỉnh');
    const all = checklist('xa', 2027, {}, {}, '2026-05-01').steps.flatMap((s) => [s.title, ...s.items.flatMap((i) => [i.title, ...i.manual.map((m) => m.label), ...i.forms.map((f) => f.label)])]);
    expect(all.filter((t) => /huyện/iu.test(t))).toEqual([]);
  });

  it("2018: the handbook's title", () => {
    expect(titles(2018)).toContain('Báo cáo cấp huyện');
  });
});
