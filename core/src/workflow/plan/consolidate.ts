/**
 * Consolidation (rule 4, L3678-L3721): every I.2 (villages) and II.3 (departments) into II.4.A
 * and II.4.B. Departments first, then what the villages add, the village named in parentheses;
 * the three topics and the sector of each row; merges of the same activity proposed by several
 * units offered as suggestions, applied only once accepted; unclear activities returned with the
 * reason. Pure and in memory: reading and writing sheets is plan-io.ts.
 *
 * Nothing is lost: every activity read ends up in exactly one plan row (alone or merged) or in
 * `returned`, and the reconciliation says read = written + returned, for counts and amounts.
 */
import type { Activity, FormReading, SourceRef } from '../../model/types';
import type { ProgramPeriod } from '../../port/types';
import type { PreparedKey } from '../../text';
import { containsWords, foldKey, formatVnNumber, prepareKey, preparedSimilarity, unitKindOf } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import type { Program } from '../../reference';
import { findProgram, periodOfYear, rootProgram } from '../../reference';
import type { Placement } from '../classify';
import { classifyTopic, placeActivity, readFlags, sectorName, sheetLabel } from '../classify';
import { mergedSector, mergedSectorFinding, sheetLabelFindings } from './placement';
import { defaultSplit, destination, isConstruction, noteParts, ownName } from './funding';
import { hash53 } from './sources';
import { districtMoneyFindings } from './district-money';
import { markMeetings } from './meetings';
import { memo } from '../../util/memo';
import type {
  CommunePlan,
  FundingGroup,
  MergeSuggestion,
  NoteTally,
  VillageMeeting,
  Origin,
  PlanActivity,
  PlanSituation,
  Reconciliation,
  ReturnReason,
  ReturnedActivity,
  SituationSuggestion,
  Tally,
  Topic,
} from '../types';

/** Amounts equal within half a thousand đồng. */
const TOLERANCE = 0.5;
/** Similarity of two activity names above which a merge is suggested. */
const MERGE_SIMILARITY = 0.6;
/** A word proposed by more rows than this (in one group and unit of measure) does not point to similar names. */
const MAX_POSTING = 50;

/** What the commune typed into its own columns, by row key (read back from the previous run's sheets). */
export interface RowEdits {
  readonly objective?: string;
  readonly budget?: number;
  readonly proposed?: number;
  readonly fundSource?: string;
  readonly mechanism?: string;
  readonly other?: string;
  readonly priority?: number;
  readonly fundingGroup?: FundingGroup;
  /** The topic the commune moved the row to (the section it sits in), when not the one LKH wrote. */
  readonly topic?: Topic;
  /** Ngành/Lĩnh vực as the commune retyped it, when not what LKH wrote. */
  readonly sector?: string;
}

/** A row of the previous II.4.B, as read back (for vanished and hand-typed rows). */
export interface PreviousRow {
  readonly key?: string;
  readonly activity: PlanActivity;
}

export interface CommuneEdits {
  readonly rows: ReadonlyMap<string, RowEdits>;
  /** Objectives the commune wrote in II.4.A, by situation key. */
  readonly objectives: ReadonlyMap<string, string>;
  /** Other II.4.A cells the commune changed from what LKH wrote last time, by situation key. */
  readonly situationTexts?: ReadonlyMap<string, SituationTexts>;
  /** Accepted merges: sets of row keys. */
  readonly acceptedMerges: readonly (readonly string[])[];
  /** The previous II.4.B's rows, to keep those no source proposes any more and those typed by hand (there or in II.6.A/II.6.B). */
  readonly previous: readonly PreviousRow[];
  /** What reading the edits back found (two different texts typed for one row). */
  readonly findings?: readonly Finding[];
  /** Villages whose list the commune confirmed in the report (meetingKey): their rows are not marked. */
  readonly confirmedMeetings?: readonly string[];
}

/** The II.4.A columns LKH fills from the sources (Mục tiêu is the commune's own). */
export const SITUATION_COLUMNS = ['sector', 'strength', 'difficulty', 'cause', 'solution'] as const;
export type SituationColumn = (typeof SITUATION_COLUMNS)[number];
export type SituationTexts = Partial<Record<SituationColumn, string>>;

/** A list cell as II.4.A prints it: "- a\n- b". */
export function listCell(items: readonly string[]): string {
  return items.map((x) => `- ${x}`).join('\n');
}

/** The inverse of listCell: each line without its "- ". */
function listItems(cell: string): string[] {
  return cell
    .split('\n')
    .map((l) => l.replace(/^\s*[-–•+]\s*/u, '').trim())
    .filter((l) => l !== '');
}

export function cellDigest(text: string): string {
  return hash53(foldKey(text));
}

/** What LKH writes in II.4.A's filled columns of a situation, one digest per column ("|"-joined). */
export function situationDigest(s: PlanSituation): string {
  const cells: Record<SituationColumn, string> = { sector: s.sector, strength: listCell(s.strengths), difficulty: s.difficulty, cause: listCell(s.causes), solution: listCell(s.solutions) };
  return SITUATION_COLUMNS.map((c) => cellDigest(cells[c])).join('|');
}

/** A situation with the cells the commune rewrote in II.4.A instead of those built from the sources. */
function withCommuneTexts(s: PlanSituation, t: SituationTexts | undefined): PlanSituation {
  if (!t) return s;
  return {
    ...s,
    sourceDigest: situationDigest(s),
    ...(t.sector !== undefined ? { sector: t.sector } : {}),
    ...(t.strength !== undefined ? { strengths: listItems(t.strength) } : {}),
    ...(t.difficulty !== undefined ? { difficulty: t.difficulty } : {}),
    ...(t.cause !== undefined ? { causes: listItems(t.cause) } : {}),
    ...(t.solution !== undefined ? { solutions: listItems(t.solution) } : {}),
  };
}

export const NO_EDITS: CommuneEdits = { rows: new Map(), objectives: new Map(), acceptedMerges: [], previous: [] };

export interface ConsolidateOptions {
  readonly period?: ProgramPeriod;
  readonly planYear?: number;
  readonly communeName?: string;
  /** Villages whose meeting the handbook's rules question (villageMeetings): their rows are marked until the commune confirms. */
  readonly meetings?: readonly VillageMeeting[];
}

const SOURCE_FORMS = new Set(['I.2', 'II.3']);

function originOf(r: FormReading): Origin {
  const unit = (r.unitName ?? '').trim() || r.sheet;
  return { kind: r.formId === 'II.3' ? 'department' : 'village', unit };
}

function originLabel(o: Origin): string {
  return o.unit;
}

/** Stable key of a row proposed by one unit: who, what, in which unit of measure. */
export function activityKey(origin: Origin, activity: Pick<Activity, 'activity' | 'unit'>): string {
  return `${origin.kind === 'department' ? 'd' : 'v'}:${foldKey(origin.unit)}|${foldKey(activity.activity)}|${foldKey(activity.unit ?? '')}`;
}

