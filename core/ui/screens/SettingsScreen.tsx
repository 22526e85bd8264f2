/** Cài đặt: plan year, unit, level, program period, the level above; saved in the workbook. */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
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
}

export interface SettingsDraft {
  planYear: string;
  unitName: string;
  level: Level;
  period: Period;
  upperLevelName: string;
}

export function draftOf(s: Settings): SettingsDraft {
  return { planYear: s.planYear !== undefined ? String(s.planYear) : '', unitName: s.unitName ?? '', level: s.level, period: s.period, upperLevelName: s.upperLevelName };
}

/** The year typed, or undefined when empty; NaN when not a valid year. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const y = Number(t);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number.NaN;
}

export function useSettingsState({ client, settings, onSaved }: SettingsScreenProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [touched, setTouched] = useState(false);
  const year = parseYear(draft.planYear);
  const yearInvalid = year !== undefined && Number.isNaN(year);
  const save = useAction(async () => {
    const next: Settings = {
      level: draft.level,
      period: draft.period,
      upperLevelName: draft.upperLevelName.trim() || defaultUpperLevel(year !== undefined && !Number.isNaN(year) ? year : undefined),
      ...(year !== undefined ? { planYear: year } : {}),
      ...(draft.unitName.trim() ? { unitName: draft.unitName.trim() } : {}),
    };
    const saved = await client.saveSettings(next);
    onSaved(saved);
    setDraft(draftOf(saved));
    setTouched(false);
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
    if (!yearInvalid) void save.run();
  };
  const catalogue = useAction(() => client.writeCatalogue());
  return { draft, update, yearInvalid, save, submit, saved: !touched && save.result !== undefined && !save.failed, catalogue };
}

export function SettingsScreen(props: SettingsScreenProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const { draft, update, yearInvalid, save, submit, saved, catalogue } = useSettingsState(props);
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
      <Field label={t.settings.upperLevelName} hint={t.settings.upperLevelHint}>
        <Input value={draft.upperLevelName} placeholder={defaultUpperLevel(parseYear(draft.planYear))} onChange={(_, d) => update({ upperLevelName: d.value })} />
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={save.running || yearInvalid}>
          {save.running ? t.common.working : t.settings.save}
        </Button>
      </div>
      {saved ? <Notice>{t.settings.saved}</Notice> : null}
      {save.failed ? <ErrorBar error={save.error} onDismiss={save.clearError} /> : null}
      <section className={s.section}>
        <h3 className={s.subtitle}>{t.settings.catalogueTitle}</h3>
        <p className={s.hint}>{t.settings.catalogueHint}</p>
        <div className={s.actions}>
          <Button disabled={catalogue.running} onClick={() => void catalogue.run()}>
            {t.settings.writeCatalogue}
          </Button>
        </div>
        {catalogue.result && !catalogue.running ? <Notice>{t.settings.catalogueWritten(catalogue.result.sheet, catalogue.result.entries, catalogue.result.period, catalogue.result.keptCopy)}</Notice> : null}
        {catalogue.failed ? <ErrorBar error={catalogue.error} onDismiss={catalogue.clearError} /> : null}
      </section>
      <AboutSection />
    </form>
  );
}
