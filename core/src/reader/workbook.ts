/**
 * Reading a whole workbook through the port: every sheet in one batch, each recognised,
 * read and validated. The result lists the forms found and every finding.
 */
import type { FormId } from '../forms/types';
import type { FormReading } from '../model/types';
import type { DocumentState, SheetData, WorkbookPort } from '../port/types';
import { readStateOrEmpty } from '../port/types';
import { getForm, isFormId, tablesOf } from '../forms/registry';
import { CATALOGUE_SHEET } from '../reference/catalogue-sheet';
import type { Finding } from '../validate/messages';
import { finding } from '../validate/messages';
import { checkAttendance, validateReading, womenBelowShare } from '../validate/rules';
import { foldKey, formatVnNumber, parseNumber } from '../text';
import { parseA1 } from '../util/a1';
import { readSheet } from './read';
import { sheetUnit, villageKey } from './unit';

export interface WorkbookReading {
  readonly file?: string;
  readonly readings: readonly FormReading[];
  /** Sheets that hold no known form. */
  readonly unrecognised: readonly string[];
  /** Reader and validation findings, in sheet order. */
  readonly findings: readonly Finding[];
  /** The village sheets (I.1, I.3, I.4) by village, for rule 8. */
  readonly villages: readonly VillageSheets[];
}

/** Counts read from one village minutes (I.3 or I.4). */
export interface MinutesCounts {
  readonly sheet: string;
  readonly file?: string;
  /** The attendance cell. */
  readonly cell?: string;
  readonly attendees?: number;
  readonly women?: number;
}

/** What one village's own sheets say for rule 8: its households (I.1), its meeting (I.3), its poor group's discussion (I.4). */
export interface VillageSheets {
  /** The village as its sheets name it; undefined for sheets naming none (read alone). */
  readonly unit?: string;
  /** I.1's "Tổng số hộ", where it was typed. */
  readonly households?: { readonly value: number; readonly sheet: string; readonly cell?: string; readonly file?: string };
  /** I.3: the village meeting. */
  readonly meetings: readonly MinutesCounts[];
  /** I.4: the discussion with the poor or a specific group. */
  readonly groups: readonly MinutesCounts[];
}

/** I.1's row "Tổng số hộ", found by its label in the form (its key is the form's "I.6"). */
const HOUSEHOLDS_ROW: string | undefined = (() => {
  for (const t of tablesOf(getForm('I.1'))) for (const r of t.rows) if (r.kind === 'fixed' && foldKey(r.label) === 'tong so ho') return r.key;
  return undefined;
})();

/** "100 hộ", "1.200 hộ": a count typed with its unit, as villages write it. */
const WITH_UNIT = /^\s*(\d[\d.,\s]*?)\s*hộ(?:\s+gia\s+đình)?\s*$/iu;

/**
 * The households I.1 gives, and the reader's NOT_A_NUMBER for that cell dropped when the cell is
 * a count with its unit ("100 hộ"): the number is read, not refused.
 */
function householdsOf(r: FormReading, data: SheetData): { value?: number; cell?: string; understood?: string } {
  const row = HOUSEHOLDS_ROW ? r.fixedValues[HOUSEHOLDS_ROW] : undefined;
  if (!row) return {};
  const cell = typeof row.valueCell === 'string' ? row.valueCell : undefined;
  if (typeof row.value === 'number') return { value: row.value, ...(cell ? { cell } : {}) };
  if (!cell) return {};
  const { row: ri, col } = parseA1(cell);
  const raw = data.values[ri - data.top]?.[col - data.left];
  const m = typeof raw === 'string' ? WITH_UNIT.exec(raw.normalize('NFC')) : null;
  const p = m ? parseNumber(m[1].trim()) : undefined;
  return p?.ok && p.value >= 0 ? { value: p.value, cell, understood: cell } : { cell };
}

/**
 * The village sheets of a workbook grouped by village (villageKey of the unit each names). Sheets
 * naming no village join the only village named, if there is exactly one (a village's own file);
 * otherwise they stand alone.
 */
