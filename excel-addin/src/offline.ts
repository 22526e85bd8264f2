/**
 * The standalone page keeps itself for use without network (issue 25): it registers the service
 * worker the build writes (sw.js, scripts/offline.mjs) and says when a new release has taken over.
 * Only the standalone page calls this; the Excel task pane is loaded by Office.
 *
 * Nothing of the user's files goes through the worker: it keeps and serves the page's own files
 * only (GET requests to the page's origin), and the workbook stays in the page's memory.
 */

interface OfflineOptions {
  /** A new release replaced the one this page was opened with (the worker changed while open). */
  readonly onUpdated: () => void;
}

/** Registers sw.js next to the page, where the browser allows it (http(s), a secure context). */
export function registerOffline({ onUpdated }: OfflineOptions): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const container = navigator.serviceWorker;
  // The first visit has no worker yet: its arrival is not news. Later, a new worker means a new release.
  let known = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (known) onUpdated();
    known = true;
  });
  container.register('sw.js').catch(() => {
    // Without the worker the page still works online; nothing to tell the user.
  });
}
