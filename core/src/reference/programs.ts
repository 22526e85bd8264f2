/**
 * Programs, projects and other named sources of money, by program period (HOSTS.md, last
 * section; SPEC §6): what communes write in "Tên nguồn vốn" and "Ghi chú", the II.6.C line each
 * sums into and the III.1 rows each counts against. Typed data, checked when loaded (STYLE.md §3):
 * unique ids, parents that exist, no alias shared by two entries, II.6.C and III.1 keys that
 * exist in the form catalogue.
 */
import { FORM_II_6_C } from '../forms/catalogue/ii-6-c';
import { FORM_III_1 } from '../forms/catalogue/iii-1';
import { editionsOf } from '../forms/editions';
import type { TableBlock } from '../forms/types';
import type { ProgramPeriod } from '../port/types';
import { foldKey } from '../text';

export type { ProgramPeriod };

export const PROGRAM_PERIODS: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];

export type ProgramKind = 'ctmtqg' | 'ctmtqg-project' | 'province' | 'district' | 'commune' | 'oda-ngo' | 'other';

/**
 * The II.6.C line (key of ii-6-c.ts) a source's money sums into; 'programme-other' is the
 * handbook's "…" line under III, one line per program. No line: the money is the commune's own
 * (I or II of II.6.C, by kind of spending).
 */
export type Ii6cProgrammeLine =
  | 'programme-gnbv'
  | 'programme-ntm'
  | 'programme-dtts'
  | 'programme-ctmtqg'
  | 'programme-167'
  | 'programme-rural-water'
  | 'programme-oda-ngo'
  | 'programme-other';

/** III.1 source rows (keys of iii-1.ts without the -dau-tu / -su-nghiep suffix). */
export type Iii1Row = 'chi-thuong-xuyen' | 'gnbv' | 'ntm' | 'dtts' | 'ctmtqg' | 'tinh' | 'huyen' | 'oda-ngo' | 'khac';

/**
 * How far an entry was checked against the published text (the brief: every legal name, number and
 * date checked, and what could not be confirmed shown as such):
 *   'van-ban'   read in the legal text, or a full-text copy of it (official portal, legal database);
 *   'bao-chi'   read in official news or the press quoting the text, not in the text itself;
 *   'chua-xac-minh' not found in any source reached: shown as unconfirmed wherever it is shown.
 */
export type Verification = 'van-ban' | 'bao-chi' | 'chua-xac-minh';

export const VERIFICATION_LABELS: Readonly<Record<Verification, string>> = {
  'van-ban': 'Đã đối chiếu văn bản',
  'bao-chi': 'Đối chiếu qua tin chính thức/báo chí, chưa đọc văn bản gốc',
  'chua-xac-minh': 'Chưa xác minh',
};

/** One text cited as a legal basis, with how it was checked. */
export interface BasisCheck {
  /** "Nghị quyết số 424/NQ-CP ngày 30/12/2025 của Chính phủ" */
  readonly text: string;
  readonly verified: Verification;
  /** What was read, and where ("số, ngày, tên theo trích dẫn trong NQ 424/NQ-CP"). */
  readonly how: string;
  readonly source?: string;
}

const STRENGTH: Readonly<Record<Verification, number>> = { 'van-ban': 2, 'bao-chi': 1, 'chua-xac-minh': 0 };

/** The weakest check of several: a row is no surer than the least checked text it cites. */
export function weakest(marks: readonly Verification[]): Verification {
  return marks.reduce<Verification>((w, m) => (STRENGTH[m] < STRENGTH[w] ? m : w), 'van-ban');
}

/** How many legal texts a legal basis cites ("Quyết định số …; Nghị quyết số …" → 2). */
export function citedTexts(legalBasis: string): number {
  return (legalBasis.match(/(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Luật)\s+(?:số\s+)?\d+/gu) ?? []).length;
}

/** An entry whose legal basis cites several texts: the basis and its mark follow from each text's check. */
function withBases(entry: Omit<ProgramEntry, 'legalBasis' | 'verified' | 'bases'>, bases: readonly BasisCheck[]): ProgramEntry {
  return { ...entry, bases, legalBasis: bases.map((b) => b.text).join('; '), verified: weakest(bases.map((b) => b.verified)) };
}

/**
 * "Tình trạng xác minh" of an entry as the Danh mục sheet prints it: the mark, and when its texts
 * were not all checked alike, which was read and which was not.
 */
export function verificationText(e: Pick<ProgramEntry, 'legalBasis' | 'verified' | 'bases'>): string | undefined {
  if (!e.legalBasis && !e.verified) return undefined;
  const mark = e.verified ?? 'chua-xac-minh';
  const bases = e.bases ?? [];
  if (bases.length < 2 || bases.every((b) => b.verified === mark)) return VERIFICATION_LABELS[mark];
  const short = (t: string) => t.replace(/\s+ngày\s.*$/u, '').replace(/\s+số\s+/u, ' ');
  const parts = (['van-ban', 'bao-chi', 'chua-xac-minh'] as const)
    .map((m) => [m, bases.filter((b) => b.verified === m).map((b) => short(b.text))] as const)
    .filter(([, xs]) => xs.length > 0)
    .map(([m, xs]) => `${m === 'van-ban' ? 'đã đọc văn bản' : m === 'bao-chi' ? 'chỉ qua trích dẫn, tin chính thức' : 'chưa xác minh'}: ${xs.join(', ')}`);
  return `${VERIFICATION_LABELS[mark]} (${parts.join('; ')})`;
}

