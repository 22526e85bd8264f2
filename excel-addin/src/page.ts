/**
 * What the bundles share with the pages' inline ES5 script (public/*.html): it defines
 * lkhShowFallback and shows a plain message when the pane cannot run (Internet Explorer 11, old
 * Edge, office.js missing, Excel too old); the bundle calls it too, and says when it started.
 */
export type FallbackKind = 'too-old' | 'no-office' | 'no-excel' | 'failed';

declare global {
  interface Window {
    lkhShowFallback?: (kind: FallbackKind, detail?: string) => void;
    /** Set by the inline script when the page cannot run LKH: the bundle does not start. */
    LKH_BLOCKED?: boolean;
    /** Set by the bundle once the pane is rendered (the inline script's watchdog stops). */
    LKH_STARTED?: boolean;
  }
}

export function blocked(): boolean {
  return window.LKH_BLOCKED === true;
}

export function showFallback(kind: FallbackKind, detail?: string): void {
  if (window.lkhShowFallback) window.lkhShowFallback(kind, detail);
  else {
    const el = document.getElementById('root');
    if (el) el.textContent = `LKH không chạy được ở đây (${kind}). ${detail ?? ''}`;
  }
}

export function markStarted(): void {
  window.LKH_STARTED = true;
  const el = document.getElementById('lkh-fallback');
  if (el && !window.LKH_BLOCKED) el.style.display = 'none';
}

/** The page's mount point, emptied of its "Đang mở LKH…" placeholder. */
export function rootElement(): HTMLElement {
  const el = document.getElementById('root');
  if (!el) throw new Error('The page has no #root element.');
  el.textContent = '';
  return el;
}
