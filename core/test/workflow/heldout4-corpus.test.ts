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
 *
 * Fifth round (branch cls21, classes found on the development corpus dev6-activities): its
 * community technology teams ("tổ công nghệ cộng đồng", its two misses) are local government.
 * After: topic 99.5% (221/222), sector 98.2% (218/222),
 * 99.4% (161/162) under "Cơ sở hạ tầng", 98.2% under "Giao thông" (training figures).
 */
import { describeCorpus } from './labelled-corpus';

// Held out: topic 211/222, sector 206/222 (the same under "Giao thông"), under "Cơ sở hạ tầng" 155/162;
// after fixing the classes of error: 219/222 (98.6%), 216/222 (97.3%) and 159/162 (98.1%); after the fifth round 221/222, 218/222 and 161/162.
describeCorpus('the fourth corpus (held out, then used to find classes of error)', 'heldout4-activities', 'the fourth held-out corpus', { rows: 222, nonCsht: 162, topic: 221 / 222, sector: 220 / 222, kept: 161 / 162, underGiaoThong: 220 / 222 });
