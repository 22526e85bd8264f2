import type { FormDefinition, TableRow } from '../types';

/** A criterion: the question, answered Có/Không, and how to judge it (with its threshold). */
function criterion(code: string, label: string, basis: string): TableRow {
  return { kind: 'fixed', key: `c${code}`, code, label, depth: 0, cells: { basis } };
}

/** Mẫu biểu II.1 (L1600): the commune's yearly self-assessment of last year's planning, 14 criteria. */
export const FORM_II_1: FormDefinition = {
  id: 'II.1',
  code: 'Mẫu biểu II.1',
  title: 'Phiếu đánh giá công tác LKH cấp xã hàng năm',
  shortTitle: 'Phiếu đánh giá công tác LKH cấp xã hàng năm',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 1600 },
  orientation: 'landscape',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.1: Phiếu đánh giá công tác LKH cấp xã hàng năm' },
    {
      kind: 'table',
      key: 'criteria',
      role: 'criteria',
      columns: [
        { key: 'stt', kind: 'stt', width: 5 },
        { key: 'criterion', kind: 'longtext', width: 45 },
        { key: 'answer', kind: 'yesno', width: 9, choices: ['Có', 'Không'] },
        { key: 'basis', kind: 'longtext', width: 56 },
        { key: 'note', kind: 'longtext', width: 22 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Tiêu chí đánh giá', row: 0, col: 1 },
        { text: 'Có/ Không', row: 0, col: 2 },
        { text: 'Cơ sở đánh giá', row: 0, col: 3 },
        { text: 'Ghi chú', row: 0, col: 4 },
      ],
      codeColumn: 'stt',
      labelColumn: 'criterion',
      rows: [
        criterion(
          '1',
          'Các ban ngành cấp xã có tham gia trong tổ công tác LKH cấp xã?',
          'Rà soát thành phần tổ công tác LKH cấp xã (nòng cốt là BQL các CTMTQG cấp xã)',
        ),
        criterion(
          '2',
          'TCT LKH cấp thôn có được thành lập/kiện toàn, có đủ số lượng ít nhất (02) nữ tham gia?',
          'Rà soát thành phần các tổ công tác LKH cấp thôn (nòng cốt là Ban phát triển thôn) trong xã',
        ),
        criterion(
          '3',
          'Cấp Huyện có gửi thông tin định hướng cho xã để phục vụ LKH?',
          'Rà soát Phiếu thông tin định hướng từ cấp huyện (Phiếu III.1). Phỏng vấn cán bộ xã phụ trách tổng hợp văn bản kế hoạch',
        ),
        criterion(
          '4',
          'Các ban ngành, đơn vị cấp xã có đề xuất hoạt động phục vụ LKH?',
          'Rà soát các phiếu thông tin của ban ngành, đơn vị (Biểu II.3). Nếu có trên 70% phiếu của ban ngành, đơn vị thì đánh dấu Có',
        ),
        criterion(
          '5',
          'Có tổ chức họp thôn về LKH ở tất cả các thôn?',
          'Rà soát các phiếu thông tin của thôn (Biểu I.2), biên bản họp thôn về LKH (Biểu I.3)\nNếu có đủ 100% phiếu thông tin thôn và có biên bản họp thôn thì đánh dấu Có',
        ),
        criterion(
          '6',
          'Người dân có biết về buổi họp thôn về LKH tại thôn mình?',
          'Phỏng vấn ngẫu nhiên ít nhất 5 hộ (trong đó có ít nhất 2 hộ nghèo)/thôn tại ít nhất 2 thôn. Lưu ý lựa chọn đại diện hộ do phụ nữ làm chủ hộ.\nNếu 3/5 hộ tại cả 2 thôn trả lời có biết về buổi họp thôn về LKH thì đánh dấu Có',
        ),
        criterion(
          '7',
          'Các hoạt động đề xuất trong bản KH có phù hợp với nhu cầu của người dân?',
          'Phỏng vấn ngẫu nhiên 5 hộ (trong đó có ít nhất 2 hộ nghèo)/thôn tại ít nhất 2 thôn. Lưu ý lựa chọn đại diện hộ do phụ nữ làm chủ hộ.\nNếu 3/5 hộ tại cả 2 thôn trả lời các hoạt động phù hợp nhu cầu thì đánh dấu Có',
        ),
        criterion(
          '8',
          'Các hoạt động đề xuất có đi kèm dự toán ngân sách?',
          'Rà soát Biểu II.6.A và II.6.B trong bản KH CTMTQG của xã',
        ),
        criterion(
          '9',
          'Bản kế hoạch có bao gồm hoạt động không cần nguồn vốn từ bên ngoài?',
          'Rà soát Biểu II.6.A và II.6.B trong bản KH CTMTQG của xã',
        ),
        criterion(
          '10',
          'Bản dự thảo KH CTMTQG có được phản hồi cho cộng đồng và các bên liên quan?',
          'Rà soát các Phiếu phản hồi cộng đồng và các bên liên quan (Biểu II.10), các Biên bản ghi ý kiến phản hồi.',
        ),
        criterion(
          '11',
          'Bản kế hoạch xã gửi lên huyện có đúng thời gian quy định?',
          'Rà soát công văn gửi kèm bản KH xã lên huyện. Phỏng vấn lãnh đạo xã',
        ),
        criterion(
          '12',
          'Các ban ngành cấp huyện có phản hồi cho xã về các hoạt động đề xuất?',
          'Rà soát Phiếu phản hồi của huyện cho xã về bản KH. Phỏng vấn cán bộ xã phụ trách tổng hợp văn bản kế hoạch.',
        ),
        criterion(
          '13',
          'Bản KH CTMTQG có được thông qua HĐND cấp xã hay không?',
          'Rà soát bản KH CTMTQG, Nghị quyết của HĐND cấp xã về KH CTMTQG',
        ),
        criterion(
          '14',
          'Tỷ lệ % hoạt động đề xuất trong bản KH năm trước (thuộc danh mục II.6.A – các hoạt động đã rõ nguồn lực) đến nay đã được thực hiện?',
          'Phỏng vấn lãnh đạo xã/kế toán xã, so sánh với Biểu II.6.A.\nTrên 60% hoạt động đề xuất đã hoặc đang được thực hiện thì đánh dấu là Có.',
        ),
      ],
    },
    {
      kind: 'text',
      style: 'note',
      text: 'Ghi chú: TCT LKH cấp xã phân công các thành viên rà soát hồ sơ, tài liệu về quá trình LKH của năm trước và về các thôn khảo sát, phỏng vấn nhanh người dân để điền đầy đủ Phiếu đánh giá này.',
    },
  ],
};
