/** @jest-environment jsdom */
/**
 * Tổng quan (issue 14, deliverable 1): where the workbook is (plan year, period, level, unit), the
 * step of the seven, what was received and what is missing, the plan's totals with their charts,
 * the villages' share against 75%, and the one primary button for the next action.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OverviewView } from '../../src/app/actions';
import { LkhPane } from '../../ui';
import type { ChecklistView } from '../../ui/checklist-types';
import { SETTINGS, checklistView, fakeClient, paneClient } from './fake-client';

const OVERVIEW: OverviewView = {
  plan: {
    activities: 10,
    total: 1100000,
    sheets: ['II.6.A', 'II.6.B'],
    topics: [
      { topic: 'csht', count: 4, total: 800000 },
      { topic: 'kinh-te', count: 4, total: 200000 },
      { topic: 'vh-xh-mt', count: 2, total: 100000 },
    ],
    groups: [
      { group: 'no-outside-money', count: 2, total: 50000 },
      { group: 'investment', count: 3, total: 750000 },
      { group: 'proposals', count: 5, total: 300000 },
    ],
    sources: [
      { kind: 'contribution', amount: 150000 },
      { kind: 'budget', fund: 'CT 135', amount: 650000 },
      { kind: 'proposed', amount: 300000 },
    ],
    villageShare: [
      { base: 'budget', village: 520000, total: 650000, share: 0.8, rule: true },
      { base: 'outside', village: 600000, total: 950000, share: 600000 / 950000, rule: false },
      { base: 'all', village: 700000, total: 1100000, share: 700000 / 1100000, rule: false },
    ],
    villageShareMin: 0.75,
    returned: 2,
  },
};

function withVillages(): ChecklistView {
  const base = checklistView();
  const steps = base.steps.map((s) => (s.id === 'buoc2' ? { ...s, forms: [...s.forms, { form: 'II.3', label: 'Biểu II.3 (từ các ban ngành, đơn vị)', labelEn: 'Form II.3', sheets: ['Hội Phụ nữ xã - II.3'], present: true }] } : s));
  return {
    ...base,
    steps,
    villages: [
      { unit: 'Thôn A', missing: [], text: 'Thôn A: đủ Biểu I.1, I.2, I.3', textEn: 'Thôn A: forms I.1, I.2, I.3 all in' },
      { unit: 'Thôn C', missing: ['I.1', 'I.3'], text: 'Thôn C: chưa có Biểu I.1, I.3', textEn: 'Thôn C: no form I.1, I.3 yet' },
    ],
  };
}

function client(overview: OverviewView | undefined = OVERVIEW, checklist: ChecklistView = withVillages()) {
  const c = fakeClient();
  c.checklist.mockResolvedValue(checklist);
  return Object.assign(c, { overview: jest.fn(async () => overview ?? {}) });
}

describe('Tổng quan', () => {
  it('shows where the workbook is, the step, what came in, the plan in figures and bars', async () => {
    const c = client();
    render(<LkhPane client={paneClient(c)} today="2026-05-10" initialTab="home" />);
    expect(await screen.findByRole('heading', { name: 'Tổng quan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tổng quan' }).getAttribute('aria-current')).toBe('page');
    expect(c.checklist).toHaveBeenCalledWith('2026-05-10');
    // plan year, period, level, unit
    for (const v of ['2027', '2021-2025', 'Xã', 'Xã Tân Lập']) expect(screen.getAllByText(v).length).toBeGreaterThan(0);
    // the step of the seven
    const step = await screen.findByRole('region', { name: 'Đang ở bước' });
    expect(within(step).getByText('Bước 1: Công tác chuẩn bị')).toBeTruthy();
    // the checklist's line once, in the whole pane: nothing repeats the count or the step
    expect(screen.getAllByText('0/7 bước đã xong; Bước 1 còn 4 ngày (hạn 14/05/2026)')).toHaveLength(1);
    expect(screen.getAllByText(/bước đã xong/u)).toHaveLength(1);
    expect(step.textContent).toBe('Đang ở bướcBước 1: Công tác chuẩn bị0/7 bước đã xong; Bước 1 còn 4 ngày (hạn 14/05/2026)');
    // what was received, what is missing
    const received = screen.getByRole('region', { name: 'Đã nhận' });
    expect(within(received).getByText('Các thôn — 1/2 thôn đã gửi đủ')).toBeTruthy();
    expect(within(received).getByText('Thôn C: chưa có Biểu I.1, I.3')).toBeTruthy();
    expect(within(received).getByText('Các ban ngành (Biểu II.3): 1 trang (Hội Phụ nữ xã - II.3)')).toBeTruthy();
    expect(within(received).getByText('Định hướng của cấp trên (Biểu III.1): chưa có')).toBeTruthy();
    // the plan: one unit, triệu đồng
    const plan = await screen.findByRole('region', { name: 'Kế hoạch đã tổng hợp' });
    expect(within(plan).getByText('10 hoạt động · 1.100 triệu đồng')).toBeTruthy();
    expect(within(plan).getByText('Đơn vị tính: triệu đồng')).toBeTruthy();
    expect(within(plan).queryByText(/nghìn đồng/u)).toBeNull();
    const topics = within(plan).getByRole('list', { name: 'Nguồn lực theo chủ đề' });
    expect(within(topics).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Cơ sở hạ tầng · 4 hoạt động800 tr.đ',
      'Kinh tế và tổ chức sản xuất · 4 hoạt động200 tr.đ',
      'Văn hóa - Xã hội - Môi trường · 2 hoạt động100 tr.đ',
    ]);
    const sources = within(plan).getByRole('list', { name: 'Nguồn lực theo nguồn vốn' });
    expect(within(sources).getByText('Ngân sách: CT 135')).toBeTruthy();
    const groups = within(plan).getByRole('list', { name: 'Theo nhóm nguồn vốn' });
    expect(within(groups).getByText('II.6.B – Đề xuất chưa rõ nguồn vốn · 5 hoạt động')).toBeTruthy();
    // the bars: the largest full, the others in proportion
    const bars = topics.querySelectorAll('[aria-hidden="true"] > span');
    expect([...bars].map((b) => (b as HTMLElement).style.width)).toEqual(['100%', '25%', '12.5%']);
    // the villages' share against 75%: the rule's base judged, the others for comparison
    const share = within(plan).getByRole('list', { name: 'Tỷ lệ dành cho hoạt động do thôn đề xuất' });
    const lines = within(share).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines[0]).toBe('Vốn ngân sách xã phân bổ (cơ sở Sổ tay dùng)80%Đạt');
    expect(lines[1]).toMatch(/63,2%Để so sánh$/u);
    expect(within(plan).getByText('2 hoạt động đã trả lại nơi đề xuất (xem Tổng hợp).')).toBeTruthy();
  });

  it('when every step is done, says so once', async () => {
    const done: ChecklistView = { ...withVillages(), summary: 'Đã xong cả 7 bước', summaryEn: 'All 7 steps done' };
    delete (done as { nextStep?: string }).nextStep;
    const c = client(OVERVIEW, done);
    render(<LkhPane client={paneClient(c)} initialTab="home" />);
    const step = await screen.findByRole('region', { name: 'Đang ở bước' });
    expect(step.textContent).toBe('Đang ở bướcĐã xong cả 7 bước');
    expect(screen.getAllByText(/Đã xong cả/u)).toHaveLength(1);
  });

  it('without a plan: says so', async () => {
    const c = client({});
    render(<LkhPane client={paneClient(c)} initialTab="home" />);
    expect(await screen.findByText('Chưa có kế hoạch tổng hợp. Khi đã nhận biểu của các thôn và ban ngành, bấm Tổng hợp.')).toBeTruthy();
  });

  it('with nothing received: says what is missing', async () => {
    const empty = checklistView();
    const c = client({}, { ...empty, steps: empty.steps.map((s) => ({ ...s, forms: s.forms.map((f) => ({ ...f, sheets: [], present: false })) })), villages: [] });
    render(<LkhPane client={paneClient(c)} initialTab="home" />);
    expect(await screen.findByText('Chưa có biểu nào của thôn.')).toBeTruthy();
    expect(screen.getByText('Các ban ngành (Biểu II.3): Chưa có Biểu II.3 nào.')).toBeTruthy();
  });

  it('in English, every line of it', async () => {
    const c = client();
    render(<LkhPane client={paneClient(c)} lang="en" initialTab="home" />);
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeTruthy();
    expect(await screen.findByText('Step 1: Preparation')).toBeTruthy();
    expect(screen.getAllByText(/steps done/u)).toHaveLength(1);
    expect(screen.getByText('Thôn C: no form I.1, I.3 yet')).toBeTruthy();
    expect(await screen.findByText('10 activities · 1,100 million VND')).toBeTruthy();
    expect(screen.getByText('Infrastructure · 4 activities')).toBeTruthy();
    expect(screen.getByText("People's contribution")).toBeTruthy();
    expect(screen.getByText('Met')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Tổng quan|Đã nhận|hoạt động|Đạt/u);
  });

  it('is read again when the tab is opened again', async () => {
    const c = client();
    render(<LkhPane client={paneClient(c)} initialTab="home" />);
    await screen.findByText('10 hoạt động · 1.100 triệu đồng');
    const before = c.overview.mock.calls.length;
    await userEvent.click(screen.getByRole('button', { name: /^Bước 1:/u }));
    await userEvent.click(screen.getByRole('button', { name: 'Tổng quan' }));
    await screen.findByText('10 hoạt động · 1.100 triệu đồng');
    await waitFor(() => expect(c.overview.mock.calls.length).toBe(before + 1));
  });

  it('without the plan year: the pane opens on Cài đặt; Tổng quan says to fill it', async () => {
    const c = client({});
    c.getSettings.mockResolvedValue({ ...SETTINGS, planYear: undefined } as never);
    render(<LkhPane client={paneClient(c)} />);
    expect(await screen.findByRole('heading', { name: 'Cài đặt của sổ tính' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tổng quan' }));
    expect(await screen.findByText('chưa nhập')).toBeTruthy();
  });
});
