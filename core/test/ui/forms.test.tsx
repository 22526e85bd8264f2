/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

async function openForms(c = fakeClient()) {
  render(<LkhPane client={paneClient(c)} initialTab="forms" />);
  await screen.findByRole('option', { name: /^I\.2 — Thuận lợi/u });
  return c;
}

describe('Biểu mẫu', () => {
  it('lists the forms grouped by level with code and title, starting at the user’s level', async () => {
    const c = await openForms();
    expect(c.listForms).toHaveBeenCalledTimes(1);
    const select = screen.getByLabelText('Biểu mẫu') as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['Biểu cấp thôn', 'Biểu cấp xã', 'Biểu cấp huyện', 'Biểu cấp tỉnh']);
    expect(within(select.querySelector('optgroup[label="Biểu cấp xã"]') as HTMLElement).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'II.3 — Thuận lợi, khó khăn, nguyên nhân, giải pháp và đề xuất hoạt động của ban ngành',
      'II.4.B — Tổng hợp đề xuất các hoạt động',
    ]);
    // the workbook is a commune's: the first commune form is chosen
    expect(select.value).toBe('II.3');
    expect(screen.getByText('Nếu đã có trang cùng tên, trang cũ được giữ lại thành một bản sao, không bị xóa.')).toBeTruthy();
  });

  it('inserts the chosen form for a unit and shows the sheet created and the copy kept', async () => {
    const c = fakeClient();
    c.insertForm.mockResolvedValueOnce({ sheet: 'Thôn A - I.2', keptCopy: 'Thôn A - I.2 (cũ)' });
    await openForms(c);
    await userEvent.selectOptions(screen.getByLabelText('Biểu mẫu'), 'I.2');
    await userEvent.type(screen.getByLabelText('Tên thôn / ban ngành (không bắt buộc)'), '  Thôn A ');
    await userEvent.click(screen.getByRole('button', { name: 'Chèn biểu' }));
    expect(c.insertForm).toHaveBeenCalledWith('I.2', 'Thôn A');
    expect(await screen.findByText(/Đã tạo trang "Thôn A - I\.2"\./u)).toBeTruthy();
    expect(screen.getByText(/Trang cũ cùng tên được giữ lại thành "Thôn A - I\.2 \(cũ\)"\./u)).toBeTruthy();
  });

  it('inserts without a unit name and reports errors plainly', async () => {
    const c = await openForms();
    await userEvent.click(screen.getByRole('button', { name: 'Chèn biểu' }));
    expect(c.insertForm).toHaveBeenCalledWith('II.3', undefined);
    expect(await screen.findByText('Đã tạo trang "II.3".')).toBeTruthy();
    c.insertForm.mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'sheets')"));
    await userEvent.click(screen.getByRole('button', { name: 'Chèn biểu' }));
    expect(await screen.findByText(/Đã có lỗi không mong muốn trong LKH/u)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Cannot read properties');
  });

  it('says so when the forms cannot be listed', async () => {
    const c = fakeClient();
    c.listForms.mockRejectedValueOnce(new Error('NetworkError: Connection failure due to HTTP 0'));
    render(<LkhPane client={paneClient(c)} initialTab="forms" />);
    expect(await screen.findByText('Mất kết nối. Hãy kiểm tra mạng rồi thử lại.')).toBeTruthy();
  });
});
