/**
 * What the sidebar and the menu ask the server, over a workbook port: the core's actions
 * (core/src/app/actions.ts), the upper level's roll-up of the communes' tabs
 * (core/src/workflow/district.ts), tabs made from .xlsx files read in the sidebar, protection of
 * a commune's tab, and the data the sidebar needs to build the package sent upward.
 *
 * Async like the core; main.ts runs each call to completion with runSync (sync-promise.ts). Every
 * request comes from the browser, so its shape is checked here; every result is JSON.
 *
 * ExcelJS never enters the server: files are read in the sidebar (core reader, XlsxWorkbook) and
 * arrive here as layouts; the package is built in the sidebar from exportData().
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */
import type { ConsolidateOptions, ConsolidationView, Settings } from '../../../core/src/app/actions';
import { createActions, findingView } from '../../../core/src/app/actions';
import { sanitizeState, validSettings } from '../../../core/src/app/settings';
import type { FormId, Level } from '../../../core/src/forms/types';
import { isFormId } from '../../../core/src/forms/registry';
import { isPlainSum } from '../../../core/src/layout/engine';
import type { SheetLayout } from '../../../core/src/layout/types';
import { isInternalSheet } from '../../../core/src/port/memory';
import type { DocumentState, WorkbookPort } from '../../../core/src/port/types';
import type { Checklist, DateOverride } from '../../../core/src/workflow/calendar';
import type { YearDocumentKind } from '../../../core/src/year';
import { YEAR_DOCUMENT_KINDS } from '../../../core/src/year';
import { MemoryWorkbook } from '../../../core/src/port/memory';
import type { DistrictSource, RollUpResult } from '../../../core/src/workflow/upper-level';
import { FEEDBACK_VIEW, feedbackFileLayouts, importCommunePackages, isRollupSheet, rollUpCommunes, writeFeedbackView } from '../../../core/src/workflow/upper-level';
import type { SheetOrigin } from '../../../core/src/workflow/plan';
import { SHEET_ORIGINS_KEY, readSheetOrigins } from '../../../core/src/workflow/plan';
import type { ExportData, FeedbackFilesPage, FeedbackViewResult, ImportRequest, ImportResult, PackagesRequest, PackagesResult, ProtectRequest, ProtectView, RollUpRequest, RollUpView } from './entry-points';
import type { LockOptions } from './lock';
import { withDocumentLock } from './lock';
import type { ProtectOptions, ProtectResult } from './protect';

/** What the API needs from the host, besides the port. */
export interface ServerEnv {
  readonly port: WorkbookPort;
  /** Activates the cell (its sheet first): the user sees it selected. */
  selectCell(sheet: string, cell: string): void;
  /** protect.ts protectCommuneSheet on the active spreadsheet. */
  protect(sheet: string, options: ProtectOptions): Promise<ProtectResult>;
  /** Milliseconds, for the elapsed time reported and the time budgets (default Date.now). */
  now?(): number;
  /** The document lock (default: LockService.getDocumentLock, SpreadsheetApp.flush). */
  readonly lock?: LockOptions;
  /** How long the roll-up may spend reading before it gives up without writing (default READ_BUDGET_MS). */
  readonly readBudgetMs?: number;
  /** How long consolidate and importSheets may run before they stop without writing more (default WORK_BUDGET_MS). */
  readonly workBudgetMs?: number;
}

/**
 * Reading the communes' tabs for longer than this leaves too little of Apps Script's 6 minutes
 * for writing ~300 sheets (BENCHMARKS.md, Google Sheets): the roll-up stops before writing
 * anything rather than being cut off halfway through.
 */
export const READ_BUDGET_MS = 240_000;

export function readBudgetMessage(seconds: number): string {
  return `Đọc biểu của các xã đã mất ${seconds} giây, nên ghi kết quả sẽ vượt giới hạn 6 phút của Google; chưa ghi gì. Hãy để mỗi xã chỉ các trang II.6.A, II.6.B (và III.1) trong bảng tính này, hoặc chia các xã ra nhiều bảng tính rồi tổng hợp từng bảng.`;
}

