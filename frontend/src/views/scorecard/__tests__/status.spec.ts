import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import type { Indicator } from '@/api/scorecard/scorecards'
import {
  countStatuses,
  formatFraction,
  formatIndicatorValue,
  formatTarget,
  groupByArea,
  STATUS_COLORS,
  statusLabel,
  statusStyle,
} from '../status'

function ind(code: string, area: string, over: Partial<Indicator> = {}): Indicator {
  return {
    code,
    name: code,
    area,
    unit: 'rate',
    value: 0.5,
    numerator: 1,
    denominator: 2,
    target: { op: '>=', value: 1 },
    status: 'NOT_MET',
    source: 'JC-08',
    sourceText: '',
    reason: null,
    ...over,
  }
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('status tags', () => {
  it('label the four statuses in Chinese', () => {
    expect(['MET', 'NOT_MET', 'NO_DATA', 'INFO'].map((s) => statusLabel(s as Indicator['status']))).toEqual([
      '达标',
      '未达标',
      '无数据',
      '参考',
    ])
  })

  it('colour 达标 green, 未达标 red, 无数据 grey and 参考 blue — never the accent red for 参考', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      return { r, g, b }
    }
    const met = hue(statusStyle('MET').color)
    expect(met.g).toBeGreaterThan(met.r)
    const notMet = hue(statusStyle('NOT_MET').color)
    expect(notMet.r).toBeGreaterThan(notMet.g)
    const info = hue(statusStyle('INFO').color)
    expect(info.b).toBeGreaterThan(info.r)
    const grey = hue(statusStyle('NO_DATA').color)
    expect(Math.max(grey.r, grey.g, grey.b) - Math.min(grey.r, grey.g, grey.b)).toBeLessThan(10)
    expect(new Set(Object.values(STATUS_COLORS).map((c) => c.color)).size).toBe(4)
  })
})

describe('value formatting', () => {
  it('shows rates and growth as a percentage with one decimal', () => {
    expect(formatIndicatorValue('rate', 0.8765)).toBe('87.7%')
    expect(formatIndicatorValue('rate', 1)).toBe('100.0%')
    expect(formatIndicatorValue('rate', 0)).toBe('0.0%')
    expect(formatIndicatorValue('growth', 0.2)).toBe('20.0%')
  })

  it('shows counts as integers with thousands separators', () => {
    expect(formatIndicatorValue('count', 12345)).toBe('12,345')
    expect(formatIndicatorValue('count', 3)).toBe('3')
    expect(formatIndicatorValue('count', 0)).toBe('0')
  })

  it('shows a null value as 无数据, not as 0', () => {
    expect(formatIndicatorValue('rate', null)).toBe('无数据')
    expect(formatIndicatorValue('count', null)).toBe('无数据')
    i18n.global.locale.value = 'en-US'
    expect(formatIndicatorValue('rate', null)).toBe('No data')
  })

  it('shows targets with their comparison, and 参考 when there is none', () => {
    expect(formatTarget('rate', { op: '>=', value: 0.6 })).toBe('≥ 60.0%')
    expect(formatTarget('count', { op: '>=', value: 90 })).toBe('≥ 90')
    expect(formatTarget('count', { op: '==', value: 0 })).toBe('= 0')
    expect(formatTarget('rate', null)).toBe('参考')
  })

  it('shows numerator / denominator, with a dash for a missing count', () => {
    expect(formatFraction({ numerator: 1234, denominator: 2000 })).toBe('1,234 / 2,000')
    expect(formatFraction({ numerator: 0, denominator: 0 })).toBe('0 / 0')
    expect(formatFraction({ numerator: null, denominator: null })).toBe('—')
  })
})

describe('grouping by area', () => {
  it('orders areas as the catalogue does and keeps the server order inside an area', () => {
    const groups = groupByArea([
      ind('MEM_A', 'MEM'),
      ind('ORG_B', 'ORG'),
      ind('SVC_C', 'SVC'),
      ind('ORG_A', 'ORG'),
      ind('X', 'NEW_AREA'),
    ])
    expect(groups.map((g) => g.area)).toEqual(['ORG', 'MEM', 'SVC', 'NEW_AREA'])
    expect(groups[0].indicators.map((i) => i.code)).toEqual(['ORG_B', 'ORG_A'])
  })

  it('counts statuses', () => {
    expect(
      countStatuses([ind('a', 'ORG', { status: 'MET' }), ind('b', 'ORG'), ind('c', 'ORG', { status: 'MET' })]),
    ).toEqual({ MET: 2, NOT_MET: 1, NO_DATA: 0, INFO: 0 })
  })
})
