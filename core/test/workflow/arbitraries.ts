/**
 * Random communes for the consolidation properties: villages (I.2) and departments (II.3), each
 * with a few activities drawn from a Vietnamese pool — some with contradictory totals, some
 * without a name, some unreadable, some repeated or nearly repeated — laid out as real sheets on
 * a MemoryWorkbook, plus small readers of the written plan sheets (row keys, columns, values).
 */
import fc from 'fast-check';
import { getForm } from '../../src/forms/registry';
import type { BodyRow } from '../../src/layout/engine';
import { KEY_COLUMN_HEADER, layoutForm } from '../../src/layout/engine';
import type { LayoutValue } from '../../src/layout/types';
import { MemoryWorkbook } from '../../src/port/memory';
import type { SheetData, WorkbookPort } from '../../src/port/types';
import { readSheet } from '../../src/reader/read';
import { parseA1 } from '../../src/util/a1';
import type { Activity } from '../../src/model/types';

export const ACTIVITY_POOL = [
  'Cứng hóa kênh mương nội đồng',
  'Xây dựng nhà văn hóa thôn',
  'Hỗ trợ giống lúa mới',
  'Hỗ trợ giống lúa lai',
  'Bê tông hóa đường liên thôn',
  'Tổ chức tập huấn chăn nuôi lợn lai',
  'Sửa cống qua đường xóm giữa',
  'Nạo vét mương thủy lợi tại Khu giữa',
  'Mở lớp tập huấn kỹ thuật trồng lúa giống mới',
  'Hỗ trợ vay vốn chăn nuôi bò',
  'Xây dựng mô hình trồng rau an toàn',
  'Tuyên truyền phòng chống dịch bệnh',
  'Sửa chữa trạm y tế xã',
  'Thu gom rác thải sinh hoạt',
  'Đào tạo nghề may cho phụ nữ nghèo',
  'Lắp đặt hệ thống nước sạch',
  'Trồng rừng phòng hộ đầu nguồn',
  'Đào tạo kỹ năng kế toán cho cán bộ kế toán xã',
] as const;

export const VILLAGES = ['Thôn A', 'Thôn B', 'Thôn Nà Lìu', 'Bản Chang', 'Thôn Khuổi Mạ', 'Xóm Giữa', 'Thôn Đồng Tâm'] as const;
export const DEPARTMENTS = ['Hội Nông dân xã', 'Hội Phụ nữ xã', 'Đoàn Thanh niên xã', 'Trạm Y tế xã', 'Ban Văn hóa xã'] as const;
const SECTORS = ['Nông nghiệp', 'Giao thông', 'Thủy lợi', 'Chăn nuôi', 'Y tế', 'Văn hóa - Xã hội', 'Môi trường'] as const;
const UNITS = ['m', 'kg', 'lớp', 'cái', 'nhà', 'buổi', 'km'] as const;
const NOTES = ['CT Nông thôn mới', 'Chương trình 135', 'Dân góp công, tự làm', 'Nhà nước hỗ trợ', 'CT Giảm nghèo'] as const;

/** One activity row as typed on a village's or department's sheet; null = blank cell. */
export interface GenAct {
  readonly activity: string;
  readonly unit: string | null;
  /** A number, or text such as "2 lớp". */
  readonly quantity: number | string | null;
  /** A number, or text ("không") that makes the row unreadable. */
  readonly contribution: number | string | null;
  readonly support: number | null;
  readonly total: number | null;
  readonly note: string | null;
  readonly objective: string | null;
  /** Under the "Cần nguồn vốn bên ngoài" group row. */
  readonly groupB: boolean;
}

export interface GenUnit {
  readonly kind: 'village' | 'department';
  readonly name: string;
  readonly sector: string;
  readonly activities: readonly GenAct[];
}

export interface GenCommune {
  readonly units: readonly GenUnit[];
}

export interface CommuneOptions {
  /** Activity names to draw from (default ACTIVITY_POOL). */
  readonly names?: readonly string[];
  /** Units of measure to draw from; fewer units give more merge suggestions. */
  readonly units?: readonly string[];
}

