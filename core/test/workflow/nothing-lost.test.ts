/**
 * Nothing lost, nothing counted twice (issue 9), in the core: duplicate and conflicting sources,
 * the saved state never overriding the content, the commune's edits in II.6.A/II.6.B, totals
 * written as Excel will show them. Each case failed before its fix.
 */
import fc from 'fast-check';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { parseA1 } from '../../src/util/a1';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { SourceConflictError, buildPlan, consolidateCommune, contentHash, selectSources } from '../../src/workflow/plan';
import { communeArb, communeWorkbook, readRows } from './arbitraries';
import type { Act } from './helpers';
import { addSourceSheet } from './helpers';

const ROAD: Act = { activity: 'Bê tông hóa đường nội thôn', unit: 'km', quantity: 1, contribution: 100_000, support: 400_000, note: 'CT Nông thôn mới' };
const SEEDS: Act = { activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 0, support: 5_000, note: 'CT Giảm nghèo' };
const MEETING: Act = { activity: 'Họp bàn chia sẻ nguồn nước', unit: 'buổi', quantity: 1, contribution: 0 };

async function villageReadings(file: string, acts: readonly Act[], unit = 'Thôn A', sheet?: string, sector = 'Giao thông', form: 'I.2' | 'II.3' = 'I.2'): Promise<FormReading[]> {
  const wb = new MemoryWorkbook();
  await addSourceSheet(wb, form, unit, sector, acts, [], sheet);
  return [...(await readWorkbook(wb, { file })).readings];
}

const totalOf = (readings: readonly FormReading[]): number => buildPlan(readings).reconciliation.read.amount;

