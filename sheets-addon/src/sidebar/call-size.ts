/** Cells sent in one importSheets or importPackages call (a call has 6 minutes); its own module, free of the DOM, so the benchmark uses it too. */
export const CALL_CELLS = 100_000;
