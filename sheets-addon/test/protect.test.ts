/** Protecting a commune's tab, over the SpreadsheetApp fake. */
import { PortError } from '../../core/src/port/memory';
import { LOCK_BUSY_MESSAGE } from '../src/server/lock';
import { protectCommuneSheet } from '../src/server/protect';
import { FakeSpreadsheet } from './fake-spreadsheet';

function setup(): FakeSpreadsheet {
  return FakeSpreadsheet.fromArrays({ 'Xã Đồng Tâm': [['II.6.A']], 'Xã Tân Lập': [['II.6.A']], _lkh_lists: [] });
}

describe('protectCommuneSheet', () => {
  it("lets only the commune's editors (and the district user running it) edit the tab", async () => {
    const ss = setup();
    const result = await protectCommuneSheet(ss, 'xã đồng tâm', { editors: ['xa.dong.tam@example.com'] }, ss.protectDeps());
    const [p] = ss.sheet('Xã Đồng Tâm').protections;
    expect(p.editors.sort()).toEqual(['can.bo.huyen@example.com', 'chu.so@example.com', 'xa.dong.tam@example.com']);
    expect(p.editors).not.toContain('xa.tan.lap@example.com');
    expect(p.canDomainEdit()).toBe(false);
    expect(p.isWarningOnly()).toBe(false);
    expect(p.description).toContain('Xã Đồng Tâm');
    expect(result).toMatchObject({ sheet: 'Xã Đồng Tâm', warningOnly: false, reused: false });
    expect(ss.sheet('Xã Tân Lập').protections).toEqual([]);
    expect(ss.calls.flush).toBe(1);
  });

  it('updates the existing protection instead of adding another', async () => {
    const ss = setup();
    await protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: ['xa.dong.tam@example.com'] }, ss.protectDeps());
    const result = await protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: ['Ke.Toan@Example.com'] }, ss.protectDeps());
    const sheet = ss.sheet('Xã Đồng Tâm');
    expect(sheet.protections).toHaveLength(1);
    expect(sheet.protections[0].editors.sort()).toEqual(['Ke.Toan@Example.com', 'can.bo.huyen@example.com', 'chu.so@example.com']);
    expect(result.reused).toBe(true);
  });

  it('in warning-only mode leaves the tab editable by all, with a warning', async () => {
    const ss = setup();
    const result = await protectCommuneSheet(ss, 'Xã Tân Lập', { editors: [], warningOnly: true }, ss.protectDeps());
    const [p] = ss.sheet('Xã Tân Lập').protections;
    expect(p.isWarningOnly()).toBe(true);
    expect(p.editors).toContain('xa.tan.lap@example.com');
    expect(result.warningOnly).toBe(true);
    // Switching back to strict protection.
    await protectCommuneSheet(ss, 'Xã Tân Lập', { editors: ['xa.tan.lap@example.com'] }, ss.protectDeps());
    expect(p.isWarningOnly()).toBe(false);
    expect(p.editors).not.toContain('xa.dong.tam@example.com');
  });

  it('refuses bad addresses, an empty editor list, unknown and internal sheets', async () => {
    const ss = setup();
    await expect(protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: ['không phải email'] }, ss.protectDeps())).rejects.toThrow(
      'Địa chỉ email không hợp lệ: không phải email.',
    );
    await expect(protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: [] }, ss.protectDeps())).rejects.toThrow('Cần ít nhất một địa chỉ email');
    await expect(protectCommuneSheet(ss, 'Xã Không Có', { editors: ['a@b.vn'] }, ss.protectDeps())).rejects.toBeInstanceOf(PortError);
    await expect(protectCommuneSheet(ss, '_lkh_lists', { editors: ['a@b.vn'] }, ss.protectDeps())).rejects.toThrow('Không có trang tính "_lkh_lists".');
    expect(ss.sheets.every((s) => s.protections.length === 0)).toBe(true);
  });

  it('works when the add-on cannot see the user e-mail', async () => {
    const ss = setup();
    const deps = { ...ss.protectDeps(), effectiveUserEmail: () => '' };
    await protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: ['xa.dong.tam@example.com'] }, deps);
    // The fake keeps the running user, as Sheets does ("neither the owner nor the current user can be removed").
    expect(ss.sheet('Xã Đồng Tâm').protections[0].editors.sort()).toEqual(['can.bo.huyen@example.com', 'chu.so@example.com', 'xa.dong.tam@example.com']);
  });

  it('refuses while another user holds the document lock', async () => {
    const ss = setup();
    ss.locks.holdByAnotherUser();
    await expect(protectCommuneSheet(ss, 'Xã Đồng Tâm', { editors: ['xa.dong.tam@example.com'] }, ss.protectDeps())).rejects.toThrow(LOCK_BUSY_MESSAGE);
    expect(ss.sheet('Xã Đồng Tâm').protections).toEqual([]);
  });
});