describe('each input counted once', () => {
  it('reads identical content once — the same file twice, a renamed copy, a sheet renamed — and says so', async () => {
    const a = await villageReadings('thon-a.xlsx', [ROAD, SEEDS]);
    const copy = await villageReadings('thon-a (1).xlsx', [ROAD, SEEDS]);
    const renamedSheet = await villageReadings('thon-a-gui-lai.xlsx', [ROAD, SEEDS], 'Thôn A', 'Sheet1');
    expect(contentHash(a[0])).toBe(contentHash(copy[0]));
    expect(contentHash(a[0])).toBe(contentHash(renamedSheet[0]));
    const s = selectSources([...a, ...a, ...copy, ...renamedSheet]);
    expect(s.conflicts).toEqual([]);
    expect(s.readings).toHaveLength(1);
    expect(s.findings.map((f) => f.code)).toEqual(['SOURCE_DUPLICATE', 'SOURCE_DUPLICATE', 'SOURCE_DUPLICATE']);
    expect(s.findings[1].message).toContain('thon-a (1).xlsx');
    expect(s.findings[1].message).toContain('chỉ đọc một lần');
    expect(totalOf(s.readings)).toBe(totalOf(a));
  });

  it('stops before writing when two versions of one village sheet are given, and names both files', async () => {
    const v1 = await villageReadings('thon-a.xlsx', [ROAD, SEEDS]);
    const v2 = await villageReadings('thon-a-v2.xlsx', [ROAD, { ...SEEDS, support: 7_000 }, MEETING]);
    const target = new MemoryWorkbook();
    await target.writeState({ unitName: 'Xã Tân Lập', planYear: 2027 });
    let error: unknown;
    try {
      await consolidateCommune(target, [...v1, ...v2]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceConflictError);
    const conflict = (error as SourceConflictError).conflicts[0];
    expect(conflict.unitName).toBe('Thôn A');
    expect(conflict.candidates.map((c) => c.file)).toEqual(['thon-a.xlsx', 'thon-a-v2.xlsx']);
    expect((error as Error).message).toContain('thon-a-v2.xlsx');
    // Nothing written: no sheet, the state as it was.
    expect(await target.listSheets()).toEqual([]);
    expect(await target.readState()).toEqual({ unitName: 'Xã Tân Lập', planYear: 2027 });
  });

  it('keeps the chosen version only, or every version when they are different units sharing a name', async () => {
    const v1 = await villageReadings('thon-a.xlsx', [ROAD, SEEDS]);
    const v2 = await villageReadings('thon-a-v2.xlsx', [ROAD, { ...SEEDS, support: 7_000 }, MEETING]);
    const id = selectSources([...v1, ...v2]).conflicts[0].id;
    const keepV2 = await consolidateCommune(new MemoryWorkbook(), [...v1, ...v2], { sourceChoices: { [id]: 'thon-a-v2.xlsx|Thôn A - I.2' } });
    expect(keepV2.plan.reconciliation.read.amount).toBe(totalOf(v2));
    expect(keepV2.findings.map((f) => f.code)).toContain('SOURCE_VERSION_LEFT_OUT');
    const both = await consolidateCommune(new MemoryWorkbook(), [...v1, ...v2], { sourceChoices: { [id]: 'all' } });
    expect(both.plan.reconciliation.read.amount).toBe(totalOf(v1) + totalOf(v2));
    expect(both.findings.map((f) => f.code)).toContain('SOURCE_SAME_UNIT_KEPT');
    // Two villages named "Thôn A" (former communes merged in 2025) keep their own rows and keys: the
    // road both propose is two rows, each saying where it came from.
    const roads = both.plan.activities.filter((a) => a.activity.startsWith('Bê tông hóa đường nội thôn'));
    expect(roads).toHaveLength(2);
    expect(new Set(roads.map((a) => a.key)).size).toBe(2);
    expect(roads.map((a) => a.activity).sort()).toEqual(['Bê tông hóa đường nội thôn (Thôn A (thon-a))', 'Bê tông hóa đường nội thôn (Thôn A (thon-a-v2))']);
  });

  // Same activity names, one thing varied: what is a copy (read once), what is another source (counted), what is a
  // second version of one sheet (held back until the user chooses).
  it.each<[string, { file: string; acts: readonly Act[]; unit?: string; sector?: string; form?: 'I.2' | 'II.3' }, 'copy' | 'counted' | 'conflict']>([
    ['the same sheet again under another file name', { file: 'b.xlsx', acts: [ROAD, SEEDS] }, 'copy'],
    ['the same activities under another sector (Nông nghiệp)', { file: 'b.xlsx', acts: [ROAD, SEEDS], sector: 'Nông nghiệp' }, 'counted'],
    ['the same activities under another sector (Y tế), same file', { file: 'a.xlsx', acts: [ROAD, SEEDS], sector: 'Y tế' }, 'counted'],
    ['the same activities of another village (Thôn B)', { file: 'b.xlsx', acts: [ROAD, SEEDS], unit: 'Thôn B' }, 'counted'],
    ['the same activities of a department (II.3, Hội Nông dân)', { file: 'b.xlsx', acts: [ROAD, SEEDS], unit: 'Hội Nông dân', form: 'II.3' }, 'counted'],
    ['the road measured in m instead of km', { file: 'b.xlsx', acts: [{ ...ROAD, unit: 'm', quantity: 1000 }, SEEDS] }, 'conflict'],
    ['one amount changed', { file: 'b.xlsx', acts: [ROAD, { ...SEEDS, support: 5_001 }] }, 'conflict'],
  ])('%s', async (_what, other, verdict) => {
    const first = await villageReadings('a.xlsx', [ROAD, SEEDS]);
    const second = await villageReadings(other.file, other.acts, other.unit, `Trang ${other.sector ?? 'GT'}`, other.sector, other.form);
    expect(second).toHaveLength(1);
    const s = selectSources([...first, ...second]);
    const codes = s.findings.map((f) => f.code);
    if (verdict === 'copy') {
      expect(contentHash(second[0])).toBe(contentHash(first[0]));
      expect([s.readings.length, s.conflicts.length, codes]).toEqual([1, 0, ['SOURCE_DUPLICATE']]);
      expect(totalOf(s.readings)).toBe(totalOf(first));
    } else {
      expect(contentHash(second[0])).not.toBe(contentHash(first[0]));
      if (verdict === 'counted') {
        expect([s.readings.length, s.conflicts.length, codes]).toEqual([2, 0, []]);
        expect(totalOf(s.readings)).toBe(totalOf(first) + totalOf(second));
      } else {
        expect([s.readings.length, s.conflicts.length, codes]).toEqual([0, 1, ['SOURCE_CONFLICT']]);
        expect(s.conflicts[0]).toMatchObject({ formId: 'I.2', unitName: 'Thôn A', sector: 'Giao thông' });
      }
    }
  });

  it('never raises the plan total by adding copies of inputs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(communeArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), async (c, picks) => {
        const wb = await communeWorkbook(c);
        const { readings } = await readWorkbook(wb, { file: 'xa.xlsx' });
        if (readings.length === 0) return;
        // Copies arrive under other file names, some with their sheet renamed.
        const copies = picks.map((p, i) => {
          const r = readings[p % readings.length];
          return { ...r, file: `ban-sao-${i}.xlsx`, ...(i % 2 === 1 ? { sheet: `Sheet${i}` } : {}) };
        });
        const alone = await consolidateCommune(new MemoryWorkbook(), readings);
        const withCopies = await consolidateCommune(new MemoryWorkbook(), [...readings, ...copies]);
        expect(withCopies.plan.reconciliation.read).toEqual(alone.plan.reconciliation.read);
        expect(withCopies.plan.reconciliation.written).toEqual(alone.plan.reconciliation.written);
      }),
      { numRuns: 10, seed: 20270901 },
    );
  });
});

