/**
 * The handbook's Annex 1 marks (issue 15, deliverable 7) as columns of the draft plans' annexes:
 * the activities meeting women's needs or benefiting women, many poor women, public jobs, disaster
 * risk and climate change, markets (L3811; the ranking's L704, L706) — the flags the classification
 * reads (workflow/classify.ts readFlags) — marked "x" in II.6.A's and II.6.B's annex tables of
 * II.7.A and II.7.B, with the legend saying how they were set.
 */
import { MARKS, MARKS_BAND, MARKS_NOTE, planDocument, readPlanData, writeDocx } from '../../src/documents';
import type { PlanData } from '../../src/documents';
import { readFlags } from '../../src/workflow/classify';
import { docxContent } from './docx-text';
import type { DocxContent } from './docx-text';
import { demoPlan } from './plans';

describe('Annex 1 marks in the annexes of II.7.A and II.7.B', () => {
  let plan: PlanData;
  let docs: Record<'II.7.A' | 'II.7.B', DocxContent>;
  beforeAll(async () => {
    plan = await readPlanData((await demoPlan()).wb);
    docs = {
      'II.7.A': await docxContent(await writeDocx(planDocument('II.7.A', plan))),
      'II.7.B': await docxContent(await writeDocx(planDocument('II.7.B', plan))),
    };
  });

  it('heads five mark columns under one band, the headers set vertically, the legend before the tables', () => {
    for (const content of Object.values(docs)) {
      const headers = content.rows.filter((r) => r.endsWith(MARKS.map((m) => m.header).join(' | ')));
      // One header row under the band in each annex (II.6.A, II.6.B), repeated on each page by Word.
      expect(headers).toHaveLength(2);
      expect(content.rows.filter((r) => r.endsWith(MARKS_BAND))).toHaveLength(2);
      expect(content.xml).toContain('<w:textDirection w:val="btLr"/>');
      expect(content.paragraphs.filter((p) => p === MARKS_NOTE)).toHaveLength(2);
    }
  });

  it('marks every activity of II.6.A and II.6.B as the classification reads its words', () => {
    const content = docs['II.7.A'];
    let marked = 0;
    for (const a of [...plan.ii6a, ...plan.ii6b]) {
      const row = content.rows.find((r) => r.split(' | ').some((c) => c === a.activity));
      expect(row).toBeDefined();
      const cells = (row ?? '').split(' | ');
      const flags = readFlags(a.activity, a.objective, a.other, a.mechanism);
      const expected = MARKS.map((m) => (flags[m.flag] ? 'x' : ''));
      expect(cells.slice(-MARKS.length)).toEqual(expected);
      marked += expected.filter((x) => x === 'x').length;
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('marks the demo’s activities for poor women and for markets in their columns', () => {
    const rows = docs['II.7.A'].rows;
    const col = (key: string) => MARKS.length - MARKS.findIndex((m) => m.key === key);
    const at = (row: string, key: string) => row.split(' | ').at(-col(key));
    const pigs = rows.find((r) => r.includes('phụ nữ nghèo làm chủ hộ'));
    expect(pigs && [at(pigs, 'markWomen'), at(pigs, 'markPoorWomen')]).toEqual(['x', 'x']);
    const tea = rows.find((r) => r.includes('tiêu thụ chè'));
    expect(tea && at(tea, 'markMarket')).toBe('x');
    // A road is none of them.
    const road = rows.find((r) => /^\d+ \| Bê tông hóa đường/u.test(r));
    expect(road?.split(' | ').slice(-MARKS.length)).toEqual(['', '', '', '', '']);
  });
});
