/**
 * The communes' data as long tables in the upper level's workbook (a province of 100-170
 * communes shares one spreadsheet): one sheet per kind of content, one row per activity,
 * difficulty or figure, one header row (frozen, no merged cells), the commune and where the row
 * was read in their own columns, numbers as numbers — so filters, filter views, pivot tables and
 * QUERY work on them, and the number of tabs does not grow with the number of communes.
 *   "Dữ liệu xã II.6.A", "Dữ liệu xã II.6.B"  the activities (II.4.B rows found in neither go to the
 *                                               form the fund split gives, flagged)
 *   "Dữ liệu xã II.4.A"                        the difficulties with their solutions
 *   "Dữ liệu xã III.1, IV.1"                   the figures of III.1 (and the province's IV.1), one
 *                                               row per line and column read
 * Importing a commune's package replaces that commune's rows; the summaries are computed from
 * these tables (rollup.ts). What each commune was read from is also kept in the document state.
 */
import { KEY_COLUMN_HEADER, STYLES } from '../../layout/engine';
import type { CellStyle, LayoutCell, LayoutValue, SheetLayout, StyleName, Validation } from '../../layout/types';
import type { ActivityGroup, FormReading } from '../../model/types';
import type { CellValue, DocumentState, ProgramPeriod, SheetData, WorkbookPort } from '../../port/types';
import { copiesOf } from '../../port/types';
import { foldKey, parseNumber } from '../../text';
import type { Tally, Topic } from '../types';
import { TOPICS, TOPIC_LABELS } from '../types';
import type { CommuneActivity, CommuneForm, CommuneInput, CommuneSituation } from './types';

export const II6A_TABLE = 'Dữ liệu xã II.6.A';
export const II6B_TABLE = 'Dữ liệu xã II.6.B';
export const II4A_TABLE = 'Dữ liệu xã II.4.A';
export const FIGURES_TABLE = 'Dữ liệu xã III.1, IV.1';
/** The long tables, in the order they are written. */
export const DATA_TABLES: readonly string[] = [II6A_TABLE, II6B_TABLE, II4A_TABLE, FIGURES_TABLE];

/** A column of a long table: its header (matched back by folded text) and how its cells are shown. */
export interface LongColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  readonly kind?: 'text' | 'longtext' | 'number' | 'amount' | 'center' | 'date';
}

export type LongRow = Readonly<Record<string, LayoutValue>>;

const WHERE_COLUMNS: readonly LongColumn[] = [
  { key: 'commune', header: 'Xã', width: 16 },
  { key: 'file', header: 'Tệp', width: 18 },
  { key: 'sheet', header: 'Trang', width: 14 },
  { key: 'row', header: 'Dòng', width: 6, kind: 'number' },
  { key: 'read', header: 'Ngày đọc', width: 11, kind: 'center' },
];

