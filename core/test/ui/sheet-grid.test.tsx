/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SheetData } from '../../src/port/types';
import { LkhPane } from '../../ui';
import { COL_WIDTH, OVERSCAN, ROW_HEIGHT, SheetGrid } from '../../ui/components/SheetGrid';
import { fakeClient, paneClient } from './fake-client';

/** A sheet of `rows` rows from A1: STT, an activity, an amount. */
function sheetOf(name: string, rows: number): SheetData {
  return {
    name,
    top: 0,
    left: 0,
    values: Array.from({ length: rows }, (_, r) => (r === 0 ? ['STT', 'Hoạt động', 'Tổng số'] : [r, `Hoạt động ${r}`, r * 1000])),
    errors: [{ row: 4, col: 2, code: '#REF!' }],
    merges: [],
  };
}

const grid = () => screen.getByRole('grid');
const dataRows = () => within(grid()).getAllByRole('row').filter((r) => r.hasAttribute('data-row'));
const cell = (address: string) => grid().querySelector(`[data-cell="${address}"]`);

describe('SheetGrid', () => {
  it('renders only a window of a 3,000-row sheet, and the next window once scrolled', () => {
    render(<SheetGrid sheet={sheetOf('Lớn', 3000)} label="Lớn" height={240} />);
    const shown = dataRows();
    // 240 px / 24 px = 10 rows in view, plus the overscan below (none above at the top)
    expect(shown.length).toBe(240 / ROW_HEIGHT + OVERSCAN + 1);
    expect(shown[0].getAttribute('data-row')).toBe('1');
    expect(cell('B3000')).toBeNull();
    // the spacer is as tall as the whole sheet, so the scroll bar is the sheet's
    expect((grid().firstElementChild as HTMLElement).style.height).toBe(`${3001 * ROW_HEIGHT}px`);
    expect(grid().getAttribute('aria-rowcount')).toBe('3001');

    grid().scrollTop = 2000 * ROW_HEIGHT;
    fireEvent.scroll(grid());
    const after = dataRows().map((r) => Number(r.getAttribute('data-row')));
    expect(after.length).toBeLessThanOrEqual(240 / ROW_HEIGHT + 2 * OVERSCAN + 1);
    expect(Math.min(...after)).toBe(2001 - OVERSCAN);
    expect(cell('A1')).toBeNull();
    expect(cell('B2001')?.textContent).toBe('Hoạt động 2000');
    expect(cell('C2001')?.textContent).toBe('2.000.000');
  });

  it('marks a finding on its cell, errors over warnings, with the message as the title', () => {
    render(
      <SheetGrid
        sheet={sheetOf('Thôn C - I.2', 30)}
        label="Thôn C"
        marks={[
          { cell: 'C13', severity: 'warning', message: 'Cần xem lại' },
          { cell: 'C13', severity: 'error', message: 'Tổng số khác Dân góp + Cần hỗ trợ' },
          { cell: 'B7:C8', severity: 'warning', message: 'Thiếu địa điểm' },
        ]}
      />,
    );
    expect(cell('C13')?.getAttribute('data-finding')).toBe('error');
    expect(cell('C13')?.getAttribute('title')).toContain('C13: Cần xem lại — Tổng số khác Dân góp + Cần hỗ trợ');
    expect(cell('B7')?.getAttribute('data-finding')).toBe('warning');
    expect(cell('C12')?.hasAttribute('data-finding')).toBe(false);
    // an error cell shows the error, never a number
    expect(cell('C5')?.textContent).toBe('#REF!');
  });

  it('scrolls to a target cell and outlines it; a new request scrolls again', () => {
    const sheet = sheetOf('Lớn', 3000);
    const { rerender } = render(<SheetGrid sheet={sheet} label="Lớn" height={240} target={{ cell: 'B2500', seq: 1 }} />);
    expect(grid().scrollTop).toBe(2499 * ROW_HEIGHT - 120);
    expect(cell('B2500')?.getAttribute('data-target')).toBe('true');
    expect(cell('A1')).toBeNull();

    // the user scrolls away, then asks for a cell near the top
    grid().scrollTop = 0;
    fireEvent.scroll(grid());
    rerender(<SheetGrid sheet={sheet} label="Lớn" height={240} target={{ cell: 'C40', seq: 2 }} />);
    expect(grid().scrollTop).toBe(39 * ROW_HEIGHT - 120);
    expect(cell('C40')?.getAttribute('data-target')).toBe('true');
    expect(cell('B2500')).toBeNull();
  });

  it('shows a merged range as one cell spanning it, covered cells drawing nothing, in every window', () => {
    // A form's title across A1:C1, a header B2:B3 two rows tall, and a long note A40:C60 (taller than the overscan).
    const sheet: SheetData = {
      ...sheetOf('Thôn C - I.2', 100),
      values: Array.from({ length: 100 }, (_, r) => (r === 0 ? ['BIỂU I.2', null, null] : r === 1 ? ['STT', 'Hoạt động', 'Tổng số'] : r === 39 ? ['Ghi chú dài', null, null] : [r, `Hoạt động ${r}`, r * 1000])),
      merges: [
        { row: 0, col: 0, rows: 1, cols: 3 },
        { row: 1, col: 1, rows: 2, cols: 1 },
        { row: 39, col: 0, rows: 21, cols: 3 },
        // a one-cell "merge" is an ordinary cell
        { row: 5, col: 2, rows: 1, cols: 1 },
      ],
    };
    render(<SheetGrid sheet={sheet} label="Thôn C" height={240} marks={[{ cell: 'C1', severity: 'warning', message: 'Sai tên biểu' }]} target={{ cell: 'B3', seq: 1 }} />);
    const title = cell('A1') as HTMLElement;
    expect(title.textContent).toBe('BIỂU I.2');
    expect(title.style.width).toBe(`${3 * COL_WIDTH}px`);
    expect(title.getAttribute('aria-colspan')).toBe('3');
    expect(title.getAttribute('data-range')).toBe('A1:C1');
    // the cells under it are no cells: row 1 holds its header and the one merged cell
    expect(cell('B1')).toBeNull();
    expect(cell('C1')).toBeNull();
    expect(within(dataRows()[0]).getAllByRole('gridcell')).toHaveLength(1);
    // a finding on a covered cell is shown on the merged cell
    expect(title.getAttribute('data-finding')).toBe('warning');
    // two rows tall: its own row draws it, the row below keeps the place empty; the target B3 outlines it
    const header = cell('B2') as HTMLElement;
    expect(header.style.height).toBe(`${2 * ROW_HEIGHT}px`);
    expect(header.getAttribute('aria-rowspan')).toBe('2');
    expect(header.getAttribute('data-target')).toBe('true');
    expect(cell('B3')).toBeNull();
    const row3 = dataRows().find((r) => r.getAttribute('data-row') === '3') as HTMLElement;
    expect(within(row3).getAllByRole('gridcell').map((c) => c.getAttribute('data-cell'))).toEqual(['A3', 'C3']);
    expect(row3.querySelectorAll('[aria-hidden="true"]')).toHaveLength(1);
    // an ordinary cell stays one cell wide
    expect((cell('C6') as HTMLElement).style.width).toBe('');

    // Scrolled into the long note, far below its first row: its row is still drawn, above the window.
    grid().scrollTop = 50 * ROW_HEIGHT;
    fireEvent.scroll(grid());
    const shown = dataRows().map((r) => Number(r.getAttribute('data-row')));
    expect(Math.min(...shown.filter((r) => r !== 40))).toBe(51 - OVERSCAN);
    expect(shown).toContain(40);
    const note = cell('A40') as HTMLElement;
    expect(note.textContent).toBe('Ghi chú dài');
    expect(note.style.height).toBe(`${21 * ROW_HEIGHT}px`);
    expect(cell('A50')).toBeNull();
    expect(cell('A61')?.textContent).toBe('60');
    // the grid stays as tall as the sheet: still virtualised
    expect(dataRows().length).toBeLessThanOrEqual(240 / ROW_HEIGHT + 2 * OVERSCAN + 2);
  });
});

