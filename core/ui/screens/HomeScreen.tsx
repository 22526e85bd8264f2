/**
 * Tổng quan, the pane's first tab: where the workbook is — plan year, period, level and unit; the
 * step of the seven it is in (the checklist); what was received (each village and what it has not
 * sent, the departments' II.3, the level above's III.1); the consolidated plan's totals by funding
 * group, topic and source with small charts, and the villages' share against 75%. The next action
 * is the pane's one line above every screen. Read again each time it is opened and after each change.
 */
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OverviewPlan, OverviewView, Settings } from '../../src/app/actions';
import type { ChecklistClient, ChecklistView } from '../checklist-types';
import type { PaneClient } from '../client';
import { BarList, ShareGauges } from '../components/charts';
import type { GaugeLine } from '../components/charts';
import { ErrorBar } from '../components/ErrorBar';
import { todayIso } from '../format';
import type { Lang } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { Strings } from '../i18n/vi';
import type { YearView } from '../year';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';

export interface HomeScreenProps {
  readonly client: Pick<PaneClient, 'overview'> & Partial<ChecklistClient>;
  readonly settings: Settings;
  /** True while the tab is shown: read again each time it is opened. */
  readonly active: boolean;
  readonly today?: string;
  /** The year as the pane read it (the villages received against the number expected). */
  readonly year?: YearView;
  /** Counts the changes made through the pane: read again after each. */
  readonly generation?: number;
}

interface HomeData {
  readonly checklist?: ChecklistView;
  readonly overview?: OverviewView;
}

/** The sheets of a form the checklist found, over all steps, each once. */
export function sheetsOfForm(c: ChecklistView | undefined, form: string): string[] {
  const out = new Set<string>();
  for (const step of c?.steps ?? []) for (const f of step.forms) if (f.form === form) for (const s of f.sheets) out.add(s);
  return [...out];
}

export function useHomeState({ client, active, today, generation }: HomeScreenProps) {
  const day = today ?? todayIso();
  const [data, setData] = useState<HomeData | undefined>(undefined);
  const load = useAction(async (): Promise<HomeData> => {
    const [checklist, overview] = await Promise.all([client.checklist ? client.checklist(day) : Promise.resolve(undefined), client.overview ? client.overview() : Promise.resolve(undefined)]);
    const d: HomeData = { ...(checklist ? { checklist } : {}), ...(overview ? { overview } : {}) };
    setData(d);
    return d;
  });
  const { run } = load;
  useEffect(() => {
    if (active) void run();
  }, [active, run, generation]);
  return { data, load };
}

const useStyles = makeStyles({
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  unset: { color: tokens.colorPaletteDarkOrangeForeground1 },
  headline: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0, display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightBold, flexShrink: 0 },
});

function Facts({ settings, t }: { settings: Settings; t: Strings }) {
  const styles = useStyles();
  const rows: readonly [string, string | undefined][] = [
    [t.home.planYear, settings.planYear !== undefined ? String(settings.planYear) : undefined],
    [t.home.period, settings.period],
    [t.home.level, t.levels[settings.level]],
    [t.home.unit, settings.unitName],
  ];
  return (
    <dl className={styles.facts} aria-label={t.home.where}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={`${styles.value} ${value === undefined ? styles.unset : ''}`}>{value ?? t.home.notSet}</dd>
        </div>
      ))}
    </dl>
  );
}

function StepLine({ checklist, year, t, lang }: { checklist: ChecklistView; year?: YearView; t: Strings; lang: Lang }) {
  const s = useScreenStyles();
  // The year's one state (yearStatus), as Các bước and `lkh status` show it; the calendar's line only without it.
  const head = year?.steps.find((x) => x.n === year.current);
  if (year && head)
    return (
      <section className={s.section} aria-label={t.home.step}>
        <h3 className={s.subtitle}>{t.home.step}</h3>
        <p className={s.text}>{t.year.heading(head)}</p>
        <p className={s.hint}>{t.year.summary(year)}</p>
      </section>
    );
  const current = checklist.steps.find((x) => x.id === checklist.nextStep);
  // The checklist's own line, once: "2/7 bước đã xong; Bước 3 còn 5 ngày (hạn …)", or "Đã xong cả 7 bước".
  // The heading already names the step ("Bước 1: Công tác chuẩn bị") and the line counts the steps: nothing is added to either.
  const summary = lang === 'en' ? checklist.summaryEn : checklist.summary;
  return (
    <section className={s.section} aria-label={t.home.step}>
      <h3 className={s.subtitle}>{t.home.step}</h3>
      {current ? <p className={s.text}>{lang === 'en' ? current.headingEn : current.heading}</p> : null}
      <p className={current ? s.hint : s.text}>{summary}</p>
    </section>
  );
}

