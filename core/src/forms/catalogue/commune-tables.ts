import type { FormDefinition } from '../types';

/** II.3, II.4.A, II.4.B, II.6.A, II.6.B, II.6.C, II.8. */
export const COMMUNE_TABLE_FORMS: readonly FormDefinition[] = [];
