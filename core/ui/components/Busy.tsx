/** Long work in progress: a spinner with its sentence and an indeterminate bar. */
import { ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export function Busy({ label, value }: { label: string; value?: number }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner size="tiny" labelPosition="after" label={label} />
      {/* The spinner is the accessible progress; the bar only shows that work goes on. */}
      <ProgressBar thickness="medium" {...(value !== undefined ? { value } : {})} aria-hidden="true" />
    </div>
  );
}
