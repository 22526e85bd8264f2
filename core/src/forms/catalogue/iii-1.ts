import type { FormDefinition, TableBlock, TableRow } from '../types';
import { heading, lines } from './ii-7-a';

/**
 * The sources table of III.1 (L3294-L3344) and IV.1 (L3360-L3406): money expected per source
 * for one commune (resp. district), in triệu đồng. As the handbook prints them, "Vốn đầu tư phát
 * triển:" and "Vốn sự nghiệp:" begin the Nội dung/hạng mục cell of the two rows under each
 * program (the items follow in the same cell), each row with its own amount.
 * Row keys are read by the budget checks (SPEC §4 rule 6).
 */
/** The national programs' lines of III.1/IV.1: the handbook's two (2016-2020); later editions pass their own (forms/editions.ts). */
export const HANDBOOK_PROGRAM_LINES: readonly { readonly key: string; readonly label: string }[] = [
  { key: 'gnbv', label: '- Chương trình Giảm nghèo bền vững' },
  { key: 'ntm', label: '- Chương trình Nông thôn mới' },
];

export function sourcesTable(amountHeader: string, withDistrictProgram: boolean, programs: readonly { readonly key: string; readonly label: string }[] = HANDBOOK_PROGRAM_LINES): TableBlock {
  const program = (key: string, label: string): TableRow[] => [
    { kind: 'fixed', key, label, depth: 0 },
    { kind: 'fixed', key: `${key}-dau-tu`, label: 'Vốn đầu tư phát triển:', depth: 1, labelIn: 'content' },
    { kind: 'fixed', key: `${key}-su-nghiep`, label: 'Vốn sự nghiệp:', depth: 1, labelIn: 'content' },
  ];
  return {
    kind: 'table',
    key: 'sources',
    role: 'sources',
    columns: [
      { key: 'source', kind: 'text', width: 32 },
      { key: 'content', kind: 'longtext', width: 38 },
      { key: 'amount', kind: 'amount', width: 20 },
    ],
    header: [
      { text: 'Nguồn vốn', row: 0, col: 0 },
      { text: 'Nội dung/hạng mục', row: 0, col: 1 },
      { text: amountHeader, row: 0, col: 2 },
    ],
    columnNumbers: true,
    labelColumn: 'source',
    rows: [
      { kind: 'fixed', key: 'chi-thuong-xuyen', label: '- Chi thường xuyên', depth: 0 },
      ...programs.flatMap((p) => program(p.key, p.label)),
      { kind: 'fixed', key: 'tinh', label: '- Chương trình đầu tư của tỉnh', depth: 0 },
      ...(withDistrictProgram ? [{ kind: 'fixed', key: 'huyen', label: '- Chương trình đầu tư của huyện', depth: 0 } as const] : []),
      { kind: 'fixed', key: 'oda-ngo', label: '- Dự án ODA, NGO', depth: 0 },
      { kind: 'fixed', key: 'khac', label: '- …', depth: 0 },
      { kind: 'entry', count: 1 },
    ],
  };
}

/** Biểu III.1 (L3289): what the district tells one commune to expect in year X+1. */
export const FORM_III_1: FormDefinition = {
  id: 'III.1',
  code: 'Biểu III.1',
  title: 'Phiếu thông tin định hướng LKH từ cấp huyện',
  shortTitle: 'Phiếu thông tin định hướng LKH từ cấp huyện',
  level: 'huyen',
  unitKind: 'xa',
  source: { line: 3289 },
  orientation: 'portrait',
  moneyUnit: 'trieu-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'BIỂU III.1: Phiếu thông tin định hướng LKH từ cấp huyện' },
    { kind: 'fields', fields: [{ label: 'Xã:', value: 'unit', align: 'right' }] },
    heading('1. Các chủ trương phát triển KT-XH, thực hiện CTMTQG của huyện trong năm X+1 (liên quan đến xã):'),
    lines(3),
    heading(
      '2. Các Chương trình, dự án, nguồn vốn tài chính dự kiến để phát triển KT-XH và thực hiện CTMTQG trên địa bàn xã (gồm chi thường xuyên và chi đầu tư) trong năm X+1:',
    ),
    sourcesTable('Kinh phí dự kiến phân bổ cho xã năm X+1 (tr.đồng)', true),
    { kind: 'signatures', dateLine: '.........., ngày..... tháng ......  năm ……', signers: [{ title: 'Trưởng phòng TC-KH huyện' }] },
    {
      kind: 'text',
      style: 'note',
      text: 'Ghi chú: Kinh phí dự kiến phân bổ năm X+1 cho chi thường xuyên và chi đầu tư trên địa bàn xã dựa trên các thông tin cấp huyện có thể dự báo ở thời điểm lập kế hoạch, ví dụ dựa trên số liệu năm trước, thời kỳ ổn định ngân sách (tăng tối đa 10% so với năm X), kế hoạch đầu tư công trung hạn, chương trình đầu tư của tỉnh/huyện, định mức ngân sách và tiêu chí phân bổ của các CTMTQG NTM và GNBV, các dự án ODA và NGO, vốn vay, vốn Trái phiếu Chính phủ…v.v',
    },
  ],
};
