import type { FormDefinition } from '../types';
import { FORM_I_1 } from './i-1';
import { FORM_I_3 } from './i-3';
import { FORM_I_4 } from './i-4';
import { FORM_II_1 } from './ii-1';
import { FORM_II_2 } from './ii-2';

/** I.1, I.3, I.4, II.1, II.2: the village's data and minutes, the commune's self-assessment and directive. */
export const VILLAGE_AND_DIRECTIVE_FORMS: readonly FormDefinition[] = [FORM_I_1, FORM_I_3, FORM_I_4, FORM_II_1, FORM_II_2];
