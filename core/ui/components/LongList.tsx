/**
 * A long list said with its count first ("Đã thêm 36 trang"), the items folded under it: a
 * sentence never runs on with thirty names inline. Up to `inline` items are shown as they are.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  summary: { cursor: 'pointer' },
});

export function LongList({ head, items, inline = 3 }: { head: string; items: readonly string[]; inline?: number }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (items.length <= inline) return <>{`${head}: ${items.join(', ')}.`}</>;
  return (
    <>
      {`${head}.`}
      <details>
        <summary className={styles.summary}>{t.steps.more(items.length)}</summary>
        <ul className={styles.list}>
          {items.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
