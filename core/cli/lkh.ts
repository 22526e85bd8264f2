/**
 * The `lkh` command (installed through package.json "bin"; run with `npx lkh`).
 *   lkh template <FORM...|all> --out DIR [--year YYYY] [--unit NAME]
 *   lkh validate FILE... [--json]
 *   lkh consolidate FILE... --out OUT.xlsx [--json] [--accept-merges all|ID,ID] [--period P] [--year YYYY] [--commune NAME] [--keep newer|all|FILE] [--remove-copies]
 *   lkh rank FILE --list SHEET [--method marks|scores] [--participants N]   (creates the ballot and tally sheet)
 *   lkh rank FILE --ballot SHEET [--list SHEET] [--json]                   (ranks the list from the filled tally)
 *   lkh rank FILE --undo | lkh consolidate --out FILE --undo                (the last consolidation or ranking undone from its "(cũ)" copies)
 *   lkh district (or lkh upper) FILE... --out OUT.xlsx [--json] [--upper NAME] [--funds TRIEU] [--year YYYY] [--period P] [--feedback-dir DIR] [--feedback-commune NAME]
 *   lkh catalogue FILE [--period P] [--year YYYY]
 *   lkh demo --out DIR
 *   lkh document <II.7.A|II.7.B|II.2|II.8|II.10|all> FILE... --out FILE|DIR [--json]   (core/cli/document.ts, loaded on use)
 *   lkh status PLAN.xlsx [FILE...] [--json] [--today YYYY-MM-DD]   (core/cli/status.ts, loaded on use)
 * Exit codes: 0 success / no errors; 1 error findings; 2 a file cannot be read, nothing to read, or bad usage.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { forms, getForm, isFormId } from '../src/forms/registry';
import type { FormId } from '../src/forms/types';
import { FORM_IDS } from '../src/forms/types';
import { layoutForm } from '../src/layout/engine';
import type { VillageSheets } from '../src/reader/workbook';
import { readWorkbook } from '../src/reader/workbook';
import type { Finding } from '../src/validate/messages';
import { finding } from '../src/validate/messages';
import type { XlsxWorkbook as XlsxWorkbookClass } from '../src/xlsx/xlsx-workbook';

/**
 * The workbook library (ExcelJS) is loaded by the commands that read or write a file, not by
 * `lkh --help` or a usage error: it costs about as much as the rest of the CLI's start.
 */
async function xlsx(): Promise<typeof XlsxWorkbookClass> {
  return (await import('../src/xlsx/xlsx-workbook')).XlsxWorkbook;
}
import { PortError } from '../src/port/memory';
import { useZipCodec } from '../src/xlsx/zip';
import { nodeZipCodec } from './zip-codec';
import type { FormReading } from '../src/model/types';
import type { DocumentState, ProgramPeriod, WorkbookPort } from '../src/port/types';
import { readStateOrEmpty } from '../src/port/types';
import { createActions } from '../src/app/actions';
import { DISTRICT_USAGE, districtCommand } from './district';
import { consolidationLines } from './consolidate-report';
import { formatVnNumber } from '../src/text';
import { formEdition, notInPeriod } from '../src/forms/editions';
import { currentPlanYear, fundSourceChoices, periodOfYear } from '../src/reference';
import type { SourceConflict } from '../src/workflow/plan';
import { SourceConflictError, consolidateCommune, sheetsReplacedByPlan } from '../src/workflow/plan';
import { RankingRefused } from '../src/workflow/ranking';
import { FileProblem, checkOutput, readInput, systemMessage, writeAtomic } from './files';
import { shown, shownMessage, terminalIo } from './terminal';
import type { InputWorkbook } from '../src/xlsx/read-input';
import { fileModified, openForReading } from '../src/xlsx/read-input';
import { DEMO_YEAR, demoFiles } from '../src/workflow/demo';
import { markDemo, readYearState } from '../src/year';
import type { SheetContent } from '../src/workflow/calendar';
import { VILLAGE_FORMS, formatDateVi, sheetContents, villageCompleteness, villageKey } from '../src/workflow/calendar';