/** One entry as written in the tables below; projects inherit `ii6c` and `iii1` from their parent. */
export interface ProgramEntry {
  readonly id: string;
  /** Canonical Vietnamese name (without the period, which the catalogue gives). */
  readonly name: string;
  /** How the entry is referred to in a longer name ("Chương trình 135", "CTMTQG Giảm nghèo bền vững"). */
  readonly shortName?: string;
  readonly kind: ProgramKind;
  /** For projects and sub-projects: the program (or project) they belong to. */
  readonly parent?: string;
  /** The decision or resolution that approves it. */
  readonly legalBasis?: string;
  /**
   * How the name and legal basis were checked (default 'chua-xac-minh' for entries with a legal
   * basis): never surer than the least checked text the basis cites (`bases`, checked on load).
   */
  readonly verified?: Verification;
  /** Each text of a basis citing several, with its own check (withBases). */
  readonly bases?: readonly BasisCheck[];
  /**
   * False: recognised when a commune writes it, but not offered in Tên nguồn vốn's drop-down (a
   * source no legal basis of the period was found for).
   */
  readonly offered?: boolean;
  /** Where they were checked (a page of the official portal or a legal database). */
  readonly source?: string;
  /** How communes write it; name and shortName are aliases too. Matched on foldKey words. */
  readonly aliases?: readonly string[];
  /**
   * Names of an earlier period that now mean this entry ("135" under 2021-2025 → the program for
   * ethnic minority and mountain areas; "CT Nông thôn mới" under 2026-2030 → the merged program):
   * matched like aliases, and reported (LEGACY_PROGRAM_MAPPED) so the commune sees the mapping.
   */
  readonly legacyAliases?: readonly string[];
  /** What the report says of such a mapping ("Chương trình 135 (2016-2020) kết thúc năm 2020; …"). */
  readonly legacyNote?: string;
  readonly ii6c?: Ii6cProgrammeLine;
  readonly iii1?: readonly Iii1Row[];
}

/** A checked entry, with what it inherits resolved. */
export interface Program {
  readonly period: ProgramPeriod;
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: ProgramKind;
  readonly parent?: string;
  readonly legalBasis?: string;
  readonly verified?: Verification;
  readonly bases?: readonly BasisCheck[];
  readonly offered: boolean;
  readonly source?: string;
  /** Every alias, name and shortName included. */
  readonly aliases: readonly string[];
  readonly legacyAliases: readonly string[];
  readonly legacyNote?: string;
  readonly ii6c?: Ii6cProgrammeLine;
  readonly iii1: readonly Iii1Row[];
  /** What to write as Tên nguồn vốn: the short name, preceded for projects by their parent's short name. */
  readonly sourceName: string;
  /** The same with the full name, for messages that explain which program a text was read as. */
  readonly fullSourceName: string;
  /** Ids from the top program down to this entry (itself last). */
  readonly path: readonly string[];
}

export interface ProgramCatalogue {
  readonly period: ProgramPeriod;
  /** In table order: programs then their projects. */
  readonly programs: readonly Program[];
  readonly byId: ReadonlyMap<string, Program>;
}

// ---------------------------------------------------------------------------------------------
// Sources every period shares.

const RURAL_WATER: ProgramEntry = {
  id: 'nuoc-sach',
  name: 'Chương trình Nước sạch và vệ sinh môi trường nông thôn',
  shortName: 'Nước sạch VSMT nông thôn',
  kind: 'other',
  aliases: ['nước sạch', 'nước sạch VSMT', 'nước sạch và VSMT', 'CT nước sạch', 'chương trình nước sạch', 'VSMT nông thôn', 'NS&VSMTNT', 'NSVSMTNT'],
  ii6c: 'programme-rural-water',
};

const ODA_NGO: ProgramEntry = {
  id: 'oda-ngo',
  name: 'Dự án ODA/NGO',
  shortName: 'Dự án ODA, NGO',
  kind: 'oda-ngo',
  aliases: ['ODA', 'NGO', 'INGO', 'dự án ODA', 'vốn ODA', 'dự án NGO', 'tổ chức phi chính phủ', 'phi chính phủ', 'viện trợ nước ngoài', 'vốn viện trợ', 'tài trợ nước ngoài'],
  ii6c: 'programme-oda-ngo',
  iii1: ['oda-ngo'],
};

const PROVINCE: ProgramEntry = {
  id: 'tinh',
  name: 'Chương trình đầu tư của tỉnh',
  shortName: 'Vốn tỉnh',
  kind: 'province',
  aliases: ['vốn tỉnh', 'ngân sách tỉnh', 'NS tỉnh', 'chương trình của tỉnh', 'CT tỉnh', 'CT của tỉnh', 'dự án của tỉnh', 'tỉnh đầu tư', 'nguồn tỉnh', 'kinh phí tỉnh'],
  ii6c: 'programme-other',
  iii1: ['tinh'],
};

const DISTRICT: ProgramEntry = {
  id: 'huyen',
  name: 'Chương trình đầu tư của huyện',
  shortName: 'Vốn huyện',
  kind: 'district',
  aliases: ['vốn huyện', 'ngân sách huyện', 'NS huyện', 'chương trình của huyện', 'CT huyện', 'CT của huyện', 'dự án của huyện', 'huyện đầu tư', 'nguồn huyện', 'kinh phí huyện'],
  ii6c: 'programme-other',
  iii1: ['huyen'],
};

const COMMUNE: ProgramEntry = {
  id: 'xa',
  name: 'Ngân sách xã',
  kind: 'commune',
  aliases: ['NS xã', 'vốn xã', 'ngân sách cấp xã', 'kinh phí xã', 'nguồn xã', 'kinh phí sự nghiệp của xã'],
  iii1: ['chi-thuong-xuyen'],
};

/** Money raised from businesses and people ("xã hội hóa"): named, but not the state's. */
const SOCIALISED: ProgramEntry = {
  id: 'xa-hoi-hoa',
  name: 'Vốn xã hội hóa',
  kind: 'other',
  aliases: ['xã hội hóa', 'XHH', 'huy động xã hội hóa', 'doanh nghiệp tài trợ'],
};

const POLICY_BANK: ProgramEntry = {
  id: 'nhcsxh',
  name: 'Vốn vay Ngân hàng Chính sách xã hội',
  shortName: 'Ngân hàng Chính sách xã hội',
  kind: 'other',
  aliases: ['NHCSXH', 'NHCS', 'ngân hàng CSXH', 'ngân hàng chính sách', 'vốn vay ưu đãi', 'vay ưu đãi'],
};

const OCOP_NAME = { name: 'Chương trình Mỗi xã một sản phẩm (OCOP)', shortName: 'Chương trình OCOP', aliases: ['OCOP', 'mỗi xã một sản phẩm', 'CT OCOP'] } as const;

/** OCOP within the NTM program of a period, on its own decision (checked in the press only: docs/REFERENCE.md). */
function ocop(parent: string, basis: BasisCheck): ProgramEntry {
  return withBases({ id: `${parent}-ocop`, ...OCOP_NAME, aliases: [...OCOP_NAME.aliases], kind: 'ctmtqg-project', parent }, [basis]);
}

