/**
 * The LKH pane shared by the Excel task pane, the standalone page and the Google Sheets sidebar
 * (300 px wide): seven screens in tabs, Vietnamese first with an English switch. It talks only
 * to the PaneClient it is given; if anything fails to load it says so in a plain sentence.
 *
 *   createRoot(el).render(<LkhPane client={client} host="excel" />);
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { Settings } from '../src/app/actions';
import type { ChecklistClient } from './checklist-types';
import type { HostKind, PaneClient } from './client';
import { Busy } from './components/Busy';
import { ErrorBar } from './components/ErrorBar';
import { PaneErrorBoundary } from './components/PaneErrorBoundary';
import { errorText } from './errors';
import type { Lang } from './i18n/I18nProvider';
import { I18nProvider, STRINGS, useI18n } from './i18n/I18nProvider';
import type { PaneMoment } from './next-step';
import { nextStep } from './next-step';
import { todayIso } from './format';
import { ChecklistScreen } from './screens/ChecklistScreen';
import { ConsolidateScreen } from './screens/ConsolidateScreen';
import { FilesScreen } from './screens/FilesScreen';
import { FormsScreen } from './screens/FormsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { RankingScreen } from './screens/RankingScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ValidateScreen } from './screens/ValidateScreen';
import type { ViewTarget } from './components/SheetViewer';
import { PaneTabs } from './components/PaneTabs';
import { useAction } from './use-action';

/** Văn bản, with its words, loads on first opening (React.lazy): it stays out of the pane's first load. */
const DocumentsScreen = lazy(() => import('./screens/DocumentsScreen'));

export const TABS = ['home', 'settings', 'forms', 'validate', 'consolidate', 'ranking', 'checklist', 'files', 'documents'] as const;
/** The standalone page's own view of the workbook (Xem sổ): a tab only where the client can read a sheet (PaneClient.readSheet). */
export const SHEET_TAB = 'sheet';
export type TabId = (typeof TABS)[number] | typeof SHEET_TAB;
const BASE_TABS: readonly TabId[] = TABS;
// Only the standalone page shows it: a lazy chunk, out of the task pane's first load.
const SheetViewer = lazy(() => import('./components/SheetViewer').then((m) => ({ default: m.SheetViewer })));
const VIEWER_TABS: readonly TabId[] = [...TABS, SHEET_TAB];

export interface LkhPaneProps {
  /** The only thing the pane talks to; the checklist calls are used when present. */
  readonly client: PaneClient & Partial<ChecklistClient>;
  /** Default: client.host. 'standalone' has no cell selection: findings show their cell as text. */
  readonly host?: HostKind;
  /** Initial language; default Vietnamese. */
  readonly lang?: Lang;
  readonly onLangChange?: (lang: Lang) => void;
  /** Initial tab; default Cài đặt when the plan year is missing, else Tổng quan. */
  readonly initialTab?: TabId;
  /** Today, ISO (tests); default the user's date. */
  readonly today?: string;
  /**
   * What the page did before showing the pane (the standalone page: the demo loaded, files
   * opened): the pane opens on the tab of the next action and says what it is.
   */
  readonly start?: 'demo' | 'opened';
}

const usePaneStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    minHeight: '100%',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  sheets: { maxWidth: '300px' },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  brand: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  context: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  loading: { paddingTop: tokens.spacingVerticalXXL },
  next: { marginTop: tokens.spacingVerticalS },
});

export function LkhPane(props: LkhPaneProps) {
  const [lang, setLangState] = useState<Lang>(props.lang ?? 'vi');
  const { onLangChange } = props;
  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      onLangChange?.(l);
    },
    [onLangChange],
  );
  return (
    <PaneErrorBoundary message={STRINGS.vi.app.crashed}>
      <FluentProvider theme={webLightTheme} lang={lang}>
        <I18nProvider lang={lang} setLang={setLang}>
          <PaneErrorBoundary message={STRINGS[lang].app.crashed}>
            <PaneBody {...props} />
          </PaneErrorBoundary>
        </I18nProvider>
      </FluentProvider>
    </PaneErrorBoundary>
  );
}

