/**
 * One call of a top-level server function from the sidebar (google.script.run, wrapped in a
 * Promise by remote.ts createCaller). Its own module so the sidebar's file helpers
 * (xlsx-import.ts, export-package.ts) need not import remote.ts, which imports them.
 */
import type { SidebarApi, SidebarFunction } from '../server/entry-points';

export type Call = <K extends SidebarFunction>(name: K, ...args: Parameters<SidebarApi[K]>) => Promise<ReturnType<SidebarApi[K]>>;
