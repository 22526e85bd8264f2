/**
 * Ranking activities (SPEC §4 rules 7 and 8; handbook L587-L595, L686-L712, L3515-L3520,
 * L3729-L3766): the two methods, the ranking itself with the handbook's tie-break, and the
 * validity of a village's priority list. Pure: no port, no sheet.
 */
import type { PlanActivity, ThemeFlags } from '../types';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { checkAttendance } from '../../validate/rules';
import { formatVnNumber } from '../../text';

/** One activity to rank. `key` is stable (II.4.B's "Mã dòng (LKH)", or derived from the name). */
export interface RankItem {
  readonly key: string;
  readonly activity: string;
  readonly unit?: string;
  readonly quantity?: number | string;
  readonly place?: string;
  /** Total money (1.000 đồng), for information on the ballot; not used to rank. */
  readonly total?: number;
  readonly flags: ThemeFlags;
}

/** (a) Marking / dropping beans: each person marks up to `perPerson` activities (default ≈ 30%). */
export interface MarksMethod {
  readonly kind: 'marks';
  readonly perPerson?: number;
}

/** (b) Criteria scoring: each person scores each activity `min`-`max` (default 1-10) on each criterion. */
export interface ScoresMethod {
  readonly kind: 'scores';
  /** Default: the handbook's four (DEFAULT_CRITERIA). */
  readonly criteria?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export type RankMethod = MarksMethod | ScoresMethod;

/** The criteria the handbook suggests (L700-L703, L3745-L3748). */
export const DEFAULT_CRITERIA: readonly string[] = ['Tính phù hợp', 'Hiệu quả chi phí', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi'];

export const SCORE_MIN = 1;
export const SCORE_MAX = 10;

/** Share of the activities each person marks (L3737: "tối đa 30% số hoạt động"). */
export const MARK_SHARE = 0.3;

/**
 * Marks (beans) per person: about 30% of the activities, at least 1, at most all of them.
 * 15 activities → 5 beans each (L591, L3738).
 */
export function marksPerPerson(activities: number): number {
  if (!(activities > 0)) return 0;
  const n = Math.floor(activities);
  return Math.min(n, Math.max(1, Math.round(n * MARK_SHARE)));
}

export function criteriaOf(method: ScoresMethod): readonly string[] {
  return method.criteria && method.criteria.length > 0 ? method.criteria : DEFAULT_CRITERIA;
}

export function scoreRange(method: ScoresMethod): { min: number; max: number } {
  return { min: method.min ?? SCORE_MIN, max: method.max ?? SCORE_MAX };
}

/** Limit of marks per person for `items` activities. */
export function markLimit(method: MarksMethod, items: number): number {
  return method.perPerson !== undefined && method.perPerson > 0 ? Math.floor(method.perPerson) : marksPerPerson(items);
}

/** The tie-break flags, in the handbook's order (L704, L3517). */
export const TIE_BREAKS = ['women', 'poorWomen', 'publicJobs'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

/**
 * What decided between two activities with the same total: a handbook flag, then (scores) the
 * points on the criterion "Số lượng người hưởng lợi", which weighs the same poor, women and public
 * jobs (L3750), then the order of the list (the commune's own order, so the result is the same
 * every time).
 */
export type TieDecider = TieBreak | 'beneficiaries' | 'order';

/** Vietnamese names of the tie-breaks, for reports. */
export const TIE_BREAK_LABELS: Readonly<Record<TieDecider, string>> = {
  women: 'đáp ứng nhu cầu của phụ nữ',
  poorWomen: 'có nhiều phụ nữ nghèo hưởng lợi',
  publicJobs: 'tạo nhiều việc làm công',
  beneficiaries: 'nhiều điểm hơn ở tiêu chí "Số lượng người hưởng lợi"',
  order: 'đứng trước trong danh sách',
};

/** The rule after the handbook's, said on the ballot and in the result. */
export const TIE_RULE_TEXT =
  'còn bằng nhau thì hoạt động nhiều điểm hơn ở tiêu chí "Số lượng người hưởng lợi" (khi chấm điểm) xếp trước, sau cùng là hoạt động đứng trước trong danh sách; mỗi hoạt động có một mức ưu tiên riêng';

/** The criterion whose points break a tie left by the flags (folded heading). */
export const BENEFICIARIES_CRITERION = 'Số lượng người hưởng lợi';

export interface RankRow {
  readonly key: string;
  readonly activity: string;
  /** Marks or points; 0 when the tally has no line for the activity. */
  readonly total: number;
  /** 1 = highest; every activity its own rank (1, 2, 3, 4), ties decided as TieDecider says. */
  readonly rank: number;
  /** Set when the row is ahead of the next one with the same total: what decided. */
  readonly tieBreak?: TieDecider;
}

/**
 * Ranks activities: most marks/points first; equal totals go to activities serving women, then
 * with many poor women benefiting, then creating public jobs (the handbook's order); then, when
 * `beneficiaries` is given (points on "Số lượng người hưởng lợi" by item key), more of those;
 * then the order of `items`. Every activity gets its own rank (1, 2, 3…), so the list the
 * commune sends up has no two activities at the same priority. Items missing from `totals` count 0.
 */
export function rank(items: readonly RankItem[], totals: ReadonlyMap<string, number>, beneficiaries?: ReadonlyMap<string, number>): RankRow[] {
  const rows = items.map((item, index) => ({ item, index, total: totals.get(item.key) ?? 0, benefit: beneficiaries?.get(item.key) ?? 0 }));
  type Row = (typeof rows)[number];
  const flag = (r: Row, f: TieBreak): number => (r.item.flags[f] ? 1 : 0);
  const decider = (a: Row, b: Row): TieDecider | undefined => {
    if (a.total !== b.total) return undefined;
    const f = TIE_BREAKS.find((t) => flag(a, t) !== flag(b, t));
    if (f) return f;
    if (a.benefit !== b.benefit) return 'beneficiaries';
    return 'order';
  };
  const compare = (a: Row, b: Row): number => {
    if (a.total !== b.total) return b.total - a.total;
    for (const f of TIE_BREAKS) {
      const d = flag(b, f) - flag(a, f);
      if (d !== 0) return d;
    }
    if (a.benefit !== b.benefit) return b.benefit - a.benefit;
    return a.index - b.index;
  };
  const sorted = [...rows].sort(compare);
  return sorted.map((r, i) => {
    const next = sorted[i + 1];
    const by = next ? decider(r, next) : undefined;
    return { key: r.item.key, activity: r.item.activity, total: r.total, rank: i + 1, ...(by ? { tieBreak: by } : {}) };
  });
}

/** Rank items from the commune plan: only activities needing outside money are ranked (L3518). */
export function rankItemsFromPlan(activities: readonly PlanActivity[]): RankItem[] {
  return activities
    .filter((a) => a.group === 'outside-money')
    .map((a) => ({
      key: a.key,
      activity: a.activity,
      ...(a.unit ? { unit: a.unit } : {}),
      ...(a.quantity !== undefined ? { quantity: a.quantity } : a.quantityText ? { quantity: a.quantityText } : {}),
      ...(a.place ? { place: a.place } : {}),
      total: a.total,
      flags: a.flags,
    }));
}

// ---------------------------------------------------------------------------------------
// Validity (rule 8)

/**
 * - 'village-meeting' (default): > 50% of households represented and > 50% of attendees agree (L578, L595);
 * - 'village-written': no meeting; > 50% of all households agree in writing (L579) — `agree` counts households;
 * - 'commune-conference': > 50% of the members present agree (L705); households do not apply.
 */
export type ValidityKind = 'village-meeting' | 'village-written' | 'commune-conference';

export interface ValidityInput {
  /** "Thôn A", "xã Nà Lìu": named in the RANKING_NOT_VALID message. */
  readonly unit: string;
  readonly kind?: ValidityKind;
  /** Households of the village (I.1, Tổng số hộ). */
  readonly households?: number;
  /** Households represented; default `attendees` (one representative per household, as I.3 records it). */
  readonly householdsPresent?: number;
  readonly attendees?: number;
  /** Attendees (or, in writing, households) who agreed with the priority list. */
  readonly agree?: number;
  readonly women?: number;
  /** Where the counts are, for the findings. */
  readonly sheet: string;
  readonly cell?: string;
  readonly file?: string;
}

export interface Validity {
  readonly valid: boolean;
  readonly findings: Finding[];
}

const pct = (a: number, b: number): string => `${formatVnNumber(Math.round((a / b) * 1000) / 10)}%`;

/**
 * Rule 8: is the priority list valid? Uses checkAttendance for the meeting's thresholds (its
 * MEETING_* findings are kept) and adds one RANKING_NOT_VALID saying why when it is not —
 * including when a count needed to decide is missing. Too few women (< 30%) is a warning
 * and does not invalidate the list.
 */
export function rankingValidity(input: ValidityInput): Validity {
  const kind = input.kind ?? 'village-meeting';
  const where = { sheet: input.sheet, ...(input.file ? { file: input.file } : {}), ...(input.cell ? { cell: input.cell } : {}) };
  const reasons: string[] = [];
  const findings: Finding[] = [];
  const known = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

  if (kind === 'village-written') {
    if (!known(input.households) || input.households <= 0) reasons.push('chưa có tổng số hộ của thôn');
    if (!known(input.agree)) reasons.push('chưa ghi số hộ đồng ý bằng phiếu');
    if (known(input.households) && input.households > 0 && known(input.agree) && input.agree * 2 <= input.households) {
      reasons.push(`chỉ ${input.agree}/${input.households} hộ (${pct(input.agree, input.households)}) đồng ý bằng phiếu, cần trên 50% tổng số hộ`);
    }
  } else {
    const householdsPresent = input.householdsPresent ?? input.attendees;
    const attendance = checkAttendance({
      ...where,
      ...(kind === 'village-meeting' && known(input.households) ? { households: input.households } : {}),
      ...(kind === 'village-meeting' && known(householdsPresent) ? { householdsPresent } : {}),
      ...(known(input.attendees) ? { attendees: input.attendees } : {}),
      ...(known(input.agree) ? { agree: input.agree } : {}),
      ...(known(input.women) ? { women: input.women } : {}),
    });
    findings.push(...attendance);
    if (kind === 'village-meeting') {
      if (!known(input.households) || input.households <= 0) reasons.push('chưa có tổng số hộ của thôn');
      if (!known(householdsPresent)) reasons.push('chưa ghi số hộ tham dự');
      const low = attendance.find((f) => f.code === 'MEETING_HOUSEHOLDS_LOW');
      if (low) reasons.push(`chỉ ${low.params.present}/${low.params.total} hộ (${low.params.percent}) tham dự, cần trên 50%`);
    }
    if (!known(input.attendees) || input.attendees <= 0) reasons.push(kind === 'commune-conference' ? 'chưa ghi số đại biểu dự hội nghị' : 'chưa ghi số người dự họp');
    if (!known(input.agree)) reasons.push('chưa ghi số người đồng ý');
    const disagree = attendance.find((f) => f.code === 'MEETING_AGREEMENT_LOW');
    if (disagree) reasons.push(`chỉ ${disagree.params.agree}/${disagree.params.present} người (${disagree.params.percent}) đồng ý, cần trên 50%`);
  }
  if (reasons.length > 0) findings.push(finding('RANKING_NOT_VALID', where, { unit: input.unit, reason: reasons.join('; ') }));
  return { valid: reasons.length === 0, findings };
}
