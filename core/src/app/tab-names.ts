/**
 * The names of the tabs made from files received (the standalone page's "Mở tệp", the panes'
 * "Tệp", the demo commune): each source tab keeps its own name, with its diacritics ("Thôn B"),
 * and the unit is added only when the tab does not say it already — a tab "I.2" or
 * "I.2 - Giao thông" is the same in every village's file, so "Thôn Nà Lìu - I.2 - Giao thông"
 * tells them apart (and is what the reader's tabUnit and the upper level's roll-up read the unit
 * from). Names are kept within Excel's 31 characters by shortening at word boundaries: the
 * separators first, then the unit's kind ("Thôn", "Hội"), then the sector as its initials
 * ("I.2 GT"), never a word cut in the middle.
 */
import { foldKey } from '../text';

/** Excel's limit on a sheet name. */
export const MAX_TAB = 31;

/** "I.2 - Giao thông" → form "I.2", rest "Giao thông". */
const FORM_TAB = /^((?:IV|III|II|I)\s*\.\s*\d+(?:\s*\.\s*[A-Z])?)(?![\p{L}\p{N}])\s*(?:[-–—:]\s*)?(.*)$/u;
/** Names a spreadsheet gives a new tab: nothing of the unit nor of the form. */
const GENERIC_TAB = /^(?:sheet|trang tính|trang|bảng tính|tờ|biểu|bieu)\s*\d*$/iu;
/** The kind of a unit, dropped first when a name is too long ("Thôn Nà Lìu" → "Nà Lìu"). */
const UNIT_KIND = /^(?:thôn|bản|xóm|làng|tổ dân phố|ấp|khu|xã|phường|thị trấn|hội liên hiệp|hội|chi hội|đoàn|ban|phòng|trạm|trường)\s+/iu;

/** What a tab name may not hold in Excel and Google Sheets, as spaces. */
export function cleanTab(name: string): string {
  return name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
}

/** At most `max` characters, cut before a word ("…" added); never in the middle of a word. */
export function cutAtWord(text: string, max: number = MAX_TAB): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  // The next character after the cut: a space (or the end) means the cut is between words.
  const next = chars[max - 1];
  const whole = next === ' ' ? head : head.replace(/\s*\S*$/u, '');
  const trimmed = whole.replace(/[\s\-–—,.(]+$/u, '');
  return `${trimmed || chars.slice(0, max - 1).join('')}…`;
}

/** "Giao thông" → "GT", "Phát triển sản xuất" → "PTSX": a sector as its initials. */
export function initials(text: string): string {
  return text
    .split(/[\s\-–—,]+/u)
    .filter(Boolean)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
}

const length = (s: string): number => [...s].length;

/** Does the tab already name the unit ("Thôn B", "I.2 Thôn B", "Nà Lìu - I.2")? */
export function namesUnit(tab: string, unit: string): boolean {
  const core = foldKey(unit.replace(UNIT_KIND, ''));
  if (!core) return false;
  return ` ${foldKey(tab)} `.includes(` ${core} `);
}

export interface TabNameContext {
  /** The unit the sheet is for (its form's field, its letterhead, the file's LKH state). */
  readonly unit?: string;
  /** The form recognised on the sheet. */
  readonly formId?: string;
  /** The file it comes from: its name stands in for the unit when nothing else tells it. */
  readonly file?: string;
}

/** "thon-b.xlsx" → "thon-b". */
function fileBase(file: string): string {
  return cleanTab(file.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, ''));
}

/**
 * The name of the tab made from a source tab: the tab's own name when it names its unit or when
 * no unit is known and the name says something ("Thôn B", "Kế hoạch thôn"); else
 * "<unit> - <tab>", shortened to 31 characters at word boundaries.
 */
export function importedTabName(sourceTab: string, context: TabNameContext = {}): string {
  const tab = cleanTab(sourceTab);
  const generic = tab === '' || GENERIC_TAB.test(tab);
  const m = FORM_TAB.exec(tab);
  const form = m ? m[1].replace(/\s+/g, '') : generic ? context.formId : undefined;
  const rest = m ? m[2].trim() : generic && form ? '' : tab;
  const bare = generic || (m !== null && rest === '');
  // "_lkh…" is LKH's own (port/memory.ts), "History" Excel's: such a tab needs something before it.
  const reserved = /^_lkh/iu.test(tab) || /^history$/iu.test(tab);
  const unit = context.unit ? cleanTab(context.unit) : (bare || reserved) && context.file ? fileBase(context.file) : undefined;
  if (!unit || (!generic && !reserved && namesUnit(tab, unit))) return cutAtWord(reserved ? `Trang ${tab}` : tab || (form ?? 'Trang'));
  const body = form ? (rest ? `${form} - ${rest}` : form) : rest;
  const shortUnit = unit.replace(UNIT_KIND, '') || unit;
  const compact = form ? (rest ? `${form} ${rest}` : form) : rest;
  const abbreviated = form && rest ? `${form} ${initials(rest)}` : compact;
  const candidates = [
    `${unit} - ${body}`,
    `${unit} - ${compact}`,
    `${shortUnit} - ${body}`,
    `${shortUnit} - ${compact}`,
    `${unit} - ${abbreviated}`,
    `${shortUnit} - ${abbreviated}`,
  ];
  const fits = candidates.find((c) => length(c) <= MAX_TAB);
  if (fits) return fits;
  // Still too long: the unit shortened at a word, the form and sector kept readable after it.
  const tail = ` - ${abbreviated}`;
  const room = MAX_TAB - length(tail);
  if (room >= 8) return `${cutAtWord(shortUnit, room)}${tail}`;
  return cutAtWord(`${shortUnit} - ${abbreviated}`);
}

/** `name`, or "name (2)", "name (3)"… — the first not taken (case-insensitive), shortened at a word to fit. */
export function uniqueTabName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = cutAtWord(name);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${cutAtWord(name, MAX_TAB - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
