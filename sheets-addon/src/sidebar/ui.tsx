/**
 * Small pieces shared by the Sheets-only screens: the language, one call as screen state, an
 * error as one sentence (the shared pane's errorText), the narrow column's styles.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { Lang } from '../../../core/ui';
import { en, errorParts, useAction, vi } from '../../../core/ui';
import type { ActionState } from '../../../core/ui';
import type { SheetsStrings } from './strings';
import { sheetsEn, sheetsVi } from './strings';

export interface SidebarI18n {
  readonly lang: Lang;
  readonly t: SheetsStrings;
}

export const I18nContext = createContext<SidebarI18n>({ lang: 'vi', t: sheetsVi });

export function i18nFor(lang: Lang): SidebarI18n {
  return { lang, t: lang === 'en' ? sheetsEn : sheetsVi };
}

export const useSidebarI18n = (): SidebarI18n => useContext(I18nContext);

/** One call as screen state: the shared pane's hook (a second run while running is ignored). */
export type CallState<T> = ActionState<T>;
export const useCall = useAction;

/** An error as one sentence, in a MessageBar (a server's unexpected error: its detail on a second line). */
export function ErrorMessage({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { lang } = useSidebarI18n();
  const core = lang === 'en' ? en : vi;
  // In Vietnamese always; a server's unexpected error keeps its technical detail on a second line.
  const { text, detail } = errorParts(error, core);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {text}
        {detail ? (
          <>
            <br />
            <small lang="en">{core.errors.detail(detail)}</small>
          </>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {core.common.close}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function Notice({ intent = 'success', children }: { intent?: 'success' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

export const useSidebarStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalL, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  hidden: { display: 'none' },
});
