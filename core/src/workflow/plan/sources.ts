/**
 * The sources of a consolidation, each counted once. Files arrive by Zalo and e-mail: the same
 * village file twice, a renamed copy ("thon-a (1).xlsx"), a corrected v2 beside the first version.
 * Summing them doubles the village's activities while the reconciliation still says "khớp" — so,
 * before any plan is built:
 *
 *   - a sheet whose content (what was read: form, unit, sector, every strength, difficulty and
 *     activity with its figures — not the file or sheet name, not the cell positions) is identical
 *     to one already taken is read once, and the report says which copy was left out;
 *   - two different sheets of the same unit, form and sector (the same village's I.2 for
 *     "Giao thông" in two files) are a conflict: nothing is written until the user chooses which
 *     one to keep, or says they are different units that happen to share a name ("Thôn 1" of two
 *     former communes since the 2025 mergers) and both count.
 *
 * Never silently summed. Only I.2 and II.3 are sources of activities; other forms pass through.
 */
import type { FormReading } from '../../model/types';
import { foldKey } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { hash53 } from '../../util/hash';

/** Where one candidate sheet comes from. */
export interface SourceCandidate {
  /** Stable key of the candidate: "<file>|<sheet>" (file empty for the workbook's own tabs). */
  readonly key: string;
  readonly file?: string;
  readonly sheet: string;
  readonly activities: number;
  /** Sum of the activities' Tổng số, in the form's unit (nghìn đồng). */
  readonly amount: number;
  /** When the file was last saved (its docProps/core.xml dcterms:modified), ISO, when known. */
  readonly modified?: string;
  /** When the pane imported it as a tab, ISO, when known. */
  readonly imported?: string;
}

/** Where a tab of the workbook came from: the file, its modified date, when it was imported. */
export interface SheetOrigin {
  readonly file: string;
  readonly modified?: string;
  readonly imported?: string;
}

/** The key of DocumentState.extra holding the tabs' origins (tab → SheetOrigin). */
export const SHEET_ORIGINS_KEY = 'sheetOrigins';

const isIso = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/u.test(x);

/** The tabs' origins the state records (malformed entries left out). */
export function readSheetOrigins(extra: Readonly<Record<string, unknown>> | undefined): Record<string, SheetOrigin> {
  const raw = extra?.[SHEET_ORIGINS_KEY];
  const out: Record<string, SheetOrigin> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [tab, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    if (typeof o.file !== 'string' || o.file === '') continue;
    out[tab] = { file: o.file, ...(isIso(o.modified) ? { modified: o.modified } : {}), ...(isIso(o.imported) ? { imported: o.imported } : {}) };
  }
  return out;
}

/** Two or more different sheets claiming the same unit, form and sector. */
export interface SourceConflict {
  /** Stable across runs: "<form>|<unit>|<sector>" folded. */
  readonly id: string;
  readonly formId: 'I.2' | 'II.3';
  readonly unitName: string;
  readonly sector?: string;
  readonly candidates: readonly SourceCandidate[];
}

/**
 * The user's answer to a conflict: the key of the candidate to keep (the others are left out), or
 * 'all' when they are different units sharing a name and every candidate counts.
 */
export type ConflictChoice = string;

export interface SourceSelection {
  /** The readings to consolidate: duplicates and the versions not chosen left out. */
  readonly readings: FormReading[];
  /** Conflicts still to be answered: while any is left, nothing may be written. */
  readonly conflicts: SourceConflict[];
  /** What was left out or kept, for the report (every input is named somewhere). */
  readonly findings: Finding[];
}

const SOURCE_FORMS = new Set(['I.2', 'II.3']);

/** Where a reading came from, short: the file's name without its extension, else the sheet's. */
function whereFrom(r: Pick<FormReading, 'file' | 'sheet'>): string {
  return r.file ? r.file.replace(/\.[^.]+$/, '') : r.sheet;
}

export const candidateKey = (r: Pick<FormReading, 'file' | 'sheet'>): string => `${r.file ?? ''}|${r.sheet}`;

/** Where a reading comes from, as people read it: "thon-a.xlsx, trang I.2" or "trang Thôn A - I.2". */
export function describeSource(r: Pick<FormReading, 'file' | 'sheet'>): string {
  return r.file ? `tệp "${r.file}", trang "${r.sheet}"` : `trang "${r.sheet}"`;
}

/** cyrb53 (util/hash.ts), shared with the workbook's findings digest. */
export { hash53 };

/** A hash of what was read from a sheet, independent of the file, the sheet's name and where on the sheet the rows sit. */
export function contentHash(r: FormReading): string {
  // Every field but where the row sits (file, sheet, row, cells): a copy moved or renamed is the same content.
  const activities = r.activities.map((a) => Object.entries(a).filter(([k]) => k !== 'source').sort(([x], [y]) => (x < y ? -1 : 1)));
  const difficulties = r.difficulties.map((d) => [d.difficulty, d.causes, d.solutions, d.objective ?? null, d.sector ?? null]);
  const fixed = Object.entries(r.fixedValues).sort(([x], [y]) => (x < y ? -1 : 1));
  return hash53(
    JSON.stringify([r.formId, foldKey(r.unitName ?? ''), foldKey(r.sector ?? ''), r.planYear ?? null, r.strengths.map((s) => s.text), difficulties, activities, fixed, r.meeting ?? null]),
  );
}

