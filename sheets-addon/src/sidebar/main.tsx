/**
 * The sidebar page's script (inlined into Sidebar.html by scripts/build-sheets.mjs): mounts the
 * Sheets sidebar over google.script.run. Outside Google Sheets (no google.script.run) it says so
 * instead of showing a blank panel.
 */
import { createRoot } from 'react-dom/client';
import type { ScriptRun } from './remote';
import { createCaller, createRemoteClient } from './remote';
import { SheetsSidebar } from './SheetsSidebar';
import { sheetsVi } from './strings';

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

/** Mounts the sidebar in #root (does nothing without one). */
export function start(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const run = window.google?.script?.run;
  if (!run) {
    root.textContent = sheetsVi.errors.notInSheets;
    return;
  }
  createRoot(root).render(<SheetsSidebar client={createRemoteClient(createCaller(run))} />);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
