/** A cell address the user can click to go to it; plain text where the host cannot select. */
import { Link } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';

export interface CellLinkProps {
  readonly sheet: string;
  readonly cell?: string;
  /** Absent on the standalone page (no selection there). */
  readonly onSelect?: (sheet: string, cell: string) => void;
}

export function CellLink({ sheet, cell, onSelect }: CellLinkProps) {
  const { t } = useI18n();
  if (!cell) return null;
  if (!onSelect) return <span>{cell}</span>;
  return (
    <Link as="button" inline aria-label={t.validate.goTo(sheet, cell)} onClick={() => onSelect(sheet, cell)}>
      {cell}
    </Link>
  );
}
