/**
 * The year's saved state, typed, read and written in this one place over `DocumentState.extra`
 * (a JSON object the hosts keep in the workbook: the hidden `_lkh` sheet, Sheets' document
 * properties). Every key this file names is read tolerantly — a damaged or foreign value is left
 * out, never thrown — and written back as plain JSON; keys it does not name (the plan's digests,
 * plan-io.ts) are kept as they are.
 *
 *   checklist        ticks (manual results, sub-items, steps) and date overrides, mode, period start
 *   villages         the commune's villages by name, as the commune set them
 *   expectedVillages how many villages the commune has (set once: "đã gửi đủ" is judged on it)
 *   ballots          ballot sheet → the list it ranks, the method, and the last ranking from it
 *   documents        documents drafted or exported from the plan: what, when, file name
 *   findings         the last consolidation's and roll-up's findings (workflow/findings.ts writes them)
 *   district         the upper level's roll-up: its funds, the communes and sheets it holds
 *   lastChange       the sheets the last consolidation or ranking replaced, with their "(cũ)" copy (undo)
 *   demo             true in the demo commune's files (no deadline applies to a demo)
 */
import type { FormId, Level } from '../forms/types';
import type { DocumentState, ProgramPeriod } from '../port/types';
import type { DateOverride, DateOverrides, PlanningMode } from '../workflow/calendar';
import { isIsoDate } from '../workflow/calendar';
import type { RecordedFindings } from '../workflow/findings';
import { recordedFindings } from '../workflow/findings';

// ---------------------------------------------------------------------------------------------
// Types.

/** The checklist's ticks and the user's dates. */
export interface ChecklistState {
  /** Ticks by manual item, sub-item or step id; only true ticks are kept. */
  readonly manual: Readonly<Record<string, boolean>>;
  readonly overrides: DateOverrides;
  readonly mode?: PlanningMode;
  readonly periodStart?: number;
}

export const EMPTY_CHECKLIST_STATE: ChecklistState = { manual: {}, overrides: {} };

/** A ballot sheet made by LKH: the list it ranks, how, and the last ranking read from it. */
export interface BallotRecord {
  readonly listSheet: string;
  readonly method: 'marks' | 'scores';
  readonly ranked?: {
    /** 'yyyy-mm-dd' */
    readonly at: string;
    /** The moment (ISO date-time, UTC) when LKH recorded it: orders acts of one day. */
    readonly time?: string;
    readonly participants: number;
    readonly valid: boolean;
  };
}

/** What LKH drafts or exports from the plan: the documents of the plan and the package sent upward. */
export type YearDocumentKind = 'II.1' | 'II.2' | 'II.7.A' | 'II.7.B' | 'II.8' | 'II.10' | 'handout' | 'package';

export const YEAR_DOCUMENT_KINDS: readonly YearDocumentKind[] = ['II.1', 'II.2', 'II.7.A', 'II.7.B', 'II.8', 'II.10', 'handout', 'package'];

export interface DocumentRecord {
  readonly kind: YearDocumentKind;
  /** 'drafted': written from the plan for the commune to finish; 'exported': handed over to be sent. */
  readonly action: 'drafted' | 'exported';
  /** 'yyyy-mm-dd' */
  readonly at: string;
  /** The moment (ISO date-time, UTC) when LKH recorded it: orders acts of one day (a draft made before the ranking of the same day is stale). */
  readonly time?: string;
  readonly fileName: string;
}

/** When an act was recorded, comparable across records: its moment, or its day (before any moment of that day). */
export function actMoment(r: { readonly at: string; readonly time?: string }): string {
  return r.time !== undefined && r.time.startsWith(r.at) ? r.time : r.at;
}

const isTime = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u.test(v);

/** The upper level's roll-up (lkh district, the pane's roll-up). */
export interface UpperLevelRecord {
  /** Funds of the upper level, triệu đồng. */
  readonly funds?: number;
  readonly communes: readonly string[];
  readonly sheets: readonly string[];
}

