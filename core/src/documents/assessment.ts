/**
 * II.1 (L1600), the commune's yearly assessment of its planning, pre-scored from what the files
 * show. Seven of the fourteen criteria can be judged from the files, and are answered (Có/Không)
 * with the evidence named in the "Ghi chú" column:
 *   3  the level above sent its orientation: a III.1 among the files;
 *   5  every village sent its I.2 and the minutes of its meeting (I.3), with the rule-8 attendance
 *      of each meeting (more than 50% of households, at least 30% women: L577, L1633-L1636);
 *   8  the activities carry a budget: II.6.A and II.6.B exist, every activity has its Tổng số, and
 *      the consolidation's report reconciles (read = written + returned);
 *   9  the plan holds activities without outside money (II.6.A's group A);
 *  14  last year's II.6.A carried out above 60%, only when last year's plan is given: the
 *      activities proposed again this year are not counted as carried out, so when even the rest is
 *      60% or less the answer is Không; otherwise the commune ticks what was done.
 * Criterion 4 names the departments that sent II.3 (the commune knows how many it has: > 70%);
 * 10 says II.10 can be drafted. The rest (1, 2, 6, 7, 11, 12, 13) need interviews or papers the
 * files do not hold, and are left to the commune.
 */
import { formOfYear } from '../forms/editions';
import { getForm } from '../forms/registry';
import type { Block, FormDefinition } from '../forms/types';
import { layoutForm } from '../layout/engine';
import type { LayoutValue, SheetLayout } from '../layout/types';
import type { FormReading } from '../model/types';
import type { VillageSheets } from '../reader/workbook';
import { foldKey, formatVnNumber } from '../text';
import { womenBelowShare } from '../validate/rules';
import { villageList, villagesOf } from './feedback';
import type { ActivityRow, PlanData } from './read';

export type Answer = 'Có' | 'Không';

/** One criterion of II.1 as pre-scored: the answer when the files decide it, and what they show. */
export interface AssessedCriterion {
  /** The row key of II.1 ("c5"). */
  readonly key: string;
  readonly code: string;
  readonly answer?: Answer;
  /** What the files show, with where; or what the commune must check itself. */
  readonly evidence: string;
  /** True when the files answered it. */
  readonly fromFiles: boolean;
}

export interface AssessmentInput {
  /** The plan consolidated from the year's proposals (lkh consolidate). */
  readonly plan?: PlanData;
  /** Every form read from the files given (villages' I.1-I.4, departments' II.3, III.1), with the file. */
  readonly readings: readonly FormReading[];
  /** The village sheets grouped by village (readWorkbook's `villages`), for the attendance. */
  readonly villages: readonly VillageSheets[];
  /** The commune's villages as its settings list them (state.extra.villages), when it has the list. */
  readonly villageList?: readonly string[];
  /** Last year's consolidated plan, when given. */
  readonly lastYear?: PlanData;
}

const HOUSEHOLDS_MIN = 0.5;
const DONE_MIN = 0.6;

const pct = (a: number, b: number): string => `${formatVnNumber(Math.round((a / b) * 1000) / 10)}%`;
const at = (r: FormReading): string => `${r.file ? `tệp "${r.file}", ` : ''}trang "${r.sheet}"`;
const money = (n: number): string => `${formatVnNumber(n)} nghìn đồng`;