/** The pane's state: settings loaded first (they say the level and year), the tab, selection. */
export function usePaneState({ client, host, initialTab, start }: LkhPaneProps) {
  const load = useAction(() => client.getSettings());
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  // After the demo or opened files, the pane opens where the next action is (next-step.ts).
  const startTab = initialTab ?? (start ? nextStep({ kind: start }, STRINGS.vi)?.tab : undefined);
  const [tab, setTab] = useState<TabId | undefined>(startTab);
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(new Set(startTab ? [startTab] : []));
  const [moment, setMoment] = useState<PaneMoment | undefined>(start ? { kind: start } : undefined);
  const select = useAction((sheet: string, cell: string) => client.selectCell(sheet, cell));
  const { run } = load;
  useEffect(() => {
    void run().then((s) => {
      if (!s) return;
      setSettings(s);
      const first: TabId = s.planYear === undefined ? 'settings' : 'home';
      setTab((cur) => cur ?? first);
      setVisited((v) => (v.size > 0 ? v : new Set([first])));
      setMoment((m) => m ?? { kind: 'loaded', ...(s.planYear !== undefined ? { planYear: s.planYear } : {}) });
    });
  }, [run]);
  const open = (t: TabId) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  };
  /** Something was done: remember it for the next-step line, and move where the next action is when it says so. */
  const report = (m: PaneMoment) => {
    setMoment(m);
    const step = nextStep(m, STRINGS.vi);
    if (step?.move) open(step.tab);
    // After a consolidation or an export the year's status says what comes next, where the host can ask it.
    const done = (m.kind === 'consolidated' && m.conflicts === 0) || m.kind === 'exported';
    if (done && client.yearStatus) {
      void client.yearStatus(todayIso()).then(
        (s) => setMoment((cur) => (cur === m ? { kind: 'status', next: s.next } : cur)),
        () => undefined,
      );
    }
  };
  const exportPlan = useAction(async () => {
    const r = await client.exportPackage();
    report({ kind: 'exported', fileName: r.fileName });
    return r;
  });
  const kind = host ?? client.host;
  // Where the pane shows the workbook itself (the standalone page), a finding opens Xem sổ at its cell; elsewhere the host selects it.
  const [target, setTarget] = useState<ViewTarget | undefined>(undefined);
  const viewer = kind === 'standalone' && client.readSheet ? { ...client, readSheet: client.readSheet.bind(client) } : undefined;
  const view = (sheet: string, cell: string) => {
    setTarget((cur) => ({ sheet, cell, seq: (cur?.seq ?? 0) + 1 }));
    open(SHEET_TAB);
  };
  const onSelect = viewer ? view : kind === 'standalone' ? undefined : (sheet: string, cell: string) => void select.run(sheet, cell);
  return { load, settings, setSettings, tab, open, visited, select, onSelect, kind, moment, report, exportPlan, viewer, target };
}

