/**
 * The Excel add-in's manifest (XML "add-in only" manifest), written for one base URL (STYLE.md §10:
 * one function writes it, scripts/manifest.mjs and scripts/build-excel.mjs call it, and
 * excel-addin/test/manifest.test.ts checks it).
 *
 * Why XML and not the unified JSON manifest: the XML manifest runs on every Excel client, including
 * the perpetual Excel 2021/2024 (LTSC); the JSON manifest does not run on perpetual Windows builds.
 * https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests
 *
 * Requirements: the manifest declares ExcelApi 1.1 on purpose, not the 1.7 the pane really needs.
 * A client that does not meet the manifest's requirement never shows the add-in at all, so a user of
 * Excel 2016 (ExcelApi 1.1) would see nothing and not know why. With 1.1 the pane loads everywhere;
 * taskpane.html then says plainly "this Excel is too old" when it runs in Internet Explorer 11
 * (Office 2016/2019 volume licence: React and Fluent UI cannot run there), and taskpane.tsx checks
 * the real minimum, ExcelApi 1.7 (RUNTIME_MIN_EXCEL_API), with Office.context.requirements
 * .isSetSupported before starting the pane. Newer calls (1.8 data validation, 1.13
 * insertWorksheetsFromBase64…) are gated where they are used.
 * https://learn.microsoft.com/javascript/api/manifest/requirements
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 *
 * Caching: Office (WebView2 on Windows) caches the pane's page. Asset names carry a content hash,
 * the pane's URL carries the manifest version (`taskpane.html?v=1.2.3.4`), and each release bumps the
 * version (package.json "version" plus LKH_BUILD), so a new manifest always loads fresh files.
 *
 * Host-neutral TypeScript (no Node imports): jest imports it directly; the Node scripts load it
 * through esbuild (scripts/load-ts.mjs).
 */

/** The add-in's identity in Office; never change it (a new id is a different add-in for every user). */
export const EXCEL_ADDIN_ID = 'e70491a6-4691-4455-95a4-ede4d04385b4';

/** Declared in the manifest: the lowest set, so every client loads the pane and can show its message. */
export const MANIFEST_MIN_EXCEL_API = '1.1';

/** Checked at run time (taskpane.tsx): onChanged and numberFormatLocal (1.7); Excel 2019 and later. */
export const RUNTIME_MIN_EXCEL_API = '1.7';

export const DEFAULT_BASE_URL = 'https://localhost:3000';

export interface ExcelManifestOptions {
  /** Where dist/excel-addin is served, https (e.g. "https://lkh.example.vn/excel/"). */
  readonly baseUrl: string;
  /** Four-part version "a.b.c.d"; bump it on every release. */
  readonly version: string;
  /** The add-in id (GUID); defaults to EXCEL_ADDIN_ID. */
  readonly id?: string;
}

/** The files the manifest points at, relative to the base URL. */
export const MANIFEST_FILES = {
  taskpane: 'taskpane.html',
  icon16: 'assets/icon-16.png',
  icon32: 'assets/icon-32.png',
  icon64: 'assets/icon-64.png',
  icon80: 'assets/icon-80.png',
} as const;

/** "0.1.0" and a build number → "0.1.0.7" (Office wants four parts, each 0-65535). */
export function manifestVersion(packageVersion: string, build = 0): string {
  const core = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!core) throw new Error(`Phiên bản "${packageVersion}" không đúng dạng a.b.c.`);
  const parts = [core[1], core[2], core[3], String(build)].map(Number);
  if (parts.some((p) => !Number.isInteger(p) || p < 0 || p > 65535)) throw new Error(`Phiên bản ${parts.join('.')} vượt giới hạn 0-65535 của Office.`);
  return parts.join('.');
}

