/**
 * Cấp trên: the upper level (huyện/tỉnh, the province since 2026) imports the communes' .xlsx
 * packages into the long tables (in batches within Google's 6 minutes, with progress, resumable;
 * no tab per commune), then rolls them up in one click. Shows what was read and written, per
 * commune, and what to look at (each with its cell, selected on click); prints one commune's
 * feedback ("Phiếu phản hồi") and downloads every commune's feedback file as one .zip.
 */
import { Badge, Button, Field, Input, Link, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FindingView } from '../../../core/src/app/actions';
import { parseNumber } from '../../../core/src/text';
import type { RollUpView } from '../server/entry-points';
import type { SheetsClient } from './remote';
import { ErrorMessage, Notice, useCall, useSidebarI18n, useSidebarStyles } from './ui';
import { readPicked } from '../../../core/ui/files';
import type { PackagesOutcome } from './packages';
import type { UploadedFile } from './xlsx-import';

export interface UpperLevelScreenProps {
  readonly client: SheetsClient;
  /** "Huyện Bắc Hà", from the settings. */
  readonly upperLevelName: string;
  /** The settings' level is huyện or tỉnh. */
  readonly isUpper: boolean;
}

/**
 * The funds typed, read as every amount is (core's parseNumber, as `lkh district --funds`):
 * "1.500,5", "1,000", "1 500", "1500.5". Undefined when empty, NaN when not a number ≥ 0.
 */
export function parseFunds(text: string): number | undefined {
  const p = parseNumber(text);
  if (!p.ok) return p.reason === 'empty' ? undefined : Number.NaN;
  return p.value >= 0 ? p.value : Number.NaN;
}

