/**
 * `lkh feedback PLAN.xlsx [FEEDBACK.xlsx] --out PLAN.xlsx [--commune NAME] [--json]`
 * The upper level's feedback read back into the commune's plan (workflow/upper-level/feedback-read.ts):
 * from the file the commune received ("Phản hồi - <Xã>", written by `lkh district --feedback-dir` or
 * downloaded from the Sheets sidebar), from the province's workbook itself (its "Phản hồi các xã"
 * table, the commune chosen by --commune or the plan's name), or from a sheet of the plan itself
 * when no FEEDBACK file is given. Writes the "Phản hồi cấp trên"
 * sheet and the answer beside each row of II.6.A and II.6.B; the plan's own cells are unchanged.
 * --out may be the plan itself (written atomically). Exit codes: 0 written; 2 bad usage, a file
 * unreadable, no feedback for the commune, or no plan.
 */
import { basename } from 'node:path';
import type { WorkbookPort } from '../src/port/types';
import { PortError } from '../src/port/memory';
import { applyUpperFeedback, feedbackFor, readUpperFeedback } from '../src/workflow/upper-level';
import { FileProblem, checkOutput, readInput, writeAtomic } from './files';
import { shown } from './terminal';

export interface FeedbackIo {
  out(s: string): void;
  err(s: string): void;
}

export const FEEDBACK_USAGE = `  lkh feedback KẾ_HOẠCH.xlsx [PHẢN_HỒI.xlsx] --out KẾ_HOẠCH.xlsx [--commune TÊN] [--json]
      Nhận phản hồi của cấp trên (tệp "Phản hồi - <Xã>.xlsx" cấp trên gửi, hoặc tệp tổng hợp của cấp
      trên có bảng "Phản hồi các xã") vào kế hoạch xã: trang
      "Phản hồi cấp trên" (từng hoạt động: đồng ý hay chưa tiếp thu, phòng/ban, ý kiến, lý do, ưu tiên
      cấp trên, việc xã cần làm) và cột "Phản hồi cấp trên (LKH)" cạnh từng dòng II.6.A, II.6.B. Không
      cho PHẢN_HỒI.xlsx: tìm trang phản hồi ngay trong tệp kế hoạch. --out có thể là chính tệp kế hoạch.`;

class UsageError extends Error {}

async function load(file: string, forReading: boolean) {
  const { XlsxWorkbook } = await import('../src/xlsx/xlsx-workbook');
  try {
    return forReading ? await XlsxWorkbook.loadForReading(readInput(file)) : await XlsxWorkbook.load(readInput(file));
  } catch (e) {
    if (e instanceof PortError) throw new FileProblem(e.message, { cause: e });
    throw e;
  }
}

async function communeOf(port: WorkbookPort): Promise<string | undefined> {
  try {
    return (await port.readState()).unitName || undefined;
  } catch {
    return undefined;
  }
}

async function run(args: readonly string[], io: FeedbackIo): Promise<number> {
  const files: string[] = [];
  let out: string | undefined;
  let commune: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      io.out(`Cách dùng:\n${FEEDBACK_USAGE}\n`);
      return 0;
    }
    if (a === '--json') json = true;
    else if (a === '--out' || a === '--commune') {
      const v = args[++i];
      if (v === undefined || v === '') throw new UsageError(`Thiếu giá trị cho ${a}.`);
      if (a === '--out') out = v;
      else commune = v;
    } else if (a.startsWith('--')) throw new UsageError(`Không có tùy chọn ${a}.`);
    else files.push(a);
  }
  const [planFile, feedbackFile, ...extra] = files;
  if (!planFile) throw new UsageError('Cần tệp kế hoạch của xã (đã tổng hợp bằng lkh consolidate).');
  if (extra.length > 0) throw new UsageError(`Chỉ cho một tệp kế hoạch và một tệp phản hồi; thừa: ${extra.join(', ')}.`);
  if (!out) throw new UsageError('Cần --out TỆP.xlsx (có thể là chính tệp kế hoạch).');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out "${out}" phải là tệp .xlsx.`);
  // The plan may be overwritten (it is read whole first); the feedback file may not.
  checkOutput(out, feedbackFile ? [feedbackFile] : []);
  const plan = await load(planFile, false);
  const source = feedbackFile ? await load(feedbackFile, true) : plan;
  const name = commune ?? (await communeOf(plan));
  const all = await readUpperFeedback(source);
  let fb;
  try {
    fb = feedbackFor(all, name);
  } catch (e) {
    io.err(`${shown(e instanceof Error ? e.message : String(e))}${feedbackFile ? ` (tệp "${shown(feedbackFile)}")` : ' Hãy cho tệp phản hồi cấp trên gửi về.'}\n`);
    return 2;
  }
  let applied;
  try {
    applied = await applyUpperFeedback(plan, fb, name ? { communeName: name } : {});
  } catch (e) {
    if (e instanceof Error && /^Sổ tính chưa có II\.6\.A/u.test(e.message)) {
      io.err(`${shown(e.message)} (tệp "${shown(planFile)}")\n`);
      return 2;
    }
    throw e;
  }
  writeAtomic(out, await plan.save());
  const moves = applied.matches.filter((m) => m.move);
  if (json) {
    io.out(
      `${JSON.stringify(
        {
          plan: planFile,
          feedback: feedbackFile ?? planFile,
          feedbackSheet: applied.feedbackSheet,
          commune: applied.commune ?? name ?? null,
          out,
          sheet: applied.sheet,
          keptCopy: applied.keptCopy ?? null,
          accepted: applied.accepted,
          rejected: applied.rejected,
          pending: applied.pending,
          unmatched: applied.unmatched,
          noted: applied.noted,
          activities: applied.matches.map((m) => ({ activity: m.line.activity, verdict: m.line.verdict, form: m.row?.form ?? null, key: m.row?.key ?? m.line.key ?? null, move: m.move, action: m.action })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.out(
    `Đã ghi ${shown(out)}: trang "${shown(applied.sheet)}" từ "${shown(applied.feedbackSheet)}"${feedbackFile ? ` (${shown(basename(feedbackFile))})` : ''} — ${applied.accepted + applied.rejected + applied.pending} hoạt động: đồng ý ${applied.accepted}, chưa tiếp thu ${applied.rejected}, đang chờ ý kiến ${applied.pending}; ${applied.noted} dòng II.6.A, II.6.B có ý kiến ở cột "Phản hồi cấp trên (LKH)".\n`,
  );
  if (moves.length > 0) io.out(`  Chuyển sang II.6.A (cấp trên đồng ý, trong khả năng vốn): ${shown(moves.map((m) => m.line.activity).join('; '))}.\n`);
  const rejected = applied.matches.filter((m) => m.line.verdict === 'rejected');
  if (rejected.length > 0) io.out(`  Chưa tiếp thu, xã cần xem lại: ${shown(rejected.map((m) => `${m.line.activity}${m.line.reason ? ` (${m.line.reason})` : ''}`).join('; '))}.\n`);
  if (applied.unmatched > 0) io.out(`  ${applied.unmatched} hoạt động của phản hồi không còn trong II.6.A, II.6.B của xã: xem trang "${shown(applied.sheet)}".\n`);
  if (applied.keptCopy) io.out(`  Trang "${shown(applied.sheet)}" trước đó được giữ thành "${shown(applied.keptCopy)}".\n`);
  return 0;
}

/** Runs `lkh feedback`; returns the exit code. */
export async function feedbackCommand(args: readonly string[], io: FeedbackIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\nCách dùng:\n${FEEDBACK_USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
