/**
 * The saved state is checked against its schema when read (issue 23): a state whose fields have
 * the wrong type, that nests too deep or is too large is refused with a Vietnamese reason naming
 * the field, by every port (port/state.ts through stateFromJson), and `lkh consolidate` reports it
 * and rebuilds the state from the sheets instead of stopping with "unitName?.trim is not a function".
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentState } from '../../src/port/types';
import { MemoryWorkbook, PortError } from '../../src/port/memory';
import { STATE_MAX_CHARS, STATE_MAX_DEPTH, checkState, parseState, stateProblems } from '../../src/port';
import { simpleLayout } from '../../src/layout/simple';
import { openForReading } from '../../src/xlsx/read-input';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from '../cli/run';

const nested = (depth: number): unknown => {
  let v: unknown = 'đáy';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};

describe('checkState', () => {
  const sound = { planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai', sheetForms: { 'Thôn A': 'I.2' }, extra: { ticks: [1, 2] } };

  it('accepts a sound state and keeps fields it does not know', () => {
    const state = { ...sound, later: { x: 1 } };
    expect(checkState(state)).toEqual({ ok: true, state, dropped: [] });
  });

  it.each([
    ['tên xã / đơn vị là 12345, không phải chữ', { unitName: 12345 }],
    ['tên cấp trên là một danh sách, không phải chữ', { upperLevelName: ['Huyện'] }],
    ['tên xã / đơn vị dài 1.001 ký tự, quá 1.000', { unitName: 'x'.repeat(1001) }],
    ['năm kế hoạch là "2027", không phải một năm', { planYear: '2027' }],
    ['năm kế hoạch là 2027.5, không phải một năm', { planYear: 2027.5 }],
    ['cấp lập kế hoạch là "commune", không phải thôn, xã, huyện hay tỉnh', { level: 'commune' }],
    ['cấp lập kế hoạch là "toString", không phải thôn, xã, huyện hay tỉnh', { level: 'toString' }],
    ['giai đoạn chương trình là "1999", không phải 2016-2020, 2021-2025, 2026-2030', { period: '1999' }],
    ['danh sách trang và biểu mẫu là "I.2", không phải một bộ trang → biểu', { sheetForms: 'I.2' }],
    ['dữ liệu khác của quy trình là một danh sách, không phải một đối tượng', { extra: [] }],
  ])('drops the field and keeps the rest when %s', (reason, damage) => {
    const [key] = Object.keys(damage);
    const kept = Object.fromEntries(Object.entries(sound).filter(([k]) => k !== key));
    expect(checkState({ ...sound, ...damage })).toEqual({ ok: true, state: kept, dropped: [reason] });
  });

  it('drops a sheetForms entry that is not text, and keeps one naming an unknown form for the reader to report', () => {
    expect(checkState({ sheetForms: { 'Thôn A': 'I.2', 'Thôn B': 12, 'Thôn C': 'X.9' } })).toEqual({
      ok: true,
      state: { sheetForms: { 'Thôn A': 'I.2', 'Thôn C': 'X.9' } },
      dropped: ['trang "Thôn B" ghi biểu mẫu 12, không phải mã biểu mẫu'],
    });
  });

  it.each([
    ['là một danh sách, không phải một bộ trạng thái', []],
    ['là rỗng, không phải một bộ trạng thái', null],
    ['là "x", không phải một bộ trạng thái', 'x'],
  ])('refuses a state that %s', (reason, state) => {
    expect(checkState(state)).toEqual({ ok: false, reason });
  });

  it(`drops a field nesting deeper than ${STATE_MAX_DEPTH} levels, at the boundary and at 100,000 levels, without recursion`, () => {
    // The state itself is the first level, extra the second: 63 objects from extra down reach the bound.
    expect(checkState({ extra: nested(STATE_MAX_DEPTH - 1) })).toMatchObject({ ok: true, dropped: [] });
    const reason = `lồng nhau sâu hơn ${STATE_MAX_DEPTH} tầng`;
    expect(checkState({ unitName: 'Xã Tân Lập', extra: nested(STATE_MAX_DEPTH) })).toEqual({ ok: true, state: { unitName: 'Xã Tân Lập' }, dropped: [reason] });
    const deep = `{"unitName":"Xã Tân Lập","later":${'{"v":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(parseState(deep)).toEqual({ ok: true, state: { unitName: 'Xã Tân Lập' }, dropped: [reason] });
  });

  it('refuses JSON longer than the bound before parsing it, and JSON that does not parse', () => {
    const long = `{"extra":{"x":"${'a'.repeat(STATE_MAX_CHARS)}"}}`;
    expect(parseState(long)).toEqual({ ok: false, reason: `dài ${long.length.toLocaleString('vi-VN')} ký tự, quá ${STATE_MAX_CHARS.toLocaleString('vi-VN')}` });
    expect(parseState('{"unitName":')).toEqual({ ok: false, reason: 'không đọc được JSON' });
  });
});

describe('every port reads a mistyped state without the mistyped field, and says so', () => {
  const bad = { unitName: 12345, planYear: 2027 } as unknown as DocumentState;

  it('MemoryWorkbook, XlsxWorkbook and the fast reader alike', async () => {
    const memory = new MemoryWorkbook();
    await memory.writeState(bad);
    const xlsx = XlsxWorkbook.create();
    await xlsx.createSheet(simpleLayout({ name: 'Trang 1', title: 'Kế hoạch', tables: [] }));
    await xlsx.writeState(bad);
    const bytes = await xlsx.save();
    for (const port of [memory, await XlsxWorkbook.load(bytes), await openForReading(bytes)]) {
      const state = await port.readState();
      expect(state).toEqual({ planYear: 2027 });
      expect(stateProblems(state)).toEqual(['tên xã / đơn vị là 12345, không phải chữ']);
    }
    // A state that is no object at all is refused whole.
    (memory as unknown as { stateJson: string }).stateJson = '[]';
    await expect(memory.readState()).rejects.toThrow(new PortError('STATE_INVALID', 'Trạng thái tài liệu lưu trong sổ làm việc bị hỏng: là một danh sách, không phải một bộ trạng thái'));
  });
});

describe('lkh on a plan whose state is mistyped', () => {
  it.each([
    ['unitName: 12345', { unitName: 12345 }, 'tên xã / đơn vị là 12345, không phải chữ', ' (tên xã "Xã Tân Lập")'],
    ['a deeply nested value', { extra: nested(1000) }, `lồng nhau sâu hơn ${STATE_MAX_DEPTH} tầng`, ''],
  ])('%s: reported in Vietnamese, the state rebuilt, the plan updated', async (_, damage, reason, rebuilt) => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-state-'));
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'ke-hoach.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', plan, '--commune', 'Xã Tân Lập'])).code).toBeLessThanOrEqual(1);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)));
    const sound = await wb.readState();
    await wb.writeState({ ...sound, ...damage } as unknown as DocumentState);
    writeFileSync(plan, await wb.save());

    const r = await run(['consolidate', ...inputs, '--out', plan, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBeLessThanOrEqual(1);
    const doc = JSON.parse(r.out) as { findings: { code: string; message: string }[] };
    const damaged = doc.findings.filter((f) => f.code === 'STATE_DAMAGED');
    expect(damaged.map((f) => f.message)).toEqual([`Trạng thái LKH lưu trong tệp bị hỏng (Trạng thái tài liệu lưu trong sổ làm việc có chỗ sai, đã bỏ: ${reason}); đã dựng lại từ các trang tính${rebuilt}.`]);
    const after = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)))).readState();
    expect(after.unitName).toBe('Xã Tân Lập');
    expect(after.planYear).toBe(2027);
    // The documents read it too.
    const docs = await run(['document', 'II.7.A', plan, '--out', join(dir, 'II.7.A.docx')]);
    expect(docs.code).toBe(0);
  });

  it('lkh document on a mistyped state drafts from the sheets, without a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-state-'));
    expect((await run(['demo', '--out', join(dir, 'xa')])).code).toBe(0);
    const inputs = readdirSync(join(dir, 'xa')).map((f) => join(dir, 'xa', f));
    const plan = join(dir, 'ke-hoach.xlsx');
    expect((await run(['consolidate', ...inputs, '--out', plan, '--commune', 'Xã Tân Lập'])).code).toBeLessThanOrEqual(1);
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(plan)));
    await wb.writeState({ ...(await wb.readState()), unitName: 12345, upperLevelName: { x: 1 } } as unknown as DocumentState);
    writeFileSync(plan, await wb.save());
    for (const args of [['document', 'all', plan, '--out', join(dir, 'van-ban')], ['catalogue', plan]]) {
      const r = await run(args);
      expect([args[0], r.code, r.err]).toEqual([args[0], 0, '']);
    }
  });
});
