/**
 * Each commune's feedback made on demand from the feedback table "Phản hồi các xã" (no roll-up
 * needed): the printable "Phiếu phản hồi" of a chosen commune (one sheet, rebuilt), and one sheet
 * per commune for the files sent back (the Sheets sidebar downloads them all; `lkh district
 * --feedback-dir` writes the same from the roll-up). `lkh feedback` reads either back.
 */
import type { SheetLayout } from '../../layout/types';
import type { WorkbookPort } from '../../port/types';
import { readStateOrEmpty } from '../../port/types';
import type { UpperFeedback } from './feedback-read';
import { readFeedbackTable } from './feedback-read';
import { feedbackSheetLayout, feedbackSheetName } from './layout';
import { communeKey } from './read';
import { rebuildSheet } from './tables';
import { DEFAULT_UPPER_LEVEL, FEEDBACK_TABLE, FEEDBACK_VIEW } from './types';

/** Every commune's feedback in the table, in the table's order; empty without the table. */
export async function feedbackOfCommunes(port: WorkbookPort): Promise<{ readonly upperLevel: string; readonly planYear?: number; readonly communes: UpperFeedback[] }> {
  const state = await readStateOrEmpty(port);
  const upperLevel = state.upperLevelName?.trim() || DEFAULT_UPPER_LEVEL;
  const names = await port.listSheets();
  if (!names.includes(FEEDBACK_TABLE)) return { upperLevel, communes: [] };
  const [d] = await port.readSheets([FEEDBACK_TABLE], { formulas: false, fonts: false, merges: false });
  return { upperLevel, ...(state.planYear !== undefined ? { planYear: state.planYear } : {}), communes: readFeedbackTable(d, undefined, state.planYear) };
}

function layoutOf(f: UpperFeedback, name: string, upperLevel: string, planYear: number | undefined): SheetLayout {
  return feedbackSheetLayout({ name, upperLevel, ...(planYear !== undefined ? { planYear } : {}), commune: f.commune ?? f.sheet, rows: f.lines });
}

/**
 * Rebuilds "Phiếu phản hồi" for `commune` from the feedback table and remembers the choice (the
 * next roll-up shows the same commune). Throws, in Vietnamese, when the table has no such commune.
 */
export async function writeFeedbackView(port: WorkbookPort, commune: string): Promise<{ readonly commune: string; readonly activities: number }> {
  const all = await feedbackOfCommunes(port);
  const f = all.communes.find((x) => x.commune !== undefined && communeKey(x.commune) === communeKey(commune));
  if (!f) {
    throw new Error(
      all.communes.length === 0
        ? `Chưa có bảng "${FEEDBACK_TABLE}": hãy tổng hợp các xã trước.`
        : `Không có "${commune}" trong bảng "${FEEDBACK_TABLE}" (có ${all.communes.length} xã, ví dụ ${all.communes.slice(0, 3).map((x) => x.commune).join(', ')}).`,
    );
  }
  await rebuildSheet(port, layoutOf(f, FEEDBACK_VIEW, all.upperLevel, all.planYear), await port.listSheets());
  const state = await readStateOrEmpty(port);
  const upper = state.extra?.upper;
  await port.writeState({ ...state, extra: { ...(state.extra ?? {}), upper: { ...(upper !== null && typeof upper === 'object' && !Array.isArray(upper) ? upper : {}), feedbackCommune: f.commune } } });
  return { commune: f.commune ?? commune, activities: f.lines.length };
}

/** One "Phản hồi - <xã>" sheet per commune of the table, each to be sent as its own file. */
export async function feedbackFileLayouts(port: WorkbookPort): Promise<SheetLayout[]> {
  const all = await feedbackOfCommunes(port);
  const taken: string[] = [];
  return all.communes.map((f) => {
    const name = feedbackSheetName(f.commune ?? f.sheet, taken);
    taken.push(name);
    return layoutOf(f, name, all.upperLevel, all.planYear);
  });
}
