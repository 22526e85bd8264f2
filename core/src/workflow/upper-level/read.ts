/**
 * Reading for the upper level, through the port: the communes' plan sheets (II.4.A, II.4.B,
 * II.6.A, II.6.B written by consolidateCommune, or typed by hand without key columns), their
 * III.1 and the province's IV.1, from separate files or from tabs of one shared spreadsheet
 * ("Xã Tân Lập - II.6.B"); and the appraisals typed into the previous run's summary.
 */
import type { FormId } from '../../forms/types';
import { KEY_COLUMN_HEADER } from '../../layout/engine';
import type { Activity, FormReading } from '../../model/types';
import type { DocumentState, ProgramPeriod, SheetData, WorkbookPort } from '../../port/types';
import { TextGrid } from '../../reader/grid';
import { periodOfYear } from '../../reference';
import { readSheet } from '../../reader/read';
import { savedForm } from '../../reader/workbook';
import { foldKey, labelSimilarity, parseNumber } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { validateReading } from '../../validate/rules';
import { classifyTopic, sectorName } from '../classify';
import { STRIP_NUMBER, topicSections } from '../sections';
import { SUMMARY_COLUMNS, VANISHED_GROUP } from './layout';
import type { SummaryColumnKey } from './layout';
import type { Appraisal, CommuneActivity, CommuneForm, CommuneInput, CommuneSituation, PreviousRollup, PreviousRow, SheetRead } from './types';
import { APPRAISALS_SHEET, COMMUNES_SHEET, FEEDBACK_PREFIX, FEEDBACK_TABLE, FEEDBACK_VIEW, RANKING_SHEET, SUMMARY_SHEET, UPPER_REPORT_SHEET } from './types';
import { DATA_TABLES } from './tables';
import { REPORT_SHEET, destination } from '../plan';
import { derivedKeys, findKeyColumn } from '../ranking';
import type { Tally, Topic } from '../types';
import { TOPICS, TOPIC_LABELS } from '../types';

/** A workbook to read: a file (CLI, Excel) or the shared spreadsheet itself (Google Sheets). */
export interface DistrictSource {
  readonly port: WorkbookPort;
  /** File name, for messages and as the commune's name of last resort. */
  readonly file?: string;
  /** When the file was last saved (ISO), when known: of two versions of one commune's plan the newer is kept. */
  readonly modified?: string;
  /** Sheets not to read (tabs already imported into the long tables). */
  readonly skip?: readonly string[];
}

export interface ReadPlansOptions {
  readonly period?: ProgramPeriod;
}

export interface PlansReading {
  readonly communes: readonly CommuneInput[];
  readonly sheets: readonly SheetRead[];
  /** The province's IV.1 sheets, when given. */
  readonly iv1: readonly FormReading[];
  readonly findings: readonly Finding[];
  /** Problems of the communes' plans as a whole (forms sent twice, rows only in II.4.B, no plan). */
  readonly issues: readonly Finding[];
  /** The plan year most sheets name. */
  readonly planYear?: number;
  /** Communes sent in two different versions neither of which is known to be newer: not read, the user chooses. */
  readonly held: readonly { readonly name: string; readonly key: string }[];
}

const WANTED: readonly FormId[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'III.1', 'IV.1'];
/** Validation findings worth the upper level's attention (the rest is the commune's business). */
const KEEP_VALIDATION = new Set(['AMOUNT_SUM_MISMATCH', 'NO_OUTSIDE_MONEY_HAS_SUPPORT', 'DUPLICATE_PRIORITY']);
const COPY_NAME = /\(cũ(?: \d+)?\)$/u;
/** "Mẫu biểu I.2", "BIỂU III.1", "Biểu II.6.A" in a sheet's first rows. */
const TITLE_CODE = /bi[eể]u\s*(IV|III|II|I)\s*[.,]\s*(\d{1,2})(?:\s*[.,]\s*([ABC]))?/giu;
const TITLE_ROWS = 12;

