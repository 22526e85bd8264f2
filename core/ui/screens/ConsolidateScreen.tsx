/**
 * Tổng hợp: one-click consolidation, then what it did — the reconciliation sentence (nothing is
 * lost), activities sent back with their reasons, merge suggestions to accept, the funding
 * checks, the sheets written and the copies kept.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { ConsolidationStep, ConsolidationView } from '../../src/app/actions';
import { allCopies } from '../../src/port/types';
import type { CheckResult } from '../../src/workflow/plan';
import type { MergeSuggestion } from '../../src/workflow/types';
import type { PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { CellLink } from '../components/CellLink';
import { ErrorBar } from '../components/ErrorBar';
import { FindingList } from '../components/FindingList';
import { useI18n } from '../i18n/I18nProvider';
import type { Strings } from '../i18n/vi';
import { paintPauser } from '../paint';
import { useScreenStyles } from '../styles';
import { useAction, useCommand } from '../use-action';
import { Focused } from '../components/Focused';
import { UndoLast } from '../components/UndoLast';

export interface ConsolidateScreenProps {
  readonly client: PaneClient;
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** Told after each consolidation. */
  readonly onDone?: (view: ConsolidationView) => void;
  /** The pane's next-step button: consolidate now. */
  readonly command?: { readonly kind: 'consolidate'; readonly seq: number } | undefined;
}

/** The headline figures: "62 hoạt động · 6.775 triệu đồng · khớp". */
export function headlineText(v: ConsolidationView, t: Strings): string {
  const r = v.reconciliation;
  return t.consolidate.headline({ read: r.read.count, readAmount: r.read.amount, balanced: r.balanced });
}

/** The line under the spinner: which sheet is read, of how many, then building and writing the plan. */
export function progressLabel(p: ConsolidationStep | undefined, t: Strings): { label: string; value?: number } {
  if (!p) return { label: t.consolidate.running };
  if (p.stage === 'reading') return { label: t.consolidate.readingSheet(p.done, p.total, p.sheet), value: (p.done - 1) / Math.max(1, p.total) };
  return { label: p.stage === 'building' ? t.consolidate.building : t.consolidate.writing };
}

