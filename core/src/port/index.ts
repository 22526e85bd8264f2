/** The workbook port: its types, the rules every adapter shares, and the in-memory implementation. */
export type {
  CellError,
  CellValue,
  CreateSheetOptions,
  DocumentState,
  ProgramPeriod,
  ReadOptions,
  SheetData,
  WorkbookPort,
  WriteBlock,
  WriteValue,
} from './types';
export { allCopies, copiesOf, copyName, isCopyName } from './types';
export type { Replaced } from './replace';
export { copyKeepingOne, replaceKeepingOneCopy } from './replace';
export type { MemoryCell, MemoryCellInput, MemorySheet, MemoryStats, PortErrorCode, ReadCell } from './memory';
export {
  INTERNAL_SHEET_PREFIX,
  LAYOUT_FONT,
  LAYOUT_FONT_SIZE,
  MAX_COLS,
  MAX_ROWS,
  MAX_SHEET_NAME,
  MemoryWorkbook,
  PortError,
  bareFormula,
  checkBlocks,
  checkDeletion,
  checkNewSheetName,
  checkSheetName,
  findName,
  isInternalSheet,
  isReservedSheetName,
  sheetExists,
  sheetLastVisible,
  sheetNotFound,
  stateFromJson,
  stateToJson,
  toSheetData,
} from './memory';
