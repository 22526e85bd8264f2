/**
 * The commune's plan as the workflow builds it: activities consolidated from departments (II.3)
 * and villages (I.2) into II.4.B, difficulties into II.4.A, split by funding into II.6.A/II.6.B,
 * summed into II.6.C. Every row remembers where it came from; nothing read is lost.
 */
import type { Activity, ActivityGroup, SourceRef } from '../model/types';
import type { Finding } from '../validate/messages';

import type { Topic } from '../forms/topics';

export type { Topic } from '../forms/topics';
export { TOPICS, TOPIC_LABELS, topicHeading } from '../forms/topics';

/** Who proposed an activity: a commune department/unit (II.3) or a village (I.2). */
export interface Origin {
  readonly kind: 'department' | 'village';
  /** "Hội Phụ nữ xã", "Thôn A". */
  readonly unit: string;
}

/** Annex 1 themes and the tie-break flags of rule 7 (L704, L3517). */
export interface ThemeFlags {
  /** Serves women's needs / mobilises women. */
  readonly women?: boolean;
  /** Many poor women benefit. */
  readonly poorWomen?: boolean;
  /** Creates public jobs (việc làm công). */
  readonly publicJobs?: boolean;
  /** Reduces disaster risk / adapts to climate change. */
  readonly disasterRisk?: boolean;
  /** Improves market access. */
  readonly market?: boolean;
}

/** II.6.A's groups for activities needing outside money (L662-L664). */
export type FundingGroup = Extract<ActivityGroup, 'investment-completed' | 'investment-finishing' | 'investment-ongoing' | 'investment-new' | 'recurrent'>;

/** One row of II.4.B (and, after the split, of II.6.A or II.6.B). Money in 1.000 đồng. */
export interface PlanActivity {
  /** Stable identity across re-runs (workflow/keys.ts); written in the sheet's "Mã dòng (LKH)" column. */
  readonly key: string;
  readonly topic: Topic;
  readonly sector: string;
  readonly group: 'no-outside-money' | 'outside-money';
  /** As written in II.4.B: village additions carry the village in parentheses ("… (Thôn A)"). */
  readonly activity: string;
  readonly objective?: string;
  readonly unit?: string;
  readonly quantity?: number;
  /** "100 + 200" for merged rows, or what was typed when not a number. */
  readonly quantityText?: string;
  readonly time?: string;
  readonly place?: string;
  readonly responsible?: string;
  readonly total: number;
  readonly contribution: number;
  /** Outside money asked: Cần hỗ trợ of the sources; always budget + proposed. */
  readonly support: number;
  /** Ngân sách (đã rõ nguồn vốn). */
  readonly budget: number;
  /** Đề xuất (chưa rõ nguồn vốn). */
  readonly proposed: number;
  readonly fundSource?: string;
  readonly mechanism?: string;
  readonly other?: string;
  readonly note?: string;
  /** Ưu tiên (1 = highest), from ranking. */
  readonly priority?: number;
  /** II.6.A group for outside-money rows with a known source. */
  readonly fundingGroup?: FundingGroup;
  readonly origins: readonly Origin[];
  /** One per activity read (a merged row has several). */
  readonly sources: readonly SourceRef[];
  /** Keys of the rows an accepted merge combined. */
  readonly mergedKeys?: readonly string[];
  readonly flags: ThemeFlags;
  /**
   * The topic and sector the sources give ("csht|giao thong"), when the commune's correction
   * replaced them: what a re-run compares the sheet with, so the correction stays the commune's.
   */
  readonly sourceClass?: string;
  /**
   * 'active': built from sources this run; 'vanished': in the previous II.4.B but no source
   * proposes it any more (kept, flagged); 'manual': typed into II.4.B by the commune (kept).
   */
  readonly status: 'active' | 'vanished' | 'manual';
  /** Villages of this row whose priority list is not valid (their meeting, L595) and not yet confirmed by the commune: the row is marked. */
  readonly meetingNotValid?: readonly string[];
}

/** One row of II.4.A: a difficulty with its causes, solutions and the commune's objective. */
export interface PlanSituation {
  readonly key: string;
  readonly topic: Topic;
  readonly sector: string;
  readonly strengths: readonly string[];
  readonly difficulty: string;
  readonly causes: readonly string[];
  readonly objective?: string;
  readonly solutions: readonly string[];
  readonly origins: readonly Origin[];
  readonly sources: readonly SourceRef[];
  /** When the commune reworded cells of the row: the digest of the cells as the sources give them. */
  readonly sourceDigest?: string;
}

