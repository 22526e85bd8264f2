/**
 * Which form is on a sheet? Decided by the title ("Mẫu biểu II.4.B …", or the title words
 * alone) and by how many of the form's table headers are found — never by position.
 */
import { tablesOf } from '../forms/registry';
import type { FormDefinition, FormId } from '../forms/types';
import { forms } from '../forms/registry';
import { foldKey, labelSimilarity } from '../text';
import type { TextGrid } from './grid';
import type { LocatedTable } from './locate';
import { locateTable } from './locate';

export interface Recognition {
  readonly formId: FormId;
  readonly confidence: number;
  /** Each table of the form located on the sheet, by table key, in the form's order. */
  readonly tables: ReadonlyMap<string, LocatedTable>;
}

const TITLE_ROWS = 12;
const CODE_RE = /bi[eể]u\s*(IV|III|II|I)\s*[.,]\s*(\d{1,2})(?:\s*[.,]\s*([ABC]))?/i;

/** Form ids named in the first rows ("Mẫu biểu I.2", "BIỂU III.1", "Biểu II.6.A"). */
function codesInTitle(grid: TextGrid): Set<string> {
  const out = new Set<string>();
  for (let r = grid.top; r < Math.min(grid.bottom, grid.top + TITLE_ROWS); r++) {
    for (const { cell } of grid.rowCells(r)) {
      const m = CODE_RE.exec(cell.text);
      if (m) out.add(`${m[1].toUpperCase()}.${m[2]}${m[3] ? `.${m[3].toUpperCase()}` : ''}`);
    }
  }
  return out;
}

function titleSimilarity(grid: TextGrid, form: FormDefinition): number {
  let best = 0;
  for (let r = grid.top; r < Math.min(grid.bottom, grid.top + TITLE_ROWS); r++) {
    for (const { cell } of grid.rowCells(r)) {
      if (cell.text.length < 10) continue;
      const text = cell.text.replace(CODE_RE, ' ');
      const s = Math.max(labelSimilarity(text, form.title), labelSimilarity(text, form.shortTitle));
      if (s > best) best = s;
      if (foldKey(text).includes(foldKey(form.title))) best = 1;
    }
  }
  return best;
}

/** Rows searched for headers while deciding which form a sheet holds (reading then searches all). */
export const RECOGNITION_ROWS = 80;

/** Locates every table of the form, each below the previous one, searching rows before `toRow`. */
export function locateForm(grid: TextGrid, form: FormDefinition, toRow = grid.bottom): Map<string, LocatedTable> {
  const out = new Map<string, LocatedTable>();
  let from = grid.top;
  for (const t of tablesOf(form)) {
    const found = locateTable(grid, t, from, toRow);
    if (found) {
      out.set(t.key, found);
      from = found.bodyRow;
    }
  }
  return out;
}

/** The best-matching form, or undefined when nothing matches well enough. */
export function recogniseForm(grid: TextGrid, candidates?: Iterable<FormDefinition>): Recognition | undefined {
  const codes = codesInTitle(grid);
  if (!candidates && codes.size > 0) {
    // The title names its form ("Mẫu biểu I.2"): check that form first, the others only if it does not fit.
    const named = [...forms().values()].filter((f) => codes.has(f.id));
    const first = recogniseForm(grid, named);
    if (first && first.confidence >= 0.6) return first;
  }
  candidates ??= forms().values();
  let best: Recognition | undefined;
  for (const form of candidates) {
    const tables = tablesOf(form);
    const codeHit = codes.has(form.id);
    const title = titleSimilarity(grid, form);
    // Cheap exit: no code, a weak title and no table to find.
    if (!codeHit && title < 0.35 && tables.length === 0) continue;
    const located = tables.length > 0 ? locateForm(grid, form, grid.top + RECOGNITION_ROWS) : new Map<string, LocatedTable>();
    let tableScore = 0;
    if (tables.length > 0) {
      const weights = tables.map((t) => t.columns.length);
      const sumW = weights.reduce((s, w) => s + w, 0);
      tables.forEach((t, i) => {
        tableScore += ((located.get(t.key)?.score ?? 0) * weights[i]) / sumW;
      });
    }
    const confidence =
      tables.length > 0
        ? Math.min(1, (codeHit ? 0.45 : 0) + 0.2 * title + 0.5 * tableScore)
        : Math.min(1, (codeHit ? 0.6 : 0) + 0.4 * title);
    if (!best || confidence > best.confidence) best = { formId: form.id, confidence, tables: located };
  }
  return best && best.confidence >= 0.4 ? best : undefined;
}
