/**
 * The head of a step's view: its heading and deadline, its results (done / missing, with the
 * evidence: which sheet or file, when), ticks for what no file can show, and the screens the step
 * opens (its tools). The results are folded under one line ("3/5 kết quả đã có") so that the step's
 * work starts near the top of a narrow pane.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/vi';
import type { ScreenId } from '../steps';
import { toolLabel } from '../steps';
import { useScreenStyles } from '../styles';
import { StepResults } from './StepResults';
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
  late: { color: tokens.colorPaletteRedForeground1 },
});

export function StepHeader({ step, n, tools, screen, onTool, onTick, busy, t }: StepHeaderProps) {
  const styles = useStyles();
  const s = useScreenStyles();
  return (
    <div className={styles.head} data-lkh-step={n} data-lkh-step-done={step ? String(step.done) : undefined}>
      <h2 className={styles.heading} tabIndex={-1} id={`lkh-step-${n}`}>
        {step ? t.year.heading(step) : `${t.steps.navShort} ${n}`}
        {step?.deadline ? <span className={step.deadline.overdue ? styles.late : s.hint}> · {t.year.deadline(step.deadline)}</span> : null}
      </h2>
      {step && !step.applicable ? <p className={s.hint}>{t.steps.notApplicable}</p> : null}
      {step && step.items.length > 0 ? (
        <details>
          <summary className={styles.summary}>{t.steps.results(step.counts.done, step.counts.total)}</summary>
          <StepResults step={step} {...(onTick ? { onTick } : {})} busy={busy === true} t={t} say={t.year} />
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