/** The sheets an action replaced, each with the copy of what it was: the undo of that action. */
export interface ChangeRecord {
  readonly action: 'consolidate' | 'rank';
  /** 'yyyy-mm-dd' */
  readonly at: string;
  readonly sheets: readonly { readonly sheet: string; readonly copy: string }[];
  /** The keys of `extra` the action changed, as they were before it (the plan's digests, the ballots). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The settings of the workbook (DocumentState's own fields). */
export interface YearSettings {
  readonly planYear?: number;
  readonly unitName?: string;
  readonly level?: Level;
  readonly period?: ProgramPeriod;
  readonly upperLevelName?: string;
}

/** The whole year's state, typed. */
export interface YearState {
  readonly settings: YearSettings;
  /** Sheet → form, as recorded. */
  readonly sheetForms: Readonly<Record<string, FormId>>;
  readonly checklist: ChecklistState;
  /** The commune's villages by name (its settings), in their order. */
  readonly villages: readonly string[];
  /** How many villages the commune has; absent: not set (the names listed count, if any). */
  readonly expectedVillages?: number;
  readonly ballots: Readonly<Record<string, BallotRecord>>;
  /** Oldest first. */
  readonly documents: readonly DocumentRecord[];
  readonly findings: readonly RecordedFindings[];
  readonly upper?: UpperLevelRecord;
  readonly lastChange?: ChangeRecord;
  /** The demo commune (made by LKH to try it out): no deadline applies. */
  readonly demo: boolean;
}

// ---------------------------------------------------------------------------------------------
// Keys of `extra` (the names earlier versions wrote are kept, so old workbooks read the same).

export const YEAR_KEYS = {
  checklist: 'checklist',
  villages: 'villages',
  expectedVillages: 'expectedVillages',
  ballots: 'ballots',
  documents: 'documents',
  upper: 'district',
  lastChange: 'lastChange',
  demo: 'demo',
} as const;

/** Documents kept in the state at most (oldest dropped first). */
const MAX_DOCUMENTS = 60;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isText) : []);

// ---------------------------------------------------------------------------------------------
// Reading.

/**
 * The checklist's state in a document, tolerating anything: unknown keys are dropped, invalid dates
 * ignored, and a flat record of ticks ({ buoc1: true }) read as ticks.
 */
export function readChecklistState(state: DocumentState | undefined): ChecklistState {
  const raw = state?.extra?.[YEAR_KEYS.checklist];
  if (!isRecord(raw)) return EMPTY_CHECKLIST_STATE;
  const manual: Record<string, boolean> = {};
  const ticks = isRecord(raw.manual) ? raw.manual : raw;
  for (const [k, v] of Object.entries(ticks)) if (v === true) manual[k] = true;
  const overrides: Record<string, DateOverride> = {};
  if (isRecord(raw.overrides)) {
    for (const [k, v] of Object.entries(raw.overrides)) {
      const o = cleanOverride(v);
      if (o) overrides[k] = o;
    }
  }
  const out: { manual: Record<string, boolean>; overrides: Record<string, DateOverride>; mode?: PlanningMode; periodStart?: number } = { manual, overrides };
  if (raw.mode === 'annual' || raw.mode === 'five-year') out.mode = raw.mode;
  if (typeof raw.periodStart === 'number' && Number.isInteger(raw.periodStart)) out.periodStart = raw.periodStart;
  return out;
}

function cleanOverride(v: unknown): DateOverride | undefined {
  if (!isRecord(v)) return undefined;
  const o: { start?: string; end?: string } = {};
  if (isIsoDate(v.start)) o.start = v.start;
  if (isIsoDate(v.end)) o.end = v.end;
  return o.start !== undefined || o.end !== undefined ? o : undefined;
}

/** The commune's villages as its settings list them (names, trimmed, each once). */
export function readVillages(state: DocumentState | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of strings(state?.extra?.[YEAR_KEYS.villages])) {
    const n = v.trim();
    if (n !== '' && !seen.has(n.toLowerCase())) {
      seen.add(n.toLowerCase());
      out.push(n);
    }
  }
  return out;
}

/** How many villages the commune has, as set (a whole number from 1 to 200); undefined when not set. */
export function readExpectedVillages(state: DocumentState | undefined): number | undefined {
  const v = state?.extra?.[YEAR_KEYS.expectedVillages];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 200 ? v : undefined;
}

/** The ballots LKH made, by ballot sheet. */
export function readBallots(state: DocumentState | undefined): Record<string, BallotRecord> {
  const raw = state?.extra?.[YEAR_KEYS.ballots];
  const out: Record<string, BallotRecord> = {};
  if (!isRecord(raw)) return out;
  for (const [sheet, v] of Object.entries(raw)) {
    if (!isRecord(v) || !isText(v.listSheet)) continue;
    const method = v.method === 'scores' ? 'scores' : 'marks';
    const r = v.ranked;
    const ranked =
      isRecord(r) && isIsoDate(r.at) && typeof r.participants === 'number' && Number.isFinite(r.participants)
        ? { at: r.at, ...(isTime(r.time) ? { time: r.time } : {}), participants: r.participants, valid: r.valid === true }
        : undefined;
    out[sheet] = { listSheet: v.listSheet, method, ...(ranked ? { ranked } : {}) };
  }
  return out;
}

