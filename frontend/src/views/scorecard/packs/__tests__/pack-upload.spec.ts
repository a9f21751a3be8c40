import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'
import { uploadPack } from '@/api/scorecard/rule-packs'
import PackUpload from '../components/pack-upload.vue'

vi.mock('@/api/scorecard/rule-packs', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/scorecard/rule-packs')>()
  return { ...original, uploadPack: vi.fn() }
})

let wrapper: VueWrapper | null = null

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.mocked(uploadPack).mockReset()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountWithFile(name: string): Promise<{ w: VueWrapper; file: File }> {
  wrapper = mount(PackUpload, {
    props: { modelValue: false },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  const input = document.querySelector<HTMLInputElement>('[data-test="pack-upload"] input[type="file"]')
  if (!input) throw new Error('no file input')
  const file = new File(['id: JC2\n'], name)
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  return { w: wrapper, file }
}

function submit(): HTMLButtonElement {
  const b = document.querySelector<HTMLButtonElement>('[data-test="pack-upload-submit"]')
  if (!b) throw new Error('no submit')
  return b
}

describe('rule pack upload', () => {
  it("lists the server's validation errors in a table and keeps the dialog open", async () => {
    vi.mocked(uploadPack).mockRejectedValue(
      new ApiError(
        400,
        {
          detail: '规则包校验未通过',
          code: 'scorecard.pack-invalid',
          errors: [
            {
              field: 'indicators[3].target',
              message: '第 14 行第 15 列：目标值应为 0 到 1 之间的比率',
              line: 14,
              column: 15,
            },
            { field: 'indicators[2].code', message: '第 8 行第 12 列：未知的指标编码 ORG_FOO', line: 8, column: 12 },
            { field: 'clauses', message: '缺少条款 JC-08' },
          ],
        },
        '',
      ),
    )
    const { w, file } = await mountWithFile('jc-rev.yaml')
    submit().click()
    await flushPromises()

    expect(uploadPack).toHaveBeenCalledWith(file)
    const rows = [...document.querySelectorAll('[data-test="pack-upload-errors"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    )
    // 1-based line and column in their own columns, in file order; an error without a position last.
    expect(rows).toEqual([
      ['8', '12', 'indicators[2].code', '未知的指标编码 ORG_FOO'],
      ['14', '15', 'indicators[3].target', '目标值应为 0 到 1 之间的比率'],
      ['—', '—', 'clauses', '缺少条款 JC-08'],
    ])
    expect(document.querySelector('[data-test="pack-upload-error"]')?.textContent).toContain('规则包校验未通过')
    expect(w.emitted('uploaded')).toBeUndefined()
    expect(w.emitted('update:modelValue')).toBeUndefined()
  })

  it('shows a malformed-YAML refusal without field errors as a message, with no table', async () => {
    vi.mocked(uploadPack).mockRejectedValue(
      new ApiError(400, { detail: 'YAML 格式错误：第 3 行', code: 'scorecard.pack-invalid' }, ''),
    )
    await mountWithFile('bad.yml')
    submit().click()
    await flushPromises()
    expect(document.querySelector('[data-test="pack-upload-error"]')?.textContent).toContain('YAML 格式错误')
    expect(document.querySelector('[data-test="pack-upload-errors"]')).toBeNull()
  })

  it('refuses a file that is not YAML before sending it', async () => {
    await mountWithFile('pack.xlsx')
    expect(submit().disabled).toBe(true)
    expect(uploadPack).not.toHaveBeenCalled()
  })

  it('closes and reports the saved pack', async () => {
    const saved = {
      id: 'JC',
      version: 2,
      title: 't',
      issuer: 'i',
      issuedOn: null,
      indicatorCount: 1,
      builtIn: false,
      uploadedAt: null,
      uploadedBy: null,
      clauses: {},
      indicators: [],
      versions: [1, 2],
    }
    vi.mocked(uploadPack).mockResolvedValue(saved)
    const { w } = await mountWithFile('jc.yaml')
    submit().click()
    await flushPromises()
    expect(w.emitted('uploaded')?.[0]).toEqual([saved])
    expect(w.emitted('update:modelValue')?.[0]).toEqual([false])
  })
})

describe('the position of a rule pack error', () => {
  it('reads the position from the message when the numbers are missing, and keeps a message that disagrees', async () => {
    const { packProblem } = await import('../components/pack-problems')
    expect(packProblem({ field: 'yaml', message: '第 3 行第 1 列：YAML 格式错误' })).toEqual({
      field: 'yaml',
      line: 3,
      column: 1,
      reason: 'YAML 格式错误',
    })
    expect(packProblem({ field: 'x', message: '第 3 行：重复的编号', line: 5 })).toEqual({
      field: 'x',
      line: 5,
      column: null,
      reason: '第 3 行：重复的编号',
    })
  })
})
