import type { FormDefinition } from '../types';

/** Mẫu biểu II.4.A (L2021): the commune's consolidation of every II.3 and I.2, sector by sector. */
export const FORM_II_4_A: FormDefinition = {
  id: 'II.4.A',
  code: 'Mẫu biểu II.4.A',
  title: 'Biểu tổng hợp Thuận lợi, khó khăn, nguyên nhân, mục tiêu và giải pháp',
  shortTitle: 'Biểu tổng hợp Thuận lợi, khó khăn, nguyên nhân, mục tiêu và giải pháp',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2021 },
  orientation: 'landscape',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.4.A: Biểu tổng hợp Thuận lợi, khó khăn, nguyên nhân, mục tiêu và giải pháp' },
    {
      kind: 'fields',
      fields: [
        { label: 'Năm kế hoạch (X+1):', value: 'planYear', align: 'left' },
        { label: 'Xã:', value: 'unit', align: 'right' },
      ],
    },
    {
      kind: 'table',
      key: 'difficulties',
      role: 'difficulties',
      columns: [
        { key: 'sector', kind: 'text', width: 18, suggest: 'sector' },
        { key: 'strength', kind: 'longtext', width: 26 },
        { key: 'difficulty', kind: 'longtext', width: 26 },
        { key: 'cause', kind: 'longtext', width: 26 },
        { key: 'objective', kind: 'longtext', width: 26 },
        { key: 'solution', kind: 'longtext', width: 26 },
      ],
      header: [
        { text: 'Ngành/Lĩnh vực', row: 0, col: 0 },
        { text: 'Thuận lợi', row: 0, col: 1 },
        { text: 'Khó khăn', row: 0, col: 2 },
        { text: 'Nguyên nhân', row: 0, col: 3 },
        { text: 'Mục tiêu', row: 0, col: 4 },
        { text: 'Giải pháp', row: 0, col: 5 },
      ],
      labelColumn: 'difficulty',
      rows: [{ kind: 'entry', count: 8 }],
    },
  ],
};
