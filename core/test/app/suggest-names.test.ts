/**
 * The commune's and the level above's names offered from the received files when the settings
 * leave them blank (issue 20, item 8): read from a letterhead ("UBND XÃ TÂN LẬP"), III.1's field
 * ("Xã: Tân Lập") or the tab the pane named after its sender ("Tỉnh Lào Cai - III.1"); never saved.
 */
import { createActions } from '../../src/app/actions';
import { suggestNames, unitNamedIn } from '../../src/app/settings';
import { MemoryWorkbook } from '../../src/port/memory';
import { demoFiles } from '../../src/workflow/demo';

/** The demo commune's files as the pane imports them: one tab per sheet, named "<sender> - <sheet>". */
async function received(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const taken = new Set<string>();
  for (const f of demoFiles()) {
    for (const s of f.sheets) {
      let name = `${f.unit} - ${s.layout.name}`.slice(0, 31);
      for (let i = 2; taken.has(name); i++) name = `${name.slice(0, 27)} ${i}`;
      taken.add(name);
      await wb.createSheet({ ...s.layout, name });
    }
  }
  return wb;
}

describe('names offered from the files', () => {
  it('reads a unit from a letterhead, a field or a typed line, and nothing else', () => {
    expect(unitNamedIn('UBND XÃ TÂN LẬP')).toEqual({ kind: 'commune', name: 'Xã Tân Lập' });
    expect(unitNamedIn('Ủy ban nhân dân huyện Bảo Yên')).toEqual({ kind: 'upper', name: 'Huyện Bảo Yên' });
    expect(unitNamedIn('Xã: Tân Lập')).toEqual({ kind: 'commune', name: 'Xã Tân Lập' });
    expect(unitNamedIn('Tỉnh:  Lào Cai.')).toEqual({ kind: 'upper', name: 'Tỉnh Lào Cai' });
    // a sector, a blank field, a sentence are no names
    expect(unitNamedIn('Xã hội - Bình đẳng giới')).toBeUndefined();
    expect(unitNamedIn('Xã: ……………')).toBeUndefined();
    expect(unitNamedIn('Xã: ...........')).toBeUndefined();
    expect(unitNamedIn('UBND xã hỗ trợ xi măng cho các thôn làm đường nội đồng năm sau')).toBeUndefined();
  });

  it('takes the name written most often, and the field in the next cell', () => {
    const sheets = [
      { name: 'Thôn A - I.3', values: [['UBND XÃ TÂN LẬP'], ['Xã: ', '', 'Tân Lập']] },
      { name: 'Thôn B - I.3', values: [['UBND XÃ TÂN LẬP\nBAN PHÁT TRIỂN THÔN B']] },
      { name: 'Lạc - I.3', values: [['UBND XÃ TÂN LẠC']] },
      { name: 'III.1', values: [['UBND TỈNH LÀO CAI'], ['Xã: Tân Lập']] },
    ];
    expect(suggestNames(sheets, { unit: true, upper: true })).toEqual({ unitName: 'Xã Tân Lập', unitFrom: 'trang "Thôn A - I.3": "UBND XÃ TÂN LẬP"', upperLevelName: 'Tỉnh Lào Cai', upperFrom: 'trang "III.1": "UBND TỈNH LÀO CAI"' });
    expect(suggestNames(sheets, { unit: false, upper: true })).toEqual({ upperLevelName: 'Tỉnh Lào Cai', upperFrom: 'trang "III.1": "UBND TỈNH LÀO CAI"' });
    expect(suggestNames([{ name: 'Thôn A - I.2', values: [['Hoạt động'], ['Xã hội hóa xây nhà văn hóa']] }], { unit: true, upper: true })).toEqual({});
  });

  it('offers the demo commune’s names when the settings are blank, and writes nothing', async () => {
    const wb = await received();
    await wb.writeState({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh', planYear: 2027 });
    const actions = createActions(wb);
    const before = JSON.stringify(await wb.readState());
    const s = await actions.suggestNames();
    expect(s).toMatchObject({ unitName: 'Xã Tân Lập', upperLevelName: 'Tỉnh Lào Cai' });
    expect(s.upperFrom).toBe('trang "Tỉnh Lào Cai - III.1"');
    expect(JSON.stringify(await wb.readState())).toBe(before);
    expect((await actions.getSettings()).unitName).toBeUndefined();
  });

  it('offers nothing for names already set', async () => {
    const wb = await received();
    await wb.writeState({ level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Hà Giang', planYear: 2027, unitName: 'Xã Nà Hang' });
    expect(await createActions(wb).suggestNames()).toEqual({});
  });
});
