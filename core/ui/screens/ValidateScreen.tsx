/** Kiểm tra: recognise and check every sheet; findings grouped by sheet, each clickable. */
import { Badge, Button } from '@fluentui/react-components';
import type { PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { FindingList } from '../components/FindingList';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';

export interface ValidateScreenProps {
  readonly client: PaneClient;
  /** Selects a finding's cell; absent where the host has no selection. */
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** The standalone page: say how an error is fixed there (download, fix in Excel, open again). */
  readonly fixHint?: boolean;
}

export function useValidateState({ client }: ValidateScreenProps) {
  return useAction(() => client.validate());
}

export function ValidateScreen(props: ValidateScreenProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const check = useValidateState(props);
  const v = check.result;
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.validate.title}</h2>
      <p className={s.hint}>{t.validate.intro}</p>
      <div className={s.actions}>
        <Button appearance="primary" disabled={check.running} onClick={() => void check.run()}>
          {t.validate.run}
        </Button>
      </div>
      {check.running ? <Busy label={t.validate.running} /> : null}
      {check.failed ? <ErrorBar error={check.error} onDismiss={check.clearError} /> : null}
      {v && !check.running ? (
        <>
          <div className={s.row}>
            <Badge appearance="filled" color={v.errors > 0 ? 'danger' : 'success'}>
              {t.validate.counts(v.errors, v.warnings)}
            </Badge>
            <span className={s.hint}>{t.validate.formsFound(v.forms.length)}</span>
          </div>
          {v.unrecognised.length > 0 ? <p className={s.hint}>{t.validate.unrecognised(v.unrecognised.join(', '))}</p> : null}
          {v.errors === 0 ? <Notice>{t.validate.noErrors}</Notice> : null}
          {props.fixHint && v.findings.length > 0 ? <Notice intent="info">{t.sheet.fixHere}</Notice> : null}
          <FindingList findings={v.findings} onSelect={props.onSelect} />
        </>
      ) : null}
    </div>
  );
}
