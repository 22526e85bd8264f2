import type { FormDefinition, FormId } from '../types';
import { FORM_IDS } from '../types';
import { COMMUNE_TABLE_FORMS } from './commune-tables';
import { DOCUMENT_FORMS } from './documents';
import { FORM_I_2 } from './i-2';
import { VILLAGE_AND_DIRECTIVE_FORMS } from './village-forms';

const order = (id: FormId): number => FORM_IDS.indexOf(id);

/** Every form of Part II, in the handbook's order. The registry checks them when loaded. */
export const CATALOGUE: readonly FormDefinition[] = [FORM_I_2, ...VILLAGE_AND_DIRECTIVE_FORMS, ...COMMUNE_TABLE_FORMS, ...DOCUMENT_FORMS].sort(
  (a, b) => order(a.id) - order(b.id),
);
