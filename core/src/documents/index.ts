/**
 * The documents of the commune plan, drafted from its workbook. This file is the folder's public
 * face: hosts, the CLI and the panes import only from here.
 *   read.ts           the plan read back from a consolidated workbook (II.4.A, II.6.A/B/C, state)
 *   model.ts          the document model: blocks of text, tables, blanks left to the commune
 *   plan-document.ts  II.7.A and II.7.B on the form catalogue's outline
 *   sections.ts       which line of work or NTM criterion each row of II.4.A belongs to
 *   tables.ts         II.6.A, II.6.B (annexes), summaries by topic, II.6.C
 *   docx.ts           the model as a Word file (Nghị định 30/2020/NĐ-CP layout)
 *   schedule.ts       II.2 with the calendar's dates for the plan year (a sheet)
 *   basic-data.ts     II.8 rolled up from the villages' I.1 where indicators add up (a sheet)
 *   assessment.ts     II.1 pre-scored from the files' evidence (villages' forms and meetings, III.1, II.6.x, last year's plan)
 *   handout.ts        the conference handout (step 4): money by topic and source, the villages' share, the ranked II.6.B, with bars
 *   handout-sheet.ts  the same handout as a sheet of the workbook, with the charts a host draws over it (Excel)
 *   feedback.ts       II.10, the commune's answer to each village, from what became of its proposals
 *   draft.ts          draftDocument: one call for a host, any document as bytes and a file name (.docx, or .xlsx for II.1, II.2, II.8)
 */
export * from './model';
export type { ActivityRow, FundingLine, PlanData, ReturnedRow, SituationRow } from './read';
export { readPlanData, readReturned } from './read';
export type { DocumentOptions, PlanDocumentId } from './plan-document';
export { PLAN_DOCUMENTS, placeName, planDocument } from './plan-document';
export { writeDocx } from './docx';
export { MARKS, MARKS_NOTE, activityFlags, marksText } from './tables';
export type { ScheduleContext, ScheduleLine } from './schedule';
export { II2_SCHEDULE, scheduleForm, scheduleLayout, scheduleLines } from './schedule';
export type { BasicDataLine, BasicDataRollup, VillageFigure } from './basic-data';
export { SOURCES_HEADER, basicDataLayout, ii8FromI1, rollUpBasicData } from './basic-data';
export type { AssessedCriterion, AssessmentInput } from './assessment';
export { assessCriteria, assessmentLayout } from './assessment';
export type { Reconciliation } from './read';
export type { ShareLine, SourceLine, TopicLine } from './handout';
export { BAR_WIDTH, bar, bySource, byTopic, fromVillage, handoutDocument, shareBar, villageShareLines } from './handout';
export { feedbackDocument, villageAnswers, villageList, villagesOf } from './feedback';
export type { DocumentFormat, DocumentKind, DocumentNeed, DocumentSources, DraftedFile, WordDocumentId } from './draft';
export { DOCUMENT_KINDS, DOCX_MIME, DocumentUnavailable, WORD_DOCUMENTS, documentFormat, documentName, draftDocument, isDocumentKind, makeDocument, sourcesOf } from './draft';
export type { HandoutChart, HandoutSheet, SheetRect } from './handout-sheet';
export { CHART_DATA_HEADER, HANDOUT_SHEET, handoutSheet } from './handout-sheet';
