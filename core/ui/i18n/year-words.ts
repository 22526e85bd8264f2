/**
 * The year's status in the pane's language. The core (core/src/year) says each text in Vietnamese
 * for `lkh status` and gives the keys and parameters beside it (`say`, `whatEn`, `titleEn`);
 * the pane's strings (`t.year`: vi.ts the core's own words, en.ts English) say them.
 */
import type { YearWords } from '../components/StepResults';
import type { YearView } from '../year';
import { useI18n } from './I18nProvider';

export interface YearSay extends YearWords {
  readonly heading: (step: YearView['steps'][number]) => string;
  readonly summary: (year: YearView) => string;
  readonly villages: (v: NonNullable<YearView['villages']>) => string;
  readonly deadline: (d: NonNullable<YearView['steps'][number]['deadline']>) => string;
  readonly next: (n: YearView['next']) => string;
}

export function useYearWords(): YearSay {
  return useI18n().t.year;
}
