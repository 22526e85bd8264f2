/**
 * The upper level's feedback read back by the commune (handbook step 6, L879-L920): the
 * "Phản hồi - <Xã>" sheet the roll-up writes (layout.ts feedbackLayouts, shaped on II.10: A
 * accepted, B not accepted with the reason, C still waiting), found in a file the commune received
 * or among its own tabs, is read row by row and brought into the commune's workbook:
 *   - a "Phản hồi cấp trên" sheet lists every activity with the upper level's answer (accepted or
 *     not, office, opinion, reason, upper-level priority, within the funds or not), where it sits in
 *     the commune's plan now and what the commune does next (keep, move to II.6.A, review);
 *   - II.6.A and II.6.B get a "Phản hồi cấp trên (LKH)" column beside "Mã dòng (LKH)", outside the
 *     printed area: each row's answer, rejected rows flagged "CHƯA TIẾP THU".
 * Rows are matched by the commune's own row key, which the feedback carries in its "Mã dòng (LKH)"
 * column; a feedback sheet without keys (retyped, or written before they were added) is matched by
 * the activity's name. The plan's own cells are never changed: moving an activity between II.6.A and
 * II.6.B is the consolidation's (its Ngân sách/Đề xuất split), so the sheet says which ones to move.
 */
import { KEY_COLUMN_HEADER } from '../../layout/engine';
import { simpleLayout } from '../../layout/simple';
import type { SheetLayout } from '../../layout/types';
import type { CellValue, SheetData, WorkbookPort, WriteBlock } from '../../port/types';
import { readStateOrEmpty } from '../../port/types';
import { replaceKeepingOneCopy } from '../../port/replace';
import { readSheet } from '../../reader/read';
import { foldKey, parseNumber } from '../../text';
import { a1 } from '../../util/a1';
import { planSheetNames } from '../plan';
import { FEEDBACK_COLUMNS, FEEDBACK_VERDICT_TEXT } from './layout';
import { communeKey } from './read';
import { readLongTable } from './tables';
import { FEEDBACK_PREFIX, FEEDBACK_TABLE } from './types';

export type FeedbackVerdict = 'accepted' | 'rejected' | 'pending';
export type FeedbackForm = 'II.6.A' | 'II.6.B';

/** One activity of the upper level's feedback. Money in 1.000 đồng. */
export interface FeedbackLine {
  readonly verdict: FeedbackVerdict;
  readonly activity: string;
  /** Where the commune had it, as the feedback says. */
  readonly form?: FeedbackForm;
  readonly difficulty?: string;
  readonly total?: number;
  readonly office?: string;
  /** B: the upper level's conclusion ("Không đồng ý"). */
  readonly opinion?: string;
  readonly reason?: string;
  readonly upperPriority?: number;
  /** From the ranking within the upper level's funds, when the feedback says. */
  readonly withinFunds?: boolean;
  /** The commune's row key ("Mã dòng (LKH)" of its II.6.A/II.6.B). */
  readonly key?: string;
  /** "Phản hồi - Xã Tân Lập!C12". */
  readonly where: string;
}

export interface UpperFeedback {
  readonly sheet: string;
  /** "Xã Tân Lập", from "Kính gửi: Ủy ban nhân dân …" or the title. */
  readonly commune?: string;
  /** "TỈNH LÀO CAI", as its letterhead prints it. */
  readonly upperLevel?: string;
  readonly planYear?: number;
  readonly lines: readonly FeedbackLine[];
}

/** The sheet written into the commune's workbook. */
export const UPPER_FEEDBACK_SHEET = 'Phản hồi cấp trên';
/** The column written beside "Mã dòng (LKH)" in II.6.A and II.6.B. */
export const UPPER_FEEDBACK_HEADER = 'Phản hồi cấp trên (LKH)';
/** The flag of a rejected row in that column. */
export const REJECTED_FLAG = 'CHƯA TIẾP THU';

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const TITLE = /^PHẢN HỒI KẾ HOẠCH\s+(.+?)(?:\s+NĂM\s+(\d{4}))?$/u;
const ADDRESSEE = /^Kính gửi:\s*Ủy ban nhân dân\s+(.+)$/u;
const CAPTIONS: readonly [RegExp, FeedbackVerdict][] = [
  [/^A\.\s/u, 'accepted'],
  [/^B\.\s/u, 'rejected'],
  [/^C\.\s/u, 'pending'],
];

