import { forms, getForm, tablesOf } from '../../src/forms/registry';
import { DOTS, defaultSheetName, layoutForm, spreadColumns } from '../../src/layout/engine';
import type { SheetLayout } from '../../src/layout/types';

function cellAt(l: SheetLayout, row: number, col: number) {
  return l.cells.find((c) => c.row === row && c.col === col);
}

describe('layout engine', () => {
  it.each([...forms().values()].map((f) => [f.id, f] as const))('%s: a consistent A4 layout', (_id, form) => {
    const l = layoutForm(form, { planYear: 2027, unitName: 'Thôn Nà Lìu' });
    expect(l.print.paper).toBe('A4');
    expect(l.print.orientation).toBe(form.orientation);
    expect(l.columnWidths).toHaveLength(l.print.area.cols);
    // every cell inside the print area, no two cells at one place, no overlapping merges
    const seen = new Set<string>();
    for (const c of l.cells) {
      expect(c.row).toBeLessThan(l.print.area.rows);
      expect(c.col).toBeLessThan(l.print.area.cols);
      const k = `${c.row}:${c.col}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    const covered = new Set<string>();
    for (const m of l.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          const k = `${r}:${c}`;
          expect(covered.has(k)).toBe(false);
          covered.add(k);
        }
      }
    }
    // every header text of every table is printed
    const texts = new Set(l.cells.map((c) => c.value));
    for (const t of tablesOf(form)) for (const h of t.header) expect(texts.has(h.text)).toBe(true);
    expect(l.tables.map((t) => t.key)).toEqual(tablesOf(form).map((t) => t.key));
  });

  it('I.2: title, filled fields, two-row header repeated on print, row-total formulas and number checks', () => {
    const form = getForm('I.2');
    const l = layoutForm(form, { planYear: 2027, unitName: 'Thôn A' });
    expect(l.name).toBe('Thôn A - I.2');
    expect(cellAt(l, 0, 0)?.value).toBe('Mẫu biểu I.2: Thuận lợi, Khó khăn, Nguyên nhân, Giải pháp và Đề xuất hoạt động ở cấp thôn');
    expect(l.cells.some((c) => c.value === 'Năm kế hoạch (X+1): 2027')).toBe(true);
    expect(l.cells.some((c) => c.value === 'Thôn: A')).toBe(true);
    expect(l.cells.some((c) => c.value === `Ngành/Lĩnh vực: ${DOTS}`)).toBe(true);
    const acts = l.tables.find((t) => t.key === 'activities');
    if (!acts) throw new Error('no activities table');
    expect(acts.headerRows).toBe(2);
    expect(l.print.repeatRows).toEqual({ from: acts.headerRow, to: acts.headerRow + 1 });
    const col = (k: string) => acts.columns.find((c) => c.key === k)?.col ?? -1;
    // "Nguồn lực (1.000 đồng)" spans Tổng số, Dân góp, Cần hỗ trợ
    expect(l.merges).toContainEqual({ row: acts.headerRow, col: col('total'), rows: 1, cols: 3 });
    const groupA = acts.rowKeys['no-outside-money'];
    const groupB = acts.rowKeys['outside-money'];
    expect(cellAt(l, groupA, col('activity'))?.value).toBe('Hoạt động Không cần nguồn vốn bên ngoài');
    expect(groupB - groupA).toBe(5);
    const first = groupA + 1;
    const totalCell = cellAt(l, first, col('total'));
    expect(totalCell?.formula).toBe(`H${first + 1}+I${first + 1}`);
    expect(l.validations).toContainEqual(expect.objectContaining({ kind: 'decimal', col: col('contribution'), min: 0 }));
    expect(l.styles.amount.numberFormat).toContain('#,##0');
  });

  it('II.6.A: the groups of the handbook in order, amounts in 1.000 đồng; II.6.C in triệu đồng', () => {
    const l = layoutForm(getForm('II.6.A'));
    const acts = l.tables.find((t) => t.key === 'activities');
    if (!acts) throw new Error('no activities table');
    const order = Object.entries(acts.rowKeys)
      .sort((a, b) => a[1] - b[1])
      .map(([k]) => k);
    expect(order).toEqual(['no-outside-money', 'outside-money', 'investment', 'investment-completed', 'investment-finishing', 'investment-ongoing', 'investment-new', 'recurrent']);
    expect(l.print.orientation).toBe('landscape');
    expect(l.name).toBe('II.6.A');
    const c = layoutForm(getForm('II.6.C'));
    expect(c.styles.amount.numberFormat).toContain('0.0');
  });

  it('leaves dotted leaders where nothing is known yet', () => {
    const l = layoutForm(getForm('I.2'));
    expect(l.cells.some((c) => c.value === `Năm kế hoạch (X+1): ${DOTS}`)).toBe(true);
    expect(l.name).toBe('I.2');
  });

  it('II.4.B: the rules of a filled table as few ranges, each cell keeping its own rule', () => {
    const form = getForm('II.4.B');
    const acts = tablesOf(form).find((t) => t.key === 'activities');
    if (!acts) throw new Error('no activities table');
    const row = (activity: string, total: number) => ({ kind: 'data' as const, key: activity, values: { activity, contribution: 0, budget: total, proposed: 0 } });
    // Two runs of rows under two group headings: the rules stop at the heading and start again after it.
    const body = [
      { kind: 'group' as const, label: 'Cơ sở hạ tầng', depth: 0 },
      ...['Đường nội thôn Nà Lìu', 'Kênh mương Bó Luông', 'Nhà văn hóa thôn Phai'].map((a, i) => row(a, 100 * (i + 1))),
      { kind: 'group' as const, label: 'Kinh tế', depth: 0 },
      ...['Giống lúa lai', 'Tập huấn chăn nuôi'].map((a, i) => row(a, 50 * (i + 1))),
    ];
    const l = layoutForm(form, { planYear: 2027, unitName: 'Xã Tân Lập', body: { activities: body }, keyColumn: true });
    // Each cell under one rule at most.
    const ruleOf = new Map<string, string>();
    for (const v of l.validations) {
      for (let r = v.row; r < v.row + v.rows; r++) {
        for (let c = v.col; c < v.col + v.cols; c++) {
          expect(ruleOf.has(`${r}:${c}`)).toBe(false);
          ruleOf.set(`${r}:${c}`, JSON.stringify({ ...v, row: 0, col: 0, rows: 0, cols: 0 }));
        }
      }
    }
    const placed = l.tables.find((t) => t.key === 'activities');
    if (!placed) throw new Error('activities not placed');
    const dataRows = l.cells.filter((c) => c.col === placed.columns.find((x) => x.key === 'activity')?.col && ['Đường nội thôn Nà Lìu', 'Kênh mương Bó Luông', 'Nhà văn hóa thôn Phai', 'Giống lúa lai', 'Tập huấn chăn nuôi'].some((a) => String(c.value).startsWith(a))).map((c) => c.row);
    expect(dataRows).toHaveLength(5);
    const amountCols = ['contribution', 'budget', 'proposed'].map((k) => placed.columns.find((x) => x.key === k)?.col ?? -1);
    // Every amount typed (Tổng số is their sum) is checked as a number ≥ 0, and the three rows of a
    // run share one rule over the amount columns side by side, not one rule per cell.
    for (const r of dataRows) for (const c of amountCols) expect(JSON.parse(ruleOf.get(`${r}:${c}`) ?? '{}')).toMatchObject({ kind: 'decimal', min: 0 });
    const first = l.validations.find((v) => v.row === dataRows[0] && v.col <= amountCols[0] && amountCols[0] < v.col + v.cols);
    expect(first).toMatchObject({ kind: 'decimal', row: dataRows[0], rows: 3, col: amountCols[0], cols: 3 });
    expect(l.validations.length).toBeLessThan(ruleOf.size / 2);
  });

  it('spreads narrow tables over the grid and names sheets safely', () => {
    expect(spreadColumns([1, 1, 1], [10, 10, 10, 10, 10, 10])).toEqual([
      { col: 0, span: 2 },
      { col: 2, span: 2 },
      { col: 4, span: 2 },
    ]);
    expect(spreadColumns([5], [1, 2, 3])).toEqual([{ col: 0, span: 3 }]);
    expect(defaultSheetName('II.4.B', 'Xã Tân Lập: [2027]')).toBe('Xã Tân Lập 2027 - II.4.B');
    expect(defaultSheetName('I.2', 'Thôn có tên rất rất dài ở vùng cao biên giới').length).toBeLessThanOrEqual(31);
  });
});
