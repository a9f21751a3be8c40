import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { ComponentCustomProperties } from 'vue'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import { useSessionStore } from '@/store/session'
import SideMenu from '../components/side-menu.vue'

vi.mock('vue-router', () => ({ useRoute: () => ({ path: '/org/units', query: {} }) }))

let wrapper: VueWrapper | null = null
const push = vi.fn(() => Promise.resolve())

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  push.mockClear()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountMenu(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = {
    id: 1,
    username: 'clerk',
    displayName: '干事',
    roles: ['ORG_ADMIN'],
    permissions: ['org:read', 'scorecard:read'],
    scope: null,
    mustChangePassword: false,
  }
  wrapper = mount(SideMenu, {
    global: {
      plugins: [ElementPlus, i18n, pinia],
      stubs: { transition: false },
      // el-menu's `router` mode pushes through the app's $router; only push is used.
      config: { globalProperties: { $router: { push } } as unknown as ComponentCustomProperties },
    },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

function el(hook: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-test="${hook}"]`)
  if (!found) throw new Error(`no ${hook}`)
  return found
}

function title(group: string): HTMLElement {
  return el(`menu-group-${group}`).querySelector<HTMLElement>(':scope > .el-sub-menu__title') as HTMLElement
}

function press(key: string): void {
  document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

describe('the side menu by keyboard', () => {
  it('is one Tab stop, on the current page’s entry', async () => {
    await mountMenu()
    const stops = [...document.querySelectorAll('[data-test="side-menu"] [tabindex="0"]')]
    expect(stops).toEqual([el('menu-units')])
  })

  it('moves with the arrows through the entries shown, and opens a page with Enter', async () => {
    await mountMenu()
    el('menu-units').focus()
    press('ArrowDown')
    expect(document.activeElement).toBe(title('scorecard'))
    press('ArrowDown')
    expect(document.activeElement).toBe(el('menu-scorecard-board'))
    press('ArrowUp')
    press('ArrowUp')
    expect(document.activeElement).toBe(el('menu-units'))
    press('Home')
    expect(document.activeElement).toBe(el('menu-dashboard'))
    expect(el('menu-dashboard').getAttribute('tabindex')).toBe('0')

    press('Enter')
    await flushPromises()
    expect(push).toHaveBeenCalledWith('/dashboard')
  })

  it('closes a group with ← and skips its pages, opens it again with →', async () => {
    await mountMenu()
    el('menu-units').focus()
    press('ArrowLeft')
    expect(document.activeElement).toBe(title('org'))
    press('ArrowLeft')
    await flushPromises()
    expect(el('menu-group-org').classList.contains('is-opened')).toBe(false)
    press('ArrowDown')
    expect(document.activeElement).toBe(title('scorecard'))
    press('ArrowUp')
    press('ArrowRight')
    await flushPromises()
    expect(el('menu-group-org').classList.contains('is-opened')).toBe(true)
    press('ArrowRight')
    expect(document.activeElement).toBe(el('menu-orgs'))
  })
})