function Received({ checklist, year, t, lang }: { checklist: ChecklistView; year?: YearView; t: Strings; lang: Lang }) {
  const s = useScreenStyles();
  const styles = useStyles();
  const villages = checklist.villages ?? [];
  const departments = sheetsOfForm(checklist, 'II.3');
  const upper = sheetsOfForm(checklist, 'III.1').length > 0 || sheetsOfForm(checklist, 'IV.1').length > 0;
  const mark = (ok: boolean) => (
    <span className={ok ? styles.ok : styles.missing} aria-hidden="true">
      {ok ? '✓' : '!'}
    </span>
  );
  return (
    <section className={s.section} aria-label={t.home.received}>
      <h3 className={s.subtitle}>{t.home.received}</h3>
      <p className={s.text}>
        {t.home.villages}
        {/* Judged on the number of villages the commune set (the year's answer), not on the villages seen. */}
        {year?.villages ? ` — ${t.year.villages(year.villages)}` : villages.length > 0 ? ` — ${t.home.villagesCount(villages.filter((v) => v.missing.length === 0).length, villages.length)}` : ''}
      </p>
      {villages.length > 0 ? (
        <ul className={s.list} aria-label={t.home.villages}>
          {villages.map((v) => (
            <li key={v.unit} className={styles.line}>
              {mark(v.missing.length === 0)}
              <span>{lang === 'en' ? v.textEn : v.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={s.hint}>{t.home.villagesNone}</p>
      )}
      <p className={styles.line}>
        {mark(departments.length > 0)}
        <span>
          {t.home.departments}: {departments.length > 0 ? `${t.home.departmentsCount(departments.length)} (${departments.join(', ')})` : t.home.departmentsNone}
        </span>
      </p>
      <p className={styles.line}>
        {mark(upper)}
        <span>
          {t.home.upper}: {upper ? t.home.upperYes : t.home.upperNo}
        </span>
      </p>
    </section>
  );
}

function shareLines(plan: OverviewPlan, t: Strings): GaugeLine[] {
  return plan.villageShare.map((l) => {
    const met = l.share !== undefined && l.share >= plan.villageShareMin;
    return {
      key: l.base,
      label: t.home.bases[l.base],
      ...(l.share !== undefined ? { share: l.share } : {}),
      text: l.share !== undefined ? t.home.percent(l.share) : t.home.shareNone,
      verdict: l.rule ? (l.share === undefined ? t.home.shareNone : met ? t.home.met : t.home.notMet) : t.home.compare,
      tone: l.rule ? (met ? 'ok' : 'short') : 'neutral',
    };
  });
}

function PlanFigures({ plan, t }: { plan: OverviewPlan; t: Strings }) {
  const s = useScreenStyles();
  const styles = useStyles();
  return (
    <section className={s.section} aria-label={t.home.plan}>
      <h3 className={s.subtitle}>{t.home.plan}</h3>
      <p className={styles.headline}>{t.home.headline(plan.activities, plan.total)}</p>
      <p className={s.hint}>{t.home.moneyUnit}</p>
      {plan.returned ? <p className={s.text}>{t.home.returned(plan.returned)}</p> : null}
      <BarList
        title={t.home.byGroup}
        items={plan.groups.map((g) => ({ key: g.group, label: `${t.home.groups[g.group]} · ${t.home.activities(g.count)}`, value: g.total, text: t.home.millions(g.total) }))}
      />
      <BarList title={t.home.byTopic} items={plan.topics.map((x) => ({ key: x.topic, label: `${t.home.topics[x.topic]} · ${t.home.activities(x.count)}`, value: x.total, text: t.home.millions(x.total) }))} />
      <BarList
        title={t.home.bySource}
        max={plan.total}
        items={plan.sources.map((x, i) => ({
          key: `${x.kind}-${x.fund ?? i}`,
          label: x.kind === 'budget' ? t.home.sources.budget(x.fund) : t.home.sources[x.kind],
          value: x.amount,
          text: t.home.millions(x.amount),
        }))}
      />
      <ShareGauges title={t.home.share} lines={shareLines(plan, t)} mark={plan.villageShareMin} markText={t.home.shareMark} />
      <p className={s.hint}>{t.home.shareHint}</p>
    </section>
  );
}

export function HomeScreen(props: HomeScreenProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const { data, load } = useHomeState(props);
  const checklist = data?.checklist;
  const plan = data?.overview?.plan;
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.home.title}</h2>
      <Facts settings={props.settings} t={t} />
      {load.running && !data ? <Spinner size="small" label={t.home.loading} /> : null}
      {load.failed ? <ErrorBar error={load.error} onDismiss={load.clearError} /> : null}
      {checklist ? <StepLine checklist={checklist} {...(props.year ? { year: props.year } : {})} t={t} lang={lang} /> : null}
      {checklist && props.settings.level === 'xa' ? <Received checklist={checklist} {...(props.year ? { year: props.year } : {})} t={t} lang={lang} /> : null}
      {data && plan ? <PlanFigures plan={plan} t={t} /> : null}
      {data && !plan ? (
        <section className={s.section} aria-label={t.home.plan}>
          <h3 className={s.subtitle}>{t.home.plan}</h3>
          <p className={s.hint}>{props.client.overview ? t.home.noPlan : t.home.planUnavailable}</p>
        </section>
      ) : null}
    </div>
  );
}
