/**
 * Các bước: the seven steps of the level with their dates and status, the forms each step
 * expects (ticked from the sheets the workbook holds) and the results ticked by hand.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChecklistClient, ChecklistFormView, ChecklistManualView, ChecklistStatus, ChecklistStepView, ChecklistSubItemView, ChecklistView } from '../checklist-types';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { formatDate, todayIso } from '../format';
import type { Lang } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { Strings } from '../i18n/vi';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';

export interface ChecklistScreenProps {
  /** The client's checklist calls; absent while the host does not offer them. */
  readonly client: Partial<ChecklistClient>;
  /** True while the tab is shown: the list is refreshed each time it is opened (forms may have been added). */
  readonly active: boolean;
  /** Today, ISO; default the user's date. */
  readonly today?: string;
}

const STATUS_COLOR: Readonly<Record<ChecklistStatus, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'>> = {
  done: 'success',
  'due-soon': 'warning',
  overdue: 'danger',
  upcoming: 'informative',
  'not-applicable': 'subtle',
};

export function useChecklistState({ client, active, today }: ChecklistScreenProps) {
  const available = typeof client.checklist === 'function' && typeof client.setChecklistTick === 'function';
  const [view, setView] = useState<ChecklistView | undefined>(undefined);
  const day = today ?? todayIso();
  const load = useAction(async () => {
    const v = await client.checklist?.(day);
    setView(v);
    return v ?? null;
  });
  /** After a change: the checklist returned, or read again. */
  const refreshWith = async (r: ChecklistView | undefined | void) => {
    const v = r ?? (await client.checklist?.(day));
    setView(v);
    return v ?? null;
  };
  const tick = useAction(async (id: string, value: boolean) => refreshWith(await client.setChecklistTick?.(id, value)));
  const dates = useAction(async (id: string, d: { start?: string; end?: string } | null) => refreshWith(await client.setChecklistDates?.(id, d)));
  const { run } = load;
  useEffect(() => {
    if (active && available) void run();
  }, [active, available, run]);
  return { available, view, load, tick, dates, canEditDates: typeof client.setChecklistDates === 'function' };
}

/** The handbook's time as the user reads it: a step's sub-number ("cùng bước 3.1") said as its step ("cùng bước 3"). */
export function plainWhen(text: string): string {
  return text.replace(/\b(bước|step) (\d)\.\d+\b/giu, '$1 $2');
}

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  headingText: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  date: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  sub: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  form: { display: 'flex', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  present: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightBold },
  // Not yet there: a colour that says "to do", never the grey of a disabled control (issue 14, fault 6).
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  todo: { color: tokens.colorNeutralForeground1 },
  dateRow: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  dateField: { flexGrow: 1, minWidth: 0 },
});

function StatusBadge({ status, t }: { status: ChecklistStatus; t: Strings }) {
  return (
    <Badge size="small" appearance={status === 'not-applicable' ? 'outline' : 'filled'} color={STATUS_COLOR[status]}>
      {t.checklist.status[status]}
    </Badge>
  );
}

