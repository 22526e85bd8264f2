/**
 * Which program period and which level above the commune a plan year falls under.
 *
 *   - 2016-2020: the handbook's programs (QĐ 1600/QĐ-TTg, QĐ 1722/QĐ-TTg);
 *   - 2021-2025: NTM (QĐ 263/QĐ-TTg), GNBV (QĐ 90/QĐ-TTg), DTTS&MN (QĐ 1719/QĐ-TTg);
 *   - 2026-2030: the merged program of Nghị quyết 257/2025/QH15 (phase I of 2026-2035).
 * A plan year after the latest period known takes the latest, with a warning (the data may be
 * out of date: the user can load a newer "Danh mục" sheet).
 *
 * The level above the commune: the district (huyện) per the handbook; since 1 July 2025 there are
 * two levels of local government, province and commune (docs/HOSTS.md), so plans for 2026 on go
 * to the province (tỉnh).
 */
import type { ProgramPeriod } from '../port/types';

export const PROGRAM_PERIOD_LIST: readonly ProgramPeriod[] = ['2016-2020', '2021-2025', '2026-2030'];
export const LATEST_PERIOD: ProgramPeriod = '2026-2030';

export interface PeriodOfYear {
  readonly period: ProgramPeriod;
  /** True when the plan year lies beyond every period known (the latest is used). */
  readonly beyond: boolean;
}

/** The period of a plan year; without a year, the latest period (a plan made now). */
export function periodOfYear(planYear: number | undefined): PeriodOfYear {
  if (planYear === undefined || !Number.isFinite(planYear)) return { period: LATEST_PERIOD, beyond: false };
  if (planYear <= 2020) return { period: '2016-2020', beyond: false };
  if (planYear <= 2025) return { period: '2021-2025', beyond: false };
  if (planYear <= 2030) return { period: '2026-2030', beyond: false };
  return { period: LATEST_PERIOD, beyond: true };
}

/** The plan year being made now: plans are made in year X for year X+1 (today 2026 → 2027). */
export function currentPlanYear(today: Date = new Date()): number {
  return today.getFullYear() + 1;
}

/** First plan year made under two-level local government (plans for 2026 are made in the second half of 2025). */
export const PROVINCE_ABOVE_FROM = 2026;

/** The level above the commune for a plan year, as a default name: "Tỉnh" from 2026, "Huyện" before; "Tỉnh" without a year. */
export function defaultUpperLevel(planYear: number | undefined): 'Tỉnh' | 'Huyện' {
  return planYear !== undefined && planYear < PROVINCE_ABOVE_FROM ? 'Huyện' : 'Tỉnh';
}

/** The years of a period, for messages ("2026-2030" → [2026, 2030]). */
export function periodYears(period: ProgramPeriod): readonly [number, number] {
  const [a, b] = period.split('-').map(Number);
  return [a, b];
}

/** True when the plan year lies inside the period. */
export function yearInPeriod(planYear: number, period: ProgramPeriod): boolean {
  const [a, b] = periodYears(period);
  return planYear >= a && planYear <= b;
}
