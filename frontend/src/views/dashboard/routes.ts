import { Bell, DataBoard } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  routes: [
    {
      path: '/dashboard',
      name: 'dashboard',
      component: () => import('./index.vue'),
      meta: { title: 'dashboard.title', permission: 'scorecard:read', menu: { order: 10, icon: DataBoard } },
    },
    {
      // The working list behind the dashboard's to-do panel; beside the dashboard, before the groups (20 组织管理).
      path: '/dashboard/todos',
      name: 'todos',
      component: () => import('./todos/index.vue'),
      meta: { title: 'todos.title', permission: 'scorecard:read', menu: { order: 11, icon: Bell } },
    },
  ],
})
