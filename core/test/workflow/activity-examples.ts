/**
 * The labelled corpora of issue 21 as the learned fallback counts them (core/src/workflow/learned.ts):
 * every fixtures/*-activities corpus, each row scored by the labelling conventions where they
 * contradict its label (readLabelled), its name folded as the rules read it. Shared by
 * scripts/build-activity-model.mjs, which writes the table, and activity-model.test.ts, which checks it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { activityWords } from '../../src/workflow/classify';
import type { LearnedExample, LearnedTable } from '../../src/workflow/learned';
import { countTable } from '../../src/workflow/learned';
import { readLabelled } from './labelled-corpus';

/** Features seen fewer times than this over all corpora are left out of the table (they rarely recur in a new corpus). */
export const MIN_COUNT = 4;
/** Additive smoothing of the counts. */
export const ALPHA = 1;

export interface CorpusExample extends LearnedExample {
  readonly corpus: string;
}

/** The labelled corpora's folders, in name order. */
export function corpusFolders(fixtures = join(__dirname, '..', 'fixtures')): string[] {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('-activities'))
    .sort();
}

/** Every labelled row of every corpus, its words folded as the rules read them. */
export function corpusExamples(fixtures = join(__dirname, '..', 'fixtures')): CorpusExample[] {
  return corpusFolders(fixtures).flatMap((corpus) => readLabelled(corpus, fixtures).corpus.map((c) => ({ corpus, words: activityWords(c.name), sector: c.sector })));
}

/** The table the fallback holds, counted from these examples. */
export function activityTable(examples: readonly LearnedExample[]): LearnedTable & { readonly alpha: number; readonly minCount: number } {
  return { alpha: ALPHA, minCount: MIN_COUNT, ...countTable(examples, MIN_COUNT) };
}
