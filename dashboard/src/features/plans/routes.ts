import type { RouteRecordRaw } from 'vue-router';

export const plansRoutes: RouteRecordRaw[] = [
  {
    path: '/plans',
    name: 'plans',
    component: () => import('./PlansListView.vue'),
    meta: { title: 'Планы', nav: { label: 'Планы', order: 50 } },
  },
  {
    path: '/plans/:code',
    name: 'plan',
    component: () => import('./PlanView.vue'),
    props: true,
    meta: { title: 'План' },
  },
];
