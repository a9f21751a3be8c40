import { describe, expect, it } from 'vitest'
import zhCN from '../zh-CN'
import enUS from '../en-US'

type Tree = { [k: string]: string | Tree }

function deepKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : deepKeys(v, `${prefix}${k}.`),
  )
}

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  )
}

describe('locale files', () => {
  it('hold the same deep key set in zh-CN and en-US', () => {
    const zh = new Set(deepKeys(zhCN))
    const en = new Set(deepKeys(enUS))
    const onlyZh = [...zh].filter((k) => !en.has(k))
    const onlyEn = [...en].filter((k) => !zh.has(k))
    expect(onlyZh, 'keys missing from en-US').toEqual([])
    expect(onlyEn, 'keys missing from zh-CN').toEqual([])
  })

  it('have no empty messages', () => {
    const empty = [...leaves(zhCN), ...leaves(enUS)].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })

  it('use the same named placeholders in both languages', () => {
    const en = new Map(leaves(enUS))
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const differing = leaves(zhCN)
      .filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(en.get(k) ?? '')))
      .map(([k]) => k)
    expect(differing).toEqual([])
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
    expect(Object.keys(zhCN.org.kinds).sort()).toEqual([...kinds].sort())
  })
})
