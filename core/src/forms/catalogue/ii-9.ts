import type { FormDefinition } from '../types';
import { heading, lines } from './ii-7-a';

/** Mẫu biểu II.9 (L3196): minutes of the commune planning conference. */
export const FORM_II_9: FormDefinition = {
  id: 'II.9',
  code: 'Mẫu biểu II.9',
  title: 'Biên bản hội nghị LKH cấp xã',
  shortTitle: 'Biên bản hội nghị lập kế hoạch cấp xã',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 3196 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.9: Biên bản hội nghị LKH cấp xã' },
    { kind: 'text', style: 'title', text: 'BIÊN BẢN HỘI NGHỊ LẬP KẾ HOẠCH CẤP XÃ', align: 'center' },
    heading(
      'I. Kết quả tổng hợp ý kiến từ các ban, ngành, đoàn thể và đại diện các thôn về đánh giá thực trạng tình hình thực hiện kế hoạch trong năm báo cáo (năm X) trên địa bàn xã',
    ),
    lines(6),
    heading('II. Tổng hợp ý kiến thảo luận về các hoạt động đề xuất trong năm kế hoạch (năm X+1):'),
    lines(3),
    heading('III. Những ý kiến chưa thống nhất cần tiếp tục nghiên cứu:'),
    lines(3),
    heading('IV. Kết luận chung của hội nghị:'),
    lines(5),
    {
      kind: 'signatures',
      dateLine: 'Xã .......... ngày ........  tháng ........  năm …',
      signers: [{ title: 'Thư ký hội nghị' }, { title: 'Chủ trì Hội nghị' }],
    },
  ],
};
