/**
 * `lkh document <II.7.A|II.7.B|II.1|II.2|II.8|II.10|handout|all> FILE... --out FILE|DIR [--year YYYY] [--commune NAME] [--json]`
 * The documents of the commune plan drafted from its files (core/src/documents): the draft plans
 * II.7.A and II.7.B as Word files, from the consolidated plan; II.2 (directive and calendar) and
 * II.8 (basic data rolled up from the villages' I.1) as sheets, since the commune edits their
 * cells. Among the files, the one holding the plan's sheets is the plan; the villages' files give
 * their I.1. `all` writes every document the files allow into a folder.
 * Exit codes: 0 written; 2 bad usage, a file unreadable, or nothing the document needs.
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DocumentKind, PlanData } from '../src/documents';
import { DocumentUnavailable, documentFormat, documentName, makeDocument, readPlanData } from '../src/documents';
import type { FormReading } from '../src/model/types';
import type { DocumentState } from '../src/port/types';
import { PortError } from '../src/port/memory';
import type { VillageSheets, WorkbookReading } from '../src/reader/workbook';
import { readWorkbook } from '../src/reader/workbook';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';
import { FileProblem, checkOutput, readInput, systemMessage, writeAtomic } from './files';
import type { YearDocumentKind } from '../src/year';
import { recordDocument } from '../src/year';

export interface DocumentIo {
  out(s: string): void;
  err(s: string): void;
}

export const DOCUMENT_USAGE = `  lkh document <II.7.A|II.7.B|II.1|II.2|II.8|II.10|handout|all> TỆP.xlsx... --out TỆP|THƯ_MỤC [--year NĂM] [--commune TÊN] [--json]
      Soạn văn bản của kế hoạch xã từ các tệp của xã:
        II.7.A, II.7.B  dự thảo kế hoạch giảm nghèo bền vững / xây dựng nông thôn mới (Word, A4 theo
                        Nghị định 30/2020/NĐ-CP), từ tệp đã tổng hợp (lkh consolidate);
        II.1            phiếu đánh giá công tác LKH, chấm sẵn các tiêu chí các tệp trả lời được (thôn
                        đủ Biểu I.2, I.3 và số hộ, số nữ dự họp; III.1; II.6.A, II.6.B có kinh phí
                        và khớp báo cáo; kế hoạch năm trước nếu cho thêm), ghi bằng chứng ở Ghi chú;
        II.2            văn bản chỉ đạo và lịch triển khai 15 hoạt động, ngày theo danh mục 7 bước
                        của năm kế hoạch (bảng tính .xlsx);
        II.8            số liệu cơ bản của xã, cộng từ Biểu I.1 của các thôn ở những chỉ tiêu cộng
                        được, ghi rõ từng thôn (bảng tính .xlsx);
        II.10           phản hồi kế hoạch cho từng thôn (Word): đề xuất nào đã vào II.6.A, II.6.B,
                        được gộp, hay bị trả lại và vì sao;
        handout         tài liệu phát tại hội nghị kế hoạch xã (Word, 1-2 trang A4): nguồn lực theo
                        chủ đề và nguồn vốn, tỷ lệ cho hoạt động của thôn so với 75%, danh sách II.6.B
                        theo thứ tự ưu tiên, có biểu đồ thanh;
        all             mọi văn bản các tệp cho phép, vào THƯ_MỤC.
      Phần tệp không biết được để trống "………" kèm ghi chú cho xã tự viết.`;

class UsageError extends Error {}

/** The order `all` writes them in (the command's usage lists them so). */
const ORDER: readonly DocumentKind[] = ['II.7.A', 'II.7.B', 'II.1', 'II.2', 'II.8', 'II.10', 'handout'];
const DOCUMENTS: readonly { readonly id: DocumentKind; readonly kind: 'docx' | 'xlsx' }[] = ORDER.map((id) => ({ id, kind: documentFormat(id) }));

/** How a message names a document: "Biểu II.7.A", "tài liệu hội nghị (handout)". */
const named = (id: string): string => documentName(id as DocumentKind);

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string>;
  readonly json: boolean;
  readonly help: boolean;
}

const VALUED = ['out', 'year', 'commune'];

function parse(args: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let json = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (!VALUED.includes(name)) throw new UsageError(`Không có tùy chọn --${name}.`);
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`Thiếu giá trị cho --${name}.`);
      flags.set(name, v);
    } else positional.push(a);
  }
  return { positional, flags, json, help };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileProblem(systemMessage('ghi', dir, e), { cause: e });
  }
}

