/**
 * The commune plan in a workbook: reading back what the commune typed into the previous run's
 * II.4.A/II.4.B/II.6.A/II.6.B (so a re-run keeps it), and writing the plan's sheets
 * (II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and a report) through the port. A replaced sheet is
 * kept as a copy by the port ("II.4.B (cũ)").
 */
import { formEdition } from '../../forms/editions';
import { getForm } from '../../forms/registry';
import type { FormDefinition, FormId, TableBlock, TableRow } from '../../forms/types';
import type { BodyRow } from '../../layout/engine';
import { KEY_COLUMN_HEADER, layoutForm } from '../../layout/engine';
import { simpleLayout } from '../../layout/simple';
import type { LayoutValue } from '../../layout/types';
import type { FormReading } from '../../model/types';
import { replaceKeepingOneCopy } from '../../port/replace';
import { fundSourceChoices, periodOfYear } from '../../reference';
import type { DocumentState, ProgramPeriod, SheetData, WorkbookPort } from '../../port/types';
import { copiesOf, readStateOrEmpty } from '../../port/types';
import { TextGrid } from '../../reader/grid';
import { readSheet } from '../../reader/read';
import { foldKey, formatVnNumber } from '../../text';
import { classifyTopic } from '../classify';
import { rowTopics } from '../sections';
import { todayIso, writeLastChange } from '../../year';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import { hash53 } from './sources';
import { MEETING_MARK_RE, meetingMark } from './meetings';
import type { BudgetChecks } from './checks';
import type { CommuneEdits, PreviousRow, RowEdits, SituationColumn, SituationTexts } from './consolidate';
import { NO_EDITS, SITUATION_COLUMNS, cellDigest, listCell, situationDigest } from './consolidate';
import type { FundingNeeds } from './funding';
import { II6C_ROLLUPS, fundingNeeds, splitPlan } from './funding';
import type { CommunePlan, FundingGroup, NoteTally, VillageMeeting, PlanActivity, PlanSituation, Topic } from '../types';
import { TOPICS, topicHeading } from '../types';

export const PLAN_FORMS = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C'] as const;
export type PlanFormId = (typeof PLAN_FORMS)[number];

export const REPORT_SHEET = 'Báo cáo tổng hợp';
/** The sheets writePlan writes, in this order. */
export const PLAN_SHEETS: readonly string[] = [...PLAN_FORMS, REPORT_SHEET];

/**
 * The earlier copies writePlan deletes from a workbook of these sheet names: the "(cũ)" copies of
 * each plan sheet the workbook holds (replaceKeepingOneCopy keeps one copy, the sheet it replaces).
 * A re-run need not read them (the CLI loads them deferred, XlsxWorkbook's LoadOptions).
 */
export function copiesReplacedByPlan(names: readonly string[]): string[] {
  return PLAN_SHEETS.flatMap((sheet) => (names.some((n) => n.toLowerCase() === sheet.toLowerCase()) ? copiesOf(sheet, names) : []));
}

/**
 * What writePlan replaces in a workbook of these sheet names: each plan sheet it holds (renamed to
 * its "(cũ)" copy, kept as it is) and the earlier copies (deleted). A re-run need not parse any of
 * them (the CLI loads them deferred: the copies are never read, the sheets are read from their XML
 * and copied into the saved file as they are).
 */
export function sheetsReplacedByPlan(names: readonly string[]): string[] {
  const plan = names.filter((n) => PLAN_SHEETS.some((sheet) => sheet.toLowerCase() === n.toLowerCase()));
  return [...plan, ...copiesReplacedByPlan(names)];
}
/** Mark written in "Nội dung khác" of a row no source proposes any more. */
export const VANISHED_MARK = '[Không còn trong biểu nguồn]';
const ACCEPT_HEADER = 'Đồng ý gộp (ghi x)';
/** The report's column where the commune confirms a village's list after checking its meeting. */
const CONFIRM_HEADER = 'Xã đã xác nhận (ghi x)';

const FUNDING_GROUPS: readonly FundingGroup[] = ['investment-completed', 'investment-finishing', 'investment-ongoing', 'investment-new', 'recurrent'];

/**
 * II.6.A's project state, chosen per outside-money row from a drop-down beside the row key
 * (outside the print area: the form prints the state as the section the row sits in). The
 * handbook's II.6.A has four project states and Vốn sự nghiệp; "chuẩn bị đầu tư" has no section
 * of its own in it, so it is not offered.
 */
export const PROJECT_STATE_HEADER = 'Tình trạng dự án (chọn)';
export const PROJECT_STATES: Readonly<Record<FundingGroup, string>> = {
  'investment-completed': 'Đã hoàn thành, bàn giao nhưng chưa đủ vốn',
  'investment-finishing': 'Dự kiến hoàn thành trong năm kế hoạch',
  'investment-ongoing': 'Dự án chuyển tiếp',
  'investment-new': 'Dự án khởi công mới',
  recurrent: 'Vốn sự nghiệp (không phải dự án đầu tư)',
};

/** The funding group a project-state choice names (case, spacing and marks aside). */
export function groupOfProjectState(v: unknown): FundingGroup | undefined {
  if (typeof v !== 'string') return undefined;
  const key = foldKey(v);
  if (key === '') return undefined;
  return FUNDING_GROUPS.find((g) => foldKey(PROJECT_STATES[g]) === key || foldKey(PROJECT_STATES[g]).startsWith(key));
}

/** The sheet holding each plan form: as recorded in the state, else named by the form id. */
export function planSheetNames(state: DocumentState, existing: readonly string[]): Record<PlanFormId, string> {
  const out = {} as Record<PlanFormId, string>;
  for (const id of PLAN_FORMS) {
    const recorded = Object.entries(state.sheetForms ?? {}).find(([name, f]) => f === id && existing.includes(name))?.[0];
    out[id] = recorded ?? id;
  }
  return out;
}

/** The sheet column whose header cell reads `header`, if any. */
function columnHeaded(sheet: SheetData, header: string): number | undefined {
  for (let i = 0; i < sheet.values.length; i++) {
    const j = sheet.values[i].findIndex((v) => v === header);
    if (j >= 0) return sheet.left + j;
  }
  return undefined;
}

/** The column holding row keys ("Mã dòng (LKH)"), if the sheet has one. */
function keyColumn(sheet: SheetData): number | undefined {
  return columnHeaded(sheet, KEY_COLUMN_HEADER);
}