export function mergedKey(keys: readonly string[]): string {
  return `m:${[...keys].sort().join('+')}`;
}

function sum(xs: readonly (number | undefined)[]): number {
  return xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

/** Why an activity cannot be consolidated as it stands, if it cannot. */
function screen(a: Activity): { reason: ReturnReason; message: string; messageEn: string } | undefined {
  if (a.activity.trim() === '') return { reason: 'no-name', message: 'không ghi tên hoạt động', messageEn: 'no activity name' };
  if (a.unreadable) return { reason: 'unreadable', message: 'có ô không đọc được (lỗi hoặc chữ trong ô số)', messageEn: 'a cell cannot be read (an error, or text in a number cell)' };
  const parts = [a.contribution, a.support];
  if (a.total !== undefined && parts.some((p) => p !== undefined) && Math.abs(sum(parts) - a.total) > TOLERANCE) {
    return {
      reason: 'contradictory-amounts',
      message: `Tổng số (${formatVnNumber(a.total)}) khác Dân góp + Cần hỗ trợ (${formatVnNumber(sum(parts))})`,
      messageEn: `Total (${new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(a.total)}) differs from Dân góp + Cần hỗ trợ (${new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(sum(parts))})`,
    };
  }
  if (a.quantity === undefined && a.quantityText === undefined && a.total === undefined && a.contribution === undefined && a.support === undefined) {
    return { reason: 'unclear', message: 'không có số lượng và nguồn lực để xác minh', messageEn: 'no quantity and no resources to verify it by' };
  }
  return undefined;
}

/**
 * A merged row's name: its first part's without the parentheses at its end that name a unit — the
 * village LKH added ("… (Thôn Nà Hin)"), one the village typed itself — but with the words of the
 * activity's own ("Hỗ trợ bò giống (bò cái sinh sản)" stays whole; stripping any last parenthesis
 * twice lost it).
 */
function mergedName(name: string, rows: readonly PlanActivity[]): string {
  const units = rows.flatMap((r) => r.origins.map((o) => o.unit));
  let out = name.trim();
  for (;;) {
    const m = /\s*\(([^()]*)\)$/.exec(out);
    if (!m || m.index === 0) return out;
    const inside = m[1];
    if (unitKindOf(inside) === undefined && !units.some((u) => namesUnit(inside, u))) return out;
    out = out.slice(0, m.index).trim();
  }
}

/**
 * "Thôn A, B" when the names begin with the same kind of unit ("Thôn", "Tổ dân phố"), said once;
 * else the names joined. Only the kind is shared, never a word of the names themselves: "Thôn Nà
 * Lìu" and "Thôn Nà Hin" are "Thôn Nà Lìu, Nà Hin" ("Thôn Nà Lìu, Hin" named a village "Hin").
 */
export function joinUnits(units: readonly string[]): string {
  const uniq = [...new Set(units.map((u) => u.trim()).filter(Boolean))];
  if (uniq.length <= 1) return uniq.join('');
  const split = uniq.map((u) => u.split(/\s+/));
  const kind = unitKindOf(uniq[0]);
  const common = kind === undefined ? 0 : kind.split(' ').length;
  const same = common > 0 && split.every((w, i) => w.length > common && unitKindOf(uniq[i]) === kind && w.slice(0, common).join(' ') === split[0].slice(0, common).join(' '));
  if (!same) return uniq.join(', ');
  return `${split[0].slice(0, common).join(' ')} ${split.map((w) => w.slice(common).join(' ')).join(', ')}`;
}

interface Candidate {
  readonly key: string;
  readonly origin: Origin;
  /** [origin], one array shared by the rows of a reading (read-only, so sharing is safe). */
  readonly origins: readonly Origin[];
  readonly reading: FormReading;
  readonly a: Activity;
}

/** Works on a thing that stands in one place — a canal dredged, a road's verge cleared — are each village's own. */
const PLACE_BOUND = /(^|[^\p{L}])(kênh|mương|đường|cầu|cống|đập|kè|nhà văn hóa|nhà văn hoá|nhà sinh hoạt|trường|trạm|giếng|bể nước|sân)(?=$|[^\p{L}])/u;
const NOT_PLACE = /(nhu cầu|yêu cầu|cầu lông|cầu nối|đường lối|trường hợp|thị trường|môi trường)/gu;

// Wordings repeat across villages ("Nạo vét kênh mương nội đồng"): each is read once.
const isPlaceBound = memo((activity: string): boolean => {
  const low = activity.normalize('NFC').toLowerCase();
  // No place word: nothing to strip ("nhu cầu", "thị trường" only hide place words).
  return PLACE_BOUND.test(low) && PLACE_BOUND.test(low.replace(NOT_PLACE, ' '));
});

/** True when an activity's wording already names its village ("Bê tông hóa đường nội thôn Thôn Nà Hin"). */
function namesUnit(activity: string, unit: string): boolean {
  const u = foldKey(unit);
  return u !== '' && containsWords(foldKey(activity), u);
}

/** The legacy note of a program or of the program it belongs to. */
function rootProgramNote(p: Program): string {
  return rootProgram(p).legacyNote ?? '';
}

/** Names of an earlier period read in notes, by alias and program: reported once each, with a count. */
type LegacyUses = Map<string, { alias: string; program: Program; count: number; first: SourceRef }>;

/** The old names' uses by program, in the order first met. */
function groupLegacyUses(uses: LegacyUses): { alias: string; program: Program; count: number; first: SourceRef }[][] {
  const byProgram = new Map<string, { alias: string; program: Program; count: number; first: SourceRef }[]>();
  for (const u of uses.values()) byProgram.set(u.program.id, [...(byProgram.get(u.program.id) ?? []), u]);
  return [...byProgram.values()];
}

/** Where an old name was first met: '"Thon-A.xlsx" › I.2!J22'. */
function legacyPlace(r: SourceRef): string {
  return `${r.file ? `"${r.file}" › ` : ''}${r.sheet}${r.cells.note ? `!${r.cells.note}` : ''}`;
}

/** An empty count of split notes. */
function noNotes(): { -readonly [K in Exclude<keyof NoteTally, 'separators'>]: number } & { separators: Record<string, number> } {
  return { notes: 0, split: 0, source: 0, mechanism: 0, other: 0, separators: {} };
}

function planRow(c: Candidate, edits: RowEdits | undefined, period: ProgramPeriod, findings: Finding[], legacy?: LegacyUses, notes?: ReturnType<typeof noNotes>, placements?: Placement[]): PlanActivity {
  const { a, origin, reading } = c;
  const contribution = a.contribution ?? 0;
  const support = a.support ?? sum([a.budget, a.proposed]);
  const total = a.total ?? contribution + support;
  // The money decides: a row typed under "no outside money" that asks for some (reported by the
  // validation as NO_OUTSIDE_MONEY_HAS_SUPPORT) is consolidated with the activities needing it (rule 2).
  const group = support > 0 ? 'outside-money' : a.group === 'outside-money' ? 'outside-money' : 'no-outside-money';
  // What the activity is decides its topic and sector (L3718); the row's own Ngành/Lĩnh vực wins for the
  // sector, the sheet's label is a hint. The commune's correction of the sector (or of the topic) in the previous run's sheets wins.
  const placement = placeActivity(a.activity, a.sector, reading.sector, reading.sheet);
  // Kept for sheetLabelFindings, which would otherwise place every row a second time.
  placements?.push(placement);
  const sourceSector = placement.sector;
  const sector = edits?.sector ?? sourceSector;
  // "(Thôn A)" after the activity, unless its own words already name the village ("… Thôn Nà Hin").
  const name = origin.kind === 'village' && !namesUnit(a.activity, origin.unit) ? `${a.activity} (${origin.unit})` : a.activity;
  let budget = 0;
  let proposed = 0;
  let fundSource = a.fundSource;
  let programId: string | undefined;
  if (support > 0) {
    const split = defaultSplit({ support, note: a.note, fundSource: a.fundSource, activity: a.activity }, period);
    budget = split.budget;
    proposed = split.proposed;
    fundSource = split.fundSource ?? fundSource;
    programId = split.programId;
    if (split.legacy && legacy) {
      const k = `${foldKey(split.legacy.alias)}|${split.legacy.program.id}`;
      const seen = legacy.get(k);
      if (seen) seen.count++;
      else legacy.set(k, { alias: split.legacy.alias, program: split.legacy.program, count: 1, first: a.source });
    }
  }
  if (edits && (edits.budget !== undefined || edits.proposed !== undefined)) {
    const eb = edits.budget ?? 0;
    const ep = edits.proposed ?? 0;
    if (Math.abs(eb + ep - support) <= TOLERANCE) {
      budget = eb;
      proposed = ep;
    } else {
      findings.push(
        finding('SPLIT_RESET', { sheet: a.source.sheet, cell: a.source.cells.support ?? a.source.cells.activity, ...(a.source.file ? { file: a.source.file } : {}) }, {
          activity: shortName(name),
          old: formatVnNumber(eb + ep),
          new: formatVnNumber(support),
        }),
      );
    }
  }
  const objective = edits?.objective ?? a.objective;
  // Built by assignment rather than conditional spreads: this runs once per activity (100,000 for a province).
  const row: { -readonly [K in keyof PlanActivity]?: PlanActivity[K] } = {
    key: c.key,
    topic: edits?.topic ?? (edits?.sector !== undefined ? classifyTopic(edits.sector, a.activity) : placement.topic),
    sector,
    group,
    activity: name,
    total,
    contribution,
    support,
    budget,
    proposed,
    origins: c.origins,
    sources: [a.source],
    flags: readFlags(a.activity, a.note, a.objective),
    status: 'active',
  };
  if (objective) row.objective = objective;
  if (a.unit) row.unit = a.unit;
  if (a.quantity !== undefined) row.quantity = a.quantity;
  if (a.quantityText) row.quantityText = a.quantityText;
  if (a.time) row.time = a.time;
  if (a.place) row.place = a.place;
  if (a.responsible) row.responsible = a.responsible;
  // The note in its parts (issue 21): the fund source to Tên nguồn vốn (the canonical name of a
  // program the catalogue knows, else the words as written), how the work is done to Cơ chế thực
  // hiện, the rest to Nội dung khác — no word of the note is lost.
  const parts = noteParts(a.note, period);
  const typed = (x: string | undefined): x is string => x !== undefined && x.trim() !== '';
  const noteSource = parts.source;
  const written = fundSource ?? noteSource;
  const leftovers: string[] = [];
  if (noteSource !== undefined && written !== noteSource) {
    // The source row got a name: the note's source is in it when it names the same program.
    const noteProgram = findProgram(noteSource, period)?.id;
    const rowProgram = programId ?? findProgram(fundSource, period)?.id;
    if (noteProgram === undefined || noteProgram !== rowProgram) leftovers.push(noteSource);
    else if (parts.sourceDetail) leftovers.push(parts.sourceDetail);
  }
  // A Tên nguồn vốn the unit typed, replaced by the program its note names ("Quỹ hỗ trợ nông dân"
  // under a note of "Vốn doanh nghiệp tài trợ" → "Vốn xã hội hóa"): its words go to Nội dung khác
  // unless they name that same program.
  if (typed(a.fundSource) && fundSource !== a.fundSource && (programId === undefined || findProgram(a.fundSource, period)?.id !== programId)) leftovers.push(a.fundSource.trim());
  // The note's source as written, read back from last run's sheet, is LKH's own text, not the
  // commune's: a catalogue that now names it (a province's Danh mục) gives the canonical name.
  const editedSource = edits?.fundSource !== undefined && (noteSource === undefined || foldKey(edits.fundSource) !== foldKey(noteSource)) ? edits.fundSource : undefined;
  const source = editedSource ?? written;
  if (source) row.fundSource = source;
  const mechanism = edits?.mechanism ?? joinDistinct([a.mechanism, parts.how]);
  if (mechanism) row.mechanism = mechanism;
  const other = edits?.other ?? joinDistinct([a.other, parts.other, ...leftovers]);
  if (other) row.other = other;
  if (notes && typed(a.note)) {
    notes.notes++;
    const kinds = [parts.source, parts.how, parts.other].filter(typed).length;
    if (kinds > 1) notes.split++;
    if (typed(noteSource)) notes.source++;
    if (typed(parts.how)) notes.mechanism++;
    if (typed(parts.other) || leftovers.length > 0) notes.other++;
    for (const sep of parts.separators ?? []) notes.separators[sep] = (notes.separators[sep] ?? 0) + 1;
  }
  if (a.note) row.note = a.note;
  if (edits?.priority !== undefined) row.priority = edits.priority;
  if (edits?.fundingGroup) row.fundingGroup = edits.fundingGroup;
  if (edits?.topic !== undefined || edits?.sector !== undefined) row.sourceClass = `${placement.topic}|${foldKey(sourceSector)}`;
  return row as PlanActivity;
}

/** Combines rows of an accepted merge: quantities and amounts summed, places and units joined. */
export function mergeRows(rows: readonly PlanActivity[], edits: RowEdits | undefined): PlanActivity {
  const [first] = rows;
  const key = mergedKey(rows.map((r) => r.key));
  const quantities = rows.map((r) => (r.quantity !== undefined ? formatVnNumber(r.quantity) : (r.quantityText ?? '?')));
  const villages = rows.flatMap((r) => r.origins.filter((o) => o.kind === 'village').map((o) => o.unit));
  const places = villages.length === rows.length ? joinUnits(villages) : joinUnits(rows.map((r) => r.place ?? r.origins[0].unit));
  const allQty = rows.every((r) => r.quantity !== undefined);
  const support = sum(rows.map((r) => r.support));
  const budget = edits?.budget !== undefined || edits?.proposed !== undefined ? (edits.budget ?? 0) : sum(rows.map((r) => r.budget));
  const proposed = edits?.budget !== undefined || edits?.proposed !== undefined ? (edits.proposed ?? 0) : sum(rows.map((r) => r.proposed));
  const splitOk = Math.abs(budget + proposed - support) <= TOLERANCE;
  const join = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x && x.trim() !== ''))].join('; ');
  const fundSource = edits?.fundSource ?? join(rows.map((r) => r.fundSource));
  const objective = edits?.objective ?? join(rows.map((r) => r.objective));
  const mechanism = edits?.mechanism ?? join(rows.map((r) => r.mechanism));
  const other = edits?.other ?? join(rows.map((r) => r.other));
  // The first part's own quantity and Nội dung khác are not the merged row's: a number only when
  // every part has one ("2 + 2-3 lớp + ?" is no 2), every part's words (and the commune's).
  const base: { -readonly [K in keyof PlanActivity]: PlanActivity[K] } = { ...first };
  delete base.quantity;
  delete base.other;
  return {
    ...base,
    // A sector all the parts agree on, else none (buildPlan asks the commune): never the first part's alone.
    sector: edits?.sector ? edits.sector : mergedSector(rows),
    ...(edits?.topic ? { topic: edits.topic } : edits?.sector ? { topic: classifyTopic(edits.sector, first.activity) } : {}),
    ...(edits?.topic || edits?.sector ? { sourceClass: first.sourceClass ?? `${first.topic}|${foldKey(mergedSector(rows))}` } : {}),
    key,
    activity: mergedName(first.activity, rows),
    ...(objective ? { objective } : {}),
    ...(allQty ? { quantity: sum(rows.map((r) => r.quantity)) } : {}),
    quantityText: quantities.join(' + '),
    place: places,
    time: join(rows.map((r) => r.time)),
    responsible: join(rows.map((r) => r.responsible)),
    total: sum(rows.map((r) => r.total)),
    contribution: sum(rows.map((r) => r.contribution)),
    support,
    budget: splitOk ? budget : sum(rows.map((r) => r.budget)),
    proposed: splitOk ? proposed : sum(rows.map((r) => r.proposed)),
    ...(fundSource ? { fundSource } : {}),
    ...(mechanism ? { mechanism } : {}),
    ...(other ? { other } : {}),
    note: join(rows.map((r) => r.note)),
    ...(edits?.priority !== undefined ? { priority: edits.priority } : {}),
    ...(edits?.fundingGroup ? { fundingGroup: edits.fundingGroup } : {}),
    origins: rows.flatMap((r) => r.origins),
    sources: rows.flatMap((r) => r.sources),
    mergedKeys: rows.map((r) => r.key),
    flags: Object.assign({}, ...rows.map((r) => r.flags)),
  };
}

