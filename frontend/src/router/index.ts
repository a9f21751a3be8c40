import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/store/session'
import { filterMenu, firstPath, MENU } from './menu'
import { t } from '@/locales'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Locale key of the page title. */
    title?: string
    /** Permission required to open the page. */
    permission?: string
  }
}

export const LOGIN = 'login'
export const CHANGE_PASSWORD = 'change-password'

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: LOGIN,
    component: () => import('@/views/auth/login/index.vue'),
    meta: { public: true, title: 'auth.title' },
  },
  {
    path: '/change-password',
    name: CHANGE_PASSWORD,
    component: () => import('@/views/auth/change-password/index.vue'),
    meta: { title: 'password.title' },
  },
  {
    path: '/',
    component: () => import('@/layout/index.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home.vue') },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/dashboard/index.vue'),
        meta: { title: 'menu.dashboard', permission: 'scorecard:read' },
      },
      {
        path: 'org/organizations',
        name: 'organizations',
        component: () => import('@/views/org/organizations/index.vue'),
        meta: { title: 'menu.orgs', permission: 'org:read' },
      },
      {
        path: 'org/units',
        name: 'units',
        component: () => import('@/views/org/units/index.vue'),
        meta: { title: 'menu.units', permission: 'org:read' },
      },
      {
        path: 'scorecard/board',
        name: 'scorecard',
        component: () => import('@/views/scorecard/board/index.vue'),
        meta: { title: 'menu.scorecardBoard', permission: 'scorecard:read' },
      },
      {
        path: 'scorecard/packs',
        name: 'rule-packs',
        component: () => import('@/views/scorecard/packs/index.vue'),
        meta: { title: 'menu.rulePacks', permission: 'scorecard:read' },
      },
      {
        path: 'exchange/import',
        name: 'import',
        component: () => import('@/views/exchange/import/index.vue'),
        meta: { title: 'menu.import', permission: 'exchange:import' },
      },
      {
        path: 'exchange/export',
        name: 'export',
        component: () => import('@/views/exchange/export/index.vue'),
        meta: { title: 'menu.export', permission: 'exchange:export' },
      },
      {
        path: 'exchange/templates',
        name: 'templates',
        component: () => import('@/views/exchange/templates/index.vue'),
        meta: { title: 'menu.templates', permission: 'exchange:import' },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('@/views/system/users/index.vue'),
        meta: { title: 'menu.users', permission: 'user:manage' },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('@/views/system/audit/index.vue'),
        meta: { title: 'menu.audit', permission: 'audit:read' },
      },
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
    return session.loggedIn && to.name === LOGIN ? { name: 'home' } : true
  }
  if (!session.loggedIn) {
    return { name: LOGIN, query: { redirect: to.fullPath } }
  }
  if (session.mustChangePassword) {
    return to.name === CHANGE_PASSWORD ? true : { name: CHANGE_PASSWORD, query: { redirect: to.fullPath } }
  }
  if (to.meta.permission && !session.can(to.meta.permission)) {
    return { name: 'home' }
  }
  if (to.name === 'home') {
    const landing = firstPath(filterMenu(MENU, session.permissions))
    return landing ? { path: landing } : true
  }
  return true
})

router.afterEach((to) => {
  const page = to.meta.title ? t(to.meta.title) : ''
  document.title = page ? `${page} - ${t('app.name')}` : t('app.name')
})
