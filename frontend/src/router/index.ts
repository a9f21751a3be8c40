import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/store/session'
import { filterMenu, firstPath } from './menu'
import { CHANGE_PASSWORD, HOME, LOGIN } from './module'
import { MENU, MODULES } from './modules'
import { t } from '@/locales'

export { CHANGE_PASSWORD, HOME, LOGIN }

const moduleRoutes = MODULES.flatMap((m) => m.routes)

const routes: RouteRecordRaw[] = [
  ...moduleRoutes.filter((r) => r.meta?.standalone),
  {
    path: '/',
    component: () => import('@/layout/index.vue'),
    children: [
      { path: '', name: HOME, component: () => import('@/views/home.vue') },
      ...moduleRoutes.filter((r) => !r.meta?.standalone),
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/not-found.vue') },
    ],
  },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.ensureChecked()

  if (to.meta.public) {
    // A signed-in user has no business on the login page.
    return session.loggedIn && to.name === LOGIN ? { name: HOME } : true
  }
  if (!session.loggedIn) {
    return { name: LOGIN, query: { redirect: to.fullPath } }
  }
  if (session.mustChangePassword) {
    return to.name === CHANGE_PASSWORD ? true : { name: CHANGE_PASSWORD, query: { redirect: to.fullPath } }
  }
  if (to.meta.permission && !session.can(to.meta.permission)) {
    return { name: HOME }
  }
  if (to.name === HOME) {
    const landing = firstPath(filterMenu(MENU, session.permissions))
    return landing ? { path: landing } : true
  }
  return true
})

router.afterEach((to) => {
  const page = to.meta.title ? t(to.meta.title) : ''
  document.title = page ? `${page} - ${t('app.name')}` : t('app.name')
})