export function useConsolidateState(props: ConsolidateScreenProps) {
  const { client, onDone } = props;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // Answers to source conflicts (two versions of one unit's sheet), kept for every later run.
  const [versions, setVersions] = useState<Readonly<Record<string, string>>>({});
  // "Đang đọc biểu 12/50: Thôn Nà Hin - I.2…": told by hosts that consolidate in the page.
  const [progress, setProgress] = useState<ConsolidationStep | undefined>(undefined);
  const action = useAction(async (acceptMerges?: readonly string[]) => {
    const opts = { ...(acceptMerges ? { acceptMerges } : {}), ...(Object.keys(versions).length > 0 ? { sourceChoices: versions } : {}) };
    setProgress(undefined);
    const pause = paintPauser();
    const onProgress = (step: ConsolidationStep) => {
      setProgress(step);
      // A new stage is always painted; sheets at most every 100 ms.
      return pause(step.stage !== 'reading' || step.done === 1);
    };
    const view = await client.consolidate(Object.keys(opts).length > 0 ? opts : undefined, onProgress);
    setChosen(new Set());
    void names.run();
    onDone?.(view);
    return view;
  });
  const chooseVersion = (conflictId: string, key: string) => setVersions((cur) => ({ ...cur, [conflictId]: key }));
  // The workbook's sheets: what a consolidation will replace (and keep as copies), the copies there now.
  const names = useAction(() => client.listSheets());
  const clean = useAction(async () => {
    const r = await client.removeCopies();
    void names.run();
    return r;
  });
  const { run: listNames } = names;
  useEffect(() => {
    void listNames();
  }, [listNames]);
  const toggle = (id: string, on: boolean) =>
    setChosen((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const consolidate = () => void action.run();
  useCommand(props.command, consolidate);
  const acceptChosen = () => void action.run([...chosen]);
  return { action, chosen, toggle, consolidate, acceptChosen, versions, chooseVersion, clean, names, progress };
}

/** The sheets a consolidation writes; those already there are replaced, each kept as one "(cũ)" copy. */
export const PLAN_SHEETS: readonly string[] = ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C'];

const useStyles = makeStyles({
  suggestion: { alignItems: 'flex-start' },
  detail: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  headline: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  accordion: { minWidth: 0 },
  panel: { marginLeft: 0, marginRight: 0, paddingBottom: tokens.spacingVerticalS },
});

function CheckBadge({ passed, t }: { passed: CheckResult['passed']; t: Strings }) {
  if (passed === true)
    return (
      <Badge size="small" color="success">
        {t.consolidate.passed}
      </Badge>
    );
  if (passed === false)
    return (
      <Badge size="small" color="danger">
        {t.consolidate.failed}
      </Badge>
    );
  return (
    <Badge size="small" color="informative" appearance="outline">
      {t.consolidate.unknown}
    </Badge>
  );
}

/** One collapsible section of the result: its header with the count, its content under a labelled section. */
function ResultSection({ value, header, label, children }: { value: string; header: ReactNode; label: string; children: ReactNode }) {
  const s = useScreenStyles();
  const styles = useStyles();
  return (
    <AccordionItem value={value}>
      <AccordionHeader size="small">{header}</AccordionHeader>
      <AccordionPanel className={styles.panel}>
        <section className={s.section} aria-label={label}>
          {children}
        </section>
      </AccordionPanel>
    </AccordionItem>
  );
}

function suggestionLabel(m: MergeSuggestion): string {
  return [m.activity, m.unit, m.quantityText, m.place].filter(Boolean).join(', ');
}

export function ConsolidateScreen(props: ConsolidateScreenProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const { action, chosen, toggle, consolidate, acceptChosen, versions, chooseVersion, clean, names, progress } = useConsolidateState(props);
  const sheetNames = names.result ?? [];
  const replaced = PLAN_SHEETS.filter((x) => sheetNames.includes(x));
  const removed = new Set(clean.result?.removed ?? []);
  const copies = [...new Set([...allCopies(sheetNames), ...(action.result?.keptCopies ?? [])])].filter((x) => !removed.has(x));
  const [confirming, setConfirming] = useState(false);
  const v = action.result;
  const conflicts = v?.conflicts ?? [];
  const kept = v ? t.consolidate.kept(v.reconciliation.vanished, v.reconciliation.manual) : '';
  const open = v ? v.suggestions.filter((m) => !m.accepted) : [];
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.consolidate.title}</h2>
      <p className={s.hint}>{t.consolidate.intro}</p>
      {/* Before a replacing action: what it will replace and what is kept. */}
      <p className={s.hint}>{names.result ? (replaced.length > 0 ? t.consolidate.willReplace(replaced.join(', ')) : t.consolidate.willWrite) : t.consolidate.copyNote}</p>
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.running} onClick={consolidate}>
          {v ? t.consolidate.rerun : t.consolidate.run}
        </Button>
      </div>
      {action.running ? <Busy {...progressLabel(progress, t)} /> : null}
      {action.failed ? <ErrorBar error={action.error} onDismiss={action.clearError} /> : null}
      {conflicts.length > 0 ? (
        <section className={s.section} aria-label={t.consolidate.conflictsTitle}>
          <Focused id={v}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.consolidate.conflictsTitle}</MessageBarBody>
            </MessageBar>
          </Focused>
          <p className={s.hint}>{t.consolidate.conflictsHint}</p>
          {conflicts.map((c) => (
            <RadioGroup
              key={c.id}
              aria-label={t.consolidate.conflictOf(c.formId, c.unitName, c.sector)}
              value={versions[c.id] ?? ''}
              onChange={(_, d) => chooseVersion(c.id, d.value)}
            >
              <h3 className={s.subtitle}>{t.consolidate.conflictOf(c.formId, c.unitName, c.sector)}</h3>
              {c.candidates.map((x) => (
                <Radio key={x.key} value={x.key} label={t.consolidate.candidate(t.consolidate.candidateWhere(x.sheet, x.file, x.modified, x.imported), x.activities, x.amount)} />
              ))}
              <Radio value="all" label={t.consolidate.keepAll} />
            </RadioGroup>
          ))}
          <div className={s.actions}>
            <Button appearance="primary" disabled={action.running || conflicts.some((c) => versions[c.id] === undefined)} onClick={consolidate}>
              {t.consolidate.consolidateChosen}
            </Button>
          </div>
        </section>
      ) : null}
      {v && conflicts.length === 0 ? (
        <>
          {/* The result of the action: the focus goes to it. */}
          <Focused id={v}>
            <MessageBar intent={v.reconciliation.balanced ? 'success' : 'warning'} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle className={styles.headline}>{headlineText(v, t)}</MessageBarTitle>
              </MessageBarBody>
            </MessageBar>
          </Focused>
          <p className={s.text}>
            {t.consolidate.headlineDetail({
              written: v.reconciliation.written.count,
              writtenAmount: v.reconciliation.written.amount,
              returned: v.reconciliation.returned.count,
              returnedAmount: v.reconciliation.returned.amount,
            })}
            {kept ? ` ${kept}.` : ''}
          </p>
          <p className={s.text}>{t.consolidate.split(v.counts.ii6a, v.counts.ii6b)}</p>

          {/* Closed but for errors: the figures above come first, an error is never hidden. */}
          <Accordion className={styles.accordion} multiple collapsible defaultOpenItems={v.findings.some((f) => f.severity === 'error') ? ['findings'] : []}>
            {v.returned.length > 0 ? (
              <ResultSection value="returned" label={t.consolidate.returned} header={t.consolidate.section(t.consolidate.returned, v.returned.length)}>
                <ul className={s.list}>
                  {v.returned.map((r, i) => (
                    <li key={`${r.sheet}-${r.cell ?? i}`} className={s.item}>
                      <span className={s.row}>
                        <span className={styles.strong}>{r.activity}</span>
                        <span className={s.hint}>{t.consolidate.returnedFrom(r.origin)}</span>
                        <CellLink sheet={r.sheet} cell={r.cell} onSelect={props.onSelect} />
                      </span>
                      <p className={styles.detail}>{lang === 'en' ? (r.reasonEn ?? r.reason) : r.reason}</p>
                    </li>
                  ))}
                </ul>
              </ResultSection>
            ) : null}

            {v.suggestions.length > 0 ? (
              <ResultSection value="suggestions" label={t.consolidate.suggestions} header={t.consolidate.section(t.consolidate.suggestions, v.suggestions.length)}>
                <p className={s.hint}>{t.consolidate.suggestionsHint}</p>
                <ul className={s.list}>
                  {v.suggestions.map((m) => (
                    <li key={m.id}>
                      <Checkbox
                        className={styles.suggestion}
                        checked={m.accepted || chosen.has(m.id)}
                        disabled={m.accepted || action.running}
                        onChange={(_, d) => toggle(m.id, d.checked === true)}
                        label={m.accepted ? `${suggestionLabel(m)} (${t.consolidate.alreadyMerged})` : suggestionLabel(m)}
                      />
                    </li>
                  ))}
                </ul>
                {open.length > 0 ? (
                  <div className={s.actions}>
                    <Button disabled={chosen.size === 0 || action.running} onClick={acceptChosen}>
                      {t.consolidate.acceptMerges}
                    </Button>
                  </div>
                ) : null}
              </ResultSection>
            ) : null}

            {v.checks.length > 0 ? (
              <ResultSection value="checks" label={t.consolidate.checks} header={<>{t.consolidate.section(t.consolidate.checks, v.checks.length)} · {t.consolidate.checksFailed(v.checks.filter((c) => c.passed === false).length)}</>}>
                <ul className={s.list}>
                  {v.checks.map((c) => (
                    <li key={c.id} className={s.item}>
                      <span className={s.row}>
                        <CheckBadge passed={c.passed} t={t} />
                        <span className={styles.strong}>{lang === 'en' ? (c.labelEn ?? c.label) : c.label}</span>
                      </span>
                      {c.detail ? <p className={styles.detail}>{lang === 'en' ? (c.detailEn ?? c.detail) : c.detail}</p> : null}
                    </li>
                  ))}
                </ul>
              </ResultSection>
            ) : null}

            {v.findings.length > 0 ? (
              <ResultSection value="findings" label={t.consolidate.findings} header={t.consolidate.section(t.consolidate.findings, v.findings.length)}>
                <FindingList findings={v.findings} onSelect={props.onSelect} />
              </ResultSection>
            ) : null}
          </Accordion>

          <section className={s.section}>
            {v.sheets.length > 0 ? <p className={s.text}>{t.consolidate.sheets(v.sheets.join(', '))}</p> : null}
            {v.keptCopies.length > 0 ? <p className={s.text}>{t.consolidate.copies(v.keptCopies.join(', '))}</p> : null}
            {v.keptCopies.length > 0 ? <UndoLast key={String(v.sheets.length) + v.keptCopies.join()} client={props.client} /> : null}
          </section>
        </>
      ) : null}
      {copies.length > 0 || confirming || clean.result || clean.failed ? (
        <section className={s.section} aria-label={t.consolidate.removeCopies}>
          {copies.length > 0 && !v ? <p className={s.text}>{t.consolidate.copiesPresent(copies.length, copies.join(', '))}</p> : null}
          {copies.length > 0 && !confirming ? (
            <div className={s.actions}>
              <Button disabled={clean.running} onClick={() => setConfirming(true)}>
                {t.consolidate.removeCopies}
              </Button>
            </div>
          ) : null}
          {confirming ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t.consolidate.removeCopiesConfirm}{' '}
                <Button
                  size="small"
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    void clean.run();
                  }}
                >
                  {t.consolidate.removeCopies}
                </Button>{' '}
                <Button size="small" onClick={() => setConfirming(false)}>
                  {t.common.close}
                </Button>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {clean.result ? <p className={s.text}>{t.consolidate.removedCopies(clean.result.removed.length)}</p> : null}
          {clean.failed ? <ErrorBar error={clean.error} onDismiss={clean.clearError} /> : null}
        </section>
      ) : null}
    </div>
  );
}
