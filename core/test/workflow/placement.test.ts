/**
 * What an activity is decides where it goes in the commune's plan (issue 21; L3718: the sector
 * follows each activity's nature): villages' sheets titled with a topic or a sector that hold
 * other kinds of work, filed by their words and named once per sheet; a merged row whose parts
 * name different sectors asks the commune.
 */
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { buildPlan } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';

async function readingsOf(build: (wb: MemoryWorkbook) => Promise<void>): Promise<readonly FormReading[]> {
  const wb = MemoryWorkbook.fromArrays({});
  await build(wb);
  return (await readWorkbook(wb)).readings;
}

describe('the plan files each activity by what it is', () => {
  it('a sheet titled "Cơ sở hạ tầng" holding seeds and health insurance: filed by their words, the sheet named once with its rows', async () => {
    const readings = await readingsOf(async (wb) => {
      await addSourceSheet(wb, 'I.2', 'Thôn Nà Hin', 'Cơ sở hạ tầng', [
        { activity: 'Bê tông hóa đường ngõ xóm', unit: 'm', quantity: 150, contribution: 15000, support: 60000 },
        { activity: 'Hỗ trợ giống ngô lai cho hộ nghèo', unit: 'kg', quantity: 80, contribution: 1000, support: 4000 },
        { activity: 'Hỗ trợ mua thẻ BHYT cho hộ cận nghèo', unit: 'thẻ', quantity: 20, contribution: 0, support: 14000 },
        { activity: 'Họp dân bàn phương án thực hiện', unit: 'buổi', quantity: 2, contribution: 500 },
      ]);
      await addSourceSheet(wb, 'I.2', 'Bản Co Muông', 'Giao thông', [
        { activity: 'Làm cầu treo bản Co Muông', unit: 'cái', quantity: 1, contribution: 30000, support: 270000 },
        { activity: 'Kéo điện sinh hoạt về bản', unit: 'm', quantity: 400, contribution: 20000, support: 180000 },
        { activity: 'Hỗ trợ bò sinh sản cho hộ nghèo', unit: 'con', quantity: 5, contribution: 10000, support: 40000 },
      ]);
    });
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    const where = Object.fromEntries(plan.activities.map((a) => [a.activity, [a.topic, a.sector]]));
    expect(where).toEqual({
      'Bê tông hóa đường ngõ xóm (Thôn Nà Hin)': ['csht', 'Giao thông'],
      'Hỗ trợ giống ngô lai cho hộ nghèo (Thôn Nà Hin)': ['kinh-te', 'Trồng trọt'],
      'Hỗ trợ mua thẻ BHYT cho hộ cận nghèo (Thôn Nà Hin)': ['vh-xh-mt', 'Y tế'],
      // The words say nothing sure: the sheet's label decides.
      'Họp dân bàn phương án thực hiện (Thôn Nà Hin)': ['csht', 'Cơ sở hạ tầng'],
      'Làm cầu treo bản Co Muông': ['csht', 'Giao thông'],
      'Kéo điện sinh hoạt về bản (Bản Co Muông)': ['csht', 'Điện'],
      'Hỗ trợ bò sinh sản cho hộ nghèo (Bản Co Muông)': ['kinh-te', 'Chăn nuôi'],
    });
    // One finding per sheet, naming its rows filed elsewhere and where they went.
    const overruled = plan.findings.filter((f) => f.code === 'SHEET_LABEL_OVERRULED');
    expect(overruled.map((f) => [f.sheet, f.params.label, f.params.count])).toEqual([
      ['Thôn Nà Hin - I.2', 'Cơ sở hạ tầng', 2],
      ['Bản Co Muông - I.2', 'Giao thông', 2],
    ]);
    const [hin, co] = overruled;
    expect(hin.message).toMatch(/^Trang "Thôn Nà Hin - I\.2" được ghi là "Cơ sở hạ tầng", nhưng theo nội dung của chính hoạt động, 2 hoạt động/u);
    expect(hin.message).toContain('"Hỗ trợ giống ngô lai cho hộ nghèo" → Kinh tế và tổ chức sản xuất, Trồng trọt');
    expect(hin.message).toContain('"Hỗ trợ mua thẻ BHYT cho hộ cận nghèo" → Văn hóa - Xã hội - Môi trường, Y tế');
    expect(hin.message).not.toContain('Bê tông hóa');
    expect(co.message).toContain('"Kéo điện sinh hoạt về bản" → Cơ sở hạ tầng, Điện');
    expect(co.message).toContain('"Hỗ trợ bò sinh sản cho hộ nghèo" → Kinh tế và tổ chức sản xuất, Chăn nuôi');
    // Each row is named by its cell.
    const cells = readings.flatMap((r) => r.activities).filter((a) => /giống ngô|BHYT/u.test(a.activity)).map((a) => a.source.cells.activity);
    for (const cell of cells) expect(hin.message).toContain(`${cell} "`);
    expect(plan.reconciliation.balanced).toBe(true);
  });

  it('a sheet whose label fits its rows raises nothing; sectors are written by their canonical names', async () => {
    const readings = await readingsOf(async (wb) => {
      await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp (Trồng trọt & Thủy lợi)', [
        { activity: 'Nạo vét mương thủy lợi', unit: 'm', quantity: 300, contribution: 9000 },
        { activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 },
        { activity: 'Tổ chức hội thi', unit: 'buổi', quantity: 1, contribution: 1000 },
      ]);
    });
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    expect(plan.activities.map((a) => [a.activity, a.topic, a.sector])).toEqual([
      ['Nạo vét mương thủy lợi (Thôn A)', 'csht', 'Thủy lợi'],
      ['Tổ chức hội thi (Thôn A)', 'kinh-te', 'Nông nghiệp'],
      ['Hỗ trợ giống lúa (Thôn A)', 'kinh-te', 'Trồng trọt'],
    ]);
    expect(plan.findings.filter((f) => f.code === 'SHEET_LABEL_OVERRULED')).toEqual([]);
  });

  it('a merged row takes the sector its parts agree on, or asks the commune', async () => {
    const readings = await readingsOf(async (wb) => {
      await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp', [{ activity: 'Hỗ trợ phân bón NPK', unit: 'kg', quantity: 100, contribution: 1000, support: 4000 }]);
      await addSourceSheet(wb, 'I.2', 'Thôn B', 'Trồng trọt', [{ activity: 'Hỗ trợ phân bón NPK', unit: 'kg', quantity: 200, contribution: 2000, support: 8000 }]);
    });
    const keys = (plan: ReturnType<typeof buildPlan>) => plan.activities.map((a) => a.key);
    const first = buildPlan(readings, undefined, { planYear: 2027 });
    expect(first.suggestions).toHaveLength(1);
    const accept = { rows: new Map(), objectives: new Map(), acceptedMerges: [keys(first)], previous: [] };
    // Both parts are crops by their words: the merged row is too.
    const agreed = buildPlan(readings, accept, { planYear: 2027 });
    expect(agreed.activities.map((a) => [a.activity, a.sector])).toEqual([['Hỗ trợ phân bón NPK', 'Trồng trọt']]);
    expect(agreed.findings.filter((f) => f.code === 'MERGED_SECTORS_DIFFER')).toEqual([]);
    // Thôn B typed its own Ngành/Lĩnh vực "Chăn nuôi" on the row (the fertiliser is for its grass):
    // the parts disagree, so the merged row names no sector and the commune is asked.
    const typed = readings.map((r) => (r.unitName === 'Thôn B' ? { ...r, activities: r.activities.map((a) => ({ ...a, sector: 'Chăn nuôi' })) } : r));
    const asked = buildPlan(typed, accept, { planYear: 2027 });
    expect(asked.activities.map((a) => [a.activity, a.sector])).toEqual([['Hỗ trợ phân bón NPK', '']]);
    const q = asked.findings.filter((f) => f.code === 'MERGED_SECTORS_DIFFER');
    expect(q).toHaveLength(1);
    expect(q[0].message).toBe(
      'Hoạt động gộp "Hỗ trợ phân bón NPK" gồm các dòng thuộc các ngành/lĩnh vực khác nhau (Trồng trọt, Chăn nuôi): chưa ghi Ngành/Lĩnh vực cho dòng gộp. Hãy ghi ngành/lĩnh vực đúng vào dòng này ở II.4.B, hoặc bỏ gộp nếu đây không phải cùng một hoạt động.',
    );
    // The commune's answer settles it.
    const answered = buildPlan(typed, { ...accept, rows: new Map([[`m:${[...keys(first)].sort().join('+')}`, { sector: 'Trồng trọt' }]]) }, { planYear: 2027 });
    expect(answered.activities.map((a) => a.sector)).toEqual(['Trồng trọt']);
    expect(answered.findings.filter((f) => f.code === 'MERGED_SECTORS_DIFFER')).toEqual([]);
    expect(answered.reconciliation.balanced).toBe(true);
  });
});
