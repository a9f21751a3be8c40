import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'
import * as scorecards from '@/api/scorecard/scorecards'
import * as rulePacks from '@/api/scorecard/rule-packs'
import type { RulePackSummary } from '@/api/scorecard/rule-packs'
import type { Indicator, Scorecard, ScorecardQuery } from '@/api/scorecard/scorecards'
import { useCurrentOrgStore } from '@/store/org'
import { useSessionStore } from '@/store/session'
import OrgPicker from '@/components/org-picker.vue'
import { scrollPageToTop } from '@/utils/scroll'
import BoardPage from '../index.vue'

vi.mock('@/components/echart.vue', () => ({
  default: defineComponent({
    props: { option: { type: Object, required: true } },
    setup: () => () => h('div', { class: 'echart-stub' }),
  }),
}))
/** A router that keeps a history of queries, as the hash router does: push adds an entry, replace swaps it. */
type Query = Record<string, string>
const routeState = reactive<{ query: Query }>({ query: {} })
const history: Query[] = []
function clean(q: Record<string, unknown>): Query {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => typeof v === 'string')) as Query
}
const push = vi.fn((to: { query: Record<string, unknown> }) => {
  routeState.query = clean(to.query)
  history.push(routeState.query)
  return Promise.resolve()
})
const replace = vi.fn((to: { query: Record<string, unknown> }) => {
  routeState.query = clean(to.query)
  history.splice(history.length - 1, 1, routeState.query)
  return Promise.resolve()
})
/** The browser's back button: the previous entry becomes the route. */
function back(): void {
  history.pop()
  routeState.query = history[history.length - 1] ?? {}
}
vi.mock('vue-router', () => ({ useRoute: () => routeState, useRouter: () => ({ replace, push }) }))
vi.mock('@/utils/scroll', () => ({ scrollPageToTop: vi.fn() }))
vi.mock('@/api/scorecard/scorecards', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/scorecard/scorecards')>()
  return {
    ...original,
    fetchScorecard: vi.fn(),
    fetchEvidence: vi.fn(),
    fetchTrend: vi.fn(),
    exportScorecard: vi.fn(),
    exportEvidence: vi.fn(),
  }
})
vi.mock('@/api/scorecard/rule-packs', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/api/scorecard/rule-packs')>()
  return { ...original, fetchPacks: vi.fn() }
})
vi.mock('@/utils/save-file', () => ({ saveFile: vi.fn() }))

function ind(
  code: string,
  area: string,
  unit: Indicator['unit'],
  value: number | null,
  status: Indicator['status'],
  over: Partial<Indicator> = {},
): Indicator {
  return {
    code,
    name: `${code}名`,
    area,
    unit,
    value,
    numerator: value === null ? 0 : 3,
    denominator: value === null ? 0 : 4,
    target: unit === 'rate' ? { op: '>=', value: 1 } : null,
    status,
    source: 'JC-08',
    sourceText: `${code} 条款原文`,
    reason: null,
    ...over,
  }
}

const COUNTY = { id: 1, code: 'X01', name: '示例县团委' }
const TOWN_A = { id: 2, code: 'X01-01', name: '甲镇团委', kind: 'TOWNSHIP_COMMITTEE' }
const TOWN_B = { id: 3, code: 'X01-02', name: '乙镇团委', kind: 'TOWNSHIP_COMMITTEE' }

function sample(org: { id: number; code: string; name: string }, children: boolean): Scorecard {
  return {
    pack: { id: 'QZ', title: '秦州区2024年工作要点', version: 1 },
    period: '2024',
    org,
    indicators: [
      ind('MEM_REGISTRATION_RATE', 'MEM', 'rate', null, 'NO_DATA', { reason: '平台尚未记录团员数据' }),
      ind('ORG_VILLAGE_COVERAGE', 'ORG', 'rate', 0.75, 'NOT_MET'),
      ind('ORG_YOUTH_SOCIETY_LED', 'ORG', 'count', 4, 'MET', {
        target: { op: '>=', value: 3 },
        numerator: null,
        denominator: null,
      }),
      ind('SVC_BRAND_PROJECTS', 'SVC', 'count', 9, 'INFO'),
    ],
    children: children
      ? [
          {
            org: TOWN_A,
            indicators: [
              ind('ORG_VILLAGE_COVERAGE', 'ORG', 'rate', 1, 'MET'),
              ind('ORG_YOUTH_SOCIETY_LED', 'ORG', 'count', 1, 'NOT_MET'),
            ],
          },
          { org: TOWN_B, indicators: [ind('ORG_VILLAGE_COVERAGE', 'ORG', 'rate', 0.5, 'NOT_MET')] },
        ]
      : [],
    dataVersion: 7,
    computedAt: '2025-03-01T08:00:00+08:00',
  }
}

