/** Deterministic inputs: communes of villages and departments, their FormReadings (for b and c) and their .xlsx files (for a), the same on every machine (seeded PRNG). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getForm } from '../../core/src/forms/registry';
import type { BodyRow } from '../../core/src/layout/engine';
import { layoutForm } from '../../core/src/layout/engine';
import type { LayoutValue, SheetLayout } from '../../core/src/layout/types';
import type { Activity, Difficulty, FormReading, SourceRef, Strength } from '../../core/src/model/types';
import { a1 } from '../../core/src/util/a1';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';

// ---------------------------------------------------------------------------------------------
// Deterministic inputs
// ---------------------------------------------------------------------------------------------

export const PLAN_YEAR = 2027;
export const SEED = 20270;
export const UNITS_PER_COMMUNE = 50;
export const DEPARTMENTS_PER_COMMUNE = 10;
export const ACTIVITIES_PER_UNIT = 20;
export const ACTIVITIES_PER_COMMUNE = UNITS_PER_COMMUNE * ACTIVITIES_PER_UNIT;

export type Rng = () => number;

/** mulberry32, as demo.ts. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const between = (r: Rng, lo: number, hi: number, step: number): number => Math.max(step, Math.round((lo + r() * (hi - lo)) / step) * step);

export function shuffle<T>(r: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Syllables of place names (Tày, Nùng, Thái, Kinh); pairs of them name villages and communes. */
export const FIRST = [
  'Nà', 'Khuổi', 'Bản', 'Pác', 'Cốc', 'Phiêng', 'Nặm', 'Lũng', 'Co', 'Huổi', 'Tát', 'Khau', 'Pò', 'Mường', 'Đông', 'Tân',
  'Thượng', 'Hạ', 'Trung', 'Phú', 'An', 'Hòa', 'Yên', 'Đồng', 'Vĩnh', 'Thanh', 'Bình', 'Xuân', 'Quang', 'Minh', 'Tiên', 'Kim',
  'Nậm', 'Ta', 'Sán', 'Chiềng', 'Hồng', 'Lương', 'Thái', 'Bắc', 'Nam', 'Tây', 'Cao', 'Long', 'Sơn', 'Hưng', 'Phúc', 'Khe',
  'Suối', 'Đèo', 'Ngòi', 'Bó', 'Lạng', 'Phai', 'Tổng', 'Nhạn', 'Vằng', 'Kéo', 'Slam', 'Lủng', 'Thôm', 'Pù', 'Mỏ', 'Keng', 'Lằng',
];
export const SECOND = [
  'Lìu', 'Mạ', 'Chang', 'Ngòi', 'Phấy', 'Hin', 'Mò', 'Luông', 'Cáy', 'Pục', 'Tậu', 'Nọi', 'Pàn', 'Hẩu', 'Vài', 'Pá',
  'Lác', 'Sát', 'Khuông', 'Lạn', 'Phường', 'Tẩu', 'Hoa', 'Lộc', 'Thịnh', 'Lợi', 'Tiến', 'Hợp', 'Thắng', 'Lập', 'Thành', 'Phong',
  'Dương', 'Xá', 'Kheo', 'Nưa', 'Coóc', 'Ỏi', 'Mu', 'Vén', 'Đán', 'Riềng', 'Tàu', 'Pheo', 'Khiêng', 'Nghiều', 'Bon', 'Lò',
  'Cuổi', 'Slằng', 'Luộc', 'Phạc', 'Toọc', 'Noọc', 'Khâm', 'Bưa', 'Tông', 'Ngần', 'Mìa', 'Chiêu', 'Mản', 'Pjạc', 'Lẩy', 'Rọ', 'Sỏ',
];
/** Fields and streams ("xứ đồng") named in activities. */
export const FIELDS = ['Đồng Chùa', 'Nà Pục', 'Bó Luông', 'Khuổi Tát', 'Nà Mạ', 'Đồng Cả', 'Pác Cáp', 'Nà Lầu', 'Cốc Pảng', 'Bó Khoang', 'Đồng Mới', 'Nà Hán'];

export interface Sector {
  readonly name: string;
  readonly short: string;
  readonly strengths: readonly string[];
  readonly difficulties: readonly { readonly difficulty: string; readonly causes: readonly string[]; readonly solutions: readonly string[] }[];
  readonly objectives: readonly string[];
}

