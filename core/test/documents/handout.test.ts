/**
 * The conference handout (issue 15, deliverable 6) from the demo commune and the handbook's
 * example: its figures against the sheets' rows and against the consolidation's own 75% check,
 * its bars against their scale, its text read back from the .docx.
 */
import { bar, bySource, byTopic, handoutDocument, readPlanData, shareBar, villageShareLines, writeDocx, BAR_WIDTH } from '../../src/documents';
import type { PlanData } from '../../src/documents';
import { formatVnNumber } from '../../src/text';
import { TOPIC_LABELS } from '../../src/workflow/types';
import { docxContent } from './docx-text';
import { demoPlan, handbookPlan } from './plans';

const million = (n: number) => formatVnNumber(Math.round(n / 100) / 10);

describe('the conference handout', () => {
  let plan: PlanData;
  let shares: readonly { base: string; village: number; total: number }[];
  beforeAll(async () => {
    const { wb, result } = await demoPlan();
    plan = await readPlanData(wb);
    shares = result.checks.checks.find((c) => c.id === 'village-share')?.shares ?? [];
  });

  it('sums the plan by topic and by source to the same total as its rows', () => {
    const rows = [...plan.ii6a, ...plan.ii6b];
    const total = rows.reduce((s, a) => s + a.total, 0);
    const topics = byTopic(plan);
    expect(topics.reduce((s, t) => s + t.count, 0)).toBe(rows.length);
    expect(topics.reduce((s, t) => s + t.total, 0)).toBeCloseTo(total, 6);
    for (const t of topics) expect(t.total).toBeCloseTo(t.contribution + t.budget + t.proposed, 6);
    const sources = bySource(plan);
    expect(sources.reduce((s, l) => s + l.amount, 0)).toBeCloseTo(total, 6);
    expect(sources[0].label).toBe('Dân góp');
    expect(sources.at(-1)?.label).toBe('Đề xuất (chưa rõ nguồn vốn)');
    // Ngân sách is split by the fund sources II.6.A names.
    expect(sources.filter((l) => l.label.startsWith('Ngân sách')).length).toBeGreaterThan(1);
  });

  it('finds the villages’ share on the three bases as the consolidation’s check did, from the sheets alone', () => {
    expect(shares).toHaveLength(3);
    const lines = villageShareLines(plan);
    expect(lines.map((l) => l.base)).toEqual(shares.map((s) => s.base));
    lines.forEach((l, i) => {
      expect(l.village).toBeCloseTo(shares[i].village, 6);
      expect(l.total).toBeCloseTo(shares[i].total, 6);
    });
    expect(lines[0].rule).toBe(true);
  });

  it('draws bars to their scale, and the gauge with its 75% mark', () => {
    expect(bar(10, 10)).toBe('█'.repeat(BAR_WIDTH));
    expect(bar(5, 10)).toBe('█'.repeat(BAR_WIDTH / 2));
    expect(bar(0.5, 10)).toBe('▌'); // anything above zero shows
    expect(bar(0, 10)).toBe('');
    const g = shareBar(0.5);
    expect([...g]).toHaveLength(BAR_WIDTH + 1);
    expect(g.indexOf('│')).toBe(Math.round(0.75 * BAR_WIDTH));
    expect(g.replace('│', '')).toBe('█'.repeat(BAR_WIDTH / 2) + '░'.repeat(BAR_WIDTH / 2));
  });

  it('prints the title, the tables and the ranked list in order of rank, in the .docx', async () => {
    // Rank II.6.B as a ranking would: the most expensive first.
    const ranked = [...plan.ii6b].sort((a, b) => b.proposed - a.proposed).map((a, i) => ({ ...a, priority: i + 1 }));
    const doc = handoutDocument({ ...plan, ii6b: ranked });
    const content = await docxContent(await writeDocx(doc));
    expect(content.text).toContain('TÓM TẮT DỰ THẢO KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    expect(content.text).toContain(`Kế hoạch gồm ${plan.ii6a.length + plan.ii6b.length} hoạt động`);
    for (const t of byTopic({ ...plan, ii6b: ranked })) {
      expect(content.rows.some((r) => r.startsWith(`${TOPIC_LABELS[t.topic]} | ${t.count} | ${million(t.total)} | `))).toBe(true);
    }
    const rule = villageShareLines(plan)[0];
    const ruleRow = content.rows.find((r) => r.startsWith('Vốn Ngân sách (đã rõ nguồn) xã phân bổ'));
    expect(ruleRow).toContain(`${million(rule.village)} | ${million(rule.total)} | ${formatVnNumber(Math.round((rule.share ?? 0) * 1000) / 10)}%`);
    expect(ruleRow).toMatch(/\| (Đạt|Chưa đạt)$/u);
    expect(ruleRow?.endsWith((rule.share ?? 0) >= 0.75 ? '| Đạt' : '| Chưa đạt')).toBe(true);
    // The ranked list: Ưu tiên 1, 2, 3… in order, each with its activity.
    const listed = content.rows.filter((r) => /^\d+ \| /u.test(r));
    expect(listed.slice(0, 3).map((r) => r.split(' | ')[0])).toEqual(['1', '2', '3']);
    expect(listed[0]).toContain(ranked[0].activity);
    // Every proposal awaiting funding is listed, none left out (the demo has more than 20).
    expect(ranked.length).toBeGreaterThan(20);
    expect(listed).toHaveLength(ranked.length);
    for (const a of ranked) expect(listed.some((r) => r.split(' | ')[1] === a.activity)).toBe(true);
    // The bars are labelled with their scale.
    expect(content.text).toMatch(/Tổng số \(mỗi █ = [\d.,]+ tr\.đ\)/u);
    expect(content.text).toContain('Tỷ lệ (vạch │ = 75%)');
    expect(content.sections.every((s) => s.orientation === 'portrait' && s.width === 11906)).toBe(true);
  });

  it('works on the handbook’s small example, and says when II.6.B is not ranked yet', async () => {
    const small = await readPlanData((await handbookPlan()).wb);
    const content = await docxContent(await writeDocx(handoutDocument(small)));
    expect(content.text).toContain('TÓM TẮT DỰ THẢO KẾ HOẠCH XÃ TÂN LẬP NĂM 2017');
    expect(small.ii6b.length).toBeGreaterThan(0);
    expect(small.ii6b.every((a) => a.priority === undefined)).toBe(true);
    expect(content.text).toContain('Biểu II.6.B chưa xếp ưu tiên');
    expect(content.text).not.toContain('Còn ');
  });
});
