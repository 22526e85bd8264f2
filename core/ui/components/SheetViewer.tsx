/**
 * Xem sổ (the standalone page only): pick any sheet of the open workbook and see it as a read-only
 * grid, the findings of the last check marked on their cells. Clicking a finding anywhere in the
 * pane opens this view at its cell (LkhPane passes the target). It says how to fix what is
 * marked: download, fix in Excel, open again.
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FindingView } from '../../src/app/actions';
import type { SheetData } from '../../src/port/types';
import type { PaneClient } from '../client';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';
import { Busy } from './Busy';
import { ErrorBar, Notice } from './ErrorBar';
import { FindingList } from './FindingList';
import type { GridMark, GridTarget } from './SheetGrid';
import { SheetGrid } from './SheetGrid';

/** A cell to show: which sheet, which cell, and a counter so the same cell can be asked for again. */
export interface ViewTarget {
  readonly sheet: string;
  readonly cell: string;
  readonly seq: number;
}

export interface SheetViewerProps {
  readonly client: PaneClient & Required<Pick<PaneClient, 'readSheet'>>;
  /** The tab is showing: sheets and findings are read again (the workbook may have changed). */
  readonly active: boolean;
  readonly target?: ViewTarget;
  /** Height of the grid (px). */
  readonly height?: number;
}

const useStyles = makeStyles({
  picker: { maxWidth: '100%', minWidth: 0 },
  select: { maxWidth: '100%', minWidth: 0, width: '100%' },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}` },
});

export function SheetViewer({ client, active, target, height }: SheetViewerProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | undefined>(target?.sheet);
  const [local, setLocal] = useState<GridTarget | undefined>(target ? { cell: target.cell, seq: target.seq } : undefined);
  const sheets = useAction(async () => (await client.listSheets()).filter((n) => !n.startsWith('_lkh')));
  const check = useAction(() => client.validate());
  // The sheet shown, read whenever the tab shows or another sheet is chosen; a read overtaken by
  // a newer one is dropped (useAction would ignore the newer call while the first runs).
  const readSheet = useRef(client.readSheet);
  readSheet.current = client.readSheet;
  const [reload, setReload] = useState(0);
  const [read, setRead] = useState<{ running: boolean; data?: SheetData; error?: unknown }>({ running: false });
  useEffect(() => {
    if (!active || !chosen) return;
    let live = true;
    setRead((r) => ({ ...r, running: true, error: undefined }));
    readSheet.current(chosen).then(
      (data) => live && setRead({ running: false, data }),
      (error: unknown) => live && setRead({ running: false, error }),
    );
    return () => {
      live = false;
    };
  }, [active, chosen, reload]);

  const { run: listRun } = sheets;
  const { run: checkRun } = check;
  useEffect(() => {
    if (!active) return;
    void listRun().then((names) => {
      if (names && names.length > 0) setChosen((cur) => (cur && names.includes(cur) ? cur : names[0]));
    });
    void checkRun();
  }, [active, listRun, checkRun]);

  // A finding clicked elsewhere in the pane: its sheet, scrolled to its cell.
  useEffect(() => {
    if (!target) return;
    setChosen(target.sheet);
    setLocal((cur) => ({ cell: target.cell, seq: (cur?.seq ?? 0) + 1 }));
  }, [target]);

  const names = sheets.result ?? [];
  const data = read.data && read.data.name === chosen ? read.data : undefined;
  const findings: readonly FindingView[] = useMemo(() => (check.result?.findings ?? []).filter((f) => f.sheet === chosen), [check.result, chosen]);
  const marks: GridMark[] = useMemo(
    () => findings.flatMap((f) => (f.cell ? [{ cell: f.cell, severity: f.severity, message: lang === 'en' && f.messageEn ? f.messageEn : f.message }] : [])),
    [findings, lang],
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const empty = data !== undefined && data.values.length === 0;

  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.sheet.title}</h2>
      <p className={s.hint}>{t.sheet.intro}</p>
      {sheets.failed ? <ErrorBar error={sheets.error} onDismiss={sheets.clearError} /> : null}
      {!sheets.running && sheets.result && names.length === 0 ? <p className={s.hint}>{t.sheet.none}</p> : null}
      {names.length > 0 ? (
        <Field className={styles.picker} label={t.sheet.pick}>
          <Select
            className={styles.select}
            value={chosen ?? ''}
            onChange={(_, d) => {
              setChosen(d.value);
              setLocal(undefined);
            }}
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {read.running ? <Busy label={t.sheet.loading} /> : null}
      {read.error !== undefined ? <ErrorBar error={read.error} onDismiss={() => setRead((r) => ({ ...r, error: undefined }))} /> : null}
      {findings.length > 0 ? (
        <div className={styles.legend}>
          <span className={s.hint}>{t.sheet.marked(errors, findings.length - errors)}</span>
          <span className={s.hint}>
            <span className={`${styles.swatch} ${styles.error}`} />
            {t.validate.error}
          </span>
          <span className={s.hint}>
            <span className={`${styles.swatch} ${styles.warning}`} />
            {t.validate.warning}
          </span>
        </div>
      ) : null}
      {data && !empty ? <SheetGrid sheet={data} marks={marks} label={t.sheet.grid(data.name)} locale={t.locale} {...(local ? { target: local } : {})} {...(height ? { height } : {})} /> : null}
      {empty ? <p className={s.hint}>{t.sheet.empty}</p> : null}
      {findings.length > 0 ? <Notice intent="info">{t.sheet.fix}</Notice> : <p className={s.hint}>{t.sheet.readOnly}</p>}
      {findings.length > 0 ? (
        <FindingList findings={findings} onSelect={(_, cell) => setLocal((cur) => ({ cell, seq: (cur?.seq ?? 0) + 1 }))} />
      ) : null}
      <div className={s.actions}>
        <Button size="small" disabled={check.running || sheets.running} onClick={() => {
            void listRun();
            void checkRun();
            setReload((n) => n + 1);
          }}>
          {t.sheet.refresh}
        </Button>
      </div>
    </div>
  );
}
