/**
 * The Văn bản screen in the Google Sheets sidebar: the server's documentData over SheetsWorkbook on
 * the strict fake sends every sheet and the state; the sidebar drafts the document with the core's
 * draftFile (registered by the XlsxLib part, as the page does once sidebarLibrary has run) and
 * downloads it. The demo commune's tabs are uploaded and consolidated through the same server API.
 */
import JSZip from 'jszip';
import { SheetsWorkbook } from '../src/server/sheets-port';
import { createServerApi } from '../src/server/api';
import type { SidebarApi } from '../src/server/entry-points';
import type { Call } from '../src/sidebar/call';
import { downloadDocumentRemote } from '../src/sidebar/documents';
import { createRemoteClient } from '../src/sidebar/remote';
import '../src/sidebar/xlsx-lib';
import { DEMO_COMMUNE, DEMO_YEAR, demoFiles } from '../../core/src/workflow/demo';
import { XlsxWorkbook } from '../../core/src/xlsx/xlsx-workbook';
import { FakeSpreadsheet } from './fake-spreadsheet';

async function demoSidebar() {
  const ss = FakeSpreadsheet.fromArrays({ 'Trang tính1': [] });
  const port = new SheetsWorkbook(ss, ss.properties, ss.host());
  const a = createServerApi({
    port,
    selectCell: () => undefined,
    protect: () => {
      throw new Error('not used');
    },
    now: () => 0,
    lock: { lockService: ss.locks, flush: () => ss.app.flush() },
  });
  const calls: string[] = [];
  const call = (async (name: keyof SidebarApi, ...args: unknown[]) => {
    calls.push(name);
    return (a as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name](...args);
  }) as Call;
  await a.saveSettings({ planYear: DEMO_YEAR, unitName: DEMO_COMMUNE, level: 'xa', period: '2026-2030', upperLevelName: 'Tỉnh Lào Cai' });
  let n = 0;
  for (const f of demoFiles()) await a.importSheets({ file: f.name, sheets: f.sheets.map((s) => ({ layout: { ...s.layout, name: `${++n} ${s.formId}` }, formId: s.formId })) });
  await a.consolidate();
  const deleteTabs = (names: readonly string[]) => port.deleteSheets(names);
  return { a, call, calls, deleteTabs };
}

describe('Văn bản in the Sheets sidebar', () => {
  it('drafts the Word documents and the sheets from every tab the server sends, and downloads them', async () => {
    const { a, call, calls } = await demoSidebar();
    const data = await a.documentData();
    // Every tab, the villages' and the plan's, with the state.
    expect(data.names).toEqual(expect.arrayContaining(['II.4.A', 'II.6.A', 'II.6.B', '1 I.2']));
    expect(data.sheets.map((s) => s.name)).toEqual(data.names);
    expect(data.state.unitName).toBe(DEMO_COMMUNE);

    const got: { name: string; bytes: Uint8Array; mime: string }[] = [];
    const download = (name: string, bytes: Uint8Array, mime: string) => void got.push({ name, bytes, mime });
    const r = await downloadDocumentRemote(call, 'II.7.A', download);
    expect(r).toMatchObject({ fileName: 'II.7.A.docx', missing: [] });
    expect(r.blanks).toBeGreaterThan(0);
    expect(got[0]).toMatchObject({ name: 'II.7.A.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const xml = await (await JSZip.loadAsync(got[0].bytes)).file('word/document.xml')?.async('string');
    expect(xml).toContain('TÂN LẬP');
    // Only JSON crossed: the server sent values; the file was made here.
    expect(calls).toEqual(['documentData']);

    const ii2 = await downloadDocumentRemote(call, 'II.2', download);
    expect(ii2.fileName).toBe('II.2.xlsx');
    expect(await (await XlsxWorkbook.load(got[1].bytes)).listSheets()).toEqual(['II.2']);
  }, 60_000);

  it('is the client’s downloadDocument, and says what is missing in the pane’s words', async () => {
    const { a, call, deleteTabs } = await demoSidebar();
    const client = createRemoteClient(call);
    expect(typeof client.downloadDocument).toBe('function');
    // Without the villages' I.1 (deleted here; the demo villages send theirs), II.8 cannot be summed.
    const state = await a.getSettings();
    expect(state.planYear).toBe(DEMO_YEAR);
    const i1 = (await a.listSheets()).filter((n) => / I\.1$/u.test(n));
    expect(i1).toHaveLength(6);
    await deleteTabs(i1);
    await expect(client.downloadDocument?.('II.8')).rejects.toThrow('Biểu II.8 cần Biểu I.1 của các thôn: thêm tệp của thôn ở "Tệp"');
  }, 60_000);
});