/**
 * What an activity is about, for the merge suggestions (issue 21): its animals and crops, and the
 * kind of work (training, seeds and breeds, credit, vaccination…). Read on the lower-case text with
 * its diacritics, which tell "bò" (cattle) from "bộ", "nái" (sow) from "nai" (deer), "cá" from "cà".
 */
const ANIMALS: readonly (readonly [string, RegExp])[] = [
  ['trâu', /trâu/u],
  ['bò', /bò/u],
  ['lợn', /lợn|heo/u],
  ['nái', /nái/u],
  ['dê', /dê/u],
  ['cừu', /cừu/u],
  ['ngựa', /ngựa/u],
  ['gà', /gà/u],
  ['vịt', /vịt/u],
  ['ngan', /ngan/u],
  ['ngỗng', /ngỗng/u],
  ['bồ câu', /bồ câu/u],
  ['cá', /cá(?! nhân| thể)/u],
  ['tôm', /tôm/u],
  ['ba ba', /ba ba/u],
  ['ếch', /ếch/u],
  ['ong', /ong/u],
  ['thỏ', /thỏ/u],
  ['hươu', /hươu|nai/u],
  ['nhím', /nhím/u],
  ['dúi', /dúi/u],
];
const CROPS: readonly (readonly [string, RegExp])[] = [
  ['lúa', /lúa/u],
  ['ngô', /ngô|bắp/u],
  ['sắn', /sắn|khoai mì/u],
  ['khoai', /khoai(?! mì)/u],
  ['lạc', /(?<!liên )lạc(?! hậu)/u],
  ['đậu', /đậu|đỗ/u],
  ['chè', /chè|trà/u],
  ['cà phê', /cà phê/u],
  ['cao su', /cao su/u],
  ['keo', /keo/u],
  ['quế', /quế/u],
  ['cam', /cam(?! kết)/u],
  ['bưởi', /bưởi/u],
  ['chuối', /chuối/u],
  ['rau', /rau/u],
  ['mía', /mía/u],
  ['dứa', /dứa/u],
  ['vải', /vải/u],
  ['nhãn', /nhãn(?! mác| hiệu)/u],
  ['xoài', /xoài/u],
  ['mận', /mận/u],
  ['thảo quả', /thảo quả/u],
  ['mắc ca', /mắc ca/u],
  ['nấm', /nấm/u],
  ['cỏ', /cỏ/u],
  ['tre', /tre|luồng|măng/u],
  ['dược liệu', /dược liệu/u],
];
/** Kinds of work: an activity of one never merges with one of another. */
const WORK: readonly (readonly [string, RegExp])[] = [
  ['training', /tập huấn|đào tạo|dạy nghề|bồi dưỡng|hướng dẫn|chuyển giao/u],
  ['credit', /vay|tín dụng/u],
  ['vaccination', /tiêm|phòng dịch|phòng bệnh|tiêu độc|khử trùng|thú y/u],
  ['model', /mô hình/u],
  ['communication', /tuyên truyền|truyền thông|vận động/u],
  ['seed', /giống/u],
  ['fertiliser', /phân bón|phân chuồng|phân vi sinh|phân hữu cơ|phân lân|phân đạm/u],
  ['feed', /thức ăn/u],
  ['machine', /máy/u],
  ['barn', /chuồng/u],
  ['supply', /cấp|vật tư/u],
];