const SRC_OCOP_2018 = 'https://hethongphapluat.com/quyet-dinh-3292-qd-ubnd-nam-2018-ve-phe-duyet-de-an-moi-xa-mot-san-pham-tinh-ha-tinh-giai-doan-2018-2020-dinh-huong-den-nam-2030.html';
const SRC_OCOP_2022 = 'https://vietnamhoinhap.vn/vi/giai-phap-phat-trien-san-pham-ocop-trong-xay-dung-kinh-te-nong-thon-48729.htm';

const OCOP_2018: BasisCheck = {
  text: 'Quyết định số 490/QĐ-TTg ngày 07/5/2018 của Thủ tướng Chính phủ (giai đoạn 2018-2020)',
  verified: 'bao-chi',
  how: 'số, ngày, tên theo trích dẫn trong Quyết định 3292/QĐ-UBND ngày 01/11/2018 của UBND tỉnh Hà Tĩnh; chưa đọc văn bản gốc',
  source: SRC_OCOP_2018,
};
const OCOP_2022: BasisCheck = {
  text: 'Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ (giai đoạn 2021-2025)',
  verified: 'bao-chi',
  how: 'số, ngày theo báo chí (vietnamhoinhap.vn; baothaibinh.com.vn dẫn nhandan.vn); chưa đọc văn bản gốc',
  source: SRC_OCOP_2022,
};

// ---------------------------------------------------------------------------------------------
// 2016-2020: the handbook's period.

const NTM_ALIASES = ['NTM', 'nông thôn mới', 'CT NTM', 'CTNTM', 'CT nông thôn mới', 'chương trình nông thôn mới', 'chương trình NTM', 'CTMTQG NTM', 'CTMT NTM', 'XD NTM', 'xây dựng NTM', 'CTMTQG xây dựng NTM'];
const GNBV_ALIASES = ['GNBV', 'giảm nghèo', 'giảm nghèo bền vững', 'CT giảm nghèo', 'chương trình giảm nghèo', 'CT GNBV', 'CTGNBV', 'CTMTQG GNBV', 'CTMT GNBV', 'CT GN', 'CTMTQG giảm nghèo'];

const P_2016_2020: readonly ProgramEntry[] = [
  {
    id: 'ntm',
    name: 'Chương trình mục tiêu quốc gia xây dựng Nông thôn mới',
    shortName: 'CTMTQG xây dựng Nông thôn mới',
    kind: 'ctmtqg',
    legalBasis: 'Quyết định số 1600/QĐ-TTg ngày 16/8/2016 của Thủ tướng Chính phủ',
    verified: 'chua-xac-minh',
    aliases: [...NTM_ALIASES, 'QĐ 1600', 'quyết định 1600'],
    ii6c: 'programme-ntm',
    iii1: ['ntm'],
  },
  ocop('ntm', OCOP_2018),
  {
    id: 'gnbv',
    name: 'Chương trình mục tiêu quốc gia Giảm nghèo bền vững',
    shortName: 'CTMTQG Giảm nghèo bền vững',
    kind: 'ctmtqg',
    legalBasis: 'Quyết định số 1722/QĐ-TTg ngày 02/9/2016 của Thủ tướng Chính phủ',
    aliases: [...GNBV_ALIASES, 'QĐ 1722', 'quyết định 1722'],
    ii6c: 'programme-gnbv',
    iii1: ['gnbv'],
  },
  {
    id: 'gnbv-30a',
    name: 'Chương trình 30a',
    kind: 'ctmtqg-project',
    parent: 'gnbv',
    legalBasis: 'Dự án 1 của Quyết định số 1722/QĐ-TTg',
    aliases: ['30a', 'CT 30a', 'CT30a', 'nghị quyết 30a', 'NQ 30a', 'NQ30a', 'dự án 1 GNBV'],
  },
  {
    id: 'gnbv-30a-csht',
    name: 'Hỗ trợ đầu tư cơ sở hạ tầng các huyện nghèo',
    kind: 'ctmtqg-project',
    parent: 'gnbv-30a',
    legalBasis: 'Tiểu dự án 1, Dự án 1 của Quyết định số 1722/QĐ-TTg',
    aliases: ['30a cơ sở hạ tầng', '30a CSHT', '30a hạ tầng', '30a đầu tư cơ sở hạ tầng'],
  },
  {
    id: 'gnbv-30a-bai-ngang',
    name: 'Hỗ trợ đầu tư cơ sở hạ tầng các xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo',
    kind: 'ctmtqg-project',
    parent: 'gnbv-30a',
    legalBasis: 'Tiểu dự án 2, Dự án 1 của Quyết định số 1722/QĐ-TTg',
    aliases: ['xã bãi ngang', 'bãi ngang ven biển', 'vùng bãi ngang'],
  },
  {
    id: 'gnbv-30a-sinh-ke',
    name: 'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo trên địa bàn các huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
    kind: 'ctmtqg-project',
    parent: 'gnbv-30a',
    legalBasis: 'Tiểu dự án 3, Dự án 1 của Quyết định số 1722/QĐ-TTg',
    aliases: ['30a hỗ trợ phát triển sản xuất', '30a HTPTSX', '30a phát triển sản xuất', '30a sản xuất', '30a sinh kế'],
  },
  {
    id: 'gnbv-30a-xkld',
    name: 'Hỗ trợ cho lao động thuộc hộ nghèo, hộ cận nghèo, hộ đồng bào dân tộc thiểu số đi làm việc có thời hạn ở nước ngoài',
    kind: 'ctmtqg-project',
    parent: 'gnbv-30a',
    legalBasis: 'Tiểu dự án 4, Dự án 1 của Quyết định số 1722/QĐ-TTg',
    aliases: ['30a xuất khẩu lao động', '30a XKLĐ'],
  },
  {
    id: 'gnbv-135',
    name: 'Chương trình 135',
    kind: 'ctmtqg-project',
    parent: 'gnbv',
    legalBasis: 'Dự án 2 của Quyết định số 1722/QĐ-TTg',
    aliases: ['135', 'CT 135', 'CT135', 'CTr 135', 'vốn 135', 'dự án 2 GNBV'],
  },
  {
    id: 'gnbv-135-csht',
    name: 'Hỗ trợ đầu tư cơ sở hạ tầng cho các xã đặc biệt khó khăn, xã biên giới, xã an toàn khu, các thôn, bản đặc biệt khó khăn',
    kind: 'ctmtqg-project',
    parent: 'gnbv-135',
    legalBasis: 'Tiểu dự án 1, Dự án 2 của Quyết định số 1722/QĐ-TTg',
    aliases: ['135 cơ sở hạ tầng', '135 CSHT', '135 hạ tầng', '135 đầu tư cơ sở hạ tầng', '135 duy tu', '135 duy tu bảo dưỡng'],
  },
  {
    id: 'gnbv-135-sinh-ke',
    name: 'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo các xã đặc biệt khó khăn, xã biên giới, xã an toàn khu, các thôn, bản đặc biệt khó khăn',
    kind: 'ctmtqg-project',
    parent: 'gnbv-135',
    legalBasis: 'Tiểu dự án 2, Dự án 2 của Quyết định số 1722/QĐ-TTg',
    aliases: ['135 hỗ trợ phát triển sản xuất', '135 HTPTSX', '135 phát triển sản xuất', '135 sản xuất', '135 sinh kế'],
  },
  {
    id: 'gnbv-135-nang-luc',
    name: 'Nâng cao năng lực cho cộng đồng và cán bộ cơ sở các xã đặc biệt khó khăn, xã biên giới, xã an toàn khu, các thôn, bản đặc biệt khó khăn',
    kind: 'ctmtqg-project',
    parent: 'gnbv-135',
    legalBasis: 'Tiểu dự án 3, Dự án 2 của Quyết định số 1722/QĐ-TTg',
    aliases: ['135 nâng cao năng lực', '135 đào tạo', '135 tập huấn'],
  },
  {
    id: 'gnbv-ngoai-30a-135',
    name: 'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo trên địa bàn các xã ngoài Chương trình 30a và Chương trình 135',
    shortName: 'Dự án 3 (xã ngoài 30a và 135)',
    kind: 'ctmtqg-project',
    parent: 'gnbv',
    legalBasis: 'Dự án 3 của Quyết định số 1722/QĐ-TTg',
    aliases: ['ngoài 30a và 135', 'ngoài 30a, 135', 'ngoài CT 30a và CT 135', 'ngoài chương trình 30a và chương trình 135', 'ngoài chương trình 30a và 135', 'dự án 3 GNBV'],
  },
  {
    id: 'gnbv-truyen-thong',
    name: 'Truyền thông và giảm nghèo về thông tin',
    kind: 'ctmtqg-project',
    parent: 'gnbv',
    legalBasis: 'Dự án 4 của Quyết định số 1722/QĐ-TTg',
    aliases: ['giảm nghèo về thông tin', 'truyền thông giảm nghèo', 'truyền thông về giảm nghèo', 'dự án 4 GNBV'],
  },
  {
    id: 'gnbv-nang-luc',
    name: 'Nâng cao năng lực và giám sát, đánh giá thực hiện Chương trình',
    kind: 'ctmtqg-project',
    parent: 'gnbv',
    legalBasis: 'Dự án 5 của Quyết định số 1722/QĐ-TTg',
    aliases: ['nâng cao năng lực và giám sát đánh giá', 'nâng cao năng lực, giám sát, đánh giá', 'dự án 5 GNBV'],
  },
  {
    id: 'ct167',
    name: 'Chương trình 167 (hỗ trợ nhà ở cho hộ nghèo)',
    shortName: 'Chương trình 167',
    kind: 'other',
    legalBasis: 'Quyết định số 167/2008/QĐ-TTg; giai đoạn 2: Quyết định số 33/2015/QĐ-TTg',
    aliases: ['167', 'CT 167', 'CT167', 'QĐ 167', 'quyết định 167', 'QĐ 33', 'nhà ở hộ nghèo', 'nhà ở cho hộ nghèo', 'hỗ trợ nhà ở hộ nghèo', 'hỗ trợ nhà ở cho hộ nghèo'],
    ii6c: 'programme-167',
  },
  RURAL_WATER,
  ODA_NGO,
  PROVINCE,
  DISTRICT,
  COMMUNE,
  SOCIALISED,
  POLICY_BANK,
];