/** The column of each header of a table's header row, by what the header says (folded, so a retyped header still counts). */
function headerColumns(row: readonly CellValue[]): Map<string, number> {
  const out = new Map<string, number>();
  const named: readonly [string, (h: string) => boolean][] = [
    ['difficulty', (h) => h === 'kho khan'],
    ['activity', (h) => h.startsWith('giai phap') || h === 'hoat dong'],
    ['form', (h) => h === 'bieu'],
    ['total', (h) => h.startsWith('tong so')],
    ['office', (h) => h.startsWith('phong ban tham dinh')],
    ['remark', (h) => h === 'ghi chu'],
    ['conclusion', (h) => h.startsWith('ket luan')],
    ['reason', (h) => h.startsWith('ly do')],
    ['key', (h) => h === foldKey(KEY_COLUMN_HEADER)],
  ];
  row.forEach((v, c) => {
    const h = foldKey(text(v));
    if (h === '') return;
    const hit = named.find(([k, test]) => !out.has(k) && test(h));
    if (hit) out.set(hit[0], c);
  });
  return out;
}

function captionOf(row: readonly CellValue[]): FeedbackVerdict | undefined {
  const first = row.map(text).find((t) => t !== '') ?? '';
  return CAPTIONS.find(([re]) => re.test(first))?.[1];
}

/** "Ưu tiên cấp trên: 2; Trong khả năng vốn" → priority and funds. */
function readRemark(remark: string): { upperPriority?: number; withinFunds?: boolean } {
  const m = /Ưu tiên cấp trên:\s*(\d+)/u.exec(remark);
  const within = /Ngoài khả năng vốn/u.test(remark) ? false : /Trong khả năng vốn/u.test(remark) ? true : undefined;
  return { ...(m ? { upperPriority: Number(m[1]) } : {}), ...(within !== undefined ? { withinFunds: within } : {}) };
}

/** "Không đồng ý (Sở Nông nghiệp)" → opinion and office. */
function readConclusion(conclusion: string): { opinion?: string; office?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(conclusion);
  const opinion = (m ? m[1] : conclusion).trim();
  const office = m?.[2].trim();
  return { ...(opinion ? { opinion } : {}), ...(office ? { office } : {}) };
}

/**
 * Reads one feedback sheet as the roll-up writes it; undefined when the sheet is not one (no
 * "PHẢN HỒI KẾ HOẠCH …" title and no A/B/C tables).
 */
