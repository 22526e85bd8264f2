import type { Block, FormDefinition, LetterheadBlock, TableBlock, TextBlock } from '../types';

/** The commune's letterhead of the draft plans (II.7.A L2650-L2651; II.7.B reuses it). */
export const COMMUNE_PLAN_LETTERHEAD: LetterheadBlock = {
  kind: 'letterhead',
  left: ['ỦY BAN NHÂN DÂN', 'XÃ …………………'],
  right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
};

export const heading = (text: string): TextBlock => ({ kind: 'text', style: 'heading', text });
export const part = (text: string): TextBlock => ({ kind: 'text', style: 'subtitle', text, align: 'left' });
export const paragraph = (text: string): TextBlock => ({ kind: 'text', style: 'paragraph', text });
/** The handbook's guidance on what to write in a section. */
export const guide = (text: string): TextBlock => ({ kind: 'text', style: 'italic', text });
export const lines = (count: number): Block => ({ kind: 'lines', count });

/** Phần II, 2.b (L2715-L2717): the main targets of year X+1. II.7.B reuses its columns. */
export const TARGETS_TABLE: TableBlock = {
  kind: 'table',
  key: 'targets',
  role: 'indicators',
  columns: [
    { key: 'indicator', kind: 'longtext', width: 50 },
    { key: 'unit', kind: 'text', width: 16 },
    { key: 'plan', kind: 'number', width: 20 },
  ],
  header: [
    { text: 'Chỉ tiêu', row: 0, col: 0 },
    { text: 'Đơn vị tính', row: 0, col: 1 },
    { text: 'KH năm X+1', row: 0, col: 2 },
  ],
  labelColumn: 'indicator',
  rows: [{ kind: 'entry', count: 5 }],
};

/** The guidance of Phần II, 5 (L2741-L2744), common to II.7.A and II.7.B. */
export const PLAN_FRAME_BLOCKS: readonly Block[] = [
  heading('5. Khung Kế hoạch'),
  paragraph('a. Các hoạt động đề xuất đã rõ nguồn vốn'),
  guide(
    'Phần này sẽ trình bày các hoạt động đã được lập kế hoạch, có phân bổ nguồn vốn từ các chương trình mục tiêu quốc gia, chương trình đầu tư của tỉnh, huyện, và những dự án đã khẳng định được nguồn lực (bao gồm cả phần đóng góp của dân). Đây là Biểu II.6.A trong bộ biểu tổng hợp của xã. Khi in bản thảo, cần bỏ trống trang này và bổ sung bằng bản in của biểu II.6.A có trong phần mềm tổng hợp kế hoạch xã.',
  ),
  paragraph('b. Các hoạt động đề xuất chưa rõ nguồn vốn'),
  guide(
    'Phần này bao gồm các hoạt động đề xuất chưa phân bổ được nguồn vốn hoặc chưa xác định được nguồn vốn để thực hiện, tuy nhiên đã có mức xếp loại ưu tiên. Đây là Biểu II.6.B trong bộ biểu tổng hợp của xã. Các hoạt động trong Mẫu biểu này là cơ sở để các cấp, các chương trình dự án, các bên liên quan khác xem xét điều chỉnh và cân đối vốn trong năm kế hoạch hoặc năm sau hoặc cũng là danh mục đầu tư sẵn sàng nếu trong năm kế hoạch, xã tìm kiếm, vận động được các nguồn vốn thực hiện.',
  ),
];

export const COMMUNE_PLAN_SIGNATURE: Block = { kind: 'signatures', signers: [{ title: 'UBND CẤP XÃ …………………...' }] };

/** The lines of work of the GNBV program (sections a-g of Phần I.4 and Phần II.3). */
const GNBV_FIELDS = [
  'b. Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế:',
  'c. Nhân rộng mô hình giảm nghèo:',
  'd. Hỗ trợ lao động đi làm việc có thời hạn ở nước ngoài:',
  'e. Truyền thông và giảm nghèo về thông tin:',
  'f. Nâng cao năng lực cho cán bộ và cộng đồng:',
  'g. Công tác lập kế hoạch thực hiện Chương trình:',
];

/** The handbook prints "d. . Hỗ trợ người nghèo…" (L2699): the stray ". " is dropped. */
const LEGAL_AID = 'd. Hỗ trợ người nghèo tiếp cận các dịch vụ trợ giúp pháp lý';

