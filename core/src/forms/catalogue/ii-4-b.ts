import type { ColumnDef, FormDefinition, HeaderCell } from '../types';

/**
 * The activity columns shared by II.4.B, II.6.A and II.6.B (commune level). II.6.A and
 * II.6.B add Ưu tiên after STT. Widths keep the sheet under 150 characters, so that it prints at
 * 9 pt or more across A4 landscape (layout/engine.ts PRINTED_CHARS); long texts wrap.
 */
export function communeActivityColumns(withPriority: boolean): readonly ColumnDef[] {
  return [
    { key: 'stt', kind: 'stt', width: 5 },
    ...(withPriority ? [{ key: 'priority', kind: 'rank', width: 6 } as const] : []),
    { key: 'activity', kind: 'longtext', width: withPriority ? 17 : 19, required: true },
    { key: 'objective', kind: 'longtext', width: withPriority ? 9 : 10 },
    { key: 'unit', kind: 'text', width: 6, required: true },
    { key: 'quantity', kind: 'number', width: 7, required: true },
    { key: 'time', kind: 'text', width: 8, required: true }, // "T.1/2027" on one line
    { key: 'place', kind: 'text', width: 8, required: true },
    { key: 'responsible', kind: 'text', width: 9, required: true },
    { key: 'total', kind: 'amount', width: 9, required: true, sumOf: ['contribution', 'budget', 'proposed'] },
    { key: 'contribution', kind: 'amount', width: 8 },
    { key: 'budget', kind: 'amount', width: 9 },
    { key: 'proposed', kind: 'amount', width: 9 },
    // Wide enough for their usual content: "Nông nghiệp (Trồng trọt & Thủy lợi)", a program's name, a note.
    { key: 'sector', kind: 'text', width: 10, suggest: 'sector' },
    { key: 'fundSource', kind: 'text', width: 12, suggest: 'fundSource' },
    { key: 'mechanism', kind: 'text', width: 10 },
    { key: 'other', kind: 'longtext', width: 7 },
  ];
}

/** The printed header texts that differ between II.4.B, II.6.A and II.6.B. */
export interface CommuneActivityHeaderTexts {
  readonly resources: string; // "Nguồn lực (1.000 đ)" / "Nguồn lực (1.000đ)"
  readonly sector: string;
  readonly fundSource: string;
  readonly other: string; // "Nội dung khác (nếu có)" / "(nếu cần)"
}

/**
 * Two header rows: "Tổ chức thực hiện" spans Thời gian / Địa điểm / Người chịu trách nhiệm and
 * "Nguồn lực" spans Tổng số / Dân góp / Ngân sách / Đề xuất; every other cell spans both rows.
 */
export function communeActivityHeader(withPriority: boolean, t: CommuneActivityHeaderTexts): readonly HeaderCell[] {
  const both = (text: string, col: number): HeaderCell => ({ text, row: 0, col, rowSpan: 2 });
  const p = withPriority ? 1 : 0;
  return [
    both('STT', 0),
    ...(withPriority ? [both('Ưu tiên', 1)] : []),
    both('Hoạt động', 1 + p),
    both('Mục tiêu', 2 + p),
    both('ĐVT', 3 + p),
    both('Số lượng', 4 + p),
    { text: 'Tổ chức thực hiện', row: 0, col: 5 + p, colSpan: 3 },
    { text: 'Thời gian', row: 1, col: 5 + p },
    { text: 'Địa điểm', row: 1, col: 6 + p },
    { text: 'Người chịu trách nhiệm', row: 1, col: 7 + p },
    { text: t.resources, row: 0, col: 8 + p, colSpan: 4 },
    { text: 'Tổng số', row: 1, col: 8 + p },
    { text: 'Dân góp', row: 1, col: 9 + p },
    { text: 'Ngân sách\n(đã rõ nguồn vốn)', row: 1, col: 10 + p },
    { text: 'Đề xuất (chưa rõ nguồn vốn)', row: 1, col: 11 + p },
    both(t.sector, 12 + p),
    both(t.fundSource, 13 + p),
    both('Cơ chế thực hiện', 14 + p),
    both(t.other, 15 + p),
  ];
}

/** Mẫu biểu II.4.B (L2052): every proposed activity of the commune, A without and B with outside money. */
export const FORM_II_4_B: FormDefinition = {
  id: 'II.4.B',
  code: 'Mẫu biểu II.4.B',
  title: 'Biểu tổng hợp Đề xuất các hoạt động của xã',
  shortTitle: 'Biểu tổng hợp Đề xuất các hoạt động của xã',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2052 },
  orientation: 'landscape',
  moneyUnit: 'nghin-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.4.B: Biểu tổng hợp Đề xuất các hoạt động của xã' },
    {
      kind: 'fields',
      fields: [
        { label: 'Năm kế hoạch (X+1):', value: 'planYear', align: 'left' },
        { label: 'Xã:', value: 'unit', align: 'right' },
      ],
    },
    {
      kind: 'table',
      key: 'activities',
      role: 'activities',
      columns: communeActivityColumns(false),
      header: communeActivityHeader(false, {
        resources: 'Nguồn lực (1.000 đ)',
        sector: 'Ngành/Lĩnh vực',
        fundSource: 'Tên nguồn vốn',
        other: 'Nội dung khác (nếu có)',
      }),
      codeColumn: 'stt',
      labelColumn: 'activity',
      rows: [
        { kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'entry', count: 4 },
        { kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'entry', count: 5 },
      ],
    },
  ],
};
