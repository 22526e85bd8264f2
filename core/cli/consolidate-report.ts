/**
 * What `lkh consolidate` prints (issue 20): a short summary first — what was written, the totals,
 * how many errors and warnings and where the full list is — then the checks not passed and the
 * findings grouped by kind (one line per kind, with its first place), the full list only with
 * --verbose, and a last line explaining a non-zero exit. No line is longer than about 200
 * characters: a list is cut with a count, a long sentence wrapped.
 */
import type { Finding } from '../src/validate/messages';
import type { CheckResult } from '../src/workflow/plan';
import type { Reconciliation } from '../src/workflow/types';
import { formatVnNumber } from '../src/text';

/** No printed line is longer than this. */
export const MAX_LINE = 200;

export interface ConsolidationSummary {
  readonly out: string;
  readonly sheets: readonly string[];
  readonly reportSheet?: string;
  readonly reconciliation: Reconciliation;
  readonly ii6a: number;
  readonly ii6b: number;
  readonly suggestions: number;
  readonly checks: readonly CheckResult[];
  readonly findings: readonly Finding[];
  readonly removedCopies: readonly string[];
  /** Files that could not be read (exit 2). */
  readonly unreadable: number;
  readonly verbose: boolean;
}

/** Short names of the kinds of findings a consolidation meets most; other kinds are named by their first message. */
const KINDS: Readonly<Record<string, string>> = {
  ACTIVITY_INCOMPLETE: 'Hoạt động chưa ghi đủ thông tin',
  OUTSIDE_MONEY_WITHOUT_SUPPORT: 'Hoạt động cần vốn bên ngoài chưa ghi số tiền cần hỗ trợ',
  NO_OUTSIDE_MONEY_HAS_SUPPORT: 'Hoạt động không cần vốn bên ngoài lại ghi số tiền hỗ trợ',
  ACTIVITY_RETURNED: 'Hoạt động trả lại để làm rõ',
  ACTIVITY_MAYBE_COVERED: 'Hoạt động của thôn có thể đã nằm trong hoạt động toàn xã',
  LEGACY_PROGRAM_MAPPED: 'Nguồn vốn ghi theo tên của giai đoạn trước (đã hiểu theo tên mới)',
  MEETING_WOMEN_LOW: 'Phụ nữ dự họp thôn dưới 30%',
  MEETING_HOUSEHOLDS_LOW: 'Số hộ dự họp thôn dưới 50%',
  MEETING_AGREEMENT_LOW: 'Số người đồng ý dưới 50%',
  BUDGET_OVER_ALLOCATION: 'Vượt mức vốn dự kiến của Biểu III.1',
  VILLAGE_SHARE_LOW: 'Hoạt động do thôn đề xuất chưa đủ 75% ngân sách xã',
  ALLOCATION_GROWTH_HIGH: 'Kinh phí tăng quá 10% so với năm trước',
  AMOUNT_SUM_MISMATCH: 'Tổng số không bằng tổng các phần',
  NOT_A_NUMBER: 'Ô số tiền không phải là số',
  CELL_ERROR: 'Ô có lỗi công thức',
  TOTAL_ROW_SKIPPED: 'Dòng cộng gõ tay (không tính là hoạt động)',
  VILLAGE_FORMS_MISSING: 'Thôn chưa gửi đủ biểu',
  SOURCE_DUPLICATE: 'Tệp trùng nội dung (chỉ đọc một lần)',
  FILE_UNREADABLE: 'Tệp không đọc được',
};

/** The finding a failed funding check also gives (checks.ts): said once, in "Không đạt", with its place. */
function checkFindingCode(checkId: string): string | undefined {
  if (checkId.startsWith('allocation:')) return 'BUDGET_OVER_ALLOCATION';
  if (checkId === 'village-share') return 'VILLAGE_SHARE_LOW';
  if (checkId.startsWith('growth:')) return 'ALLOCATION_GROWTH_HIGH';
  return undefined;
}

/** A line cut to the limit. */
export function cut(line: string, max = MAX_LINE): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** A long line wrapped at spaces into lines of at most `max`, the following ones indented. */
export function wrap(line: string, indent = '    ', max = MAX_LINE): string[] {
  const out: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > 0) {
    const room = first ? max : max - indent.length;
    if (rest.length <= room) {
      out.push(first ? rest : indent + rest);
      break;
    }
    let at = rest.lastIndexOf(' ', room);
    if (at <= room / 2) at = room;
    out.push((first ? '' : indent) + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
    first = false;
  }
  return out;
}

function place(f: Finding): string {
  return `${f.file ? `${f.file} › ` : ''}${f.sheet ? f.sheet : ''}${f.cell ? `!${f.cell}` : ''}`;
}

