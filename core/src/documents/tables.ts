/**
 * The plan's tables as they appear in the drafted documents: II.6.A and II.6.B in full (the
 * annexes the handbook asks to attach in place of section 5, L2741-L2744), a summary of each by
 * topic for the body, and II.6.C's lines. Totals are added up here from the rows read, group by
 * group, as the sheets add them. Money as the forms count it: 1.000 đồng for activities, triệu
 * đồng for II.6.C.
 */
import { getForm, tablesOf } from '../forms/registry';
import { formatVnNumber } from '../text';
import { readFlags } from '../workflow/classify';
import type { ThemeFlags } from '../workflow/types';
import type { Topic } from '../workflow/types';
import { TOPICS, TOPIC_LABELS, topicHeading } from '../workflow/types';
import type { DocColumn, DocRow, TableBlock } from './model';
import type { ActivityRow, FundingLine } from './read';

export const money = (n: number): string => formatVnNumber(Math.round(n * 1000) / 1000);

/** Sum of the money of some rows. */
export interface Sums {
  readonly count: number;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
}

export function sums(rows: readonly ActivityRow[]): Sums {
  return rows.reduce<Sums>(
    (s, r) => ({ count: s.count + 1, total: s.total + r.total, contribution: s.contribution + r.contribution, budget: s.budget + r.budget, proposed: s.proposed + r.proposed }),
    { count: 0, total: 0, contribution: 0, budget: 0, proposed: 0 },
  );
}

/** The group rows of II.6.A as the form prints them (A, B, Vốn đầu tư phát triển and its four states, Vốn sự nghiệp). */
function ii6aGroups(): Map<string, { code?: string; label: string }> {
  const out = new Map<string, { code?: string; label: string }>();
  for (const t of tablesOf(getForm('II.6.A'))) for (const r of t.rows) if (r.kind === 'group') out.set(r.key, { ...(r.code ? { code: r.code } : {}), label: r.label });
  return out;
}

const INVESTMENT = ['investment-completed', 'investment-finishing', 'investment-ongoing', 'investment-new'] as const;

function group(code: string | undefined, label: string): DocRow {
  return { kind: 'group', cells: code ? { stt: code } : {}, label };
}

type Kind = 'ii6a' | 'ii6b';

/**
 * The marks the handbook asks for when the activities are consolidated (Phụ lục 1, L3811: those
 * that meet women's needs or benefit women, reduce disaster risk and adapt to climate change,
 * improve access to markets) and those its ranking favours (L704, L706, L3517: many poor women
 * benefiting, public jobs created) — the flags the classification reads from an activity's
 * words (workflow/classify.ts `readFlags`, as the consolidation and the ranking's tie-break do).
 */
export const MARKS: readonly { readonly flag: keyof ThemeFlags; readonly key: string; readonly header: string }[] = [
  { flag: 'women', key: 'markWomen', header: 'Phụ nữ' },
  { flag: 'poorWomen', key: 'markPoorWomen', header: 'PN nghèo' },
  { flag: 'publicJobs', key: 'markPublicJobs', header: 'Việc làm công' },
  { flag: 'disasterRisk', key: 'markDisaster', header: 'Thiên tai, BĐKH' },
  { flag: 'market', key: 'markMarket', header: 'Thị trường' },
];

/** The note printed under an annex: how the marks in "Nội dung khác" were set, and that the commune checks them. */
export const MARKS_NOTE =
  'Cột "Nội dung khác (nếu cần)" ghi các đánh dấu theo Sổ tay: Phụ nữ — hoạt động đáp ứng nhu cầu hoặc có đối tượng hưởng lợi là phụ nữ; PN nghèo — có đông phụ nữ nghèo hưởng lợi; Việc làm công — tạo việc làm công; Thiên tai, BĐKH — giảm rủi ro thiên tai và thích ứng biến đổi khí hậu; Thị trường — thúc đẩy tiếp cận thị trường (Sổ tay, Phụ lục 1 và tiêu chí xếp ưu tiên). LKH đánh dấu theo từ ngữ trong tên, mục tiêu và ghi chú của hoạt động; Tổ công tác LKH xã rà soát, bổ sung.';

/** What "Nội dung khác" says of an activity's marks: "Đánh dấu: Phụ nữ, PN nghèo" (empty: none). */
export function marksText(flags: ThemeFlags): string {
  const on = MARKS.filter((m) => flags[m.flag]).map((m) => m.header);
  return on.length > 0 ? `Đánh dấu: ${on.join(', ')}` : '';
}

/** The flags of an activity of the plan, from its words (its name, objective and notes). */
export function activityFlags(r: ActivityRow): ThemeFlags {
  return readFlags(r.activity, r.objective, r.other, r.mechanism);
}

/**
 * The columns of II.6.A (L2211-L2238) and II.6.B (L2410-L2438) as the handbook draws them:
 * STT, Ưu tiên, Hoạt động, Mục tiêu, ĐVT, Số lượng, Tổ chức thực hiện (Thời gian, Địa điểm, Người
 * chịu trách nhiệm), Nguồn lực (Tổng số, Dân góp, Ngân sách, Đề xuất), Ngành/Lĩnh vực, Tên nguồn
 * vốn, Cơ chế thực hiện, Nội dung khác. Widths in points of the 714 pt a landscape page holds:
 * an amount of 9 digits fits its column on one line at 9 pt, names wrap on two or three.
 */
