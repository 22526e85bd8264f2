/**
 * One list of findings per workbook (issue 12, deliverable 5): what the last consolidation and
 * the last roll-up found — an overrun of III.1 at III.1!C12, the villages' share, a reconciliation
 * that does not balance — is kept in the document state beside the plan it wrote, so the Check
 * screen, the Consolidate screen and the CLI show the same errors. The Check screen adds them to
 * what validating the sheets finds (mergeFindings: each finding once). A consolidation of the
 * workbook's own sheets also keeps a digest of the sheets it read (I.2, II.3, III.1): when they
 * changed since, the Check screen says the kept findings may be out of date.
 */
import type { FormId } from '../forms/types';
import type { FormReading } from '../model/types';
import type { DocumentState } from '../port/types';
import { foldKey } from '../text';
import { hash53 } from '../util/hash';
import type { Finding, FindingCode } from '../validate/messages';
import { MESSAGES, finding } from '../validate/messages';

/** Which run found them. */
export type FindingOrigin = 'consolidation' | 'rollup';

export interface RecordedFindings {
  readonly origin: FindingOrigin;
  /** Digest of the workbook's own input sheets the run read (inputsDigest); absent when it read other files. */
  readonly inputs?: string;
  readonly findings: readonly Finding[];
  /** Findings the run had that were not kept (the state's size budget), warnings first. */
  readonly omitted: number;
}

const STATE_KEY = 'findings';
/**
 * Characters of JSON kept per run. The state lives in the workbook (Google Sheets keeps it in
 * document properties, 500 KB for everything): errors are kept first, then warnings, up to this.
 */
const MAX_CHARS = 40_000;

/** The forms a consolidation reads from the workbook. */
export const CONSOLIDATION_INPUTS: readonly FormId[] = ['I.2', 'II.3', 'III.1'];

/** What a run's inputs held: sheet, form, unit, activities with their amounts, fixed values (III.1). */
export function inputsDigest(readings: readonly FormReading[]): string {
  const used = readings.filter((r) => CONSOLIDATION_INPUTS.includes(r.formId)).sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0));
  return hash53(
    JSON.stringify(
      used.map((r) => [
        r.sheet,
        r.formId,
        r.unitName ?? '',
        r.sector ?? '',
        r.activities.map((a) => [a.activity, a.unit ?? '', a.total ?? null, a.contribution ?? null, a.support ?? null, a.budget ?? null, a.proposed ?? null, a.fundSource ?? '', a.note ?? '', a.group ?? '']),
        Object.entries(r.fixedValues)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, v.amount ?? v.value ?? null, v.source ?? v.content ?? null]),
      ]),
    ),
  );
}

/** A finding as kept: its code, where, and its parameters; the texts are made again from the catalogue. */
interface Kept {
  readonly c: string;
  readonly s: string;
  readonly l?: string;
  readonly f?: string;
  readonly p: Readonly<Record<string, string | number>>;
}

function keep(f: Finding): Kept {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params)) if (k !== 'sheet' && k !== 'cell' && k !== 'file') p[k] = v;
  return { c: f.code, s: f.sheet, ...(f.cell ? { l: f.cell } : {}), ...(f.file ? { f: f.file } : {}), p };
}

/** The state with `findings` recorded as the last run of `origin` (replacing the previous run's). */
export function withRecordedFindings(state: DocumentState, origin: FindingOrigin, findings: readonly Finding[], inputs?: string): DocumentState {
  const others = Array.isArray(state.extra?.[STATE_KEY]) ? (state.extra[STATE_KEY] as unknown[]).filter((x) => !(x && typeof x === 'object' && (x as { origin?: unknown }).origin === origin)) : [];
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  const kept: Kept[] = [];
  let chars = 0;
  for (const f of ordered) {
    const k = keep(f);
    chars += JSON.stringify(k).length + 1;
    if (chars > MAX_CHARS) break;
    kept.push(k);
  }
  const entry = { origin, ...(inputs !== undefined ? { inputs } : {}), findings: kept, omitted: ordered.length - kept.length };
  return { ...state, extra: { ...(state.extra ?? {}), [STATE_KEY]: [...others, entry] } };
}

const isText = (x: unknown): x is string => typeof x === 'string';

/** A kept finding made again: only a known code, with its place; damaged entries are left out. */
function revive(x: unknown): Finding | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const k = x as Record<string, unknown>;
  if (!isText(k.c) || !Object.prototype.hasOwnProperty.call(MESSAGES, k.c) || !isText(k.s)) return undefined;
  const params: Record<string, string | number> = {};
  if (k.p && typeof k.p === 'object') for (const [name, v] of Object.entries(k.p as Record<string, unknown>)) if (isText(v) || typeof v === 'number') params[name] = v;
  return finding(k.c as FindingCode, { sheet: k.s, ...(isText(k.l) ? { cell: k.l } : {}), ...(isText(k.f) ? { file: k.f } : {}) }, params);
}

/** The runs recorded in the state, their findings checked. */
export function recordedFindings(state: DocumentState): RecordedFindings[] {
  const v = state.extra?.[STATE_KEY];
  if (!Array.isArray(v)) return [];
  const out: RecordedFindings[] = [];
  for (const x of v as unknown[]) {
    if (!x || typeof x !== 'object') continue;
    const e = x as Record<string, unknown>;
    if (e.origin !== 'consolidation' && e.origin !== 'rollup') continue;
    const findings = Array.isArray(e.findings) ? (e.findings as unknown[]).map(revive).filter((f): f is Finding => f !== undefined) : [];
    const omitted = typeof e.omitted === 'number' && Number.isInteger(e.omitted) && e.omitted > 0 ? e.omitted : 0;
    out.push({ origin: e.origin, ...(isText(e.inputs) ? { inputs: e.inputs } : {}), findings, omitted });
  }
  return out;
}

/** The same finding: code, file, sheet, cell and text. */
function identity(f: Finding): string {
  return [f.code, f.file ?? '', foldKey(f.sheet), f.cell ?? '', f.message].join('|');
}

/** Lists joined, each finding once, in first-seen order. */
export function mergeFindings(...lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const list of lists) {
    for (const f of list) {
      const id = identity(f);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(f);
    }
  }
  return out;
}

const ORIGIN_LABEL: Readonly<Record<FindingOrigin, { vi: string; en: string }>> = {
  consolidation: { vi: 'lần tổng hợp gần nhất', en: 'the last consolidation' },
  rollup: { vi: 'lần tổng hợp của cấp trên gần nhất', en: 'the last roll-up' },
};

/**
 * The findings of the workbook: those given (validating the sheets now) and those the last runs
 * recorded. `readings` are the workbook's sheets as read now: a consolidation of its own sheets
 * whose inputs changed since adds a warning that its findings may be out of date.
 */
export function workbookFindings(state: DocumentState, current: readonly Finding[], readings: readonly FormReading[]): Finding[] {
  const runs = recordedFindings(state);
  const notes: Finding[] = [];
  const label = (r: RecordedFindings) => ({ run: ORIGIN_LABEL[r.origin].vi, runEn: ORIGIN_LABEL[r.origin].en });
  for (const r of runs) {
    if (r.omitted > 0) notes.push(finding('FINDINGS_NOT_KEPT', { sheet: '' }, { ...label(r), count: r.omitted }));
    if (r.inputs === undefined || r.findings.length === 0) continue;
    if (inputsDigest(readings) !== r.inputs) notes.push(finding('FINDINGS_OUTDATED', { sheet: '' }, { ...label(r), count: r.findings.length }));
  }
  return mergeFindings(current, ...runs.map((r) => r.findings), notes);
}
