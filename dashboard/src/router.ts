import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { authRoutes } from './features/auth/routes';
import { session } from './features/auth/session';
import { consoleRoutes } from './features/console/routes';
import { importRoutes } from './features/import/routes';
import { plansRoutes } from './features/plans/routes';
import { schoolRoutes } from './features/school/routes';
import { territoryRoutes } from './features/territory/routes';
import { overviewRoutes } from './features/overview/routes';
import { explorerRoutes } from './features/explorer/routes';
import { municipalityRoutes } from './features/municipality/routes';
import { riskRoutes } from './features/risk/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean;
    title?: string;
    /** Shown in the main navigation, in this order. */
    nav?: { label: string; order: number };
    /** Only these roles may open the route (and see it in the navigation); all signed-in users when absent. */
    roles?: string[];
    /** Uses the whole width of a large screen (dashboards), not the reading width. */
    wide?: boolean;
  }
}

/** Each feature contributes its routes; the navigation is built from their `meta.nav`. */
const featureRoutes: RouteRecordRaw[] = [
  ...authRoutes,
  ...territoryRoutes,
  ...overviewRoutes,
  ...riskRoutes,
  ...explorerRoutes,
  ...municipalityRoutes,
  ...schoolRoutes,
  ...plansRoutes,
  ...importRoutes,
  ...consoleRoutes,
];

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    ...featureRoutes,
    { path: '/', name: 'home', redirect: () => landing() },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./shared/NotFoundView.vue') },
  ],
});

/** Where a role starts: a municipal officer on its municipality, a school coordinator on its school. */
function landing(): string {
  const user = session.value?.user;
  if (user?.role === 'MUNICIPAL_OFFICER' && user.municipalityCode) return `/municipalities/${user.municipalityCode}`;
  if (user?.role === 'SCHOOL_COORDINATOR' && user.schoolCode) return `/schools/${user.schoolCode}`;
  return router.hasRoute('overview') ? '/overview' : '/municipalities';
}

router.beforeEach((to) => {
  if (!to.meta.public && !session.value) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !to.meta.roles.includes(session.value?.user.role ?? '')) {
    return { name: 'no-access', query: { what: to.meta.title } };
  }
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} — Качество образования` : 'Качество образования Томской области';
});
