/**
 * The add-on's menu (Tiện ích → LKH) and what its items do.
 *
 * - onOpen runs with limited authorization in an add-on (AuthMode.NONE before the add-on is used
 *   in the document): it may build the menu and nothing else — no SpreadsheetApp data, no
 *   properties. Ui.createAddonMenu() puts the items under Extensions (Tiện ích) → the add-on's name.
 *   https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#the_complete_lifecycle
 *   https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()
 * - The sidebar: HtmlService.createHtmlOutputFromFile('Sidebar'), shown by Ui.showSidebar; its
 *   width is fixed at 300 px.
 *   https://developers.google.com/apps-script/guides/dialogs#custom_sidebars
 * - Menu items run with full authorization; their results are told with Ui.alert, errors too (a
 *   plain Vietnamese sentence instead of Apps Script's English error bar).
 *
 * No Node API: this file is bundled into the Apps Script IIFE.
 */
import { numberText } from '../../../core/src/xlsx/layout-writer';
import { isInternalSheet } from '../../../core/src/port/memory';
import { isRollupSheet } from '../../../core/src/workflow/upper-level';
import type { RollUpView } from './entry-points';
import { MENU_ITEMS } from './entry-points';
import type { ServerApi } from './api';
import { isUpperLevel } from './api';
import type { ConsolidationView, ValidationView } from '../../../core/src/app/actions';

/** The file of the sidebar in the Apps Script project (Sidebar.html). */
export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'LKH';

export interface MenuSurface {
  addItem(caption: string, functionName: string): MenuSurface;
  addSeparator(): MenuSurface;
  addToUi(): void;
}

export interface PromptResponseSurface {
  getResponseText(): string;
  getSelectedButton(): GoogleAppsScript.Base.Button;
}

export interface HtmlOutputSurface {
  setTitle(title: string): HtmlOutputSurface;
}

/** The part of Ui (SpreadsheetApp.getUi()) used here. */
export interface UiSurface {
  createAddonMenu(): MenuSurface;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): PromptResponseSurface;
  showSidebar(userInterface: HtmlOutputSurface): void;
  readonly ButtonSet: { readonly OK: GoogleAppsScript.Base.ButtonSet; readonly OK_CANCEL: GoogleAppsScript.Base.ButtonSet };
  readonly Button: { readonly OK: GoogleAppsScript.Base.Button };
}

export interface HtmlServiceSurface {
  createHtmlOutputFromFile(filename: string): HtmlOutputSurface;
}

type Fits<T extends U, U> = T;
export type RealUiFits = Fits<GoogleAppsScript.Base.Ui, UiSurface>;
export type RealMenuFits = Fits<GoogleAppsScript.Base.Menu, MenuSurface>;
export type RealHtmlServiceFits = Fits<GoogleAppsScript.HTML.HtmlService, HtmlServiceSurface>;

/** Builds the menu, and does nothing else (onOpen). */
export function buildMenu(ui: UiSurface): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    // The protection item stands apart: it is for the district office sharing the spreadsheet.
    if (item.fn === 'menuProtectSheet' && i > 0) menu.addSeparator();
    menu.addItem(item.caption, item.fn);
  });
  menu.addToUi();
}

export function showSidebar(ui: UiSurface, html: HtmlServiceSurface): void {
  ui.showSidebar(html.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE));
}

/** An error as one line for an alert (no stack, no "Exception:" prefix). */
export function errorLine(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const line = (message.split(/\r?\n/)[0] ?? '').replace(/^(?:[A-Za-z]*(?:Error|Exception)\s*:\s*)+/u, '').trim();
  return line || 'Đã có lỗi không mong muốn trong LKH. Hãy thử lại.';
}

const FINDINGS_IN_ALERT = 8;

export function validationText(v: ValidationView): string {
  const lines = [`Đã nhận ra ${v.forms.length} biểu: ${v.errors} lỗi, ${v.warnings} cảnh báo.`];
  if (v.unrecognised.length > 0) lines.push(`Không nhận ra biểu trong các trang: ${v.unrecognised.join(', ')}.`);
  const shown = [...v.findings.filter((f) => f.severity === 'error'), ...v.findings.filter((f) => f.severity === 'warning')].slice(0, FINDINGS_IN_ALERT);
  for (const f of shown) lines.push(`• ${f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${f.message}`);
  if (v.findings.length > shown.length) lines.push(`… và ${v.findings.length - shown.length} mục khác.`);
  if (v.findings.length > 0) lines.push('Mở bảng điều khiển → Kiểm tra để bấm vào từng mục và đến ô của nó.');
  return lines.join('\n');
}

export function consolidationText(v: ConsolidationView, seconds: number): string {
  const r = v.reconciliation;
  const n = numberText;
  const lines = [
    `Đọc ${n(r.read.count)} hoạt động (${n(r.read.amount)} nghìn đồng) = đưa vào II.4.B ${n(r.written.count)} (${n(r.written.amount)}) + trả lại ${n(r.returned.count)} (${n(r.returned.amount)}): ${r.balanced ? 'khớp' : 'KHÔNG khớp'}.`,
    `II.6.A: ${n(v.counts.ii6a)} hoạt động đã rõ nguồn vốn; II.6.B: ${n(v.counts.ii6b)} hoạt động chưa rõ nguồn vốn.`,
  ];
  if (v.checks.length > 0) {
    const passed = v.checks.filter((c) => c.passed === true).length;
    const failed = v.checks.filter((c) => c.passed === false).length;
    lines.push(`Kiểm tra nguồn vốn: ${passed} đạt, ${failed} không đạt, ${v.checks.length - passed - failed} chưa đủ số liệu.`);
  }
  if (v.sheets.length > 0) lines.push(`Đã ghi: ${v.sheets.join(', ')}.`);
  if (v.keptCopies.length > 0) lines.push(`Bản cũ được giữ lại: ${v.keptCopies.join(', ')}.`);
  lines.push(`Thời gian: ${seconds} giây.`);
  return lines.join('\n');
}

