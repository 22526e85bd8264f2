/**
 * The handout for the commune's planning conference (step 4, L690: the draft plan presented to
 * the villages' representatives, departments and the level above): one or two A4 pages drawn from
 * the consolidated plan — the money by topic and by source, the villages' share of the money
 * against the handbook's 75% (L677) on the three bases the consolidation's check shows
 * (workflow/plan/checks.ts: the rule's Ngân sách first, then all outside money and all resources),
 * and the list of the proposals awaiting funding in the order of their rank (II.6.B by Ưu tiên).
 * Each figure has its bar, drawn with characters in a table column, labelled with its scale, so
 * the page prints the same in Word, LibreOffice and on any printer.
 *
 * The villages' activities are those the consolidation marks as theirs: "(Thôn …)" after the name,
 * or the villages a merged row lists in its place (feedback.ts `villagesOf`).
 */
import { formatVnNumber } from '../text';
import { VILLAGE_SHARE_MIN } from '../workflow/plan';
import type { Topic } from '../workflow/types';
import { TOPICS, TOPIC_LABELS } from '../workflow/types';
import { villagesOf } from './feedback';
import type { DocBlock, DocColumn, DocRow, DocumentModel, TableBlock } from './model';
import { heading, para, run } from './model';
import { placeName, shortSource } from './plan-document';
import type { ActivityRow, PlanData } from './read';

/** Characters of the longest bar. */
export const BAR_WIDTH = 10;
const FULL = '█';
const HALF = '▌';
const EMPTY = '░';
const MARK = '│';

/** A bar of `value / max` of BAR_WIDTH characters, to the half character. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (!(max > 0) || !(value > 0)) return '';
  const halves = Math.max(1, Math.round((Math.min(value, max) / max) * width * 2));
  return FULL.repeat(Math.floor(halves / 2)) + (halves % 2 === 1 ? HALF : '');
}

/** Triệu đồng from 1.000 đồng, one decimal: the handout's unit, as II.6.C counts. */
const million = (n: number): string => formatVnNumber(Math.round(n / 100) / 10);
const percent = (x: number): string => `${formatVnNumber(Math.round(x * 1000) / 10)}%`;

export interface TopicLine {
  readonly topic: Topic;
  readonly count: number;
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
}

/** The plan's money by topic, II.6.A and II.6.B together (1.000 đồng). */
export function byTopic(plan: PlanData): TopicLine[] {
  const rows = [...plan.ii6a, ...plan.ii6b];
  return (TOPICS as readonly Topic[]).flatMap((topic): TopicLine[] => {
    const r = rows.filter((a) => a.topic === topic);
    if (r.length === 0) return [];
    const sum = (f: (a: ActivityRow) => number) => r.reduce((s, a) => s + f(a), 0);
    return [{ topic, count: r.length, total: sum((a) => a.total), contribution: sum((a) => a.contribution), budget: sum((a) => a.budget), proposed: sum((a) => a.proposed) }];
  });
}

export interface SourceLine {
  readonly label: string;
  readonly amount: number;
}

/**
 * The money by where it comes from: the people's contribution; the Ngân sách of each fund source
 * II.6.A names (the catalogue's short name); the Đề xuất still without a source.
 */
export function bySource(plan: PlanData): SourceLine[] {
  const rows = [...plan.ii6a, ...plan.ii6b];
  const out: SourceLine[] = [{ label: 'Dân góp', amount: rows.reduce((s, a) => s + a.contribution, 0) }];
  const funds = new Map<string, number>();
  for (const a of rows) {
    if (!(a.budget > 0)) continue;
    const name = a.fundSource ? `Ngân sách: ${shortSource(a.fundSource, plan.period)}` : 'Ngân sách (chưa ghi tên nguồn vốn)';
    funds.set(name, (funds.get(name) ?? 0) + a.budget);
  }
  out.push(...[...funds.entries()].sort((a, b) => b[1] - a[1]).map(([label, amount]) => ({ label, amount })));
  out.push({ label: 'Đề xuất (chưa rõ nguồn vốn)', amount: rows.reduce((s, a) => s + a.proposed, 0) });
  return out.filter((l) => l.amount > 0);
}

export interface ShareLine {
  readonly base: 'budget' | 'outside' | 'all';
  readonly label: string;
  readonly village: number;
  readonly total: number;
  readonly share?: number;
  /** The base the handbook's rule uses. */
  readonly rule: boolean;
}

