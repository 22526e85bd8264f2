/**
 * The "Văn bản" action of the panes: a document of the plan drafted from the open workbook, as
 * bytes and a file name the host hands to the user. It writes Word files (docx) and sheets
 * (ExcelJS), so it is not part of createActions (actions.ts): the Google Sheets server bundles
 * createActions and must stay free of ExcelJS (scripts/build-sheets.mjs checks it), and the panes'
 * first load must not carry either library. Hosts load this module with import() on first use,
 * as they load transfer.ts; the Sheets sidebar runs it over a snapshot of the workbook's values.
 */
import type { DocumentKind, DocumentNeed, DraftedFile, HandoutChart } from '../documents';
import { DocumentUnavailable, documentName, draftDocument, handoutSheet, isDocumentKind, readPlanData } from '../documents';
import type { WorkbookPort } from '../port/types';
import { replaceKeepingOneCopy } from '../port/replace';

export type { DocumentKind, DraftedFile } from '../documents';
export { DOCUMENT_KINDS, documentFormat } from '../documents';

/** What the pane says when a document cannot be drafted yet, with the pane's own words for the next step. */
const NEEDS: Readonly<Record<DocumentNeed, string>> = {
  plan: 'cần kế hoạch xã đã tổng hợp: bấm "Tổng hợp" trước (sổ tính chưa có II.4.A, II.6.A, II.6.B, II.6.C).',
  year: 'cần năm kế hoạch: nhập ở "Cài đặt".',
  forms: 'cần kế hoạch xã đã tổng hợp hoặc các biểu của thôn, ban ngành: sổ tính chưa có biểu nào đọc được.',
  i1: 'cần Biểu I.1 của các thôn: thêm tệp của thôn ở "Tệp" (sổ tính chưa có Biểu I.1 nào đọc được).',
};

/**
 * Drafts `kind` from the workbook in `port`. Throws an Error whose message says, in Vietnamese,
 * what is missing when the workbook does not allow it (a plan not consolidated, no plan year, no I.1).
 */
export async function draftFile(port: WorkbookPort, kind: string): Promise<DraftedFile> {
  if (!isDocumentKind(kind)) throw new Error(`Không có văn bản "${kind}".`);
  try {
    return await draftDocument(port, kind as DocumentKind);
  } catch (e) {
    if (e instanceof DocumentUnavailable) {
      const name = documentName(e.kind);
      throw new Error(`${name.charAt(0).toUpperCase()}${name.slice(1)} ${NEEDS[e.need]}`, { cause: e });
    }
    throw e;
  }
}

/** Draws a sheet's charts where the host can (Excel: office-host.ts addCharts); returns how many. */
export type DrawCharts = (sheet: string, charts: readonly HandoutChart[]) => Promise<number>;

/**
 * The conference handout as a sheet of the workbook ("Tóm tắt hội nghị": its tables, the charts'
 * data beside the printed area), with native charts drawn by the host. A previous one is kept as a
 * copy. Throws, in the pane's words, before the plan is consolidated.
 */
export async function insertHandoutSheet(port: WorkbookPort, draw?: DrawCharts): Promise<{ sheet: string; charts: number; keptCopy?: string }> {
  const plan = await readPlanData(port);
  if (Object.keys(plan.sheets).length === 0) throw new Error(`Trang tóm tắt hội nghị ${NEEDS.plan}`);
  const { layout, charts } = handoutSheet(plan);
  const r = await replaceKeepingOneCopy(port, layout);
  const drawn = draw ? await draw(layout.name, charts) : 0;
  return { sheet: layout.name, charts: drawn, ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}) };
}
