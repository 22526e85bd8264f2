/**
 * The document state as read from a workbook, checked against its schema at the one boundary every
 * port reads it through (stateFromJson): a state typed or damaged by hand, or written by a hostile
 * file, used to stop every update deep inside ("unitName?.trim is not a function", exit 2). Now it
 * is refused with a Vietnamese reason naming the field; the callers report it and rebuild the state
 * from the sheets (workflow/plan/commune.ts STATE_DAMAGED), or read the sheets without it
 * (readStateOrEmpty), as docs/ARCHITECTURE.md promises.
 *
 * The schema: an object (not a list) of at most STATE_MAX_CHARS characters of JSON, nested at most
 * STATE_MAX_DEPTH deep, with at most STATE_MAX_VALUES values; the fields this version knows typed:
 * planYear an integer year, unitName and upperLevelName text of at most STATE_MAX_NAME characters,
 * level and period one of theirs, sheetForms an object of sheet name → form id, extra an object.
 * Fields it does not know are kept (a later version may have written them), within the same bounds.
 *
 * Pure TypeScript, no host; iterative (a nesting of 100,000 levels costs no stack).
 */
import type { Level } from '../forms/types';
import { FORM_IDS } from '../forms/types';
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
const FORMS: ReadonlySet<string> = new Set(FORM_IDS);

export type StateCheck = { readonly ok: true; readonly state: DocumentState } | { readonly ok: false; readonly reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A value as a reason shows it: text quoted and cut, a number as it is, else its kind. */
function shown(x: unknown): string {
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x === null) return 'rỗng';
  return Array.isArray(x) ? 'một danh sách' : 'một đối tượng';
}

const count = (n: number): string => n.toLocaleString('vi-VN');

/** Depth and number of values, without recursion: the first bound crossed, or undefined. */
function shapeProblem(root: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
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

/** The first field of the known ones whose type is wrong, as a reason; undefined when all are right. */
function fieldProblem(s: Record<string, unknown>): string | undefined {
  const { planYear, unitName, upperLevelName, level, period, sheetForms, extra } = s;
  if (planYear !== undefined && !(typeof planYear === 'number' && Number.isInteger(planYear) && planYear >= 1000 && planYear <= 9999)) return `năm kế hoạch là ${shown(planYear)}, không phải một năm`;
  for (const [name, value] of [
    ['tên xã / đơn vị', unitName],
    ['tên cấp trên', upperLevelName],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string') return `${name} là ${shown(value)}, không phải chữ`;
    if (value.length > STATE_MAX_NAME) return `${name} dài ${count(value.length)} ký tự, quá ${count(STATE_MAX_NAME)}`;
  }
  if (level !== undefined && !(typeof level === 'string' && Object.hasOwn(LEVELS, level))) return `cấp lập kế hoạch là ${shown(level)}, không phải thôn, xã, huyện hay tỉnh`;
  if (period !== undefined && !(typeof period === 'string' && Object.hasOwn(PERIODS, period))) return `giai đoạn chương trình là ${shown(period)}, không phải ${Object.keys(PERIODS).join(', ')}`;
  if (sheetForms !== undefined) {
    if (!isRecord(sheetForms)) return `danh sách trang và biểu mẫu là ${shown(sheetForms)}, không phải một bộ trang → biểu`;
    for (const [sheet, form] of Object.entries(sheetForms)) {
      if (!(typeof form === 'string' && FORMS.has(form))) return `trang "${sheet.slice(0, 40)}" ghi biểu mẫu ${shown(form)}, không phải mã biểu mẫu nào`;
    }
  }
  if (extra !== undefined && !isRecord(extra)) return `dữ liệu khác của quy trình là ${shown(extra)}, không phải một đối tượng`;
  return undefined;
}

/** A parsed state checked against the schema (types, depth, size): the state, or why it is refused. */
export function checkState(value: unknown): StateCheck {
  if (!isRecord(value)) return { ok: false, reason: `là ${shown(value)}, không phải một bộ trạng thái` };
  const problem = shapeProblem(value) ?? fieldProblem(value);
  return problem === undefined ? { ok: true, state: value as DocumentState } : { ok: false, reason: problem };
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