function wordRe(re: RegExp): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${re.source})(?![\\p{L}])`, 'u');
}
const ANIMAL_RES = ANIMALS.map(([k, re]) => [k, wordRe(re)] as const);
const CROP_RES = CROPS.map(([k, re]) => [k, wordRe(re)] as const);
const WORK_RES = WORK.map(([k, re]) => [k, wordRe(re)] as const);

/** "trâu|bò/supply": the animals and crops an activity names, and its kind of work (the first that fits). */
export const itemKind = memo((activity: string): string => {
  const v = activity.normalize('NFC').toLowerCase();
  const things = [...ANIMAL_RES, ...CROP_RES].filter(([, re]) => re.test(v)).map(([k]) => k);
  const work = WORK_RES.find(([, re]) => re.test(v))?.[0] ?? '';
  // "Hỗ trợ giống bò" gives the same cattle as "Hỗ trợ bò sinh sản".
  const animal = things.some((t) => ANIMALS.some(([k]) => k === t));
  return `${things.join('|')}/${animal && work === 'seed' ? 'animals' : work || (animal ? 'animals' : '')}`;
});

/** Words that say little about what an activity is; ignored when looking for similar names. */
const STOP = new Set(['ho', 'tro', 'xay', 'dung', 'cac', 'cho', 'tai', 'va', 'cua', 'thon', 'ban', 'xa', 'moi', 'to', 'chuc', 'nang', 'cap', 'lop']);

/**
 * Similar activities proposed by different units, in the same group and unit of measure:
 * candidates come from an index of significant words (near-linear), then names are compared.
 */
export function suggestMerges(
  rows: readonly PlanActivity[],
  accepted: ReadonlySet<string>,
  covered?: { department: PlanActivity; village: PlanActivity }[],
  /** ownName of each row, when the caller already has it (buildPlan does). */
  ownNames?: readonly string[],
): MergeSuggestion[] {
  const own = ownNames ? (i: number) => ownNames[i] : (i: number) => ownName(rows[i]);
  const byBlock: Map<string, number[]>[] = [new Map(), new Map(), new Map(), new Map()];
  /** The blocks in the order they are first met, so findings come out in the same order on every run. */
  const blocks: number[][] = [];
  rows.forEach((r, i) => {
    if (r.status !== 'active' || r.mergedKeys) return;
    // Works bound to a place (a road, a canal, a cultural house in one village) are never one row
    // across villages (the handbook's example, L4013-L4041, keeps them apart).
    // Judged on the unit's own wording: "(Thôn Cầu Đá)" after a seed grant names a village, not a bridge.
    const name = own(i);
    if (isPlaceBound(name) || isConstruction(name)) return;
    // Only rows of one funding group and one kind merge: no funded with unfunded (II.6.A with
    // II.6.B), no investment with recurrent money, so accepting every suggestion hides nothing.
    // The block's key without building a string per row: group and destination pick a map, the unit its list.
    const kind = (r.group === 'outside-money' ? 2 : 0) + (destination(r) === 'ii6a' ? 0 : 1);
    const byUnit = byBlock[kind];
    const unit = r.unit ? foldKey(r.unit) : '';
    const list = byUnit.get(unit);
    if (list) list.push(i);
    else {
      const fresh = [i];
      byUnit.set(unit, fresh);
      blocks.push(fresh);
    }
  });
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Names recur across villages: each folded name is prepared once, with its significant words.
  const preparedNames = new Map<string, { key: PreparedKey; significant: string[] }>();
  const prepare = (name: string) => {
    const folded = foldKey(name);
    let p = preparedNames.get(folded);
    if (!p) {
      const key = prepareKey(folded);
      p = { key, significant: [...key.words].filter((w) => w.length > 1 && !STOP.has(w)) };
      preparedNames.set(folded, p);
    }
    return p;
  };
  for (const members of blocks) {
    if (members.length < 2) continue;
    const index = new Map<string, number[]>();
    const names = members.map((i) => prepare(own(i)));
    const prepared = names.map((p) => p.key);
    const wholeCommune = members.map((i) => rows[i].origins[0].kind === 'department' && /(^| )toan xa( |$)/.test(foldKey(rows[i].place ?? '')));
    const words = names.map((p) => p.significant);
    // Only the same item merges: the same animals or crops and the same kind of work (no sows with buffalo).
    const kinds = members.map((i) => itemKind(own(i)));
    members.forEach((_, m) => {
      for (const w of words[m]) {
        const l = index.get(w);
        if (l) l.push(m);
        else index.set(w, [m]);
      }
    });
    const shared = new Map<number, number>();
    members.forEach((i, m) => {
      // Count the significant words each later row shares with this one; compare only rows
      // sharing two of them (one when this name has a single significant word).
      shared.clear();
      for (const w of words[m]) {
        const posting = index.get(w) ?? [];
        if (posting.length > MAX_POSTING) continue; // a word everybody uses says nothing
        for (const o of posting) if (o > m) shared.set(o, (shared.get(o) ?? 0) + 1);
      }
      const need = Math.min(2, words[m].length);
      const a = rows[i];
      for (const [o, n] of shared) {
        if (n < Math.min(need, words[o].length)) continue;
        const b = rows[members[o]];
        if (a.origins[0].unit === b.origins[0].unit && a.origins[0].kind === b.origins[0].kind) continue;
        if (kinds[m] !== kinds[o]) continue;
        // Most similar pairs share most of their words: decide those on the word sets alone.
        let common = 0;
        for (const w of prepared[m].words) if (prepared[o].words.has(w)) common++;
        const wordDice = (2 * common) / (prepared[m].words.size + prepared[o].words.size);
        // The same animals or crops and the same kind of work, in the same unit, are one item however
        // worded ("Hỗ trợ giống lúa cho hộ nghèo", "Hỗ trợ giống lúa lai năng suất cao").
        const sameItem = !kinds[m].startsWith('/') && !kinds[m].endsWith('/');
        const similar = sameItem || wordDice >= MERGE_SIMILARITY || preparedSimilarity(prepared[m], prepared[o]) >= MERGE_SIMILARITY;
        // A department's activity for the whole commune ("toàn xã") already covers a village's like
        // it (L3684: what II.3 covers is skipped): flagged as possibly covered, never summed.
        const aWide = wholeCommune[m] && b.origins[0].kind === 'village';
        if (aWide || (wholeCommune[o] && a.origins[0].kind === 'village')) {
          if (covered && similar) covered.push(aWide ? { department: a, village: b } : { department: b, village: a });
          continue;
        }
        if (similar) parent[find(members[o])] = find(i);
      }
    });
  }
  // The clusters of two rows or more, in the order of their first row, each row in order. Most rows
  // are alone: sizes are counted in an array first, lists are made only for the clusters.
  const roots = new Int32Array(rows.length);
  const size = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) size[(roots[i] = find(i))]++;
  const clusters: number[][] = [];
  const listOf = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const root = roots[i];
    if (size[root] < 2) continue;
    const l = listOf.get(root);
    if (l) l.push(i);
    else {
      const fresh = [i];
      listOf.set(root, fresh);
      clusters.push(fresh);
    }
  }
  const out: MergeSuggestion[] = [];
  for (const members of clusters) {
    const rs = members.map((i) => rows[i]);
    const merged = mergeRows(rs, undefined);
    const id = [...rs.map((r) => r.key)].sort().join('+');
    out.push({
      id,
      keys: rs.map((r) => r.key),
      activity: merged.activity,
      ...(merged.unit ? { unit: merged.unit } : {}),
      quantityText: merged.quantityText ?? '',
      place: merged.place ?? '',
      total: merged.total,
      accepted: accepted.has(id),
    });
  }
  return out;
}

/** The amount an activity read stands for: its Tổng số, or its parts when Tổng số was left blank. */
export function activityAmount(a: Activity): number {
  return a.total ?? (a.contribution ?? 0) + (a.support ?? (a.budget ?? 0) + (a.proposed ?? 0));
}

function tally(rows: readonly Activity[]): Tally {
  return { count: rows.length, amount: sum(rows.map(activityAmount)) };
}

const GROUP_ORDER = { 'no-outside-money': 0, 'outside-money': 1 } as const;

/** Sort: group A then B; topics in the handbook's order; departments before villages; then as read. */
/** Stable sort by a numeric rank computed once per item (a province sorts 100,000 rows). */
function sortBy<T>(items: readonly T[], rank: (item: T) => number): T[] {
  const ranks = items.map(rank);
  // Ranks are small whole numbers (group, topic, unit kind): one pass per rank keeps the order as read, no comparisons.
  if (ranks.every((x) => Number.isInteger(x) && x >= 0 && x < 32)) {
    const buckets: T[][] = [];
    items.forEach((item, i) => (buckets[ranks[i]] ??= []).push(item));
    return buckets.flatMap((b) => b ?? []);
  }
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => ranks[a] - ranks[b] || a - b);
  return idx.map((i) => items[i]);
}

const TOPIC_ORDER: Readonly<Record<Topic, number>> = { csht: 0, 'kinh-te': 1, 'vh-xh-mt': 2 };

function sortRows(rows: PlanActivity[]): PlanActivity[] {
  return sortBy(rows, (r) => GROUP_ORDER[r.group] * 8 + TOPIC_ORDER[r.topic] * 2 + Number(r.origins[0]?.kind === 'village'));
}

function situations(readings: readonly FormReading[], edits: CommuneEdits): { rows: PlanSituation[]; suggestions: SituationSuggestion[] } {
  const out: PlanSituation[] = [];
  const seen = new Map<string, number>();
  for (const r of readings) {
    const origin = originOf(r);
    const sector = sectorName(sheetLabel(r.sector, r.sheet));
    // A village's strengths carry its name as its difficulties do: "Đất đai màu mỡ (Thôn A)".
    const strengths = r.strengths.map((s) => (origin.kind === 'village' && s.text.trim() !== '' && !namesUnit(s.text, origin.unit) ? `${s.text} (${origin.unit})` : s.text));
    r.difficulties.forEach((d, i) => {
      let key = `s:${origin.kind === 'department' ? 'd' : 'v'}:${foldKey(origin.unit)}|${foldKey(d.difficulty)}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key += `#${n}`;
      const difficulty = origin.kind === 'village' && d.difficulty ? `${d.difficulty} (${origin.unit})` : d.difficulty;
      const objective = edits.objectives.get(key) ?? d.objective;
      out.push({
        key,
        topic: classifyTopic(d.sector?.trim() || sector, d.difficulty),
        sector: sectorName(d.sector) || sector,
        strengths: i === 0 ? strengths : [],
        difficulty,
        causes: d.causes,
        ...(objective ? { objective } : {}),
        solutions: d.solutions,
        origins: [origin],
        sources: [d.source],
      });
    });
    if (r.difficulties.length === 0 && strengths.length > 0) {
      const key = `s:${origin.kind === 'department' ? 'd' : 'v'}:${foldKey(origin.unit)}|${foldKey(sector)}|thuan-loi`;
      out.push({ key, topic: classifyTopic(sector, strengths.join(' ')), sector, strengths, difficulty: '', causes: [], solutions: [], origins: [origin], sources: r.strengths.map((s) => s.source) });
    }
  }
  // Departments first, then villages, by topic; as read within each. The commune's rewording of
  // a row (grouped or not) replaces what the sources give, run after run.
  const grouped = groupSituations(sortBy(out, (s) => TOPIC_ORDER[s.topic] * 2 + Number(s.origins[0].kind === 'village')), edits);
  return { rows: grouped.rows.map((s) => withCommuneTexts(s, edits.situationTexts?.get(s.key))), suggestions: grouped.suggestions };
}

