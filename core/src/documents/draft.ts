/**
 * One call for a host (pane, sidebar, standalone page): the Word file of a document drafted from
 * the workbook open in it. The bytes are the .docx; the host saves or downloads them.
 */
import type { WorkbookPort } from '../port/types';
import { feedbackDocument } from './feedback';
import { countBlanks } from './model';
import { planDocument } from './plan-document';
import { readPlanData } from './read';
import { writeDocx } from './docx';

export type WordDocumentId = 'II.7.A' | 'II.7.B' | 'II.10';
export const WORD_DOCUMENTS: readonly WordDocumentId[] = ['II.7.A', 'II.7.B', 'II.10'];

export interface DraftedFile {
  /** "II.7.A.docx". */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Places left "………" for the commune. */
  readonly blanks: number;
  /** Plan sheets the workbook lacks (their parts are left blank). */
  readonly missing: readonly string[];
}

/** Drafts II.7.A, II.7.B or II.10 from the plan in `port` and writes it as a .docx. */
export async function draftDocument(port: WorkbookPort, id: WordDocumentId): Promise<DraftedFile> {
  const plan = await readPlanData(port);
  const doc = id === 'II.10' ? feedbackDocument(plan) : planDocument(id, plan);
  return { fileName: `${doc.fileName}.docx`, bytes: await writeDocx(doc), blanks: countBlanks(doc), missing: plan.missing };
}
