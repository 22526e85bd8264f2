/**
 * A realistic demo commune (fictional "Xã Tân Lập"): six villages' I.2 sheets, five
 * departments' II.3 sheets and the district's III.1, as host-neutral layouts. `lkh demo`
 * writes them as the .xlsx files a commune accountant would receive by e-mail; the Excel and
 * Google Sheets panes use the same data to let anyone try the product. Deterministic.
 */
import { formEdition } from '../../forms/editions';
import { getForm } from '../../forms/registry';
import { periodOfYear } from '../../reference';
import type { FormId } from '../../forms/types';
import type { BodyRow } from '../../layout/engine';
import { layoutForm } from '../../layout/engine';
import type { LayoutValue, SheetLayout } from '../../layout/types';

export const DEMO_COMMUNE = 'Xã Tân Lập';
/** The level above the demo commune: a province, as for every plan from 2026 (districts were abolished on 1 July 2025). */
export const DEMO_PROVINCE = 'Tỉnh Lào Cai';
export const DEMO_YEAR = 2027;
/** The program period of the demo's plan year. */
export const DEMO_PERIOD = periodOfYear(DEMO_YEAR).period;

export interface DemoFile {
  /** File name, e.g. "Thon-Na-Liu.xlsx". */
  readonly name: string;
  /** The unit that sends it ("Thôn Nà Lìu", "Hội Nông dân xã", "Tỉnh Lào Cai"). */
  readonly unit: string;
  readonly sheets: readonly { readonly layout: SheetLayout; readonly formId: FormId }[];
}

interface DemoActivity {
  readonly activity: string;
  readonly unit: string;
  readonly quantity: number;
  readonly time: string;
  readonly responsible: string;
  readonly contribution: number;
  readonly support: number;
  readonly note?: string;
  readonly objective?: string;
  readonly place?: string;
}

interface DemoSector {
  readonly sector: string;
  readonly strengths: readonly string[];
  readonly difficulties: readonly { readonly difficulty: string; readonly causes: readonly string[]; readonly solutions: readonly string[] }[];
  readonly activities: readonly DemoActivity[];
}

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VILLAGES = ['Thôn Nà Lìu', 'Thôn Khuổi Mạ', 'Thôn Bản Chang', 'Thôn Pác Ngòi', 'Thôn Cốc Phấy', 'Thôn Nà Hin'];

const QUARTERS = ['Q.I/2027', 'Q.II/2027', 'Q.III/2027', 'Q.IV/2027'];

