/**
 * The language the user chose, remembered across reloads in the browser's localStorage (the Excel
 * task pane, the standalone page, the Sheets sidebar). Guarded: a sandboxed frame, a private window
 * or a full store makes localStorage absent or throw — then the choice simply lasts the session.
 */
import { useCallback, useState } from 'react';
import type { Lang } from './I18nProvider';

export const LANG_KEY = 'lkh.lang';

/** The part of Storage used here (tests give their own). */
export type LangStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): LangStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered language, if any. */
export function rememberedLang(storage: LangStorage | undefined = browserStorage()): Lang | undefined {
  try {
    const v = storage?.getItem(LANG_KEY);
    return v === 'vi' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLang(lang: Lang, storage: LangStorage | undefined = browserStorage()): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // Not remembered: the choice lasts this session.
  }
}

/** A language state that starts from `initial` when given, else the remembered choice, else Vietnamese; each change is remembered. */
export function useRememberedLang(initial?: Lang, storage?: LangStorage): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(() => initial ?? rememberedLang(storage ?? browserStorage()) ?? 'vi');
  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      rememberLang(l, storage ?? browserStorage());
    },
    [storage],
  );
  return [lang, setLang];
}
