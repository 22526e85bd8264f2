/**
 * The conference handout as a sheet with Excel's own charts, against the strict fake: the demo
 * commune consolidated in Excel, then the pane's client writes "Tóm tắt hội nghị" and the host draws
 * its three charts (office-js ChartCollection.add, ExcelApi 1.1) from the plain blocks beside the
 * printed area, titled and placed under the tables.
 */
import { rangeA1 } from '../../core/src/util/a1';
import { CHART_DATA_HEADER, HANDOUT_SHEET, handoutSheet, readPlanData } from '../../core/src/documents';
import { consolidateCommune } from '../../core/src/workflow/plan';
import * as xlsxModule from '../../core/src/xlsx/xlsx-workbook';
import { demoReadings } from '../../core/test/workflow/helpers';
import { createLocalClient } from '../src/client-local';
import { OfficeHost } from '../src/office-host';
import { FakeExcel } from './fake-office';

function setUp(apiVersion = '1.17') {
  const fake = new FakeExcel({ apiVersion });
  const host = new OfficeHost(fake.run, { isSupported: fake.isSupported, loadXlsx: async () => xlsxModule });
  const client = createLocalClient({ host: 'excel', port: host.port, addCharts: (sheet, charts) => host.addCharts(sheet, charts) });
  return { fake, host, client };
}

describe('the handout sheet with Excel charts', () => {
  it('writes the sheet and draws the three charts from their blocks, under the tables', async () => {
    const { fake, host, client } = setUp();
    await consolidateCommune(host.port, await demoReadings(), {});
    expect(client.insertHandoutSheet).toBeDefined();
    const r = await client.insertHandoutSheet?.();
    expect(r).toEqual({ sheet: HANDOUT_SHEET, charts: 3 });
    const sheet = fake.sheet(HANDOUT_SHEET);
    const expected = handoutSheet(await readPlanData(host.port)).charts;
    expect(sheet.charts.map((c) => ({ type: c.type, title: c.title, legend: c.legend, seriesBy: c.seriesBy }))).toEqual([
      { type: 'BarClustered', title: 'Nguồn lực theo chủ đề (triệu đồng)', legend: false, seriesBy: 'Columns' },
      { type: 'Pie', title: 'Nguồn lực theo nguồn vốn', legend: true, seriesBy: 'Columns' },
      { type: 'BarClustered', title: 'Tỷ lệ cho hoạt động của thôn (%), Sổ tay: ít nhất 75%', legend: false, seriesBy: 'Columns' },
    ]);
    sheet.charts.forEach((c, i) => {
      const e = expected[i];
      expect(c.source).toBe(rangeA1(e.data.row, e.data.col, e.data.rows, e.data.cols));
      expect(c.position).toBe(rangeA1(e.at.row, e.at.col, e.at.rows, e.at.cols));
    });
    // The source ranges hold what the charts show: a header, then labels and numbers.
    const first = expected[0].data;
    expect(sheet.cell(first.row, first.col)?.value).toBe('Chủ đề');
    expect(sheet.cell(first.row + 1, first.col)?.value).toBe('Cơ sở hạ tầng');
    expect(typeof sheet.cell(first.row + 1, first.col + 1)?.value).toBe('number');
    expect(sheet.cell(0, first.col)?.value).toBe(CHART_DATA_HEADER);
  }, 60_000);

  it('refuses before the plan is consolidated, in the pane’s words; the standalone page offers no chart sheet', async () => {
    const { client } = setUp();
    await expect(client.insertHandoutSheet?.()).rejects.toThrow('Trang tóm tắt hội nghị cần kế hoạch xã đã tổng hợp: bấm "Tổng hợp" trước');
    const fake = new FakeExcel({ apiVersion: '1.17' });
    const host = new OfficeHost(fake.run, { isSupported: fake.isSupported });
    expect(createLocalClient({ host: 'standalone', port: host.port }).insertHandoutSheet).toBeUndefined();
  });
});
