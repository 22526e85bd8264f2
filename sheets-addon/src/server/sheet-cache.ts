/**
 * The spreadsheet as SheetsWorkbook sees it, with the list of sheets and their names remembered
 * for the length of one call.
 *
 * SheetsWorkbook finds a sheet by listing the sheets and asking each its name; a roll-up of 300
 * communes reads ~1,200 tabs and writes ~300, so that is millions of Sheet.getName() calls, each
 * a call into the Spreadsheet service (the benchmark counts them: scripts/bench-sheets.ts). Here
 * getSheets() and getName() are answered from memory after the first time; inserting, deleting
 * or renaming a sheet through this object keeps the memory right. Sheets are handed back wrapped,
 * and unwrapped whenever they go back to Apps Script (template of insertSheet, deleteSheet).
 *
 * A call lasts seconds and writes hold the document lock, so another user's renaming within the
 * call is the only thing missed: the sheet objects stay valid, only a name lookup can be stale.
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */
import type { DeveloperMetadataSurface, RangeListSurface, RangeSurface, SheetSurface, SpreadsheetSurface } from './sheets-port';

export class CachedSheet implements SheetSurface {
  private name: string | undefined;

  constructor(readonly raw: SheetSurface) {}

  getName(): string {
    if (this.name === undefined) this.name = this.raw.getName();
    return this.name;
  }
  setName(name: string): SheetSurface {
    this.raw.setName(name);
    this.name = name;
    return this;
  }
  isSheetHidden(): boolean {
    return this.raw.isSheetHidden();
  }
  hideSheet(): SheetSurface {
    this.raw.hideSheet();
    return this;
  }
  showSheet(): SheetSurface {
    this.raw.showSheet();
    return this;
  }
  protect(): ReturnType<SheetSurface['protect']> {
    return this.raw.protect();
  }
  getMaxRows(): number {
    return this.raw.getMaxRows();
  }
  getMaxColumns(): number {
    return this.raw.getMaxColumns();
  }
  insertRowsAfter(afterPosition: number, howMany: number): SheetSurface {
    this.raw.insertRowsAfter(afterPosition, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetSurface {
    this.raw.insertColumnsAfter(afterPosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.raw.deleteRows(rowPosition, howMany);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.raw.deleteColumns(columnPosition, howMany);
  }
  getDataRange(): RangeSurface {
    return this.raw.getDataRange();
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeSurface {
    return this.raw.getRange(row, column, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): RangeListSurface {
    return this.raw.getRangeList(a1Notations);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetSurface {
    this.raw.setColumnWidths(startColumn, numColumns, width);
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): SheetSurface {
    this.raw.setRowHeightsForced(startRow, numRows, height);
    return this;
  }
  setFrozenRows(rows: number): void {
    this.raw.setFrozenRows(rows);
  }
  setFrozenColumns(columns: number): void {
    this.raw.setFrozenColumns(columns);
  }
  addDeveloperMetadata(key: string, value: string): SheetSurface {
    this.raw.addDeveloperMetadata(key, value);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataSurface[] {
    return this.raw.getDeveloperMetadata();
  }
}

export class CachedSpreadsheet implements SpreadsheetSurface {
  private sheets: CachedSheet[] | undefined;

  constructor(readonly raw: SpreadsheetSurface) {}

  private all(): CachedSheet[] {
    if (!this.sheets) this.sheets = this.raw.getSheets().map((s) => new CachedSheet(s));
    return this.sheets;
  }

  getSheets(): SheetSurface[] {
    return [...this.all()];
  }

  insertSheet(sheetName: string, sheetIndex: number, options?: { template?: SheetSurface }): SheetSurface {
    const template = options?.template instanceof CachedSheet ? options.template.raw : options?.template;
    // Apps Script matches overloads by the arguments given: no third argument without a template.
    const raw = template ? this.raw.insertSheet(sheetName, sheetIndex, { template }) : this.raw.insertSheet(sheetName, sheetIndex);
    const sheet = new CachedSheet(raw);
    const list = this.all();
    list.splice(Math.min(sheetIndex, list.length), 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetSurface): void {
    const raw = sheet instanceof CachedSheet ? sheet.raw : sheet;
    this.raw.deleteSheet(raw);
    if (this.sheets) this.sheets = this.sheets.filter((s) => s.raw !== raw && s !== sheet);
  }

  getSpreadsheetTimeZone(): string {
    return this.raw.getSpreadsheetTimeZone();
  }
}
