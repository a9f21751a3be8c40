import { describe, expect, it } from 'vitest'
import { filterMenu, firstPath, MENU, type MenuItem } from '../menu'

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
    expect(keys(withRead)).toEqual(['dashboard', 'org', 'orgs', 'units', 'scorecard', 'scorecard-board', 'rule-packs'])
    const group = withRead.find((i) => i.key === 'scorecard')
    expect(group?.children?.map((c) => c.path)).toEqual(['/scorecard/board', '/scorecard/packs'])
  })

  it('lets a user with scorecard:read only land on the dashboard', () => {
    const menu = filterMenu(MENU, new Set(['scorecard:read']))
    expect(keys(menu)).toEqual(['dashboard', 'scorecard', 'scorecard-board', 'rule-packs'])
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
