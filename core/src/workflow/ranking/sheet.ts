/**
 * The activity sheets a ranking applies to (II.6.A, II.6.B, a village's I.2): which rows are
 * ranked, in which group, under which key. Shared by rankItemsFromSheet and applyRanking.
 */
import { KEY_COLUMN_HEADER } from '../../layout/engine';
import type { Activity, ActivityGroup, FormReading } from '../../model/types';
import type { SheetData } from '../../port/types';
import { TextGrid } from '../../reader/grid';
import { readSheet } from '../../reader/read';
import { foldKey, labelSimilarity } from '../../text';
import type { Finding } from '../../validate/messages';
import { outsideMoney } from '../../validate/rules';
import type { RankItem } from './core';
import { TOPICS, TOPIC_LABELS } from '../types';

/** The forms whose activities get ranked. */
export type RankableFormId = 'II.6.A' | 'II.6.B' | 'I.2';

/** Header of the column holding each row's stable key (the layout engine's, also used by the ballot). */
export const KEY_HEADER = KEY_COLUMN_HEADER;
const KEY_HEADER_FOLDED = foldKey(KEY_HEADER);

export interface SheetActivity {
  readonly activity: Activity;
  /** 0-based sheet row. */
  readonly row: number;
  readonly key: string;
  /** Activities of one segment are sorted together: one group, between two group rows. */
  readonly segment: string;
  readonly group: ActivityGroup | 'none';
  /** False for activities needing no outside money: never ranked (L3518, L3753). */
  readonly rankable: boolean;
}

export interface SheetActivities {
  readonly reading?: FormReading;
  readonly rows: readonly SheetActivity[];
  /** Sheet column of "Mã dòng (LKH)", when the sheet has one. */
  readonly keyCol?: number;
  readonly findings: readonly Finding[];
}

/** Finds the column headed "Mã dòng (LKH)" in the first `maxRow` rows. */
export function findKeyColumn(grid: TextGrid, maxRow: number): { row: number; col: number } | undefined {
  for (let r = grid.top; r < Math.min(grid.bottom, maxRow); r++) {
    for (const { col, cell } of grid.rowCells(r)) {
      if (cell.key === KEY_HEADER_FOLDED || (cell.key.startsWith('ma dong') && cell.key.length <= 20)) return { row: r, col };
    }
  }
  return undefined;
}

