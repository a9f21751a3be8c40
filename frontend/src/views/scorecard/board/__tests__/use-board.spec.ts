import { describe, expect, it } from 'vitest'
import type { RulePackSummary } from '@/api/scorecard/rule-packs'
import { choosePack, defaultPeriod, followUrl, parsePeriod, periodOptions } from '../use-board'

function pack(id: string, indicatorCount: number): RulePackSummary {
  return {
    id,
    version: 1,
    title: id,
    issuer: '',
    issuedOn: null,
    indicatorCount,
    builtIn: true,
    uploadedAt: null,
    uploadedBy: null,
  }
}
const PACKS = [pack('STD', 1), pack('QZ', 12), pack('GS', 12)]

const county = { id: 1, code: 'X01', name: '县' }
const town = { id: 2, code: 'X01-01', name: '甲镇' }
const village = { id: 3, code: 'X01-01-01', name: '村' }
const byCode = (code: string) => ({ id: 0, code, name: code })

describe('the board’s defaults', () => {
  it('default to the current year by the clock, and offer it', () => {
    expect(defaultPeriod(new Date(2031, 0, 2))).toBe(2031)
    expect(periodOptions(new Date(2031, 0, 2), 2)).toEqual([2031, 2030, 2029])
  })

  it('take a year from the URL only when it is one', () => {
    expect(parsePeriod('2024')).toBe(2024)
    expect(parsePeriod('24')).toBeNull()
    expect(parsePeriod('2024abc')).toBeNull()
    expect(parsePeriod(undefined)).toBeNull()
    expect(parsePeriod(['2024'])).toBeNull()
  })

  it('open on the URL’s pack, else the remembered one while it exists, else the one with most indicators', () => {
    expect(choosePack(PACKS, 'STD', 'GS')).toBe('STD')
    expect(choosePack(PACKS, null, 'GS')).toBe('GS')
    expect(choosePack(PACKS, null, 'GONE')).toBe('QZ')
    expect(choosePack(PACKS, null, null)).toBe('QZ')
    expect(choosePack([], null, 'GS')).toBeNull()
  })
})

describe('the drill-down trail following the URL', () => {
  it('stays when the URL names the org shown', () => {
    expect(followUrl([county, town], 'X01-01', [], byCode)).toEqual([county, town])
  })

  it('cuts back to an org on the trail (back)', () => {
    expect(followUrl([county, town, village], 'X01', [], byCode)).toEqual([county])
  })

  it('goes one step down to a child of the org shown (forward)', () => {
    expect(followUrl([county], 'X01-01', [town], byCode)).toEqual([county, town])
  })

  it('starts again at an org that is neither (a link)', () => {
    expect(followUrl([county, town], 'Y09', [village], byCode)).toEqual([{ id: 0, code: 'Y09', name: 'Y09' }])
  })
})
