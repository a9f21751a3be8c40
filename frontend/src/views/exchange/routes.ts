import { Connection } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  groups: [{ key: 'exchange', title: 'exchange.menu.group', order: 100, icon: Connection }],
  routes: [
    {
      path: '/exchange/import',
      name: 'import',
      component: () => import('./import/index.vue'),
      meta: { title: 'exchange.menu.import', permission: 'exchange:import', menu: { group: 'exchange', order: 10 } },
    },
    {
      path: '/exchange/export',
      name: 'export',
      component: () => import('./export/index.vue'),
      meta: { title: 'exchange.menu.export', permission: 'exchange:export', menu: { group: 'exchange', order: 20 } },
    },
    {
      path: '/exchange/templates',
      name: 'templates',
      component: () => import('./templates/index.vue'),
      meta: {
        title: 'exchange.menu.templates',
        permission: 'exchange:import',
        menu: { group: 'exchange', order: 30 },
      },
    },
  ],
})
