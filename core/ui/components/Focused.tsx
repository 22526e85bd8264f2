/**
 * An action's result, where the focus goes when it appears (and again when `id` changes): a
 * screen reader reads it, a keyboard user continues from it, and it is scrolled into view — the
 * focus never falls back to the page body after an action.
 */
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

export function Focused({ children, id, className }: { children: ReactNode; id?: unknown; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || el.closest('[hidden]')) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'nearest' });
  }, [id]);
  return (
    <div ref={ref} tabIndex={-1} data-lkh-result="" className={className} style={{ outline: 'none' }}>
      {children}
    </div>
  );
}