/**
 * II.4.A as the handbook builds it (L3684-L3693): the same difficulty stated by several units (same
 * words once case, spacing, punctuation and diacritics are set aside) is written once, with every
 * unit that stated it "(Thôn A, B)"; of its causes and solutions, what an earlier unit already
 * stated is skipped and what a later one adds is kept with that unit in parentheses. Departments
 * come first, so their wording leads.
 */
function groupSituations(list: readonly PlanSituation[], edits: CommuneEdits): { rows: PlanSituation[]; suggestions: SituationSuggestion[] } {
  const groups = new Map<string, PlanSituation[]>();
  const order: string[] = [];
  const plainOf = (s: PlanSituation) => (s.origins[0].kind === 'village' ? stripUnit(s.difficulty, s.origins[0].unit) : s.difficulty);
  for (const s of list) {
    const base = foldKey(plainOf(s));
    const id = base === '' ? s.key : `${s.topic}|${base}`;
    const g = groups.get(id);
    if (g) g.push(s);
    else {
      groups.set(id, [s]);
      order.push(id);
    }
  }
  // Merges the commune accepted (near-identical difficulties): their groups become one, in place of the first.
  const groupOfKey = new Map<string, string>();
  for (const id of order) for (const m of groups.get(id) ?? []) groupOfKey.set(m.key, id);
  const accepted: SituationSuggestion[] = [];
  for (const set of edits.acceptedMerges) {
    if (!set.every((k) => k.startsWith('s:'))) continue;
    // In the list's order (departments first, then villages as read), not the order the keys were
    // stored in: the row takes the first group's place and wording, and the suggestion lists it first.
    const ids = [...new Set(set.map((k) => groupOfKey.get(k)).filter((x): x is string => x !== undefined))].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    if (ids.length < 2) continue;
    const difficulties = ids.map((id) => displayDifficulty(groups.get(id) ?? []));
    const [target, ...rest] = ids;
    const members = groups.get(target) ?? [];
    for (const r of rest) {
      for (const m of groups.get(r) ?? []) {
        members.push(m);
        groupOfKey.set(m.key, target);
      }
      groups.delete(r);
      order.splice(order.indexOf(r), 1);
    }
    // Departments first, as the handbook orders the units.
    groups.set(target, sortBy(members, (m) => Number(m.origins[0].kind === 'village')));
    const keys = [...set].sort();
    accepted.push({ id: keys.join('+'), keys, difficulties, topic: members[0].topic, accepted: true });
  }
  // Near-identical difficulties of one topic, offered to merge (never merged unasked).
  const suggestions: SituationSuggestion[] = [...accepted];
  const prepared = order.map((id) => {
    const members = groups.get(id) ?? [];
    return { id, members, key: prepareKey(foldKey(plainOf(members[0]))) };
  });
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i];
    if (a.key.key === '') continue;
    for (let j = i + 1; j < prepared.length; j++) {
      const b = prepared[j];
      if (b.key.key === '' || a.members[0].topic !== b.members[0].topic) continue;
      if (preparedSimilarity(a.key, b.key) < SITUATION_MERGE_SIMILARITY) continue;
      const keys = [...a.members, ...b.members].map((m) => m.key).sort();
      suggestions.push({ id: keys.join('+'), keys, difficulties: [displayDifficulty(a.members), displayDifficulty(b.members)], topic: a.members[0].topic, accepted: false });
    }
  }
  const rows = order.map((id) => {
    const members = groups.get(id) as PlanSituation[];
    if (members.length === 1) return members[0];
    const [first] = members;
    const merge = (pick: (m: PlanSituation) => readonly string[]): string[] => {
      const seen = new Set<string>();
      const outList: string[] = [];
      members.forEach((m, i) => {
        for (const x of pick(m)) {
          const k = foldKey(x);
          if (k === '' || seen.has(k)) continue;
          seen.add(k);
          outList.push(i === 0 ? x : `${x} (${m.origins[0].unit})`);
        }
      });
      return outList;
    };
    const key = `s:g:${id}`;
    const objective = edits.objectives.get(key) ?? members.map((m) => m.objective).find((o) => o !== undefined);
    return {
      key,
      topic: first.topic,
      sector: [...new Set(members.map((m) => m.sector).filter((x) => x !== ''))].join('; '),
      strengths: mergeStrengths(members),
      difficulty: displayDifficulty(members),
      causes: merge((m) => m.causes),
      ...(objective ? { objective } : {}),
      solutions: merge((m) => m.solutions),
      origins: members.flatMap((m) => m.origins),
      sources: members.flatMap((m) => m.sources),
    };
  });
  return { rows, suggestions };
}

