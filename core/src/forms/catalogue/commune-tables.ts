import type { FormDefinition } from '../types';
import { FORM_II_3 } from './ii-3';
import { FORM_II_4_A } from './ii-4-a';
import { FORM_II_4_B } from './ii-4-b';
import { FORM_II_6_A } from './ii-6-a';
import { FORM_II_6_B } from './ii-6-b';
import { FORM_II_6_C } from './ii-6-c';
import { FORM_II_8 } from './ii-8';

/** II.3, II.4.A, II.4.B, II.6.A, II.6.B, II.6.C, II.8. */
export const COMMUNE_TABLE_FORMS: readonly FormDefinition[] = [
  FORM_II_3,
  FORM_II_4_A,
  FORM_II_4_B,
  FORM_II_6_A,
  FORM_II_6_B,
  FORM_II_6_C,
  FORM_II_8,
];
