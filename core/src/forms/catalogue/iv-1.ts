import type { FormDefinition } from '../types';
import { heading, lines } from './ii-7-a';
import { sourcesTable } from './iii-1';

/** Biểu IV.1 (L3355): what the province tells one district to expect in year X+1 (III.1 one level up, no district program line). */
export const FORM_IV_1: FormDefinition = {
  id: 'IV.1',
  code: 'Biểu IV.1',
  title: 'Phiếu thông tin định hướng LKH CTMTQG từ cấp tỉnh',
  shortTitle: 'Phiếu thông tin định hướng LKH CTMTQG từ cấp tỉnh',
  level: 'tinh',
  unitKind: 'huyen',
  source: { line: 3355 },
  orientation: 'portrait',
  moneyUnit: 'trieu-dong',
  blocks: [
    { kind: 'text', style: 'title', text: 'BIỂU IV.1: Phiếu thông tin định hướng LKH CTMTQG từ cấp tỉnh' },
    { kind: 'fields', fields: [{ label: 'Huyện:', value: 'unit', align: 'right' }] },
    heading('1. Các chủ trương thực hiện CTMTQG, gắn với phát triển KT-XH của tỉnh trong năm X+1 (liên quan đến huyện):'),
    lines(3),
    heading(
      '2. Các Chương trình, dự án, nguồn vốn tài chính dự kiến để thực hiện CTMTQG gắn với phát triển KT-XH trên địa bàn huyện (gồm chi thường xuyên và chi đầu tư) trong năm X+1:',
    ),
    sourcesTable('Kinh phí dự kiến phân bổ cho huyện năm X+1 (tr.đồng)', false),
    { kind: 'signatures', dateLine: '.........., ngày..... tháng ......  năm ……', signers: [{ title: 'Sở chủ quản CTMTQG' }] },
    {
      kind: 'text',
      style: 'note',
      text: 'Ghi chú: Kinh phí dự kiến phân bổ năm X+1 cho chi thường xuyên và chi đầu tư trên địa bàn huyện dựa trên các thông tin cấp tỉnh có thể dự báo ở thời điểm lập kế hoạch, ví dụ dựa trên số liệu năm trước, thời kỳ ổn định ngân sách (tăng tối đa 10% so với năm X), kế hoạch đầu tư công trung hạn, chương trình đầu tư của tỉnh, định mức ngân sách và tiêu chí phân bổ của các CTMTQG NTM và GNBV, các dự án ODA và NGO, vốn vay, vốn Trái phiếu Chính phủ…v.v',
    },
  ],
};
