/**
 * The core's actions as the in-page clients use them, gathered in one module so client-local.ts
 * can load them with one import() (a chunk of their own, off the pane's first load).
 */
export { createActions, listForms } from '../../core/src/app/actions';
