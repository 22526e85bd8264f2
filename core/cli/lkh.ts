/**
 * The `lkh` command (installed through package.json "bin"; run with `npx lkh`).
 *   lkh template <FORM...|all> --out DIR [--year YYYY] [--unit NAME]
 *   lkh validate FILE... [--json]
 * Exit codes: 0 success / no errors; 1 error findings; 2 a file cannot be read or bad usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { forms, getForm, isFormId } from '../src/forms/registry';
import type { FormId } from '../src/forms/types';
import { FORM_IDS } from '../src/forms/types';
import { layoutForm } from '../src/layout/engine';
import { readWorkbook } from '../src/reader/workbook';
import type { Finding } from '../src/validate/messages';
import { finding } from '../src/validate/messages';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';

const USAGE = `Cách dùng:
  lkh template <BIỂU...|all> --out THƯ_MỤC [--year NĂM] [--unit TÊN]
      Ghi mỗi biểu mẫu thành một tệp .xlsx (ví dụ II.6.A.xlsx, trang tính "II.6.A").
  lkh validate TỆP.xlsx... [--json]
      Nhận diện biểu mẫu trong từng trang tính và kiểm tra số liệu.
      Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.
Các biểu: ${FORM_IDS.join(', ')}`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
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
  const p = parseArgs(args, ['out', 'year', 'unit']);
  const out = str(p, 'out');
  if (!out) throw new UsageError('Cần --out THƯ_MỤC.');
  if (p.positional.length === 0) throw new UsageError('Cần tên biểu mẫu (ví dụ I.2) hoặc all.');
  const ids: FormId[] = [];
  for (const name of p.positional) {
    if (name.toLowerCase() === 'all') ids.push(...forms().keys());
    else if (isFormId(name.toUpperCase())) ids.push(name.toUpperCase() as FormId);
    else throw new UsageError(`Không có biểu mẫu "${name}". Các biểu: ${FORM_IDS.join(', ')}`);
  }
  const yearText = str(p, 'year');
  const planYear = yearText !== undefined ? Number(yearText) : undefined;
  if (planYear !== undefined && !(Number.isInteger(planYear) && planYear >= 2000 && planYear <= 2100)) {
    throw new UsageError(`Năm kế hoạch "${yearText}" không hợp lệ.`);
  }
  const unitName = str(p, 'unit');
  mkdirSync(out, { recursive: true });
  for (const id of [...new Set(ids)]) {
    const wb = XlsxWorkbook.create();
    // The sheet is named by the form id so that files and tabs match ("II.6.A.xlsx", sheet "II.6.A").
    await wb.createSheet(layoutForm(getForm(id), { ...(planYear ? { planYear } : {}), ...(unitName ? { unitName } : {}), sheetName: id }));
    await wb.writeState({ ...(planYear ? { planYear } : {}), ...(unitName ? { unitName } : {}), sheetForms: { [id]: id } });
    const file = join(out, `${id}.xlsx`);
    writeFileSync(file, await wb.save());
    io.out(`Đã ghi ${file}\n`);
  }
  return 0;
}

interface FileReport {
  readonly file: string;
  readonly forms: { sheet: string; form: FormId; confidence: number }[];
  readonly unrecognised: readonly string[];
  readonly findings: readonly Finding[];
  readonly readable: boolean;
}

async function validateFile(file: string): Promise<FileReport> {
  const name = basename(file);
  let wb: XlsxWorkbook;
  try {
    wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { file, forms: [], unrecognised: [], readable: false, findings: [finding('FILE_UNREADABLE', { sheet: '', file: name }, { reason })] };
  }
  const r = await readWorkbook(wb, { file: name });
  return {
    file,
    forms: r.readings.map((x) => ({ sheet: x.sheet, form: x.formId, confidence: Math.round(x.confidence * 100) / 100 })),
    unrecognised: r.unrecognised,
    findings: r.findings,
    readable: true,
  };
}

async function validate(args: readonly string[], io: Io): Promise<number> {
  const p = parseArgs(args, []);
  if (p.positional.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx.');
  const reports: FileReport[] = [];
  for (const f of p.positional) reports.push(await validateFile(f));
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (p.flags.has('json')) {
    const doc = {
      files: reports.map((r) => ({
        file: r.file,
        readable: r.readable,
        forms: r.forms,
        unrecognised: r.unrecognised,
        findings: r.findings.map((f) => ({ sheet: f.sheet, cell: f.cell ?? null, severity: f.severity, code: f.code, message: f.message, messageEn: f.messageEn })),
      })),
      summary: { errors, warnings },
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of reports) {
      io.out(`${r.file}\n`);
      for (const f of r.forms) io.out(`  trang "${f.sheet}": biểu ${f.form}\n`);
      for (const s of r.unrecognised) io.out(`  trang "${s}": không phải biểu mẫu\n`);
      for (const f of r.findings) io.out(`  ${f.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? ''} [${f.code}] ${f.message}\n`);
    }
    io.out(`Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo.\n`);
  }
  if (reports.some((r) => !r.readable)) return 2;
  return errors > 0 ? 1 : 0;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template':
        return await template(rest, io);
      case 'validate':
        return await validate(rest, io);
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
    throw e;
  }
}
