/**
 * Topic and sector on a second corpus of activity names (issue 21): 267 names labelled by someone
 * who read neither this code nor the first corpus (fixtures/unseen-activities), given only the
 * handbook, the spec and public commune pages (fixtures/heldout-activities/README.md says how).
 * Prints the accuracy and holds it at the level measured after the fixes it led to.
 *
 * Measured before any tuning on it (commit 9e6d3d9, `placeActivity(name)` with no hint): topic
 * 93.3% (249/267), sector 87.3% (233/267); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping
 * their topic 90.1% (173/192). Its misses were then used to find classes of error (school toilets,
 * council sessions and budgets, vocational classes in a craft or crop, culverts through dykes,
 * disaster relief and policy payments, "và" read as the works verb "vá", a cooperative of a craft,
 * tap-water connections, community houses, food safety…), fixed by general word rules, not by the
 * corpus's phrases. After: topic 100% (267/267), sector 99.6% (266/267), 100% (192/192) under the
 * "Cơ sở hạ tầng" sheet. So the after figures are not a held-out estimate any more; the issue's
 * targets on unseen text are topic ≥ 97%, sector ≥ 95%, ≥ 90% under a topic-titled sheet. After the
 * fixes of issue 21 item 4 (branch classify21): the same (100%, 99.6%, 100%; 99.6% under
 * "Giao thông"). The thresholds hold the measured level, rounded down to a whole percent.
 */
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import type { Labelled } from './labelled-corpus';
import { measure, readLabelled } from './labelled-corpus';

const { header: HEADER, corpus: CORPUS } = readLabelled('heldout-activities');

describe('the second held-out corpus', () => {
  it('holds 267 labelled names, every topic and sector among the canonical ones', () => {
    expect(HEADER).toEqual(['name', 'topic', 'sector', 'source', 'note']);
    expect(CORPUS).toHaveLength(267);
    const sectors = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      expect(TOPICS).toContain(c.topic);
      expect(sectors).toContain(c.sector);
    }
  });

  it('files the names by their words alone: topic and sector (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
    const topic = measure('Topic on the held-out corpus', CORPUS, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    const sector = measure('Sector on the held-out corpus', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // Measured after: 267/267 and 266/267 (99.6%).
    expect(topic).toBeGreaterThanOrEqual(1);
    expect(sector).toBeGreaterThanOrEqual(0.99);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others).toHaveLength(192);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    // Measured after: 192/192.
    expect(kept).toBeGreaterThanOrEqual(1);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    expect(sector).toBeGreaterThanOrEqual(0.99);
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
