/**
 * Topic and sector on a DEVELOPMENT corpus of activity names (issue 21, fifth classifier round):
 * 314 names written and labelled by the helper who then tuned the classifier on them
 * (fixtures/dev6-activities/README.md says how). It is no held-out measure: its figures after the
 * round are training figures.
 */
import { describeCorpus } from './labelled-corpus';

describeCorpus('the sixth corpus (development: written to find classes of error, then tuned on)', 'dev6-activities', 'the development corpus', { rows: 314, nonCsht: 212, topic: 0, sector: 0, kept: 0, underGiaoThong: 0 });
