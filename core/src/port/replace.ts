/**
 * Replacing a sheet the add-in writes (a plan sheet, a roll-up sheet) keeps exactly one previous
 * copy of it: the copies earlier runs kept ("II.4.B (cũ)", "(cũ 2)"…) are deleted first, then the
 * port renames the current sheet to "II.4.B (cũ)" and creates the new one. Three re-runs leave
 * one copy per sheet, not a pile of them; the previous version is always one tab away.
 */
import type { SheetLayout } from '../layout/types';
import type { WorkbookPort } from './types';
import { copiesOf, copyName } from './types';

export interface Replaced {
  /** The copy kept of the replaced sheet, if there was one. */
  readonly keptCopy?: string;
  /** Older copies deleted. */
  readonly removed: readonly string[];
}

export async function replaceKeepingOneCopy(port: WorkbookPort, layout: SheetLayout, names?: readonly string[]): Promise<Replaced> {
  const all = names ?? (await port.listSheets());
  const exists = all.some((n) => n.toLowerCase() === layout.name.toLowerCase());
  const older = exists ? copiesOf(layout.name, all) : [];
  if (older.length > 0) await port.deleteSheets(older);
  const r = await port.createSheet(layout, { existing: 'copy' });
  return { ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}), removed: older };
}

/**
 * Before a sheet is changed in place (a list ranked and sorted): keeps exactly one copy of it as it
 * is, "II.6.B (cũ)", the copies earlier actions kept deleted first. Returns the copy's name and the
 * copies removed.
 */
export async function copyKeepingOne(port: WorkbookPort, sheet: string, names?: readonly string[]): Promise<{ copy: string; removed: readonly string[] }> {
  const all = names ?? (await port.listSheets());
  const older = copiesOf(sheet, all);
  if (older.length > 0) await port.deleteSheets(older);
  const copy = copyName(sheet, all.filter((n) => !older.includes(n)));
  await port.copySheet(sheet, copy);
  return { copy, removed: older };
}
