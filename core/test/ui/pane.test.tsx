/** @jest-environment jsdom */
/**
 * The pane as a whole: the seven steps are the way through it (each opens its screens), Tổng quan
 * and Cài đặt one click away, the next step from the year read again after every action, its
 * button doing what it names, and the focus on each action's result.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import type { PaneClient } from '../../ui/client';
import type { YearNextView, YearStepView, YearView } from '../../ui/year';
import { fakeClient, paneClient } from './fake-client';

const shown = (el: HTMLElement) => el.closest('[hidden]') === null;
const stepsRow = () => screen.getByRole('group', { name: /^Các bước lập kế hoạch/u });
const stepButton = (n: number) => within(stepsRow()).getByRole('button', { name: new RegExp(`^Bước ${n}:`, 'u') });
const nextLine = () => screen.getByRole('status', { name: 'Việc tiếp theo' });

const TITLES = ['Công tác chuẩn bị', 'Thu thập thông tin', 'Tổng hợp và dự thảo kế hoạch', 'Hội nghị lập kế hoạch', 'Trình và thảo luận dự thảo kế hoạch cấp xã', 'Cập nhật, phản hồi kế hoạch cấp xã', 'Hoàn thiện, phê duyệt và ban hành kế hoạch cấp xã'];

/** A year as the core's yearStatus answers it: steps 1..`done` done, the current step, the next action. */
function year(current: number, done: number, next: YearNextView): YearView {
  const steps: YearStepView[] = TITLES.map((title, i) => {
    const n = i + 1;
    const ok = n <= done;
    return {
      n,
      id: `buoc${n}`,
      title,
      heading: `Bước ${n}: ${title}`,
      applicable: true,
      done: ok,
      ticked: false,
      started: ok || n === current,
      items: [
        { id: `buoc${n}:r`, what: `Kết quả của bước ${n}`, kind: 'form', done: ok, ticked: false, tickable: false, evidence: ok ? [{ sheet: 'II.6.A', text: 'trang "II.6.A"' }] : [], missing: [] },
        { id: `buoc${n}.hop`, what: `Cuộc họp của bước ${n} đã tổ chức`, kind: 'manual', done: ok, ticked: ok, tickable: true, evidence: [], missing: [] },
      ],
      counts: { done: ok ? 2 : 0, total: 2 },
    };
  });
  return { level: 'xa', planYear: 2027, current, steps, gaps: [], counts: { steps: 7, stepsDone: done, results: 14, resultsDone: done * 2 }, next, summary: `Bước ${current}` };
}

const CONSOLIDATE: YearNextView = { text: 'Tổng hợp các biểu đã nhận thành kế hoạch xã.', action: 'consolidate', step: 3 };
const DRAFT: YearNextView = { text: 'Soạn dự thảo kế hoạch Biểu II.7.A và Biểu II.7.B.', action: 'draft', step: 3, target: 'II.7.A' };
const FIX: YearNextView = { text: 'Sửa lỗi trước: Tổng số khác Dân góp + Cần hỗ trợ.', action: 'fix', step: 3, sheet: 'Thôn C - I.2', cell: 'G13' };

function yearClient(answers: YearView[]) {
  const c = fakeClient();
  let asked = 0;
  const yearStatus = jest.fn(async (): Promise<YearView> => answers[Math.min(asked++, answers.length - 1)]);
  // The core's YearStatus has more than the pane reads (YearView): the fake gives what the pane shows.
  return { c, yearStatus, client: { ...paneClient(c), yearStatus } as unknown as PaneClient };
}

