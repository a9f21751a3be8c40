import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'
import * as usersApi from '@/api/system/users'
import UserForm from '../components/user-form.vue'
import { GRANTABLE_ROLES } from '../columns'

vi.mock('@/components/org-picker.vue', () => ({
  default: defineComponent({
    props: { modelValue: { type: Number, default: null } },
    emits: ['update:modelValue'],
    setup:
      (_props, { emit }) =>
      () =>
        h('button', { class: 'org-picker-stub', type: 'button', onClick: () => emit('update:modelValue', 42) }, 'pick'),
  }),
}))
vi.mock('@/api/system/users', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/system/users')>()
  return { ...original, createUser: vi.fn(), updateUser: vi.fn() }
})

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'zh-CN'
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

async function open(): Promise<VueWrapper> {
  wrapper = mount(UserForm, {
    props: { modelValue: true, user: null },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

describe('the user form', () => {
  it('grants only the two ordinary roles and says where the 三员 are kept', async () => {
    expect([...GRANTABLE_ROLES]).toEqual(['ORG_ADMIN', 'PARTY_REVIEWER'])
    await open()
    expect(document.querySelector('[data-test="user-form-roles-hint"]')?.textContent).toContain('users 命令')
  })

  it('shows the server’s 三员 refusal at the top of the form', async () => {
    vi.mocked(usersApi.createUser).mockRejectedValue(
      new ApiError(
        403,
        { status: 403, code: 'user.separated-admin', detail: '三员账户只能用服务器上的 users 命令管理' },
        'x',
      ),
    )
    const w = await open()
    // Filled in as a user would; the role select and the org picker are driven through the form's state.
    const state = (w.vm.$ as unknown as { setupState: { form: Record<string, unknown> } }).setupState.form
    Object.assign(state, { username: 'zhang.san', displayName: '张三', roles: ['ORG_ADMIN'], scopeOrgId: 42 })
    await flushPromises()
    ;(document.querySelector('[data-test="user-form-submit"]') as HTMLElement).click()
    await flushPromises()
    const refusal = document.querySelector('[data-test="user-form-refusal"]')
    expect(refusal?.textContent).toContain('三员账户不能在网页上管理')
    expect(refusal?.textContent).toContain('三员账户只能用服务器上的 users 命令管理')
  })
})
