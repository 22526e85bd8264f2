/**
 * The conference handout as a sheet with the charts a host draws (handout-sheet.ts), from the demo
 * commune: the tables hold the handout's figures in triệu đồng, each chart reads a plain block of
 * labels and values beside the printed area, and sits under the tables inside it.
 */
import { CHART_DATA_HEADER, HANDOUT_SHEET, byTopic, bySource, handoutSheet, readPlanData, villageShareLines } from '../../src/documents';
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue } from '../../src/port/types';
import { TOPIC_LABELS } from '../../src/workflow/types';
import { demoPlan } from './plans';

const million = (n: number) => Math.round(n / 100) / 10;

describe('the handout as a sheet with charts', () => {
  it('lays out the figures and points each chart at its own plain block', async () => {
    const { wb } = await demoPlan();
    const plan = await readPlanData(wb);
    const { layout, charts } = handoutSheet(plan);
    expect(layout.name).toBe(HANDOUT_SHEET);
    const out = new MemoryWorkbook();
    await out.createSheet(layout);
    const [d] = await out.readSheets([HANDOUT_SHEET]);
    const at = (row: number, col: number): CellValue | undefined => d.values[row - d.top]?.[col - d.left];
    expect(at(0, 0)).toBe('TÓM TẮT DỰ THẢO KẾ HOẠCH XÃ TÂN LẬP NĂM 2027');
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ['bar', 'Nguồn lực theo chủ đề (triệu đồng)'],
      ['pie', 'Nguồn lực theo nguồn vốn'],
      ['bar', 'Tỷ lệ cho hoạt động của thôn (%), Sổ tay: ít nhất 75%'],
    ]);
    const block = (i: number) => {
      const c = charts[i].data;
      expect(c.cols).toBe(2);
      return Array.from({ length: c.rows - 1 }, (_, k) => [at(c.row + 1 + k, c.col), at(c.row + 1 + k, c.col + 1)]);
    };
    expect(block(0)).toEqual(byTopic(plan).map((t) => [TOPIC_LABELS[t.topic], million(t.total)]));
    expect(block(1)).toEqual(bySource(plan).map((s) => [s.label, million(s.amount)]));
    expect(block(2).map((r) => r[1])).toEqual(villageShareLines(plan).map((l) => (l.share === undefined ? null : Math.round(l.share * 1000) / 10)));
    // The blocks are beside the printed area, under their header; the charts inside it, under the tables, not overlapping.
    const area = layout.print.area;
    expect(at(0, area.cols + 1)).toBe(CHART_DATA_HEADER);
    for (const c of charts) {
      expect(c.data.col).toBeGreaterThan(area.cols);
      expect(c.at.col + c.at.cols).toBeLessThanOrEqual(area.cols);
      expect(c.at.row + c.at.rows).toBeLessThanOrEqual(area.rows);
    }
    const tablesEnd = Math.max(...layout.tables.map((t) => t.bodyRow + t.bodyRows));
    expect(charts[0].at.row).toBeGreaterThan(tablesEnd);
    expect(charts[1].at.row).toBeGreaterThanOrEqual(charts[0].at.row + charts[0].at.rows);
    // The tables hold the same money: the topics' totals sum to the plan's.
    const topicTable = layout.tables.find((t) => t.key === 'topics');
    const totalCol = topicTable?.columns.find((c) => c.key === 'total')?.col ?? -1;
    const sum = Array.from({ length: topicTable?.bodyRows ?? 0 }, (_, k) => Number(at((topicTable?.bodyRow ?? 0) + k, totalCol))).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(million([...plan.ii6a, ...plan.ii6b].reduce((s, a) => s + a.total, 0)), 0);
  });
});
