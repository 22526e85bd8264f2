/**
 * The commune plan as the documents need it, read back from a consolidated workbook through the
 * port: the plan year, commune, period and level above from the document state (or the forms'
 * fields); II.4.A's rows (sector, strengths, difficulty, causes, objective, solutions) with the
 * topic section each sits in; II.6.A's and II.6.B's activities; II.6.C's lines. It reads what the
 * sheets hold now — the commune's own edits included — with the same reader as the rest of LKH
 * (readSheet), and says which plan sheets it could not find.
 */
import type { ActivityGroup } from '../model/types';
import type { ProgramPeriod, SheetData, WorkbookPort } from '../port/types';
import { readStateOrEmpty } from '../port/types';
import { readSheet } from '../reader/read';
import { periodOfYear } from '../reference';
import { foldKey } from '../text';
import { parseA1 } from '../util/a1';
import { KEY_COLUMN_HEADER } from '../layout/engine';
import { PLAN_FORMS, REPORT_SHEET, planSheetNames } from '../workflow/plan';
import type { PlanFormId } from '../workflow/plan';
import { classifyTopic } from '../workflow/classify';
import type { PlanSituation, Topic } from '../workflow/types';
import { TOPICS, TOPIC_LABELS } from '../workflow/types';

/** A row of II.4.A as read back: the columns consolidation wrote (PlanSituation's), and where it stands. */
export interface SituationRow extends Pick<PlanSituation, 'topic' | 'sector' | 'strengths' | 'difficulty' | 'causes' | 'objective' | 'solutions'> {
  /** "II.4.A!C5". */
  readonly where: string;
}

/** An activity of II.6.A or II.6.B (money in 1.000 đồng). */
export interface ActivityRow {
  readonly key?: string;
  readonly topic: Topic;
  /** The section it sits in: A/B, and for II.6.A's B the project state or Vốn sự nghiệp. */
  readonly group?: ActivityGroup;
  readonly activity: string;
  readonly objective?: string;
  readonly unit?: string;
  /** Số lượng as printed ("100 + 200" for merged rows). */
  readonly quantity?: string;
  readonly quantityValue?: number;
  readonly time?: string;
  readonly place?: string;
  readonly responsible?: string;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
  readonly sector?: string;
  readonly fundSource?: string;
  readonly mechanism?: string;
  readonly other?: string;
  readonly priority?: number;
  readonly where: string;
}

/** A line of II.6.C (triệu đồng). */
export interface FundingLine {
  readonly key: string;
  readonly code?: string;
  readonly label: string;
  readonly total?: number;
  readonly contribution?: number;
  readonly budget?: number;
  readonly proposed?: number;
  readonly note?: string;
}

/** An activity the consolidation returned to who proposed it, with the reason (the report's table, L3721). */
export interface ReturnedRow {
  readonly origin: string;
  readonly activity: string;
  readonly reason: string;
}

export interface PlanData {
  readonly communeName?: string;
  readonly planYear?: number;
  readonly period: ProgramPeriod;
  readonly upperLevelName?: string;
  readonly situations: readonly SituationRow[];
  readonly ii6a: readonly ActivityRow[];
  readonly ii6b: readonly ActivityRow[];
  readonly ii6c: readonly FundingLine[];
  /** The plan sheets found, by form. */
  readonly sheets: Readonly<Partial<Record<PlanFormId, string>>>;
  /** Plan forms the workbook does not hold. */
  readonly missing: readonly PlanFormId[];
  /** The activities returned to villages and departments (the report sheet); undefined without a report. */
  readonly returned?: readonly ReturnedRow[];
  /** The report's reconciliation (read = written + returned), as its lines say; undefined without a report. */
  readonly reconciliation?: Reconciliation;
}

/** The report's reconciliation lines: "Đọc được 62 hoạt động …" and "Đối chiếu: khớp — …". */
export interface Reconciliation {
  readonly counts?: string;
  readonly verdict?: string;
  /** True when the report says "Đối chiếu: khớp", false for "KHÔNG KHỚP", undefined without the line. */
  readonly balanced?: boolean;
}

