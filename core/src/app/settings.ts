/**
 * The settings the panes save, checked before anything is written, and the document state read
 * from a workbook, cleaned of fields no reader can use. A period "1999" saved once used to break
 * every later consolidation ("entries is not iterable" deep in the funding split); a state typed
 * or damaged by hand must not crash a reader either.
 *
 * Pure TypeScript, no host: used by actions.ts (every pane) and the Sheets server.
 */
import { isFormId } from '../forms/registry';
import type { FormId, Level } from '../forms/types';
import type { DocumentState, ProgramPeriod } from '../port/types';
import { stateProblems } from '../port';
import type { Settings } from './actions';
import { defaultUpperLevel } from '../reference';

export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
/** Longest unit or upper-level name accepted (characters, after trimming). */
export const NAME_MAX = 100;
/** actions.ts DEFAULT_SETTINGS.upperLevelName (not imported: actions.ts imports this module). */

/** Every Level with its Vietnamese name (a missing or extra key is a compile error). */
const LEVEL_NAMES: { readonly [K in Level]: string } = { thon: 'thôn', xa: 'xã', huyen: 'huyện', tinh: 'tỉnh' };
/** Every ProgramPeriod, checked complete by the compiler. */
const PERIOD_KEYS: { readonly [K in ProgramPeriod]: true } = { '2016-2020': true, '2021-2025': true, '2026-2030': true };

export const LEVELS = Object.keys(LEVEL_NAMES) as readonly Level[];
export const PROGRAM_PERIODS = Object.keys(PERIOD_KEYS) as readonly ProgramPeriod[];

export function isLevel(x: unknown): x is Level {
  return typeof x === 'string' && (LEVELS as readonly string[]).includes(x);
}

export function isProgramPeriod(x: unknown): x is ProgramPeriod {
  return typeof x === 'string' && (PROGRAM_PERIODS as readonly string[]).includes(x);
}

export function isPlanYear(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= PLAN_YEAR_MIN && x <= PLAN_YEAR_MAX;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** "hoặc" before the last: "a, b hoặc c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}

/** A value as a message shows it. */
function shown(x: unknown): string {
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x === null) return 'rỗng';
  if (Array.isArray(x)) return 'một danh sách';
  return typeof x === 'object' ? 'một đối tượng' : `kiểu ${typeof x}`;
}

const PLAN_YEAR_RULE = `phải là số nguyên từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}`;
const LEVEL_RULE = `phải là ${orList(LEVELS.map((l) => `${LEVEL_NAMES[l]} (${l})`))}`;
const PERIOD_RULE = `phải là ${orList(PROGRAM_PERIODS)}`;

const FIELD_LABELS: { readonly [K in keyof Settings]-?: string } = {
  planYear: 'Năm kế hoạch',
  unitName: 'Tên xã / đơn vị',
  level: 'Cấp lập kế hoạch',
  period: 'Giai đoạn chương trình',
  upperLevelName: 'Tên cấp trên',
};

export type SettingsCheck = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: readonly string[] };

/** A name field: absent (undefined or null), or a string of at most NAME_MAX characters once trimmed. */
function checkName(x: unknown, label: string, errors: string[]): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'string') {
    errors.push(`${label} ${shown(x)} không hợp lệ: phải là chữ.`);
    return undefined;
  }
  const t = x.trim();
  if (t.length > NAME_MAX) {
    errors.push(`${label} dài ${t.length} ký tự: tối đa ${NAME_MAX} ký tự.`);
    return undefined;
  }
  return t;
}

/**
 * The settings a pane sends, checked: plan year an integer 2000-2100 (or absent), period one of
 * the program periods, level one of the levels, unit and upper-level names strings of at most
 * 100 characters (trimmed; an empty upper level is "Huyện", an empty unit is absent). Any other
 * field is refused. Either the clean settings or one Vietnamese sentence per problem, naming the field.
 */