/** The documents drafted or exported from the plan, oldest first. */
export function readDocuments(state: DocumentState | undefined): DocumentRecord[] {
  const raw = state?.extra?.[YEAR_KEYS.documents];
  if (!Array.isArray(raw)) return [];
  const out: DocumentRecord[] = [];
  for (const v of raw as unknown[]) {
    if (!isRecord(v)) continue;
    if (!isText(v.kind) || !(YEAR_DOCUMENT_KINDS as readonly string[]).includes(v.kind)) continue;
    if (v.action !== 'drafted' && v.action !== 'exported') continue;
    if (!isIsoDate(v.at) || !isText(v.fileName)) continue;
    out.push({ kind: v.kind as YearDocumentKind, action: v.action, at: v.at, ...(isTime(v.time) ? { time: v.time } : {}), fileName: v.fileName });
  }
  return out;
}

/** The upper level's roll-up recorded in the state, if any. */
export function readUpperLevel(state: DocumentState | undefined): UpperLevelRecord | undefined {
  const v = state?.extra?.[YEAR_KEYS.upper];
  if (!isRecord(v)) return undefined;
  const funds = typeof v.funds === 'number' && Number.isFinite(v.funds) && v.funds >= 0 ? v.funds : undefined;
  return { ...(funds !== undefined ? { funds } : {}), communes: strings(v.communes), sheets: strings(v.sheets) };
}

/** The last consolidation's or ranking's replaced sheets, if any. */
export function readLastChange(state: DocumentState | undefined): ChangeRecord | undefined {
  const v = state?.extra?.[YEAR_KEYS.lastChange];
  if (!isRecord(v) || (v.action !== 'consolidate' && v.action !== 'rank') || !isIsoDate(v.at) || !Array.isArray(v.sheets)) return undefined;
  const sheets = (v.sheets as unknown[]).filter((x): x is { sheet: string; copy: string } => isRecord(x) && isText(x.sheet) && isText(x.copy)).map((x) => ({ sheet: x.sheet, copy: x.copy }));
  return sheets.length > 0 ? { action: v.action, at: v.at, sheets, ...(isRecord(v.extra) ? { extra: v.extra } : {}) } : undefined;
}

/** The whole year's state of a document, typed; anything damaged is left out. */
export function readYearState(state: DocumentState | undefined): YearState {
  const s = state ?? {};
  const expected = readExpectedVillages(s);
  const upper = readUpperLevel(s);
  const lastChange = readLastChange(s);
  return {
    settings: {
      ...(s.planYear !== undefined ? { planYear: s.planYear } : {}),
      ...(s.unitName ? { unitName: s.unitName } : {}),
      ...(s.level !== undefined ? { level: s.level } : {}),
      ...(s.period !== undefined ? { period: s.period } : {}),
      ...(s.upperLevelName ? { upperLevelName: s.upperLevelName } : {}),
    },
    sheetForms: isRecord(s.sheetForms) ? (s.sheetForms as Record<string, FormId>) : {},
    checklist: readChecklistState(s),
    villages: readVillages(s),
    ...(expected !== undefined ? { expectedVillages: expected } : {}),
    ballots: readBallots(s),
    documents: readDocuments(s),
    findings: recordedFindings(s),
    ...(upper ? { upper } : {}),
    ...(lastChange ? { lastChange } : {}),
    demo: s.extra?.[YEAR_KEYS.demo] === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: each returns a copy of the document state with one key of `extra` replaced.

function withExtra(state: DocumentState, key: string, value: unknown): DocumentState {
  const extra: Record<string, unknown> = { ...(state.extra ?? {}) };
  if (value === undefined) delete extra[key];
  else extra[key] = value;
  return { ...state, extra };
}

/** The JSON form of the checklist's state: plain objects, strings, booleans and numbers only. */
export function checklistStateToJson(cs: ChecklistState): Record<string, unknown> {
  const manual: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(cs.manual)) if (v === true) manual[k] = true;
  const overrides: Record<string, DateOverride> = {};
  for (const [k, v] of Object.entries(cs.overrides)) {
    const o = cleanOverride(v);
    if (o) overrides[k] = o;
  }
  const out: Record<string, unknown> = { manual, overrides };
  if (cs.mode !== undefined) out.mode = cs.mode;
  if (cs.periodStart !== undefined) out.periodStart = cs.periodStart;
  return out;
}

/** A copy of the document state with the checklist's state written (other keys kept). */
export function writeChecklistState(state: DocumentState, cs: ChecklistState): DocumentState {
  return withExtra(state, YEAR_KEYS.checklist, checklistStateToJson(cs));
}

/** Ticks (or unticks) one id alone; yearTick (ticks.ts) keeps a step and its items in agreement. */
export function setTick(cs: ChecklistState, id: string, ticked: boolean): ChecklistState {
  const manual = { ...cs.manual };
  if (ticked) manual[id] = true;
  else delete manual[id];
  return { ...cs, manual };
}

/** Sets the user's dates of a step or sub-item; null (or no valid date) removes them. */
export function setOverride(cs: ChecklistState, id: string, override: DateOverride | null): ChecklistState {
  const overrides: Record<string, DateOverride> = { ...cs.overrides };
  const o = override ? cleanOverride(override) : undefined;
  if (o) overrides[id] = o;
  else delete overrides[id];
  return { ...cs, overrides };
}

/** The commune's villages by name and, optionally, how many it has (undefined: leave as is; null: clear). */
export function writeVillages(state: DocumentState, villages: readonly string[] | undefined, expected?: number | null): DocumentState {
  let out = state;
  if (villages !== undefined) {
    const names = readVillages({ extra: { [YEAR_KEYS.villages]: [...villages] } });
    out = withExtra(out, YEAR_KEYS.villages, names.length > 0 ? names : undefined);
  }
  if (expected === null) out = withExtra(out, YEAR_KEYS.expectedVillages, undefined);
  else if (expected !== undefined) {
    if (!(Number.isInteger(expected) && expected >= 1 && expected <= 200)) throw new RangeError(`Số thôn phải là số nguyên từ 1 đến 200 (đã nhập ${expected}).`);
    out = withExtra(out, YEAR_KEYS.expectedVillages, expected);
  }
  return out;
}

function ballotsToJson(ballots: Readonly<Record<string, BallotRecord>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(ballots).map(([k, b]) => [k, { listSheet: b.listSheet, method: b.method, ...(b.ranked ? { ranked: { ...b.ranked } } : {}) }]));
}

