import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Screen {
  readonly path: string;
  readonly label: string;
  /** Each screen is its own chunk, loaded when first opened. */
  readonly component: LazyExoticComponent<ComponentType>;
}

/** The left menu, in the order a clerk's work goes. */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: '工作台', component: lazy(() => import('../screens/WorkbenchScreen')) },
  { path: '/org', label: '组织架构', component: lazy(() => import('../screens/org/OrgTreeScreen')) },
  { path: '/elections', label: '换届', component: lazy(() => import('../screens/ElectionsScreen')) },
  { path: '/restructurings', label: '调整', component: lazy(() => import('../screens/RestructuringsScreen')) },
  { path: '/audit', label: '审计', component: lazy(() => import('../screens/AuditScreen')) },
  { path: '/reports', label: '报表', component: lazy(() => import('../screens/ReportsScreen')) },
];

/** An address the console does not have. */
export const NotFoundScreen = lazy(() => import('../screens/NotFoundScreen'));

/**
 * The screen a path belongs to: its own path or one below it (`/elections/…` is 换届's, which
 * reads the rest of the path itself); `/` is the 工作台's alone.
 */
export const screenOf = (path: string): Screen | undefined =>
  SCREENS.find((screen) => screen.path === path) ??
  SCREENS.find((screen) => screen.path !== '/' && path.startsWith(`${screen.path}/`));

/** The part of a path below its screen's own: `/elections/abc/assembly` → `['abc', 'assembly']`. */
export function subPathOf(path: string): readonly string[] {
  const screen = screenOf(path);
  if (!screen || screen.path === '/') return [];
  return path
    .slice(screen.path.length)
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
}
