import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./LoginView.vue'), meta: { public: true } },
  {
    path: '/no-access',
    name: 'no-access',
    component: () => import('./NoAccessView.vue'),
    meta: { title: 'Нет доступа' },
  },
];