const USAGE = `Cách dùng:
  lkh template <BIỂU...|all> --out THƯ_MỤC [--year NĂM] [--unit TÊN] [--period GIAI_ĐOẠN]
      Ghi mỗi biểu mẫu thành một tệp .xlsx (ví dụ II.6.A.xlsx, trang tính "II.6.A") theo giai
      đoạn của năm kế hoạch (không ghi năm: kế hoạch đang lập, năm sau năm nay); mẫu của Sổ tay:
      --period 2016-2020. Từ năm 2026 cấp trên của xã là tỉnh; không dùng Biểu IV.1.
  lkh validate TỆP.xlsx... [--json]
      Nhận diện biểu mẫu trong từng trang tính và kiểm tra số liệu.
      Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
  lkh consolidate TỆP.xlsx... --out KẾT_QUẢ.xlsx [--json] [--accept-merges all|MÃ,MÃ]
                  [--period 2016-2020|2021-2025|2026-2030] [--year NĂM] [--commune TÊN]
                  [--keep newer|all|TỆP.xlsx] [--remove-copies] [--verbose]
      Tổng hợp các biểu I.2 (thôn) và II.3 (ban ngành) thành II.4.A, II.4.B, II.6.A, II.6.B,
      II.6.C và trang báo cáo. Nếu KẾT_QUẢ.xlsx đã có, cập nhật và giữ phần xã đã nhập.
      Tệp trùng nội dung chỉ đọc một lần; hai bản khác nhau của cùng một biểu thì dừng, chưa ghi,
      cho đến khi chọn --keep (newer: bản sửa mới nhất; TỆP.xlsx: bản trong tệp đó; all: tính cả).
      In tóm tắt trước (đã ghi gì, số hoạt động, số lỗi, cảnh báo), rồi các lỗi, cảnh báo theo loại;
      --verbose in đủ danh sách.
      Mỗi lần chạy giữ một bản cũ "(cũ)" của mỗi trang; --remove-copies xóa cả các bản này.
      --undo: trả lại các trang như trước lần tổng hợp (hoặc xếp ưu tiên) gần nhất, từ bản "(cũ)".
      Mã thoát: 0 thành công, 1 còn lỗi, 2 có tệp không đọc được hoặc chưa chọn bản giữ lại.
  lkh rank TỆP.xlsx --list II.6.B [--method marks|scores] [--participants SỐ]
      Tạo phiếu xếp ưu tiên và bảng kiểm đếm cho danh sách (II.6.B, II.6.A hoặc một I.2) trong tệp.
  lkh rank TỆP.xlsx --ballot "Phiếu ưu tiên - II.6.B" [--json]
      Đọc phiếu đã điền, xếp ưu tiên (hòa thì theo quy tắc Sổ tay), ghi cột Ưu tiên và sắp xếp danh sách;
      danh sách trước khi xếp được giữ ở trang "(cũ)".
  lkh rank TỆP.xlsx --undo   (hoặc lkh consolidate --out TỆP.xlsx --undo)
      Hoàn tác lần xếp ưu tiên hoặc tổng hợp gần nhất từ các trang "(cũ)"; chạy lần nữa để làm lại.
${DISTRICT_USAGE.replace(/^Cách dùng:\n/, '')}
  lkh catalogue TỆP.xlsx [--period GIAI_ĐOẠN] [--year NĂM]
      Ghi danh mục chương trình, dự án, nguồn vốn của giai đoạn (có căn cứ pháp lý và tình trạng
      xác minh) thành trang "Danh mục" để tỉnh, xã cập nhật; khi tổng hợp, LKH dùng trang này.
  lkh document <II.7.A|II.7.B|II.2|II.8|II.10|all> KẾ_HOẠCH.xlsx [TỆP_THÔN.xlsx...] --out TỆP|THƯ_MỤC [--json]
      Soạn văn bản của kế hoạch xã (II.7.A, II.7.B, II.10: Word A4; II.2, II.8: bảng tính); xem lkh document --help.
  lkh feedback KẾ_HOẠCH.xlsx [PHẢN_HỒI.xlsx] --out KẾ_HOẠCH.xlsx   Nhận phản hồi của cấp trên vào kế hoạch xã; xem lkh feedback --help.
  lkh status KẾ_HOẠCH.xlsx [TỆP.xlsx...] [--json]
      Xã đang ở bước nào trong 7 bước: kết quả đã có (trang, tệp, ngày), còn thiếu gì, việc tiếp theo.
  lkh demo --out THƯ_MỤC
      Ghi bộ tệp của một xã mẫu (6 thôn, 5 ban ngành, Biểu III.1) để dùng thử.
Các biểu: ${FORM_IDS.join(', ')}`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/**
 * Standard output and error. A reader that stops early (`lkh consolidate … | head -1`) closes the
 * pipe: the EPIPE that follows ends the printing quietly, not the command, which still writes its
 * files and exits with its own code.
 */
