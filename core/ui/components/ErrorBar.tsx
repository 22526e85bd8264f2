/** An error from the client as one clear sentence in a MessageBar (never a stack trace). */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorText } from '../errors';
import { useI18n } from '../i18n/I18nProvider';

export interface ErrorBarProps {
  readonly error: unknown;
  /** A title naming what failed; default "Không thực hiện được". */
  readonly title?: string;
  readonly onDismiss?: () => void;
}

export function ErrorBar({ error, title, onDismiss }: ErrorBarProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t.errors.title}</MessageBarTitle> {errorText(error, t)}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {t.common.close}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** A short outcome sentence (success, warning, info). */
export function Notice({ intent = 'success', children }: { intent?: 'success' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