// ---------------------------------------------------------------------------------------------
// 2021-2025. Checked in December 2026 against the stored copies of the texts (docs/REFERENCE.md):
// numbers, dates and titles of QĐ 263, 90 and 1719 in the texts themselves; the names of the
// projects of QĐ 90 only in official news; those of QĐ 1719 nowhere (unconfirmed, as marked).

const SRC_263 = 'https://luatvietnam.vn/nong-nghiep/quyet-dinh-263-qd-ttg-217541-d1.html';
const SRC_90 = 'https://thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Quyet-dinh-90-QD-TTg-2022-phe-duyet-Chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-500969.aspx';
const SRC_90_PROJECTS = 'https://phuloc.thuathienhue.gov.vn/?gd=1&cn=97&tc=24988';
const SRC_1719 = 'https://luatvietnam.vn/chinh-sach/quyet-dinh-1719-qd-ttg-211004-d1.html';

/** Dự án n of a 2021-2025 program; `basis` is [decision, how the program is abbreviated]. */
function project(parent: string, n: number, name: string, basis: readonly [string, string], aliases: readonly string[] = [], check: { verified: Verification; source?: string } = { verified: 'chua-xac-minh' }, legacy: readonly string[] = [], legacyNote?: string): ProgramEntry {
  const [decision, abbrev] = basis;
  return {
    id: `${parent}-da${n}`,
    name: `Dự án ${n}: ${name}`,
    shortName: `Dự án ${n} ${abbrev}`,
    kind: 'ctmtqg-project',
    parent,
    legalBasis: `Dự án ${n} của ${decision}`,
    verified: check.verified,
    ...(check.source ? { source: check.source } : {}),
    aliases: [name, ...aliases],
    ...(legacy.length > 0 ? { legacyAliases: legacy } : {}),
    ...(legacyNote ? { legacyNote } : {}),
  };
}

const QD90 = ['Quyết định số 90/QĐ-TTg', 'GNBV'] as const;
const QD1719 = ['Quyết định số 1719/QĐ-TTg', 'CTMTQG 1719'] as const;
const NEWS_90 = { verified: 'bao-chi', source: SRC_90_PROJECTS } as const;

