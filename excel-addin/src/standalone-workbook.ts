/**
 * The standalone page's workbook: an .xlsx held in memory (XlsxWorkbook over ExcelJS). This module
 * pulls ExcelJS, so standalone.tsx loads it with import() when the user opens a file or the demo:
 * the page's first load carries only React, Fluent UI and the core.
 */
import { importedTabName, uniqueTabName } from '../../core/src/app/tab-names';
import { importXlsx } from '../../core/src/app/transfer';
import type { FormId } from '../../core/src/forms/types';
import { DEMO_COMMUNE, DEMO_PERIOD, DEMO_PROVINCE, DEMO_YEAR, demoFiles } from '../../core/src/workflow/demo';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { markDemo } from '../../core/src/year';
import type { FileFailure } from '../../core/ui/files';
import { fileFailureText, importEach } from '../../core/ui/files';

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Opened {
  readonly workbook: XlsxWorkbook;
  /** The workbook's sheets (tabs made from the files). */
  readonly sheets: readonly string[];
  /** The name to save under: the file opened, or a name from the commune. */
  readonly fileName?: string;
  /** Files among several that could not be read, each with its sentence; the others were opened. */
  readonly failed?: readonly FileFailure[];
}

export function newWorkbook(): XlsxWorkbook {
  return XlsxWorkbook.create();
}

/** "Thon-Na-Liu.xlsx" → "Thon-Na-Liu". */
function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/[[\]:*?/\\]/g, ' ').trim();
}

/**
 * Opens files as a new workbook: one file becomes the workbook itself (saved back under its name,
 * with everything LKH adds, ballots included); several files (the villages' I.2, the departments'
 * II.3) are merged into a new workbook, each sheet a tab. Files are added to an open workbook from
 * the pane's "Tệp" screen instead (client.importFiles).
 */
export async function openFiles(files: readonly InputFile[], onProgress?: (done: number, total: number, name: string) => void): Promise<Opened> {
  if (files.length === 0) throw new Error('Chưa chọn tệp nào.');
  if (files.length === 1) {
    const [f] = files;
    let workbook: XlsxWorkbook;
    try {
      workbook = await XlsxWorkbook.load(f.bytes);
    } catch (e) {
      throw new Error(fileFailureText(f.name, e), { cause: e });
    }
    return { workbook, sheets: await workbook.listSheets(), fileName: f.name };
  }
  // One damaged file among the villages' files is named; the others are still opened.
  const workbook = XlsxWorkbook.create();
  const { sheets, failed } = await importEach(files, (f) => importXlsx(workbook, f.name, f.bytes), onProgress);
  if (sheets.length === 0 && failed.length > 0) throw new Error(failed.map((x) => x.message).join(' '));
  return { workbook, sheets, ...(failed.length > 0 ? { failed } : {}) };
}

/** A new workbook holding the demo commune's files (villages, departments, the district's III.1) as tabs. */
export async function loadDemo(): Promise<Opened> {
  const workbook = XlsxWorkbook.create();
  const sheets: string[] = [];
  const sheetForms: Record<string, FormId> = {};
  for (const file of demoFiles()) {
    for (const s of file.sheets) {
      // Named as opened files are (importedTabName): "Thôn Nà Lìu - I.2 - Trồng trọt", never the file name.
      const name = uniqueTabName(importedTabName(s.layout.name, { unit: file.unit, formId: s.formId, file: file.name }), sheets);
      await workbook.createSheet({ ...s.layout, name }, { existing: 'fail' });
      sheets.push(name);
      sheetForms[name] = s.formId;
    }
  }
  // Marked as the demo's: the year's status shows no deadline of the real calendar for it.
  await workbook.writeState(markDemo({ planYear: DEMO_YEAR, unitName: DEMO_COMMUNE, level: 'xa', period: DEMO_PERIOD, upperLevelName: DEMO_PROVINCE, sheetForms }));
  return { workbook, sheets };
}

/** ASCII file name from Vietnamese text ("Xã Tân Lập" → "Xa-Tan-Lap"). */
export function fileSafe(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'LKH'
  );
}

/** The name to download the whole workbook under (the package sent upward is "<xã>-ke-hoach-<năm>.xlsx"). */
export async function saveName(workbook: XlsxWorkbook, opened?: string): Promise<string> {
  if (opened) return opened.toLowerCase().endsWith('.xlsx') ? opened : `${baseName(opened)}.xlsx`;
  let state: Awaited<ReturnType<XlsxWorkbook['readState']>> = {};
  try {
    state = await workbook.readState();
  } catch {
    // a workbook without state still saves
  }
  return `${state.unitName ? `${fileSafe(state.unitName)}-` : ''}LKH${state.planYear ? `-${state.planYear}` : ''}.xlsx`;
}

export async function saveWorkbook(workbook: XlsxWorkbook): Promise<Uint8Array> {
  return workbook.save();
}
