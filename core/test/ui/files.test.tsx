/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import { readBytes } from '../../ui/screens/FilesScreen';
import { fakeClient, paneClient } from './fake-client';

const xlsx = (name: string, bytes: number[]) => new File([new Uint8Array(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function openFiles(c = fakeClient()) {
  render(<LkhPane client={paneClient(c)} initialTab="files" />);
  await screen.findByRole('heading', { name: 'Nhận biểu qua thư điện tử hoặc Zalo' });
  return c;
}

describe('Tệp', () => {
  it('imports the chosen .xlsx files as bytes and lists the sheets added', async () => {
    const c = await openFiles();
    const input = screen.getByLabelText('Chọn tệp .xlsx') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.xlsx');
    expect(screen.getByText(/không trang nào đang có bị ghi đè/u)).toBeTruthy();
    await userEvent.upload(input, [xlsx('Thôn A - I.2.xlsx', [0x50, 0x4b, 3, 4]), xlsx('Hội Phụ nữ xã - II.3.xlsx', [0x50, 0x4b])]);
    expect(await screen.findByText('Đã thêm 2 trang: Thôn A - I.2, Hội Phụ nữ xã - II.3.')).toBeTruthy();
    expect(c.importFiles).toHaveBeenCalledTimes(1);
    const [files] = c.importFiles.mock.calls[0];
    expect(files.map((f) => f.name)).toEqual(['Thôn A - I.2.xlsx', 'Hội Phụ nữ xã - II.3.xlsx']);
    expect([...files[0].bytes]).toEqual([0x50, 0x4b, 3, 4]);
    expect(files[0].bytes).toBeInstanceOf(Uint8Array);
  });

  it('says which file it is reading, of how many, while a folder of files is added', async () => {
    const c = fakeClient();
    let release: () => void = () => undefined;
    c.importFiles.mockImplementationOnce(async (files, onProgress) => {
      onProgress?.(1, files.length, files[0].name);
      onProgress?.(2, files.length, files[1].name);
      await new Promise<void>((done) => (release = done));
      return { sheets: ['Thôn A - I.2', 'Thôn B - I.2', 'Thôn C - I.2'] };
    });
    await openFiles(c);
    await userEvent.upload(screen.getByLabelText('Chọn tệp .xlsx'), [xlsx('Thôn A.xlsx', [1]), xlsx('Thôn B.xlsx', [2]), xlsx('Thôn C.xlsx', [3])]);
    expect(await screen.findByText('Đang đọc tệp 2/3: Thôn B.xlsx…')).toBeTruthy();
    release();
    expect(await screen.findByText('Đã thêm 3 trang: Thôn A - I.2, Thôn B - I.2, Thôn C - I.2.')).toBeTruthy();
    expect(screen.queryByText(/Đang đọc tệp/u)).toBeNull();
  });

  it('skips files that are not .xlsx and says which', async () => {
    const c = await openFiles();
    const input = screen.getByLabelText('Chọn tệp .xlsx');
    await userEvent.upload(input, [xlsx('Thôn B - I.2.xlsx', [1]), new File(['x'], 'bien-ban.docx')], { applyAccept: false });
    expect(await screen.findByText('Chỉ nhận tệp .xlsx; bỏ qua: bien-ban.docx.')).toBeTruthy();
    expect(c.importFiles.mock.calls[0][0].map((f) => f.name)).toEqual(['Thôn B - I.2.xlsx']);
  });

  it('shows an import error as a sentence', async () => {
    const c = fakeClient();
    c.importFiles.mockRejectedValueOnce(new Error('Tệp "Thôn A - I.2.xlsx" không phải tệp Excel .xlsx đọc được.'));
    await openFiles(c);
    await userEvent.upload(screen.getByLabelText('Chọn tệp .xlsx'), [xlsx('Thôn A - I.2.xlsx', [1, 2])]);
    expect(await screen.findByText(/Tệp "Thôn A - I\.2\.xlsx" không phải tệp Excel \.xlsx đọc được\./u)).toBeTruthy();
  });

  it('exports the package for the level above', async () => {
    const c = await openFiles();
    expect(screen.getByText(/II\.4\.A, II\.4\.B, II\.6\.A, II\.6\.B để gửi Huyện\. Sổ tính này không bị thay đổi\./u)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Xuất tệp gửi cấp trên' }));
    expect(c.exportPackage).toHaveBeenCalledWith();
    expect(await screen.findByText('Đã tạo tệp "Xã Tân Lập - KH 2027 - gửi Huyện.xlsx".')).toBeTruthy();
    c.exportPackage.mockRejectedValueOnce(new Error('Chưa có trang II.6.B: hãy tổng hợp trước.'));
    await userEvent.click(screen.getByRole('button', { name: 'Xuất tệp gửi cấp trên' }));
    expect(await screen.findByText(/Chưa có trang II\.6\.B: hãy tổng hợp trước\./u)).toBeTruthy();
  });

  it('reads bytes with FileReader where Blob.arrayBuffer is missing', async () => {
    const f = xlsx('a.xlsx', [7, 8, 9]);
    Object.defineProperty(f, 'arrayBuffer', { value: undefined });
    expect([...(await readBytes(f))]).toEqual([7, 8, 9]);
  });
});
