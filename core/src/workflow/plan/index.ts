/**
 * The commune plan: consolidation of villages (I.2) and departments (II.3) into II.4.A/II.4.B,
 * the funding split into II.6.A/II.6.B/II.6.C, the checks against III.1, and the plan's sheets.
 * This file is the folder's public face: other folders import only from here.
 *   consolidate.ts  buildPlan (rule 4): keys, merges offered, returned activities, reconciliation
 *   placement.ts    rows whose words overrule their sheet's label; a merged row's sector
 *   funding.ts      the split by source and program (rule 5)
 *   checks.ts       budget checks against III.1, the villages' share, growth (rule 6)
 *   plan-io.ts      writing the plan's sheets and reading back the commune's edits
 *   sources.ts      each input counted once: identical copies read once, versions of one sheet chosen
 *   meetings.ts     a village's meeting validity (rule 8) marking its rows until the commune confirms
 *   commune.ts      consolidateCommune: read → build → check → write, in one call
 */
export * from './commune';
export * from './consolidate';
export * from './funding';
export * from './meetings';
export * from './checks';
export * from './plan-io';
export * from './sources';