export type SectorKey = 'trong-trot' | 'thuy-loi' | 'giao-thong' | 'chan-nuoi' | 'nuoc-sach' | 'y-te' | 'giao-duc' | 'van-hoa' | 'lam-nghiep';

export const SECTORS: Readonly<Record<SectorKey, Sector>> = {
  'trong-trot': {
    name: 'Nông nghiệp (Trồng trọt)',
    short: 'Trồng trọt',
    strengths: ['Người dân cần cù, có kinh nghiệm trồng lúa nước', 'Đất ruộng bằng phẳng, gần nguồn nước'],
    difficulties: [
      { difficulty: 'Năng suất lúa thấp, giống lúa cũ bị thoái hóa', causes: ['Người dân dùng lại giống cũ nhiều vụ', 'Thiếu kiến thức kỹ thuật canh tác'], solutions: ['Hỗ trợ giống lúa mới năng suất cao', 'Mở lớp tập huấn kỹ thuật'] },
      { difficulty: 'Sản phẩm nông nghiệp khó tiêu thụ, bị ép giá', causes: ['Chưa có liên kết với doanh nghiệp'], solutions: ['Thành lập tổ hợp tác, liên kết tiêu thụ'] },
    ],
    objectives: ['Tăng năng suất lúa lên 5,5 tấn/ha', '80% hộ áp dụng giống mới'],
  },
  'thuy-loi': {
    name: 'Thủy lợi',
    short: 'Thủy lợi',
    strengths: ['Có nguồn nước suối quanh năm'],
    difficulties: [{ difficulty: 'Thiếu nước tưới vụ Đông Xuân', causes: ['Kênh mương bằng đất, thất thoát nước', 'Đập đầu mối xuống cấp'], solutions: ['Cứng hóa kênh mương nội đồng', 'Vận động nhân dân nạo vét mương'] }],
    objectives: ['Chủ động nước tưới cho 90% diện tích lúa'],
  },
  'giao-thong': {
    name: 'Giao thông',
    short: 'Giao thông',
    strengths: ['Nhân dân đồng thuận hiến đất làm đường'],
    difficulties: [{ difficulty: 'Đường vào thôn lầy lội mùa mưa, xe không vào được', causes: ['Đường đất, chưa được cứng hóa'], solutions: ['Bê tông hóa đường nội thôn theo cơ chế Nhà nước và nhân dân cùng làm'] }],
    objectives: ['100% đường thôn được cứng hóa'],
  },
  'chan-nuoi': {
    name: 'Chăn nuôi',
    short: 'Chăn nuôi',
    strengths: ['Có bãi chăn thả rộng'],
    difficulties: [
      { difficulty: 'Hộ nghèo thiếu vốn mua con giống', causes: ['Thu nhập thấp, khó vay vốn ngân hàng'], solutions: ['Hỗ trợ con giống cho hộ nghèo, luân chuyển trong cộng đồng'] },
      { difficulty: 'Dịch bệnh gia súc, gia cầm thường xảy ra', causes: ['Chuồng trại gần nhà, chưa tiêm phòng đầy đủ'], solutions: ['Tập huấn phòng dịch, tiêm phòng định kỳ'] },
    ],
    objectives: ['Giảm 10% số hộ nghèo nhờ chăn nuôi'],
  },
  'nuoc-sach': {
    name: 'Nước sạch - Vệ sinh môi trường',
    short: 'Nước sạch',
    strengths: ['Nhân dân có ý thức giữ gìn vệ sinh chung'],
    difficulties: [{ difficulty: 'Thiếu nước sinh hoạt hợp vệ sinh mùa khô', causes: ['Công trình nước tự chảy hư hỏng'], solutions: ['Sửa chữa công trình cấp nước', 'Hỗ trợ bể chứa nước cho hộ nghèo'] }],
    objectives: ['95% hộ dùng nước hợp vệ sinh'],
  },
  'y-te': {
    name: 'Y tế',
    short: 'Y tế',
    strengths: ['Trạm y tế đạt chuẩn quốc gia'],
    difficulties: [{ difficulty: 'Tỷ lệ trẻ suy dinh dưỡng còn cao', causes: ['Kiến thức dinh dưỡng của các bà mẹ còn hạn chế'], solutions: ['Tư vấn dinh dưỡng tại thôn'] }],
    objectives: ['Giảm tỷ lệ trẻ suy dinh dưỡng xuống dưới 18%'],
  },
  'giao-duc': {
    name: 'Giáo dục',
    short: 'Giáo dục',
    strengths: ['Đội ngũ giáo viên đủ về số lượng'],
    difficulties: [{ difficulty: 'Điểm trường thôn thiếu phòng học kiên cố', causes: ['Phòng học tạm bằng gỗ đã xuống cấp'], solutions: ['Xây dựng phòng học kiên cố'] }],
    objectives: ['100% phòng học kiên cố'],
  },
  'van-hoa': {
    name: 'Văn hóa - Xã hội',
    short: 'Văn hóa - Xã hội',
    strengths: ['Giữ được nhiều nét văn hóa truyền thống'],
    difficulties: [{ difficulty: 'Nhà văn hóa thôn xuống cấp, thiếu trang thiết bị', causes: ['Xây dựng đã lâu, chưa được sửa chữa'], solutions: ['Sửa chữa nhà văn hóa', 'Mua sắm trang thiết bị'] }],
    objectives: ['100% thôn có nhà văn hóa đạt chuẩn'],
  },
  'lam-nghiep': {
    name: 'Lâm nghiệp',
    short: 'Lâm nghiệp',
    strengths: ['Diện tích đất rừng lớn'],
    difficulties: [{ difficulty: 'Rừng đầu nguồn bị chặt phá, cháy rừng mùa khô', causes: ['Ý thức bảo vệ rừng chưa cao'], solutions: ['Giao khoán bảo vệ rừng', 'Tuyên truyền phòng cháy chữa cháy rừng'] }],
    objectives: ['Độ che phủ rừng đạt 60%'],
  },
};

