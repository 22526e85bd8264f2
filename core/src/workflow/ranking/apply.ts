/**
 * Writing a ranking into the activity sheet it ranks (II.6.B always, II.6.A's outside-money
 * groups, a village's I.2 outside-money group): each activity's rank in Ưu tiên, and the rows
 * of each group sorted by rank — whole rows, values and formulas, in one writeValues call.
 * The ballot is not touched: it stays as the record of the count.
 */
import type { Merge } from '../../layout/types';
import type { CellValue, SheetData, WorkbookPort, WriteBlock, WriteValue } from '../../port/types';
import { parseA1 } from '../../util/a1';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import type { RankableFormId, SheetActivity } from './sheet';
import { matchName, sheetActivities } from './sheet';

/** A rank to apply: RankRow fits. `activity` lets rows without a key be matched by name. */
export interface RankRef {
  readonly key: string;
  readonly rank: number;
  readonly activity?: string;
}

export interface ApplyRankingOptions {
  /** The form on the sheet (the add-in knows which form it inserted). */
  readonly formId: RankableFormId;
  /** Sort the rows of each ranked group (default true); false writes the ranks only. */
  readonly sort?: boolean;
}

export interface SegmentResult {
  /** 'outside-money', 'investment-new', 'recurrent'… or 'none' (II.6.B has no group rows). */
  readonly group: string;
  readonly rows: number;
  readonly sorted: boolean;
  /** Why the rows were not moved (merged cells across rows…), in Vietnamese. */
  readonly reason?: string;
}

export interface ApplyRankingResult {
  readonly sheet: string;
  /** Each ranked activity with its row (0-based) after sorting. */
  readonly placed: readonly { readonly key: string; readonly activity: string; readonly rank: number; readonly row: number }[];
  /** Ranks that match no activity of the sheet (not written). */
  readonly unmatched: readonly RankRef[];
  /** Activities of a ranked group the ranking does not cover: kept after the ranked ones, Ưu tiên cleared. */
  readonly uncovered: readonly { readonly activity: string; readonly row: number }[];
  readonly segments: readonly SegmentResult[];
  readonly cellsWritten: number;
  /** Reader findings of the sheet, and NO_OUTSIDE_MONEY_RANKED for ranks given to activities needing no outside money. */
  readonly findings: readonly Finding[];
}

/** "Ưu tiên 2; " written at the start of an I.2 row's Ghi chú (I.2 has no Ưu tiên column). */
export const NOTE_PREFIX = 'Ưu tiên';
const NOTE_PREFIX_RE = /^\s*ưu\s*tiên\s*\d+\s*(?:[;.,:–-]\s*)?/iu;

/** Ghi chú with its "Ưu tiên n" prefix set (rank) or removed (undefined). */
export function notePrefixed(note: string, rank: number | undefined): string {
  const rest = note.normalize('NFC').replace(NOTE_PREFIX_RE, '').trim();
  if (rank === undefined) return rest;
  return rest === '' ? `${NOTE_PREFIX} ${rank}` : `${NOTE_PREFIX} ${rank}; ${rest}`;
}

// A1 references outside string literals: not preceded by a letter, digit, '_', '.', '$', '!', ':' or
// a quote (so sheet-qualified references and range ends are left to the whole match), not followed
// by '(' (a function such as LOG10) or '!'.
const REF = /(?<![A-Za-z0-9_.$!:'"\]])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!]))?/g;

/**
 * Rewrites the row numbers of a moved row's formula: a reference to a row that moved follows
 * it (Excel's cut-and-paste), so "H12+I12" moved from row 12 to row 9 becomes "H9+I9". Ranges
 * within one row move too; ranges over several rows, references to other sheets and text in
 * quotes are left alone. `moved` maps 0-based old rows to new rows.
 */
export function rewriteRowRefs(formula: string, moved: ReadonlyMap<number, number>): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      return part.replace(REF, (m: string, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
        const from = Number(r1) - 1;
        if (c2 === undefined || r2 === undefined) {
          const to = moved.get(from);
          return to === undefined ? m : `${d1}${c1}${d2}${to + 1}`;
        }
        const end = Number(r2) - 1;
        const to = moved.get(from);
        if (from !== end || to === undefined) return m;
        return `${d1}${c1}${d2}${to + 1}:${d3 ?? ''}${c2}${d4 ?? ''}${to + 1}`;
      });
    })
    .join('');
}