const DTTS_BASES: readonly BasisCheck[] = [
  {
    text: 'Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ (giai đoạn 2021-2030, giai đoạn I: 2021-2025)',
    verified: 'van-ban',
    how: 'số, ngày, tên, người ký (luatvietnam.vn)',
    source: SRC_1719,
  },
  { text: 'điều chỉnh bởi Quyết định số 920/QĐ-TTg ngày 14/5/2025', verified: 'van-ban', how: 'số, ngày (phần đầu văn bản, tailieu.vn)' },
];

const P_2021_2025: readonly ProgramEntry[] = [
  {
    id: 'ntm',
    name: 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới',
    shortName: 'CTMTQG xây dựng nông thôn mới',
    kind: 'ctmtqg',
    legalBasis: 'Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ (giai đoạn 2021-2025)',
    verified: 'van-ban',
    source: SRC_263,
    aliases: [...NTM_ALIASES, 'QĐ 263', 'quyết định 263'],
    ii6c: 'programme-ntm',
    iii1: ['ntm'],
  },
  ocop('ntm', OCOP_2022),
  {
    id: 'gnbv',
    name: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
    shortName: 'CTMTQG giảm nghèo bền vững',
    kind: 'ctmtqg',
    legalBasis: 'Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ (giai đoạn 2021-2025)',
    verified: 'van-ban',
    source: SRC_90,
    aliases: [...GNBV_ALIASES, 'QĐ 90', 'quyết định 90'],
    ii6c: 'programme-gnbv',
    iii1: ['gnbv'],
  },
  // Dự án 1 continues Chương trình 30a (poor districts) and the coastal communes of 1722.
  project(
    'gnbv',
    1,
    'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
    QD90,
    ['xã bãi ngang', 'bãi ngang ven biển'],
    NEWS_90,
    ['30a', 'CT 30a', 'CT30a', 'chương trình 30a', 'NQ 30a'],
    'Chương trình 30a (2016-2020) được tiếp nối ở Dự án 1 của CTMTQG giảm nghèo bền vững 2021-2025 (QĐ 90/QĐ-TTg)',
  ),
  project('gnbv', 2, 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', QD90, ['đa dạng hóa sinh kế', 'phát triển mô hình giảm nghèo'], NEWS_90),
  project('gnbv', 3, 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', QD90, ['cải thiện dinh dưỡng'], NEWS_90),
  project('gnbv', 4, 'Phát triển giáo dục nghề nghiệp, việc làm bền vững', QD90, ['việc làm bền vững', 'giáo dục nghề nghiệp vùng nghèo'], NEWS_90),
  project('gnbv', 5, 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', QD90, ['nhà ở hộ nghèo', 'nhà ở cho hộ nghèo', 'hỗ trợ nhà ở hộ nghèo'], NEWS_90),
  project('gnbv', 6, 'Truyền thông và giảm nghèo về thông tin', QD90, ['giảm nghèo về thông tin', 'truyền thông giảm nghèo', 'truyền thông về giảm nghèo'], NEWS_90),
  project('gnbv', 7, 'Nâng cao năng lực và giám sát, đánh giá Chương trình', QD90, ['nâng cao năng lực và giám sát đánh giá'], NEWS_90),
  {
    id: 'dtts',
    name: 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
    shortName: 'CTMTQG phát triển KT-XH vùng đồng bào DTTS và miền núi',
    kind: 'ctmtqg',
    bases: DTTS_BASES,
    legalBasis: DTTS_BASES.map((b) => b.text).join('; '),
    verified: weakest(DTTS_BASES.map((b) => b.verified)),
    source: SRC_1719,
    aliases: [
      '1719',
      'CT 1719',
      'chương trình 1719',
      'CTMTQG 1719',
      'QĐ 1719',
      'CTMTQG DTTS',
      'CT DTTS',
      'DTTS và miền núi',
      'DTTS&MN',
      'DTTSMN',
      'đồng bào dân tộc thiểu số và miền núi',
      'dân tộc thiểu số và miền núi',
    ],
    // Chương trình 135 (2016-2020) ended in 2020; its communes and villages are served by this program.
    legacyAliases: ['135', 'CT 135', 'CT135', 'chương trình 135', 'vốn 135', 'CTr 135'],
    legacyNote: 'Chương trình 135 kết thúc năm 2020; từ 2021 các xã, thôn đặc biệt khó khăn được hỗ trợ qua CTMTQG phát triển KT-XH vùng đồng bào DTTS và miền núi (QĐ 1719/QĐ-TTg) — hãy ghi rõ dự án thành phần',
    ii6c: 'programme-dtts',
    iii1: ['dtts'],
  },
  // The ten projects' names are those of the 2020 submission and the press; QĐ 1719's own wording could not be read (chưa xác minh).
  project('dtts', 1, 'Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt', QD1719),
  project('dtts', 2, 'Quy hoạch, sắp xếp, bố trí, ổn định dân cư ở những nơi cần thiết', QD1719),
  project('dtts', 3, 'Phát triển sản xuất nông, lâm nghiệp bền vững, phát huy tiềm năng, thế mạnh của các vùng miền để sản xuất hàng hóa theo chuỗi giá trị', QD1719),
  project('dtts', 4, 'Đầu tư cơ sở hạ tầng thiết yếu, phục vụ sản xuất, đời sống trong vùng đồng bào dân tộc thiểu số và miền núi và các đơn vị sự nghiệp công lập của lĩnh vực dân tộc', QD1719),
  project('dtts', 5, 'Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực', QD1719),
  project('dtts', 6, 'Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc thiểu số gắn với phát triển du lịch', QD1719),
  project('dtts', 7, 'Chăm sóc sức khỏe Nhân dân, nâng cao thể trạng, tầm vóc người dân tộc thiểu số; phòng chống suy dinh dưỡng trẻ em', QD1719),
  project('dtts', 8, 'Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em', QD1719),
  project('dtts', 9, 'Đầu tư phát triển nhóm dân tộc thiểu số rất ít người và nhóm dân tộc còn nhiều khó khăn', QD1719),
  project('dtts', 10, 'Truyền thông, tuyên truyền, vận động trong vùng đồng bào dân tộc thiểu số và miền núi; kiểm tra, giám sát đánh giá việc tổ chức thực hiện Chương trình', QD1719),
  RURAL_WATER,
  ODA_NGO,
  PROVINCE,
  DISTRICT,
  COMMUNE,
  SOCIALISED,
  POLICY_BANK,
];

// ---------------------------------------------------------------------------------------------
// 2026-2030: one program merging NTM, GNBV and the ethnic-minority program (phase I of
// 2026-2035). Since 1 July 2025 there is no district: the level above the commune is the
// province, and "vốn huyện" names no source any more.
//
// Checked: the program's name, Nghị quyết 257/2025/QH15 of 11/12/2025 (quoted in NQ 424/NQ-CP and
// QĐ 51/2025/QĐ-TTg), NQ 424/NQ-CP of 30/12/2025 in the texts; QĐ 417/QĐ-BNNMT of 31/01/2026
// (approving the program, phase I 2026-2030) in TTXVN's reports only. The program's component
// contents (nội dung thành phần) could not be read in any of them: none is listed here, a commune
// names the program itself; a province can add components in its "Danh mục" sheet.

const SRC_424 = 'https://tailieu.vn/doc/nghi-quyet-so-424nq-cp-nam-2025-2948902.html';

const SRC_417 = 'https://baotintuc.vn/den-nam-2030-phan-dau-thu-nhap-binh-quan-nguoi-dan-nong-thon-tang-gap-253-lan-so-voi-nam-2020-n20260219064253710.htm';

const CTMTQG_BASES: readonly BasisCheck[] = [
  {
    text: 'Nghị quyết số 257/2025/QH15 ngày 11/12/2025 của Quốc hội (giai đoạn 2026-2035)',
    verified: 'bao-chi',
    how: 'số, ngày, tên theo trích dẫn trong văn bản Nghị quyết 424/NQ-CP (tailieu.vn) và tin Quốc hội thông qua ngày 11/12/2025 (vietnamnet.vn); chưa đọc văn bản gốc',
    source: SRC_424,
  },
  { text: 'Nghị quyết số 424/NQ-CP ngày 30/12/2025 của Chính phủ', verified: 'van-ban', how: 'đọc văn bản: số, ngày, tên, căn cứ (tailieu.vn; nhansu.vn: người ký Nguyễn Hòa Bình)', source: SRC_424 },
  {
    text: 'Quyết định số 417/QĐ-BNNMT ngày 31/01/2026 của Bộ Nông nghiệp và Môi trường (giai đoạn I: 2026-2030)',
    verified: 'bao-chi',
    how: 'số, ngày, tên theo TTXVN (baotintuc.vn, 19/02/2026); chưa đọc văn bản gốc',
    source: SRC_417,
  },
];

/**
 * Sources a commune may still write for 2026-2030 with no legal basis of the period found: OCOP
 * (its programs of 2018-2020 and 2021-2025 had their own decisions; none for 2026-2030 was found)
 * and rural clean water (a national target program until 2015; the 2021 strategy, Quyết định
 * 1978/QĐ-TTg, is a strategy, not a source of money). Recognised, marked unverified, summed on a
 * line of their own in II.6.C, never a component of the merged program nor offered in the list.
 */
const UNVERIFIED_2026 = { kind: 'other', verified: 'chua-xac-minh', offered: false, ii6c: 'programme-other' } as const;

const P_2026_2030: readonly ProgramEntry[] = [
  {
    id: 'ctmtqg',
    name: 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
    shortName: 'CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi',
    kind: 'ctmtqg',
    bases: CTMTQG_BASES,
    legalBasis: CTMTQG_BASES.map((b) => b.text).join('; '),
    verified: weakest(CTMTQG_BASES.map((b) => b.verified)),
    source: SRC_424,
    aliases: ['CTMTQG', 'chương trình mục tiêu quốc gia', 'CT MTQG', 'NQ 257', 'nghị quyết 257', 'QĐ 417', 'CTMTQG hợp nhất', 'chương trình hợp nhất'],
    // Every name of the three programs it merged now means it: mapped, and said so.
    legacyAliases: [
      ...NTM_ALIASES,
      ...GNBV_ALIASES,
      '1719',
      'CT 1719',
      'CTMTQG 1719',
      'CTMTQG DTTS',
      'DTTS và miền núi',
      'DTTS&MN',
      'dân tộc thiểu số và miền núi',
      'đồng bào dân tộc thiểu số và miền núi',
      '135',
      'CT 135',
      'CT135',
      'chương trình 135',
      'vốn 135',
      '30a',
      'CT 30a',
      'CT30a',
    ],
    legacyNote:
      'Từ năm 2026 CTMTQG xây dựng nông thôn mới, CTMTQG giảm nghèo bền vững và CTMTQG phát triển KT-XH vùng đồng bào DTTS và miền núi (cùng các chương trình 135, 30a trước đó) hợp nhất thành một chương trình (Nghị quyết 257/2025/QH15)',
    ii6c: 'programme-ctmtqg',
    // III.1 from a province for 2026 on has one line for it; one still on the handbook's form has
    // the NTM and GNBV lines: both count against it (added up where they cover the same money).
    iii1: ['ctmtqg', 'ntm', 'gnbv', 'dtts'],
  },
  { id: 'ocop', ...OCOP_NAME, aliases: [...OCOP_NAME.aliases], ...UNVERIFIED_2026 },
  { ...RURAL_WATER, ...UNVERIFIED_2026 },
  ODA_NGO,
  PROVINCE,
  COMMUNE,
  SOCIALISED,
  POLICY_BANK,
];

export const PROGRAM_TABLES: Readonly<Record<ProgramPeriod, readonly ProgramEntry[]>> = {
  '2016-2020': P_2016_2020,
  '2021-2025': P_2021_2025,
  '2026-2030': P_2026_2030,
};

// ---------------------------------------------------------------------------------------------
// Loading and checking.

function tableOf(form: { blocks: readonly { kind: string }[] }): TableBlock {
  const t = form.blocks.find((b): b is TableBlock => b.kind === 'table');
  if (!t) throw new Error('form without a table');
  return t;
}

function fixedKeys(t: TableBlock): Set<string> {
  return new Set(t.rows.flatMap((r) => (r.kind === 'fixed' ? [r.key] : [])));
}

const II6C_KEYS = new Set(editionsOf(FORM_II_6_C).flatMap((f) => [...fixedKeys(tableOf(f))]));
const III1_KEYS = new Set(editionsOf(FORM_III_1).flatMap((f) => [...fixedKeys(tableOf(f))]));

/** Builds and checks a catalogue; throws on duplicate ids, missing or cyclic parents, shared aliases, unknown form keys. */
export function loadPrograms(period: ProgramPeriod, entries: readonly ProgramEntry[]): ProgramCatalogue {
  const raw = new Map<string, ProgramEntry>();
  for (const e of entries) {
    if (!e.id || !e.name.trim()) throw new Error(`programs ${period}: entry without id or name`);
    if (raw.has(e.id)) throw new Error(`programs ${period}: duplicate id "${e.id}"`);
    raw.set(e.id, e);
  }
  for (const e of entries) {
    if (e.kind === 'ctmtqg-project') {
      if (!e.parent) throw new Error(`programs ${period}: project "${e.id}" has no parent`);
      const p = raw.get(e.parent);
      if (!p) throw new Error(`programs ${period}: "${e.id}" names parent "${e.parent}", which does not exist`);
      if (p.kind !== 'ctmtqg' && p.kind !== 'ctmtqg-project') throw new Error(`programs ${period}: parent "${p.id}" of "${e.id}" is not a program`);
    } else if (e.parent !== undefined) {
      throw new Error(`programs ${period}: "${e.id}" (${e.kind}) cannot have a parent`);
    }
    // A row is no surer than its sources: "van-ban" only when every text it cites was read.
    if (e.bases) {
      if (e.legalBasis !== e.bases.map((b) => b.text).join('; ') || e.verified !== weakest(e.bases.map((b) => b.verified)))
        throw new Error(`programs ${period}: "${e.id}" has a legal basis or mark other than its bases give`);
    } else if (e.verified === 'van-ban' && citedTexts(e.legalBasis ?? '') > 1) {
      throw new Error(`programs ${period}: "${e.id}" cites several texts as read: list each with its check (bases)`);
    }
    if (e.ii6c && e.ii6c !== 'programme-other' && !II6C_KEYS.has(e.ii6c)) throw new Error(`programs ${period}: "${e.id}" sums into unknown II.6.C line "${e.ii6c}"`);
    for (const r of e.iii1 ?? []) if (!III1_KEYS.has(r)) throw new Error(`programs ${period}: "${e.id}" counts against unknown III.1 row "${r}"`);
  }
  const pathOf = (id: string): string[] => {
    const path: string[] = [];
    for (let cur: ProgramEntry | undefined = raw.get(id); cur; cur = cur.parent ? raw.get(cur.parent) : undefined) {
      if (path.includes(cur.id)) throw new Error(`programs ${period}: parent cycle at "${cur.id}"`);
      path.unshift(cur.id);
    }
    return path;
  };
  const built = new Map<string, Program>();
  const build = (id: string): Program => {
    const done = built.get(id);
    if (done) return done;
    const path = pathOf(id);
    const e = raw.get(id) as ProgramEntry;
    const parent = e.parent ? build(e.parent) : undefined;
    const shortName = e.shortName ?? e.name;
    const aliases = [...new Set([e.name, shortName, ...(e.aliases ?? [])])];
    const ii6c = e.ii6c ?? parent?.ii6c;
    const p: Program = {
      period,
      id,
      name: e.name,
      shortName,
      kind: e.kind,
      ...(e.parent ? { parent: e.parent } : {}),
      ...(e.legalBasis ? { legalBasis: e.legalBasis } : {}),
      ...(e.legalBasis || e.verified ? { verified: e.verified ?? 'chua-xac-minh' } : {}),
      ...(e.bases ? { bases: e.bases } : {}),
      offered: e.offered !== false,
      ...(e.source ? { source: e.source } : {}),
      aliases,
      legacyAliases: [...new Set(e.legacyAliases ?? [])],
      ...(e.legacyNote ? { legacyNote: e.legacyNote } : {}),
      ...(ii6c ? { ii6c } : {}),
      iii1: e.iii1 ?? parent?.iii1 ?? [],
      // Short names: Tên nguồn vốn is a narrow column, and the drop-down offers the short names.
      sourceName: parent ? `${parent.shortName} - ${shortName}` : shortName,
      fullSourceName: parent ? `${parent.shortName} - ${e.name}` : e.name,
      path,
    };
    built.set(id, p);
    return p;
  };
  const programs = entries.map((e) => build(e.id));
  const aliasOwner = new Map<string, string>();
  for (const p of programs) {
    for (const a of [...p.aliases, ...p.legacyAliases]) {
      const k = foldKey(a);
      if (k === '') throw new Error(`programs ${period}: "${p.id}" has an empty alias`);
      const owner = aliasOwner.get(k);
      if (owner !== undefined && owner !== p.id) throw new Error(`programs ${period}: alias "${a}" names both "${owner}" and "${p.id}"`);
      aliasOwner.set(k, p.id);
    }
  }
  return { period, programs, byId: new Map(programs.map((p) => [p.id, p])) };
}

const cache = new Map<ProgramPeriod, ProgramCatalogue>();
/** Catalogues read from a workbook's "Danh mục" sheet, in use while a run holds them (withCatalogue). */
const overrides = new Map<ProgramPeriod, ProgramCatalogue>();

/**
 * Runs `fn` with `catalogue` in place of the built-in one of its period (a workbook's "Danh mục"
 * sheet, catalogue-sheet.ts), then puts the built-in one back. One run at a time, as every host
 * runs (the CLI, a pane, one Apps Script execution).
 */
export async function withCatalogue<T>(catalogue: ProgramCatalogue | undefined, fn: () => Promise<T>): Promise<T> {
  if (!catalogue) return fn();
  const previous = overrides.get(catalogue.period);
  const set = (c: ProgramCatalogue | undefined) => {
    if (c) overrides.set(catalogue.period, c);
    else overrides.delete(catalogue.period);
    indexCache.delete(catalogue.period);
    MATCH_CACHE.clear();
  };
  set(catalogue);
  try {
    return await fn();
  } finally {
    set(previous);
  }
}

/** The checked catalogue of a period (built once), or the one a run put in its place. */
export function programCatalogue(period: ProgramPeriod): ProgramCatalogue {
  const over = overrides.get(period);
  if (over) return over;
  let c = cache.get(period);
  if (!c) {
    c = loadPrograms(period, PROGRAM_TABLES[period]);
    cache.set(period, c);
  }
  return c;
}

export function getProgram(id: string, period: ProgramPeriod): Program | undefined {
  return programCatalogue(period).byId.get(id);
}

/** True when `p` is `ancestorId` or one of its projects (at any depth). */
export function isWithin(p: Program, ancestorId: string): boolean {
  return p.path.includes(ancestorId);
}

/** The top program of a project (itself for a program). */
export function rootProgram(p: Program): Program {
  return getProgram(p.path[0], p.period) as Program;
}

// ---------------------------------------------------------------------------------------------
// Finding programs in free text.

interface AliasIndex {
  readonly program: Program;
  readonly tokens: readonly string[];
  /** The alias as the catalogue writes it, when it is a name of an earlier period. */
  readonly legacy?: string;
}

const indexCache = new Map<ProgramPeriod, readonly AliasIndex[]>();

function aliasIndex(period: ProgramPeriod): readonly AliasIndex[] {
  let idx = indexCache.get(period);
  if (!idx) {
    idx = programCatalogue(period).programs.flatMap((program) => [
      ...program.aliases.map((a) => ({ program, tokens: foldKey(a).split(' ') })),
      ...program.legacyAliases.map((a) => ({ program, tokens: foldKey(a).split(' '), legacy: a })),
    ]);
    indexCache.set(period, idx);
  }
  return idx;
}

/** Words after a bare number that make it a quantity, not a program ("135 m", "167 hộ"). */
const UNITS = new Set([
  'm', 'km', 'm2', 'm3', 'md', 'ha', 'kg', 'g', 'tan', 'ta', 'yen', 'lit', 'con', 'cai', 'chiec', 'cay', 'ho', 'nguoi', 'lao', 'lop', 'buoi',
  'dong', 'd', 'vnd', 'trieu', 'tr', 'nghin', 'ngan', 'ty', 'cuon', 'bo', 'bao', 'goi', 'phong', 'ngay', 'thang', 'luot', 'suat',
  'tiet', 'khoa', 'cong', 'manh', 'tam', 'vien', 'hoc', 'em', 'chau', 'hs', 'x',
]);

/** A bare-number alias ("135", "167", "30a", "1719") reads as a program only away from quantities. */
function numberLooksLikeProgram(tokens: readonly string[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[end];
  if (before !== undefined && (/^\d/.test(before) || before === 'so' || before === 'x')) return false;
  if (after !== undefined && (/^\d/.test(after) || UNITS.has(after))) return false;
  return true;
}

/** Words after an alias that turn it into something else: "vốn xã hội", "NS xã hội". */
function continuationBreaks(alias: readonly string[], after: string | undefined): boolean {
  return alias[alias.length - 1] === 'xa' && after === 'hoi';
}

export interface ProgramMatch {
  readonly program: Program;
  /** Set when the text named it by a name of an earlier period (the alias matched). */
  readonly legacy?: string;
  /** Word span in foldKey(text): [start, end). */
  readonly start: number;
  readonly end: number;
}

const KIND_RANK: Readonly<Record<ProgramKind, number>> = { 'ctmtqg-project': 0, ctmtqg: 0, 'oda-ngo': 1, other: 2, province: 3, district: 4, commune: 5 };

/**
 * Every program or project named in a free text, most specific first: aliases are matched as
 * whole foldKey words ("135" in "1350 m" is not matched; nor is "135" in "135 m"), the longest
 * match wins where matches overlap ("ngoài 30a và 135" is Dự án 3, not 30a nor 135), and a
 * program named together with one of its projects gives way to the project. Remaining matches
 * are ordered national programs first, then ODA/NGO, other, province, district, commune; then
 * by position.
 */
export function findPrograms(text: string | undefined, period: ProgramPeriod): ProgramMatch[] {
  if (!text) return [];
  // The same notes ("CT Nông thôn mới", "Đề nghị hỗ trợ") recur on many rows: remember the answer.
  const cacheKey = `${period}\u0000${text}`;
  const cached = MATCH_CACHE.get(cacheKey);
  if (cached) return [...cached];
  const found = findProgramsUncached(text, period);
  if (MATCH_CACHE.size >= 20_000) MATCH_CACHE.clear();
  MATCH_CACHE.set(cacheKey, found);
  return [...found];
}

const MATCH_CACHE = new Map<string, readonly ProgramMatch[]>();

function findProgramsUncached(text: string, period: ProgramPeriod): ProgramMatch[] {
  const key = foldKey(text);
  if (key === '') return [];
  const tokens = key.split(' ');
  const all: ProgramMatch[] = [];
  for (const { program, tokens: alias, legacy } of aliasIndex(period)) {
    const bareNumber = alias.length === 1 && /^\d/.test(alias[0]);
    for (let i = 0; i + alias.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < alias.length && ok; j++) ok = tokens[i + j] === alias[j];
      if (!ok) continue;
      const end = i + alias.length;
      if (bareNumber && !numberLooksLikeProgram(tokens, i, end)) continue;
      if (continuationBreaks(alias, tokens[end])) continue;
      all.push({ program, start: i, end, ...(legacy ? { legacy } : {}) });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || b.program.path.length - a.program.path.length || a.start - b.start);
  const kept: ProgramMatch[] = [];
  for (const m of all) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    if (kept.some((k) => k.program.id === m.program.id)) continue;
    kept.push(m);
  }
  const specific = kept.filter((m) => !kept.some((o) => o !== m && o.program.path.includes(m.program.id)));
  return specific.sort((a, b) => KIND_RANK[a.program.kind] - KIND_RANK[b.program.kind] || a.start - b.start);
}

/**
 * The most specific program or project a free text names ("CT Nông thôn mới\nDân góp công…" →
 * NTM; "CT Giảm nghèo - 135" → Chương trình 135), or undefined when it names none ("Nhà nước trợ
 * giá 50%": the State in general is no program).
 */
export function findProgram(text: string | undefined, period: ProgramPeriod): Program | undefined {
  return findPrograms(text, period)[0]?.program;
}

/** The most specific match, with `legacy` set when an earlier period's name was read. */
export function findProgramMatch(text: string | undefined, period: ProgramPeriod): ProgramMatch | undefined {
  return findPrograms(text, period)[0];
}

/**
 * What a Tên nguồn vốn drop-down offers for a period: each top-level program or fund by its
 * short name (a project is written under its program; other text is still accepted).
 */
export function fundSourceChoices(period: ProgramPeriod): string[] {
  return programCatalogue(period)
    .programs.filter((p) => !p.parent && p.offered)
    .map((p) => p.shortName);
}
