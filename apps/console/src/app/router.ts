import { useSyncExternalStore } from 'react';

/** Where the API serves the console; every client route lives below it. */
export const BASE = '/console';
const CHANGE = 'branchflow:navigate';

/** The route below /console, with its query: `/org?asOf=2022-12-31`; `/` for the 工作台. */
export function currentRoute(): string {
  const path = window.location.pathname.startsWith(BASE)
    ? window.location.pathname.slice(BASE.length)
    : window.location.pathname;
  return `${path === '' ? '/' : path}${window.location.search}`;
}

export function navigate(route: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${route}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(CHANGE, listener);
  };
}

/** The current route; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** The path part of a route, without its query. */
export const pathOf = (route: string): string => route.split('?')[0] ?? '/';

export const queryOf = (route: string): URLSearchParams => new URLSearchParams(route.split('?')[1] ?? '');
