/** @jest-environment jsdom */
/**
 * The next step, screen state by screen state: the pure nextStep, then the pane showing it — the
 * tab it lands on after the demo and after opening files, the sentence after consolidating, the
 * one primary button that does the next thing.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { en } from '../../ui/i18n/en';
import { vi } from '../../ui/i18n/vi';
import { LkhPane } from '../../ui';
import { nextStep } from '../../ui/next-step';
import { SETTINGS, fakeClient, paneClient } from './fake-client';

describe('nextStep', () => {
  it('says what to do next after each action, and where', () => {
    expect(nextStep({ kind: 'loaded' }, vi)).toEqual({ tab: 'settings', text: 'Tiếp theo: nhập năm kế hoạch và tên xã (Cài đặt).', action: 'open', move: true });
    expect(nextStep({ kind: 'loaded', planYear: 2027 }, vi)).toBeUndefined();
    for (const kind of ['demo', 'opened'] as const)
      expect(nextStep({ kind }, vi)).toEqual({ tab: 'consolidate', text: 'Tiếp theo: tổng hợp kế hoạch xã (Tổng hợp).', button: 'Tổng hợp', action: 'open', move: true });
    expect(nextStep({ kind: 'imported', sheets: 3 }, vi)).toMatchObject({ tab: 'consolidate', button: 'Tổng hợp', move: false });
    expect(nextStep({ kind: 'imported', sheets: 0 }, vi)).toBeUndefined();
    // After consolidating: the drafts and the planning conference before the export (issue 20).
    expect(nextStep({ kind: 'consolidated', conflicts: 0 }, vi)).toEqual({
      tab: 'documents',
      text: 'Tiếp theo: soạn dự thảo kế hoạch (Biểu II.7.A, II.7.B) và chuẩn bị hội nghị kế hoạch xã (phiếu xếp ưu tiên), rồi mới xuất tệp gửi cấp trên.',
      button: 'Soạn văn bản',
      action: 'open',
      move: false,
    });
    expect(nextStep({ kind: 'status', next: { text: 'Tạo phiếu xếp ưu tiên cho II.6.B.', action: 'ballot', step: 4, target: 'II.6.B' } }, vi)).toEqual({
      tab: 'ranking',
      text: 'Tiếp theo: Tạo phiếu xếp ưu tiên cho II.6.B.',
      button: 'Tạo phiếu',
      action: 'open',
      move: false,
    });
    const choose = nextStep({ kind: 'consolidated', conflicts: 2 }, vi);
    expect(choose).toMatchObject({ tab: 'consolidate', move: false });
    expect(choose?.button).toBeUndefined();
    expect(nextStep({ kind: 'exported', fileName: 'Xa-Tan-Lap-ke-hoach-2027.xlsx' }, vi)?.text).toBe('Tiếp theo: gửi tệp "Xa-Tan-Lap-ke-hoach-2027.xlsx" lên cấp trên qua thư điện tử hoặc Zalo.');
    expect(nextStep({ kind: 'consolidated', conflicts: 0 }, en)?.text).toBe(
      'Next: draft the plan documents (forms II.7.A, II.7.B) and prepare the commune planning conference (ranking ballot), before exporting the file for the level above.',
    );
  });
});

const nextLine = () => screen.getByRole('status', { name: 'Việc tiếp theo' });

describe('the pane shows the next step', () => {
  it('without a plan year: opens on Cài đặt and says to fill it', async () => {
    const c = fakeClient();
    c.getSettings.mockResolvedValue({ ...SETTINGS, planYear: undefined } as never);
    render(<LkhPane client={paneClient(c)} />);
    expect(await screen.findByText('Tiếp theo: nhập năm kế hoạch và tên xã (Cài đặt).')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Cài đặt', selected: true })).toBeTruthy();
  });

  it('after the demo: lands on Tổng hợp, then after consolidating leads to the drafts and the conference, not the export', async () => {
    const c = fakeClient('standalone');
    render(<LkhPane client={paneClient(c)} start="demo" />);
    expect(await screen.findByText('Tiếp theo: tổng hợp kế hoạch xã (Tổng hợp).')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tổng hợp', selected: true })).toBeTruthy();
    // Already on the tab: no second button, the screen's own "Tổng hợp" is the one
    expect(within(nextLine()).queryByRole('button')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText(/^Tiếp theo: soạn dự thảo kế hoạch \(Biểu II\.7\.A, II\.7\.B\) và chuẩn bị hội nghị kế hoạch xã/u)).toBeTruthy();
    expect(screen.queryByText(/Vào "Tổng hợp"/u)).toBeNull();
    expect(within(nextLine()).queryByRole('button', { name: 'Xuất tệp gửi cấp trên' })).toBeNull();
    await userEvent.click(within(nextLine()).getByRole('button', { name: 'Soạn văn bản' }));
    expect(await screen.findByRole('tab', { name: 'Văn bản', selected: true })).toBeTruthy();
  });

  it('after consolidating, where the host gives the year\'s status: its next action, never stale', async () => {
    const c = fakeClient('standalone');
    const next = { text: 'Sửa 1 lỗi của lần tổng hợp trước rồi tổng hợp lại; lỗi đầu tiên ở trang "Thôn A - I.2" ô H22.', action: 'fix' as const, step: 3, sheet: 'Thôn A - I.2', cell: 'H22' };
    const withStatus = Object.assign(c, { yearStatus: jest.fn(async () => ({ next })) });
    render(<LkhPane client={paneClient(withStatus as typeof c)} initialTab="consolidate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText(`Tiếp theo: ${next.text}`)).toBeTruthy();
    expect(withStatus.yearStatus).toHaveBeenCalled();
    await userEvent.click(within(nextLine()).getByRole('button', { name: 'Xem lỗi' }));
    expect(await screen.findByRole('tab', { name: 'Kiểm tra', selected: true })).toBeTruthy();
  });

  it('after exporting the package: says to send it', async () => {
    const c = fakeClient('standalone');
    render(<LkhPane client={paneClient(c)} initialTab="files" />);
    await screen.findByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' });
    await userEvent.click(screen.getAllByRole('button', { name: 'Xuất tệp gửi cấp trên' })[0]);
    expect(c.exportPackage).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Tiếp theo: gửi tệp "Xã Tân Lập - KH 2027 - gửi Huyện.xlsx" lên cấp trên qua thư điện tử hoặc Zalo.')).toBeTruthy();
  });

  it('after opening files: lands on Tổng hợp, as after the demo', async () => {
    render(<LkhPane client={paneClient(fakeClient('standalone'))} start="opened" />);
    expect(await screen.findByText('Tiếp theo: tổng hợp kế hoạch xã (Tổng hợp).')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tổng hợp', selected: true })).toBeTruthy();
  });

  it('after adding files on Tệp: stays there and offers Tổng hợp', async () => {
    const c = fakeClient();
    render(<LkhPane client={paneClient(c)} initialTab="files" />);
    await screen.findByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' });
    await userEvent.upload(screen.getByTestId('lkh-file-input'), [new File([new Uint8Array([80, 75])], 'Thôn B - I.2.xlsx')]);
    expect(await screen.findByText('Tiếp theo: tổng hợp kế hoạch xã (Tổng hợp).')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tệp', selected: true })).toBeTruthy();
    await userEvent.click(within(nextLine()).getByRole('button', { name: 'Tổng hợp' }));
    expect(screen.getByRole('tab', { name: 'Tổng hợp', selected: true })).toBeTruthy();
  });

  it('after consolidating with two versions of one form: says to choose, no download offered', async () => {
    const c = fakeClient();
    const base = await c.consolidate();
    c.consolidate.mockResolvedValueOnce({
      ...base,
      conflicts: [{ id: 'x', formId: 'I.2', unitName: 'Thôn A', candidates: [{ key: 'a', sheet: 'Thôn A - I.2', activities: 3, amount: 1000 }, { key: 'b', sheet: 'Thôn A - I.2 (2)', activities: 4, amount: 2000 }] }],
    } as never);
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText(/^Tiếp theo: chọn bản được tính cho từng biểu/u)).toBeTruthy();
    expect(within(nextLine()).queryByRole('button', { name: 'Xuất tệp gửi cấp trên' })).toBeNull();
  });
});
