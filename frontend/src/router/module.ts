import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'

/** Where a page sits in the side menu: in a group (or at the top level without one), ordered by `order`. */
export interface MenuPlacement {
  /** Key of a group declared by some module's `groups`; none puts the page at the top level. */
  group?: string
  /** Position among its siblings, smallest first. */
  order: number
  icon?: Component
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Shown on its own, without the header and the side menu (login, forced password change). */
    standalone?: boolean
    /** Locale key of the page title (and of its menu entry). */
    title?: string
    /** Permission required to open the page (and to see its menu entry). */
    permission?: string
    /** Shown in the side menu, there; the entry's key (`menu-<key>` in the DOM) is the route name. */
    menu?: MenuPlacement
  }
}

/**
 * A group of the side menu. Group orders leave room for the modules to come (docs/ui.md): 10 工作驾驶舱, 20 组织管理,
 * 30 团员管理, 40 团干部, 50 组织生活, 60 党建带团建, 70 阵地与服务, 80 评优评先, 90 指标考核, 100 数据交换, 110 系统.
 */
export interface MenuGroup {
  key: string
  /** Locale key of the group title. */
  title: string
  order: number
  icon?: Component
}

/** What a module's `views/<module>/routes.ts` exports by default: its pages and the menu groups it declares. */
export interface ModuleRoutes {
  routes: RouteRecordRaw[]
  groups?: MenuGroup[]
}

export function defineModuleRoutes(module: ModuleRoutes): ModuleRoutes {
  return module
}

export const HOME = 'home'
export const LOGIN = 'login'
export const CHANGE_PASSWORD = 'change-password'
