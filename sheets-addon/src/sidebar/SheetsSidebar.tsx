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
import { makeStyles } from '@fluentui/react-components';
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
  body: { minWidth: 0 },
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

  const extraPlaces = [
    {
      id: 'upper',
      label: i18n.t.nav.upper,
      node: (
        <div className={styles.body}>
          <UpperLevelScreen client={client} upperLevelName={settings?.upperLevelName ?? 'Huyện'} isUpper={isUpper(settings)} />
        </div>
      ),
    },
    {
      id: 'share',
      label: i18n.t.nav.share,
      node: (
        <div className={styles.body}>
          <ProtectScreen client={client} active={view === 'share'} />
        </div>
      ),
    },
  ];

  // The Sheets-only screens are places of the pane's own top row: one navigation, no row of its own.
  return (
    <I18nContext.Provider value={i18n}>
      <div className={styles.root} data-view={view}>
        <LkhPane
          client={paneClient}
          host="sheets"
          lang={lang}
          onLangChange={setLang}
          extraPlaces={extraPlaces}
          place={view === 'pane' ? undefined : view}
          onPlace={(id) => open((id as SidebarView | undefined) ?? 'pane')}
          {...(today ? { today } : {})}
        />
      </div>
    </I18nContext.Provider>
  );
}
