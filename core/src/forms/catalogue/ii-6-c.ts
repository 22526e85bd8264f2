import type { FormDefinition, TableRow } from '../types';

const line = (key: string, code: string | undefined, label: string, depth: number): TableRow =>
  code === undefined ? { kind: 'fixed', key, label, depth } : { kind: 'fixed', key, code, label, depth };

/** Mẫu biểu II.6.C (L2483): the commune's money needs by source, in triệu đồng, on fixed lines. */
export const FORM_II_6_C: FormDefinition = {
  id: 'II.6.C',
  code: 'Mẫu biểu II.6.C',
  title: 'Biểu tổng hợp nhu cầu nguồn vốn thực hiện KH PT KT-XH cấp xã (trong đó có nguồn vốn từ CTMTQG)',
  shortTitle: 'Biểu tổng hợp nhu cầu nguồn vốn thực hiện KH PT KT-XH (trong đó có nguồn vốn từ các CTMTQG)',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2483 },
  orientation: 'portrait',
  moneyUnit: 'trieu-dong',
  blocks: [
    {
      kind: 'text',
      style: 'title',
      text: 'Mẫu biểu II.6.C: Biểu tổng hợp nhu cầu nguồn vốn thực hiện KH PT KT-XH cấp xã (trong đó có nguồn vốn từ CTMTQG)',
    },
    {
      kind: 'text',
      style: 'heading',
      align: 'center',
      text: 'BIỂU TỔNG HỢP NHU CẦU NGUỒN VỐN THỰC HIỆN KH PT KT-XH CẤP XÃ (TRONG ĐÓ CÓ NGUỒN VỐN TỪ CTMTQG)',
    },
    {
      kind: 'fields',
      fields: [
        { label: 'Xã:', value: 'unit', align: 'left' },
        { label: 'Năm kế hoạch (X+1):', value: 'planYear', align: 'right' },
      ],
    },
    {
      kind: 'table',
      key: 'sources',
      role: 'sources',
      columns: [
        { key: 'stt', kind: 'stt', width: 5 },
        { key: 'label', kind: 'longtext', width: 40 },
        { key: 'total', kind: 'amount', width: 10, sumOf: ['contribution', 'budget', 'proposed'] },
        { key: 'contribution', kind: 'amount', width: 10 },
        { key: 'budget', kind: 'amount', width: 10 },
        { key: 'proposed', kind: 'amount', width: 10 },
        { key: 'note', kind: 'longtext', width: 14 },
      ],
      header: [
        { text: 'STT', row: 0, col: 0, rowSpan: 2 },
        { text: 'Hạng mục', row: 0, col: 1, rowSpan: 2 },
        { text: 'Nhu cầu kinh phí dự kiến theo nguồn (Tr. đ)', row: 0, col: 2, colSpan: 4 },
        { text: 'Tổng số', row: 1, col: 2 },
        { text: 'Dân góp', row: 1, col: 3 },
        { text: 'Ngân sách', row: 1, col: 4 },
        { text: 'Đề xuất', row: 1, col: 5 },
        { text: 'Ghi chú', row: 0, col: 6, rowSpan: 2 },
      ],
      columnNumbers: true,
      codeColumn: 'stt',
      labelColumn: 'label',
      rows: [
        line('recurrent', 'I', 'Chi cho các hoạt động sự nghiệp/ thường xuyên của ban ngành/ đoàn thể xã', 0),
        line('investment', 'II', 'Đầu tư phát triển', 0),
        line('investment-construction', '1', 'Đầu tư XDCB', 1),
        line('investment-other', '2', 'Đầu tư phát triển khác', 1),
        line('programmes', 'III', 'Nhóm các hoạt động đã rõ nguồn vốn từ các chương trình mục tiêu, dự án khác', 0),
        line('programme-gnbv', '1', 'Chương trình mục tiêu quốc gia Giảm nghèo bền vững', 1),
        line('programme-ntm', '2', 'Chương trình mục tiêu quốc gia xây dựng Nông thôn mới', 1),
        line('programme-167', '3', 'Chương trình 167', 1),
        line('programme-rural-water', '4', 'Nước sạch VSMT Nông thôn', 1),
        line('programme-oda-ngo', '5', 'Dự án ODA/NGO', 1),
        // The handbook's "…" line: further programmes or projects, typed in.
        { kind: 'entry', count: 1 },
        line('unknown-source', 'IV', 'Nhóm hoạt động chưa xác định được nguồn vốn', 0),
        line('community-funded', 'V', 'Các hoạt động được các tổ chức, cá nhân khác tài trợ, được người dân tự đóng góp thực hiện', 0),
        line('grand-total', undefined, 'Tổng nhu cầu tài chính năm kế hoạch (X+1)', 0),
      ],
    },
    {
      kind: 'signatures',
      dateLine: 'Ngày …. tháng …. năm …..',
      signers: [{ title: 'Kế toán tài chính xã' }, { title: 'Chủ tịch UBND cấp xã' }],
    },
  ],
};