function severityWord(f: Finding): string {
  return f.severity === 'error' ? 'LỖI' : 'Cảnh báo';
}

/** The findings by kind, errors first, then the most frequent. */
function groups(findings: readonly Finding[]): { code: string; list: Finding[] }[] {
  const by = new Map<string, Finding[]>();
  for (const f of findings) by.set(f.code, [...(by.get(f.code) ?? []), f]);
  return [...by.entries()]
    .map(([code, list]) => ({ code, list }))
    .sort((a, b) => (a.list[0].severity === b.list[0].severity ? b.list.length - a.list.length : a.list[0].severity === 'error' ? -1 : 1));
}

/** The lines `lkh consolidate` prints (without the trailing newline of each). */
export function consolidationLines(s: ConsolidationSummary): string[] {
  const lines: string[] = [];
  const rec = s.reconciliation;
  const errors = s.findings.filter((f) => f.severity === 'error').length;
  const warnings = s.findings.length - errors;
  const report = s.reportSheet ?? 'Báo cáo tổng hợp';
  lines.push(cut(`Đã ghi kế hoạch vào ${s.out}: ${s.sheets.join(', ')}.`));
  if (s.removedCopies.length > 0) lines.push(cut(`Đã xóa ${s.removedCopies.length} trang bản sao cũ "(cũ)".`));
  lines.push(
    cut(
      `Đọc ${rec.read.count} hoạt động (${formatVnNumber(rec.read.amount)} nghìn đồng) = đưa vào II.4.B ${rec.written.count} (${formatVnNumber(rec.written.amount)}) + trả lại ${rec.returned.count} (${formatVnNumber(rec.returned.amount)}): ${rec.balanced ? 'khớp' : 'KHÔNG KHỚP'}.`,
    ),
  );
  lines.push(cut(`II.6.A: ${s.ii6a} hoạt động; II.6.B: ${s.ii6b} hoạt động${s.suggestions > 0 ? `; ${s.suggestions} đề xuất gộp chờ xã chọn (trang "${report}")` : ''}.`));
  const passed = s.checks.filter((c) => c.passed === true).length;
  const failed = s.checks.filter((c) => c.passed === false);
  const unknown = s.checks.filter((c) => c.passed === undefined).length;
  if (s.checks.length > 0) {
    const parts = [`${passed} đạt`, ...(failed.length > 0 ? [`${failed.length} không đạt`] : []), ...(unknown > 0 ? [`${unknown} chưa kiểm tra được`] : [])];
    lines.push(cut(`Kiểm tra nguồn vốn: ${parts.join(', ')} (chi tiết ở trang "${report}").`));
  }
  const where = s.verbose ? 'danh sách đầy đủ ở cuối' : 'xem đủ danh sách: thêm --verbose';
  lines.push(s.findings.length === 0 ? 'Không có lỗi hay cảnh báo nào.' : cut(`Có ${errors} lỗi và ${warnings} cảnh báo; ${where}.`));
  // A failed check and the finding it gives are one problem: one line, with the finding's severity and place.
  const told = new Set<Finding>();
  if (failed.length > 0) {
    lines.push('', 'Không đạt:');
    for (const c of failed) {
      const code = checkFindingCode(c.id);
      const f = code ? s.findings.find((x) => x.code === code && !told.has(x)) : undefined;
      if (f) told.add(f);
      lines.push(cut(`  ${f ? `${severityWord(f)} · ` : ''}${c.label}${f ? ` (${place(f)})` : ''}: ${c.detail}`));
    }
  }
  const rest = s.findings.filter((f) => !told.has(f));
  if (rest.length > 0) {
    lines.push('', 'Theo loại:');
    for (const g of groups(rest)) {
      const first = g.list[0];
      const kind = KINDS[g.code] ?? cut(first.message, 80);
      const at = g.list.length === 1 ? place(first) : `${place(first)} và ${g.list.length - 1} chỗ khác`;
      lines.push(cut(`  ${severityWord(first)} · ${kind}: ${g.list.length} (${at})`));
    }
  }
  if (s.verbose && s.findings.length > 0) {
    lines.push('', 'Danh sách đầy đủ:');
    for (const f of s.findings) lines.push(...wrap(`  ${severityWord(f)} ${place(f)} ${f.message}`));
  }
  if (s.unreadable > 0) lines.push('', cut(`Mã thoát 2: ${s.unreadable} tệp không đọc được (xem ở trên); kế hoạch đã được ghi từ các tệp còn lại vào ${s.out}.`));
  else if (errors > 0) lines.push('', cut(`Mã thoát 1: còn ${errors} lỗi cần xem lại; kế hoạch vẫn đã được ghi vào ${s.out}.`));
  return lines;
}