export const ACTIVITY_COLUMNS: readonly LongColumn[] = [
  ...WHERE_COLUMNS,
  { key: 'form', header: 'Biểu', width: 8, kind: 'center' },
  { key: 'onlyInIi4b', header: 'Chỉ có ở II.4.B', width: 8, kind: 'center' },
  { key: 'topic', header: 'Chủ đề', width: 16 },
  { key: 'sector', header: 'Ngành/Lĩnh vực', width: 16 },
  { key: 'activity', header: 'Hoạt động', width: 40, kind: 'longtext' },
  { key: 'objective', header: 'Mục tiêu', width: 20, kind: 'longtext' },
  { key: 'unit', header: 'ĐVT', width: 8 },
  { key: 'quantity', header: 'Số lượng', width: 8, kind: 'number' },
  { key: 'time', header: 'Thời gian', width: 10 },
  { key: 'place', header: 'Địa điểm', width: 14 },
  { key: 'responsible', header: 'Chịu trách nhiệm', width: 14 },
  { key: 'total', header: 'Tổng số (1.000 đồng)', width: 13, kind: 'amount' },
  { key: 'contribution', header: 'Dân góp (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'budget', header: 'Ngân sách (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'proposed', header: 'Đề xuất (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'fundSource', header: 'Tên nguồn vốn', width: 14 },
  { key: 'group', header: 'Nhóm', width: 14 },
  { key: 'priority', header: 'Ưu tiên của xã', width: 7, kind: 'number' },
  { key: 'difficulty', header: 'Khó khăn (II.4.A)', width: 24, kind: 'longtext' },
  { key: 'planYear', header: 'Năm kế hoạch', width: 7, kind: 'number' },
  { key: 'key', header: KEY_COLUMN_HEADER, width: 20 },
];

export const SITUATION_COLUMNS: readonly LongColumn[] = [
  ...WHERE_COLUMNS,
  { key: 'sector', header: 'Ngành/Lĩnh vực', width: 16 },
  { key: 'difficulty', header: 'Khó khăn', width: 40, kind: 'longtext' },
  { key: 'solutions', header: 'Giải pháp', width: 40, kind: 'longtext' },
];

export const FIGURE_COLUMNS: readonly LongColumn[] = [
  ...WHERE_COLUMNS,
  { key: 'form', header: 'Biểu', width: 8, kind: 'center' },
  { key: 'unitName', header: 'Đơn vị ghi trên biểu', width: 16 },
  { key: 'planYear', header: 'Năm kế hoạch', width: 7, kind: 'number' },
  { key: 'line', header: 'Mã dòng của biểu', width: 16 },
  { key: 'column', header: 'Cột', width: 12 },
  { key: 'value', header: 'Giá trị', width: 14 },
];

/** ActivityGroup as a person reads it in the table, and back. */
const GROUP_TEXT: Readonly<Record<ActivityGroup, string>> = {
  'no-outside-money': 'Không cần vốn bên ngoài',
  'outside-money': 'Cần vốn bên ngoài',
  'investment-completed': 'Đầu tư - đã hoàn thành',
  'investment-finishing': 'Đầu tư - chuyển tiếp hoàn thành',
  'investment-ongoing': 'Đầu tư - chuyển tiếp',
  'investment-new': 'Đầu tư - khởi công mới',
  recurrent: 'Sự nghiệp',
};

const STYLE_OF: Readonly<Record<NonNullable<LongColumn['kind']>, StyleName>> = {
  text: 'text',
  longtext: 'text',
  number: 'number',
  amount: 'amount',
  center: 'center',
  date: 'center',
};

/**
 * A long table: the header in row 1 (frozen), one row per record from row 2, no title, no merged
 * cells, no row heights (text is not wrapped: one line per record keeps 18,000 rows readable).
 */
export function longLayout(name: string, columns: readonly LongColumn[], rows: readonly LongRow[], validations: readonly Validation[] = []): SheetLayout {
  const cells: LayoutCell[] = columns.map((c, col) => ({ row: 0, col, value: c.header, style: 'header' }));
  rows.forEach((r, i) => {
    columns.forEach((c, col) => {
      const v = r[c.key];
      cells.push({ row: i + 1, col, value: v === undefined ? null : v, style: STYLE_OF[c.kind ?? 'text'] });
    });
  });
  const styles: Record<StyleName, CellStyle> = { ...STYLES };
  return {
    name,
    columnWidths: columns.map((c) => c.width),
    rowHeights: {},
    cells,
    merges: [],
    validations,
    styles,
    freeze: { rows: 1, cols: 0 },
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatRows: { from: 0, to: 0 }, area: { rows: rows.length + 1, cols: columns.length } },
    tables: [
      {
        key: 'data',
        headerRow: 0,
        headerRows: 1,
        bodyRow: 1,
        bodyRows: rows.length,
        columns: columns.map((c, col) => ({ key: c.key, col, span: 1 })),
        rowKeys: {},
      },
    ],
  };
}

/** One commune's data as the tables hold it: the commune read, its origin, and when. */
export interface StoredCommune {
  readonly input: CommuneInput;
  /** The day it was read (YYYY-MM-DD). */
  readonly read: string;
  /** When its file was last saved, when known (to keep the newer of two versions). */
  readonly modified?: string;
}

const orNull = <T extends LayoutValue>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The rows of one commune in each table. */
export function communeRows(s: StoredCommune): { ii6a: LongRow[]; ii6b: LongRow[]; ii4a: LongRow[]; figures: LongRow[] } {
  const c = s.input;
  // Object literals of one shape (no spread): 18,000 of them at 300 communes, each read by key when laid out.
  const activity = (a: CommuneActivity): LongRow => ({
    commune: c.name,
    file: orNull(a.source.file),
    sheet: a.source.sheet,
    row: a.source.row + 1,
    read: s.read,
    form: a.form,
    onlyInIi4b: a.onlyInIi4b ? 'Có' : null,
    topic: TOPIC_LABELS[a.topic] ?? null,
    sector: a.sector || null,
    activity: a.activity,
    objective: orNull(a.objective),
    unit: orNull(a.unit),
    quantity: orNull(a.quantity),
    time: orNull(a.time),
    place: orNull(a.place),
    responsible: orNull(a.responsible),
    total: a.total,
    contribution: a.contribution,
    budget: a.budget,
    proposed: a.proposed,
    fundSource: orNull(a.fundSource),
    group: a.group ? GROUP_TEXT[a.group] : null,
    priority: orNull(a.priority),
    difficulty: orNull(a.difficulty),
    planYear: orNull(c.planYear),
    key: a.key,
  });
  const ii4a = c.situations.map(
    (d): LongRow => ({
      commune: c.name,
      file: orNull(d.file),
      sheet: d.sheet ?? '',
      row: d.row === undefined ? null : d.row + 1,
      read: s.read,
      sector: d.sector || null,
      difficulty: d.difficulty,
      solutions: d.solutions.join('\n') || null,
    }),
  );
  const figures: LongRow[] = [];
  const figure = (r: FormReading, commune: string) => {
    for (const [line, cols] of Object.entries(r.fixedValues)) {
      for (const [column, value] of Object.entries(cols)) {
        if (value === null || value === '') continue;
        figures.push({ commune, file: orNull(r.file), sheet: r.sheet, row: null, read: s.read, form: r.formId, unitName: orNull(r.unitName), planYear: orNull(r.planYear), line, column, value });
      }
    }
  };
  if (c.iii1) figure(c.iii1, c.name);
  return { ii6a: c.activities.filter((a) => a.form === 'II.6.A').map(activity), ii6b: c.activities.filter((a) => a.form === 'II.6.B').map(activity), ii4a, figures };
}

/** The IV.1 readings as rows of the figures table (the province's, under its own name). */
export function iv1Rows(iv1: readonly FormReading[], read: string): LongRow[] {
  const out: LongRow[] = [];
  for (const r of iv1) {
    for (const [line, cols] of Object.entries(r.fixedValues)) {
      for (const [column, value] of Object.entries(cols)) {
        if (value === null || value === '') continue;
        out.push({ commune: r.unitName ?? '', file: orNull(r.file), sheet: r.sheet, row: null, read, form: 'IV.1', unitName: orNull(r.unitName), planYear: orNull(r.planYear), line, column, value });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the tables back.

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** The records of a long table by column key (headers matched by folded text; columns moved or added by the user are fine). */
export function readLongTable(data: SheetData | undefined, columns: readonly LongColumn[]): { rows: Record<string, CellValue>[]; sheetRows: number[] } {
  if (!data || data.values.length === 0) return { rows: [], sheetRows: [] };
  const header = data.values[0].map((v) => foldKey(cellText(v)));
  const at = new Map<string, number>();
  for (const c of columns) {
    const i = header.indexOf(foldKey(c.header));
    if (i >= 0) at.set(c.key, i);
  }
  const rows: Record<string, CellValue>[] = [];
  const sheetRows: number[] = [];
  for (let i = 1; i < data.values.length; i++) {
    const v = data.values[i];
    if (v.every((x) => cellText(x) === '')) continue;
    const r: Record<string, CellValue> = {};
    for (const [k, j] of at) r[k] = v[j] ?? null;
    rows.push(r);
    sheetRows.push(data.top + i);
  }
  return { rows, sheetRows };
}

const opt = (v: CellValue | undefined): string | undefined => {
  const t = cellText(v);
  return t === '' ? undefined : t;
};
const num = (v: CellValue | undefined): number => {
  const p = parseNumber(v);
  return p.ok ? p.value : 0;
};
const optNum = (v: CellValue | undefined): number | undefined => {
  const p = parseNumber(v);
  return p.ok ? p.value : undefined;
};
const topicOf = (v: CellValue | undefined): Topic | undefined => {
  const k = foldKey(cellText(v));
  return TOPICS.find((t) => foldKey(TOPIC_LABELS[t]) === k);
};
const groupOf = (v: CellValue | undefined): ActivityGroup | undefined => {
  const k = foldKey(cellText(v));
  return (Object.keys(GROUP_TEXT) as ActivityGroup[]).find((g) => foldKey(GROUP_TEXT[g]) === k);
};

/** What the state remembers of each commune in the tables (its name's spelling, period, plan forms' tallies, version). */
export interface CommuneMeta {
  readonly name: string;
  readonly read: string;
  readonly modified?: string;
  readonly period?: ProgramPeriod;
  readonly planYear?: number;
  readonly forms?: Readonly<Partial<Record<'II.4.B' | 'II.6.A' | 'II.6.B', Tally>>>;
}

/** The upper level's part of the document state. */
export interface UpperState {
  readonly funds?: number;
  readonly communes: Readonly<Record<string, CommuneMeta>>;
  /** Tabs of this spreadsheet already imported into the tables (today's tab-per-commune layout), with the day. */
  readonly imported: Readonly<Record<string, string>>;
  /** The commune of the printable feedback view. */
  readonly feedbackCommune?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The upper level's state; the roll-up of earlier versions kept its funds under "district". */
export function upperState(state: DocumentState): UpperState {
  const raw = isRecord(state.extra?.upper) ? state.extra.upper : isRecord(state.extra?.district) ? state.extra.district : {};
  const funds = typeof raw.funds === 'number' && Number.isFinite(raw.funds) && raw.funds >= 0 ? raw.funds : undefined;
  const communes: Record<string, CommuneMeta> = {};
  if (isRecord(raw.communes)) {
    for (const [k, v] of Object.entries(raw.communes)) if (isRecord(v) && typeof v.name === 'string' && typeof v.read === 'string') communes[k] = v as unknown as CommuneMeta;
  }
  const imported: Record<string, string> = {};
  if (isRecord(raw.imported)) for (const [k, v] of Object.entries(raw.imported)) if (typeof v === 'string') imported[k] = v;
  return { ...(funds !== undefined ? { funds } : {}), communes, imported, ...(typeof raw.feedbackCommune === 'string' ? { feedbackCommune: raw.feedbackCommune } : {}) };
}

/** Grouping key of a commune (the same as read.ts communeKey, restated to keep this file free of the reader). */
const keyOf = (name: string): string => foldKey(name).replace(/^(xa|phuong|thi tran)\s+/, '');

/**
 * The communes held in the tables, rebuilt as the roll-up's input (every activity with its own
 * key, amounts as numbers; III.1 figures as the form's reading). Communes in the order first met.
 */
export async function readUpperTables(port: WorkbookPort, state: UpperState, period: ProgramPeriod): Promise<{ communes: StoredCommune[]; iv1: LongRow[]; compact: ReadonlySet<string> }> {
  const names = await port.listSheets();
  const present = DATA_TABLES.filter((t) => names.includes(t));
  if (present.length === 0) return { communes: [], iv1: [], compact: new Set() };
  const data = await port.readSheets(present, { formulas: false, fonts: false, merges: false });
  const of = (name: string) => data.find((d) => d.name === name);
  const communes = new Map<string, { name: string; activities: CommuneActivity[]; situations: CommuneSituation[]; figures: Record<string, CellValue>[]; read: string; files: Set<string>; planYear?: number }>();
  const get = (name: string, read: string) => {
    const k = keyOf(name);
    let c = communes.get(k);
    if (!c) {
      c = { name, activities: [], situations: [], figures: [], read, files: new Set() };
      communes.set(k, c);
    }
    return c;
  };
  for (const [table, form] of [
    [II6A_TABLE, 'II.6.A'],
    [II6B_TABLE, 'II.6.B'],
  ] as const) {
    const { rows, sheetRows } = readLongTable(of(table), ACTIVITY_COLUMNS);
    rows.forEach((r, i) => {
      const name = opt(r.commune);
      const activity = opt(r.activity);
      if (!name || !activity) return;
      const c = get(name, opt(r.read) ?? '');
      const file = opt(r.file);
      if (file) c.files.add(file);
      c.planYear ??= optNum(r.planYear);
      const rowNo = optNum(r.row);
      const quantity = typeof r.quantity === 'number' ? r.quantity : opt(r.quantity);
      const group = groupOf(r.group);
      const priority = optNum(r.priority);
      const f: CommuneForm = opt(r.form) === 'II.6.A' || opt(r.form) === 'II.6.B' ? (opt(r.form) as CommuneForm) : form;
      c.activities.push({
        key: opt(r.key) ?? `dong:${foldKey(table)}!${sheetRows[i] + 1}`,
        keyDerived: opt(r.key) === undefined,
        form: f,
        onlyInIi4b: opt(r.onlyInIi4b) !== undefined,
        topic: topicOf(r.topic) ?? 'csht',
        sector: opt(r.sector) ?? '',
        activity,
        ...(opt(r.objective) ? { objective: opt(r.objective) } : {}),
        ...(opt(r.unit) ? { unit: opt(r.unit) } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        ...(opt(r.time) ? { time: opt(r.time) } : {}),
        ...(opt(r.place) ? { place: opt(r.place) } : {}),
        ...(opt(r.responsible) ? { responsible: opt(r.responsible) } : {}),
        total: num(r.total),
        contribution: num(r.contribution),
        budget: num(r.budget),
        proposed: num(r.proposed),
        ...(opt(r.fundSource) ? { fundSource: opt(r.fundSource) } : {}),
        ...(group ? { group } : {}),
        ...(priority !== undefined ? { priority } : {}),
        ...(opt(r.difficulty) ? { difficulty: opt(r.difficulty) } : {}),
        source: { ...(file ? { file } : {}), sheet: opt(r.sheet) ?? table, row: rowNo !== undefined ? rowNo - 1 : sheetRows[i], cells: {} },
      });
    });
  }
  for (const r of readLongTable(of(II4A_TABLE), SITUATION_COLUMNS).rows) {
    const name = opt(r.commune);
    const difficulty = opt(r.difficulty);
    if (!name || !difficulty) continue;
    const rowNo = optNum(r.row);
    get(name, opt(r.read) ?? '').situations.push({
      difficulty,
      solutions: (opt(r.solutions) ?? '').split('\n').filter((x) => x.trim() !== ''),
      sector: opt(r.sector) ?? '',
      ...(opt(r.file) ? { file: opt(r.file) } : {}),
      ...(opt(r.sheet) ? { sheet: opt(r.sheet) } : {}),
      ...(rowNo !== undefined ? { row: rowNo - 1 } : {}),
    });
  }
  const iv1: LongRow[] = [];
  for (const r of readLongTable(of(FIGURES_TABLE), FIGURE_COLUMNS).rows) {
    const name = opt(r.commune);
    if (opt(r.form) === 'IV.1') {
      iv1.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])));
      continue;
    }
    if (!name || opt(r.form) !== 'III.1') continue;
    get(name, opt(r.read) ?? '').figures.push(r);
  }
  const out: StoredCommune[] = [];
  for (const [key, c] of communes) {
    const meta = state.communes[key];
    let iii1: FormReading | undefined;
    if (c.figures.length > 0) {
      const fixedValues: Record<string, Record<string, string | number | null>> = {};
      for (const f of c.figures) {
        const line = opt(f.line);
        const column = opt(f.column);
        if (!line || !column) continue;
        const v = f.value;
        (fixedValues[line] ??= {})[column] = typeof v === 'number' || typeof v === 'string' ? v : v === null ? null : String(v);
      }
      const first = c.figures[0];
      const year = optNum(first.planYear);
      iii1 = {
        formId: 'III.1',
        sheet: opt(first.sheet) ?? FIGURES_TABLE,
        ...(opt(first.file) ? { file: opt(first.file) } : {}),
        confidence: 1,
        ...(year !== undefined ? { planYear: year } : {}),
        ...(opt(first.unitName) ? { unitName: opt(first.unitName) } : {}),
        strengths: [],
        difficulties: [],
        activities: [],
        fixedValues,
        findings: [],
      };
    }
    const tallyOf = (f: CommuneForm): Tally => {
      const xs = c.activities.filter((a) => a.form === f && !a.onlyInIi4b);
      return { count: xs.length, amount: xs.reduce((s, a) => s + a.total, 0) };
    };
    const forms = meta?.forms ?? { 'II.6.A': tallyOf('II.6.A'), 'II.6.B': tallyOf('II.6.B') };
    const planYear = meta?.planYear ?? c.planYear;
    out.push({
      input: {
        name: meta?.name ?? c.name,
        key,
        activities: c.activities,
        situations: c.situations,
        forms,
        ...(iii1 ? { iii1 } : {}),
        period: meta?.period ?? period,
        ...(planYear !== undefined ? { planYear } : {}),
        where: [...c.files],
      },
      read: meta?.read ?? c.read,
      ...(meta?.modified ? { modified: meta.modified } : {}),
    });
  }
  // Tables as the roll-up writes them (its header, no empty row): rewriting them would change nothing.
  const compact = new Set<string>();
  for (const [name, columns] of [
    [II6A_TABLE, ACTIVITY_COLUMNS],
    [II6B_TABLE, ACTIVITY_COLUMNS],
    [II4A_TABLE, SITUATION_COLUMNS],
    [FIGURES_TABLE, FIGURE_COLUMNS],
  ] as const) {
    const d = of(name);
    if (!d || d.top !== 0 || d.left !== 0 || d.values.length === 0) continue;
    const header = d.values[0].map(cellText);
    if (header.length !== columns.length || columns.some((c, i) => header[i] !== c.header)) continue;
    if (d.values.slice(1).some((r) => r.every((v) => cellText(v) === ''))) continue;
    compact.add(name);
  }
  return { communes: out, iv1, compact };
}

/** What the state keeps of a commune stored in the tables. */
export function metaOf(s: StoredCommune): CommuneMeta {
  const c = s.input;
  return {
    name: c.name,
    read: s.read,
    ...(s.modified ? { modified: s.modified } : {}),
    period: c.period,
    ...(c.planYear !== undefined ? { planYear: c.planYear } : {}),
    forms: c.forms,
  };
}

/** Writes a rebuilt sheet: the new one created beside the old, then the old deleted (no copy kept; the old one stays if the write fails). */
export async function rebuildSheet(target: WorkbookPort, layout: SheetLayout, names: readonly string[]): Promise<void> {
  const older = copiesOf(layout.name, names);
  if (older.length > 0) await target.deleteSheets(older);
  const r = await target.createSheet(layout, { existing: 'copy' });
  if (r.keptCopy) await target.deleteSheets([r.keptCopy]);
}
