/**
 * II.2 (L1702) filled for the plan year: the commune's directive with its calendar of the 15
 * activities, each dated from the seven-step checklist (workflow/calendar: the handbook's times for
 * the commune, with the dates the commune changed in the checklist). The blanks of the letter —
 * the commune, the plan year, the date by which the forms come back — are filled; the day the
 * chairman signs, and the people of activities 6-15, are left to the commune.
 *
 * The result is the form's sheet (a SheetLayout), as `lkh template` writes it, so the commune
 * edits dates in Excel or Google Sheets before printing.
 */
import { getForm } from '../forms/registry';
import type { Block, FormDefinition, TableRow } from '../forms/types';
import { layoutForm } from '../layout/engine';
import type { SheetLayout } from '../layout/types';
import type { DocumentState } from '../port/types';
import type { DateOverrides, StepDates } from '../workflow/calendar';
import { STEPS, formatDateVi, stepDates } from '../workflow/calendar';
import { readChecklistState } from '../year';
import { placeName } from './plan-document';

/**
 * Which step or sub-item of the commune's checklist dates each activity of II.2's calendar
 * (handbook step texts, L474-L760): the ids of `stepDates('xa', …)`. Activity 3 keeps the form's
 * own "Tháng 4" (no step names it); 9 and 12 span whole steps.
 */
export const II2_SCHEDULE: Readonly<Record<string, string | 'april'>> = {
  s1: 'buoc1.1', // Thành lập, kiện toàn tổ công tác
  s2: 'buoc1.2', // Đánh giá quá trình LKH năm trước (II.1, with the directive)
  s3: 'april', // Chuẩn bị tài liệu, văn phòng phẩm, kinh phí: "Tháng 4"
  s4: 'buoc1.4', // Thông tin, tuyên truyền
  s5: 'buoc1.3', // Họp triển khai thu thập thông tin
  s6: 'buoc2.1', // Thôn đề xuất
  s7: 'buoc2.2', // Ban ngành đề xuất
  s8: 'buoc3.3', // Thông tin định hướng từ cấp trên (III.1, used to verify the funding)
  s9: 'buoc3', // Tổng hợp, dự thảo
  s10: 'buoc4.1', // Hội nghị kế hoạch xã
  s11: 'buoc4.2', // Cập nhật sau hội nghị
  s12: 'buoc5', // Trình Đảng ủy, HĐND; báo cáo cấp trên
  s13: 'buoc6.2', // Phản hồi cho cộng đồng
  s14: 'buoc6.1', // Cập nhật và hoàn thiện
  s15: 'buoc7', // Đệ trình, phê duyệt
};

export interface ScheduleLine {
  readonly key: string;
  readonly activity: string;
  readonly start: string;
  readonly end: string;
  /** What the sheet prints in "Thời gian thực hiện". */
  readonly time: string;
  /** The checklist item it comes from, or 'april'. */
  readonly from: string;
  readonly overridden: boolean;
}

function range(start: string, end: string): string {
  if (start === end) return formatDateVi(start);
  const [a, b] = [formatDateVi(start), formatDateVi(end)];
  // "01/04 – 21/04/2026" within one year.
  return a.slice(6) === b.slice(6) ? `${a.slice(0, 5)} – ${b}` : `${a} – ${b}`;
}

/** The dates of the 15 activities of II.2 for a plan year (the work is done in the year before). */
export function scheduleLines(planYear: number, overrides: DateOverrides = {}): ScheduleLine[] {
  const steps = stepDates('xa', planYear, 'annual', overrides);
  const byId = new Map<string, StepDates | StepDates['items'][number]>();
  for (const s of steps) {
    byId.set(s.id, s);
    for (const i of s.items) byId.set(i.id, i);
  }
  const table = getForm('II.2').blocks.find((b) => b.kind === 'table' && b.key === 'schedule');
  const rows = table && table.kind === 'table' ? table.rows : [];
  const year = planYear - 1;
  return rows.flatMap((r): ScheduleLine[] => {
    if (r.kind !== 'fixed') return [];
    const from = II2_SCHEDULE[r.key];
    if (!from) return [];
    const d = from === 'april' ? { start: `${year}-04-01`, end: `${year}-04-30`, overridden: false } : byId.get(from);
    if (!d) return [];
    return [{ key: r.key, activity: r.label, start: d.start, end: d.end, time: range(d.start, d.end), from, overridden: d.overridden }];
  });
}