/** A name from the pool, as typed: exact, or nearly the same (case, spacing, decomposed, a word more). */
function nameArb(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...pool), fc.constantFrom('same', 'same', 'same', 'lower', 'nfd', 'spaces', 'more')).map(([n, how]) => {
    switch (how) {
      case 'lower':
        return n.toLowerCase();
      case 'nfd':
        return n.normalize('NFD');
      case 'spaces':
        return n.replace(/ /g, '  ');
      case 'more':
        return `${n} năm 2027`;
      default:
        return n;
    }
  });
}

const money = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }).map((n) => n * 500));

function actArb(names: readonly string[], units: readonly string[]): fc.Arbitrary<GenAct> {
  return fc
    .record({
      activity: fc.oneof({ weight: 9, arbitrary: nameArb(names) }, { weight: 1, arbitrary: fc.constant('') }),
      unit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<string | null>(...units) }, { weight: 1, arbitrary: fc.constant(null) }),
      quantity: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 2000 }) as fc.Arbitrary<number | string | null> },
        { weight: 1, arbitrary: fc.constant('2 lớp') },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      contribution: money,
      support: fc.oneof(fc.constant(0), money),
      totalMode: fc.oneof(
        { weight: 12, arbitrary: fc.constant('sum') },
        { weight: 2, arbitrary: fc.constant('blank') },
        { weight: 1, arbitrary: fc.constant('contradictory') },
        { weight: 1, arbitrary: fc.constant('unreadable') },
        { weight: 1, arbitrary: fc.constant('no-money') },
      ),
      note: fc.oneof(fc.constant(null), fc.constantFrom(...NOTES)),
      objective: fc.oneof(fc.constant(null), fc.constant('Nâng cao thu nhập cho người dân')),
      misplaced: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .map((r) => {
      let total: number | null = r.contribution + r.support;
      let contribution: number | string | null = r.contribution;
      let support: number | null = r.support;
      let quantity = r.quantity;
      if (r.totalMode === 'blank') total = null;
      if (r.totalMode === 'contradictory') total = r.contribution + r.support + 1000;
      if (r.totalMode === 'unreadable') contribution = 'không';
      if (r.totalMode === 'no-money') {
        total = null;
        contribution = null;
        support = null;
        quantity = null;
      }
      const needs = (support ?? 0) > 0;
      return {
        activity: r.activity,
        unit: r.unit,
        quantity,
        contribution,
        support,
        total,
        note: r.note,
        objective: r.objective,
        groupB: r.misplaced ? !needs : needs,
      };
    });
}

/** A commune: 1-6 villages and 0-3 departments, each with 0-8 activities. */
export function communeArbitrary(options: CommuneOptions = {}): fc.Arbitrary<GenCommune> {
  const act = actArb(options.names ?? ACTIVITY_POOL, options.units ?? UNITS);
  return fc
    .record({
      villages: fc.shuffledSubarray([...VILLAGES], { minLength: 1, maxLength: 6 }),
      departments: fc.shuffledSubarray([...DEPARTMENTS], { minLength: 0, maxLength: 3 }),
    })
    .chain(({ villages, departments }) => {
      const unit = (kind: GenUnit['kind'], name: string) =>
        fc.record({
          kind: fc.constant(kind),
          name: fc.constant(name),
          sector: fc.constantFrom(...SECTORS),
          activities: fc.array(act, { minLength: 0, maxLength: 8 }),
        });
      return fc.tuple(...departments.map((d) => unit('department', d)), ...villages.map((v) => unit('village', v)));
    })
    .map((units) => ({ units }));
}

export const communeArb = communeArbitrary();

export function sheetNameOf(u: GenUnit): string {
  const form = u.kind === 'village' ? 'I.2' : 'II.3';
  return `${u.name} - ${form}`.slice(0, 31);
}

function row(a: GenAct, department: boolean): BodyRow {
  const values: Record<string, LayoutValue> = {
    activity: a.activity === '' ? null : a.activity,
    unit: a.unit,
    quantity: a.quantity,
    time: 'Q.II/2027',
    place: 'Tại thôn',
    responsible: 'Trưởng thôn',
    total: a.total,
    contribution: a.contribution,
    support: a.support,
    note: a.note,
  };
  if (department) values.objective = a.objective;
  return { kind: 'data', values };
}

