/**
 * Xếp ưu tiên: choose the list (II.6.B by default, II.6.A, a village's I.2), the method (marks /
 * beans, or scoring by criteria — the handbook's four by default, editable) and the number of
 * participants; create the ballot; then rank from the filled ballot.
 */
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { FindingList } from '../components/FindingList';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction } from '../use-action';

/** The handbook's criteria (L700-L703, L3745-L3748); the same as the core's DEFAULT_CRITERIA. */
export const HANDBOOK_CRITERIA: readonly string[] = ['Tính phù hợp', 'Hiệu quả chi phí', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi'];

export type RankMethodKind = 'marks' | 'scores';

export interface RankingScreenProps {
  readonly client: PaneClient;
  readonly onSelect?: (sheet: string, cell: string) => void;
}

const isBallot = (name: string): boolean => /^phiếu ưu tiên/iu.test(name.normalize('NFC'));

/** 0 for II.6.B, 1 for II.6.A, 2 for an I.2 tab, undefined for other sheets. */
export function listRank(name: string): number | undefined {
  if (isBallot(name)) return undefined;
  if (/II\.6\.B\b/u.test(name)) return 0;
  if (/II\.6\.A\b/u.test(name)) return 1;
  if (/(?:^|[^I])I\.2\b/u.test(name)) return 2;
  return undefined;
}

/** Activity lists first (II.6.B, II.6.A, I.2), then the other sheets (not ballots). */
export function splitSheets(sheets: readonly string[]): { lists: string[]; others: string[]; ballots: string[] } {
  const lists = sheets.filter((n) => listRank(n) !== undefined).sort((a, b) => (listRank(a) ?? 9) - (listRank(b) ?? 9));
  const ballots = sheets.filter(isBallot);
  const others = sheets.filter((n) => listRank(n) === undefined && !isBallot(n));
  return { lists, others, ballots };
}

export function parseParticipants(text: string): number | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : undefined;
}

export function useRankingState({ client }: RankingScreenProps) {
  const sheets = useAction(() => client.listSheets());
  const [listSheet, setListSheet] = useState('');
  const [method, setMethod] = useState<RankMethodKind>('marks');
  const [criteria, setCriteria] = useState<readonly string[]>(HANDBOOK_CRITERIA);
  const [participants, setParticipants] = useState('10');
  const [ballotSheet, setBallotSheet] = useState('');
  /** Ballots created in this session and the list each one is for. */
  const [ballotLists, setBallotLists] = useState<Readonly<Record<string, string>>>({});

  const { run: loadSheets } = sheets;
  const reload = async () => {
    const names = await loadSheets();
    if (!names) return;
    const { lists, others, ballots } = splitSheets(names);
    setListSheet((cur) => (cur && names.includes(cur) ? cur : (lists[0] ?? others[0] ?? '')));
    setBallotSheet((cur) => (cur && names.includes(cur) ? cur : (ballots[0] ?? '')));
  };
  useEffect(() => {
    void reload();
    // Loaded when the screen opens; the reload button refreshes.
  }, [loadSheets]);

  const cleanCriteria = criteria.map((c) => c.trim()).filter(Boolean);
  const count = parseParticipants(participants);
  const participantsInvalid = count === undefined;
  const criteriaInvalid = method === 'scores' && cleanCriteria.length === 0;

  const create = useAction(async () => {
    const r = await client.createBallot({
      listSheet,
      method,
      ...(count !== undefined ? { participants: count } : {}),
      ...(method === 'scores' ? { criteria: cleanCriteria } : {}),
    });
    setBallotLists((m) => ({ ...m, [r.sheet]: listSheet }));
    await reload();
    setBallotSheet(r.sheet);
    return r;
  });
  const rank = useAction(() => {
    const list = ballotLists[ballotSheet];
    return client.rankFromBallot({ ballotSheet, ...(list ? { listSheet: list } : {}) });
  });

  return {
    sheets,
    reload,
    listSheet,
    setListSheet,
    method,
    setMethod,
    criteria,
    setCriterion: (i: number, v: string) => setCriteria((cs) => cs.map((c, j) => (j === i ? v : c))),
    removeCriterion: (i: number) => setCriteria((cs) => cs.filter((_, j) => j !== i)),
    addCriterion: () => setCriteria((cs) => [...cs, '']),
    resetCriteria: () => setCriteria(HANDBOOK_CRITERIA),
    participants,
    setParticipants,
    participantsInvalid,
    criteriaInvalid,
    create,
    ballotSheet,
    setBallotSheet,
    rank,
  };
}

const useStyles = makeStyles({
  criterion: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  grow: { flexGrow: 1, minWidth: 0 },
  table: { tableLayout: 'auto' },
  rankCell: { width: '44px' },
  totalCell: { width: '64px', textAlign: 'right' },
});

