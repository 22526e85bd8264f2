/**
 * The year's status in the pane's language. The core (core/src/year) says each text in Vietnamese
 * (`text`, `what`, `heading`…) for `lkh status`; the pane says them through its strings.
 */
import type { YearWords } from '../components/StepResults';
import type { YearView } from '../year';

export interface YearSay extends YearWords {
  readonly heading: (step: YearView['steps'][number]) => string;
  readonly summary: (year: YearView) => string;
  readonly villages: (v: NonNullable<YearView['villages']>) => string;
  readonly deadline: (d: NonNullable<YearView['steps'][number]['deadline']>) => string;
  readonly next: (n: YearView['next']) => string;
}

export function useYearWords(): YearSay {
  return {
    what: (i) => i.what,
    evidence: (e) => e.text,
    missing: (m) => m,
    heading: (s) => s.heading,
    summary: (y) => y.summary,
    villages: (v) => v.text,
    deadline: (d) => d.text,
    next: (n) => n.text,
  };
}