describe('LkhPane', () => {
  it('opens on the step the year is in, with every step, Tổng quan and Cài đặt one click away', async () => {
    const { client, yearStatus } = yearClient([year(3, 2, CONSOLIDATE)]);
    render(<LkhPane client={client} />);
    expect(screen.getByText('Đang tải LKH…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Bước 3: Tổng hợp và dự thảo kế hoạch' })).toBeTruthy();
    expect(yearStatus).toHaveBeenCalledTimes(1);
    // seven steps, named in full; done ones say so; the current one says so
    expect(within(stepsRow()).getAllByRole('button')).toHaveLength(7);
    expect(stepButton(1).getAttribute('aria-label')).toBe('Bước 1: Công tác chuẩn bị (đã xong)');
    expect(stepButton(3).getAttribute('aria-label')).toBe('Bước 3: Tổng hợp và dự thảo kế hoạch (đang ở bước này)');
    expect(stepsRow().getAttribute('aria-label')).toBe('Các bước lập kế hoạch: Bước 3 · 2/7 bước xong');
    // step 3 opens its screens: consolidation first, the II.7 drafts beside it
    const tools = screen.getByRole('group', { name: 'Việc của bước 3' });
    expect(within(tools).getAllByRole('button').map((b) => b.textContent)).toEqual(['Tổng hợp biểu', 'Dự thảo II.7', 'Kiểm tra biểu']);
    expect(shown(await screen.findByRole('heading', { name: 'Tổng hợp một lần bấm' }))).toBe(true);
    // step 2 in one click: the files received, the check, the forms to hand out
    await userEvent.click(stepButton(2));
    expect(within(screen.getByRole('group', { name: 'Việc của bước 2' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['Nhận tệp', 'Kiểm tra biểu', 'Biểu mẫu']);
    expect(shown(screen.getByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' }))).toBe(true);
    // the results of the step, with their evidence, folded under one line
    expect(screen.getByText('2/2 kết quả đã có')).toBeTruthy();
    expect(screen.getByText(/trang "II\.6\.A"/u)).toBeTruthy();
    // Tổng quan and Cài đặt stay on the top row
    await userEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    expect(shown(screen.getByRole('heading', { name: 'Cài đặt của sổ tính' }))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Tổng quan' }));
    expect(shown(await screen.findByRole('heading', { name: 'Tổng quan' }))).toBe(true);
  });

  it('opens on Cài đặt while the workbook has no plan year', async () => {
    const c = fakeClient();
    c.getSettings.mockResolvedValue({ level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    c.checklist.mockResolvedValue(undefined);
    render(<LkhPane client={paneClient(c)} />);
    expect(await screen.findByRole('heading', { name: 'Cài đặt của sổ tính' })).toBeTruthy();
    expect(within(nextLine()).getByText('Tiếp theo: nhập năm kế hoạch và tên xã (Cài đặt).')).toBeTruthy();
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
    expect(await screen.findByRole('heading', { name: /^Bước \d/u })).toBeTruthy();
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
    const { client } = yearClient([year(3, 2, CONSOLIDATE)]);
    const onLang = jest.fn();
    render(<LkhPane client={client} onLangChange={onLang} />);
    await screen.findByRole('heading', { name: 'Bước 3: Tổng hợp và dự thảo kế hoạch' });
    await userEvent.click(screen.getByRole('button', { name: 'Chuyển sang tiếng Anh' }));
    expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Step 3: Tổng hợp và dự thảo kế hoạch (current step)' })).toBeTruthy();
    expect(within(screen.getByRole('status', { name: 'Next step' })).getByRole('button', { name: 'Consolidate now' })).toBeTruthy();
    expect(onLang).toHaveBeenLastCalledWith('en');
    await userEvent.click(screen.getByRole('button', { name: 'Switch to Vietnamese' }));
    expect(screen.getByRole('button', { name: 'Tổng quan' })).toBeTruthy();
  });

  it('keeps a screen’s results when moving between steps', async () => {
    const c = fakeClient();
    render(<LkhPane client={paneClient(c)} initialTab="validate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    await screen.findByText('1 lỗi, 1 cảnh báo');
    await userEvent.click(stepButton(1));
    expect(shown(screen.getByText('1 lỗi, 1 cảnh báo'))).toBe(false);
    await userEvent.click(stepButton(2));
    await userEvent.click(within(screen.getByRole('group', { name: 'Việc của bước 2' })).getByRole('button', { name: 'Kiểm tra biểu' }));
    expect(shown(screen.getByText('1 lỗi, 1 cảnh báo'))).toBe(true);
    await waitFor(() => expect(c.validate).toHaveBeenCalledTimes(1));
  });
});

describe('the next step, from the year', () => {
  it('its button does what it names, the year is read again after, and the focus goes to the result', async () => {
    const { c, client, yearStatus } = yearClient([year(2, 1, CONSOLIDATE), year(3, 2, DRAFT)]);
    render(<LkhPane client={client} />);
    expect(await within(await screen.findByRole('status', { name: 'Việc tiếp theo' })).findByText('Tiếp theo: Tổng hợp các biểu đã nhận thành kế hoạch xã.')).toBeTruthy();
    await userEvent.click(within(nextLine()).getByRole('button', { name: 'Tổng hợp ngay' }));
    // the button consolidates (not only opens a screen) …
    await waitFor(() => expect(c.consolidate).toHaveBeenCalledTimes(1));
    // … the year is read again: never stale, the count never goes back
    expect(await within(nextLine()).findByText('Tiếp theo: Soạn dự thảo kế hoạch Biểu II.7.A và Biểu II.7.B.')).toBeTruthy();
    expect(yearStatus.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(stepsRow().getAttribute('aria-label')).toBe('Các bước lập kế hoạch: Bước 3 · 2/7 bước xong');
    // step 3 shown, the result of the action focused
    expect(shown(screen.getByRole('heading', { name: 'Tổng hợp một lần bấm' }))).toBe(true);
    const result = await screen.findByText('12 hoạt động · 1.250 triệu đồng · khớp');
    await waitFor(() => expect(document.activeElement?.contains(result)).toBe(true));
    // the next button names the draft it makes
    expect(within(nextLine()).getByRole('button', { name: 'Soạn II.7.A' })).toBeTruthy();
  });

  it('after a consolidation with errors: fix them first, the button goes to the cell', async () => {
    const { c, client } = yearClient([year(3, 2, FIX)]);
    render(<LkhPane client={client} />);
    await userEvent.click(await within(await screen.findByRole('status', { name: 'Việc tiếp theo' })).findByRole('button', { name: 'Đến ô G13' }));
    expect(c.selectCell).toHaveBeenCalledWith('Thôn C - I.2', 'G13');
  });

  it('exports the package when it says to, and reads the year again', async () => {
    const { c, client, yearStatus } = yearClient([year(5, 4, { text: 'Xuất tệp kế hoạch để gửi cấp trên.', action: 'export', step: 5 }), year(6, 5, { text: 'Soạn phản hồi kế hoạch cho các thôn (Biểu II.10).', action: 'draft', step: 6, target: 'II.10' })]);
    render(<LkhPane client={client} />);
    await userEvent.click(await within(await screen.findByRole('status', { name: 'Việc tiếp theo' })).findByRole('button', { name: 'Xuất tệp kế hoạch' }));
    await waitFor(() => expect(c.exportPackage).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Đã tạo tệp "Xã Tân Lập - KH 2027 - gửi Huyện.xlsx".')).toBeTruthy();
    await waitFor(() => expect(yearStatus).toHaveBeenCalledTimes(2));
    expect(await within(nextLine()).findByRole('button', { name: 'Soạn II.10' })).toBeTruthy();
  });

  it('a tick by hand is saved and the year read again', async () => {
    const { c, client, yearStatus } = yearClient([year(3, 2, CONSOLIDATE)]);
    render(<LkhPane client={client} />);
    await screen.findByRole('heading', { name: 'Bước 3: Tổng hợp và dự thảo kế hoạch' });
    await act(async () => {
      await userEvent.click(screen.getByText('0/2 kết quả đã có'));
    });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Cuộc họp của bước 3 đã tổ chức' }));
    expect(c.setChecklistTick).toHaveBeenCalledWith('buoc3.hop', true);
    await waitFor(() => expect(yearStatus).toHaveBeenCalledTimes(2));
  });

});