function quietOnClose(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw e;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

let stdioPrinter: Io | undefined;
const stdio: Io = {
  out: (s) => (stdioPrinter ??= { out: quietOnClose(process.stdout), err: quietOnClose(process.stderr) }).out(s),
  err: (s) => (stdioPrinter ??= { out: quietOnClose(process.stdout), err: quietOnClose(process.stderr) }).err(s),
};

class UsageError extends Error {}

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

function parseArgs(args: readonly string[], valued: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (valued.includes(name)) {
        const v = inline ?? args[++i];
        if (v === undefined) throw new UsageError(`Thiếu giá trị cho --${name}.`);
        flags.set(name, v);
      } else {
        flags.set(name, true);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

async function template(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, ['out', 'year', 'unit', 'period']);
  const out = str(p, 'out');
  if (!out) throw new UsageError('Cần --out THƯ_MỤC.');
  const period = periodOf(p);
  if (p.positional.length === 0) throw new UsageError('Cần tên biểu mẫu (ví dụ I.2) hoặc all.');
  const ids: FormId[] = [];
  for (const name of p.positional) {
    if (name.toLowerCase() === 'all') ids.push(...forms().keys());
    else if (isFormId(name.toUpperCase())) ids.push(name.toUpperCase() as FormId);
    else throw new UsageError(`Không có biểu mẫu "${name}". Các biểu: ${FORM_IDS.join(', ')}`);
  }
  const planYear = yearOf(p);
  const unitName = str(p, 'unit');
  // The edition of the plan year's period (III.1, IV.1, II.6.C, II.7.B changed after 2020; from
  // 2026 the province in the district's place); without --year or --period, the plan being made now.
  const edition = period ?? periodOfYear(planYear ?? currentPlanYear()).period;
  const unused = [...new Set(ids)].filter((id) => notInPeriod(id, edition) !== undefined);
  if (unused.length > 0 && p.positional.every((n) => n.toLowerCase() !== 'all')) throw new UsageError(`${notInPeriod(unused[0], edition) ?? ''} Muốn mẫu của Sổ tay, thêm --period 2016-2020.`);
  makeDir(out);
  io.out(`Mẫu biểu giai đoạn ${edition}${planYear ? ` (năm kế hoạch ${planYear})` : period ? '' : ` (kế hoạch năm ${currentPlanYear()} đang lập)`}.\n`);
  for (const id of [...new Set(ids)]) {
    const why = notInPeriod(id, edition);
    if (why) {
      io.out(`Không ghi ${id}: ${why}\n`);
      continue;
    }
    const wb = (await xlsx()).create();
    // The sheet is named by the form id so that files and tabs match ("II.6.A.xlsx", sheet "II.6.A").
    // Tên nguồn vốn suggests the programs of the edition's period.
    const fundSources = fundSourceChoices(edition);
    await wb.createSheet(layoutForm(formEdition(getForm(id), edition), { ...(planYear ? { planYear } : {}), ...(unitName ? { unitName } : {}), sheetName: id, fundSources }));
    await wb.writeState({ ...(planYear ? { planYear } : {}), ...(unitName ? { unitName } : {}), sheetForms: { [id]: id } });
    const file = join(out, `${id}.xlsx`);
    checkOutput(file);
    writeAtomic(file, await wb.save());
    io.out(`Đã ghi ${shown(file)}\n`);
  }
  return 0;
}

/** Creates an output folder, or says in Vietnamese why it cannot. */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileProblem(systemMessage('ghi', dir, e), { cause: e });
  }
}

interface FileReport {
  readonly file: string;
  readonly forms: { sheet: string; form: FormId; confidence: number }[];
  readonly unrecognised: readonly string[];
  readonly findings: readonly Finding[];
  readonly readable: boolean;
}

/**
 * Across the files given together (a commune's folder of village files): each village named by
 * their I.1/I.2/I.3 sheets that has not sent one of them with content — the checklist's own lines
 * (villageCompleteness), keyed by file and sheet so two files' tabs of one name stay apart.
 */
