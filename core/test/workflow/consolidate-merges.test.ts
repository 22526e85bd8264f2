/**
 * Merged rows, merge suggestions, the amounts read and II.4.A's rows (consolidate.ts lines
 * 351–700: the notes' count, mergeRows, itemKind, suggestMerges, activityAmount, the order of
 * II.4.B, situations), written for the survivors of their mutation run
 * (docs/testing/mutation-plan.md): a merged row keeps every village's quantity and money; a
 * suggestion names the rows of one item proposed by different units, in one funding block and unit
 * of measure, and no others; II.4.A's rows carry each unit's words, sector and objective.
 */
import type { Activity, Difficulty, FormReading } from '../../src/model/types';
import type { CommuneEdits, PreviousRow, RowEdits } from '../../src/workflow/plan';
import { NO_EDITS, activityAmount, activityKey, buildPlan, itemKind, mergeRows, mergedKey, suggestMerges } from '../../src/workflow/plan';
import { rankItemsFromPlan } from '../../src/workflow/ranking';
import type { PlanActivity } from '../../src/workflow/types';

let rowNo = 8;
function act(activity: string, o: Partial<Activity> = {}): Activity {
  const row = rowNo++;
  return {
    activity,
    unit: 'kg',
    quantity: 100,
    contribution: 2_000,
    support: 6_000,
    total: 8_000,
    source: { sheet: 'I.2', row, cells: { activity: `B${row + 1}`, support: `J${row + 1}`, note: `M${row + 1}` } },
    unreadable: false,
    ...o,
  };
}

/** A village's I.2 (or, with formId 'II.3', a department's). */
function sheet(unit: string, activities: readonly Activity[], o: Partial<FormReading> = {}): FormReading {
  const formId = o.formId ?? 'I.2';
  const name = `${unit} - ${formId}`.slice(0, 31);
  return {
    sheet: name,
    formId,
    confidence: 1,
    planYear: 2027,
    unitName: unit,
    sector: 'Nông nghiệp',
    strengths: [],
    difficulties: [],
    activities: activities.map((a) => ({ ...a, source: { ...a.source, sheet: name } })),
    fixedValues: {},
    findings: [],
    ...o,
  };
}
const dept = (unit: string, activities: readonly Activity[], o: Partial<FormReading> = {}) => sheet(unit, activities, { formId: 'II.3', ...o });

const edits = (o: Partial<CommuneEdits>): CommuneEdits => ({ ...NO_EDITS, ...o });
const build = (readings: readonly FormReading[], e: CommuneEdits = NO_EDITS) => buildPlan(readings, e, { planYear: 2027 });

describe("the report's count of notes", () => {
  it('counts the notes split, and those with a source, a method or other words (a source the row names otherwise kept as other words)', () => {
    const plan = build([
      sheet('Thôn Nà Lìu', [
        act('Hỗ trợ giống lúa lai', { note: 'CT Nông thôn mới' }),
        act('Hỗ trợ giống ngô lai', { note: 'CT 135. Dân góp công' }),
        act('Hỗ trợ phân bón cho lúa', { note: 'Làm trước vụ Xuân' }),
        act('Hỗ trợ máy tuốt lúa', { unit: 'cái', quantity: 1, fundSource: 'Ngân sách xã', note: 'CT 135' }),
        act('Hỗ trợ giống cỏ voi', { note: undefined }),
      ]),
    ]);
    const row = (start: string) => plan.activities.find((a) => a.activity.startsWith(start));
    // The note is kept whole on its row; a row without a note has none.
    expect(row('Hỗ trợ phân bón')?.note).toBe('Làm trước vụ Xuân');
    expect(Object.keys(row('Hỗ trợ giống cỏ voi') ?? {})).not.toContain('note');
    // "CT 135" of the note is not the source the village named (Ngân sách xã): kept in Nội dung khác.
    expect(row('Hỗ trợ máy tuốt lúa')).toMatchObject({ fundSource: 'Ngân sách xã', other: 'CT 135' });
    expect(plan.notes).toEqual({ notes: 4, split: 1, source: 3, mechanism: 1, other: 2, separators: { period: 1 } });
  });
});

describe("the commune's columns on a row", () => {
  const a = act('Hỗ trợ giống lúa lai', { note: 'CT Nông thôn mới' });
  const key = 'v:thon na liu|ho tro giong lua lai|kg';
  const rowWith = (e?: RowEdits) => build([sheet('Thôn Nà Lìu', [a])], e ? edits({ rows: new Map([[key, e]]) }) : NO_EDITS).activities[0];

  it('Ưu tiên and the II.6.A group typed by the commune are kept', () => {
    expect(rowWith({ priority: 2, fundingGroup: 'recurrent' })).toMatchObject({ priority: 2, fundingGroup: 'recurrent' });
    const plain = rowWith();
    expect(plain.key).toBe(key);
    expect(Object.keys(plain)).not.toContain('priority');
    expect(Object.keys(plain)).not.toContain('fundingGroup');
  });

  it("the sources' topic and sector are remembered only when the commune moved the row", () => {
    expect(Object.keys(rowWith())).not.toContain('sourceClass');
    expect(rowWith({ topic: 'vh-xh-mt' })).toMatchObject({ topic: 'vh-xh-mt', sourceClass: 'kinh-te|trong trot' });
    expect(rowWith({ sector: 'Giao thông' })).toMatchObject({ sector: 'Giao thông', sourceClass: 'kinh-te|trong trot' });
  });
});