function columns(kind: Kind): DocColumn[] {
  return [
    { key: 'stt', header: 'STT', width: 27, align: 'center' },
    { key: 'priority', header: 'Ưu tiên', width: 24, align: 'center' },
    { key: 'activity', header: 'Hoạt động', width: 76 },
    { key: 'objective', header: 'Mục tiêu', width: 45 },
    { key: 'unit', header: 'ĐVT', width: 28, align: 'center' },
    { key: 'quantity', header: 'Số lượng', width: 34, align: 'right' },
    { key: 'time', header: 'Thời gian', width: 36, align: 'center' },
    { key: 'place', header: 'Địa điểm', width: 38 },
    { key: 'responsible', header: 'Người chịu trách nhiệm', width: 42 },
    { key: 'total', header: 'Tổng số', width: 48, align: 'right' },
    { key: 'contribution', header: 'Dân góp', width: 48, align: 'right' },
    { key: 'budget', header: 'Ngân sách (đã rõ nguồn vốn)', width: 48, align: 'right' },
    { key: 'proposed', header: 'Đề xuất (chưa rõ nguồn vốn)', width: 48, align: 'right' },
    { key: 'sector', header: 'Ngành/ Lĩnh vực', width: 40 },
    { key: 'fundSource', header: kind === 'ii6a' ? 'Tên nguồn vốn' : 'Tên nguồn vốn (dự kiến)', width: 54 },
    { key: 'mechanism', header: 'Cơ chế thực hiện', width: 42 },
    { key: 'other', header: 'Nội dung khác (nếu cần)', width: 44 },
  ];
}

function dataRow(r: ActivityRow, n: number, shortSource: (s: string) => string): DocRow {
  const other = [r.other ?? '', marksText(activityFlags(r))].filter((x) => x.trim() !== '').join('; ');
  return {
    kind: 'data',
    cells: {
      stt: String(n),
      ...(r.priority !== undefined ? { priority: String(r.priority) } : {}),
      activity: r.activity,
      objective: r.objective ?? '',
      unit: r.unit ?? '',
      quantity: r.quantityValue !== undefined && r.quantity === String(r.quantityValue) ? formatVnNumber(r.quantityValue) : (r.quantity ?? ''),
      time: r.time ?? '',
      place: r.place ?? '',
      responsible: (r.responsible ?? '').replace(/\s*\n\s*/g, ', '),
      total: money(r.total),
      contribution: money(r.contribution),
      budget: money(r.budget),
      proposed: money(r.proposed),
      sector: r.sector ?? '',
      fundSource: r.fundSource ? shortSource(r.fundSource) : '',
      mechanism: r.mechanism ?? '',
      other,
    },
  };
}

function totalRow(label: string, s: Sums): DocRow {
  return {
    kind: 'total',
    cells: { activity: `${label} (${s.count} hoạt động)`, total: money(s.total), contribution: money(s.contribution), budget: money(s.budget), proposed: money(s.proposed) },
  };
}

/** Rows of one list by topic, numbered from `start`, with a subtotal per topic. */
function byTopic(rows: readonly ActivityRow[], start: number, shortSource: (s: string) => string): { out: DocRow[]; next: number } {
  const out: DocRow[] = [];
  let n = start;
  for (const t of TOPICS) {
    const inTopic = rows.filter((r) => r.topic === t);
    if (inTopic.length === 0) continue;
    out.push(group(undefined, topicHeading(t)));
    for (const r of inTopic) out.push(dataRow(r, n++, shortSource));
    out.push(totalRow('Cộng', sums(inTopic)));
  }
  return { out, next: n };
}

/** Type of the annexes' tables: 17 columns on a landscape page, still readable once printed. */
export const ANNEX_PT = 9;

/** The handbook's two bands over the columns: Tổ chức thực hiện, Nguồn lực (1.000đ). */
const BANDS: readonly (readonly [string, string, string])[] = [
  ['time', 'responsible', 'Tổ chức thực hiện'],
  ['total', 'proposed', 'Nguồn lực (1.000đ)'],
];

const byPriority = (a: ActivityRow, b: ActivityRow) => (a.priority ?? Infinity) - (b.priority ?? Infinity);

/**
 * II.6.A in full, as the form lays it out: A by topic; B under Vốn đầu tư phát triển (its four
 * project states) and Vốn sự nghiệp, each with its subtotal; Cộng A, Cộng B, Tổng cộng (A+B).
 */