async function villageLinesAcross(read: readonly { file: string; wb?: WorkbookPort; readings: readonly FormReading[] }[]): Promise<{ unit: string; missing: FormId[]; file?: string; sheet?: string }[]> {
  const sheetForms: Record<string, FormId> = {};
  const contents: Record<string, SheetContent> = {};
  const where = new Map<string, { file: string; sheet: string }>();
  for (const r of read) {
    if (!r.wb) continue;
    const forms: Record<string, FormId> = {};
    for (const x of r.readings) if (VILLAGE_FORMS.includes(x.formId)) forms[x.sheet] = x.formId;
    if (Object.keys(forms).length === 0) continue;
    const held = await sheetContents(r.wb, forms);
    for (const [sheet, form] of Object.entries(forms)) {
      const id = `${basename(r.file)} › ${sheet}`;
      sheetForms[id] = form;
      const c = held[sheet];
      if (c) contents[id] = c;
      where.set(id, { file: basename(r.file), sheet });
    }
  }
  if (Object.keys(sheetForms).length === 0) return [];
  return villageCompleteness(sheetForms, contents, VILLAGE_FORMS)
    .filter((l) => l.missing.length > 0)
    .map((l) => {
      const id = Object.entries(contents).find(([, c]) => c.unit !== undefined && villageKey(c.unit) === villageKey(l.unit))?.[0];
      const at = id !== undefined ? where.get(id) : undefined;
      return { unit: l.unit, missing: [...l.missing], ...(at ? at : {}) };
    });
}

async function readFile(file: string): Promise<{ report: FileReport; readings: FormReading[]; villages?: readonly VillageSheets[]; wb?: WorkbookPort }> {
  const name = basename(file);
  const unreadable = (e: unknown) => {
    // FileProblem and PortError messages are Vietnamese sentences already (what the file is, what to do).
    const reason = e instanceof Error ? e.message.replace(/^Không đọc được tệp "[^"]*": /, '') : String(e);
    return { readings: [], report: { file, forms: [], unrecognised: [], readable: false, findings: [finding('FILE_UNREADABLE', { sheet: '', file: name }, { reason })] } };
  };
  let wb: InputWorkbook;
  let r: Awaited<ReturnType<typeof readWorkbook>>;
  let modified: string | undefined;
  try {
    const bytes = readInput(file);
    wb = await openForReading(bytes);
    r = await readWorkbook(wb, { file: name });
    // The file's own save date, for the choice between two versions of one sheet.
    modified = await fileModified(bytes);
  } catch (e) {
    // One bad file never stops the others: it is named in the report, exit 2.
    if (e instanceof FileProblem || e instanceof PortError) return unreadable(e);
    throw e;
  }
  // Oversized merges or validations left out to read the file fast (trim.ts) are said, not hidden.
  const dropped = wb.dropped.length > 0 ? [finding('RANGE_DROPPED', { sheet: '', file: name }, { ranges: wb.dropped.slice(0, 5).join(', '), count: wb.dropped.length })] : [];
  return {
    readings: modified ? r.readings.map((x) => ({ ...x, fileModified: modified })) : [...r.readings],
    villages: r.villages,
    wb,
    report: {
      file,
      forms: r.readings.map((x) => ({ sheet: x.sheet, form: x.formId, confidence: Math.round(x.confidence * 100) / 100 })),
      unrecognised: r.unrecognised,
      findings: [...dropped, ...r.findings],
      readable: true,
    },
  };
}

function jsonFile(r: FileReport) {
  return {
    file: r.file,
    readable: r.readable,
    forms: r.forms,
    unrecognised: r.unrecognised,
    findings: r.findings.map((f) => ({ sheet: f.sheet, cell: f.cell ?? null, severity: f.severity, code: f.code, message: f.message, messageEn: f.messageEn })),
  };
}