export function RankingScreen(props: RankingScreenProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const st = useRankingState(props);
  const names = st.sheets.result ?? [];
  const { lists, others, ballots } = splitSheets(names);
  const ranked = st.rank.result;
  return (
    <div className={s.screen}>
      <h2 className={s.title}>{t.ranking.title}</h2>
      {st.sheets.running && names.length === 0 ? <Spinner size="tiny" labelPosition="after" label={t.common.working} /> : null}
      {st.sheets.failed ? <ErrorBar error={st.sheets.error} onDismiss={st.sheets.clearError} /> : null}
      {!st.sheets.running && st.sheets.result && names.length === 0 ? <p className={s.hint}>{t.ranking.noSheets}</p> : null}

      <form
        className={s.screen}
        onSubmit={(e) => {
          e.preventDefault();
          if (st.listSheet && !st.participantsInvalid && !st.criteriaInvalid) void st.create.run();
        }}
      >
        <Field label={t.ranking.listSheet}>
          <Select value={st.listSheet} onChange={(_, d) => st.setListSheet(d.value)}>
            {lists.length > 0 ? (
              <optgroup label={t.ranking.listGroup}>
                {lists.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label={t.ranking.otherGroup}>
                {others.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <Field label={t.ranking.method}>
          <RadioGroup value={st.method} onChange={(_, d) => st.setMethod(d.value as RankMethodKind)}>
            <Radio value="marks" label={t.ranking.marks} />
            <Radio value="scores" label={t.ranking.scores} />
          </RadioGroup>
        </Field>
        {st.method === 'scores' ? (
          <fieldset className={s.list} aria-label={t.ranking.criteria}>
            <legend className={s.subtitle}>{t.ranking.criteria}</legend>
            {st.criteria.map((c, i) => (
              <div key={i} className={styles.criterion}>
                <Input className={styles.grow} aria-label={t.ranking.criterion(i + 1)} value={c} onChange={(_, d) => st.setCriterion(i, d.value)} />
                <Button appearance="subtle" size="small" aria-label={t.ranking.removeCriterion(c || t.ranking.criterion(i + 1))} onClick={() => st.removeCriterion(i)}>
                  ×
                </Button>
              </div>
            ))}
            <div className={s.actions}>
              <Button size="small" onClick={st.addCriterion}>
                {t.ranking.addCriterion}
              </Button>
              <Button size="small" appearance="subtle" onClick={st.resetCriteria}>
                {t.ranking.resetCriteria}
              </Button>
            </div>
            {st.criteriaInvalid ? <p className={s.hint}>{t.ranking.criteriaInvalid}</p> : null}
          </fieldset>
        ) : null}
        <Field label={t.ranking.participants} validationState={st.participantsInvalid ? 'error' : 'none'} validationMessage={st.participantsInvalid ? t.ranking.participantsInvalid : undefined}>
          <Input type="number" inputMode="numeric" min={1} max={500} value={st.participants} onChange={(_, d) => st.setParticipants(d.value)} />
        </Field>
        <div className={s.actions}>
          <Button type="submit" appearance="primary" disabled={!st.listSheet || st.participantsInvalid || st.criteriaInvalid || st.create.running}>
            {t.ranking.createBallot}
          </Button>
        </div>
        {st.create.running ? <Busy label={t.common.working} /> : null}
        {st.create.result && !st.create.running && !st.create.failed ? <Notice>{t.ranking.ballotCreated(st.create.result.sheet, st.create.result.items)}</Notice> : null}
        {st.create.failed ? <ErrorBar error={st.create.error} onDismiss={st.create.clearError} /> : null}
      </form>

      <section className={s.section}>
        <Field label={t.ranking.ballotSheet} hint={ballots.length === 0 ? t.ranking.noBallots : undefined}>
          <Select value={st.ballotSheet} disabled={ballots.length === 0} onChange={(_, d) => st.setBallotSheet(d.value)}>
            {ballots.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <p className={s.hint}>{t.ranking.rankNote}</p>
        <div className={s.actions}>
          <Button appearance="primary" disabled={!st.ballotSheet || st.rank.running} onClick={() => void st.rank.run()}>
            {t.ranking.rank}
          </Button>
          <Button appearance="subtle" size="small" disabled={st.sheets.running} onClick={() => void st.reload()}>
            {t.ranking.refresh}
          </Button>
        </div>
        {st.rank.running ? <Busy label={t.common.working} /> : null}
        {st.rank.failed ? <ErrorBar error={st.rank.error} onDismiss={st.rank.clearError} /> : null}
        {ranked && !st.rank.running ? (
          <>
            <Notice>{t.ranking.ranked(ranked.sheet, ranked.participants)}</Notice>
            <section aria-label={t.ranking.validityTitle}>
              <Notice intent={ranked.validity.valid ? 'success' : 'warning'}>
                <strong>{t.ranking.validityTitle}:</strong> {lang === 'en' ? ranked.validity.textEn : ranked.validity.text} {t.ranking.validityWritten(ranked.validity.sheet, ranked.validity.cell)}
              </Notice>
            </section>
            <Table size="small" className={styles.table} aria-label={t.ranking.title}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.rankCell}>{t.ranking.colRank}</TableHeaderCell>
                  <TableHeaderCell>{t.ranking.colActivity}</TableHeaderCell>
                  <TableHeaderCell className={styles.totalCell}>{t.ranking.colTotal}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ranked.ranks.map((r, i) => (
                  <TableRow key={`${r.rank}-${i}`}>
                    <TableCell className={styles.rankCell}>{r.rank}</TableCell>
                    <TableCell>{r.activity}</TableCell>
                    <TableCell className={styles.totalCell}>{formatNumber(r.total, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <FindingList findings={ranked.findings} onSelect={props.onSelect} />
          </>
        ) : null}
      </section>
    </div>
  );
}