interface PlanFile {
  readonly file: string;
  readonly data: PlanData;
  readonly state: DocumentState;
}

/**
 * What the files give: the plan (the one file holding plan sheets), its state, every reading (for
 * I.1) and the village sheets (for II.1). A second plan a year older is last year's (II.1, criterion 14).
 */
interface Inputs {
  readonly plan?: PlanFile;
  readonly lastYear?: PlanFile;
  readonly readings: readonly FormReading[];
  readonly villages: readonly VillageSheets[];
}

/** Of two plans, the one a year older is last year's; any other pair is refused. */
function twoPlans(a: PlanFile, b: PlanFile): { plan: PlanFile; lastYear: PlanFile } {
  const [ya, yb] = [a.data.planYear, b.data.planYear];
  if (ya !== undefined && yb !== undefined && Math.abs(ya - yb) === 1) return ya > yb ? { plan: a, lastYear: b } : { plan: b, lastYear: a };
  throw new UsageError(`Hai tệp có kế hoạch xã: "${a.file}" và "${b.file}". Chỉ cho một tệp kế hoạch (và, cho Biểu II.1, kế hoạch của năm trước).`);
}

async function readInputs(files: readonly string[]): Promise<Inputs> {
  let plan: PlanFile | undefined;
  let lastYear: PlanFile | undefined;
  const readings: FormReading[] = [];
  const villages: VillageSheets[] = [];
  const books: { file: string; book: WorkbookReading }[] = [];
  for (const file of files) {
    let wb: XlsxWorkbook;
    try {
      wb = await XlsxWorkbook.loadForReading(readInput(file));
    } catch (e) {
      if (e instanceof PortError) throw new FileProblem(e.message, { cause: e });
      throw e;
    }
    const data = await readPlanData(wb);
    if (Object.keys(data.sheets).length > 0) {
      let state: DocumentState = {};
      try {
        state = await wb.readState();
      } catch {
        // an unreadable state: the plan's sheets still say what they hold
      }
      const here: PlanFile = { file, data, state };
      if (lastYear) throw new UsageError(`Ba tệp có kế hoạch xã: "${plan?.file ?? ''}", "${lastYear.file}" và "${file}". Chỉ cho một tệp kế hoạch (và kế hoạch của năm trước).`);
      if (plan) ({ plan, lastYear } = twoPlans(plan, here));
      else plan = here;
    }
    books.push({ file, book: await readWorkbook(wb, { file: basename(file) }) });
  }
  // Last year's plan gives its II.6.A only: its sheets are no part of this year's.
  for (const { file, book } of books) {
    if (file === lastYear?.file) continue;
    readings.push(...book.readings);
    villages.push(...book.villages);
  }
  return { ...(plan ? { plan } : {}), ...(lastYear ? { lastYear } : {}), readings, villages };
}

interface Made {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly blanks?: number;
  readonly note?: string;
}

/** Makes one document (core makeDocument), or says in Vietnamese why the files do not allow it. */
async function make(id: DocumentKind, inputs: Inputs, p: Parsed): Promise<Made | string> {
  const yearFlag = p.flags.get('year');
  const commune = p.flags.get('commune');
  try {
    const made = await makeDocument(id, {
      ...(inputs.plan ? { plan: inputs.plan.data } : {}),
      state: inputs.plan?.state ?? {},
      ...(inputs.lastYear ? { lastYear: inputs.lastYear.data } : {}),
      readings: inputs.readings,
      villages: inputs.villages,
      ...(yearFlag !== undefined ? { planYear: Number(yearFlag) } : {}),
      ...(commune ? { communeName: commune } : {}),
    });
    return { bytes: made.bytes, fileName: made.fileName, ...(made.blanks !== undefined ? { blanks: made.blanks } : {}), ...(made.note ? { note: made.note } : {}) };
  } catch (e) {
    if (e instanceof DocumentUnavailable) return e.message;
    throw e;
  }
}