/** Whether the consolidation marks an activity as a village's. */
export const fromVillage = (a: ActivityRow): boolean => villagesOf(a).length > 0;

/** The villages' share on the three bases of the consolidation's check, the rule's (Ngân sách) first. */
export function villageShareLines(plan: PlanData): ShareLine[] {
  const rows = [...plan.ii6a, ...plan.ii6b];
  const bases: readonly { base: ShareLine['base']; label: string; amount: (a: ActivityRow) => number }[] = [
    { base: 'budget', label: 'Vốn Ngân sách (đã rõ nguồn) xã phân bổ — cơ sở Sổ tay dùng', amount: (a) => a.budget },
    { base: 'outside', label: 'Vốn cần từ bên ngoài (Ngân sách + Đề xuất)', amount: (a) => a.budget + a.proposed },
    { base: 'all', label: 'Toàn bộ nguồn lực (Dân góp + Ngân sách + Đề xuất)', amount: (a) => a.total },
  ];
  return bases.map(({ base, label, amount }) => {
    const total = rows.reduce((s, a) => s + amount(a), 0);
    const village = rows.filter(fromVillage).reduce((s, a) => s + amount(a), 0);
    return { base, label, village, total, ...(total > 0 ? { share: village / total } : {}), rule: base === 'budget' };
  });
}

const col = (key: string, header: string, width: number, align?: DocColumn['align']): DocColumn => ({ key, header, width, ...(align ? { align } : {}) });

function topicTable(lines: readonly TopicLine[]): TableBlock {
  const max = Math.max(0, ...lines.map((l) => l.total));
  const rows: DocRow[] = lines.map((l) => ({
    kind: 'data',
    cells: { topic: TOPIC_LABELS[l.topic], count: String(l.count), total: million(l.total), contribution: million(l.contribution), outside: million(l.budget + l.proposed), bar: bar(l.total, max) },
  }));
  const sum = (f: (l: TopicLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  rows.push({ kind: 'total', cells: { topic: 'Tổng cộng', count: String(sum((l) => l.count)), total: million(sum((l) => l.total)), contribution: million(sum((l) => l.contribution)), outside: million(sum((l) => l.budget + l.proposed)) } });
  return {
    kind: 'table',
    columns: [col('topic', 'Chủ đề', 30), col('count', 'Số hoạt động', 12, 'center'), col('total', 'Tổng số', 14, 'right'), col('contribution', 'Dân góp', 13, 'right'), col('outside', 'Cần hỗ trợ', 13, 'right'), col('bar', `Tổng số (mỗi ${FULL} = ${million(max / BAR_WIDTH)} tr.đ)`, 30)],
    rows,
    unit: 'Đơn vị tính: triệu đồng',
    compact: true,
  };
}

function sourceTable(lines: readonly SourceLine[]): TableBlock {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const rows: DocRow[] = lines.map((l) => ({ kind: 'data', cells: { label: l.label, amount: million(l.amount), share: total > 0 ? percent(l.amount / total) : '', bar: bar(l.amount, total) } }));
  rows.push({ kind: 'total', cells: { label: 'Tổng cộng', amount: million(total), share: '100%' } });
  return {
    kind: 'table',
    columns: [col('label', 'Nguồn', 50), col('amount', 'Số tiền', 14, 'right'), col('share', 'Tỷ lệ', 10, 'right'), col('bar', `Tỷ lệ (${FULL.repeat(BAR_WIDTH)} = 100%)`, 30)],
    rows,
    unit: 'Đơn vị tính: triệu đồng',
    compact: true,
  };
}

/** A gauge of BAR_WIDTH characters, █ for the share and ░ for the rest, with "│" at the 75% mark. */
export function shareBar(share: number | undefined): string {
  if (share === undefined) return '';
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(share * BAR_WIDTH)));
  const chars = [...(FULL.repeat(filled) + EMPTY.repeat(BAR_WIDTH - filled))];
  chars.splice(Math.round(VILLAGE_SHARE_MIN * BAR_WIDTH), 0, MARK);
  return chars.join('');
}