function ProblemList({ items, onSelect }: { items: readonly FindingView[]; onSelect: (sheet: string, cell: string) => void }) {
  const s = useSidebarStyles();
  const { lang } = useSidebarI18n();
  return (
    <ul className={s.list}>
      {items.map((f, i) => (
        <li key={`${f.code}-${f.sheet}-${f.cell ?? ''}-${i}`} className={s.item}>
          <span className={s.actions}>
            <Badge size="small" color={f.severity === 'error' ? 'danger' : 'warning'}>
              {f.sheet}
            </Badge>
            {f.cell ? (
              <Link as="button" inline onClick={() => onSelect(f.sheet, f.cell as string)}>
                {f.cell}
              </Link>
            ) : null}
          </span>
          <span>{lang === 'en' && f.messageEn ? f.messageEn : f.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function RollUpResult({ v, onSelect }: { v: RollUpView; onSelect: (sheet: string, cell: string) => void }) {
  const { t } = useSidebarI18n();
  const s = useSidebarStyles();
  const r = v.reconciliation;
  const kept = t.upper.kept(r.keptAppraisals, r.vanished);
  const problems = [...v.issues, ...v.findings];
  const skipped = v.read.filter((x) => !x.used).length;
  return (
    <>
      <Notice intent={r.balanced ? 'success' : 'warning'}>
        {t.upper.reconciliation(v.communes.length, r.read.count, r.read.amount, r.written.count, r.written.amount, r.balanced)}
        {kept ? ` ${kept}.` : ''}
      </Notice>
      <p className={s.text}>{t.upper.ranking(v.ranking.accepted, v.ranking.withinFunds, v.funds)}</p>
      {v.communes.length > 0 ? (
        <section className={s.section} aria-label={t.upper.communes}>
          <h3 className={s.subtitle}>{t.upper.communes}</h3>
          <ul className={s.list}>
            {v.communes.map((c) => (
              <li key={c.name} className={s.item}>
                <span>{t.upper.commune(c.name, c.activities, c.total)}</span>
                <span>
                  {t.upper.verdicts(c.accepted, c.rejected, c.pending)}
                  {c.balanced ? '' : ` — ${t.upper.unbalanced}`}
                  {c.iii1 ? ` — ${t.upper.iii1(c.iii1.within)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {problems.length > 0 ? (
        <section className={s.section} aria-label={t.upper.problems}>
          <h3 className={s.subtitle}>{t.upper.problems}</h3>
          <ProblemList items={problems} onSelect={onSelect} />
          {v.omitted > 0 ? <p className={s.hint}>{t.upper.omitted(v.omitted)}</p> : null}
        </section>
      ) : null}
      <section className={s.section}>
        <p className={s.text}>{t.upper.sheets(v.sheets.join(', '))}</p>
        {v.keptCopies.length > 0 ? <p className={s.hint}>{t.upper.copies(v.keptCopies.length)}</p> : null}
        {skipped > 0 ? <p className={s.hint}>{t.upper.skipped(skipped)}</p> : null}
        <p className={s.hint}>{t.upper.elapsed(Math.round(v.elapsedMs / 100) / 10)}</p>
      </section>
    </>
  );
}

export function UpperLevelScreen({ client, upperLevelName, isUpper }: UpperLevelScreenProps) {
  const { t } = useSidebarI18n();
  const s = useSidebarStyles();
  const input = useRef<HTMLInputElement>(null);
  const [funds, setFunds] = useState('');
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  // The files an import stopped before (resumed by "Nhập tiếp").
  const [left, setLeft] = useState<readonly UploadedFile[]>([]);
  const [commune, setCommune] = useState('');
  const [imported, setImported] = useState<PackagesOutcome | undefined>();
  const fundsValue = parseFunds(funds);
  const fundsInvalid = fundsValue !== undefined && Number.isNaN(fundsValue);
  const runImport = async (files: readonly UploadedFile[]) => {
    const outcome = await client.importPackages(files, (done, total) => setProgress({ done, total }));
    setLeft(files.slice(outcome.done));
    setImported(outcome);
    return outcome;
  };
  const upload = useCall(async (files: readonly File[]) => {
    const picked = await readPicked(files);
    setSkipped(picked.skipped);
    if (picked.files.length === 0) return undefined;
    return runImport(picked.files);
  });
  const resume = useCall(() => runImport(left));
  const roll = useCall(() => client.rollUp(fundsValue !== undefined ? { funds: fundsValue } : {}));
  const view = useCall((name: string) => client.feedbackView(name));
  const download = useCall(() => client.downloadFeedback((done, total) => setProgress({ done, total })));
  const importing = upload.running || resume.running;
  const communes = roll.result?.communes.filter((c) => c.activities > 0).map((c) => c.name) ?? [];
  const chosen = commune || roll.result?.feedbackCommune || communes[0] || '';
  const select = useCall((sheet: string, cell: string) => client.selectCell(sheet, cell));
  const onSelect = (sheet: string, cell: string) => void select.run(sheet, cell);

  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.upper.title}</h2>
      {!isUpper ? <Notice intent="info">{t.upper.notUpper}</Notice> : null}
      <p className={s.hint}>{t.upper.intro(upperLevelName)}</p>
      <p className={s.hint}>{t.upper.sources}</p>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.upper.upload}
        data-testid="lkh-upper-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) void upload.run(files);
        }}
      />
      <div className={s.actions}>
        <Button disabled={importing || roll.running} onClick={() => input.current?.click()}>
          {t.upper.upload}
        </Button>
        {left.length > 0 && !importing ? (
          <Button disabled={roll.running} onClick={() => void resume.run()}>
            {t.upper.resume(left.length)}
          </Button>
        ) : null}
      </div>
      {importing && progress ? (
        <p className={s.hint} role="status">
          {t.upper.importing(progress.done, progress.total)}
        </p>
      ) : null}
      {skipped.length > 0 && !importing ? <Notice intent="warning">{t.upper.notXlsx(skipped.join(', '))}</Notice> : null}
      {imported && !importing ? (
        imported.error !== undefined ? (
          <Notice intent="warning">{t.upper.importStopped(imported.done, imported.total, imported.error)}</Notice>
        ) : (
          <Notice intent={imported.communes.every((c) => c.balanced) ? 'success' : 'warning'}>
            {imported.communes.length > 0 ? t.upper.imported(imported.done, imported.communes.length, imported.communes.every((c) => c.balanced)) : t.upper.importedNone}
          </Notice>
        )
      ) : null}
      {imported && imported.issues.length > 0 && !importing ? <ProblemList items={imported.issues} onSelect={onSelect} /> : null}
      {upload.failed ? <ErrorMessage error={upload.error} onDismiss={upload.clearError} /> : null}
      {resume.failed ? <ErrorMessage error={resume.error} onDismiss={resume.clearError} /> : null}

      <Field label={t.upper.funds} hint={t.upper.fundsHint} validationState={fundsInvalid ? 'error' : 'none'} validationMessage={fundsInvalid ? t.upper.fundsInvalid : undefined}>
        <Input inputMode="decimal" value={funds} onChange={(_, d) => setFunds(d.value)} />
      </Field>
      <p className={s.hint}>{t.upper.rerunNote}</p>
      <div className={s.actions}>
        <Button appearance="primary" disabled={roll.running || importing || fundsInvalid} onClick={() => void roll.run()}>
          {roll.result ? t.upper.rerun : t.upper.run}
        </Button>
      </div>
      {roll.running ? <p className={s.hint}>{t.upper.running}</p> : null}
      {roll.failed ? <ErrorMessage error={roll.error} onDismiss={roll.clearError} /> : null}
      {select.failed ? <ErrorMessage error={select.error} onDismiss={select.clearError} /> : null}
      {roll.result && !roll.running ? <RollUpResult v={roll.result} onSelect={onSelect} /> : null}
      {communes.length > 0 && !roll.running ? (
        <section className={s.section} aria-label={t.upper.feedbackPick}>
          <Field label={t.upper.feedbackPick}>
            <Select value={chosen} onChange={(_, d) => setCommune(d.value)}>
              {communes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.actions}>
            <Button disabled={view.running || chosen === ''} onClick={() => void view.run(chosen)}>
              {t.upper.feedbackShow}
            </Button>
            <Button disabled={download.running} onClick={() => void download.run()}>
              {t.upper.downloadFeedback}
            </Button>
          </div>
          {view.result && !view.running ? <p className={s.text}>{t.upper.feedbackShown(view.result.commune, view.result.activities)}</p> : null}
          {download.running && progress ? <p className={s.hint}>{t.upper.downloading(progress.done, progress.total)}</p> : null}
          {download.result && !download.running ? <p className={s.text}>{t.upper.downloaded(download.result.files, download.result.fileName)}</p> : null}
          {view.failed ? <ErrorMessage error={view.error} onDismiss={view.clearError} /> : null}
          {download.failed ? <ErrorMessage error={download.error} onDismiss={download.clearError} /> : null}
        </section>
      ) : null}
    </div>
  );
}