export function ii6aTable(rows: readonly ActivityRow[], shortSource: (s: string) => string = (s) => s): TableBlock {
  const groups = ii6aGroups();
  const g = (key: string): DocRow => {
    const x = groups.get(key);
    return group(x?.code, x?.label ?? key);
  };
  const a = rows.filter((r) => r.group === 'no-outside-money' || r.group === undefined);
  const b = rows.filter((r) => !(r.group === 'no-outside-money' || r.group === undefined));
  const out: DocRow[] = [g('no-outside-money')];
  const partA = byTopic(a, 1, shortSource);
  out.push(...partA.out, totalRow('Cộng A', sums(a)), g('outside-money'));
  let n = partA.next;
  const loose = b.filter((r) => r.group === 'outside-money');
  for (const r of loose) out.push(dataRow(r, n++, shortSource));
  const investment = b.filter((r) => (INVESTMENT as readonly string[]).includes(r.group ?? ''));
  if (investment.length > 0) {
    out.push(g('investment'));
    for (const k of INVESTMENT) {
      const inGroup = investment.filter((r) => r.group === k).sort(byPriority);
      if (inGroup.length === 0) continue;
      out.push(g(k));
      for (const r of inGroup) out.push(dataRow(r, n++, shortSource));
      out.push(totalRow('Cộng', sums(inGroup)));
    }
  }
  const recurrent = b.filter((r) => r.group === 'recurrent').sort(byPriority);
  if (recurrent.length > 0) {
    out.push(g('recurrent'));
    for (const r of recurrent) out.push(dataRow(r, n++, shortSource));
    out.push(totalRow('Cộng', sums(recurrent)));
  }
  out.push(totalRow('Cộng B', sums(b)), totalRow('Tổng cộng (A+B)', sums(rows)));
  return { kind: 'table', columns: columns('ii6a'), rows: out, unit: 'Đơn vị tính: 1.000 đồng', band: BANDS, fontSize: ANNEX_PT };
}

/** II.6.B in full: ranked rows first, by rank, then the others; the total. */
export function ii6bTable(rows: readonly ActivityRow[]): TableBlock {
  const sorted = [...rows].sort(byPriority);
  const out: DocRow[] = sorted.map((r, i) => dataRow(r, i + 1, (s) => s));
  out.push(totalRow('Tổng cộng', sums(rows)));
  return { kind: 'table', columns: columns('ii6b'), rows: out, unit: 'Đơn vị tính: 1.000 đồng', band: BANDS, fontSize: ANNEX_PT };
}

/** A list summed by topic, for the body: Chủ đề, số hoạt động, Tổng số, Dân góp, Ngân sách or Đề xuất. */
export function topicSummaryTable(rows: readonly ActivityRow[], outside: 'budget' | 'proposed'): TableBlock {
  const cols: DocColumn[] = [
    { key: 'topic', header: 'Chủ đề', width: 46 },
    { key: 'count', header: 'Số hoạt động', width: 16, align: 'center' },
    { key: 'total', header: 'Tổng số', width: 22, align: 'right' },
    { key: 'contribution', header: 'Dân góp', width: 20, align: 'right' },
    { key: outside, header: outside === 'budget' ? 'Ngân sách' : 'Đề xuất', width: 20, align: 'right' },
  ];
  const line = (label: string, s: Sums, kind: DocRow['kind']): DocRow => ({
    kind,
    cells: { topic: label, count: String(s.count), total: money(s.total), contribution: money(s.contribution), [outside]: money(s[outside]) },
  });
  const out: DocRow[] = [];
  for (const t of TOPICS as readonly Topic[]) {
    const inTopic = rows.filter((r) => r.topic === t);
    if (inTopic.length > 0) out.push(line(TOPIC_LABELS[t], sums(inTopic), 'data'));
  }
  out.push(line('Tổng cộng', sums(rows), 'total'));
  return { kind: 'table', columns: cols, rows: out, unit: 'Đơn vị tính: 1.000 đồng' };
}

/** II.6.C's lines (triệu đồng), as the sheet holds them. */
export function ii6cTable(lines: readonly FundingLine[]): TableBlock {
  const cols: DocColumn[] = [
    { key: 'stt', header: 'STT', width: 9, align: 'center' },
    { key: 'label', header: 'Hạng mục', width: 64 },
    { key: 'total', header: 'Tổng số', width: 18, align: 'right' },
    { key: 'contribution', header: 'Dân góp', width: 16, align: 'right' },
    { key: 'budget', header: 'Ngân sách', width: 17, align: 'right' },
    { key: 'proposed', header: 'Đề xuất', width: 17, align: 'right' },
  ];
  const cell = (n: number | undefined) => (n === undefined ? '' : money(n));
  const rows: DocRow[] = lines.map((l) => ({
    kind: l.key === 'grand-total' || /^[IVX]+$/.test(l.code ?? '') ? 'total' : 'data',
    cells: { stt: l.code ?? '', label: l.note ? `${l.label} (${l.note.charAt(0).toLowerCase()}${l.note.slice(1)})` : l.label, total: cell(l.total), contribution: cell(l.contribution), budget: cell(l.budget), proposed: cell(l.proposed) },
  }));
  return { kind: 'table', columns: cols, rows, unit: 'Đơn vị tính: triệu đồng', band: [['total', 'proposed', 'Nhu cầu kinh phí dự kiến theo nguồn (Tr. đ)']] };
}