function villageSectors(village: string, r: () => number): DemoSector[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
  const place = village.replace(/^Thôn\s+/, 'Thôn ');
  const road = round(200 + r() * 600, 50);
  const canal = round(150 + r() * 350, 50);
  const seed = round(100 + r() * 500, 20);
  const pigs = round(10 + r() * 20, 5);
  return [
    {
      sector: 'Nông nghiệp (Trồng trọt & Thủy lợi)',
      strengths: ['Người dân cần cù, có kinh nghiệm trồng lúa nước', 'Đất ruộng bằng phẳng, gần nguồn nước'],
      difficulties: [
        {
          difficulty: 'Năng suất lúa thấp, giống lúa cũ bị thoái hóa',
          causes: ['Người dân dùng lại giống cũ nhiều vụ', 'Thiếu kiến thức kỹ thuật canh tác giống mới'],
          solutions: ['Hỗ trợ giống lúa mới năng suất cao', 'Mở lớp tập huấn kỹ thuật'],
        },
        {
          difficulty: 'Thiếu nước tưới vụ Đông Xuân',
          causes: ['Kênh mương bằng đất, thất thoát nước'],
          solutions: ['Cứng hóa kênh mương nội đồng', 'Vận động nhân dân nạo vét mương'],
        },
      ],
      activities: [
        { activity: 'Nạo vét mương thủy lợi nội đồng', unit: 'm', quantity: round(800 + r() * 1200, 100), time: 'Q.I/2027', responsible: 'Trưởng thôn', contribution: round(3000 + r() * 5000, 500), support: 0, note: 'Dân góp công, tự làm' },
        { activity: 'Tổ chức họp bàn lịch lấy nước tưới giữa các thôn', unit: 'buổi', quantity: 1, time: 'T.1/2027', responsible: 'Trưởng thôn', contribution: 0, support: 0, note: 'Không sử dụng kinh phí' },
        { activity: 'Cứng hóa kênh mương nội đồng', unit: 'm', quantity: canal, time: pick(QUARTERS.slice(1)), responsible: 'Ban quản lý xã\nTrưởng thôn', contribution: round(canal * 80, 1000), support: round(canal * 700, 1000), note: pick(['CT Nông thôn mới\nDân góp công đào đắp', 'CT 135\nCộng đồng tự thi công', 'Đề nghị hỗ trợ']) },
        { activity: 'Hỗ trợ giống lúa mới năng suất cao', unit: 'kg', quantity: seed, time: 'Q.II/2027', responsible: 'Khuyến nông viên xã\nTrưởng thôn', contribution: round(seed * 25, 500), support: round(seed * 25, 500), note: 'Nhà nước trợ giá 50% giá giống lúa mới' },
        { activity: 'Mở lớp tập huấn kỹ thuật trồng lúa giống mới', unit: 'lớp', quantity: 1, time: 'Q.I/2027', responsible: 'Khuyến nông viên xã', contribution: 0, support: 3000, note: 'CT Giảm nghèo\nTrạm Khuyến nông hỗ trợ giảng viên' },
      ],
    },
    {
      sector: 'Giao thông',
      strengths: ['Nhân dân đồng thuận hiến đất làm đường'],
      difficulties: [
        {
          difficulty: 'Đường vào thôn lầy lội mùa mưa, xe không vào được',
          causes: ['Đường đất, chưa được cứng hóa'],
          solutions: ['Bê tông hóa đường nội thôn theo cơ chế Nhà nước và nhân dân cùng làm'],
        },
      ],
      activities: [
        { activity: 'Phát quang, dọn cỏ hai bên đường thôn', unit: 'km', quantity: round(1 + r() * 3, 1), time: 'T.3/2027', responsible: 'Chi đoàn thanh niên', contribution: 2000, support: 0, note: 'Dân góp công' },
        { activity: `Bê tông hóa đường nội thôn ${place}`, unit: 'm', quantity: road, time: 'Q.III/2027', responsible: 'UBND xã\nBan phát triển thôn', contribution: round(road * 150, 1000), support: round(road * 850, 1000), note: pick(['CT Nông thôn mới\nCơ chế đầu tư đặc thù rút gọn', 'Vốn lồng ghép của tỉnh', 'Đề nghị hỗ trợ xi măng']) },
      ],
    },
    {
      sector: 'Chăn nuôi',
      strengths: ['Có bãi chăn thả rộng'],
      difficulties: [
        {
          difficulty: 'Hộ nghèo thiếu vốn mua con giống',
          causes: ['Thu nhập thấp, khó vay vốn ngân hàng'],
          solutions: ['Hỗ trợ con giống cho hộ nghèo, luân chuyển trong cộng đồng'],
        },
      ],
      activities: [
        { activity: 'Hỗ trợ lợn giống cho hộ nghèo, phụ nữ nghèo làm chủ hộ', unit: 'con', quantity: pigs, time: 'Q.II/2027', responsible: 'Hội Phụ nữ thôn', contribution: round(pigs * 300, 500), support: round(pigs * 1500, 500), note: 'CT 135 - Dự án hỗ trợ phát triển sản xuất\nLuân chuyển lợn giống trong cộng đồng' },
        { activity: 'Tập huấn phòng chống dịch bệnh cho gia súc, gia cầm', unit: 'lớp', quantity: 1, time: 'Q.I/2027', responsible: 'Thú y xã', contribution: 0, support: 2500 },
      ],
    },
  ];
}