function PaneBody(props: LkhPaneProps) {
  const { t, lang, setLang } = useI18n();
  const styles = usePaneStyles();
  const { load, settings, setSettings, tab, open, visited, select, onSelect, kind, moment, report, exportPlan, viewer, target } = usePaneState(props);
  const { client } = props;
  const rootClass = kind === 'sheets' ? `${styles.root} ${styles.sheets}` : styles.root;

  const header = (
    <header className={styles.header}>
      <div className={styles.brand}>
        <h1 className={styles.title}>{t.app.title}</h1>
        <span className={styles.context}>{settings ? t.app.context(settings.unitName, settings.planYear) : t.app.subtitle}</span>
      </div>
      <Button size="small" appearance="subtle" aria-label={t.lang.switchLabel} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
        {t.lang.switchTo}
      </Button>
    </header>
  );

  if (!settings) {
    return (
      <div className={rootClass} data-host={kind}>
        {header}
        {load.failed ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.app.loadFailed}</MessageBarTitle> {errorText(load.error, t)} {t.app.loadFailedHint}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void load.run().then((s) => s && setSettings(s))}>
                {t.app.retry}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div className={styles.loading}>
            <Spinner size="small" label={t.app.loading} />
          </div>
        )}
      </div>
    );
  }

  // Tổng quan has its own next-step button: the line under the tabs is not repeated there.
  const step = moment && tab !== 'home' ? nextStep(moment, t) : undefined;
  const exportState = (
    <>
      {exportPlan.running ? <Busy label={t.next.downloading} /> : null}
      {exportPlan.failed ? <ErrorBar error={exportPlan.error} onDismiss={exportPlan.clearError} /> : null}
    </>
  );
  const nextBar = step ? (
    <div className={styles.next} role="status" aria-label={t.next.label}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{step.text}</MessageBarBody>
        {step.button && (step.action === 'export' || step.tab !== tab) ? (
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={exportPlan.running} onClick={() => (step.action === 'export' ? void exportPlan.run() : open(step.tab))}>
              {step.button}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
      {exportState}
    </div>
  ) : (
    exportState
  );
  const shown = (id: TabId) => visited.has(id);
  const panel = (id: TabId, node: ReactNode) =>
    shown(id) ? (
      <div role="tabpanel" id={`lkh-panel-${id}`} aria-labelledby={`lkh-tab-${id}`} hidden={tab !== id}>
        {node}
      </div>
    ) : null;

  return (
    <div className={rootClass} data-host={kind}>
      {header}
      <PaneTabs
        tabs={(viewer ? VIEWER_TABS : BASE_TABS).map((id) => ({ id, label: t.tabs[id] }))}
        selected={tab}
        onSelect={open}
        label={t.app.nav}
        menu={t.app.menu}
        menuLabel={t.app.menuLabel}
      />
      {nextBar}
      {select.failed ? <ErrorBar error={select.error} onDismiss={select.clearError} /> : null}
      {panel(
        'home',
        <HomeScreen
          client={client}
          settings={settings}
          active={tab === 'home'}
          busy={exportPlan.running}
          onStep={(st) => (st.action === 'export' ? void exportPlan.run() : open(st.tab))}
          {...(props.today ? { today: props.today } : {})}
        />,
      )}
      {panel('settings', <SettingsScreen client={client} settings={settings} onSaved={setSettings} />)}
      {panel('forms', <FormsScreen client={client} settings={settings} />)}
      {panel('validate', <ValidateScreen client={client} onSelect={onSelect} fixHint={kind === 'standalone'} />)}
      {viewer
        ? panel(
            SHEET_TAB,
            <Suspense fallback={<Busy label={t.sheet.loading} />}>
              <SheetViewer client={viewer} active={tab === SHEET_TAB} {...(target ? { target } : {})} />
            </Suspense>,
          )
        : null}
      {panel('consolidate', <ConsolidateScreen client={client} onSelect={onSelect} onDone={(v) => report({ kind: 'consolidated', conflicts: v.conflicts?.length ?? 0 })} />)}
      {panel('ranking', <RankingScreen client={client} onSelect={onSelect} />)}
      {panel('checklist', <ChecklistScreen client={client} active={tab === 'checklist'} {...(props.today ? { today: props.today } : {})} />)}
      {panel(
        'files',
        <FilesScreen
          client={client}
          upperLevelName={settings.upperLevelName}
          onImported={(sheets) => report({ kind: 'imported', sheets })}
          onExported={(fileName) => report({ kind: 'exported', fileName })}
        />,
      )}
      {panel(
        'documents',
        <Suspense fallback={<Spinner size="small" label={t.app.loading} />}>
          <DocumentsScreen client={client} />
        </Suspense>,
      )}
    </div>
  );
}
