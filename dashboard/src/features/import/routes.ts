import type { RouteRecordRaw } from 'vue-router';

export const importRoutes: RouteRecordRaw[] = [
  {
    path: '/import',
    name: 'import',
    component: () => import('./ImportView.vue'),
    meta: { title: 'Импорт файлов', nav: { label: 'Импорт', order: 80 }, roles: ['REGION_ADMIN'] },
  },
];