const DEPARTMENTS: readonly { unit: string; sectors: DemoSector[] }[] = [
  {
    unit: 'Hội Nông dân xã',
    sectors: [
      {
        sector: 'Nông nghiệp',
        strengths: ['Hội viên tích cực tham gia tổ hợp tác'],
        difficulties: [{ difficulty: 'Sản phẩm nông nghiệp khó tiêu thụ, bị ép giá', causes: ['Chưa có liên kết với doanh nghiệp'], solutions: ['Thành lập tổ hợp tác, liên kết tiêu thụ'] }],
        activities: [
          { activity: 'Hỗ trợ giống lúa mới năng suất cao', unit: 'kg', quantity: 500, time: 'Q.II/2027', responsible: 'Hội Nông dân xã', contribution: 12500, support: 12500, note: 'Nhà nước trợ giá 50%', objective: 'Tăng năng suất lúa lên 5,5 tấn/ha' },
          { activity: 'Thành lập tổ hợp tác sản xuất và tiêu thụ chè', unit: 'tổ', quantity: 1, time: 'Q.III/2027', responsible: 'Hội Nông dân xã', contribution: 5000, support: 20000, note: 'CT Nông thôn mới - hỗ trợ phát triển sản xuất', objective: 'Liên kết tiêu thụ chè cho 30 hộ' },
        ],
      },
    ],
  },
  {
    unit: 'Hội Liên hiệp Phụ nữ xã',
    sectors: [
      {
        sector: 'Xã hội - Bình đẳng giới',
        strengths: ['Mạng lưới chi hội phụ nữ ở tất cả các thôn'],
        difficulties: [{ difficulty: 'Phụ nữ nghèo ít được tiếp cận vốn và kỹ thuật', causes: ['Thiếu thông tin, ngại vay vốn'], solutions: ['Tổ tiết kiệm vay vốn, tập huấn cho phụ nữ nghèo'] }],
        activities: [
          { activity: 'Thành lập tổ tiết kiệm và vay vốn thôn bản cho phụ nữ nghèo', unit: 'tổ', quantity: 3, time: 'Q.II/2027', responsible: 'Hội Phụ nữ xã', contribution: 3000, support: 9000, note: 'Dự án NGO hỗ trợ', objective: '60 phụ nữ nghèo được vay vốn' },
          { activity: 'Truyền thông phòng chống bạo lực gia đình', unit: 'buổi', quantity: 6, time: 'Cả năm', responsible: 'Hội Phụ nữ xã', contribution: 0, support: 0, note: 'Lồng ghép sinh hoạt chi hội' },
        ],
      },
    ],
  },
  {
    unit: 'Trạm Y tế xã',
    sectors: [
      {
        sector: 'Y tế',
        strengths: ['Trạm y tế đạt chuẩn quốc gia'],
        difficulties: [{ difficulty: 'Tỷ lệ trẻ suy dinh dưỡng còn cao', causes: ['Kiến thức dinh dưỡng của các bà mẹ còn hạn chế'], solutions: ['Tư vấn dinh dưỡng tại thôn'] }],
        activities: [
          { activity: 'Tư vấn dinh dưỡng cho bà mẹ có con dưới 5 tuổi', unit: 'buổi', quantity: 12, time: 'Cả năm', responsible: 'Trạm Y tế xã', contribution: 0, support: 6000, note: 'Vốn sự nghiệp y tế của tỉnh', objective: 'Giảm tỷ lệ trẻ suy dinh dưỡng xuống dưới 18%' },
        ],
      },
    ],
  },
  {
    unit: 'Trường Tiểu học Tân Lập',
    sectors: [
      {
        sector: 'Giáo dục',
        strengths: ['Đội ngũ giáo viên đủ về số lượng'],
        difficulties: [{ difficulty: 'Điểm trường thôn thiếu phòng học kiên cố', causes: ['Phòng học tạm bằng gỗ đã xuống cấp'], solutions: ['Xây dựng phòng học kiên cố'] }],
        activities: [
          { activity: 'Xây dựng 2 phòng học điểm trường Khuổi Mạ', unit: 'phòng', quantity: 2, time: 'Q.III/2027', responsible: 'UBND xã', contribution: 30000, support: 870000, note: 'Đề nghị hỗ trợ', objective: '100% phòng học kiên cố' },
        ],
      },
    ],
  },
  {
    unit: 'Công chức Địa chính - Xây dựng xã',
    sectors: [
      {
        sector: 'Giao thông - Thủy lợi',
        strengths: ['Quy hoạch nông thôn mới đã được duyệt'],
        difficulties: [{ difficulty: 'Cầu tràn liên thôn bị lũ cuốn trôi', causes: ['Mưa lũ lớn năm 2026'], solutions: ['Xây dựng lại cầu tràn, kết hợp phòng chống thiên tai'] }],
        activities: [
          { activity: 'Xây dựng cầu tràn liên thôn Bản Chang - Pác Ngòi', unit: 'cầu', quantity: 1, time: 'Q.IV/2027', responsible: 'UBND xã', contribution: 50000, support: 950000, note: 'CT 135 - vốn đầu tư phát triển', objective: 'Giao thông thông suốt mùa mưa lũ' },
        ],
      },
    ],
  },
];

