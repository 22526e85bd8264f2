/**
 * `lkh district FILE... --out OUT.xlsx [--json] [--upper NAME] [--funds AMOUNT_TRIEU] [--year YYYY]
 *   [--period P] [--feedback-dir DIR] [--feedback-commune NAME]` (also `lkh upper`)
 * The upper level's roll-up of the communes' plans (workflow/upper-level). OUT.xlsx holds the
 * communes' data as long tables, whatever their number: each commune given replaces its rows,
 * the others are kept. When OUT.xlsx exists it is updated: what the offices typed in the
 * appraisal columns is kept (the summary's previous version kept as one copy); communes' tabs of
 * the earlier tab-per-commune layout found in it are imported once. --feedback-dir writes one
 * feedback file per commune, for `lkh feedback`. Exit codes: 0 success; 1 error findings; 2 bad
 * usage, OUT unreadable, or no commune plan found in the files.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ProgramPeriod } from '../src/port/types';
import { formatVnNumber, parseNumber } from '../src/text';
import type { Finding } from '../src/validate/messages';
import { finding } from '../src/validate/messages';
import type { DistrictSource } from '../src/workflow/upper-level';
import { feedbackLayouts, rollUpCommunes } from '../src/workflow/upper-level';
import { topicHeading } from '../src/forms/topics';
import type { XlsxWorkbook as XlsxWorkbookClass } from '../src/xlsx/xlsx-workbook';

/**
 * The workbook library (ExcelJS) is loaded by the commands that read or write a file, not by
 * `lkh --help` or a usage error: it costs about as much as the rest of the CLI's start.
 */
async function xlsx(): Promise<typeof XlsxWorkbookClass> {
  return (await import('../src/xlsx/xlsx-workbook')).XlsxWorkbook;
}
import { checkOutput, readInput, writeAtomic } from './files';
import { shown, shownMessage } from './terminal';
import { fileModified, openForReading } from '../src/xlsx/read-input';

export interface DistrictIo {
  out(s: string): void;
  err(s: string): void;
}

export const DISTRICT_USAGE = `Cách dùng:
  lkh district TỆP.xlsx... --out KẾT_QUẢ.xlsx [--json] [--upper TÊN] [--funds SỐ_TRIỆU_ĐỒNG]
               [--year NĂM] [--period 2016-2020|2021-2025|2026-2030]
               [--feedback-dir THƯ_MỤC] [--feedback-commune TÊN_XÃ]
      (hoặc lkh upper …) Tổng hợp Biểu II.6.A, II.6.B (và II.4.B, II.4.A, III.1 nếu có) của các
      xã cho cấp trên. Số liệu các xã nằm trong các bảng dữ liệu (mỗi loại biểu một trang, mỗi
      hoạt động một dòng), dù có bao nhiêu xã: tệp của một xã thay các dòng của xã đó, các xã khác
      giữ nguyên. Từ đó: tổng hợp theo ngành, lĩnh vực (có cột thẩm định), theo xã, xếp ưu tiên
      trong nguồn vốn cấp trên, bảng "Phản hồi các xã" và phiếu phản hồi in cho một xã
      (--feedback-commune). --feedback-dir: ghi mỗi xã một tệp phản hồi để gửi về xã (xã nhận bằng
      lkh feedback). --upper: tên cấp trên, ví dụ "Tỉnh Lào Cai" (kế hoạch từ năm 2026: tỉnh; các
      năm trước theo Sổ tay). --funds: vốn cấp trên nắm giữ cho các hoạt động chưa rõ nguồn vốn
      (không nhập: lấy tổng kinh phí của Biểu IV.1 nếu có trong các tệp).
      Nếu KẾT_QUẢ.xlsx đã có, cập nhật và giữ nguyên ý kiến thẩm định đã nhập; các trang của từng
      xã theo cách sắp xếp cũ có trong tệp được nhập vào bảng dữ liệu một lần.
      Mã thoát: 0 thành công, 1 còn lỗi, 2 sai cách dùng hoặc không đọc được gì.`;

class UsageError extends Error {}

const VALUED = ['out', 'upper', 'funds', 'year', 'period', 'feedback-dir', 'feedback-commune'];
const PERIODS: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];

interface Parsed {
  readonly files: string[];
  readonly flags: Map<string, string | true>;
}

function parse(args: readonly string[]): Parsed {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (VALUED.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`Thiếu giá trị cho --${name}.`);
      flags.set(name, v);
    } else if (name === 'json' || name === 'help') {
      flags.set(name, true);
    } else {
      throw new UsageError(`Không có tùy chọn --${name}.`);
    }
  }
  return { files, flags };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function fundsOf(p: Parsed): number | undefined {
  const v = str(p, 'funds');
  if (v === undefined) return undefined;
  const n = parseNumber(v);
  if (!n.ok || n.value < 0) throw new UsageError(`Số vốn "${v}" không hợp lệ: ghi số triệu đồng, ví dụ 1.500 hoặc 1500,5.`);
  return n.value;
}