function FormTicks({ forms, t, lang }: { forms: readonly ChecklistFormView[]; t: Strings; lang: Lang }) {
  const styles = useStyles();
  const s = useScreenStyles();
  if (forms.length === 0) return null;
  return (
    <ul className={s.list}>
      {forms.map((f) => (
        <li key={`${f.form}-${f.label}`} className={styles.form}>
          <span className={f.present ? styles.present : styles.missing} aria-hidden="true">
            {f.present ? '✓' : '○'}
          </span>
          <span>
            {lang === 'en' ? f.labelEn : f.label} —{' '}
            {f.present ? t.checklist.formIn(f.sheets.join(', ')) : f.note !== undefined ? (lang === 'en' ? (f.noteEn ?? f.note) : f.note) : t.checklist.formMissing}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ManualTicks({ items, lang, busy, onTick }: { items: readonly ChecklistManualView[]; lang: Lang; busy: boolean; onTick: (id: string, value: boolean) => void }) {
  const s = useScreenStyles();
  if (items.length === 0) return null;
  return (
    <ul className={s.list}>
      {items.map((m) => (
        <li key={m.id}>
          <Checkbox size="medium" checked={m.ticked} disabled={busy} label={lang === 'en' ? m.labelEn : m.label} onChange={(_, d) => onTick(m.id, d.checked === true)} />
        </li>
      ))}
    </ul>
  );
}

function DateEditor({ item, t, busy, onSave }: { item: ChecklistStepView | ChecklistSubItemView; t: Strings; busy: boolean; onSave: (d: { start?: string; end?: string } | null) => void }) {
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

export function ChecklistScreen(props: ChecklistScreenProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const { available, view, load, tick, dates, canEditDates } = useChecklistState(props);
  const busy = tick.running || dates.running || load.running;
  // Ticks wait only for a change being saved: a refresh (each time the tab opens) leaves them live.
  const saving = tick.running || dates.running;
  const onTick = (id: string, value: boolean) => void tick.run(id, value);
  const when = (x: { start: string; end: string; when: string; whenEn: string; overridden: boolean }) =>
    `${t.checklist.dates(formatDate(x.start, lang), formatDate(x.end, lang))} · ${x.overridden ? t.checklist.overridden : plainWhen(lang === 'en' ? x.whenEn : x.when)}`;

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
      {load.running && !view ? <Spinner size="tiny" labelPosition="after" label={t.checklist.loading} /> : null}
      {load.failed ? <ErrorBar error={load.error} onDismiss={load.clearError} /> : null}
      {tick.failed ? <ErrorBar error={tick.error} onDismiss={tick.clearError} /> : null}
      {dates.failed ? <ErrorBar error={dates.error} onDismiss={dates.clearError} /> : null}
      {!load.running && !load.failed && load.result === null ? <Notice intent="info">{t.checklist.noPlanYear}</Notice> : null}
      {view ? (
        <>
          <p className={s.hint}>{t.checklist.intro(lang === 'en' ? view.levelLabelEn : view.levelLabel, view.planYear)}</p>
          {view.mode === 'five-year' ? <p className={s.hint}>{t.checklist.fiveYear}</p> : null}
          <p className={s.text}>{lang === 'en' ? view.summaryEn : view.summary}</p>
          {view.villages && view.villages.length > 0 ? (
            <section aria-label={t.checklist.villages}>
              <p className={s.hint}>{t.checklist.villages}</p>
              <ul className={s.list}>
                {view.villages.map((v) => (
                  <li key={v.unit} className={v.missing.length === 0 ? styles.present : styles.todo}>
                    {lang === 'en' ? v.textEn : v.text}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <div className={s.actions}>
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => void load.run()}>
              {t.checklist.reload}
            </Button>
          </div>
          <Accordion multiple collapsible defaultOpenItems={view.nextStep ? [view.nextStep] : []}>
            {view.steps.map((step) => {
              const itemForms = new Set(step.items.flatMap((it) => it.forms.map((f) => `${f.form}-${f.label}`)));
              const itemManual = new Set(step.items.flatMap((it) => it.manual.map((m) => m.id)));
              const ownForms = step.forms.filter((f) => !itemForms.has(`${f.form}-${f.label}`));
              const ownManual = step.manual.filter((m) => !itemManual.has(m.id));
              return (
                <AccordionItem key={step.id} value={step.id}>
                  <AccordionHeader size="small">
                    <span className={styles.header}>
                      <span className={styles.headingText}>{lang === 'en' ? step.headingEn : step.heading}</span>
                      <StatusBadge status={step.status} t={t} />
                      {step.applicable ? <span className={styles.date}>{t.checklist.dates(formatDate(step.start, lang), formatDate(step.end, lang))}</span> : null}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <div className={s.list}>
                      {step.note ? <p className={s.hint}>{lang === 'en' ? (step.noteEn ?? step.note) : step.note}</p> : null}
                      {step.applicable ? (
                        <>
                          <p className={s.hint}>{when(step)}</p>
                          {step.items.map((it) => (
                            <div key={it.id} className={styles.sub}>
                              <span className={s.row}>
                                <span className={styles.headingText}>{lang === 'en' ? it.titleEn : it.title}</span>
                                <StatusBadge status={it.status} t={t} />
                              </span>
                              <p className={s.hint}>{when(it)}</p>
                              <FormTicks forms={it.forms} t={t} lang={lang} />
                              <ManualTicks items={it.manual} lang={lang} busy={saving} onTick={onTick} />
                              {it.forms.length + it.manual.length === 0 || it.markedDone ? (
                                <Checkbox checked={it.markedDone} disabled={saving} label={t.checklist.markItem} onChange={(_, d) => onTick(it.id, d.checked === true)} />
                              ) : null}
                              {canEditDates ? <DateEditor item={it} t={t} busy={busy} onSave={(d) => void dates.run(it.id, d)} /> : null}
                            </div>
                          ))}
                          <FormTicks forms={ownForms} t={t} lang={lang} />
                          <ManualTicks items={ownManual} lang={lang} busy={saving} onTick={onTick} />
                          <Checkbox checked={step.markedDone} disabled={saving} label={t.checklist.markStep} onChange={(_, d) => onTick(step.id, d.checked === true)} />
                          {canEditDates ? <DateEditor item={step} t={t} busy={busy} onSave={(d) => void dates.run(step.id, d)} /> : null}
                        </>
                      ) : null}
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
