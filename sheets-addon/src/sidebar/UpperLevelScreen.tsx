/**
 * Cấp trên: the upper level (huyện/tỉnh) rolls the communes up in one click — the communes' tabs
 * of this shared spreadsheet, and .xlsx files uploaded here (added as tabs first). Shows what was
 * read and written, per commune, and what to look at (each with its cell, selected on click).
 */
import { Badge, Button, Field, Input, Link } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FindingView } from '../../../core/src/app/actions';
import { parseNumber } from '../../../core/src/text';
import type { RollUpView } from '../server/entry-points';
import type { SheetsClient } from './remote';
import { ErrorMessage, Notice, useCall, useSidebarI18n, useSidebarStyles } from './ui';
import { readPicked } from '../../../core/ui/files';

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
  const fundsValue = parseFunds(funds);
  const fundsInvalid = fundsValue !== undefined && Number.isNaN(fundsValue);
  const upload = useCall(async (files: readonly File[]) => {
    const picked = await readPicked(files);
    setSkipped(picked.skipped);
    if (picked.files.length === 0) return undefined;
    return client.importFiles(picked.files);
  });
  const roll = useCall(() => client.rollUp(fundsValue !== undefined ? { funds: fundsValue } : {}));
  const select = useCall((sheet: string, cell: string) => client.selectCell(sheet, cell));
  const onSelect = (sheet: string, cell: string) => void select.run(sheet, cell);
  const uploaded = upload.result;

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
        <Button disabled={upload.running || roll.running} onClick={() => input.current?.click()}>
          {t.upper.upload}
        </Button>
      </div>
      {upload.running ? <p className={s.hint}>{t.upper.uploading}</p> : null}
      {skipped.length > 0 && !upload.running ? <Notice intent="warning">{t.upper.notXlsx(skipped.join(', '))}</Notice> : null}
      {uploaded && !upload.running && !upload.failed ? (
        <Notice>{uploaded.sheets.length > 0 ? t.upper.uploaded(uploaded.sheets.length, uploaded.sheets.join(', ')) : t.upper.uploadedNone}</Notice>
      ) : null}
      {upload.failed ? <ErrorMessage error={upload.error} onDismiss={upload.clearError} /> : null}

      <Field label={t.upper.funds} hint={t.upper.fundsHint} validationState={fundsInvalid ? 'error' : 'none'} validationMessage={fundsInvalid ? t.upper.fundsInvalid : undefined}>
        <Input inputMode="decimal" value={funds} onChange={(_, d) => setFunds(d.value)} />
      </Field>
      <p className={s.hint}>{t.upper.rerunNote}</p>
      <div className={s.actions}>
        <Button appearance="primary" disabled={roll.running || upload.running || fundsInvalid} onClick={() => void roll.run()}>
          {roll.result ? t.upper.rerun : t.upper.run}
        </Button>
      </div>
      {roll.running ? <p className={s.hint}>{t.upper.running}</p> : null}
      {roll.failed ? <ErrorMessage error={roll.error} onDismiss={roll.clearError} /> : null}
      {select.failed ? <ErrorMessage error={select.error} onDismiss={select.clearError} /> : null}
      {roll.result && !roll.running ? <RollUpResult v={roll.result} onSelect={onSelect} /> : null}
    </div>
  );
}
