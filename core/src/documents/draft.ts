/**
 * One call for a host (pane, sidebar, standalone page, CLI): a document of the plan drafted from
 * what the commune's files hold, as the bytes of its file and the name to save it under. Word
 * documents (II.7.A, II.7.B, II.10, the handout) are .docx; II.1, II.2 and II.8 are .xlsx sheets,
 * since the commune edits their cells. The sheets are written with ExcelJS (XlsxWorkbook), loaded
 * with import() only when a sheet document is asked for, so a pane that never asks never loads it.
 */
import type { DocumentState, WorkbookPort } from '../port/types';
import type { SheetLayout } from '../layout/types';
import type { FormReading } from '../model/types';
import type { VillageSheets } from '../reader/workbook';
import { readWorkbook } from '../reader/workbook';
import { readVillages } from '../year';
import { assessCriteria, assessmentLayout } from './assessment';
import { basicDataLayout, rollUpBasicData } from './basic-data';
import { feedbackDocument } from './feedback';
import { handoutDocument } from './handout';
import { countBlanks } from './model';
import { planDocument } from './plan-document';
import type { PlanData } from './read';
import { readPlanData } from './read';
import { scheduleLayout } from './schedule';
import { writeDocx } from './docx';

export type WordDocumentId = 'II.7.A' | 'II.7.B' | 'II.10';
export const WORD_DOCUMENTS: readonly WordDocumentId[] = ['II.7.A', 'II.7.B', 'II.10'];

/** Every document of the plan LKH drafts. */
export type DocumentKind = WordDocumentId | 'II.1' | 'II.2' | 'II.8' | 'handout';
/** In the order the commune uses them (II.2 opens the year, the handout serves step 4, II.1 closes it). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['II.7.A', 'II.7.B', 'II.10', 'II.1', 'II.2', 'II.8', 'handout'];

export type DocumentFormat = 'docx' | 'xlsx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const isDocumentKind = (x: unknown): x is DocumentKind => typeof x === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(x);

/** Word file or sheet. */
export const documentFormat = (kind: DocumentKind): DocumentFormat => (kind === 'II.1' || kind === 'II.2' || kind === 'II.8' ? 'xlsx' : 'docx');

/** How a sentence names a document: "Biểu II.7.A", "tài liệu phát tại hội nghị kế hoạch xã (handout)". */
export const documentName = (kind: DocumentKind): string => (kind === 'handout' ? 'tài liệu phát tại hội nghị kế hoạch xã (handout)' : `Biểu ${kind}`);

export interface DraftedFile {
  readonly kind: DocumentKind;
  /** "II.7.A.docx", "II.8.xlsx", the handout's own name. */
  readonly fileName: string;
  readonly format: DocumentFormat;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** Word documents: places left "………" for the commune. */
  readonly blanks?: number;
  /** Plan sheets the workbook lacks (their parts are left blank). */
  readonly missing: readonly string[];
  /** Sheet documents: what was filled from the files and what is left to the commune, in Vietnamese. */
  readonly note?: string;
}

/** What a document lacks: the consolidated plan, the plan year, the villages' I.1, any readable form. */
export type DocumentNeed = 'plan' | 'year' | 'i1' | 'forms';

/** The files do not allow the document; the message says why, in Vietnamese (in the command's words; `need` lets a pane say it in its own). */
export class DocumentUnavailable extends Error {
  constructor(
    readonly kind: DocumentKind,
    readonly need: DocumentNeed,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentUnavailable';
  }
}

/**
 * What a document is drafted from. The CLI gathers it from several files (the plan, the villages'
 * files, last year's plan); a pane from the one workbook open in it (sourcesOf).
 */
export interface DocumentSources {
  /** The consolidated plan; undefined when no file holds a plan sheet. */
  readonly plan?: PlanData;
  /** The plan workbook's document state (plan year, commune, checklist overrides, villages). */
  readonly state: DocumentState;
  /** Last year's plan (II.1, criterion 14). */
  readonly lastYear?: PlanData;
  /** Every form read (villages' I.1 for II.8; the forms II.1 looks for). */
  readonly readings: readonly FormReading[];
  readonly villages: readonly VillageSheets[];
  /** Overrides of the plan's own (the CLI's --year, --commune). */
  readonly planYear?: number;
  readonly communeName?: string;
}

/** A plan drafted only when the workbook holds one of its sheets. */
const hasPlan = (p: PlanData): boolean => Object.keys(p.sheets).length > 0;

/** Everything the documents need from one workbook: its plan (if any), state and every form on its sheets. */
export async function sourcesOf(port: WorkbookPort): Promise<DocumentSources> {
  const plan = await readPlanData(port);
  let state: DocumentState = {};
  try {
    state = await port.readState();
  } catch {
    // an unreadable state: the plan's sheets still say what they hold
  }
  const book = await readWorkbook(port);
  return { ...(hasPlan(plan) ? { plan } : {}), state, readings: book.readings, villages: book.villages };
}

