/**
 * The seven planning steps of each level as data (SPEC §2), read from the handbook:
 * the calendar diagram (L40-L470, scrambled), the commune and village steps (L471-L763),
 * the district steps (L764-L841), the province steps (L842-L920) and Annex 2 (L3823+,
 * 5-year planning). `line` is the handbook line each entry comes from.
 *
 * Date rules are relative to the year the plan is made in (X = planYear - 1). "Week n of a
 * month" is days 7n-6..7n, week 4 running to the month's end (calendar.ts `weekRange`).
 * "Trước cuối tuần 2 tháng 5" (before the end of week 2 of May) is read as "by the end of".
 */
import type { FormId, Level } from '../../forms/types';

/**
 * A point in the planning year: the start or end of a week of a month (`week`), of a whole
 * month (no `week`, no `day`), or a given day (`day`, edge ignored).
 */
export interface DateRule {
  readonly month: number;
  readonly week?: 1 | 2 | 3 | 4;
  readonly day?: number;
  readonly edge: 'start' | 'end';
}

/** Who sends a form the step expects; absent: the level's own form. */
export type FormSource = 'thon' | 'ban-nganh' | 'xa' | 'huyen' | 'tinh';

export interface ExpectedFormDef {
  readonly form: FormId;
  readonly from?: FormSource;
  readonly line: number;
}

/** A result no sheet can show (a meeting held, a decision issued): ticked by hand. */
export interface ManualItemDef {
  /** Unique within the level, prefixed by its step or sub-item id: 'buoc1.1.tct-xa'. */
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly line: number;
}

/** The 5-year calendar of a step or sub-item (Annex 2), in year 4 of the previous period. */
export interface FiveYearDef {
  readonly start: DateRule;
  readonly due: DateRule;
  /** Annex 2's wording of the time; absent: described from the rules. */
  readonly when?: string;
  readonly line?: number;
  /** 'annex': Annex 2 gives this time; 'derived': Annex 2 is silent, placed to keep the order of the annual calendar. */
  readonly basis: 'annex' | 'derived';
}

/** A sub-item of a step: the handbook's numbered activities (1.1, 1.2 …, Công việc 1-3). */
export interface SubItemDef {
  /** 'buoc1.2' */
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  readonly line: number;
  /** The handbook's "Thời gian", word for word. */
  readonly when: string;
  readonly start: DateRule;
  readonly due: DateRule;
  /** 5-year dates; absent: the step's 5-year window. */
  readonly fiveYear?: Omit<FiveYearDef, 'basis'> & { readonly basis?: FiveYearDef['basis'] };
  readonly forms?: readonly ExpectedFormDef[];
  readonly manual?: readonly ManualItemDef[];
}

export interface StepDef {
  /** 'buoc1' … 'buoc7' */
  readonly id: string;
  readonly number: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** False for the village's steps 3, 4, 5, 7: the commune does them. */
  readonly applicable: boolean;
  /** The step's common name (L34-L40). */
  readonly name: string;
  readonly nameEn: string;
  /** The step's title as the handbook words it for this level. */
  readonly title: string;
  readonly titleEn: string;
  /** Line of the step's text for this level. */
  readonly line: number;
  /** Line of the step's box in the calendar diagram (L40-L470), when the level has one. */
  readonly calendarLine?: number;
  /** The handbook's time for the step (calendar box or "Thời gian"), word for word. */
  readonly when: string;
  readonly start: DateRule;
  readonly due: DateRule;
  readonly fiveYear: FiveYearDef;
  readonly items: readonly SubItemDef[];
  /** Results of the step itself (besides its sub-items'). */
  readonly forms?: readonly ExpectedFormDef[];
  readonly manual?: readonly ManualItemDef[];
  /** Why a step does not apply, or what to know about it. */
  readonly note?: string;
  readonly noteEn?: string;
}

// ---------------------------------------------------------------------------------------------
// Rule shorthands.

const wkStart = (month: number, week: 1 | 2 | 3 | 4): DateRule => ({ month, week, edge: 'start' });
const wkEnd = (month: number, week: 1 | 2 | 3 | 4): DateRule => ({ month, week, edge: 'end' });
const monStart = (month: number): DateRule => ({ month, edge: 'start' });
const monEnd = (month: number): DateRule => ({ month, edge: 'end' });
const onDay = (month: number, day: number): DateRule => ({ month, day, edge: 'end' });

const f = (form: FormId, line: number, from?: FormSource): ExpectedFormDef => (from === undefined ? { form, line } : { form, line, from });
const m = (id: string, label: string, labelEn: string, line: number): ManualItemDef => ({ id, label, labelEn, line });

/** The common names of the seven steps (L34-L40). */
export const STEP_NAMES: readonly { readonly name: string; readonly nameEn: string; readonly line: number }[] = [
  { name: 'Công tác chuẩn bị', nameEn: 'Preparation', line: 34 },
  { name: 'Thu thập thông tin', nameEn: 'Collecting information', line: 35 },
  { name: 'Tổng hợp và dự thảo kế hoạch', nameEn: 'Consolidating and drafting the plan', line: 36 },
  { name: 'Hội nghị lập kế hoạch', nameEn: 'Planning conference', line: 37 },
  { name: 'Trình và thảo luận kế hoạch', nameEn: 'Submitting and discussing the plan', line: 38 },
  { name: 'Cập nhật và phản hồi kế hoạch', nameEn: 'Updating the plan and feedback', line: 39 },
  { name: 'Hoàn thiện và ban hành kế hoạch', nameEn: 'Finalising and issuing the plan', line: 40 },
];

