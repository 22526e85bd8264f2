import type { FormDefinition } from '../types';
import { communeActivityColumns, communeActivityHeader } from './ii-4-b';

/** Mẫu biểu II.6.B (L2408): activities without a known source; the conference ranks them (Ưu tiên). */
export const FORM_II_6_B: FormDefinition = {
  id: 'II.6.B',
  code: 'Mẫu biểu II.6.B',
  title: 'Khung Đề xuất các hoạt động chưa rõ nguồn vốn',
  shortTitle: 'Khung Đề xuất các hoạt động chưa rõ nguồn vốn',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2408 },
  orientation: 'landscape',
  moneyUnit: 'nghin-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.6.B: Khung Đề xuất các hoạt động chưa rõ nguồn vốn' },
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
        fundSource: 'Tên nguồn vốn\n(dự kiến)',
        other: 'Nội dung khác (nếu cần)',
      }),
      codeColumn: 'stt',
      labelColumn: 'activity',
      // The handbook prints no group rows here: every activity needs outside money.
      rows: [{ kind: 'entry', count: 10 }],
    },
  ],
};
