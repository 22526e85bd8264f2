/**
 * The labelled activity corpora of issue 21 (fixtures/<name>/<name>.tsv: name, topic, sector,
 * source, note), read and scored the same way by each corpus test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../src/forms/topics';
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import { conventionLabel } from './convention-conflicts';

export interface Labelled {
  readonly name: string;
  readonly topic: Topic;
  readonly sector: string;
  readonly source: string;
  readonly note: string;
}

/** A corpus's header line (its columns) and its labelled names, scored by the labelling conventions where they contradict a label (convention-conflicts.ts). */
export function readLabelled(folder: string, fixtures = join(__dirname, '..', 'fixtures')): { readonly header: readonly string[]; readonly corpus: readonly Labelled[] } {
  const lines = readFileSync(join(fixtures, folder, `${folder}.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const corpus = lines.slice(1).map((l) => {
    const [name, topic, sector, source, note] = l.split('\t');
    return conventionLabel(name, { name, topic: topic as Topic, sector, source, note: note ?? '' });
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

/** The lowest accuracies a corpus must keep, each the level last measured on it. */
export interface CorpusFloors {
  /** Names in the corpus, and those whose topic is not Cơ sở hạ tầng. */
  readonly rows: number;
  readonly nonCsht: number;
  /** Topic and sector by the words alone. */
  readonly topic: number;
  readonly sector: number;
  /** Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic. */
  readonly kept: number;
  /** Sector under a sheet "Giao thông" (the hint must change nothing). */
  readonly underGiaoThong: number;
}

/**
 * The four tests every labelled corpus of issue 21 runs: its labels are canonical; names filed by
 * their words alone; a topic-titled sheet does not force its topic; a sector-titled sheet does not
 * copy its sector onto rows of other sectors. Accuracies are printed with their misses.
 */
export function describeCorpus(title: string, folder: string, shortName: string, floors: CorpusFloors): void {
  const { header, corpus } = readLabelled(folder);
  describe(title, () => {
    it(`holds ${floors.rows} labelled names, every topic and sector among the canonical ones`, () => {
      expect(header).toEqual(['name', 'topic', 'sector', 'source', 'note']);
      expect(corpus).toHaveLength(floors.rows);
      const sectors = new Set(SECTORS.map((s) => s.name));
      for (const c of corpus) {
        expect(TOPICS).toContain(c.topic);
        expect(sectors).toContain(c.sector);
      }
    });

    it('files the names by their words alone: topic and sector (accuracy printed)', () => {
      const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
      const topic = measure(`Topic on ${shortName}`, corpus, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
      const sector = measure(`Sector on ${shortName}`, corpus, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
      expect(topic).toBeGreaterThanOrEqual(floors.topic);
      expect(sector).toBeGreaterThanOrEqual(floors.sector);
    });

    it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
      const others = corpus.filter((c) => c.topic !== 'csht');
      expect(others).toHaveLength(floors.nonCsht);
      const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
      const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
      expect(kept).toBeGreaterThanOrEqual(floors.kept);
    });

    it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
      const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
      const sector = measure('Sector under a sheet "Giao thông"', corpus, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
      expect(sector).toBeGreaterThanOrEqual(floors.underGiaoThong);
      for (const c of corpus.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
    });
  });
}
