import { createContext, useContext } from 'react';
import type { LoadedElection } from './election-data';

/** The election a screen shows, the day it judges by, and a way to read it again after a step. */
export interface ElectionContextValue extends LoadedElection {
  /** The day next actions are judged on; each form's date defaults to it. */
  readonly asOf: string;
  readonly reload: () => void;
  /** Says in a message that a step was recorded. */
  readonly recorded: (what: string) => void;
}

export const ElectionContext = createContext<ElectionContextValue | null>(null);

export function useElection(): ElectionContextValue {
  const value = useContext(ElectionContext);
  if (!value) throw new Error('useElection outside an ElectionContext');
  return value;
}