function shareTable(lines: readonly ShareLine[]): TableBlock {
  const rows: DocRow[] = lines.map((l) => ({
    kind: 'data',
    cells: {
      label: l.label,
      village: million(l.village),
      total: million(l.total),
      share: l.share === undefined ? 'chưa có' : percent(l.share),
      bar: shareBar(l.share),
      verdict: l.share === undefined ? '' : l.rule ? (l.share >= VILLAGE_SHARE_MIN ? 'Đạt' : 'Chưa đạt') : 'Để so sánh',
    },
  }));
  return {
    kind: 'table',
    columns: [col('label', 'Cơ sở tính', 34), col('village', 'Hoạt động của thôn', 13, 'right'), col('total', 'Tổng', 12, 'right'), col('share', 'Tỷ lệ', 9, 'right'), col('bar', `Tỷ lệ (vạch │ = 75%)`, 25), col('verdict', 'Yêu cầu ≥ 75%', 11, 'center')],
    rows,
    unit: 'Đơn vị tính: triệu đồng',
    compact: true,
  };
}

/** Every proposal awaiting funding, ranked first (the delegates vote on all of them: none left out). */
function rankedTable(rows: readonly ActivityRow[]): TableBlock {
  const shown = [...rows].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
  const max = Math.max(0, ...shown.map((a) => a.proposed + a.budget));
  const out: DocRow[] = shown.map((a) => ({
    kind: 'data',
    cells: { priority: a.priority !== undefined ? String(a.priority) : '–', activity: a.activity, place: a.place ?? '', asked: million(a.proposed + a.budget), bar: bar(a.proposed + a.budget, max, 8) },
  }));
  return {
    kind: 'table',
    columns: [col('priority', 'Ưu tiên', 8, 'center'), col('activity', 'Hoạt động', 44), col('place', 'Địa điểm', 18), col('asked', 'Đề xuất', 11, 'right'), col('bar', `Đề xuất (mỗi ${FULL} = ${million(max / 8)} tr.đ)`, 20)],
    rows: out,
    unit: 'Đơn vị tính: triệu đồng',
    compact: true,
  };
}

/** The conference handout of the plan read. */
export function handoutDocument(plan: PlanData): DocumentModel {
  const y = plan.planYear;
  const place = placeName(plan.communeName);
  const all = [...plan.ii6a, ...plan.ii6b];
  const total = all.reduce((s, a) => s + a.total, 0);
  const title = `TÓM TẮT DỰ THẢO KẾ HOẠCH ${place ? `XÃ ${place.toLocaleUpperCase('vi')} ` : ''}NĂM ${y ?? '……'}`;
  const blocks: DocBlock[] = [
    { kind: 'title', lines: [title], subtitle: [run('(Tài liệu phát cho đại biểu dự Hội nghị kế hoạch xã — bước 4; số liệu từ Biểu II.6.A và II.6.B đã tổng hợp)', { italic: true })] },
    para(
      [
        run(`Kế hoạch gồm ${all.length} hoạt động, tổng nguồn lực ${million(total)} triệu đồng: `),
        run(`${plan.ii6a.length} hoạt động đã rõ nguồn lực (Biểu II.6.A, ${million(plan.ii6a.reduce((s, a) => s + a.total, 0))} triệu đồng)`, { bold: true }),
        run(' và '),
        run(`${plan.ii6b.length} hoạt động đề xuất chưa rõ nguồn vốn (Biểu II.6.B, ${million(plan.ii6b.reduce((s, a) => s + a.total, 0))} triệu đồng)`, { bold: true }),
        run('.'),
      ],
      'justify',
    ),
    heading(2, '1. Nguồn lực theo chủ đề'),
    topicTable(byTopic(plan)),
    heading(2, '2. Nguồn lực theo nguồn vốn'),
    sourceTable(bySource(plan)),
    heading(2, '3. Tỷ lệ nguồn lực cho các hoạt động do thôn đề xuất'),
    para([run('Sổ tay yêu cầu các hoạt động do thôn đề xuất chiếm ít nhất 75% nguồn lực xã dành cho các hoạt động; hai cơ sở sau để so sánh.', { italic: true })], 'justify'),
    shareTable(villageShareLines(plan)),
  ];
  if (plan.ii6b.length > 0) {
    const table = rankedTable(plan.ii6b);
    blocks.push(heading(2, '4. Các hoạt động đề xuất chưa rõ nguồn vốn, theo thứ tự ưu tiên (Biểu II.6.B)'));
    if (!plan.ii6b.some((a) => a.priority !== undefined)) blocks.push(para([run('Biểu II.6.B chưa xếp ưu tiên: các hoạt động theo thứ tự trong biểu.', { italic: true })]));
    blocks.push(table);
  }
  return { id: 'handout', title, fileName: 'Tom-tat-hoi-nghi', blocks };
}