async function run(args: readonly string[], io: DocumentIo): Promise<number> {
  const p = parse(args);
  if (p.help) {
    io.out(`Cách dùng:\n${DOCUMENT_USAGE}\n`);
    return 0;
  }
  const [which, ...files] = p.positional;
  const names = DOCUMENTS.map((d) => d.id);
  if (!which) throw new UsageError(`Cần tên văn bản: ${names.join(', ')} hoặc all.`);
  const all = which.toLowerCase() === 'all';
  const one = DOCUMENTS.find((d) => d.id.toLowerCase() === which.toLowerCase());
  if (!all && !one) throw new UsageError(`Không có văn bản "${which}". Các văn bản: ${names.join(', ')}, all.`);
  if (files.length === 0) throw new UsageError('Cần tệp .xlsx: tệp kế hoạch đã tổng hợp (lkh consolidate), và cho Biểu II.8 các tệp của thôn.');
  const out = p.flags.get('out');
  if (!out) throw new UsageError(all ? 'Cần --out THƯ_MỤC.' : `Cần --out TỆP.${one?.kind ?? 'docx'}.`);
  const yearFlag = p.flags.get('year');
  if (yearFlag !== undefined && !(Number.isInteger(Number(yearFlag)) && Number(yearFlag) >= 2000 && Number(yearFlag) <= 2100)) throw new UsageError(`Năm kế hoạch "${yearFlag}" không hợp lệ.`);
  const toDir = all || isDir(out) || /[\\/]$/.test(out);
  if (!toDir && one && !out.toLowerCase().endsWith(`.${one.kind}`)) throw new UsageError(`${named(one.id)} ghi thành tệp .${one.kind}: --out TỆP.${one.kind} (hoặc một thư mục).`);
  const inputs = await readInputs([...new Set(files)]);
  const wanted = all ? DOCUMENTS : [one as (typeof DOCUMENTS)[number]];
  if (toDir) makeDir(out);
  const written: { id: string; file: string; blanks?: number; note?: string }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const d of wanted) {
    const made = await make(d.id, inputs, p);
    if (typeof made === 'string') {
      skipped.push({ id: d.id, reason: made });
      continue;
    }
    const target = toDir ? join(out, made.fileName) : out;
    checkOutput(target, files);
    writeAtomic(target, made.bytes);
    written.push({ id: d.id, file: target, ...(made.blanks !== undefined ? { blanks: made.blanks } : {}), ...(made.note ? { note: made.note } : {}) });
  }
  // The plan records what was drafted from it (what, when, file name): the year's status counts it (lkh status).
  if (inputs.plan && written.length > 0) await recordDrafted(inputs.plan.file, written);
  const data = inputs.plan?.data;
  if (p.json) {
    io.out(`${JSON.stringify({ plan: inputs.plan?.file ?? null, commune: data?.communeName ?? null, planYear: data?.planYear ?? null, period: data?.period ?? null, missing: data?.missing ?? [], documents: written, skipped }, null, 2)}\n`);
  } else {
    for (const w of written) io.out(`Đã ghi ${w.file} (${named(w.id)})${w.blanks !== undefined && w.blanks > 0 ? `: còn ${w.blanks} chỗ "………" để xã tự viết` : ''}${w.note ? `: ${w.note}` : ''}.\n`);
    if (data && data.missing.length > 0 && written.some((w) => w.id.startsWith('II.7'))) io.out(`  Tệp kế hoạch chưa có ${data.missing.join(', ')}: các phần lấy từ những biểu này để trống.\n`);
    for (const s of skipped) {
      if (all) io.out(`  Chưa soạn ${named(s.id)}: ${s.reason}\n`);
      else io.err(`Không soạn được ${named(s.id)}: ${s.reason}\n`);
    }
  }
  return written.length > 0 ? 0 : 2;
}

/** Today on this computer's calendar, 'yyyy-mm-dd'. */
function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Writes into the plan's state the documents drafted from it (the plan file is rewritten whole, atomically). */
async function recordDrafted(planFile: string, written: readonly { id: string; file: string }[]): Promise<void> {
  const wb = await XlsxWorkbook.load(readInput(planFile));
  let state: DocumentState = {};
  try {
    state = await wb.readState();
  } catch {
    // a damaged state: the records start a new one
  }
  const at = localToday();
  for (const w of written) state = recordDocument(state, { kind: w.id as YearDocumentKind, action: 'drafted', at, fileName: basename(w.file) });
  await wb.writeState(state);
  writeAtomic(planFile, await wb.save());
}

/** Runs `lkh document`; returns the exit code. */
export async function documentCommand(args: readonly string[], io: DocumentIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\nCách dùng:\n${DOCUMENT_USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