export function readFeedbackSheet(data: SheetData): UpperFeedback | undefined {
  const rows = data.values;
  let commune: string | undefined;
  let upperLevel: string | undefined;
  let planYear: number | undefined;
  let titled = false;
  for (const r of rows.slice(0, 12)) {
    const t = text(r.find((v) => text(v) !== ''));
    const title = TITLE.exec(t);
    if (title) {
      titled = true;
      commune ??= title[1];
      if (title[2]) planYear = Number(title[2]);
    }
    const to = ADDRESSEE.exec(t);
    if (to) commune = to[1].trim();
    const head = /^ỦY BAN NHÂN DÂN\s+(.+)$/u.exec(t);
    if (head) upperLevel = head[1].trim();
  }
  const lines: FeedbackLine[] = [];
  let tables = 0;
  for (let i = 0; i < rows.length; i++) {
    const verdict = captionOf(rows[i]);
    if (!verdict || i + 1 >= rows.length) continue;
    const cols = headerColumns(rows[i + 1]);
    const activityCol = cols.get('activity');
    if (activityCol === undefined) continue;
    tables++;
    const at = (r: readonly CellValue[], k: string) => {
      const c = cols.get(k);
      return c === undefined ? '' : text(r[c]);
    };
    let j = i + 2;
    for (; j < rows.length; j++) {
      const r = rows[j];
      if (captionOf(r) || r.every((v) => text(v) === '')) break;
      const activity = at(r, 'activity');
      if (activity === '') continue;
      const form = at(r, 'form');
      const totalCell = cols.get('total') === undefined ? undefined : r[cols.get('total') as number];
      const parsed = typeof totalCell === 'number' ? undefined : parseNumber(at(r, 'total'));
      const total = typeof totalCell === 'number' ? totalCell : parsed?.ok ? parsed.value : undefined;
      const office = at(r, 'office');
      const reason = at(r, 'reason');
      const key = at(r, 'key');
      const difficulty = at(r, 'difficulty');
      const conclusion = verdict === 'rejected' ? readConclusion(at(r, 'conclusion')) : {};
      lines.push({
        verdict,
        activity,
        ...(form === 'II.6.A' || form === 'II.6.B' ? { form } : {}),
        ...(difficulty ? { difficulty } : {}),
        ...(total !== undefined ? { total } : {}),
        ...(office ? { office } : {}),
        ...conclusion,
        ...(reason ? { reason } : {}),
        ...readRemark(at(r, 'remark')),
        ...(key ? { key } : {}),
        where: `${data.name}!${a1(data.top + j, data.left + activityCol)}`,
      });
    }
    i = j - 1;
  }
  if (!titled && tables === 0) return undefined;
  return { sheet: data.name, ...(commune ? { commune } : {}), ...(upperLevel ? { upperLevel } : {}), ...(planYear !== undefined ? { planYear } : {}), lines };
}

const VERDICT_OF_TEXT = new Map<string, FeedbackVerdict>((Object.entries(FEEDBACK_VERDICT_TEXT) as [FeedbackVerdict, string][]).map(([v, t]) => [foldKey(t), v]));

/**
 * The feedback table "Phản hồi các xã" of the upper level's workbook, one feedback per commune
 * (its rows in the table's order). `upperLevel` and `planYear` are the workbook's.
 */