function conflictId(r: FormReading): string | undefined {
  const unit = foldKey(r.unitName ?? '');
  if (!SOURCE_FORMS.has(r.formId) || unit === '') return undefined;
  return `${r.formId}|${unit}|${foldKey(r.sector ?? '')}`;
}

function candidateOf(r: FormReading, origins: Readonly<Record<string, SheetOrigin>>): SourceCandidate {
  // A tab of the workbook names the file it was imported from (the state's record).
  const o = r.file ? undefined : origins[r.sheet];
  const file = r.file ?? o?.file;
  const modified = r.fileModified ?? o?.modified;
  return {
    key: candidateKey(r),
    ...(file ? { file } : {}),
    ...(modified ? { modified } : {}),
    ...(o?.imported ? { imported: o.imported } : {}),
    sheet: r.sheet,
    activities: r.activities.length,
    amount: r.activities.reduce((s, a) => s + (a.total ?? 0), 0),
  };
}

/**
 * Selects the readings to consolidate: identical content read once, different versions of one
 * unit's sheet held back as conflicts unless `choices` answers them (by conflict id).
 */
export function selectSources(readings: readonly FormReading[], choices: Readonly<Record<string, ConflictChoice>> = {}, origins: Readonly<Record<string, SheetOrigin>> = {}): SourceSelection {
  const findings: Finding[] = [];
  const firstByHash = new Map<string, FormReading>();
  const unique: FormReading[] = [];
  for (const r of readings) {
    // Identical content is a copy whatever the form: a III.1 given twice is one III.1 too.
    const h = contentHash(r);
    const first = firstByHash.get(h);
    if (first) {
      findings.push(
        finding('SOURCE_DUPLICATE', { sheet: r.sheet, ...(r.file ? { file: r.file } : {}) }, { copy: describeSource(r), original: describeSource(first), count: String(r.activities.length) }),
      );
      continue;
    }
    firstByHash.set(h, r);
    unique.push(r);
  }
  const groups = new Map<string, FormReading[]>();
  for (const r of unique) {
    const id = conflictId(r);
    if (id === undefined) continue;
    const g = groups.get(id);
    if (g) g.push(r);
    else groups.set(id, [r]);
  }
  const dropped = new Set<FormReading>();
  const renamed = new Map<FormReading, string>();
  const conflicts: SourceConflict[] = [];
  for (const [id, group] of groups) {
    if (group.length < 2) continue;
    const first = group[0];
    const choice = choices[id];
    const names = group.map(describeSource).join('; ');
    if (choice === 'all') {
      // Different villages sharing a name (two "Thôn 1" of former communes merged in 2025): each
      // keeps its own rows, keys and provenance, told apart by where it came from.
      findings.push(finding('SOURCE_SAME_UNIT_KEPT', { sheet: first.sheet, ...(first.file ? { file: first.file } : {}) }, { unit: first.unitName ?? '', form: first.formId, sources: names }));
      for (const r of group) renamed.set(r, `${(r.unitName ?? '').trim()} (${whereFrom(r)})`);
      continue;
    }
    const kept = choice !== undefined ? group.find((r) => candidateKey(r) === choice) : undefined;
    if (kept) {
      for (const r of group) {
        if (r === kept) continue;
        dropped.add(r);
        findings.push(finding('SOURCE_VERSION_LEFT_OUT', { sheet: r.sheet, ...(r.file ? { file: r.file } : {}) }, { left: describeSource(r), kept: describeSource(kept), unit: r.unitName ?? '', form: r.formId }));
      }
      continue;
    }
    conflicts.push({
      id,
      formId: first.formId as 'I.2' | 'II.3',
      unitName: first.unitName ?? '',
      ...(first.sector ? { sector: first.sector } : {}),
      candidates: group.map((r) => candidateOf(r, origins)),
    });
    findings.push(
      finding('SOURCE_CONFLICT', { sheet: first.sheet, ...(first.file ? { file: first.file } : {}) }, { unit: first.unitName ?? '', form: first.formId, sector: first.sector ? ` (lĩnh vực ${first.sector})` : '', sources: names }),
    );
  }
  const held = new Set(conflicts.flatMap((c) => groups.get(c.id) ?? []));
  const kept = unique.filter((r) => !dropped.has(r) && !held.has(r)).map((r) => (renamed.has(r) ? { ...r, unitName: renamed.get(r) as string } : r));
  return { readings: kept, conflicts, findings };
}

/** Thrown before anything is written when sources conflict and no choice answers them. */
export class SourceConflictError extends Error {
  constructor(
    readonly conflicts: readonly SourceConflict[],
    readonly findings: readonly Finding[],
  ) {
    super(findings.filter((f) => f.code === 'SOURCE_CONFLICT').map((f) => f.message).join('\n') || 'Có các bản khác nhau của cùng một biểu: hãy chọn bản giữ lại.');
    this.name = 'SourceConflictError';
  }
}
