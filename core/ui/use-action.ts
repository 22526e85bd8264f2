/**
 * One call to the client as screen state: running (for spinners and disabled buttons), the last
 * result, the last error (kept raw, turned into a sentence in the current language when shown).
 * A second click while running is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ActionState<T> {
  readonly running: boolean;
  readonly result?: T;
  readonly error?: unknown;
  readonly failed: boolean;
}

export interface Action<A extends unknown[], T> extends ActionState<T> {
  run(...args: A): Promise<T | undefined>;
  /** Forgets the error (the MessageBar was dismissed). */
  clearError(): void;
}

export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const [state, setState] = useState<ActionState<T>>({ running: false, failed: false });
  const busy = useRef(false);
  const mounted = useRef(true);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setState((s) => ({ ...s, running: true, failed: false, error: undefined }));
    try {
      const result = await fnRef.current(...args);
      if (mounted.current) setState({ running: false, failed: false, result });
      return result;
    } catch (error) {
      if (mounted.current) setState((s) => ({ ...s, running: false, failed: true, error }));
      return undefined;
    } finally {
      busy.current = false;
    }
  }, []);

  const clearError = useCallback(() => setState((s) => ({ ...s, failed: false, error: undefined })), []);
  return { ...state, run, clearError };
}

/**
 * Runs `run` once for each new command (a new `seq`) addressed to a screen: the pane's next-step
 * button asks the screen shown to do what the button names (consolidate, choose files, draft…).
 */
export function useCommand<C extends { readonly seq: number }>(command: C | undefined, run: (c: C) => void): void {
  const done = useRef<number | undefined>(undefined);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!command || done.current === command.seq) return;
    done.current = command.seq;
    runRef.current(command);
  }, [command]);
}
