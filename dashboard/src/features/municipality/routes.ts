import type { RouteRecordRaw } from 'vue-router';

export const municipalityRoutes: RouteRecordRaw[] = [
  {
    path: '/municipalities/:code',
    name: 'municipality',
    component: () => import('./MunicipalityView.vue'),
    meta: { title: 'Муниципалитет' },
  },
];
