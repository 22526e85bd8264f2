/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentState } from '../../src/port/types';
import { checklistOfDocument, readChecklistState, setTick, writeChecklistState } from '../../src/year';
import { LkhPane } from '../../ui';
import { checklistView, fakeClient, paneClient } from './fake-client';

async function openChecklist(c = fakeClient(), lang: 'vi' | 'en' = 'vi') {
  render(<LkhPane client={paneClient(c)} initialTab="checklist" today="2026-05-10" lang={lang} />);
  await screen.findByRole('heading', { name: lang === 'vi' ? 'Các bước lập kế hoạch' : 'Planning steps' });
  return c;
}

/** The Các bước screen itself (the pane's step buttons carry the same names). */
const inPanel = () => within(document.getElementById('lkh-panel-checklist') as HTMLElement);

describe('Các bước', () => {
  it('shows the steps with dates, status badges, forms ticked from the workbook and manual ticks', async () => {
    const c = await openChecklist();
    expect(await inPanel().findByText('0/7 bước đã xong; Bước 1 còn 4 ngày (hạn 14/05/2026)')).toBeTruthy();
    expect(c.checklist).toHaveBeenCalledWith('2026-05-10');
    expect(inPanel().getByText('Bảy bước của cấp xã, kế hoạch năm 2027.')).toBeTruthy();
    const step1 = inPanel().getByRole('button', { name: /Bước 1: Công tác chuẩn bị/u });
    expect(step1.textContent).toContain('Sắp đến hạn');
    expect(step1.textContent).toContain('01/04/2026 – 14/05/2026');
    expect(inPanel().getByRole('button', { name: /Bước 2: Thu thập thông tin/u }).textContent).toContain('Chưa đến hạn');
    // the next step is open: its sub-item, forms and manual items
    expect(inPanel().getByText('Ban hành văn bản chỉ đạo về công tác LKH cấp xã hàng năm')).toBeTruthy();
    expect(inPanel().getByText('Quá hạn')).toBeTruthy();
    expect(inPanel().getByText('Biểu II.1 — có ở: II.1')).toBeTruthy();
    expect(inPanel().getByText('Biểu II.2 — chưa có trong sổ tính')).toBeTruthy();
    const manual = inPanel().getByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }) as HTMLInputElement;
    expect(manual.checked).toBe(false);
  });

  it('ticks a manual item through the client and shows the new state', async () => {
    const c = await openChecklist();
    await userEvent.click(await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }));
    expect(c.setChecklistTick).toHaveBeenCalledWith('buoc1.2.ban-hanh', true);
    expect(((await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' })) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(inPanel().getByRole('checkbox', { name: 'Đánh dấu cả bước đã xong' }));
    expect(c.setChecklistTick).toHaveBeenLastCalledWith('buoc1', true);
  });

  it('reads the checklist again when the tick call returns nothing, and shows errors', async () => {
    const c = fakeClient();
    // the workbook's answer: ticked once the tick is saved (the call itself returns nothing)
    let ticked = false;
    c.setChecklistTick.mockImplementationOnce(async () => {
      ticked = true;
      return undefined;
    });
    c.checklist.mockImplementation(async () => checklistView(ticked ? ['buoc1.2.ban-hanh'] : []));
    await openChecklist(c);
    await userEvent.click(await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }));
    // checked only because the list was read again: the tick call returned nothing
    expect(((await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành', checked: true })) as HTMLInputElement).checked).toBe(true);
    c.setChecklistTick.mockRejectedValueOnce(new Error('Sổ tính đang ở chế độ chỉ đọc.'));
    await userEvent.click(inPanel().getByRole('checkbox', { name: 'Đánh dấu cả bước đã xong' }));
    expect(await inPanel().findByText(/Sổ tính đang ở chế độ chỉ đọc\./u)).toBeTruthy();
  });

  it('asks for the plan year while the workbook has none', async () => {
    const c = fakeClient();
    c.checklist.mockResolvedValueOnce(undefined);
    await openChecklist(c);
    expect(await inPanel().findByText('Hãy nhập năm kế hoạch và chọn cấp trong Cài đặt để xem các bước.')).toBeTruthy();
  });

  it('says the checklist is not available when the client does not offer it', async () => {
    const c = fakeClient() as Partial<ReturnType<typeof fakeClient>>;
    delete c.checklist;
    delete c.setChecklistTick;
    render(<LkhPane client={paneClient(c as ReturnType<typeof fakeClient>)} initialTab="checklist" />);
    expect(await screen.findByText('Danh sách các bước chưa có trong phiên bản này.')).toBeTruthy();
  });

  it('shows the calendar’s own checklist in English (core/src/workflow/calendar.ts)', async () => {
    let state: DocumentState = { level: 'xa', planYear: 2027, sheetForms: { 'II.1': 'II.1', 'Thôn A - I.2': 'I.2' } };
    const c = fakeClient();
    // II.1 typed in, Thôn A's I.2 still the blank template.
    const contents = { 'II.1': { form: 'II.1' as const, filled: true }, 'Thôn A - I.2': { form: 'I.2' as const, filled: false, unit: 'Thôn A' } };
    c.checklist.mockImplementation(async (today: string) => checklistOfDocument(state, today, contents));
    c.setChecklistTick.mockImplementation(async (id: string, value: boolean) => {
      state = writeChecklistState(state, setTick(readChecklistState(state), id, value));
      return checklistOfDocument(state, '2026-05-10', contents);
    });
    await openChecklist(c, 'en');
    const step1 = await inPanel().findByRole('button', { name: /Step 1: Preparation/u });
    expect(step1.textContent).toMatch(/Due soon|Overdue|Upcoming/u);
    expect(inPanel().getAllByRole('button', { name: /^Step \d/u })).toHaveLength(7);
    const panel = step1.closest('.fui-AccordionItem') as HTMLElement;
    expect(within(panel).getByText(/Form II\.1 — in: II\.1/u)).toBeTruthy();
    const box = within(panel).getByRole('checkbox', { name: 'Commune planning working group set up or renewed' });
    await userEvent.click(box);
    expect(c.setChecklistTick).toHaveBeenCalledWith('buoc1.1.tct-xa', true);
    expect(((await within(panel).findByRole('checkbox', { name: 'Commune planning working group set up or renewed', checked: true })) as HTMLInputElement).checked).toBe(true);
  });
  it('says which village has not sent which form, and why a form with sheets is not ticked', async () => {
    const state: DocumentState = { level: 'xa', planYear: 2027, sheetForms: { 'Thôn A - I.2': 'I.2', 'Thôn B - I.2': 'I.2' }, extra: { villages: ['Thôn A', 'Thôn B', 'Thôn C'] } };
    const contents = { 'Thôn A - I.2': { form: 'I.2' as const, filled: true, unit: 'Thôn A' }, 'Thôn B - I.2': { form: 'I.2' as const, filled: false, unit: 'Thôn B' } };
    const c = fakeClient();
    c.checklist.mockImplementation(async (today: string) => checklistOfDocument(state, today, contents));
    await openChecklist(c);
    const list = await inPanel().findByRole('region', { name: 'Các thôn đã gửi gì' });
    expect(within(list).getByText('Thôn A: chưa có Biểu I.1, I.3')).toBeTruthy();
    expect(within(list).getByText('Thôn C: chưa có Biểu I.1, I.2, I.3')).toBeTruthy();
    await userEvent.click(inPanel().getByRole('button', { name: /Bước 2: Thu thập thông tin/u }));
    expect(inPanel().getAllByText(/Biểu I\.2 \(từ các thôn\) — Trang "Thôn B - I\.2" chưa có nội dung .*còn thiếu: Thôn B, Thôn C\./u).length).toBeGreaterThan(0);
  });
});
