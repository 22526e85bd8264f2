/**
 * What the commune accountant sees of consolidate.ts's first 350 lines, written for the survivors
 * of their mutation run (docs/testing/mutation-plan.md): II.4.A cells the commune rewrote, read back
 * line by line; a row's unit when the form names none; the name and place of a merged row; works
 * bound to one place never offered to merge; the topic following the sector the commune retyped;
 * the commune's split kept or reset; the note's fund source against the row's own Tên nguồn vốn
 * (kept in Nội dung khác when it names something else, never twice); the source the commune
 * typed over LKH's; the count of notes; old program names under a commune's own Danh mục.
 */
import { createActions } from '../../src/app/actions';
import type { Activity, FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { CATALOGUE_SHEET, PROGRAM_TABLES, loadPrograms, readCatalogueSheet, withCatalogue } from '../../src/reference';
import type { CommuneEdits, RowEdits } from '../../src/workflow/plan';
import { NO_EDITS, activityKey, buildPlan, joinUnits } from '../../src/workflow/plan';

let rowNo = 8;
/** An activity of a village's I.2, with its money in nghìn đồng. */
function act(activity: string, unit: string, o: Partial<Activity> = {}): Activity {
  const row = rowNo++;
  return {
    activity,
    unit: 'con',
    quantity: 2,
    contribution: 4_000,
    support: 16_000,
    total: 20_000,
    source: { sheet: `${unit} - I.2`, row, cells: { activity: `B${row + 1}`, support: `J${row + 1}`, note: `M${row + 1}` } },
    unreadable: false,
    ...o,
  };
}

function sheet(unit: string, activities: readonly Activity[], o: Partial<FormReading> = {}): FormReading {
  return { sheet: `${unit} - I.2`, formId: 'I.2', confidence: 1, planYear: 2027, unitName: unit, sector: 'Nông nghiệp', strengths: [], difficulties: [], activities, fixedValues: {}, findings: [], ...o };
}

const edits = (o: Partial<CommuneEdits>): CommuneEdits => ({ ...NO_EDITS, ...o });
const keyOf = (unit: string, a: Activity) => activityKey({ kind: 'village', unit }, a);
/** The plan with the commune's edits of one row. */
const withRowEdits = (readings: readonly FormReading[], unit: string, a: Activity, e: RowEdits) => buildPlan(readings, edits({ rows: new Map([[keyOf(unit, a), e]]) }), { planYear: 2027 });

describe('II.4.A cells the commune rewrote', () => {
  const reading = () =>
    sheet('Thôn Khuổi Hẻo', [], {
      sector: 'Giao thông',
      difficulties: [{ difficulty: 'Đường vào thôn lầy lội mùa mưa', causes: ['Đường đất'], solutions: ['Bê tông hóa đường'], source: { sheet: 'Thôn Khuổi Hẻo - I.2', row: 5, cells: { difficulty: 'B6' } } }],
    });

  it('each line of a list cell is one item, its bullet ("-", "•", "+", typed with or without a space) taken off and nothing else', () => {
    const key = buildPlan([reading()], NO_EDITS, { planYear: 2027 }).situations[0].key;
    const cause = ['-Đường đất, mưa nhiều', '2-3 tháng mưa kéo dài mỗi năm', 'Thiếu vốn - kinh phí làm rãnh', '• Xe chở keo đi nhiều  ', '+ Dân chưa góp được '].join('\n');
    const plan = buildPlan([reading()], edits({ situationTexts: new Map([[key, { cause, sector: 'Giao thông nông thôn' }]]) }), { planYear: 2027 });
    expect(plan.situations[0].causes).toEqual(['Đường đất, mưa nhiều', '2-3 tháng mưa kéo dài mỗi năm', 'Thiếu vốn - kinh phí làm rãnh', 'Xe chở keo đi nhiều', 'Dân chưa góp được']);
    // The sector the commune retyped replaces the sources'.
    expect(plan.situations[0].sector).toBe('Giao thông nông thôn');
    expect(buildPlan([reading()], NO_EDITS, { planYear: 2027 }).situations[0].sector).not.toBe('Giao thông nông thôn');
  });
});

describe('the unit of a row', () => {
  it('a sheet whose form names no unit: the sheet\'s name is the unit', () => {
    const a = act('Hỗ trợ lợn giống', 'Bản Giềng');
    const plan = buildPlan([{ ...sheet('Bản Giềng', [a]), sheet: 'Bản Giềng', unitName: undefined }], NO_EDITS, { planYear: 2027 });
    expect(plan.activities[0].activity).toBe('Hỗ trợ lợn giống (Bản Giềng)');
    expect(plan.activities[0].origins).toEqual([{ kind: 'village', unit: 'Bản Giềng' }]);
  });

  it('a sheet named with no letter or digit still gives its row (its name is no word to look for in the activity)', () => {
    const a = act('Hỗ trợ lợn giống', '-');
    const plan = buildPlan([{ ...sheet('-', [a]), sheet: '-', unitName: undefined }], NO_EDITS, { planYear: 2027 });
    expect(plan.activities.map((r) => r.activity)).toEqual(['Hỗ trợ lợn giống (-)']);
  });
});

describe('a merged row', () => {
  /** The row of two villages' activities merged on the commune's word. */
  const merged = (first: Activity, second: Activity, units: readonly [string, string] = ['Thôn Nà Lìu', 'Thôn Khuổi Hẻo']) => {
    const readings = [sheet(units[0], [first]), sheet(units[1], [second])];
    const plan = buildPlan(readings, edits({ acceptedMerges: [[keyOf(units[0], first), keyOf(units[1], second)]] }), { planYear: 2027 });
    expect(plan.activities).toHaveLength(1);
    return plan.activities[0];
  };

  it('is named by the activity without the village LKH added, its own words kept (also in parentheses inside or before a full stop)', () => {
    expect(merged(act('Hỗ trợ bò giống (bò cái sinh sản) cho hộ nghèo', 'Thôn Nà Lìu'), act('Hỗ trợ bò giống cho hộ nghèo', 'Thôn Khuổi Hẻo'))).toMatchObject({
      activity: 'Hỗ trợ bò giống (bò cái sinh sản) cho hộ nghèo',
      place: 'Thôn Nà Lìu, Khuổi Hẻo',
    });
    expect(merged(act('Tập huấn kỹ thuật trồng quế (2 lớp).', 'Thôn Nà Lìu', { unit: 'lớp' }), act('Tập huấn kỹ thuật trồng quế', 'Thôn Khuổi Hẻo', { unit: 'lớp' })).activity).toBe(
      'Tập huấn kỹ thuật trồng quế (2 lớp).',
    );
  });

  it('keeps a parenthesis of its own at the end of the name; drops only those naming a village', () => {
    expect(merged(act('Hỗ trợ bò giống (bò cái sinh sản)', 'Thôn Nà Lìu'), act('Hỗ trợ bò giống (bò cái sinh sản)', 'Thôn Khuổi Hẻo')).activity).toBe('Hỗ trợ bò giống (bò cái sinh sản)');
    expect(merged(act('Hỗ trợ bò giống (bò cái sinh sản) (thôn Nà Lìu)', 'Thôn Nà Lìu'), act('Hỗ trợ bò giống (bò cái sinh sản)', 'Thôn Khuổi Hẻo')).activity).toBe('Hỗ trợ bò giống (bò cái sinh sản)');
  });

  it('does not keep the one village a unit wrote after its activity, even typed without a space', () => {
    const row = merged(act('Tập huấn kỹ thuật trồng quế(Thôn Nà Lìu)', 'Thôn Nà Lìu', { unit: 'lớp' }), act('Tập huấn kỹ thuật trồng quế', 'Thôn Khuổi Hẻo', { unit: 'lớp' }));
    expect(row).toMatchObject({ activity: 'Tập huấn kỹ thuật trồng quế', place: 'Thôn Nà Lìu, Khuổi Hẻo' });
  });

  it('is placed in every village, their shared first word said once, also when a name was typed with a double space', () => {
    expect(joinUnits(['Thôn  Pác Bó', 'Thôn Nà Hin'])).toBe('Thôn Pác Bó, Nà Hin');
    expect(joinUnits(['Thôn Pác Bó', 'Thôn  Nà Hin'])).toBe('Thôn Pác Bó, Nà Hin');
  });
});

describe('merges offered', () => {
  const offered = (name: string) => {
    const units = ['Thôn Nà Lìu', 'Thôn Khuổi Hẻo', 'Thôn Bản Giềng'];
    return buildPlan(
      units.map((u) => sheet(u, [act(name, u, { unit: 'm', quantity: 300 })])),
      NO_EDITS,
      { planYear: 2027 },
    ).suggestions;
  };

  it('never for work on a thing standing in one place (each village dredges its own canal)', () => {
    expect(offered('Nạo vét kênh mương nội đồng')).toEqual([]);
    expect(offered('Phát quang đường nội đồng')).toEqual([]);
  });

  it('for the same work elsewhere, when a place word is only part of another word ("môi trường", "nhu cầu")', () => {
    expect(offered('Tuyên truyền bảo vệ môi trường').map((s) => s.place)).toEqual(['Thôn Nà Lìu, Khuổi Hẻo, Bản Giềng']);
    expect(offered('Tập huấn nghề theo nhu cầu').map((s) => s.place)).toEqual(['Thôn Nà Lìu, Khuổi Hẻo, Bản Giềng']);
  });
});

describe("the commune's corrections of a row", () => {
  it('a sector retyped moves the row to that sector\'s topic, when the activity\'s own words say none', () => {
    const a = act('Tổ chức hội thi', 'Thôn Nà Lìu', { unit: 'cuộc', quantity: 1 });
    const readings = [sheet('Thôn Nà Lìu', [a], { sector: 'Giao thông' })];
    expect(buildPlan(readings, NO_EDITS, { planYear: 2027 }).activities[0]).toMatchObject({ topic: 'csht', sector: 'Giao thông' });
    expect(withRowEdits(readings, 'Thôn Nà Lìu', a, { sector: 'Văn hóa' }).activities[0]).toMatchObject({ topic: 'vh-xh-mt', sector: 'Văn hóa' });
  });

  it('an objective typed for a funded row leaves LKH\'s split as it is, and says nothing about the split', () => {
    const a = act('Hỗ trợ bò giống', 'Thôn Nà Lìu', { note: 'CTMTQG' });
    const plan = withRowEdits([sheet('Thôn Nà Lìu', [a])], 'Thôn Nà Lìu', a, { objective: 'Tăng thu nhập cho hộ nghèo' });
    expect(plan.activities[0]).toMatchObject({ objective: 'Tăng thu nhập cho hộ nghèo', budget: 16_000, proposed: 0 });
    expect(plan.findings.map((f) => f.code)).not.toContain('SPLIT_RESET');
  });

  it('all of Cần hỗ trợ moved to Đề xuất by the commune stays there, though the note names a program', () => {
    const a = act('Hỗ trợ bò giống', 'Thôn Nà Lìu', { note: 'CTMTQG' });
    expect(buildPlan([sheet('Thôn Nà Lìu', [a])], NO_EDITS, { planYear: 2027 }).activities[0]).toMatchObject({ budget: 16_000, proposed: 0 });
    expect(withRowEdits([sheet('Thôn Nà Lìu', [a])], 'Thôn Nà Lìu', a, { proposed: 16_000 }).activities[0]).toMatchObject({ budget: 0, proposed: 16_000 });
  });
});

describe("the note's fund source and the row's Tên nguồn vốn", () => {
  const unit = 'Thôn Nà Lìu';
  const rows = {
    // Tên nguồn vốn names no program, the note another source: both kept.
    unknown: act('Hỗ trợ giống lúa lai', unit, { unit: 'kg', fundSource: 'Quỹ hỗ trợ nông dân', note: 'Vốn lồng ghép của huyện; Dân góp công' }),
    // Tên nguồn vốn and the note name two programs: the note's kept in Nội dung khác.
    other: act('Hỗ trợ giống ngô', unit, { unit: 'kg', fundSource: 'Vốn tỉnh', note: 'CTMTQG; Dân góp công' }),
    // The same program in both, on a row asking no outside money: written once.
    same: act('Phát quang đường nội đồng', unit, { unit: 'm', contribution: 3_000, support: 0, total: 3_000, fundSource: 'CTMTQG', note: 'Thuộc CTMTQG; Dân tự làm' }),
    // A note without a source beside a typed Tên nguồn vốn.
    how: act('Hỗ trợ giống khoai môn', unit, { unit: 'kg', fundSource: 'Vốn tỉnh', note: 'Dân góp công' }),
    // No note at all.
    bare: act('Hỗ trợ lợn giống', unit),
  };
  const plan = () => buildPlan([sheet(unit, Object.values(rows))], NO_EDITS, { planYear: 2027 });
  const rowOf = (a: Activity) => plan().activities.find((r) => r.key === keyOf(unit, a));

  it('a source the note names that is not the row\'s is kept in Nội dung khác, word for word', () => {
    expect(rowOf(rows.unknown)).toMatchObject({ fundSource: 'Quỹ hỗ trợ nông dân', mechanism: 'Dân góp công', other: 'Vốn lồng ghép của huyện', budget: 0, proposed: 16_000 });
    expect(rowOf(rows.other)).toMatchObject({ fundSource: 'Vốn tỉnh', mechanism: 'Dân góp công', other: 'CTMTQG', budget: 16_000, proposed: 0 });
  });

  it('the program of the row said again in the note is not written twice; a row asking no outside money keeps its Tên nguồn vốn as typed', () => {
    const same = rowOf(rows.same);
    expect(same).toMatchObject({ fundSource: 'CTMTQG', mechanism: 'Dân tự làm', budget: 0, proposed: 0 });
    expect(same).not.toHaveProperty('other');
    const how = rowOf(rows.how);
    expect(how).toMatchObject({ fundSource: 'Vốn tỉnh', mechanism: 'Dân góp công' });
    expect(how).not.toHaveProperty('other');
  });

  it('a Tên nguồn vốn replaced by the program the note names is kept in Nội dung khác', () => {
    const a = act('Hỗ trợ giống cỏ voi', unit, { unit: 'kg', fundSource: 'Quỹ hỗ trợ nông dân', note: 'Vốn doanh nghiệp tài trợ' });
    const row = buildPlan([sheet(unit, [a])], NO_EDITS, { planYear: 2027 }).activities[0]!;
    expect(row.fundSource).toBeDefined();
    expect(row.fundSource).not.toBe('Quỹ hỗ trợ nông dân');
    expect(row.other).toBe('Quỹ hỗ trợ nông dân');
    // Typed as the program the note names, nothing is repeated.
    const same = act('Hỗ trợ giống cỏ voi', unit, { unit: 'kg', fundSource: 'Vốn xã hội hóa', note: 'Vốn doanh nghiệp tài trợ' });
    expect(buildPlan([sheet(unit, [same])], NO_EDITS, { planYear: 2027 }).activities[0]).not.toHaveProperty('other');
  });

  it('the report counts the notes: rows without one are not counted, a note with nothing left over is no "other"', () => {
    expect(plan().notes).toEqual({ notes: 4, split: 3, source: 3, mechanism: 4, other: 2, separators: { semicolon: 3 } });
  });
});

describe('Tên nguồn vốn the commune typed in the previous run', () => {
  const unit = 'Thôn Nà Lìu';

  it('wins over the note, and stands alone when there is no note', () => {
    const noted = act('Hỗ trợ bò giống', unit, { note: 'CTMTQG; Dân góp công' });
    expect(withRowEdits([sheet(unit, [noted])], unit, noted, { fundSource: 'Ngân sách xã' }).activities[0].fundSource).toBe('Ngân sách xã');
    const bare = act('Hỗ trợ lợn giống', unit);
    expect(buildPlan([sheet(unit, [bare])], NO_EDITS, { planYear: 2027 }).activities[0]).not.toHaveProperty('fundSource');
    expect(withRowEdits([sheet(unit, [bare])], unit, bare, { fundSource: 'Ngân sách xã' }).activities[0].fundSource).toBe('Ngân sách xã');
  });

  it("is LKH's own text when it is the note's source as written: a catalogue that now names it gives the canonical name", async () => {
    const a = act('Hỗ trợ giống chè', unit, { unit: 'cây', note: 'Vốn Quỹ Khuyến nông Tân Lập\nDân góp công' });
    const readings = [sheet(unit, [a])];
    // First run: the national catalogue does not know the fund; Tên nguồn vốn is the note's words.
    const first = buildPlan(readings, NO_EDITS, { planYear: 2027 }).activities[0];
    expect(first).toMatchObject({ fundSource: 'Vốn Quỹ Khuyến nông Tân Lập', budget: 0, proposed: 16_000 });
    // The commune adds the fund to its Danh mục; its Tên nguồn vốn read back is LKH's text of the first run.
    const own = loadPrograms('2026-2030', [...PROGRAM_TABLES['2026-2030'], { id: 'quy-kn', name: 'Quỹ Khuyến nông Tân Lập', kind: 'commune' }]);
    const again = await withCatalogue(own, async () => withRowEdits(readings, unit, a, { fundSource: first.fundSource }).activities[0]);
    expect(again).toMatchObject({ fundSource: 'Quỹ Khuyến nông Tân Lập', budget: 16_000, proposed: 0 });
  });
});

describe('old program names under a commune\'s own Danh mục', () => {
  it('are read as the program it lists, the explanation (which the sheet has no column for) left empty', async () => {
    const wb = new MemoryWorkbook();
    await wb.writeState({ planYear: 2027 });
    await createActions(wb).writeCatalogue();
    const [danhMuc] = await wb.readSheets([CATALOGUE_SHEET]);
    const { catalogue } = readCatalogueSheet(danhMuc);
    const plan = await withCatalogue(catalogue, async () => buildPlan([sheet('Thôn Nà Lìu', [act('Hỗ trợ bò giống', 'Thôn Nà Lìu', { note: 'CT 135' })])], NO_EDITS, { planYear: 2027 }));
    const [mapped] = plan.findings.filter((f) => f.code === 'LEGACY_PROGRAM_MAPPED');
    expect(mapped.params).toMatchObject({ alias: 'CT 135', count: 1, period: '2026-2030', note: '' });
    expect(mapped.message).not.toMatch(/\{note\}/u);
    // The sentence ends once: no ". ." where the explanation would be.
    expect(mapped.message).toMatch(/của giai đoạn 2026-2030\.$/u);
  });
});
