/**
 * Each commune's feedback made from the feedback table alone (feedback-views.ts): the communes the
 * table holds with the level above and the plan year the workbook remembers, the printable view of
 * a chosen commune and the choice remembered beside the rest of the state, what is said when the
 * table or the commune is missing, and one sheet per commune for the files sent back.
 */
import { MemoryWorkbook } from '../../src/port/memory';
import type { CellValue, DocumentState } from '../../src/port/types';
import { FEEDBACK_TABLE, FEEDBACK_VIEW, feedbackFileLayouts, feedbackOfCommunes, rollUpCommunes, writeFeedbackView } from '../../src/workflow/upper-level';
import { commune } from './fixtures/packages';

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A province's roll-up of `n` communes of three activities each (one in II.6.A, two in II.6.B). */
async function rolledUp(n: number, state: DocumentState = {}): Promise<MemoryWorkbook> {
  const target = MemoryWorkbook.fromArrays({}, { state });
  const sources = [];
  for (let i = 1; i <= n; i++) sources.push(await commune(i, 3));
  await rollUpCommunes(sources, target, { upperLevel: 'Tỉnh Lào Cai', today: '2026-11-09' });
  return target;
}

async function firstColumn(wb: MemoryWorkbook, sheet: string): Promise<string[]> {
  const [d] = await wb.readSheets([sheet]);
  return d.values.map((r) => r.map(text).find((t) => t !== '') ?? '');
}

describe('the communes of the feedback table', () => {
  it('none without the table: the level above as remembered (trimmed), else "Huyện"; no plan year', async () => {
    expect(await feedbackOfCommunes(MemoryWorkbook.fromArrays({}, { state: { upperLevelName: '  Tỉnh Hà Giang ', planYear: 2027 } }))).toEqual({ upperLevel: 'Tỉnh Hà Giang', communes: [] });
    expect(await feedbackOfCommunes(MemoryWorkbook.fromArrays({}, { state: { upperLevelName: '   ' } }))).toEqual({ upperLevel: 'Huyện', communes: [] });
    expect(await feedbackOfCommunes(MemoryWorkbook.fromArrays({}))).toEqual({ upperLevel: 'Huyện', communes: [] });
  });

  it("every commune in the table's order, each with its activities, and the workbook's plan year", async () => {
    const target = await rolledUp(2);
    const all = await feedbackOfCommunes(target);
    expect([all.upperLevel, all.planYear]).toEqual(['Tỉnh Lào Cai', 2027]);
    expect(all.communes.map((c) => [c.commune, c.lines.length, c.lines.map((l) => l.verdict)])).toEqual([
      ['Xã Số 001', 3, ['pending', 'pending', 'pending']],
      ['Xã Số 002', 3, ['pending', 'pending', 'pending']],
    ]);
    // A workbook without a plan year: none given.
    const s = await target.readState();
    await target.writeState({ ...s, planYear: undefined });
    expect(await feedbackOfCommunes(target)).not.toHaveProperty('planYear');
  });
});

describe('the printable feedback of one commune', () => {
  it("rebuilds the view for the commune asked, however spelled, and remembers it beside the rest of the state", async () => {
    const target = await rolledUp(2, { extra: { ghiChu: 'của tỉnh' } });
    const before = await target.readState();
    expect(await writeFeedbackView(target, 'số 002')).toEqual({ commune: 'Xã Số 002', activities: 3 });
    const lines = await firstColumn(target, FEEDBACK_VIEW);
    expect(lines).toContain('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(lines).toContain('Kính gửi: Ủy ban nhân dân Xã Số 002');
    expect(lines.some((l) => l.startsWith('Sau khi tổng hợp và thẩm định các hoạt động xã đề xuất trong Biểu II.6.A và II.6.B năm 2027, Tỉnh Lào Cai phản hồi như sau'))).toBe(true);
    expect(lines).toContain('Đồng ý: 0 hoạt động; chưa tiếp thu: 0; đang chờ ý kiến: 3.');
    const after = await target.readState();
    expect(after.extra?.ghiChu).toBe('của tỉnh');
    expect(after.extra?.upper).toEqual({ ...(before.extra?.upper as object), feedbackCommune: 'Xã Số 002' });
    // One view only, no copy left beside it.
    expect((await target.listSheets()).filter((n) => n.startsWith(FEEDBACK_VIEW))).toEqual([FEEDBACK_VIEW]);
  });

  it('remembers the choice even when the memory of the roll-up is damaged', async () => {
    for (const damaged of [null, ['Xã Số 001'], 'Xã Số 001']) {
      const target = await rolledUp(1);
      const s = await target.readState();
      await target.writeState({ ...s, extra: { ...s.extra, upper: damaged } });
      await writeFeedbackView(target, 'Xã Số 001');
      expect((await target.readState()).extra?.upper).toEqual({ feedbackCommune: 'Xã Số 001' });
    }
    // No state at all.
    const bare = await rolledUp(1);
    await bare.writeState({});
    await writeFeedbackView(bare, 'Xã Số 001');
    expect((await bare.readState()).extra).toEqual({ upper: { feedbackCommune: 'Xã Số 001' } });
  });

  it('says what is missing: the table, or the commune (with three of the communes it has)', async () => {
    await expect(writeFeedbackView(MemoryWorkbook.fromArrays({}), 'Xã Số 001')).rejects.toThrow(`Chưa có bảng "${FEEDBACK_TABLE}": hãy tổng hợp các xã trước.`);
    const target = await rolledUp(4);
    await expect(writeFeedbackView(target, 'Xã Số 009')).rejects.toThrow(`Không có "Xã Số 009" trong bảng "${FEEDBACK_TABLE}" (có 4 xã, ví dụ Xã Số 001, Xã Số 002, Xã Số 003).`);
  });
});

describe('the files sent back', () => {
  it('one sheet per commune, named after it, each with its own letter', async () => {
    const target = await rolledUp(2);
    const files = await feedbackFileLayouts(target);
    expect(files.map((l) => l.name)).toEqual(['Phản hồi - Xã Số 001', 'Phản hồi - Xã Số 002']);
    for (const [i, l] of files.entries()) {
      const wb = MemoryWorkbook.fromArrays({});
      await wb.createSheet(l);
      const lines = await firstColumn(wb, l.name);
      expect(lines).toContain(`Kính gửi: Ủy ban nhân dân Xã Số 00${i + 1}`);
      expect(lines.some((x) => x.includes('năm 2027, Tỉnh Lào Cai phản hồi'))).toBe(true);
    }
    expect(await feedbackFileLayouts(MemoryWorkbook.fromArrays({}))).toEqual([]);
  });
});