/** Form ids a sheet's title names (cheap: recognising every village sheet of a commune file is not). */
function titleCodes(data: SheetData): string[] {
  const out: string[] = [];
  for (const row of data.values.slice(0, TITLE_ROWS)) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      for (const m of v.matchAll(TITLE_CODE)) out.push(`${m[1].toUpperCase()}.${m[2]}${m[3] ? `.${m[3].toUpperCase()}` : ''}`);
    }
  }
  return out;
}
const FORM_IN_NAME = /(?:^|[\s_-])(?:IV|III|II|I)\s*[.,]\s*\d/i;

/** The roll-up's own sheets and the copies the port keeps of replaced sheets: never read as input. */
export function isRollupSheet(name: string): boolean {
  const n = name.trim();
  if (COPY_NAME.test(n)) return true;
  return (
    [SUMMARY_SHEET, COMMUNES_SHEET, RANKING_SHEET, UPPER_REPORT_SHEET, FEEDBACK_TABLE, FEEDBACK_VIEW, APPRAISALS_SHEET, ...DATA_TABLES].some((s) => s.toLowerCase() === n.toLowerCase()) ||
    n.toLowerCase().startsWith(FEEDBACK_PREFIX.toLowerCase())
  );
}

/** Grouping key of a commune: "Xã Tân Lập", "xa tan lap" and "Tân Lập" are the same commune. */
export function communeKey(name: string): string {
  return foldKey(name).replace(/^(xa|phuong|thi tran)\s+/, '');
}

/** "Xã Tân Lập" of a tab named "Xã Tân Lập - II.6.B" (the part before the last dash, when a form id follows). */
export function tabPrefix(sheet: string): string | undefined {
  const m = /^(.*\S)\s+[-–—]\s+(.+)$/u.exec(sheet.trim());
  if (!m || !FORM_IN_NAME.test(` ${m[2]}`)) return undefined;
  return m[1].trim() || undefined;
}

function fileStem(file: string): string {
  return file.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
}

/** Amount of a row: its Tổng số, else its parts. */
export function rowAmount(a: Pick<Activity, 'total' | 'contribution' | 'budget' | 'proposed' | 'support'>): number {
  return a.total ?? (a.contribution ?? 0) + (a.budget ?? 0) + (a.proposed ?? 0) + (a.budget === undefined && a.proposed === undefined ? (a.support ?? 0) : 0);
}

function tally(rows: readonly { a: Activity }[]): Tally {
  return { count: rows.length, amount: rows.reduce((s, r) => s + rowAmount(r.a), 0) };
}

interface SheetRow {
  readonly a: Activity;
  readonly key: string;
  readonly keyDerived: boolean;
  readonly topic?: Topic;
}

/** The activities of a plan sheet with their keys: "Mã dòng (LKH)" when typed, else derived from the name. */
function sheetRows(data: SheetData, reading: FormReading): SheetRow[] {
  const acts = reading.activities;
  if (acts.length === 0) return [];
  const grid = new TextGrid(data);
  const firstRow = Math.min(...acts.map((a) => a.source.row));
  const keyAt = findKeyColumn(grid, firstRow);
  const named = acts.filter((a) => a.activity !== '');
  const derived = derivedKeys(named.map((a) => a.activity));
  const derivedOf = new Map(named.map((a, i) => [a, derived[i]]));
  const sections = topicSections(grid, reading.formId, new Set(acts.map((a) => a.source.row)));
  return acts.map((a) => {
    const typed = keyAt ? grid.at(a.source.row, keyAt.col).text : '';
    // The row's own section: the last topic or closing row above it.
    let section: { row: number; topic?: Topic } | undefined;
    for (const s of sections) if (s.row < a.source.row) section = s;
    const key = typed !== '' ? typed : (derivedOf.get(a) ?? `dong:${foldKey(data.name)}!${a.source.row + 1}`);
    return { a, key, keyDerived: typed === '', ...(section?.topic ? { topic: section.topic } : {}) };
  });
}

