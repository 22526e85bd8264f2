import type { ColumnDef, FormDefinition, HeaderCell } from '../types';
import { VILLAGE_ACTIVITY_COLUMNS, VILLAGE_ACTIVITY_HEADER } from './i-2';

/**
 * I.2's activity columns with Mục tiêu after Hoạt động; widths trimmed so that the sheet prints at
 * 9 pt or more across A4 landscape (layout/engine.ts PRINTED_CHARS).
 */
const WIDTHS: Readonly<Record<string, number>> = { activity: 27, note: 16, responsible: 12, place: 12 };

const II_3_ACTIVITY_COLUMNS: readonly ColumnDef[] = VILLAGE_ACTIVITY_COLUMNS.flatMap((c): ColumnDef[] => {
  const col: ColumnDef = { ...c, width: WIDTHS[c.key] ?? c.width };
  return c.key === 'activity' ? [col, { key: 'objective', kind: 'longtext', width: 17 }] : [col];
});

/** I.2's header shifted one column right after Hoạt động, with Mục tiêu spanning both header rows. */
const II_3_ACTIVITY_HEADER: readonly HeaderCell[] = [
  ...VILLAGE_ACTIVITY_HEADER.map((h) => (h.col >= 1 ? { ...h, col: h.col + 1 } : h)),
  { text: 'Mục tiêu', row: 0, col: 1, rowSpan: 2 },
];

/** Mẫu biểu II.3 (L1872): I.2 for a department/unit of the commune, one sheet per sector. */
export const FORM_II_3: FormDefinition = {
  id: 'II.3',
  code: 'Mẫu biểu II.3',
  title: 'Thuận lợi, Khó khăn, Nguyên nhân, Giải pháp và Đề xuất hoạt động ở cấp xã',
  shortTitle: 'Thuận lợi, khó khăn, nguyên nhân, giải pháp và đề xuất hoạt động cấp xã',
  level: 'xa',
  unitKind: 'ban-nganh',
  source: { line: 1872 },
  orientation: 'landscape',
  moneyUnit: 'nghin-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.3: Thuận lợi, Khó khăn, Nguyên nhân, Giải pháp và Đề xuất hoạt động ở cấp xã' },
    {
      kind: 'fields',
      fields: [
        { label: 'Năm kế hoạch (X+1):', value: 'planYear', align: 'left' },
        { label: 'Ban ngành, đơn vị:', value: 'unit', align: 'right' },
      ],
    },
    { kind: 'fields', fields: [{ label: 'Ngành/lĩnh vực:', value: 'blank' }] },
    {
      kind: 'table',
      key: 'strengths',
      role: 'strengths',
      columns: [{ key: 'strength', kind: 'longtext', width: 100 }],
      header: [{ text: 'Thuận lợi (những mặt được, tiềm năng, thế mạnh chính cần phát huy)', row: 0, col: 0 }],
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
        { text: 'Khó khăn (những tồn tại, hạn chế chính cần khắc phục)', row: 0, col: 0 },
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
      columns: II_3_ACTIVITY_COLUMNS,
      header: II_3_ACTIVITY_HEADER,
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
