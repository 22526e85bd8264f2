/**
 * The conference handout as a sheet of the workbook (step 4), for hosts that draw native charts
 * (Excel: office-js charts): the handout's figures (handout.ts: money by topic, by source, the
 * villages' share on the three bases of the 75% check, II.6.B by Ưu tiên) as tables in triệu đồng,
 * and the charts a host adds over them. Each chart reads a small block of plain cells beside the
 * printed area ("Số liệu biểu đồ (LKH)": one label and one value a row, no merged cells, as a
 * chart's source range must be) and sits under the tables, inside the printed area, so that the
 * page prints with its charts. A host without charts (the standalone page's ExcelJS, which
 * writes none) still has the tables. Nothing here knows a host.
 */
import { simpleLayout } from '../layout/simple';
import type { LayoutCell, SheetLayout } from '../layout/types';
import { TOPIC_LABELS } from '../workflow/types';
import { bySource, byTopic, villageShareLines } from './handout';
import { placeName } from './plan-document';
import type { PlanData } from './read';

export const HANDOUT_SHEET = 'Tóm tắt hội nghị';
export const CHART_DATA_HEADER = 'Số liệu biểu đồ (LKH)';

/** A rectangle of the sheet, 0-based. */
export interface SheetRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface HandoutChart {
  readonly title: string;
  /** 'bar': horizontal bars, one per label; 'pie': shares of a whole. */
  readonly type: 'bar' | 'pie';
  /** The source range: a header row (label header, series name), then one label and one value a row. */
  readonly data: SheetRect;
  /** The cells it covers. */
  readonly at: SheetRect;
}

export interface HandoutSheet {
  readonly layout: SheetLayout;
  readonly charts: readonly HandoutChart[];
}

/** Triệu đồng, one decimal, from 1.000 đồng (the handout's unit). */
const million = (n: number): number => Math.round(n / 100) / 10;
const percent = (x: number | undefined): number | null => (x === undefined ? null : Math.round(x * 1000) / 10);

/** Rows a chart covers. */
const CHART_ROWS = 16;

