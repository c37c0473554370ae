// The routes of SPEC §7. Pages load on demand; each view's filters are typed search params.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, retainSearchParams, type RouterHistory } from '@tanstack/react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { rootSearchSchema } from './searchSchema';
import { heatmapSearchSchema } from '../features/heatmap/search';
import { goalsSearchSchema } from '../features/goals/search';
import { employeeSearchSchema } from '../features/employee/search';
import { teamSearchSchema, teamsSearchSchema } from '../features/team/search';
import { catalogSearchSchema } from '../features/catalog/search';
import { listSearchSchema } from '../features/lists/search';
import { planSearchSchema } from '../features/plan/search';
import { GlossaryPage } from './GlossaryPage';
// The landing page is in the entry chunk (its charts still load on demand): its first render is
// the first screen prerendered into index.html (src/app/prerender.tsx), which the app adopts as is.
import { OverviewPage } from '../features/overview/OverviewPage';

const rootRoute = createRootRoute({
  component: Layout,
  validateSearch: rootSearchSchema,
  // The as-of date, the evidence filter and the what-if draft follow every link, so a past,
  // verified-only or hypothetical view stays so.
  search: { middlewares: [retainSearchParams(['asOf', 'evidence', 'scenario'])] },
  notFoundComponent: NotFound,
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: OverviewPage,
});

const heatmapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/heatmap',
  validateSearch: heatmapSearchSchema,
  component: lazyRouteComponent(() => import('../features/heatmap/HeatmapPage'), 'HeatmapPage'),
});

const teamsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teams',
  validateSearch: teamsSearchSchema,
  component: lazyRouteComponent(() => import('../features/team/TeamsPage'), 'TeamsPage'),
});

const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teams/$team',
  validateSearch: teamSearchSchema,
  component: lazyRouteComponent(() => import('../features/team/TeamPage'), 'TeamPage'),
});

const employeeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/employees/$employeeId',
  validateSearch: employeeSearchSchema,
  component: lazyRouteComponent(() => import('../features/employee/EmployeePage'), 'EmployeePage'),
});

const goalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/goals',
  validateSearch: goalsSearchSchema,
  component: lazyRouteComponent(() => import('../features/goals/GoalsPage'), 'GoalsPage'),
});

const catalogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/catalog',
  validateSearch: catalogSearchSchema,
  component: lazyRouteComponent(() => import('../features/catalog/CatalogPage'), 'CatalogPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('../features/import/ImportPage'), 'ImportPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plan',
  validateSearch: planSearchSchema,
  component: lazyRouteComponent(() => import('../features/plan/PlanPage'), 'PlanPage'),
});

const glossaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/glossary',
  component: GlossaryPage,
});

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/lists/$list',
  validateSearch: listSearchSchema,
  component: lazyRouteComponent(() => import('../features/lists/ListPage'), 'ListPage'),
});

const skillGapsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teams/$team/skills/$skill',
  component: lazyRouteComponent(() => import('../features/lists/SkillGapsPage'), 'SkillGapsPage'),
});

// Server mode, admins: People & access and the audit log (the server refuses everyone else).
const accessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/access',
  component: lazyRouteComponent(() => import('../features/access/AccessPage'), 'AccessPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('../features/access/AuditPage'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  accessRoute,
  auditRoute,
  glossaryRoute,
  overviewRoute,
  heatmapRoute,
  teamsRoute,
  teamRoute,
  employeeRoute,
  goalsRoute,
  catalogRoute,
  importRoute,
  reportsRoute,
  listRoute,
  skillGapsRoute,
  planRoute,
]);

/**
 * The app's router; tests pass a memory history to open any URL. The build-time render of the first
 * screen turns scroll restoration off: it would write an inline script the server's CSP refuses.
 */
export function createAppRouter(history?: RouterHistory, { scrollRestoration = true }: { scrollRestoration?: boolean } = {}) {
  // The prerendered first screen can be scrolled before the app runs: the app's first render keeps
  // where the reader is instead of sending them back to the top (a reload, unscrolled, still gets
  // its remembered position).
  let firstRender = true;
  const restoreScroll = () => {
    const scrolledBeforeTheApp = firstRender && typeof window !== 'undefined' && window.scrollY !== 0;
    firstRender = false;
    return !scrolledBeforeTheApp;
  };
  return createRouter({ routeTree, history, defaultPreload: 'intent', scrollRestoration: scrollRestoration && restoreScroll });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