export function checkSettings(input: unknown): SettingsCheck {
  if (!isRecord(input)) return { ok: false, errors: ['Cài đặt gửi lên không hợp lệ (không phải một bộ cài đặt).'] };
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(key in FIELD_LABELS)) errors.push(`Cài đặt không có mục "${key}".`);
  }
  const { planYear, level, period } = input;
  if (planYear !== undefined && planYear !== null && !isPlanYear(planYear)) errors.push(`${FIELD_LABELS.planYear} ${shown(planYear)} không hợp lệ: ${PLAN_YEAR_RULE}.`);
  if (level === undefined || level === null) errors.push(`Chưa chọn ${FIELD_LABELS.level.toLowerCase()}: ${LEVEL_RULE}.`);
  else if (!isLevel(level)) errors.push(`${FIELD_LABELS.level} ${shown(level)} không hợp lệ: ${LEVEL_RULE}.`);
  if (period === undefined || period === null) errors.push(`Chưa chọn ${FIELD_LABELS.period.toLowerCase()}: ${PERIOD_RULE}.`);
  else if (!isProgramPeriod(period)) errors.push(`${FIELD_LABELS.period} ${shown(period)} không hợp lệ: ${PERIOD_RULE}.`);
  const unitName = checkName(input.unitName, FIELD_LABELS.unitName, errors);
  const upperLevelName = checkName(input.upperLevelName, FIELD_LABELS.upperLevelName, errors);
  if (errors.length > 0 || !isLevel(level) || !isProgramPeriod(period)) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      level,
      period,
      // Unnamed: the level above of the plan year; without a year, of the period (the district until 2025).
      upperLevelName: upperLevelName || (isPlanYear(planYear) ? defaultUpperLevel(planYear) : period === '2026-2030' ? 'Tỉnh' : 'Huyện'),
      ...(isPlanYear(planYear) ? { planYear } : {}),
      ...(unitName ? { unitName } : {}),
    },
  };
}

/** The clean settings, or an Error whose message lists every problem (Vietnamese). */
export function validSettings(input: unknown): Settings {
  const r = checkSettings(input);
  if (!r.ok) throw new Error(r.errors.join(' '));
  return r.settings;
}

export interface SanitizedState {
  readonly state: DocumentState;
  /** What was dropped, one Vietnamese sentence each; empty when the state was sound. */
  readonly dropped: readonly string[];
}

/**
 * A DocumentState read from a workbook with what no reader can use dropped: a plan year that is
 * not an integer 2000-2100, a period or level not known, names that are not strings, sheetForms
 * that is not an object (or its entries naming no form), extra that is not an object. Fields
 * this version does not know are kept (a later version may have written them).
 */
export function sanitizeState(input: unknown): SanitizedState {
  if (!isRecord(input)) return { state: {}, dropped: input === undefined ? [] : [`Trạng thái tài liệu là ${shown(input)}, không phải một bộ trạng thái: đã bỏ qua.`] };
  // What the port's schema already dropped (port/state.ts: a field of the wrong type), said here too.
  const dropped: string[] = stateProblems(input as DocumentState).map((p) => `Đã bỏ một mục của trạng thái ghi trong bảng tính: ${p}.`);
  const out: Record<string, unknown> = { ...input };
  const drop = (key: string, sentence: string) => {
    delete out[key];
    dropped.push(sentence);
  };
  const { planYear, level, period, unitName, upperLevelName, sheetForms, extra } = input;
  if (planYear !== undefined && !isPlanYear(planYear)) drop('planYear', `Đã bỏ năm kế hoạch ${shown(planYear)} ghi trong bảng tính: ${PLAN_YEAR_RULE}.`);
  if (level !== undefined && !isLevel(level)) drop('level', `Đã bỏ cấp lập kế hoạch ${shown(level)} ghi trong bảng tính: ${LEVEL_RULE}.`);
  if (period !== undefined && !isProgramPeriod(period)) drop('period', `Đã bỏ giai đoạn chương trình ${shown(period)} ghi trong bảng tính: ${PERIOD_RULE}.`);
  if (unitName !== undefined && typeof unitName !== 'string') drop('unitName', `Đã bỏ tên xã / đơn vị ${shown(unitName)} ghi trong bảng tính: phải là chữ.`);
  if (upperLevelName !== undefined && typeof upperLevelName !== 'string') drop('upperLevelName', `Đã bỏ tên cấp trên ${shown(upperLevelName)} ghi trong bảng tính: phải là chữ.`);
  if (sheetForms !== undefined) {
    if (!isRecord(sheetForms)) drop('sheetForms', `Đã bỏ danh sách trang và biểu mẫu ghi trong bảng tính: là ${shown(sheetForms)}, không phải một bộ trang → biểu.`);
    else {
      const kept: Record<string, FormId> = {};
      for (const [sheet, id] of Object.entries(sheetForms)) {
        if (typeof id === 'string' && isFormId(id)) kept[sheet] = id;
        else dropped.push(`Đã bỏ biểu mẫu ${shown(id)} ghi cho trang "${sheet}": không phải mã biểu mẫu nào.`);
      }
      out.sheetForms = kept;
    }
  }
  if (extra !== undefined && !isRecord(extra)) drop('extra', `Đã bỏ dữ liệu khác của quy trình ghi trong bảng tính: là ${shown(extra)}, không phải một đối tượng.`);
  return { state: out as DocumentState, dropped };
}

