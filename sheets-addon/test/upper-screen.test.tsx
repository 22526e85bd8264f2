/**
 * @jest-environment jsdom
 *
 * Cấp trên's screen with a client that answers as the server would: the import of packages tells
 * its progress ("Đang nhập 1/2 xã…"), says where it stopped and resumes with the files left; after
 * a roll-up, the commune picker rebuilds one commune's printable feedback.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FeedbackViewResult, RollUpView } from '../src/server/entry-points';
import type { PackagesOutcome, PackagesProgress } from '../src/sidebar/packages';
import type { SheetsClient } from '../src/sidebar/remote';
import { UpperLevelScreen } from '../src/sidebar/UpperLevelScreen';
import type { UploadedFile } from '../src/sidebar/xlsx-import';

const xlsx = (name: string): File => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

function view(communes: readonly string[]): RollUpView {
  const tally = { count: 12, amount: 1_000 };
  return {
    upperLevel: 'Tỉnh Lào Cai',
    communes: communes.map((name) => ({ name, activities: 6, total: 500, ii6a: 2, ii6b: 4, accepted: 0, rejected: 0, pending: 6, balanced: true })),
    reconciliation: { read: tally, written: tally, balanced: true, topics: [], keptAppraisals: 0, vanished: 0 },
    ranking: { accepted: 0, withinFunds: 0 },
    issues: [],
    findings: [],
    omitted: 0,
    read: [],
    sheets: ['Tổng hợp theo lĩnh vực'],
    keptCopies: [],
    feedbackCommune: communes[0],
    imported: { communes: 0, balanced: true },
    elapsedMs: 1000,
  };
}

describe('Cấp trên', () => {
  it('imports packages with progress, resumes where it stopped, and prints one commune\'s feedback', async () => {
    const imports: string[][] = [];
    let release: (() => void) | undefined;
    const viewed: string[] = [];
    const client = {
      importPackages: async (files: readonly UploadedFile[], onProgress?: PackagesProgress): Promise<PackagesOutcome> => {
        imports.push(files.map((f) => f.name));
        onProgress?.(0, files.length);
        if (imports.length === 1) {
          onProgress?.(1, files.length);
          // The first import waits, then the second call fails: one file imported, one left.
          await new Promise<void>((resolve) => (release = resolve));
          return { done: 1, total: files.length, communes: [{ name: 'Xã Số 001', activities: 6, balanced: true }], issues: [], error: 'Mất kết nối.' };
        }
        onProgress?.(files.length, files.length);
        return { done: files.length, total: files.length, communes: [{ name: 'Xã Số 002', activities: 6, balanced: true }], issues: [] };
      },
      rollUp: async () => view(['Xã Số 001', 'Xã Số 002']),
      feedbackView: async (commune: string): Promise<FeedbackViewResult> => {
        viewed.push(commune);
        return { sheet: 'Phiếu phản hồi', commune, activities: 6 };
      },
      downloadFeedback: async () => ({ fileName: 'Phan-hoi-cac-xa.zip', files: 2 }),
      selectCell: async () => undefined,
    } as unknown as SheetsClient;
    render(<UpperLevelScreen client={client} upperLevelName="Tỉnh Lào Cai" isUpper />);
    await userEvent.upload(screen.getByTestId('lkh-upper-file-input'), [xlsx('Xa-So-001.xlsx'), xlsx('Xa-So-002.xlsx')]);
    expect(await screen.findByText('Đang nhập 1/2 xã…')).toBeTruthy();
    release?.();
    expect(await screen.findByText('Đã nhập 1/2 tệp rồi dừng: Mất kết nối.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Nhập tiếp 1 tệp còn lại' }));
    expect(await screen.findByText(/^Đã nhập 1 tệp: 1 xã vào bảng dữ liệu, số hoạt động đọc được = số dòng ghi vào bảng\./u)).toBeTruthy();
    expect(imports).toEqual([['Xa-So-001.xlsx', 'Xa-So-002.xlsx'], ['Xa-So-002.xlsx']]);
    expect(screen.queryByRole('button', { name: /^Nhập tiếp/u })).toBeNull();
    // The roll-up, then one commune's printable feedback.
    await userEvent.click(screen.getByRole('button', { name: 'Tổng hợp các xã' }));
    const picker = await screen.findByRole('combobox', { name: 'Phiếu phản hồi in cho xã' });
    await userEvent.selectOptions(picker, 'Xã Số 002');
    await userEvent.click(screen.getByRole('button', { name: 'Xem phiếu phản hồi' }));
    await waitFor(() => expect(viewed).toEqual(['Xã Số 002']));
    expect(await screen.findByText('Trang "Phiếu phản hồi" nay là của Xã Số 002 (6 hoạt động): in trang này để gửi xã.')).toBeTruthy();
  });
});
