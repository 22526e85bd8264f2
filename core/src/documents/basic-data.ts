/**
 * II.8 (L2788), the commune's basic data, rolled up from its villages' I.1 (L1000) where the
 * indicators add up: Part I's land areas, people, households, poor and near-poor households,
 * labour, households by activity, sown areas, forests and livestock — each the sum over the
 * villages that gave it, with the villages and their figures written beside the value
 * ("Nguồn số liệu (LKH)", outside the printed area) so every number can be traced back. What does
 * not add up is left blank for the commune: the rows "…" (each village means its own group),
 * "Chăn nuôi" (a heading), and Part II, whose rates and targets are the commune's own (set with
 * the level above, footnote 16) and cannot be summed from villages' rates.
 */
import { formOfYear } from '../forms/editions';
import { getForm, tablesOf } from '../forms/registry';
import type { TableBlock, TableRow } from '../forms/types';
import { layoutForm } from '../layout/engine';
import type { LayoutCell, SheetLayout } from '../layout/types';
import type { FormReading } from '../model/types';
import { foldKey, formatVnNumber } from '../text';

/** Header of the column beside II.8's printed area naming the villages behind each value. */
export const SOURCES_HEADER = 'Nguồn số liệu (LKH)';

type Fixed = Extract<TableRow, { kind: 'fixed' }>;

function indicators(id: 'I.1' | 'II.8'): TableBlock {
  const t = tablesOf(getForm(id)).find((x) => x.key === 'indicators');
  if (!t) throw new Error(`${id} has no indicator table`);
  return t;
}

/** Part I's fixed rows of a form, in order (up to the group row of Part II). */
function partOne(t: TableBlock): Fixed[] {
  const out: Fixed[] = [];
  let groups = 0;
  for (const r of t.rows) {
    if (r.kind === 'group') groups++;
    if (groups > 1) break;
    if (r.kind === 'fixed') out.push(r);
  }
  return out;
}

/** Rows that do not add up across villages: "…" (each village its own group) and rows without a unit (headings). */
function additive(r: Fixed): boolean {
  return foldKey(r.label) !== '' && r.cells?.unit !== undefined;
}

/**
 * II.8 row key → I.1 row key, for the rows that add up. Part I of both forms lists the same
 * indicators in the same order (the handbook's II.8 repeats I.1 for the commune); pairs are taken
 * in order and kept only where the labels and units agree.
 */
export function ii8FromI1(): ReadonlyMap<string, string> {
  const a = partOne(indicators('I.1'));
  const b = partOne(indicators('II.8'));
  const out = new Map<string, string>();
  b.forEach((r, i) => {
    const v = a[i];
    if (!v || !additive(r) || foldKey(v.label) !== foldKey(r.label) || v.cells?.unit !== r.cells?.unit) return;
    out.set(r.key, v.key);
  });
  return out;
}

/** One village's figure for one indicator, with where it was read. */
export interface VillageFigure {
  readonly village: string;
  readonly value: number;
  /** "Thon-Na-Liu.xlsx — I.1!D18". */
  readonly where: string;
}

export interface BasicDataLine {
  /** II.8 row key. */
  readonly key: string;
  readonly label: string;
  readonly unit?: string;
  /** The sum, when at least one village gave a number. */
  readonly value?: number;
  readonly figures: readonly VillageFigure[];
}

export interface BasicDataRollup {
  readonly lines: readonly BasicDataLine[];
  /** Villages whose I.1 was read, in order. */
  readonly villages: readonly string[];
  /** Problems: an I.1 without its village's name, two different I.1 of one village (neither counted). */
  readonly issues: readonly string[];
}

const where = (r: FormReading, cell: unknown): string => `${r.file ? `${r.file} — ` : ''}${r.sheet}${typeof cell === 'string' ? `!${cell}` : ''}`;

function digest(r: FormReading): string {
  return JSON.stringify(Object.entries(r.fixedValues).map(([k, v]) => [k, v.value ?? null]));
}

