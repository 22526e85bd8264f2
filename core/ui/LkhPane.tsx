/**
 * The LKH pane shared by the Excel task pane, the standalone page and the Google Sheets sidebar
 * (300 px wide), Vietnamese first with an English switch. The seven steps of the year are the way
 * through it (StepNav): each step opens the screens it needs (steps.ts), under one compact line
 * saying what is next (the year's next action, read again after every change made through the
 * pane) with the button that does it. It talks only to the PaneClient it is given; if anything
 * fails to load it says so in a plain sentence.
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
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings } from '../src/app/actions';
import type { ChecklistClient } from './checklist-types';
import type { HostKind, PaneClient } from './client';
import { Busy } from './components/Busy';
import { ErrorBar } from './components/ErrorBar';
import { PaneErrorBoundary } from './components/PaneErrorBoundary';
import { errorText } from './errors';
import type { Lang } from './i18n/I18nProvider';
import { I18nProvider, STRINGS, useI18n } from './i18n/I18nProvider';
import { Notice } from './components/ErrorBar';
import { StepHeader } from './components/StepHeader';
import { StepNav } from './components/StepNav';
import { todayIso } from './format';
import type { NextMove, PaneCommand, PaneView, ScreenId } from './steps';
import { SCREENS, STEP_DOCUMENTS, STEP_SCREENS, nextMove } from './steps';
import type { YearClient, YearNextView, YearView } from './year';
import { yearOfChecklist } from './year';
import { ChecklistScreen } from './screens/ChecklistScreen';
import { ConsolidateScreen } from './screens/ConsolidateScreen';
import { FilesScreen } from './screens/FilesScreen';
import { FormsScreen } from './screens/FormsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { RankingScreen } from './screens/RankingScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ValidateScreen } from './screens/ValidateScreen';
import type { ViewTarget } from './components/SheetViewer';
import { useAction } from './use-action';

/** Văn bản, with its words, loads on first opening (React.lazy): it stays out of the pane's first load. */
const DocumentsScreen = lazy(() => import('./screens/DocumentsScreen'));

/** The pane's screens (steps.ts); `TabId` is kept as their older name. */
export const TABS = SCREENS;
export type TabId = ScreenId;
/** The standalone page's own view of the workbook (Xem sổ): shown where the client can read a sheet (PaneClient.readSheet). */
export const SHEET_TAB = 'sheet';
// Only the standalone page shows it: a lazy chunk, out of the task pane's first load.
const SheetViewer = lazy(() => import('./components/SheetViewer').then((m) => ({ default: m.SheetViewer })));

export interface LkhPaneProps {
  /** The only thing the pane talks to; the checklist and year calls are used when present. */
  readonly client: PaneClient & Partial<ChecklistClient> & Partial<YearClient>;
  /** Default: client.host. 'standalone' has no cell selection: findings show their cell as text. */
  readonly host?: HostKind;
  /** Initial language; default Vietnamese. */
  readonly lang?: Lang;
  readonly onLangChange?: (lang: Lang) => void;
  /** Initial screen; default Cài đặt when the plan year is missing, else the current step's first screen. */
  readonly initialTab?: TabId;
  /** Today, ISO (tests); default the user's date. */
  readonly today?: string;
  /**
   * What the page did before showing the pane (the standalone page: the demo loaded, files
   * opened): the pane opens on the step the year is in, with its next action.
   */
  readonly start?: 'demo' | 'opened';
  /** More places of the top row, shown by the host (the Sheets sidebar's Cấp trên, Chia sẻ). */
  readonly extraPlaces?: readonly { readonly id: string; readonly label: string; readonly node: ReactNode }[];
  /** The host's place shown instead of the pane's own screens (controlled with `onPlace`); undefined: the pane's. */
  readonly place?: string;
  readonly onPlace?: (id: string | undefined) => void;
}

const usePaneStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    minHeight: '100%',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  sheets: { maxWidth: '300px', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  loading: { paddingTop: tokens.spacingVerticalXXL },
  // The next step in one compact line under the steps: its sentence and the button that does it.
  next: {
    marginTop: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  nextButton: { marginLeft: tokens.spacingHorizontalXS, minWidth: 0, verticalAlign: 'baseline' },
  context: { color: tokens.colorNeutralForeground3 },
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

/** A client whose changing calls are counted: the year is read again after each (never stale). */
function watched<C extends PaneClient & Partial<ChecklistClient> & Partial<YearClient>>(client: C, changed: () => void): C {
  const keys = ['saveSettings', 'setVillages', 'undoLastChange', 'insertForm', 'consolidate', 'removeCopies', 'writeCatalogue', 'createBallot', 'rankFromBallot', 'setChecklistTick', 'setChecklistDates', 'importFiles', 'exportPackage', 'downloadDocument', 'insertHandoutSheet'] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const fn = (client as unknown as Record<string, unknown>)[k];
    if (typeof fn !== 'function') continue;
    out[k] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>).apply(client, args);
      } finally {
        changed();
      }
    };
  }
  // The clients are plain objects of functions (client-local.ts, remote.ts): a copy with the changing calls wrapped.
  return { ...client, ...out } as C;
}

/** The pane's state: settings loaded first (they say the level and year), the year, the view, the selection. */
export function usePaneState({ client: given, host, initialTab, today }: LkhPaneProps) {
  const [generation, setGeneration] = useState(0);
  const client = useMemo(() => watched(given, () => setGeneration((g) => g + 1)), [given]);
  const load = useAction(() => client.getSettings());
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  // A screen asked for by name (tests, a host) opens on its own, outside a step.
  const [view, setView] = useState<PaneView | undefined>(initialTab ? { screen: initialTab } : undefined);
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(new Set(initialTab ? [initialTab] : []));
  const [command, setCommand] = useState<PaneCommand | undefined>(undefined);
  const select = useAction((sheet: string, cell: string) => client.selectCell(sheet, cell));
  const day = today ?? todayIso();
  // The year: read when the settings are known, and again after every change made through the pane.
  const [year, setYear] = useState<YearView | undefined>(undefined);
  const yearLoad = useAction(async (): Promise<YearView | null> => {
    if (client.yearStatus) return (await client.yearStatus(day)) ?? null;
    const [checklist, overview] = await Promise.all([client.checklist ? client.checklist(day) : Promise.resolve(undefined), client.overview ? client.overview().catch(() => undefined) : Promise.resolve(undefined)]);
    return checklist ? yearOfChecklist(checklist, { plan: overview?.plan !== undefined }) : null;
  });
  const { run } = load;
  useEffect(() => {
    void run().then((s) => {
      if (s) setSettings(s);
    });
  }, [run]);
  const { run: readYear } = yearLoad;
  useEffect(() => {
    if (!settings) return;
    void readYear().then((y) => {
      if (y === undefined) return;
      setYear(y ?? undefined);
      // The first view: Cài đặt without a plan year, else the step the year is in.
      setView((cur) => cur ?? (settings.planYear === undefined || !y ? { screen: 'settings' } : { screen: STEP_SCREENS[y.current]?.[0] ?? 'home', step: y.current }));
    });
  }, [settings, generation, readYear]);
  useEffect(() => {
    if (view) setVisited((v) => (v.has(view.screen) ? v : new Set([...v, view.screen])));
  }, [view]);
  const go = (v: PaneView) => {
    setCommand(undefined);
    setView(v);
  };
  const openStep = (n: number) => go({ screen: STEP_SCREENS[n]?.[0] ?? 'checklist', step: n });
  const open = (screen: ScreenId) => go({ screen });
  const exportPlan = useAction(async () => client.exportPackage());
  const kind = host ?? client.host;
  // Where the pane shows the workbook itself (the standalone page), a finding opens Xem sổ at its cell; elsewhere the host selects it.
  const [target, setTarget] = useState<ViewTarget | undefined>(undefined);
  const viewer = kind === 'standalone' && client.readSheet ? { ...client, readSheet: client.readSheet.bind(client) } : undefined;
  const viewCell = (sheet: string, cell: string) => {
    setTarget((cur) => ({ sheet, cell, seq: (cur?.seq ?? 0) + 1 }));
    go({ screen: 'sheet' });
  };
  const onSelect = viewer ? viewCell : kind === 'standalone' ? undefined : (sheet: string, cell: string) => void select.run(sheet, cell);
  /** The next-step button: go where the action is and do it there. */
  const doNext = (move: NextMove, next: YearNextView) => {
    setView(move.view);
    const request = move.command;
    if (request) setCommand((c) => ({ ...request, seq: (c?.seq ?? 0) + 1 }));
    else setCommand(undefined);
    if (move.run === 'export') void exportPlan.run();
    if (move.run === 'select' && next.sheet && next.cell) onSelect?.(next.sheet, next.cell);
  };
  const tick = useAction(async (id: string, value: boolean) => client.setChecklistTick?.(id, value));
  return { load, settings, setSettings, view, go, open, openStep, visited, select, onSelect, kind, exportPlan, viewer, target, year, setYear, yearLoad, command, doNext, client, tick, generation };
}

