/**
 * Văn bản: the documents of the plan drafted from the workbook (core/src/documents), each with what
 * it holds and what it leaves to the commune, and a button that downloads it. The host drafts and
 * hands over the file (PaneClient.downloadDocument); a host without it shows the list only.
 * LkhPane loads this screen with React.lazy (its words are in i18n/documents.ts, loaded with it).
 */
import { Badge, Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { DocumentKind } from '../../src/documents/draft';
import type { DocumentDownload, PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { DOCUMENTS_STRINGS } from '../i18n/documents';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction, useCommand } from '../use-action';

/** In the order of the work: the draft plans (step 3), the answer to the villages, the assessment, the directive, the data, the handout (step 4). */
export const SCREEN_DOCUMENTS = ['II.7.A', 'II.7.B', 'II.10', 'II.1', 'II.2', 'II.8', 'handout'] as const satisfies readonly DocumentKind[];

const SHEETS: readonly DocumentKind[] = ['II.1', 'II.2', 'II.8'];

export interface DocumentsScreenProps {
  readonly client: Pick<PaneClient, 'downloadDocument' | 'insertHandoutSheet'>;
  /** The documents of the step shown, in its order (default: all of them). */
  readonly kinds?: readonly DocumentKind[];
  /** The pane's next-step button: draft this document now. */
  readonly command?: { readonly kind: 'draft'; readonly target: DocumentKind; readonly seq: number } | undefined;
}

export function DocumentsScreen({ client, kinds, command }: DocumentsScreenProps) {
  const { lang } = useI18n();
  const d = DOCUMENTS_STRINGS[lang];
  const s = useScreenStyles();
  const [last, setLast] = useState<DocumentKind | undefined>(undefined);
  const get = useAction(async (kind: DocumentKind): Promise<DocumentDownload & { kind: DocumentKind }> => {
    setLast(kind);
    if (!client.downloadDocument) throw new Error(d.unavailable);
    const r = await client.downloadDocument(kind);
    return { ...r, kind };
  });
  const sheet = useAction(async () => {
    if (!client.insertHandoutSheet) throw new Error(d.unavailable);
    return client.insertHandoutSheet();
  });
  useCommand(command, (c) => void get.run(c.target));
  const code = (kind: DocumentKind) => (kind === 'handout' ? d.handout : kind);
  const done = get.result && !get.running && !get.failed ? get.result : undefined;
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{d.title}</h2>
      <p className={s.hint}>{d.intro}</p>
      {client.downloadDocument ? null : <Notice intent="info">{d.unavailable}</Notice>}
      <ul className={s.list} aria-label={d.title}>
        {(kinds ?? SCREEN_DOCUMENTS).map((kind) => {
          const item = d.items[kind];
          const here = last === kind;
          return (
            <li key={kind} className={s.item} aria-label={item.name}>
              <div className={s.row}>
                <h3 className={s.subtitle}>{item.name}</h3>
                <Badge appearance="outline" size="small">
                  {SHEETS.includes(kind) ? d.sheet : d.word}
                </Badge>
              </div>
              <p className={s.text}>
                <strong>{d.contains}:</strong> {item.contains}
              </p>
              <p className={s.hint}>
                <strong>{d.leaves}:</strong> {item.leaves}
              </p>
              {client.downloadDocument ? (
                <div className={s.actions}>
                  <Button size="small" appearance={kind === 'II.7.A' || kind === 'II.7.B' ? 'primary' : 'secondary'} disabled={get.running} onClick={() => void get.run(kind)}>
                    {kind === 'handout' ? d.downloadHandout : d.download(kind)}
                  </Button>
                  {kind === 'handout' && client.insertHandoutSheet ? (
                    <Button size="small" disabled={sheet.running || get.running} onClick={() => void sheet.run()}>
                      {d.handoutSheet}
                    </Button>
                  ) : null}
                </div>
              ) : null}
              {here && get.running ? <Busy label={d.drafting(code(kind))} /> : null}
              {here && done ? (
                <Notice focus>
                  {d.downloaded(done.fileName)}
                  {done.blanks !== undefined && done.blanks > 0 ? ` ${d.blanks(done.blanks)}` : ''}
                  {done.note ? ` ${done.note}.` : ''}
                  {done.missing.length > 0 ? ` ${d.missing(done.missing.join(', '))}` : ''}
                </Notice>
              ) : null}
              {here && get.failed ? <ErrorBar error={get.error} onDismiss={get.clearError} /> : null}
              {kind === 'handout' && sheet.running ? <Busy label={d.handoutSheetBusy} /> : null}
              {kind === 'handout' && sheet.result && !sheet.running && !sheet.failed ? <Notice focus>{d.handoutSheetDone(sheet.result.sheet, sheet.result.charts, sheet.result.keptCopy)}</Notice> : null}
              {kind === 'handout' && sheet.failed ? <ErrorBar error={sheet.error} onDismiss={sheet.clearError} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export default DocumentsScreen;