/** Records a ballot sheet made for a list (a new ballot of that name forgets the old one's ranking). */
export function recordBallot(state: DocumentState, ballotSheet: string, listSheet: string, method: 'marks' | 'scores'): DocumentState {
  return withExtra(state, YEAR_KEYS.ballots, ballotsToJson({ ...readBallots(state), [ballotSheet]: { listSheet, method } }));
}

/** Records a ranking read from a ballot. */
export function recordRanking(state: DocumentState, ballotSheet: string, listSheet: string, ranked: { at: string; time?: string; participants: number; valid: boolean }, method?: 'marks' | 'scores'): DocumentState {
  const ballots = readBallots(state);
  const before = ballots[ballotSheet];
  return withExtra(state, YEAR_KEYS.ballots, ballotsToJson({ ...ballots, [ballotSheet]: { listSheet, method: method ?? before?.method ?? 'marks', ranked } }));
}

/** Records a document drafted or exported (the newest kept last; at most 60 kept). */
export function recordDocument(state: DocumentState, record: DocumentRecord): DocumentState {
  if (!(YEAR_DOCUMENT_KINDS as readonly string[]).includes(record.kind)) throw new RangeError(`Không có văn bản "${record.kind}".`);
  if (!isIsoDate(record.at)) throw new RangeError(`Ngày không hợp lệ: "${record.at}" (cần dạng yyyy-mm-dd)`);
  const docs = [...readDocuments(state), { kind: record.kind, action: record.action, at: record.at, ...(record.time !== undefined ? { time: record.time } : {}), fileName: record.fileName }];
  return withExtra(state, YEAR_KEYS.documents, docs.slice(-MAX_DOCUMENTS));
}

/** Records the upper level's roll-up. */
export function writeUpperLevel(state: DocumentState, upper: UpperLevelRecord): DocumentState {
  return withExtra(state, YEAR_KEYS.upper, { ...(upper.funds !== undefined ? { funds: upper.funds } : {}), communes: [...upper.communes], sheets: [...upper.sheets] });
}

/** Records the sheets an action replaced with their copies (undefined: forget, after an undo). */
export function writeLastChange(state: DocumentState, change: ChangeRecord | undefined): DocumentState {
  return withExtra(state, YEAR_KEYS.lastChange, change && change.sheets.length > 0 ? { action: change.action, at: change.at, sheets: change.sheets.map((x) => ({ ...x })), ...(change.extra ? { extra: { ...change.extra } } : {}) } : undefined);
}

/** Marks the workbook as the demo commune's. */
export function markDemo(state: DocumentState): DocumentState {
  return withExtra(state, YEAR_KEYS.demo, true);
}

/** Today as 'yyyy-mm-dd' in UTC (what a record is dated by when the caller gives no date). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
