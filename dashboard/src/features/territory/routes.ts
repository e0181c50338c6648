import type { RouteRecordRaw } from 'vue-router';

export const territoryRoutes: RouteRecordRaw[] = [
  {
    path: '/municipalities',
    name: 'municipalities',
    component: () => import('./TerritoryView.vue'),
    meta: { title: 'Муниципалитеты', nav: { label: 'Муниципалитеты', order: 30 } },
  },
];
