/**
 * The topic each row of a consolidated sheet sits under (II.4.B, II.6.A, II.6.B): the topic rows
 * ("1. Cơ sở hạ tầng") open a section, group and subtotal rows close it. Shared by the commune's
 * re-run (a row the commune moved to another topic keeps it: plan/plan-io.ts) and the level above
 * (each row's topic read from its own section: upper-level/read.ts).
 */
import { getForm, tablesOf } from '../forms/registry';
import type { FormId } from '../forms/types';
import type { TextGrid } from '../reader/grid';
import { foldKey } from '../text';
import type { Topic } from './types';
import { TOPICS, TOPIC_LABELS } from './types';

/** "1.", "II)", "A." before a heading. */
export const STRIP_NUMBER = /^\s*(?:[0-9]+|[IVX]+|[A-D])\s*[.)]\s*/;
const TOPIC_KEYS = new Map(TOPICS.map((t) => [foldKey(TOPIC_LABELS[t]), t]));

/** "Cộng", "Cộng A", "Tổng cộng (A+B)": the subtotal rows LKH writes (and people type) close a section. */
const SUBTOTAL = /^(?:tong )?cong(?: |$)/;

/** The group rows a form prints (A/B, Vốn đầu tư phát triển, the project states, Vốn sự nghiệp), folded. */
function groupLabels(form: FormId): ReadonlySet<string> {
  const out = new Set<string>();
  for (const t of tablesOf(getForm(form))) for (const r of t.rows) if (r.kind === 'group') out.add(foldKey(r.label));
  return out;
}

/**
 * Where a consolidated sheet says which topic its rows belong to: the topic rows ("1. Cơ sở hạ
 * tầng") open a section; a group row (II.6.A's B, "Vốn đầu tư phát triển", "Vốn sự nghiệp", the
 * project states) or a subtotal row ("Cộng…") closes it. A row outside any topic section has no
 * topic of its own here (II.6.A's part B is laid out by funding group, II.6.B by rank).
 */
export function topicSections(grid: TextGrid, form: FormId, activityRows: ReadonlySet<number>): { row: number; topic?: Topic }[] {
  const groups = groupLabels(form);
  const out: { row: number; topic?: Topic }[] = [];
  for (let r = grid.top; r < grid.bottom; r++) {
    if (activityRows.has(r)) continue;
    for (const { cell } of grid.rowCells(r)) {
      const k = foldKey(cell.text.replace(STRIP_NUMBER, ''));
      if (k === '') continue;
      const t = TOPIC_KEYS.get(k);
      if (t) {
        out.push({ row: r, topic: t });
        break;
      }
      if (SUBTOTAL.test(k) || groups.has(k) || [...groups].some((g) => k.startsWith(`${g} `))) {
        out.push({ row: r });
        break;
      }
    }
  }
  return out;
}

/** The topic of each of `rows` (sheet rows of activities): the last topic or closing row above it. */
export function rowTopics(grid: TextGrid, form: FormId, rows: readonly number[]): Map<number, Topic> {
  const sections = topicSections(grid, form, new Set(rows));
  const out = new Map<number, Topic>();
  for (const row of rows) {
    let section: { row: number; topic?: Topic } | undefined;
    for (const s of sections) if (s.row < row) section = s;
    if (section?.topic) out.set(row, section.topic);
  }
  return out;
}