/** Keys for rows without a "Mã dòng (LKH)": the folded name, "#2", "#3"… for repeated names. */
export function derivedKeys(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = `ten:${foldKey(n)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

function isRankable(formId: RankableFormId, a: Activity): boolean {
  if (a.group === 'no-outside-money') return false;
  if (formId === 'II.6.B') return true;
  if (a.group === undefined) return outsideMoney(a) > 0;
  return true;
}

/** The topic headings of consolidated sheets, folded. */
const TOPIC_HEADINGS = new Set(TOPICS.map((t) => foldKey(TOPIC_LABELS[t])));

/**
 * Reads an activity sheet as `formId` and lists its activities with their row, key, segment
 * and whether they may be ranked. Topic headings the reader keeps as activities ("II. Kinh tế
 * và tổ chức sản xuất", "B) Văn hóa - Xã hội - Môi trường": the reader itself skips "1. Cơ sở
 * hạ tầng" and every group line of the form, numbered or not) are segment boundaries, not
 * activities; so is any other line with text between two activities.
 */
export function sheetActivities(data: SheetData, formId: RankableFormId): SheetActivities {
  const result = readSheet(data, { formId });
  const reading = result.reading;
  if (!reading) return { rows: [], findings: result.findings };
  const isHeading = (a: Activity): boolean =>
    TOPIC_HEADINGS.has(foldKey(a.activity.replace(/^\s*(?:[0-9]+|[IVX]+|[A-D])\s*[.)]\s*/, ''))) &&
    [a.unit, a.quantity, a.quantityText, a.place, a.time, a.responsible, a.total, a.contribution, a.support, a.budget, a.proposed].every((v) => v === undefined);
  const grid = new TextGrid(data);
  // The key's header is above the first activity (no activity: anywhere; findKeyColumn stops at the sheet's end).
  const keyAt = findKeyColumn(grid, Math.min(...reading.activities.map((a) => a.source.row)));
  const named = reading.activities.filter((a) => a.activity !== '');
  const derived = derivedKeys(named.map((a) => a.activity));
  const derivedOf = new Map(named.map((a, i) => [a, derived[i]]));
  const rows: SheetActivity[] = [];
  // Any line with text between two activities (a group row, a topic heading "1. Cơ sở hạ tầng",
  // a subtotal) ends a segment: rows are never sorted across it.
  const hasText = (r: number): boolean => grid.rowCells(r).some(({ col }) => col !== keyAt?.col);
  let boundary = 0;
  let previous = -1;
  for (const a of [...reading.activities].sort((x, y) => x.source.row - y.source.row)) {
    const row = a.source.row;
    if (previous >= 0) {
      for (let r = previous + 1; r < row; r++) {
        if (hasText(r)) {
          boundary++;
          break;
        }
      }
    }
    previous = row;
    if (isHeading(a)) {
      boundary++;
      continue;
    }
    if (a.activity === '') continue; // a row with figures but no name: reported by the reader, never moved
    const typed = keyAt ? grid.at(row, keyAt.col).text : '';
    const group = a.group ?? 'none';
    rows.push({
      activity: a,
      row,
      key: typed !== '' ? typed : (derivedOf.get(a) ?? ''),
      segment: `${group}@${boundary}`,
      group,
      rankable: isRankable(formId, a),
    });
  }
  return { reading, rows, ...(keyAt ? { keyCol: keyAt.col } : {}), findings: result.findings };
}

/**
 * Rank items from an activity sheet: its activities needing outside money, keyed by
 * "Mã dòng (LKH)" where the sheet has it, else by name. Flags are not on the sheet: pass
 * them by key (from the commune plan) when known.
 */
export function rankItemsFromSheet(
  data: SheetData,
  formId: RankableFormId,
  flags: ReadonlyMap<string, RankItem['flags']> = new Map(),
): { items: RankItem[]; findings: readonly Finding[] } {
  const s = sheetActivities(data, formId);
  const items = s.rows
    .filter((r) => r.rankable)
    .map((r): RankItem => {
      const a = r.activity;
      const quantity = a.quantity ?? a.quantityText;
      return {
        key: r.key,
        activity: a.activity,
        ...(a.unit ? { unit: a.unit } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        ...(a.place ? { place: a.place } : {}),
        ...(a.total !== undefined ? { total: a.total } : {}),
        flags: flags.get(r.key) ?? {},
      };
    });
  return { items, findings: s.findings };
}

/** Threshold above which two activity names are taken as the same activity. */
export const NAME_MATCH = 0.85;

/** Edit distance (insertions, deletions, substitutions) of two short strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Whether two names close in letters still name different things: a word of one replaced by a
 * different word in the other. "Bê tông hóa đường thôn Nà Lìu" and "… thôn Nà Hin" share 86% of
 * their letter pairs but are two villages' roads; a rank moved from one to the other is a wrong
 * rank, where no match is only a row left to rank by hand. The words both names have are set
 * aside; what is left of each (joined, so "bêtông" still meets "bê tông") must be the same text
 * up to a typo — one letter in a word of 3 to 7 letters, two in a longer one — with the same
 * digits ("thôn 1" is not "thôn 2"). Words only one name has ("… xã" and "… xã A") are no
 * replacement and do not count.
 */
export function namesDiffer(a: string, b: string): boolean {
  const wa = foldKey(a).split(' ');
  const wb = foldKey(b).split(' ');
  const left = [...wb];
  const onlyA: string[] = [];
  for (const w of wa) {
    const i = left.indexOf(w);
    if (i >= 0) left.splice(i, 1);
    else onlyA.push(w);
  }
  const ra = onlyA.join('');
  const rb = left.join('');
  if (ra === '' || rb === '' || ra === rb) return false;
  if (ra.replace(/\D/g, '') !== rb.replace(/\D/g, '')) return true;
  const shorter = Math.min(ra.length, rb.length);
  if (shorter < 3) return true;
  return editDistance(ra, rb) > (shorter >= 8 ? 2 : 1);
}

/**
 * Matches a name to one of `names` (folded equality first, then the most similar above
 * NAME_MATCH when it is the only one that close and does not name something else — namesDiffer).
 * Returns the index or -1.
 */
export function matchName(name: string, names: readonly string[], taken: ReadonlySet<number> = new Set()): number {
  const k = foldKey(name);
  if (k === '') return -1;
  const exact = names.findIndex((n, i) => !taken.has(i) && foldKey(n) === k);
  if (exact >= 0) return exact;
  let best = -1;
  let bestScore = NAME_MATCH;
  let ties = 0;
  names.forEach((n, i) => {
    if (taken.has(i)) return;
    const s = labelSimilarity(name, n);
    if (s > bestScore + 1e-9) {
      if (namesDiffer(name, n)) return;
      best = i;
      bestScore = s;
      ties = 0;
    } else if (best >= 0 && Math.abs(s - bestScore) <= 1e-9 && !namesDiffer(name, n)) ties++;
  });
  return ties === 0 ? best : -1;
}
