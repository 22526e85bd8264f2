/**
 * Topic and sector on a THIRD corpus of activity names (issue 21), first the honest measure: 230 names
 * (113 worded from 81 public pages) labelled by someone who read neither this code nor the two
 * earlier corpora (fixtures/heldout3-activities/README.md says how), measured once on the code
 * after every fix of issue 21 and never used to change the classifier. Its figures are a held-out
 * estimate, unlike those of unseen-corpus.test.ts and heldout-corpus.test.ts.
 *
 * Measured at commit e9d1d7c (`placeActivity(name)` with no hint): topic 97.0% (223/230), sector
 * 90.4% (208/230); non-CSHT names under a sheet "Cơ sở hạ tầng" keeping their topic 96.2%
 * (153/159). The issue's targets on unseen text: topic ≥ 97% (met), ≥ 90% under a topic-titled
 * sheet (met), sector ≥ 95% (NOT met: the misses are mostly mass organisations' own activities
 * filed by their object, and facilities of a school or a cultural house filed by their kind). The
 * thresholds held the measured level.
 *
 * Then its misses were used to find CLASSES of error (general planning terms, no phrase of an
 * item): a mass organisation as the subject (its own campaigns, volunteer days) → Hoạt động đoàn
 * thể; works at a school's or a cultural house's site named without "cho" → theirs; radio relay
 * stations, "thiết chế văn hóa" → Cơ sở vật chất văn hóa - thông tin; supplying power → Điện; water
 * pipes → Nước sạch; "nhà đại đoàn kết" → Xã hội; disinfecting pens → Chăn nuôi; "thân thiện môi
 * trường" no environment; snails and fish in rice fields → Thủy sản; quế, hồi → Lâm nghiệp (and
 * "hồi, cho" no "hội chợ"); small workshops → Tiểu thủ công nghiệp; purchasing → market links;
 * jobs before military words; THT → tổ hợp tác. After (branch classify3): topic 100% (230/230),
 * sector 100% (230/230), 100% (159/159) under "Cơ sở hạ tầng", 100% of sectors under "Giao thông".
 * These after figures are NOT held-out any more: the next honest measure is a fourth corpus. After
 * the fixes of issue 21 item 4 (branch classify21): still 100% of each. The thresholds hold the
 * measured level, rounded down to a whole percent.
 */
import { describeCorpus } from './labelled-corpus';

// Held out: topic 223/230, sector 208/230 (the same under "Giao thông"), under "Cơ sở hạ tầng" 153/159;
// after fixing the classes of error: 230/230, 230/230 and 159/159.
describeCorpus('the third corpus (held out, then used to find classes of error)', 'heldout3-activities', 'the third held-out corpus', { rows: 230, nonCsht: 159, topic: 1, sector: 1, kept: 1, underGiaoThong: 1 });
