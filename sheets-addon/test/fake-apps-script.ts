/**
 * The rest of Apps Script around the strict fake spreadsheet, for loading the built server bundle
 * in a Node `vm` context: SpreadsheetApp (with getUi), HtmlService, PropertiesService,
 * LockService, Session, Utilities — every call on them recorded, so a test can prove what a
 * function touched (onOpen: the menu and nothing else). And a fake google.script.run that calls
 * the bundle's top-level functions as Google does: asynchronously, JSON only in and out, only
 * functions that exist at top level and do not end with "_", errors to the failure handler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { fakeFormatDate } from './fake-spreadsheet';

export const ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------
// Ui, menus, HtmlService

export type FakeButton = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export class FakeMenu {
  readonly items: ({ readonly caption: string; readonly fn: string } | 'separator')[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly name: string,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.ui.calls.push('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string' || functionName === '') throw new Error('Exception: Invalid argument');
    this.items.push({ caption, fn: functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.ui.calls.push('Menu.addSeparator');
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.calls.push('Menu.addToUi');
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput {
  title = '';
  constructor(readonly content: string) {}
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getContent(): string {
    return this.content;
  }
}

export class FakePromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: FakeButton,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): FakeButton {
    return this.button;
  }
}

export class FakeUi {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
  readonly calls: string[] = [];
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly prompts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  /** What the user answers to the next prompts. */
  readonly answers: { text: string; button: FakeButton }[] = [];

  createAddonMenu(): FakeMenu {
    this.calls.push('Ui.createAddonMenu');
    return new FakeMenu(this, 'LKH');
  }
  createMenu(name: string): FakeMenu {
    this.calls.push('Ui.createMenu');
    return new FakeMenu(this, name);
  }
  alert(title: string, prompt?: string, _buttons?: string): FakeButton {
    this.calls.push('Ui.alert');
    this.alerts.push({ title, prompt: prompt ?? '' });
    return 'OK';
  }
  prompt(title: string, prompt?: string, _buttons?: string): FakePromptResponse {
    this.calls.push('Ui.prompt');
    this.prompts.push({ title, prompt: prompt ?? '' });
    const a = this.answers.shift() ?? { text: '', button: 'CLOSE' };
    return new FakePromptResponse(a.text, a.button);
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.calls.push('Ui.showSidebar');
    if (!(html instanceof FakeHtmlOutput)) throw new Error('Exception: Invalid argument: userInterface');
    this.sidebars.push(html);
  }
}

// ---------------------------------------------------------------------------------------
// The globals

export interface AppsScriptWorld {
  readonly ss: FakeSpreadsheet;
  readonly ui: FakeUi;
  /** "SpreadsheetApp.getActiveSpreadsheet", "PropertiesService.getDocumentProperties"… in call order. */
  readonly log: string[];
  readonly globals: Record<string, unknown>;
}

/** A service object whose method calls are logged as "<service>.<method>". */
function logged<T extends object>(service: string, target: T, log: string[]): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        log.push(`${service}.${String(prop)}`);
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

/** The Apps Script services over a fake spreadsheet; `files` are the project's HTML files. */
export function appsScriptWorld(ss: FakeSpreadsheet, files: Readonly<Record<string, string>> = { Sidebar: '<!DOCTYPE html><p>LKH</p>' }): AppsScriptWorld {
  const log: string[] = [];
  const ui = new FakeUi();
  const SpreadsheetApp = logged(
    'SpreadsheetApp',
    {
      ProtectionType: ss.app.ProtectionType,
      getActiveSpreadsheet: () => ss,
      getActiveSheet: () => ss.getActiveSheet(),
      getActiveRange: () => ss.getActiveRange(),
      getUi: () => ui,
      flush: () => ss.app.flush(),
      newDataValidation: () => ss.app.newDataValidation(),
    },
    log,
  );
  const HtmlService = logged(
    'HtmlService',
    {
      createHtmlOutputFromFile: (name: string) => {
        const content = files[name];
        if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(content);
      },
    },
    log,
  );
  const PropertiesService = logged('PropertiesService', { getDocumentProperties: () => ss.properties }, log);
  const LockService = logged('LockService', { getDocumentLock: () => ss.locks.getDocumentLock(), getScriptLock: () => ss.locks.getScriptLock() }, log);
  const user = { getEmail: () => ss.effectiveUser };
  const Session = logged('Session', { getEffectiveUser: () => user, getActiveUser: () => user }, log);
  const Utilities = logged('Utilities', { formatDate: fakeFormatDate }, log);
  return { ss, ui, log, globals: { SpreadsheetApp, HtmlService, PropertiesService, LockService, Session, Utilities } };
}

