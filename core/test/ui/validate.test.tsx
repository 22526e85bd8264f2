/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { CLEAN_VALIDATION, fakeClient, paneClient } from './fake-client';

async function runCheck(c = fakeClient()) {
  render(<LkhPane client={paneClient(c)} initialTab="validate" />);
  await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
  return c;
}

describe('Kiểm tra', () => {
  it('shows the findings grouped by sheet with badges and counts', async () => {
    const c = await runCheck();
    expect(c.validate).toHaveBeenCalledWith();
    expect(await screen.findByText('1 lỗi, 1 cảnh báo')).toBeTruthy();
    expect(screen.getByText('Đã nhận ra 2 biểu.')).toBeTruthy();
    expect(screen.getByText('Không nhận ra biểu trong các trang: Ghi chú.')).toBeTruthy();
    // one group per sheet, in the order found
    const headers = screen.getAllByRole('button', { expanded: true });
    expect(headers.map((h) => h.textContent)).toEqual([expect.stringContaining('Thôn A - I.2'), expect.stringContaining('Thôn C - I.2')]);
    expect(screen.getByText('Lỗi')).toBeTruthy();
    expect(screen.getByText('Cảnh báo')).toBeTruthy();
    expect(screen.getByText(/Tổng số \(70\.000\) khác Dân góp \+ Cần hỗ trợ \(60\.000\)/u)).toBeTruthy();
  });

  it('selects a finding’s cell when clicked', async () => {
    const c = await runCheck();
    await userEvent.click(await screen.findByRole('button', { name: 'Đến ô G13 trang Thôn C - I.2' }));
    expect(c.selectCell).toHaveBeenCalledWith('Thôn C - I.2', 'G13');
    await userEvent.click(screen.getByRole('button', { name: 'Đến ô F14 trang Thôn A - I.2' }));
    expect(c.selectCell).toHaveBeenLastCalledWith('Thôn A - I.2', 'F14');
  });

  it('says when the cell cannot be selected', async () => {
    const c = fakeClient();
    c.selectCell.mockRejectedValueOnce(new Error('Không tìm thấy trang "Thôn C - I.2".'));
    await runCheck(c);
    await userEvent.click(await screen.findByRole('button', { name: 'Đến ô G13 trang Thôn C - I.2' }));
    expect(await screen.findByText(/Không tìm thấy trang "Thôn C - I\.2"\./u)).toBeTruthy();
  });

  it('shows "Không có lỗi" when the workbook is clean', async () => {
    const c = fakeClient();
    c.validate.mockResolvedValue(CLEAN_VALIDATION);
    await runCheck(c);
    expect(await screen.findByText('Không có lỗi')).toBeTruthy();
    expect(screen.getByText('0 lỗi, 0 cảnh báo')).toBeTruthy();
  });

  it('shows the cell as plain text on the standalone page (no selection there)', async () => {
    const c = fakeClient('standalone');
    await runCheck(c);
    await screen.findByText('1 lỗi, 1 cảnh báo');
    expect(screen.queryByRole('button', { name: /^Đến ô/u })).toBeNull();
    expect(screen.getByText('G13')).toBeTruthy();
  });

  it('shows errors from the client and findings in English when asked', async () => {
    const c = fakeClient();
    c.validate.mockRejectedValueOnce(new Error('Exceeded maximum execution time'));
    await runCheck(c);
    expect(await screen.findByText(/Việc này chạy quá lâu và đã bị dừng/u)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh' }));
    expect(screen.getByText(/This ran too long and was stopped/u)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('1 error, 1 warning')).toBeTruthy();
    const group = screen.getByText(/Total \(70,000\) differs/u).closest('li') as HTMLElement;
    expect(within(group).getByText('Error')).toBeTruthy();
  });
});