export interface Template {
  readonly sector: SectorKey;
  /** Name variants; {thon} is a village, {xu} a field or stream. */
  readonly names: readonly string[];
  readonly unit: string;
  readonly qty: readonly [number, number, number];
  /** Cost per unit, in 1.000 đồng. */
  readonly cost: number;
  /** Share the people contribute. */
  readonly share: number;
  /** Probability the activity asks for outside money (0: group A, no outside money). */
  readonly outside: number;
}

export const T = (sector: SectorKey, names: readonly string[], unit: string, qty: readonly [number, number, number], cost: number, share: number, outside = 0.95): Template => ({
  sector,
  names,
  unit,
  qty,
  cost,
  share,
  outside,
});

export const TEMPLATES: readonly Template[] = [
  T('trong-trot', ['Hỗ trợ giống lúa mới năng suất cao', 'Hỗ trợ giống lúa lai', 'Hỗ trợ giống lúa thuần chất lượng cao'], 'kg', [100, 600, 20], 25, 0.5),
  T('trong-trot', ['Hỗ trợ giống ngô lai', 'Hỗ trợ giống ngô lai vụ Đông'], 'kg', [50, 400, 10], 60, 0.5),
  T('trong-trot', ['Mở lớp tập huấn kỹ thuật trồng lúa giống mới', 'Tập huấn kỹ thuật canh tác lúa SRI', 'Tập huấn kỹ thuật trồng ngô'], 'lớp', [1, 2, 1], 3000, 0, 0.9),
  T('trong-trot', ['Xây dựng mô hình trồng rau an toàn', 'Mô hình trồng rau an toàn tại thôn {thon}'], 'mô hình', [1, 1, 1], 30000, 0.3),
  T('trong-trot', ['Hỗ trợ phân bón cho hộ nghèo'], 'tấn', [1, 5, 1], 9000, 0.3),
  T('trong-trot', ['Chuyển đổi đất lúa kém hiệu quả sang trồng cây ăn quả', 'Trồng cây ăn quả (cam, quýt) theo hướng hàng hóa'], 'ha', [1, 5, 1], 40000, 0.5),
  T('thuy-loi', ['Cứng hóa kênh mương nội đồng', 'Cứng hóa kênh mương nội đồng xứ {xu}', 'Kiên cố hóa kênh mương thủy lợi {xu}'], 'm', [150, 600, 50], 780, 0.1),
  T('thuy-loi', ['Nạo vét mương thủy lợi nội đồng', 'Nạo vét kênh mương xứ {xu}'], 'm', [500, 2000, 100], 4, 1, 0),
  T('thuy-loi', ['Sửa chữa đập dâng {xu}', 'Sửa chữa phai đập đầu mối thôn {thon}'], 'đập', [1, 1, 1], 150000, 0.1),
  T('thuy-loi', ['Tổ chức họp bàn lịch lấy nước tưới giữa các thôn'], 'buổi', [1, 2, 1], 0, 0, 0),
  T('thuy-loi', ['Xây dựng bể chứa nước tưới', 'Xây dựng bể chứa nước tưới xứ {xu}'], 'bể', [1, 3, 1], 25000, 0.2),
  T('giao-thong', ['Bê tông hóa đường nội thôn {thon}', 'Bê tông hóa đường ngõ xóm thôn {thon}', 'Cứng hóa đường nội đồng xứ {xu}'], 'm', [200, 800, 50], 1000, 0.15),
  T('giao-thong', ['Phát quang, dọn cỏ hai bên đường thôn', 'Phát quang đường liên thôn'], 'km', [1, 4, 1], 1000, 1, 0),
  T('giao-thong', ['Làm rãnh thoát nước dọc đường thôn {thon}'], 'm', [100, 500, 50], 300, 0.2),
  T('giao-thong', ['Xây dựng cầu tràn suối {xu}', 'Làm cầu treo qua suối {xu}'], 'cầu', [1, 1, 1], 600000, 0.05),
  T('giao-thong', ['Sửa chữa đường liên thôn {thon} - {thon2}'], 'm', [300, 1500, 100], 400, 0.2),
  T('giao-thong', ['Lắp đặt đèn chiếu sáng đường thôn', 'Lắp đặt đèn năng lượng mặt trời đường thôn {thon}'], 'bóng', [10, 40, 5], 1500, 0.3),
  T('chan-nuoi', ['Hỗ trợ lợn giống cho hộ nghèo', 'Hỗ trợ lợn giống cho hộ nghèo, phụ nữ nghèo làm chủ hộ', 'Hỗ trợ lợn nái sinh sản cho hộ cận nghèo'], 'con', [10, 30, 5], 1800, 0.2),
  T('chan-nuoi', ['Hỗ trợ bò giống sinh sản cho hộ nghèo', 'Hỗ trợ trâu bò giống luân chuyển trong cộng đồng'], 'con', [2, 10, 1], 15000, 0.2),
  T('chan-nuoi', ['Hỗ trợ gà giống', 'Hỗ trợ gà giống địa phương cho hộ nghèo'], 'con', [200, 1000, 50], 30, 0.3),
  T('chan-nuoi', ['Tập huấn phòng chống dịch bệnh cho gia súc, gia cầm', 'Tiêm phòng vắc xin cho đàn gia súc'], 'lớp', [1, 2, 1], 2500, 0),
  T('chan-nuoi', ['Vận động hộ chăn nuôi làm chuồng trại xa nhà'], 'hộ', [10, 40, 1], 0, 0, 0),
  T('chan-nuoi', ['Xây dựng hầm biogas xử lý chất thải chăn nuôi'], 'hầm', [3, 10, 1], 8000, 0.4),
  T('nuoc-sach', ['Xây dựng công trình cấp nước sinh hoạt tập trung thôn {thon}', 'Sửa chữa hệ thống nước tự chảy thôn {thon}'], 'công trình', [1, 1, 1], 350000, 0.1),
  T('nuoc-sach', ['Hỗ trợ xây dựng nhà tiêu hợp vệ sinh cho hộ nghèo'], 'nhà', [10, 40, 5], 3000, 0.3),
  T('nuoc-sach', ['Tổ chức tổng vệ sinh đường làng ngõ xóm', 'Ra quân vệ sinh môi trường thôn {thon}'], 'lần', [4, 12, 1], 0, 0, 0),
  T('nuoc-sach', ['Xây dựng điểm tập kết rác thải', 'Làm hố rác tập trung thôn {thon}'], 'điểm', [1, 3, 1], 15000, 0.2),
  T('nuoc-sach', ['Hỗ trợ bể chứa nước sinh hoạt cho hộ nghèo', 'Hỗ trợ téc nước cho hộ nghèo'], 'cái', [10, 30, 1], 3000, 0.3),
  T('y-te', ['Tư vấn dinh dưỡng cho bà mẹ có con dưới 5 tuổi', 'Truyền thông dinh dưỡng cho bà mẹ và trẻ em'], 'buổi', [4, 12, 1], 500, 0),
  T('y-te', ['Khám sức khỏe định kỳ cho người cao tuổi'], 'đợt', [1, 2, 1], 8000, 0),
  T('y-te', ['Mua sắm trang thiết bị cho trạm y tế xã'], 'bộ', [1, 1, 1], 80000, 0),
  T('y-te', ['Truyền thông phòng chống sốt xuất huyết', 'Phun thuốc diệt muỗi phòng sốt xuất huyết'], 'đợt', [1, 3, 1], 1500, 0.1),
  T('giao-duc', ['Xây dựng phòng học điểm trường thôn {thon}', 'Xây dựng 2 phòng học kiên cố điểm trường {thon}'], 'phòng', [1, 2, 1], 400000, 0.03),
  T('giao-duc', ['Xây dựng nhà bán trú cho học sinh'], 'nhà', [1, 1, 1], 500000, 0.05),
  T('giao-duc', ['Mở lớp xóa mù chữ cho người lớn', 'Mở lớp xóa mù chữ cho phụ nữ'], 'lớp', [1, 2, 1], 12000, 0),
  T('giao-duc', ['Vận động trẻ em ra lớp đúng độ tuổi'], 'đợt', [1, 2, 1], 0, 0, 0),
  T('giao-duc', ['Hỗ trợ sách vở, đồ dùng học tập cho học sinh nghèo'], 'bộ', [20, 80, 5], 300, 0),
  T('van-hoa', ['Xây dựng nhà văn hóa thôn {thon}', 'Sửa chữa, nâng cấp nhà văn hóa thôn {thon}'], 'nhà', [1, 1, 1], 450000, 0.15),
  T('van-hoa', ['Mua sắm trang thiết bị cho nhà văn hóa thôn', 'Mua bộ loa đài, bàn ghế cho nhà văn hóa thôn {thon}'], 'bộ', [1, 1, 1], 25000, 0.2),
  T('van-hoa', ['Thành lập đội văn nghệ thôn {thon}', 'Duy trì câu lạc bộ văn nghệ dân gian'], 'đội', [1, 1, 1], 5000, 0.4),
  T('van-hoa', ['Truyền thông phòng chống bạo lực gia đình'], 'buổi', [2, 6, 1], 0, 0, 0),
  T('van-hoa', ['Thành lập tổ tiết kiệm và vay vốn thôn bản cho phụ nữ nghèo', 'Thành lập tổ tiết kiệm vay vốn thôn {thon}'], 'tổ', [1, 3, 1], 4000, 0.25),
  T('van-hoa', ['Dạy nghề cho lao động nông thôn', 'Mở lớp dạy nghề mây tre đan'], 'lớp', [1, 1, 1], 30000, 0.1),
  T('lam-nghiep', ['Trồng rừng sản xuất (keo, quế)', 'Hỗ trợ cây giống trồng rừng sản xuất'], 'ha', [2, 10, 1], 15000, 0.3),
  T('lam-nghiep', ['Khoanh nuôi bảo vệ rừng đầu nguồn', 'Giao khoán bảo vệ rừng đầu nguồn thôn {thon}'], 'ha', [20, 100, 10], 400, 0),
  T('lam-nghiep', ['Làm đường băng cản lửa phòng cháy rừng'], 'km', [1, 4, 1], 12000, 0.3),
  T('lam-nghiep', ['Tuyên truyền phòng cháy chữa cháy rừng'], 'buổi', [1, 3, 1], 0, 0, 0),
];

