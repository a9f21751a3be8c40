import type { Component } from 'vue'
import { Connection, DataBoard, DataLine, Document, OfficeBuilding, Setting } from '@element-plus/icons-vue'

/** An entry of the side menu (UI.md navigation). A group holds children; a leaf names a route path. */
export interface MenuItem {
  key: string
  /** Locale key of the title. */
  title: string
  icon?: Component
  path?: string
  /** Shown only to users holding this permission. */
  permission?: string
  children?: MenuItem[]
}

export const MENU: readonly MenuItem[] = [
  { key: 'dashboard', title: 'menu.dashboard', icon: DataBoard, path: '/dashboard', permission: 'scorecard:read' },
  {
    key: 'org',
    title: 'menu.org',
    icon: OfficeBuilding,
    children: [
      { key: 'orgs', title: 'menu.orgs', path: '/org/organizations', permission: 'org:read' },
      { key: 'units', title: 'menu.units', path: '/org/units', permission: 'org:read' },
    ],
  },
  {
    key: 'scorecard',
    title: 'menu.scorecard',
    icon: DataLine,
    children: [
      { key: 'scorecard-board', title: 'menu.scorecardBoard', path: '/scorecard/board', permission: 'scorecard:read' },
      { key: 'rule-packs', title: 'menu.rulePacks', path: '/scorecard/packs', permission: 'scorecard:read' },
    ],
  },
  {
    key: 'exchange',
    title: 'menu.exchange',
    icon: Connection,
    children: [
      { key: 'import', title: 'menu.import', path: '/exchange/import', permission: 'exchange:import' },
      { key: 'export', title: 'menu.export', path: '/exchange/export', permission: 'exchange:export' },
      { key: 'templates', title: 'menu.templates', path: '/exchange/templates', permission: 'exchange:import' },
    ],
  },
  {
    key: 'system',
    title: 'menu.system',
    icon: Setting,
    children: [
      { key: 'users', title: 'menu.users', path: '/system/users', permission: 'user:manage' },
      { key: 'audit', title: 'menu.audit', icon: Document, path: '/system/audit', permission: 'audit:read' },
    ],
  },
]

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
