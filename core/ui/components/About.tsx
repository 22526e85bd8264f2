/**
 * Giới thiệu: which release of LKH this is and the day it was built (set by the build through
 * esbuild's define of globalThis.LKH_VERSION and globalThis.LKH_BUILD_DATE; "bản phát triển" in
 * tests and unbuilt code), where the user's files go: nowhere, and the user guides (issue 25).
 */
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';

interface BuildGlobals {
  LKH_VERSION?: string;
  LKH_BUILD_DATE?: string;
  LKH_GUIDES_URL?: string;
}

/** The release and build date the bundle was made with; undefined outside a build. */
export function buildInfo(): { readonly version?: string; readonly date?: string } {
  // Written out in full so esbuild's define replaces each (it matches the member expressions).
  const version = (globalThis as BuildGlobals).LKH_VERSION;
  const date = (globalThis as BuildGlobals).LKH_BUILD_DATE;
  return { ...(version ? { version } : {}), ...(date ? { date } : {}) };
}

/**
 * Where the guides of docs/huong-dan/ are read: the build copies them beside the pages
 * (dist/excel-addin/huong-dan/, so the task pane and the standalone page link them relatively and
 * the service worker keeps them for offline use); the Sheets sidebar, served by Google, gets the
 * release's absolute address (scripts/build-info.mjs, LKH_GUIDES_URL). Tests and unbuilt code: relative.
 */
export const GUIDES_BASE = (globalThis as BuildGlobals).LKH_GUIDES_URL ?? 'huong-dan/';
/** The three guides, file and Vietnamese title (the guides are in Vietnamese in both languages). */
export const GUIDES = [
  { file: 'ke-toan-xa.md', title: 'Hướng dẫn cho kế toán xã' },
  { file: 'tinh-google-sheets.md', title: 'Hướng dẫn cho cán bộ kế hoạch tỉnh (Google Sheets)' },
  { file: 'cntt.md', title: 'Hướng dẫn cho bộ phận công nghệ thông tin' },
] as const;

const TEXT = {
  vi: {
    title: 'Giới thiệu',
    version: (v: string | undefined, d: string | undefined) => `LKH phiên bản ${v ?? '(bản phát triển)'}${d ? `, dựng ngày ${d.split('-').reverse().join('/')}` : ''}.`,
    privacy: 'Tệp của bạn chỉ được đọc và ghi trên máy này (hoặc trong sổ tính của bạn); LKH không gửi dữ liệu đi đâu.',
    guides: 'Hướng dẫn sử dụng',
  },
  en: {
    title: 'About',
    version: (v: string | undefined, d: string | undefined) => `LKH version ${v ?? '(development build)'}${d ? `, built ${d}` : ''}.`,
    privacy: 'Your files are read and written on this computer (or in your own spreadsheet) only; LKH sends no data anywhere.',
    guides: 'User guides (in Vietnamese)',
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
      <p className={s.hint}>{t.guides}:</p>
      <ul className={s.hint}>
        {GUIDES.map((g) => (
          <li key={g.file}>
            <a href={`${GUIDES_BASE}${g.file}`} target="_blank" rel="noreferrer">
              {g.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
