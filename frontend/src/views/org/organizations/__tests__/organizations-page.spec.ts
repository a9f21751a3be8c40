import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import * as api from '@/api/org/organizations'
import type { Org, OrgNode } from '@/api/org/organizations'
import { useSessionStore } from '@/store/session'
import OrganizationsPage from '../index.vue'
import OrgFormDialog from '../components/org-form.vue'
import { SERVED } from '../../__tests__/served-rules'

vi.mock('@/api/meta/field-rules', () => ({ loadFieldRules: vi.fn(async () => SERVED) }))
vi.mock('@/api/meta/enums', () => ({
  loadEnums: vi.fn(async () => ({
    orgKinds: [],
    branchKinds: [],
    sectors: [],
    roles: [],
    rootKinds: ['COUNTY_COMMITTEE'],
    childKinds: { COUNTY_COMMITTEE: ['TOWNSHIP_COMMITTEE', 'BASIC_COMMITTEE', 'BRANCH'] },
  })),
}))

vi.mock('@/api/org/organizations', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/org/organizations')>()
  return {
    ...original,
    fetchRoots: vi.fn(),
    fetchChildren: vi.fn(),
    fetchOrg: vi.fn(),
    searchOrgs: vi.fn(),
    createOrg: vi.fn(),
    restoreOrg: vi.fn(),
  }
})

const county: OrgNode = {
  id: 1,
  code: 'X01',
  name: '共青团示例县委员会',
  kind: 'COUNTY_COMMITTEE',
  sector: 'PARTY_GOVERNMENT',
  dissolvedOn: null,
  hasChildren: true,
  childCount: 2,
}
const town: OrgNode = {
  id: 2,
  code: 'X01-01',
  name: '共青团甲镇委员会',
  kind: 'TOWNSHIP_COMMITTEE',
  sector: 'TOWNSHIP',
  dissolvedOn: null,
  hasChildren: false,
  childCount: 0,
}
const school: OrgNode = {
  id: 3,
  code: 'X01-02',
  name: '第一中学团委',
  kind: 'BASIC_COMMITTEE',
  sector: 'HIGH_SCHOOL',
  dissolvedOn: null,
  hasChildren: false,
  childCount: 0,
}

/** What the server allows below each kind here (the detail's allowedChildKinds). */
const BELOW: Record<string, Org['allowedChildKinds']> = {
  COUNTY_COMMITTEE: ['TOWNSHIP_COMMITTEE', 'BASIC_COMMITTEE', 'BRANCH'],
  TOWNSHIP_COMMITTEE: ['BASIC_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'],
  BASIC_COMMITTEE: ['GENERAL_BRANCH', 'BRANCH'],
  GENERAL_BRANCH: ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH'],
}

