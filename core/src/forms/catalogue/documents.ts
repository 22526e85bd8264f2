import type { FormDefinition } from '../types';
import { FORM_II_10 } from './ii-10';
import { FORM_II_7_A } from './ii-7-a';
import { FORM_II_7_B } from './ii-7-b';
import { FORM_II_9 } from './ii-9';
import { FORM_III_1 } from './iii-1';
import { FORM_IV_1 } from './iv-1';

/** II.7.A, II.7.B, II.9, II.10, III.1, IV.1. */
export const DOCUMENT_FORMS: readonly FormDefinition[] = [FORM_II_7_A, FORM_II_7_B, FORM_II_9, FORM_II_10, FORM_III_1, FORM_IV_1];
