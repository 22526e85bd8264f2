/**
 * Files in and out of a workbook: import village/commune .xlsx files received by e-mail as new
 * tabs (values, merges and the form's formatting), and export the package the commune sends up
 * (II.4.A, II.4.B, II.6.A, II.6.B) as an .xlsx. Uses ExcelJS (through XlsxWorkbook), so panes
 * load this module lazily, only when a file is imported or exported.
 */
import { getForm, tablesOf } from '../forms/registry';
import type { FormId } from '../forms/types';
import { STYLES, layoutForm } from '../layout/engine';
import type { CellStyle, LayoutCell, SheetLayout, StyleName } from '../layout/types';
import type { CellValue, SheetData, WorkbookPort } from '../port/types';
import { readStateOrEmpty } from '../port/types';
import { a1 } from '../util/a1';
import { TextGrid } from '../reader/grid';
import { readSheet } from '../reader/read';
import { savedForm } from '../reader/workbook';
import { locateForm } from '../reader/recognise';
import { headingUnit } from '../reader/unit';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import type { SheetOrigin } from '../workflow/plan';
import { SHEET_ORIGINS_KEY, readSheetOrigins } from '../workflow/plan';
import { importedTabName, uniqueTabName } from './tab-names';

const KIND_STYLE: Readonly<Record<string, StyleName>> = {
  amount: 'amount',
  number: 'number',
  percent: 'percent',
  rank: 'center',
  stt: 'center',
  yesno: 'center',
  date: 'date',
  text: 'text',
  longtext: 'textWrap',
  choice: 'textWrap',
};

export interface AsLayoutOptions {
  /**
   * Keep only the values (each formula's cached result), as for every file that comes from
   * outside: a village's file could carry WEBSERVICE, IMPORTXML, IMAGE or HYPERLINK formulas that
   * send the commune's data to another site when the workbook recalculates. The form's own
   * Tổng số formulas are re-created where the row's parts add up to its total. Default false (the
   * commune's own sheets, exported as they are).
   */
  readonly valuesOnly?: boolean;
}

/**
 * A sheet as read, turned back into a layout: values, formulas and merges as they are, styled as
 * the form (title, header band, body columns by kind) when the form is known.
 */
export function sheetAsLayout(data: SheetData, name: string, formId?: FormId, options: AsLayoutOptions = {}): SheetLayout {
  const form = formId ? getForm(formId) : undefined;
  const grid = new TextGrid(data);
  const located = form ? locateForm(grid, form) : new Map();
  const bands: { from: number; to: number; bodyFrom: number; bodyTo: number; cols: Map<number, StyleName>; sums: { col: number; parts: number[] }[] }[] = [];
  if (form) {
    const tables = tablesOf(form);
    const starts = tables.map((t) => located.get(t.key)?.headerRow).filter((r): r is number => r !== undefined);
    tables.forEach((t) => {
      const loc = located.get(t.key);
      if (!loc) return;
      const next = starts.filter((r) => r > loc.headerRow).sort((a, b) => a - b)[0] ?? grid.bottom;
      const cols = new Map<number, StyleName>();
      const sums: { col: number; parts: number[] }[] = [];
      for (const c of t.columns) {
        const col = loc.columns.get(c.key);
        if (col !== undefined) cols.set(col, KIND_STYLE[c.kind] ?? 'text');
        const parts = (c.sumOf ?? []).map((k) => loc.columns.get(k));
        if (col !== undefined && parts.length > 0 && parts.every((x): x is number => x !== undefined)) sums.push({ col, parts });
      }
      bands.push({ from: loc.headerRow, to: loc.bodyRow - 1, bodyFrom: loc.bodyRow, bodyTo: next - 1, cols, sums });
    });
  }
  const firstTable = bands.length > 0 ? Math.min(...bands.map((b) => b.from)) : Infinity;
  const styleAt = (row: number, col: number, value: unknown): StyleName => {
    for (const b of bands) {
      if (row >= b.from && row <= b.to) return 'header';
      if (row >= b.bodyFrom && row <= b.bodyTo) {
        const s = b.cols.get(col);
        if (s) return s;
        return typeof value === 'number' ? 'number' : 'text';
      }
    }
    if (row < firstTable) return row === data.top ? 'title' : 'field';
    return 'paragraph';
  };
  const valueAt = (row: number, col: number): CellValue => data.values[row - data.top]?.[col - data.left] ?? null;
  /** The form's Tổng số formula for a body cell, when its parts (numbers or blanks) add up to the number it holds. */
  const totalFormula = (row: number, col: number, value: CellValue): string | undefined => {
    if (typeof value !== 'number') return undefined;
    for (const b of bands) {
      if (row < b.bodyFrom || row > b.bodyTo) continue;
      const sum = b.sums.find((x) => x.col === col);
      if (!sum) continue;
      const parts = sum.parts.map((c) => valueAt(row, c));
      if (!parts.every((v) => v === null || typeof v === 'number')) return undefined;
      const total = parts.reduce<number>((acc, v) => acc + (typeof v === 'number' ? v : 0), 0);
      if (Math.abs(total - value) > 1e-9 || parts.every((v) => v === null)) return undefined;
      return sum.parts.map((c) => a1(row, c)).join('+');
    }
    return undefined;
  };
  const cells: LayoutCell[] = [];
  let width = 0;
  data.values.forEach((rowValues, i) => {
    if (rowValues.length > width) width = rowValues.length;
    rowValues.forEach((v, j) => {
      const row = data.top + i;
      const col = data.left + j;
      const read = data.formulas?.[i]?.[j] ?? undefined;
      const error = data.errors.find((e) => e.row === row && e.col === col);
      const value = error ? error.code : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      const formula = options.valuesOnly ? (read ? totalFormula(row, col, v) : undefined) : read;
      if (value === null && !formula) {
        if (bands.some((b) => row >= b.from && row <= b.bodyTo && b.cols.has(col))) cells.push({ row, col, value: null, style: styleAt(row, col, null) });
        return;
      }
      cells.push({ row, col, value, style: styleAt(row, col, value), ...(formula ? { formula } : {}) });
    });
  });
  const cols = data.left + width;
  const formLayout = form ? layoutForm(form) : undefined;
  const widths = Array.from({ length: cols }, (_, i) => formLayout?.columnWidths[i] ?? 14);
  const main = bands.find((b) => b.cols.size > 3) ?? bands[0];
  const styles: Record<StyleName, CellStyle> = { ...STYLES, ...(formLayout?.styles ?? {}) };
  return {
    name,
    ...(formId ? { formId } : {}),
    columnWidths: widths,
    rowHeights: {},
    cells,
    merges: data.merges,
    validations: [],
    styles,
    print: {
      paper: 'A4',
      orientation: form?.orientation ?? 'landscape',
      fitToWidth: true,
      ...(main ? { repeatRows: { from: main.from, to: main.to } } : {}),
      area: { rows: data.top + data.values.length, cols },
    },
    tables: [],
  };
}

