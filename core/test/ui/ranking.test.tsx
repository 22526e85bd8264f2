/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_CRITERIA } from '../../src/workflow/ranking';
import { LkhPane } from '../../ui';
import { HANDBOOK_CRITERIA, listRank, splitSheets } from '../../ui/screens/RankingScreen';
import { RANKING, fakeClient, paneClient } from './fake-client';

async function openRanking(c = fakeClient()) {
  render(<LkhPane client={paneClient(c)} initialTab="ranking" />);
  await screen.findByRole('option', { name: 'II.6.B' });
  return c;
}

describe('Xếp ưu tiên', () => {
  it('offers the activity lists first, II.6.B chosen', async () => {
    const c = await openRanking();
    expect(c.listSheets).toHaveBeenCalled();
    const list = screen.getByLabelText('Danh sách cần xếp') as HTMLSelectElement;
    expect(list.value).toBe('II.6.B');
    const lists = list.querySelector('optgroup[label="Danh sách hoạt động"]') as HTMLElement;
    expect(within(lists).getAllByRole('option').map((o) => o.textContent)).toEqual(['II.6.B', 'II.6.A', 'Thôn A - I.2', 'Thôn C - I.2']);
    expect(screen.getByText('Chưa có phiếu nào: hãy tạo phiếu trước.')).toBeTruthy();
  });

  it('creates a marking ballot for the chosen list and participants', async () => {
    const c = await openRanking();
    await userEvent.selectOptions(screen.getByLabelText('Danh sách cần xếp'), 'Thôn A - I.2');
    const n = screen.getByLabelText('Số người tham gia');
    await userEvent.clear(n);
    await userEvent.type(n, '25');
    await userEvent.click(screen.getByRole('button', { name: 'Tạo phiếu' }));
    expect(c.createBallot).toHaveBeenCalledWith({ listSheet: 'Thôn A - I.2', method: 'marks', participants: 25 });
    expect(await screen.findByText(/Đã tạo phiếu "Phiếu ưu tiên - Thôn A - I\.2" với 3 hoạt động\./u)).toBeTruthy();
  });

  it('creates a scoring ballot with the edited criteria, then ranks from it', async () => {
    const c = await openRanking();
    await userEvent.click(screen.getByRole('radio', { name: 'Chấm điểm theo tiêu chí' }));
    // the handbook's four by default
    expect(HANDBOOK_CRITERIA).toEqual([...DEFAULT_CRITERIA]);
    expect(screen.getAllByRole('textbox', { name: /^Tiêu chí \d$/u }).map((i) => (i as HTMLInputElement).value)).toEqual([...DEFAULT_CRITERIA]);
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ tiêu chí "Hiệu quả chi phí"' }));
    await userEvent.click(screen.getByRole('button', { name: 'Thêm tiêu chí' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Tiêu chí 4' }), 'Phục vụ phụ nữ');
    await userEvent.click(screen.getByRole('button', { name: 'Tạo phiếu' }));
    expect(c.createBallot).toHaveBeenCalledWith({
      listSheet: 'II.6.B',
      method: 'scores',
      participants: 10,
      criteria: ['Tính phù hợp', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi', 'Phục vụ phụ nữ'],
    });
    await screen.findByText(/Đã tạo phiếu "Phiếu ưu tiên - II\.6\.B"/u);

    // the new ballot appears (the client lists it now) and is chosen
    c.listSheets.mockResolvedValue(['II.6.A', 'II.6.B', 'Phiếu ưu tiên - II.6.B']);
    await userEvent.click(screen.getByRole('button', { name: 'Tải lại danh sách trang' }));
    expect((screen.getByLabelText('Phiếu đã điền') as HTMLSelectElement).value).toBe('Phiếu ưu tiên - II.6.B');
    expect(screen.getByText(/trang phiếu giữ nguyên làm biên bản kiểm phiếu/u)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Xếp ưu tiên từ phiếu' }));
    expect(c.rankFromBallot).toHaveBeenCalledWith({ ballotSheet: 'Phiếu ưu tiên - II.6.B', listSheet: 'II.6.B' });

    expect(await screen.findByText('Đã xếp ưu tiên trang "II.6.B" theo phiếu của 14 người.')).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((x) => x.textContent))).toEqual([
      ['Hạng', 'Hoạt động', 'Tổng'],
      ['1', 'Bê tông hóa đường trục thôn A', '42'],
      ['2', 'Nạo vét kênh mương nội đồng', '30'],
      ['3', 'Xây nhà văn hóa thôn C', '12'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Đến ô D9 trang Phiếu ưu tiên - II.6.B' }));
    expect(c.selectCell).toHaveBeenCalledWith('Phiếu ưu tiên - II.6.B', 'D9');
  });

  it('ranks an existing ballot by its own record of the list, and shows errors', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['II.6.B', 'Phiếu ưu tiên - II.6.A']);
    c.rankFromBallot.mockRejectedValueOnce(new Error('Không biết phiếu "Phiếu ưu tiên - II.6.A" dùng cho danh sách nào; hãy chọn trang danh sách.'));
    await openRanking(c);
    await userEvent.click(screen.getByRole('button', { name: 'Xếp ưu tiên từ phiếu' }));
    expect(c.rankFromBallot).toHaveBeenCalledWith({ ballotSheet: 'Phiếu ưu tiên - II.6.A' });
    expect(await screen.findByText(/Không biết phiếu "Phiếu ưu tiên - II\.6\.A" dùng cho danh sách nào/u)).toBeTruthy();
  });

  it('shows whether the ranked list is valid (rule 8) and where the conclusion was written', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['II.6.B', 'Phiếu ưu tiên - II.6.B']);
    await openRanking(c);
    await userEvent.click(screen.getByRole('button', { name: 'Xếp ưu tiên từ phiếu' }));
    const validity = await screen.findByRole('region', { name: 'Tính hợp lệ của danh mục ưu tiên' });
    expect(validity.textContent).toContain('Chưa hợp lệ: chưa ghi số người đồng ý.');
    expect(validity.textContent).toContain('Đã ghi kết luận vào ô F40 trang "Phiếu ưu tiên - II.6.B".');
  });

  it('undoing the ranking takes its validity, notice and table away; undoing again brings them back', async () => {
    const c = fakeClient();
    c.listSheets.mockResolvedValue(['II.6.B', 'II.6.B (cũ)', 'Phiếu ưu tiên - II.6.B']);
    c.rankFromBallot.mockResolvedValue({ ...RANKING, keptCopy: 'II.6.B (cũ)' });
    const undo = jest.fn(async () => ({ action: 'rank' as const, restored: ['II.6.B'] }));
    render(<LkhPane client={paneClient({ ...c, undoLastChange: undo } as typeof c)} initialTab="ranking" />);
    await screen.findByRole('option', { name: 'II.6.B' });
    await userEvent.click(screen.getByRole('button', { name: 'Xếp ưu tiên từ phiếu' }));
    await screen.findByRole('region', { name: 'Tính hợp lệ của danh mục ưu tiên' });
    expect(screen.getByRole('table')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tác lần vừa làm' }));
    expect(await screen.findByText(/Đã hoàn tác lần xếp ưu tiên gần nhất/u)).toBeTruthy();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: 'Tính hợp lệ của danh mục ưu tiên' })).toBeNull();
    expect(screen.queryByText(/Chưa hợp lệ: chưa ghi số người đồng ý/u)).toBeNull();
    expect(screen.queryByText('Đã xếp ưu tiên trang "II.6.B" theo phiếu của 14 người.')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tác lần vừa làm' }));
    expect(undo).toHaveBeenCalledTimes(2);
    expect(await screen.findByRole('region', { name: 'Tính hợp lệ của danh mục ưu tiên' })).toBeTruthy();
  });

  it('checks the number of participants and the criteria before calling', async () => {
    const c = await openRanking();
    const n = screen.getByLabelText('Số người tham gia');
    await userEvent.clear(n);
    await userEvent.type(n, '0');
    expect(screen.getByText('Số người tham gia phải là số nguyên từ 1 đến 500.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Tạo phiếu' }) as HTMLButtonElement).disabled).toBe(true);
    expect(c.createBallot).not.toHaveBeenCalled();
  });

  it('offers only the lists a ballot can rank: II.6.B, II.6.A and a village\'s I.2', () => {
    expect(listRank('II.6.B')).toBe(0);
    expect(listRank('Thôn B - I.2')).toBe(2);
    expect(listRank('II.2')).toBeUndefined();
    expect(listRank('Phiếu ưu tiên - II.6.B')).toBeUndefined();
    // a workbook after consolidating the demo commune: the other forms, copies and ballots are not offered
    const names = ['Thôn Nà Lìu - I.1', 'Thôn Nà Lìu - I.2 - Trồng trọt', 'Thôn Nà Lìu - I.3', 'III.1', 'II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C', 'II.6.B (cũ)', 'II.6.A (cũ)', 'Phiếu ưu tiên - II.6.A', 'Phiếu ưu tiên - II.6.B (cũ)'];
    expect(splitSheets(names)).toEqual({ lists: ['II.6.B', 'II.6.A', 'Thôn Nà Lìu - I.2 - Trồng trọt'], ballots: ['Phiếu ưu tiên - II.6.A'] });
  });
});
