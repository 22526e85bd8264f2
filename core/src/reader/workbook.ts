/**
 * Reading a whole workbook through the port: every sheet in one batch, each recognised,
 * read and validated. The result lists the forms found and every finding.
 */
import type { FormId } from '../forms/types';
import type { FormReading } from '../model/types';
import type { DocumentState, WorkbookPort } from '../port/types';
import type { Finding } from '../validate/messages';
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

/** Reads and validates every sheet. Uses the forms recorded in the document state where present. */
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
  for (const sheet of data) {
    const known: FormId | undefined = state.sheetForms?.[sheet.name];
    const result = readSheet(sheet, { ...(options.file ? { file: options.file } : {}), ...(known ? { formId: known } : {}) });
    if (!result.reading) {
      unrecognised.push(sheet.name);
      findings.push(...result.findings);
      continue;
    }
    readings.push(result.reading);
    findings.push(...result.findings, ...validateReading(result.reading));
  }
  findings.push(...attendanceFindings(readings));
  return { ...(options.file ? { file: options.file } : {}), readings, unrecognised, findings };
}
