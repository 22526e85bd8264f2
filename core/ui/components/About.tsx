/**
 * Giới thiệu: which release of LKH this is and the day it was built (set by the build through
 * esbuild's define of globalThis.LKH_VERSION and globalThis.LKH_BUILD_DATE; "bản phát triển" in
 * tests and unbuilt code), and where the user's files go: nowhere.
 */
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';

interface BuildGlobals {
  LKH_VERSION?: string;
  LKH_BUILD_DATE?: string;
}

/** The release and build date the bundle was made with; undefined outside a build. */
export function buildInfo(): { readonly version?: string; readonly date?: string } {
  // Written out in full so esbuild's define replaces each (it matches the member expressions).
  const version = (globalThis as BuildGlobals).LKH_VERSION;
  const date = (globalThis as BuildGlobals).LKH_BUILD_DATE;
  return { ...(version ? { version } : {}), ...(date ? { date } : {}) };
}

const TEXT = {
  vi: {
    title: 'Giới thiệu',
    version: (v: string | undefined, d: string | undefined) => `LKH phiên bản ${v ?? '(bản phát triển)'}${d ? `, dựng ngày ${d.split('-').reverse().join('/')}` : ''}.`,
    privacy: 'Tệp của bạn chỉ được đọc và ghi trên máy này (hoặc trong sổ tính của bạn); LKH không gửi dữ liệu đi đâu.',
  },
  en: {
    title: 'About',
    version: (v: string | undefined, d: string | undefined) => `LKH version ${v ?? '(development build)'}${d ? `, built ${d}` : ''}.`,
    privacy: 'Your files are read and written on this computer (or in your own spreadsheet) only; LKH sends no data anywhere.',
  },
} as const;

export function AboutSection() {
  const { lang } = useI18n();
  const s = useScreenStyles();
  const t = TEXT[lang];
  const info = buildInfo();
  return (
    <section className={s.section} aria-labelledby="lkh-about-title">
      <h3 id="lkh-about-title" className={s.subtitle}>
        {t.title}
      </h3>
      <p className={s.hint} data-testid="lkh-version">
        {t.version(info.version, info.date)}
      </p>
      <p className={s.hint}>{t.privacy}</p>
    </section>
  );
}
