/**
 * The standalone page: the LKH pane on .xlsx files in any modern browser, without Excel. The
 * workbook is held in memory (XlsxWorkbook over ExcelJS) and never leaves the computer:
 *   - "Mở tệp": one .xlsx becomes the workbook; several (the villages' files) are merged into one
 *     new workbook as tabs (importXlsx); the pane's "Tệp" screen adds files to the open workbook;
 *   - "Dùng thử với xã mẫu": the demo commune's files (demoFiles()) as tabs;
 *   - work in the pane (validate, consolidate, rank…), then "Tải xuống" the whole workbook.
 * ExcelJS is loaded with import() on the first of these clicks (standalone-workbook.ts).
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { ChangeEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import type { Lang } from '../../core/ui';
import { LkhPane, useRememberedLang } from '../../core/ui';
import type { LocalClient } from './client-local';
import { createLocalClient, downloadBytes } from './client-local';
import { registerOffline } from './offline';
import { blocked, markStarted, rootElement, showFallback } from './page';

const loadWorkbookModule = () => import('./standalone-workbook');

const TEXT = {
  vi: {
    title: 'LKH — Lập kế hoạch xã',
    open: 'Mở tệp',
    openHint: 'Chọn một hay nhiều tệp .xlsx: một tệp thì làm việc trên chính tệp đó; nhiều tệp của các thôn thì gộp thành các trang của một sổ mới. Để thêm tệp vào sổ đang mở, dùng mục "Tệp" của LKH.',
    demo: 'Dùng thử với xã mẫu',
    demoShort: 'Xã mẫu',
    blank: 'Sổ trống',
    download: 'Tải xuống',
    intro: 'Lập kế hoạch xã trên tệp Excel (.xlsx) ngay trong trình duyệt, không cần cài Excel. Tệp chỉ nằm trên máy của bạn, không gửi đi đâu. Sau lần mở đầu tiên, trang vẫn dùng được khi mất mạng.',
    introNext: 'Mở các tệp thôn gửi về, hoặc dùng thử với xã mẫu (6 thôn, 5 ban ngành). Làm xong, bấm "Tải xuống" để lưu sổ.',
    loading: 'Đang mở…',
    loadingOf: (done: number, total: number, name: string) => `Đang mở tệp ${done}/${total}: ${name}…`,
    saving: 'Đang tạo tệp…',
    opened: (sheets: number, files: number) => `Đã mở ${sheets} trang từ ${files} tệp.`,
    demoLoaded: (sheets: number) => `Đã nạp xã mẫu Tân Lập (${sheets} trang).`,
    blankMade: 'Đã tạo sổ trống: vào "Cài đặt", rồi "Biểu mẫu" để chèn biểu.',
    saved: (name: string) => `Đã tải xuống ${name}.`,
    replace: 'Thay sổ đang mở bằng sổ mới? Những thay đổi chưa tải xuống sẽ mất.',
    unsaved: 'Có thay đổi chưa tải xuống.',
    updated: 'Đã có phiên bản mới của LKH, đã lưu sẵn để dùng cả khi mất mạng. Sổ đang mở không bị ảnh hưởng; lần mở trang sau sẽ dùng phiên bản mới.',
    notXlsx: (names: string) => `Chỉ mở được tệp .xlsx (Excel 2007 trở lên): ${names}. Tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  },
  en: {
    title: 'LKH — Commune planning',
    open: 'Open files',
    openHint: 'Choose one or more .xlsx files: one file is worked on as it is; several village files are merged into a new workbook as tabs. To add files to the open workbook, use the pane\'s "Files" tab.',
    demo: 'Try the demo commune',
    demoShort: 'Demo',
    blank: 'Blank workbook',
    download: 'Download',
    intro: 'Plan a commune on Excel files (.xlsx) in the browser, without Excel. Files stay on this computer. After the first visit the page works without network.',
    introNext: 'Open the files the villages sent, or try the demo commune (6 villages, 5 departments). When done, "Download" saves the workbook.',
    loading: 'Opening…',
    loadingOf: (done: number, total: number, name: string) => `Opening file ${done} of ${total}: ${name}…`,
    saving: 'Building the file…',
    opened: (sheets: number, files: number) => `Opened ${sheets} sheet(s) from ${files} file(s).`,
    demoLoaded: (sheets: number) => `Demo commune Tân Lập loaded (${sheets} sheets).`,
    blankMade: 'Blank workbook created: set it up in "Settings", then insert forms.',
    saved: (name: string) => `Downloaded ${name}.`,
    replace: 'Replace the open workbook? Changes not downloaded will be lost.',
    unsaved: 'Changes not downloaded yet.',
    updated: 'A new version of LKH has been saved for use offline too. The open workbook is not affected; the next time the page is opened it uses the new version.',
    notXlsx: (names: string) => `Only .xlsx files can be opened: ${names}. Save old .xls files as .xlsx in Excel first.`,
  },
} as const;

const useStyles = makeStyles({
  // The whole window's width (issue 20: not capped near 760 px at 1280 px); very wide screens keep a margin.
  page: { maxWidth: '1600px', marginLeft: 'auto', marginRight: 'auto', paddingBottom: tokens.spacingVerticalXXL },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyBase,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginRight: 'auto', whiteSpace: 'nowrap' },
  // At a narrow width with a workbook open, the page's name is "LKH": its three buttons stay on one row.
  brandLong: { '@media (max-width: 479px)': { display: 'none' } },
  status: { paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
  // What the page just did, in one compact line (the pane's own line says what is next).
  statusLine: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  success: { color: tokens.colorPaletteGreenForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  intro: {
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { display: 'none' },
});

interface Status {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  /** Our own lines follow the language when it is switched; an error's text is shown as it came. */
  readonly text: string | ((t: (typeof TEXT)[Lang]) => string);
}

