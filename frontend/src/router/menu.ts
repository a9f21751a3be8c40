import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { MenuGroup, ModuleRoutes } from './module'

/** An entry of the side menu (docs/ui.md "Navigation"). A group holds children; a leaf names a route path. */
export interface MenuItem {
  /** The route name of a page, the group key of a group; `menu-<key>` in the DOM. */
  key: string
  /** Locale key of the title. */
  title: string
  icon?: Component
  path?: string
  /** Shown only to users holding this permission. */
  permission?: string
  children?: MenuItem[]
}

interface Ordered {
  order: number
  item: MenuItem
}

function byOrder(a: Ordered, b: Ordered): number {
  return a.order - b.order || a.item.key.localeCompare(b.item.key)
}

/**
 * The side menu built from the modules' routes: every route whose `meta.menu` places it, in its group (declared
 * by some module's `groups`) or at the top level, each level sorted by `order`. A group without pages is left
 * out. Throws on a route naming an undeclared group, a group declared twice differently, or a menu route
 * without a name or title, so that a module's mistake fails its first test rather than hiding a page.
 */
export function buildMenu(modules: readonly ModuleRoutes[]): MenuItem[] {
  const groups = new Map<string, MenuGroup>()
  for (const group of modules.flatMap((m) => m.groups ?? [])) {
    const known = groups.get(group.key)
    if (known && (known.title !== group.title || known.order !== group.order || known.icon !== group.icon)) {
      throw new Error(`menu group '${group.key}' is declared twice, differently`)
    }
    groups.set(group.key, group)
  }

  const top: Ordered[] = []
  const inGroup = new Map<string, Ordered[]>()
  const routes: RouteRecordRaw[] = modules.flatMap((m) => m.routes)
  for (const route of routes) {
    const placement = route.meta?.menu
    if (!placement) continue
    if (typeof route.name !== 'string' || !route.meta?.title) {
      throw new Error(`the menu route ${route.path} needs a name and a title`)
    }
    const item: MenuItem = {
      key: route.name,
      title: route.meta.title,
      path: route.path,
      ...(placement.icon ? { icon: placement.icon } : {}),
      ...(route.meta.permission ? { permission: route.meta.permission } : {}),
    }
    if (placement.group === undefined) {
      top.push({ order: placement.order, item })
    } else {
      if (!groups.has(placement.group)) {
        throw new Error(`the route ${route.path} names the undeclared menu group '${placement.group}'`)
      }
      const list = inGroup.get(placement.group) ?? []
      list.push({ order: placement.order, item })
      inGroup.set(placement.group, list)
    }
  }

  for (const [key, children] of inGroup) {
    const group = groups.get(key) as MenuGroup
    top.push({
      order: group.order,
      item: {
        key,
        title: group.title,
        ...(group.icon ? { icon: group.icon } : {}),
        children: children.sort(byOrder).map((c) => c.item),
      },
    })
  }
  return top.sort(byOrder).map((o) => o.item)
}

/**
 * The menu a user sees: items whose permission they hold; a group only while one of its children
 * remains visible.
 */
export function filterMenu(items: readonly MenuItem[], permissions: ReadonlySet<string>): MenuItem[] {
  const visible: MenuItem[] = []
  for (const item of items) {
    if (item.permission && !permissions.has(item.permission)) continue
    if (item.children) {
      const children = filterMenu(item.children, permissions)
      if (children.length === 0) continue
      visible.push({ ...item, children })
    } else {
      visible.push(item)
    }
  }
  return visible
}

/** The first page a user may open (their landing page), or null when they may open none. */
export function firstPath(items: readonly MenuItem[]): string | null {
  for (const item of items) {
    if (item.path) return item.path
    if (item.children) {
      const p = firstPath(item.children)
      if (p) return p
    }
  }
  return null
}
