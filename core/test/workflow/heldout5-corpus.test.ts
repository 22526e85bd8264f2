/**
 * Topic and sector on a FIFTH corpus of activity names (issue 21): 354 names (161 worded from 112
 * public pages) labelled by someone who read neither this code nor the earlier corpora
 * (fixtures/heldout5-activities/README.md says how and which conventions were chosen).
 *
 * Measured once on main at commit 97920f8 (`placeActivity(name)` with no hint), before the fourth
 * round of fixes (made by someone who never saw this file): topic 93.2% (330/354), sector 89.0%
 * (315/354); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic 92.7% (242/261).
 * Measured once more after that round (the classifier of the merge of branch classify21, tuned on
 * corpora 1-4 and its author's own names only): topic 95.8% (339/354), sector 92.4% (327/354), under
 * "Cơ sở hạ tầng" 95.0% (248/261). The targets (topic ≥ 97%, sector ≥ 95%) are not met on
 * text the classifier was not written against. Its misses have now been read, so this corpus no
 * longer measures: do not tune to it; write a sixth for the next honest measure.
 * The thresholds hold the last measured level.
 */
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import type { Labelled } from './labelled-corpus';
import { measure, readLabelled } from './labelled-corpus';

const { header: HEADER, corpus: CORPUS } = readLabelled('heldout5-activities');

describe('the fifth held-out corpus (never tuned on)', () => {
  it('holds 222 labelled names, every topic and sector among the canonical ones', () => {
    expect(HEADER).toEqual(['name', 'topic', 'sector', 'source', 'note']);
    expect(CORPUS).toHaveLength(354);
    const sectors = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      expect(TOPICS).toContain(c.topic);
      expect(sectors).toContain(c.sector);
    }
  });

  it('files the names by their words alone: topic and sector (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
    const topic = measure('Topic on the fifth held-out corpus', CORPUS, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    const sector = measure('Sector on the fifth held-out corpus', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Held out: 330/354 and 315/354 before the fourth round, 339/354 and 327/354 after it.
    expect(topic).toBeGreaterThanOrEqual(339 / 354);
    expect(sector).toBeGreaterThanOrEqual(327 / 354);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others).toHaveLength(261);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    // Held out: 242/261 before, 248/261 after.
    expect(kept).toBeGreaterThanOrEqual(248 / 261);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // The hint changes nothing: the same level as without it.
    expect(sector).toBeGreaterThanOrEqual(327 / 354);
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