export function readFeedbackTable(data: SheetData, upperLevel?: string, planYear?: number): UpperFeedback[] {
  const { rows, sheetRows } = readLongTable(data, FEEDBACK_COLUMNS);
  const activityCol = foldKeyIndex(data, 'Hoạt động');
  const byCommune = new Map<string, { commune: string; lines: FeedbackLine[] }>();
  rows.forEach((r, i) => {
    const commune = text(r.commune);
    const activity = text(r.activity);
    if (commune === '' || activity === '') return;
    const k = communeKey(commune);
    let g = byCommune.get(k);
    if (!g) {
      g = { commune, lines: [] };
      byCommune.set(k, g);
    }
    const form = text(r.form);
    const total = parseNumber(r.total);
    const priority = parseNumber(r.upperPriority);
    const within = foldKey(text(r.within));
    const fullKey = text(r.key);
    const key = fullKey.startsWith(`${k}|`) ? fullKey.slice(k.length + 1) : fullKey;
    const office = text(r.office);
    const opinion = text(r.opinion);
    const reason = text(r.reason);
    const difficulty = text(r.difficulty);
    g.lines.push({
      verdict: VERDICT_OF_TEXT.get(foldKey(text(r.verdict))) ?? 'pending',
      activity,
      ...(form === 'II.6.A' || form === 'II.6.B' ? { form } : {}),
      ...(difficulty ? { difficulty } : {}),
      ...(total.ok ? { total: total.value } : {}),
      ...(office ? { office } : {}),
      ...(opinion ? { opinion } : {}),
      ...(reason ? { reason } : {}),
      ...(priority.ok ? { upperPriority: priority.value } : {}),
      ...(within === 'co' ? { withinFunds: true } : within === 'khong' ? { withinFunds: false } : {}),
      ...(key ? { key } : {}),
      where: `${data.name}!${a1(sheetRows[i], data.left + Math.max(0, activityCol))}`,
    });
  });
  return [...byCommune.values()].map((g) => ({
    sheet: data.name,
    commune: g.commune,
    ...(upperLevel ? { upperLevel: upperLevel.toUpperCase() } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    lines: g.lines,
  }));
}

function foldKeyIndex(data: SheetData, header: string): number {
  return (data.values[0] ?? []).findIndex((v) => foldKey(text(v)) === foldKey(header));
}

/**
 * Every feedback of a workbook: the "Phản hồi - …" tab of a file sent to one commune; else the
 * upper level's table "Phản hồi các xã" (one per commune); else any sheet titled so (the printable
 * "Phiếu phản hồi", or a copy the upper level renamed).
 */
export async function readUpperFeedback(port: WorkbookPort): Promise<UpperFeedback[]> {
  const names = (await port.listSheets()).filter((n) => n !== UPPER_FEEDBACK_SHEET && !/\(cũ(?: \d+)?\)$/u.test(n));
  const out: UpperFeedback[] = [];
  const first = names.filter((n) => n.startsWith(FEEDBACK_PREFIX));
  if (first.length === 0 && names.includes(FEEDBACK_TABLE)) {
    const state = await readStateOrEmpty(port);
    const [d] = await port.readSheets([FEEDBACK_TABLE], { formulas: false });
    const all = readFeedbackTable(d, state.upperLevelName, state.planYear);
    if (all.length > 0) return all;
  }
  const rest = names.filter((n) => !n.startsWith(FEEDBACK_PREFIX) && n !== FEEDBACK_TABLE);
  for (const batch of [first, rest]) {
    if (batch.length === 0) continue;
    for (const d of await port.readSheets(batch, { formulas: false })) {
      // A plan form is no feedback, whatever its captions say.
      if (!d.name.startsWith(FEEDBACK_PREFIX) && readSheet(d).reading) continue;
      const f = readFeedbackSheet(d);
      if (f && (d.name.startsWith(FEEDBACK_PREFIX) || f.lines.length > 0)) out.push(f);
    }
    if (out.length > 0) break;
  }
  return out;
}

/**
 * The feedback addressed to `commune` among several (a roll-up file holds one per commune); the
 * only one when there is one. Throws, in Vietnamese, when none is addressed to the commune.
 */
export function feedbackFor(all: readonly UpperFeedback[], commune: string | undefined): UpperFeedback {
  if (all.length === 0) throw new Error('Không tìm thấy phản hồi của cấp trên (trang "Phản hồi - <tên xã>", bảng "Phản hồi các xã" hoặc trang có tiêu đề "PHẢN HỒI KẾ HOẠCH …").');
  const key = commune ? communeKey(commune) : undefined;
  const mine = key ? all.filter((f) => f.commune !== undefined && communeKey(f.commune) === key) : [];
  if (mine.length >= 1) return mine[0];
  if (all.length === 1 && (!key || all[0].commune === undefined)) return all[0];
  const names = all.map((f) => f.commune ?? f.sheet).join(', ');
  if (!commune) throw new Error(`Tệp có phản hồi cho nhiều xã (${names}) mà sổ tính chưa ghi tên xã: nhập tên xã (Cài đặt, hoặc --commune).`);
  throw new Error(`Không có trang phản hồi nào gửi ${commune}: tệp có phản hồi cho ${names}.`);
}

interface PlanRow {
  readonly form: FeedbackForm;
  readonly sheet: string;
  readonly row: number;
  readonly activity: string;
  readonly key?: string;
}

interface PlanSheet {
  readonly form: FeedbackForm;
  readonly sheet: string;
  readonly data: SheetData;
  /** The header row and column of "Mã dòng (LKH)". */
  readonly keyAt?: { readonly row: number; readonly col: number };
  readonly rows: readonly PlanRow[];
}

async function planSheets(port: WorkbookPort): Promise<PlanSheet[]> {
  const names = await port.listSheets();
  const state = await readStateOrEmpty(port);
  const sheetNames = planSheetNames(state, names);
  const wanted = (['II.6.A', 'II.6.B'] as const).filter((f) => names.includes(sheetNames[f]));
  if (wanted.length === 0) return [];
  const data = await port.readSheets(
    wanted.map((f) => sheetNames[f]),
    { formulas: false },
  );
  return wanted.map((form, i) => {
    const d = data[i];
    let keyAt: PlanSheet['keyAt'];
    for (let r = 0; r < d.values.length && !keyAt; r++) {
      const c = d.values[r].findIndex((v) => v === KEY_COLUMN_HEADER);
      if (c >= 0) keyAt = { row: d.top + r, col: d.left + c };
    }
    const reading = readSheet(d, { formId: form }).reading;
    const rows: PlanRow[] = (reading?.activities ?? [])
      .filter((a) => a.activity !== '')
      .map((a) => {
        const k = keyAt ? text(d.values[a.source.row - d.top]?.[keyAt.col - d.left]) : '';
        return { form, sheet: d.name, row: a.source.row, activity: a.activity, ...(k ? { key: k } : {}) };
      });
    return { form, sheet: d.name, data: d, ...(keyAt ? { keyAt } : {}), rows };
  });
}

/** What became of one feedback line in the commune's plan. */
export interface FeedbackMatch {
  readonly line: FeedbackLine;
  /** The plan row it answers; undefined when the plan no longer has it. */
  readonly row?: PlanRow;
  /** What the commune does next, in Vietnamese. */
  readonly action: string;
  /** True for an activity the upper level accepts and funds that sits in II.6.B: it moves to II.6.A. */
  readonly move: boolean;
}

export interface FeedbackApplied {
  readonly sheet: string;
  readonly keptCopy?: string;
  readonly feedbackSheet: string;
  readonly commune?: string;
  readonly upperLevel?: string;
  readonly matches: readonly FeedbackMatch[];
  readonly accepted: number;
  readonly rejected: number;
  readonly pending: number;
  /** Feedback lines no row of II.6.A/II.6.B answers (renamed or removed since). */
  readonly unmatched: number;
  /** Rows of II.6.A/II.6.B given the answer in "Phản hồi cấp trên (LKH)". */
  readonly noted: number;
}

const byName = (s: string): string => foldKey(s);

/** The commune's plan rows each line answers: by key, else by name in the form the feedback names, else by name anywhere. */
export function matchFeedback(lines: readonly FeedbackLine[], rows: readonly PlanRow[]): (PlanRow | undefined)[] {
  const used = new Set<PlanRow>();
  const take = (r: PlanRow | undefined) => {
    if (r) used.add(r);
    return r;
  };
  const keyed = new Map(rows.filter((r) => r.key).map((r) => [r.key as string, r]));
  const first = lines.map((l) => (l.key ? take(keyed.get(l.key)) : undefined));
  return lines.map((l, i) => {
    if (first[i]) return first[i];
    const free = rows.filter((r) => !used.has(r) && byName(r.activity) === byName(l.activity));
    return take(free.find((r) => r.form === l.form) ?? free[0]);
  });
}

function actionOf(l: FeedbackLine, row: PlanRow | undefined): { action: string; move: boolean } {
  if (!row) return { action: 'Không tìm thấy trong II.6.A, II.6.B của xã (đã đổi tên hoặc đã bỏ?): xã đối chiếu lại.', move: false };
  if (l.verdict === 'rejected') return { action: `Cấp trên chưa tiếp thu: xã xem lại (bỏ, sửa, hoặc tìm nguồn vốn khác) trước khi hoàn thiện kế hoạch; dòng được đánh dấu "${REJECTED_FLAG}" ở ${row.form}.`, move: false };
  if (l.verdict === 'pending') return { action: 'Đang chờ ý kiến thẩm định của cấp trên: giữ nguyên.', move: false };
  if (row.form === 'II.6.A') return { action: 'Cấp trên đồng ý: giữ trong II.6.A.', move: false };
  if (l.withinFunds === true) return { action: 'Cấp trên đồng ý và trong khả năng vốn: chuyển sang II.6.A (ghi Ngân sách và Tên nguồn vốn ở II.4.B, rồi tổng hợp lại).', move: true };
  if (l.withinFunds === false) return { action: 'Cấp trên đồng ý nhưng ngoài khả năng vốn năm nay: giữ trong II.6.B.', move: false };
  return { action: 'Cấp trên đồng ý: giữ trong II.6.B cho đến khi có nguồn vốn.', move: false };
}

const VERDICT_TEXT: Readonly<Record<FeedbackVerdict, string>> = { accepted: 'Đồng ý', rejected: 'Chưa tiếp thu', pending: 'Đang chờ ý kiến' };

/** The short answer written beside a plan row. */
function noteOf(m: FeedbackMatch): string {
  const l = m.line;
  const parts = [l.verdict === 'rejected' ? REJECTED_FLAG : VERDICT_TEXT[l.verdict]];
  if (l.office) parts.push(l.office);
  if (l.verdict === 'rejected' && l.reason) parts.push(`lý do: ${l.reason}`);
  if (l.upperPriority !== undefined) parts.push(`ưu tiên cấp trên ${l.upperPriority}`);
  if (l.withinFunds !== undefined) parts.push(l.withinFunds ? 'trong khả năng vốn' : 'ngoài khả năng vốn năm nay');
  if (m.move) parts.push('→ chuyển sang II.6.A');
  return parts.join('; ');
}

function summaryLayout(f: UpperFeedback, matches: readonly FeedbackMatch[], commune: string | undefined): SheetLayout {
  const count = (v: FeedbackVerdict) => matches.filter((m) => m.line.verdict === v).length;
  const unmatched = matches.filter((m) => !m.row).length;
  const moves = matches.filter((m) => m.move).length;
  // "TỈNH LÀO CAI" as the letterhead prints it → "Tỉnh Lào Cai".
  const upper = f.upperLevel ? f.upperLevel.toLowerCase().replace(/(^|\s)(\S)/gu, (_, sp: string, c: string) => sp + c.toUpperCase()) : 'cấp trên';
  return simpleLayout({
    name: UPPER_FEEDBACK_SHEET,
    title: `PHẢN HỒI CỦA CẤP TRÊN VỀ KẾ HOẠCH ${(commune ?? f.commune ?? 'XÃ').toUpperCase()}${f.planYear !== undefined ? ` NĂM ${f.planYear}` : ''}`,
    lines: [
      `Đọc từ trang "${f.sheet}" (${upper}): ${matches.length} hoạt động — đồng ý ${count('accepted')}, chưa tiếp thu ${count('rejected')}, đang chờ ý kiến ${count('pending')}.`,
      `${moves > 0 ? `${moves} hoạt động của II.6.B được cấp trên đồng ý và trong khả năng vốn: chuyển sang II.6.A. ` : ''}${unmatched > 0 ? `${unmatched} hoạt động không còn trong II.6.A, II.6.B của xã: xã đối chiếu lại. ` : ''}Các dòng của II.6.A, II.6.B có ý kiến ở cột "${UPPER_FEEDBACK_HEADER}" (ngoài vùng in); LKH không sửa số liệu của kế hoạch.`,
    ],
    tables: [
      {
        key: 'feedback',
        columns: [
          { key: 'stt', header: 'TT', width: 5, kind: 'center' },
          { key: 'activity', header: 'Hoạt động', width: 30, kind: 'longtext' },
          { key: 'form', header: 'Trong kế hoạch xã', width: 10, kind: 'center' },
          { key: 'verdict', header: 'Kết luận của cấp trên', width: 11, kind: 'center' },
          { key: 'office', header: 'Phòng/ban thẩm định', width: 14, kind: 'longtext' },
          { key: 'reason', header: 'Ý kiến, lý do', width: 20, kind: 'longtext' },
          { key: 'priority', header: 'Ưu tiên cấp trên', width: 7, kind: 'center' },
          { key: 'funds', header: 'Trong khả năng vốn', width: 9, kind: 'center' },
          { key: 'action', header: 'Việc của xã', width: 26, kind: 'longtext' },
          { key: 'key', header: KEY_COLUMN_HEADER, width: 24, kind: 'key' },
        ],
        rows: matches.map((m, i) => ({
          stt: i + 1,
          activity: m.line.activity,
          form: m.row ? `${m.row.form} (dòng ${m.row.row + 1})` : 'Không tìm thấy',
          verdict: VERDICT_TEXT[m.line.verdict],
          office: m.line.office ?? null,
          reason: [m.line.opinion, m.line.reason].filter(Boolean).join(': ') || null,
          priority: m.line.upperPriority ?? null,
          funds: m.line.withinFunds === undefined ? null : m.line.withinFunds ? 'Có' : 'Không',
          action: m.action,
          key: m.row?.key ?? m.line.key ?? null,
        })),
      },
    ],
  });
}

/**
 * Brings the upper level's feedback into the commune's workbook: the "Phản hồi cấp trên" sheet (a
 * previous one kept as a copy) and the answer beside each row of II.6.A and II.6.B (a previous
 * answer replaced; rows the feedback does not name are cleared). The plan's own cells are not changed.
 */
export async function applyUpperFeedback(port: WorkbookPort, feedback: UpperFeedback, options: { readonly communeName?: string } = {}): Promise<FeedbackApplied> {
  const sheets = await planSheets(port);
  if (sheets.length === 0) throw new Error('Sổ tính chưa có II.6.A, II.6.B của xã: hãy tổng hợp kế hoạch trước khi nhận phản hồi của cấp trên.');
  const rows = sheets.flatMap((s) => s.rows);
  const found = matchFeedback(feedback.lines, rows);
  const matches: FeedbackMatch[] = feedback.lines.map((line, i) => ({ line, ...(found[i] ? { row: found[i] } : {}), ...actionOf(line, found[i]) }));
  // One previous copy ("(cũ)"), whatever the number of answers received.
  const r = await replaceKeepingOneCopy(port, summaryLayout(feedback, matches, options.communeName));
  // The answer beside each plan row, in the column after "Mã dòng (LKH)" (outside the printed area).
  const byRow = new Map(matches.filter((m) => m.row).map((m) => [`${m.row?.sheet}|${m.row?.row}`, m]));
  const blocks: WriteBlock[] = [];
  let noted = 0;
  for (const s of sheets) {
    if (!s.keyAt || s.rows.length === 0) continue;
    const col = s.keyAt.col + 1;
    blocks.push({ sheet: s.sheet, row: s.keyAt.row, col, values: [[UPPER_FEEDBACK_HEADER]] });
    const from = Math.min(...s.rows.map((x) => x.row));
    const to = Math.max(...s.rows.map((x) => x.row));
    const values: CellValue[][] = [];
    for (let row = from; row <= to; row++) {
      const m = byRow.get(`${s.sheet}|${row}`);
      if (m) noted++;
      // Rows the feedback does not name are cleared (an answer from an older feedback); other rows keep what they hold.
      values.push([m ? noteOf(m) : s.rows.some((x) => x.row === row) ? null : (s.data.values[row - s.data.top]?.[col - s.data.left] ?? null)]);
    }
    blocks.push({ sheet: s.sheet, row: from, col, values });
  }
  if (blocks.length > 0) await port.writeValues(blocks);
  return {
    sheet: UPPER_FEEDBACK_SHEET,
    ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}),
    feedbackSheet: feedback.sheet,
    ...(feedback.commune ? { commune: feedback.commune } : {}),
    ...(feedback.upperLevel ? { upperLevel: feedback.upperLevel } : {}),
    matches,
    accepted: matches.filter((m) => m.line.verdict === 'accepted').length,
    rejected: matches.filter((m) => m.line.verdict === 'rejected').length,
    pending: matches.filter((m) => m.line.verdict === 'pending').length,
    unmatched: matches.filter((m) => !m.row).length,
    noted,
  };
}
