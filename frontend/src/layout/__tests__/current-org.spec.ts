import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '@/locales'
import * as units from '@/api/org/units'
import { useCurrentOrgStore } from '@/store/org'
import { useSessionStore } from '@/store/session'
import AppHeader from '../components/app-header.vue'
import UnitsPage from '@/views/org/units/index.vue'

vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn() }), useRoute: () => ({ path: '/', query: {} }) }))
vi.mock('@/api/org/units', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/org/units')>()
  return { ...original, searchUnits: vi.fn() }
})

const COUNTY = { id: 1, code: 'X01', name: '示例县团委' }
const TOWN = { id: 2, code: 'X01-01', name: '甲镇团委', dissolvedOn: null }

let wrapper: VueWrapper | null = null
let pinia: Pinia

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = {
    id: 1,
    username: 'clerk',
    displayName: '县团委干事',
    roles: ['ORG_ADMIN'],
    permissions: ['org:read'],
    scope: COUNTY,
    mustChangePassword: false,
  }
  vi.mocked(units.searchUnits).mockResolvedValue({ items: [], total: 0, page: 0, size: 20 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountWith(component: typeof AppHeader | typeof UnitsPage): VueWrapper {
  wrapper = mount(component, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  return wrapper
}

describe('the current org', () => {
  it('is shown in the header beside the scope, and one click goes back to the whole scope', async () => {
    const w = mountWith(AppHeader)
    await flushPromises()
    expect(w.find('[data-test="header-scope"]').text()).toBe('管理范围：示例县团委')
    expect(w.find('[data-test="header-current-org"]').exists()).toBe(false)

    useCurrentOrgStore().select(TOWN)
    await flushPromises()
    expect(w.find('[data-test="header-current-org"]').text()).toContain('当前组织：甲镇团委')

    await w.find('[data-test="header-current-org-clear"]').trigger('click')
    expect(useCurrentOrgStore().current).toBeNull()
    expect(w.find('[data-test="header-current-org"]').exists()).toBe(false)
    expect(sessionStorage.getItem('tuanwu.currentOrg')).toBeNull()
  })

  it('says when it is dissolved', async () => {
    useCurrentOrgStore().select({ ...TOWN, dissolvedOn: '2024-06-30' })
    const w = mountWith(AppHeader)
    await flushPromises()
    expect(w.find('[data-test="header-current-org"]').text()).toContain('已撤销')
  })

  it('narrows 单位台账, which says so and goes back to the whole scope on request', async () => {
    useCurrentOrgStore().select(TOWN)
    const w = mountWith(UnitsPage)
    await flushPromises()
    expect(units.searchUnits).toHaveBeenLastCalledWith(expect.objectContaining({ under: 2 }))
    expect(w.find('[data-test="units-scope"]').text()).toContain('当前组织：甲镇团委')
    expect(w.find('[data-test="units-scope"]').text()).toContain('返回全部')

    await w.find('[data-test="current-org-reset"]').trigger('click')
    await flushPromises()
    expect(useCurrentOrgStore().current).toBeNull()
    expect(units.searchUnits).toHaveBeenLastCalledWith(expect.objectContaining({ under: undefined }))
    expect(w.find('[data-test="units-scope"]').text()).toBe('管理范围：示例县团委')
  })
})
