/**
 * A plan fit to sign (issue 11), first pieces: the villages' notes reach Cơ chế thực hiện, no
 * doubled village names, the commune's name filled from the III.1 it received.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { demoFiles } from '../../src/workflow/demo';
import { buildPlan, consolidateCommune, noteParts } from '../../src/workflow/plan';
import { addSourceSheet } from './helpers';

const BANG2 = join(__dirname, '..', 'fixtures', 'corpus', 'bang2-i2.xlsx');

describe('village notes are kept', () => {
  it('splits a Ghi chú into the program (Tên nguồn vốn) and how the work is done (Cơ chế thực hiện)', () => {
    expect(noteParts('CT Nông thôn mới\nDân góp công và tự thi công, xã hỗ trợ kỹ thuật', '2016-2020')).toEqual({ source: 'CT Nông thôn mới', how: 'Dân góp công và tự thi công, xã hỗ trợ kỹ thuật' });
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

describe('the commune named on every sheet', () => {
  it('takes the commune from the III.1 it received when nobody typed it', async () => {
    const readings = [];
    for (const f of demoFiles()) {
      const wb = new MemoryWorkbook();
      for (const s of f.sheets) await wb.createSheet(s.layout);
      readings.push(...(await readWorkbook(wb, { file: f.name })).readings);
    }
    const target = new MemoryWorkbook();
    const r = await consolidateCommune(target, readings);
    expect(r.plan.communeName).toBe('Xã Tân Lập');
    const [ii4b] = await target.readSheets(['II.4.B']);
    expect(ii4b.values.flat().some((v) => typeof v === 'string' && v.includes('Xã Tân Lập'))).toBe(true);
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
});
