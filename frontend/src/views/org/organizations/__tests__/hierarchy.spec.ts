import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { allowedChildKinds, canAddChild, dissolveBlocker, kindsUnder, restoreBlocker } from '../hierarchy'

const BRANCHES = ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH']

/** A part of what `GET /meta/enums` serves. */
const ENUMS = {
  rootKinds: ['PROVINCE_COMMITTEE', 'CITY_COMMITTEE', 'COUNTY_COMMITTEE', 'DISTRICT_COMMITTEE'],
  childKinds: {
    COUNTY_COMMITTEE: ['BRANCH', 'TOWNSHIP_COMMITTEE', 'STREET_WORK_COMMITTEE', 'BASIC_COMMITTEE'],
    GENERAL_BRANCH: BRANCHES,
    BRANCH: [],
  } as Record<string, string[]>,
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('which kinds the form offers, by the server’s table', () => {
  it('offers the root kinds at the top of the tree', () => {
    expect(kindsUnder(null, ENUMS)).toEqual(ENUMS.rootKinds)
  })

  it('offers childKinds[parent] in the catalogue order, nothing under a branch or an unknown kind', () => {
    expect(kindsUnder('COUNTY_COMMITTEE', ENUMS)).toEqual([
      'TOWNSHIP_COMMITTEE',
      'STREET_WORK_COMMITTEE',
      'BASIC_COMMITTEE',
      'BRANCH',
    ])
    expect(kindsUnder('GENERAL_BRANCH', ENUMS)).toEqual(BRANCHES)
    expect(kindsUnder('BRANCH', ENUMS)).toEqual([])
    expect(kindsUnder('SOMETHING_NEW', ENUMS)).toEqual([])
  })

  it('takes the detail’s allowedChildKinds for 新增下级, and nothing on a dissolved org', () => {
    const township = { dissolvedOn: null, allowedChildKinds: ['BRANCH', 'BASIC_COMMITTEE'] as const }
    expect(allowedChildKinds({ ...township, allowedChildKinds: [...township.allowedChildKinds] })).toEqual([
      'BASIC_COMMITTEE',
      'BRANCH',
    ])
    expect(canAddChild({ dissolvedOn: null, allowedChildKinds: [] })).toBe(false)
    expect(canAddChild({ dissolvedOn: '2024-01-01', allowedChildKinds: ['BRANCH'] })).toBe(false)
  })
})

describe('why an org cannot be dissolved or restored, said before asking for a reason', () => {
  it('takes the server’s reason as it is', () => {
    expect(dissolveBlocker({ dissolvedOn: null, dissolveRefusal: null })).toBeNull()
    expect(dissolveBlocker({ dissolvedOn: null, dissolveRefusal: '该组织还有 2 个未撤销的下级组织' })).toBe(
      '该组织还有 2 个未撤销的下级组织',
    )
    expect(dissolveBlocker({ dissolvedOn: '2024-01-01', dissolveRefusal: null })).toBe('该组织已于 2024-01-01 撤销。')
  })

  it('allows restoring a dissolved org unless the server says why not', () => {
    expect(restoreBlocker({ dissolvedOn: '2024-01-01', restoreRefusal: null })).toBeNull()
    expect(restoreBlocker({ dissolvedOn: '2024-01-01', restoreRefusal: '上级组织已撤销' })).toBe('上级组织已撤销')
    i18n.global.locale.value = 'en-US'
    expect(restoreBlocker({ dissolvedOn: null, restoreRefusal: null })).toBe('This organization is not dissolved.')
  })
})