/** A file name as a tab name's start: no folder, no extension, no character a tab may not hold. */
export function baseName(file: string): string {
  return file
    .replace(/^.*[/\\]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim();
}

/** One sheet of an imported file, laid out as the tab to create. */
export interface ImportedSheet {
  readonly layout: SheetLayout;
  readonly formId?: FormId;
  /** The plan year the sheet's form gives ("Năm kế hoạch (X+1): 2018"). */
  readonly planYear?: number;
  /** When the file was last saved (docProps/core.xml dcterms:modified), ISO, when it says. */
  readonly modified?: string;
}

export interface ImportOptions {
  /**
   * Kept for callers: tabs are now always named as `importedTabName` says — the source tab's own
   * name, "<unit> - <sheet>" when the tab does not name its unit (the unit from the form, the
   * letterhead or, for a file LKH made for a commune, its state: the name the upper level's
   * roll-up reads the commune from).
   */
  readonly unitPrefix?: boolean;
}

/**
 * The sheets of an .xlsx file as layouts to create (values only — never a formula from outside —,
 * merges, the form's formatting), each
 * with the form recognised from its content (else the one the file's state names), named by
 * `importedTabName` (tab-names.ts): the source tab's own name, the unit added only when the tab
 * does not name it, 31 characters at most cut at word boundaries. Empty sheets are left out. Every pane imports through this: in-process hosts create the tabs with importXlsx, the
 * Sheets sidebar sends the layouts to its server.
 */
export async function xlsxAsLayouts(fileName: string, bytes: Uint8Array, _options: ImportOptions = {}): Promise<ImportedSheet[]> {
  let source: XlsxWorkbook;
  try {
    source = await XlsxWorkbook.loadForReading(bytes);
  } catch (e) {
    throw new Error(`Không mở được tệp "${fileName}": ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const state = await readStateOrEmpty(source);
  const names = await source.listSheets();
  let data: SheetData[];
  try {
    data = await source.readSheets(names, { fonts: false });
  } catch (e) {
    // Caps (a 40,000-character cell, millions of cells): named with the file, like a file that does not open.
    throw new Error(`Không mở được tệp "${fileName}": ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  // A file LKH made for a commune (the package it sends up) names its unit in its state.
  const modified = source.modifiedAt;
  const stateUnit = state.unitName?.trim() && (state.level === undefined || state.level === 'xa') ? state.unitName.trim() : undefined;
  const sheets: ImportedSheet[] = [];
  const taken: string[] = [];
  for (const d of data) {
    if (d.values.length === 0) continue;
    const reading = readSheet(d).reading;
    const formId = reading?.formId ?? savedForm(state, d.name).formId;
    const unit = reading?.unitName?.trim() || headingUnit(d) || stateUnit;
    const name = uniqueTabName(importedTabName(d.name, { ...(unit ? { unit } : {}), ...(formId ? { formId } : {}), file: fileName }), taken);
    taken.push(name);
    sheets.push({ layout: sheetAsLayout(d, name, formId, { valuesOnly: true }), ...(formId ? { formId } : {}), ...(reading?.planYear !== undefined ? { planYear: reading.planYear } : {}), ...(modified ? { modified } : {}) });
  }
  return sheets;
}

/**
 * Imports every sheet of an .xlsx file as a new tab (xlsxAsLayouts), recognising its form;
 * returns the tabs created. Legacy fonts are kept as typed; the reader decodes them when
 * validating or consolidating.
 */
export async function importXlsx(port: WorkbookPort, fileName: string, bytes: Uint8Array): Promise<{ sheets: string[]; forms: Record<string, FormId> }> {
  const imported = await xlsxAsLayouts(fileName, bytes);
  const existing = await port.listSheets();
  const created: string[] = [];
  const recognised: Record<string, FormId> = {};
  const origins: Record<string, SheetOrigin> = {};
  const importedAt = new Date().toISOString();
  for (const { layout, formId, modified } of imported) {
    const name = uniqueName(layout.name, [...existing, ...created]);
    await port.createSheet({ ...layout, name }, { existing: 'fail' });
    created.push(name);
    if (formId) recognised[name] = formId;
    origins[name] = { file: fileName, ...(modified ? { modified } : {}), imported: importedAt };
  }
  if (Object.keys(recognised).length > 0) {
    const state = await readStateOrEmpty(port);
    // Settings left empty take the plan year the villages' forms give (the period and the level
    // above then follow it: reference/periods.ts).
    const planYear = state.planYear ?? imported.map((x) => x.planYear).find((y): y is number => y !== undefined);
    // Each tab's file, its modified date and the import time: the version chooser names them.
    const kept = readSheetOrigins(state.extra);
    await port.writeState({
      ...state,
      ...(planYear !== undefined ? { planYear } : {}),
      sheetForms: { ...(state.sheetForms ?? {}), ...recognised },
      extra: { ...(state.extra ?? {}), [SHEET_ORIGINS_KEY]: { ...kept, ...origins } },
    });
  }
  return { sheets: created, forms: recognised };
}

const uniqueName = uniqueTabName;

/** The forms a commune sends up (L733). */
export const PACKAGE_FORMS: readonly FormId[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B'];

/** Builds the .xlsx the commune sends to the level above: its II.4.A, II.4.B, II.6.A, II.6.B as they stand. */
export async function exportPackage(port: WorkbookPort): Promise<{ fileName: string; bytes: Uint8Array; sheets: string[] }> {
  const state = await readStateOrEmpty(port);
  const names = await port.listSheets();
  const byForm = new Map<FormId, string>();
  for (const [sheet, id] of Object.entries(state.sheetForms ?? {})) if (PACKAGE_FORMS.includes(id) && names.includes(sheet) && !byForm.has(id)) byForm.set(id, sheet);
  for (const id of PACKAGE_FORMS) if (!byForm.has(id) && names.includes(id)) byForm.set(id, id);
  const missing = PACKAGE_FORMS.filter((id) => !byForm.has(id));
  if (missing.length > 0) throw new Error(`Chưa có ${missing.map((m) => `Biểu ${m}`).join(', ')}: hãy tổng hợp trước khi xuất gói gửi cấp trên.`);
  const sheets = PACKAGE_FORMS.map((id) => byForm.get(id) as string);
  const data = await port.readSheets(sheets);
  const out = XlsxWorkbook.create();
  for (let i = 0; i < data.length; i++) await out.createSheet(sheetAsLayout(data[i], PACKAGE_FORMS[i], PACKAGE_FORMS[i]));
  await out.writeState({ ...(state.planYear !== undefined ? { planYear: state.planYear } : {}), ...(state.unitName ? { unitName: state.unitName } : {}), level: 'xa', sheetForms: Object.fromEntries(PACKAGE_FORMS.map((id) => [id, id])) });
  const unit = state.unitName?.trim() || 'xa';
  const fileName = `${unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-')}-ke-hoach-${state.planYear ?? ''}.xlsx`.replace(/-+\./, '.');
  return { fileName, bytes: await out.save(), sheets };
}

/**
 * Sheets as one .xlsx file each, all in one .zip (the upper level's feedback, one file per
 * commune to send back by e-mail or Zalo). The .xlsx files are stored, not compressed again.
 */
export async function layoutsAsZip(files: readonly { readonly fileName: string; readonly layout: SheetLayout }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const f of files) {
    const wb = XlsxWorkbook.create();
    await wb.createSheet(f.layout);
    zip.file(f.fileName, await wb.save());
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
