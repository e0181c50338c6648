import type { RouteRecordRaw } from 'vue-router';

export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console',
    name: 'console',
    // Its own chunk: GraphiQL and its editor load only when someone opens the console.
    component: () => import('./ConsoleView.vue'),
    meta: { title: 'Консоль аналитика', nav: { label: 'Консоль', order: 90 } },
  },
];
