import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { i18n } from '@/locales'
import OrgFormDialog from '@/views/org/organizations/components/org-form.vue'

/** The org form in a host that opens it and closes it as the org page does. */
const Host = defineComponent({
  setup() {
    const open = ref(true)
    const parent = { id: 1, code: 'X01', name: '示例县团委' }
    return () =>
      h(OrgFormDialog, {
        modelValue: open.value,
        parent,
        'onUpdate:modelValue': (v: boolean) => (open.value = v),
      })
  },
})

let wrapper: VueWrapper | null = null

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

async function mountHost(): Promise<VueWrapper> {
  wrapper = mount(Host, {
    global: { plugins: [ElementPlus, i18n, createPinia()], stubs: { transition: false } },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

function dialogOpen(): boolean {
  const el = document.querySelector<HTMLElement>('[data-test="org-form"]')
  return !!el && el.closest<HTMLElement>('.el-overlay')?.style.display !== 'none'
}

async function settle(): Promise<void> {
  await flushPromises()
  await nextTick()
  await new Promise((resolve) => setTimeout(resolve, 50))
  await flushPromises()
}

function messageBox(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.el-message-box')
}

function pressEscape(): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
}

describe('a dialog with typed input', () => {
  it('closes at once on Esc while nothing was typed', async () => {
    await mountHost()
    expect(dialogOpen()).toBe(true)
    pressEscape()
    await settle()
    expect(messageBox()).toBeNull()
    expect(wrapper?.findComponent(OrgFormDialog).props('modelValue')).toBe(false)
  })

  it('asks before Esc throws typed input away, and stays open when the user keeps editing', async () => {
    const w = await mountHost()
    await w.find('input[data-test="org-form-name"]').setValue('共青团新建镇委员会')
    pressEscape()
    await settle()
    expect(messageBox()?.textContent).toContain('放弃已填写的内容')
    const keep = [...(messageBox()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('继续填写'))
    keep?.click()
    await settle()
    expect(w.findComponent(OrgFormDialog).props('modelValue')).toBe(true)
    expect(w.find<HTMLInputElement>('input[data-test="org-form-name"]').element.value).toBe('共青团新建镇委员会')
  })

  it('asks on the close button too, and closes once the user discards', async () => {
    const w = await mountHost()
    await w.find('input[data-test="org-form-code"]').setValue('X01-09')
    document.querySelector<HTMLElement>('.el-dialog__headerbtn')?.click()
    await settle()
    const discard = [...(messageBox()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('放弃'))
    expect(discard).toBeDefined()
    discard?.click()
    await settle()
    expect(w.findComponent(OrgFormDialog).props('modelValue')).toBe(false)
  })
})
