/**
 * "Hoàn tác": the last consolidation (a merge accepted is one) or ranking undone from the "(cũ)"
 * copies it kept — each sheet it replaced changes places with its copy, so undoing again brings
 * the change back. Shown under an action's result where the client can undo.
 */
import { Button } from '@fluentui/react-components';
import type { PaneClient } from '../client';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';
import { ErrorBar, Notice } from './ErrorBar';
import { LongList } from './LongList';

export interface UndoLastProps {
  readonly client: Pick<PaneClient, 'undoLastChange'>;
  /** Told after each undo that changed the workbook (the screen hides the result it undid; a second undo brings it back). */
  readonly onUndone?: () => void;
}

export function UndoLast({ client, onUndone }: UndoLastProps) {
  const { t } = useI18n();
  const s = useScreenStyles();
  const undo = useAction(async () => {
    const r = client.undoLastChange ? ((await client.undoLastChange()) ?? null) : null;
    if (r) onUndone?.();
    return r;
  });
  if (!client.undoLastChange) return null;
  const r = undo.result;
  return (
    <div className={s.list}>
      <div className={s.actions}>
        <Button size="small" disabled={undo.running} onClick={() => void undo.run()}>
          {t.undo.button}
        </Button>
      </div>
      {r !== undefined && !undo.running && !undo.failed ? (
        <Notice intent={r ? 'success' : 'warning'} focus>
          {r ? <LongList head={t.undo.done(r.action)} items={r.restored} /> : t.undo.nothing}
        </Notice>
      ) : null}
      {undo.failed ? <ErrorBar error={undo.error} onDismiss={undo.clearError} /> : null}
    </div>
  );
}