/** The handout's tables and chart specifications for the plan read. */
export function handoutSheet(plan: PlanData): HandoutSheet {
  const place = placeName(plan.communeName);
  const all = [...plan.ii6a, ...plan.ii6b];
  const topics = byTopic(plan);
  const sources = bySource(plan);
  const shares = villageShareLines(plan);
  const ranked = [...plan.ii6b].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
  const base = simpleLayout({
    name: HANDOUT_SHEET,
    orientation: 'portrait',
    title: `TÓM TẮT DỰ THẢO KẾ HOẠCH ${place ? `XÃ ${place.toLocaleUpperCase('vi')} ` : ''}NĂM ${plan.planYear ?? '……'}`,
    lines: [
      `Tài liệu cho Hội nghị kế hoạch xã (bước 4), từ Biểu II.6.A và II.6.B đã tổng hợp: ${all.length} hoạt động, tổng nguồn lực ${million(all.reduce((s, a) => s + a.total, 0)).toLocaleString('vi-VN')} triệu đồng. Đơn vị tính: triệu đồng.`,
    ],
    tables: [
      {
        key: 'topics',
        caption: '1. Nguồn lực theo chủ đề',
        columns: [
          { key: 'topic', header: 'Chủ đề', width: 30, kind: 'longtext' },
          { key: 'count', header: 'Số hoạt động', width: 9, kind: 'center' },
          { key: 'contribution', header: 'Dân góp', width: 11, kind: 'number' },
          { key: 'budget', header: 'Ngân sách', width: 11, kind: 'number' },
          { key: 'proposed', header: 'Đề xuất', width: 11, kind: 'number' },
          { key: 'total', header: 'Tổng số', width: 11, kind: 'number' },
        ],
        rows: topics.map((t) => ({ topic: TOPIC_LABELS[t.topic], count: t.count, contribution: million(t.contribution), budget: million(t.budget), proposed: million(t.proposed), total: million(t.total) })),
      },
      {
        key: 'sources',
        caption: '2. Nguồn lực theo nguồn vốn',
        columns: [
          { key: 'source', header: 'Nguồn vốn', width: 60, kind: 'longtext' },
          { key: 'amount', header: 'Số tiền', width: 20, kind: 'number' },
        ],
        rows: sources.map((s) => ({ source: s.label, amount: million(s.amount) })),
      },
      {
        key: 'shares',
        caption: '3. Tỷ lệ nguồn lực cho các hoạt động do thôn đề xuất (Sổ tay: ít nhất 75%)',
        columns: [
          { key: 'base', header: 'Cơ sở tính', width: 46, kind: 'longtext' },
          { key: 'village', header: 'Hoạt động của thôn', width: 11, kind: 'number' },
          { key: 'total', header: 'Tổng', width: 11, kind: 'number' },
          { key: 'share', header: 'Tỷ lệ (%)', width: 9, kind: 'number' },
        ],
        rows: shares.map((l) => ({ base: l.label, village: million(l.village), total: million(l.total), share: percent(l.share) })),
      },
      ...(ranked.length > 0
        ? [
            {
              key: 'ranked',
              caption: '4. Các hoạt động đề xuất chưa rõ nguồn vốn, theo thứ tự ưu tiên (Biểu II.6.B)',
              columns: [
                { key: 'priority', header: 'Ưu tiên', width: 7, kind: 'center' as const },
                { key: 'activity', header: 'Hoạt động', width: 44, kind: 'longtext' as const },
                { key: 'place', header: 'Địa điểm', width: 16, kind: 'longtext' as const },
                { key: 'asked', header: 'Đề xuất', width: 11, kind: 'number' as const },
              ],
              rows: ranked.map((a) => ({ priority: a.priority ?? null, activity: a.activity, place: a.place ?? null, asked: million(a.proposed + a.budget) })),
            },
          ]
        : []),
    ],
  });
  // The charts' data beside the printed area: one block a chart, a blank row between.
  const printCols = base.print.area.cols;
  const dataCol = printCols + 1;
  const cells: LayoutCell[] = [...base.cells];
  let dataRow = 0;
  const block = (header: string, series: string, rows: readonly [string, number | null][]): SheetRect => {
    const at = dataRow;
    cells.push({ row: at, col: dataCol, value: header, style: 'keyHeader' }, { row: at, col: dataCol + 1, value: series, style: 'keyHeader' });
    rows.forEach(([label, value], i) => cells.push({ row: at + 1 + i, col: dataCol, value: label, style: 'key' }, { row: at + 1 + i, col: dataCol + 1, value, style: 'key' }));
    dataRow += rows.length + 2;
    return { row: at, col: dataCol, rows: rows.length + 1, cols: 2 };
  };
  cells.push({ row: dataRow, col: dataCol, value: CHART_DATA_HEADER, style: 'keyHeader' });
  dataRow += 1;
  const specs: { title: string; type: HandoutChart['type']; data: SheetRect }[] = [];
  if (topics.length > 0) specs.push({ title: 'Nguồn lực theo chủ đề (triệu đồng)', type: 'bar', data: block('Chủ đề', 'Tổng số (triệu đồng)', topics.map((t) => [TOPIC_LABELS[t.topic], million(t.total)])) });
  if (sources.length > 0) specs.push({ title: 'Nguồn lực theo nguồn vốn', type: 'pie', data: block('Nguồn vốn', 'Triệu đồng', sources.map((s) => [s.label, million(s.amount)])) });
  if (shares.some((l) => l.share !== undefined)) specs.push({ title: 'Tỷ lệ cho hoạt động của thôn (%), Sổ tay: ít nhất 75%', type: 'bar', data: block('Cơ sở tính', 'Tỷ lệ (%)', shares.map((l) => [l.label.replace(/ — .*$/u, ''), percent(l.share)])) });
  // Under the tables, across the printed width, one under the other.
  const top = base.print.area.rows + 1;
  const charts: HandoutChart[] = specs.map((s, i) => ({ ...s, at: { row: top + i * (CHART_ROWS + 1), col: 0, rows: CHART_ROWS, cols: printCols } }));
  const rows = charts.length > 0 ? top + charts.length * (CHART_ROWS + 1) : base.print.area.rows;
  const layout: SheetLayout = {
    ...base,
    cells,
    columnWidths: [...base.columnWidths.slice(0, printCols), ...Array.from({ length: dataCol - printCols }, () => 2), 34, 14],
    print: { ...base.print, area: { rows, cols: printCols } },
  };
  return { layout, charts };
}
