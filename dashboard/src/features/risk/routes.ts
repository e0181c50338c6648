import type { RouteRecordRaw } from 'vue-router';

export const riskRoutes: RouteRecordRaw[] = [
  {
    path: '/risk',
    name: 'risk',
    component: () => import('./RiskView.vue'),
    meta: { title: 'Зоны риска', nav: { label: 'Зоны риска', order: 15 }, wide: true },
  },
];