/**
 * The forms a checklist item expects, as "Biểu I.1, I.2, I.3, I.4" (the result of rows the form
 * leaves empty); `upperOnly`: only what the level above sends (activity 8: its III.1).
 */
function expectedForms(from: string, upperOnly = false): string | undefined {
  const xa = STEPS.xa;
  const step = xa.find((s) => s.id === from);
  const item = xa.flatMap((s) => s.items).find((i) => i.id === from);
  const all = item?.forms ?? (step ? [...(step.forms ?? []), ...step.items.flatMap((i) => i.forms ?? [])] : []);
  const forms = upperOnly ? all.filter((f) => f.from === 'huyen' || f.from === 'tinh') : all;
  const ids = [...new Set(forms.map((f) => f.form))];
  return ids.length > 0 ? `Biểu ${ids.join(', ')}` : undefined;
}

export interface ScheduleContext {
  readonly planYear: number;
  readonly communeName?: string;
  readonly overrides?: DateOverrides;
}

/** II.2 with its blanks filled: the commune, the plan year, the calendar's dates, the date the forms are due. */
export function scheduleForm(ctx: ScheduleContext): FormDefinition {
  const form = getForm('II.2');
  const lines = new Map(scheduleLines(ctx.planYear, ctx.overrides).map((l) => [l.key, l]));
  const year = ctx.planYear;
  const place = placeName(ctx.communeName);
  const due = lines.get('s7')?.end;
  const fill = (t: string): string =>
    t
      .replace(/năm\s*[….]{2,}\s*(?=của xã)/u, `năm ${year} `)
      .replace(/năm\s*[….]{2,}/gu, `năm ${year}`)
      .replace(/trước ngày\s*[….]{2,}/u, due ? `trước ngày ${formatDateVi(due)}` : 'trước ngày ……')
      .replace(/^XÃ[….]{2,}$/u, place ? `XÃ ${place.toLocaleUpperCase('vi')}` : 'XÃ………………');
  const blocks: Block[] = form.blocks.map((b): Block => {
    if (b.kind === 'text') return { ...b, text: fill(b.text) };
    if (b.kind === 'letterhead') {
      return {
        ...b,
        left: b.left.map(fill),
        // The place and year of the date line; the day the chairman signs stays blank.
        right: b.right.map((t) => (/ngày/u.test(t) ? `${place ?? '……'}, ngày ...... tháng ...... năm ${year - 1}` : t)),
      };
    }
    if (b.kind !== 'table' || b.key !== 'schedule') return b;
    const rows = b.rows.map((r): TableRow => {
      if (r.kind !== 'fixed') return r;
      const l = lines.get(r.key);
      if (!l) return r;
      const result = r.cells?.result ?? expectedForms(l.from, r.key === 's8');
      return { ...r, cells: { ...(r.cells ?? {}), time: l.time, ...(result ? { result } : {}) } };
    });
    return { ...b, rows };
  });
  return { ...form, blocks };
}

/** II.2 as a sheet, from the plan's document state (plan year, commune, the checklist's date changes). */
export function scheduleLayout(state: DocumentState, planYear: number, sheetName = 'II.2'): SheetLayout {
  const overrides = readChecklistState(state).overrides;
  const form = scheduleForm({ planYear, ...(state.unitName ? { communeName: state.unitName } : {}), overrides });
  return layoutForm(form, { planYear, ...(state.unitName ? { unitName: state.unitName } : {}), sheetName });
}
