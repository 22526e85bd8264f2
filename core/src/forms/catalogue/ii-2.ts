import type { FormDefinition, TableRow } from '../types';

/** A step of the calendar; steps 1-5 come with the handbook's time, people and result, 6-15 are left to fill in. */
function step(code: string, label: string, cells?: Readonly<Record<string, string>>): TableRow {
  return cells === undefined ? { kind: 'fixed', key: `s${code}`, code, label, depth: 0 } : { kind: 'fixed', key: `s${code}`, code, label, depth: 0, cells };
}

/** Mẫu biểu II.2 (L1702): the commune's directive launching the year's planning, with its calendar of 15 activities. */
export const FORM_II_2: FormDefinition = {
  id: 'II.2',
  code: 'Mẫu biểu II.2',
  title: 'Văn bản chỉ đạo LKH cấp xã hàng năm',
  shortTitle: 'Văn bản chỉ đạo LKH cấp xã hàng năm',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 1702 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.2: Văn bản chỉ đạo LKH cấp xã hàng năm' },
    {
      kind: 'letterhead',
      left: ['UỶ BAN NHÂN DÂN', 'XÃ………………', 'Số ……../UBND', 'V/v triển khai công tác', 'lập kế hoạch năm……….….'],
      right: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '..………, ngày ...... tháng ...... năm ..........'],
    },
    { kind: 'text', style: 'paragraph', text: 'Kính gửi:' },
    { kind: 'text', style: 'paragraph', text: 'Các Ban, Ngành, Đoàn thể xã;' },
    { kind: 'text', style: 'paragraph', text: 'Các Cơ quan, Đơn vị đóng trên địa bàn;' },
    { kind: 'text', style: 'paragraph', text: 'Các Trưởng thôn;' },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Để chuẩn bị cho công tác xây dựng kế hoạch PT KT-XH, trong đó lồng ghép LKH thực hiện CTMTQG năm ……........... của xã; UBND cấp xã yêu cầu các Ban, Ngành, Đoàn thể xã, đơn vị sự nghiệp đóng trên địa bàn và các Trưởng thôn triển khai công tác thu thập thông tin, xây dựng mục tiêu, đề xuất giải pháp và dự tính nguồn lực thực hiện kế hoạch năm…….. thuộc lĩnh vực do đơn vị phụ trách.',
    },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Lịch triển khai công tác LKH PT KT-XH trong đó có lồng ghép LKH thực hiện CTMTQG cấp xã nêu trong bảng kèm theo.',
    },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Các phiếu cung cấp thông tin đề xuất kế hoạch và tài liệu kèm theo gửi về UBND cấp xã trước ngày ….................. để tổng hợp.',
    },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Đề nghị các Cơ quan, Đơn vị trên địa bàn phối hợp cung cấp thông tin để xây dựng kế hoạch PT KT-XH trong đó có lồng ghép kế hoạch thực hiện CTMTQG cấp xã đạt kết quả tốt.',
    },
    { kind: 'text', style: 'paragraph', text: 'Yêu cầu các đơn vị triển khai thực hiện./.' },
    // L1720-L1727: "Nơi nhận:" and its list on the left, the signer on the right.
    {
      kind: 'signatures',
      signers: [{ title: 'TM. ỦY BAN NHÂN DÂN XÃ\nCHỦ TỊCH' }],
      recipients: ['- Như trên;', '- Đảng uỷ xã;', '- CT, PCT UBND cấp xã;', '- Các TV Tổ công tác LKH cấp xã', '- Lưu: VT.'],
    },
    {
      kind: 'table',
      key: 'schedule',
      role: 'schedule',
      caption: 'Lịch công tác triển khai LKH PT KT-XH trong đó có lồng ghép LKH thực hiện CTMTQG cấp xã',
      columns: [
        { key: 'stt', kind: 'stt', width: 4 },
        { key: 'activity', kind: 'longtext', width: 26 },
        { key: 'time', kind: 'text', width: 11 },
        { key: 'responsible', kind: 'text', width: 15 },
        { key: 'partner', kind: 'text', width: 13 },
        { key: 'result', kind: 'longtext', width: 21 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Nội dung hoạt động', row: 0, col: 1 },
        { text: 'Thời gian thực hiện', row: 0, col: 2 },
        { text: 'Người chịu trách nhiệm', row: 0, col: 3 },
        { text: 'Người phối hợp', row: 0, col: 4 },
        { text: 'Kết quả cần đạt được', row: 0, col: 5 },
      ],
      codeColumn: 'stt',
      labelColumn: 'activity',
      rows: [
        step('1', 'Thành lập, kiện toàn tổ công tác lập kế hoạch cấp xã và thôn', {
          time: 'Tháng 4',
          responsible: 'UBND cấp xã',
          result: '01 TCT LKH cấp xã và …. TCT LKH cấp thôn được thành lập với đầy đủ thành phần liên quan',
        }),
        step('2', 'Đánh giá quá trình lập kế hoạch năm trước', {
          time: 'Tháng 4',
          responsible: 'TCT LKH cấp xã',
          partner: 'Kế toán',
          result: 'Hoàn thành phiếu đánh giá quá trình LKH năm trước',
        }),
        step('3', 'Chuẩn bị tài liệu, văn phòng phẩm, kinh phí thực hiện', {
          time: 'Tháng 4',
          responsible: 'Văn phòng – thống kê',
          partner: 'Kế toán',
          result: 'Chuẩn bị đầy đủ tài liệu, văn phòng phẩm phục vụ công tác lập kế hoạch CTMTQG\nChuẩn bị kinh phí phù hợp.',
        }),
        step('4', 'Thông tin, tuyên truyền về công tác LKH cho người dân', {
          time: 'Tháng 4',
          responsible: 'UBND cấp xã, TCT LKH cấp xã',
          partner: 'Các trưởng thôn',
          result: 'Người dân hiểu rõ mục đích, nội dung, phương pháp, quyền và trách nhiệm LKH',
        }),
        step('5', 'Họp triển khai thu thập thông tin', {
          time: 'Ngày …/5',
          responsible: 'TCT LKH cấp xã',
          partner: 'Văn phòng – thống kê. Kế toán',
          result: 'Các đại biểu tham gia hội nghị hiểu được các bước, nội dung cần thực hiện, phân công nhiệm vụ cụ thể',
        }),
        step('6', 'Thôn đề xuất các hoạt động'),
        step('7', 'Các ban ngành, đơn vị cấp xã đề xuất các hoạt động'),
        step('8', 'Thu thập thông tin định hướng từ huyện'),
        step('9', 'Tổng hợp thông tin\nDự thảo kế hoạch'),
        step('10', 'Tổ chức Hội nghị kế hoạch cấp xã'),
        step('11', 'Cập nhật kế hoạch'),
        step('12', 'Trình và thảo luận KH với, Thường trực Đảng Ủy, HĐND cấp xã.\nBáo cáo BCĐ CTMTQG huyện, UBND cấp huyện'),
        step('13', 'Phản hồi Kế hoạch cho cộng đồng và các bên liên quan'),
        step('14', 'Cập nhật và hoàn thiện'),
        step('15', 'Đệ trình, phê duyệt'),
      ],
    },
  ],
};
