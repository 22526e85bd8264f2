/**
 * The labelled activity corpora of issue 21 (fixtures/<name>/<name>.tsv: name, topic, sector,
 * source, note), read and scored the same way by each corpus test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../src/forms/topics';

export interface Labelled {
  readonly name: string;
  readonly topic: Topic;
  readonly sector: string;
  readonly source: string;
  readonly note: string;
}

/** A corpus's header line (its columns) and its labelled names. */
export function readLabelled(folder: string): { readonly header: readonly string[]; readonly corpus: readonly Labelled[] } {
  const lines = readFileSync(join(__dirname, '..', 'fixtures', folder, `${folder}.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const corpus = lines.slice(1).map((l) => {
    const [name, topic, sector, source, note] = l.split('\t');
    return { name, topic: topic as Topic, sector, source, note: note ?? '' };
  });
  return { header: lines[0].split('\t'), corpus };
}

/** Accuracy of `ok` over `cases`, printed with the misses. */
export function measure(title: string, cases: readonly Labelled[], ok: (c: Labelled) => boolean, shown: (c: Labelled) => string): number {
  const wrong = cases.filter((c) => !ok(c));
  const right = cases.length - wrong.length;
  console.log(`${title}: ${((100 * right) / cases.length).toFixed(1)}% (${right}/${cases.length})${wrong.length ? `\n${wrong.map((c) => `  ${c.name}: ${shown(c)}`).join('\n')}` : ''}`);
  return right / cases.length;
}
