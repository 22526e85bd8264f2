/**
 * Validation of what the reader found: SPEC §4 rules 1, 2, 3, 8 and 10, and the
 * completeness of each activity (ĐVT, Số lượng, Thời gian, Địa điểm, Trách nhiệm, Nguồn lực).
 */
import { getForm, tablesOf } from '../forms/registry';
import type { FormId } from '../forms/types';
import type { Activity, FormReading } from '../model/types';
import { formatVnNumber } from '../text';
import { columnName } from '../reader/read';
import type { Finding } from './messages';
import { finding, shortName } from './messages';

/** Amounts equal within half a unit (1.000 đồng forms hold whole numbers; triệu đồng may hold one decimal). */
const TOLERANCE = 0.5;

/** Forms whose activities are split Dân góp + Cần hỗ trợ (villages, departments). */
const SUPPORT_FORMS: readonly FormId[] = ['I.2', 'II.3'];
/** Forms split Dân góp + Ngân sách + Đề xuất. */
const BUDGET_FORMS: readonly FormId[] = ['II.4.B', 'II.6.A', 'II.6.B'];

export const LIMITS = {
  strengths: 3,
  difficulties: 3,
  rankedActivities: 5,
} as const;

const sum = (...xs: (number | undefined)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

function at(a: Activity, key: string): { sheet: string; cell?: string; file?: string } {
  return { sheet: a.source.sheet, ...(a.source.file ? { file: a.source.file } : {}), ...(a.source.cells[key] ? { cell: a.source.cells[key] } : {}) };
}

/** Outside money an activity asks for: Cần hỗ trợ, or Ngân sách + Đề xuất. */
export function outsideMoney(a: Activity): number {
  return sum(a.support, a.budget, a.proposed);
}

/** Rule 1: Tổng số = Dân góp + Cần hỗ trợ (I.2/II.3) or Dân góp + Ngân sách + Đề xuất (II.4.B/II.6.x). */
function checkSums(formId: FormId, a: Activity, out: Finding[]): void {
  if (a.total === undefined || a.unreadable) return; // an unreadable part is reported where it is
  const budgetForm = BUDGET_FORMS.includes(formId);
  const parts = budgetForm ? [a.contribution, a.budget, a.proposed] : [a.contribution, a.support];
  if (parts.every((p) => p === undefined)) return;
  const s = sum(...parts);
  if (Math.abs(s - a.total) > TOLERANCE) {
    out.push(
      finding('AMOUNT_SUM_MISMATCH', at(a, 'total'), {
        activity: shortName(a.activity),
        total: formatVnNumber(a.total),
        sum: formatVnNumber(s),
        parts: budgetForm ? 'Dân góp + Ngân sách + Đề xuất' : 'Dân góp + Cần hỗ trợ',
      }),
    );
  }
}

/** Rule 2: activities needing no outside money ask for none and are not ranked. */
function checkGroups(formId: FormId, a: Activity, out: Finding[]): void {
  const outside = outsideMoney(a);
  if (a.group === 'no-outside-money') {
    if (outside > 0) {
      const key = a.support ? 'support' : a.budget ? 'budget' : 'proposed';
      out.push(finding('NO_OUTSIDE_MONEY_HAS_SUPPORT', at(a, key), { activity: shortName(a.activity), column: columnName(key), value: formatVnNumber(outside) }));
    }
    if (a.priority !== undefined) out.push(finding('NO_OUTSIDE_MONEY_RANKED', at(a, 'priority'), { activity: shortName(a.activity) }));
  } else if (a.group === 'outside-money' && SUPPORT_FORMS.includes(formId) && outside === 0 && !a.unreadable) {
    out.push(finding('OUTSIDE_MONEY_WITHOUT_SUPPORT', at(a, 'support'), { activity: shortName(a.activity) }));
  }
}

/**
 * Completeness: what, where, when, who, how much (SPEC §4 rule 3, L556-L562). One finding per
 * activity, at its first empty cell, naming every column left empty and its cell.
 */
function checkComplete(formId: FormId, a: Activity, out: Finding[]): void {
  if (a.activity === '') return;
  const table = tablesOf(getForm(formId)).find((t) => t.role === 'activities');
  if (!table) return;
  const empty: string[] = [];
  for (const c of table.columns) {
    if (!c.required || c.key === 'activity') continue;
    if (!(c.key in a.source.cells)) continue; // the column is missing altogether: reported once by the reader
    const v = c.key === 'quantity' ? (a.quantity ?? a.quantityText) : (a as unknown as Record<string, unknown>)[c.key];
    if (v === undefined || v === '') empty.push(c.key);
  }
  if (empty.length === 0) return;
  const cells = empty.map((k) => a.source.cells[k]).filter((x): x is string => x !== undefined);
  out.push(finding('ACTIVITY_INCOMPLETE', at(a, empty[0]), { activity: shortName(a.activity), column: empty.map(columnName).join(', '), cells: cells.join(', ') }));
}

/** Validates one reading. */
export function validateReading(r: FormReading): Finding[] {
  const out: Finding[] = [];
  const where = { sheet: r.sheet, ...(r.file ? { file: r.file } : {}) };
  const activityForm = SUPPORT_FORMS.includes(r.formId) || BUDGET_FORMS.includes(r.formId);
  if (activityForm) {
    for (const a of r.activities) {
      checkSums(r.formId, a, out);
      checkGroups(r.formId, a, out);
      checkComplete(r.formId, a, out);
    }
  }
  if (SUPPORT_FORMS.includes(r.formId)) {
    // Rule 3: per sector sheet, at most 3 strengths, 3 difficulties and 5 ranked activities. The Annex 1 limits
    // (3 causes and 3 activities per difficulty) apply to a key product's analysis, not to I.2: the handbook's
    // own Bảng 2 gives one difficulty four causes.
    if (r.strengths.length > LIMITS.strengths) {
      out.push(finding('TOO_MANY_STRENGTHS', { ...where, cell: r.strengths[LIMITS.strengths].source.cells.strength }, { count: r.strengths.length }));
    }
    const difficulties = r.difficulties.filter((d) => d.difficulty !== '');
    if (difficulties.length > LIMITS.difficulties) {
      out.push(finding('TOO_MANY_DIFFICULTIES', { ...where, cell: difficulties[LIMITS.difficulties].source.cells.difficulty }, { count: difficulties.length }));
    }
    const ranked = r.activities.filter((a) => a.activity !== '' && (a.group === 'outside-money' || (a.group === undefined && outsideMoney(a) > 0)));
    if (ranked.length > LIMITS.rankedActivities) {
      out.push(finding('TOO_MANY_RANKED_ACTIVITIES', { ...where, cell: ranked[LIMITS.rankedActivities].source.cells.activity }, { count: ranked.length }));
    }
  }
  if (activityForm) {
    const seen = new Map<number, Activity>();
    for (const a of r.activities) {
      if (a.priority === undefined) continue;
      if (seen.has(a.priority)) out.push(finding('DUPLICATE_PRIORITY', at(a, 'priority'), { priority: a.priority }));
      else seen.set(a.priority, a);
    }
  }
  return out;
}

/** What a meeting's minutes or tally say about attendance (rule 8). */
export interface Attendance {
  readonly sheet: string;
  readonly file?: string;
  /** Cell to point at (where the counts are). */
  readonly cell?: string;
  /** Households of the village (I.1 row 6, Tổng số hộ). */
  readonly households?: number;
  /** Where the counts come from, said in MEETING_HOUSEHOLDS_LOW after the percentage (": 40 người dự họp ở Biểu I.3 …, tổng số hộ 100 theo Biểu I.1 …"). */
  readonly householdsBasis?: string;
  /** Households represented at the meeting. */
  readonly householdsPresent?: number;
  readonly attendees?: number;
  readonly women?: number;
  /** Attendees who agreed with the priority list. */
  readonly agree?: number;
}

const pct = (a: number, b: number): string => `${formatVnNumber(Math.round((a / b) * 1000) / 10)}%`;

/**
 * Rule 8: a village's priority list is valid with more than 50% of households represented
 * and more than 50% of attendees agreeing; at least 30% of attendees should be women.
 */
export function checkAttendance(m: Attendance): Finding[] {
  const out: Finding[] = [];
  const where = { sheet: m.sheet, ...(m.file ? { file: m.file } : {}), ...(m.cell ? { cell: m.cell } : {}) };
  if (m.households && m.householdsPresent !== undefined && m.householdsPresent * 2 <= m.households) {
    out.push(
      finding('MEETING_HOUSEHOLDS_LOW', where, {
        present: formatVnNumber(m.householdsPresent),
        total: formatVnNumber(m.households),
        percent: pct(m.householdsPresent, m.households),
        basis: m.householdsBasis ?? '',
      }),
    );
  }
  if (m.attendees && m.agree !== undefined && m.agree * 2 <= m.attendees) {
    out.push(finding('MEETING_AGREEMENT_LOW', where, { agree: m.agree, present: m.attendees, percent: pct(m.agree, m.attendees) }));
  }
  if (m.attendees && m.women !== undefined && m.women < m.attendees * 0.3) {
    out.push(finding('MEETING_WOMEN_LOW', where, { percent: pct(m.women, m.attendees) }));
  }
  return out;
}
