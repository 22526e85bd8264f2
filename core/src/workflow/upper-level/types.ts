/**
 * The upper level's roll-up (handbook L764-L920; SPEC §1): every commune's II.6.A/II.6.B
 * consolidated, classified by topic and sector, appraised by the upper level's departments
 * (accept / reject with a reason), ranked within the funds the upper level holds, and fed back
 * to each commune. The upper level is a huyện per the handbook, a tỉnh since July 2025
 * (HOSTS.md): the user names it. Types and sheet names shared by district-*.ts.
 */
import type { ActivityGroup, FormReading, SourceRef } from '../../model/types';
import type { ProgramPeriod } from '../../port/types';
import type { Finding } from '../../validate/messages';
import type { CheckResult } from '../plan';
import type { Tally, Topic } from '../types';

/** The level above the commune when the user names none (the handbook's). */
export const DEFAULT_UPPER_LEVEL = 'Huyện';

export const SUMMARY_SHEET = 'Tổng hợp theo lĩnh vực';
export const COMMUNES_SHEET = 'Tổng hợp theo xã';
export const RANKING_SHEET = 'Xếp ưu tiên trong nguồn vốn';
export const FEEDBACK_PREFIX = 'Phản hồi - ';
export const UPPER_REPORT_SHEET = 'Báo cáo đọc các xã';
/** @deprecated the upper level is the province since 2026: UPPER_REPORT_SHEET. */
export const DISTRICT_REPORT_SHEET = UPPER_REPORT_SHEET;
/** Every commune's feedback, one row per activity. */
export const FEEDBACK_TABLE = 'Phản hồi các xã';
/** The appraisals typed in the summary before this run, as they were (the summary is rebuilt, not kept as a copy). */
export const APPRAISALS_SHEET = 'Thẩm định lần trước';
/** The printable feedback of one chosen commune, rebuilt at each run. */
export const FEEDBACK_VIEW = 'Phiếu phản hồi';

/** The two answers of the appraisal drop-down. */
export const OPINIONS = ['Đồng ý', 'Không đồng ý'] as const;

/** Written in "Ghi chú" of a row no commune proposes any more (kept with its appraisal). */
export const VANISHED_NOTE = '[Không còn trong biểu của xã]';
/** Written in "Ghi chú" of a row found in II.4.B but in neither II.6.A nor II.6.B. */
export const ONLY_IN_II4B_NOTE = 'Chỉ có trong II.4.B của xã (xếp vào biểu theo quy tắc tách nguồn vốn)';

/** Where an activity sits in the commune's plan. */
export type CommuneForm = 'II.6.A' | 'II.6.B';

/** One activity of a commune, as read from its II.6.A / II.6.B (or II.4.B). Money in 1.000 đồng. */
export interface CommuneActivity {
  /** The commune's row key: its "Mã dòng (LKH)", else derived from the name ("ten:…"). */
  readonly key: string;
  readonly keyDerived: boolean;
  readonly form: CommuneForm;
  /** Read from II.4.B, found in neither II.6.A nor II.6.B. */
  readonly onlyInIi4b: boolean;
  readonly topic: Topic;
  readonly sector: string;
  readonly activity: string;
  readonly objective?: string;
  readonly unit?: string;
  readonly quantity?: number | string;
  readonly time?: string;
  readonly place?: string;
  readonly responsible?: string;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly fundSource?: string;
  readonly group?: ActivityGroup;
  /** The commune's Ưu tiên (II.6.B ranking). */
  readonly priority?: number;
  /** The difficulty of II.4.A this activity answers, when one matches. */
  readonly difficulty?: string;
  readonly source: SourceRef;
}

/** A difficulty of the commune's II.4.A with the solutions written beside it. */
export interface CommuneSituation {
  readonly difficulty: string;
  readonly solutions: readonly string[];
  readonly sector: string;
  /** Where it was read (for the long table "Dữ liệu xã II.4.A"). */
  readonly file?: string;
  readonly sheet?: string;
  /** 0-based sheet row. */
  readonly row?: number;
}

/** Everything read for one commune, from one or several files or tabs. */
export interface CommuneInput {
  readonly name: string;
  /** Grouping key: the folded name without "xã"/"phường"/"thị trấn". */
  readonly key: string;
  readonly activities: readonly CommuneActivity[];
  readonly situations: readonly CommuneSituation[];
  /** What each plan form held, when the commune sent it. */
  readonly forms: Readonly<Partial<Record<'II.4.B' | 'II.6.A' | 'II.6.B', Tally>>>;
  readonly iii1?: FormReading;
  readonly period: ProgramPeriod;
  readonly planYear?: number;
  /** "file — sheet" of every sheet used. */
  readonly where: readonly string[];
  /** When its newest file was last saved (ISO), when known. */
  readonly modified?: string;
}

