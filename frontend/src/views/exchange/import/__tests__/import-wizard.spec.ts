import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'
import { annotateFile, importFile } from '@/api/exchange/files'
import { saveFile } from '@/utils/save-file'
import ImportWizard from '../components/import-wizard.vue'

vi.mock('@/api/exchange/files', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/exchange/files')>()
  return { ...original, importFile: vi.fn(), annotateFile: vi.fn(), downloadTemplate: vi.fn() }
})
vi.mock('@/utils/save-file', () => ({ saveFile: vi.fn() }))

const PROBLEM_422 = {
  type: 'about:blank',
  title: 'Unprocessable Content',
  status: 422,
  detail: '导入文件有 3 处错误，未写入任何数据',
  code: 'exchange.invalid-rows',
  errors: [
    { row: 7, column: '组织编码', value: '', reason: '组织编码为必填项' },
    { row: 3, column: '组织类别', value: '团小组', reason: '不是允许的组织类别' },
    { row: 5, column: '届期(年)', value: '9', reason: '届期应为 1 到 5 年' },
  ],
}

let wrapper: VueWrapper | null = null

function mountWizard(): VueWrapper {
  wrapper = mount(ImportWizard, {
    props: { type: 'organizations' },
    global: {
      plugins: [ElementPlus, i18n],
      stubs: { RouterLink: { template: '<a data-test="import-go-records"><slot /></a>' } },
    },
    attachTo: document.body,
  })
  return wrapper
}

async function chooseFile(w: VueWrapper, file: File): Promise<void> {
  await w.find('[data-test="import-next"]').trigger('click')
  const input = w.find('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.mocked(importFile).mockReset()
  vi.mocked(annotateFile).mockReset()
  vi.mocked(saveFile).mockReset()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('the import wizard', () => {
  it('puts the stable test hook on the real file input', () => {
    const w = mountWizard()
    expect(w.find('input[type="file"]').attributes('data-test')).toBe('import-file')
  })

  it('shows every bad row of a 422 answer, sorted by row, and says nothing was written', async () => {
    vi.mocked(importFile).mockRejectedValue(new ApiError(422, PROBLEM_422, ''))
    const w = mountWizard()
    const file = new File(['code,name\n'], '团组织.xlsx')
    await chooseFile(w, file)
    expect(w.find('[data-test="import-selected"]').text()).toContain('团组织.xlsx')

    await w.find('[data-test="import-submit"]').trigger('click')
    await flushPromises()

    expect(importFile).toHaveBeenCalledWith('organizations', file, expect.any(Function))
    const table = w.find('[data-test="import-errors"]')
    expect(table.exists()).toBe(true)
    const headers = table.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['行号', '列', '值', '错误原因'])
    const rows = table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(rows).toEqual([
      ['3', '组织类别', '团小组', '不是允许的组织类别'],
      ['5', '届期(年)', '9', '届期应为 1 到 5 年'],
      ['7', '组织编码', '', '组织编码为必填项'],
    ])
    const alert = w.find('[data-test="import-nothing-written"]').text()
    expect(alert).toContain('共 3 处错误')
    expect(alert).toContain('没有写入任何数据')
    expect(w.find('[data-test="import-success"]').exists()).toBe(false)
  })

  it('posts the same file for the annotated workbook and saves it', async () => {
    vi.mocked(importFile).mockRejectedValue(new ApiError(422, PROBLEM_422, ''))
    const annotated = { blob: new Blob(['x']), filename: null }
    vi.mocked(annotateFile).mockResolvedValue(annotated)
    const w = mountWizard()
    const file = new File(['code,name\n'], 'orgs.csv')
    await chooseFile(w, file)
    await w.find('[data-test="import-submit"]').trigger('click')
    await flushPromises()

    await w.find('[data-test="import-annotate"]').trigger('click')
    await flushPromises()

    expect(annotateFile).toHaveBeenCalledWith('organizations', file)
    expect(saveFile).toHaveBeenCalledWith(annotated, 'orgs-错误标注.xlsx')
  })

  it('shows the counts after a successful import', async () => {
    vi.mocked(importFile).mockResolvedValue({ created: 1234, updated: 5, rows: 1239 })
    const w = mountWizard()
    await chooseFile(w, new File(['x'], 'orgs.xlsx'))
    await w.find('[data-test="import-submit"]').trigger('click')
    await flushPromises()

    expect(w.find('[data-test="import-errors"]').exists()).toBe(false)
    expect(w.find('[data-test="import-summary"]').text()).toBe('共处理 1,239 行：新增 1,234 条，更新 5 条。')
    expect(w.find('[data-test="import-go-records"]').exists()).toBe(true)
    expect(w.emitted('imported')?.[0]).toEqual([{ created: 1234, updated: 5, rows: 1239 }])
  })

  it('refuses a file that is neither xlsx nor csv', async () => {
    const w = mountWizard()
    await chooseFile(w, new File(['x'], 'orgs.pdf'))
    expect(w.find('[data-test="import-selected"]').exists()).toBe(false)
    expect(w.find('[data-test="import-submit"]').attributes('disabled')).toBeDefined()
  })
})
