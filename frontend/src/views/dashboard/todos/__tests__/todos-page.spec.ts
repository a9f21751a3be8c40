import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import * as todos from '@/api/scorecard/todos'
import * as organizations from '@/api/org/organizations'
import type { TodoItem, TodoSummary } from '@/api/scorecard/todos'
import { useCurrentOrgStore } from '@/store/org'
import TodosPage from '../index.vue'
import { queryOf, stateFromQuery, todoNote, todoText } from '../use-todos'

const routeState = reactive<{ query: Record<string, string> }>({ query: {} })
const push = vi.fn(() => Promise.resolve())
const replace = vi.fn((to: { query: Record<string, string> }) => {
  routeState.query = to.query
  return Promise.resolve()
})
vi.mock('vue-router', () => ({ useRoute: () => routeState, useRouter: () => ({ replace, push }) }))
vi.mock('@/api/scorecard/todos', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/scorecard/todos')>()
  return {
    ...original,
    fetchTodoKinds: vi.fn(),
    fetchTodoSummary: vi.fn(),
    fetchTodos: vi.fn(),
    exportTodos: vi.fn(),
  }
})
vi.mock('@/api/org/organizations', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/org/organizations')>()
  return { ...original, searchOrgs: vi.fn() }
})
vi.mock('@/utils/save-file', () => ({ saveFile: vi.fn() }))

const county = { id: 1, code: 'C01', name: '示例县团委' }
const town = { id: 2, code: 'T01', name: '甲镇团委' }
function item(kind: string, org = town, over: Partial<TodoItem> = {}): TodoItem {
  return { kind, title: `${kind}题`, org, township: town, date: '2024-06-01', unit: null, note: '说明', ...over }
}
const summary: TodoSummary = {
  org: county,
  township: null,
  total: 3,
  kinds: [
    { kind: 'TERM_EXPIRED', title: '换届逾期', count: 2 },
    { kind: 'TERM_EXPIRING', title: '即将届满（90 天内）', count: 0 },
    { kind: 'VILLAGE_UNCOVERED', title: '村(社区)未建团组织', count: 1 },
  ],
  first: [],
}

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'zh-CN'
  sessionStorage.clear()
  routeState.query = {}
  vi.mocked(todos.fetchTodoKinds).mockResolvedValue(summary.kinds.map(({ kind, title }) => ({ kind, title })))
  vi.mocked(todos.fetchTodoSummary).mockResolvedValue(summary)
  vi.mocked(todos.fetchTodos).mockResolvedValue({
    items: [item('TERM_EXPIRED'), item('TERM_EXPIRED', { id: 3, code: 'B01', name: '一村团支部' })],
    total: 2,
    page: 0,
    size: 20,
  })
  vi.mocked(todos.exportTodos).mockResolvedValue({ blob: new Blob(['x']), filename: '待办提醒.xlsx' })
  vi.mocked(organizations.searchOrgs).mockResolvedValue({ items: [], total: 0, page: 0, size: 500 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.clearAllMocks()
})