/**
 * The strengths of a group: each said once, with every village that stated it in parentheses
 * ("Đất đai màu mỡ (Thôn A, B)"); one only a department stated, as written.
 */
function mergeStrengths(members: readonly PlanSituation[]): string[] {
  const byText = new Map<string, { text: string; villages: string[] }>();
  for (const m of members) {
    const o = m.origins[0];
    for (const x of m.strengths) {
      const plain = o.kind === 'village' ? stripUnit(x, o.unit) : x;
      const k = foldKey(plain);
      if (k === '') continue;
      const e = byText.get(k) ?? { text: plain, villages: [] };
      if (o.kind === 'village' && !e.villages.includes(o.unit)) e.villages.push(o.unit);
      byText.set(k, e);
    }
  }
  return [...byText.values()].map((e) => (e.villages.length === 0 ? e.text : `${e.text} (${joinUnits(e.villages)})`));
}

/** Two difficulties at least this alike (word and letter-pair overlap) are offered to merge. */
const SITUATION_MERGE_SIMILARITY = 0.75;

/**
 * A group's difficulty as II.4.A writes it: "Đường nội thôn lầy lội (Hội Nông dân xã, Thôn A, B)",
 * the departments, then the villages written short; a department's own name at the end is said
 * once, in those parentheses.
 */
