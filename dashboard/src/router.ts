import { createRouter, createWebHistory } from 'vue-router';
import { session } from './features/auth/session';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./features/auth/LoginView.vue'), meta: { public: true } },
    { path: '/', name: 'territory', component: () => import('./features/territory/TerritoryView.vue') },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./shared/NotFoundView.vue') },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !session.value) return { name: 'login', query: { next: to.fullPath } };
  return true;
});
