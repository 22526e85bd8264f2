/**
 * Consolidation against the handbook's own commune example (L4013-L4040): two villages, the
 * same rice-seed activity proposed by both, merged only when accepted into
 * "Hỗ trợ giống lúa, kg, 100 + 200, Thôn A, B".
 */
import { MemoryWorkbook } from '../../src/port/memory';
import { readSheet } from '../../src/reader/read';
import { readWorkbook } from '../../src/reader/workbook';
import { buildPlan, defaultFundingGroup, itemKind, joinUnits, needLineOf } from '../../src/workflow/plan';
import { consolidateCommune } from '../../src/workflow/plan';
import { REPORT_SHEET } from '../../src/workflow/plan';
import { addSourceSheet, handbookCommune } from './helpers';

describe('consolidation: the handbook commune example', () => {
  it('builds II.4.B from both villages, naming the village of each row, and suggests the merge', async () => {
    const wb = await handbookCommune();
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    expect(plan.activities.map((a) => [a.activity, a.unit, a.quantity])).toEqual([
      ['Cứng hóa kênh mương (Thôn A)', 'm', 200],
      ['Xây dựng nhà văn hóa thôn (Thôn A)', 'nhà', 1],
      ['Bê tông hóa đường liên thôn (Thôn B)', 'm', 300],
      ['Hỗ trợ giống lúa (Thôn A)', 'kg', 100],
      ['Hỗ trợ giống lúa lai (Thôn B)', 'kg', 200],
    ]);
    expect(plan.activities.map((a) => a.topic)).toEqual(['csht', 'csht', 'csht', 'kinh-te', 'kinh-te']);
    expect(plan.suggestions).toHaveLength(1);
    expect(plan.suggestions[0]).toMatchObject({ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantityText: '100 + 200', place: 'Thôn A, B', total: 15000, accepted: false });
    expect(plan.reconciliation).toMatchObject({ read: { count: 5, amount: 865000 }, written: { count: 5, amount: 865000 }, returned: { count: 0, amount: 0 }, balanced: true });
  });

  // Found while speeding up buildPlan (issue 13): the "(Thôn …)" consolidation adds after a
  // village's activity was read as part of its wording, so villages named after a bridge, a canal
  // or a dam ("Cầu Đá", "Kênh Mới", "Đập Tràn" are real village names) turned their seed grants
  // into works: never offered to merge, and counted as Vốn đầu tư phát triển.
  it('judges an activity by its own words, not by the name of the village that proposed it', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    await addSourceSheet(wb, 'I.2', 'Thôn Cầu Đá', 'Nông nghiệp', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 5000, support: 5000, note: 'CT Nông thôn mới' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Kênh Mới', 'Nông nghiệp', [{ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 200, contribution: 5000, support: 5000, note: 'CT Nông thôn mới' }]);
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    expect(plan.activities.map((a) => a.activity)).toEqual(['Hỗ trợ giống lúa (Thôn Cầu Đá)', 'Hỗ trợ giống lúa (Thôn Kênh Mới)']);
    expect(plan.suggestions).toHaveLength(1);
    expect(plan.suggestions[0]).toMatchObject({ quantityText: '100 + 200', place: 'Thôn Cầu Đá, Kênh Mới' });
    expect(plan.activities.map((a) => defaultFundingGroup(a))).toEqual(['recurrent', 'recurrent']);
    expect(plan.activities.map((a) => needLineOf(a))).toEqual(['recurrent', 'recurrent']);
  });

  // Issue 21: merges only of the same item — sows, breeding buffalo and cattle of three villages
  // were offered as one "Hỗ trợ trâu sinh sản…, 5 + 7 + 9 con".
  it('never offers animals of different species as one item; offers the same species however worded', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Lìu', 'Chăn nuôi', [{ activity: 'Hỗ trợ lợn nái sinh sản cho hộ nghèo', unit: 'con', quantity: 5, contribution: 5000, support: 20000 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Pác Ngòi', 'Chăn nuôi', [{ activity: 'Hỗ trợ trâu sinh sản cho hộ nghèo', unit: 'con', quantity: 7, contribution: 14000, support: 70000 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Khuổi Ún', 'Chăn nuôi', [{ activity: 'Hỗ trợ bò sinh sản cho hộ nghèo', unit: 'con', quantity: 9, contribution: 18000, support: 90000 }]);
    await addSourceSheet(wb, 'I.2', 'Thôn Bó Luông', 'Chăn nuôi', [
      { activity: 'Hỗ trợ giống bò sinh sản', unit: 'con', quantity: 4, contribution: 8000, support: 40000 },
      { activity: 'Hỗ trợ dê giống', unit: 'con', quantity: 20, contribution: 4000, support: 16000 },
    ]);
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Hin', 'Chăn nuôi', [{ activity: 'Hỗ trợ gà giống', unit: 'con', quantity: 500, contribution: 2000, support: 8000 }]);
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    expect(plan.suggestions.map((s) => [s.quantityText, s.place])).toEqual([['9 + 4', 'Thôn Khuổi Ún, Bó Luông']]);
    expect(itemKind('Hỗ trợ lợn nái sinh sản')).not.toBe(itemKind('Hỗ trợ trâu sinh sản'));
    expect(itemKind('Hỗ trợ heo nái')).toBe(itemKind('Hỗ trợ lợn nái'));
    // Words with the letters of an animal or crop are not one: "cán bộ", "cá nhân", "cam kết", "kiểm tra".
    expect(itemKind('Tập huấn cho cán bộ, cá nhân cam kết, kiểm tra')).toBe('/training');
  });

  it('offers the handbook pair "giống lúa" + "giống lúa lai", also worded differently, but not rice seed with rice fertiliser', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Trồng trọt', [
      { activity: 'Hỗ trợ giống lúa cho hộ nghèo', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 },
      { activity: 'Hỗ trợ phân bón cho lúa', unit: 'kg', quantity: 500, contribution: 2500, support: 7500 },
    ]);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Trồng trọt', [{ activity: 'Hỗ trợ giống lúa lai năng suất cao', unit: 'kg', quantity: 200, contribution: 5000, support: 5000 }]);
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    expect(plan.suggestions).toHaveLength(1);
    expect(plan.suggestions[0]).toMatchObject({ unit: 'kg', quantityText: '100 + 200', place: 'Thôn A, B' });
  });

  // Issue 21: II.4.A names the village of a strength as it does of a difficulty (L3684).
  it('writes village strengths with their village in parentheses, one strength stated by two villages once', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const difficulty = [{ difficulty: 'Đường vào khu sản xuất lầy lội mùa mưa', cause: 'Đường đất', solution: 'Cứng hóa đường' }];
    await addSourceSheet(wb, 'II.3', 'Ban Nông nghiệp xã', 'Giao thông', [], difficulty, undefined, ['Có quy hoạch giao thông nông thôn']);
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [], difficulty, undefined, ['Nhân dân đồng thuận hiến đất', 'Có vật liệu tại chỗ']);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Giao thông', [], difficulty, undefined, ['Có vật liệu tại chỗ']);
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [], [{ difficulty: 'Thiếu nước tưới', cause: 'Kênh hỏng', solution: 'Sửa kênh' }], undefined, ['Đất đai màu mỡ']);
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings, undefined, { planYear: 2027 });
    const road = plan.situations.find((s) => s.difficulty.startsWith('Đường vào khu sản xuất'));
    expect(road?.difficulty).toBe('Đường vào khu sản xuất lầy lội mùa mưa (Ban Nông nghiệp xã, Thôn A, B)');
    expect(road?.strengths).toEqual(['Có quy hoạch giao thông nông thôn', 'Nhân dân đồng thuận hiến đất (Thôn A)', 'Có vật liệu tại chỗ (Thôn A, B)']);
    const water = plan.situations.find((s) => s.difficulty.startsWith('Thiếu nước tưới'));
    expect(water).toMatchObject({ difficulty: 'Thiếu nước tưới (Thôn C)', strengths: ['Đất đai màu mỡ (Thôn C)'] });
  });

  it('splits by funding: a named program goes to Ngân sách, the rest to Đề xuất', async () => {
    const { readings } = await readWorkbook(await handbookCommune());
    const plan = buildPlan(readings);
    const canal = plan.activities.find((a) => a.activity.startsWith('Cứng hóa'));
    const hall = plan.activities.find((a) => a.activity.startsWith('Xây dựng nhà văn hóa'));
    expect(canal).toMatchObject({ budget: 130000, proposed: 0 });
    expect(canal?.fundSource).toMatch(/^CTMTQG (xây dựng Nông thôn mới|NTM)/u);
    expect(hall).toMatchObject({ budget: 0, proposed: 350000 });
  });

  it('writes the plan sheets; accepting the merge on a re-run gives the handbook row', async () => {
    const wb = await handbookCommune();
    const first = await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập' });
    expect(first.written.sheets).toEqual(['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C', REPORT_SHEET]);
    const id = first.plan.suggestions[0].id;
    const second = await consolidateCommune(wb, undefined, { acceptMerges: [id] });
    const merged = second.plan.activities.find((a) => a.mergedKeys);
    expect(merged).toMatchObject({ activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 300, quantityText: '100 + 200', place: 'Thôn A, B', total: 15000 });
    expect(second.plan.activities).toHaveLength(4);
    expect(second.plan.reconciliation).toMatchObject({ read: { count: 5 }, written: { count: 5 }, balanced: true });
    // The sheet shows it as the handbook does.
    const [ii4b] = await wb.readSheets(['II.4.B']);
    const r = readSheet(ii4b, { formId: 'II.4.B' }).reading;
    const row = r?.activities.find((a) => a.activity === 'Hỗ trợ giống lúa');
    expect(row).toMatchObject({ unit: 'kg', quantityText: '100 + 200', place: 'Thôn A, B', total: 15000 });
    // The old sheets were kept as copies.
    expect(second.written.keptCopies).toContain('II.4.B (cũ)');
    // A third run keeps the merge (it is remembered in the workbook).
    const third = await consolidateCommune(wb);
    expect(third.plan.activities).toHaveLength(4);
  });

  it('departments come first; unreadable and unclear activities are returned with the reason', async () => {
    const wb = await handbookCommune();
    await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Nông nghiệp', [
      { activity: 'Tập huấn kỹ thuật canh tác lúa', unit: 'lớp', quantity: 2, contribution: 0, support: 4000, objective: 'Nâng năng suất lúa' },
    ]);
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [
      { activity: 'Làm đường vào khu sản xuất', unit: 'm', quantity: 100, contribution: 10000, support: 50000, total: 70000 },
    ]);
    const { readings } = await readWorkbook(wb);
    const plan = buildPlan(readings);
    const econ = plan.activities.filter((a) => a.topic === 'kinh-te' && a.group === 'outside-money');
    expect(econ[0]).toMatchObject({ activity: 'Tập huấn kỹ thuật canh tác lúa', objective: 'Nâng năng suất lúa', origins: [{ kind: 'department', unit: 'Hội Nông dân xã' }] });
    expect(plan.returned).toHaveLength(1);
    expect(plan.returned[0]).toMatchObject({ reason: 'contradictory-amounts', origin: { unit: 'Thôn C' } });
    expect(plan.findings.map((f) => f.code)).toContain('ACTIVITY_RETURNED');
    expect(plan.reconciliation).toMatchObject({ read: { count: 7 }, written: { count: 6 }, returned: { count: 1, amount: 70000 }, balanced: true });
  });

  it('joins village names the way the handbook writes them', () => {
    expect(joinUnits(['Thôn A', 'Thôn B'])).toBe('Thôn A, B');
    expect(joinUnits(['Thôn Nà Lìu', 'Thôn Khuổi Mạ'])).toBe('Thôn Nà Lìu, Khuổi Mạ');
    expect(joinUnits(['Bản Chang', 'Thôn B'])).toBe('Bản Chang, Thôn B');
    // Only the kind of unit is said once, never a word of two different names.
    expect(joinUnits(['Thôn Nà Lìu', 'Thôn Nà Hin'])).toBe('Thôn Nà Lìu, Nà Hin');
    expect(joinUnits(['Tổ dân phố 1', 'Tổ dân phố 2'])).toBe('Tổ dân phố 1, 2');
    expect(joinUnits(['Tổ dân phố 1', 'Thôn 2'])).toBe('Tổ dân phố 1, Thôn 2');
    expect(joinUnits(['Nà Lìu', 'Nà Hin'])).toBe('Nà Lìu, Nà Hin');
  });
});
