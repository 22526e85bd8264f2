/**
 * `lkh status PLAN.xlsx [FILES…] [--json] [--today YYYY-MM-DD]`: where the unit is in its planning
 * year — the seven steps of its level, each expected result done or missing with its evidence, the
 * current step, the gaps before it and the next action (core/src/year `yearStatus`, the same answer
 * the panes show). The files given beside the plan (the villages' and departments' files) count as
 * received, each named with its date.
 * Exit codes: 0 said; 2 bad usage or a file that cannot be read.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FormId } from '../src/forms/types';
import { PortError } from '../src/port/memory';
import type { DocumentState, WorkbookPort } from '../src/port/types';
import { readWorkbook } from '../src/reader/workbook';
import { openForReading } from '../src/xlsx/read-input';
import type { EvidenceSheet, YearStatus } from '../src/year';
import { readYearState, recordedSheetForms, workbookEvidence, yearStatus } from '../src/year';
import { FileProblem, readInput } from './files';

export interface StatusIo {
  out(s: string): void;
  err(s: string): void;
}

export const STATUS_USAGE = `  lkh status KẾ_HOẠCH.xlsx [TỆP.xlsx...] [--json] [--today NĂM-THÁNG-NGÀY]
      Cho biết xã (hoặc tỉnh) đang ở bước nào trong 7 bước của năm kế hoạch: mỗi bước có những
      kết quả nào đã có (ở trang nào, tệp nào, ngày nào), còn thiếu gì, và việc cần làm tiếp theo.
      Các tệp cho thêm (của thôn, ban ngành) được tính là đã nhận.`;

class UsageError extends Error {}

/** No line printed longer than this (a terminal's width, twice). */
const MAX_LINE = 200;

function cut(line: string): string {
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1)}…`;
}

/** Today on this computer's calendar. */
function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dateOf(file: string): string | undefined {
  try {
    return statSync(file).mtime.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}

async function open(file: string): Promise<WorkbookPort> {
  try {
    return await openForReading(readInput(file));
  } catch (e) {
    if (e instanceof PortError) throw new FileProblem(`Không đọc được tệp "${file}": ${e.message}`, { cause: e });
    throw e;
  }
}

async function stateOf(wb: WorkbookPort): Promise<DocumentState> {
  try {
    return await wb.readState();
  } catch {
    return {};
  }
}

/** The sheets of a workbook by form: as its state records them, and those recognised by their content. */
async function formsOf(wb: WorkbookPort, state: DocumentState, file?: string): Promise<Record<string, FormId>> {
  const names = await wb.listSheets();
  const forms: Record<string, FormId> = { ...recordedSheetForms(state, names) };
  const read = await readWorkbook(wb, file ? { file } : {});
  for (const r of read.readings) if (forms[r.sheet] === undefined) forms[r.sheet] = r.formId;
  return forms;
}

/** The status of a plan file and the files beside it. */
export async function statusOfFiles(plan: string, others: readonly string[], today: string): Promise<YearStatus> {
  const wb = await open(plan);
  const state = await stateOf(wb);
  const names = await wb.listSheets();
  const sheets: EvidenceSheet[] = await workbookEvidence(wb, state, { sheetNames: names, sheetForms: await formsOf(wb, state) });
  let demo = readYearState(state).demo;
  for (const file of others) {
    const other = await open(file);
    const own = await stateOf(other);
    demo = demo || readYearState(own).demo;
    const name = basename(file);
    const date = dateOf(file);
    sheets.push(...(await workbookEvidence(other, own, { sheetForms: await formsOf(other, own, name), file: name, ...(date ? { date } : {}) })));
  }
  return yearStatus({ state, sheets, today, sheetNames: names, demo });
}

function printHuman(s: YearStatus, io: StatusIo): void {
  const who = s.unitName ?? (s.level === 'xa' ? 'Xã (chưa nhập tên)' : s.levelLabel);
  const out = (line: string) => io.out(`${cut(line)}\n`);
  out(`${who} — ${s.planYear !== undefined ? `kế hoạch năm ${s.planYear}` : 'chưa nhập năm kế hoạch'} (cấp ${s.levelLabel.toLowerCase()})`);
  out(`Đang ở ${s.summary}`);
  if (s.villages) out(s.villages.text);
  for (const step of s.steps) {
    if (!step.applicable) continue;
    const mark = step.done ? '[x]' : step.n === s.current ? '[>]' : '[ ]';
    out(`${mark} ${step.heading} (${step.counts.done}/${step.counts.total})${step.deadline ? ` — ${step.deadline.text}` : ''}`);
    // The current step in full; earlier ones: what is missing; later ones and done ones: the heading.
    if (step.done || step.n > s.current) continue;
    for (const item of step.items) {
      if (item.done && step.n !== s.current) continue;
      const ev = item.done ? (item.evidence.length > 0 ? `: ${item.evidence.map((e) => e.text).join('; ')}` : item.ticked ? ': đã đánh dấu' : '') : item.missing.length > 0 ? ` — còn thiếu: ${item.missing.join(', ')}` : '';
      out(`      ${item.done ? 'có ' : 'chưa'} ${item.what}${ev}`);
    }
  }
  out(`Tiếp theo: ${s.next.text}`);
}

function jsonOf(s: YearStatus) {
  return {
    level: s.level,
    planYear: s.planYear ?? null,
    unitName: s.unitName ?? null,
    current: s.current,
    summary: s.summary,
    steps: s.steps.map((st) => ({
      n: st.n,
      id: st.id,
      title: st.title,
      applicable: st.applicable,
      done: st.done,
      ...(st.deadline ? { deadline: st.deadline } : {}),
      items: st.items.map((i) => ({ id: i.id, what: i.what, done: i.done, ticked: i.ticked, evidence: i.evidence, missing: i.missing })),
    })),
    gaps: s.gaps,
    ...(s.villages ? { villages: s.villages } : {}),
    next: s.next,
  };
}

async function run(args: readonly string[], io: StatusIo): Promise<number> {
  const files: string[] = [];
  let json = false;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      io.out(`Cách dùng:\n${STATUS_USAGE}\n`);
      return 0;
    } else if (a === '--today' || a.startsWith('--today=')) {
      today = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today cần ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2026-06-10).');
    } else if (a.startsWith('--')) throw new UsageError(`Không có tùy chọn ${a}.`);
    else files.push(a);
  }
  const [plan, ...others] = [...new Set(files)];
  if (!plan) throw new UsageError('Cần tệp kế hoạch .xlsx (tệp đã tổng hợp, hoặc sổ tính của xã).');
  const status = await statusOfFiles(plan, others, today ?? localToday());
  if (json) io.out(`${JSON.stringify(jsonOf(status), null, 2)}\n`);
  else printHuman(status, io);
  return 0;
}

/** Runs `lkh status`; returns the exit code. */
export async function statusCommand(args: readonly string[], io: StatusIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\nCách dùng:\n${STATUS_USAGE}\n`);
      return 2;
    }
    if (e instanceof FileProblem || e instanceof PortError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
