/** The port contract (contract.ts) against the two adapters of the core: memory and .xlsx files. */
import { MemoryWorkbook } from '../../src/port/memory';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { describePortContract } from './contract';
import { excelFromArrays } from './fixtures';

describePortContract('MemoryWorkbook', () => ({
  fromArrays: async (sheets, options) => MemoryWorkbook.fromArrays(sheets, options),
  reopen: async (port) => port,
  emptySheets: [],
  computesFormulas: false,
  readsMerges: true,
  allowedNames: [],
}));

describePortContract('XlsxWorkbook', () => ({
  fromArrays: async (sheets, options) => XlsxWorkbook.load(await excelFromArrays(sheets, options)),
  reopen: async (port) => XlsxWorkbook.load(await (port as XlsxWorkbook).save()),
  emptySheets: [],
  computesFormulas: false,
  readsMerges: true,
  allowedNames: [],
}));

// Every sheet deferred (LoadOptions.defer, what a re-run does with the copies it deletes): each is
// read from the file's bytes when first used, so the port must behave exactly as when loaded whole.
describePortContract('XlsxWorkbook, every sheet deferred', () => ({
  fromArrays: async (sheets, options) => XlsxWorkbook.load(await excelFromArrays(sheets, options), { defer: (names) => names }),
  reopen: async (port) => XlsxWorkbook.load(await (port as XlsxWorkbook).save(), { defer: (names) => names }),
  emptySheets: [],
  computesFormulas: false,
  readsMerges: true,
  allowedNames: [],
}));