function valueAt(sheet: SheetData, row: number, col: number): unknown {
  return sheet.values[row - sheet.top]?.[col - sheet.left];
}

function keyOf(sheet: SheetData, keyCol: number | undefined, row: number): string | undefined {
  if (keyCol === undefined) return undefined;
  const v = valueAt(sheet, row, keyCol);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Nội dung khác without LKH's own marks (a row no longer proposed, a village's list not valid). */
function stripMark(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(VANISHED_MARK, '').replace(MEETING_MARK_RE, '').trim();
  return t === '' ? undefined : t;
}

function previousActivity(r: FormReading, a: FormReading['activities'][number]): PlanActivity {
  const support = (a.budget ?? 0) + (a.proposed ?? 0);
  const other = stripMark(a.other);
  return {
    key: '',
    topic: 'kinh-te',
    sector: a.sector ?? '',
    group: a.group === 'no-outside-money' ? 'no-outside-money' : 'outside-money',
    activity: a.activity,
    ...(a.objective ? { objective: a.objective } : {}),
    ...(a.unit ? { unit: a.unit } : {}),
    ...(a.quantity !== undefined ? { quantity: a.quantity } : {}),
    ...(a.quantityText ? { quantityText: a.quantityText } : {}),
    ...(a.time ? { time: a.time } : {}),
    ...(a.place ? { place: a.place } : {}),
    ...(a.responsible ? { responsible: a.responsible } : {}),
    total: a.total ?? (a.contribution ?? 0) + support,
    contribution: a.contribution ?? 0,
    support,
    budget: a.budget ?? 0,
    proposed: a.proposed ?? 0,
    ...(a.fundSource ? { fundSource: a.fundSource } : {}),
    ...(a.mechanism ? { mechanism: a.mechanism } : {}),
    ...(other ? { other } : {}),
    origins: [{ kind: 'village', unit: `${r.sheet} (lần trước)` }],
    sources: [a.source],
    flags: {},
    status: 'manual',
  };
}

/** A row's topic and sector as recorded in the state ("csht|giao thong"): a re-run tells the commune's changes from it. */
export function classDigest(a: Pick<PlanActivity, 'topic' | 'sector'>): string {
  return `${a.topic}|${foldKey(a.sector)}`;
}

/**
 * The commune's changes to topic and sector in one plan sheet, by row key: the topic of the
 * section a row sits in and its Ngành/Lĩnh vực, where they differ from what LKH wrote there
 * (`written`, classDigest by key). A row LKH has no record of, or an emptied sector, is no
 * change. Each row's section topic is added to `topics` ("sheet!row").
 */
function classEdits(sheet: SheetData, r: FormReading | undefined, formId: 'II.4.B' | 'II.6.A' | 'II.6.B', written: Readonly<Record<string, string>>, topics: Map<string, Topic>): Map<string, RowEdits> {
  const out = new Map<string, RowEdits>();
  if (!r) return out;
  const acts = r.activities.filter((a) => a.activity !== '');
  const byRow = rowTopics(new TextGrid(sheet), formId, acts.map((a) => a.source.row));
  for (const [row, t] of byRow) topics.set(`${sheet.name}!${row}`, t);
  const kc = keyColumn(sheet);
  for (const a of acts) {
    const key = keyOf(sheet, kc, a.source.row);
    const was = key !== undefined ? written[key] : undefined;
    if (key === undefined || was === undefined) continue;
    const bar = was.indexOf('|');
    const [wasTopic, wasSector] = [was.slice(0, bar), was.slice(bar + 1)];
    const topic = byRow.get(a.source.row);
    const sector = a.sector?.trim() ?? '';
    const e: { topic?: Topic; sector?: string } = {};
    if (topic !== undefined && topic !== wasTopic) e.topic = topic;
    if (sector !== '' && foldKey(sector) !== wasSector) e.sector = sector;
    if (e.topic !== undefined || e.sector !== undefined) out.set(key, e);
  }
  return out;
}

/**
 * Reads what the commune typed in the previous run's sheets: its own columns by row key
 * (II.4.B: Mục tiêu, Ngân sách/Đề xuất, Tên nguồn vốn, Cơ chế thực hiện, Nội dung khác;
 * II.6.A/II.6.B: Ưu tiên and the II.6.A group), II.4.A's Mục tiêu, accepted merges (state and
 * the report's "Đồng ý gộp" column) and the previous rows (to keep vanished and hand-typed ones).
 */
