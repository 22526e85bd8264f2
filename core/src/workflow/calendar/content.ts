/**
 * Whether a sheet of a form holds anything (issue 12: a blank template ticks nothing): at least
 * one activity, difficulty, strength or attendance figure read from it; for forms of fixed rows
 * (I.1, II.1, II.2, II.6.C, II.7.B, II.8, III.1, IV.1) a value that differs from the blank form's
 * (units such as "ha", II.2's printed months and the formulas' zeros are the template's, not the
 * unit's); for forms of free text (the minutes I.3, I.4, II.9, the report II.7.A, II.10) a text the
 * blank form does not print. The plan year and unit a template is made for are not content.
 * Also the unit the sheet is for (its "Thôn:" field, the minutes' "Thôn …" heading, else the
 * tab's prefix "Thôn Nà Lìu - I.3"), so the checklist can say which village lacks what.
 */
import { formEdition } from '../../forms/editions';
import { getForm, tablesOf } from '../../forms/registry';
import type { FormId } from '../../forms/types';
import { layoutForm } from '../../layout/engine';
import type { LayoutOptions } from '../../layout/engine';
import { MemoryWorkbook } from '../../port/memory';
import type { CellValue, ProgramPeriod, SheetData, WorkbookPort } from '../../port/types';
import { readSheet } from '../../reader/read';
import { sheetUnit } from '../../reader/unit';
import { foldKey } from '../../text';

export interface SheetContent {
  readonly form: FormId;
  /** Something was typed into it beyond the blank form. */
  readonly filled: boolean;
  /** The unit the sheet is for, when it names one ("Thôn Nà Lìu"). */
  readonly unit?: string;
}

const PERIODS: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];

interface Blank {
  /** Folded texts the blank form prints (every edition). */
  readonly texts: Set<string>;
  readonly numbers: Set<number>;
  /** Values of fixed rows in the blank form: `${row}|${column}` → values. */
  readonly fixed: Map<string, Set<string>>;
}

const BLANKS = new Map<string, Promise<Blank>>();

async function layoutData(formId: FormId, period: ProgramPeriod, options: LayoutOptions): Promise<SheetData> {
  const wb = new MemoryWorkbook();
  const layout = layoutForm(formEdition(getForm(formId), period), { ...options, sheetName: 'S' });
  await wb.createSheet(layout);
  const [d] = await wb.readSheets(['S']);
  return d;
}

/** What the blank form of every edition prints, made for this plan year and unit. */
function blankOf(formId: FormId, planYear: number | undefined, unit: string | undefined): Promise<Blank> {
  const key = `${formId}|${planYear ?? ''}|${unit ?? ''}`;
  let p = BLANKS.get(key);
  if (!p) {
    p = (async () => {
      const blank: Blank = { texts: new Set(), numbers: new Set(), fixed: new Map() };
      const variants: LayoutOptions[] = [{}, { ...(planYear !== undefined ? { planYear } : {}), ...(unit ? { unitName: unit } : {}) }];
      for (const period of PERIODS) {
        for (const v of variants) {
          const d = await layoutData(formId, period, v);
          for (const row of d.values) for (const x of row) addValue(blank, x);
          const r = readSheet(d, { formId }).reading;
          for (const [row, cols] of Object.entries(r?.fixedValues ?? {})) {
            for (const [col, x] of Object.entries(cols)) {
              const k = `${row}|${col}`;
              const set = blank.fixed.get(k) ?? new Set<string>();
              set.add(String(x ?? ''));
              blank.fixed.set(k, set);
            }
          }
        }
      }
      return blank;
    })();
    if (BLANKS.size > 200) BLANKS.clear();
    BLANKS.set(key, p);
  }
  return p;
}

function addValue(blank: Blank, x: CellValue): void {
  if (typeof x === 'string') blank.texts.add(foldKey(x));
  else if (typeof x === 'number') blank.numbers.add(x);
}

/** Dots and dashes only: a line left to fill. */
const PLACEHOLDER = /^[\s.…_\-–:,()]*$/u;

function isCellRef(column: string): boolean {
  return column === 'cell' || column.endsWith('Cell');
}

/** The forms whose content is their fixed rows' values. */
function hasFixedRows(formId: FormId): boolean {
  return tablesOf(getForm(formId)).some((t) => t.rows.some((r) => r.kind === 'fixed'));
}

/** The forms whose content is a table of activities or difficulties. */
function hasListTables(formId: FormId): boolean {
  return tablesOf(getForm(formId)).some((t) => t.rows.some((r) => r.kind === 'entry'));
}

/** What a sheet of `formId` holds (see the file's comment). `planYear` is the workbook's. */
export async function sheetContent(data: SheetData, formId: FormId, planYear?: number): Promise<SheetContent> {
  const r = readSheet(data, { formId }).reading;
  const unit = sheetUnit(r, data);
  const out = (filled: boolean): SheetContent => ({ form: formId, filled, ...(unit ? { unit } : {}) });
  if (r) {
    const activity = r.activities.some((a) => a.activity.trim() !== '' || [a.total, a.contribution, a.support, a.budget, a.proposed].some((n) => (n ?? 0) !== 0));
    const said = r.difficulties.some((d) => d.difficulty.trim() !== '' || d.causes.length > 0 || d.solutions.length > 0) || r.strengths.some((s) => s.text.trim() !== '');
    if (activity || said || r.meeting?.attendees !== undefined || r.meeting?.women !== undefined) return out(true);
  }
  const blank = await blankOf(formId, r?.planYear ?? planYear, r?.unitName);
  if (hasFixedRows(formId)) {
    for (const [row, cols] of Object.entries(r?.fixedValues ?? {})) {
      for (const [col, x] of Object.entries(cols)) {
        if (isCellRef(col) || x === null || x === undefined || x === '' || x === 0) continue;
        if (!blank.fixed.get(`${row}|${col}`)?.has(String(x))) return out(true);
      }
    }
    return out(false);
  }
  if (hasListTables(formId)) return out(false);
  // Free text: anything the blank form does not print.
  for (const row of data.values) {
    for (const x of row) {
      if (typeof x === 'string') {
        if (!PLACEHOLDER.test(x) && !blank.texts.has(foldKey(x))) return out(true);
      } else if (typeof x === 'number' && x !== 0 && !blank.numbers.has(x)) return out(true);
    }
  }
  return out(false);
}

/** The content of each sheet of `sheetForms` the workbook holds, read in one batch. */
export async function sheetContents(port: WorkbookPort, sheetForms: Readonly<Record<string, FormId>>, planYear?: number): Promise<Record<string, SheetContent>> {
  const names = new Set(await port.listSheets());
  const wanted = Object.keys(sheetForms).filter((n) => names.has(n));
  const out: Record<string, SheetContent> = {};
  if (wanted.length === 0) return out;
  for (const d of await port.readSheets(wanted, { fonts: false })) out[d.name] = await sheetContent(d, sheetForms[d.name], planYear);
  return out;
}
