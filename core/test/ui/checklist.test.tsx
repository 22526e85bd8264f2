/** @jest-environment jsdom */
/**
 * Các bước shows the year's one state (core/src/year `yearStatus`), the same as each step's head
 * and `lkh status`: on a hand-made workbook of a commune that starts at the consolidation (two
 * villages' I.2, one department's II.3, nothing of step 1), driven through the core's own actions.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Actions } from '../../src/app/actions';
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import type { YearStatus } from '../../src/year';
import { markDemo } from '../../src/year';
import { LkhPane } from '../../ui';
import { addSourceSheet } from '../workflow/helpers';
import { fakeClient, paneClient } from './fake-client';

const SETTINGS = { planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa' as const, period: '2026-2030' as const, upperLevelName: 'Tỉnh Lào Cai' };

/** Two villages' proposals and one department's, typed into tabs; then consolidated. */
async function consolidatedCommune(): Promise<{ wb: MemoryWorkbook; a: Actions }> {
  const wb = MemoryWorkbook.fromArrays({});
  for (const v of ['Thôn Nà Lìu', 'Thôn Pác Ngòi']) {
    await addSourceSheet(wb, 'I.2', v, 'Nông nghiệp', [{ activity: `Cứng hóa kênh mương ${v}`, unit: 'm', quantity: 200, contribution: 20000, support: 130000 }]);
  }
  await addSourceSheet(wb, 'II.3', 'Hội Nông dân xã', 'Nông nghiệp', [{ activity: 'Tập huấn kỹ thuật trồng lúa', unit: 'lớp', quantity: 2, contribution: 0, support: 8000 }]);
  const a = createActions(wb);
  await a.saveSettings(SETTINGS);
  await a.consolidate();
  return { wb, a };
}

/** The pane's client: the fake's host calls, the year and its ticks from the core's actions. */
function coreClient(a: Actions) {
  const c = fakeClient();
  return {
    ...paneClient(c),
    getSettings: jest.fn(async () => a.getSettings()),
    yearStatus: jest.fn(async (today: string) => a.yearStatus(today)),
    checklist: jest.fn(async (today: string) => a.checklist(today)),
    setChecklistTick: jest.fn(async (id: string, value: boolean) => a.setChecklistTick(id, value)),
    setChecklistDates: jest.fn(async (id: string, d: { start?: string; end?: string } | null) => a.setChecklistDates(id, d)),
  };
}

async function openChecklist(client: ReturnType<typeof coreClient>, today: string, lang: 'vi' | 'en' = 'vi') {
  render(<LkhPane client={client} initialTab="checklist" today={today} lang={lang} />);
  await screen.findByRole('heading', { name: lang === 'vi' ? 'Các bước lập kế hoạch' : 'Planning steps' });
  await inPanel().findByText(/Bảy bước của cấp xã|The seven steps/u);
}

/** The Các bước screen itself (the pane's step buttons carry the same names). */
const inPanel = () => within(document.getElementById('lkh-panel-checklist') as HTMLElement);
const stepOf = (n: number) => document.querySelector(`#lkh-panel-checklist [data-lkh-checklist-step="${n}"]`) as HTMLElement;
/** Each result shown under a step: its id, done, its line. */
const shown = (n: number) => [...stepOf(n).querySelectorAll('[data-lkh-item]')].map((li) => ({ id: li.getAttribute('data-lkh-item'), done: li.getAttribute('data-lkh-done') === 'true', text: li.textContent ?? '' }));

