import { DataLine } from '@element-plus/icons-vue'
import { defineModuleRoutes } from '@/router/module'

export default defineModuleRoutes({
  groups: [{ key: 'scorecard', title: 'scorecard.menu.group', order: 90, icon: DataLine }],
  routes: [
    {
      path: '/scorecard/board',
      name: 'scorecard-board',
      component: () => import('./board/index.vue'),
      meta: { title: 'scorecard.menu.board', permission: 'scorecard:read', menu: { group: 'scorecard', order: 10 } },
    },
    {
      path: '/scorecard/packs',
      name: 'rule-packs',
      component: () => import('./packs/index.vue'),
      meta: { title: 'scorecard.menu.packs', permission: 'scorecard:read', menu: { group: 'scorecard', order: 20 } },
    },
  ],
})
