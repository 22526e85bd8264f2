/**
 * The unit a sheet is for — "Thôn Nà Lìu" — from what a village types: its form's "Thôn:" field
 * (I.1, I.2), the minutes' letterhead "Thôn …" (I.3, I.4), else the tab's prefix
 * ("Thôn Nà Lìu - I.3"); and one key for a village however it is written, so the sheets of one
 * village are found together (rule 8) and the checklist says which village lacks what.
 */
import type { FormReading } from '../model/types';
import type { SheetData } from '../port/types';
import { foldKey } from '../text';

/**
 * "Thôn Nà Lìu", "thon na liu" and "Nà Lìu" are the same village; so are "Thôn Bản Chang" (a
 * minutes' letterhead) and "Bản Chang" (its I.1): every leading kind word goes.
 */
export function villageKey(name: string): string {
  let k = foldKey(name);
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(/^(thon|ban|xom|lang|to dan pho|ap|khu|buon|plei|soc)\s+(?=\S)/, '');
  }
  return k;
}

/** Dots and dashes only: a line left to fill. */
const PLACEHOLDER = /^[\s.…_\-–:,()]*$/u;

const VILLAGE_HEADING = /^\s*(thôn|bản|xóm|làng|tổ dân phố|ấp|khu)\s+(\S.*)$/iu;

/** "Thôn Nà Lìu" of the minutes' letterhead, when filled. */
export function headingUnit(data: SheetData): string | undefined {
  for (const row of data.values.slice(0, 8)) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const m = VILLAGE_HEADING.exec(v.trim());
      if (m && !PLACEHOLDER.test(m[2]) && !/[.…]{3,}/u.test(m[2])) return `${m[1].charAt(0).toUpperCase()}${m[1].slice(1).toLowerCase()} ${m[2].trim()}`;
    }
  }
  return undefined;
}

/** "Thôn Nà Lìu" of a tab named "Thôn Nà Lìu - I.3". */
export function tabUnit(sheet: string): string | undefined {
  const m = /^(.*\S)\s+[-–—]\s+(?:IV|III|II|I)\s*[.,]\s*\d/u.exec(sheet.trim());
  return m ? m[1].trim() : undefined;
}

/** The unit a sheet is for: the form's own field, the letterhead, the tab's prefix. */
export function sheetUnit(reading: FormReading | undefined, data: SheetData): string | undefined {
  return reading?.unitName?.trim() || headingUnit(data) || tabUnit(data.name);
}