function pack(id: string, title: string, indicatorCount: number): RulePackSummary {
  return {
    id,
    version: 1,
    title,
    issuer: '共青团',
    issuedOn: null,
    indicatorCount,
    builtIn: true,
    uploadedAt: null,
    uploadedBy: null,
  }
}

let wrapper: VueWrapper | null = null

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  localStorage.clear()
  routeState.query = {}
  history.splice(0, history.length, {})
  push.mockClear()
  replace.mockClear()
  vi.mocked(scrollPageToTop).mockClear()
  vi.mocked(scorecards.fetchScorecard).mockReset()
  vi.mocked(scorecards.fetchEvidence).mockReset()
  vi.mocked(scorecards.fetchTrend).mockResolvedValue([])
  vi.mocked(rulePacks.fetchPacks).mockResolvedValue([
    pack('STD', '通用指标', 1),
    pack('QZ', '秦州区2024年工作要点', 12),
    pack('GS', '甘肃省工作要点', 9),
  ])
  vi.mocked(scorecards.fetchScorecard).mockImplementation(async (q: ScorecardQuery) => {
    if (q.org === 'X01') return sample(COUNTY, true)
    const child = [TOWN_A, TOWN_B].find((c) => c.code === q.org)
    if (!child) throw new ApiError(404, { detail: '组织不存在', code: 'org.not-found' }, '')
    return sample({ id: child.id, code: child.code, name: child.name }, false)
  })
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
    permissions: ['org:read', 'scorecard:read'],
    scope: COUNTY,
    mustChangePassword: false,
  }
  useCurrentOrgStore().select(COUNTY)
  wrapper = mount(BoardPage, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const thisYear = new Date().getFullYear()

describe('the scorecard board', () => {
  it('opens on the current org, the pack with the most indicators and the current year, and says so in the URL', async () => {
    await mountPage()
    expect(scorecards.fetchScorecard).toHaveBeenCalledTimes(1)
    expect(scorecards.fetchScorecard).toHaveBeenCalledWith({ org: 'X01', pack: 'QZ', period: thisYear })
    // Filled in without a history entry of its own.
    expect(push).not.toHaveBeenCalled()
    expect(routeState.query).toEqual({ org: 'X01', pack: 'QZ', period: String(thisYear) })
  })

  it('opens on the pack the user chose last time', async () => {
    const w = await mountPage()
    w.findAllComponents({ name: 'ElSelect' })[0].vm.$emit('update:modelValue', 'GS')
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'GS', period: thisYear })
    w.unmount()
    wrapper = null
    routeState.query = {}
    vi.mocked(scorecards.fetchScorecard).mockClear()

    await mountPage()
    expect(scorecards.fetchScorecard).toHaveBeenCalledTimes(1)
    expect(scorecards.fetchScorecard).toHaveBeenCalledWith({ org: 'X01', pack: 'GS', period: thisYear })
  })

  it('follows the URL: its org, pack and period on opening, and a changed URL while open', async () => {
    routeState.query = { org: 'X01-01', pack: 'GS', period: '2023' }
    await mountPage()
    expect(scorecards.fetchScorecard).toHaveBeenCalledTimes(1)
    expect(scorecards.fetchScorecard).toHaveBeenCalledWith({ org: 'X01-01', pack: 'GS', period: 2023 })
    expect(replace).not.toHaveBeenCalled()

    // Another link while the board is open (the page is not mounted again).
    routeState.query = { org: 'X01', pack: 'QZ', period: '2024' }
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'QZ', period: 2024 })
    expect(wrapper?.find('[data-test="scorecard-summary"]').text()).toContain('示例县团委')
  })

  it('puts a changed period in the URL as a new history entry, and goes back with the back button', async () => {
    const w = await mountPage()
    w.findAllComponents({ name: 'ElSelect' })[1].vm.$emit('update:modelValue', thisYear - 2)
    await flushPromises()
    expect(push).toHaveBeenLastCalledWith({ query: expect.objectContaining({ period: String(thisYear - 2) }) })
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'QZ', period: thisYear - 2 })

    back()
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'QZ', period: thisYear })
  })

  it('goes back and forward through a drill-down with the browser buttons, the breadcrumb following', async () => {
    const w = await mountPage()
    await w.find('[data-test="scorecard-matrix-cell-X01-02-ORG_VILLAGE_COVERAGE"]').trigger('click')
    await flushPromises()
    expect(routeState.query.org).toBe('X01-02')
    const forward = { ...routeState.query }

    back()
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'QZ', period: thisYear })
    expect(w.find('[data-test="scorecard-breadcrumb"]').exists()).toBe(false)

    push({ query: forward })
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01-02', pack: 'QZ', period: thisYear })
    expect(w.find('[data-test="scorecard-breadcrumb"]').text()).toContain('示例县团委')
    expect(w.find('[data-test="scorecard-breadcrumb"]').text()).toContain('乙镇团委')
  })

  it('groups the indicators by area, in catalogue order, with status, value, fraction, target and reason', async () => {
    const w = await mountPage()
    const areas = w.findAll('[data-test^="scorecard-area-"]')
    expect(areas.map((a) => a.attributes('data-test'))).toEqual([
      'scorecard-area-ORG',
      'scorecard-area-MEM',
      'scorecard-area-SVC',
    ])
    expect(areas[0].find('h3').text()).toBe('组织覆盖')
    expect(areas[0].findAll('div.tw-ind').map((c) => c.attributes('data-test'))).toEqual([
      'scorecard-card-ORG_VILLAGE_COVERAGE',
      'scorecard-card-ORG_YOUTH_SOCIETY_LED',
    ])

    const rate = w.find('[data-test="scorecard-card-ORG_VILLAGE_COVERAGE"]')
    expect(rate.find('[data-test="scorecard-card-value"]').text()).toBe('75.0%')
    expect(rate.find('[data-test="scorecard-card-fraction"]').text()).toContain('3 / 4')
    expect(rate.find('[data-test="scorecard-card-target"]').text()).toContain('≥ 100.0%')
    expect(rate.find('.tw-status').text()).toBe('未达标')

    const count = w.find('[data-test="scorecard-card-ORG_YOUTH_SOCIETY_LED"]')
    expect(count.find('[data-test="scorecard-card-value"]').text()).toBe('4')
    expect(count.find('.tw-status').text()).toBe('达标')

    const none = w.find('[data-test="scorecard-card-MEM_REGISTRATION_RATE"]')
    expect(none.find('[data-test="scorecard-card-value"]').text()).toBe('无数据')
    expect(none.find('.tw-status').text()).toBe('无数据')
    expect(none.find('[data-test="scorecard-card-reason"]').text()).toBe('平台尚未记录团员数据')

    const info = w.find('[data-test="scorecard-card-SVC_BRAND_PROJECTS"]')
    expect(info.find('.tw-status').text()).toBe('参考')
    expect(info.find('[data-test="scorecard-card-target"]').text()).toContain('参考')
  })

  it('renders the children × indicators matrix coloured by status, a missing result as 无数据', async () => {
    const w = await mountPage()
    const matrix = w.find('[data-test="scorecard-matrix"]')
    expect(matrix.findAll('tbody tr')).toHaveLength(2)
    // rank, org, indicators met, then the four indicators
    expect(matrix.findAll('thead th')).toHaveLength(3 + 4)
    const a = matrix.find('[data-test="scorecard-matrix-cell-X01-01-ORG_VILLAGE_COVERAGE"]')
    expect(a.text()).toBe('100.0%')
    expect(a.attributes('data-status')).toBe('MET')
    const b = matrix.find('[data-test="scorecard-matrix-cell-X01-02-ORG_VILLAGE_COVERAGE"]')
    expect(b.text()).toBe('50.0%')
    expect(b.attributes('data-status')).toBe('NOT_MET')
    expect(b.attributes('style')).not.toBe(a.attributes('style'))
    const missing = matrix.find('[data-test="scorecard-matrix-cell-X01-02-ORG_YOUTH_SOCIETY_LED"]')
    expect(missing.text()).toBe('无数据')
    expect(missing.attributes('data-status')).toBe('NO_DATA')
  })

  it('ranks the children by indicators met, and sorts and ranks by a column on a header click', async () => {
    const w = await mountPage()
    const order = () =>
      w
        .findAll('[data-test="scorecard-matrix"] tbody tr')
        .map((tr) => [tr.attributes('data-test'), tr.find('td').text()])
    // 甲镇 meets one (coverage), 乙镇 none.
    expect(order()).toEqual([
      ['scorecard-matrix-row-X01-01', '1'],
      ['scorecard-matrix-row-X01-02', '2'],
    ])
    expect(w.find('[data-test="scorecard-matrix-met-X01-01"]').text()).toBe('1 / 2')

    await w.find('[data-test="scorecard-matrix-sort-ORG_VILLAGE_COVERAGE"]').trigger('click')
    expect(order()).toEqual([
      ['scorecard-matrix-row-X01-01', '1'],
      ['scorecard-matrix-row-X01-02', '2'],
    ])
    await w.find('[data-test="scorecard-matrix-sort-ORG_VILLAGE_COVERAGE"]').trigger('click')
    // Turned round: the worst first, each keeping its rank.
    expect(order()).toEqual([
      ['scorecard-matrix-row-X01-02', '2'],
      ['scorecard-matrix-row-X01-01', '1'],
    ])
    expect(w.find('[data-test="scorecard-matrix"] thead th[aria-sort="ascending"]').text()).toContain(
      'ORG_VILLAGE_COVERAGE名',
    )
    // 乙镇 has no figure for the society count: unranked, last.
    await w.find('[data-test="scorecard-matrix-sort-ORG_YOUTH_SOCIETY_LED"]').trigger('click')
    expect(order()).toEqual([
      ['scorecard-matrix-row-X01-01', '1'],
      ['scorecard-matrix-row-X01-02', '—'],
    ])
  })

  it('drills into a child on a cell click, shows the breadcrumb, and goes back through it', async () => {
    const w = await mountPage()
    expect(w.find('[data-test="scorecard-breadcrumb"]').exists()).toBe(false)

    await w.find('[data-test="scorecard-matrix-cell-X01-02-ORG_VILLAGE_COVERAGE"]').trigger('click')
    await flushPromises()

    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01-02', pack: 'QZ', period: thisYear })
    // The child's scorecard starts at the top of the page, not at the matrix far below.
    expect(scrollPageToTop).toHaveBeenCalledTimes(1)
    expect(push).toHaveBeenLastCalledWith({ query: expect.objectContaining({ org: 'X01-02' }) })
    const crumb = w.find('[data-test="scorecard-breadcrumb"]')
    expect(crumb.exists()).toBe(true)
    expect(crumb.text()).toContain('示例县团委')
    expect(crumb.text()).toContain('乙镇团委')
    expect(w.find('[data-test="scorecard-summary"]').text()).toContain('乙镇团委')

    await w.find('[data-test="scorecard-breadcrumb-X01"]').trigger('click')
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01', pack: 'QZ', period: thisYear })
    expect(w.find('[data-test="scorecard-breadcrumb"]').exists()).toBe(false)
  })

  it('shows the org evaluated in the picker: the child after a drill-down, the parent again going back', async () => {
    const w = await mountPage()
    const picker = w.findComponent(OrgPicker)
    expect(picker.props('modelValue')).toBe(COUNTY.id)

    await w.find('[data-test="scorecard-matrix-cell-X01-02-ORG_VILLAGE_COVERAGE"]').trigger('click')
    await flushPromises()
    expect(picker.props('modelValue')).toBe(TOWN_B.id)
    expect(picker.props('initial')).toEqual({ id: TOWN_B.id, code: TOWN_B.code, name: TOWN_B.name })
    // The select shows the child's label, not the county's.
    expect(picker.find('.el-select__placeholder').text()).toBe('乙镇团委 (X01-02)')
    expect(w.find('[data-test="scorecard-breadcrumb"]').text()).toContain('示例县团委')

    await w.find('[data-test="scorecard-breadcrumb-X01"]').trigger('click')
    await flushPromises()
    expect(picker.props('modelValue')).toBe(COUNTY.id)
  })

  it('starts a new trail when an org is chosen in the picker after a drill-down', async () => {
    const w = await mountPage()
    await w.find('[data-test="scorecard-matrix-cell-X01-02-ORG_VILLAGE_COVERAGE"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="scorecard-breadcrumb"]').exists()).toBe(true)

    w.findComponent(OrgPicker).vm.$emit('pick', { id: TOWN_A.id, code: TOWN_A.code, name: TOWN_A.name })
    await flushPromises()
    expect(scorecards.fetchScorecard).toHaveBeenLastCalledWith({ org: 'X01-01', pack: 'QZ', period: thisYear })
    expect(w.find('[data-test="scorecard-breadcrumb"]').exists()).toBe(false)
    expect(w.findComponent(OrgPicker).props('modelValue')).toBe(TOWN_A.id)
  })

  it('opens the records behind a figure and asks for failing records only when the switch is on', async () => {
    vi.mocked(scorecards.fetchEvidence).mockResolvedValue({
      items: [
        {
          recordType: 'UNIT',
          code: 'V001',
          name: '红星村',
          orgCode: 'X01-02',
          orgName: '乙镇团委',
          counted: false,
          note: '未建团组织',
        },
      ],
      total: 1,
      page: 0,
      size: 50,
    })
    const w = await mountPage()
    await w
      .find('[data-test="scorecard-card-ORG_VILLAGE_COVERAGE"] [data-test="scorecard-card-value"]')
      .trigger('click')
    await flushPromises()

    expect(scorecards.fetchEvidence).toHaveBeenLastCalledWith({
      org: 'X01',
      pack: 'QZ',
      period: thisYear,
      code: 'ORG_VILLAGE_COVERAGE',
      failingOnly: false,
      page: 0,
      size: 50,
    })
    const table = document.querySelector('[data-test="evidence-table"]')
    expect(table?.textContent).toContain('红星村')

    const sw = document.querySelector<HTMLElement>('[data-test="evidence-failing-only"]')
    sw?.click()
    await flushPromises()
    expect(scorecards.fetchEvidence).toHaveBeenLastCalledWith(
      expect.objectContaining({ code: 'ORG_VILLAGE_COVERAGE', failingOnly: true, page: 0 }),
    )
  })

  it('shows the server’s Chinese refusal (future period) instead of a scorecard', async () => {
    vi.mocked(scorecards.fetchScorecard).mockRejectedValue(
      new ApiError(400, { detail: '考核年度不能晚于今年', code: 'scorecard.period-future' }, ''),
    )
    const w = await mountPage()
    expect(w.find('[data-test="scorecard-error"]').text()).toContain('考核年度不能晚于今年')
    expect(w.find('[data-test="scorecard-matrix"]').exists()).toBe(false)
    expect(w.find('[data-test="scorecard-export-xlsx"]').attributes('disabled')).toBeDefined()
  })

  it('downloads the PDF of the scorecard shown', async () => {
    vi.mocked(scorecards.exportScorecard).mockResolvedValue({ blob: new Blob(['%PDF']), filename: null })
    const w = await mountPage()
    await w.find('[data-test="scorecard-export-pdf"]').trigger('click')
    await flushPromises()
    expect(scorecards.exportScorecard).toHaveBeenCalledWith({ org: 'X01', pack: 'QZ', period: thisYear }, 'pdf')
  })
})
