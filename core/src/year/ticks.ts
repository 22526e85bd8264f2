/**
 * Ticks that agree: a step ticked carries its sub-items and results, and a result unticked unticks
 * its sub-item and its step (a step cannot stay "done" with a result open). The checklist's and the
 * status's views read the same ticks (state.ts).
 */
import type { Level } from '../forms/types';
import type { DocumentState } from '../port/types';
import type { StepDef } from '../workflow/calendar';
import { stepsOf } from '../workflow/calendar';
import { readChecklistState, writeChecklistState } from './state';

/** The ids a step holds: itself, its sub-items, its results (manual ids and form results 'owner:form[:from]'). */
function idsOf(step: StepDef): { step: string; owners: Map<string, string[]> } {
  const owners = new Map<string, string[]>();
  const add = (owner: string, ids: string[]) => owners.set(owner, [...(owners.get(owner) ?? []), ...ids]);
  for (const it of step.items) add(it.id, [...(it.manual ?? []).map((m) => m.id), ...(it.forms ?? []).map((f) => `${it.id}:${f.form}${f.from ? `:${f.from}` : ''}`)]);
  add(step.id, [...(step.manual ?? []).map((m) => m.id), ...(step.forms ?? []).map((f) => `${step.id}:${f.form}${f.from ? `:${f.from}` : ''}`)]);
  return { step: step.id, owners };
}

/**
 * The state with `id` (a step, a sub-item or a result of the level) ticked or unticked, its step
 * and items kept in agreement: ticking a step or sub-item ticks everything under it; unticking
 * anything unticks what holds it and, for a step or sub-item, what it holds. An id the level does
 * not know is ticked alone (a later version's result).
 */
export function yearTick(state: DocumentState, id: string, ticked: boolean, level: Level = state.level ?? 'xa'): DocumentState {
  const cs = readChecklistState(state);
  const manual: Record<string, boolean> = { ...cs.manual };
  const set = (k: string, v: boolean) => {
    if (v) manual[k] = true;
    else delete manual[k];
  };
  let found = false;
  for (const def of stepsOf(level)) {
    const { step, owners } = idsOf(def);
    const all = [...owners.keys(), ...[...owners.values()].flat()];
    if (id === step) {
      found = true;
      set(step, ticked);
      for (const k of all) set(k, ticked);
      break;
    }
    for (const [owner, items] of owners) {
      if (id === owner && owner !== step) {
        found = true;
        set(owner, ticked);
        for (const k of items) set(k, ticked);
        if (!ticked) set(step, false);
      } else if (items.includes(id)) {
        found = true;
        set(id, ticked);
        if (!ticked) {
          set(owner, false);
          set(step, false);
        }
      }
    }
    if (found) break;
  }
  if (!found) set(id, ticked);
  return writeChecklistState(state, { ...cs, manual });
}
