import type { FormDefinition } from '../types';

/** I.1, I.3, I.4, II.1, II.2 — filled in by the helper that transcribes them. */
export const VILLAGE_AND_DIRECTIVE_FORMS: readonly FormDefinition[] = [];
