/**
 * @jest-environment jsdom
 *
 * One list of findings (issue 12): in the pane, over a real workbook, the Consolidate screen
 * reports a III.1 overrun; the Check screen then shows that same error — never "Không có lỗi".
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createActions } from '../../src/app/actions';
import { formEdition } from '../../src/forms/editions';
import { getForm } from '../../src/forms/registry';
import { layoutForm } from '../../src/layout/engine';
import { LkhPane } from '../../ui';
import { handbookCommune } from '../workflow/helpers';
import { fakeClient, paneClient } from './fake-client';

describe('the Check screen after a consolidation', () => {
  it('shows the consolidation’s error at III.1, the same words as the Consolidate screen', async () => {
    const wb = await handbookCommune();
    await wb.createSheet(layoutForm(formEdition(getForm('III.1'), '2016-2020'), { sheetName: 'III.1', planYear: 2018, unitName: 'Xã Tân Lập', fixedValues: { sources: { ntm: { amount: 100 } } } }));
    const actions = createActions(wb);
    await actions.saveSettings({ planYear: 2018, unitName: 'Xã Tân Lập', level: 'xa', period: '2016-2020', upperLevelName: 'Huyện' });
    const c = fakeClient();
    c.getSettings.mockImplementation(() => actions.getSettings());
    c.consolidate.mockImplementation((o?: Parameters<typeof actions.consolidate>[0]) => actions.consolidate(o ?? {}));
    c.validate.mockImplementation(() => actions.validate());
    render(<LkhPane client={paneClient(c)} initialTab="consolidate" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Tổng hợp' }));
    const found = await screen.findByRole('region', { name: 'Ghi chú khi đọc và tổng hợp' }, { timeout: 10000 });
    const overrun = within(found).getByText(/vượt mức 100 triệu đồng dự kiến phân bổ ở Biểu III\.1/u).textContent;

    await userEvent.click(screen.getByRole('button', { name: /^Bước 2:/u }));
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra biểu' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    const check = (await screen.findByRole('heading', { name: 'Kiểm tra sổ tính' })).parentElement as HTMLElement;
    expect(await within(check).findByText(/^[1-9]\d* lỗi, \d+ cảnh báo$/u)).toBeTruthy();
    expect(within(check).queryByText('Không có lỗi')).toBeNull();
    expect(within(check).getAllByText(overrun ?? '')).toHaveLength(1);
    // Where it is: the III.1 sheet's group, its cell selectable.
    expect(within(check).getByRole('button', { name: /^Đến ô C\d+ trang III\.1$/u })).toBeTruthy();
  });
});
