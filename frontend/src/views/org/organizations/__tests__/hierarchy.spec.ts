import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { ORG_KINDS } from '@/api/org/organizations'
import { allowedChildKinds, canAddChild, childKindsOf, dissolveBlocker } from '../hierarchy'

const BRANCHES = ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH']

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('which kinds 新增下级 offers', () => {
  it('offers nothing under any branch kind (团支部, 联合团支部, 临时团支部, 流动团员团支部)', () => {
    for (const kind of BRANCHES) {
      expect(childKindsOf(kind), kind).toEqual([])
      expect(canAddChild({ kind, dissolvedOn: null }), kind).toBe(false)
    }
  })

  it('offers only the four branch kinds under a 团总支', () => {
    expect(childKindsOf('GENERAL_BRANCH')).toEqual(BRANCHES)
  })

  it('offers every kind under a committee, as the server allows today', () => {
    expect(childKindsOf('TOWNSHIP_COMMITTEE')).toEqual([...ORG_KINDS])
    expect(childKindsOf('TOWNSHIP_COMMITTEE')).toContain('GENERAL_BRANCH')
    expect(childKindsOf(null)).toHaveLength(13)
  })

  it('offers nothing under a dissolved org', () => {
    expect(allowedChildKinds({ kind: 'COUNTY_COMMITTEE', dissolvedOn: '2024-01-01' })).toEqual([])
  })

  it('takes the server’s list when the detail carries one, in the catalogue order', () => {
    const township = { kind: 'TOWNSHIP_COMMITTEE', dissolvedOn: null, allowedChildKinds: ['BRANCH', 'BASIC_COMMITTEE'] }
    expect(allowedChildKinds(township)).toEqual(['BASIC_COMMITTEE', 'BRANCH'])
    expect(canAddChild({ kind: 'TOWNSHIP_COMMITTEE', dissolvedOn: null, allowedChildKinds: [] })).toBe(false)
  })
})

describe('why an org cannot be dissolved, said before asking for a reason', () => {
  const town = { id: 7, childCount: 0, dissolvedOn: null }

  it('allows an org without active children outside the top of the caller’s scope', () => {
    expect(dissolveBlocker(town, { id: 1, code: 'X01', name: '县' })).toBeNull()
    expect(dissolveBlocker(town, null)).toBeNull()
  })

  it('refuses an org with active children, saying how many and what to do', () => {
    expect(dissolveBlocker({ ...town, childCount: 3 }, null)).toBe(
      '该组织还有 3 个未撤销的下级组织。请先撤销这些下级组织，或将它们调整到其他上级组织之下，再撤销本组织。',
    )
    i18n.global.locale.value = 'en-US'
    expect(dissolveBlocker({ ...town, childCount: 3 }, null)).toContain('3 active child organizations')
  })

  it('refuses the top org of the caller’s own scope', () => {
    expect(dissolveBlocker(town, { id: 7, code: 'X01-01', name: '甲镇' })).toContain('管理范围的最上级组织')
  })

  it('takes the server’s reason and active count when the detail carries them', () => {
    expect(dissolveBlocker({ ...town, dissolveRefusal: '该组织还有 2 名团员' }, null)).toBe('该组织还有 2 名团员')
    expect(dissolveBlocker({ ...town, childCount: 0, activeChildCount: 1 }, null)).toContain('还有 1 个')
  })
})
