/**
 * Topic and sector on activity names the classifier was not written against (issue 21): 290 names
 * labelled by someone given only the handbook, the spec and public commune pages, who never read
 * this code (fixtures/unseen-activities/README.md says how). Prints the accuracy and holds it at the
 * level measured after the fixes of issue 21.
 *
 * Measured on the code before issue 21 (commit 334f6a2, its sector names mapped generously onto
 * the canonical ones): topic 81.7%, sector 67.2%; non-CSHT names under a sheet "Cơ sở hạ tầng"
 * keep their topic 0%; sectors under a sheet "Giao thông" 6.2%. After: 100%, 99.3%, 100%, 99.3%.
 * The fixes were made to classes of error seen among the misses of that first run, so the after
 * figures are not a held-out estimate any more; the targets are topic ≥ 97%, sector ≥ 95%,
 * ≥ 90% under a topic-titled sheet. After the fixes of issue 21 item 4 (branch classify21): 100%,
 * 99.7%, 100%, 99.7%. The thresholds hold the measured level, rounded down to a whole percent.
 */
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import type { Labelled } from './labelled-corpus';
import { measure, readLabelled } from './labelled-corpus';

const { header: HEADER, corpus: CORPUS } = readLabelled('unseen-activities');

describe('the unseen corpus', () => {
  it('holds at least 230 labelled names, every topic and sector among the canonical ones', () => {
    expect(HEADER).toEqual(['name', 'topic', 'sector', 'source', 'note']);
    expect(CORPUS.length).toBeGreaterThanOrEqual(230);
    const sectors = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      expect(TOPICS).toContain(c.topic);
      expect(sectors).toContain(c.sector);
    }
  });

  it('files the names by their words alone: topic and sector (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, undefined, undefined);
    const topic = measure('Topic on the unseen corpus', CORPUS, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    const sector = measure('Sector on the unseen corpus', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    expect(topic).toBeGreaterThanOrEqual(1);
    expect(sector).toBeGreaterThanOrEqual(0.99);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others.length).toBeGreaterThanOrEqual(150);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    expect(kept).toBeGreaterThanOrEqual(1);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    expect(sector).toBeGreaterThanOrEqual(0.99);
    // Every row the words file elsewhere says so, for the report.
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
