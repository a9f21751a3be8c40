import { Setting } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  groups: [{ key: 'system', title: 'system.menu.group', order: 110, icon: Setting }],
  routes: [
    {
      path: '/system/users',
      name: 'users',
      component: () => import('./users/index.vue'),
      meta: { title: 'system.menu.users', permission: 'user:manage', menu: { group: 'system', order: 10 } },
    },
    {
      path: '/system/audit',
      name: 'audit',
      component: () => import('./audit/index.vue'),
      meta: { title: 'system.menu.audit', permission: 'audit:read', menu: { group: 'system', order: 20 } },
    },
  ],
})
