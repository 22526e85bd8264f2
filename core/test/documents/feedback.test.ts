/**
 * II.10 drafted for every village from the consolidated plan, read back from the .docx: under A
 * each activity of II.6.A and II.6.B the village proposed (as the consolidation's own origins say,
 * not as the text suggests), under B each activity returned to it with the consolidation's reason.
 */
import { feedbackDocument, readPlanData, villageList, villagesOf, writeDocx } from '../../src/documents';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { consolidateCommune } from '../../src/workflow/plan';
import type { PlanActivity } from '../../src/workflow/types';
import { addSourceSheet } from '../workflow/helpers';
import { docxContent } from './docx-text';
import { demoPlan } from './plans';
import type { Consolidated } from './plans';

/** The text of each village's letter, by the village its "Kính gửi" names. */
async function letters(c: Consolidated): Promise<Map<string, string>> {
  const content = await docxContent(await writeDocx(feedbackDocument(await readPlanData(c.wb))));
  const out = new Map<string, string>();
  for (const part of content.text.split(/^(?=ỦY BAN NHÂN DÂN$)/m)) {
    const m = /^Kính gửi: Trưởng (.+?) và nhân dân trong thôn\.$/m.exec(part);
    if (m) out.set(`${m[1].charAt(0).toLocaleUpperCase('vi')}${m[1].slice(1)}`, part);
  }
  return out;
}

const ofVillage = (rows: readonly PlanActivity[], v: string) => rows.filter((a) => a.origins.some((o) => o.kind === 'village' && o.unit === v));

describe('II.10 for the demo commune', () => {
  let c: Consolidated;
  let byVillage: Map<string, string>;
  beforeAll(async () => {
    c = await demoPlan();
    byVillage = await letters(c);
  });

  it('writes one letter per village, with the letterhead and the plan year', () => {
    const villages = [...new Set([...c.result.written.ii6a, ...c.result.written.ii6b].flatMap((a) => a.origins.filter((o) => o.kind === 'village').map((o) => o.unit)))];
    expect(villages.length).toBe(6);
    expect([...byVillage.keys()].sort()).toEqual([...villages].sort());
    for (const t of byVillage.values()) {
      expect(t).toContain('PHẢN HỒI KẾ HOẠCH XÃ TÂN LẬP');
      expect(t).toContain('V/v Phản hồi ý kiến cộng đồng');
      expect(t).toContain('về kế hoạch xã năm 2027');
      expect(t).toContain('Kế hoạch xã Tân Lập năm 2027');
      expect(t).toContain('A. Các vấn đề UBND cấp xã tiếp thu và đưa vào Kế hoạch năm 2027 của xã:');
      expect(t).toContain('TM. ỦY BAN NHÂN DÂN');
    }
  });

  it('lists under A exactly the activities each village proposed, with where they went', () => {
    const { ii6a, ii6b } = c.result.written;
    for (const [v, t] of byVillage) {
      const mine = [...ofVillage(ii6a, v), ...ofVillage(ii6b, v)];
      expect(mine.length).toBeGreaterThan(0);
      for (const a of mine) expect(t).toContain(a.activity);
      // A department's activity is not a village's answer.
      for (const a of [...ii6a, ...ii6b].filter((x) => x.origins.every((o) => o.kind === 'department'))) expect(t).not.toContain(`${a.activity}. Đưa vào`);
    }
    const t = byVillage.get('Thôn Nà Lìu') ?? '';
    expect(t).toContain('Đưa vào Khung kế hoạch các hoạt động đã rõ nguồn vốn (Biểu II.6.A)');
    expect(t).toContain('Đưa vào Khung đề xuất các hoạt động chưa rõ nguồn vốn (Biểu II.6.B)');
  });

  it('lists under B what was returned to the village, with the consolidation’s reason', () => {
    const returned = c.result.plan.returned.filter((r) => r.origin.kind === 'village');
    expect(returned.length).toBeGreaterThan(0);
    for (const r of returned) {
      const t = byVillage.get(r.origin.unit) ?? '';
      expect(t).toContain(r.activity.activity);
      expect(t).toContain(r.message);
      expect(t).toContain('Chưa đưa vào kế hoạch; trả lại thôn để làm rõ');
    }
  });
});

describe('II.10 with a merge accepted (the handbook example, L4013-L4040)', () => {
  it('answers both villages of the merged row, each naming the other', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, place: 'Thôn A', contribution: 2500, support: 2500 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [{ activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, place: 'Thôn B', contribution: 5000, support: 5000 }]);
    const result = await consolidateCommune(wb, (await readWorkbook(wb)).readings, { planYear: 2027, communeName: 'Xã Tân Lập', acceptMerges: 'all' });
    const merged = result.written.ii6b.find((a) => a.quantityText === '100 + 200');
    expect(merged).toBeDefined();
    const byVillage = await letters({ wb, result });
    expect(byVillage.get('Thôn A')).toContain('Gộp với đề xuất của Thôn B.');
    expect(byVillage.get('Thôn B')).toContain('Gộp với đề xuất của Thôn A.');
  });
});

describe('villages named in the plan', () => {
  it('reads "(Thôn …)" after an activity and the place of merged rows', () => {
    expect(villageList('Thôn Bản Chang, Cốc Phấy, Nà Lìu')).toEqual(['Thôn Bản Chang', 'Thôn Cốc Phấy', 'Thôn Nà Lìu']);
    expect(villageList('Toàn xã')).toEqual([]);
    expect(villagesOf({ activity: 'Nạo vét mương (Thôn Khuổi Mạ)', place: 'Khu giữa' })).toEqual(['Thôn Khuổi Mạ']);
    expect(villagesOf({ activity: 'Hỗ trợ giống lúa', place: 'Thôn A, B' })).toEqual(['Thôn A', 'Thôn B']);
  });
});
