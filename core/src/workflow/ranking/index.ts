/**
 * Ranking the activities that need outside money (SPEC §4 rules 7 and 8): the ballot to print
 * and type into, reading it back, the ranking with the handbook's tie-break, the validity of
 * the list, and writing the ranks into II.6.A / II.6.B / I.2.
 *
 * Flow: items (rankItemsFromPlan or rankItemsFromSheet) → ballotLayout → port.createSheet →
 * the meeting marks or scores → readTally → rank → applyRanking → listValidity (the counts under
 * the ballot, else the village's I.1/I.3; rankingValidity) written on the tally sheet (validityWrite).
 */
export type { MarksMethod, RankItem, RankMethod, RankRow, ScoresMethod, TieBreak, TieDecider, Validity, ValidityInput, ValidityKind } from './core';
export {
  DEFAULT_CRITERIA,
  MARK_SHARE,
  SCORE_MAX,
  SCORE_MIN,
  TIE_BREAKS,
  TIE_BREAK_LABELS,
  TIE_RULE_TEXT,
  BENEFICIARIES_CRITERION,
  criteriaOf,
  markLimit,
  marksPerPerson,
  rank,
  rankItemsFromPlan,
  rankingValidity,
  scoreRange,
} from './core';
export type { BallotOptions } from './ballot';
export { BALLOT_TEXT, ballotLayout } from './ballot';
export type { TallyResult } from './tally';
export { RankingRefused, ballotRefusal, readTally } from './tally';
export type { RankableFormId, SheetActivities, SheetActivity } from './sheet';
export { KEY_HEADER, NAME_MATCH, derivedKeys, findKeyColumn, matchName, namesDiffer, rankItemsFromSheet, sheetActivities } from './sheet';
export type { ListValidity, ValidityField, ValidityFields, VillageCounts } from './validity';
export { VALIDITY_TEXT, listValidity, readValidityFields, validityKindOf, validityLines, validityWrite } from './validity';
export type { ApplyRankingOptions, ApplyRankingResult, RankRef, SegmentResult } from './apply';
export { NOTE_PREFIX, applyRanking, notePrefixed, rewriteRowRefs } from './apply';