function colOf(a: SheetActivity, key: string): number | undefined {
  const addr = a.activity.source.cells[key];
  return addr ? parseA1(addr).col : undefined;
}

interface SourceCell {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly error?: string;
}

function cellOf(data: SheetData, errors: ReadonlyMap<string, string>, row: number, col: number): SourceCell {
  const i = row - data.top;
  const j = col - data.left;
  const value = data.values[i]?.[j] ?? null;
  const formula = data.formulas?.[i]?.[j] ?? null;
  const error = errors.get(`${row}:${col}`);
  return error !== undefined ? { value, formula, error } : { value, formula };
}

/** Why rows cannot be moved: a merge across rows touching them, or rows merged differently. */
function unsortable(rows: readonly number[], merges: readonly Merge[]): string | undefined {
  const set = new Set(rows);
  const pattern = new Map<number, string>();
  for (const r of rows) pattern.set(r, '');
  for (const m of merges) {
    const touched = rows.filter((r) => r >= m.row && r < m.row + m.rows);
    if (touched.length === 0) continue;
    if (m.rows > 1) return `ô gộp ${m.rows} dòng tại dòng ${m.row + 1}`;
    if (set.has(m.row)) pattern.set(m.row, `${pattern.get(m.row)}|${m.col}:${m.cols}`);
  }
  const patterns = new Set(pattern.values());
  return patterns.size > 1 ? 'các dòng gộp ô khác nhau' : undefined;
}

/**
 * Applies a ranking to an activity sheet: ranks in Ưu tiên (II.6.A, II.6.B) or at the start of
 * Ghi chú (I.2: "Ưu tiên 2; …"), rows of each ranked group sorted by rank, rows the ranking does
 * not cover after the ranked ones in their order. Activities needing no outside money are never
 * ranked. STT stays with its row position, so the numbering stays 1, 2, 3…
 */
