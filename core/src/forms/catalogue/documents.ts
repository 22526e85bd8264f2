import type { FormDefinition } from '../types';

/** II.7.A, II.7.B, II.9, II.10, III.1, IV.1. */
export const DOCUMENT_FORMS: readonly FormDefinition[] = [];
