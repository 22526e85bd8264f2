/** Biểu mẫu: the 19 forms grouped by level; insert one as a new sheet named for its unit. */
import { Button, Field, Input, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FormSummary, Settings } from '../../src/app/actions';
import type { PaneClient } from '../client';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';
import { LEVELS } from './SettingsScreen';

export interface FormsScreenProps {
  readonly client: PaneClient;
  readonly settings: Settings;
}

export function groupByLevel(forms: readonly FormSummary[]): { level: Settings['level']; forms: FormSummary[] }[] {
  return LEVELS.map((level) => ({ level, forms: forms.filter((f) => f.level === level) })).filter((g) => g.forms.length > 0);
}

export function useFormsState({ client, settings }: FormsScreenProps) {
  const load = useAction(() => client.listForms());
  const [formId, setFormId] = useState('');
  const [unitName, setUnitName] = useState('');
  const insert = useAction((id: string, unit: string) => client.insertForm(id, unit.trim() || undefined));
  const { run } = load;
  useEffect(() => {
    void run().then((forms) => {
      if (!Array.isArray(forms)) return;
      // Start on the first form of the user's level.
      const first = forms.find((f) => f.level === settings.level) ?? forms[0];
      if (first) setFormId((cur) => cur || first.id);
    });
    // Loaded once; the level only chooses the first selection.
  }, [run]);
  const forms = load.result ?? [];
  const selected = forms.find((f) => f.id === formId);
  return { load, forms, formId, setFormId, selected, unitName, setUnitName, insert };
}

/**
 * A native select is as wide as its longest option ("II.1 — Phiếu đánh giá công tác lập kế hoạch…"
 * made the tab 843-912 px at 320 px): the field, the select and its hint are held to the pane's
 * width; the open list is the browser's own and wraps or cuts there, not in the page.
 */
const useStyles = makeStyles({
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', width: '100%' },
  control: { minWidth: 0, maxWidth: '100%', width: '100%', textOverflow: 'ellipsis', overflowX: 'hidden' },
  hint: { overflowWrap: 'anywhere' },
});

export function FormsScreen(props: FormsScreenProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const { load, forms, formId, setFormId, selected, unitName, setUnitName, insert } = useFormsState(props);
  return (
    <form
      className={s.screen}
      onSubmit={(e) => {
        e.preventDefault();
        if (formId) void insert.run(formId, unitName);
      }}
    >
      <h2 className={s.title}>{t.forms.title}</h2>
      {load.running ? <Spinner size="tiny" labelPosition="after" label={t.forms.loading} /> : null}
      {load.failed ? <ErrorBar error={load.error} /> : null}
      {!load.running && !load.failed && forms.length === 0 ? <p className={s.hint}>{t.forms.none}</p> : null}
      {forms.length > 0 ? (
        <>
          <Field className={styles.field} label={t.forms.form} hint={selected ? { className: styles.hint, children: `${selected.code} — ${selected.title}` } : undefined}>
            <Select className={styles.select} select={{ className: styles.control }} value={formId} onChange={(_, d) => setFormId(d.value)}>
              {groupByLevel(forms).map((g) => (
                <optgroup key={g.level} label={t.levelGroups[g.level]}>
                  {g.forms.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.code} — {f.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <Field className={styles.field} label={t.forms.unitName} hint={t.forms.unitNameHint}>
            <Input value={unitName} placeholder={t.forms.unitNamePlaceholder} onChange={(_, d) => setUnitName(d.value)} />
          </Field>
          <p className={s.hint}>{t.forms.copyNote}</p>
          <div className={s.actions}>
            <Button type="submit" appearance="primary" disabled={!formId || insert.running}>
              {insert.running ? t.common.working : t.forms.insert}
            </Button>
          </div>
        </>
      ) : null}
      {insert.result && !insert.running && !insert.failed ? (
        <Notice>
          {t.forms.inserted(insert.result.sheet)}
          {insert.result.keptCopy ? ` ${t.forms.keptCopy(insert.result.keptCopy)}` : ''}
        </Notice>
      ) : null}
      {insert.failed ? <ErrorBar error={insert.error} onDismiss={insert.clearError} /> : null}
    </form>
  );
}
