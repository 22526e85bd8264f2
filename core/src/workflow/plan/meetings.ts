/**
 * Meeting validity reaches the plan (issue 21, item 6; handbook L577, L595): a village whose
 * priority list is not valid — its meeting (I.3) represented 50% of the households (I.1) or fewer
 * — has its rows marked in II.4.B, II.6.A and II.6.B and counted in the report, until the commune
 * confirms the list in the report's "Xã đã xác nhận" column (a meeting held again, counts
 * checked). Women under 30% of the meeting (L577: "đảm bảo … ít nhất 30% phụ nữ") is a requirement
 * of the meeting the report names, not a condition of the list's validity (L595 names households
 * and agreement only), so it marks no row.
 */
import type { VillageSheets } from '../../reader/workbook';
import { villageKey } from '../../reader/unit';
import { formatVnNumber } from '../../text';
import type { Finding } from '../../validate/messages';
import { finding } from '../../validate/messages';
import { checkAttendance } from '../../validate/rules';
import type { PlanActivity, VillageMeeting } from '../types';

/** The key of a village's line in the report's meetings table (and in the state's confirmations). */
export function meetingKey(unit: string): string {
  return `hop:${villageKey(unit)}`;
}

/** The mark written at the start of Nội dung khác of a row from a village whose list is not valid. */
export function meetingMark(units: readonly string[]): string {
  return `[Danh mục của ${units.join(', ')} chưa hợp lệ (họp thôn) — xem Báo cáo tổng hợp]`;
}

/** Any mark meetingMark writes, to read the commune's own text back without it. */
export const MEETING_MARK_RE = /\[Danh mục của [^\]]*chưa hợp lệ \(họp thôn\)[^\]]*\]/gu;

/**
 * What each village's own sheets say of its meeting: not valid when I.3's people (one per
 * household, as I.3 records them) are 50% of I.1's households or fewer; women under 30% noted.
 * Villages with nothing to judge are left out.
 */
export function villageMeetings(villages: readonly VillageSheets[]): VillageMeeting[] {
  const out: VillageMeeting[] = [];
  for (const v of villages) {
    if (!v.unit) continue;
    const h = v.households;
    for (const m of v.meetings) {
      const found = checkAttendance({
        sheet: m.sheet,
        ...(h ? { households: h.value } : {}),
        ...(m.attendees !== undefined ? { attendees: m.attendees, householdsPresent: m.attendees } : {}),
        ...(m.women !== undefined ? { women: m.women } : {}),
      });
      const low = found.find((f) => f.code === 'MEETING_HOUSEHOLDS_LOW');
      const women = found.find((f) => f.code === 'MEETING_WOMEN_LOW');
      if (!low && !women) continue;
      out.push({
        key: meetingKey(v.unit),
        unit: v.unit,
        valid: !low,
        reason: [
          low && h && m.attendees !== undefined ? `chỉ ${formatVnNumber(m.attendees)}/${formatVnNumber(h.value)} hộ (${String(low.params.percent)}) dự họp, Sổ tay cần trên 50% số hộ` : '',
          women ? `phụ nữ chiếm ${String(women.params.percent)} người dự họp, Sổ tay yêu cầu ít nhất 30% (không làm danh mục mất giá trị)` : '',
        ]
          .filter(Boolean)
          .join('; '),
        sheet: m.sheet,
        ...(m.file ? { file: m.file } : {}),
        ...(m.cell ? { cell: m.cell } : {}),
        rows: 0,
        confirmed: false,
      });
      break; // one meeting per village
    }
  }
  return out;
}

/**
 * Marks the rows of villages whose list is not valid and not confirmed by the commune; counts the
 * rows of each village; one MEETING_ROWS_MARKED finding per village marked.
 */
export function markMeetings(
  rows: readonly PlanActivity[],
  meetings: readonly VillageMeeting[],
  confirmed: ReadonlySet<string>,
): { rows: PlanActivity[]; meetings: VillageMeeting[]; findings: Finding[] } {
  // No village's meeting to check (most runs): nothing is marked.
  if (meetings.length === 0) return { rows: [...rows], meetings: [], findings: [] };
  const byKey = new Map(meetings.map((m) => [villageKey(m.unit), { ...m, confirmed: confirmed.has(m.key), rows: 0 }]));
  const out = rows.map((r) => {
    if (r.status !== 'active') return r;
    const units: string[] = [];
    for (const o of r.origins) {
      if (o.kind !== 'village') continue;
      const m = byKey.get(villageKey(o.unit));
      if (!m) continue;
      m.rows++;
      if (!m.valid && !m.confirmed && !units.includes(o.unit)) units.push(o.unit);
    }
    return units.length > 0 ? { ...r, meetingNotValid: units } : r;
  });
  const list = [...byKey.values()];
  const findings = list
    .filter((m) => !m.valid && !m.confirmed && m.rows > 0)
    .map((m) => finding('MEETING_ROWS_MARKED', { sheet: m.sheet, ...(m.file ? { file: m.file } : {}), ...(m.cell ? { cell: m.cell } : {}) }, { unit: m.unit, reason: m.reason, rows: m.rows }));
  return { rows: out, meetings: list, findings };
}