function PaneBody(props: LkhPaneProps) {
  const { t, lang, setLang } = useI18n();
  const styles = usePaneStyles();
  const st = usePaneState(props);
  const { load, settings, setSettings, view, go, open, openStep, visited, select, onSelect, kind, exportPlan, viewer, target, year, yearLoad, command, doNext, client, tick, generation } = st;
  const rootClass = kind === 'sheets' ? `${styles.root} ${styles.sheets}` : styles.root;
  const [ownExtra, setOwnExtra] = useState<string | undefined>(undefined);
  const extra = props.onPlace ? props.place : ownExtra;
  const setExtra = (id: string | undefined) => (props.onPlace ? props.onPlace(id) : setOwnExtra(id));
  const places: ScreenId[] = ['home', 'settings', ...(viewer ? (['sheet'] as const) : [])];
  const langSwitch = { label: t.lang.switchLabel, text: t.lang.switchTo, onClick: () => setLang(lang === 'vi' ? 'en' : 'vi') };

  if (!settings) {
    return (
      <div className={rootClass} data-host={kind}>
        <StepNav view={undefined} year={undefined} places={places} onPlace={() => undefined} onStep={() => undefined} t={t} lang={langSwitch} />
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

  const screen = extra ? undefined : view?.screen;
  const step = extra ? undefined : view?.step;
  const next = year?.next;
  const move = next ? nextMove(next, t) : undefined;
  const nextLine = (
    <div className={styles.next} role="status" aria-label={t.next.label} data-lkh-next="" data-lkh-action={next?.action}>
      {next ? (
        <>
          <span data-lkh-next-text="">{t.steps.next(t.year.next(next))}</span>
          {move?.button ? (
            <Button size="small" appearance="primary" className={styles.nextButton} disabled={exportPlan.running} data-lkh-next-button="" onClick={() => doNext(move, next)}>
              {move.button}
            </Button>
          ) : null}
        </>
      ) : (
        <span className={styles.context}>{settings.planYear === undefined ? t.next.settings : t.steps.loading}</span>
      )}
    </div>
  );
  const exportState = (
    <>
      {exportPlan.running ? <Busy label={t.next.downloading} /> : null}
      {exportPlan.result && !exportPlan.running && !exportPlan.failed ? <Notice focus>{t.files.exported(exportPlan.result.fileName)}</Notice> : null}
      {exportPlan.failed ? <ErrorBar error={exportPlan.error} onDismiss={exportPlan.clearError} /> : null}
    </>
  );
  const shown = (id: ScreenId) => visited.has(id);
  const panel = (id: ScreenId, node: ReactNode) =>
    shown(id) ? (
      <div id={`lkh-panel-${id}`} hidden={screen !== id} data-lkh-work={screen === id ? '' : undefined}>
        {node}
      </div>
    ) : null;
  const yearStep = step !== undefined ? year?.steps.find((x) => x.n === step) : undefined;
  const cmd = <K extends PaneCommand['kind']>(...k: K[]) => (command && (k as string[]).includes(command.kind) ? (command as Extract<PaneCommand, { kind: K }>) : undefined);
  const docs = step !== undefined ? STEP_DOCUMENTS[step] : undefined;

  return (
    <div className={rootClass} data-host={kind}>
      <StepNav
        view={extra ? undefined : view}
        year={year}
        places={places}
        onPlace={(p) => {
          setExtra(undefined);
          open(p);
        }}
        onStep={(n) => {
          setExtra(undefined);
          openStep(n);
        }}
        t={t}
        lang={langSwitch}
        {...(props.extraPlaces ? { extra: { places: props.extraPlaces.map((x) => ({ id: x.id, label: x.label })), selected: extra, onSelect: setExtra } } : {})}
      />
      {nextLine}
      {exportState}
      {select.failed ? <ErrorBar error={select.error} onDismiss={select.clearError} /> : null}
      {step !== undefined && screen ? (
        <StepHeader
          step={yearStep}
          n={step}
          tools={STEP_SCREENS[step] ?? []}
          screen={screen}
          onTool={(x) => go({ screen: x, step })}
          onTick={(id: string, value: boolean) => void tick.run(id, value)}
          busy={tick.running}
          t={t}
        />
      ) : null}
      {tick.failed ? <ErrorBar error={tick.error} onDismiss={tick.clearError} /> : null}
      {panel(
        'home',
        <HomeScreen
          client={client}
          settings={settings}
          active={screen === 'home'}
          generation={generation}
          {...(year ? { year } : {})}
          {...(props.today ? { today: props.today } : {})}
        />,
      )}
      {panel('settings', <SettingsScreen client={client} settings={settings} onSaved={setSettings} {...(year?.villages?.expectedSet ? { expectedVillages: year.villages.expected } : {})} />)}
      {panel('forms', <FormsScreen client={client} settings={settings} />)}
      {panel('validate', <ValidateScreen client={client} onSelect={onSelect} fixHint={kind === 'standalone'} />)}
      {viewer
        ? panel(
            SHEET_TAB,
            <Suspense fallback={<Busy label={t.sheet.loading} />}>
              <SheetViewer client={viewer} active={screen === SHEET_TAB} {...(target ? { target } : {})} />
            </Suspense>,
          )
        : null}
      {panel('consolidate', <ConsolidateScreen client={client} onSelect={onSelect} command={cmd('consolidate')} />)}
      {panel('ranking', <RankingScreen client={client} onSelect={onSelect} generation={generation} command={cmd('ballot', 'rank')} />)}
      {panel(
        'checklist',
        <ChecklistScreen
          client={client}
          year={yearLoad.failed ? undefined : yearLoad.result === null ? null : year}
          {...(yearLoad.failed ? { error: yearLoad.error } : {})}
          available={typeof client.yearStatus === 'function' || typeof client.checklist === 'function'}
          active={screen === 'checklist'}
          {...(typeof client.setChecklistTick === 'function' ? { onTick: (id: string, value: boolean) => void tick.run(id, value) } : {})}
          ticking={tick.running}
          onReload={() => void yearLoad.run().then((y) => y !== undefined && st.setYear(y ?? undefined))}
          reloading={yearLoad.running}
          {...(props.today ? { today: props.today } : {})}
        />,
      )}
      {panel('files', <FilesScreen client={client} upperLevelName={settings.upperLevelName} command={cmd('receive')} />)}
      {panel(
        'documents',
        <Suspense fallback={<Spinner size="small" label={t.app.loading} />}>
          <DocumentsScreen client={client} {...(docs ? { kinds: docs } : {})} command={cmd('draft')} />
        </Suspense>,
      )}
      {props.extraPlaces?.map((x) => (
        <div key={x.id} id={`lkh-panel-${x.id}`} hidden={extra !== x.id} data-lkh-work={extra === x.id ? '' : undefined}>
          {x.node}
        </div>
      ))}
    </div>
  );
}
