import type { FormDefinition, TableRow } from '../types';

/** An indicator row; the handbook's ditto marks (") are resolved to the unit they repeat. */
function indicator(key: string, code: string | undefined, label: string, depth: number, unit?: string): TableRow {
  return unit === undefined
    ? { kind: 'fixed', key, ...(code === undefined ? {} : { code }), label, depth }
    : { kind: 'fixed', key, ...(code === undefined ? {} : { code }), label, depth, cells: { unit } };
}

/** An indicator counted in people, followed by its "Trong đó: + Nam / + Nữ" lines. */
function byGender(key: string, code: string, label: string, depth: number): TableRow[] {
  return [
    indicator(key, code, label, depth, 'người'),
    indicator(`${key}-nam`, undefined, 'Trong đó: + Nam', depth + 1, 'người'),
    indicator(`${key}-nu`, undefined, '+ Nữ', depth + 1, 'người'),
  ];
}

const FOOTNOTE_STATISTICS =
  'Các chỉ tiêu thống kê tùy theo đặc điểm, yêu cầu của từng địa phương (do cán bộ Văn phòng – Thống kê xã cung cấp). Ở cấp thôn có thể một số chỉ tiêu không thể thu thập hoặc tính toán. Do đó, cán bộ Văn phòng – Thống kê xã cần hướng dẫn cho thôn về những chỉ tiêu thống kê nào thực sự cần thu thập và tính toán ở cấp thôn, còn những chỉ tiêu thống kê nào sẽ được thu thập và tính toán ở cấp xã.';
const FOOTNOTE_ETHNIC = 'Cơ cấu dân tộc tùy tình hình thực tế của từng thôn';
const FOOTNOTE_CROPS = 'Cây trồng chủ yếu tuỳ tình hình thực tế của từng thôn.';
const FOOTNOTE_PLAN =
  'Các chỉ tiêu kế hoạch tùy theo đặc điểm, yêu cầu của từng địa phương (do cán bộ Văn phòng – Thống kê xã cung cấp). Ở cấp thôn có thể một số chỉ tiêu kế hoạch không thể thu thập hoặc tính toán. Do đó, cán bộ Văn phòng – Thống kê xã cần hướng dẫn cho thôn về những chỉ tiêu kế hoạch nào thực sự cần thu thập và tính toán ở cấp thôn, còn những chỉ tiêu kế hoạch nào sẽ được thu thập và tính toán ở cấp xã.';

const FOOTNOTE_REASON =
  'Footnote of the handbook (L1015, L1061, L1165, L1246), word for word; the fidelity normaliser strips footnote bodies from the handbook, so it cannot be found there.';

