/** @jest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConsolidationView } from '../../src/app/actions';
import { LkhPane } from '../../ui';
import type { ConsolidateProgress } from '../../ui/client';
import { consolidation, fakeClient, paneClient } from './fake-client';

async function openConsolidate(c = fakeClient()) {
  render(<LkhPane client={paneClient(c)} initialTab="consolidate" />);
  await screen.findByRole('heading', { name: 'Tổng hợp một lần bấm' });
  return c;
}

describe('Tổng hợp', () => {
  it('says that copies are kept, runs with progress and disables the button meanwhile', async () => {
    let finish: (v: ConsolidationView) => void = () => undefined;
    const c = fakeClient();
    c.consolidate.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    await openConsolidate(c);
    expect(screen.getByText(/Các trang đã có được giữ lại thành bản sao trước khi viết lại/u)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Tổng hợp' });
    await userEvent.click(button);
    expect(c.consolidate).toHaveBeenCalledWith(undefined, expect.any(Function));
    expect(screen.getByRole('progressbar', { name: 'Đang tổng hợp… (có thể mất một phút)' })).toBeTruthy();
    expect(document.querySelector('.fui-ProgressBar')).not.toBeNull();
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(button);
    expect(c.consolidate).toHaveBeenCalledTimes(1);
    await act(async () => finish(consolidation()));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Tổng hợp lại' })).toBeTruthy();
  });

  it('says which sheet it reads, of how many, then that it builds and writes the plan', async () => {
    let report: ConsolidateProgress | undefined;
    let finish: (v: ConsolidationView) => void = () => undefined;
    const c = fakeClient();
    c.consolidate.mockImplementationOnce((_opts, onProgress) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    await openConsolidate(c);
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    // before the first sheet: the plain sentence
    expect(screen.getByRole('progressbar', { name: 'Đang tổng hợp… (có thể mất một phút)' })).toBeTruthy();
    await act(async () => report?.({ stage: 'reading', done: 12, total: 50, sheet: 'Thôn Nà Hin - I.2' }));
    expect(screen.getByRole('progressbar', { name: 'Đang đọc biểu 12/50: Thôn Nà Hin - I.2…' })).toBeTruthy();
    expect(screen.getByText('Đang đọc biểu 12/50: Thôn Nà Hin - I.2…')).toBeTruthy();
    await act(async () => report?.({ stage: 'reading', done: 50, total: 50, sheet: 'III.1' }));
    expect(screen.getByText('Đang đọc biểu 50/50: III.1…')).toBeTruthy();
    await act(async () => report?.({ stage: 'building' }));
    expect(screen.getByText('Đang lập II.4.A, II.4.B và tách nguồn vốn…')).toBeTruthy();
    await act(async () => report?.({ stage: 'writing' }));
    expect(screen.getByText('Đang ghi các biểu II.4.A, II.4.B, II.6.A, II.6.B, II.6.C…')).toBeTruthy();
    await act(async () => finish(consolidation()));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Đang đọc biểu/u)).toBeNull();
    // a second run starts again from the plain sentence
    c.consolidate.mockImplementationOnce(() => new Promise(() => undefined));
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp lại' }));
    expect(screen.getByRole('progressbar', { name: 'Đang tổng hợp… (có thể mất một phút)' })).toBeTruthy();
  });

  it('shows the reconciliation, returned activities, checks, sheets and copies', async () => {
    const c = await openConsolidate();
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    // The headline figures first, in triệu đồng; the details in sections that open on a click
    expect(await screen.findByText('12 hoạt động · 1.250 triệu đồng · khớp')).toBeTruthy();
    expect(screen.getByText('Đưa vào II.4.B 10 hoạt động (1.100 triệu đồng); trả lại 2 (150 triệu đồng). 1 dòng xã tự nhập (vẫn giữ).')).toBeTruthy();
    expect(screen.queryByText(/nghìn đồng/u)).toBeNull();
    expect(screen.queryByRole('region', { name: 'Hoạt động trả lại cho nơi đề xuất' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Hoạt động trả lại cho nơi đề xuất (2)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra nguồn vốn (3) · 1 không đạt' }));
    expect(screen.getByText('II.6.A: 6 hoạt động đã rõ nguồn vốn; II.6.B: 4 hoạt động chưa rõ nguồn vốn.')).toBeTruthy();

    const returned = screen.getByRole('region', { name: 'Hoạt động trả lại cho nơi đề xuất' });
    expect(within(returned).getByText('Làm đường')).toBeTruthy();
    expect(within(returned).getByText('của Thôn C')).toBeTruthy();
    expect(within(returned).getByText('Tổng số (70.000) khác Dân góp + Cần hỗ trợ (60.000)')).toBeTruthy();
    expect(within(returned).getByText('không ghi tên hoạt động')).toBeTruthy();
    await userEvent.click(within(returned).getByRole('button', { name: 'Đến ô B13 trang Thôn C - I.2' }));
    expect(c.selectCell).toHaveBeenCalledWith('Thôn C - I.2', 'B13');

    const checks = screen.getByRole('region', { name: 'Kiểm tra nguồn vốn' });
    const items = within(checks).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Đạt.*≥ 75% nguồn lực/u),
      expect.stringMatching(/^Không đạt.*Chương trình 135/u),
      expect.stringMatching(/^Chưa kiểm tra được.*10%/u),
    ]);
    expect(screen.getByText('Đã viết các trang: II.4.A, II.4.B, II.6.A, II.6.B, II.6.C.')).toBeTruthy();
    expect(screen.getByText('Bản cũ được giữ lại (mỗi trang một bản): II.4.B (cũ).')).toBeTruthy();
  });

  it('asks which version to keep when two versions of one village sheet were given, then consolidates with the choice', async () => {
    const c = fakeClient();
    const conflict = {
      id: 'I.2|thon a|giao thong',
      formId: 'I.2' as const,
      unitName: 'Thôn A',
      sector: 'Giao thông',
      candidates: [
        { key: '|Thôn A - I.2', sheet: 'Thôn A - I.2', activities: 4, amount: 33_000, file: 'Thon-A.xlsx', modified: '2026-04-02T09:30:00.000Z', imported: '2026-05-03T01:00:00.000Z' },
        { key: '|Thôn A (2) - I.2', sheet: 'Thôn A (2) - I.2', activities: 5, amount: 35_000, file: 'Thon-A (gửi lại).xlsx', imported: '2026-05-06T01:00:00.000Z' },
      ],
    };
    c.consolidate.mockImplementationOnce(async () => ({ ...consolidation(), sheets: [], keptCopies: [], conflicts: [conflict] }));
    await openConsolidate(c);
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText('Có hai bản khác nhau của cùng một biểu — chưa ghi gì')).toBeTruthy();
    // No reconciliation is shown: nothing was written.
    expect(screen.queryByText(/\d+ hoạt động · /u)).toBeNull();
    const go = screen.getByRole('button', { name: 'Tổng hợp với các bản đã chọn' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    // each version named by its file and date: the file's own modified date, else when it was imported
    expect(screen.getByRole('radio', { name: 'tệp Thon-A.xlsx, sửa ngày 02/04/2026 — trang "Thôn A - I.2": 4 hoạt động, 33 triệu đồng' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'tệp Thon-A (gửi lại).xlsx, nhập vào ngày 06/05/2026 — trang "Thôn A (2) - I.2": 5 hoạt động, 35 triệu đồng' }));
    expect(go.disabled).toBe(false);
    await userEvent.click(go);
    expect(c.consolidate).toHaveBeenLastCalledWith({ sourceChoices: { 'I.2|thon a|giao thong': '|Thôn A (2) - I.2' } }, expect.any(Function));
  });

  it('removes the old copies only after the user confirms', async () => {
    const c = await openConsolidate();
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Xóa các bản sao cũ' }));
    expect(c.removeCopies).not.toHaveBeenCalled();
    expect(screen.getByText(/Xóa hẳn mọi trang "\(cũ\)" của sổ tính\?/u)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Xóa các bản sao cũ' }));
    expect(c.removeCopies).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Đã xóa 2 trang bản sao cũ.')).toBeTruthy();
  });

  it('re-runs consolidation with the ids of the accepted merge suggestions', async () => {
    const c = await openConsolidate();
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Đề xuất gộp hoạt động giống nhau (2)' }));
    const merge = await screen.findByRole('button', { name: 'Gộp các đề xuất đã chọn' });
    expect((merge as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Hỗ trợ giống lúa mới, kg, 100 + 200, Thôn A, B' }));
    expect((merge as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(merge);
    expect(c.consolidate).toHaveBeenLastCalledWith({ acceptMerges: ['k-a1+k-b1'] }, expect.any(Function));
    // the merged suggestion is shown as done; the other can still be chosen
    const done = await screen.findByRole('checkbox', { name: 'Hỗ trợ giống lúa mới, kg, 100 + 200, Thôn A, B (đã gộp)' });
    expect((done as HTMLInputElement).checked).toBe(true);
    expect((done as HTMLInputElement).disabled).toBe(true);
    const other = screen.getByRole('checkbox', { name: 'Tập huấn kỹ thuật chăn nuôi, lớp, 1 + 1, Thôn A, C' }) as HTMLInputElement;
    expect(other.checked).toBe(false);
  });

  it('warns when the counts do not balance and shows client errors as a sentence', async () => {
    const c = fakeClient();
    const v = consolidation();
    c.consolidate.mockResolvedValueOnce({ ...v, reconciliation: { ...v.reconciliation, balanced: false } });
    await openConsolidate(c);
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp' }));
    expect(await screen.findByText(/· KHÔNG khớp$/u)).toBeTruthy();
    c.consolidate.mockRejectedValueOnce(new Error('Không có biểu I.2 hay II.3 nào để tổng hợp.'));
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp lại' }));
    expect(await screen.findByText(/Không có biểu I\.2 hay II\.3 nào để tổng hợp\./u)).toBeTruthy();
  });
});