/** Two villages asking for the same hybrid rice seed, one funded by the NTM program (unless `unfunded`). */
function riceVillages(unfunded = false): FormReading[] {
  return [
    sheet('Thôn Nà Lìu', [
      act('Hỗ trợ giống lúa lai', {
        quantity: 200,
        contribution: 2_500,
        support: 5_000,
        total: 7_500,
        time: 'Vụ Xuân 2027',
        place: 'Cánh đồng Nà Lìu',
        responsible: 'Trưởng thôn',
        objective: 'Tăng năng suất lúa',
        mechanism: 'Dân góp công vận chuyển',
        note: unfunded ? 'Dân tự vận chuyển' : 'CT Nông thôn mới',
      }),
    ]),
    sheet('Thôn Bản Phố', [
      act('Hỗ trợ giống lúa lai', { quantity: 300, contribution: 3_000, support: 6_000, total: 9_000, time: 'Vụ Xuân 2027', responsible: 'Chi hội Nông dân thôn', objective: 'Phụ nữ nghèo có giống tốt' }),
    ]),
  ];
}
const RICE_KEYS = ['v:thon na liu|ho tro giong lua lai|kg', 'v:thon ban pho|ho tro giong lua lai|kg'];

describe('a merged row keeps every village’s quantity and money', () => {
  it('quantities and amounts summed, villages joined, texts said once, every source kept', () => {
    const readings = riceVillages();
    const plan = build(readings, edits({ acceptedMerges: [RICE_KEYS] }));
    expect(plan.activities).toHaveLength(1);
    const [m] = plan.activities;
    const [naLiu, banPho] = build(readings).activities;
    expect(m).toMatchObject({
      key: mergedKey(RICE_KEYS),
      activity: 'Hỗ trợ giống lúa lai',
      unit: 'kg',
      quantity: 500,
      quantityText: '200 + 300',
      // The villages, not the field one of them named.
      place: 'Thôn Nà Lìu, Bản Phố',
      time: 'Vụ Xuân 2027',
      responsible: 'Trưởng thôn; Chi hội Nông dân thôn',
      total: 16_500,
      contribution: 5_500,
      support: 11_000,
      // The NTM program pays Nà Lìu's part; Bản Phố's is still proposed.
      budget: 5_000,
      proposed: 6_000,
      fundSource: naLiu.fundSource,
      objective: 'Tăng năng suất lúa; Phụ nữ nghèo có giống tốt',
      mechanism: 'Dân góp công vận chuyển',
      note: 'CT Nông thôn mới',
      mergedKeys: RICE_KEYS,
      origins: [
        { kind: 'village', unit: 'Thôn Nà Lìu' },
        { kind: 'village', unit: 'Thôn Bản Phố' },
      ],
      sources: [naLiu.sources[0], banPho.sources[0]],
      // What either part is about (poor women, for Bản Phố) is flagged on the merged row.
      flags: { ...naLiu.flags, ...banPho.flags },
    });
    expect(banPho.flags).toMatchObject({ poorWomen: true });
    expect(naLiu.fundSource).toBeTruthy();
    expect(Object.keys(m)).not.toContain('sourceClass');
    expect(Object.keys(m)).not.toContain('priority');
    expect(Object.keys(m)).not.toContain('fundingGroup');
    // Nothing lost: the plan still accounts for both activities.
    expect(plan.reconciliation).toMatchObject({ written: { count: 2, amount: 16_500 }, balanced: true });
    expect(plan.suggestions).toEqual([{ id: [...RICE_KEYS].sort().join('+'), keys: RICE_KEYS, activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantityText: '200 + 300', place: 'Thôn Nà Lìu, Bản Phố', total: 16_500, accepted: true }]);
  });

  it('a blank text is no text: nothing joined for it', () => {
    const [a, b] = build(riceVillages()).activities;
    const m = mergeRows([{ ...a, time: '   ', note: '' }, { ...b, time: 'Vụ Mùa 2027', responsible: '  ' }], undefined);
    expect(m.time).toBe('Vụ Mùa 2027');
    expect(m.note).toBe('');
    expect(m.responsible).toBe('Trưởng thôn');
    // Two different texts are both kept, "; " between them.
    const both = mergeRows([a, { ...b, time: 'Vụ Mùa 2027', fundSource: 'Ngân sách xã', objective: 'Đủ giống cho vụ Mùa', mechanism: 'Hộ tự mua, xã hỗ trợ' }], undefined);
    expect(both).toMatchObject({
      time: 'Vụ Xuân 2027; Vụ Mùa 2027',
      fundSource: `${a.fundSource}; Ngân sách xã`,
      objective: 'Tăng năng suất lúa; Đủ giống cho vụ Mùa',
      mechanism: 'Dân góp công vận chuyển; Hộ tự mua, xã hỗ trợ',
    });
  });

  // Found by this test (mergeRows wrote no `other`: the first part's Nội dung khác only), fixed.
  it("Nội dung khác holds every village's words", () => {
    const plan = build(
      [sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai', { note: 'Làm trước vụ Xuân' })]), sheet('Thôn Bản Phố', [act('Hỗ trợ giống lúa lai', { note: 'Ưu tiên hộ nghèo' })])],
      edits({ acceptedMerges: [RICE_KEYS] }),
    );
    expect(plan.activities[0].note).toBe('Làm trước vụ Xuân; Ưu tiên hộ nghèo');
    expect(plan.activities[0].other).toBe('Làm trước vụ Xuân; Ưu tiên hộ nghèo');
  });

  const mushrooms = (quantities: readonly Partial<Activity>[]) => {
    const villages = ['Thôn Nà Lìu', 'Thôn Bản Phố', 'Thôn Khuổi Ún'];
    const readings = quantities.map((q, i) => sheet(villages[i], [act('Tập huấn kỹ thuật trồng nấm rơm', { unit: 'lớp', contribution: 0, support: 6_000, total: 6_000, ...q })]));
    const keys = readings.map((r) => activityKey({ kind: 'village', unit: r.unitName ?? '' }, { activity: 'Tập huấn kỹ thuật trồng nấm rơm', unit: 'lớp' }));
    const plan = build(readings, edits({ acceptedMerges: [keys] }));
    expect(plan.activities).toHaveLength(1);
    return plan;
  };

  it('a quantity typed as words is kept as typed, a missing one written "?", and then no quantity is summed', () => {
    const plan = mushrooms([{ quantity: undefined, quantityText: '2-3 lớp' }, { quantity: 2 }, { quantity: undefined }]);
    expect(plan.activities[0]).toMatchObject({ quantityText: '2-3 lớp + 2 + ?', total: 18_000, support: 18_000, place: 'Thôn Nà Lìu, Bản Phố, Khuổi Ún' });
    expect(Object.keys(plan.activities[0])).not.toContain('quantity');
  });

  // Found by this test (the first village's quantity was kept: the ballot showed "2" for
  // "2 + 2-3 lớp + ?"), fixed.
  it('a quantity missing from a later part leaves the merged row without a number, whatever the first part says', () => {
    const plan = mushrooms([{ quantity: 2 }, { quantity: undefined, quantityText: '2-3 lớp' }, { quantity: undefined }]);
    expect(plan.activities[0].quantityText).toBe('2 + 2-3 lớp + ?');
    expect(rankItemsFromPlan(plan.activities)[0].quantity).toBe('2 + 2-3 lớp + ?');
  });

  it("a department's row with a village's: the places as each wrote them, the department's name without a village a copied list carried", () => {
    const plan = build(
      [
        dept('Hội Nông dân xã', [act('Tập huấn kỹ thuật nuôi ong (lấy mật) (Thôn Nà Lìu)', { unit: 'lớp', quantity: 1, contribution: 0, support: 4_000, total: 4_000 })]),
        sheet('Thôn Nà Lìu', [act('Tập huấn kỹ thuật nuôi ong lấy mật', { unit: 'lớp', quantity: 1, place: 'Nhà văn hóa thôn', contribution: 500, support: 3_000, total: 3_500 })]),
      ],
      edits({ acceptedMerges: [['d:hoi nong dan xa|tap huan ky thuat nuoi ong lay mat thon na liu|lop', 'v:thon na liu|tap huan ky thuat nuoi ong lay mat|lop']] }),
    );
    expect(plan.activities).toHaveLength(1);
    expect(plan.activities[0]).toMatchObject({
      activity: 'Tập huấn kỹ thuật nuôi ong (lấy mật)',
      place: 'Hội Nông dân xã, Nhà văn hóa thôn',
      quantity: 2,
      total: 7_500,
      origins: [
        { kind: 'department', unit: 'Hội Nông dân xã' },
        { kind: 'village', unit: 'Thôn Nà Lìu' },
      ],
    });
  });

  it("a village's row copied from last year's list: no village name left in the merged row's name", () => {
    const plan = build(
      [sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai')]), sheet('Thôn Bản Phố', [act('Hỗ trợ giống lúa lai (Thôn Nà Lìu)')])],
      edits({ acceptedMerges: [['v:thon ban pho|ho tro giong lua lai thon na liu|kg', 'v:thon na liu|ho tro giong lua lai|kg']] }),
    );
    // Bản Phố's row reads "… (Thôn Nà Lìu) (Thôn Bản Phố)"; read first, the merged row keeps neither village.
    const reversed = build(
      [sheet('Thôn Bản Phố', [act('Hỗ trợ giống lúa lai (Thôn Nà Lìu)')]), sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai')])],
      edits({ acceptedMerges: [['v:thon ban pho|ho tro giong lua lai thon na liu|kg', 'v:thon na liu|ho tro giong lua lai|kg']] }),
    );
    expect(plan.activities.map((a) => a.activity)).toEqual(['Hỗ trợ giống lúa lai']);
    expect(reversed.activities.map((a) => a.activity)).toEqual(['Hỗ trợ giống lúa lai']);
  });
});

describe("the commune's columns on a merged row", () => {
  const merged = (e: RowEdits) => {
    const plan = build(riceVillages(), edits({ acceptedMerges: [RICE_KEYS], rows: new Map([[mergedKey(RICE_KEYS), e]]) }));
    expect(plan.activities).toHaveLength(1);
    return plan.activities[0];
  };

  it('its split is kept when either half alone is typed and adds up to Cần hỗ trợ, else the villages’ split', () => {
    expect(merged({ budget: 11_000 })).toMatchObject({ support: 11_000, budget: 11_000, proposed: 0 });
    expect(merged({ proposed: 11_000 })).toMatchObject({ support: 11_000, budget: 0, proposed: 11_000 });
    expect(merged({ budget: 4_000, proposed: 7_000 })).toMatchObject({ budget: 4_000, proposed: 7_000 });
    // Half a thousand đồng off is the same amount; more is not, and the villages' split stands.
    expect(merged({ budget: 4_000, proposed: 7_000.5 })).toMatchObject({ budget: 4_000, proposed: 7_000.5 });
    expect(merged({ budget: 4_000, proposed: 7_001 })).toMatchObject({ budget: 5_000, proposed: 6_000 });
    expect(merged({ budget: 1_000 })).toMatchObject({ budget: 5_000, proposed: 6_000 });
  });

  it('its source, objective, method, Ưu tiên and II.6.A group as the commune typed them', () => {
    expect(merged({ fundSource: 'Ngân sách tỉnh', objective: 'Đủ giống cho 120 hộ', mechanism: 'Xã mua, giao thôn cấp cho hộ', priority: 1, fundingGroup: 'recurrent' })).toMatchObject({
      fundSource: 'Ngân sách tỉnh',
      objective: 'Đủ giống cho 120 hộ',
      mechanism: 'Xã mua, giao thôn cấp cho hộ',
      priority: 1,
      fundingGroup: 'recurrent',
    });
  });

  // Found by this test (the commune's Nội dung khác on a merged row was written over), fixed.
  it('its Nội dung khác as the commune typed it', () => {
    expect(merged({ other: 'Xã đã duyệt trong kỳ họp tháng 3' }).other).toBe('Xã đã duyệt trong kỳ họp tháng 3');
  });

  it('its topic and sector as the commune moved them, with what the sources said remembered', () => {
    const bySector = merged({ sector: 'Giao thông' });
    expect(bySector).toMatchObject({ sector: 'Giao thông', sourceClass: 'kinh-te|trong trot' });
    const byTopic = merged({ topic: 'vh-xh-mt' });
    expect(byTopic).toMatchObject({ topic: 'vh-xh-mt', sector: 'Trồng trọt', sourceClass: 'kinh-te|trong trot' });
    // A row its words do not place: the sector the commune chose gives its topic.
    const fees = [sheet('Thôn Nà Lìu', [act('Hỗ trợ kinh phí hoạt động', { unit: 'năm', quantity: 1 })]), sheet('Thôn Bản Phố', [act('Hỗ trợ kinh phí hoạt động', { unit: 'năm', quantity: 1 })])];
    const feeKeys = build(fees).activities.map((r) => r.key);
    const moved = build(fees, edits({ acceptedMerges: [feeKeys], rows: new Map([[mergedKey(feeKeys), { sector: 'Giao thông' }]]) })).activities[0];
    expect(moved).toMatchObject({ sector: 'Giao thông', topic: 'csht', sourceClass: 'kinh-te|nong nghiep' });
    // A part the commune had moved before keeps what its sources said.
    const [a, b] = build(riceVillages()).activities;
    expect(mergeRows([{ ...a, sourceClass: 'kinh-te|chan nuoi' }, b], { topic: 'csht' })).toMatchObject({ topic: 'csht', sourceClass: 'kinh-te|chan nuoi' });
  });
});

describe('what an activity is about (itemKind)', () => {
  it('its animals and crops, and its kind of work', () => {
    expect(itemKind('Hỗ trợ giống lúa lai')).toBe('lúa/seed');
    expect(itemKind('Tập huấn kỹ thuật chăn nuôi bò')).toBe('bò/training');
    // Seed of an animal, or an animal alone, is the animals themselves.
    expect(itemKind('Hỗ trợ bò sinh sản')).toBe('bò/animals');
    expect(itemKind('Hỗ trợ giống cỏ voi nuôi bò')).toBe('bò|cỏ/animals');
    expect(itemKind('Trồng lúa nước')).toBe('lúa/');
    expect(itemKind('Họp dân bàn kế hoạch')).toBe('/');
  });
});

describe('merge suggestions', () => {
  const suggested = (readings: readonly FormReading[]) => build(readings).suggestions.map((s) => s.keys);

  it("name the rows proposed by different units, with the id of their sorted keys; the commune's acceptance read by that id", () => {
    // Read Nà Lìu first: the id is the keys sorted, Bản Phố's first.
    const plan = build(riceVillages(true));
    expect(plan.suggestions).toEqual([{ id: `${RICE_KEYS[1]}+${RICE_KEYS[0]}`, keys: RICE_KEYS, activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantityText: '200 + 300', place: 'Thôn Nà Lìu, Bản Phố', total: 16_500, accepted: false }]);
    expect(suggestMerges(plan.activities, new Set([`${RICE_KEYS[1]}+${RICE_KEYS[0]}`]))[0].accepted).toBe(true);
  });

  it('never two rows of one village, a merged row or a row no source proposes any more', () => {
    expect(suggested([sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai', { time: 'Vụ Xuân' }), act('Hỗ trợ giống lúa lai', { time: 'Vụ Mùa' })])])).toEqual([]);
    const [a, b] = build(riceVillages(true)).activities;
    expect(suggestMerges([a, b], new Set())).toHaveLength(1);
    expect(suggestMerges([a, { ...b, status: 'vanished' }], new Set())).toEqual([]);
    const third = build([sheet('Thôn Khuổi Ún', [act('Hỗ trợ giống lúa lai')])]).activities[0];
    expect(suggestMerges([a, third], new Set())).toHaveLength(1);
    expect(suggestMerges([mergeRows([a, b], undefined), third], new Set())).toEqual([]);
    const plan = build([...riceVillages(), sheet('Thôn Khuổi Ún', [act('Hỗ trợ giống lúa lai')])], edits({ acceptedMerges: [RICE_KEYS] }));
    expect(plan.suggestions.map((s) => s.accepted)).toEqual([true]);
  });

  it('a village whose list was also typed on a department’s form (II.3): the two rows are offered to merge', () => {
    const seed = act('Hỗ trợ giống lúa lai');
    expect(suggested([dept('Thôn Nà Lìu', [seed]), sheet('Thôn Nà Lìu', [seed])])).toEqual([['d:thon na liu|ho tro giong lua lai|kg', 'v:thon na liu|ho tro giong lua lai|kg']]);
  });

  it('never works on a place (a canal, a road) nor construction, each the village’s own', () => {
    expect(suggested([sheet('Thôn Nà Lìu', [act('Nạo vét kênh mương nội đồng', { unit: 'm' })]), sheet('Thôn Bản Phố', [act('Nạo vét kênh mương nội đồng', { unit: 'm' })])])).toEqual([]);
    expect(suggested([sheet('Thôn Nà Lìu', [act('Xây dựng hầm biogas', { unit: 'cái' })]), sheet('Thôn Bản Phố', [act('Xây dựng hầm biogas', { unit: 'cái' })])])).toEqual([]);
  });

  it('only within one funding block: not unfunded with funded, nor money asked with none', () => {
    const funded = act('Hỗ trợ giống lúa lai', { note: 'CT Nông thôn mới' });
    const asked = act('Hỗ trợ giống lúa lai');
    const own = act('Hỗ trợ giống lúa lai', { contribution: 3_000, support: 0, total: 3_000 });
    const pair = (x: Activity, y: Activity) => suggested([sheet('Thôn Nà Lìu', [x]), sheet('Thôn Bản Phố', [y])]);
    expect(pair(funded, asked)).toEqual([]);
    expect(pair(funded, own)).toEqual([]);
    expect(pair(asked, own)).toEqual([]);
    expect(pair(asked, asked)).toHaveLength(1);
    expect(pair(funded, funded)).toHaveLength(1);
    expect(pair(own, own)).toHaveLength(1);
  });

  it('a unit of measure written as a dash is no unit', () => {
    expect(suggested([sheet('Thôn Nà Lìu', [act('Tập huấn kỹ thuật trồng nấm rơm', { unit: '-' })]), sheet('Thôn Bản Phố', [act('Tập huấn kỹ thuật trồng nấm rơm', { unit: undefined })])])).toHaveLength(1);
  });

  it('only the same item: a third village’s fertiliser for the same rice stays apart', () => {
    expect(
      suggested([
        sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai')]),
        sheet('Thôn Bản Phố', [act('Hỗ trợ giống lúa lai')]),
        sheet('Thôn Khuổi Ún', [act('Hỗ trợ phân bón NPK cho lúa lai')]),
      ]),
    ).toEqual([RICE_KEYS]);
  });

  it('names compared when they share two significant words, or the one word of a short name', () => {
    // Cattle for breeding and fattening cattle share "bò" only.
    expect(suggested([sheet('Thôn Nà Lìu', [act('Hỗ trợ bò sinh sản', { unit: 'con' })]), sheet('Thôn Bản Phố', [act('Nuôi bò vỗ béo', { unit: 'con' })])])).toEqual([]);
    expect(suggested([sheet('Thôn Nà Lìu', [act('Hỗ trợ bò', { unit: 'con' })]), sheet('Thôn Bản Phố', [act('Nuôi bò sinh sản', { unit: 'con' })])])).toHaveLength(1);
    // "Hỗ trợ … cho … hộ" and a number say nothing of the item.
    expect(suggested([sheet('Thôn Nà Lìu', [act('Hỗ trợ bò cho 5 hộ', { unit: 'con' })]), sheet('Thôn Bản Phố', [act('Nuôi bò sinh sản', { unit: 'con' })])])).toHaveLength(1);
  });

  it('a short name held whole in a long one is alike from a similarity of 0.6, the threshold included', () => {
    // "Cấp giống" (2 words) in a name of 16: 0.5 + 0.45 × (2 × 2 / 18) = 0.6 exactly.
    const long = 'Cấp giống cây ăn quả có múi cho các hộ nghèo, cận nghèo tại vùng dự án mới';
    expect(itemKind('Cấp giống')).toBe(itemKind(long));
    expect(suggested([sheet('Thôn Nà Lìu', [act('Cấp giống', { unit: 'cây' })]), sheet('Thôn Bản Phố', [act(long, { unit: 'cây' })])])).toHaveLength(1);
  });

  it('names that are no item (a training, a crop without its work) merge only when alike', () => {
    // Two trainings on different subjects.
    expect(suggested([sheet('Thôn Nà Lìu', [act('Tập huấn kỹ năng sống cho thanh niên nông thôn', { unit: 'lớp' })]), sheet('Thôn Bản Phố', [act('Tập huấn phòng chống cháy rừng', { unit: 'lớp' })])])).toEqual([]);
    expect(suggested([sheet('Thôn Nà Lìu', [act('Tập huấn phòng chống cháy rừng', { unit: 'lớp' })]), sheet('Thôn Bản Phố', [act('Tập huấn kỹ năng sống cho thanh niên nông thôn', { unit: 'lớp' })])])).toEqual([]);
    expect(suggested([sheet('Thôn Nà Lìu', [act('Thâm canh lúa nước', { unit: 'ha' })]), sheet('Thôn Bản Phố', [act('Cải tạo đồng ruộng trồng lúa nước', { unit: 'ha' })])])).toEqual([]);
    // The same training worded alike is one.
    expect(suggested([sheet('Thôn Nà Lìu', [act('Tập huấn phòng chống cháy rừng', { unit: 'lớp' })]), sheet('Thôn Bản Phố', [act('Tập huấn phòng chống cháy rừng mùa khô', { unit: 'lớp' })])])).toHaveLength(1);
  });

  it("a department's work for the whole commune covers a village's like it: said, not summed; elsewhere they merge", () => {
    const training = (o: Partial<Activity> = {}) => act('Tập huấn kỹ thuật chăn nuôi bò', { unit: 'lớp', quantity: 1, ...o });
    const wide = build([dept('Hội Nông dân xã', [training({ place: 'Toàn xã' })]), sheet('Thôn Nà Lìu', [training()])]);
    expect(wide.suggestions).toEqual([]);
    expect(wide.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED').map((f) => f.params.department)).toEqual(['Hội Nông dân xã']);
    const local = build([dept('Hội Nông dân xã', [training({ place: 'Thôn Bản Phố' })]), sheet('Thôn Nà Lìu', [training()])]);
    expect(local.suggestions).toHaveLength(1);
    expect(local.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED')).toEqual([]);
    // Two departments' like work merges, whichever of them is for the whole commune.
    for (const places of [
      ['Toàn xã', 'Thôn Bản Phố'],
      ['Thôn Bản Phố', 'Toàn xã'],
    ]) {
      const two = build([dept('Hội Nông dân xã', [training({ place: places[0] })]), dept('Hội Phụ nữ xã', [training({ place: places[1] })])]);
      expect(two.suggestions).toHaveLength(1);
      expect(two.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED')).toEqual([]);
    }
    // A village's row for the whole commune is still a village's: merged with another village's.
    const villageWide = build([sheet('Thôn Nà Lìu', [training({ place: 'Toàn xã' })]), sheet('Thôn Bản Phố', [training()])]);
    expect(villageWide.suggestions).toHaveLength(1);
    expect(villageWide.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED')).toEqual([]);
    // A training on another subject is not covered.
    const other = build([dept('Hội Nông dân xã', [act('Tập huấn phòng chống cháy rừng', { unit: 'lớp', place: 'Toàn xã' })]), sheet('Thôn Nà Lìu', [act('Tập huấn kỹ năng sống cho thanh niên nông thôn', { unit: 'lớp' })])]);
    expect(other.findings.filter((f) => f.code === 'ACTIVITY_MAYBE_COVERED')).toEqual([]);
  });

  it('the village read before the department: covered all the same', () => {
    const v = build([sheet('Thôn Nà Lìu', [act('Tập huấn kỹ thuật chăn nuôi bò', { unit: 'lớp' })])]).activities[0];
    const d = build([dept('Hội Nông dân xã', [act('Tập huấn kỹ thuật chăn nuôi bò', { unit: 'lớp', place: 'Toàn xã' })])]).activities[0];
    const covered: { department: PlanActivity; village: PlanActivity }[] = [];
    expect(suggestMerges([v, d], new Set(), covered)).toEqual([]);
    expect(covered).toEqual([{ department: d, village: v }]);
    // Without a list to fill, the pair is still not merged.
    expect(suggestMerges([v, d], new Set())).toEqual([]);
  });

  it('a word more than 50 rows of a block use does not by itself make them alike', () => {
    const villages = (n: number) =>
      Array.from({ length: n }, (_, i) => sheet(`Thôn ${i + 1}`, [act(i % 2 === 0 ? 'Hỗ trợ giống lúa Khang Dân 18' : 'Hỗ trợ giống lúa Bắc Thơm 7')]));
    // 50 villages: one item however worded, one suggestion.
    expect(suggested(villages(50)).map((k) => k.length)).toEqual([50]);
    // 51: "giống" and "lúa" say nothing any more; the varieties' names still do.
    expect(suggested(villages(51)).map((k) => k.length)).toEqual([26, 25]);
  });
});

describe('the amount an activity read stands for', () => {
  const base = { activity: 'Hỗ trợ giống lúa', source: { sheet: 'Thôn Nà Lìu - I.2', row: 8, cells: {} }, unreadable: false } as const;
  it('its Tổng số, else its parts', () => {
    expect(activityAmount({ ...base, total: 9_000, contribution: 1_000, support: 2_000 })).toBe(9_000);
    expect(activityAmount({ ...base, contribution: 1_000, support: 4_000 })).toBe(5_000);
    expect(activityAmount({ ...base, support: 4_000 })).toBe(4_000);
    expect(activityAmount({ ...base, contribution: 1_000, budget: 3_000, proposed: 2_000 })).toBe(6_000);
    expect(activityAmount({ ...base, budget: 3_000 })).toBe(3_000);
    expect(activityAmount({ ...base, proposed: 2_000 })).toBe(2_000);
    expect(activityAmount({ ...base, contribution: 1_000 })).toBe(1_000);
  });
});

describe('the order of II.4.B', () => {
  it('group A before B; in each, topics in the handbook’s order, departments before villages, then as read', () => {
    const plan = build([
      dept('Hội Nông dân xã', [act('Hỗ trợ giống ngô lai', { unit: 'kg' })], { sector: 'Nông nghiệp' }),
      sheet('Thôn Nà Lìu', [
        act('Bê tông hóa đường nội thôn', { unit: 'm', contribution: 20_000, support: 80_000, total: 100_000 }),
        act('Nạo vét kênh mương nội đồng', { unit: 'm', contribution: 5_000, support: 0, total: 5_000 }),
        act('Hỗ trợ giống lạc', { contribution: 1_000, support: 0, total: 1_000 }),
      ], { sector: 'Giao thông' }),
    ]);
    expect(plan.activities.map((a) => [a.group, a.topic, a.activity])).toEqual([
      ['no-outside-money', 'csht', 'Nạo vét kênh mương nội đồng (Thôn Nà Lìu)'],
      ['no-outside-money', 'kinh-te', 'Hỗ trợ giống lạc (Thôn Nà Lìu)'],
      ['outside-money', 'csht', 'Bê tông hóa đường nội thôn (Thôn Nà Lìu)'],
      ['outside-money', 'kinh-te', 'Hỗ trợ giống ngô lai'],
    ]);
  });

  it('a row typed by hand into II.4.B, with no unit behind it, is kept', () => {
    const typed = build([sheet('Thôn Bản Phố', [act('Hỗ trợ giống ngô lai', { note: 'Dân tự vận chuyển' })])]).activities[0];
    const hand: PlanActivity = { ...typed, key: 'tay', activity: 'Hỗ trợ giống ngô cho hộ nghèo', origins: [], sources: [] };
    const plan = build([sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lúa lai')])], edits({ previous: [{ activity: hand }] }));
    expect(plan.activities.map((a) => [a.status, a.activity])).toEqual([
      ['manual', 'Hỗ trợ giống ngô cho hộ nghèo'],
      ['active', 'Hỗ trợ giống lúa lai (Thôn Nà Lìu)'],
    ]);
  });

  it("a department's row kept from last time comes before the villages' rows", () => {
    const d = build([dept('Hội Nông dân xã', [act('Tập huấn kỹ thuật chăn nuôi lợn', { unit: 'lớp' })])]).activities[0];
    const previous: PreviousRow[] = [{ key: d.key, activity: d }];
    const plan = build([sheet('Thôn Nà Lìu', [act('Hỗ trợ giống lợn nái', { unit: 'con' })])], edits({ previous }));
    expect(plan.activities.map((a) => [a.status, a.activity])).toEqual([
      ['vanished', 'Tập huấn kỹ thuật chăn nuôi lợn'],
      ['active', 'Hỗ trợ giống lợn nái (Thôn Nà Lìu)'],
    ]);
  });
});

describe('II.4.A', () => {
  const diff = (difficulty: string, o: Partial<Difficulty> = {}): Difficulty => ({ difficulty, causes: [], solutions: [], source: { sheet: 'I.2', row: rowNo++, cells: {} }, ...o });
  const strength = (text: string) => ({ text, source: { sheet: 'I.2', row: rowNo++, cells: {} } });

  it("a village's strengths on its first difficulty only, with its name; a blank strength gets none", () => {
    const plan = build([
      sheet('Thôn Nà Lìu', [], {
        strengths: [strength('Đất đai màu mỡ'), strength(''), strength('   ')],
        difficulties: [diff('Thiếu nước tưới vụ Đông', { causes: ['Hồ chứa cạn'] }), diff('Giá vật tư nông nghiệp cao')],
      }),
    ]);
    expect(plan.situations.map((s) => [s.difficulty, s.strengths.map((x) => x.trim())])).toEqual([
      ['Thiếu nước tưới vụ Đông (Thôn Nà Lìu)', ['Đất đai màu mỡ (Thôn Nà Lìu)', '', '']],
      ['Giá vật tư nông nghiệp cao (Thôn Nà Lìu)', []],
    ]);
  });

  it('strengths without a difficulty make a row of their own', () => {
    const plan = build([sheet('Thôn Nà Lìu', [], { strengths: [strength('Nhân dân đoàn kết')] })]);
    expect(plan.situations).toEqual([
      {
        key: 's:v:thon na liu|nong nghiep|thuan-loi',
        topic: 'kinh-te',
        sector: 'Nông nghiệp',
        strengths: ['Nhân dân đoàn kết (Thôn Nà Lìu)'],
        difficulty: '',
        causes: [],
        solutions: [],
        origins: [{ kind: 'village', unit: 'Thôn Nà Lìu' }],
        sources: [expect.objectContaining({ sheet: 'I.2' })],
      },
    ]);
  });

  it("a difficulty's own sector decides its topic and is written; a blank one leaves the sheet's", () => {
    const plan = build([
      sheet('Thôn Nà Lìu', [], {
        sector: 'Giao thông',
        difficulties: [diff('Thiếu kinh phí', { sector: 'Chăn nuôi' }), diff('Thiếu kinh phí', { sector: 'Văn hóa' }), diff('Thiếu kinh phí', { sector: '  ' })],
      }),
    ]);
    // "Thiếu kinh phí" three times, one row each, in its sector's topic (infrastructure, economy, culture).
    expect(plan.situations.map((s) => [s.key, s.topic, s.sector])).toEqual([
      ['s:v:thon na liu|thieu kinh phi#3', 'csht', 'Giao thông'],
      ['s:v:thon na liu|thieu kinh phi', 'kinh-te', 'Chăn nuôi'],
      ['s:v:thon na liu|thieu kinh phi#2', 'vh-xh-mt', 'Văn hóa'],
    ]);
  });

  it("the objective the commune wrote, else the unit's own", () => {
    const readings = [dept('Hội Phụ nữ xã', [], { difficulties: [diff('Phụ nữ thiếu việc làm', { objective: 'Giải quyết việc làm cho 50 lao động nữ' })] })];
    expect(build(readings).situations[0].objective).toBe('Giải quyết việc làm cho 50 lao động nữ');
    const key = build(readings).situations[0].key;
    expect(build(readings, edits({ objectives: new Map([[key, '80 lao động nữ có việc làm']]) })).situations[0].objective).toBe('80 lao động nữ có việc làm');
  });
});
