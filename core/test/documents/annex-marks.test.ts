/**
 * The annexes of II.7.A and II.7.B are II.6.A and II.6.B with the handbook's own columns
 * (L2211-L2238, L2410-L2438), and the handbook's Annex 1 marks (issue 15, deliverable 7) — the
 * activities meeting women's needs or benefiting women, many poor women, public jobs, disaster
 * risk and climate change, markets (L3811; the ranking's L704, L706), as the classification reads
 * them (workflow/classify.ts readFlags) — written in the form's "Nội dung khác (nếu cần)" column,
 * with the legend saying how they were set (issue 22: no columns the form does not have).
 */
import { MARKS, MARKS_NOTE, planDocument, readPlanData, writeDocx } from '../../src/documents';
import type { PlanData } from '../../src/documents';
import { readFlags } from '../../src/workflow/classify';
import { docxContent } from './docx-text';
import type { DocxContent } from './docx-text';
import { demoPlan } from './plans';

/** The handbook's header cells of II.6.A and II.6.B, the bands' row then the row under them. */
const BAND_ROW = 'STT | Ưu tiên | Hoạt động | Mục tiêu | ĐVT | Số lượng | Tổ chức thực hiện | Nguồn lực (1.000đ) | Ngành/ Lĩnh vực';
const UNDER_ROW = 'Thời gian | Địa điểm | Người chịu trách nhiệm | Tổng số | Dân góp | Ngân sách (đã rõ nguồn vốn) | Đề xuất (chưa rõ nguồn vốn)';

describe('the annexes of II.7.A and II.7.B', () => {
  let plan: PlanData;
  let docs: Record<'II.7.A' | 'II.7.B', DocxContent>;
  beforeAll(async () => {
    plan = await readPlanData((await demoPlan()).wb);
    docs = {
      'II.7.A': await docxContent(await writeDocx(planDocument('II.7.A', plan))),
      'II.7.B': await docxContent(await writeDocx(planDocument('II.7.B', plan))),
    };
  });

  it("have the handbook's columns of II.6.A and II.6.B, and the marks' legend before each table", () => {
    for (const content of Object.values(docs)) {
      expect(content.rows).toContain(`${BAND_ROW} | Tên nguồn vốn | Cơ chế thực hiện | Nội dung khác (nếu cần)`);
      expect(content.rows).toContain(`${BAND_ROW} | Tên nguồn vốn (dự kiến) | Cơ chế thực hiện | Nội dung khác (nếu cần)`);
      // Under the bands (the merged cells beside them read empty).
      expect(content.rows.filter((r) => r.split(' | ').map((c) => c.trim()).filter((c) => c !== '').join(' | ') === UNDER_ROW)).toHaveLength(2);
      // No column the form does not have: no vertical mark headers.
      expect(content.xml).not.toContain('<w:textDirection w:val="btLr"/>');
      expect(content.paragraphs.filter((p) => p === MARKS_NOTE)).toHaveLength(2);
    }
  });

  it('print every activity of II.6.A and II.6.B with its marks in "Nội dung khác", as the classification reads its words', () => {
    const content = docs['II.7.A'];
    let marked = 0;
    for (const a of [...plan.ii6a, ...plan.ii6b]) {
      const row = content.rows.find((r) => r.split(' | ').some((c) => c === a.activity));
      expect(row).toBeDefined();
      const other = (row ?? '').split(' | ').at(-1) ?? '';
      const flags = readFlags(a.activity, a.objective, a.other, a.mechanism);
      const on = MARKS.filter((m) => flags[m.flag]).map((m) => m.header);
      expect(other.endsWith(on.length > 0 ? `Đánh dấu: ${on.join(', ')}` : (a.other ?? ''))).toBe(true);
      marked += on.length;
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('mark the demo’s activities for poor women and for markets, and a road as none of them', () => {
    const rows = docs['II.7.A'].rows;
    const other = (row: string | undefined) => row?.split(' | ').at(-1);
    expect(other(rows.find((r) => r.includes('phụ nữ nghèo làm chủ hộ')))).toContain('Phụ nữ, PN nghèo');
    expect(other(rows.find((r) => r.includes('tiêu thụ chè')))).toContain('Thị trường');
    const road = rows.find((r) => /^\d+ \|\s+\| Bê tông hóa đường/u.test(r));
    expect(road).toBeDefined();
    expect(other(road)).not.toContain('Đánh dấu');
  });
});
