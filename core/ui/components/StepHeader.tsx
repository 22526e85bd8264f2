/**
 * The head of a step's view: its heading and deadline, its results (done / missing, with the
 * evidence: which sheet or file, when), ticks for what no file can show, and the screens the step
 * opens (its tools). The results are folded under one line ("3/5 kết quả đã có") so that the step's
 * work starts near the top of a narrow pane.
 */
import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/vi';
import type { ScreenId } from '../steps';
import { toolLabel } from '../steps';
import { useScreenStyles } from '../styles';
import type { YearStepView } from '../year';

export interface StepHeaderProps {
  readonly step: YearStepView | undefined;
  readonly n: number;
  readonly tools: readonly ScreenId[];
  readonly screen: ScreenId;
  readonly onTool: (screen: ScreenId) => void;
  /** Ticks a result, or the whole step (its id), by hand; absent where the host cannot. */
  readonly onTick?: (id: string, value: boolean) => void;
  readonly busy?: boolean;
  readonly t: Strings;
}

const useStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  tools: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  tool: { minWidth: 0, whiteSpace: 'nowrap' },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  item: { display: 'flex', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
  no: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
  late: { color: tokens.colorPaletteRedForeground1 },
});

export function StepHeader({ step, n, tools, screen, onTool, onTick, busy, t }: StepHeaderProps) {
  const styles = useStyles();
  const s = useScreenStyles();
  return (
    <div className={styles.head} data-lkh-step={n}>
      <h2 className={styles.heading} tabIndex={-1} id={`lkh-step-${n}`}>
        {step?.heading ?? `${t.steps.navShort} ${n}`}
        {step?.deadline ? <span className={step.deadline.overdue ? styles.late : s.hint}> · {step.deadline.text}</span> : null}
      </h2>
      {step && !step.applicable ? <p className={s.hint}>{t.steps.notApplicable}</p> : null}
      {step && step.items.length > 0 ? (
        <details>
          <summary className={styles.summary}>{t.steps.results(step.counts.done, step.counts.total)}</summary>
          <ul className={s.list} aria-label={t.steps.resultsTitle}>
            {step.items.map((it) => (
              <li key={it.id} className={styles.item}>
                <span className={it.done ? styles.ok : styles.no} aria-hidden="true">
                  {it.done ? '✓' : '○'}
                </span>
                <span>
                  {it.tickable && onTick ? (
                    <Checkbox size="medium" checked={it.ticked || it.done} disabled={busy} label={it.what} onChange={(_, d) => onTick(it.id, d.checked === true)} />
                  ) : (
                    it.what
                  )}
                  {it.evidence.length > 0 ? <span className={s.hint}> — {it.evidence.map((e) => e.text).join('; ')}</span> : null}
                  {!it.done && it.missing.length > 0 ? <span className={s.hint}> — {t.steps.missingOf(it.missing.join(', '))}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {onTick && step.applicable ? <Checkbox checked={step.ticked} disabled={busy} label={t.steps.tickStep} onChange={(_, d) => onTick(step.id, d.checked === true)} /> : null}
        </details>
      ) : null}
      {tools.length > 1 ? (
        <div className={styles.tools} role="group" aria-label={t.steps.toolsLabel(n)}>
          {tools.map((x) => (
            <Button key={x} size="small" className={styles.tool} appearance={x === screen ? 'primary' : 'outline'} aria-pressed={x === screen} data-lkh-nav={`tool-${x}`} onClick={() => onTool(x)}>
              {toolLabel(x, n, t)}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