/** Names of the unit and of the level above found in the workbook's sheets, for the user to confirm. */
export interface NameSuggestion {
  /** "Xã Tân Lập". */
  readonly unitName?: string;
  /** "Tỉnh Lào Cai". */
  readonly upperLevelName?: string;
  /** Where each was read: the sheet and, for a cell, its text. */
  readonly unitFrom?: string;
  readonly upperFrom?: string;
}

const COMMUNE_KIND = /^(xã|phường|thị trấn)$/iu;
const UPPER_KIND = /^(tỉnh|huyện|thành phố|thị xã|quận)$/iu;

/** "TÂN LẬP" or "tân lập" written as a name: "Tân Lập"; a name already mixed-case stays. */
function nameCase(text: string): string {
  const t = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (t !== t.toUpperCase() && t !== t.toLowerCase()) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function kindWord(kind: string): string {
  const k = kind.toLowerCase();
  return k.charAt(0).toUpperCase() + k.slice(1);
}

/** A unit named in one line of text: "UBND XÃ TÂN LẬP", "Ủy ban nhân dân tỉnh Lào Cai", "Xã: Tân Lập" (a field), or none. */
export function unitNamedIn(line: string): { kind: 'commune' | 'upper'; name: string } | undefined {
  const t = line.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const m =
    /^(?:UBND|ủy ban nhân dân|uỷ ban nhân dân)\s+(xã|phường|thị trấn|tỉnh|huyện|thành phố|thị xã|quận)\s+(.+)$/iu.exec(t) ??
    /^(xã|phường|thị trấn|tỉnh|huyện|thành phố)\s*:\s*(.+)$/iu.exec(t);
  if (!m) return undefined;
  const name = m[2].replace(/[.,;:]+$/u, '').trim();
  // A name is a few words, not a sentence nor dots to fill ("Xã: ……").
  if (!name || name.length > 40 || name.split(' ').length > 5 || !/\p{L}/u.test(name) || /[…]|\.{2}/u.test(name)) return undefined;
  const kind = COMMUNE_KIND.test(m[1]) ? 'commune' : UPPER_KIND.test(m[1]) ? 'upper' : undefined;
  return kind ? { kind, name: `${kindWord(m[1])} ${nameCase(name)}` } : undefined;
}

/**
 * The commune's and the level above's names as the received sheets give them (a letterhead
 * "UBND XÃ TÂN LẬP", III.1's "Xã: Tân Lập", a tab named after its sender "Tỉnh Lào Cai - III.1"),
 * each the name written most often; only those of `want`. Nothing is saved: the pane offers them.
 */
export function suggestNames(sheets: readonly { readonly name: string; readonly values: readonly (readonly unknown[])[] }[], want: { readonly unit: boolean; readonly upper: boolean }): NameSuggestion {
  const counts = { commune: new Map<string, { n: number; from: string }>(), upper: new Map<string, { n: number; from: string }>() };
  const add = (kind: 'commune' | 'upper', name: string, from: string) => {
    const c = counts[kind].get(name);
    if (c) c.n++;
    else counts[kind].set(name, { n: 1, from });
  };
  for (const s of sheets) {
    // The tab named after its sender (the panes name imported tabs "<unit> - <form>").
    const tab = /^(.+?) - [IV]+\.\d/u.exec(s.name)?.[1];
    const byTab = tab ? /^(xã|phường|thị trấn|tỉnh|huyện|thành phố)\s+(.+)$/iu.exec(tab) : null;
    if (byTab) {
      const u = unitNamedIn(`UBND ${byTab[1]} ${byTab[2]}`);
      if (u) add(u.kind, u.name, `trang "${s.name}"`);
    }
    for (const row of s.values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' || v.length > 200) continue;
        for (const line of v.split(/\r?\n/u)) {
          let text = line;
          // "Xã:" in one cell, the name in the next.
          if (/^\s*(xã|tỉnh|huyện)\s*:\s*$/iu.test(line)) {
            const next = row.slice(c + 1).find((x) => typeof x === 'string' && x.trim() !== '');
            if (typeof next === 'string') text = `${line.trim()} ${next}`;
          }
          const u = unitNamedIn(text);
          if (u) add(u.kind, u.name, `trang "${s.name}": "${line.trim()}"`);
        }
      }
    }
  }
  const best = (m: Map<string, { n: number; from: string }>) => [...m.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  const unit = want.unit ? best(counts.commune) : undefined;
  const upper = want.upper ? best(counts.upper) : undefined;
  return {
    ...(unit ? { unitName: unit[0], unitFrom: unit[1].from } : {}),
    ...(upper ? { upperLevelName: upper[0], upperFrom: upper[1].from } : {}),
  };
}