export async function readEdits(port: WorkbookPort): Promise<CommuneEdits> {
  const names = await port.listSheets();
  const state = await readStateOrEmpty(port);
  const sheets = planSheetNames(state, names);
  const writtenDigests = digestsFromState(state);
  const writtenSplits = digestsFromState(state, 'writtenSplits');
  const writtenGroups = digestsFromState(state, 'writtenGroups');
  const wanted = [...PLAN_FORMS.map((f) => sheets[f]), REPORT_SHEET].filter((n) => names.includes(n));
  if (wanted.length === 0) return { ...NO_EDITS, acceptedMerges: acceptedFromState(state), confirmedMeetings: confirmedFromState(state) };
  const data = new Map((await port.readSheets(wanted)).map((d) => [d.name, d]));
  // Each plan sheet read once (its columns, then its topics and sectors), its headers searched near the top first.
  const readings = new Map<string, FormReading | undefined>();
  const readingOf = (sheet: SheetData, formId: PlanFormId): FormReading | undefined => {
    if (!readings.has(sheet.name)) readings.set(sheet.name, readSheet(sheet, { formId, headersNearTop: true }).reading);
    return readings.get(sheet.name);
  };
  const rows = new Map<string, RowEdits>();
  const edit = (key: string, e: RowEdits) => rows.set(key, { ...(rows.get(key) ?? {}), ...e });
  const previous: PreviousRow[] = [];
  const objectives = new Map<string, string>();

  const ii4b = data.get(sheets['II.4.B']);
  if (ii4b) {
    const r = readingOf(ii4b, 'II.4.B');
    const kc = keyColumn(ii4b);
    for (const a of r?.activities ?? []) {
      if (!r || a.activity === '') continue;
      const key = keyOf(ii4b, kc, a.source.row);
      const other = stripMark(a.other);
      if (key) {
        // Ngân sách / Đề xuất as LKH wrote them last time are its own split, not the commune's:
        // recomputed (a new "Danh mục", a corrected note), unless the commune changed them.
        const split = `${a.budget ?? 0}|${a.proposed ?? 0}`;
        const typedSplit = (a.budget !== undefined || a.proposed !== undefined) && writtenSplits[key] !== split;
        edit(key, {
          ...(a.objective ? { objective: a.objective } : {}),
          ...(typedSplit ? { budget: a.budget ?? 0, proposed: a.proposed ?? 0 } : {}),
          ...(a.fundSource ? { fundSource: a.fundSource } : {}),
          ...(a.mechanism ? { mechanism: a.mechanism } : {}),
          ...(other ? { other } : {}),
        });
      }
      previous.push({ ...(key ? { key } : {}), activity: previousActivity(r, a) });
    }
  }
  // II.6.A and II.6.B: the commune's columns typed there (Mục tiêu, Tên nguồn vốn, Cơ chế thực hiện,
  // Nội dung khác, Ưu tiên, the II.6.A group) and rows typed there by hand are kept like II.4.B's.
  // Where II.4.B and II.6.x hold two different texts for one row, II.6.x (edited later in the
  // handbook's order) wins and the report names the other, so neither is lost without a word.
  const findings: Finding[] = [];
  const typedIn4b = new Set(previous.map((p) => handKey(p.activity)));
  for (const id of ['II.6.A', 'II.6.B'] as const) {
    const sheet = data.get(sheets[id]);
    if (!sheet) continue;
    const r = readingOf(sheet, id);
    const kc = keyColumn(sheet);
    const stateCol = id === 'II.6.A' ? columnHeaded(sheet, PROJECT_STATE_HEADER) : undefined;
    for (const a of r?.activities ?? []) {
      if (!r || a.activity === '') continue;
      const key = keyOf(sheet, kc, a.source.row);
      const section = a.group && (FUNDING_GROUPS as readonly string[]).includes(a.group) ? (a.group as FundingGroup) : undefined;
      // The project state: a choice changed in the drop-down wins; else the section the row sits
      // in (the commune may have moved the row there by hand).
      const chosen = stateCol !== undefined ? groupOfProjectState(valueAt(sheet, a.source.row, stateCol)) : undefined;
      const group = chosen !== undefined && (key === undefined || chosen !== writtenGroups[key]) ? chosen : section;
      if (!key) {
        // Typed by hand in II.6.x (not a row LKH wrote, nor one of II.4.B's hand-typed rows it copied here).
        const row = previousActivity(r, a);
        if (!typedIn4b.has(handKey(row))) {
          previous.push({ activity: { ...row, ...(group ? { fundingGroup: group } : {}) } });
          typedIn4b.add(handKey(row));
        }
        continue;
      }
      const other = stripMark(a.other);
      const typed: RowEdits = {
        ...(a.objective ? { objective: a.objective } : {}),
        ...(a.fundSource ? { fundSource: a.fundSource } : {}),
        ...(a.mechanism ? { mechanism: a.mechanism } : {}),
        ...(other ? { other } : {}),
      };
      const before = rows.get(key) ?? {};
      // Which sheet did the commune edit? Compared with what LKH wrote last time (a digest per row
      // in the document state): an unchanged II.6.x never overrides a II.4.B the commune edited.
      const baseline = writtenDigests[key];
      const in6 = communeColumnsDigest(typed);
      const in4b = communeColumnsDigest(before);
      const take6 = in6 !== in4b && in6 !== baseline;
      if (take6 && baseline !== undefined && in4b !== baseline) {
        for (const field of COMMUNE_FIELDS) {
          const was = before[field];
          const now = typed[field];
          if (was !== undefined && foldKey(was) !== foldKey(now ?? '')) {
            const src = a.source.cells[field] ?? a.source.cells.activity;
            findings.push(finding('EDIT_TWO_VALUES', { sheet: sheet.name, ...(src ? { cell: src } : {}) }, { activity: shortName(a.activity), column: EDIT_COLUMNS[field], kept: shortName(now ?? '', 80), other: shortName(was, 80), form: id }));
          }
        }
      }
      const fields: RowEdits = take6
        ? Object.fromEntries(COMMUNE_FIELDS.map((f) => [f, typed[f]]).filter(([, v]) => v !== undefined))
        : Object.fromEntries(COMMUNE_FIELDS.filter((f) => before[f] === undefined && typed[f] !== undefined).map((f) => [f, typed[f]]));
      if (take6) {
        // II.6.x wins for these four columns: drop II.4.B's values, even where II.6.x was emptied.
        const rest: Record<string, unknown> = { ...before };
        for (const f of COMMUNE_FIELDS) delete rest[f];
        rows.set(key, rest as RowEdits);
      }
      edit(key, { ...fields, ...(a.priority !== undefined ? { priority: a.priority } : {}), ...(group ? { fundingGroup: group } : {}) });
    }
  }
  // Topic and sector are the commune's once it changes them: a row moved under another topic
  // heading, a Ngành/Lĩnh vực retyped, in II.4.B, II.6.A or II.6.B (the later form wins). What
  // LKH wrote last time is told apart by the state's record of it; rows kept from the previous
  // run (typed by hand, no longer proposed) take the topic of the section they sit in.
  const writtenClasses = digestsFromState(state, 'writtenClasses');
  const sectionTopics = new Map<string, Topic>();
  for (const id of ['II.4.B', 'II.6.A', 'II.6.B'] as const) {
    const sheet = data.get(sheets[id]);
    if (!sheet) continue;
    for (const [key, e] of classEdits(sheet, readingOf(sheet, id), id, writtenClasses, sectionTopics)) edit(key, e);
  }
  for (let i = 0; i < previous.length; i++) {
    const src = previous[i].activity.sources[0];
    const topic = src ? sectionTopics.get(`${src.sheet}!${src.row}`) : undefined;
    const a = previous[i].activity;
    previous[i] = { ...previous[i], activity: { ...a, topic: topic ?? classifyTopic(a.sector, a.activity) } };
  }
  const situationTexts = new Map<string, SituationTexts>();
  const ii4a = data.get(sheets['II.4.A']);
  if (ii4a) {
    const kc = keyColumn(ii4a);
    const r = readingOf(ii4a, 'II.4.A');
    for (const d of r?.difficulties ?? []) {
      const key = keyOf(ii4a, kc, d.source.row);
      if (key && d.objective) objectives.set(key, d.objective);
    }
    // A cell that differs from what LKH wrote there last time is the commune's: kept on re-run.
    // An emptied cell gets the sources' text back (nothing a unit stated is dropped unseen).
    const writtenSituations = digestsFromState(state, 'writtenSituations');
    const cols = SITUATION_COLUMNS.map((c) => columnHeaded(ii4a, SITUATION_HEADERS[c]));
    if (kc !== undefined) {
      for (let row = ii4a.top; row < ii4a.top + ii4a.values.length; row++) {
        const key = keyOf(ii4a, kc, row);
        const written = key ? writtenSituations[key]?.split('|') : undefined;
        if (!key || !written) continue;
        const texts: SituationTexts = {};
        SITUATION_COLUMNS.forEach((c, i) => {
          const col = cols[i];
          const v = col !== undefined ? valueAt(ii4a, row, col) : undefined;
          const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
          if (text !== '' && cellDigest(text) !== written[i]) texts[c] = text;
        });
        if (Object.keys(texts).length > 0) situationTexts.set(key, texts);
      }
    }
  }
  const accepted = acceptedFromState(state);
  const report = data.get(REPORT_SHEET);
  if (report) accepted.push(...acceptedFromReport(report));
  const uniq = new Map(accepted.map((ks) => [[...ks].sort().join('+'), ks]));
  // The villages whose list the commune confirmed: the report's column when the report is there, else the state.
  const confirmedMeetings = report ? markedIn(report, CONFIRM_HEADER) : confirmedFromState(state);
  return { rows, objectives, situationTexts, acceptedMerges: [...uniq.values()], previous, findings, confirmedMeetings };
}