function i2Body(s: DemoSector, withObjective: boolean, place: string): Record<string, BodyRow[]> {
  const act = (a: DemoActivity): BodyRow => ({
    kind: 'data',
    values: {
      activity: a.activity,
      ...(withObjective ? { objective: a.objective ?? null } : {}),
      unit: a.unit,
      quantity: a.quantity,
      time: a.time,
      place: a.place ?? place,
      responsible: a.responsible,
      total: a.contribution + a.support,
      contribution: a.contribution,
      support: a.support,
      note: a.note ?? null,
    } as Record<string, LayoutValue>,
  });
  const diffRows: BodyRow[] = s.difficulties.flatMap((d) => {
    const n = Math.max(d.causes.length, d.solutions.length, 1);
    return Array.from({ length: n }, (_, i): BodyRow => ({
      kind: 'data',
      values: { difficulty: i === 0 ? d.difficulty : null, cause: d.causes[i] ? `- ${d.causes[i]}` : null, solution: d.solutions[i] ? `- ${d.solutions[i]}` : null },
    }));
  });
  return {
    strengths: s.strengths.map((t): BodyRow => ({ kind: 'data', values: { strength: t } })),
    difficulties: diffRows,
    activities: [
      { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
      ...s.activities.filter((a) => a.support === 0).map(act),
      { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
      ...s.activities.filter((a) => a.support !== 0).map(act),
    ],
  };
}

/** The sector sheet's "Ngành/Lĩnh vực:" line is a field: the layout prints dots; the demo fills it. */
function withSector(layout: SheetLayout, sector: string): SheetLayout {
  return {
    ...layout,
    // I.2 prints "Ngành/Lĩnh vực:", II.3 "Ngành/lĩnh vực:": keep the form's own label.
    cells: layout.cells.map((c) => (typeof c.value === 'string' && /^ngành\/lĩnh vực:/iu.test(c.value) ? { ...c, value: `${c.value.slice(0, c.value.indexOf(':') + 1)} ${sector}` } : c)),
  };
}

function fileName(unit: string): string {
  return `${unit
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.xlsx`;
}

/** The demo commune's files. */
/**
 * A village's I.1 (its basic figures: land, people, households, poor and near-poor households)
 * and I.3 (the minutes of its meeting: attendance and women), as the village sends them with its
 * I.2 (L597). Drawn from a generator of their own, so the I.2s stay as they were. Thôn Khuổi Mạ's
 * meeting has too few women (rule 8: at least 30%), as happens.
 */
function villageBasics(village: string, index: number): { formId: FormId; layout: SheetLayout }[] {
  const r = rng(20271 + index);
  const households = 60 + Math.round(r() * 90);
  const people = Math.round(households * (4.2 + r() * 0.8));
  const poor = Math.round(households * (0.12 + r() * 0.2));
  const nearPoor = Math.round(households * (0.05 + r() * 0.1));
  const land = Math.round((40 + r() * 80) * 10) / 10;
  const i1 = layoutForm(getForm('I.1'), {
    planYear: DEMO_YEAR,
    unitName: village,
    sheetName: 'I.1',
    fixedValues: { indicators: { 'I.1': { value: land }, 'I.5': { value: people }, 'I.6': { value: households }, 'I.7': { value: poor }, 'I.8': { value: nearPoor } } },
  });
  const attendees = Math.round(households * (0.6 + r() * 0.25));
  const women = village === 'Thôn Khuổi Mạ' ? Math.round(attendees * 0.22) : Math.round(attendees * (0.36 + r() * 0.12));
  const base = layoutForm(getForm('I.3'), { planYear: DEMO_YEAR, unitName: village, sheetName: 'I.3' });
  // The minutes as the village's secretary fills them in: the counts after their labels.
  const i3: SheetLayout = {
    ...base,
    cells: base.cells.map((c) => {
      if (typeof c.value !== 'string') return c;
      if (c.value.startsWith('(2.3) Người dân tham gia họp:')) return { ...c, value: `(2.3) Người dân tham gia họp: ${attendees}` };
      if (c.value.startsWith('người, trong đó nữ')) return { ...c, value: `người, trong đó nữ ${women}` };
      if (c.value.startsWith('(3.) Địa điểm:')) return { ...c, value: `(3.) Địa điểm: Nhà văn hóa ${village}` };
      // The letterhead: the commune, the village, the place and day of the meeting (May 2026).
      if (c.value.startsWith('UBND CẤP XÃ')) return { ...c, value: `UBND ${DEMO_COMMUNE.toUpperCase()}` };
      if (/^Thôn\s*[.…]+$/u.test(c.value)) return { ...c, value: village };
      if (/^[.…]+, ngày/u.test(c.value)) return { ...c, value: `${village.replace(/^Thôn\s+/u, '')}, ngày ${10 + index} tháng 5 năm 2026` };
      return c;
    }),
  };
  return [
    { formId: 'I.1', layout: i1 },
    { formId: 'I.3', layout: i3 },
  ];
}

export function demoFiles(): DemoFile[] {
  const r = rng(20270);
  const files: DemoFile[] = [];
  for (const v of VILLAGES) {
    const sectors = villageSectors(v, r);
    // One village forgets a name and leaves a row without figures: the consolidation returns them.
    if (v === 'Thôn Cốc Phấy') {
      const s = sectors[1];
      sectors[1] = { ...s, activities: [...s.activities, { activity: 'Làm rãnh thoát nước', unit: '', quantity: Number.NaN, time: '', responsible: '', contribution: Number.NaN, support: Number.NaN, place: '' }] };
    }
    files.push({
      name: fileName(v),
      unit: v,
      sheets: [
        ...sectors.map((s, i) => ({
          formId: 'I.2' as const,
          layout: withSector(
            layoutForm(getForm('I.2'), {
              planYear: DEMO_YEAR,
              unitName: v,
              sheetName: `I.2 - ${['Trồng trọt', 'Giao thông', 'Chăn nuôi'][i] ?? s.sector}`,
              body: clean(i2Body(s, false, v)),
            }),
            s.sector,
          ),
        })),
        ...villageBasics(v, VILLAGES.indexOf(v)),
      ],
    });
  }
  for (const d of DEPARTMENTS) {
    files.push({
      name: fileName(d.unit),
      unit: d.unit,
      sheets: d.sectors.map((s) => ({
        formId: 'II.3' as const,
        layout: withSector(layoutForm(getForm('II.3'), { planYear: DEMO_YEAR, unitName: d.unit, sheetName: `II.3 - ${s.sector}`.slice(0, 31), body: i2Body(s, true, 'Toàn xã') }), s.sector),
      })),
    });
  }
  // The province's III.1 for 2027, on the 2026-2030 edition of the form: one line for the merged
  // program (Nghị quyết 257/2025/QH15), no district line.
  files.push({
    name: 'III.1-Tinh-Lao-Cai.xlsx',
    unit: DEMO_PROVINCE,
    sheets: [
      {
        formId: 'III.1',
        layout: layoutForm(formEdition(getForm('III.1'), DEMO_PERIOD), {
          planYear: DEMO_YEAR,
          unitName: DEMO_COMMUNE,
          sheetName: 'III.1',
          fixedValues: {
            sources: {
              'chi-thuong-xuyen': { content: 'Chi thường xuyên của xã', amount: 1200 },
              'ctmtqg-dau-tu': { content: 'Hạ tầng giao thông, thủy lợi, cầu tràn các thôn đặc biệt khó khăn', amount: 2500 },
              'ctmtqg-su-nghiep': { content: 'Hỗ trợ phát triển sản xuất, sinh kế hộ nghèo', amount: 550 },
              tinh: { content: 'Kiên cố hóa trường học', amount: 600 },
              'oda-ngo': { content: 'Dự án NGO tiết kiệm vay vốn', amount: 100 },
            },
          },
        }),
      },
    ],
  });
  return files;
}

/** NaN marks a value the demo leaves blank on purpose. */
function clean(body: Record<string, BodyRow[]>): Record<string, BodyRow[]> {
  const out: Record<string, BodyRow[]> = {};
  for (const [k, rows] of Object.entries(body)) {
    out[k] = rows.map((row) => {
      if (row.kind !== 'data') return row;
      const values: Record<string, LayoutValue> = {};
      for (const [c, v] of Object.entries(row.values)) values[c] = typeof v === 'number' && Number.isNaN(v) ? null : v === '' ? null : v;
      return { ...row, values };
    });
  }
  return out;
}
