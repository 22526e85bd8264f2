/** Cài đặt: plan year, unit, level, program period, the level above; saved in the workbook. */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { NameSuggestion } from '../../src/app/settings';
import type { Settings } from '../../src/app/actions';
import { defaultUpperLevel, periodOfYear } from '../../src/reference';
import type { PaneClient } from '../client';
import { AboutSection } from '../components/About';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';

export type Level = Settings['level'];
export type Period = Settings['period'];

export const LEVELS: readonly Level[] = ['thon', 'xa', 'huyen', 'tinh'];
export const PERIODS: readonly Period[] = ['2016-2020', '2021-2025', '2026-2030'];

export interface SettingsScreenProps {
  readonly client: PaneClient;
  readonly settings: Settings;
  readonly onSaved: (s: Settings) => void;
  /** How many villages the commune said it has (set once), if it did. */
  readonly expectedVillages?: number;
}

export interface SettingsDraft {
  planYear: string;
  unitName: string;
  level: Level;
  period: Period;
  upperLevelName: string;
  /** "Số thôn của xã" (the commune's level only). */
  villages: string;
}

export function draftOf(s: Settings, villages?: number): SettingsDraft {
  return { planYear: s.planYear !== undefined ? String(s.planYear) : '', unitName: s.unitName ?? '', level: s.level, period: s.period, upperLevelName: s.upperLevelName, villages: villages !== undefined ? String(villages) : '' };
}

/** The number of villages typed, or undefined when empty; NaN when not a whole number from 1 to 200. */
export function parseVillages(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : Number.NaN;
}

/** The year typed, or undefined when empty; NaN when not a valid year. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const y = Number(t);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number.NaN;
}

export function useSettingsState({ client, settings, onSaved, expectedVillages }: SettingsScreenProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings, expectedVillages));
  const [touched, setTouched] = useState(false);
  const year = parseYear(draft.planYear);
  const yearInvalid = year !== undefined && Number.isNaN(year);
  const villagesInvalid = Number.isNaN(parseVillages(draft.villages) ?? 0);
  // Names the received sheets give for blank settings: offered, never saved without a click.
  const [suggested, setSuggested] = useState<NameSuggestion | undefined>(undefined);
  const blankUnit = !settings.unitName?.trim();
  const blankUpper = !settings.upperLevelName.trim() || /^(tỉnh|huyện)$/iu.test(settings.upperLevelName.trim());
  useEffect(() => {
    if (!client.suggestNames || (!blankUnit && !blankUpper)) return undefined;
    let live = true;
    client.suggestNames().then(
      (s) => {
        if (live && (s.unitName || s.upperLevelName)) setSuggested(s);
      },
      () => undefined, // a suggestion that cannot be read is no error of the user's
    );
    return () => {
      live = false;
    };
  }, [client, blankUnit, blankUpper]);
  const save = useAction(async (patch?: Partial<SettingsDraft>) => {
    const d = patch ? { ...draft, ...patch } : draft;
    const next: Settings = {
      level: d.level,
      period: d.period,
      upperLevelName: d.upperLevelName.trim() || defaultUpperLevel(year !== undefined && !Number.isNaN(year) ? year : undefined),
      ...(year !== undefined ? { planYear: year } : {}),
      ...(d.unitName.trim() ? { unitName: d.unitName.trim() } : {}),
    };
    const saved = await client.saveSettings(next);
    // The number of villages, set once: "đã gửi đủ" is judged on it.
    const count = parseVillages(d.villages);
    if (client.setVillages && saved.level === 'xa' && count !== expectedVillages && !Number.isNaN(count ?? 0)) await client.setVillages({ expected: count ?? null });
    onSaved(saved);
    setDraft(draftOf(saved, count));
    setTouched(false);
    setSuggested(undefined);
    return saved;
  });
  const update = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      // A new plan year brings its period and its level above, unless the user chose them by hand.
      if (patch.planYear !== undefined && patch.period === undefined) {
        const y = parseYear(patch.planYear);
        if (y !== undefined && !Number.isNaN(y)) {
          const was = parseYear(d.planYear);
          const followed = d.period === periodOfYear(was !== undefined && !Number.isNaN(was) ? was : undefined).period;
          if (followed) next.period = periodOfYear(y).period;
          if (d.upperLevelName.trim() === '' || d.upperLevelName.trim() === 'Huyện' || d.upperLevelName.trim() === 'Tỉnh') next.upperLevelName = defaultUpperLevel(y);
        }
      }
      return next;
    });
    setTouched(true);
  };
  const submit = () => {
    if (!yearInvalid && !villagesInvalid) void save.run();
  };
  const catalogue = useAction(() => client.writeCatalogue());
  /** Accepts the names offered: into the fields (only those still blank) and saved, in one click. */
  const acceptSuggested = () => {
    if (!suggested) return;
    const patch: Partial<SettingsDraft> = {
      ...(suggested.unitName && !draft.unitName.trim() ? { unitName: suggested.unitName } : {}),
      ...(suggested.upperLevelName && (!draft.upperLevelName.trim() || /^(tỉnh|huyện)$/iu.test(draft.upperLevelName.trim())) ? { upperLevelName: suggested.upperLevelName } : {}),
    };
    setDraft((x) => ({ ...x, ...patch }));
    if (!yearInvalid && !villagesInvalid) void save.run(patch);
  };
  return { suggested, acceptSuggested, dismissSuggested: () => setSuggested(undefined), draft, update, yearInvalid, villagesInvalid, canSetVillages: typeof client.setVillages === 'function', save, submit, saved: !touched && save.result !== undefined && !save.failed, catalogue };
}