function displayDifficulty(members: readonly PlanSituation[]): string {
  if (members.length === 1) return members[0].difficulty;
  const first = members[0];
  const departments = [...new Set(members.filter((m) => m.origins[0].kind === 'department').map((m) => m.origins[0].unit))];
  const villages = members.filter((m) => m.origins[0].kind === 'village').map((m) => m.origins[0].unit);
  const plain = first.origins[0].kind === 'village' || villages.length > 0 ? stripUnit(first.difficulty, first.origins[0].unit) : first.difficulty;
  return villages.length > 0 ? `${plain} (${[...departments, joinUnits(villages)].filter(Boolean).join(', ')})` : plain;
}

/** A difficulty without the "(Thôn A)" this consolidation added after it. */
function stripUnit(text: string, unit: string): string {
  const suffix = ` (${unit})`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/**
 * Builds the commune plan from the readings of I.2 and II.3 sheets (others are ignored),
 * keeping what the commune typed in its own columns (`edits`).
 */
export function buildPlan(readings: readonly FormReading[], edits: CommuneEdits = NO_EDITS, options: ConsolidateOptions = {}): CommunePlan {
  const period = options.period ?? periodOfYear(options.planYear).period;
  const findings: Finding[] = [...(edits.findings ?? [])];
  const sources = readings.filter((r) => SOURCE_FORMS.has(r.formId));
  // II.3 first (L3683), then I.2; stable within each.
  const ordered = [...sources.filter((r) => r.formId === 'II.3'), ...sources.filter((r) => r.formId === 'I.2')];
  const readAll: Activity[] = [];
  const returned: ReturnedActivity[] = [];
  const candidates: Candidate[] = [];
  const keyCount = new Map<string, number>();
  for (const r of ordered) {
    const origin = originOf(r);
    const origins = [origin];
    // activityKey's first part, once per sheet rather than once per activity.
    const keyPrefix = `${origin.kind === 'department' ? 'd' : 'v'}:${foldKey(origin.unit)}|`;
    for (const a of r.activities) {
      readAll.push(a);
      const bad = screen(a);
      if (bad) {
        returned.push({ activity: a, origin, reason: bad.reason, message: bad.message, messageEn: bad.messageEn });
        findings.push(
          finding('ACTIVITY_RETURNED', { sheet: a.source.sheet, cell: a.source.cells.activity ?? Object.values(a.source.cells)[0], ...(a.source.file ? { file: a.source.file } : {}) }, {
            activity: shortName(a.activity || '(không tên)'),
            origin: originLabel(origin),
            reason: bad.message,
            reasonEn: bad.messageEn,
          }),
        );
        continue;
      }
      let key = `${keyPrefix}${foldKey(a.activity)}|${a.unit ? foldKey(a.unit) : ''}`; // = activityKey(origin, a)
      const n = (keyCount.get(key) ?? 0) + 1;
      keyCount.set(key, n);
      if (n > 1) key += `#${n}`;
      candidates.push({ key, origin, origins, reading: r, a });
    }
  }
  const legacyUses: LegacyUses = new Map();
  const notes = noNotes();
  const placements: Placement[] = [];
  // No edits (a first run, a province's roll-up): no lookup per row.
  const editsOf = edits.rows.size > 0 ? (key: string) => edits.rows.get(key) : () => undefined;
  let rows = candidates.map((c) => planRow(c, editsOf(c.key), period, findings, legacyUses, notes, placements));
  // Rows whose words contradict their sheet's label: filed by their words, named once per sheet.
  findings.push(...sheetLabelFindings(candidates, (i) => editsOf(candidates[i].key)?.topic !== undefined || editsOf(candidates[i].key)?.sector !== undefined, placements));
  // Each row's name as its unit wrote it, for the merge suggestions: the source's own text when
  // planRow added "(Thôn A)" after it (ownName would only cut it off again), else ownName.
  const candidateOwn = rows.map((r, i) => (r.activity === candidates[i].a.activity ? ownName(r) : candidates[i].a.activity));
  // A note typed the old way ("CT 135" in 2027) is read under the plan's period, and said so:
  // once per program (its old names together, its explanation once), at its first use.
  for (const uses of groupLegacyUses(legacyUses)) {
    const u = uses[0];
    const places = uses.map((x) => legacyPlace(x.first));
    const others = places.slice(1);
    const shown = others.slice(0, 2);
    const more = others.length - shown.length;
    // The explanation as its own sentence; none under a commune's Danh mục, which has no column for it.
    const explanation = (u.program.legacyNote ?? rootProgramNote(u.program)).trim();
    findings.push(
      finding('LEGACY_PROGRAM_MAPPED', { sheet: u.first.sheet, ...(u.first.cells.note ? { cell: u.first.cells.note } : {}), ...(u.first.file ? { file: u.first.file } : {}) }, {
        alias: uses.map((x) => x.alias).join('", "'),
        count: uses.reduce((n, x) => n + x.count, 0),
        program: u.program.fullSourceName,
        period,
        note: explanation === '' ? '' : ` ${explanation}.`,
        also: others.length > 0 ? ` Cũng gặp ở: ${shown.join('; ')}${more > 0 ? ` và ${more} chỗ khác` : ''}.` : '',
        alsoEn: others.length > 0 ? ` Also at: ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}.` : '',
      }),
    );
  }
  // From 2026 no district: a source naming district money is asked about (district-money.ts).
  findings.push(...districtMoneyFindings(candidates.map((c) => ({ a: c.a, unit: c.origin.unit })), options.planYear, period === '2026-2030'));
  // Accepted merges: applied when at least two of their rows are still proposed.
  const acceptedIds = new Set(edits.acceptedMerges.map((ks) => [...ks].sort().join('+')));
  const consumed = new Set<string>();
  const merged: PlanActivity[] = [];
  // Indexes built only when the commune accepted merges (a province's first run has none).
  const byKey = edits.acceptedMerges.length > 0 ? new Map(rows.map((r) => [r.key, r])) : new Map<string, PlanActivity>();
  const position = edits.acceptedMerges.length > 0 ? new Map(rows.map((r, i) => [r.key, i])) : new Map<string, number>();
  for (const keys of edits.acceptedMerges) {
    // Members in reading order (departments, then villages as read), whatever order the keys were stored in,
    // so the merged row (its name, sector, "100 + 200", "Thôn A, B") is the same on every run.
    const members = keys
      .map((k) => byKey.get(k))
      .filter((r): r is PlanActivity => r !== undefined && !consumed.has(r.key))
      .sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
    if (members.length < 2) continue;
    members.forEach((m) => consumed.add(m.key));
    const mergedEdits = edits.rows.get(mergedKey(members.map((m) => m.key)));
    const row = mergeRows(members, mergedEdits);
    merged.push(row);
    const unsettled = !mergedEdits?.sector ? mergedSectorFinding(members, row) : undefined;
    if (unsettled) findings.push(unsettled);
  }
  rows = [...rows.filter((r) => !consumed.has(r.key)), ...merged];
  const covered: { department: PlanActivity; village: PlanActivity }[] = [];
  const suggestions = [
    ...suggestMerges(rows, acceptedIds, covered, consumed.size === 0 && merged.length === 0 ? candidateOwn : undefined),
    ...merged.map((m) => {
      const keys = m.mergedKeys ?? [];
      return { id: [...keys].sort().join('+'), keys, activity: m.activity, ...(m.unit ? { unit: m.unit } : {}), quantityText: m.quantityText ?? '', place: m.place ?? '', total: m.total, accepted: true };
    }),
  ];
  for (const c of covered) {
    const src = c.village.sources[0];
    findings.push(
      finding('ACTIVITY_MAYBE_COVERED', { sheet: src.sheet, ...(src.cells.activity ? { cell: src.cells.activity } : {}), ...(src.file ? { file: src.file } : {}) }, {
        activity: shortName(c.village.activity),
        department: c.department.origins[0].unit,
        other: shortName(c.department.activity),
      }),
    );
  }
  // Rows of the previous II.4.B that no source proposes any more, and rows typed by hand: kept.
  const known = edits.previous.length > 0 ? new Set([...rows.map((r) => r.key), ...consumed]) : new Set<string>();
  const kept: PlanActivity[] = [];
  for (const p of edits.previous) {
    if (p.key === undefined) {
      kept.push({ ...p.activity, status: 'manual' });
    } else if (!known.has(p.key) && !(p.key.startsWith('m:') && p.key.slice(2).split('+').some((k) => known.has(k)))) {
      kept.push({ ...p.activity, key: p.key, status: 'vanished' });
      const src = p.activity.sources[0];
      findings.push(
        finding('ROW_VANISHED', { sheet: src?.sheet ?? 'II.4.B', ...(src?.cells.activity ? { cell: src.cells.activity } : {}) }, { activity: shortName(p.activity.activity), form: 'II.4.B' }),
      );
    }
  }
  // A village whose list is not valid (its meeting): its rows marked until the commune confirms (L595).
  const meetings = markMeetings(rows, options.meetings ?? [], new Set(edits.confirmedMeetings ?? []));
  rows = meetings.rows;
  findings.push(...meetings.findings);
  const activities = sortRows([...rows, ...kept]);
  const written = activities.filter((r) => r.status === 'active');
  const writtenCount = written.reduce((n, r) => n + r.sources.length, 0);
  const writtenAmount = sum(written.map((r) => r.total));
  const read = tally(readAll);
  const ret = tally(returned.map((r) => r.activity));
  const reconciliation: Reconciliation = {
    read,
    written: { count: writtenCount, amount: writtenAmount },
    returned: ret,
    balanced: read.count === writtenCount + ret.count && Math.abs(read.amount - (writtenAmount + ret.amount)) <= TOLERANCE,
    vanished: kept.filter((k) => k.status === 'vanished').length,
    manual: kept.filter((k) => k.status === 'manual').length,
  };
  if (!reconciliation.balanced) {
    findings.push(
      finding('RECONCILIATION_MISMATCH', { sheet: 'II.4.B' }, {
        readCount: read.count,
        readAmount: formatVnNumber(read.amount),
        writtenCount,
        writtenAmount: formatVnNumber(writtenAmount),
        returnedCount: ret.count,
        returnedAmount: formatVnNumber(ret.amount),
      }),
    );
  }
  if (sources.length === 0) findings.push(finding('NOTHING_TO_CONSOLIDATE', { sheet: '' }));
  const ii4a = situations(ordered, edits);
  return {
    ...(options.planYear !== undefined ? { planYear: options.planYear } : {}),
    ...(options.communeName ? { communeName: options.communeName } : {}),
    situations: ii4a.rows,
    activities,
    returned,
    suggestions,
    situationSuggestions: ii4a.suggestions,
    reconciliation,
    notes,
    ...(meetings.meetings.length > 0 ? { meetings: meetings.meetings } : {}),
    findings,
  };
}

/** Texts joined with "; ", blanks and repeats left out. */
function joinDistinct(xs: readonly (string | undefined)[]): string | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of xs) {
    if (x === undefined || x.trim() === '') continue;
    const k = foldKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x.trim());
  }
  return out.length > 0 ? out.join('; ') : undefined;
}

export type { Topic };