/** What the upper level's offices typed in the summary's appraisal columns. */
export interface Appraisal {
  readonly office?: string;
  readonly opinion?: string;
  readonly reason?: string;
  readonly upperPriority?: number;
  /** What was typed in "Ưu tiên cấp trên" when it is not a whole number. */
  readonly upperPriorityText?: string;
}

export type Verdict = 'accepted' | 'rejected' | 'pending';

/** One row of "Tổng hợp theo lĩnh vực". */
export interface DistrictRow {
  /** `${communeKey}|${commune row key}`: written in "Mã dòng (LKH)". */
  readonly key: string;
  readonly communeKey: string;
  readonly commune: string;
  readonly form: CommuneForm | '';
  readonly topic: Topic;
  readonly sector: string;
  readonly activity: string;
  readonly unit?: string;
  readonly quantity?: number | string;
  readonly time?: string;
  readonly place?: string;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly fundSource?: string;
  readonly communePriority?: number;
  readonly difficulty?: string;
  readonly appraisal: Appraisal;
  readonly verdict: Verdict;
  /** 'vanished': in the previous summary, no commune proposes it any more (kept with its appraisal). */
  readonly status: 'active' | 'vanished';
  readonly onlyInIi4b?: boolean;
  readonly source?: SourceRef;
}

/** A row of the previous run's summary, read back by its key. */
export interface PreviousRow {
  readonly key: string;
  readonly appraisal: Appraisal;
  /** The row as it was shown (for rows that vanished). */
  readonly row: Omit<DistrictRow, 'appraisal' | 'verdict' | 'status' | 'key'>;
  /** 0-based sheet row, for messages. */
  readonly sheetRow: number;
}

export interface PreviousRollup {
  readonly sheet?: string;
  readonly rows: readonly PreviousRow[];
}

/** An accepted II.6.B activity in the order the upper level funds them. */
export interface RankedRow {
  readonly row: DistrictRow;
  /** 1, 2, 3… in funding order. */
  readonly order: number;
  /** Running total of Đề xuất, 1.000 đồng. */
  readonly cumulative: number;
  /** Undefined when no funds were given. */
  readonly withinFunds?: boolean;
}

export interface CommuneReconciliation {
  readonly read: Tally;
  readonly written: Tally;
  readonly balanced: boolean;
}

export interface CommuneSummary {
  readonly name: string;
  readonly key: string;
  readonly count: number;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly ii6a: { readonly count: number; readonly total: number; readonly budget: number };
  readonly ii6b: { readonly count: number; readonly total: number; readonly proposed: number };
  /** When the commune's III.1 was read: its total (triệu đồng) against II.6.A's Ngân sách (triệu đồng). */
  readonly iii1?: { readonly total: number; readonly ii6aBudget: number; readonly within: boolean; readonly checks: readonly CheckResult[] };
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly reconciliation: CommuneReconciliation;
  /** II.4.B against II.6.A + II.6.B, when all three were sent. */
  readonly ii4bMatches?: boolean;
}

/** One topic's reconciliation: what the communes' sheets file under it = what the summary prints under its heading. */
export interface TopicReconciliation {
  readonly topic: Topic;
  readonly read: Tally;
  readonly written: Tally;
  readonly balanced: boolean;
}

/** Where the funds of the ranking come from: `--funds` (or the pane), the IV.1 read, or the last run's. */
export interface FundsOrigin {
  readonly kind: 'option' | 'iv1' | 'saved';
  /** The IV.1 sheets summed ("file — sheet"), for 'iv1'. */
  readonly sheets?: readonly string[];
}

export interface DistrictReconciliation {
  readonly read: Tally;
  readonly written: Tally;
  /** Per commune, per topic and in total. */
  readonly balanced: boolean;
  /** By topic, in the handbook's order (topics with neither read nor written rows left out). */
  readonly topics: readonly TopicReconciliation[];
  /** Appraisals found again from the previous run. */
  readonly keptAppraisals: number;
  readonly vanished: number;
}

/** What was done with each sheet read. */
export interface SheetRead {
  readonly file?: string;
  readonly sheet: string;
  readonly form?: string;
  readonly commune?: string;
  readonly activities: number;
  readonly used: boolean;
  readonly note: string;
}

export interface DistrictRollup {
  readonly upperLevel: string;
  readonly planYear?: number;
  /** Funds the upper level holds for II.6.B activities, triệu đồng. */
  readonly funds?: number;
  readonly fundsFrom?: FundsOrigin;
  readonly communes: readonly CommuneSummary[];
  /** Active rows sorted by topic, sector, commune; then the vanished ones. */
  readonly rows: readonly DistrictRow[];
  readonly ranking: readonly RankedRow[];
  readonly reconciliation: DistrictReconciliation;
  /** Problems of the roll-up itself (a commune's plan, the appraisals, the funds); `params.commune` names the commune. */
  readonly issues: readonly Finding[];
  /** What reading and checking the communes' sheets found, vanished rows and reconciliation included. */
  readonly findings: readonly Finding[];
}
