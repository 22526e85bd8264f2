/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

async function openSettings() {
  const c = fakeClient();
  render(<LkhPane client={paneClient(c)} initialTab="settings" />);
  await screen.findByRole('heading', { name: 'Cài đặt của sổ tính' });
  return c;
}

describe('Cài đặt', () => {
  it('shows the workbook settings and saves them with client.saveSettings', async () => {
    const c = await openSettings();
    const year = screen.getByLabelText('Năm kế hoạch') as HTMLInputElement;
    expect(year.value).toBe('2027');
    expect((screen.getByLabelText('Tên xã / đơn vị') as HTMLInputElement).value).toBe('Xã Tân Lập');
    expect((screen.getByLabelText('Cấp lập kế hoạch') as HTMLSelectElement).value).toBe('xa');
    expect(screen.getByRole('option', { name: 'Thôn' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Tỉnh' })).toBeTruthy();
    expect((screen.getByLabelText('Giai đoạn chương trình') as HTMLSelectElement).value).toBe('2021-2025');
    expect(screen.getByText(/Từ 1\/7\/2025 không còn cấp huyện: kế hoạch từ năm 2026 gửi lên tỉnh/u)).toBeTruthy();

    await userEvent.clear(year);
    await userEvent.type(year, '2028');
    await userEvent.selectOptions(screen.getByLabelText('Giai đoạn chương trình'), '2026-2030');
    const upper = screen.getByLabelText('Tên cấp trên');
    await userEvent.clear(upper);
    await userEvent.type(upper, 'Tỉnh Lào Cai');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));

    expect(c.saveSettings).toHaveBeenCalledWith({ planYear: 2028, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    expect(await screen.findByText('Đã lưu cài đặt vào sổ tính.')).toBeTruthy();
    // the year is read again after saving: the next step is never stale
    await waitFor(() => expect(c.checklist.mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('refuses a year that is not a year, without calling the client', async () => {
    const c = await openSettings();
    const year = screen.getByLabelText('Năm kế hoạch');
    await userEvent.clear(year);
    await userEvent.type(year, '27');
    expect(screen.getByText('Năm kế hoạch phải là một năm từ 2000 đến 2100.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Lưu cài đặt' }) as HTMLButtonElement).disabled).toBe(true);
    expect(c.saveSettings).not.toHaveBeenCalled();
  });

  it('shows the client’s error as a sentence', async () => {
    const c = await openSettings();
    c.saveSettings.mockRejectedValueOnce(new Error('Năm kế hoạch 1999 không hợp lệ.'));
    await userEvent.selectOptions(screen.getByLabelText('Cấp lập kế hoạch'), 'huyen');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(c.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ level: 'huyen' }));
    expect(await screen.findByText('Không thực hiện được')).toBeTruthy();
    expect(screen.getByText(/Năm kế hoạch 1999 không hợp lệ\./u)).toBeTruthy();
    expect(screen.queryByText('Đã lưu cài đặt vào sổ tính.')).toBeNull();
  });

  it('offers the names the files give for blank settings, saves them only on the user’s click', async () => {
    const c = fakeClient();
    c.getSettings.mockResolvedValue({ planYear: 2027, level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh' });
    const offered = { unitName: 'Xã Tân Lập', unitFrom: 'trang "Thôn Nà Hin - I.3": "UBND XÃ TÂN LẬP"', upperLevelName: 'Tỉnh Lào Cai', upperFrom: 'trang "Tỉnh Lào Cai - III.1"' };
    const suggestNames = jest.fn(async () => offered);
    render(<LkhPane client={{ ...paneClient(c), suggestNames }} initialTab="settings" />);
    expect(await screen.findByText('Các biểu đã nhận ghi tên:')).toBeTruthy();
    expect(screen.getByText('Tên xã: Xã Tân Lập (trang "Thôn Nà Hin - I.3": "UBND XÃ TÂN LẬP")')).toBeTruthy();
    expect(screen.getByText('Cấp trên: Tỉnh Lào Cai (trang "Tỉnh Lào Cai - III.1")')).toBeTruthy();
    // shown, not saved, the fields still blank
    expect(c.saveSettings).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Tên xã / đơn vị') as HTMLInputElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Dùng các tên này và lưu' }));
    expect(c.saveSettings).toHaveBeenCalledWith({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    expect(await screen.findByText('Đã lưu cài đặt vào sổ tính.')).toBeTruthy();
    expect((screen.getByLabelText('Tên xã / đơn vị') as HTMLInputElement).value).toBe('Xã Tân Lập');
    expect(screen.queryByText('Các biểu đã nhận ghi tên:')).toBeNull();
  });

  it('lets the user ignore the names offered, and asks nothing when the names are set', async () => {
    const c = fakeClient();
    c.getSettings.mockResolvedValue({ planYear: 2027, level: 'xa', period: '2026-2030', upperLevelName: 'Huyện' });
    render(<LkhPane client={{ ...paneClient(c), suggestNames: async () => ({ upperLevelName: 'Huyện Bảo Yên', upperFrom: 'trang "III.1": "UBND HUYỆN BẢO YÊN"' }) }} initialTab="settings" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bỏ qua' }));
    expect(screen.queryByText('Các biểu đã nhận ghi tên:')).toBeNull();
    expect(c.saveSettings).not.toHaveBeenCalled();
  });

  it('does not look for names the settings already hold', async () => {
    const c = fakeClient();
    const suggestNames = jest.fn(async () => ({ unitName: 'Xã Khác' }));
    c.getSettings.mockResolvedValue({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
    render(<LkhPane client={{ ...paneClient(c), suggestNames }} initialTab="settings" />);
    await screen.findByRole('heading', { name: 'Cài đặt của sổ tính' });
    await waitFor(() => expect((screen.getByLabelText('Tên xã / đơn vị') as HTMLInputElement).value).toBe('Xã Tân Lập'));
    expect(suggestNames).not.toHaveBeenCalled();
    expect(screen.queryByText('Các biểu đã nhận ghi tên:')).toBeNull();
  });
});