/**
 * What consolidate and importSheets may spend of the 6 minutes Apps Script gives one execution
 * before they stop. Consolidation checks it once, before its first write (the plan's half-dozen
 * sheets then have 1.5 minutes); an import checks it before each sheet, counting the longest
 * sheet written so far, so each sheet is written whole or not at all.
 */
export const WORK_BUDGET_MS = 270_000;

export function consolidateBudgetMessage(seconds: number): string {
  return `Đọc và tổng hợp các biểu đã mất ${seconds} giây, nên ghi kế hoạch sẽ vượt giới hạn 6 phút của Google; kế hoạch chưa thay đổi (chưa ghi gì). Hãy tổng hợp ít trang hơn: chuyển các bản sao "(cũ)" và các trang không phải biểu của thôn, ban ngành sang bảng tính khác, rồi bấm Tổng hợp lại.`;
}

export function importBudgetMessage(file: string, created: readonly string[], notCreated: readonly string[]): string {
  const done = created.length > 0 ? `đã ghi ${created.length} trang (${created.join(', ')})` : 'chưa ghi trang nào';
  return `Tệp "${file}": ${done}; ${notCreated.length} trang chưa ghi (${notCreated.join(', ')}) vì sắp hết giới hạn 6 phút của Google cho một lần chạy. Mỗi trang được ghi trọn vẹn hoặc không ghi gì: hãy nhập tiếp các trang còn lại trong một lần nhập mới (từng trang một nếu cần).`;
}

