/**
 * The calendar's checklist of a document, from the year's state (ticks, dates, mode, the commune's
 * villages) and what its sheets hold: the bridge between the state (state.ts) and the calendar's
 * pure `checklist()`.
 */
import type { DocumentState } from '../port/types';
import type { CalendarOptions, Checklist, SheetContent } from '../workflow/calendar';
import { checklist } from '../workflow/calendar';
import { readChecklistState, readVillages } from './state';

/**
 * The checklist of a document from its state (level, plan year, sheets, ticks, overrides, mode,
 * the commune's villages) and what its sheets hold (`sheetContents`). Undefined when the document
 * has no level or plan year yet.
 */
export function checklistOfDocument(state: DocumentState, today: string, contents?: Readonly<Record<string, SheetContent>>): Checklist | undefined {
  if (state.level === undefined || state.planYear === undefined) return undefined;
  const cs = readChecklistState(state);
  const villages = readVillages(state);
  const options: CalendarOptions = {
    ...(cs.periodStart !== undefined ? { periodStart: cs.periodStart } : {}),
    ...(contents ? { contents } : {}),
    ...(villages.length > 0 ? { villages } : {}),
  };
  return checklist(state.level, state.planYear, state.sheetForms ?? {}, cs.manual, today, cs.overrides, cs.mode ?? 'annual', options);
}
