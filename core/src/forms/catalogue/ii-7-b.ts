import { NTM_CRITERIA } from '../../reference/criteria';
import type { Block, FormDefinition, TableRow } from '../types';
import { COMMUNE_PLAN_LETTERHEAD, COMMUNE_PLAN_SIGNATURE, PLAN_FRAME_BLOCKS, TARGETS_TABLE, guide, heading, lines, paragraph, part } from './ii-7-a';

/**
 * II.7.B is listed in the handbook (L970) but not given. It follows II.7.A's outline, with the
 * GNBV lines of work replaced by the five groups of the national NTM commune criteria, and an
 * indicator table of the 19 criteria. Every text not found in the handbook is listed in `ownText`.
 */
const REASON = 'II.7.B không có trong Sổ tay; thiết kế theo dàn ý II.7.A và Bộ tiêu chí quốc gia về xã nông thôn mới (QĐ 1980/QĐ-TTg)';

export interface NtmCriterion {
  readonly no: number;
  readonly name: string;
}

export interface NtmCriteriaGroup {
  readonly code: string;
  readonly name: string;
  readonly criteria: readonly NtmCriterion[];
}

/** The criteria an edition of II.7.B reports on: the handbook period's, or a later period's (forms/editions.ts). */
export interface Ii7bCriteria {
  /** "Quyết định 1980/QĐ-TTg". */
  readonly decision: string;
  readonly groups: readonly NtmCriteriaGroup[];
  /** Printed under the criteria table when their wording is not the decision's own. */
  readonly caveat?: string;
  /** Why this edition's own texts differ from the handbook period's (listed in ownText). */
  readonly reason?: string;
}

/**
 * The national NTM commune criteria of 2016-2020 (Decision 1980/QĐ-TTg, 17/10/2016; SPEC §6):
 * 19 criteria in 5 groups, from the reference data of the period (core/src/reference/criteria.ts).
 */
export const NTM_COMMUNE_CRITERIA_1980: readonly NtmCriteriaGroup[] = NTM_CRITERIA['2016-2020'].groups;

/** Names found in the handbook by their own (Kinh tế và tổ chức sản xuất, Thủy lợi, Y tế …) are not own text. */
const IN_HANDBOOK = new Set(['Kinh tế và tổ chức sản xuất', 'Thủy lợi', 'Trường học', 'Thông tin và Truyền thông', 'Y tế', 'Văn hóa']);

