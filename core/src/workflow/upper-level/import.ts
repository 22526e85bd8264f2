/**
 * Importing communes' packages into the long tables (tables.ts) without rolling up: what the
 * Sheets sidebar does with 170 files sent by e-mail or Zalo, in batches that each stay within
 * Apps Script's 6 minutes. Each package read replaces its commune's rows: the old rows are
 * cleared where they stand and the new ones appended below the last row (no sheet is rewritten,
 * no tab added); the next roll-up rewrites the tables compactly. The same merge rules as the
 * roll-up: a package with plan forms replaces the activities and difficulties, one with III.1 the
 * figures; a file older than the one stored is left out; two versions in one batch as read.ts says.
 */
import type { CellValue, WorkbookPort, WriteBlock } from '../../port/types';
import { readStateOrEmpty } from '../../port/types';
import { periodOfYear } from '../../reference';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { foldKey } from '../../text';
import type { DistrictSource } from './read';
import { communeKey, readCommunePlans } from './read';
import type { LongColumn, LongRow, StoredCommune } from './tables';
import {
  ACTIVITY_COLUMNS,
  FIGURES_TABLE,
  FIGURE_COLUMNS,
  II4A_TABLE,
  II6A_TABLE,
  II6B_TABLE,
  SITUATION_COLUMNS,
  communeRows,
  longLayout,
  metaOf,
  readUpperTables,
  upperState,
} from './tables';
import type { CommuneInput } from './types';
import type { Tally } from '../types';

export const tallyOf = (xs: readonly { total: number }[]): Tally => ({ count: xs.length, amount: xs.reduce((s, x) => s + x.total, 0) });

/** A commune whose rows were replaced in the tables, with what was read against what the tables hold now. */
export interface ImportedCommune {
  readonly name: string;
  readonly key: string;
  /** Read from tabs of the target itself (today's tab-per-commune layout) rather than from a file. */
  readonly fromTabs: boolean;
  readonly read: Tally;
  readonly stored: Tally;
  readonly balanced: boolean;
}

/**
 * A commune read again, over what the tables held: a package with plan forms replaces the
 * activities and difficulties, one with III.1 replaces the figures; an older file than the one
 * stored is left out (said in the issues).
 */
export function merged(prev: StoredCommune | undefined, c: CommuneInput, today: string, issues: Finding[]): StoredCommune | undefined {
  if (prev?.modified && c.modified && c.modified < prev.modified) {
    issues.push(finding('COMMUNE_OLDER_VERSION_LEFT', { sheet: '' }, { commune: c.name, left: c.where.join('; '), kept: `bảng dữ liệu các xã (đọc ngày ${prev.read})` }));
    return undefined;
  }
  const hasPlan = c.activities.length > 0 || c.situations.length > 0;
  if (!prev) return { input: c, read: today, ...(c.modified ? { modified: c.modified } : {}) };
  const p = prev.input;
  const input: CommuneInput = {
    ...(hasPlan ? c : p),
    name: hasPlan ? c.name : p.name,
    ...((c.iii1 ?? p.iii1) ? { iii1: c.iii1 ?? p.iii1 } : {}),
    where: [...new Set([...(hasPlan ? [] : p.where), ...c.where])],
  };
  const modified = c.modified ?? prev.modified;
  return { input, read: today, ...(modified ? { modified } : {}) };
}

/** What was read of a commune against the rows the tables now hold for it. */
export function importedOf(c: CommuneInput, next: StoredCommune, fromTabs: boolean): ImportedCommune {
  const rows = communeRows(next);
  const stored = tallyOf([...rows.ii6a, ...rows.ii6b].map((r) => ({ total: typeof r.total === 'number' ? r.total : 0 })));
  const read = tallyOf(c.activities);
  return {
    name: c.name,
    key: c.key,
    fromTabs,
    read,
    stored: c.activities.length > 0 ? stored : read,
    balanced: c.activities.length === 0 || (read.count === stored.count && Math.abs(read.amount - stored.amount) < 0.5),
  };
}

export interface ImportOptions {
  /** YYYY-MM-DD written in "Ngày đọc" (default today). */
  readonly today?: string;
  /** Asked before each package after the first: true stops the batch there (the rest is for the next call). */
  readonly stop?: () => boolean;
}

export interface ImportResult {
  /** How many of the sources were read (the others are left for the next call). */
  readonly done: number;
  readonly imported: readonly ImportedCommune[];
  /** Communes sent in two versions neither known newer, and other problems of the packages. */
  readonly issues: readonly Finding[];
  readonly findings: readonly Finding[];
}

