/**
 * Remembering a pure function's results on strings the program meets again and again (a label,
 * a village's wording, a note): a bounded map, emptied when full, so memory stays flat whatever
 * the input. Keys are the strings themselves, never a key built per call: V8 keeps a string's
 * hash, so a repeated lookup costs one probe.
 */
export function memo<K, V>(fn: (key: K) => V, max = 50_000): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    const hit = seen.get(key);
    if (hit !== undefined || seen.has(key)) return hit as V;
    const value = fn(key);
    if (seen.size >= max) seen.clear();
    seen.set(key, value);
    return value;
  };
}

/** memo for two keys (a sector and a wording, a font and a text): one map per first key, `max` results in all. */
export function memo2<A, B, V>(fn: (a: A, b: B) => V, max = 50_000): (a: A, b: B) => V {
  const seen = new Map<A, Map<B, V>>();
  let count = 0;
  return (a, b) => {
    let inner = seen.get(a);
    const hit = inner?.get(b);
    if (hit !== undefined || inner?.has(b)) return hit as V;
    const value = fn(a, b);
    if (count >= max) {
      seen.clear();
      count = 0;
      inner = undefined;
    }
    if (!inner) seen.set(a, (inner = new Map()));
    inner.set(b, value);
    count++;
    return value;
  };
}
