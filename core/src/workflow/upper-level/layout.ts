/**
 * The upper level's sheets, as host-neutral layouts (pure): "Tổng hợp theo lĩnh vực" with the
 * appraisal columns, "Tổng hợp theo xã", "Xếp ưu tiên trong nguồn vốn", one "Phản hồi - <xã>"
 * per commune shaped on II.10 (L3227), and the report of what was read.
 */
import { KEY_COLUMN_HEADER } from '../../layout/engine';
import type { SimpleColumn, SimpleTable } from '../../layout/simple';
import { simpleLayout } from '../../layout/simple';
import type { LayoutValue, SheetLayout, Validation } from '../../layout/types';
import { foldKey, formatVnNumber } from '../../text';
import type { SheetData } from '../../port/types';
import type { Finding } from '../../validate/messages';
import type { LongColumn, LongRow } from './tables';
import { longLayout, readLongTable } from './tables';
import type { CommuneSummary, DistrictRollup, DistrictRow, PreviousRollup, SheetRead } from './types';
import {
  APPRAISALS_SHEET,
  COMMUNES_SHEET,
  DISTRICT_REPORT_SHEET,
  FEEDBACK_VIEW,
  FEEDBACK_PREFIX,
  FEEDBACK_TABLE,
  ONLY_IN_II4B_NOTE,
  OPINIONS,
  RANKING_SHEET,
  SUMMARY_SHEET,
  VANISHED_NOTE,
} from './types';
import { TOPICS, topicHeading } from '../types';

type Line = Readonly<Record<string, LayoutValue>> & { readonly _group?: string };

const num = (n: number): string => formatVnNumber(n, 3);

/** The columns of "Tổng hợp theo lĩnh vực"; the four appraisal columns are the offices' own. */
export const SUMMARY_COLUMNS = [
  { key: 'stt', header: 'STT', width: 5, kind: 'center' },
  { key: 'commune', header: 'Xã', width: 11 },
  { key: 'activity', header: 'Hoạt động', width: 34, kind: 'longtext' },
  { key: 'sector', header: 'Ngành/Lĩnh vực', width: 12, kind: 'longtext' },
  { key: 'form', header: 'Biểu của xã', width: 8, kind: 'center' },
  { key: 'unit', header: 'ĐVT', width: 7 },
  { key: 'quantity', header: 'Số lượng', width: 9, kind: 'number' },
  { key: 'place', header: 'Địa điểm', width: 12, kind: 'longtext' },
  { key: 'time', header: 'Thời gian', width: 10 },
  { key: 'total', header: 'Tổng số (1.000 đồng)', width: 10, kind: 'amount' },
  { key: 'contribution', header: 'Dân góp (1.000 đồng)', width: 9, kind: 'amount' },
  { key: 'budget', header: 'Ngân sách - đã rõ nguồn vốn (1.000 đồng)', width: 10, kind: 'amount' },
  { key: 'proposed', header: 'Đề xuất - chưa rõ nguồn vốn (1.000 đồng)', width: 10, kind: 'amount' },
  { key: 'fundSource', header: 'Tên nguồn vốn', width: 18, kind: 'longtext' },
  { key: 'communePriority', header: 'Ưu tiên của xã', width: 7, kind: 'center' },
  { key: 'office', header: 'Phòng/ban thẩm định', width: 11, kind: 'longtext' },
  { key: 'opinion', header: 'Ý kiến (Đồng ý / Không đồng ý)', width: 13, kind: 'center' },
  { key: 'reason', header: 'Lý do', width: 16, kind: 'longtext' },
  { key: 'upperPriority', header: 'Ưu tiên cấp trên', width: 8, kind: 'center' },
  { key: 'note', header: 'Ghi chú (LKH)', width: 12, kind: 'longtext' },
  { key: 'key', header: KEY_COLUMN_HEADER, width: 24, kind: 'key' },
] as const satisfies readonly SimpleColumn[];

export type SummaryColumnKey = (typeof SUMMARY_COLUMNS)[number]['key'];

/** Label of the group holding the rows no commune proposes any more. */
export const VANISHED_GROUP = 'Hoạt động không còn trong biểu của xã (giữ lại cùng ý kiến thẩm định)';

export type SummaryLine = { readonly kind: 'group'; readonly label: string } | { readonly kind: 'row'; readonly row: DistrictRow; readonly stt: number };

/** "1. Cơ sở hạ tầng", then "Ngành/Lĩnh vực: …" groups, then the rows; the vanished rows last. */
export function summaryLines(rows: readonly DistrictRow[]): SummaryLine[] {
  const out: SummaryLine[] = [];
  let stt = 1;
  const active = rows.filter((r) => r.status === 'active');
  const topics: readonly string[] = TOPICS;
  const buckets: { label: string; rows: DistrictRow[] }[] = TOPICS.map((t) => ({ label: topicHeading(t), rows: active.filter((r) => r.topic === t) }));
  buckets.push({ label: 'Khác', rows: active.filter((r) => !topics.includes(r.topic)) });
  for (const b of buckets) {
    if (b.rows.length === 0) continue;
    out.push({ kind: 'group', label: b.label });
    const bySector = new Map<string, { label: string; rows: DistrictRow[] }>();
    for (const r of b.rows) {
      const k = foldKey(r.sector);
      const g = bySector.get(k);
      if (g) g.rows.push(r);
      else bySector.set(k, { label: r.sector.trim() || '(chưa ghi ngành/lĩnh vực)', rows: [r] });
    }
    for (const g of bySector.values()) {
      out.push({ kind: 'group', label: `Ngành/Lĩnh vực: ${g.label}` });
      for (const r of g.rows) out.push({ kind: 'row', row: r, stt: stt++ });
    }
  }
  const vanished = rows.filter((r) => r.status === 'vanished');
  if (vanished.length > 0) {
    out.push({ kind: 'group', label: VANISHED_GROUP });
    for (const r of vanished) out.push({ kind: 'row', row: r, stt: stt++ });
  }
  return out;
}

