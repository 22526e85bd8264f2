/** An error from the client as one clear sentence in a MessageBar (never a stack trace). */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorParts } from '../errors';
import { useI18n } from '../i18n/I18nProvider';
import { Focused } from './Focused';

export interface ErrorBarProps {
  readonly error: unknown;
  /** A title naming what failed; default "Không thực hiện được". */
  readonly title?: string;
  readonly onDismiss?: () => void;
}

export function ErrorBar({ error, title, onDismiss }: ErrorBarProps) {
  const { t } = useI18n();
  const { text, detail } = errorParts(error, t);
  // An error appears after an action: the focus goes to it.
  return (
    <Focused>
      <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t.errors.title}</MessageBarTitle> {text}
        {detail ? (
          <>
            <br />
            <small lang="en">{t.errors.detail(detail)}</small>
          </>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {t.common.close}
          </Button>
        </MessageBarActions>
      ) : null}
      </MessageBar>
    </Focused>
  );
}

/** A short outcome sentence (success, warning, info); `focus`: an action's result, focused when it appears. */
export function Notice({ intent = 'success', children, focus }: { intent?: 'success' | 'warning' | 'info'; children: ReactNode; focus?: boolean }) {
  const bar = (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
  return focus ? <Focused>{bar}</Focused> : bar;
}
