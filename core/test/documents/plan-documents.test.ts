/**
 * II.7.A and II.7.B drafted from consolidated plans — the demo commune and the handbook's examples —
 * written as .docx, opened back (unzipped) and read: the letterhead, the title with its years, every
 * difficulty, cause and solution of II.4.A, every activity of II.6.A and II.6.B, the totals, the NTM
 * criteria of the period, the page set-up. Expected values come from the consolidation's own
 * result or from the handbook's text, never from the documents module.
 */
import { NTM_CRITERIA, ntmCriteriaList } from '../../src/reference';
import { readPlanData, planDocument, writeDocx, countBlanks, BLANK, draftDocument } from '../../src/documents';
import type { DocumentModel } from '../../src/documents';
import { readWorkbook } from '../../src/reader/workbook';
import { MemoryWorkbook } from '../../src/port/memory';
import { formatVnNumber } from '../../src/text';
import type { PlanActivity } from '../../src/workflow/types';
import { docxContent } from './docx-text';
import type { DocxContent } from './docx-text';
import { demoPlan, handbookPlan } from './plans';
import type { Consolidated } from './plans';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const sum = (rows: readonly PlanActivity[], f: (a: PlanActivity) => number) => rows.reduce((s, a) => s + f(a), 0);
/** "- a\n- b" → ["a", "b"]: the items of a II.4.A cell as the consolidation wrote them. */
const items = (xs: readonly string[]) => xs.flatMap((x) => x.split('\n')).map((x) => x.replace(/^\s*-\s*/, '').trim()).filter((x) => x !== '');

interface Drafted {
  readonly model: DocumentModel;
  readonly content: DocxContent;
}

async function draft(c: Consolidated, id: 'II.7.A' | 'II.7.B'): Promise<Drafted> {
  const model = planDocument(id, await readPlanData(c.wb));
  return { model, content: await docxContent(await writeDocx(model)) };
}

/** The row of a table whose first cells read `label`. */
function rowWith(content: DocxContent, label: string): string[] {
  const row = content.rows.find((r) => r.split(' | ').some((c) => c.startsWith(label)));
  if (!row) throw new Error(`no row "${label}"`);
  return row.split(' | ');
}

