/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

describe('Tệp: a damaged file among several', () => {
  it('lists the tabs added from the good files and names each file that could not be opened', async () => {
    const c = fakeClient();
    c.importFiles.mockResolvedValueOnce({
      sheets: ['Thôn A - I.2'],
      failed: [{ name: 'Thôn B - I.2.xlsx', message: 'Không mở được tệp "Thôn B - I.2.xlsx": tệp bị hỏng hoặc không phải tệp Excel (.xlsx).' }],
    });
    render(<LkhPane client={paneClient(c)} initialTab="files" />);
    await screen.findByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' });
    await userEvent.upload(screen.getByLabelText('Chọn tệp .xlsx'), [xlsx('Thôn A - I.2.xlsx'), xlsx('Thôn B - I.2.xlsx')]);
    expect(await screen.findByText('Đã thêm 1 trang: Thôn A - I.2.')).toBeTruthy();
    expect(screen.getByText('Một tệp không mở được; các tệp khác vẫn được thêm:')).toBeTruthy();
    expect(screen.getByText('Không mở được tệp "Thôn B - I.2.xlsx": tệp bị hỏng hoặc không phải tệp Excel (.xlsx).')).toBeTruthy();
  });

  it('does not say "nothing added" beside the failures when every file failed', async () => {
    const c = fakeClient();
    c.importFiles.mockResolvedValueOnce({ sheets: [], failed: [{ name: 'x.xlsx', message: 'Không mở được tệp "x.xlsx": tệp rỗng (0 byte).' }, { name: 'y.xlsx', message: 'Không mở được tệp "y.xlsx": tệp rỗng (0 byte).' }] });
    render(<LkhPane client={paneClient(c)} initialTab="files" />);
    await screen.findByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' });
    await userEvent.upload(screen.getByLabelText('Chọn tệp .xlsx'), [xlsx('x.xlsx'), xlsx('y.xlsx')]);
    expect(await screen.findByText('2 tệp không mở được:')).toBeTruthy();
    expect(screen.queryByText('Không có trang nào được thêm.')).toBeNull();
  });
});
