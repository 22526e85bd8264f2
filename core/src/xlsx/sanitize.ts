/**
 * Files from outside (a village's workbook) enter the commune's workbook as values only. Their
 * formulas could carry WEBSERVICE, IMPORTXML, IMAGE, HYPERLINK… that send the sheet's data to
 * another site when Excel or Google Sheets recalculates; conditional formats and custom
 * validations are formulas too. This replaces every formula by its cached result and drops those
 * rules, on the ExcelJS workbook of an XlsxWorkbook, before the file is inserted anywhere.
 */
import type { Workbook } from 'exceljs';

export interface Stripped {
  readonly formulas: number;
  readonly rules: number;
}

export function stripFormulas(workbook: Workbook): Stripped {
  let formulas = 0;
  let rules = 0;
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const result = (v as { result?: unknown }).result;
          cell.value = result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : (result as string | number | boolean | Date);
          formulas++;
        }
      }),
    );
    const withRules = ws as unknown as { conditionalFormattings?: unknown[]; dataValidations?: { model?: Record<string, { type?: string }> } };
    if (Array.isArray(withRules.conditionalFormattings) && withRules.conditionalFormattings.length > 0) {
      rules += withRules.conditionalFormattings.length;
      withRules.conditionalFormattings = [];
    }
    const dv = withRules.dataValidations?.model;
    if (dv) {
      for (const [address, rule] of Object.entries(dv)) {
        if (rule?.type === 'custom') {
          delete dv[address];
          rules++;
        }
      }
    }
  }
  return { formulas, rules };
}
