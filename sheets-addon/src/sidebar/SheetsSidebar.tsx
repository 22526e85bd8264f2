/**
 * The Google Sheets sidebar (300 px): the shared pane (core/ui LkhPane: settings, forms,
 * validation, the commune's consolidation with its funding checks, ranking, the seven steps,
 * files) and two Sheets-only screens the shared pane does not have — the upper level's roll-up
 * of the communes (Cấp trên) and protecting a commune's tab (Chia sẻ).
 *
 * The shared pane stays mounted (hidden) while another screen shows, so it keeps its state. The
 * settings it loads and saves are watched through the client, so the sidebar knows the level:
 * a spreadsheet set to huyện/tỉnh opens on Cấp trên.
 */
import type { SelectTabData } from '@fluentui/react-components';
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Settings } from '../../../core/src/app/actions';
import type { Lang } from '../../../core/ui';
import { LkhPane, useRememberedLang } from '../../../core/ui';
import { ProtectScreen } from './ProtectScreen';
import type { SheetsClient } from './remote';
import { I18nContext, i18nFor } from './ui';
import { UpperLevelScreen } from './UpperLevelScreen';

export type SidebarView = 'pane' | 'upper' | 'share';
export const SIDEBAR_VIEWS: readonly SidebarView[] = ['pane', 'upper', 'share'];

export interface SheetsSidebarProps {
  readonly client: SheetsClient;
  readonly lang?: Lang;
  /** Today, ISO (tests). */
  readonly today?: string;
  readonly initialView?: SidebarView;
}

const useStyles = makeStyles({
  root: { boxSizing: 'border-box', width: '100%', maxWidth: '300px', minWidth: 0 },
  nav: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalM },
});

const isUpper = (s: Settings | undefined): boolean => s?.level === 'huyen' || s?.level === 'tinh';

export function SheetsSidebar({ client, lang: initialLang, today, initialView }: SheetsSidebarProps) {
  const styles = useStyles();
  // Remembered across reloads where the sidebar's frame keeps localStorage; an explicit lang wins.
  const [lang, setLang] = useRememberedLang(initialLang);
  const [view, setView] = useState<SidebarView>(initialView ?? 'pane');
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const chosen = useRef(initialView !== undefined);
  const i18n = i18nFor(lang);

  // The pane's client, watching the settings it loads and saves.
  const paneClient = useMemo<SheetsClient>(() => {
    const seen = (s: Settings, first: boolean): Settings => {
      setSettings(s);
      if (first && isUpper(s) && !chosen.current) setView('upper');
      return s;
    };
    return {
      ...client,
      getSettings: async () => seen(await client.getSettings(), true),
      saveSettings: async (s) => seen(await client.saveSettings(s), false),
    };
  }, [client]);

  const open = (v: SidebarView) => {
    chosen.current = true;
    setView(v);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <div className={styles.root} data-view={view}>
        <FluentProvider theme={webLightTheme} lang={lang}>
          <nav className={styles.nav} aria-label={i18n.t.nav.label}>
            <TabList size="small" selectedValue={view} onTabSelect={(_, d: SelectTabData) => open(d.value as SidebarView)}>
              {SIDEBAR_VIEWS.map((v) => (
                <Tab key={v} value={v} id={`lkh-view-${v}`}>
                  {i18n.t.nav[v]}
                </Tab>
              ))}
            </TabList>
          </nav>
        </FluentProvider>
        <div hidden={view !== 'pane'}>
          <LkhPane client={paneClient} host="sheets" lang={lang} onLangChange={setLang} {...(today ? { today } : {})} />
        </div>
        <FluentProvider theme={webLightTheme} lang={lang}>
          <div className={styles.body} hidden={view !== 'upper'}>
            <UpperLevelScreen client={client} upperLevelName={settings?.upperLevelName ?? 'Huyện'} isUpper={isUpper(settings)} />
          </div>
          <div className={styles.body} hidden={view !== 'share'}>
            <ProtectScreen client={client} active={view === 'share'} />
          </div>
        </FluentProvider>
      </div>
    </I18nContext.Provider>
  );
}