function named(n: StepDef['number']): Pick<StepDef, 'id' | 'number' | 'name' | 'nameEn'> {
  const s = STEP_NAMES[n - 1];
  return { id: `buoc${n}`, number: n, name: s.name, nameEn: s.nameEn };
}

const Y4 = '(năm thứ 4, kỳ KH 5 năm giai đoạn trước)';

// ---------------------------------------------------------------------------------------------
// Xã (commune): L471-L761; calendar L172-L257. The commune's headings of steps 1, 3 and 4 were
// lost in the text: those steps take their common names (L34-L40).

const XA: readonly StepDef[] = [
  {
    ...named(1),
    applicable: true,
    title: 'Công tác chuẩn bị',
    titleEn: 'Preparation',
    line: 474,
    calendarLine: 174,
    when: 'Trước cuối tuần 2 tháng 5',
    start: monStart(4),
    due: wkEnd(5, 2),
    fiveYear: { start: monStart(5), due: wkEnd(6, 1), when: `Tuần đầu tháng 6 ${Y4}`, line: 3831, basis: 'annex' },
    items: [
      {
        id: 'buoc1.1',
        title: 'Thành lập, kiện toàn tổ công tác LKH',
        titleEn: 'Set up or renew the planning working groups',
        line: 474,
        when: 'Chậm nhất vào tuần thứ 3 tháng 4 hàng năm.',
        start: monStart(4),
        due: wkEnd(4, 3),
        manual: [
          m('buoc1.1.tct-xa', 'Tổ công tác LKH cấp xã được thành lập hoặc kiện toàn', 'Commune planning working group set up or renewed', 479),
          m('buoc1.1.tct-thon', 'Chủ tịch UBND xã ra quyết định thành lập Tổ công tác LKH các thôn', 'Decision of the commune chair setting up the village working groups', 481),
        ],
      },
      {
        id: 'buoc1.2',
        title: 'Ban hành văn bản chỉ đạo về công tác LKH cấp xã hàng năm',
        titleEn: "Issue the commune's annual planning directive",
        line: 482,
        when: 'Chậm nhất tuần thứ 4 tháng 4 hàng năm.',
        start: monStart(4),
        due: wkEnd(4, 4),
        fiveYear: { start: wkStart(6, 1), due: wkEnd(6, 1), when: `Tuần đầu tháng 6 ${Y4}`, line: 3831 },
        forms: [f('II.1', 484), f('II.2', 485)],
        manual: [
          m(
            'buoc1.2.ban-hanh',
            'Văn bản chỉ đạo và Lịch triển khai được Chủ tịch UBND xã ký ban hành, gửi các ban ngành, đoàn thể và trưởng thôn',
            'Directive and calendar signed by the commune chair and sent to departments, unions and village heads',
            490,
          ),
        ],
      },
      {
        id: 'buoc1.3',
        title: 'Tổ chức cuộc họp Triển khai thu thập thông tin',
        titleEn: 'Hold the kick-off meeting for collecting information',
        line: 491,
        when: 'Chậm nhất vào tuần đầu tháng 5 hàng năm.',
        start: wkStart(5, 1),
        due: wkEnd(5, 1),
        manual: [
          m(
            'buoc1.3.hop',
            'Đã họp triển khai thu thập thông tin, hướng dẫn cách điền Biểu I.1, I.2, II.3, II.8',
            'Kick-off meeting held; forms I.1, I.2, II.3, II.8 explained',
            498,
          ),
        ],
      },
      {
        id: 'buoc1.4',
        title: 'Thông tin tuyên truyền',
        titleEn: 'Information and outreach',
        line: 500,
        when: 'Tháng 4 – tuần thứ 2 tháng 5 hàng năm.',
        start: monStart(4),
        due: wkEnd(5, 2),
        manual: [
          m('buoc1.4.tuyen-truyen', 'Tài liệu phát tay, bản tin, phát thanh về LKH', 'Handouts, bulletins and broadcasts about the planning', 502),
        ],
      },
    ],
  },
  {
    ...named(2),
    applicable: true,
    title: 'Thu thập thông tin',
    titleEn: 'Collecting information',
    line: 509,
    calendarLine: 201,
    when: 'Trước cuối tuần 3 tháng 5',
    start: wkStart(5, 2),
    due: wkEnd(5, 3),
    fiveYear: { start: wkStart(6, 2), due: monEnd(6), when: `Từ tuần thứ 2 tháng 6 đến cuối tháng 6 ${Y4}`, line: 3849, basis: 'annex' },
    items: [
      {
        id: 'buoc2.1',
        title: 'Thôn đề xuất hoạt động ưu tiên',
        titleEn: 'Villages propose priority activities',
        line: 510,
        when: 'Chậm nhất đến hết tuần thứ 3 tháng 5 hàng năm.',
        start: wkStart(5, 2),
        due: wkEnd(5, 3),
        forms: [f('I.1', 569, 'thon'), f('I.2', 570, 'thon'), f('I.3', 571, 'thon'), f('I.4', 514, 'thon')],
      },
      {
        id: 'buoc2.2',
        title: 'Các ban ngành, đơn vị trong xã đề xuất các hoạt động ưu tiên',
        titleEn: 'Commune departments and units propose priority activities',
        line: 600,
        when: 'Đến hết tuần thứ 3 tháng 5 hàng năm.',
        start: wkStart(5, 2),
        due: wkEnd(5, 3),
        forms: [f('II.8', 603, 'ban-nganh'), f('II.3', 604, 'ban-nganh')],
      },
    ],
  },
  {
    ...named(3),
    applicable: true,
    title: 'Tổng hợp và dự thảo kế hoạch',
    titleEn: 'Consolidating and drafting the plan',
    line: 627,
    calendarLine: 184,
    when: 'Trước cuối tuần 2 tháng 6',
    start: wkStart(5, 4),
    due: wkEnd(6, 2),
    fiveYear: { start: monStart(7), due: monEnd(8), when: `Từ đầu tháng 7 đến hết tháng 8 ${Y4}`, line: 3893, basis: 'annex' },
    items: [
      {
        id: 'buoc3.1',
        title: 'Tổng hợp thông tin',
        titleEn: 'Consolidate the information',
        line: 627,
        when: 'Tuần thứ 4 tháng 5 – tuần thứ 2 tháng 6 hàng năm.',
        start: wkStart(5, 4),
        due: wkEnd(6, 2),
        forms: [f('II.8', 629), f('II.4.A', 630), f('II.4.B', 630)],
      },
      {
        id: 'buoc3.2',
        title: 'Rà soát tính khả thi của các hoạt động đề xuất',
        titleEn: 'Review the feasibility of the proposed activities',
        line: 638,
        when: 'Tuần thứ 4 tháng 5 – tuần thứ 2 tháng 6 hàng năm (tiến hành cùng bước 3.1).',
        start: wkStart(5, 4),
        due: wkEnd(6, 2),
        forms: [f('II.4.A', 639), f('II.4.B', 639)],
        manual: [
          m(
            'buoc3.2.ra-soat',
            'Đã rà soát tính khả thi, điền dự kiến nguồn lực và mục tiêu của các hoạt động đề xuất',
            'Feasibility reviewed; expected resources and objectives filled in',
            643,
          ),
        ],
      },
      {
        id: 'buoc3.3',
        title: 'Xác minh nguồn vốn cho các hoạt động đề xuất',
        titleEn: 'Verify the funding of the proposed activities',
        line: 648,
        when: 'Tuần thứ 4 tháng 5 hàng năm – tuần thứ 2 tháng 6 (tiến hành cùng bước 3.1).',
        start: wkStart(5, 4),
        due: wkEnd(6, 2),
        forms: [f('III.1', 653, 'huyen'), f('II.6.A', 649), f('II.6.B', 649)],
      },
      {
        id: 'buoc3.4',
        title: 'Lập dự thảo kế hoạch thực hiện CTMTQG cấp xã năm X+1',
        titleEn: "Draft the commune's NTP implementation plan for year X+1",
        line: 663,
        when: 'Tuần thứ 2 tháng 6 hàng năm.',
        start: wkStart(6, 2),
        due: wkEnd(6, 2),
        forms: [f('II.7.A', 666), f('II.7.B', 666), f('II.4.A', 667), f('II.4.B', 668), f('II.6.A', 669), f('II.6.B', 670), f('II.6.C', 671), f('II.8', 672)],
        manual: [
          m(
            'buoc3.4.kh-ktxh',
            'Bản dự thảo KH PT KT-XH cấp xã năm X+1 (theo mẫu biểu do địa phương qui định)',
            "Draft of the commune's socio-economic development plan for year X+1 (local template)",
            665,
          ),
        ],
      },
    ],
  },
  {
    ...named(4),
    applicable: true,
    title: 'Hội nghị lập kế hoạch',
    titleEn: 'Planning conference',
    line: 678,
    calendarLine: 216,
    when: 'Trước cuối tuần 3 tháng 6',
    start: wkStart(6, 2),
    due: wkEnd(6, 3),
    fiveYear: { start: monStart(9), due: monEnd(9), when: `Tháng 9 ${Y4}`, line: 3922, basis: 'annex' },
    items: [
      {
        id: 'buoc4.1',
        title: 'Tổ chức hội nghị kế hoạch xã',
        titleEn: "Hold the commune's planning conference",
        line: 678,
        when: 'Trong 1 ngày, chậm nhất vào cuối tuần thứ 2 tháng 6 hàng năm',
        start: wkStart(6, 2),
        due: wkEnd(6, 2),
        forms: [f('II.9', 680), f('II.6.A', 681), f('II.6.B', 681)],
        manual: [
          m('buoc4.1.hoi-nghi', 'Đã tổ chức hội nghị kế hoạch xã', "The commune's planning conference was held", 678),
          m(
            'buoc4.1.xep-uu-tien',
            'Biểu II.6.A và II.6.B đã điều chỉnh và xếp ưu tiên hoạt động cần nguồn vốn bên ngoài',
            'II.6.A and II.6.B adjusted, activities needing outside money ranked',
            681,
          ),
        ],
      },
      {
        id: 'buoc4.2',
        title: 'Điều chỉnh bản dự thảo kế hoạch sau hội nghị',
        titleEn: 'Adjust the draft plan after the conference',
        line: 710,
        when: 'Tuần thứ 3 tháng 6 hàng năm.',
        start: wkStart(6, 3),
        due: wkEnd(6, 3),
        forms: [f('II.9', 715), f('II.7.A', 717), f('II.7.B', 717), f('II.6.A', 718), f('II.6.B', 719), f('II.6.C', 720)],
        manual: [m('buoc4.2.dieu-chinh', 'Đã điều chỉnh dự thảo kế hoạch theo kết quả hội nghị', 'Draft plan adjusted to the conference', 714)],
      },
    ],
  },
  {
    ...named(5),
    applicable: true,
    title: 'Trình và thảo luận dự thảo kế hoạch cấp xã',
    titleEn: "Submitting and discussing the commune's draft plan",
    line: 721,
    calendarLine: 226,
    when: 'Trước cuối tuần thứ tư tháng 6',
    start: wkStart(6, 3),
    due: wkEnd(6, 4),
    fiveYear: { start: monStart(9), due: monEnd(9), when: `Tháng 9 ${Y4}`, line: 3922, basis: 'annex' },
    items: [
      {
        id: 'buoc5.1',
        title: 'Trình và thảo luận dự thảo kế hoạch với Đảng ủy và HĐND xã',
        titleEn: "Present the draft to the commune's Party committee and People's Council",
        line: 723,
        when: 'Tuần thứ 3 tháng 6 hàng năm.',
        start: wkStart(6, 3),
        due: wkEnd(6, 3),
        manual: [
          m(
            'buoc5.1.trinh',
            'Đã họp với thường trực Đảng ủy, thường trực HĐND xã về dự thảo kế hoạch',
            "Draft discussed with the standing members of the Party committee and People's Council",
            726,
          ),
        ],
      },
      {
        id: 'buoc5.2',
        title: 'Báo cáo cấp huyện',
        titleEn: 'Report to the level above',
        line: 727,
        when: 'Tuần thứ tư tháng 6',
        start: wkStart(6, 4),
        due: wkEnd(6, 4),
        forms: [f('II.4.A', 733), f('II.4.B', 733), f('II.6.A', 733), f('II.6.B', 733)],
        manual: [
          m(
            'buoc5.2.gui-huyen',
            'Đã gửi dự thảo KH kèm các biểu tổng hợp cho UBND và BCĐ các CTMTQG cấp trên (bản cứng và file Excel)',
            'Draft plan and summary forms sent to the level above (paper and Excel file)',
            732,
          ),
        ],
      },
    ],
  },
  {
    ...named(6),
    applicable: true,
    title: 'Cập nhật, phản hồi kế hoạch cấp xã',
    titleEn: "Updating the commune's plan and feedback",
    line: 734,
    calendarLine: 247,
    when: 'Từ Tháng 11 – tháng 12',
    start: monStart(11),
    due: monEnd(12),
    fiveYear: { start: monStart(10), due: monEnd(10), when: `Tháng 10 ${Y4}`, line: 3941, basis: 'annex' },
    items: [
      {
        id: 'buoc6.1',
        title: 'Cập nhật kế hoạch',
        titleEn: 'Update the plan',
        line: 736,
        when: 'Tháng 11 – tháng 12 hàng năm.',
        start: monStart(11),
        due: monEnd(12),
        forms: [f('II.7.A', 737), f('II.7.B', 737), f('II.6.A', 737), f('II.6.B', 737), f('II.6.C', 737), f('II.8', 737)],
        manual: [
          m(
            'buoc6.1.phan-hoi-huyen',
            'Đã nhận phiếu phản hồi của cấp trên về dự thảo kế hoạch và các chỉ tiêu kế hoạch dự kiến',
            "The level above's feedback and expected targets received",
            728,
          ),
          m(
            'buoc6.1.cap-nhat',
            'Đã cập nhật kế hoạch theo tình hình 6 tháng cuối năm, phản hồi và chỉ tiêu dự kiến từ cấp trên',
            'Plan updated to the second half-year, the feedback and the targets from the level above',
            739,
          ),
        ],
      },
      {
        id: 'buoc6.2',
        title: 'Phản hồi nội dung kế hoạch cho cộng đồng và các bên liên quan trong xã',
        titleEn: 'Feed the plan back to the community and stakeholders',
        line: 740,
        when: 'Tháng 11 – tháng 12 hàng năm.',
        start: monStart(11),
        due: monEnd(12),
        forms: [f('II.10', 742)],
        manual: [
          m(
            'buoc6.2.bien-ban',
            'Biên bản lấy ý kiến của cộng đồng, cơ quan, đơn vị về dự thảo kế hoạch',
            'Minutes of the comments of the community and units on the draft',
            743,
          ),
          m('buoc6.2.cap-nhat', 'Dự thảo kế hoạch được cập nhật sau phản hồi', 'Draft updated after the feedback', 744),
        ],
      },
    ],
  },
  {
    ...named(7),
    applicable: true,
    title: 'Hoàn thiện, phê duyệt và ban hành kế hoạch cấp xã',
    titleEn: "Finalising, approving and issuing the commune's plan",
    line: 751,
    calendarLine: 239,
    when: 'Trước ngày 31/12 hàng năm.',
    start: monStart(12),
    due: onDay(12, 31),
    fiveYear: { start: monStart(12), due: monEnd(12), when: `Tháng 12 ${Y4}`, line: 3958, basis: 'annex' },
    items: [],
    manual: [
      m(
        'buoc7.to-trinh',
        'Tờ trình kế hoạch thực hiện CTMTQG và kế hoạch PT KT-XH năm X+1 gửi HĐND xã hoặc cơ quan cấp trên có thẩm quyền',
        "Submission of the plans for year X+1 to the commune People's Council or the competent upper level",
        753,
      ),
      m('buoc7.quyet-dinh', 'Quyết định ban hành kế hoạch của UBND xã', "Commune People's Committee decision issuing the plan", 754),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Thôn (village): its parts of the commune's steps 1, 2 and 6 (L474-L598, L748). The calendar's
// village row (L259, L473) is empty; steps 3, 4, 5, 7 are the commune's work.

function notApplicable(n: StepDef['number'], note: string, noteEn: string): StepDef {
  const x = XA[n - 1];
  return {
    ...named(n),
    applicable: false,
    title: x.name,
    titleEn: x.nameEn,
    line: x.line,
    when: x.when,
    start: x.start,
    due: x.due,
    fiveYear: x.fiveYear,
    items: [],
    note,
    noteEn,
  };
}

const THON: readonly StepDef[] = [
  {
    ...named(1),
    applicable: true,
    title: 'Thành lập, kiện toàn tổ công tác LKH',
    titleEn: 'Set up or renew the village planning working group',
    line: 474,
    when: 'Chậm nhất vào tuần thứ 3 tháng 4 hàng năm.',
    start: monStart(4),
    due: wkEnd(4, 3),
    fiveYear: { start: wkStart(6, 1), due: wkEnd(6, 2), line: 3857, basis: 'derived' },
    items: [],
    manual: [
      m(
        'buoc1.tct-thon',
        'Tổ công tác LKH thôn được thành lập theo quyết định của Chủ tịch UBND xã, có ít nhất 2 thành viên nữ',
        'Village working group set up by decision of the commune chair, with at least 2 women',
        481,
      ),
      m('buoc1.thong-bao', 'Danh sách thành viên tổ đã được thông báo tới người dân trong thôn', "The group's members announced to the villagers", 481),
    ],
  },
  {
    ...named(2),
    applicable: true,
    title: 'Thôn đề xuất hoạt động ưu tiên',
    titleEn: 'The village proposes priority activities',
    line: 510,
    when: 'Chậm nhất đến hết tuần thứ 3 tháng 5 hàng năm.',
    start: wkStart(5, 2),
    due: wkEnd(5, 3),
    fiveYear: { start: wkStart(6, 2), due: monEnd(6), when: `Từ tuần thứ 2 tháng 6 đến cuối tháng 6 ${Y4}`, line: 3849, basis: 'annex' },
    items: [
      {
        id: 'buoc2.cv1',
        title: 'Thảo luận với nhóm người nghèo/nhóm đặc thù',
        titleEn: 'Discussion with the poor / specific groups',
        line: 511,
        when: 'Trong nửa ngày, vào thời điểm trước buổi họp trù bị ở thôn, chậm nhất tuần thứ 3 tháng 5 hàng năm',
        start: wkStart(5, 2),
        due: wkEnd(5, 3),
        forms: [f('I.4', 514)],
      },
      {
        id: 'buoc2.cv2',
        title: 'Họp nhóm xây dựng kế hoạch (họp trù bị)',
        titleEn: 'Preparatory meeting of the working group',
        line: 533,
        when: 'Đến hết tuần thứ 3 tháng 5 hàng năm.',
        start: wkStart(5, 2),
        due: wkEnd(5, 3),
        forms: [f('I.2', 536)],
        manual: [
          m(
            'buoc2.cv2.thong-nhat',
            'Đã thống nhất thời gian, địa điểm họp thôn và phân công nhiệm vụ',
            'Time and place of the village meeting agreed, tasks assigned',
            538,
          ),
        ],
      },
      {
        id: 'buoc2.cv3',
        title: 'Họp thôn xây dựng kế hoạch đề xuất',
        titleEn: 'Village meeting on the proposed plan',
        line: 566,
        when: 'Tổ chức họp thôn trong 1 buổi theo thời gian thống nhất tại buổi họp trù bị, chậm nhất đến hết tuần thứ 3 tháng 5 hàng năm.',
        start: wkStart(5, 2),
        due: wkEnd(5, 3),
        forms: [f('I.1', 569), f('I.2', 570), f('I.3', 571)],
        manual: [m('buoc2.cv3.gui-xa', 'Đã gửi 1 bộ Biểu I.1, I.2, I.3 cho TCT LKH xã', 'A set of I.1, I.2, I.3 sent to the commune working group', 597)],
      },
    ],
  },
  notApplicable(3, 'Do Tổ công tác LKH xã thực hiện.', 'Done by the commune working group.'),
  notApplicable(4, 'Trưởng thôn, bí thư thôn dự Hội nghị kế hoạch xã.', "Village heads attend the commune's planning conference."),
  notApplicable(5, 'Do UBND xã thực hiện.', "Done by the commune People's Committee."),
  {
    ...named(6),
    applicable: true,
    title: 'Phản hồi nội dung kế hoạch cho cộng đồng và các bên liên quan trong xã',
    titleEn: "Feedback on the commune's plan to the community",
    line: 740,
    when: 'Tháng 11 – tháng 12 hàng năm.',
    start: monStart(11),
    due: monEnd(12),
    fiveYear: { start: monStart(10), due: monEnd(10), when: `Tháng 10 ${Y4}`, line: 3941, basis: 'annex' },
    items: [],
    manual: [
      m(
        'buoc6.hop-dan',
        'Đã họp dân thông báo dự thảo kế hoạch xã (Biểu II.10) và ghi nhận ý kiến',
        "Villagers' meeting on the commune's draft plan (II.10) held, comments recorded",
        748,
      ),
    ],
  },
  notApplicable(
    7,
    'UBND xã thông báo kế hoạch cho các trưởng thôn để phổ biến cho nhân dân.',
    'The commune informs village heads of the plan, to tell the villagers.',
  ),
];

// ---------------------------------------------------------------------------------------------
// Huyện (district): L764-L841; calendar L110-L170 (boxes of steps 2/3 and 5/6 swapped in the
// text; the step texts settle their order). Annex 2 gives only step 3's 5-year time.

const HUYEN: readonly StepDef[] = [
  {
    ...named(1),
    applicable: true,
    title: 'Công tác chuẩn bị',
    titleEn: 'Preparation',
    line: 764,
    calendarLine: 112,
    when: 'Cuối tháng 4 đến tuần đầu tháng 5 hàng năm.',
    start: wkStart(4, 4),
    due: wkEnd(5, 1),
    fiveYear: { start: monStart(5), due: wkEnd(5, 4), basis: 'derived' },
    items: [],
    manual: [
      m('buoc1.tct', 'Kiện toàn tổ công tác lập kế hoạch cấp huyện', 'District planning working group renewed', 766),
      m(
        'buoc1.van-ban',
        'Văn bản chỉ đạo của huyện về LKH PT KT-XH hàng năm, trong đó lồng ghép LKH CTMTQG',
        "The district's planning directive, including NTP planning",
        767,
      ),
    ],
  },
  {
    ...named(2),
    applicable: true,
    title: 'Xây dựng định hướng lập kế hoạch CTMTQG',
    titleEn: 'Building the orientation for NTP planning',
    line: 774,
    calendarLine: 126,
    when: 'Tuần thứ 3 tháng 5 hàng năm.',
    start: wkStart(5, 3),
    due: wkEnd(5, 3),
    fiveYear: { start: wkStart(6, 1), due: wkEnd(6, 1), basis: 'derived' },
    items: [],
    forms: [f('IV.1', 780, 'tinh')],
    manual: [
      m(
        'buoc2.dinh-huong',
        'Định hướng về kế hoạch thực hiện các CTMTQG năm X+1 trên địa bàn huyện được xây dựng',
        "The district's orientation for the NTP plans of year X+1 built",
        776,
      ),
    ],
  },
  {
    ...named(3),
    applicable: true,
    title: 'UBND huyện cung cấp thông tin định hướng LKH hàng năm cho ban ngành cấp huyện và cho các xã',
    titleEn: 'The district provides planning orientation to its departments and the communes',
    line: 784,
    calendarLine: 120,
    when: 'Cuối tháng 5 - đầu tháng 6 hàng năm.',
    start: wkStart(5, 4),
    due: wkEnd(6, 1),
    fiveYear: { start: wkStart(6, 2), due: monEnd(6), when: `Từ tuần thứ 2 tháng 6 đến cuối tháng 6 ${Y4}`, line: 3874, basis: 'annex' },
    items: [],
    forms: [f('III.1', 789)],
    manual: [
      m(
        'buoc3.van-ban',
        'UBND huyện ban hành văn bản định hướng lập kế hoạch cho các ban ngành cấp huyện và các xã',
        'Orientation document issued to district departments and communes',
        786,
      ),
    ],
  },
  {
    ...named(4),
    applicable: true,
    title: 'Xây dựng kế hoạch CTMTQG cấp huyện',
    titleEn: "Building the district's NTP plan",
    line: 794,
    calendarLine: 135,
    when: 'Tuần thứ 4 tháng 6 hàng năm.',
    start: wkStart(6, 4),
    due: wkEnd(6, 4),
    fiveYear: { start: wkStart(9, 4), due: wkEnd(9, 4), basis: 'derived' },
    items: [],
    forms: [f('II.6.A', 800, 'xa'), f('II.6.B', 800, 'xa')],
    manual: [
      m(
        'buoc4.tham-dinh',
        'Các phòng ban chuyên môn đã thẩm định các hoạt động do các xã đề xuất',
        "District departments appraised the communes' proposed activities",
        801,
      ),
      m(
        'buoc4.du-thao',
        'Dự thảo KH các CTMTQG cấp huyện năm X+1 (phòng NN-PTNT và phòng LĐ-TBXH)',
        "Draft of the district's NTP plans for year X+1",
        796,
      ),
    ],
  },
  {
    ...named(5),
    applicable: true,
    title: 'Tổng hợp KH CTMTQG vào KH PT KT-XH cấp huyện',
    titleEn: "Folding the NTP plan into the district's socio-economic plan",
    line: 805,
    calendarLine: 158,
    when: 'Tuần đầu tiên tháng 7 hàng năm.',
    start: wkStart(7, 1),
    due: wkEnd(7, 1),
    fiveYear: { start: wkStart(10, 1), due: wkEnd(10, 1), basis: 'derived' },
    items: [],
    manual: [
      m(
        'buoc5.du-thao',
        'Dự thảo KH PT KT-XH cấp huyện năm X+1 (lần 1), lồng ghép nội dung chính của KH thực hiện các CTMTQG',
        "First draft of the district's socio-economic plan for year X+1, with the NTP plans",
        807,
      ),
    ],
  },
  {
    ...named(6),
    applicable: true,
    title: 'Hội nghị LKH cấp huyện và phản hồi cho các xã',
    titleEn: 'District planning conference and feedback to the communes',
    line: 811,
    calendarLine: 146,
    when: 'Tuần thứ 2 tháng 7 hàng năm.',
    start: wkStart(7, 2),
    due: wkEnd(7, 2),
    fiveYear: { start: wkStart(10, 2), due: wkEnd(10, 2), basis: 'derived' },
    items: [],
    manual: [
      m('buoc6.hoi-nghi', 'Đã tổ chức Hội nghị LKH cấp huyện', 'District planning conference held', 816),
      m('buoc6.chinh-sua', 'Đã chỉnh sửa bản KH PT KT-XH và KH CTMTQG cấp huyện sau Hội nghị', 'District plans revised after the conference', 827),
      m(
        'buoc6.phan-hoi',
        'Đã gửi Phiếu phản hồi cho các xã, kèm các chỉ tiêu kế hoạch và ngân sách CTMTQG dự kiến',
        'Feedback sent to each commune with expected targets and NTP budget',
        831,
      ),
    ],
  },
  {
    ...named(7),
    applicable: true,
    title: 'Cập nhật, hoàn thiện và phê duyệt kế hoạch cấp huyện',
    titleEn: "Updating, finalising and approving the district's plan",
    line: 832,
    calendarLine: 165,
    when: 'Từ tháng 8 đến tháng 12 hàng năm.',
    start: monStart(8),
    due: monEnd(12),
    fiveYear: { start: monStart(11), due: monEnd(12), basis: 'derived' },
    items: [],
    manual: [
      m(
        'buoc7.cong-van',
        'Giữa tháng 11: công văn đề nghị các phòng ban và các xã cập nhật dự thảo KH',
        'Mid-November: letter asking departments and communes to update their drafts',
        838,
      ),
      m('buoc7.hdnd', 'KH cấp huyện được HĐND huyện thông qua tại kỳ họp cuối năm', "District plans adopted by the district People's Council", 840),
      m('buoc7.thong-bao', 'Đã thông báo KH cho các xã', 'Plans announced to the communes', 840),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Tỉnh (province): L842-L920; calendar L52-L108. Annex 2 gives no province times: its 5-year
// calendar is derived to follow the districts'.

const TINH: readonly StepDef[] = [
  {
    ...named(1),
    applicable: true,
    title: 'Công tác chuẩn bị',
    titleEn: 'Preparation',
    line: 842,
    calendarLine: 54,
    when: 'Cuối tháng 4, tuần đầu tháng 5 hàng năm.',
    start: wkStart(4, 4),
    due: wkEnd(5, 1),
    fiveYear: { start: monStart(5), due: wkEnd(5, 4), basis: 'derived' },
    items: [],
    manual: [
      m('buoc1.tct', 'Thành lập và duy trì TCT LKH cấp tỉnh', 'Provincial planning working group set up', 844),
      m(
        'buoc1.bcd',
        'BCĐ các CTMTQG cấp tỉnh thống nhất định hướng cơ cấu phân bổ vốn CTMTQG trong năm',
        "The NTP steering committee agreed the year's allocation structure",
        845,
      ),
      m('buoc1.chi-thi', 'UBND tỉnh ban hành chỉ thị LKH các cấp hàng năm', 'Provincial directive on planning issued', 846),
      m('buoc1.huong-dan', 'Sở KH-ĐT ban hành hướng dẫn LKH', 'Planning guidance of the Department of Planning and Investment issued', 857),
    ],
  },
  {
    ...named(2),
    applicable: true,
    title: 'Sở KH-ĐT chủ trì cung cấp thông tin định hướng lập kế hoạch CTMTQG',
    titleEn: 'The Department of Planning and Investment provides the NTP planning orientation',
    line: 861,
    calendarLine: 64,
    when: 'Tuần thứ 2 đến tuần 3 của tháng 5 hàng năm.',
    start: wkStart(5, 2),
    due: wkEnd(5, 3),
    fiveYear: { start: wkStart(6, 1), due: wkEnd(6, 1), basis: 'derived' },
    items: [],
    forms: [f('IV.1', 866)],
  },
  {
    ...named(3),
    applicable: true,
    title: 'Sở LĐ-TBXH và Sở NN-PTNT xây dựng kế hoạch CTMTQG cấp tỉnh',
    titleEn: 'The departments of Labour and of Agriculture build the provincial NTP plan',
    line: 881,
    calendarLine: 73,
    when: 'Từ tuần 2 đến tuần 4 của tháng 6.',
    start: wkStart(6, 2),
    due: wkEnd(6, 4),
    fiveYear: { start: wkStart(10, 3), due: monEnd(10), basis: 'derived' },
    items: [],
    manual: [
      m('buoc3.nhan-du-thao', 'Đã nhận bản dự thảo KH CTMTQG (lần 1) do các huyện gửi lên', "Districts' first drafts received", 886),
      m('buoc3.du-thao', 'Dự thảo KH cấp tỉnh thực hiện CTMTQG năm X+1', 'Draft provincial NTP plan for year X+1', 882),
    ],
  },
  {
    ...named(4),
    applicable: true,
    title: 'Hội nghị LKH CTMTQG cấp tỉnh và phản hồi cho các huyện',
    titleEn: 'Provincial NTP planning conference and feedback to the districts',
    line: 889,
    calendarLine: 89,
    when: 'Đầu tuần 1 của tháng 7 hàng năm.',
    start: wkStart(7, 1),
    due: wkEnd(7, 1),
    fiveYear: { start: wkStart(11, 1), due: wkEnd(11, 1), basis: 'derived' },
    items: [],
    manual: [
      m(
        'buoc4.hoi-nghi',
        'Đã tổ chức Hội nghị LKH CTMTQG (Sở NN-PTNT: CT NTM; Sở LĐ-TBXH: CT GNBV)',
        'NTP planning conferences held (Agriculture: NTM; Labour: GNBV)',
        894,
      ),
      m('buoc4.phan-hoi', 'Đã gửi Văn bản phản hồi về KH CTMTQG cho các huyện', 'Feedback on the NTP plans sent to the districts', 902),
    ],
  },
  {
    ...named(5),
    applicable: true,
    title: 'Tổng hợp KH CTMTQG vào KH PT KT-XH cấp tỉnh',
    titleEn: "Folding the NTP plan into the province's socio-economic plan",
    line: 903,
    calendarLine: 95,
    when: 'Từ tuần 1 đến hết tuần 2 của tháng 7 hàng năm.',
    start: wkStart(7, 1),
    due: wkEnd(7, 2),
    fiveYear: { start: wkStart(11, 1), due: wkEnd(11, 2), basis: 'derived' },
    items: [],
    manual: [
      m(
        'buoc5.tong-hop',
        'Nội dung chính của dự thảo KH CTMTQG năm X+1 được tổng hợp vào KH PT KT-XH cấp tỉnh',
        "The NTP draft's main content folded into the provincial socio-economic plan",
        904,
      ),
    ],
  },
  {
    ...named(6),
    applicable: true,
    title: 'Tổ chức hội nghị LKH PT KT-XH cấp tỉnh',
    titleEn: 'Provincial socio-economic planning conference',
    line: 910,
    calendarLine: 83,
    when: 'Trước 20/7 hàng năm.',
    start: wkStart(7, 3),
    due: onDay(7, 20),
    fiveYear: { start: wkStart(11, 3), due: onDay(11, 20), basis: 'derived' },
    items: [],
    manual: [
      m('buoc6.hoi-nghi', 'Đã tổ chức Hội nghị LKH PT KT-XH cấp tỉnh', 'Provincial socio-economic planning conference held', 911),
      m(
        'buoc6.gui-bo',
        'Đã gửi dự thảo KH PT KT-XH (lần 1) lên Bộ KH-ĐT và Bộ TC',
        'First draft sent to the Ministries of Planning and Investment and of Finance',
        916,
      ),
    ],
  },
  {
    ...named(7),
    applicable: true,
    title: 'Cập nhật, hoàn thiện và phê duyệt kế hoạch cấp tỉnh',
    titleEn: "Updating, finalising and approving the province's plan",
    line: 917,
    calendarLine: 103,
    when: 'Từ tháng 8 - tháng 12 hàng năm',
    start: monStart(8),
    due: monEnd(12),
    fiveYear: { start: monStart(12), due: monEnd(12), basis: 'derived' },
    items: [],
    manual: [
      m('buoc7.hdnd', 'KH PT KT-XH tỉnh được HĐND tỉnh thông qua tại kỳ họp cuối năm', "Provincial plan adopted by the provincial People's Council", 918),
      m(
        'buoc7.phe-duyet',
        'KH thực hiện CTMTQG được UBND tỉnh phê duyệt và thông báo cho các huyện',
        'NTP plans approved by the province and announced to the districts',
        919,
      ),
    ],
  },
];

/** The step tables of the four levels. */
export const STEPS: Readonly<Record<Level, readonly StepDef[]>> = { thon: THON, xa: XA, huyen: HUYEN, tinh: TINH };