/** The base URL with exactly one trailing slash; https only (Office refuses http pane pages). */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Địa chỉ gốc "${baseUrl}" không hợp lệ (ví dụ https://lkh.example.vn/excel/).`);
  }
  if (url.protocol !== 'https:') throw new Error(`Địa chỉ gốc phải là https (Excel chỉ mở ngăn tác vụ qua https): ${baseUrl}`);
  if (url.search || url.hash) throw new Error(`Địa chỉ gốc không được có ?… hay #…: ${baseUrl}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Texts in Vietnamese (default) and English (override). Short strings ≤ 125 characters, long ≤ 250. */
const TEXT = {
  displayName: { vi: 'LKH — Lập kế hoạch xã', en: 'LKH — Commune planning' },
  description: {
    vi: 'Lập kế hoạch CTMTQG cấp xã gắn với kế hoạch phát triển KT-XH hằng năm: biểu mẫu, kiểm tra, tổng hợp, xếp ưu tiên.',
    en: 'Annual commune planning for the National Target Programs: official forms, checks, consolidation, ranking.',
  },
  groupLabel: { vi: 'Lập kế hoạch', en: 'Planning' },
  buttonLabel: { vi: 'LKH', en: 'LKH' },
  buttonTooltip: { vi: 'Mở ngăn LKH: chèn biểu mẫu, kiểm tra, tổng hợp kế hoạch xã, xếp ưu tiên.', en: 'Open the LKH pane: insert forms, check, consolidate the commune plan, rank.' },
} as const;

/** The manifest XML for a base URL. */
export function excelManifest(opts: ExcelManifestOptions): string {
  const base = normaliseBaseUrl(opts.baseUrl);
  const id = opts.id ?? EXCEL_ADDIN_ID;
  if (!GUID.test(id)) throw new Error(`Mã add-in "${id}" phải là một GUID.`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(opts.version)) throw new Error(`Phiên bản manifest "${opts.version}" phải có bốn phần a.b.c.d.`);
  const url = (file: string) => esc(new URL(file, base).href);
  const pane = url(`${MANIFEST_FILES.taskpane}?v=${opts.version}`);
  const str = (id: string, t: { vi: string; en: string }) =>
    `        <bt:String id="${id}" DefaultValue="${esc(t.vi)}">\n          <bt:Override Locale="en-US" Value="${esc(t.en)}"/>\n        </bt:String>`;
  const icons = `                <Icon>
                  <bt:Image size="16" resid="Icon.16"/>
                  <bt:Image size="32" resid="Icon.32"/>
                  <bt:Image size="80" resid="Icon.80"/>
                </Icon>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by manifests/excel-manifest.ts for ${esc(base).replace(/-{2,}/g, '-')}; do not edit by hand (node scripts/manifest.mjs BASE_URL). -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${esc(id)}</Id>
  <Version>${esc(opts.version)}</Version>
  <ProviderName>LKH</ProviderName>
  <DefaultLocale>vi-VN</DefaultLocale>
  <DisplayName DefaultValue="${esc(TEXT.displayName.vi)}">
    <Override Locale="en-US" Value="${esc(TEXT.displayName.en)}"/>
  </DisplayName>
  <Description DefaultValue="${esc(TEXT.description.vi)}">
    <Override Locale="en-US" Value="${esc(TEXT.description.en)}"/>
  </Description>
  <IconUrl DefaultValue="${url(MANIFEST_FILES.icon32)}"/>
  <HighResolutionIconUrl DefaultValue="${url(MANIFEST_FILES.icon64)}"/>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <!-- Deliberately low: the pane must load on old Excel to say it is too old; ExcelApi ${RUNTIME_MIN_EXCEL_API} is checked at run time. -->
  <Requirements>
    <Sets DefaultMinVersion="${MANIFEST_MIN_EXCEL_API}">
      <Set Name="ExcelApi" MinVersion="${MANIFEST_MIN_EXCEL_API}"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${pane}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="LKH.Group">
                <Label resid="Group.Label"/>
${icons}
                <Control xsi:type="Button" id="LKH.OpenPane">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
${icons.replace(/^ {2}/gm, '    ')}
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>LKH.Pane</TaskpaneId>
                    <SourceLocation resid="Pane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16" DefaultValue="${url(MANIFEST_FILES.icon16)}"/>
        <bt:Image id="Icon.32" DefaultValue="${url(MANIFEST_FILES.icon32)}"/>
        <bt:Image id="Icon.80" DefaultValue="${url(MANIFEST_FILES.icon80)}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Pane.Url" DefaultValue="${pane}"/>
      </bt:Urls>
      <bt:ShortStrings>
${str('Group.Label', TEXT.groupLabel)}
${str('Button.Label', TEXT.buttonLabel)}
      </bt:ShortStrings>
      <bt:LongStrings>
${str('Button.Tooltip', TEXT.buttonTooltip)}
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
