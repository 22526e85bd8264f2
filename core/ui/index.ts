/** The shared pane: mount `<LkhPane client={…} host={…} />` in each host's page. */
export { LkhPane, TABS } from './LkhPane';
export type { LkhPaneProps, TabId } from './LkhPane';
export type { HostKind, PaneClient } from './client';
export type { ChecklistClient, ChecklistView, ChecklistStepView, ChecklistSubItemView, ChecklistFormView, ChecklistManualView, ChecklistStatus } from './checklist-types';
export type { Lang } from './i18n/I18nProvider';
export { rememberLang, rememberedLang, useRememberedLang } from './i18n/remembered';
export { vi } from './i18n/vi';
export type { Strings } from './i18n/vi';
export { en } from './i18n/en';
export { errorParts, errorText } from './errors';
export { useAction } from './use-action';
export type { Action, ActionState } from './use-action';
