/**
 * The planning year (issue 20, HOUSE.md §1): one typed state of the year read and written in one
 * place (state.ts, over DocumentState.extra), ticks that agree (ticks.ts), what a workbook shows
 * (evidence.ts), and one pure answer of where the unit is and what comes next (status.ts
 * `yearStatus`). The panes' actions, the Sheets sidebar and `lkh status` show that one answer.
 * This file is the folder's public face: other folders import only from here.
 */
export type { BallotRecord, ChangeRecord, ChecklistState, DocumentRecord, UpperLevelRecord, YearDocumentKind, YearSettings, YearState } from './state';
export {
  EMPTY_CHECKLIST_STATE,
  YEAR_DOCUMENT_KINDS,
  YEAR_KEYS,
  checklistStateToJson,
  markDemo,
  readBallots,
  readChecklistState,
  readDocuments,
  readExpectedVillages,
  readLastChange,
  readUpperLevel,
  readVillages,
  readYearState,
  recordBallot,
  recordDocument,
  recordRanking,
  setOverride,
  setTick,
  todayIso,
  writeChecklistState,
  writeLastChange,
  writeUpperLevel,
  writeVillages,
} from './state';
export { yearTick } from './ticks';
export type { Deadline, Evidence, EvidenceSay, EvidenceSheet, NextAction, NextActionKind, NextSay, StatusItem, StepStatusView, VillagesReceived, YearPlace, YearStatus, YearStatusInput } from './status';
export { yearStatus } from './status';
export { recordedSheetForms, sheetFormsOfWorkbook, workbookEvidence } from './evidence';
export { checklistOfDocument } from './checklist';
export type { UndoResult } from './undo';
export { undoLastChange, undoableChange } from './undo';
