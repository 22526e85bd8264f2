/**
 * Topic and sector on a FOURTH corpus of activity names (issue 21): 222 names (108 worded from 88
 * public pages) labelled by someone who read neither this code nor the earlier corpora
 * (fixtures/heldout4-activities/README.md says how).
 *
 * Held out, measured once at commit f3f57a0 (`placeActivity(name)` with no hint): topic 95.0%
 * (211/222), sector 92.8% (206/222); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their
 * topic 95.7% (155/162); sectors under a sheet "Giao thông" 92.8%. That was the honest estimate.
 *
 * Then (branch classify21, issue 21 item 4) its misses, with those of the three earlier corpora,
 * were grouped by cause and each class fixed by a general rule (words that fold like a works word,
 * names in capitals, whom an activity is for read after what it is, works named first, a sector's
 * own training, the occasion set aside, work nouns per sector), not by its phrases. After: topic
 * 98.6% (219/222), sector 97.3% (216/222), 98.1% (159/162) under "Cơ sở hạ tầng", 97.3% under
 * "Giao thông". These after figures are TRAINING figures, not a held-out estimate: the next honest
 * measure is a corpus the classifier has not seen. The thresholds hold the measured level,
 * rounded down to a whole percent.
 */
import { SECTORS, TOPICS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import type { Labelled } from './labelled-corpus';
import { measure, readLabelled } from './labelled-corpus';

const { header: HEADER, corpus: CORPUS } = readLabelled('heldout4-activities');

describe('the fourth corpus (held out, then used to find classes of error)', () => {
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
    // Held out: 211/222 and 206/222; after fixing the classes of error: 219/222 (98.6%) and 216/222 (97.3%).
    expect(topic).toBeGreaterThanOrEqual(0.98);
    expect(sector).toBeGreaterThanOrEqual(0.97);
  });

  it('a sheet titled "Cơ sở hạ tầng" holding other kinds of work still files them by their words (accuracy printed)', () => {
    const others = CORPUS.filter((c) => c.topic !== 'csht');
    expect(others).toHaveLength(162);
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
    const kept = measure('Non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic', others, (c) => at(c).topic === c.topic, (c) => `${at(c).topic}, expected ${c.topic}`);
    // Held out: 155/162; after fixing the classes of error: 159/162 (98.1%).
    expect(kept).toBeGreaterThanOrEqual(0.98);
  });

  it('a sheet titled with a sector does not copy it onto rows of other sectors (accuracy printed)', () => {
    const at = (c: Labelled) => placeActivity(c.name, undefined, 'Giao thông', undefined);
    const sector = measure('Sector under a sheet "Giao thông"', CORPUS, (c) => at(c).sector === c.sector, (c) => `${at(c).sector || '—'}, expected ${c.sector}`);
    // The hint changes nothing: held out 206/222, after 216/222 (97.3%).
    expect(sector).toBeGreaterThanOrEqual(0.97);
    for (const c of CORPUS.filter((x) => x.sector !== 'Giao thông')) if (at(c).sector !== 'Giao thông') expect(at(c).overrules).toBe('Giao thông');
  });
});
