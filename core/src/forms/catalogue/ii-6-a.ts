import type { FormDefinition } from '../types';
import { communeActivityColumns, communeActivityHeader } from './ii-4-b';

const FOOTNOTE_FUND_SOURCE =
  'Đánh dấu riêng (hoặc ghi tách riêng ra một phần danh mục) những hoạt động thuộc nguồn vốn đầu tư hoặc vốn sự nghiệp của các CTMTQG.';

/** Mẫu biểu II.6.A (L2209): activities whose funding is known — all of II.4.B's A, and B with a named source. */
export const FORM_II_6_A: FormDefinition = {
  id: 'II.6.A',
  code: 'Mẫu biểu II.6.A',
  title: 'Khung Kế hoạch các hoạt động đã rõ nguồn vốn',
  shortTitle: 'Khung Kế hoạch các hoạt động đã rõ nguồn vốn',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2209 },
  orientation: 'landscape',
  moneyUnit: 'nghin-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.6.A: Khung Kế hoạch các hoạt động đã rõ nguồn vốn' },
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
      columns: communeActivityColumns(true),
      header: communeActivityHeader(true, {
        resources: 'Nguồn lực (1.000đ)',
        sector: 'Ngành/Lĩnh vực',
        fundSource: 'Tên nguồn vốn',
        other: 'Nội dung khác (nếu cần)',
      }),
      codeColumn: 'stt',
      labelColumn: 'activity',
      rows: [
        { kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'entry', count: 3 },
        { kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 },
        { kind: 'group', key: 'investment', label: 'Vốn đầu tư phát triển', depth: 1 },
        {
          kind: 'group',
          key: 'investment-completed',
          label: 'Dự án đã hoàn thành và bàn giao đưa vào sử dụng nhưng chưa bố trí đủ vốn',
          depth: 2,
        },
        { kind: 'entry', count: 2 },
        { kind: 'group', key: 'investment-finishing', label: 'Dự án dự kiến hoàn thành trong kỳ kế hoạch', depth: 2 },
        { kind: 'entry', count: 2 },
        { kind: 'group', key: 'investment-ongoing', label: 'Dự án chuyển tiếp', depth: 2 },
        { kind: 'entry', count: 2 },
        { kind: 'group', key: 'investment-new', label: 'Dự án khởi công mới', depth: 2 },
        { kind: 'entry', count: 2 },
        { kind: 'group', key: 'recurrent', label: 'Vốn sự nghiệp', depth: 1 },
        { kind: 'entry', count: 3 },
      ],
    },
    // Footnote 13 of the handbook, on "Tên nguồn vốn".
    { kind: 'text', style: 'note', text: FOOTNOTE_FUND_SOURCE },
  ],
  ownText: [
    {
      text: FOOTNOTE_FUND_SOURCE,
      reason: 'Handbook footnote 13 on "Tên nguồn vốn" (L2220), word for word; the fidelity normaliser strips footnote bodies.',
    },
  ],
};
