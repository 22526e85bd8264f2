/**
 * Pauses that let the browser paint a progress line during long work run in the same page: the
 * consolidation reads sheet after sheet without yielding, so a line set at each sheet would only
 * be painted at the end. A pause resolves after the next frame, or after 50 ms when no frame
 * comes (a hidden tab has none). At most one pause every `every` ms unless forced (a new stage),
 * so the work is slowed by a few percent at most.
 */
export function paintPauser(every = 100): (force?: boolean) => Promise<void> | undefined {
  let last = Number.NEGATIVE_INFINITY;
  return (force = false) => {
    const now = Date.now();
    if (!force && now - last < every) return undefined;
    last = now;
    return new Promise<void>((resolve) => {
      let done = false;
      const go = () => {
        if (done) return;
        done = true;
        resolve();
      };
      // After the frame's paint: rAF runs just before it, the timeout just after.
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
      setTimeout(go, 50);
    });
  };
}
