/**
 * The learned fallback of the classifier (issue 21, core/src/workflow/learned.ts): its table is what
 * the labelled corpora give (scripts/build-activity-model.mjs writes it), it is read only when the
 * rules and every label say nothing, and it names a sector only when it is sure enough.
 */
import { placeActivity } from '../../src/workflow/classify';
import { ACTIVITY_MODEL } from '../../src/workflow/activity-model';
import { activityFeatures, countTable, LEARNED_FLOOR, scoreWith } from '../../src/workflow/learned';
import { activityTable, corpusExamples } from './activity-examples';

describe('the learned table', () => {
  it('is the table the labelled corpora give (run scripts/build-activity-model.mjs after a corpus or the folding changes)', () => {
    const examples = corpusExamples();
    expect(examples.length).toBeGreaterThan(2500);
    expect(ACTIVITY_MODEL).toEqual(activityTable(examples));
  });

  it('reads words and neighbouring pairs, no quantities, no stop words alone', () => {
    expect(activityFeatures('ho tro 200 dan ong mat cho ho ngheo')).toEqual(['ho tro', 'tro', 'tro dan', 'dan', 'dan ong', 'ong', 'ong mat', 'mat', 'mat cho', 'cho ho', 'ho ngheo', 'ngheo']);
  });

  it('counts by sector and scores by those counts: the sector whose words they are, none for words never seen', () => {
    const table = countTable(
      [
        { words: 'nuoi ong lay mat', sector: 'Chăn nuôi' },
        { words: 'chia dan ong', sector: 'Chăn nuôi' },
        { words: 'trong lua nuoc', sector: 'Trồng trọt' },
        { words: 'trong lua lai', sector: 'Trồng trọt' },
      ],
      2,
    );
    expect(table.sectors).toEqual(['Chăn nuôi', 'Trồng trọt']);
    expect(table.rows).toEqual([2, 2]);
    // Only "ong", "lua" and "trong lua" are seen twice ("trong" alone, also "in", is a stop word).
    expect(table.features).toEqual(['lua\t1:2', 'ong\t0:2', 'trong lua\t1:2']);
    const score = scoreWith(table, 1);
    expect(score('ho tro ong giong')?.sector).toBe('Chăn nuôi');
    expect(score('trong lua')?.sector).toBe('Trồng trọt');
    expect(score('trong lua')?.probability).toBeGreaterThan(LEARNED_FLOOR);
    expect(score('xay nha van hoa')).toBeUndefined();
  });
});

describe('the fallback in placeActivity', () => {
  it('names a sector where the rules say nothing and no label tells', () => {
    const p = placeActivity('Hỗ trợ con giống', undefined, undefined, undefined);
    expect([p.topic, p.sector]).toEqual(['kinh-te', 'Chăn nuôi']);
  });

  it('never overrules a label: the sheet\'s sector or topic, the row\'s own cell', () => {
    expect(placeActivity('Hỗ trợ con giống', undefined, 'Thủy sản', undefined).sector).toBe('Thủy sản');
    expect(placeActivity('Hỗ trợ con giống', 'Trồng trọt', undefined, undefined).sector).toBe('Trồng trọt');
    expect(placeActivity('Hỗ trợ con giống', undefined, 'Văn hóa - Xã hội - Môi trường', undefined).topic).toBe('vh-xh-mt');
  });

  it('names none for words it never saw', () => {
    expect(placeActivity('abc xyz', undefined, undefined, undefined).sector).toBe('');
  });
});