interface FoundSheet {
  readonly file?: string;
  readonly sheet: string;
  readonly form: FormId;
  readonly reading: FormReading;
  readonly data: SheetData;
  readonly commune?: string;
  readonly period?: ProgramPeriod;
  /** Index of its source, and the source's modified date. */
  readonly source: number;
  readonly modified?: string;
}

function stripBullet(s: string): string {
  return s.replace(/^\s*[-–+•·*]\s*/, '').trim(); // indented or not: "  - Nạo vét mương" is "Nạo vét mương"
}

function baseName(s: string): string {
  return s.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

function tagOf(s: string): string | undefined {
  const m = /\(([^()]*)\)\s*$/.exec(s);
  return m ? foldKey(m[1]) : undefined;
}

/** The II.4.A difficulty whose solutions name this activity (same village preferred). */
export function matchDifficulty(activity: string, situations: readonly CommuneSituation[]): string | undefined {
  const name = baseName(activity);
  const tag = tagOf(activity);
  let best: string | undefined;
  let bestScore = 0.6;
  for (const s of situations) {
    if (s.difficulty === '') continue;
    const sTag = tagOf(s.difficulty);
    const bonus = tag && sTag ? (tag === sTag ? 0.1 : -0.2) : 0;
    for (const sol of s.solutions) {
      const score = labelSimilarity(name, sol) + bonus;
      if (score > bestScore) {
        bestScore = score;
        best = s.difficulty;
      }
    }
  }
  return best;
}

function where(s: { file?: string; sheet: string }): string {
  return s.file ? `${s.file} — ${s.sheet}` : s.sheet;
}

function mostCommon(xs: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [x, c] of counts) {
    if (c > n) {
      best = x;
      n = c;
    }
  }
  return best;
}

function outsideGroup(a: Activity): 'no-outside-money' | 'outside-money' {
  if (a.group === 'no-outside-money') return 'no-outside-money';
  if (a.group === undefined && (a.budget ?? 0) + (a.proposed ?? 0) + (a.support ?? 0) === 0) return 'no-outside-money';
  return 'outside-money';
}

