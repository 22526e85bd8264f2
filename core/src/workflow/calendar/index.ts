/**
 * The seven steps of the planning year: their dates by level and plan year (steps.ts, the
 * handbook's calendar as data) and the checklist ticked from the workbook (checklist.ts; a form
 * ticks only when a sheet of it holds content, content.ts).
 * This file is the folder's public face: other folders import only from here.
 */
export * from './checklist';
