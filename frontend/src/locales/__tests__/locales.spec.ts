import { describe, expect, it } from 'vitest'
import { i18n, messages, MODULE_SOURCES, PLATFORM_SOURCE } from '..'
import { mergeSources, sourcesOf, type LocaleSource, type MessageTree } from '../messages'
import { MODULES } from '@/router/modules'

function leaves(tree: MessageTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  )
}

const SOURCES: readonly LocaleSource[] = [PLATFORM_SOURCE, ...MODULE_SOURCES]

describe('locale files, each of the platform and of every module', () => {
  it('are found for every module folder with strings', () => {
    expect(MODULE_SOURCES.map((s) => s.name)).toEqual([
      'views/auth/locales',
      'views/dashboard/locales',
      'views/exchange/locales',
      'views/org/locales',
      'views/scorecard/locales',
      'views/system/locales',
    ])
  })

  it.each(SOURCES.map((s) => [s.name, s] as const))('%s: hold the same keys in zh-CN and en-US', (_name, source) => {
    const zh = new Set(leaves(source.messages['zh-CN'] ?? {}).map(([k]) => k))
    const en = new Set(leaves(source.messages['en-US'] ?? {}).map(([k]) => k))
    expect(zh.size, 'zh-CN has messages').toBeGreaterThan(0)
    expect(
      [...zh].filter((k) => !en.has(k)),
      'keys missing from en-US',
    ).toEqual([])
    expect(
      [...en].filter((k) => !zh.has(k)),
      'keys missing from zh-CN',
    ).toEqual([])
  })

  it.each(SOURCES.map((s) => [s.name, s] as const))('%s: have no empty messages', (_name, source) => {
    const all = [...leaves(source.messages['zh-CN'] ?? {}), ...leaves(source.messages['en-US'] ?? {})]
    expect(all.filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })

  it.each(SOURCES.map((s) => [s.name, s] as const))(
    '%s: use the same named placeholders in both languages',
    (_name, source) => {
      const en = new Map(leaves(source.messages['en-US'] ?? {}))
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      const differing = leaves(source.messages['zh-CN'] ?? {})
        .filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(en.get(k) ?? '')))
        .map(([k]) => k)
      expect(differing).toEqual([])
    },
  )
})

describe('the collected messages', () => {
  it('give every route title and menu group title a text in both languages', () => {
    const keys = [
      ...MODULES.flatMap((m) => m.routes.map((r) => r.meta?.title)),
      ...MODULES.flatMap((m) => (m.groups ?? []).map((g) => g.title)),
    ].filter((k): k is string => typeof k === 'string')
    expect(keys.length).toBeGreaterThan(10)
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const known = new Set(leaves(messages[lang]).map(([k]) => k))
      expect(
        keys.filter((k) => !known.has(k)),
        lang,
      ).toEqual([])
    }
    expect(i18n.global.t('org.menu.orgs')).toBe('团组织')
  })

  it('label every org kind from the API contract', () => {
    const kinds = [
      'PROVINCE_COMMITTEE',
      'CITY_COMMITTEE',
      'COUNTY_COMMITTEE',
      'DISTRICT_COMMITTEE',
      'TOWNSHIP_COMMITTEE',
      'STREET_WORK_COMMITTEE',
      'WORK_COMMITTEE',
      'BASIC_COMMITTEE',
      'GENERAL_BRANCH',
      'BRANCH',
      'JOINT_BRANCH',
      'TEMPORARY_BRANCH',
      'FLOATING_BRANCH',
    ]
    const org = messages['zh-CN'].org as MessageTree
    expect(Object.keys(org.kinds as MessageTree).sort()).toEqual([...kinds].sort())
  })
})

describe('collecting locale files', () => {
  it('groups the files by module folder and ignores other names', () => {
    const sources = sourcesOf({
      '../views/members/locales/zh-CN.ts': { default: { members: { title: '团员' } } },
      '../views/members/locales/en-US.ts': { default: { members: { title: 'Members' } } },
      '../views/members/locales/helpers.ts': { default: { members: { title: 'x' } } },
    })
    expect(sources).toEqual([
      {
        name: 'views/members/locales',
        messages: { 'zh-CN': { members: { title: '团员' } }, 'en-US': { members: { title: 'Members' } } },
      },
    ])
  })

  it('refuses a namespace that two modules both define', () => {
    const a: LocaleSource = { name: 'views/a/locales', messages: { 'zh-CN': { org: { x: '甲' } }, 'en-US': {} } }
    const b: LocaleSource = { name: 'views/b/locales', messages: { 'zh-CN': { org: { y: '乙' } }, 'en-US': {} } }
    expect(() => mergeSources([a, b])).toThrow(/'org' is defined in both views\/a\/locales and views\/b\/locales/)
    expect(mergeSources([a])['zh-CN']).toEqual({ org: { x: '甲' } })
  })
})