export const VILLAGE_SECTORS: readonly SectorKey[] = ['trong-trot', 'thuy-loi', 'giao-thong', 'chan-nuoi', 'nuoc-sach', 'giao-duc', 'van-hoa', 'y-te', 'lam-nghiep'];

export const DEPARTMENTS: readonly { readonly name: string; readonly sectors: readonly SectorKey[] }[] = [
  { name: 'Hội Nông dân xã', sectors: ['trong-trot', 'chan-nuoi'] },
  { name: 'Hội Liên hiệp Phụ nữ xã', sectors: ['van-hoa', 'y-te'] },
  { name: 'Đoàn Thanh niên xã', sectors: ['giao-thong', 'nuoc-sach'] },
  { name: 'Hội Cựu chiến binh xã', sectors: ['lam-nghiep'] },
  { name: 'Trạm Y tế xã', sectors: ['y-te', 'nuoc-sach'] },
  { name: 'Trường Tiểu học xã', sectors: ['giao-duc'] },
  { name: 'Trường Mầm non xã', sectors: ['giao-duc'] },
  { name: 'Công chức Địa chính - Xây dựng xã', sectors: ['giao-thong', 'thuy-loi'] },
  { name: 'Công chức Văn hóa - Xã hội xã', sectors: ['van-hoa'] },
  { name: 'Trạm Khuyến nông xã', sectors: ['trong-trot', 'lam-nghiep'] },
];