function groupVillages(items: readonly { reading: FormReading; unit?: string; households?: number; householdsCell?: string }[]): VillageSheets[] {
  const named = new Set(items.filter((x) => x.unit).map((x) => villageKey(x.unit as string)));
  const only = named.size === 1 ? [...named][0] : undefined;
  const groups = new Map<string, { unit?: string; households?: VillageSheets['households']; meetings: MinutesCounts[]; groups: MinutesCounts[] }>();
  for (const x of items) {
    const key = x.unit ? villageKey(x.unit) : (only ?? '');
    const g = groups.get(key) ?? { meetings: [], groups: [] };
    if (x.unit && g.unit === undefined) g.unit = x.unit;
    const r = x.reading;
    const file = r.file ? { file: r.file } : {};
    if (r.formId === 'I.1' && x.households !== undefined && g.households === undefined) {
      g.households = { value: x.households, sheet: r.sheet, ...file, ...(x.householdsCell ? { cell: x.householdsCell } : {}) };
    } else if ((r.formId === 'I.3' || r.formId === 'I.4') && r.meeting) {
      const m: MinutesCounts = {
        sheet: r.sheet,
        ...file,
        ...(r.meeting.cell ? { cell: r.meeting.cell } : {}),
        ...(r.meeting.attendees !== undefined ? { attendees: r.meeting.attendees } : {}),
        ...(r.meeting.women !== undefined ? { women: r.meeting.women } : {}),
      };
      (r.formId === 'I.3' ? g.meetings : g.groups).push(m);
    }
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.households || g.meetings.length > 0 || g.groups.length > 0);
}

/**
 * Rule 8 from the village's own sheets: the meeting (I.3) represents more than 50% of the
 * households I.1 gives (each person at the meeting stands for a household, as I.3 records
 * people) and at least 30% of its attendees are women (L577); the poor or specific group's
 * discussion (I.4) has at least 30% women (L518-L519).
 */
export function attendanceFindings(villages: readonly VillageSheets[]): Finding[] {
  const out: Finding[] = [];
  for (const v of villages) {
    const h = v.households;
    for (const m of v.meetings) {
      const basis = h
        ? `: ${formatVnNumber(m.attendees ?? 0)} người dự họp ở Biểu I.3 (mỗi người đại diện một hộ), tổng số hộ ${formatVnNumber(h.value)} theo Biểu I.1${h.file ? ` tệp "${h.file}"` : ''}, trang "${h.sheet}"${h.cell ? ` ô ${h.cell}` : ''}`
        : '';
      out.push(
        ...checkAttendance({
          sheet: m.sheet,
          ...(m.file ? { file: m.file } : {}),
          ...(m.cell ? { cell: m.cell } : {}),
          ...(h ? { households: h.value, householdsBasis: basis } : {}),
          ...(m.attendees !== undefined ? { attendees: m.attendees, householdsPresent: m.attendees } : {}),
          ...(m.women !== undefined ? { women: m.women } : {}),
        }),
      );
    }
    for (const g of v.groups) {
      if (!g.attendees || g.women === undefined || !womenBelowShare(g.women, g.attendees)) continue;
      out.push(
        finding('GROUP_WOMEN_LOW', { sheet: g.sheet, ...(g.file ? { file: g.file } : {}), ...(g.cell ? { cell: g.cell } : {}) }, {
          women: g.women,
          attendees: g.attendees,
          percent: `${formatVnNumber(Math.round((g.women / g.attendees) * 1000) / 10)}%`,
        }),
      );
    }
  }
  return out;
}

export interface ReadWorkbookOptions {
  readonly file?: string;
  /** Sheets to read; default all. */
  readonly sheets?: readonly string[];
  /**
   * Told before each visible sheet is read: its place, how many visible sheets, its name (a pane's
   * "Đang đọc biểu 12/50: …"). A promise it returns is awaited, so a pane can paint its line.
   */
  readonly onSheet?: (done: number, total: number, sheet: string) => void | Promise<void>;
}

