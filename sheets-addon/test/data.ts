/**
 * Communes and villages as the add-on's tests and the benchmark (scripts/bench-sheets.ts) need
 * them, deterministic:
 * - villageLayout: a village's I.2 as it is filled in (the commune consolidates these tabs);
 * - communePlanLayouts: a commune's plan (II.4.A, II.4.B, II.6.A, II.6.B) as the commune's own
 *   one-click consolidation writes it — made by running consolidateCommune on the commune's
 *   villages in memory and keeping the layouts it wrote — named "<Xã> - II.6.B" as the tabs of a
 *   shared district spreadsheet are.
 */
import { getForm } from '../../core/src/forms/registry';
import type { FormId } from '../../core/src/forms/types';
import type { BodyRow } from '../../core/src/layout/engine';
import { layoutForm } from '../../core/src/layout/engine';
import type { LayoutValue, SheetLayout } from '../../core/src/layout/types';
import { MemoryWorkbook } from '../../core/src/port/memory';
import type { CreateSheetOptions, WorkbookPort } from '../../core/src/port/types';
import { consolidateCommune } from '../../core/src/workflow/plan';

export interface VillageActivity {
  readonly activity: string;
  readonly unit?: string;
  readonly quantity?: number;
  readonly contribution?: number;
  readonly support?: number;
}

function activityRow(a: VillageActivity): BodyRow {
  const contribution = a.contribution ?? 0;
  const support = a.support ?? 0;
  const values: Record<string, LayoutValue> = {
    activity: a.activity,
    unit: a.unit ?? 'cái',
    quantity: a.quantity ?? 1,
    time: 'Q.II/2027',
    place: null,
    responsible: 'Trưởng thôn',
    total: contribution + support,
    contribution,
    support,
    note: null,
  };
  return { kind: 'data', values };
}

/** A village's I.2, filled in; the tab is "<village> - I.2". */
export function villageLayout(village: string, sector: string, activities: readonly VillageActivity[], planYear = 2027): SheetLayout {
  const layout = layoutForm(getForm('I.2'), {
    planYear,
    unitName: village,
    sheetName: `${village} - I.2`.slice(0, 31),
    body: {
      strengths: [{ kind: 'data', values: { strength: `Thuận lợi của ${village}` } }],
      difficulties: [{ kind: 'data', values: { difficulty: 'Đường vào thôn lầy lội mùa mưa', cause: 'Đường đất', solution: 'Bê tông hóa đường nội thôn' } }],
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        ...activities.filter((a) => !a.support).map(activityRow),
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ...activities.filter((a) => !!a.support).map(activityRow),
      ],
    },
  });
  return { ...layout, cells: layout.cells.map((c) => (typeof c.value === 'string' && c.value.startsWith('Ngành/Lĩnh vực:') ? { ...c, value: `Ngành/Lĩnh vực: ${sector}` } : c)) };
}

const WORKS = [
  ['Bê tông hóa đường nội thôn', 'm', 60000, 340000],
  ['Cứng hóa kênh mương nội đồng', 'm', 20000, 130000],
  ['Xây dựng nhà văn hóa thôn', 'nhà', 50000, 350000],
  ['Hỗ trợ giống lúa lai', 'kg', 2500, 7500],
  ['Sửa chữa phòng học điểm trường', 'phòng', 10000, 90000],
  ['Mua máy tuốt lúa cho tổ hợp tác', 'cái', 10000, 30000],
  ['Tập huấn kỹ thuật chăn nuôi', 'lớp', 0, 12000],
  ['Lắp đặt bể nước sinh hoạt', 'cái', 8000, 42000],
] as const;

const CHORES = ['Phát quang đường thôn', 'Dọn vệ sinh môi trường', 'Nạo vét rãnh thoát nước'] as const;

/** The villages of commune number `i`: `villages` villages of `perVillage` activities (some without outside money). */
export function communeVillages(i: number, villages = 3, perVillage = 6): SheetLayout[] {
  const out: SheetLayout[] = [];
  for (let v = 0; v < villages; v++) {
    const acts: VillageActivity[] = [];
    for (let k = 0; k < perVillage; k++) {
      const seed = i * 31 + v * 7 + k;
      if (k % 3 === 2) {
        acts.push({ activity: `${CHORES[seed % CHORES.length]} ${v + 1}`, unit: 'lần', quantity: 2, contribution: 1000 + (seed % 5) * 100 });
      } else {
        const [activity, unit, contribution, support] = WORKS[seed % WORKS.length];
        acts.push({ activity: `${activity} thôn ${v + 1}${k > 2 ? ` đợt ${k}` : ''}`, unit, quantity: 1 + (seed % 4), contribution: contribution + (seed % 7) * 1000, support: support + (seed % 11) * 1000 });
      }
    }
    out.push(villageLayout(`Thôn ${v + 1}`, ['Giao thông', 'Nông nghiệp', 'Văn hóa'][v % 3], acts));
  }
  return out;
}

/** A port that remembers the layouts written through it. */
class CapturingPort implements WorkbookPort {
  readonly layouts = new Map<string, SheetLayout>();
  constructor(private readonly inner: MemoryWorkbook) {}
  listSheets = () => this.inner.listSheets();
  readSheets: WorkbookPort['readSheets'] = (names, options) => this.inner.readSheets(names, options);
  writeValues: WorkbookPort['writeValues'] = (blocks) => this.inner.writeValues(blocks);
  copySheet = (from: string, to: string) => this.inner.copySheet(from, to);
  deleteSheets: WorkbookPort['deleteSheets'] = (names) => this.inner.deleteSheets(names);
  readState = () => this.inner.readState();
  writeState: WorkbookPort['writeState'] = (s) => this.inner.writeState(s);
  async createSheet(layout: SheetLayout, options?: CreateSheetOptions): Promise<{ keptCopy?: string }> {
    this.layouts.set(layout.name, layout);
    return this.inner.createSheet(layout, options);
  }
}

export const COMMUNE_PLAN_FORMS: readonly FormId[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'];

export function communeName(i: number): string {
  return `Xã Số ${String(i + 1).padStart(3, '0')}`;
}

export interface CommunePlan {
  readonly name: string;
  /** Tabs "<Xã> - II.4.A"… with their forms. */
  readonly sheets: readonly { readonly layout: SheetLayout; readonly formId: FormId }[];
  /** Activities of the plan (II.6.A + II.6.B rows with a name). */
  readonly activities: number;
}

/** Commune number `i`'s plan, as its own consolidation writes it, under shared-spreadsheet tab names. */
export async function communePlanLayouts(i: number, options: { villages?: number; perVillage?: number; forms?: readonly FormId[] } = {}): Promise<CommunePlan> {
  const name = communeName(i);
  const wb = MemoryWorkbook.fromArrays({});
  for (const l of communeVillages(i, options.villages, options.perVillage)) await wb.createSheet(l);
  const port = new CapturingPort(wb);
  const result = await consolidateCommune(port, undefined, { communeName: name, planYear: 2027, period: '2021-2025' });
  const forms = options.forms ?? COMMUNE_PLAN_FORMS;
  const sheets = forms.map((formId) => {
    const layout = port.layouts.get(formId);
    if (!layout) throw new Error(`consolidateCommune wrote no ${formId}`);
    return { formId, layout: { ...layout, name: `${name} - ${formId}` } };
  });
  return { name, sheets, activities: result.plan.activities.length };
}
