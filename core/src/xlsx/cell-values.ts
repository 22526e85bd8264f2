/**
 * Reading ExcelJS cells as the port sees them: what the file holds, not what ExcelJS makes of it.
 * Formula cells give their cached result and formula text (shared formulas translated to the
 * cell); error values give an error code and a null value; rich text and hyperlinks give their
 * plain text; dates give "dd/mm/yyyy".
 */
import ExcelJS from 'exceljs';
import type { Cell } from 'exceljs';
import type { ReadCell } from '../port/memory';
import { bareFormula } from '../port/memory';
import type { CellValue } from '../port/types';

/** A date as Vietnamese text, dd/mm/yyyy. ExcelJS gives dates as UTC instants. */
export function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCFullYear(), 4)}`;
}

interface Plain {
  readonly value: CellValue;
  readonly error: string | null;
}

const NONE: Plain = { value: null, error: null };

/** A constant (or a formula's cached result) as a plain value or an error code. */
export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return NONE;
  if (typeof v === 'string') return v === '' ? NONE : { value: v, error: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, error: null } : NONE;
  if (typeof v === 'boolean') return { value: v, error: null };
  if (v instanceof Date) return { value: dateText(v), error: null };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as readonly { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
      return plainValue(text);
    }
    if ('hyperlink' in o || 'text' in o) return plainValue(o.text);
  }
  return NONE;
}

/** A cell of a loaded sheet, or undefined when it holds nothing (or is covered by a merge). */
export function readCell(cell: Cell, fonts: boolean): ReadCell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const raw: unknown = cell.value;
  let formula: string | null = null;
  let plain: Plain;
  if (raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    const text = cell.formula;
    formula = typeof text === 'string' && text !== '' ? bareFormula(text) : null;
    // `cell.result`, not `cell.value.result`: ExcelJS's formula value drops falsy results (a cached 0,
    // false or ''), so a total of 0 would read as blank.
    plain = plainValue(cell.result);
  } else {
    plain = plainValue(raw);
  }
  if (formula === null && plain.value === null && plain.error === null) return undefined;
  const row = Number(cell.row) - 1;
  const col = Number(cell.col) - 1;
  const font = fonts ? (cell.font?.name ?? null) : null;
  return { row, col, value: plain.value, formula, error: plain.error, font };
}