/** Finds the reconciliation lines at the head of the report sheet. */
export function readReconciliation(data: SheetData): Reconciliation {
  let counts: string | undefined;
  let verdict: string | undefined;
  for (const r of data.values) {
    for (const v of r) {
      const t = textOf(v);
      if (counts === undefined && /^Đọc được \d/u.test(t)) counts = t;
      if (verdict === undefined && /^Đối chiếu:/u.test(t)) verdict = t;
    }
    if (counts !== undefined && verdict !== undefined) break;
  }
  const balanced = verdict === undefined ? undefined : /^Đối chiếu:\s*khớp/u.test(verdict);
  return { ...(counts ? { counts } : {}), ...(verdict ? { verdict } : {}), ...(balanced !== undefined ? { balanced } : {}) };
}

type Cell = string | number | boolean | null | undefined;

function cellAt(data: SheetData, address: string | undefined): Cell {
  if (!address) return undefined;
  const { row, col } = parseA1(address);
  return data.values[row - data.top]?.[col - data.left];
}

function textOf(v: Cell): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

const BULLET = /^\s*[-–+•·*]\s*/;

/** "- a\n- b" (as LKH writes a list into one cell) → ["a", "b"]. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/\r?\n/)).map((s) => s.replace(BULLET, '').trim()).filter((s) => s !== '');
}

const TOPIC_KEYS = new Map(TOPICS.map((t) => [foldKey(TOPIC_LABELS[t]), t]));
/** "Cộng", "Cộng A", "Tổng cộng (A+B)", and the group rows A/B, Vốn đầu tư phát triển, Vốn sự nghiệp… close a topic section. */
const CLOSING = /^(?:(?:tong )?cong(?: |$)|cac hoat dong (?:khong )?can nguon von|von dau tu phat trien|von su nghiep|du an )/;

/**
 * The topic section of every row: a row reading "1. Cơ sở hạ tầng" opens a section, a subtotal or
 * group row closes it. Returns the topic in force at each 0-based sheet row (undefined outside).
 */
function topicByRow(data: SheetData, skip: ReadonlySet<number>): (row: number) => Topic | undefined {
  const marks: { row: number; topic?: Topic }[] = [];
  data.values.forEach((cells, i) => {
    const row = data.top + i;
    if (skip.has(row)) return;
    for (const v of cells) {
      if (typeof v !== 'string') continue;
      const k = foldKey(v.replace(/^\s*(?:\d+|[IVX]+|[A-D])\s*[.)]\s*/, ''));
      if (k === '') continue;
      const topic = TOPIC_KEYS.get(k);
      if (topic) {
        marks.push({ row, topic });
        return;
      }
      if (CLOSING.test(k)) {
        marks.push({ row });
        return;
      }
    }
  });
  return (row) => {
    let t: Topic | undefined;
    for (const m of marks) if (m.row < row) t = m.topic;
    return t;
  };
}

function keyColumn(data: SheetData): number | undefined {
  for (const cells of data.values) {
    const j = cells.findIndex((v) => v === KEY_COLUMN_HEADER);
    if (j >= 0) return data.left + j;
  }
  return undefined;
}

function readSituations(data: SheetData): SituationRow[] {
  const reading = readSheet(data, { formId: 'II.4.A' }).reading;
  if (!reading) return [];
  const topicOf = topicByRow(data, new Set(reading.difficulties.map((d) => d.source.row)));
  return reading.difficulties
    .filter((d) => d.difficulty !== '')
    .map((d): SituationRow => {
      const sector = d.sector ?? textOf(cellAt(data, d.source.cells.sector));
      const objective = textOf(cellAt(data, d.source.cells.objective)) || d.objective;
      return {
        topic: topicOf(d.source.row) ?? classifyTopic(sector, d.difficulty),
        sector,
        strengths: splitList([textOf(cellAt(data, d.source.cells.strength))]),
        difficulty: d.difficulty,
        causes: splitList([textOf(cellAt(data, d.source.cells.cause))]),
        ...(objective ? { objective } : {}),
        solutions: splitList([textOf(cellAt(data, d.source.cells.solution))]),
        where: `${data.name}!${d.source.cells.difficulty ?? ''}`,
      };
    });
}

