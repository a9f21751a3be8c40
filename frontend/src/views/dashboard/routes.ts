import { DataBoard } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  routes: [
    {
      path: '/dashboard',
      name: 'dashboard',
      component: () => import('./index.vue'),
      meta: { title: 'dashboard.title', permission: 'scorecard:read', menu: { order: 10, icon: DataBoard } },
    },
  ],
})