export function rollUpText(v: RollUpView): string {
  const n = numberText;
  const r = v.reconciliation;
  const lines = [
    `${v.upperLevel}: đã tổng hợp ${n(v.communes.length)} xã, ${n(r.read.count)} hoạt động (${n(r.read.amount)} nghìn đồng) → ${n(r.written.count)} dòng (${n(r.written.amount)}): ${r.balanced ? 'khớp' : 'KHÔNG khớp'}.`,
  ];
  if (v.imported.communes > 0) lines.push(`Nhập ${n(v.imported.communes)} xã vào bảng dữ liệu các xã: ${v.imported.balanced ? 'khớp' : 'KHÔNG khớp'}.`);
  if (r.keptAppraisals > 0) lines.push(`Giữ nguyên ${n(r.keptAppraisals)} ý kiến thẩm định đã nhập.`);
  if (r.vanished > 0) lines.push(`${n(r.vanished)} dòng cũ không còn xã nào đề xuất (vẫn giữ, có ghi chú).`);
  const errors = v.issues.filter((i) => i.severity === 'error').length + v.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) lines.push(`${n(errors)} lỗi cần xem: trang "Báo cáo đọc các xã".`);
  lines.push(`Đã ghi: ${v.sheets.join(', ')}.`);
  if (v.keptCopies.length > 0) lines.push(`Bản cũ được giữ lại: ${v.keptCopies.length} trang "(cũ)".`);
  lines.push(`Thời gian: ${Math.round(v.elapsedMs / 100) / 10} giây.`);
  return lines.join('\n');
}

/** Kiểm tra biểu mẫu: validates, goes to the first error (or warning), tells the counts. */
export async function menuValidate(api: ServerApi, ui: UiSurface): Promise<void> {
  try {
    const v = await api.validate();
    const first = v.findings.find((f) => f.severity === 'error' && f.cell) ?? v.findings.find((f) => f.cell);
    if (first?.cell) {
      try {
        await api.selectCell(first.sheet, first.cell);
      } catch {
        // Going to the cell is a convenience.
      }
    }
    ui.alert('LKH — Kiểm tra biểu mẫu', validationText(v), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert('LKH — Kiểm tra biểu mẫu', errorLine(e), ui.ButtonSet.OK);
  }
}

/** Tổng hợp một lần bấm: the commune's villages into II.4.x/II.6.x, or the upper level's roll-up of the communes. */
export async function menuConsolidate(api: ServerApi, ui: UiSurface, now: () => number = () => Date.now()): Promise<void> {
  const title = 'LKH — Tổng hợp một lần bấm';
  try {
    const settings = await api.getSettings();
    if (isUpperLevel(settings.level)) {
      ui.alert(title, rollUpText(await api.rollUp({})), ui.ButtonSet.OK);
      return;
    }
    const start = now();
    const v = await api.consolidate({});
    ui.alert(title, consolidationText(v, Math.round((now() - start) / 100) / 10), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, errorLine(e), ui.ButtonSet.OK);
  }
}

/** Splits "a@x.vn, b@x.vn; c@x.vn" into addresses. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/** Bảo vệ trang của xã: asks who may edit the active tab, then protects it. */
export async function menuProtectSheet(api: ServerApi, ui: UiSurface, activeSheet: () => string): Promise<void> {
  const title = 'LKH — Bảo vệ trang của xã';
  try {
    const sheet = activeSheet();
    if (isInternalSheet(sheet) || isRollupSheet(sheet)) {
      ui.alert(title, `Trang "${sheet}" không phải trang của một xã. Hãy chọn trang của xã cần bảo vệ (ví dụ "Xã Tân Lập - II.6.B") rồi chọn lại mục này.`, ui.ButtonSet.OK);
      return;
    }
    const answer = ui.prompt(
      title,
      `Nhập địa chỉ email của cán bộ xã được sửa trang "${sheet}", cách nhau bằng dấu phẩy. Người khác (trừ chủ bảng tính và bạn) sẽ không sửa được trang này.\nĐể trống: ai cũng sửa được nhưng Google Trang tính sẽ hỏi lại trước khi sửa.`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const editors = splitEmails(answer.getResponseText());
    const r = await api.protectSheet({ sheet, editors, ...(editors.length === 0 ? { warningOnly: true } : {}) });
    ui.alert(
      title,
      r.warningOnly
        ? `Đã bảo vệ trang "${r.sheet}" ở chế độ cảnh báo: ai sửa cũng được hỏi lại trước.`
        : `Đã bảo vệ trang "${r.sheet}". Người được sửa: ${r.editors.join(', ')}.`,
      ui.ButtonSet.OK,
    );
  } catch (e) {
    ui.alert(title, errorLine(e), ui.ButtonSet.OK);
  }
}