function readActivities(data: SheetData, formId: 'II.6.A' | 'II.6.B', topics: ReadonlyMap<string, Topic>): ActivityRow[] {
  const reading = readSheet(data, { formId }).reading;
  if (!reading) return [];
  const kc = keyColumn(data);
  const rows = reading.activities.filter((a) => a.activity !== '');
  const topicOf = topicByRow(data, new Set(rows.map((a) => a.source.row)));
  return rows.map((a): ActivityRow => {
    const keyCell = kc !== undefined ? textOf(data.values[a.source.row - data.top]?.[kc - data.left]) : '';
    const key = keyCell !== '' ? keyCell : undefined;
    const quantity = a.quantityText ?? (a.quantity !== undefined ? String(a.quantity) : undefined);
    const budget = a.budget ?? 0;
    const proposed = a.proposed ?? (a.budget === undefined ? (a.support ?? 0) : 0);
    const contribution = a.contribution ?? 0;
    return {
      ...(key ? { key } : {}),
      // The section the row sits in (II.6.A's part A is laid out by topic), else II.4.B's topic for the same key, else its words.
      topic: topicOf(a.source.row) ?? (key ? topics.get(key) : undefined) ?? classifyTopic(a.sector, a.activity),
      ...(a.group ? { group: a.group } : {}),
      activity: a.activity,
      ...(a.objective ? { objective: a.objective } : {}),
      ...(a.unit ? { unit: a.unit } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(a.quantity !== undefined ? { quantityValue: a.quantity } : {}),
      ...(a.time ? { time: a.time } : {}),
      ...(a.place ? { place: a.place } : {}),
      ...(a.responsible ? { responsible: a.responsible } : {}),
      total: a.total ?? contribution + budget + proposed,
      contribution,
      budget,
      proposed,
      ...(a.sector ? { sector: a.sector } : {}),
      ...(a.fundSource ? { fundSource: a.fundSource } : {}),
      ...(a.mechanism ? { mechanism: a.mechanism } : {}),
      ...(a.other ? { other: a.other } : {}),
      ...(a.priority !== undefined ? { priority: a.priority } : {}),
      where: `${data.name}!${a.source.cells.activity ?? ''}`,
    };
  });
}

/** II.4.B's topic of every keyed row (II.4.B is laid out by topic in both its parts). */
function topicsOfIi4b(data: SheetData): Map<string, Topic> {
  const out = new Map<string, Topic>();
  const reading = readSheet(data, { formId: 'II.4.B' }).reading;
  const kc = keyColumn(data);
  if (!reading || kc === undefined) return out;
  const topicOf = topicByRow(data, new Set(reading.activities.map((a) => a.source.row)));
  for (const a of reading.activities) {
    const key = textOf(data.values[a.source.row - data.top]?.[kc - data.left]);
    const t = topicOf(a.source.row);
    if (key !== '' && t) out.set(key, t);
  }
  return out;
}

function num(v: string | number | null | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function readFunding(data: SheetData): FundingLine[] {
  const reading = readSheet(data, { formId: 'II.6.C' }).reading;
  if (!reading) return [];
  const out: FundingLine[] = [];
  for (const [key, v] of Object.entries(reading.fixedValues)) {
    const labelCell = typeof v.cell === 'string' ? v.cell : undefined;
    const label = textOf(cellAt(data, labelCell));
    if (label === '') continue;
    const at = labelCell ? parseA1(labelCell) : undefined;
    const code = at && at.col > data.left ? textOf(data.values[at.row - data.top]?.[at.col - 1 - data.left]) : '';
    const total = num(v.total);
    const contribution = num(v.contribution);
    const budget = num(v.budget);
    const proposed = num(v.proposed);
    const note = typeof v.note === 'string' && v.note.trim() !== '' ? v.note.trim() : undefined;
    out.push({
      key,
      ...(code !== '' ? { code } : {}),
      label,
      ...(total !== undefined ? { total } : {}),
      ...(contribution !== undefined ? { contribution } : {}),
      ...(budget !== undefined ? { budget } : {}),
      ...(proposed !== undefined ? { proposed } : {}),
      ...(note ? { note } : {}),
    });
  }
  // In the order the sheet prints them.
  const rowOf = (l: FundingLine) => {
    const cell = reading.fixedValues[l.key]?.cell;
    return typeof cell === 'string' ? parseA1(cell).row : 0;
  };
  return out.sort((a, b) => rowOf(a) - rowOf(b));
}

/** The report's table of returned activities: found by its headers "Thôn / ban ngành", "Hoạt động", "Lý do". */
export function readReturned(data: SheetData): ReturnedRow[] {
  const out: ReturnedRow[] = [];
  const rows = data.values;
  const header = rows.findIndex((r) => r.includes('Thôn / ban ngành') && r.includes('Lý do'));
  if (header < 0) return out;
  const col = (h: string) => rows[header].indexOf(h);
  const [o, a, why] = [col('Thôn / ban ngành'), col('Hoạt động'), col('Lý do')];
  for (const r of rows.slice(header + 1)) {
    const origin = textOf(r[o]);
    const activity = textOf(r[a]);
    if (origin === '' && activity === '') break;
    out.push({ origin, activity, reason: textOf(r[why]) });
  }
  return out;
}

/** Reads the plan of a consolidated workbook (what `lkh consolidate` wrote, with the commune's edits). */
export async function readPlanData(port: WorkbookPort): Promise<PlanData> {
  const names = await port.listSheets();
  const state = await readStateOrEmpty(port);
  const sheetNames = planSheetNames(state, names);
  const present = PLAN_FORMS.filter((f) => names.includes(sheetNames[f]));
  const withReport = names.includes(REPORT_SHEET);
  const data = new Map((await port.readSheets([...present.map((f) => sheetNames[f]), ...(withReport ? [REPORT_SHEET] : [])], { formulas: false })).map((d) => [d.name, d]));
  const report = withReport ? data.get(REPORT_SHEET) : undefined;
  const sheetOf = (f: PlanFormId) => (present.includes(f) ? data.get(sheetNames[f]) : undefined);
  const ii4a = sheetOf('II.4.A');
  const ii4b = sheetOf('II.4.B');
  const ii6a = sheetOf('II.6.A');
  const ii6b = sheetOf('II.6.B');
  const ii6c = sheetOf('II.6.C');
  const topics = ii4b ? topicsOfIi4b(ii4b) : new Map<string, Topic>();
  // The plan year and commune: the state first, else what a form's fields say.
  const fields = [ii4a, ii6a, ii6b, ii4b].flatMap((d) => {
    const r = d ? readSheet(d).reading : undefined;
    return r ? [r] : [];
  });
  const planYear = state.planYear ?? fields.find((r) => r.planYear !== undefined)?.planYear;
  const communeName = state.unitName ?? fields.find((r) => r.unitName)?.unitName;
  return {
    ...(communeName ? { communeName } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    period: state.period ?? periodOfYear(planYear).period,
    ...(state.upperLevelName ? { upperLevelName: state.upperLevelName } : {}),
    situations: ii4a ? readSituations(ii4a) : [],
    ii6a: ii6a ? readActivities(ii6a, 'II.6.A', topics) : [],
    ii6b: ii6b ? readActivities(ii6b, 'II.6.B', topics) : [],
    ii6c: ii6c ? readFunding(ii6c) : [],
    sheets: Object.fromEntries(present.map((f) => [f, sheetNames[f]])),
    missing: PLAN_FORMS.filter((f) => !present.includes(f)),
    ...(report ? { returned: readReturned(report), reconciliation: readReconciliation(report) } : {}),
  };
}