describe('Các bước: the year as the status has it', () => {
  it('shows each step and each result as yearStatus does: done or missing, with the evidence, the current step open', async () => {
    const { a } = await consolidatedCommune();
    const status: YearStatus = await a.yearStatus('2026-06-01');
    await openChecklist(coreClient(a), '2026-06-01');
    expect(status.current).toBe(3);
    // every step, in the status's words, with its count; the one the commune is in said so
    for (const s of status.steps) {
      const header = within(stepOf(s.n)).getAllByRole('button')[0];
      expect(header.textContent).toContain(s.heading);
      expect(header.textContent).toContain(`${s.counts.done}/${s.counts.total} kết quả đã có`);
    }
    expect(within(stepOf(3)).getAllByRole('button')[0].textContent).toContain('Đang làm');
    // the current step is open: its results as the status has them, the evidence beside each
    const three = status.steps.find((s) => s.n === 3)!;
    expect(shown(3).map(({ id, done }) => ({ id, done }))).toEqual(three.items.map((i) => ({ id: i.id, done: i.done })));
    const ii6b = shown(3).find((x) => x.text.includes('Biểu II.6.B'))!;
    expect(ii6b).toMatchObject({ done: true, text: '✓Biểu II.6.B — trang "II.6.B"' });
    expect(shown(3).find((x) => x.text.includes('Biểu II.7.A'))?.done).toBe(false);
    // the actual year, never the handbook's "X+1"
    expect(shown(3).some((x) => x.text.includes('năm 2027'))).toBe(true);
    expect(stepOf(3).textContent).not.toMatch(/X\+1/u);
    // step 2 in from both villages and the department, shown the same
    await userEvent.click(within(stepOf(2)).getAllByRole('button')[0]);
    expect(shown(2).find((x) => x.text.startsWith('✓Biểu I.2 (từ các thôn)'))).toBeTruthy();
    expect(inPanel().getByText(status.villages!.text)).toBeTruthy();
    expect(status.villages!.text).toMatch(/^0\/2 thôn đã gửi đủ Biểu I\.1, I\.2, I\.3/u);
    // the gaps left in earlier steps said once, in the status's line
    expect(inPanel().getByText(status.summary)).toBeTruthy();
    expect(status.summary).toMatch(/ · còn \d+ việc ở bước trước$/u);
  });

  it('ticks what no file can show; a step ticked ticks its results, a result unticked unticks its step', async () => {
    const { a } = await consolidatedCommune();
    const client = coreClient(a);
    await openChecklist(client, '2026-06-01');
    await userEvent.click(within(stepOf(1)).getAllByRole('button')[0]);
    const label = 'Tổ công tác LKH cấp xã được thành lập hoặc kiện toàn';
    await userEvent.click(within(stepOf(1)).getByRole('checkbox', { name: label }));
    expect(client.setChecklistTick).toHaveBeenCalledWith('buoc1.1.tct-xa', true);
    expect(((await within(stepOf(1)).findByRole('checkbox', { name: label, checked: true })) as HTMLInputElement).checked).toBe(true);
    expect((await a.yearStatus('2026-06-01')).steps[0].items.find((i) => i.id === 'buoc1.1.tct-xa')?.done).toBe(true);

    // the whole step: every result of it ticked, the step done
    await userEvent.click(within(stepOf(1)).getByRole('checkbox', { name: 'Đánh dấu cả bước đã xong' }));
    await within(stepOf(1)).findByRole('checkbox', { name: 'Đánh dấu cả bước đã xong', checked: true });
    expect(shown(1).every((x) => x.done)).toBe(true);
    expect(stepOf(1).getAttribute('data-lkh-step-done')).toBe('true');
    expect(within(stepOf(1)).getAllByRole('button')[0].textContent).toContain('Xong');

    // one result unticked: the step is open again
    await userEvent.click(within(stepOf(1)).getByRole('checkbox', { name: label, checked: true }));
    await within(stepOf(1)).findByRole('checkbox', { name: 'Đánh dấu cả bước đã xong', checked: false });
    expect(stepOf(1).getAttribute('data-lkh-step-done')).toBe('false');
    expect(shown(1).find((x) => x.id === 'buoc1.1.tct-xa')?.done).toBe(false);
  });

  it('shows a deadline only for the current and the next step of the plan\'s own year; none for a demo or a past year', async () => {
    const { wb, a } = await consolidatedCommune();
    // the plan's own year, long after the handbook's dates: the current and next step late, no wall of "Quá hạn"
    await openChecklist(coreClient(a), '2026-11-20');
    const late = document.querySelectorAll('#lkh-panel-checklist [data-lkh-checklist-step]');
    const withDeadline = [...late].filter((el) => /Quá hạn|Hạn \d/u.test(within(el as HTMLElement).getAllByRole('button')[0].textContent ?? ''));
    expect(withDeadline.map((el) => el.getAttribute('data-lkh-checklist-step'))).toEqual(['3', '4']);
    document.body.innerHTML = '';

    // a past year's plan
    await openChecklist(coreClient(a), '2028-03-01');
    expect(inPanel().queryByText(/Quá hạn/u)).toBeNull();
    document.body.innerHTML = '';

    // the demo commune
    await wb.writeState(markDemo(await wb.readState()));
    await openChecklist(coreClient(a), '2026-11-20');
    expect(inPanel().queryByText(/Quá hạn/u)).toBeNull();
  });

  it('keeps the handbook\'s dates of each step and lets the commune change them', async () => {
    const { a } = await consolidatedCommune();
    const client = coreClient(a);
    await openChecklist(client, '2026-06-01');
    await userEvent.click(within(stepOf(1)).getAllByRole('button')[0]);
    expect(within(stepOf(1)).getByText(/\d{2}\/\d{2}\/2026 – \d{2}\/\d{2}\/2026 · /u)).toBeTruthy();
    await userEvent.click(within(stepOf(1)).getByRole('button', { name: 'Đổi ngày' }));
    const end = within(stepOf(1)).getByLabelText('Đến ngày');
    await userEvent.clear(end);
    await userEvent.type(end, '2026-05-30');
    await userEvent.click(within(stepOf(1)).getByRole('button', { name: 'Lưu ngày' }));
    expect(client.setChecklistDates).toHaveBeenCalledWith('buoc1', expect.objectContaining({ end: '2026-05-30' }));
    expect(await within(stepOf(1)).findByText(/30\/05\/2026 · ngày đã đổi/u)).toBeTruthy();
  });

  it('says the year in English with the English interface: steps, results, evidence, the next action', async () => {
    const { a } = await consolidatedCommune();
    await openChecklist(coreClient(a), '2026-06-01', 'en');
    const three = within(stepOf(3)).getAllByRole('button')[0].textContent ?? '';
    expect(three).toMatch(/^Step 3: /u);
    expect(three).toContain('In progress');
    expect(shown(3).find((x) => x.id === 'buoc3.3:II.6.B')?.text).toBe('✓Form II.6.B — sheet "II.6.B"');
    expect(shown(3).find((x) => x.id === 'buoc3.4.kh-ktxh')?.text).toMatch(/year 2027/u);
    const next = document.querySelector('[data-lkh-next-text]')?.textContent ?? '';
    expect(next).toMatch(/Draft the plan's form II\.7\.A and form II\.7\.B/u);
    // no Vietnamese sentence of the status left on the screen (names of sheets and villages aside)
    const panel = document.getElementById('lkh-panel-checklist')?.textContent ?? '';
    expect(`${panel} ${next}`).not.toMatch(/Bước \d|kết quả|Biểu |trang "|Tiếp theo|chưa có|thôn đã gửi/u);
  });

  it('says so when the year cannot be read, and reads it again on request', async () => {
    const { a } = await consolidatedCommune();
    const client = coreClient(a);
    client.yearStatus.mockRejectedValueOnce(new Error('Sổ tính đang bận, hãy thử lại.'));
    render(<LkhPane client={client} initialTab="checklist" today="2026-06-01" />);
    expect(await screen.findByText(/Sổ tính đang bận, hãy thử lại\./u)).toBeTruthy();
    expect(screen.queryByText('Hãy nhập năm kế hoạch và chọn cấp trong Cài đặt để xem các bước.')).toBeNull();
    await userEvent.click(inPanel().getByRole('button', { name: 'Thử lại' }));
    expect(await inPanel().findByText(/Bảy bước của cấp xã/u)).toBeTruthy();
    expect(screen.queryByText(/Sổ tính đang bận/u)).toBeNull();
  });

  it('asks for the plan year while the workbook has none; says so when the client cannot tell the year', async () => {
    const wb = MemoryWorkbook.fromArrays({});
    const a = createActions(wb);
    const c = { ...coreClient(a), getSettings: jest.fn(async () => ({ level: 'xa' as const, period: '2026-2030' as const, upperLevelName: '' })) };
    render(<LkhPane client={c} initialTab="checklist" today="2026-06-01" />);
    expect(await screen.findByText('Hãy nhập năm kế hoạch và chọn cấp trong Cài đặt để xem các bước.')).toBeTruthy();
    document.body.innerHTML = '';

    const bare = fakeClient() as Partial<ReturnType<typeof fakeClient>>;
    delete bare.checklist;
    delete bare.setChecklistTick;
    render(<LkhPane client={paneClient(bare as ReturnType<typeof fakeClient>)} initialTab="checklist" />);
    expect(await screen.findByText('Danh sách các bước chưa có trong phiên bản này.')).toBeTruthy();
  });
});
