/**
 * Findings grouped by sheet, each with its severity badge and cell; clicking the cell selects
 * it in the workbook. Messages in the pane's language (the core gives both).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingView } from '../../src/app/actions';
import { useI18n } from '../i18n/I18nProvider';
import { useScreenStyles } from '../styles';
import { CellLink } from './CellLink';

export interface FindingListProps {
  readonly findings: readonly FindingView[];
  readonly onSelect?: (sheet: string, cell: string) => void;
}

export interface SheetGroup {
  readonly sheet: string;
  readonly findings: readonly FindingView[];
  readonly errors: number;
  readonly warnings: number;
}

/** Groups in first-seen order; errors before warnings within a sheet. */
export function groupBySheet(findings: readonly FindingView[]): SheetGroup[] {
  const map = new Map<string, FindingView[]>();
  for (const f of findings) {
    const list = map.get(f.sheet) ?? [];
    list.push(f);
    map.set(f.sheet, list);
  }
  return [...map].map(([sheet, list]) => {
    const sorted = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const errors = list.filter((f) => f.severity === 'error').length;
    return { sheet, findings: sorted, errors, warnings: list.length - errors };
  });
}

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0, overflowWrap: 'anywhere' },
  message: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export function FindingList({ findings, onSelect }: FindingListProps) {
  const { t, lang } = useI18n();
  const s = useScreenStyles();
  const styles = useStyles();
  const groups = groupBySheet(findings);
  if (groups.length === 0) return null;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.sheet)}>
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet}>
          <AccordionHeader size="small">
            <span className={styles.header}>
              {g.sheet}
              {g.errors > 0 ? <CounterBadge count={g.errors} color="danger" size="small" aria-label={t.validate.counts(g.errors, 0)} /> : null}
              {g.warnings > 0 ? <CounterBadge count={g.warnings} color="important" appearance="ghost" size="small" aria-label={t.validate.counts(0, g.warnings)} /> : null}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={s.list}>
              {g.findings.map((f, i) => (
                <li key={`${f.code}-${f.cell ?? ''}-${i}`} className={s.item}>
                  <span className={s.row}>
                    <Badge size="small" appearance="filled" color={f.severity === 'error' ? 'danger' : 'warning'}>
                      {f.severity === 'error' ? t.validate.error : t.validate.warning}
                    </Badge>
                    <CellLink sheet={f.sheet} cell={f.cell} onSelect={onSelect} />
                  </span>
                  <p className={styles.message}>{lang === 'en' && f.messageEn ? f.messageEn : f.message}</p>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
