/**
 * Topic and sector on a THIRD corpus of activity names (issue 21), the honest measure: 230 names
 * (113 worded from 81 public pages) labelled by someone who read neither this code nor the two
 * earlier corpora (fixtures/heldout3-activities/README.md says how), measured once on the code
 * after every fix of issue 21 and never used to change the classifier. Its figures are a held-out
 * estimate, unlike those of unseen-corpus.test.ts and heldout-corpus.test.ts.
 *
 * Measured at commit e9d1d7c (`placeActivity(name)` with no hint): topic 97.0% (223/230), sector
 * 90.4% (208/230); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic 96.2%
 * (153/159). The issue's targets on unseen text: topic ≥ 97% (met), ≥ 90% under a topic-titled
 * sheet (met), sector ≥ 95% (NOT met: the misses are mostly mass organisations' own activities
 * filed by their object, and facilities of a school or a cultural house filed by their kind). The
 * thresholds hold the measured level: a change that loses ground here fails, one that gains shows.
 * Do not tune to this file: when it has been used to fix errors, write a new held-out corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTORS, TOPICS } from '../../src/forms/topics';
import type { Topic } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';

interface Labelled {
  readonly name: string;
  readonly topic: Topic;
  readonly sector: string;
}

const FILE = join(__dirname, '..', 'fixtures', 'heldout3-activities', 'heldout3-activities.tsv');
const LINES = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim() !== '');
const CORPUS: readonly Labelled[] = LINES.slice(1).map((l) => {
  const [name, topic, sector] = l.split('\t');
  return { name, topic: topic as Topic, sector };
});

/** Accuracy of `ok` over `cases`, printed with the misses. */
function measure(title: string, cases: readonly Labelled[], ok: (c: Labelled) => boolean, shown: (c: Labelled) => string): number {
  const wrong = cases.filter((c) => !ok(c));
  const right = cases.length - wrong.length;
  console.log(`${title}: ${((100 * right) / cases.length).toFixed(1)}% (${right}/${cases.length})${wrong.length ? `\n${wrong.map((c) => `  ${c.name}: ${shown(c)}`).join('\n')}` : ''}`);
  return right / cases.length;
}

describe('the third held-out corpus (never tuned on)', () => {
  it('holds 230 labelled names, every topic and sector among the canonical ones', () => {
    expect(LINES[0].split('\t')).toEqual(['name', 'topic', 'sector', 'source', 'note']);
    expect(CORPUS).toHaveLength(230);
    const sectors = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      expect(TOPICS).toContain(c.topic);
      expect(sectors).toContain(c.sector);
    }
  });

  it('files the names by their words alone: topic and sector (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
    const topic = measure('Topic on the third held-out corpus', CORPUS, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    const sector = measure('Sector on the third held-out corpus', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Measured once, held out: 223/230 and 208/230.
    expect(topic).toBeGreaterThanOrEqual(223 / 230);
    expect(sector).toBeGreaterThanOrEqual(208 / 230);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others).toHaveLength(159);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    // Measured once, held out: 153/159.
    expect(kept).toBeGreaterThanOrEqual(153 / 159);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Measured once, held out: 208/230, the same as without the hint.
    expect(sector).toBeGreaterThanOrEqual(208 / 230);
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
