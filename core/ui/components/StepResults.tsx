/**
 * A step's results as the year's status has them (core/src/year): each done (✓) or missing (○),
 * with its evidence (which sheet or file, when) and what is still wanting; a tick for each result
 * no file can show, and one for the whole step — the step's tick and its results' ticks agree (the
 * core keeps them so). Shown under a step's heading (StepHeader) and on Các bước (ChecklistScreen):
 * one state, shown the same everywhere.
 */
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/vi';
import { useScreenStyles } from '../styles';
import type { YearStepView } from '../year';

export interface StepResultsProps {
  readonly step: YearStepView;
  /** Ticks a result, or the whole step (its id), by hand; absent where the host cannot. */
  readonly onTick?: (id: string, value: boolean) => void;
  readonly busy?: boolean;
  readonly t: Strings;
  /** The words of a result, evidence or missing entry in the pane's language. */
  readonly say?: YearWords;
}

/** How the pane says the core's texts in its language (i18n: year-words.ts); default: as given. */
export interface YearWords {
  readonly what: (item: YearStepView['items'][number]) => string;
  readonly evidence: (e: YearStepView['items'][number]['evidence'][number]) => string;
  readonly missing: (m: string) => string;
}

export const AS_GIVEN: YearWords = { what: (i) => i.what, evidence: (e) => e.text, missing: (m) => m };

const useStyles = makeStyles({
  item: { display: 'flex', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
  // Not yet there: a colour that says "to do", never the grey of a disabled control (issue 14, fault 6).
  no: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
});

export function StepResults({ step, onTick, busy, t, say = AS_GIVEN }: StepResultsProps) {
  const styles = useStyles();
  const s = useScreenStyles();
  return (
    <>
      <ul className={s.list} aria-label={t.steps.resultsTitle}>
        {step.items.map((it) => (
          <li key={it.id} className={styles.item} data-lkh-item={it.id} data-lkh-done={String(it.done)} data-lkh-kind={it.kind}>
            {/* A result ticked by hand shows its state in its checkbox; the others by a mark. */}
            {it.tickable && onTick ? null : (
              <span className={it.done ? styles.ok : styles.no} aria-hidden="true">
                {it.done ? '✓' : '○'}
              </span>
            )}
            <span>
              {it.tickable && onTick ? (
                <Checkbox size="medium" checked={it.ticked || it.done} disabled={busy} label={say.what(it)} onChange={(_, d) => onTick(it.id, d.checked === true)} />
              ) : (
                say.what(it)
              )}
              {it.evidence.length > 0 ? <span className={s.hint}> — {it.evidence.map(say.evidence).join('; ')}</span> : null}
              {!it.done && it.missing.length > 0 ? <span className={s.hint}> — {t.steps.missingOf(it.missing.map(say.missing).join(', '))}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {onTick && step.applicable ? <Checkbox checked={step.ticked} disabled={busy} label={t.steps.tickStep} onChange={(_, d) => onTick(step.id, d.checked === true)} /> : null}
    </>
  );
}