/** Counts changes made through the pane, so the page can warn before it is closed. */
function tracked(client: LocalClient, changed: () => void): LocalClient {
  const mark =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const r = await fn(...args);
      changed();
      return r;
    };
  return {
    ...client,
    saveSettings: mark(client.saveSettings),
    insertForm: mark(client.insertForm),
    consolidate: mark(client.consolidate),
    createBallot: mark(client.createBallot),
    rankFromBallot: mark(client.rankFromBallot),
    importFiles: mark(client.importFiles),
    // Recorded in the plan's state (the year counts what was handed over).
    exportPackage: mark(client.exportPackage),
    ...(client.downloadDocument ? { downloadDocument: mark(client.downloadDocument) } : {}),
    ...(client.undoLastChange ? { undoLastChange: mark(client.undoLastChange) } : {}),
    setChecklistTick: mark(client.setChecklistTick),
    ...(client.setChecklistDates ? { setChecklistDates: mark(client.setChecklistDates) } : {}),
  };
}

async function readFiles(list: FileList | readonly File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function StandaloneApp() {
  const styles = useStyles();
  // The choice is remembered across reloads (localStorage, guarded).
  const [lang, setLang] = useRememberedLang();
  const t = TEXT[lang];
  const [workbook, setWorkbook] = useState<XlsxWorkbook | undefined>(undefined);
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // What was just done, for the pane's next step: it opens on "Tổng hợp" after the demo and after opening files.
  const [start, setStart] = useState<'demo' | 'opened' | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const dirty = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // A new release took over while the page was open (the service worker changed): say so, once.
  const [updated, setUpdated] = useState(false);
  useEffect(() => registerOffline({ onUpdated: () => setUpdated(true) }), []);

  const client = useMemo(
    () =>
      workbook
        ? tracked(createLocalClient({ host: 'standalone', port: workbook }), () => {
            dirty.current = true;
            // The pane now says what is next: the page's line about opening is old news.
            setStatus(undefined);
          })
        : undefined,
    [workbook],
  );

  const run = async (label: string, fn: () => Promise<Status | undefined>) => {
    if (busy) return;
    setBusy(label);
    setStatus(undefined);
    try {
      const s = await fn();
      if (s) setStatus(s);
    } catch (e) {
      setStatus({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const replaceOk = () => !workbook || !dirty.current || window.confirm(t.replace);

  const show = (wb: XlsxWorkbook, name: string | undefined, from?: 'demo' | 'opened') => {
    setStart(from);
    setWorkbook(wb);
    setFileName(name);
    setGeneration((g) => g + 1);
  };

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files ? [...e.target.files] : [];
    e.target.value = '';
    if (list.length === 0) return;
    const wrong = list.filter((f) => !/\.xlsx$/i.test(f.name));
    if (wrong.length > 0) {
      setStatus({ intent: 'error', text: (x) => x.notXlsx(wrong.map((f) => f.name).join(', ')) });
      return;
    }
    if (!replaceOk()) return;
    void run(t.loading, async () => {
      const [mod, files] = await Promise.all([loadWorkbookModule(), readFiles(list)]);
      // "Đang mở tệp 12/50: …" while the villages' files are read one after the other.
      const opened = await mod.openFiles(files, (done, total, name) => setBusy(t.loadingOf(done, total, name)));
      // One file opened as it is has nothing new yet; several merged make a workbook not saved anywhere.
      dirty.current = files.length > 1;
      show(opened.workbook, opened.fileName, 'opened');
      // A damaged file among several is named (its own sentence); the others are open.
      const failed = opened.failed ?? [];
      if (failed.length > 0) return { intent: 'warning', text: (x) => `${x.opened(opened.sheets.length, files.length - failed.length)} ${failed.map((f) => f.message).join(' ')}` };
      return { intent: 'success', text: (x) => x.opened(opened.sheets.length, files.length) };
    });
  };

  const onDemo = () => {
    if (!replaceOk()) return;
    void run(t.loading, async () => {
      const mod = await loadWorkbookModule();
      const opened = await mod.loadDemo();
      dirty.current = false;
      show(opened.workbook, undefined, 'demo');
      return { intent: 'success', text: (x) => x.demoLoaded(opened.sheets.length) };
    });
  };

  const onBlank = () => {
    if (!replaceOk()) return;
    void run(t.loading, async () => {
      const mod = await loadWorkbookModule();
      dirty.current = false;
      show(mod.newWorkbook(), undefined);
      return { intent: 'info', text: (x) => x.blankMade };
    });
  };

  const onDownload = () => {
    if (!workbook) return;
    void run(t.saving, async () => {
      const mod = await loadWorkbookModule();
      const name = await mod.saveName(workbook, fileName);
      downloadBytes(name, await mod.saveWorkbook(workbook));
      dirty.current = false;
      return { intent: 'success', text: (x) => x.saved(name) };
    });
  };

  // Closing the tab loses the workbook: ask first when something was not downloaded.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.page}>
        <header className={styles.bar}>
          {workbook ? (
            <span className={styles.brand}>
              LKH<span className={styles.brandLong}>{t.title.slice(3)}</span>
            </span>
          ) : (
            <span className={styles.brand}>{t.title}</span>
          )}
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t.open}
            data-testid="lkh-open-input"
            onChange={onFiles}
          />
          <Button size={workbook ? 'small' : 'medium'} appearance={workbook ? 'secondary' : 'primary'} disabled={Boolean(busy)} title={t.openHint} onClick={() => input.current?.click()}>
            {t.open}
          </Button>
          <Button size={workbook ? 'small' : 'medium'} disabled={Boolean(busy)} onClick={onDemo}>
            {workbook ? t.demoShort : t.demo}
          </Button>
          <Button size={workbook ? 'small' : 'medium'} appearance={workbook ? 'primary' : 'secondary'} disabled={!workbook || Boolean(busy)} onClick={onDownload}>
            {t.download}
          </Button>
        </header>
        {busy ? (
          <div className={styles.status}>
            <Spinner size="tiny" label={busy} labelPosition="after" />
          </div>
        ) : null}
        {updated ? (
          <div className={styles.status} role="status" data-testid="lkh-updated">
            <MessageBar intent="info">
              <MessageBarBody>{t.updated}</MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        {status && !workbook ? (
          <div className={styles.status} role="status">
            <MessageBar intent={status.intent} layout="multiline">
              <MessageBarBody>{typeof status.text === 'function' ? status.text(t) : status.text}</MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        {status && workbook ? (
          <p className={`${styles.statusLine} ${styles[status.intent]}`} role="status">
            {typeof status.text === 'function' ? status.text(t) : status.text}
          </p>
        ) : null}
        {client ? (
          <LkhPane key={generation} client={client} host="standalone" lang={lang} onLangChange={setLang} {...(start ? { start } : {})} />
        ) : (
          <section className={styles.intro}>
            <p>{t.intro}</p>
            <p>{t.introNext}</p>
            <p className={styles.hint}>{t.openHint}</p>
            <Button appearance="subtle" disabled={Boolean(busy)} onClick={onBlank}>
              {t.blank}
            </Button>
          </section>
        )}
      </div>
    </FluentProvider>
  );
}

function main(): void {
  if (blocked()) return;
  try {
    createRoot(rootElement()).render(<StandaloneApp />);
    markStarted();
  } catch (e) {
    showFallback('failed', e instanceof Error ? e.message : String(e));
  }
}

main();
