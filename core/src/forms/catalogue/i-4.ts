import type { FormDefinition } from '../types';
import { VILLAGE_MINUTES_CLOSING, VILLAGE_MINUTES_DATE, VILLAGE_MINUTES_LETTERHEAD, VILLAGE_MINUTES_TIME } from './i-3';

/** Mẫu biểu I.4 (L1560): minutes of the discussion with the poor / a specific group of the village. */
export const FORM_I_4: FormDefinition = {
  id: 'I.4',
  code: 'Mẫu biểu I.4',
  title: 'Biên bản thảo luận với nhóm người nghèo',
  shortTitle: 'Biên bản ghi chép thảo luận với nhóm người nghèo/nhóm đặc thù',
  level: 'thon',
  unitKind: 'thon',
  source: { line: 1560 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu I.4: Biên bản thảo luận với nhóm người nghèo' },
    VILLAGE_MINUTES_LETTERHEAD,
    VILLAGE_MINUTES_DATE,
    { kind: 'text', style: 'title', text: 'BIÊN BẢN GHI CHÉP THẢO LUẬN VỚI NHÓM NGƯỜI NGHÈO/ĐẶC THÙ', align: 'center' },
    { kind: 'text', style: 'heading', text: '(1.) Nội dung:' },
    { kind: 'lines', count: 2 },
    { kind: 'text', style: 'heading', text: '(2.) Thành phần tham gia:' },
    { kind: 'fields', fields: [{ label: 'Người chủ trì:', value: 'blank' }] },
    { kind: 'fields', fields: [{ label: 'Thư ký:', value: 'blank' }] },
    {
      kind: 'fields',
      fields: [
        { label: 'Số người tham gia họp:', value: 'blank' },
        { label: 'người, trong đó nữ', value: 'blank' },
      ],
    },
    { kind: 'fields', fields: [{ label: '(3.) Địa điểm:', value: 'blank' }] },
    VILLAGE_MINUTES_TIME,
    { kind: 'text', style: 'heading', text: '(5.) Tiến trình cuộc họp:' },
    { kind: 'fields', fields: [{ label: 'Giới thiệu mục đích cuộc họp thôn:', value: 'blank' }] },
    { kind: 'fields', fields: [{ label: 'Giới thiệu Tổ xây dựng kế hoạch:', value: 'blank' }] },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Thông báo tình hình giảm nghèo của thôn; chủ trương giảm nghèo của xã trong năm kế hoạch (X+1); một số CT-DA, chính sách hỗ trợ giảm nghèo, đầu tư, việc làm công tại địa phương:',
    },
    { kind: 'lines', count: 2 },
    { kind: 'text', style: 'paragraph', text: 'Thảo luận những khó khăn/hạn chế tại địa phương:' },
    { kind: 'lines', count: 3 },
    { kind: 'text', style: 'paragraph', text: 'Thảo luận về các tiềm năng, điểm mạnh, sáng kiến của người dân trong năm tới:' },
    { kind: 'lines', count: 3 },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Thống nhất những đề xuất trong năm kế hoạch (X+1) nhằm khắc phục những khó khăn, hạn chế, phát huy những tiềm năng, điểm mạnh, sáng kiến đã nêu trên:',
    },
    { kind: 'lines', count: 2 },
    { kind: 'text', style: 'heading', text: '(6.) Kết luận chung:' },
    { kind: 'lines', count: 4 },
    ...VILLAGE_MINUTES_CLOSING,
  ],
};
