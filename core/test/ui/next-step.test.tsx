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
    expect(nextStep({ kind: 'consolidated', conflicts: 0 }, vi)).toEqual({
      tab: 'files',
      text: 'Tiếp theo: xuất tệp kế hoạch gửi cấp trên (II.4.A, II.4.B, II.6.A, II.6.B), rồi gửi qua thư điện tử hoặc Zalo.',
      button: 'Xuất tệp gửi cấp trên',
      action: 'export',
      move: false,
    });
    const choose = nextStep({ kind: 'consolidated', conflicts: 2 }, vi);
    expect(choose).toMatchObject({ tab: 'consolidate', move: false });
    expect(choose?.button).toBeUndefined();
    expect(nextStep({ kind: 'exported', fileName: 'Xa-Tan-Lap-ke-hoach-2027.xlsx' }, vi)?.text).toBe('Tiếp theo: gửi tệp "Xa-Tan-Lap-ke-hoach-2027.xlsx" lên cấp trên qua thư điện tử hoặc Zalo.');
    expect(nextStep({ kind: 'consolidated', conflicts: 0 }, en)?.text).toBe('Next: export the plan file for the level above (II.4.A, II.4.B, II.6.A, II.6.B), then send it by e-mail or Zalo.');
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

  it('after the demo: lands on Tổng hợp, then after consolidating offers the file for the level above, then says to send it', async () => {
    const c = fakeClient('standalone');
    render(<LkhPane client={paneClient(c)} start="demo" />);
    expect(await screen.findByText('Tiếp theo: tổng hợp kế hoạch xã (Tổng hợp).')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tổng hợp', selected: true })).toBeTruthy();
    // Already on the tab: no second button, the screen's own "Tổng hợp" is the one
    expect(within(nextLine()).queryByRole('button')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText('Tiếp theo: xuất tệp kế hoạch gửi cấp trên (II.4.A, II.4.B, II.6.A, II.6.B), rồi gửi qua thư điện tử hoặc Zalo.')).toBeTruthy();
    expect(screen.queryByText(/Vào "Tổng hợp"/u)).toBeNull();
    await userEvent.click(within(nextLine()).getByRole('button', { name: 'Xuất tệp gửi cấp trên' }));
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