export const TIMES = ['Q.I/2027', 'Q.II/2027', 'Q.III/2027', 'Q.IV/2027', 'T.3/2027', 'Cả năm'];
export const RESPONSIBLE = ['Trưởng thôn', 'Ban phát triển thôn', 'UBND xã', 'Hội Phụ nữ thôn', 'Chi đoàn thanh niên', 'Khuyến nông viên xã', 'Ban quản lý xã\nTrưởng thôn'];
export const NOTES = ['CT Nông thôn mới', 'CT 135\nCộng đồng tự thi công', 'CT Giảm nghèo', 'Dân góp công', 'Đề nghị hỗ trợ', 'Vốn lồng ghép của huyện', 'Nhà nước và nhân dân cùng làm'];

export interface GenActivity {
  readonly activity: string;
  readonly unit?: string;
  readonly quantity?: number;
  readonly time: string;
  readonly place: string;
  readonly responsible: string;
  /** Absent on the few rows left without figures (the consolidation returns them). */
  readonly contribution?: number;
  readonly support?: number;
  readonly note?: string;
  readonly objective?: string;
}

export interface GenSheet {
  readonly sheetName: string;
  readonly sector: Sector;
  readonly strengths: readonly string[];
  readonly difficulties: Sector['difficulties'];
  readonly activities: readonly GenActivity[];
}