/** The forms a commune sends up (core/src/app/transfer.ts PACKAGE_FORMS; that module loads ExcelJS, so not imported). */
export const PACKAGE_FORMS: readonly FormId[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'];

/** Findings and issues listed in a roll-up's result; the report sheet holds them all. */
export const ROLLUP_LIST_LIMIT = 200;

/** Cells accepted in one import call (a commune's file has a few thousand; a call has 6 minutes). */
export const IMPORT_CELL_LIMIT = 400_000;

export const UPPER_LEVELS: ReadonlySet<Level> = new Set<Level>(['huyen', 'tinh']);

export function isUpperLevel(level: Level | undefined): boolean {
  return level !== undefined && UPPER_LEVELS.has(level);
}

/** Shown when "Tổng hợp" of a commune is asked in a spreadsheet set to the upper level. */
export function upperLevelConsolidateMessage(level: Level): string {
  const name = level === 'tinh' ? 'tỉnh' : 'huyện';
  return `Bảng tính này đặt cấp ${name}: hãy dùng "Tổng hợp các xã" (thẻ "Cấp trên" của bảng điều khiển, hoặc Tiện ích → LKH → Tổng hợp một lần bấm) để tổng hợp biểu của các xã.`;
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;

/** A tab name Sheets and the port accept: no : \ / ? * [ ], no apostrophe at either end, 31 characters. */
export function cleanSheetName(name: string): string {
  const clean = name.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
  return clean === '' || isInternalSheet(clean) || clean.toLowerCase() === 'history' ? `Trang ${clean}`.slice(0, 31).trim() : clean;
}

/** `name`, or "name (2)", "name (3)"… within 31 characters, not among `taken` (case-insensitive). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

// ---------------------------------------------------------------------------------------
// Checking what the browser sends.

function fail(what: string): never {
  throw new Error(`Dữ liệu gửi từ bảng điều khiển không hợp lệ (${what}). Hãy đóng bảng điều khiển rồi mở lại.`);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** A layout as the sidebar sends it: the fields the port reads, with the right types. */
export function checkLayout(x: unknown): SheetLayout {
  if (!isObject(x)) fail('trang tính');
  const l = x as Record<string, unknown>;
  if (typeof l.name !== 'string') fail('tên trang');
  if (!Array.isArray(l.cells) || !Array.isArray(l.merges) || !Array.isArray(l.validations) || !Array.isArray(l.columnWidths) || !Array.isArray(l.tables)) fail(`trang "${l.name}"`);
  if (!isObject(l.rowHeights) || !isObject(l.styles) || !isObject(l.print) || !isObject((l.print as Record<string, unknown>).area)) fail(`trang "${l.name}"`);
  for (const c of l.cells as unknown[]) {
    if (!isObject(c) || !isIndex(c.row) || !isIndex(c.col) || typeof c.style !== 'string') fail(`ô của trang "${l.name}"`);
    const v = c.value;
    if (!(v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) fail(`giá trị ô của trang "${l.name}"`);
    if (c.formula !== undefined && typeof c.formula !== 'string') fail(`công thức của trang "${l.name}"`);
  }
  for (const m of l.merges as unknown[]) {
    if (!isObject(m) || !isIndex(m.row) || !isIndex(m.col) || !isIndex(m.rows) || !isIndex(m.cols)) fail(`ô gộp của trang "${l.name}"`);
  }
  if ((l.columnWidths as unknown[]).some((w) => typeof w !== 'number' || !Number.isFinite(w))) fail(`độ rộng cột của trang "${l.name}"`);
  return x as unknown as SheetLayout;
}

function checkImport(x: unknown): ImportRequest {
  if (!isObject(x) || typeof x.file !== 'string' || !Array.isArray(x.sheets)) fail('tệp');
  let cells = 0;
  for (const s of x.sheets as unknown[]) {
    if (!isObject(s)) fail('trang tính');
    checkLayout(s.layout);
    if (s.formId !== undefined && s.formId !== null && !(typeof s.formId === 'string' && isFormId(s.formId))) fail('mã biểu');
    cells += ((s.layout as Record<string, unknown>).cells as unknown[]).length;
  }
  if (cells > IMPORT_CELL_LIMIT) {
    throw new Error(`Tệp "${x.file}" có ${cells} ô, quá nhiều để ghi trong một lần (tối đa ${IMPORT_CELL_LIMIT}). Hãy tách tệp thành các tệp nhỏ hơn.`);
  }
  // Values only from outside files, whoever sent the request: a formula that is not a plain sum of
  // cells (WEBSERVICE, IMPORTXML, IMAGE, HYPERLINK, IMPORTRANGE…) is dropped, its value kept.
  const request = x as unknown as ImportRequest;
  return {
    ...request,
    sheets: request.sheets.map((s) => ({
      ...s,
      layout: { ...s.layout, cells: s.layout.cells.map((c) => (c.formula !== undefined && !isPlainSum(c.formula) ? { row: c.row, col: c.col, value: c.value, style: c.style } : c)) },
    })),
  };
}

/** Packages checked one by one as files are; together within the cells of one import call. */
function checkPackages(x: unknown): PackagesRequest {
  if (!isObject(x) || !Array.isArray(x.packages)) fail('gói tệp của các xã');
  const packages = (x.packages as unknown[]).map(checkImport);
  const cells = packages.reduce((n, p) => n + p.sheets.reduce((m, s) => m + s.layout.cells.length, 0), 0);
  if (cells > IMPORT_CELL_LIMIT) throw new Error(`Các tệp gửi lên cùng lúc có ${cells} ô, quá nhiều cho một lần (tối đa ${IMPORT_CELL_LIMIT}): hãy nhập ít tệp hơn mỗi lần.`);
  return { packages };
}

/** A package as the roll-up reads a file: its sheets in a workbook of its own, their forms recorded. */
async function packageSource(p: ImportRequest): Promise<DistrictSource> {
  const wb = MemoryWorkbook.fromArrays({});
  const forms: Record<string, FormId> = {};
  for (const s of p.sheets) {
    const name = uniqueSheetName(cleanSheetName(s.layout.name), await wb.listSheets());
    await wb.createSheet({ ...s.layout, name }, { existing: 'fail' });
    if (s.formId) forms[name] = s.formId;
  }
  await wb.writeState({ sheetForms: forms });
  const modified = p.sheets.map((s) => s.modified).find((m): m is string => typeof m === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(m));
  return { port: wb, file: p.file, ...(modified ? { modified } : {}) };
}

export function packagesBudgetMessage(done: number, total: number): string {
  return `Đã nhập ${done}/${total} tệp; sắp hết giới hạn 6 phút của Google cho một lần chạy, các tệp còn lại được nhập ở lần tiếp theo.`;
}

function checkProtect(x: unknown): ProtectRequest {
  if (!isObject(x) || typeof x.sheet !== 'string' || !Array.isArray(x.editors) || x.editors.some((e) => typeof e !== 'string')) fail('bảo vệ trang');
  if (x.warningOnly !== undefined && x.warningOnly !== null && typeof x.warningOnly !== 'boolean') fail('bảo vệ trang');
  return x as unknown as ProtectRequest;
}

function optionalString(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

// ---------------------------------------------------------------------------------------

async function readStateSafe(port: WorkbookPort): Promise<DocumentState> {
  try {
    return await port.readState();
  } catch {
    return {};
  }
}

/**
 * The port the API works on: the state it reads is cleaned (settings.ts sanitizeState: a period
 * "1999" or a sheetForms that is not an object never reaches a reader), and every write first
 * calls `beforeWrite` (a time budget may refuse it: nothing written).
 */
function serverPort(inner: WorkbookPort, beforeWrite: () => void = () => undefined): WorkbookPort {
  return {
    listSheets: () => inner.listSheets(),
    readSheets: (names, options) => inner.readSheets(names, options),
    readState: async () => sanitizeState(await inner.readState()).state,
    writeValues: async (blocks) => {
      beforeWrite();
      return inner.writeValues(blocks);
    },
    createSheet: async (layout, options) => {
      beforeWrite();
      return inner.createSheet(layout, options);
    },
    copySheet: async (from, to) => {
      beforeWrite();
      return inner.copySheet(from, to);
    },
    deleteSheets: async (names) => {
      beforeWrite();
      return inner.deleteSheets(names);
    },
    writeState: async (state) => {
      beforeWrite();
      return inner.writeState(state);
    },
  };
}

/** The roll-up's result as the sidebar shows it. */
export function rollUpView(r: RollUpResult, keptCopies: readonly string[], elapsedMs: number): RollUpView {
  const { rollup } = r;
  const findings = rollup.findings.map(findingView);
  const issues = rollup.issues.map(findingView);
  const listedIssues = issues.slice(0, ROLLUP_LIST_LIMIT);
  const listedFindings = findings.slice(0, Math.max(0, ROLLUP_LIST_LIMIT - listedIssues.length));
  return {
    upperLevel: rollup.upperLevel,
    ...(rollup.planYear !== undefined ? { planYear: rollup.planYear } : {}),
    ...(rollup.funds !== undefined ? { funds: rollup.funds } : {}),
    communes: rollup.communes.map((c) => ({
      name: c.name,
      activities: c.count,
      total: c.total,
      ii6a: c.ii6a.count,
      ii6b: c.ii6b.count,
      accepted: c.verdicts.accepted,
      rejected: c.verdicts.rejected,
      pending: c.verdicts.pending,
      balanced: c.reconciliation.balanced,
      ...(c.iii1 ? { iii1: c.iii1 } : {}),
    })),
    reconciliation: rollup.reconciliation,
    ranking: { accepted: rollup.ranking.length, withinFunds: rollup.ranking.filter((x) => x.withinFunds === true).length },
    issues: listedIssues,
    findings: listedFindings,
    omitted: issues.length - listedIssues.length + findings.length - listedFindings.length,
    read: r.reading.sheets,
    sheets: r.sheets,
    keptCopies,
    ...(r.feedbackCommune ? { feedbackCommune: r.feedbackCommune } : {}),
    imported: { communes: r.imported.length, balanced: r.imported.every((c) => c.balanced) },
    elapsedMs,
  };
}

export function createServerApi(env: ServerEnv) {
  const port = serverPort(env.port);
  const now = env.now ?? (() => Date.now());
  const workBudget = env.workBudgetMs ?? WORK_BUDGET_MS;
  const host = { selectCell: async (sheet: string, cell: string) => env.selectCell(sheet, cell) };
  const actions = createActions(port, host);
  /**
   * A whole action under one document lock: the port's writes inside run under it (lock.ts nests),
   * so the action flushes once instead of once per sheet, and nobody else writes halfway through.
   * Every call that reads the state and writes it back runs here whole (read, change, write), so
   * another user's write cannot fall between the read and the write and be lost.
   */
  const locked = <T>(fn: () => Promise<T>): Promise<T> => withDocumentLock(fn, env.lock);

  return {
    getSettings: (): Promise<Settings> => actions.getSettings(),
    /** Checked first (settings.ts): an invalid value throws its Vietnamese message and nothing is written. */
    async saveSettings(s: Settings): Promise<Settings> {
      const clean = validSettings(s);
      return locked(() => actions.saveSettings(clean));
    },
    insertForm: (formId: string, unitName?: string | null) => locked(() => actions.insertForm(String(formId), optionalString(unitName))),
    validate: () => actions.validate(),
    async selectCell(sheet: string, cell: string): Promise<null> {
      env.selectCell(String(sheet), String(cell));
      return null;
    },

    /**
     * The commune's one-click consolidation; refused in a spreadsheet set to the upper level.
     * Stops before its first write, the plan unchanged, when reading took more than the work budget.
     */
    async consolidate(opts?: ConsolidateOptions | null): Promise<ConsolidationView> {
      const start = now();
      const accept = opts?.acceptMerges;
      let writing = false;
      const budgeted = createActions(
        serverPort(env.port, () => {
          if (writing) return;
          const spent = now() - start;
          if (spent > workBudget) throw new Error(consolidateBudgetMessage(Math.round(spent / 1000)));
          writing = true;
        }),
        host,
      );
      return locked(async () => {
        const settings = await budgeted.getSettings();
        if (isUpperLevel(settings.level)) throw new Error(upperLevelConsolidateMessage(settings.level));
        const choices = opts?.sourceChoices;
        const sourceChoices = choices && typeof choices === 'object' && !Array.isArray(choices) ? Object.fromEntries(Object.entries(choices).filter(([, v]) => typeof v === 'string')) : undefined;
        return budgeted.consolidate({ ...(accept === 'all' || Array.isArray(accept) ? { acceptMerges: accept } : {}), ...(sourceChoices ? { sourceChoices } : {}) });
      });
    },

    createBallot: (opts: { listSheet: string; method: 'marks' | 'scores'; participants?: number; criteria?: readonly string[] }) => locked(() => actions.createBallot(opts)),
    rankFromBallot: (opts: { ballotSheet: string; listSheet?: string }) => locked(() => actions.rankFromBallot(opts)),
    async checklist(today: string): Promise<Checklist | null> {
      return (await actions.checklist(String(today))) ?? null;
    },
    async setChecklistTick(itemId: string, ticked: boolean): Promise<null> {
      await locked(() => actions.setChecklistTick(String(itemId), ticked === true));
      return null;
    },
    async setChecklistDates(itemId: string, dates: DateOverride | null): Promise<null> {
      await locked(() => actions.setChecklistDates(String(itemId), isObject(dates) ? dates : null));
      return null;
    },
    /** Where the unit is in its year (core/src/year): reads only. */
    yearStatus: (today: string) => actions.yearStatus(String(today)),
    /** Records a document drafted or the package exported by the sidebar (it builds them from a snapshot). */
    async recordDocument(kind: string, fileName: string, action?: string | null): Promise<null> {
      if (!(YEAR_DOCUMENT_KINDS as readonly string[]).includes(String(kind))) throw new Error(`Không có văn bản "${String(kind)}".`);
      await locked(() => actions.recordDocument(String(kind) as YearDocumentKind, String(fileName), action === 'exported' ? 'exported' : 'drafted'));
      return null;
    },
    /** The names the sheets give for the blank settings: reads only. */
    suggestNames: () => actions.suggestNames(),
    setVillages: (input: { names?: readonly string[]; expected?: number | null }) =>
      locked(() =>
        actions.setVillages({
          ...(isObject(input) && Array.isArray(input.names) ? { names: input.names.filter((x): x is string => typeof x === 'string') } : {}),
          ...(isObject(input) && (typeof input.expected === 'number' || input.expected === null) ? { expected: input.expected } : {}),
        }),
      ),
    async lastChange() {
      return (await actions.lastChange()) ?? null;
    },
    async undoLastChange() {
      return (await locked(() => actions.undoLastChange())) ?? null;
    },
    listSheets: () => port.listSheets(),
    /** The consolidated plan's figures for the home screen: reads only. */
    overview: () => actions.overview(),
    /** Deletes every kept copy ("… (cũ)") under one lock, the state's record of them with it. */
    removeCopies: () => locked(() => actions.removeCopies()),
    writeCatalogue: () => locked(() => actions.writeCatalogue()),

    /**
     * Writes the sheets of an uploaded file as new tabs (never over an existing one) and records
     * their forms. Sheets the work budget leaves no time for are not written: the result lists
     * them (notCreated, message) for a new call.
     */
    async importSheets(request: ImportRequest): Promise<ImportResult> {
      const start = now();
      const req = checkImport(request);
      return locked(() => importChecked(req, start));
    },

    /** The upper level's roll-up of the communes' tabs of this spreadsheet, written into it (one lock, one flush). */
    async rollUp(request?: RollUpRequest | null): Promise<RollUpView> {
      const start = now();
      const funds = request?.funds;
      if (funds !== undefined && funds !== null && !(typeof funds === 'number' && Number.isFinite(funds) && funds >= 0)) {
        throw new Error('Số vốn cấp trên nắm giữ phải là một số không âm (triệu đồng).');
      }
      const upperLevel = optionalString(request?.upperLevel)?.trim();
      const feedbackCommune = optionalString(request?.feedbackCommune)?.trim();
      const budget = env.readBudgetMs ?? READ_BUDGET_MS;
      const result = await locked(() =>
        rollUpCommunes([{ port }], port, {
          ...(typeof funds === 'number' ? { funds } : {}),
          ...(upperLevel ? { upperLevel } : {}),
          ...(feedbackCommune ? { feedbackCommune } : {}),
          // Checked once the tabs are read (0.5) and before writing (0.7): stop cleanly, nothing written.
          progress: (fraction) => {
            const spent = now() - start;
            if (fraction >= 0.5 && fraction < 1 && spent > budget) throw new Error(readBudgetMessage(Math.round(spent / 1000)));
          },
        }),
      );
      return rollUpView(result, result.keptCopies, now() - start);
    },

    /**
     * Communes' packages into the long tables, one after the other, never as tabs: before each
     * package after the first, when the time spent plus the longest package so far would pass the
     * work budget, the rest is left for the next call (done says how many were read).
     */
    async importPackages(request: PackagesRequest): Promise<PackagesResult> {
      const start = now();
      const req = checkPackages(request);
      return locked(async () => {
        const sources: DistrictSource[] = [];
        for (const p of req.packages) sources.push(await packageSource(p));
        let last = now();
        let longest = 0;
        const r = await importCommunePackages(sources, port, {
          stop: () => {
            const t = now();
            longest = Math.max(longest, t - last);
            last = t;
            return t - start + longest > workBudget;
          },
        });
        return {
          done: r.done,
          communes: r.imported.map((c) => ({ name: c.name, activities: c.read.count, balanced: c.balanced })),
          issues: r.issues.slice(0, ROLLUP_LIST_LIMIT).map(findingView),
        };
      });
    },

    /** Rebuilds "Phiếu phản hồi" for one commune from the feedback table. */
    async feedbackView(commune: string): Promise<FeedbackViewResult> {
      if (typeof commune !== 'string' || commune.trim() === '') throw new Error('Hãy chọn một xã.');
      const r = await locked(() => writeFeedbackView(port, commune));
      return { sheet: FEEDBACK_VIEW, ...r };
    },

    /** A page of the communes' feedback sheets, for the files the sidebar builds and downloads (reads only). */
    async feedbackFiles(offset: number, count: number): Promise<FeedbackFilesPage> {
      const from = Number.isInteger(offset) && offset >= 0 ? offset : 0;
      const n = Number.isInteger(count) && count > 0 ? Math.min(count, 50) : 20;
      const all = await feedbackFileLayouts(port);
      return { total: all.length, files: all.slice(from, from + n).map((layout) => ({ fileName: `${layout.name}.xlsx`, layout })) };
    },

    async protectSheet(request: ProtectRequest): Promise<ProtectView> {
      const req = checkProtect(request);
      if (isRollupSheet(req.sheet)) throw new Error(`Trang "${req.sheet}" là trang kết quả của LKH, không phải trang của một xã.`);
      const r = await env.protect(req.sheet, { editors: req.editors, ...(req.warningOnly ? { warningOnly: true } : {}) });
      return { sheet: r.sheet, warningOnly: r.warningOnly, editors: [...r.editors], reused: r.reused };
    },

    /** The state and every sheet (fonts too: a village's TCVN3 text is read by its font), for the documents drafted in the sidebar. */
    async documentData(): Promise<ExportData> {
      const state = await readStateSafe(port);
      const names = await port.listSheets();
      return { state, names, sheets: names.length > 0 ? await port.readSheets(names, { fonts: true }) : [] };
    },

    /** The state and the sheets that may hold the package's forms; the sidebar picks them as core exportPackage does. */
    async exportData(): Promise<ExportData> {
      const state = await readStateSafe(port);
      const names = await port.listSheets();
      const wanted = new Set<string>();
      for (const [sheet, id] of Object.entries(state.sheetForms ?? {})) if (PACKAGE_FORMS.includes(id) && names.includes(sheet)) wanted.add(sheet);
      for (const id of PACKAGE_FORMS) if (names.includes(id)) wanted.add(id);
      const sheets = wanted.size > 0 ? await port.readSheets([...wanted]) : [];
      return { state, names, sheets };
    },
  };

  /**
   * Writes the checked sheets as new tabs, never over an existing one, and records their forms
   * (read, change and write of the state under the caller's lock). Before each sheet: when the
   * time spent plus the longest sheet so far would pass the work budget, the rest is left unwritten.
   */
  async function importChecked(req: ImportRequest, start: number): Promise<ImportResult> {
    const taken = await port.listSheets();
    const created: string[] = [];
    const forms: Record<string, FormId> = {};
    // Each tab's file, its modified date and when it was imported (the version chooser names them).
    const origins: Record<string, SheetOrigin> = {};
    const importedAt = new Date().toISOString();
    let longest = 0;
    for (const s of req.sheets) {
      const before = now();
      if (before - start + longest > workBudget) break;
      const name = uniqueSheetName(cleanSheetName(s.layout.name), [...taken, ...created]);
      await port.createSheet({ ...s.layout, name }, { existing: 'fail' });
      created.push(name);
      if (s.formId) forms[name] = s.formId;
      const modified = typeof s.modified === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(s.modified) ? s.modified : undefined;
      origins[name] = { file: req.file, ...(modified ? { modified } : {}), imported: importedAt };
      longest = Math.max(longest, now() - before);
    }
    if (Object.keys(forms).length > 0) {
      const state = await readStateSafe(port);
      // Empty settings take the plan year of the uploaded forms (the period and the level above follow it).
      const year = req.sheets.map((s) => s.planYear).find((y): y is number => typeof y === 'number' && Number.isInteger(y) && y >= 2000 && y <= 2100);
      await port.writeState({
        ...state,
        ...(state.planYear === undefined && year !== undefined ? { planYear: year } : {}),
        sheetForms: { ...(state.sheetForms ?? {}), ...forms },
        extra: { ...(state.extra ?? {}), [SHEET_ORIGINS_KEY]: { ...readSheetOrigins(state.extra), ...origins } },
      });
    }
    const notCreated = req.sheets.slice(created.length).map((s) => s.layout.name);
    if (notCreated.length === 0) return { sheets: created, forms };
    return { sheets: created, forms, notCreated, message: importBudgetMessage(req.file, created, notCreated) };
  }
}

export type ServerApi = ReturnType<typeof createServerApi>;
