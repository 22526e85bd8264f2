/**
 * What the reader makes of a filled form: activities, difficulties and strengths, each
 * carrying where it came from (file, sheet, row, cells) so a user can go back to it.
 */
import type { FormId } from '../forms/types';
import type { Finding } from '../validate/messages';

export interface SourceRef {
  readonly file?: string;
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** A1 address of each cell read, by column key. */
  readonly cells: Readonly<Record<string, string>>;
}

/** The activity groups of the forms: A (no outside money), B (outside money) and II.6.A's sub-groups of B. */
export type ActivityGroup =
  | 'no-outside-money'
  | 'outside-money'
  | 'investment-completed'
  | 'investment-finishing'
  | 'investment-ongoing'
  | 'investment-new'
  | 'recurrent';

export interface Activity {
  readonly activity: string;
  /** Group row the activity sits under, when the sheet has one above it. */
  readonly group?: ActivityGroup;
  readonly objective?: string;
  readonly unit?: string;
  /** Số lượng; `quantityText` keeps what was typed when it is not a number ("2 lớp"). */
  readonly quantity?: number;
  readonly quantityText?: string;
  readonly time?: string;
  readonly place?: string;
  readonly responsible?: string;
  /** Money, in the form's unit (1.000 đồng for activity forms). */
  readonly total?: number;
  readonly contribution?: number;
  readonly support?: number;
  readonly budget?: number;
  readonly proposed?: number;
  readonly sector?: string;
  readonly fundSource?: string;
  readonly mechanism?: string;
  readonly other?: string;
  readonly note?: string;
  readonly priority?: number;
  readonly source: SourceRef;
  /** True when some cell of the row could not be read (error cell, text in a number cell). */
  readonly unreadable: boolean;
}

export interface Difficulty {
  readonly difficulty: string;
  readonly causes: readonly string[];
  readonly solutions: readonly string[];
  readonly objective?: string;
  readonly sector?: string;
  readonly source: SourceRef;
}

export interface Strength {
  readonly text: string;
  readonly source: SourceRef;
}

/** A form recognised on a sheet and read. */
export interface FormReading {
  readonly file?: string;
  /** When `file` was last saved (its docProps/core.xml dcterms:modified), ISO, when the reader knows it. */
  readonly fileModified?: string;
  readonly sheet: string;
  readonly formId: FormId;
  /** 0..1: how sure the recognition is. */
  readonly confidence: number;
  readonly planYear?: number;
  /** The unit named on the form (Thôn: …, Xã: …, Ban ngành, đơn vị: …). */
  readonly unitName?: string;
  /** Ngành/Lĩnh vực of an I.2/II.3 sheet. */
  readonly sector?: string;
  readonly strengths: readonly Strength[];
  readonly difficulties: readonly Difficulty[];
  readonly activities: readonly Activity[];
  /** Fixed rows read by key (indicator values, III.1 amounts), for forms that have them. */
  readonly fixedValues: Readonly<Record<string, Readonly<Record<string, string | number | null>>>>;
  /** Attendance read from minutes (I.3, I.4, II.9): people present and women among them. */
  readonly meeting?: { readonly attendees?: number; readonly women?: number; readonly cell?: string };
  readonly findings: readonly Finding[];
}
