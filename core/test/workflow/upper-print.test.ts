/**
 * The province's summaries print only what officials read: the "Mã dòng (LKH)" column, which
 * carries each row's key across re-runs, lies outside the print area, so it takes none of the
 * page's width and no row is made taller by its text. Before, the summary by sector laid it out as
 * a printed column: every printed column was narrowed to make room for it, each row was sized for
 * a key wrapped over six lines, and two communes' demo plans printed 63 pages of three rows each.
 */
import { PAGE_CHARS, textHeight } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { consolidateCommune } from '../../src/workflow/plan';
import { rankingLayout, rollUpCommunes, summaryLayout } from '../../src/workflow/upper-level';
import { handbookCommune } from './helpers';

describe('the summaries the province prints', () => {
  it('keep the row key outside the print area, its width and its row heights', async () => {
    const commune = await handbookCommune();
    await consolidateCommune(commune, undefined, { planYear: 2027, communeName: 'Xã Tân Lập' });
    const province = new MemoryWorkbook();
    const { rollup } = await rollUpCommunes([{ port: commune }], province, { upperLevel: 'Tỉnh Lào Cai', funds: 3000 });
    expect(rollup.rows.length).toBeGreaterThanOrEqual(5);
    const summary = summaryLayout(rollup);
    for (const layout of [summary, rankingLayout(rollup)]) {
      const table = layout.tables[0];
      const header = layout.cells.filter((c) => c.row === table.headerRow);
      const keyCol = header.find((c) => c.value === 'Mã dòng (LKH)')?.col;
      expect(keyCol).toBe(layout.print.area.cols);
      // The printed columns share the whole landscape page between them.
      expect(layout.columnWidths.slice(0, keyCol).reduce((a, b) => a + b, 0)).toBe(PAGE_CHARS.landscape);
      // Every body row is as tall as its tallest printed text needs, never as its key's.
      const body = layout.cells.filter((c) => c.row >= table.bodyRow && c.row < table.bodyRow + table.bodyRows);
      const rows = [...new Set(body.map((c) => c.row))];
      // The summary holds every activity of the commune (the ranking, none within these funds).
      if (layout === summary) expect(rows.length).toBeGreaterThanOrEqual(12);
      for (const r of rows) {
        const keyText = body.find((c) => c.row === r && c.col === keyCol)?.value;
        if (typeof keyText !== 'string' || keyText === '') continue;
        const printedNeeds = Math.max(
          15,
          ...body
            .filter((c) => c.row === r && c.col !== keyCol && typeof c.value === 'string' && c.value !== '')
            .map((c) => {
              const merge = layout.merges.find((m) => m.row === r && m.col === c.col);
              const chars = layout.columnWidths.slice(c.col, c.col + (merge?.cols ?? 1)).reduce((a, b) => a + b, 0);
              return Math.min(409, Math.ceil(textHeight(String(c.value), chars, c.style)));
            }),
        );
        expect(layout.rowHeights[r] ?? 15).toBe(printedNeeds);
      }
    }
  });
});
