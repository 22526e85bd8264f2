/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

/** Tabs by accessible name (Fluent's Tab repeats its text in a hidden span that reserves its bold width). */
function expectTabs(names: readonly string[]): void {
  expect(screen.getAllByRole('tab')).toHaveLength(names.length);
  names.forEach((name, i) => expect(screen.getAllByRole('tab')[i]).toBe(screen.getByRole('tab', { name })));
}
const shown = (el: HTMLElement) => el.closest('[hidden]') === null;

describe('LkhPane', () => {
  it('loads the settings and shows the seven screens in Vietnamese', async () => {
    const c = fakeClient();
    render(<LkhPane client={paneClient(c)} />);
    expect(screen.getByText('Đang tải LKH…')).toBeTruthy();
    await screen.findAllByRole('tab');
    expectTabs(['Tổng quan', 'Cài đặt', 'Biểu mẫu', 'Kiểm tra', 'Tổng hợp', 'Xếp ưu tiên', 'Các bước', 'Tệp', 'Văn bản']);
    expect(c.getSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Xã Tân Lập · kế hoạch năm 2027')).toBeTruthy();
    // a plan year is set: the pane opens on Tổng quan (home.test.tsx)
    expect(screen.getByRole('tab', { name: 'Tổng quan' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Tổng quan' })).toBeTruthy();
  });

  it('opens on Cài đặt while the workbook has no plan year', async () => {
    const c = fakeClient();
    c.getSettings.mockResolvedValue({ level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    render(<LkhPane client={paneClient(c)} />);
    expect(await screen.findByRole('heading', { name: 'Cài đặt của sổ tính' })).toBeTruthy();
    expect(screen.getByText('chưa có năm kế hoạch')).toBeTruthy();
  });

  it('says plainly when it cannot load, and retries', async () => {
    const c = fakeClient();
    c.getSettings.mockRejectedValueOnce(new Error('Exception: Không đọc được trạng thái của sổ tính.\n    at readState (server.js:10)'));
    render(<LkhPane client={paneClient(c)} />);
    expect(await screen.findByText('Không mở được LKH.')).toBeTruthy();
    const body = document.body.textContent ?? '';
    expect(body).toContain('Không đọc được trạng thái của sổ tính.');
    expect(body).not.toContain('server.js');
    expect(body).not.toContain('Exception');
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('tab', { name: 'Cài đặt' })).toBeTruthy();
    expect(c.getSettings).toHaveBeenCalledTimes(2);
  });

  it('shows a plain Vietnamese sentence instead of a blank pane when rendering fails', async () => {
    const c = fakeClient();
    // a broken client: validate returns something that is not a ValidationView
    c.validate.mockResolvedValue({} as never);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<LkhPane client={paneClient(c)} initialTab="validate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('LKH gặp sự cố và không hiển thị được');
    spy.mockRestore();
  });

  it('switches to English and back', async () => {
    const c = fakeClient();
    const onLang = jest.fn();
    render(<LkhPane client={paneClient(c)} onLangChange={onLang} />);
    await screen.findByRole('tab', { name: 'Cài đặt' });
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh' }));
    expectTabs(['Overview', 'Settings', 'Forms', 'Check', 'Consolidate', 'Ranking', 'Steps', 'Files', 'Documents']);
    expect(screen.getByRole('heading', { name: 'Overview' })).toBeTruthy();
    expect(onLang).toHaveBeenLastCalledWith('en');
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Vietnamese' }));
    expect(screen.getByRole('tab', { name: 'Tổng hợp' })).toBeTruthy();
  });

  it('keeps a screen’s results when moving between tabs', async () => {
    const c = fakeClient();
    render(<LkhPane client={paneClient(c)} initialTab="validate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    await screen.findByText('1 lỗi, 1 cảnh báo');
    await userEvent.click(screen.getByRole('tab', { name: 'Tệp' }));
    expect(shown(screen.getByText('1 lỗi, 1 cảnh báo'))).toBe(false);
    await userEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
    expect(shown(screen.getByText('1 lỗi, 1 cảnh báo'))).toBe(true);
    await waitFor(() => expect(c.validate).toHaveBeenCalledTimes(1));
  });
});
