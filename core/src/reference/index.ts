/** Reference data by program period: programs, projects and the other named sources of money. */
export * from './programs';
export * from './periods';
export * from './criteria';
export * from './catalogue-sheet';
