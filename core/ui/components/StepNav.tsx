/**
 * The pane's navigation at any width (Sheets' 300 px sidebar to a 1280 px page): one row of the
 * workbook's own places (Tổng quan, Cài đặt, Xem sổ where the page shows the workbook) with the
 * language switch, and one row of the seven steps as numbered buttons — the way through the
 * product. Nothing is cut or scrolled out of sight: the rows wrap, the steps are short ("1" … "7",
 * a tick when done, the current step marked), each named in full for screen readers and on hover.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/vi';
import type { PaneView, ScreenId } from '../steps';
import type { YearView } from '../year';

export interface StepNavProps {
  readonly view: PaneView | undefined;
  readonly year: YearView | undefined;
  /** Screens of the top row: Tổng quan, Cài đặt, and Xem sổ where the client reads sheets. */
  readonly places: readonly ScreenId[];
  readonly onPlace: (screen: ScreenId) => void;
  readonly onStep: (step: number) => void;
  readonly t: Strings;
  /** The language switch (its own label). */
  readonly lang: { readonly label: string; readonly text: string; readonly onClick: () => void };
  /** Places the host adds to the top row (the Sheets sidebar's Cấp trên, Chia sẻ). */
  readonly extra?: { readonly places: readonly { readonly id: string; readonly label: string }[]; readonly selected: string | undefined; readonly onSelect: (id: string) => void };
}

const useStyles = makeStyles({
  nav: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  place: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  lang: { marginLeft: 'auto', minWidth: 0, whiteSpace: 'nowrap' },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, marginRight: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap' },
  step: { minWidth: '32px', maxWidth: 'none', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  current: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export function StepNav({ view, year, places, onPlace, onStep, t, lang, extra }: StepNavProps) {
  const styles = useStyles();
  const steps = year?.steps ?? [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n, title: '', done: false, applicable: true }));
  return (
    <nav className={styles.nav} aria-label={t.steps.nav}>
      <div className={styles.row}>
        {places.map((p) => {
          const on = view?.screen === p && view.step === undefined;
          return (
            <Button key={p} size="small" className={styles.place} appearance={on ? 'primary' : 'subtle'} aria-current={on ? 'page' : undefined} data-lkh-nav={p} onClick={() => onPlace(p)}>
              {t.tabs[p]}
            </Button>
          );
        })}
        {extra?.places.map((p) => (
          <Button key={p.id} size="small" className={styles.place} appearance={extra.selected === p.id ? 'primary' : 'subtle'} aria-current={extra.selected === p.id ? 'page' : undefined} data-lkh-nav={p.id} id={`lkh-view-${p.id}`} onClick={() => extra.onSelect(p.id)}>
            {p.label}
          </Button>
        ))}
        <Button size="small" appearance="subtle" className={styles.lang} aria-label={lang.label} data-lkh-nav="lang" onClick={lang.onClick}>
          {lang.text}
        </Button>
      </div>
      <div
        className={styles.row}
        role="group"
        aria-label={year ? `${t.steps.nav}: ${t.steps.status(year.current, year.counts.stepsDone, year.counts.steps)}` : t.steps.nav}
        data-lkh-current={year?.current}
        data-lkh-done={year?.counts.stepsDone}
        data-lkh-results={year?.counts.resultsDone}
      >
        <span className={styles.label} aria-hidden="true">
          {t.steps.navShort}
        </span>
        {steps.map((s) => {
          const on = view?.step === s.n;
          const current = year?.current === s.n;
          const name = s.title ? t.steps.stepAria(s.n, 'heading' in s ? t.year.heading(s).replace(/^[^:]*:\s*/u, '') : s.title, s.done, current) : `${t.steps.navShort} ${s.n}`;
          return (
            <Button
              key={s.n}
              size="small"
              className={mergeClasses(styles.step, current && !on ? styles.current : undefined)}
              appearance={on ? 'primary' : 'secondary'}
              aria-label={name}
              title={name}
              aria-current={on ? 'step' : undefined}
              data-lkh-nav={`step-${s.n}`}
              data-done={s.done ? 'true' : 'false'}
              onClick={() => onStep(s.n)}
            >
              {s.n}
              {s.done ? (
                <span className={on ? undefined : styles.done} aria-hidden="true">
                  ✓
                </span>
              ) : null}
            </Button>
          );
        })}
      </div>
    </nav>
  );
}