/** The programs a period's plan falls under, as the report names them. */
const PERIOD_BASIS: Readonly<Record<ProgramPeriod, string>> = {
  '2016-2020': 'CTMTQG xây dựng Nông thôn mới và CTMTQG Giảm nghèo bền vững theo Sổ tay',
  '2021-2025': 'CTMTQG xây dựng nông thôn mới, giảm nghèo bền vững, phát triển KT-XH vùng đồng bào DTTS và miền núi',
  '2026-2030': 'CTMTQG hợp nhất theo Nghị quyết 257/2025/QH15',
};

/** Column names of the commune's columns, as the forms print them. */
const EDIT_COLUMNS: Readonly<Record<'objective' | 'fundSource' | 'mechanism' | 'other', string>> = {
  objective: 'Mục tiêu',
  fundSource: 'Tên nguồn vốn',
  mechanism: 'Cơ chế thực hiện',
  other: 'Nội dung khác',
};

const COMMUNE_FIELDS = ['objective', 'fundSource', 'mechanism', 'other'] as const;

/** A digest of a row's four commune columns as written or read (case, spacing and marks aside). */
/** II.4.A's headers of the columns LKH fills (the form's own wording, ii-4-a.ts). */
const SITUATION_HEADERS: Readonly<Record<SituationColumn, string>> = {
  sector: 'Ngành/Lĩnh vực',
  strength: 'Thuận lợi',
  difficulty: 'Khó khăn',
  cause: 'Nguyên nhân',
  solution: 'Giải pháp',
};

export function communeColumnsDigest(v: Pick<RowEdits, 'objective' | 'fundSource' | 'mechanism' | 'other'>): string {
  return hash53(JSON.stringify(COMMUNE_FIELDS.map((f) => foldKey(v[f] ?? ''))));
}

function digestsFromState(state: DocumentState, key = 'communeColumns'): Readonly<Record<string, string>> {
  const v = state.extra?.[key];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, d] of Object.entries(v as Record<string, unknown>)) if (typeof d === 'string') out[k] = d;
  return out;
}

/** Identity of a hand-typed row (no key): what it is, its unit and its total. */
function handKey(a: PlanActivity): string {
  return `${foldKey(a.activity)}|${foldKey(a.unit ?? '')}|${a.total}`;
}

function acceptedFromState(state: DocumentState): string[][] {
  const v = state.extra?.acceptedMerges;
  return Array.isArray(v) ? v.filter((x): x is string[] => Array.isArray(x) && x.every((k) => typeof k === 'string')) : [];
}

function confirmedFromState(state: DocumentState): string[] {
  const v = state.extra?.confirmedMeetings;
  return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
}

/** The keys of the report's rows marked in the column headed `header` (the commune's "x"). */
function markedIn(sheet: SheetData, header: string): string[] {
  const out: string[] = [];
  sheet.values.forEach((head, headerRow) => {
    const markCol = head.findIndex((v) => v === header);
    const keyCol = head.findIndex((v) => v === KEY_COLUMN_HEADER);
    if (markCol < 0 || keyCol < 0) return;
    for (let i = headerRow + 1; i < sheet.values.length; i++) {
      const id = sheet.values[i][keyCol];
      const mark = sheet.values[i][markCol];
      if (typeof id !== 'string' || id === '') break;
      if (mark !== null && mark !== '' && foldKey(String(mark)) !== 'khong' && mark !== false) out.push(id);
    }
  });
  return out;
}

/** Suggestions the user marked with "x" in the report's "Đồng ý gộp" column. */
/** The merges marked "Đồng ý gộp" in every table of the report that offers them (activities, II.4.A). */
function acceptedFromReport(sheet: SheetData): string[][] {
  const out: string[][] = [];
  sheet.values.forEach((header, headerRow) => {
    const acceptCol = header.findIndex((v) => v === ACCEPT_HEADER);
    const keyCol = header.findIndex((v) => v === KEY_COLUMN_HEADER);
    if (acceptCol < 0 || keyCol < 0) return;
    for (let i = headerRow + 1; i < sheet.values.length; i++) {
      const id = sheet.values[i][keyCol];
      const mark = sheet.values[i][acceptCol];
      if (typeof id !== 'string' || id === '') break;
      if (mark !== null && mark !== '' && foldKey(String(mark)) !== 'khong' && mark !== false) out.push(id.split('+'));
    }
  });
  return out;
}

function activityValues(a: PlanActivity): Record<string, LayoutValue> {
  const marks = [a.status === 'vanished' ? VANISHED_MARK : '', a.meetingNotValid && a.meetingNotValid.length > 0 ? meetingMark(a.meetingNotValid) : ''].filter(Boolean);
  const other = marks.length > 0 ? [...marks, a.other].filter(Boolean).join(' ') : (a.other ?? null);
  return {
    priority: a.priority ?? null,
    activity: a.activity,
    objective: a.objective ?? null,
    unit: a.unit ?? null,
    quantity: a.quantityText ?? a.quantity ?? null,
    time: a.time ?? null,
    place: a.place ?? null,
    responsible: a.responsible ?? null,
    total: a.total,
    contribution: a.contribution,
    budget: a.budget,
    proposed: a.proposed,
    sector: a.sector || null,
    fundSource: a.fundSource ?? null,
    mechanism: a.mechanism ?? null,
    other,
  };
}

