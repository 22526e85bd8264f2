/**
 * The Excel task pane: once Office is ready, checks the client (Excel, ExcelApi 1.7), then mounts
 * the shared pane over the core's actions on the open workbook (OfficeWorkbook), with what only
 * Excel does (select a cell, mark findings, insert .xlsx files as sheets) from office-host.ts.
 * Building the package sent upward uses ExcelJS, loaded with import() only when it is asked for.
 *
 * The manifest asks for ExcelApi 1.1 only, so that old Excel still opens this page and can say it
 * is too old (manifests/excel-manifest.ts); the real minimum, ExcelApi 1.7, is checked here with
 * Office.context.requirements.isSetSupported (office-host.ts checkExcelSupport). In Internet
 * Explorer 11 (Office 2016/2019 volume licence) this bundle never runs: taskpane.html's inline
 * script shows the message first.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { LkhPane, rememberLang, rememberedLang } from '../../core/ui';
import { importEach } from '../../core/ui/files';
import { createLocalClient } from './client-local';
import { MIN_EXCEL_API, checkExcelSupport, createOfficeHost } from './office-host';
import { blocked, markStarted, rootElement, showFallback } from './page';

function start(info: { host: Office.HostType | null }): void {
  if (blocked()) return;
  if (info.host !== Office.HostType.Excel) {
    showFallback('no-excel');
    return;
  }
  // https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
  const support = checkExcelSupport();
  if (!support.ok) {
    showFallback('too-old', `ExcelApi ${MIN_EXCEL_API}`);
    return;
  }
  const host = createOfficeHost();
  const client = createLocalClient({
    host: 'excel',
    port: host.port,
    extras: {
      selectCell: (sheet, cell) => host.selectCell(sheet, cell),
      markFindings: async (findings) => void (await host.markFindings(findings)),
    },
    // One file after the other; a damaged file is reported and the others are still inserted.
    importFiles: (files, onProgress) => importEach(files, (f) => host.importXlsx(f.name, f.bytes), onProgress),
    // The conference handout as a sheet with Excel's own charts (Văn bản).
    addCharts: (sheet, charts) => host.addCharts(sheet, charts),
  });
  createRoot(rootElement()).render(
    <>
      {support.reduced.length > 0 ? (
        <FluentProvider theme={webLightTheme}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Excel này thiếu một vài chức năng LKH dùng.</MessageBarTitle> {support.reduced.join(' ')} Excel 2021 trở lên, Microsoft 365 và Excel trên web có đủ.
            </MessageBarBody>
          </MessageBar>
        </FluentProvider>
      ) : null}
      <LkhPane client={client} host="excel" lang={rememberedLang() ?? 'vi'} onLangChange={rememberLang} />
    </>,
  );
  markStarted();
}

if (!blocked()) {
  Office.onReady()
    .then(start)
    .catch((e: unknown) => showFallback('failed', e instanceof Error ? e.message : String(e)));
}
