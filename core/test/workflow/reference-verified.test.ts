/**
 * Reference data no surer than its sources (issue 22): a row marked "Đã đối chiếu văn bản" only
 * when every legal text it cites was read; a row citing texts checked differently says which was
 * read; OCOP and rural clean water, with no basis found for 2026-2030, are marked unverified and
 * neither offered nor counted as part of the merged program; II.7.A's monitoring guidance cites
 * the texts of its period or says none was verified.
 */
import { formEdition, formOfYear } from '../../src/forms/editions';
import { formTexts, getForm } from '../../src/forms/registry';
import type { ProgramEntry } from '../../src/reference';
import { NTM_CRITERIA, PROGRAM_PERIODS, PROGRAM_TABLES, citedTexts, fundSourceChoices, getProgram, loadPrograms, programCatalogue, verificationText } from '../../src/reference';
import { fundingNeeds } from '../../src/workflow/plan';
import type { PlanActivity } from '../../src/workflow/types';

describe('a "verified" mark implies every cited basis verified', () => {
  it.each(PROGRAM_PERIODS.map((p) => [p] as const))('%s: every entry marked as read cites only texts read', (period) => {
    for (const p of programCatalogue(period).programs) {
      const bases = p.bases ?? [];
      if (p.verified === 'van-ban') {
        expect([p.id, bases.filter((b) => b.verified !== 'van-ban')]).toEqual([p.id, []]);
        // Several texts cited as read: each must be listed with its own check.
        if (citedTexts(p.legalBasis ?? '') > 1) expect([p.id, bases.length]).toEqual([p.id, citedTexts(p.legalBasis ?? '')]);
      }
      // The mark is the weakest of the texts' checks, and every text is said how it was checked.
      for (const b of bases) {
        expect(b.how.length).toBeGreaterThan(10);
        if (b.verified === 'bao-chi' || b.verified === 'chua-xac-minh') expect(p.verified).not.toBe('van-ban');
      }
    }
  });

  it('the merged program of 2026-2030 is not marked as read: two of its three texts were seen only quoted or in the press', () => {
    const merged = getProgram('ctmtqg', '2026-2030');
    expect(merged?.verified).toBe('bao-chi');
    expect(merged?.legalBasis).toContain('Quyết định số 417/QĐ-BNNMT ngày 31/01/2026');
    const text = verificationText(PROGRAM_TABLES['2026-2030'].find((e) => e.id === 'ctmtqg') as ProgramEntry);
    expect(text).toBe(
      'Đối chiếu qua tin chính thức/báo chí, chưa đọc văn bản gốc (đã đọc văn bản: Nghị quyết 424/NQ-CP; chỉ qua trích dẫn, tin chính thức: Nghị quyết 257/2025/QH15, Quyết định 417/QĐ-BNNMT)',
    );
  });

  it('a table claiming more than its texts is refused when loaded', () => {
    const claim: ProgramEntry = {
      id: 'x',
      name: 'Chương trình X',
      kind: 'ctmtqg',
      legalBasis: 'Nghị quyết số 1/2025/QH15 ngày 1/1/2025; Quyết định số 2/QĐ-TTg ngày 2/1/2025',
      verified: 'van-ban',
    };
    expect(() => loadPrograms('2026-2030', [claim])).toThrow(/cites several texts as read/);
    const mismatch: ProgramEntry = {
      ...claim,
      bases: [
        { text: 'Nghị quyết số 1/2025/QH15 ngày 1/1/2025', verified: 'van-ban', how: 'đọc văn bản gốc' },
        { text: 'Quyết định số 2/QĐ-TTg ngày 2/1/2025', verified: 'bao-chi', how: 'theo tin báo chí' },
      ],
    };
    expect(() => loadPrograms('2026-2030', [mismatch])).toThrow(/other than its bases give/);
    // One text read: a plain mark is enough.
    expect(() => loadPrograms('2026-2030', [{ ...claim, legalBasis: 'Nghị quyết số 1/2025/QH15 ngày 1/1/2025' }])).not.toThrow();
  });

  it('a criteria set printed with a caveat about its wording is not marked as read', () => {
    for (const set of Object.values(NTM_CRITERIA)) if (set.caveat) expect(set.verified).not.toBe('van-ban');
  });
});

describe('OCOP and rural clean water in 2026-2030', () => {
  it('are recognised but unverified, not part of the merged program and not offered', () => {
    for (const id of ['ocop', 'nuoc-sach']) {
      const p = getProgram(id, '2026-2030');
      expect(p).toMatchObject({ verified: 'chua-xac-minh', offered: false, ii6c: 'programme-other' });
      expect(p?.parent).toBeUndefined();
      expect(fundSourceChoices('2026-2030')).not.toContain(p?.shortName);
    }
    expect(programCatalogue('2026-2030').programs.filter((p) => p.parent === 'ctmtqg')).toEqual([]);
    // Earlier periods: OCOP within NTM on its own decision (seen in the press), clean water its II.6.C line.
    expect(getProgram('ntm-ocop', '2021-2025')).toMatchObject({ parent: 'ntm', verified: 'bao-chi', legalBasis: expect.stringContaining('919/QĐ-TTg') });
    expect(getProgram('ntm-ocop', '2016-2020')?.legalBasis).toContain('490/QĐ-TTg');
    expect(fundSourceChoices('2021-2025')).toContain('Nước sạch VSMT nông thôn');
  });

  it('II.6.C of 2026-2030 has no clean-water line; money a commune still names so sums on a line of its own', () => {
    const ii6c = formEdition(getForm('II.6.C'), '2026-2030');
    expect(formTexts(ii6c)).not.toContain('Nước sạch VSMT Nông thôn');
    const a: PlanActivity = {
      key: 'k1',
      topic: 'csht',
      sector: 'Nước sạch',
      group: 'outside-money',
      activity: 'Xây bể nước tập trung',
      total: 10000,
      contribution: 0,
      support: 10000,
      budget: 10000,
      proposed: 0,
      fundSource: 'Nước sạch VSMT',
      origins: [{ kind: 'village', unit: 'Thôn A' }],
      sources: [],
      flags: {},
      status: 'active',
    };
    const n = fundingNeeds([a], '2026-2030');
    expect(n['programme-ctmtqg'].budget).toBe(0);
    expect(n['programme-other:nuoc-sach']).toMatchObject({ budget: 10, label: 'Chương trình Nước sạch và vệ sinh môi trường nông thôn' });
  });
});

describe("II.7.A's monitoring guidance", () => {
  const guidance = (planYear: number) => formTexts(formOfYear(getForm('II.7.A'), planYear)).join('\n');

  it('2027: cites no text of 2016-2020 and says none was verified for the merged program', () => {
    const t = guidance(2027);
    expect(t).not.toMatch(/2016-2020/u);
    expect(t.match(/chưa xác minh được văn bản hướng dẫn giám sát, đánh giá Chương trình giai đoạn 2026-2030/giu)).toHaveLength(4);
  });

  it("2023: the program's circular of 2021-2025; 2018: the handbook's", () => {
    expect(guidance(2023).match(/Thông tư số 10\/2022\/TT-BLĐTBXH ngày 31\/5\/2022/gu)).toHaveLength(4);
    expect(guidance(2018).match(/giai đoạn 2016-2020 của Bộ LĐ-TB&XH/gu)).toHaveLength(4);
  });
});
