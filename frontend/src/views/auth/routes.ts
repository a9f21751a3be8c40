import { CHANGE_PASSWORD, defineModuleRoutes, LOGIN } from '@/router/module'

export default defineModuleRoutes({
  routes: [
    {
      path: '/login',
      name: LOGIN,
      component: () => import('./login/index.vue'),
      meta: { public: true, standalone: true, title: 'auth.title' },
    },
    {
      path: '/change-password',
      name: CHANGE_PASSWORD,
      component: () => import('./change-password/index.vue'),
      meta: { standalone: true, title: 'password.title' },
    },
  ],
})
