/**
 * Protecting a commune's tab in a shared district spreadsheet, so that only the commune's own
 * editors (and the district office running the add-on) can change it.
 *
 * Follows the pattern of the Protection reference: protect the sheet, add the current user
 * first ("Otherwise, if the user's edit permission comes from a group, the script throws an
 * exception upon removing the group"), remove the other editors, turn off domain editing.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 * The spreadsheet's owner and the user running the script can always edit a protected sheet.
 *
 * Warning-only mode: everyone may still edit, after Sheets asks them to confirm
 * (Protection.setWarningOnly); the editor list is left as it is.
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */
import { findName, isInternalSheet, sheetNotFound } from '../../../core/src/port/memory';
import type { LockOptions } from './lock';
import { withDocumentLock } from './lock';

export interface UserSurface {
  getEmail(): string;
}

/** The part of GoogleAppsScript.Spreadsheet.Protection used here. */
export interface ProtectionSurface {
  setDescription(description: string): ProtectionSurface;
  setWarningOnly(warningOnly: boolean): ProtectionSurface;
  isWarningOnly(): boolean;
  addEditor(emailAddress: string): ProtectionSurface;
  addEditors(emailAddresses: string[]): ProtectionSurface;
  removeEditors(emailAddresses: string[]): ProtectionSurface;
  getEditors(): UserSurface[];
  canDomainEdit(): boolean;
  setDomainEdit(editable: boolean): ProtectionSurface;
}

/** The value of SpreadsheetApp.ProtectionType.SHEET (an Apps Script enum). */
export type SheetProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;

export interface ProtectableSheet {
  getName(): string;
  protect(): ProtectionSurface;
  getProtections(type: SheetProtectionType): ProtectionSurface[];
}

export interface ProtectableSpreadsheet {
  getSheets(): ProtectableSheet[];
}

type Fits<T extends U, U> = T;
export type RealProtectionFits = Fits<GoogleAppsScript.Spreadsheet.Protection, ProtectionSurface>;
export type RealProtectableSheetFits = Fits<GoogleAppsScript.Spreadsheet.Sheet, ProtectableSheet>;
export type RealProtectableSpreadsheetFits = Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, ProtectableSpreadsheet>;

export interface ProtectDeps {
  /** SpreadsheetApp.ProtectionType.SHEET. */
  readonly sheetProtectionType: SheetProtectionType;
  /** Session.getEffectiveUser().getEmail(): may be '' when the add-on may not see the user's address. */
  effectiveUserEmail(): string;
  readonly lock?: LockOptions;
}

export interface ProtectOptions {
  /** E-mail addresses of the people who may edit the tab (the commune's officers). */
  readonly editors: readonly string[];
  /** Only warn before edits instead of refusing them. */
  readonly warningOnly?: boolean;
  readonly description?: string;
}

export interface ProtectResult {
  readonly sheet: string;
  readonly warningOnly: boolean;
  /** Editors of the protection afterwards. */
  readonly editors: readonly string[];
  /** True when the sheet was already protected and that protection was updated. */
  readonly reused: boolean;
}

export function appsScriptProtectDeps(): ProtectDeps {
  return {
    sheetProtectionType: SpreadsheetApp.ProtectionType.SHEET,
    effectiveUserEmail: () => Session.getEffectiveUser().getEmail(),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Protects one sheet (already found). Reuses the sheet's protection when it has one. */
export function protectSheet(sheet: ProtectableSheet, options: ProtectOptions, deps: ProtectDeps): ProtectResult {
  const wanted = options.editors.map((e) => e.trim()).filter((e) => e !== '');
  const bad = wanted.filter((e) => !EMAIL.test(e));
  if (bad.length > 0) throw new Error(`Địa chỉ email không hợp lệ: ${bad.join(', ')}.`);
  const warningOnly = options.warningOnly === true;
  if (!warningOnly && wanted.length === 0) {
    throw new Error(`Cần ít nhất một địa chỉ email được quyền sửa trang tính "${sheet.getName()}".`);
  }

  const existing = sheet.getProtections(deps.sheetProtectionType)[0];
  const protection = existing ?? sheet.protect();
  protection.setDescription(options.description ?? `LKH: chỉ người được giao mới sửa trang tính "${sheet.getName()}".`);
  if (warningOnly) {
    protection.setWarningOnly(true);
  } else {
    if (protection.isWarningOnly()) protection.setWarningOnly(false);
    const me = deps.effectiveUserEmail();
    if (me !== '') protection.addEditor(me);
    const keep = new Set([...wanted, me].filter((e) => e !== '').map((e) => e.toLowerCase()));
    const current = protection.getEditors().map((u) => u.getEmail());
    const remove = current.filter((e) => !keep.has(e.toLowerCase()));
    if (remove.length > 0) protection.removeEditors(remove);
    const have = new Set(current.map((e) => e.toLowerCase()));
    const add = wanted.filter((e) => !have.has(e.toLowerCase()));
    if (add.length > 0) protection.addEditors(add);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }
  return {
    sheet: sheet.getName(),
    warningOnly,
    editors: protection.getEditors().map((u) => u.getEmail()),
    reused: existing !== undefined,
  };
}

/** Protects a commune's tab by name, under the document lock. Unknown and internal sheets throw SHEET_NOT_FOUND. */
export async function protectCommuneSheet(
  spreadsheet: ProtectableSpreadsheet,
  sheetName: string,
  options: ProtectOptions,
  deps: ProtectDeps = appsScriptProtectDeps(),
): Promise<ProtectResult> {
  return withDocumentLock(() => {
    const sheets = spreadsheet.getSheets().filter((s) => !isInternalSheet(s.getName()));
    const name = isInternalSheet(sheetName) ? undefined : findName(
      sheets.map((s) => s.getName()),
      sheetName,
    );
    const sheet = sheets.find((s) => s.getName() === name);
    if (!sheet) throw sheetNotFound(sheetName);
    return protectSheet(sheet, options, deps);
  }, deps.lock);
}