/** The row's reference for totals: its key, or its STT for a hand-typed row (which has none). */
const refOf = (a: PlanActivity, stt: number): string => a.key || `#${stt}`;

function numbered(rows: readonly PlanActivity[], start: number): BodyRow[] {
  return rows.map((a, i) => ({ kind: 'data', key: a.key, ref: refOf(a, start + i), values: { stt: start + i, ...activityValues(a) } }));
}

/**
 * A subtotal or total row (issue 11: "Cộng" per topic or group, "Tổng cộng" at the end), as SUM
 * formulas over `over` with their cached values. Rows no source proposes any more (kept, marked)
 * are not counted, as the reconciliation does not count them.
 */
function totalOf(key: string, label: string, over: readonly BodyRow[], rows: readonly PlanActivity[]): BodyRow {
  const counted = rows.filter((a) => a.status !== 'vanished');
  const refs = new Set(counted.map((a) => a.key).filter((k) => k !== ''));
  const names = over.flatMap((r) => (r.kind === 'total' ? [r.key] : r.kind === 'data' && r.ref && (refs.has(r.ref) || r.ref.startsWith('#')) ? [r.ref] : []));
  const sum = (f: (a: PlanActivity) => number) => counted.reduce((n, a) => n + f(a), 0);
  return { kind: 'total', key, label, over: names, values: { total: sum((a) => a.total), contribution: sum((a) => a.contribution), budget: sum((a) => a.budget), proposed: sum((a) => a.proposed) } };
}

/** Rows of one group, under topic section rows, each topic with its subtotal ("Cộng"). */
function byTopic(rows: readonly PlanActivity[], counter: { n: number }, group: string): BodyRow[] {
  const out: BodyRow[] = [];
  for (const t of TOPICS) {
    const inTopic = rows.filter((r) => r.topic === t);
    if (inTopic.length === 0) continue;
    out.push({ kind: 'group', label: topicHeading(t), depth: 1 });
    const body = numbered(inTopic, counter.n);
    out.push(...body, totalOf(`t:${group}:${t}`, 'Cộng', body, inTopic));
    counter.n += inTopic.length;
  }
  return out;
}

/** The totals among rows (subtotals), for a group's total. */
const totalsIn = (rows: readonly BodyRow[]): BodyRow[] => rows.filter((r) => r.kind === 'total');

const GROUP_A = { kind: 'group', key: 'no-outside-money', code: 'A', label: 'Các hoạt động không cần nguồn vốn bên ngoài', depth: 0 } as const;
const GROUP_B = { kind: 'group', key: 'outside-money', code: 'B', label: 'Các hoạt động cần nguồn vốn bên ngoài', depth: 0 } as const;

/** II.4.B: A then B, each by topic. */
export function ii4bBody(activities: readonly PlanActivity[]): BodyRow[] {
  const counter = { n: 1 };
  const inA = activities.filter((a) => a.group === 'no-outside-money');
  const inB = activities.filter((a) => a.group === 'outside-money');
  const a = byTopic(inA, counter, 'A');
  const b = byTopic(inB, counter, 'B');
  // An empty group has no total of its own; the grand total adds the groups' totals.
  const totalA = inA.length > 0 ? [totalOf('t:A', 'Cộng A', totalsIn(a), inA)] : [];
  const totalB = inB.length > 0 ? [totalOf('t:B', 'Cộng B', totalsIn(b), inB)] : [];
  return [GROUP_A, ...a, ...totalA, GROUP_B, ...b, ...totalB, totalOf('t:all', 'Tổng cộng (A+B)', [...totalA, ...totalB], activities)];
}

/** The group rows of II.6.A's B part, with their labels from the form. */
function fundingGroupRows(): Map<string, BodyRow> {
  const form = getForm('II.6.A');
  const out = new Map<string, BodyRow>();
  for (const b of form.blocks) {
    if (b.kind !== 'table' || b.key !== 'activities') continue;
    for (const r of b.rows) if (r.kind === 'group') out.set(r.key, { kind: 'group', key: r.key, ...(r.code ? { code: r.code } : {}), label: r.label, depth: r.depth });
  }
  return out;
}

const byPriority = (a: PlanActivity, b: PlanActivity) => (a.priority ?? Infinity) - (b.priority ?? Infinity);

/** II.6.A: A by topic; B split into Vốn đầu tư phát triển (four project states) and Vốn sự nghiệp. */
export function ii6aBody(rows: readonly PlanActivity[]): BodyRow[] {
  const groups = fundingGroupRows();
  const g = (k: string): BodyRow[] => {
    const r = groups.get(k);
    return r ? [r] : [];
  };
  const counter = { n: 1 };
  const a = rows.filter((r) => r.group === 'no-outside-money');
  const b = rows.filter((r) => r.group === 'outside-money');
  const bodyA = byTopic(a, counter, 'A');
  const totalA = a.length > 0 ? [totalOf('t:A', 'Cộng A', totalsIn(bodyA), a)] : [];
  const out: BodyRow[] = [...g('no-outside-money'), ...bodyA, ...totalA, ...g('outside-money'), ...g('investment')];
  const groupTotals: BodyRow[] = [];
  for (const k of FUNDING_GROUPS) {
    if (k === 'recurrent') out.push(...g('recurrent'));
    else out.push(...g(k));
    const inGroup = b.filter((r) => (r.fundingGroup ?? 'recurrent') === k).sort(byPriority);
    const body = numbered(inGroup, counter.n).map((r) => (r.kind === 'data' ? { ...r, choice: PROJECT_STATES[k] } : r));
    out.push(...body);
    if (inGroup.length > 0) {
      const t = totalOf(`t:B:${k}`, 'Cộng', body, inGroup);
      out.push(t);
      groupTotals.push(t);
    }
    counter.n += inGroup.length;
  }
  const totalB = b.length > 0 ? [totalOf('t:B', 'Cộng B', groupTotals, b)] : [];
  out.push(...totalB, totalOf('t:all', 'Tổng cộng (A+B)', [...totalA, ...totalB], rows));
  return out;
}