export function SettingsScreen(props: SettingsScreenProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const { suggested, acceptSuggested, dismissSuggested, draft, update, yearInvalid, villagesInvalid, canSetVillages, save, submit, saved, catalogue } = useSettingsState(props);
  return (
    <form
      className={s.screen}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className={s.title}>{t.settings.title}</h2>
      <p className={s.hint}>{t.settings.intro}</p>
      {suggested ? (
        <section className={s.section} data-lkh-suggested aria-label={t.settings.suggestedTitle}>
          <p className={s.hint}>{t.settings.suggestedTitle}</p>
          <ul>
            {suggested.unitName ? <li>{t.settings.suggestedUnit(suggested.unitName, suggested.unitFrom ?? '')}</li> : null}
            {suggested.upperLevelName ? <li>{t.settings.suggestedUpper(suggested.upperLevelName, suggested.upperFrom ?? '')}</li> : null}
          </ul>
          <div className={s.actions}>
            <Button appearance="primary" disabled={save.running || yearInvalid || villagesInvalid} onClick={acceptSuggested}>
              {t.settings.suggestedAccept}
            </Button>
            <Button onClick={dismissSuggested}>{t.settings.suggestedDismiss}</Button>
          </div>
        </section>
      ) : null}
      <Field label={t.settings.planYear} hint={t.settings.planYearHint} validationState={yearInvalid ? 'error' : 'none'} validationMessage={yearInvalid ? t.settings.planYearInvalid : undefined}>
        <Input type="number" inputMode="numeric" min={2000} max={2100} value={draft.planYear} onChange={(_, d) => update({ planYear: d.value })} />
      </Field>
      <Field label={t.settings.unitName}>
        <Input value={draft.unitName} placeholder={t.settings.unitNamePlaceholder} onChange={(_, d) => update({ unitName: d.value })} />
      </Field>
      <Field label={t.settings.level}>
        <Select value={draft.level} onChange={(_, d) => update({ level: d.value as Level })}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t.levels[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.settings.period} hint={t.settings.periodHint}>
        <Select value={draft.period} onChange={(_, d) => update({ period: d.value as Period })}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      {draft.level === 'xa' && canSetVillages ? (
        <Field label={t.settings.villages} hint={t.settings.villagesHint} validationState={villagesInvalid ? 'error' : 'none'} validationMessage={villagesInvalid ? t.settings.villagesInvalid : undefined}>
          <Input type="number" inputMode="numeric" min={1} max={200} value={draft.villages} onChange={(_, d) => update({ villages: d.value })} />
        </Field>
      ) : null}
      <Field label={t.settings.upperLevelName} hint={t.settings.upperLevelHint}>
        <Input value={draft.upperLevelName} placeholder={defaultUpperLevel(parseYear(draft.planYear))} onChange={(_, d) => update({ upperLevelName: d.value })} />
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={save.running || yearInvalid || villagesInvalid}>
          {save.running ? t.common.working : t.settings.save}
        </Button>
      </div>
      {saved ? <Notice focus>{t.settings.saved}</Notice> : null}
      {save.failed ? <ErrorBar error={save.error} onDismiss={save.clearError} /> : null}
      <section className={s.section}>
        <h3 className={s.subtitle}>{t.settings.catalogueTitle}</h3>
        <p className={s.hint}>{t.settings.catalogueHint}</p>
        <div className={s.actions}>
          <Button disabled={catalogue.running} onClick={() => void catalogue.run()}>
            {t.settings.writeCatalogue}
          </Button>
        </div>
        {catalogue.result && !catalogue.running ? <Notice focus>{t.settings.catalogueWritten(catalogue.result.sheet, catalogue.result.entries, catalogue.result.period, catalogue.result.keptCopy)}</Notice> : null}
        {catalogue.failed ? <ErrorBar error={catalogue.error} onDismiss={catalogue.clearError} /> : null}
      </section>
      <AboutSection />
    </form>
  );
}
