/** Tệp: import .xlsx files received by e-mail as new sheets; export the package sent upward. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { readPicked } from '../files';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction, useCommand } from '../use-action';
import { Focused } from '../components/Focused';
import { LongList } from '../components/LongList';

export interface FilesScreenProps {
  readonly client: PaneClient;
  /** "Huyện", "Tỉnh Lào Cai": who the package goes to. */
  readonly upperLevelName: string;
  /** Told after files were added (how many tabs) and after the package was built (the pane's next step follows). */
  readonly onImported?: (sheets: number) => void;
  readonly onExported?: (fileName: string) => void;
  /** The pane's next-step button: choose the received files now. */
  readonly command?: { readonly kind: 'receive'; readonly seq: number } | undefined;
}

export { isXlsx, readBytes } from '../files';

export function useFilesState({ client, onImported, onExported }: FilesScreenProps) {
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  // "Đang đọc tệp 3/12: Thon-Na-Lin.xlsx": which file is being read, of how many.
  const [progress, setProgress] = useState<{ readonly done: number; readonly total: number; readonly name: string } | undefined>(undefined);
  const imp = useAction(async (files: readonly File[]) => {
    const picked = await readPicked(files);
    setSkipped(picked.skipped);
    setProgress(undefined);
    if (picked.files.length === 0) return undefined;
    const r = await client.importFiles(picked.files, (done, total, name) => setProgress({ done, total, name }));
    if (r.sheets.length > 0) onImported?.(r.sheets.length);
    return r;
  });
  const exp = useAction(async () => {
    const r = await client.exportPackage();
    onExported?.(r.fileName);
    return r;
  });
  return { imp, exp, skipped, progress };
}

const useStyles = makeStyles({
  hidden: { display: 'none' },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function FilesScreen(props: FilesScreenProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const { imp, exp, skipped, progress } = useFilesState(props);
  const input = useRef<HTMLInputElement>(null);
  useCommand(props.command, () => input.current?.click());
  const imported = imp.result;
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.files.importTitle}</h2>
      <p className={s.hint}>{t.files.importHint}</p>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.files.choose}
        data-testid="lkh-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) void imp.run(files);
        }}
      />
      <div className={s.actions}>
        <Button appearance="primary" disabled={imp.running} onClick={() => input.current?.click()}>
          {t.files.choose}
        </Button>
      </div>
      {imp.running ? (
        <Busy label={progress && progress.total > 1 ? t.files.readingOf(progress.done, progress.total, progress.name) : t.files.reading} {...(progress && progress.total > 1 ? { value: (progress.done - 1) / progress.total } : {})} />
      ) : null}
      {skipped.length > 0 && !imp.running ? <Notice intent="warning">{t.files.notXlsx(skipped.join(', '))}</Notice> : null}
      {imported && !imp.running && !imp.failed && (imported.sheets.length > 0 || !imported.failed?.length) ? (
        <Notice focus>{imported.sheets.length > 0 ? <LongList head={t.files.importedCount(imported.sheets.length)} items={imported.sheets} /> : t.files.importedNone}</Notice>
      ) : null}
      {imported && !imp.running && !imp.failed && imported.failed?.length ? (
        // Each file that could not be read, named; the others above were added.
        <Focused>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.files.failedTitle(imported.failed.length, imported.sheets.length > 0)}</MessageBarTitle>
            <ul className={styles.failures}>
              {imported.failed.map((f) => (
                <li key={f.name}>{f.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
        </Focused>
      ) : null}
      {imp.failed ? <ErrorBar error={imp.error} onDismiss={imp.clearError} /> : null}

      <section className={s.section}>
        <h2 className={s.title}>{t.files.exportTitle}</h2>
        <p className={s.hint}>{t.files.exportHint(props.upperLevelName)}</p>
        <div className={s.actions}>
          <Button appearance="primary" disabled={exp.running} onClick={() => void exp.run()}>
            {t.files.export}
          </Button>
        </div>
        {exp.running ? <Busy label={t.files.exporting} /> : null}
        {exp.result && !exp.running && !exp.failed ? <Notice focus>{t.files.exported(exp.result.fileName)}</Notice> : null}
        {exp.failed ? <ErrorBar error={exp.error} onDismiss={exp.clearError} /> : null}
      </section>
    </div>
  );
}