export type ReturnReason = 'unreadable' | 'no-name' | 'contradictory-amounts' | 'unclear';

/** An activity not consolidated but sent back to who proposed it (L3721), with the reason. */
export interface ReturnedActivity {
  readonly activity: Activity;
  readonly origin: Origin;
  readonly reason: ReturnReason;
  /** Vietnamese sentence for the report and the feedback. */
  readonly message: string;
  /** The same in English (the panes' English). */
  readonly messageEn: string;
}

/** A proposal to merge the same activity proposed by several units; applied only when accepted. */
export interface MergeSuggestion {
  /** Stable id: the sorted member keys joined with '+'. */
  readonly id: string;
  readonly keys: readonly string[];
  /** What the merged row would say: "Hỗ trợ giống lúa mới, kg, 100 + 200, Thôn A, B". */
  readonly activity: string;
  readonly unit?: string;
  readonly quantityText: string;
  readonly place: string;
  readonly total: number;
  readonly accepted: boolean;
}

/**
 * A proposal to write two near-identical difficulties of II.4.A as one row (identical ones are
 * grouped without asking, L3684-L3693); applied only when accepted, like activity merges.
 */
export interface SituationSuggestion {
  /** Stable id: the sorted member keys joined with '+'. */
  readonly id: string;
  readonly keys: readonly string[];
  /** Each row's difficulty as II.4.A writes it, the one kept first. */
  readonly difficulties: readonly string[];
  readonly topic: Topic;
  readonly accepted: boolean;
}

export interface Tally {
  readonly count: number;
  /** Sum of Tổng số, 1.000 đồng. */
  readonly amount: number;
}

/** read = written + returned, for counts and amounts (SPEC §4 rule 4; issue "nothing is lost"). */
export interface Reconciliation {
  readonly read: Tally;
  readonly written: Tally;
  readonly returned: Tally;
  readonly balanced: boolean;
  /** Rows of the previous II.4.B no source proposes any more (kept, flagged). */
  readonly vanished: number;
  /** Rows typed into II.4.B by hand (kept). */
  readonly manual: number;
}

/** A village whose meeting the handbook's rules question (L577, L595), as the report lists it. */
export interface VillageMeeting {
  /** "hop:na liu": the line's key in the report and in the commune's confirmations. */
  readonly key: string;
  readonly unit: string;
  /** False when the list is not valid (households represented 50% or fewer); true when only women are under 30%. */
  readonly valid: boolean;
  /** Why, in Vietnamese. */
  readonly reason: string;
  /** The meeting's minutes (I.3). */
  readonly sheet: string;
  readonly file?: string;
  readonly cell?: string;
  /** Rows of the plan from this village. */
  readonly rows: number;
  /** The commune confirmed the list in the report: its rows are no longer marked. */
  readonly confirmed: boolean;
}

/** How the notes (Ghi chú) of the activities were split into Tên nguồn vốn, Cơ chế thực hiện and Nội dung khác. */
export interface NoteTally {
  /** Activities with a note. */
  readonly notes: number;
  /** Notes that held more than one kind of text and were split. */
  readonly split: number;
  /** Notes with a part for each column. */
  readonly source: number;
  readonly mechanism: number;
  readonly other: number;
  /** Notes cut at each separator between parts of different kinds ('line', 'semicolon', 'period', 'comma', 'dash'). */
  readonly separators: Readonly<Record<string, number>>;
}

export interface CommunePlan {
  readonly planYear?: number;
  readonly communeName?: string;
  readonly situations: readonly PlanSituation[];
  readonly activities: readonly PlanActivity[];
  readonly returned: readonly ReturnedActivity[];
  readonly suggestions: readonly MergeSuggestion[];
  /** II.4.A: near-identical difficulties offered to merge. */
  readonly situationSuggestions?: readonly SituationSuggestion[];
  readonly reconciliation: Reconciliation;
  /** How the notes were split (absent on plans read back from sheets). */
  readonly notes?: NoteTally;
  /** Villages whose meeting the handbook's rules question, with their rows counted. */
  readonly meetings?: readonly VillageMeeting[];
  readonly findings: readonly Finding[];
}
