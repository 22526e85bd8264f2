/**
 * Where the consolidation's rows go when the sheet's label and the activity's words disagree
 * (L3718: the sector follows each activity's nature). The words win (workflow/classify.ts
 * `placeActivity`); the commune is told, once per sheet, which rows left the sheet's label, and,
 * for a merged row whose parts name different sectors, that the sector is its to choose.
 */
import type { Activity, FormReading } from '../../model/types';
import { foldKey } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import { SECTOR_GROUPS, TOPIC_LABELS } from '../../forms/topics';
import type { Placement } from '../classify';
import { placeActivity, sectorName } from '../classify';
import type { PlanActivity } from '../types';

/** Rows listed by name in one finding; the rest are counted. */
const LISTED = 30;

/**
 * One finding per sheet whose label ("Cơ sở hạ tầng", "I.2 - Giao thông", "Ngành/Lĩnh vực: …")
 * the words of some of its activities contradict, naming those rows and where they went. Rows the
 * commune already placed itself (`placedByCommune`) are settled and not listed.
 */
export function sheetLabelFindings(
  candidates: readonly { readonly a: Activity; readonly reading: FormReading }[],
  placedByCommune: (index: number) => boolean,
  /** Each candidate's placement when the caller has it already (buildPlan's planRow placed every row). */
  placements?: readonly Placement[],
): Finding[] {
  const bySheet = new Map<FormReading, { label: string; rows: string[]; first: Activity }>();
  candidates.forEach((c, i) => {
    const p = placements?.[i] ?? placeActivity(c.a.activity, c.a.sector, c.reading.sector, c.reading.sheet);
    if (p.overrules === undefined || placedByCommune(i)) return;
    const cell = c.a.source.cells.activity ?? `hàng ${c.a.source.row + 1}`;
    const where = `${cell} "${shortName(c.a.activity, 50)}" → ${TOPIC_LABELS[p.topic]}${p.sector ? `, ${p.sector}` : ''}`;
    const seen = bySheet.get(c.reading);
    if (seen) seen.rows.push(where);
    else bySheet.set(c.reading, { label: p.overrules, rows: [where], first: c.a });
  });
  return [...bySheet.values()].map(({ label, rows, first }) => {
    const listed = rows.slice(0, LISTED).join('; ');
    const more = rows.length > LISTED ? ` và ${rows.length - LISTED} hoạt động khác` : '';
    const moreEn = rows.length > LISTED ? ` and ${rows.length - LISTED} more` : '';
    return finding(
      'SHEET_LABEL_OVERRULED',
      { sheet: first.source.sheet, ...(first.source.cells.activity ? { cell: first.source.cells.activity } : {}), ...(first.source.file ? { file: first.source.file } : {}) },
      { label, count: rows.length, rows: `${listed}${more}`, rowsEn: `${listed}${moreEn}` },
    );
  });
}

/** The different sectors the parts of a merged row name (a broad group that holds another part's sector says nothing more: "Nông nghiệp" with "Trồng trọt" is "Trồng trọt"). */
function sectorsOfParts(rows: readonly PlanActivity[]): string[] {
  const named = [...new Map(rows.map((r) => sectorName(r.sector)).filter((s) => s !== '').map((s) => [foldKey(s), s])).values()];
  return named.filter((s) => !named.some((other) => other !== s && HOLDS.get(s)?.includes(other)));
}

const HOLDS: ReadonlyMap<string, readonly string[]> = new Map(SECTOR_GROUPS.map((g) => [g.name, g.holds]));

/** The sector every part of a merged row names (parts that name none have no say); '' when they differ. */
export function mergedSector(rows: readonly PlanActivity[]): string {
  const named = sectorsOfParts(rows);
  return named.length === 1 ? named[0] : '';
}

/** The question to the commune when the parts of a merged row name different sectors (the merged row is written without one). */
export function mergedSectorFinding(rows: readonly PlanActivity[], merged: PlanActivity): Finding | undefined {
  const named = sectorsOfParts(rows);
  if (named.length < 2) return undefined;
  const src = rows[0].sources[0];
  return finding('MERGED_SECTORS_DIFFER', { sheet: 'II.4.B', ...(src?.file ? { file: src.file } : {}) }, { activity: shortName(merged.activity), sectors: named.join(', ') });
}
