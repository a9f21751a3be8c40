import { describe, expect, it } from 'vitest'
import { DataBoard, Setting } from '@element-plus/icons-vue'
import { buildMenu, filterMenu, firstPath, type MenuItem } from '../menu'
import type { ModuleRoutes } from '../module'
import { MENU, MODULES } from '../modules'

function keys(items: MenuItem[]): string[] {
  return items.flatMap((i) => [i.key, ...(i.children ? keys(i.children) : [])])
}

describe('menu filtering by permissions', () => {
  it('shows an org admin the dashboard, orgs, scorecard and exchange but not the system group', () => {
    const menu = filterMenu(
      MENU,
      new Set(['org:read', 'org:write', 'exchange:import', 'exchange:export', 'scorecard:read']),
    )
    expect(keys(menu)).toEqual([
      'dashboard',
      'todos',
      'org',
      'orgs',
      'units',
      'scorecard',
      'scorecard-board',
      'rule-packs',
      'exchange',
      'import',
      'export',
      'templates',
    ])
  })

  it('keeps the dashboard (which evaluates the packs) from users without scorecard:read', () => {
    const menu = filterMenu(MENU, new Set(['org:read']))
    expect(keys(menu)).toEqual(['org', 'orgs', 'units'])
    expect(firstPath(menu)).toBe('/org/organizations')
  })

  it('shows a security admin only users and roles, inside the system group', () => {
    const menu = filterMenu(MENU, new Set(['user:manage']))
    expect(keys(menu)).toEqual(['system', 'users'])
    expect(firstPath(menu)).toBe('/system/users')
  })

  it('shows an audit admin only the audit log', () => {
    const menu = filterMenu(MENU, new Set(['audit:read']))
    expect(keys(menu)).toEqual(['system', 'audit'])
  })

  it('keeps export but drops import and templates for a reader with export only', () => {
    const menu = filterMenu(MENU, new Set(['org:read', 'exchange:export']))
    expect(keys(menu)).toEqual(['org', 'orgs', 'units', 'exchange', 'export'])
  })

  it('shows 指标考核 (board and rule packs) only with scorecard:read', () => {
    const without = filterMenu(MENU, new Set(['org:read', 'org:write']))
    expect(keys(without)).not.toContain('scorecard')
    expect(keys(without)).not.toContain('scorecard-board')
    const withRead = filterMenu(MENU, new Set(['org:read', 'scorecard:read']))
    expect(keys(withRead)).toEqual([
      'dashboard',
      'todos',
      'org',
      'orgs',
      'units',
      'scorecard',
      'scorecard-board',
      'rule-packs',
    ])
    const group = withRead.find((i) => i.key === 'scorecard')
    expect(group?.children?.map((c) => c.path)).toEqual(['/scorecard/board', '/scorecard/packs'])
  })

  it('lets a user with scorecard:read only land on the dashboard', () => {
    const menu = filterMenu(MENU, new Set(['scorecard:read']))
    expect(keys(menu)).toEqual(['dashboard', 'todos', 'scorecard', 'scorecard-board', 'rule-packs'])
    expect(firstPath(menu)).toBe('/dashboard')
  })

  it('shows nothing to a user without permissions', () => {
    const menu = filterMenu(MENU, new Set())
    expect(menu).toEqual([])
    expect(firstPath(menu)).toBeNull()
  })

  it('does not change the menu definition', () => {
    filterMenu(MENU, new Set())
    expect(MENU.find((i) => i.key === 'exchange')?.children).toHaveLength(3)
  })
})

const page = () => Promise.resolve({ render: () => null })

describe('the menu built from the modules’ route meta', () => {
  it('collects every module’s routes file', () => {
    const names = MODULES.flatMap((m) => m.routes.map((r) => r.name))
    expect(names).toEqual(
      expect.arrayContaining(['login', 'change-password', 'dashboard', 'orgs', 'units', 'scorecard-board', 'audit']),
    )
  })

  it('orders the groups as docs/ui.md does: dashboard, org, scorecard, exchange, system', () => {
    expect(MENU.map((i) => i.key)).toEqual(['dashboard', 'todos', 'org', 'scorecard', 'exchange', 'system'])
    expect(MENU.find((i) => i.key === 'org')?.children?.map((c) => [c.key, c.path, c.permission, c.title])).toEqual([
      ['orgs', '/org/organizations', 'org:read', 'org.menu.orgs'],
      ['units', '/org/units', 'org:read', 'org.menu.units'],
    ])
    expect(MENU.find((i) => i.key === 'dashboard')?.icon).toBe(DataBoard)
  })

  it('lets a new module slot its group in by order, touching no other file', () => {
    const members: ModuleRoutes = {
      groups: [{ key: 'members', title: 'members.menu.group', order: 30 }],
      routes: [
        {
          path: '/members/transfers',
          name: 'transfers',
          component: page,
          meta: { title: 't', menu: { group: 'members', order: 20 } },
        },
        {
          path: '/members/list',
          name: 'members',
          component: page,
          meta: { title: 'm', permission: 'member:read', menu: { group: 'members', order: 10 } },
        },
        { path: '/members/1', name: 'member-detail', component: page, meta: { title: 'd' } },
      ],
    }
    const menu = buildMenu([...MODULES, members])
    expect(menu.map((i) => i.key)).toEqual(['dashboard', 'todos', 'org', 'members', 'scorecard', 'exchange', 'system'])
    // In its group by order, not by declaration; a route without menu placement (a detail page) stays out.
    expect(menu.find((i) => i.key === 'members')?.children?.map((c) => c.key)).toEqual(['members', 'transfers'])
    expect(filterMenu(menu, new Set(['org:read'])).map((i) => i.key)).toEqual(['org', 'members'])
  })

  it('lets two modules share a group declared the same way, and leaves out a group without pages', () => {
    const system = { key: 'system', title: 'system.menu.group', order: 110, icon: Setting }
    const a: ModuleRoutes = {
      groups: [system],
      routes: [{ path: '/a', name: 'a', component: page, meta: { title: 'a', menu: { group: 'system', order: 2 } } }],
    }
    const b: ModuleRoutes = {
      groups: [system, { key: 'empty', title: 'e', order: 1 }],
      routes: [{ path: '/b', name: 'b', component: page, meta: { title: 'b', menu: { group: 'system', order: 1 } } }],
    }
    const menu = buildMenu([a, b])
    expect(menu).toEqual([
      {
        key: 'system',
        title: 'system.menu.group',
        icon: Setting,
        children: [
          { key: 'b', title: 'b', path: '/b' },
          { key: 'a', title: 'a', path: '/a' },
        ],
      },
    ])
  })

  it('refuses a route naming an undeclared group, a group declared twice differently, a menu route without a title', () => {
    const orphan: ModuleRoutes = {
      routes: [{ path: '/x', name: 'x', component: page, meta: { title: 'x', menu: { group: 'nowhere', order: 1 } } }],
    }
    expect(() => buildMenu([orphan])).toThrow(/undeclared menu group 'nowhere'/)
    const one: ModuleRoutes = { groups: [{ key: 'g', title: 'g.one', order: 1 }], routes: [] }
    const two: ModuleRoutes = { groups: [{ key: 'g', title: 'g.two', order: 1 }], routes: [] }
    expect(() => buildMenu([one, two])).toThrow(/declared twice/)
    const untitled: ModuleRoutes = {
      routes: [{ path: '/y', name: 'y', component: page, meta: { menu: { order: 1 } } }],
    }
    expect(() => buildMenu([untitled])).toThrow(/needs a name and a title/)
  })
})
