/**
 * Topic and sector on a SIXTH corpus of activity names (issue 21): 331 names (157 worded from 97
 * public pages) labelled by someone who read neither this code nor the earlier corpora
 * (fixtures/heldout6-activities/README.md says how and which conventions were chosen).
 *
 * Measured once on main at commit 2a45f2e (`placeActivity(name)` with no hint), before the fifth
 * round of fixes (made by someone who never saw this file): topic 93.4% (309/331), sector 83.4%
 * (276/331); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic 92.8% (231/249);
 * sector under a sheet "Giao thông" 84.0% (278/331).
 *
 * The sixth round was then made from this corpus's CLASSES of error (the lead grouped its misses and
 * passed the classes, never the names, with the labeller's written conventions C1–C19): measured
 * after it (commit 8d38910): topic 98.8% (327/331), sector 97.3% (322/331), kept 98.4% (245/249),
 * under "Giao thông" 97.3% (322/331). This corpus is therefore no longer unseen: the honest figure
 * of that round is the seventh corpus's (heldout7-corpus.test.ts).
 * The thresholds hold the last measured level.
 */
import { describeCorpus } from './labelled-corpus';

// Before the fifth round: topic 309/331, sector 276/331, under "Cơ sở hạ tầng" 231/249, under
// "Giao thông" 278/331. After the sixth (tuned on its classes): 327, 322, 245, 322; after the
// seventh: 327, 323, 245, 323; after the eighth: 329, 326, 247, 326; after class21c's round (its
// village communication team, C10): 331, 331, 249, 331.
describeCorpus('the sixth corpus (held out, then its classes of error fixed in the sixth round)', 'heldout6-activities', 'the sixth held-out corpus', { rows: 331, nonCsht: 249, topic: 331 / 331, sector: 331 / 331, kept: 249 / 249, underGiaoThong: 331 / 331 });
