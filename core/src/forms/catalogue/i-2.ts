import type { ColumnDef, FormDefinition, HeaderCell } from '../types';

/** The activity columns shared by I.2 (village) and II.3 (department), which adds Mục tiêu. */
export const VILLAGE_ACTIVITY_COLUMNS: readonly ColumnDef[] = [
  { key: 'activity', kind: 'longtext', width: 34, required: true },
  { key: 'unit', kind: 'text', width: 8, required: true },
  { key: 'quantity', kind: 'number', width: 9, required: true },
  { key: 'time', kind: 'text', width: 11, required: true },
  { key: 'place', kind: 'text', width: 13, required: true },
  { key: 'responsible', kind: 'text', width: 14, required: true },
  { key: 'total', kind: 'amount', width: 12, required: true, sumOf: ['contribution', 'support'] },
  { key: 'contribution', kind: 'amount', width: 12 },
  { key: 'support', kind: 'amount', width: 12 },
  { key: 'note', kind: 'longtext', width: 22 },
];

export const VILLAGE_ACTIVITY_HEADER: readonly HeaderCell[] = [
  { text: 'Hoạt động\n(Xếp ưu tiên từ cao xuống thấp)', row: 0, col: 0, rowSpan: 2 },
  { text: 'ĐVT', row: 0, col: 1, rowSpan: 2 },
  { text: 'Số lượng', row: 0, col: 2, rowSpan: 2 },
  { text: 'Thời gian', row: 0, col: 3, rowSpan: 2 },
  { text: 'Địa điểm', row: 0, col: 4, rowSpan: 2 },
  { text: 'Trách nhiệm', row: 0, col: 5, rowSpan: 2 },
  { text: 'Nguồn lực (1.000 đồng)', row: 0, col: 6, colSpan: 3 },
  { text: 'Tổng số', row: 1, col: 6 },
  { text: 'Dân góp', row: 1, col: 7 },
  { text: 'Cần hỗ trợ', row: 1, col: 8 },
  { text: 'Ghi chú\n(nêu tên nguồn vốn, cách thực hiện)', row: 0, col: 9, rowSpan: 2 },
];

/** Mẫu biểu I.2 (L1377): one sheet per sector of a village. */
export const FORM_I_2: FormDefinition = {
  id: 'I.2',
  code: 'Mẫu biểu I.2',
  title: 'Thuận lợi, Khó khăn, Nguyên nhân, Giải pháp và Đề xuất hoạt động ở cấp thôn',
  shortTitle: 'Thuận lợi, khó khăn, nguyên nhân, giải pháp và đề xuất hoạt động cấp thôn',
  level: 'thon',
  unitKind: 'thon',
  source: { line: 1377 },
  orientation: 'landscape',
  moneyUnit: 'nghin-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu I.2: Thuận lợi, Khó khăn, Nguyên nhân, Giải pháp và Đề xuất hoạt động ở cấp thôn' },
    {
      kind: 'fields',
      fields: [
        { label: 'Năm kế hoạch (X+1):', value: 'planYear', align: 'left' },
        { label: 'Thôn:', value: 'unit', align: 'right' },
      ],
    },
    { kind: 'fields', fields: [{ label: 'Ngành/Lĩnh vực:', value: 'blank' }] },
    {
      kind: 'table',
      key: 'strengths',
      role: 'strengths',
      columns: [{ key: 'strength', kind: 'longtext', width: 100 }],
      header: [{ text: 'Thuận lợi (những mặt được, điểm mạnh chính đã đạt được tính đến hiện tại)', row: 0, col: 0 }],
      labelColumn: 'strength',
      rows: [{ kind: 'entry', count: 3 }],
    },
    {
      kind: 'table',
      key: 'difficulties',
      role: 'difficulties',
      columns: [
        { key: 'difficulty', kind: 'longtext', width: 34 },
        { key: 'cause', kind: 'longtext', width: 33 },
        { key: 'solution', kind: 'longtext', width: 33 },
      ],
      header: [
        { text: 'Khó khăn (tồn tại, hạn chế chính cần giải quyết)', row: 0, col: 0 },
        { text: 'Nguyên nhân (lý do gây ra Khó khăn)', row: 0, col: 1 },
        { text: 'Giải pháp (việc cần làm để khắc phục Nguyên nhân)', row: 0, col: 2 },
      ],
      labelColumn: 'difficulty',
      rows: [{ kind: 'entry', count: 5 }],
    },
    {
      kind: 'table',
      key: 'activities',
      role: 'activities',
      columns: VILLAGE_ACTIVITY_COLUMNS,
      header: VILLAGE_ACTIVITY_HEADER,
      labelColumn: 'activity',
      rows: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'entry', count: 4 },
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'entry', count: 5 },
      ],
    },
  ],
};