describe('II.7.A from the demo commune', () => {
  let c: Consolidated;
  let doc: Drafted;
  beforeAll(async () => {
    c = await demoPlan();
    doc = await draft(c, 'II.7.A');
  });

  it('has the letterhead, the title with the years, the signer and Nơi nhận', () => {
    const t = doc.content.text;
    for (const s of ['ỦY BAN NHÂN DÂN', 'XÃ TÂN LẬP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: ……/KH-UBND', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nơi nhận:', '- Lưu: VT.']) expect(t).toContain(s);
    expect(t).toMatch(/^Tân Lập, ngày ……… tháng ……… năm 2026$/m);
    expect(t).toContain('TÌNH HÌNH THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG NĂM 2026 VÀ KẾ HOẠCH THỰC HIỆN NĂM 2027');
    expect(t).toContain('Phần I: Tình hình thực hiện CTMTQG GNBV năm báo cáo (năm 2026)');
    expect(t).toContain('Phần II. Kế hoạch thực hiện CTMTQG GNBV năm kế hoạch (năm 2027)');
    // 2027 falls under the merged program of Nghị quyết 257/2025/QH15; the level above is the province.
    expect(t).toContain('Nghị quyết số 257/2025/QH15');
    expect(t).toContain('- UBND tỉnh');
    // No "năm X" is left for the commune to work out.
    expect(t).not.toMatch(/năm X(?![\p{L}])/u);
  });

  it('copies every difficulty, cause and solution of II.4.A, as the consolidation wrote them', () => {
    const t = doc.content.text;
    expect(c.result.plan.situations.length).toBeGreaterThan(5);
    for (const s of c.result.plan.situations) {
      expect(t).toContain(s.difficulty);
      for (const cause of items(s.causes)) expect(t).toContain(cause);
      for (const sol of items(s.solutions)) expect(t).toContain(sol);
      for (const str of items(s.strengths)) expect(t).toContain(str);
    }
    // Under the headings the handbook gives them.
    const infra = t.indexOf('a. Cơ sở hạ tầng:');
    const livelihoods = t.indexOf('b. Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế:');
    expect(infra).toBeGreaterThan(0);
    expect(t.indexOf('Cầu tràn liên thôn bị lũ cuốn trôi')).toBeGreaterThan(infra);
    expect(t.indexOf('Cầu tràn liên thôn bị lũ cuốn trôi')).toBeLessThan(livelihoods);
    expect(t.indexOf('Sản phẩm nông nghiệp khó tiêu thụ, bị ép giá')).toBeGreaterThan(livelihoods);
  });

  it('lists every activity of II.6.A and II.6.B in the annexes, with the totals the consolidation computed', () => {
    const { ii6a, ii6b } = c.result.written;
    const rows = doc.content.rows;
    for (const a of [...ii6a, ...ii6b]) expect(rows.some((r) => r.split(' | ').includes(a.activity))).toBe(true);
    const grand = rowWith(doc.content, 'Tổng cộng (A+B)');
    expect(grand).toEqual(expect.arrayContaining([`Tổng cộng (A+B) (${ii6a.length} hoạt động)`, formatVnNumber(sum(ii6a, (a) => a.total)), formatVnNumber(sum(ii6a, (a) => a.contribution)), formatVnNumber(sum(ii6a, (a) => a.budget))]));
    const partA = ii6a.filter((a) => a.group === 'no-outside-money');
    expect(rowWith(doc.content, 'Cộng A')).toContain(formatVnNumber(sum(partA, (a) => a.total)));
    const ii6bTotal = doc.content.rows.find((r) => r.includes(`Tổng cộng (${ii6b.length} hoạt động)`));
    expect(ii6bTotal?.split(' | ')).toEqual(expect.arrayContaining([formatVnNumber(sum(ii6b, (a) => a.total)), formatVnNumber(sum(ii6b, (a) => a.proposed))]));
    // The body sums them too, and names the annexes.
    expect(doc.content.text).toContain(`Gồm ${ii6a.length} hoạt động, tổng kinh phí ${formatVnNumber(sum(ii6a, (a) => a.total))} nghìn đồng`);
    expect(doc.content.text).toContain(`Gồm ${ii6b.length} hoạt động, tổng kinh phí ${formatVnNumber(sum(ii6b, (a) => a.total))} nghìn đồng`);
    expect(doc.content.text).toContain('Phụ lục 1');
    expect(doc.content.text).toContain('KHUNG ĐỀ XUẤT CÁC HOẠT ĐỘNG CHƯA RÕ NGUỒN VỐN NĂM 2027');
  });

  it('gives the needs of II.6.C in triệu đồng, adding up to II.6.A and II.6.B', () => {
    const all = [...c.result.written.ii6a, ...c.result.written.ii6b];
    const total = sum(all, (a) => a.total) / 1000;
    expect(doc.content.text).toContain(`Tổng nhu cầu tài chính năm 2027 theo Biểu II.6.C là ${formatVnNumber(total)} triệu đồng`);
    expect(rowWith(doc.content, 'Tổng nhu cầu tài chính năm kế hoạch (2027)')).toContain(formatVnNumber(total));
  });

  it('leaves what the workbook cannot know as marked blanks with a note for the commune', () => {
    const t = doc.content.text;
    expect(countBlanks(doc.model)).toBeGreaterThan(10);
    // The results of year X, the forecast and the money the province will give are the commune's to write.
    expect(t).toMatch(/1\. Khái quát về đặc điểm, tình hình phát triển kinh tế - xã hội của xã\n……… \[/);
    expect(t).toMatch(/1\. Dự báo tình hình\n……… \[Phần này sẽ đưa ra những nhận định/);
    expect(t).toContain('Khả năng huy động và cân đối: ……… [');
    for (const p of doc.content.paragraphs.filter((x) => x.includes(BLANK))) expect(p.trim()).not.toBe('');
  });

  it('is set on A4 by Nghị định 30/2020/NĐ-CP: margins, Times New Roman 13-14, the page number from page 2, landscape annexes', () => {
    const [first, ...annexes] = doc.content.sections;
    expect(first).toMatchObject({ width: twips(210), height: twips(297), orientation: 'portrait' });
    expect(first.margins).toEqual({ top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) });
    expect(annexes.length).toBe(2);
    for (const s of annexes) expect(s).toMatchObject({ width: twips(297), height: twips(210), orientation: 'landscape' });
    expect([...doc.content.fonts]).toEqual(['Times New Roman']);
    expect(doc.content.sizes.has(28)).toBe(true);
    expect(doc.content.sizes.has(26)).toBe(true);
    expect(doc.content.xml).toContain('<w:titlePg/>');
    expect(doc.content.headers.some((h) => h.includes('PAGE'))).toBe(true);
    // Header rows of the tables are repeated on every page.
    expect(doc.content.xml).toContain('<w:tblHeader/>');
  });
});

describe('II.7.B from the demo commune', () => {
  let doc: Drafted;
  beforeAll(async () => {
    doc = await draft(await demoPlan(), 'II.7.B');
  });

  it('reports on the NTM criteria of 2026-2030 and says they must be checked against the decision', () => {
    const t = doc.content.text;
    expect(t).toContain('TÌNH HÌNH THỰC HIỆN CTMTQG XÂY DỰNG NÔNG THÔN MỚI NĂM 2026 VÀ KẾ HOẠCH THỰC HIỆN NĂM 2027');
    const set = NTM_CRITERIA['2026-2030'];
    for (const c of ntmCriteriaList(set)) expect(doc.content.rows.some((r) => r.split(' | ').includes(c.name))).toBe(true);
    expect(t).toContain('Phải kiểm tra trước khi dùng');
    expect(t).toContain(set.legalBasis);
    expect(t).toContain('Hiện trạng đến cuối năm 2026');
    // Each criterion is a line of Phần I.4 and II.3; II.4.A's rows are copied under them.
    expect(t).toContain('b. Hạ tầng kinh tế - xã hội:');
    expect(t.indexOf('Cầu tràn liên thôn bị lũ cuốn trôi')).toBeGreaterThan(t.indexOf('b. Hạ tầng kinh tế - xã hội:'));
    expect(t).toContain('Tỷ lệ trẻ suy dinh dưỡng còn cao');
  });
});

describe('from the handbook examples (Bảng 2, L3522; the consolidation example, L4013)', () => {
  let c: Consolidated;
  let a: Drafted;
  let b: Drafted;
  beforeAll(async () => {
    c = await handbookPlan();
    a = await draft(c, 'II.7.A');
    b = await draft(c, 'II.7.B');
  });

  it('II.7.A of 2017 copies Bảng 2 word for word and reports to the district', () => {
    const t = a.content.text;
    expect(t).toContain('TÌNH HÌNH THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG NĂM 2016 VÀ KẾ HOẠCH THỰC HIỆN NĂM 2017');
    expect(t).toContain('Quyết định số 1722/QĐ-TTg');
    // Bảng 2's text (L3522-L3560), as the handbook prints it.
    for (const s of [
      'Người dân trong thôn sử dụng giống lúa tạp, năng suất thấp',
      'Người dân thiếu kiến thức kỹ thuật, chưa được hướng dẫn về canh tác giống lúa mới',
      'Tổ chức tập huấn kỹ thuật canh tác giống mới',
      'Khuyến nông xã hỗ trợ xây dựng mô hình chuyên canh 1 giống lúa năng suất cao trên một cánh đồng',
      'Thiếu phân bón và nước tưới phục vụ canh tác tại Khu giữa',
      'Xã D trên đầu nguồn làm đập ngăn nước nên mùa khô không còn nước tưới cho hạ lưu',
      'Công tác tuyên truyền, phổ biến kiến thức về giải pháp canh tác trên đất dốc được tổ chức tốt, người dân đánh giá cao',
    ])
      expect(t).toContain(s);
    expect(t).toContain('- UBND huyện');
    for (const x of ['Sửa chữa đập tạm tại Khu giữa', 'Hỗ trợ giống lúa mới có năng suất cao, chịu hạn, chịu sâu bệnh tốt', 'Bê tông hóa đường liên thôn (Thôn B)']) {
      expect(a.content.rows.some((r) => r.includes(x))).toBe(true);
    }
    const all = [...c.result.written.ii6a, ...c.result.written.ii6b];
    expect(all.length).toBe(c.result.plan.reconciliation.written.count);
    expect(t).toContain(`theo Biểu II.6.C là ${formatVnNumber(sum(all, (x) => x.total) / 1000)} triệu đồng`);
  });

  it('II.7.B of 2017 reports on the 19 criteria of Quyết định 1980/QĐ-TTg', () => {
    const list = ntmCriteriaList(NTM_CRITERIA['2016-2020']);
    expect(list).toHaveLength(19);
    for (const x of list) expect(b.content.rows.some((r) => r.split(' | ').includes(x.name))).toBe(true);
    expect(b.content.text).toContain('c. Kinh tế và tổ chức sản xuất:');
  });
});

describe('draftDocument, the one call a host makes', () => {
  it('gives the same Word file as the steps it joins', async () => {
    const c = await demoPlan();
    const d = await draftDocument(c.wb, 'II.7.B');
    expect(d).toMatchObject({ fileName: 'II.7.B.docx', missing: [] });
    const direct = await draft(c, 'II.7.B');
    expect(d.blanks).toBe(countBlanks(direct.model));
    expect((await docxContent(d.bytes)).text).toBe(direct.content.text);
  });
});

describe('a workbook without part of the plan', () => {
  it('says which plan sheets are missing and leaves their sections blank', async () => {
    const { wb } = await demoPlan();
    const [sheet] = await wb.readSheets(['II.4.A']);
    // Only II.4.A, copied as values (as someone would paste it into a new file).
    const grid = sheet.values.map((r) => r.map((v) => v));
    const mem = MemoryWorkbook.fromArrays({ 'II.4.A': grid });
    await mem.writeState({ planYear: 2027, unitName: 'Xã Tân Lập' });
    const plan = await readPlanData(mem);
    expect(plan.missing).toEqual(['II.4.B', 'II.6.A', 'II.6.B', 'II.6.C']);
    expect(plan.situations.length).toBeGreaterThan(0);
    const content = await docxContent(await writeDocx(planDocument('II.7.A', plan)));
    expect(content.text).toContain('Tệp chưa có: II.4.B, II.6.A, II.6.B, II.6.C.');
    expect(content.text).toContain('tệp chưa có Biểu II.6.A');
    expect(content.text).not.toContain('Phụ lục 1');
    // The recognised forms are the same as the reader finds.
    expect((await readWorkbook(mem)).readings.map((r) => r.formId)).toEqual(['II.4.A']);
  });
});