/** Mẫu biểu II.7.A (L2649): the outline of the commune's draft GNBV plan, with two indicator tables. */
export const FORM_II_7_A: FormDefinition = {
  id: 'II.7.A',
  code: 'Mẫu biểu II.7.A',
  title: 'Mẫu Dự thảo Kế hoạch thực hiện CTMTQG GNBV cấp xã',
  shortTitle: 'Mẫu Dự thảo Kế hoạch thực hiện CTMTQG GNBV cấp xã',
  level: 'xa',
  unitKind: 'xa',
  source: { line: 2649 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu II.7.A: Mẫu Dự thảo Kế hoạch thực hiện CTMTQG GNBV cấp xã' },
    COMMUNE_PLAN_LETTERHEAD,
    {
      kind: 'text',
      style: 'title',
      text: 'TÌNH HÌNH THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG NĂM X VÀ KẾ HOẠCH THỰC HIỆN NĂM X+1',
      align: 'center',
    },
    part('Phần I: Tình hình thực hiện CTMTQG GNBV năm báo cáo (năm X)'),
    heading('1. Khái quát về đặc điểm, tình hình phát triển kinh tế - xã hội của xã'),
    lines(3),
    heading('2. Công tác chỉ đạo, điều hành, tổ chức triển khai Chương trình'),
    lines(3),
    heading('3. Kết quả chung về thực hiện Chương trình:'),
    guide(
      'Dựa trên Biểu Thông tin chung về giám sát, đánh giá thực hiện CTMTQG GNBV ở cấp xã (tham khảo Thông tư Hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2016-2020 của Bộ LĐ-TB&XH), nêu các chỉ tiêu chính về kết quả và tác động chung thực hiện Chương trình trong năm X, kèm theo nhận xét tóm tắt.',
    ),
    {
      kind: 'table',
      key: 'results',
      role: 'indicators',
      columns: [
        { key: 'indicator', kind: 'longtext', width: 34 },
        { key: 'plan', kind: 'number', width: 12 },
        { key: 'firstHalf', kind: 'number', width: 15 },
        { key: 'estimate', kind: 'number', width: 15 },
        { key: 'ratio', kind: 'percent', width: 12 },
      ],
      header: [
        { text: 'Chỉ tiêu', row: 0, col: 0 },
        { text: 'KH năm X', row: 0, col: 1 },
        { text: 'Thực hiện 6 tháng đầu năm X', row: 0, col: 2 },
        { text: 'Ước thực hiện cả năm X', row: 0, col: 3 },
        { text: 'TH/KH năm X\n(%)', row: 0, col: 4 },
      ],
      labelColumn: 'indicator',
      rows: [{ kind: 'entry', count: 5 }],
    },
    lines(2),
    heading('4. Tình hình thực hiện từng lĩnh vực/nội dung của Chương trình:'),
    paragraph('a. Cơ sở hạ tầng:'),
    paragraph('· Kết quả thực hiện'),
    guide(
      'Dựa trên Biểu thông tin giám sát về lĩnh vực cơ sở hạ tầng thực hiện CTMTQG GNBV ở cấp xã (tham khảo Thông tư Hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2016-2020 của Bộ LĐ-TB&XH), nêu các chỉ tiêu chính về đầu vào và đầu ra trong lĩnh vực cơ sở hạ tầng trong năm báo cáo, kèm theo nhận xét tóm tắt.',
    ),
    lines(2),
    paragraph('· Thuận lợi và Khó khăn'),
    guide(
      'Đây là phần tổng hợp các thuận lợi và khó khăn trong Mẫu biểu II.4.A đã thực hiện từ bước tổng hợp trước đó. Chỉ cần chép lại hoặc sao chép (nếu sử dụng máy tính) từ biểu tổng hợp sang và trình bày dưới dạng lời văn hoàn chỉnh.',
    ),
    lines(2),
    paragraph('· Nguyên nhân'),
    guide(
      'Đây là phần tổng hợp nguyên nhân trong Mẫu biểu II.4.A đã phân tích từ bước tổng hợp trước đó. Chỉ cần chép lại hoặc sao chép (nếu sử dụng máy tính) từ biểu tổng hợp sang và trình bày dưới dạng lời văn hoàn chỉnh.',
    ),
    lines(2),
    ...GNBV_FIELDS.flatMap((t) => [paragraph(t), lines(2)]),
    heading('5. Tình hình thực hiện các chính sách hỗ trợ giảm nghèo khác: [nêu tóm tắt]'),
    paragraph('a. Chính sách tín dụng ưu đãi'),
    paragraph('b. Hỗ trợ về y tế'),
    paragraph('c. Hỗ trợ về giáo dục'),
    paragraph(LEGAL_AID),
    paragraph('e. Hỗ trợ về nhà ở'),
    paragraph('f. Hỗ trợ khuyến nông, khuyến công và phát triển ngành nghề, dịch vụ nông thôn'),
    paragraph('g. Chính sách hỗ trợ tiền điện cho hộ nghèo'),
    paragraph('h. Đào tạo nghề, tạo việc làm (bao gồm tạo việc làm có trả công trong xây dựng CSHT)'),
    paragraph('i.………..'),
    lines(2),
    part('Phần II. Kế hoạch thực hiện CTMTQG GNBV năm kế hoạch (năm X+1)'),
    heading('1. Dự báo tình hình'),
    guide(
      'Phần này sẽ đưa ra những nhận định, phân tích về những xu hướng thay đổi của điều kiện kinh tế, xã hội, văn hóa, môi trường, thời tiết, thị trường …vv trong thời gian tới có thể mang lại những điều kiện tích cực hoặc gây ra những ảnh hưởng tiêu cực đối với mục tiêu giảm nghèo, phát triển cộng đồng nói riêng và mục tiêu phát triển kinh tế - xã hội, bảo vệ môi trường của xã nói chung.',
    ),
    lines(3),
    heading('2. Mục tiêu phát triển'),
    paragraph('a. Mục tiêu chung'),
    guide(
      'Phần này trình bày mục tiêu giảm nghèo. Mục tiêu này phản ảnh mong muốn tổng thể về tình hình giảm nghèo của xã khi kết thúc năm kế hoạch. Nên trình bày dưới dạng một vài câu cô đọng thể hiện được mục tiêu khi thực hiện bản Kế hoạch. Ví dụ: Giảm tỷ lệ hộ nghèo. . . . %/năm (chỉ tiêu được giao theo Kế hoạch của huyện và Nghị quyết của Đảng ủy, Hội đồng nhân dân xã), tương đương ...... hộ.',
    ),
    lines(2),
    paragraph('b. Mục tiêu cụ thể'),
    guide(
      'Phần này nêu tóm tắt theo ngành, lĩnh vực chủ yếu của những mục tiêu đã xác định trong quá trình tổng hợp. Nên theo hướng bắt đầu từ các định hướng lớn về giảm nghèo đã nêu trong Kế hoạch phát triển Kinh tế - Xã hội 5 năm của xã, Nghị quyết của HĐND …vv nhằm tạo ra sự gắn kết chặt chẽ giữa kế hoạch CTMTQG GNBV hàng năm với các định hướng mang tính chất dài hạn hơn.',
    ),
    guide(
      'Đây là trạng thái mong đợi vào cuối năm kế hoạch của từng ngành, lĩnh vực và việc đạt được mục tiêu của mỗi ngành, lĩnh vực sẽ giúp đạt được mục tiêu giảm nghèo chung trên địa bàn xã.',
    ),
    guide(
      'Dựa trên Biểu Thông tin chung về giám sát, đánh giá thực hiện CTMTQG GNBV ở cấp xã (tham khảo Thông tư Hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2016-2020 của Bộ LĐ-TB&XH), nêu các chỉ tiêu chính về kết quả và tác động chung cần đạt được trong năm X+1.',
    ),
    TARGETS_TABLE,
    lines(2),
    paragraph('c. Nguyên tắc, Quan điểm chỉ đạo về giảm nghèo bền vững'),
    lines(2),
    heading('3. Các nhiệm vụ và giải pháp chính'),
    guide(
      'Phần này nêu kết quả tổng hợp các giải pháp (biểu II.4.A). Khi trình bày giải pháp, cần lưu ý đưa các nguyên nhân, khó khăn không được lựa chọn trong quá trình tổng hợp và viết riêng thành nội dung Các rủi ro cần tính đến.',
    ),
    ...['a. Cơ sở hạ tầng:', ...GNBV_FIELDS].flatMap((t) => [paragraph(t), lines(2)]),
    heading('4. Khả năng huy động và cân đối các nguồn vốn thực hiện trong giai đoạn kế hoạch'),
    guide(
      'Phần này trình bày các nguồn vốn có thể huy động và cân đối trong năm lập kế hoạch dựa trên thông báo dự kiến phân bổ vốn thực hiện CTMTQG GNBV của UBND huyện, ngân sách địa phương, tài trợ của các CT-DA khác.',
    ),
    lines(3),
    ...PLAN_FRAME_BLOCKS,
    heading('6. Giải pháp điều hành, tổ chức thực hiện, theo dõi giám sát CTMTQG GNBV'),
    guide(
      'Mô tả cách tổ chức thực hiện các hoạt động đã nêu trong khung kế hoạch, đó nêu bật được vai trò, trách nhiệm của các bên liên quan (các ban ngành, thôn bản, lãnh đạo xã). Phần này cần đưa ra khung cơ cấu tổ chức tổng thể để biết rõ trách nhiệm khâu nối thực hiện của từng đơn vị tham gia. Các nội dung cần xác định là:',
    ),
    guide('· Ai tham gia vào thực hiện kế hoạch?'),
    guide('· Trách nhiệm: Hỗ trợ, điều phối, khâu nối thực hiện ra sao?'),
    guide(
      '· Theo dõi và giám sát: Cần xác định rõ cách thức giám sát đối với các chỉ tiêu chính về đầu vào, đầu ra, kết quả và tác động của Chương trình. Phương pháp giám sát, cách thu thập số liệu, tần suất thu thập số liệu cho các biểu mẫu giám sát như thế nào? Những ai, ban ngành, đơn vị tham gia vào quá trình giám sát, trách nhiệm các bên liên quan trong giám sát (Tham khảo Thông tư Hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2016-2020 của Bộ LĐ-TB&XH).',
    ),
    lines(3),
    COMMUNE_PLAN_SIGNATURE,
  ],
  ownText: [
    {
      text: LEGAL_AID,
      reason: 'Sổ tay in "d. . Hỗ trợ người nghèo…" (L2699, thừa dấu ". "); bỏ dấu thừa, giữ nguyên lời văn',
    },
  ],
};
