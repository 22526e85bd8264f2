/**
 * Undo of the last consolidation (a merge accepted is one) or ranking: every sheet it replaced
 * changes places with its "(cũ)" copy, and the state's keys it changed (the plan's digests, the
 * ballots) with those it kept. Nothing is lost: what the action wrote becomes the "(cũ)" copy, and
 * undoing again brings it back.
 */
import type { WorkbookPort } from '../port/types';
import { readStateOrEmpty } from '../port/types';
import type { ChangeRecord } from './state';
import { readLastChange, todayIso, writeLastChange } from './state';

export interface UndoResult {
  readonly action: ChangeRecord['action'];
  /** The sheets given back their previous content. */
  readonly restored: readonly string[];
}

/** A free name for a sheet kept a moment during a swap. */
function spareName(names: readonly string[]): string {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = `LKH tạm ${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** What the last change can undo now: its sheets and copies must both still be there. */
export async function undoableChange(port: WorkbookPort): Promise<ChangeRecord | undefined> {
  const change = readLastChange(await readStateOrEmpty(port));
  if (!change) return undefined;
  const names = new Set((await port.listSheets()).map((n) => n.toLowerCase()));
  return change.sheets.every((x) => names.has(x.sheet.toLowerCase()) && names.has(x.copy.toLowerCase())) ? change : undefined;
}

/**
 * Swaps each sheet the last change replaced with its copy, and the state's keys it changed; records
 * the swap as the last change (so it can be undone in turn). Undefined when there is nothing to undo
 * (no change recorded, or a sheet or its copy deleted since).
 */
export async function undoLastChange(port: WorkbookPort): Promise<UndoResult | undefined> {
  const change = await undoableChange(port);
  if (!change) return undefined;
  for (const { sheet, copy } of change.sheets) {
    const tmp = spareName(await port.listSheets());
    await port.copySheet(sheet, tmp);
    await port.deleteSheets([sheet]);
    await port.copySheet(copy, sheet);
    await port.deleteSheets([copy]);
    await port.copySheet(tmp, copy);
    await port.deleteSheets([tmp]);
  }
  const state = await readStateOrEmpty(port);
  const extra: Record<string, unknown> = { ...(state.extra ?? {}) };
  const before: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(change.extra ?? {})) {
    before[k] = extra[k] ?? null;
    if (v === null) delete extra[k];
    else extra[k] = v;
  }
  const reverse: ChangeRecord = { action: change.action, at: todayIso(), sheets: change.sheets, ...(change.extra ? { extra: before } : {}) };
  await port.writeState(writeLastChange({ ...state, extra }, reverse));
  return { action: change.action, restored: change.sheets.map((x) => x.sheet) };
}