/** II.6.B: every row needs outside money of unknown source; ranked rows first, by rank; then the total. */
export function ii6bBody(rows: readonly PlanActivity[]): BodyRow[] {
  const sorted = [...rows].sort(byPriority);
  const body = numbered(sorted, 1);
  return [...body, totalOf('t:all', 'Tổng cộng', body, sorted)];
}

/** II.4.A: by topic, departments' difficulties first, villages' after. */
export function ii4aBody(situations: readonly PlanSituation[]): BodyRow[] {
  const out: BodyRow[] = [];
  for (const t of TOPICS) {
    const inTopic = situations.filter((s) => s.topic === t);
    if (inTopic.length === 0) continue;
    out.push({ kind: 'group', label: topicHeading(t), depth: 0 });
    for (const s of inTopic) {
      out.push({
        kind: 'data',
        key: s.key,
        values: {
          sector: s.sector || null,
          strength: listCell(s.strengths) || null,
          difficulty: s.difficulty || null,
          cause: listCell(s.causes) || null,
          objective: s.objective ?? null,
          solution: listCell(s.solutions) || null,
        },
      });
    }
  }
  return out;
}

export interface WritePlanOptions {
  readonly planYear?: number;
  readonly communeName?: string;
  readonly period?: ProgramPeriod;
  /** The level above the commune ("Tỉnh Lào Cai"), shown in the report and saved when the workbook has none. */
  readonly upperLevelName?: string;
  /** Rule 6 checks to run on the II.6.A rows and print in the report. */
  readonly checks?: (ii6a: readonly PlanActivity[]) => BudgetChecks;
}

export interface WrittenPlan {
  readonly sheets: readonly string[];
  readonly keptCopies: readonly string[];
  readonly ii6a: readonly PlanActivity[];
  readonly ii6b: readonly PlanActivity[];
  readonly checks: BudgetChecks;
}

const SEPARATOR_NAMES: Readonly<Record<string, string>> = { line: 'xuống dòng', semicolon: 'dấu chấm phẩy', period: 'dấu chấm', comma: 'dấu phẩy', dash: 'gạch ngang' };