/** Builds one commune's input from its sheets. */
function communeInput(name: string, key: string, sheets: readonly FoundSheet[], period: ProgramPeriod, issues: Finding[]): CommuneInput {
  const of = (f: FormId) => sheets.filter((s) => s.form === f);
  for (const f of ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'III.1'] as const) {
    const list = of(f);
    if (list.length > 1) {
      issues.push(finding('FORM_SENT_TWICE', { sheet: '' }, { commune: name, form: f, count: list.length, places: list.map(where).join('; ') }));
    }
  }
  const situations: CommuneSituation[] = of('II.4.A').flatMap((s) =>
    s.reading.difficulties.map((d) => ({
      difficulty: d.difficulty,
      solutions: d.solutions.flatMap((x) => x.split('\n')).map(stripBullet).filter((x) => x !== ''),
      sector: d.sector ?? '',
      ...(d.source.file ? { file: d.source.file } : {}),
      sheet: d.source.sheet,
      row: d.source.row,
    })),
  );
  const rowsOf = (f: FormId) => of(f).flatMap((s) => sheetRows(s.data, s.reading));
  const ii4b = rowsOf('II.4.B');
  const ii6a = rowsOf('II.6.A');
  const ii6b = rowsOf('II.6.B');
  // Topics from the commune's own section rows (II.4.B, II.6.A), by key.
  const topicByKey = new Map<string, Topic>();
  for (const r of [...ii4b, ...ii6a]) if (r.topic && !topicByKey.has(r.key)) topicByKey.set(r.key, r.topic);
  const used = new Set<string>();
  const unique = (k: string): string => {
    let u = k;
    for (let n = 2; used.has(u); n++) u = `${k}@${n}`;
    used.add(u);
    return u;
  };
  const make = (r: SheetRow, form: CommuneForm, onlyInIi4b: boolean): CommuneActivity => {
    const a = r.a;
    // One name per sector, whatever spelling the commune used ("Nông nghiệp (Trồng trọt & Thủy lợi)" is "Nông nghiệp"):
    // the roll-up groups a sector once.
    const sector = sectorName(a.sector);
    const activity = a.activity.trim() || `(không ghi tên — ${a.source.sheet}!${a.source.cells.activity ?? ''})`;
    const quantity = a.quantityText ?? a.quantity;
    const difficulty = matchDifficulty(activity, situations);
    return {
      key: unique(r.key),
      keyDerived: r.keyDerived,
      form,
      onlyInIi4b,
      topic: r.topic ?? topicByKey.get(r.key) ?? classifyTopic(sector, baseName(activity)),
      sector,
      activity,
      ...(a.objective ? { objective: a.objective } : {}),
      ...(a.unit ? { unit: a.unit } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(a.time ? { time: a.time } : {}),
      ...(a.place ? { place: a.place } : {}),
      ...(a.responsible ? { responsible: a.responsible } : {}),
      total: rowAmount(a),
      contribution: a.contribution ?? 0,
      budget: a.budget ?? 0,
      proposed: a.proposed ?? 0,
      ...(a.fundSource ? { fundSource: a.fundSource } : {}),
      ...(a.group ? { group: a.group } : {}),
      ...(a.priority !== undefined ? { priority: a.priority } : {}),
      ...(difficulty ? { difficulty } : {}),
      source: a.source,
    };
  };
  const activities: CommuneActivity[] = [...ii6a.map((r) => make(r, 'II.6.A', false)), ...ii6b.map((r) => make(r, 'II.6.B', false))];
  const ii6Keys = new Set([...ii6a, ...ii6b].map((r) => r.key));
  const extra = ii4b.filter((r) => !ii6Keys.has(r.key));
  for (const r of extra) {
    const form = destination({ group: outsideGroup(r.a), proposed: r.a.proposed ?? 0, fundSource: r.a.fundSource }) === 'ii6a' ? 'II.6.A' : 'II.6.B';
    activities.push(make(r, form, true));
  }
  if (extra.length > 0) {
    const at = extra[0].a.source;
    issues.push(finding('ONLY_IN_II4B', { sheet: at.sheet, ...(at.file ? { file: at.file } : {}) }, { commune: name, count: extra.length }));
  }
  const forms: Partial<Record<'II.4.B' | 'II.6.A' | 'II.6.B', Tally>> = {};
  if (of('II.4.B').length > 0) forms['II.4.B'] = tally(ii4b);
  if (of('II.6.A').length > 0) forms['II.6.A'] = tally(ii6a);
  if (of('II.6.B').length > 0) forms['II.6.B'] = tally(ii6b);
  const iii1 = of('III.1')[0]?.reading;
  if (activities.length === 0) {
    issues.push(finding(iii1 ? 'III1_WITHOUT_PLAN' : 'NO_COMMUNE_PLAN', { sheet: '' }, { commune: name }));
  }
  const years = sheets.map((s) => s.reading.planYear).filter((y): y is number => y !== undefined);
  const modified = sheets.map((s) => s.modified).filter((m): m is string => m !== undefined).sort().pop();
  const planYear = mostCommon(years);
  return {
    name,
    key,
    activities,
    situations,
    forms,
    ...(iii1 ? { iii1 } : {}),
    // The caller's choice: the period asked for, else the commune's own (readCommunePlans).
    period,
    ...(planYear !== undefined ? { planYear } : {}),
    where: sheets.map(where),
    ...(modified ? { modified } : {}),
  };
}

async function stateOf(port: WorkbookPort): Promise<DocumentState> {
  try {
    return await port.readState();
  } catch {
    return {};
  }
}