/** II.7.B reporting on a set of criteria: the handbook period's (FORM_II_7_B) or a later one's. */
export function buildIi7b(set: Ii7bCriteria): FormDefinition {
  const ownTexts: { text: string; reason: string }[] = [];
  /** Marks a text of this form that is not the handbook's wording. */
  const own = (text: string, reason = REASON): string => {
    if (!ownTexts.some((o) => o.text === text)) ownTexts.push({ text, reason });
    return text;
  };
  const later = (text: string): string => own(text, set.reason ?? REASON);
  const criterionText = (name: string): string => (IN_HANDBOOK.has(name) ? name : set.reason ? later(name) : own(name));
  const groups = set.groups;
  const CRITERIA_ROWS: readonly TableRow[] = groups.flatMap((grp, i): TableRow[] => [
    { kind: 'group', key: `nhom-${i + 1}`, code: grp.code, label: criterionText(grp.name), depth: 0 },
    ...grp.criteria.map((c): TableRow => ({ kind: 'fixed', key: `tc-${c.no}`, code: String(c.no), label: criterionText(c.name), depth: 1 })),
  ]);
  /** Sections a, b… of Phần I.4 and Phần II.3: the groups of criteria (each criterion when there is one group), then planning. */
  const sections = groups.length > 1 ? groups.map((x) => x.name) : groups.flatMap((x) => x.criteria.map((c) => c.name));
  const letters = 'abcdefghijklmnop';
  const GROUP_SECTIONS: readonly string[] = [
    ...sections.map((name, i) => (set.reason ? later(`${letters[i]}. ${name}:`) : own(`${letters[i]}. ${name}:`))),
    set.reason ? later(`${letters[sections.length]}. Công tác lập kế hoạch thực hiện Chương trình:`) : own(`${letters[sections.length]}. Công tác lập kế hoạch thực hiện Chương trình:`),
  ];
  const criteriaGuide = `Nêu hiện trạng đến cuối năm X của từng tiêu chí trong Bộ tiêu chí quốc gia về xã nông thôn mới (${set.decision}), đánh giá đạt hay chưa đạt và mục tiêu của tiêu chí trong năm X+1, kèm theo nhận xét tóm tắt (tổng số tiêu chí đã đạt, các tiêu chí đạt thêm trong năm X).`;
  const derivedReason = `Sổ tay liệt kê II.7.B (L970) nhưng không in mẫu; dựng theo dàn ý II.7.A, thay các lĩnh vực GNBV bằng ${groups.length > 1 ? `${groups.length} nhóm, ` : ''}${groups.reduce((n, x) => n + x.criteria.length, 0)} tiêu chí của Bộ tiêu chí quốc gia về xã nông thôn mới (${set.decision.replace('Quyết định ', 'QĐ ')})`;
  const BLOCKS: readonly Block[] = [
  { kind: 'text', style: 'title', text: own('Mẫu biểu II.7.B: Mẫu Dự thảo Kế hoạch thực hiện CTMTQG NTM cấp xã') },
  COMMUNE_PLAN_LETTERHEAD,
  {
    kind: 'text',
    style: 'title',
    text: own('TÌNH HÌNH THỰC HIỆN CTMTQG XÂY DỰNG NÔNG THÔN MỚI NĂM X VÀ KẾ HOẠCH THỰC HIỆN NĂM X+1'),
    align: 'center',
  },
  part(own('Phần I: Tình hình thực hiện CTMTQG NTM năm báo cáo (năm X)')),
  heading('1. Khái quát về đặc điểm, tình hình phát triển kinh tế - xã hội của xã'),
  lines(3),
  heading('2. Công tác chỉ đạo, điều hành, tổ chức triển khai Chương trình'),
  lines(3),
  heading('3. Kết quả chung về thực hiện Chương trình:'),
  guide(set.reason ? later(criteriaGuide) : own(criteriaGuide)),
  {
    kind: 'table',
    key: 'criteria',
    role: 'indicators',
    columns: [
      { key: 'stt', kind: 'stt', width: 6 },
      { key: 'criterion', kind: 'longtext', width: 30 },
      { key: 'current', kind: 'longtext', width: 22 },
      { key: 'status', kind: 'choice', width: 12, choices: ['Đạt', 'Chưa đạt'] },
      { key: 'target', kind: 'longtext', width: 20 },
    ],
    header: [
      { text: 'TT', row: 0, col: 0 },
      { text: 'Tiêu chí', row: 0, col: 1 },
      { text: own('Hiện trạng đến cuối năm X'), row: 0, col: 2 },
      { text: own('Đánh giá năm X (Đạt/Chưa đạt)'), row: 0, col: 3 },
      { text: own('Mục tiêu năm X+1'), row: 0, col: 4 },
    ],
    codeColumn: 'stt',
    labelColumn: 'criterion',
    rows: CRITERIA_ROWS,
  },
  ...(set.caveat ? [{ kind: 'text', style: 'note', text: later(set.caveat) } as const] : []),
  lines(2),
  heading('4. Tình hình thực hiện từng lĩnh vực/nội dung của Chương trình:'),
  paragraph(GROUP_SECTIONS[0]),
  paragraph('· Kết quả thực hiện'),
  guide(
    own(
      'Nêu kết quả thực hiện các tiêu chí của nhóm trong năm báo cáo (các hạng mục, công trình đã hoàn thành, nguồn lực đã huy động, mức độ đạt so với yêu cầu của từng tiêu chí), kèm theo nhận xét tóm tắt.',
    ),
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
  ...GROUP_SECTIONS.slice(1).flatMap((t) => [paragraph(t), lines(2)]),
  heading(own('5. Tình hình huy động và sử dụng nguồn lực thực hiện Chương trình: [nêu tóm tắt]')),
  paragraph(own('a. Ngân sách trung ương')),
  paragraph(own('b. Ngân sách địa phương (tỉnh, huyện, xã)')),
  paragraph(own('c. Vốn lồng ghép từ các chương trình, dự án khác')),
  paragraph(own('d. Vốn tín dụng')),
  paragraph(own('e. Vốn của doanh nghiệp, hợp tác xã')),
  paragraph(own('f. Đóng góp của cộng đồng dân cư')),
  paragraph('g.………..'),
  lines(2),
  part(own('Phần II. Kế hoạch thực hiện CTMTQG NTM năm kế hoạch (năm X+1)')),
  heading('1. Dự báo tình hình'),
  guide(
    own(
      'Phần này sẽ đưa ra những nhận định, phân tích về những xu hướng thay đổi của điều kiện kinh tế, xã hội, văn hóa, môi trường, thời tiết, thị trường …vv trong thời gian tới có thể mang lại những điều kiện tích cực hoặc gây ra những ảnh hưởng tiêu cực đối với mục tiêu xây dựng nông thôn mới nói riêng và mục tiêu phát triển kinh tế - xã hội, bảo vệ môi trường của xã nói chung.',
    ),
  ),
  lines(3),
  heading('2. Mục tiêu phát triển'),
  paragraph('a. Mục tiêu chung'),
  guide(
    own(
      'Phần này trình bày mục tiêu xây dựng nông thôn mới. Mục tiêu này phản ảnh mong muốn tổng thể về kết quả xây dựng nông thôn mới của xã khi kết thúc năm kế hoạch. Nên trình bày dưới dạng một vài câu cô đọng thể hiện được mục tiêu khi thực hiện bản Kế hoạch. Ví dụ: Đạt thêm ...... tiêu chí, nâng tổng số tiêu chí đạt chuẩn lên ...... tiêu chí (chỉ tiêu được giao theo Kế hoạch của huyện và Nghị quyết của Đảng ủy, Hội đồng nhân dân xã).',
    ),
  ),
  lines(2),
  paragraph('b. Mục tiêu cụ thể'),
  guide(
    own(
      'Phần này nêu mục tiêu năm X+1 của từng nhóm tiêu chí, từng tiêu chí (cột Mục tiêu năm X+1 của bảng tại mục 3 Phần I), theo hướng bắt đầu từ các định hướng lớn về xây dựng nông thôn mới đã nêu trong Kế hoạch phát triển Kinh tế - Xã hội 5 năm của xã, Nghị quyết của HĐND …vv, và các chỉ tiêu chính cần đạt được trong năm X+1.',
    ),
  ),
  {
    ...TARGETS_TABLE,
    rows: [
      { kind: 'fixed', key: 'so-tieu-chi-dat', label: 'Đạt tiêu chí Nông thôn mới', depth: 0, cells: { unit: 'Số tiêu chí' } },
      { kind: 'entry', count: 5 },
    ],
  },
  lines(2),
  paragraph(own('c. Nguyên tắc, Quan điểm chỉ đạo về xây dựng nông thôn mới')),
  lines(2),
  heading('3. Các nhiệm vụ và giải pháp chính'),
  guide(
    'Phần này nêu kết quả tổng hợp các giải pháp (biểu II.4.A). Khi trình bày giải pháp, cần lưu ý đưa các nguyên nhân, khó khăn không được lựa chọn trong quá trình tổng hợp và viết riêng thành nội dung Các rủi ro cần tính đến.',
  ),
  ...GROUP_SECTIONS.flatMap((t) => [paragraph(t), lines(2)]),
  heading('4. Khả năng huy động và cân đối các nguồn vốn thực hiện trong giai đoạn kế hoạch'),
  guide(
    own(
      'Phần này trình bày các nguồn vốn có thể huy động và cân đối trong năm lập kế hoạch dựa trên thông báo dự kiến phân bổ vốn thực hiện CTMTQG NTM của UBND huyện, ngân sách địa phương, tài trợ của các CT-DA khác.',
    ),
  ),
  lines(3),
  ...PLAN_FRAME_BLOCKS,
  heading(own('6. Giải pháp điều hành, tổ chức thực hiện, theo dõi giám sát CTMTQG NTM')),
  guide(
    'Mô tả cách tổ chức thực hiện các hoạt động đã nêu trong khung kế hoạch, đó nêu bật được vai trò, trách nhiệm của các bên liên quan (các ban ngành, thôn bản, lãnh đạo xã). Phần này cần đưa ra khung cơ cấu tổ chức tổng thể để biết rõ trách nhiệm khâu nối thực hiện của từng đơn vị tham gia. Các nội dung cần xác định là:',
  ),
  guide('· Ai tham gia vào thực hiện kế hoạch?'),
  guide('· Trách nhiệm: Hỗ trợ, điều phối, khâu nối thực hiện ra sao?'),
  guide(
    own(
      '· Theo dõi và giám sát: Cần xác định rõ cách thức giám sát đối với các chỉ tiêu chính về đầu vào, đầu ra, kết quả và tác động của Chương trình, mức độ đạt của từng tiêu chí nông thôn mới. Phương pháp giám sát, cách thu thập số liệu, tần suất thu thập số liệu cho các biểu mẫu giám sát như thế nào? Những ai, ban ngành, đơn vị tham gia vào quá trình giám sát, trách nhiệm các bên liên quan trong giám sát.',
    ),
  ),
  lines(3),
  COMMUNE_PLAN_SIGNATURE,
];

  return {
    id: 'II.7.B',
    code: 'Mẫu biểu II.7.B',
    title: 'Mẫu Dự thảo Kế hoạch thực hiện CTMTQG NTM cấp xã',
    shortTitle: 'Mẫu Dự thảo Kế hoạch thực hiện CTMTQG NTM cấp xã',
    level: 'xa',
    unitKind: 'xa',
    source: { derivedFrom: 'II.7.A', reason: derivedReason },
    orientation: 'portrait',
    blocks: BLOCKS,
    ownText: ownTexts,
  };
}

/** Mẫu biểu II.7.B (listed at L970, not given): the commune's draft NTM plan, designed on II.7.A — the handbook period's edition. */
export const FORM_II_7_B: FormDefinition = buildIi7b({ decision: 'Quyết định 1980/QĐ-TTg', groups: NTM_COMMUNE_CRITERIA_1980 });