describe('Xem sổ in the standalone page', () => {
  function standaloneClient() {
    const c = fakeClient('standalone');
    const readSheet = jest.fn(async (name: string) => sheetOf(name, 3000));
    return { c, readSheet, client: { ...paneClient(c), readSheet } };
  }

  it('opens the finding’s sheet at its cell from Kiểm tra, marked, with how to fix it', async () => {
    const { client, readSheet } = standaloneClient();
    render(<LkhPane client={client} initialTab="validate" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    expect(await screen.findByText(/Để sửa lỗi: Tải về, sửa trong Excel rồi mở lại/u)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Đến ô G13 trang Thôn C - I.2' }));

    expect(screen.getByRole('button', { name: 'Xem sổ' }).getAttribute('aria-current')).toBe('page');
    await screen.findByRole('grid', { name: 'Trang Thôn C - I.2 (chỉ xem)' });
    expect(readSheet).toHaveBeenCalledWith('Thôn C - I.2');
    const target = grid().querySelector('[data-cell="G13"]');
    expect(target?.getAttribute('data-target')).toBe('true');
    expect(target?.getAttribute('data-finding')).toBe('error');
    expect((screen.getByLabelText('Trang') as HTMLSelectElement).value).toBe('Thôn C - I.2');
    expect(screen.getByText(/Ở đây chỉ xem, không sửa được\. Để sửa lỗi: Tải về, sửa trong Excel rồi mở lại/u)).toBeTruthy();
  });

  it('shows any sheet chosen from the picker, with its own findings', async () => {
    const { client, readSheet } = standaloneClient();
    render(<LkhPane client={client} initialTab="forms" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Xem sổ' }));
    await screen.findByRole('grid', { name: 'Trang II.1 (chỉ xem)' });
    await userEvent.selectOptions(screen.getByLabelText('Trang'), 'Thôn A - I.2');
    await screen.findByRole('grid', { name: 'Trang Thôn A - I.2 (chỉ xem)' });
    expect(readSheet).toHaveBeenLastCalledWith('Thôn A - I.2');
    expect(await screen.findByText('Trang này có 0 lỗi, 1 cảnh báo:')).toBeTruthy();
    // F14 is within the first window of the 360 px box: marked as the finding's severity
    expect(grid().querySelector('[data-cell="F14"]')?.getAttribute('data-finding')).toBe('warning');
  });

  it('opens the finding’s sheet when Xem sổ already shows another one', async () => {
    const { client, readSheet } = standaloneClient();
    render(<LkhPane client={client} initialTab="forms" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Xem sổ' }));
    await screen.findByRole('grid', { name: 'Trang II.1 (chỉ xem)' });
    await userEvent.click(screen.getByRole('button', { name: /^Bước 2:/u }));
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra biểu' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Đến ô G13 trang Thôn C - I.2' }));
    await screen.findByRole('grid', { name: 'Trang Thôn C - I.2 (chỉ xem)' });
    expect(readSheet).toHaveBeenLastCalledWith('Thôn C - I.2');
    expect(grid().querySelector('[data-cell="G13"]')?.getAttribute('data-target')).toBe('true');
  });

  it('has no Xem sổ tab where the host shows the workbook itself', async () => {
    const c = fakeClient('excel');
    render(<LkhPane client={{ ...paneClient(c), readSheet: jest.fn() }} initialTab="validate" />);
    await screen.findByRole('button', { name: 'Kiểm tra' });
    expect(screen.queryByRole('button', { name: 'Xem sổ' })).toBeNull();
  });
});
