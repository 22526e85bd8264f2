/** @jest-environment jsdom */
/**
 * Clean up (issue 14, deliverable 6): the "(cũ)" copies can be removed from Tổng hợp whenever the
 * workbook holds some, consolidated in this session or not; before consolidating, the screen says
 * which sheets will be written again and what is kept.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

describe('Tổng hợp: clean up and what is kept', () => {
  it('offers to remove the copies the workbook holds before any consolidation, after asking', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['Thôn A - I.2', 'II.4.B', 'II.4.B (cũ)', 'II.6.A', 'II.6.A (cũ)']);
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" />);
    expect(await screen.findByText('Sổ tính đang có 2 trang bản sao cũ: II.4.B (cũ), II.6.A (cũ).')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Xóa các bản sao cũ' }));
    // asked first: nothing removed yet
    expect(c.removeCopies).not.toHaveBeenCalled();
    const confirm = screen.getByText(/^Xóa hẳn mọi trang "\(cũ\)" của sổ tính\?/u).closest('div') as HTMLElement;
    c.listSheets.mockResolvedValue(['Thôn A - I.2', 'II.4.B', 'II.6.A']);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Xóa các bản sao cũ' }));
    expect(c.removeCopies).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Đã xóa 2 trang bản sao cũ.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xóa các bản sao cũ' })).toBeNull();
  });

  it('says before consolidating which sheets will be written again and what is kept', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['Thôn A - I.2', 'II.4.A', 'II.4.B', 'II.6.A']);
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" />);
    expect(await screen.findByText(/^Bấm Tổng hợp sẽ viết lại II\.4\.A, II\.4\.B, II\.6\.A\. Mỗi trang hiện có được giữ lại thành bản "\(cũ\)"/u)).toBeTruthy();
    expect(screen.getByText(/phần xã đã nhập \(Mục tiêu, Ngân sách\/Đề xuất/u)).toBeTruthy();
    // no copies there: no clean-up button
    expect(screen.queryByRole('button', { name: 'Xóa các bản sao cũ' })).toBeNull();
  });

  it('says a first consolidation overwrites nothing, in English too', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['Thôn A - I.2']);
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" lang="en" />);
    expect(await screen.findByText('Consolidate will create II.4.A, II.4.B, II.6.A, II.6.B, II.6.C and the report sheet; no sheet there now is overwritten.')).toBeTruthy();
  });
});