const TABLES: readonly { readonly name: string; readonly columns: readonly LongColumn[]; readonly part: 'ii6a' | 'ii6b' | 'ii4a' | 'figures' }[] = [
  { name: II6A_TABLE, columns: ACTIVITY_COLUMNS, part: 'ii6a' },
  { name: II6B_TABLE, columns: ACTIVITY_COLUMNS, part: 'ii6b' },
  { name: II4A_TABLE, columns: SITUATION_COLUMNS, part: 'ii4a' },
  { name: FIGURES_TABLE, columns: FIGURE_COLUMNS, part: 'figures' },
];

/**
 * Reads `sources` one package after the other (until `stop` says the time is up) and puts each
 * commune's rows into the target's long tables, replacing its earlier rows. The summaries are not
 * rebuilt: the roll-up does that from the tables.
 */
export async function importCommunePackages(sources: readonly DistrictSource[], target: WorkbookPort, options: ImportOptions = {}): Promise<ImportResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const state = await readStateOrEmpty(target);
  const saved = upperState(state);
  const period = state.period ?? periodOfYear(state.planYear).period;
  const stored = await readUpperTables(target, saved, period);
  const byKey = new Map(stored.communes.map((s) => [s.input.key, s]));
  const issues: Finding[] = [];
  const findings: Finding[] = [];
  const imported: ImportedCommune[] = [];
  const replaced = new Map<string, StoredCommune>();
  let done = 0;
  for (const src of sources) {
    if (done > 0 && options.stop?.()) break;
    const reading = await readCommunePlans([src], { period });
    findings.push(...reading.findings);
    issues.push(...reading.issues.filter((f) => !((f.code === 'NO_COMMUNE_PLAN' || f.code === 'III1_WITHOUT_PLAN') && byKey.get(communeKey(String(f.params.commune ?? '')))?.input.activities.length)));
    for (const c of reading.communes) {
      const next = merged(byKey.get(c.key), c, today, issues);
      if (!next) continue;
      byKey.set(c.key, next);
      replaced.set(c.key, next);
      imported.push(importedOf(c, next, false));
    }
    done++;
  }
  if (replaced.size === 0) return { done, imported, issues, findings };
  // Each table: the replaced communes' old rows cleared, their new rows appended after the last row.
  const names = await target.listSheets();
  const present = TABLES.filter((t) => names.includes(t.name));
  const data = present.length > 0 ? await target.readSheets(present.map((t) => t.name), { formulas: false, fonts: false, merges: false }) : [];
  const fresh = [...replaced.values()].map(communeRows);
  const blocks: WriteBlock[] = [];
  for (const t of TABLES) {
    const rows: LongRow[] = fresh.flatMap((r) => r[t.part]);
    const d = data.find((x) => x.name === t.name);
    if (!d) {
      await target.createSheet(longLayout(t.name, t.columns, rows), { existing: 'fail' });
      continue;
    }
    // Headers compared folded, as the roll-up reads them back (readLongTable): "xã" is "Xã".
    const header = (d.values[0] ?? []).map((v) => (v === null ? '' : foldKey(String(v))));
    const communeCol = header.indexOf(foldKey('Xã'));
    d.values.forEach((r, i) => {
      if (i === 0 || communeCol < 0) return;
      const v = r[communeCol];
      if (typeof v === 'string' && replaced.has(communeKey(v))) blocks.push({ sheet: t.name, row: d.top + i, col: d.left, values: [r.map(() => null)] });
    });
    if (rows.length === 0) continue;
    // The columns as the sheet has them now (a column a person moved or added is respected). A
    // column the sheet lacks (its header cleared, renamed, or the sheet emptied) is added after the
    // last one, its header with it: the new rows' figures are never dropped.
    const at = t.columns.map((c) => header.indexOf(foldKey(c.header)));
    const added = t.columns.filter((_, k) => at[k] < 0).map((c) => c.header);
    let width = header.length;
    at.forEach((x, k) => {
      if (x < 0) at[k] = width++;
    });
    if (added.length > 0) blocks.push({ sheet: t.name, row: d.top, col: d.left + header.length, values: [added] });
    const values: CellValue[][] = rows.map((r) => {
      const line: CellValue[] = Array.from({ length: width }, () => null);
      t.columns.forEach((c, k) => {
        line[at[k]] = r[c.key] ?? null;
      });
      return line;
    });
    blocks.push({ sheet: t.name, row: d.top + Math.max(d.values.length, 1), col: d.left, values });
  }
  if (blocks.length > 0) await target.writeValues(blocks);
  const after = await readStateOrEmpty(target);
  const communes = { ...saved.communes };
  for (const [k, s] of replaced) communes[k] = metaOf(s);
  const previous = after.extra?.upper;
  await target.writeState({
    ...after,
    extra: { ...(after.extra ?? {}), upper: { ...(previous !== null && typeof previous === 'object' && !Array.isArray(previous) ? previous : {}), ...(saved.funds !== undefined ? { funds: saved.funds } : {}), communes, imported: saved.imported } },
  });
  return { done, imported, issues, findings };
}
