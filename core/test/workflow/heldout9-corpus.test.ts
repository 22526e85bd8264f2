/**
 * Topic and sector on a NINTH corpus of activity names (issue 21): 374 names (164 worded from 104
 * public pages, the rest as communes type them) labelled by someone who read neither this code
 * nor the earlier corpora, following the conventions C1–C41 and adding C42–C45
 * (fixtures/heldout9-activities/README.md says how and which).
 *
 * Measured twice, never tuned on: on main at commit aa92efc (the classifier after the VSIC lexicon,
 * before the ninth round): topic 94.1% (352/374), sector 89.0% (333/374), non-CSHT names under a
 * sheet "Cơ sở hạ tầng" keeping their topic 93.3% (251/269). After the ninth round (branch class21,
 * written from the error classes of the first eight corpora by someone who never saw this one,
 * merged at 16a1a45): topic 96.3% (360/374), sector 92.8% (347/374), kept 96.3% (259/269), sector under a
 * sheet "Giao thông" 92.5% (346/374). Leave-one-corpus-out (`node scripts/measure-activities.mjs
 * --honest b6a719a:heldout9-activities`: the rules of main at b6a719a, the learned table counted
 * without this corpus): topic 96.3%, sector 92.8%, kept 96.3%; the rules alone 95.7%, 92.5%, 96.3%.
 * A further round (branch class21b, classify.ts's "ninth round" list) was then made from this
 * corpus's CLASSES of error and C42-C45
 * (never its names as keywords; classify-conventions.test.ts holds names of its own for each class):
 * after it topic, sector, kept and under "Giao thông" 100% (374/374, 374/374, 269/269, 374/374) —
 * no longer an unseen figure: the tenth corpus gives that round's.
 * The thresholds hold the last measured level.
 */
import { describeCorpus } from './labelled-corpus';

// Held out: topic 352/374, sector 333/374, kept 251/269 before the ninth round; after it 360, 347, 259; after class21b's round (made from its classes) 374, 374, 269.
describeCorpus('the ninth corpus (held out until the round of branch class21b, which was made from its classes of error)', 'heldout9-activities', 'the ninth held-out corpus', { rows: 374, nonCsht: 269, topic: 374 / 374, sector: 374 / 374, kept: 269 / 269, underGiaoThong: 374 / 374 });
