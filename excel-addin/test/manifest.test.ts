/**
 * @jest-environment jsdom
 *
 * The Excel manifest as generated for a base URL (STYLE.md §10): well-formed XML, the add-in's id,
 * version, requirements, permissions and ribbon button, every resource id resolved, every URL
 * https and under the base URL; and scripts/manifest.mjs writes exactly what the generator gives.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_BASE_URL,
  EXCEL_ADDIN_ID,
  MANIFEST_FILES,
  MANIFEST_MIN_EXCEL_API,
  RUNTIME_MIN_EXCEL_API,
  excelManifest,
  manifestVersion,
  normaliseBaseUrl,
} from '../../manifests/excel-manifest';
import { MIN_EXCEL_API } from '../src/office-port';

const root = path.resolve(__dirname, '..', '..');
const BASE = 'https://lkh.example.vn/excel';

function parse(xml: string): XMLDocument {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

const all = (doc: XMLDocument, tag: string): Element[] => [...doc.getElementsByTagName(tag)];
const one = (doc: XMLDocument, tag: string): Element => {
  const found = all(doc, tag);
  if (found.length === 0) throw new Error(`no <${tag}>`);
  return found[0];
};

/** Every URL in the manifest: attribute values and text that look like one. */
function urls(doc: XMLDocument): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const a of [...el.attributes]) if (/^[a-z]+:\/\//i.test(a.value) && !a.name.startsWith('xmlns')) out.push(a.value);
    if (el.children.length === 0 && /^[a-z]+:\/\//i.test(el.textContent?.trim() ?? '')) out.push(el.textContent?.trim() ?? '');
    for (const c of [...el.children]) walk(c);
  };
  walk(doc.documentElement);
  return out;
}