function list(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} và ${names.length - max} nơi khác`;
}

/** The village name of a village reading, as typed ("Bản Chang", "Thôn Nà Lìu"), or undefined. */
function villageOf(r: FormReading): string | undefined {
  return r.unitName?.trim() || undefined;
}

/**
 * One key for a village however it is written: the "Thôn" the consolidation puts before a name
 * ("Thôn Bản Chang" for "Bản Chang") is dropped, and only that word, so "Bản Chang" stays itself.
 */
const key = (name: string): string => foldKey(name).replace(/^thon\s+/u, '');

function criterion3(input: AssessmentInput): AssessedCriterion {
  const iii1 = input.readings.filter((r) => r.formId === 'III.1');
  if (iii1.length === 0) {
    return { key: 'c3', code: '3', fromFiles: false, evidence: 'Không tệp nào đã cho có Phiếu III.1: xã rà soát văn bản định hướng nhận được (kể cả bản giấy) rồi đánh dấu.' };
  }
  const r = iii1[0];
  return { key: 'c3', code: '3', answer: 'Có', fromFiles: true, evidence: `Có Phiếu III.1 (${at(r)}).` };
}

function criterion4(input: AssessmentInput): AssessedCriterion {
  const units = [...new Set(input.readings.filter((r) => r.formId === 'II.3').map((r) => r.unitName?.trim() || at(r)))];
  if (units.length === 0) return { key: 'c4', code: '4', fromFiles: false, evidence: 'Không tệp nào đã cho có Biểu II.3 của ban ngành, đơn vị: xã rà soát và đánh dấu.' };
  return {
    key: 'c4',
    code: '4',
    fromFiles: false,
    evidence: `${units.length} ban ngành, đơn vị đã gửi Biểu II.3: ${units.join(', ')}. Xã so với số ban ngành, đơn vị của xã: trên 70% thì đánh dấu Có.`,
  };
}

/** Rule 8 for one village's meeting: attendees against I.1's households, women against attendees. */
function attendance(v: VillageSheets | undefined): { text: string; short: boolean } | undefined {
  const m = v?.meetings[0];
  if (!v || !m || m.attendees === undefined) return undefined;
  const parts: string[] = [];
  let short = false;
  const h = v.households?.value;
  if (h) {
    const ok = m.attendees > h * HOUSEHOLDS_MIN;
    short ||= !ok;
    parts.push(`${formatVnNumber(m.attendees)} người dự/${formatVnNumber(h)} hộ (${pct(m.attendees, h)}${ok ? '' : ', chưa quá 50% số hộ'})`);
  } else parts.push(`${formatVnNumber(m.attendees)} người dự (chưa có Biểu I.1 để so với số hộ)`);
  if (m.women !== undefined && m.attendees > 0) {
    const ok = !womenBelowShare(m.women, m.attendees);
    short ||= !ok;
    parts.push(`nữ ${formatVnNumber(m.women)} (${pct(m.women, m.attendees)}${ok ? '' : ', dưới 30%'})`);
  }
  return { text: parts.join(', '), short };
}

function criterion5(input: AssessmentInput): AssessedCriterion {
  const names = new Map<string, string>();
  const add = (n: string | undefined) => {
    if (n && !names.has(key(n))) names.set(key(n), n);
  };
  for (const n of input.villageList ?? []) add(n);
  for (const r of input.readings) if (r.formId === 'I.1' || r.formId === 'I.2' || r.formId === 'I.3' || r.formId === 'I.4') add(villageOf(r));
  for (const v of input.villages) add(v.unit);
  for (const a of [...(input.plan?.ii6a ?? []), ...(input.plan?.ii6b ?? [])]) villagesOf(a).forEach(add);
  for (const r of input.plan?.returned ?? []) villageList(r.origin).forEach(add);
  if (names.size === 0) return { key: 'c5', code: '5', fromFiles: false, evidence: 'Các tệp đã cho không có biểu nào của thôn: xã rà soát Biểu I.2, I.3 của các thôn.' };
  // The reader may group one village's sheets apart when they spell it differently ("Bản Chang", "Thôn Bản Chang"): merged here.
  const sheetsOf = (k: string): VillageSheets | undefined => {
    const all = input.villages.filter((v) => v.unit !== undefined && key(v.unit) === k);
    if (all.length === 0) return undefined;
    const households = all.find((v) => v.households)?.households;
    return { unit: all[0].unit, ...(households ? { households } : {}), meetings: all.flatMap((v) => v.meetings), groups: all.flatMap((v) => v.groups) };
  };
  const has = (form: 'I.2' | 'I.3', k: string) =>
    input.readings.some((r) => r.formId === form && key(villageOf(r) ?? '') === k) || (form === 'I.3' && (sheetsOf(k)?.meetings.length ?? 0) > 0);
  const withoutI2: string[] = [];
  const withoutI3: string[] = [];
  const meetings: string[] = [];
  const short: string[] = [];
  for (const [k, name] of names) {
    if (!has('I.2', k)) withoutI2.push(name);
    if (!has('I.3', k)) withoutI3.push(name);
    const a = attendance(sheetsOf(k));
    if (a) {
      meetings.push(`${name}: ${a.text}`);
      if (a.short) short.push(name);
    }
  }
  const total = names.size;
  const whose = input.villageList && input.villageList.length > 0 ? `${total} thôn của xã (theo danh sách thôn trong cài đặt)` : `${total} thôn có trong các tệp (${list([...names.values()])}); nếu xã còn thôn khác thì thôn đó chưa gửi`;
  const lines = [
    `Biểu I.2: ${total - withoutI2.length}/${total} thôn${withoutI2.length > 0 ? ` (chưa có: ${list(withoutI2)})` : ''}; biên bản họp thôn (Biểu I.3): ${total - withoutI3.length}/${total} thôn${withoutI3.length > 0 ? ` (chưa có: ${list(withoutI3)})` : ''} — ${whose}.`,
  ];
  if (meetings.length > 0) lines.push(`Họp thôn (Biểu I.3 so với Biểu I.1; cần quá 50% số hộ và ít nhất 30% nữ): ${meetings.join('; ')}.`);
  if (short.length > 0) lines.push(`Lưu ý: cuộc họp của ${list(short)} chưa đủ số hộ hoặc số nữ tham gia.`);
  const complete = withoutI2.length === 0 && withoutI3.length === 0;
  return { key: 'c5', code: '5', answer: complete ? 'Có' : 'Không', fromFiles: true, evidence: lines.join('\n') };
}

/**
 * The activities without an estimate: Tổng số missing or 0, except in II.6.A's group A, whose
 * activities need no outside money and may cost nothing (a meeting, the people's own labour).
 */
function costed(rows: readonly ActivityRow[]): { missing: string[]; free: number; total: number } {
  const zero = rows.filter((a) => !(a.total > 0));
  const free = zero.filter((a) => a.group === 'no-outside-money').length;
  return { missing: zero.filter((a) => a.group !== 'no-outside-money').map((a) => `"${a.activity}" (${a.where})`), free, total: rows.reduce((s, a) => s + a.total, 0) };
}

function criterion8(plan: PlanData | undefined): AssessedCriterion {
  if (!plan || plan.sheets['II.6.A'] === undefined || plan.sheets['II.6.B'] === undefined) {
    const missing = plan ? plan.missing.filter((f) => f === 'II.6.A' || f === 'II.6.B') : ['II.6.A', 'II.6.B'];
    return { key: 'c8', code: '8', answer: 'Không', fromFiles: true, evidence: `Tệp kế hoạch chưa có Biểu ${missing.join(', ')}${plan ? '' : ' (không tệp nào đã cho là kế hoạch đã tổng hợp)'}.` };
  }
  const a = costed(plan.ii6a);
  const b = costed(plan.ii6b);
  const missing = [...a.missing, ...b.missing];
  const lines = [
    `Biểu II.6.A: ${plan.ii6a.length} hoạt động, tổng ${money(a.total)}; Biểu II.6.B: ${plan.ii6b.length} hoạt động, tổng ${money(b.total)}.`,
  ];
  if (missing.length > 0) lines.push(`Chưa ghi kinh phí (Tổng số): ${list(missing, 5)}.`);
  else lines.push(`Mọi hoạt động cần kinh phí đều ghi Tổng số${a.free > 0 ? ` (${a.free} hoạt động nhóm A không cần nguồn vốn bên ngoài ghi 0: không tốn tiền)` : ''}.`);
  const other = plan.missing.filter((f) => f !== 'II.6.A' && f !== 'II.6.B');
  lines.push(`Các biểu của kế hoạch: ${Object.keys(plan.sheets).join(', ')}${other.length > 0 ? `; chưa có ${other.join(', ')}` : ''}.`);
  const rec = plan.reconciliation;
  if (rec?.counts || rec?.verdict) lines.push(`Báo cáo tổng hợp: ${[rec.counts, rec.verdict].filter((x) => x).join(' ')}`);
  else lines.push('Tệp chưa có báo cáo tổng hợp để đối chiếu số hoạt động và số tiền.');
  if (rec?.balanced === false) {
    lines.push('Số liệu chưa khớp: sửa theo báo cáo rồi tổng hợp lại trước khi đánh dấu.');
    return { key: 'c8', code: '8', fromFiles: false, evidence: lines.join('\n') };
  }
  return { key: 'c8', code: '8', answer: missing.length === 0 ? 'Có' : 'Không', fromFiles: true, evidence: lines.join('\n') };
}

function criterion9(plan: PlanData | undefined): AssessedCriterion {
  if (!plan || plan.sheets['II.6.A'] === undefined) return { key: 'c9', code: '9', fromFiles: false, evidence: 'Tệp kế hoạch chưa có Biểu II.6.A: xã rà soát và đánh dấu.' };
  const own = plan.ii6a.filter((a) => a.group === 'no-outside-money');
  return {
    key: 'c9',
    code: '9',
    answer: own.length > 0 ? 'Có' : 'Không',
    fromFiles: true,
    evidence:
      own.length > 0
        ? `Biểu II.6.A, nhóm A (không cần nguồn vốn bên ngoài): ${own.length} hoạt động, như ${list(own.map((x) => `"${x.activity}"`), 3)}.`
        : 'Biểu II.6.A không có hoạt động nào trong nhóm A (không cần nguồn vốn bên ngoài).',
  };
}

function criterion10(plan: PlanData | undefined): AssessedCriterion {
  return {
    key: 'c10',
    code: '10',
    fromFiles: false,
    evidence: plan
      ? 'LKH soạn được Biểu II.10 phản hồi cho từng thôn từ kế hoạch (mục Văn bản của LKH). Xã đánh dấu Có khi đã gửi phản hồi và có biên bản ghi ý kiến phản hồi.'
      : 'Xã rà soát Biểu II.10 và các biên bản ghi ý kiến phản hồi.',
  };
}

/** An activity's name without the "(Thôn …)" the consolidation adds, folded. */
const activityKey = (a: ActivityRow): string => foldKey(a.activity.replace(/\s*\([^()]*\)\s*$/u, ''));

function criterion14(plan: PlanData | undefined, last: PlanData | undefined): AssessedCriterion {
  if (!last) {
    return {
      key: 'c14',
      code: '14',
      fromFiles: false,
      evidence: 'Chưa có kế hoạch năm trước: cho thêm tệp kế hoạch đã tổng hợp của năm trước để LKH đối chiếu Biểu II.6.A; xã hỏi lãnh đạo xã/kế toán xã các hoạt động đã hoặc đang thực hiện.',
    };
  }
  const rows = last.ii6a;
  const year = last.planYear !== undefined ? ` năm ${last.planYear}` : ' năm trước';
  if (rows.length === 0) return { key: 'c14', code: '14', fromFiles: false, evidence: `Kế hoạch${year} không có hoạt động nào trong Biểu II.6.A.` };
  const now = new Set([...(plan?.ii6a ?? []), ...(plan?.ii6b ?? [])].map(activityKey));
  const again = rows.filter((a) => now.has(activityKey(a)));
  const rest = rows.length - again.length;
  const lines = [
    `Biểu II.6.A của kế hoạch${year}: ${rows.length} hoạt động.`,
    again.length > 0
      ? `${again.length} hoạt động được đề xuất lại trong kế hoạch năm nay (coi như chưa thực hiện): ${list(again.map((a) => `"${a.activity}"`), 4)}.`
      : 'Không hoạt động nào được đề xuất lại trong kế hoạch năm nay.',
  ];
  if (rest / rows.length <= DONE_MIN) {
    lines.push(`Nhiều nhất ${rest}/${rows.length} hoạt động (${pct(rest, rows.length)}) có thể đã thực hiện: không quá 60%.`);
    return { key: 'c14', code: '14', answer: 'Không', fromFiles: true, evidence: lines.join('\n') };
  }
  lines.push(`Xã xác định trong ${rest} hoạt động còn lại những hoạt động đã hoặc đang thực hiện: từ ${Math.floor(rows.length * DONE_MIN) + 1}/${rows.length} trở lên (trên 60%) thì đánh dấu Có.`);
  return { key: 'c14', code: '14', fromFiles: false, evidence: lines.join('\n') };
}

const LEFT: Readonly<Record<string, string>> = {
  c1: 'Xã tự đánh giá: thành phần tổ công tác không có trong các tệp.',
  c2: 'Xã tự đánh giá: thành phần tổ công tác thôn không có trong các tệp.',
  c6: 'Xã tự đánh giá: phỏng vấn hộ dân.',
  c7: 'Xã tự đánh giá: phỏng vấn hộ dân.',
  c11: 'Xã tự đánh giá: công văn gửi kế hoạch lên cấp trên.',
  c12: 'Xã tự đánh giá: phiếu phản hồi của cấp trên.',
  c13: 'Xã tự đánh giá: Nghị quyết của HĐND xã.',
};

/** The fourteen criteria of II.1 in the form's order, pre-scored from the files where they can be. */
export function assessCriteria(input: AssessmentInput): AssessedCriterion[] {
  const found = new Map<string, AssessedCriterion>(
    [criterion3(input), criterion4(input), criterion5(input), criterion8(input.plan), criterion9(input.plan), criterion10(input.plan), criterion14(input.plan, input.lastYear)].map((c) => [c.key, c]),
  );
  const table = formOfYear(getForm('II.1'), input.plan?.planYear).blocks.find((b) => b.kind === 'table');
  const rows = table && table.kind === 'table' ? table.rows : [];
  return rows.flatMap((r): AssessedCriterion[] => {
    if (r.kind !== 'fixed') return [];
    return [found.get(r.key) ?? { key: r.key, code: r.code ?? '', fromFiles: false, evidence: LEFT[r.key] ?? 'Xã tự đánh giá.' }];
  });
}

/** II.1 as a sheet: the answers the files decide, each criterion's evidence in "Ghi chú"; the rest for the commune. */
export function assessmentLayout(criteria: readonly AssessedCriterion[], options: { readonly planYear?: number; readonly communeName?: string; readonly sheetName?: string } = {}): SheetLayout {
  const values: Record<string, Record<string, LayoutValue>> = {};
  for (const c of criteria) values[c.key] = { ...(c.answer ? { answer: c.answer } : {}), note: c.evidence };
  // The evidence is the long text here: "Ghi chú" takes the width the form gives the basis and the criterion.
  const form = formOfYear(getForm('II.1'), options.planYear);
  const widths: Readonly<Record<string, number>> = { stt: 5, criterion: 36, answer: 8, basis: 40, note: 48 };
  const widened: FormDefinition = {
    ...form,
    blocks: form.blocks.map((b): Block => (b.kind === 'table' ? { ...b, columns: b.columns.map((c) => ({ ...c, width: widths[c.key] ?? c.width })) } : b)),
  };
  return layoutForm(widened, {
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
    ...(options.communeName ? { unitName: options.communeName } : {}),
    sheetName: options.sheetName ?? 'II.1',
    fixedValues: { criteria: values },
  });
}
