/**
 * Các bước: the seven steps of the level as the year's status has them (core/src/year
 * `yearStatus`, the one state Tổng quan, each step's head and `lkh status` show): each step done or
 * not, the one the unit is in, its results done or missing with the evidence (sheet, file, date),
 * ticks for what no file can show (a step's tick and its results' ticks agree), deadlines only
 * where the status gives them (none for a demo or a past year). The handbook's calendar gives each
 * step's dates, which the commune may change.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChecklistClient, ChecklistStepView, ChecklistView } from '../checklist-types';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { StepResults } from '../components/StepResults';
import { formatDate, todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Strings } from '../i18n/vi';
import { useYearWords } from '../i18n/year-words';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';
import type { YearView } from '../year';

export interface ChecklistScreenProps {
  /** The client's calendar calls (the dates of each step); absent while the host does not offer them. */
  readonly client: Partial<ChecklistClient>;
  /** The year as the pane read it (read again after every change); undefined while it loads, null: no plan year or no status. */
  readonly year: YearView | null | undefined;
  /** Whether the client can say where the year is at all. */
  readonly available: boolean;
  /** True while the screen is shown: the dates are read each time it opens. */
  readonly active: boolean;
  /** Ticks a result or a step by hand (the pane's tick; the year is read again after it). */
  readonly onTick?: (id: string, value: boolean) => void;
  readonly ticking?: boolean;
  /** Reads the year again (the workbook may have changed outside the pane). */
  readonly onReload?: () => void;
  readonly reloading?: boolean;
  /** Reading the year failed: said instead of the steps. */
  readonly error?: unknown;
  /** Today, ISO; default the user's date. */
  readonly today?: string;
}

/** A step's place in the year, said by a badge: done, the step the unit is in, or not for this level. */
function stepBadge(step: YearView['steps'][number], current: number, t: Strings): { text: string; color: 'success' | 'brand' | 'subtle' } | undefined {
  if (!step.applicable) return { text: t.checklist.status['not-applicable'], color: 'subtle' };
  if (step.done) return { text: t.checklist.status.done, color: 'success' };
  if (step.n === current) return { text: t.checklist.current, color: 'brand' };
  return undefined;
}

/** The handbook's time as the user reads it: a step's sub-number ("cùng bước 3.1") said as its step ("cùng bước 3"). */
export function plainWhen(text: string): string {
  return text.replace(/\b(bước|step) (\d)\.\d+\b/giu, '$1 $2');
}

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  headingText: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  date: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  late: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  todo: { color: tokens.colorNeutralForeground1 },
  dateRow: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  dateField: { flexGrow: 1, minWidth: 0 },
});

/** The calendar's dates of the steps (the handbook's, or the commune's own), for showing and changing them. */
function useCalendar(client: Partial<ChecklistClient>, active: boolean, day: string) {
  const [view, setView] = useState<ChecklistView | undefined>(undefined);
  const available = typeof client.checklist === 'function';
  const load = useAction(async () => {
    const v = await client.checklist?.(day);
    setView(v);
    return v ?? null;
  });
  const dates = useAction(async (id: string, d: { start?: string; end?: string } | null) => {
    const r = await client.setChecklistDates?.(id, d);
    const v = r ?? (await client.checklist?.(day));
    setView(v);
    return v ?? null;
  });
  const { run } = load;
  useEffect(() => {
    if (active && available) void run();
  }, [active, available, run]);
  return { view, dates, canEditDates: available && typeof client.setChecklistDates === 'function' };
}