/**
 * Reads every source: each sheet recognised (by the document state's sheetForms, else by its
 * title and headers), the plan forms grouped by commune — the form's "Xã:" field, else the
 * tab name's prefix, else the workbook's commune, else the file name. The roll-up's own
 * sheets and kept copies ("… (cũ)") are skipped.
 */
export async function readCommunePlans(sources: readonly DistrictSource[], options: ReadPlansOptions = {}): Promise<PlansReading> {
  const found: FoundSheet[] = [];
  const sheets: SheetRead[] = [];
  const findings: Finding[] = [];
  const issues: Finding[] = [];
  const iv1: FormReading[] = [];
  for (const [index, src] of sources.entries()) {
    const file = src.file;
    const skip = new Set(src.skip ?? []);
    const at = (sheet: string) => ({ ...(file ? { file } : {}), sheet });
    const state = await stateOf(src.port);
    const names = await src.port.listSheets();
    const toRead: string[] = [];
    for (const n of names) {
      const known = savedForm(state, n).formId;
      if (skip.has(n)) sheets.push({ ...at(n), activities: 0, used: false, note: 'Đã nhập vào bảng dữ liệu các xã ở lần trước: bỏ qua (nhập lại tệp của xã nếu xã gửi bản mới).' });
      else if (isRollupSheet(n)) sheets.push({ ...at(n), activities: 0, used: false, note: 'Trang kết quả của LKH hoặc bản sao cũ: bỏ qua.' });
      else if (n.toLowerCase() === REPORT_SHEET.toLowerCase()) sheets.push({ ...at(n), activities: 0, used: false, note: 'Báo cáo tổng hợp của xã: bỏ qua.' });
      else if (known && !WANTED.includes(known)) sheets.push({ ...at(n), form: known, activities: 0, used: false, note: `Biểu ${known}: không dùng khi tổng hợp cấp trên.` });
      else toRead.push(n);
    }
    if (toRead.length === 0) continue;
    // Commune plans are read for their values: no formulas, and legacy fonts are detected from the
    // text itself (a round trip less per sheet each in Apps Script, where 300 communes' tabs are read).
    // Values only: no formulas, fonts or merges (each a round trip per tab in Apps Script).
    const data = await src.port.readSheets(toRead, { fonts: false, formulas: false, merges: false });
    const upperState = state.level === 'huyen' || state.level === 'tinh';
    for (const d of data) {
      const known = savedForm(state, d.name).formId;
      const codes = known ? [] : titleCodes(d);
      if (codes.length > 0 && !codes.some((c) => (WANTED as readonly string[]).includes(c))) {
        sheets.push({ ...at(d.name), form: codes[0], activities: 0, used: false, note: `Biểu ${codes[0]}: không dùng khi tổng hợp cấp trên.` });
        continue;
      }
      const result = readSheet(d, { ...(file ? { file } : {}), ...(known ? { formId: known } : {}) });
      // A sheet recognised from its content whose table cannot be found is no form at all.
      const r = result.reading && (known || !result.findings.some((f) => f.code === 'TABLE_NOT_FOUND')) ? result.reading : undefined;
      if (!r) {
        sheets.push({ ...at(d.name), activities: 0, used: false, note: 'Không nhận ra biểu mẫu: bỏ qua.' });
        continue;
      }
      if (!WANTED.includes(r.formId)) {
        sheets.push({ ...at(d.name), form: r.formId, activities: 0, used: false, note: `Biểu ${r.formId}: không dùng khi tổng hợp cấp trên.` });
        continue;
      }
      // Read without formulas, LKH's own total rows (SUM formulas) look typed: on a sheet LKH wrote
      // (its state names the form) they are its own, never reported as findings.
      const own = known ? result.findings.filter((f) => f.code !== 'TOTAL_ROW_SKIPPED') : result.findings;
      findings.push(...own, ...validateReading(r).filter((f) => KEEP_VALIDATION.has(f.code)));
      if (r.formId === 'IV.1') {
        iv1.push(r);
        sheets.push({ ...at(d.name), form: r.formId, activities: 0, used: true, note: `Biểu IV.1${r.unitName ? ` của ${r.unitName}` : ''}.` });
        continue;
      }
      const commune = r.unitName?.trim() || tabPrefix(d.name) || (!upperState && state.unitName?.trim()) || (file ? fileStem(file) : undefined);
      found.push({
        ...at(d.name),
        form: r.formId,
        reading: r,
        data: d,
        ...(commune ? { commune } : {}),
        ...(state.period ? { period: state.period } : {}),
        source: index,
        ...(src.modified ? { modified: src.modified } : {}),
      });
      sheets.push({ ...at(d.name), form: r.formId, ...(commune ? { commune } : {}), activities: r.activities.length, used: true, note: 'Đã đọc.' });
    }
  }
  // Group by commune, in the order communes were first met.
  const groups = new Map<string, { name: string; sheets: FoundSheet[] }>();
  for (const s of found) {
    const name = s.commune ?? 'Xã chưa rõ tên';
    const key = communeKey(name);
    const g = groups.get(key);
    if (g) {
      g.sheets.push(s);
      // Prefer a name from a plan form over one from III.1, and "Xã …" over a bare name.
      if (s.form !== 'III.1' && g.sheets.every((x) => x === s || x.form === 'III.1')) g.name = name;
    } else groups.set(key, { name, sheets: [s] });
  }
  const held: { name: string; key: string }[] = [];
  for (const [key, g] of [...groups]) {
    const kept = oneVersion(g.name, g.sheets, sources, issues);
    if (kept) g.sheets = kept;
    else {
      groups.delete(key);
      held.push({ name: g.name, key });
    }
  }
  const planYearRead = mostCommon(found.map((s) => s.reading.planYear).filter((y): y is number => y !== undefined));
  const period = options.period ?? periodOfYear(planYearRead).period;
  const communes = [...groups.entries()].map(([key, g]) => communeInput(g.name, key, g.sheets, options.period ?? g.sheets.find((s) => s.period)?.period ?? period, issues));
  const planYear = planYearRead;
  return { communes, sheets, iv1, findings, issues, ...(planYear !== undefined ? { planYear } : {}), held };
}

