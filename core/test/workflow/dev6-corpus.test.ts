/**
 * Topic and sector on a DEVELOPMENT corpus of activity names (issue 21, fifth classifier round):
 * 314 names written and labelled by the helper who then tuned the classifier on them, having read
 * the classifier first (fixtures/dev6-activities/README.md says how). It is no held-out measure.
 *
 * Measured when written, labels committed first (commit 44f012a, `placeActivity(name)` with no
 * hint): topic 97.1% (305/314), sector 96.2% (302/314); non-CSHT names under a sheet "Cơ sở hạ
 * tầng" keeping their topic 96.7% (205/212); sectors under a sheet "Giao thông" 96.2%. Its misses,
 * with those of the four earlier corpora and of hand-made probes, were grouped by cause and each
 * class fixed by a general rule (security teams and their equipment, weighing children, community
 * technology teams, words that fold alike, residential drains, a health station's site, names
 * written without capitals). After: 100% on all four. These are TRAINING figures. The thresholds
 * keep that level, rounded down to a whole percent.
 */
import { describeCorpus } from './labelled-corpus';

// Written: topic 305/314, sector 302/314, under "Cơ sở hạ tầng" 205/212; after the round 314/314, 314/314 and 212/212.
describeCorpus('the development corpus of the fifth round (written to find classes of error, then tuned on)', 'dev6-activities', 'the development corpus', { rows: 314, nonCsht: 212, topic: 0.99, sector: 0.99, kept: 0.99, underGiaoThong: 0.99 });