export interface GenUnit {
  readonly form: 'I.2' | 'II.3';
  readonly unit: string;
  readonly file: string;
  readonly sheets: readonly GenSheet[];
}

export interface GenCommune {
  readonly name: string;
  readonly units: readonly GenUnit[];
}

export function fileName(unit: string): string {
  return `${unit
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.xlsx`;
}

/** Distinct place names (pairs of syllables), the same list on every machine. */
export function placeNames(count: number): string[] {
  if (count > FIRST.length * SECOND.length) throw new Error('not enough place names');
  const order = shuffle(
    rng(SEED),
    Array.from({ length: FIRST.length * SECOND.length }, (_, i) => i),
  );
  return order.slice(0, count).map((i) => `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length)]}`);
}

export function genActivities(r: Rng, sector: SectorKey, count: number, village: string, villages: readonly string[], department: string | undefined): GenActivity[] {
  const templates = TEMPLATES.filter((t) => t.sector === sector);
  const out: GenActivity[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = '';
    let t = templates[0];
    for (let attempt = 0; attempt < 6; attempt++) {
      t = pick(r, templates);
      const other = pick(r, villages.filter((v) => v !== village));
      name = pick(r, t.names)
        .replace('{thon}', village)
        .replace('{thon2}', other ?? village)
        .replace('{xu}', pick(r, FIELDS));
      if (!seen.has(`${name}|${t.unit}`)) break;
    }
    seen.add(`${name}|${t.unit}`);
    const common = {
      activity: name,
      time: pick(r, TIMES),
      place: department ? (r() < 0.5 ? 'Toàn xã' : `Thôn ${village}`) : `Thôn ${village}`,
      responsible: department ?? pick(r, RESPONSIBLE),
      ...(department ? { objective: pick(r, SECTORS[sector].objectives) } : {}),
    };
    // About 1 row in 100 is left without figures: returned to its unit as unclear.
    if (r() < 0.01) {
      out.push(common);
      continue;
    }
    const quantity = between(r, t.qty[0], t.qty[1], t.qty[2]);
    const total = Math.round((quantity * t.cost * (0.8 + 0.4 * r())) / 500) * 500;
    const outside = r() < t.outside && total > 0;
    const contribution = outside ? Math.round((total * t.share) / 500) * 500 : total;
    const support = outside ? total - contribution : 0;
    const note = r() < 0.7 ? pick(r, NOTES) : undefined;
    out.push({ ...common, unit: t.unit, quantity, contribution, support, ...(note ? { note } : {}) });
  }
  return out;
}