export async function applyRanking(port: WorkbookPort, sheetName: string, ranks: readonly RankRef[], options: ApplyRankingOptions): Promise<ApplyRankingResult> {
  const [data] = await port.readSheets([sheetName]);
  const s = sheetActivities(data, options.formId);
  const findings: Finding[] = [...s.findings];
  const empty = (): ApplyRankingResult => ({ sheet: data.name, placed: [], unmatched: [...ranks], uncovered: [], segments: [], cellsWritten: 0, findings });
  if (!s.reading || s.rows.length === 0) return empty();
  const rows = s.rows;

  // Match each rank to a row: by key, then by name.
  const rankOf = new Map<number, RankRef>();
  const unmatched: RankRef[] = [];
  const pending: RankRef[] = [];
  for (const r of ranks) {
    const i = rows.findIndex((row, idx) => !rankOf.has(idx) && row.key === r.key);
    if (i >= 0) rankOf.set(i, r);
    else pending.push(r);
  }
  const names = rows.map((r) => r.activity.activity);
  for (const r of pending) {
    const i = r.activity ? matchName(r.activity, names, new Set(rankOf.keys())) : -1;
    if (i >= 0) rankOf.set(i, r);
    else unmatched.push(r);
  }
  for (const i of [...rankOf.keys()]) {
    if (rows[i].rankable) continue;
    const a = rows[i].activity;
    const cell = a.source.cells.priority ?? a.source.cells.activity;
    findings.push(finding('NO_OUTSIDE_MONEY_RANKED', { sheet: data.name, ...(cell ? { cell } : {}) }, { activity: shortName(a.activity) }));
    rankOf.delete(i);
  }

  const sample = rows[0];
  const priorityCol = colOf(sample, 'priority');
  const noteCol = options.formId === 'I.2' ? colOf(sample, 'note') : undefined;
  const sttCol = colOf(sample, 'stt');

  // Segments with at least one rank: their rankable rows are the slots.
  const segments: SegmentResult[] = [];
  const moves = new Map<number, number>(); // slot row → source row index (into rows)
  const rankAt = new Map<number, number | undefined>(); // destination row → rank (undefined: clear)
  const uncovered: { activity: string; row: number }[] = [];
  const order = [...new Set(rows.map((r) => r.segment))];
  for (const seg of order) {
    const idx = rows.map((_, i) => i).filter((i) => rows[i].segment === seg && rows[i].rankable);
    if (!idx.some((i) => rankOf.has(i))) continue;
    const slots = idx.map((i) => rows[i].row);
    const ranked = idx.filter((i) => rankOf.has(i)).sort((a, b) => (rankOf.get(a)?.rank ?? 0) - (rankOf.get(b)?.rank ?? 0) || rows[a].row - rows[b].row);
    const rest = idx.filter((i) => !rankOf.has(i));
    const reason = options.sort === false ? 'chỉ ghi mức ưu tiên, không sắp xếp' : unsortable(slots, data.merges);
    const sorted = reason === undefined;
    const newOrder = sorted ? [...ranked, ...rest] : idx;
    newOrder.forEach((src, k) => {
      const dst = slots[k];
      moves.set(dst, src);
      rankAt.set(dst, rankOf.get(src)?.rank);
    });
    for (const i of rest) uncovered.push({ activity: rows[i].activity.activity, row: sorted ? slots[newOrder.indexOf(i)] : rows[i].row });
    segments.push({ group: rows[idx[0]].group, rows: idx.length, sorted, ...(reason ? { reason } : {}) });
  }
  if (moves.size === 0) return { ...empty(), unmatched };

  // Old row → new row, for the formulas of the moved rows.
  const moved = new Map<number, number>();
  for (const [dst, src] of moves) moved.set(rows[src].row, dst);
  const errors = new Map(data.errors.map((e) => [`${e.row}:${e.col}`, e.code]));
  let width = 0;
  for (const v of data.values) if (v.length > width) width = v.length;
  const mergedChild = new Set<string>();
  for (const m of data.merges) {
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) mergedChild.add(`${r}:${c}`);
  }
  const write = (c: SourceCell): WriteValue => {
    if (c.formula !== null) return { formula: rewriteRowRefs(c.formula, moved) };
    if (c.error !== undefined) return c.error;
    return c.value;
  };
  const out = new Map<number, WriteValue[]>();
  for (const [dst, src] of moves) {
    const from = rows[src].row;
    const rankNo = rankAt.get(dst);
    const values: WriteValue[] = [];
    for (let j = 0; j < width; j++) {
      const c = data.left + j;
      if (mergedChild.has(`${dst}:${c}`)) {
        values.push(null);
      } else if (c === sttCol) {
        const own = cellOf(data, errors, dst, c); // numbering stays in place
        values.push(own.formula !== null ? { formula: own.formula } : (own.error ?? own.value));
      } else if (c === priorityCol) {
        values.push(rankNo ?? null);
      } else if (c === noteCol) {
        const note = cellOf(data, errors, from, c);
        values.push(note.formula !== null ? write(note) : notePrefixed(typeof note.value === 'string' ? note.value : note.value === null ? '' : String(note.value), rankNo) || null);
      } else {
        values.push(write(cellOf(data, errors, from, c)));
      }
    }
    out.set(dst, values);
  }
  // Contiguous rows make one block each; all blocks go in one call.
  const blocks: WriteBlock[] = [];
  const dsts = [...out.keys()].sort((a, b) => a - b);
  for (let k = 0; k < dsts.length; ) {
    let end = k;
    while (end + 1 < dsts.length && dsts[end + 1] === dsts[end] + 1) end++;
    blocks.push({ sheet: data.name, row: dsts[k], col: data.left, values: dsts.slice(k, end + 1).map((d) => out.get(d) as WriteValue[]) });
    k = end + 1;
  }
  await port.writeValues(blocks);

  const placed = [...moves]
    .filter(([dst]) => rankAt.get(dst) !== undefined)
    .map(([dst, src]) => ({ key: rows[src].key, activity: rows[src].activity.activity, rank: rankAt.get(dst) as number, row: dst }))
    .sort((a, b) => a.row - b.row);
  return { sheet: data.name, placed, unmatched, uncovered, segments, cellsWritten: width * out.size, findings };
}