/** Mẫu biểu I.1 (L1000): the village's basic data, in two parts (statistics; plan targets). */
export const FORM_I_1: FormDefinition = {
  id: 'I.1',
  code: 'Mẫu biểu I.1',
  title: 'Số liệu cơ bản của Thôn',
  shortTitle: 'Số liệu cơ bản của thôn',
  level: 'thon',
  unitKind: 'thon',
  source: { line: 1000 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu I.1. Số liệu cơ bản của Thôn' },
    {
      kind: 'fields',
      fields: [
        { label: 'Thôn:', value: 'unit', align: 'left' },
        { label: 'Năm hiện trạng:', value: 'reportYear', align: 'right' },
      ],
    },
    {
      kind: 'table',
      key: 'indicators',
      role: 'indicators',
      columns: [
        { key: 'stt', kind: 'stt', width: 6 },
        { key: 'indicator', kind: 'longtext', width: 52 },
        { key: 'unit', kind: 'text', width: 12 },
        { key: 'value', kind: 'number', width: 16 },
      ],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'CHỈ TIÊU', row: 0, col: 1 },
        { text: 'Đơn vị tính', row: 0, col: 2 },
        { text: 'Số liệu', row: 0, col: 3 },
      ],
      codeColumn: 'stt',
      labelColumn: 'indicator',
      rows: [
        { kind: 'group', key: 'I', code: 'I', label: 'Các chỉ tiêu thống kê cơ bản', depth: 0 },
        indicator('I.1', '1', 'Đất nông nghiệp', 1, 'ha'),
        indicator('I.1.1', '1.1', '- Đất trồng cây hàng năm', 2, 'ha'),
        indicator('I.1.2', '1.2', '- Đất trồng cây lâu năm', 2, 'ha'),
        indicator('I.1.3', '1.3', '- Đất nuôi trồng thuỷ sản', 2, 'ha'),
        indicator('I.1.4', '1.4', '- Đất nông nghiệp khác', 2, 'ha'),
        indicator('I.2', '2', 'Đất lâm nghiệp', 1, 'ha'),
        indicator('I.3', '3', 'Đất phi nông nghiệp', 1, 'ha'),
        indicator('I.4', '4', 'Đất chưa sử dụng', 1, 'ha'),
        indicator('I.5', '5', 'Tổng số nhân khẩu', 1, 'người'),
        indicator('I.5.1', '5.1', '- Dân tộc Kinh', 2, 'người'),
        indicator('I.5.2', '5.2', '- Dân tộc Tày', 2, 'người'),
        indicator('I.5.3', '5.3', '- Dân tộc Mông', 2, 'người'),
        indicator('I.5.4', '5.4', '- …', 2, 'người'),
        indicator('I.6', '6', 'Tổng số hộ', 1, 'hộ'),
        indicator('I.6.1', '6.1', '- Hộ dân tộc Kinh', 2, 'hộ'),
        indicator('I.6.2', '6.2', '- Hộ dân tộc Tày', 2, 'hộ'),
        indicator('I.6.3', '6.3', '- Hộ dân tộc Mông', 2, 'hộ'),
        indicator('I.6.4', '6.4', '- …', 2, 'hộ'),
        indicator('I.7', '7', 'Số hộ nghèo', 1, 'hộ'),
        indicator('I.7.1', '7.1', 'Số hộ nghèo dân tộc thiểu số', 2, 'hộ'),
        indicator('I.8', '8', 'Số hộ cận nghèo', 1, 'hộ'),
        indicator('I.8.1', '8.1', 'Số hộ cận nghèo dân tộc thiểu số', 2, 'hộ'),
        ...byGender('I.9', '9', 'Số khẩu trong độ tuổi lao động', 1),
        ...byGender('I.9.1', '9.1', 'Số lao động chưa có việc làm', 2),
        indicator('I.10', '10', 'Số hộ có hoạt động nông, lâm, ngư nghiệp', 1, 'hộ'),
        indicator('I.11', '11', 'Số hộ có sản xuất tiểu thủ công nghiệp', 1, 'hộ'),
        indicator('I.12', '12', 'Số hộ có hoạt động kinh doanh thương mại, dịch vụ', 1, 'hộ'),
        indicator('I.13', '13', 'Diện tích gieo trồng cây hàng năm', 1, 'ha'),
        indicator('I.13.1', '13.1', '- Lúa đông xuân', 2, 'ha'),
        // The handbook prints this code "132" and leaves its unit blank: 13.2, ha as its neighbours.
        indicator('I.13.2', '13.2', '- Lúa hè thu', 2, 'ha'),
        indicator('I.13.3', '13.3', '- Ngô', 2, 'ha'),
        indicator('I.13.4', '13.4', '- Sắn', 2, 'ha'),
        indicator('I.13.5', '13.5', '- …', 2, 'ha'),
        indicator('I.14', '14', 'Diện tích gieo trồng cây lâu năm', 1, 'ha'),
        indicator('I.14.1', '14.1', '- Cây cà phê', 2, 'ha'),
        indicator('I.14.2', '14.2', '- Cây chè', 2, 'ha'),
        indicator('I.14.3', '14.3', '…', 2, 'ha'),
        indicator('I.15', '15', 'Diện tích rừng trồng', 1, 'ha'),
        indicator('I.16', '16', 'Chăn nuôi', 1),
        indicator('I.16.1', '16.1', 'Diện tích nuôi trồng thuỷ sản', 2, 'ha'),
        indicator('I.16.2', '16.2', 'Số lượng gia súc', 2, 'con'),
        indicator('I.16.3', '16.3', 'Số lượng lợn', 2, 'con'),
        indicator('I.16.4', '16.4', '…', 2, 'con'),
        { kind: 'group', key: 'II', code: 'II', label: 'Các chỉ tiêu kế hoạch', depth: 0 },
        indicator('II.1', '1', 'Tỷ lệ cứng hóa đường giao thông', 1, '%'),
        indicator('II.2', '2', 'Tỷ lệ đáp ứng cho diện tích có nhu cầu tưới', 1, '%'),
        indicator('II.3', '3', 'Tỷ lệ hộ sử dụng điện', 1, '%'),
        indicator('II.4', '4', 'Thôn có sử dụng mạng lưới điện quốc gia', 1, 'Có/không'),
        indicator('II.5', '5', 'Tỷ lệ hộ sử dụng nước hợp vệ sinh', 1, '%'),
        indicator('II.6', '6', 'Tỷ lệ thu gom rác thải ở nông thôn', 1, '%'),
        indicator('II.7', '7', 'Sản lượng lương thực có hạt', 1, 'tấn'),
        indicator('II.8', '8', 'Trồng mới cây công nghiệp dài ngày', 1, 'ha'),
        indicator('II.9', '9', 'Trồng mới rừng tập trung', 1, 'ha'),
        indicator('II.10', '10', 'Tỷ lệ che phủ rừng', 1, '%'),
        indicator('II.11', '11', 'Sản lượng thuỷ, hải sản', 1, 'tấn'),
        ...byGender('II.12', '12', 'Tạo việc làm mới trong năm', 1),
        ...byGender('II.13', '13', 'Số lao động được đào tạo nghề', 1),
        indicator('II.14', '14', 'Tốc độ tăng dân số tự nhiên', 1, '%'),
        indicator('II.15', '15', 'Giảm tỷ lệ hộ nghèo', 1, '%'),
        indicator('II.16', '16', 'Giảm tỷ lệ hộ nghèo dân tộc thiểu số', 1, '%'),
        indicator('II.17', '17', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng', 1, '%'),
        indicator('II.18', '18', 'Tỷ lệ dân số tham gia bảo hiểm y tế', 1, '%'),
        indicator('II.19', '19', 'Tỷ lệ gia đình văn hóa', 1, '%'),
        indicator('II.20', '20', 'Thôn đạt tiêu chí thôn văn hóa', 1, 'Có/không'),
        indicator('II.21', '21', 'Tỷ lệ trẻ em từ 3-5 tuổi đến lớp', 1, '%'),
        indicator('II.22', '22', 'Tỷ lệ trẻ em trong độ tuổi tiểu học đến trường', 1, '%'),
        indicator('II.23', '23', 'Tỷ lệ trẻ em trong độ tuổi trung học cơ sở đến trường', 1, '%'),
      ],
    },
    { kind: 'text', style: 'note', text: FOOTNOTE_STATISTICS },
    { kind: 'text', style: 'note', text: FOOTNOTE_ETHNIC },
    { kind: 'text', style: 'note', text: FOOTNOTE_CROPS },
    { kind: 'text', style: 'note', text: FOOTNOTE_PLAN },
  ],
  ownText: [
    { text: FOOTNOTE_STATISTICS, reason: FOOTNOTE_REASON },
    { text: FOOTNOTE_ETHNIC, reason: FOOTNOTE_REASON },
    { text: FOOTNOTE_CROPS, reason: FOOTNOTE_REASON },
    { text: FOOTNOTE_PLAN, reason: FOOTNOTE_REASON },
  ],
};
