/**
 * The pane's tabs in one row at any width: the row scrolls sideways inside itself (the page never
 * does), the chosen tab is brought into view, and a menu at the end lists every screen, so at
 * 300 px (Google Sheets' sidebar) the tabs that do not fit are one click away instead of wrapping
 * onto three or four rows. The list always reads "Tất cả" ("All"): showing the current screen's
 * name there put it twice on the row, beside its own tab ("Xem sổ Xem sổ").
 */
import type { SelectTabData } from '@fluentui/react-components';
import { Select, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

export interface PaneTab<T extends string> {
  readonly id: T;
  readonly label: string;
}

export interface PaneTabsProps<T extends string> {
  readonly tabs: readonly PaneTab<T>[];
  readonly selected: T | undefined;
  readonly onSelect: (id: T) => void;
  /** The tab list's name ("Các chức năng"). */
  readonly label: string;
  /** The list's label on the row ("Tất cả") and its accessible name. */
  readonly menu: string;
  readonly menuLabel: string;
}

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0, maxWidth: '100%' },
  strip: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: '0px',
    minWidth: 0,
    flexWrap: 'nowrap',
    overflowX: 'auto',
    overflowY: 'hidden',
    scrollbarWidth: 'none',
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    '::-webkit-scrollbar': { display: 'none' },
  },
  tab: { flexShrink: 0 },
  // A native list of every screen (light: no popup code in the first load), as narrow as its label.
  menu: { flexShrink: 0, width: '84px', minWidth: 0 },
});

export function PaneTabs<T extends string>({ tabs, selected, onSelect, label, menu, menuLabel }: PaneTabsProps<T>) {
  const styles = useStyles();
  const strip = useRef<HTMLDivElement>(null);

  // The chosen tab in view (a finding clicked far down may open a tab scrolled out of the row).
  useEffect(() => {
    const el = strip.current;
    const tab = selected ? el?.querySelector<HTMLElement>(`[value="${selected}"]`) : null;
    if (!el || !tab) return;
    const left = tab.offsetLeft - el.offsetLeft;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (left + tab.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = left + tab.offsetWidth - el.clientWidth;
  }, [selected]);

  return (
    <div className={styles.bar}>
      <TabList ref={strip} className={styles.strip} size="small" selectedValue={selected} onTabSelect={(_, d: SelectTabData) => onSelect(d.value as T)} aria-label={label}>
        {tabs.map((t) => (
          <Tab key={t.id} className={styles.tab} value={t.id} id={`lkh-tab-${t.id}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <Select
        className={styles.menu}
        size="small"
        appearance="filled-lighter"
        aria-label={menuLabel}
        // Always on its label: the list opens screens, the tabs show which one is open.
        value=""
        onChange={(_, d) => {
          const hit = tabs.find((x) => x.id === d.value);
          if (hit) onSelect(hit.id);
        }}
      >
        {/* Shown on the row, not offered in the list. */}
        <option value="" hidden>
          {menu}
        </option>
        {tabs.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
