/**
 * District money in a plan from 2026: since 1 July 2025 there is no district (two levels of local
 * government), so a village or department that still names "vốn huyện", "Vốn lồng ghép của huyện"
 * or "sự nghiệp y tế của huyện" as a source names a source that no longer exists. Each such
 * activity is reported (DISTRICT_SOURCE_GONE) so the commune asks what the money is now; the
 * activity itself is consolidated as read.
 */
import type { Activity } from '../../model/types';
import type { Finding } from '../../validate/messages';
import { finding, shortName } from '../../validate/messages';
import { PROVINCE_ABOVE_FROM } from '../../reference';
import { memo } from '../../util/memo';

/**
 * Money of the district: a word for money or a program before "huyện" ("vốn huyện", "ngân sách
 * của huyện", "Vốn sự nghiệp y tế của huyện", "CT huyện"), or the district as the one who pays
 * ("huyện đầu tư", "huyện hỗ trợ").
 */
const DISTRICT_MONEY = [
  /(?:^|[^\p{L}])(?:vốn|ngân sách|ns|kinh phí|nguồn|chương trình|ct|dự án|sự nghiệp|đầu tư|lồng ghép)(?:[^\n;,.]{0,40}?\s)?(?:của\s+)?(?:cấp\s+)?huyện(?![\p{L}])/iu,
  /(?:^|[^\p{L}])huyện\s+(?:đầu tư|hỗ trợ|cấp vốn|cấp kinh phí)(?![\p{L}])/iu,
];

/** The text naming district money, trimmed to its line, or undefined. */
export function districtMoneyText(text: string | undefined): string | undefined {
  return text ? districtMoneyLine(text) : undefined;
}

// Sources and notes repeat from row to row ("Vốn huyện", "NSNN hỗ trợ"): each wording is read once.
const districtMoneyLine = memo((text: string): string | undefined => {
  for (const line of text.normalize('NFC').split(/\r?\n/u)) if (DISTRICT_MONEY.some((re) => re.test(line))) return line.trim();
  return undefined;
});

/** One finding per activity of a plan from 2026 whose source or note names district money. */
export function districtMoneyFindings(activities: readonly { readonly a: Activity; readonly unit: string }[], planYear: number | undefined, periodFrom2026: boolean): Finding[] {
  const from2026 = planYear === undefined ? periodFrom2026 : planYear >= PROVINCE_ABOVE_FROM;
  if (!from2026) return [];
  const out: Finding[] = [];
  for (const { a, unit } of activities) {
    const inSource = districtMoneyText(a.fundSource);
    const text = inSource ?? districtMoneyText(a.note) ?? districtMoneyText(a.mechanism);
    if (!text) continue;
    const cell = (inSource ? a.source.cells.fundSource : a.source.cells.note) ?? a.source.cells.note ?? a.source.cells.activity;
    out.push(
      finding('DISTRICT_SOURCE_GONE', { sheet: a.source.sheet, ...(cell ? { cell } : {}), ...(a.source.file ? { file: a.source.file } : {}) }, {
        activity: shortName(a.activity || '(không tên)'),
        unit,
        text,
        year: planYear ?? '2026-2030',
      }),
    );
  }
  return out;
}
