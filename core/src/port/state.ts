/**
 * The document state as read from a workbook, checked against its schema at the one boundary every
 * port reads it through (stateFromJson): a state typed or damaged by hand, or written by a hostile
 * file, used to stop every update deep inside ("unitName?.trim is not a function", exit 2). Now no
 * reader ever sees a field of the wrong type: what cannot be used is dropped and said
 * (`stateProblems`), and the callers report it and rebuild it from the sheets
 * (workflow/plan/commune.ts STATE_DAMAGED, app/settings.ts sanitizeState), as docs/ARCHITECTURE.md
 * promises; a state that is no object at all, or too long, is refused whole (PortError).
 *
 * The schema: an object (not a list) of at most STATE_MAX_CHARS characters of JSON, each field
 * nested at most STATE_MAX_DEPTH deep (the state being the first level) and holding at most
 * STATE_MAX_VALUES values; the fields this version knows typed: planYear an integer, unitName and
 * upperLevelName text of at most STATE_MAX_NAME characters, level and period one of theirs,
 * sheetForms an object of sheet name → text, extra an object. Fields it does not know are kept (a
 * later version may have written them), within the same bounds.
 *
 * Pure TypeScript, no host; iterative (a nesting of 100,000 levels costs no stack).
 */
import type { Level } from '../forms/types';
import type { DocumentState, ProgramPeriod } from './types';

/** Characters of JSON a state may have: 500 cells of the state sheet, far beyond any commune's. */
export const STATE_MAX_CHARS = 16_000_000;
/** How deep objects and lists may nest (the workflow's own state nests 5 or 6 deep). */
export const STATE_MAX_DEPTH = 64;
/** Values (objects, lists, strings, numbers…) a state may hold. */
export const STATE_MAX_VALUES = 2_000_000;
/** Characters of a unit's or upper level's name. */
export const STATE_MAX_NAME = 1_000;

const LEVELS: { readonly [K in Level]: true } = { thon: true, xa: true, huyen: true, tinh: true };
const PERIODS: { readonly [K in ProgramPeriod]: true } = { '2016-2020': true, '2021-2025': true, '2026-2030': true };

export type StateCheck = { readonly ok: true; readonly state: DocumentState; readonly dropped: readonly string[] } | { readonly ok: false; readonly reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A value as a reason shows it: text quoted and cut, a number as it is, else its kind. */
function shown(x: unknown): string {
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x === null) return 'rỗng';
  return Array.isArray(x) ? 'một danh sách' : 'một đối tượng';
}

const count = (n: number): string => n.toLocaleString('vi-VN');

/** Depth and number of values of one field, without recursion: the first bound crossed, or undefined. */
function shapeProblem(root: unknown): string | undefined {
  // The state itself is the first level: a field's value is at the second.
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 2 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (++values > STATE_MAX_VALUES) return `có hơn ${count(STATE_MAX_VALUES)} giá trị`;
    if (value === null || typeof value !== 'object') continue;
    if (depth > STATE_MAX_DEPTH) return `lồng nhau sâu hơn ${STATE_MAX_DEPTH} tầng`;
    for (const v of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: v, depth: depth + 1 });
  }
  return undefined;
}

/** Why a known field's value cannot be used (its type, or an enum's value), or undefined when it can. */
function fieldProblem(key: string, value: unknown): string | undefined {
  switch (key) {
    case 'planYear':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : `năm kế hoạch là ${shown(value)}, không phải một năm`;
    case 'unitName':
    case 'upperLevelName': {
      const name = key === 'unitName' ? 'tên xã / đơn vị' : 'tên cấp trên';
      if (typeof value !== 'string') return `${name} là ${shown(value)}, không phải chữ`;
      return value.length > STATE_MAX_NAME ? `${name} dài ${count(value.length)} ký tự, quá ${count(STATE_MAX_NAME)}` : undefined;
    }
    case 'level':
      return typeof value === 'string' && Object.hasOwn(LEVELS, value) ? undefined : `cấp lập kế hoạch là ${shown(value)}, không phải thôn, xã, huyện hay tỉnh`;
    case 'period':
      return typeof value === 'string' && Object.hasOwn(PERIODS, value) ? undefined : `giai đoạn chương trình là ${shown(value)}, không phải ${Object.keys(PERIODS).join(', ')}`;
    case 'sheetForms':
      return isRecord(value) ? undefined : `danh sách trang và biểu mẫu là ${shown(value)}, không phải một bộ trang → biểu`;
    case 'extra':
      return isRecord(value) ? undefined : `dữ liệu khác của quy trình là ${shown(value)}, không phải một đối tượng`;
    default:
      return undefined;
  }
}

/** What each checked state had dropped, by the state object a port returned (see `stateProblems`). */
const PROBLEMS = new WeakMap<object, readonly string[]>();

/**
 * A parsed state checked against the schema. Not an object: refused. Otherwise a field whose type
 * is wrong (or whose level or period is none of theirs), that nests too deep or holds too many
 * values is dropped and the rest kept — the readers then rebuild what was dropped from the sheets
 * (a commune's name and year from II.4.B) — and each drop is said in `dropped`. A sheetForms entry
 * that is not text is dropped too; one naming no known form is kept for the reader to report.
 */
export function checkState(value: unknown): StateCheck {
  if (!isRecord(value)) return { ok: false, reason: `là ${shown(value)}, không phải một bộ trạng thái` };
  const state: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const problem = shapeProblem(v) ?? fieldProblem(key, v);
    if (problem !== undefined) {
      dropped.push(problem);
      continue;
    }
    if (key === 'sheetForms' && isRecord(v)) {
      const forms: Record<string, unknown> = {};
      for (const [sheet, form] of Object.entries(v)) {
        if (typeof form === 'string') forms[sheet] = form;
        else dropped.push(`trang "${sheet.slice(0, 40)}" ghi biểu mẫu ${shown(form)}, không phải mã biểu mẫu`);
      }
      state[key] = forms;
    } else state[key] = v;
  }
  if (dropped.length > 0) PROBLEMS.set(state, dropped);
  return { ok: true, state: state as DocumentState, dropped };
}

/** The state from its JSON, checked: size before parsing, then the schema. */
export function parseState(json: string): StateCheck {
  if (json.length > STATE_MAX_CHARS) return { ok: false, reason: `dài ${count(json.length)} ký tự, quá ${count(STATE_MAX_CHARS)}` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'không đọc được JSON' };
  }
  return checkState(value);
}

/**
 * What the schema dropped from a state a port's readState returned (one Vietnamese phrase each,
 * "tên xã / đơn vị là 12345, không phải chữ"); empty for a sound state or any other object.
 */
export function stateProblems(state: DocumentState): readonly string[] {
  return PROBLEMS.get(state) ?? [];
}