export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export function sheetsOf(r: Rng, form: 'I.2' | 'II.3', sectors: readonly SectorKey[], village: string, villages: readonly string[], department?: string): GenSheet[] {
  const counts = splitEvenly(ACTIVITIES_PER_UNIT, sectors.length);
  return sectors.map((key, i) => {
    const s = SECTORS[key];
    return {
      sheetName: `${form} - ${s.short}`.slice(0, 31),
      sector: s,
      strengths: s.strengths.slice(0, 1 + Math.floor(r() * s.strengths.length)),
      difficulties: s.difficulties.slice(0, 1 + Math.floor(r() * s.difficulties.length)),
      activities: genActivities(r, key, counts[i], village, villages, department),
    };
  });
}

/** `count` communes of 40 villages (I.2, 2 to 4 sectors each) and 10 departments (II.3): 1,000 activities each. */
export function generateCommunes(count: number): GenCommune[] {
  const villagesPer = UNITS_PER_COMMUNE - DEPARTMENTS_PER_COMMUNE;
  const names = placeNames(count * (villagesPer + 1));
  const out: GenCommune[] = [];
  for (let c = 0; c < count; c++) {
    const r = rng(SEED + 1 + c);
    // Commune c gets the same names whatever `count` is: its own, then its villages'.
    const commune = names[c * (villagesPer + 1)];
    const villages = names.slice(c * (villagesPer + 1) + 1, (c + 1) * (villagesPer + 1));
    const units: GenUnit[] = villages.map((v) => {
      const sectors = shuffle(r, VILLAGE_SECTORS).slice(0, 2 + Math.floor(r() * 3));
      const unit = `Thôn ${v}`;
      return { form: 'I.2', unit, file: fileName(unit), sheets: sheetsOf(r, 'I.2', sectors, v, villages) };
    });
    for (const d of DEPARTMENTS.slice(0, DEPARTMENTS_PER_COMMUNE)) {
      const unit = `${d.name} ${commune}`;
      units.push({ form: 'II.3', unit, file: fileName(unit), sheets: sheetsOf(r, 'II.3', d.sectors, pick(r, villages), villages, unit) });
    }
    out.push({ name: `Xã ${commune}`, units });
  }
  return out;
}

// FormReadings as the reader makes them (for b and c) ------------------------------------------

export const I2_COLUMNS = ['activity', 'unit', 'quantity', 'time', 'place', 'responsible', 'total', 'contribution', 'support', 'note'];
export const II3_COLUMNS = ['activity', 'objective', 'unit', 'quantity', 'time', 'place', 'responsible', 'total', 'contribution', 'support', 'note'];

export function cellsOf(columns: readonly string[], row: number): Record<string, string> {
  const cells: Record<string, string> = {};
  columns.forEach((k, c) => (cells[k] = a1(row, c)));
  return cells;
}