// ---------------------------------------------------------------------------------------
// The built add-on

export interface BuiltAddon {
  readonly dir: string;
  readonly code: string;
  readonly sidebarHtml?: string;
  /** The sidebar's ExcelJS part, fetched by the sidebar through sidebarLibrary(). */
  readonly xlsxLibHtml?: string;
  readonly manifest: Record<string, unknown>;
}

/** Builds the add-on into a temporary folder with scripts/build-sheets.mjs (the sidebar too unless serverOnly). */
export function buildAddon(options: { serverOnly?: boolean } = {}): BuiltAddon {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkh-sheets-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-sheets.mjs'), '--out', dir, ...(options.serverOnly ? ['--server-only'] : [])], { cwd: ROOT, stdio: 'pipe' });
  return {
    dir,
    code: readFileSync(path.join(dir, 'Code.js'), 'utf8'),
    ...(options.serverOnly ? {} : { sidebarHtml: readFileSync(path.join(dir, 'Sidebar.html'), 'utf8'), xlsxLibHtml: readFileSync(path.join(dir, 'XlsxLib.html'), 'utf8') }),
    manifest: JSON.parse(readFileSync(path.join(dir, 'appsscript.json'), 'utf8')) as Record<string, unknown>,
  };
}

export type ServerContext = vm.Context & Record<string, unknown>;

/** Loads Code.js in a fresh context holding the world's globals, as Apps Script loads the project. */
export function loadServer(code: string, world: AppsScriptWorld): ServerContext {
  const context = vm.createContext({ ...world.globals, console }) as ServerContext;
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/** Names of the context's top-level functions (what Apps Script lists and google.script.run may call). */
export function topLevelFunctions(context: ServerContext): string[] {
  return vm.runInContext('Object.keys(globalThis).filter(function (k) { return typeof globalThis[k] === "function"; })', context) as string[];
}

/** A top-level function of the context, called as Apps Script calls it. */
export function serverCall(context: ServerContext, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

// ---------------------------------------------------------------------------------------
// google.script.run

/** The message of an error thrown in another realm (the vm context's Error is not this realm's). */
export function messageOf(e: unknown): string {
  return e !== null && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

/** What google.script.run lets cross: JSON, undefined as null in arrays; no Date, function, typed array. */
export function crossing(value: unknown, where: string): unknown {
  const check = (v: unknown, at: string): void => {
    if (Object.prototype.toString.call(v) === '[object Date]') throw new Error(`google.script.run: a Date cannot cross (${at})`);
    if (typeof v === 'function') throw new Error(`google.script.run: a function cannot cross (${at})`);
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) throw new Error(`google.script.run: binary data cannot cross (${at})`);
    if (Array.isArray(v)) v.forEach((x, i) => check(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) check(x, `${at}.${k}`);
  };
  check(value, where);
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export interface FakeScriptRunOptions {
  /** Every call fails as Google fails calls of a user signed in to several accounts. */
  readonly permissionDenied?: boolean;
  /** Milliseconds before the server "answers". */
  readonly latencyMs?: number;
}

export interface FakeScriptRunStats {
  readonly calls: string[];
  inFlight: number;
  maxInFlight: number;
}

/** The Google error text seen by users signed in to several accounts. */
export const PERMISSION_DENIED_TEXT = "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";

/** google.script.run over a vm context holding the built server. */
export function fakeScriptRun(context: ServerContext, options: FakeScriptRunOptions = {}): { run: Record<string, unknown>; stats: FakeScriptRunStats } {
  const stats: FakeScriptRunStats = { calls: [], inFlight: 0, maxInFlight: 0 };
  const callable = (name: string): boolean => !name.endsWith('_') && topLevelFunctions(context).includes(name);
  const runner = (success?: (v: unknown) => void, failure?: (e: unknown) => void): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get(_, prop) {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, failure);
          if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner(success, f);
          if (typeof prop !== 'string' || !callable(prop)) return undefined;
          return (...args: unknown[]) => {
            const sent = args.map((a, i) => crossing(a === undefined ? null : a, `${prop} argument ${i + 1}`));
            stats.calls.push(prop);
            stats.inFlight++;
            stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
            setTimeout(() => {
              stats.inFlight--;
              if (options.permissionDenied) {
                failure?.(new Error(PERMISSION_DENIED_TEXT));
                return;
              }
              let result: unknown;
              try {
                result = crossing(serverCall(context, prop, ...sent), `${prop} result`);
              } catch (e) {
                failure?.(new Error(messageOf(e)));
                return;
              }
              success?.(result);
            }, options.latencyMs ?? 0);
          };
        },
      },
    );
  return { run: runner(), stats };
}
