/**
 * Topic and sector on a SEVENTH corpus of activity names (issue 21): 364 names (185 worded from 103
 * public pages) labelled by someone who read neither this code nor the earlier corpora, following
 * the sixth corpus's written conventions C1–C19 and adding C20–C28
 * (fixtures/heldout7-activities/README.md says how and which).
 *
 * Measured once on main at commit 2a45f2e (`placeActivity(name)` with no hint), before the sixth
 * round of fixes (made by someone who never saw this file, from the classes of error of the sixth
 * corpus): topic 92.0% (335/364), sector 78.0% (284/364); non-CSHT names under a sheet
 * "Cơ sở hạ tầng" keeping their topic 88.6% (249/281); sector under a sheet "Giao thông" 78.0%
 * (284/364). Measured once after that round (commit 8d38910): topic 94.2% (343/364), sector 84.1%
 * (306/364), kept 91.1% (256/281), under "Giao thông" 84.1% (306/364). Its names were then read
 * only to check the labels' own agreement (a second labeller, blind to these labels: issue 21's
 * closing note; it agreed on 100% of topics and 98.9% of sectors). The seventh round was then made
 * from this corpus's CLASSES of error (never its names): after it (commit d7181f1) topic 98.4%
 * (358/364), sector 94.8% (345/364), kept 97.2% (273/281), under "Giao thông" 94.8% — no longer an
 * unseen figure: the eighth corpus gives that round's. The thresholds hold the last measured level.
 */
import { describeCorpus } from './labelled-corpus';

// Before the sixth round: topic 335/364, sector 284/364, under "Cơ sở hạ tầng" 249/281, under
// "Giao thông" 284/364. After it: 343, 306, 256, 306. After the seventh (tuned on its classes):
// 358, 345, 273, 345; after the VSIC lexicon 358, 346, 274, 346; after the eighth round and the
// learned fallback 362, 356, 277, 354 (the fallback never reads a name under a sheet's label).
describeCorpus('the seventh corpus (held out for the sixth round, then its classes of error fixed in the seventh)', 'heldout7-activities', 'the seventh held-out corpus', { rows: 364, nonCsht: 281, topic: 362 / 364, sector: 359 / 364, kept: 278 / 281, underGiaoThong: 358 / 364 });