export function readingsOf(units: readonly GenUnit[]): FormReading[] {
  const out: FormReading[] = [];
  for (const u of units) {
    const columns = u.form === 'II.3' ? II3_COLUMNS : I2_COLUMNS;
    for (const s of u.sheets) {
      const ref = (row: number, cells: Record<string, string>): SourceRef => ({ file: u.file, sheet: s.sheetName, row, cells });
      let row = 5;
      const strengths: Strength[] = s.strengths.map((text) => ({ text, source: ref(row, { strength: a1(row++, 0) }) }));
      row += 2;
      const difficulties: Difficulty[] = s.difficulties.map((d) => {
        const source = ref(row, { difficulty: a1(row, 0), cause: a1(row, 4), solution: a1(row, 7) });
        row += Math.max(d.causes.length, d.solutions.length, 1);
        return { difficulty: d.difficulty, causes: d.causes, solutions: d.solutions, source };
      });
      row += 3;
      const activities: Activity[] = [];
      for (const group of ['no-outside-money', 'outside-money'] as const) {
        row++; // the group row
        for (const a of s.activities) {
          if ((a.support === 0) !== (group === 'no-outside-money')) continue;
          const total = a.contribution === undefined ? undefined : a.contribution + (a.support ?? 0);
          activities.push({
            activity: a.activity,
            group,
            ...(a.objective ? { objective: a.objective } : {}),
            ...(a.unit ? { unit: a.unit } : {}),
            ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
            time: a.time,
            place: a.place,
            responsible: a.responsible,
            ...(total !== undefined ? { total } : {}),
            ...(a.contribution !== undefined ? { contribution: a.contribution } : {}),
            ...(a.support !== undefined ? { support: a.support } : {}),
            ...(a.note ? { note: a.note } : {}),
            source: ref(row, cellsOf(columns, row)),
            unreadable: false,
          });
          row++;
        }
      }
      out.push({
        file: u.file,
        sheet: s.sheetName,
        formId: u.form,
        confidence: 1,
        planYear: PLAN_YEAR,
        unitName: u.unit,
        sector: s.sector.name,
        strengths,
        difficulties,
        activities,
        fixedValues: {},
        findings: [],
      });
    }
  }
  return out;
}

// .xlsx files (for a), laid out as demo.ts lays out its villages --------------------------------

export function sheetLayout(u: GenUnit, s: GenSheet): SheetLayout {
  const withObjective = u.form === 'II.3';
  const act = (a: GenActivity): BodyRow => ({
    kind: 'data',
    values: {
      activity: a.activity,
      ...(withObjective ? { objective: a.objective ?? null } : {}),
      unit: a.unit ?? null,
      quantity: a.quantity ?? null,
      time: a.time,
      place: a.place,
      responsible: a.responsible,
      total: a.contribution === undefined ? null : a.contribution + (a.support ?? 0),
      contribution: a.contribution ?? null,
      support: a.support ?? null,
      note: a.note ?? null,
    } as Record<string, LayoutValue>,
  });
  const difficulties: BodyRow[] = s.difficulties.flatMap((d) =>
    Array.from({ length: Math.max(d.causes.length, d.solutions.length, 1) }, (_, i): BodyRow => ({
      kind: 'data',
      values: { difficulty: i === 0 ? d.difficulty : null, cause: d.causes[i] ? `- ${d.causes[i]}` : null, solution: d.solutions[i] ? `- ${d.solutions[i]}` : null },
    })),
  );
  const layout = layoutForm(getForm(u.form), {
    planYear: PLAN_YEAR,
    unitName: u.unit,
    sheetName: s.sheetName,
    body: {
      strengths: s.strengths.map((t): BodyRow => ({ kind: 'data', values: { strength: t } })),
      difficulties,
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        ...s.activities.filter((a) => a.support === 0).map(act),
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ...s.activities.filter((a) => a.support !== 0).map(act),
      ],
    },
  });
  // The "Ngành/Lĩnh vực:" line is a field the layout prints with dots; the unit fills it in (I.2 and II.3 spell it differently).
  return {
    ...layout,
    cells: layout.cells.map((c) => (typeof c.value === 'string' && /^Ngành\/lĩnh vực:/i.test(c.value) ? { ...c, value: `Ngành/Lĩnh vực: ${s.sector.name}` } : c)),
  };
}

export async function writeCommuneFiles(commune: GenCommune, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const u of commune.units) {
    const wb = XlsxWorkbook.create();
    for (const s of u.sheets) await wb.createSheet(sheetLayout(u, s));
    await wb.writeState({ planYear: PLAN_YEAR, unitName: u.unit, sheetForms: Object.fromEntries(u.sheets.map((s) => [s.sheetName, u.form])) });
    const file = join(dir, u.file);
    writeFileSync(file, await wb.save());
    files.push(file);
  }
  return files;
}