function orgOf(node: OrgNode, parent: OrgNode | null): Org {
  const path = parent ? [parent, node] : [node]
  return {
    activeChildCount: node.childCount,
    allowedChildKinds: node.dissolvedOn ? [] : (BELOW[node.kind] ?? []),
    dissolveRefusal: node.childCount > 0 ? `该组织还有 ${node.childCount} 个未撤销的下级组织` : null,
    restoreRefusal: null,
    ...node,
    parent: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
    establishedOn: '2001-05-04',
    lastElectionOn: '2023-05-04',
    termYears: 3,
    residentYouth: 12345,
    registeredPop635: null,
    youthWorkCommittee: true,
    termExpiresOn: '2026-05-04',
    version: 1,
    path: path.map((p) => ({ id: p.id, code: p.code, name: p.name })),
  }
}

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  sessionStorage.clear()
  i18n.global.locale.value = 'zh-CN'
  // Copies: the tree keeps the objects it is given and updates their counts in place.
  vi.mocked(api.fetchRoots).mockResolvedValue([{ ...county }])
  vi.mocked(api.fetchChildren).mockImplementation(async (id: number) => (id === 1 ? [{ ...town }, { ...school }] : []))
  vi.mocked(api.fetchOrg).mockImplementation(async (id: number) =>
    id === 1 ? orgOf(county, null) : orgOf(id === 2 ? town : school, county),
  )
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountPage(permissions: string[]): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.me = {
    id: 1,
    username: 'admin',
    displayName: '管理员',
    roles: ['ORG_ADMIN'],
    permissions,
    scope: null,
    mustChangePassword: false,
  }
  wrapper = mount(OrganizationsPage, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('the organizations page', () => {
  it('loads only the roots at first, and the children when a level is expanded', async () => {
    const w = await mountPage(['org:read'])
    expect(w.find('[data-test="org-node-X01"]').exists()).toBe(true)
    expect(api.fetchChildren).not.toHaveBeenCalled()

    await w.find('[data-test="org-tree"] .el-tree-node__expand-icon').trigger('click')
    await flushPromises()

    expect(api.fetchChildren).toHaveBeenCalledWith(1, false)
    expect(w.find('[data-test="org-node-X01-01"]').text()).toContain('乡镇团委')
  })

  it('shows the details of the clicked org, with the write buttons only for org:write', async () => {
    const reader = await mountPage(['org:read'])
    await reader.find('[data-test="org-node-X01"]').trigger('click')
    await flushPromises()
    const detail = reader.find('[data-test="org-detail"]')
    expect(detail.find('[data-test="org-detail-code"]').text()).toBe('X01')
    expect(detail.find('[data-test="org-detail-kind"]').text()).toBe('团县委')
    expect(detail.text()).toContain('12,345')
    expect(reader.find('[data-test="org-add-child"]').exists()).toBe(false)
    reader.unmount()

    const writer = await mountPage(['org:read', 'org:write'])
    await writer.find('[data-test="org-node-X01"]').trigger('click')
    await flushPromises()
    for (const hook of ['org-add-child', 'org-edit', 'org-move', 'org-dissolve']) {
      expect(writer.find(`[data-test="${hook}"]`).exists(), hook).toBe(true)
    }
    // a root has no parent to move away from
    expect(writer.find('[data-test="org-move"]').attributes('disabled')).toBeDefined()
  })

  it('opens a search result by expanding the tree down its path', async () => {
    vi.mocked(api.searchOrgs).mockResolvedValue({ items: [school], total: 1, page: 0, size: 50 })
    const w = await mountPage(['org:read'])
    await w.find('input[data-test="org-search"]').setValue('一中')
    await w.find('input[data-test="org-search"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(api.searchOrgs).toHaveBeenCalledWith(expect.objectContaining({ q: '一中' }))

    await w.find('[data-test="org-result-X01-02"]').trigger('click')
    await flushPromises()
    await flushPromises()

    expect(api.fetchChildren).toHaveBeenCalledWith(1, false)
    expect(w.find('.el-tree-node.is-current [data-test="org-node-X01-02"]').exists()).toBe(true)
    expect(w.find('[data-test="org-detail-code"]').text()).toBe('X01-02')
  })

  it('shows a created org under its parent in the tree and selects it', async () => {
    const w = await mountPage(['org:read', 'org:write'])
    await w.find('[data-test="org-node-X01"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-add-child"]').trigger('click')

    const branch: OrgNode = {
      id: 9,
      code: 'X01-09',
      name: '新建团支部',
      kind: 'BRANCH',
      sector: 'VILLAGE',
      dissolvedOn: null,
      hasChildren: false,
      childCount: 0,
    }
    vi.mocked(api.fetchChildren).mockImplementation(async (id: number) => (id === 1 ? [town, school, branch] : []))
    w.findComponent(OrgFormDialog).vm.$emit('saved', orgOf(branch, county), true)
    await flushPromises()
    await flushPromises()

    expect(w.find('.el-tree-node.is-current [data-test="org-node-X01-09"]').exists()).toBe(true)
    expect(w.find('[data-test="org-detail-code"]').text()).toBe('X01-09')
  })

  it('offers 新增下级 on a committee but not on a branch, and under a 团总支 only the branch kinds', async () => {
    const branch: OrgNode = {
      ...town,
      id: 4,
      code: 'X01-01-01',
      name: '红星村团支部',
      kind: 'BRANCH',
      sector: 'VILLAGE',
    }
    const general: OrgNode = {
      ...town,
      id: 5,
      code: 'X01-03',
      name: '县医院团总支',
      kind: 'GENERAL_BRANCH',
      sector: 'HOSPITAL',
    }
    vi.mocked(api.fetchRoots).mockResolvedValue([branch, general])
    vi.mocked(api.fetchOrg).mockImplementation(async (id: number) => orgOf(id === 4 ? branch : general, null))
    const w = await mountPage(['org:read', 'org:write'])

    await w.find('[data-test="org-node-X01-01-01"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="org-detail-code"]').text()).toBe('X01-01-01')
    expect(w.find('[data-test="org-add-child"]').exists()).toBe(false)
    expect(w.find('[data-test="org-edit"]').exists()).toBe(true)

    await w.find('[data-test="org-node-X01-03"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-add-child"]').trigger('click')
    await flushPromises()
    const form = w.findComponent(OrgFormDialog)
    expect(form.props('kinds')).toEqual(['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH'])
    const labels = form.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    expect(labels).toContain('临时团支部')
    expect(labels).not.toContain('团省委')
    expect(labels).not.toContain('团总支')
  })

  it('explains why an org with active children cannot be dissolved, without asking for a reason', async () => {
    const w = await mountPage(['org:read', 'org:write'])
    await w.find('[data-test="org-node-X01"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-dissolve"]').trigger('click')
    await flushPromises()

    const blocked = document.querySelector('[data-test="org-dissolve-blocked"]')
    expect(blocked?.textContent).toContain('该组织还有 2 个未撤销的下级组织')
    expect(document.querySelector('[data-test="org-dissolve-reason"]')).toBeNull()
    expect(document.querySelector('[data-test="org-dissolve-submit"]')).toBeNull()
  })

  it('asks for date and reason when the org has no active children', async () => {
    const w = await mountPage(['org:read', 'org:write'])
    await w.find('[data-test="org-tree"] .el-tree-node__expand-icon').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-node-X01-02"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-dissolve"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-test="org-dissolve-blocked"]')).toBeNull()
    expect(document.querySelector('[data-test="org-dissolve-reason"]')).not.toBeNull()
  })

  it('pages the search results and shows where each result sits', async () => {
    const hits: OrgNode[] = Array.from({ length: 20 }, (_, i) => ({
      ...town,
      id: 100 + i,
      code: `X01-01-${String(i).padStart(2, '0')}`,
      name: '新华村团支部',
      kind: 'BRANCH',
      ancestors: [
        { id: 1, code: 'X01', name: '共青团示例县委员会' },
        { id: 2, code: 'X01-01', name: i % 2 ? '共青团甲镇委员会' : '共青团乙镇委员会' },
      ],
    }))
    vi.mocked(api.searchOrgs).mockResolvedValue({ items: hits, total: 45, page: 0, size: 20 })
    const w = await mountPage(['org:read'])
    await w.find('input[data-test="org-search"]').setValue('新华')
    await w.find('input[data-test="org-search"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()

    expect(api.searchOrgs).toHaveBeenLastCalledWith(expect.objectContaining({ q: '新华', page: 0, size: 20 }))
    expect(w.find('[data-test="org-search-results"]').text()).toContain('搜索结果（45）')
    // Same-named branches told apart by their path.
    expect(w.find('[data-test="org-result-X01-01-00"] [data-test="org-result-path"]').text()).toBe(
      '共青团示例县委员会 › 共青团乙镇委员会',
    )
    expect(w.find('[data-test="org-result-X01-01-01"] [data-test="org-result-path"]').text()).toBe(
      '共青团示例县委员会 › 共青团甲镇委员会',
    )

    const pager = w.find('[data-test="org-search-pager"]')
    expect(pager.findAll('.el-pager li').map((li) => li.text())).toEqual(['1', '2', '3'])
    await pager.findAll('.el-pager li')[2].trigger('click')
    await flushPromises()
    expect(api.searchOrgs).toHaveBeenLastCalledWith(expect.objectContaining({ q: '新华', page: 2, size: 20 }))

    // A new search starts again at its first page.
    await w.find('input[data-test="org-search"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(api.searchOrgs).toHaveBeenLastCalledWith(expect.objectContaining({ page: 0 }))
  })

  it('says "10,000+" when the server stopped counting, and shows no path when the server sent none', async () => {
    vi.mocked(api.searchOrgs).mockResolvedValue({ items: [school], total: 10000, page: 0, size: 20, totalExact: false })
    const w = await mountPage(['org:read'])
    await w.find('input[data-test="org-search"]').setValue('团')
    await w.find('input[data-test="org-search"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(w.find('[data-test="org-search-results"]').text()).toContain('搜索结果（10,000+）')
    expect(w.find('[data-test="org-result-X01-02"]').text()).toContain('X01-02 · 基层团委')
    expect(w.find('[data-test="org-result-X01-02"] [data-test="org-result-path"]').exists()).toBe(false)
  })

  it('is reachable by keyboard: a Tab stop once the roots are there, → expands, Enter opens, ← goes back up', async () => {
    const w = await mountPage(['org:read'])
    const item = (code: string) =>
      w.find(`[data-test="org-node-${code}"]`).element.closest('[role="treeitem"]') as HTMLElement
    const press = (el: HTMLElement, key: string) =>
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))

    vi.mocked(api.fetchOrg).mockClear()
    expect(item('X01').getAttribute('tabindex')).toBe('0')
    item('X01').focus()
    press(item('X01'), 'ArrowRight')
    await flushPromises()
    expect(api.fetchChildren).toHaveBeenCalledWith(1, false)
    expect(item('X01').getAttribute('aria-expanded')).toBe('true')
    // Not opened by expanding.
    expect(api.fetchOrg).not.toHaveBeenCalled()

    press(item('X01'), 'ArrowRight')
    expect(document.activeElement).toBe(item('X01-01'))
    press(item('X01-01'), 'Enter')
    await flushPromises()
    expect(w.find('[data-test="org-detail-code"]').text()).toBe('X01-01')

    press(item('X01-01'), 'ArrowLeft')
    expect(document.activeElement).toBe(item('X01'))
    press(item('X01'), 'ArrowLeft')
    await flushPromises()
    expect(item('X01').getAttribute('aria-expanded')).toBe('false')
  })

  it('offers 恢复 on a dissolved org: a reason is asked, or the server’s refusal explained before anything', async () => {
    const gone: OrgNode = { ...school, id: 6, code: 'X01-06', name: '已撤销团委', dissolvedOn: '2024-03-01' }
    vi.mocked(api.fetchRoots).mockResolvedValue([gone])
    vi.mocked(api.fetchOrg).mockImplementation(async () => orgOf(gone, null))
    vi.mocked(api.restoreOrg).mockResolvedValue({ ...orgOf({ ...gone, dissolvedOn: null }, null) })
    const w = await mountPage(['org:read', 'org:write'])
    await w.find('[data-test="org-show-dissolved"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-node-X01-06"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="org-dissolve"]').exists()).toBe(false)
    expect(w.find('[data-test="org-add-child"]').exists()).toBe(false)

    await w.find('[data-test="org-restore"]').trigger('click')
    await flushPromises()
    const reason = document.querySelector('[data-test="org-restore-reason"]') as HTMLTextAreaElement
    expect(reason).not.toBeNull()
    reason.value = '误撤销'
    reason.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-test="org-restore-submit"]') as HTMLElement).click()
    await flushPromises()
    expect(api.restoreOrg).toHaveBeenCalledWith(6, '误撤销')
  })

  it('explains why a dissolved org cannot be restored, without asking for a reason', async () => {
    const gone: OrgNode = { ...school, id: 6, code: 'X01-06', name: '已撤销团委', dissolvedOn: '2024-03-01' }
    vi.mocked(api.fetchRoots).mockResolvedValue([gone])
    vi.mocked(api.fetchOrg).mockImplementation(async () => ({
      ...orgOf(gone, null),
      restoreRefusal: '上级组织已撤销，请先恢复上级组织',
    }))
    const again = await mountPage(['org:read', 'org:write'])
    const toggle = again.find('[data-test="org-show-dissolved"]')
    if (!toggle.classes().includes('is-checked')) await toggle.trigger('click')
    await flushPromises()
    await again.find('[data-test="org-node-X01-06"]').trigger('click')
    await flushPromises()
    await again.find('[data-test="org-restore"]').trigger('click')
    await flushPromises()
    const shown = [...document.querySelectorAll('[data-test="org-restore-blocked"]')].map((e) => e.textContent)
    expect(shown.join()).toContain('上级组织已撤销')
    expect(document.querySelector('[data-test="org-restore-reason"]')).toBeNull()
    expect(document.querySelector('[data-test="org-restore-submit"]')).toBeNull()
  })

  it('edits with the code read-only and offers only the kinds the parent’s kind may have', async () => {
    const w = await mountPage(['org:read', 'org:write'])
    await w.find('[data-test="org-tree"] .el-tree-node__expand-icon').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-node-X01-01"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="org-edit"]').trigger('click')
    await flushPromises()
    await flushPromises()
    const form = w.findComponent(OrgFormDialog)
    expect((form.find('input[data-test="org-form-code"]').element as HTMLInputElement).disabled).toBe(true)
    const labels = form.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    // The kind list comes first (the sectors follow): what a county committee may have, no more.
    expect(labels.slice(0, 3)).toEqual(['乡镇团委', '基层团委', '团支部'])
    expect(labels).not.toContain('团县委')
    expect(labels).not.toContain('团总支')
  })
})
