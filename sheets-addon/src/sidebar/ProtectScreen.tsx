/**
 * Chia sẻ: protect a commune's tab of the shared spreadsheet so that only its officers edit it
 * (server protectSheet → protect.ts protectCommuneSheet, under the document lock).
 */
import { Button, Checkbox, Field, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isRollupSheet } from '../../../core/src/workflow/upper-level';
import type { SheetsClient } from './remote';
import { ErrorMessage, Notice, useCall, useSidebarI18n, useSidebarStyles } from './ui';

/** Tabs a commune may own: not LKH's roll-up sheets, not old copies. */
export function communeTabs(names: readonly string[]): string[] {
  return names.filter((n) => !isRollupSheet(n));
}

export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

export function ProtectScreen({ client, active }: { client: SheetsClient; active: boolean }) {
  const { t } = useSidebarI18n();
  const s = useSidebarStyles();
  const [sheet, setSheet] = useState('');
  const [emails, setEmails] = useState('');
  const [warningOnly, setWarningOnly] = useState(false);
  const [touched, setTouched] = useState(false);
  const list = useCall(async () => communeTabs(await client.listSheets()));
  const protect = useCall(() => client.protectSheet({ sheet, editors: splitEmails(emails), ...(warningOnly ? { warningOnly: true } : {}) }));
  const { run: load, result: tabs } = list;
  useEffect(() => {
    if (active) void load();
  }, [active, load]);
  useEffect(() => {
    if (tabs && tabs.length > 0 && !tabs.includes(sheet)) setSheet(tabs[0]);
  }, [tabs, sheet]);
  const editors = splitEmails(emails);
  const missing = !warningOnly && editors.length === 0;
  const done = protect.result;

  return (
    <form
      className={s.screen}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!missing && sheet) void protect.run();
      }}
    >
      <h2 className={s.title}>{t.share.title}</h2>
      <p className={s.hint}>{t.share.intro}</p>
      <Field label={t.share.sheet}>
        <Select value={sheet} onChange={(_, d) => setSheet(d.value)} disabled={!tabs || tabs.length === 0}>
          {(tabs ?? []).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {tabs && tabs.length === 0 ? <p className={s.hint}>{t.share.noSheets}</p> : null}
      <div className={s.actions}>
        <Button size="small" disabled={list.running} onClick={() => void load()}>
          {t.share.refresh}
        </Button>
      </div>
      <Field label={t.share.editors} hint={t.share.editorsHint} validationState={touched && missing ? 'error' : 'none'} validationMessage={touched && missing ? t.share.needEditors : undefined}>
        <Textarea value={emails} resize="vertical" onChange={(_, d) => setEmails(d.value)} />
      </Field>
      <Checkbox checked={warningOnly} onChange={(_, d) => setWarningOnly(d.checked === true)} label={t.share.warningOnly} />
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={protect.running || !sheet}>
          {protect.running ? t.share.protecting : t.share.protect}
        </Button>
      </div>
      {done && !protect.running && !protect.failed ? (
        <Notice>{done.warningOnly ? t.share.doneWarning(done.sheet) : t.share.done(done.sheet, done.editors.join(', '))}</Notice>
      ) : null}
      {list.failed ? <ErrorMessage error={list.error} onDismiss={list.clearError} /> : null}
      {protect.failed ? <ErrorMessage error={protect.error} onDismiss={protect.clearError} /> : null}
    </form>
  );
}