function noteOf(r: DistrictRow): string | null {
  const parts = [r.status === 'vanished' ? VANISHED_NOTE : '', r.onlyInIi4b ? ONLY_IN_II4B_NOTE : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

function summaryValues(r: DistrictRow, stt: number): Line {
  const a = r.appraisal;
  return {
    stt,
    commune: r.commune,
    activity: r.activity,
    sector: r.sector || null,
    form: r.form || null,
    unit: r.unit ?? null,
    quantity: r.quantity ?? null,
    place: r.place ?? null,
    time: r.time ?? null,
    total: r.total,
    contribution: r.contribution,
    budget: r.budget,
    proposed: r.proposed,
    fundSource: r.fundSource ?? null,
    communePriority: r.communePriority ?? null,
    office: a.office ?? null,
    opinion: a.opinion ?? null,
    reason: a.reason ?? null,
    upperPriority: a.upperPriority ?? a.upperPriorityText ?? null,
    note: noteOf(r),
    key: r.key,
  };
}

/** The upper level as a heading: "HUYỆN ……" when only the level is named, else "TỈNH LÀO CAI". */
export function upperHeading(upper: string): string {
  const u = upper.trim();
  return /^(huyện|tỉnh|thành phố|quận|thị xã)$/iu.test(u) ? `${u.toUpperCase()} ……` : u.toUpperCase();
}

const yearSuffix = (year: number | undefined): string => (year !== undefined ? ` — NĂM KẾ HOẠCH ${year}` : '');

/** Column index of a key in a column list. */
function colOf(columns: readonly SimpleColumn[], key: string): number {
  return columns.findIndex((c) => c.key === key);
}

/** One validation per run of consecutive rows. */
function runs(rows: readonly number[], make: (row: number, count: number) => Validation): Validation[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: Validation[] = [];
  let start = -1;
  let prev = -2;
  for (const r of sorted) {
    if (r !== prev + 1) {
      if (start >= 0) out.push(make(start, prev - start + 1));
      start = r;
    }
    prev = r;
  }
  if (start >= 0) out.push(make(start, prev - start + 1));
  return out;
}

/**
 * The key column (the last one) styled small and grey, left out of the print area; the header
 * frozen on screen; validations added.
 */
function finish(layout: SheetLayout, keyCol: number | undefined, validations: readonly Validation[] = []): SheetLayout {
  const table = layout.tables[0];
  const cells =
    keyCol === undefined || !table
      ? layout.cells
      : layout.cells.map((c) => (c.col !== keyCol || c.row < table.headerRow ? c : { ...c, style: c.row === table.headerRow ? ('keyHeader' as const) : ('key' as const) }));
  return {
    ...layout,
    cells,
    validations: [...layout.validations, ...validations],
    ...(table ? { freeze: { rows: table.bodyRow, cols: 0 } } : {}),
    print: keyCol === undefined ? layout.print : { ...layout.print, area: { ...layout.print.area, cols: keyCol } },
  };
}

/** "Tổng hợp theo lĩnh vực": every activity of every commune, by topic and sector, with the appraisal columns. */
export function summaryLayout(rollup: DistrictRollup): SheetLayout {
  const lines = summaryLines(rollup.rows);
  const rows: Line[] = lines.map((l) => (l.kind === 'group' ? { _group: l.label } : summaryValues(l.row, l.stt)));
  const active = rollup.rows.filter((r) => r.status === 'active');
  const sum = (k: 'total' | 'contribution' | 'budget' | 'proposed') => active.reduce((s, r) => s + r[k], 0);
  rows.push({ activity: 'Tổng cộng', total: sum('total'), contribution: sum('contribution'), budget: sum('budget'), proposed: sum('proposed') });
  const upper = rollup.upperLevel;
  const layout = simpleLayout({
    name: SUMMARY_SHEET,
    title: `TỔNG HỢP ĐỀ XUẤT CỦA CÁC XÃ THEO NHÓM NGÀNH, LĨNH VỰC — ${upperHeading(upper)}${yearSuffix(rollup.planYear)}`,
    lines: [
      `Từ Biểu II.6.A và II.6.B của ${rollup.communes.length} xã: ${rollup.reconciliation.read.count} hoạt động, Tổng số ${num(rollup.reconciliation.read.amount)} nghìn đồng. Đơn vị tiền: 1.000 đồng.`,
      `Các phòng/ban của ${upper} ghi vào bốn cột thẩm định: "Phòng/ban thẩm định", "Ý kiến" (chọn Đồng ý hoặc Không đồng ý), "Lý do" (ghi rõ khi không đồng ý) và "Ưu tiên cấp trên" (1 = cao nhất, cho các hoạt động II.6.B). Khi tổng hợp lại, các ý kiến được giữ theo cột "${KEY_COLUMN_HEADER}": không xóa, không sửa cột này.`,
    ],
    tables: [{ key: 'activities', columns: SUMMARY_COLUMNS, rows }],
  });
  const body = layout.tables[0].bodyRow;
  const dataRows = lines.flatMap((l, i) => (l.kind === 'row' ? [body + i] : []));
  const opinionCol = colOf(SUMMARY_COLUMNS, 'opinion');
  const priorityCol = colOf(SUMMARY_COLUMNS, 'upperPriority');
  const validations = [
    ...runs(dataRows, (row, count): Validation => ({ kind: 'list', row, col: opinionCol, rows: count, cols: 1, values: [...OPINIONS] })),
    ...runs(dataRows, (row, count): Validation => ({ kind: 'whole', row, col: priorityCol, rows: count, cols: 1, min: 1 })),
  ];
  return finish(layout, colOf(SUMMARY_COLUMNS, 'key'), validations);
}

const COMMUNE_COLUMNS: readonly SimpleColumn[] = [
  { key: 'stt', header: 'STT', width: 5, kind: 'center' },
  { key: 'commune', header: 'Xã', width: 16 },
  { key: 'count', header: 'Số hoạt động', width: 8, kind: 'number' },
  { key: 'total', header: 'Tổng số (1.000 đồng)', width: 10, kind: 'amount' },
  { key: 'contribution', header: 'Dân góp (1.000 đồng)', width: 9, kind: 'amount' },
  { key: 'budget', header: 'Ngân sách (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'proposed', header: 'Đề xuất (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'ii6aCount', header: 'II.6.A: số hoạt động', width: 8, kind: 'number' },
  { key: 'ii6bCount', header: 'II.6.B: số hoạt động', width: 8, kind: 'number' },
  { key: 'ii6bTotal', header: 'II.6.B: Tổng số (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'ii6bProposed', header: 'II.6.B: Đề xuất (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'iii1', header: 'III.1: kinh phí dự kiến (triệu đồng)', width: 11, kind: 'amount' },
  { key: 'ii6aBudget', header: 'II.6.A: Ngân sách (triệu đồng)', width: 11, kind: 'amount' },
  { key: 'iii1Check', header: 'So với III.1', width: 14, kind: 'longtext' },
  { key: 'accepted', header: 'Đồng ý', width: 7, kind: 'number' },
  { key: 'rejected', header: 'Không đồng ý', width: 7, kind: 'number' },
  { key: 'pending', header: 'Chưa có ý kiến', width: 7, kind: 'number' },
  { key: 'reconciled', header: 'Đối chiếu', width: 10, kind: 'center' },
];

function iii1Text(c: CommuneSummary): string {
  if (!c.iii1) return 'Chưa có III.1';
  const over = c.iii1.checks.filter((k) => k.passed === false);
  if (!c.iii1.within) return `Vượt ${num(c.iii1.ii6aBudget - c.iii1.total)} triệu đồng`;
  if (over.length > 0) return `Vượt mức ${over.length} nguồn vốn`;
  return 'Trong mức';
}

/** "Tổng hợp theo xã": per commune, counts and sums, II.6.B, III.1 against II.6.A's Ngân sách, appraisals. */
export function communesLayout(rollup: DistrictRollup): SheetLayout {
  const rows: Line[] = rollup.communes.map((c, i) => ({
    stt: i + 1,
    commune: c.name,
    count: c.count,
    total: c.total,
    contribution: c.contribution,
    budget: c.budget,
    proposed: c.proposed,
    ii6aCount: c.ii6a.count,
    ii6bCount: c.ii6b.count,
    ii6bTotal: c.ii6b.total,
    ii6bProposed: c.ii6b.proposed,
    iii1: c.iii1 ? c.iii1.total : null,
    ii6aBudget: c.iii1 ? c.iii1.ii6aBudget : Math.round(c.ii6a.budget) / 1000,
    iii1Check: iii1Text(c),
    accepted: c.verdicts.accepted,
    rejected: c.verdicts.rejected,
    pending: c.verdicts.pending,
    reconciled: c.reconciliation.balanced ? 'Khớp' : 'KHÔNG KHỚP',
  }));
  const s = (f: (c: CommuneSummary) => number) => rollup.communes.reduce((n, c) => n + f(c), 0);
  const withIii1 = rollup.communes.filter((c) => c.iii1);
  rows.push({
    commune: 'Tổng cộng',
    count: s((c) => c.count),
    total: s((c) => c.total),
    contribution: s((c) => c.contribution),
    budget: s((c) => c.budget),
    proposed: s((c) => c.proposed),
    ii6aCount: s((c) => c.ii6a.count),
    ii6bCount: s((c) => c.ii6b.count),
    ii6bTotal: s((c) => c.ii6b.total),
    ii6bProposed: s((c) => c.ii6b.proposed),
    iii1: withIii1.length > 0 ? withIii1.reduce((n, c) => n + (c.iii1?.total ?? 0), 0) : null,
    ii6aBudget: s((c) => c.ii6a.budget) / 1000,
    accepted: s((c) => c.verdicts.accepted),
    rejected: s((c) => c.verdicts.rejected),
    pending: s((c) => c.verdicts.pending),
    reconciled: rollup.reconciliation.balanced ? 'Khớp' : 'KHÔNG KHỚP',
  });
  const tables: SimpleTable[] = [{ key: 'communes', columns: COMMUNE_COLUMNS, rows }];
  const checks = rollup.communes.flatMap((c) => (c.iii1?.checks ?? []).map((k) => ({ c, k })));
  if (checks.length > 0) {
    tables.push({
      key: 'iii1-checks',
      caption: 'Kiểm tra vốn CTMTQG của II.6.A trong mức Biểu III.1, theo từng nguồn vốn',
      columns: [
        { key: 'stt', header: 'STT', width: 5, kind: 'center' },
        { key: 'commune', header: 'Xã', width: 16 },
        { key: 'label', header: 'Kiểm tra', width: 34, kind: 'longtext' },
        { key: 'result', header: 'Kết quả', width: 12, kind: 'center' },
        { key: 'detail', header: 'Chi tiết', width: 60, kind: 'longtext' },
      ],
      rows: checks.map(({ c, k }, i) => ({ stt: i + 1, commune: c.name, label: k.label, result: k.passed === undefined ? 'Chưa kiểm tra được' : k.passed ? 'Đạt' : 'Vượt', detail: k.detail })),
    });
  }
  const layout = simpleLayout({
    name: COMMUNES_SHEET,
    title: `TỔNG HỢP THEO XÃ — ${upperHeading(rollup.upperLevel)}${yearSuffix(rollup.planYear)}`,
    lines: [
      `Số tiền hoạt động: 1.000 đồng; Biểu III.1: triệu đồng. "So với III.1": Ngân sách của các hoạt động II.6.A so với tổng kinh phí ${rollup.upperLevel} dự kiến phân bổ cho xã.`,
      `Đối chiếu: số hoạt động và số tiền đọc được của mỗi xã bằng số đưa vào "${SUMMARY_SHEET}".`,
    ],
    tables,
  });
  return finish(layout, undefined);
}

const RANKING_COLUMNS: readonly SimpleColumn[] = [
  { key: 'order', header: 'Thứ tự', width: 6, kind: 'center' },
  { key: 'upperPriority', header: 'Ưu tiên cấp trên', width: 8, kind: 'center' },
  { key: 'communePriority', header: 'Ưu tiên của xã', width: 7, kind: 'center' },
  { key: 'commune', header: 'Xã', width: 11 },
  { key: 'activity', header: 'Hoạt động', width: 34, kind: 'longtext' },
  { key: 'sector', header: 'Ngành/Lĩnh vực', width: 12, kind: 'longtext' },
  { key: 'office', header: 'Phòng/ban thẩm định', width: 11, kind: 'longtext' },
  { key: 'total', header: 'Tổng số (1.000 đồng)', width: 10, kind: 'amount' },
  { key: 'proposed', header: 'Đề xuất (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'cumulative', header: 'Cộng dồn Đề xuất (1.000 đồng)', width: 13, kind: 'amount' },
  { key: 'within', header: 'Trong khả năng vốn', width: 9, kind: 'center' },
  { key: 'key', header: KEY_COLUMN_HEADER, width: 24, kind: 'key' },
];

/** "Xếp ưu tiên trong nguồn vốn": accepted II.6.B activities in funding order, with the running total. */
export function rankingLayout(rollup: DistrictRollup): SheetLayout {
  const upper = rollup.upperLevel;
  const ii6b = rollup.rows.filter((r) => r.status === 'active' && r.form === 'II.6.B');
  const count = (v: string) => ii6b.filter((r) => r.verdict === v).length;
  const acceptedSum = rollup.ranking.reduce((s, r) => s + r.row.proposed, 0);
  const within = rollup.ranking.filter((r) => r.withinFunds === true);
  const lines = [
    rollup.funds !== undefined
      ? `Nguồn vốn ${upper} nắm giữ để hỗ trợ các hoạt động chưa rõ nguồn vốn: ${num(rollup.funds)} triệu đồng (= ${num(rollup.funds * 1000)} nghìn đồng)${rollup.fundsFrom?.kind === 'iv1' ? ', theo tổng kinh phí dự kiến phân bổ của Biểu IV.1' : ''}.`
      : `Chưa nhập số vốn ${upper} nắm giữ nên chưa xác định được hoạt động nào trong khả năng vốn.`,
    `Hoạt động II.6.B được đồng ý: ${rollup.ranking.length}, Đề xuất cộng ${num(acceptedSum)} nghìn đồng${
      rollup.funds !== undefined ? `; trong khả năng vốn: ${within.length} hoạt động (${num(within.reduce((s, r) => s + r.row.proposed, 0))} nghìn đồng)` : ''
    }. Không đồng ý: ${count('rejected')}; chưa có ý kiến: ${count('pending')}.`,
    'Thứ tự: Ưu tiên cấp trên (ô trống xếp sau), rồi Ưu tiên của xã, rồi theo xã. Cộng dồn theo thứ tự này; hoạt động đầu tiên làm cộng dồn vượt số vốn và mọi hoạt động sau nó là "Không".',
  ];
  const rows: Line[] = rollup.ranking.map((r) => ({
    order: r.order,
    upperPriority: r.row.appraisal.upperPriority ?? null,
    communePriority: r.row.communePriority ?? null,
    commune: r.row.commune,
    activity: r.row.activity,
    sector: r.row.sector || null,
    office: r.row.appraisal.office ?? null,
    total: r.row.total,
    proposed: r.row.proposed,
    cumulative: r.cumulative,
    within: r.withinFunds === undefined ? null : r.withinFunds ? 'Có' : 'Không',
    key: r.row.key,
  }));
  const layout = simpleLayout({
    name: RANKING_SHEET,
    title: `XẾP ƯU TIÊN CÁC HOẠT ĐỘNG CHƯA RÕ NGUỒN VỐN TRONG NGUỒN VỐN CỦA ${upperHeading(upper)}${yearSuffix(rollup.planYear)}`,
    lines,
    tables: [{ key: 'ranking', columns: RANKING_COLUMNS, rows }],
  });
  return finish(layout, colOf(RANKING_COLUMNS, 'key'));
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** "Phản hồi - Xã Tân Lập" (at most 31 characters), unique among `taken` (ignoring case). */
export function feedbackSheetName(commune: string, taken: readonly string[]): string {
  const clean = commune.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim() || 'Xã';
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` ${i}`;
    const name = `${FEEDBACK_PREFIX}${clean}`.slice(0, 31 - suffix.length).trim() + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** One activity of a commune's feedback, however it was found (the roll-up's rows, or the feedback table read back). Money in 1.000 đồng. */
export interface FeedbackSheetRow {
  readonly verdict: 'accepted' | 'rejected' | 'pending';
  readonly activity: string;
  readonly form?: string;
  readonly difficulty?: string;
  readonly total?: number;
  readonly office?: string;
  readonly opinion?: string;
  readonly reason?: string;
  readonly upperPriority?: number;
  readonly withinFunds?: boolean;
  /** The commune's own row key ("Mã dòng (LKH)" of its II.6.A/II.6.B). */
  readonly key?: string;
}

/** A commune's feedback to lay out: whom it is sent to, by whom, and its rows. */
export interface FeedbackSheetInput {
  readonly name: string;
  readonly upperLevel: string;
  readonly planYear?: number;
  readonly commune: string;
  /** III.1's total for the commune, triệu đồng, when read. */
  readonly iii1Total?: number;
  readonly rows: readonly FeedbackSheetRow[];
}

function remarkOf(r: FeedbackSheetRow): string | null {
  const parts: string[] = [];
  if (r.upperPriority !== undefined) parts.push(`Ưu tiên cấp trên: ${r.upperPriority}`);
  if (r.withinFunds !== undefined) parts.push(r.withinFunds ? 'Trong khả năng vốn' : 'Ngoài khả năng vốn năm nay');
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The commune's own row key ("Mã dòng (LKH)" of its II.6.A/II.6.B), written beside the feedback so the commune reads it back by row (feedback-read.ts). */
const communeRowKey = (r: DistrictRow): string => (r.key.startsWith(`${r.communeKey}|`) ? r.key.slice(r.communeKey.length + 1) : r.key);
const FEEDBACK_KEY = { key: 'key', header: KEY_COLUMN_HEADER, width: 24, kind: 'key' } as const;

/** The communes' feedback as one sheet each, shaped on II.10 (the files sent to each commune: `lkh district --feedback-dir`). */
export function feedbackLayouts(rollup: DistrictRollup): SheetLayout[] {
  const taken: string[] = [];
  const out: SheetLayout[] = [];
  for (const c of rollup.communes) {
    const name = feedbackSheetName(c.name, taken);
    const l = feedbackLayoutOf(rollup, c.key, name);
    if (!l) continue;
    taken.push(name);
    out.push(l);
  }
  return out;
}

/** A commune's feedback rows from the roll-up. */
export function feedbackRowsOf(rollup: DistrictRollup, communeKey: string): FeedbackSheetRow[] {
  const rank = new Map(rollup.ranking.map((r) => [r.row.key, r]));
  return rollup.rows
    .filter((r) => r.status === 'active' && r.communeKey === communeKey)
    .map((r) => {
      const within = rank.get(r.key)?.withinFunds;
      return {
        verdict: r.verdict,
        activity: r.activity,
        ...(r.form ? { form: r.form } : {}),
        ...(r.difficulty ? { difficulty: r.difficulty } : {}),
        total: r.total,
        ...(r.appraisal.office ? { office: r.appraisal.office } : {}),
        ...(r.appraisal.opinion ? { opinion: r.appraisal.opinion } : {}),
        ...(r.appraisal.reason ? { reason: r.appraisal.reason } : {}),
        ...(r.appraisal.upperPriority !== undefined ? { upperPriority: r.appraisal.upperPriority } : {}),
        ...(within !== undefined ? { withinFunds: within } : {}),
        key: communeRowKey(r),
      };
    });
}

/** One commune's feedback from the roll-up (undefined when the commune has no activity). */
export function feedbackLayoutOf(rollup: DistrictRollup, communeKey: string, name: string): SheetLayout | undefined {
  const c = rollup.communes.find((x) => x.key === communeKey);
  if (!c) return undefined;
  const rows = feedbackRowsOf(rollup, communeKey);
  if (rows.length === 0) return undefined;
  return feedbackSheetLayout({ name, upperLevel: rollup.upperLevel, ...(rollup.planYear !== undefined ? { planYear: rollup.planYear } : {}), commune: c.name, ...(c.iii1 ? { iii1Total: c.iii1.total } : {}), rows });
}

/**
 * One commune's feedback, shaped on II.10: A accepted, B not accepted with the reason, C still
 * waiting; each row's commune key beside the printed area. Printed as "Phiếu phản hồi" for the
 * commune chosen, or sent as its own file.
 */
export function feedbackSheetLayout(f: FeedbackSheetInput): SheetLayout {
  const upper = f.upperLevel;
  const rows = f.rows;
  const accepted = rows.filter((r) => r.verdict === 'accepted');
  const rejected = rows.filter((r) => r.verdict === 'rejected');
  const pending = rows.filter((r) => r.verdict === 'pending');
  const lines = [
    `ỦY BAN NHÂN DÂN ${upperHeading(upper)}`,
    `Kính gửi: Ủy ban nhân dân ${f.commune}`,
    `Sau khi tổng hợp và thẩm định các hoạt động xã đề xuất trong Biểu II.6.A và II.6.B${f.planYear !== undefined ? ` năm ${f.planYear}` : ''}, ${upper} phản hồi như sau (số tiền: 1.000 đồng):`,
    ...(f.iii1Total !== undefined ? [`Kinh phí dự kiến phân bổ cho xã (Biểu III.1): ${num(f.iii1Total)} triệu đồng.`] : []),
    `Đồng ý: ${accepted.length} hoạt động; chưa tiếp thu: ${rejected.length}; đang chờ ý kiến: ${pending.length}.`,
  ];
  const shown = (r: FeedbackSheetRow, i: number) => ({
    stt: i + 1,
    difficulty: r.difficulty ?? null,
    activity: r.activity,
    form: r.form || null,
    total: r.total ?? null,
    office: r.office ?? null,
    remark: remarkOf(r),
    key: r.key ?? null,
  });
  // Every table opens with the difficulty and its activity; A and C (accepted, pending) share all columns.
  const leadColumns: readonly SimpleColumn[] = [
    { key: 'stt', header: 'TT', width: 5, kind: 'center' },
    { key: 'difficulty', header: 'Khó khăn', width: 26, kind: 'longtext' },
    { key: 'activity', header: 'Giải pháp/Hoạt động', width: 34, kind: 'longtext' },
    { key: 'form', header: 'Biểu', width: 8, kind: 'center' },
  ];
  const shownColumns: readonly SimpleColumn[] = [
    ...leadColumns,
    { key: 'total', header: 'Tổng số (1.000 đồng)', width: 10, kind: 'amount' },
    { key: 'office', header: 'Phòng/ban thẩm định', width: 16, kind: 'longtext' },
    { key: 'remark', header: 'Ghi chú', width: 20, kind: 'longtext' },
    FEEDBACK_KEY,
  ];
  const tables: SimpleTable[] = [
    {
      key: 'accepted',
      caption: `A. Các vấn đề ${upper} tiếp thu và đưa vào kế hoạch:`,
      columns: shownColumns,
      rows: accepted.map(shown),
    },
    {
      key: 'not-accepted',
      caption: `B. Những vấn đề ${upper} chưa tiếp thu:`,
      columns: [
        ...leadColumns,
        { key: 'conclusion', header: `Kết luận của ${upper}`, width: 16, kind: 'longtext' },
        { key: 'reason', header: `Lý do ${upper} chưa tiếp thu`, width: 30, kind: 'longtext' },
        FEEDBACK_KEY,
      ],
      rows: rejected.map((r, i) => ({
        stt: i + 1,
        difficulty: r.difficulty ?? null,
        activity: r.activity,
        form: r.form || null,
        conclusion: [r.opinion ?? 'Không đồng ý', r.office ? `(${r.office})` : ''].filter(Boolean).join(' '),
        reason: r.reason ?? null,
        key: r.key ?? null,
      })),
    },
  ];
  if (pending.length > 0) {
    tables.push({
      key: 'pending',
      caption: `C. Các hoạt động đang chờ ý kiến thẩm định của ${upper}:`,
      // The columns of A, so both print on one grid (no merged cells: Sheets pays a call per merge).
      columns: shownColumns,
      rows: pending.map(shown),
    });
  }
  return simpleLayout({
    name: f.name,
    title: `PHẢN HỒI KẾ HOẠCH ${f.commune.toUpperCase()}${f.planYear !== undefined ? ` NĂM ${f.planYear}` : ''}`,
    lines,
    tables,
    orientation: 'portrait',
  });
}

/** The columns of "Phản hồi các xã": one row per activity of every commune; "Ghi chú của cấp trên" is typed and kept by "Mã dòng (LKH)". */
export const FEEDBACK_COLUMNS = [
  { key: 'commune', header: 'Xã', width: 16 },
  { key: 'form', header: 'Biểu của xã', width: 8, kind: 'center' },
  { key: 'sector', header: 'Ngành/Lĩnh vực', width: 14 },
  { key: 'activity', header: 'Hoạt động', width: 40 },
  { key: 'difficulty', header: 'Khó khăn', width: 24 },
  { key: 'total', header: 'Tổng số (1.000 đồng)', width: 13, kind: 'amount' },
  { key: 'proposed', header: 'Đề xuất (1.000 đồng)', width: 12, kind: 'amount' },
  { key: 'verdict', header: 'Kết luận', width: 14, kind: 'center' },
  { key: 'office', header: 'Phòng/ban thẩm định', width: 16 },
  { key: 'opinion', header: 'Ý kiến', width: 12 },
  { key: 'reason', header: 'Lý do', width: 24 },
  { key: 'upperPriority', header: 'Ưu tiên cấp trên', width: 8, kind: 'number' },
  { key: 'within', header: 'Trong khả năng vốn', width: 9, kind: 'center' },
  { key: 'action', header: 'Việc xã cần làm', width: 30 },
  { key: 'note', header: 'Ghi chú của cấp trên', width: 24 },
  { key: 'key', header: KEY_COLUMN_HEADER, width: 24 },
] as const satisfies readonly LongColumn[];

/** "Kết luận" of the feedback table, by verdict. */
export const FEEDBACK_VERDICT_TEXT = { accepted: 'Đồng ý', rejected: 'Chưa tiếp thu', pending: 'Chờ ý kiến' } as const;

function actionFor(r: DistrictRow, within: boolean | undefined): string {
  if (r.verdict === 'rejected') return 'Xem lại: bỏ, sửa hoặc tìm nguồn vốn khác';
  if (r.verdict === 'pending') return 'Chờ ý kiến thẩm định';
  if (r.form === 'II.6.A') return 'Giữ trong II.6.A';
  if (within === true) return 'Chuyển sang II.6.A (trong khả năng vốn)';
  if (within === false) return 'Giữ trong II.6.B (ngoài khả năng vốn năm nay)';
  return 'Giữ trong II.6.B đến khi có nguồn vốn';
}

/** "Phản hồi các xã": every commune's feedback in one table (commune, activity, answer, what to do); notes typed earlier kept by key. */
export function feedbackTableLayout(rollup: DistrictRollup, notes: ReadonlyMap<string, string> = new Map()): SheetLayout {
  const rank = new Map(rollup.ranking.map((r) => [r.row.key, r]));
  const order = new Map(rollup.communes.map((c, i) => [c.key, i]));
  const active = rollup.rows.filter((r) => r.status === 'active');
  const index = new Map(active.map((r, i) => [r, i]));
  const sorted = [...active].sort((a, b) => (order.get(a.communeKey) ?? 0) - (order.get(b.communeKey) ?? 0) || (index.get(a) ?? 0) - (index.get(b) ?? 0));
  const rows: LongRow[] = sorted.map((r) => {
    const within = rank.get(r.key)?.withinFunds;
    return {
      commune: r.commune,
      form: r.form || null,
      sector: r.sector || null,
      activity: r.activity,
      difficulty: r.difficulty ?? null,
      total: r.total,
      proposed: r.proposed,
      verdict: FEEDBACK_VERDICT_TEXT[r.verdict],
      office: r.appraisal.office ?? null,
      opinion: r.appraisal.opinion ?? null,
      reason: r.appraisal.reason ?? null,
      upperPriority: r.appraisal.upperPriority ?? null,
      within: within === undefined ? null : within ? 'Có' : 'Không',
      action: actionFor(r, within),
      note: notes.get(r.key) ?? null,
      key: r.key,
    };
  });
  return longLayout(FEEDBACK_TABLE, FEEDBACK_COLUMNS, rows);
}

const APPRAISAL_COLUMNS: readonly LongColumn[] = [
  { key: 'commune', header: 'Xã', width: 16 },
  { key: 'form', header: 'Biểu của xã', width: 8, kind: 'center' },
  { key: 'activity', header: 'Hoạt động', width: 40 },
  { key: 'office', header: 'Phòng/ban thẩm định', width: 16 },
  { key: 'opinion', header: 'Ý kiến (Đồng ý / Không đồng ý)', width: 12 },
  { key: 'reason', header: 'Lý do', width: 24 },
  { key: 'upperPriority', header: 'Ưu tiên cấp trên', width: 8 },
  { key: 'key', header: KEY_COLUMN_HEADER, width: 24 },
];

/**
 * "Thẩm định lần trước": every appraisal typed in the summary before this run, as typed, one row
 * each (rows without one left out) — the offices' work one tab away without a copy of the whole
 * summary (18,000 rows at 300 communes).
 */
export function appraisalsLayout(previous: PreviousRollup): SheetLayout {
  const rows: LongRow[] = previous.rows
    .filter((p) => hasAppraisalTyped(p.appraisal))
    .map((p) => ({
      commune: p.row.commune,
      form: p.row.form || null,
      activity: p.row.activity,
      office: p.appraisal.office ?? null,
      opinion: p.appraisal.opinion ?? null,
      reason: p.appraisal.reason ?? null,
      upperPriority: p.appraisal.upperPriority ?? p.appraisal.upperPriorityText ?? null,
      key: p.key,
    }));
  return longLayout(APPRAISALS_SHEET, APPRAISAL_COLUMNS, rows);
}

const hasAppraisalTyped = (a: PreviousRollup['rows'][number]['appraisal']): boolean =>
  a.office !== undefined || a.opinion !== undefined || a.reason !== undefined || a.upperPriority !== undefined || a.upperPriorityText !== undefined;

/** Notes typed in "Ghi chú của cấp trên" of the previous feedback table, by key. */
export function feedbackNotes(data: SheetData | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of readLongTable(data, FEEDBACK_COLUMNS).rows) {
    const key = r.key === null || r.key === undefined ? '' : String(r.key).trim();
    const note = r.note === null || r.note === undefined ? '' : String(r.note).trim();
    if (key !== '' && note !== '') out.set(key, note);
  }
  return out;
}

/** Findings first, then the roll-up's own issues; "Ở đâu" names the commune when the finding does. */
function issueRows(issues: readonly Finding[], findings: readonly Finding[]): Line[] {
  return [...findings, ...issues].map((f, i) => ({
    stt: i + 1,
    severity: f.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
    code: f.code,
    where: [f.params.commune, f.file, f.sheet && `${f.sheet}${f.cell ? `!${f.cell}` : ''}`].filter(Boolean).join(' — ') || null,
    message: f.message,
  }));
}

/** The report of what was read: sheets, reconciliation per commune, problems. */
/** Where the ranking's funds come from, in one sentence. */
export function fundsLine(rollup: DistrictRollup): string {
  if (rollup.funds === undefined) return `Chưa có số vốn ${rollup.upperLevel} nắm giữ (không có Biểu IV.1 ghi kinh phí, chưa nhập --funds): chưa xếp được trong khả năng vốn.`;
  const from = rollup.fundsFrom;
  const how =
    from?.kind === 'iv1'
      ? `theo Biểu IV.1 (tổng kinh phí dự kiến phân bổ: ${from.sheets?.join('; ') ?? ''}); muốn dùng số khác, hãy nhập số vốn (--funds)`
      : from?.kind === 'saved'
        ? 'số đã dùng ở lần tổng hợp trước'
        : 'số đã nhập';
  return `Vốn ${rollup.upperLevel} nắm giữ để xếp ưu tiên: ${num(rollup.funds)} triệu đồng — ${how}.`;
}

/** What a run did to the long tables: communes whose rows were replaced, communes kept as stored, sheets of the earlier layout removed. */
export interface TablesReport {
  readonly imported: readonly { readonly name: string; readonly fromTabs: boolean; readonly read: { count: number; amount: number }; readonly stored: { count: number; amount: number }; readonly balanced: boolean }[];
  readonly stored: number;
  readonly removed: readonly string[];
}

export function reportLayout(rollup: DistrictRollup, sheets: readonly SheetRead[], written: readonly string[], tables: TablesReport = { imported: [], stored: 0, removed: [] }): SheetLayout {
  const rec = rollup.reconciliation;
  const fromTabs = tables.imported.filter((i) => i.fromTabs);
  const lines = [
    `Bảng dữ liệu các xã: nhập mới hoặc thay ${tables.imported.length} xã${fromTabs.length > 0 ? ` (${fromTabs.length} xã từ các trang theo cách sắp xếp cũ, mỗi xã một trang)` : ''}; giữ nguyên ${tables.stored} xã đã có. ${
      tables.imported.every((i) => i.balanced) ? 'Số hoạt động và số tiền đọc được = số ghi vào bảng dữ liệu.' : 'CÓ XÃ KHÔNG KHỚP giữa số đọc được và số ghi vào bảng dữ liệu — xem bảng bên dưới.'
    }`,
    ...(tables.removed.length > 0 ? [`Đã xóa ${tables.removed.length} trang "${FEEDBACK_PREFIX}…" của cách sắp xếp cũ: phản hồi nay ở "${FEEDBACK_TABLE}" và trang in "${FEEDBACK_VIEW}".`] : []),
    `Cấp tổng hợp: ${rollup.upperLevel}.${rollup.planYear !== undefined ? ` Năm kế hoạch: ${rollup.planYear}.` : ''} Đã đọc ${sheets.filter((s) => s.used).length} trang của ${rollup.communes.length} xã.`,
    `Đọc được ${rec.read.count} hoạt động (${num(rec.read.amount)} nghìn đồng); đưa vào "${SUMMARY_SHEET}" ${rec.written.count} hoạt động (${num(rec.written.amount)} nghìn đồng). ${
      rec.balanced ? 'Đối chiếu: khớp — không hoạt động nào bị bỏ sót.' : 'Đối chiếu: KHÔNG KHỚP — xem bảng đối chiếu bên dưới.'
    }`,
    `Ý kiến thẩm định giữ lại từ lần tổng hợp trước: ${rec.keptAppraisals}. Hoạt động không còn trong biểu của xã (giữ lại, đã đánh dấu): ${rec.vanished}.`,
    fundsLine(rollup),
    `Đã ghi: ${written.join(', ')}.`,
  ];
  return finish(
    simpleLayout({
      name: DISTRICT_REPORT_SHEET,
      title: `BÁO CÁO ĐỌC BIỂU CỦA CÁC XÃ — ${upperHeading(rollup.upperLevel)}${yearSuffix(rollup.planYear)}`,
      lines,
      tables: [
        {
          key: 'imported',
          caption: 'Các xã nhập vào bảng dữ liệu lần này (số hoạt động / Tổng số, nghìn đồng)',
          columns: [
            { key: 'stt', header: 'STT', width: 5, kind: 'center' },
            { key: 'commune', header: 'Xã', width: 18 },
            { key: 'from', header: 'Từ', width: 14, kind: 'center' },
            { key: 'readCount', header: 'Đọc được: số hoạt động', width: 10, kind: 'number' },
            { key: 'readAmount', header: 'Đọc được: Tổng số', width: 14, kind: 'amount' },
            { key: 'storedCount', header: 'Ghi vào bảng dữ liệu: số hoạt động', width: 10, kind: 'number' },
            { key: 'storedAmount', header: 'Ghi vào bảng dữ liệu: Tổng số', width: 14, kind: 'amount' },
            { key: 'balanced', header: 'Kết quả', width: 12, kind: 'center' },
          ],
          rows: tables.imported.map((i, n) => ({
            stt: n + 1,
            commune: i.name,
            from: i.fromTabs ? 'Trang của xã' : 'Tệp của xã',
            readCount: i.read.count,
            readAmount: i.read.amount,
            storedCount: i.stored.count,
            storedAmount: i.stored.amount,
            balanced: i.balanced ? 'Khớp' : 'KHÔNG KHỚP',
          })),
        },
        {
          key: 'reconciliation',
          caption: 'Đối chiếu theo xã (số hoạt động / Tổng số, nghìn đồng)',
          columns: [
            { key: 'stt', header: 'STT', width: 5, kind: 'center' },
            { key: 'commune', header: 'Xã', width: 18 },
            { key: 'readCount', header: 'Đọc được: số hoạt động', width: 10, kind: 'number' },
            { key: 'readAmount', header: 'Đọc được: Tổng số', width: 14, kind: 'amount' },
            { key: 'writtenCount', header: 'Đưa vào tổng hợp: số hoạt động', width: 10, kind: 'number' },
            { key: 'writtenAmount', header: 'Đưa vào tổng hợp: Tổng số', width: 14, kind: 'amount' },
            { key: 'ii4b', header: 'II.4.B = II.6.A + II.6.B', width: 12, kind: 'center' },
            { key: 'balanced', header: 'Kết quả', width: 12, kind: 'center' },
          ],
          rows: [
            ...rollup.communes.map((c, i) => ({
              stt: i + 1,
              commune: c.name,
              readCount: c.reconciliation.read.count,
              readAmount: c.reconciliation.read.amount,
              writtenCount: c.reconciliation.written.count,
              writtenAmount: c.reconciliation.written.amount,
              ii4b: c.ii4bMatches === undefined ? '—' : c.ii4bMatches ? 'Khớp' : 'Không khớp',
              balanced: c.reconciliation.balanced ? 'Khớp' : 'KHÔNG KHỚP',
            })),
            {
              commune: 'Tổng cộng',
              readCount: rec.read.count,
              readAmount: rec.read.amount,
              writtenCount: rec.written.count,
              writtenAmount: rec.written.amount,
              balanced: rec.balanced ? 'Khớp' : 'KHÔNG KHỚP',
            },
          ],
        },
        {
          key: 'topics',
          caption: 'Đối chiếu theo chủ đề (chủ đề ghi trong biểu của xã / đưa vào tổng hợp dưới chủ đề đó)',
          columns: [
            { key: 'stt', header: 'STT', width: 5, kind: 'center' },
            { key: 'topic', header: 'Chủ đề', width: 18 },
            { key: 'readCount', header: 'Đọc được: số hoạt động', width: 10, kind: 'number' },
            { key: 'readAmount', header: 'Đọc được: Tổng số', width: 14, kind: 'amount' },
            { key: 'writtenCount', header: 'Đưa vào tổng hợp: số hoạt động', width: 10, kind: 'number' },
            { key: 'writtenAmount', header: 'Đưa vào tổng hợp: Tổng số', width: 14, kind: 'amount' },
            { key: 'balanced', header: 'Kết quả', width: 12, kind: 'center' },
          ],
          rows: rec.topics.map((t, i) => ({
            stt: i + 1,
            topic: topicHeading(t.topic),
            readCount: t.read.count,
            readAmount: t.read.amount,
            writtenCount: t.written.count,
            writtenAmount: t.written.amount,
            balanced: t.balanced ? 'Khớp' : 'KHÔNG KHỚP',
          })),
        },
        {
          key: 'sheets',
          caption: 'Các trang tính đã đọc',
          columns: [
            { key: 'stt', header: 'STT', width: 5, kind: 'center' },
            { key: 'file', header: 'Tệp', width: 18, kind: 'longtext' },
            { key: 'sheet', header: 'Trang', width: 18, kind: 'longtext' },
            { key: 'form', header: 'Biểu', width: 10, kind: 'center' },
            { key: 'commune', header: 'Xã', width: 16 },
            { key: 'activities', header: 'Số hoạt động', width: 10, kind: 'number' },
            { key: 'note', header: 'Ghi chú', width: 40, kind: 'longtext' },
          ],
          rows: sheets.map((s, i) => ({ stt: i + 1, file: s.file ?? null, sheet: s.sheet, form: s.form ?? null, commune: s.commune ?? null, activities: s.form ? s.activities : null, note: s.note })),
        },
        {
          key: 'issues',
          caption: 'Những điểm cần xem lại',
          columns: [
            { key: 'stt', header: 'STT', width: 5, kind: 'center' },
            { key: 'severity', header: 'Mức', width: 10, kind: 'center' },
            { key: 'code', header: 'Mã', width: 18 },
            { key: 'where', header: 'Ở đâu', width: 26, kind: 'longtext' },
            { key: 'message', header: 'Nội dung', width: 60, kind: 'longtext' },
          ],
          rows: issueRows(rollup.issues, rollup.findings),
        },
      ],
    }),
    undefined,
  );
}
