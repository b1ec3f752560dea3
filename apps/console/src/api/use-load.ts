import { useCallback, useEffect, useState } from 'react';

/** What a read gave: its data, or what it failed with (an ApiProblem for the API's refusals). */
export type Loaded<T> = { readonly data: T } | { readonly error: unknown };

/** A read in a screen: what it gave so far, and a way to ask again. */
export interface LoadState<T> {
  readonly loaded: Loaded<T> | null;
  readonly reload: () => void;
}

/**
 * Runs `load` when it changes (make it with useCallback over what it reads) and on `reload`;
 * `loaded` is null while the answer for the current `load` is on its way, so a screen never shows
 * an earlier question's answer under a new one.
 */
export function useLoad<T>(load: () => Promise<T>): LoadState<T> {
  const [result, setResult] = useState<{ source: () => Promise<T>; attempt: number; loaded: Loaded<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ source: load, attempt, loaded: { data } }),
      (error: unknown) => current && setResult({ source: load, attempt, loaded: { error } }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loaded = result && result.source === load && result.attempt === attempt ? result.loaded : null;
  return { loaded, reload };
}
