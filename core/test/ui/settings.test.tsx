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
});
