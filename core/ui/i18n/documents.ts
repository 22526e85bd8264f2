/**
 * The Văn bản screen's words (DocumentsScreen.tsx), Vietnamese and English. Kept apart from vi.ts
 * and en.ts so that they load with the screen (LkhPane loads it with React.lazy), not with the
 * pane: the Excel pane's first load has a budget (scripts/build-excel.mjs). English is typed
 * against Vietnamese, as en.ts is.
 */
import type { Lang } from './I18nProvider';

const vn = (x: number): string => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(x);
const enN = (x: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(x);

const vi = {
  title: 'Văn bản của kế hoạch',
  intro: 'Soạn từ sổ tính này (kế hoạch đã tổng hợp và các biểu của thôn): tải về, xã sửa và ký. Sổ tính không bị thay đổi.',
  contains: 'Nội dung',
  leaves: 'Xã tự viết',
  word: 'Word (.docx)',
  sheet: 'Bảng tính (.xlsx)',
  download: (code: string): string => `Tải ${code}`,
  downloadHandout: 'Tải tài liệu hội nghị',
  handoutSheet: 'Tạo trang có biểu đồ trong sổ tính',
  handoutSheetBusy: 'Đang tạo trang tóm tắt và biểu đồ…',
  handoutSheetDone: (sheet: string, charts: number, kept?: string): string =>
    `Đã tạo trang "${sheet}" với ${vn(charts)} biểu đồ của Excel; in trang này để phát tại hội nghị.${kept ? ` Trang trước được giữ thành "${kept}".` : ''}`,
  handout: 'tài liệu hội nghị',
  unavailable: 'Nơi mở sổ tính này chưa tải được văn bản.',
  drafting: (code: string): string => `Đang soạn ${code}…`,
  downloaded: (file: string): string => `Đã tải "${file}".`,
  blanks: (count: number): string => `Còn ${vn(count)} chỗ "………" để xã tự viết.`,
  missing: (sheets: string): string => `Sổ tính chưa có ${sheets}: các phần lấy từ những biểu này để trống.`,
  items: {
    'II.7.A': {
      name: 'II.7.A – Dự thảo kế hoạch giảm nghèo bền vững',
      contains: 'Khó khăn, nguyên nhân, giải pháp chép từ II.4.A; hoạt động của II.6.A, II.6.B và nhu cầu vốn II.6.C, có phụ lục in các biểu.',
      leaves: 'Kết quả năm trước, dự báo, mục tiêu chung, chỉ tiêu, vốn cấp trên giao, tổ chức thực hiện (các chỗ "………" có ghi chú hướng dẫn).',
    },
    'II.7.B': {
      name: 'II.7.B – Dự thảo kế hoạch xây dựng nông thôn mới',
      contains: 'Như II.7.A, theo các tiêu chí nông thôn mới của giai đoạn kế hoạch; hoạt động của II.6.A, II.6.B, II.6.C.',
      leaves: 'Kết quả thực hiện các tiêu chí, dự báo, mục tiêu, chỉ tiêu, vốn cấp trên giao, tổ chức thực hiện.',
    },
    'II.10': {
      name: 'II.10 – Phản hồi kế hoạch cho các thôn',
      contains: 'Mỗi thôn một phần: đề xuất nào đã vào II.6.A, II.6.B, được gộp, hay bị trả lại và vì sao.',
      leaves: 'Ngày văn bản, họ tên người ký; xem lại lời văn trước khi gửi từng thôn.',
    },
    'II.1': {
      name: 'II.1 – Phiếu đánh giá công tác lập kế hoạch',
      contains: 'Chấm sẵn các tiêu chí sổ tính trả lời được (thôn gửi đủ biểu, số hộ và phụ nữ dự họp, III.1, II.6.A, II.6.B), bằng chứng ở cột Ghi chú.',
      leaves: 'Các tiêu chí còn lại; tiêu chí 14 cần so với kế hoạch năm trước.',
    },
    'II.2': {
      name: 'II.2 – Văn bản chỉ đạo và lịch triển khai',
      contains: '15 hoạt động lập kế hoạch, ngày theo bảy bước của năm kế hoạch (kể cả ngày xã đã sửa ở Các bước).',
      leaves: 'Ngày ký, người phụ trách các hoạt động 6-15.',
    },
    'II.8': {
      name: 'II.8 – Số liệu cơ bản của xã',
      contains: 'Cộng từ Biểu I.1 của các thôn ở những chỉ tiêu cộng được (hộ, hộ nghèo, dân số, đất), ghi rõ từng thôn.',
      leaves: 'Các chỉ tiêu không cộng được từ số liệu của thôn.',
    },
    handout: {
      name: 'Tài liệu phát tại hội nghị kế hoạch xã',
      contains: '1-2 trang A4 có biểu đồ thanh: nguồn lực theo chủ đề và nguồn vốn, tỷ lệ cho hoạt động của thôn so với 75%, II.6.B theo thứ tự ưu tiên.',
      leaves: 'Không cần viết thêm: in trước hội nghị (bước 4).',
    },
  },
};

export type DocumentsStrings = typeof vi;

const en: DocumentsStrings = {
  title: 'Documents of the plan',
  intro: 'Drafted from this workbook (the consolidated plan and the villages\' forms): download, then the commune edits and signs. The workbook is not changed.',
  contains: 'Contains',
  leaves: 'Left to the commune',
  word: 'Word (.docx)',
  sheet: 'Spreadsheet (.xlsx)',
  download: (code: string): string => `Download ${code}`,
  downloadHandout: 'Download the handout',
  handoutSheet: 'Add a sheet with charts to the workbook',
  handoutSheetBusy: 'Writing the summary sheet and its charts…',
  handoutSheetDone: (sheet: string, charts: number, kept?: string): string =>
    `Created the sheet "${sheet}" with ${enN(charts)} Excel chart${charts === 1 ? '' : 's'}; print it to hand out at the conference.${kept ? ` The previous one is kept as "${kept}".` : ''}`,
  handout: 'the handout',
  unavailable: 'Documents cannot be downloaded where this workbook is open yet.',
  drafting: (code: string): string => `Drafting ${code}…`,
  downloaded: (file: string): string => `Downloaded "${file}".`,
  blanks: (count: number): string => `${enN(count)} places "………" left for the commune to write.`,
  missing: (sheets: string): string => `The workbook has no ${sheets}: the parts taken from them are left blank.`,
  items: {
    'II.7.A': {
      name: 'II.7.A – Draft sustainable poverty reduction plan',
      contains: 'Difficulties, causes and solutions copied from II.4.A; the activities of II.6.A and II.6.B and the needs of II.6.C, with the forms as annexes.',
      leaves: "Last year's results, forecast, overall goal, indicators, funds from the level above, organisation (each \"………\" has a guidance note).",
    },
    'II.7.B': {
      name: 'II.7.B – Draft new rural development plan',
      contains: "As II.7.A, under the new rural development criteria of the plan's period; the activities of II.6.A, II.6.B, II.6.C.",
      leaves: 'Results on the criteria, forecast, goals, indicators, funds from the level above, organisation.',
    },
    'II.10': {
      name: 'II.10 – Feedback on the plan to the villages',
      contains: 'A part per village: which proposals went into II.6.A or II.6.B, were merged, or were returned and why.',
      leaves: "The document's date and the signer's name; read it over before sending it to each village.",
    },
    'II.1': {
      name: 'II.1 – Assessment of the planning work',
      contains: 'The criteria the workbook answers scored (villages sent their forms, households and women at meetings, III.1, II.6.A, II.6.B), the evidence in Ghi chú.',
      leaves: "The other criteria; criterion 14 needs last year's plan to compare with.",
    },
    'II.2': {
      name: 'II.2 – Directive and schedule',
      contains: "The 15 planning activities dated from the seven steps of the plan year (the commune's own changes in Steps included).",
      leaves: 'The signing date, who is responsible for activities 6-15.',
    },
    'II.8': {
      name: 'II.8 – Basic data of the commune',
      contains: "Summed from the villages' I.1 where indicators add up (households, poor households, population, land), naming each village.",
      leaves: "The indicators the villages' figures cannot give.",
    },
    handout: {
      name: 'Handout for the commune planning conference',
      contains: "1-2 A4 pages with bars: money by topic and by source, the villages' share against 75%, II.6.B by priority.",
      leaves: 'Nothing to write: print it before the conference (step 4).',
    },
  },
};

export const DOCUMENTS_STRINGS: Readonly<Record<Lang, DocumentsStrings>> = { vi, en };
