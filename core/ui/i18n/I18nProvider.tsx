/** The pane's language: Vietnamese first, English on request. */
import type { ReactNode } from 'react';
import { createContext, useContext, useMemo } from 'react';
import { en } from './en';
import type { Strings } from './vi';
import { vi } from './vi';

export type Lang = 'vi' | 'en';

export const STRINGS: Readonly<Record<Lang, Strings>> = { vi, en };

export interface I18n {
  readonly lang: Lang;
  readonly t: Strings;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: 'vi', t: vi, setLang: () => undefined });

export function I18nProvider(props: { lang: Lang; setLang(lang: Lang): void; children: ReactNode }) {
  const { lang, setLang, children } = props;
  const value = useMemo<I18n>(() => ({ lang, t: STRINGS[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
