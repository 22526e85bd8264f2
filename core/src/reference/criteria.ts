/**
 * The national criteria for a new-rural-development commune (Bộ tiêu chí quốc gia về xã nông thôn
 * mới) by program period, as a commune reports on them (II.7.B). Each set names its decision and
 * how it was checked (programs.ts, Verification); what could not be read in the decision itself
 * is printed with that said (forms/editions.ts).
 */
import type { ProgramPeriod } from '../port/types';
import type { Verification } from './programs';

export interface Criterion {
  readonly no: number;
  readonly name: string;
}

export interface CriteriaGroup {
  readonly code: string;
  readonly name: string;
  readonly criteria: readonly Criterion[];
}

export interface CriteriaSet {
  readonly period: ProgramPeriod;
  /** "Quyết định 1980/QĐ-TTg" as the forms cite it. */
  readonly decision: string;
  readonly legalBasis: string;
  readonly verified: Verification;
  readonly source?: string;
  /** Printed under the criteria when their wording is not the decision's own. */
  readonly caveat?: string;
  readonly groups: readonly CriteriaGroup[];
}

const g = (code: string, name: string, criteria: readonly [number, string][]): CriteriaGroup => ({ code, name, criteria: criteria.map(([no, n]) => ({ no, name: n })) });

const PLANNING = g('I', 'Quy hoạch', [[1, 'Quy hoạch']]);
const CULTURE = g('IV', 'Văn hóa - Xã hội - Môi trường', [
  [14, 'Giáo dục và Đào tạo'],
  [15, 'Y tế'],
  [16, 'Văn hóa'],
  [17, 'Môi trường và an toàn thực phẩm'],
]);
const POLITICS = g('V', 'Hệ thống chính trị', [
  [18, 'Hệ thống chính trị và tiếp cận pháp luật'],
  [19, 'Quốc phòng và An ninh'],
]);

/** 2016-2020: Quyết định 1980/QĐ-TTg ngày 17/10/2016 (SPEC §6): 19 criteria in 5 groups. */
const C_2016: CriteriaSet = {
  period: '2016-2020',
  decision: 'Quyết định 1980/QĐ-TTg',
  legalBasis: 'Quyết định số 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ',
  verified: 'chua-xac-minh',
  groups: [
    PLANNING,
    g('II', 'Hạ tầng kinh tế - xã hội', [
      [2, 'Giao thông'],
      [3, 'Thủy lợi'],
      [4, 'Điện'],
      [5, 'Trường học'],
      [6, 'Cơ sở vật chất văn hóa'],
      [7, 'Cơ sở hạ tầng thương mại nông thôn'],
      [8, 'Thông tin và Truyền thông'],
      [9, 'Nhà ở dân cư'],
    ]),
    g('III', 'Kinh tế và tổ chức sản xuất', [
      [10, 'Thu nhập'],
      [11, 'Hộ nghèo'],
      [12, 'Lao động có việc làm'],
      [13, 'Tổ chức sản xuất'],
    ]),
    CULTURE,
    POLITICS,
  ],
};

/**
 * 2021-2025: Quyết định 318/QĐ-TTg ngày 08/3/2022 (number, date and title read in the text): 19
 * criteria in 5 groups, names as two official news sources give them word for word (the annex
 * table itself could not be opened: capitalisation unconfirmed).
 */
const C_2021: CriteriaSet = {
  period: '2021-2025',
  decision: 'Quyết định 318/QĐ-TTg',
  legalBasis: 'Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ',
  verified: 'bao-chi',
  source: 'https://thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/thong-bao-van-ban-moi/email/39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025',
  groups: [
    PLANNING,
    g('II', 'Hạ tầng kinh tế - xã hội', [
      [2, 'Giao thông'],
      [3, 'Thủy lợi và phòng, chống thiên tai'],
      [4, 'Điện'],
      [5, 'Trường học'],
      [6, 'Cơ sở vật chất văn hóa'],
      [7, 'Cơ sở hạ tầng thương mại nông thôn'],
      [8, 'Thông tin và Truyền thông'],
      [9, 'Nhà ở dân cư'],
    ]),
    g('III', 'Kinh tế và tổ chức sản xuất', [
      [10, 'Thu nhập'],
      [11, 'Nghèo đa chiều'],
      [12, 'Lao động'],
      [13, 'Tổ chức sản xuất và phát triển kinh tế nông thôn'],
    ]),
    CULTURE,
    POLITICS,
  ],
};

/**
 * 2026-2030: Quyết định 51/2025/QĐ-TTg ngày 29/12/2025, in force 15/02/2026 (number, date and
 * title read on the Government portal): 10 criteria, 47 indicators, three groups of communes. The
 * names are the official news's (Thời báo Tài chính), the annex (Phụ lục I) could not be read:
 * printed with that said.
 */
const C_2026: CriteriaSet = {
  period: '2026-2030',
  decision: 'Quyết định 51/2025/QĐ-TTg',
  legalBasis: 'Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ (hiệu lực từ 15/02/2026)',
  verified: 'bao-chi',
  source: 'https://thoibaotaichinhvietnam.vn/ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-189751.html',
  caveat: 'Tên 10 tiêu chí ghi theo tin chính thức về Quyết định 51/2025/QĐ-TTg, chưa đối chiếu Phụ lục I của Quyết định; mỗi tiêu chí có chỉ tiêu riêng cho xã nhóm 1, nhóm 2, nhóm 3 (47 chỉ tiêu).',
  groups: [
    g('', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030', [
      [1, 'Quy hoạch'],
      [2, 'Hạ tầng kinh tế - xã hội'],
      [3, 'Phát triển kinh tế nông thôn'],
      [4, 'Đào tạo nguồn nhân lực nông thôn'],
      [5, 'Văn hóa, giáo dục, y tế'],
      [6, 'Giảm nghèo và an sinh xã hội'],
      [7, 'Khoa học công nghệ và chuyển đổi số'],
      [8, 'Môi trường và cảnh quan nông thôn'],
      [9, 'Xây dựng hệ thống chính trị và hành chính công'],
      [10, 'Tiếp cận pháp luật và an ninh, quốc phòng'],
    ]),
  ],
};

export const NTM_CRITERIA: Readonly<Record<ProgramPeriod, CriteriaSet>> = { '2016-2020': C_2016, '2021-2025': C_2021, '2026-2030': C_2026 };

/** Every criterion of a set, in order. */
export const ntmCriteriaList = (set: CriteriaSet): readonly Criterion[] => set.groups.flatMap((x) => x.criteria);