function yearOf(p: Parsed): number | undefined {
  const v = str(p, 'year');
  if (v === undefined) return undefined;
  const y = Number(v);
  if (!(Number.isInteger(y) && y >= 2000 && y <= 2100)) throw new UsageError(`Năm kế hoạch "${v}" không hợp lệ.`);
  return y;
}

function periodOf(p: Parsed): ProgramPeriod | undefined {
  const v = str(p, 'period');
  if (v === undefined) return undefined;
  if (!(PERIODS as readonly string[]).includes(v)) throw new UsageError(`Giai đoạn "${v}" không có; chọn ${PERIODS.join(', ')}.`);
  return v as ProgramPeriod;
}

const num = (n: number): string => formatVnNumber(n, 3);

const jsonFinding = (f: Finding) => ({ file: f.file ?? null, sheet: f.sheet, cell: f.cell ?? null, severity: f.severity, code: f.code, message: f.message });

function line(f: Finding): string {
  const where = [f.file, f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''}` : ''].filter(Boolean).join(' ');
  return `  ${shownMessage(`${f.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${where ? `${where} ` : ''}[${f.code}] ${f.message}`)}\n`;
}

async function run(args: readonly string[], io: DistrictIo): Promise<number> {
  const p = parse(args);
  if (p.flags.has('help')) {
    io.out(`${DISTRICT_USAGE}\n`);
    return 0;
  }
  const out = str(p, 'out');
  if (!out) throw new UsageError('Cần --out KẾT_QUẢ.xlsx.');
  if (p.files.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx kế hoạch của xã.');
  const funds = fundsOf(p);
  const planYear = yearOf(p);
  const period = periodOf(p);
  const upper = str(p, 'upper');
  const outPath = resolve(out);
  // The output may be given among the inputs (it is then read as the previous run), but never a folder or a FIFO.
  checkOutput(out);
  const sources: DistrictSource[] = [];
  const fileFindings: Finding[] = [];
  for (const f of p.files) {
    if (resolve(f) === outPath) continue; // the result is read as the previous run, not as a commune
    try {
      const data = readInput(f);
      const modified = await fileModified(data);
      sources.push({ port: await openForReading(data), file: basename(f), ...(modified ? { modified } : {}) });
    } catch (e) {
      fileFindings.push(finding('FILE_UNREADABLE', { sheet: '', file: basename(f) }, { reason: e instanceof Error ? e.message.replace(/^Không đọc được tệp "[^"]*": /, '') : String(e) }));
    }
  }
  let target: XlsxWorkbookClass;
  const previous = existsSync(out);
  try {
    target = previous ? await (await xlsx()).load(readInput(out)) : (await xlsx()).create();
  } catch (e) {
    io.err(`Không đọc được ${shown(out)} (kết quả lần trước): ${e instanceof Error ? e.message : String(e)}. Không ghi đè; hãy chọn tệp khác.\n`);
    return 2;
  }
  const feedbackDir = str(p, 'feedback-dir');
  const feedbackCommune = str(p, 'feedback-commune');
  // The previous result is read too: communes' tabs of the earlier tab-per-commune layout in it are imported once.
  const result = await rollUpCommunes(previous ? [...sources, { port: target }] : sources, target, {
    ...(upper ? { upperLevel: upper } : {}),
    ...(feedbackCommune ? { feedbackCommune } : {}),
    ...(funds !== undefined ? { funds } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    ...(period ? { period } : {}),
  });
  const { rollup } = result;
  const findings = [...fileFindings, ...rollup.findings];
  const activities = result.reading.communes.reduce((n, c) => n + c.activities.length, 0);
  if (activities === 0 && result.reading.held.length === 0) {
    // Nothing to roll up: the previous result (if any) is left untouched.
    io.err('Không tìm thấy hoạt động nào trong Biểu II.6.A, II.6.B hay II.4.B của các tệp đã cho.\n');
    for (const f of [...findings, ...rollup.issues]) io.err(line(f));
    return 2;
  }
  writeAtomic(outPath, await target.save());
  // One feedback file per commune, each its "Phản hồi - <xã>" sheet alone (what lkh feedback reads back).
  const feedbackFiles: string[] = [];
  if (feedbackDir) {
    for (const layout of feedbackLayouts(rollup)) {
      const wb = (await xlsx()).create();
      await wb.createSheet(layout);
      const file = join(feedbackDir, `${layout.name.replace(/[\\/:*?"<>|]/g, ' ').trim()}.xlsx`);
      writeAtomic(file, await wb.save());
      feedbackFiles.push(file);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length + rollup.issues.filter((i) => i.severity === 'error').length;
  const rec = rollup.reconciliation;
  const verdicts = { accepted: 0, rejected: 0, pending: 0 };
  for (const c of rollup.communes) for (const k of ['accepted', 'rejected', 'pending'] as const) verdicts[k] += c.verdicts[k];
  const within = rollup.ranking.filter((r) => r.withinFunds === true);
  if (p.flags.has('json')) {
    const doc = {
      out,
      upperLevel: rollup.upperLevel,
      planYear: rollup.planYear ?? null,
      funds: rollup.funds ?? null,
      fundsFrom: rollup.fundsFrom ?? null,
      sheets: result.sheets,
      keptCopies: result.keptCopies,
      imported: result.imported,
      removed: result.removed,
      feedbackCommune: result.feedbackCommune ?? null,
      feedbackFiles,
      reconciliation: rec,
      communes: rollup.communes.map((c) => ({
        name: c.name,
        count: c.count,
        total: c.total,
        contribution: c.contribution,
        budget: c.budget,
        proposed: c.proposed,
        ii6a: c.ii6a,
        ii6b: c.ii6b,
        iii1: c.iii1 ? { total: c.iii1.total, ii6aBudget: c.iii1.ii6aBudget, within: c.iii1.within } : null,
        verdicts: c.verdicts,
        reconciliation: c.reconciliation,
        ii4bMatches: c.ii4bMatches ?? null,
      })),
      appraisals: { ...verdicts, kept: rec.keptAppraisals, vanished: rec.vanished },
      ranking: rollup.ranking.map((r) => ({
        order: r.order,
        commune: r.row.commune,
        activity: r.row.activity,
        upperPriority: r.row.appraisal.upperPriority ?? null,
        communePriority: r.row.communePriority ?? null,
        proposed: r.row.proposed,
        cumulative: r.cumulative,
        withinFunds: r.withinFunds ?? null,
        key: r.row.key,
      })),
      sheetsRead: result.reading.sheets,
      issues: rollup.issues.map((f) => ({ ...jsonFinding(f), commune: f.params.commune ?? null })),
      findings: findings.map(jsonFinding),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.out(`Đã ghi ${shown(out)}: ${shown(result.sheets.join(', '))}\n`);
    const fromTabs = result.imported.filter((i) => i.fromTabs);
    io.out(
      `Bảng dữ liệu các xã: nhập ${result.imported.length} xã${fromTabs.length > 0 ? ` (${fromTabs.length} xã từ các trang theo cách sắp xếp cũ)` : ''}, giữ nguyên ${rollup.communes.length - result.imported.length} xã đã có; đọc được = ghi vào bảng: ${
        result.imported.every((i) => i.balanced) ? 'khớp' : 'KHÔNG KHỚP'
      }.\n`,
    );
    if (result.removed.length > 0) io.out(`Đã xóa ${result.removed.length} trang "Phản hồi - …" của cách sắp xếp cũ (nay ở bảng "Phản hồi các xã").\n`);
    if (result.feedbackCommune) io.out(`Phiếu phản hồi in cho: ${shown(result.feedbackCommune)}.\n`);
    if (feedbackFiles.length > 0) io.out(`Đã ghi ${feedbackFiles.length} tệp phản hồi vào ${shown(feedbackDir ?? '')}.\n`);
    for (const c of rollup.communes) {
      io.out(
        `  ${shown(c.name)}: ${c.count} hoạt động (${num(c.total)} nghìn đồng) — II.6.A ${c.ii6a.count}, II.6.B ${c.ii6b.count}${c.iii1 ? `; III.1 ${num(c.iii1.total)} triệu đồng` : ''} — ${c.reconciliation.balanced ? 'khớp' : 'KHÔNG KHỚP'}\n`,
      );
    }
    io.out(`Đọc ${rec.read.count} hoạt động của ${rollup.communes.length} xã (${num(rec.read.amount)} nghìn đồng) = đưa vào tổng hợp ${rec.written.count} (${num(rec.written.amount)}): ${rec.balanced ? 'khớp' : 'KHÔNG KHỚP'}.\n`);
    io.out(`Ý kiến thẩm định: đồng ý ${verdicts.accepted}, không đồng ý ${verdicts.rejected}, chưa có ${verdicts.pending}; giữ lại từ lần trước ${rec.keptAppraisals}; không còn trong biểu của xã ${rec.vanished}.\n`);
    const from = rollup.fundsFrom?.kind === 'iv1' ? ` (theo Biểu IV.1: ${shown(rollup.fundsFrom.sheets?.join('; ') ?? '')})` : rollup.fundsFrom?.kind === 'saved' ? ' (số của lần tổng hợp trước)' : '';
    io.out(
      rollup.funds !== undefined
        ? `Vốn ${shown(rollup.upperLevel)}: ${num(rollup.funds)} triệu đồng${from}; II.6.B được đồng ý: ${rollup.ranking.length} hoạt động, trong khả năng vốn ${within.length}.\n`
        : `Chưa có số vốn ${shown(rollup.upperLevel)} nắm giữ (--funds hoặc Biểu IV.1): chưa xếp được trong khả năng vốn.\n`,
    );
    for (const t of rec.topics) {
      io.out(`  ${topicHeading(t.topic)}: đọc ${t.read.count} (${num(t.read.amount)}) = đưa vào ${t.written.count} (${num(t.written.amount)}): ${t.balanced ? 'khớp' : 'KHÔNG KHỚP'}\n`);
    }
    for (const f of [...findings, ...rollup.issues]) io.out(line(f));
  }
  return errors > 0 ? 1 : 0;
}

/** Runs `lkh district`; returns the exit code. */
export async function districtCommand(args: readonly string[], io: DistrictIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${DISTRICT_USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
