/**
 * The level above the commune (the district in the handbook, the province since 1 July 2025):
 * reading every commune's plan, building the roll-up (by sector with appraisal columns, by
 * commune, ranking within funds, feedback per commune) and laying out its sheets.
 * This file is the folder's public face: other folders import only from here.
 *   read.ts    communes' plans (files or tabs) and the previous roll-up's appraisals
 *   build.ts   the roll-up itself: reconciliation, checks, ranking within the funds
 *   tables.ts  the communes' data as long tables (one per kind of content), read back and rewritten
 *   layout.ts  the summaries, feedback table and printable feedback it writes
 *   rollup.ts  rollUpCommunes: read → build → write, in one call
 *   import.ts  communes' packages into the tables in batches (the Sheets sidebar), no roll-up
 *   types.ts   its data shapes and sheet names
 *   feedback-views.ts  each commune's feedback from the feedback table: the printable view, the files to send
 *   feedback-read.ts  the feedback read back by the commune: the "Phản hồi cấp trên" sheet, answers beside II.6.A/II.6.B
 */
export * from './rollup';
export { feedbackFileLayouts, feedbackOfCommunes, writeFeedbackView } from './feedback-views';
export type { ImportOptions, ImportResult, ImportedCommune } from './import';
export { importCommunePackages } from './import';
export * from './types';
export type { BuildOptions } from './build';
export { buildRollup, fundsFromIv1, iii1Total, rankWithinFunds, verdictOf } from './build';
export type { SummaryLine } from './layout';
export type { FeedbackSheetInput, FeedbackSheetRow, TablesReport } from './layout';
export { FEEDBACK_COLUMNS, FEEDBACK_VERDICT_TEXT, appraisalsLayout, SUMMARY_COLUMNS, VANISHED_GROUP, communesLayout, feedbackLayoutOf, feedbackLayouts, feedbackRowsOf, feedbackSheetLayout, feedbackSheetName, feedbackTableLayout, rankingLayout, reportLayout, summaryLayout, summaryLines, upperHeading } from './layout';
export type { CommuneMeta, LongColumn, LongRow, StoredCommune, UpperState } from './tables';
export { ACTIVITY_COLUMNS, DATA_TABLES, FIGURES_TABLE, FIGURE_COLUMNS, II4A_TABLE, II6A_TABLE, II6B_TABLE, SITUATION_COLUMNS, communeRows, longLayout, readLongTable, readUpperTables, rebuildSheet, upperState } from './tables';
export type { DistrictSource, PlansReading, ReadPlansOptions } from './read';
export { communeKey, isRollupSheet, matchDifficulty, nameKey, readCommunePlans, readPreviousRollup, readPreviousSummary, tabPrefix } from './read';
export type { FeedbackApplied, FeedbackForm, FeedbackLine, FeedbackMatch, FeedbackVerdict, UpperFeedback } from './feedback-read';
export { REJECTED_FLAG, UPPER_FEEDBACK_HEADER, UPPER_FEEDBACK_SHEET, applyUpperFeedback, feedbackFor, matchFeedback, readFeedbackSheet, readFeedbackTable, readUpperFeedback } from './feedback-read';
