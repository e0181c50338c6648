import type { RouteRecordRaw } from 'vue-router';

export const schoolRoutes: RouteRecordRaw[] = [
  {
    path: '/schools/:code',
    name: 'school',
    component: () => import('./SchoolView.vue'),
    props: true,
    meta: { title: 'Школа' },
  },
];
