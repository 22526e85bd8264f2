/** @jest-environment jsdom */
/**
 * Unticked checklist items must not look disabled (issue 14, fault 6): ticks stay live while the
 * list is refreshed, and what is still missing is written in a "to do" colour, not a disabled grey.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LkhPane } from '../../ui';
import type { ChecklistView } from '../../ui/checklist-types';
import { checklistView, fakeClient, paneClient } from './fake-client';

/** The colour a rule of the page's style sheets gives an element (Griffel writes atomic classes). */
function colourOf(el: Element): string {
  return getComputedStyle(el).color;
}

/** The Các bước screen itself (the pane's step buttons carry the same names). */
const inPanel = () => within(document.getElementById('lkh-panel-checklist') as HTMLElement);

describe('Các bước: unticked items look live', () => {
  it('keeps the ticks enabled while the list is refreshed; only saving a tick holds them', async () => {
    const c = fakeClient();
    let release: (v: ChecklistView) => void = () => undefined;
    render(<LkhPane client={paneClient(c)} initialTab="checklist" today="2026-05-10" />);
    await screen.findByRole('heading', { name: 'Các bước lập kế hoạch' });
    const box = await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect((box as HTMLInputElement).disabled).toBe(false);
    // a refresh that takes its time
    c.checklist.mockImplementationOnce(() => new Promise<ChecklistView>((r) => (release = r)));
    await userEvent.click(inPanel().getByRole('button', { name: 'Cập nhật theo sổ tính' }));
    expect((inPanel().getByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }) as HTMLInputElement).disabled).toBe(false);
    release(checklistView());
    // saving a tick: held until it is written
    let saved: () => void = () => undefined;
    c.setChecklistTick.mockImplementationOnce(() => new Promise<ChecklistView>((r) => (saved = () => r(checklistView(['buoc1.2.ban-hanh'])))));
    await userEvent.click(inPanel().getByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }));
    expect((inPanel().getByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành' }) as HTMLInputElement).disabled).toBe(true);
    saved();
    expect(((await inPanel().findByRole('checkbox', { name: 'Văn bản chỉ đạo được ký ban hành', checked: true })) as HTMLInputElement).disabled).toBe(false);
  });

  it('writes what is missing in a colour of its own, not the disabled grey', async () => {
    const c = fakeClient();
    c.checklist.mockResolvedValue({
      ...checklistView(),
      villages: [{ unit: 'Thôn C', missing: ['I.1'], text: 'Thôn C: chưa có Biểu I.1', textEn: 'Thôn C: no form I.1 yet' }],
    });
    render(<LkhPane client={paneClient(c)} initialTab="checklist" today="2026-05-10" />);
    await screen.findByRole('heading', { name: 'Các bước lập kế hoạch' });
    const line = await inPanel().findByText('Thôn C: chưa có Biểu I.1');
    expect(colourOf(line)).not.toMatch(/Foreground4|Disabled/u);
    const missing = inPanel().getAllByText('○');
    expect(missing.length).toBeGreaterThan(0);
    for (const m of missing) expect(colourOf(m)).toMatch(/DarkOrange/u);
  });
});