/** Adds the unit's I.2 or II.3 sheet, with its activities under the group rows. */
export async function addUnitSheet(wb: MemoryWorkbook, u: GenUnit): Promise<void> {
  const form = u.kind === 'village' ? 'I.2' : 'II.3';
  const dep = u.kind === 'department';
  const layout = layoutForm(getForm(form), {
    planYear: 2027,
    unitName: u.name,
    sheetName: sheetNameOf(u),
    body: {
      strengths: [{ kind: 'data', values: { strength: `Thuận lợi của ${u.name}` } }],
      difficulties: [{ kind: 'data', values: { difficulty: `Khó khăn của ${u.name}`, cause: 'Thiếu vốn', solution: 'Vận động nhân dân' } }],
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        ...u.activities.filter((a) => !a.groupB).map((a) => row(a, dep)),
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ...u.activities.filter((a) => a.groupB).map((a) => row(a, dep)),
      ],
    },
  });
  const cells = layout.cells.map((c) => (typeof c.value === 'string' && c.value.startsWith('Ngành/Lĩnh vực:') ? { ...c, value: `Ngành/Lĩnh vực: ${u.sector}` } : c));
  await wb.createSheet({ ...layout, cells });
}

/**
 * The commune's workbook. With `recorded`, the source sheets' forms are recorded in the document
 * state, as the add-in does when it inserts them (reading then skips recognition: faster).
 */
export async function communeWorkbook(c: GenCommune, recorded = true): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  for (const u of c.units) await addUnitSheet(wb, u);
  if (recorded) await wb.writeState({ sheetForms: Object.fromEntries(c.units.map((u) => [sheetNameOf(u), u.kind === 'village' ? 'I.2' : 'II.3'])) });
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Reading the written plan sheets back.

/** "sheet!row" of an activity read: how the tests identify it. */
export function refOf(a: Pick<Activity, 'source'>): string {
  return `${a.source.sheet}!${a.source.row}`;
}

/** Column of "Mã dòng (LKH)" in a sheet, if any. */
export function keyColumnOf(sheet: SheetData): number | undefined {
  for (let i = 0; i < sheet.values.length; i++) {
    const j = sheet.values[i].findIndex((v) => v === KEY_COLUMN_HEADER);
    if (j >= 0) return sheet.left + j;
  }
  return undefined;
}

export function valueAt(sheet: SheetData, row: number, col: number): unknown {
  return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
}

/** A plan row as written: its key, the sheet row and the A1 address of each column. */
export interface WrittenRow {
  readonly key: string;
  readonly row: number;
  readonly activity: Activity;
  /** Sheet column of each form column key. */
  readonly cols: Readonly<Record<string, number>>;
}

/** The keyed activity rows of a written plan sheet (II.4.B, II.6.A, II.6.B). */
export function writtenRows(sheet: SheetData, formId: 'II.4.B' | 'II.6.A' | 'II.6.B'): WrittenRow[] {
  const reading = readSheet(sheet, { formId }).reading;
  const kc = keyColumnOf(sheet);
  const out: WrittenRow[] = [];
  for (const a of reading?.activities ?? []) {
    const key = kc === undefined ? '' : valueAt(sheet, a.source.row, kc);
    if (typeof key !== 'string' || key === '') continue;
    const cols: Record<string, number> = {};
    for (const [k, addr] of Object.entries(a.source.cells)) cols[k] = parseA1(addr).col;
    out.push({ key, row: a.source.row, activity: a, cols });
  }
  return out;
}

export async function readRows(port: WorkbookPort, name: 'II.4.B' | 'II.6.A' | 'II.6.B'): Promise<WrittenRow[]> {
  const [sheet] = await port.readSheets([name]);
  return writtenRows(sheet, name);
}

/** The values of the plan sheets (not the kept "(cũ)" copies). */
export async function planSnapshot(port: WorkbookPort): Promise<Record<string, unknown>> {
  const names = ['II.4.B', 'II.6.A', 'II.6.B'];
  const sheets = await port.readSheets(names);
  return Object.fromEntries(sheets.map((s) => [s.name, { top: s.top, left: s.left, values: s.values, merges: s.merges }]));
}
