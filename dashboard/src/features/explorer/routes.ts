import type { RouteRecordRaw } from 'vue-router';

export const explorerRoutes: RouteRecordRaw[] = [
  {
    path: '/explorer',
    name: 'explorer',
    component: () => import('./ExplorerView.vue'),
    meta: { title: 'Конструктор показателей', nav: { label: 'Показатели', order: 20 } },
  },
];