/** What a saved state says a sheet holds: only a real form id, only the sheet's own entry (a sheet named "constructor" is no key of Object.prototype here). */
export function savedForm(state: DocumentState, sheet: string): { formId?: FormId; unknown?: string } {
  const map = state.sheetForms;
  if (!map || typeof map !== 'object' || !Object.prototype.hasOwnProperty.call(map, sheet)) return {};
  const value: unknown = (map as Record<string, unknown>)[sheet];
  if (typeof value === 'string' && isFormId(value)) return { formId: value };
  return { unknown: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) };
}

const holdsContent = (r: FormReading): boolean =>
  r.activities.length > 0 || r.difficulties.length > 0 || r.strengths.length > 0 || Object.keys(r.fixedValues).length > 0 || r.meeting !== undefined;

/**
 * Reads and validates every sheet. Forms are recognised from their content first; the form the
 * document state records for a sheet is used only where it agrees, or for a sheet whose content
 * alone is not recognised but reads as that form. A wrong or unknown entry is reported, never
 * allowed to drop a sheet's activities. Hidden sheets holding forms are read and reported.
 */
export async function readWorkbook(port: WorkbookPort, options: ReadWorkbookOptions = {}): Promise<WorkbookReading> {
  const names = options.sheets ?? (await port.listSheets());
  const state = await readStateOrEmpty(port);
  const data = await port.readSheets(names, { fonts: true });
  const readings: FormReading[] = [];
  const unrecognised: string[] = [];
  const findings: Finding[] = [];
  const village: { reading: FormReading; unit?: string; households?: number; householdsCell?: string }[] = [];
  const fileOpt = options.file ? { file: options.file } : {};
  const onSheet = options.onSheet;
  const visible = onSheet ? data.filter((d) => !d.hidden).length : 0;
  let done = 0;
  for (const sheet of data) {
    if (onSheet && !sheet.hidden) await onSheet(++done, visible, sheet.name);
    // The workbook's reference data (reference/catalogue-sheet.ts) is no form: read where it is used.
    if (sheet.name.toLowerCase() === CATALOGUE_SHEET.toLowerCase()) continue;
    const saved = savedForm(state, sheet.name);
    if (saved.unknown !== undefined) findings.push(finding('STATE_FORM_UNKNOWN', { sheet: sheet.name, ...fileOpt }, { saved: saved.unknown }));
    let result = readSheet(sheet, fileOpt);
    if (result.reading && saved.formId && result.reading.formId !== saved.formId) {
      findings.push(finding('STATE_FORM_MISMATCH', { sheet: sheet.name, ...fileOpt }, { saved: saved.formId, found: result.reading.formId }));
    } else if (!result.reading && saved.formId) {
      // A sheet whose title or headers were edited beyond recognition: read it as the state says, if it then holds content.
      const hinted = readSheet(sheet, { ...fileOpt, formId: saved.formId });
      if (hinted.reading && holdsContent(hinted.reading)) result = hinted;
    }
    if (!result.reading) {
      unrecognised.push(sheet.name);
      findings.push(...result.findings);
      continue;
    }
    if (sheet.hidden) findings.push(finding('SHEET_HIDDEN_READ', { sheet: sheet.name, ...fileOpt }, { form: result.reading.formId }));
    const reading = result.reading;
    readings.push(reading);
    let own = result.findings;
    if (reading.formId === 'I.1' || reading.formId === 'I.3' || reading.formId === 'I.4') {
      const h = reading.formId === 'I.1' ? householdsOf(reading, sheet) : {};
      // "100 hộ" in Tổng số hộ is read as 100, not refused as text.
      if (h.understood) own = own.filter((f) => !(f.code === 'NOT_A_NUMBER' && f.cell === h.understood));
      const unit = sheetUnit(reading, sheet);
      village.push({ reading, ...(unit ? { unit } : {}), ...(h.value !== undefined ? { households: h.value } : {}), ...(h.cell ? { householdsCell: h.cell } : {}) });
    }
    findings.push(...own, ...validateReading(reading));
  }
  const villages = groupVillages(village);
  findings.push(...attendanceFindings(villages));
  return { ...(options.file ? { file: options.file } : {}), readings, unrecognised, findings, villages };
}