describe('the saved state never overrides the content', () => {
  async function villageWorkbook(sheetForms: Record<string, unknown>, sheet = 'Thôn A - I.2'): Promise<MemoryWorkbook> {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD, SEEDS], [], sheet);
    await wb.writeState({ sheetForms: sheetForms as never });
    return wb;
  }

  it('reads a sheet by its content when the state names another form, and says so', async () => {
    const r = await readWorkbook(await villageWorkbook({ 'Thôn A - I.2': 'II.6.B' }));
    expect(r.readings.map((x) => x.formId)).toEqual(['I.2']);
    expect(r.readings[0].activities).toHaveLength(2);
    expect(r.findings.map((f) => f.code)).toContain('STATE_FORM_MISMATCH');
  });

  it('ignores an unknown form id and a sheet named like an Object property, without aborting', async () => {
    const unknown = await readWorkbook(await villageWorkbook({ 'Thôn A - I.2': 'X.9' }));
    expect(unknown.readings[0].activities).toHaveLength(2);
    expect(unknown.findings.map((f) => f.code)).toContain('STATE_FORM_UNKNOWN');
    const constructorSheet = await readWorkbook(await villageWorkbook({}, 'constructor'));
    expect(constructorSheet.readings.map((x) => x.formId)).toEqual(['I.2']);
    const proto = await readWorkbook(await villageWorkbook({ toString: 'I.2' }, 'toString'));
    expect(proto.readings[0].activities).toHaveLength(2);
  });

  it('reads hidden sheets that hold forms, and reports them', async () => {
    const wb = await villageWorkbook({});
    wb.setHidden('Thôn A - I.2', true);
    const r = await readWorkbook(wb);
    expect(r.readings[0].activities).toHaveLength(2);
    expect(r.findings.find((f) => f.code === 'SHEET_HIDDEN_READ')?.message).toContain('đang bị ẩn');
  });
});

describe('a damaged plan state', () => {
  it('is reported and rebuilt from the sheets: the commune keeps its name', async () => {
    const wb = XlsxWorkbook.create();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD]);
    await consolidateCommune(wb, undefined, { communeName: 'Xã Tân Lập', planYear: 2027 });
    // Someone edited the very hidden state sheet by hand (or a sync cut it short).
    const state = wb.workbook.worksheets.find((w) => w.name === '_lkh');
    if (!state) throw new Error('no state sheet');
    state.getCell('A2').value = '{"unitName":"Xã Tân';
    const again = XlsxWorkbook.load(await wb.save());
    const r = await consolidateCommune(await again);
    const damaged = r.findings.find((f) => f.code === 'STATE_DAMAGED');
    expect(damaged?.message).toContain('Xã Tân Lập');
    const written = await again;
    expect((await written.readState()).unitName).toBe('Xã Tân Lập');
    const [ii4b] = await written.readSheets(['II.4.B']);
    expect(ii4b.values.flat()).toContain('Xã: Tân Lập');
  });
});