async function open(): Promise<VueWrapper> {
  wrapper = mount(TodosPage, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('the to-do list', () => {
  it('shows the count of every kind, zeros too, and the items linked to their orgs', async () => {
    const w = await open()
    expect(w.get('[data-test="todo-kind-all"] [data-test="todo-kind-count"]').text()).toBe('3')
    expect(w.get('[data-test="todo-kind-TERM_EXPIRED"]').text()).toContain('换届逾期')
    expect(w.get('[data-test="todo-kind-TERM_EXPIRED"] [data-test="todo-kind-count"]').text()).toBe('2')
    expect(w.get('[data-test="todo-kind-TERM_EXPIRING"] [data-test="todo-kind-count"]').text()).toBe('0')
    expect(w.findAll('[data-test="todos-table"] tbody tr')).toHaveLength(2)
    expect(w.get('[data-test="todos-total"]').text()).toBe('共 2 条')
  })

  it('filters by a kind when its count is clicked, and back to all on a second click', async () => {
    const w = await open()
    await w.get('[data-test="todo-kind-VILLAGE_UNCOVERED"]').trigger('click')
    await flushPromises()
    expect(todos.fetchTodos).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'VILLAGE_UNCOVERED', page: 0 }))
    expect(routeState.query).toEqual({ kind: 'VILLAGE_UNCOVERED' })
    expect(w.get('[data-test="todo-kind-VILLAGE_UNCOVERED"]').classes()).toContain('is-active')
    // The counts follow the org and township only: the summary is not asked again for a kind.
    expect(todos.fetchTodoSummary).toHaveBeenCalledTimes(1)

    await w.get('[data-test="todo-kind-VILLAGE_UNCOVERED"]').trigger('click')
    await flushPromises()
    expect(todos.fetchTodos).toHaveBeenLastCalledWith(expect.objectContaining({ kind: undefined }))
  })

  it('starts from the kind the URL names and asks for the current org', async () => {
    routeState.query = { kind: 'TERM_EXPIRED', page: '2' }
    useCurrentOrgStore().select(county)
    await open()
    expect(todos.fetchTodos).toHaveBeenCalledWith(
      expect.objectContaining({ org: 'C01', kind: 'TERM_EXPIRED', page: 1, size: 20 }),
    )
    expect(todos.fetchTodoSummary).toHaveBeenCalledWith({ org: 'C01', township: undefined })
  })

  it('exports the filtered list and opens an item’s org in the tree', async () => {
    const w = await open()
    await w.get('[data-test="todo-kind-TERM_EXPIRED"]').trigger('click')
    await flushPromises()
    await w.get('[data-test="todos-export"]').trigger('click')
    await flushPromises()
    expect(todos.exportTodos).toHaveBeenCalledWith({ org: undefined, kind: 'TERM_EXPIRED', township: undefined })

    const replaced = replace.mock.calls.length
    const listed = vi.mocked(todos.fetchTodos).mock.calls.length
    await w.get('[data-test="todo-org-B01"]').trigger('click')
    await flushPromises()
    expect(useCurrentOrgStore().current?.code).toBe('B01')
    expect(push).toHaveBeenCalledWith({ name: 'orgs' })
    // Leaving for the tree: the list neither reloads for the new current org nor rewrites the URL.
    expect(replace.mock.calls.length).toBe(replaced)
    expect(vi.mocked(todos.fetchTodos).mock.calls.length).toBe(listed)
  })

  it('shows a refusal of the server in place of the list', async () => {
    const { ApiError } = await import('@/api/http')
    vi.mocked(todos.fetchTodos).mockRejectedValue(new ApiError(400, { detail: '该乡镇不在所选组织之下' }, 'x'))
    const w = await open()
    expect(w.get('[data-test="todos-error"]').text()).toContain('该乡镇不在所选组织之下')
  })
})

describe('the to-do list state and words', () => {
  it('reads the URL forgivingly and writes only what differs from the defaults', () => {
    expect(stateFromQuery({ kind: 'X', page: 'abc', size: '7' })).toEqual({
      kind: 'X',
      township: '',
      page: 1,
      size: 20,
    })
    expect(queryOf({ kind: '', township: 'T01', page: 3, size: 50 })).toEqual({
      township: 'T01',
      page: '3',
      size: '50',
    })
    expect(queryOf(stateFromQuery({}))).toEqual({})
  })

  it('says a to-do in the user’s language, and a kind it does not know by the server’s note', () => {
    expect(todoText(item('TERM_EXPIRED'))).toBe('甲镇团委 届期已于 2024-06-01 届满，请尽快换届')
    expect(todoText(item('VILLAGE_UNCOVERED', town, { unit: { code: 'V1', name: '一村' } }))).toBe(
      '甲镇团委 辖区的 一村 尚未建立团组织',
    )
    expect(todoText(item('MEMBER_OVERAGE', town, { note: '3 名团员超龄' }))).toBe('甲镇团委：3 名团员超龄')
    expect(todoNote(item('TERM_EXPIRED'))).toBe('届期已于 2024-06-01 届满，请尽快换届')
    expect(todoNote(item('MEMBER_OVERAGE', town, { note: '3 名团员超龄' }))).toBe('3 名团员超龄')
    i18n.global.locale.value = 'en-US'
    expect(todoText(item('TERM_EXPIRING'))).toBe('The term of 甲镇团委 expires on 2024-06-01 (within 90 days)')
    expect(todoNote(item('TERM_EXPIRING'))).toBe('Term ends on 2024-06-01 (within 90 days)')
  })
})
