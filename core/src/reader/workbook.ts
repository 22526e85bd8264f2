/**
 * Reading a whole workbook through the port: every sheet in one batch, each recognised,
 * read and validated. The result lists the forms found and every finding.
 */
import type { FormId } from '../forms/types';
import type { FormReading } from '../model/types';
import type { DocumentState, WorkbookPort } from '../port/types';
import { isFormId } from '../forms/registry';
import { CATALOGUE_SHEET } from '../reference/catalogue-sheet';
import type { Finding } from '../validate/messages';
import { finding } from '../validate/messages';
import { checkAttendance, validateReading } from '../validate/rules';
import { readSheet } from './read';

export interface WorkbookReading {
  readonly file?: string;
  readonly readings: readonly FormReading[];
  /** Sheets that hold no known form. */
  readonly unrecognised: readonly string[];
  /** Reader and validation findings, in sheet order. */
  readonly findings: readonly Finding[];
}

function num(v: string | number | null | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Rule 8 from the village's own sheets: I.3 attendance and women, I.1's number of households. */
function attendanceFindings(readings: readonly FormReading[]): Finding[] {
  const out: Finding[] = [];
  const i1 = readings.find((r) => r.formId === 'I.1');
  const households = i1 ? num(Object.entries(i1.fixedValues).find(([k]) => /^(tong-so-ho|6)$/.test(k) || k.endsWith('tong-so-ho'))?.[1]?.value) : undefined;
  for (const r of readings) {
    if (r.formId !== 'I.3' || r.meeting === undefined) continue;
    out.push(
      ...checkAttendance({
        sheet: r.sheet,
        ...(r.file ? { file: r.file } : {}),
        ...(r.meeting.cell ? { cell: r.meeting.cell } : {}),
        ...(households !== undefined ? { households } : {}),
        ...(r.meeting.attendees !== undefined ? { attendees: r.meeting.attendees, householdsPresent: r.meeting.attendees } : {}),
        ...(r.meeting.women !== undefined ? { women: r.meeting.women } : {}),
      }),
    );
  }
  return out;
}

export interface ReadWorkbookOptions {
  readonly file?: string;
  /** Sheets to read; default all. */
  readonly sheets?: readonly string[];
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
  let state: DocumentState;
  try {
    state = await port.readState();
  } catch {
    state = {}; // unreadable state: recognise every sheet from its content instead
  }
  const data = await port.readSheets(names, { fonts: true });
  const readings: FormReading[] = [];
  const unrecognised: string[] = [];
  const findings: Finding[] = [];
  const fileOpt = options.file ? { file: options.file } : {};
  for (const sheet of data) {
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
    readings.push(result.reading);
    findings.push(...result.findings, ...validateReading(result.reading));
  }
  findings.push(...attendanceFindings(readings));
  return { ...(options.file ? { file: options.file } : {}), readings, unrecognised, findings };
}