/**
 * Adds up the villages' I.1 readings into II.8's Part I. A village is counted once: the same I.1
 * read twice (a copy) counts once; two different I.1 of one village are both left out and named.
 */
export function rollUpBasicData(readings: readonly FormReading[]): BasicDataRollup {
  const issues: string[] = [];
  const byVillage = new Map<string, FormReading[]>();
  for (const r of readings) {
    if (r.formId !== 'I.1') continue;
    const name = r.unitName?.trim();
    if (!name) {
      issues.push(`Biểu I.1 ở ${where(r, undefined)} không ghi tên thôn: chưa cộng vào Biểu II.8.`);
      continue;
    }
    const k = foldKey(name);
    byVillage.set(k, [...(byVillage.get(k) ?? []), r]);
  }
  const used: FormReading[] = [];
  for (const list of byVillage.values()) {
    const versions = new Set(list.map(digest));
    if (versions.size > 1) {
      issues.push(`${list[0].unitName ?? ''} có ${list.length} Biểu I.1 khác nhau (${list.map((r) => where(r, undefined)).join('; ')}): chưa cộng thôn này; giữ lại một bản rồi soạn lại.`);
      continue;
    }
    used.push(list[0]);
  }
  const pairs = ii8FromI1();
  const lines = partOne(indicators('II.8')).map((row): BasicDataLine => {
    const from = pairs.get(row.key);
    const figures: VillageFigure[] = [];
    if (from) {
      for (const r of used) {
        const v = r.fixedValues[from];
        if (typeof v?.value === 'number') figures.push({ village: r.unitName ?? '', value: v.value, where: where(r, v.valueCell) });
      }
    }
    const value = figures.length > 0 ? figures.reduce((s, f) => s + f.value, 0) : undefined;
    return { key: row.key, label: row.label, ...(row.cells?.unit ? { unit: row.cells.unit } : {}), ...(value !== undefined ? { value: Math.round(value * 1e6) / 1e6 } : {}), figures };
  });
  return { lines, villages: used.map((r) => r.unitName ?? ''), issues };
}

/** "Thôn Nà Lìu 120 + Thôn Bản Chang 95 (6 thôn có số liệu / 6 thôn)". */
function sourceText(line: BasicDataLine, villages: number): string {
  if (line.figures.length === 0) return '';
  const parts = line.figures.map((f) => `${f.village} ${formatVnNumber(f.value)}`).join(' + ');
  return line.figures.length < villages ? `${parts} (${line.figures.length}/${villages} thôn có số liệu)` : parts;
}

/** II.8 as a sheet: Part I's sums filled, their sources beside the printed area, the rest blank. */
export function basicDataLayout(rollup: BasicDataRollup, options: { readonly planYear?: number; readonly communeName?: string; readonly sheetName?: string } = {}): SheetLayout {
  const values: Record<string, { value: number }> = {};
  for (const l of rollup.lines) if (l.value !== undefined) values[l.key] = { value: l.value };
  const layout = layoutForm(formOfYear(getForm('II.8'), options.planYear), {
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
    ...(options.communeName ? { unitName: options.communeName } : {}),
    sheetName: options.sheetName ?? 'II.8',
    fixedValues: { indicators: values },
  });
  const table = layout.tables.find((t) => t.key === 'indicators');
  if (!table) return layout;
  // The sources column right of the printed area, as the row-key column of the plan's sheets.
  const col = layout.print.area.cols;
  const cells: LayoutCell[] = [{ row: table.headerRow, col, value: SOURCES_HEADER, style: 'keyHeader' }];
  for (const l of rollup.lines) {
    const row = table.rowKeys[l.key];
    const text = sourceText(l, rollup.villages.length);
    if (row !== undefined && text !== '') cells.push({ row, col, value: text, style: 'key' });
  }
  const widths = [...layout.columnWidths];
  while (widths.length < col) widths.push(10);
  widths[col] = 60;
  return { ...layout, cells: [...layout.cells, ...cells], columnWidths: widths };
}
