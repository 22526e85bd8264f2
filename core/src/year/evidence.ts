/**
 * What a workbook shows the year's status: each sheet of a known form (as the state records it,
 * kept copies "(cũ)" left out) with whether it holds content and the unit it names. The CLI adds
 * the files given beside the plan the same way, naming each file and its date.
 */
import type { FormId } from '../forms/types';
import type { DocumentState, WorkbookPort } from '../port/types';
import { isInternalSheet } from '../port/memory';
import { isCopyName } from '../port/types';
import { readSheet } from '../reader/read';
import { sheetContents } from '../workflow/calendar';
import type { EvidenceSheet } from './status';

/** The sheets of the workbook the state names with a form, that exist and are not kept copies. */
export function recordedSheetForms(state: DocumentState, sheetNames: readonly string[]): Record<string, FormId> {
  const names = new Set(sheetNames);
  const out: Record<string, FormId> = {};
  for (const [sheet, id] of Object.entries(state.sheetForms ?? {})) if (names.has(sheet) && !isCopyName(sheet)) out[sheet] = id;
  return out;
}

/**
 * The forms of a workbook's sheets: as the state records them, and — for the sheets it does not
 * name (tabs pasted in by hand) — as recognised from their content, read in one batch. Kept copies
 * and LKH's own hidden sheets are left out.
 */
export async function sheetFormsOfWorkbook(port: WorkbookPort, state: DocumentState, sheetNames?: readonly string[]): Promise<Record<string, FormId>> {
  const names = sheetNames ?? (await port.listSheets());
  const forms = recordedSheetForms(state, names);
  const rest = names.filter((n) => forms[n] === undefined && !isCopyName(n) && !isInternalSheet(n));
  if (rest.length === 0) return forms;
  for (const d of await port.readSheets(rest, { fonts: false })) {
    const id = readSheet(d).reading?.formId;
    if (id) forms[d.name] = id;
  }
  return forms;
}

/**
 * The evidence a workbook (or a file) holds: each sheet of `sheetForms` (default: the state's, see
 * recordedSheetForms) with its content. `file` and `date` name a file given beside the workbook.
 */
export async function workbookEvidence(
  port: WorkbookPort,
  state: DocumentState,
  options: { readonly sheetNames?: readonly string[]; readonly sheetForms?: Readonly<Record<string, FormId>>; readonly file?: string; readonly date?: string } = {},
): Promise<EvidenceSheet[]> {
  const names = options.sheetNames ?? (await port.listSheets());
  const forms = options.sheetForms ?? recordedSheetForms(state, names);
  const contents = await sheetContents(port, forms, state.planYear);
  return Object.entries(contents).map(([sheet, c]) => ({
    sheet,
    form: c.form,
    filled: c.filled,
    ...(c.unit ? { unit: c.unit } : {}),
    ...(options.file ? { file: options.file } : {}),
    ...(options.date ? { date: options.date } : {}),
  }));
}
