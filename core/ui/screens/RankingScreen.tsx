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
import { isCopyName } from '../../src/port/types';
import type { PaneClient } from '../client';
import { Busy } from '../components/Busy';
import { ErrorBar, Notice } from '../components/ErrorBar';
import { FindingList } from '../components/FindingList';
import { UndoLast } from '../components/UndoLast';
import { errorText } from '../errors';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { useAction, useCommand } from '../use-action';

/** The handbook's criteria (L700-L703, L3745-L3748); the same as the core's DEFAULT_CRITERIA. */
export const HANDBOOK_CRITERIA: readonly string[] = ['Tính phù hợp', 'Hiệu quả chi phí', 'Phát huy nội lực cộng đồng', 'Số lượng người hưởng lợi'];

export type RankMethodKind = 'marks' | 'scores';

export interface RankingScreenProps {
  readonly client: PaneClient;
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** Counts the changes made through the pane: the lists are read again after each (a consolidation writes II.6.A, II.6.B). */
  readonly generation?: number;
  /** The pane's next-step button: create the ballot, or rank from it, now. */
  readonly command?: { readonly kind: 'ballot' | 'rank'; readonly target?: string; readonly seq: number } | undefined;
}

const isBallot = (name: string): boolean => /^phiếu ưu tiên/iu.test(name.normalize('NFC'));

/** A kept copy ("II.6.B (cũ)"): never ranked, never offered. */
const isCopy = (name: string): boolean => isCopyName(name.normalize('NFC'));

/**
 * 0 for II.6.B, 1 for II.6.A, 2 for a village's I.2 tab; undefined for every other sheet — the
 * only lists a ballot can rank (I.1, I.3, III.1, II.4.A, II.6.C and kept copies are not).
 */
export function listRank(name: string): number | undefined {
  if (isBallot(name) || isCopy(name)) return undefined;
  if (/(?:^|\s)II\.6\.B(?:$|\s)/u.test(name)) return 0;
  if (/(?:^|\s)II\.6\.A(?:$|\s)/u.test(name)) return 1;
  if (/(?:^|\s)I\.2(?:$|\s)/u.test(name)) return 2;
  return undefined;
}

/** The rankable lists (II.6.B, II.6.A, the villages' I.2) in that order, and the ballots. */
export function splitSheets(sheets: readonly string[]): { lists: string[]; ballots: string[] } {
  const lists = sheets.filter((n) => listRank(n) !== undefined).sort((a, b) => (listRank(a) ?? 9) - (listRank(b) ?? 9));
  const ballots = sheets.filter((n) => isBallot(n) && !isCopy(n));
  return { lists, ballots };
}

/** The core refused to rank (an empty or unreadable ballot): a warning to act on, not a failure. */
export function isRefusal(e: unknown): boolean {
  const o = e as { name?: unknown; message?: unknown } | undefined;
  return o?.name === 'RankingRefused' || (typeof o?.message === 'string' && o.message.includes('chưa xếp ưu tiên'));
}

export function parseParticipants(text: string): number | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : undefined;
}

export function useRankingState({ client, generation, command }: RankingScreenProps) {
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
    const { lists, ballots } = splitSheets(names);
    setListSheet((cur) => (cur && lists.includes(cur) ? cur : (lists[0] ?? '')));
    setBallotSheet((cur) => (cur && names.includes(cur) ? cur : (ballots[0] ?? '')));
  };
  useEffect(() => {
    void reload();
    // Loaded when the screen opens and after each change made through the pane (a consolidation writes II.6.A, II.6.B).
  }, [loadSheets, generation]);

  const cleanCriteria = criteria.map((c) => c.trim()).filter(Boolean);
  const count = parseParticipants(participants);
  const participantsInvalid = count === undefined;
  const criteriaInvalid = method === 'scores' && cleanCriteria.length === 0;

  const create = useAction(async (list?: string) => {
    const listName = list ?? listSheet;
    const r = await client.createBallot({
      listSheet: listName,
      method,
      ...(count !== undefined ? { participants: count } : {}),
      ...(method === 'scores' ? { criteria: cleanCriteria } : {}),
    });
    setBallotLists((m) => ({ ...m, [r.sheet]: listName }));
    await reload();
    setBallotSheet(r.sheet);
    return r;
  });
  const rank = useAction((ballot?: string) => {
    const sheet = ballot ?? ballotSheet;
    const list = ballotLists[sheet];
    return client.rankFromBallot({ ballotSheet: sheet, ...(list ? { listSheet: list } : {}) });
  });
  useCommand(command, (c) => {
    if (c.kind === 'ballot') {
      const list = c.target && listRank(c.target) !== undefined ? c.target : undefined;
      if (list) setListSheet(list);
      void create.run(list);
    } else {
      if (c.target) setBallotSheet(c.target);
      void rank.run(c.target);
    }
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
  const { lists, ballots } = splitSheets(names);
  const ranked = st.rank.result;
  // Undone (the list back as it was): the ranking's notice, validity and table go with it; undone again, they come back.
  const [undone, setUndone] = useState<{ of: unknown; flips: number }>({ of: undefined, flips: 0 });
  const showRanked = !(undone.of === ranked && undone.flips % 2 === 1);
  const onUndone = () => setUndone((u) => (u.of === ranked ? { of: ranked, flips: u.flips + 1 } : { of: ranked, flips: 1 }));
  const refused = st.rank.failed && isRefusal(st.rank.error);
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
          if (st.listSheet && !st.participantsInvalid && !st.criteriaInvalid) void st.create.run(st.listSheet);
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
        {st.create.result && !st.create.running && !st.create.failed ? <Notice focus>{t.ranking.ballotCreated(st.create.result.sheet, st.create.result.items)}</Notice> : null}
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
          <Button appearance="primary" disabled={!st.ballotSheet || st.rank.running} onClick={() => void st.rank.run(st.ballotSheet)}>
            {t.ranking.rank}
          </Button>
          <Button appearance="subtle" size="small" disabled={st.sheets.running} onClick={() => void st.reload()}>
            {t.ranking.refresh}
          </Button>
        </div>
        {st.rank.running ? <Busy label={t.common.working} /> : null}
        {/* An empty ballot is refused by the core: said as a warning (nothing was written), never as success. */}
        {refused ? (
          <Notice intent="warning" focus>
            {errorText(st.rank.error, t)}
          </Notice>
        ) : null}
        {st.rank.failed && !refused ? <ErrorBar error={st.rank.error} onDismiss={st.rank.clearError} /> : null}
        {ranked && !st.rank.running && !st.rank.failed ? (
          <>
            {showRanked ? (
              <>
                <Notice intent={ranked.participants > 0 ? 'success' : 'warning'} focus>
                  {t.ranking.ranked(ranked.sheet, ranked.participants)}
                </Notice>
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
            {ranked.keptCopy ? <UndoLast client={props.client} onUndone={onUndone} /> : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
