import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/roles';

export interface Screen {
  readonly path: string;
  readonly label: string;
  /**
   * Who may use it: the roles the API lets read what the screen shows (README, "Who may call
   * what"). The menu shows a role only its screens; the API's 403 remains the real guard.
   */
  readonly roles: readonly Role[];
  /** Each screen is its own chunk, loaded when first opened. */
  readonly component: LazyExoticComponent<ComponentType>;
}

/** The left menu, in the order a clerk's work goes. */
export const SCREENS: readonly Screen[] = [
  {
    path: '/',
    label: '工作台',
    // GET /elections (the board), /campaigns/**, /reports/statistics: every role.
    roles: ['admin', 'auditor', 'reporter'],
    component: lazy(() => import('../screens/WorkbenchScreen')),
  },
  {
    path: '/org',
    label: '组织架构',
    // GET /org/tree and /org/diff: administrators and auditors.
    roles: ['admin', 'auditor'],
    component: lazy(() => import('../screens/org/OrgTreeScreen')),
  },
  {
    path: '/elections',
    label: '换届',
    // GET /elections/**: every role (reporters read elections as they stand).
    roles: ['admin', 'auditor', 'reporter'],
    component: lazy(() => import('../screens/ElectionsScreen')),
  },
  {
    path: '/restructurings',
    label: '调整',
    // GET /restructurings/*: every role.
    roles: ['admin', 'auditor', 'reporter'],
    component: lazy(() => import('../screens/RestructuringsScreen')),
  },
  {
    path: '/demonstrations',
    label: '示范与志愿',
    // GET /demonstrations/**, /volunteer-service/**: every role.
    roles: ['admin', 'auditor', 'reporter'],
    component: lazy(() => import('../screens/DemonstrationScreen')),
  },
  {
    path: '/audit',
    label: '审计',
    // GET /audit/**, /org/members/**: auditors only.
    roles: ['auditor'],
    component: lazy(() => import('../screens/AuditScreen')),
  },
  {
    path: '/reports',
    label: '报表',
    // GET /reports/statistics: every role; the exports (/reports/branches, /members): auditors and reporters.
    roles: ['admin', 'auditor', 'reporter'],
    component: lazy(() => import('../screens/ReportsScreen')),
  },
  {
    path: '/import',
    label: '导入',
    // POST /imports, GET /imports/**: administrators.
    roles: ['admin'],
    component: lazy(() => import('../screens/import/ImportScreen')),
  },
];

/** An address the console does not have. */
export const NotFoundScreen = lazy(() => import('../screens/NotFoundScreen'));

/** The screens a role may use, in menu order. */
export const screensFor = (role: Role): readonly Screen[] => SCREENS.filter((screen) => screen.roles.includes(role));

/** Whether a role may use a screen. */
export const mayUse = (screen: Screen, role: Role): boolean => screen.roles.includes(role);

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