async function validate(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, []);
  if (p.positional.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx.');
  const reports: FileReport[] = [];
  const read: { file: string; wb?: WorkbookPort; readings: readonly FormReading[] }[] = [];
  for (const f of p.positional) {
    const r = await readFile(f);
    reports.push(r.report);
    read.push({ file: f, readings: r.readings, ...(r.wb ? { wb: r.wb } : {}) });
  }
  // Which village has not sent I.1, I.2 or I.3, across the files given together (rule 8): a
  // commune's folder; one file alone is a village checking its own sheet, not a delivery.
  const villages = (read.length > 1 ? await villageLinesAcross(read) : []).map((l) =>
    finding('VILLAGE_FORMS_MISSING', { sheet: l.sheet ?? '', ...(l.file ? { file: l.file } : {}) }, { unit: l.unit, missing: `Biểu ${l.missing.join(', ')}` }),
  );
  const all = [...reports.flatMap((r) => r.findings), ...villages];
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const line = (f: Finding) => shownMessage(`${f.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? ''} [${f.code}] ${f.message}`);
  if (p.flags.has('json')) {
    const doc = {
      files: reports.map(jsonFile),
      villages: villages.map((f) => ({ file: f.file ?? null, sheet: f.sheet, severity: f.severity, code: f.code, message: f.message, messageEn: f.messageEn })),
      summary: { errors, warnings },
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of reports) {
      io.out(`${shown(r.file)}\n`);
      for (const f of r.forms) io.out(`  trang "${shown(f.sheet)}": biểu ${f.form}\n`);
      for (const s of r.unrecognised) io.out(`  trang "${shown(s)}": không phải biểu mẫu\n`);
      for (const f of r.findings) io.out(`  ${line(f)}\n`);
    }
    if (villages.length > 0) {
      io.out('Các thôn chưa gửi đủ biểu:\n');
      for (const f of villages) io.out(`  ${f.file ? `${shown(f.file)}: ` : ''}${line(f)}\n`);
    }
    io.out(`Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo.\n`);
  }
  if (reports.some((r) => !r.readable)) return 2;
  return errors > 0 ? 1 : 0;
}

const PERIODS: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];

function periodOf(p: Parsed): ProgramPeriod | undefined {
  const v = str(p, 'period');
  if (v === undefined) return undefined;
  if (!(PERIODS as readonly string[]).includes(v)) throw new UsageError(`Giai đoạn "${v}" không có; chọn ${PERIODS.join(', ')}.`);
  return v as ProgramPeriod;
}

function yearOf(p: Parsed): number | undefined {
  const yearText = str(p, 'year');
  if (yearText === undefined) return undefined;
  const y = Number(yearText);
  if (!(Number.isInteger(y) && y >= 2000 && y <= 2100)) throw new UsageError(`Năm kế hoạch "${yearText}" không hợp lệ.`);
  return y;
}

/**
 * Answers to source conflicts from --keep: "newer" (the most recently modified file of each
 * conflict), "all" (different units sharing a name: count every version), or file names to keep.
 */
function conflictChoices(conflicts: readonly SourceConflict[], keep: string | undefined, inputs: readonly string[]): Record<string, string> {
  const choices: Record<string, string> = {};
  if (!keep) return choices;
  const wanted = keep.split(',').map((k) => k.trim()).filter((k) => k !== '');
  const byName = new Map(inputs.map((f) => [basename(f), f]));
  for (const c of conflicts) {
    if (wanted.includes('all')) {
      choices[c.id] = 'all';
      continue;
    }
    if (wanted.includes('newer')) {
      const mtime = (file: string | undefined): number => {
        const path = file !== undefined ? byName.get(file) : undefined;
        return path ? statSync(path).mtimeMs : -Infinity;
      };
      const newest = [...c.candidates].sort((a, b) => mtime(b.file) - mtime(a.file))[0];
      choices[c.id] = newest.key;
      continue;
    }
    const named = c.candidates.find((x) => x.file !== undefined && wanted.some((w) => w === x.file || basename(w) === x.file));
    if (named) choices[c.id] = named.key;
  }
  return choices;
}

function printConflicts(conflicts: readonly SourceConflict[], io: Io): void {
  io.err('Chưa ghi gì: có nhiều bản khác nhau của cùng một biểu. Hãy chọn bản giữ lại rồi chạy lại:\n');
  for (const c of conflicts) {
    io.err(`  Biểu ${c.formId} của ${shown(c.unitName)}${c.sector ? ` (lĩnh vực ${shown(c.sector)})` : ''}:\n`);
    for (const x of c.candidates) io.err(`    - ${shown(x.file ?? '')}${x.modified ? ` (sửa ngày ${formatDateVi(x.modified.slice(0, 10))})` : ''} trang "${shown(x.sheet)}": ${x.activities} hoạt động, ${formatVnNumber(x.amount)} nghìn đồng\n`);
  }
  io.err('  --keep newer      giữ bản có thời gian sửa mới nhất của mỗi biểu\n');
  io.err('  --keep TỆP.xlsx   giữ bản trong tệp này (nhiều tệp cách nhau bằng dấu phẩy)\n');
  io.err('  --keep all        tính tất cả: đây là các đơn vị khác nhau trùng tên\n');
}

