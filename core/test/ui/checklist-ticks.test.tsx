/** @jest-environment jsdom */
/**
 * Unticked results must not look disabled (issue 14, fault 6): ticks stay live while the year is
 * read again, and what is still missing is written in a "to do" colour, not a disabled grey.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createActions } from '../../src/app/actions';
import { MemoryWorkbook } from '../../src/port/memory';
import { LkhPane } from '../../ui';
import { fakeClient, paneClient } from './fake-client';

/** The colour a rule of the page's style sheets gives an element (Griffel writes atomic classes). */
function colourOf(el: Element): string {
  return getComputedStyle(el).color;
}

/** The Các bước screen itself (the pane's step buttons carry the same names). */
const inPanel = () => within(document.getElementById('lkh-panel-checklist') as HTMLElement);
const LABEL = 'Tổ công tác LKH cấp xã được thành lập hoặc kiện toàn';

async function setUp(canTick = true) {
  const a = createActions(MemoryWorkbook.fromArrays({}));
  await a.saveSettings({ planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
  const client = {
    ...paneClient(fakeClient()),
    getSettings: jest.fn(async () => a.getSettings()),
    yearStatus: jest.fn(async (today: string) => a.yearStatus(today)),
    setChecklistTick: jest.fn(async (id: string, value: boolean) => a.setChecklistTick(id, value)),
  };
  if (!canTick) delete (client as Partial<typeof client>).setChecklistTick;
  render(<LkhPane client={client} initialTab="checklist" today="2026-05-10" />);
  await screen.findByRole('heading', { name: 'Các bước lập kế hoạch' });
  return { a, client };
}

describe('Các bước: unticked results look live', () => {
  it('keeps the ticks enabled while the year is read again; only saving a tick holds them', async () => {
    const { a, client } = await setUp();
    const box = await inPanel().findByRole('checkbox', { name: LABEL });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect((box as HTMLInputElement).disabled).toBe(false);
    // a reading that takes its time
    let release: () => void = () => undefined;
    client.yearStatus.mockImplementationOnce((today: string) => new Promise((r) => (release = () => r(a.yearStatus(today)))));
    await userEvent.click(inPanel().getByRole('button', { name: 'Cập nhật theo sổ tính' }));
    expect((inPanel().getByRole('checkbox', { name: LABEL }) as HTMLInputElement).disabled).toBe(false);
    release();
    // saving a tick: held until it is written
    let saved: () => void = () => undefined;
    client.setChecklistTick.mockImplementationOnce((id: string, value: boolean) => new Promise((r) => (saved = () => r(a.setChecklistTick(id, value)))));
    await userEvent.click(inPanel().getByRole('checkbox', { name: LABEL }));
    expect((inPanel().getByRole('checkbox', { name: LABEL }) as HTMLInputElement).disabled).toBe(true);
    saved();
    expect(((await inPanel().findByRole('checkbox', { name: LABEL, checked: true })) as HTMLInputElement).disabled).toBe(false);
  });

  it('writes what is missing in a colour of its own, not the disabled grey', async () => {
    // a host that cannot tick: every result shows its mark
    await setUp(false);
    await inPanel().findByText(LABEL);
    expect(inPanel().queryByRole('checkbox', { name: LABEL })).toBeNull();
    const missing = inPanel().getAllByText('○');
    expect(missing.length).toBeGreaterThan(0);
    for (const m of missing) expect(colourOf(m)).toMatch(/DarkOrange/u);
    expect(colourOf(inPanel().getByText(/^Chưa có thôn nào gửi biểu$/u))).not.toMatch(/Foreground4|Disabled/u);
  });
});