const PLAN_FORMS: readonly FormId[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'];

/** What a source says of a commune's plan, for telling a copy from another version. */
function planSignature(sheets: readonly FoundSheet[]): string {
  return sheets
    .filter((s) => PLAN_FORMS.includes(s.form))
    .flatMap((s) => [...s.reading.activities.map((a) => `${s.form}|${foldKey(a.activity)}|${rowAmount(a)}`), ...s.reading.difficulties.map((d) => `${s.form}|${foldKey(d.difficulty)}`)])
    .sort()
    .join('\n');
}

/**
 * One version of each of a commune's plan forms when they come from several sources (the package
 * e-mailed, then a corrected one by Zalo), as consolidation treats a village's two versions, form
 * by form: the same content is read once; different content keeps the newer source when both dates
 * are known and differ; otherwise nothing of the commune is read and the user is asked to keep one
 * file. A form only one source holds is read from it: a corrected II.6.B sent alone does not drop
 * the II.6.A of the package before it (compared file by file, the newer file won whole and the
 * package's II.6.A was lost). Sheets of other forms (III.1, IV.1) are kept from every source.
 * Undefined when asking.
 */
function oneVersion(name: string, sheets: readonly FoundSheet[], sources: readonly DistrictSource[], issues: Finding[]): FoundSheet[] | undefined {
  const planSheets = sheets.filter((s) => PLAN_FORMS.includes(s.form));
  const label = (source: number) => sources[source].file ?? planSheets.find((s) => s.source === source)!.sheet;
  const kept = new Map<FormId, number>();
  const left = new Map<number, FormId[]>();
  const conflicts = new Set<number>();
  for (const form of PLAN_FORMS) {
    const bySource = new Map<number, FoundSheet[]>();
    for (const s of planSheets) {
      if (s.form !== form) continue;
      const list = bySource.get(s.source);
      if (list) list.push(s);
      else bySource.set(s.source, [s]);
    }
    if (bySource.size === 0) continue;
    const versions = [...bySource.entries()].map(([source, list]) => ({ source, signature: planSignature(list), modified: sources[source].modified }));
    const distinct = new Set(versions.map((v) => v.signature)).size;
    let keep: (typeof versions)[number] | undefined;
    if (distinct === 1) keep = versions[0];
    else if (versions.every((v) => v.modified !== undefined)) {
      const sorted = [...versions].sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''));
      if (sorted[0].modified !== sorted[1].modified) keep = sorted[0];
    }
    if (!keep) {
      for (const v of versions) conflicts.add(v.source);
      continue;
    }
    kept.set(form, keep.source);
    if (distinct === 1) continue;
    for (const v of versions) if (v !== keep) left.set(v.source, [...(left.get(v.source) ?? []), form]);
  }
  if (conflicts.size > 0) {
    issues.push(finding('COMMUNE_VERSIONS_CONFLICT', { sheet: '' }, { commune: name, sources: [...conflicts].map(label).join('; ') }));
    return undefined;
  }
  const keptSources = new Set(kept.values());
  for (const [source, forms] of left) {
    // A source still read for another form is named with the forms left out of it.
    const what = keptSources.has(source) ? `${label(source)}: ${forms.join(', ')}` : label(source);
    const newer = [...new Set(forms.map((f) => kept.get(f)!))].map(label).join('; ');
    issues.push(finding('COMMUNE_OLDER_VERSION_LEFT', { sheet: '' }, { commune: name, left: what, kept: newer }));
  }
  return sheets.filter((s) => !PLAN_FORMS.includes(s.form) || kept.get(s.form) === s.source);
}

