/** Builds workbooks the way villages and departments fill them, for workflow tests. */
import { getForm } from '../../src/forms/registry';
import type { BodyRow } from '../../src/layout/engine';
import { layoutForm } from '../../src/layout/engine';
import type { LayoutValue } from '../../src/layout/types';
import type { FormReading } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/port/memory';
import { readWorkbook } from '../../src/reader/workbook';
import { demoFiles } from '../../src/workflow/demo';
import type { WorkbookPort } from '../../src/port/types';

export interface Act {
  activity: string;
  unit?: string;
  quantity?: number;
  time?: string;
  place?: string;
  responsible?: string;
  contribution?: number;
  support?: number;
  total?: number;
  note?: string;
  objective?: string;
}

function row(a: Act, withObjective: boolean): BodyRow {
  const values: Record<string, LayoutValue> = {
    activity: a.activity,
    unit: a.unit ?? 'cái',
    quantity: a.quantity ?? 1,
    time: a.time ?? 'Q.II/2027',
    place: a.place ?? null,
    responsible: a.responsible ?? 'Trưởng thôn',
    total: a.total ?? (a.contribution ?? 0) + (a.support ?? 0),
    contribution: a.contribution ?? 0,
    support: a.support ?? 0,
    note: a.note ?? null,
  };
  if (withObjective) values.objective = a.objective ?? null;
  return { kind: 'data', values };
}

/** Adds one I.2 (village) or II.3 (department) sheet to the workbook. */
export async function addSourceSheet(
  wb: WorkbookPort,
  form: 'I.2' | 'II.3',
  unit: string,
  sector: string,
  activities: readonly Act[],
  difficulties: readonly { difficulty: string; cause: string; solution: string }[] = [],
  sheetName = `${unit} - ${form}`.slice(0, 31),
  strengths: readonly string[] = [`Thuận lợi của ${unit}`],
): Promise<void> {
  const layout = layoutForm(getForm(form), {
    planYear: 2027,
    unitName: unit,
    sheetName,
    body: {
      strengths: strengths.map((strength) => ({ kind: 'data', values: { strength } })),
      difficulties: difficulties.map((d) => ({ kind: 'data', values: { difficulty: d.difficulty, cause: d.cause, solution: d.solution } })),
      activities: [
        { kind: 'group', key: 'no-outside-money', label: 'Hoạt động Không cần nguồn vốn bên ngoài', depth: 0 },
        ...activities.filter((a) => !a.support).map((a) => row(a, form === 'II.3')),
        { kind: 'group', key: 'outside-money', label: 'Hoạt động Cần nguồn vốn bên ngoài', depth: 0 },
        ...activities.filter((a) => !!a.support).map((a) => row(a, form === 'II.3')),
      ],
    },
  });
  const withSector = {
    ...layout,
    cells: layout.cells.map((c) => (typeof c.value === 'string' && /^ngành\/lĩnh vực:/iu.test(c.value) ? { ...c, value: `${c.value.slice(0, c.value.indexOf(':') + 1)} ${sector}` } : c)),
  };
  await wb.createSheet(withSector);
}

/** The handbook's commune consolidation example (L4013-L4040), with amounts added. */
export async function handbookCommune(): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromArrays({});
  await addSourceSheet(wb, 'I.2', 'Thôn A', 'Nông nghiệp', [
    { activity: 'Cứng hóa kênh mương', unit: 'm', quantity: 200, contribution: 20000, support: 130000, note: 'CT Nông thôn mới' },
    { activity: 'Xây dựng nhà văn hóa thôn', unit: 'nhà', quantity: 1, contribution: 50000, support: 350000 },
    { activity: 'Hỗ trợ giống lúa', unit: 'kg', quantity: 100, contribution: 2500, support: 2500 },
  ]);
  await addSourceSheet(wb, 'I.2', 'Thôn B', 'Nông nghiệp', [
    { activity: 'Bê tông hóa đường liên thôn', unit: 'm', quantity: 300, contribution: 45000, support: 255000, note: 'CT 135' },
    { activity: 'Hỗ trợ giống lúa lai', unit: 'kg', quantity: 200, contribution: 5000, support: 5000 },
  ]);
  return wb;
}

/** The demo commune's files read as the CLI reads them (each file its own workbook); `withIii1` false leaves the upper level's III.1 out. */
export async function demoReadings(withIii1 = true): Promise<FormReading[]> {
  const out: FormReading[] = [];
  for (const f of demoFiles()) {
    if (!withIii1 && f.sheets.some((s) => s.formId === 'III.1')) continue;
    const wb = new MemoryWorkbook();
    for (const s of f.sheets) await wb.createSheet(s.layout);
    out.push(...(await readWorkbook(wb, { file: f.name })).readings);
  }
  return out;
}

/**
 * Fills a ballot made by createBallot as the secretary types one person's ballot: for marks, "x"
 * under the first participant on the first `marks` activities; for scores, `scores` on the
 * criteria of the first participant's first activity. Returns the cells written (A1-free: row, col).
 */
export async function fillBallot(wb: WorkbookPort, sheet: string, opts: { marks?: number; scores?: readonly number[] } = {}): Promise<void> {
  const [d] = await wb.readSheets([sheet]);
  for (let i = 0; i < d.values.length; i++) {
    const j = d.values[i].findIndex((v) => v === 'Người 1' || v === 'Đại biểu 1');
    if (j < 0) continue;
    const row = d.top + i;
    const col = d.left + j;
    if (d.values[i][j] === 'Người 1') {
      // The name heads its column; the activities start on the next row.
      const n = opts.marks ?? 1;
      await wb.writeValues([{ sheet, row: row + 1, col, values: Array.from({ length: n }, () => ['x']) }]);
    } else {
      // The first body row: participant, activity, then the criteria.
      await wb.writeValues([{ sheet, row, col: col + 2, values: [[...(opts.scores ?? [5, 5, 5, 5])]] }]);
    }
    return;
  }
  throw new Error(`no participant on ${sheet}`);
}