/** What became of the activities' notes: how many were split, at which marks, into which columns. */
export function notesLine(n: NoteTally): string {
  const seps = Object.entries(n.separators)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${SEPARATOR_NAMES[k] ?? k} ${c}`)
    .join(', ');
  return (
    `Ghi chú của ${n.notes} hoạt động được đọc hết, không bỏ chữ nào: ${n.split} ghi chú được tách${seps ? ` (tại ${seps})` : ''}; ` +
    `${n.source} có tên nguồn vốn (vào cột Tên nguồn vốn), ${n.mechanism} có cách thực hiện (vào cột Cơ chế thực hiện), ${n.other} có nội dung khác (vào cột Nội dung khác).`
  );
}

/** The report's lines on the villages' meetings: how many lists are not valid, how many rows are marked. */
function meetingsLines(meetings: readonly VillageMeeting[]): string[] {
  const notValid = meetings.filter((m) => !m.valid);
  if (notValid.length === 0) return meetings.length > 0 ? [`Họp thôn có dưới 30% phụ nữ tham dự: ${meetings.map((m) => m.unit).join(', ')} (Sổ tay yêu cầu ít nhất 30%; danh mục vẫn hợp lệ).`] : [];
  const marked = notValid.filter((m) => !m.confirmed);
  const rows = marked.reduce((n, m) => n + m.rows, 0);
  return [
    `Danh mục của ${notValid.length} thôn chưa hợp lệ vì họp thôn chưa có trên 50% số hộ tham dự: ${notValid.map((m) => m.unit).join(', ')}. ` +
      (marked.length > 0 ? `${rows} dòng của ${marked.length} thôn được đánh dấu ở cột Nội dung khác của II.4.B, II.6.A, II.6.B cho đến khi xã xác nhận.` : 'Xã đã xác nhận cả.'),
  ];
}

/** The report sheet: reconciliation, returned activities, merge suggestions, funding checks. */
export function reportLayout(plan: CommunePlan, checks: BudgetChecks = { checks: [], findings: [] }, context: { readonly period?: ProgramPeriod; readonly upperLevelName?: string } = {}) {
  const r = plan.reconciliation;
  const lines = [
    ...(context.period
      ? [`Giai đoạn chương trình: ${context.period}${PERIOD_BASIS[context.period] ? ` (${PERIOD_BASIS[context.period]})` : ''}${context.upperLevelName ? `; cấp trên của xã: ${context.upperLevelName}` : ''}.`]
      : []),
    `Đọc được ${r.read.count} hoạt động (${formatVnNumber(r.read.amount)} nghìn đồng); đưa vào II.4.B ${r.written.count} (${formatVnNumber(r.written.amount)} nghìn đồng); trả lại ${r.returned.count} (${formatVnNumber(r.returned.amount)} nghìn đồng).`,
    r.balanced ? 'Đối chiếu: khớp — không hoạt động nào bị bỏ sót.' : 'Đối chiếu: KHÔNG KHỚP — xem các lỗi bên dưới.',
    `Dòng không còn trong biểu nguồn (giữ lại, đã đánh dấu): ${r.vanished}. Dòng xã tự thêm (giữ lại): ${r.manual}.`,
    ...(plan.notes && plan.notes.notes > 0 ? [notesLine(plan.notes)] : []),
    ...meetingsLines(plan.meetings ?? []),
  ];
  return simpleLayout({
    name: REPORT_SHEET,
    title: `BÁO CÁO TỔNG HỢP${plan.communeName ? ` — ${plan.communeName.toUpperCase()}` : ''}${plan.planYear ? ` — NĂM KẾ HOẠCH ${plan.planYear}` : ''}`,
    lines,
    tables: [
      {
        key: 'returned',
        caption: 'Hoạt động trả lại để làm rõ (không đưa vào tổng hợp)',
        columns: [
          { key: 'stt', header: 'STT', width: 5, kind: 'center' },
          { key: 'origin', header: 'Thôn / ban ngành', width: 18 },
          { key: 'activity', header: 'Hoạt động', width: 40, kind: 'longtext' },
          { key: 'where', header: 'Ở đâu', width: 26, kind: 'longtext' },
          { key: 'reason', header: 'Lý do', width: 40, kind: 'longtext' },
        ],
        rows: plan.returned.map((x, i) => ({
          stt: i + 1,
          origin: x.origin.unit,
          activity: x.activity.activity || '(không tên)',
          where: `${x.activity.source.file ? `${x.activity.source.file} — ` : ''}${x.activity.source.sheet}!${x.activity.source.cells.activity ?? ''}`,
          reason: x.message,
        })),
      },
      {
        key: 'suggestions',
        caption: 'Đề xuất gộp các hoạt động giống nhau của nhiều thôn/ban ngành (ghi x vào cột "Đồng ý gộp" rồi tổng hợp lại)',
        columns: [
          { key: 'stt', header: 'STT', width: 5, kind: 'center' },
          { key: 'activity', header: 'Hoạt động (sau khi gộp)', width: 40, kind: 'longtext' },
          { key: 'unit', header: 'ĐVT', width: 8 },
          { key: 'quantity', header: 'Số lượng', width: 14 },
          { key: 'place', header: 'Địa điểm', width: 20, kind: 'longtext' },
          { key: 'total', header: 'Tổng số (1.000 đồng)', width: 14, kind: 'amount' },
          { key: 'accept', header: ACCEPT_HEADER, width: 12, kind: 'center' },
          { key: 'id', header: KEY_COLUMN_HEADER, width: 30, kind: 'key' },
        ],
        rows: plan.suggestions.map((s, i) => ({
          stt: i + 1,
          activity: s.activity,
          unit: s.unit ?? null,
          quantity: s.quantityText,
          place: s.place,
          total: s.total,
          accept: s.accepted ? 'x' : null,
          id: s.id,
        })),
      },
      ...((plan.situationSuggestions ?? []).length > 0
        ? [
            {
              key: 'situation-suggestions',
              caption: 'Đề xuất gộp các khó khăn gần giống nhau trong Biểu II.4.A (ghi x vào cột "Đồng ý gộp" rồi tổng hợp lại; khó khăn giống hệt nhau đã được gộp)',
              columns: [
                { key: 'stt', header: 'STT', width: 5, kind: 'center' as const },
                { key: 'topic', header: 'Chủ đề', width: 18 },
                { key: 'difficulties', header: 'Các khó khăn (dòng đầu được giữ làm lời văn chung)', width: 70, kind: 'longtext' as const },
                { key: 'accept', header: ACCEPT_HEADER, width: 12, kind: 'center' as const },
                { key: 'id', header: KEY_COLUMN_HEADER, width: 30, kind: 'key' as const },
              ],
              rows: (plan.situationSuggestions ?? []).map((s, i) => ({
                stt: i + 1,
                topic: topicHeading(s.topic),
                difficulties: s.difficulties.map((d) => `- ${d}`).join('\n'),
                accept: s.accepted ? 'x' : null,
                id: s.id,
              })),
            },
          ]
        : []),
      ...((plan.meetings ?? []).length > 0
        ? [
            {
              key: 'meetings',
              caption: `Họp thôn chưa đạt yêu cầu của Sổ tay (danh mục chưa hợp lệ: các dòng của thôn được đánh dấu ở cột Nội dung khác; ghi x vào cột "${CONFIRM_HEADER}" khi đã họp lại hoặc đã kiểm tra số liệu, rồi tổng hợp lại)`,
              columns: [
                { key: 'stt', header: 'STT', width: 5, kind: 'center' as const },
                { key: 'unit', header: 'Thôn', width: 18 },
                { key: 'valid', header: 'Danh mục', width: 14, kind: 'center' as const },
                { key: 'reason', header: 'Lý do', width: 50, kind: 'longtext' as const },
                { key: 'rows', header: 'Số dòng trong kế hoạch', width: 12, kind: 'center' as const },
                { key: 'where', header: 'Biên bản', width: 26, kind: 'longtext' as const },
                { key: 'confirm', header: CONFIRM_HEADER, width: 12, kind: 'center' as const },
                { key: 'id', header: KEY_COLUMN_HEADER, width: 20, kind: 'key' as const },
              ],
              rows: (plan.meetings ?? []).map((m, i) => ({
                stt: i + 1,
                unit: m.unit,
                valid: m.valid ? 'Hợp lệ' : m.confirmed ? 'Xã đã xác nhận' : 'Chưa hợp lệ',
                reason: m.reason,
                rows: m.rows,
                where: `${m.file ? `${m.file} — ` : ''}${m.sheet}${m.cell ? `!${m.cell}` : ''}`,
                confirm: m.confirmed ? 'x' : null,
                id: m.key,
              })),
            },
          ]
        : []),
      {
        key: 'checks',
        caption: 'Kiểm tra nguồn vốn (Biểu III.1, tỷ lệ 75% cho hoạt động của thôn, mức tăng 10%)',
        columns: [
          { key: 'stt', header: 'STT', width: 5, kind: 'center' },
          { key: 'label', header: 'Nội dung kiểm tra', width: 40, kind: 'longtext' },
          { key: 'result', header: 'Kết quả', width: 14, kind: 'center' },
          { key: 'detail', header: 'Chi tiết', width: 70, kind: 'longtext' },
        ],
        rows: checks.checks.map((c, i) => ({
          stt: i + 1,
          label: c.label,
          result: c.passed === undefined ? 'Chưa kiểm tra được' : c.passed ? 'Đạt' : 'Không đạt',
          detail: c.detail,
        })),
      },
    ],
  });
}

/** Ghi chú of II.6.C's line III: its money is already in I and II. */
export const II6C_PROGRAMMES_NOTE = 'Trong đó, đã tính trong mục I và II';

/**
 * II.6.C of the period with the handbook's "…" line replaced by one line per other program the
 * plan uses (vốn tỉnh, 1719…), so every line of III the sums name is on the sheet.
 */
export function ii6cForm(needs: FundingNeeds, period: ProgramPeriod): FormDefinition {
  const form = formEdition(getForm('II.6.C'), period);
  const others = Object.values(needs).filter((l) => l.key.startsWith('programme-other:'));
  const blocks = form.blocks.map((b) => {
    if (b.kind !== 'table' || b.key !== 'sources') return b;
    const rows: TableRow[] = b.rows.flatMap((r): TableRow[] =>
      r.kind === 'entry' ? others.map((l) => ({ kind: 'fixed', key: l.key, ...(l.code ? { code: l.code } : {}), label: l.label, depth: l.depth })) : [r],
    );
    return { ...b, rows } satisfies TableBlock;
  });
  return { ...form, blocks };
}

/** II.6.C's roll-up lines as sums of the lines they add up (II, III, the grand total). */
export function ii6cSums(needs: FundingNeeds): Record<string, readonly string[]> {
  return { ...II6C_ROLLUPS, programmes: Object.keys(needs).filter((k) => k.startsWith('programme-')) };
}

/** Writes the plan's sheets and records them in the document state. */
/** The state's keys a consolidation writes (and its findings, written after it): an undo gives them back. */
const PLAN_STATE_KEYS = ['acceptedMerges', 'communeColumns', 'writtenSplits', 'writtenSituations', 'writtenClasses', 'writtenGroups', 'findings'] as const;

export async function writePlan(port: WorkbookPort, plan: CommunePlan, options: WritePlanOptions = {}): Promise<WrittenPlan> {
  const period = options.period ?? periodOfYear(options.planYear).period;
  const base = {
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
    ...(options.communeName ? { unitName: options.communeName } : {}),
    keyColumn: true,
    fundSources: fundSourceChoices(period),
  };
  const active = plan.activities;
  const { ii6a, ii6b } = splitPlan(active.filter((a) => a.status !== 'vanished'));
  const checks = options.checks ? options.checks(ii6a) : { checks: [], findings: [] };
  // II.6.C from the rows II.6.A and II.6.B hold (not the rows kept only as marked "vanished").
  const needs = fundingNeeds([...ii6a, ...ii6b], period);
  const fixed: Record<string, Record<string, LayoutValue>> = {};
  for (const [k, v] of Object.entries(needs)) {
    // fundingNeeds is already in triệu đồng, as II.6.C is.
    fixed[k] = { total: v.total, contribution: v.contribution, budget: v.budget, proposed: v.proposed };
  }
  fixed.programmes = { ...fixed.programmes, note: II6C_PROGRAMMES_NOTE };
  const layouts = [
    layoutForm(getForm('II.4.A'), { ...base, sheetName: 'II.4.A', body: { difficulties: ii4aBody(plan.situations) } }),
    layoutForm(getForm('II.4.B'), { ...base, sheetName: 'II.4.B', body: { activities: ii4bBody(active) } }),
    layoutForm(getForm('II.6.A'), { ...base, sheetName: 'II.6.A', body: { activities: ii6aBody(ii6a) }, choiceColumn: { header: PROJECT_STATE_HEADER, choices: FUNDING_GROUPS.map((g) => PROJECT_STATES[g]) } }),
    layoutForm(getForm('II.6.B'), { ...base, sheetName: 'II.6.B', body: { activities: ii6bBody(ii6b) } }),
    layoutForm(ii6cForm(needs, period), { ...base, keyColumn: false, sheetName: 'II.6.C', fixedValues: { sources: fixed }, fixedSums: { sources: ii6cSums(needs) } }),
    reportLayout(plan, checks, { period, ...(options.upperLevelName ? { upperLevelName: options.upperLevelName } : {}) }),
  ];
  const keptCopies: string[] = [];
  const removedCopies: string[] = [];
  // One previous copy per sheet: the copies of earlier runs go, the sheet being replaced stays as "(cũ)".
  for (const l of layouts) {
    const r = await replaceKeepingOneCopy(port, l);
    if (r.keptCopy) keptCopies.push(r.keptCopy);
    removedCopies.push(...r.removed);
  }
  const state = await readStateOrEmpty(port);
  const sheetForms: Record<string, FormId> = { ...(state.sheetForms ?? {}) };
  for (const id of PLAN_FORMS) sheetForms[id] = id;
  // The undo of this run (year/undo.ts): each sheet replaced with its copy, the digests as they were.
  const replaced = layouts.flatMap((l) => {
    const copy = keptCopies.find((c) => copiesOf(l.name, [c]).length > 0);
    return copy ? [{ sheet: l.name, copy }] : [];
  });
  const before = Object.fromEntries(PLAN_STATE_KEYS.map((k) => [k, state.extra?.[k] ?? null]));
  const change = replaced.length > 0 ? { action: 'consolidate' as const, at: todayIso(), sheets: replaced, extra: before } : undefined;
  for (const c of [...keptCopies, ...removedCopies]) delete sheetForms[c];
  const next: DocumentState = {
    ...state,
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
    ...(options.communeName ? { unitName: options.communeName } : {}),
    period,
    ...(state.upperLevelName === undefined && options.upperLevelName ? { upperLevelName: options.upperLevelName } : {}),
    sheetForms,
    extra: {
      ...(state.extra ?? {}),
      acceptedMerges: [...plan.suggestions, ...(plan.situationSuggestions ?? [])].filter((s) => s.accepted).map((s) => [...s.keys]),
      // The villages whose list the commune confirmed after checking its meeting.
      confirmedMeetings: (plan.meetings ?? []).filter((m) => m.confirmed).map((m) => m.key),
      // What LKH wrote in the commune's columns of each row: the next run tells which sheet was edited.
      communeColumns: Object.fromEntries(active.filter((a) => a.key !== '').map((a) => [a.key, communeColumnsDigest(a)])),
      // The split LKH wrote into Ngân sách / Đề xuất: a re-run tells the commune's own from it.
      writtenSplits: Object.fromEntries(active.filter((a) => a.key !== '').map((a) => [a.key, `${a.budget}|${a.proposed}`])),
      // What LKH wrote in II.4.A's cells: a re-run tells the commune's rewording from it.
      // (of the sources' text, not of the commune's rewording, so that rewording stays the commune's)
      writtenSituations: Object.fromEntries(plan.situations.map((s) => [s.key, s.sourceDigest ?? situationDigest(s)])),
      // The topic and sector LKH wrote for each row: a re-run tells the commune's corrections from them.
      // (of the sources' classification, not of the commune's correction, so that correction stays the commune's)
      writtenClasses: Object.fromEntries(active.filter((a) => a.key !== '').map((a) => [a.key, a.sourceClass ?? classDigest(a)])),
      // The project state LKH wrote for each II.6.A row: a re-run tells the commune's choice from it.
      writtenGroups: Object.fromEntries(ii6a.filter((a) => a.key !== '' && a.group === 'outside-money' && a.fundingGroup).map((a) => [a.key, a.fundingGroup as string])),
    },
  };
  await port.writeState(writeLastChange(next, change));
  return { sheets: layouts.map((l) => l.name), keptCopies, ii6a, ii6b, checks };
}

export type { Topic };