// ---------------------------------------------------------------------------------------------
// The previous run's summary.

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function amount(v: unknown): number {
  const p = parseNumber(v);
  return p.ok ? p.value : 0;
}

/** Header → summary column, by folded text (tolerant of small edits). */
function columnFor(header: string): SummaryColumnKey | undefined {
  const k = foldKey(header);
  if (k === '') return undefined;
  const exact = SUMMARY_COLUMNS.find((c) => foldKey(c.header) === k);
  if (exact) return exact.key;
  let best: SummaryColumnKey | undefined;
  let score = 0.85;
  for (const c of SUMMARY_COLUMNS) {
    const s = labelSimilarity(header, c.header);
    if (s > score) {
      score = s;
      best = c.key;
    }
  }
  return best;
}

/** Key of a previous row whose "Mã dòng (LKH)" was deleted: matched again by commune and activity name. */
export function nameKey(commune: string, activity: string): string {
  return `name:${communeKey(commune)}|${foldKey(activity)}`;
}

/**
 * Reads the appraisal columns (and the rest of each row, for rows that may have vanished) of the
 * previous summary, by "Mã dòng (LKH)"; rows whose key was deleted get a name key (nameKey).
 */
export function readPreviousSummary(data: SheetData): PreviousRollup {
  const values = data.values;
  let headerRow = -1;
  for (let i = 0; i < values.length && headerRow < 0; i++) if (values[i].some((v) => v === KEY_COLUMN_HEADER)) headerRow = i;
  // The key column deleted: the header is the row naming both "Xã" and "Hoạt động".
  for (let i = 0; i < Math.min(values.length, 40) && headerRow < 0; i++) {
    const found = new Set(values[i].map((v) => (typeof v === 'string' ? columnFor(v) : undefined)));
    if (found.has('commune') && found.has('activity')) headerRow = i;
  }
  if (headerRow < 0) return { sheet: data.name, rows: [] };
  const cols = new Map<SummaryColumnKey, number>();
  values[headerRow].forEach((v, j) => {
    const c = typeof v === 'string' ? columnFor(v) : undefined;
    if (c && !cols.has(c)) cols.set(c, j);
  });
  const keyCol = cols.get('key') ?? values[headerRow].findIndex((v) => v === KEY_COLUMN_HEADER);
  const rows: PreviousRow[] = [];
  let inVanished = false;
  const topicKeys = new Map(TOPICS.map((t) => [foldKey(TOPIC_LABELS[t]), t]));
  let topic: Topic | undefined;
  for (let i = headerRow + 1; i < values.length; i++) {
    const row = values[i];
    const get = (k: SummaryColumnKey) => {
      const j = cols.get(k);
      return j === undefined ? undefined : row[j];
    };
    const typedKey = keyCol >= 0 ? text(row[keyCol]) : undefined;
    const named = (k: SummaryColumnKey) => text(cols.get(k) === undefined ? undefined : row[cols.get(k) as number]);
    const nameOnly = named('commune') && named('activity') ? nameKey(named('commune') as string, named('activity') as string) : undefined;
    const key = typedKey ?? nameOnly;
    if (!key) {
      // A group row: remember the topic; the vanished group holds no topic.
      const label = row.map(text).find((x) => x !== undefined);
      if (label) {
        const t = topicKeys.get(foldKey(label.replace(STRIP_NUMBER, '')));
        if (t) topic = t;
        if (foldKey(label) === foldKey(VANISHED_GROUP)) inVanished = true;
      }
      continue;
    }
    const pr = text(get('upperPriority'));
    const p = pr === undefined ? undefined : parseNumber(pr);
    const appraisal: Appraisal = {
      ...(text(get('office')) ? { office: text(get('office')) } : {}),
      ...(text(get('opinion')) ? { opinion: text(get('opinion')) } : {}),
      ...(text(get('reason')) ? { reason: text(get('reason')) } : {}),
      ...(p && p.ok ? { upperPriority: p.value } : pr !== undefined ? { upperPriorityText: pr } : {}),
    };
    const commune = text(get('commune')) ?? '';
    const activity = text(get('activity')) ?? '';
    const sector = text(get('sector')) ?? '';
    const form = text(get('form'));
    const cp = parseNumber(get('communePriority'));
    const quantity = get('quantity');
    rows.push({
      key,
      appraisal,
      sheetRow: data.top + i,
      row: {
        communeKey: typedKey?.includes('|') ? typedKey.slice(0, typedKey.indexOf('|')) : communeKey(commune),
        commune,
        form: form === 'II.6.A' || form === 'II.6.B' ? form : '',
        topic: !inVanished && topic ? topic : classifyTopic(sector, baseName(activity)),
        sector,
        activity,
        ...(text(get('unit')) ? { unit: text(get('unit')) } : {}),
        ...(typeof quantity === 'number' ? { quantity } : text(quantity) ? { quantity: text(quantity) } : {}),
        ...(text(get('time')) ? { time: text(get('time')) } : {}),
        ...(text(get('place')) ? { place: text(get('place')) } : {}),
        total: amount(get('total')),
        contribution: amount(get('contribution')),
        budget: amount(get('budget')),
        proposed: amount(get('proposed')),
        ...(text(get('fundSource')) ? { fundSource: text(get('fundSource')) } : {}),
        ...(cp.ok ? { communePriority: cp.value } : {}),
      },
    });
  }
  return { sheet: data.name, rows };
}

/** The previous summary of the target workbook, when there is one. */
export async function readPreviousRollup(port: WorkbookPort): Promise<PreviousRollup> {
  const names = await port.listSheets();
  const name = names.find((n) => n.toLowerCase() === SUMMARY_SHEET.toLowerCase());
  if (!name) return { rows: [] };
  // Values only: the appraisals are typed values (formulas, fonts and merges would read the 18,000 rows thrice more).
  const [data] = await port.readSheets([name], { formulas: false, fonts: false, merges: false });
  return readPreviousSummary(data);
}