async function sheetFile(layout: SheetLayout, formId: 'II.1' | 'II.2' | 'II.8', state: DocumentState): Promise<Uint8Array> {
  const { XlsxWorkbook } = await import('../xlsx/xlsx-workbook');
  const wb = XlsxWorkbook.create();
  await wb.createSheet(layout);
  await wb.writeState({ ...(state.planYear !== undefined ? { planYear: state.planYear } : {}), ...(state.unitName ? { unitName: state.unitName } : {}), level: 'xa', sheetForms: { [layout.name]: formId } });
  return wb.save();
}

const villageListOf = (state: DocumentState): string[] => readVillages(state);

/** Drafts one document from its sources; throws DocumentUnavailable, with the reason, when they do not allow it. */
export async function makeDocument(kind: DocumentKind, src: DocumentSources): Promise<DraftedFile> {
  const year = src.planYear ?? src.plan?.planYear ?? src.state.planYear;
  const commune = src.communeName ?? src.plan?.communeName ?? (src.state.unitName || undefined);
  const missing = src.plan?.missing ?? [];
  const unavailable = (need: DocumentNeed, message: string) => new DocumentUnavailable(kind, need, message);
  if (documentFormat(kind) === 'docx') {
    if (!src.plan) throw unavailable('plan', `${documentName(kind)} cần tệp kế hoạch đã tổng hợp (lkh consolidate): không tệp nào có II.4.A, II.6.A, II.6.B, II.6.C.`);
    const data: PlanData = { ...src.plan, ...(commune ? { communeName: commune } : {}), ...(year !== undefined ? { planYear: year } : {}) };
    const doc = kind === 'II.10' ? feedbackDocument(data) : kind === 'handout' ? handoutDocument(data) : planDocument(kind as 'II.7.A' | 'II.7.B', data);
    return { kind, fileName: `${doc.fileName}.docx`, format: 'docx', mime: DOCX_MIME, bytes: await writeDocx(doc), blanks: countBlanks(doc), missing };
  }
  if (year === undefined) throw unavailable('year', `Biểu ${kind} cần năm kế hoạch: cho tệp kế hoạch của xã hoặc --year NĂM.`);
  const state: DocumentState = { ...src.state, planYear: year, ...(commune ? { unitName: commune } : {}) };
  const sheet = async (layout: SheetLayout, note: string): Promise<DraftedFile> => ({
    kind,
    fileName: `${kind}.xlsx`,
    format: 'xlsx',
    mime: XLSX_MIME,
    bytes: await sheetFile(layout, kind as 'II.1' | 'II.2' | 'II.8', state),
    missing,
    note,
  });
  if (kind === 'II.1') {
    if (!src.plan && src.readings.length === 0) throw unavailable('forms', 'Biểu II.1 cần tệp kế hoạch đã tổng hợp hoặc các biểu của thôn, ban ngành: không tệp nào có biểu đọc được.');
    const villageList = villageListOf(src.state);
    const criteria = assessCriteria({
      ...(src.plan ? { plan: src.plan } : {}),
      ...(src.lastYear ? { lastYear: src.lastYear } : {}),
      readings: src.readings,
      villages: src.villages,
      ...(villageList.length > 0 ? { villageList } : {}),
    });
    const answered = criteria.filter((c) => c.answer !== undefined);
    const layout = assessmentLayout(criteria, { planYear: year, ...(commune ? { communeName: commune } : {}) });
    return sheet(
      layout,
      `${answered.length}/${criteria.length} tiêu chí chấm từ các tệp (${answered.map((c) => `${c.code}: ${c.answer ?? ''}`).join(', ')}), bằng chứng ở cột Ghi chú; các tiêu chí khác để xã tự đánh giá${src.lastYear ? '' : '; tiêu chí 14 cần thêm tệp kế hoạch năm trước'}`,
    );
  }
  if (kind === 'II.2') return sheet(scheduleLayout(state, year), 'ngày theo danh mục 7 bước (kể cả ngày xã đã sửa); ngày ký và người phụ trách các hoạt động 6-15 để xã ghi');
  const rollup = rollUpBasicData(src.readings);
  if (rollup.villages.length === 0) throw unavailable('i1', `Biểu II.8 cần Biểu I.1 của các thôn: không tệp nào có Biểu I.1 đọc được.${rollup.issues.length > 0 ? ` ${rollup.issues.join(' ')}` : ''}`);
  const filled = rollup.lines.filter((l) => l.value !== undefined).length;
  return sheet(
    basicDataLayout(rollup, { planYear: year, ...(commune ? { communeName: commune } : {}) }),
    `${filled} chỉ tiêu cộng từ Biểu I.1 của ${rollup.villages.length} thôn (${rollup.villages.join(', ')}); các chỉ tiêu khác để xã điền${rollup.issues.length > 0 ? `. Lưu ý: ${rollup.issues.join(' ')}` : ''}`,
  );
}

/** Drafts a document of the plan from the workbook open in a host (its plan, state and village sheets). */
export async function draftDocument(port: WorkbookPort, kind: DocumentKind): Promise<DraftedFile> {
  return makeDocument(kind, await sourcesOf(port));
}
