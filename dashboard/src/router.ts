import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'territory', component: () => import('./features/territory/TerritoryView.vue') },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./shared/NotFoundView.vue') },
  ],
});
