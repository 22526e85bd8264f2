/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import type { DocumentDownload } from '../../ui/client';
import type { DocumentKind } from '../../src/documents/draft';
import { DOCUMENT_KINDS } from '../../src/documents/draft';
import { SCREEN_DOCUMENTS } from '../../ui/screens/DocumentsScreen';
import { fakeClient, paneClient } from './fake-client';

function clientWithDocuments() {
  const c = fakeClient();
  const downloadDocument = jest.fn(async (kind: DocumentKind): Promise<DocumentDownload> => {
    if (kind === 'II.8') throw new Error('Biểu II.8 cần Biểu I.1 của các thôn: thêm tệp của thôn ở "Tệp" (sổ tính chưa có Biểu I.1 nào đọc được).');
    if (kind === 'II.2') return { fileName: 'II.2.xlsx', note: 'ngày theo danh mục 7 bước (kể cả ngày xã đã sửa); ngày ký và người phụ trách các hoạt động 6-15 để xã ghi', missing: [] };
    return { fileName: `${kind}.docx`, blanks: 12, missing: kind === 'II.7.B' ? ['II.6.C'] : [] };
  });
  return { c, downloadDocument, client: { ...paneClient(c), downloadDocument } };
}

const item = (name: string) => screen.getByRole('listitem', { name });

describe('Văn bản', () => {
  it('lists every document with what it holds and what it leaves, and downloads one per button', async () => {
    const { client, downloadDocument } = clientWithDocuments();
    render(<LkhPane client={client} initialTab="documents" />);
    expect(await screen.findByRole('heading', { name: 'Văn bản của kế hoạch' })).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Văn bản của kế hoạch' })).getAllByRole('listitem');
    expect(items).toHaveLength(7);
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'II.7.A – Dự thảo kế hoạch giảm nghèo bền vững',
      'II.7.B – Dự thảo kế hoạch xây dựng nông thôn mới',
      'II.10 – Phản hồi kế hoạch cho các thôn',
      'II.1 – Phiếu đánh giá công tác lập kế hoạch',
      'II.2 – Văn bản chỉ đạo và lịch triển khai',
      'II.8 – Số liệu cơ bản của xã',
      'Tài liệu phát tại hội nghị kế hoạch xã',
    ]);
    // Each says what it holds and what the commune still writes, and whether it is Word or a sheet.
    const ii7a = item('II.7.A – Dự thảo kế hoạch giảm nghèo bền vững');
    expect(within(ii7a).getByText(/chép từ II\.4\.A/u)).toBeTruthy();
    expect(within(ii7a).getByText(/vốn cấp trên giao/u)).toBeTruthy();
    expect(within(ii7a).getByText('Word (.docx)')).toBeTruthy();
    expect(within(item('II.8 – Số liệu cơ bản của xã')).getByText('Bảng tính (.xlsx)')).toBeTruthy();

    await userEvent.click(within(ii7a).getByRole('button', { name: 'Tải II.7.A' }));
    expect(downloadDocument).toHaveBeenCalledWith('II.7.A');
    expect(await within(ii7a).findByText('Đã tải "II.7.A.docx". Còn 12 chỗ "………" để xã tự viết.')).toBeTruthy();

    const ii7b = item('II.7.B – Dự thảo kế hoạch xây dựng nông thôn mới');
    await userEvent.click(within(ii7b).getByRole('button', { name: 'Tải II.7.B' }));
    expect(await within(ii7b).findByText(/Sổ tính chưa có II\.6\.C: các phần lấy từ những biểu này để trống\./u)).toBeTruthy();
    // Only the last document's outcome is shown.
    expect(within(ii7a).queryByText(/Đã tải/u)).toBeNull();

    const ii2 = item('II.2 – Văn bản chỉ đạo và lịch triển khai');
    await userEvent.click(within(ii2).getByRole('button', { name: 'Tải II.2' }));
    expect(await within(ii2).findByText(/^Đã tải "II\.2\.xlsx"\. ngày theo danh mục 7 bước/u)).toBeTruthy();

    await userEvent.click(within(item('Tài liệu phát tại hội nghị kế hoạch xã')).getByRole('button', { name: 'Tải tài liệu hội nghị' }));
    expect(downloadDocument).toHaveBeenLastCalledWith('handout');
  });

  it('says in a sentence why a document cannot be drafted yet', async () => {
    const { client } = clientWithDocuments();
    render(<LkhPane client={client} initialTab="documents" />);
    const ii8 = await screen.findByRole('listitem', { name: 'II.8 – Số liệu cơ bản của xã' });
    await userEvent.click(within(ii8).getByRole('button', { name: 'Tải II.8' }));
    expect(await within(ii8).findByText(/thêm tệp của thôn ở "Tệp"/u)).toBeTruthy();
    expect(within(ii8).getByText('Không thực hiện được')).toBeTruthy();
  });

  it('shows the list without buttons where the host cannot download documents', async () => {
    render(<LkhPane client={paneClient(fakeClient('sheets'))} initialTab="documents" />);
    expect(await screen.findByText('Nơi mở sổ tính này chưa tải được văn bản.')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
    expect(screen.queryByRole('button', { name: /^Tải / })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tạo trang có biểu đồ trong sổ tính' })).toBeNull();
  });

  it('speaks English on request', async () => {
    const { client, downloadDocument } = clientWithDocuments();
    render(<LkhPane client={client} initialTab="documents" lang="en" />);
    expect(await screen.findByRole('heading', { name: 'Documents of the plan' })).toBeTruthy();
    const handout = item('Handout for the commune planning conference');
    expect(within(handout).getByText(/print it before the conference/u)).toBeTruthy();
    await userEvent.click(within(handout).getByRole('button', { name: 'Download the handout' }));
    expect(downloadDocument).toHaveBeenCalledWith('handout');
    expect(await within(handout).findByText('Downloaded "handout.docx". 12 places "………" left for the commune to write.')).toBeTruthy();
  });

  it('offers the handout as a sheet with charts where the host draws them (Excel)', async () => {
    const { client } = clientWithDocuments();
    const insertHandoutSheet = jest.fn(async () => ({ sheet: 'Tóm tắt hội nghị', charts: 3, keptCopy: 'Tóm tắt hội nghị (cũ)' }));
    render(<LkhPane client={{ ...client, insertHandoutSheet }} initialTab="documents" />);
    const handout = await screen.findByRole('listitem', { name: 'Tài liệu phát tại hội nghị kế hoạch xã' });
    await userEvent.click(within(handout).getByRole('button', { name: 'Tạo trang có biểu đồ trong sổ tính' }));
    expect(insertHandoutSheet).toHaveBeenCalledTimes(1);
    expect(await within(handout).findByText('Đã tạo trang "Tóm tắt hội nghị" với 3 biểu đồ của Excel; in trang này để phát tại hội nghị. Trang trước được giữ thành "Tóm tắt hội nghị (cũ)".')).toBeTruthy();
    // Other documents have no such button; a host without charts shows none.
    expect(screen.getAllByRole('button', { name: 'Tạo trang có biểu đồ trong sổ tính' })).toHaveLength(1);
  });

  it('offers every document the core drafts', () => {
    expect([...SCREEN_DOCUMENTS].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});
