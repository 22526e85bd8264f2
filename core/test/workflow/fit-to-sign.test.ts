/**
 * A plan fit to sign (issue 11), first pieces: the villages' notes reach Cơ chế thực hiện, no
 * doubled village names, the commune's name filled from the III.1 it received.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { getForm } from '../../src/forms/registry';
import { SECTORS } from '../../src/forms/topics';
import { unitAfterLabel, unitFromLabel } from '../../src/text';
import { fundSourceChoices } from '../../src/reference';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildPlan, consolidateCommune, noteParts } from '../../src/workflow/plan';
import { addSourceSheet, demoReadings } from './helpers';

const BANG2 = join(__dirname, '..', 'fixtures', 'corpus', 'bang2-i2.xlsx');

describe('village notes are kept', () => {
  it('splits a Ghi chú into the program (Tên nguồn vốn) and how the work is done (Cơ chế thực hiện)', () => {
    expect(noteParts('CT Nông thôn mới\nDân góp công và tự thi công, xã hỗ trợ kỹ thuật', '2016-2020')).toEqual({ source: 'CT Nông thôn mới', how: 'Dân góp công và tự thi công, xã hỗ trợ kỹ thuật', separators: ['line'] });
    expect(noteParts('Nhà nước trợ giá 50% giá giống lúa mới', '2016-2020')).toEqual({ how: 'Nhà nước trợ giá 50% giá giống lúa mới' });
    expect(noteParts('CT 135', '2026-2030')).toEqual({ source: 'CT 135' });
    expect(noteParts(undefined, '2016-2020')).toEqual({});
  });

  it('Bảng 2 as a village typed it: "Dân góp công và tự thi công, xã hỗ trợ kỹ thuật" reaches Cơ chế thực hiện of II.4.B', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(BANG2)));
    const { readings } = await readWorkbook(wb, { file: 'bang2-i2.xlsx' });
    const plan = buildPlan(readings, undefined, { planYear: 2017 });
    const dam = plan.activities.find((a) => a.activity.startsWith('Sửa chữa đập tạm'));
    expect(dam?.mechanism).toBe('Dân góp công và tự thi công, xã hỗ trợ kỹ thuật');
    expect(dam?.fundSource).toMatch(/Nông thôn mới/);
    const training = plan.activities.find((a) => a.activity.startsWith('Mở lớp tập huấn'));
    expect(training?.mechanism).toBe('Trạm KN hỗ trợ g/viên');
    // And the commune can overwrite it: a re-run keeps what it typed (held by the properties test too).
  });
});

describe('names and headings filled', () => {
  it('does not double a village name the activity already gives', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'I.2', 'Thôn Nà Hin', 'Giao thông', [{ activity: 'Bê tông hóa đường nội thôn Thôn Nà Hin', unit: 'km', quantity: 1, contribution: 10000, support: 90000 }, { activity: 'Làm rãnh thoát nước', unit: 'm', quantity: 100, contribution: 5000 }]);
    const r = await consolidateCommune(wb);
    const names = r.plan.activities.map((a) => a.activity);
    expect(names).toContain('Bê tông hóa đường nội thôn Thôn Nà Hin');
    expect(names).toContain('Làm rãnh thoát nước (Thôn Nà Hin)');
  });
});

describe('unit names after a label that says their kind', () => {
  it('prints "Xã: Tân Lập", not "Xã: Xã Tân Lập", and keeps a kind that differs or would mislead', () => {
    expect(unitAfterLabel('Xã:', 'Xã Tân Lập')).toBe('Tân Lập');
    expect(unitAfterLabel('Thôn:', 'Thôn Nà Hin')).toBe('Nà Hin');
    expect(unitAfterLabel('Thôn:', 'Bản Pác Ngòi')).toBe('Bản Pác Ngòi');
    // "Thôn: Bản Chang" would read back as a bản.
    expect(unitAfterLabel('Thôn:', 'Thôn Bản Chang')).toBe('Thôn Bản Chang');
    expect(unitAfterLabel('Ban/Ngành:', 'Ban Văn hóa')).toBe('Ban Văn hóa');
  });

  it('reads "Thôn: Nà Hin" as typed by a village as Thôn Nà Hin, and our own templates back to their unit', async () => {
    expect(unitFromLabel('Thôn:', 'Nà Hin')).toBe('Thôn Nà Hin');
    expect(unitFromLabel('Thôn:', 'Bản Pác Ngòi')).toBe('Bản Pác Ngòi');
    expect(unitFromLabel('Thôn:', 'Nhiều thôn')).toBe('Nhiều thôn');
    expect(unitFromLabel('Xã:', 'Tân Lập')).toBe('Xã Tân Lập');
    for (const unit of ['Thôn Nà Hin', 'Thôn Bản Chang', 'Bản Pác Ngòi', 'Thôn 3']) {
      const wb = new MemoryWorkbook();
      await wb.createSheet(layoutForm(getForm('I.2'), { unitName: unit, planYear: 2027, sheetName: 'S' }));
      const [r] = (await readWorkbook(wb)).readings;
      expect(r.unitName).toBe(unit);
    }
  });
});

describe('the commune named on every sheet', () => {
  it('takes the commune from the III.1 it received when nobody typed it', async () => {
    const readings = await demoReadings();
    const target = new MemoryWorkbook();
    const r = await consolidateCommune(target, readings);
    expect(r.plan.communeName).toBe('Xã Tân Lập');
    const [ii4b] = await target.readSheets(['II.4.B']);
    expect(ii4b.values.flat()).toContain('Xã: Tân Lập');
    expect((await target.readState()).unitName).toBe('Xã Tân Lập');
  });
});

describe('print like the form', () => {
  it('repeats a table header on every page, but never over pages of prose (II.7.A, II.7.B)', () => {
    expect(layoutForm(getForm('II.6.A')).print.repeatRows).toBeDefined();
    expect(layoutForm(getForm('II.4.B')).print.repeatRows).toBeDefined();
    expect(layoutForm(getForm('II.7.A')).print.repeatRows).toBeUndefined();
    expect(layoutForm(getForm('II.7.B')).print.repeatRows).toBeUndefined();
  });

  it('freezes the panes under the header of a sheet whose table comes first, never over another table', () => {
    for (const id of ['II.4.B', 'II.6.A', 'II.6.B', 'II.4.A', 'I.1', 'II.8'] as const) {
      const l = layoutForm(getForm(id));
      const main = l.tables[0];
      expect([id, l.freeze]).toEqual([id, { rows: main.bodyRow, cols: 0 }]);
    }
    // I.2 and II.3 list strengths and difficulties above the activities: nothing frozen.
    expect(layoutForm(getForm('I.2')).freeze).toBeUndefined();
    expect(layoutForm(getForm('II.3')).freeze).toBeUndefined();
  });

  it('sets "Nơi nhận:" beside the signer, as the handbook sets II.10 and the directive of II.2', () => {
    for (const [id, signer] of [
      ['II.10', 'CHỦ TỊCH'],
      ['II.2', 'TM. ỦY BAN NHÂN DÂN XÃ\nCHỦ TỊCH'],
    ] as const) {
      const l = layoutForm(getForm(id));
      const recipients = l.cells.find((c) => c.value === 'Nơi nhận:');
      const sign = l.cells.find((c) => c.value === signer);
      expect(recipients && sign).toBeTruthy();
      if (!recipients || !sign) continue;
      expect(sign.row).toBe(recipients.row);
      expect(recipients.col).toBe(0);
      expect(sign.col).toBeGreaterThan(0);
      expect(l.cells.find((c) => c.row === recipients.row + 1 && c.col === 0)?.value).toBe('- Như trên;');
      expect(l.cells.find((c) => c.value === '- Lưu: VT.' || c.value === '- Lưu: VP; VT ( ).')?.col).toBe(0);
    }
  });
});

describe('II.4.A as the handbook builds it', () => {
  it('writes a difficulty several units state once, with every unit, keeping only what each adds', async () => {
    const wb = new MemoryWorkbook();
    const road = { activity: 'Làm rãnh thoát nước', unit: 'm', quantity: 100, contribution: 5000 };
    await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn lầy lội mùa mưa', cause: 'Đường đất, chưa được cứng hóa', solution: 'Bê tông hóa đường nội thôn' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn lầy lội mùa mưa.', cause: 'Đường đất, chưa được cứng hóa', solution: 'Vận động nhân dân hiến đất mở rộng đường' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Giao thông', [road], [{ difficulty: 'ĐƯỜNG NỘI THÔN  LẦY LỘI MÙA MƯA', cause: 'Thiếu kinh phí duy tu', solution: 'Bê tông hóa đường nội thôn' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [road], [{ difficulty: 'Thiếu nước tưới vụ đông', cause: 'Mương đất bị sạt lở', solution: 'Kiên cố hóa mương' }]);
    const r = await consolidateCommune(wb);
    const roads = r.plan.situations.filter((s) => s.difficulty.startsWith('Đường nội thôn'));
    expect(roads).toHaveLength(1);
    expect(roads[0].difficulty).toBe('Đường nội thôn lầy lội mùa mưa (Hội Nông dân xã, Thôn A, B)');
    expect(roads[0].causes).toEqual(['Đường đất, chưa được cứng hóa', 'Thiếu kinh phí duy tu (Thôn B)']);
    expect(roads[0].solutions).toEqual(['Bê tông hóa đường nội thôn', 'Vận động nhân dân hiến đất mở rộng đường (Thôn A)']);
    expect(r.plan.situations.find((s) => s.difficulty.startsWith('Thiếu nước tưới'))?.difficulty).toBe('Thiếu nước tưới vụ đông (Thôn C)');
    // The commune's objective typed on the grouped row survives a re-run.
    const [ii4a] = await wb.readSheets(['II.4.A']);
    const i = ii4a.values.findIndex((line) => line.some((v) => typeof v === 'string' && v.startsWith('Đường nội thôn lầy lội')));
    const header = ii4a.values.findIndex((line) => line.includes('Mục tiêu'));
    const col = ii4a.values[header].indexOf('Mục tiêu');
    await wb.writeValues([{ sheet: 'II.4.A', row: ii4a.top + i, col: ii4a.left + col, values: [['100% đường nội thôn được cứng hóa']] }]);
    const again = await consolidateCommune(wb);
    expect(again.plan.situations.find((s) => s.difficulty.startsWith('Đường nội thôn'))?.objective).toBe('100% đường nội thôn được cứng hóa');
  });

  it('offers near-identical difficulties to merge in the report, and merges them once the commune marks x', async () => {
    const wb = new MemoryWorkbook();
    const road = { activity: 'Làm rãnh thoát nước', unit: 'm', quantity: 100, contribution: 5000 };
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn lầy lội mùa mưa', cause: 'Đường đất', solution: 'Bê tông hóa đường' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn bị lầy lội vào mùa mưa', cause: 'Thiếu kinh phí', solution: 'Bê tông hóa đường' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn C', 'Giao thông', [road], [{ difficulty: 'Thiếu nước tưới vụ đông', cause: 'Mương đất', solution: 'Kiên cố hóa mương' }]);
    const first = await consolidateCommune(wb);
    // Not merged unasked: two rows, one suggestion naming both.
    expect(first.plan.situations.filter((s) => s.difficulty.includes('lầy lội'))).toHaveLength(2);
    expect(first.plan.situationSuggestions?.map((s) => s.difficulties)).toEqual([['Đường nội thôn lầy lội mùa mưa (Thôn A)', 'Đường nội thôn bị lầy lội vào mùa mưa (Thôn B)']]);
    const [report] = await wb.readSheets(['Báo cáo tổng hợp']);
    const header = report.values.findIndex((r) => r.some((v) => typeof v === 'string' && v.startsWith('Các khó khăn')));
    expect(header).toBeGreaterThan(0);
    const accept = report.values[header].indexOf('Đồng ý gộp (ghi x)');
    await wb.writeValues([{ sheet: 'Báo cáo tổng hợp', row: report.top + header + 1, col: report.left + accept, values: [['x']] }]);
    for (let run = 0; run < 2; run++) {
      const merged = await consolidateCommune(wb);
      const roads = merged.plan.situations.filter((s) => s.difficulty.includes('lầy lội'));
      expect(roads.map((s) => s.difficulty)).toEqual(['Đường nội thôn lầy lội mùa mưa (Thôn A, B)']);
      expect(roads[0].causes).toEqual(['Đường đất', 'Thiếu kinh phí (Thôn B)']);
      expect(merged.plan.situationSuggestions?.map((s) => s.accepted)).toEqual([true]);
    }
  });

  it('keeps the commune’s rewording of a grouped row run after run; an emptied cell gets the units’ text back', async () => {
    const wb = new MemoryWorkbook();
    const road = { activity: 'Làm rãnh thoát nước', unit: 'm', quantity: 100, contribution: 5000 };
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn lầy lội mùa mưa', cause: 'Đường đất', solution: 'Bê tông hóa đường nội thôn' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn B', 'Giao thông', [road], [{ difficulty: 'Đường nội thôn lầy lội mùa mưa', cause: 'Thiếu kinh phí duy tu', solution: 'Bê tông hóa đường nội thôn' }]);
    await consolidateCommune(wb);
    const cellOf = async (startsWith: string, header: string) => {
      const [d] = await wb.readSheets(['II.4.A']);
      const i = d.values.findIndex((line) => line.some((v) => typeof v === 'string' && v.startsWith(startsWith)));
      const h = d.values.findIndex((line) => line.includes(header));
      return { row: d.top + i, col: d.left + d.values[h].indexOf(header), value: d.values[i]?.[d.values[h].indexOf(header)] };
    };
    expect((await cellOf('Đường nội thôn', 'Nguyên nhân')).value).toBe('- Đường đất\n- Thiếu kinh phí duy tu (Thôn B)');
    // The commune rewrites the difficulty and the causes of the grouped row.
    const d = await cellOf('Đường nội thôn', 'Khó khăn');
    const c = await cellOf('Đường nội thôn', 'Nguyên nhân');
    await wb.writeValues([
      { sheet: 'II.4.A', row: d.row, col: d.col, values: [['Đường nội thôn Thôn A, B lầy lội, xe không vào được mùa mưa']] },
      { sheet: 'II.4.A', row: c.row, col: c.col, values: [['- Đường đất, dốc\n- Thiếu kinh phí duy tu']] },
    ]);
    for (let run = 0; run < 2; run++) {
      const again = await consolidateCommune(wb);
      const row = again.plan.situations.find((s) => s.difficulty.startsWith('Đường nội thôn'));
      expect(row?.difficulty).toBe('Đường nội thôn Thôn A, B lầy lội, xe không vào được mùa mưa');
      expect(row?.causes).toEqual(['Đường đất, dốc', 'Thiếu kinh phí duy tu']);
      // What the commune did not touch still comes from the units.
      expect(row?.solutions).toEqual(['Bê tông hóa đường nội thôn']);
      expect((await cellOf('Đường nội thôn', 'Nguyên nhân')).value).toBe('- Đường đất, dốc\n- Thiếu kinh phí duy tu');
    }
    // Emptied: the units' causes come back rather than vanish unseen.
    const c2 = await cellOf('Đường nội thôn', 'Nguyên nhân');
    await wb.writeValues([{ sheet: 'II.4.A', row: c2.row, col: c2.col, values: [[null]] }]);
    const last = await consolidateCommune(wb);
    expect(last.plan.situations.find((s) => s.difficulty.startsWith('Đường nội thôn'))?.causes).toEqual(['Đường đất', 'Thiếu kinh phí duy tu (Thôn B)']);
  });
});

describe('merge suggestions a commune can accept blindly', () => {
  it('never joins works of different villages, nor funded with unfunded rows; accepting all hides no overrun', async () => {
    const readings = await demoReadings();
    const before = await consolidateCommune(new MemoryWorkbook(), readings);
    for (const m of before.plan.suggestions) {
      const rows = before.plan.activities.filter((a) => m.keys.includes(a.key));
      expect(new Set(rows.map((r) => r.budget > 0)).size).toBeLessThanOrEqual(1);
      expect(rows.some((r) => /bê tông|kênh|mương|nhà văn hóa|cầu/i.test(r.activity))).toBe(false);
    }
    const after = await consolidateCommune(new MemoryWorkbook(), readings, { acceptMerges: 'all' });
    const sum = (xs: readonly { budget: number }[]) => xs.reduce((n, x) => n + x.budget, 0);
    expect(sum(after.written.ii6a)).toBe(sum(before.written.ii6a));
    expect(after.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION').map((f) => f.message)).toEqual(before.findings.filter((f) => f.code === 'BUDGET_OVER_ALLOCATION').map((f) => f.message));
    expect(after.written.ii6a.length).toBeGreaterThan(before.written.ii6a.length / 2);
  });

  it('flags a village activity a department already plans for the whole commune, without summing it', async () => {
    const wb = new MemoryWorkbook();
    await addSourceSheet(wb, 'II.3', 'Trạm Y tế xã', 'Y tế', [{ activity: 'Tập huấn phòng chống dịch bệnh cho người dân', unit: 'lớp', quantity: 2, place: 'Toàn xã', contribution: 0, support: 6000, note: 'CTMTQG' }]);
    await addSourceSheet(wb, 'I.2', 'Thôn A', 'Y tế', [{ activity: 'Tập huấn phòng chống dịch bệnh cho người dân', unit: 'lớp', quantity: 1, contribution: 0, support: 3000, note: 'CTMTQG' }]);
    const r = await consolidateCommune(wb);
    expect(r.plan.suggestions).toEqual([]);
    expect(r.findings.find((f) => f.code === 'ACTIVITY_MAYBE_COVERED')?.message).toContain('Trạm Y tế xã');
  });
});

describe('totals that add up', () => {
  it('gives II.4.B, II.6.A and II.6.B subtotals and a grand total as SUM formulas whose cached values are the plan’s', async () => {
    const readings = await demoReadings();
    const target = new MemoryWorkbook();
    const r = await consolidateCommune(target, readings);
    const grand = async (sheet: string, label: string) => {
      const [d] = await target.readSheets([sheet]);
      const i = d.values.findIndex((line) => line.includes(label));
      expect(i).toBeGreaterThan(0);
      const header = d.values.findIndex((line) => line.includes('Tổng số'));
      const j = d.values[header].indexOf('Tổng số');
      return { value: d.values[i][j], formula: d.formulas?.[i]?.[j] ?? null };
    };
    const ii4b = await grand('II.4.B', 'Tổng cộng (A+B)');
    expect(ii4b.value).toBe(r.plan.reconciliation.written.amount);
    expect(ii4b.formula).toMatch(/^SUM\(/);
    const ii6a = await grand('II.6.A', 'Tổng cộng (A+B)');
    expect(ii6a.value).toBe(r.written.ii6a.reduce((n, a) => n + a.total, 0));
    const ii6b = await grand('II.6.B', 'Tổng cộng');
    expect(ii6b.value).toBe(r.written.ii6b.reduce((n, a) => n + a.total, 0));
    // Read back, the total rows are no activities: a re-run finds the same plan.
    const again = await consolidateCommune(target, readings);
    expect(again.plan.reconciliation).toEqual(r.plan.reconciliation);
    expect(again.findings.map((f) => f.code)).not.toContain('TOTAL_ROW_SKIPPED');
  });
});

describe('input help where the form has choices', () => {
  it('offers Có/Không on yes/no indicators, accepts a negative growth rate, and reads "Có" as an answer', async () => {
    const layout = layoutForm(getForm('I.1'), { sheetName: 'I.1' });
    const rowOf = (label: string) => layout.cells.find((c) => c.value === label)?.row;
    const valueCol = layout.cells.find((c) => c.value === 'Số liệu')?.col;
    const at = (label: string) => layout.validations.find((v) => v.col === valueCol && rowOf(label) !== undefined && v.row <= (rowOf(label) as number) && (rowOf(label) as number) < v.row + v.rows);
    expect(at('Thôn có sử dụng mạng lưới điện quốc gia')).toMatchObject({ kind: 'list', values: ['Có', 'Không'] });
    expect(at('Tốc độ tăng dân số tự nhiên')).toMatchObject({ kind: 'decimal' });
    expect((at('Tốc độ tăng dân số tự nhiên') as { min?: number }).min).toBeLessThan(0);
    expect(at('Tổng số hộ')).toMatchObject({ kind: 'decimal', min: 0 });
    const wb = new MemoryWorkbook();
    await wb.createSheet(layout);
    const row = rowOf('Thôn có sử dụng mạng lưới điện quốc gia') as number;
    await wb.writeValues([{ sheet: 'I.1', row, col: valueCol as number, values: [['Có']] }]);
    const r = await readWorkbook(wb);
    expect(r.findings.map((f) => f.code)).not.toContain('NOT_A_NUMBER');
  });
});

describe('drop-downs for Ngành/Lĩnh vực and Tên nguồn vốn', () => {
  it('offers the handbook’s sectors and the plan period’s fund sources in II.4.B/II.6.A/II.6.B, as suggestions that accept other text', async () => {
    const target = new MemoryWorkbook();
    await consolidateCommune(target, await demoReadings());
    for (const name of ['II.4.B', 'II.6.A', 'II.6.B']) {
      const sheet = target.sheet(name);
      const [data] = await target.readSheets([name]);
      const isSource = (v: unknown) => typeof v === 'string' && v.startsWith('Tên nguồn vốn');
      const header = data.values.findIndex((line) => line.some(isSource));
      const sourceCol = data.values[header].findIndex(isSource) + data.left;
      const sectorCol = data.values[header].findIndex((v) => typeof v === 'string' && v.startsWith('Ngành')) + data.left;
      const lists = (col: number) => sheet.validations.filter((v) => v.kind === 'list' && v.col === col);
      expect(lists(sectorCol).length).toBeGreaterThan(0);
      expect(lists(sourceCol).length).toBeGreaterThan(0);
      for (const v of [...lists(sectorCol), ...lists(sourceCol)]) expect(v).toMatchObject({ open: true });
      const first = (col: number) => lists(col)[0] as { values: readonly string[] };
      expect(first(sectorCol).values).toEqual(SECTORS.map((s) => s.name));
      expect(first(sourceCol).values).toEqual(fundSourceChoices('2026-2030'));
      expect(first(sourceCol).values).toContain('CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi');
    }
  });

  it('writes an open list to .xlsx without an error alert, a closed one with it', async () => {
    const wb = XlsxWorkbook.create();
    const layout = layoutForm(getForm('II.4.B'), { sheetName: 'II.4.B', fundSources: fundSourceChoices('2026-2030') });
    await wb.createSheet(layout);
    const bytes = await wb.save();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = x.getWorksheet('II.4.B');
    const models = Object.values((ws as unknown as { dataValidations: { model: Record<string, { type: string; showErrorMessage?: boolean; formulae: unknown[] }> } }).dataValidations.model);
    const lists = models.filter((m) => m.type === 'list');
    // ExcelJS leaves the attribute out when false.
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((m) => m.showErrorMessage !== true)).toBe(true);
    const decimals = models.filter((m) => m.type === 'decimal');
    expect(decimals.every((m) => m.showErrorMessage === true)).toBe(true);
  });
});