function DateEditor({ item, t, busy, onSave }: { item: ChecklistStepView; t: Strings; busy: boolean; onSave: (d: { start?: string; end?: string } | null) => void }) {
  const styles = useStyles();
  const s = useScreenStyles();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState(item.start);
  const [end, setEnd] = useState(item.end);
  if (!open)
    return (
      <div className={s.actions}>
        <Button size="small" appearance="subtle" onClick={() => setOpen(true)}>
          {t.checklist.changeDates}
        </Button>
      </div>
    );
  return (
    <div className={s.list}>
      <div className={styles.dateRow}>
        <Field className={styles.dateField} label={t.checklist.start} size="small">
          <Input type="date" size="small" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field className={styles.dateField} label={t.checklist.end} size="small">
          <Input type="date" size="small" value={end} onChange={(_, d) => setEnd(d.value)} />
        </Field>
      </div>
      <div className={s.actions}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          onClick={() => {
            onSave({ ...(start ? { start } : {}), ...(end ? { end } : {}) });
            setOpen(false);
          }}
        >
          {t.checklist.saveDates}
        </Button>
        {item.overridden ? (
          <Button
            size="small"
            disabled={busy}
            onClick={() => {
              onSave(null);
              setOpen(false);
            }}
          >
            {t.checklist.resetDates}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function ChecklistScreen({ client, year, available, active, onTick, ticking, onReload, reloading, error, today }: ChecklistScreenProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const say = useYearWords();
  const calendar = useCalendar(client, active, today ?? todayIso());
  const busy = ticking === true || calendar.dates.running;

  if (!available)
    return (
      <div className={s.screen}>
        <h2 className={s.title}>{t.checklist.title}</h2>
        <Notice intent="info">{t.checklist.unavailable}</Notice>
      </div>
    );

  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.checklist.title}</h2>
      {error !== undefined ? <ErrorBar error={error} /> : null}
      {error !== undefined && onReload ? (
        <div className={s.actions}>
          <Button size="small" disabled={reloading === true} onClick={onReload}>
            {t.app.retry}
          </Button>
        </div>
      ) : null}
      {year === undefined && error === undefined ? <Spinner size="tiny" labelPosition="after" label={t.checklist.loading} /> : null}
      {year === null || (year && year.planYear === undefined) ? <Notice intent="info">{t.checklist.noPlanYear}</Notice> : null}
      {calendar.dates.failed ? <ErrorBar error={calendar.dates.error} onDismiss={calendar.dates.clearError} /> : null}
      {year && year.planYear !== undefined ? (
        <>
          <p className={s.hint}>{t.checklist.intro(t.levels[year.level], year.planYear)}</p>
          {calendar.view?.mode === 'five-year' ? <p className={s.hint}>{t.checklist.fiveYear}</p> : null}
          <p className={s.text}>{say.summary(year)}</p>
          {year.villages ? <p className={`${s.hint} ${styles.todo}`}>{say.villages(year.villages)}</p> : null}
          {onReload ? (
            <div className={s.actions}>
              <Button size="small" appearance="subtle" disabled={reloading === true || busy} onClick={onReload}>
                {t.checklist.reload}
              </Button>
            </div>
          ) : null}
          <Accordion multiple collapsible defaultOpenItems={year.steps.filter((x) => x.n === year.current).map((x) => x.id)}>
            {year.steps.map((step) => {
              const badge = stepBadge(step, year.current, t);
              const cal = calendar.view?.steps.find((c) => c.id === step.id);
              return (
                <AccordionItem key={step.id} value={step.id} data-lkh-checklist-step={step.n} data-lkh-step-done={String(step.done)}>
                  <AccordionHeader size="small">
                    <span className={styles.header}>
                      <span className={styles.headingText}>{say.heading(step)}</span>
                      {badge ? (
                        <Badge size="small" appearance={step.applicable ? 'filled' : 'outline'} color={badge.color}>
                          {badge.text}
                        </Badge>
                      ) : null}
                      {step.applicable && step.items.length > 0 ? <span className={styles.date}>{t.steps.results(step.counts.done, step.counts.total)}</span> : null}
                      {step.deadline ? <span className={step.deadline.overdue ? styles.late : styles.date}>{say.deadline(step.deadline)}</span> : null}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <div className={s.list}>
                      {!step.applicable ? <p className={s.hint}>{t.steps.notApplicable}</p> : null}
                      {step.applicable ? <StepResults step={step} {...(onTick ? { onTick } : {})} busy={busy} t={t} say={say} /> : null}
                      {step.applicable && cal ? (
                        <p className={s.hint}>
                          {t.checklist.dates(formatDate(cal.start, lang), formatDate(cal.end, lang))} · {cal.overridden ? t.checklist.overridden : plainWhen(lang === 'en' ? cal.whenEn : cal.when)}
                        </p>
                      ) : null}
                      {step.applicable && cal && calendar.canEditDates ? <DateEditor item={cal} t={t} busy={busy} onSave={(d) => void calendar.dates.run(step.id, d)} /> : null}
                    </div>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </>
      ) : null}
    </div>
  );
}
