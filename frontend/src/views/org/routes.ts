import { OfficeBuilding } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  groups: [{ key: 'org', title: 'org.menu.group', order: 20, icon: OfficeBuilding }],
  routes: [
    {
      path: '/org/organizations',
      name: 'orgs',
      component: () => import('./organizations/index.vue'),
      meta: { title: 'org.menu.orgs', permission: 'org:read', menu: { group: 'org', order: 10 } },
    },
    {
      path: '/org/units',
      name: 'units',
      component: () => import('./units/index.vue'),
      meta: { title: 'org.menu.units', permission: 'org:read', menu: { group: 'org', order: 20 } },
    },
  ],
})
