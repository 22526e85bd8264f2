import type { FormDefinition } from '../types';
import { heading, paragraph } from './ii-7-a';

/** Mẫu biểu II.10 (L3227): the commune's letter answering the community's comments on the draft plan. */
export const FORM_II_10: FormDefinition = {
  id: 'II.10',
  code: 'Mẫu biểu II.10',
  title: 'Mẫu phiếu phản hồi bản Kế hoạch cấp xã với cộng đồng và các bên liên quan',
  shortTitle: 'Mẫu phiếu phản hồi Kế hoạch cấp xã với cộng đồng và các bên liên quan',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 3227 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.10: Mẫu phiếu phản hồi bản Kế hoạch cấp xã với cộng đồng và các bên liên quan' },
    {
      kind: 'letterhead',
      left: ['UỶ BAN NHÂN DÂN', 'XÃ………………', 'Số          /KH-UBN', 'V/v Phản hồi ý kiến cộng đồng', 'về kế hoạch xã năm X+1'],
      right: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '…….,Ngày…..tháng….năm……'],
    },
    { kind: 'text', style: 'title', text: 'PHẢN HỒI KẾ HOẠCH XÃ………', align: 'center' },
    { kind: 'fields', fields: [{ label: 'Kính gửi:', value: 'blank' }] },
    paragraph(
      'Sau khi xem xét các ý kiến đóng góp, đề xuất của cộng đồng và các bên liên quan cho bản Kế hoạch xã…….năm X+1 nhằm phát triển KT-XH, xây dựng Nông thôn mới và Giảm nghèo bền vững, UBND cấp xã xin phản hồi lại ý kiến của cộng đồng và các bên liên quan như sau:',
    ),
    heading('A. Các vấn đề UBND cấp xã tiếp thu và đưa vào Kế hoạch năm X+1 của xã:'),
    {
      kind: 'table',
      key: 'accepted',
      role: 'feedback',
      columns: [
        { key: 'stt', kind: 'stt', width: 6 },
        { key: 'difficulty', kind: 'longtext', width: 40 },
        { key: 'activity', kind: 'longtext', width: 44 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Khó khăn', row: 0, col: 1 },
        { text: 'Giải pháp/Hoạt động', row: 0, col: 2 },
      ],
      codeColumn: 'stt',
      labelColumn: 'difficulty',
      rows: [{ kind: 'entry', count: 5 }],
    },
    heading('B. Những vấn đề mà UBND chưa tiếp thu và xin bảo lưu ý kiến của mình để tiếp tục nghiên cứu:'),
    {
      kind: 'table',
      key: 'not-accepted',
      role: 'feedback',
      columns: [
        { key: 'stt', kind: 'stt', width: 6 },
        { key: 'difficulty', kind: 'longtext', width: 20 },
        { key: 'activity', kind: 'longtext', width: 22 },
        { key: 'conclusion', kind: 'longtext', width: 20 },
        { key: 'reason', kind: 'longtext', width: 22 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Khó khăn', row: 0, col: 1 },
        { text: 'Giải pháp/Hoạt động', row: 0, col: 2 },
        { text: 'Kết luận của\nUBND cấp xã', row: 0, col: 3 },
        { text: 'Lý do UBND cấp xã bảo lưu', row: 0, col: 4 },
      ],
      codeColumn: 'stt',
      labelColumn: 'difficulty',
      rows: [{ kind: 'entry', count: 5 }],
    },
    paragraph(
      'Đề nghị Trưởng cơ quan, đơn vị, Trưởng thôn có trách nhiệm thông báo nội dung công văn phản hồi này đến người dân trong vòng 10 ngày kể từ ngày nhận được công văn.',
    ),
    // L3278: "Nơi nhận:" on the left, "CHỦ TỊCH" on the same line on the right.
    {
      kind: 'signatures',
      signers: [{ title: 'CHỦ TỊCH' }],
      recipients: ['- Như trên;', '- Đảng uỷ xã;', '- CT, PCT UBND cấp xã;', '- Các thành viên Tổ công tác;', '- Lưu: VP; VT ( ).'],
    },
  ],
};