/**
 * `--undo`: the sheets the last consolidation (a merge accepted is one) or ranking replaced change
 * places with their "(cũ)" copies (core/src/year undoLastChange); running it again redoes.
 */
async function undoCommand(file: string, io: Io): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`Không có tệp "${file}".`);
  checkOutput(file);
  const wb = await (await xlsx()).load(readInput(file));
  const r = await createActions(wb).undoLastChange();
  if (!r) {
    io.err(`Không có gì để hoàn tác trong ${file}: chưa tổng hợp hay xếp ưu tiên lần nào, hoặc bản "(cũ)" đã bị xóa.\n`);
    return 2;
  }
  writeAtomic(file, await wb.save());
  const what = r.action === 'rank' ? 'lần xếp ưu tiên' : 'lần tổng hợp';
  io.out(`Đã hoàn tác ${what} gần nhất trong ${file}: ${r.restored.join(', ')} trở lại như trước; bản vừa thay nằm ở các trang "(cũ)" (hoàn tác lần nữa để lấy lại).\n`);
  return 0;
}

async function consolidate(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, ['out', 'accept-merges', 'period', 'year', 'commune', 'keep']);
  const out = str(p, 'out');
  if (!out) throw new UsageError('Cần --out KẾT_QUẢ.xlsx.');
  if (p.flags.has('undo')) return undoCommand(out, io);
  if (p.positional.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx của thôn hoặc ban ngành.');
  const period = periodOf(p);
  const planYear = yearOf(p);
  const accept = str(p, 'accept-merges');
  // Before any work: the output may not be an input, a folder or a FIFO.
  checkOutput(out, p.positional);
  const readings: FormReading[] = [];
  const villages: VillageSheets[] = [];
  const reports: FileReport[] = [];
  // The demo's files (`lkh demo` marks them) make the demo's plan: it shows no deadline of the real calendar.
  let demo = true;
  // The same path given twice is one file.
  for (const f of [...new Set(p.positional)]) {
    const r = await readFile(f);
    reports.push(r.report);
    readings.push(...r.readings);
    villages.push(...(r.villages ?? []));
    if (r.wb) demo = demo && readYearState(await readStateOrEmpty(r.wb)).demo;
  }
  const sources = readings.filter((r) => r.formId === 'I.2' || r.formId === 'II.3');
  if (sources.length === 0) {
    io.err('Không tìm thấy biểu I.2 hay II.3 nào trong các tệp đã cho.\n');
    if (p.flags.has('json')) io.out(`${JSON.stringify({ files: reports.map(jsonFile), read: 0 }, null, 2)}\n`);
    return 2;
  }
  // Over an existing plan, the sheets this run replaces and the copies it deletes are not parsed by
  // ExcelJS: the replaced sheets are read from their XML and kept as their copies as they are.
  const target = existsSync(out) ? await (await xlsx()).load(readInput(out), { defer: sheetsReplacedByPlan }) : (await xlsx()).create();
  const commune = str(p, 'commune');
  const options = {
    ...(period ? { period } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    ...(commune ? { communeName: commune } : {}),
    ...(accept ? { acceptMerges: accept === 'all' ? ('all' as const) : accept.split(',').map((x) => x.trim()) } : {}),
    // Each village's I.1 and I.3, for the validity of its list (its rows marked when not valid).
    ...(villages.length > 0 ? { villages } : {}),
  };
  let result: Awaited<ReturnType<typeof consolidateCommune>>;
  try {
    result = await consolidateCommune(target, readings, options);
  } catch (e) {
    if (!(e instanceof SourceConflictError)) throw e;
    const choices = conflictChoices(e.conflicts, str(p, 'keep'), p.positional);
    const open = e.conflicts.filter((c) => choices[c.id] === undefined);
    if (open.length > 0) {
      if (p.flags.has('json')) io.out(`${JSON.stringify({ out, written: false, conflicts: open, files: reports.map(jsonFile) }, null, 2)}\n`);
      printConflicts(open, io);
      return 2;
    }
    result = await consolidateCommune(target, readings, { ...options, sourceChoices: choices });
  }
  // --remove-copies: the "(cũ)" copies go too (each run keeps only one per sheet anyway).
  const removed = p.flags.has('remove-copies') ? (await createActions(target).removeCopies()).removed : [];
  if (demo) await target.writeState(markDemo(await readStateOrEmpty(target)));
  writeAtomic(out, await target.save());
  const findings = [...reports.flatMap((r) => r.findings), ...result.findings];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const rec = result.plan.reconciliation;
  if (p.flags.has('json')) {
    const doc = {
      out,
      removedCopies: removed,
      sheets: result.written.sheets,
      keptCopies: result.written.keptCopies,
      reconciliation: rec,
      returned: result.plan.returned.map((x) => ({
        activity: x.activity.activity,
        origin: x.origin.unit,
        reason: x.reason,
        message: x.message,
        file: x.activity.source.file ?? null,
        sheet: x.activity.source.sheet,
        cell: x.activity.source.cells.activity ?? null,
        amount: x.activity.total ?? null,
      })),
      suggestions: result.plan.suggestions,
      checks: result.checks.checks,
      counts: { activities: result.plan.activities.length, ii6a: result.written.ii6a.length, ii6b: result.written.ii6b.length },
      findings: findings.map((f) => ({ file: f.file ?? null, sheet: f.sheet, cell: f.cell ?? null, severity: f.severity, code: f.code, message: f.message })),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    // A short summary first, the findings by kind, the full list with --verbose, the exit explained (consolidate-report.ts).
    const lines = consolidationLines({
      out,
      sheets: result.written.sheets,
      reconciliation: rec,
      ii6a: result.written.ii6a.length,
      ii6b: result.written.ii6b.length,
      suggestions: result.plan.suggestions.length,
      checks: result.checks.checks,
      findings,
      removedCopies: removed,
      unreadable: reports.filter((r) => !r.readable).length,
      verbose: p.flags.has('verbose'),
    });
    io.out(`${lines.join('\n')}\n`);
  }
  // A file that could not be read is named above; the plan holds the others, but the run is not a success.
  if (reports.some((r) => !r.readable)) return 2;
  return errors > 0 ? 1 : 0;
}

async function demo(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, ['out']);
  const out = str(p, 'out');
  if (!out) throw new UsageError('Cần --out THƯ_MỤC.');
  makeDir(out);
  for (const f of demoFiles()) {
    const wb = (await xlsx()).create();
    for (const s of f.sheets) await wb.createSheet(s.layout);
    // Marked as the demo's: no deadline of the real calendar applies to it (lkh status).
    await wb.writeState(markDemo({ planYear: DEMO_YEAR, sheetForms: Object.fromEntries(f.sheets.map((s) => [s.layout.name, s.formId])) }));
    const file = join(out, f.name);
    checkOutput(file);
    writeAtomic(file, await wb.save());
    io.out(`Đã ghi ${shown(file)}\n`);
  }
  return 0;
}

/** lkh catalogue FILE.xlsx: writes the period's reference data as a "Danh mục" sheet the province or commune can update. */
async function catalogueCommand(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, ['period', 'year']);
  const [file] = p.positional;
  if (!file) throw new UsageError('Cần tệp .xlsx để ghi trang "Danh mục" (tệp chưa có sẽ được tạo).');
  checkOutput(file);
  const wb = existsSync(file) ? await (await xlsx()).load(readInput(file)) : (await xlsx()).create();
  const state = await wb.readState().catch(() => ({}) as DocumentState);
  const year = yearOf(p) ?? state.planYear;
  const period = periodOf(p) ?? state.period ?? periodOfYear(year).period;
  if (year !== undefined && state.planYear === undefined) await wb.writeState({ ...state, planYear: year, period });
  const r = await createActions(wb).writeCatalogue();
  writeAtomic(file, await wb.save());
  io.out(`Đã ghi trang "${shown(r.sheet)}" (${r.entries} mục, giai đoạn ${period}) vào ${shown(file)}.${r.keptCopy ? ` Trang cũ được giữ lại thành "${shown(r.keptCopy)}".` : ''} Sửa trang này khi có quyết định mới; lkh consolidate sẽ dùng nó thay cho danh mục có sẵn.\n`);
  return 0;
}

