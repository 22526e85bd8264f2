/**
 * Topic and sector on a FOURTH corpus of activity names (issue 21), the honest measure after the
 * third round of fixes: 222 names (108 worded from 88 public pages) labelled by someone who read
 * neither this code nor the earlier corpora (fixtures/heldout4-activities/README.md says how),
 * measured once on the code after every fix so far and never used to change the classifier.
 *
 * Measured at commit f3f57a0 (`placeActivity(name)` with no hint): topic 95.0% (211/222), sector
 * 92.8% (206/222); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic 95.7%
 * (155/162). With the third corpus's held-out figures (97.0%, 90.4%, 96.2%) this puts the
 * classifier near 95-97% on topic and 90-93% on sector for text it has not seen: the issue's
 * targets (topic ≥ 97%, sector ≥ 95%) are not met yet. The thresholds hold the measured level.
 * Do not tune to this file: once it has been used to fix errors, write a new held-out corpus.
 */
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import type { Labelled } from './labelled-corpus';
import { measure, readLabelled } from './labelled-corpus';

const { header: HEADER, corpus: CORPUS } = readLabelled('heldout4-activities');

describe('the fourth held-out corpus (never tuned on)', () => {
  it('holds 222 labelled names, every topic and sector among the canonical ones', () => {
    expect(HEADER).toEqual(['name', 'topic', 'sector', 'source', 'note']);
    expect(CORPUS).toHaveLength(222);
    const sectors = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      expect(TOPICS).toContain(c.topic);
      expect(sectors).toContain(c.sector);
    }
  });

  it('files the names by their words alone: topic and sector (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
    const topic = measure('Topic on the fourth held-out corpus', CORPUS, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    const sector = measure('Sector on the fourth held-out corpus', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Measured once, held out: 211/222 and 206/222.
    expect(topic).toBeGreaterThanOrEqual(211 / 222);
    expect(sector).toBeGreaterThanOrEqual(206 / 222);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others).toHaveLength(162);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    // Measured once, held out: 155/162.
    expect(kept).toBeGreaterThanOrEqual(155 / 162);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Measured once, held out: the hint changes nothing.
    expect(sector).toBeGreaterThanOrEqual(206 / 222);
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
