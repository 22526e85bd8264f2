/**
 * Ranking the activities that need outside money (SPEC §4 rules 7 and 8): the ballot to print
 * and type into, reading it back, the ranking with the handbook's tie-break, the validity of
 * the list, and writing the ranks into II.6.A / II.6.B / I.2.
 *
 * Flow: items (rankItemsFromPlan or rankItemsFromSheet) → ballotLayout → port.createSheet →
 * the meeting marks or scores → readTally → rank → rankingValidity → applyRanking.
 */
export type { MarksMethod, RankItem, RankMethod, RankRow, ScoresMethod, TieBreak, Validity, ValidityInput, ValidityKind } from './ranking-core';
export {
  DEFAULT_CRITERIA,
  MARK_SHARE,
  SCORE_MAX,
  SCORE_MIN,
  TIE_BREAKS,
  TIE_BREAK_LABELS,
  criteriaOf,
  markLimit,
  marksPerPerson,
  rank,
  rankItemsFromPlan,
  rankingValidity,
  scoreRange,
} from './ranking-core';
export type { BallotOptions } from './ranking-ballot';
export { BALLOT_TEXT, ballotLayout } from './ranking-ballot';
export type { TallyResult } from './ranking-tally';
export { readTally } from './ranking-tally';
export type { RankableFormId, SheetActivities, SheetActivity } from './ranking-sheet';
export { KEY_HEADER, derivedKeys, matchName, rankItemsFromSheet, sheetActivities } from './ranking-sheet';
export type { ApplyRankingOptions, ApplyRankingResult, RankRef, SegmentResult } from './ranking-apply';
export { NOTE_PREFIX, applyRanking, notePrefixed, rewriteRowRefs } from './ranking-apply';
