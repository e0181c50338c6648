import type { RouteRecordRaw } from 'vue-router';

export const overviewRoutes: RouteRecordRaw[] = [
  {
    path: '/overview',
    name: 'overview',
    component: () => import('./OverviewView.vue'),
    meta: { title: 'Обзор региона', nav: { label: 'Обзор региона', order: 10 }, wide: true },
  },
];
