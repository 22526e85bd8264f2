/**
 * Small charts for the pane, drawn with CSS (no chart library: the pane's first load is already
 * about 300 KB gzipped and the home screen, where they sit, is the first tab — README, "Dependencies").
 * Every figure is printed as text beside its bar; the bars themselves are hidden from screen
 * readers, so a chart reads as the list of its labels and values.
 *
 *   <BarList title="Theo chủ đề" items={[{ key: 'csht', label: 'Cơ sở hạ tầng', value: 4200, text: '4,2 tr.đ' }]} />
 *   <ShareGauge label="…" share={0.81} mark={0.75} text="81%" verdict="Đạt" ok />
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export interface BarItem {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The value as the screen prints it ("4,2 tr.đ"). */
  readonly text: string;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  line: {
    display: 'flex',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  label: { minWidth: 0, overflowWrap: 'anywhere' },
  value: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  track: {
    position: 'relative',
    height: '8px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    overflow: 'hidden',
  },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorBrandBackground },
  ok: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  short: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  neutral: { backgroundColor: tokens.colorNeutralForeground3 },
  mark: { position: 'absolute', top: 0, bottom: 0, width: '2px', backgroundColor: tokens.colorNeutralForeground1 },
  verdict: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
});

const pct = (x: number): string => `${Math.max(0, Math.min(100, x * 100)).toFixed(1)}%`;

/** Horizontal bars, each against the largest value (or against `max`). */
export function BarList({ title, items, max }: { readonly title: string; readonly items: readonly BarItem[]; readonly max?: number }) {
  const styles = useStyles();
  const top = max ?? Math.max(0, ...items.map((i) => i.value));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.list} aria-label={title}>
        {items.map((i) => (
          <li key={i.key} className={styles.item}>
            <span className={styles.line}>
              <span className={styles.label}>{i.label}</span>
              <span className={styles.value}>{i.text}</span>
            </span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.bar} style={{ display: 'block', width: top > 0 ? pct(i.value / top) : '0%' }} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export interface GaugeLine {
  readonly key: string;
  readonly label: string;
  readonly share?: number;
  /** "81,8%" or "chưa có". */
  readonly text: string;
  /** "Đạt" / "Chưa đạt" / "Để so sánh". */
  readonly verdict: string;
  /** Green when met, orange when not, grey when only for comparison. */
  readonly tone: 'ok' | 'short' | 'neutral';
}

/** Shares of 100% with a mark (75%): each line a gauge, its figure and verdict in words. */
export function ShareGauges({ title, lines, mark, markText }: { readonly title: string; readonly lines: readonly GaugeLine[]; readonly mark: number; readonly markText: string }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.list} aria-label={title}>
        {lines.map((l) => (
          <li key={l.key} className={styles.item}>
            <span className={styles.line}>
              <span className={styles.label}>{l.label}</span>
              <span className={styles.value}>{l.text}</span>
            </span>
            <span className={styles.track} aria-hidden="true" title={markText}>
              <span className={`${styles.bar} ${styles[l.tone]}`} style={{ display: 'block', width: l.share !== undefined ? pct(l.share) : '0%' }} />
              <span className={styles.mark} style={{ left: pct(mark) }} />
            </span>
            <span className={styles.verdict}>{l.verdict}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
