/** @jest-environment jsdom */
/**
 * The next step's button (steps.ts nextMove): for each of the year's next actions, where it goes
 * and what it does there — the action it names, never only a change of screen; and the year
 * built from the calendar's checklist for a client without yearStatus (year.ts).
 */
import { en } from '../../ui/i18n/en';
import { vi } from '../../ui/i18n/vi';
import { STEP_SCREENS, nextMove, toolLabel } from '../../ui/steps';
import { yearOfChecklist } from '../../ui/year';
import { checklistView } from './fake-client';

describe('nextMove', () => {
  it('goes where the action is and does it there', () => {
    expect(nextMove({ text: 'Nhập năm kế hoạch.', action: 'settings', step: 1 }, vi)).toEqual({ view: { screen: 'settings' }, button: 'Mở Cài đặt' });
    expect(nextMove({ text: 'Nhận biểu.', action: 'receive', step: 2 }, vi)).toEqual({ view: { screen: 'files', step: 2 }, command: { kind: 'receive' }, button: 'Chọn tệp nhận được' });
    expect(nextMove({ text: 'Tổng hợp.', action: 'consolidate', step: 3 }, vi)).toEqual({ view: { screen: 'consolidate', step: 3 }, command: { kind: 'consolidate' }, button: 'Tổng hợp ngay' });
    // errors after consolidating: the cell, selected
    expect(nextMove({ text: 'Sửa lỗi.', action: 'fix', step: 3, sheet: 'II.6.A', cell: 'I16' }, vi)).toEqual({ view: { screen: 'consolidate', step: 3 }, run: 'select', button: 'Đến ô I16' });
    // the conference: ballot then ranking, both in step 4
    expect(nextMove({ text: 'Tạo phiếu.', action: 'ballot', step: 4, target: 'II.6.B' }, vi)).toEqual({ view: { screen: 'ranking', step: 4 }, command: { kind: 'ballot', target: 'II.6.B' }, button: 'Tạo phiếu xếp ưu tiên' });
    expect(nextMove({ text: 'Xếp.', action: 'rank', step: 4, target: 'Phiếu ưu tiên - II.6.B' }, vi)).toMatchObject({ command: { kind: 'rank', target: 'Phiếu ưu tiên - II.6.B' }, button: 'Xếp ưu tiên theo phiếu' });
    // the drafts, by name
    expect(nextMove({ text: 'Soạn.', action: 'draft', step: 3, target: 'II.7.A' }, vi)).toEqual({ view: { screen: 'documents', step: 3 }, command: { kind: 'draft', target: 'II.7.A' }, button: 'Soạn II.7.A' });
    expect(nextMove({ text: 'Phản hồi.', action: 'feedback', step: 6 }, vi)).toMatchObject({ command: { kind: 'draft', target: 'II.10' } });
    expect(nextMove({ text: 'Xuất.', action: 'export', step: 5 }, vi)).toEqual({ view: { screen: 'files', step: 5 }, run: 'export', button: 'Xuất tệp kế hoạch' });
    expect(nextMove({ text: 'Xong.', action: 'done', step: 7 }, vi)).toEqual({ view: { screen: 'home' } });
    expect(nextMove({ text: 'Consolidate.', action: 'consolidate', step: 3 }, en).button).toBe('Consolidate now');
  });

  it('names a tool apart from the action button of its screen', () => {
    expect(toolLabel('consolidate', 3, vi)).toBe('Tổng hợp biểu');
    expect(toolLabel('validate', 2, vi)).toBe('Kiểm tra biểu');
    expect(toolLabel('files', 2, vi)).toBe('Nhận tệp');
    expect(toolLabel('files', 5, vi)).toBe('Gửi cấp trên');
    expect(toolLabel('documents', 3, vi)).toBe('Dự thảo II.7');
    // every step opens at least one screen
    for (let n = 1; n <= 7; n++) expect(STEP_SCREENS[n]?.length).toBeGreaterThan(0);
  });
});

describe('yearOfChecklist', () => {
  it('gives the checklist the year’s shape: results with evidence, the step after a done one, the next action', () => {
    const y = yearOfChecklist(checklistView(), { plan: false });
    expect(y.steps.map((s) => [s.n, s.title, s.counts])).toEqual([
      [1, 'Công tác chuẩn bị', { done: 1, total: 3 }],
      [2, 'Thu thập thông tin', { done: 1, total: 1 }],
    ]);
    expect(y.steps[0].items[0]).toMatchObject({ what: 'Biểu II.1', done: true, evidence: [{ sheet: 'II.1', text: 'trang "II.1"' }] });
    // step 2 done: the unit is at step 3, step 1's open results are gaps
    expect(y.current).toBe(3);
    expect(y.gaps.map((g) => g.what)).toEqual(['Biểu II.2', 'Văn bản chỉ đạo được ký ban hành']);
    expect(y.next).toMatchObject({ action: 'consolidate', step: 3 });
    expect(yearOfChecklist(checklistView(), { plan: true }).next).toMatchObject({ action: 'ballot', step: 4 });
    expect(yearOfChecklist(checklistView(), { plan: true, error: { sheet: 'II.6.A', cell: 'I16', text: 'Vượt mức vốn.' } }).next).toMatchObject({ action: 'fix', sheet: 'II.6.A', cell: 'I16' });
  });
});
