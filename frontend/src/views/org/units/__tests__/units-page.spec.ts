import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import * as units from '@/api/org/units'
import * as orgs from '@/api/org/organizations'
import type { Unit } from '@/api/org/units'
import { useSessionStore } from '@/store/session'
import { SERVED } from '../../__tests__/served-rules'
import UnitsPage from '../index.vue'

vi.mock('@/api/meta/field-rules', () => ({ loadFieldRules: vi.fn(async () => SERVED) }))
vi.mock('@/api/meta/enums', () => ({
  loadEnums: vi.fn(async () => ({
    childKinds: { TOWNSHIP_COMMITTEE: ['BASIC_COMMITTEE', 'BRANCH'], BRANCH: [] },
    rootKinds: ['COUNTY_COMMITTEE'],
  })),
}))
vi.mock('@/api/org/units', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org/units')>()),
  searchUnits: vi.fn(),
  foundLeagueOrg: vi.fn(),
}))
vi.mock('@/api/org/organizations', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org/organizations')>()),
  searchOrgs: vi.fn(),
}))

const township = { id: 2, code: 'C01.T03', name: '新华镇团委' }
function unit(over: Partial<Unit>): Unit {
  return {
    id: 1,
    code: 'C01.T03.V12',
    name: '新华村',
    type: 'VILLAGE',
    responsibleOrg: township,
    aboveScale: null,
    meetsConditions: null,
    hasPartyOrg: null,
    leagueOrg: null,
    standalone: null,
    hasLeagueSchool: null,
    students: null,
    linkedOn: null,
    ledDirectly: null,
    covered: false,
    version: 3,
    leagueOrgDissolvedOn: null,
    township,
    ...over,
  }
}

const village = unit({})
const covered = unit({
  id: 2,
  code: 'C01.T03.V13',
  name: '红星村',
  leagueOrg: { id: 9, code: 'C01.T03.V13.B1', name: '红星村团支部' },
  covered: true,
})
const lapsed = unit({
  id: 3,
  code: 'C01.T03.V14',
  name: '东风村',
  leagueOrg: { id: 10, code: 'C01.T03.V14.B1', name: '东风村团支部' },
  leagueOrgDissolvedOn: '2024-06-01',
})

let wrapper: VueWrapper | null = null

beforeEach(() => {
  sessionStorage.clear()
  i18n.global.locale.value = 'zh-CN'
  vi.mocked(units.searchUnits).mockResolvedValue({ items: [village, covered, lapsed], total: 3, page: 0, size: 20 })
  vi.mocked(orgs.searchOrgs).mockResolvedValue({ items: [], total: 0, page: 0, size: 20 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountPage(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = {
    id: 1,
    username: 'admin',
    displayName: '管理员',
    roles: ['ORG_ADMIN'],
    permissions: ['org:read', 'org:write'],
    scope: null,
    mustChangePassword: false,
  }
  wrapper = mount(UnitsPage, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('the units register', () => {
  it('asks for the uncovered units as the indicator counts them, and the flags as 是/否', async () => {
    const w = await mountPage()
    await w.find('[data-test="units-uncovered"]').trigger('click')
    await flushPromises()
    expect(units.searchUnits).toHaveBeenLastCalledWith(expect.objectContaining({ covered: false }))

    await w.find('[data-test="units-more"]').trigger('click')
    await flushPromises()
    const select = w
      .findAllComponents({ name: 'ElSelect' })
      .find((c) => c.attributes('data-test') === 'units-aboveScale')
    select!.vm.$emit('update:modelValue', 'no')
    select!.vm.$emit('change', 'no')
    await flushPromises()
    expect(units.searchUnits).toHaveBeenLastCalledWith(expect.objectContaining({ covered: false, aboveScale: false }))
    expect(vi.mocked(units.searchUnits).mock.lastCall?.[0].hasPartyOrg).toBeUndefined()
  })

  it('marks a dissolved covering org, and offers 建团 only where the unit is not covered', async () => {
    const w = await mountPage()
    expect(w.find('[data-test="unit-league-dissolved-C01.T03.V14"]').text()).toBe('已撤销')
    expect(w.find('[data-test="unit-league-dissolved-C01.T03.V13"]').exists()).toBe(false)
    expect(w.find('[data-test="unit-found-C01.T03.V12"]').exists()).toBe(true)
    expect(w.find('[data-test="unit-found-C01.T03.V14"]').exists()).toBe(true)
    expect(w.find('[data-test="unit-found-C01.T03.V13"]').exists()).toBe(false)
  })

  it('does 建团 with the unit’s version and shows the row covered afterwards', async () => {
    const now = {
      ...village,
      covered: true,
      version: 4,
      leagueOrg: { id: 11, code: 'C01.T03.V12.B1', name: '新华村团支部' },
    }
    vi.mocked(units.foundLeagueOrg).mockResolvedValue(now)
    const w = await mountPage()
    await w.find('[data-test="unit-found-C01.T03.V12"]').trigger('click')
    await flushPromises()
    const code = document.querySelector('input[data-test="unit-league-code"]') as HTMLInputElement
    code.value = 'C01.T03.V12.B1'
    code.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-test="unit-league-submit"]') as HTMLElement).click()
    await flushPromises()
    await flushPromises()
    expect(units.foundLeagueOrg).toHaveBeenCalledWith(1, {
      parentId: 2,
      code: 'C01.T03.V12.B1',
      name: '新华村团支部',
      kind: 'BRANCH',
      establishedOn: null,
      version: 3,
    })
    expect(w.find('[data-test="unit-found-C01.T03.V12"]').exists()).toBe(false)
    expect(w.find('[data-test="unit-league-C01.T03.V12"]').text()).toContain('新华村团支部')
  })
})