describe('Excel manifest', () => {
  const xml = excelManifest({ baseUrl: BASE, version: '1.2.3.4' });
  const doc = parse(xml);

  it('is a well-formed task pane manifest', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const app = doc.documentElement;
    expect(app.localName).toBe('OfficeApp');
    expect(app.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
    // the schema's order of the top-level elements
    const order = [...app.children].map((c) => c.localName);
    expect(order).toEqual(['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']);
  });

  it('carries the id, version, locales, host and permissions', () => {
    expect(one(doc, 'Id').textContent).toBe(EXCEL_ADDIN_ID);
    expect(one(doc, 'Version').textContent).toBe('1.2.3.4');
    expect(one(doc, 'DefaultLocale').textContent).toBe('vi-VN');
    const name = one(doc, 'DisplayName');
    expect(name.getAttribute('DefaultValue')).toContain('Lập kế hoạch');
    expect(name.getElementsByTagName('Override')[0].getAttribute('Locale')).toBe('en-US');
    expect(one(doc, 'Description').getElementsByTagName('Override')[0].getAttribute('Locale')).toBe('en-US');
    expect(all(doc, 'Host').filter((h) => h.getAttribute('Name')).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(one(doc, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(excelManifest({ baseUrl: BASE, version: '1.0.0.0', id: '00000000-1111-2222-3333-444444444444' })).toContain('<Id>00000000-1111-2222-3333-444444444444</Id>');
  });

  it('declares a low ExcelApi minimum, below the one checked at run time', () => {
    const set = one(doc, 'Set');
    expect(set.getAttribute('Name')).toBe('ExcelApi');
    expect(set.getAttribute('MinVersion')).toBe(MANIFEST_MIN_EXCEL_API);
    expect(MANIFEST_MIN_EXCEL_API).toBe('1.1');
    expect(RUNTIME_MIN_EXCEL_API).toBe('1.7');
    // the pane checks the same floor the adapter is written for
    expect(RUNTIME_MIN_EXCEL_API).toBe(MIN_EXCEL_API);
    expect(Number(RUNTIME_MIN_EXCEL_API)).toBeGreaterThan(Number(MANIFEST_MIN_EXCEL_API));
  });

  it('opens the pane from an "LKH" button on the Home tab', () => {
    const tab = one(doc, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const control = one(doc, 'Control');
    expect(control.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('Button');
    const label = control.getElementsByTagName('Label')[0].getAttribute('resid');
    const strings = new Map(all(doc, 'bt:String').map((s) => [s.getAttribute('id'), s]));
    expect(strings.get(label)?.getAttribute('DefaultValue')).toBe('LKH');
    const action = control.getElementsByTagName('Action')[0];
    expect(action.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('ShowTaskpane');
    const resid = action.getElementsByTagName('SourceLocation')[0].getAttribute('resid');
    const paneUrl = all(doc, 'bt:Url').find((u) => u.getAttribute('id') === resid)?.getAttribute('DefaultValue');
    expect(paneUrl).toBe(`${BASE}/${MANIFEST_FILES.taskpane}?v=1.2.3.4`);
    expect(one(doc, 'SourceLocation').getAttribute('DefaultValue')).toBe(paneUrl);
  });

  it('resolves every resource id, within Office limits', () => {
    const resources = new Map<string, Element>();
    for (const tag of ['bt:Image', 'bt:Url', 'bt:String']) for (const el of all(doc, tag)) if (el.getAttribute('id')) resources.set(el.getAttribute('id') as string, el);
    const used = [...doc.getElementsByTagName('*')].map((el) => el.getAttribute('resid')).filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(5);
    for (const r of used) expect(resources.has(r)).toBe(true);
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
    const short = [...one(doc, 'bt:ShortStrings').getElementsByTagName('*')];
    const long = [...one(doc, 'bt:LongStrings').getElementsByTagName('*')];
    for (const s of short) expect((s.getAttribute('DefaultValue') ?? s.getAttribute('Value') ?? '').length).toBeLessThanOrEqual(125);
    for (const s of long) expect((s.getAttribute('DefaultValue') ?? s.getAttribute('Value') ?? '').length).toBeLessThanOrEqual(250);
    for (const s of all(doc, 'bt:String')) expect(s.getElementsByTagName('bt:Override')[0]?.getAttribute('Locale')).toBe('en-US');
    const images = [...one(doc, 'bt:Images').getElementsByTagName('bt:Image')].map((i) => i.getAttribute('id'));
    expect(images).toEqual(['Icon.16', 'Icon.32', 'Icon.80']);
    // the button and its group show the three sizes Office asks for
    for (const icon of all(doc, 'Icon')) expect([...icon.getElementsByTagName('bt:Image')].map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
  });

  it('points every URL at https under the base URL', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const u of found) {
      expect(u.startsWith(`${BASE}/`)).toBe(true);
      expect(new URL(u).protocol).toBe('https:');
    }
    for (const f of Object.values(MANIFEST_FILES)) expect(found.some((u) => u.startsWith(`${BASE}/${f}`))).toBe(true);
  });

  it('normalises the base URL and refuses what Office cannot load', () => {
    expect(normaliseBaseUrl('https://h.vn/a/b')).toBe('https://h.vn/a/b/');
    expect(normaliseBaseUrl('https://h.vn/a/b/')).toBe('https://h.vn/a/b/');
    expect(normaliseBaseUrl(DEFAULT_BASE_URL)).toBe('https://localhost:3000/');
    expect(excelManifest({ baseUrl: 'https://h.vn/x/', version: '1.0.0.0' })).toBe(excelManifest({ baseUrl: 'https://h.vn/x', version: '1.0.0.0' }));
    expect(() => excelManifest({ baseUrl: 'http://h.vn/', version: '1.0.0.0' })).toThrow('https');
    expect(() => excelManifest({ baseUrl: 'h.vn', version: '1.0.0.0' })).toThrow('không hợp lệ');
    expect(() => excelManifest({ baseUrl: 'https://h.vn/?a=1', version: '1.0.0.0' })).toThrow();
    expect(() => excelManifest({ baseUrl: BASE, version: '1.0' })).toThrow('bốn phần');
    expect(() => excelManifest({ baseUrl: BASE, version: '1.0.0.0', id: 'lkh' })).toThrow('GUID');
  });

  it('escapes what XML needs escaped', () => {
    const odd = parse(excelManifest({ baseUrl: "https://h.vn/a&b'c--d/", version: '1.0.0.0' }));
    expect(urls(odd).every((u) => u.startsWith("https://h.vn/a&b'c--d/"))).toBe(true);
  });

  it('versions as a.b.c.d from package.json and a build number', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.3.4-beta.1', 17)).toBe('2.3.4.17');
    expect(() => manifestVersion('x')).toThrow();
    expect(() => manifestVersion('1.2.3', 70000)).toThrow();
  });

  it('is what scripts/manifest.mjs writes for a base URL', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'manifest.mjs'), BASE, '--version', '1.2.3.4'], { cwd: root, encoding: 'utf8' });
    expect(out).toBe(xml);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const dflt = execFileSync(process.execPath, [path.join(root, 'scripts', 'manifest.mjs'), BASE], { cwd: root, encoding: 'utf8', env: { ...process.env, LKH_BUILD: '5' } });
    expect(one(parse(dflt), 'Version').textContent).toBe(manifestVersion(pkg.version, 5));
  });
});
