/**
 * Amounts and quantities as Vietnamese communes type them (SPEC.md §4: "6.000", "6,000", "6000",
 * "6 000" are all six thousand). Pure ES2022: no host, no Node.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' };

const NAN: ParsedNumber = { ok: false, reason: 'not-a-number' };
const EMPTY: ParsedNumber = { ok: false, reason: 'empty' };

/** Currency suffixes that are stripped (case-insensitive): đ, đồng, VNĐ, VND. Nothing else (no "tr", "triệu", units). */
const CURRENCY = /\s*(?:đồng|vnđ|vnd|đ)$/i;

/** Groups "1", "12", "123" then any number of exactly-3-digit groups. */
function groupsOk(groups: string[]): boolean {
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Unsigned digits with separators → a canonical "1234.5" string, or undefined. */
function canonical(body: string): string | undefined {
  if (/^\d+$/.test(body)) return body;
  if (!/^[\d., ]+$/.test(body) || !/\d/.test(body)) return undefined;
  // Spaces only group thousands.
  let s = body;
  if (s.includes(' ')) {
    const m = /^(\d{1,3}(?: \d{3})+)([.,]\d+)?$/.exec(s);
    if (!m) return undefined;
    s = m[1].replace(/ /g, '') + (m[2] ?? '');
  }
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots === 0 && commas === 0) return s;
  if (dots > 0 && commas > 0) {
    // The last separator is the decimal one; the other groups thousands before it.
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    const at = s.lastIndexOf(dec);
    const int = s.slice(0, at);
    const frac = s.slice(at + 1);
    if (int.includes(dec) || !/^\d+$/.test(frac)) return undefined;
    const groups = int.split(thou);
    if (!groupsOk(groups)) return undefined;
    return `${groups.join('')}.${frac}`;
  }
  const sep = dots > 0 ? '.' : ',';
  const parts = s.split(sep);
  if (parts.length > 2) return groupsOk(parts) ? parts.join('') : undefined;
  const [int, frac] = parts;
  if (!/^\d+$/.test(frac)) return undefined; // "5." or "5,"
  if (int === '') return `0.${frac}`; // ".5"
  if (!/^\d+$/.test(int)) return undefined;
  // A separator followed by exactly three digits groups thousands ("6.000", "1,234"), unless the
  // integer part is 0 ("0,500" = 0.5) or too long to be a leading group.
  if (frac.length === 3 && int !== '0' && int.length <= 3) return int + frac;
  return `${int}.${frac}`;
}

/**
 * Reads an amount or quantity. Numbers pass through (NaN/±Infinity are not numbers). Text: thousands
 * grouped by ".", "," or spaces (NBSP, narrow NBSP…), decimals by "," (vi-VN) or "."; a separator
 * followed by exactly three digits groups thousands; with both, the last one is the decimal mark.
 * Leading "+"/"-" (or "−"), "(1.000)" = -1000, a trailing "đ", "đồng", "VNĐ" or "VND" is dropped.
 * "", "-", "–", "—" and null/undefined are empty; anything else ("hai nghìn", "6.000 kg",
 * "12/2017", "50%") is not a number.
 */
export function parseNumber(v: unknown): ParsedNumber {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : NAN;
  if (typeof v !== 'string') return NAN;
  let s = v
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '' || /^[-–—]$/.test(s)) return EMPTY;
  s = s.replace(CURRENCY, '').trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim().replace(CURRENCY, '').trim();
  } else {
    const sign = /^([+\-−])\s?(.*)$/.exec(s);
    if (sign) {
      negative = sign[1] !== '+';
      s = sign[2];
    }
  }
  const c = canonical(s);
  if (c === undefined) return NAN;
  const value = Number(c);
  if (!Number.isFinite(value)) return NAN;
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * Formats a number the Vietnamese way for messages: 6000 → "6.000", 1234.5 → "1.234,5",
 * -0.25 → "-0,25". At most `maxFractionDigits` decimals (default 6), trailing zeros dropped.
 */
export function formatVnNumber(n: number, maxFractionDigits = 6): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e21) return String(n);
  const fixed = abs.toFixed(Math.max(0, Math.min(20, Math.floor(maxFractionDigits))));
  const [int, frac = ''] = fixed.split('.');
  const fracTrim = frac.replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = fracTrim === '' ? grouped : `${grouped},${fracTrim}`;
  return n < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * The largest amount a form may hold, in đồng: 10^15 (a million billion), far beyond any commune's,
 * district's or province's budget. A number beyond it is a slip (digits typed twice, a pasted
 * identifier) or a hostile file (1e308, whose sum overflows to Infinity): an error naming the cell.
 */
export const MAX_AMOUNT_DONG = 1e15;
/** The largest count or other number a form may hold (quantities, households, people, scores). */
export const MAX_COUNT = 1e15;

/** The largest amount in a form's money unit: 10^12 in nghìn đồng, 10^9 in triệu đồng. */
export function maxAmountIn(unit: 'nghin-dong' | 'trieu-dong' | undefined): number {
  return unit === 'trieu-dong' ? MAX_AMOUNT_DONG / 1e6 : MAX_AMOUNT_DONG / 1e3;
}

/** A number as a message shows it: Vietnamese grouping, or "1e+308" when too long to group. */
export function shownNumber(n: number): string {
  return Math.abs(n) < 1e21 ? formatVnNumber(n) : String(n);
}