describe("the commune's edits survive in every plan sheet", () => {
  it("keeps II.6.A's Mục tiêu, Cơ chế, Nội dung khác and a row typed there by hand", async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD, SEEDS, MEETING]);
    await consolidateCommune(wb);
    const road = (await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    if (!road) throw new Error('no road in II.6.A');
    await wb.writeValues([
      { sheet: 'II.6.A', row: road.row, col: road.cols.objective, values: [['Đi lại thuận tiện quanh năm']] },
      { sheet: 'II.6.A', row: road.row, col: road.cols.mechanism, values: [['Nhà nước và nhân dân cùng làm']] },
      { sheet: 'II.6.A', row: road.row, col: road.cols.other, values: [['Ưu tiên hộ nghèo góp công']] },
    ]);
    // A row the commune types by hand under the last row of II.6.A's table.
    const last = (await readRows(wb, 'II.6.A')).at(-1) ?? road;
    await wb.writeValues([
      { sheet: 'II.6.A', row: last.row + 1, col: road.cols.activity, values: [['Lắp đèn chiếu sáng đường thôn']] },
      { sheet: 'II.6.A', row: last.row + 1, col: road.cols.unit, values: [['bộ']] },
      { sheet: 'II.6.A', row: last.row + 1, col: road.cols.total, values: [[30_000]] },
      { sheet: 'II.6.A', row: last.row + 1, col: road.cols.budget, values: [[30_000]] },
      { sheet: 'II.6.A', row: last.row + 1, col: road.cols.fundSource, values: [['Ngân sách tỉnh']] },
    ]);
    await consolidateCommune(wb);
    const again = (await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    expect(again?.activity.objective).toBe('Đi lại thuận tiện quanh năm');
    expect(again?.activity.mechanism).toBe('Nhà nước và nhân dân cùng làm');
    expect(again?.activity.other).toBe('Ưu tiên hộ nghèo góp công');
    // The edit reached II.4.B too, and survives a third run (II.4.B and II.6.A now agree).
    const in4b = (await readRows(wb, 'II.4.B')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    expect(in4b?.activity.objective).toBe('Đi lại thuận tiện quanh năm');
    const [ii6a] = await wb.readSheets(['II.6.A']);
    const typed = ii6a.values.filter((line) => line.includes('Lắp đèn chiếu sáng đường thôn'));
    expect(typed).toHaveLength(1);
    await consolidateCommune(wb);
    const [third] = await wb.readSheets(['II.6.A']);
    expect(third.values.filter((line) => line.includes('Lắp đèn chiếu sáng đường thôn'))).toHaveLength(1);
    expect((await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'))?.activity.mechanism).toBe('Nhà nước và nhân dân cùng làm');
  });

  it('keeps an edit typed in II.4.B even though II.6.A still shows the old text', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD]);
    await consolidateCommune(wb);
    const road = (await readRows(wb, 'II.4.B')).find((r) => r.activity.activity.startsWith('Bê tông hóa'));
    if (!road) throw new Error('no road in II.4.B');
    await wb.writeValues([{ sheet: 'II.4.B', row: road.row, col: road.cols.mechanism, values: [['Dân góp công, xã hỗ trợ vật liệu']] }]);
    await consolidateCommune(wb);
    expect((await readRows(wb, 'II.6.A')).find((r) => r.activity.activity.startsWith('Bê tông hóa'))?.activity.mechanism).toBe('Dân góp công, xã hỗ trợ vật liệu');
  });
});

describe('what Excel shows is what was reconciled', () => {
  it('writes a row given only its Tổng số as a number, not a formula that recalculates to 0', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [ROAD, { activity: 'Sửa chữa nhà văn hóa thôn', unit: 'cái', quantity: 1, total: 50_000 }]);
    // The village typed only the total: clear the parts the helper wrote.
    const r = await readWorkbook(wb);
    const hall = r.readings[0].activities.find((a) => a.activity.startsWith('Sửa chữa'));
    if (!hall) throw new Error('no hall');
    for (const k of ['contribution', 'support'] as const) {
      const at = parseA1(hall.source.cells[k] ?? '');
      await wb.writeValues([{ sheet: 'Thôn A - I.2', row: at.row, col: at.col, values: [[null]] }]);
    }
    const result = await consolidateCommune(wb);
    expect(result.plan.reconciliation.read.amount).toBe(550_000);
    const row = (await readRows(wb, 'II.4.B')).find((x) => x.activity.activity.startsWith('Sửa chữa'));
    if (!row) throw new Error('no hall in II.4.B');
    const [ii4b] = await wb.readSheets(['II.4.B']);
    const i = row.row - ii4b.top;
    const j = row.cols.total - ii4b.left;
    expect(ii4b.values[i][j]).toBe(50_000);
    expect(ii4b.formulas?.[i]?.[j] ?? null).toBeNull();
    // A row whose parts add up keeps its formula, with its cached value.
    const roadRow = (await readRows(wb, 'II.4.B')).find((x) => x.activity.activity.startsWith('Bê tông hóa'));
    if (!roadRow) throw new Error('no road');
    expect(ii4b.formulas?.[roadRow.row - ii4b.top]?.[roadRow.cols.total - ii4b.left]).toMatch(/^[A-Z]+\d+(\+[A-Z]+\d+)+$/);
    expect(ii4b.values[roadRow.row - ii4b.top][roadRow.cols.total - ii4b.left]).toBe(500_000);
  });
});