async function rankCommand(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, ['list', 'ballot', 'method', 'participants']);
  const [file] = p.positional;
  if (!file) throw new UsageError('Cần tệp .xlsx chứa danh sách hoạt động.');
  if (!existsSync(file)) throw new UsageError(`Không có tệp "${file}".`);
  checkOutput(file);
  const wb = await (await xlsx()).load(readInput(file));
  const actions = createActions(wb);
  const ballot = str(p, 'ballot');
  const list = str(p, 'list');
  if (p.flags.has('undo')) return undoCommand(file, io);
  if (!ballot) {
    if (!list) throw new UsageError('Cần --list TRANG (ví dụ II.6.B) để tạo phiếu, hoặc --ballot TRANG để xếp ưu tiên từ phiếu đã điền.');
    const method = str(p, 'method') ?? 'marks';
    if (method !== 'marks' && method !== 'scores') throw new UsageError('--method là marks (đánh dấu, bỏ hạt) hoặc scores (chấm điểm theo tiêu chí).');
    const participants = str(p, 'participants') !== undefined ? Number(str(p, 'participants')) : 10;
    if (!(Number.isInteger(participants) && participants >= 1 && participants <= 500)) throw new UsageError('--participants là số người từ 1 đến 500.');
    const r = await actions.createBallot({ listSheet: list, method, participants });
    writeAtomic(file, await wb.save());
    io.out(`Đã tạo trang "${shown(r.sheet)}" (${r.items} hoạt động) trong ${shown(file)}. In phiếu, cho đại biểu đánh dấu/chấm điểm, nhập vào trang này rồi chạy: lkh rank ${shown(file)} --ballot "${shown(r.sheet)}"\n`);
    return 0;
  }
  let r: Awaited<ReturnType<typeof actions.rankFromBallot>>;
  try {
    r = await actions.rankFromBallot({ ballotSheet: ballot, ...(list ? { listSheet: list } : {}) });
  } catch (e) {
    // An empty or unreadable ballot: nothing ranked, the file is not rewritten.
    if (e instanceof RankingRefused) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  writeAtomic(file, await wb.save());
  if (p.flags.has('json')) io.out(`${JSON.stringify(r, null, 2)}\n`);
  else {
    io.out(`Đã xếp ưu tiên ${r.ranks.length} hoạt động của trang "${shown(r.sheet)}" (${r.participants} đại biểu):\n`);
    for (const x of [...r.ranks].sort((a, b) => a.rank - b.rank)) io.out(`  ${x.rank}. ${shown(x.activity)} — ${formatVnNumber(x.total)}${x.tieBreak ? ` (bằng điểm hoạt động sau; xếp trước vì ${x.tieBreak})` : ''}\n`);
    // Rule 8, as written on the tally sheet.
    io.out(`  Tính hợp lệ: ${shown(r.validity.text)} (đã ghi vào ô ${r.validity.cell} trang "${shown(r.validity.sheet)}")\n`);
    for (const f of r.findings) io.out(`  ${shownMessage(`${f.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${f.sheet}!${f.cell ?? ''} [${f.code}] ${f.message}`)}\n`);
  }
  return r.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], printer: Io = stdio): Promise<number> {
  // Every printer below writes through this: no control character from the files reaches the terminal.
  const io = terminalIo(printer);
  // Zips inflated and deflated by Node's zlib rather than JSZip's JavaScript (zip-codec.ts).
  useZipCodec(nodeZipCodec);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template':
        return await template(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'consolidate':
        return await consolidate(rest, io);
      case 'demo':
        return await demo(rest, io);
      case 'rank':
        return await rankCommand(rest, io);
      case 'catalogue':
        return await catalogueCommand(rest, io);
      case 'district':
      case 'upper':
        return await districtCommand(rest, io);
      case 'feedback': return await (await import('./feedback')).feedbackCommand(rest, io);
      case 'status':
        return await (await import('./status')).statusCommand(rest, io);
      case 'document':
        // Loaded only when used: it brings the Word writer.
        return await (await import('./document')).documentCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh "${command}" không có.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof FileProblem || e instanceof PortError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
